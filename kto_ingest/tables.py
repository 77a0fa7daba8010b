"""Read a results table from word positions, across pages, ruled or not.

The reader is vendor-neutral: a parser says which header words identify which
column and how a cell value must look; the reader finds the header, the column
bands and the rows, and returns raw cell text with page and box. Turning the
text into numbers is the parser's job.

* Borderless tables (including right-aligned numbers) are read from PyMuPDF
  word positions: a word belongs to the column band its centre falls in; bands
  are split halfway between neighbouring headers.
* When the table page has a ruled grid, the cells built from the page's own
  vector lines (PyMuPDF ``get_drawings``) decide which words share a cell, so
  labels that wrap inside a cell stay one label.
* A table that runs off the page continues on the next page when that page
  starts with table rows (with or without a repeated header).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .document import Document, Page, Word
from .schema import Evidence

Validator = Callable[[str], bool]


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    keywords: tuple[str, ...]  # lower-case header words; any one identifies the column
    valid: Validator  # does a cell text look like a value of this column?


@dataclass
class Column:
    key: str
    x0: float
    x1: float


@dataclass
class TableRow:
    page: int
    label: str
    cells: dict[str, str]
    bbox: tuple[float, float, float, float]

    @property
    def is_label_only(self) -> bool:
        return not any(self.cells.values())


@dataclass
class Table:
    rows: list[TableRow] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    method: str = "woordposities"  # or "lijnen" / "pdfplumber" (ruled cells); shown in the evidence
    header_bbox: tuple[float, float, float, float] | None = None
    warnings: list[str] = field(default_factory=list)  # Dutch; e.g. that pdfplumber was needed

    def evidence(self, page: int, caption: str) -> Evidence:
        """Where the table is and how it was read, for the ``results`` evidence."""
        where = ", ".join(map(str, self.pages))
        return Evidence(page=page, raw=f"{caption} (gelezen met {self.method}, pagina {where})", bbox=self.header_bbox)


def _join(words: Sequence[Word]) -> str:
    ordered = sorted(words, key=lambda w: (round(w.cy / 3), w.x0))
    return " ".join(w.text for w in ordered)


def _body_words(page: Page, y_from: float) -> list[Word]:
    return [w for b in page.body_blocks for line in b.lines for w in line.words if w.y0 >= y_from - 0.5]


def _visual_rows(words: list[Word]) -> list[list[Word]]:
    """Cluster words into rows by vertical centre."""
    if not words:
        return []
    height = statistics.median(w.y1 - w.y0 for w in words)
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.cy, w.x0)):
        if rows and abs(w.cy - statistics.fmean(x.cy for x in rows[-1])) <= height * 0.45:
            rows[-1].append(w)
        else:
            rows.append([w])
    return rows


def find_header(page: Page, specs: Sequence[ColumnSpec], y_from: float, depth: float = 60) -> list[Column] | None:
    """Columns from header words found between ``y_from`` and ``y_from + depth``."""
    found: dict[str, list[Word]] = {}
    for w in page.words:
        if not (y_from - 2 <= w.y0 <= y_from + depth):
            continue
        for spec in specs:
            if _is_keyword(w.text, spec):
                found.setdefault(spec.key, []).append(w)
    if len(found) < max(2, len(specs) - 1):
        return None
    cols = [Column(k, min(w.x0 for w in ws), max(w.x1 for w in ws)) for k, ws in found.items()]
    return sorted(cols, key=lambda c: c.x0)


def _bands(columns: list[Column]) -> list[tuple[str, float, float]]:
    bands = []
    for i, col in enumerate(columns):
        left = (columns[i - 1].x1 + col.x0) / 2 if i else col.x0 - 0.5 * (col.x1 - col.x0) - 4
        right = (col.x1 + columns[i + 1].x0) / 2 if i + 1 < len(columns) else float("inf")
        bands.append((col.key, left, right))
    return bands


def _split(words: list[Word], columns: list[Column]) -> tuple[str, dict[str, str]]:
    bands = _bands(columns)
    label_edge = bands[0][1]
    label = [w for w in words if w.cx < label_edge]
    cells: dict[str, list[Word]] = {c.key: [] for c in columns}
    for w in words:
        if w.cx < label_edge:
            continue
        for key, left, right in bands:
            if left <= w.cx < right:
                cells[key].append(w)
                break
    _label_tail(label, cells[bands[0][0]])
    return _join(label), {k: _join(v) for k, v in cells.items()}


def _label_tail(label: list[Word], first: list[Word]) -> None:
    """Words without a digit at the left of the first value cell that follow the label at a word's
    spacing belong to the label: a long label's trailing en dash ("vaardigheidstrainingen –") or
    last word that reaches into the first column's band, or a stray glyph OCR set against it. A
    value cell never starts with such a word, and a label never ends a column's width away."""
    if not label or not first:
        return
    height = statistics.median(w.y1 - w.y0 for w in label + first)
    first.sort(key=lambda w: w.x0)
    while first and not any(c.isdigit() for c in first[0].text):
        end = max(w.x1 for w in label if abs(w.cy - first[0].cy) < height) if any(
            abs(w.cy - first[0].cy) < height for w in label) else None
        if end is None or first[0].x0 - end > 0.9 * height:
            break
        label.append(first.pop(0))


