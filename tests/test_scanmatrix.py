"""The scan matrix's scans themselves (fixtures/scanmatrix.py), without OCR: the conditions' names,
that the degradations added for the third and fourth sets kept apart (APART2, APART3) do what they
say, are seeded, and leave the scans of the other sets as they were."""

from __future__ import annotations

import dataclasses
import json
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
from fixtures.scanmatrix import (  # noqa: E402
    APART, APART2, APART2_DOCS, APART3, APART3_DOCS, APART_DOCS, HELDOUT, TRAIN, Condition)

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

APART3_NAMES = [
    "204dpi-bilevel-skew+0.6-fax", "200dpi-bilevel-skew-0.7-dither",
    "250dpi-colour-skew+1.3-q70-persp0.03-photo", "300dpi-grey-skew-1.0-q65-fold2",
    "200dpi-grey-skew+0.8-q70-holes2-showthrough0.10", "300dpi-colour-skew-1.8-q60-highlight",
    "240dpi-grey-skew+1.5-q55-cutright-blur0.8", "250dpi-grey-skew+0.3-q60-upsidedown-holes4-highlight",
]
APART3_FIELDS = ("fax", "dither", "photo", "folds", "holes", "show_through", "highlight", "cut", "blur")


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


# --- APART3 -------------------------------------------------------------------------------------


def test_the_sets_before_apart3_keep_their_names_and_defaults():
    assert [c.name for c in APART2] == APART2_NAMES
    defaults = Condition(200, "grey", 0.0)
    assert [getattr(defaults, f) for f in APART3_FIELDS] == [False, False, False, 0, 0, 0.0, False, "", 0.0]
    for cond in TRAIN + HELDOUT + APART + APART2:
        assert all(getattr(cond, f) == getattr(defaults, f) for f in APART3_FIELDS), cond.name


def test_apart3_names_and_documents():
    assert [c.name for c in APART3] == APART3_NAMES
    assert not set(APART3_NAMES) & set(OLD_NAMES + APART2_NAMES)
    assert len({c.seed for c in APART3}) == len(APART3)
    assert not {c.seed for c in APART3} & {c.seed for c in TRAIN + HELDOUT + APART + APART2}
    assert len(APART3_DOCS) == 6 and not set(APART3_DOCS) & set(APART2_DOCS + APART_DOCS + scanmatrix.FIXTURES)
    kinds, producers = [], set()
    for doc in APART3_DOCS:
        path = scanmatrix.source(doc)
        assert path.parent.name == "scanapart3" and path.is_file(), doc
        truth = json.loads(path.with_suffix("").with_suffix(".truth.json").read_text("utf-8"))
        kinds.append(truth["kind"])
        producers.add(truth["producer"])
        with pymupdf.open(path) as pdf:
            assert 2 <= pdf.page_count <= 6
    assert sorted(kinds).count("scholing") in (3, 4) and sorted(kinds).count("jobcoaching") in (2, 3)
    assert producers >= {"chromium", "lo-fodt", "lo-html", "reportlab"}
    # every new degradation is in the set at least once
    for f in APART3_FIELDS:
        assert any(getattr(c, f) for c in APART3), f
    assert {c.holes for c in APART3} >= {2, 4}


@pytest.mark.parametrize("cond", APART3, ids=lambda c: c.name)
def test_apart3_scans_are_seeded(cond):
    small = dataclasses.replace(cond, dpi=120)
    for page in range(REPORT.page_count):
        first, second = (scanmatrix.scan_page(REPORT[page], small, random.Random(small.seed))[0] for _ in range(2))
        assert first == second
        assert first != scanmatrix.scan_page(REPORT[page], small, random.Random(small.seed + 1000))[0]


