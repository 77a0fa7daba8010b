"""The reader layer on reports of other bureaus, printed by real producers (Chromium, LibreOffice).

The PDFs in tests/data/reader/ are made by tests/data/reader/make.py (and jobcoach-anders.html by
Chromium); each test asserts what a person reads in that PDF.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kto_ingest import tables
from kto_ingest._pymupdf import pymupdf
from kto_ingest.cli import main
from kto_ingest.document import open_document
from kto_ingest.pipeline import Options, explain_file, process_file
from kto_ingest.reader import grid as gridmod
from kto_ingest.reader.tables import read_results
from kto_ingest.regime import load_regime

DATA = Path(__file__).parent / "data" / "reader"


def _rows(entry):
    return [(r.service, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer, r.is_total) for r in entry.results]


@pytest.fixture(scope="module")
def checked(registry):
    cache: dict[str, object] = {}

    def get(name: str):
        if name not in cache:
            cache[name] = process_file(DATA / name, registry, Options(regime=load_regime()))
        return cache[name]

    return get


@pytest.mark.parametrize("name", ["chromium-ruled.pdf", "lo-ruled.pdf"])
def test_other_bureau_with_abbreviated_multiline_header(checked, name):
    """Header cells over three lines, 'Netto steekpr.' and 'Resp.', an empty first header cell,
    '%' after every respons, 'n.v.t.' as a score, a label over three lines."""
    e = checked(name)
    assert e.parser == "generiek"
    assert _rows(e) == [
        ("Opleidingen", 120, 48, 40.0, 8.1, False),
        ("Functiegerichte vaardigheidstrainingen, cluster Techniek, ICT en logistiek", 30, 9, 30.0, 8.4, False),
        ("Ervaringscertificaten", 21, 0, 0.0, None, False),
        ("Totaal", 171, 57, 33.3, 8.2, True),
    ]
    assert e.bureau == "Peilwerk Onderzoek & Advies"  # from the signature block: 'namens ...'
    assert e.supplier == "Leerhuis Oost B.V."  # 'Uitgevoerd voor:'
    assert e.meetperiode.start == dt.date(2021, 1, 1) and e.meetperiode.end == dt.date(2021, 12, 31)  # year once
    assert e.report_date == dt.date(2022, 2, 14)  # on its own line after 'Datum rapportage:'
    assert e.final is True and e.approached.clienten == 171
    # the table checks itself, so the report may pass on it
    assert e.confidence == "high"
    assert not any("pdfplumber" in w for w in e.warnings)


def test_chromium_borders_are_cells_without_pdfplumber(monkeypatch):
    """Chromium paints each cell edge as a thin filled rectangle: the reader makes cells of them."""
    import pdfplumber

    monkeypatch.setattr(pdfplumber, "open", lambda *a, **k: pytest.fail("pdfplumber was opened"))
    with open_document(DATA / "chromium-ruled.pdf") as doc:
        grids = gridmod.page_grids(doc, 1)
        ruled = [g for g in grids if g.method == "lijnen"]
        assert len(ruled) == 1 and ruled[0].ncols == 5
        assert ruled[0].matrix()[0] == ["", "Netto steekpr.", "Resp.", "Respons", "Gemiddeld rapportcijfer"]  # the hyphenated word joined


def test_transposed_table_on_a_landscape_page(checked):
    e = checked("chromium-transposed-landscape.pdf")
    assert _rows(e) == [
        ("Opleidingen", 64, 32, 50.0, 8.3, False),
        ("Leerbanen", 12, 5, 41.7, 7.9, False),
        ("FVT cluster Zorg", 25, 10, 40.0, 8.0, False),
        ("Totaal", 101, 47, 46.5, 8.2, True),
    ]
    assert e.bureau == "Bureau Inzicht B.V."  # the cover's top line, not the label 'bureau'
    assert e.supplier == "Vakopleidingen Zuid"
    assert (e.meetperiode.start, e.meetperiode.end) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))  # 'januari tot en met december 2021'
    assert e.confidence == "high"
    explanation = explain_file(DATA / "chromium-transposed-landscape.pdf", __import__("kto_ingest.registry", fromlist=["Registry"]).Registry.from_entry_points())
    assert any("gekanteld" in d for d in explanation.decisions)


def test_respons_and_scores_in_two_tables_are_joined_by_label(checked):
    e = checked("chromium-joined-borderless.pdf")
    assert _rows(e) == [
        ("Opleidingen", 80, 36, 45.0, 7.6, False),
        ("Leerbanen", 15, 6, 40.0, 8.2, False),
        ("Totaal", 95, 42, 44.2, 7.7, True),
    ]
    assert e.final is False  # 'Concept'
    assert e.meetperiode.start == dt.date(2021, 1, 1)  # 'De meetperiode loopt van 01-01-2021 tot en met 31-12-2021'
    assert e.confidence == "high"


@pytest.mark.parametrize("name", ["chromium-continued.pdf", "lo-continued.pdf"])
def test_a_table_over_four_pages_keeps_every_row_and_the_total(checked, name):
    e = checked(name)
    rows = _rows(e)
    assert len(rows) == 49 and rows[-1] == ("Totaal", 2136, 387, 18.1, 7.5, True)
    labels = [r[0] for r in rows[:-1]]
    assert labels == [f"Functiegerichte vaardigheidstrainingen cluster Vakgebied {k:02d}" for k in range(1, 49)]
    assert sum(r[1] for r in rows[:-1]) == 2136  # no row lost at a page break
    assert e.meetperiode.start == dt.date(2021, 1, 1) and e.meetperiode.end == dt.date(2021, 12, 31)  # 'kalenderjaar 2021'
    # LibreOffice's HTML import leaves the paragraph before the title out of the PDF: no bureau then
    assert e.bureau == ("Onderzoeksgroep Noordkaap" if name.startswith("chromium") else None)
    assert e.supplier == "Technisch Leercentrum"
    assert e.confidence == "high"
    assert len(e.evidence["results"].raw) and "pagina 1" not in e.evidence["results"].raw.split("pagina")[0]


def test_jobcoaching_report_of_another_organisation(checked):
    e = checked("jobcoach-anders.pdf")
    jc = e.jobcoaching
    assert e.parser == "uwv-jobcoaching"
    assert (jc.werknemer_avg, jc.werkgever_avg) == (7.2, 7.5)  # plain averages in the 'Behaald cijfer' row
    assert [p.werknemer_cijfer for p in jc.periods] == [8.0, 6.5, 7.0]
    counts = {a.question: a.counts for a in jc.answers}
    assert len(jc.answers) == 4  # the werkgever table has an empty first header cell and wrapped questions
    assert counts["Het aantal keren dat de jobcoach contact heeft gehad met de werknemer?"] == {
        "onvoldoende": 0, "matig": 0, "voldoende": 2, "goed": 1}
    assert counts["Bent u tevreden over de bereikbaarheid van de jobcoach (per telefoon/email/app)?"] == {
        "nee": 1, "niet helemaal": 0, "ja": 2}
    assert jc.analysis and jc.analysis.startswith("Werknemers en werkgevers zijn tevreden")
    assert (e.meetperiode.start, e.meetperiode.end) == (dt.date(2021, 3, 1), dt.date(2022, 2, 28))  # 'Periode van meting:'
    assert e.report_date == dt.date(2022, 3, 15)


def test_a_report_without_a_readable_table_records_where_it_looked(registry, tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Klanttevredenheidsonderzoek 2021", fontsize=14)
    page.insert_text((72, 100), "Tabel 2.1 Respons en rapportcijfer per perceel", fontsize=10)
    page.insert_text((72, 120), "netto steekproef, ingevuld, respons en rapportcijfer: zie bijlage", fontsize=10)
    path = tmp_path / "zonder-tabel.pdf"
    doc.save(path)
    e = process_file(path, registry, Options(regime=load_regime()))
    assert e.parser == "generiek" and e.results == []
    assert e.fact_status["results"].status == "unreadable" and "Tabel 2.1" in e.fact_status["results"].reason
    assert e.fact_status["supplier"].status == "not_found" and "voorblad" in e.fact_status["supplier"].looked
    assert not e.fact_status["supplier"].vouched
    assert e.confidence == "low"


def _thin_rect_table(path: Path, gap: float) -> None:
    """A table drawn as Chromium does: one thin filled rectangle per cell edge, with gaps (or
    overlaps, for a negative gap) at the joints."""
    doc = pymupdf.open()
    page = doc.new_page()
    xs, ys = [60, 200, 280, 360, 440], [100, 120, 140, 160]
    for y in ys:
        for a, b in zip(xs, xs[1:]):
            page.draw_rect(pymupdf.Rect(a + gap, y - 0.4, b - gap, y + 0.4), color=None, fill=(0, 0, 0))
    for x in xs:
        for a, b in zip(ys, ys[1:]):
            page.draw_rect(pymupdf.Rect(x - 0.4, a + gap, x + 0.4, b - gap), color=None, fill=(0, 0, 0))
    cells = [["Perceel", "Benaderd", "Ingevuld", "Respons"], ["Opleidingen", "40", "10", "25,0"], ["Leerbanen", "10", "5", "50,0"]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            page.insert_text((xs[c] + 4, ys[r] + 14), text, fontsize=9)
    doc.save(path)


@pytest.mark.parametrize("gap", [1.5, 0.0, -1.0])
def test_rulings_with_gaps_and_overlaps_at_the_joints_make_one_grid(tmp_path, gap):
    path = tmp_path / "t.pdf"
    _thin_rect_table(path, gap)
    with open_document(path) as doc:
        grids = gridmod.cached_ruled_grids(doc, 1)
        assert len(grids) == 1
        assert grids[0].matrix() == [["Perceel", "Benaderd", "Ingevuld", "Respons"], ["Opleidingen", "40", "10", "25,0"],
                                     ["Leerbanen", "10", "5", "50,0"]]
        table, _ = read_results(doc, [1])
        assert table.orientation == "rijen" and set(table.measures) == {"netto_steekproef", "ingevuld", "respons_pct"}


def test_pdfplumber_is_the_last_resort_and_says_so(registry, monkeypatch):
    """When the reader makes no cells of a ruled table's lines, pdfplumber reads it and a warning says so."""
    from kto_ingest.pipeline import process_file as pf

    monkeypatch.setattr(tables, "_read_grid", lambda *args: None)
    e = pf(Path(__file__).parent.parent / "fixtures" / "variant-multi-service-ruled.pdf", registry, Options())
    assert "gelezen met pdfplumber" in e.evidence["results"].raw
    assert any("pdfplumber" in w for w in e.warnings)


