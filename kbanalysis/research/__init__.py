"""What the research notebooks run live: fitting a specification from notebook parameters
(``fitting``), showing a live fit (``suite_display``), and an office's own KBPP files checked,
built into the office workspace and fitted (``your_data``).

Reports never fit: ``kbanalysis.reporting`` only displays the committed results. This package
uses its display blocks and the notebook-parameter checks (``reporting.params``).
"""
