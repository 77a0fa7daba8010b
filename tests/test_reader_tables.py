"""Results tables laid out by other bureaus: group headers over sub-headers, shaded headers and
zebra rows, columns of other statistics, a table split by hand with '(vervolg)', perceel codes in
the labels, footnote marks, and a column mapping that is a guess. Each PDF is drawn here with
PyMuPDF the way a producer draws it (filled rectangles for shading, lines or none for rules)."""

from __future__ import annotations

from pathlib import Path

import datetime as dt

import pytest

from kto_ingest._pymupdf import pymupdf
from kto_ingest.document import open_document
from kto_ingest.pipeline import Options, explain_file, process_file
from kto_ingest.reader import grid as gridmod
from kto_ingest.reader.tables import read_results
from kto_ingest.regime import load_regime

FONT = 9


def _text(page, x: float, y: float, text: str, *, right: bool = False, centre: bool = False, colour=(0, 0, 0)) -> None:
    """Text with its baseline at y: left-aligned at x, right-aligned ending at x, or centred on x."""
    width = pymupdf.get_text_length(text, fontsize=FONT)
    if right:
        x -= width
    elif centre:
        x -= width / 2
    page.insert_text((x, y), text, fontsize=FONT, color=colour)


def _rows(table):
    return [(r.label, r.values) for r in table.rows if not r.heading]


def _read(path: Path, pages: list[int] | None = None):
    with open_document(path) as doc:
        return read_results(doc, pages or [1])


# ---- a two-row header with group cells, a filled header, zebra rows -----------------------------

# column boxes (x0, x1) as a Chromium table lays them out: label, Uitgenodigd, Respons aantal, %,
# Rapportcijfer gemiddeld, st.dev.
COLS = [(60, 300), (300, 365), (365, 410), (410, 455), (455, 510), (510, 555)]
BODY = [["Opleidingen", "38", "22", "57,9%", "8,4", "1,3"],
        ["Functiegerichte vaardigheidstrainingen - Zorg en welzijn", "137", "44", "32,1%", "8,3", "0,8"],
        ["Ervaringscertificaten", "127", "61", "48,0%", "8,3", "0,5"],
        ["Totaal", "302", "127", "42,1%", "8,3", "1,4"]]


def _shaded_table(path: Path, outline: bool) -> None:
    """'Respons' over 'aantal' and '%', 'Rapportcijfer' over 'gemiddeld' and 'st.dev.', white text
    on a dark header filled cell by cell, every other body row shaded. ``outline``: each fill is
    also stroked in its own colour (as some producers draw a shaded cell)."""
    doc = pymupdf.open()
    page = doc.new_page()
    dark, light = (0.12, 0.42, 0.30), (0.9, 0.94, 0.91)

    def fill(x0, y0, x1, y1, colour):
        page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=colour if outline else None, fill=colour)

    _text(page, 60, 90, "Tabel 2.1 Respons en waardering per perceel en cluster")
    top, mid, bottom = 100, 116, 132
    for (a, b) in (COLS[0], COLS[1]):  # cells spanning both header rows
        fill(a, top, b, bottom, dark)
    fill(COLS[2][0], top, COLS[3][1], mid, dark)
    fill(COLS[4][0], top, COLS[5][1], mid, dark)
    for a, b in COLS[2:]:
        fill(a, mid, b, bottom, dark)
    white = (1, 1, 1)
    _text(page, 64, 128, "Perceel / cluster", colour=white)
    _text(page, COLS[1][1] - 4, 128, "Uitgenodigd", right=True, colour=white)
    _text(page, (COLS[2][0] + COLS[3][1]) / 2, 112, "Respons", centre=True, colour=white)
    _text(page, (COLS[4][0] + COLS[5][1]) / 2, 112, "Rapportcijfer", centre=True, colour=white)
    for (a, b), word in zip(COLS[2:], ["aantal", "%", "gemiddeld", "st.dev."]):
        _text(page, b - 4, 128, word, right=True, colour=white)
    y = bottom
    for i, row in enumerate(BODY):
        if i % 2 == 1:
            for a, b in COLS:
                fill(a, y, b, y + 16, light)
        _text(page, 64, y + 12, row[0])
        for (a, b), value in zip(COLS[1:], row[1:]):
            _text(page, b - 4, y + 12, value, right=True)
        y += 16
    _text(page, 60, y + 20, "Het rapportcijfer is het gemiddelde van de cijfers die de respondenten gaven.")
    doc.save(path)


@pytest.mark.parametrize("outline", [False, True])
def test_a_group_header_over_sub_headers_with_a_filled_header_and_zebra_rows(tmp_path, outline):
    """'st.dev.' ends in a full stop but is a header cell, not the end of a paragraph; the shading
    is background, not cell borders; 'Respons' over 'aantal' is ingevuld, over '%' the respons;
    'Rapportcijfer' over 'st.dev.' is no rapportcijfer."""
    path = tmp_path / "gearceerd.pdf"
    _shaded_table(path, outline)
    with open_document(path) as doc:
        assert gridmod.cached_ruled_grids(doc, 1) == []  # fills are no rulings
    table, _ = _read(path)
    assert table.measures == {"netto_steekproef": "Uitgenodigd", "ingevuld": "Respons aantal", "respons_pct": "Respons %",
                              "rapportcijfer": "Rapportcijfer gemiddeld"}
    assert _rows(table) == [
        (row[0], {"netto_steekproef": row[1], "ingevuld": row[2], "respons_pct": row[3], "rapportcijfer": row[4]})
        for row in BODY]
    assert any("'Rapportcijfer st.dev.'" in d and "genegeerd" in d for d in table.decisions)
    assert not table.guesses


def test_a_group_header_spans_its_columns_in_a_borderless_grid(tmp_path):
    path = tmp_path / "gearceerd.pdf"
    _shaded_table(path, False)
    with open_document(path) as doc:
        grid = next(g for g in gridmod.page_grids(doc, 1) if g.method == "uitlijning")
        from kto_ingest.reader.grid import column_headers

        groups = column_headers(grid, grid.header_rows)
    assert groups == [("", "Perceel / cluster"), ("", "Uitgenodigd"), ("Respons", "aantal"), ("Respons", "%"),
                      ("Rapportcijfer", "gemiddeld"), ("Rapportcijfer", "st.dev.")]


# ---- a ruled table with merged group cells; extra columns before the measure --------------------


def _ruled(page, xs: list[float], ys: list[float], merged: dict[int, list[tuple[int, int]]]) -> None:
    """Stroked lines: every horizontal, and the verticals of each row band except where a cell
    is merged over columns (``merged``: band -> [(first col, last col)])."""
    for y in ys:
        page.draw_line((xs[0], y), (xs[-1], y), color=(0, 0, 0), width=0.5)
    for band, (a, b) in enumerate(zip(ys, ys[1:])):
        inner = {k for first, last in merged.get(band, []) for k in range(first + 1, last + 1)}
        for k, x in enumerate(xs):
            if k not in inner:
                page.draw_line((x, a), (x, b), color=(0, 0, 0), width=0.5)


def test_a_merged_group_cell_in_a_ruled_table_and_a_median_before_the_mean(tmp_path):
    """'Aantallen' merged over 'beëindigd', 'uitgenodigd', 'ingevuld'; 'Rapportcijfer' over
    'mediaan' and 'gemiddeld', the median first; 'Respons %' over both header rows."""
    doc = pymupdf.open()
    page = doc.new_page(width=842, height=595)  # landscape
    xs = [50, 300, 370, 450, 520, 590, 660, 730]
    ys = [80, 96, 112, 128, 144]
    _ruled(page, xs, ys, {0: [(1, 3), (5, 6)]})
    for col, text in [(1, "Aantallen"), (5, "Rapportcijfer")]:
        _text(page, xs[col] + 4, 92, text)
    _text(page, xs[4] + 4, 92, "Respons")
    for col, text in enumerate(["Perceel / cluster", "beëindigd", "uitgenodigd", "ingevuld", "%", "mediaan", "gemiddeld"]):
        _text(page, xs[col] + 4, 108, text)
    for r, row in enumerate([["Opleidingen", "56", "56", "21", "37,5", "8,5", "8,3"],
                             ["Leerbanen", "20", "20", "5", "25,0", "8", "7,9"]]):
        for col, text in enumerate(row):
            _text(page, xs[col] + 4, 124 + 16 * r, text)
    path = tmp_path / "samengevoegd.pdf"
    doc.save(path)
    table, _ = _read(path)
    assert table.measures == {"beeindigd": "Aantallen beëindigd", "netto_steekproef": "Aantallen uitgenodigd",
                              "ingevuld": "Aantallen ingevuld", "respons_pct": "Respons %", "rapportcijfer": "Rapportcijfer gemiddeld"}
    assert _rows(table) == [
        ("Opleidingen", {"beeindigd": "56", "netto_steekproef": "56", "ingevuld": "21", "respons_pct": "37,5", "rapportcijfer": "8,3"}),
        ("Leerbanen", {"beeindigd": "20", "netto_steekproef": "20", "ingevuld": "5", "respons_pct": "25,0", "rapportcijfer": "7,9"})]


def test_rules_between_rows_only_with_a_group_header(tmp_path):
    """Horizontal rules under each row and none between the columns: the columns come from the
    alignment; 'Respons' centred over 'n' and '%' still spans both."""
    doc = pymupdf.open()
    page = doc.new_page()
    rights = [None, 330, 400, 470, 540]
    ys = [80, 112, 128, 144, 160]
    for y in ys:
        page.draw_line((60, y), (545, y), color=(0, 0, 0), width=0.5)
    _text(page, 64, 108, "Dienst")
    _text(page, 330, 108, "Benaderd", right=True)
    _text(page, (334 + 474) / 2, 92, "Respons", centre=True)  # over the cells of n and %
    _text(page, 400, 108, "n", right=True)
    _text(page, 470, 108, "%", right=True)
    _text(page, 540, 108, "Cijfer", right=True)
    body = [["Opleidingen", "80", "36", "45,0", "7,6"], ["Leerbanen", "15", "6", "40,0", "8,2"], ["Totaal", "95", "42", "44,2", "7,7"]]
    for r, row in enumerate(body):
        _text(page, 64, 124 + 16 * r, row[0])
        for right, text in zip(rights[1:], row[1:]):
            _text(page, right, 124 + 16 * r, text, right=True)
    path = tmp_path / "lijnen-tussen-rijen.pdf"
    doc.save(path)
    table, _ = _read(path)
    assert table.measures["ingevuld"] == "Respons n" and table.measures["respons_pct"] == "Respons %"
    assert [(r.label, r.values["ingevuld"], r.values["respons_pct"], r.values["rapportcijfer"]) for r in table.rows] == [
        ("Opleidingen", "36", "45,0", "7,6"), ("Leerbanen", "6", "40,0", "8,2"), ("Totaal", "42", "44,2", "7,7")]


@pytest.mark.parametrize("group,own,expected", [
    ("Respons", "aantal", "ingevuld"), ("Respons", "%", "respons_pct"), ("Aantal respondenten", "%", "respons_pct"),
    ("Aantal respondenten", "n", "ingevuld"), ("Uitgenodigd", "n", "netto_steekproef"), ("Aantallen", "beëindigd", "beeindigd"),
    ("Rapportcijfer", "gemiddeld", "rapportcijfer"), ("Rapportcijfer", "n", None), ("Rapportcijfer", "mediaan", None),
    ("Rapportcijfer", "st.dev.", None), ("Rapportcijfer", "% 8 of hoger", None), ("", "Standaardafwijking", None),
    ("", "Score (sd)", None), ("", "Gemiddeld cijfer", "rapportcijfer"), ("", "Respons (n)", "ingevuld"),
])
def test_a_columns_measure_from_its_group_and_own_header(group, own, expected):
    from kto_ingest.reader.tables import measure_of_column

    found = measure_of_column(group, own)
    assert (found[0] if found else None) == expected


def test_extra_columns_in_another_order_are_not_taken_for_the_measures(tmp_path):
    """'n' and 'Score (sd)' stand before 'Ingevuld' and 'Rapportcijfer': the specific header wins,
    the spread is no score."""
    doc = pymupdf.open()
    page = doc.new_page()
    rights = [None, 200, 260, 330, 400, 470, 540]
    _text(page, 60, 100, "Perceel")
    for right, text in zip(rights[1:], ["n", "Score (sd)", "Rapportcijfer", "Respons", "Ingevuld", "Benaderd"]):
        _text(page, right, 100, text, right=True)
    for r, row in enumerate([["Opleidingen", "36", "1,1", "7,6", "45,0%", "36", "80"], ["Leerbanen", "6", "0,9", "8,2", "40,0%", "6", "15"]]):
        _text(page, 60, 116 + 16 * r, row[0])
        for right, text in zip(rights[1:], row[1:]):
            _text(page, right, 116 + 16 * r, text, right=True)
    path = tmp_path / "extra-kolommen.pdf"
    doc.save(path)
    table, _ = _read(path)
    assert table.measures == {"rapportcijfer": "Rapportcijfer", "respons_pct": "Respons", "ingevuld": "Ingevuld",
                              "netto_steekproef": "Benaderd"}
    assert [(r.label, r.values) for r in table.rows][0] == (
        "Opleidingen", {"rapportcijfer": "7,6", "respons_pct": "45,0%", "ingevuld": "36", "netto_steekproef": "80"})
    assert not table.guesses


# ---- a table split by hand, the rest '(vervolg)' on the next page -------------------------------

XS = [60, 380, 460, 540]


def _borderless(page, top: float, rows: list[list[str]]) -> None:
    for r, row in enumerate(rows):
        y = top + 16 * r
        _text(page, XS[0], y, row[0])
        for text, right in zip(row[1:], XS[1:]):
            _text(page, right, y, text, right=True)


