"""The ``kto-ingest`` console script. ``--version`` answers before the PDF, signature and rule
machinery is imported (about 0.9 s on a 2-core machine); everything else goes to the CLI."""

from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        print(f"kto-ingest {__version__}")
        sys.exit(0)
    from .cli import run as cli_run

    cli_run()
