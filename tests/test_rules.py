"""Every rule on both sides of its threshold, on schema objects (rules never read PDFs)."""

from __future__ import annotations

import datetime as dt

import pytest

from kto_ingest.regime import RegimeError, builtin_names, load_regime
from kto_ingest.rules import RULES, evaluate, verdict_of
from kto_ingest.schema import Check, Period, Question, ReportEntry, ResultRow, Signature

SCH = load_regime("uwv-scholing-2021")
BOW = load_regime("blik-op-werk")
UWV_QUESTIONS = [
    "Vindt u dat de coach u op een respectvolle manier heeft begeleid?",
    "Vindt u dat de coach u duidelijk heeft geïnformeerd?",
    "Vindt u dat de coach genoeg aandacht had voor wat u belangrijk vindt als het gaat om werk?",
]


def row(service="Scholing en opleiding", netto=100, ingevuld=40, pct="40,0", cijfer=8.2, total=False, group="clienten"):
    return ResultRow(
        group=group, service=service, is_total=total, netto_steekproef=netto, ingevuld=ingevuld,
        respons_pct=float(pct.replace(",", ".")), rapportcijfer=cijfer, publicatie=True, page=7,
        raw={"respons_pct": pct},
    )


def entry(**kw) -> ReportEntry:
    base = dict(
        file="x.pdf", status="parsed", parser="panteia-bow", final=True,
        meetperiode=Period(start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 31)),
        results=[row(), row("Totaal", total=True)],
        questions=[Question(figure=f"3.{i}", text=t, page=12) for i, t in enumerate(UWV_QUESTIONS)],
        signature=Signature(kind="digital", intact=True, signer="Panteia"),
    )
    base.update(kw)
    return ReportEntry(**base)


def run(rule_id, e, regime=SCH):
    return [c.status for c in RULES[rule_id].fn(e, regime)], RULES[rule_id].fn(e, regime)


def test_every_rule_is_documented_and_every_regime_loads():
    for r in RULES.values():
        assert r.title and len(r.doc) > 40, r.id
    for name in builtin_names():
        regime = load_regime(name)
        assert all(p.bron for p in regime.params.values())


def test_unknown_regime_is_refused():
    with pytest.raises(RegimeError):
        load_regime("bestaat-niet")


def test_meetperiode_pass_and_fail_names_both_periods():
    assert run("SCH-MEETPERIODE", entry())[0] == ["pass"]
    statuses, checks = run("SCH-MEETPERIODE", entry(meetperiode=Period(start=dt.date(2018, 9, 1), end=dt.date(2019, 8, 31))))
    assert statuses == ["fail"]
    assert "1-9-2018 t/m 31-8-2019" in checks[0].message and "1-1-2021 t/m 31-12-2021" in checks[0].message


def test_definitief():
    assert run("SCH-DEFINITIEF", entry())[0] == ["pass"]
    assert run("SCH-DEFINITIEF", entry(final=False))[0] == ["fail"]
    assert run("SCH-DEFINITIEF", entry(final=None))[0] == ["manual"]


def test_ondertekend():
    assert run("SCH-ONDERTEKEND", entry())[0] == ["pass"]
    assert run("SCH-ONDERTEKEND", entry(signature=Signature(kind="visual")))[0] == ["manual"]
    assert run("SCH-ONDERTEKEND", entry(signature=Signature(kind="digital")))[0] == ["manual"]
    assert run("SCH-ONDERTEKEND", entry(signature=Signature(kind="none")))[0] == ["fail"]


def test_vragen_lists_missing_by_name():
    assert run("SCH-VRAGEN", entry())[0] == ["pass"]
    statuses, checks = run("SCH-VRAGEN", entry(questions=[]))
    assert statuses == ["fail"]
    assert "Respectvol begeleid" in checks[0].message and "Rapportcijfer" not in checks[0].message


def test_norm_per_service_not_only_total():
    assert run("SCH-NORM", entry())[0] == ["pass"]
    e = entry(results=[row(cijfer=8.0), row("Jobcoaching", cijfer=7.9), row("Totaal", total=True, cijfer=8.1)])
    statuses, checks = run("SCH-NORM", e)
    assert statuses == ["pass", "fail"]
    assert "7,9" in checks[1].message and "8,0" in checks[1].message


def test_norm_no_responses_is_no_score_not_zero():
    e = entry(results=[row(ingevuld=0, pct="0,0", cijfer=0.0)])
    assert run("SCH-NORM", e)[0] == ["manual"]


