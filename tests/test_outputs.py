"""What the account manager gets: Excel, CSV in both dialects, and the self-contained HTML report
(checked in a real headless Chromium), including text from a PDF that tries to be a formula or a
script."""

from __future__ import annotations

import csv
import html as html_lib
import io
import json
import os
import re
import shutil
import sys
import zipfile
from urllib.parse import unquote_to_bytes

import pytest
from openpyxl import load_workbook

from kto_ingest.cli import main
from kto_ingest.report_html import to_html
from kto_ingest.report_xlsx import to_xlsx
from kto_ingest.schema import BatchResult, Check, ReportEntry, ResultRow

from .conftest import FIXTURES, chromium_and_playwright

HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"klik\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
           "<script>document.title='gehackt'</script><img src=x onerror=alert(1)>"]


def hostile_batch() -> BatchResult:
    reports = []
    for i, name in enumerate(HOSTILE):
        e = ReportEntry(file=f"rapport-{i}.pdf", status="parsed", parser="test", supplier=name, bureau=name,
                        results=[ResultRow(group="clienten", service=name, is_total=False, netto_steekproef=128, ingevuld=8,
                                           respons_pct=6.3, rapportcijfer=8.1, page=7)],
                        checks=[Check(rule="SCH-NORM", status="fail", message=name, page=7)], verdict="voldoet_niet",
                        decided_by=["SCH-NORM"])
        reports.append(e)
    return BatchResult(version="test", regime="uwv-scholing-2021", reports=reports)


# ---- Excel ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx") / "resultaten.xlsx"
    assert main([str(FIXTURES), "--trust", str(FIXTURES / "pki"), "--output", str(out)]) == 1
    return out


def test_workbook_sheets_headers_filters_and_formats(workbook_path):
    wb = load_workbook(workbook_path)
    assert wb.sheetnames == ["Overzicht", "Resultaten", "Controles", "Verantwoording"]
    for ws in (wb["Overzicht"], wb["Resultaten"], wb["Controles"]):
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    res = wb["Resultaten"]
    header = [c.value for c in res[1]]
    row = next(r for r in res.iter_rows(min_row=2, values_only=False) if r[0].value.endswith("leer-unique-2019.pdf"))
    by = dict(zip(header, row))
    assert by["Respons (%)"].value == 6.3 and by["Respons (%)"].number_format == "0.0"  # Dutch Excel shows 6,3
    assert by["Rapportcijfer"].value == 8.1 and by["Netto steekproef"].value == 128
    ov = wb["Overzicht"]
    verdicts = {r[0].value: r[6] for r in ov.iter_rows(min_row=2)}
    cell = verdicts["fixtures/signed-changed-results.pdf"]
    assert cell.value == "voldoet niet" and cell.fill.fgColor.rgb.endswith("FFC7CE")
    assert verdicts["fixtures/signed-intact.pdf"].value == "handmatig beoordelen"
    reasons = {r[0].value: r[7].value for r in ov.iter_rows(min_row=2)}
    assert "SCH-ONDERTEKEND" in reasons["fixtures/signed-changed-results.pdf"]
    assert wb["Overzicht"]["D2"].number_format == "d-m-yyyy"


def test_text_from_a_pdf_never_becomes_a_formula_in_excel(tmp_path):
    data = to_xlsx(hostile_batch())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in z.read(n) for n in sheets)
    wb = load_workbook(io.BytesIO(data))
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value in HOSTILE]
    assert len(cells) >= 3 * len(HOSTILE)
    assert all(c.data_type == "s" for c in cells)


# ---- CSV -----------------------------------------------------------------------------------
def test_csv_international_dialect(tmp_path):
    out = tmp_path / "r.csv"
    main([str(FIXTURES / "leer-unique-2019.pdf"), "-o", str(out), "--csv-dialect", "international"])
    raw = out.read_bytes()
    assert not raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert rows[0]["respons_pct"] == "6.3" and rows[0]["rapportcijfer"] == "8.1"


def test_csv_formula_text_is_neutralised():
    from kto_ingest.writers import to_csv

    for dialect in ("nl", "international"):
        text = to_csv(hostile_batch(), dialect)
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";" if dialect == "nl" else ","))
        suppliers = [r[6] for r in rows[1:]]
        assert all(s.startswith("'") for s in suppliers[:4]), suppliers


