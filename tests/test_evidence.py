"""A report fails only on evidence (issue 14): never for what kto-ingest could not read.

Per rule, table-driven: blank each fact it reads, record it as not found (with where the parser
looked) or as unreadable, and the rule does not fail and says what it looked for. Properties over
schema entries: turning a compliant fact into "not found" never makes the verdict worse than
``handmatig``; a ``fail`` always carries its evidence (page and raw text); a value read with low
confidence never fails a report alone.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kto_ingest.clms import ClmsRecord
from kto_ingest.regime import load_regime
from kto_ingest.rules import RULES, Context, evaluate
from kto_ingest.rules.base import DEFAULT_LOOKED, FACT_NAMES
from kto_ingest.schema import Approached, Evidence, Period, ReportEntry, ResultRow

from . import test_rules as sch
from . import test_rules_jobcoaching as jcm

SCH = load_regime("uwv-scholing-2021")
BOW = load_regime("blik-op-werk")
JC = load_regime("uwv-jobcoaching")
LOOKED = "op het voorblad en in hoofdstuk 1-2 (testmarkering)"
REASON = "tabeltitel gevonden, 0 rijen gelezen (testmarkering)"
# Rules whose outcome rests on something besides the parser's facts: the signature (SCH-ONDERTEKEND,
# the lead's) and, with an export, CLMS.
NOT_A_PARSER_FACT = {"SCH-ONDERTEKEND"}


def _blank(entry: ReportEntry, fact: str) -> ReportEntry:
    e = entry.model_copy(deep=True)
    if fact.startswith("jobcoaching."):
        part = fact.split(".", 1)[1]
        empty = [] if isinstance(getattr(e.jobcoaching, part), list) else None
        setattr(e.jobcoaching, part, empty)
        if part.endswith("_avg"):
            e.jobcoaching.raw.pop(part, None)
    else:
        setattr(e, fact, [] if isinstance(getattr(e, fact), list) else None)
    e.evidence.pop(fact, None)
    return e


# (regime, rule, fact): the rule needs the fact and must say where it was looked for.
CASES = [
    (SCH, "SCH-TIJDIG", "report_date"),
    (SCH, "SCH-BUREAU", "bureau"),
    (SCH, "SCH-MEETPERIODE", "meetperiode"),
    (SCH, "SCH-DEFINITIEF", "final"),
    (SCH, "SCH-VRAGEN", "questions"),
    (SCH, "SCH-BENADERD", "approached"),
    (SCH, "SCH-VERANTWOORDING", "results"),
    (SCH, "SCH-VERANTWOORDING", "approach"),
    (SCH, "SCH-RESPONS", "results"),
    (SCH, "SCH-NORM", "results"),
    (SCH, "SCH-PERCEEL", "results"),
    (SCH, "SCH-CONSISTENTIE", "results"),
    (BOW, "BOW-TOTAAL", "results"),
    (BOW, "BOW-DIENST", "results"),
    (BOW, "BOW-PUBLICATIE", "results"),
    (BOW, "SCH-CONSISTENTIE", "results"),
    (JC, "JC-TIJDIG", "report_date"),
    (JC, "JC-TIJDIG", "meetperiode"),
    (JC, "JC-TIJDIG", "jobcoaching.recognition_date"),
    (JC, "JC-MEETPERIODE", "meetperiode"),
    (JC, "JC-MEETPERIODE", "jobcoaching.recognition_date"),
    (JC, "JC-NORM", "jobcoaching"),
    (JC, "JC-PERIODES", "jobcoaching"),
    (JC, "JC-PERIODES", "jobcoaching.periods"),
    (JC, "JC-PERIODES", "jobcoaching.werknemer_avg"),
    (JC, "JC-VRAGEN", "jobcoaching"),
    (JC, "JC-VRAGEN", "jobcoaching.answers"),
    (JC, "JC-ANALYSE", "jobcoaching"),
    (JC, "JC-ANALYSE", "jobcoaching.analysis"),
]
# Only an informative n/a, no finding over nothing: SCH-VRIJSTELLING without rows says nothing.
SILENT_WITHOUT_ROWS = {("SCH-VRIJSTELLING", "results")}


def _base(regime) -> ReportEntry:
    return jcm.entry() if regime is JC else sch.entry()


def _case_id(case) -> str:
    return f"{case[1]}-{case[2]}"


@pytest.mark.parametrize("mode", ["blank", "not_found", "unreadable"])
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_a_missing_fact_never_fails_and_says_where_it_was_looked_for(case, mode):
    regime, rule_id, fact = case
    e = _blank(_base(regime), fact)
    if mode == "not_found":
        e.not_found(fact, LOOKED, vouched=False, page=3)
    elif mode == "unreadable":
        e.unreadable(fact, REASON, page=3)
    checks = RULES[rule_id].fn(e, Context(regime))
    assert checks, f"{rule_id} says nothing when {fact} is {mode}"
    assert "fail" not in [c.status for c in checks], [c.message for c in checks]
    said = " ".join(c.message for c in checks)
    marker = {"blank": DEFAULT_LOOKED, "not_found": "testmarkering", "unreadable": "testmarkering"}[mode]
    assert marker in said or FACT_NAMES[fact] in said or "niet gelezen" in said.lower(), said


@pytest.mark.parametrize("case", [c for c in CASES if c[2] != "final" and c[2] != "bureau"], ids=_case_id)
def test_a_vouched_absence_from_a_confident_parser_may_fail_with_its_evidence(case):
    """The other side: where the absence itself breaks a requirement, a vouched absence fails, and
    the fail names where the parser looked. Rules that never fail on an absence stay manual."""
    regime, rule_id, fact = case
    e = _blank(_base(regime), fact)
    e.not_found(fact, LOOKED, vouched=True, page=3)
    for c in RULES[rule_id].fn(e, Context(regime)):
        if c.status == "fail":
            assert c.page == 3 and c.raw and "testmarkering" in c.raw
    # The same absence vouched for by a generic parser or on an OCR page is never a fail.
    for doubtful in (e.model_copy(update={"confidence": "low"}), e.model_copy(update={"ocr_pages": [3]})):
        assert "fail" not in [c.status for c in RULES[rule_id].fn(doubtful, Context(regime))]


def test_the_regime_rules_are_all_covered():
    covered = {c[1] for c in CASES} | {r for r, _ in SILENT_WITHOUT_ROWS} | NOT_A_PARSER_FACT
    for regime in (SCH, BOW, JC):
        assert set(regime.regime.rules) <= covered, set(regime.regime.rules) - covered


def test_vrijstelling_without_rows_is_silent_and_never_fails():
    e = _blank(sch.entry(), "results")
    assert RULES["SCH-VRIJSTELLING"].fn(e, Context(SCH)) == []


def test_consistency_over_zero_rows_is_no_pass():
    checks = RULES["SCH-CONSISTENTIE"].fn(sch.entry(results=[]), Context(SCH))
    assert [c.status for c in checks] == ["manual"]
    bare = ResultRow(group="clienten", service="Opleidingen", is_total=False, page=7)
    assert [c.status for c in RULES["SCH-CONSISTENTIE"].fn(sch.entry(results=[bare]), Context(SCH))] == ["manual"]


def test_low_confidence_value_gives_mogelijk_voldoet_niet_with_numbers_and_page():
    e = sch.entry(results=[sch.row(cijfer=7.1)], confidence="low")
    checks = RULES["SCH-NORM"].fn(e, Context(SCH))
    assert [c.status for c in checks] == ["manual"]
    assert "Mogelijk voldoet niet" in checks[0].message and "7,1" in checks[0].message and "p. 7" in checks[0].message
    ocr = sch.entry(results=[sch.row(cijfer=7.1)], ocr_pages=[7])
    checks = RULES["SCH-NORM"].fn(ocr, Context(SCH))
    assert [c.status for c in checks] == ["manual"] and "OCR" in checks[0].message
    ev = dict(sch.EVIDENCE, meetperiode=Evidence(page=1, raw="1 september 2018 - 31 augustus 2019", ocr=True))
    e = sch.entry(meetperiode=Period(start=dt.date(2018, 9, 1), end=dt.date(2019, 8, 31)), evidence=ev)
    checks = RULES["SCH-MEETPERIODE"].fn(e, Context(SCH))
    assert [c.status for c in checks] == ["manual"] and "1 september 2018" in checks[0].message


# ---- properties over schema entries --------------------------------------------------------
LABELS = ["Opleidingen", "Scholing en opleiding", "Leerbanen", "Ervaringscertificaten",
          "Functiegerichte vaardigheidstrainingen – cluster Techniek"]


@st.composite
def compliant_rows(draw):
    labels = draw(st.lists(st.sampled_from(LABELS), min_size=1, max_size=4, unique=True))
    rows = []
    for label in labels:
        netto = draw(st.integers(5, 400))
        ingevuld = draw(st.integers(1, netto))
        pct = round(100 * ingevuld / netto, 1)
        cijfer = draw(st.integers(80, 100)) / 10
        rows.append(ResultRow(group="clienten", service=label, is_total=False, netto_steekproef=netto, ingevuld=ingevuld,
                              respons_pct=pct, rapportcijfer=cijfer, benaderd=netto, beeindigd=netto, page=7,
                              raw={"respons_pct": f"{pct:.1f}".replace(".", ","), "rapportcijfer": f"{cijfer:.1f}".replace(".", ","),
                                   "benaderd": str(netto), "beeindigd": str(netto)}))
    return rows


TOP_FACTS = ["bureau", "report_date", "meetperiode", "final", "approached", "approach", "results", "questions"]
ROW_FIELDS = ["netto_steekproef", "ingevuld", "respons_pct", "rapportcijfer", "benaderd", "beeindigd"]


def _remove(e: ReportEntry, fact: str, mode: str) -> None:
    if fact.startswith("row:"):
        _, index, field = fact.split(":")
        if int(index) < len(e.results):
            r = e.results[int(index)]
            setattr(r, field, None)
            r.raw.pop(field, None)
        return
    setattr(e, fact, [] if isinstance(getattr(e, fact), list) else None)
    e.evidence.pop(fact, None)
    if mode == "not_found":
        e.not_found(fact, LOOKED, vouched=False)
    elif mode == "unreadable":
        e.unreadable(fact, REASON)


FACT_CHOICES = st.one_of(st.sampled_from(TOP_FACTS),
                         st.builds(lambda i, f: f"row:{i}:{f}", st.integers(0, 3), st.sampled_from(ROW_FIELDS)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=compliant_rows(), removed=st.lists(st.tuples(FACT_CHOICES, st.sampled_from(["blank", "not_found", "unreadable"])),
                                                 min_size=1, max_size=5),
       with_clms=st.booleans(), low=st.booleans())
def test_removing_compliant_facts_never_makes_the_verdict_worse_than_handmatig(rows, removed, with_clms, low):
    # A compliant report: the approached total is the sum of the rows (all ended services approached).
    e = sch.entry(results=rows, confidence="low" if low else "high",
                  approached=Approached(clienten=sum(r.netto_steekproef for r in rows), opdrachtgevers=0))
    clms = None
    if with_clms:
        from kto_ingest.rules import perceel_of

        ended: dict[str, int] = {}
        for r in rows:
            p = perceel_of(r.service, Context(SCH))
            ended[p] = ended.get(p, 0) + r.netto_steekproef
        clms = ClmsRecord(received=dt.date(2022, 2, 20), ended=ended)
    ctx = Context(SCH, clms=clms, clms_source="clms.csv" if with_clms else None)
    before = evaluate(e, ctx)[1]
    assert before != "voldoet_niet", [c.message for c in evaluate(e, ctx)[0] if c.status == "fail"]
    for fact, mode in removed:
        _remove(e, fact, mode)
    checks, verdict = evaluate(e, ctx)
    assert verdict != "voldoet_niet", [(c.rule, c.message) for c in checks if c.status == "fail"]


JC_FACTS = ["report_date", "meetperiode", "jobcoaching", "jobcoaching.recognition_date", "jobcoaching.periods",
            "jobcoaching.werknemer_avg", "jobcoaching.werkgever_avg", "jobcoaching.answers", "jobcoaching.analysis"]


@settings(max_examples=80, deadline=None)
@given(removed=st.lists(st.tuples(st.sampled_from(JC_FACTS), st.sampled_from(["blank", "not_found", "unreadable"])), min_size=1, max_size=4))
def test_jobcoaching_removing_facts_never_fails(removed):
    e = jcm.entry()
    for fact, mode in removed:
        if fact.startswith("jobcoaching.") and e.jobcoaching is None:
            continue
        e = _blank(e, fact)
        if mode == "not_found":
            e.not_found(fact, LOOKED)
        elif mode == "unreadable":
            e.unreadable(fact, REASON)
    checks, verdict = evaluate(e, Context(JC))
    assert verdict != "voldoet_niet", [(c.rule, c.message) for c in checks if c.status == "fail"]


@st.composite
def any_entry(draw):
    """Entries with any values, compliant or not, as a confident or a doubtful parser reads them."""
    rows = []
    for i, label in enumerate(draw(st.lists(st.sampled_from(LABELS + ["Jobcoaching", "Outplacement", "Totaal"]),
                                            min_size=0, max_size=4))):
        netto = draw(st.one_of(st.none(), st.integers(0, 300)))
        ingevuld = draw(st.one_of(st.none(), st.integers(0, 300)))
        cijfer = draw(st.one_of(st.none(), st.integers(0, 110).map(lambda v: v / 10)))
        pct = draw(st.one_of(st.none(), st.integers(0, 1000).map(lambda v: v / 10)))
        raw = {k: f"{v}".replace(".", ",") for k, v in (("rapportcijfer", cijfer), ("respons_pct", pct), ("ingevuld", ingevuld)) if v is not None}
        rows.append(ResultRow(group=draw(st.sampled_from(["clienten", None])), service=label, is_total=label == "Totaal",
                              netto_steekproef=netto, ingevuld=ingevuld, respons_pct=pct, rapportcijfer=cijfer,
                              benaderd=draw(st.one_of(st.none(), st.integers(0, 300))),
                              beeindigd=draw(st.one_of(st.none(), st.integers(0, 300))), page=7, raw=raw))
    start = draw(st.dates(dt.date(2014, 1, 1), dt.date(2024, 1, 1)))
    e = sch.entry(
        results=rows, final=draw(st.sampled_from([True, False, None])),
        meetperiode=draw(st.sampled_from([None, Period(start=start, end=start + dt.timedelta(days=364)),
                                          Period(start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 31))])),
        report_date=draw(st.one_of(st.none(), st.dates(dt.date(2019, 1, 1), dt.date(2024, 1, 1)))),
        confidence=draw(st.sampled_from(["high", "low"])), ocr_pages=draw(st.sampled_from([[], [7], [1, 2, 7]])),
    )
    return e


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(e=any_entry(), regime=st.sampled_from([SCH, BOW]))
def test_every_fail_carries_its_evidence_and_doubtful_values_never_fail(e, regime):
    checks, _ = evaluate(e, Context(regime))
    fails = [c for c in checks if c.status == "fail" and c.rule not in NOT_A_PARSER_FACT]
    for c in fails:
        assert c.page is not None and c.raw, c
    if e.confidence == "low":
        assert not fails, [(c.rule, c.message) for c in fails]


# ---- fact status shown to the account manager ------------------------------------------------
def test_html_lists_facts_not_read_and_where_looked():
    from kto_ingest.report_html import to_html
    from kto_ingest.schema import BatchResult

    e = sch.entry(results=[], approached=None)
    e.unreadable("results", "tabeltitel 'Tabel 1.1' op p. 7 gevonden, 0 rijen gelezen")
    e.not_found("approached", "in paragraaf 2.3 Respons", vouched=True, page=5)
    html = to_html(BatchResult(version="t", reports=[e]), images=False)
    assert "<h3>Niet gelezen</h3>" in html
    assert "<td>resultatentabel per perceel/cluster</td><td>onleesbaar: tabeltitel" in html and "0 rijen gelezen" in html
    assert "niet gevonden in paragraaf 2.3 Respons (p. 5); de leesmodule staat in voor de afwezigheid" in html
    assert "<h3>Niet gelezen</h3>" not in to_html(BatchResult(version="t", reports=[sch.entry()]), images=False)


def test_explain_shows_the_status_of_facts_not_read(capsys):
    from kto_ingest.cli import main

    from .conftest import FIXTURES

    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "corpus" / "sample" / "dev-werkmaatje-03-no-analysis.pdf"
    assert main(["explain", str(sample)]) == 0
    out = capsys.readouterr().out
    assert "Niet gelezen" in out
    assert "analyse van de resultaten met conclusies: niet gevonden in de hele tekst (p. 1-2)" in out
    assert "de leesmodule staat in voor de afwezigheid" in " ".join(out.split())
    for developer in ("[jobcoaching", "supplier", "report_date", "{'", "None"):
        assert developer not in out.split("Beslissingen van de lezer")[0], developer


def test_numbers_in_messages_read_as_printed():
    from kto_ingest.rules.base import plain

    assert [plain(8.0), plain(6.5), plain(7.1 + 7.2), plain(35.5), plain(36), plain(7.95)] == ["8", "6,5", "14,3", "35,5", "36", "7,95"]


@st.composite
def any_jobcoaching(draw):
    from kto_ingest.schema import JobcoachPeriod

    scores = st.one_of(st.none(), st.integers(10, 100).map(lambda v: v / 10))
    periods = [JobcoachPeriod(werknemer="A", werknemer_cijfer=draw(scores), werkgever="1", werkgever_cijfer=draw(scores), page=3)
               for _ in range(draw(st.integers(0, 5)))]
    avgs = {g: draw(scores) for g in ("werknemer_avg", "werkgever_avg")}
    raw = {g: f"{v}".replace(".", ",") for g, v in avgs.items() if v is not None}
    start = draw(st.dates(dt.date(2014, 1, 1), dt.date(2022, 12, 31)))
    jc = jcm.jobcoaching(periods=periods, raw=raw, recognition_date=draw(st.one_of(st.none(), st.dates(dt.date(2010, 1, 1), dt.date(2022, 1, 1)))),
                         analysis=draw(st.sampled_from([None, "Analyse."])), **avgs)
    mp = Period(start=start, end=start + dt.timedelta(days=draw(st.sampled_from([364, 365, 400]))))
    return jcm.entry(jobcoaching=jc, meetperiode=draw(st.sampled_from([None, mp])),
                     report_date=draw(st.one_of(st.none(), st.dates(dt.date(2016, 1, 1), dt.date(2024, 1, 1)))),
                     confidence=draw(st.sampled_from(["high", "low"])))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(e=any_jobcoaching())
def test_jobcoaching_fails_carry_their_evidence(e):
    checks, _ = evaluate(e, Context(JC))
    fails = [c for c in checks if c.status == "fail"]
    for c in fails:
        assert c.page is not None and c.raw, c
    if e.confidence == "low":
        assert not fails
