"""The scan matrix's scans themselves (fixtures/scanmatrix.py), without OCR: the conditions' names,
that the degradations added for the third set kept apart (APART2) do what they say, are seeded, and
leave the scans of the other sets as they were."""

from __future__ import annotations

import dataclasses
import io
import random
import sys

import numpy as np
import pytest
from PIL import Image, ImageFilter

from kto_ingest._pymupdf import pymupdf

from .conftest import FIXTURES

sys.path.insert(0, str(FIXTURES.parent))
from fixtures import scanmatrix  # noqa: E402
from fixtures.scanmatrix import APART, APART2, APART2_DOCS, APART_DOCS, HELDOUT, TRAIN, Condition  # noqa: E402

# The names are the scans' folder names: the sets scored before APART2 must keep them.
OLD_NAMES = [
    "150dpi-grey-skew+0.8-q75", "300dpi-bilevel-skew+0.7", "200dpi-colour-skew+1.5-q70",
    "150dpi-colour-skew-2.0-q50", "150dpi-bilevel-skew+1.0", "200dpi-grey-skew-1.2-q90",
    "200dpi-bilevel-skew-0.4", "300dpi-grey-skew+2.0-q60", "300dpi-colour-skew-0.8-q85",
    "200dpi-grey-skew+0.3-q75-persp0.02", "200dpi-grey-skew+0.5-q75-upsidedown",
    "200dpi-grey-skew-1.7-q65", "250dpi-colour-skew+0.9-q55", "150dpi-bilevel-skew-1.4",
    "180dpi-grey-skew-0.5-q80", "240dpi-bilevel-skew+1.2", "300dpi-colour-skew-1.5-q55-upsidedown",
    "200dpi-colour-skew+0.4-q85-persp0.03", "150dpi-grey-skew+1.8-q60", "150dpi-bilevel-skew-0.3",
]
APART2_NAMES = [
    "240dpi-grey-skew+1.1-q60-contrast0.50", "250dpi-colour-skew-2.3-q45-yellow",
    "400dpi-grey-skew+0.6-q55-borderleft", "200dpi-grey-skew-0.9-q60-turn90",
    "300dpi-colour-skew+1.6-q50-stamp", "200dpi-grey-skew+0.4-q60-copy2",
    "250dpi-bilevel-skew-2.5-bordertop", "300dpi-grey-skew+2.5-q40-turn270",
]


def _doc(pages: list[list[str]]) -> "pymupdf.Document":
    """A born-digital A4 document with these lines of text per page, from the top."""
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=595, height=842)
        for i, line in enumerate(lines):
            page.insert_text((72, 80 + 18 * i), line, fontsize=12)
    return doc


REPORT = _doc([["Klanttevredenheid scholing 2021", "Tabel 1 Respons per perceel", "Opleidingen 123 61 49,6 % 8,6"],
               ["Tot besluit", "Wij danken de klanten.", "Namens het bureau,", "J. de Vries, directeur"]])


def _scan(cond: Condition, page: int = 0, seed: int | None = None) -> Image.Image:
    data, _kind = scanmatrix.scan_page(REPORT[page], cond, random.Random(cond.seed if seed is None else seed))
    return Image.open(io.BytesIO(data))


def _grey(cond: Condition, page: int = 0) -> np.ndarray:
    return np.asarray(_scan(cond, page).convert("L"), dtype=np.float32)


