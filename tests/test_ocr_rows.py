"""Rows read by OCR are checked against their own arithmetic before any rule sees them (issue 15)."""

from __future__ import annotations

from kto_ingest.pipeline import check_ocr_rows
from kto_ingest.schema import Facts, ResultRow


def row(service, netto, ingevuld, respons, cijfer, page=3, total=False):
    return ResultRow(group=None, service=service, netto_steekproef=netto, ingevuld=ingevuld, respons_pct=respons, rapportcijfer=cijfer,
                     page=page, is_total=total, raw={})


def test_an_impossible_cijfer_is_dropped_and_a_broken_row_named():
    facts = Facts(results=[
        row("Opleidingen", 96, 41, 42.7, 81.0),   # "8,1" with its comma lost
        row("Leerbanen", 23, 9, 89.1, 8.4),       # 9 / 23 is 39,1 %: an 8 read for a 3
        row("Totaal", 119, 50, 42.0, 8.2, total=True),
        row("Elders", 10, 5, 50.0, 7.0, page=2),  # a born-digital page: not touched
    ])
    notes = check_ocr_rows(facts, {3})
    assert facts.results[0].rapportcijfer is None and facts.results[3].rapportcijfer == 7.0
    assert any("(81,0)" in n and "Opleidingen" in n for n in notes)
    assert any("Leerbanen" in n and "klopt niet" in n for n in notes)
    assert not any("Respons van 'Opleidingen'" in n for n in notes)  # 41 / 96 = 42,7 %


def test_consistent_rows_give_no_notes():
    facts = Facts(results=[row("Opleidingen", 96, 41, 42.7, 8.1), row("Totaal", 96, 41, 42.7, 8.1, total=True)])
    assert check_ocr_rows(facts, {3}) == []


def test_table_captions_are_found_as_ocr_reads_them():
    from parsers.klantstem import RE_TABLE as KLANTSTEM
    from parsers.panteia_bow import RE_TABLE as PANTEIA

    for caption in ("Tabel 1.1 Resultaten voor het keurmerk", "tabel 11 Resultaten voor", "Tabel 1,1 Resultaten voor"):
        assert PANTEIA.search(caption), caption
    for other in ("Tabel 1.2 Resultaten", "Tabel 12 Resultaten", "Tabel 1.12 Resultaten"):
        assert not PANTEIA.search(other), other
    assert KLANTSTEM.search("Tabel 2,1 Respons en rapportcijfer per perceel en cluster")
    assert not KLANTSTEM.search("Tabel 2.2 Respons en rapportcijfer per perceel")


def test_a_group_without_questionnaires_may_print_0_0():
    facts = Facts(results=[row("Opdrachtgevers", 6, 0, 0.0, 0.0)])
    assert check_ocr_rows(facts, {3}) == [] and facts.results[0].rapportcijfer == 0.0


def test_ocr_words_have_their_number_confusions_repaired():
    from kto_ingest.ocr import ocr_word

    assert [ocr_word(w) for w in ("42,7o/o", "|58", "1O", "Opleidingen", "9%")] == ["42,7%", "58", "10", "Opleidingen", "9%"]


def test_a_labels_trailing_dash_stays_with_the_label_not_the_first_number_column():
    """Word-position tables (kto_ingest.tables): a long label's spaced en dash, or a glyph OCR set
    against the label, reaches into the first number column's band; it belongs to the label, and a
    dash far from the label (an empty cell's marker) stays in its cell."""
    from kto_ingest.document import Word
    from kto_ingest.tables import Column, _split

    columns = [Column("netto", 232, 275), Column("ingevuld", 296, 335), Column("respons", 350, 385)]

    def w(x0, x1, text):
        return Word(x0, 100, x1, 110, text, 3, 0, 0)

    row = [w(83, 150, "Functiegerichte"), w(153, 226, "vaardigheidstrainingen"), w(229, 235, "–"),
           w(260, 275, "58"), w(320, 335, "22"), w(360, 385, "37,9")]
    label, cells = _split(row, columns)
    assert label == "Functiegerichte vaardigheidstrainingen –"
    assert cells == {"netto": "58", "ingevuld": "22", "respons": "37,9"}
    stray = [w(83, 150, "Opleidingen"), w(152, 154, "|"), w(260, 275, "96"), w(320, 335, "41"), w(360, 385, "42,7")]
    assert _split(stray, columns) == ("Opleidingen |", {"netto": "96", "ingevuld": "41", "respons": "42,7"})
    empty = [w(83, 150, "Leerbanen"), w(262, 268, "–"), w(320, 335, "2"), w(360, 385, "50,0")]
    assert _split(empty, columns)[1]["netto"] == "–"


