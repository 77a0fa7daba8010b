"""A vouched absence (reader/absence.py): a parser says a fact is not in a report only when every
page has a usable text layer, it read the results, and no word of the lexicon for the fact occurs
anywhere in the text. Otherwise a person looks (manual), told what was searched and why
kto-ingest cannot be sure.

The reports are the variety corpus's committed sample (Chromium and LibreOffice), with the
paragraph that holds the fact redacted (its text removed from the PDF) and then changed one way
at a time. (Changing a signed PDF breaks its signature, so the verdicts are not asserted here, only
the finding of the rule concerned.)
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kto_ingest._pymupdf import pymupdf
from kto_ingest.document import open_document
from kto_ingest.pipeline import Options, process_file
from kto_ingest.reader import absence
from kto_ingest.regime import load_regime
from kto_ingest.schema import Facts

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "sample"
SCHOLING = SAMPLE / "dev-meridiaan-01-compliant.pdf"  # Chromium; the approach in one paragraph on p. 2
NO_ANALYSIS = SAMPLE / "dev-werkmaatje-03-no-analysis.pdf"  # LibreOffice .fodt; no analysis section


@pytest.fixture(autouse=True)
def _quiet_pyhanko():
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)  # the sample's CA is not given here


# ---- the words (pure) ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, way", [
    ("De uitnodiging is per e-mail verstuurd met een persoonlijke link naar de vragenlijst.", "e-mail"),
    ("Klanten zonder e-mailadres ontvingen een brief met een inlogcode.", "brief of per post"),
    ("De vragenlijst is schriftelijk afgenomen, met een antwoordenvelop.", "brief of per post"),
    ("Non-respondenten zijn na twee weken nagebeld (CATI).", "telefonisch"),
    ("Deelnemers kregen een sms met de link.", "sms of app"),
    ("De vragenlijst stond online; deelnemers scanden een QR-code op de presentielijst.", "online, link, QR-code of website"),
    ("Tijdens de laatste bijeenkomst is de vragenlijst uitgereikt.", "persoonlijk of mondeling"),
    ("Klanten zijn face-to-face geïnterviewd.", "persoonlijk of mondeling"),
    ("De uitnodigingen zijn op 4 januari verstuurd.", absence.SENT),
    ("Wie niet reageerde, ontving een herinnering; die is twee keer toegestuurd.", absence.SENT),
    ("Klanten zijn tele- fonisch benaderd.", "telefonisch"),  # hyphenated at a line end
])
def test_each_way_of_approaching_is_a_word_of_the_lexicon(text, way):
    assert way in {h.name for h in absence.hits_in(text, "approach")}


@pytest.mark.parametrize("text", [
    "In totaal zijn 349 klanten benaderd, van wie 131 de vragenlijst hebben ingevuld.",  # how many, not how
    "Het klantbestand is vóór de verzending gecontroleerd. De vragenlijst is vooraf getest.",  # no object sent
    "Colofon. E-mail: info@peilstok.nl Telefoon: 030 - 123 45 67 Website: www.peilstok.nl",  # contact details
    "Postbus 4120, 3502 HC Utrecht. Dit rapport is digitaal ondertekend.",
])
def test_what_is_no_account_of_the_approach_is_no_hit(text):
    assert absence.hits_in(text, "approach") == []


@pytest.mark.parametrize("text, found", [
    ("3 Conclusies en verbeterpunten", True),
    ("Wat opvalt is dat de werkgevers minder tevreden zijn.", True),
    ("Toelichting op de resultaten", True),
    ("Wij danken alle werknemers en werkgevers voor hun medewerking.", False),
    ("Bent u tevreden over de bereikbaarheid van de jobcoach (per telefoon/email/app)?", False),
])
def test_the_wordings_of_an_analysis(text, found):
    assert bool(absence.hits_in(text, "analysis")) is found


# ---- reports ------------------------------------------------------------------------------------
def _redacted(src: Path, out: Path, phrase: str, change=None) -> Path:
    """``src`` with every block containing ``phrase`` removed from the page (redaction takes the
    text out of the PDF, not just out of sight), then ``change(doc)`` applied."""
    doc = pymupdf.open(src)
    for page in doc:
        for b in page.get_text("blocks"):
            if phrase in " ".join(b[4].split()):
                page.add_redact_annot(pymupdf.Rect(b[:4]))
        page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE)
    if change is not None:
        change(doc)
    doc.save(out)
    return out


def _check(path: Path, registry, rule: str):
    entry = process_file(path, registry, Options(regime=load_regime(), regime_fixed=False))
    return entry, [c for c in entry.checks if c.rule == rule]


def _no_approach(tmp_path: Path, change=None, name: str = "zonder-wijze.pdf") -> Path:
    return _redacted(SCHOLING, tmp_path / name, "zijn door het onderzoeksbureau uitgenodigd", change)


def test_a_born_digital_report_without_any_way_of_approaching_fails_saying_what_was_searched(tmp_path, registry):
    entry, checks = _check(_no_approach(tmp_path), registry, "SCH-VERANTWOORDING")
    st = entry.fact_status["approach"]
    assert st.status == "not_found" and st.vouched and st.page == 2
    fail = next(c for c in checks if c.status == "fail")
    # what was searched, in the account manager's words, and the page where the account belongs
    for word in ("in de hele tekst (p. 1-", "e-mail", "brief of per post", "telefonisch", "sms of app",
                 "persoonlijk of mondeling", "verstuurde uitnodiging"):
        assert word in fail.message
    assert fail.page == 2 and fail.raw.startswith("niet gevonden in de hele tekst")


def test_the_same_report_with_its_approach_does_not_fail(registry):
    entry, checks = _check(SCHOLING, registry, "SCH-VERANTWOORDING")
    assert entry.approach is not None and entry.approach.email and "approach" not in entry.fact_status
    assert all(c.status != "fail" for c in checks)


def test_a_way_named_elsewhere_in_the_text_asks_a_person_and_says_where(tmp_path, registry):
    def note(doc):
        doc[2].insert_text((60, 700), "Een deel van de klanten is nagebeld.", fontsize=9)

    entry, checks = _check(_no_approach(tmp_path, note), registry, "SCH-VERANTWOORDING")
    st = entry.fact_status["approach"]
    assert not st.vouched and st.page == 3 and "'nagebeld' (p. 3)" in st.looked
    assert [c.status for c in checks] == ["manual"] and "nagebeld" in checks[0].message


@pytest.mark.parametrize("reference,vouched", [
    ("Dillman, D.A., Smyth, J.D. & Christian, L.M. (2014). Internet, phone, mail, and mixed-mode surveys. Hoboken: Wiley.", True),
    ("Alle klanten ontvingen een e-mail (Dillman, 2014).", False),
])
def test_a_books_title_in_the_list_of_references_is_no_account_of_the_approach(tmp_path, registry, reference, vouched):
    """A reference list's entry whose title says 'mail' describes a book, not how clients were
    approached: the absence still stands (holdout11 hazelhof); a sentence citing it does not."""
    def literature(doc):
        doc[2].insert_text((60, 680), "Literatuur", fontsize=11)
        doc[2].insert_text((60, 700), reference, fontsize=8)

    entry, checks = _check(_no_approach(tmp_path, literature), registry, "SCH-VERANTWOORDING")
    st = entry.fact_status.get("approach")
    assert bool(st and st.vouched) is vouched
    assert ("fail" in [c.status for c in checks]) is vouched


def _image_page(doc):
    """A page that is a picture (of text, for all kto-ingest can tell) and has no text layer."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 400, 300), False)
    pix.clear_with(200)
    page = doc.new_page()
    page.insert_image(pymupdf.Rect(60, 60, 540, 420), pixmap=pix)


