"""Prepare a scanned page for Tesseract and bring its words back onto the page.

Scans arrive at 150-300 dpi, in grey, colour (JPEG) or black-and-white (thresholded like a fax),
a degree or two askew, now and then upside down or sideways. Tesseract reads text lines best when
they are level, at about 300 dpi, black on white. So, per page:

1. render the page image at its own resolution (no detail is invented) and upsample it to 300 dpi;
2. find a page scanned sideways (text lines run vertically: the column profile is sharper than the
   row profile) and turn it;
3. estimate the skew from the text lines (the angle at which the row profile of dark pixels is
   sharpest, searched over small angles) and rotate the page level;
4. binarise: Otsu's threshold over the page tells ink from paper; the paper becomes white (no
   tone, no JPEG noise), table rules and specks of dust are erased, the ink keeps its grey edges;
5. OCR with Tesseract (TSV output: every word with its box and confidence);
6. when the words read are few or unsure, ask Tesseract's orientation detection (``--psm 0``) and,
   if it says the page is upside down or turned, read it again that way and keep the surer reading.

Word boxes are mapped back to page points (PDF units) in the levelled frame: the page as it would
lie straight on the scanner glass, the same size as the PDF page. That is where the table reader
expects upright text; a box lies at most a point or two from the skewed ink it came from.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from typing import NamedTuple
from pathlib import Path

import numpy as np
from PIL import Image

from ._pymupdf import pymupdf
from .ocr_numbers import normalise_numeric

TARGET_DPI = 300  # Tesseract's own recommendation for body text
MAX_SKEW = 5.0  # degrees searched either way; a worse scan is for a person to rescan
LANGUAGE = "nld"


class OcrWord(NamedTuple):
    """One word as Tesseract read it, in page points (levelled frame)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    block: int
    line: int
    conf: float  # Tesseract's confidence, 0-100


@dataclass(slots=True)
class PreparedPage:
    image: Image.Image  # mode "L" or "1", upright, levelled, at ``dpi``
    dpi: float
    skew: float  # degrees the scan was turned counter-clockwise (what was undone)
    quarter_turns: int  # 0-3, turns of 90 degrees that were undone
    source_dpi: float
    frame: tuple[float, float]  # width and height, in points, of the page as it now lies


def source_dpi(page: "pymupdf.Page") -> float:
    """The resolution of the largest image on the page, in pixels per inch of the page."""
    best = 0.0
    for info in page.get_image_info():
        x0, y0, x1, y1 = info["bbox"]
        if x1 - x0 <= 1 or y1 - y0 <= 1:
            continue
        dpi = max(info["width"] / ((x1 - x0) / 72), info["height"] / ((y1 - y0) / 72))
        best = max(best, dpi)
    return best or 200.0


def render(page: "pymupdf.Page", dpi: float, turn: float = 0.0) -> Image.Image:
    """The page as a grey image at ``dpi``, turned ``turn`` degrees counter-clockwise about its
    centre. MuPDF scales and turns the scanned image in one pass (interpolating), which is both
    sharper and faster than turning a rendered bitmap again."""
    matrix = pymupdf.Matrix(dpi / 72, dpi / 72).prerotate(turn)
    pix = page.get_pixmap(matrix=matrix, colorspace=pymupdf.csGRAY, alpha=False)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples)


def otsu_threshold(grey: np.ndarray) -> int:
    """Otsu's threshold of an 8-bit image: the grey level that best separates ink from paper."""
    hist = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    if total == 0:
        return 128
    levels = np.arange(256)
    weight0 = np.cumsum(hist)
    weight1 = total - weight0
    mean0 = np.cumsum(hist * levels)
    mean_all = mean0[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_all * weight0 - mean0 * total) ** 2 / (weight0 * weight1)
    between = np.nan_to_num(between[:-1])
    return int(np.argmax(between))


def is_bilevel(grey: np.ndarray) -> bool:
    """A thresholded scan rendered in grey: (nearly) every pixel is black or white."""
    sample = grey[:: 7, :: 7]
    return float(np.mean((sample < 16) | (sample > 239))) > 0.995


def binarise(img: Image.Image, dpi: float = TARGET_DPI) -> Image.Image:
    """Ink on white paper, mode "L": Otsu's threshold separates ink from paper; paper (a tone, JPEG
    noise, show-through) becomes white, table rules and specks are erased, and the ink keeps its
    grey edges. Tesseract reads the edges: a small decimal point ("1.1") survives them where a
    hard black-and-white cut loses it. A scan that is black-and-white already stays so."""
    grey = np.asarray(img, dtype=np.uint8)
    threshold = 128 if is_bilevel(grey) else otsu_threshold(grey)
    ink = grey <= threshold
    kept = remove_specks(remove_rules(ink, dpi), dpi)
    return Image.fromarray(np.where(kept, grey, 255).astype(np.uint8), "L")


