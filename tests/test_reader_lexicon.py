"""The reader's lexicon and date-range parser: pure functions, one table per function."""

from __future__ import annotations

import datetime as dt

import pytest

from kto_ingest import dutch
from kto_ingest.reader import lexicon as lx
from kto_ingest.reader.confidence import respons_matches

D = dt.date

PERIODS = [
    ("1 september 2018 tot en met 31 augustus 2019", D(2018, 9, 1), D(2019, 8, 31), "dag maand jaar"),
    ("Meetperiode: 1 januari t/m 31 december 2021", D(2021, 1, 1), D(2021, 12, 31), "dag maand jaar"),
    ("van 1 september t/m 31 augustus 2019", D(2018, 9, 1), D(2019, 8, 31), "dag maand jaar"),
    ("01-01-2021 – 31-12-2021", D(2021, 1, 1), D(2021, 12, 31), "dd-mm-jjjj"),
    ("12-05-2016 tot en met 12-05-2017", D(2016, 5, 12), D(2017, 5, 12), "dd-mm-jjjj"),
    ("01.03.2021 t/m 28.02.2022", D(2021, 3, 1), D(2022, 2, 28), "dd-mm-jjjj"),
    ("januari tot en met december 2021", D(2021, 1, 1), D(2021, 12, 31), "maanden"),
    ("september 2022 - augustus 2023", D(2022, 9, 1), D(2023, 8, 31), "maanden"),
    ("over het kalenderjaar 2021", D(2021, 1, 1), D(2021, 12, 31), "kalenderjaar"),
    ("Meetperiode: kalenderjaar 2020", D(2020, 1, 1), D(2020, 12, 31), "kalenderjaar"),
    ("het meetjaar 2021", D(2021, 1, 1), D(2021, 12, 31), "kalenderjaar"),
    ("1 jan. 2021 – 31 dec. 2021", D(2021, 1, 1), D(2021, 12, 31), "dag maand jaar"),
    ("tussen 1 februari 2021 en 31 januari 2022", D(2021, 2, 1), D(2022, 1, 31), "dag maand jaar"),
    ("vrijdag 1 januari 2021 tot en met vrijdag 31 december 2021", D(2021, 1, 1), D(2021, 12, 31), "dag maand jaar"),
    # forms of other bureaus (issue 13): ISO and slashed dates, quarters, a year after its label
    ("2021-01-01 t/m 2021-12-31", D(2021, 1, 1), D(2021, 12, 31), "dd-mm-jjjj"),
    ("01/07/2020 – 30/06/2021", D(2020, 7, 1), D(2021, 6, 30), "dd-mm-jjjj"),
    ("1 jul 2020 t/m 30 jun 2021", D(2020, 7, 1), D(2021, 6, 30), "dag maand jaar"),
    ("1 sept. 2020 – 31 aug. 2021", D(2020, 9, 1), D(2021, 8, 31), "dag maand jaar"),
    ("januari–december 2021", D(2021, 1, 1), D(2021, 12, 31), "maanden"),
    ("jan. 2021 t/m dec. 2021", D(2021, 1, 1), D(2021, 12, 31), "maanden"),
    ("Q1 t/m Q4 2021", D(2021, 1, 1), D(2021, 12, 31), "kwartalen"),
    ("Q3 2020 t/m Q2 2021", D(2020, 7, 1), D(2021, 6, 30), "kwartalen"),
    ("Q1-Q4 2021", D(2021, 1, 1), D(2021, 12, 31), "kwartalen"),
    ("1e t/m 4e kwartaal 2021", D(2021, 1, 1), D(2021, 12, 31), "kwartalen"),
    ("Meetjaar: 2021", D(2021, 1, 1), D(2021, 12, 31), "kalenderjaar"),
    ("Gegevens verzameld tussen 1 januari 2021 en 31 december 2021.", D(2021, 1, 1), D(2021, 12, 31), "dag maand jaar"),
]


