"""Write a :class:`BatchResult` as JSON, CSV or a Dutch terminal table. Writers never decide."""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
import textwrap
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .dutch import format_date, format_number
from .names import safe_text
from .schema import BatchResult, ReportEntry

FORMATS = ("table", "json", "jsonl", "csv", "xlsx", "html")
BINARY_FORMATS = {"xlsx"}
EXTENSIONS = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".xlsx": "xlsx", ".html": "html", ".htm": "html", ".txt": "table"}
CSV_DIALECTS = ("nl", "international")


def format_for(path: Path) -> str | None:
    """The output format an output file's extension asks for."""
    return EXTENSIONS.get(Path(path).suffix.lower())


nl_number = format_number
nl_date = format_date


def nl_bool(value: bool | None) -> str:
    return "–" if value is None else ("ja" if value else "nee")


def period_text(entry: ReportEntry) -> str:
    p = entry.meetperiode
    return f"{nl_date(p.start)} t/m {nl_date(p.end)}" if p else "–"


# ---- JSON ------------------------------------------------------------------------------
_SURROGATE = re.compile("[\ud800-\udfff]")


def _dump_json(model, indent: int | None) -> str:
    """pydantic's JSON; should a string still hold a lone surrogate (UTF-8 has no bytes for it),
    the same document with that character replaced, rather than no document at all."""
    try:
        return model.model_dump_json(indent=indent)
    except ValueError:  # pydantic's serialisation error on a surrogate is a ValueError
        import json

        def clean(value):
            if isinstance(value, str):
                return _SURROGATE.sub("\ufffd", value)
            if isinstance(value, list):
                return [clean(v) for v in value]
            if isinstance(value, dict):
                return {clean(k): clean(v) for k, v in value.items()}
            return value

        return json.dumps(clean(model.model_dump(mode="json")), indent=indent, ensure_ascii=False,
                          separators=None if indent else (",", ":"))


def to_json(result: BatchResult) -> str:
    return _dump_json(result, 2) + "\n"


def to_jsonl_line(entry: ReportEntry) -> str:
    """One report entry as one line of JSON Lines, written as soon as the file is checked."""
    return _dump_json(entry, None) + "\n"


