"""Everything a worker needs, imported and built once.

The fork server imports this module before it forks any worker (see :mod:`kto_ingest.isolation`),
so every worker starts with PyMuPDF, the parsers, the reader and the rules loaded and the parser
registry built; a worker started with ``spawn`` imports it itself. pyHanko is not loaded here: only
a report that carries a signature needs it (:func:`kto_ingest.signature.inspect_signature`).
"""

from __future__ import annotations

from .pipeline import process_file, quiet_libraries  # noqa: F401 - what the worker calls
from .registry import Registry

quiet_libraries()
REGISTRY = Registry.from_entry_points()