class _Scan:
    """A stand-in for a Document: the words OCR read on page 3."""

    def __init__(self, lines):
        from kto_ingest.document import Word

        self.words = [Word(x, 100 + 16 * n, x + 8 * len(t), 110 + 16 * n, t, 3, n, 0)
                      for n, line in enumerate(lines) for x, t in line]

    def page(self, number):
        assert number == 3
        return self


def test_a_flagged_ocr_row_carries_its_place_on_the_scan_as_evidence():
    scan = _Scan([[(83, "Opleidingen"), (260, "96"), (320, "41"), (360, "42,7"), (420, "8,1")],
                  [(83, "Leerbanen"), (260, "23"), (320, "9"), (360, "89,1"), (420, "7,9")]])
    leerbanen = row("Leerbanen", 23, 9, 89.1, 7.9)
    leerbanen.raw = {"netto_steekproef": "23", "ingevuld": "9", "respons_pct": "89,1", "rapportcijfer": "7,9"}
    facts = Facts(results=[row("Opleidingen", 96, 41, 42.7, 8.1), leerbanen])
    notes = check_ocr_rows(facts, {3}, scan)
    assert len(notes) == 1 and "results.1" in notes[0]
    ev = facts.evidence["results.1"]
    assert ev.page == 3 and ev.ocr and ev.raw == "Leerbanen 23 9 89,1 7,9"
    assert ev.bbox == (83, 116, 444, 126)  # the Leerbanen line, not the Opleidingen line above it
    assert "results.0" not in facts.evidence


def test_a_flagged_ocr_row_never_fails_a_report(tmp_path):
    """Rows read by OCR that do not add up are for a person: whatever their values, the norm asks a
    person ('mogelijk voldoet niet'), and the report is not 'voldoet niet'."""
    from kto_ingest.regime import load_regime
    from kto_ingest.rules import Context, evaluate

    from .test_rules import entry

    low = row("Scholing en opleiding", 23, 9, 89.1, 6.2, page=7)  # below the norm, and 9 / 23 is not 89,1 %
    low.group, low.raw = "clienten", {"netto_steekproef": "23", "ingevuld": "9", "respons_pct": "89,1", "rapportcijfer": "6,2"}
    total = row("Totaal", 23, 9, 89.1, 6.2, page=7, total=True)
    total.group = "clienten"
    facts = Facts(results=[low, total])
    assert check_ocr_rows(facts, {7})
    e = entry(results=facts.results, ocr_pages=[7], confidence="low")
    checks, verdict = evaluate(e, Context(load_regime("uwv-scholing-2021")))
    assert verdict != "voldoet_niet", [c for c in checks if c.status == "fail"]
    norm = [c for c in checks if c.rule == "SCH-NORM"]
    assert norm and all(c.status == "manual" for c in norm) and "Mogelijk voldoet niet" in norm[0].message


def test_the_html_report_shows_a_flagged_row_cut_from_the_page():
    from kto_ingest.pipeline import process_file
    from kto_ingest.registry import Registry
    from kto_ingest.report_html import render_crops
    from kto_ingest.schema import Evidence

    from .conftest import FIXTURES

    entry = process_file(FIXTURES / "leer-unique-2019.pdf", Registry.from_entry_points())
    first = entry.results[0]
    entry.evidence["results.0"] = Evidence(page=first.page, raw="Scholing en opleiding 128 8 6,3 8,1", bbox=(83, 249, 520, 260), ocr=True)
    crops = render_crops(entry)
    rows = [(page, png, note) for page, png, note in crops if note and "OCR-rij 'Scholing en opleiding'" in note]
    assert len(rows) == 1 and rows[0][0] == first.page and rows[0][1].startswith(b"\x89PNG")
    assert len(crops) == 2  # the table, and the row on its own


def _read(service, netto, ingevuld, respons, cijfer, page=3, total=False):
    """A row as OCR read it: the values and the cell texts they came from."""
    r = row(service, netto, ingevuld, float(respons.replace(",", ".")), float(cijfer.replace(",", ".")), page, total)
    r.raw = {"netto_steekproef": str(netto), "ingevuld": str(ingevuld), "respons_pct": respons, "rapportcijfer": cijfer}
    return r