# ---- several outputs, safety ---------------------------------------------------------------
def test_several_outputs_in_one_run_by_extension(tmp_path, capsys):
    outs = [tmp_path / "r.xlsx", tmp_path / "r.html", tmp_path / "r.json", tmp_path / "r.csv"]
    main([str(FIXTURES / "workaut-2023.pdf"), *sum((["-o", str(o)] for o in outs), [])])
    assert outs[0].read_bytes()[:2] == b"PK" and outs[1].read_text("utf-8").startswith("<!DOCTYPE html>")
    assert outs[2].read_text("utf-8").lstrip().startswith("{") and outs[3].read_bytes().startswith("\ufeff".encode())
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temp files
    assert oct(outs[0].stat().st_mode & 0o777) != "0o600"


def test_output_format_problems_are_usage_errors(tmp_path, capsys):
    assert main([str(FIXTURES / "workaut-2023.pdf"), "--format", "xlsx"]) == 2
    assert "Excel-bestand kan niet naar het scherm" in capsys.readouterr().err
    assert main([str(FIXTURES / "workaut-2023.pdf"), "-o", str(tmp_path / "a.xlsx"), "-o", str(tmp_path / "b.doc")]) == 2
    assert "extensie" in capsys.readouterr().err
    assert main([str(FIXTURES / "workaut-2023.pdf"), "-o", str(tmp_path / "bestaat-niet" / "a.html")]) == 2


# ---- HTML ----------------------------------------------------------------------------------
def test_html_is_self_contained_and_escapes_pdf_text():
    html = to_html(hostile_batch())
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    for attr in ("src=\"http", "href=\"http", "src='http", "@import", "url("):
        assert attr not in html


