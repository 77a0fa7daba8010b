"""Fact finders driven by the lexicon: where a report states the meetperiode, supplier, bureau,
report date, status and the number of clients approached, in whichever words it uses.

Each finder returns a :class:`Finding` (value, where, which lexicon entry matched) or None, and
says where it looked (``LOOKED``), so a parser can record an absence in ``Facts.fact_status``.
Text is read as visual rows (words on one line across blocks: a two-column cover or a table of
cover facts) for labels, and as paragraphs (blocks) for sentences.
"""

from __future__ import annotations

import datetime as dt
import functools
import statistics
from dataclasses import dataclass

import regex

from .. import dutch
from ..bureaus import normalise_name, same_organisation
from ..document import Document, Word
from ..schema import Evidence, Period
from . import lexicon as lx
from ._rx import rx
from .grid import visual_rows


@dataclass
class Row:
    text: str
    page: int
    words: list[Word]
    edge: bool = False  # on the first two or the last two pages (a cover, a colofon)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (round(min(w.x0 for w in self.words), 1), round(min(w.y0 for w in self.words), 1),
                round(max(w.x1 for w in self.words), 1), round(max(w.y1 for w in self.words), 1))

    @functools.cached_property
    def segments(self) -> list["Segment"]:
        """The row cut where the words leave a wide gap (more than 1.2 times the text height): the
        cells of a two-column cover ('Klant:' | 'Opleidingscentrum X') or two label/value pairs side
        by side ('Opdrachtgever: X' | 'Datum: 9-1-2022')."""
        height = statistics.median(w.y1 - w.y0 for w in self.words)
        groups: list[list[Word]] = [[self.words[0]]]
        for a, b in zip(self.words, self.words[1:]):
            if b.x0 - a.x1 > 1.2 * height:
                groups.append([b])
            else:
                groups[-1].append(b)
        return [Segment(" ".join(w.text for w in g), g[0].x0, g[-1].x1) for g in groups]


@dataclass(frozen=True)
class Segment:
    text: str
    x0: float
    x1: float


@dataclass
class Finding:
    value: object
    page: int
    raw: str
    entry: str  # the lexicon entry that matched, for explain ("label 'onderzoeksperiode'")
    bbox: tuple[float, float, float, float] | None = None
    derived: bool = False  # the label only suggests the fact (Evidence.derived)

    def evidence(self) -> Evidence:
        return Evidence(page=self.page, raw=self.raw, bbox=self.bbox, derived=self.derived)


LOOKED = {
    "meetperiode": "op het voorblad, in de inleiding en de onderzoeksverantwoording (alle pagina's)",
    "supplier": "op het voorblad en in de colofon (pagina 1-3) en in zinnen met 'in opdracht van' of 'ten behoeve van'",
    "bureau": "op het voorblad, in de colofon, in de kop- en voettekst en bij de ondertekening",
    "report_date": "op het voorblad, in de colofon en bij de ondertekening",
    "final": "op het voorblad en in de colofon (pagina 1-3)",
    "approached": "in de tekst ('in totaal N klanten benaderd/uitgenodigd') en in de resultatentabel",
    "results": "in de tabellen van het rapport (kolom- of rijkoppen met steekproef, respons en cijfer)",
}


RE_ROW_NUMBER = regex.compile(r"[0-9]{1,4}")  # ASCII digits only ('²' is a digit to str.isdigit)


def _without_row_numbers(rows: list[list[Word]]) -> list[list[Word]]:
    """A spreadsheet printed with its row numbers ('1 Opdrachtgever X', '2 Uitgevoerd door Y', '3
    Meetperiode ...'): a run of three or more rows opening with consecutive numbers, each followed
    by a word, in one column at the left, loses the numbers."""
    out = [list(r) for r in rows]
    run: list[int] = []

    def strip() -> None:
        if len(run) >= 3:
            for k in run:
                out[k] = out[k][1:]

    for k, r in enumerate(rows):
        first = r[0]
        numbered = bool(RE_ROW_NUMBER.fullmatch(first.text)) and len(r) > 1 and r[1].text[:1].isalpha()
        if numbered and run and int(first.text) == int(rows[run[-1]][0].text) + 1 and abs(first.x0 - rows[run[-1]][0].x0) < 8:
            run.append(k)
        elif numbered:
            strip()
            run = [k]
        else:
            strip()
            run = []
    strip()
    return out