@pytest.mark.parametrize(("text", "start", "end", "form"), PERIODS)
def test_parse_period_reads_the_forms_dutch_reports_use(text, start, end, form):
    found = lx.parse_period(text)
    assert (found.start, found.end, found.form) == (start, end, form)


@pytest.mark.parametrize("text", ["", "in 2021 hebben 80 klanten", "31 december 2021", "rapport 12-2021", "Q3 2021",
                                  "het jaar 2020-2021 in cijfers", "versie 2021-01"])
def test_no_period_is_none(text):
    assert lx.parse_period(text) is None


def test_an_end_before_the_start_is_refused():
    with pytest.raises(dutch.DutchParseError):
        lx.parse_period("31-12-2021 t/m 01-01-2021")


MEASURES = [
    ("Netto steekpr.", "netto_steekproef"),
    ("Netto steekproef", "netto_steekproef"),
    ("Uitgenodigd", "netto_steekproef"),
    ("Aantal benaderde klanten", "netto_steekproef"),
    ("Resp.", "ingevuld"),
    ("Respondenten", "ingevuld"),
    ("Deelgeno men", "ingevuld"),  # a header word broken at the cell edge
    ("Respons (n)", "ingevuld"),
    ("Respons", "respons_pct"),
    ("Respons (%)", "respons_pct"),
    ("Responspercen tage", "respons_pct"),
    ("%", "respons_pct"),
    ("Gemiddeld rapport- cijfer", "rapportcijfer"),
    ("Gem. cijfer", "rapportcijfer"),
    ("Rapportcijfer", "rapportcijfer"),
    ("Beëindigd", "beeindigd"),
    ("Aantal beëindigd", "beeindigd"),
    ("Aantal afgerond", "beeindigd"),
    ("Perceel", None),
    ("", None),
    ("Publicatie", None),
    # not the netto steekproef: a table with both keeps the netto column; in a survey of everyone the
    # gross sample is every client with an ended service
    ("Bruto steekproef", "beeindigd"),
    # a spreadsheet's pivot table names what it did with the field
    ("Som van netto steekproef", "netto_steekproef"),
    ("Som van ingevuld", "ingevuld"),
    ("Gemiddelde van rapportcijfer", "rapportcijfer"),
    ("Tevredenheid (gem.)", "rapportcijfer"),
]


@pytest.mark.parametrize(("header", "measure"), MEASURES)
def test_header_cells_name_measures(header, measure):
    found = lx.measure_of(header)
    assert (found[0] if found else None) == measure


