"""Is the report signed by the bureau? Digital signatures verified with pyHanko, offline; visible
signatures recognised on the page.

Digital: for every signature field, signed or empty; whether the signed bytes are intact; whether
the signature covers the whole file or later incremental updates were appended, and what those
changed (form filling, annotations, or page content, with the pages); the signer's certificate
(common name and organisation); the signing time; whether the certificate chains to a trust root
given with ``--trust``. Without trust roots an untrusted chain is reported as untrusted, not as
invalid. Nothing is fetched from the network.

Visual: a signature block (wording such as "ondertekend", "handtekening", "namens ...") with an
image or an ink-like drawing (curves) close to it, on any page.

pyHanko is imported only when the file has a signature, so unsigned reports pay nothing for it.
"""

from __future__ import annotations

import binascii
import hashlib
import io
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from .errors import is_memory_error
from .schema import AuditSource, Signature, SignatureField

if TYPE_CHECKING:  # the main process loads trust roots (--trust) without the PDF machinery
    from .document import Document
    from .sigdiff import RevisionDiff

log = logging.getLogger(__name__)

CERT_SUFFIXES = {".pem", ".crt", ".cer", ".der"}
# Words of a signature block in Dutch reports: the act (ondertekend, getekend, w.g., paraaf), on
# whose behalf (namens, voor akkoord, vastgesteld door) and the closing of a letter-like page
# (met vriendelijke groet, hoogachtend) or the signer's role (directeur, directie). Only with an
# image or a hand-drawn line near them do they make a visible signature.
SIGNATURE_WORDS = regex.compile(
    r"\b(?:onderteken(?:d|ing)|handtekening|getekend|namens|akkoord|vastgesteld|paraaf"
    r"|met\s+vriendelijke\s+groet(?:en)?|hoogachtend|directeur|directie)\b|\bw\.\s?g\.",
    regex.IGNORECASE,
)
NEAR = 120.0  # points: how close an image or ink drawing must be to the signature wording


class TrustError(ValueError):
    pass


@dataclass
class Trust:
    """Trust roots for signer certificates (``--trust DIR``)."""

    certs: list = field(default_factory=list)  # asn1crypto certificates
    sources: list[AuditSource] = field(default_factory=list)

    # asn1crypto objects do not survive pickling (their parsed fields are lost), and the worker
    # processes receive the options pickled: send the certificates as DER bytes.
    def __getstate__(self) -> dict:
        return {"der": [c.dump() for c in self.certs], "sources": self.sources}

    def __setstate__(self, state: dict) -> None:
        from asn1crypto import x509

        self.certs = [x509.Certificate.load(der) for der in state["der"]]
        self.sources = state["sources"]


def load_trust(path: Path | None) -> Trust:
    """PEM or DER certificates from a folder (or one file). Unreadable files are an error."""
    if path is None:
        return Trust()
    from pyhanko.keys import load_certs_from_pemder_data

    files = sorted(p for p in path.iterdir() if p.suffix.lower() in CERT_SUFFIXES) if path.is_dir() else [path]
    if not files:
        raise TrustError(f"geen certificaten (.pem, .crt, .cer, .der) gevonden in {path}")
    trust = Trust()
    for f in files:
        try:
            data = f.read_bytes()
            certs = list(load_certs_from_pemder_data(data))
        except Exception as exc:  # noqa: BLE001 - any parse failure is the same error to the user
            raise TrustError(f"certificaat {f} kan niet worden gelezen: {exc}") from None
        if not certs:
            raise TrustError(f"geen certificaat in {f}")
        trust.certs += certs
        trust.sources.append(AuditSource(id=certs[0].subject.human_friendly, source=str(f), sha256=hashlib.sha256(data).hexdigest()))
    return trust


