"""Issue 18: a draft decision letter per report, as .docx (opened here with python-docx) and as text
in the HTML report; wording from a per-regime template kept as data."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from kto_ingest import letters
from kto_ingest.cli import main
from kto_ingest.letters import LetterTemplateError, build_letter, letter_name, load_template, to_docx, write_letters
from kto_ingest.report_html import to_html
from kto_ingest.rules import RULES
from kto_ingest.schema import BatchResult, Check, ReportEntry

from .conftest import FIXTURES


def paragraphs(path_or_bytes) -> list[tuple[str, str]]:
    source = path_or_bytes if isinstance(path_or_bytes, Path) else __import__("io").BytesIO(path_or_bytes)
    return [(p.style.name, p.text) for p in docx.Document(source).paragraphs]


def section(paras: list[tuple[str, str]], heading: str) -> list[str]:
    """The bullet items under ``heading`` (up to the next heading)."""
    out, inside = [], False
    for style, text in paras:
        if style.startswith("Heading"):
            inside = text == heading
        elif inside and style == "List Bullet":
            out.append(text)
    return out


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("brieven")
    inputs = tmp / "in"
    inputs.mkdir()
    for name in ("leer-unique-2019.pdf", "jobcoaching-rapportage-2021.pdf", "klantstem-per-perceel-2021.pdf"):
        shutil.copy(FIXTURES / name, inputs / name)
    (inputs / "kapot.pdf").write_bytes(b"geen pdf")
    out = tmp / "brieven"
    code = main([str(inputs), "--jobs", "0", "--brieven", str(out), "--output", str(tmp / "r.json")])
    assert code in (1, 3)
    return json.loads((tmp / "r.json").read_text("utf-8")), out


def test_one_letter_per_report_with_every_finding_in_its_place(run):
    result, out = run
    assert sorted(p.name for p in out.iterdir()) == sorted(
        letter_name(r["file"]) for r in result["reports"]) and len(result["reports"]) == 4
    checked = [r for r in result["reports"] if r["status"] == "parsed"]
    assert checked
    for r in checked:
        paras = paragraphs(out / letter_name(r["file"]))
        text = "\n".join(t for _, t in paras)
        assert f"({r['regime']})" in text  # against which regeling
        where = {"pass": "Wat voldoet aan de eisen", "fail": "Wat niet voldoet aan de eisen",
                 "manual": "Wat wij nog nagaan", "warn": "Wat wij nog nagaan"}
        for c in r["checks"]:
            if c["status"] not in where:
                continue
            expected = f"{RULES[c['rule']].title}: {c['message']}" + (f" (pagina {c['page']})" if c["page"] else "")
            assert expected in section(paras, where[c["status"]]), (r["file"], c)
        if r["supplier"]:
            assert r["supplier"] in text


def test_letter_names_the_regime_and_concludes_by_verdict(run):
    result, out = run
    leer = next(r for r in result["reports"] if r["file"].endswith("leer-unique-2019.pdf"))
    text = "\n".join(t for _, t in paragraphs(out / "leer-unique-2019 - conceptbrief.docx"))
    assert "UWV scholingsdiensten 2021 (uwv-scholing-2021)" in text
    assert leer["verdict"] == "voldoet_niet" and "voldoet niet aan alle eisen" in text
    assert "CONCEPT" in text and "[naam accounthouder]" in text
    jc = next(r for r in result["reports"] if r["file"].endswith("jobcoaching-rapportage-2021.pdf"))
    jc_text = "\n".join(t for _, t in paragraphs(out / "jobcoaching-rapportage-2021 - conceptbrief.docx"))
    assert jc["regime"] == "uwv-jobcoaching" and "(uwv-jobcoaching)" in jc_text and "Erkenningskader" in jc_text


def test_unreadable_file_gets_a_letter_asking_for_a_readable_pdf(run):
    result, out = run
    bad = next(r for r in result["reports"] if r["file"].endswith("kapot.pdf"))
    text = "\n".join(t for _, t in paragraphs(out / "kapot - conceptbrief.docx"))
    assert bad["error"]["message"] in text and "leesbare" in text
    assert "Wat voldoet" not in text


def _entry(**kw) -> ReportEntry:
    base = dict(file="map/rapport.pdf", sha256="0" * 64, status="parsed", regime="uwv-scholing-2021", verdict="voldoet_niet",
                supplier="Leverancier", bureau="Panteia", checks=[])
    return ReportEntry(**{**base, **kw})


def test_what_the_supplier_can_do_exemption_and_respons_account():
    e = _entry(checks=[
        Check(rule="SCH-VRIJSTELLING", status="n/a", page=7, message="Leerbanen (perceel Leerbanen): 3 netto steekproef, minder dan 5; "
              "de leverancier kan voor dit perceel/cluster vrijstelling aanvragen."),
        Check(rule="SCH-RESPONS", status="fail", page=7, message="Opleidingen: respons 4,0 % haalt de eis van 30 % niet."),
        Check(rule="SCH-NORM", status="pass", page=7, message="Opleidingen: rapportcijfer 8,1 haalt de norm 8,0."),
    ])
    paras = paragraphs(to_docx(build_letter(e, "uwv-scholing-2021", today=dt.date(2026, 11, 23))))
    actions = section(paras, "Wat u kunt doen")
    assert len(actions) == 2
    assert "verzoek indienen voor vrijstelling" in actions[0] and "3 netto steekproef, minder dan 5" in actions[0] and "(pagina 7)" in actions[0]
    assert "hoe vaak en op welke wijze klanten zijn benaderd" in actions[1] and "4,0 %" in actions[1]
    assert section(paras, "Wat voldoet aan de eisen") == [
        "Gemiddeld rapportcijfer per perceel/cluster minimaal de norm: Opleidingen: rapportcijfer 8,1 haalt de norm 8,0. (pagina 7)"]
    assert ("Normal", "23-11-2026") in paras
    # no action without a matching finding
    plain = paragraphs(to_docx(build_letter(_entry(verdict="voldoet", checks=[e.checks[2]]), "uwv-scholing-2021")))
    assert section(plain, "Wat u kunt doen") == [] and not any(t == "Wat u kunt doen" for _, t in plain)


HOSTILE_SUPPLIER = '=HYPERLINK("http://aanvaller.example/x","Klik hier")'
HOSTILE_BUREAU = "<script>alert('x')</script> & Co"


def test_formula_and_markup_stay_plain_text_in_docx_and_html(tmp_path):
    e = _entry(supplier=HOSTILE_SUPPLIER, bureau=HOSTILE_BUREAU, file="../../{leverancier}<b>.pdf",
               checks=[Check(rule="SCH-BUREAU", status="manual", message=f"Onderzoeksbureau '{HOSTILE_BUREAU}' staat niet in het register.")])
    [path] = write_letters(BatchResult(version="t", regime="uwv-scholing-2021", reports=[e]), tmp_path)
    assert path.parent == tmp_path and path.name == "leverancier_b - conceptbrief.docx"
    text = "\n".join(t for _, t in paragraphs(path))
    assert HOSTILE_SUPPLIER in text and HOSTILE_BUREAU in text
    assert "{leverancier}<b>.pdf" in text  # the file name is not filled in again
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    for field in ("w:fldSimple", "w:instrText", "w:fldChar", "w:hyperlink"):
        assert field not in xml
    assert "&lt;script&gt;" in xml and "<script>" not in xml
    html = to_html(BatchResult(version="t", regime="uwv-scholing-2021", reports=[e]), images=False)
    assert "Conceptbrief aan de leverancier" in html
    assert "<script>" not in html and "&lt;script&gt;alert" in html and "=HYPERLINK(&quot;http" in html


def test_html_report_holds_the_letter_text():
    e = _entry(checks=[Check(rule="SCH-NORM", status="fail", page=3, message="Opleidingen: rapportcijfer 7,2 is lager dan de norm 8,0.")])
    html = to_html(BatchResult(version="t", regime="uwv-scholing-2021", reports=[e]), images=False)
    assert ("Gemiddeld rapportcijfer per perceel/cluster minimaal de norm: Opleidingen: rapportcijfer 7,2 is lager dan de norm 8,0. "
            "(pagina 3)") in html


def test_file_names_are_safe_and_unique(tmp_path):
    assert letter_name("../../etc/passwd.pdf") == "passwd - conceptbrief.docx"
    assert letter_name("C:\\rapporten\\CON.pdf") == "brief CON - conceptbrief.docx"
    assert letter_name("...pdf") == "rapport - conceptbrief.docx"
    assert letter_name("a:b*c?.PDF") == "a_b_c - conceptbrief.docx"
    assert len(letter_name("x" * 400 + ".pdf")) <= 100 + len(" - conceptbrief.docx")
    reports = [_entry(file="a/x.pdf"), _entry(file="b/x.pdf"), _entry(file="c/X.pdf")]
    names = [p.name for p in write_letters(BatchResult(version="t", regime="uwv-scholing-2021", reports=reports), tmp_path)]
    assert names == ["x - conceptbrief.docx", "x (2) - conceptbrief.docx", "X (3) - conceptbrief.docx"]


def test_every_regime_has_a_valid_template_and_wording_is_data(tmp_path, monkeypatch):
    from kto_ingest.regime import builtin_names

    for name in builtin_names():
        load_template(name)
    own = tmp_path / "sjablonen"
    own.mkdir()
    text = (Path(letters.__file__).parent / "brieven" / "uwv-scholing-2021.toml").read_text("utf-8")
    (own / "uwv-scholing-2021.toml").write_text(text.replace("Geachte heer, mevrouw,", "Beste {leverancier},"), "utf-8")
    monkeypatch.setattr(letters, "template_folder", own)
    paras = paragraphs(to_docx(build_letter(_entry(), "uwv-scholing-2021")))
    assert ("Normal", "Beste Leverancier,") in paras
    (own / "uwv-scholing-2021.toml").write_text(text.replace("Geachte heer, mevrouw,", "Beste {klant},"), "utf-8")
    with pytest.raises(LetterTemplateError, match=r"onbekende invulvelden: \{klant\}"):
        load_template("uwv-scholing-2021")


def test_letters_folder_that_is_a_file_is_a_usage_error(tmp_path, capsys):
    afile = tmp_path / "brieven"
    afile.write_text("x")
    assert main([str(FIXTURES / "leer-unique-2019.pdf"), "--brieven", str(afile), "--jobs", "0"]) == 2
    assert "geen map" in capsys.readouterr().err and afile.read_text() == "x"


def test_settings_name_the_teams_own_templates(tmp_path, capsys):
    own = tmp_path / "sjablonen"
    own.mkdir()
    text = (Path(letters.__file__).parent / "brieven" / "uwv-scholing-2021.toml").read_text("utf-8")
    (own / "uwv-scholing-2021.toml").write_text(text.replace("Met vriendelijke groet,", "Hoogachtend,"), "utf-8")
    settings = tmp_path / "kto-ingest.toml"
    settings.write_text('brieven = "sjablonen"\n', "utf-8")
    pdf = str(FIXTURES / "leer-unique-2019.pdf")
    assert main([pdf, "--jobs", "0", "--instellingen", str(settings), "--brieven", str(tmp_path / "a"), "-o", str(tmp_path / "r.json")]) == 1
    assert ("Normal", "Hoogachtend,") in paragraphs(tmp_path / "a" / "leer-unique-2019 - conceptbrief.docx")
    # the next run without those settings uses the shipped wording again
    assert main([pdf, "--jobs", "0", "--brieven", str(tmp_path / "b"), "-o", str(tmp_path / "r.json")]) == 1
    assert ("Normal", "Met vriendelijke groet,") in paragraphs(tmp_path / "b" / "leer-unique-2019 - conceptbrief.docx")
    capsys.readouterr()
