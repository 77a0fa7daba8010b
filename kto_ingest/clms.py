"""The optional CLMS export (``--clms FILE``): when UWV received each report, and how many services
ended per perceel/cluster in the meetperiode.

A CSV as Excel writes it (semicolon or comma, UTF-8 with or without BOM, or Windows-1252), one line
per report and perceel/cluster, with a header naming the columns:

    bestand;leverancier;ontvangen;perceel;beeindigd
    leer-unique-2021.pdf;Leer Unique;15-02-2022;Opleidingen;128

``bestand`` or ``leverancier`` identifies the report (file name first, then supplier name);
``ontvangen`` is the received date; ``beeindigd`` the number of ended services for ``perceel``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from .bureaus import normalise_name
from .dutch import DutchParseError, parse_date

# Accepted header wordings per column (compared after normalise_name).
HEADERS = {
    "file": ("bestand", "bestandsnaam", "file", "rapport"),
    "supplier": ("leverancier", "scholingsbedrijf", "jobcoachorganisatie", "organisatie"),
    "received": ("ontvangen", "ontvangstdatum", "datum ontvangst", "ingediend", "datum ingediend"),
    "perceel": ("perceel", "cluster", "perceel cluster", "perceel/cluster"),
    "ended": ("beeindigd", "beeindigde diensten", "aantal beeindigd", "beeindigde scholingsdiensten", "aantal beeindigde diensten"),
}


class ClmsError(ValueError):
    pass


@dataclass
class ClmsRecord:
    """What CLMS says about one report."""

    received: dt.date | None = None
    ended: dict[str, int] = field(default_factory=dict)  # perceel/cluster -> ended services
    line: int = 0  # first line of the export this came from


@dataclass
class ClmsExport:
    source: str
    sha256: str
    by_file: dict[str, ClmsRecord] = field(default_factory=dict)
    by_supplier: dict[str, ClmsRecord] = field(default_factory=dict)

    def lookup(self, file: str | None, supplier: str | None) -> ClmsRecord | None:
        if file:
            name = PurePath(file).name.casefold()
            if name in self.by_file:
                return self.by_file[name]
        if supplier:
            return self.by_supplier.get(normalise_name(supplier))
        return None


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, name in enumerate(header):
        key = normalise_name(name)
        for column, words in HEADERS.items():
            if key in words and column not in found:
                found[column] = i
    return found


def _parse_date(text: str) -> dt.date | None:
    """ISO (2022-02-15) as spreadsheets export it, or Dutch: 15-2-2022, 15/02/2022, 15.02.2022, 15 februari 2022."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return parse_date(text.replace(".", "-"))
    except DutchParseError:
        return None


def load_clms(path: Path) -> ClmsExport:
    """Read and check the whole export up front: a bad line is an error naming the line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ClmsError(f"CLMS-export {path} kan niet worden gelezen: {exc.strerror}") from None
    text = _decode(data)
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows:
        raise ClmsError(f"CLMS-export {path} is leeg.")
    cols = _columns(rows[0])
    if "file" not in cols and "supplier" not in cols:
        raise ClmsError(f"CLMS-export {path}: kolom 'bestand' of 'leverancier' ontbreekt in de kopregel.")
    if "received" not in cols and "ended" not in cols:
        raise ClmsError(f"CLMS-export {path}: kolom 'ontvangen' of 'beeindigd' ontbreekt in de kopregel.")
    if "ended" in cols and "perceel" not in cols:
        raise ClmsError(f"CLMS-export {path}: kolom 'perceel' ontbreekt bij 'beeindigd'.")
    export = ClmsExport(source=str(path), sha256=hashlib.sha256(data).hexdigest())

    def cell(row: list[str], column: str) -> str:
        i = cols.get(column)
        return row[i].strip() if i is not None and i < len(row) else ""

    for lineno, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        file, supplier = cell(row, "file"), cell(row, "supplier")
        if not file and not supplier:
            raise ClmsError(f"CLMS-export {path}, regel {lineno}: geen bestand en geen leverancier.")
        received = None
        if text_date := cell(row, "received"):
            received = _parse_date(text_date)
            if received is None:
                raise ClmsError(f"CLMS-export {path}, regel {lineno}: ontvangstdatum {text_date!r} is geen datum.")
        targets = []
        if file:
            targets.append(export.by_file.setdefault(PurePath(file).name.casefold(), ClmsRecord(line=lineno)))
        if supplier:
            record = export.by_supplier.setdefault(normalise_name(supplier), ClmsRecord(line=lineno))
            if record not in targets:
                targets.append(record)
        for record in targets:
            if received is not None:
                if record.received is not None and record.received != received:
                    raise ClmsError(f"CLMS-export {path}, regel {lineno}: andere ontvangstdatum dan regel {record.line}.")
                record.received = received
        if ended_text := cell(row, "ended"):
            perceel = cell(row, "perceel")
            if not perceel:
                raise ClmsError(f"CLMS-export {path}, regel {lineno}: aantal beëindigd zonder perceel.")
            try:
                ended = int(ended_text.replace(".", ""))
            except ValueError:
                raise ClmsError(f"CLMS-export {path}, regel {lineno}: aantal beëindigd {ended_text!r} is geen geheel getal.") from None
            for record in targets:
                record.ended[perceel] = ended
    return export
