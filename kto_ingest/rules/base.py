"""The machinery shared by all rules: the registry, the context a rule reads, and the verdict.

A rule reads a parsed :class:`ReportEntry` and a :class:`Context` (the regime's parameters, the
bureau register, the CLMS record of this report) and returns findings (:class:`Check`). Rules never
read PDFs. A rule that crashes becomes a "manual" finding with the reason; the report is never lost.
The verdict is derived from the findings: ``voldoet_niet`` if any rule fails, else ``handmatig`` if
any needs a person, else ``voldoet``.

A rule fails a report only on evidence read with confidence (issue 14): a value that breaks the
norm (:func:`breach`), or an absence the parser vouched for (:func:`missing`). A fact that was not
found, could not be read, or was read by OCR or a generic parser gives ``manual`` saying what was
looked for and where. Every rule goes through these two helpers; none decides that on its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from ..dutch import format_number
from .. import _rx as cached

from ..bureaus import Register
from ..clms import ClmsRecord
from ..regime import Regime
from ..schema import Check, Evidence, FactStatus, ReportEntry, ResultRow, Status, Verdict

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Context:
    """Everything besides the report that a rule may use."""

    regime: Regime
    register: Register | None = None
    clms: ClmsRecord | None = None  # this report's line(s) in the CLMS export, if one was given
    clms_source: str | None = None  # the CLMS export given (--clms), even when this report is not in it
    codes: dict[str, str] = field(default_factory=dict)  # the report's perceel codes (ReportEntry.perceel_codes)

    def value(self, name: str):
        """The regime's value for a parameter, or None when the regime has none (no public source)."""
        p = self.regime.param(name)
        return None if p is None else p.value

    def number(self, name: str) -> float | None:
        v = self.value(name)
        return None if v is None else float(v)


RuleFn = Callable[[ReportEntry, Context], list[Check]]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    doc: str
    fn: RuleFn


RULES: dict[str, Rule] = {}


def rule(rule_id: str, title: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, title, (fn.__doc__ or "").strip(), fn)
        return fn

    return register


def check(rule_id: str, status: Status, message: str, page: int | None = None, raw: str | None = None) -> Check:
    return Check(rule=rule_id, status=status, message=message, page=page, raw=raw)


# ---- evidence: the only two ways a rule fails a report ----------------------------------------
# What each fact is called in messages, and where kto-ingest looked when the parser does not say.
FACT_NAMES: dict[str, str] = {
    "bureau": "onderzoeksbureau",
    "supplier": "leverancier",
    "report_date": "rapportdatum",
    "meetperiode": "meetperiode",
    "final": "vermelding of het rapport definitief of een concept is",
    "approached": "aantal benaderde cliënten",
    "approach": "beschrijving van de wijze van benadering",
    "results": "resultatentabel per perceel/cluster",
    "questions": "verplichte vragen (figuurtitels, figuur- en tabeltekst)",
    "jobcoaching": "jobcoachinggegevens (rapportageformat van UWV)",
    "jobcoaching.recognition_date": "datum erkenning",
    "jobcoaching.periods": "cijfers per jobcoachperiode",
    "jobcoaching.werknemer_avg": "gedrukt gemiddeld cijfer van de werknemers",
    "jobcoaching.werkgever_avg": "gedrukt gemiddeld cijfer van de werkgevers",
    "jobcoaching.answers": "antwoordaantallen per vraag",
    "jobcoaching.analysis": "analyse van de resultaten met conclusies",
}
DEFAULT_LOOKED = "in de tekst die kto-ingest van het rapport kon lezen"


def fact_state(entry: ReportEntry, fact: str) -> FactStatus:
    """The parser's record for ``fact`` (dotted for a part: 'jobcoaching.periods'), else derived
    from the value: present is found, absent is not found without a vouched absence."""
    if fact in entry.fact_status:
        return entry.fact_status[fact]
    value = entry
    for part in fact.split("."):
        value = getattr(value, part, None)
    return FactStatus(status="found" if value not in (None, [], {}, "") else "not_found")


def doubtful(entry: ReportEntry, page: int | None = None, ocr: bool = False, derived: bool = False) -> str | None:
    """Why a value may not be trusted to fail a report on its own (Dutch), or None."""
    if ocr or (page is not None and page in entry.ocr_pages):
        return "met OCR (gescande pagina)"
    if derived:
        return "afgeleid uit een verwant label (bijvoorbeeld de veldwerkperiode of een versienummer)"
    if entry.confidence == "low":
        return "met lage zekerheid (algemene leesmodule)"
    return None