def _old_scan_page(page, cond: Condition, rng: random.Random) -> bytes:
    """scan_page as it was before APART2 (commit 7e40aa3), for the conditions it knew."""
    colour = cond.mode == "colour"
    pix = page.get_pixmap(dpi=cond.dpi, colorspace=pymupdf.csRGB if colour else pymupdf.csGRAY)
    img = Image.frombytes("RGB" if colour else "L", (pix.width, pix.height), pix.samples)
    if colour:
        arr = np.asarray(img, dtype=np.float32)
        arr = arr * np.array([0.97, 0.95, 0.88]) + np.array([4, 6, 10])
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    fill = (250, 248, 240) if colour else 255
    img = img.rotate(cond.skew, resample=Image.BICUBIC, expand=False, fillcolor=fill)
    if cond.perspective:
        img = scanmatrix._perspective(img, cond.perspective)
    if cond.upside_down:
        img = img.rotate(180)
    px = img.load()
    for _ in range(img.width * img.height // 3000):
        v = rng.choice((0, 90, 200))
        px[rng.randrange(img.width), rng.randrange(img.height)] = v if img.mode == "L" else (v, v, v)
    img = img.filter(ImageFilter.GaussianBlur(0.35 * cond.dpi / 200))
    buf = io.BytesIO()
    if cond.mode == "bilevel":
        img.point(lambda v: 255 if v > 150 else 0).convert("1").save(buf, "PNG")
    else:
        img.save(buf, "JPEG", quality=cond.quality)
    return buf.getvalue()


def test_the_other_sets_keep_their_names():
    assert [c.name for c in TRAIN + HELDOUT + APART] == OLD_NAMES
    new = ("contrast", "tone", "border", "turn", "stamp", "copies")
    defaults = Condition(200, "grey", 0.0)
    for cond in TRAIN + HELDOUT + APART:
        assert all(getattr(cond, f) == getattr(defaults, f) for f in new), cond.name


def test_apart2_names_and_documents():
    assert [c.name for c in APART2] == APART2_NAMES
    assert not set(APART2_NAMES) & set(OLD_NAMES)
    assert len({c.seed for c in APART2}) == len(APART2)
    assert not set(APART2_DOCS) & set(APART_DOCS + scanmatrix.FIXTURES)
    for doc in APART2_DOCS:
        path = scanmatrix.source(doc)
        assert path.is_file() and path.with_suffix(".truth.json").is_file(), doc
    # every new degradation is in the set, each kind at least once
    assert {c.tone for c in APART2} >= {"yellow"} and {c.border for c in APART2} >= {"left", "top"}
    assert {c.turn for c in APART2} >= {90, 270} and any(c.stamp for c in APART2)
    assert any(c.copies >= 2 for c in APART2) and any(c.contrast < 1 for c in APART2)


@pytest.mark.parametrize("cond", [TRAIN[0], TRAIN[1], TRAIN[2], TRAIN[9], TRAIN[10], HELDOUT[1], APART[2]],
                         ids=lambda c: c.name)
def test_the_defaults_leave_the_other_sets_scans_byte_identical(cond):
    small = dataclasses.replace(cond, dpi=min(cond.dpi, 100))
    for page in range(REPORT.page_count):
        got, _kind = scanmatrix.scan_page(REPORT[page], small, random.Random(small.seed))
        assert got == _old_scan_page(REPORT[page], small, random.Random(small.seed))


@pytest.mark.parametrize("cond", APART2, ids=lambda c: c.name)
def test_apart2_scans_are_seeded(cond):
    small = dataclasses.replace(cond, dpi=90)
    for page in range(REPORT.page_count):
        first, second = (scanmatrix.scan_page(REPORT[page], small, random.Random(small.seed))[0] for _ in range(2))
        assert first == second
        assert first != scanmatrix.scan_page(REPORT[page], small, random.Random(small.seed + 1000))[0]


def test_a_scanner_border_darkens_its_edge_only():
    plain = Condition(100, "grey", 0.0, 90)
    left, top = _grey(dataclasses.replace(plain, border="left")), _grey(dataclasses.replace(plain, border="top"))
    edge = max(3, left.shape[1] // 100)  # the outer 1 % of the page
    assert left[:, :edge].mean() < 70 and _grey(plain)[:, :edge].mean() > 230
    assert top[:edge, :].mean() < 70 and top[:, :edge].mean() > 150  # the top border darkens only the top
    assert left[:, -edge:].mean() > 230 and left[-edge:, left.shape[1] // 2:].mean() > 230
    # a shadow: from the border into the page it gets lighter
    row = left[left.shape[0] // 2, : left.shape[1] // 8]
    assert row[0] < 70 < row[-1] and row[-1] > 230


def test_a_page_fed_in_landscape_is_turned_and_lies_on_a_landscape_page(tmp_path):
    plain = Condition(72, "grey", 0.0, 90)
    upright = _grey(plain)
    left_turn, right_turn = _grey(dataclasses.replace(plain, turn=90)), _grey(dataclasses.replace(plain, turn=270))
    assert left_turn.shape == upright.shape[::-1] == right_turn.shape
    # the page's text stands at its top: turned 90 degrees counter-clockwise it is at the left
    ink = lambda a: (a < 128).sum(axis=0)  # noqa: E731  ink per column
    assert ink(left_turn)[: left_turn.shape[1] // 4].sum() > 10 * ink(left_turn)[-left_turn.shape[1] // 2:].sum()
    assert ink(right_turn)[-right_turn.shape[1] // 4:].sum() > 10 * ink(right_turn)[: right_turn.shape[1] // 2].sum()
    src = tmp_path / "src.pdf"
    REPORT.save(src)
    scan = scanmatrix.make_scan(src, tmp_path / "scan.pdf", dataclasses.replace(plain, turn=90))
    with pymupdf.open(scan) as doc:
        assert all(p.rect.width > p.rect.height for p in doc)
    with pymupdf.open(scanmatrix.make_scan(src, tmp_path / "plain.pdf", plain)) as doc:
        assert all(p.rect.width < p.rect.height for p in doc)


def test_a_faint_photocopy_has_lighter_ink_and_greyer_paper():
    plain = Condition(100, "grey", 0.0, 90)
    normal, faint = _grey(plain), _grey(dataclasses.replace(plain, contrast=0.5))
    band = slice(60 * 100 // 72, 135 * 100 // 72)  # the lines of text (the paper's specks come later)
    ink = lambda a: np.percentile(a[band][a[band] < 200], 10)  # noqa: E731
    assert ink(normal) < 60 and ink(faint) > 95
    assert 200 < np.median(faint) < np.median(normal) - 10
    assert (faint < 170).mean() > 0.002  # the text is still there


def test_a_yellowed_paper_is_yellow():
    plain = Condition(100, "colour", 0.0, 90)
    paper = lambda img: np.median(np.asarray(img, dtype=np.float32).reshape(-1, 3), axis=0)  # noqa: E731
    cream, yellow = paper(_scan(plain)), paper(_scan(dataclasses.replace(plain, tone="yellow")))
    assert yellow[0] - yellow[2] > 40 > cream[0] - cream[2]
    with pytest.raises(ValueError):
        _scan(dataclasses.replace(plain, tone="pink"))


def test_the_stamp_goes_by_the_signature_only():
    plain = Condition(100, "colour", 0.0, 90)
    stamped = dataclasses.replace(plain, stamp=True)
    # the first page has no signature: nothing added, not even a draw from the random numbers
    assert scanmatrix.scan_page(REPORT[0], stamped, random.Random(7))[0] == \
        scanmatrix.scan_page(REPORT[0], plain, random.Random(7))[0]
    before = np.asarray(_scan(plain, 1), dtype=np.float32)
    after = np.asarray(_scan(stamped, 1), dtype=np.float32)
    changed = np.abs(after - before).max(axis=2) > 60
    # the paper's specks fall elsewhere (the stamp drew random numbers): lone pixels, left out
    strokes = np.asarray(Image.fromarray(changed.astype(np.uint8) * 255).filter(ImageFilter.MinFilter(3))) > 0
    ys, xs = np.nonzero(strokes)
    assert strokes.sum() > 100
    # by 'Namens het bureau,' (third line, 80 + 2*18 pt from the top): below it, not at the top of the page
    assert ys.min() > (80 + 18) * 100 / 72 and ys.max() < 300 * 100 / 72
    r, g, b = (after[changed][:, i] for i in range(3))
    assert (np.abs(r - b) > 40).mean() > 0.3  # coloured ink: a blue or red stamp and a blue pen


def test_a_spot_for_the_stamp_without_a_signature_word_is_under_the_last_text():
    doc = _doc([["Eerste pagina"], ["Tabel 2", "Laatste regel"]])
    assert scanmatrix._signature_spot(doc[0]) is None
    x, y = scanmatrix._signature_spot(doc[1])
    assert x == pytest.approx(72, abs=1) and y > 80 + 18


def test_a_copy_of_a_copy_is_blurred_and_thresholded():
    page = REPORT[0]
    pix = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
    img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    once = np.asarray(scanmatrix._photocopy(img, 1, 150, random.Random(3)), dtype=np.float32)
    twice = np.asarray(scanmatrix._photocopy(img, 2, 150, random.Random(3)), dtype=np.float32)
    orig = np.asarray(img, dtype=np.float32)
    mid = lambda a: ((a > 60) & (a < 195)).sum() / max(((a <= 60) | (a >= 195)).sum(), 1)  # noqa: E731
    text = orig < 250
    assert mid(twice[text]) < mid(orig[text])  # thresholded: fewer half tones on the text
    assert not np.array_equal(once, twice)
    # toner specks and a streak land on the white paper
    assert (twice[orig == 255] < 200).sum() > 50


def test_only_one_set_at_a_time(tmp_path):
    with pytest.raises(SystemExit):
        scanmatrix.main([str(tmp_path), "--apart", "--apart2"])
    assert not any(tmp_path.iterdir())
