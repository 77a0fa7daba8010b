"""paths -> discover -> open once -> pick parser -> parse -> signature -> (rules) -> entry.

Findings are data; an exception here means the tool could not do its job for
one file, and becomes an error entry with a stable code. Nothing stops the
batch.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Options, error entries, paths: defined where the main process can import them without PyMuPDF.
from .batch import Options, _sha256_of, display_path, error_entry, quiet_libraries, regime_by_id, source_path  # noqa: F401
from .discover import discover
from .document import Document, open_document
from .errors import ErrorCode, KtoError, is_memory_error
from .registry import Detection, Registry
from .schema import Evidence, ReportEntry
from .rules import Context, decided_by, evaluate
from .signature import inspect_signature

log = logging.getLogger(__name__)


@dataclass
class Explanation:
    """Everything ``kto-ingest explain`` shows for one file."""

    entry: ReportEntry
    detections: list[Detection] = field(default_factory=list)
    # The reader's decisions (Dutch): which table, which orientation, which lexicon entry matched
    # each fact, which tables were joined.
    decisions: list[str] = field(default_factory=list)


def _page_list(pages: list[int]) -> str:
    if len(pages) == 1:
        return f"pagina {pages[0]}"
    if pages == list(range(pages[0], pages[-1] + 1)):
        return f"pagina's {pages[0]}-{pages[-1]}"
    return "pagina's " + ", ".join(map(str, pages))


def explain_file(path: Path, registry: Registry, options: Options | None = None) -> Explanation:
    """Process one file and keep the parser detections for ``explain``."""
    options = options or Options()
    name = display_path(path, options.base)
    try:
        doc = open_document(path, options.max_bytes)
    except KtoError as exc:
        return Explanation(error_entry(path, name, exc))
    with doc:
        try:
            parser, detections = registry.choose(doc, complete=options.explain)
        except KtoError as exc:
            # not recognised: its tables may be pictures (a spreadsheet pasted in); read them and ask again
            if exc.code != ErrorCode.UNSUPPORTED_LAYOUT or not doc.ocr_pictures():
                return Explanation(error_entry(path, name, exc, doc), exc.detections)
            try:
                parser, detections = registry.choose(doc, complete=options.explain)
            except KtoError as again:
                return Explanation(error_entry(path, name, again, doc), again.detections)
        try:
            facts = parser.parse(doc)
        except Exception as exc:  # a parser bug must not sink the batch
            if is_memory_error(exc):
                raise
            log.debug("parser %s failed on %s", parser.id, path, exc_info=True)  # the entry says what; no traceback on screen
            err = KtoError(ErrorCode.PARSER_FAILED, f"Het uitlezen met {parser.name} is mislukt: {type(exc).__name__}: {exc}")
            return Explanation(error_entry(path, name, err, doc), detections)
        decisions = list(facts._explain)
        warnings = list(facts.warnings)
        if doc.repaired:
            warnings.insert(0, "De PDF was beschadigd en is bij het openen hersteld; controleer de gegevens.")
        if note := doc.active_content():
            warnings.append(note)
        if doc.ocr_failed_pages:
            verb = "kon" if len(doc.ocr_failed_pages) == 1 else "konden"
            warnings.insert(0, f"Gescande {_page_list(doc.ocr_failed_pages)} {verb} niet met tekstherkenning (OCR) worden "
                               "gelezen (een fout in kto-ingest, niet in de PDF); wat daar staat is niet gelezen: controleer de PDF.")
            facts.confidence = "low"
        if doc.ocr_pages:
            facts.confidence = "low"
            facts.ocr_pages = list(doc.ocr_pages)
            for ev in facts.evidence.values():
                ev.ocr = ev.page in doc.ocr_pages
            scanned = [p for p in doc.ocr_pages if p not in doc.picture_pages]
            if doc.picture_pages:
                warnings.insert(0, f"Afbeeldingen op {_page_list(doc.picture_pages)} (een tabel als plaatje?) gelezen met "
                                   f"tekstherkenning (OCR); controleer de cijfers in de PDF.")
            if scanned:
                warnings.insert(0, f"Gescande {_page_list(scanned)} gelezen met tekstherkenning (OCR); controleer de cijfers in de PDF.")
            warnings += check_ocr_rows(facts, set(doc.ocr_pages), doc)
        entry = ReportEntry(
            file=name,
            sha256=doc.sha256,
            status="parsed",
            parser=parser.id,
            pages=doc.page_count,
            signature=inspect_signature(doc, options.trust),
            **facts.model_dump(exclude={"warnings"}),
            warnings=warnings,
        )
        if options.regime is not None:
            regime = options.regime
            if parser.regime and parser.regime != regime.id and not options.regime_fixed:
                regime = regime_by_id(parser.regime)
                if options.params.get(regime.id):
                    from .settings import apply_params

                    regime = apply_params(regime, options.params[regime.id], "(instellingen)")
            entry.regime, entry.regime_title = regime.id, regime.regime.title
            if regime.id != options.regime.id:
                entry.regime_reason = (f"het rapport is gelezen als {parser.name}; daarvoor geldt deze regeling "
                                       f"in plaats van {options.regime.regime.title}")
            elif options.regime_fixed:
                entry.regime_reason = "gekozen met --regime"
            else:
                entry.regime_reason = options.regime_reason or "de standaardregeling"
            clms = options.clms.lookup(path.name, entry.supplier) if options.clms else None
            ctx = Context(regime, options.register, clms, Path(options.clms.source).name if options.clms else None,
                          codes=dict(entry.perceel_codes))
            entry.checks, entry.verdict = evaluate(entry, ctx)
            entry.decided_by = decided_by(entry.checks)
        return Explanation(entry, detections, decisions)


def check_ocr_rows(facts, ocr_pages: set[int], doc: Document | None = None) -> list[str]:
    """Rows read by OCR checked against their own numbers (:func:`reader.confidence.row_problems`:
    respons = ingevuld / netto steekproef to the printed decimal, totals = the sum of their rows, a
    cijfer between 1 and 10). A row that breaks them is named in a Dutch warning, with its place on
    the page as evidence (``evidence["results.N"]``: page and box of row N of ``results``, so the
    HTML report shows that row cut from the scan); an impossible cijfer is dropped (null: not read),
    so that no rule decides on it. Rules never fail a report on OCR values anyway."""
    from .reader.confidence import impossible_cijfer, row_problems

    notes = []
    indexed = [(i, r) for i, r in enumerate(facts.results) if r.page in ocr_pages]
    rows = [r for _, r in indexed]
    notes += restore_decimal_commas(rows)
    for index, problems in row_problems(rows).items():
        at, row = indexed[index]
        box = row_box(doc, row) if doc is not None else None
        key = f"results.{at}"
        facts.evidence[key] = Evidence(page=row.page, raw=row_text(row), bbox=box, ocr=True)
        notes.append(f"OCR-rij '{row.service}' (pagina {row.page}) klopt niet met zichzelf: {' '.join(problems)} "
                     f"Controleer deze rij in de PDF (bewijs: {key}); de waarden beslissen niets.")
        if impossible_cijfer(row):
            row.rapportcijfer = None
    return notes


_WHOLE = re.compile(r"^\d{2,4}$")
_DECIMAL = re.compile(r"^\d+,(\d+)$")
# A decimal comma is the smallest ink in a number cell and the first OCR loses ("8,1" read as
# "81"). Restored only where the number read cannot be what was printed and the column itself
# says how: a rapportcijfer is 1-10, a respons 0-100 %; every other cell of the column (on the
# same page, at least one) prints a comma and the same number of decimals; and a respons must
# then equal ingevuld / netto steekproef to those decimals.
_COMMA_COLUMNS = (("rapportcijfer", 1.0, 10.0), ("respons_pct", 0.0, 100.0))


def restore_decimal_commas(rows) -> list[str]:
    """OCR rows whose rapportcijfer or respons lost its decimal comma, set right from their
    column's own evidence (see ``_COMMA_COLUMNS``); one Dutch note per value restored. A value that
    cannot be restored with certainty is left as read (the row check flags it)."""
    from .reader.confidence import respons_matches

    notes = []
    for page in sorted({r.page for r in rows}):
        on_page = [r for r in rows if r.page == page]
        for field, low, high in _COMMA_COLUMNS:
            texts = [(r, (r.raw.get(field) or "").strip()) for r in on_page]
            decimals = {len(m.group(1)) for _, t in texts if (m := _DECIMAL.match(t))}
            lost = [(r, t) for r, t in texts if _WHOLE.match(t) and not low <= float(t) <= high]
            if len(decimals) != 1 or not lost or len(lost) == len(texts) or any(
                    t and not _DECIMAL.match(t) and (r, t) not in lost for r, t in texts):
                continue
            places = decimals.pop()
            for r, t in lost:
                value = int(t) / 10 ** places
                if not low <= value <= high or len(t) <= places:
                    continue
                if field == "respons_pct" and not (r.netto_steekproef and r.ingevuld is not None
                                                   and respons_matches(r.netto_steekproef, r.ingevuld, value, places)):
                    continue
                setattr(r, field, value)
                shown = f"{t[:-places]},{t[-places:]}"
                notes.append(f"OCR las '{t}' als {dutch_field(field)} van '{r.service}' (pagina {r.page}); de komma is hersteld "
                             f"({shown}) omdat de andere cellen van die kolom {'één decimaal' if places == 1 else f'{places} decimalen'} tonen. "
                             f"Controleer dit getal in de PDF.")
    return notes


def dutch_field(field: str) -> str:
    return {"rapportcijfer": "rapportcijfer", "respons_pct": "respons"}[field]


def row_text(row) -> str:
    """A results row as printed: its label and its cells."""
    return " ".join([row.service, *(v for v in row.raw.values() if v)])


def row_box(doc: Document, row) -> tuple[float, float, float, float] | None:
    """Where a results row stands on its page: the line holding most of its printed cells (OCR may
    have misread the label, but its numbers were read from the page as they are), widened to every
    word of that line. None when no cell is found."""
    try:
        words = doc.page(row.page).words
    except (IndexError, AttributeError):
        return None
    cells = {v.strip() for v in row.raw.values() if v and v.strip()}
    label = set(row.service.split())
    hits = [w for w in words if w.text in cells]
    if not hits:
        hits = [w for w in words if w.text in label]
    if not hits:
        return None
    height = sorted(w.y1 - w.y0 for w in hits)[len(hits) // 2] or 1.0

    def line_of(anchor):
        return [w for w in words if abs(w.cy - anchor.cy) < height * 0.5]

    def score(anchor):
        line = line_of(anchor)
        return (len({w.text for w in line if w.text in cells}), sum(w.text in label for w in line))

    best = line_of(max(hits, key=score))
    return (round(min(w.x0 for w in best), 1), round(min(w.y0 for w in best), 1),
            round(max(w.x1 for w in best), 1), round(max(w.y1 for w in best), 1))


def process_file(path: Path, registry: Registry, options: Options | None = None) -> ReportEntry:
    """One entry for one file, whatever the file holds: an unexpected failure becomes ``crashed``."""
    path = Path(path)
    try:
        entry = explain_file(path, registry, options).entry
    except Exception as exc:
        if is_memory_error(exc):
            raise
        log.debug("checking %s failed", path, exc_info=True)  # the entry (crashed) says what
        name = display_path(path, (options or Options()).base)
        err = KtoError(ErrorCode.CRASHED, f"Het controleren van dit bestand is mislukt door een interne fout ({type(exc).__name__}: {exc}).")
        entry = error_entry(path, name, err)
    entry._source = source_path(path)
    return entry


def process_paths(paths: Iterable[Path | str], registry: Registry, options: Options | None = None) -> Iterator[ReportEntry]:
    """One entry per discovered file, in sorted order, streamed as each finishes."""
    for path in discover(paths):
        yield process_file(path, registry, options)
