"""``python -m kbanalysis``: the same command line as the ``kbanalysis`` script."""
from .cli import main

if __name__ == "__main__":
    main()
