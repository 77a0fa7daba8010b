"""Open a PDF once and give parsers its text with positions.

The file is read into memory once (hashed from those bytes), opened with
PyMuPDF from that buffer, and every page's words are extracted once. Parsers
work on :class:`Word`, :class:`Line` and :class:`Block` objects; the few that
need exact table geometry ask :meth:`Document.plumber_page` for a pdfplumber
page, opened lazily from the same bytes.
"""

from __future__ import annotations

import errno
import hashlib
import io
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ._pymupdf import pymupdf
from . import ocr
from .batch import DEFAULT_MAX_BYTES, display_path  # noqa: F401 - display_path: re-exported
from .errors import ErrorCode, KtoError, is_memory_error

if TYPE_CHECKING:
    import pdfplumber.page

# Share of the page height at the top and bottom treated as running header / footer.
MARGIN_SHARE = 0.06


class Word(NamedTuple):
    """One word with its box. A tuple: a report has tens of thousands, and building a frozen
    dataclass costs three times as much."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    page: int  # 1-based
    block: int
    line: int

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


# Characters a producer writes that are not what a reader sees: the typographic ligatures as
# single characters ('ﬁ' in 'deﬁnitief'), the soft hyphen and zero-width characters (invisible
# inside a word), and the narrow and thin spaces that separate words ('8,0\u202f%', '1\u2009januari')
# without being a space to PyMuPDF.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
_THIN_SPACES = re.compile("[\u2002-\u200a\u202f\u205f\u3000]+")
_ODD = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\ufb00-\ufb06\u2002-\u200a\u202f\u205f\u3000]")


def _printed_words(x0: float, x1: float, text: str) -> list[tuple[float, float, str]]:
    """A word of the text layer as it reads: ligatures spelled out, invisible characters dropped,
    split at a thin space (each part's box in proportion to its characters). Nearly every word has
    none of these, and stays as it is."""
    if not _ODD.search(text):
        return [(x0, x1, text)]
    parts = _THIN_SPACES.split(text)
    out, at, n = [], 0, len(text)
    for part in parts:
        start = text.index(part, at) if part else at
        at = start + len(part)
        clean = part.translate(_INVISIBLE).translate(_LIGATURES)
        if clean:
            out.append((x0 + (x1 - x0) * start / n, x0 + (x1 - x0) * at / n, clean))
    return out


def _bbox(words: list[Word]) -> tuple[float, float, float, float]:
    return (
        round(min(w.x0 for w in words), 1),
        round(min(w.y0 for w in words), 1),
        round(max(w.x1 for w in words), 1),
        round(max(w.y1 for w in words), 1),
    )


@dataclass(slots=True)
class Line:
    words: list[Word]
    text: str = field(init=False)  # parsers read it many times; joined once

    def __post_init__(self) -> None:
        self.text = " ".join(w.text for w in self.words)

    @property
    def page(self) -> int:
        return self.words[0].page

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return _bbox(self.words)


_CONJUNCTION = re.compile(r"(?:en|of|tot|en/of|t/m)(?![^\W\d_])")


def join_lines(text: str, nxt: str) -> str:
    """Text and its next line: a line that ends after a slash goes on without a space ('telefoon/'
    over 'email/app', where a printer may break); a word hyphenated at the line end ('col-' over
    'lega’s?', as TeX and word processors hyphenate) is one word again, unless the next line opens
    with a conjunction ('werknemer-' over 'en werkgeversvragen') or a capital; otherwise a space."""
    if not text:
        return nxt
    if not nxt:
        return text
    if text.endswith("/") and nxt[:1].isalnum():
        return text + nxt
    if text.endswith("-") and text[-2:-1].isalpha() and nxt[:1].islower() and not _CONJUNCTION.match(nxt):
        return text[:-1] + nxt
    return f"{text} {nxt}"


@dataclass(slots=True)
class Block:
    """A paragraph as PyMuPDF groups it; ``text`` joins its lines with single spaces."""

    lines: list[Line]
    in_margin: bool = False
    text: str = field(init=False)

    def __post_init__(self) -> None:
        text = ""
        for line in self.lines:
            text = join_lines(text, line.text)
        self.text = text

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return _bbox([w for line in self.lines for w in line.words])


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    blocks: list[Block] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [line for block in self.blocks for line in block.lines]

    @property
    def body_blocks(self) -> list[Block]:
        """Blocks outside the running header and footer."""
        return [b for b in self.blocks if not b.in_margin]


def _group(words: list[Word], height: float) -> list[Block]:
    """Words into PyMuPDF's blocks and lines. The words come in block and line order already, so
    the sort costs one pass; it only guards against a producer that interleaves them."""
    top, bottom = height * MARGIN_SHARE, height * (1 - MARGIN_SHARE)
    out = []
    ordered = sorted(words, key=lambda w: (w.block, w.line))
    for _, in_block in groupby(ordered, key=lambda w: w.block):
        lines = [Line(list(ws)) for _, ws in groupby(in_block, key=lambda w: w.line)]
        y0 = min(w.y0 for line in lines for w in line.words)
        y1 = max(w.y1 for line in lines for w in line.words)
        out.append(Block(lines, in_margin=y1 <= top or y0 >= bottom))
    return out


def _unrotate(raw: list, matrix) -> list:
    """Word boxes of a page with /Rotate in the coordinates of the page as it is shown (PyMuPDF
    gives them in the unrotated page's), so that a landscape table reads left to right."""
    out = []
    for (x0, y0, x1, y1, *rest) in raw:
        r = pymupdf.Rect(x0, y0, x1, y1) * matrix
        r.normalize()
        out.append((r.x0, r.y0, r.x1, r.y1, *rest))
    return out


# A picture larger than this (pixels, as its dictionary says) is not read by OCR: a table pasted in
# is far smaller, and decoding a picture bomb must not be what an unrecognised report costs.
MAX_PICTURE_PIXELS = 40_000_000


class Document:
    """One opened PDF. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path, data: bytes, fitz_doc: "pymupdf.Document", use_ocr: bool = True,
                 readable: bytes | None = None) -> None:
        self.path = path
        self.data = data  # the file's bytes, as hashed and as signed
        # What the readers open: the same bytes, unless only the attachments are encrypted (then
        # with the encryption entry switched off, see _pages_in_clear).
        self.readable = data if readable is None else readable
        self.encrypted_attachments = readable is not None
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.fitz = fitz_doc
        self.repaired = bool(getattr(fitz_doc, "is_repaired", False))
        self._plumber = None
        self.use_ocr = use_ocr and ocr.available()
        self.ocr_pages: list[int] = []  # pages whose words were read by OCR
        self.scanned_pages: list[int] = []  # pages with an image and no text layer
        self.ocr_failed_pages: list[int] = []  # scanned pages whose reading by OCR failed (left unread)
        self.picture_pages: list[int] = []  # born-digital pages whose pictures were read by OCR (ocr_pictures)
        # Tesseract's confidence (0-100) of every word of an OCR page, in the order of Page.words
        self.ocr_confidence: dict[int, list[float]] = {}

    @property
    def page_count(self) -> int:
        return self.fitz.page_count

    @cached_property
    def pages(self) -> list[Page]:
        pages = []
        for index in range(self.fitz.page_count):
            number = index + 1
            try:  # what MuPDF reads of the file; a fault here is the PDF's
                fpage = self.fitz[index]
                raw = fpage.get_text("words")
                width, height = fpage.rect.width, fpage.rect.height
                scanned = ocr.needs_ocr(fpage, raw)
                rotation, rotation_matrix = fpage.rotation, fpage.rotation_matrix
            except Exception as exc:
                if is_memory_error(exc):
                    raise
                raise PdfFault(exc) from exc
            if scanned:
                self.scanned_pages.append(number)
                if self.use_ocr:
                    try:
                        read = ocr.read(fpage)
                    except (KtoError, MemoryError, OSError):
                        raise  # a time or resource limit, a missing Tesseract: the file's outcome
                    except Exception:  # noqa: BLE001 - a fault in reading one scanned page
                        # is no fault of the PDF: the page stays unread and a person is told
                        self.ocr_failed_pages.append(number)
                        pages.append(Page(number, width, height, [], []))
                        continue
                    raw, width, height = read.words, read.width, read.height
                    self.ocr_confidence[number] = read.confidence
                    self.ocr_pages.append(number)
                elif raw:  # the scanner's own OCR, when ours is not there: no more trusted than ours
                    self.ocr_pages.append(number)
                    if rotation:
                        raw = _unrotate(raw, rotation_matrix)
            elif rotation and raw:  # a landscape page stored rotated: words as the page is shown
                raw = _unrotate(raw, rotation_matrix)
            words = [Word(x0, y0, x1, y1, text, number, block, line)
                     for (x0, y0, x1, y1, raw_text, block, line, _wno) in raw
                     for (x0, x1, text) in _printed_words(x0, x1, raw_text)]
            pages.append(Page(number, width, height, words, _group(words, height)))
        return pages

    def drawings(self, number: int) -> list[dict]:
        """PyMuPDF's vector paths of page ``number`` (1-based), extracted once per document: the
        table rulings, the signature's ink strokes and the text-layer check all look at them."""
        cache = self.__dict__.setdefault("_drawings", {})
        if number not in cache:
            cache[number] = self.fitz[number - 1].get_drawings()
        return cache[number]

    def ocr_pictures(self, share: float = 0.12, max_pages: int = 10, max_pictures: int = 12) -> list[int]:
        """Read by OCR the pictures that may hold a table (a spreadsheet pasted into the report as
        an image) on pages with a text layer: each picture of at least ``share`` of its page, not
        covering it (that is a scan, read already). Its words replace the text layer's inside it,
        and the page counts as an OCR page, so no value from it fails a report alone. Costs seconds a
        picture: asked for only when no parser recognised the report. Returns the pages read."""
        if not self.use_ocr:
            return []
        from . import scan

        done: list[int] = []
        pictures = 0
        for page in self.pages:
            if len(done) >= max_pages or pictures >= max_pictures:
                break
            fpage = self.fitz[page.number - 1]
            if page.number in self.ocr_pages or fpage.rotation:
                continue
            area = abs(fpage.rect)
            pixels = {item[0]: item[2] * item[3] for item in fpage.get_images(full=True)}  # from the dictionary, not decoded
            boxes = [pymupdf.Rect(b) & fpage.rect for xref, b in image_boxes(fpage) if pixels.get(xref, 0) <= MAX_PICTURE_PIXELS]
            boxes = [b for b in boxes if share * area <= abs(b) < 0.8 * area][:max_pictures - pictures]
            if not boxes:
                continue
            words = [w for w in page.words if not any(b.contains(pymupdf.Point(w.cx, w.cy)) for b in boxes)]
            confidence = [100.0] * len(words)  # the text layer's own words are as printed
            pictures += len(boxes)
            for k, box in enumerate(boxes):
                if ocr.before_page is not None:
                    ocr.before_page()
                piece = pymupdf.open()
                try:
                    target = piece.new_page(width=box.width, height=box.height)
                    target.show_pdf_page(target.rect, self.fitz, page.number - 1, clip=box)
                    found, prepared = scan.read_page(target, ocr.tessdata())
                finally:
                    piece.close()
                if prepared.quarter_turns:
                    continue  # a picture on its side: not a table to read here
                for w in found:
                    words.append(Word(w.x0 + box.x0, w.y0 + box.y0, w.x1 + box.x0, w.y1 + box.y0, ocr.ocr_word(w.text),
                                      page.number, 1000 * (k + 1) + w.block, w.line))
                    confidence.append(w.conf)
            page.words = words
            page.blocks = _group(words, page.height)
            self.ocr_pages.append(page.number)
            self.picture_pages.append(page.number)
            self.ocr_confidence[page.number] = confidence
            done.append(page.number)
        if done:
            for cache in ("_reader_ruled", "_absence_texts"):  # computed from the words before
                self.__dict__.pop(cache, None)
        return done

    def confidence(self, word: Word) -> float | None:
        """Tesseract's confidence (0-100) in a word of an OCR page; None for a born-digital word."""
        confs = self.ocr_confidence.get(word.page)
        if confs is None:
            return None
        for w, conf in zip(self.pages[word.page - 1].words, confs):
            if w == word:
                return conf
        return None

    def page(self, number: int) -> Page:
        return self.pages[number - 1]

    def active_content(self) -> str | None:
        """A Dutch note when the PDF carries JavaScript or attached files. kto-ingest never runs
        or extracts them; the account manager may want to know they are there."""
        parts = []
        if re.search(rb"/J(?:avaScript|S)[\s(<\[/]", self.data):
            parts.append("JavaScript")
        try:
            names = [self.fitz.embfile_info(i)["filename"] for i in range(self.fitz.embfile_count())]
        except Exception:  # noqa: BLE001 - a broken name tree is not worth an error
            names = []
        if names:
            locked = " versleuteld(e)" if self.encrypted_attachments else ""
            parts.append(f"{len(names)}{locked} ingesloten bestand(en) ({', '.join(names)})")
        if not parts:
            return None
        return f"De PDF bevat {' en '.join(parts)}; kto-ingest heeft die niet uitgevoerd of geopend."

    @property
    def has_text(self) -> bool:
        return any(p.words for p in self.pages)

    def plumber_page(self, number: int) -> "pdfplumber.page.Page":
        """pdfplumber's view of one page, for exact table geometry. Opened once, from the same bytes."""
        if self._plumber is None:
            import pdfplumber  # imported here: only a table page ever needs it

            self._plumber = pdfplumber.open(io.BytesIO(self.readable))
        return self._plumber.pages[number - 1]

    def close(self) -> None:
        if self._plumber is not None:
            self._plumber.close()
            self._plumber = None
        self.fitz.close()

    def __enter__(self) -> "Document":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sniff(head: bytes) -> str | None:
    """A short Dutch description of what a non-PDF file looks like; None when it is not known."""
    h = head.lstrip()[:16].lower()
    if head.startswith(b"\x89PNG"):
        return "een PNG-afbeelding"
    if head.startswith(b"\xff\xd8\xff"):
        return "een JPEG-afbeelding"
    if head.startswith(b"PK\x03\x04"):
        return "een ZIP- of Office-bestand (bijvoorbeeld .docx)"
    if h.startswith((b"<!doctype html", b"<html")):
        return "een webpagina (HTML)"
    return None


def _library_says(exc: BaseException) -> str:
    """The PDF library's own (English) words, quoted as such after a Dutch sentence."""
    text = " ".join(str(exc).split()).strip(" .")
    return f" (melding van de PDF-bibliotheek: \"{text[:200]}\")" if text else ""


def _os_problem(exc: OSError) -> KtoError:
    """A Dutch message for why the operating system would not give us the file."""
    reasons = {
        errno.EACCES: "er zijn geen leesrechten",
        errno.EPERM: "er zijn geen leesrechten",
        errno.ELOOP: "het is een snelkoppeling (symbolische link) die naar zichzelf verwijst",
        errno.ENXIO: "het is geen gewoon bestand",
        errno.EISDIR: "het is een map",
    }
    if exc.errno == errno.ENOENT:
        return KtoError(ErrorCode.NOT_FOUND)
    reason = reasons.get(exc.errno) or f"{exc.strerror or exc}"
    return KtoError(ErrorCode.UNREADABLE, f"Het bestand kan niet worden gelezen: {reason}.")


_KINDS = {stat.S_IFIFO: "een named pipe", stat.S_IFSOCK: "een socket", stat.S_IFCHR: "een apparaat", stat.S_IFBLK: "een apparaat"}


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a candidate file read-only, refusing what cannot be a PDF we can check."""
    try:
        st = path.stat()
    except OSError as exc:
        raise _os_problem(exc) from None
    if not stat.S_ISREG(st.st_mode):  # a pipe would block forever, a device never end
        kind = "een map" if stat.S_ISDIR(st.st_mode) else _KINDS.get(stat.S_IFMT(st.st_mode), "geen gewoon bestand")
        raise KtoError(ErrorCode.UNREADABLE, f"Dit is geen gewoon bestand maar {kind}; het is niet geopend.")
    if st.st_size == 0:
        raise KtoError(ErrorCode.EMPTY)
    if st.st_size > max_bytes:
        raise KtoError(
            ErrorCode.TOO_LARGE,
            f"Het bestand is {st.st_size / 1e6:.0f} MB; de grens is {max_bytes / 1e6:.0f} MB.",
        )
    try:
        with open(path, "rb") as fh:  # read-only: input files are never written to
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise _os_problem(exc) from None
    if not data:
        raise KtoError(ErrorCode.EMPTY)
    if b"%PDF-" not in data[:1024]:
        kind = _sniff(data[:64])
        message = (f"Het bestand is geen PDF maar {kind}." if kind else
                   "Het bestand is geen PDF: aan het begin staat niet de aanduiding '%PDF-' die elke PDF heeft.")
        raise KtoError(ErrorCode.NOT_A_PDF, message,
                       sha256=hashlib.sha256(data).hexdigest())
    return data


def open_document(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES, use_ocr: bool = True) -> Document:
    """Open one PDF or raise :class:`KtoError` with a stable code and a Dutch message."""
    path = Path(path)
    data = read_bytes(path, max_bytes)
    try:
        return _open(path, data, use_ocr)
    except KtoError as exc:  # the bytes are read already: identify the file from them
        exc.sha256 = hashlib.sha256(data).hexdigest()
        raise


class PdfFault(Exception):
    """MuPDF could not read part of the file (its cause says what it said)."""


def _open(path: Path, data: bytes, use_ocr: bool) -> Document:
    try:
        fdoc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises several types for broken files
        if is_memory_error(exc):
            raise
        raise KtoError(ErrorCode.CORRUPT, f"De PDF is beschadigd en kan niet worden geopend{_library_says(exc)}.") from None
    if getattr(fdoc, "is_repaired", False) and b"%%EOF" not in data[-2048:]:
        # MuPDF rebuilds what it can of a cut-off file; the rest of the report is simply missing.
        fdoc.close()
        raise KtoError(ErrorCode.CORRUPT, "De PDF is onvolledig (afgebroken, bijvoorbeeld bij het downloaden of mailen); "
                                          "vraag het bestand opnieuw op.")
    readable = None
    try:
        if fdoc.needs_pass:
            readable = _pages_in_clear(fdoc, data)
            fdoc.close()
            if readable is None:
                raise KtoError(ErrorCode.ENCRYPTED)
            fdoc = pymupdf.open(stream=readable, filetype="pdf")
            if fdoc.needs_pass:
                fdoc.close()
                raise KtoError(ErrorCode.ENCRYPTED)
        # MuPDF counts the pages only when asked; a broken page tree (a /Count that does not match
        # the pages, a negative one) raises here ("code=7: Invalid number of pages").
        page_count = fdoc.page_count
    except KtoError:
        raise
    except Exception as exc:  # noqa: BLE001 - PyMuPDF raises RuntimeError and its own types
        fdoc.close()
        if is_memory_error(exc):
            raise
        raise KtoError(ErrorCode.CORRUPT, "De paginaboom van de PDF is beschadigd (het aantal pagina's klopt niet); "
                                          f"de PDF kan niet worden gelezen{_library_says(exc)}.") from None
    if page_count == 0:
        fdoc.close()
        raise KtoError(ErrorCode.CORRUPT, "De PDF bevat geen pagina's.")
    doc = Document(path, data, fdoc, use_ocr, readable)
    try:
        doc.pages  # extract once, now, so that a broken page shows up here
    except PdfFault as fault:
        doc.close()
        raise KtoError(ErrorCode.CORRUPT, f"De tekst van de PDF kan niet worden gelezen{_library_says(fault.__cause__)}.") from None
    except KtoError:
        doc.close()
        raise  # a time or resource limit, a missing Tesseract
    except Exception as exc:
        doc.close()
        if is_memory_error(exc):
            raise
        # a fault in kto-ingest's own handling of the words: not the PDF's, and not to be blamed on it
        raise KtoError(ErrorCode.PARSER_FAILED, "De tekst van de PDF is gelezen, maar kon door een fout in kto-ingest (niet in "
                                                f"de PDF) niet worden verwerkt ({type(exc).__name__}: {exc}); controleer het "
                                                "rapport met de hand.") from None
    if not doc.has_text:
        doc.close()
        if doc.scanned_pages and not doc.use_ocr:
            raise KtoError(ErrorCode.NO_TEXT, "De PDF bevat geen tekst maar afbeeldingen (een scan). Tesseract met Nederlandse "
                           "taaldata is niet geïnstalleerd, dus de scan kan niet worden gelezen (Debian/Ubuntu: "
                           "apt-get install tesseract-ocr tesseract-ocr-nld).")
        if doc.ocr_pages:
            raise KtoError(ErrorCode.NO_TEXT, "De PDF is een scan en ook met tekstherkenning (OCR) is er geen tekst in gevonden.")
        raise KtoError(ErrorCode.NO_TEXT)
    return doc


# The trailer's /Encrypt key (followed by a reference or a dictionary, never /EncryptMetadata).
_ENCRYPT_KEY = re.compile(rb"/Encrypt(?=[\s<\d])")


def _pages_in_clear(fdoc: "pymupdf.Document", data: bytes) -> bytes | None:
    """Bytes that open without a password when only the attachments are encrypted; else None.

    A PDF may encrypt its embedded files alone (crypt filter /EFF, with /StmF and /StrF /Identity):
    a viewer shows the pages without a password and asks for one only to open an attachment.
    MuPDF asks for it at once. Since pages and strings are stored in the clear, switching the
    trailer's /Encrypt key off (same length, so no offset moves) gives MuPDF the same document
    without the lock; the attachments stay encrypted and are never opened.
    """
    try:
        kind, ref = fdoc.xref_get_key(-1, "Encrypt")
        if kind == "xref":
            xref = int(ref.split()[0])
            key = lambda name: fdoc.xref_get_key(xref, name)  # noqa: E731
        else:
            return None  # a direct dictionary in the trailer: rare; treat as encrypted
        version = key("V")
        if version[0] != "int" or int(version[1]) < 4:
            return None  # before crypt filters everything is encrypted
        if key("EFF")[0] != "name":
            return None  # without a filter for attachments the document itself is encrypted
        for name in ("StmF", "StrF"):
            kind, value = key(name)
            if kind != "null" and value != "/Identity":
                return None
    except Exception:  # noqa: BLE001 - an encryption dictionary we cannot read: encrypted it is
        return None
    return _ENCRYPT_KEY.sub(b"/NoCrypt", data)


def image_boxes(fitz_page) -> list[tuple[int, tuple[float, float, float, float]]]:
    """(xref, box) of each picture shown on the page. Through the resources and the content
    stream, without decoding a picture: get_image_info() decodes them all (a 256-megapixel JPEG
    2000 of 80 bytes then costs 1.3 GB)."""
    boxes = []
    for item in fitz_page.get_images(full=True):
        try:
            rect = fitz_page.get_image_bbox(item)
        except Exception:  # noqa: BLE001 - a picture that cannot be placed is no mark
            continue
        if rect.is_empty or rect.is_infinite:
            continue
        boxes.append((item[0], tuple(rect)))
    return boxes