def _runs(dark: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Pixels that lie on a straight run of at least ``length`` dark pixels along ``axis``."""
    d = np.moveaxis(dark.view(np.uint8), axis, -1)
    n = d.shape[-1]
    if n < length:
        return np.zeros_like(dark)
    c = np.pad(d, [(0, 0), (1, 0)]).cumsum(axis=-1, dtype=np.int32)
    full = (c[:, length:] - c[:, :-length]) == length  # the window starting here is all dark
    # a pixel is on a run when a full window covers it: count the windows starting up to
    # length - 1 pixels before it
    f = np.pad(full.view(np.uint8), [(0, 0), (length, length - 1)]).cumsum(axis=-1, dtype=np.int32)
    covered = (f[:, length:length + n] - f[:, :n]) > 0
    return np.moveaxis(covered, -1, axis)


# Table rules are longer than any letter stroke: at 300 dpi a letter of 12 pt is some 50 px high,
# a rule runs the width or height of a cell and more.
RULE_LENGTH_PT = 24.0


def _thicken(mask: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """``mask`` grown by ``radius`` pixels both ways along ``axis``."""
    out = mask.copy()
    for shift in range(1, radius + 1):
        out |= np.roll(mask, shift, axis=axis)
        out |= np.roll(mask, -shift, axis=axis)
    return out


def remove_rules(ink: np.ndarray, dpi: float) -> np.ndarray:
    """Ink without the straight horizontal and vertical rules of tables and boxes: Tesseract reads
    a vertical rule as "|" or "[" glued to a number, and a rule along a row as a line of dashes.
    A thin rule that was turned level again steps from one pixel row to the next, so a rule is
    looked for in the ink thickened by a few pixels across it, and erased with that margin."""
    length = max(8, round(RULE_LENGTH_PT * dpi / 72))
    radius = max(1, round(dpi / 150))
    horizontal = _thicken(_runs(_thicken(ink, radius, 0), length, axis=1), radius, 0)
    vertical = _thicken(_runs(_thicken(ink, radius, 1), length, axis=0), radius, 1)
    return ink & ~(horizontal | vertical)


def _window_sum(a: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """Sum of ``a`` over a window of ``radius`` either side, along ``axis`` (zero beyond the edge)."""
    pad = [(0, 0), (0, 0)]
    pad[axis] = (radius + 1, radius)
    c = np.pad(a, pad).cumsum(axis=axis, dtype=np.int32)
    n = a.shape[axis]
    upper = c[2 * radius + 1:] if axis == 0 else c[:, 2 * radius + 1:]
    lower = c[:n] if axis == 0 else c[:, :n]
    return upper - lower


def _box_sum(mask: np.ndarray, radius: int) -> np.ndarray:
    """For every pixel, the number of set pixels in the square of ``radius`` around it."""
    return _window_sum(_window_sum(mask.view(np.uint8), radius, 0), radius, 1)


# A speck of dust or toner: a dot of at most about 0.7 pt across with white all around it for
# 1.7 pt. A full stop, a decimal comma or the dots of "ë" lie closer to their letters than that.
# A decimal point between two digits may not: in "7.1" it stands some 2-3 pt from the stem of the
# "1", with a wide gap under the "7". So a dot with ink on both its left and its right within
# 3.5 pt, on its own line, is kept; a speck beside one word only ("2019" and a speck read "2019-")
# is not.
SPECK_PT = 0.7
SPECK_CLEARANCE_PT = 1.7
SPECK_SIDE_CLEARANCE_PT = 3.5


def remove_specks(ink: np.ndarray, dpi: float) -> np.ndarray:
    """Ink without isolated specks, which Tesseract reads as "-", "." or "‚" in an empty cell."""
    core = max(1, round(SPECK_PT * dpi / 72))
    outer = core + max(2, round(SPECK_CLEARANCE_PT * dpi / 72))
    side = core + max(2, round(SPECK_SIDE_CLEARANCE_PT * dpi / 72))
    inner_count = _box_sum(ink, core)
    isolated = ink & (inner_count == _box_sum(ink, outer))
    if not isolated.any():
        return ink
    # ink in the strips left and right of each pixel: outer < |dx| <= side, |dy| <= outer
    column = _window_sum(ink.view(np.uint8), outer, 0)
    c = np.pad(column, [(0, 0), (side + 1, side)]).cumsum(axis=1, dtype=np.int32)
    n = ink.shape[1]
    x = np.arange(n) + side + 1  # index of pixel x in the padded sums (c[:, k] = sum of column[:, :k - side])
    left = c[:, x - outer - 1] - c[:, x - side - 1]
    right = c[:, x + side] - c[:, x + outer]
    between = (left > 0) & (right > 0)
    return ink & ~(isolated & ~between)


# The scanner's dark border along an edge (the lid not closed on a thick stack): rows or columns
# at the page's edge that are mostly dark, and the shadow beside them. A straight dark band makes
# the projection profile sharpest along it: a border along the top pulls the skew estimate to 0,
# one along the side makes the page look sideways. Text never darkens most of a row or column.
BORDER_DARK_SHARE = 0.6
BORDER_MIN_SHARE = 0.005  # of the page's size across the edge: a band thinner than this is no border


def border_bands(dark: np.ndarray) -> tuple[int, int, int, int]:
    """How many rows (top, bottom) and columns (left, right) at the edges of ``dark`` are a dark
    scanner border with its shadow (the band's own width again beside it); 0 where there is none."""
    out = []
    for profile, size in ((dark.mean(axis=1), dark.shape[0]), (dark.mean(axis=0), dark.shape[1])):
        for line in (profile, profile[::-1]):
            band = int(np.argmin(line > BORDER_DARK_SHARE)) if not (line > BORDER_DARK_SHARE).all() else size
            out.append(min(size, 2 * band) if band >= max(1, BORDER_MIN_SHARE * size) else 0)
    top, bottom, left, right = out
    return top, bottom, left, right


def _ink(img: Image.Image, dpi: float, work_dpi: float = 100.0) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates (x, y) of dark pixels in a copy reduced to ``work_dpi``, for the profiles; a
    scanner's dark border along an edge is no ink."""
    factor = min(1.0, work_dpi / dpi)
    small = img.resize((max(1, round(img.width * factor)), max(1, round(img.height * factor))), Image.BOX)
    grey = np.asarray(small, dtype=np.uint8)
    dark = grey < min(otsu_threshold(grey), 200)
    top, bottom, left, right = border_bands(dark)
    if top or bottom or left or right:
        dark[:top] = dark[dark.shape[0] - bottom:] = False
        dark[:, :left] = dark[:, dark.shape[1] - right:] = False
    ys, xs = np.nonzero(dark)
    return xs.astype(np.float64), ys.astype(np.float64)


def _sharpness(positions: np.ndarray) -> float:
    """How peaked a projection profile is: the sum of squared bin counts. Level text lines put
    their ink into few rows, with white rows between."""
    if positions.size == 0:
        return 0.0
    bins = np.bincount(np.round(positions - positions.min()).astype(np.int64))
    return float(np.dot(bins, bins))


def _best_angle(xs: np.ndarray, ys: np.ndarray, angles: np.ndarray) -> tuple[float, float]:
    """The angle (degrees, counter-clockwise) at which rows of ink are sharpest, and that sharpness."""
    best, best_score = 0.0, -1.0
    for a in angles:
        t = np.tan(np.radians(a))
        # a line turned counter-clockwise by a rises to the right (y down): y = y0 - x tan a
        score = _sharpness(ys + xs * t)
        if score > best_score:
            best, best_score = float(a), score
    return best, best_score


def estimate_skew(img: Image.Image, dpi: float = TARGET_DPI) -> float:
    """The angle (degrees, counter-clockwise) the text lines of the page are turned by."""
    xs, ys = _ink(img, dpi)
    if xs.size < 50:
        return 0.0
    coarse, _ = _best_angle(xs, ys, np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.25))
    fine, _ = _best_angle(xs, ys, np.arange(coarse - 0.25, coarse + 0.25 + 1e-9, 0.05))
    return round(fine, 2)


def is_sideways(img: Image.Image, dpi: float = TARGET_DPI) -> bool:
    """Text lines run up and down: the column profile is much sharper than the row profile."""
    xs, ys = _ink(img, dpi, work_dpi=50.0)
    if xs.size < 50:
        return False
    angles = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.5)
    _, rows = _best_angle(xs, ys, angles)
    _, cols = _best_angle(ys, xs, angles)
    return cols > 1.5 * rows


