from __future__ import annotations

import csv
import hashlib
import io
import json
import os
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
    assert code == 1  # most fixtures fail a rule of uwv-scholing-2021 (not signed, another meetperiode)
    assert data["tool"] == "kto-ingest" and data["version"] == __version__ and data["regime"] == "uwv-scholing-2021"
    files = [r["file"] for r in data["reports"]]
    assert files == sorted(files, key=str.casefold)
    assert len(files) == len(list(FIXTURES.glob("*.pdf")))
    parsers = {"jobcoaching-rapportage-2021.pdf": "uwv-jobcoaching", "klantstem-per-perceel-2021.pdf": "klantstem-uwv",
               "generiek-ander-bureau-2021.pdf": "generiek"}
    for report in data["reports"]:
        assert CONTRACT_FIELDS <= set(report)
        name = report["file"].rsplit("/", 1)[-1]
        assert report["status"] == "parsed" and report["parser"] == parsers.get(name, "panteia-bow")
        # without --regime, a jobcoaching report is checked against the jobcoaching regime
        assert report["regime"] == ("uwv-jobcoaching" if name.startswith("jobcoaching") else "uwv-scholing-2021")
        assert report["verdict"] in ("voldoet_niet", "handmatig") and report["checks"] and report["decided_by"]
        for row in report["results"]:
            assert ROW_FIELDS <= set(row)
            assert isinstance(row["rapportcijfer"], float)
    assert [r["id"] for r in data["audit"]["more_regimes"]] == ["uwv-jobcoaching"]


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
    assert "leverancier: WorkAut (voorheen KompAss)" in out
    assert "pagina 1: \u201cIn opdracht van WorkAut (voorheen KompAss)\u201d" in out
    assert "tabel 1.1" in out


def test_explain_on_a_narrow_terminal_keeps_its_indentation(capsys, monkeypatch):
    """Issue 19, seen at 80 columns: long explain lines wrapped back to the first column, so a
    detection's threshold or a value's page looked like a heading of its own."""
    from rich.console import Console

    from kto_ingest import cli

    screen = io.StringIO()
    monkeypatch.setattr(cli, "_stdout_console", lambda: Console(file=screen, force_terminal=True, width=80, color_system=None))
    assert main(["explain", str(FIXTURES / "generiek-ander-bureau-2021.pdf")]) == 0
    lines = [line for line in screen.getvalue().splitlines() if line.strip()]
    assert len(lines) > 30 and max(len(line) for line in lines) <= 80
    flush_left = [line for line in lines if not line.startswith(" ")]
    assert all(line.startswith(("Bestand:", "SHA-256:", "Herkenning", "Gevonden", "Beslissingen")) for line in flush_left), flush_left
    wrapped = [b for a, b in zip(lines, lines[1:]) if "(drempel" in b and "%" not in b.split("(drempel")[0]]
    assert wrapped and all(line.startswith("      (drempel") for line in wrapped)  # under its detection, not flush left


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


def test_clms_and_updated_register_change_the_decision(tmp_path, capsys):
    pdf = FIXTURES / "variant-borderless-calendar-2021.pdf"
    bureaus = tmp_path / "bureaus.toml"
    bureaus.write_text('[register]\ndatum = 2022-02-01\nbron = "test"\n[[bureau]]\nnaam = "Panteia"\nstatus = "lid"\n'
                       'koepel = "VBO"\nbron = "VBO-ledenlijst (test)"\ngecontroleerd = 2022-02-01\n', "utf-8")
    clms = tmp_path / "clms.csv"
    clms.write_text(f"bestand;ontvangen;perceel;beeindigd\n{pdf.name};28-02-2022;Opleidingen;49\n", "utf-8")
    main([str(pdf), "--format", "json", "--output", "-", "--bureaus", str(bureaus), "--clms", str(clms)])
    data = json.loads(capsys.readouterr().out)
    status = {c["rule"]: c["status"] for c in data["reports"][0]["checks"]}
    assert status["SCH-BUREAU"] == "pass" and status["SCH-TIJDIG"] == "pass"
    # 57 clients approached in the report in total, which includes 8 for Jobcoaching (no UWV perceel), against
    # 49 ended Opleidingen in CLMS: a total is never compared with one perceel (issue 14), a person compares.
    benaderd = next(c for c in data["reports"][0]["checks"] if c["rule"] == "SCH-BENADERD")
    assert benaderd["status"] == "manual" and "niet per perceel/cluster" in benaderd["message"] and "Opleidingen 49" in benaderd["message"]
    audit = data["audit"]
    assert audit["bureaus"]["source"] == str(bureaus) and audit["bureaus"]["date"] == "2022-02-01"
    assert audit["clms"]["sha256"] == hashlib.sha256(clms.read_bytes()).hexdigest()
    assert audit["regime"]["id"] == "uwv-scholing-2021" and len(audit["regime"]["sha256"]) == 64
    assert audit["tool_version"] == __version__