def test_a_fax_has_half_the_lines_a_header_and_lies_on_the_page_as_before(tmp_path):
    plain, fax = Condition(204, "bilevel", 0.0), Condition(204, "bilevel", 0.0, fax=True)
    flat, sent = _scan(plain), _scan(fax)
    assert sent.mode == "1" and sent.width == flat.width
    assert sent.height == round(flat.height * 98 / 204)  # 98 lines per inch down, 204 dots across
    band = lambda img: (np.asarray(img.convert("L"))[: int(4 * img.height / 297)] < 128).sum()  # noqa: E731  top 4 mm
    assert band(sent) > 300 and band(sent) > 10 * band(flat)  # the sender's header line (the paper: a few specks)
    src = tmp_path / "src.pdf"
    REPORT.save(src)
    with pymupdf.open(scanmatrix.make_scan(src, tmp_path / "fax.pdf", fax)) as doc:
        assert [(round(p.rect.width), round(p.rect.height)) for p in doc] == [(595, 842)] * 2
        # stretched over the whole page (not kept in proportion, half the page high): the text where it was
        assert [tuple(round(v) for v in p.get_image_rects(p.get_images()[0][0])[0]) for p in doc] == [(0, 0, 595, 842)] * 2
        pix = doc[0].get_pixmap(dpi=72, colorspace=pymupdf.csGRAY)
        rows = np.nonzero((np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width) < 128).sum(axis=1) > 3)[0]
        assert 60 < rows[rows > 20].min() < 80 and 105 < rows.max() < 125  # REPORT's first line at 80 pt, its third at 116
    with pytest.raises(ValueError):
        _scan(Condition(204, "grey", 0.0, fax=True))


def test_a_fax_header_stays_off_print_at_the_top():
    top = _doc([["Tekst helemaal bovenaan"]])
    page = top[0]
    page.insert_text((72, 8), "Kopregel", fontsize=8)
    pix = page.get_pixmap(dpi=204, colorspace=pymupdf.csGRAY)
    img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    assert scanmatrix._fax_header(img, page, 204, 1) is img


