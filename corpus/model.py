"""Report specs (what a report says) and the truth derived from them (what it should be read as,
and which verdict the rules of seeds 000 and 001 give).

The verdict is designed from the seeds, not from kto-ingest's output:

Scholing (seed 000, regime uwv-scholing-2021):
  voldoet_niet, each on positive evidence in the document or the CLMS export:
    concept instead of definitief (a report without any marking is taken as submitted: seed 000 asks
    for no marking, so its absence decides nothing); a meetperiode other than 1-1-2021 t/m 31-12-2021; a perceel/cluster
    with 5 or more ended services and an average below 8; no signature at all; no account of how
    clients were approached (methodological account incomplete); received by UWV after 1 March 2022
    (CLMS); approached per perceel differs from the ended services in CLMS.
  handmatig:
    the minimum response requirement is in the non-public "Richtlijn voor onderzoeksbureaus", so a
    person must judge it (RESPONSE_REQUIREMENT_KNOWN = False); only a visible signature; a perceel/
    cluster with fewer than 5 ended services below the norm or without a score (exemption possible:
    was it requested?).
  voldoet: only reachable if RESPONSE_REQUIREMENT_KNOWN were True (not the case for 2021).

Jobcoaching (seed 001, regime uwv-jobcoaching):
  voldoet_niet: an average (werknemer or werkgever) below 6,5; a meetperiode that is not the year
    from the recognition day and month; a printed average that is not the mean of the periods; no
    "Analyse van de resultaten"; received more than a month after the end of the meetperiode (CLMS).
  voldoet: everything present and within the norms (the analysis is present; its content is for the
    accounthouder, but its presence is what seed 001 requires of the report).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

RESPONSE_REQUIREMENT_KNOWN = False  # seed 000: the Richtlijn with the minimum response is not public
NORM_SCHOLING = 8.0
NORM_JC = 6.5
EXEMPTION_BELOW = 5
DEADLINE = dt.date(2022, 3, 1)
MEET_START, MEET_END = dt.date(2021, 1, 1), dt.date(2021, 12, 31)

FVT = "Functiegerichte vaardigheidstrainingen"
CLUSTERS = ["Techniek", "Zorg en welzijn", "Logistiek", "Administratie en ICT", "Horeca en schoonmaak", "Bouw en infra"]

SUPPLIER_KINDS = ["Vakopleidingen", "Scholingshuis", "Leerwerkplaats", "Opleidingscentrum", "Trainingsinstituut", "Werkschool",
                  "Kennispoort", "Competentiehuis", "Bijscholing", "Leerhuis"]
SUPPLIER_PLACES = ["Dommelstreek", "Zuiderzee", "Maasoever", "De Linge", "Kempenland", "Veluwezoom", "IJsselvallei",
                   "Achterhoek", "Walcheren", "Drechtsteden", "Eemland & Gooi", "Peelrand", "Zaanstreek", "Hoeksche Waard"]


def supplier_names(rng: random.Random) -> list[str]:
    """Fictitious supplier names in a random order; each report of a family gets its own (a CLMS
    export knows a supplier by one received date)."""
    names = [f"{k} {p}" for k in SUPPLIER_KINDS for p in SUPPLIER_PLACES]
    rng.shuffle(names)
    return names

DUTCH_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december"]


def r1(x: float) -> float:
    """Round half up to one decimal, as a report prints it."""
    return float(Decimal(str(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def nl(x: float, decimals: int = 1) -> str:
    return f"{x:.{decimals}f}".replace(".", ",")


def long_date(d: dt.date) -> str:
    return f"{d.day} {DUTCH_MONTHS[d.month - 1]} {d.year}"


# ---- scholing ----------------------------------------------------------------------------------
@dataclass
class Row:
    service: str  # the label as printed (may contain "\n" where the style wraps it)
    perceel: str  # CLMS perceel key ("Opleidingen", "Functiegerichte vaardigheidstrainingen, cluster Techniek")
    beeindigd: int
    benaderd: int
    ingevuld: int
    cijfer: float | None  # None: printed as n.v.t. / -

    @property
    def respons(self) -> float:
        return r1(100 * self.ingevuld / self.benaderd) if self.benaderd else 0.0


@dataclass
class ScholingSpec:
    name: str
    bureau: str
    supplier: str
    report_date: dt.date
    meet_start: dt.date
    meet_end: dt.date
    final: bool | None  # None: no marking in the report
    rows: list[Row]
    signature: str  # digital, visual, none
    method_account: bool = True  # how clients were approached is described
    received: dt.date | None = None  # CLMS
    clms_ended: dict[str, int] = field(default_factory=dict)
    scenario: str = "compliant"
    place: str = "Utrecht"
    total_label: str = "Totaal"  # how the report labels its total row ("Alle percelen", ...)

    def total(self) -> Row:
        ben = sum(r.benaderd for r in self.rows)
        ing = sum(r.ingevuld for r in self.rows)
        scored = [r for r in self.rows if r.cijfer is not None and r.ingevuld]
        avg = r1(sum(r.cijfer * r.ingevuld for r in scored) / sum(r.ingevuld for r in scored)) if scored else None
        return Row(self.total_label, "", sum(r.beeindigd for r in self.rows), ben, ing, avg)


SCHOLING_SCENARIOS = ["compliant", "compliant", "compliant", "norm_missed", "wrong_meetperiode", "concept", "no_method",
                      "exemption", "unsigned", "visual_only", "late", "benaderd_mismatch"]


def make_rows(rng: random.Random, scenario: str, label) -> list[Row]:
    """Percelen and clusters with consistent numbers. ``label(perceel, cluster)`` gives the printed label."""
    units: list[tuple[str, str | None]] = [("Opleidingen", None)]
    for c in rng.sample(CLUSTERS, rng.randint(1, 3)):
        units.append((FVT, c))
    if rng.random() < 0.7:
        units.append(("Leerbanen", None))
    if rng.random() < 0.6:
        units.append(("Ervaringscertificaten", None))
    rows = []
    for perceel, cluster in units:
        ended = rng.randint(8, 140)
        ing = max(2, round(ended * rng.uniform(0.22, 0.62)))
        cijfer = r1(rng.uniform(8.0, 8.9))
        key = f"{perceel}, cluster {cluster}" if cluster else perceel
        rows.append(Row(label(perceel, cluster), key, ended, ended, ing, cijfer))
    if scenario == "norm_missed":
        victim = rng.choice(rows[1:] or rows)
        victim.cijfer = r1(rng.uniform(7.1, 7.9))
    if scenario == "exemption":
        victim = rows[-1]
        victim.beeindigd = victim.benaderd = rng.randint(2, 4)
        if rng.random() < 0.5:
            victim.ingevuld = 0
            victim.cijfer = None
        else:
            victim.ingevuld = rng.randint(1, victim.benaderd)
            victim.cijfer = r1(rng.uniform(6.5, 7.8))
    return rows


def scholing_spec(rng: random.Random, name: str, bureau: str, scenario: str, label, supplier: str) -> ScholingSpec:
    rows = make_rows(rng, scenario, label)
    report_date = dt.date(2022, rng.randint(1, 2), rng.randint(3, 25))
    start, end = MEET_START, MEET_END
    if scenario == "wrong_meetperiode":
        start, end = rng.choice([(dt.date(2020, 9, 1), dt.date(2021, 8, 31)), (dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
                                 (dt.date(2020, 7, 1), dt.date(2021, 6, 30))])  # all before the report date
    signature = {"unsigned": "none", "visual_only": "visual"}.get(scenario, "digital")
    received = report_date + dt.timedelta(days=rng.randint(1, 4))
    if received > DEADLINE and scenario != "late":
        received = DEADLINE
    if scenario == "late":
        received = dt.date(2022, 3, rng.randint(10, 28))
    clms = {r.perceel: r.beeindigd for r in rows}
    if scenario == "benaderd_mismatch":
        victim = rng.choice(rows)
        clms[victim.perceel] = victim.beeindigd + rng.randint(3, 12)
    return ScholingSpec(name=name, bureau=bureau, supplier=supplier, report_date=report_date, meet_start=start, meet_end=end,
                        final=(False if scenario == "concept" else True), rows=rows, signature=signature,
                        method_account=(scenario != "no_method"), received=received, clms_ended=clms, scenario=scenario)


def scholing_verdict(s: ScholingSpec) -> tuple[str, list[dict]]:
    fails, manual = [], []
    if s.received and s.received > DEADLINE:
        fails.append(("SCH-TIJDIG", f"ontvangen {s.received:%d-%m-%Y} (CLMS), na de deadline van 1-3-2022"))
    if s.signature == "none":
        fails.append(("SCH-ONDERTEKEND", "geen digitale en geen zichtbare handtekening"))
    elif s.signature == "visual":
        manual.append(("SCH-ONDERTEKEND", "alleen een zichtbare handtekening"))
    if (s.meet_start, s.meet_end) != (MEET_START, MEET_END):
        fails.append(("SCH-MEETPERIODE", f"meetperiode {s.meet_start:%d-%m-%Y} t/m {s.meet_end:%d-%m-%Y}, niet kalenderjaar 2021"))
    if s.final is False:
        fails.append(("SCH-DEFINITIEF", "het rapport is een concept"))
    for r in s.rows:
        ended = s.clms_ended.get(r.perceel, r.beeindigd)
        if ended != r.benaderd:
            fails.append(("SCH-BENADERD", f"{r.perceel}: {r.benaderd} benaderd, CLMS meldt {ended} beëindigd"))
    if not s.method_account:
        fails.append(("SCH-VERANTWOORDING", "niet beschreven op welke wijze klanten zijn benaderd"))
    if not RESPONSE_REQUIREMENT_KNOWN:
        manual.append(("SCH-RESPONS", "minimale respons-eis staat in de niet-openbare Richtlijn"))
    for r in s.rows:
        ended = s.clms_ended.get(r.perceel, r.beeindigd)
        low = r.cijfer is None or r.cijfer < NORM_SCHOLING
        if ended < EXEMPTION_BELOW and low:
            manual.append(("SCH-VRIJSTELLING", f"{r.perceel}: {ended} beëindigd, {'geen cijfer' if r.cijfer is None else nl(r.cijfer)}; vrijstelling mogelijk, is die aangevraagd?"))
        elif low:
            fails.append(("SCH-NORM", f"{r.perceel}: rapportcijfer {nl(r.cijfer) if r.cijfer is not None else 'ontbreekt'} onder de norm 8"))
    return _verdict(fails, manual)


def _verdict(fails, manual) -> tuple[str, list[dict]]:
    if fails:
        return "voldoet_niet", [{"rule": r, "outcome": "fail", "reason": why} for r, why in fails]
    if manual:
        return "handmatig", [{"rule": r, "outcome": "manual", "reason": why} for r, why in manual]
    return "voldoet", []


def r0(x: float) -> float:
    """Round half up to a whole number, as a report that prints whole percentages does."""
    return float(Decimal(str(x)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def r2(x: float) -> float:
    """Round half up to two decimals, as a spreadsheet formatted with two decimals shows it."""
    return float(Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def respons_printed(r: Row, decimals: int = 1) -> float:
    """The respons percentage as the report prints it (one decimal, whole percents, or two decimals)."""
    if decimals == 0:
        return r0(100 * r.ingevuld / r.benaderd) if r.benaderd else 0.0
    if decimals == 2:
        return r2(100 * r.ingevuld / r.benaderd) if r.benaderd else 0.0
    return r.respons


def scholing_truth(s: ScholingSpec, approached_printed: bool, total_printed: bool, beeindigd_printed: bool,
                   respons_decimals: int = 1) -> dict:
    rows = []
    total = s.total()
    for r in s.rows + ([total] if total_printed else []):
        row = {"service": " ".join(r.service.split()), "is_total": r is total, "netto_steekproef": r.benaderd,
               "ingevuld": r.ingevuld, "respons_pct": respons_printed(r, respons_decimals), "rapportcijfer": r.cijfer}
        if beeindigd_printed:
            row["beeindigd"] = r.beeindigd
        rows.append(row)
    fields = {
        "bureau": s.bureau, "supplier": s.supplier, "report_date": s.report_date.isoformat(),
        "meetperiode": {"start": s.meet_start.isoformat(), "end": s.meet_end.isoformat()},
        "final": s.final, "results": rows,
    }
    if approached_printed:
        fields["approached"] = {"clienten": sum(r.benaderd for r in s.rows)}
    verdict, reasons = scholing_verdict(s)
    return {"regime": "uwv-scholing-2021", "scenario": s.scenario, "fields": fields, "verdict": verdict, "decided_by": reasons}


# ---- jobcoaching -------------------------------------------------------------------------------
WN_Q = ["Bent u tevreden over de begeleiding van de jobcoach?",
        "Bent u tevreden over de bereikbaarheid van de jobcoach (per telefoon/email/app)?"]
WG_Q = ["Het aantal keren dat de jobcoach contact heeft gehad met de werknemer?",
        "Het aantal keren dat de jobcoach contact heeft gehad met betrokken leidinggevende en collega’s?",
        "De bereikbaarheid en de beschikbaarheid van de jobcoach (per telefoon/email/app)?",
        "Het aantal keren dat de coach een bezoek aan uw bedrijf heeft gebracht?",
        "de benadering door de jobcoach?",
        "De persoonlijke ontwikkeling van de werknemer?",
        "De ontwikkeling van de werknemersvaardigheden?",
        "De werkomgeving?",
        "Het loopbaanperspectief van de werknemer?"]
WN_SCALE = ["nee", "niet helemaal", "ja"]
WG_SCALE = ["onvoldoende", "matig", "voldoende", "goed"]


@dataclass
class Period:
    werknemer: str
    wn: float
    werkgever: str
    wg: float


@dataclass
class JobcoachSpec:
    name: str
    organisation: str
    recognition: dt.date
    meet_start: dt.date
    meet_end: dt.date
    report_date: dt.date
    periods: list[Period]
    answers: list[tuple[str, str, dict[str, int]]]  # group, question, counts
    analysis: bool = True
    received: dt.date | None = None
    scenario: str = "compliant"
    wn_avg_printed: float | None = None
    wg_avg_printed: float | None = None

    @property
    def wn_sum(self) -> float:
        return sum(p.wn for p in self.periods)

    @property
    def wg_sum(self) -> float:
        return sum(p.wg for p in self.periods)


JC_SCENARIOS = ["compliant", "compliant", "compliant", "norm_missed", "wrong_meetperiode", "no_analysis", "late", "average_wrong"]


def add_month(d: dt.date) -> dt.date:
    """The same day one month later (clamped to the month's last day)."""
    import calendar

    y, m = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _add_year(d: dt.date, years: int = 1) -> dt.date:
    return d.replace(year=d.year + years)


def jobcoach_spec(rng: random.Random, name: str, organisation: str, scenario: str) -> JobcoachSpec:
    rec = dt.date(rng.randint(2013, 2019), rng.randint(1, 12), rng.randint(1, 28))
    start = rec.replace(year=2020)
    end = _add_year(start)
    n = rng.randint(4, 9)
    letters = "ABCDEFGHIJK"
    periods = []
    for i in range(n):
        wn = rng.choice([6.5, 7, 7.5, 8, 8, 8.5, 9])
        wg = rng.choice([6, 7, 7, 7.5, 8, 8.5, 9])
        if scenario == "norm_missed":
            wg = rng.choice([4.5, 5, 5.5, 6, 6.5, 7])
        periods.append(Period(f"Werknemer {letters[i // 2 if i % 3 == 1 else i]}", float(wn), f"Werkgever {rng.randint(1, 4)}", float(wg)))
    if scenario == "norm_missed" and r1(sum(p.wg for p in periods) / n) >= NORM_JC:
        for p in periods:
            p.wg = min(p.wg, 5.5)
    answers = []
    for q in WN_Q:
        answers.append(("werknemer", q, _counts(rng, WN_SCALE, n)))
    for q in WG_Q:
        answers.append(("werkgever", q, _counts(rng, WG_SCALE, n)))
    report_date = end + dt.timedelta(days=rng.randint(4, 24))
    received = report_date + dt.timedelta(days=rng.randint(0, 3))
    if scenario == "wrong_meetperiode":
        start = dt.date(2021, 1, 1) if rec.month != 1 or rec.day != 1 else dt.date(2021, 2, 1)
        end = dt.date(2021, 12, 31) if start.month == 1 else dt.date(2022, 1, 31)
        report_date = end + dt.timedelta(days=rng.randint(4, 20))
        received = report_date + dt.timedelta(days=1)
    if scenario == "late":
        received = end + dt.timedelta(days=rng.randint(45, 80))
        report_date = received - dt.timedelta(days=2)
    spec = JobcoachSpec(name, organisation, rec, start, end, report_date, periods, answers, analysis=(scenario != "no_analysis"),
                        received=received, scenario=scenario)
    spec.wn_avg_printed = r1(spec.wn_sum / n)
    spec.wg_avg_printed = r1(spec.wg_sum / n)
    if scenario == "average_wrong":
        spec.wg_avg_printed = r1(spec.wg_avg_printed + 0.4)
    return spec


def _counts(rng: random.Random, scale: list[str], n: int) -> dict[str, int]:
    weights = [1] * (len(scale) - 2) + [3, 5]
    counts = {k: 0 for k in scale}
    for _ in range(n):
        counts[rng.choices(scale, weights=weights)[0]] += 1
    return counts


def jobcoach_verdict(s: JobcoachSpec) -> tuple[str, list[dict]]:
    fails, manual = [], []
    deadline = add_month(s.meet_end)
    if s.received and s.received > deadline:
        fails.append(("JC-TIJDIG", f"ontvangen {s.received:%d-%m-%Y}, meer dan een maand na het einde van de meetperiode"))
    cycle_start = s.recognition.replace(year=s.meet_start.year)
    if s.meet_start != cycle_start or s.meet_end != _add_year(s.meet_start):
        fails.append(("JC-MEETPERIODE", f"meetperiode {s.meet_start:%d-%m-%Y} t/m {s.meet_end:%d-%m-%Y} begint niet op de erkenningsdag {s.recognition:%d-%m}"))
    n = len(s.periods)
    if s.wn_avg_printed != r1(s.wn_sum / n) or s.wg_avg_printed != r1(s.wg_sum / n):
        fails.append(("JC-PERIODES", "gedrukt gemiddelde is niet het gemiddelde van de periodes"))
    for group, avg in (("werknemer", s.wn_avg_printed), ("werkgever", s.wg_avg_printed)):
        if avg is not None and avg < NORM_JC:
            fails.append(("JC-NORM", f"gemiddelde {group} {nl(avg)} onder 6,5"))
    if not s.analysis:
        fails.append(("JC-ANALYSE", "geen analyse van de resultaten"))
    return _verdict(fails, manual)


def jobcoach_truth(s: JobcoachSpec) -> dict:
    fields = {
        "supplier": s.organisation, "report_date": s.report_date.isoformat(),
        "meetperiode": {"start": s.meet_start.isoformat(), "end": s.meet_end.isoformat()},
        "jobcoaching": {
            "recognition_date": s.recognition.isoformat(),
            "werknemer_avg": s.wn_avg_printed, "werkgever_avg": s.wg_avg_printed,
            "periods": [{"werknemer_cijfer": p.wn, "werkgever_cijfer": p.wg} for p in s.periods],
            "answers": [{"group": g, "question": q, "counts": c} for g, q, c in s.answers],
            "analysis_present": s.analysis,
        },
    }
    verdict, reasons = jobcoach_verdict(s)
    return {"regime": "uwv-jobcoaching", "scenario": s.scenario, "fields": fields, "verdict": verdict, "decided_by": reasons}
