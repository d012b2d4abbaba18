"""Simulated data, always labelled as such.

- :mod:`kbanalysis.simulate.kbpp`: a KBPP layer per regency and year in the schema of a real
  import, calibrated to published aggregates, for use until real KBPP data is imported.
- :mod:`kbanalysis.simulate.synthetic`: a fully synthetic world (regions, covariates,
  exposure, outcome with a known true effect) for testing the estimators.
"""
