"""What changed after signing: the signed revision against the file as kto-ingest reads it.

pyHanko says whether the signed bytes are intact and rates later incremental updates. That is not
enough to trust what kto-ingest *reads*, for two reasons this module covers:

1. **Which revision is read.** pyHanko finds the last revision from the last ``%%EOF``; MuPDF (and
   pdfium) from the last ``startxref`` in the file, even one inside a comment, and a damaged file
   is repaired by scanning objects. :func:`revision_problem` checks that both read the same
   revision: same ``startxref``, same number of revisions, no bytes after the final ``%%EOF`` and
   no repair. Any disagreement is a reason not to trust the signature.
2. **What a later update changes.** :func:`compare` diffs every object of the signed revision with
   the current file (both as MuPDF reads them). A page has changed when anything it depends on has
   changed: its content streams, fonts, images, forms, colour spaces, inherited resources, the page
   box or rotation. Annotations and form fields are separated out; those whose appearance covers
   text of the signed page are named with the words they cover. Everything else that changed and is
   not document bookkeeping (document info, XMP metadata, signature validation data) is reported as
   unexplained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._pymupdf import pymupdf

_REF = re.compile(r"(\d+) (\d+) R\b")
_STARTXREF = re.compile(rb"startxref\s*(\d+)")
_TYPE = re.compile(r"/Type\s*/(\w+)")
_SUBTYPE = re.compile(r"/Subtype\s*/(\w+)")
_FLAGS = re.compile(r"/F\s+(\d+)")
_KEY = re.compile(r"/(\w+)")
HIDDEN_FLAGS = 2 | 32  # annotation flags Hidden and NoView: not drawn
# Annotation kinds drawn as an icon or not at all; they hide little and are a person's call.
ICON_ANNOTS = {"Text", "FileAttachment", "Sound"}
NOT_DRAWN_ANNOTS = {"Popup", "Link"}
PAGE_KEYS_NOT_CONTENT = {"Annots", "Parent", "StructParents", "Tabs", "Thumb", "B", "PieceInfo", "LastModified"}
BACK_LINKS = {"P", "Parent"}  # from an annotation or field back to its page or parent
INHERITED = ("Resources", "MediaBox", "CropBox", "Rotate")
BOOKKEEPING_TYPES = {"XRef", "ObjStm", "Metadata", "DSS", "VRI", "Sig", "DocTimeStamp"}
CATALOG_BOOKKEEPING = {"AcroForm", "Metadata", "DSS", "Perms"}
MAX_OBJECTS = 50_000  # beyond this the comparison is not attempted (reported as unverifiable)


@dataclass
class RevisionDiff:
    changed_pages: list[int] = field(default_factory=list)  # content or resources changed, or added
    annotated_pages: list[int] = field(default_factory=list)  # annotations or form fields added/changed
    form_changed: bool = False
    unexplained: list[str] = field(default_factory=list)  # Dutch: other objects that changed
    unverifiable: list[str] = field(default_factory=list)  # Dutch: added objects MuPDF cannot read
    covered: list[str] = field(default_factory=list)  # Dutch: "pagina 7: '8,3' (formulierveld)"
    covered_pages: list[int] = field(default_factory=list)  # the pages of ``covered``
    covered_by_icon_only: bool = True  # every covering annotation is a note icon (a person's call)
    visibly_changed: list[int] = field(default_factory=list)  # of changed_pages: content stream or text differs

    @property
    def pages_to_name(self) -> list[int]:
        """The pages to point a person at: where the content visibly changed, else every page
        whose resources changed (a shared font changes them all)."""
        return self.visibly_changed or self.changed_pages

    @property
    def content_changed(self) -> bool:
        return bool(self.changed_pages or self.unexplained)


def revision_problem(data: bytes, doc: pymupdf.Document, reader) -> str | None:
    """A Dutch reason when the revision MuPDF reads may differ from the one pyHanko validated."""
    if getattr(doc, "is_repaired", False):
        return "het bestand is beschadigd en moest bij het lezen worden hersteld, zodat niet vast te stellen is welke versie wordt getoond"
    found = _STARTXREF.findall(data[-4096:]) or _STARTXREF.findall(data)
    viewer = int(found[-1]) if found else None
    if viewer != reader.last_startxref:
        return ("PDF-lezers tonen een andere versie van het bestand dan de versie waarvan de handtekening is gecontroleerd "
                f"(startxref {viewer} tegenover {reader.last_startxref})")
    eof = data.rfind(b"%%EOF")
    if eof < 0 or data[eof + 5:].strip(b" \t\r\n\f\x00"):
        return "na het laatste %%EOF staan nog gegevens die geen deel zijn van een geldige versie van het bestand"
    # MuPDF counts a linearized file's first-page xref as part of its first version, pyHanko as a
    # revision of its own: only MuPDF seeing MORE versions than pyHanko checked is a disagreement.
    versions = getattr(doc, "version_count", None)
    if versions is not None and versions > reader.xrefs.total_revisions:
        return (f"het bestand telt {versions} versies volgens de ene lezer en {reader.xrefs.total_revisions} volgens de "
                "andere; niet vast te stellen welke versie wordt getoond")
    return None


_UNREADABLE = "\x00unreadable: "


class _Objects:
    """Object sources of one MuPDF document, read once. An object MuPDF cannot read (missing from
    the xref, nested too deep) reads as a marker with the error, so two equal failures compare
    equal and a failure never equals a readable object."""

    def __init__(self, doc: pymupdf.Document) -> None:
        self.doc = doc
        self.length = doc.xref_length()
        self._src: dict[int, str] = {}
        self._raw: dict[int, bytes] = {}

    def src(self, xref: int) -> str:
        if xref not in self._src:
            try:
                self._src[xref] = self.doc.xref_object(xref, compressed=True) if 0 < xref < self.length else ""
            except Exception as exc:  # noqa: BLE001 - MuPDF refuses e.g. an array nested too deep
                # A number with no object (free, or the xref stream itself) is simply absent.
                self._src[xref] = "" if "cannot find object" in str(exc) else f"{_UNREADABLE}{exc}"
        return self._src[xref]

    def raw(self, xref: int) -> bytes:
        if xref not in self._raw:
            try:
                self._raw[xref] = self.doc.xref_stream_raw(xref) if 0 < xref < self.length and self.doc.xref_is_stream(xref) else b""
            except Exception as exc:  # noqa: BLE001
                self._raw[xref] = f"{_UNREADABLE}{exc}".encode()
        return self._raw[xref]

    def same(self, other: _Objects, xref: int) -> bool:
        return self.src(xref) == other.src(xref) and self.raw(xref) == other.raw(xref)


def _refs(text: str | None, skip: set[str] = frozenset()) -> list[int]:
    if not text:
        return []
    if skip:
        text = _strip_keys(text, skip)
    return [int(m.group(1)) for m in _REF.finditer(text)]


def _strip_keys(text: str, keys: set[str]) -> str:
    """Remove ``/Key value`` entries of a top-level dictionary (value: a reference, a name, a
    number or a bracketed array), so that their references are not followed."""
    for key in keys:
        text = re.sub(rf"/{key}\s*(?:\d+ \d+ R|\[[^\]]*\]|/\w+|[\d.]+)", "", text)
    return text


def _closure(objs: _Objects, roots: list[int], skip_first: set[str] = frozenset(), skip: set[str] = frozenset(),
             limit: int = MAX_OBJECTS) -> set[int]:
    """Every object reachable from ``roots``; keys in ``skip_first`` are not followed from the
    roots, keys in ``skip`` nowhere (/P and /Parent lead from an annotation back to its page)."""
    seen: set[int] = set()
    todo = [(r, True) for r in roots]
    while todo and len(seen) < limit:
        xref, first = todo.pop()
        if xref in seen:
            continue
        seen.add(xref)
        todo += [(r, False) for r in _refs(objs.src(xref), (skip_first | skip) if first else skip)]
    return seen


def _page_dependencies(objs: _Objects, page_xref: int) -> set[int]:
    """The page dictionary and everything its look depends on, including resources, boxes and
    rotation inherited from its /Pages ancestors; not its annotations."""
    deps = _closure(objs, [page_xref], PAGE_KEYS_NOT_CONTENT)
    parent = _parent(objs.src(page_xref))
    hops = 0
    while parent and hops < 64:
        hops += 1
        deps.add(parent)
        text = objs.src(parent) or ""
        for key in INHERITED:
            m = re.search(rf"/{key}\s*(\d+) \d+ R", text)
            if m:
                deps |= _closure(objs, [int(m.group(1))])
        parent = _parent(text)
    return deps


def _parent(text: str | None) -> int | None:
    m = re.search(r"/Parent\s*(\d+) \d+ R", text or "")
    return int(m.group(1)) if m else None


def _inherited_part(text: str | None) -> str:
    """Of a /Pages node, only what a page inherits: the rest (Kids, Count) changes when pages are
    added, which is judged by the page count."""
    parts = []
    for key in INHERITED:
        m = re.search(rf"/{key}\s*(\d+ \d+ R|\[[^\]]*\]|-?[\d.]+|<<.*?>>)", text or "", re.S)
        parts.append(m.group(1) if m else "")
    return "|".join(parts)


def _without(text: str | None, keys: set[str]) -> str | None:
    return None if text is None else _strip_keys(text, keys)


def _annotations(objs: _Objects, page_xref: int) -> list[int]:
    text = objs.src(page_xref) or ""
    m = re.search(r"/Annots\s*(\[[^\]]*\]|(\d+) \d+ R)", text)
    if not m:
        return []
    if m.group(2):  # an indirect array
        text = objs.src(int(m.group(2))) or ""
        return [int(r.group(1)) for r in _REF.finditer(text)]
    return [int(r.group(1)) for r in _REF.finditer(m.group(1))]


def compare(signed_data: bytes, current: pymupdf.Document) -> RevisionDiff:
    """Compare the signed revision (``signed_data``, the file up to the end of the signed byte
    range) with the document as MuPDF reads it now."""
    diff = RevisionDiff()
    with pymupdf.open(stream=signed_data, filetype="pdf") as signed:
        before, after = _Objects(signed), _Objects(current)
        if after.length > MAX_OBJECTS:
            diff.unexplained.append(f"het bestand heeft te veel objecten ({after.length}) om te vergelijken")
            return diff
        changed = {x for x in range(1, after.length) if not after.same(before, x)}
        if not changed:
            return diff
        explained: set[int] = set()
        for number in range(1, current.page_count + 1):
            page_xref = current[number - 1].xref
            if number > signed.page_count or signed[number - 1].xref != page_xref:
                diff.changed_pages.append(number)
                continue
            deps = _page_dependencies(after, page_xref)
            parents = {p for p in deps if p != page_xref and (after.src(p) or "").find("/Kids") >= 0}
            content_changed = any(
                x in changed and (x not in parents or _inherited_part(after.src(x)) != _inherited_part(before.src(x)))
                and (x != page_xref or _without(after.src(x), {"Annots"}) != _without(before.src(x), {"Annots"}))
                for x in deps
            )
            explained |= deps & changed
            if content_changed:
                diff.changed_pages.append(number)
                if _drawn_differently(signed[number - 1], current[number - 1]):
                    diff.visibly_changed.append(number)
                continue
            new_annots = _changed_annotations(before, after, page_xref, changed)
            explained |= new_annots["objects"]
            if new_annots["xrefs"]:
                # A widget is a form field (a countersignature, a filled-in box): form filling.
                widgets = [x for x in new_annots["xrefs"] if (_SUBTYPE.search(after.src(x)) or [None, ""])[1] == "Widget"]
                diff.form_changed |= bool(widgets)
                if len(widgets) < len(new_annots["xrefs"]):
                    diff.annotated_pages.append(number)
                _covering(diff, signed[number - 1], current, number, new_annots["xrefs"], after)
        if signed.page_count > current.page_count:
            diff.changed_pages.append(current.page_count)  # pages removed: name the last one left
        form = _form_objects(after)
        if changed & form:
            diff.form_changed = True
            explained |= form
        explained |= _bookkeeping(after, current)
        root = current.pdf_catalog()
        if _without(after.src(root), CATALOG_BOOKKEEPING) == _without(before.src(root), CATALOG_BOOKKEEPING):
            explained.add(root)
        rest = changed - explained
        if rest:
            # Objects nothing refers to cannot change what is shown (pyHanko leaves the empty
            # appearance of a field it signs behind, for one); but one MuPDF cannot even read
            # might be read differently by another reader: a person should look.
            trailer = current.pdf_trailer(compressed=True) or ""
            roots = [root] + [int(m.group(1)) for m in re.finditer(r"/(?:Info|Encrypt)\s*(\d+) \d+ R", trailer)]
            reachable = _closure(after, roots)
            for x in sorted(rest):
                if x in reachable:
                    diff.unexplained.append(_describe(after, x))
                elif after.src(x).startswith(_UNREADABLE):
                    diff.unverifiable.append(_describe(after, x))
    return diff


def _drawn_differently(before, after) -> bool:
    try:
        return before.read_contents() != after.read_contents() or before.get_text() != after.get_text()
    except Exception:  # noqa: BLE001
        return True


def _changed_annotations(before: _Objects, after: _Objects, page_xref: int, changed: set[int]) -> dict:
    """Annotations of the page that are new or whose dictionary or appearance changed."""
    old = set(_annotations(before, page_xref))
    xrefs, objects = [], set()
    for annot in _annotations(after, page_xref):
        closure = _closure(after, [annot], skip=BACK_LINKS)
        objects |= closure
        if annot not in old or closure & changed:
            xrefs.append(annot)
    m = re.search(r"/Annots\s*(\d+) \d+ R", after.src(page_xref) or "")
    if m:
        objects.add(int(m.group(1)))
    return {"xrefs": xrefs, "objects": objects}


def _covering(diff: RevisionDiff, signed_page, current: pymupdf.Document, number: int, annots: list[int], objs: _Objects) -> None:
    """Name the words of the signed page that a new or changed annotation is drawn over."""
    words = signed_page.get_text("words")
    page = current[number - 1]
    by_xref = {a.xref: a for a in page.annots() or []}
    by_xref |= {w.xref: w for w in page.widgets() or []}
    for xref in annots:
        src = objs.src(xref) or ""
        subtype = (_SUBTYPE.search(src) or [None, "?"])[1]
        flags = int((_FLAGS.search(src) or [None, "0"])[1])
        if subtype in NOT_DRAWN_ANNOTS and "/AP" not in src or flags & HIDDEN_FLAGS:
            continue
        annot = by_xref.get(xref)
        rect = annot.rect if annot is not None else None
        if rect is None or rect.is_empty:
            continue
        hit = [w[4] for w in words if _covers(rect, pymupdf.Rect(w[:4]))]
        if hit:
            shown = " ".join(hit[:8]) + (" …" if len(hit) > 8 else "")
            diff.covered.append(f"pagina {number}: '{shown}' ({_kind(subtype)})")
            if number not in diff.covered_pages:
                diff.covered_pages.append(number)
            if subtype not in ICON_ANNOTS:
                diff.covered_by_icon_only = False


def _covers(rect: pymupdf.Rect, word: pymupdf.Rect) -> bool:
    """Half of the word's area or more lies under the annotation."""
    inter = pymupdf.Rect(rect) & word
    return not inter.is_empty and inter.get_area() >= 0.5 * max(word.get_area(), 1e-6)


