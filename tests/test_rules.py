"""Every rule on both sides of its threshold, on schema objects (rules never read PDFs)."""

from __future__ import annotations

import datetime as dt

import pytest

from kto_ingest.bureaus import load_register
from kto_ingest.clms import ClmsRecord
from kto_ingest.regime import RegimeError, builtin_names, load_regime
from kto_ingest.rules import RULES, Context, decided_by, evaluate, verdict_of
from kto_ingest.schema import Approach, Approached, Check, Evidence, Period, Question, ReportEntry, ResultRow, Signature

SCH = load_regime("uwv-scholing-2021")
BOW = load_regime("blik-op-werk")
UWV_QUESTIONS = [
    "Vindt u dat de coach u op een respectvolle manier heeft begeleid?",
    "Vindt u dat de coach u duidelijk heeft geïnformeerd?",
    "Vindt u dat de coach genoeg aandacht had voor wat u belangrijk vindt als het gaat om werk?",
]


def row(service="Scholing en opleiding", netto=100, ingevuld=40, pct="40,0", cijfer=8.2, total=False, group="clienten"):
    raw = {"respons_pct": pct, "netto_steekproef": str(netto), "ingevuld": str(ingevuld)}
    if cijfer is not None:
        raw["rapportcijfer"] = f"{cijfer:.1f}".replace(".", ",")
    return ResultRow(
        group=group, service=service, is_total=total, netto_steekproef=netto, ingevuld=ingevuld,
        respons_pct=float(pct.replace(",", ".")), rapportcijfer=cijfer, publicatie=True, page=7, raw=raw,
    )


# Where each top-level fact of entry() was read, as a vendor parser records it.
EVIDENCE = {
    "bureau": Evidence(page=2, raw="Panteia B.V."),
    "meetperiode": Evidence(page=1, raw="Meetperiode: 1 januari 2021 t/m 31 december 2021"),
    "report_date": Evidence(page=1, raw="Zoetermeer, 15 februari 2022"),
    "final": Evidence(page=1, raw="Eindrapport"),
    "approached": Evidence(page=5, raw="In totaal 100 cliënten benaderd en geen opdrachtgevers"),
}


def entry(**kw) -> ReportEntry:
    base = dict(
        file="x.pdf", status="parsed", parser="panteia-bow", final=True,
        meetperiode=Period(start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 31)),
        results=[row(), row("Totaal", total=True)],
        questions=[Question(figure=f"3.{i}", text=t, page=12) for i, t in enumerate(UWV_QUESTIONS)],
        signature=Signature(kind="digital", intact=True, signer="J. de Vries", signer_organisation="Panteia B.V.", trusted=True),
        bureau="Panteia", supplier="Leer Unique", report_date=dt.date(2022, 2, 15), evidence=dict(EVIDENCE),
        approached=Approached(clienten=100, opdrachtgevers=0),
        approach=Approach(email=True, schriftelijk=True, herinnering=True, telefonisch="nee", page=5,
                          text="De cliënten zijn zowel per email als schriftelijk uitgenodigd. Zij hebben een herinnering ontvangen."),
    )
    base.update(kw)
    return ReportEntry(**base)


def run(rule_id, e, regime=SCH, **ctx):
    checks = RULES[rule_id].fn(e, Context(regime, **ctx))
    return [c.status for c in checks], checks


def edited_regime(tmp_path, old, new, name="uwv-scholing-2021"):
    """A copy of a built-in regime with one edit, as an account manager would make next year."""
    from importlib import resources

    src = (resources.files("kto_ingest.regimes") / f"{name}.toml").read_text("utf-8")
    assert old in src
    path = tmp_path / "volgend-jaar.toml"
    path.write_text(src.replace(old, new), "utf-8")
    return load_regime(str(path))


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
    statuses, checks = run("SCH-ONDERTEKEND", entry(signature=Signature(kind="visual", pages=[19])))
    assert statuses == ["manual"] and checks[0].page == 19 and "pagina 19" in checks[0].message
    assert run("SCH-ONDERTEKEND", entry(signature=Signature(kind="digital")))[0] == ["manual"]
    assert run("SCH-ONDERTEKEND", entry(signature=Signature(kind="none")))[0] == ["fail"]