class TextView:
    """Visual rows of the pages a finder needs, built once per page."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._rows: dict[int, list[Row]] = {}

    def rows(self, page_no: int) -> list[Row]:
        if page_no not in self._rows:
            page = self.doc.page(page_no)
            edge = page_no <= 2 or page_no >= self.doc.page_count - 1
            rows = [sorted(r, key=lambda w: w.x0) for r in visual_rows(page.words)]
            self._rows[page_no] = [Row(" ".join(w.text for w in r), page_no, r, edge) for r in _without_row_numbers(rows)]
        return self._rows[page_no]

    def front(self, n: int = 3) -> list[Row]:
        return [r for p in range(1, min(n, self.doc.page_count) + 1) for r in self.rows(p)]

    def back(self, n: int = 2) -> list[Row]:
        first = max(1, self.doc.page_count - n + 1)
        return [r for p in range(first, self.doc.page_count + 1) for r in self.rows(p)]

    def blocks(self):
        return [b for p in self.doc.pages for b in p.body_blocks]


RE_LABEL_ROW = regex.compile(r"^\p{L}[\p{L} .()/-]{1,40}:(?:\s|$)")
# where a second 'Label:' starts in a value ('Bureau X Datum: 9-1-2022' read as one row)
RE_NEXT_LABEL = regex.compile(r"\s+(?=\p{Lu}\p{Ll}+(?:\s+\p{Ll}+){0,2}:(?:\s|$))")


RE_FACT_SEPARATOR = regex.compile(r"\s*[|•]\s*|\s+·\s+")


def _after_label(rows: list[Row], fact: str, i: int, m: lx.LabelMatch, span: Segment | None = None) -> tuple[str, Row]:
    """The label's value: right of it on its row (a two-column cover reads as one visual row), else
    below it, on the next row of the same page unless that row is another label ('Klant:' above
    'Veldwerkperiode: ...'); when that row has cells side by side, the cell under the label."""
    value = "" if RE_LABEL_ROW.match(m.value.strip()) or m.value.rstrip().endswith(":") else m.value  # another label
    value = RE_FACT_SEPARATOR.split(value.strip(), maxsplit=1)[0]  # 'Opdrachtgever: X | Onderzoeksbureau: Y'
    if value := RE_NEXT_LABEL.split(value.strip(" :"), maxsplit=1)[0].strip(" :"):
        nxt = _next_line(rows, i)
        if (nxt is not None and " · " in rows[i].text and " · " in nxt.text and rows[i].text.rstrip().endswith(value)
                and ":" not in (first := nxt.text.split(" · ", 1)[0].strip())):
            # the last part of a summary wrapped onto the next line: 'Aanbieder: Bijscholing' over
            # 'Eemland & Gooi · Perceel: alle'
            value = f"{value} {first}"
        return value, rows[i]
    right = [s for s in rows[i].segments if span is not None and s.x0 > span.x1]
    if right and not right[0].text.rstrip().endswith(":") and not (rows[i].edge and _all_labels(rows[i].segments)):
        return "", rows[i]  # a cell right of the label: its value is there (read as the joined cells), not below
    if len(rows[i].segments) == 1 and (beside := _beside(rows, i)):
        return beside
    if (below := _next_line(rows, i)) is not None and not RE_LABEL_ROW.match(below.text):
        segs = below.segments
        if span is not None and len(segs) > 1:
            under = [s for s in segs if s.x0 < span.x1 + 4 and s.x1 > span.x0 - 4]
            return (under[0].text if under else ""), below
        return RE_FACT_SEPARATOR.split(below.text.strip(), maxsplit=1)[0], below  # 'X · Perceel: alle'
    return "", rows[i]


def _next_line(rows: list[Row], i: int) -> Row | None:
    """The row under row ``i`` on its page, past a cell left of it set between its lines ('Filters'
    beside a summary of two lines)."""
    j = i + 1
    while j < len(rows) and rows[j].page == rows[i].page and rows[j].bbox[2] < rows[i].bbox[0]:
        j += 1
    return rows[j] if j < len(rows) and rows[j].page == rows[i].page else None


def _beside(rows: list[Row], i: int) -> tuple[str, Row] | None:
    """A value in the column right of a label that stands alone on its row: the label centred on a
    value of two lines ('Klant:' beside 'Opleidingscentrum Eemland' / '& Gooi'), so the value's lines
    are the rows just above and below it, every word right of the label."""
    label = rows[i]
    x1 = max(w.x1 for w in label.words)
    height = statistics.median(w.y1 - w.y0 for w in label.words)
    near = []
    for j in (i - 1, i + 1):
        if 0 <= j < len(rows) and rows[j].page == label.page:
            r = rows[j]
            close = abs((r.bbox[1] + r.bbox[3]) / 2 - (label.bbox[1] + label.bbox[3]) / 2) <= 1.6 * height
            if close and min(w.x0 for w in r.words) > x1 + 2 and not RE_LABEL_ROW.match(r.text):
                near.append(r)
    if len(near) != 2:
        return None  # one line beside it is a row of its own (read there); two make the label's value
    return " ".join(r.text for r in near), near[0]


def _row_texts(row: Row) -> list[tuple[str, Segment | None]]:
    """The texts of a row where a label may start: each cell (a label cell joined with the cell to
    its right), then the whole row and the parts after ' | '."""
    out: list[tuple[str, Segment | None]] = []
    segs = row.segments
    if len(segs) > 1 and row.edge and _all_labels(segs):
        # a row of labels side by side without colons, their values on the row below ('Opdrachtgever
        # Onderzoeksbureau Meetperiode' over the three values): each label with its colon
        return [(f"{seg.text}:", seg) for seg in segs] + [(row.text, None)]
    if len(segs) > 1:
        for j, seg in enumerate(segs):
            nxt = segs[j + 1] if j + 1 < len(segs) else None
            if nxt is not None and not nxt.text.rstrip().endswith(":"):
                if seg.text.rstrip().endswith(":"):
                    out.append((f"{seg.text} {nxt.text}", seg))
                elif len(segs) == 2 and len(seg.text.split()) <= 5 and row.edge:  # a cover or colofon, not a table further on
                    out.append((f"{seg.text}: {nxt.text}", seg))  # a label cell without its colon, the value right of it
            out.append((seg.text, seg))
    elif row.edge and len(row.words) >= 2:
        # a label column set close to its values (a narrow table cell): the first word set apart
        # from the rest by more than a space is a label without its colon ('Onderzoeksbureau  Bureau X')
        first, second = row.words[0], row.words[1]
        height = statistics.median(w.y1 - w.y0 for w in row.words)
        if second.x0 - first.x1 > 0.45 * height and not first.text.endswith(":"):
            rest = " ".join(w.text for w in row.words[1:])
            out.append((f"{first.text}: {rest}", Segment(first.text, first.x0, first.x1)))
    out.append((row.text, None))
    if ":" in row.text:
        # a row may hold 'Label: value' or 'Other: x | Label: value' (two cover facts on a line)
        out += [(rx(r"^.*?\s{0,1}(?=\b\p{L}[\p{L} ]*:)").sub("", part, count=1), None) for part in _split_pairs(row.text)]
    if " | " in row.text:  # '... | Publicatiedatum 12 februari 2022': each part may open with its label
        out += [(part.strip(), None) for part in row.text.split(" | ")[1:] if part.strip()]
    if " · " in row.text:  # a filter summary: 'Meetperiode: ... · Aanbieder:' (its value on the next line)
        out += [(part.strip(), None) for part in row.text.split(" · ")[1:] if part.strip()]
    return out


_LABEL_FACTS = ("supplier", "bureau", "report_date", "meetperiode", "final", "recognition_date")


def _all_labels(segs: list[Segment]) -> bool:
    """A row of labels: every cell a label of some fact ('Opdrachtgever', 'Status'), or, in a row of
    three or more cells without digits, at least half of them ('Project', 'Einddatum dienst',
    'Segment', 'Rapport gegenereerd')."""
    def label(text: str) -> bool:
        text = text.strip().rstrip(":")
        for fact in _LABEL_FACTS:
            for key in ("labels", "cover_labels"):
                if key in lx.lexicon().get(fact, {}) and (m := lx.label_at_start(fact, f"{text}:", key)) and not m.value.strip():
                    return True
        return False
    known = sum(label(s.text) for s in segs)
    if known == len(segs):
        return True
    return len(segs) >= 3 and 2 * known >= len(segs) and not any(ch.isdigit() for s in segs for ch in s.text)


def _labelled_rows(rows: list[Row], fact: str, key: str | tuple[str, ...] = "labels"):
    """(row index, label match, the cell the label is in) for every label of ``fact`` at the start of
    a row or of a cell."""
    keys = (key,) if isinstance(key, str) else key
    for i, row in enumerate(rows):
        for text, span in _row_texts(row):
            for k in keys:
                if k in lx.lexicon()[fact] and (m := lx.label_at_start(fact, text, k)):
                    yield i, m, span
                    break


def _split_pairs(text: str) -> list[str]:
    return [p for p in rx(r"(?<=\S)\s{2,}|\s\|\s").split(text) if p][1:]


# ---- meetperiode -------------------------------------------------------------------------------


RE_BARE_YEAR = regex.compile(r"(?:19|20)\d{2}")
RE_PERIOD_LABEL = regex.compile(r"^(?P<label>(?:\p{L}+\s+){0,3}\p{L}*(?:periode|termijn)(?:\s+\p{L}+){0,3})\s*:\s*(?P<value>.+)$", regex.I)


# a period cut at the line's end: its last date lacks its month or year ('... tot en met 31')
RE_CUT_DATE = regex.compile(r"(?:t/m|tot\s+en\s+met|tot|–|-)\s*(?:\d{1,2}\s*)?$|\d{1,2}\s+\p{L}+\s*$", regex.I)


def _side_by_side(text: str, p) -> bool:
    """Another period right after ``p`` in ``text`` ('8 okt. 2019 – 8 okt. 2020   8 okt. 2020 – 8 okt.
    2021' under 'Vorig meetjaar' and 'Dit meetjaar'): which one is the report's is not for a label to say."""
    at = text.find(p.raw)
    rest = text[at + len(p.raw):] if at >= 0 else ""
    try:
        q = lx.parse_period(rest)
    except dutch.DutchParseError:
        return False
    return q is not None and rest.find(q.raw) <= 3 and (q.start, q.end) != (p.start, p.end)


def _fieldwork(label: str) -> bool:
    """A label of the fieldwork ('Veldwerkperiode', 'Looptijd onderzoek', 'Dataverzameling'): its
    period is when clients were asked, which need not be the period of the ended services."""
    return bool(rx(r"veldwerk|looptijd|dataverzameling|verzameld|referentie", regex.I).search(label))


def meetperiode(view: TextView, warnings: list[str]) -> Finding | None:
    """The meetperiode: the first one the report states, but a fieldwork period ('Veldwerk: …',
    when clients were asked) gives way to a period of the ended services stated anywhere after it
    ('Doelgroep: klanten van wie de dienst is beëindigd tussen … en …')."""
    fieldwork = None
    for found in _meetperiodes(view, warnings):
        if not _fieldwork(found.entry):
            return found
        fieldwork = fieldwork or found
    return fieldwork


def _meetperiodes(view: TextView, warnings: list[str]):
    """Every meetperiode the report states, in the order they are looked for."""
    rows = view.front(4)
    for i, m, span in _labelled_rows(rows, "meetperiode", ("labels", "cover_labels")):
        value, where = _after_label(rows, "meetperiode", i, m, span)
        if RE_BARE_YEAR.fullmatch(value.strip(" .")):  # 'Meetjaar: 2021', 'Meetperiode: 2021': the calendar year
            y = int(value.strip(" ."))
            raw = rows[i].text if where is rows[i] else f"{rows[i].text} {where.text}"
            yield Finding(Period(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31)), where.page, raw,
                           f"label '{m.label}', vorm jaar", rows[i].bbox, derived=_fieldwork(m.label))
        text = value + (" " + rows[i + 1].text if i + 1 < len(rows) and where is rows[i] else "")
        try:
            p = lx.parse_period(text)
        except dutch.DutchParseError as exc:
            warnings.append(f"Meetperiode niet gelezen: {exc}")
            continue
        if p and _side_by_side(text, p):
            warnings.append(f"Meetperiode niet gelezen bij '{m.label}': twee perioden naast elkaar ('{rows[i].text[:120]}'), "
                            "bijvoorbeeld dit en vorig meetjaar; elders in het rapport gezocht.")
            continue
        if p:
            yield Finding(Period(start=p.start, end=p.end), where.page, f"{rows[i].text}".strip() if where is rows[i] else f"{rows[i].text} {where.text}",
                           f"label '{m.label}', vorm {p.form}", rows[i].bbox, derived=_fieldwork(m.label))
    # any other cover label that names a period: 'Periode beëindigde trajecten:', 'Uitstroom in periode:'
    for i, row in enumerate(rows):
        for text, _ in _row_texts(row):
            m = RE_PERIOD_LABEL.match(text)
            if not m or any(w in m["label"].lower() for w in lx.lexicon()["meetperiode"].get("not_period_labels", ["erken"])):
                continue
            value = m["value"]
            if i + 1 < len(rows) and RE_CUT_DATE.search(value):  # '1 januari 2021 tot en met 31' / 'december 2021'
                value = f"{value} {rows[i + 1].text}"
            try:
                p = lx.parse_period(value)
            except dutch.DutchParseError as exc:
                warnings.append(f"Meetperiode niet gelezen: {exc}")
                continue
            lead = value[:max(value.find(p.raw), 0)] if p else ""
            # 'Onderzochte periode: diensten beëindigd van 1 januari 2021 tot en met 31 december 2021'
            starts = p is not None and (value.find(p.raw) <= 3 or bool(rx(
                r"^(?:\p{L}+\s+){0,2}(?:beëindigd|beeindigd|afgerond|afgesloten)\s+(?:van|tussen|in|per)?\s*$", regex.I).match(lead)))
            if p and starts and not _side_by_side(value, p):  # not this and last meetjaar side by side
                yield Finding(Period(start=p.start, end=p.end), row.page, row.text,
                               f"label '{m['label'].strip()}' (een periode), vorm {p.form}", row.bbox, derived=True)
    blocks = view.blocks()
    for key in ("labels", "phrases"):
        for k, b in enumerate(blocks):
            text = b.text
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            if nxt is not None and nxt.page == b.page and not text.rstrip().endswith((".", "!", "?", ":")) and nxt.text[:1].islower():
                text = f"{text} {nxt.text}"  # a sentence a producer cut in two blocks (at a footnote mark): '... tot en' / 'met 15 maart 2021.'
            for entry, end in lx.labels_in("meetperiode", text, key):
                if end - len(entry) >= len(b.text):
                    continue  # (the label itself in the next block: found there; one across both is read here)
                try:
                    p = lx.parse_period(text[end:end + 160])
                except dutch.DutchParseError as exc:
                    warnings.append(f"Meetperiode niet gelezen: {exc}")
                    continue
                if p and text[end:end + 160].find(p.raw) <= 40 and not _side_by_side(text[end:end + 160], p):
                    kind = "label" if key == "labels" else "zinsdeel"
                    yield Finding(Period(start=p.start, end=p.end), b.page, p.raw, f"{kind} '{entry}' in de tekst, vorm {p.form}", b.bbox,
                                   derived=_fieldwork(entry))
    # a section headed by a meetperiode label ('1.2 Onderzoeksperiode') whose first paragraph gives
    # one period: 'De meting omvat klanten met een dienst beëindigd van 1 januari tot en met 31 december 2021.'
    for k, (b, nxt) in enumerate(zip(blocks, blocks[1:])):
        head = lx.RE_SECTION_NUMBER.sub("", " ".join(b.text.split()))
        m = lx.label_at_start("meetperiode", head)
        if m is None or len(head.split()) > 5 or (m.value or "").strip(" :"):
            continue
        # (a paragraph a producer cut in two blocks at a footnote mark goes on in the next one)
        after = " ".join(x.text for x in blocks[k + 1:k + 3] if x.page == nxt.page)
        try:
            p = lx.parse_period(after[:240])
        except dutch.DutchParseError as exc:
            warnings.append(f"Meetperiode niet gelezen: {exc}")
            continue
        if p and not _side_by_side(after[:240], p) and not lx.comparison_re("sentence").search(after[:240]):
            yield Finding(Period(start=p.start, end=p.end), nxt.page, p.raw, f"kop '{m.label}' boven de alinea, vorm {p.form}",
                           nxt.bbox, derived=_fieldwork(m.label))
    # the clients of one year: 'alle cursisten die in 2021 hun opleiding hebben afgerond', 'klanten van wie
    # de scholing in 2021 is beëindigd', 'afgerond in (heel) 2021': that calendar year
    for b in blocks:
        if lx.comparison_re("sentence").search(b.text):
            continue  # 'vorig jaar', 'ter vergelijking': another measurement's clients
        if m := RE_ENDED_IN_YEAR.search(b.text):
            y = int(m["y"])
            yield Finding(Period(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31)), b.page, m[0],
                           "zin 'die in JAAR ... hebben afgerond', vorm jaar", b.bbox)
        # '... die tussen 1 januari en 31 december 2021 hun dienst afrondden'
        if (m := RE_ENDED_BETWEEN.search(b.text)) and RE_ENDED_WORD.search(m["rest"]):
            try:
                p = lx.parse_period(f"{m['a']} tot en met {m['b']}")
            except dutch.DutchParseError:
                p = None
            if p:
                yield Finding(Period(start=p.start, end=p.end), b.page, m[0].split(m["rest"])[0].strip(),
                               f"zin 'die tussen … en … hebben afgerond', vorm {p.form}", b.bbox)


_DATE_WORDS = r"\d{1,2}(?:[-/.]\d{1,2}[-/.]\d{2,4}|\s+\p{L}+\.?(?:\s+\d{4})?)"
RE_ENDED_BETWEEN = regex.compile(rf"\b(?:die|van\s+wie)\s+(?:\p{{L}}+\s+){{0,4}}?tussen\s+(?P<a>{_DATE_WORDS})\s+en\s+(?P<b>{_DATE_WORDS})"
                                 r"(?P<rest>[^.;]{0,60})", regex.I)
RE_ENDED_WORD = regex.compile(r"\b(?:afgerond|afrondden|beëindigd|beeindigd|beëindigden|afgesloten|afsloten|voltooid|voltooiden)\b", regex.I)


RE_ENDED_IN_YEAR = regex.compile(
    r"(?:\b(?:die|van\s+wie|wier|waarvan)\s+(?:\p{L}+\s+){0,4}?in\s+(?:heel\s+|het\s+jaar\s+)?(?P<y>20\d{2})\s+(?:\p{L}+\s+){0,4}?"
    r"(?:hebben\s+|heeft\s+|is\s+|zijn\s+)?(?:afgerond|beëindigd|beeindigd|afgesloten|voltooid)"
    r"|\b(?:afgerond|beëindigd|beeindigd|afgesloten)\s+in\s+(?:heel\s+|het\s+jaar\s+)?(?P<y>20\d{2})(?![\d-]))", regex.I)


# ---- supplier and bureau ------------------------------------------------------------------------


# words of a table's header, never of an organisation's name ('Jobcoach Nr. Werknemer Cijfer Werkgever Cijfer')
RE_TABLE_HEADER_WORDS = regex.compile(r"(?<!\p{L})(?:cijfer|werknemers?|werkgevers?|nr\.|respons|steekproef|ingevuld|perceel)(?!\p{L})",
                                      regex.I)


def supplier(view: TextView) -> Finding | None:
    rows = view.front(3) + (view.back(2) if view.doc.page_count > 3 else [])  # the cover, or a colofon at the end
    for i, m, span in _labelled_rows(rows, "supplier"):
        value, where = _after_label(rows, "supplier", i, m, span)
        if m.label == "project" and rx(r"\s[–—-]\s").search(value):
            value = rx(r"\s[–—-]\s").split(value)[-1]  # only the name after the title can be the supplier
        if (name := lx.as_name(value)) and not lx.looks_like_person(name):  # 'Klant: J. Jansen' is a person
            return Finding(name, where.page, where.text, f"label '{m.label}'", where.bbox)

    for b in view.blocks()[:200]:
        for entry, end in lx.labels_in("supplier", b.text, "phrases"):
            rest = rx(r"(?<!\b(?:B\.V|N\.V|U\.A|v\.o\.f))[.;,?!](?:\s|$)|\s\(\s*(?:hierna|verder)", regex.I).split(b.text[end:], maxsplit=1)[0]
            if name := lx.as_name(rest):
                return Finding(name, b.page, f"{entry} {rest}", f"zinsdeel '{entry}'", b.bbox)
    # a line of the cover that is only 'voor <organisation>' (under the title)
    first = next((p.number for p in view.doc.pages if p.words), 1)
    for r in view.rows(first):
        if (m := RE_FOR.match(r.text.strip())) and (name := lx.as_name(m["n"])) and not lx.looks_like_person(name):
            return Finding(name, r.page, r.text, "'voor …' op het voorblad", r.bbox)
    # a memo's header: 'Aan UWV, ...' and 'Van Jobcoaching Pijlstaart, M. Pijl (kwaliteit)': the
    # organisation it is from, before the writer's name
    cover = view.rows(first)
    if any(rx(r"^aan\s+uwv\b", regex.I).match(r.text.strip()) for r in cover):
        for r in cover:
            if m := rx(r"^[Vv]an\s+(?P<n>\p{Lu}[^,]{2,60}?)(?:\s*,\s*(?P<p>.+))?$").match(r.text.strip()):
                name = lx.as_name(m["n"])
                if name and not lx.looks_like_person(name) and (m["p"] is None or lx.looks_like_person(regex.sub(r"\s*\(.*\)$", "", m["p"]))):
                    return Finding(name, r.page, r.text, "'Van …' in de kop van een memo aan UWV", r.bbox)
    # the one line of the cover that is an organisation's name with a word of a supplier's name
    # ('Opleidingscentrum IJsselvallei' under the title), when there is exactly one
    words = lx.lexicon()["bureau"]["supplier_words"]
    named = [(r, name) for r in view.rows(first) if (name := lx.as_name(r.text.strip())) and name == r.text.strip()
             and ":" not in name and not rx(r"\d\s+\d|%").search(name) and any(w in name.lower() for w in words) and not lx.looks_like_person(name)
             and not RE_TABLE_HEADER_WORDS.search(name) and not rx(r"\s[-–—]\s").search(name)  # (a title: 'KTO 2021 – X')
             and not any(w in name.lower() for w in lx.lexicon()["bureau"]["org_words"])]
    if len(named) == 1:
        r, name = named[0]
        return Finding(name, r.page, r.text, "de naam van een aanbieder op een regel van het voorblad", r.bbox)
    # a title that ends in the supplier's name after a dash ('Klanttevredenheid scholing – Trainingsinstituut'
    # / 'Veluwezoom', the name wrapped onto the next line)
    rows = view.rows(first)
    for k, r in enumerate(rows[:8]):
        parts = rx(r"\s[-–—]\s").split(r.text.strip())
        by_for = rx(r"^(?P<t>.*(?:tevredenheid|kto|scholing|onderzoek).*?)\svoor\s(?P<n>\p{Lu}.*)$", regex.I).match(r.text.strip())
        if by_for and (name := lx.as_name(by_for["n"])) and name == by_for["n"] and not lx.looks_like_person(name):
            return Finding(name, r.page, r.text, "de naam na 'voor' in de titel", r.bbox)  # '... scholing voor Kennispoort Maasoever'
        if len(parts) < 2:
            continue
        tail = parts[-1].strip()
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if nxt is not None and nxt.page == r.page and len(nxt.words) <= 3 and nxt.text[:1].isupper() \
                and not any(ch.isdigit() for ch in nxt.text) and nxt.bbox[1] - r.bbox[3] < 0.6 * (r.bbox[3] - r.bbox[1]):
            tail = f"{tail} {nxt.text.strip()}"
        if (name := lx.as_name(tail)) and name == tail and any(w in name.lower() for w in words) and not lx.looks_like_person(name):
            return Finding(name, r.page, r.text, "de naam van een aanbieder na een streepje in de titel", r.bbox)
    return None


RE_FOR = regex.compile(r"^voor\s+(?P<n>\p{Lu}[^,;:]{2,80})$")


def _bureau_name(text: str, people_label: bool = False) -> str | None:
    """An organisation's name for the bureau; a person ('M. Yilmaz MSc en J. Brouwer') is never the
    bureau, and after a label that names people ('Auteurs:') the value must look like an organisation."""
    name = lx.as_name(text)
    if people_label and not (name and lx.looks_like_organisation(name)):
        # 'drs. P. Janssen (Bureau Meetwerk)', 'P. Janssen, Bureau Meetwerk': the organisation beside the person
        for part in rx(r"\(([^()]+)\)|,\s*|\s+[|–—-]\s+").split(text):
            if part and (org := lx.as_name(part.strip())) and lx.looks_like_organisation(org) \
                    and not lx.looks_like_person(org):
                return org
        return None
    if not name or lx.looks_like_person(name):
        return None
    return name


def _parts(text: str) -> list[str]:
    """The pieces of a running header, footer or colofon line: 'Bureau X | KTO 2021 | pagina 1 van 3'."""
    return [p.strip() for p in rx(r"\s+[|–—•·]\s+|\s+-\s+|\s{2,}|,\s+|\s+\|\s*").split(text) if p.strip()]


def _organisation_part(text: str, supplier: str | None) -> str | None:
    for part in _parts(text):
        name = _bureau_name(part)
        if name and lx.looks_like_organisation(name) and not lx.looks_like_supplier(name) and \
                not same_organisation(name, supplier):
            return name
    return None


def _without_page_furniture(text: str) -> str:
    """A footer's name without what follows it on the line: a separator ('|', '·', '•', a dash)
    and a page number ('1/4', 'pagina 1 van 4', '3'), then a year ('2022', ', 2022')."""
    text = rx(r"\s*(?:[|·•]|\s[–—-])\s*(?:(?:pagina|blz\.?|p\.)\s*)?\d+(?:\s*(?:/|van)\s*\d+)?\s*$", regex.I).sub("", text)
    return rx(r",?\s+(?:19|20)\d{2}\s*$").sub("", text).strip()


def running_name(view: TextView, supplier: str | None = None) -> list[Finding]:
    """Organisations named in the running header or footer: a line at the top or bottom of the page
    that recurs on at least half the pages (two at least), split at '|' or a dash. Only a name that
    looks like an organisation and not like the supplier counts."""
    pages = [p for p in view.doc.pages if p.words]
    pages = pages[:10] + pages[max(10, len(pages) - 2):]  # enough pages to see a line recur
    if len(pages) < 2:
        return []
    seen: dict[str, dict[int, Row]] = {}
    for page in pages:
        for r in view.rows(page.number):
            if r.bbox[1] > 0.14 * page.height and r.bbox[3] < 0.86 * page.height:
                continue
            if name := _organisation_part(r.text, supplier):
                seen.setdefault(name, {}).setdefault(page.number, r)
    need = max(2, (len(pages) + 1) // 2)
    out = []
    for name, where in seen.items():
        if len(where) >= need:
            first = min(where)
            out.append(Finding(name, first, where[first].text, f"kop- of voettekst op {len(where)} van {len(pages)} pagina's",
                               where[first].bbox))
    return out


RE_COLOFON = regex.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:colofon|over dit rapport|verantwoording uitgave)\s*:?$", regex.I)


def colofon_name(view: TextView, supplier: str | None = None) -> Finding | None:
    """The organisation line of the colofon: the first of the lines under 'Colofon' that names an
    organisation ('Klaverveld Onderzoek & Advies B.V.', 'Bureau X – Oudegracht 77, Utrecht')."""
    n = view.doc.page_count
    for number in sorted(set(range(1, min(4, n) + 1)) | set(range(max(1, n - 2), n + 1))):  # front or back matter
        rows = view.rows(number)
        for i, r in enumerate(rows):
            if not RE_COLOFON.match(r.text.strip()):
                continue
            for nxt in rows[i + 1:i + 7]:
                if nxt.page != r.page:
                    break
                if RE_LABEL_ROW.match(nxt.text):
                    continue  # 'Onderzoekers: ...', 'Uitgave: ...' (the labels are read before this)
                if name := _organisation_part(nxt.text, supplier):
                    return Finding(name, nxt.page, nxt.text, "organisatie in de colofon", nxt.bbox)
    return None


def _same_bureau(a: str, b: str) -> bool:
    """'Klaverveld' and 'Klaverveld Onderzoek & Advies B.V.' name one bureau: equal, or one's words
    begin the other's."""
    if same_organisation(a, b):
        return True
    wa, wb = normalise_name(a).split(), normalise_name(b).split()
    short, long = sorted((wa, wb), key=len)
    return bool(short) and long[:len(short)] == short


# 'Onderzoek uitgevoerd namens X' (on behalf of the client), unlike 'Hoogachtend, namens X'
RE_ON_BEHALF = regex.compile(r"(?:uitgevoerd|opgesteld|verricht|gehouden|onderzoek|gedaan)\s+namens\s*$", regex.I)
# 'Uitgebracht op 08-02-2022 door Scherpzicht Enquête & Analyse'
RE_ISSUED_BY = regex.compile(r"\b(?:uitgebracht|opgesteld|uitgegeven|gepubliceerd|vastgesteld)\s+(?:op\s+)?(?:d\.\s?d\.\s*)?"
                             r"(?P<d>.{6,25}?)\s+door\s+(?P<n>\p{Lu}.+)$", regex.I)

RE_HAS_DONE = regex.compile(r"\b(?:heeft|hebben)\s+(?P<n>\p{Lu}[^,;]{2,60}?)\s+(?:het|dit|de|deze)\s+(?:\p{L}+\s+){0,3}?"
                            r"(?:klanttevredenheids)?(?:onderzoek|meting|peiling|enquête)\w*\s+(?:[^.;]{0,120}?\s)?"
                            r"(?:uitgevoerd|verricht|gehouden|afgenomen)\b")

# labels that also introduce the bureau in a sentence ('Dit rapport is opgesteld door X.')
SENTENCE_BUREAU = ("uitgevoerd door", "opgesteld door", "samengesteld door", "onderzoek door", "rapport opgesteld door",
                   "onderzoek uitgevoerd door", "een uitgave van", "een publicatie van", "verricht door", "uitgebracht door")


def bureau(view: TextView, warnings: list[str] | None = None, supplier: str | None = None) -> Finding | None:
    """The research bureau, by label, signature, sentence, colofon or running header; named in full
    when the report gives its legal form elsewhere ('Kiemkracht Onderzoek' in the header,
    'Kiemkracht Onderzoek B.V.' in the text)."""
    found = _bureau(view, warnings, supplier)
    if found is None or RE_LEGAL_END.search(found.value):
        return found
    full = regex.compile(rf"(?<!\p{{L}}){regex.escape(found.value)}\s+(?P<form>B\.\s?V\.|N\.\s?V\.|V\.O\.F\.|U\.A\.|BV)(?!\p{{L}})")
    for b in view.blocks():
        if m := full.search(b.text):
            return Finding(f"{found.value} {m['form']}", found.page, found.raw, f"{found.entry}; volledig: pagina {b.page}",
                           found.bbox, derived=found.derived)
    return found


RE_LEGAL_END = regex.compile(r"(?:B\.\s?V\.|N\.\s?V\.|V\.O\.F\.|U\.A\.|\bBV)\s*$")


def _bureau(view: TextView, warnings: list[str] | None = None, supplier: str | None = None) -> Finding | None:
    rows = view.front(3) + view.back(2)
    people = set(lx.lexicon()["bureau"].get("people_labels", []))
    for i, m, span in _labelled_rows(rows, "bureau"):
        value, where = _after_label(rows, "bureau", i, m, span)
        if name := _bureau_name(value, people_label=m.label in people):
            return Finding(name, where.page, where.text, f"label '{m.label}'", where.bbox)
    signing = view.back(3) + view.front(3)
    for k, r in enumerate(signing):
        for entry, end in lx.labels_in("bureau", r.text, "signature"):
            if RE_ON_BEHALF.search(r.text[:end]):
                continue  # 'Onderzoek uitgevoerd namens X': X is the client, not who signs
            rest = r.text[end:]
            nxt = signing[k + 1] if k + 1 < len(signing) else None
            if rx(r"(?:&|\s(?:en|van|de|der|voor))\s*$", regex.I).search(rest) and nxt is not None and nxt.page == r.page:
                rest = f"{rest} {nxt.text}"  # the name goes on on the next line ('... door Ruisdael &' / 'Visser Onderzoek B.V.')
            if name := _bureau_name(rest):
                return Finding(name, r.page, r.text, f"ondertekening '{entry}'", r.bbox)
    # the signer's function before the organisation, under the signer's name: 'ir. W. Schelde' /
    # 'directeur Oosterschelde Sociaal Onderzoek' (an organisation that looks like a bureau, not the supplier)
    for above, r in zip(signing, signing[1:]):
        if above.page != r.page or not lx.looks_like_person(above.text):
            continue
        if (m := lx.signer_function_re().match(r.text.strip())) \
                and (name := _bureau_name(m["n"])) and lx.looks_like_organisation(name) and not same_organisation(name, supplier):
            return Finding(name, r.page, f"{above.text} / {r.text}", "functie en organisatie onder de naam van de ondertekenaar", r.bbox)
    for r in view.front(3):
        if (m := RE_ISSUED_BY.search(r.text)) and lx.find_date(m["d"]) and (name := _bureau_name(m["n"])):
            return Finding(name, r.page, r.text, "'uitgebracht op … door'", r.bbox)
    for b in view.blocks()[:60]:  # 'In opdracht van X heeft Bureau Y het klanttevredenheidsonderzoek ... uitgevoerd.'
        low = b.text.lower()
        if not ("heeft " in low or "hebben " in low) or not any(v in low for v in ("uitgevoerd", "verricht", "gehouden", "afgenomen")):
            continue  # the pattern is costly; most blocks cannot match it
        for m in RE_HAS_DONE.finditer(b.text):
            if (name := _bureau_name(m["n"])) and lx.looks_like_organisation(name) and not same_organisation(name, supplier):
                return Finding(name, b.page, m[0], "zin '… heeft X het onderzoek uitgevoerd'", b.bbox)
    for b in view.blocks():
        for entry, end in lx.labels_in("bureau", b.text):
            if entry not in SENTENCE_BUREAU:
                continue
            rest = rx(r"[.;,](?:\s|$)|\s\(").split(b.text[end:], maxsplit=1)[0]
            if name := _bureau_name(rest):
                return Finding(name, b.page, f"{entry} {rest}", f"zinsdeel '{entry}'", b.bbox)
    for r in view.front(3) + view.back(2):
        if m := rx(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<n>.+)$", regex.I).search(r.text):
            n = rx(r",?\s+(?:alle rechten|all rights|niets uit deze)\b.*$", regex.I).sub("", m["n"])
            n = _without_page_furniture(n)
            if name := _bureau_name(n) or _organisation_part(n, supplier):
                return Finding(name, r.page, r.text, "colofon '©'", r.bbox)
    # weaker: the colofon's organisation line and the running header/footer; they must agree
    candidates = [f for f in [colofon_name(view, supplier)] + running_name(view, supplier) if f]
    if candidates:
        best = max(candidates, key=lambda f: len(f.value))
        if all(_same_bureau(f.value, best.value) for f in candidates):
            return best
        if warnings is not None:
            names = ", ".join(sorted({f"'{f.value}'" for f in candidates}))
            warnings.append(f"Onderzoeksbureau niet bepaald: de colofon en de kop- of voettekst noemen verschillende "
                            f"organisaties ({names}).")
        return None
    return cover_name(view, bureau_words=True)


def cover_name(view: TextView, bureau_words: bool = False) -> Finding | None:
    """An organisation's name as the top line of the cover ('WerkMaatje Begeleiding' above the
    title): short, a name, not a title. For a bureau it must look like one (an organisation word)
    or recur on a later page; a jobcoaching organisation's own report names itself there."""
    first = next((p.number for p in view.doc.pages if p.words), 1)  # LibreOffice may print an empty first page
    cover = view.rows(first)
    if cover:
        top = cover[0]
        name = lx.as_name(top.text)
        if name and len(name.split()) <= 6:
            low = name.lower()
            orgish = any(w in low.split() or w in low for w in lx.lexicon()["bureau"]["org_words"] if len(w) > 3) or \
                any(w in low.split() for w in lx.lexicon()["bureau"]["org_words"])
            elsewhere = any(low in " ".join(w.text for w in p.words).lower() for p in view.doc.pages[first:])
            title = rx(r"tevredenheid|rapport|klant|kto\b|evaluatie|enquête|meting").search(low)
            if (orgish or elsewhere or not bureau_words) and not title:
                return Finding(name, first, top.text, "bovenste regel van het voorblad", top.bbox)
    return None


# ---- report date, status -------------------------------------------------------------------------

RE_DATELIKE = regex.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}\s+\p{L}{3,}\.?\s+\d{4}")
# 'Versie 1.0 – 9 januari 2022', 'Versie 2.1, 12-01-2022': the date of the version is the report's date
RE_VERSION_DATE = regex.compile(r"^versie\s+v?\d+(?:\.\d+)*\s*(?:\((?:definitief|concept)\)\s*)?(?:[-–—,|]|d\.d\.)\s*(?P<d>.+)$", regex.I)
RE_PLACE_DATE = regex.compile(r"^\p{Lu}[\p{L}' .-]+,\s+(?P<d>.+)$")
_A_DATE = r"(?P<d>\d{1,2}\s+\p{L}+\.?\s+\d{4}|\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{2}-\d{2})"
RE_ISSUED_ON = regex.compile(r"\b(?:rapport|verslag|document)\w*\s+(?:is|werd)\s+op\s+" + _A_DATE + r"\s+"
                           r"(?:uitgebracht|vastgesteld|gepubliceerd|opgeleverd|verschenen|uitgegeven|samengesteld|opgesteld|gemaakt)"
                           # 'de definitieve versie van het rapport, uitgebracht op 14 februari 2022'
                           r"|\b(?:rapport|verslag|versie|document)\w*,?\s+(?:\p{L}+\s+){0,2}?(?:uitgebracht|vastgesteld|gepubliceerd|opgeleverd|verschenen|uitgegeven)"
                           r"\s+op\s+" + _A_DATE.replace("<d>", "<d2>"), regex.I)