def _row_fits(cells: dict[str, str], specs: dict[str, ColumnSpec]) -> bool:
    return all(not text or specs[key].valid(text) for key, text in cells.items())


def _is_header_row(words: list[Word], specs: Sequence[ColumnSpec]) -> bool:
    return sum(_in_header(w, specs) for w in words) >= 2


@dataclass
class _Rules:
    """The ruling lines of a page from PyMuPDF's vector paths: (y, x0, x1) and (x, y0, y1)."""

    horizontal: list[tuple[float, float, float]]
    vertical: list[tuple[float, float, float]]


def _rules(doc: Document, page_no: int) -> _Rules:
    horizontal, vertical = [], []
    for path in doc.drawings(page_no):
        for item in path["items"]:
            if item[0] == "l":
                p, q = item[1], item[2]
                if abs(p.y - q.y) < 1 and abs(p.x - q.x) >= 1:
                    horizontal.append(((p.y + q.y) / 2, min(p.x, q.x), max(p.x, q.x)))
                elif abs(p.x - q.x) < 1 and abs(p.y - q.y) >= 1:
                    vertical.append(((p.x + q.x) / 2, min(p.y, q.y), max(p.y, q.y)))
            elif item[0] == "re":  # a hairline drawn as a thin rectangle
                r = item[1]
                if r.height < 1.5 <= r.width:
                    horizontal.append(((r.y0 + r.y1) / 2, r.x0, r.x1))
                elif r.width < 1.5 <= r.height:
                    vertical.append(((r.x0 + r.x1) / 2, r.y0, r.y1))
    return _Rules(horizontal, vertical)


