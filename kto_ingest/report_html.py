"""One self-contained HTML report: the overview, and per report its facts with their pages, its
findings, and as evidence an image of the results table cropped from the PDF page.

No network and no scripts: styles are inline, images are data: URLs, and a Content-Security-Policy
forbids everything else, so even text from a PDF that looks like ``<script>`` is shown as text
(it is escaped as well).
"""

from __future__ import annotations

import base64
import datetime as dt
from html import escape
from pathlib import Path

from ._pymupdf import pymupdf
from .document import _pages_in_clear
from .dutch import format_date, format_number
from .letters import letter_html
from .names import safe_text
from .schema import BatchResult, Evidence, ReportEntry, ResultRow
from .writers import STATUS_LABEL, VERDICT_LABEL, verdict_key, deciding_checks, interrupted_text, period_text, regime_text

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
CSS = """
body{font-family:Segoe UI,Helvetica,Arial,sans-serif;margin:1.5rem;color:#1d1d1d;max-width:1200px}
h1{font-size:1.5rem;margin-bottom:.2rem} h2{font-size:1.2rem;margin-top:2.2rem;border-top:2px solid #ccc;padding-top:1rem}
h3{font-size:1rem;margin-bottom:.3rem}
table{border-collapse:collapse;margin:.4rem 0 1rem 0} th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}
th{background:#f2f2f2} td.num{text-align:right;font-variant-numeric:tabular-nums}
.v-voldoet,.s-pass{background:#c6efce}.v-voldoet_niet,.s-fail{background:#ffc7ce}
.v-handmatig,.s-manual,.s-warn{background:#ffeb9c}.v-onleesbaar{background:#d9d9d9}.s-n-a{background:#ededed}
.muted{color:#666;font-size:.9rem} img.evidence{border:1px solid #999;max-width:100%;display:block;margin:.3rem 0}
.totals span{display:inline-block;margin-right:1rem;padding:.2rem .5rem}
.interrupted{border:2px solid #c00;background:#fff0f0;padding:.3rem 1rem;margin:1rem 0}
"""
FACTS = [("bureau", "Bureau"), ("supplier", "Leverancier"), ("meetperiode", "Meetperiode"), ("report_date", "Rapportdatum"),
         ("final", "Definitief"), ("approached", "Benaderd"), ("approach", "Wijze van benadering")]


def e(value) -> str:
    """Text for the page: control and bidirectional characters made visible, then HTML-escaped."""
    return escape(safe_text("–" if value is None else str(value)), quote=True)



def _fact(entry: ReportEntry, name: str) -> str:
    value = getattr(entry, name)
    if name == "meetperiode":
        return period_text(entry)
    if name == "report_date":
        return format_date(value)
    if name == "final":
        return "–" if value is None else ("ja" if value else "nee, concept")
    if name == "approached" and value:
        return f"{value.clienten if value.clienten is not None else '–'} cliënten, {value.opdrachtgevers if value.opdrachtgevers is not None else '–'} opdrachtgevers"
    if name == "approach" and value:
        ways = [w for w, on in (("e-mail", value.email), ("schriftelijk", value.schriftelijk), ("herinnering", value.herinnering)) if on]
        return ", ".join(ways + [f"telefonisch: {value.telefonisch or '–'}"])
    return "–" if value is None else str(value)


# ---- evidence images -----------------------------------------------------------------------
# A crop is a courtesy, so its cost is bounded whatever the PDF holds. With workers (the default)
# crops are rendered in the worker, under the same time and memory limits as the file itself;
# these caps hold everywhere, also with --jobs 0.
MAX_CROP_PIXELS = 4_000_000  # the rendered crop: about 2,000 x 2,000 pixels at most
MAX_IMAGE_PIXELS = 50_000_000  # a picture larger than this on the page is not drawn (an A4 scan at 600 dpi is 35 million)

# (page, PNG or None, Dutch text): with a PNG the text names what it shows (None: the results
# table); without one it says why there is no picture.
Crop = tuple[int, "bytes | None", "str | None"]
PERIODS_TABLE = "de cijfers per jobcoachperiode"