RE_DD = regex.compile(r"^d\.\s?d\.\s*", regex.I)
RE_TRAILING_BY = regex.compile(r"\s+door\s+\p{Lu}.*$")


def report_date(view: TextView, warnings: list[str] | None = None) -> Finding | None:
    rows = view.front(3) + view.back(2)
    unread = []
    for i, m, span in _labelled_rows(rows, "report_date"):
        value, where = _after_label(rows, "report_date", i, m, span)
        # 'Rapportdatum d.d. 14-02-2022', 'Uitgebracht op 8-2-2022 door Bureau X'
        value = RE_TRAILING_BY.sub("", RE_DD.sub("", value))
        if (d := lx.find_date(value)) and len(value) <= len(d[1]) + 12:
            return Finding(d[0], where.page, where.text, f"label '{m.label}'", where.bbox)
        if RE_DATELIKE.search(value) and len(value) <= 40 and f"{m.label}: {value}" not in unread:
            unread.append(f"{m.label}: {value}")
    for b in view.blocks()[:60]:  # 'Dit rapport is op 4 febr. 2022 uitgebracht door ...'
        if (m := RE_ISSUED_ON.search(b.text)) and (d := lx.find_date(m["d"] or m["d2"])):
            return Finding(d[0], b.page, m[0], "'op <datum> uitgebracht'", b.bbox)
    for r in rows:
        if (m := RE_VERSION_DATE.match(r.text)) and (d := lx.find_date(m["d"])) and len(m["d"]) <= len(d[1]) + 2:
            return Finding(d[0], r.page, r.text, "versie en datum", r.bbox)
        if (m := RE_PLACE_DATE.match(r.text)) and (d := lx.find_date(m["d"])) and (
                len(m["d"]) <= len(d[1]) + 2 or rx(r"^\p{Lu}[\p{L}-]+\s+").sub("", m["d"]).strip() == d[1]):
            return Finding(d[0], r.page, r.text, "plaats en datum", r.bbox)  # 'Arnhem, 7 januari 2022', '..., Arnhem 7 januari 2022'
    # a cover line of parts, one of them a date alone: 'Projectnummer TW2166 · Definitief rapport · 13.01.2022',
    # 'Eindrapport, 24 febr. 2022'; only when the cover has exactly one such date
    first = next((p.number for p in view.doc.pages if p.words), 1)
    # (a scan may read the '·' between the parts as ':' — 'Projectnummer TW2166: Definitief rapport:
    # 13.01.2022'; only in a line of three parts or more so: 'Erkend sinds: 4-9-2016' is a label's date)
    alone = [(d, r) for r in view.rows(first)
             for part in rx(r"\s+[·|•]\s+|,\s+" + (r"|(?<=\p{L}|\d):\s+" if r.text.count(": ") >= 2 else "")).split(r.text)[1:]
             + rx(r"\s+[·|•]\s+").split(r.text)[:1]
             if (d := lx.find_date(part.strip(" ."))) and len(part.strip(" .")) <= len(d[1]) + 1 and part != r.text]
    if len({d[0] for d, _ in alone}) == 1:
        d, r = alone[0]
        return Finding(d[0], r.page, r.text, "een datum als deel van een regel op het voorblad", r.bbox)
    if warnings is not None:
        warnings += [f"Rapportdatum niet gelezen: {u!r} is geen (bestaande) datum." for u in unread]
    return None


