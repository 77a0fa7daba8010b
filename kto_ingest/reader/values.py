"""Cell values of a results table, read strictly but as their column allows.

Built on :mod:`kto_ingest.dutch`. What a column adds: a count cannot have decimals, so '1.234' in
a count column is one thousand two hundred and thirty-four; a percentage or a mark has at most two
decimals, so '40.0' or '8.1' there can only use a decimal point. A footnote mark after a value
('8,1*', '8,1¹') is not part of it. Anything else that is not a Dutch number raises
:class:`dutch.DutchParseError`; 'n.v.t.', '-' and empty are None.
"""

from __future__ import annotations

import regex

from .. import dutch
from ._rx import rx

_FOOTNOTE = "*¹²³⁴⁵⁶⁷⁸⁹⁰†‡"


def _clean(text: str) -> str:
    t = without_interval(without_footnote(text))
    return rx(r"(?<=\d)\s*(?:procent|pct\.?)$", regex.I).sub("%", t)  # '45,0 procent' is '45,0%'


def without_interval(text: str) -> str:
    """A value without the confidence interval printed after it: '8,2 (8,0 – 8,4)' -> '8,2'."""
    return rx(r"(?<=\d%?)\s*[\[(]\s*\d[\d.,]*\s*(?:[–—-]|;|tot)\s*\d[\d.,]*\s*[\])]$").sub("", text)


def without_footnote(text: str) -> str:
    """The value without a footnote mark after it: '8,1*' -> '8,1'."""
    return " ".join(text.split()).rstrip(_FOOTNOTE).strip()


def count(text: str) -> int | None:
    """A count: '128', '1.234' (thousands), '-' -> None."""
    t = _clean(text)
    if rx(r"\d{1,3}(?:\.\d{3})+").fullmatch(t):
        return int(t.replace(".", ""))
    return dutch.parse_int(t)


def fraction(text: str) -> float | None:
    """A percentage or a mark: '40,0%', '8,1', '40.0%', '8.1*', 'n.v.t.' -> None."""
    t = _clean(text)
    try:
        value = dutch.parse_number(t)
    except dutch.DutchParseError:
        m = rx(r"(\d{1,3})\.(\d{1,2})\s*%?").fullmatch(t)
        if not m:
            raise
        return float(f"{m[1]}.{m[2]}")
    return None if value is None else float(value)
