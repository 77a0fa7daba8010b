"""Numbers read by OCR: a conservative repair of the confusions Tesseract makes in number cells,
and the row arithmetic that tells whether an OCR-read row can be trusted.

Pure functions, no I/O. The table reader (or a parser) calls :func:`normalise_numeric` on a cell
from an OCR page before parsing it, and :func:`check_rows` on the rows it read; a row with problems
is flagged (its values are shown, with the crop, but not used to fail a report).

What OCR confuses in these tables, and what is done about it:

- "%" read as "o/o", "0/0" or "%o": repaired (``"42,7 o/o"`` -> ``"42,7 %"``);
- the letter O or o among digits ("1O", "4o,2"), l or I among digits ("l2"), a stray quote or bar
  before a number ("‚22", "|58"): repaired, but only when what remains is a well-formed number;
- 8/3/6 and 1/7 swapped, "," read as ".": these give another well-formed number, so no text rule
  can see them. The row arithmetic can: respons = ingevuld / netto steekproef, to the printed
  decimals, and a total row is the sum of the rows above it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

_PERCENT = re.compile(r"\s*(?:[o0O]/[o0O]|%[oO0])\s*$")
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s?%?$|^-?\d+(?:\.\d+)?\s?%?$")
_LEADING_NOISE = "‚'`‘’|[]{}!"
_LETTER_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


def normalise_numeric(text: str) -> str:
    """A number cell as OCR read it, with the usual confusions repaired; returned unchanged when it
    does not become a well-formed number (a label stays a label)."""
    cell = text.strip()
    if not any(c.isdigit() for c in cell):
        return text
    cell = _PERCENT.sub(" %", cell) if _PERCENT.search(cell) else cell
    cell = cell.lstrip(_LEADING_NOISE).rstrip("|]}").strip()
    cell = cell.translate(_LETTER_DIGITS)
    cell = re.sub(r"(\d)\s+%$", r"\1 %", cell)
    return cell if _NUMBER.match(cell) else text


def printed_decimals(text: str) -> int:
    """How many decimals a number is printed with ("42,7" -> 1, "50" -> 0)."""
    m = re.search(r"[.,](\d+)\s*%?\s*$", text.strip())
    return len(m.group(1)) if m else 0


def expected_respons(netto: int, ingevuld: int, decimals: int = 1) -> Decimal:
    """Respons in per cent, rounded half up to ``decimals`` as reports print it."""
    exact = Decimal(ingevuld) * 100 / Decimal(netto)
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def check_row(netto: int | None, ingevuld: int | None, respons: float | str | None, decimals: int | None = None) -> list[str]:
    """What is wrong with one row's numbers (Dutch, empty when they add up). ``respons`` may be the
    printed text ("42,7") or its value; ``decimals`` defaults to what the text shows, else 1.
    A value that is missing (None) cannot break the arithmetic and is not reported."""
    problems = []
    if netto is not None and ingevuld is not None and ingevuld > netto:
        problems.append(f"ingevuld ({ingevuld}) is groter dan de netto steekproef ({netto})")
    if netto and ingevuld is not None and respons is not None:
        if isinstance(respons, str):
            places = printed_decimals(respons) if decimals is None else decimals
            value = Decimal(respons.replace("%", "").strip().replace(".", "").replace(",", ".")
                            if "," in respons else respons.replace("%", "").strip())
        else:
            places = 1 if decimals is None else decimals
            value = Decimal(str(respons))
        want = expected_respons(netto, ingevuld, places)
        if value.quantize(Decimal(1).scaleb(-places)) != want:
            shown = f"{want:.{places}f}".replace(".", ",")
            problems.append(f"respons {respons} klopt niet met ingevuld / netto steekproef = {ingevuld}/{netto} = {shown} %")
    return problems


def check_rows(rows: Sequence[Mapping]) -> dict[int, list[str]]:
    """The rows (by index) whose arithmetic fails. A row is a mapping with ``netto_steekproef``,
    ``ingevuld``, ``respons_pct`` and optionally ``is_total``; a total row must equal the sum of
    the rows since the previous total (or the start)."""
    flagged: dict[int, list[str]] = {}
    since_total: list[Mapping] = []
    for index, row in enumerate(rows):
        problems = check_row(row.get("netto_steekproef"), row.get("ingevuld"), row.get("respons_pct"))
        if row.get("is_total"):
            for key, label in (("netto_steekproef", "netto steekproef"), ("ingevuld", "ingevuld")):
                parts = [r.get(key) for r in since_total]
                if row.get(key) is not None and parts and None not in parts and sum(parts) != row[key]:
                    problems.append(f"totaal {label} ({row[key]}) is niet de som van de rijen erboven ({sum(parts)})")
            since_total = []
        else:
            since_total.append(row)
        if problems:
            flagged[index] = problems
    return flagged