def test_explain_shows_the_readers_decisions(capsys):
    main(["explain", str(DATA / "chromium-joined-borderless.pdf")])
    out = capsys.readouterr().out
    assert "Beslissingen van de lezer" in out
    assert "samengevoegd op label" in out  # the scores table joined to the respons table
    assert "label 'in opdracht van'" in out  # the lexicon entry that found the supplier
    assert "percelen als rijen" in out


def test_panteia_vouches_for_a_cover_fact_it_read_the_cover_for(registry, tmp_path):
    """A Blik op Werk report prints 'In opdracht van' on its cover: with the cover read and the line
    gone, the parser vouches that the supplier is absent (and says where it looked)."""
    src = Path(__file__).parent.parent / "fixtures" / "leer-unique-2019.pdf"
    doc = pymupdf.open(src)
    page = doc[0]
    for rect in page.search_for("In opdracht van"):
        page.add_redact_annot(pymupdf.Rect(rect.x0, rect.y0, page.rect.width - 20, rect.y1))
    page.apply_redactions()
    path = tmp_path / "zonder-opdrachtgever.pdf"
    doc.save(path)
    e = process_file(path, registry, Options())
    assert e.parser == "panteia-bow" and e.supplier is None
    st = e.fact_status["supplier"]
    assert st.status == "not_found" and st.vouched and "voorblad" in st.looked
    assert "supplier" not in (e.fact_status.keys() - {"supplier"})
    assert e.fact_status.get("results") is None  # the table was read: no status needed


