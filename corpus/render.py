"""A small document model (blocks) and the producers that print it to PDF.

A house style (``styles.py``, ``holdout_styles.py``) turns a report spec into a list of blocks; one
of four real producers prints them:

- ``chromium``: HTML + CSS print through headless Chromium (PDF Producer "Skia/PDF");
- ``lo-fodt``: flat ODF text written here, converted by LibreOffice (``soffice --convert-to pdf``);
- ``lo-html``: the same HTML, imported by LibreOffice's HTML filter ("HTML (StarWriter)");
- ``reportlab``: reportlab platypus.

Each LibreOffice run uses a private profile directory so parallel runs do not clash.
"""

from __future__ import annotations

import base64
import html
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as xesc

PRODUCERS = ("chromium", "lo-fodt", "lo-html", "reportlab")


# ---- blocks ------------------------------------------------------------------------------------
@dataclass
class Para:
    text: str
    kind: str = "p"  # title, h1, h2, p, small, cover, right, toc ("title\tpage": a contents line with dot leaders)
    bold: bool = False
    notes: tuple[str, ...] = ()  # footnotes at the end of the paragraph (LibreOffice .fodt: real footnotes)


@dataclass
class Columns:
    """Body text set in columns (LibreOffice: a section with columns; HTML: CSS columns; reportlab: one column)."""

    blocks: list
    count: int = 2


@dataclass
class Bar:
    """A table body cell drawn as a horizontal bar (length value/scale) with ``text`` printed beside it.
    Only HTML draws the bar; the other producers print ``text``."""

    value: float
    scale: float
    text: str
    colour: str = "#3b6ea5"


@dataclass
class Span:
    """A header cell spanning columns and/or rows (header rows are written as in HTML: a position
    covered by a span above or to the left is left out of its row). In a table body it is a merged
    cell (a perceel over its cluster rows), written the same way; bodies without one are unchanged."""

    text: str
    cols: int = 1
    rows: int = 1


@dataclass
class Table:
    header: list[list[str]]  # header rows; "\n" in a cell is a forced line break; a cell may be a Span
    body: list[list[str]]
    ruled: bool = True
    repeat_header: bool = True
    widths: list[float] | None = None  # relative column widths
    caption: str | None = None
    font_pt: float = 9.5
    first_col_left: bool = True
    bold_rows: tuple[int, ...] = ()  # body rows printed bold (Totaal)
    zebra: str | None = None  # background colour of every second body row
    head_fill: str | None = None  # background colour of the header (white text)
    hrules: bool = False  # only horizontal rules: above and under the header, under the last row
    left_cols: tuple[int, ...] = ()  # further body columns aligned left (names)
    valign: str = "BOTTOM"  # vertical alignment in cells (reportlab only): "MIDDLE" as a word processor's HTML import sets it
    head_widths: bool = False  # HTML: widths as width="x%" on the first header row's cells instead of <col> elements (as survey tools write them; LibreOffice's import sizes columns by these)


@dataclass
class PageBreak:
    pass


@dataclass
class Image:
    png: bytes
    width_cm: float
    height_cm: float


@dataclass
class Landscape:
    blocks: list = field(default_factory=list)


@dataclass
class Signature:
    lines: list[str]
    drawn: bool = True


@dataclass
class Doc:
    blocks: list
    font: str = "sans"  # sans / serif
    font_pt: float = 10.5
    landscape: bool = False  # whole document
    title: str = ""
    header: str | None = None  # running page header; "{page}" and "{pages}" are page number and count
    footer: str | None = None  # running page footer, same placeholders


# ---- a drawn signature (PNG) -------------------------------------------------------------------
_SIG_PNG: bytes | None = None


def signature_png() -> bytes:
    """A hand-drawn-looking scribble as PNG (deterministic)."""
    global _SIG_PNG
    if _SIG_PNG is None:
        from kto_ingest._pymupdf import pymupdf

        doc = pymupdf.open()
        page = doc.new_page(width=180, height=50)
        shape = page.new_shape()
        pts = [(10, 35), (30, 5), (45, 45), (65, 10), (85, 40), (105, 8), (125, 38), (150, 15), (170, 30)]
        for a, b in zip(pts, pts[1:]):
            mid = ((a[0] + b[0]) / 2, a[1] - 12)
            shape.draw_bezier(a, mid, (mid[0] + 5, b[1] + 12), b)
        shape.finish(color=(0.05, 0.1, 0.45), width=1.6)
        shape.commit()
        _SIG_PNG = page.get_pixmap(dpi=144).tobytes("png")
    return _SIG_PNG


def logo_png(text: str, fill: tuple[float, float, float], width: int = 150, height: int = 56) -> bytes:
    """A logo block: the bureau's initials in white on a coloured rectangle, as a picture (a real
    logo is an image, so its letters are not in the text layer)."""
    from kto_ingest._pymupdf import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=width, height=height)
    page.draw_rect(page.rect, color=fill, fill=fill)
    page.insert_textbox(pymupdf.Rect(4, height * 0.18, width - 4, height - 2), text, fontsize=height * 0.42, fontname="hebo",
                        color=(1, 1, 1), align=1)
    return page.get_pixmap(dpi=144).tobytes("png")


def cell_text(c) -> str:
    return c.text if isinstance(c, (Span, Bar)) else c


def header_grid(rows: list[list], ncols: int) -> list[list]:
    """Header rows (HTML convention) as a full grid: each position holds its Span/str, or None where
    a span covers it."""
    grid = [[None] * ncols for _ in rows]
    taken = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            cols, nrows = (cell.cols, cell.rows) if isinstance(cell, Span) else (1, 1)
            grid[r][c] = cell
            for dr in range(nrows):
                for dc in range(cols):
                    taken.add((r + dr, c + dc))
            c += cols
    return grid


def body_spans(t: "Table") -> bool:
    """Whether the body has merged cells (a Span: a perceel cell over several cluster rows)."""
    return any(isinstance(c, Span) for row in t.body for c in row)


def _body_rows(t: "Table") -> list[list[tuple[int, object]]]:
    """Body rows as (column, cell) pairs. With merged body cells (``Span``, HTML convention: a position
    covered by a span above or to the left is left out of its row) the column is the real one; without,
    it is the cell's index, as always."""
    if not body_spans(t):
        return [list(enumerate(row)) for row in t.body]
    grid = header_grid(t.body, _ncols(t))
    return [[(j, c) for j, c in enumerate(row) if c is not None] for row in grid]


def _ncols(t: "Table") -> int:
    if t.header:
        return sum(c.cols if isinstance(c, Span) else 1 for c in t.header[0])
    return len(t.body[0])


def _page_tpl_css(tpl: str) -> str:
    parts = []
    for i, piece in enumerate(re.split(r"(\{page\}|\{pages\})", tpl)):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append('"' + piece.replace('"', '\\"') + '"')
    return " ".join(parts)