def test_audit_without_extra_inputs_names_the_shipped_data(capsys):
    main([str(FIXTURES / "workaut-2023.pdf"), "--format", "json", "--output", "-"])
    audit = json.loads(capsys.readouterr().out)["audit"]
    assert audit["regime"]["source"] == "builtin:uwv-scholing-2021"
    assert audit["bureaus"]["source"].endswith("bureaus.toml") and audit["clms"] is None


def test_bad_clms_file_is_a_usage_error_in_dutch(tmp_path, capsys):
    bad = tmp_path / "clms.csv"
    bad.write_text("bestand;ontvangen\nx.pdf;morgen\n", "utf-8")
    assert main([str(FIXTURES / "workaut-2023.pdf"), "--clms", str(bad)]) == 2
    assert "ontvangstdatum 'morgen' is geen datum" in capsys.readouterr().err


def test_table_shows_the_deciding_rules_then_the_rest(capsys):
    main([str(FIXTURES / "workaut-2023.pdf")])
    out = capsys.readouterr().out
    assert "VOLDOET NIET SCH-ONDERTEKEND" in out
    assert "Verder:" in out and "SCH-PERCEEL" in out
    # each open point with its Dutch title and reason, not a bare rule id (issue 19)
    from kto_ingest.rules import RULES

    line = next(line for line in out.splitlines() if "(SCH-BUREAU)" in line)
    assert line.strip().startswith(f"handmatig: {RULES['SCH-BUREAU'].title} (SCH-BUREAU) – ")
    assert len(line.split(" – ", 1)[1]) > 10


def test_version_answers_without_loading_the_pdf_machinery():
    import subprocess
    import sys

    code = "import sys; sys.argv = ['kto-ingest', '--version']\ntry:\n    from kto_ingest.launcher import run; run()\nexcept SystemExit:\n    pass\nprint(sorted(m for m in ('pymupdf', 'pydantic', 'typer', 'pyhanko') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [f"kto-ingest {__version__}", "[]"]


