"""When a parser may vouch that a fact is absent from a report.

A rule fails a report on a missing fact only when the parser vouched for the absence
(``rules.base.missing``). For a fact that a report of any bureau may word in any way (how clients
were approached, an analysis of the results) a parser vouches only when all of this holds:

(a) kto-ingest read every word of the report: the PDF is born-digital with a usable text layer on
    every page. No page was read by OCR or has no text (a page with nothing at all on it, no
    image and no drawing, holds nothing and is allowed); no page's text is unreadable (replacement
    characters, private-use glyphs of a font without a Unicode map, no Dutch function word in a
    page of running text); no image large enough to hold a paragraph; no filled form field or
    comment whose text is not in the page's text; MuPDF did not have to repair the file.
(b) The parser read the report's results (a report it understands), which the caller says.
(c) The whole text, every page including headers, footers and tables, was searched for every
    word the lexicon has for the fact (``[approach] ways`` and sent invitations, ``[analysis]
    words``), and none occurs.

Otherwise the absence is recorded without a vouch (a person looks), with what was searched, where,
and why kto-ingest cannot be sure (a word that was found, a scanned page, ...). Everything said
here is Dutch: it reaches the account manager through ``missing()``'s message.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Document, image_boxes
from ..schema import Facts
from . import lexicon as lx
from ._rx import rx

IMAGE_SHARE = 0.04  # images covering this share of a page (about 200 x 100 pt on A4) can hold a paragraph
FUNCTION_WORDS = frozenset("de het een en van in is op te voor zijn met dat die niet aan er bij of door om naar ook als wordt worden".split())
SENT = "een verstuurde uitnodiging of vragenlijst"
SENT_REACH = 120  # characters, within one sentence, between an invitation or questionnaire and the verb that sends it

WHAT = {
    "approach": "de wijze van benaderen",
    "analysis": "een analyse van de resultaten",
}


@dataclass(frozen=True)
class Hit:
    name: str  # the lexicon's name of the word group ('e-mail')
    text: str  # as printed
    page: int


# an entry of a list of references ('Dillman, D.A., Smyth, J.D. & Christian, L.M. (2014). Internet,
# phone, mail, and mixed-mode surveys.'): a book's title, not the report's account of its method
RE_REFERENCE = rx(r"^\p{Lu}[\p{L}'’-]+(?:\s\p{Ll}{1,3})?,\s+(?:\p{Lu}\.\s?){1,4}.{0,200}?\((?:19|20)\d{2}[a-z]?\)\.\s", regex.S)


def page_texts(doc: Document) -> list[tuple[int, str]]:
    """Every page's text, all its words in reading order but for entries of a list of references;
    computed once per document."""
    cache = doc.__dict__.setdefault("_absence_texts", None)
    if cache is None:
        cache = [(p.number, " ".join(w.text for b in p.blocks if not RE_REFERENCE.match(b.text) for line in b.lines
                                     for w in line.words).replace("\u00ad", "")) for p in doc.pages]
        doc.__dict__["_absence_texts"] = cache
    return cache


def _variants(text: str) -> list[str]:
    """The text as printed and with words hyphenated at a line end joined ('tele- fonisch')."""
    joined = rx(r"(\p{L})-\s+(\p{Ll})").sub(r"\1\2", text)
    return [text] if joined == text else [text, joined]


def hits_in(text: str, fact: str, page: int = 0) -> list[Hit]:
    """Every word of the lexicon for ``fact`` in ``text`` (one page's text)."""
    pats = lx.approach_patterns() if fact == "approach" else None
    hits: list[Hit] = []
    for variant in _variants(text):
        if pats is not None:
            variant = pats["contact"].sub(" ", variant)  # a colofon's 'E-mail: info@...' is no account
        for name, pattern in lx.word_groups(fact):
            for m in pattern.finditer(variant):
                hits.append(Hit(name, m[0], page))
        if pats is not None:
            ends = [b.end() for b in rx(r"[.!?]\s+(?=[\p{Lu}\d])").finditer(variant)]
            for m in pats["sent_objects"].finditer(variant):
                # the verb that sends it in the same sentence ('De uitnodigingen zijn op 4 januari verstuurd')
                start = max((b for b in ends if b <= m.start()), default=0)
                end = min((b for b in ends if b > m.start()), default=len(variant))
                window = variant[max(start, m.start() - SENT_REACH):min(end, m.end() + SENT_REACH)]
                if v := pats["sent_verbs"].search(window):
                    hits.append(Hit(SENT, f"{m[0]} … {v[0]}", page))
    seen: set[tuple[str, str]] = set()
    out = []
    for h in hits:
        if (h.name, h.text.lower()) not in seen:
            seen.add((h.name, h.text.lower()))
            out.append(h)
    return out


def search(doc: Document, fact: str) -> list[Hit]:
    """Every place in the whole text (all pages, headers, footers and tables included) where a
    word of the lexicon for ``fact`` occurs."""
    return [h for number, text in page_texts(doc) for h in hits_in(text, fact, number)]


def text_layer_problem(doc: Document) -> str | None:
    """Why kto-ingest cannot be sure it read every word of the report (Dutch), or None."""
    if doc.scanned_pages or doc.ocr_pages:
        pages = sorted(set(doc.scanned_pages) | set(doc.ocr_pages))
        return f"{_pages(pages)} {'is een scan' if len(pages) == 1 else 'zijn scans'} (tekst herkend met OCR of niet gelezen)"
    if doc.repaired:
        return "het PDF-bestand is beschadigd en moest worden hersteld"
    for page in doc.pages:
        n = page.number
        fpage = doc.fitz[n - 1]
        if not page.words:
            if fpage.get_images() or doc.drawings(n):
                return f"pagina {n} heeft geen tekstlaag"  # an image or drawn outlines may hold the text
            continue  # a blank page (LibreOffice may print one before the cover) holds nothing

        chars = "".join(w.text for w in page.words)
        odd = sum(1 for ch in chars if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff" or ord(ch) < 32)
        if odd > max(2, len(chars) // 100):
            return f"de tekst van pagina {n} is deels onleesbaar (tekens zonder betekenis)"
        # lines of running text (eight words or more; table cells are shorter) read as Dutch
        # only when some of them hold a function word; a font without a Unicode map gives none
        running = [words for line in page.lines
                   if len(words := [w.text.lower().strip(".,;:()") for w in line.words if any(ch.isalpha() for ch in w.text)]) >= 8]
        if len(running) >= 3 and not any(FUNCTION_WORDS.intersection(words) for words in running):
            return f"de tekst van pagina {n} is geen leesbaar Nederlands (mogelijk een lettertype zonder tekentabel)"
        area = fpage.rect.width * fpage.rect.height or 1.0
        covered = 0.0
        for _xref, bbox in image_boxes(fpage):
            box = fpage.rect & bbox
            if not box.is_empty:
                covered += box.width * box.height
        if covered >= IMAGE_SHARE * area:
            return f"pagina {n} bevat een afbeelding die tekst kan bevatten"
        for annot in fpage.annots():
            if annot.type[1] not in ("Link", "Popup"):
                kind = {"FreeText": "een tekstvak", "Text": "een notitie", "Stamp": "een stempel"}.get(annot.type[1], "een opmerking")
                return f"pagina {n} bevat {kind} waarvan de tekst niet is gelezen"
        for widget in fpage.widgets():
            if widget.field_type_string != "Signature" and (widget.field_value or "").strip():
                return f"pagina {n} bevat een ingevuld formulierveld waarvan de tekst niet is gelezen"
    return None


def _pages(numbers: list[int]) -> str:
    return ("pagina " if len(numbers) == 1 else "pagina's ") + ", ".join(map(str, numbers))


def words_looked_for(fact: str) -> str:
    names = [name for name, _ in lx.word_groups(fact)]
    if fact == "approach":
        names.append(SENT)
    return "; ".join(names)


def section_page(doc: Document, fact: str) -> tuple[int, str] | None:
    """The page and heading of the section where ``fact`` belongs (approach: the methodological
    account), when the report has one."""
    if fact != "approach":
        return None
    heading = lx.approach_patterns()["section_headings"]
    for page in doc.pages:
        for b in page.body_blocks:
            text = " ".join(b.text.split())
            if len(text) <= 60 and heading.match(text):
                return page.number, text
    return None


def record(doc: Document, facts: Facts, fact: str, status_key: str, *, not_understood: str | None,
           page: int | None) -> bool:
    """Record ``status_key`` (e.g. 'approach', 'jobcoaching.analysis') as not found after
    searching the whole text for the lexicon's words for ``fact``; vouched only when (a), (b) and
    (c) above hold. ``not_understood``: why the parser cannot say it understood the report (no
    results read), else None. ``page``: where the fact belongs when the report has no section for
    it. Returns whether the absence was vouched for."""
    first, last = 1, doc.page_count
    looked = f"in de hele tekst (p. {first}-{last}) naar woorden voor {WHAT[fact]} ({words_looked_for(fact)})"
    hits = search(doc, fact)
    if hits:
        shown = "; ".join(f"'{h.text}' (p. {h.page})" for h in hits[:3]) + (" ..." if len(hits) > 3 else "")
        facts.not_found(status_key, f"{looked}; gevonden: {shown}, maar niet in een beschrijving die kto-ingest herkent",
                        vouched=False, page=hits[0].page)
        facts._explain.append(f"{status_key}: niet gevonden; woorden wel aanwezig: {shown}")
        return False
    where = section_page(doc, fact)
    if where is not None:
        page = where[0]
        looked += f"; geen ervan komt voor, ook niet onder '{where[1]}'"
    else:
        looked += "; geen ervan komt voor"
    doubt = not_understood or text_layer_problem(doc)
    if doubt:
        facts.not_found(status_key, f"{looked} (geen zekerheid: {doubt})", vouched=False, page=page)
        facts._explain.append(f"{status_key}: niet gevonden, afwezigheid niet zeker: {doubt}")
        return False
    facts.not_found(status_key, looked, vouched=True, page=page)
    facts._explain.append(f"{status_key}: afwezig; hele tekst doorzocht, alle pagina's hebben een leesbare tekstlaag")
    return True
