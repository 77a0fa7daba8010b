"""Tables as cell grids, whatever the producer drew.

* Ruled: the page's own vector drawings (PyMuPDF ``get_drawings``): stroked lines, stroked
  rectangles, and the thin filled rectangles Chromium and LibreOffice paint as borders (often one
  per cell edge, with small gaps and overlaps at the joints). Collinear pieces are merged, their
  positions snapped with a tolerance, and the rulings that touch each other form one table.
  Rows are the bands between horizontal rulings; the cells of a row are bounded by the vertical
  rulings that cross it. A table ruled only horizontally (a rule under each row) gets its
  columns from the alignment of its words.
* Borderless: words aligned in columns. Rows with at least two numbers are the body; the lines
  just above them (without numbers) are the header, one to three lines per header cell.

A :class:`Grid` is rows of cell texts on a common column axis, with the boxes the evidence
needs. What the cells mean is decided in ``reader.tables``.
"""

from __future__ import annotations

import bisect
import functools
import statistics
from dataclasses import dataclass, field

import regex

from .._pymupdf import pymupdf
from ..document import Document, Page, Word, join_lines
from .values import without_interval

SNAP = 1.6  # rulings closer than this (pt) are the same ruling
JOIN = 3.5  # pieces of one ruling may leave gaps this wide at the joints
THIN = 3.0  # a filled rectangle this thin is a ruling
MAX_PAIRS = 400_000  # horizontal x vertical rulings compared at most per page (about 0.2 s)


@dataclass
class Cell:
    x0: float
    y0: float
    x1: float
    y1: float
    words: list[Word] = field(default_factory=list)
    col: int = 0  # first column of the grid's column axis
    span: int = 1

    @property
    def text(self) -> str:
        return cell_text(self.words)


@dataclass
class Grid:
    page: int
    bbox: tuple[float, float, float, float]
    rows: list[list[Cell]]
    method: str  # "lijnen" (ruled), "uitlijning" (borderless), "pdfplumber"
    ncols: int = 0

    def matrix(self) -> list[list[str]]:
        """Cell texts per row on the column axis ('' where a row has no cell)."""
        out = []
        for row in self.rows:
            texts = [""] * self.ncols
            for c in row:
                if c.col < self.ncols:
                    texts[c.col] = join_lines(texts[c.col], c.text).strip() if texts[c.col] else c.text
            out.append(texts)
        return out

    def row_box(self, i: int) -> tuple[float, float, float, float]:
        cells = self.rows[i]
        return (round(min(c.x0 for c in cells), 1), round(min(c.y0 for c in cells), 1),
                round(max(c.x1 for c in cells), 1), round(max(c.y1 for c in cells), 1))




def cell_text(words: list[Word]) -> str:
    """Words of one cell in reading order; a word hyphenated at the line end joins the next, and
    so does a word broken after a slash."""
    if not words:
        return ""
    height = statistics.median(w.y1 - w.y0 for w in words) or 1
    ordered = sorted(words, key=lambda w: (round(w.cy / (height * 0.6)), w.x0))
    out = ""
    prev: Word | None = None
    for w in ordered:
        new_line = prev is not None and w.cy - prev.cy > height * 0.5
        if not out:
            out = w.text
        elif new_line:
            out = join_lines(out, w.text)  # "vaardigheids-" / "trainingen", "telefoon/" / "email/app"
        else:
            out += " " + w.text
        prev = w
    return out


# ---- rulings -----------------------------------------------------------------------------------


@dataclass
class Seg:
    pos: float  # y of a horizontal, x of a vertical ruling
    a: float
    b: float


def rulings(fpage, paths: list[dict] | None = None) -> tuple[list[Seg], list[Seg]]:
    """Horizontal and vertical rulings of a page, from lines, stroked and thin filled rectangles
    (``paths``: the page's drawings when already extracted, see ``Document.drawings``)."""
    hs: list[Seg] = []
    vs: list[Seg] = []

    def rect(x0, y0, x1, y1, stroked: bool) -> None:
        w, h = x1 - x0, y1 - y0
        if h <= THIN and w > h:
            hs.append(Seg((y0 + y1) / 2, x0, x1))
        elif w <= THIN and h > w:
            vs.append(Seg((x0 + x1) / 2, y0, y1))
        elif w > 4 and h > 4 and stroked:
            # a stroked box bounds cells; a filled background (LibreOffice paints one behind the
            # text of a shaded cell, not the cell; a filled header row; zebra rows) does not: it is
            # taller than a border, so it is no ruling (see ``backgrounds``)
            hs.extend((Seg(y0, x0, x1), Seg(y1, x0, x1)))
            vs.extend((Seg(x0, y0, y1), Seg(x1, y0, y1)))

    rotation = fpage.rotation_matrix if fpage.rotation else None  # drawings as the page is shown
    for path in fpage.get_drawings() if paths is None else paths:
        stroked = "s" in (path.get("type") or "")
        if stroked and path.get("fill") is not None and path.get("color") == path.get("fill"):
            # a shaded cell or row (a filled header, zebra rows) outlined in its own colour is a
            # background, not a border: only its thin pieces can be rulings
            stroked = False
        for item in path["items"]:
            kind = item[0]
            if rotation is not None:
                item = tuple(x * rotation if isinstance(x, (pymupdf.Point, pymupdf.Rect)) else
                             (x.rect * rotation if isinstance(x, pymupdf.Quad) else x) for x in item)
                if kind == "qu":
                    kind = "re"
                if kind == "re":
                    item = (kind, pymupdf.Rect(item[1]).normalize())
            if kind == "l":
                p, q = item[1], item[2]
                if abs(p.y - q.y) < 1 and abs(p.x - q.x) >= 1:
                    hs.append(Seg((p.y + q.y) / 2, min(p.x, q.x), max(p.x, q.x)))
                elif abs(p.x - q.x) < 1 and abs(p.y - q.y) >= 1:
                    vs.append(Seg((p.x + q.x) / 2, min(p.y, q.y), max(p.y, q.y)))
            elif kind == "re":
                r = item[1]
                rect(r.x0, r.y0, r.x1, r.y1, stroked)
            elif kind == "qu":
                r = item[1].rect
                rect(r.x0, r.y0, r.x1, r.y1, stroked)
    return merge(hs), merge(vs)


def merge(segs: list[Seg]) -> list[Seg]:
    """Snap rulings at nearly the same position together and join collinear pieces."""
    out: list[Seg] = []
    segs = sorted(segs, key=lambda s: s.pos)
    groups: list[list[Seg]] = []
    for s in segs:
        if groups and s.pos - groups[-1][-1].pos <= SNAP:
            groups[-1].append(s)
        else:
            groups.append([s])
    for g in groups:
        pos = statistics.fmean(s.pos for s in g)
        cur: Seg | None = None
        for s in sorted(g, key=lambda s: s.a):
            if cur is not None and s.a <= cur.b + JOIN:
                cur.b = max(cur.b, s.b)
            else:
                if cur is not None:
                    out.append(cur)
                cur = Seg(pos, s.a, s.b)
        if cur is not None:
            out.append(cur)
    return out


def _touch(h: Seg, v: Seg) -> bool:
    return h.a - JOIN <= v.pos <= h.b + JOIN and v.a - JOIN <= h.pos <= v.b + JOIN


