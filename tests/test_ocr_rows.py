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
