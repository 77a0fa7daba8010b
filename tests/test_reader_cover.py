"""Cover and front-matter facts of other bureaus' reports (issue 13): bureau, supplier, report date,
status and meetperiode as a two-column cover, a running header or footer and a colofon print them.

Each test makes a small PDF and asserts what a person reads in it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kto_ingest._pymupdf import pymupdf
from kto_ingest.document import open_document
from kto_ingest.pipeline import Options, process_file
from kto_ingest.reader import facts as ff

D = dt.date
Line = tuple[float, float, str]  # x, y, text


def _pdf(tmp_path: Path, pages: list[list[Line]], header: str | None = None, footer: str | None = None,
         name: str = "rapport.pdf") -> Path:
    """Pages of text lines; ``header``/``footer`` run on every page ('{page}' and '{pages}' filled in)."""
    doc = pymupdf.open()
    for n, lines in enumerate(pages, start=1):
        page = doc.new_page(width=595, height=842)
        for x, y, text in lines:
            page.insert_text((x, y), text, fontsize=11)
        if header:
            page.insert_text((57, 30), header.format(page=n, pages=len(pages)), fontsize=8)
        if footer:
            page.insert_text((57, 815), footer.format(page=n, pages=len(pages)), fontsize=8)
    path = tmp_path / name
    doc.save(path)
    return path


def _cover(pairs: list[tuple[str, str]], x_value: float = 200, top: float = 200) -> list[Line]:
    """A two-column cover: the labels left, their values in a column to the right."""
    out: list[Line] = [(70, 120, "Klanttevredenheid scholingsdiensten 2021")]
    for i, (label, value) in enumerate(pairs):
        out += [(70, top + 20 * i, label), (x_value, top + 20 * i, value)]
    return out


BODY = [(70, 100, "1 Verantwoording"),
        (70, 130, "Alle klanten van wie in de meetperiode een scholingsdienst is beëindigd, zijn uitgenodigd.")]


def _read(path: Path):
    with open_document(path) as doc:
        view = ff.TextView(doc)
        warnings: list[str] = []
        supplier = ff.supplier(view)
        found = {
            "supplier": supplier,
            "bureau": ff.bureau(view, warnings, supplier.value if supplier else None),
            "report_date": ff.report_date(view, warnings),
            "final": ff.final(view),
            "meetperiode": ff.meetperiode(view, warnings),
        }
        return {k: (v.value if v else None) for k, v in found.items()}, found, warnings


def test_a_two_column_cover_is_read_label_by_value(tmp_path):
    """'Klant:', 'Veldwerkperiode:' with abbreviated months, 'Rapportdatum:' and 'Status: eindversie',
    each label in the left column and its value in the right one."""
    path = _pdf(tmp_path, [_cover([("Klant:", "Opleidingscentrum Eemland & Gooi"),
                                   ("Veldwerkperiode:", "1 jan. 2021 t/m 31 dec. 2021"),
                                   ("Rapportdatum:", "24 jan. 2022"),
                                   ("Status:", "eindversie")]), BODY])
    values, found, _ = _read(path)
    assert values["supplier"] == "Opleidingscentrum Eemland & Gooi"
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert values["report_date"] == D(2022, 1, 24)
    assert values["final"] is True
    assert "veldwerkperiode" in found["meetperiode"].entry


def test_two_facts_side_by_side_are_cut_at_the_gap(tmp_path):
    """'Opdrachtgever: Leerhuis Oost' and 'Datum: 2022-01-09' on one line, far apart: two facts."""
    path = _pdf(tmp_path, [[(70, 120, "KTO scholingsdiensten 2021"),
                            (70, 200, "Opdrachtgever: Leerhuis Oost"), (330, 200, "Datum: 2022-01-09"),
                            (70, 220, "Looptijd onderzoek: Q1 t/m Q4 2021"), (330, 220, "Versie: definitief 1.0")], BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == "Leerhuis Oost"
    assert values["report_date"] == D(2022, 1, 9)
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert values["final"] is True


def test_a_value_below_its_label_is_the_cell_under_it(tmp_path):
    """Labels as column heads ('Opdrachtgevende organisatie:' and 'Meetjaar:'), the values on the
    line below, each under its own label."""
    path = _pdf(tmp_path, [[(70, 120, "KTO scholingsdiensten 2021"),
                            (70, 200, "Opdrachtgevende organisatie:"), (330, 200, "Meetjaar:"),
                            (70, 218, "Trainingsinstituut De Linge"), (330, 218, "2021")], BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == "Trainingsinstituut De Linge"
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))


@pytest.mark.parametrize(("line", "date"), [
    ("Datum uitgifte: 07/02/2022", D(2022, 2, 7)),
    ("Datum: 2022-01-09", D(2022, 1, 9)),
    ("Opgesteld op: 18 mrt. 2021", D(2021, 3, 18)),
    ("Utrecht, 2022-01-09", D(2022, 1, 9)),
    # a scan that read the '·' between a cover line's parts as ':' (APART3, scored blind)
    ("Projectnummer TW2166: Definitief rapport: 13.01.2022", D(2022, 1, 13)),
])
def test_report_dates_in_other_forms(tmp_path, line, date):
    path = _pdf(tmp_path, [[(70, 120, "KTO scholingsdiensten 2021"), (70, 200, line)], BODY])
    values, _, warnings = _read(path)
    assert values["report_date"] == date and not warnings


def test_a_date_that_does_not_exist_is_null_with_the_text_in_a_warning(tmp_path):
    path = _pdf(tmp_path, [[(70, 120, "KTO scholingsdiensten 2021"), (70, 200, "Datum: 31-02-2022")], BODY])
    values, _, warnings = _read(path)
    assert values["report_date"] is None
    assert any("Rapportdatum niet gelezen" in w and "31-02-2022" in w for w in warnings)


def test_the_meetperiode_in_a_sentence_about_data_collection(tmp_path):
    path = _pdf(tmp_path, [[(70, 120, "Tevredenheidsmeting scholingsdiensten UWV"), (70, 200, "Aanbieder: Leerhuis Peelrand")],
                           [(70, 100, "2 Methode"),
                            (70, 130, "Gegevens verzameld tussen 1 januari 2021 en 31 december 2021. Elke maand leverde"),
                            (70, 144, "de aanbieder de klanten aan van wie een scholingsdienst was beëindigd.")]])
    values, found, _ = _read(path)
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert found["meetperiode"].page == 2


def test_the_meetperiode_in_the_paragraph_under_a_heading_that_names_it(tmp_path):
    """holdout10 (scored blind): '1.2 Onderzoeksperiode' as a heading, the period in the paragraph
    under it, in words no label or phrase introduces ('De meting omvat de klanten met een dienst
    die eindigde: 1 januari tot en met 31 december 2021.' with a footnote mark after it)."""
    path = _pdf(tmp_path, [[(70, 120, "Tevredenheidsmeting scholingsdiensten UWV"), (70, 200, "Aanbieder: Leerhuis Peelrand")],
                           [(70, 100, "1.2 Onderzoeksperiode"),
                            (70, 130, "De meting omvat de klanten met een dienst die eindigde: 1 januari tot en met 31"),
                            (70, 144, "december 2021.1 De klanten kregen een brief.")]])
    values, found, _ = _read(path)
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert "onderzoeksperiode" in found["meetperiode"].entry


def test_a_sentence_with_the_meetperiode_cut_in_two_blocks(tmp_path):
    """holdout5 printed by WeasyPrint: the paragraph cut in two blocks at a footnote mark, the
    period's end in the second ('... over het meetjaar van 15 maart 2020 tot en' / 'met 15 maart 2021.')."""
    path = _pdf(tmp_path, [[(70, 120, "Tevredenheidsmeting jobcoaching"), (70, 200, "Jobcoachorganisatie: JobcoachPlus Twente")],
                           [(70, 100, "1 Inleiding"),
                            (70, 130, "Deze rapportage gaat over het meetjaar van 15 maart 2020 tot en"),
                            (70, 160, "met 15 maart 2021. De werknemers en werkgevers zijn gevraagd naar hun oordeel.")]])
    with open_document(path) as doc:
        assert len([b for b in doc.page(2).blocks if "2021" in b.text or "2020" in b.text]) == 2  # two blocks
    values, _, _ = _read(path)
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2020, 3, 15), D(2021, 3, 15))


