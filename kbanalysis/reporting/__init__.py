"""Reports and research notebooks: the facts they show, their text, plots, maps and the batch.

- :mod:`.params`   parameter validation (unknown codes fail with the closest matches)
- :mod:`.context`  the inputs a report reads, loaded once per kernel and hashed
- :mod:`.content`  the facts a report shows, computed from the tables (pure functions)
- :mod:`.areas`    the facts of the province and national pages
- :mod:`.official` official province figures (province-level rows of the tidy table)
- :mod:`.sourcing` the "Sumber: …" line under a table or chart
- :mod:`.audit`    the facts of the data-audit and model notebooks
- :mod:`.text`     Bahasa Indonesia / English strings and number formats
- :mod:`.sections` what each template cell shows (content put into words and figures)
- :mod:`.blocks`   escaped HTML fragments the notebooks display
- :mod:`.plots`, :mod:`.maps`, :mod:`.area_plots`  figures; :mod:`.svgcharts` the regency
  trend as inline SVG
- :mod:`.downloads` tables as offline CSV downloads (``data:`` links)
- :mod:`.html`     offline, self-contained HTML export with code hidden
- :mod:`.batch`    papermill templates over warm kernels, in parallel, incremental, atomic
- :mod:`.index`    ``reports/index.html``
- :mod:`.refresh`  re-executes the committed notebooks (their outputs are nbval references)
- :mod:`.research`, :mod:`.suite_sections`  the model notebook: parameters to one checked
  ``fit_suite`` call, and what a live fit shows
- :mod:`.your_data` the notebook for an office's own KBPP files (check, build aside, fit)
"""
