"""The variety corpus itself (corpus/): the committed sample, the truth design and the scorer.

These tests check the measuring instrument, not kto-ingest's accuracy: a reader that reads
nothing still passes them. The sample lives in corpus/sample/ (not under fixtures/, which
`kto-ingest fixtures/` and the golden tests walk recursively).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import check, model, score
from corpus.styles import period_text
from kto_ingest._pymupdf import pymupdf

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "sample"
TRUTHS = sorted(SAMPLE.glob("*.truth.json"))


def _truth(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _pdf(truth_path: Path) -> Path:
    return truth_path.with_name(truth_path.name.replace(".truth.json", ".pdf"))


# ---- the sample ------------------------------------------------------------------------------
def test_sample_is_complete_and_varied():
    pdfs = sorted(SAMPLE.glob("*.pdf"))
    assert 6 <= len(pdfs) <= 10
    assert {p.name for p in pdfs} == {_truth(t)["file"] for t in TRUTHS}
    truths = [_truth(t) for t in TRUTHS]
    producers = {t["producer"] for t in truths}
    assert {"chromium", "lo-fodt", "lo-html"} <= producers
    assert any(t["kind"] == "jobcoaching" for t in truths)
    assert any(t["style"] == "veldzicht" for t in truths)  # the transposed table on a landscape page
    assert {t["verdict"] for t in truths} >= {"voldoet", "voldoet_niet", "handmatig"}
    for name in ("bureaus.toml", "clms.csv"):
        assert (SAMPLE / name).is_file()
    assert list((SAMPLE / "pki").glob("*.pem"))


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name)
def test_producer_is_what_the_truth_says(truth_path):
    t = _truth(truth_path)
    with pymupdf.open(_pdf(truth_path)) as doc:
        producer = doc.metadata.get("producer") or ""
        creator = doc.metadata.get("creator") or ""
    expected = {"chromium": "Skia/PDF", "lo-fodt": "LibreOffice", "lo-html": "LibreOffice", "reportlab": "ReportLab"}[t["producer"]]
    assert expected.casefold() in (producer + " " + creator).casefold(), (producer, creator)
    if t["producer"] == "chromium":
        assert "HeadlessChrome" in creator


def test_transposed_table_is_on_a_landscape_page():
    t = next(p for p in TRUTHS if _truth(p)["style"] == "veldzicht")
    with pymupdf.open(_pdf(t)) as doc:
        landscape = [p for p in doc if p.rect.width > p.rect.height]
        assert landscape and "Gemiddeld" in landscape[0].get_text()
        label = _truth(t)["fields"]["results"][0]["service"]
        assert label.split()[0] in landscape[0].get_text()


def test_table_of_the_fodt_report_runs_over_two_pages():
    t = next(p for p in TRUTHS if _truth(p)["style"] == "kompaspunt")
    rows = _truth(t)["fields"]["results"]
    with pymupdf.open(_pdf(t)) as doc:
        caption_page = next(p.number for p in doc if "Tabel 1 Benaderd" in p.get_text())
        total_page = max(p.number for p in doc if re.search(r"^Totaal$", p.get_text(), re.M))
    assert total_page == caption_page + 1
    assert rows[-1]["service"] == "Totaal" and rows[-1]["is_total"]


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name)
def test_truth_values_are_printed_and_consistent(truth_path):
    assert check.problems(_truth(truth_path), _pdf(truth_path)) == []


def test_check_finds_a_value_that_is_not_printed():
    t = next(_truth(p) for p in TRUTHS if _truth(p)["kind"] == "scholing")
    t["fields"]["results"][0]["respons_pct"] += 0.3
    t["fields"]["supplier"] = "Een Andere Leverancier"
    found = check.problems(t, SAMPLE / t["file"])
    assert any("supplier" in p for p in found) and any("respons" in p for p in found)
    jc = next(_truth(p) for p in TRUTHS if _truth(p)["kind"] == "jobcoaching")
    jc["fields"]["jobcoaching"]["analysis_present"] = not jc["fields"]["jobcoaching"]["analysis_present"]
    jc["producer"] = "lo-fodt" if jc["producer"] != "lo-fodt" else "chromium"
    found = check.problems(jc, SAMPLE / jc["file"])
    assert any("analysis" in p for p in found) and any("producer" in p for p in found)


def test_register_and_clms_load_with_kto_ingests_own_loaders():
    from kto_ingest.bureaus import load_register
    from kto_ingest.clms import load_clms

    register = load_register(SAMPLE / "bureaus.toml")
    members = {b.naam for b in register.bureau if b.status == "lid"}
    export = load_clms(SAMPLE / "clms.csv")
    for tp in TRUTHS:
        t = _truth(tp)
        record = export.lookup(t["file"], None)
        assert record is not None and record.received == dt.date.fromisoformat(t["received"])
        if t["kind"] == "scholing":
            assert t["fields"]["bureau"] in members
            assert set(record.ended) and all(v > 0 for v in record.ended.values())


# ---- the truth design (seeds 000 and 001) ------------------------------------------------------
def _scholing(scenario: str, seed: int = 1) -> model.ScholingSpec:
    rng = random.Random(seed)
    return model.scholing_spec(rng, "t", "Bureau", scenario, lambda p, c: f"{p} – cluster {c}" if c else p, "Leverancier X")


def test_verdict_design_scholing():
    verdict, why = model.scholing_verdict(_scholing("compliant"))
    assert verdict == "handmatig" and [w["rule"] for w in why] == ["SCH-RESPONS"]  # the Richtlijn is not public
    s = _scholing("compliant")
    s.rows[0].cijfer = 7.6
    verdict, why = model.scholing_verdict(s)
    assert verdict == "voldoet_niet" and any(w["rule"] == "SCH-NORM" and "7,6" in w["reason"] for w in why)
    s = _scholing("compliant")
    s.rows[0].beeindigd = s.rows[0].benaderd = 4
    s.clms_ended[s.rows[0].perceel] = 4
    s.rows[0].cijfer = 6.0  # below the norm but eligible for exemption: a person decides
    verdict, why = model.scholing_verdict(s)
    assert verdict == "handmatig" and "SCH-VRIJSTELLING" in {w["rule"] for w in why}
    assert model.scholing_verdict(_scholing("visual_only"))[0] == "handmatig"
    for scenario, rule in (("concept", "SCH-DEFINITIEF"), ("unsigned", "SCH-ONDERTEKEND"), ("late", "SCH-TIJDIG"),
                           ("wrong_meetperiode", "SCH-MEETPERIODE"), ("no_method", "SCH-VERANTWOORDING"),
                           ("benaderd_mismatch", "SCH-BENADERD"), ("norm_missed", "SCH-NORM")):
        verdict, why = model.scholing_verdict(_scholing(scenario))
        assert verdict == "voldoet_niet" and rule in {w["rule"] for w in why}, scenario


def test_verdict_design_jobcoaching():
    def spec(scenario):
        return model.jobcoach_spec(random.Random(3), "t", "Org", scenario)

    assert model.jobcoach_verdict(spec("compliant")) == ("voldoet", [])
    for scenario, rule in (("norm_missed", "JC-NORM"), ("no_analysis", "JC-ANALYSE"), ("late", "JC-TIJDIG"),
                           ("wrong_meetperiode", "JC-MEETPERIODE"), ("average_wrong", "JC-PERIODES")):
        verdict, why = model.jobcoach_verdict(spec(scenario))
        assert verdict == "voldoet_niet" and rule in {w["rule"] for w in why}, scenario
    s = spec("compliant")
    assert s.meet_start == s.recognition.replace(year=2020) and s.meet_end == s.meet_start.replace(year=2021)


def test_period_wordings():
    a, b = dt.date(2021, 1, 1), dt.date(2021, 12, 31)
    assert period_text(a, b, "calendar") == "kalenderjaar 2021"
    assert period_text(a, b, "months") == "januari tot en met december 2021"
    assert period_text(a, b, "dash_short") == "1 januari – 31 december 2021"
    assert period_text(a, b, "dmy_tot") == "01-01-2021 tot en met 31-12-2021"
    assert period_text(dt.date(2020, 9, 1), dt.date(2021, 8, 31), "calendar") == "1 september 2020 t/m 31 augustus 2021"


# ---- the scorer ------------------------------------------------------------------------------
def test_compare_fields():
    assert score.compare(42.7, 42.7) and score.compare(8, 8.0) and score.compare(None, None)
    assert not score.compare(42.7, 42.66) and not score.compare(42.7, 43) and not score.compare(8.0, None)
    assert not score.compare(None, 0) and not score.compare(0, None) and not score.compare(True, 1)
    assert score.compare("2021-01-01", "2021-01-01") and not score.compare("2021-01-01", "2021-1-1")
    assert score.compare("Functiegerichte vaardigheidstrainingen – cluster Zorg en welzijn",
                         "functiegerichte  vaardigheidstrainingen - cluster\nzorg en welzijn")
    assert not score.compare("Meridiaan Onderzoek B.V.", "Meridiaan Onderzoek")
    assert score.compare({"ja": 3, "nee": 1}, {"nee": 1, "ja": 3}) and not score.compare({"ja": 3, "nee": 1}, {"ja": 3})


def _made_up_truth(file="a.pdf", verdict="handmatig"):
    return {"family": "dev", "file": file, "producer": "chromium", "style": "x", "kind": "scholing", "verdict": verdict,
            "fields": {"bureau": "Bureau B", "supplier": "Lev", "report_date": "2022-02-01", "final": True,
                       "meetperiode": {"start": "2021-01-01", "end": "2021-12-31"},
                       "results": [{"service": "Opleidingen", "is_total": False, "netto_steekproef": 10, "ingevuld": 4,
                                    "respons_pct": 40.0, "rapportcijfer": 8.2},
                                   {"service": "Leerbanen", "is_total": False, "netto_steekproef": 3, "ingevuld": 0,
                                    "respons_pct": 0.0, "rapportcijfer": None}]}}


def _made_up_entry(file="a.pdf", verdict="handmatig", **changes):
    entry = {"file": f"dir/{file}", "status": "parsed", "bureau": "BUREAU  B", "supplier": "Lev", "report_date": "2022-02-01",
             "final": True, "meetperiode": {"start": "2021-01-01", "end": "2021-12-31"}, "verdict": verdict,
             "results": [{"service": "Opleidingen", "netto_steekproef": 10, "ingevuld": 4, "respons_pct": 40.0, "rapportcijfer": 8.2},
                         {"service": "Leerbanen", "netto_steekproef": 3, "ingevuld": 0, "respons_pct": 0.0, "rapportcijfer": None}]}
    entry.update(changes)
    return entry


def test_score_counts_right_and_wrong_fields():
    right = score.score([_made_up_truth()], {"reports": [_made_up_entry()]})
    n = right["overall"]["fields"]
    assert n == 6 + 2 * 5  # bureau, supplier, report_date, final, meetperiode start and end; per row the label and four numbers
    assert right["overall"]["fields_right"] == n and right["overall"]["fully_read"] == 1
    assert right["overall"]["verdicts_right"] == 1 and right["mismatches"] == []

    rows = _made_up_entry()["results"]
    rows[0] = dict(rows[0], rapportcijfer=7.9)
    wrong = score.score([_made_up_truth()], {"reports": [_made_up_entry(results=rows, verdict="voldoet_niet")]})
    o = wrong["overall"]
    assert o["fields_right"] == n - 1 and o["fully_read"] == 0 and o["verdicts_right"] == 0 and o["false_voldoet_niet"] == 1
    assert {(m["field"], m["expected"], m["got"]) for m in wrong["mismatches"]} == {
        ("results[Opleidingen].rapportcijfer", 8.2, 7.9), ("verdict", "handmatig", "voldoet_niet")}


def test_score_voldoet_niet_for_the_wrong_rule_is_not_right_with_rules():
    truth = _made_up_truth(verdict="voldoet_niet")
    truth["decided_by"] = [{"rule": "SCH-NORM", "outcome": "fail", "reason": "7,6 onder 8"}]
    wrong_rule = score.score([truth], {"reports": [_made_up_entry(verdict="voldoet_niet", decided_by=["SCH-MEETPERIODE"])]})
    assert wrong_rule["overall"]["verdicts_right"] == 1 and wrong_rule["overall"]["verdicts_right_with_rules"] == 0
    assert any(m["field"] == "decided_by" for m in wrong_rule["mismatches"])
    right_rule = score.score([truth], {"reports": [_made_up_entry(verdict="voldoet_niet", decided_by=["SCH-NORM"])]})
    assert right_rule["overall"]["verdicts_right_with_rules"] == 1 and right_rule["mismatches"] == []


def test_score_extra_rows_missing_reports_and_errors():
    extra = _made_up_entry()
    extra["results"] = extra["results"] + [{"service": "Jobcoaching", "netto_steekproef": 1}]
    s = score.score([_made_up_truth()], {"reports": [extra]})
    assert s["overall"]["fields_right"] == s["overall"]["fields"] and s["overall"]["fully_read"] == 0
    assert any(m["got"] == "extra row" for m in s["mismatches"])

    s = score.score([_made_up_truth("a.pdf"), _made_up_truth("b.pdf", "voldoet_niet")],
                    {"reports": [{"file": "b.pdf", "status": "error", "error": {"code": "unsupported_layout"}, "verdict": None}]})
    assert s["overall"]["reports"] == 2 and s["overall"]["verdicts_right"] == 0
    # nothing read: every field wrong, even Leerbanen's score whose truth is null
    assert s["overall"]["fields_right"] == 0
    assert {r["error"] for r in s["reports"]} == {"not in output", "unsupported_layout"}


def test_score_cli_from_json(tmp_path):
    t = _truth(TRUTHS[0])
    out = {"reports": [{"file": t["file"], "status": "parsed", "verdict": t["verdict"], **t["fields"]}]}
    if "results" in t["fields"]:
        out["reports"][0]["results"] = [dict(r) for r in t["fields"]["results"]]
    if "jobcoaching" in t["fields"]:  # kto-ingest gives the analysis text, the truth only whether it is there
        jc = dict(t["fields"]["jobcoaching"])
        jc["analysis"] = "Conclusie: tevreden." if jc.pop("analysis_present") else None
        out["reports"][0]["jobcoaching"] = jc
    src = tmp_path / "kto.json"
    src.write_text(json.dumps(out), encoding="utf-8")
    target = tmp_path / "scores.json"
    proc = subprocess.run([sys.executable, "-m", "corpus.score", str(SAMPLE), "--from-json", str(src), "--json", str(target)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(target.read_text(encoding="utf-8"))
    assert scores["overall"]["reports"] == len(TRUTHS)
    first = next(r for r in scores["reports"] if r["file"] == t["file"])
    assert first["fields_right"] == first["fields"] and first["verdict"] == t["verdict"]
    assert "Per producent" in proc.stdout
    bad = subprocess.run([sys.executable, "-m", "corpus.score", str(tmp_path / "nope")], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode != 0


def test_score_runs_kto_ingest_on_the_sample(tmp_path):
    """End to end with the real CLI (once over the sample folder); asserts that every report is
    scored, not how much kto-ingest reads."""
    target = tmp_path / "scores.json"
    proc = subprocess.run([sys.executable, "-m", "corpus.score", str(SAMPLE), "--json", str(target)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(target.read_text(encoding="utf-8"))
    assert {r["file"] for r in scores["reports"]} == {_truth(t)["file"] for t in TRUTHS}


def test_signed_reports_chain_to_the_sample_ca_with_the_bureau_as_organisation():
    from kto_ingest.document import open_document
    from kto_ingest.signature import inspect_signature, load_trust

    trust = load_trust(SAMPLE / "pki")
    signed = [t for t in map(_truth, TRUTHS) if t["signature"] == "digital"]
    assert signed
    for t in signed:
        sig = inspect_signature(open_document(SAMPLE / t["file"]), trust)
        assert sig.kind == "digital" and sig.intact is True and sig.trusted is True, t["file"]
        assert sig.signer_organisation == t["organisation"] == t["fields"]["bureau"]


# ---- the families made by an author who did not build the reader (holdout2 to holdout11) ---------
def test_blind_families_are_selectable_and_all_stays_dev_and_holdout():
    from corpus import generate

    assert generate.FAMILY_SETS["all"] == ["dev", "holdout"]
    assert generate.FAMILY_SETS["blind"] == ["holdout9"]
    for family in ("holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9", "holdout10",
                   "holdout11"):
        mod = __import__(f"corpus.{generate.FAMILY_MODULES[family]}", fromlist=["x"])
        styles = mod.SCHOLING_STYLES + mod.JOBCOACH_STYLES
        assert len(mod.SCHOLING_STYLES) >= 4 and len(mod.JOBCOACH_STYLES) >= 2
        assert {s.producer for s in styles} == {"chromium", "lo-fodt", "lo-html", "reportlab"}
        plan = generate._plan(generate.FAMILY_MODULES[family], family, 2021)
        assert 16 <= len(plan) <= 36
        # every scenario of both kinds occurs in the family
        assert {sc for _st, sc, _i in plan} == set(model.SCHOLING_SCENARIOS) | set(model.JC_SCENARIOS)


def test_a_merged_body_cell_spans_its_rows_in_every_producer(tmp_path):
    """A perceel cell merged over its cluster rows (Span in a table body, holdout10): HTML gets a rowspan
    and leaves the covered cells out, flat ODF a spanned cell with covered cells, reportlab prints the
    perceel once with the clusters next to it."""
    from corpus import render

    body = [[render.Span("Opleidingen", cols=2), "12"],
            [render.Span("Functiegerichte vaardigheidstrainingen", rows=2), "Techniek", "7"],
            ["Logistiek", "5"]]
    t = render.Table(header=[["Perceel", "Cluster", "Aantal"]], body=body, widths=[2, 1, 1])
    html = render.to_html(render.Doc([t]))
    assert 'rowspan="2"' in html and 'colspan="2"' in html
    assert html.count("<tr>") == 4 and re.search(r"<tr><td[^>]*>Logistiek</td><td[^>]*>5</td></tr>", html)
    fodt = render.to_fodt(render.Doc([t]))
    assert 'table:number-rows-spanned="2"' in fodt and 'table:number-columns-spanned="2"' in fodt
    assert fodt.count("<table:covered-table-cell/>") == 2
    pdf = tmp_path / "t.pdf"
    render.reportlab_pdf(render.Doc([t]), pdf)
    with pymupdf.open(pdf) as doc:
        text = doc[0].get_text()
    assert text.count("Functiegerichte") == 1 and "Techniek" in text and "Logistiek" in text
    # a body without merged cells is written cell by cell as before
    plain = render.Table(header=[["a", "b"]], body=[["x", "1"]])
    assert "rowspan" not in render.to_html(render.Doc([plain])) and "covered" not in render.to_fodt(render.Doc([plain]))


def test_whole_percent_respons_is_the_printed_value():
    row = model.Row("Opleidingen", "Opleidingen", 58, 58, 22, 8.3)
    assert row.respons == 37.9 and model.respons_printed(row, 0) == 38.0 and model.respons_printed(row, 1) == 37.9
    assert check.respons_forms(38.0) == ["38,0", "38 %", "38%"] and check.respons_forms(37.9) == ["37,9"]


def test_two_decimal_respons_is_the_printed_value():
    """A spreadsheet's respons with two decimals: the truth holds that value, and check accepts only it."""
    row = model.Row("Opleidingen", "Opleidingen", 58, 58, 22, 8.3)
    assert model.respons_printed(row, 2) == 37.93 and model.respons_printed(row, 1) == 37.9
    assert check.respons_forms(37.93) == ["37,93"]
    half = model.Row("Leerbanen", "Leerbanen", 8, 8, 3, 8.1)  # 37.5 exactly: two decimals print '37,50'
    assert model.respons_printed(half, 2) == 37.5 and "37,5" in check.respons_forms(37.5)