# ---- CSV -------------------------------------------------------------------------------
CSV_COLUMNS = [
    "bestand", "status", "foutcode", "foutmelding", "parser", "bureau", "leverancier",
    "meetperiode_start", "meetperiode_eind", "rapportdatum", "definitief", "groep", "dienst",
    "totaal", "netto_steekproef", "ingevuld", "respons_pct", "rapportcijfer", "publicatie", "pagina",
    "bestand_ruw",  # only when the name had to be changed to be shown: its exact bytes, percent-encoded
    "oordeel", "redenen",  # the report's verdict in Dutch words and the reasons that decided it
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    """Text from a PDF must never become a spreadsheet formula, nor carry control characters."""
    text = safe_text(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(result: BatchResult, dialect: str = "nl") -> str:
    """One line per results row (a report without rows gets one line). Dialect "nl" is what Dutch
    Excel opens by double-click (";", decimal comma, UTF-8 with BOM); "international" uses ","
    and a decimal point, without BOM."""
    buf = io.StringIO()
    nl = dialect == "nl"
    writer = csv.writer(buf, delimiter=";" if nl else ",", lineterminator="\r\n")

    def num(value: float | int) -> str:
        return format_number(value) if nl else (str(value) if isinstance(value, int) else f"{value:.1f}")

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
                    num(row.netto_steekproef) if row.netto_steekproef is not None else "",
                    num(row.ingevuld) if row.ingevuld is not None else "",
                    num(row.respons_pct) if row.respons_pct is not None else "",
                    num(row.rapportcijfer) if row.rapportcijfer is not None else "",
                    nl_bool(row.publicatie) if row.publicatie is not None else "",
                    str(row.page),
                ]
            verdict = [VERDICT_LABEL.get(verdict_key(entry), ""), entry.error.message if entry.error else reasons_text(entry)]
            writer.writerow([csv_safe(c) for c in head + tail + [entry.file_raw or ""] + verdict])
    return ("\ufeff" if nl else "") + buf.getvalue()


# The Excel sheet "Overzicht" and the overview CSV: one row per report, Dutch headers and values.
OVERVIEW_HEADERS = ["Bestand", "Bureau", "Leverancier", "Meetperiode van", "Meetperiode tot en met", "Rapportdatum", "Oordeel",
                    "Redenen", "Foutcode", "Pagina's", "SHA-256", "Precieze naam (procent-gecodeerd)", "Regeling"]


def overview_row(entry: ReportEntry) -> list:
    """One report as a row of the overview (dates as dates, numbers as numbers, None when absent)."""
    mp = entry.meetperiode
    return [
        entry.file, entry.bureau, entry.supplier, mp.start if mp else None, mp.end if mp else None, entry.report_date,
        VERDICT_LABEL.get(verdict_key(entry), ""), entry.error.message if entry.error else reasons_text(entry),
        entry.error.code.value if entry.error else None, entry.pages, entry.sha256, entry.file_raw, regime_text(entry),
    ]


def regime_text(entry: ReportEntry) -> str | None:
    """'UWV scholingsdiensten 2021 (de standaardregeling)': which rules, and why those."""
    if not entry.regime:
        return None
    return f"{entry.regime_title or entry.regime}{f' ({entry.regime_reason})' if entry.regime_reason else ''}"


UNCHECKED_LABEL = "niet gecontroleerd (afgebroken)"


def overview_rows(result: BatchResult) -> list[list]:
    """Every report's overview row, then one for each file a stopped run did not check."""
    rows = [overview_row(e) for e in result.reports]
    for name in result.unchecked:
        rows.append([name, None, None, None, None, None, UNCHECKED_LABEL,
                     "De controle is afgebroken (Ctrl-C) voordat dit bestand aan de beurt was.", None, None, None, None, None])
    return rows


def overview_path(path: Path) -> Path:
    """Where the overview CSV goes next to the rows CSV: resultaten.csv -> resultaten-overzicht.csv."""
    return path.with_name(f"{path.stem}-overzicht{path.suffix}")


def to_csv_overview(result: BatchResult, dialect: str = "nl") -> str:
    """What Excel's "Overzicht" holds, as CSV: one line per report with its verdict and reasons,
    Dutch headers and values; dates as 3-5-2021 (nl) or 2021-05-03 (international)."""
    buf = io.StringIO()
    nl = dialect == "nl"
    writer = csv.writer(buf, delimiter=";" if nl else ",", lineterminator="\r\n")
    writer.writerow(OVERVIEW_HEADERS)

    def cell(value) -> str:
        if value is None:
            return ""
        if hasattr(value, "isoformat"):
            return format_date(value) if nl else value.isoformat()
        return csv_safe(str(value))

    for values in overview_rows(result):
        writer.writerow([cell(v) for v in values])
    return ("\ufeff" if nl else "") + buf.getvalue()


# ---- terminal table --------------------------------------------------------------------
def render_table(result: BatchResult, console: Console) -> None:
    for entry in result.reports:
        title = Text(safe_text(entry.file, name=True), style="bold")
        if entry.status == "error":
            title.append(f"  ONLEESBAAR [{entry.error.code.value}] ", style="bold red")
            title.append(safe_text(entry.error.message))
            console.print(title)
            console.print()
            continue
        verdict = {"voldoet": ("VOLDOET", "bold green"), "voldoet_niet": ("VOLDOET NIET", "bold red"),
                   "handmatig": ("HANDMATIG BEOORDELEN", "bold yellow")}.get(entry.verdict or "")
        if verdict:
            title.append(f"  {verdict[0]}", style=verdict[1])
        console.print(title)
        kind = {True: "definitief", False: "CONCEPT", None: "definitief/concept onbekend"}[entry.final]
        narrow = console.width < NARROW
        facts = [f"Bureau: {entry.bureau or '–'}", f"Leverancier: {entry.supplier or '–'}",
                 f"Meetperiode: {period_text(entry)}", f"Rapport: {nl_date(entry.report_date)} ({kind})"]
        for line in (facts if narrow else ["   ".join(facts)]):
            _indented(console, line, 2)
        if entry.regime:
            _indented(console, f"Regeling: {regime_text(entry)}", 2, style="dim")
        if entry.results and narrow:  # a table of eight columns does not fit: one short paragraph per row
            for row in entry.results:
                group = {"clienten": "Cliënten", "opdrachtgevers": "Opdrachtgevers"}.get(row.group or "", "")
                _indented(console, f"{group + ' · ' if group else ''}{row.service}: netto steekproef "
                                   f"{nl_number(row.netto_steekproef)} · ingevuld {nl_number(row.ingevuld)} · respons "
                                   f"{nl_number(row.respons_pct)} % · rapportcijfer {nl_number(row.rapportcijfer)} · "
                                   f"publicatie {nl_bool(row.publicatie)} · p. {row.page}", 2, style="bold" if row.is_total else "")
        elif entry.results:
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
                    Text(safe_text(row.service), style="bold" if row.is_total else ""),
                    nl_number(row.netto_steekproef), nl_number(row.ingevuld),
                    nl_number(row.respons_pct), nl_number(row.rapportcijfer),
                    nl_bool(row.publicatie), str(row.page),
                )
            console.print(table)
        elif entry.jobcoaching and entry.jobcoaching.periods:
            jc = entry.jobcoaching
            console.print(
                f"  Jobcoaching: {len(jc.periods)} jobcoachperiodes; gemiddeld cijfer werknemers "
                f"{nl_number(jc.werknemer_avg)}, werkgevers {nl_number(jc.werkgever_avg)}; "
                f"antwoordaantallen bij {len(jc.answers)} vragen.",
                markup=False, highlight=False,
            )
        else:
            console.print("  Geen resultatentabel gevonden.", style="yellow")
        render_reasons(entry, console)
        for warning in entry.warnings:
            console.print(f"  Let op: {safe_text(warning)}", style="yellow", highlight=False, markup=False)
        console.print()
    console.print(totals_text(result), style="bold")


