"""What a cell grid means: a results table per perceel/cluster, in either orientation.

For each grid the reader tries both readings: measures as columns (labels down the first
column) and measures as rows (a transposed table: percelen as columns). Header cells are
matched to measures with the lexicon (``[measures]`` in ``lexicon.toml``), over the one to three
lines a header cell may take. The reading that names more measures wins.

Then tables are put together: a grid at the top of the next page without a header, or with the
same header repeated, continues the table (its Totaal rows kept); a table with other measures
about the same labels (respons in the methodological chapter, scores later) is joined by label.
Every decision is kept in :attr:`ResultsTable.decisions` for ``kto-ingest explain``.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

import regex

from .._pymupdf import pymupdf
from ..document import Document
from . import lexicon as lx
from ._rx import rx
from .confidence import split_code
from .grid import (_CONNECTORS, Cell, Grid, _chunks, _whole_perceel, cell_text, column_header_lines, column_headers, furniture,
                   header_before, is_value, logical_rows, page_grids, visual_rows)

MEASURE_NAMES = {
    "beeindigd": "beëindigd",
    "netto_steekproef": "netto steekproef / benaderd",
    "ingevuld": "ingevuld / respondenten",
    "respons_pct": "respons (%)",
    "rapportcijfer": "rapportcijfer",
}


@dataclass
class ReadRow:
    label: str
    values: dict[str, str]  # measure -> cell text as printed
    page: int
    bbox: tuple[float, float, float, float]
    heading: bool = False  # a label without values (a group or section heading)
    under: str | None = None  # a perceel named over this row's label by a header cell spanning it


@dataclass
class ResultsTable:
    page: int
    orientation: str  # "rijen" (percelen as rows) or "kolommen" (percelen as columns: transposed)
    measures: dict[str, str]  # measure -> header text as printed
    rows: list[ReadRow]
    grids: list[Grid] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    caption: str | None = None
    # why the column (or row) mapping is a guess rather than read from the header (Dutch): a
    # table read so earns no high confidence
    guesses: list[str] = field(default_factory=list)
    # perceel codes the report's legend explains ('P2' -> 'Functiegerichte vaardigheidstrainingen')
    codes: dict[str, str] = field(default_factory=dict)
    # read as blocks per perceel one under the other (a block may go on at the next page's top)
    stacked: bool = False
    # the heading above it when that says the table is about another measurement (last year's)
    other: str | None = None
    # one perceel's row, named by a heading or caption outside the table: a table of its own, never
    # the continuation of the table before (which may be another perceel's, at the page's foot)
    named_outside: bool = False

    @property
    def pages(self) -> list[int]:
        return sorted({g.page for g in self.grids})

    @property
    def method(self) -> str:
        return ", ".join(dict.fromkeys(g.method for g in self.grids))

    @property
    def ncols(self) -> int:
        return self.grids[-1].ncols if self.grids else 0


def _norm_label(label: str) -> str:
    return " ".join(rx(r"[^\p{L}\p{N} ]").sub(" ", label.lower()).split())


def _header_rows(matrix: list[list[str]]) -> int:
    """Leading rows in which no cell after the first holds a value: the header (up to four lines)."""
    n = 0
    for row in matrix[:4]:
        if n == 0 and row and lx.label_kind(row[0]) == "label_header" and any(not is_value(c) for c in row[1:] if c):
            n += 1  # 'Perceel | 1-5 % | 6 % | ... | Gemiddelde': a header, though some of its cells look like values
            continue
        if any(is_value(c) for c in row[1:] if c):
            break
        if n and row[0] and not any(row[1:]):
            break  # a label without values under the header: a heading, or a row cut at a page break
        n += 1
    return n


# Columns that report something else about a measure than the measure itself: a spread, a
# median, a share above a mark, a count of scores. They may stand under the same group header as
# the measure ('Rapportcijfer' over 'gemiddeld', 'mediaan', 'st.dev.') and are never read as it.
_OTHER_STATISTIC = rx(
    r"(?<![\p{L}])(?:st\.?\s*dev\.?|std\.?(?:\s*dev\.?)?|s\.\s*d\.?|sd|standaard\s*-?\s*(?:afwijking|deviatie)\w*|spreiding|"
    r"mediaan|modus|modale|variantie|minimum|maximum|min\.|max\.|bereik|range|kwartiel\w*|percentiel\w*|"
    r"betrouwbaarheids\w*|marge\w*|(?:95\s*%?\s*-?\s*)?b\.?i\.|"
    r"\d+\s*(?:of|en|-)\s*hoger|\d+\s*\+|(?:%|percentage|aandeel)\s*(?:zeer\s*)?(?:on)?(?:tevreden|voldoende|positief|negatief)\w*|"
    r"(?:%|percentage|aandeel)\s*(?:cijfer|score|rapportcijfer)\w*|vorig\w*\s+jaar|trend|verschil\w*)(?![\p{L}])")
# A sub-header that only says which form the group's measure takes: a count or a percentage.
_UNIT_COUNT = rx(r"^\(?(?:n|aantal|aant\.?|abs\.?|absoluut|#|aantallen)\)?$")
_UNIT_PCT = rx(r"^\(?(?:%|in\s*%|pct\.?|perc\.?|percentage|procent)\)?$")
# Lexicon patterns too general to decide between two columns that both claim a measure.
_WEAK = {"%", "n", "netto", "resp", "gemiddeld\\w*", "respons\\s*%?"}


def measure_of_column(group: str, own: str, own_lines: list[str] | None = None) -> tuple[str, str, str] | None:
    """The measure a column's header names, from its group header (a cell spanning it and its
    neighbours) and its own header: (measure, header as printed, how it was matched), or None.
    A column of another statistic (st.dev., mediaan, % 8 of hoger) names none; a sub-header that
    gives only the form ('aantal', 'n', '%') takes the group's measure in that form ('Respons'
    over 'aantal' is ingevuld, over '%' the respons); otherwise the own header decides when it
    names a measure ('Aantallen' over 'beëindigd'), else the two read together. A header of
    several lines that names no measure as a whole is read as its lower lines under the upper
    ones ('Deelname' over 'respondenten' where the group was not seen as spanning)."""
    found = _measure_of_column(group, own)
    if found is None and own_lines and len(own_lines) >= 2 and not _OTHER_STATISTIC.search(lx.normalise_header(own)):
        for k in range(1, len(own_lines)):
            upper = " ".join(p for p in [group, *own_lines[:k]] if p)
            if found := _measure_of_column(upper, " ".join(own_lines[k:])):
                break
    return found


def _measure_of_column(group: str, own: str) -> tuple[str, str, str] | None:
    own_n, group_n = lx.normalise_header(own), lx.normalise_header(group)
    printed = " ".join(p for p in (group, own) if p)
    if not own_n and not group_n:
        return None
    if _OTHER_STATISTIC.search(own_n) or (not own_n and _OTHER_STATISTIC.search(group_n)):
        return None
    if group_n:
        g = lx.measure_of(group)
        if own_n and (_UNIT_COUNT.match(own_n) or _UNIT_PCT.match(own_n)):
            pct = bool(_UNIT_PCT.match(own_n))
            if g is not None:
                forms = {"respons_pct": ("respons_pct", "ingevuld"), "ingevuld": ("respons_pct", "ingevuld"),
                         "netto_steekproef": (None, "netto_steekproef"), "beeindigd": (None, "beeindigd"),
                         "rapportcijfer": (None, None)}[g[0]]
                key = forms[0] if pct else forms[1]
                if key is None:
                    return None  # 'Rapportcijfer' over 'n': the number of scores, not a measure
                return key, printed, f"{g[1]}, {'percentage' if pct else 'aantal'} ('{own}')"
        if own_n and (m := lx.measure_of(own)):
            return m[0], printed, m[1]
        if m := lx.measure_of(printed):
            return m[0], printed, m[1]
        if not own_n and g is not None:
            return g[0], printed, g[1]
        return None
    if m := lx.measure_of(own):
        return m[0], printed, m[1]
    return None


def _fix_by_values(measures: dict[int, tuple[str, str, str]], values: dict[int, list[str]]) -> list[str]:
    """'Resp.' and 'Respons' are counts or percentages: let the printed values decide."""
    def shape(col: int) -> str:
        vs = [v for v in values.get(col, []) if v and any(ch.isdigit() for ch in v)]
        if vs and all("%" in v for v in vs):
            return "pct"
        if vs and all(rx(r"\d+").fullmatch(v.strip()) for v in vs):
            return "int"
        return "?"

    keys = [m[0] for m in measures.values()]
    for col, (key, header, pattern) in list(measures.items()):
        s = shape(col)
        if key == "respons_pct" and s == "int" and "ingevuld" not in keys and "%" not in header:
            measures[col] = ("ingevuld", header, pattern + " (aantallen: ingevuld)")
        elif key == "ingevuld" and s == "pct" and "respons_pct" not in keys:
            measures[col] = ("respons_pct", header, pattern + " (percentages: respons)")
    return _one_column_per_measure(measures)


_YEAR = rx(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_PART_OF_YEAR = rx(r"(?<!\p{L})(?:kwarta\w*|q[1-4]|halfjaar|maand\w*|jan|feb|mrt|maart|apr|mei|jun|jul|aug|sep|okt|nov|dec)(?!\p{L})", regex.I)


def _one_column_per_measure(measures: dict[int, tuple[str, str, str]]) -> list[str]:
    """Two columns (or rows) that claim one measure: the one named by a specific lexicon entry
    keeps it ('Aantal respondenten' before 'n'); between equals the first keeps it, which is a
    guess: returned as a Dutch reason for low confidence."""
    guesses: list[str] = []
    by_key: dict[str, list[int]] = {}
    for col in sorted(measures):
        by_key.setdefault(measures[col][0], []).append(col)
    for key, cols in by_key.items():
        if len(cols) < 2:
            continue
        # a part of the year beside the whole ('Ingevuld per kwartaal: jan.–mrt. ...' beside 'Meetjaar:
        # Ingevuld'): the whole year is the measure
        parts = [c for c in cols if _PART_OF_YEAR.search(measures[c][1])]
        if 0 < len(parts) < len(cols):
            for c in parts:
                del measures[c]
            cols = [c for c in cols if c not in parts]
            if len(cols) < 2:
                continue
        years = {c: [int(y) for y in _YEAR.findall(measures[c][1])] for c in cols}
        if all(len(ys) == 1 for ys in years.values()) and len({ys[0] for ys in years.values()}) == len(cols):
            # 'Meting 2021' beside 'Meting 2020': this measurement is the latest, the others compare
            keep = max(cols, key=lambda c: years[c][0])
            for c in cols:
                if c != keep:
                    del measures[c]
            continue
        strong = [c for c in cols if measures[c][2].split(" (")[0] not in _WEAK]
        keep = (strong or cols)[0]
        if len(strong) != 1:
            guesses.append(f"{len(cols)} kolommen lijken {MEASURE_NAMES[key]} te zijn ("
                           + ", ".join(f"'{measures[c][1]}'" for c in cols) + f"); '{measures[keep][1]}' genomen")
        for c in cols:
            if c != keep:
                del measures[c]
    return guesses


def _read_normal(grid: Grid, matrix: list[list[str]]) -> ResultsTable | None:
    nh = getattr(grid, "header_rows", None)
    nh = _header_rows(matrix) if not nh else nh  # the grid may have taken a header of value-like cells for a row
    if nh == 0:
        return None
    found = _column_measures(grid, nh)
    body = matrix[nh:]
    guesses = _fix_by_values(found, {c: [r[c] for r in body] for c in found})
    if not found:
        return None
    label_col = next((c for c in range(grid.ncols) if c not in found), None)
    if label_col is None or label_col > min(found):
        label_col = 0 if 0 not in found else None
    if label_col is None:
        return None
    label_col = _named_beside_codes(body, label_col, found)
    # more label columns before the first measure ('Perceel | Cluster'): their words make the label
    label_cols = [c for c in range(label_col, min(found)) if c not in found
                  and not any(is_value(r[c]) for r in body if r[c]) and any(r[c] for r in body)]
    rows = []
    for i, r in enumerate(body, start=nh):
        label = " ".join(r[c] for c in label_cols if r[c]) if label_cols else r[label_col]
        vals = {found[c][0]: r[c] for c in found if r[c]}
        heading = not any(is_value(v) for v in vals.values())
        if not label and not vals:
            continue
        rows.append(ReadRow(label, vals, grid.page, grid.row_box(i), heading))
    t = ResultsTable(grid.page, "rijen", {k: h for k, h, _ in found.values()}, rows, [grid])
    t.guesses += guesses
    t.decisions.append(
        f"pagina {grid.page}: tabel gelezen met {grid.method}, percelen als rijen; kolommen: "
        + "; ".join(f"'{h}' = {MEASURE_NAMES[k]} (lexicon '{p}')" for k, h, p in found.values())
    )
    ignored = [f"'{h}'" for c, (g, o) in enumerate(column_headers(grid, nh)) if c not in found and c != label_col
               and (h := " ".join(x for x in (g, o) if x)) and any(is_value(r[c]) for r in body)]
    if ignored:
        t.decisions.append(f"pagina {grid.page}: kolommen zonder maat genegeerd: {', '.join(ignored)}")
    for g in guesses:
        t.decisions.append(f"pagina {grid.page}: gegokt: {g}")
    return t


_SHORT_CODE = rx(r"[\p{L}\d]{1,3}\.?")


def _named_beside_codes(body: list[list[str]], label_col: int, found: dict) -> int:
    """A label column of codes only ('1', '2', 'P4', or empty on the Totaal row) with the names in
    the next column ('Perceel | Omschrijving'): the names are the labels."""
    nxt = label_col + 1
    if nxt in found or not body or nxt >= len(body[0]):
        return label_col
    codes = [r[label_col].strip() for r in body]
    names = [r[nxt].strip() for r in body]
    if all(not c or _SHORT_CODE.fullmatch(c) for c in codes) and any(codes) \
            and all(n and not is_value(n) for n in names if n) and sum(bool(n) for n in names) >= len(body) - 1:
        return nxt
    return label_col


def _column_measures(grid: Grid, nh: int) -> dict[int, tuple[str, str, str]]:
    """The measure of each column whose header names one (group and own header read together)."""
    found: dict[int, tuple[str, str, str]] = {}
    for c, (group, lines) in enumerate(column_header_lines(grid, nh)):
        if m := measure_of_column(group, " ".join(lines), lines):
            found[c] = m
    return found


def _read_transposed(grid: Grid, matrix: list[list[str]]) -> ResultsTable | None:
    matrix = logical_rows(grid)  # 'Netto' / values / 'steekproef': a measure's label over lines
    found: dict[int, tuple[str, str, str]] = {}
    for r, row in enumerate(matrix):
        if row[0] and (m := measure_of_column("", row[0])):
            found[r] = m
    guesses = _fix_by_values(found, {r: matrix[r][1:] for r in found})
    if not found:
        return None
    first = min(found)
    head = [r for r in range(first) if not any(is_value(c) for c in matrix[r][1:] if c)]
    rows = []
    for c in range(1, grid.ncols):
        own, spans = [], []
        for r in head:
            text, spanning = _spanning(grid, matrix, r, c)
            (spans if spanning else own).append(text) if text else None
        if len(own) > 1 and _whole_perceel(own[0]):
            spans.append(own.pop(0))  # a perceel's name over one cluster's column (a group of one)
        label, over = " ".join(own), " ".join(spans) or None
        if over and not label:
            label, over = over, None  # a column under nothing else: the spanning text is its label
        vals = {found[r][0]: matrix[r][c] for r in found if matrix[r][c]}
        if not label and not vals:
            continue
        box = grid.row_box(first)
        cells = [cell for row in grid.rows for cell in row if cell.col == c]
        if cells:
            box = (round(min(x.x0 for x in cells), 1), round(min(x.y0 for x in cells), 1),
                   round(max(x.x1 for x in cells), 1), round(max(x.y1 for x in cells), 1))
        rows.append(ReadRow(label, vals, grid.page, box, not any(is_value(v) for v in vals.values()), under=over))
    t = ResultsTable(grid.page, "kolommen", {k: h for k, h, _ in found.values()}, rows, [grid])
    t.guesses += guesses
    t.decisions.append(
        f"pagina {grid.page}: tabel gelezen met {grid.method}, gekanteld (percelen als kolommen); rijen: "
        + "; ".join(f"'{h}' = {MEASURE_NAMES[k]} (lexicon '{p}')" for k, h, p in found.values())
    )
    return t


def _spanning(grid: Grid, matrix: list[list[str]], r: int, c: int) -> tuple[str, bool]:
    """The header text over column ``c`` in row ``r``, and whether it comes from a cell spanning
    more columns than this one ('Functiegerichte vaardigheidstrainingen' over its clusters
    'Techniek' and 'Zorg'); never a span from the label column (a title over the whole table)."""
    cells = grid.rows[r] if r < len(grid.rows) else []
    if cells and not all(cell.text == matrix[r][cell.col] for cell in cells if cell.col < len(matrix[r])):
        return matrix[r][c], False  # the grid's rows were put together: no spans to read
    for cell in cells:
        if cell.col <= c < cell.col + cell.span and cell.span > 1 and cell.col > 0 and cell.text:
            return cell.text, True
    return matrix[r][c], False


def _stacked_cards(grid: Grid, matrix: list[list[str]], least: int = 2) -> ResultsTable | None:
    """Blocks per perceel one under the other in two columns: the perceel's name on a line of its
    own (maybe two), then a line per measure with its value ('Respons   27,8%'). Each block is a
    row of the results; None when the grid is not made of ``least`` or more such blocks."""
    if grid.ncols != 2 or len(matrix) < 3 * least:
        return None
    rows: list[ReadRow] = []
    measures: dict[str, str] = {}
    head: list[int] = []
    current: ReadRow | None = None
    for i, (label, value) in enumerate(matrix):
        label, value = label.strip(), value.strip()
        if label and not value:
            if current is not None and current.values:
                current = None
            head.append(i)
            continue
        if not label or not value:
            return None
        found = lx.measure_of(label)
        if found is None or not is_value(value) or (current is None and not head):
            return None
        if current is None:
            name = " ".join(matrix[k][0].strip() for k in head)
            if lx.label_kind(name) not in ("perceel", "cluster", "total"):
                return None
            current = ReadRow(name, {}, grid.page, grid.row_box(head[0]))
            rows.append(current)
            head = []
        if found[0] in current.values:
            return None
        current.values[found[0]] = value
        measures.setdefault(found[0], label)
        current.bbox = (current.bbox[0], current.bbox[1], max(current.bbox[2], grid.row_box(i)[2]), grid.row_box(i)[3])
    if len(rows) < least or head or len(measures) < min(3, 2 * least):
        return None
    t = ResultsTable(grid.page, "kolommen", measures, rows, [grid], stacked=True)
    t.decisions.append(f"pagina {grid.page}: blokken per perceel onder elkaar ({grid.method}): "
                       + ", ".join(f"'{r.label}'" for r in rows))
    return t


# 'N = netto steekproef; n = ...', also with a dash for the '=' ('N – netto steekproef (...): n – aantal ...')
_LEGEND_ENTRY = rx(r"(?:^|[;:.]\s+|\s{2,})(?P<abbr>[\p{L}%][\p{L}.%-]{0,7})\s*(?:=|\s[–—-]\s)\s*(?P<def>[^;=–—]{3,80}?)"
                   r"(?=\s*(?:;|$|\.\s|:?\s\p{L}[\p{L}.%-]{0,7}\s*(?:=|\s[–—-]\s)))")


def _with_legend(doc: Document, grid: Grid) -> Grid:
    """A table whose header uses abbreviations its legend explains ('N = netto steekproef; n =
    aantal ingevulde vragenlijsten; Gem. = gemiddeld rapportcijfer' under it): a copy of the grid
    with each header cell that is exactly such an abbreviation (case counts: N is not n) read as
    its explanation. The grid itself is left alone (it is cached)."""
    nh = getattr(grid, "header_rows", None) or 1
    page = doc.page(grid.page)
    below = [ln.text for ln in page.lines if grid.bbox[3] - 1 <= ln.bbox[1] <= grid.bbox[3] + 60]
    legend = {m["abbr"]: m["def"].strip() for text in [" ".join(below)] for m in _LEGEND_ENTRY.finditer(text)}
    if not legend:
        return grid
    rows = []
    changed = False
    for k, row in enumerate(grid.rows):
        if k >= nh or len(row) == 0:
            rows.append(row)
            continue
        cells = []
        for c in row:
            if c.text.strip() in legend and lx.measure_of(legend[c.text.strip()]) is not None and c.words:
                w = c.words[0]
                cells.append(Cell(c.x0, c.y0, c.x1, c.y1, [w._replace(text=legend[c.text.strip()])], c.col, c.span))
                changed = True
            else:
                cells.append(c)
        rows.append(cells)
    if not changed:
        return grid
    out = Grid(grid.page, grid.bbox, rows, grid.method, grid.ncols)
    out.__dict__.update({k: v for k, v in grid.__dict__.items() if k not in ("page", "bbox", "rows", "method", "ncols")})
    return out


def _tiles(grid: Grid, matrix: list[list[str]]) -> ResultsTable | None:
    """Key figures as tiles: a row of values with each measure's caption under it ('61 | 37 | 60,7% |
    8,5' over 'benaderd | vragenlijsten ingevuld | respons | gemiddeld rapportcijfer'), a perceel's
    name as the heading above: one row without a label, named by ``_card_label``."""
    rows = [r for r in matrix if any(c.strip() for c in r)]
    if len(rows) != 2 or grid.ncols < 3:
        return None
    values, captions = rows
    if not all(c.strip() and is_value(c) for c in values if c.strip()) or sum(bool(c.strip()) for c in values) < 3:
        return None
    found = {}
    for v, cap in zip(values, captions):
        if not v.strip():
            continue
        f = lx.measure_of(cap) if cap.strip() else None
        if f is None or f[0] in found:
            return None
        found[f[0]] = (cap, v.strip())
    row = ReadRow("", {k: v for k, (_c, v) in found.items()}, grid.page, grid.row_box(matrix.index(values)))
    t = ResultsTable(grid.page, "rijen", {k: c for k, (c, _v) in found.items()}, [row], [grid])
    t.decisions.append(f"pagina {grid.page}: kerncijfers als tegels (waarde boven het onderschrift)")
    return t


def _without_label_column(grid: Grid, matrix: list[list[str]]) -> ResultsTable | None:
    """A header of measures only over one row of values (a page per perceel, its name in the
    heading above the table): one row without a label, which ``_card_label`` names from that
    heading. None unless every header cell names a measure (three or more) and the row is values."""
    if len(matrix) < 2 or grid.ncols < 3:
        return None
    nh = getattr(grid, "header_rows", None) or 1
    body = [r for r in matrix[nh:] if any(c.strip() for c in r)]
    if len(body) != 1 or not all(c.strip() and is_value(c) for c in body[0]):
        return None
    heads = [" ".join(r[c] for r in matrix[:nh] if r[c]).strip() for c in range(grid.ncols)]
    found = [lx.measure_of(h) if h else None for h in heads]
    if any(f is None for f in found) or len({f[0] for f in found}) != len(found):
        return None
    measures = {f[0]: h for f, h in zip(found, heads)}
    row = ReadRow("", {f[0]: v.strip() for f, v in zip(found, body[0])}, grid.page, grid.row_box(matrix.index(body[0])))
    t = ResultsTable(grid.page, "rijen", measures, [row], [grid])
    t.decisions.append(f"pagina {grid.page}: kop met alleen maten boven één rij waarden (de naam staat erboven)")
    return t


def _label_score(t: ResultsTable) -> int:
    return sum(lx.label_kind(r.label) in ("perceel", "cluster", "total") for r in t.rows)


def interpret(grid: Grid) -> ResultsTable | None:
    """The better of the two readings of one grid, or None when neither names a measure. A grid
    whose header row stands lower down (a spreadsheet with the report's facts above its table) is
    read from that row."""
    matrix = grid.matrix()
    if (stacked := _stacked_cards(grid, matrix)) is not None:
        return stacked
    if (alone := _without_label_column(grid, matrix) or _tiles(grid, matrix)) is not None:
        return alone
    options = [t for t in (_read_normal(grid, matrix), _read_transposed(grid, matrix)) if t is not None]
    if not options:
        inner = next((r for r in range(1, len(matrix) - 1)
                      if sum(lx.measure_of(c) is not None for c in matrix[r][1:] if c) >= 2), None)
        if inner is None:
            return None
        rows = grid.rows[inner:]
        cells = [c for row in rows for c in row]
        lower = Grid(grid.page, (grid.bbox[0], min(c.y0 for c in cells), grid.bbox[2], grid.bbox[3]), rows, grid.method, grid.ncols)
        t = _read_normal(lower, lower.matrix())
        if t is not None:
            t.decisions.append(f"pagina {grid.page}: de kop van de tabel staat op rij {inner + 1} van het raster (gegevens erboven)")
        return t
    return max(options, key=lambda t: (len(t.measures), _label_score(t), t.orientation == "rijen"))


# ---- across pages and tables ----------------------------------------------------------------------

# The stable start of the words that name each measure in a header.
_MEASURE_STEMS = {
    "netto_steekproef": ("steekpr", "benader", "uitgenod", "aangeschr", "netto", "uitnodig"),
    "ingevuld": ("ingevul", "responden", "deelgen", "deelnem", "resp.", "vragenlijst", "retour", "reactie"),
    "respons_pct": ("respons",),
    "rapportcijfer": ("cijfer", "score", "waardering", "gemiddel"),
    "beeindigd": ("beëindig", "beeindig", "afgerond"),
}
CORE = ("netto_steekproef", "ingevuld", "respons_pct", "rapportcijfer")


def _measures_named(text: str) -> set[str]:
    return {k for k, stems in _MEASURE_STEMS.items() if any(s in text for s in stems)}


def candidate_pages(doc: Document, least: int = 2, among: set[str] | None = None) -> list[int]:
    """Pages that name at least ``least`` measures (of ``among``, default all): the rest cannot
    hold (that part of) a results table. A chart page that says 'respons' and 'rapportcijfer' is
    not read as a table page on the first pass."""
    out = []
    for page in doc.pages:
        named = _measures_named(" ".join(w.text for w in page.words).lower())
        if among is not None:
            named &= among
        if len(named) >= least:
            out.append(page.number)
    return out


# A caption that says its table goes on from the page before: 'Tabel 3.1 (vervolg)', 'vervolg
# tabel 3.1', 'Tabel 3.1 – vervolgd', 'Table 3.1 (continued)', '(cont.)'.
_CONTINUED = rx(r"(?<!\p{L})(?:vervolg\w*|continued|cont\.|doorlopend|voortzetting)(?!\p{L})", regex.I)


def _caption_above(doc: Document, grid: Grid) -> str:
    """The words within 30 pt above a grid, as one line of text (a caption, if any)."""
    page = doc.page(grid.page)
    above = sorted((w for w in page.words if grid.bbox[1] - 30 <= w.y1 <= grid.bbox[1] + 1
                    and w.x1 >= grid.bbox[0] - 20 and w.x0 <= grid.bbox[2] + 20), key=lambda w: (round(w.cy), w.x0))
    return " ".join(w.text for w in above)


def _continues(prev: ResultsTable, grid: Grid, doc: Document) -> bool:
    """A grid continues the previous table when it stands at the top of the next page, with as many
    columns, the previous table ran on to the bottom of its page, and no caption of its own
    ('Tabel 3.2 ...') stands above it. A caption that says so ('Tabel 3.1 (vervolg)',
    'continued') continues the table wherever the previous part ended on its page (a table split
    by hand, the rest put on the next page)."""
    last = prev.grids[-1]
    if grid.page != last.page + 1 or grid.ncols != prev.ncols:
        return False
    page = doc.page(grid.page)
    if grid.bbox[1] > page.height * 0.4:
        return False
    text = _caption_above(doc, grid)
    if _CONTINUED.search(text):
        return True
    if last.bbox[3] < doc.page(last.page).height * 0.7:
        return False
    return not rx(r"(?<!\p{L})(?:tabel|table)(?!\p{L})", regex.I).search(text)


def _body_only(prev: ResultsTable, grid: Grid) -> ResultsTable:
    """Read a headerless continuation with the columns of the table it continues."""
    matrix = grid.matrix()
    if prev.orientation == "rijen":
        first = prev.grids[0]
        nh = getattr(first, "header_rows", None) or _header_rows(first.matrix())
        cols = {c: m[0] for c, m in _column_measures(first, nh).items() if m[0] in prev.measures}
        guessed = None
        if len(cols) < len(prev.measures):  # measures fixed by their values: take them by column order
            keys = list(prev.measures)
            cols = dict(zip(sorted(cols) or range(1, 1 + len(keys)), keys))
            guessed = (f"de kolommen van het vervolg op pagina {grid.page} zijn op volgorde aan de maten van de tabel "
                       f"op pagina {prev.page} toegekend")
        label_col = next(c for c in range(grid.ncols) if c not in cols)
        rows = []
        for i, r in enumerate(matrix):
            vals = {cols[c]: r[c] for c in cols if c < len(r) and r[c]}
            if not r[label_col] and not vals:
                continue
            rows.append(ReadRow(r[label_col], vals, grid.page, grid.row_box(i), not any(is_value(v) for v in vals.values())))
        out = ResultsTable(grid.page, "rijen", dict(prev.measures), rows, [grid])
        if guessed:
            out.guesses.append(guessed)
        return out
    return ResultsTable(grid.page, prev.orientation, dict(prev.measures), [], [grid])


def _reread_with(prev: ResultsTable, t: ResultsTable) -> None:
    """The header repeated on the next page names more measures than the first page's reading of
    it (a header cell whose words ran together there): when it puts every measure the first page
    read in the same column, the earlier rows are read again with its columns."""
    if prev.orientation != "rijen" or t.orientation != "rijen" or prev.ncols != t.ncols:
        return
    first, again = prev.grids[0], t.grids[0]
    mine = _column_measures(first, getattr(first, "header_rows", None) or _header_rows(first.matrix()))
    theirs = _column_measures(again, getattr(again, "header_rows", None) or _header_rows(again.matrix()))
    if not mine or any(theirs.get(c, ("",))[0] != m[0] for c, m in mine.items() if m[0] in prev.measures):
        return
    rows: list[ReadRow] = []
    for g in prev.grids:
        nh = (getattr(g, "header_rows", None) or _header_rows(g.matrix())) if g is first else 0
        body = Grid(g.page, g.bbox, g.rows[nh:], g.method, g.ncols)
        part = _body_only(t, body)
        _merge_wrapped(part)
        rows += part.rows
    added = [MEASURE_NAMES[k] for k in t.measures if k not in prev.measures]
    prev.rows, prev.measures = rows, dict(t.measures)
    prev.decisions.append(f"pagina {prev.page}: opnieuw gelezen met de kop van pagina {t.page}, die ook "
                          + ", ".join(added) + " noemt")


def read_results(doc: Document, pages: list[int] | None = None) -> tuple[ResultsTable | None, list[str]]:
    """The results table of the report, continued over pages and joined with the other tables
    about the same percelen; with the decisions made (Dutch, for explain)."""
    tables: list[ResultsTable] = []
    notes: list[str] = []
    if pages is not None:
        _collect(doc, pages, tables, set())
        return _finish(doc, *_assemble(tables, notes, doc))
    # First the pages that name three measures (where a results table stands), then, when the
    # table found lacks a measure, the pages that name it (a second table to join by label).
    done: set[int] = set()
    _collect(doc, candidate_pages(doc, 3), tables, done, stop_when_complete=True)
    base = _best(tables)
    missing = set(CORE) - set(base.measures if base else ())
    if missing:
        more = [p for p in candidate_pages(doc, 1 if base else 2, missing if base else None) if p not in done]
        _collect(doc, more, tables, done)
    return _finish(doc, *_assemble(tables, notes, doc))


def _finish(doc: Document, table: ResultsTable | None, notes: list[str]) -> tuple[ResultsTable | None, list[str]]:
    if table is not None:
        _superscript_marks(doc, table)
    return table, notes


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SMALLER = 0.8  # a footnote number is set at most this share of the value's font size


def _superscript_marks(doc: Document, table: ResultsTable) -> None:
    """A footnote number set small and raised after a value ('8,1' with a superscript '1') is one
    word in the text layer ('8,11'): the font sizes of its pieces tell them apart. Such a value
    is rewritten with the mark as a superscript character ('8,1¹'), which the value reader leaves
    out (with a note); the decision is kept for explain."""
    for page_no in table.pages:
        rows = [r for r in table.rows if r.page == page_no and not r.heading and r.values]
        if not rows or page_no in doc.ocr_pages or page_no in doc.scanned_pages:
            continue
        fpage = doc.fitz[page_no - 1]
        boxes = [g.bbox for g in table.grids if g.page == page_no]
        box = pymupdf.Rect(min(b[0] for b in boxes) - 2, min(b[1] for b in boxes) - 2,
                           max(b[2] for b in boxes) + 2, max(b[3] for b in boxes) + 2)
        rotation = fpage.rotation_matrix if fpage.rotation else None
        clip = None if rotation is not None else box
        spans = []
        for block in fpage.get_text("dict", clip=clip).get("blocks", []):
            for line in block.get("lines", []):
                for sp in line.get("spans", []):
                    r = pymupdf.Rect(sp["bbox"])
                    if rotation is not None:
                        r = (r * rotation).normalize()
                    if sp["text"].strip() and r.intersects(box):
                        spans.append((r, sp["size"], sp["text"].strip()))
        if not any(size < max(s for _, s, _ in spans) * SMALLER for _, size, _ in spans):
            continue  # one size throughout: nothing set smaller
        words = doc.page(page_no).words
        for row in rows:
            x0, y0, x1, y1 = row.bbox
            for key, value in list(row.values.items()):
                last = value.split()[-1] if value.split() else ""
                if not last[-1:].isdigit():
                    continue
                found = set()
                for w in words:
                    if w.text != last or not (y0 - 2 <= w.cy <= y1 + 2 and x0 - 2 <= w.cx <= x1 + 2):
                        continue
                    parts = sorted((sp for sp in spans if w.x0 - 1 <= (sp[0].x0 + sp[0].x1) / 2 <= w.x1 + 1
                                    and w.y0 - 2 <= (sp[0].y0 + sp[0].y1) / 2 <= w.y1 + 2), key=lambda sp: sp[0].x0)
                    if len(parts) < 2 or "".join(p[2] for p in parts) != w.text:
                        found.add(None)
                        continue
                    main = parts[0][1]
                    k = len(parts)
                    while k > 1 and parts[k - 1][2].isdigit() and parts[k - 1][1] <= main * SMALLER:
                        k -= 1
                    found.add("".join(p[2] for p in parts[k:]) if k < len(parts) else None)
                mark = found.pop() if len(found) == 1 else None
                if mark:
                    base = value[: len(value) - len(mark)]
                    row.values[key] = base + mark.translate(_SUPERSCRIPT)
                    table.decisions.append(f"pagina {page_no}: '{value}' bij '{row.label}' is {base} met voetnootteken {mark} "
                                           "(kleiner gezet)")


def _best(tables: list[ResultsTable]) -> ResultsTable | None:
    ranked = sorted(tables, key=lambda t: (t.other is not None, -(len(t.measures) + min(_label_score(t), 2)), t.page))
    return ranked[0] if ranked else None


# words that say a table is about another measurement than the report's: last year's, for comparison


def _other_measurement(doc: Document, t: ResultsTable) -> str | None:
    """The lines just above a table (its heading, caption or lead-in sentence) when they say it is
    about another measurement ('Vergelijking met vorig jaar', 'de uitkomsten van 2020 ter
    vergelijking'): such a table is never the results, nor joined to them."""
    if any(_YEAR.search(h) for h in t.measures.values()):
        return None  # this year beside the other ('Respons 2020', 'Respons 2021'): the latest is read
    grid = t.grids[0]
    page = doc.page(grid.page)
    above = [ln for ln in page.lines if ln.bbox[3] <= grid.bbox[1] + 1 and grid.bbox[1] - ln.bbox[3] < 45]
    # a heading the grid took as its first header line (one cell on its line)
    nh = getattr(grid, "header_rows", None) or _header_rows(grid.matrix())
    heading = [" ".join(c for c in row if c) for row in grid.matrix()[:nh] if sum(bool(c) for c in row) == 1]
    text = " ".join([ln.text for ln in above[-3:]] + heading)
    return text if lx.comparison_re("caption").search(text) else None


def _perceel_in_caption(doc: Document, t: ResultsTable) -> None:
    """A table of one perceel's clusters ('Tabel 2 Functiegerichte vaardigheidstrainingen: uitkomsten
    per cluster' over 'Cluster | ...' and rows 'Techniek', 'Zorg en welzijn'): the perceel named in
    the caption or heading right above it is the heading of each row that names no perceel itself."""
    if t.orientation != "rijen" or not t.rows:
        return
    grid = t.grids[0]
    page = doc.page(grid.page)
    above = [ln for ln in page.lines if ln.bbox[3] <= grid.bbox[1] + 1 and grid.bbox[1] - ln.bbox[3] < 45]
    text = " ".join(ln.text for ln in above[-2:])
    if not text:
        return
    low = text.lower()
    names = sorted((w for w in lx.lexicon()["labels"]["perceel"] if len(w) > 4), key=len, reverse=True)
    hit = next((w for w in names if rx(rf"(?<!\p{{L}}){regex.escape(w)}(?!\p{{L}})").search(low)), None)
    rows = [r for r in t.rows if not r.heading]
    if hit is None or not rows or any(lx.label_kind(r.label) in ("perceel",) for r in rows):
        return
    at = low.find(hit)
    printed = text[at:at + len(hit)]
    for r in rows:
        if r.under is None and lx.label_kind(r.label) != "total":
            r.under = printed
    t.decisions.append(f"pagina {grid.page}: de rijen zijn clusters van '{printed}' (genoemd boven de tabel)")


def _assemble(tables: list[ResultsTable], notes: list[str], doc: Document | None = None) -> tuple[ResultsTable | None, list[str]]:
    if not tables:
        return None, notes
    if doc is not None:
        for t in tables:
            t.other = _other_measurement(doc, t)
            _perceel_in_caption(doc, t)
    base = _best(tables)
    if base.other is not None:
        return None, [f"Alleen een tabel over een andere meting gevonden (pagina {base.page}: '{base.other}')."]
    if len(base.measures) < 2:
        return None, [f"Alleen tabellen met één maat gevonden (pagina {base.page})."]
    for other in tables:
        if other is base:
            continue
        if other.other is not None:
            base.decisions.append(f"tabel op pagina {other.page} gaat over een andere meting ('{other.other}'): niet gebruikt")
            continue
        if not _stack(base, other):
            _join(base, other)
    return base, notes


def _card_label(doc: Document, grid: Grid, t: ResultsTable) -> None:
    """A table of one perceel on its side ('Uitgenodigde klanten | 112', 'Respons | 61,6 %', ...)
    whose perceel is named by a heading right above it, not in the table: the heading is the
    row's label, when it names a perceel, cluster or the total."""
    if len(t.rows) != 1 or t.rows[0].label.strip():
        return  # (on its side, or a header over one row of values without a label: a page per perceel)
    page = doc.page(grid.page)
    # a slide's heading stands further above its tiles, at the page's margin
    reach, left = (60, 0.0) if grid.method == "tegels" else (30, grid.bbox[0] - 20)
    above = [w for w in page.words if grid.bbox[1] - reach <= w.y1 <= grid.bbox[1] + 1 and left <= w.x0 <= grid.bbox[2]]
    if not above:
        return
    last = max(w.cy for w in above)  # the line nearest the table; one heading, maybe wrapped
    height = max(w.y1 - w.y0 for w in above)
    line = " ".join(w.text for w in sorted((w for w in above if last - w.cy < height * 2.5), key=lambda w: (round(w.cy), w.x0)))
    nearest = " ".join(w.text for w in sorted((w for w in above if abs(w.cy - last) < height * 0.5), key=lambda w: w.x0))
    # the heading, maybe wrapped; or only the line nearest the table ('In één oogopslag' over 'Alle klanten')
    for text in dict.fromkeys((line, nearest)):
        text = lx.RE_SECTION_NUMBER.sub("", text)  # '3.2.1 Opleidingen'
        if _names_a_perceel(text):  # a heading, not a sentence under it that names a perceel
            t.rows[0].label = text
            t.decisions.append(f"pagina {grid.page}: perceel '{text}' uit de kop boven de tabel")
            return
    if grid.method == "tegels":
        return
    # a section per perceel: its caption under the table ('Tabel 3.2 Opleidingen'), or its
    # heading above a paragraph or two of text ('3.2.1 Opleidingen', 'Van de 101 klanten ...')
    for text, where in ((_caption_under(page, grid), "het bijschrift onder de tabel"), (_heading_above(page, grid), "de kop van de paragraaf")):
        if text is not None:
            t.rows[0].label = text
            t.named_outside = True
            t.decisions.append(f"pagina {grid.page}: perceel '{text}' uit {where}")
            return


_TABLE_CAPTION = rx(r"^(?:tabel|table)\s+[A-Z]?\d{1,2}(?:\.\d{1,2})*[a-z]?\s*[:.–—-]?\s*(?P<rest>.+)$", regex.I)


def _names_a_perceel(text: str) -> bool:
    """A heading or caption that names one perceel, cluster or the total ('Opleidingen', 'FVT:
    Logistiek', 'Alle percelen'), not a section about them ('Per perceel en cluster')."""
    words = text.split()
    return (0 < len(words) <= 10 and not text.rstrip().endswith((".", ":", "?")) and not words[0].lower() == "per"
            and not _REPORT_TITLE.search(text) and lx.label_kind(text) in ("perceel", "cluster", "total"))


# the report's title, not a perceel's heading: 'KTO Scholing 2021 — Opleidingscentrum Drechtsteden'
_REPORT_TITLE = rx(r"(?<!\p{L})(?:kto|\p{L}*tevredenheid\p{L}*|rapport\p{L}*|onderzoek\p{L}*)(?!\p{L})|(?<!\d)(?:19|20)\d{2}(?!\d)", regex.I)


def _caption_under(page, grid: Grid) -> str | None:
    """The perceel a table's caption under it names ('Tabel 3.2 Opleidingen'), or None."""
    below = sorted((ln for ln in page.lines if grid.bbox[3] - 1 <= ln.bbox[1] <= grid.bbox[3] + 30
                    and ln.bbox[0] < grid.bbox[2] and ln.bbox[2] > grid.bbox[0]), key=lambda ln: ln.bbox[1])
    if below and (m := _TABLE_CAPTION.match(below[0].text.strip())) and _names_a_perceel(m["rest"]):
        return m["rest"].strip()
    return None


def _heading_above(page, grid: Grid) -> str | None:
    """The heading of the section a one-row table stands in: up from the table over at most three
    paragraphs of text, the first short line that is no sentence; its perceel without the section
    number, or None when that heading names none (or another table or caption comes first)."""
    blocks = sorted((b for b in page.body_blocks if b.bbox[3] <= grid.bbox[1] + 1 and b.bbox[3] >= grid.bbox[1] - 200),
                    key=lambda b: -b.bbox[3])
    paragraphs = 0
    for b in blocks:
        text = " ".join(b.text.split())
        values = sum(is_value(w.text) for ln in b.lines for w in ln.words)
        if _TABLE_CAPTION.match(text) or values >= 2 and values * 2 >= len(text.split()):
            return None  # another table (or its caption) stands between; a sentence may hold a number or two
        if len(b.lines) <= 2 and len(text.split()) <= 10 and not text.endswith((".", ":", ";", ",")):
            name = lx.RE_SECTION_NUMBER.sub("", text)
            return name if _names_a_perceel(name) else None
        paragraphs += 1
        if paragraphs > 3:
            return None
    return None


def _stack(base: ResultsTable, other: ResultsTable) -> bool:
    """Tables of one perceel each, one under the other (a block per perceel): each is a row of the
    results, when they read the same measures and name percelen the first does not have yet."""
    if set(other.measures) != set(base.measures) or other.orientation != base.orientation:
        return False
    labels = [r.label for r in other.rows if not r.heading]
    named = [f"{r.under} {r.label}" if r.under else r.label for r in other.rows if not r.heading]
    known = {_norm_label(r.label) for r in base.rows}
    if not labels or not all(lx.label_kind(x) in ("perceel", "cluster", "total") for x in named) \
            or any(_norm_label(x) in known for x in labels) or not all(lx.label_kind(r.label) for r in base.rows if not r.heading):
        return False
    base.rows += [r for r in other.rows if not r.heading]
    base.grids += other.grids
    base.decisions.append(f"tabel op pagina {other.page} is het vervolg per perceel: {', '.join(labels)}")
    return True


def _complete(t: ResultsTable) -> bool:
    """A table with every core measure and at least two perceel or cluster rows."""
    return set(CORE) <= set(t.measures) and _label_score(t) >= 2


def _collect(doc: Document, pages: list[int], tables: list[ResultsTable], done: set[int],
             stop_when_complete: bool = False) -> None:
    """Read the grids of ``pages`` (and the page after each, where a table may continue) into
    ``tables``, continuing the previous table where a grid continues it. With
    ``stop_when_complete``, stop once a complete table has ended (its next page read): later
    pages repeat it (a summary, an appendix) or hold other tables."""
    expanded = sorted((set(pages) | {p + 1 for p in pages if p + 1 <= doc.page_count}) - done)
    for p in expanded:
        if stop_when_complete and any(_complete(t) and t.grids[-1].page < p - 1 for t in tables):
            break
        done.add(p)
        grids = [_with_legend(doc, g) for g in page_grids(doc, p)]
        read = {id(g): interpret(g) for g in grids}
        # a bar chart drawn beside a table's values ('gemiddelde per segment' with a bar per row): the
        # table, when it reads two or more measures there, is read instead of the chart
        bars = [b for b in bar_grids(doc, p) if not any(_overlap(g.bbox, b.bbox) and read[id(g)] is not None
                                                         and len(read[id(g)].measures) >= 2 for g in grids)]
        plain = [g for g in grids if not any(_overlap(g.bbox, b.bbox) for b in bars)]
        # sections per perceel only where no table on the page is complete by itself (they cost a
        # pass over the page's lines; a page with a whole results table has no need of them)
        whole = any(t is not None and _complete(t) for t in read.values())
        sections = [] if whole else section_grids(doc, p)
        if sections:  # small tables inside the sections are read as part of them
            plain = [g for g in plain if not _overlap(g.bbox, sections[0].bbox)]
        # tiles, like sections, only where no table on the page is complete by itself (a pass over its lines)
        tiles = [] if whole else [g for g in tile_grids(doc, p)
                                  if not any(read[id(x)] is not None and _overlap(x.bbox, g.bbox) for x in plain)]
        for grid in plain + bars + sections + tiles + card_grids(doc, p) + prose_grids(doc, p):
            t = read[id(grid)] if id(grid) in read else interpret(grid)
            if t is not None:
                _merge_wrapped(t)
                _split_compound(t)
                _card_label(doc, grid, t)
            prev = tables[-1] if tables else None
            if prev is not None and prev.stacked and _continues(prev, grid, doc) and _block_goes_on(doc, prev, grid):
                continue
            if prev is not None and not (t is not None and t.named_outside) and _continues(prev, grid, doc):
                if t is not None and set(prev.measures) < set(t.measures):
                    _reread_with(prev, t)
                if t is None or t.measures == prev.measures or set(t.measures) <= set(prev.measures):
                    if t is None:
                        cont = _body_only(prev, grid)
                        _merge_wrapped(cont)
                    else:
                        cont = t
                    rows = [r for r in cont.rows if r.label.strip() or r.values]
                    last = prev.rows[-1] if prev.rows else None
                    if (rows and last is not None and rows[0].heading and not last.heading and prev.orientation == "rijen"
                            and lx.label_kind(rows[0].label) not in ("group_clients", "group_employers")):
                        last.label = f"{last.label} {rows[0].label}".strip()  # a row cut by the page break
                        prev.decisions.append(f"pagina {grid.page}: rij '{last.label}' loopt door over de paginagrens")
                        rows = rows[1:]
                    prev.rows += rows
                    prev.grids.append(grid)
                    prev.guesses += [g for g in cont.guesses if g not in prev.guesses]
                    how = "met herhaalde kop" if t is not None else "zonder kop"
                    prev.decisions.append(f"pagina {grid.page}: vervolg van de tabel van pagina {prev.page} ({how}), {len(cont.rows)} rijen")
                    continue
            if t is None and (joined := _under_header_before(doc, grid)) is not None:
                tables.append(joined)
                continue
            if t is not None:
                tables.append(t)


def _block_at_foot(doc: Document, prev: ResultsTable) -> ReadRow | None:
    """The start of a block left below the last grid at the foot of its page: a perceel name on a
    line of its own (maybe two), then measure lines with their values, then only page furniture.
    None when anything else stands there."""
    last = prev.grids[-1]
    page = doc.page(last.page)
    rows = visual_rows([w for w in page.words if w.y0 > last.bbox[3] - 0.5])
    content = [r for r, furn in zip(rows, furniture(doc, last.page, rows)) if not furn]
    name: list[str] = []
    values: dict[str, str] = {}
    for r in content:
        chunks = [cell_text(c).strip() for c in _chunks(r)]
        if len(chunks) == 1 and not values and not is_value(chunks[0]):
            name.append(chunks[0])
            continue
        found = lx.measure_of(chunks[0]) if len(chunks) == 2 else None
        if found is None or not is_value(chunks[1]) or found[0] in values or not name:
            return None
        values[found[0]] = chunks[1]
    label = " ".join(name)
    if not name or lx.label_kind(label) not in ("perceel", "cluster", "total"):
        return None
    box = (round(min(w.x0 for r in content for w in r), 1), round(min(w.y0 for r in content for w in r), 1),
           round(max(w.x1 for r in content for w in r), 1), round(max(w.y1 for r in content for w in r), 1))
    return ReadRow(label, values, last.page, box)


def _block_goes_on(doc: Document, prev: ResultsTable, grid: Grid) -> bool:
    """Blocks per perceel cut by a page break: measure lines at the top of the next page, before
    any perceel name, are the rest of the last block on the page before (its heading and maybe its
    first lines stood at the foot of that page, in the grid or below it); blocks after them are read
    as more rows. Only measures that block does not have yet are taken, and the grid must be
    nothing but that."""
    matrix = [[c.strip() for c in r] for r in grid.matrix()]
    if grid.ncols != 2 or not prev.rows:
        return False
    foot = _block_at_foot(doc, prev)
    last = foot if foot is not None else prev.rows[-1]
    rest: dict[str, str] = {}
    i = 0
    for i, (label, value) in enumerate(matrix):
        if label and not value:
            break  # the next block's name (the page may open with it: the blocks go on under it)
        found = lx.measure_of(label) if label and value else None
        if found is None or not is_value(value) or found[0] in rest or found[0] in last.values:
            return False
        rest[found[0]] = value
    else:
        i = len(matrix)
    more = None
    if i < len(matrix):
        more = _stacked_cards(Grid(grid.page, grid.bbox, grid.rows[i:], grid.method, grid.ncols), matrix[i:], least=1)
        if more is None:
            return False
    last.values.update(rest)
    if foot is not None:
        prev.rows.append(foot)
        prev.decisions.append(f"pagina {foot.page}: blok '{foot.label}' begint onderaan de pagina, onder de tabel")
    if more is not None:
        prev.rows += more.rows
        prev.measures.update({k: v for k, v in more.measures.items() if k not in prev.measures})
    prev.grids.append(grid)
    if rest:
        prev.decisions.append(f"pagina {grid.page}: blok '{last.label}' loopt door over de paginagrens ("
                              + ", ".join(MEASURE_NAMES[k] for k in rest) + ")"
                              + (f", daarna {len(more.rows)} blok(ken)" if more is not None else ""))
    else:
        prev.decisions.append(f"pagina {grid.page}: de blokken per perceel gaan door: {len(more.rows) if more else 0} blok(ken)")
    return True


def _under_header_before(doc: Document, grid: Grid) -> ResultsTable | None:
    """Header-less rows at the top of a page read under the header left at the foot of the page
    before (a caption and header at the bottom of one page, every body row on the next, no header
    repeated): the header must name at least two measures and stand over the rows' columns."""
    found = header_before(doc, grid)
    if found is None:
        return None
    head, grid = found
    t = _read_normal(head, head.matrix())
    if t is None or len(t.measures) < 2:
        return None
    cont = _body_only(t, grid)
    _merge_wrapped(cont)
    if not any(not r.heading for r in cont.rows):
        return None
    t.rows = cont.rows
    t.grids.append(grid)
    t.decisions.append(f"pagina {grid.page}: {len(cont.rows)} rijen zonder kop gelezen onder de kop onderaan pagina {head.page} "
                       "(ertussen hooguit voettekst, paginanummer of koptekst)")
    return t


def _opens_in_lower_case(label: str) -> bool:
    """A label that opens in lower case ('vaardigheidstrainingen / ICT') began on a line above."""
    return label.lstrip()[:1].islower()


def _merge_wrapped(t: ResultsTable) -> None:
    """Borderless tables: label-only lines set tight against a row are the rest of its label; a
    row whose label is empty (values centred on a label of three lines) takes the lines above too."""
    if t.orientation != "rijen" or t.grids[0].method != "uitlijning":
        return

    def tight(upper: ReadRow, lower: ReadRow) -> bool:
        # measured in the taller line's height: on a scan a line's box is its ink, and a line
        # without descenders ('en infra') is shorter than the font's line, as a PDF gives it
        height = max(lower.bbox[3] - lower.bbox[1], upper.bbox[3] - upper.bbox[1])
        return upper.page == lower.page and lower.bbox[1] - upper.bbox[3] < 0.6 * height

    def gap(upper: ReadRow, lower: ReadRow) -> float:
        return lower.bbox[1] - upper.bbox[3]

    rows = _join_perceel_headings(t.rows)
    # a perceel's whole name on a line of its own over rows whose labels open with a capital (its
    # clusters: 'Techniek') or over rows side by side that open with the same word in lower case
    # ('cluster Bouw en infra', 'cluster Zorg en welzijn'): a heading; not over one 'cluster Vakgebied
    # 01' followed by the next such name (its label going on)
    over = {id(r) for k, r in enumerate(rows[:-1]) if r.heading and _whole_perceel(r.label)
            and (rows[k + 1].label.strip()[:1].isupper() or _siblings(rows[k + 1:k + 3]))}

    def wrappable(r: ReadRow) -> bool:
        return (r.heading and not r.values and lx.label_kind(r.label) not in ("group_clients", "group_employers", "total")
                and id(r) not in over)

    # the usual gap under a row with values (the padding between rows): a label line clearly
    # closer than that to the row below belongs to it
    gaps = sorted(b.bbox[1] - a.bbox[3] for a, b in zip(rows, rows[1:]) if not a.heading and a.page == b.page)
    row_gap = gaps[len(gaps) // 2] if gaps else None
    out: list[ReadRow] = []
    i = 0
    while i < len(rows):
        r = rows[i]
        if not r.heading and not r.label.strip():
            # take the tight label lines just above (already in out) and just below
            # ... but not past a gap clearly wider than the label's own line spacing (the padding
            # between two rows, each with a label of several lines)
            above: list[ReadRow] = []
            least = float("inf")
            while out and wrappable(out[-1]) and tight(out[-1], above[0] if above else r) and (
                    gap(out[-1], above[0] if above else r) <= least + CLEARLY_CLOSER):
                least = min(least, gap(out[-1], above[0] if above else r))
                above.insert(0, out.pop())
            parts = [a.label for a in above]
            j = i + 1
            below_last = r
            while j < len(rows) and wrappable(rows[j]) and tight(below_last, rows[j]) and (
                    gap(below_last, rows[j]) <= least + CLEARLY_CLOSER):
                least = min(least, gap(below_last, rows[j]))
                below_last = rows[j]
                j += 1
            below = [x.label for x in rows[i + 1:j]]
            r.label = " ".join(parts + below).strip()
            top = above[0].bbox[1] if above else r.bbox[1]
            r.bbox = (r.bbox[0], top, r.bbox[2], below_last.bbox[3])
            out.append(r)
            i = j
            continue
        prev = out[-1] if out else None
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        first = prev is None or r.page != prev.page  # the first line of the body (on this page)
        if (wrappable(r) and (first or (not prev.heading and tight(prev, r) and not prev.label.rstrip().endswith(_CONNECTORS)))
                and nxt is not None and not nxt.heading and (_opens_in_lower_case(nxt.label) or not nxt.label.strip())
                and tight(r, nxt) and r.label.lstrip()[:1].isupper()):
            # tight both ways (evenly spaced lines): the row below opens in lower case or has no
            # label of its own, so its label began here (a capital after a complete label)
            nxt.label = f"{r.label} {nxt.label}".strip()
            nxt.bbox = (nxt.bbox[0], r.bbox[1], max(nxt.bbox[2], r.bbox[2]), nxt.bbox[3])
            i += 1
            continue
        if (wrappable(r) and (prev is None or prev.heading or r.page != prev.page) and nxt is not None and not nxt.heading
                and r.page == nxt.page and tight(r, nxt) and row_gap is not None and gap(r, nxt) < row_gap - CLEARLY_CLOSER
                and (_opens_in_lower_case(nxt.label) or r.label.rstrip().endswith(_CONNECTORS))):
            # the first label line of the body (or of a page), clearly closer to the row below than
            # rows are to each other, and the label goes on there ('Functiegerichte
            # vaardigheidstrainingen –' over 'cluster Vakgebied 01   21   10 ...')
            nxt.label = f"{r.label} {nxt.label}".strip()
            nxt.bbox = (nxt.bbox[0], r.bbox[1], max(nxt.bbox[2], r.bbox[2]), nxt.bbox[3])
            i += 1
            continue
        if (wrappable(r) and prev is not None and not prev.heading and tight(prev, r) and nxt is not None
                and not nxt.heading and tight(r, nxt) and r.page == nxt.page
                and (nxt.bbox[1] - r.bbox[3]) < (r.bbox[1] - prev.bbox[3]) - CLEARLY_CLOSER):
            # tight both ways, but clearly closer to the row below (values set on the last line of
            # a label of two, rows apart by their padding): its label began here
            nxt.label = f"{r.label} {nxt.label}".strip()
            nxt.bbox = (nxt.bbox[0], r.bbox[1], max(nxt.bbox[2], r.bbox[2]), nxt.bbox[3])
            i += 1
            continue
        if (wrappable(r) and nxt is not None and not nxt.heading and r.page == nxt.page and _opens_in_lower_case(nxt.label)
                and r.label.lstrip()[:1].isupper() and not r.label.rstrip().endswith((".", ":"))
                and (prev is None or prev.heading or not tight(prev, r))
                and (row_gap is None or gap(r, nxt) < row_gap + CLEARLY_CLOSER)):
            # a label line on its own, not tight to the row above, over a row whose label goes on in
            # lower case ('Functiegerichte' over 'vaardigheidstrainingen - cluster ...', as OCR
            # spaces the lines): its label began here
            nxt.label = f"{r.label} {nxt.label}".strip()
            nxt.bbox = (nxt.bbox[0], r.bbox[1], max(nxt.bbox[2], r.bbox[2]), nxt.bbox[3])
            i += 1
            continue
        if (wrappable(r) and prev is not None and not prev.heading and _whole_perceel(prev.label) and r.label.lstrip()[:1].isupper()):
            # the label above is a perceel's whole name, so a line opening with a capital starts the
            # next label; with the label lines after it, it goes to the row with values below
            # ('Opleidingen 40 ...' / 'Functiegerichte' / 'vaardigheidstraining cluster' / 'Zorg en welzijn 30 ...')
            j = i + 1
            while j < len(rows) and wrappable(rows[j]) and rows[j].page == r.page:
                j += 1
            head = " ".join(x.label for x in rows[i:j])
            if (j < len(rows) and not rows[j].heading and rows[j].page == r.page and tight(rows[j - 1], rows[j])
                    and not any(_whole_perceel(x.label) for x in rows[i:j])
                    and not _whole_perceel(rows[j].label) and lx.label_kind(rows[j].label) != "total"
                    and lx.label_kind(f"{head} {rows[j].label}") in ("perceel", "cluster")):
                rows[j].label = f"{head} {rows[j].label}".strip()
                rows[j].bbox = (rows[j].bbox[0], r.bbox[1], max(rows[j].bbox[2], r.bbox[2]), rows[j].bbox[3])
                i = j
                continue
        if wrappable(r) and prev is not None and not prev.heading and tight(prev, r):
            prev.label = f"{prev.label} {r.label}".strip()
            prev.bbox = (prev.bbox[0], prev.bbox[1], max(prev.bbox[2], r.bbox[2]), r.bbox[3])
        else:
            out.append(r)
        i += 1
    t.rows = out


def _siblings(pair: list[ReadRow]) -> bool:
    """Two rows with values one under the other whose labels open with the same word in lower case
    ('cluster Bouw en infra', 'cluster Zorg en welzijn'): rows of one kind under a heading."""
    if len(pair) < 2 or any(r.heading or not r.values for r in pair):
        return False
    a, b = pair[0].label.split(), pair[1].label.split()
    return bool(a and b) and a[0] == b[0] and a[0][:1].islower()


def _join_perceel_headings(rows: list[ReadRow]) -> list[ReadRow]:
    """Label-only lines that together make a perceel's whole name ('Functiegerichte' /
    'vaardigheidstrainingen') over a row whose label opens with a capital: one heading row."""
    out: list[ReadRow] = []
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1].heading and rows[j + 1].page == rows[i].page and j - i < 3:
            j += 1
        joined = None
        for end in range(j, i, -1):  # the longest run of headings from here that names a whole perceel
            text = " ".join(r.label.strip() for r in rows[i:end + 1])
            after = rows[end + 1] if end + 1 < len(rows) else None
            if rows[i].heading and _whole_perceel(text) and after is not None and after.label.strip()[:1].isupper():
                joined = end
                break
        if joined is None:
            out.append(rows[i])
            i += 1
            continue
        first, last = rows[i], rows[joined]
        first.label = " ".join(r.label.strip() for r in rows[i:joined + 1])
        first.bbox = (min(r.bbox[0] for r in rows[i:joined + 1]), first.bbox[1], max(r.bbox[2] for r in rows[i:joined + 1]), last.bbox[3])
        out.append(first)
        i = joined + 1
    return out


CLEARLY_CLOSER = 2.0  # pt: a label line this much closer to one row than to the other belongs to it


_LEGEND = rx(r"(?<![\p{L}\p{N}])(?P<code>\p{Lu}{1,3}\s?\d{1,2}[a-z]?)\s*[:=–—-]?\s*(?P<words>\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*){0,3})")


def perceel_codes(doc: Document) -> dict[str, str]:
    """The perceel codes a report explains in its text ('Percelen: P1 Opleidingen, P2
    Functiegerichte vaardigheidstrainingen (per cluster), ...'): {'P1': 'Opleidingen', 'P2':
    'Functiegerichte vaardigheidstrainingen'}. Only a code followed by the name of a perceel
    counts; computed once per document."""
    cache = doc.__dict__.get("_reader_codes")
    if cache is not None:
        return cache
    out: dict[str, str] = {}
    for page in doc.pages:
        text = " ".join(w.text for w in page.words)
        for m in _LEGEND.finditer(text):
            words = m["words"].split()
            for k in range(len(words), 0, -1):
                name = " ".join(words[:k])
                if lx.label_kind(name) == "perceel":
                    out.setdefault(m["code"].replace(" ", "").upper(), name)
                    break
    doc.__dict__["_reader_codes"] = out
    return out


_PERCELEN = (("functiegerichte", "fvt"), ("opleiding",), ("leerba",), ("ervaringscertifica", "evc"))


def _label_key(label: str) -> str:
    """What a label names, for joining two tables that word it differently: 'Functiegerichte
    vaardigheidstrainingen – cluster Zorg' and 'FVT cluster Zorg' are both 'cluster zorg';
    'Totaal alle percelen' is 'totaal'."""
    if lx.label_kind(label) == "total":
        return "totaal"
    t = _norm_label(split_code(label)[1])  # 'P3 – Leerbanen' and 'Leerbanen' name one perceel
    if m := rx(r"\bcluster\s+(.+)$").search(t):
        return "cluster " + m[1]
    for stems in _PERCELEN:
        if any(t.startswith(s) or f" {s}" in f" {t}" for s in stems) and len(t.split()) <= 3:
            return stems[0]
    return t


def _join(base: ResultsTable, other: ResultsTable) -> None:
    new = [k for k in other.measures if k not in base.measures]
    if not new:
        return
    index = {_norm_label(r.label): r for r in base.rows if not r.heading}
    keyed = {_label_key(r.label): r for r in base.rows if not r.heading}
    matched = []
    for r in other.rows:
        if r.heading:
            continue
        mine = index.get(_norm_label(r.label)) or keyed.get(_label_key(r.label))
        if mine is not None:
            matched.append((mine, r))
    labelled = [r for r in other.rows if not r.heading]
    if not labelled or len(matched) < max(1, (len(labelled) + 1) // 2):
        return
    for mine, theirs in matched:
        for k in new:
            if k in theirs.values:
                mine.values[k] = theirs.values[k]
    for k in new:
        base.measures[k] = other.measures[k]
    base.grids += other.grids
    base.guesses += [g for g in other.guesses if g not in base.guesses]
    # a row only the other table has (a Totaal under the scores, say) is a row of the report too
    taken = {id(t) for _, t in matched}
    extra = [r for r in labelled if id(r) not in taken and any(is_value(v) for v in r.values.values())]
    for r in extra:
        total_at = next((i for i, x in enumerate(base.rows) if lx.label_kind(x.label) == "total"), None)
        if lx.label_kind(r.label) != "total" and total_at is not None:
            base.rows.insert(total_at, r)
        else:
            base.rows.append(r)
    base.decisions.append(
        f"tabel op pagina {other.page} samengevoegd op label ({len(matched)} van {len(labelled)} rijen): "
        + ", ".join(MEASURE_NAMES[k] for k in new)
        + (f"; {len(extra)} rij(en) alleen in die tabel toegevoegd" if extra else "")
    )


# ---- cells that hold two measures, and cards -------------------------------------------------------

_NUM = r"\d{1,3}(?:\.\d{3})+|\d+"
_PCT = r"\d{1,3}(?:[.,]\d{1,2})?\s*%"
# '108/245', '49 van 110', '49 van 110 (44,5%)': ingevuld of netto, with the respons maybe
_OF = rx(rf"(?P<a>{_NUM})\s*(?:/|van|uit|of)\s*(?P<b>{_NUM})(?:\s*\(\s*(?P<p>{_PCT})\s*\))?")
# '28 (58,3%)' or '58,3% (28)': a count with its share
# ('58,8% (n = 10)': the count after 'n =', as a dashboard prints it)
_COUNT_PCT = rx(rf"(?P<a>{_NUM})\s*\(\s*(?P<p>{_PCT})\s*\)|(?P<p2>{_PCT})\s*\(\s*(?:n\s*=\s*)?(?P<a2>{_NUM})\s*\)", regex.I)
_COMPOUND_OF = ("ingevuld", "respons_pct", "netto_steekproef")


def _split_compound(t: ResultsTable) -> None:
    """A cell of the respons or ingevuld column (or row) that holds two measures: '108/245' or
    '49 van 110' under 'Ingevuld / benaderd' or 'Respons' is ingevuld of netto (the smaller
    number is the one that filled in), '28 (58,3%)' is ingevuld with the respons. Only when every
    such cell of the column has that form, and only into measures the table has no column for."""
    for key in [k for k in _COMPOUND_OF if k in t.measures]:
        cells = [r.values.get(key, "").strip() for r in t.rows if not r.heading]
        cells = [c for c in cells if c and any(ch.isdigit() for ch in c)]
        if not cells:
            continue
        if all(_OF.fullmatch(c) for c in cells):
            pattern, parts = _OF, {"a": "ingevuld", "b": "netto_steekproef", "p": "respons_pct"}
        elif key != "netto_steekproef" and all(_COUNT_PCT.fullmatch(c) for c in cells):
            pattern, parts = _COUNT_PCT, {"a": "ingevuld", "a2": "ingevuld", "p": "respons_pct", "p2": "respons_pct"}
        else:
            continue
        header = t.measures.pop(key)
        free = {m for m in parts.values() if m not in t.measures}
        for r in t.rows:
            text = r.values.pop(key, "").strip()
            m = pattern.fullmatch(text) if text else None
            if m is None:
                if text:
                    r.values[key] = text
                continue
            got = {parts[g]: v for g, v in m.groupdict().items() if v}
            if pattern is _OF and int(got["ingevuld"].replace(".", "")) > int(got["netto_steekproef"].replace(".", "")):
                got["ingevuld"], got["netto_steekproef"] = got["netto_steekproef"], got["ingevuld"]
            for measure, value in got.items():
                if measure in free:
                    r.values[measure] = value
        for measure in free:
            t.measures[measure] = header
        t.decisions.append(f"pagina {t.page}: '{header}' houdt twee maten per cel ('{cells[0]}'): gelezen als "
                           + ", ".join(MEASURE_NAMES[m] for m in sorted(free)))
    _score_with_count(t)


# a score with the number of respondents after it, maybe with a mark against the norm: '8.7 (39)',
# '8,7 (n = 39) ▲ boven norm'
# (no score with no respondents: '– (0) –', the norm column's dash after it)
_SCORE_COUNT = rx(r"(?P<s>\d{1,2}[.,]\d{1,2}|[-–—]|n\.?v\.?t\.?)\s*\(\s*(?:n\s*=\s*)?(?P<n>\d[\d.]{0,6})\s*\)"
                  r"(?:\s*[▲▼△▽↑↓]?\s*(?:(?:boven|onder|op)\s+(?:de\s+)?norm|norm\s+(?:gehaald|niet\s+gehaald))|\s+[-–—])?", regex.I)


def _score_with_count(t: ResultsTable) -> None:
    """The rapportcijfer column whose every cell gives the score with its number of respondents
    ('Gem. cijfer (n)' over '8.7 (39) ▲ boven norm'): the score, and the count as ingevuld when the
    table has no ingevuld column."""
    if "rapportcijfer" not in t.measures:
        return
    cells = [r.values.get("rapportcijfer", "").strip() for r in t.rows if not r.heading]
    cells = [c for c in cells if c and any(ch.isdigit() for ch in c)]
    if not cells or not all(_SCORE_COUNT.fullmatch(c) for c in cells):
        return
    count = "ingevuld" not in t.measures
    for r in t.rows:
        if m := _SCORE_COUNT.fullmatch(r.values.get("rapportcijfer", "").strip()):
            r.values["rapportcijfer"] = m["s"]
            if count:
                r.values["ingevuld"] = m["n"]
    if count:
        t.measures["ingevuld"] = t.measures["rapportcijfer"]
    t.decisions.append(f"pagina {t.page}: '{t.measures['rapportcijfer']}' geeft het cijfer met het aantal respondenten ('{cells[0]}')"
                       + ("; dat aantal gelezen als ingevuld" if count else ""))


_CARD_LINE = rx(r"^(?P<name>[^:]{2,60}?)\s*:\s*(?P<value>\S.*)$")
# a measure a card gives no value for ('Rapportcijfer: n.v.t.' with no respondents)
_NO_VALUE = rx(r"n\.?\s?v\.?\s?t\.?|[-–—]|geen", regex.I)


_SECTION_VALUE = r"(?:\d[\d.,]*\s*%?|n\.?v\.?t\.?|[-–—])"
_SECTION_LINE = rx(rf"^(?P<name>\p{{L}}[^:\d=×/+]*?)\s*:?\s+(?P<values>{_SECTION_VALUE}(?:\s+{_SECTION_VALUE})*)\s*\.?$", regex.I)


def section_grids(doc: Document, page_no: int) -> list[Grid]:
    """Results in a section per perceel: its name on a line of its own, then lines that give a
    measure and its value(s) ('Netto steekproef (benaderd)   76   100%', 'Vragenlijst ingevuld   37
    48,7%', 'Gemiddeld rapportcijfer: 8,3.'), maybe in a small table of its own, with sentences
    between. Made into one grid of two columns (a name line, then measure | value lines) that reads
    as blocks per perceel one under the other; a count followed by a percentage on the line of the
    filled-in questionnaires gives the respons. Kept only with two or more sections of two or more
    measures, or measure lines at the top of the page (the rest of a section from the page before)."""
    from ..document import Word

    page = doc.page(page_no)
    lines = [line for b in page.body_blocks for line in b.lines]
    # cheap first: two lines that may be a perceel's heading, or a measure line among the first lines
    heads = sum(1 for line in lines if len(line.text) <= 90 and not any(ch.isdigit() for ch in line.text)
                and lx.label_kind(line.text.strip()) in ("perceel", "cluster", "total"))
    if heads < 2 and not any(lx.measure_of(line.text.strip()) or ((m := _SECTION_LINE.match(line.text.strip())) and lx.measure_of(m["name"]))
                             for line in lines[:6]):
        return []
    words = [w for line in lines for w in line.words]
    if not words:
        return []
    height = statistics.median(w.y1 - w.y0 for w in words)
    out: list[list[Cell]] = []
    sections = leading = 0
    current = 0  # measure lines in the current section
    last_bottom = None  # of the heading line just read, while no measure line followed it
    wrapped_x = None  # where a long form's perceel name stands (its wrapped rest may follow)
    for row in visual_rows(words):
        row = sorted(row, key=lambda w: w.x0)
        text = " ".join(w.text for w in row).strip()
        box = (min(w.x0 for w in row), min(w.y0 for w in row), max(w.x1 for w in row), max(w.y1 for w in row))
        plain = not any(ch.isdigit() for ch in text) and len(row) <= 8 and not text.endswith((".", ":", "?", ",")) \
            and len(_chunks(row)) == 1  # one run of words: a heading, not a table's header cells
        tight = last_bottom is not None and box[1] - last_bottom < height * 0.5 and abs(box[0] - out[-1][0].x0) < 6
        if plain and tight:  # a heading wrapped over two lines ('... (cluster Horeca en' / 'schoonmaak)')
            head = out[-1][0]
            out[-1] = [Cell(head.x0, head.y0, max(head.x1, box[2]), box[3], head.words + list(row), 0)]
            last_bottom = box[3]
            continue
        if plain and (lx.label_kind(text) in ("perceel", "total") or (lx.label_kind(text) == "cluster" and "cluster" in text.lower())):
            if last_bottom is not None:
                out.pop()  # a heading over the heading ('Uitkomsten per perceel' over 'Opleidingen')
            sections += current >= 2
            current = 0
            out.append([Cell(*box, words=list(row), col=0)])
            last_bottom = box[3]
            continue
        m = _SECTION_LINE.match(text)
        found = lx.measure_of(m["name"]) if m and len(m["name"].split()) <= 6 else None
        if found is None and (lead := _named_first(row)) is not None:
            # the long form a script writes: the perceel's name on the line of its first measure
            # ('Opleidingen   beëindigde diensten   63'), the next measures under it
            name_words, row = lead
            head = Cell(min(w.x0 for w in name_words), box[1], max(w.x1 for w in name_words), box[3], name_words, 0)
            sections += current >= 2
            current = 0
            out.append([head])
            text = " ".join(w.text for w in row)
            box = (min(w.x0 for w in row), box[1], box[2], box[3])
            m = _SECTION_LINE.match(text)
            found = lx.measure_of(m["name"]) if m else None
            wrapped_x = head.x0  # a name wrapped onto a line of its own under it joins it
        elif found is None and plain and wrapped_x is not None and abs(box[0] - wrapped_x) < 6 and text[:1].islower():
            head_row = next(r for r in reversed(out) if len(r) == 1)
            head_row[0] = Cell(head_row[0].x0, head_row[0].y0, head_row[0].x1, head_row[0].y1, head_row[0].words + list(row), 0)
            continue
        if found is None:
            continue
        last_bottom = None
        tokens = rx(_SECTION_VALUE, regex.I).findall(m["values"])
        if len(tokens) > 2:
            return []  # a measure with a value per perceel: a table on its side, read as a table
        n_name = len(m["name"].split())
        # the sentence's full stop is no part of the value ('Gemiddeld rapportcijfer: 8,3.')
        value_words = [w._replace(text=w.text[:-1]) if w.text.endswith(".") and w.text[:-1][-1:].isdigit() else w for w in row[n_name:]]
        first = len(tokens[0].split())
        out.append([Cell(*box, words=row[:n_name], col=0), Cell(*box, words=value_words[:first], col=1)])
        if not sections and not current and not any(len(r) == 1 for r in out[:-1]):
            leading += 1
        current += 1
        if found[0] == "ingevuld" and len(tokens) >= 2 and tokens[1].strip().endswith("%"):
            pct = value_words[first:first + len(tokens[1].split())]
            label = Word(box[0], box[1], box[0] + 1, box[3], "Respons", page_no, -1, -1)
            out.append([Cell(*box, words=[label], col=0), Cell(*box, words=pct, col=1)])
            current += 1
    if last_bottom is not None:
        out.pop()  # a heading with nothing under it
    # a heading with fewer than two measure lines under it is no section (a title, a stray line)
    kept: list[list[Cell]] = []
    k = 0
    while k < len(out):
        j = k + 1 if len(out[k]) == 1 else k
        while j < len(out) and len(out[j]) == 2:
            j += 1
        if len(out[k]) != 1 or j - k - 1 >= 2 or (j == len(out) and j - k - 1 >= 1):  # the last may go on overleaf
            kept += out[k:j]
        k = j
    out = kept
    if not out:
        return []
    sections += current >= 2
    # one section at the top of a page: the last of those begun on the page before
    if sections < 2 and not leading and not (sections == 1 and out and out[0][0].y0 < page.height * 0.4):
        return []
    boxes = [c for r in out for c in r]
    bbox = (min(c.x0 for c in boxes), min(c.y0 for c in boxes), max(c.x1 for c in boxes), max(c.y1 for c in boxes))
    return [Grid(page_no, bbox, out, "secties", ncols=2)]


def _named_first(row: list) -> tuple[list, list] | None:
    """A row 'perceel name | measure | value' (runs of words far apart): the name's words and the
    rest of the row, when the first run names a perceel, cluster or the total and the next a measure."""
    chunks = _chunks(row)
    if len(chunks) < 3 or not is_value(cell_text(chunks[-1])):
        return None
    name = cell_text(chunks[0])
    if any(ch.isdigit() for ch in name) or lx.label_kind(name) not in ("perceel", "cluster", "total"):
        return None
    if lx.measure_of(" ".join(cell_text(c) for c in chunks[1:-1])) is None:
        return None
    return list(chunks[0]), [w for c in chunks[1:] for w in c]


def tile_grids(doc: Document, page_no: int) -> list[Grid]:
    """Key figures as tiles: a line of three or more values set far apart, each with its caption on
    the line(s) right under it ('61   37   60,7%   8,5' over 'benaderd   vragenlijsten ingevuld
    respons   gemiddeld rapportcijfer'). A grid of two rows (values, captions), a column per tile;
    what the captions name is for ``_tiles`` to decide ('tegels')."""
    page = doc.page(page_no)
    rows = [sorted(r, key=lambda w: w.x0) for r in visual_rows([w for b in page.body_blocks for ln in b.lines for w in ln.words])]
    out = []
    for k, r in enumerate(rows[:-1]):
        chunks = _chunks(r)
        if len(chunks) < 3 or not all(is_value(cell_text(c)) for c in chunks):
            continue
        height = statistics.median(w.y1 - w.y0 for w in r)
        bottom = max(w.y1 for w in r)
        first = rows[k + 1]
        if min(w.y0 for w in first) - bottom > height * 1.8 or len(_chunks(first)) < 2:
            continue
        under = list(first)
        if k + 2 < len(rows):  # a caption wrapped onto a second line, set tight under the first (not a paragraph)
            second = rows[k + 2]
            if min(w.y0 for w in second) - max(w.y1 for w in first) < height * 0.5 and len(_chunks(second)) >= 2:
                under += second
        centres = [(min(w.x0 for w in c) + max(w.x1 for w in c)) / 2 for c in chunks]
        caps: list[list] = [[] for _ in chunks]
        for w in under:
            caps[min(range(len(chunks)), key=lambda i: abs(centres[i] - (w.x0 + w.x1) / 2))].append(w)
        if not all(caps):
            continue
        vrow = [Cell(min(w.x0 for w in c), min(w.y0 for w in c), max(w.x1 for w in c), max(w.y1 for w in c), list(c), i)
                for i, c in enumerate(chunks)]
        crow = [Cell(min(w.x0 for w in c), min(w.y0 for w in c), max(w.x1 for w in c), max(w.y1 for w in c), c, i)
                for i, c in enumerate(caps)]
        cells = vrow + crow
        bbox = (min(c.x0 for c in cells), min(c.y0 for c in cells), max(c.x1 for c in cells), max(c.y1 for c in cells))
        out.append(Grid(page_no, bbox, [vrow, crow], "tegels", ncols=len(chunks)))
    return out


def card_grids(doc: Document, page_no: int) -> list[Grid]:
    """Results as cards: per perceel a block with its name on the first line and a line per
    measure ('Rapportcijfer: 8,3', 'Respons: 49 van 110 (44,5%)'), often two cards side by
    side. Two or more such cards that name the same measures make one grid with a column per
    card and a row per measure (read like a table on its side, 'kaarten')."""
    cards = []
    for block in _card_blocks(doc.page(page_no).body_blocks):
        for lines in _cards_in(block):
            if len(lines) < 3 or ":" in lines[0].text or any(ch.isdigit() for ch in lines[0].text):
                continue
            measures = [(m[0], m[1], m[2], line) for line in lines[1:] if (m := _card_measure(line))]
            if (len(measures) == len(lines) - 1 and len({k for k, *_ in measures}) == len(measures) >= 2
                    and any(ch.isdigit() for *_, value, _ in measures for ch in value)):
                cards.append((lines[0], measures))
    if len(cards) < 2:
        return []
    names: list[tuple[str, str]] = []  # measure key -> name as printed, in order of first use
    for _, measures in cards:
        for key, name, _, _ in measures:
            if key not in {k for k, _ in names}:
                names.append((key, name))
    rows: list[list[Cell]] = [[]] + [[] for _ in names]
    for col, (head, measures) in enumerate(cards, start=1):
        rows[0].append(Cell(*head.bbox, words=list(head.words), col=col))
        for key, _, _, line in measures:
            r = 1 + [k for k, _ in names].index(key)
            rows[r].append(Cell(*line.bbox, words=_words_after(line, line.text.index(":") + 1), col=col))
    for r, (key, name) in enumerate(names, start=1):
        first = next(line for _, ms in cards for k, _, _, line in ms if k == key)
        label_words = _words_before(first, first.text.index(":"))
        rows[r].insert(0, Cell(*first.bbox, words=label_words, col=0))
    boxes = [c for row in rows for c in row]
    bbox = (min(c.x0 for c in boxes), min(c.y0 for c in boxes), max(c.x1 for c in boxes), max(c.y1 for c in boxes))
    return [Grid(page_no, bbox, rows, "kaarten", ncols=len(cards) + 1)]


def _card_measure(line) -> tuple[str, str, str] | None:
    """(measure key, name as printed, value) of a card's line 'Rapportcijfer: 8,3' or
    'Rapportcijfer: n.v.t.', else None."""
    m = _CARD_LINE.match(line.text.strip())
    if not m or not (any(ch.isdigit() for ch in m["value"]) or _NO_VALUE.fullmatch(m["value"].strip())):
        return None
    found = lx.measure_of(m["name"])
    return (found[0], m["name"], m["value"]) if found else None


def _cards_in(lines: list) -> list[list]:
    """A block's lines cut where a line that is no measure starts the next card: pdfTeX puts the
    right card of one row and the left card of the next in one block."""
    out: list[list] = []
    for line in lines:
        if out and _card_measure(line):
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _card_blocks(blocks: list) -> list[list]:
    """The blocks' lines, a block of measure lines only ('Beëindigde trajecten: 2') set right under
    a block and over it joined to it: the rest of one card a producer split in two blocks."""
    out: list[list] = []
    prev = None
    for b in blocks:
        lines = list(b.lines)
        if (prev is not None and out and b.bbox[0] < prev.bbox[2] and b.bbox[2] > prev.bbox[0]
                and -2 <= b.bbox[1] - prev.bbox[3] < (lines[0].bbox[3] - lines[0].bbox[1])
                and all((m := _CARD_LINE.match(ln.text.strip())) and lx.measure_of(m["name"]) for ln in lines)):
            out[-1] = out[-1] + lines
        else:
            out.append(lines)
        prev = b
    return out


def _words_before(line, at: int) -> list:
    """The words of ``line`` in its first ``at`` characters (the label before its colon)."""
    out, pos = [], 0
    for w in line.words:
        if pos >= at:
            break
        out.append(w)
        pos += len(w.text) + 1
    return out


def _words_after(line, at: int) -> list:
    """The words of ``line`` from character ``at`` on (the value after the colon)."""
    out, pos = [], 0
    for w in line.words:
        if pos >= at:
            out.append(w)
        pos += len(w.text) + 1
    return out


# ---- a bar chart with its values --------------------------------------------------------------------


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def bar_grids(doc: Document, page_no: int) -> list[Grid]:
    """A horizontal bar chart drawn as vectors with its values printed at the bars' ends ('Figuur
    3.2 Gemiddeld rapportcijfer per perceel'): the values follow the bars, so they stand in no
    column. Three or more filled bars that start at one x, each with one number right at its end
    and its label left of the chart (maybe over two lines), under a header naming a measure, make a
    grid of two columns ('staafdiagram')."""
    page = doc.page(page_no)
    bars = []
    for d in doc.drawings(page_no):
        r = d.get("rect")
        if d.get("fill") is None or r is None or not (3 <= r.height <= 24 and r.width >= 8):
            continue
        bars.append(r)
    if len(bars) < 3:
        return []
    left = statistics.median(r.x0 for r in bars)
    bars = sorted((r for r in bars if abs(r.x0 - left) <= 1.5), key=lambda r: r.y0)
    if len(bars) < 3:
        return []
    words = page.words
    rows: list[list[Cell]] = []
    used: set[int] = set()
    for k, bar in enumerate(bars):
        cy = (bar.y0 + bar.y1) / 2
        value = [w for w in words if is_value(w.text) and bar.x1 - 30 <= w.x0 <= bar.x1 + 15 and abs(w.cy - cy) <= bar.height]
        if len(value) != 1:
            return []
        # the label: words left of the chart whose line is nearer this bar than any other
        label = []
        for i, w in enumerate(words):
            if i in used or w.x1 > bar.x0 - 2 or abs(w.cy - cy) > 2.5 * bar.height:
                continue
            if min(range(len(bars)), key=lambda j: abs(w.cy - (bars[j].y0 + bars[j].y1) / 2)) == k:
                label.append(w)
                used.add(i)
        if not label:
            return []
        rows.append([Cell(min(w.x0 for w in label), min(w.y0 for w in label), max(w.x1 for w in label), max(w.y1 for w in label),
                          words=label, col=0),
                     Cell(value[0].x0, value[0].y0, value[0].x1, value[0].y1, words=value, col=1)])
    top = bars[0].y0
    above = [w for w in words if top - 30 <= w.y1 <= top + 1 and w.x0 >= left - 5]
    if not above:
        return []
    line_y = max(w.cy for w in above)
    head = sorted((w for w in above if abs(w.cy - line_y) <= 3), key=lambda w: w.x0)
    if lx.measure_of(" ".join(w.text for w in head)) is None:
        return []
    header = [Cell(left, head[0].y0, left, head[0].y1, words=[], col=0),
              Cell(head[0].x0, head[0].y0, head[-1].x1, head[-1].y1, words=head, col=1)]
    cells = [c for row in rows for c in row] + header[1:]
    bbox = (min(c.x0 for c in cells), min(c.y0 for c in cells), max(c.x1 for c in cells), max(c.y1 for c in cells))
    return [Grid(page_no, bbox, [header] + rows, "staafdiagram", ncols=2)]


# ---- results told in sentences ---------------------------------------------------------------------

_PROSE_NUMBER = rx(r"^(?P<n>\d{1,3}(?:\.\d{3})+|\d+(?:,\d{1,2})?)(?P<pct>\s*%)?[.,;:)]*$")
_SENTENCE_END = rx(r"[.;!?]$")


def _prose_values(words: list) -> dict[str, object] | None:
    """measure -> the word holding its value, from one paragraph: each number takes the measure
    whose word stands nearest to it in its sentence (a percentage only the respons, a mark with a
    decimal only the rapportcijfer). None when a measure gets two different values."""
    stems = {k: tuple(v) for k, v in lx.lexicon()["prose"].items()}
    texts = [w.text.lower().strip("(),.;:") for w in words]
    found: dict[str, object] = {}
    for i, w in enumerate(words):
        m = _PROSE_NUMBER.match(w.text)
        if not m:
            continue
        pct, decimal = bool(m["pct"]), "," in m["n"]
        # the words of this number's sentence, nearest first
        lo = i
        while lo > 0 and not _SENTENCE_END.search(words[lo - 1].text):
            lo -= 1
        hi = i
        while hi < len(words) - 1 and not _SENTENCE_END.search(words[hi].text):
            hi += 1
        if any(lx.comparison_re("prose").fullmatch(texts[j]) for j in range(lo, hi + 1)):
            continue  # 'Vorig jaar gaven zij gemiddeld een 7,1': another measurement, for comparison
        best = None
        for d in range(1, 6):
            for j in (i + d, i - d):
                if lo <= j <= hi and j != i:
                    key = next((k for k, ss in stems.items() if texts[j].startswith(ss)), None)
                    if key is None or (key == "respons_pct") != pct or (key == "rapportcijfer") != (decimal and not pct):
                        continue
                    best = key
                    break
            if best:
                break
        if best is None:
            continue
        value = m["n"] + ("%" if pct else "")
        if best in found and found[best][0] != value:
            return None
        found[best] = (value, w)
    return found


def prose_grids(doc: Document, page_no: int) -> list[Grid]:
    """Results told per perceel in a paragraph under its heading ('Opleidingen' / 'Van de 36
    aangeschreven klanten hebben er 14 gereageerd, een respons van 38,9%. Zij geven de scholing
    gemiddeld een 8,9.'): two or more such paragraphs with the same three or more measures make a
    grid on its side ('lopende tekst'); the row arithmetic then checks what was taken."""
    from ..document import Word

    blocks = doc.page(page_no).body_blocks
    cards = []
    for head, para in zip(blocks, blocks[1:]):
        title = head.text.strip()
        if len(head.lines) != 1 or any(ch.isdigit() for ch in title) or len(title.split()) > 8 \
                or lx.label_kind(title) not in ("perceel", "cluster", "total"):
            continue
        words = [w for line in para.lines for w in line.words]
        values = _prose_values(words)
        if values and len(values) >= 3:
            cards.append((head.lines[0], values))
    if len(cards) < 2 or len({frozenset(v) for _, v in cards}) != 1:
        return []
    names = {"beeindigd": "Beëindigd", "netto_steekproef": "Netto steekproef", "ingevuld": "Ingevuld",
             "respons_pct": "Respons", "rapportcijfer": "Rapportcijfer"}
    keys = [k for k in names if k in cards[0][1]]
    rows: list[list[Cell]] = [[]] + [[] for _ in keys]
    for col, (head, values) in enumerate(cards, start=1):
        rows[0].append(Cell(*head.bbox, words=list(head.words), col=col))
        for r, key in enumerate(keys, start=1):
            text, w = values[key]
            rows[r].append(Cell(w.x0, w.y0, w.x1, w.y1, words=[Word(w.x0, w.y0, w.x1, w.y1, text, w.page, w.block, w.line)], col=col))
    for r, key in enumerate(keys, start=1):
        w = cards[0][1][key][1]
        rows[r].insert(0, Cell(w.x0, w.y0, w.x0, w.y1, words=[Word(w.x0, w.y0, w.x0, w.y1, names[key], w.page, w.block, w.line)], col=0))
    cells = [c for row in rows for c in row]
    bbox = (min(c.x0 for c in cells), min(c.y0 for c in cells), max(c.x1 for c in cells), max(c.y1 for c in cells))
    return [Grid(page_no, bbox, rows, "lopende tekst", ncols=len(cards) + 1)]