def missing(rule_id: str, entry: ReportEntry, fact: str, *, fails: bool = True, what: str | None = None,
            then: str = "controleer het rapport") -> Check:
    """The one answer to a fact a rule needs and does not have. ``fail`` only when ``fails`` (the
    absence itself breaks the requirement) and a confident parser vouched for the absence on the page
    where the fact must stand, with that page and the place it looked as evidence; otherwise ``manual`` saying what was looked for and where (or why
    it could not be read), so that a person looks it up. Never a fail for what kto-ingest could not
    read."""
    st = fact_state(entry, fact)
    name = what or FACT_NAMES.get(fact, fact)
    on_page = f" (p. {st.page})" if st.page else ""
    if st.status == "unreadable":
        why = f": {st.reason}" if st.reason else ""
        return check(rule_id, "manual", f"De {name} staat in het rapport{on_page}, maar kon niet worden gelezen{why}; {then}.", st.page)
    looked = st.looked or DEFAULT_LOOKED
    if fails and st.status == "not_found" and st.vouched and st.page is not None and doubtful(entry, st.page) is None:
        return check(rule_id, "fail", f"Geen {name} in het rapport; gezocht {looked}{on_page}.", st.page, f"niet gevonden {looked}")
    return check(rule_id, "manual", f"Geen {name} gevonden {looked}; {then}.", st.page)


SCHOLING_FACTS = ("bureau", "supplier", "report_date", "meetperiode", "final", "approached", "approach", "results", "questions")
JOBCOACHING_FACTS = ("supplier", "report_date", "meetperiode", "jobcoaching", "jobcoaching.recognition_date", "jobcoaching.periods",
                     "jobcoaching.werknemer_avg", "jobcoaching.werkgever_avg", "jobcoaching.answers", "jobcoaching.analysis")


def facts_not_read(entry: ReportEntry) -> list[tuple[str, str, FactStatus]]:
    """(fact, Dutch name, status) of every fact the rules use that was not found or not readable,
    for ``explain`` and the HTML report."""
    facts = JOBCOACHING_FACTS if entry.jobcoaching is not None or (entry.regime or "").endswith("jobcoaching") else SCHOLING_FACTS
    out = []
    for fact in dict.fromkeys([*facts, *entry.fact_status]):
        st = fact_state(entry, fact)
        if st.status != "found":
            out.append((fact, FACT_NAMES.get(fact, fact), st))
    return out


def describe_state(st: FactStatus) -> str:
    """'niet gevonden op het voorblad (afwezigheid zeker)' / 'onleesbaar: ...' in Dutch."""
    on_page = f" (p. {st.page})" if st.page else ""
    if st.status == "unreadable":
        return f"onleesbaar{on_page}: {st.reason or 'reden niet vermeld'}"
    if st.status == "not_found":
        where = f" {st.looked}" if st.looked else " (waar gezocht is niet vastgelegd)"
        sure = "; de leesmodule staat in voor de afwezigheid" if st.vouched else ""
        return f"niet gevonden{where}{on_page}{sure}"
    return "gevonden"


def evidence_of(entry: ReportEntry, field: str) -> Evidence | None:
    return entry.evidence.get(field)


def breach(rule_id: str, entry: ReportEntry, message: str, *, page: int | None, raw: str | None, ocr: bool = False,
           derived: bool = False) -> Check:
    """A value read from the report breaks the norm. ``fail`` with the value as printed and its page;
    but a value read by OCR or a generic parser, or only suggested by its label (``derived``), never
    fails a report alone: then ``manual``, 'mogelijk voldoet niet', with the numbers and the page."""
    why = doubtful(entry, page, ocr, derived)
    if why is None and raw and page is not None:
        return check(rule_id, "fail", message, page, raw)
    where = f" op p. {page}" if page else ""
    printed = f": \u201c{raw}\u201d" if raw else ""
    reason = f"gelezen {why}{where}{printed}" if why else "de vindplaats (pagina en tekst zoals gedrukt) is niet bewaard"
    return check(rule_id, "manual", f"Mogelijk voldoet niet: {message} ({reason}; controleer in de PDF.)", page, raw)


