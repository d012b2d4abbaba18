"""One reader per real file format. Each knows its format's quirks and returns a
:class:`~kbanalysis.sources.base.SourceResult`: tidy rows plus a rejects ledger."""