@pytest.mark.parametrize("caption", ["Tabel 3.1 (vervolg)", "Vervolg tabel 3.1", "Table 3.1 (continued)"])
@pytest.mark.parametrize("repeated", [True, False])
def test_a_table_split_by_hand_goes_on_under_a_vervolg_caption(tmp_path, caption, repeated):
    """The first part ends halfway down its page (a page break after it); the rest stands on the
    next page under a caption that says it continues, with or without the header repeated."""
    head = ["Perceel", "Benaderd", "Ingevuld", "Respons (%)"]
    doc = pymupdf.open()
    page = doc.new_page()
    _text(page, 60, 80, "Tabel 3.1 Respons per perceel")
    _borderless(page, 100, [head, ["P1 - Opleidingen", "80", "36", "45,0"], ["P2 - Horeca en schoonmaak", "20", "5", "25,0"]])
    _text(page, 60, 200, "De tabel loopt door op de volgende pagina.")
    page = doc.new_page()
    _text(page, 60, 60, caption)
    _borderless(page, 80, ([head] if repeated else []) + [["P3 - Leerbanen", "10", "4", "40,0"], ["Totaal", "110", "45", "40,9"]])
    path = tmp_path / "vervolg.pdf"
    doc.save(path)
    table, _ = _read(path)
    assert [(r.label, r.values.get("netto_steekproef"), r.page) for r in table.rows] == [
        ("P1 - Opleidingen", "80", 1), ("P2 - Horeca en schoonmaak", "20", 1), ("P3 - Leerbanen", "10", 2), ("Totaal", "110", 2)]
    assert any("vervolg van de tabel van pagina 1" in d for d in table.decisions)


def test_a_second_table_with_the_same_header_and_no_vervolg_is_not_a_continuation(tmp_path):
    """The first table ends halfway down its page and the next page opens with a table of its own
    caption: the two stay apart (the first, with its percelen, is the results table)."""
    head = ["Perceel", "Benaderd", "Ingevuld", "Respons (%)"]
    doc = pymupdf.open()
    page = doc.new_page()
    _text(page, 60, 80, "Tabel 3.1 Respons per perceel, 2021")
    _borderless(page, 100, [head, ["Opleidingen", "80", "36", "45,0"], ["Leerbanen", "20", "5", "25,0"]])
    page = doc.new_page()
    _text(page, 60, 60, "Tabel 3.2 Respons per perceel, 2020")
    _borderless(page, 80, [head, ["Opleidingen", "70", "30", "42,9"], ["Leerbanen", "10", "4", "40,0"]])
    path = tmp_path / "twee-tabellen.pdf"
    doc.save(path)
    table, _ = _read(path)
    assert [(r.label, r.values.get("netto_steekproef")) for r in table.rows] == [("Opleidingen", "80"), ("Leerbanen", "20")]


# ---- through the generic parser: codes, footnote marks, a guessed mapping -----------------------


def _report(path: Path, head: list[str], rows: list[list[str]], legend: str | None = None) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=842, height=595)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    if legend:
        _text(page, 60, 80, legend)
    xs = [60, 360, 440, 520, 600, 680, 760][:len(head)]
    for r, row in enumerate([head] + rows):
        _text(page, xs[0], 120 + 16 * r, row[0])
        for text, right in zip(row[1:], xs[1:]):
            _text(page, right, 120 + 16 * r, text, right=True)
    doc.save(path)


def _process(registry, path: Path):
    return process_file(path, registry, Options(regime=load_regime()))


HEAD = ["Perceel", "Netto steekproef", "Ingevuld", "Respons", "Rapportcijfer"]


def test_labels_with_a_perceel_code_are_kept_as_printed_and_read_after_the_code(registry, tmp_path):
    path = tmp_path / "codes.pdf"
    _report(path, HEAD, [["P1 - Opleidingen", "80", "36", "45,0%", "7,6"], ["P2 - Horeca en schoonmaak", "20", "5", "25,0%", "8,2"],
                         ["Totaal", "100", "41", "41,0%", "7,7"]],
            legend="Percelen: P1 Opleidingen, P2 Functiegerichte vaardigheidstrainingen (per cluster), P3 Leerbanen.")
    e = _process(registry, path)
    assert [r.service for r in e.results] == ["P1 - Opleidingen", "P2 - Horeca en schoonmaak", "Totaal"]
    assert e.confidence == "high", e.warnings  # P2 is explained as a perceel in the text; the rest is its cluster


def test_a_code_the_text_does_not_explain_leaves_the_label_unrecognised(registry, tmp_path):
    path = tmp_path / "codes-zonder-legenda.pdf"
    _report(path, HEAD, [["P1 - Opleidingen", "80", "36", "45,0%", "7,6"], ["P2 - Horeca en schoonmaak", "20", "5", "25,0%", "8,2"]])
    e = _process(registry, path)
    assert e.confidence == "low"
    assert any("'P2 - Horeca en schoonmaak'" in w and "niet als perceel" in w for w in e.warnings)


def test_footnote_marks_after_values_are_left_out_with_a_note(registry, tmp_path):
    path = tmp_path / "voetnoot.pdf"
    _report(path, HEAD, [["Opleidingen", "80", "36", "45,0%", "7,6*"], ["Leerbanen", "20", "5", "25,0%", "8,2¹"]])
    e = _process(registry, path)
    assert [(r.service, r.rapportcijfer) for r in e.results] == [("Opleidingen", 7.6), ("Leerbanen", 8.2)]
    assert e.results[0].raw["rapportcijfer"] == "7,6*"  # as printed
    assert any("Voetnoottekens" in w and "'7,6*'" in w for w in e.warnings)


def test_a_guessed_column_mapping_gives_low_confidence_with_the_reason(registry, tmp_path):
    """Two columns both headed as the score, nothing to tell them apart: the reader takes the
    first, but says it guessed, so the report cannot pass on it without a person."""
    path = tmp_path / "twee-cijfers.pdf"
    _report(path, ["Perceel", "Netto steekproef", "Ingevuld", "Respons", "Rapportcijfer", "Gemiddeld cijfer"],
            [["Opleidingen", "80", "36", "45,0%", "7,6", "8,1"], ["Leerbanen", "20", "5", "25,0%", "8,2", "7,0"]])
    e = _process(registry, path)
    assert [r.rapportcijfer for r in e.results] == [7.6, 8.2]
    assert e.confidence == "low"
    assert any("niet zeker" in w and "'Rapportcijfer'" in w for w in e.warnings)
    explained = explain_file(path, registry, Options(regime=load_regime()))
    assert any("gegokt" in d for d in explained.decisions)


@pytest.mark.parametrize("years", [("2021", "2020"), ("2020", "2021")])
def test_of_two_measurements_side_by_side_the_latest_is_read(registry, tmp_path, years):
    """'Meting 2021' beside 'Meting 2020' (or the other way round): the latest year is this
    measurement, the other is there to compare; whatever the order, never last year's values."""
    path = tmp_path / "twee-metingen.pdf"
    now, before = ("7,6", "8,1"), ("8,2", "7,0")
    cells = {"2021": now, "2020": before}
    _report(path, ["Perceel", "Netto steekproef", "Ingevuld", "Respons", f"Rapportcijfer {years[0]}", f"Rapportcijfer {years[1]}"],
            [["Opleidingen", "80", "36", "45,0%", cells[years[0]][0], cells[years[1]][0]],
             ["Leerbanen", "20", "5", "25,0%", cells[years[0]][1], cells[years[1]][1]]])
    e = _process(registry, path)
    assert [r.rapportcijfer for r in e.results] == [7.6, 8.1]
    assert not any("niet zeker" in w for w in e.warnings)


@pytest.mark.parametrize("label,perceel", [
    ("Functiegerichte vaardigheidstrainingen: Techniek", "Functiegerichte vaardigheidstrainingen, cluster Techniek"),
    ("Functiegerichte vaardigheidstrainingen – Zorg en welzijn", "Functiegerichte vaardigheidstrainingen, cluster Zorg en welzijn"),
    ("Functiegerichte vaardigheidstrainingen", "Functiegerichte vaardigheidstrainingen"),
    # the cluster right after the perceel, and the perceel's usual abbreviation
    ("Functiegerichte vaardigheidstraining Logistiek", "Functiegerichte vaardigheidstrainingen, cluster Logistiek"),
    ("FVT-cluster Horeca en schoonmaak", "Functiegerichte vaardigheidstrainingen, cluster Horeca en schoonmaak"),
    ("FVT Techniek", "Functiegerichte vaardigheidstrainingen, cluster Techniek"),
    ("FVT", "Functiegerichte vaardigheidstrainingen"),
    ("Logistiek (functiegerichte vaardigheidstraining)", "Functiegerichte vaardigheidstrainingen, cluster Logistiek"),
    ("Vaardigheidstrainingen horeca en schoonmaak", "Functiegerichte vaardigheidstrainingen, cluster horeca en schoonmaak"),
    ("Functiegerichte vaardigheidstrainingen (per cluster)", "Functiegerichte vaardigheidstrainingen"),
    ("Cluster Logistiek", "Functiegerichte vaardigheidstrainingen, cluster Logistiek"),  # only this perceel has clusters
    ("Functiegerichte vaardigheidstr. Zorg en welzijn", "Functiegerichte vaardigheidstrainingen, cluster Zorg en welzijn"),
    ("Functiegerichte vaardigheidstrainingen totaal", "Functiegerichte vaardigheidstrainingen"),
    # the cluster in brackets or after a breadcrumb's '›'; a bracket that names no cluster
    ("Functiegerichte vaardigheidstrainingen (Bouw en infra)", "Functiegerichte vaardigheidstrainingen, cluster Bouw en infra"),
    ("Functiegerichte vaardigheidstrainingen (FVT)", "Functiegerichte vaardigheidstrainingen"),
    ("Functiegerichte vaardigheidstrainingen › Logistiek", "Functiegerichte vaardigheidstrainingen, cluster Logistiek"),
    ("Vaardigheidstraining · Zorg en welzijn", "Functiegerichte vaardigheidstrainingen, cluster Zorg en welzijn"),
    ("Functiegerichte vaardigheidstrainingen, Zorg en welzijn", "Functiegerichte vaardigheidstrainingen, cluster Zorg en welzijn"),
    ("Functiegerichte vaardigheidstrainingen, Totaal", "Functiegerichte vaardigheidstrainingen"),
])
def test_a_cluster_after_a_colon_is_the_cluster_of_its_perceel(label, perceel):
    """'Functiegerichte vaardigheidstrainingen: Techniek' (a label as one bureau prints it) falls
    under the cluster Techniek, as with a slash or a dash."""
    from kto_ingest.rules import Context, perceel_of

    assert perceel_of(label, Context(load_regime("uwv-scholing-2021"))) == perceel