def test_a_lost_decimal_comma_is_restored_only_from_the_columns_own_evidence():
    facts = Facts(results=[
        _read("Opleidingen", 96, 41, "42,7", "81"),        # "8,1": 81 is no cijfer, the column prints one decimal
        _read("Leerbanen", 23, 9, "391", "8,4"),           # "39,1": 9 / 23 = 39,1 %
        _read("Ervaringscertificaten", 23, 9, "427", "8,2"),  # 427 -> 42,7 but 9 / 23 is not 42,7 %: left
        _read("Totaal", 142, 59, "41,5", "8,2", total=True),
    ])
    notes = check_ocr_rows(facts, {3})
    assert facts.results[0].rapportcijfer == 8.1 and facts.results[1].respons_pct == 39.1
    assert facts.results[2].respons_pct == 427.0
    assert sum("de komma is hersteld" in n for n in notes) == 2
    assert any("'81'" in n and "(8,1)" in n and "Opleidingen" in n for n in notes)


def test_no_comma_is_restored_without_a_column_that_prints_one():
    # every cijfer read without its comma: nothing in the column says where it stood
    facts = Facts(results=[_read("Opleidingen", 96, 41, "42,7", "81"), _read("Totaal", 96, 41, "42,7", "81", total=True)])
    check_ocr_rows(facts, {3})
    assert [r.rapportcijfer for r in facts.results] == [None, None]
    # the column prints whole numbers: 81 stays impossible, and is dropped as before
    facts = Facts(results=[_read("Opleidingen", 96, 41, "42,7", "81"), _read("Leerbanen", 23, 9, "39,1", "8")])
    check_ocr_rows(facts, {3})
    assert facts.results[0].rapportcijfer is None


def test_a_decimal_point_among_commas_in_a_table_row_becomes_a_comma():
    from kto_ingest.ocr import decimal_points_as_commas

    texts = ["Tabel", "1.1", "Resultaten", "Scholing", "128", "8", "6,3", "8.1", "nee", "Totaal", "128", "8", "6,3", "8,1", "7,2"]
    lines = [(0, 0)] * 3 + [(1, 0)] * 6 + [(2, 0)] * 5 + [(3, 0)]
    out = decimal_points_as_commas(texts, lines)
    assert out[7] == "8,1" and out[1] == "1.1"  # a caption's number stays
    # a page that prints its decimals with points keeps them
    points = ["7.2", "7.5", "6.0", "5.5", "8,0"]
    assert decimal_points_as_commas(points, [(0, 0)] * 5) == points


def test_a_table_word_a_confusable_letter_off_is_set_right():
    from kto_ingest.ocr import ocr_word

    assert [ocr_word(w) for w in ("Totaai", "Rapportcijt", "Rapporteijt", "totaal", "Respons")] == \
        ["Totaal", "Rapportcijf", "Rapportcijf", "totaal", "Respons"]
    # the header over a column of rapportcijfers, its f read as t on a copy of a copy
    assert [ocr_word(w) for w in ("Cijter", "cijfer", "Cijters", "Cijtes")] == ["Cijfer", "cijfer", "Cijfers", "Cijtes"]
    # other letters, other lengths and other words stay as read
    assert [ocr_word(w) for w in ("Totaak", "Totaalen", "Rapportage", "Tota")] == ["Totaak", "Totaalen", "Rapportage", "Tota"]


def test_a_service_name_and_an_l_read_as_t_are_set_right():
    """The services a results table names are table words too ("Ervaringscertiticaten", f for t at
    150 dpi black-and-white), and a thin "l" read as "t" is a confusion ("Gemiddetd"); another word
    a letter off stays as read."""
    from kto_ingest.ocr import ocr_word

    assert [ocr_word(w) for w in ("Ervaringscertiticaten", "Gemiddetd", "Opieidingen", "Leerbanen")] == \
        ["Ervaringscertificaten", "Gemiddeld", "Opleidingen", "Leerbanen"]
    assert [ocr_word(w) for w in ("Ervaringsoertificaten", "Opleidingan", "Gemeente")] == \
        ["Ervaringsoertificaten", "Opleidingan", "Gemeente"]