def test_ondertekend_signer_trust_and_changes():
    good = dict(kind="digital", intact=True, signer="J. de Vries", signer_organisation="Panteia B.V.", trusted=True)
    other = Signature(**{**good, "signer_organisation": "Onderzoeksbureau Elders"})
    statuses, checks = run("SCH-ONDERTEKEND", entry(signature=other))
    assert statuses == ["manual"] and "J. de Vries" in checks[0].message and "niet aantoonbaar het onderzoeksbureau Panteia" in checks[0].message
    untrusted = Signature(**{**good, "trusted": False})
    statuses, checks = run("SCH-ONDERTEKEND", entry(signature=untrusted))
    assert statuses == ["manual"] and "vertrouwde uitgever" in checks[0].message
    changed = Signature(**{**good, "intact": False, "changed_pages": [7], "note": "pagina 7 is na ondertekening gewijzigd"})
    statuses, checks = run("SCH-ONDERTEKEND", entry(signature=changed))
    assert statuses == ["fail"] and checks[0].page == 7 and "pagina 7" in checks[0].message


def test_vragen_known_items_found_is_for_a_person_not_a_pass():
    # The full list is in the non-public Richtlijn: finding the known four claims no more than that.
    statuses, checks = run("SCH-VRAGEN", entry())
    assert statuses == ["manual"] and "niet-openbare Richtlijn" in checks[0].message and checks[0].page == 7
    # A regime that holds the complete list may pass.
    complete = SCH.model_copy(deep=True)
    complete.params["mandatory_questions_complete"] = complete.params["norm"].model_copy(update={"value": True})
    assert run("SCH-VRAGEN", entry(), complete)[0] == ["pass"]


def test_vragen_missing_fails_only_on_a_vouched_absence():
    statuses, checks = run("SCH-VRAGEN", entry(questions=[]))
    assert statuses == ["manual"]
    assert "Respectvol begeleid" in checks[0].message and "Rapportcijfer" not in checks[0].message
    vouched = entry(questions=[])
    vouched.not_found("questions", "in alle figuurtitels en figuurteksten van hoofdstuk 3", vouched=True, page=9)
    statuses, checks = run("SCH-VRAGEN", vouched)
    assert statuses == ["fail"] and checks[0].page == 9 and "hoofdstuk 3" in checks[0].raw


def test_vragen_found_in_table_text_as_2019_prints_them():
    # The 2019 layout prints the items as answers inside a figure or table, not as captions.
    items = ResultRow(group=None, service="Respectvol begeleid", is_total=False, page=11,
                      raw={"item": "Duidelijk geïnformeerd", "x": "Aandacht hebben voor wat u belangrijk vindt"})
    statuses, checks = run("SCH-VRAGEN", entry(questions=[], results=[row(), items]))
    assert statuses == ["manual"] and "bekende verplichte vragen zijn gevonden" in checks[0].message


def test_norm_per_perceel_not_only_total():
    assert run("SCH-NORM", entry())[0] == ["pass"]
    e = entry(results=[row(cijfer=8.0), row("Leerbanen", cijfer=7.9), row("Totaal", total=True, cijfer=8.1)])
    statuses, checks = run("SCH-NORM", e)
    assert statuses == ["pass", "fail"]
    assert "7,9" in checks[1].message and "norm 8." in checks[1].message and checks[1].raw == "Leerbanen: 7,9"


def test_norm_does_not_judge_services_outside_the_scholing_percelen():
    # Jobcoaching is no UWV scholing perceel: SCH-PERCEEL asks a person, the scholing norm does not apply.
    e = entry(results=[row(cijfer=8.0), row("Jobcoaching", cijfer=7.9)])
    statuses, checks = run("SCH-NORM", e)
    assert statuses == ["pass"]
    statuses, checks = run("SCH-NORM", entry(results=[row("Sociale activering en participatie", cijfer=7.0)]))
    assert statuses == ["manual"] and "andere populatie" in checks[0].message


def test_norm_shows_the_value_as_printed():
    r = row(cijfer=7.95)
    r.raw["rapportcijfer"] = "7,95"
    statuses, checks = run("SCH-NORM", entry(results=[r]))
    assert statuses == ["fail"] and "rapportcijfer 7,95 is lager dan de norm 8." in checks[0].message


def test_norm_score_missing_is_said_so():
    statuses, checks = run("SCH-NORM", entry(results=[row(cijfer=None)]))
    assert statuses == ["manual"] and "40 ingevuld, maar geen rapportcijfer" in checks[0].message


