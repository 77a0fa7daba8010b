"""Rules of the UWV jobcoaching KTO (Erkenningskader 2016, verplichting 3.5; seed 001)."""

from __future__ import annotations

import datetime as dt

import regex

from ..dutch import decimals_of
from ..dutch import format_date as d
from ..dutch import format_number as n
from ..schema import Check, Jobcoaching, ReportEntry
from .base import Context, check, no_param, on_time, page_of, rule

GROUPS = {"werknemer": "werknemers", "werkgever": "werkgevers"}


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _total(value: float) -> str:
    """A sum as a person writes it: 36, 35,5."""
    return n(int(value)) if value == int(value) else n(value)


def _jc(entry: ReportEntry) -> Jobcoaching | None:
    return entry.jobcoaching


def _scores(jc: Jobcoaching, group: str) -> list[float]:
    return [s for p in jc.periods if (s := getattr(p, f"{group}_cijfer")) is not None]


@rule("JC-NORM", "Jobcoaching: gemiddeld cijfer werknemer en werkgever elk minimaal 6,5")
def jc_norm(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Zowel de gemiddelde klanttevredenheid van de werknemer als die van de werkgever moet minimaal
    6,5 zijn op een schaal van 1 tot 10 (seed 001, 'Inleiding' en 'Beoordeling'). Eén bevinding per
    groep. Staat het gemiddelde niet in het rapport, dan is het 'manual' met het uit de periodes
    berekende gemiddelde ter informatie."""
    rid = "JC-NORM"
    jc = _jc(entry)
    if jc is None:
        return [check(rid, "manual", "Geen jobcoachingcijfers gevonden in het rapport.")]
    out = []
    for group, plural in GROUPS.items():
        limit = ctx.number(f"norm_{group}")
        if limit is None:
            out += no_param(rid, f"norm_{group}")
            continue
        avg = getattr(jc, f"{group}_avg")
        if avg is None:
            scores = _scores(jc, group)
            computed = f"; berekend uit {len(scores)} periodes: {n(sum(scores) / len(scores))}" if scores else ""
            out.append(check(rid, "manual", f"Gemiddeld cijfer van de {plural} staat niet in het rapport{computed}."))
        elif avg >= limit:
            out.append(check(rid, "pass", f"Gemiddeld cijfer {plural} {n(avg)} haalt de norm {n(limit)}."))
        else:
            out.append(check(rid, "fail", f"Gemiddeld cijfer {plural} {n(avg)} is lager dan de norm {n(limit)}."))
    return out


@rule("JC-MEETPERIODE", "Jobcoaching: meetperiode is een jaar vanaf de erkenningsdatum")
def jc_meetperiode(entry: ReportEntry, ctx: Context) -> list[Check]:
    """De datum van erkenning is het meetmoment: dag en maand tellen, niet het jaar. De meetperiode
    is een jaar vanaf die dag (seed 001: erkenning 12-5-2013 geeft meetperiode 12-05-2016 tot en met
    12-05-2017). Een periode die niet op die dag begint of niet een jaar duurt is 'fail' met beide
    data; zonder erkenningsdatum of meetperiode is het 'manual'."""
    rid = "JC-MEETPERIODE"
    jc = _jc(entry)
    mp = entry.meetperiode
    page = page_of(entry, "meetperiode")
    if mp is None or mp.start is None or mp.end is None:
        return [check(rid, "fail", "Geen meetperiode gevonden in het rapport.")]
    if jc is None or jc.recognition_date is None:
        return [check(rid, "manual", f"Meetperiode {d(mp.start)} t/m {d(mp.end)}; de erkenningsdatum staat niet in het rapport, "
                      "dus handmatig vergelijken met de erkenning.", page)]
    rec = jc.recognition_date
    problems = []
    if (mp.start.month, mp.start.day) != (rec.month, rec.day) or mp.start.year < rec.year:
        problems.append(f"begint niet op de dag en maand van de erkenning ({d(rec)})")
    one_year = _add_months(mp.start, 12)
    if mp.end not in (one_year, one_year - dt.timedelta(days=1)):
        problems.append(f"duurt geen jaar (verwacht tot en met {d(one_year)})")
    if problems:
        return [check(rid, "fail", f"Meetperiode {d(mp.start)} t/m {d(mp.end)} {' en '.join(problems)}.", page)]
    return [check(rid, "pass", f"Meetperiode {d(mp.start)} t/m {d(mp.end)} is een jaar vanaf de erkenningsdatum {d(rec)}.", page)]


@rule("JC-TIJDIG", "Jobcoaching: rapportage binnen een maand na de meetperiode")
def jc_tijdig(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Na afloop van de meetperiode heeft de organisatie een maand om de rapportage in te dienen
    (seed 001: meetperiode tot en met 12-05-2017, inleveren voor 12-6-2017). De ontvangstdatum komt
    uit de CLMS-export; zonder export is alleen de rapportdatum bekend en is de uitkomst een
    waarschuwing, of 'fail' als zelfs die na de termijn ligt."""
    rid = "JC-TIJDIG"
    months = ctx.value("submit_within_months")
    if months is None:
        return no_param(rid, "submit_within_months")
    mp = entry.meetperiode
    if mp is None or mp.end is None:
        return [check(rid, "manual", "Geen einde van de meetperiode gevonden, dus de termijn is niet te bepalen.")]
    deadline = _add_months(mp.end, int(months))
    return on_time(rid, entry, ctx, deadline, f"de termijn tot en met {d(deadline)}")


@rule("JC-PERIODES", "Jobcoaching: cijfers per periode en gemiddelden kloppen")
def jc_periodes(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Het rapport moet per jobcoachperiode de cijfers van werknemer en werkgever tonen, en het
    gemiddelde per groep (seed 001, 'minimale voorwaarden'). Het gemiddelde moet het gemiddelde van
    de periodes zijn, op de gedrukte decimaal (seed 001: 36 : 5 = 7,2 en 35,5 : 5 = 7,1). Ontbreekt
    iets of klopt een gemiddelde niet: 'fail' met de getallen."""
    rid = "JC-PERIODES"
    jc = _jc(entry)
    if jc is None or not jc.periods:
        return [check(rid, "fail", "Geen cijfers per jobcoachperiode gevonden.")]
    page = jc.periods[0].page
    out = []
    for group, plural in GROUPS.items():
        scores = _scores(jc, group)
        avg = getattr(jc, f"{group}_avg")
        if not scores:
            out.append(check(rid, "fail", f"Geen cijfers van {plural} per jobcoachperiode.", page))
            continue
        if avg is None:
            out.append(check(rid, "fail", f"Gemiddeld cijfer van de {plural} ontbreekt.", page))
            continue
        mean = sum(scores) / len(scores)
        decimals = decimals_of(jc.raw[f"{group}_avg"]) if jc.raw.get(f"{group}_avg") else 1
        if abs(mean - avg) > 0.5 * 10**-decimals + 1e-9:
            out.append(check(rid, "fail", f"Gemiddeld cijfer {plural} {n(avg)} klopt niet met {_total(sum(scores))} : {len(scores)} = "
                             f"{n(mean, decimals + 1)}.", page))
        else:
            out.append(check(rid, "pass", f"{len(scores)} periodes, gemiddelde {plural} {_total(sum(scores))} : {len(scores)} = {n(avg)}.", page))
    return out


@rule("JC-VRAGEN", "Jobcoaching: per vraag hoe vaak elk antwoord is gegeven")
def jc_vragen(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Per vraag van de beoordelingsformulieren moet het rapport tonen hoe vaak elk antwoord is
    gegeven, gesplitst naar werknemers (nee / niet helemaal / ja) en werkgevers (onvoldoende / matig
    / voldoende / goed) (seed 001, 'Weergave vragen'). Ontbrekende vragen of antwoordaantallen
    worden genoemd: 'fail'."""
    rid = "JC-VRAGEN"
    wanted = ctx.value("form_questions")
    scales = ctx.value("answer_scales")
    if not wanted or not scales:
        return no_param(rid, "form_questions" if not wanted else "answer_scales")
    jc = _jc(entry)
    answers = jc.answers if jc else []
    missing, incomplete = [], []
    for q in wanted:
        found = next((a for a in answers if a.group == q["group"] and regex.search(q["pattern"], a.question, regex.IGNORECASE)), None)
        if found is None:
            missing.append(f"{q['group']}: {q['name']}")
            continue
        lacking = [ans for ans in scales[q["group"]] if found.counts.get(ans) is None]
        if lacking:
            incomplete.append(f"{q['group']}: {q['name']} (geen aantal bij {', '.join(lacking)})")
    if missing or incomplete:
        parts = ([f"niet gevonden: {'; '.join(missing)}"] if missing else []) + ([f"onvolledig: {'; '.join(incomplete)}"] if incomplete else [])
        return [check(rid, "fail", f"Antwoordaantallen per vraag {' — '.join(parts)}.")]
    return [check(rid, "pass", f"Voor alle {len(wanted)} vragen staat hoe vaak elk antwoord is gegeven.", answers[0].page if answers else None)]


@rule("JC-ANALYSE", "Jobcoaching: analyse, conclusies en acties")
def jc_analyse(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Het rapport moet een analyse van de resultaten bevatten, met conclusies en eventuele acties om
    de tevredenheid te verbeteren (seed 001, 'Analyse van de resultaten'). Of de analyse inhoudelijk
    volstaat, beoordeelt de accounthouder: aanwezig is 'manual' met de tekst, ontbrekend is 'fail'."""
    rid = "JC-ANALYSE"
    jc = _jc(entry)
    if jc is None or not jc.analysis:
        return [check(rid, "fail", "Geen analyse van de resultaten met conclusies gevonden.")]
    text = " ".join(jc.analysis.split())
    short = text if len(text) <= 300 else text[:297] + "…"
    return [check(rid, "manual", f"Analyse aanwezig; beoordeel de conclusies en acties: \u201c{short}\u201d", page_of(entry, "jobcoaching"))]