# ---- HTML --------------------------------------------------------------------------------------
def _h(text: str) -> str:
    return "<br>".join(html.escape(part) for part in text.split("\n"))


def _html_table(t: Table, for_lo: bool) -> str:
    border = "0.6pt solid #222" if t.ruled else "none"
    exact = "-webkit-print-color-adjust:exact;print-color-adjust:exact;"
    out = []
    if t.caption:
        out.append(f'<p class="caption"><b>{html.escape(t.caption)}</b></p>')
    cols = ""
    if t.widths and not t.head_widths:
        total = sum(t.widths)
        cols = "".join(f'<col width="{round(100 * w / total)}%">' for w in t.widths)
    out.append(f'<table class="{"ruled" if t.ruled else "plain"}" style="font-size:{t.font_pt}pt" '
               f'cellspacing="0" cellpadding="3" {"border=1" if (t.ruled and for_lo) else ""} width="100%">{cols}')

    head_pct: list[int] = []  # per cell of the first header row
    if t.head_widths and t.widths and t.header:
        total_w, col = sum(t.widths), 0
        for c in t.header[0]:
            n = c.cols if isinstance(c, Span) else 1
            head_pct.append(round(100 * sum(t.widths[col:col + n]) / total_w))
            col += n

    def th(c, r: int, k: int = 0) -> str:
        span = ""
        if isinstance(c, Span):
            span = (f' colspan="{c.cols}"' if c.cols > 1 else "") + (f' rowspan="{c.rows}"' if c.rows > 1 else "")
        style = f"border:{border}"
        extra = ""
        if isinstance(c, Span) and c.cols > 1:
            style += ";text-align:center"
            extra = ' align="center"'
        if t.hrules:
            last = r + (c.rows if isinstance(c, Span) else 1) - 1 == len(t.header) - 1
            if r == 0:
                style += ";border-top:1.2pt solid #000"
            style += ";border-bottom:0.6pt solid #000" if last else ";border-bottom:0.4pt solid #777"
        if t.head_fill:
            style += f";background:{t.head_fill};color:#fff;{exact}"
            extra += f' bgcolor="{t.head_fill}"'
        if t.head_widths and r == 0 and t.widths and not (isinstance(c, Span) and c.cols > 1):
            extra += f' width="{head_pct[k]}%"'
        text = _h(cell_text(c))
        if t.head_fill and for_lo:
            text = f'<font color="#ffffff">{text}</font>'
        return f'<th style="{style}"{span}{extra}>{text}</th>'

    head = "".join("<tr>" + "".join(th(c, r, k) for k, c in enumerate(row)) + "</tr>" for r, row in enumerate(t.header))
    if t.repeat_header:
        out.append(f"<thead>{head}</thead><tbody>")
    else:
        out.append(f"<tbody>{head}")
    for i, row in enumerate(_body_rows(t)):
        cells = []
        for j, c in row:
            align = "left" if ((j == 0 and t.first_col_left) or j in t.left_cols) else "right"
            if isinstance(c, Bar):
                width = max(1, round(100 * c.value / c.scale)) if c.scale else 1
                txt = (f'<div style="display:flex;align-items:center"><div style="width:{width}%;height:0.9em;background:{c.colour};'
                       f'{exact}margin-right:4pt"></div><span>{_h(c.text)}</span></div>')
                align = "left"
            else:
                txt = _h(cell_text(c))
            if i in t.bold_rows:
                txt = f"<b>{txt}</b>"
            style = f"border:{border};text-align:{align}"
            extra = ""
            if t.zebra and i % 2 == 1:
                style += f";background:{t.zebra};{exact}"
                extra = f' bgcolor="{t.zebra}"'
            if t.hrules and i == len(t.body) - 1:
                style += ";border-bottom:1.2pt solid #000"
            if isinstance(c, Span):
                extra += (f' colspan="{c.cols}"' if c.cols > 1 else "") + (f' rowspan="{c.rows}"' if c.rows > 1 else "")
                if c.rows > 1:
                    style += ";vertical-align:top"
                    extra += ' valign="top"'
                if t.hrules and i + c.rows - 1 == len(t.body) - 1:
                    style += ";border-bottom:1.2pt solid #000"
            cells.append(f'<td style="{style}" align="{align}"{extra}>{txt}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def to_html(doc: Doc, for_lo: bool = False, sig_path: str | None = None, images: dict | None = None) -> str:
    images = {} if images is None else images  # LibreOffice: png bytes -> file name next to the HTML
    family = "DejaVu Sans, Liberation Sans, Arial, sans-serif" if doc.font == "sans" else "DejaVu Serif, Liberation Serif, serif"
    size = "A4 landscape" if doc.landscape else "A4"
    css = f"""
@page {{ size: {size}; margin: 2cm 2cm 2cm 2cm; }}
@page land {{ size: A4 landscape; margin: 1.8cm; }}
.land {{ page: land; }}
body {{ font-family: {family}; font-size: {doc.font_pt}pt; line-height: 1.3; }}
h1 {{ font-size: 16pt; margin: 14pt 0 6pt 0; }}
h2 {{ font-size: 12.5pt; margin: 10pt 0 4pt 0; }}
.title {{ font-size: 22pt; font-weight: bold; margin: 30pt 0 12pt 0; }}
.cover {{ font-size: 13pt; margin: 4pt 0; }}
.small {{ font-size: 8.5pt; color: #333; }}
.right {{ text-align: right; }}
p {{ margin: 3pt 0 5pt 0; }}
.pb {{ page-break-before: always; break-before: page; }}
table {{ border-collapse: collapse; margin: 6pt 0 10pt 0; }}
th {{ text-align: left; vertical-align: bottom; font-weight: bold; }}
td, th {{ padding: 2pt 4pt; }}
table.plain th {{ border-bottom: none; }}
tr {{ page-break-inside: avoid; break-inside: avoid; }}
"""
    if doc.header or doc.footer:
        boxes = ""
        if doc.header:
            boxes += f"@top-left {{ content: {_page_tpl_css(doc.header)}; font-size: 8pt; color: #444; }} "
        if doc.footer:
            boxes += f"@bottom-right {{ content: {_page_tpl_css(doc.footer)}; font-size: 8pt; color: #444; }} "
        css += f"@page {{ {boxes}}}\n@page land {{ {boxes}}}\n"
    parts = [f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(doc.title)}</title>'
             f"<style>{css}</style></head><body>"]
    pending_break = False
    notes_seen: list[str] = []

    def emit(blocks):
        nonlocal pending_break
        for b in blocks:
            if isinstance(b, PageBreak):
                if for_lo:
                    parts.append('<p style="page-break-before: always"></p>')
                else:
                    pending_break = True
                continue
            if isinstance(b, Landscape):
                parts.append('<div class="land">')
                emit(b.blocks)
                parts.append("</div>")
                continue
            if isinstance(b, Columns):
                if pending_break:
                    parts.append('<div class="pb"></div>')
                    pending_break = False
                parts.append(f'<div style="column-count:{b.count};column-gap:0.8cm">')
                emit(b.blocks)
                parts.append("</div>")
                continue
            if pending_break:
                parts.append('<div class="pb"></div>')
                pending_break = False
            if isinstance(b, Para) and b.kind == "toc":
                title, _tab, page = b.text.partition("\t")
                parts.append(f'<p style="display:flex;margin:1pt 0"><span>{html.escape(title)}</span>'
                             f'<span style="flex:1;border-bottom:1pt dotted #555;margin:0 3pt 3pt 3pt"></span>'
                             f'<span>{html.escape(page)}</span></p>')
            elif isinstance(b, Para):
                text = _h(b.text)
                marks = []
                for note in b.notes:
                    notes_seen.append(note)
                    marks.append(str(len(notes_seen)))
                    text += f"<sup>{len(notes_seen)}</sup>"
                if b.bold:
                    text = f"<b>{text}</b>"
                if b.kind in ("h1", "h2"):
                    parts.append(f"<{b.kind}>{text}</{b.kind}>")
                else:
                    cls = "" if b.kind == "p" else f' class="{b.kind}"'
                    parts.append(f"<p{cls}>{text}</p>")
                for m, note in zip(marks, b.notes):
                    parts.append(f'<p class="small"><sup>{m}</sup> {html.escape(note)}</p>')
            elif isinstance(b, Table):
                parts.append(_html_table(b, for_lo))
            elif isinstance(b, Image):
                src = "data:image/png;base64," + base64.b64encode(b.png).decode()
                if for_lo:
                    src = images.setdefault(b.png, f"bild{len(images) + 1}.png")
                parts.append(f'<p><img src="{src}" width="{round(b.width_cm * 37.8)}" height="{round(b.height_cm * 37.8)}" alt=""></p>')
            elif isinstance(b, Signature):
                if b.drawn:
                    src = sig_path or "data:image/png;base64," + base64.b64encode(signature_png()).decode()
                    parts.append(f'<p><img src="{src}" width="150" height="42" alt=""></p>')
                parts.append("<p>" + "<br>".join(html.escape(x) for x in b.lines) + "</p>")

    emit(doc.blocks)
    parts.append("</body></html>")
    return "\n".join(parts)