NARROW = 100  # below this many columns the results are shown as lines, not as a table


def render_short(result: BatchResult, console: Console) -> None:
    """``--kort``: one line per report (verdict, file, what decided it), then the totals."""
    labels = {"voldoet": "voldoet", "voldoet_niet": "VOLDOET NIET", "handmatig": "handmatig", "onleesbaar": "ONLEESBAAR"}
    for entry in result.reports:
        key = verdict_key(entry)
        why = (entry.error.message if entry.error else
               "; ".join(dict.fromkeys(rule_title(c.rule) for c in deciding_checks(entry))))
        line = safe_text(f"{labels.get(key, key):<12} {safe_text(entry.file, name=True)}" + (f" – {why}" if why else ""))
        width = max(console.width, 40)
        console.print(line if len(line) <= width else line[: width - 1] + "…", highlight=False, markup=False, soft_wrap=True)
    for name in result.unchecked:
        console.print(f"{'NIET GEDAAN':<12} {name}", highlight=False, markup=False, soft_wrap=True)
    used: dict[str, int] = {}
    for entry in result.reports:
        if regime_text(entry):
            used[regime_text(entry)] = used.get(regime_text(entry), 0) + 1
    if used:
        line = "Regeling: " + "; ".join(f"{text} ({n}x)" for text, n in used.items())
        width = max(console.width, 40)
        console.print(line if len(line) <= width else line[: width - 1] + "…", highlight=False, markup=False, soft_wrap=True)
    console.print(totals_text(result), style="bold", highlight=False, markup=False)


def totals_text(result: BatchResult) -> str:
    """The batch in one line: how many files, and how many of each verdict."""
    parsed = sum(e.status == "parsed" for e in result.reports)
    errors = len(result.reports) - parsed
    counts = {v: sum(e.verdict == v for e in result.reports) for v in ("voldoet", "voldoet_niet", "handmatig")}
    text = (f"{len(result.reports)} bestand(en): {counts['voldoet']} voldoet, {counts['voldoet_niet']} voldoet niet, "
            f"{counts['handmatig']} handmatig, {errors} onleesbaar ({parsed} gelezen).")
    if result.interrupted:
        text += f" {interrupted_text(result)}"
    return text