def is_bilevel_scan(page: "pymupdf.Page") -> bool:
    """The page's largest image is black-and-white (one bit a pixel, as a fax or a thresholding
    scanner stores it)."""
    images = page.get_images(full=True)
    if not images:
        return False
    largest = max(images, key=lambda im: im[2] * im[3])
    return largest[4] == 1


def anisotropic_scan(page: "pymupdf.Page") -> Image.Image | None:
    """The page's scan as a grey image at its own pixels, when it fills the page, stands upright
    and its pixels are clearly not square (a fax: 204 by 98 per inch); else None."""
    infos = [i for i in page.get_image_info(xrefs=True) if i.get("xref")]
    if not infos:
        return None
    info = max(infos, key=lambda i: i["width"] * i["height"])
    a, b, c, d, _, _ = info["transform"]
    x0, y0, x1, y1 = info["bbox"]
    page_area = page.rect.width * page.rect.height
    if b or c or a <= 0 or d <= 0 or (x1 - x0) * (y1 - y0) < 0.9 * page_area:
        return None
    xres, yres = info["width"] / ((x1 - x0) / 72), info["height"] / ((y1 - y0) / 72)
    if max(xres, yres) < 1.3 * min(xres, yres):
        return None
    pix = pymupdf.Pixmap(page.parent, info["xref"])
    if pix.n - pix.alpha != 1:
        pix = pymupdf.Pixmap(pymupdf.csGRAY, pix)
    img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    scale = page.rect.width / (x1 - x0), page.rect.height / (y1 - y0)
    if abs(scale[0] - 1) > 0.02 or abs(scale[1] - 1) > 0.02:
        return None  # (a scan smaller than the page: left to MuPDF's rendering)
    return img


def prepare(page: "pymupdf.Page") -> PreparedPage:
    """Find how the page lies (on a small rendering), then render it once, upright and level, at
    300 dpi, and binarise it."""
    native = source_dpi(page)
    analysis_dpi = min(native, 150.0)
    small = render(page, analysis_dpi)
    turns = 0
    if is_sideways(small, analysis_dpi):
        turns = 1
        small = small.transpose(Image.ROTATE_270)
    skew = estimate_skew(small, analysis_dpi)
    stretched = anisotropic_scan(page)
    if stretched is not None:
        # pixels taller than wide (a fax: 204 x 98 per inch): MuPDF would repeat each row, a
        # staircase Tesseract misreads; the scan resized smoothly to square pixels reads as a
        # grey scan's would
        img = stretched.resize((round(page.rect.width * TARGET_DPI / 72), round(page.rect.height * TARGET_DPI / 72)), Image.BICUBIC)
        img = img.rotate(90 * turns - skew, resample=Image.BICUBIC, expand=bool(turns), fillcolor=255)  # (as MuPDF turns: clockwise)
    elif native < TARGET_DPI and is_bilevel_scan(page):
        # A black-and-white scan at low resolution: MuPDF's own upsampling of a 1-bit image keeps
        # its staircase edges and thin strokes (a decimal comma, the bar of an "f") break up.
        # Turned at its own resolution and then upsampled smoothly (bicubic), its strokes come out
        # whole with grey edges, as a grey scan's would.
        img = render(page, native, turn=skew - 90 * turns)
        img = img.resize((round(img.width * TARGET_DPI / native), round(img.height * TARGET_DPI / native)), Image.BICUBIC)
    else:
        img = render(page, TARGET_DPI, turn=skew - 90 * turns)
    return PreparedPage(binarise(img, TARGET_DPI), TARGET_DPI, skew, turns, native, _frame(page, turns))


def _frame(page: "pymupdf.Page", turns: int) -> tuple[float, float]:
    w, h = page.rect.width, page.rect.height
    return (h, w) if turns % 2 else (w, h)


