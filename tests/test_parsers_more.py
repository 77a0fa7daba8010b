"""Issue 7: the generic parser, a second bureau (Klantstem, fictitious) and jobcoaching reports."""

from __future__ import annotations

import json

from kto_ingest.cli import main
from kto_ingest.document import open_document
from kto_ingest.pipeline import Options, process_file
from kto_ingest.regime import load_regime
from parsers.jobcoaching import score

from .conftest import FIXTURES

GENERIC = FIXTURES / "generiek-ander-bureau-2021.pdf"
KLANTSTEM = FIXTURES / "klantstem-per-perceel-2021.pdf"
JOBCOACHING = FIXTURES / "jobcoaching-rapportage-2021.pdf"


def test_generic_parser_is_only_the_fallback(registry):
    with open_document(KLANTSTEM) as doc:
        parser, detections = registry.choose(doc, complete=True)
    sure = {d.parser for d in detections if d.sure_enough}
    assert {"generiek", "klantstem-uwv"} <= sure  # both recognise the table ...
    assert parser.id == "klantstem-uwv"  # ... and the vendor parser wins
    with open_document(FIXTURES / "leer-unique-2019.pdf") as doc:
        assert registry.choose(doc)[0].id == "panteia-bow"
    with open_document(GENERIC) as doc:
        assert registry.choose(doc)[0].id == "generiek"
    with open_document(KLANTSTEM) as doc:  # a sure vendor parser spares the fallback's detection
        assert "generiek" not in {d.parser for d in registry.choose(doc)[1]}


def test_generic_reads_other_wordings_and_earns_confidence_from_evidence(registry):
    entry = process_file(GENERIC, registry, Options(regime=load_regime()))
    # the table checks itself (respons = ingevuld / uitgenodigd per row, Totaal = sum, percelen as labels)
    assert entry.parser == "generiek" and entry.confidence == "high"
    rows = {r.service: r for r in entry.results}
    assert set(rows) == {"Opleidingen", "Leerbanen", "Totaal"}  # the heading after the table is not a row
    assert (rows["Leerbanen"].netto_steekproef, rows["Leerbanen"].ingevuld) == (22, 9)
    assert (rows["Leerbanen"].respons_pct, rows["Leerbanen"].rapportcijfer) == (40.9, 8.0)
    assert entry.bureau == "Meetpunt Tevredenheid" and entry.supplier == "Opleidingscentrum De Linie"
    assert entry.approach.email and entry.approach.herinnering
    norm = {c.message.split(":")[0]: c.status for c in entry.checks if c.rule == "SCH-NORM"}
    assert norm == {"Opleidingen": "pass", "Leerbanen": "pass"}  # 8,3 and 8,0 meet the norm of 8


def test_klantstem_reads_percelen_clusters_and_the_account(registry):
    entry = process_file(KLANTSTEM, registry, Options(regime=load_regime()))
    assert entry.parser == "klantstem-uwv" and entry.confidence == "high"
    rows = {r.service: r for r in entry.results}
    zorg = rows["Functiegerichte vaardigheidstrainingen – cluster Zorg en welzijn"]
    assert (zorg.beeindigd, zorg.benaderd, zorg.ingevuld, zorg.respons_pct, zorg.rapportcijfer) == (31, 31, 12, 38.7, 7.8)
    assert rows["Leerbanen"].beeindigd == 4
    assert entry.approach.telefonisch == "ja" and entry.approach.schriftelijk
    assert entry.signature.kind == "visual"
    fails = [c for c in entry.checks if c.status == "fail"]
    assert [c.rule for c in fails] == ["SCH-NORM"] and "Zorg en welzijn" in fails[0].message
    percelen = " ".join(c.message for c in entry.checks if c.rule == "SCH-PERCEEL")
    assert "cluster Techniek" in percelen and "Ervaringscertificaten" in percelen


def test_jobcoaching_report_feeds_the_jobcoaching_rules(registry):
    entry = process_file(JOBCOACHING, registry, Options(regime=load_regime()))
    jc = entry.jobcoaching
    assert entry.regime == "uwv-jobcoaching"  # chosen by the parser, since no --regime was given
    assert [p.werknemer_cijfer for p in jc.periods] == [7.0, 7.5, 5.5, 8.0, 8.0]
    assert [p.werkgever_cijfer for p in jc.periods] == [7.5, 7.0, 7.0, 8.0, 6.0]
    assert (jc.werknemer_avg, jc.werkgever_avg) == (7.2, 7.1)  # the seed's 36:5 = 7.2 and 35,5:5 = 7.1
    assert str(jc.recognition_date) == "2013-05-12"
    by_q = {a.question: a for a in jc.answers}
    assert len(jc.answers) == 11
    assert by_q["Bent u tevreden over de begeleiding van de jobcoach?"].counts == {"nee": 0, "niet helemaal": 1, "ja": 4}
    assert by_q["De werkomgeving?"].counts == {"onvoldoende": 0, "matig": 0, "voldoende": 4, "goed": 1}
    status = {c.rule: c.status for c in entry.checks}
    assert status["JC-NORM"] == status["JC-PERIODES"] == status["JC-VRAGEN"] == status["JC-MEETPERIODE"] == "pass"
    assert status["JC-ANALYSE"] == "pass"  # a recorded analysis passes (seed 001 asks that it is recorded), since 0e9bfb7


def test_explicit_regime_wins_over_the_parsers_choice(capsys):
    main([str(JOBCOACHING), "--regime", "uwv-scholing-2021", "--format", "json", "-j", "0"])
    report = json.loads(capsys.readouterr().out)["reports"][0]
    assert report["regime"] == "uwv-scholing-2021"
    assert {c["rule"] for c in report["checks"]} and all(c["rule"].startswith("SCH-") for c in report["checks"])


def test_scores_accept_a_decimal_point_only_on_the_1_to_10_scale():
    assert score("7.5") == 7.5 and score("7,5") == 7.5 and score("8") == 8.0 and score("") is None
    for bad in ("75", "0", "7.55.1", "tien"):
        try:
            score(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_explain_shows_where_the_jobcoaching_values_came_from(capsys):
    main(["explain", str(JOBCOACHING)])
    out = capsys.readouterr().out
    assert 'recognition_date = "2013-05-12"' in out and "pagina 1: 'Datum erkenning: 12-5-2013'" in out
    assert "5 jobcoachperiodes, 11 vragen met antwoordaantallen" in out
    assert '"werknemer": 7.2' in out