def crop_zoom(rect: "pymupdf.Rect", dpi: int) -> float:
    """The zoom for ``rect`` at ``dpi``, lowered so that the crop stays within MAX_CROP_PIXELS."""
    zoom = dpi / 72
    area = max(rect.width, 1.0) * max(rect.height, 1.0)
    if area * zoom * zoom > MAX_CROP_PIXELS:
        zoom = (MAX_CROP_PIXELS / area) ** 0.5 * 0.99  # MuPDF rounds the pixel box outwards
    return zoom


def _largest_image(page) -> int:
    """Pixels of the largest picture the page uses (from the image dictionaries, nothing decoded)."""
    try:
        return max((int(img[2]) * int(img[3]) for img in page.get_images(full=True)), default=0)
    except Exception:  # noqa: BLE001 - a broken resource dictionary: assume the worst
        return MAX_IMAGE_PIXELS + 1


def render_crops(entry: ReportEntry, dpi: int = 110) -> list[Crop]:
    """Crops of the evidence the verdict rests on, one per page: the results table, and for a
    jobcoaching report the table of scores per jobcoachperiode with its 'Behaald cijfer' row. Empty
    when the PDF is not at hand. Never more than MAX_CROP_PIXELS each, and a page with a picture
    over MAX_IMAGE_PIXELS gets a note instead of a crop (decoding such a picture costs gigabytes
    and minutes)."""
    source = entry._source
    regions = _regions(entry)
    if source is None or not regions or not Path(source).is_file():
        return []
    crops: list[Crop] = []
    try:
        with _open_for_crops(Path(source)) as doc:
            for number, find_rect, what in regions:
                page = doc[number - 1]
                biggest = _largest_image(page)
                if biggest > MAX_IMAGE_PIXELS:
                    crops.append((number, None, f"Geen bewijsplaatje van pagina {number}: er staat een afbeelding van "
                                                f"{biggest / 1e6:.0f} miljoen pixels op die te groot is om te tekenen."))
                    continue
                rect = find_rect(page)
                if rect is not None:
                    zoom = crop_zoom(rect, dpi)
                    crops.append((number, page.get_pixmap(clip=rect, matrix=pymupdf.Matrix(zoom, zoom)).tobytes("png"), what))
                for key, ev in (flagged_rows(entry, number) if what is None else []):  # OCR rows that do not add up, each cut out on its own
                    row = entry.results[int(key.split(".")[1])]
                    box = pymupdf.Rect(ev.bbox) + (-12, -6, 12, 6)
                    box &= page.rect
                    zoom = crop_zoom(box, max(dpi, 150))
                    crops.append((number, page.get_pixmap(clip=box, matrix=pymupdf.Matrix(zoom, zoom)).tobytes("png"),
                                  f"Bewijs: de OCR-rij '{row.service}' zoals op pagina {number} van de scan; "
                                  "deze rij klopt niet met zichzelf (zie de waarschuwingen)."))
    except Exception:  # noqa: BLE001 - evidence is a courtesy; the report itself is complete without it
        return [(0, None, "Het bewijsplaatje kon niet worden gemaakt.")]
    return crops


def _regions(entry: ReportEntry) -> list[tuple[int, object, str | None]]:
    """What to crop: (page, a function giving the rectangle on that page, what it shows)."""
    regions: list[tuple[int, object, str | None]] = []
    header = entry.evidence.get("results")
    for number in sorted({r.page for r in entry.results}):
        rows = [r for r in entry.results if r.page == number]
        head = header.bbox if header and header.page == number else None
        regions.append((number, lambda page, rows=rows, head=head: _table_rect(page, rows, head), None))
    jc = entry.jobcoaching
    if jc and jc.periods:
        boxes = [ev for ev in (entry.evidence.get("jobcoaching"), entry.evidence.get("averages")) if ev and ev.page and ev.bbox]
        for number in sorted({ev.page for ev in boxes}):
            here = [ev.bbox for ev in boxes if ev.page == number]
            box = (min(b[0] for b in here), min(b[1] for b in here), max(b[2] for b in here), max(b[3] for b in here))
            regions.append((number, lambda page, box=box: _box_rect(page, box), PERIODS_TABLE))
    return regions


def _box_rect(page, box) -> "pymupdf.Rect":
    """The page's full width around ``box``, with a margin, its edges off any line of text."""
    r = page.rect
    top, bottom = _whole_lines(page, max(r.y0, box[1] - 12), min(r.y1, box[3] + 6))
    return pymupdf.Rect(max(r.x0, min(r.x0 + 40, box[0] - 8)), top, min(r.x1, max(r.x1 - 40, box[2] + 8)), bottom)