def breach_of(rule_id: str, entry: ReportEntry, field: str, message: str) -> Check:
    """:func:`breach` on a top-level fact with its recorded evidence."""
    ev = evidence_of(entry, field)
    return breach(rule_id, entry, message, page=ev.page if ev else None, raw=ev.raw if ev else None, ocr=bool(ev and ev.ocr),
                  derived=bool(ev and ev.derived))


def plain(value: float | int | None) -> str:
    """A norm or sum as a person writes it: 8, 6,5, 35,5."""
    if value is None:
        return "–"
    v = round(float(value), 6)  # a sum of one-decimal scores: 7.1 + 7.2 is 14.299999999999999
    return str(int(v)) if v == int(v) else format_number(v, len(repr(v).split(".")[1]))


def printed(row: ResultRow, field: str) -> str:
    """A row's value as printed (7,95 stays 7,95), else formatted."""
    raw = row.raw.get(field)
    if raw and raw.strip():
        return raw.strip()
    return plain(getattr(row, field))


def printed_pct(row: ResultRow, field: str = "respons_pct") -> str:
    """A percentage as printed, with one '%': '37,5 %' whether the report printed '37,5' or '37,5%'."""
    return f"{printed(row, field).rstrip('% ').rstrip()} %"


def no_param(rule_id: str, name: str) -> list[Check]:
    return [check(rule_id, "manual", f"Parameter '{name}' ontbreekt in deze regeling; handmatig beoordelen.")]


def service_rows(entry: ReportEntry) -> list[ResultRow]:
    """The per-service rows of the clients' results (no totals, no opdrachtgevers). A report whose
    table has no groups at all (one row per perceel, as UWV asks) reports on clients only."""
    ungrouped = all(r.group is None for r in entry.results)
    return [r for r in entry.results if (r.group == "clienten" or (ungrouped and r.group is None)) and not r.is_total]


def either(items: list[str]) -> str:
    """['VBO', 'VSO', 'MOA'] -> 'VBO, VSO of MOA'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} of {items[-1]}"


def page_of(entry: ReportEntry, field: str) -> int | None:
    ev = entry.evidence.get(field)
    return ev.page if ev else None


def on_time(rule_id: str, entry: ReportEntry, ctx: Context, deadline, term: str) -> list[Check]:
    """Received on or before ``deadline``? The received date comes from CLMS. Without it only the
    report date is known: after the deadline it is a fail (a report cannot arrive before it is
    written); on or before it the receipt is still a point for a person, never a pass. ``term``
    names the deadline in messages, e.g. 'de deadline van 1-3-2022'."""
    from ..dutch import format_date as d

    received = ctx.clms.received if ctx.clms else None
    if received is not None:
        said = f"CLMS-export regel {ctx.clms.line}: ontvangen {d(received)}" if ctx.clms.line else f"CLMS-export: ontvangen {d(received)}"
        if received <= deadline:
            return [check(rule_id, "pass", f"Ontvangen op {d(received)} (CLMS), op of vóór {term}.", None, said)]
        return [check(rule_id, "fail", f"Ontvangen op {d(received)} (CLMS), na {term}.", None, said)]
    unknown = clms_unknown(ctx, "geen ontvangstdatum")
    if entry.report_date is None:
        return [missing(rule_id, entry, "report_date", fails=False,
                        then=f"ontvangstdatum onbekend ({unknown}); controleer in CLMS of het rapport op of vóór {term} is ontvangen")]
    if entry.report_date > deadline:
        return [breach_of(rule_id, entry, "report_date", f"Het rapport is gedateerd {d(entry.report_date)}, na {term}.")]
    return [check(rule_id, "manual", f"Ontvangstdatum onbekend ({unknown}); de rapportdatum {d(entry.report_date)} ligt op of vóór "
                  f"{term}. Controleer in CLMS wanneer UWV het rapport ontving.", page_of(entry, "report_date"))]


def clms_unknown(ctx: Context, what: str) -> str:
    """Why CLMS does not tell: no export given, the report not in it, or the export lacks ``what``."""
    if ctx.clms_source is None:
        return "geen CLMS-export"
    if ctx.clms is None:
        return f"het rapport is niet gevonden in de CLMS-export {ctx.clms_source}"
    return f"de CLMS-export {ctx.clms_source} noemt {what} voor dit rapport"


def _as_named(label: str, ctx: Context) -> str:
    """A label with a perceel code the report's legend explains, written out: 'P2 – Bouw en
    infra' with 'P2 = Functiegerichte vaardigheidstrainingen' reads 'Functiegerichte
    vaardigheidstrainingen: Bouw en infra'. Other labels as they are."""
    if not ctx.codes:
        return label
    from ..reader.confidence import split_code  # here: the main process loads the rules, not the reader

    code, rest = split_code(label)
    if code is None or code not in ctx.codes or cached.search(regex.escape(ctx.codes[code]), rest, regex.IGNORECASE):
        return label
    return f"{ctx.codes[code]}: {rest}"


