"""``python -m kit``: prepare a class from the shell (see ``python -m kit --help``)."""

from kit.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