def inspect_signature(doc: Document, trust: Trust | None = None) -> Signature:
    fields, signed = _widget_counts(doc)
    if signed or b"/ByteRange" in doc.data or _form_has_signed_field(doc):
        try:
            return _digital(doc, trust or Trust(), fields)
        except Exception as exc:  # noqa: BLE001 - a validator failure must not lose the report
            if is_memory_error(exc):
                raise
            # Not log.exception: a traceback on stderr tells the account manager nothing.
            log.debug("signature validation failed for %s", doc.path, exc_info=True)
            if _is_broken_signature(exc):
                return Signature(kind="digital", fields=fields, intact=False,
                                 note=f"de handtekeningwaarde is beschadigd of onleesbaar ({type(exc).__name__})")
            return Signature(kind="digital", fields=fields, intact=None,
                             note=f"De digitale handtekening kon niet worden gecontroleerd ({type(exc).__name__}).")
    pages = find_visual_signatures(doc)
    if pages:
        where = ", ".join(map(str, pages))
        return Signature(kind="visual", fields=fields, pages=pages,
                         note=f"Zichtbare handtekening (ondertekening met handtekening of afbeelding) op pagina {where}; geen digitale handtekening.")
    note = "Geen digitale handtekening en geen zichtbaar ondertekeningsblok gevonden."
    if fields:
        note = f"{fields} leeg handtekeningveld; " + note[0].lower() + note[1:]
    return Signature(kind="none", fields=fields, note=note, candidate_pages=possible_signatures(doc))


def _is_broken_signature(exc: BaseException) -> bool:
    """The signature value itself cannot be parsed or checked (zeroed, truncated, not CMS): the
    signature is broken, which is a finding about the report, not a failure of kto-ingest."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(names & {"CMSExtractionError", "CMSStructuralError", "SignatureValidationError", "WeakHashAlgorithmError",
                         "DisallowedAlgorithmError"})


_REF = re.compile(r"(\d+) 0 R\b")
MAX_FORM_FIELDS = 10_000


def _form_has_signed_field(doc: Document) -> bool:
    """Whether the interactive form has a signature field with a value (/FT /Sig, /V), as MuPDF
    reads the form: names with #-escapes decoded, objects found in compressed object streams. A
    signed report whose signature dictionary is stored compressed (or its /ByteRange written as
    /#42yteRange) shows no literal ``/ByteRange`` in its bytes, and MuPDF gives a signature widget
    no value; without this it would pass for unsigned instead of being validated."""
    fitz = doc.fitz
    try:
        kind, value = fitz.xref_get_key(fitz.pdf_catalog(), "AcroForm/Fields")
        if kind == "xref":  # an indirect array
            value = fitz.xref_object(int(value.split()[0]), compressed=True)
        elif kind != "array":
            return False
        todo = [(int(x), None, None) for x in _REF.findall(value)]
        seen: set[int] = set()
        while todo and len(seen) < MAX_FORM_FIELDS:
            xref, field_type, field_value = todo.pop()
            if xref in seen or not 0 < xref < fitz.xref_length():
                continue
            seen.add(xref)
            own_type = fitz.xref_get_key(xref, "FT")
            own_value = fitz.xref_get_key(xref, "V")
            field_type = own_type[1] if own_type[0] == "name" else field_type  # /FT and /V are inherited
            field_value = own_value[0] if own_value[0] != "null" else field_value
            if field_type == "/Sig" and field_value is not None:
                return True
            kids_kind, kids = fitz.xref_get_key(xref, "Kids")
            if kids_kind == "xref":
                kids = fitz.xref_object(int(kids.split()[0]), compressed=True)
            if kids_kind in ("array", "xref"):
                todo += [(int(x), field_type, field_value) for x in _REF.findall(kids)]
    except Exception as exc:  # noqa: BLE001 - a form MuPDF cannot read: the other checks decide
        if is_memory_error(exc):
            raise
        return False
    return False


def _widget_counts(doc: Document) -> tuple[int, int]:
    from ._pymupdf import pymupdf

    fields = signed = 0
    for page in doc.fitz:
        for widget in page.widgets(types=[pymupdf.PDF_WIDGET_TYPE_SIGNATURE]) or []:
            fields += 1
            signed += bool(widget.field_value)
    return fields, signed


# ---- digital -------------------------------------------------------------------------------
_HEX_RUN = re.compile(rb"[0-9A-Fa-f \n\r\t\f\x00]*")  # pyHanko's hex digits and PDF white space
_PDF_WHITESPACE = b" \n\r\t\f\x00"


def fast_hex_strings() -> None:
    """Let pyHanko read hex strings (``<...>``) in one pass instead of byte by byte.

    A signature's ``/Contents`` is a hex string of 16,000 or more digits, and pyHanko's reader
    takes it one byte at a time through Python (about a third of the time a signed report costs).
    The replacement reads the same digits at once when the string is plain hex digits and white
    space up to its ``>``, and gives the string to pyHanko's own function in every other case (a
    comment, a stray character, a string cut off by the end of the data), so every result and
    every error is pyHanko's. tests/test_signature.py compares the two on many strings."""
    from pyhanko.pdf_utils import generic

    original = generic.read_hex_string_from_stream
    if getattr(original, "pyhanko_original", None) is not None:
        return

    def read_hex_string_from_stream(stream):
        start = stream.tell()
        buf = stream.read(4096)
        end = _HEX_RUN.match(buf, 1).end() if buf else 0
        while buf and end == len(buf):  # all digits so far: read on
            more = stream.read(2 * len(buf))
            if not more:
                break
            buf += more
            end = _HEX_RUN.match(buf, end).end()
        if end < len(buf) and buf[end] == 0x3E:  # ">"
            digits = buf[1:end].translate(None, _PDF_WHITESPACE)
            stream.seek(start + end + 1)
            return generic.pdf_string(binascii.unhexlify(digits + b"0" if len(digits) % 2 else digits))
        stream.seek(start)
        return original(stream)

    read_hex_string_from_stream.pyhanko_original = original
    generic.read_hex_string_from_stream = read_hex_string_from_stream