def test_a_spreadsheet_printed_with_its_row_numbers(tmp_path):
    """holdout11 rasterwerk (scored blind): a sheet printed with gridlines and row numbers, the facts
    in its first rows ('1 Opdrachtgever Vakopleidingen Kempenland', '4 Datum rapport 19-2-2022')."""
    rows = ["Opdrachtgever Vakopleidingen Kempenland", "Uitgevoerd door Rasterwerk Data & Onderzoek", "Meetperiode 1-1-2021 t/m 31-12-2021",
            "Datum rapport 19-2-2022", "Versie definitief"]
    lines = [(60, 100, "A"), (120, 100, "B")] + [(x, 120 + 16 * k, t) for k, row in enumerate(rows)
                                                 for x, t in ((60, str(k + 1)), (80, row.split(" ", 1)[0] if not row.startswith(("Datum", "Uitgevoerd")) else " ".join(row.split()[:2])),
                                                              (220, row.split(" ", 2 if row.startswith(("Datum", "Uitgevoerd")) else 1)[-1]))]
    path = _pdf(tmp_path, [lines, BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == "Vakopleidingen Kempenland"
    assert values["report_date"] == D(2022, 2, 19)
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))


def test_a_superscript_digit_opening_a_line_is_no_row_number(tmp_path):
    """'²' is a digit to Python's str.isdigit but no number: a footnote line opening with it reads
    (it once stopped the reader with a ValueError)."""
    path = _pdf(tmp_path, [[(70, 120, "Klanttevredenheid scholingsdiensten 2021"), (70, 200, "Opdrachtgever: Leerhuis Peelrand"),
                            (70, 700, "² Gemiddelde van het rapportcijfer (1-10)."), (70, 716, "³ Respons in procenten.")], BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == "Leerhuis Peelrand"


def test_the_bureau_from_the_running_footer_and_the_colofon(tmp_path):
    """The bureau appears only in the footer (with 'pagina n van m') and the colofon."""
    org = "Klaverveld Onderzoek & Advies B.V."
    path = _pdf(tmp_path, [_cover([("Klant:", "Leerhuis Drechtsteden")]), BODY,
                           [(70, 80, "Colofon"), (70, 100, org), (70, 116, "Stationsplein 12, 3811 AA Amersfoort")]],
                footer=org + " | KTO scholingsdiensten 2021 | pagina {page} van {pages}")
    values, found, warnings = _read(path)
    assert values["bureau"] == org and not warnings
    assert values["supplier"] == "Leerhuis Drechtsteden"


def test_the_bureau_from_the_running_header_alone(tmp_path):
    path = _pdf(tmp_path, [_cover([("Opdrachtgevende organisatie:", "Leerhuis Oost")]), BODY, BODY],
                header="Panorama Beleidsonderzoek – Klanttevredenheid scholingsdiensten 2021")
    values, found, _ = _read(path)
    assert values["bureau"] == "Panorama Beleidsonderzoek"
    assert "kop- of voettekst" in found["bureau"].entry


def test_a_footer_line_on_one_page_only_is_no_bureau(tmp_path):
    """A name must recur on the pages to be a running header or footer; one line on one page is not."""
    path = _pdf(tmp_path, [[(70, 120, "KTO 2021")], BODY + [(57, 815, "Panorama Beleidsonderzoek")], BODY])
    values, _, _ = _read(path)
    assert values["bureau"] is None


def test_a_running_header_that_names_the_supplier_is_not_the_bureau(tmp_path):
    path = _pdf(tmp_path, [[(70, 120, "Tevredenheidsmeting scholingsdiensten UWV")], BODY, BODY],
                header="KTO scholingsdiensten 2021 – Trainingsinstituut Dommelstreek")
    values, _, _ = _read(path)
    assert values["bureau"] is None


def test_people_are_never_the_bureau(tmp_path):
    """'Onderzoekers: M. Yilmaz MSc en J. Brouwer' names people; the bureau is in 'Rapport opgesteld door'."""
    path = _pdf(tmp_path, [[(70, 120, "KTO 2021 scholingsdiensten"), (70, 200, "Scholingsaanbieder: Leerhuis Oost")],
                           BODY + [(70, 300, "Rapport opgesteld door Onderzoeksbureau Dwarsdoorsnede.")],
                           [(70, 80, "Colofon"), (70, 100, "Onderzoekers: M. Yilmaz MSc en J. Brouwer")]])
    values, _, _ = _read(path)
    assert values["bureau"] == "Onderzoeksbureau Dwarsdoorsnede"


def test_authors_alone_leave_the_bureau_null(tmp_path):
    path = _pdf(tmp_path, [[(70, 120, "KTO 2021 scholingsdiensten"), (70, 200, "Auteurs: drs. E. Hoekstra en J. Brouwer MSc")],
                           BODY])
    values, _, _ = _read(path)
    assert values["bureau"] is None


@pytest.mark.parametrize("function_line,bureau", [
    ("directeur Oosterschelde Sociaal Onderzoek", "Oosterschelde Sociaal Onderzoek"),  # holdout10, scored blind
    ("directeur Leerhuis Peelrand", None),  # the supplier signs: not the bureau
    ("directeur", None),
])
def test_the_bureau_from_the_signers_function_under_the_signers_name(tmp_path, function_line, bureau):
    path = _pdf(tmp_path, [[(70, 120, "Tevredenheid van klanten over hun scholing"), (70, 200, "Aanbieder: Leerhuis Peelrand")],
                           BODY + [(70, 600, "Voor akkoord,"), (70, 640, "ir. W. Schelde"), (70, 654, function_line)]])
    values, _, _ = _read(path)
    assert values["bureau"] == bureau


def test_an_authors_label_may_name_an_organisation(tmp_path):
    path = _pdf(tmp_path, [[(70, 120, "KTO 2021 scholingsdiensten"), (70, 200, "Auteur: Klantstem Onderzoek")], BODY])
    values, _, _ = _read(path)
    assert values["bureau"] == "Klantstem Onderzoek"


def test_a_colofon_and_a_footer_that_disagree_leave_the_bureau_null_with_a_warning(tmp_path):
    path = _pdf(tmp_path, [[(70, 120, "KTO 2021")], BODY,
                           [(70, 80, "Colofon"), (70, 100, "Beta Research B.V."), (70, 116, "Postbus 1, Utrecht")]],
                footer="Alfa Onderzoek | pagina {page} van {pages}")
    values, _, warnings = _read(path)
    assert values["bureau"] is None
    assert any("Alfa Onderzoek" in w and "Beta Research B.V." in w for w in warnings)


def test_the_generic_parser_reads_the_cover_of_another_bureau(registry, tmp_path):
    """Through the pipeline: the facts reach the report, and the people in the colofon do not."""
    doc = pymupdf.open()
    cover = doc.new_page(width=595, height=842)
    for x, y, text in _cover([("Scholingsaanbieder:", "Trainingsinstituut Achterhoek"),
                              ("Looptijd onderzoek:", "Q1 t/m Q4 2021"), ("Datum:", "2022-02-12"),
                              ("Versie:", "concept 0.9")]):
        cover.insert_text((x, y), text, fontsize=11)
    page = doc.new_page(width=595, height=842)
    page.insert_text((60, 80), "Alle klanten van wie een scholingsdienst is beëindigd, zijn per e-mail uitgenodigd.", fontsize=9)
    page.insert_text((60, 120), "Tabel 1 Respons en rapportcijfer per perceel", fontsize=9)
    rows = [["Perceel", "Netto steekproef", "Ingevuld", "Respons", "Rapportcijfer"],
            ["Opleidingen", "40", "20", "50,0%", "8,1"], ["Leerbanen", "10", "5", "50,0%", "7,9"],
            ["Totaal", "50", "25", "50,0%", "8,1"]]
    xs = [60, 300, 370, 440, 530]
    for r, row in enumerate(rows):
        y = 150 + 16 * r
        page.insert_text((xs[0], y), row[0], fontsize=9)
        for text, right in zip(row[1:], xs[1:]):
            page.insert_text((right - pymupdf.get_text_length(text, fontsize=9), y), text, fontsize=9)
    page.insert_text((60, 300), "Rapport opgesteld door Onderzoeksbureau Dwarsdoorsnede.", fontsize=9)
    page.insert_text((60, 340), "Colofon", fontsize=11)
    page.insert_text((60, 360), "Onderzoekers: M. Yilmaz MSc en J. Brouwer", fontsize=9)
    path = tmp_path / "dwars.pdf"
    doc.save(path)
    e = process_file(path, registry, Options())
    assert e.parser == "generiek"
    assert e.bureau == "Onderzoeksbureau Dwarsdoorsnede"
    assert e.supplier == "Trainingsinstituut Achterhoek"
    assert e.report_date == D(2022, 2, 12)
    assert (e.meetperiode.start, e.meetperiode.end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert e.final is False


def test_label_cells_without_a_colon_take_the_cell_to_their_right(tmp_path):
    """A cover table 'Opdrachtgever | Leerhuis Oost B.V.', 'Uitgevoerd door | ...', 'Periode | ...',
    'Datum | ...': the value of each label is the cell right of it, never the line below."""
    path = _pdf(tmp_path, [_cover([("Opdrachtgever", "Leerhuis Oost B.V."), ("Uitgevoerd door", "Meetwaarde Research"),
                                   ("Periode", "januari t/m december 2021"), ("Datum", "12 januari 2022")], x_value=250),
                           BODY])
    values, _, warnings = _read(path)
    assert values["supplier"] == "Leerhuis Oost B.V."
    assert values["bureau"] == "Meetwaarde Research"
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert values["report_date"] == D(2022, 1, 12) and not warnings


def test_copyright_line_and_version_line(tmp_path):
    """'© 2022 Meetpunt Noord B.V. Alle rechten voorbehouden.' names the bureau; 'Versie 1.0, 9 januari
    2022' dates the report; 'Uitstroomperiode:' (any label with 'periode') gives the meetperiode."""
    path = _pdf(tmp_path, [[(70, 120, "KTO 2021"), (70, 200, "Uitstroomperiode: 1 juli 2020 t/m 30 juni 2021"),
                            (70, 220, "Versie 1.0, 9 januari 2022")],
                           BODY + [(70, 700, "© 2022 Meetpunt Noord B.V. Alle rechten voorbehouden.")]])
    values, _, _ = _read(path)
    assert values["bureau"] == "Meetpunt Noord B.V."
    assert values["report_date"] == D(2022, 1, 9)
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2020, 7, 1), D(2021, 6, 30))


@pytest.mark.parametrize("footer", ["© Bureau Hoogland Marktinzicht 2022 | {page}/{pages}",
                                    "© 2022 Bureau Hoogland Marktinzicht – pagina {page} van {pages}",
                                    "© Bureau Hoogland Marktinzicht, 2022 · {page}"])
def test_a_copyright_footer_names_the_bureau_without_its_year_and_page_number(tmp_path, footer):
    """holdout3, scored blind: the bureau was read as 'Bureau Hoogland Marktinzicht 2022 | 1/4'
    from a copyright footer that also holds the year and the page number."""
    path = _pdf(tmp_path, [[(70, 120, "KTO 2021")], BODY, BODY], footer=footer)
    values, _, _ = _read(path)
    assert values["bureau"] == "Bureau Hoogland Marktinzicht"


def test_a_period_label_of_another_kind_is_not_the_meetperiode(tmp_path):
    """'Erkenningsperiode:' is the jobcoach's recognition, not the period measured."""
    path = _pdf(tmp_path, [[(70, 120, "KTO 2021"), (70, 200, "Erkenningsperiode: 1 maart 2020 t/m 28 februari 2021")], BODY])
    values, _, _ = _read(path)
    assert values["meetperiode"] is None


def test_a_label_centred_beside_a_value_of_two_lines(tmp_path):
    """A cover table cell centred vertically: 'Klant:' beside a supplier's name over two lines."""
    path = _pdf(tmp_path, [[(70, 120, "KTO scholingsdiensten 2021"),
                            (200, 193, "Opleidingscentrum Eemland"), (70, 200, "Klant:"), (200, 207, "& Gooi"),
                            (70, 240, "Rapportdatum:"), (200, 240, "24 jan. 2022")], BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == "Opleidingscentrum Eemland & Gooi"
    assert values["report_date"] == D(2022, 1, 24)


def test_last_years_period_is_not_the_meetperiode(tmp_path):
    path = _pdf(tmp_path, [[(70, 120, "KTO 2021"), (70, 200, "Vorige periode: 1-1-2020 t/m 31-12-2020")], BODY])
    values, _, _ = _read(path)
    assert values["meetperiode"] is None


@pytest.mark.parametrize("line,derived", [("Veldwerkperiode: 10 januari 2022 t/m 28 februari 2022", True),
                                          ("Meetperiode: 1 januari 2021 t/m 31 december 2021", False)])
def test_a_fieldwork_period_is_read_as_derived(tmp_path, line, derived):
    """The fieldwork ran when clients were asked, which need not be the period of their ended
    services: read, but marked derived so that no rule fails a report on it alone."""
    path = _pdf(tmp_path, [[(70, 120, "KTO 2021"), (70, 200, line)], BODY])
    with open_document(path) as doc:
        found = ff.meetperiode(ff.TextView(doc), [])
    assert found is not None and found.evidence().derived is derived


def test_a_period_or_status_only_suggested_by_its_label_never_fails_alone():
    """SCH-MEETPERIODE and SCH-DEFINITIEF on a derived value: 'mogelijk voldoet niet' (handmatig)."""
    from kto_ingest.regime import load_regime
    from kto_ingest.rules import RULES, Context
    from kto_ingest.schema import Evidence, Period, ReportEntry

    ctx = Context(load_regime("uwv-scholing-2021"))
    for derived, expected in ((False, "fail"), (True, "manual")):
        e = ReportEntry(file="x.pdf", status="parsed", parser="generiek", meetperiode=Period(start=D(2022, 1, 10), end=D(2022, 2, 28)),
                        final=False, evidence={
                            "meetperiode": Evidence(page=1, raw="Veldwerkperiode: 10-1-2022 t/m 28-2-2022", derived=derived),
                            "final": Evidence(page=1, raw="Versie 0.9", derived=derived)})
        for rid in ("SCH-MEETPERIODE", "SCH-DEFINITIEF"):
            checks = RULES[rid].fn(e, ctx)
            assert [c.status for c in checks] == [expected], (rid, checks)
            if derived:
                assert "Mogelijk voldoet niet" in checks[0].message and "afgeleid" in checks[0].message


@pytest.mark.parametrize("start,end,expected", [
    (D(2020, 7, 1), D(2021, 6, 30), "fail"),      # ended half-way the meetperiode: the second half was never asked
    (D(2020, 1, 1), D(2020, 12, 31), "fail"),     # last year's fieldwork
    (D(2020, 12, 1), D(2022, 2, 28), "manual"),   # began earlier (preparation?) and ran past the end: a person looks
    (D(2021, 3, 1), D(2022, 2, 28), "manual"),    # fieldwork after the services ended, as is usual
])
def test_a_derived_period_that_ends_before_the_meetperiode_cannot_cover_it(start, end, expected):
    """A fieldwork period that stopped before the regime's meetperiode ended cannot have reached the
    clients whose service ended afterwards: that fails on its own. One that runs on past the end may
    well be a survey of the whole year, so it stays 'mogelijk voldoet niet'."""
    from kto_ingest.regime import load_regime
    from kto_ingest.rules import RULES, Context
    from kto_ingest.schema import Evidence, Period, ReportEntry

    ctx = Context(load_regime("uwv-scholing-2021"))
    e = ReportEntry(file="x.pdf", status="parsed", parser="generiek", confidence="high", meetperiode=Period(start=start, end=end),
                    evidence={"meetperiode": Evidence(page=1, raw="Veldwerkperiode: …", derived=True)})
    checks = RULES["SCH-MEETPERIODE"].fn(e, ctx)
    assert [c.status for c in checks] == [expected], checks
    if expected == "fail":
        assert "kunnen niet zijn benaderd" in checks[0].message and checks[0].page == 1



def test_a_chromium_report_with_soft_hyphens_and_a_ligature_reads_as_printed(tmp_path):
    """HTML reports set long Dutch words with optional hyphens ('Meet&shy;periode'); Chromium
    keeps U+00AD in the text layer where the word was not broken, and a ligature typed as one
    character stays one: the labels and the status still read."""
    import subprocess

    from .conftest import chromium_and_playwright

    chromium, _ = chromium_and_playwright()
    html = tmp_path / "r.html"
    html.write_text("<html><body><p>KTO scholing 2021</p><p>Meet&shy;periode: 1 januari 2021 t/m 31 december 2021</p>"
                    "<p>Opdracht&shy;gever: Leerhuis Oost</p><p>Status: de\ufb01nitief</p></body></html>", encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    with open_document(pdf) as doc:
        texts = [w.text for w in doc.pages[0].words]
        view = ff.TextView(doc)
        period, supplier, final = ff.meetperiode(view, []), ff.supplier(view), ff.final(view)
    assert "Meetperiode:" in texts and "definitief" in texts, texts
    assert (period.value.start, period.value.end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert supplier.value == "Leerhuis Oost" and final.value is True


@pytest.mark.parametrize("text,words", [
    ("de\ufb01nitief", ["definitief"]),  # a ligature as one character
    ("a\ufb00\ufb02uent", ["afffluent"]),
    ("8,0\u202f%", ["8,0", "%"]),  # a narrow no-break space separates words
    ("1\u2009januari", ["1", "januari"]),
    ("Lidma\u00adatschap", ["Lidmaatschap"]),
    ("\u200bRespons\ufeff", ["Respons"]),
    ("\u00ad", []),
    ("gewoon", ["gewoon"]),
])
def test_words_of_the_text_layer_read_as_printed(text, words):
    from kto_ingest.document import _printed_words

    got = _printed_words(10.0, 110.0, text)
    assert [t for _, _, t in got] == words
    assert all(10.0 <= a < b <= 110.0 for a, b, _ in got)  # each part keeps a box inside the word's


def test_a_cover_names_its_client_on_whose_behalf_and_the_bureau_that_issued_it(tmp_path):
    """'Onderzoek uitgevoerd namens X' names the client (the supplier), not a signing bureau;
    'Uitgebracht op <date> door Y' names the bureau and the report date; a period label ending in
    'termijn' and a period wrapped over two lines are read."""
    path = _pdf(tmp_path, [[(70, 100, "Resultaten klanttevredenheidsmeting scholing 2021"),
                            (70, 130, "Onderzoek uitgevoerd namens Stichting Leerhuis Oost"),
                            (70, 150, "Onderzoekstermijn: 1 januari 2021 tot en met 31"), (70, 164, "december 2021"),
                            (70, 190, "Uitgebracht op 08-02-2022 door Scherpzicht Enquete & Analyse")], BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == "Stichting Leerhuis Oost"
    assert values["bureau"] == "Scherpzicht Enquete & Analyse"
    assert values["report_date"] == D(2022, 2, 8)
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))


def test_a_cover_with_its_client_after_voor_and_facts_in_the_running_header_and_footer(tmp_path):
    """'voor <organisation>' under the title names the client; the status in a running header
    ('Bureau · KTO 2021 · DEFINITIEF'), the date in the footer ('Versie van 19.01.2022 · 1'), the
    meetperiode in a sentence about whose service ended when, and the bureau's full legal name from
    the text where the header gives it short."""
    path = _pdf(tmp_path, [[(70, 100, "Klanttevredenheid scholing 2021"), (70, 130, "voor Kennispoort Drechtsteden")],
                           [(70, 100, "1 Inleiding"),
                            (70, 120, "Kennispoort Drechtsteden heeft Kiemkracht Onderzoek B.V. gevraagd de tevredenheid te meten."),
                            (70, 135, "Het onderzoek gaat over alle klanten van wie de dienst tussen 1 januari en 31 december 2021"),
                            (70, 150, "is beëindigd.")]],
                header="Kiemkracht Onderzoek · KTO scholing 2021 · DEFINITIEF", footer="Versie van 19.01.2022 · {page}")
    values, _, _ = _read(path)
    assert values["supplier"] == "Kennispoort Drechtsteden"
    assert values["bureau"] == "Kiemkracht Onderzoek B.V."
    assert values["final"] is True
    assert values["report_date"] == D(2022, 1, 19)
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))


def test_facts_told_in_sentences_of_the_introduction(tmp_path):
    """'Dit rapport is op 4 febr. 2022 uitgebracht door Stichting Klantspiegel Nederland' gives the
    report date and the bureau; 'over de scholing bij X (voorheen Y)?' the supplier."""
    path = _pdf(tmp_path, [[(70, 100, "Klantspiegel 2021"),
                            (70, 130, "Hoe tevreden zijn klanten van UWV over de scholing bij Werkschool Dommelstreek"),
                            (70, 145, "(voorheen Vakschool De Wissel)?")],
                           [(70, 100, "Over dit rapport"),
                            (70, 120, "Dit rapport is op 4 febr. 2022 uitgebracht door Stichting Klantspiegel Nederland. Het betreft de"),
                            (70, 135, "definitieve versie.")]])
    values, _, _ = _read(path)
    assert values["supplier"] == "Werkschool Dommelstreek (voorheen Vakschool De Wissel)"
    assert values["bureau"] == "Stichting Klantspiegel Nederland"
    assert values["report_date"] == D(2022, 2, 4)


def test_a_colofon_at_the_end_as_two_columns_without_colons(tmp_path):
    """The facts only in a colofon on the last page, labels left and values right without colons
    ('Opdrachtgever   Werkschool Veluwezoom', 'Status   vastgesteld'): read as on a cover."""
    colofon = [(70, 100, "Colofon")] + [(x, 130 + 20 * i, t) for i, (label, value) in enumerate([
        ("Opdrachtgever", "Werkschool Veluwezoom"), ("Uitvoering", "Ruitenberg Sociaal-Wetenschappelijk Onderzoek"),
        ("Onderzoeksperiode", "1-1-2021 tot en met 31-12-2021"), ("Datum van uitgave", "17 januari 2022"),
        ("Status", "vastgesteld")]) for x, t in ((70, label), (230, value))]
    path = _pdf(tmp_path, [[(70, 100, "RUITENBERG"), (70, 140, "Tevredenheid van klanten over scholingsdiensten")],
                           BODY, BODY, colofon])
    values, _, _ = _read(path)
    assert values["supplier"] == "Werkschool Veluwezoom"
    assert values["bureau"] == "Ruitenberg Sociaal-Wetenschappelijk Onderzoek"
    assert values["report_date"] == D(2022, 1, 17)
    assert values["final"] is True
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))


def test_a_project_line_a_target_group_with_service_end_dates_and_a_creation_date(tmp_path):
    """'Project: KTO UWV-scholing 2021 – <supplier>', 'Doelgroep: klanten met einddatum dienst
    01.01.2021 – 31.12.2021' and 'Rapport aangemaakt op: 10 febr. 2022'."""
    path = _pdf(tmp_path, [[(70, 100, "Onderzoeksbureau Vijfsprong"), (70, 140, "Resultatenrapport klantonderzoek"),
                            (70, 170, "Project: KTO UWV-scholing 2021 - Scholingshuis Drechtsteden"),
                            (70, 190, "Doelgroep: klanten met einddatum dienst 01.01.2021 - 31.12.2021"),
                            (70, 210, "Rapport aangemaakt op: 10 febr. 2022")], BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == "Scholingshuis Drechtsteden"
    assert values["report_date"] == D(2022, 2, 10)
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))


@pytest.mark.parametrize("header,lines,final", [
    ("Kiemkracht Onderzoek · KTO scholing 2021 · CONCEPT - NIET VERSPREIDEN", [], False),  # a long running header
    (None, [(70, 120, "Dit rapport is op 4 febr. 2022 uitgebracht. Het betreft een conceptversie; de cijfers kunnen nog"),
            (70, 135, "wijzigen.")], False),
    (None, [(70, 120, "Het betreft de definitieve versie.")], True),
])
def test_the_status_in_a_long_running_header_or_in_a_sentence(tmp_path, header, lines, final):
    path = _pdf(tmp_path, [[(70, 100, "Klanttevredenheid scholing 2021")] + lines, BODY], header=header)
    values, _, _ = _read(path)
    assert values["final"] is final


def test_a_dash_in_place_of_the_colon(tmp_path):
    """'Aanbieder van de scholing — Leerhuis Kempenland': a dash (here a hyphen: the test font has
    no em dash) stands for the colon."""
    path = _pdf(tmp_path, [[(70, 100, "Klanten over hun scholing"),
                            (70, 130, "Aanbieder van de scholing - Leerhuis Kempenland"),
                            (70, 150, "Periode van beëindiging - 1/1/2021 t/m 31/12/2021"),
                            (70, 170, "Uitgebracht op - zaterdag 22 januari 2022"),
                            (70, 190, "Onderzoek en rapportage - Onderzoeksbureau Zilverberk")], BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == "Leerhuis Kempenland"
    assert values["bureau"] == "Onderzoeksbureau Zilverberk"
    assert values["report_date"] == D(2022, 1, 22)


def test_a_cover_without_labels_for_the_supplier_and_with_month_numbers(tmp_path):
    """'Opleidingscentrum IJsselvallei' alone on the cover (the one organisation line with a
    supplier's word), 'Meetperiode 01-2021 t/m 12-2021' (whole months, no colon before a date),
    'Definitieve versie, Arnhem 7 januari 2022'."""
    path = _pdf(tmp_path, [[(70, 80, "Bureau Dijkgraaf Klantonderzoek"), (70, 140, "Klanttevredenheid scholingsdiensten"),
                            (70, 160, "Opleidingscentrum IJsselvallei"), (70, 180, "Meetperiode 01-2021 t/m 12-2021"),
                            (70, 200, "Definitieve versie, Arnhem 7 januari 2022")], BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == "Opleidingscentrum IJsselvallei"
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert values["final"] is True
    assert values["report_date"] == D(2022, 1, 7)


def test_a_two_column_cover_with_short_labels(tmp_path):
    path = _pdf(tmp_path, [_cover([("Voor", "Kennispoort Veluwezoom"), ("Jaar van meting", "jan 2021 - dec 2021"),
                                   ("Uitgave", "12 feb 2022"), ("Versie", "eindversie")]), BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == "Kennispoort Veluwezoom"
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert values["report_date"] == D(2022, 2, 12)
    assert values["final"] is True


@pytest.mark.parametrize("line,field,want", [
    ("Onderzoek onder de cursisten van Opleidingen Zuid B.V.", "supplier", "Opleidingen Zuid B.V."),
    ("Klanttevredenheid bij Opleidingen Zuid B.V.", "supplier", "Opleidingen Zuid B.V."),
    ("Uitgevoerd in opdracht van Opleidingen Zuid B.V.", "supplier", "Opleidingen Zuid B.V."),
    ("Betreft: Opleidingen Zuid B.V.", "supplier", None),  # an unknown label is not part of a name
    ("Auteur: drs. P. Janssen (Bureau Meetwerk B.V.)", "bureau", "Bureau Meetwerk B.V."),
    ("Auteurs: P. Janssen, Bureau Meetwerk", "bureau", "Bureau Meetwerk"),
    ("Auteur: drs. P. Janssen", "bureau", None),
    ("Datum van uitgifte: 14 februari 2022", "report_date", D(2022, 2, 14)),
])
def test_more_cover_wordings(tmp_path, line, field, want):
    """A supplier after a phrase ('onder de cursisten van', 'Klanttevredenheid bij'), its legal form's
    full stop kept; the organisation beside an author; one more date label; and no name taken with
    a label the lexicon does not know ('Betreft:')."""
    path = _pdf(tmp_path, [[(70, 120, "Klanttevredenheid scholingsdiensten 2021"), (70, 200, line)], BODY])
    values, _, _ = _read(path)
    assert values[field] == want


@pytest.mark.parametrize("sentences,want", [
    (["De netto steekproef bestond uit 90 klanten; allen zijn per e-mail benaderd."], 90),
    (["In totaal ontvingen 90 klanten een uitnodiging per e-mail."], 90),
    (["Er zijn 90 uitnodigingen verstuurd per post."], 90),
    (["Alle 90 cliënten met een beëindigde dienst zijn telefonisch benaderd."], 90),
    (["Het onderzoek is uitgezet onder 90 deelnemers."], 90),
    # one per perceel: no total
    (["Voor Opleidingen ontvingen 40 klanten een uitnodiging.", "Voor Leerbanen ontvingen 50 klanten een uitnodiging."], None),
    (["40 klanten ontvingen een uitnodiging voor de eerste meting.", "50 klanten ontvingen een uitnodiging voor de tweede."], None),
])
def test_how_many_were_approached_in_all(tmp_path, sentences, want):
    """The number approached in all, from the ways bureaus say it; a sentence about one perceel,
    or a wording that gives several numbers, gives no total."""
    lines = [(70, 120, "Klanttevredenheid scholingsdiensten 2021")] + [(70, 200 + 20 * i, s) for i, s in enumerate(sentences)]
    path = _pdf(tmp_path, [lines, BODY])
    with open_document(path) as doc:
        found = ff.approached(ff.TextView(doc))
    assert (found.value if found else None) == want


@pytest.mark.parametrize("sentence,want", [
    ("Doelgroep: alle cursisten die in 2021 hun opleiding hebben afgerond.", (D(2021, 1, 1), D(2021, 12, 31))),
    ("Het onderzoek richt zich op klanten van wie de scholing in 2021 is beëindigd.", (D(2021, 1, 1), D(2021, 12, 31))),
    ("Wij vroegen alle klanten die tussen 1 januari en 31 december 2021 hun dienst afrondden om hun oordeel.",
     (D(2021, 1, 1), D(2021, 12, 31))),
    ("Vorig jaar vroegen wij klanten die in 2020 hun opleiding hebben afgerond.", None),
    ("Klanten die in 2021 de vragenlijst kregen, konden die tot maart invullen.", None),
])
def test_a_meetperiode_told_as_the_clients_who_ended_in_a_year_or_between_two_dates(tmp_path, sentence, want):
    path = _pdf(tmp_path, [[(70, 120, "Klanttevredenheid scholingsdiensten 2021"), (70, 200, sentence)], BODY[:1]])
    values, _, _ = _read(path)
    got = values["meetperiode"]
    assert ((got.start, got.end) if got else None) == want


def test_facts_on_one_line_between_bars_and_a_label_column_set_close(tmp_path):
    """'Opdrachtgever: X | Onderzoeksbureau: Y |' and 'Meetperiode: … | Datum rapport: … | Status:' with
    its value on the next line: each fact without the bar; a label column set a little apart from
    its values ('Onderzoeksbureau  Bureau Meetwerk B.V.', no colon); a date in the sentence that
    names the version."""
    path = _pdf(tmp_path, [[(70, 120, "Klanttevredenheidsonderzoek 2021"),
                            (70, 200, "Opdrachtgever: Opleidingen Zuid B.V. | Onderzoeksbureau: Bureau Meetwerk B.V. |"),
                            (70, 220, "Meetperiode: 1 januari 2021 t/m 31 december 2021 | Datum rapport: 14 februari 2022 | Status:"),
                            (70, 240, "Definitief")], BODY])
    values, _, _ = _read(path)
    assert (values["supplier"], values["bureau"], values["report_date"]) == ("Opleidingen Zuid B.V.", "Bureau Meetwerk B.V.", D(2022, 2, 14))
    path = _pdf(tmp_path, [[(70, 120, "Klanttevredenheidsonderzoek 2021"), (70, 200, "Opdrachtgever"), (172, 200, "Opleidingen Zuid B.V."),
                            (70, 220, "Onderzoeksbureau"), (172, 220, "Bureau Meetwerk B.V."),
                            (70, 260, "Dit is de definitieve versie van het rapport, uitgebracht op 14 februari 2022.")], BODY], name="b.pdf")
    values, _, _ = _read(path)
    assert (values["supplier"], values["bureau"], values["report_date"]) == ("Opleidingen Zuid B.V.", "Bureau Meetwerk B.V.", D(2022, 2, 14))


@pytest.mark.parametrize("lines,field,want", [
    (["Projectnummer TW2166 · Definitief rapport · 13.01.2022"], "report_date", D(2022, 1, 13)),
    (["Eindrapport, 24 febr. 2022"], "report_date", D(2022, 2, 24)),
    (["Gegenereerd op 22.02.2022 09:56"], "report_date", D(2022, 2, 22)),
    (["Erkenning UWV: 07.06.2015 | Rapport opgemaakt: 12.06.2021"], "report_date", D(2021, 6, 12)),
    (["Datum van invullen: 3-11-2021"], "report_date", D(2021, 11, 3)),
    (["Gecontracteerde partij: Scholingshuis Maasoever"], "supplier", "Scholingshuis Maasoever"),
    (["Populatie: diensten beëindigd 01.01.2021 t/m 31.12.2021"], "meetperiode", (D(2021, 1, 1), D(2021, 12, 31))),
    # the fieldwork first, the population after it: the population's period
    (["Veldwerk: 14 dec. 2021 t/m 7 jan. 2022.",
      "Doelgroep: klanten van wie de scholingsdienst is beëindigd tussen 1 januari 2021 en 31 december 2021."],
     "meetperiode", (D(2021, 1, 1), D(2021, 12, 31))),
    (["Veldwerk: 14 dec. 2021 t/m 7 jan. 2022."], "meetperiode", (D(2021, 12, 14), D(2022, 1, 7))),
])
def test_facts_as_other_bureaus_print_them(tmp_path, lines, field, want):
    path = _pdf(tmp_path, [[(70, 120, "Klanttevredenheid scholing 2021")] + [(70, 200 + 20 * i, t) for i, t in enumerate(lines)],
                           BODY[:1]])
    values, _, _ = _read(path)
    got = values[field]
    if field == "meetperiode" and got is not None:
        got = (got.start, got.end)
    assert got == want


def test_labels_side_by_side_over_their_values(tmp_path):
    """A cover of cards: a row of labels without colons ('Opdrachtgever', 'Onderzoeksbureau',
    'Meetperiode') over a row of their values, each value under its label."""
    path = _pdf(tmp_path, [[(70, 120, "Klanttevredenheidsonderzoek 2021"),
                            (70, 200, "Opdrachtgever"), (230, 200, "Onderzoeksbureau"), (390, 200, "Meetperiode"),
                            (70, 216, "Opleidingen Zuid B.V."), (230, 216, "Bureau Meetwerk B.V."), (390, 216, "jan. t/m dec. 2021"),
                            (70, 250, "Datum rapport"), (230, 250, "Status"),
                            (70, 266, "14 februari 2022"), (230, 266, "Definitief")], BODY])
    values, _, _ = _read(path)
    assert (values["supplier"], values["bureau"], values["report_date"], values["final"]) == (
        "Opleidingen Zuid B.V.", "Bureau Meetwerk B.V.", D(2022, 2, 14), True)
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))


@pytest.mark.parametrize("sentence,want", [
    ("In opdracht van de aanbieder heeft Bureau Meetwerk B.V. het onderzoek uitgevoerd.", "Bureau Meetwerk B.V."),
    ("Ook dit jaar heeft Meetwerk Onderzoek de meting onder alle klanten verricht.", "Meetwerk Onderzoek"),
    ("In 2021 heeft Opleidingen Zuid B.V. het onderzoek laten uitvoeren.", None),  # the supplier, not a bureau
])
def test_the_bureau_that_did_the_survey_in_a_sentence(tmp_path, sentence, want):
    path = _pdf(tmp_path, [[(70, 120, "Klanttevredenheidsonderzoek 2021"), (70, 200, "Opdrachtgever: Opleidingen Zuid B.V."),
                            (70, 240, sentence)], BODY])
    values, _, _ = _read(path)
    assert values["bureau"] == want


@pytest.mark.parametrize("sentence,ways", [
    ("Alle klanten ontvingen een uitnodiging voor de online vragenlijst; daarna volgde een reminder.", {"herinnering"}),
    ("De klanten zijn telefonisch ondervraagd (CATI) door ervaren enquêteurs.", {"telefonisch"}),
    ("Mixed mode: eerst een schriftelijke vragenlijst per post, daarna telefonisch.", {"schriftelijk", "telefonisch"}),
])
def test_more_accounts_of_the_approach(tmp_path, registry, sentence, ways):
    """How clients were approached, told with other words ('ondervraagd', 'mixed mode', 'reminder')."""
    from kto_ingest.regime import load_regime

    table = [(x, 300 + 18 * r, t) for r, row in enumerate([["Perceel", "Benaderd", "Ingevuld", "Respons", "Rapportcijfer"],
                                                         ["Opleidingen", "40", "18", "45,0%", "8,2"], ["Totaal", "40", "18", "45,0%", "8,2"]])
             for x, t in zip((70, 300, 370, 440, 510), row)]
    path = _pdf(tmp_path, [[(70, 120, "Klanttevredenheid scholingsdiensten 2021"), (70, 200, "Methode"), (70, 220, sentence), *table]])
    entry = process_file(path, registry, Options(regime=load_regime()))
    a = entry.approach
    assert a is not None
    got = {k for k in ("email", "schriftelijk", "herinnering") if getattr(a, k)} | ({"telefonisch"} if a.telefonisch == "ja" else set())
    assert got == ways


def test_two_periods_side_by_side_after_a_label_give_way_to_the_sentence_that_names_the_meetjaar(tmp_path):
    """'Meetperiode  8 okt. 2019 - 8 okt. 2020  8 okt. 2020 - 8 okt. 2021' under 'Vorig meetjaar' and
    'Dit meetjaar': the label does not say which is the report's; the sentence 'gaat over het
    meetjaar ...' does. Without such a sentence: none (a person looks)."""
    lines = [(70, 120, "Jaarverslag klanttevredenheid jobcoaching"), (70, 150, "Verslagdatum: 15 okt. 2021"),
             (70, 170, "Dit verslag gaat over het meetjaar 8 okt. 2020 - 8 okt. 2021."),
             (250, 210, "Vorig meetjaar"), (420, 210, "Dit meetjaar"),
             (70, 230, "Meetperiode"), (250, 230, "8 okt. 2019 - 8 okt. 2020"), (420, 230, "8 okt. 2020 - 8 okt. 2021")]
    values, _, warnings = _read(_pdf(tmp_path, [lines, BODY]))
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2020, 10, 8), D(2021, 10, 8))
    assert values["report_date"] == D(2021, 10, 15)
    values, _, warnings = _read(_pdf(tmp_path, [lines[:2] + lines[3:], BODY], name="zonder-zin.pdf"))
    assert values["meetperiode"] is None and any("twee perioden naast elkaar" in w for w in warnings)


def test_facts_in_the_sentence_a_script_writes(tmp_path):
    """'Dit rapport is op 2022-02-10 samengesteld door Cijferwerk Beleidsonderzoek in opdracht van
    Competentiehuis Drechtsteden.' and a title line '... - versie 1.0, vastgesteld'."""
    path = _pdf(tmp_path, [[(70, 100, "Rapportage klanttevredenheid"), (70, 120, "Competentiehuis Drechtsteden - versie 1.0, vastgesteld"),
                            (70, 160, "Dit rapport is op 2022-02-10 samengesteld door Cijferwerk Beleidsonderzoek"),
                            (70, 174, "in opdracht van Competentiehuis Drechtsteden.")], BODY])
    values, _, _ = _read(path)
    assert (values["bureau"], values["report_date"], values["final"]) == ("Cijferwerk Beleidsonderzoek", D(2022, 2, 10), True)


def test_the_bureau_that_signed_and_a_date_after_a_bar(tmp_path):
    """'Dit verslag is elektronisch ondertekend door Onderzoekspraktijk Hoflaan.' names the bureau; a
    wrapped header line '... | Versie:' / 'definitief | Publicatiedatum 12 februari 2022' the date."""
    path = _pdf(tmp_path, [[(70, 60, "KTO scholing | Opdrachtgever: Scholingshuis Drechtsteden | Versie:"),
                            (70, 74, "definitief | Publicatiedatum 12 februari 2022"), (70, 120, "Tevredenheid van cursisten")],
                           BODY + [(70, 300, "Dit verslag is elektronisch ondertekend door Onderzoekspraktijk Hoflaan.")]])
    values, _, _ = _read(path)
    assert (values["bureau"], values["report_date"], values["supplier"]) == (
        "Onderzoekspraktijk Hoflaan", D(2022, 2, 12), "Scholingshuis Drechtsteden")


@pytest.mark.parametrize("lines,want", [
    (["Tot de onderzoekspopulatie behoren alle klanten van wie de dienst is beëindigd in de",
      "meetperiode die begon op 1 januari 2021 en eindigde op 31 december 2021."], (D(2021, 1, 1), D(2021, 12, 31))),
    (["Project  KTO scholing UWV", "Einddatum dienst: >= 01-01-2021 en <= 31-12-2021"], (D(2021, 1, 1), D(2021, 12, 31))),
])
def test_more_period_forms(tmp_path, lines, want):
    path = _pdf(tmp_path, [[(70, 100, "Klanttevredenheid scholing 2021")] + [(70, 160 + 14 * i, t) for i, t in enumerate(lines)], BODY[:1]])
    values, _, _ = _read(path)
    assert (values["meetperiode"].start, values["meetperiode"].end) == want


def test_the_supplier_after_a_dash_at_the_end_of_the_title(tmp_path):
    path = _pdf(tmp_path, [[(70, 100, "Enquetehuis Kwadrant B.V. - klantportaal"),
                            (70, 130, "Klanttevredenheid scholing - Trainingsinstituut"), (70, 143, "Veluwezoom")], BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == "Trainingsinstituut Veluwezoom"


def test_a_signing_bureaus_name_wrapped_onto_the_next_line(tmp_path):
    path = _pdf(tmp_path, [[(70, 120, "Klanttevredenheid scholingsdiensten 2021")],
                           BODY + [(70, 300, "Dit rapport is digitaal ondertekend door Ruisdael &"), (70, 314, "Visser Onderzoek B.V.")]])
    values, _, _ = _read(path)
    assert values["bureau"] == "Ruisdael & Visser Onderzoek B.V."


@pytest.mark.parametrize("lines,field,want", [
    (["Klanttevredenheidsonderzoek scholing voor Kennispoort Maasoever"], "supplier", "Kennispoort Maasoever"),
    (["Contractpartij van UWV: Leerwerkplaats Hoeksche Waard"], "supplier", "Leerwerkplaats Hoeksche Waard"),
    (["Onderzochte periode: diensten beëindigd van 1 januari 2021 tot en met", "31 december 2021"], "meetperiode",
     (D(2021, 1, 1), D(2021, 12, 31))),
])
def test_facts_on_a_slide_or_a_report_cover(tmp_path, lines, field, want):
    path = _pdf(tmp_path, [[(70, 100, "Hoe tevreden zijn uw klanten?")] + [(70, 140 + 14 * i, t) for i, t in enumerate(lines)], BODY[:1]])
    values, _, _ = _read(path)
    got = values[field]
    if field == "meetperiode" and got is not None:
        got = (got.start, got.end)
    assert got == want


def test_an_arrow_between_two_dates_a_colofons_referentieperiode_and_gepresenteerd_op(tmp_path):
    path = _pdf(tmp_path, [[(70, 100, "Klanttevredenheid jobcoaching"), (70, 140, "Meetperiode: 12 april 2020 -> 12 april 2021"),
                            (70, 160, "Gepresenteerd op 2 mei 2021")], BODY[:1]])
    values, found, _ = _read(path)
    assert (values["meetperiode"].start, values["meetperiode"].end, values["report_date"]) == (D(2020, 4, 12), D(2021, 4, 12), D(2021, 5, 2))
    path = _pdf(tmp_path, [[(70, 100, "Klanttevredenheid scholing")],
                           BODY[:1] + [(70, 400, "Colofon"), (70, 420, "Referentieperiode"), (220, 420, "01-01-2021 - 31-12-2021")]],
                name="colofon.pdf")
    values, found, _ = _read(path)
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))
    assert found["meetperiode"].derived  # a period the figures refer to: the rules ask a person rather than fail on it


@pytest.mark.parametrize("first,second,want", [
    ("Meetperiode (einddatum dienst): 2021-01-01 t/m 2021-12-31 · Aanbieder:", "Opleidingscentrum Drechtsteden · Perceel: alle",
     "Opleidingscentrum Drechtsteden"),
    ("Meetperiode (einddatum dienst): 2021-01-01 t/m 2021-12-31 · Aanbieder: Bijscholing", "Eemland & Gooi · Perceel: alle",
     "Bijscholing Eemland & Gooi"),
])
def test_the_supplier_in_a_filter_summary_wrapped_beside_its_caption(tmp_path, first, second, want):
    """A dashboard's filter box: 'Filters' left, set between the two lines of a summary whose parts
    are apart by ' · '; the supplier's label is its last part, the name on (or going on to) the next
    line. The title above ('KTO Scholing 2021 — Opleidingscentrum' / 'Drechtsteden') is no name."""
    path = _pdf(tmp_path, [[(63, 100, "KTO Scholing 2021 - Opleidingscentrum"), (63, 118, "Drechtsteden"),
                            (147, 146, first), (67, 152, "Filters"), (147, 158, second)], BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == want
    assert values["meetperiode"] is not None


def test_the_supplier_after_scholing_bij_in_a_title_of_two_lines(tmp_path):
    path = _pdf(tmp_path, [[(70, 100, "Hazelhof Instituut voor Arbeidsonderzoek"), (70, 160, "Tevredenheid van klanten over door UWV"),
                            (70, 175, "gefinancierde scholing bij Bijscholing Zaanstreek"), (70, 220, "Leiden, 8 februari 2022")], BODY])
    values, _, _ = _read(path)
    assert values["supplier"] == "Bijscholing Zaanstreek"


def test_a_meetperiode_phrase_cut_across_two_blocks(tmp_path):
    """WeasyPrint's holdout5 tweespan: '... klanten van wie de dienst in' / 'de periode van 1 januari
    tot en met 31 december 2021 is beëindigd.' in two text blocks (WeasyPrint split them at a footnote mark)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((70, 100), "Klanttevredenheidsonderzoek 2021", fontsize=14)
    page.insert_text((70, 150), "Het onderzoek betreft klanten van wie de dienst in", fontsize=10)
    page.insert_text((70, 172), "de periode van 1 januari tot en met 31 december 2021 is beëindigd.", fontsize=10)
    path = tmp_path / "rapport.pdf"
    doc.save(path)
    with open_document(path) as d:
        assert [b.text[:6] for b in d.page(1).body_blocks][-2:] == ["Het on", "de per"]  # (two blocks, as meant)
    values, _, _ = _read(path)
    assert (values["meetperiode"].start, values["meetperiode"].end) == (D(2021, 1, 1), D(2021, 12, 31))