def test_a_footnote_number_set_small_after_a_value_is_no_digit_of_it(registry, tmp_path):
    """'7,6' with a superscript '1' (reportlab's rise, as a word processor sets it) is one word
    '7,61' in the text layer: the smaller font size tells the footnote mark from the value,
    which must not be read as 7.61."""
    from reportlab.lib.pagesizes import landscape
    from reportlab.pdfgen import canvas

    path = tmp_path / "superscript.pdf"
    c = canvas.Canvas(str(path), pagesize=landscape((595, 842)))
    height = 595
    c.setFont("Helvetica", 9)
    c.drawString(60, height - 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    xs = [60, 360, 440, 520, 600]
    rows = [HEAD, ["Opleidingen", "80", "36", "45,0%", ""], ["Leerbanen", "20", "5", "25,0%", "8,2"]]
    for r, row in enumerate(rows):
        y = height - 120 - 16 * r
        c.drawString(xs[0], y, row[0])
        for text, right in zip(row[1:], xs[1:]):
            c.drawRightString(right, y, text)
    t = c.beginText(600 - c.stringWidth("7,6", "Helvetica", 9), height - 136)  # one text run: value, then the mark
    t.setFont("Helvetica", 9)
    t.textOut("7,6")
    t.setFont("Helvetica", 5.5)
    t.setRise(3.5)
    t.textOut("1")
    c.drawText(t)
    c.save()
    with open_document(path) as d:
        assert "7,61" in [w.text for w in d.page(1).words]  # as the text layer has it
    e = _process(registry, path)
    assert [(r.service, r.rapportcijfer) for r in e.results] == [("Opleidingen", 7.6), ("Leerbanen", 8.2)]
    assert e.results[0].raw["rapportcijfer"] == "7,6¹"
    assert any("Voetnoottekens" in w and "'7,6¹'" in w for w in e.warnings)


def test_a_short_group_word_over_three_columns_and_sub_headers_of_two_lines(tmp_path):
    """'Deelname' centred over three columns sits inside the middle one, so nothing shows that it
    spans them; the sub-header under it ('respondenten') still names the measure. 'respons' over
    '%' is one header cell of two lines."""
    doc = pymupdf.open()
    page = doc.new_page()
    rights = [None, 330, 400, 470, 540]
    _text(page, 64, 120, "Dienst")
    _text(page, 330, 120, "Cijfer", right=True)
    _text(page, 435, 92, "Deelname", centre=True)
    for right, lines in zip(rights[2:], [["", "uitgenodigd"], ["", "respondenten"], ["respons", "%"]]):
        for k, line in enumerate(lines):
            if line:
                _text(page, right, 106 + 14 * k, line, right=True)
    for r, row in enumerate([["Opleidingen", "7,6", "80", "36", "45,0"], ["Leerbanen", "8,2", "15", "6", "40,0"]]):
        _text(page, 64, 136 + 16 * r, row[0])
        for right, text in zip(rights[1:], row[1:]):
            _text(page, right, 136 + 16 * r, text, right=True)
    path = tmp_path / "deelname.pdf"
    doc.save(path)
    table, _ = _read(path)
    assert set(table.measures) == {"rapportcijfer", "netto_steekproef", "ingevuld", "respons_pct"}
    assert [(r.label, r.values) for r in table.rows][1] == (
        "Leerbanen", {"rapportcijfer": "8,2", "netto_steekproef": "15", "ingevuld": "6", "respons_pct": "40,0"})


def test_a_label_line_clearly_closer_to_the_row_below_begins_its_label(tmp_path):
    """Values set on the last line of a label of two (a cell aligned to the bottom), rows apart by
    their padding: the first line is much closer to the row below than to the row above, even
    though the row below opens with a capital ('Zorg en welzijn')."""
    doc = pymupdf.open()
    page = doc.new_page()
    xs = [60, 380, 460, 540]
    _text(page, 60, 100, "Perceel")
    for right, text in zip(xs[1:], ["Benaderd", "Ingevuld", "Respons (%)"]):
        _text(page, right, 100, text, right=True)
    lines = [(118, ["Opleidingen", "80", "36", "45,0"]), (136, ["Functiegerichte vaardigheidstrainingen - cluster"]),
             (147, ["Zorg en welzijn", "57", "34", "59,6"]), (165, ["Leerbanen", "15", "6", "40,0"])]
    for y, row in lines:
        _text(page, 60, y, row[0])
        for right, text in zip(xs[1:], row[1:]):
            _text(page, right, y, text, right=True)
    path = tmp_path / "onderaan.pdf"
    doc.save(path)
    table, _ = _read(path)
    assert [(r.label, r.values["netto_steekproef"]) for r in table.rows] == [
        ("Opleidingen", "80"), ("Functiegerichte vaardigheidstrainingen - cluster Zorg en welzijn", "57"), ("Leerbanen", "15")]


def test_header_words_between_columns_of_narrow_numbers(tmp_path):
    """Two-digit numbers of one width right-aligned under centred headers: 'aantal', '%' and 'sd'
    stand over no column's numbers, in the gap left of their own column ('gemiddeld sd' even run
    together as one chunk); each goes to the column on its right, so 'Respons' over them spans
    'aantal' and '%', and the spread is no score."""
    doc = pymupdf.open()
    page = doc.new_page()
    _text(page, 67, 170, "Perceel / cluster")
    _text(page, 323, 186, "Benaderd", right=True)
    _text(page, 375, 170, "Respons", centre=True)
    _text(page, 478, 170, "Rapportcijfer", centre=True)
    for x, word in [(333, "aantal"), (380, "%"), (426, "gemiddeld"), (484, "sd")]:
        _text(page, x, 186, word)
    for r, row in enumerate([["Opleidingen", "21", "10", "47,6", "8,1", "0,8"], ["Leerbanen", "22", "11", "50,0", "8,4", "0,9"]]):
        _text(page, 67, 204 + 16 * r, row[0])
        for right, text in zip([323, 372, 418, 483, 529], row[1:]):
            _text(page, right, 204 + 16 * r, text, right=True)
    path = tmp_path / "smal.pdf"
    doc.save(path)
    table, _ = _read(path)
    assert table.measures == {"netto_steekproef": "Benaderd", "ingevuld": "Respons aantal", "respons_pct": "Respons %",
                              "rapportcijfer": "Rapportcijfer gemiddeld"}
    assert [r.values for r in table.rows][1] == {"netto_steekproef": "22", "ingevuld": "11", "respons_pct": "50,0", "rapportcijfer": "8,4"}


def test_the_first_label_line_of_the_body_goes_on_in_the_row_below(tmp_path):
    """Labels of two lines with the values on the second (cells aligned to the bottom), rows apart
    by their padding: the very first body line has no row above it to belong to."""
    doc = pymupdf.open()
    page = doc.new_page()
    xs = [60, 380, 460, 540]
    _text(page, 60, 100, "Perceel")
    for right, text in zip(xs[1:], ["Benaderd", "Ingevuld", "Respons (%)"]):
        _text(page, right, 100, text, right=True)
    lines = [(120, ["Functiegerichte vaardigheidstrainingen -"]), (131, ["cluster Vakgebied 01", "21", "10", "47,6"]),
             (149, ["Functiegerichte vaardigheidstrainingen -"]), (160, ["cluster Vakgebied 02", "22", "11", "50,0"]),
             (178, ["Leerbanen", "15", "6", "40,0"])]
    for y, row in lines:
        _text(page, 60, y, row[0])
        for right, text in zip(xs[1:], row[1:]):
            _text(page, right, y, text, right=True)
    path = tmp_path / "eerste-regel.pdf"
    doc.save(path)
    table, _ = _read(path)
    assert [(r.label, r.values["netto_steekproef"]) for r in table.rows] == [
        ("Functiegerichte vaardigheidstrainingen - cluster Vakgebied 01", "21"),
        ("Functiegerichte vaardigheidstrainingen - cluster Vakgebied 02", "22"), ("Leerbanen", "15")]


# ---- a second table with the scores and their confidence intervals, joined by label ------------

def test_scores_with_a_confidence_interval_in_a_table_of_their_own_are_joined_by_label(tmp_path):
    """holdout3, scored blind: respons per perceel in one borderless table, the rapportcijfer with
    its 95%-betrouwbaarheidsinterval ('8,5 – 9,3') in another, ordered by score. The second was no
    table (one value per row beside a range), so no rapportcijfer was read at all."""
    path = tmp_path / "interval.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    _text(page, 60, 80, "Tabel 2 Steekproef en respons")
    for i, row in enumerate([["Perceel", "Uitgenodigd", "Respondenten", "Respons"], ["Opleidingen", "48", "19", "39,6%"],
                             ["Leerbanen", "41", "19", "46,3%"], ["Ervaringscertificaten", "20", "9", "45,0%"]]):
        for x, cell in zip((60, 330, 420, 510), row):
            _text(page, x, 100 + 16 * i, cell)
    _text(page, 60, 200, "Het rapportcijfer met het 95%-betrouwbaarheidsinterval, per perceel.")
    _text(page, 60, 220, "Tabel 3 Rapportcijfer (aflopend)")
    for i, row in enumerate([["Perceel", "Rapportcijfer", "95%-betrouwbaarheidsinterval"], ["Leerbanen", "8,6", "8,3 - 8,9"],
                             ["Ervaringscertificaten", "8,4", "[8,0; 8,8]"], ["Opleidingen", "8,1", "7,7 - 8,5"]]):
        for x, cell in zip((60, 330, 420), row):
            _text(page, x, 240 + 16 * i, cell)
    doc.save(path)
    table, _ = _read(path)
    assert table is not None and set(table.measures) == {"netto_steekproef", "ingevuld", "respons_pct", "rapportcijfer"}
    got = {label: (v.get("respons_pct"), v.get("rapportcijfer")) for label, v in _rows(table)}
    assert got == {"Opleidingen": ("39,6%", "8,1"), "Leerbanen": ("46,3%", "8,6"), "Ervaringscertificaten": ("45,0%", "8,4")}
    assert any("samengevoegd op label" in d for d in table.decisions)


# ---- a block per perceel: the perceel as a heading over a small table of its measures -----------

def test_a_block_per_perceel_is_read_as_one_row_each(tmp_path):
    """holdout3, scored blind (LibreOffice): each perceel a heading over a two-column table
    ('Uitgenodigde klanten | 112', ..., 'Rapportcijfer | 8,8'). Only the first block was read,
    without a label."""
    path = tmp_path / "blokken.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    _text(page, 60, 70, "Uitkomsten per perceel")
    y = 100
    blocks = [("Opleidingen", ["112", "69", "61,6 %", "8,8"]), ("Leerbanen", ["26", "10", "38,5 %", "8,1"]),
              ("Ervaringscertificaten", ["26", "7", "26,9 %", "8,9"])]
    for name, values in blocks:
        _text(page, 60, y, name)
        y += 20
        for label, value in zip(["Uitgenodigde klanten", "Ingevulde vragenlijsten", "Respons", "Rapportcijfer"], values):
            page.draw_rect(pymupdf.Rect(60, y - 12, 250, y + 4), color=(0, 0, 0), width=0.5)
            page.draw_rect(pymupdf.Rect(250, y - 12, 330, y + 4), color=(0, 0, 0), width=0.5)
            _text(page, 64, y, label)
            _text(page, 254, y, value)
            y += 16
        y += 24
    doc.save(path)
    with open_document(path) as d:
        table, _ = read_results(d)
    assert table is not None
    assert _rows(table) == [
        ("Opleidingen", {"netto_steekproef": "112", "ingevuld": "69", "respons_pct": "61,6 %", "rapportcijfer": "8,8"}),
        ("Leerbanen", {"netto_steekproef": "26", "ingevuld": "10", "respons_pct": "38,5 %", "rapportcijfer": "8,1"}),
        ("Ervaringscertificaten", {"netto_steekproef": "26", "ingevuld": "7", "respons_pct": "26,9 %", "rapportcijfer": "8,9"})]


@pytest.mark.parametrize("head,cells,want", [
    # ingevuld of the netto steekproef in one cell, under one header
    (["Perceel", "Ingevuld / benaderd", "Respons", "Rapportcijfer"], [["Opleidingen", "36/80", "45,0%", "7,6"],
                                                                      ["Leerbanen", "5/20", "25,0%", "8,2"]],
     [(80, 36, 45.0, 7.6), (20, 5, 25.0, 8.2)]),
    (["Perceel", "Respons", "Rapportcijfer"], [["Opleidingen", "36 van 80 (45,0%)", "7,6"], ["Leerbanen", "5 van 20 (25,0%)", "8,2"]],
     [(80, 36, 45.0, 7.6), (20, 5, 25.0, 8.2)]),
    # a count with its share in brackets
    (["Perceel", "Uitgenodigd", "Ingevuld (respons)", "Rapportcijfer"],
     [["Opleidingen", "80", "36 (45,0%)", "7,6"], ["Leerbanen", "20", "5 (25,0%)", "8,2"]], [(80, 36, 45.0, 7.6), (20, 5, 25.0, 8.2)]),
    # the share with its count after 'n =' (holdout11 monitorpunt, scored blind)
    (["Perceel", "Uitgenodigd", "Respons", "Rapportcijfer"],
     [["Opleidingen", "80", "45,0% (n = 36)", "7,6"], ["Leerbanen", "20", "25,0% (n = 5)", "8,2"]], [(80, 36, 45.0, 7.6), (20, 5, 25.0, 8.2)]),
    # the score with its number of respondents (holdout11 klantstroom: "8.7 (39) ▲ boven norm")
    (["Perceel", "Uitgenodigd", "Respons", "Gem. cijfer (n)"],
     [["Opleidingen", "80", "45%", "7.6 (36)"], ["Leerbanen", "20", "25%", "8.2 (n = 5)"]],
     [(80, 36, 45.0, 7.6), (20, 5, 25.0, 8.2)]),
    # ... and no score without respondents, the norm column's dash after it (holdout11 klantstroom: "– (0) –")
    (["Perceel", "Uitgenodigd", "Respons", "Gem. cijfer (n)"],
     [["Opleidingen", "80", "45%", "7.6 (36)"], ["Leerbanen", "4", "0%", "- (0) -"]],
     [(80, 36, 45.0, 7.6), (4, 0, 0.0, None)]),
])
def test_a_cell_with_two_measures_gives_both(registry, tmp_path, head, cells, want):
    """'36/80', '36 van 80 (45,0%)' and '36 (45,0%)' hold ingevuld with the netto steekproef or the
    respons: each goes to the measure it is, as printed."""
    path = tmp_path / "samen.pdf"
    _report(path, head, cells)
    e = _process(registry, path)
    assert [(r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == want


def test_a_column_whose_cells_differ_in_form_is_not_split(registry, tmp_path):
    """Only a column whose every value has the two-measure form is split: a lone '5/20' among
    plain counts stays unread rather than guessed."""
    path = tmp_path / "gemengd.pdf"
    _report(path, ["Perceel", "Netto steekproef", "Ingevuld", "Respons", "Rapportcijfer"],
            [["Opleidingen", "80", "36", "45,0%", "7,6"], ["Leerbanen", "20", "5/20", "25,0%", "8,2"]])
    e = _process(registry, path)
    assert [r.ingevuld for r in e.results] == [36, None]


def test_results_as_cards_side_by_side(registry, tmp_path):
    """Per perceel a block with its name and a line per measure ('Rapportcijfer: 8,1'), two
    blocks side by side: read as a table on its side, every card a perceel."""
    from corpus.render import Doc, Para, Table, reportlab_pdf

    cards = [("Totaal", "8,3", "85 van 190 (44,7%)", "190"), ("Opleidingen", "8,1", "49 van 110 (44,5%)", "110"),
             ("FVT logistiek", "8,2", "31 van 80 (38,8%)", "80")]
    text = ["\n".join([name, f"Rapportcijfer: {mark}", f"Respons: {resp}", f"Beëindigde trajecten: {ended}"])
            for name, mark, resp, ended in cards]
    # a card without respondents gives no score: 'Rapportcijfer: n.v.t.' (holdout11 monitorpunt)
    text.append("\n".join(["Leerbanen", "Rapportcijfer: n.v.t.", "Respons: 0 van 2 (0,0%)", "Beëindigde trajecten: 2"]))
    grid = Table(header=[[text[0], text[1]]], body=[[text[2], text[3]]], ruled=False, repeat_header=False)
    path = tmp_path / "kaarten.pdf"
    reportlab_pdf(Doc([Para("Klanttevredenheid scholing 2021", "title"), Para("In één oogopslag", "h1"), grid]), path)
    e = _process(registry, path)
    got = {r.service: (r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer, r.beeindigd) for r in e.results}
    assert got == {"Totaal": (190, 85, 44.7, 8.3, 190), "Opleidingen": (110, 49, 44.5, 8.1, 110), "FVT logistiek": (80, 31, 38.8, 8.2, 80),
                   "Leerbanen": (2, 0, 0.0, None, 2)}


def test_a_header_that_opens_with_its_question_number_names_its_measure():
    from kto_ingest.reader import lexicon as lx

    assert lx.measure_of("V1 Rapportcijfer")[0] == "rapportcijfer"
    assert lx.measure_of("Vraag 1: gemiddeld cijfer")[0] == "rapportcijfer"
    assert lx.measure_of("V2 Bejegening") is None


def test_a_column_of_perceel_codes_beside_the_names_leaves_the_names_as_labels(registry, tmp_path):
    """'Perceel | Omschrijving | ...' with the codes (and nothing on the Totaal row) in the first
    column: the names are the labels."""
    path = tmp_path / "codes-kolom.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=842, height=595)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    rows = [["Perceel", "Omschrijving", "Netto steekproef", "Ingevuld", "Respons", "Rapportcijfer"],
            ["", "Totaal", "100", "41", "41,0%", "7,7"], ["1", "Opleidingen", "80", "36", "45,0%", "7,6"],
            ["3", "Leerbanen", "20", "5", "25,0%", "8,2"]]
    for r, row in enumerate(rows):
        _text(page, 60, 120 + 16 * r, row[0])
        _text(page, 110, 120 + 16 * r, row[1])
        for text, right in zip(row[2:], [440, 520, 600, 680]):
            _text(page, right, 120 + 16 * r, text, right=True)
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.rapportcijfer) for r in e.results] == [("Totaal", 100, 7.7), ("Opleidingen", 80, 7.6),
                                                                                       ("Leerbanen", 20, 8.2)]