def test_header_grid_expands_spans():
    from corpus.render import Span, header_grid

    grid = header_grid([[Span("Perceel", rows=2), Span("Respons", cols=2), "Cijfer"], ["aantal", "%"]], 4)
    assert [[c if c is None or isinstance(c, str) else c.text for c in row] for row in grid] == [
        ["Perceel", "Respons", None, "Cijfer"], [None, "aantal", "%", None]]


@pytest.mark.parametrize("family,style", [("holdout2", "panorama"), ("holdout3", "lindeboom"), ("holdout4", "scherpzicht"),
                                          ("holdout5", "klantspiegel"), ("holdout5", "stapsteen"),
                                          ("holdout6", "klankbord"), ("holdout7", "vierkant"), ("holdout8", "cijferwerk"),
                                          ("holdout9", "telwerk"), ("holdout10", "rijckevorsel"), ("holdout11", "monitorpunt")])
def test_a_blind_family_report_is_sound(tmp_path, family, style):
    """One reportlab report of each blind family (cheap: no Chromium, no LibreOffice): generated, and
    its truth is printed and consistent (corpus.check). kto-ingest is not run on it."""
    from corpus import generate

    written = generate.generate_family(tmp_path, family, only=style, limit=1, verbose=False)
    assert len(written) == 1
    folder = tmp_path / family
    truth = _truth(next(folder.glob("*.truth.json")))
    assert truth["family"] == family and truth["producer"] == "reportlab" and truth["scenario"] == "compliant"
    assert check.problems(truth, written[0]) == []
    assert (folder / "bureaus.toml").is_file() and (folder / "clms.csv").is_file() and list((folder / "pki").glob("*.pem"))
    broken = json.loads(json.dumps(truth))
    broken["fields"]["meetperiode"]["start"] = "2021-02-01"
    assert any("meetperiode" in p for p in check.problems(broken, written[0]))