def _tesseract(img: Image.Image, dpi: float, tessdata: str | None, psm: int = 3) -> str:
    """Tesseract's TSV for one image (page segmentation mode ``psm``: 3 = a page, 8 = one word)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one core per file; the batch runs files side by side
    if tessdata:
        env["TESSDATA_PREFIX"] = tessdata
    with tempfile.TemporaryDirectory(prefix="kto-ocr-") as tmp:
        path = Path(tmp) / "page.png"
        img.save(path, "PNG", compress_level=1)
        cmd = ["tesseract", str(path), "stdout", "-l", LANGUAGE, "--psm", str(psm), "--dpi", str(round(dpi)), "tsv"]
        proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"tesseract: {proc.stderr.decode(errors='replace').strip()[:300]}")
    return proc.stdout.decode("utf-8", errors="replace")


def parse_tsv(tsv: str, scale: float, offset: tuple[float, float] = (0.0, 0.0)) -> list[OcrWord]:
    """Tesseract's TSV into words; a pixel box becomes ``pixel * scale + offset`` in points. Blocks
    are Tesseract's paragraphs (block and paragraph number), lines numbered within them. A word
    gets the top and bottom of its line, as PDF text does (a font's line height), not its ink's:
    a dash or a comma then stays in the row of the words beside it."""
    words: list[OcrWord] = []
    blocks: dict[tuple[int, int], int] = {}
    lines: dict[tuple[int, int, int], int] = {}
    per_block: dict[int, int] = {}
    reader = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if not header:
        return words
    col = {name: i for i, name in enumerate(header)}
    ox, oy = offset
    line_box: dict[tuple[int, int, int], tuple[int, int]] = {}
    for row in reader:
        if len(row) < len(header):
            continue
        if row[col["level"]] == "4":  # a line: its top and bottom are every word's, as in a PDF
            top, height = int(row[col["top"]]), int(row[col["height"]])
            line_box[(int(row[col["block_num"]]), int(row[col["par_num"]]), int(row[col["line_num"]]))] = (top, top + height)
            continue
        if row[col["level"]] != "5":
            continue
        text = row[col["text"]].strip()
        if not text:
            continue
        key = (int(row[col["block_num"]]), int(row[col["par_num"]]))
        block = blocks.setdefault(key, len(blocks))
        line_key = (*key, int(row[col["line_num"]]))
        if line_key not in lines:
            lines[line_key] = per_block.get(block, 0)
            per_block[block] = lines[line_key] + 1
        left, width = int(row[col["left"]]), int(row[col["width"]])
        top, bottom = line_box.get(line_key) or (int(row[col["top"]]), int(row[col["top"]]) + int(row[col["height"]]))
        words.append(OcrWord(round(left * scale + ox, 2), round(top * scale + oy, 2),
                             round((left + width) * scale + ox, 2), round(bottom * scale + oy, 2),
                             text, block, lines[line_key], float(row[col["conf"]])))
    return words


def mean_confidence(words: list[OcrWord]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 0.0


def orientation(img: Image.Image, dpi: float, tessdata: str | None) -> int:
    """Tesseract's orientation detection (``--psm 0``): the degrees its "Rotate" line says the
    image must be turned to stand upright (0, 90, 180 or 270), 0 when it cannot tell."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    if tessdata:
        env["TESSDATA_PREFIX"] = tessdata
    with tempfile.TemporaryDirectory(prefix="kto-osd-") as tmp:
        path = Path(tmp) / "page.png"
        img.save(path, "PNG", compress_level=1)
        proc = subprocess.run(["tesseract", str(path), "stdout", "--psm", "0", "--dpi", str(round(dpi))],
                              capture_output=True, env=env, check=False)
    for line in proc.stdout.decode(errors="replace").splitlines():
        if line.startswith("Rotate:"):
            return int(line.split(":")[1].strip()) % 360
    return 0


# A reading is unsure when Tesseract's mean word confidence is below this, or when it found almost
# no words: then the page may be upside down or turned, and orientation detection is asked. These
# are not rule thresholds: they only decide whether a second reading is worth its seconds.
UNSURE_CONFIDENCE = 60.0
FEW_WORDS = 5


def _read(img: Image.Image, dpi: float, frame: tuple[float, float], tessdata: str | None) -> list[OcrWord]:
    """OCR one prepared image; boxes in points of ``frame``, the image centred on the frame."""
    scale = 72.0 / dpi
    offset = (frame[0] / 2 - img.width * scale / 2, frame[1] / 2 - img.height * scale / 2)
    return split_paragraphs(parse_tsv(_tesseract(img, dpi, tessdata), scale, offset))


# Tesseract now and then takes lines far apart for one paragraph: a cover's title, "Rapportage ten
# behoeve van X", "Definitief" and "Datum rapportage: ..." set 25 pt apart come back as one, and a
# phrase then runs on into the next line ("ten behoeve van X Definitief Datum ..."). A born-digital
# page keeps them apart as blocks. A gap between two lines of more than PARAGRAPH_GAP times the
# page's median line height starts a new block (the lines of a paragraph lie some 0.3-0.5 line
# heights apart; a heading over its text, or the lines of a cover, a line height and more).
PARAGRAPH_GAP = 0.75


def split_paragraphs(words: list[OcrWord]) -> list[OcrWord]:
    """Tesseract's paragraphs split where a line lies far below the one before; blocks and lines
    renumbered in order."""
    spans: dict[tuple[int, int], tuple[float, float]] = {}
    for w in words:
        top, bottom = spans.get((w.block, w.line), (w.y0, w.y1))
        spans[(w.block, w.line)] = (min(top, w.y0), max(bottom, w.y1))
    if len(spans) < 2:
        return words
    heights = sorted(b - t for t, b in spans.values())
    limit = PARAGRAPH_GAP * heights[len(heights) // 2]
    renumber: dict[tuple[int, int], tuple[int, int]] = {}
    block, line, last = -1, 0, None
    for key in sorted(spans):
        top, bottom = spans[key]
        if last is None or key[0] != last[0][0] or top - last[1] > limit:
            block, line = block + 1, 0
        else:
            line += 1
        renumber[key] = (block, line)
        last = (key, bottom)
    return [w._replace(block=renumber[(w.block, w.line)][0], line=renumber[(w.block, w.line)][1]) for w in words]


def _score(words: list[OcrWord]) -> float:
    return mean_confidence(words) * len(words)


# A word with a digit that Tesseract was not quite sure of is read again on its own, as one line
# (psm 7) at twice the size: within a table row its neighbours pull it towards letters ("96" read
# as "9%"), and a bold decimal comma is lost ("8,1" read as "81", confidence 83). The second
# reading replaces the first only when Tesseract is surer of it and it still has a digit.
REREAD_BELOW = 90.0
GARBLED_BELOW = 60.0  # a short word Tesseract hardly believes in may be a garbled number ("96" as "ee)")
MAX_REREADS = 40  # per page, so a page of unsure numbers costs seconds, not minutes
MAX_WORD_REREADS = 8  # of them long words without a digit


def _reread(img: Image.Image, dpi: float, frame: tuple[float, float], words: list[OcrWord],
            tessdata: str | None) -> list[OcrWord]:
    scale = dpi / 72
    ox = frame[0] / 2 - img.width / scale / 2
    oy = frame[1] / 2 - img.height / scale / 2
    margin = round(dpi / 30)
    out = list(words)
    def short_letters(w: OcrWord) -> bool:
        return w.conf < GARBLED_BELOW and len(w.text) <= 5 and w.text.isalpha()

    unsure = [i for i, w in enumerate(words)
              if (w.conf < REREAD_BELOW and any(c.isdigit() for c in w.text)) or (w.conf < GARBLED_BELOW and len(w.text) <= 5
                                                                                   and not w.text.isalpha())]
    # a short word of letters, the same (it may be a garbled number, or a letter misread), at most
    # MAX_WORD_REREADS of them
    unsure += [i for i, w in enumerate(words) if short_letters(w)][:MAX_WORD_REREADS]
    # a longer word Tesseract hardly believes in ("Totaai", "Rapporteijt": a header or label a
    # letter off) is read again too, after the numbers, and replaced by a surer reading in letters
    # (at most MAX_WORD_REREADS: a poor page full of unsure words costs no more than a second or two)
    unsure += [i for i, w in enumerate(words) if w.conf < GARBLED_BELOW and len(w.text) > 5 and w.text.isalpha()][:MAX_WORD_REREADS]
    for i in unsure[:MAX_REREADS]:
        w = words[i]
        box = (max(0, round((w.x0 - ox) * scale) - margin), max(0, round((w.y0 - oy) * scale) - margin),
               min(img.width, round((w.x1 - ox) * scale) + margin), min(img.height, round((w.y1 - oy) * scale) + margin))
        if box[2] - box[0] < 4 or box[3] - box[1] < 4:
            continue
        crop = img.crop(box)
        crop = crop.resize((crop.width * 2, crop.height * 2), Image.LANCZOS)
        again = parse_tsv(_tesseract(crop, dpi * 2, tessdata, psm=7), 1.0)
        if len(w.text) > 5 and w.text.isalpha():
            if len(again) == 1 and again[0].conf > w.conf and again[0].text.isalpha() and abs(len(again[0].text) - len(w.text)) <= 1:
                out[i] = OcrWord(w.x0, w.y0, w.x1, w.y1, again[0].text, w.block, w.line, again[0].conf)
            continue
        if short_letters(w):
            # a short word of letters Tesseract hardly believes in: a lone digit in a cell read as
            # letters ("ij" for "1", "Ö" for "0"; the word reading, which reads a lone "1" right,
            # first), or a letter after a name ("CG" for "C"): the surer of its line and its word
            # reading, in letters, a letter or so off it
            word = parse_tsv(_tesseract(crop, dpi * 2, tessdata, psm=8), 1.0)
            digits = [r[0] for r in (word, again) if len(r) == 1 and _A_NUMBER.match(normalise_numeric(r[0].text))
                      and r[0].conf > w.conf and r[0].conf >= ORPHAN_MIN_CONF]
            if digits:
                out[i] = OcrWord(w.x0, w.y0, w.x1, w.y1, normalise_numeric(digits[0].text), w.block, w.line, digits[0].conf)
                continue
            readings = [r[0] for r in (again, word) if len(r) == 1 and r[0].text.isalpha() and r[0].conf > w.conf
                        and abs(len(r[0].text) - len(w.text)) <= 1]
            if readings:
                best = max(readings, key=lambda r: r.conf)
                out[i] = OcrWord(w.x0, w.y0, w.x1, w.y1, best.text, w.block, w.line, best.conf)
            continue
        if len(again) == 1 and again[0].conf > w.conf and any(c.isdigit() for c in again[0].text):
            if len(w.text) == 1 and len(again[0].text) == 1 and again[0].text != w.text:
                # a lone digit read as another: read as a line, a clean "1" with white below it can
                # come out "4"; read as one word it does not. The word reading decides between the two.
                word = parse_tsv(_tesseract(crop, dpi * 2, tessdata, psm=8), 1.0)
                if len(word) == 1 and word[0].text == w.text:
                    continue
            elif not any(c.isdigit() for c in w.text) and again[0].text.isdigit() and len(again[0].text) == 1:
                # garbage ("_—") that reads as a lone digit as a line: the same "1" as "4" may be
                # behind it, so the word reading, when it is a lone digit too, is taken
                word = parse_tsv(_tesseract(crop, dpi * 2, tessdata, psm=8), 1.0)
                if len(word) == 1 and word[0].text.isdigit() and len(word[0].text) == 1 and word[0].conf >= ORPHAN_MIN_CONF:
                    again = word
            out[i] = OcrWord(w.x0, w.y0, w.x1, w.y1, again[0].text, w.block, w.line, again[0].conf)
    return out


# Ink that no word covers: Tesseract's page layout analysis drops a lone short word, typically a
# single digit alone in a table cell ("0", "3" in a column of answer counts), as noise. Such ink is
# found (blobs of text size outside every word box) and read: all such blobs at once, each on a line
# of its own in one picture (one Tesseract run, a fifth of a second, where reading each on its own
# costs that much a blob), and a blob that reading is not sure of (below ORPHAN_SURE), or reads as no
# number, again on its own as one word (at most MAX_ORPHANS of them). What reads as a number with
# fair confidence is added, and a word of two or more letters read with ORPHAN_SURE confidence (a
# short column header, "ja" over a column of counts, dropped with them). A page with many such
# blobs of which fewer than half read as numbers holds a figure (a chart's labels and marks): none
# are added.
ORPHAN_MIN_CONF = 50.0
ORPHAN_SURE = 80.0
MAX_ORPHANS = 30
MAX_BLOBS = 400  # read together; more is a drawing, not a table
ORPHAN_MAX_PT = (4.0, 24.0, 40.0)  # a blob's least and greatest height, and greatest width, in points


def _blobs(ink: np.ndarray, cell: int, gap: int) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1, in pixels) of groups of ink: text lines found by the row profile,
    then words in each line by the column profile, on a grid of ``cell`` pixels; columns up to
    ``gap`` cells apart are one word."""
    h, w = ink.shape[0] // cell, ink.shape[1] // cell
    coarse = ink[: h * cell, : w * cell].reshape(h, cell, w, cell).any(axis=(1, 3))
    out = []
    rows = np.flatnonzero(coarse.any(axis=1))
    for band in np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1) if rows.size else []:
        top, bottom = band[0], band[-1] + 1
        cols = np.flatnonzero(coarse[top:bottom].any(axis=0))
        for run in np.split(cols, np.flatnonzero(np.diff(cols) > gap) + 1):
            out.append((run[0] * cell, top * cell, (run[-1] + 1) * cell, bottom * cell))
    return out


def read_together(crops: list[Image.Image], dpi: float, tessdata: str | None) -> list[OcrWord | None]:
    """Small pictures read in one Tesseract run: each is put on a line of its own in one tall
    picture, with white space around it (psm 6, one block of lines), and what is read on its line
    comes back for it: one word, or None (nothing, or more than one word)."""
    if not crops:
        return []
    gap = max(8, round(dpi / 10))
    width = max(c.width for c in crops) + 2 * gap
    height = sum(c.height for c in crops) + gap * (len(crops) + 1)
    canvas = Image.new("L", (width, height), 255)
    spans = []
    y = gap
    for c in crops:
        canvas.paste(c, (gap, y))
        spans.append((y - gap / 2, y + c.height + gap / 2))
        y += c.height + gap
    found: list[list[OcrWord]] = [[] for _ in crops]
    for w in parse_tsv(_tesseract(canvas, dpi, tessdata, psm=6), 1.0):
        cy = (w.y0 + w.y1) / 2
        for i, (top, bottom) in enumerate(spans):
            if top <= cy < bottom:
                found[i].append(w)
                break
    return [f[0] if len(f) == 1 else None for f in found]


def _orphans(img: Image.Image, dpi: float, frame: tuple[float, float], words: list[OcrWord],
             tessdata: str | None) -> list[OcrWord]:
    scale = dpi / 72
    ox = frame[0] / 2 - img.width / scale / 2
    oy = frame[1] / 2 - img.height / scale / 2
    ink = np.asarray(img, dtype=np.uint8) < 160
    pad = round(dpi / 36)  # 2 pt around every word read
    for w in words:
        ink[max(0, round((w.y0 - oy) * scale) - pad): round((w.y1 - oy) * scale) + pad,
            max(0, round((w.x0 - ox) * scale) - pad): round((w.x1 - ox) * scale) + pad] = False
    cell = max(1, round(dpi / 72))
    least, most, widest = (v * scale for v in ORPHAN_MAX_PT)
    blobs = [b for b in _blobs(ink, cell, gap=3)
             if least <= b[3] - b[1] <= most and b[2] - b[0] <= widest and ink[b[1]:b[3], b[0]:b[2]].sum() >= (scale * 1.5) ** 2]
    if not blobs or len(blobs) > MAX_BLOBS:
        return []
    margin = round(dpi / 24)
    crops = []
    for x0, y0, x1, y1 in blobs:
        crop = img.crop((max(0, x0 - margin), max(0, y0 - margin), min(img.width, x1 + margin), min(img.height, y1 + margin)))
        crops.append(crop.resize((crop.width * 2, crop.height * 2), Image.LANCZOS))
    together = read_together(crops, dpi * 2, tessdata)
    numbers = [r is not None and bool(_A_NUMBER.match(normalise_numeric(r.text))) for r in together]
    if len(blobs) > MAX_ORPHANS and 2 * sum(numbers) < len(blobs):
        return []  # a figure
    found = []
    next_block = max((w.block for w in words), default=-1) + 1
    alone = 0
    for (x0, y0, x1, y1), crop, first, number in zip(blobs, crops, together, numbers):
        read = first
        half = None if number else read_half_mark(
            img.crop((max(0, x0 - 2), max(0, y0 - 2), min(img.width, x1 + 2), min(img.height, y1 + 2))), dpi, tessdata)
        if half is not None:
            read = half  # "7½": a number and a half mark
        elif first is None or first.conf < ORPHAN_SURE or not (number or _A_WORD.match(first.text)):
            if alone >= MAX_ORPHANS:
                continue
            alone += 1
            again = parse_tsv(_tesseract(crop, dpi * 2, tessdata, psm=8), 1.0)
            read = again[0] if len(again) == 1 else None
        if read is None or read.conf < ORPHAN_MIN_CONF:
            continue
        text = normalise_numeric(read.text)
        if half is None and not _A_NUMBER.match(text) and not (read.conf >= ORPHAN_SURE and _A_WORD.match(text)):
            continue
        px0, py0, px1, py1 = x0 / scale + ox, y0 / scale + oy, x1 / scale + ox, y1 / scale + oy
        cy = (py0 + py1) / 2
        # the top and bottom of the line it stands in, as every word gets (see parse_tsv)
        beside = [w for w in words if w.y0 <= cy <= w.y1]
        if beside:
            nearest = min(beside, key=lambda w: abs((w.y0 + w.y1) / 2 - cy))
            py0, py1 = nearest.y0, nearest.y1
        found.append(OcrWord(round(px0, 2), round(py0, 2), round(px1, 2), round(py1, 2), text, next_block, 0, read.conf))
        next_block += 1
    return found


def _components(mask: np.ndarray) -> list[tuple[int, int, int, int, np.ndarray]]:
    """Connected groups of ink (8-neighbours) in a small mask: box (x0, y0, x1, y1) and the
    pixels' (y, x) coordinates. For a blob's few hundred pixels; a page is never labelled this way."""
    h, w = mask.shape
    seen = np.zeros(mask.shape, dtype=bool)
    found = []
    for y, x in zip(*np.nonzero(mask)):
        if seen[y, x]:
            continue
        seen[y, x] = True
        stack, points = [(int(y), int(x))], []
        while stack:
            cy, cx = stack.pop()
            points.append((cy, cx))
            for ny in (cy - 1, cy, cy + 1):
                for nx in (cx - 1, cx, cx + 1):
                    if 0 <= ny < h and 0 <= nx < w and mask[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((ny, nx))
        pts = np.array(points)
        found.append((int(pts[:, 1].min()), int(pts[:, 0].min()), int(pts[:, 1].max()) + 1, int(pts[:, 0].max()) + 1, pts))
    return found


# A half mark printed as the fraction glyph ("7½", as a jobcoaching score in halves is set): no
# Tesseract language model reads "½" (it comes back as "7Va", "7%" or nothing). The glyph is told by
# its shape: after a number's full-height digits, a small figure at the top, a slanted stroke of
# the full height to the right of it, and a small figure at the bottom to the right of that. The
# two small figures are read each on its own (the rest of the blob whitened) and must read "1"
# and "2"; the digits before it are read the same way. Anything else is no half mark.
HALF_SMALL = 0.75  # a small figure is at most this share of the digits' height
HALF_TALL = 0.8  # the digits and the stroke are at least this share of it


def _read_ink(grey: np.ndarray, pixels: np.ndarray, dpi: float, tessdata: str | None) -> OcrWord | None:
    """Only ``pixels`` of ``grey`` (the rest white), read by Tesseract as one word."""
    y0, x0 = pixels.min(axis=0)
    y1, x1 = pixels.max(axis=0) + 1
    margin = max(4, round(dpi / 40))
    canvas = np.full((y1 - y0 + 2 * margin, x1 - x0 + 2 * margin), 255, dtype=np.uint8)
    canvas[pixels[:, 0] - y0 + margin, pixels[:, 1] - x0 + margin] = grey[pixels[:, 0], pixels[:, 1]]
    img = Image.fromarray(canvas, "L")
    img = img.resize((img.width * 3, img.height * 3), Image.LANCZOS)
    found: list[OcrWord] = []
    for psm in (8, 10):  # as a word; failing digits, as one character (a small "2" read "v]" as a word)
        found = parse_tsv(_tesseract(img, dpi * 3, tessdata, psm=psm), 1.0)
        if len(found) == 1 and found[0].text.isdigit():
            break
    return found[0] if len(found) == 1 else None


def read_half_mark(crop: Image.Image, dpi: float, tessdata: str | None) -> OcrWord | None:
    """A number with a half mark ("7½") in ``crop`` (ink on white at ``dpi``), read, or None. The
    word's box is the crop's (pixels); its confidence the least of its parts'."""
    grey = np.asarray(crop, dtype=np.uint8)
    parts = _components(grey < 160)
    if len(parts) < 4:
        return None
    height = max(p[3] for p in parts) - min(p[1] for p in parts)
    parts = [p for p in parts if max(p[2] - p[0], p[3] - p[1]) >= 0.15 * height]  # no specks
    if len(parts) < 4:
        return None  # (specks only: nothing is left to read)
    top, bottom = min(p[1] for p in parts), max(p[3] for p in parts)
    tall = [p for p in parts if p[3] - p[1] >= HALF_TALL * height]
    small = [p for p in parts if p[3] - p[1] <= HALF_SMALL * height]
    if len(tall) + len(small) != len(parts) or len(small) != 2 or len(tall) < 2:
        return None
    upper, lower = sorted(small, key=lambda p: p[1])
    if not (upper[1] - top <= 0.15 * height and bottom - upper[3] >= 0.2 * height
            and bottom - lower[3] <= 0.15 * height and lower[1] - top >= 0.2 * height):
        return None
    tall.sort(key=lambda p: p[0])
    stroke, digits = tall[-1], tall[:-1]
    upper_cx, lower_cx = (upper[0] + upper[2]) / 2, (lower[0] + lower[2]) / 2
    stroke_cx = (stroke[0] + stroke[2]) / 2
    if not (digits[-1][2] <= upper[0] + 0.1 * height and upper_cx < stroke_cx < lower_cx):
        return None
    # the stroke rises to the right: its ink at the top lies right of its ink at the bottom
    pts = stroke[4]
    high = pts[pts[:, 0] < stroke[1] + 0.3 * height][:, 1].mean()
    low = pts[pts[:, 0] > stroke[3] - 0.3 * height][:, 1].mean()
    if not high > low:
        return None
    number = _read_ink(grey, np.concatenate([d[4] for d in digits]), dpi, tessdata)
    if number is None or not number.text.isdigit() or len(number.text) > 2:
        return None
    reads = [_read_ink(grey, p[4], dpi, tessdata) for p in (upper, lower)]
    if any(r is None for r in reads) or [r.text for r in reads] != ["1", "2"]:
        return None
    conf = min(number.conf, *(r.conf for r in reads))
    return OcrWord(0.0, 0.0, float(crop.width), float(crop.height), number.text + "½", 0, 0, conf)


# A word the page reading made of a number with a half mark: "7" (the glyph dropped, the box
# still over it), "72", "7Va", "7%". Its ink is looked at for the half mark's shape.
_HALF_CANDIDATE = re.compile(r"^\d{1,2}\S{0,3}$")


def _half_marks(img: Image.Image, dpi: float, frame: tuple[float, float], words: list[OcrWord],
                tessdata: str | None) -> list[OcrWord]:
    """Words whose ink is a number with a half mark ("7½", see read_half_mark) read as such."""
    scale = dpi / 72
    ox = frame[0] / 2 - img.width / scale / 2
    oy = frame[1] / 2 - img.height / scale / 2
    out = []
    for w in words:
        if _HALF_CANDIDATE.match(w.text):
            box = (max(0, round((w.x0 - ox) * scale) - 2), max(0, round((w.y0 - oy) * scale) - 2),
                   min(img.width, round((w.x1 - ox) * scale) + 2), min(img.height, round((w.y1 - oy) * scale) + 2))
            if box[2] - box[0] >= 4 and box[3] - box[1] >= 4 and (half := read_half_mark(img.crop(box), dpi, tessdata)):
                w = w._replace(text=half.text, conf=half.conf)
        out.append(w)
    return out


_A_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?%?$")
_A_WORD = re.compile(r"^[^\W\d_]{2,}$")  # letters only, two or more: a short header word ("ja", "goed")


_CLOSING = set("?!.,:;)")
_QUOTE_BEFORE_MARK = re.compile(r"(?<=\w)[’”\"]+(?=[?!]$)")


# A mark alone (no letter, no digit: "-", "‚", "=") that Tesseract has next to no confidence in is a
# speck or a rule's remnant it read, not print: in a table it stands in a cell and breaks the row
# ("- werkgever 2", "Perceel of cluster …"). A printed dash between words is read with confidence
# (80 and more on the scans of the matrix; specks 0-35). Noise too is a word of up to
# three letters it has next to no confidence in: the ink of one cell read twice, once on each of
# the two label lines it stands between ("n.v.t." as "Rvt" and "En"), which makes a row of its own.
MARK_NOISE_BELOW = 40.0
NOISE_BELOW = 20.0
NOISE_CHARS = 3


# A parenthesis read as a brace ("{per", "KompAss}"), as a scan at a low resolution makes it; a
# report's text prints no braces.
_BRACES = str.maketrans("{}", "()")


def _dash_as_equals(words: list[OcrWord], k: int) -> bool:
    """An "=" alone between two words of letters on its line ("vaardigheidstrainingen = cluster"):
    a spaced en dash whose stroke the scan thickened into two. Between numbers ("49,5:6 = 8,3") an
    "=" is what it says."""
    if words[k].text != "=" or k == 0 or k + 1 >= len(words):
        return False
    before, after = words[k - 1], words[k + 1]
    same_line = (before.block, before.line) == (words[k].block, words[k].line) == (after.block, after.line)
    return same_line and before.text[-1:].isalpha() and after.text[:1].isalpha()


def _typeset(words: list[OcrWord]) -> list[OcrWord]:
    """What Tesseract makes of Dutch typesetting, set right: the spaced en dash ("trainingen –
    cluster") read as an em dash, which Dutch text does not use between spaces, as "--", or as "="
    between two words; a parenthesis read as a brace in a word ("{per"); a question mark or
    other closing mark read as a word of its own ("app) ?"), although no space stands before it;
    the top of a question mark read as a closing quote ("werknemer’?"); a rule's remnant read as
    "_" (the scan's rules are erased before reading, and an underscore is no word); a lone mark
    read with next to no confidence (NOISE_BELOW)."""
    out: list[OcrWord] = []
    for k, w in enumerate(words):
        text = "–" if w.text in ("—", "--") or _dash_as_equals(words, k) else _QUOTE_BEFORE_MARK.sub("", w.text)
        text = text.strip("_")
        if any(c.isalpha() for c in text):
            text = text.replace("})", ")").replace("({", "(").translate(_BRACES)  # "KompAss})": one parenthesis
        if not text or (w.conf < MARK_NOISE_BELOW and not any(c.isalnum() for c in text)) or (
                w.conf < NOISE_BELOW and len(text) <= NOISE_CHARS and not any(c.isdigit() for c in text)):
            continue
        prev = out[-1] if out else None
        if (prev is not None and set(text) <= _CLOSING and (prev.block, prev.line) == (w.block, w.line)
                and 0 <= w.x0 - prev.x1 < 0.5 * (w.y1 - w.y0) and not prev.text[-1:] in _CLOSING - {")"}):
            out[-1] = prev._replace(text=prev.text + text, x1=max(prev.x1, w.x1), conf=min(prev.conf, w.conf))
            continue
        out.append(w._replace(text=text))
    return out


# A column of lone digits in a table ("0" over "0" over "0") is now and then taken by Tesseract's
# layout analysis for one tall block and read as garbage ("oo", "DO", "à") with a box several lines
# high. Such a word is no word: it is dropped, so that its ink is read digit by digit as orphan ink.
# A heading in a large font is as tall, but Tesseract is sure of it. Two digits over each other
# make a box only two lines high: a word that short (at most three characters: a heading's words
# are longer) is dropped from that height on.
STACK_HEIGHT = 3.0  # times the median word height
SHORT_STACK_HEIGHT = 2.0
SHORT_STACK_CHARS = 3
STACK_BELOW = 90.0


def _drop_stacks(words: list[OcrWord]) -> list[OcrWord]:
    if len(words) < FEW_WORDS:
        return words
    heights = sorted(w.y1 - w.y0 for w in words)
    median = heights[len(heights) // 2]

    def stack(w: OcrWord) -> bool:
        tall = w.y1 - w.y0 > STACK_HEIGHT * median or (
            w.y1 - w.y0 > SHORT_STACK_HEIGHT * median and len(w.text) <= SHORT_STACK_CHARS)
        return tall and w.conf < STACK_BELOW

    return [w for w in words if not stack(w)]


def read_page(page: "pymupdf.Page", tessdata: str | None) -> tuple[list[OcrWord], PreparedPage]:
    """The words of a scanned page, in points of the page as it lies upright and level, each with
    Tesseract's confidence."""
    prepared = prepare(page)
    img, dpi = prepared.image, prepared.dpi
    words = _read(img, dpi, prepared.frame, tessdata)
    if len(words) < FEW_WORDS or mean_confidence(words) < UNSURE_CONFIDENCE:
        rotate = orientation(img, dpi, tessdata)
        candidates = [rotate] if rotate == 180 else [rotate, (360 - rotate) % 360] if rotate else []
        for clockwise in candidates:
            turned = {90: Image.ROTATE_270, 180: Image.ROTATE_180, 270: Image.ROTATE_90}[clockwise]
            turned_img = img.transpose(turned)
            frame = prepared.frame if clockwise == 180 else prepared.frame[::-1]
            again = _read(turned_img, dpi, frame, tessdata)
            if _score(again) > _score(words):
                words = again
                prepared.image, prepared.frame = turned_img, frame
                prepared.quarter_turns = (prepared.quarter_turns + clockwise // 90) % 4
                break
    words = _drop_stacks(words)
    words = _reread(prepared.image, dpi, prepared.frame, words, tessdata)
    words = _half_marks(prepared.image, dpi, prepared.frame, words, tessdata)
    words += _orphans(prepared.image, dpi, prepared.frame, words, tessdata)
    return _typeset(words), prepared