def interrupted_text(result: BatchResult) -> str:
    """The Dutch note on a run stopped with Ctrl-C (empty when it was not)."""
    if not result.interrupted:
        return ""
    return (f"Afgebroken: {len(result.unchecked)} bestand(en) niet gecontroleerd; "
            f"dit overzicht bevat alleen de {len(result.reports)} die klaar waren.")


STATUS_LABEL = {"fail": "VOLDOET NIET", "manual": "HANDMATIG", "warn": "LET OP", "pass": "OK", "n/a": "N.V.T."}
VERDICT_LABEL = {"voldoet": "voldoet", "voldoet_niet": "voldoet niet", "handmatig": "handmatig beoordelen", "onleesbaar": "onleesbaar"}


def verdict_key(entry: ReportEntry) -> str:
    """The verdict, or 'onleesbaar' for a file that could not be read (for labels and colours)."""
    return "onleesbaar" if entry.status == "error" else (entry.verdict or "")


def deciding_checks(entry: ReportEntry) -> list:
    """The findings that set the verdict: failed ones, else those needing a person."""
    worst = "fail" if entry.verdict == "voldoet_niet" else "manual"
    return [c for c in entry.checks if c.rule in entry.decided_by and c.status == worst]


def reasons_text(entry: ReportEntry) -> str:
    """The deciding reasons in one cell/line: 'SCH-NORM: ... | SCH-ONDERTEKEND: ...'."""
    return " | ".join(f"{c.rule}: {c.message}" for c in deciding_checks(entry))


def rule_title(rule_id: str) -> str:
    """The Dutch title of a rule ("Meetperiode volgens de regeling"), or its id when unknown."""
    from .rules import RULES  # here: the writers need the rules' titles only for the screen

    rule = RULES.get(rule_id)
    return rule.title if rule else rule_id


def _indented(console: Console, text: str, indent: int, style: str = "") -> None:
    """A paragraph whose wrapped lines stay under its first word, without trailing blanks."""
    lines = textwrap.wrap(safe_text(text), width=max(console.width - 1, 40), initial_indent=" " * indent,
                          subsequent_indent=" " * (indent + 2), break_on_hyphens=False)
    console.print("\n".join(lines), style=style, highlight=False, markup=False, soft_wrap=True)


def render_reasons(entry: ReportEntry, console: Console) -> None:
    """The findings that decided the verdict in full, then each other open point with its Dutch
    title and reason (a person cannot act on a rule id alone)."""
    decisive = deciding_checks(entry)
    for check in decisive:
        page = f" (p. {check.page})" if check.page else ""
        _indented(console, f"{STATUS_LABEL[check.status]} {check.rule}: {check.message}{page}", 2)
    rest = [c for c in entry.checks if c not in decisive and c.status in ("fail", "manual", "warn")]
    if rest:
        console.print("  Verder:", style="dim", highlight=False, markup=False)
    for check in rest:  # wrapped lines stay indented under their point
        text = f"{STATUS_LABEL[check.status].lower()}: {rule_title(check.rule)} ({check.rule}) – {check.message}"
        _indented(console, text, 4, style="dim")


def to_table_text(result: BatchResult, width: int = 120) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False)
    render_table(result, console)
    return console.file.getvalue()


# ---- files -----------------------------------------------------------------------------
def write_atomic(path: Path, content: str | bytes) -> None:
    """Write via a temp file in the same folder and rename, so a reader never sees half a file."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the mode a normal save would
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render(result: BatchResult, fmt: str, csv_dialect: str = "nl") -> str | bytes:
    if fmt == "json":
        return to_json(result)
    if fmt == "jsonl":
        return "".join(to_jsonl_line(e) for e in result.reports)
    if fmt == "csv":
        return to_csv(result, csv_dialect)
    if fmt == "xlsx":
        from .report_xlsx import to_xlsx

        return to_xlsx(result)
    if fmt == "html":
        from .report_html import to_html

        return to_html(result)
    return to_table_text(result)