def test_dithering_turns_a_grey_area_into_dots():
    doc = _doc([["Grijs vlak"]])
    doc[0].draw_rect(pymupdf.Rect(72, 200, 400, 300), color=None, fill=(0.55, 0.55, 0.55))
    plain, dither = Condition(100, "bilevel", 0.0), Condition(100, "bilevel", 0.0, dither=True)
    box = (slice(210 * 100 // 72, 290 * 100 // 72), slice(82 * 100 // 72, 390 * 100 // 72))

    def black(cond):
        data, _kind = scanmatrix.scan_page(doc[0], cond, random.Random(1))
        return (np.asarray(Image.open(io.BytesIO(data)).convert("L"))[box] < 128).mean()

    assert black(plain) > 0.97  # thresholded: the grey goes all black
    assert 0.3 < black(dither) < 0.7  # error diffusion: a mix of black and white dots
    white = np.asarray(_scan(Condition(100, "bilevel", 0.0, dither=True)).convert("L"))[-50:, :]
    assert (white < 128).mean() < 0.01  # the paper stays white


def test_a_fold_darkens_a_band_across_the_page():
    plain = Condition(100, "grey", 0.0, 90)
    for folds in (1, 2):
        diff = _grey(plain) - _grey(dataclasses.replace(plain, folds=folds))
        rows = diff.mean(axis=1)
        h = len(rows)
        for k in range(1, folds + 1):
            near = rows[int(h * (k / (folds + 1) - 0.03)): int(h * (k / (folds + 1) + 0.03))]
            assert near.max() > 30  # a dark crease across the whole width
            assert (diff[int(h * (k / (folds + 1) - 0.03)): int(h * (k / (folds + 1) + 0.03))] > 15).any(axis=0).mean() > 0.95
        assert rows[: int(h * 0.2)].mean() < 2  # far from the fold the page is as it was
    with pytest.raises(ValueError):
        _scan(dataclasses.replace(plain, folds=3))


def test_punched_holes_sit_in_the_left_margin():
    plain = Condition(100, "grey", 0.0, 90)
    mm = 100 / 25.4
    for holes, offsets in ((2, (-40, 40)), (4, (-120, -40, 40, 120))):
        img = _grey(dataclasses.replace(plain, holes=holes))
        h = img.shape[0]
        for off in offsets:
            y = int(h / 2 + off * mm)
            assert img[y - 5:y + 5, int(11 * mm):int(13 * mm)].mean() < 100, (holes, off)
        assert img[int(h / 2) - 5:int(h / 2) + 5, int(11 * mm):int(13 * mm)].mean() > 230  # none in between
        assert img[:, int(20 * mm):].mean() > _grey(plain)[:, int(20 * mm):].mean() - 1  # the print untouched
    # a landscape page is punched along its long edge: the top
    wide = pymupdf.open()
    wide.new_page(width=842, height=595).insert_text((72, 300), "Liggende pagina", fontsize=12)
    img = np.asarray(Image.open(io.BytesIO(scanmatrix.scan_page(
        wide[0], dataclasses.replace(plain, holes=2), random.Random(1))[0])), dtype=np.float32)
    x = int(img.shape[1] / 2 + 40 * mm)
    assert img[int(11 * mm):int(13 * mm), x - 5:x + 5].mean() < 100
    with pytest.raises(ValueError):
        _scan(dataclasses.replace(plain, holes=3))


def test_the_back_side_shows_through_mirrored_and_faint():
    plain = Condition(100, "grey", 0.0, 90)
    through = dataclasses.replace(plain, show_through=0.1)
    front, seen = _grey(plain, 0), _grey(through, 0)
    # the back (page 2) has its text at the left from 80 pt down: seen from the front, at the right
    w = front.shape[1]
    lines = slice(int(70 * 100 / 72), int(150 * 100 / 72))
    right, left = slice(w - int(260 * 100 / 72), w - int(72 * 100 / 72)), slice(int(72 * 100 / 72), int(260 * 100 / 72))
    assert front[lines, right].mean() > 250
    darker = front[lines, right] - seen[lines, right]
    assert (darker > 5).sum() > 200 and darker.max() < 30  # there, but faint (a tenth of the ink)
    assert np.percentile(seen[lines, right], 0.5) > 200  # never as dark as print (the paper's specks aside)
    assert abs(front[lines, left].mean() - seen[lines, left].mean()) < 6  # the front's own print as it was
    # a last page of an odd count has an empty back: nothing shows through, no random numbers drawn
    single = _doc([["Enige pagina"]])
    assert scanmatrix.scan_page(single[0], through, random.Random(5))[0] == \
        scanmatrix.scan_page(single[0], plain, random.Random(5))[0]


TABLE = _doc([[]])
for _x, _text in ((72, "Opleidingen"), (250, "123"), (320, "61"), (390, "49,6 %"), (470, "8,6")):
    TABLE[0].insert_text((_x, 300), _text, fontsize=11)
TABLE[0].insert_text((72, 200), "Veldwerk: 14 dec. 2021 t/m 7 jan. 2022, 3 weken.", fontsize=11)


def test_a_row_of_figures_is_a_table_row_not_a_sentence_with_numbers():
    rows = scanmatrix._table_rows(TABLE[0])
    assert [[w[4] for w in r] for r in rows] == [["Opleidingen", "123", "61", "49,6", "%", "8,6"]]
    assert scanmatrix._table_rows(REPORT[0]) == []


def test_the_highlighter_marks_the_row_of_figures():
    plain = Condition(100, "colour", 0.0, 90)
    marked = dataclasses.replace(plain, highlight=True)
    before = np.asarray(Image.open(io.BytesIO(scanmatrix.scan_page(TABLE[0], plain, random.Random(2))[0])), dtype=np.float32)
    after = np.asarray(Image.open(io.BytesIO(scanmatrix.scan_page(TABLE[0], marked, random.Random(2))[0])), dtype=np.float32)
    yellow = (after[..., 0] - after[..., 2] > 80) & (before[..., 0] - before[..., 2] < 40)
    ys, xs = np.nonzero(yellow)
    assert yellow.sum() > 500
    assert 280 * 100 / 72 < ys.mean() < 305 * 100 / 72  # on the row (baseline 300 pt), not on the sentence at 200
    assert xs.min() < 80 * 100 / 72 and xs.max() > 475 * 100 / 72  # the whole row, overshooting a little
    # in a grey scan a light grey band; the figures under it stay dark
    grey = np.asarray(Image.open(io.BytesIO(scanmatrix.scan_page(
        TABLE[0], dataclasses.replace(marked, mode="grey"), random.Random(2))[0])), dtype=np.float32)
    band = grey[int(293 * 100 / 72):int(298 * 100 / 72), int(200 * 100 / 72):int(240 * 100 / 72)]  # between figures
    assert 200 < band.mean() < 245 and grey[int(290 * 100 / 72):int(300 * 100 / 72)].min() < 80
    # a page without a row of figures is left as it is (no random numbers drawn)
    assert scanmatrix.scan_page(REPORT[0], marked, random.Random(7))[0] == \
        scanmatrix.scan_page(REPORT[0], plain, random.Random(7))[0]


def test_a_cut_edge_takes_only_the_empty_margin():
    dpi, mm = 100, 100 / 25.4
    page = REPORT[0]
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    ink = lambda a: np.nonzero((np.asarray(a) < 100).any(axis=0))[0]  # noqa: E731  columns with print
    cut = scanmatrix._cut(img, "right", dpi, random.Random(4))
    assert cut.size == img.size
    shift = ink(cut)[0] - ink(img)[0]
    assert 5 * mm - 1 <= shift <= 9 * mm + 1  # the print moved right: the right margin is cut
    assert np.array_equal(np.asarray(cut)[:, shift + 3:], np.asarray(img)[:, 3:img.width - shift])  # nothing else
    lid = np.asarray(cut)[:, : shift - int(3 * mm)]
    assert lid.shape[1] > 10 and (np.abs(lid - 236) <= 1).all()  # the scanner's lid beyond the paper
    edge = np.asarray(cut, dtype=np.float32)[:, : shift].mean(axis=0)
    assert edge.min() < 150  # and the paper's edge between them, a thin shadow
    # print 3 mm from the edge: nothing may go; 6 mm from it: at most 3 mm go, the print stays whole
    for x, most in ((595 - 21, 0), (595 - 30, 3 * mm)):
        near = _doc([["x"]])
        near[0].insert_text((x, 400), "42", fontsize=12)
        pix = near[0].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        edge = Image.frombytes("L", (pix.width, pix.height), pix.samples)
        after = scanmatrix._cut(edge, "right", dpi, random.Random(4))
        if not most:
            assert after is edge
        else:
            assert 0 < ink(after)[-1] - ink(edge)[-1] <= most + 1  # (an anti-aliased pixel)
            assert (np.asarray(after) < 100).sum() == (np.asarray(edge) < 100).sum()
    top = scanmatrix._cut(img, "top", dpi, random.Random(4))
    rows = lambda a: np.nonzero((np.asarray(a) < 100).any(axis=1))[0]  # noqa: E731
    assert rows(top)[0] < rows(img)[0]  # cut at the top: the print moved up
    with pytest.raises(ValueError):
        scanmatrix._cut(img, "middle", dpi, random.Random(4))


def test_a_phone_photo_is_lit_unevenly():
    plain = Condition(100, "colour", 0.0, 90)
    photo = np.asarray(_scan(dataclasses.replace(plain, photo=True)).convert("L"), dtype=np.float32)
    flat = np.asarray(_scan(plain).convert("L"), dtype=np.float32)
    h, w = photo.shape
    k = 20
    corners = [photo[:k, :k], photo[:k, -k:], photo[-k:, :k], photo[-k:, -k:]]
    centre = photo[h // 2 - k:h // 2 + k, w // 2 - k:w // 2 + k]
    assert min(c.mean() for c in corners) < centre.mean() - 20  # darker corners
    assert flat[-k:, -k:].mean() > 235 and flat[-k:, :k].mean() > 235
    assert photo.std() > 0  # noise


def test_a_worn_glass_blurs_the_print():
    plain = Condition(150, "grey", 0.0, 90)
    sharp, blurred = _grey(plain), _grey(dataclasses.replace(plain, blur=0.8))
    edges = lambda a: np.abs(np.diff(a, axis=1)).mean()  # noqa: E731
    assert edges(blurred) < 0.85 * edges(sharp)
    assert abs(sharp.mean() - blurred.mean()) < 1  # the same page, only softer


def test_only_one_of_the_sets_kept_apart(tmp_path):
    for flags in (["--apart2", "--apart3"], ["--heldout", "--apart3"]):
        with pytest.raises(SystemExit):
            scanmatrix.main([str(tmp_path), *flags])
    assert not any(tmp_path.iterdir())
