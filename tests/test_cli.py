from __future__ import annotations

import csv
import io
import json
import shutil

from kto_ingest import __version__
from kto_ingest.cli import main

from .conftest import FIXTURES

CONTRACT_FIELDS = {
    "file", "sha256", "status", "error", "parser", "bureau", "supplier", "report_date", "meetperiode",
    "final", "approached", "results", "signature", "checks", "verdict",
}
ROW_FIELDS = {"group", "service", "is_total", "netto_steekproef", "ingevuld", "respons_pct", "rapportcijfer", "publicatie", "page"}


def test_json_contract_on_all_fixtures(capsys):
    code = main([str(FIXTURES), "--format", "json", "--output", "-"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1  # every fixture fails at least one rule of uwv-scholing-2021 (e.g. not signed)
    assert data["tool"] == "kto-ingest" and data["version"] == __version__ and data["regime"] == "uwv-scholing-2021"
    files = [r["file"] for r in data["reports"]]
    assert files == sorted(files, key=str.casefold)
    assert len(files) == len(list(FIXTURES.glob("*.pdf")))
    for report in data["reports"]:
        assert CONTRACT_FIELDS <= set(report)
        assert report["status"] == "parsed" and report["parser"] == "panteia-bow"
        assert report["verdict"] == "voldoet_niet" and report["checks"]
        for row in report["results"]:
            assert ROW_FIELDS <= set(row)
            assert isinstance(row["rapportcijfer"], float)


def test_table_output_is_dutch_and_shows_the_numbers(capsys):
    code = main([str(FIXTURES / "ivio-integratie-2019.pdf")])
    out = capsys.readouterr().out
    assert code == 1
    for text in ("Leverancier: IVIO-Integratie", "Meetperiode: 1-1-2018 t/m 31-12-2018", "Opdrachtgevers", "10,6", "0,0",
                 "VOLDOET NIET", "SCH-MEETPERIODE", "1 voldoet niet"):
        assert text in out, text


def test_csv_output_dutch_excel(tmp_path):
    target = tmp_path / "uit.csv"
    assert main([str(FIXTURES / "workaut-2023.pdf"), "--format", "csv", "--output", str(target)]) == 1
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [r["dienst"] for r in rows] == ["Sociale activering en participatie", "Totaal"]
    assert rows[0]["respons_pct"] == "68,8" and rows[0]["rapportcijfer"] == "8,3"


def test_csv_never_writes_a_formula():
    from kto_ingest.writers import csv_safe

    assert csv_safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert csv_safe("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0"
    assert csv_safe("Leer Unique") == "Leer Unique"


def test_output_may_not_overwrite_an_input(tmp_path, capsys):
    pdf = tmp_path / "rapport.pdf"
    shutil.copy(FIXTURES / "leer-unique-2019.pdf", pdf)
    before = pdf.read_bytes()
    assert main([str(pdf), "--format", "json", "--output", str(pdf)]) == 2
    assert pdf.read_bytes() == before


def test_bad_format_is_a_usage_error():
    assert main([str(FIXTURES), "--format", "xml"]) == 2


def test_version_and_schema(capsys):
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    entry = schema["$defs"]["ReportEntry"]["properties"]
    assert CONTRACT_FIELDS <= set(entry)


def test_help_is_dutch(capsys):
    main(["check", "--help"])
    out = capsys.readouterr().out
    assert "Controleer alle rapporten" in out and "Uitvoervorm" in out


def test_explain_shows_detection_and_evidence(capsys):
    assert main(["explain", str(FIXTURES / "workaut-2023.pdf")]) == 0
    out = capsys.readouterr().out
    assert "gekozen" in out
    assert "pagina 1: 'In opdracht van WorkAut (voorheen KompAss)'" in out
    assert "tabel 1.1" in out


def test_explain_says_why_a_layout_is_not_recognised(tmp_path, capsys):
    from kto_ingest._pymupdf import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Tevredenheidsonderzoek van een ander bureau")
    doc.save(tmp_path / "ander.pdf")
    assert main(["explain", str(tmp_path / "ander.pdf")]) == 3
    out = capsys.readouterr().out
    assert "niet zeker genoeg" in out
    assert "✗ 'tabel 1.1 Resultaten voor het keurmerk' aanwezig" in out
    assert "unsupported_layout" in out


def test_regime_option_and_rules_command(capsys):
    # blik-op-werk: WorkAut's 8,3 meets 6,5 total and 5,5 per service, and its table is consistent.
    assert main([str(FIXTURES / "workaut-2023.pdf"), "--regime", "blik-op-werk", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["regime"] == "blik-op-werk" and data["reports"][0]["verdict"] == "voldoet"
    assert main([str(FIXTURES), "--regime", "bestaat-niet"]) == 2
    capsys.readouterr()
    assert main(["rules", "--regime", "uwv-scholing-2021"]) == 0
    out = capsys.readouterr().out
    assert "SCH-NORM" in out and "bron:" in out and "niet bekend" in out
