"""Draft decision letters: per report a Dutch letter to the supplier, as an editable Word document
(``--brieven MAP``) and as text in the HTML report.

The wording is data: ``kto_ingest/brieven/<regime-id>.toml``, one file per regime, plain Dutch text
with ``{placeholders}`` (no code, no template language). The findings are filled in by kto-ingest:
each check in the words of its requirement (the rule's title) with the check's own message, which
carries the numbers, and the page. ``pass`` findings go under what meets the requirements, ``fail``
under what does not, ``manual`` and ``warn`` under what a person still confirms, and a template
``[[actie]]`` for a rule with a matching finding under what the supplier can do.

Every value from a PDF is inserted as plain text: python-docx writes it as a text run (XML-escaped),
never as a field or hyperlink, and the HTML escapes it, so "=HYPERLINK(...)" or "<script>" in a
supplier name stays text.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from pathlib import Path, PurePath

from pydantic import BaseModel, ConfigDict, ValidationError

from .dutch import format_date
from .schema import BatchResult, Check, ReportEntry

PLACEHOLDERS = ("bestand", "leverancier", "bureau", "regeling", "regeling_id", "meetperiode", "rapportdatum",
                "datum", "oordeel", "foutmelding")
_FIELD = re.compile(r"\{(\w*)\}")
VERDICT_TEXT = {"voldoet": "voldoet", "voldoet_niet": "voldoet niet", "handmatig": "nog niet af te ronden (handmatig)"}


class LetterTemplateError(ValueError):
    pass


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Texts(_Model):
    concept: str
    titel: str
    betreft: str
    aanhef: str
    inleiding: str
    kop_voldoet: str
    kop_voldoet_niet: str
    kop_handmatig: str
    kop_acties: str
    geen_voldoet: str
    geen_voldoet_niet: str
    geen_handmatig: str
    conclusie_voldoet: str
    conclusie_voldoet_niet: str
    conclusie_handmatig: str
    onleesbaar: str
    afsluiting: str
    groet: str
    ondertekening: str


class Action(_Model):
    regel: str
    bij: list[str]
    tekst: str


class Template(_Model):
    brief: Texts
    actie: list[Action] = []


# A folder with the team's own templates (settings key ``brieven``); a regime without a file there
# uses the shipped template.
template_folder: Path | None = None


def set_template_folder(folder: Path | None) -> None:
    global template_folder
    template_folder = folder


def load_template(regime_id: str, folder: Path | None = None) -> Template:
    """The letter template of a regime: ``folder/<id>.toml`` (default: the settings' ``brieven``
    folder) when present, else the shipped one; validated (unknown placeholders too) when loaded."""
    folder = folder or template_folder
    name = f"{regime_id}.toml"
    if folder is not None and (folder / name).is_file():
        data, source = (folder / name).read_bytes(), str(folder / name)
    else:
        ref = resources.files("kto_ingest.brieven").joinpath(name)
        if not ref.is_file():
            raise LetterTemplateError(f"geen briefsjabloon voor regeling {regime_id!r} (verwacht: kto_ingest/brieven/{name})")
        data, source = ref.read_bytes(), f"kto_ingest/brieven/{name}"
    try:
        template = Template.model_validate(tomllib.loads(data.decode("utf-8")))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, ValidationError) as exc:
        raise LetterTemplateError(f"briefsjabloon {source} is ongeldig: {exc}") from None
    texts = [*template.brief.model_dump().values(), *(a.tekst for a in template.actie)]
    unknown = sorted({m for t in texts for m in _FIELD.findall(t)} - set(PLACEHOLDERS))
    if unknown:
        raise LetterTemplateError(f"briefsjabloon {source} noemt onbekende invulvelden: {', '.join('{' + u + '}' for u in unknown)}; "
                                  f"bekend zijn: {', '.join('{' + p + '}' for p in PLACEHOLDERS)}")
    return template


def fill(text: str, values: dict[str, str]) -> str:
    """Replace ``{name}`` by its value, once, left to right: a value holding braces stays as it is."""
    return _FIELD.sub(lambda m: values.get(m.group(1), m.group(0)), text)


# ---- the letter as data --------------------------------------------------------------------
@dataclass
class Section:
    heading: str
    items: list[str] = field(default_factory=list)
    empty: str = ""  # shown when there are no items


@dataclass
class Letter:
    file: str
    concept: str
    title: str
    subject: str
    date: str
    salutation: str
    paragraphs: list[str]  # before the sections
    sections: list[Section]
    closing: list[str]  # after the sections: conclusion, questions
    greeting: str
    signature: str

    def text(self) -> str:
        """The letter as plain text (for the HTML report and for tests)."""
        out = [self.concept, "", self.title, self.date, self.subject, "", self.salutation, ""]
        out += [p + "\n" for p in self.paragraphs]
        for s in self.sections:
            out.append(s.heading)
            out += [f"- {i}" for i in s.items] or [s.empty]
            out.append("")
        out += [p + "\n" for p in self.closing]
        out += [self.greeting, "", self.signature]
        return "\n".join(out)


def _rule_title(rule_id: str) -> str:
    from .rules import RULES

    r = RULES.get(rule_id)
    return r.title if r else rule_id


def finding(c: Check) -> str:
    """One finding in the words of the requirement, with the numbers and the page."""
    page = f" (pagina {c.page})" if c.page else ""
    return f"{_rule_title(c.rule)}: {c.message}{page}"


def _regime_title(regime_id: str | None) -> str | None:
    from .pipeline import regime_by_id

    try:
        return regime_by_id(regime_id).regime.title if regime_id else None
    except Exception:  # noqa: BLE001 - a regime from a file: its id is all the letter needs
        return None


def values_of(entry: ReportEntry, regime_id: str, today: dt.date | None = None) -> dict[str, str]:
    period = entry.meetperiode
    meetperiode = (f"{format_date(period.start)} tot en met {format_date(period.end)}"
                   if period and period.start and period.end else None)
    return {
        "bestand": PurePath(entry.file).name,
        "leverancier": entry.supplier or "[leverancier]",
        "bureau": entry.bureau or "[onderzoeksbureau]",
        "regeling": _regime_title(regime_id) or regime_id,
        "regeling_id": regime_id,
        "meetperiode": meetperiode or "[meetperiode]",
        "rapportdatum": format_date(entry.report_date) if entry.report_date else "[rapportdatum]",
        "datum": format_date(today or dt.date.today()),
        "oordeel": VERDICT_TEXT.get(entry.verdict or "", "niet beoordeeld"),
        "foutmelding": entry.error.message if entry.error else "",
    }


def build_letter(entry: ReportEntry, regime_id: str, template: Template | None = None, today: dt.date | None = None) -> Letter:
    """The draft letter for one report entry (``regime_id``: the entry's regime, else the batch's)."""
    regime_id = entry.regime or regime_id
    t = template or load_template(regime_id)
    b = t.brief
    v = values_of(entry, regime_id, today)
    head = dict(file=entry.file, concept=fill(b.concept, v), title=fill(b.titel, v), subject=fill(b.betreft, v),
                date=v["datum"], salutation=fill(b.aanhef, v), greeting=fill(b.groet, v), signature=fill(b.ondertekening, v))
    if entry.status == "error" or entry.verdict is None:
        return Letter(**head, paragraphs=[fill(b.onleesbaar, v)], sections=[], closing=[fill(b.afsluiting, v)])
    checks = entry.checks
    passed = [finding(c) for c in checks if c.status == "pass"]
    failed = [finding(c) for c in checks if c.status == "fail"]
    manual = [finding(c) for c in checks if c.status in ("manual", "warn")]
    actions = []
    for a in t.actie:
        hits = [c for c in checks if c.rule == a.regel and c.status in a.bij]
        if hits:
            actions.append(fill(a.tekst, v) + " Het gaat om: " + "; ".join(f"{c.message}{f' (pagina {c.page})' if c.page else ''}"
                                                                          for c in hits))
    sections = [Section(b.kop_voldoet_niet, failed, b.geen_voldoet_niet), Section(b.kop_voldoet, passed, b.geen_voldoet),
                Section(b.kop_handmatig, manual, b.geen_handmatig)]
    if actions:
        sections.append(Section(b.kop_acties, actions))
    conclusion = {"voldoet": b.conclusie_voldoet, "voldoet_niet": b.conclusie_voldoet_niet, "handmatig": b.conclusie_handmatig}[entry.verdict]
    return Letter(**head, paragraphs=[fill(b.inleiding, v)], sections=sections,
                  closing=[fill(conclusion, v), fill(b.afsluiting, v)])


# ---- Word ----------------------------------------------------------------------------------
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _plain(text: str) -> str:
    """Text as Word can hold it: characters XML forbids are dropped (python-docx would refuse them)."""
    return _XML_ILLEGAL.sub("", text)


def to_docx(letter: Letter) -> bytes:
    from docx import Document
    from docx.shared import Pt, RGBColor

    doc = Document()
    doc.core_properties.title = _plain(letter.title)
    doc.core_properties.author = "kto-ingest (concept)"
    doc.core_properties.language = "nl-NL"
    note = doc.add_paragraph().add_run(_plain(letter.concept))
    note.italic, note.font.size, note.font.color.rgb = True, Pt(9), RGBColor(0x99, 0x33, 0x00)
    doc.add_heading(_plain(letter.title), level=1)
    doc.add_paragraph(_plain(letter.date))
    doc.add_paragraph().add_run(_plain(letter.subject)).bold = True
    doc.add_paragraph(_plain(letter.salutation))
    for p in letter.paragraphs:
        doc.add_paragraph(_plain(p))
    for s in letter.sections:
        doc.add_heading(_plain(s.heading), level=2)
        for item in s.items:
            doc.add_paragraph(_plain(item), style="List Bullet")
        if not s.items and s.empty:
            doc.add_paragraph(_plain(s.empty))
    for p in letter.closing:
        doc.add_paragraph(_plain(p))
    doc.add_paragraph(_plain(letter.greeting))
    signature = doc.add_paragraph()
    for i, line in enumerate(letter.signature.split("\n")):
        if i:
            signature.add_run().add_break()
        signature.add_run(_plain(line))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def letter_name(pdf_name: str) -> str:
    """A safe file name for the letter of ``pdf_name``: the PDF's name without its folder, only
    letters, digits, space, dot, dash, underscore and parentheses, at most 100 characters, valid on Windows too."""
    stem = PurePath(pdf_name.replace("\\", "/")).name
    stem = stem[:-4] if stem.lower().endswith(".pdf") else stem
    stem = unicodedata.normalize("NFC", stem)
    stem = re.sub(r"[^\w .()-]+", "_", stem, flags=re.UNICODE)
    stem = re.sub(r"\s+", " ", stem).strip(" ._") or "rapport"
    stem = stem[:100].rstrip(" .")
    if stem.split(".")[0].lower() in _RESERVED:
        stem = f"brief {stem}"
    return f"{stem} - conceptbrief.docx"


def write_letters(result: BatchResult, folder: Path, today: dt.date | None = None,
                  problems: list[str] | None = None) -> list[Path]:
    """One .docx per report in ``folder`` (created if needed); names never collide and an input
    PDF is never overwritten (the names end in .docx). Returns the files written; a report whose
    regime has no letter template is skipped, with a Dutch note in ``problems``."""
    from .regime import DEFAULT_REGIME
    from .writers import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    templates: dict[str, Template] = {}
    written: list[Path] = []
    used: set[str] = set()
    for entry in result.reports:
        regime_id = entry.regime or result.regime or DEFAULT_REGIME
        try:
            template = templates.get(regime_id) or templates.setdefault(regime_id, load_template(regime_id))
        except LetterTemplateError as exc:
            if problems is not None:
                problems.append(f"Geen brief voor {entry.file}: {exc}")
            continue
        name = letter_name(entry.file)
        base, n = name[: -len(" - conceptbrief.docx")], 2
        while name.casefold() in used:
            name, n = f"{base} ({n}) - conceptbrief.docx", n + 1
        used.add(name.casefold())
        path = folder / name
        write_atomic(path, to_docx(build_letter(entry, regime_id, template, today)))
        written.append(path)
    return written


# ---- HTML ----------------------------------------------------------------------------------
def letter_html(entry: ReportEntry, regime_id: str | None) -> list[str]:
    """The draft letter as a foldable section of the HTML report (everything escaped)."""
    from .regime import DEFAULT_REGIME

    try:
        letter = build_letter(entry, regime_id or DEFAULT_REGIME)
    except LetterTemplateError as exc:
        return [f'<p class="muted">Geen conceptbrief: {escape(str(exc))}</p>']
    return ['<details class="letter"><summary>Conceptbrief aan de leverancier</summary>',
            f'<pre style="white-space:pre-wrap;font-family:inherit">{escape(letter.text())}</pre></details>']