def _components(hs: list[Seg], vs: list[Seg]) -> list[tuple[list[Seg], list[Seg]]]:
    """Rulings that touch each other, as separate tables."""
    n = len(hs) + len(vs)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    touched: set[int] = set()
    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if _touch(h, v):
                parent[find(i)] = find(len(hs) + j)
                touched.add(i)
    # horizontal rules stacked over the same width without verticals (rules under each row); two
    # boxed tables of the same width one under the other stay two tables
    for i, h in enumerate(hs):
        if i in touched:
            continue
        for k in range(i + 1, len(hs)):
            g = hs[k]
            if k in touched:
                continue
            if abs(g.a - h.a) <= JOIN * 2 and abs(g.b - h.b) <= JOIN * 2 and 0 < g.pos - h.pos < 80:
                parent[find(k)] = find(i)
    comps: dict[int, tuple[list[Seg], list[Seg]]] = {}
    for i, h in enumerate(hs):
        comps.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        comps.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return list(comps.values())


def _snap_positions(values: list[float], tol: float = SNAP * 1.5) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [statistics.fmean(g) for g in out]


def ruled_grids(page: Page, fpage, words: list[Word] | None = None, paths: list[dict] | None = None) -> list[Grid]:
    """Every ruled table on the page with at least two rows and two columns of words."""
    hs, vs = rulings(fpage, paths)
    if len(hs) < 2 or len(hs) * max(1, len(vs)) > MAX_PAIRS:
        return []  # no table, or a drawing of thousands of lines (a chart, a hatching): not a table's rulings
    words = page.words if words is None else words
    centred = [((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2, w) for w in words]
    grids = []
    for chs, cvs in _components(hs, vs):
        if len(chs) < 2 or (not cvs and len(chs) < 3):
            continue
        x0 = min([h.a for h in chs] + [v.pos for v in cvs])
        x1 = max([h.b for h in chs] + [v.pos for v in cvs])
        ys = _snap_positions([h.pos for h in chs] + [v.a for v in cvs] + [v.b for v in cvs])
        y0, y1 = ys[0], ys[-1]
        if x1 - x0 < 60 or y1 - y0 < 12 or x1 - x0 > page.width * 1.01:
            continue
        # Row bands: between horizontal rulings (not the verticals' ends alone).
        edges = [h.pos for h in chs if h.b - h.a > 8]
        if cvs:  # a row cut at a page break has no closing rule: the verticals' ends close it
            edges += [min(v.a for v in cvs), max(v.b for v in cvs)]
        edges = _snap_positions(edges)
        if not cvs:  # rules under (or over) each row only: the first (last) row has no rule of its own
            if (top := _open_band(words, x0, x1, edges[0], up=True)) is not None:
                edges.insert(0, top)
                y0 = top
            if (bottom := _open_band(words, x0, x1, edges[-1], up=False)) is not None:
                edges.append(bottom)
                y1 = bottom
        inside = [w for cx, cy, w in sorted((c for c in centred if x0 - 2 <= c[0] <= x1 + 2 and y0 - 2 <= c[1] <= y1 + 2),
                                           key=lambda c: c[1])]
        if len(inside) < 4 or len(edges) < 2:
            continue
        centres = [w.cy for w in inside]
        xs_all = _snap_positions([v.pos for v in cvs] + [x0, x1])
        rows: list[list[Cell]] = []
        for top, bottom in zip(edges, edges[1:]):
            if bottom - top < 4:
                continue
            in_row = inside[bisect.bisect_left(centres, top):bisect.bisect_right(centres, bottom)]
            if not in_row:
                continue
            mid_lo, mid_hi = top + (bottom - top) * 0.3, bottom - (bottom - top) * 0.3
            xs = _snap_positions([v.pos for v in cvs if v.a <= mid_lo + JOIN and v.b >= mid_hi - JOIN] + [x0, x1])
            cells = []
            for left, right in zip(xs, xs[1:]):
                if right - left < 3:
                    continue
                cw = [w for w in in_row if left <= w.cx <= right]
                cells.append(Cell(left, top, right, bottom, cw))
            rows.append(cells)
        if len(rows) < 2:
            continue
        if not cvs and not _rule_per_row(rows):
            continue  # a few rules around a table (under its header, under its last row): read by alignment
        if cvs:
            _spread_merged(rows, chs)
        grid = Grid(page.number, (round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1)), rows, "lijnen")
        if len(xs_all) <= 2 or max(len(r) for r in rows) < 2:
            # rules only between rows: the columns come from the alignment of the words
            grid = _align_columns(grid)
        else:
            _assign_columns(grid, xs_all)
        if grid.ncols >= 2:
            grids.append(grid)
    return grids


def _spread_merged(rows: list[list[Cell]], hs: list[Seg]) -> None:
    """Merged cells in a ruled table: where no rule runs between two rows inside a column (a
    perceel's name in one cell beside its clusters' rows, its words wrapped over them), the cells
    are one; its text is given to every row it spans. A merged cell of values is left as it is
    (a number is one row's, not each row's)."""
    def covered(y: float, left: float, right: float) -> bool:
        return any(abs(h.pos - y) <= SNAP and h.a <= left + JOIN and h.b >= right - JOIN for h in hs)

    groups: list[list[Cell]] = []
    open_: dict[tuple[int, int], list[Cell]] = {}  # (x0, x1) rounded -> the group going on from the row above
    for r, row in enumerate(rows):
        nxt: dict[tuple[int, int], list[Cell]] = {}
        for c in row:
            key = (round(c.x0), round(c.x1))
            above = open_.get(key)
            if above is not None and not covered(c.y0, c.x0, c.x1):
                above.append(c)
                nxt[key] = above
            else:
                nxt[key] = [c]
                groups.append(nxt[key])
        open_ = nxt
    has_value: dict[int, bool] = {}  # a value in another cell of its row
    for row in rows:
        flags = [is_value(x.text) for x in row]
        for c, own in zip(row, flags):
            has_value[id(c)] = sum(flags) - own > 0
    for g in groups:
        if len(g) < 2 or not all(has_value[id(c)] for c in g):
            continue  # (a header cell over two header lines is one cell, and read as one already)
        words = [w for c in g for w in c.words]
        if not words or is_value(cell_text(words)):
            continue
        for c in g:
            c.words = words


def _merge_disjoint_columns(grid: Grid) -> None:
    """Two neighbouring value columns that are never filled in the same body row are one column
    whose values stand at different places (centred '0%' or '–' beside right-aligned numbers, a
    dashboard's cells): merged, when at most one of their header cells names a measure by itself."""
    from . import lexicon as lx  # the lexicon imports nothing of the grid; loaded on first use

    nh = getattr(grid, "header_rows", 0) or 0
    k = 1
    while k < grid.ncols - 1:
        matrix = grid.matrix()
        body, head = matrix[nh:], matrix[:nh]
        left = [r[k] for r in body]
        right = [r[k + 1] for r in body]
        disjoint = not any(a and b for a, b in zip(left, right))
        both = sum(bool(a) for a in left) and sum(bool(b) for b in right)
        values = all(is_value(v) for v in left + right if v)
        names = sum(lx.measure_of(" ".join(h[c] for h in head if h[c])) is not None for c in (k, k + 1))
        if disjoint and both and values and names <= 1:
            for row in grid.rows:
                for c in row:
                    if c.col > k:
                        c.col -= 1
            grid.ncols -= 1
            continue
        k += 1


def _names_measures(chunks: list[list[Word]]) -> bool:
    """A line of cells without values of which at least two name a measure: a table's header."""
    from . import lexicon as lx  # the lexicon imports nothing of the grid; loaded on first use

    texts = [cell_text(c) for c in chunks]
    return len(texts) >= 3 and not any(is_value(t) for t in texts) and sum(lx.measure_of(t) is not None for t in texts) >= 2


