"""Reports: the facts they show, their text, plots, maps and the batch. Display only: the
live fitting and office-data code of the research notebooks is ``kbanalysis.research``.

- :mod:`.params`   parameter validation (unknown codes fail with the closest matches)
- :mod:`.context`  the inputs a report reads, loaded once per kernel and hashed
- :mod:`.content`  the facts a report shows, computed from the tables (pure functions)
- :mod:`.areas`    the facts of the province and national pages
- :mod:`.official` official province figures (province-level rows of the tidy table)
- :mod:`.sourcing` the "Sumber: …" line under a table or chart
- :mod:`.audit`    the facts of the data-audit and model notebooks
- :mod:`.sections` what each template cell shows (content put into words and figures); the
  code is in :mod:`.page_sections` by level (shared, regency, province, national)
- :mod:`.referee`  the "what a referee would check" section of the national page and 2.01-model
- :mod:`.labels`   label placement that keeps chart labels off points and each other
- :mod:`.paths`    where a report is written (shared by the batch and the template links)
- :mod:`.blocks`   escaped HTML fragments the notebooks display (a fold, an inline figure)
- :mod:`.plots`, :mod:`.maps`, :mod:`.area_plots`  figures; :mod:`.svgcharts` the regency
  trend as inline SVG
- :mod:`.downloads` tables as offline CSV downloads (``data:`` links)
- :mod:`.html`     offline, self-contained HTML export with code hidden
- :mod:`.batch`    papermill templates over warm kernels, in parallel, incremental, atomic
- :mod:`.index`    ``reports/index.html``
- :mod:`.refresh`  re-executes the committed notebooks (their outputs are nbval references)
"""