def test_scores_in_a_bar_chart_with_their_values_are_joined_to_the_respons_table(registry, tmp_path):
    """The respons in a table, the scores only in a bar chart drawn as vectors with each value at
    its bar's end (so in no column), one label over two lines: read as a table of two columns and
    joined by label."""
    path = tmp_path / "staaf.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    for r, row in enumerate([["Perceel", "Netto steekproef", "Ingevuld", "Respons"], ["Opleidingen", "80", "36", "45,0%"],
                             ["Functiegerichte vaardigheidstrainingen horeca", "20", "5", "25,0%"], ["Leerbanen", "40", "10", "25,0%"]]):
        _text(page, 60, 120 + 16 * r, row[0])
        for text, right in zip(row[1:], [380, 450, 520]):
            _text(page, right, 120 + 16 * r, text, right=True)
    _text(page, 60, 260, "Figuur 3.1 Gemiddeld rapportcijfer per perceel")
    _text(page, 260, 290, "Gemiddeld rapportcijfer")
    for k, (label, mark) in enumerate([("Opleidingen", "8,6"), ("Functiegerichte vaardigheidstrainingen", "7,4"), ("Leerbanen", "8,1")]):
        y = 300 + 24 * k
        end = 260 + 24 * float(mark.replace(",", "."))
        page.draw_rect(pymupdf.Rect(260, y, end, y + 9), color=None, fill=(0.2, 0.4, 0.6))
        _text(page, end + 3, y + 8, mark)
        _text(page, 60, y + 4, label)
        if k == 1:
            _text(page, 60, y + 15, "horeca")
    doc.save(path)
    e = _process(registry, path)
    assert {r.service: r.rapportcijfer for r in e.results} == {"Opleidingen": 8.6, "Functiegerichte vaardigheidstrainingen horeca": 7.4,
                                                              "Leerbanen": 8.1}


def test_clusters_under_a_perceel_heading_belong_to_that_perceel(registry, tmp_path):
    """'Functiegerichte vaardigheidstrainingen' as a heading row over its clusters ('Techniek',
    'Zorg en welzijn'): the heading stays a row of its own (not the end of the label above), each
    cluster row carries it, and the rules judge the cluster under its perceel (7,2 fails the norm)."""
    path = tmp_path / "kop.pdf"
    _report(path, HEAD, [["Opleidingen", "80", "36", "45,0%", "8,6"], ["Functiegerichte vaardigheidstrainingen", "", "", "", ""],
                         ["Techniek", "20", "5", "25,0%", "7,2"], ["Zorg en welzijn", "40", "20", "50,0%", "8,4"],
                         ["Leerbanen", "10", "5", "50,0%", "8,1"]])
    e = _process(registry, path)
    assert [(r.service, r.heading) for r in e.results] == [
        ("Opleidingen", None), ("Techniek", "Functiegerichte vaardigheidstrainingen"),
        ("Zorg en welzijn", "Functiegerichte vaardigheidstrainingen"), ("Leerbanen", None)]
    assert e.confidence == "high", e.warnings
    norm = [c for c in e.checks if c.rule == "SCH-NORM" and c.status == "fail"]
    assert len(norm) == 1 and "cluster Techniek" in norm[0].message
    assert not [c for c in e.checks if c.rule == "SCH-PERCEEL" and c.status != "pass"]


@pytest.mark.parametrize("ruled", [True, False])
def test_a_perceel_spanning_its_cluster_columns_names_each_of_them(registry, tmp_path, ruled):
    """Percelen as columns, 'Functiegerichte vaardigheidstrainingen' spanning the columns of its
    clusters: every cluster column keeps its own label and carries the perceel as its heading, so each
    cluster is judged under its perceel."""
    from corpus.render import Doc, Para, Span, Table, reportlab_pdf

    t = Table(header=[["", "Opleidingen", Span("Functiegerichte vaardigheidstrainingen", cols=2), "Totaal"],
                      ["", "", "Techniek", "Zorg en welzijn", ""]],
              body=[["Netto steekproef", "80", "20", "40", "140"], ["Ingevuld", "36", "5", "20", "61"],
                    ["Respons", "45,0%", "25,0%", "50,0%", "43,6%"], ["Rapportcijfer", "8,6", "7,2", "8,4", "8,3"]],
              ruled=ruled, widths=[2, 1.2, 1.2, 1.2, 1])
    path = tmp_path / "span.pdf"
    reportlab_pdf(Doc([Para("Klanttevredenheidsonderzoek scholingsdiensten 2021", "title"), t]), path)
    e = _process(registry, path)
    fvt = "Functiegerichte vaardigheidstrainingen"
    assert [(r.service, r.heading) for r in e.results] == [("Opleidingen", None), ("Techniek", fvt), ("Zorg en welzijn", fvt),
                                                           ("Totaal", None)]
    assert e.confidence == "high", e.warnings
    assert [c.status for c in e.checks if c.rule == "SCH-NORM"].count("fail") == 1


def test_a_perceel_heading_over_two_lines_is_one_heading():
    """'Functiegerichte' / 'vaardigheidstrainingen' on two label-only lines over 'Bouw en infra':
    one heading row, not the end of the row above nor the start of the row below."""
    from kto_ingest.reader.tables import ReadRow, _join_perceel_headings

    def row(label, y, values=None):
        return ReadRow(label, values or {}, 1, (60, y, 400, y + 10), heading=not values)

    rows = [row("Opleidingen", 100, {"rapportcijfer": "8,6"}), row("Functiegerichte", 112), row("vaardigheidstrainingen", 124),
            row("Bouw en infra", 136, {"rapportcijfer": "8,3"})]
    joined = _join_perceel_headings(rows)
    assert [(r.label, r.heading) for r in joined] == [("Opleidingen", False), ("Functiegerichte vaardigheidstrainingen", True),
                                                      ("Bouw en infra", False)]
    # a label going on in lower case ('cluster Vakgebied 01') is not under a heading
    rows = [row("Functiegerichte vaardigheidstrainingen", 100), row("cluster Vakgebied 01", 112, {"rapportcijfer": "8,0"})]
    assert [r.label for r in _join_perceel_headings(rows)] == ["Functiegerichte vaardigheidstrainingen", "cluster Vakgebied 01"]


@pytest.mark.parametrize("header,measure", [("Klanten met beëindigde dienst", "beeindigd"), ("Volledig ingevuld", "ingevuld"),
                                            ("Respons- ratio", "respons_pct"), ("Gemiddeld klantoordeel (1-10)", "rapportcijfer"),
                                            ("Gedeeltelijk ingevuld", None), ("Norm UWV", None)])
def test_more_header_wordings(header, measure):
    from kto_ingest.reader import lexicon as lx

    found = lx.measure_of(header)
    assert (found[0] if found else None) == measure


def test_results_told_in_sentences_under_each_perceel(registry, tmp_path):
    """No table: per perceel a heading and a paragraph ('Van de 36 aangeschreven klanten hebben er
    14 gereageerd, een respons van 38,9%. Zij geven de scholing gemiddeld een 8,9.'). Each number
    goes to the measure named next to it; the row arithmetic checks the reading."""
    from corpus.render import Doc, Para, reportlab_pdf

    blocks = [Para("Klanttevredenheid scholing 2021", "title"), Para("Resultaten per perceel", "h1")]
    for name, ended, filled, pct, mark in (("Opleidingen", 36, 14, "38,9", "8,9"), ("Leerbanen", 106, 40, "37,7", "7,4")):
        blocks += [Para(name, bold=True),
                   Para(f"In de meetperiode zijn {ended} diensten beëindigd. Van de {ended} aangeschreven klanten hebben er {filled} "
                        f"gereageerd, een respons van {pct}%. Zij geven de scholing gemiddeld een {mark}.")]
    path = tmp_path / "proza.pdf"
    reportlab_pdf(Doc(blocks), path)
    e = _process(registry, path)
    assert [(r.service, r.beeindigd, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 36, 36, 14, 38.9, 8.9), ("Leerbanen", 106, 106, 40, 37.7, 7.4)]
    assert e.confidence == "high", e.warnings


def test_a_paragraph_giving_one_measure_two_values_is_not_read():
    """'gemiddeld een 8,9 ... gemiddeld een 7,1' in one paragraph: which is the perceel's is not
    known, so the paragraph gives nothing; a sentence about last year's measurement is no value."""
    from kto_ingest.document import Word
    from kto_ingest.reader.tables import _prose_values

    text = "Van de 36 aangeschreven klanten hebben er 14 gereageerd. Zij geven gemiddeld een 8,9. Vorig jaar gaven zij gemiddeld een 7,1."
    words = [Word(10.0 * i, 0, 10.0 * i + 8, 10, t, 1, 0, 0) for i, t in enumerate(text.split())]
    assert set(_prose_values(words)) == {"netto_steekproef", "ingevuld", "rapportcijfer"}  # last year's 7,1 is no value of this year
    assert _prose_values(words)["rapportcijfer"][0] == "8,9"
    text = "Van de 36 aangeschreven klanten hebben er 14 gereageerd. Zij geven gemiddeld een 8,9. Daarna geven zij gemiddeld een 7,1."
    words = [Word(10.0 * i, 0, 10.0 * i + 8, 10, t, 1, 0, 0) for i, t in enumerate(text.split())]
    assert _prose_values(words) is None


def test_a_header_whose_cells_look_like_values_is_still_a_header(registry, tmp_path):
    """'Perceel | 1-5 % | 6 % | ... | Gemiddelde | n' over a distribution of scores: the first row
    is the header (its first cell says so), the mean is the rapportcijfer, joined by label."""
    path = tmp_path / "verdeling.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=842, height=595)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    tables = [(100, ["Perceel", "Uitgenodigd", "Voltooid", "Responspercentage"],
               [["Opleidingen", "76", "20", "26,3"], ["Leerbanen", "79", "17", "21,5"]]),
              (200, ["Perceel", "1-5 %", "6 %", "7 %", "8 %", "Gemiddelde", "n"],
               [["Opleidingen", "0", "10", "15", "75", "8,2", "20"], ["Leerbanen", "0", "6", "29", "65", "7,6", "17"]])]
    for top, head, rows in tables:
        for r, row in enumerate([head] + rows):
            _text(page, 60, top + 16 * r, row[0])
            for text, right in zip(row[1:], [330, 400, 470, 540, 640, 700]):
                _text(page, right, top + 16 * r, text, right=True)
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 76, 20, 26.3, 8.2), ("Leerbanen", 79, 17, 21.5, 7.6)]


def test_a_perceel_over_the_column_of_its_only_cluster_is_its_heading(registry, tmp_path):
    """Percelen as columns, 'Functiegerichte vaardigheidstrainingen' over one cluster's column
    ('Zorg en welzijn'): the cluster is the label, the perceel its heading."""
    from corpus.render import Doc, Para, Table, reportlab_pdf

    t = Table(header=[["", "Opleidingen", "Functiegerichte vaardigheidstrainingen", "Totaal"], ["", "", "Zorg en welzijn", ""]],
              body=[["Netto steekproef", "80", "40", "120"], ["Ingevuld", "36", "20", "56"],
                    ["Respons", "45,0%", "50,0%", "46,7%"], ["Rapportcijfer", "8,6", "8,4", "8,5"]], widths=[2, 1.2, 1.6, 1])
    path = tmp_path / "een-cluster.pdf"
    reportlab_pdf(Doc([Para("Klanttevredenheidsonderzoek scholingsdiensten 2021", "title"), t]), path)
    e = _process(registry, path)
    assert [(r.service, r.heading) for r in e.results] == [("Opleidingen", None), ("Zorg en welzijn", "Functiegerichte vaardigheidstrainingen"),
                                                           ("Totaal", None)]


def test_a_spreadsheet_with_the_facts_above_its_table_and_two_label_columns(registry, tmp_path):
    """One ruled grid holding the report's facts ('Meetperiode | 01-jan-2021 t/m 31-dec-2021') and,
    lower down, the results with 'Perceel | Cluster' as two label columns: the table is read from
    its header row, the label is the perceel with its cluster, and dd-mon-yyyy dates are read."""
    from corpus.render import Doc, Table, reportlab_pdf

    rows = [["Meetperiode", "", "01-jan-2021 t/m 31-dec-2021", "", "", ""], ["Rapportdatum", "", "18-feb-2022", "", "", ""],
            ["Perceel", "Cluster", "Netto steekproef", "Respons (n)", "Respons (%)", "Gem. rapportcijfer"],
            ["Opleidingen", "", "114", "58", "50,9", "8,1"],
            ["Functiegerichte vaardigheidstrainingen", "Logistiek", "98", "23", "23,5", "8,2"],
            ["Totaal", "", "212", "81", "38,2", "8,1"]]
    path = tmp_path / "spreadsheet.pdf"
    reportlab_pdf(Doc([Table(header=[rows[0]], body=rows[1:], widths=[2.4, 1.2, 3.6, 1, 1, 1.2])], title="KTO scholing 2021"), path)
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 114, 58, 50.9, 8.1), ("Functiegerichte vaardigheidstrainingen Logistiek", 98, 23, 23.5, 8.2),
        ("Totaal", 212, 81, 38.2, 8.1)]
    assert (e.meetperiode.start, e.meetperiode.end) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert e.report_date == dt.date(2022, 2, 18)