def test_fvt_without_cluster_asks_a_person():
    e = entry(results=[row("Functiegerichte vaardigheidstrainingen", cijfer=7.0)])
    assert run("SCH-NORM", e)[0] == ["manual"]
    statuses, checks = run("SCH-PERCEEL", e)
    assert statuses == ["manual"] and "geen cluster" in checks[0].message
    e = entry(results=[row("Functiegerichte vaardigheidstrainingen – cluster Techniek", cijfer=8.1)])
    assert run("SCH-PERCEEL", e)[0] == ["pass"] and run("SCH-NORM", e)[0] == ["pass"]



@pytest.mark.parametrize("service", ["Functiegerichte vaardigheidstrainingen / Bouw en infra",
                                     "Functiegerichte vaardigheidstrainingen – Bouw en infra"])
def test_a_cluster_after_a_slash_or_dash_is_a_cluster(service):
    """'FVT / Bouw en infra' names its cluster without the word 'cluster': the norm applies to it."""
    e = entry(results=[row(service, cijfer=7.2)])
    statuses, checks = run("SCH-NORM", e)
    assert statuses == ["fail"] and "cluster Bouw en infra" in checks[0].message
    assert run("SCH-PERCEEL", e)[0] == ["pass"]


def test_a_word_after_a_dash_in_lower_case_is_no_cluster():
    e = entry(results=[row("Functiegerichte vaardigheidstrainingen - totaal", cijfer=7.0)])
    assert run("SCH-PERCEEL", e)[0] == ["manual"]


def test_norm_no_responses_is_no_score_not_zero():
    e = entry(results=[row(ingevuld=0, pct="0,0", cijfer=0.0)])
    assert run("SCH-NORM", e)[0] == ["manual"]


def test_exemption_below_five_is_never_silently_skipped():
    e = entry(results=[row(netto=4, ingevuld=2, pct="50,0", cijfer=6.0), row(netto=5, service="Leerbanen")])
    statuses, checks = run("SCH-VRIJSTELLING", e)
    assert statuses == ["n/a"] and "netto steekproef" in checks[0].message
    statuses, checks = run("SCH-NORM", e)
    assert statuses == ["manual", "pass"]  # eligible and below the norm: has the supplier asked?
    assert "vrijstelling mogelijk; is die aangevraagd?" in checks[0].message and "6,0" in checks[0].message
    # The report's own 'beëindigd' column comes before the netto steekproef.
    own = row(netto=4, ingevuld=2, pct="50,0", cijfer=6.0).model_copy(update={"beeindigd": 7})
    assert run("SCH-VRIJSTELLING", entry(results=[own]))[0] == []
    assert run("SCH-NORM", entry(results=[own]))[0] == ["fail"]


def test_respons_without_known_minimum_is_manual_with_numbers():
    statuses, checks = run("SCH-RESPONS", entry(results=[row(netto=128, ingevuld=8, pct="6,3")]))
    assert statuses == ["manual"]
    assert "respons 6,3 % bij netto steekproef 128" in checks[0].message
    assert "niet bekend" in checks[0].message


def test_respons_with_a_minimum_in_an_edited_regime(tmp_path):
    regime = edited_regime(tmp_path, "[params.min_response]\n", "[params.min_response]\nvalue = 30.0\n")
    assert regime.source.endswith("volgend-jaar.toml") and regime.sha256 != SCH.sha256
    assert run("SCH-RESPONS", entry(results=[row(pct="40,0")]), regime)[0] == ["pass"]
    # Not met, but the report says how and how often clients were approached: a person judges it.
    statuses, checks = run("SCH-RESPONS", entry(results=[row(ingevuld=20, pct="20,0")]), regime)
    assert statuses == ["manual"]
    assert "haalt de eis van 30 % niet" in checks[0].message and "herinnering" in checks[0].message
    assert checks[0].page == 5
    # Not met and no account of the approach found: a person looks, unless the parser vouches it is absent.
    statuses, checks = run("SCH-RESPONS", entry(results=[row(ingevuld=20, pct="20,0")], approach=None), regime)
    assert statuses == ["manual"] and "hoe vaak en op welke wijze" in checks[0].message
    vouched = entry(results=[row(ingevuld=20, pct="20,0")], approach=None)
    vouched.not_found("approach", "in hoofdstuk 2 (Opzet van het onderzoek)", vouched=True, page=5)
    statuses, checks = run("SCH-RESPONS", vouched, regime)
    assert statuses == ["fail"] and "hoofdstuk 2" in checks[0].message and checks[0].raw == "20,0"


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
    checks, verdict = evaluate(entry(), Context(SCH))
    norm = [c for c in checks if c.rule == "SCH-NORM"]
    assert norm and norm[0].status == "manual" and "kapot" in norm[0].message
    assert verdict == "handmatig" and "SCH-NORM" in decided_by(checks)