def validation_only_pyhanko() -> None:
    """Import pyHanko's validation without its signing API.

    ``pyhanko.sign``'s ``__init__`` imports the signers, and through them the timestamp client and
    aiohttp: about 0.45 s of the 0.75 s that loading pyHanko costs a worker, for code kto-ingest
    never runs (it signs nothing and fetches nothing). Before pyHanko is first imported, the package
    is registered without running its ``__init__``, so that its submodules (fields, validation,
    diff_analysis) import as usual. Whatever asks for a name that only the ``__init__`` defines
    (``from pyhanko.sign import PdfSigner``) gets the ``__init__`` run at that moment, in place: the
    package then is exactly what a normal import gives.
    """
    import importlib.util
    import sys

    if "pyhanko.sign" in sys.modules:
        return
    spec = importlib.util.find_spec("pyhanko.sign")
    if spec is None or spec.loader is None or not spec.submodule_search_locations:
        return
    package = importlib.util.module_from_spec(spec)

    def __getattr__(name: str):
        if name.startswith("__") or importlib.util.find_spec(f"pyhanko.sign.{name}") is not None:
            raise AttributeError(name)  # a submodule: the import system loads it on its own
        del package.__getattr__
        spec.loader.exec_module(package)  # the real __init__, into the same module
        return getattr(package, name)

    package.__getattr__ = __getattr__
    sys.modules["pyhanko.sign"] = package
    import pyhanko

    pyhanko.sign = package