def flagged_rows(entry: ReportEntry, page: int) -> list[tuple[str, Evidence]]:
    """The evidence ``results.N`` of OCR rows on ``page`` that do not add up (pipeline.check_ocr_rows)."""
    out = []
    for key, ev in entry.evidence.items():
        head, _, index = key.partition(".")
        if head == "results" and index.isdigit() and int(index) < len(entry.results) and ev.page == page and ev.bbox:
            out.append((key, ev))
    return out


def _open_for_crops(source: Path) -> "pymupdf.Document":
    doc = pymupdf.open(source)
    if doc.needs_pass:  # the report was read, so only its attachments are encrypted
        readable = _pages_in_clear(doc, source.read_bytes())
        doc.close()
        if readable is None:
            raise ValueError("encrypted")
        doc = pymupdf.open(stream=readable, filetype="pdf")
    return doc


def table_images(entry: ReportEntry, dpi: int = 110) -> list[Crop]:
    """The crops a worker rendered for this entry, else rendered here (``--jobs 0``)."""
    if entry._crops is not None:
        return entry._crops
    return render_crops(entry, dpi)


def _table_rect(page, rows: list[ResultRow], header_bbox) -> "pymupdf.Rect | None":
    cells = {v for r in rows for v in r.raw.values() if v}
    words = [w for w in page.get_text("words") if w[4] in cells]
    # On a continuation page the header may be repeated above the first row: leave room for it.
    top = header_bbox[1] - 24 if header_bbox else (min(w[1] for w in words) - 36 if words else None)
    if top is None:
        return None
    below = [w[3] for w in words if w[1] >= top]
    bottom = (max(below) if below else (header_bbox[3] if header_bbox else top + 100)) + 20  # a wrapped last label
    r = page.rect
    top, bottom = _whole_lines(page, max(r.y0, top), min(r.y1, bottom))
    return pymupdf.Rect(r.x0 + 40, top, r.x1 - 40, bottom)


def _whole_lines(page, top: float, bottom: float) -> tuple[float, float]:
    """Move the crop's top and bottom edge off any line of text they would cut in half: a line
    shown half is worse than a line more or less."""
    words = [(y0, y1, (y1 - y0) * 0.1) for _x0, y0, _x1, y1, *_rest in page.get_text("words")]
    for _ in range(3):  # moving an edge may meet the next line; a few steps settle it
        moved = False
        for y0, y1, margin in words:  # an edge through a word (its box less a tenth at each side) cuts its line
            if y0 + margin < top < y1 - margin:
                top, moved = y0 - 1, True
            if y0 + margin < bottom < y1 - margin:
                bottom, moved = y1 + 1, True
        if not moved:
            break
    return max(page.rect.y0, top), min(page.rect.y1, bottom)


# ---- page ----------------------------------------------------------------------------------
def to_html(result: BatchResult, images: bool = True) -> str:
    reports = result.reports
    counts = {k: sum(verdict_key(x) == k for x in reports) for k in ("voldoet", "voldoet_niet", "handmatig", "onleesbaar")}
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>KTO-controle {e(format_date(dt.date.today()))}</title><style>{CSS}</style></head><body>",
        "<h1>KTO-controle</h1>",
        f'<p class="muted">Regeling {e(result.regime)} · kto-ingest {e(result.version)} · {len(reports)} bestand(en)</p>',
        '<p class="totals">' + "".join(f'<span class="v-{k}">{counts[k]} {e(VERDICT_LABEL[k])}</span>' for k in counts) + "</p>",
        *_interrupted(result),
        "<h2 id='overzicht'>Overzicht</h2><table><thead><tr><th>Bestand</th><th>Bureau</th><th>Leverancier</th><th>Meetperiode</th>"
        "<th>Oordeel</th><th>Redenen</th></tr></thead><tbody>",
    ]
    for i, x in enumerate(reports):
        key = verdict_key(x)
        reasons = e(x.error.message) if x.error else "<br>".join(f"<b>{e(c.rule)}</b>: {e(c.message)}" for c in deciding_checks(x))
        out.append(f'<tr><td><a href="#r{i}">{e(x.file)}</a></td><td>{e(x.bureau)}</td><td>{e(x.supplier)}</td>'
                   f'<td>{e(period_text(x))}</td><td class="v-{key}">{e(VERDICT_LABEL.get(key, key))}</td><td>{reasons}</td></tr>')
    out.append("</tbody></table>")
    for i, x in enumerate(reports):
        out += _report(i, x, images)
    out.append(_audit(result))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _interrupted(result: BatchResult) -> list[str]:
    """A stopped run says so at the top, with the files it did not check."""
    if not result.interrupted:
        return []
    files = "".join(f"<li>{e(name)}</li>" for name in result.unchecked)
    return [f'<div class="interrupted"><p><b>{e(interrupted_text(result))}</b></p>'
            f'<p>Niet gecontroleerd:</p><ul>{files}</ul></div>']


