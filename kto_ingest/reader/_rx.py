"""Compiled patterns, cached by pattern text: the ``regex`` module's own cache costs more per
call than the match itself on short cell texts (its flag handling), and the reader matches
thousands of them per report."""

from __future__ import annotations

import functools

import regex


@functools.lru_cache(maxsize=512)
def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(pattern, flags)
