"""Rules: each has a stable id, a Dutch title and its documentation next to its code.

A rule reads a parsed :class:`ReportEntry` and the regime's parameters and returns findings
(:class:`Check`). Rules never read PDFs. A rule that crashes becomes a "manual" finding with the
reason; the report is never lost. The verdict is derived from the findings: ``voldoet_niet`` if any
rule fails, else ``handmatig`` if any needs a person, else ``voldoet``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import regex

from .dutch import decimals_of
from .dutch import format_date as d
from .dutch import format_number as n
from .regime import Regime
from .schema import Check, ReportEntry, ResultRow, Verdict

log = logging.getLogger(__name__)

RuleFn = Callable[[ReportEntry, Regime], list[Check]]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    doc: str
    fn: RuleFn


RULES: dict[str, Rule] = {}


def rule(rule_id: str, title: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        RULES[rule_id] = Rule(rule_id, title, (fn.__doc__ or "").strip(), fn)
        return fn

    return register


def _check(rule_id: str, status: str, message: str, page: int | None = None) -> Check:
    return Check(rule=rule_id, status=status, message=message, page=page)


def _service_rows(entry: ReportEntry) -> list[ResultRow]:
    return [r for r in entry.results if r.group == "clienten" and not r.is_total]


def _no_param(rule_id: str, name: str) -> list[Check]:
    return [_check(rule_id, "manual", f"Parameter '{name}' ontbreekt in deze regeling; handmatig beoordelen.")]


# ---- uwv-scholing-2021 ---------------------------------------------------------------------
@rule("SCH-MEETPERIODE", "Meetperiode is die van de regeling")
def meetperiode(entry: ReportEntry, regime: Regime) -> list[Check]:
    """Het rapport moet de meetperiode van de regeling beslaan (scholingsdiensten 2021: 1 januari
    tot en met 31 december 2021). Een andere periode, zoals september–augustus van een Blik op
    Werk-rapport, is 'fail' met beide periodes in de melding. Bron: seed 000, 'De meetperiode'."""
    rid = "SCH-MEETPERIODE"
    p = regime.param("meetperiode")
    if p is None or p.value is None:
        return _no_param(rid, "meetperiode")
    want_start, want_end = p.value["start"], p.value["end"]
    page = entry.evidence["meetperiode"].page if "meetperiode" in entry.evidence else None
    mp = entry.meetperiode
    if mp is None or mp.start is None or mp.end is None:
        return [_check(rid, "fail", "Geen meetperiode gevonden in het rapport.")]
    if (mp.start, mp.end) == (want_start, want_end):
        return [_check(rid, "pass", f"Meetperiode {d(mp.start)} t/m {d(mp.end)} is die van de regeling.", page)]
    return [
        _check(
            rid,
            "fail",
            f"Meetperiode van het rapport is {d(mp.start)} t/m {d(mp.end)}; de regeling vraagt "
            f"{d(want_start)} t/m {d(want_end)}.",
            page,
        )
    ]


@rule("SCH-DEFINITIEF", "Definitief rapport, geen concept")
def definitief(entry: ReportEntry, regime: Regime) -> list[Check]:
    """Alleen een definitief rapport telt. Een concept is 'fail'; staat er niets over in het
    rapport, dan is het 'manual'."""
    rid = "SCH-DEFINITIEF"
    page = entry.evidence["final"].page if "final" in entry.evidence else None
    if entry.final is True:
        return [_check(rid, "pass", "Het rapport is definitief.", page)]
    if entry.final is False:
        return [_check(rid, "fail", "Het rapport is een concept, geen definitief rapport.", page)]
    return [_check(rid, "manual", "Niet gevonden of het rapport definitief is of een concept.")]


@rule("SCH-ONDERTEKEND", "Ondertekend door het onderzoeksbureau")
def ondertekend(entry: ReportEntry, regime: Regime) -> list[Check]:
    """Het rapport moet door het onderzoeksbureau zijn ondertekend (seed 000, 'Beoordeling').
    Een digitale handtekening wordt nog niet cryptografisch gecontroleerd en is daarom 'manual';
    een zichtbare handtekening is 'manual' met de pagina; geen handtekening is 'fail'."""
    rid = "SCH-ONDERTEKEND"
    sig = entry.signature
    if sig is None or sig.kind == "none":
        return [_check(rid, "fail", "Geen handtekening van het onderzoeksbureau gevonden.")]
    if sig.kind == "digital" and sig.intact is True:
        return [_check(rid, "pass", f"Digitaal ondertekend door {sig.signer or 'onbekende ondertekenaar'}; handtekening intact.")]
    if sig.kind == "digital":
        return [_check(rid, "manual", "Digitale handtekening aanwezig maar niet gecontroleerd; handmatig nakijken.")]
    return [_check(rid, "manual", "Alleen een zichtbare handtekening; handmatig nakijken.")]


@rule("SCH-VRAGEN", "Resultaten van alle verplichte vragen gerapporteerd")
def vragen(entry: ReportEntry, regime: Regime) -> list[Check]:
    """Elke verplichte vraag uit de regeling moet in het rapport voorkomen (als figuurtitel of, voor
    het rapportcijfer, als kolom van de resultatentabel). Ontbrekende vragen worden bij naam
    genoemd: 'fail'."""
    rid = "SCH-VRAGEN"
    p = regime.param("mandatory_questions")
    if p is None or not p.value:
        return _no_param(rid, "mandatory_questions")
    texts = [q.text for q in entry.questions]
    if any(r.rapportcijfer is not None for r in entry.results):
        texts.append("rapportcijfer")
    missing = [q["name"] for q in p.value if not any(regex.search(q["pattern"], t, regex.IGNORECASE) for t in texts)]
    if missing:
        return [_check(rid, "fail", f"Verplichte vragen niet gevonden: {', '.join(missing)}.")]
    return [_check(rid, "pass", f"Alle {len(p.value)} verplichte vragen zijn gerapporteerd.")]


@rule("SCH-RESPONS", "Minimale respons per perceel/cluster")
def respons(entry: ReportEntry, regime: Regime) -> list[Check]:
    """De minimale respons-eis geldt per perceel en per cluster (seed 000, 'Minimale
    respons-eisen'). De eis staat in de niet-openbare 'Richtlijn voor onderzoeksbureaus'; zolang
    de regeling geen waarde heeft, is de uitkomst 'manual' met de gevonden respons."""
    rid = "SCH-RESPONS"
    p = regime.param("min_response")
    rows = _service_rows(entry)
    if not rows:
        return [_check(rid, "manual", "Geen resultaten per dienst gevonden om de respons te beoordelen.")]
    out = []
    for r in rows:
        found = f"respons {n(r.respons_pct)} % bij netto steekproef {n(r.netto_steekproef)} ({r.service})"
        if p is None or p.value is None:
            out.append(_check(rid, "manual", f"{found}; minimale respons-eis niet bekend in deze regeling.", r.page))
        elif r.respons_pct is None:
            out.append(_check(rid, "manual", f"Geen respons gevonden voor {r.service}.", r.page))
        elif r.respons_pct >= float(p.value):
            out.append(_check(rid, "pass", f"{found} haalt de eis van {n(float(p.value))} %.", r.page))
        else:
            out.append(_check(rid, "fail", f"{found} haalt de eis van {n(float(p.value))} % niet.", r.page))
    return out


@rule("SCH-VRIJSTELLING", "Vrijstelling bij minder dan 5 beëindigde diensten")
def vrijstelling(entry: ReportEntry, regime: Regime) -> list[Check]:
    """Bij minder dan 5 beëindigde scholingsdiensten in een perceel/cluster kan de leverancier
    vrijstelling vragen (seed 000, 'Uitzondering'). Zo'n dienst is 'n/a' met die opmerking; de
    netto steekproef geldt hier als aantal beëindigde diensten zolang er geen CLMS-gegevens zijn."""
    rid = "SCH-VRIJSTELLING"
    p = regime.param("exemption_below")
    if p is None or p.value is None:
        return _no_param(rid, "exemption_below")
    out = []
    for r in _service_rows(entry):
        if r.netto_steekproef is not None and r.netto_steekproef < int(p.value):
            out.append(
                _check(
                    rid,
                    "n/a",
                    f"{r.service}: netto steekproef {r.netto_steekproef} is minder dan {p.value}; "
                    "de leverancier kan voor deze dienst vrijstelling aanvragen.",
                    r.page,
                )
            )
    return out


@rule("SCH-NORM", "Gemiddeld rapportcijfer per perceel/cluster minimaal de norm")
def norm(entry: ReportEntry, regime: Regime) -> list[Check]:
    """Per perceel of cluster (niet alleen het totaal) moet het gemiddelde rapportcijfer minimaal de
    norm zijn (scholingsdiensten 2021: 8). Een dienst zonder ingevulde vragenlijsten ("0,0" bij 0
    ingevuld) heeft geen cijfer en is 'manual', geen 0. Diensten onder de vrijstellingsgrens tellen
    niet mee."""
    rid = "SCH-NORM"
    p = regime.param("norm")
    if p is None or p.value is None:
        return _no_param(rid, "norm")
    limit = float(p.value)
    exempt = regime.param("exemption_below")
    rows = _service_rows(entry)
    if not rows:
        return [_check(rid, "manual", "Geen rapportcijfers per dienst gevonden.")]
    out = []
    for r in rows:
        if exempt and exempt.value is not None and r.netto_steekproef is not None and r.netto_steekproef < int(exempt.value):
            continue
        if not r.ingevuld or r.rapportcijfer is None:
            out.append(_check(rid, "manual", f"{r.service}: geen ingevulde vragenlijsten, dus geen rapportcijfer.", r.page))
        elif r.rapportcijfer >= limit:
            out.append(_check(rid, "pass", f"{r.service}: rapportcijfer {n(r.rapportcijfer)} haalt de norm {n(limit)}.", r.page))
        else:
            out.append(_check(rid, "fail", f"{r.service}: rapportcijfer {n(r.rapportcijfer)} is lager dan de norm {n(limit)}.", r.page))
    return out


@rule("SCH-CONSISTENTIE", "Cijfers in de resultatentabel kloppen met elkaar")
def consistentie(entry: ReportEntry, regime: Regime) -> list[Check]:
    """Interne controle van tabel 1.1: respons = ingevuld / netto steekproef (op de gedrukte
    decimaal), een totaalregel is de som van de diensten erboven, en een rapportcijfer ligt tussen
    1 en 10 ("0,0" bij 0 ingevuld betekent 'geen cijfer'). Een afwijking is 'fail' met de getallen."""
    rid = "SCH-CONSISTENTIE"
    out = []
    for r in entry.results:
        if r.netto_steekproef and r.ingevuld is not None and r.respons_pct is not None:
            # Printed to N decimals, the exact share may lie up to half a unit away (6,25 prints as 6,3 or 6,2).
            decimals = decimals_of(r.raw.get("respons_pct", "")) if r.raw.get("respons_pct") else 1
            exact = 100 * r.ingevuld / r.netto_steekproef
            if abs(exact - r.respons_pct) > 0.5 * 10**-decimals + 1e-9:
                out.append(_check(rid, "fail", f"{r.service}: respons {n(r.respons_pct)} % klopt niet met "
                                  f"{r.ingevuld} / {r.netto_steekproef} = {n(exact, decimals + 1)} %.", r.page))
        if r.rapportcijfer is not None and not (r.ingevuld == 0 and r.rapportcijfer == 0):
            if not 1 <= r.rapportcijfer <= 10:
                out.append(_check(rid, "fail", f"{r.service}: rapportcijfer {n(r.rapportcijfer)} ligt niet tussen 1 en 10.", r.page))
    for group in ("clienten", "opdrachtgevers"):
        rows = [r for r in entry.results if r.group == group]
        parts = [r for r in rows if not r.is_total]
        for total in (r for r in rows if r.is_total):
            if not parts:
                continue
            for field in ("netto_steekproef", "ingevuld"):
                values = [getattr(r, field) for r in parts]
                if None in values or getattr(total, field) is None:
                    continue
                if sum(values) != getattr(total, field):
                    out.append(_check(rid, "fail", f"{total.service} ({group}): {field.replace('_', ' ')} {getattr(total, field)} "
                                      f"is niet de som van de diensten ({' + '.join(map(str, values))} = {sum(values)}).", total.page))
    if not out:
        out.append(_check(rid, "pass", f"{len(entry.results)} rijen van de resultatentabel zijn onderling consistent."))
    return out


# ---- blik-op-werk --------------------------------------------------------------------------
@rule("BOW-TOTAAL", "Blik op Werk: totaal rapportcijfer minimaal 6,5")
def bow_totaal(entry: ReportEntry, regime: Regime) -> list[Check]:
    """Voor het keurmerk is bij totaal een gemiddeld rapportcijfer van 6,5 de norm (Panteia, par. 2.3)."""
    rid = "BOW-TOTAAL"
    p = regime.param("norm_total")
    if p is None or p.value is None:
        return _no_param(rid, "norm_total")
    totals = [r for r in entry.results if r.group == "clienten" and r.is_total]
    if not totals or totals[0].rapportcijfer is None:
        return [_check(rid, "manual", "Geen totaal rapportcijfer van cliënten gevonden.")]
    t = totals[0]
    status = "pass" if t.rapportcijfer >= float(p.value) else "fail"
    word = "haalt" if status == "pass" else "haalt niet"
    return [_check(rid, status, f"Totaal rapportcijfer {n(t.rapportcijfer)} {word} de norm {n(float(p.value))}.", t.page)]


@rule("BOW-DIENST", "Blik op Werk: per dienst rapportcijfer minimaal 5,5")
def bow_dienst(entry: ReportEntry, regime: Regime) -> list[Check]:
    """Per dienst moet een gemiddeld rapportcijfer van 5,5 of hoger worden gehaald (Panteia, par.
    2.3). Blik op Werk corrigeert daarbij voor erg lage cijfers als de spreiding bekend is; die
    spreiding staat niet als getal in het rapport, dus een te laag cijfer is 'manual'."""
    rid = "BOW-DIENST"
    p = regime.param("norm_service")
    if p is None or p.value is None:
        return _no_param(rid, "norm_service")
    out = []
    for r in _service_rows(entry):
        if r.rapportcijfer is None or not r.ingevuld:
            continue
        if r.rapportcijfer >= float(p.value):
            out.append(_check(rid, "pass", f"{r.service}: {n(r.rapportcijfer)} haalt {n(float(p.value))}.", r.page))
        else:
            out.append(_check(rid, "manual", f"{r.service}: {n(r.rapportcijfer)} is lager dan {n(float(p.value))}; "
                              "de correctie voor lage cijfers vraagt de spreiding, die niet als getal in het rapport staat.", r.page))
    return out


# ---- evaluation ----------------------------------------------------------------------------
SEVERITY = {"pass": 0, "n/a": 0, "warn": 1, "manual": 2, "fail": 3}


def verdict_of(checks: list[Check]) -> Verdict:
    worst = max((SEVERITY[c.status] for c in checks), default=0)
    return "voldoet_niet" if worst == 3 else "handmatig" if worst == 2 else "voldoet"


def evaluate(entry: ReportEntry, regime: Regime) -> tuple[list[Check], Verdict | None]:
    """All rules of the regime on one parsed entry. Error entries get no checks and no verdict."""
    if entry.status != "parsed":
        return [], None
    checks: list[Check] = []
    for rule_id in regime.regime.rules:
        r = RULES[rule_id]
        try:
            checks += r.fn(entry, regime)
        except Exception as exc:  # a broken rule asks for a person, it never loses the report
            log.exception("rule %s failed on %s", rule_id, entry.file)
            checks.append(_check(rule_id, "manual", f"Regel kon niet worden toegepast ({type(exc).__name__}: {exc}); handmatig beoordelen."))
    return checks, verdict_of(checks)