def _merge(values: list[float], tolerance: float = 1.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _crossing(rules: _Rules, y: float) -> list[tuple[float, float, float]]:
    return [v for v in rules.vertical if v[1] <= y <= v[2]]


def _grid(rules: _Rules, y_anchor: float) -> tuple[tuple[float, float, float, float], list[tuple[float, float, list[tuple[float, float]]]]] | None:
    """The ruled table whose vertical rules cross ``y_anchor``: its box and its rows, each row
    ``(top, bottom, [(left, right) per cell])``. Built from the page's own lines, so no second
    PDF parser is needed (pdfplumber took 0.4 s for such a page)."""
    spine = _crossing(rules, y_anchor)
    if len(spine) < 3:
        return None
    x0, x1 = min(v[0] for v in spine) - 1, max(v[0] for v in spine) + 1
    y0, y1 = min(v[1] for v in spine) - 1, max(v[2] for v in spine) + 1
    edges = _merge([h[0] for h in rules.horizontal if y0 <= h[0] <= y1 and h[1] < x1 and h[2] > x0])
    if len(edges) < 2:
        return None
    rows = []
    for top, bottom in zip(edges, edges[1:]):
        mid = (top + bottom) / 2
        xs = _merge([v[0] for v in rules.vertical if v[1] <= mid <= v[2] and x0 <= v[0] <= x1])
        rows.append((top, bottom, list(zip(xs, xs[1:]))))
    return (x0 + 1, edges[0], x1 - 1, edges[-1]), rows


def _read_words(page: Page, y_from: float, columns: list[Column], specs: dict[str, ColumnSpec], gap_limit: float):
    """Rows on one page from word positions. Returns (rows, ended_on_page)."""
    rows: list[TableRow] = []
    last_y1: float | None = None
    heights: list[float] = []
    for words in _visual_rows(_body_words(page, y_from)):
        y0, y1 = min(w.y0 for w in words), max(w.y1 for w in words)
        label, cells = _split(words, columns)
        if last_y1 is not None and y0 - last_y1 > gap_limit:
            return rows, True
        if not _row_fits(cells, specs):
            return rows, True
        height = statistics.median(w.y1 - w.y0 for w in words)
        if heights and not any(cells.values()) and height > 1.25 * statistics.median(heights):
            return rows, True  # a line without numbers in larger type: the heading after the table
        heights.append(height)
        bbox = (min(w.x0 for w in words), y0, max(w.x1 for w in words), y1)
        rows.append(TableRow(page.number, label, cells, tuple(round(v, 1) for v in bbox)))
        last_y1 = y1
    return rows, False


def _finish_words(result: tuple[list[TableRow], bool]) -> tuple[list[TableRow], bool]:
    rows, ended = result
    _merge_wrapped_labels(rows)
    return rows, ended


def _reader_grid(doc: Document, page_no: int, y_anchor: float):
    """The reader's ruled grid (``kto_ingest.reader.grid``) that spans ``y_anchor``: it accepts
    stroked lines and the thin filled rectangles Chromium and LibreOffice draw, with gaps and
    overlaps at the joints, so such tables need no second PDF parser."""
    from .reader.grid import cached_ruled_grids

    for g in cached_ruled_grids(doc, page_no):
        if g.bbox[1] - 2 <= y_anchor <= g.bbox[3] + 2 and any(len(r) >= 3 for r in g.rows):
            return g
    return None


def _read_grid(page: Page, rules, y_anchor: float, columns: list[Column], specs: dict[str, ColumnSpec], doc: Document | None = None):
    """Rows on one page from the ruled cells; words come from PyMuPDF as everywhere else."""
    grid = _reader_grid(doc, page.number, y_anchor) if doc is not None else None
    if grid is None:
        return None
    bands = _bands(columns)
    rows: list[TableRow] = []
    for cells in grid.rows:
        in_row = [w for c in cells for w in c.words]
        top, bottom = cells[0].y0, cells[0].y1
        if bottom <= y_anchor - 2 or not in_row or _is_header_row(in_row, specs.values()):
            continue
        # Cell geometry decides grouping; columns are matched by the header bands.
        label_words: list[Word] = []
        cell_words: dict[str, list[Word]] = {c.key: [] for c in columns}
        for c in cells:
            if not c.words:
                continue
            centre = (c.x0 + c.x1) / 2
            key = next((k for k, lo, hi in bands if lo <= centre < hi), None)
            if centre < bands[0][1] or key is None:
                label_words += c.words
            else:
                cell_words[key] += c.words
        box = (round(grid.bbox[0], 1), round(top, 1), round(grid.bbox[2], 1), round(bottom, 1))
        rows.append(TableRow(page.number, _join(label_words), {k: _join(v) for k, v in cell_words.items()}, box))
    ended = grid.bbox[3] < page.height * 0.85
    return rows, ended


def _read_plumber_grid(doc: Document, page: Page, y_from: float, columns: list[Column], specs: dict[str, ColumnSpec]):
    """Fallback when the page's lines do not make cells that hold the rows (rules drawn as curves or
    wide bars): pdfplumber's cell geometry, on this page only. About 0.4 s a page."""
    ppage = doc.plumber_page(page.number)
    settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    tables = [t for t in ppage.find_tables(settings) if t.bbox[3] > y_from + 2]
    if not tables:
        return None
    table = min(tables, key=lambda t: abs(t.bbox[1] - y_from))
    words = _body_words(page, table.bbox[1])
    rows: list[TableRow] = []
    for prow in table.rows:
        cells = [c for c in prow.cells if c is not None]
        if not cells:
            continue
        in_row = [w for w in words if prow.bbox[1] <= w.cy <= prow.bbox[3]]
        if not in_row or _is_header_row(in_row, specs.values()):
            continue
        # Cell geometry decides grouping; columns are matched by the header bands.
        label_words: list[Word] = []
        cell_words: dict[str, list[Word]] = {c.key: [] for c in columns}
        bands = _bands(columns)
        for c in cells:
            inside = [w for w in in_row if c[0] <= w.cx <= c[2]]
            if not inside:
                continue
            centre = (c[0] + c[2]) / 2
            key = next((k for k, left, right in bands if left <= centre < right), None)
            if centre < bands[0][1] or key is None:
                label_words += inside
            else:
                cell_words[key] += inside
        bbox = tuple(round(v, 1) for v in prow.bbox)
        rows.append(TableRow(page.number, _join(label_words), {k: _join(v) for k, v in cell_words.items()}, bbox))
    ended = table.bbox[3] < page.height * 0.85
    return rows, ended


def read_table(
    doc: Document,
    page_no: int,
    y_from: float,
    specs: Sequence[ColumnSpec],
    max_pages: int = 3,
) -> Table | None:
    """Read the table whose header starts near ``y_from`` on ``page_no`` (1-based)."""
    page = doc.page(page_no)
    columns = find_header(page, specs, y_from)
    if columns is None:
        return None
    spec_map = {s.key: s for s in specs}
    header_words = [w for w in page.words if y_from - 2 <= w.y0 and _in_header(w, specs) and w.y0 <= y_from + 60]
    header_bottom = max(w.y1 for w in header_words)
    table = Table(header_bbox=tuple(round(v, 1) for v in (min(c.x0 for c in columns), y_from, max(c.x1 for c in columns), header_bottom)))
    heights = [w.y1 - w.y0 for w in page.words] or [10.0]
    gap_limit = 2.6 * statistics.median(heights)

    y = header_bottom + 0.5
    for _ in range(max_pages):
        rules = None
        grid = _reader_grid(doc, page.number, header_bottom + 2) is not None
        if not grid:  # lines the reader could not make cells of: pdfplumber is the last resort
            rules = _rules(doc, page.number)
            grid = len(_crossing(rules, header_bottom + 2)) >= 3
        result = _read_grid(page, rules, header_bottom + 2, columns, spec_map, doc) if grid else None
        if result is not None and result[0]:
            table.method = "lijnen"
            rows, ended = result
        elif grid and (result := _read_plumber_grid(doc, page, y, columns, spec_map)) is not None:
            table.method = "pdfplumber"
            table.warnings.append(f"De tabel op pagina {page.number} is met pdfplumber gelezen: de lijnen van deze PDF "
                                  "vormden geen cellen voor de eigen lezer (traag; meld dit bestand).")
            rows, ended = result
        else:
            rows, ended = _finish_words(_read_words(page, y, columns, spec_map, gap_limit))
        table.rows += rows
        table.pages.append(page.number)
        if ended or page.number >= doc.page_count:
            break
        # Continue on the next page when it starts with a repeated header or with table rows.
        nxt = doc.page(page.number + 1)
        body = _body_words(nxt, 0)
        if not body:
            break
        first = _visual_rows(body)[0]
        top = min(w.y0 for w in first)
        if _is_header_row(first, specs):
            columns = find_header(nxt, specs, top) or columns
            header_bottom = max(w.y1 for w in first)
            y = header_bottom + 0.5
        else:
            label, cells = _split(first, columns)
            if not any(cells.values()) or not _row_fits(cells, spec_map):
                break
            header_bottom, y = top, top
        page = nxt
    return table


def _is_keyword(text: str, spec: ColumnSpec) -> bool:
    """A header word of this column; a word broken or hyphenated at the cell edge counts too."""
    token = text.lower().strip(":").rstrip("-")
    return token in spec.keywords or (len(token) >= 6 and any(k.startswith(token) for k in spec.keywords))


def _in_header(w: Word, specs: Sequence[ColumnSpec]) -> bool:
    return any(_is_keyword(w.text, s) for s in specs)


def _merge_wrapped_labels(rows: list[TableRow]) -> None:
    """Word mode only: a label-only line set tight under a data row is the rest of its wrapped label.

    Group headings ("Cliënten") are label-only too, but sit a full row gap away.
    """
    i = 0
    while i < len(rows):
        row = rows[i]
        if not row.is_label_only:
            i += 1
            continue
        prev = rows[i - 1] if i and rows[i - 1].page == row.page and not rows[i - 1].is_label_only else None
        nxt = rows[i + 1] if i + 1 < len(rows) and rows[i + 1].page == row.page else None
        gap_prev = row.bbox[1] - prev.bbox[3] if prev else float("inf")
        gap_next = nxt.bbox[1] - row.bbox[3] if nxt and not nxt.is_label_only else float("inf")
        height = row.bbox[3] - row.bbox[1]
        if prev and gap_prev < 0.6 * height and gap_prev <= gap_next:
            prev.label = f"{prev.label} {row.label}".strip()
            prev.bbox = (prev.bbox[0], prev.bbox[1], max(prev.bbox[2], row.bbox[2]), row.bbox[3])
            del rows[i]
            continue
        i += 1
