"""Turn the paths a user gave into the sorted list of files to check."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def discover(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given (whatever their extension), and ``*.pdf`` (any case) below folders.

    Folders are walked without following symbolic links, so a link loop cannot
    hang the walk. A path that does not exist is kept: the pipeline reports it
    as ``not_found`` and the batch goes on. The result is sorted and has no
    duplicates.
    """
    found: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in files:
                    if name.lower().endswith(".pdf"):
                        p = Path(root) / name
                        found.setdefault(os.path.normcase(os.path.abspath(p)), p)
        else:
            found.setdefault(os.path.normcase(os.path.abspath(path)), path)
    return sorted(found.values(), key=lambda p: (str(p).casefold(), str(p)))
