"""Numbers read by OCR: a conservative repair of the confusions Tesseract makes in number cells.

A pure function, no I/O: :mod:`kto_ingest.ocr` applies :func:`normalise_numeric` to every word it
reads. The row arithmetic that tells whether an OCR-read row can be trusted is the one every table
is checked with (:func:`kto_ingest.reader.confidence.row_problems`, applied to OCR rows by
:func:`kto_ingest.pipeline.check_ocr_rows`).

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