def _rule_per_row(rows: list[list[Cell]]) -> bool:
    """Horizontal rules that are a table's row lines: no band between two rules holds two lines of
    values (two rows of the table under one rule) or a caption (the rules of two tables)."""
    for k, row in enumerate(rows):
        words = [w for c in row for w in c.words]
        lines = visual_rows(words) if words else []
        if sum(sum(_is_number(cell_text(c)) for c in _chunks(line)) >= 2 for line in lines) > 1:
            return False
        if k > 0 and any(len(ch := _chunks(line)) >= 2 and not any(_is_number(cell_text(c)) for c in ch) for line in lines):
            return False  # a header row further down: the header of a second table under the first
        if any(_CAPTION.match(" ".join(w.text for w in sorted(line, key=lambda w: w.x0))) for line in lines):
            return False
    return True


def _open_band(words: list[Word], x0: float, x1: float, edge: float, up: bool) -> float | None:
    """Where a row without its own rule ends: a table ruled only under each row (Chromium's
    border-bottom on every cell) has its header above the first rule, one ruled only over each
    row has its last row below the last. The lines set tight against the rule and one to the next
    (at most five: header cells wrap and are centred), within the rules' width, up to a caption or
    a sentence; taken when one of them is spread like table cells (two runs of words, or words far
    apart). None when there is no such band."""
    near = [w for w in words if x0 - 2 <= w.cx <= x1 + 2 and (edge - 80 < w.cy < edge if up else edge < w.cy < edge + 80)]
    if not near:
        return None
    lines = [sorted(r, key=lambda w: w.x0) for r in visual_rows(near)]
    lines.sort(key=lambda r: -min(w.y0 for w in r) if up else min(w.y0 for w in r))
    height = statistics.median(w.y1 - w.y0 for w in near)
    taken: list[list[Word]] = []
    reach = edge
    for line in lines:
        top, bottom = min(w.y0 for w in line), max(w.y1 for w in line)
        gap = reach - bottom if up else top - reach
        text = " ".join(w.text for w in line)
        if gap > height * (0.9 if not taken else 0.5) or len(taken) == 5 or _CAPTION.match(text) \
                or (text.endswith((".", ":")) and len(line) >= 4 and len(_chunks(line)) == 1):
            break
        taken.append(line)
        reach = top if up else bottom
    spread = any(len(_chunks(line)) >= 2 or any(b.x0 - a.x1 > height * 0.6 for a, b in zip(line, line[1:])) for line in taken)
    if not taken or not spread:
        return None
    return reach - 1 if up else reach + 1


def _assign_columns(grid: Grid, xs: list[float]) -> None:
    def index(x: float) -> int:
        return min(range(len(xs)), key=lambda i: abs(xs[i] - x))

    for row in grid.rows:
        for c in row:
            c.col = index(c.x0)
            c.span = max(1, index(c.x1) - c.col)
    grid.ncols = max(1, len(xs) - 1)


# ---- alignment ---------------------------------------------------------------------------------


RE_ORDINAL = regex.compile(r"\d{1,3}[.)]")


def _chunks(words: list[Word]) -> list[list[Word]]:
    """Words of one visual row split into cells where the gap is wider than a space or two."""
    words = sorted(words, key=lambda w: w.x0)
    if not words:
        return []
    height = statistics.median(w.y1 - w.y0 for w in words)
    out = [[words[0]]]
    right = words[0].x1  # the chunk's right edge: of words on several lines, the longest reaches it
    for w in words[1:]:
        # two numbers a little more than a space apart are two cells (narrow columns: 'N', '%')
        # (so is a number after an interval's closing bracket: '[8,0; 8,4]   62')
        prev = out[-1][-1].text
        limit = 0.35 if (_is_number(prev) or prev[-1:] in "])" and prev[:-1][-1:].isdigit()) and _is_number(w.text) else 0.9
        if len(out[-1]) == 1 and RE_ORDINAL.fullmatch(prev) and not _is_number(w.text):
            limit = 0.5  # a rank or row number in a narrow column of its own, then the label ('1.   Opleidingen')
        if w.x0 - right > height * limit:
            out.append([w])
            right = w.x1
        else:
            out[-1].append(w)
            right = max(right, w.x1)
    return out


def _spaced_chunks(chunks: list[list[Word]]) -> list[list[Word]]:
    """A line whose words stand a space apart within a cell and clearly further apart between
    cells, all closer than ``_chunks`` splits at (a header over columns sized to their contents):
    each chunk split where a gap is at least twice the line's narrowest and half a line high. A
    line of running text has even gaps (a justified line spreads them evenly) and stays whole."""
    words = sorted((w for c in chunks for w in c), key=lambda w: w.x0)
    positive = [g for a, b in zip(words, words[1:]) if (g := b.x0 - a.x1) > 0.5]
    if not positive:
        return chunks
    wide = max(2 * min(positive), 0.5 * statistics.median(w.y1 - w.y0 for w in words))
    out: list[list[Word]] = []
    for chunk in chunks:
        chunk = sorted(chunk, key=lambda w: w.x0)
        out.append([chunk[0]])
        for a, b in zip(chunk, chunk[1:]):
            if b.x0 - a.x1 >= wide:
                out.append([b])
            else:
                out[-1].append(b)
    return out


def visual_rows(words: list[Word]) -> list[list[Word]]:
    """Words clustered into rows by vertical centre (cells of one row are separate blocks)."""
    if not words:
        return []
    height = statistics.median(w.y1 - w.y0 for w in words)
    rows: list[list[Word]] = []
    centre = 0.0
    for _, _, w in sorted(((w.y0 + w.y1) / 2, w.x0, w) for w in words):
        if rows and abs(w.cy - centre) <= height * 0.45:
            rows[-1].append(w)
            centre = (centre * (len(rows[-1]) - 1) + w.cy) / len(rows[-1])
        else:
            rows.append([w])
            centre = w.cy
    return [sorted(r, key=lambda w: w.x0) for r in rows]


_NUMBERISH = regex.compile(r"^[<>≈~]?[-+]?\d[\d.,]*\s*(?:%|procent|pct\.?)?[*¹²³⁴⁵⁶⁷⁸⁹⁰†‡]{0,2}$|^(?:n\.?v\.?t\.?|-|–|—|n\.?b\.?|\*)$", regex.I)


def is_value(text: str) -> bool:
    """A cell that holds a number or a no-value marker ('8,1', '40,0%', '-', 'n.v.t.')."""
    t = without_interval(" ".join(text.split()))  # '8,2 (8,0 – 8,4)' is the value 8,2
    return bool(_NUMBERISH.match(t)) or bool(_RATIO.fullmatch(t))



_NUMBER = regex.compile(r"^[-+]?\d[\d.,]*\s*%?$")
_RATIO = regex.compile(r"\d[\d.,]*\s*%|\d[\d.,]*\s*:\s*\d+\s*=\s*\d[\d.,]*"
                       # two measures in one cell: '36/80', '36 van 80 (45,0%)', '36 (45,0%)'
                       r"|\d[\d.]*\s*(?:/|van)\s*\d[\d.]*(?:\s*\(\s*\d[\d.,]*\s*%\s*\))?|\d[\d.]*\s*\(\s*\d[\d.,]*\s*%\s*\)")


# A range of two numbers ('8,5 – 9,3', '[8,5; 9,3]'): a confidence interval beside a score. It
# makes a row a table row (label, score, interval), but is never read as a value itself.
_RANGE = regex.compile(r"^[\[(]?\d[\d.,]*\s*(?:[–—-]|;|tot)\s*\d[\d.,]*[\])]?$")


def _is_range(text: str) -> bool:
    return bool(_RANGE.match(" ".join(text.split())))


