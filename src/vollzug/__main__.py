"""``python -m vollzug``."""

from vollzug.cli.main import main

if __name__ == "__main__":
    main()