def final(view: TextView) -> Finding | None:
    back = view.back(2) if view.doc.page_count > 3 else []  # a colofon at the end ('Status  vastgesteld')
    for r in view.front(3) + back:
        segs = r.segments
        cells = [f"{a.text} {b.text}" for a, b in zip(segs, segs[1:]) if a.text.endswith(":")] + \
            [c.text for c in segs] if len(segs) > 1 else []
        pairs = [p for p in rx(r"(?<=\S)\s{2,}|\s[|·•]\s|,\s").split(r.text) if p]  # 'Definitieve versie, Arnhem 7 januari 2022'
        if len(r.text) > 60 and not cells and len(pairs) < 2:
            continue
        for part in [r.text] * (len(r.text) <= 60) + cells + (pairs if len(pairs) > 1 else []):
            if len(part) <= 60 and (s := lx.status_of(part)):
                return Finding(s[0], r.page, part, f"'{s[1]}'", r.bbox, derived=s[1] == "versie 0.x")
    # a sentence of the introduction: 'Het betreft de definitieve versie.', 'Dit is een conceptversie'
    for b in [b for b in view.blocks() if b.page <= 3]:
        for m in RE_STATUS_SENTENCE.finditer(b.text):
            words = m["s"].split()
            for n in range(len(words), 0, -1):  # the longest run of words the lexicon knows as a status
                if s := lx.status_of(" ".join(words[:n])):
                    return Finding(s[0], b.page, m[0], f"zin '{s[1]}'", b.bbox, derived=s[1] == "versie 0.x")
    return None


