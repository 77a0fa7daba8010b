"""The ``kto-ingest`` console script. ``--version`` answers before the PDF, signature and rule
machinery is imported (about 0.9 s on a 2-core machine); everything else goes to the CLI. A check
(the default command) starts the workers' fork server first, so that it loads the PDF machinery
while this process loads the command line."""

from __future__ import annotations

import sys

# Commands that never check PDFs in worker processes (`check` and the bare form do).
_NO_WORKERS = {"explain", "schema", "rules", "serve", "instellingen", "regeling"}


def _wants_workers(args: list[str]) -> bool:
    """Whether this command line checks files with worker processes: not another command, not
    --help, not --jobs 0. Only a guess to start early; the command itself decides."""
    if not args or args[0] in _NO_WORKERS or any(a in ("-h", "--help", "--version") for a in args):
        return False
    for i, arg in enumerate(args):
        value = None
        if arg in ("--jobs", "-j") and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--jobs="):
            value = arg.removeprefix("--jobs=")
        elif arg.startswith("-j") and arg[2:].isdigit():
            value = arg[2:]
        if value is not None and value.strip() == "0":
            return False
    return True


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        print(f"kto-ingest {__version__}")
        sys.exit(0)
    if _wants_workers(sys.argv[1:]):
        from .isolation import Limits, start_early

        start_early(Limits(jobs=1))
    from .cli import run as cli_run

    cli_run()
