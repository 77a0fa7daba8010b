"""Any bureau's KTO report with a results table in the usual columns (the fallback parser).

It looks for a table header that names at least three of: the sample (netto steekproef /
benaderd / uitgenodigd), the completed questionnaires (ingevuld / respondenten / deelnemers /
deelgenomen), the response (respons / responspercentage) and the score (rapportcijfer /
gemiddeld cijfer), and reads the rows below it per perceel, cluster or dienst. Around it, it
reads what reports commonly say in common words: the meetperiode, the bureau, the supplier, the
report date, "concept" or "definitief", and the questions (lines that end in a question mark).

It is chosen only when no vendor parser is sure (``fallback = True``), and everything it finds is
``confidence = "low"``: the rules then ask a person to confirm what would otherwise pass. Vendor
parsers with a layout of this kind subclass it (see ``parsers/klantstem.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from kto_ingest import dutch
from kto_ingest.document import Block, Document, Line, Word
from kto_ingest.registry import Detection, Parser, Signal, add_evidence
from kto_ingest.schema import Approach, Approached, Facts, Period, Question, ResultRow
from kto_ingest.tables import ColumnSpec, _is_keyword, read_table


def _is_number(text: str) -> bool:
    try:
        dutch.parse_number(text)
    except dutch.DutchParseError:
        return False
    return True


COLUMNS = (
    ColumnSpec("beeindigd", ("beëindigd", "beeindigd", "beëindigde", "afgerond"), _is_number),
    ColumnSpec("benaderd", ("netto", "steekproef", "benaderd", "uitgenodigd"), _is_number),
    ColumnSpec("ingevuld", ("ingevuld", "respondenten", "deelnemers", "deelgenomen"), _is_number),
    ColumnSpec("respons_pct", ("respons", "responspercentage", "(%)", "respons(%)"), _is_number),
    ColumnSpec("rapportcijfer", ("rapportcijfer", "gemiddeld", "gemiddelde", "cijfer"), _is_number),
)
# The header must name at least three of these four; "beëindigd" is a bonus.
CORE = ("benaderd", "ingevuld", "respons_pct", "rapportcijfer")

DATE = r"\d{1,2}(?:[-/.]\d{1,2}[-/.]|\s+\p{L}+\s+)\d{4}"
RE_PERIOD = regex.compile(
    rf"meetperiode\b[^\d]{{0,40}}?(?P<start>{DATE})\s+(?:tot\s+en\s+met|t/m|tot|-|–)\s+(?P<end>{DATE})", regex.I
)
RE_BUREAU = regex.compile(
    r"(?:onderzoeksbureau|uitgevoerd door|opgesteld door)\s*:?\s+(?P<name>\p{Lu}[\p{L}\d&.'\- ]+?)"
    r"(?=\s*(?:,|\.\s|\.$|\bin opdracht\b|\bop verzoek\b|$))",
    regex.I,
)
RE_SUPPLIER = regex.compile(r"(?:in opdracht van|opdrachtgever|leverancier)\s*:?\s+(?P<name>\p{Lu}.+?)\s*$", regex.I)
RE_REPORT_DATE = regex.compile(rf"^(?:datum(?: rapport)?\s*:?\s*|\p{{Lu}}[\p{{L}}' -]+,\s+(?:\p{{L}}+dag\s+)?)(?P<date>{DATE})\s*$", regex.I)
RE_STATUS = regex.compile(r"\b(?P<kind>definitief|concept)(?:\s+rapport|versie)?\b", regex.I)
RE_GROUP = regex.compile(r"^(?P<g>cli[eë]nten|deelnemers|werknemers|opdrachtgevers|werkgevers)$", regex.I)
RE_APPROACHED = regex.compile(r"(?:in totaal|totaal)\s+(?P<n>\d[\d.]*)\s+(?:cli[eë]nten|deelnemers)\s+(?:benaderd|uitgenodigd)", regex.I)


# First four letters of every keyword: most words of a page are ruled out by this set lookup
# before the slower prefix test for header words cut at the cell edge.
_STEMS = {k.lstrip("(")[:4] for spec in COLUMNS for k in spec.keywords}
# The first six letters of each core column's keywords: a header word cut at the cell edge keeps
# at least six (see tables._is_keyword), so a page without them has no such header.
_CORE_STEMS = {spec.key: {k[:6] for k in spec.keywords} for spec in COLUMNS if spec.key in CORE}


def _columns_named(word: Word) -> set[str]:
    """The columns a header word names; a word broken at the cell edge ('Deelgeno') counts too."""
    if word.text.lower().lstrip("(")[:4] not in _STEMS:
        return set()
    return {s.key for s in COLUMNS if _is_keyword(word.text, s)}


def _header_hits(line: Line) -> set[str]:
    return set().union(*(_columns_named(w) for w in line.words))


class GenericTableParser(Parser):
    id = "generiek"
    name = "Algemeen (tabel met steekproef, respons en rapportcijfer)"
    min_score = 0.6
    fallback = True
    confidence = "low"

    # ---- detection -------------------------------------------------------------------
    def header_line(self, doc: Document) -> Line | None:
        """The first row of words (cells of one table row are separate blocks) that names at least
        three of the four core columns. Only the keyword words of a page are grouped into rows;
        this runs on every report, so it must cost next to nothing on pages without a table."""
        core = set(CORE)
        for page in doc.pages:
            text = " ".join(b.text for b in page.blocks).lower()
            if sum(any(stem in text for stem in _CORE_STEMS[key]) for key in CORE) < 3:
                continue  # most pages: three of the four columns are not even mentioned
            hits = [(w, cols) for w in page.words if (cols := _columns_named(w))]
            if len(core & set().union(*(c for _, c in hits))) < 3:
                continue
            for word, _ in sorted(hits, key=lambda h: h[0].cy):
                reach = 0.45 * (word.y1 - word.y0)
                named = set().union(*(c for w, c in hits if abs(w.cy - word.cy) <= reach))
                if len(named & core) >= 3:
                    return Line(sorted((w for w in page.words if abs(w.cy - word.cy) <= reach), key=lambda w: w.x0))
        return None

    def detect(self, doc: Document) -> Detection:
        header = self.header_line(doc)
        first = " ".join(b.text for p in doc.pages[:2] for b in p.blocks).lower()
        hits = _header_hits(header) if header else set()
        signals = [
            Signal("Kolomkop met steekproef/benaderd, ingevuld/respondenten, respons en rapportcijfer",
                   len(hits & set(CORE)) >= 3, 0.6, header.page if header else None),
            Signal("Alle vier de kolommen genoemd", len(hits & set(CORE)) == 4, 0.1, header.page if header else None),
            Signal("'tevredenheid' of 'KTO' op de eerste pagina's", "tevredenheid" in first or "kto" in first, 0.2, 1),
            Signal("Een meetperiode genoemd", any(RE_PERIOD.search(b.text) for p in doc.pages[:4] for b in p.blocks), 0.1),
        ]
        return Detection.from_signals(self, signals)

    # ---- parsing ---------------------------------------------------------------------
    def parse(self, doc: Document) -> Facts:
        facts = Facts(confidence=self.confidence)
        blocks = [b for p in doc.pages for b in p.body_blocks]
        self.cover(doc, facts)
        self.period(blocks, facts)
        self.approached(blocks, facts)
        self.approach(blocks, facts)
        self.questions(blocks, facts)
        self.results(doc, facts)
        return facts

    def cover(self, doc: Document, facts: Facts) -> None:
        for line in (line for p in doc.pages[:2] for line in p.lines):
            text = line.text
            if facts.bureau is None and (m := RE_BUREAU.search(text)):
                facts.bureau = m["name"].strip()
                add_evidence(facts, "bureau", line, m[0])
            if facts.supplier is None and (m := RE_SUPPLIER.search(text)):
                facts.supplier = m["name"].strip()
                add_evidence(facts, "supplier", line)
            if facts.report_date is None and (m := RE_REPORT_DATE.search(text)):
                try:
                    facts.report_date = dutch.parse_date(m["date"])
                    add_evidence(facts, "report_date", line)
                except dutch.DutchParseError as exc:
                    facts.warnings.append(f"Rapportdatum niet gelezen: {exc}")
            if facts.final is None and (m := RE_STATUS.search(text)) and len(text) < 60:
                facts.final = m["kind"].lower() == "definitief"
                add_evidence(facts, "final", line)

    def period(self, blocks: list[Block], facts: Facts) -> None:
        for b in blocks:
            if m := RE_PERIOD.search(b.text):
                try:
                    start, end = dutch.parse_date(m["start"]), dutch.parse_date(m["end"])
                except dutch.DutchParseError as exc:
                    facts.warnings.append(f"Meetperiode niet gelezen: {exc}")
                    continue
                if end < start:
                    facts.warnings.append(f"Meetperiode niet gelezen: einddatum ligt voor de begindatum ({m[0]!r}).")
                    continue
                facts.meetperiode = Period(start=start, end=end)
                add_evidence(facts, "meetperiode", b, m[0])
                return

    def approached(self, blocks: list[Block], facts: Facts) -> None:
        for b in blocks:
            if m := RE_APPROACHED.search(b.text):
                facts.approached = Approached(clienten=dutch.parse_int(m["n"]))
                add_evidence(facts, "approached", b, m[0])
                return

    def approach(self, blocks: list[Block], facts: Facts) -> None:
        """The first paragraph that says how people were invited ("per e-mail", "schriftelijk", ...)."""
        for b in blocks:
            low = b.text.lower()
            if regex.search(r"uitgenodigd|uitnodiging|benaderd", low) and regex.search(r"e-?mail|schriftelijk|telefonisch|per brief|per post", low):
                facts.approach = Approach(
                    email=bool(regex.search(r"e-?mail", low)),
                    schriftelijk="schriftelijk" in low or "per brief" in low or "per post" in low,
                    herinnering="herinnering" in low,
                    telefonisch="ja" if "telefonisch" in low else None,
                    text=b.text,
                    page=b.page,
                )
                add_evidence(facts, "approach", b)
                return

    def questions(self, blocks: list[Block], facts: Facts) -> None:
        """Lines that end in a question mark, as printed (tables, captions or lists of questions)."""
        seen: set[str] = set()
        for b in blocks:
            for line in b.lines:
                text = line.text.strip()
                if text.endswith("?") and len(text) > 12 and text not in seen:
                    seen.add(text)
                    facts.questions.append(Question(figure=str(len(facts.questions) + 1), text=text, page=line.page))

    def results(self, doc: Document, facts: Facts) -> None:
        header = self.header_line(doc)
        if header is None:
            facts.warnings.append("Geen resultatentabel gevonden (kolommen steekproef, ingevuld, respons en rapportcijfer).")
            return
        y_from = header.bbox[1] - 2
        page = doc.page(header.page)
        table = read_table(doc, header.page, y_from, COLUMNS)
        if table is None:
            facts.warnings.append(f"Kolomkoppen van de resultatentabel niet te plaatsen op pagina {header.page}.")
            return
        caption = self.caption(page, header)
        facts.evidence["results"] = table.evidence(header.page, caption or header.text)
        facts.results = list(self.rows(table.rows, facts))
        if not facts.results:
            facts.warnings.append(f"De resultatentabel op pagina {header.page} bevat geen rijen.")

    @staticmethod
    def caption(page, header: Line) -> str | None:
        """The line just above the header when it names a table ("Tabel 2.1 ...")."""
        above = [line for line in page.lines if line.bbox[3] <= header.bbox[1] + 1 and header.bbox[1] - line.bbox[3] < 40]
        if above and regex.match(r"^tabel\b", above[-1].text, regex.I):
            return above[-1].text
        return None

    @staticmethod
    def rows(rows: Iterable, facts: Facts) -> Iterable[ResultRow]:
        group = None
        for row in rows:
            label = " ".join(row.label.split())
            if row.is_label_only:
                if m := RE_GROUP.match(label):
                    group = "opdrachtgevers" if m["g"].lower().startswith(("opdracht", "werkgever")) else "clienten"
                continue
            try:
                benaderd = dutch.parse_int(row.cells.get("benaderd", ""))
                values = {
                    "netto_steekproef": benaderd,
                    "benaderd": benaderd,
                    "ingevuld": dutch.parse_int(row.cells.get("ingevuld", "")),
                    "respons_pct": _as_float(dutch.parse_number(row.cells.get("respons_pct", ""))),
                    "rapportcijfer": _as_float(dutch.parse_number(row.cells.get("rapportcijfer", ""))),
                    "beeindigd": dutch.parse_int(row.cells.get("beeindigd", "")),
                }
            except dutch.DutchParseError as exc:
                facts.warnings.append(f"Waarde in de resultatentabel niet gelezen (pagina {row.page}, {label!r}): {exc}")
                values = {}
            yield ResultRow(
                group=group,
                service=label,
                is_total=label.lower().startswith("totaal"),
                page=row.page,
                raw={k: v for k, v in row.cells.items() if v},
                **values,
            )


def _as_float(value: int | float | None) -> float | None:
    return None if value is None else float(value)