def test_blocks_per_perceel_one_under_the_other(registry, tmp_path):
    """Per perceel its name on a line (one name over two lines) and a line per measure with its
    value at the right, the blocks one under the other and 'Alle percelen samen' last: a row
    each, the last the total."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    y = 100
    blocks = [(["Opleidingen"], ("18", "18", "5", "27,8%", "8,6")),
              (["Functiegerichte vaardigheidstraining (cluster Horeca en", "schoonmaak)"], ("33", "33", "20", "60,6%", "7,6")),
              (["Alle percelen samen"], ("51", "51", "25", "49,0%", "8,0"))]
    names = ["Beëindigde diensten", "Benaderde klanten (netto steekproef)", "Volledig ingevulde vragenlijsten", "Respons",
             "Gemiddeld rapportcijfer"]
    for heading, values in blocks:
        for line in heading:
            _text(page, 60, y, line)
            y += 14
        for name, value in zip(names, values):
            _text(page, 60, y, name)
            _text(page, 520, y, value, right=True)
            y += 14
        y += 12
    path = tmp_path / "blokken.pdf"
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.is_total, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", False, 18, 5, 27.8, 8.6),
        ("Functiegerichte vaardigheidstraining (cluster Horeca en schoonmaak)", False, 33, 20, 60.6, 7.6),
        ("Alle percelen samen", True, 51, 25, 49.0, 8.0)]
    assert [c.status for c in e.checks if c.rule == "SCH-NORM"].count("fail") == 1


@pytest.mark.parametrize("cut", [1, 3])
def test_a_block_per_perceel_cut_by_the_page_break_goes_on_at_the_next_pages_top(registry, tmp_path, cut):
    """The third block's name and its first ``cut`` lines stand at the foot of page 1, the rest of
    it at the top of page 2 (no name repeated), then the total's block: the cut block is one row
    with every value, and the total is read after it."""
    names = ["Beëindigde diensten", "Benaderde klanten (netto steekproef)", "Volledig ingevulde vragenlijsten", "Respons",
             "Gemiddeld rapportcijfer"]
    blocks = [("Opleidingen", ("18", "18", "5", "27,8%", "8,6")),
              ("Functiegerichte vaardigheidstraining (cluster Zorg en welzijn)", ("33", "33", "20", "60,6%", "7,6")),
              ("Leerbanen", ("40", "40", "12", "30,0%", "8,4")),
              ("Alle percelen samen", ("91", "91", "37", "40,7%", "8,1"))]
    lines = []
    for heading, values in blocks:
        lines.append(("head", heading, ""))
        lines += [("line", n, v) for n, v in zip(names, values)]
    at = 2 * 6 + 1 + cut  # page 1 ends after the third block's name and ``cut`` measure lines
    doc = pymupdf.open()
    for number, part in enumerate((lines[:at], lines[at:]), 1):
        page = doc.new_page(width=595, height=842)
        y = 60
        if number == 1:
            _text(page, 60, y, "Klanttevredenheidsonderzoek scholingsdiensten 2021 - uitkomsten per perceel")
            y = 842 - 60 - 14 * len(part) - 14 * sum(kind == "head" for kind, _n, _v in part)
        for kind, name, value in part:
            if kind == "head":
                y += 14
            _text(page, 60, y, name)
            if value:
                _text(page, 520, y, value, right=True)
            y += 14
        _text(page, 520, 820, f"pagina {number}", right=True)
    path = tmp_path / "gesplitst.pdf"
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.is_total, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", False, 18, 5, 27.8, 8.6),
        ("Functiegerichte vaardigheidstraining (cluster Zorg en welzijn)", False, 33, 20, 60.6, 7.6),
        ("Leerbanen", False, 40, 12, 30.0, 8.4),
        ("Alle percelen samen", True, 91, 37, 40.7, 8.1)]


def test_a_label_line_spaced_apart_from_the_row_above_starts_the_label_below():
    """On a scan, OCR sets a wrapped label's first line ('Functiegerichte') apart from the row
    above and close to the row below, whose label goes on in lower case: it joins the row below."""
    from kto_ingest.reader.grid import Grid
    from kto_ingest.reader.tables import ReadRow, ResultsTable, _merge_wrapped

    def row(label, y0, y1, values=None):
        return ReadRow(label, values or {}, 2, (60, y0, 500, y1), heading=not values)

    rows = [row("Opleidingen", 100, 110, {"rapportcijfer": "8,7"}), row("Functiegerichte", 118, 128),
            row("vaardigheidstrainingen - cluster", 131, 141, {"rapportcijfer": "8,0"}), row("Horeca en schoonmaak", 142, 152),
            row("Leerbanen", 160, 170, {"rapportcijfer": "8,4"})]
    t = ResultsTable(2, "rijen", {"rapportcijfer": "Cijfer"}, rows, [Grid(2, (60, 100, 500, 170), [], "uitlijning", 2)])
    _merge_wrapped(t)
    assert [r.label for r in t.rows] == ["Opleidingen", "Functiegerichte vaardigheidstrainingen - cluster Horeca en schoonmaak",
                                         "Leerbanen"]


# ---- rules under (or over) each row only, as Chromium draws a cell's border-bottom --------------
def _rules_per_row(path: Path, head: list[str], rows: list[list[str | tuple[str, str]]], *, over: bool = False,
                   xs: tuple[float, ...] = (60, 330, 400, 470, 540)) -> None:
    """A table whose only lines are a rule under every row (``over``: above every row), the header
    row included: so the header (the last row) has no rule of its own on the other side. A label
    given as a pair wraps over two lines in its cell."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    _text(page, 60, 90, "Resultaten per perceel")
    y = 130
    for row in [head] + rows:
        label = row[0] if isinstance(row[0], tuple) else (row[0],)
        height = 13 * len(label) + 6
        if over:
            page.draw_line((xs[0] - 4, y), (xs[-1] + 4, y), width=0.6)
        for k, line in enumerate(label):
            _text(page, xs[0], y + 12 + 13 * k, line)
        for text, right in zip(row[1:], xs[1:]):
            _text(page, right, y + 12 + 13 * (len(label) - 1), text, right=True)
        y += height
        if not over:
            page.draw_line((xs[0] - 4, y), (xs[-1] + 4, y), width=0.6)
    _text(page, 60, y + 30, "Bron: klanttevredenheidsonderzoek 2021.")
    doc.save(path)


@pytest.mark.parametrize("over", [False, True])
def test_a_table_ruled_only_under_or_over_each_row_keeps_its_header_and_last_row(registry, tmp_path, over):
    """Rules under each row leave the header above the first rule; rules over each row leave the
    last row (the total) below the last rule: both are read. A label wrapped over two lines in its
    cell stays one label in one column."""
    path = tmp_path / "regels.pdf"
    _rules_per_row(path, ["Perceel", "Benaderd", "Ingevuld", "Respons", "Rapportcijfer"],
                   [["Opleidingen", "40", "18", "45,0%", "8,2"],
                    [("Functiegerichte vaardigheidstraining", "cluster Techniek"), "30", "12", "40,0%", "7,6"],
                    ["Totaal", "70", "30", "42,9%", "8,0"]], over=over)
    e = _process(registry, path)
    assert [(r.service, r.is_total, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", False, 40, 18, 45.0, 8.2),
        ("Functiegerichte vaardigheidstraining cluster Techniek", False, 30, 12, 40.0, 7.6),
        ("Totaal", True, 70, 30, 42.9, 8.0)]
    assert e.confidence == "high"


def test_two_narrow_number_columns_a_little_apart_stay_two_columns(registry, tmp_path):
    """'Benaderd' and a narrow 'N' column: 40 and 18 set a little more than a space apart are two cells."""
    path = tmp_path / "smal.pdf"
    _rules_per_row(path, ["Perceel", "Benaderd", "N", "Respons", "Gemiddelde"],
                   [["Opleidingen", "40", "18", "45,0%", "8,2"], ["Leerbanen", "20", "9", "45,0%", "8,5"]],
                   xs=(60, 330, 345, 420, 490))
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 40, 18, 45.0, 8.2), ("Leerbanen", 20, 9, 45.0, 8.5)]


@pytest.mark.parametrize("respons,cijfer", [("45,0 procent", "8,2"), ("45,0%", "8,2 (8,0 - 8,4)"), ("45,0 pct.", "8,2 [8,0; 8,4]")])
def test_a_percent_in_words_and_an_interval_after_the_score(registry, tmp_path, respons, cijfer):
    """'45,0 procent' is 45,0 %; a confidence interval printed after the score is not part of it
    (nor a footnote)."""
    path = tmp_path / "eenheden.pdf"
    _report(path, HEAD, [["Opleidingen", "40", "18", respons, cijfer], ["Leerbanen", "20", "9", respons, cijfer]])
    e = _process(registry, path)
    assert [(r.service, r.respons_pct, r.rapportcijfer) for r in e.results] == [("Opleidingen", 45.0, 8.2), ("Leerbanen", 45.0, 8.2)]
    assert not any("Voetnoot" in w for w in e.warnings)
    assert e.confidence == "high"


def test_a_respons_printed_as_a_proportion_is_read_as_a_percentage_when_every_row_says_so(registry, tmp_path):
    """'Responsratio 0,47' (a script's or a dashboard's proportion) is 47 % when each row's ratio is
    ingevuld / netto; the internal check then judges it on the decimals it has as a percentage."""
    path = tmp_path / "ratio.pdf"
    head = ["Perceel", "Netto steekproef", "Ingevuld", "Responsratio", "Rapportcijfer"]
    _report(path, head, [["Opleidingen", "38", "18", "0,47", "8,2"], ["Leerbanen", "21", "9", "0,43", "8,5"]])
    e = _process(registry, path)
    assert [(r.service, r.respons_pct, r.raw["respons_pct"]) for r in e.results] == [("Opleidingen", 47.0, "0,47"), ("Leerbanen", 43.0, "0,43")]
    assert e.confidence == "high"
    consistency = next(c for c in e.checks if c.rule == "SCH-CONSISTENTIE")
    assert consistency.status == "pass", consistency.message


def test_a_proportion_that_one_row_contradicts_is_left_as_read(registry, tmp_path):
    path = tmp_path / "ratio.pdf"
    head = ["Perceel", "Netto steekproef", "Ingevuld", "Responsratio", "Rapportcijfer"]
    _report(path, head, [["Opleidingen", "38", "18", "0,47", "8,2"], ["Leerbanen", "21", "9", "0,52", "8,5"]])
    e = _process(registry, path)
    assert [r.respons_pct for r in e.results] == [0.47, 0.52]
    assert e.confidence == "low"


def test_headers_naming_the_year_of_each_measurement(registry, tmp_path):
    """'Respons 2020' beside 'Respons 2021' (and so for every measure): the latest year is read."""
    path = tmp_path / "jaren.pdf"
    head = ["Perceel", "Benaderd 2020", "Benaderd 2021", "Ingevuld 2020", "Ingevuld 2021", "Respons 2020", "Respons 2021"]
    doc = pymupdf.open()
    page = doc.new_page(width=842, height=595)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    xs = [60, 300, 370, 440, 510, 580, 650, 720, 790]
    rows = [head + ["Cijfer 2020", "Cijfer 2021"], ["Opleidingen", "45", "40", "20", "18", "44,4%", "45,0%", "7,9", "8,2"],
            ["Leerbanen", "25", "20", "11", "9", "44,0%", "45,0%", "7,9", "8,5"]]
    for r, row in enumerate(rows):
        _text(page, xs[0], 120 + 16 * r, row[0])
        for text, right in zip(row[1:], xs[1:]):
            _text(page, right, 120 + 16 * r, text, right=True)
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 40, 18, 45.0, 8.2), ("Leerbanen", 20, 9, 45.0, 8.5)]
    assert e.supplier is None  # the row 'Opleidingen 45 40 ...' on the first page is no supplier's name


@pytest.mark.parametrize("adds_up", [True, False])
def test_a_perceel_row_over_its_clusters_set_off_as_sub_rows_is_their_subtotal(registry, tmp_path, adds_up):
    """'Functiegerichte vaardigheidstraining' with its counts, then '- cluster Techniek' and
    '- cluster Zorg en welzijn' whose counts add up to it: the perceel row is their subtotal, the
    clusters stand under it and are judged per cluster, and the Totaal sums the other rows. When
    they do not add up, nothing is made of them (the rows stay as read)."""
    path = tmp_path / "subtotaal.pdf"
    zorg = ["20", "9", "45,0%", "8,5"] if adds_up else ["21", "9", "42,9%", "8,5"]
    _report(path, HEAD, [["Opleidingen", "40", "18", "45,0%", "8,2"], ["Functiegerichte vaardigheidstraining", "50", "21", "42,0%", "8,0"],
                         ["- cluster Techniek", "30", "12", "40,0%", "7,6"], ["- cluster Zorg en welzijn", *zorg],
                         ["Totaal", "90", "39", "43,3%", "8,1"]])
    e = _process(registry, path)
    got = [(r.service, r.is_total, r.heading) for r in e.results]
    if not adds_up:
        assert got == [("Opleidingen", False, None), ("Functiegerichte vaardigheidstraining", False, None),
                       ("- cluster Techniek", False, None), ("- cluster Zorg en welzijn", False, None), ("Totaal", True, None)]
        return
    fvt = "Functiegerichte vaardigheidstraining"
    assert got == [("Opleidingen", False, None), (fvt, True, None), ("- cluster Techniek", False, fvt),
                   ("- cluster Zorg en welzijn", False, fvt), ("Totaal", True, None)]
    assert e.confidence == "high"
    norm = {c.message.split(":")[0]: c.status for c in e.checks if c.rule == "SCH-NORM"}
    assert norm == {"Opleidingen": "pass", "- cluster Techniek (perceel Functiegerichte vaardigheidstrainingen, cluster Techniek)": "fail",
                    "- cluster Zorg en welzijn (perceel Functiegerichte vaardigheidstrainingen, cluster Zorg en welzijn)": "pass"}
    assert [c.status for c in e.checks if c.rule == "SCH-CONSISTENTIE"] == ["pass"]