def _is_number(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


def _union(spans: list[tuple[float, float]]) -> list[list[float]]:
    cols: list[list[float]] = []
    for a, b in sorted(spans):
        if cols and a <= cols[-1][1] + 1:
            cols[-1][1] = max(cols[-1][1], b)
        else:
            cols.append([a, b])
    return cols


def _column_axis(bodies: list[list[list[Word]]]) -> list[tuple[float, float]]:
    """Column intervals from the chunks of the body rows: chunks that overlap share a column. A
    chunk that bridges columns every other row keeps apart (a bold total row whose wider figures
    leave less than a gap between cells: '8,7 [8,5; 8,9] 146') does not join them, when such
    chunks are a few among many; its words then go to their columns one by one."""
    spans = [(min(w.x0 for w in c), max(w.x1 for w in c)) for chunks in bodies for c in chunks]
    cols = _union(spans)
    out: list[tuple[float, float]] = []
    for a, b in cols:
        members = [s for s in spans if a <= s[0] and s[1] <= b]
        parts = _union(members)
        if len(parts) == 1 and len(members) >= 6:
            bridges = [s for s in members if sum(1 for t in members if t is not s and t[0] <= s[1] and s[0] <= t[1]
                                                 and (t[0] > s[0] + 1 or t[1] < s[1] - 1)) >= 2]
            rest = [s for s in members if s not in bridges]
            apart = _union(rest)
            if len(apart) > 1 and len(bridges) * 4 <= len(members) and all(
                    sum(1 for s in rest if p[0] <= s[0] and s[1] <= p[1]) >= 2 for p in apart):
                parts = apart
        out += [(p[0], p[1]) for p in parts]
    return out


def _align_columns(grid: Grid) -> Grid:
    """Split the single cell of each row of a horizontally ruled table into aligned columns."""
    bodies = []
    for row in grid.rows:
        words = [w for c in row for w in c.words]
        chunks = _chunks(words)
        if sum(_is_number(cell_text(c)) for c in chunks) >= 2:
            bodies.append(chunks)
    if not bodies:
        grid.ncols = 1
        return grid
    axis = _column_axis(bodies)
    new_rows = []
    nh = 0
    in_head = True
    for row in grid.rows:
        words = [w for c in row for w in c.words]
        top, bottom = row[0].y0, row[0].y1
        in_head = in_head and sum(_is_number(cell_text(c)) for c in _chunks(words)) < 2
        if in_head and words:
            # header bands line by line, so that a group header ('Respons' over 'n' and '%') can
            # span the columns of the line below it
            for line in visual_rows(words):
                new_rows.append(_header_cells(_chunks(line), axis, min(w.y0 for w in line), max(w.y1 for w in line)))
                nh += 1
        else:
            new_rows.append(_cells_on_axis(words, axis, top, bottom))
    _mark_spans(new_rows[:nh], axis, bodies)
    out = Grid(grid.page, grid.bbox, new_rows, "lijnen", len(axis))
    if nh:
        out.header_rows = nh  # type: ignore[attr-defined]
    return out


def _cells_on_axis(words: list[Word], axis: list[tuple[float, float]], top: float, bottom: float) -> list[Cell]:
    cells: dict[int, Cell] = {}
    for w in words:
        i = _nearest(axis, w)
        if i not in cells:
            cells[i] = Cell(axis[i][0], top, axis[i][1], bottom, [], i)
        cells[i].words.append(w)
    return [cells[i] for i in sorted(cells)]


def _nearest(axis: list[tuple[float, float]], w: Word) -> int:
    for i, (a, b) in enumerate(axis):
        if a - 1 <= w.cx <= b + 1:
            return i
    # between columns: the column whose interval is closest (a label that sticks out to the right)
    return min(range(len(axis)), key=lambda i: 0 if axis[i][0] <= w.x0 <= axis[i][1] else min(abs(axis[i][0] - w.cx), abs(axis[i][1] - w.cx)))


_CAPTION = regex.compile(r"^(?:(?:vervolg(?:\s+van)?\s+)?(?:tabel|table|figuur|grafiek|overzicht)\s+[\dA-Z][\d.]*\b"
                         r"|.{0,60}[(\[](?:vervolg\w*|continued|cont\.)[)\]]\s*$)", regex.I)


def aligned_grids(page: Page, words: list[Word], taken: list[tuple[float, float, float, float]] = ()) -> list[Grid]:
    """Borderless tables: runs of rows with two or more numbers, with up to three header lines above."""
    if taken:
        words = [w for w in words if not any(b[0] - 2 <= w.cx <= b[2] + 2 and b[1] - 2 <= w.cy <= b[3] + 2 for b in taken)]
    rows = visual_rows(words)
    if not rows:
        return []
    height = statistics.median(w.y1 - w.y0 for w in words)
    info = []
    for r in rows:
        chunks = _chunks(r)
        # a number first counts in a row of three or more cells, or in a row of values only (the values
        # of a label set on the lines above and below them: '44   8,5')
        values = sum(is_value(cell_text(c)) or _is_range(cell_text(c)) for c in chunks[1:]) \
            + (1 if chunks and _is_number(cell_text(chunks[0])) and (len(chunks) > 2 or all(is_value(cell_text(c)) for c in chunks)) else 0)
        info.append((r, chunks, values))
    # a label with one value ('Opleidingen   7,6') counts as a table row when at least two such
    # rows are aligned one under the other, under a header line
    for idx in range(len(info)):
        r, chunks, values = info[idx]
        if values == 1 and len(chunks) == 2 and not is_value(cell_text(chunks[0])):
            mates = [info[j] for j in (idx - 1, idx + 1) if 0 <= j < len(info) and len(info[j][1]) == 2
                     and is_value(cell_text(info[j][1][1])) and not is_value(cell_text(info[j][1][0]))
                     and abs(max(w.x1 for w in info[j][1][1]) - max(w.x1 for w in chunks[1])) < 4]
            if mates:
                info[idx] = (r, chunks, 2)
    grids: list[Grid] = []

    def top_of(r: list[Word]) -> float:
        return min(w.y0 for w in r)

    def bottom_of(r: list[Word]) -> float:
        return max(w.y1 for w in r)

    i = 0
    while i < len(info):
        if info[i][2] < 2:
            i += 1
            continue
        # the body: rows with numbers, and label lines between them (group headings, wrapped labels)
        start = end = i
        label_x = min(w.x0 for w in info[i][0])
        # values centred on a label of several lines: the label's first line sits tight above
        first_x = min((min(w.x0 for w in ch) for ch in info[i][1][1:] if is_value(cell_text(ch))), default=float("inf"))
        while start > 0 and info[start - 1][2] == 0 and top_of(info[start][0]) - bottom_of(info[start - 1][0]) < height * 0.3 \
                and min(w.x0 for w in info[start - 1][0]) < label_x + 2 and max(w.x1 for w in info[start - 1][0]) < first_x \
                and not any(is_value(cell_text(c)) for c in info[start - 1][1]):
            start -= 1
            label_x = min(w.x0 for w in info[start][0])

        def label_line(j: int) -> bool:
            r, chunks, values = info[j]
            return values == 0 and abs(min(w.x0 for w in r) - label_x) < 6 and not any(is_value(cell_text(c)) for c in chunks)

        j = i + 1
        while j < len(info):
            r, chunks, values = info[j]
            gap = top_of(r) - bottom_of(info[j - 1][0])
            if gap > height * 2.2:
                break
            if _names_measures(chunks) or (j + 1 < len(info) and values == 0 and _names_measures(info[j + 1][1])):
                break  # another table's header (or its heading right above it) starts here
            if values >= 2:
                end = j
            elif label_line(j) and j + 1 < len(info) and (info[j + 1][2] >= 2 or (label_line(j + 1) and j + 2 < len(info) and info[j + 2][2] >= 2)):
                pass  # a label line inside the table
            elif label_line(j) and gap < height * 0.8:
                pass  # the wrapped end of the previous label
            else:
                break
            j += 1
        body = info[start:end + 1]
        # trailing wrapped label lines right under the last row
        k = end + 1
        while k < len(info) and label_line(k) and (top_of(info[k][0]) - bottom_of(info[k - 1][0]) < height * 0.5 or (
                top_of(info[k][0]) - bottom_of(info[k - 1][0]) < height * 0.6 and _continues_label(info[k - 1][1], info[k][0]))):
            body.append(info[k])
            k += 1
        gaps = [top_of(b[0]) - bottom_of(a[0]) for a, b in zip(body, body[1:]) if top_of(b[0]) - bottom_of(a[0]) > 0]
        reach = max(height * 1.6, 1.25 * statistics.median(gaps)) if gaps else height * 1.6
        # header lines above: up to five lines without numbers, close to the body and each other
        head: list = []
        h = start - 1
        anchor = info[start][0]
        while h >= 0 and len(head) < 5:
            r, chunks, values = info[h]
            if len(r) > 2 and len(spaced := _spaced_chunks(chunks)) > len(chunks) and len(spaced) >= 3:
                chunks = spaced  # a header set tight over narrow columns (a table sized to its contents)
            below = head[0][0] if head else anchor
            gap = top_of(below) - bottom_of(r)
            if values >= 2 or gap > reach:
                break
            if not head and cell_text(r).rstrip().endswith(":") and max(w.x1 for w in r) < first_x:
                # a lead-in in the label column ('Wat is uw mening over:') between header and rows
                body.insert(0, info[h])
                anchor = r
                h -= 1
                continue
            if len(chunks) == 1 and len(head) >= 1 and sum(len(c) for c in chunks) > 6:
                break  # a sentence above the header
            if len(chunks) == 1 and any(len(hc) >= 2 for _, hc, _ in head) and max(w.x1 for w in r) < first_x:
                break  # a title over the label column only, above a header of several cells ('gemiddelde per segment')
            if len(chunks) == 1 and _CAPTION.match(cell_text(chunks[0])):
                break  # the table's caption ('Tabel 2.1 Rapportcijfer', 'Tabel 2.1 (vervolg)') stands above it
            if cell_text(r).rstrip().endswith((".", ":")) and (len(chunks[-1]) > 3 or (
                    len(chunks) == 1 and abs(min(w.x0 for w in r) - label_x) < 6 and cell_text(r).rstrip()[:-1].isalpha())):
                # the end of a paragraph above the table (its last word alone at the text's left
                # margin: '... zijn per e-mail' / 'uitgenodigd.'); a header cell 'st.dev.' or 'steekpr.' is no sentence
                break
            head.insert(0, (r, chunks, values))
            h -= 1
        # a single line of running text directly above is not a header
        while head and len(head[0][1]) == 1 and len(cell_text(head[0][1][0]).split()) > 6:
            head.pop(0)
        value_rows = [c for _, c, v in body if v >= 2]
        first_value = min((min(w.x0 for w in ch) for chunks in value_rows for ch in chunks if is_value(cell_text(ch))), default=0)
        # label lines right under a header that spans the value columns belong to the body (the
        # rest of a row cut at a page break, a group heading)
        while len(head) > 1 and max(w.x1 for w in head[-1][0]) < first_value and min(w.x0 for w in head[-1][0]) < label_x + 6 and any(
                max(w.x1 for w in r) > first_value for r, _, _ in head[:-1]):
            body.insert(0, head.pop())
        # label lines of rows whose values stand on a line of their own give the label column
        label_chunks = [[ch] for r, chunks, v in body if v == 0 for ch in chunks if max(w.x1 for w in ch) < first_value]
        axis = _column_axis(value_rows + label_chunks)
        if len(axis) < 2:
            i = k
            continue
        edges = _right_aligned_edges(value_rows, axis)
        starts = None if edges else _header_starts([chunks for _, chunks, _ in head], axis)
        out_rows = []
        for r, chunks, _ in head + body:
            top, bottom = min(w.y0 for w in r), max(w.y1 for w in r)
            if (r, chunks, _) in head and edges:
                out_rows.append(_cells_by_edges(r, edges, axis, top, bottom))
            elif (r, chunks, _) in head and starts:
                out_rows.append(_cells_by_start(r, starts, axis, top, bottom))
            elif (r, chunks, _) in head:
                out_rows.append(_header_cells(chunks, axis, top, bottom))
            elif not any(is_value(cell_text(c)) for c in chunks) and min(w.x0 for w in r) <= axis[0][1]:
                # a label line (a group heading or a wrapped label) belongs to the label column
                out_rows.append([Cell(axis[0][0], top, max(w.x1 for w in r), bottom, list(r), 0)])
            else:
                out_rows.append(_cells_on_axis(r, axis, top, bottom))
        _mark_spans(out_rows[:len(head)], axis, value_rows)
        allw = [w for r, _, _ in head + body for w in r]
        bbox = (round(min(w.x0 for w in allw), 1), round(min(w.y0 for w in allw), 1),
                round(max(w.x1 for w in allw), 1), round(max(w.y1 for w in allw), 1))
        grid = Grid(page.number, bbox, out_rows, "uitlijning", len(axis))
        grid.header_rows = len(head)  # type: ignore[attr-defined]
        _merge_disjoint_columns(grid)
        grids.append(grid)
        i = k
    return grids


SPAN_OVERLAP = 3.0  # pt a group header must reach past the boundary between two columns


def _value_edges(value_rows: list[list[list[Word]]], axis: list[tuple[float, float]]) -> tuple[dict[int, list[float]], dict[int, list[float]]]:
    """Per column of ``axis``, where its values end and where they begin."""
    ends: dict[int, list[float]] = {}
    begins: dict[int, list[float]] = {}
    for chunks in value_rows:
        for ch in chunks:
            if not is_value(cell_text(ch)):
                continue
            a, b = min(w.x0 for w in ch), max(w.x1 for w in ch)
            col = max(range(len(axis)), key=lambda i: min(axis[i][1], b) - max(axis[i][0], a))
            ends.setdefault(col, []).append(b)
            begins.setdefault(col, []).append(a)
    return ends, begins


def _alignments(value_rows: list[list[list[Word]]], axis: list[tuple[float, float]]) -> list[str | None]:
    """Per column, how its values are set: 'right' (they end at one x and start at several),
    'left' (the reverse), or None (centred, or all of one width: unknown)."""
    ends, begins = _value_edges(value_rows, axis)
    out: list[str | None] = []
    for k in range(len(axis)):
        e, b = ends.get(k, []), begins.get(k, [])
        if len(e) < 2:
            out.append(None)
        elif max(e) - min(e) <= 1.5 and max(b) - min(b) > 2:
            out.append("right")
        elif max(b) - min(b) <= 1.5 and max(e) - min(e) > 2:
            out.append("left")
        else:
            out.append(None)
    return out


def _mark_spans(head_rows: list[list[Cell]], axis: list[tuple[float, float]], value_rows: list[list[list[Word]]]) -> None:
    """A borderless header of two or more lines: a cell of an upper line that stands over the
    cells of two or more columns of the lines below it is a group header ('Respons' over 'aantal'
    and '%', 'Rapportcijfer' over 'gemiddeld' and 'st.dev.'), spanning those columns as a ruled
    table's merged cell does. Where two columns meet is read from how their values are set: just
    right of a right-aligned column's values, just left of a left-aligned column's, else halfway
    between (a column's extent: its values and its header words below). A header cell of one
    column stays inside it; a group cell reaches a few points past each boundary it crosses, and
    every column it spans has a header cell of its own below ('Ingevulde' over 'vragen-' is one
    cell of two lines, not a group)."""
    n = len(axis)
    align = _alignments(value_rows, axis)
    for i, row in enumerate(head_rows[:-1]):
        below = [c for r in head_rows[i + 1:] for c in r if c.words and c.col < n]
        if not below:
            continue
        ext = [[a, b] for a, b in axis]
        for c in below:
            ext[c.col][0] = min(ext[c.col][0], min(w.x0 for w in c.words))
            ext[c.col][1] = max(ext[c.col][1], max(w.x1 for w in c.words))
        bounds = []
        for k in range(n - 1):
            if align[k] == "right":
                bounds.append(min(ext[k][1] + 1.5, (ext[k][1] + ext[k + 1][0]) / 2))
            elif align[k + 1] == "left":
                bounds.append(max(ext[k + 1][0] - 1.5, (ext[k][1] + ext[k + 1][0]) / 2))
            else:
                bounds.append((ext[k][1] + ext[k + 1][0]) / 2)
        below_cols = {c.col for c in below}
        for cell in row:
            if not cell.words:
                continue
            a, b = min(w.x0 for w in cell.words), max(w.x1 for w in cell.words)
            crossed = [k for k in range(n - 1) if a <= bounds[k] - SPAN_OVERLAP and b >= bounds[k] + SPAN_OVERLAP]
            if not crossed or crossed != list(range(crossed[0], crossed[-1] + 1)):
                continue
            cols = list(range(crossed[0], crossed[-1] + 2))
            if not set(cols) <= below_cols:
                continue
            if any(other is not cell and other.words and cols[0] <= other.col <= cols[-1] for other in row):
                continue  # another cell of the same line stands over one of those columns
            cell.col, cell.span = cols[0], len(cols)
            cell.x0, cell.x1 = axis[cols[0]][0], axis[cols[-1]][1]
    for row in head_rows:
        row.sort(key=lambda c: c.col)


def column_header_lines(grid: Grid, nh: int) -> list[tuple[str, list[str]]]:
    """Per column of the grid, its header over the first ``nh`` rows as (group, own lines):
    ``group`` the cells that span it with other columns (a group header, a merged cell), ``own``
    the texts of its own cells, one per header row that has one. A spanning cell with no own cell
    under any of its columns (a header cell merged over columns for no sub-header) counts as the
    own text of its first column only."""
    groups: list[list[str]] = [[] for _ in range(grid.ncols)]
    owns: list[list[str]] = [[] for _ in range(grid.ncols)]
    spanning: list[tuple[Cell, list[int]]] = []
    for row in grid.rows[:nh]:
        for c in row:
            if not c.text or c.col >= grid.ncols:
                continue
            if c.span > 1:
                spanning.append((c, list(range(c.col, min(grid.ncols, c.col + c.span)))))
            else:
                owns[c.col].append(c.text)
    for c, cols in spanning:
        if any(owns[k] for k in cols):
            for k in cols:
                groups[k].append(c.text)
        else:
            owns[cols[0]].insert(0, c.text)
    return [(" ".join(g), o) for g, o in zip(groups, owns)]


def column_headers(grid: Grid, nh: int) -> list[tuple[str, str]]:
    """Per column, (group, own) header text: see ``column_header_lines``."""
    return [(g, " ".join(o)) for g, o in column_header_lines(grid, nh)]


def _right_aligned_edges(value_rows: list[list[list[Word]]], axis: list[tuple[float, float]]) -> list[float] | None:
    """When every value column is right-aligned (its numbers end at one x, start at several), the
    right edges of the values bound the header cells: a header word left-aligned or centred in its
    cell starts after the previous column's numbers end."""
    ends, begins = _value_edges(value_rows, axis)
    if len(ends) < 2 or len(value_rows) < 2:
        return None
    varied = False
    for col in ends:
        if max(ends[col]) - min(ends[col]) > 1.5:
            return None
        varied |= max(begins[col]) - min(begins[col]) > 2
    if not varied:
        return None  # numbers of one width: alignment unknown
    return [axis[i][1] + 0.5 for i in range(len(axis))]


def _cells_by_edges(words: list[Word], edges: list[float], axis, top: float, bottom: float) -> list[Cell]:
    cells: dict[int, Cell] = {}
    for w in sorted(words, key=lambda w: w.x0):
        # a header cell without padding starts right where the numbers of the column before end
        col = next((i for i, e in enumerate(edges) if w.x0 < e - 1.0), len(edges) - 1)
        if col not in cells:
            cells[col] = Cell(axis[col][0], top, axis[col][1], bottom, [], col)
        cells[col].words.append(w)
    return [cells[i] for i in sorted(cells)]


def _header_starts(lines: list[list[list[Word]]], axis: list[tuple[float, float]]) -> list[tuple[float, int]] | None:
    """Left-aligned header cells wider than their numbers ('Functiegerichte vaardigheidstrainingen
    – cluster Bouw en infra' over '111'): each header cell starts at the same x on every line it
    takes. When the distinct starts are one per value column (or per column), they tell the
    columns apart where the words of two cells run together. Returns (start, column) pairs."""
    xs = sorted(min(w.x0 for w in chunk) for chunks in lines for chunk in chunks)
    if not xs:
        return None
    starts: list[float] = []
    for x in xs:
        if not starts or x - starts[-1] > 6:
            starts.append(x)
    n = len(axis)
    if len(starts) == n:
        cols = list(range(n))
    elif len(starts) == n - 1:
        cols = list(range(1, n))
    else:
        return None
    pairs = list(zip(starts, cols))
    # each start must lie left of its column's right edge and right of the previous column's
    for x, c in pairs:
        if x > axis[c][1] + 2 or (c > 0 and x < axis[c - 1][0] - 2):
            return None
    if len(lines) < 2 and len(starts) == n - 1:
        return None  # one header line: the overlap of each cell with its column is as good
    return pairs


def _cells_by_start(words: list[Word], starts: list[tuple[float, int]], axis, top: float, bottom: float) -> list[Cell]:
    cells: dict[int, Cell] = {}
    for w in sorted(words, key=lambda w: w.x0):
        col = next((c for x, c in reversed(starts) if w.x0 >= x - 2), starts[0][1])
        if col not in cells:
            cells[col] = Cell(axis[col][0], top, axis[col][1], bottom, [], col)
        cells[col].words.append(w)
    return [cells[i] for i in sorted(cells)]


TOUCH = 1.0  # pt: a header cell without padding may start where the numbers of the column before end


def _gap_column(axis: list[tuple[float, float]], x: float) -> int:
    """The column of a header word that stands over no column's values, in the gap between two:
    numbers are set right-aligned (or centred) under a header that starts further left, so the
    word belongs to the column on its right; right of the last column, to the last."""
    for k, (a, _) in enumerate(axis):
        if a >= x:
            return k
    return len(axis) - 1


def _header_cells(chunks: list[list[Word]], axis: list[tuple[float, float]], top: float, bottom: float) -> list[Cell]:
    """A header chunk belongs to the column it overlaps most (header text is often centred or wider)."""
    cells: dict[int, Cell] = {}
    split: list[list[Word]] = []

    def column_of(a: float, b: float) -> int:
        best = max(range(len(axis)), key=lambda i: min(axis[i][1], b) - max(axis[i][0], a))
        if min(axis[best][1], b) - max(axis[best][0], a) > TOUCH:
            return best
        return _gap_column(axis, (a + b) / 2)

    for chunk in chunks:
        inside = {column_of(w.x0, w.x1) for w in chunk}
        if len(inside) > 1:  # 'Resp. Respons' set close together over two columns
            groups: dict[int, list[Word]] = {}
            for w in chunk:
                groups.setdefault(column_of(w.x0, w.x1), []).append(w)
            split += list(groups.values())
        else:
            split.append(chunk)
    placed: list[tuple[list[Word], int, bool]] = []
    for chunk in split:
        a, b = min(w.x0 for w in chunk), max(w.x1 for w in chunk)
        best = max(range(len(axis)), key=lambda i: (min(b, axis[i][1]) - max(a, axis[i][0]), -abs((a + b) / 2 - sum(axis[i]) / 2)))
        over = min(b, axis[best][1]) - max(a, axis[best][0]) > TOUCH
        if not over:
            best = _gap_column(axis, (a + b) / 2)
        placed.append((chunk, best, over))
    # a chunk over no column's values (a narrow header such as '%' in the gap between two columns
    # of narrow numbers) does not take the column of a chunk of the same line that stands over its
    # values: it goes to the free neighbour on its side
    taken = {best for _, best, over in placed if over}
    for k, (chunk, best, over) in enumerate(placed):
        if over or best not in taken:
            continue
        centre = (min(w.x0 for w in chunk) + max(w.x1 for w in chunk)) / 2
        side = best + 1 if centre > sum(axis[best]) / 2 else best - 1
        if 0 <= side < len(axis) and side not in taken and not any(b2 == side for _, b2, _ in placed):
            placed[k] = (chunk, side, over)
    for chunk, best, _ in placed:
        if best not in cells:
            cells[best] = Cell(axis[best][0], top, axis[best][1], bottom, [], best)
        cells[best].words.extend(chunk)
    return [cells[i] for i in sorted(cells)]


def cached_ruled_grids(doc: Document, page_no: int) -> list[Grid]:
    """The ruled tables of a page, computed once per document (several parsers may ask)."""
    cache = doc.__dict__.setdefault("_reader_ruled", {})
    if page_no not in cache:
        page = doc.page(page_no)
        # all words: a ruled table's last row may sit in the band kept for running footers
        cache[page_no] = ruled_grids(page, doc.fitz[page_no - 1], page.words, doc.drawings(page_no))
    return cache[page_no]


def page_grids(doc: Document, page_no: int) -> list[Grid]:
    """Ruled tables first; borderless tables in the words outside them. Top to bottom."""
    page = doc.page(page_no)
    ruled = cached_ruled_grids(doc, page_no)
    # all words: a running header or footer stands apart from a table by more than a row's gap,
    # while a table's last row may reach into the band kept for them
    aligned = aligned_grids(page, page.words, [g.bbox for g in ruled])
    return sorted(ruled + aligned, key=lambda g: g.bbox[1])


# a label line ending in one of these goes on on the next line ('vaardigheidstrainingen /')
_CONNECTORS = ("/", "-", "–", ",", "&", "+", " en", " of", " in", " voor", " met", " van", " de", " het")


def _continues_label(chunks_above: list[list[Word]], line: list[Word]) -> bool:
    """A line in the label column goes on from the label above it: it opens in lower case, or the
    label above ends in a connector ('Bouw en' / 'infra')."""
    text = cell_text(sorted(line, key=lambda w: w.x0)).strip()
    above = cell_text(chunks_above[0]).rstrip() if chunks_above else ""
    return text[:1].islower() or above.endswith(_CONNECTORS)


def _whole_perceel(text: str) -> bool:
    """The text is the whole name of a perceel ('Functiegerichte vaardigheidstrainingen',
    'Opleidingen'), so no part of another row's label."""
    from . import lexicon as lx  # the lexicon imports nothing of the grid; loaded on first use

    t = lx.normalise_header(text)
    return t in {w.lower() for w in lx.lexicon()["labels"]["perceel"]}


def logical_rows(grid: Grid) -> list[list[str]]:
    """The grid's rows with wrapped labels put back together. In a ruled grid a cell holds its
    lines already. In a borderless grid a label of several lines shows as label-only lines next to
    the row with the values, above it (values set at the bottom), below it (at the top) or both
    (centred): each run of such lines set tight against a row joins that row's label; a run tight
    against neither stays a row of its own (a heading, a lead-in such as 'Wat is uw mening over:')."""
    matrix = grid.matrix()
    if grid.method != "uitlijning":
        return matrix
    boxes = [(min(c.y0 for c in r), max(c.y1 for c in r)) if r else (0.0, 0.0) for r in grid.rows]
    words = [w for r in grid.rows for c in r for w in c.words]
    height = statistics.median(w.y1 - w.y0 for w in words) if words else 10.0
    tight = height * 0.6
    nh = getattr(grid, "header_rows", 0) or 0
    label_only = [i >= nh and bool(m[0]) and not any(m[1:]) and not m[0].rstrip().endswith(":") for i, m in enumerate(matrix)]
    data = [i >= nh and any(is_value(c) for c in m[1:] if c) for i, m in enumerate(matrix)]
    owner: dict[int, int] = {}
    i = nh
    while i < len(matrix):
        if not label_only[i]:
            i += 1
            continue
        run = [i]  # a run of label-only lines set tight one under the other
        while run[-1] + 1 < len(matrix) and label_only[run[-1] + 1] and boxes[run[-1] + 1][0] - boxes[run[-1]][1] < tight:
            run.append(run[-1] + 1)
        prev, nxt = run[0] - 1, run[-1] + 1
        if _whole_perceel(" ".join(matrix[k][0] for k in run)) and nxt < len(matrix) and matrix[nxt][0].strip()[:1].isupper():
            i = run[-1] + 1  # 'Functiegerichte vaardigheidstrainingen' over its clusters: a heading, whole
            continue
        gap_up = boxes[run[0]][0] - boxes[prev][1] if prev >= nh and data[prev] else float("inf")
        gap_down = boxes[nxt][0] - boxes[run[-1]][1] if nxt < len(matrix) and data[nxt] else float("inf")
        up_done = prev >= nh and matrix[prev][0].rstrip().endswith(("?", "."))
        below = matrix[nxt][0].strip() if nxt < len(matrix) else ""
        if gap_up < tight and prev >= nh and data[prev] and not up_done and len(run) == 1 \
                and matrix[run[0]][0].rstrip().endswith("?"):
            # a question's last line under the row whose label it ends ('... contact heeft gehad met
            # de' / 'werknemer?'): the question mark closes that label, whatever the next one opens with
            owner[run[0]] = prev
            i = run[-1] + 1
            continue
        if gap_up < tight and gap_down < tight and (not below or below[0].islower()):
            # lines tight both ways (values centred on a label of several lines, evenly spaced):
            # the words tell. The row below opens in lower case or has no label of its own, so its
            # label began in this run: at the run's last line that opens a label (a capital, not
            # after a line ending in a connector such as '/' or 'en'); the lines before it end the
            # label above.
            above = matrix[prev][0].rstrip() if prev >= nh else ""
            texts = [matrix[k][0].strip() for k in run]
            split = next((s for s in range(len(run) - 1, -1, -1) if texts[s][:1].isupper()
                          and not (texts[s - 1] if s else above).endswith(_CONNECTORS)), None)
            if split is not None:
                for k in run[:split]:
                    owner[k] = prev
                run = run[split:]
                gap_up = float("inf")
        if gap_up < tight and (gap_up <= gap_down or gap_down >= tight) and not (up_done and gap_down < tight):
            for k in run:
                owner[k] = prev
        elif gap_down < tight:
            for k in run:
                owner[k] = nxt
        i = run[-1] + 1
    out: list[list[str]] = []
    for i, m in enumerate(matrix):
        if i in owner:
            continue
        row = list(m)
        above = [matrix[k][0] for k in sorted(owner) if owner[k] == i and k < i]
        below = [matrix[k][0] for k in sorted(owner) if owner[k] == i and k > i]
        row[0] = functools.reduce(join_lines, [p for p in above + [row[0]] + below if p], "")
        out.append(row)
    return out


# ---- a header left at the foot of the page before ---------------------------------------------

# A page number as a running footer or header prints it: '3', '- 3 -', 'Pagina 3', 'pagina 3 van 8', '3/8'.
_PAGE_NUMBER = regex.compile(r"^[-–—]?\s*(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?\s*[-–—]?$", regex.I)
FURNITURE_BAND = 0.15  # running headers and footers stand in the top or bottom 15 % of a page


def _shape(words: list[Word]) -> str:
    """A row's text with its numbers blanked: a running footer 'KTO 2021 | pagina 3' is the same on every page."""
    return regex.sub(r"\d+", "#", " ".join(w.text for w in words).lower())


def furniture(doc: Document, page_no: int, rows: list[list[Word]]) -> list[bool]:
    """Which visual rows of a page are page furniture: a page number, or a running header or
    footer (the same text, numbers aside, at about the same height on a neighbouring page), in
    the top or bottom band of the page."""
    page = doc.page(page_no)
    band_top, band_bottom = page.height * FURNITURE_BAND, page.height * (1 - FURNITURE_BAND)
    others: list[tuple[str, float]] = []
    for q in (page_no - 2, page_no - 1, page_no + 1, page_no + 2):
        if 1 <= q <= doc.page_count:
            other = doc.page(q)
            others += [(_shape(r), (min(w.y0 for w in r) + max(w.y1 for w in r)) / 2)
                       for r in visual_rows([w for w in other.words if w.y1 <= band_top or w.y0 >= band_bottom])]
    out = []
    for r in rows:
        top, bottom = min(w.y0 for w in r), max(w.y1 for w in r)
        if bottom > band_top and top < band_bottom:
            out.append(False)
            continue
        text = " ".join(w.text for w in r)
        shape, centre = _shape(r), (top + bottom) / 2
        out.append(bool(_PAGE_NUMBER.match(text.strip())) or any(s == shape and abs(c - centre) < 4 for s, c in others))
    return out


def _axis_of(grid: Grid) -> list[tuple[float, float]]:
    """The grid's columns as x intervals, from the cells of its rows with values."""
    spans: dict[int, list[float]] = {}
    for row in grid.rows:
        if sum(is_value(c.text) for c in row) < 1:
            continue
        for c in row:
            if c.span == 1 and c.col < grid.ncols:
                lo, hi = spans.setdefault(c.col, [c.x0, c.x1])
                spans[c.col] = [min(lo, c.x0), max(hi, c.x1)]
    if len(spans) != grid.ncols:
        return []
    return [tuple(spans[i]) for i in range(grid.ncols)]  # type: ignore[misc]


def header_before(doc: Document, grid: Grid) -> tuple[Grid, Grid] | None:
    """A table's header left at the foot of the page before ``grid``, as a grid of header rows on
    ``grid``'s columns, when ``grid`` is header-less rows at the top of its page and the page before
    ends in header lines: below them only page furniture (a footer, a page number), above ``grid``
    only furniture (a running header), and every value column of ``grid`` under a header cell.
    Returns (header, body): the body is ``grid`` without a running header it took for its own
    header line. Whether the header cells name measures is for ``reader.tables`` to decide."""
    if grid.page < 2:
        return None
    page = doc.page(grid.page)
    rows = visual_rows(page.words)
    furn_rows = furniture(doc, grid.page, rows)
    for r, furn in zip(rows, furn_rows):
        if max(w.y1 for w in r) <= grid.bbox[1] + 0.5 and not furn:
            return None  # something else stands above the rows: they open the page with their own matter
    nh = getattr(grid, "header_rows", 0) or 0
    if nh:
        furn_words = {w for r, furn in zip(rows, furn_rows) if furn for w in r}
        if not all(w in furn_words for row in grid.rows[:nh] for c in row for w in c.words):
            return None  # the rows have a header line of their own
        kept = grid.rows[nh:]
        words = [w for row in kept for c in row for w in c.words]
        if not words:
            return None
        box = (round(min(w.x0 for w in words), 1), round(min(w.y0 for w in words), 1),
               round(max(w.x1 for w in words), 1), round(max(w.y1 for w in words), 1))
        grid = Grid(grid.page, box, kept, grid.method, grid.ncols)
        grid.header_rows = 0  # type: ignore[attr-defined]
    prev = doc.page(grid.page - 1)
    prows = visual_rows(prev.words)
    content = [r for r, furn in zip(prows, furniture(doc, prev.number, prows)) if not furn]
    if not content:
        return None
    height = statistics.median(w.y1 - w.y0 for r in content for w in r)
    head: list[list[Word]] = []
    for r in reversed(content):
        chunks = _chunks(r)
        text = cell_text(r).strip()
        if any(is_value(cell_text(c)) for c in chunks):
            break  # a row with values: the table (if any) has its body on this page
        if head and min(w.y0 for w in head[0]) - max(w.y1 for w in r) > height * 1.6:
            break
        if len(chunks) == 1 and (_CAPTION.match(text) or len(text.split()) > 6):
            break  # the caption, or running text above the header
        if text.endswith((".", ":")) and len(chunks[-1]) > 3:
            break  # the end of a paragraph (a header cell 'st.dev.' is no sentence)
        head.insert(0, r)
        if len(head) == 5:
            break
    if not head:
        return None
    ruled = [g.bbox for g in cached_ruled_grids(doc, prev.number)]
    if any(b[0] - 2 <= w.cx <= b[2] + 2 and b[1] - 2 <= w.cy <= b[3] + 2 for b in ruled for r in head for w in r):
        return None  # part of a ruled table of that page: read as such
    axis = _axis_of(grid)
    if len(axis) < 2 or any(w.x0 < axis[0][0] - 12 or w.x1 > axis[-1][1] + 12 for r in head for w in r):
        return None  # wider than the rows: not their header
    value_rows = [[c.words for c in row if c.words] for row in grid.rows if sum(is_value(c.text) for c in row) >= 2]
    edges = _right_aligned_edges(value_rows, axis) if grid.method == "uitlijning" else None
    starts = None if edges else _header_starts([_chunks(r) for r in head], axis)
    out_rows = []
    for r in head:
        top, bottom = min(w.y0 for w in r), max(w.y1 for w in r)
        if edges:
            out_rows.append(_cells_by_edges(r, edges, axis, top, bottom))
        elif starts:
            out_rows.append(_cells_by_start(r, starts, axis, top, bottom))
        else:
            out_rows.append(_header_cells(_chunks(r), axis, top, bottom))
    value_cols = {c.col for row in grid.rows for c in row if is_value(c.text)}
    header_cols = {c.col for row in out_rows for c in row}
    if not value_cols <= header_cols:
        return None  # a value column without a header cell: another column structure
    allw = [w for r in head for w in r]
    bbox = (round(min(w.x0 for w in allw), 1), round(min(w.y0 for w in allw), 1),
            round(max(w.x1 for w in allw), 1), round(max(w.y1 for w in allw), 1))
    out = Grid(prev.number, bbox, out_rows, grid.method, grid.ncols)
    out.header_rows = len(head)  # type: ignore[attr-defined]
    return out, grid