@pytest.fixture(scope="module")
def report_html(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    shutil.copy(FIXTURES / "variant-table-page-break.pdf", folder / "rapport met spatie.pdf")
    out = folder / "KTO-controle.html"
    main([str(folder / "rapport met spatie.pdf"), "-o", str(out)])
    hostile = folder / "hostile.html"
    hostile.write_text(to_html(hostile_batch()), "utf-8")
    return out, hostile


def test_html_report_in_a_real_browser(report_html):
    chromium, sync_playwright = chromium_and_playwright()
    out, hostile = report_html
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        requests, dialogs = [], []
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(out.as_uri())
        body = page.inner_text("body")
        for text in ("KTO-controle", "Opleidingshuis Noord", "voldoet niet", "SCH-NORM", "22,7", "Pagina"):
            assert text in body, text
        # The evidence images render: one per page the results table is on (7 and 8).
        widths = page.eval_on_selector_all("img.evidence", "imgs => imgs.map(i => i.naturalWidth)")
        assert len(widths) == 2 and all(w > 200 for w in widths)
        assert page.locator("text=Bewijs: de resultatentabel zoals op pagina 8").count() == 1
        page.goto(hostile.as_uri())
        assert page.title().startswith("KTO-controle")  # the injected script did not run
        assert "<script>document.title='gehackt'</script>" in page.inner_text("body")
        assert not dialogs
        browser.close()
    assert all(u.startswith(("file:", "data:")) for u in requests), requests


# ---- names that are not text, or text that acts ------------------------------------------
UNSAFE = ["escape \x1b[31mrood\x1b[0m.pdf", "factuur-\u202egnp.pdf", "regel\neinde.pdf", "bidi \u2066x\u2069 \u200f.pdf"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux file names are bytes")
def test_unsafe_file_names_in_every_output(tmp_path, capsys):
    """Names that are not UTF-8, hold ESC sequences, newlines or bidi controls: every output is
    written, none holds the dangerous characters, and the exact name can be found again."""
    folder = tmp_path / "in"
    folder.mkdir()
    names = UNSAFE + [os.fsdecode(b"ongeldig-\xff\xfe.pdf")]
    for name in names:
        shutil.copy(FIXTURES / "leer-unique-2019.pdf", folder / name)
    outs = {ext: tmp_path / f"uit.{ext}" for ext in ("json", "jsonl", "csv", "xlsx", "html")}
    args = [str(folder), "-j", "0"] + [a for p in outs.values() for a in ("-o", str(p))] + ["-o", "-"]
    assert main(args) in (0, 1)  # a verdict, not an output failure
    captured = capsys.readouterr()
    bad = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200e\u200f\ufffe]|[\ud800-\udfff]")
    texts = {ext: p.read_text("utf-8") for ext, p in outs.items() if ext != "xlsx"}
    texts["html"] = html_lib.unescape(texts["html"])  # an entity like &#x202e; would act as well
    texts["screen"] = captured.out
    texts["stderr"] = captured.err
    wb = load_workbook(outs["xlsx"])
    texts["xlsx"] = "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    for where, text in texts.items():
        assert not bad.search(text.replace("\n", " ").replace("\r", " ")), (where, bad.search(text))
    for where in ("json", "csv", "xlsx", "html", "screen"):
        assert "escape ␛[31mrood␛[0m.pdf" in texts[where], where  # shown, visibly, not obeyed
        assert "ongeldig-\ufffd\ufffd.pdf" in texts[where], where
        assert "factuur-<U+202E>gnp.pdf" in texts[where], where
    reports = json.loads(texts["json"])["reports"]
    assert len(reports) == len(names)
    found = {os.fsdecode(unquote_to_bytes(r["file_raw"])) for r in reports}  # the real files, found again
    assert found == {str(folder / n) for n in names} or found == {os.path.relpath(folder / n) for n in names}
    assert all((folder / os.path.basename(f)).exists() for f in found)
    assert texts["html"].count("procent-gecodeerd") >= len(names)


def test_one_writer_failing_does_not_cost_the_others(tmp_path, capsys, monkeypatch):
    import kto_ingest.report_xlsx as report_xlsx

    def broken(result):
        raise RuntimeError("kapot")

    monkeypatch.setattr(report_xlsx, "to_xlsx", broken)
    outs = [tmp_path / "a.json", tmp_path / "a.xlsx", tmp_path / "a.html"]
    code = main([str(FIXTURES / "leer-unique-2019.pdf"), "-j", "0"] + [a for p in outs for a in ("-o", str(p))])
    err = " ".join(capsys.readouterr().err.split())  # the console wraps long lines
    assert code == 4  # ExitCode.OUTPUT_FAILED, documented
    assert outs[0].exists() and outs[2].exists() and not outs[1].exists()
    assert "a.xlsx kon niet worden geschreven" in err and "De andere uitvoer is wel geschreven" in err
    assert "Traceback" not in err


def test_an_output_folder_that_cannot_be_written_is_refused_before_the_work(tmp_path, capsys):
    not_a_folder = tmp_path / "bestand"
    not_a_folder.write_text("x")
    code = main([str(FIXTURES / "leer-unique-2019.pdf"), "-o", str(tmp_path / "a.json"), "-o", str(not_a_folder / "x.html")])
    err = " ".join(capsys.readouterr().err.split())
    assert code == 2 and "bestaat niet" in err and not (tmp_path / "a.json").exists()
    code = main([str(FIXTURES / "leer-unique-2019.pdf"), "-o", str(tmp_path)])
    assert code == 2


def test_a_second_ctrl_c_while_writing_finishes_the_outputs(tmp_path, capsys, monkeypatch):
    """Ctrl-C arrives while the HTML is being built: the HTML and the others are still written,
    the run says so and ends with 130."""
    import signal as _signal

    import kto_ingest.report_html as report_html

    original = report_html.to_html

    def interrupted_to_html(result, *args, **kw):
        os.kill(os.getpid(), _signal.SIGINT)  # as if the user pressed Ctrl-C right now
        return original(result, *args, **kw)

    monkeypatch.setattr(report_html, "to_html", interrupted_to_html)
    outs = [tmp_path / "a.html", tmp_path / "a.json"]
    code = main([str(FIXTURES / "leer-unique-2019.pdf"), "-j", "0"] + [a for p in outs for a in ("-o", str(p))])
    err = " ".join(capsys.readouterr().err.split())
    assert code == 130
    assert "de uitvoer wordt nog afgemaakt" in err
    assert "</html>" in outs[0].read_text("utf-8") and json.loads(outs[1].read_text("utf-8"))["reports"]
    assert _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler  # restored afterwards


# ---- many identical files ------------------------------------------------------------------
def _identical_batch(folder, n, capsys) -> str:
    folder.mkdir()
    for i in range(n):
        (folder / f"kopie-{i:04d}.pdf").write_bytes(b"geen pdf, wel steeds dezelfde bytes\n")
    assert main([str(folder), "-j", "0", "--format", "json"]) == 3
    return capsys.readouterr().out


def test_identical_files_grow_the_output_linearly(tmp_path, capsys):
    """300 copies of one file: each entry names the first copy (or, on the first, the next one and
    the count), so the JSON is 10 times the size for 30 copies, not 100 times."""
    small = _identical_batch(tmp_path / "dertig", 30, capsys)
    big = _identical_batch(tmp_path / "driehonderd", 300, capsys)
    assert len(big) < 11 * len(small)  # linear (quadratic would be about 100 times)
    reports = json.loads(big)["reports"]
    first = reports[0]["file"]
    assert reports[0]["duplicate_count"] == 300 and reports[0]["duplicates"] == [reports[1]["file"]]
    assert "300 keer" in " ".join(reports[0]["warnings"])
    for r in reports[1:]:
        assert r["duplicates"] == [first] and r["duplicate_of"] == first and r["duplicate_count"] == 300
        assert len(" ".join(r["warnings"])) < 200


# ---- evidence crops ------------------------------------------------------------------------
def test_an_evidence_crop_never_exceeds_the_pixel_budget(tmp_path, registry):
    """A report printed on a page 20 times A4 would give a crop of some 200 million pixels at
    110 dpi; the crop is scaled down to the budget instead."""
    from kto_ingest._pymupdf import pymupdf
    from kto_ingest.pipeline import process_file
    from kto_ingest.report_html import MAX_CROP_PIXELS, render_crops

    good = FIXTURES / "leer-unique-2019.pdf"
    entry = process_file(good, registry)
    huge = tmp_path / "reuzenformaat.pdf"
    with pymupdf.open(good) as src, pymupdf.open() as doc:
        for page in src:
            doc.new_page(width=page.rect.width * 20, height=page.rect.height * 20).show_pdf_page(
                pymupdf.Rect(0, 0, page.rect.width * 20, page.rect.height * 20), src, page.number)
        doc.save(huge)
    entry._source = huge
    crops = render_crops(entry)
    assert [page for page, _, _ in crops] == [7]
    pix = pymupdf.Pixmap(crops[0][1])
    assert MAX_CROP_PIXELS / 4 < pix.width * pix.height <= MAX_CROP_PIXELS


def test_workers_draw_the_crops_when_html_is_asked(registry):
    from kto_ingest.isolation import Limits, run_isolated
    from kto_ingest.pipeline import Options

    good = FIXTURES / "leer-unique-2019.pdf"
    (_, entry), = run_isolated([good], Options(crops=True), Limits(jobs=1))
    assert [(page, png[:8], note) for page, png, note in entry._crops] == [(7, b"\x89PNG\r\n\x1a\n", None)]
    (_, plain), = run_isolated([good], Options(), Limits(jobs=1))
    assert plain._crops is None  # not asked, not drawn


# ---- CSV with verdicts ---------------------------------------------------------------------
def test_csv_gives_verdicts_and_reasons_in_dutch_next_to_the_rows(tmp_path, capsys):
    """Issue 19: the rows CSV keeps its columns and gains the verdict and reasons; next to it an
    overview CSV holds what Excel's Overzicht holds, with Dutch headers and values."""
    from kto_ingest.writers import CSV_COLUMNS, OVERVIEW_HEADERS

    out = tmp_path / "resultaten.csv"
    assert main([str(FIXTURES / "leer-unique-2019.pdf"), str(FIXTURES / "workaut-2023.pdf"), str(tmp_path / "weg.pdf"),
                 "-j", "0", "-o", str(out)]) == 3
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";"))
    assert list(rows[0])[:20] == CSV_COLUMNS[:20]  # the existing columns, in their place
    leer = [r for r in rows if r["bestand"].endswith("leer-unique-2019.pdf")]
    assert {r["oordeel"] for r in leer} == {"voldoet niet"} and all("SCH-" in r["redenen"] for r in leer)
    overview = tmp_path / "resultaten-overzicht.csv"
    lines = list(csv.reader(io.StringIO(overview.read_text("utf-8-sig")), delimiter=";"))
    assert lines[0] == OVERVIEW_HEADERS
    by_file = {os.path.basename(line[0]): dict(zip(lines[0], line)) for line in lines[1:]}
    assert set(by_file) == {"leer-unique-2019.pdf", "workaut-2023.pdf", "weg.pdf"}
    assert by_file["weg.pdf"]["Oordeel"] == "onleesbaar" and by_file["weg.pdf"]["Foutcode"] == "not_found"
    leer = by_file["leer-unique-2019.pdf"]
    assert leer["Oordeel"] == "voldoet niet" and leer["Redenen"].startswith("SCH-")
    assert re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}", leer["Meetperiode van"])  # a Dutch date
    assert "resultaten-overzicht.csv" in " ".join(capsys.readouterr().err.split())
    assert "parsed" not in overview.read_text("utf-8-sig") and "clienten" not in overview.read_text("utf-8-sig")


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc, where nobody can create a file")
def test_an_output_that_cannot_be_written_leaves_the_others_and_exits_4(tmp_path, capsys):
    html = tmp_path / "a.html"
    code = main([str(FIXTURES / "leer-unique-2019.pdf"), "-j", "0", "-o", "/proc/kto-ingest-test.json", "-o", str(html)])
    err = " ".join(capsys.readouterr().err.split())
    assert code == 4 and "</html>" in html.read_text("utf-8")
    assert "/proc/kto-ingest-test.json kon niet worden geschreven" in err and "Traceback" not in err