def _picture_on_page(doc):
    """A picture large enough to hold a paragraph, on a page that has text."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 300, 100), False)
    pix.clear_with(230)
    doc[1].insert_image(pymupdf.Rect(60, 600, 460, 760), pixmap=pix)


def _comment(doc):
    """A sticky note: its text is not on the page."""
    doc[1].add_text_annot(pymupdf.Point(500, 80), "Per e-mail benaderd.")


@pytest.mark.parametrize("change, why", [
    (_image_page, "pagina 5 is een scan"),
    (_picture_on_page, "pagina 2 bevat een afbeelding die tekst kan bevatten"),
    (_comment, "pagina 2 bevat een notitie waarvan de tekst niet is gelezen"),
])
def test_no_vouch_when_some_text_may_not_have_been_read(tmp_path, registry, monkeypatch, change, why):
    monkeypatch.setenv("KTO_INGEST_NO_OCR", "1")  # the picture page stays unread, as without Tesseract
    entry, checks = _check(_no_approach(tmp_path, change), registry, "SCH-VERANTWOORDING")
    st = entry.fact_status["approach"]
    assert st.status == "not_found" and not st.vouched
    assert f"geen zekerheid: {why}" in st.looked
    assert all(c.status != "fail" for c in checks) and any(why in c.message for c in checks)


def test_no_vouch_without_the_results_read(tmp_path):
    path = _no_approach(tmp_path)
    facts = Facts()
    with open_document(path) as doc:
        vouched = absence.record(doc, facts, "approach", "approach", page=2, not_understood="de resultatentabel is niet gelezen")
        assert not vouched and not facts.fact_status["approach"].vouched
        assert absence.record(doc, facts, "approach", "approach", page=2, not_understood=None)


def test_a_blank_page_is_no_doubt_but_a_drawn_one_is(tmp_path):
    def blank(doc):
        doc.new_page()

    def drawn(doc):
        doc.new_page().draw_rect(pymupdf.Rect(60, 60, 300, 300))

    with open_document(_no_approach(tmp_path, blank, "leeg.pdf")) as doc:
        assert absence.text_layer_problem(doc) is None
    with open_document(_no_approach(tmp_path, drawn, "getekend.pdf")) as doc:
        assert absence.text_layer_problem(doc) == "pagina 5 heeft geen tekstlaag"


def test_a_jobcoaching_report_without_an_analysis_fails_saying_what_was_searched(registry):
    entry, checks = _check(NO_ANALYSIS, registry, "JC-ANALYSE")
    st = entry.fact_status["jobcoaching.analysis"]
    assert st.vouched and st.page == 2
    assert [c.status for c in checks] == ["fail"]
    for word in ("in de hele tekst (p. 1-2)", "analyse", "conclusie", "verbeterpunten", "wat opvalt"):
        assert word in checks[0].message


def test_a_jobcoaching_report_with_a_conclusion_in_other_words_asks_a_person(tmp_path, registry):
    def conclusion(doc):
        doc[1].insert_text((60, 700), "Opvallend is dat werkgevers de bereikbaarheid lager waarderen.", fontsize=9)

    path = _redacted(NO_ANALYSIS, tmp_path / "opvallend.pdf", "niets-om-te-redigeren", conclusion)
    entry, checks = _check(path, registry, "JC-ANALYSE")
    assert not entry.fact_status["jobcoaching.analysis"].vouched
    assert [c.status for c in checks] == ["manual"] and "'Opvallend' (p. 2)" in checks[0].message
