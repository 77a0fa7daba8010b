"""Everything a worker needs, imported and built once.

The fork server imports this module before it forks any worker (see :mod:`kto_ingest.isolation`),
so every worker starts with PyMuPDF, the parsers, the reader and the rules loaded and the parser
registry built; a worker started with ``spawn`` imports it itself. pyHanko is not loaded here: only
a report that carries a signature needs it (:func:`kto_ingest.signature.inspect_signature`).
"""

from __future__ import annotations

import atexit
import os
import sys

from .pipeline import process_file, quiet_libraries  # noqa: F401 - what the worker calls
from .reader import lexicon
from .registry import Registry

quiet_libraries()
REGISTRY = Registry.from_entry_points()
lexicon.warm()


def _in_fork_server() -> bool:
    """Whether this import runs in the fork server (inside ``multiprocessing.forkserver.main``)."""
    fork_server = sys.modules.get("multiprocessing.forkserver")
    main = getattr(fork_server, "main", None)
    frame = sys._getframe()
    while frame is not None:
        if main is not None and frame.f_code is main.__code__:
            return True
        frame = frame.f_back
    return False


def _end_fork_server() -> None:
    """The fork server stops when the command has ended. It holds the command's stderr (its workers
    write there), so whoever reads that pipe waits for it; tearing down every module it loaded
    took 0.1-0.4 s. Run multiprocessing's own exit work, flush, and end."""
    from multiprocessing import util

    util._exit_function()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - nothing left to tell
            pass
    os._exit(0)


if _in_fork_server():  # workers end with os._exit and never run this; a spawned worker is not in it
    atexit.register(_end_fork_server)
