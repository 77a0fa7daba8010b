"""uwv-jobcoaching on schema objects (no jobcoaching parser yet), built from seed 001's example."""

from __future__ import annotations

import datetime as dt

from kto_ingest.clms import ClmsRecord
from kto_ingest.regime import load_regime
from kto_ingest.rules import RULES, Context, evaluate
from kto_ingest.schema import AnswerCounts, JobcoachPeriod, Jobcoaching, Period, ReportEntry

JC = load_regime("uwv-jobcoaching")

# Seed 001, 'Weergave cijfers': werknemers 7 + 7,5 + 5,5 + 8 + 8 = 36 : 5 = 7,2; werkgevers 35,5 : 5 = 7,1.
SEED_PERIODS = [("Werknemer A", 7, "Werkgever 1", 7.5), ("Werknemer A", 7.5, "Werkgever 2", 7),
                ("Werknemer B", 5.5, "Werkgever 1", 7), ("Werknemer B", 8, "Werkgever 1", 8),
                ("Werknemer C", 8, "Werkgever 1", 6)]
WERKNEMER_Q = ["Bent u tevreden over de begeleiding van de jobcoach?",
               "Bent u tevreden over de bereikbaarheid van de jobcoach (per telefoon/email/app)?"]
WERKGEVER_Q = ["Het aantal keren dat de jobcoach contact heeft gehad met de werknemer?",
               "Het aantal keren dat de jobcoach contact heeft gehad met betrokken leidinggevende en collega’s?",
               "De bereikbaarheid en de beschikbaarheid van de jobcoach (per telefoon/email/app)?",
               "Het aantal keren dat de coach een bezoek aan uw bedrijf heeft gebracht?",
               "de benadering door de jobcoach?", "De persoonlijke ontwikkeling van de werknemer?",
               "De ontwikkeling van de werknemersvaardigheden?", "De werkomgeving?",
               "Het loopbaanperspectief van de werknemer?"]


def jobcoaching(**kw) -> Jobcoaching:
    base = dict(
        recognition_date=dt.date(2013, 5, 12),
        periods=[JobcoachPeriod(werknemer=a, werknemer_cijfer=b, werkgever=c, werkgever_cijfer=d, page=3) for a, b, c, d in SEED_PERIODS],
        werknemer_avg=7.2, werkgever_avg=7.1, raw={"werknemer_avg": "7,2", "werkgever_avg": "7,1"},
        answers=[AnswerCounts(group="werknemer", question=q, counts={"nee": 0, "niet helemaal": 1, "ja": 4}, page=4) for q in WERKNEMER_Q]
        + [AnswerCounts(group="werkgever", question=q, counts={"onvoldoende": 0, "matig": 1, "voldoende": 2, "goed": 2}, page=4)
           for q in WERKGEVER_Q],
        analysis="De werknemers zijn tevreden over de begeleiding; de bereikbaarheid verbeteren we met een vast belmoment.",
    )
    base.update(kw)
    return Jobcoaching(**base)


def entry(**kw) -> ReportEntry:
    base = dict(file="jc.pdf", status="parsed", parser="test", report_date=dt.date(2017, 6, 1),
                meetperiode=Period(start=dt.date(2016, 5, 12), end=dt.date(2017, 5, 12)), jobcoaching=jobcoaching())
    base.update(kw)
    return ReportEntry(**base)


def run(rule_id, e, **ctx):
    checks = RULES[rule_id].fn(e, Context(JC, **ctx))
    return [c.status for c in checks], checks