def test_rules_of_a_facts_table_and_of_a_table_ruled_only_under_its_header_and_last_row(registry, tmp_path):
    """A key-value table with a rule under it, then a caption and a results table with one rule
    under its header and one under its last row: the rules are not one table (the facts are no
    header); the results table is read with its header, by alignment."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    y = 100
    for label, value in [("Opdrachtgever", "Werkschool Achterhoek"), ("Methode", "online en telefonisch"), ("Veldwerk", "14 dec. 2021 t/m 7 jan. 2022")]:
        _text(page, 60, y + 12, label)
        _text(page, 220, y + 12, value)
        y += 16
    page.draw_line((56, y), (544, y), width=0.6)
    _text(page, 60, y + 30, "Tabel B.1 Respons en rapportcijfer per onderdeel")
    y += 50
    xs = [60, 330, 400, 470, 540]
    rows = [["Onderdeel", "Benaderd", "Ingevuld", "Respons", "Rapportcijfer"], ["Opleidingen", "76", "37", "48,7%", "8,3"],
            ["Leerbanen", "122", "29", "23,8%", "8,3"], ["Totaal", "198", "66", "33,3%", "8,3"]]
    for r, row in enumerate(rows):
        _text(page, xs[0], y + 12, row[0])
        for text, right in zip(row[1:], xs[1:]):
            _text(page, right, y + 12, text, right=True)
        y += 16
        if r in (0, 1, len(rows) - 1):  # under the header, the first row (a zebra band's edge) and the last
            page.draw_line((56, y), (544, y), width=0.6)
    path = tmp_path / "twee-tabellen.pdf"
    doc.save(path)
    with open_document(path) as pdf:
        texts = [" ".join(" ".join(r) for r in g.matrix()) for g in gridmod.page_grids(pdf, 1)]
    assert not any("Opdrachtgever" in t and "Opleidingen" in t for t in texts)
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 76, 37, 48.7, 8.3), ("Leerbanen", 122, 29, 23.8, 8.3), ("Totaal", 198, 66, 33.3, 8.3)]


@pytest.mark.parametrize("first", [True, False])
def test_a_table_of_last_years_measurement_is_not_read_as_the_results(registry, tmp_path, first):
    """A table under 'Vergelijking met vorig jaar' with the same header and percelen, before or after
    the results (both ruled under every row, as Chromium draws them): never the results, never
    added to them."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    head = ["Perceel", "Benaderd", "Ingevuld", "Respons", "Rapportcijfer"]
    now = [["Opleidingen", "40", "18", "45,0%", "8,2"], ["Leerbanen", "50", "21", "42,0%", "8,4"], ["Totaal", "90", "39", "43,3%", "8,3"]]
    before = [["Opleidingen", "44", "20", "45,5%", "7,6"], ["Leerbanen", "48", "22", "45,8%", "7,9"], ["Totaal", "92", "42", "45,7%", "7,8"]]
    xs = [60, 330, 400, 470, 540]
    y = 100
    for heading, rows in ([("Vergelijking met vorig jaar", before), ("Resultaten", now)] if first else
                          [("Resultaten", now), ("Vergelijking met vorig jaar", before)]):
        _text(page, 60, y, heading)
        y += 14
        for row in [head] + rows:
            _text(page, xs[0], y + 12, row[0])
            for text, right in zip(row[1:], xs[1:]):
                _text(page, right, y + 12, text, right=True)
            y += 16
            page.draw_line((56, y), (544, y), width=0.6)
        y += 24
    path = tmp_path / "vorig-jaar.pdf"
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 40, 8.2), ("Leerbanen", 50, 8.4), ("Totaal", 90, 8.3)]


def test_results_in_a_section_per_perceel_over_a_page_break(registry, tmp_path):
    """Per perceel a heading, a small table ('aantal', '%') with the netto steekproef and the
    questionnaires filled in (a count and its percentage: the respons), then a sentence with the
    mark; the third section goes on at the top of the next page. One row per perceel, nothing from
    the sentences around them."""
    sections = [("Opleidingen", "76", "37", "48,7%", "8,3"), ("FVT - Zorg en welzijn", "86", "39", "45,3%", "8,2"),
                ("Leerbanen", "122", "29", "23,8%", "8,3")]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    _text(page, 60, 90, "Per perceel de respons en het gemiddelde rapportcijfer. Gemiddeld geven de klanten een 8,2.")
    y = 400
    for k, (name, netto, ingevuld, pct, mark) in enumerate(sections):
        lines = [(name, "", ""), ("", "aantal", "%"), ("Netto steekproef (benaderd)", netto, "100%"),
                 ("Vragenlijst ingevuld", ingevuld, pct), (f"Gemiddeld rapportcijfer: {mark}.", "", "")]
        for j, (label, a, b) in enumerate(lines):
            if k == 2 and j == 3:  # the rest of the third section on the next page
                page = doc.new_page(width=595, height=842)
                y = 60
            _text(page, 60, y, label)
            if a:
                _text(page, 420, y, a, right=True)
            if b:
                _text(page, 500, y, b, right=True)
            y += 15
        y += 25
    _text(page, 60, y + 20, "De klanten zijn over het algemeen tevreden over de scholing.")
    path = tmp_path / "secties.pdf"
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 76, 37, 48.7, 8.3), ("FVT - Zorg en welzijn", 86, 39, 45.3, 8.2), ("Leerbanen", 122, 29, 23.8, 8.3)]
    assert e.confidence == "high"


def test_the_last_word_of_a_paragraph_above_a_borderless_table_is_no_header_line(registry, tmp_path):
    """'... zijn per e-mail' / 'uitgenodigd.' and a heading close above the header: the paragraph's
    last word alone at the left margin ends the header search (a header cell 'steekpr.' does not)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    _text(page, 60, 100, "Alle klanten van wie in de meetperiode een scholingsdienst is beëindigd, zijn per e-mail")
    _text(page, 60, 114, "uitgenodigd.")
    _text(page, 60, 134, "Resultaten")
    xs = [60, 330, 400, 470, 540]
    rows = [["Perceel", "Netto steekpr.", "Ingevuld", "Respons", "Rapportcijfer"], ["Opleidingen", "40", "18", "45,0%", "8,2"],
            ["Leerbanen", "50", "21", "42,0%", "8,4"], ["Totaal", "90", "39", "43,3%", "8,3"]]
    for r, row in enumerate(rows):
        _text(page, xs[0], 154 + 16 * r, row[0])
        for text, right in zip(row[1:], xs[1:]):
            _text(page, right, 154 + 16 * r, text, right=True)
    path = tmp_path / "alinea.pdf"
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 40, 18, 45.0, 8.2), ("Leerbanen", 50, 21, 42.0, 8.4), ("Totaal", 90, 39, 43.3, 8.3)]


@pytest.mark.parametrize("values_on", ["last", "first", "first, two clusters"])
def test_a_label_of_three_lines_under_a_whole_perceel_name_in_a_borderless_table(registry, tmp_path, values_on):
    """Evenly spaced lines, no padding between rows. Values on a label's last line: 'Opleidingen'
    is a whole name, so 'Functiegerichte' / 'vaardigheidstraining cluster' go down to 'Zorg en welzijn
    30 ...'. Values on the first line: 'Functiegerichte vaardigheidstrainingen 30 ...' over 'Zorg en
    welzijn' keeps its cluster (the row below is a whole perceel, 'Leerbanen')."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    if values_on == "last":
        lines = [("Perceel", ["Benaderd", "Ingevuld", "Respons", "Rapportcijfer"]), ("Opleidingen", ["40", "18", "45,0%", "8,2"]),
                 ("Functiegerichte", []), ("vaardigheidstraining cluster", []), ("Zorg en welzijn", ["30", "12", "40,0%", "7,6"]),
                 ("Leerbanen", ["20", "9", "45,0%", "8,5"])]
        want = "Functiegerichte vaardigheidstraining cluster Zorg en welzijn"
    elif values_on == "first":
        lines = [("Perceel", ["Benaderd", "Ingevuld", "Respons", "Rapportcijfer"]), ("Opleidingen", ["40", "18", "45,0%", "8,2"]),
                 ("Functiegerichte vaardigheidstrainingen", ["30", "12", "40,0%", "7,6"]), ("Zorg en welzijn", []),
                 ("Leerbanen", ["20", "9", "45,0%", "8,5"])]
        want = "Functiegerichte vaardigheidstrainingen Zorg en welzijn"
    else:  # values centred on labels of two lines that each open with the perceel's whole name
        lines = [("Perceel", ["Benaderd", "Ingevuld", "Respons", "Rapportcijfer"]), ("Opleidingen", ["40", "18", "45,0%", "8,2"]),
                 ("Functiegerichte vaardigheidstraining", []), ("", ["30", "12", "40,0%", "7,6"]), ("Logistiek", []),
                 ("Functiegerichte vaardigheidstraining", []), ("", ["12", "3", "25,0%", "8,7"]), ("Administratie en ICT", []),
                 ("Leerbanen", ["20", "9", "45,0%", "8,5"])]
        want = None
    xs = [60, 330, 400, 470, 540]
    for r, (label, values) in enumerate(lines):
        _text(page, xs[0], 120 + 11 * r, label)
        for text, right in zip(values, xs[1:]):
            _text(page, right, 120 + 11 * r, text, right=True)
    path = tmp_path / "onderaan.pdf"
    doc.save(path)
    e = _process(registry, path)
    if want is None:
        got = [(r.service, r.netto_steekproef) for r in e.results]
        assert got == [("Opleidingen", 40), ("Functiegerichte vaardigheidstraining Logistiek", 30),
                       ("Functiegerichte vaardigheidstraining Administratie en ICT", 12), ("Leerbanen", 20)]
        return
    assert [(r.service, r.netto_steekproef) for r in e.results] == [("Opleidingen", 40), (want, 30), ("Leerbanen", 20)]


@pytest.mark.parametrize("cut", [4, 0])
def test_results_in_the_long_form_a_script_writes(registry, tmp_path, cut):
    """'perceel_cluster | kengetal | waarde': the perceel's name on the line of its first measure (one
    name wrapped onto a line of its own), the other measures under it; the page breaks in the last
    perceel (its mark at the top of the next page under the repeated header) or before it (the
    next page opens with its name)."""
    groups = [(["Opleidingen"], ["63", "63", "15", "23,8", "8,1"]),
              (["Functiegerichte vaardigheidstrainingen (Horeca en", "schoonmaak)"], ["112", "112", "40", "35,7", "8,7"]),
              (["Totaal onderzoek"], ["175", "175", "55", "31,4", "8,5"])]
    names = ["beëindigde diensten", "benaderd (netto steekproef)", "ingevulde vragenlijsten", "respons (%)", "gemiddeld rapportcijfer"]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")

    def header(y):
        _text(page, 60, y, "perceel_cluster")
        _text(page, 300, y, "kengetal")
        _text(page, 530, y, "waarde", right=True)

    header(560)
    y = 576
    for g, (label, values) in enumerate(groups):
        for k, (measure, value) in enumerate(zip(names, values)):
            if g == 2 and k == cut:  # the total's mark, or the whole total, on the next page
                page = doc.new_page(width=595, height=842)
                header(60)
                y = 76
            if k < len(label) and not (k == 1 and len(label) == 1):
                _text(page, 60, y, label[k])
            if k == 1 and len(label) > 1:  # the wrapped rest of the name on a line of its own
                y += 12
            _text(page, 300, y, measure)
            _text(page, 530, y, value, right=True)
            y += 12
        y += 6
    path = tmp_path / "lange-vorm.pdf"
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.is_total, r.beeindigd, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", False, 63, 63, 15, 23.8, 8.1),
        ("Functiegerichte vaardigheidstrainingen (Horeca en schoonmaak)", False, 112, 112, 40, 35.7, 8.7),
        ("Totaal onderzoek", True, 175, 175, 55, 31.4, 8.5)]


def test_a_table_of_one_perceels_clusters_named_in_its_caption(registry, tmp_path):
    """'Tabel 1 Uitkomsten per perceel' with Opleidingen, then 'Tabel 2 Functiegerichte
    vaardigheidstrainingen: uitkomsten per cluster' over rows 'Techniek', 'Zorg en welzijn': one
    result, the clusters under that perceel, each judged as its cluster."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    xs = [60, 330, 400, 470, 540]
    y = 100
    for caption, head, rows in [("Tabel 1 Uitkomsten per perceel", "Perceel", [["Opleidingen", "117", "34", "29,1 %", "8,8"]]),
                                ("Tabel 2 Functiegerichte vaardigheidstrainingen: uitkomsten per cluster", "Cluster",
                                 [["Techniek", "64", "16", "25,0 %", "7,8"], ["Zorg en welzijn", "61", "32", "52,5 %", "8,7"]])]:
        _text(page, 60, y, caption)
        y += 20
        for row in [[head, "Benaderd", "Ingevuld", "Respons", "Rapportcijfer"]] + rows:
            _text(page, xs[0], y, row[0])
            for text, right in zip(row[1:], xs[1:]):
                _text(page, right, y, text, right=True)
            y += 14
        y += 30
    path = tmp_path / "clustertabel.pdf"
    doc.save(path)
    e = _process(registry, path)
    fvt = "Functiegerichte vaardigheidstrainingen"
    assert [(r.service, r.heading, r.netto_steekproef, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", None, 117, 8.8), ("Techniek", fvt, 64, 7.8), ("Zorg en welzijn", fvt, 61, 8.7)]
    norm = [(c.status, c.message.split(":")[0]) for c in e.checks if c.rule == "SCH-NORM"]
    assert ("fail", f"Techniek (perceel {fvt}, cluster Techniek)") in norm


def test_a_dashboards_score_table_with_bars_and_a_label_centred_on_its_values(registry, tmp_path):
    """A dashboard: the respons per segment, then 'V1 Welk rapportcijfer ...' / 'gemiddelde per
    segment' over 'Segment | n | Gemiddelde (1-10)' with a bar beside each value, sorted by score,
    one label on two lines with its values between them. The table (two measures) is read, not the
    bars; the title is no header; the segments are joined by label; 'Alle segmenten' is the total."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheid scholing 2021")
    xs = [60, 380, 450, 520]
    y = 100
    for row in [["Segment", "Uitgenodigd", "Voltooid", "Respons"], ["Opleidingen", "113", "57", "50%"],
                ["Functiegerichte vaardigheidstrainingen > Logistiek", "28", "14", "50%"], ["Alle segmenten", "141", "71", "50%"]]:
        _text(page, xs[0], y, row[0])
        for text, right in zip(row[1:], xs[1:]):
            _text(page, right, y, text, right=True)
        y += 15
    y += 30
    _text(page, 60, y, "V1 Welk rapportcijfer geeft u de scholing als geheel? -")
    _text(page, 60, y + 12, "gemiddelde per segment")
    y += 36
    _text(page, 60, y, "Segment")
    _text(page, 330, y, "n", right=True)
    _text(page, 420, y, "Gemiddelde (1-10)", right=True)
    y += 16
    for label, n, mark in [("Alle segmenten", "71", "8,4"), (("Functiegerichte vaardigheidstrainingen >", "Logistiek"), "14", "8,3"),
                           ("Opleidingen", "57", "8,2")]:
        if isinstance(label, tuple):
            _text(page, 60, y, label[0])
            y += 10
            _text(page, 330, y, n, right=True)
            _text(page, 420, y, mark, right=True)
            y += 10
            _text(page, 60, y, label[1])
        else:
            _text(page, 60, y, label)
            _text(page, 330, y, n, right=True)
            _text(page, 420, y, mark, right=True)
        page.draw_rect(pymupdf.Rect(430, y - 8, 430 + 12 * float(mark.replace(",", ".")), y), color=None, fill=(0.2, 0.4, 0.7))
        y += 18
    path = tmp_path / "dashboard.pdf"
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.is_total, r.netto_steekproef, r.ingevuld, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", False, 113, 57, 8.2), ("Functiegerichte vaardigheidstrainingen > Logistiek", False, 28, 14, 8.3),
        ("Alle segmenten", True, 141, 71, 8.4)]