def _digital(doc: Document, trust: Trust, widget_fields: int) -> Signature:
    validation_only_pyhanko()
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    from .sigdiff import revision_problem

    fast_hex_strings()
    reader = PdfFileReader(io.BytesIO(doc.data), strict=False)
    names = [(name, value is not None) for name, value, _ in enumerate_sig_fields(reader, filled_status=None)]
    # Before anything is believed: does MuPDF (what kto-ingest reads) read the revision pyHanko checks?
    problem = revision_problem(doc.data, doc.fitz, reader)
    # trust_roots=[] (not None): never fall back to the operating system's trust list.
    context = ValidationContext(trust_roots=list(trust.certs), allow_fetching=False)
    usage = KeyUsageConstraints(key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False)
    details: list[SignatureField] = []
    validated = set()
    for emb in reader.embedded_signatures:
        validated.add(emb.field_name)
        try:
            status = validate_pdf_signature(emb, context, key_usage_settings=usage)
        except Exception as exc:  # noqa: BLE001 - judged below: broken value, or not checkable
            if is_memory_error(exc) or not _is_broken_signature(exc):
                raise
            log.debug("signature %s of %s is broken", emb.field_name, doc.path, exc_info=True)
            details.append(SignatureField(name=emb.field_name, signed=True, intact=False,
                                          note=f"de handtekeningwaarde is beschadigd of onleesbaar ({type(exc).__name__})"))
            continue
        details.append(_field(doc, emb, status, problem))
    details += [SignatureField(name=name, signed=False) for name, is_signed in names if not is_signed and name not in validated]
    return _summary(details, max(widget_fields, len(names)))


_LEVELS = ("none", "form_filling", "annotations", "other")


def _field(doc: Document, emb, status, problem: str | None) -> SignatureField:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    from .sigdiff import RevisionDiff
    from .sigdiff import compare as compare_revisions

    subject = status.signing_cert.subject.native
    coverage = {SignatureCoverageLevel.ENTIRE_FILE: "whole_file", SignatureCoverageLevel.ENTIRE_REVISION: "extended"}.get(
        status.coverage, "partial")
    level = status.modification_level
    modification = {ModificationLevel.NONE: "none", ModificationLevel.LTA_UPDATES: "none",
                    ModificationLevel.FORM_FILLING: "form_filling", ModificationLevel.ANNOTATIONS: "annotations"}.get(level, "other")
    diff = RevisionDiff()
    if coverage != "whole_file":
        end = emb.byte_range[2] + emb.byte_range[3]
        diff = compare_revisions(doc.data[:end], doc.fitz)
        modification = _judge(modification, diff)
    covering = bool(diff.covered) and not diff.covered_by_icon_only
    intact = (bool(status.intact and status.valid) and coverage != "partial" and modification != "other"
              and problem is None and not covering)
    unverifiable = intact and bool(diff.unverifiable)
    notes = []
    if problem:
        notes.append(problem)
    if not (status.intact and status.valid):
        notes.append("de ondertekende bytes zijn gewijzigd of de handtekening is ongeldig")
    if coverage == "partial":
        notes.append("de handtekening dekt het bestand niet aaneengesloten")
    if modification == "other":
        where = f" (pagina {', '.join(map(str, diff.pages_to_name))})" if diff.changed_pages else ""
        what = f"; gewijzigd: {', '.join(diff.unexplained[:5])}" if diff.unexplained and not diff.changed_pages else ""
        notes.append(f"de inhoud is na ondertekening gewijzigd{where}{what}")
    elif modification == "annotations":
        notes.append(f"na ondertekening zijn alleen opmerkingen/annotaties toegevoegd (pagina {', '.join(map(str, diff.annotated_pages))})")
    elif modification == "form_filling":
        notes.append("na ondertekening zijn alleen formuliervelden ingevuld")
    if unverifiable:
        notes.append(f"na ondertekening is iets toegevoegd dat niet te lezen is ({', '.join(diff.unverifiable[:3])}); "
                     "niet vast te stellen of het iets verandert")
    if diff.covered:
        notes.append(f"na ondertekening toegevoegde velden of annotaties liggen over de tekst: {'; '.join(diff.covered[:5])}")
    trusted = status.trusted
    self_signed = status.signing_cert.self_signed in ("yes", "maybe")
    if not trusted:
        notes.append("het certificaat leidt niet naar een vertrouwde uitgever" + (" (zelfondertekend)" if self_signed else ""))
    changed = diff.pages_to_name if modification == "other" else diff.annotated_pages if modification == "annotations" else []
    if covering:
        changed = sorted(set(changed) | set(diff.covered_pages))
    return SignatureField(
        name=emb.field_name, signed=True, intact=None if unverifiable else intact, coverage=coverage, modification=modification,
        changed_pages=changed, signer=subject.get("common_name"), organisation=subject.get("organization_name"),
        signing_time=status.signer_reported_dt, trusted=bool(trusted), self_signed=self_signed,
        note="; ".join(notes) or None, covered=diff.covered, revision_problem=problem,
    )


