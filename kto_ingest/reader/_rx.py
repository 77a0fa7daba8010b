"""The reader's name for :mod:`kto_ingest._rx` (compiled patterns, cached by pattern text)."""

from .._rx import findall, finditer, fullmatch, match, rx, search, split, sub  # noqa: F401