def test_the_years_count_beside_the_counts_per_quarter(registry, tmp_path):
    """'Ingevuld per kwartaal' over 'jan.-mrt.' ... 'okt.-dec.' beside 'Meetjaar' over 'Ingevuld',
    'Benaderd', 'Respons', 'Rapportcijfer': the year's count is the ingevuld, not a quarter's."""
    doc = pymupdf.open()
    page = doc.new_page(width=842, height=595)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    xs = [60, 300, 360, 420, 480, 560, 630, 700, 770]
    _text(page, 330, 100, "Ingevuld per kwartaal", centre=True)
    _text(page, 690, 100, "Meetjaar", centre=True)
    rows = [["Onderdeel", "jan.-mrt.", "apr.-jun.", "jul.-sep.", "okt.-dec.", "Ingevuld", "Benaderd", "Respons", "Rapportcijfer"],
            ["Opleidingen", "2", "1", "3", "3", "9", "34", "26,5%", "8,1"], ["Leerbanen", "19", "20", "16", "16", "71", "135", "52,6%", "8,5"]]
    for r, row in enumerate(rows):
        _text(page, xs[0], 114 + 16 * r, row[0])
        for text, right in zip(row[1:], xs[1:]):
            _text(page, right, 114 + 16 * r, text, right=True)
    path = tmp_path / "kwartalen.pdf"
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 34, 9, 26.5, 8.1), ("Leerbanen", 135, 71, 52.6, 8.5)]


def test_a_value_set_apart_from_its_column_stays_in_it(registry, tmp_path):
    """Centred cells: '0%' and '–' stand well left of the right-aligned values of their columns, so
    the alignment sees two columns where there is one; never both filled in one row, they are one."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    head = [(60, "Perceel"), (330, "Benaderd"), (390, "Ingevuld"), (450, "Respons"), (540, "Rapportcijfer")]
    for x, t in head:
        _text(page, x, 100, t, right=x > 60)
    rows = [("Opleidingen", "80", "49", (450, "61%"), (540, "8,8")), ("Leerbanen", "115", "49", (450, "43%"), (540, "8,0")),
            ("Ervaringscertificaten", "2", "0", (418, "0%"), (490, "–".replace("–", "-"))), ("Totaal", "197", "98", (450, "50%"), (540, "8,4"))]
    for r, (label, a, b, pct, mark) in enumerate(rows):
        y = 116 + 15 * r
        _text(page, 60, y, label)
        _text(page, 330, y, a, right=True)
        _text(page, 390, y, b, right=True)
        _text(page, pct[0], y, pct[1], right=True)
        _text(page, mark[0], y, mark[1], right=True)
    path = tmp_path / "gecentreerd.pdf"
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 80, 49, 61.0, 8.8), ("Leerbanen", 115, 49, 43.0, 8.0), ("Ervaringscertificaten", 2, 0, 0.0, None),
        ("Totaal", 197, 98, 50.0, 8.4)]


def test_a_page_per_perceel_with_its_name_over_a_table_without_a_label_column(registry, tmp_path):
    """Each perceel on a page of its own: its name as the page's heading, then a ruled table whose
    header names only measures over one row of values; the last page gives all percelen together."""
    doc = pymupdf.open()
    _text(doc.new_page(width=595, height=842), 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    head = ["Benaderd", "Ingevuld", "Respons", "Rapportcijfer"]
    xs = [60, 180, 300, 420, 540]
    for name, values in [("Opleidingen", ["33", "7", "21,2%", "8,2"]), ("Leerbanen", ["65", "24", "36,9%", "8,0"]),
                         ("Alle percelen samen", ["98", "31", "31,6%", "8,1"])]:
        page = doc.new_page(width=595, height=842)
        _text(page, 60, 80, name)
        for r, row in enumerate([head, values]):
            y = 110 + 20 * r
            for k, text in enumerate(row):
                _text(page, xs[k] + 4, y, text)
        for y in (96, 116, 136):
            page.draw_line((xs[0], y), (xs[-1], y), width=0.6)
        for x in xs:
            page.draw_line((x, 96), (x, 136), width=0.6)
    path = tmp_path / "per-pagina.pdf"
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.is_total, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", False, 33, 7, 21.2, 8.2), ("Leerbanen", False, 65, 24, 36.9, 8.0), ("Alle percelen samen", True, 98, 31, 31.6, 8.1)]


def test_header_abbreviations_read_through_the_legend_under_the_table(registry, tmp_path):
    """'Gem. | 95%-BI | n | N | Respons (%)' with the legend 'N = netto steekproef ...; n = aantal
    ingevulde vragenlijsten; Gem. = gemiddeld rapportcijfer (1-10)' under the table: N and n apart."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    xs = [60, 300, 370, 430, 480, 540]
    rows = [["Onderdeel", "Gem.", "95%-BI", "n", "N", "Respons (%)"], ["Opleidingen", "8,8", "[8,5; 9,1]", "51", "111", "45,9"],
            ["Leerbanen", "8,9", "[8,6; 9,2]", "41", "102", "40,2"]]
    for r, row in enumerate(rows):
        _text(page, xs[0], 100 + 16 * r, row[0])
        for text, right in zip(row[1:], xs[1:]):
            _text(page, right, 100 + 16 * r, text, right=True)
    _text(page, 60, 160, "N = netto steekproef (alle benaderde klanten); n = aantal ingevulde vragenlijsten; Gem. = gemiddeld")
    _text(page, 60, 172, "rapportcijfer (1-10); n.v.t. = geen waarnemingen.")
    path = tmp_path / "legenda.pdf"
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Opleidingen", 111, 51, 45.9, 8.8), ("Leerbanen", 102, 41, 40.2, 8.9)]


def test_key_figures_as_tiles_on_a_slide_per_perceel(registry, tmp_path):
    """A slide deck: per slide a heading at the margin ('Alle klanten', 'Opleidingen', ...) and a row
    of big numbers with each caption under its number; a sentence under the tiles is no caption."""
    doc = pymupdf.open()
    _text(doc.new_page(width=842, height=595), 60, 60, "Klanttevredenheidsonderzoek scholing 2021")
    caps = ["benaderd", "vragenlijsten ingevuld", "respons", "gemiddeld rapportcijfer"]
    for name, values in [("Alle klanten", ["392", "205", "52,3%", "8,4"]), ("Opleidingen", ["61", "37", "60,7%", "8,5"]),
                         ("Leerbanen", ["70", "30", "42,9%", "8,0"])]:
        page = doc.new_page(width=842, height=595)
        _text(page, 60, 120, name)
        for k, (v, c) in enumerate(zip(values, caps)):
            x = 220 + 160 * k
            _text(page, x, 165, v, centre=True)
            _text(page, x, 180, c, centre=True)
        _text(page, 60, 215, "Het totaal over alle onderdelen van de dienstverlening. UWV legt de lat bij een 8.")
    path = tmp_path / "tegels.pdf"
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.is_total, r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results] == [
        ("Alle klanten", True, 392, 205, 52.3, 8.4), ("Opleidingen", False, 61, 37, 60.7, 8.5), ("Leerbanen", False, 70, 30, 42.9, 8.0)]


# ---- tables sized to their contents (WeasyPrint, a word processor's autofit) ---------------------


def test_a_header_set_tight_over_columns_sized_to_their_contents(tmp_path):
    """Header cells only a few points apart (less than ``_chunks`` splits at), each of two words a
    space apart: the header is split where its gaps are clearly wider than a space."""
    path = tmp_path / "tight.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    heads = ["Nr. perceel", "Netto steekproef", "Aantal ingevuld", "Respons %", "Gem. cijfer"]
    x, rights = 60.0, []
    for h in heads:
        _text(page, x, 120, h)
        x += pymupdf.get_text_length(h, fontsize=FONT)
        rights.append(x)
        x += 7  # a cell's padding on both sides: wider than a space, narrower than a chunk gap
    for k, row in enumerate([["1", "40", "18", "45,0", "8,2"], ["2", "20", "9", "45,0", "8,5"], ["3", "60", "27", "45,0", "8,3"]]):
        for text, right in zip(row, rights):
            _text(page, right, 136 + 14 * k, text, right=True)
    doc.save(path)
    with open_document(path) as d:
        grids = gridmod.aligned_grids(d.page(1), d.page(1).words)
    assert grids and grids[0].matrix()[0] == heads
    assert grids[0].matrix()[1] == ["1", "40", "18", "45,0", "8,2"]


def test_a_total_row_whose_cells_stand_closer_does_not_join_the_columns(tmp_path):
    """A bold total row's wider figures leave less than a gap between score, interval and count
    ('8,7 [8,5; 8,9] 146' as one run of words): the other rows keep the columns apart."""
    path = tmp_path / "bridge.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for text, x in (("Perceel", 60), ("Gem.", 230), ("95%-BI", 262), ("n", 318), ("N", 345), ("Respons", 380)):
        _text(page, x, 120, text)
    rows = [["Opleidingen", "8,8", "[8,5; 9,1]", "51", "111", "45,9"], ["Leerbanen", "8,9", "[8,6; 9,2]", "41", "102", "40,2"],
            ["Ervaringscertificaten", "8,8", "[8,3; 9,3]", "13", "47", "27,7"]]
    for k, row in enumerate(rows):
        y = 136 + 14 * k
        _text(page, 60, y, row[0])
        _text(page, 250, y, row[1], right=True)
        _text(page, 262, y, row[2])
        for text, right in zip(row[3:], (330, 360, 420)):
            _text(page, right, y, text, right=True)
    y = 136 + 14 * len(rows)
    _text(page, 60, y, "Alle respondenten")
    _text(page, 250, y, "8,7", right=True)
    _text(page, 253, y, "[8,5; 8,9]")  # closer: the run '8,7 [8,5; 8,9] 146' reads as one chunk
    _text(page, 330, y, "146", right=True)
    _text(page, 360, y, "419", right=True)
    _text(page, 420, y, "34,8", right=True)
    doc.save(path)
    with open_document(path) as d:
        grid = gridmod.aligned_grids(d.page(1), d.page(1).words)[0]
    assert grid.matrix()[-1] == ["Alle respondenten", "8,7", "[8,5; 8,9]", "146", "419", "34,8"]
    assert grid.matrix()[1] == rows[0]


def test_a_cell_wrapped_after_a_slash_goes_on_without_a_space():
    from kto_ingest.document import Word

    words = [Word(10, 10, 60, 20, "(per", 1, 0, 0), Word(62, 10, 110, 20, "telefoon/", 1, 0, 0),
             Word(10, 22, 70, 32, "email/app)?", 1, 0, 1)]
    assert gridmod.cell_text(words) == "(per telefoon/email/app)?"
    assert gridmod.join_lines("en/of", "daarna") == "en/of daarna"
    assert gridmod.join_lines("telefoon/", "email") == "telefoon/email"


def _section_table(page, top: float, values: list[str]) -> float:
    """A header of measures only over one row of values (no label column), as a section per perceel
    prints it; returns the y under it."""
    heads = [("Netto", "steekproef"), ("Ingevulde", "vragenlijsten"), ("", "Respons"), ("Gemiddeld", "rapportcijfer")]
    rights = [150, 260, 360, 470]
    for (a, b), right in zip(heads, rights):
        if a:
            _text(page, right, top, a, right=True)
        _text(page, right, top + 11, b, right=True)
    for v, right in zip(values, rights):
        _text(page, right, top + 28, v, right=True)
    return top + 28


def test_one_row_tables_named_by_their_section_heading_or_caption(registry, tmp_path):
    """holdout10 (scored blind): a section per perceel ('3.2.1 Opleidingen', a sentence or two with
    its figures, a one-row table, 'Tabel 3.2 Opleidingen' under it); one table stands at a page's
    foot with its caption on the next page, where the next section's table opens: each table is
    its own perceel's row, none the continuation of the one before."""
    path = tmp_path / "secties.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    sections = [("3.1 Samenvatting", "Tabel 3.1 Alle percelen", ["160", "72", "45,0%", "8,3"]),
                ("3.2.1 Opleidingen", "Tabel 3.2 Opleidingen", ["100", "45", "45,0%", "8,4"]),
                ("3.2.2 Leerbanen", None, ["40", "18", "45,0%", "8,1"])]
    y = 100
    for heading, caption, values in sections:
        _text(page, 60, y, heading)
        _text(page, 60, y + 18, f"Van de {values[0]} benaderde klanten vulden er {values[1]} de vragenlijst in.")
        _text(page, 60, y + 30, f"Zij geven gemiddeld een {values[3]}. Dat voldoet aan de norm van 8.")
        bottom = _section_table(page, y + 50, values)
        if caption:
            _text(page, 60, bottom + 18, caption)
        y = bottom + 50
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Tabel 3.3 Leerbanen")
    _text(page, 60, 84, "3.2.3 Ervaringscertificaten")
    _text(page, 60, 102, "Van de 20 benaderde klanten vulden er 9 de vragenlijst in.")
    bottom = _section_table(page, 124, ["20", "9", "45,0%", "8,2"])
    _text(page, 60, bottom + 18, "Tabel 3.4 Ervaringscertificaten")
    doc.save(path)
    e = _process(registry, path)
    got = sorted((r.service, r.netto_steekproef, r.ingevuld, r.rapportcijfer, r.is_total) for r in e.results)
    assert got == sorted([("Alle percelen", 160, 72, 8.3, True), ("Opleidingen", 100, 45, 8.4, False),
                          ("Leerbanen", 40, 18, 8.1, False), ("Ervaringscertificaten", 20, 9, 8.2, False)])
    assert e.confidence == "high"


