"""The sections of the report templates, one module per level of report (``regency``,
``province``, ``national``) and what they share (``shared``). Each section receives what it
shows (the context, a code, the language) and returns what one notebook cell displays. The
templates import them all through :mod:`kbanalysis.reporting.sections`."""