def test_error_entries_get_no_verdict():
    e = ReportEntry(file="x.pdf", status="error")
    assert evaluate(e, Context(SCH)) == ([], None)


# ---- bureau register ----------------------------------------------------------------------
REGISTER_TOML = """
[register]
datum = 2022-01-10
bron = "test"

[[bureau]]
naam = "Panteia"
aliassen = ["Panteia B.V."]
status = "lid"
koepel = "MOA"
bron = "MOA-ledenlijst (test)"
gecontroleerd = 2022-01-10

[[bureau]]
naam = "Enquêtes & Zo"
status = "geen_lid"
bron = "VBO-, VSO- en MOA-ledenlijst (test)"
gecontroleerd = 2022-01-10

[[bureau]]
naam = "Twijfel Onderzoek"
status = "onbevestigd"
bron = "niet geraadpleegd"
gecontroleerd = 2022-01-10
"""


def test_bureau_member_passes_with_source_and_date(tmp_path):
    path = tmp_path / "bureaus.toml"
    path.write_text(REGISTER_TOML, "utf-8")
    reg = load_register(path)
    statuses, checks = run("SCH-BUREAU", entry(bureau="Panteia B.V."), register=reg)
    assert statuses == ["pass"]
    assert "MOA" in checks[0].message and "MOA-ledenlijst (test)" in checks[0].message and "10-1-2022" in checks[0].message
    assert run("SCH-BUREAU", entry(bureau="Enquêtes & Zo"), register=reg)[0] == ["fail"]
    assert run("SCH-BUREAU", entry(bureau="Twijfel Onderzoek"), register=reg)[0] == ["manual"]
    statuses, checks = run("SCH-BUREAU", entry(bureau="Onbekend Bureau"), register=reg)
    assert statuses == ["manual"] and "Onbekend Bureau" in checks[0].message and "--bureaus" in checks[0].message
    assert run("SCH-BUREAU", entry(bureau=None), register=reg)[0] == ["manual"]


def test_bureau_koepel_not_accepted_by_regime(tmp_path):
    path = tmp_path / "bureaus.toml"
    path.write_text(REGISTER_TOML, "utf-8")
    regime = edited_regime(tmp_path, 'value = ["VBO", "VSO", "MOA"]', 'value = ["VBO", "VSO"]')
    statuses, checks = run("SCH-BUREAU", entry(), regime, register=load_register(path))
    assert statuses == ["fail"] and "alleen VBO of VSO" in checks[0].message


def test_shipped_register_never_passes_silently():
    reg = load_register()
    assert reg.find("Panteia B.V.") is not None
    assert all(b.bron and b.gecontroleerd for b in reg.bureau)
    # No membership is asserted without a consulted member list.
    assert run("SCH-BUREAU", entry(), register=reg)[0] == ["manual"]
    assert run("SCH-BUREAU", entry())[0] == ["manual"]  # no register at all


# ---- deadline, approached, methodological account ----------------------------------------
def test_tijdig_with_and_without_clms():
    on_time = ClmsRecord(received=dt.date(2022, 3, 1))
    late = ClmsRecord(received=dt.date(2022, 3, 2))
    assert run("SCH-TIJDIG", entry(), clms=on_time)[0] == ["pass"]
    statuses, checks = run("SCH-TIJDIG", entry(), clms=late)
    assert statuses == ["fail"] and "2-3-2022" in checks[0].message and "1-3-2022" in checks[0].message
    statuses, checks = run("SCH-TIJDIG", entry())
    assert statuses == ["manual"] and "15-2-2022" in checks[0].message and "op of vóór de deadline" in checks[0].message
    statuses, checks = run("SCH-TIJDIG", entry(), clms=ClmsRecord(ended={"Opleidingen": 100}), clms_source="clms.csv")
    assert statuses == ["manual"] and "clms.csv noemt geen ontvangstdatum" in checks[0].message
    assert run("SCH-TIJDIG", entry(report_date=dt.date(2022, 4, 1)))[0] == ["fail"]
    assert run("SCH-TIJDIG", entry(report_date=None))[0] == ["manual"]