def test_a_blind_family_libreoffice_report_is_sound(tmp_path):
    """One LibreOffice .fodt report with a running header/footer, a table split by hand into two
    tables and only horizontal rules; skipped where LibreOffice is missing."""
    import shutil

    if not shutil.which("soffice"):
        pytest.skip("no LibreOffice on this machine")
    from corpus import generate

    written = generate.generate_family(tmp_path, "holdout2", only="peilingpraktijk", limit=1, verbose=False)
    truth = _truth(next((tmp_path / "holdout2").glob("*.truth.json")))
    assert check.problems(truth, written[0]) == []
    with pymupdf.open(written[0]) as doc:
        pages = [p.get_text() for p in doc]
    assert all(f"pagina {n} van {len(pages)}" in t for n, t in enumerate(pages, 1))
    assert any("Tabel 3.1 (vervolg)" in t for t in pages)


def test_a_split_table_keeps_its_header_on_the_captions_page(tmp_path):
    """A style that needs its table over two pages and names a header line (Built.split_head) gets a
    table that begins on its caption's page and goes on on the next one, not one that left its caption
    behind; skipped where LibreOffice is missing."""
    import random
    import shutil

    if not shutil.which("soffice"):
        pytest.skip("no LibreOffice on this machine")
    from corpus import generate
    from corpus.render import Doc, Para, Table
    from corpus.styles import Built, Style

    class Split(Style):
        key, producer = "split", "lo-fodt"

        def build(self, spec, rng, pad=0):
            # 54 lines put the caption at the foot of page 1: padded without split_head, the table moves whole to page 2
            lines = [Para("\n".join(f"regel {k}" for k in range(pad + 54)))]
            body = [[f"Onderdeel {k}", str(k)] for k in range(1, 7)] + [["Totaal", "21"]]
            table = Table(header=[["Onderdeel", "Kop B"]], body=body, caption="Tabel 9 Proef", widths=[3, 1])
            return Built(Doc([Para("Proef", "h1"), *lines, table]), split_check="Totaal", split_head="Kop B")

    pdf = tmp_path / "split.pdf"
    generate._produce_split(Split(), None, "seed", pdf, tmp_path / "work")
    cap, head, total = generate._find(pdf, "Tabel 9 Proef"), generate._find(pdf, "Kop B"), generate._find(pdf, "Totaal", last=True)
    assert cap[0] == head[0] < total[0]
    with pymupdf.open(pdf) as doc:
        assert "Onderdeel 1" in doc[cap[0]].get_text() and "Kop B" in doc[total[0]].get_text()  # header repeated


