"""The Excel workbook: Overzicht (one row per report), Resultaten (one row per results row),
Controles (one row per finding), Verantwoording (what the decisions rest on).

Numbers are stored as numbers with a format ("0.0"), so Dutch Excel shows 6,3 and 8,1 and can
calculate with them. Text from a PDF is always stored as text: a supplier called
``=HYPERLINK(...)`` stays a string and never becomes a formula.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .names import safe_text
from .schema import BatchResult
from .writers import OVERVIEW_HEADERS, STATUS_LABEL, interrupted_text, overview_rows, verdict_key

FILLS = {
    "voldoet": "C6EFCE", "voldoet_niet": "FFC7CE", "handmatig": "FFEB9C", "onleesbaar": "D9D9D9",
    "pass": "C6EFCE", "fail": "FFC7CE", "manual": "FFEB9C", "warn": "FFEB9C", "n/a": "EDEDED",
}
HEADER_FONT = Font(bold=True)


def _put(cell: Cell, value) -> None:
    """Strings are stored as strings, whatever they start with, and without the control characters
    Excel refuses (openpyxl raises on an ESC) or bidirectional controls."""
    if isinstance(value, str):
        value = safe_text(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def _sheet(wb: Workbook, title: str, headers: list[str], rows: list[list], formats: dict[int, str], widths: list[int]):
    ws = wb.create_sheet(title)
    for col, name in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col)
        _put(cell, name)
        cell.font = HEADER_FONT
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c)
            _put(cell, value)
            if c - 1 in formats and value is not None and not isinstance(value, str):
                cell.number_format = formats[c - 1]
            if isinstance(value, str) and len(value) > 60:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    return ws



def _colour(ws, column: int, keys: list[str]) -> None:
    for row, key in enumerate(keys, start=2):
        if key in FILLS:
            ws.cell(row=row, column=column).fill = PatternFill("solid", fgColor=FILLS[key])


def to_xlsx(result: BatchResult) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    overview = overview_rows(result)
    ws = _sheet(wb, "Overzicht", OVERVIEW_HEADERS, overview, {3: "d-m-yyyy", 4: "d-m-yyyy", 5: "d-m-yyyy"},
                [34, 14, 30, 14, 14, 13, 20, 90, 14, 9, 20, 30])
    _colour(ws, 7, [verdict_key(e) for e in result.reports])

    results = []
    for e in result.reports:
        for r in e.results:
            results.append([
                e.file, {"clienten": "Cliënten", "opdrachtgevers": "Opdrachtgevers"}.get(r.group or "", ""), r.service,
                "ja" if r.is_total else "nee", r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer,
                None if r.publicatie is None else ("ja" if r.publicatie else "nee"), r.page,
            ])
    _sheet(wb, "Resultaten",
           ["Bestand", "Groep", "Dienst", "Totaal", "Netto steekproef", "Ingevuld", "Respons (%)", "Rapportcijfer", "Publicatie", "Pagina"],
           results, {4: "0", 5: "0", 6: "0.0", 7: "0.0"}, [34, 15, 45, 8, 16, 10, 12, 13, 11, 8])

    checks, keys = [], []
    for e in result.reports:
        for c in e.checks:
            checks.append([e.file, c.rule, STATUS_LABEL[c.status].lower(), c.message, c.page,
                           "ja" if c.rule in e.decided_by and c.status in ("fail", "manual") else "nee"])
            keys.append(c.status)
    ws = _sheet(wb, "Controles", ["Bestand", "Regel", "Uitkomst", "Melding", "Pagina", "Beslissend"],
                checks, {}, [34, 20, 14, 100, 8, 11])
    _colour(ws, 3, keys)

    audit = result.audit
    rows = [["kto-ingest", result.version, None, None], ["Regeling", result.regime, None, None]]
    if result.interrupted:
        rows.insert(0, ["Afgebroken", interrupted_text(result), None, None])
    if audit:
        for label, src in (("Instellingen", audit.settings), ("Regeling", audit.regime), ("Bureauregister", audit.bureaus), ("CLMS-export", audit.clms), *(
                ("Vertrouwd certificaat", t) for t in audit.trust)):
            if src:
                rows.append([label, src.source, src.version or (src.date.isoformat() if src.date else src.id), src.sha256])
        rows.append(["Gemaakt (UTC)", audit.created.isoformat(), f"Python {audit.python}", f"PyMuPDF {audit.pymupdf}"])
    _sheet(wb, "Verantwoording", ["Onderdeel", "Bron", "Versie/datum", "SHA-256"], rows, {}, [22, 50, 24, 66])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
