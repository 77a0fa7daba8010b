"""Confidence from evidence, not from the parser's name.

A results table earns "high" when it checks itself: every row's respons equals ingevuld / netto
steekproef to the printed decimal, every Totaal equals the sum of its rows, every label names a
perceel, cluster or total (or stands under a heading that does), and the header was recognised.
Anything else is "low", with each reason as a Dutch warning.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import regex

from .. import dutch
from ..schema import ResultRow
from . import lexicon as lx
from ._rx import rx


def respons_matches(netto: int, ingevuld: int, printed: float, decimals: int) -> bool:
    """``printed`` is ingevuld / netto * 100 rounded to ``decimals`` (half up, or half to even)."""
    if netto <= 0:
        return False
    exact = Decimal(ingevuld) * 100 / Decimal(netto)
    q = Decimal(1).scaleb(-decimals)
    shown = Decimal(str(printed)).quantize(q)
    return shown in (exact.quantize(q, rounding=ROUND_HALF_UP), exact.quantize(q))


def impossible_cijfer(r: ResultRow) -> bool:
    """A rapportcijfer no report can print: outside 1-10, except the 0,0 Panteia prints for a group
    without filled-in questionnaires."""
    return r.rapportcijfer is not None and not 1 <= r.rapportcijfer <= 10 and not (r.rapportcijfer == 0 and r.ingevuld == 0)


def respons_as_proportion(rows: list[ResultRow]) -> bool:
    """A respons printed as a proportion ('0,45' for 45 %), as a script or a dashboard writes it:
    converted to a percentage only when every row's respons is at most 1 without a '%', and each
    equals ingevuld / netto as a proportion to its printed decimals (then the column can mean
    nothing else). True when converted; otherwise the rows stay as read (a person judges)."""
    with_respons = [r for r in rows if r.respons_pct is not None]
    if not with_respons or any(r.respons_pct > 1 or "%" in r.raw.get("respons_pct", "") for r in with_respons):
        return False
    decimals = {id(r): dutch.decimals_of(r.raw.get("respons_pct", "0")) for r in with_respons}
    if any(d < 2 or r.netto_steekproef is None or r.ingevuld is None
           or not respons_matches(r.netto_steekproef, r.ingevuld, r.respons_pct * 100, d - 2)
           for r in with_respons for d in (decimals[id(r)],)):
        return False
    for r in with_respons:
        r.respons_pct = round(r.respons_pct * 100, decimals[id(r)] - 2)
    return True


_SUB_ROW = rx(r"^[-–—•·▪*]\s*")


def mark_subtotals(rows: list[ResultRow]) -> list[ResultRow]:
    """A perceel row followed by its clusters, each set off as a sub-row ('- cluster Techniek',
    '• Zorg') or named as a cluster, whose counts add up to the perceel's exactly: the perceel row
    is their subtotal (``is_total``) and they stand under it (``heading``). Nothing is changed
    when the counts do not add up: then the rows stay as read, for a person to judge."""
    from .lexicon import label_kind

    for i, p in enumerate(rows):
        if p.is_total or p.heading or label_kind(p.service) != "perceel" or None in (p.netto_steekproef, p.ingevuld):
            continue
        kids: list[ResultRow] = []
        for x in rows[i + 1:]:
            if x.is_total or x.heading or not (_SUB_ROW.match(x.service) or label_kind(x.service) == "cluster"):
                break
            kids.append(x)
        if len(kids) < 2 or any(None in (k.netto_steekproef, k.ingevuld) for k in kids):
            continue
        if sum(k.netto_steekproef for k in kids) == p.netto_steekproef and sum(k.ingevuld for k in kids) == p.ingevuld:
            p.is_total = True
            for k in kids:
                k.heading = p.service
    _subtotals_after(rows)
    return rows


_SUBTOTAL = rx(r"(?<!\p{L})(?:sub-?totaal|subtotal|totaal\s+perceel)(?!\p{L})", regex.I)


def _subtotals_after(rows: list[ResultRow]) -> None:
    """A subtotal under its perceel's clusters ('Functiegerichte vaardigheidstrainingen Subtotaal'
    after 'Functiegerichte vaardigheidstrainingen Logistiek', ...): its clusters are the rows just
    above whose label starts with the perceel's name; when their counts add up to it exactly it is
    their subtotal (``is_total``) and they stand under it (``heading``)."""
    for i, p in enumerate(rows):
        if p.is_total or not _SUBTOTAL.search(p.service) or None in (p.netto_steekproef, p.ingevuld):
            continue
        name = " ".join(_SUBTOTAL.sub(" ", p.service).split()).strip(" :-–—").lower()
        kids: list[ResultRow] = []
        for x in reversed(rows[:i]):
            if x.is_total or not name or not " ".join(x.service.split()).lower().startswith(name):
                break
            kids.insert(0, x)
        if not kids or any(None in (k.netto_steekproef, k.ingevuld) for k in kids):
            continue
        if sum(k.netto_steekproef for k in kids) == p.netto_steekproef and sum(k.ingevuld for k in kids) == p.ingevuld:
            p.is_total = True
            for k in kids:
                k.heading = p.service


def row_problems(rows: list[ResultRow]) -> dict[int, list[str]]:
    """The rows (by index) whose own numbers do not add up, with Dutch reasons: respons is not
    ingevuld / netto steekproef to the printed decimal, ingevuld is above the netto steekproef, a
    rapportcijfer outside 1-10, a Totaal that is not the sum of its rows (within its group). Used
    for the confidence of any table, and to flag rows read by OCR."""
    problems: dict[int, list[str]] = {}
    block: list[ResultRow] = []
    for i, r in enumerate(rows):
        name = f"'{r.service}' (pagina {r.page})"
        found = []
        if r.netto_steekproef is not None and r.ingevuld is not None and r.ingevuld > r.netto_steekproef:
            found.append(f"Ingevuld bij {name} ({r.ingevuld}) is groter dan de netto steekproef ({r.netto_steekproef}).")
        elif None not in (r.netto_steekproef, r.ingevuld, r.respons_pct) and not respons_matches(
                r.netto_steekproef, r.ingevuld, r.respons_pct, r.respons_decimals(default=0)):
            found.append(f"Respons van {name} ({r.raw.get('respons_pct', r.respons_pct)}) is niet {r.ingevuld} / {r.netto_steekproef}.")
        if impossible_cijfer(r):
            found.append(f"Rapportcijfer van {name} ({dutch.format_number(r.rapportcijfer)}) ligt niet tussen 1 en 10.")
        if r.is_total:
            # a perceel's subtotal over its clusters (their heading) sums them and leaves the rows for the Totaal
            children = [x for x in rows[i + 1:] if x.heading == r.service and not x.is_total]
            # (or its clusters above it: a subtotal under them, which the Totaal counts through them)
            before = [x for x in rows[:i] if x.heading == r.service and not x.is_total]
            for key, label in (("netto_steekproef", "netto steekproef"), ("ingevuld", "ingevuld")):
                total = getattr(r, key)
                parts = [getattr(x, key) for x in (children or before or block) if x.group == r.group]
                if total is not None and parts and None not in parts and sum(parts) != total:
                    found.append(f"Totaal {label} op pagina {r.page} ({total}) is niet de som van de rijen ({sum(parts)}).")
            if not children and not before:
                block = []
        else:
            block.append(r)
        if found:
            problems[i] = found
    return problems


# A perceel code before a label, as some bureaus print them: 'P3 – Techniek', 'P1 Opleidingen',
# 'FVT2: Zorg', '2.1 Leerbanen'. The label stays as printed; what it names is read after the code.
_CODE = rx(r"^(?P<code>\p{Lu}{1,3}\s?\d{1,2}[a-z]?|\d{1,2}(?:\.\d{1,2})*\.?)\s*(?:[–—:.)=-]\s*)?(?=\p{L})")


def split_code(label: str) -> tuple[str | None, str]:
    """'P3 – Techniek' -> ('P3', 'Techniek'); a label without a code -> (None, label)."""
    m = _CODE.match(label.strip())
    if not m:
        return None, label
    return m["code"].replace(" ", "").upper(), label.strip()[m.end():]


def label_kind(label: str, codes: dict[str, str] | None = None) -> str | None:
    """What a label names (``lexicon.label_kind``), read after a perceel code it may carry; a
    code the report's legend explains ('P2 Functiegerichte vaardigheidstrainingen (per
    cluster)') names that perceel when the rest is a cluster name ('P2 – Horeca en schoonmaak')."""
    kind = lx.label_kind(label)
    if kind is not None:
        return kind
    code, rest = split_code(label)
    if code is None:
        return None
    kind = lx.label_kind(rest)
    if kind is None and codes and code in codes:
        return "cluster" if lx.label_kind(codes[code]) == "perceel" else lx.label_kind(codes[code])
    return kind


