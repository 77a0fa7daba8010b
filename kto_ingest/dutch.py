"""Strict parsing of Dutch numbers and dates as printed in KTO reports.

Every function here is pure and raises :class:`DutchParseError` on input it
cannot read unambiguously; "no value" markers ("-", "n.v.t.", empty) give
``None``. Nothing is guessed: "1.234" could be one thousand two hundred and
thirty-four or one point two three four, so it is refused.
"""

from __future__ import annotations

import datetime as dt

import regex

__all__ = [
    "DutchParseError",
    "MONTHS",
    "WEEKDAYS",
    "parse_number",
    "parse_int",
    "parse_bool",
    "parse_date",
    "find_period",
    "decimals_of",
]


class DutchParseError(ValueError):
    """A string that is not a number or date in Dutch notation, or is ambiguous."""


MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1,
    "februari": 2, "feb": 2, "febr": 2,
    "maart": 3, "mrt": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3,
    "vrijdag": 4, "zaterdag": 5, "zondag": 6,
}

_NO_VALUE = {"", "-", "–", "—", "n.v.t.", "nvt", "n.b.", "nb", "*"}

_SPACES = regex.compile(r"[\s\u00a0\u202f]+")
_INT = regex.compile(r"\d+")
_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL_COMMA = regex.compile(r"(?:\d{1,3}(?:\.\d{3})+|\d+),\d+")
_DECIMAL_POINT = regex.compile(r"\d+\.\d+")


def _clean(text: str) -> str:
    return _SPACES.sub("", text).strip()


def parse_number(text: str, *, allow_percent: bool = True) -> int | float | None:
    """Parse a Dutch number: ``"8,1"`` -> 8.1, ``"128"`` -> 128, ``"-"`` -> None.

    ``"1.234.567"`` is read as thousands, ``"1.234,5"`` as 1234.5. A single dot
    group (``"1.234"``) or a decimal point (``"7.5"``) is ambiguous in a Dutch
    report and raises :class:`DutchParseError`.
    """
    raw = text
    s = _clean(text)
    if allow_percent and s.endswith("%"):
        s = s[:-1]
    if s.lower() in _NO_VALUE:
        return None
    sign = 1
    if s[:1] in {"-", "−", "–"}:
        sign, s = -1, s[1:]
    elif s[:1] == "+":
        s = s[1:]
    if _INT.fullmatch(s):
        return sign * int(s)
    if _DECIMAL_COMMA.fullmatch(s):
        return sign * float(s.replace(".", "").replace(",", "."))
    if _THOUSANDS.fullmatch(s):
        if s.count(".") >= 2:
            return sign * int(s.replace(".", ""))
        raise DutchParseError(
            f"{raw!r} is dubbelzinnig: duizendtal-punt of decimale punt"
        )
    if _DECIMAL_POINT.fullmatch(s):
        raise DutchParseError(f"{raw!r} gebruikt een punt als decimaalteken")
    raise DutchParseError(f"{raw!r} is geen getal")


def parse_int(text: str) -> int | None:
    """Parse a count; a decimal value is an error, not rounded."""
    value = parse_number(text, allow_percent=False)
    if value is None or isinstance(value, int):
        return value
    raise DutchParseError(f"{text!r} is geen geheel getal")


def decimals_of(text: str) -> int:
    """How many decimals a printed number has: ``"6,3"`` -> 1, ``"128"`` -> 0."""
    s = _clean(text).rstrip("%")
    after = s.split(",", 1)[1] if "," in s else ""
    return len(after) - len(after.lstrip("0123456789")) if after else 0  # '43,3 procent' -> 1


_YES = {"ja", "yes", "j"}
_NO = {"nee", "no", "n"}


def parse_bool(text: str) -> bool | None:
    """``"ja"`` -> True, ``"nee"`` -> False, no-value markers -> None."""
    s = _clean(text).lower()
    if s in _YES:
        return True
    if s in _NO:
        return False
    if s in _NO_VALUE:
        return None
    raise DutchParseError(f"{text!r} is geen ja/nee")


_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(WEEKDAYS)

# "24 oktober 2019", optionally preceded by a weekday: "donderdag 24 oktober 2019"
DATE_WORDS = regex.compile(
    rf"(?:(?P<weekday>{_WEEKDAY_ALT})\s+)?(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_ALT})\.?\s+(?P<year>\d{{4}})",
    regex.IGNORECASE,
)
# "12-05-2016", "12-5-2016", "12/05/2016"
DATE_NUMERIC = regex.compile(r"(?P<day>\d{1,2})[-/](?P<month>\d{1,2})[-/](?P<year>\d{4})")
# "2022-01-09" (ISO 8601, year first; only with hyphens and a two-digit month and day)
DATE_ISO = regex.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")


def _make_date(year: str, month: int, day: str, raw: str) -> dt.date:
    try:
        return dt.date(int(year), month, int(day))
    except ValueError as exc:
        raise DutchParseError(f"{raw!r} is geen bestaande datum") from exc


def parse_date(text: str) -> dt.date:
    """Parse one Dutch date: ``"donderdag 24 oktober 2019"``, ``"1 september 2018"``, ``"18 mrt. 2021"``,
    ``"12-5-2013"``, ``"01/02/2022"`` (day first) or ``"2022-01-09"`` (ISO, year first).

    When a weekday is given it must agree with the date; a mismatch raises.
    """
    s = _SPACES.sub(" ", text).strip()
    m = DATE_WORDS.fullmatch(s)
    if m:
        date = _make_date(m["year"], MONTHS[m["month"].lower()], m["day"], text)
        weekday = m["weekday"]
        if weekday and WEEKDAYS[weekday.lower()] != date.weekday():
            raise DutchParseError(f"{text!r}: {weekday} klopt niet bij de datum")
        return date
    m = DATE_NUMERIC.fullmatch(s) or DATE_ISO.fullmatch(s)
    if m:
        month = int(m["month"])
        if not 1 <= month <= 12:
            raise DutchParseError(f"{text!r} is geen bestaande datum")
        return _make_date(m["year"], month, m["day"], text)
    raise DutchParseError(f"{text!r} is geen datum")


PERIOD = regex.compile(
    rf"(?P<start>\d{{1,2}}\s+(?:{_MONTH_ALT})\s+\d{{4}})\s+"
    rf"(?:tot\s+en\s+met|t/m|tot|-|–)\s+"
    rf"(?P<end>\d{{1,2}}\s+(?:{_MONTH_ALT})\s+\d{{4}})",
    regex.IGNORECASE,
)


def find_period(text: str) -> tuple[dt.date, dt.date, str] | None:
    """Find "1 september 2018 tot en met 31 augustus 2019" in text.

    Returns (start, end, matched text) or None. An end before the start raises.
    """
    m = PERIOD.search(_SPACES.sub(" ", text))
    if not m:
        return None
    start, end = parse_date(m["start"]), parse_date(m["end"])
    if end < start:
        raise DutchParseError(f"{m[0]!r}: einddatum ligt voor de begindatum")
    return start, end, m[0]


def format_number(value: float | int | None, decimals: int = 1) -> str:
    """Print a number the Dutch way: 6.3 -> "6,3"; None -> "–"."""
    if value is None:
        return "–"
    if isinstance(value, int):
        return str(value)
    return f"{value:.{decimals}f}".replace(".", ",")


def format_date(value: dt.date | None) -> str:
    """1 September 2018 -> "1-9-2018"; None -> "–"."""
    return f"{value.day}-{value.month}-{value.year}" if value else "–"