def test_a_landscape_page_stored_rotated_reads_as_shown(registry, tmp_path):
    """A producer may store a landscape page as a portrait page with /Rotate 90: words and
    drawings are then read in the coordinates of the page as it is shown."""
    src = pymupdf.open(DATA / "chromium-transposed-landscape.pdf")
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.show_pdf_page(page.rect, src, 0, rotate=90)
    page.set_rotation(90)
    path = tmp_path / "gedraaid.pdf"
    doc.save(path)
    e = process_file(path, registry, Options())
    assert [(r.service, r.netto_steekproef, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 64, 8.3), ("Leerbanen", 12, 7.9), ("FVT cluster Zorg", 25, 8.0), ("Totaal", 101, 8.2)]
    assert e.supplier == "Vakopleidingen Zuid" and e.confidence == "high"


def test_a_page_of_thousands_of_lines_is_not_searched_for_cells(tmp_path, monkeypatch):
    """A chart or hatching of thousands of strokes is no table: the reader gives up on its rulings
    at once instead of comparing every pair."""
    doc = pymupdf.open()
    page = doc.new_page()
    shape = page.new_shape()
    for i in range(40):  # 2,000 short dashes each way, none joining the next
        for k in range(50):
            shape.draw_line((50 + 10 * k, 50 + 18 * i), (54 + 10 * k, 50 + 18 * i))
            shape.draw_line((50 + 12 * i, 60 + 14 * k), (50 + 12 * i, 64 + 14 * k))
    shape.finish(color=(0, 0, 0), width=0.2)
    shape.commit()
    page.insert_text((60, 800), "Netto steekproef Ingevuld Respons Rapportcijfer", fontsize=8)
    path = tmp_path / "arcering.pdf"
    doc.save(path)
    monkeypatch.setattr(gridmod, "_components", lambda *a: pytest.fail("every pair of rulings compared"))
    with open_document(path) as d:
        hs, vs = gridmod.rulings(d.fitz[0])
        assert len(hs) * len(vs) > gridmod.MAX_PAIRS
        assert gridmod.cached_ruled_grids(d, 1) == []