# 'Het betreft een conceptversie', 'Dit is de definitieve versie': the words after it are the status's
RE_STATUS_SENTENCE = regex.compile(r"\b(?:het\s+betreft|dit\s+is|dit\s+rapport\s+is|u\s+leest)\s+(?:de|een|het)\s+"
                                   r"(?P<s>\p{L}+(?:\s+\p{L}+){0,2})", regex.I)


def approached(view: TextView) -> Finding | None:
    """How many clients were approached in all, from a sentence ('In totaal zijn 128 klanten
    benaderd'). A sentence that names a perceel or cluster tells a part; a wording that gives
    different numbers in one report (one per perceel) gives no total."""
    blocks = view.blocks()
    for pattern in lx.approached_patterns():  # the lexicon's order: 'in totaal N ...' first
        found: list[Finding] = []
        for b in blocks:
            for m in pattern.finditer(b.text):
                start = max(b.text.rfind(". ", 0, m.start()), b.text.rfind("; ", 0, m.start())) + 1
                end = b.text.find(". ", m.end())
                if _names_a_part(b.text[start:end if end >= 0 else len(b.text)]):
                    continue
                try:
                    n = dutch.parse_int(m["n"])
                except dutch.DutchParseError:
                    continue
                found.append(Finding(n, b.page, m[0], "zin 'in totaal N ... benaderd/uitgenodigd'", b.bbox))
        if len({f.value for f in found}) == 1:
            return found[0]
    return None