def test_renderer_footnotes_columns_contents_and_bars():
    """The generic blocks added for holdout4: a real footnote and a column section in .fodt, a
    contents line with a dot-leader tab stop, a bar cell drawn in HTML with its value beside it and
    printed as plain text by the other producers."""
    from corpus.render import Bar, Columns, Doc, Para, Table, to_fodt, to_html

    doc = Doc([Para("Inhoud 1\t3", "toc"), Columns([Para("Tekst", notes=("Een voetnoot.",))]),
               Table(header=[["Perceel", "Cijfer"]], body=[["Opleidingen", Bar(8.4, 10, "8,4")]])])
    fodt = to_fodt(doc)
    assert '<text:note text:id="ftn1" text:note-class="footnote">' in fodt and "Een voetnoot." in fodt
    assert 'fo:column-count="2"' in fodt and "<text:section " in fodt
    assert "Inhoud 1<text:tab/>3" in fodt and 'style:leader-text="."' in fodt
    assert ">8,4<" in fodt
    html = to_html(doc)
    assert "width:84%" in html and "<span>8,4</span>" in html and "column-count:2" in html and "<sup>1</sup>" in html


def test_renderer_header_cell_widths():
    """head_widths (added for holdout5): the widths go on the first header row's cells instead of
    <col> elements, so that LibreOffice's HTML import sizes the columns by them; a spanning cell gets
    none. Without it the table is written as before."""
    from corpus.render import Span, Table, _html_table

    t = Table(header=[[Span("Perceel", rows=2), Span("Respons", cols=2)], ["n", "%"]], body=[["Opleidingen", "3", "30,0"]],
              widths=[2, 1, 1], head_widths=True)
    html = _html_table(t, for_lo=True)
    assert "<col " not in html and 'rowspan="2" width="50%"' in html and 'colspan="2" align="center"' in html
    assert 'width="25%"' not in html.split("<tbody>")[0].split("</tr>")[0]
    plain = _html_table(Table(header=[["Perceel", "n"]], body=[["Opleidingen", "3"]], widths=[3, 1]), for_lo=True)
    assert '<col width="75%">' in plain and "<th style=\"border:0.6pt solid #222\">Perceel</th>" in plain


