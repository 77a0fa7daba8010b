"""Any bureau's KTO report with a results table per perceel, cluster or dienst (the fallback parser).

This parser is the reader (``kto_ingest/reader``) plus the Dutch lexicon
(``kto_ingest/reader/lexicon.toml``): the results table is read as a cell grid whatever the
producer drew (ruled or borderless, either orientation, continued over pages, joined by label with
a second table about the same percelen); the cover facts are found by the lexicon's synonyms.

It is chosen only when no vendor parser is sure (``fallback = True``). Its confidence comes from
evidence (``reader/confidence.py``): a table that checks itself (respons = ingevuld / netto to the
printed decimal, totals = sum of rows, every label a perceel or cluster) is "high"; otherwise
"low" with the reasons in ``warnings``. Vendor parsers with a layout of this kind subclass it
(see ``parsers/klantstem.py``).
"""

from __future__ import annotations

import regex

from kto_ingest import dutch
from kto_ingest.document import Block, Document, Line, Word
from kto_ingest.reader import _rx as cached
from kto_ingest.reader import absence
from kto_ingest.reader import confidence as conf
from kto_ingest.reader import facts as ff
from kto_ingest.reader import lexicon as lx
from kto_ingest.reader import values as cell
from kto_ingest.reader.tables import CORE as CORE_MEASURES
from kto_ingest.reader.tables import prose_grids
from kto_ingest.reader.tables import MEASURE_NAMES, ResultsTable, perceel_codes, read_results
from kto_ingest.registry import Detection, Parser, Signal
from kto_ingest.schema import Approach, Approached, Evidence, Facts, Question, ResultRow
from kto_ingest.tables import ColumnSpec, _is_keyword


def _is_number(text: str) -> bool:
    try:
        dutch.parse_number(text)
    except dutch.DutchParseError:
        return False
    return True


# Kept for detection: the header words of the usual columns (the reader itself uses the lexicon).
COLUMNS = (
    ColumnSpec("beeindigd", ("beëindigd", "beeindigd", "beëindigde", "afgerond"), _is_number),
    ColumnSpec("benaderd", ("netto", "steekproef", "benaderd", "uitgenodigd"), _is_number),
    ColumnSpec("ingevuld", ("ingevuld", "respondenten", "deelnemers", "deelgenomen"), _is_number),
    ColumnSpec("respons_pct", ("respons", "responspercentage", "(%)", "respons(%)"), _is_number),
    ColumnSpec("rapportcijfer", ("rapportcijfer", "gemiddeld", "gemiddelde", "cijfer"), _is_number),
)
CORE = ("benaderd", "ingevuld", "respons_pct", "rapportcijfer")

RE_GROUP = regex.compile(r"^(?P<g>cli[eë]nten|deelnemers|werknemers|klanten|opdrachtgevers|werkgevers)$", regex.I)

# Stems of the four core measures, per measure (lexicon words cut to their stable start).
_MEASURE_STEMS = {
    "benaderd": ("steekpr", "benader", "uitgenod", "aangeschr", "uitnodig"),
    "ingevuld": ("ingevul", "responden", "deelgen", "deelnem", "resp.", "vragenlijsten", "respons (n", "retour", "reactie"),
    "respons_pct": ("respons", "%"),
    "rapportcijfer": ("cijfer", "score", "waardering", "gemiddel"),
}

_STEMS = {k.lstrip("(")[:4] for spec in COLUMNS for k in spec.keywords}


def _columns_named(word: Word) -> set[str]:
    if word.text.lower().lstrip("(")[:4] not in _STEMS:
        return set()
    return {s.key for s in COLUMNS if _is_keyword(word.text, s)}


_TWO_IN_ONE = regex.compile(r"\d\s*(?:/|van)\s*\d|\d\s*\(\s*\d[\d,.]*\s*%")


def _measures_on(text: str) -> set[str]:
    return {k for k, stems in _MEASURE_STEMS.items() if any(s in text for s in stems)}


