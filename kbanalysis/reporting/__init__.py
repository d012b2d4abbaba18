"""Reports and research notebooks: the facts they show, their text, plots, maps and the batch.

- :mod:`.params`   parameter validation (unknown codes fail with the closest matches)
- :mod:`.context`  the inputs a report reads, loaded once per kernel and hashed
- :mod:`.content`  the facts a report shows, computed from the tables (pure functions)
- :mod:`.audit`    the facts of the data-audit and model notebooks
- :mod:`.text`     Bahasa Indonesia / English strings and number formats
- :mod:`.sections` what each template cell shows (content put into words and figures)
- :mod:`.blocks`   escaped HTML fragments the notebooks display
- :mod:`.plots`, :mod:`.maps`  figures
- :mod:`.html`     offline, self-contained HTML export with code hidden
- :mod:`.batch`    papermill templates over warm kernels, in parallel, incremental, atomic
- :mod:`.index`    ``reports/index.html``
- :mod:`.refresh`  re-executes the committed notebooks (their outputs are nbval references)
"""