def test_text_from_a_pdf_cannot_steer_the_terminal(tmp_path, capsys):
    """An attachment's name comes from the PDF and is named in a warning: on the screen (check and
    explain) its ESC sequence and right-to-left override are shown, never obeyed."""
    from kto_ingest._pymupdf import pymupdf

    pdf = tmp_path / "bijlage.pdf"
    with pymupdf.open(FIXTURES / "leer-unique-2019.pdf") as doc:
        doc.embfile_add("wis\x1b[2Jscherm\u202etxt.exe", b"x", filename="wis\x1b[2Jscherm\u202etxt.exe")
        doc.save(pdf)
    main([str(pdf), "-j", "0"])
    main(["explain", str(pdf)])
    out = capsys.readouterr().out
    assert out.count("wis␛[2Jscherm") == 2  # once from check, once from explain
    assert not re.search("[\x1b\x80-\x9f\u202e]", out)


# ---- issue 19: a stopped run, totals, nothing to check ---------------------------------------
def test_a_stopped_run_is_marked_in_excel_html_and_the_overview_csv(tmp_path):
    from kto_ingest.report_html import to_html
    from kto_ingest.report_xlsx import to_xlsx
    from kto_ingest.writers import to_csv_overview

    batch = hostile_batch()
    batch.reports = batch.reports[:2]
    batch.interrupted, batch.unchecked = True, ["nog-niet.pdf", "ook-niet.pdf"]
    page = to_html(batch, images=False)
    assert "Afgebroken: 2 bestand(en) niet gecontroleerd" in page and "<li>nog-niet.pdf</li>" in page
    (tmp_path / "r.xlsx").write_bytes(to_xlsx(batch))
    wb = load_workbook(tmp_path / "r.xlsx")
    overview = {r[0]: r[6] for r in wb["Overzicht"].iter_rows(min_row=2, values_only=True)}
    assert overview["ook-niet.pdf"] == "niet gecontroleerd (afgebroken)" and len(overview) == 4
    assert wb["Verantwoording"]["A2"].value == "Afgebroken"
    lines = list(csv.reader(io.StringIO(to_csv_overview(batch).lstrip("\ufeff")), delimiter=";"))
    assert [line[6] for line in lines[-2:]] == ["niet gecontroleerd (afgebroken)"] * 2
    assert "Afgebroken" not in to_html(hostile_batch(), images=False)  # only when it was