def test_exemption_below_five():
    e = entry(results=[row(netto=4, ingevuld=2, pct="50,0", cijfer=6.0), row(netto=5, service="Leerbanen")])
    assert run("SCH-VRIJSTELLING", e)[0] == ["n/a"]
    assert run("SCH-NORM", e)[0] == ["pass"]  # the exempt service is not judged against the norm


def test_respons_without_known_minimum_is_manual_with_numbers():
    statuses, checks = run("SCH-RESPONS", entry(results=[row(netto=128, ingevuld=8, pct="6,3")]))
    assert statuses == ["manual"]
    assert "respons 6,3 % bij netto steekproef 128" in checks[0].message
    assert "niet bekend" in checks[0].message


def test_respons_with_a_minimum_in_an_edited_regime(tmp_path):
    from importlib import resources

    src = (resources.files("kto_ingest.regimes") / "uwv-scholing-2021.toml").read_text("utf-8")
    edited = src.replace('[params.min_response]\n', '[params.min_response]\nvalue = 30.0\n')
    path = tmp_path / "volgend-jaar.toml"
    path.write_text(edited, "utf-8")
    regime = load_regime(str(path))
    assert run("SCH-RESPONS", entry(results=[row(pct="40,0")]), regime)[0] == ["pass"]
    assert run("SCH-RESPONS", entry(results=[row(ingevuld=20, pct="20,0")]), regime)[0] == ["fail"]


def test_consistency_accepts_either_rounding_of_a_half():
    # 8 / 128 = 6,25 %: the real Panteia report prints 6,3.
    assert run("SCH-CONSISTENTIE", entry(results=[row(netto=128, ingevuld=8, pct="6,3")]))[0] == ["pass"]
    statuses, checks = run("SCH-CONSISTENTIE", entry(results=[row(netto=128, ingevuld=8, pct="7,3")]))
    assert statuses == ["fail"] and "8 / 128" in checks[0].message


def test_consistency_totals_and_range():
    e = entry(results=[row(netto=10, ingevuld=5, pct="50,0"), row(netto=20, ingevuld=5, pct="25,0"),
                       row("Totaal", netto=31, ingevuld=10, pct="32,3", total=True)])
    statuses, checks = run("SCH-CONSISTENTIE", e)
    assert statuses == ["fail"] and "10 + 20 = 30" in checks[0].message
    assert run("SCH-CONSISTENTIE", entry(results=[row(cijfer=11.0)]))[0] == ["fail"]
    zero = row("Totaal opdrachtgevers", netto=6, ingevuld=0, pct="0,0", cijfer=0.0, total=True, group="opdrachtgevers")
    assert run("SCH-CONSISTENTIE", entry(results=[zero]))[0] == ["pass"]


def test_blik_op_werk_norms():
    assert run("BOW-TOTAAL", entry(), BOW)[0] == ["pass"]
    assert run("BOW-TOTAAL", entry(results=[row("Totaal", total=True, cijfer=6.4)]), BOW)[0] == ["fail"]
    assert run("BOW-DIENST", entry(results=[row(cijfer=5.5)]), BOW)[0] == ["pass"]
    assert run("BOW-DIENST", entry(results=[row(cijfer=5.4)]), BOW)[0] == ["manual"]


def test_verdict_is_worst_status():
    c = lambda s: Check(rule="X", status=s, message="m")  # noqa: E731
    assert verdict_of([c("pass"), c("n/a")]) == "voldoet"
    assert verdict_of([c("pass"), c("manual"), c("warn")]) == "handmatig"
    assert verdict_of([c("manual"), c("fail")]) == "voldoet_niet"


def test_a_crashing_rule_becomes_manual(monkeypatch):
    from kto_ingest import rules

    def boom(e, r):
        raise KeyError("kapot")

    monkeypatch.setitem(rules.RULES, "SCH-NORM", rules.Rule("SCH-NORM", "t", "d", boom))
    checks, verdict = evaluate(entry(), SCH)
    norm = [c for c in checks if c.rule == "SCH-NORM"]
    assert norm and norm[0].status == "manual" and "kapot" in norm[0].message
    assert verdict == "handmatig"


def test_error_entries_get_no_verdict():
    e = ReportEntry(file="x.pdf", status="error")
    assert evaluate(e, SCH) == ([], None)
