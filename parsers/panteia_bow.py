"""Panteia "Tevredenheidsonderzoek Blik op Werk" reports, 2019 and 2023 layouts.

What the reports look like (see ``../shared/seeds/002``-``004``): a cover with
"meetperiode: ...", "Definitief rapport", "In opdracht van <supplier>" and
"Zoetermeer, <weekday> <date>"; section 2.1 says how clients were approached;
section 2.3 has "in totaal N cliënten benaderd en M opdrachtgever(s)" and
"tabel 1.1 Resultaten voor het keurmerk" with groups Cliënten / Opdrachtgevers;
chapter 3 has figure captions that are the questions asked. The 2023 layout
has the sections "Bereikbaarheid en snelheid" and "Contactpersonen" (questions
formulated by UWV) instead of "Typering dienstverlening".
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from kto_ingest import dutch
from kto_ingest.document import Block, Document, Line
from kto_ingest.registry import Detection, Parser, Signal, add_evidence
from kto_ingest.schema import Approach, Approached, Facts, Period, Question, ResultRow, UsablePct
from kto_ingest.reader import facts as ff
from kto_ingest.tables import ColumnSpec, read_table

CLIENT = r"cli[eë]nten"


def _is_number(text: str) -> bool:
    try:
        dutch.parse_number(text)
    except dutch.DutchParseError:
        return False
    return True


def _is_yes_no(text: str) -> bool:
    try:
        dutch.parse_bool(text)
    except dutch.DutchParseError:
        return False
    return True


SECTION_NUMBER = regex.compile(r"^\d+(?:\.\d+)*\s+")

COLUMNS = (
    ColumnSpec("netto_steekproef", ("netto", "steekproef"), _is_number),
    ColumnSpec("ingevuld", ("ingevuld",), _is_number),
    ColumnSpec("respons_pct", ("respons", "(%)", "respons(%)"), _is_number),
    ColumnSpec("rapportcijfer", ("rapportcijfer",), _is_number),
    ColumnSpec("publicatie", ("publicatie",), _is_yes_no),
)

# "1.1" as printed; OCR reads the point as a comma or loses it ("tabel 11 Resultaten").
RE_TABLE = regex.compile(r"^tabel\s+1\s?[.,]?\s?1\b.*Resultaten", regex.IGNORECASE)
RE_SUPPLIER = regex.compile(r"^In opdracht van\s+(?P<name>.+?)\s*$")
RE_REPORT_DATE = regex.compile(
    rf"^(?P<place>[A-Z][\w'.\- ]+),\s+(?P<date>(?:{'|'.join(dutch.WEEKDAYS)})?\s*\d{{1,2}}\s+\w+\s+\d{{4}})\s*$",
    regex.IGNORECASE,
)
RE_MEETPERIODE = regex.compile(r"meetperiode\s*:\s*(?P<rest>.+)", regex.IGNORECASE)
RE_FINAL = regex.compile(r"^(?P<kind>Definitief|Concept)\s*(?:rapport|versie)?\b", regex.IGNORECASE)
RE_APPROACHED = regex.compile(
    rf"in totaal (?P<c>\d[\d.]*|geen) {CLIENT} benaderd en (?P<o>\d[\d.]*|geen) opdrachtgever(?:\(s\)|s)?",
    regex.IGNORECASE,
)
RE_USABLE = regex.compile(
    rf"bruikbare vragenlijsten is (?P<c>[\d.,]+)\s*% voor {CLIENT} en (?P<o>[\d.,]+)\s*% voor opdrachtgever",
    regex.IGNORECASE,
)
RE_PROMOTOR = regex.compile(r"promotor\s*score van (?P<v>-?[\d.,]+\d)", regex.IGNORECASE)
RE_FIGURE = regex.compile(r"^fig\.\s*(?P<num>\d+(?:\.\d+)*)\.?\s+(?P<text>.+)$", regex.IGNORECASE)
RE_PHONE = regex.compile(
    r"(?P<who>.+?) heeft (?P<how>geen|voor een deel van de cli[eë]nten)?\s*gebruik gemaakt van de telefonische optie",
    regex.IGNORECASE,
)
RE_GROUP = regex.compile(rf"^(?P<g>{CLIENT}|opdrachtgevers)$", regex.IGNORECASE)

LAYOUT_2023 = ("Bereikbaarheid en snelheid", "Contactpersonen")
LAYOUT_2019 = ("Typering dienstverlening",)


def _count(text: str) -> int | None:
    return 0 if text.lower() == "geen" else dutch.parse_int(text)


class PanteiaBlikOpWerkParser(Parser):
    id = "panteia-bow"
    name = "Panteia – Tevredenheidsonderzoek Blik op Werk"
    min_score = 0.6

    # ---- detection -------------------------------------------------------------------
    def detect(self, doc: Document) -> Detection:
        first = " ".join(b.text for p in doc.pages[:2] for b in p.blocks)
        table_page = self._find_table_line(doc)
        all_text = " ".join(b.text for p in doc.pages for b in p.blocks)
        signals = [
            Signal("'Panteia' genoemd op de eerste pagina's", "panteia" in first.lower(), 0.3, 1),
            Signal("'Tevredenheidsonderzoek' op het voorblad", "tevredenheidsonderzoek" in first.lower(), 0.15, 1),
            Signal("'Blik op Werk' genoemd", "blik op werk" in all_text.lower(), 0.2),
            Signal(
                "'tabel 1.1 Resultaten voor het keurmerk' aanwezig",
                table_page is not None,
                0.25,
                table_page.page if table_page else None,
            ),
            Signal("'meetperiode:' op het voorblad", "meetperiode:" in first.lower(), 0.1, 1),
        ]
        return Detection.from_signals(self, signals)

    # ---- parsing ---------------------------------------------------------------------
    def parse(self, doc: Document) -> Facts:
        facts = Facts()
        blocks = [b for p in doc.pages for b in p.body_blocks]
        lines = [line for b in blocks for line in b.lines]
        self._cover(doc, facts)
        self._bureau(blocks, facts)
        self._meetperiode_cross_check(blocks, facts)
        self._counts(blocks, facts)
        self._approach(blocks, facts)
        self._questions(lines, blocks, facts)
        self._layout(lines, facts)
        self._results(doc, facts)
        self._provenance(doc, facts)
        return facts

    # Where each fact stands in a Blik op Werk report (seeds 002-004).
    LOOKED = {
        "supplier": "op het voorblad ('In opdracht van ...')",
        "report_date": "op het voorblad ('<plaats>, <datum>')",
        "meetperiode": "op het voorblad ('meetperiode: ...') en in paragraaf 2.1 ('in de periode van ...')",
        "final": "op het voorblad ('Definitief rapport' of 'Concept')",
        "bureau": "in de verantwoording ('... berust bij Panteia')",
        "approached": "in paragraaf 2.3 ('in totaal N cliënten benaderd en M opdrachtgever(s)')",
        "approach": "in paragraaf 2.1 'Wijze van benadering'",
        "questions": "in hoofdstuk 3 (figuurtitels 'Fig. ...')",
        "results": "'tabel 1.1 Resultaten voor het keurmerk'",
    }

    def _provenance(self, doc: Document, facts: Facts) -> None:
        """Record where absent facts were looked for. The cover facts are vouched for when the
        cover was read as text (not by OCR): a Blik op Werk report prints them there."""
        cover_read = bool(doc.pages and doc.pages[0].words) and 1 not in doc.ocr_pages
        vouched = {"supplier", "report_date", "meetperiode", "final"} if cover_read else set()
        ff.record_absent(facts, self.LOOKED, vouched)

    def _cover(self, doc: Document, facts: Facts) -> None:
        # The cover facts are on page 1 in every known report; page 2 as a fallback for an inserted title page.
        for line in (line for p in doc.pages[:2] for line in p.lines):
            text = line.text
            if facts.supplier is None and (m := RE_SUPPLIER.match(text)):
                facts.supplier = m["name"]
                add_evidence(facts, "supplier", line)
            elif facts.report_date is None and (m := RE_REPORT_DATE.match(text)):
                try:
                    facts.report_date = dutch.parse_date(m["date"])
                    add_evidence(facts, "report_date", line)
                except dutch.DutchParseError as exc:
                    facts.warnings.append(f"Rapportdatum niet gelezen: {exc}")
            elif facts.meetperiode is None and (m := RE_MEETPERIODE.search(text)):
                self._period_from(m["rest"], line, facts)
            elif facts.final is None and (m := RE_FINAL.match(text)):
                facts.final = m["kind"].lower() == "definitief"
                add_evidence(facts, "final", line)

    def _period_from(self, text: str, where: Line | Block, facts: Facts) -> None:
        try:
            found = dutch.find_period(text)
        except dutch.DutchParseError as exc:
            facts.warnings.append(f"Meetperiode niet gelezen: {exc}")
            return
        if found:
            facts.meetperiode = Period(start=found[0], end=found[1])
            add_evidence(facts, "meetperiode", where)

    def _bureau(self, blocks: list[Block], facts: Facts) -> None:
        for b in blocks:
            if m := regex.search(r"berust bij (?P<name>Panteia)\b", b.text):
                facts.bureau = m["name"]
                add_evidence(facts, "bureau", b, m[0])
                return

    def _meetperiode_cross_check(self, blocks: list[Block], facts: Facts) -> None:
        """Section 2.1 repeats the period ("in de periode van ... een traject hebben afgerond")."""
        for b in blocks:
            if "in de periode van" not in b.text:
                continue
            try:
                found = dutch.find_period(b.text)
            except dutch.DutchParseError:
                continue
            if not found:
                continue
            if facts.meetperiode is None:
                facts.meetperiode = Period(start=found[0], end=found[1])
                add_evidence(facts, "meetperiode", b, found[2])
            elif (facts.meetperiode.start, facts.meetperiode.end) != found[:2]:
                facts.warnings.append(
                    f"De meetperiode op het voorblad verschilt van die in de tekst (pagina {b.page}: {found[2]})."
                )
            return

    def _counts(self, blocks: list[Block], facts: Facts) -> None:
        for b in blocks:
            text = b.text
            if facts.approached is None and (m := RE_APPROACHED.search(text)):
                try:
                    facts.approached = Approached(clienten=_count(m["c"]), opdrachtgevers=_count(m["o"]))
                    add_evidence(facts, "approached", b, m[0])
                except dutch.DutchParseError as exc:
                    facts.warnings.append(f"Aantal benaderden niet gelezen: {exc}")
            if facts.usable_pct is None and (m := RE_USABLE.search(text)):
                try:
                    facts.usable_pct = UsablePct(
                        clienten=dutch.parse_number(m["c"]), opdrachtgevers=dutch.parse_number(m["o"])
                    )
                    add_evidence(facts, "usable_pct", b, m[0])
                except dutch.DutchParseError as exc:
                    facts.warnings.append(f"Percentage bruikbare vragenlijsten niet gelezen: {exc}")
            if facts.promotor_score is None and (m := RE_PROMOTOR.search(text)):
                try:
                    facts.promotor_score = dutch.parse_number(m["v"])
                    add_evidence(facts, "promotor_score", b, m[0])
                except dutch.DutchParseError as exc:
                    facts.warnings.append(f"Promotorscore niet gelezen: {exc}")

    def _approach(self, blocks: list[Block], facts: Facts) -> None:
        start = next((i for i, b in enumerate(blocks) if b.text.strip() == "Wijze van benadering"), None)
        if start is None:
            return
        section: list[Block] = []
        for b in blocks[start + 1 :]:
            if RE_FIGURE.match(b.text) or b.text.strip() in {"Vragenlijst", "Bron: Panteia"}:
                break
            section.append(b)
        if not section:
            return
        clients = " ".join(b.text for b in section if regex.search(rf"^De {CLIENT} zijn|^{CLIENT} die", b.text, flags=regex.I))
        approach = Approach(text=" ".join(b.text for b in section), page=section[0].page)
        if clients:
            low = clients.lower()
            approach.email = bool(regex.search(r"per e-?mail", low))
            approach.schriftelijk = "schriftelijk" in low
            approach.herinnering = "herinnering" in low
        for b in section:
            if m := regex.search(r"opdrachtgevers zijn (?P<how>.+?) benaderd", b.text, flags=regex.I):
                approach.opdrachtgevers = m["how"]
            if m := RE_PHONE.search(b.text):
                how = (m["how"] or "").lower()
                approach.telefonisch = "nee" if how == "geen" else "deels" if how else "ja"
        facts.approach = approach
        add_evidence(facts, "approach", section[0], approach.text)

    def _questions(self, lines: list[Line], blocks: list[Block], facts: Facts) -> None:
        for b in blocks:
            if m := RE_FIGURE.match(b.text):
                facts.questions.append(Question(figure=m["num"], text=m["text"], page=b.page))

    def _layout(self, lines: list[Line], facts: Facts) -> None:
        headings = {SECTION_NUMBER.sub("", line.text) for line in lines}
        if all(h in headings for h in LAYOUT_2023):
            facts.layout = "2023"
        elif all(h in headings for h in LAYOUT_2019):
            facts.layout = "2019"
        else:
            facts.warnings.append("Opmaakversie (2019 of 2023) niet herkend aan de hoofdstukken.")

    @staticmethod
    def _find_table_line(doc: Document) -> Block | None:
        """The caption block of tabel 1.1 (not its line in the contents)."""
        for page in doc.pages:
            for block in page.body_blocks:
                if RE_TABLE.match(block.text):
                    return block
        return None

    def _results(self, doc: Document, facts: Facts) -> None:
        anchor = self._find_table_line(doc)
        if anchor is None:
            facts.warnings.append("Tabel 1.1 'Resultaten voor het keurmerk' niet gevonden.")
            return
        table = read_table(doc, anchor.page, anchor.bbox[1], COLUMNS)
        if table is None:
            facts.warnings.append(f"Kolomkoppen van tabel 1.1 niet gevonden op pagina {anchor.page}.")
            facts.unreadable("results", f"'{anchor.text}' gevonden, maar de kolomkoppen niet", anchor.page)
            return
        facts.evidence["results"] = table.evidence(anchor.page, anchor.text)
        facts.warnings += table.warnings
        facts.results = list(self._rows(table.rows, facts))
        if not facts.results:
            facts.warnings.append(f"Tabel 1.1 op pagina {anchor.page} bevat geen rijen.")
            facts.unreadable("results", f"'{anchor.text}' gevonden, maar de rijen konden niet worden gelezen", anchor.page)

    @staticmethod
    def _rows(rows: Iterable, facts: Facts) -> Iterable[ResultRow]:
        group = None
        for row in rows:
            label = " ".join(row.label.replace("tabel 1.1", "").split())
            if row.is_label_only:
                if m := RE_GROUP.match(label):
                    group = "opdrachtgevers" if m["g"].lower().startswith("opdracht") else "clienten"
                elif label and not RE_TABLE.match(row.label):
                    facts.warnings.append(f"Regel zonder cijfers in tabel 1.1 overgeslagen (pagina {row.page}): {label!r}")
                continue
            values = {}
            try:
                values = {
                    "netto_steekproef": dutch.parse_int(row.cells.get("netto_steekproef", "")),
                    "ingevuld": dutch.parse_int(row.cells.get("ingevuld", "")),
                    "respons_pct": _as_float(dutch.parse_number(row.cells.get("respons_pct", ""))),
                    "rapportcijfer": _as_float(dutch.parse_number(row.cells.get("rapportcijfer", ""))),
                    "publicatie": dutch.parse_bool(row.cells.get("publicatie", "")),
                }
            except dutch.DutchParseError as exc:
                facts.warnings.append(f"Waarde in tabel 1.1 niet gelezen (pagina {row.page}, {label!r}): {exc}")
                values = {}
            if group is None:
                facts.warnings.append(f"Rij {label!r} staat niet onder 'Cliënten' of 'Opdrachtgevers'.")
            yield ResultRow(
                group=group,
                service=label,
                is_total=label.lower().startswith("totaal"),
                page=row.page,
                raw={k: v for k, v in row.cells.items()},
                **values,
            )


def _as_float(value: int | float | None) -> float | None:
    return None if value is None else float(value)