NAMES = [
    ("Leerhuis Oost B.V.", "Leerhuis Oost B.V."),
    ("Coöperatie Scholing & Coaching IJsselstreek (Zuidoost) – Hoogeveen", "Coöperatie Scholing & Coaching IJsselstreek (Zuidoost) – Hoogeveen"),
    ("WorkAut (voorheen KompAss)", "WorkAut (voorheen KompAss)"),
    ("Vakopleidingen Zuid.", "Vakopleidingen Zuid"),
    ("Werkstap Opleidingen uitgevoerd door Meetwaarde", "Werkstap Opleidingen"),
    ("de klanten die een opleiding volgden", None),  # a sentence fragment is never a supplier
    ("UWV", None),
    ("alle deelnemers", None),
    ("Vakschool Rijnmond is tevreden over", "Vakschool Rijnmond"),
    ("15 februari 2022", None),
    # the place of business after a comma, with a remark, is not part of the name
    ("Onderzoekscoöperatie De Brug, Nijmegen (fictief).", "Onderzoekscoöperatie De Brug"),
    ("Panteia B.V., Zoetermeer", "Panteia B.V."),
    ("Coöperatie Scholing & Coaching IJsselstreek (Zuidoost)", "Coöperatie Scholing & Coaching IJsselstreek (Zuidoost)"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_as_name_accepts_organisation_names_only(text, name):
    assert lx.as_name(text) == name


LABELS = [
    ("supplier", "Opdrachtgever: Leerhuis Oost", ("opdrachtgever", "Leerhuis Oost")),
    ("supplier", "Uitgevoerd voor: Leerhuis Oost", ("uitgevoerd voor", "Leerhuis Oost")),
    ("supplier", "In opdracht van Leerhuis Oost", ("in opdracht van", "Leerhuis Oost")),
    ("supplier", "Leverancier:", ("leverancier", "")),
    ("bureau", "Bureau Inzicht B.V.", None),  # one word needs its colon: this is a name
    ("bureau", "Bureau: Inzicht B.V.", ("bureau", "Inzicht B.V.")),
    ("report_date", "Datum rapportage:", ("datum rapportage", "")),
    ("report_date", "Datum van rapportage:", ("datum van rapportage", "")),
    ("report_date", "Rapportagedatum: 9-1-2022", ("rapportagedatum", "9-1-2022")),
    ("report_date", "Datum erkenning: 1 maart 2016", None),
    ("meetperiode", "Periode van meting: 01-03-2021 t/m 28-02-2022", ("periode van meting", "01-03-2021 t/m 28-02-2022")),
    ("meetperiode", "Onderzoeksperiode: januari t/m december 2021", ("onderzoeksperiode", "januari t/m december 2021")),
    ("meetperiode", "Looptijd van het onderzoek: 1-1-2021 - 31-12-2021", ("looptijd van het onderzoek", "1-1-2021 - 31-12-2021")),
    # wordings of other bureaus (issue 13)
    ("supplier", "Klant: Opleidingscentrum Eemland & Gooi", ("klant", "Opleidingscentrum Eemland & Gooi")),
    ("supplier", "Klanten: 120", None),
    ("supplier", "Opdrachtgevende organisatie: Trainingsinstituut De Linge", ("opdrachtgevende organisatie", "Trainingsinstituut De Linge")),
    ("supplier", "Uitgevoerd in opdracht van Leerhuis Oost", ("uitgevoerd in opdracht van", "Leerhuis Oost")),
    ("bureau", "Rapport opgesteld door Stichting Peiling & Praktijk", ("rapport opgesteld door", "Stichting Peiling & Praktijk")),
    ("report_date", "Opgesteld op: 18 mrt. 2021", ("opgesteld op", "18 mrt. 2021")),
    ("report_date", "Datum uitgifte: 07/02/2022", ("datum uitgifte", "07/02/2022")),
    ("report_date", "Datum uitgifte 07/02/2022", ("datum uitgifte", "07/02/2022")),
    ("meetperiode", "Veldwerkperiode: 1 jan. 2021 – 31 dec. 2021", ("veldwerkperiode", "1 jan. 2021 – 31 dec. 2021")),
    ("meetperiode", "Meetjaar: 2021", ("meetjaar", "2021")),
    ("meetperiode", "Periode van dataverzameling: Q1 t/m Q4 2021", ("periode van dataverzameling", "Q1 t/m Q4 2021")),
    ("supplier", "Aangeboden aan: Vakopleidingen Achterhoek", ("aangeboden aan", "Vakopleidingen Achterhoek")),
    ("supplier", "Scholingsinstituut: Leerhuis Dommelstreek", ("scholingsinstituut", "Leerhuis Dommelstreek")),
    ("report_date", "Rapportage d.d. 06-02-2022", ("rapportage d.d.", "06-02-2022")),
    ("recognition_date", "Erkenning sinds 23 juni 2013", ("erkenning sinds", "23 juni 2013")),
    ("supplier", "Opdrachtgever (leverancier): Competentiehuis Peelrand", ("opdrachtgever", "Competentiehuis Peelrand")),
    ("supplier", "Onderzoek uitgevoerd namens Stichting Leerhuis Oost", ("onderzoek uitgevoerd namens", "Stichting Leerhuis Oost")),
    ("bureau", "Opdrachtnemer: Onderzoeksgroep Heidezicht", ("opdrachtnemer", "Onderzoeksgroep Heidezicht")),
    ("report_date", "Rapportdatum d.d. 14-02-2022", ("rapportdatum", "d.d. 14-02-2022")),  # one word, but 'd.d.' tells
    ("report_date", "Plaats en datum: Arnhem, 21 januari 2022", ("plaats en datum", "Arnhem, 21 januari 2022")),
]


@pytest.mark.parametrize(("fact", "text", "expected"), LABELS)
def test_labels_from_the_lexicon(fact, text, expected):
    m = lx.label_at_start(fact, text)
    assert ((m.label, m.value) if m else None) == expected


STATUS = [
    ("Definitief rapport", True),
    ("Versie: definitief", True),
    ("Status: Concept", False),
    ("Conceptversie", False),
    ("Eindrapport", True),
    ("Versie 1.0 (definitief)", True),
    ("Status rapport: concept", False),
    ("Versie: concept (niet verspreiden)", False),
    ("Conceptversie ter bespreking", False),
    ("Definitief (vervangt de versie van 3 maart)", True),
    ("Concept (ter bespreking) en definitief na akkoord", None),
    ("Het rapport is definitief vastgesteld door de directie", None),
    # wordings of other bureaus (issue 13)
    ("Status: eindversie", True),
    ("Eindversie", True),
    ("Versie: definitief 1.0", True),
    ("Versie: concept 0.9", False),
    ("Versie 0.9", False),
    ("Versie 0.3 (concept)", False),
    ("Versie 1.0", None),  # a version number alone does not say final
    ("Status: vastgesteld", True),
    ("Vastgesteld", None),  # a heading of the signature, not a status
    ("CONCEPT – niet verspreiden", False),
    ("Draft", False),
    ("Status: ter review", False),
    ("Klanttevredenheid scholing 2021 (concept)", False),
    ("Rapportage KTO 2021 (definitief)", True),
    ("Concept (ter bespreking) en definitief na akkoord (concept)", None),
    ("Documentstatus: vastgesteld", True),
    ("Documentstatus: concept", False),
    ("Documentstatus: onbekend", None),
    ("Documentversie: 1.0 – definitief", True),
    ("Definitieve uitgave", True),
    ("Conceptuitgave, niet voor verspreiding", False),
    ("Concept eindrapport", False),
    ("Conceptrapport – ter bespreking met de opdrachtgever", False),  # holdout10, scored blind
    ("Definitief – voor de opdrachtgever", True),
]


@pytest.mark.parametrize(("text", "final"), STATUS)
def test_status(text, final):
    found = lx.status_of(text)
    assert (found[0] if found else None) == final


KINDS = [
    ("Opleidingen", "perceel"),
    ("Functiegerichte vaardigheidstrainingen – cluster Zorg en welzijn", "perceel"),
    ("FVT cluster Zorg", "perceel"),
    ("Cluster Techniek", "cluster"),
    ("Totaal", "total"),
    ("Totaal opdrachtgevers", "total"),
    ("Cliënten", "group_clients"),
    ("Opdrachtgevers", "group_employers"),
    ("18-25 jaar", None),
]


@pytest.mark.parametrize(("label", "kind"), KINDS)
def test_label_kinds(label, kind):
    assert lx.label_kind(label) == kind


RESPONS = [
    (52, 23, 44.2, 1, True),
    (22, 9, 40.9, 1, True),
    (171, 57, 33.3, 1, True),
    (120, 48, 40.0, 1, True),
    (120, 48, 40.0, 0, True),
    (3, 1, 33.3, 1, True),
    (8, 1, 12.5, 1, True),  # 12.5 exactly
    (80, 36, 45.0, 1, True),
    (80, 36, 46.0, 1, False),
    (0, 0, 0.0, 1, False),
]


@pytest.mark.parametrize(("netto", "ingevuld", "printed", "decimals", "ok"), RESPONS)
def test_respons_must_equal_ingevuld_over_netto_to_the_printed_decimal(netto, ingevuld, printed, decimals, ok):
    assert respons_matches(netto, ingevuld, printed, decimals) is ok


APPROACHED = [
    ("In totaal 74 deelnemers uitgenodigd.", 74),
    ("In totaal zijn 352 klanten benaderd, van wie 186 de vragenlijst invulden.", 352),
    ("Aantal benaderde klanten: 128", 128),
    ("Er zijn 95 cliënten schriftelijk benaderd.", 95),
    ("Van de klanten heeft 40% gereageerd.", None),
]


@pytest.mark.parametrize(("text", "n"), APPROACHED)
def test_approached_sentences(text, n):
    found = next((int(m["n"]) for rx in lx.approached_patterns() if (m := rx.search(text))), None)
    assert found == n


from kto_ingest.reader import values as cell  # noqa: E402

COUNTS = [("128", 128), ("1.234", 1234), ("2.136", 2136), ("-", None), ("n.v.t.", None), ("12*", 12)]
FRACTIONS = [("40,0%", 40.0), ("40.0%", 40.0), ("8,1", 8.1), ("8.1*", 8.1), ("8,1¹", 8.1), ("n.v.t.", None), ("-", None),
             ("100%", 100.0)]


@pytest.mark.parametrize(("text", "value"), COUNTS)
def test_counts(text, value):
    assert cell.count(text) == value


@pytest.mark.parametrize(("text", "value"), FRACTIONS)
def test_percentages_and_marks(text, value):
    assert cell.fraction(text) == value


@pytest.mark.parametrize("text", ["8,5,1", "1.2345", "12.5 cijfer", "8,5 ja"])
def test_values_that_are_not_numbers_are_refused(text):
    with pytest.raises(dutch.DutchParseError):
        cell.fraction(text)
    with pytest.raises(dutch.DutchParseError):
        cell.count(text)


@pytest.mark.parametrize(("text", "phrase"), [
    ("De meting betreft de periode van 1 januari 2021 tot en met 31 december 2021.", "betreft de periode van"),
    ("Dit onderzoek heeft betrekking op de periode van 1-1-2021 t/m 31-12-2021.", "heeft betrekking op de periode van"),
    ("Gemeten is over het 1 januari 2021 t/m 31 december 2021, voor alle klanten.", "gemeten is over"),
])
def test_sentences_that_name_the_period_of_measurement(text, phrase):
    """'betreft de periode van ...': a sentence, not a label, names the meetperiode."""
    found = [(entry, end) for entry, end in lx.labels_in("meetperiode", text, "phrases")]
    assert found and found[0][0] == phrase
    p = lx.parse_period(text[found[0][1]:])
    assert (p.start.year, p.start.month, p.start.day, p.end.month, p.end.day) == (2021, 1, 1, 12, 31)


DATES = [
    ("2022-01-09", D(2022, 1, 9)),
    ("Datum: 01/02/2022", D(2022, 2, 1)),  # day first, as Dutch reports print it
    ("18 mrt. 2021", D(2021, 3, 18)),
    ("18 mrt 2021", D(2021, 3, 18)),
    ("3 sept. 2021", D(2021, 9, 3)),
    ("Utrecht, 9 januari 2022", D(2022, 1, 9)),
    ("2022-13-01", None),  # no month 13: no date, never a guess
    ("31/02/2022", None),
    ("2022-1-9", None),
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_single_dates_in_the_forms_reports_use(text, date):
    found = lx.find_date(text)
    assert (found[0] if found else None) == date


def test_iso_dates_parse_strictly():
    assert dutch.parse_date("2022-01-09") == D(2022, 1, 9)
    with pytest.raises(dutch.DutchParseError):
        dutch.parse_date("2022-02-30")


PEOPLE = [
    ("M. Yilmaz MSc en J. Brouwer", True),
    ("drs. E. Hoekstra, directeur", True),
    ("prof. dr. C. Laan", True),
    ("J.P. van der Berg", True),
    ("Th. de Vries MA", True),
    ("A. Jansen & B. Pietersen", True),
    ("Klaverveld Onderzoek & Advies B.V.", False),
    ("Onderzoeksbureau Dwarsdoorsnede", False),
    ("Drs Onderzoek", False),  # a bureau's name with a word of a title is still a bureau
    ("I&O Research", False),
]


@pytest.mark.parametrize(("text", "person"), PEOPLE)
def test_people_are_told_from_organisations(text, person):
    assert lx.looks_like_person(text) is person
    if person:
        assert not lx.looks_like_organisation(text)


@pytest.mark.parametrize(("text", "org"), [
    ("Klaverveld Onderzoek & Advies B.V.", True), ("Panorama Beleidsonderzoek", True), ("Stichting Peiling & Praktijk", True),
    ("I&O Research", True), ("Leerhuis Peelrand", False), ("KTO scholingsdiensten 2021", False), ("Jobcoaching De Vaart", False),
])
def test_organisation_words(text, org):
    assert lx.looks_like_organisation(text) is org


@pytest.mark.parametrize(("text", "phrase"), [
    ("Gegevens verzameld tussen 1 januari 2021 en 31 december 2021. Elke maand leverde de aanbieder", "gegevens verzameld tussen"),
    ("Het veldwerk vond plaats van 1 januari 2021 tot en met 31 december 2021.", "het veldwerk vond plaats van"),
])
def test_sentences_about_data_collection_name_the_period(text, phrase):
    found = [(entry, end) for entry, end in lx.labels_in("meetperiode", text, "phrases")]
    assert found and found[0][0] == phrase
    p = lx.parse_period(text[found[0][1]:])
    assert (p.start, p.end) == (D(2021, 1, 1), D(2021, 12, 31))


@pytest.mark.parametrize("label,kind", [("Alle klanten", "total"), ("Alle percelen samen", "total"), ("Alle klanten samen", "total")])
def test_more_total_labels(label, kind):
    assert lx.label_kind(label) == kind


@pytest.mark.parametrize("where,text,found", [
    ("sentence", "Ter vergelijking: vorig jaar waren het 80 klanten.", True),
    ("sentence", "Alle klanten met een einddatum in 2021.", False),
    ("caption", "Tabel 3 Resultaten van de eerdere metingen", True),
    ("caption", "Tabel 3 Resultaten, zoals eerder beschreven", False),
    ("prose", "Landelijk", True),
    ("prose", "gemiddeld", False),
])
def test_words_of_another_measurement_come_from_the_lexicon(where, text, found):
    pattern = lx.comparison_re(where)
    hit = pattern.fullmatch(text) if where == "prose" else pattern.search(text)
    assert bool(hit) is found


@pytest.mark.parametrize("header,measure", [("Beëindigd1", "beeindigd"), ("Respons2", "respons_pct"), ("Gem. cijfer3", "rapportcijfer"),
                                            ("Respons 2021", "respons_pct")])
def test_a_footnote_digit_set_right_after_a_header_word(header, measure):
    """LaTeX reprint probe (holdout6 dijkgraaf): TeX sets a footnote mark as a small digit right
    after the word ('Beëindigd1'); the header still names its measure (a year after a space stays)."""
    assert lx.measure_of(header)[0] == measure


def test_warming_compiles_every_lexicon_pattern_a_report_then_uses(registry):
    """The fork server compiles the lexicon's patterns once (``lexicon.warm``), so that its workers
    do not each compile them again: reading reports of both kinds after it compiles no new one."""
    from kto_ingest.pipeline import Options, process_file
    from kto_ingest.reader import lexicon as lx
    from kto_ingest.regime import load_regime

    from .conftest import FIXTURES

    lx.warm()
    cached = (lx._label_re, lx._label_anywhere_re, lx.word_groups, lx.comparison_re, lx.approach_patterns)
    before = [f.cache_info().misses for f in cached]
    for name in ("generiek-ander-bureau-2021.pdf", "jobcoaching-rapportage-2021.pdf", "klantstem-per-perceel-2021.pdf"):
        process_file(FIXTURES / name, registry, Options(regime=load_regime()))
    assert [f.cache_info().misses for f in cached] == before
