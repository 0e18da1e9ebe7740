"""``python -m vollzug`` (the same entry point as the ``vollzug`` console script)."""

import sys

from vollzug.cli.entry import main

if __name__ == "__main__":
    code = main()
    sys.exit(code if isinstance(code, int) else 0)