def test_a_perceel_cell_merged_over_its_clusters_and_their_subtotal_under_them(registry, tmp_path):
    """holdout10 (scored blind): a ruled table whose perceel cell spans its cluster rows, the name
    wrapped inside it ('Functiegerichte' over 'vaardigheidstrainingen'), and a 'Subtotaal' row under
    the clusters: every cluster row carries the perceel's name, the subtotal is their total."""
    from corpus.render import Doc, Para, Span, Table, reportlab_pdf

    body = [[Span("Opleidingen", cols=2), "40", "18", "45,0%", "8,2"],
            [Span("Functiegerichte vaardigheidstrainingen", rows=3), "Techniek", "20", "9", "45,0%", "8,4"],
            ["Logistiek", "40", "18", "45,0%", "8,1"],
            ["Subtotaal", "60", "27", "45,0%", "8,2"],
            [Span("Totaal", cols=2), "100", "45", "45,0%", "8,2"]]
    table = Table(header=[["Perceel", "Cluster", "Benaderd", "Ingevuld", "Respons", "Rapportcijfer"]], body=body,
                  widths=[2.6, 1.4, 1, 1, 1, 1.2], left_cols=(1,))
    path = tmp_path / "samengevoegd.pdf"
    reportlab_pdf(Doc([Para("Klanttevredenheidsonderzoek scholingsdiensten 2021", "title"), table]), path)
    e = _process(registry, path)
    got = [(" ".join(r.service.split()), r.netto_steekproef, r.is_total, r.heading) for r in e.results]
    fvt = "Functiegerichte vaardigheidstrainingen"
    assert got == [("Opleidingen", 40, False, None),
                   (f"{fvt} Techniek", 20, False, f"{fvt} Subtotaal"), (f"{fvt} Logistiek", 40, False, f"{fvt} Subtotaal"),
                   (f"{fvt} Subtotaal", 60, True, None), ("Totaal", 100, True, None)]
    assert e.confidence == "high", e.warnings


def test_a_count_a_little_after_an_intervals_closing_bracket_is_a_cell_of_its_own(tmp_path):
    """A narrow n column right after the interval ('[8,0; 8,4]' then '62' a little more than a space
    apart, in every row): the count is its own cell, as two numbers so close are."""
    path = tmp_path / "bi.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for text, x in (("Perceel", 60), ("Gem.", 230), ("95%-BI", 262), ("n", 322), ("N", 345), ("Respons", 380)):
        _text(page, x, 120, text)
    rows = [["Opleidingen", "8,2", "[8,0; 8,4]", "62", "119", "52,1"], ["Leerbanen", "8,3", "[7,5; 9,1]", "15", "42", "35,7"]]
    for k, row in enumerate(rows):
        y = 136 + 14 * k
        _text(page, 60, y, row[0])
        _text(page, 250, y, row[1], right=True)
        _text(page, 262, y, row[2])
        right = 262 + pymupdf.get_text_length(row[2], fontsize=FONT) + 5 + pymupdf.get_text_length(row[3], fontsize=FONT)
        _text(page, right, y, row[3], right=True)  # 5 pt after the bracket: more than a space, less than a chunk gap
        _text(page, 360, y, row[4], right=True)
        _text(page, 420, y, row[5], right=True)
    doc.save(path)
    with open_document(path) as d:
        grid = gridmod.aligned_grids(d.page(1), d.page(1).words)[0]
    assert grid.matrix()[1:] == rows


def test_a_paragraph_line_broken_after_a_slash_goes_on_without_a_space():
    from kto_ingest.document import Block, Line, Word

    lines = [Line([Word(10, 10, 60, 20, "(per", 1, 0, 0), Word(62, 10, 110, 20, "telefoon/email/", 1, 0, 0)]),
             Line([Word(10, 22, 40, 32, "app)?", 1, 0, 1), Word(42, 22, 60, 32, "en/of", 1, 0, 1)]),
             Line([Word(10, 34, 40, 44, "verder", 1, 0, 2)])]
    assert Block(lines).text == "(per telefoon/email/app)? en/of verder"


@pytest.mark.parametrize("first,second,joined", [
    ("leidinggevende en col-", "lega’s?", "leidinggevende en collega’s?"),  # TeX hyphenates (LaTeX reprint probe)
    ("de werknemer-", "en werkgeversvragen", "de werknemer- en werkgeversvragen"),  # a compound's hyphen stays
    ("Noord-", "Brabant", "Noord- Brabant"),  # a capital goes on after a hyphen that may be meant
])
def test_a_word_hyphenated_at_the_line_end_is_one_word_again(first, second, joined):
    from kto_ingest.document import Block, Line, Word

    block = Block([Line([Word(10, 10, 60, 20, w, 1, 0, 0) for w in first.split()]),
                   Line([Word(10, 22, 60, 32, w, 1, 0, 1) for w in second.split()])])
    assert block.text == joined
    assert gridmod.join_lines(first, second) == joined


def test_a_sentence_close_above_a_one_row_table_is_not_its_name(registry):
    """LaTeX reprint probe of holdout10 noordkaap (tests/data/reader/latex-sections.pdf, printed by
    pdfTeX with `python -m corpus.reprint --producer latex`): heading and sentence set tight over
    each one-row table; the heading names the row, never the heading and the sentence together."""
    e = _process(registry, Path(__file__).parent / "data" / "reader" / "latex-sections.pdf")
    assert [r.service for r in e.results] == ["Alle percelen", "Opleidingen", "Functiegerichte vaardigheidstrainingen: Logistiek",
                                              "Leerbanen", "Ervaringscertificaten"]


@pytest.mark.parametrize("each", [False, True])
def test_a_perceel_over_clusters_named_in_lower_case_is_their_heading(registry, tmp_path, each):
    """'Functiegerichte vaardigheidstrainingen' on a row of its own over 'cluster Bouw en infra' and
    'cluster Zorg en welzijn' (rows evenly spaced): their heading, not the first line of the first
    cluster's label (holdout11 hazelhof). The same line over every cluster is each one's label."""
    fvt = ["Functiegerichte vaardigheidstrainingen", "", "", "", ""]
    clusters = [["cluster Bouw en infra", "25", "13", "52,0%", "8,6"], ["cluster Zorg en welzijn", "99", "56", "56,6%", "8,1"]]
    body = [["Opleidingen", "82", "24", "29,3%", "8,1"]] + ([fvt, clusters[0], fvt, clusters[1]] if each else [fvt] + clusters)
    path = tmp_path / "clusters.pdf"
    _report(path, HEAD, body + [["Totaal", "206", "93", "45,1%", "8,3"]])
    e = _process(registry, path)
    if each:
        assert [r.service for r in e.results][1:3] == [f"Functiegerichte vaardigheidstrainingen {c[0]}" for c in clusters]
    else:
        assert [(r.service, r.heading) for r in e.results] == [
            ("Opleidingen", None), ("cluster Bouw en infra", "Functiegerichte vaardigheidstrainingen"),
            ("cluster Zorg en welzijn", "Functiegerichte vaardigheidstrainingen"), ("Totaal", None)]


def test_two_cards_in_one_block_as_pdftex_sets_them(registry, tmp_path):
    """pdfTeX puts the right card of one row and the left card of the next in one text block: a
    line that is no measure starts the next card."""
    def card(name, mark, resp, ended):
        return f"{name}\nRapportcijfer: {mark}\nRespons: {resp}\nBeëindigde trajecten: {ended}"

    path = tmp_path / "kaarten-tex.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheid scholing 2021")
    page.insert_textbox(pymupdf.Rect(60, 100, 280, 170), card("Totaal", "8,3", "85 van 190 (44,7%)", "190"), fontsize=10)
    page.insert_textbox(pymupdf.Rect(300, 100, 540, 250), card("Opleidingen", "8,1", "49 van 110 (44,5%)", "110") + "\n"
                        + card("FVT logistiek", "8,2", "31 van 80 (38,8%)", "80"), fontsize=10)
    doc.save(path)
    with open_document(path) as d:
        assert any(len(b.lines) == 8 for b in d.page(1).body_blocks)  # (two cards in one block, as meant)
    e = _process(registry, path)
    got = {r.service: (r.netto_steekproef, r.ingevuld, r.respons_pct, r.rapportcijfer) for r in e.results}
    assert got == {"Totaal": (190, 85, 44.7, 8.3), "Opleidingen": (110, 49, 44.5, 8.1), "FVT logistiek": (80, 31, 38.8, 8.2)}


def test_a_rank_column_set_close_to_the_labels(registry, tmp_path):
    """'#' and '1.', '2.' a little less than a line's height left of the labels (WeasyPrint's
    ranking table in holdout6 klankbord): a column of its own, not part of the labels."""
    path = tmp_path / "ranglijst.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 60, 60, "Klanttevredenheidsonderzoek scholingsdiensten 2021")
    rows = [["#", "Onderdeel", "Benaderd", "Ingevuld", "Respons %", "Cijfer"], ["", "Alle klanten", "227", "78", "34,4", "8,3"],
            ["1.", "Vaardigheidstraining Administratie en ICT", "63", "20", "31,7", "8,6"],
            ["2.", "Opleidingen", "85", "31", "36,5", "8,1"], ["3.", "Leerbanen", "79", "27", "34,2", "8,2"]]
    for r, row in enumerate(rows):
        y = 120 + 16 * r
        _text(page, 67, y, row[0])
        _text(page, 84, y, row[1])
        for text, right in zip(row[2:], [340, 400, 460, 520]):
            _text(page, right, y, text, right=True)
    doc.save(path)
    e = _process(registry, path)
    assert [(r.service, r.netto_steekproef, r.rapportcijfer) for r in e.results] == [
        ("Alle klanten", 227, 8.3), ("Vaardigheidstraining Administratie en ICT", 63, 8.6), ("Opleidingen", 85, 8.1),
        ("Leerbanen", 79, 8.2)]


@pytest.mark.parametrize("header,measure", [("Respons ↕", "respons_pct"), ("Uitgenodigd ⇅", "netto_steekproef"),
                                            ("Gem. cijfer ▼", "rapportcijfer"), ("Ingevuld ↓", "ingevuld")])
def test_a_sortable_columns_arrow_is_no_part_of_its_header(header, measure):
    from kto_ingest.reader import lexicon as lx

    assert lx.measure_of(header)[0] == measure


@pytest.mark.parametrize("text,names", [("Opleidingen", True), ("FVT: Logistiek", True), ("Alle percelen", True),
                                        ("KTO Scholing 2021 — Opleidingscentrum Drechtsteden", False),
                                        ("Klanttevredenheid Opleidingen", False), ("Per perceel en cluster", False)])
def test_a_report_title_over_key_figures_is_no_perceels_name(text, names):
    """A one-row table of key figures under the report's title is the whole, not a perceel the
    title seems to name (pdfTeX's holdout11 klantstroom)."""
    from kto_ingest.reader.tables import _names_a_perceel

    assert _names_a_perceel(text) is names


def test_a_questions_last_line_under_its_values_closes_that_question(tmp_path):
    """Counts set on a question's first line, its last line ('werknemer?') under them, the next
    question right below, evenly spaced (pdfTeX's holdout11 werkbrug): the line ending in '?'
    ends the question above, also when the next one opens in lower case."""
    path = tmp_path / "vragen.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    lines = [("Vraag aan de werkgever", ["onvoldoende", "matig", "voldoende", "goed"]),
             ("Het aantal keren dat de jobcoach contact heeft gehad met de", ["0", "0", "3", "5"]), ("werknemer?", []),
             ("Het aantal keren dat de coach een bezoek aan uw bedrijf heeft", ["0", "2", "1", "5"]), ("gebracht?", []),
             ("de benadering door de jobcoach?", ["2", "0", "2", "4"]), ("De werkomgeving?", ["1", "1", "1", "5"])]
    y = 120.0
    for label, values in lines:
        y += 12.0 if values else 12.6  # (a question's last line a hair nearer the next row: the gaps do not tell)
        _text(page, 60, y, label)
        for text, right in zip(values, [400, 450, 500, 550]):
            _text(page, right, y, text, right=True)
    doc.save(path)
    with open_document(path) as d:
        grid = next(g for g in gridmod.page_grids(d, 1) if g.method == "uitlijning")
        labels = [r[0] for r in gridmod.logical_rows(grid)]
    assert labels[1:] == ["Het aantal keren dat de jobcoach contact heeft gehad met de werknemer?",
                          "Het aantal keren dat de coach een bezoek aan uw bedrijf heeft gebracht?",
                          "de benadering door de jobcoach?", "De werkomgeving?"]


@pytest.mark.parametrize("legend", ["N = netto steekproef; n = aantal ingevulde vragenlijsten",
                                    "N – netto steekproef (alle benaderde klanten): n – aantal ingevulde vragenlijsten"])
def test_a_legend_with_a_dash_for_its_equals_sign(legend):
    """'N – netto steekproef (...): n – aantal ...' (as printed, or '=' and ';' as OCR reads them)."""
    from kto_ingest.reader.tables import _LEGEND_ENTRY

    got = {m["abbr"]: m["def"] for m in _LEGEND_ENTRY.finditer(legend)}
    assert set(got) == {"N", "n"} and got["n"].startswith("aantal ingevulde") and got["N"].startswith("netto steekproef")