def _kind(subtype: str) -> str:
    return {"Widget": "formulierveld", "Text": "notitie", "FreeText": "tekstvak", "Stamp": "stempel",
            "Square": "rechthoek", "Ink": "tekening"}.get(subtype, f"annotatie {subtype}")


def _form_objects(objs: _Objects) -> set[int]:
    """The interactive form: the /AcroForm dictionary and its fields (with their kids)."""
    root = objs.doc.pdf_catalog()
    m = re.search(r"/AcroForm\s*(\d+) \d+ R", objs.src(root) or "")
    if not m:
        return set()
    return _closure(objs, [int(m.group(1))], skip=BACK_LINKS)


def _bookkeeping(objs: _Objects, doc: pymupdf.Document) -> set[int]:
    """Objects that do not change what a page shows: the catalog when only its form, metadata or
    validation data changed, document info, metadata, object and xref streams, validation data."""
    keep: set[int] = set()
    trailer = doc.pdf_trailer(compressed=True) if hasattr(doc, "pdf_trailer") else ""
    m = re.search(r"/Info\s*(\d+) \d+ R", trailer or "")
    if m:
        keep.add(int(m.group(1)))
    for x in range(1, objs.length):
        src = objs.src(x) or ""
        kind = (_TYPE.search(src) or [None, None])[1]
        if kind in BOOKKEEPING_TYPES:
            keep |= _closure(objs, [x]) if kind in ("DSS", "VRI") else {x}
    return keep


def _describe(objs: _Objects, xref: int) -> str:
    src = objs.src(xref)
    if src.startswith(_UNREADABLE):
        return f"object {xref} (onleesbaar)"
    kind = (_TYPE.search(src) or [None, None])[1]
    return f"object {xref}" + (f" ({kind})" if kind else "")