def _names_a_part(sentence: str) -> bool:
    """A sentence about one perceel or cluster ('Voor Leerbanen ontvingen 40 klanten een uitnodiging')."""
    low = sentence.lower()
    names = lx.lexicon()["labels"]
    return any(rx(rf"(?<!\p{{L}}){regex.escape(w.lower())}(?!\p{{L}})").search(low)
               for w in names["perceel"] + ["cluster"]) or bool(rx(r"\bper\s+(?:perceel|cluster)\b").search(low))


# a ticked box before a form's item ('☒', '☑', '[x]'); an empty one ('☐') leaves the item unticked
RE_TICKED = regex.compile(r"^(?:[☒☑✓✔✗✘■]|\[\s*[xX✓]\s*\])\s*")


def analysis_section(view: TextView) -> tuple[str, int, tuple] | None:
    """The analysis/conclusions section (jobcoaching): heading from the lexicon, text to the next heading."""
    headings = lx.lexicon()["analysis"]["headings"]
    blocks = view.blocks()
    for h in headings:
        for i, b in enumerate(blocks):
            t = rx(r"^\d+(?:\.\d+)*\.?\s+").sub("", b.text.strip()).strip(" :").lower()
            t = RE_TICKED.sub("", t)  # a form's ticked box: '☒ Analyse van de resultaten (hieronder)'
            if t != h and not (t.startswith(h) and len(t) < len(h) + 25 and ":" not in t):
                continue
            body = []
            for nb in blocks[i + 1:]:
                nt = nb.text.strip()
                if rx(r"^\d+(?:\.\d+)*\.?\s+\p{Lu}").match(nt) and len(nt) < 80:
                    break  # the next numbered heading
                body.append(nt)
            if body:
                return "\n".join(body), blocks[i + 1].page, blocks[i + 1].bbox
    return None


def dates_equal(a: dt.date | None, b: dt.date | None) -> bool:
    return a is not None and a == b


def record_absent(facts, looked: dict[str, str], vouched: set[str] = frozenset()) -> None:
    """For every fact in ``looked`` that has no value and no status yet: not found, where looked.
    ``vouched`` names the facts whose place the (confident) parser read in full."""
    for name, where in looked.items():
        if name in facts.fact_status:
            continue
        value = getattr(facts, name, None)
        if value in (None, [], {}):
            facts.not_found(name, where, vouched=name in vouched)