class GenericTableParser(Parser):
    id = "generiek"
    name = "Algemeen (tabel met steekproef, respons en rapportcijfer)"
    min_score = 0.6
    fallback = True
    # None: confidence from evidence (the table checks itself); a vendor parser may fix it.
    confidence: str | None = None

    # ---- detection -------------------------------------------------------------------
    def table_page(self, doc: Document) -> int | None:
        """The first page that names three of the four core measures (in a row or a column of a
        table: the orientation is the reader's business). Costs a text scan per page."""
        for page in doc.pages:
            text = " ".join(w.text for w in page.words).lower()
            if len(_measures_on(text)) >= 3 and any(ch.isdigit() for ch in text):
                return page.number
        # a header word broken over lines ('Netto steek- / proef', 'Respon- / denten') names its
        # measure only once the reader has joined the lines of its cell; a cell with two measures
        # ('36 van 80 (45,0%)' under 'Respons') names the other only by its form
        for page in doc.pages:
            text = " ".join(w.text for w in page.words).lower()
            if len(_measures_on(text)) >= 2 and ("-" in text or _TWO_IN_ONE.search(text)) and any(ch.isdigit() for ch in text):
                table, _ = read_results(doc, [page.number])
                if table is not None and len(set(table.measures) & set(CORE_MEASURES)) >= 3:
                    return page.number
        # results told in sentences name their measures in other words ('gereageerd', 'gemiddeld een 8,9')
        for page in doc.pages:
            text = " ".join(w.text for w in page.words).lower()
            if len(_measures_on(text)) >= 1 and any(ch.isdigit() for ch in text) and prose_grids(doc, page.number):
                return page.number
        return None

    def header_line(self, doc: Document) -> Line | None:
        """The first row of words that names at least three of the four core columns."""
        core = set(CORE)
        for page in doc.pages:
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
        page = self.table_page(doc)
        first = " ".join(b.text for p in doc.pages[:2] for b in p.blocks).lower()
        text = " ".join(w.text for w in doc.page(page).words).lower() if page else ""
        period = any(next(lx.labels_in("meetperiode", b.text), None) or next(lx.labels_in("meetperiode", b.text, "phrases"), None)
                     for p in doc.pages[:4] for b in p.blocks)
        signals = [
            Signal("Tabel met steekproef/benaderd, ingevuld/respondenten, respons en rapportcijfer (als kolommen of rijen)",
                   page is not None, 0.6, page),
            Signal("Alle vier de maten genoemd", len(_measures_on(text)) == 4, 0.1, page),
            Signal("'tevredenheid' of 'KTO' op de eerste pagina's", "tevredenheid" in first or "kto" in first, 0.2, 1),
            Signal("Een meetperiode genoemd", period, 0.1),
        ]
        return Detection.from_signals(self, signals)

    # ---- parsing ---------------------------------------------------------------------
    def parse(self, doc: Document) -> Facts:
        facts = Facts()
        view = ff.TextView(doc)
        blocks = [b for p in doc.pages for b in p.body_blocks]
        self.cover(view, facts)
        self.approached(view, facts)
        self.questions(blocks, facts)
        table = self.results(doc, facts)
        self.approach(doc, blocks, facts, table)
        self.judge(facts, table)
        return facts

    def explain(self, facts: Facts, text: str) -> None:
        facts._explain.append(text)

    def _record(self, facts: Facts, name: str, found: ff.Finding | None) -> None:
        if found is None:
            facts.not_found(name, ff.LOOKED[name], vouched=False)
            self.explain(facts, f"{name}: niet gevonden ({ff.LOOKED[name]})")
            return
        setattr(facts, name, found.value)
        facts.evidence[name] = found.evidence()
        self.explain(facts, f"{name}: {found.entry} (pagina {found.page}: {found.raw!r})")

    def cover(self, view: ff.TextView, facts: Facts) -> None:
        supplier = ff.supplier(view)
        bureau = ff.bureau(view, facts.warnings, supplier.value if supplier else None)
        if bureau is not None and supplier is not None and bureau.value == supplier.value and "voorblad" in bureau.entry:
            bureau = None  # the cover's top line names the supplier (its logo), not the bureau
        self._record(facts, "bureau", bureau)
        self._record(facts, "supplier", supplier)
        self._record(facts, "report_date", ff.report_date(view, facts.warnings))
        self._record(facts, "final", ff.final(view))
        self._record(facts, "meetperiode", ff.meetperiode(view, facts.warnings))

    def approached(self, view: ff.TextView, facts: Facts) -> None:
        found = ff.approached(view)
        if found is None:
            facts.not_found("approached", ff.LOOKED["approached"], vouched=False)
            self.explain(facts, f"approached: niet gevonden ({ff.LOOKED['approached']})")
            return
        facts.approached = Approached(clienten=found.value)
        facts.evidence["approached"] = found.evidence()
        self.explain(facts, f"approached: {found.entry} (pagina {found.page}: {found.raw!r})")

    def approach(self, doc: Document, blocks: list[Block], facts: Facts, table: ResultsTable | None = None) -> None:
        """The paragraph that says how people were invited: an invitation word and a way of
        approaching from the lexicon (``[approach]``), first one of the ways the rules know
        (e-mail, letter or post, telephone), then any. Not found: the whole text is searched for
        the lexicon's ways, and the absence is vouched for only when none occurs, the results were
        read and every page has a usable text layer (``reader/absence.py``)."""
        pats = lx.approach_patterns()
        ways = lx.word_groups("approach")
        for wanted in ({"e-mail", "brief of per post", "telefonisch"}, None):
            for b in blocks:
                if not pats["invited"].search(b.text):
                    continue
                clean = pats["contact"].sub(" ", b.text)
                named = {name for name, p in ways if p.search(clean)}
                if not named or (wanted is not None and not named & wanted):
                    continue
                facts.approach = Approach(
                    email="e-mail" in named,
                    schriftelijk="brief of per post" in named,
                    herinnering=bool(cached.search(r"herinnering|rappel|reminder", b.text, regex.I)),
                    telefonisch="ja" if "telefonisch" in named else None,
                    text=b.text,
                    page=b.page,
                )
                facts.evidence["approach"] = Evidence(page=b.page, raw=b.text, bbox=b.bbox)
                self.explain(facts, f"approach: {', '.join(sorted(named))} (pagina {b.page})")
                return
        absence.record(doc, facts, "approach", "approach", page=table.page if table is not None else None,
                       not_understood=None if facts.results else "de resultatentabel is niet gelezen")

    def questions(self, blocks: list[Block], facts: Facts) -> None:
        """Lines that end in a question mark, as printed (tables, captions or lists of questions)."""
        seen: set[str] = set()
        for b in blocks:
            current: list[str] = []  # the lines of a question that wraps ('... de planning van de' / 'scholing?')
            for line in b.lines:
                text = line.text.strip()
                if cached.match(r"^(?:vraag\s+)?\d+[.)]\s", text, regex.I):
                    current = []  # a numbered question starts here
                current.append(text)
                if text.endswith("?"):
                    question = " ".join(current)
                    if len(question) > 12 and question not in seen and len(question) < 300:
                        seen.add(question)
                        facts.questions.append(Question(figure=str(len(facts.questions) + 1), text=question, page=line.page))
                    current = []
                elif text.endswith((".", ":", "!")):
                    current = []
        if not facts.questions:
            facts.not_found("questions", "regels die eindigen op een vraagteken (alle pagina's)")

    def results(self, doc: Document, facts: Facts) -> ResultsTable | None:
        table, notes = read_results(doc)
        for n in notes:
            self.explain(facts, n)
        if table is None:
            caption = self._caption_anywhere(doc)
            if caption is not None:
                facts.unreadable("results", f"tabel '{caption.text}' gevonden, maar de rijen konden niet worden gelezen", caption.page)
                facts.warnings.append(f"De resultatentabel op pagina {caption.page} kon niet worden gelezen.")
            else:
                facts.not_found("results", ff.LOOKED["results"], vouched=False)
                facts.warnings.append("Geen resultatentabel gevonden (kolommen steekproef, ingevuld, respons en rapportcijfer).")
            return None
        for d in table.decisions:
            self.explain(facts, d)
        if any(conf.split_code(r.label)[0] for r in table.rows if not r.heading):
            table.codes = perceel_codes(doc)
            facts.perceel_codes = dict(table.codes)
            if table.codes:
                self.explain(facts, "perceelcodes uit de tekst: " + ", ".join(f"{k} = {v}" for k, v in table.codes.items()))
        caption = self.caption(doc, table)
        table.caption = caption
        where = ", ".join(map(str, table.pages))
        facts.evidence["results"] = Evidence(
            page=table.page, raw=f"{caption or ' '.join(c for c in table.grids[0].matrix()[0] if c)} (gelezen met {table.method}, pagina {where})",
            bbox=table.grids[0].bbox)
        facts.results = conf.mark_subtotals(list(self.rows(table, facts)))
        if conf.respons_as_proportion(facts.results):
            self.explain(facts, "respons gedrukt als aandeel (0,45 = 45 %); elke rij klopt zo met ingevuld / netto steekproef")
        for r in facts.results:
            if r.is_total and lx.label_kind(r.service) != "total":
                self.explain(facts, f"'{r.service}' is het subtotaal van de clusters eronder (pagina {r.page})")
        marked = [(r, k, t) for r in facts.results for k, t in r.raw.items() if " ".join(t.split()) != cell.without_footnote(t)]
        if marked:
            shown = "; ".join(f"'{t}' bij '{r.service}' (pagina {r.page})" for r, _, t in marked[:4]) + (" ..." if len(marked) > 4 else "")
            facts.warnings.append(f"Voetnoottekens achter waarden in de resultatentabel weggelaten: {shown}. Lees de voetnoot in het rapport.")
            self.explain(facts, f"voetnoottekens weggelaten bij {len(marked)} waarde(n): {shown}")
        if not facts.results:
            facts.unreadable("results", f"tabel op pagina {table.page} gevonden, maar zonder leesbare rijen", table.page)
            facts.warnings.append(f"De resultatentabel op pagina {table.page} bevat geen rijen.")
        return table

    @staticmethod
    def _caption_anywhere(doc: Document):
        for p in doc.pages:
            for b in p.body_blocks:
                if cached.match(r"^tabel\s+\d+(?:\.\d+)*\.?\s+.*(respons|resultat|rapportcijfer)", b.text, regex.I):
                    return b
        return None

    @staticmethod
    def caption(doc: Document, table: ResultsTable) -> str | None:
        """The line just above the table when it names a table ("Tabel 2.1 ...")."""
        g = table.grids[0]
        page = doc.page(g.page)
        above = [line for line in page.lines if line.bbox[3] <= g.bbox[1] + 1 and g.bbox[1] - line.bbox[3] < 40]
        if above and cached.match(r"^tabel\b", above[-1].text, regex.I):
            return above[-1].text
        return None

    def rows(self, table: ResultsTable, facts: Facts):
        group = None
        under = None  # a perceel named by a heading row over its clusters
        for row in table.rows:
            label = " ".join(row.label.split())
            if row.heading:
                if m := RE_GROUP.match(label):
                    group = "opdrachtgevers" if m["g"].lower().startswith(("opdracht", "werkgever")) else "clienten"
                elif lx.label_kind(label) == "perceel":
                    under = label
                continue
            if lx.label_kind(label) in ("perceel", "total"):
                under = None  # the next perceel (or the total) ends the clusters under the heading
            v = row.values
            try:
                netto = cell.count(v.get("netto_steekproef", ""))
                values = {
                    "netto_steekproef": netto,
                    "benaderd": netto,
                    "ingevuld": cell.count(v.get("ingevuld", "")),
                    "respons_pct": cell.fraction(v.get("respons_pct", "")),
                    "rapportcijfer": cell.fraction(v.get("rapportcijfer", "")),
                    "beeindigd": cell.count(v.get("beeindigd", "")),
                }
            except dutch.DutchParseError as exc:
                facts.warnings.append(f"Waarde in de resultatentabel niet gelezen (pagina {row.page}, {label!r}): {exc}")
                values = {}
            out = ResultRow(
                group=group,
                service=label,
                heading=row.under or under,
                is_total=lx.label_kind(label) == "total",
                page=row.page,
                raw={("benaderd" if k == "netto_steekproef" else k): t for k, t in v.items() if t},
                **values,
            )
            yield out

    def judge(self, facts: Facts, table: ResultsTable | None) -> None:
        """Confidence from evidence; a vendor parser that knows its layout may set it instead."""
        if self.confidence is not None:
            facts.confidence = self.confidence
            return
        if table is None:
            facts.confidence = "low"
            return
        core = {"netto_steekproef", "ingevuld", "respons_pct", "rapportcijfer"}
        header_ok = core <= set(table.measures)
        headings: dict[int, str] = {}
        current = ""
        i = 0
        for row in table.rows:
            if row.heading:
                if not RE_GROUP.match(" ".join(row.label.split())):
                    current = " ".join(row.label.split())
                continue
            headings[i] = row.under or current
            i += 1
        reasons = conf.assess(facts.results, header_ok, headings, guesses=table.guesses, codes=table.codes)
        if not header_ok:
            missing = ", ".join(MEASURE_NAMES[k] for k in sorted(core - set(table.measures)))
            reasons[0] = f"De kop van de resultatentabel is niet volledig herkend: {missing} ontbreekt."
        facts.confidence = "low" if reasons else "high"
        if reasons:
            facts.warnings.append("Lage zekerheid: " + " ".join(reasons[:6]) + (" ..." if len(reasons) > 6 else ""))
            self.explain(facts, f"zekerheid laag: {len(reasons)} bevinding(en)")
        else:
            self.explain(facts, "zekerheid hoog: respons = ingevuld / netto steekproef per rij, totalen kloppen, "
                                "alle labels zijn percelen of clusters, kop herkend")


def _as_float(value: int | float | None) -> float | None:
    return None if value is None else float(value)