def _judge(pyhanko_level: str, diff: RevisionDiff) -> str:
    """The modification level from pyHanko's rating and kto-ingest's own comparison of the signed
    revision with what it reads: the stricter of the two, except that pyHanko's "other" becomes
    "annotations" (or "form_filling") when the comparison finds annotations (or form fields) and
    nothing else changed."""
    if diff.content_changed:
        return "other"
    own = "annotations" if diff.annotated_pages else "form_filling" if diff.form_changed else "none"
    if pyhanko_level == "other":
        return own if own != "none" else "other"
    return max(pyhanko_level, own, key=_LEVELS.index)


def _summary(details: list[SignatureField], fields: int) -> Signature:
    signed = [d for d in details if d.signed]
    if not signed:
        return Signature(kind="none", fields=fields, details=details, note=f"{fields} leeg handtekeningveld; geen digitale handtekening.")
    # The signature that matters is the bureau's; with several, judge the first (the original) and list all.
    first = signed[0]
    later_broken = [d for d in signed[1:] if d.intact is False]
    intact = first.intact and not later_broken
    note = first.note
    if later_broken:
        note = f"{note + '; ' if note else ''}een latere handtekening ({later_broken[0].name}) is niet intact"
    return Signature(
        kind="digital", intact=intact, signer=first.signer, fields=max(fields, len(details)), note=note,
        signer_organisation=first.organisation, signing_time=first.signing_time, coverage=first.coverage,
        modification=first.modification, changed_pages=first.changed_pages, trusted=first.trusted, details=details,
        covered=first.covered,
    )


# ---- visual --------------------------------------------------------------------------------
def find_visual_signatures(doc: Document) -> list[int]:
    """Pages with signature wording and, near it, an image or an ink-like drawing."""
    from .document import image_boxes

    pages = []
    for page in doc.pages:
        hits = [line for line in page.lines if SIGNATURE_WORDS.search(line.text)]
        if not hits:
            continue
        fitz_page = doc.fitz[page.number - 1]
        marks = [box for _xref, box in image_boxes(fitz_page)]
        marks += [tuple(d["rect"]) for d in doc.drawings(page.number) if _ink_like(d)]
        if any(_near(line.bbox, mark) for line in hits for mark in marks):
            pages.append(page.number)
    return pages


def possible_signatures(doc: Document) -> list[int]:
    """Pages with a mark that may be a signature without words that say so: an image or a
    hand-drawn line. Not on the cover (a logo), and not a picture that recurs on several pages
    (a logo in the running header or footer)."""
    from .document import image_boxes

    seen: dict[tuple, set[int]] = {}
    for page in doc.pages:
        if page.number == 1:
            continue
        fitz_page = doc.fitz[page.number - 1]
        for xref, box in image_boxes(fitz_page):
            seen.setdefault((xref, tuple(round(v) for v in box)), set()).add(page.number)
        for drawing in doc.drawings(page.number):
            if _ink_like(drawing):
                seen.setdefault(("ink", page.number, tuple(round(v) for v in drawing["rect"])), set()).add(page.number)
    pictures: dict[int, set[int]] = {}
    for key, pages in seen.items():
        if key[0] != "ink":
            pictures.setdefault(key[0], set()).update(pages)
    return sorted({n for key, pages in seen.items() for n in pages
                   if key[0] == "ink" or len(pictures[key[0]]) == 1})


def _ink_like(drawing: dict) -> bool:
    """A stroked path of several curves and no fill: a drawn signature, not a chart bar or a rule."""
    curves = sum(1 for item in drawing.get("items", []) if item[0] == "c")
    return curves >= 3 and drawing.get("fill") is None


def _near(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    vertical_gap = max(b[1] - a[3], a[1] - b[3], 0)
    return vertical_gap <= NEAR
