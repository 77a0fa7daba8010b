"""Rules of the UWV jobcoaching KTO (Erkenningskader 2016, verplichting 3.5; seed 001)."""

from __future__ import annotations

import datetime as dt

import regex

from ..dutch import decimals_of
from .. import _rx as cached
from ..dutch import format_date as d
from ..dutch import format_number as n
from ..schema import Check, Jobcoaching, ReportEntry
from .base import Context, breach, breach_of, check, fact_state, missing, no_param, on_time, page_of, plain, rule

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
    return plain(value)


def _jc(entry: ReportEntry) -> Jobcoaching | None:
    return entry.jobcoaching


def _scores(jc: Jobcoaching, group: str) -> list[float]:
    return [s for p in jc.periods if (s := getattr(p, f"{group}_cijfer")) is not None]


NO_PERIODS = ("Is er in het meetjaar geen enkele jobcoachperiode afgerond, dan is dat de uitzondering uit de UWV-eisen voor jobcoaching: de organisatie "
              "meldt dat binnen een maand na de meetperiode schriftelijk aan de accounthouder; geen tekortkoming van het rapport")


def _anniversary(rec: dt.date, year: int, ctx: Context) -> dt.date:
    """The erkenning's day and month in ``year``. An erkenning on 29 February falls, in a year
    without that day, on the regime's ``leap_day`` ('28-02': the month stays February, the default;
    '01-03': the next day)."""
    try:
        return rec.replace(year=year)
    except ValueError:  # 29 February in a year without it
        return dt.date(year, 3, 1) if (ctx.value("leap_day") or "28-02") == "01-03" else dt.date(year, 2, 28)


def _first_year(rec: dt.date, ctx: Context) -> int:
    """The first meetperiode starts in this year: an erkenning before 2016 measures from 2016, so
    that the first meting is in 2017 (seed 001)."""
    return max(rec.year, int(ctx.value("first_cycle_from") or rec.year))


def _cycle(rec: dt.date, near: dt.date, ctx: Context) -> tuple[dt.date, dt.date]:
    """The yearly cycle of the erkenning (start, end) whose end lies nearest to ``near``, never
    before the first cycle."""
    first = _first_year(rec, ctx)
    ends = [_anniversary(rec, y, ctx) for y in range(max(first + 1, near.year - 1), max(first + 1, near.year + 1) + 1)]
    end = min(ends, key=lambda e: abs((e - near).days))
    return _anniversary(rec, end.year - 1, ctx), end