# ---- flat ODF text -----------------------------------------------------------------------------
def to_fodt(doc: Doc) -> str:
    font = "Liberation Sans" if doc.font == "sans" else "Liberation Serif"
    pw, ph = ("29.7cm", "21cm") if doc.landscape else ("21cm", "29.7cm")
    auto: list[str] = []
    body: list[str] = []
    counter = {"t": 0}
    state = {"next_master": None, "break": False}

    def pstyle(kind: str, bold: bool) -> str:
        """An automatic paragraph style carrying a pending page break / master page change."""
        base = {"title": "KTitle", "h1": "KH1", "h2": "KH2", "p": "KBody", "small": "KSmall", "cover": "KCover",
                "right": "KRight", "toc": "KToc"}.get(kind, "KBody")
        if not state["break"] and not state["next_master"] and not bold:
            return base
        counter["t"] += 1
        name = f"P{counter['t']}"
        attrs = ""
        if state["next_master"]:
            attrs = f' style:master-page-name="{state["next_master"]}"'
        props = '<style:paragraph-properties fo:break-before="page"/>' if state["break"] and not state["next_master"] else ""
        tprops = '<style:text-properties fo:font-weight="bold"/>' if bold else ""
        auto.append(f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="{base}"{attrs}>{props}{tprops}</style:style>')
        state["break"] = False
        state["next_master"] = None
        return name

    def para(text: str, kind: str = "p", bold: bool = False, notes: tuple[str, ...] = ()) -> str:
        style = pstyle(kind, bold)
        lines = text.split("\n")
        inner = "<text:line-break/>".join("<text:tab/>".join(xesc(t) for t in x.split("\t")) for x in lines)
        for note in notes:
            counter["n"] = counter.get("n", 0) + 1
            n = counter["n"]
            inner += (f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
                      f'<text:note-body><text:p text:style-name="KNote">{xesc(note)}</text:p></text:note-body></text:note>')
        return f'<text:p text:style-name="{style}">' + inner + "</text:p>"

    def table(t: Table) -> None:
        counter["t"] += 1
        tn = f"Tab{counter['t']}"
        if t.caption:
            body.append(para(t.caption, "p", bold=True))
        width_cm = 25.5 if (doc.landscape or state.get("in_land")) else 17.0
        widths = t.widths or [1.0] * _ncols(t)
        total = sum(widths)
        master_attr = ""
        if state["next_master"] or state["break"]:
            # a table right after a page break or master change: carry it on the table style
            if state["next_master"]:
                master_attr = f' style:master-page-name="{state["next_master"]}"'
            brk = ' fo:break-before="page"' if state["break"] and not state["next_master"] else ""
            state["next_master"] = None
            state["break"] = False
        else:
            brk = ""
        auto.append(f'<style:style style:name="{tn}" style:family="table"{master_attr}><style:table-properties '
                    f'style:width="{width_cm}cm" table:align="left" fo:margin-top="0.15cm" fo:margin-bottom="0.3cm"{brk}/></style:style>')
        for i, w in enumerate(widths):
            auto.append(f'<style:style style:name="{tn}.C{i}" style:family="table-column"><style:table-column-properties '
                        f'style:column-width="{width_cm * w / total:.2f}cm"/></style:style>')
        border = "0.5pt solid #000000" if t.ruled else "none"
        auto.append(f'<style:style style:name="{tn}.row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>')
        auto.append(f'<style:style style:name="{tn}.cell" style:family="table-cell"><style:table-cell-properties '
                    f'fo:padding="0.06cm" fo:border="{border}"/></style:style>')
        auto.append(f'<style:style style:name="{tn}.pl" style:family="paragraph" style:parent-style-name="KCell">'
                    f'<style:text-properties fo:font-size="{t.font_pt}pt"/></style:style>')
        auto.append(f'<style:style style:name="{tn}.pr" style:family="paragraph" style:parent-style-name="KCell">'
                    f'<style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="{t.font_pt}pt"/></style:style>')
        auto.append(f'<style:style style:name="{tn}.ph" style:family="paragraph" style:parent-style-name="KCell">'
                    f'<style:text-properties fo:font-size="{t.font_pt}pt" fo:font-weight="bold"/></style:style>')
        auto.append(f'<style:style style:name="{tn}.pb" style:family="paragraph" style:parent-style-name="KCell">'
                    f'<style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="{t.font_pt}pt" fo:font-weight="bold"/></style:style>')
        auto.append(f'<style:style style:name="{tn}.pbl" style:family="paragraph" style:parent-style-name="KCell">'
                    f'<style:text-properties fo:font-size="{t.font_pt}pt" fo:font-weight="bold"/></style:style>')

        extra_styles: dict[tuple, str] = {}

        def cstyle(fill: str | None, top: str | None, bottom: str | None) -> str:
            """A cell style for a filled cell or one with horizontal rules only."""
            if not fill and not top and not bottom:
                return f"{tn}.cell"
            key = (fill, top, bottom)
            if key not in extra_styles:
                name = f"{tn}.x{len(extra_styles)}"
                extra_styles[key] = name
                props = f'fo:padding="0.06cm"'
                if t.ruled:
                    props += f' fo:border="{border}"'
                else:
                    props += f' fo:border-top="{top or "none"}" fo:border-bottom="{bottom or "none"}" fo:border-left="none" fo:border-right="none"'
                if fill:
                    props += f' fo:background-color="{fill}"'
                auto.append(f'<style:style style:name="{name}" style:family="table-cell"><style:table-cell-properties {props}/></style:style>')
            return extra_styles[key]

        if t.head_fill:
            auto.append(f'<style:style style:name="{tn}.phw" style:family="paragraph" style:parent-style-name="KCell">'
                        f'<style:text-properties fo:font-size="{t.font_pt}pt" fo:font-weight="bold" fo:color="#ffffff"/></style:style>')
            auto.append(f'<style:style style:name="{tn}.phwc" style:family="paragraph" style:parent-style-name="KCell">'
                        f'<style:paragraph-properties fo:text-align="center"/>'
                        f'<style:text-properties fo:font-size="{t.font_pt}pt" fo:font-weight="bold" fo:color="#ffffff"/></style:style>')
        if any(isinstance(c, Span) for r in t.header for c in r):
            auto.append(f'<style:style style:name="{tn}.phc" style:family="paragraph" style:parent-style-name="KCell">'
                        f'<style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="{t.font_pt}pt" fo:font-weight="bold"/></style:style>')

        def cell(text: str, pstyle_name: str, cs: str | None = None, span: tuple[int, int] = (1, 1)) -> str:
            ps = "".join(f'<text:p text:style-name="{pstyle_name}">{xesc(x)}</text:p>' for x in text.split("\n"))
            attrs = ""
            if span[0] > 1:
                attrs += f' table:number-columns-spanned="{span[0]}"'
            if span[1] > 1:
                attrs += f' table:number-rows-spanned="{span[1]}"'
            return f'<table:table-cell table:style-name="{cs or f"{tn}.cell"}" office:value-type="string"{attrs}>{ps}</table:table-cell>'

        out = [f'<table:table table:name="{tn}" table:style-name="{tn}">']
        out += [f'<table:table-column table:style-name="{tn}.C{i}"/>' for i in range(len(widths))]
        grid = header_grid(t.header, len(widths))
        head = ""
        for r, grow in enumerate(grid):
            cells = []
            for c in grow:
                if c is None:
                    cells.append("<table:covered-table-cell/>")
                    continue
                cols, nrows = (c.cols, c.rows) if isinstance(c, Span) else (1, 1)
                top = "1.2pt solid #000000" if (t.hrules and r == 0) else None
                bottom = "0.6pt solid #000000" if (t.hrules and r + nrows == len(grid)) else ("0.4pt solid #777777" if t.hrules else None)
                centered = cols > 1
                ps = (f"{tn}.phwc" if centered else f"{tn}.phw") if t.head_fill else (f"{tn}.phc" if centered else f"{tn}.ph")
                cells.append(cell(cell_text(c), ps, cstyle(t.head_fill, top, bottom), (cols, nrows)))
            head += "<table:table-row>" + "".join(cells) + "</table:table-row>"
        out.append(f"<table:table-header-rows>{head}</table:table-header-rows>" if t.repeat_header else head)
        for i, row in enumerate(t.body):
            cells = []
            fill = t.zebra if (t.zebra and i % 2 == 1) else None
            bottom = "1.2pt solid #000000" if (t.hrules and i == len(t.body) - 1) else None
            cs = cstyle(fill, None, bottom)
            brow = (header_grid(t.body, len(widths))[i] if body_spans(t) else list(row))
            for j, c in enumerate(brow):
                if c is None:
                    cells.append("<table:covered-table-cell/>")
                    continue
                left = (j == 0 and t.first_col_left) or j in t.left_cols
                span = (c.cols, c.rows) if isinstance(c, Span) else (1, 1)
                c = cell_text(c)
                if i in t.bold_rows:
                    cells.append(cell(c, f"{tn}.pbl" if left else f"{tn}.pb", cs, span))
                else:
                    cells.append(cell(c, f"{tn}.pl" if left else f"{tn}.pr", cs, span))
            out.append(f'<table:table-row table:style-name="{tn}.row">' + "".join(cells) + "</table:table-row>")
        out.append("</table:table>")
        body.append("".join(out))

    def emit(blocks) -> None:
        for b in blocks:
            if isinstance(b, PageBreak):
                state["break"] = True
            elif isinstance(b, Landscape):
                state["next_master"] = "Landscape"
                state["in_land"] = True
                emit(b.blocks)
                state["in_land"] = False
                state["next_master"] = "Standard"
            elif isinstance(b, Columns):
                counter["t"] += 1
                name = f"Sect{counter['t']}"
                auto.append(f'<style:style style:name="{name}" style:family="section"><style:section-properties>'
                            f'<style:columns fo:column-count="{b.count}" fo:column-gap="0.7cm"/></style:section-properties></style:style>')
                if state["break"] or state["next_master"]:
                    body.append(para(""))  # the page break goes before the section
                body.append(f'<text:section text:style-name="{name}" text:name="{name}">')
                emit(b.blocks)
                body.append("</text:section>")
            elif isinstance(b, Para):
                body.append(para(b.text, b.kind, b.bold, b.notes))
            elif isinstance(b, Table):
                table(b)
            elif isinstance(b, Image):
                data = base64.b64encode(b.png).decode()
                style = pstyle("p", False)
                body.append(f'<text:p text:style-name="{style}"><draw:frame draw:name="logo{len(body)}" text:anchor-type="as-char" '
                            f'svg:width="{b.width_cm}cm" svg:height="{b.height_cm}cm"><draw:image><office:binary-data>{data}</office:binary-data>'
                            f'</draw:image></draw:frame></text:p>')
            elif isinstance(b, Signature):
                if b.drawn:
                    data = base64.b64encode(signature_png()).decode()
                    style = pstyle("p", False)
                    body.append(f'<text:p text:style-name="{style}"><draw:frame draw:name="handtekening" text:anchor-type="as-char" '
                                f'svg:width="4.5cm" svg:height="1.25cm"><draw:image><office:binary-data>{data}</office:binary-data>'
                                f'</draw:image></draw:frame></text:p>')
                for line in b.lines:
                    body.append(para(line))

    emit(doc.blocks)
    if state["next_master"] or state["break"]:
        body.append(para(""))
    hf = "/>"
    if doc.header or doc.footer:
        def fields(tpl: str) -> str:
            out = []
            for piece in re.split(r"(\{page\}|\{pages\})", tpl):
                if piece == "{page}":
                    out.append('<text:page-number text:select-page="current">1</text:page-number>')
                elif piece == "{pages}":
                    out.append("<text:page-count>1</text:page-count>")
                else:
                    out.append(xesc(piece))
            return "".join(out)
        hf = ">"
        if doc.header:
            hf += f'<style:header><text:p text:style-name="KSmall">{fields(doc.header)}</text:p></style:header>'
        if doc.footer:
            hf += f'<style:footer><text:p text:style-name="KFoot">{fields(doc.footer)}</text:p></style:footer>'
        hf += "</style:master-page>"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{xesc(doc.title)}</dc:title></office:meta>
<office:font-face-decls><style:font-face style:name="{font}" svg:font-family="'{font}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="{font}" fo:font-size="{doc.font_pt}pt" fo:language="nl" fo:country="NL"/></style:default-style>
<style:style style:name="KBody" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.05cm" fo:margin-bottom="0.18cm"/></style:style>
<style:style style:name="KCell" style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/></style:style>
<style:style style:name="KSmall" style:family="paragraph" style:parent-style-name="KBody"><style:text-properties fo:font-size="8.5pt"/></style:style>
<style:style style:name="KFoot" style:family="paragraph" style:parent-style-name="KSmall"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="KRight" style:family="paragraph" style:parent-style-name="KBody"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="KToc" style:family="paragraph" style:parent-style-name="KBody"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.08cm"><style:tab-stops><style:tab-stop style:position="{'25.6cm' if doc.landscape else '16.9cm'}" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="KNote" style:family="paragraph" style:parent-style-name="KBody"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="KCover" style:family="paragraph" style:parent-style-name="KBody"><style:text-properties fo:font-size="13pt"/></style:style>
<style:style style:name="KTitle" style:family="paragraph" style:parent-style-name="KBody"><style:paragraph-properties fo:margin-top="1cm" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="22pt" fo:font-weight="bold"/></style:style>
<style:style style:name="KH1" style:family="paragraph" style:parent-style-name="KBody"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
<style:style style:name="KH2" style:family="paragraph" style:parent-style-name="KBody"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="12.5pt" fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PMport"><style:page-layout-properties fo:page-width="{pw}" fo:page-height="{ph}" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
<style:page-layout style:name="PMland"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.8cm" fo:margin-bottom="1.8cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
{''.join(auto)}
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="PMport"{hf}
<style:master-page style:name="Landscape" style:page-layout-name="PMland"{hf}
</office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
"""


# ---- reportlab ---------------------------------------------------------------------------------
def reportlab_pdf(doc: Doc, out: Path) -> None:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate
    from reportlab.platypus import Image as RLImage, PageBreak as RLPageBreak, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable, TableStyle
    import io

    rl_config.invariant = 1
    base = "Helvetica" if doc.font == "sans" else "Times-Roman"
    bold = "Helvetica-Bold" if doc.font == "sans" else "Times-Bold"
    styles = {
        "p": ParagraphStyle("p", fontName=base, fontSize=doc.font_pt, leading=doc.font_pt * 1.3, spaceAfter=4),
        "small": ParagraphStyle("s", fontName=base, fontSize=8.5, leading=11),
        "right": ParagraphStyle("r", fontName=base, fontSize=doc.font_pt, leading=doc.font_pt * 1.3, alignment=2),
        "cover": ParagraphStyle("c", fontName=base, fontSize=13, leading=17, spaceAfter=4),
        "title": ParagraphStyle("t", fontName=bold, fontSize=22, leading=27, spaceBefore=30, spaceAfter=12),
        "h1": ParagraphStyle("h1", fontName=bold, fontSize=16, leading=20, spaceBefore=12, spaceAfter=6),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=12.5, leading=16, spaceBefore=8, spaceAfter=4),
    }
    page = landscape(A4) if doc.landscape else A4
    flow = []
    notes_seen: list[str] = []

    def esc(t: str) -> str:
        return "<br/>".join(xesc(x) for x in t.split("\n"))

    def table(b: Table, avail: float):
        if b.caption:
            flow.append(Paragraph(f"<b>{xesc(b.caption)}</b>", styles["p"]))
        cs = ParagraphStyle("cell", fontName=base, fontSize=b.font_pt, leading=b.font_pt * 1.2)
        cr = ParagraphStyle("cellr", parent=cs, alignment=2)
        hs = ParagraphStyle("head", fontName=bold, fontSize=b.font_pt, leading=b.font_pt * 1.2,
                            textColor=colors.white if b.head_fill else colors.black)
        hc = ParagraphStyle("headc", parent=hs, alignment=1)
        ncols = _ncols(b)
        grid = header_grid(b.header, ncols)
        rows, spans = [], []
        for r, grow in enumerate(grid):
            row = []
            for c, cell in enumerate(grow):
                if cell is None:
                    row.append("")
                    continue
                cols, nrows = (cell.cols, cell.rows) if isinstance(cell, Span) else (1, 1)
                if cols > 1 or nrows > 1:
                    spans.append(("SPAN", (c, r), (c + cols - 1, r + nrows - 1)))
                row.append(Paragraph(esc(cell_text(cell)), hc if cols > 1 else hs))
            rows.append(row)
        if body_spans(b):
            for i, r in enumerate(header_grid(b.body, ncols)):
                row = []
                for j, c in enumerate(r):
                    if c is None:
                        row.append("")
                        continue
                    if isinstance(c, Span) and (c.cols > 1 or c.rows > 1):
                        spans.append(("SPAN", (j, len(grid) + i), (j + c.cols - 1, len(grid) + i + c.rows - 1)))
                        spans.append(("VALIGN", (j, len(grid) + i), (j, len(grid) + i), "TOP"))
                    row.append(Paragraph((f"<b>{esc(cell_text(c))}</b>" if i in b.bold_rows else esc(cell_text(c))),
                                         cs if (j == 0 and b.first_col_left) or j in b.left_cols else cr))
                rows.append(row)
        else:
            for i, r in enumerate(b.body):
                rows.append([Paragraph((f"<b>{esc(cell_text(c))}</b>" if i in b.bold_rows else esc(cell_text(c))),
                                       cs if (j == 0 and b.first_col_left) or j in b.left_cols else cr) for j, c in enumerate(r)])
        widths = b.widths or [1.0] * ncols
        total = sum(widths)
        nh = len(grid)
        t = RLTable(rows, colWidths=[avail * w / total for w in widths], repeatRows=nh if b.repeat_header else 0)
        st = [("VALIGN", (0, 0), (-1, -1), b.valign)] + spans
        if b.ruled:
            st.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        if b.head_fill and nh:
            st.append(("BACKGROUND", (0, 0), (-1, nh - 1), colors.HexColor(b.head_fill)))
        if b.zebra:
            st.append(("ROWBACKGROUNDS", (0, nh), (-1, -1), [colors.white, colors.HexColor(b.zebra)]))
        if b.hrules:
            if nh:
                st += [("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black), ("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.6, colors.black)]
            st.append(("LINEBELOW", (0, -1), (-1, -1), 1.2, colors.black))
        t.setStyle(TableStyle(st))
        flow.extend([t, Spacer(1, 8)])

    def emit(blocks, avail: float) -> None:
        for b in blocks:
            if isinstance(b, PageBreak):
                flow.append(RLPageBreak())
            elif isinstance(b, Landscape):
                flow.extend([NextPageTemplate("land"), RLPageBreak()])
                emit(b.blocks, landscape(A4)[0] - 4 * cm)
                flow.extend([NextPageTemplate("port"), RLPageBreak()])
            elif isinstance(b, Columns):
                emit(b.blocks, avail)
            elif isinstance(b, Para) and b.kind == "toc":
                title, _tab, pg = b.text.partition("\t")
                t = RLTable([[Paragraph(xesc(title), styles["p"]), Paragraph(xesc(pg), styles["right"])]],
                            colWidths=[avail - 1.5 * cm, 1.5 * cm])
                t.setStyle(TableStyle([("LINEBELOW", (0, 0), (0, 0), 0.5, colors.grey, None, (1, 2)),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
                flow.append(t)
            elif isinstance(b, Para):
                text = esc(b.text)
                for note in b.notes:
                    notes_seen.append(note)
                    text += f"<super>{len(notes_seen)}</super>"
                flow.append(Paragraph(f"<b>{text}</b>" if b.bold else text, styles.get(b.kind, styles["p"])))
                for k, note in enumerate(b.notes, len(notes_seen) - len(b.notes) + 1):
                    flow.append(Paragraph(f"<super>{k}</super> {xesc(note)}", styles["small"]))
            elif isinstance(b, Table):
                table(b, avail)
            elif isinstance(b, Image):
                flow.append(RLImage(io.BytesIO(b.png), width=b.width_cm * cm, height=b.height_cm * cm, hAlign="LEFT"))
            elif isinstance(b, Signature):
                if b.drawn:
                    flow.append(RLImage(io.BytesIO(signature_png()), width=4.5 * cm, height=1.25 * cm, hAlign="LEFT"))
                for line in b.lines:
                    flow.append(Paragraph(xesc(line), styles["p"]))

    emit(doc.blocks, page[0] - 4 * cm)
    with_land = any(isinstance(b, Landscape) for b in doc.blocks)
    canvasmaker = Canvas
    if doc.header or doc.footer:
        def fill(tpl: str, n: int, total: int) -> str:
            return tpl.replace("{page}", str(n)).replace("{pages}", str(total))

        class NumberedCanvas(Canvas):
            """Page header/footer with 'pagina n van m': the count is only known after the last page."""

            def __init__(self, *a, **kw):
                super().__init__(*a, **kw)
                self._pages = []

            def showPage(self):
                self._pages.append(dict(self.__dict__))
                self._startPage()

            def save(self):
                total = len(self._pages)
                for n, state in enumerate(self._pages, 1):
                    self.__dict__.update(state)
                    w, h = self._pagesize
                    self.setFont(base, 8)
                    self.setFillColor(colors.HexColor("#444444"))
                    if doc.header:
                        self.drawString(2 * cm, h - 1.2 * cm, fill(doc.header, n, total))
                    if doc.footer:
                        self.drawRightString(w - 2 * cm, 1.1 * cm, fill(doc.footer, n, total))
                    Canvas.showPage(self)
                Canvas.save(self)

        canvasmaker = NumberedCanvas
    if not with_land:
        SimpleDocTemplate(str(out), pagesize=page, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm,
                          title=doc.title, author="", creator="reportlab").build(flow, canvasmaker=canvasmaker)
        return

    def set_size(size):
        def on_page(canvas, _doc):
            canvas.setPageSize(size)
        return on_page

    pw, ph = A4
    lw, lh = landscape(A4)
    tpl = BaseDocTemplate(str(out), pagesize=A4, title=doc.title, author="", creator="reportlab")
    tpl.addPageTemplates([PageTemplate("port", [Frame(2 * cm, 2 * cm, pw - 4 * cm, ph - 4 * cm, id="p")], onPage=set_size(A4), pagesize=A4),
                          PageTemplate("land", [Frame(2 * cm, 1.8 * cm, lw - 4 * cm, lh - 3.6 * cm, id="l")],
                                       onPage=set_size(landscape(A4)), pagesize=landscape(A4))])
    tpl.build(flow, canvasmaker=canvasmaker)


# ---- LaTeX (pdfTeX) ----------------------------------------------------------------------------
# Characters the T1/TS1 encodings of a default pdfLaTeX set-up do not have, written as an R Markdown
# author's preamble would declare them (math symbols and ding-like glyphs).
_TEX_UNICODE = {
    "≥": r"\ensuremath{\geq}", "≤": r"\ensuremath{\leq}", "→": r"\textrightarrow{}",
    "⇅": r"\ensuremath{\updownarrow}", "▲": r"\ensuremath{\blacktriangle}", "▼": r"\ensuremath{\blacktriangledown}",
    "☒": r"\ensuremath{\boxtimes}", "☐": r"\ensuremath{\square}", "−": r"\textminus{}", "′": r"\ensuremath{'}",
    "″": r"\ensuremath{''}", "‐": "-", "‑": "-", "‒": r"\textendash{}",
}
_TEX_SPECIAL = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
                "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}", '"': r"\textquotedbl{}",
                "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}", "[": "{[}", "]": "{]}"}


def tex_escape(text: str, newline: str = r"\newline ") -> str:
    """Plain text as LaTeX: the special characters escaped, T1 ligatures of punctuation (``--``,
    ``,,``) broken, "\\n" as a forced line break; Dutch letters and typographic quotes/dashes stay
    (utf8 input, T1 fonts)."""
    out = []
    prev = ""
    for ch in text:
        if ch == "\n":
            out.append(newline)
        elif ch in _TEX_SPECIAL:
            out.append(_TEX_SPECIAL[ch])
        elif ch in "-,'`" and prev == ch:
            out.append("{}" + ch)
        else:
            out.append(_TEX_UNICODE.get(ch, ch))
        prev = ch
    return "".join(out)


_TEX_SIZES = ((6, r"\tiny"), (7.5, r"\scriptsize"), (8.5, r"\footnotesize"), (9.5, r"\small"), (10.5, r"\normalsize"),
              (12, r"\large"), (14.5, r"\Large"), (17.5, r"\LARGE"), (99, r"\huge"))


def _tex_colour(hexcol: str, colours: dict) -> str:
    name = colours.get(hexcol.lower())
    if name is None:
        name = colours[hexcol.lower()] = f"kc{len(colours) + 1}"
    return name


def _latex_table(t: Table, colours: dict) -> list[str]:
    """A Table as a longtable (as pandoc writes every table): booktabs rules when the style is
    borderless or has only horizontal rules, else vertical bars and \\hline; spans as \\multicolumn,
    a span over rows as its text in its first row (no multirow here)."""
    ncols = _ncols(t)
    widths = t.widths or [1.0] * ncols
    total = sum(widths)
    booktabs = not t.ruled or t.hrules
    bar = "" if booktabs else "|"

    def width(c0: int, n: int) -> str:
        frac = sum(widths[c0:c0 + n]) / total
        return rf"\dimexpr {frac:.4f}\linewidth-{2 * ncols * frac:.4f}\tabcolsep{'-1pt' if bar else ''}+{2 * (n - 1)}\tabcolsep\relax"

    def left(j: int) -> bool:
        return (j == 0 and t.first_col_left) or j in t.left_cols

    def colspec(j: int, n: int, align: str) -> str:
        lead = bar if j == 0 else ""
        return f"{lead}>{{{align}\\arraybackslash\\hspace{{0pt}}}}p{{{width(j, n)}}}{bar}"

    spec = "".join(colspec(j, 1, r"\raggedright" if left(j) else r"\raggedleft") for j in range(ncols))
    head_colour = _tex_colour(t.head_fill, colours) if t.head_fill else None
    zebra = _tex_colour(t.zebra, colours) if t.zebra else None

    def rows(grid: list[list], header: bool) -> list[str]:
        lines = []
        for r, grow in enumerate(grid):
            cells, j = [], 0
            while j < ncols:
                c = grow[j]
                n = c.cols if isinstance(c, Span) else 1
                if c is None:  # covered by a span over rows (its text is in the span's first row) or columns
                    n = 1
                    txt = ""
                else:
                    txt = tex_escape(cell_text(c))
                    if header or r in t.bold_rows:
                        txt = rf"\textbf{{{txt}}}" if txt else ""
                    if header and head_colour:
                        txt = rf"\color{{white}}{txt}"
                if c is not None and n > 1:
                    align = r"\centering" if header else (r"\raggedright" if left(j) else r"\raggedleft")
                    cells.append(rf"\multicolumn{{{n}}}{{{colspec(j, n, align)}}}{{{txt}}}")
                    j += n
                    continue
                if c is None:  # a position covered by a column span left of it: no cell of its own
                    owner = next((k for k in range(j - 1, -1, -1) if grow[k] is not None), None)
                    if owner is not None and isinstance(grow[owner], Span) and owner + grow[owner].cols > j:
                        j += 1
                        continue
                cells.append(txt)
                j += 1
            prefix = ""
            if header and head_colour:
                prefix = rf"\rowcolor{{{head_colour}}}"
            elif not header and zebra and r % 2 == 1:
                prefix = rf"\rowcolor{{{zebra}}}"
            line = prefix + " & ".join(cells) + r" \\"
            last = r == len(grid) - 1
            if booktabs:
                if header and not last:
                    line += "".join(rf" \cmidrule(lr){{{k + 1}-{k + x.cols}}}" for k, x in enumerate(grow)
                                    if isinstance(x, Span) and x.cols > 1 and x.rows == 1)
            elif not last or header:
                # \hline under the row, broken where a span over rows continues below
                open_cols = {k + dc for k in range(ncols) for rr in range(r + 1) if isinstance(grid[rr][k], Span)
                             and rr + grid[rr][k].rows - 1 > r for dc in range(grid[rr][k].cols)}
                if not open_cols:
                    line += r" \hline"
                else:
                    runs, k = [], 0
                    while k < ncols:
                        if k in open_cols:
                            k += 1
                            continue
                        a = k
                        while k < ncols and k not in open_cols:
                            k += 1
                        runs.append(rf"\cline{{{a + 1}-{k}}}")
                    line += " " + "".join(runs)
            lines.append(line)
        return lines

    head_grid = header_grid(t.header, ncols) if t.header else []
    body_grid = header_grid(t.body, ncols) if body_spans(t) else [list(r) for r in t.body]
    head = rows(head_grid, True)
    size = next(cmd for pt, cmd in _TEX_SIZES if t.font_pt <= pt)
    out = [r"\begingroup" + size + r"\setlength{\LTpre}{4pt}\setlength{\LTpost}{8pt}",
           rf"\begin{{longtable}}[l]{{@{{}}{spec}@{{}}}}" if booktabs else rf"\begin{{longtable}}[l]{{{spec}}}"]
    top = r"\toprule" if booktabs else r"\hline"
    mid = r"\midrule" if booktabs else ""
    cap = rf"\caption*{{\textbf{{{tex_escape(t.caption)}}}}}\\" if t.caption else ""
    if t.repeat_header and head:
        out += [cap, top, *head, mid, r"\endfirsthead", top, *head, mid, r"\endhead"]
    else:
        out += [cap, top, *head, mid]
    if booktabs:
        out.append(r"\endfoot\bottomrule\endlastfoot" if t.repeat_header and head else "")
    body = rows(body_grid, False)
    out += body
    if not (booktabs and t.repeat_header and head):
        out.append(r"\bottomrule" if booktabs else r"\hline")
    out += [r"\end{longtable}", r"\endgroup", ""]
    return [x for x in out if x]


def to_latex(doc: Doc, images: dict | None = None) -> str:
    """The document as pdfLaTeX source, as an R Markdown / Quarto PDF is written: article class, T1
    fonts + Latin Modern, babel dutch, A4 with geometry, every table a longtable. ``images`` (PNG
    bytes -> file name) collects the pictures the caller writes next to the .tex."""
    images = {} if images is None else images
    colours: dict[str, str] = {}
    body: list[str] = []

    def image(png: bytes, w_cm: float, h_cm: float) -> None:
        name = images.setdefault(png, f"bild{len(images) + 1}.png")
        body.append(rf"\noindent\includegraphics[width={w_cm}cm,height={h_cm}cm]{{{name}}}\par")

    def emit(blocks) -> None:
        for b in blocks:
            if isinstance(b, PageBreak):
                body.append(r"\newpage")
            elif isinstance(b, Landscape):
                body.append(r"\begin{landscape}")
                emit(b.blocks)
                body.append(r"\end{landscape}")
            elif isinstance(b, Columns):
                body.append(rf"\begin{{multicols}}{{{b.count}}}")
                emit(b.blocks)
                body.append(r"\end{multicols}")
            elif isinstance(b, Para) and b.kind == "toc":
                title, _tab, page = b.text.partition("\t")
                body.append(rf"\noindent {tex_escape(title)}\dotfill {tex_escape(page)}\par")
            elif isinstance(b, Para):
                text = tex_escape(b.text)
                if b.bold:
                    text = rf"\textbf{{{text}}}"
                text += "".join(rf"\footnote{{{tex_escape(n)}}}" for n in b.notes)
                if b.kind == "h1":
                    body.append(rf"\section*{{{text}}}")
                elif b.kind == "h2":
                    body.append(rf"\subsection*{{{text}}}")
                elif b.kind == "title":
                    body.append(rf"\vspace*{{1cm}}{{\noindent\LARGE\bfseries {text}\par}}\vspace{{0.5cm}}")
                elif b.kind == "cover":
                    body.append(rf"{{\noindent\large {text}\par}}")
                elif b.kind == "small":
                    body.append(rf"{{\noindent\footnotesize {text}\par}}")
                elif b.kind == "right":
                    body.append(rf"\begin{{flushright}}{text}\end{{flushright}}")
                else:
                    body.append(text + r"\par")
            elif isinstance(b, Table):
                body.extend(_latex_table(b, colours))
            elif isinstance(b, Image):
                image(b.png, b.width_cm, b.height_cm)
            elif isinstance(b, Signature):
                if b.drawn:
                    image(signature_png(), 4.5, 1.25)
                body.append(r"\noindent " + r"\\ ".join(tex_escape(x) for x in b.lines) + r"\par")
            body.append("")

    emit(doc.blocks)
    size = "11pt" if doc.font_pt >= 10.75 else "10pt"
    geometry = "a4paper,margin=2cm" + (",landscape" if doc.landscape else "")
    pre = [rf"\documentclass[{size},a4paper]{{article}}", r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}",
           r"\usepackage{lmodern}", r"\usepackage{textcomp}", r"\usepackage{amssymb}", r"\usepackage[dutch]{babel}",
           rf"\usepackage[{geometry}]{{geometry}}", r"\usepackage[table]{xcolor}", r"\usepackage{graphicx}",
           r"\usepackage{array}", r"\usepackage{longtable}", r"\usepackage{booktabs}", r"\usepackage{multicol}",
           r"\usepackage{pdflscape}", r"\usepackage{fancyhdr}",
           r"\usepackage[hidelinks]{hyperref}", rf"\hypersetup{{pdftitle={{{tex_escape(doc.title)}}}}}",
           r"\setlength{\parindent}{0pt}", r"\setlength{\parskip}{6pt plus 2pt minus 1pt}",
           r"\setlength{\emergencystretch}{3em}", r"\AtBeginDocument{\setlength{\LTcapwidth}{\textwidth}}", r"\providecommand{\tightlist}{}"]
    if doc.font == "sans":
        pre.append(r"\renewcommand{\familydefault}{\sfdefault}")
    pre += [rf"\definecolor{{{name}}}{{HTML}}{{{hexcol.lstrip('#').upper()}}}" for hexcol, name in colours.items()]
    if doc.header or doc.footer:
        def tpl(s: str) -> str:
            return tex_escape(s).replace(r"\{page\}", r"\thepage{}").replace(r"\{pages\}", r"\pageref{kto-lastpage}")
        pre += [r"\pagestyle{fancy}", r"\fancyhf{}", r"\renewcommand{\headrulewidth}{0pt}",
                r"\AtEndDocument{\label{kto-lastpage}}"]
        if doc.header:
            pre.append(rf"\fancyhead[L]{{\footnotesize\color{{darkgray}}{tpl(doc.header)}}}")
        if doc.footer:
            pre.append(rf"\fancyfoot[R]{{\footnotesize\color{{darkgray}}{tpl(doc.footer)}}}")
    return "\n".join([*pre, r"\begin{document}", *body, r"\end{document}", ""])


def latex_pdf(doc: Doc, out: Path, work: Path) -> None:
    """pdflatex twice (page references, longtable widths) in ``work``; the PDF moved to ``out``."""
    work.mkdir(parents=True, exist_ok=True)
    images: dict[bytes, str] = {}
    src = work / f"{out.stem}.tex"
    src.write_text(to_latex(doc, images), encoding="utf-8")
    for png, name in images.items():
        (work / name).write_bytes(png)
    for _ in range(2):
        run = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", src.name], cwd=work,
                             capture_output=True, timeout=180)
        if run.returncode != 0:
            log = run.stdout.decode("utf-8", "replace")
            err = next((log[m.start():m.start() + 400] for m in re.finditer(r"^! ", log, re.M)), log[-800:])
            raise RuntimeError(f"pdflatex failed for {src}: {err}")
    shutil.move(work / f"{out.stem}.pdf", out)


# ---- producers ---------------------------------------------------------------------------------
def _soffice(src: Path, outdir: Path, infilter: str | None, profile: Path) -> Path:
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    pdf = outdir / (src.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice produced no PDF for {src}")
    return pdf


def produce(doc: Doc, producer: str, out: Path, work: Path) -> None:
    """Print ``doc`` to ``out`` with the named producer; ``work`` is a scratch folder."""
    work.mkdir(parents=True, exist_ok=True)
    stem = out.stem
    if producer == "chromium":
        src = work / f"{stem}.html"
        src.write_text(to_html(doc), encoding="utf-8")
        tmp = work / f"{stem}.chromium.pdf"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={work / 'chromium-profile'}", f"--print-to-pdf={tmp}", src.as_uri()],
                       check=True, capture_output=True, timeout=180)
        shutil.move(tmp, out)
    elif producer in ("lo-fodt", "lo-html"):
        profile = Path(tempfile.mkdtemp(prefix="kto-corpus-lo-", dir=work))
        try:
            lodir = work / f"lo-{stem}"
            lodir.mkdir(exist_ok=True)
            if producer == "lo-fodt":
                src = lodir / f"{stem}.fodt"
                src.write_text(to_fodt(doc), encoding="utf-8")
                pdf = _soffice(src, lodir, None, profile)
            else:
                (lodir / "handtekening.png").write_bytes(signature_png())
                src = lodir / f"{stem}.html"
                images: dict[bytes, str] = {}
                src.write_text(to_html(doc, for_lo=True, sig_path="handtekening.png", images=images), encoding="utf-8")
                for png, name in images.items():
                    (lodir / name).write_bytes(png)
                pdf = _soffice(src, lodir, "HTML (StarWriter)", profile)
            shutil.move(pdf, out)
        finally:
            shutil.rmtree(profile, ignore_errors=True)
    elif producer == "reportlab":
        reportlab_pdf(doc, out)
    elif producer == "latex":  # not in PRODUCERS: no style uses it; corpus.reprint prints a family with it
        latex_pdf(doc, out, work / f"tex-{stem}")
    else:
        raise ValueError(f"unknown producer {producer!r}")
    os.utime(out)