def test_benaderd_against_clms_ended_services():
    assert run("SCH-BENADERD", entry())[0] == ["manual"]  # no CLMS export
    statuses, checks = run("SCH-BENADERD", entry(), clms_source="clms.csv")
    assert statuses == ["manual"] and "niet gevonden in de CLMS-export clms.csv" in checks[0].message
    assert run("SCH-BENADERD", entry(), clms=ClmsRecord(ended={"Opleidingen": 100}))[0] == ["pass"]
    statuses, checks = run("SCH-BENADERD", entry(), clms=ClmsRecord(ended={"Opleidingen": 104}))
    assert statuses == ["fail"] and "100" in checks[0].message and "104" in checks[0].message
    # Two percelen in CLMS but one total in the report: the total matches at best.
    two = ClmsRecord(ended={"Opleidingen": 60, "Leerbanen": 40})
    assert run("SCH-BENADERD", entry(), clms=two)[0] == ["manual"]
    # A report-wide total that includes a non-UWV service is never compared with one perceel.
    mixed = entry(results=[row(), row("Jobcoaching")])
    assert run("SCH-BENADERD", mixed, clms=ClmsRecord(ended={"Opleidingen": 60}))[0] == ["manual"]
    # A report that gives approached per row is compared per perceel.
    rows = [row(netto=58).model_copy(update={"benaderd": 60}), row("Leerbaan", netto=40).model_copy(update={"benaderd": 38})]
    statuses, checks = run("SCH-BENADERD", entry(results=rows), clms=two)
    assert statuses == ["pass", "fail"] and "Leerbanen: 38 benaderd" in checks[1].message


def test_benaderd_from_the_reports_own_columns_without_clms():
    rows = [row(netto=58).model_copy(update={"benaderd": 58, "beeindigd": 58, "raw": {"benaderd": "58", "beeindigd": "58"}}),
            row("Leerbaan", netto=40).model_copy(update={"benaderd": 38, "beeindigd": 40, "raw": {"benaderd": "38", "beeindigd": "40"}})]
    statuses, checks = run("SCH-BENADERD", entry(results=rows))
    assert statuses == ["pass", "fail"] and "CLMS is de gezaghebbende telling" in checks[1].message
    assert "benaderd 38, beëindigd 40" in checks[1].raw


def test_verantwoording_lists_what_is_missing():
    assert run("SCH-VERANTWOORDING", entry())[0] == ["pass"]
    statuses, checks = run("SCH-VERANTWOORDING", entry(approach=None))
    assert statuses == ["manual"] and "wijze van benadering" in checks[0].message
    bare = ResultRow(group="clienten", service="Leerbaan", is_total=False, netto_steekproef=10, page=7)
    statuses, checks = run("SCH-VERANTWOORDING", entry(results=[bare]))
    assert statuses == ["manual"] and "aantal deelgenomen, responspercentage" in checks[0].message
    assert run("SCH-VERANTWOORDING", entry(results=[]))[0] == ["manual"]
    # The caption was found but no row could be read: unreadable, never "not in the report".
    e = entry(results=[])
    e.unreadable("results", "tabeltitel 'Tabel 1.1 Resultaten' gevonden, maar 0 rijen gelezen (OCR)", page=7)
    statuses, checks = run("SCH-VERANTWOORDING", e)
    assert statuses == ["manual"] and "0 rijen gelezen" in checks[0].message and checks[0].page == 7
    vouched = entry(results=[])
    vouched.not_found("results", "op alle pagina's van hoofdstuk 1", vouched=True, page=6)
    statuses, checks = run("SCH-VERANTWOORDING", vouched)
    assert statuses == ["fail"] and checks[0].page == 6 and checks[0].raw


@pytest.mark.parametrize("text, status", [
    ("Deelnemers kregen een sms met een link naar de online vragenlijst.", "pass"),  # a way beyond the three flags
    ("Tijdens de laatste bijeenkomst is de vragenlijst uitgereikt.", "pass"),
    ("Alle klanten zijn benaderd.", "manual"),  # that they were, not how
])
def test_verantwoording_knows_the_lexicons_ways_of_approaching(text, status):
    e = entry(approach=Approach(text=text, page=3))
    statuses, checks = run("SCH-VERANTWOORDING", e)
    assert statuses == [status]
    if status == "manual":
        assert "sms of app" in checks[0].message and text in checks[0].message


