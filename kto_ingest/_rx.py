"""Compiled patterns, cached by pattern text: the ``regex`` module's own cache costs more per
call than the match itself on short cell texts (its flag handling), and the reader matches
thousands of them per report."""

from __future__ import annotations

import functools

import regex


@functools.lru_cache(maxsize=512)
def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(pattern, flags)


# The regex module's functions, with the pattern compiled once (through ``rx``): for code that
# writes its patterns where it uses them.
def search(pattern: str, string: str, flags: int = 0):
    return rx(pattern, flags).search(string)


def match(pattern: str, string: str, flags: int = 0):
    return rx(pattern, flags).match(string)


def fullmatch(pattern: str, string: str, flags: int = 0):
    return rx(pattern, flags).fullmatch(string)


def findall(pattern: str, string: str, flags: int = 0) -> list:
    return rx(pattern, flags).findall(string)


def finditer(pattern: str, string: str, flags: int = 0):
    return rx(pattern, flags).finditer(string)


def sub(pattern: str, repl, string: str, count: int = 0, flags: int = 0) -> str:
    return rx(pattern, flags).sub(repl, string, count=count)


def split(pattern: str, string: str, maxsplit: int = 0, flags: int = 0) -> list:
    return rx(pattern, flags).split(string, maxsplit=maxsplit)