def test_writing_only_files_still_shows_the_totals(tmp_path, capsys):
    assert main([str(FIXTURES / "leer-unique-2019.pdf"), "-j", "0", "-o", str(tmp_path / "r.json")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "1 bestand(en): 0 voldoet, 1 voldoet niet" in " ".join(captured.err.split())


def test_a_folder_without_pdfs_says_so_and_fails(tmp_path, capsys):
    (tmp_path / "notities.txt").write_text("geen rapport")
    out = tmp_path / "r.json"
    assert main([str(tmp_path), "-o", str(out)]) == 5
    assert "Geen PDF-bestanden gevonden" in " ".join(capsys.readouterr().err.split())
    assert not out.exists()


# ---- issue 19: the HTML report ---------------------------------------------------------------
def test_crop_edges_never_cut_a_line_of_text():
    from kto_ingest._pymupdf import pymupdf
    from kto_ingest.report_html import _whole_lines

    with pymupdf.open() as doc:
        page = doc.new_page()
        for y in (100, 114, 128, 300, 314):
            page.insert_text((72, y), "Een regel lopende tekst boven of onder de tabel", fontsize=11)
        words = page.get_text("words")
        line = {round(w[3]): (w[1], w[3]) for w in words}
        first, last = line[round(words[0][3])], line[round(words[-1][3])]
        for at in (0.5, 0.2):  # through the middle of a line, and through the tops of its capitals
            top, bottom = _whole_lines(page, first[0] + (first[1] - first[0]) * at, last[0] + (last[1] - last[0]) * at)
            for y0, y1 in line.values():
                h = (y1 - y0) * 0.1
                assert not (y0 + h < top < y1 - h) and not (y0 + h < bottom < y1 - h)
            assert top <= first[0] and bottom >= last[1]  # the lines are shown whole


def test_jobcoaching_report_gets_an_evidence_crop_of_its_scores(registry):
    """Issue 19 item 11: the jobcoaching verdict rests on the scores per jobcoachperiode and the
    'Behaald cijfer' row; the HTML shows them as printed, drawn by the worker like the results table."""
    from kto_ingest.isolation import Limits, run_isolated
    from kto_ingest.pipeline import Options
    from kto_ingest.report_html import PERIODS_TABLE, _regions, _open_for_crops

    jc = FIXTURES / "jobcoaching-rapportage-2021.pdf"
    (_, entry), = run_isolated([jc], Options(crops=True), Limits(jobs=1))
    assert entry.jobcoaching.periods and entry.jobcoaching.werknemer_avg is not None
    table, averages = entry.evidence["jobcoaching"], entry.evidence["averages"]
    assert table.bbox and averages.bbox and table.page == averages.page
    assert [(page, png[:8], what) for page, png, what in entry._crops] == [(table.page, b"\x89PNG\r\n\x1a\n", PERIODS_TABLE)]
    (page_no, find_rect, _), = _regions(entry)
    with _open_for_crops(jc) as doc:
        rect = find_rect(doc[page_no - 1])
    for box in (table.bbox, averages.bbox):  # the header, every period and the averages row are in the picture
        assert rect.contains(pymupdf_rect(box))
    page = to_html(BatchResult(version="test", reports=[entry]))
    assert page.count("Bewijs: de cijfers per jobcoachperiode zoals op pagina") == 1
    assert "Bewijs: de resultatentabel" not in page  # a jobcoaching report has no results table


def pymupdf_rect(box):
    from kto_ingest._pymupdf import pymupdf

    return pymupdf.Rect(box)


def test_html_links_back_and_shows_jobcoaching_periods(registry):
    from kto_ingest.pipeline import process_file

    entry = process_file(FIXTURES / "jobcoaching-rapportage-2021.pdf", registry)
    page = to_html(BatchResult(version="test", reports=[entry]), images=False)
    assert page.count('href="#overzicht"') == 1 and "id='overzicht'" in page
    assert "<h3>Jobcoaching</h3>" in page and "Jobcoachperiode" in page
    first = entry.jobcoaching.periods[0]
    assert page.count("<tr><td class=\"num\">") >= len(entry.jobcoaching.periods)
    assert str(first.werknemer_cijfer).replace(".", ",") in page