def test_latex_writer_escapes_specials_and_prints_a_spanned_table(tmp_path):
    """corpus.reprint --producer latex: to_latex escapes LaTeX's special characters, keeps Dutch ones,
    writes a spanning header cell as \\multicolumn and a cell over rows as its text in its first row;
    with pdflatex at hand (CI machines have no texlive) the PDF's text holds every cell."""
    import shutil

    from corpus import render

    t = render.Table(header=[[render.Span("Perceel", rows=2), render.Span("Respons", cols=2)], ["n", "%"]],
                     body=[[render.Span("Opleidingen & co", rows=2), "12", "41,7"], ["9", "50,0"], ["Totaal_1", "21", "45,5"]],
                     widths=[2, 1, 1], caption="Tabel 2.1 Respons 50% $ #_ {x} ~ ^ \\ – ë é ’")
    tex = render.to_latex(render.Doc([render.Para("Scholing t/m 31-12-2021: ’t Is 100% & meer"), t]))
    assert r"Respons 50\% \$ \#\_ \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{} – ë é ’" in tex
    assert r"100\% \& meer" in tex and r"Totaal\_1" in tex
    assert r"{[}1{]} bron" in render.to_latex(render.Doc([render.Para("[1] bron")]))  # not an optional argument of \\
    assert r"\multicolumn{2}" in tex and r"\textbf{Respons}" in tex and r"\begin{longtable}" in tex
    assert r"Opleidingen \& co & 12 & 41,7 \\" in tex and "\n & 9 & 50,0 \\\\" in tex  # text in the first of its rows
    assert r"\hline" in tex and r"\toprule" not in tex  # ruled: bars and \hline
    assert r"\toprule" in render.to_latex(render.Doc([render.Table(header=[["a"]], body=[["b"]], ruled=False)]))
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex (texlive) is not installed")
    pdf = tmp_path / "t.pdf"
    render.produce(render.Doc([t], title="Proef"), "latex", pdf, tmp_path / "work")
    with pymupdf.open(pdf) as doc:
        assert "pdfTeX" in doc.metadata["producer"]
        words = [w[4] for w in doc[0].get_text("words")]
    for cell in ("Perceel", "Respons", "n", "%", "Opleidingen", "12", "41,7", "9", "50,0", "Totaal_1", "21", "45,5", "#_", "ë"):
        assert cell in words, cell
