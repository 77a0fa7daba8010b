"""The machinery shared by all rules: the registry, the context a rule reads, and the verdict.

A rule reads a parsed :class:`ReportEntry` and a :class:`Context` (the regime's parameters, the
bureau register, the CLMS record of this report) and returns findings (:class:`Check`). Rules never
read PDFs. A rule that crashes becomes a "manual" finding with the reason; the report is never lost.
The verdict is derived from the findings: ``voldoet_niet`` if any rule fails, else ``handmatig`` if
any needs a person, else ``voldoet``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import regex

from ..bureaus import Register
from ..clms import ClmsRecord
from ..regime import Regime
from ..schema import Check, ReportEntry, ResultRow, Status, Verdict

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Context:
    """Everything besides the report that a rule may use."""

    regime: Regime
    register: Register | None = None
    clms: ClmsRecord | None = None  # this report's line(s) in the CLMS export, if one was given

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


def check(rule_id: str, status: Status, message: str, page: int | None = None) -> Check:
    return Check(rule=rule_id, status=status, message=message, page=page)


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
    """Received by ``deadline``? The received date comes from CLMS; without it only the report date
    is known: after the deadline it is a fail (a report cannot arrive before it is written),
    otherwise a warning that receipt was not checked. ``term`` names the deadline in messages,
    e.g. 'de deadline van 1-3-2022'."""
    from ..dutch import format_date as d

    received = ctx.clms.received if ctx.clms else None
    if received is not None:
        if received <= deadline:
            return [check(rule_id, "pass", f"Ontvangen op {d(received)} (CLMS), op tijd voor {term}.")]
        return [check(rule_id, "fail", f"Ontvangen op {d(received)} (CLMS), na {term}.")]
    page = page_of(entry, "report_date")
    if entry.report_date is None:
        return [check(rule_id, "manual", f"Ontvangstdatum onbekend (geen CLMS-export) en geen rapportdatum gevonden; {term}.")]
    if entry.report_date > deadline:
        return [check(rule_id, "fail", f"Het rapport is gedateerd {d(entry.report_date)}, na {term}.", page)]
    return [check(rule_id, "warn", f"Ontvangstdatum onbekend (geen CLMS-export); de rapportdatum {d(entry.report_date)} "
                  f"ligt vóór {term}.", page)]


def perceel_of(label: str, ctx: Context) -> str | None:
    """The UWV perceel (and cluster) a service label of the report falls under, by the regime's
    ``percelen`` patterns; None when no pattern matches."""
    for item in ctx.value("percelen") or []:
        m = regex.search(item["pattern"], label, regex.IGNORECASE)
        if m:
            cluster = m.groupdict().get("cluster")
            return f"{item['perceel']}, cluster {cluster.strip()}" if cluster and cluster.strip() else item["perceel"]
    return None


def labelled(row: ResultRow, ctx: Context) -> str:
    """'Scholing en opleiding (perceel Opleidingen)' for messages."""
    perceel = perceel_of(row.service, ctx)
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
            log.exception("rule %s failed on %s", rule_id, entry.file)
            checks.append(check(rule_id, "manual", f"Regel kon niet worden toegepast ({type(exc).__name__}: {exc}); handmatig beoordelen."))
    checks = low_confidence(entry, checks)
    return checks, verdict_of(checks)