def assess(rows: list[ResultRow], header_recognised: bool, headings: dict[int, str] | None = None,
           guesses: list[str] | None = None, codes: dict[str, str] | None = None) -> list[str]:
    """Dutch reasons why the table does not check itself; empty means it earns high confidence.
    ``guesses``: why the reader's column mapping is a guess (``ResultsTable.guesses``); ``codes``:
    the perceel codes the report's legend explains ('P2' -> 'Functiegerichte vaardigheidstrainingen')."""
    reasons: list[str] = []
    if not header_recognised:
        reasons.append("De kop van de resultatentabel is niet volledig herkend.")
    for g in guesses or []:
        reasons.append(f"Kolomindeling van de resultatentabel niet zeker: {g}.")
    if not rows:
        return reasons + ["Geen rijen in de resultatentabel gelezen."]
    headings = headings or {}
    for i, r in enumerate(rows):
        name = f"'{r.service}' (pagina {r.page})"
        if r.netto_steekproef is None or r.ingevuld is None or r.respons_pct is None:
            missing = [k for k, v in (("netto steekproef", r.netto_steekproef), ("ingevuld", r.ingevuld), ("respons", r.respons_pct)) if v is None]
            reasons.append(f"Respons van {name} niet na te rekenen: {', '.join(missing)} ontbreekt.")
        kind = label_kind(r.service, codes)
        if not r.is_total and kind not in ("perceel", "cluster") and lx.label_kind(headings.get(i, "")) not in ("perceel", "cluster"):
            reasons.append(f"Label {name} is niet als perceel of cluster herkend.")
    for found in row_problems(rows).values():
        reasons += found
    return reasons