@rule("JC-NORM", "Jobcoaching: gemiddeld cijfer werknemer en werkgever elk minimaal 6,5")
def jc_norm(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Zowel de gemiddelde klanttevredenheid van de werknemer als die van de werkgever moet minimaal
    6,5 zijn op een schaal van 1 tot 10 (seed 001, 'Inleiding' en 'Beoordeling'). Eén bevinding per
    groep, met het gemiddelde zoals gedrukt. Staat het gemiddelde niet in het rapport, dan wordt het
    uit de periodes berekend en daarop beslist, met de vermelding dat het berekend is (dat het
    gedrukte gemiddelde ontbreekt, meldt JC-PERIODES). Ligt het berekende gemiddelde onder de norm
    maar afgerond erop, dan 'manual'. Geen cijfers gelezen: 'manual' met waar is gezocht."""
    rid = "JC-NORM"
    jc = _jc(entry)
    if jc is None:
        return [missing(rid, entry, "jobcoaching", fails=False)]
    ev = entry.evidence.get("averages")
    out = []
    for group, plural in GROUPS.items():
        limit = ctx.number(f"norm_{group}")
        if limit is None:
            out += no_param(rid, f"norm_{group}")
            continue
        avg = getattr(jc, f"{group}_avg")
        if avg is not None:
            shown = jc.raw.get(f"{group}_avg") or n(avg)
            page = ev.page if ev else (jc.periods[0].page if jc.periods else None)
            if avg >= limit:
                out.append(check(rid, "pass", f"Gemiddeld cijfer {plural} {shown} haalt de norm {plain(limit)}.", page, shown))
            else:
                out.append(breach(rid, entry, f"Gemiddeld cijfer {plural} {shown} is lager dan de norm {plain(limit)}.", page=page,
                                  raw=ev.raw if ev else shown, ocr=bool(ev and ev.ocr)))
            continue
        scores = _scores(jc, group)
        if not scores:
            out.append(missing(rid, entry, "jobcoaching.periods", fails=False, what=f"cijfers van {plural} per jobcoachperiode",
                               then=f"het gemiddelde is niet te bepalen. {NO_PERIODS}"))
            continue
        mean = sum(scores) / len(scores)
        page = jc.periods[0].page
        how = f"berekend uit {len(scores)} periodes (het rapport drukt geen gemiddelde): {_total(sum(scores))} : {len(scores)} = {n(mean, 2)}"
        raw = " + ".join(_total(s) for s in scores)
        if mean >= limit:
            out.append(check(rid, "pass", f"Gemiddeld cijfer {plural} {how}; haalt de norm {plain(limit)}.", page, raw))
        elif round(mean, 1) >= limit:
            out.append(check(rid, "manual", f"Gemiddeld cijfer {plural} {how}: afgerond {n(mean)}, onafgerond onder de norm "
                             f"{plain(limit)}; beoordeel.", page, raw))
        else:
            out.append(breach(rid, entry, f"Gemiddeld cijfer {plural} {how}; lager dan de norm {plain(limit)}.", page=page, raw=raw))
    return out


@rule("JC-MEETPERIODE", "Jobcoaching: meetperiode is de jaarlijkse cyclus van de erkenning")
def jc_meetperiode(entry: ReportEntry, ctx: Context) -> list[Check]:
    """De datum van erkenning is het meetmoment: dag en maand tellen, niet het jaar. De meetperiode
    is een jaar vanaf die dag en maand, in een jaarlijkse cyclus (seed 001: erkenning 12-5-2013 geeft
    meetperiode 12-05-2016 tot en met 12-05-2017). Een erkenning van vóór 2016 meet voor het eerst
    over 2016-2017 (eerste meting in 2017); een periode die eerder begint telt niet. Erkend op 29
    februari: in een jaar zonder die dag begint de cyclus op 28 februari (parameter 'leap_day'). Een
    periode die niet op die dag begint, te vroeg ligt of niet een jaar duurt is 'fail' met beide
    data; zonder meetperiode of erkenningsdatum is het 'manual' met waar is gezocht."""
    rid = "JC-MEETPERIODE"
    jc = _jc(entry)
    mp = entry.meetperiode
    page = page_of(entry, "meetperiode")
    if mp is None:
        return [missing(rid, entry, "meetperiode")]
    if mp.start is None or mp.end is None:
        return [check(rid, "manual", f"Meetperiode maar deels gelezen ({d(mp.start)} t/m {d(mp.end)}); controleer het rapport.", page)]
    if jc is None or jc.recognition_date is None:
        return [missing(rid, entry, "jobcoaching.recognition_date", fails=False,
                        then=f"de meetperiode {d(mp.start)} t/m {d(mp.end)} handmatig vergelijken met de erkenning")]
    rec = jc.recognition_date
    problems = []
    if mp.start != _anniversary(rec, mp.start.year, ctx):
        problems.append(f"begint niet op de dag en maand van de erkenning ({d(rec)})")
    elif mp.start.year < _first_year(rec, ctx):
        problems.append(f"ligt vóór de eerste meetperiode: bij een erkenning van {d(rec)} begint die op "
                        f"{d(_anniversary(rec, _first_year(rec, ctx), ctx))} (eerste meting in {_first_year(rec, ctx) + 1})")
    one_year = _anniversary(rec, mp.start.year + 1, ctx) if not problems else _add_months(mp.start, 12)
    if mp.end not in (one_year, one_year - dt.timedelta(days=1)):
        problems.append(f"duurt geen jaar (verwacht tot en met {d(one_year)})")
    if problems:
        return [breach_of(rid, entry, "meetperiode", f"Meetperiode {d(mp.start)} t/m {d(mp.end)} {' en '.join(problems)}.")]
    return [check(rid, "pass", f"Meetperiode {d(mp.start)} t/m {d(mp.end)} is de jaarlijkse cyclus van de erkenning {d(rec)}.", page)]


@rule("JC-TIJDIG", "Jobcoaching: rapportage binnen een maand na de meetperiode")
def jc_tijdig(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Na afloop van de meetperiode heeft de organisatie een maand om de rapportage in te dienen
    (seed 001: meetperiode tot en met 12-05-2017, inleveren voor 12-6-2017). De termijn volgt uit de
    jaarlijkse cyclus van de erkenningsdatum (de cyclus waarvan het einde het dichtst bij het
    gedrukte einde ligt), niet uit welke einddatum het rapport ook drukt. De ontvangstdatum komt uit
    de CLMS-export; zonder ontvangstdatum is alleen de rapportdatum bekend: na de termijn 'fail',
    anders 'manual' (ontvangst nagaan). Zonder erkenningsdatum of meetperiode: 'manual'."""
    rid = "JC-TIJDIG"
    months = ctx.value("submit_within_months")
    if months is None:
        return no_param(rid, "submit_within_months")
    mp = entry.meetperiode
    jc = _jc(entry)
    if mp is None or mp.end is None:
        return [missing(rid, entry, "meetperiode", fails=False, then="de termijn is niet te bepalen; controleer het rapport")]
    if jc is None or jc.recognition_date is None:
        printed_deadline = _add_months(mp.end, int(months))
        return [missing(rid, entry, "jobcoaching.recognition_date", fails=False,
                        then=f"de meetcyclus en dus de termijn zijn niet te bepalen (volgens het gedrukte einde {d(mp.end)} zou die "
                             f"{d(printed_deadline)} zijn); controleer het rapport en de ontvangstdatum")]
    start, end = _cycle(jc.recognition_date, mp.end, ctx)
    if mp.start is not None and mp.start != start and _anniversary(jc.recognition_date, mp.start.year, ctx) == mp.start:
        start, end = mp.start, _anniversary(jc.recognition_date, mp.start.year + 1, ctx)  # the cycle the printed period opens
    note = "" if end == mp.end or end - dt.timedelta(days=1) == mp.end else f"; het rapport drukt als einde {d(mp.end)}"
    if note and mp.start is not None and mp.start != start:
        # neither the printed start nor the printed end is that of a cycle of the erkenning (JC-MEETPERIODE
        # says so): which cycle the report is for, and so its deadline, is for a person to judge
        deadline = _add_months(end, int(months))
        received = ctx.clms.received if ctx.clms and ctx.clms.received else None
        got = f"ontvangen op {d(received)} (CLMS)" if received else (
            f"rapportdatum {d(entry.report_date)}" if entry.report_date else "ontvangstdatum onbekend")
        return [check(rid, "manual", f"De gedrukte meetperiode {d(mp.start)} t/m {d(mp.end)} is geen meetcyclus van de erkenning "
                      f"{d(jc.recognition_date)}, dus de termijn is niet vast te stellen; de cyclus met het einde het dichtst bij "
                      f"het gedrukte einde loopt van {d(start)} t/m {d(end)} (termijn tot en met {d(deadline)}); {got}. "
                      "Beoordeel welke meting dit rapport is.", page_of(entry, "meetperiode"))]
    deadline = _add_months(end, int(months))
    term = f"de termijn tot en met {d(deadline)} (meetcyclus {d(start)} t/m {d(end)} van de erkenning {d(jc.recognition_date)}{note})"
    return on_time(rid, entry, ctx, deadline, term)


@rule("JC-PERIODES", "Jobcoaching: cijfers per periode en gemiddelden kloppen")
def jc_periodes(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Het rapport moet per jobcoachperiode de cijfers van werknemer en werkgever tonen, en het
    gemiddelde per groep (seed 001, 'minimale voorwaarden'). Het gemiddelde moet het gemiddelde van
    de periodes zijn, op de gedrukte decimaal (seed 001: 36 : 5 = 7,2 en 35,5 : 5 = 7,1); klopt het
    niet: 'fail' met de getallen, als vaststaat dat alle periodes gelezen zijn (het gemiddelde staat
    in de regel onder de gelezen periodetabel, of het rapport noemt evenveel periodes als er gelezen
    zijn); anders 'manual', want het gemiddelde kan gaan over periodes in een tabel die kto-ingest
    niet las. Geen periodes gelezen: 'manual', want een meetjaar zonder afgeronde
    jobcoachperiode is de uitzondering van seed 001 (schriftelijk gemeld), geen tekortkoming. Een
    ontbrekend gedrukt gemiddelde is 'fail' alleen als de leesmodule kan instaan voor de afwezigheid,
    anders 'manual' met waar is gezocht."""
    rid = "JC-PERIODES"
    jc = _jc(entry)
    if jc is None or not jc.periods:
        fact = "jobcoaching" if jc is None else "jobcoaching.periods"
        return [missing(rid, entry, fact, fails=False, what="cijfers per jobcoachperiode", then=f"controleer het rapport. {NO_PERIODS}")]
    page = jc.periods[0].page
    ev = entry.evidence.get("averages")
    out = []
    for group, plural in GROUPS.items():
        scores = _scores(jc, group)
        avg = getattr(jc, f"{group}_avg")
        if not scores:
            out.append(check(rid, "manual", f"Geen cijfers van {plural} per jobcoachperiode gelezen; controleer het rapport.", page))
            continue
        if avg is None:
            out.append(missing(rid, entry, f"jobcoaching.{group}_avg"))
            continue
        mean = sum(scores) / len(scores)
        shown = jc.raw.get(f"{group}_avg") or n(avg)
        decimals = decimals_of(jc.raw[f"{group}_avg"]) if jc.raw.get(f"{group}_avg") else 1
        # all periods read: the average is the periods table's own row, or the report prints as many periods as were read
        complete = jc.raw.get(f"{group}_avg_uit") == "periodetabel" or jc.raw.get("perioden_gedrukt") == str(len(scores))
        if abs(mean - avg) > 0.5 * 10**-decimals + 1e-9 and not complete:
            # the average printed elsewhere (a summary, a sentence, key figures): it may be over periods
            # in a table the reader did not read, so a mismatch is no proof
            out.append(check(rid, "manual", f"Gemiddeld cijfer {plural} {shown} (elders in het rapport gedrukt) klopt niet met de "
                             f"{len(scores)} gelezen perioden ({_total(sum(scores))} : {len(scores)} = {n(mean, decimals + 1)}); "
                             "mogelijk zijn niet alle perioden gelezen. Controleer het rapport.", ev.page if ev else page))
        elif abs(mean - avg) > 0.5 * 10**-decimals + 1e-9:
            out.append(breach(rid, entry, f"Gemiddeld cijfer {plural} {shown} klopt niet met {_total(sum(scores))} : {len(scores)} = "
                              f"{n(mean, decimals + 1)}.", page=ev.page if ev else page, raw=ev.raw if ev else shown,
                              ocr=bool(ev and ev.ocr)))
        else:
            out.append(check(rid, "pass", f"{len(scores)} periodes, gemiddelde {plural} {_total(sum(scores))} : {len(scores)} = {shown}.", page))
    return out


@rule("JC-VRAGEN", "Jobcoaching: per vraag hoe vaak elk antwoord is gegeven")
def jc_vragen(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Per vraag van de beoordelingsformulieren moet het rapport tonen hoe vaak elk antwoord is
    gegeven, gesplitst naar werknemers (nee / niet helemaal / ja) en werkgevers (onvoldoende / matig
    / voldoende / goed) (seed 001, 'Weergave vragen'). Ontbrekende vragen worden bij naam genoemd:
    'fail' alleen als de leesmodule kan instaan voor de afwezigheid, anders 'manual' met waar is
    gezocht; een niet gelezen aantal is 'manual'. Zonder afgeronde jobcoachperiode (de uitzondering
    van seed 001) zijn er geen antwoorden: 'manual'."""
    rid = "JC-VRAGEN"
    wanted = ctx.value("form_questions")
    scales = ctx.value("answer_scales")
    if not wanted or not scales:
        return no_param(rid, "form_questions" if not wanted else "answer_scales")
    jc = _jc(entry)
    answers = jc.answers if jc else []
    if not answers:
        then = "controleer het rapport" + (f". {NO_PERIODS}" if jc is None or not jc.periods else "")
        return [missing(rid, entry, "jobcoaching.answers" if jc else "jobcoaching", fails=bool(jc and jc.periods), then=then)]
    missing_q, incomplete = [], []
    for q in wanted:
        found = next((a for a in answers if a.group == q["group"] and cached.search(q["pattern"], a.question, regex.IGNORECASE)), None)
        if found is None:
            missing_q.append(f"{q['group']}: {q['name']}")
            continue
        lacking = [ans for ans in scales[q["group"]] if found.counts.get(ans) is None]
        if lacking:
            incomplete.append(f"{q['group']}: {q['name']} (geen aantal bij {', '.join(lacking)})")
    out = []
    if missing_q:
        st = fact_state(entry, "jobcoaching.answers")
        out.append(missing(rid, entry, "jobcoaching.answers", fails=st.vouched, what=f"antwoordaantallen voor {'; '.join(missing_q)}"))
    if incomplete:
        out.append(check(rid, "manual", f"Antwoordaantallen niet gelezen: {'; '.join(incomplete)}; controleer het rapport.", answers[0].page))
    if out:
        return out
    return [check(rid, "pass", f"Voor alle {len(wanted)} vragen staat hoe vaak elk antwoord is gegeven.", answers[0].page)]


@rule("JC-ANALYSE", "Jobcoaching: analyse, conclusies en acties")
def jc_analyse(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Het rapport moet een analyse van de resultaten bevatten, met conclusies en eventuele acties om
    de tevredenheid te verbeteren (seed 001, 'Analyse van de resultaten': "U legt in de rapportage ook
    vast wat u opvalt aan de resultaten en welke conclusies u hieruit trekt"). Wat de seed vraagt is
    dat het is vastgelegd: een analyse met tekst is 'pass', met die tekst in de melding zodat de
    accounthouder de inhoud kan lezen. Niet gevonden: 'fail' alleen als de leesmodule kan instaan
    voor de afwezigheid, anders 'manual' met waar is gezocht."""
    rid = "JC-ANALYSE"
    jc = _jc(entry)
    if jc is None:
        return [missing(rid, entry, "jobcoaching", fails=False)]
    if not jc.analysis:
        return [missing(rid, entry, "jobcoaching.analysis")]
    text = " ".join(jc.analysis.split())
    short = text if len(text) <= 300 else text[:297] + "…"
    ev = entry.evidence.get("analysis")
    page = ev.page if ev else page_of(entry, "jobcoaching")
    return [check(rid, "pass", f"Analyse van de resultaten vastgelegd: \u201c{short}\u201d", page)]
