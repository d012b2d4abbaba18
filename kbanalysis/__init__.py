"""kbanalysis: postpartum family planning (KBPP) and child stunting across Indonesia's regencies."""

__version__ = "0.1.0"