def test_norm_werknemer_and_werkgever_each():
    statuses, checks = run("JC-NORM", entry())
    assert statuses == ["pass", "pass"] and "7,2" in checks[0].message and "7,1" in checks[1].message
    statuses, checks = run("JC-NORM", entry(jobcoaching=jobcoaching(werkgever_avg=6.4)))
    assert statuses == ["pass", "fail"] and "werkgevers 6,4" in checks[1].message
    assert run("JC-NORM", entry(jobcoaching=jobcoaching(werknemer_avg=6.5)))[0] == ["pass", "pass"]
    statuses, checks = run("JC-NORM", entry(jobcoaching=jobcoaching(werknemer_avg=None)))
    assert statuses[0] == "manual" and "7,2" in checks[0].message  # computed from the periods, for information
    assert run("JC-NORM", entry(jobcoaching=None))[0] == ["manual"]


def test_meetperiode_is_one_year_from_the_recognition_day():
    assert run("JC-MEETPERIODE", entry())[0] == ["pass"]  # seed: 12-5-2013 -> 12-05-2016 t/m 12-05-2017
    assert run("JC-MEETPERIODE", entry(meetperiode=Period(start=dt.date(2016, 5, 12), end=dt.date(2017, 5, 11))))[0] == ["pass"]
    statuses, checks = run("JC-MEETPERIODE", entry(meetperiode=Period(start=dt.date(2016, 1, 1), end=dt.date(2016, 12, 31))))
    assert statuses == ["fail"] and "12-5-2013" in checks[0].message
    statuses, checks = run("JC-MEETPERIODE", entry(meetperiode=Period(start=dt.date(2016, 5, 12), end=dt.date(2017, 11, 12))))
    assert statuses == ["fail"] and "duurt geen jaar" in checks[0].message
    assert run("JC-MEETPERIODE", entry(jobcoaching=jobcoaching(recognition_date=None)))[0] == ["manual"]


def test_report_due_within_a_month():
    assert run("JC-TIJDIG", entry(), clms=ClmsRecord(received=dt.date(2017, 6, 12)))[0] == ["pass"]
    statuses, checks = run("JC-TIJDIG", entry(), clms=ClmsRecord(received=dt.date(2017, 6, 13)))
    assert statuses == ["fail"] and "12-6-2017" in checks[0].message
    assert run("JC-TIJDIG", entry())[0] == ["warn"]
    assert run("JC-TIJDIG", entry(report_date=dt.date(2017, 7, 1)))[0] == ["fail"]


def test_periods_and_averages_as_in_the_seed_example():
    statuses, checks = run("JC-PERIODES", entry())
    assert statuses == ["pass", "pass"]
    assert "36 : 5 = 7,2" in checks[0].message and "35,5 : 5 = 7,1" in checks[1].message
    statuses, checks = run("JC-PERIODES", entry(jobcoaching=jobcoaching(werkgever_avg=7.4, raw={"werkgever_avg": "7,4"})))
    assert statuses == ["pass", "fail"] and "7,4" in checks[1].message and "7,10" in checks[1].message
    assert run("JC-PERIODES", entry(jobcoaching=jobcoaching(periods=[])))[0] == ["fail"]


def test_answer_counts_per_question():
    assert run("JC-VRAGEN", entry())[0] == ["pass"]
    jc = jobcoaching()
    jc.answers = [a for a in jc.answers if "werkomgeving" not in a.question]
    jc.answers[0].counts["niet helemaal"] = None
    statuses, checks = run("JC-VRAGEN", entry(jobcoaching=jc))
    assert statuses == ["fail"]
    assert "De werkomgeving" in checks[0].message and "geen aantal bij niet helemaal" in checks[0].message


def test_analysis_is_for_a_person_to_judge():
    statuses, checks = run("JC-ANALYSE", entry())
    assert statuses == ["manual"] and "vast belmoment" in checks[0].message
    assert run("JC-ANALYSE", entry(jobcoaching=jobcoaching(analysis=None)))[0] == ["fail"]


def test_whole_regime_on_the_seed_example():
    checks, verdict = evaluate(entry(), Context(JC, clms=ClmsRecord(received=dt.date(2017, 6, 1))))
    assert verdict == "handmatig"  # only the analysis needs a person
    assert [c.rule for c in checks if c.status != "pass"] == ["JC-ANALYSE"]
