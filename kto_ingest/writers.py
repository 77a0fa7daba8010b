"""Write a :class:`BatchResult` as JSON, CSV or a Dutch terminal table. Writers never decide."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .dutch import format_date, format_number
from .schema import BatchResult, ReportEntry

FORMATS = ("table", "json", "csv")


nl_number = format_number
nl_date = format_date


def nl_bool(value: bool | None) -> str:
    return "–" if value is None else ("ja" if value else "nee")


def period_text(entry: ReportEntry) -> str:
    p = entry.meetperiode
    return f"{nl_date(p.start)} t/m {nl_date(p.end)}" if p else "–"


# ---- JSON ------------------------------------------------------------------------------
def to_json(result: BatchResult) -> str:
    return result.model_dump_json(indent=2) + "\n"


# ---- CSV -------------------------------------------------------------------------------
CSV_COLUMNS = [
    "bestand", "status", "foutcode", "foutmelding", "parser", "bureau", "leverancier",
    "meetperiode_start", "meetperiode_eind", "rapportdatum", "definitief", "groep", "dienst",
    "totaal", "netto_steekproef", "ingevuld", "respons_pct", "rapportcijfer", "publicatie", "pagina",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    """Text from a PDF must never become a spreadsheet formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(result: BatchResult) -> str:
    """One line per results row (a report without rows gets one line); Dutch Excel dialect."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in result.reports:
        head = [
            entry.file, entry.status, entry.error.code.value if entry.error else "",
            entry.error.message if entry.error else "", entry.parser or "", entry.bureau or "",
            entry.supplier or "",
            entry.meetperiode.start.isoformat() if entry.meetperiode and entry.meetperiode.start else "",
            entry.meetperiode.end.isoformat() if entry.meetperiode and entry.meetperiode.end else "",
            entry.report_date.isoformat() if entry.report_date else "",
            nl_bool(entry.final) if entry.final is not None else "",
        ]
        rows = entry.results or [None]
        for row in rows:
            tail = ["", "", "", "", "", "", "", "", ""]
            if row is not None:
                tail = [
                    row.group or "", row.service, nl_bool(row.is_total),
                    nl_number(row.netto_steekproef) if row.netto_steekproef is not None else "",
                    nl_number(row.ingevuld) if row.ingevuld is not None else "",
                    nl_number(row.respons_pct) if row.respons_pct is not None else "",
                    nl_number(row.rapportcijfer) if row.rapportcijfer is not None else "",
                    nl_bool(row.publicatie) if row.publicatie is not None else "",
                    str(row.page),
                ]
            writer.writerow([csv_safe(c) for c in head + tail])
    return "\ufeff" + buf.getvalue()


# ---- terminal table --------------------------------------------------------------------
def render_table(result: BatchResult, console: Console) -> None:
    for entry in result.reports:
        title = Text(entry.file, style="bold")
        if entry.status == "error":
            title.append(f"  ONLEESBAAR [{entry.error.code.value}] ", style="bold red")
            title.append(entry.error.message)
            console.print(title)
            console.print()
            continue
        verdict = {"voldoet": ("VOLDOET", "bold green"), "voldoet_niet": ("VOLDOET NIET", "bold red"),
                   "handmatig": ("HANDMATIG BEOORDELEN", "bold yellow")}.get(entry.verdict or "")
        if verdict:
            title.append(f"  {verdict[0]}", style=verdict[1])
        console.print(title)
        kind = {True: "definitief", False: "CONCEPT", None: "definitief/concept onbekend"}[entry.final]
        console.print(
            f"  Bureau: {entry.bureau or '–'}   Leverancier: {entry.supplier or '–'}   "
            f"Meetperiode: {period_text(entry)}   Rapport: {nl_date(entry.report_date)} ({kind})",
            highlight=False,
            markup=False,
        )
        if entry.results:
            table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1))
            table.add_column("Groep")
            table.add_column("Dienst")
            for name in ("Netto steekproef", "Ingevuld", "Respons (%)", "Rapportcijfer"):
                table.add_column(name, justify="right")
            table.add_column("Publicatie")
            table.add_column("Pag.", justify="right")
            for row in entry.results:
                table.add_row(
                    {"clienten": "Cliënten", "opdrachtgevers": "Opdrachtgevers"}.get(row.group or "", "–"),
                    Text(row.service, style="bold" if row.is_total else ""),
                    nl_number(row.netto_steekproef), nl_number(row.ingevuld),
                    nl_number(row.respons_pct), nl_number(row.rapportcijfer),
                    nl_bool(row.publicatie), str(row.page),
                )
            console.print(table)
        else:
            console.print("  Geen resultatentabel gevonden.", style="yellow")
        render_reasons(entry, console)
        for warning in entry.warnings:
            console.print(f"  Let op: {warning}", style="yellow", highlight=False, markup=False)
        console.print()
    parsed = sum(e.status == "parsed" for e in result.reports)
    errors = len(result.reports) - parsed
    counts = {v: sum(e.verdict == v for e in result.reports) for v in ("voldoet", "voldoet_niet", "handmatig")}
    console.print(
        f"{len(result.reports)} bestand(en): {counts['voldoet']} voldoet, {counts['voldoet_niet']} voldoet niet, "
        f"{counts['handmatig']} handmatig, {errors} onleesbaar ({parsed} gelezen).",
        style="bold",
    )


STATUS_LABEL = {"fail": "VOLDOET NIET", "manual": "HANDMATIG", "warn": "LET OP", "pass": "OK", "n/a": "N.V.T."}


def render_reasons(entry: ReportEntry, console: Console) -> None:
    """The findings that decided the verdict in full, then the other open points by rule id."""
    decisive = [c for c in entry.checks if c.rule in entry.decided_by and c.status in ("fail", "manual")
                and STATUS_LABEL[c.status] == STATUS_LABEL[_worst(entry)]]
    for check in decisive:
        page = f" (p. {check.page})" if check.page else ""
        console.print(f"  {STATUS_LABEL[check.status]} {check.rule}: {check.message}{page}", highlight=False, markup=False)
    rest: dict[str, list[str]] = {}
    for check in entry.checks:
        if check not in decisive and check.status in ("fail", "manual", "warn"):
            ids = rest.setdefault(STATUS_LABEL[check.status].lower(), [])
            if check.rule not in ids:
                ids.append(check.rule)
    if rest:
        console.print("  Verder: " + "; ".join(f"{label} {', '.join(ids)}" for label, ids in rest.items()),
                      style="dim", highlight=False, markup=False)


def _worst(entry: ReportEntry) -> str:
    return "fail" if entry.verdict == "voldoet_niet" else "manual"


def to_table_text(result: BatchResult, width: int = 120) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False)
    render_table(result, console)
    return console.file.getvalue()


# ---- files -----------------------------------------------------------------------------
def write_atomic(path: Path, text: str) -> None:
    """Write via a temp file in the same folder and rename, so a reader never sees half a file."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render(result: BatchResult, fmt: str) -> str:
    if fmt == "json":
        return to_json(result)
    if fmt == "csv":
        return to_csv(result)
    return to_table_text(result)