def _borderless(page, top: float, rows: list[list[str]], xs: list[float]) -> None:
    """A borderless table: the label left-aligned at xs[0], the numbers right-aligned at xs[1:]."""
    for r, row in enumerate(rows):
        y = top + 16 * r
        page.insert_text((xs[0], y), row[0], fontsize=9)
        for text, right in zip(row[1:], xs[1:]):
            page.insert_text((right - pymupdf.get_text_length(text, fontsize=9), y), text, fontsize=9)


def test_tables_that_word_the_same_labels_differently_are_joined(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((60, 60), "Methodologische verantwoording", fontsize=12)
    _borderless(page, 100, [["Perceel", "Benaderd", "Deelgenomen", "Respons (%)"],
                            ["Opleidingen", "80", "36", "45,0"],
                            ["Functiegerichte vaardigheidstrainingen - cluster Zorg", "20", "5", "25,0"],
                            ["Totaal", "100", "41", "41,0"]], [60, 380, 460, 540])
    page.insert_text((60, 220), "Uitkomsten", fontsize=12)
    _borderless(page, 260, [["Perceel", "Rapportcijfer"], ["Opleidingen", "7,6"], ["FVT cluster Zorg", "8,2"],
                            ["Totaal alle percelen", "7,7"]], [60, 300])
    path = tmp_path / "twee-tabellen.pdf"
    doc.save(path)
    with open_document(path) as d:
        table, _ = read_results(d, [1])
    assert [(r.label, r.values.get("rapportcijfer")) for r in table.rows] == [
        ("Opleidingen", "7,6"), ("Functiegerichte vaardigheidstrainingen - cluster Zorg", "8,2"), ("Totaal", "7,7")]
    assert any("samengevoegd op label (3 van 3 rijen)" in x for x in table.decisions)


def test_a_row_only_the_second_table_has_is_kept(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    _borderless(page, 100, [["Perceel", "Benaderd", "Deelgenomen", "Respons (%)"],
                            ["Opleidingen", "80", "36", "45,0"], ["Leerbanen", "20", "5", "25,0"]], [60, 380, 460, 540])
    _borderless(page, 260, [["Perceel", "Rapportcijfer"], ["Opleidingen", "7,6"], ["Leerbanen", "8,2"],
                            ["Totaal", "7,7"]], [60, 300])
    path = tmp_path / "totaal-alleen-bij-cijfers.pdf"
    doc.save(path)
    with open_document(path) as d:
        table, _ = read_results(d, [1])
    assert [(r.label, r.values.get("netto_steekproef"), r.values.get("rapportcijfer")) for r in table.rows] == [
        ("Opleidingen", "80", "7,6"), ("Leerbanen", "20", "8,2"), ("Totaal", None, "7,7")]


def test_a_table_continued_on_the_next_page_without_its_header(tmp_path):
    doc = pymupdf.open()
    xs = [60, 380, 460, 540]
    _borderless(doc.new_page(), 700, [["Perceel", "Benaderd", "Ingevuld", "Respons (%)"], ["Opleidingen", "80", "36", "45,0"],
                                      ["Leerbanen", "20", "5", "25,0"]], xs)
    _borderless(doc.new_page(), 60, [["Ervaringscertificaten", "10", "4", "40,0"], ["Totaal", "110", "45", "40,9"]], xs)
    path = tmp_path / "vervolg-zonder-kop.pdf"
    doc.save(path)
    with open_document(path) as d:
        table, _ = read_results(d, [1])
    assert [(r.label, r.values.get("netto_steekproef"), r.page) for r in table.rows] == [
        ("Opleidingen", "80", 1), ("Leerbanen", "20", 1), ("Ervaringscertificaten", "10", 2), ("Totaal", "110", 2)]
    assert any("zonder kop" in x for x in table.decisions)


def _header_at_foot(path: Path, *, above_rows: str | None = None, header_xs: list[float] | None = None) -> None:
    """Caption and header at the foot of page 1, every row on page 2, no header repeated; a running
    header and a page-number footer on both pages. ``above_rows``: a paragraph above the rows on
    page 2; ``header_xs``: the header set at other columns than the rows."""
    doc = pymupdf.open()
    xs = [60, 330, 400, 470, 540]
    doc.new_page()
    doc.new_page()
    for page_no in (1, 2):
        page = doc[page_no - 1]
        page.insert_text((60, 30), "Bureau Peilstok - Klanttevredenheid scholing 2021", fontsize=8)
        page.insert_text((290, 815), f"Pagina {page_no} van 2", fontsize=8)
    first = doc[0]
    first.insert_text((60, 80), "Alle klanten zijn per e-mail uitgenodigd.", fontsize=9)
    first.insert_text((60, 740), "Tabel 3 Benaderd, ingevuld, respons en rapportcijfer", fontsize=9)
    _borderless(first, 762, [["Perceel", "Benaderd", "Ingevuld", "Respons (%)", "Rapportcijfer"]], header_xs or xs)
    second = doc[1]
    top = 60
    if above_rows:
        second.insert_text((60, 60), above_rows, fontsize=9)
        top = 90
    _borderless(second, top, [["Opleidingen", "80", "36", "45,0", "8,1"], ["Leerbanen", "20", "5", "25,0", "7,9"],
                              ["Totaal", "100", "41", "41,0", "8,0"]], xs)
    doc.save(path)


def test_a_header_at_the_foot_of_a_page_reads_the_rows_on_the_next(tmp_path):
    """Caption and header at the bottom of page 1, the rows on page 2 under a running header, a
    page-number footer between them: one table, with the caption as its evidence."""
    path = tmp_path / "kop-onderaan.pdf"
    _header_at_foot(path)
    with open_document(path) as d:
        table, _ = read_results(d)
    assert table is not None and table.page == 1
    assert [(r.label, r.values.get("netto_steekproef"), r.values.get("rapportcijfer"), r.page) for r in table.rows] == [
        ("Opleidingen", "80", "8,1", 2), ("Leerbanen", "20", "7,9", 2), ("Totaal", "100", "8,0", 2)]
    assert set(table.measures) == {"netto_steekproef", "ingevuld", "respons_pct", "rapportcijfer"}
    assert any("onder de kop onderaan pagina 1" in x for x in table.decisions)


def test_a_header_at_the_foot_ending_in_a_statistic_with_a_dot_is_still_a_header(tmp_path):
    """A header whose last cell is 'St.dev.' ends in a full stop like a sentence; it is a header
    cell, not the end of a paragraph (as the reader already knows for a header above its rows)."""
    path = tmp_path / "stdev-onderaan.pdf"
    doc = pymupdf.open()
    xs = [60, 290, 350, 410, 470, 530]
    doc.new_page()
    doc.new_page()
    first, second = doc[0], doc[1]
    for n, page in enumerate((first, second), start=1):
        page.insert_text((290, 815), f"Pagina {n} van 2", fontsize=8)
    first.insert_text((60, 740), "Tabel 3 Respons en rapportcijfer per perceel", fontsize=9)
    _borderless(first, 762, [["Perceel", "Benaderd", "Ingevuld", "Respons (%)", "Rapportcijfer", "St.dev."]], xs)
    _borderless(second, 60, [["Opleidingen", "80", "36", "45,0", "8,1", "1,2"], ["Leerbanen", "20", "5", "25,0", "7,9", "0,9"],
                             ["Totaal", "100", "41", "41,0", "8,0", "1,1"]], xs)
    doc.save(path)
    with open_document(path) as d:
        table, _ = read_results(d)
    assert table is not None and [(r.label, r.values.get("rapportcijfer"), r.page) for r in table.rows] == [
        ("Opleidingen", "8,1", 2), ("Leerbanen", "7,9", 2), ("Totaal", "8,0", 2)]


@pytest.mark.parametrize("case", ["paragraph-above-rows", "other-columns"])
def test_a_header_at_a_pages_foot_is_not_joined_to_rows_that_are_not_its_body(tmp_path, case):
    """Rows that open the next page after a paragraph of their own, or whose columns the header
    does not stand over, are not read under that header."""
    path = tmp_path / f"{case}.pdf"
    if case == "paragraph-above-rows":
        _header_at_foot(path, above_rows="Hieronder staan de aantallen van een andere meting uit 2019.")
    else:
        _header_at_foot(path, header_xs=[60, 150, 210, 270, 330])
    with open_document(path) as d:
        table, _ = read_results(d)
    assert table is None or not any(r.page == 2 for r in table.rows)


def test_jobcoaching_format_with_numbered_rows_and_a_question_cut_by_the_page_break(checked):
    """Detection rests on what the format must have (a score table per werknemer and werkgever, a
    date of recognition in any wording, the answer scales), not on the seed's exact headings."""
    e = checked("jobcoach-genummerd.pdf")
    jc = e.jobcoaching
    assert e.parser == "uwv-jobcoaching"  # 'Cijfer werknemer', 'Erkenningsdatum': no seed heading
    assert jc.recognition_date == dt.date(2015, 5, 12)
    assert [(p.werknemer, p.werknemer_cijfer, p.werkgever_cijfer) for p in jc.periods] == [
        ("Werknemer P", 8.0, 7.0), ("Werknemer Q", 7.0, 8.0)]
    assert (jc.werknemer_avg, jc.werkgever_avg) == (7.5, 7.5)  # 'Behaald cijfer' behind an empty 'Nr.' cell
    counts = {a.question: a.counts for a in jc.answers}
    assert counts["Het aantal keren dat de jobcoach contact heeft gehad met de werknemer?"] == {
        "onvoldoende": 0, "matig": 0, "voldoende": 1, "goed": 1}  # its rest opens the next page's table
    assert "contact heeft gehad met de werknemer?" not in counts
    assert counts["Het loopbaanperspectief van de werknemer?"]["onvoldoende"] == 1
    assert len(jc.answers) == 4


def test_values_centred_on_a_label_of_three_evenly_spaced_lines(tmp_path):
    """A word processor's table without lines: every line the same distance apart, the values on
    the middle line of a label of three, headers left-aligned in cells that begin right where the
    numbers of the column before end. Lines tight both ways go by the words: a label opening in
    lower case began on the line above; a label ending in '/' goes on below."""
    doc = pymupdf.open()
    page = doc.new_page()

    def at(x: float, y: float, text: str) -> None:
        page.insert_text((x, y), text, fontsize=9)

    for x, y, text in [(240, 100, "Netto"), (300, 100, "Respon-"), (380, 100, "Respons"),
                       (60, 116, "Perceel"), (240, 116, "steek-"), (300, 116, "denten"), (380, 116, "(%)"), (460, 116, "Cijfer"),
                       (240, 132, "proef")]:
        at(x, y, text)
    _borderless(page, 148, [["Opleidingen", "66", "15", "22,7", "8,9"], ["Functiegerichte"],
                            ["vaardigheidstrainingen /", "57", "34", "59,6", "8,2"], ["Administratie en ICT"],
                            ["Leerbanen", "125", "68", "54,4", "8,6"]], [60, 300, 380, 460, 540])
    path = tmp_path / "gecentreerd.pdf"
    doc.save(path)
    with open_document(path) as d:
        table, _ = read_results(d, [1])
    # no measure is named whole anywhere ('steek-' / 'proef', 'Respon-' / 'denten'): the generic
    # parser still knows the table once the reader has joined the lines of each header cell
    from parsers.generic import GenericTableParser
    with open_document(path) as d:
        assert GenericTableParser().table_page(d) == 1
    assert [(r.label, r.values.get("netto_steekproef"), r.values.get("ingevuld"), r.values.get("respons_pct"),
             r.values.get("rapportcijfer")) for r in table.rows] == [
        ("Opleidingen", "66", "15", "22,7", "8,9"),
        ("Functiegerichte vaardigheidstrainingen / Administratie en ICT", "57", "34", "59,6", "8,2"),
        ("Leerbanen", "125", "68", "54,4", "8,6")]


def test_a_run_of_label_lines_between_two_rows_is_split_where_the_next_label_opens(tmp_path):
    """'schoonmaak' ends the label above (lower case, after 'Horeca en'); 'Functiegerichte' opens
    the label of the next row, whose values stand between its two lines with no label of their own."""
    doc = pymupdf.open()
    page = doc.new_page()
    _borderless(page, 100, [["Perceel", "Netto steekproef", "Respondenten", "Respons (%)", "Cijfer"],
                            ["Opleidingen", "44", "19", "43,2", "8,3"], ["Functiegerichte"],
                            ["vaardigheidstrainingen / Horeca en", "75", "37", "49,3", "8,2"], ["schoonmaak"],
                            ["Functiegerichte"]], [60, 300, 380, 460, 540])
    _borderless(page, 188, [["", "130", "68", "52,3", "8,5"]], [60, 300, 380, 460, 540])
    _borderless(page, 196, [["vaardigheidstrainingen / Logistiek"], ["Ervaringscertificaten", "26", "8", "30,8", "8,7"]],
                [60, 300, 380, 460, 540])
    path = tmp_path / "gesplitst.pdf"
    doc.save(path)
    with open_document(path) as d:
        table, _ = read_results(d, [1])
    assert [(r.label, r.values.get("netto_steekproef")) for r in table.rows] == [
        ("Opleidingen", "44"), ("Functiegerichte vaardigheidstrainingen / Horeca en schoonmaak", "75"),
        ("Functiegerichte vaardigheidstrainingen / Logistiek", "130"), ("Ervaringscertificaten", "26")]


def test_a_caption_and_the_paragraph_above_a_one_measure_table_are_no_header(tmp_path):
    """'Tabel 2.1 Rapportcijfer' and the wrapped end of the sentence above it sit as close to the
    table as a header line; they stay out of it, so the score column is joined to the respons table."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((60, 70), "Gemeten is over 2021, voor alle klanten van wie een scholingsdienst is", fontsize=9)
    page.insert_text((60, 82), "afgerond.", fontsize=9)
    page.insert_text((60, 100), "Tabel 2.1 Rapportcijfer", fontsize=9)
    _borderless(page, 114, [["Perceel/cluster", "Gemiddeld rapportcijfer"], ["Opleidingen", "8,6"], ["Leerbanen", "8,9"]],
                [60, 500])
    _borderless(page, 260, [["Perceel/cluster", "Netto steekproef", "Ingevuld", "Respons"],
                            ["Leerbanen", "114", "57", "50,0%"], ["Opleidingen", "120", "53", "44,2%"]], [60, 380, 460, 540])
    path = tmp_path / "bijschrift.pdf"
    doc.save(path)
    with open_document(path) as d:
        table, _ = read_results(d, [1])
    assert "beeindigd" not in table.measures  # 'afgerond.' is no header
    assert sorted((r.label, r.values.get("rapportcijfer"), r.values.get("ingevuld")) for r in table.rows) == [
        ("Leerbanen", "8,9", "57"), ("Opleidingen", "8,6", "53")]