def _report(i: int, x: ReportEntry, images: bool) -> list[str]:
    key = verdict_key(x)
    out = [f'<h2 id="r{i}">{e(x.file)}</h2>', '<p class="muted"><a href="#overzicht">↑ terug naar het overzicht</a></p>',
           f'<p><span class="v-{key}">&nbsp;{e(VERDICT_LABEL.get(key, key))}&nbsp;</span> '
           f'<span class="muted">SHA-256 {e(x.sha256)} · {e(x.pages)} pagina\'s · leesmodule {e(x.parser)}</span></p>']
    if x.file_raw:
        out.append(f'<p class="muted">De naam bevat tekens die niet getoond kunnen worden; de precieze naam (procent-gecodeerd): '
                   f'<code>{e(x.file_raw)}</code></p>')
    if x.error:
        out.append(f"<p>Niet gelezen [{e(x.error.code.value)}]: {e(x.error.message)}</p>")
        return out
    out.append("<h3>Gegevens</h3><table><tr><th>Gegeven</th><th>Waarde</th><th>Pagina</th><th>Zoals gedrukt</th></tr>")
    for name, label in FACTS:
        ev = x.evidence.get(name)
        out.append(f"<tr><td>{label}</td><td>{e(_fact(x, name))}</td><td class=\"num\">{e(ev.page if ev else None)}</td>"
                   f"<td class=\"muted\">{e(ev.raw if ev else None)}</td></tr>")
    sig = x.signature
    if sig:
        out.append(f"<tr><td>Handtekening</td><td>{e({'digital': 'digitaal', 'visual': 'zichtbaar', 'none': 'geen'}[sig.kind])}"
                   f"{', ' + e(sig.signer) if sig.signer else ''}</td><td class=\"num\">{e(', '.join(map(str, sig.pages)) or None)}</td>"
                   f"<td class=\"muted\">{e(sig.note)}</td></tr>")
    out.append("</table>")
    if x.results:
        out.append("<h3>Resultaten</h3><table><tr><th>Groep</th><th>Dienst</th><th>Netto steekproef</th><th>Ingevuld</th>"
                   "<th>Respons (%)</th><th>Rapportcijfer</th><th>Publicatie</th><th>Pagina</th></tr>")
        for r in x.results:
            label = f"<b>{e(r.service)}</b>" if r.is_total else e(r.service)
            out.append(f"<tr><td>{e({'clienten': 'Cliënten', 'opdrachtgevers': 'Opdrachtgevers'}.get(r.group or '', '–'))}</td>"
                       f"<td>{label}</td><td class=\"num\">{e(format_number(r.netto_steekproef))}</td>"
                       f"<td class=\"num\">{e(format_number(r.ingevuld))}</td><td class=\"num\">{e(format_number(r.respons_pct))}</td>"
                       f"<td class=\"num\">{e(format_number(r.rapportcijfer))}</td>"
                       f"<td>{e(None if r.publicatie is None else ('ja' if r.publicatie else 'nee'))}</td><td class=\"num\">{r.page}</td></tr>")
        out.append("</table>")
        out += _images(x, images, periods=False)
    if x.regime:
        out.append(f'<p>Regeling: {e(regime_text(x))}</p>')
    out += _not_read(x)
    if x.jobcoaching and x.jobcoaching.periods:
        jc = x.jobcoaching
        out.append(f"<h3>Jobcoaching</h3><p>Datum erkenning {e(format_date(jc.recognition_date))}; gemiddeld cijfer werknemers "
                   f"{e(format_number(jc.werknemer_avg))}, werkgevers {e(format_number(jc.werkgever_avg))}.</p>"
                   "<table><tr><th>Jobcoachperiode</th><th>Werknemer</th><th>Cijfer werknemer</th><th>Werkgever</th>"
                   "<th>Cijfer werkgever</th><th>Pagina</th></tr>")
        for n, period in enumerate(jc.periods, start=1):
            out.append(f'<tr><td class="num">{n}</td><td>{e(period.werknemer)}</td><td class="num">{e(format_number(period.werknemer_cijfer))}</td>'
                       f'<td>{e(period.werkgever)}</td><td class="num">{e(format_number(period.werkgever_cijfer))}</td>'
                       f'<td class="num">{e(period.page)}</td></tr>')
        out.append("</table>")
        out += _images(x, images, periods=True)
    if x.checks:
        out.append("<h3>Controles</h3><table><tr><th>Regel</th><th>Uitkomst</th><th>Melding</th><th>Pagina</th></tr>")
        for c in x.checks:
            cls = "s-" + c.status.replace("/", "-")
            out.append(f'<tr><td>{e(c.rule)}</td><td class="{cls}">{e(STATUS_LABEL[c.status].lower())}</td>'
                       f'<td>{e(c.message)}</td><td class="num">{e(c.page)}</td></tr>')
        out.append("</table>")
    for w in x.warnings:
        out.append(f'<p class="muted">Let op: {e(w)}</p>')
    out += letter_html(x, x.regime)  # the draft letter to the supplier (kto_ingest/letters.py)
    return out