def test_unmapped_service_label_asks_for_a_person():
    e = entry(results=[row(), row("Sociale activering en participatie")])
    statuses, checks = run("SCH-PERCEEL", e)
    assert statuses == ["pass", "manual"]
    assert "Opleidingen" in checks[0].message and "'Sociale activering en participatie'" in checks[1].message


def test_exemption_uses_clms_ended_services_when_given():
    e = entry(results=[row(netto=3, ingevuld=2, pct="66,7", cijfer=6.0)])
    # netto steekproef 3 < 5, but CLMS says 12 services ended: no exemption, the norm applies.
    assert run("SCH-VRIJSTELLING", e, clms=ClmsRecord(ended={"Opleidingen": 12}))[0] == []
    assert run("SCH-NORM", e, clms=ClmsRecord(ended={"Opleidingen": 12}))[0] == ["fail"]
    statuses, checks = run("SCH-VRIJSTELLING", entry(), clms=ClmsRecord(ended={"Opleidingen": 4}))
    assert statuses == ["n/a"] and "4 beëindigde diensten volgens CLMS" in checks[0].message


def test_publication_column_is_shown_as_reported():
    statuses, checks = run("BOW-PUBLICATIE", entry(), BOW)
    assert set(statuses) == {"n/a"} and "publicatie ja" in checks[0].message


def test_decided_by_names_the_rules_that_set_the_verdict():
    c = lambda r, s: Check(rule=r, status=s, message="m")  # noqa: E731
    assert decided_by([c("A", "fail"), c("B", "manual"), c("A", "fail"), c("C", "fail")]) == ["A", "C"]
    assert decided_by([c("A", "warn"), c("B", "manual")]) == ["B"]
    assert decided_by([c("A", "warn"), c("B", "pass")]) == []


def test_low_confidence_values_never_pass_on_their_own():
    checks, verdict = evaluate(entry(confidence="low"), Context(BOW))
    assert verdict == "handmatig"
    assert not [c for c in checks if c.status == "pass"]


def test_a_perceel_code_is_read_through_the_reports_legend():
    """holdout2: 'P2 – Bouw en infra' with the legend 'P2 Functiegerichte vaardigheidstrainingen
    (per cluster)' is that perceel's cluster Bouw en infra; without the legend it is no perceel,
    and a code the legend gives another perceel is not read as this one."""
    from kto_ingest.rules.base import cluster_missing, perceel_of

    fvt = "Functiegerichte vaardigheidstrainingen"
    legend = Context(SCH, codes={"P1": "Opleidingen", "P2": fvt})
    assert perceel_of("P2 – Bouw en infra", legend) == f"{fvt}, cluster Bouw en infra"
    assert perceel_of("P1 – Opleidingen", legend) == "Opleidingen"
    assert perceel_of("P2 – Bouw en infra", Context(SCH)) is None
    assert perceel_of("P3 – Bouw en infra", legend) is None  # a code the legend does not give
    assert not cluster_missing("P2 – Bouw en infra", legend)
    ended = ClmsRecord(ended={f"{fvt}, cluster Bouw en infra": 90, f"{fvt}, cluster Zorg": 10})
    rows = [row("P2 – Bouw en infra", netto=82, ingevuld=47, pct="57,3"), row("P2 – Zorg", netto=10, ingevuld=5, pct="50,0"),
            row("Totaal", netto=92, ingevuld=52, pct="56,5", total=True)]
    for r in rows:  # the generic parser's 'benaderd' column
        r.benaderd, r.raw["benaderd"] = r.netto_steekproef, str(r.netto_steekproef)
    e = entry(results=rows, perceel_codes={"P2": fvt}, approached=None)
    with_legend = RULES["SCH-BENADERD"].fn(e, Context(SCH, clms=ended, codes={"P2": fvt}))
    without = RULES["SCH-BENADERD"].fn(e, Context(SCH, clms=ended))
    assert "fail" in [c.status for c in with_legend] and "fail" not in [c.status for c in without]
    assert any("cluster Bouw en infra: 82 benaderd" in c.message for c in with_legend)


def test_respons_printed_with_its_own_percent_sign_is_shown_with_one():
    rows = [row(pct="37,5"), row("Totaal", pct="37,5", total=True)]
    for r in rows:
        r.raw["respons_pct"] = "37,5%"
    statuses, checks = run("SCH-RESPONS", entry(results=rows))
    assert checks and all("% %" not in c.message and "%%" not in c.message for c in checks)
    assert any("respons 37,5 % bij netto steekproef" in c.message for c in checks)