def mapped(row: ResultRow) -> str:
    """The text a row's perceel is read from: its label, under the perceel heading it stands
    under when its label is a cluster alone ('Functiegerichte vaardigheidstrainingen: Techniek')."""
    if not row.heading:
        return row.service
    return f"{row.heading}: {row.service.lstrip('-–—•·▪* ')}"  # a sub-row's bullet ('- cluster Techniek') is no part of its name


def perceel_of(label: str, ctx: Context) -> str | None:
    """The UWV perceel (and cluster) a service label of the report falls under, by the regime's
    ``percelen`` patterns (a perceel code read through the report's legend); None when no
    pattern matches. Pass :func:`mapped` of a row to count the heading it stands under."""
    for text in dict.fromkeys((label, _as_named(label, ctx))):
        if found := _perceel_in(text, ctx):
            return found
    return None


def _perceel_in(label: str, ctx: Context) -> str | None:
    for item in ctx.value("percelen") or []:
        m = cached.search(item["pattern"], label, regex.IGNORECASE)
        if m:
            cluster = m.groupdict().get("cluster")
            return f"{item['perceel']}, cluster {cluster.strip()}" if cluster and cluster.strip() else item["perceel"]
    return None


def cluster_missing(label: str, ctx: Context) -> bool:
    """The label falls under a perceel the regime marks ``per_cluster`` but names no cluster."""
    if _perceel_in(label, ctx) is None:
        label = _as_named(label, ctx)
    for item in ctx.value("percelen") or []:
        m = cached.search(item["pattern"], label, regex.IGNORECASE)
        if m:
            cluster = m.groupdict().get("cluster")
            return bool(item.get("per_cluster")) and not (cluster and cluster.strip())
    return False


def labelled(row: ResultRow, ctx: Context) -> str:
    """'Scholing en opleiding (perceel Opleidingen)' for messages."""
    perceel = perceel_of(mapped(row), ctx)
    return f"{row.service} (perceel {perceel})" if perceel and perceel != row.service else row.service


# ---- evaluation ----------------------------------------------------------------------------
SEVERITY = {"pass": 0, "n/a": 0, "warn": 1, "manual": 2, "fail": 3}


def verdict_of(checks: list[Check]) -> Verdict:
    worst = max((SEVERITY[c.status] for c in checks), default=0)
    return "voldoet_niet" if worst == 3 else "handmatig" if worst == 2 else "voldoet"


def decided_by(checks: list[Check]) -> list[str]:
    """The rules whose findings set the verdict: the failed ones, else those needing a person."""
    worst = max((SEVERITY[c.status] for c in checks), default=0)
    if worst < 2:
        return []
    return list(dict.fromkeys(c.rule for c in checks if SEVERITY[c.status] == worst))


def low_confidence(entry: ReportEntry, checks: list[Check]) -> list[Check]:
    """Values read by a generic parser or by OCR are not trusted to pass a rule on their own."""
    if entry.confidence != "low":
        return checks
    return [
        c.model_copy(update={"status": "manual", "message": c.message + " (Gelezen met lage zekerheid: controleer in de PDF.)"})
        if c.status == "pass" else c
        for c in checks
    ]


def evaluate(entry: ReportEntry, ctx: Context) -> tuple[list[Check], Verdict | None]:
    """All rules of the regime on one parsed entry. Error entries get no checks and no verdict."""
    if entry.status != "parsed":
        return [], None
    checks: list[Check] = []
    for rule_id in ctx.regime.regime.rules:
        r = RULES[rule_id]
        try:
            checks += r.fn(entry, ctx)
        except Exception as exc:  # a broken rule asks for a person, it never loses the report
            log.debug("rule %s failed on %s", rule_id, entry.file, exc_info=True)  # the finding says what
            checks.append(check(rule_id, "manual", f"Regel kon niet worden toegepast ({type(exc).__name__}: {exc}); handmatig beoordelen."))
    checks = low_confidence(entry, checks)
    return checks, verdict_of(checks)