def test_with_workers_the_main_process_does_not_load_the_pdf_machinery(tmp_path, monkeypatch):
    """With worker processes the main process only hands out paths and writes the outputs: PyMuPDF,
    pyHanko, the parsers and the reader load in the workers, and the reports are the same as when
    everything runs in one process."""
    import subprocess
    import sys

    out = tmp_path / "uit.json"
    files = [str(FIXTURES / "leer-unique-2019.pdf"), str(FIXTURES / "signed-intact.pdf")]
    code = (f"import sys\nfrom kto_ingest.cli import main\nmain({[*files, '-o', str(out), '-q', '--jobs', '1']!r})\n"
            "print(sorted(m for m in ('pymupdf', 'pyhanko', 'pdfplumber', 'parsers.generic', 'kto_ingest.reader', "
            "'kto_ingest.pipeline', 'kto_ingest.document') if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert shown.splitlines()[-1] == "[]"
    with_workers = json.loads(out.read_text("utf-8"))["reports"]
    monkeypatch.chdir(tmp_path)  # the same paths in the output
    main([*files, "-o", str(out), "-q", "--jobs", "0"])
    assert with_workers == json.loads(out.read_text("utf-8"))["reports"]
    assert with_workers[1]["signature"]["kind"] == "digital"


def test_a_broken_parser_plug_in_is_named_once_also_with_workers(tmp_path):
    """A parser plug-in that cannot be loaded is named on stderr, once, whether the parsers load in
    this process (--jobs 0) or in each of the workers (--jobs 2)."""
    import subprocess
    import sys

    dist = tmp_path / "site" / "kapotte_module-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: kapotte-module\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[kto_ingest.parsers]\nkapot = bestaat_niet.module:Parser\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path / "site"), os.environ.get("PYTHONPATH", "")])}
    files = [str(FIXTURES / "leer-unique-2019.pdf"), str(FIXTURES / "workaut-2023.pdf")]
    for jobs in ("0", "2"):
        run = subprocess.run([sys.executable, "-m", "kto_ingest", *files, "-o", str(tmp_path / "uit.json"), "--jobs", jobs],
                             capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
        assert run.returncode in (0, 1), run.stderr
        assert run.stderr.count("Let op: leesmodule kapot kon niet worden geladen: ModuleNotFoundError") == 1, (jobs, run.stderr)
        assert len(json.loads((tmp_path / "uit.json").read_text("utf-8"))["reports"]) == 2


def test_the_launcher_starts_workers_early_only_for_a_check_with_workers():
    from kto_ingest.launcher import _wants_workers

    assert _wants_workers(["map"]) and _wants_workers(["check", "map", "-j", "2"]) and _wants_workers(["map", "--jobs=1"])
    for args in ([], ["rules"], ["explain", "a.pdf"], ["map", "--jobs", "0"], ["map", "-j0"], ["map", "--jobs=0"],
                 ["map", "-j", "0"], ["--help"], ["map", "-h"], ["serve"]):
        assert not _wants_workers(args), args


def test_messages_do_not_break(tmp_path, capsys):
    """Issue 19: no "geen PDF maar geen PDF", library text quoted as such, no traceback for an
    unknown regime in `rules`."""
    (tmp_path / "tekst.pdf").write_text("hallo, dit is geen pdf")
    (tmp_path / "rommel.pdf").write_bytes(b"%PDF-1.7\nrommel")
    main([str(tmp_path), "-j", "0", "--format", "json"])
    reports = {os.path.basename(r["file"]): r for r in json.loads(capsys.readouterr().out)["reports"]}
    assert reports["tekst.pdf"]["error"]["message"] .startswith("Het bestand is geen PDF: ")
    corrupt = reports["rommel.pdf"]["error"]["message"]
    assert corrupt.startswith("De PDF is beschadigd en kan niet worden geopend") and corrupt.endswith(".")
    assert "(" not in corrupt or "melding van de PDF-bibliotheek" in corrupt
    assert main(["rules", "--regime", "bestaatniet"]) == 2
    assert "onbekende regeling" in capsys.readouterr().err


def test_help_frame_is_dutch_with_h_exit_codes_and_an_example(capsys):
    """Issue 19: -h works; typer's English frame (Usage, Options, [required], [default: …]) and
    type hints such as <list[Path]> are gone; exit codes and an example are in the help."""
    assert main(["-h"]) == 0
    assert main(["check", "-h"]) == 0
    out = capsys.readouterr().out
    assert "Gebruik: kto-ingest check [OPTIES] PAD..." in out and "Opties:" in out and "Toon deze hulp en stop." in out
    assert "[verplicht]" in out and "[standaard:" in out and "Afsluitcodes:" in out and "Voorbeeld:" in out
    for english in ("Usage:", "Options:", "Show this message", "[required]", "[default:", "<list[", "<str>", "<path>"):
        assert english not in out, english
    assert main(["check", "--bestaat-niet", "x"]) == 2
    err = capsys.readouterr().err
    assert "Fout: Onbekende optie: --bestaat-niet" in err and "Zie 'kto-ingest check -h' voor hulp." in err


def test_command_list_in_help_is_whole_sentences(capsys, monkeypatch):
    """Issue 19, seen at 80 columns: the list of commands showed every description cut off with
    '...' ("Controleer alle rapporten in de opgegeven bestanden en...")."""
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["-h"]) == 0
    out = capsys.readouterr().out
    listed = out.split("Opdrachten:")[1]
    assert "..." not in listed and "…" not in listed
    for command in ("check", "explain", "rules", "instellingen", "schema", "serve", "regeling"):
        assert f"  {command} " in listed


def test_quiet_and_verbose(tmp_path, capsys):
    pdfs = [str(FIXTURES / "leer-unique-2019.pdf"), str(FIXTURES / "workaut-2023.pdf")]
    assert main([*pdfs, "-j", "0", "-o", str(tmp_path / "r.json"), "--quiet"]) == 1
    assert capsys.readouterr().err == ""
    assert main([*pdfs, "-j", "0", "-o", str(tmp_path / "r.json"), "--verbose"]) == 1
    err = capsys.readouterr().err
    assert "voldoet niet: " in err and "workaut-2023.pdf" in err and "2 bestand(en)" in err


def test_narrow_terminal_layout_and_one_line_per_report(capsys):
    """Issue 19: at 80 columns no cell is cut off and no service name is spread one word per
    line; --kort gives one line per report."""
    from pathlib import Path

    from rich.console import Console

    from kto_ingest.cli import run_batch
    from kto_ingest.pipeline import Options
    from kto_ingest.regime import load_regime
    from kto_ingest.registry import Registry
    from kto_ingest.writers import render_short, to_table_text

    pdfs = [FIXTURES / "klantstem-per-perceel-2021.pdf", FIXTURES / "workaut-2023.pdf"]
    result = run_batch([Path(p) for p in pdfs], Registry.from_entry_points(), Options(regime=load_regime("uwv-scholing-2021")),
                       Console(stderr=True, quiet=True))
    text = to_table_text(result, width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80 and "…" not in text
    assert "Functiegerichte vaardigheidstrainingen – cluster Zorg en welzijn: netto" in text  # the name on one line
    assert "rapportcijfer 7,8" in text and "Sociale activering en participatie: netto steekproef 16" in text
    console = Console(width=80, file=__import__("io").StringIO(), color_system=None)
    render_short(result, console)
    short = console.file.getvalue().splitlines()
    assert len(short) == 4 and all(len(line) <= 80 for line in short)  # two reports, the regeling and the totals
    assert short[2].startswith("Regeling: UWV scholingsdiensten 2021")
    assert short[0].startswith("VOLDOET NIET") and "klantstem-per-perceel-2021.pdf" in short[0]
    assert main([str(pdfs[1]), "-j", "0", "--kort"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and "workaut-2023.pdf" in out[0] and out[1].startswith("Regeling: ")


def test_a_long_list_on_a_terminal_ends_with_a_tip_for_the_short_layout_and_a_file(tmp_path, monkeypatch, capsys):
    """Issue 19: a newcomer at 80 columns gets some 570 lines for the 15 fixtures; the screen then
    says how to get one line per report, or everything in a file. Not when piped or already short."""
    from rich.console import Console

    from kto_ingest import cli

    screen = io.StringIO()
    monkeypatch.setattr(cli, "_stdout_console", lambda: Console(file=screen, force_terminal=True, width=80, color_system=None))
    pdfs = sorted(str(p) for p in FIXTURES.glob("*.pdf"))[:6]
    assert main([*pdfs, "-j", "0"]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "Tip: --kort toont één regel per rapport" in err and "-o overzicht.xlsx" in err
    for short in (["--kort"], ["-o", str(tmp_path / "x.json"), "-o", "-"]):
        main([*pdfs, "-j", "0", *short])
        assert "Tip:" not in capsys.readouterr().err
    monkeypatch.setattr(cli, "_stdout_console", lambda: Console(file=io.StringIO(), width=80))  # piped: no terminal
    main([*pdfs, "-j", "0"])
    assert "Tip:" not in capsys.readouterr().err