def _images(x: ReportEntry, images: bool, periods: bool) -> list[str]:
    """The evidence crops of one kind: the results table, or the scores per jobcoachperiode."""
    out = []
    for page, png, what in (table_images(x) if images else []):
        if png is None:
            if not periods:  # a note about a failed crop is shown once, with the first kind
                out.append(f'<p class="muted">{e(what)}</p>')
            continue
        if (what == PERIODS_TABLE) != periods:
            continue
        if what and what.startswith("Bewijs:"):  # a caption of its own (an OCR row that does not add up)
            caption, alt = what, f"OCR-rij, pagina {page}"
        else:
            shown = what or "de resultatentabel"
            caption, alt = f"Bewijs: {shown} zoals op pagina {page} van de PDF.", f"{shown[0].upper() + shown[1:]}, pagina {page}"
        out.append(f'<p class="muted">{e(caption)}</p>'
                   f'<img class="evidence" alt="{e(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">')
    return out


def _not_read(x: ReportEntry) -> list[str]:
    """Facts the rules use that were not found or not readable, and where the parser looked."""
    from .rules.base import describe_state, facts_not_read

    rows = facts_not_read(x)
    if not rows:
        return []
    body = "".join(f"<tr><td>{e(name)}</td><td>{e(describe_state(st))}</td></tr>" for _, name, st in rows)
    return ["<h3>Niet gelezen</h3><p class=\"muted\">Een regel die deze gegevens nodig heeft, vraagt om handmatige controle; "
            "alleen een afwezigheid waar de leesmodule voor instaat, kan tot 'voldoet niet' leiden.</p>",
            f"<table><tr><th>Gegeven</th><th>Status en waar gezocht</th></tr>{body}</table>"]


def _audit(result: BatchResult) -> str:
    a = result.audit
    if a is None:
        return ""
    rows = [("kto-ingest", a.tool_version, ""), ("Python / PyMuPDF", f"{a.python} / {a.pymupdf}", ""),
            ("Gemaakt (UTC)", a.created.isoformat(), "")]
    for label, src in (("Instellingen", a.settings), ("Regeling", a.regime), ("Bureauregister", a.bureaus), ("CLMS-export", a.clms), *(
            ("Vertrouwd certificaat", t) for t in a.trust)):
        if src:
            rows.append((label, f"{src.source} {src.version or (src.date.isoformat() if src.date else '')}", src.sha256))
    body = "".join(f"<tr><td>{e(k)}</td><td>{e(v)}</td><td class=\"muted\">{e(h)}</td></tr>" for k, v, h in rows)
    return f"<h2>Verantwoording</h2><table><tr><th>Onderdeel</th><th>Bron</th><th>SHA-256</th></tr>{body}</table>"
