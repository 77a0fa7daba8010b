"""Jobcoaching annual reports in UWV's rapportageformat (seed 001).

The format asks for: the scores per jobcoachperiode of werknemer and werkgever ("Weergave
cijfers", a table Werknemer | Cijfer klanttevredenheid | Werkgever | Cijfer klanttevredenheid,
closed by "Behaald cijfer 36:5 = 7.2 | 35,5:5 = 7.1"), per question how often each answer was given
("Weergave vragen": werknemer nee / niet helemaal / ja; werkgever onvoldoende / matig /
voldoende / goed), and an analysis with conclusions ("Analyse van de resultaten"). The cover gives
the organisation, the date of recognition ("Datum erkenning") and the meetperiode.

Other organisations lay the same facts out otherwise, and the parser reads them by what the
headers say, not by where the seed puts them: a score column belongs to the group its header
names ("Cijfer werkgever", "Score klant-werknemer", "opdrachtgever (werkgever)"), else to the name
column just before it (the seed); when neither settles it nothing is read and the periods are
recorded as unreadable. Werknemers and werkgevers may stand in one table, in two tables of their
own (joined per period number, else by order), or in a table with a column per period; a score
"n.v.t." is no mark. Answer counts may have a percentage beside each count (the counts are read,
the percentages only checked against them), the answers may be rows and the questions columns.

Scores are on a scale of 1 to 10, so "7.5" (as in UWV's own example) can only mean 7,5; that
is the one place a decimal point is read as a decimal separator.
"""

from __future__ import annotations

import regex

from kto_ingest import dutch
from kto_ingest.document import Block, Document, Line, Page, Word
from kto_ingest.registry import Detection, Parser, Signal, add_evidence
from kto_ingest.schema import AnswerCounts, Evidence, Facts, JobcoachPeriod, Jobcoaching, Period
from kto_ingest.reader import absence
from kto_ingest.reader import facts as ff
from kto_ingest.reader import lexicon as lx
from kto_ingest.reader.grid import logical_rows, page_grids
from kto_ingest.tables import _visual_rows

DATE = r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{1,2}\s+\p{L}+\s+\d{4}"
RE_ORG = regex.compile(r"^(?:Jobcoachorganisatie|Organisatie)\s*:\s*(?P<name>.+?)\s*$", regex.I)
RE_RECOGNITION = regex.compile(rf"Datum erkenning\s*:?\s*(?P<date>{DATE})", regex.I)
RE_PERIOD = regex.compile(rf"Meetperiode\s*:?\s*(?P<start>{DATE})\s+(?:tot\s+en\s+met|t/m|-|–)\s+(?P<end>{DATE})", regex.I)
RE_REPORT_DATE = regex.compile(rf"^\p{{Lu}}[\p{{L}}' -]+,\s+(?P<date>{DATE})\s*$")
RE_SCORE = regex.compile(r"^(?P<int>\d{1,2})(?:[.,](?P<frac>\d{1,2}))?$")
RE_AVERAGE = regex.compile(r"(?P<sum>\d+(?:[.,]\d+)?)\s*:\s*(?P<n>\d+)\s*=\s*(?P<avg>\d{1,2}(?:[.,]\d{1,2})?)")
SCALES = {
    "werknemer": ("nee", "niet helemaal", "ja"),
    "werkgever": ("onvoldoende", "matig", "voldoende", "goed"),
}


def score(text: str) -> float | None:
    """A mark on the 1-10 scale: '7', '7,5' or '7.5'. Anything else raises."""
    text = text.strip()
    if not text:
        return None
    m = RE_SCORE.match(text)
    if not m or not 1 <= float(f"{m['int']}.{m['frac'] or 0}") <= 10:
        raise dutch.DutchParseError(f"{text!r} is geen cijfer tussen 1 en 10")
    return float(f"{m['int']}.{m['frac'] or 0}")


GROUPS = ("werknemer", "werkgever")
RE_SCORE_HEAD = regex.compile(r"cijfer|score|tevredenheid|waardering")
RE_NOT_GIVEN = regex.compile(r"^(?:n\.?\s?v\.?\s?t\.?|n\.?b\.?|geen(?: cijfer)?|[-–—])$", regex.I)
RE_PERIOD_LABEL = regex.compile(r"^(?:nr\.?|nummer|no\.?|#|(?:jobcoach)?periode|jobcoachperiode nr\.?)$")


def mark(text: str) -> float | None:
    """A period's mark; 'n.v.t.', 'geen' or a dash (no form returned) is no mark: None."""
    if RE_NOT_GIVEN.match(text.strip()):
        return None
    return score(text)


_NAMED_AVERAGE = regex.compile(r"(?<![\p{L}])(?P<g>werknemers?|werkgevers?|wn|wg)\s*[:=]?\s*(?P<v>\d{1,2}(?:[,.]\d{1,2})?)(?![\d%])",
                                regex.IGNORECASE)


def _averages_named(text: str) -> dict[str, str]:
    """{'werknemer': '7,8', 'werkgever': '7,5'} from 'werknemers: 7,8 – werkgevers: 7,5'; a group
    named twice gives nothing for it (which number would it be?)."""
    found: dict[str, list[str]] = {}
    for m in _NAMED_AVERAGE.finditer(text):
        group = "werknemer" if m["g"].lower().startswith(("werkn", "wn")) else "werkgever"
        found.setdefault(group, []).append(m["v"])
    return {g: v[0] for g, v in found.items() if len(v) == 1}


def _group_named(text: str) -> str | None:
    """Which group a header names: 'werknemer' ('Werknemers', 'klant-werknemer', 'Cijfer
    werknemer', 'Cijfer wn'), 'werkgever' ('opdrachtgever (werkgever)', 'Cijfer wg'), 'beide'
    when it names both."""
    wn = regex.search(r"werknemer|(?<![\p{L}])wn(?![\p{L}])", text) is not None  # 'wn', 'wg': the usual abbreviations
    wg = regex.search(r"werkgever|opdrachtgever|(?<![\p{L}])wg(?![\p{L}])", text) is not None
    return "beide" if wn and wg else "werknemer" if wn else "werkgever" if wg else None


def _period_columns(head: list[str]) -> tuple[dict[str, int], dict[str, int], int | None, str | None]:
    """The columns of a periods table from its header texts (lower case): each group's name
    column, each group's score column, the period-number column, and why the table cannot be
    read when it cannot. A score column belongs to the group its header names ('Cijfer
    werknemer'); one that names no group ('Cijfer klanttevredenheid', as in the seed) to the name
    column just before it. When that leaves it open ('Werknemer | Werkgever | Cijfer | Cijfer') or
    gives a group two scores, nothing is mapped: a score under the wrong group is worse than none."""
    names: dict[str, int] = {}
    scores: dict[str, int] = {}
    label = None
    score_cols = [i for i, h in enumerate(head) if RE_SCORE_HEAD.search(h)]
    for i, h in enumerate(head):
        if i in score_cols:
            continue
        group = _group_named(h)
        if group in GROUPS:
            if group in names:
                return {}, {}, None, f"twee kolommen met {group}s ('{head[names[group]]}', '{h}')"
            names[group] = i
        elif label is None and RE_PERIOD_LABEL.match(" ".join(h.split())):
            label = i
    unnamed = []
    for i in score_cols:
        group = _group_named(head[i])
        if group == "beide":
            return {}, {}, None, f"de kolom '{head[i]}' noemt werknemer en werkgever"
        if group in GROUPS:
            if group in scores:
                return {}, {}, None, f"twee cijferkolommen voor de {group}s ('{head[scores[group]]}', '{head[i]}')"
            scores[group] = i
        else:
            unnamed.append(i)
    for i in unnamed:
        group = next((g for g, c in names.items() if c == i - 1), None)
        if group is None and len(score_cols) == 1 and len(names) == 1:
            group = next(iter(names))  # one group's own table: 'Periode | Werknemer | Cijfer'
        if group is None or group in scores:
            return {}, {}, None, (f"de kolomkop '{head[i]}' zegt niet of het cijfer van de werknemer of van de werkgever is, "
                                  f"en de volgorde van de kolommen ({' | '.join(h for h in head if h)}) maakt dat niet eenduidig")
        scores[group] = i
    return names, scores, label, None


UNITS = {"n", "aantal", "abs", "abs.", "#", "%", "perc", "perc.", "percentage", "procent", "(n)", "(%)"}


def _scale_named(text: str) -> str | None:
    """Which answer scale a header's text names: onvoldoende / matig / voldoende / goed
    (werkgever) or nee / niet helemaal / ja (werknemer)."""
    if "matig" in text and "goed" in text:
        return "werkgever"
    if regex.search(r"\bnee\b", text) and regex.search(r"\bja\b", text):
        return "werknemer"
    return None


def _period_segments(matrix: list[list[str]]) -> list[list[list[str]]]:
    """One grid holding several periods tables one under the other (the werknemers', then under
    a header of their own the werkgevers'): a part per header row, a row without a number that
    names a group and a score ('Periode | Werkgever | Cijfer')."""
    bounds = [0]
    for r, row in enumerate(matrix):
        text = " ".join(row).lower()
        if r > bounds[-1] + 1 and not any(ch.isdigit() for ch in text) and _group_named(text) and RE_SCORE_HEAD.search(text) \
                and any(any(ch.isdigit() for c in prev for ch in c) for prev in matrix[bounds[-1]:r]):
            bounds.append(r)
    return [matrix[a:b] for a, b in zip(bounds, bounds[1:] + [len(matrix)])]


PERIOD_PROBLEM = "Cijfers per jobcoachperiode niet gelezen"


def _period_problem(facts: Facts, page: int, problem: str) -> None:
    """A periods table whose score columns cannot be told apart: said in the warnings, and the
    periods (and their averages) recorded as present but unreadable, so that a person looks."""
    text = f"{PERIOD_PROBLEM} (pagina {page}): {problem}."
    if text not in facts.warnings:
        facts.warnings.append(text)
    if "jobcoaching.periods" not in facts.fact_status:
        facts.unreadable("jobcoaching.periods", problem, page)
        for group in GROUPS:
            if getattr(facts.jobcoaching, f"{group}_avg") is None:
                facts.unreadable(f"jobcoaching.{group}_avg", problem, page)

def _same_word(printed: str, answer: str) -> bool:
    """'onvoldoe' is 'onvoldoende' cut at the cell edge; 'voldoend' is not 'onvoldoende'."""
    return printed == answer or (len(printed) >= 4 and answer.startswith(printed))


# A question printed as a code: 'V1', 'v 12', 'Vraag 3', 'Q2', '4a'.
RE_QUESTION_CODE = regex.compile(r"(?:v|q|vr\.?|vraag)?\s?\d{1,2}[a-z]?\.?", regex.I)
RE_LEGEND_ITEM = regex.compile(r"^(?P<code>(?:v|q|vr\.?|vraag)?\s?\d{1,2}[a-z]?)\s*[.:)=–-]?\s+(?P<text>\p{L}.*)$", regex.I)


def _code_key(code: str) -> str:
    """'V1', 'v 1', 'V1.' -> 'v1'; 'Vraag 1' -> 'vraag1'."""
    return regex.sub(r"[\s.]", "", code.lower())


def _legend(doc: Document, number: int) -> dict[str, str]:
    """The question legend on a page: code -> question, each item's lines joined until the next
    code, a question mark or a gap wider than a line."""
    if number > doc.page_count:
        return {}
    out: dict[str, str] = {}
    for block in doc.page(number).body_blocks:
        code, text, last = None, "", None
        for line in block.lines:
            m = RE_LEGEND_ITEM.match(line.text.strip())
            gap = last is not None and line.bbox[1] - last.bbox[3] > (last.bbox[3] - last.bbox[1])
            if m:
                if code and text:
                    out.setdefault(code, " ".join(text.split()))
                code, text = _code_key(m["code"]), m["text"]
            elif code and not gap and not text.rstrip().endswith("?"):
                text += " " + line.text
            else:
                if code and text:
                    out.setdefault(code, " ".join(text.split()))
                code, text = None, ""
            last = line
        if code and text:
            out.setdefault(code, " ".join(text.split()))
    return out


def _bands(starts: list[float]) -> list[tuple[float, float]]:
    """Column bands from the left edges of the header cells: each runs to just before the next."""
    return [(x - 4, (starts[i + 1] - 4) if i + 1 < len(starts) else float("inf")) for i, x in enumerate(starts)]


def _cells(words: list[Word], bands: list[tuple[float, float]]) -> list[str]:
    return [" ".join(w.text for w in sorted(words, key=lambda w: w.x0) if lo <= w.x0 < hi) for lo, hi in bands]


class JobcoachingParser(Parser):
    id = "uwv-jobcoaching"
    name = "UWV rapportageformat Klanttevredenheid Jobcoaching"
    min_score = 0.6
    regime = "uwv-jobcoaching"

    def detect(self, doc: Document) -> Detection:
        first = " ".join(b.text for p in doc.pages[:2] for b in p.blocks).lower()
        text = " ".join(b.text for p in doc.pages for b in p.blocks).lower()
        recognition = any(lx.label_at_start("recognition_date", line.text.strip())
                          for p in doc.pages[:2] for line in p.lines)
        # the format's two score columns: per jobcoachperiode a werknemer and a werkgever with a mark each
        score_table = "werknemer" in text and "werkgever" in text and (
            "cijfer klanttevredenheid" in text or "behaald cijfer" in text
            or regex.search(r"cijfer\s+werknemer|cijfer\s+werkgever|werknemer\s+cijfer|werkgever\s+cijfer", text) is not None
            or len(RE_AVERAGE.findall(text)) >= 2)
        # the format's two answer scales: nee / niet helemaal / ja and onvoldoende / matig / voldoende / goed
        scales = "weergave vragen" in text or "niet helemaal" in text or all(
            regex.search(rf"\b{w}\b", text) for w in SCALES["werkgever"])
        signals = [
            Signal("'Klanttevredenheid' en 'Jobcoach' op het voorblad", "klanttevredenheid" in first and "jobcoach" in first, 0.3, 1),
            Signal("Datum van erkenning genoemd ('Datum erkenning', 'Erkenningsdatum', ...)", recognition or "datum erkenning" in text, 0.2),
            Signal("Tabel met cijfers per werknemer en werkgever ('Cijfer klanttevredenheid', 'Behaald cijfer', 'som : n = gemiddelde')",
                   score_table, 0.3),
            Signal("'Weergave vragen' of een antwoordschaal ('niet helemaal'; onvoldoende/matig/voldoende/goed)", scales, 0.2),
        ]
        return Detection.from_signals(self, signals)

    def parse(self, doc: Document) -> Facts:
        facts = Facts(jobcoaching=Jobcoaching())
        self.cover(doc, facts)
        both_read = None  # the page on which answers of both scales had been read
        halves: dict = {}  # one group's own periods table, until the other group's is found
        for page in doc.pages:
            if facts.jobcoaching.periods and both_read is not None and page.number > both_read + 1:
                break  # both tables read, and the page after them (a table may run on): the rest is other matter
            texts = {w.text.lower() for w in page.words}
            if texts & {"klanttevredenheid", "vraag", "cijfer", "cijfers"} or halves:  # only table pages are sorted into rows
                rows = _visual_rows(page.words)
                self.periods(page, rows, facts)
                named = any(regex.search(r"werknemer|werkgever|opdrachtgever", t) for t in texts)
                if not facts.jobcoaching.periods and (named or halves):
                    self.periods_from_grids(doc, page, facts, halves)
                # only a page that names a scale's answers can hold an answer table
                scale = ("matig" in texts and "goed" in texts) or ("nee" in texts and "ja" in texts)
                if not (scale and self.answers_from_grids(doc, page, facts)):
                    self.answers(page, rows, facts)
                if both_read is None and {a.group for a in facts.jobcoaching.answers} == {"werknemer", "werkgever"}:
                    both_read = page.number
        if len(halves) == 1 and not facts.jobcoaching.periods:
            (group, half), = halves.items()
            other = "werkgevers" if group == "werknemer" else "werknemers"
            facts.warnings.append(f"Alleen de tabel met cijfers van de {group}s gevonden (pagina {half['page']}), niet die van de {other}.")
            if half["avg"] is not None:
                self._set_averages({group: half["avg"]}, half["avg_line"], half["page"], facts)
        self._questions_from_legend(doc, facts)
        self.analysis([b for p in doc.pages for b in p.body_blocks], facts)
        view = ff.TextView(doc)
        if jc_missing := facts.jobcoaching.analysis is None:
            if found := ff.analysis_section(view):
                facts.jobcoaching.analysis, page, bbox = found
                facts.evidence["analysis"] = Evidence(page=page, raw=found[0][:200], bbox=bbox)
        self.cover_lexicon(view, facts)
        jc = facts.jobcoaching
        unread = facts.fact_status.get("jobcoaching.periods")
        if jc.periods and unread is not None and unread.status == "unreadable":
            for fact in ("jobcoaching.periods", "jobcoaching.werknemer_avg", "jobcoaching.werkgever_avg"):
                facts.fact_status.pop(fact, None)  # another table (or reading) of the periods did read
            facts.warnings = [w for w in facts.warnings if not w.startswith(PERIOD_PROBLEM)]
        elif not jc.periods and unread is None:
            facts.warnings.append("Tabel met cijfers per jobcoachperiode niet gevonden.")
            facts.not_found("jobcoaching", "in de tabellen met 'Werknemer', 'Werkgever' en 'Cijfer' (alle pagina's)")
        if not jc.periods:
            facts.warnings += facts._deferred
        if jc.analysis is None:
            # the analysis follows the tables in the format: its place is after the last one read
            pages = [a.page for a in jc.answers if a.page] + [p.page for p in jc.periods if p.page]
            absence.record(doc, facts, "analysis", "jobcoaching.analysis", page=max(pages, default=None),
                           not_understood=None if jc.periods else "de tabel met cijfers per jobcoachperiode is niet gelezen")
        del jc_missing
        ff.record_absent(facts, {"report_date": ff.LOOKED["report_date"], "meetperiode": ff.LOOKED["meetperiode"],
                                 "supplier": "op het voorblad ('Organisatie:' of 'Jobcoachorganisatie:')"})
        return facts

    def cover_lexicon(self, view: "ff.TextView", facts: Facts) -> None:
        """What the seed's wording did not give: the lexicon's synonyms (a meetperiode after 'Periode
        van meting', a report date on its own line after 'Datum rapportage:')."""
        jc = facts.jobcoaching
        if jc.recognition_date is None:
            for row in view.front(2):
                m = lx.label_at_start("recognition_date", row.text)
                if m and (d := lx.find_date(m.value)):
                    jc.recognition_date = d[0]
                    facts.evidence["recognition_date"] = Evidence(page=row.page, raw=row.text, bbox=row.bbox)
                    facts._explain.append(f"recognition_date: label '{m.label}' (pagina {row.page}: {row.text!r})")
                    break
            else:
                facts.not_found("jobcoaching.recognition_date", "op het voorblad ('Datum erkenning', 'Erkend sinds')")
        for name, finder in (("meetperiode", lambda: ff.meetperiode(view, facts.warnings)),
                             ("report_date", lambda: ff.report_date(view)),
                             ("supplier", lambda: ff.supplier(view) or ff.cover_name(view))):
            if getattr(facts, name) is not None:
                continue
            found = finder()
            if found is None:
                facts.not_found(name, ff.LOOKED[name])
                continue
            setattr(facts, name, found.value)
            facts.evidence[name] = found.evidence()
            facts._explain.append(f"{name}: {found.entry} (pagina {found.page}: {found.raw!r})")

    def cover(self, doc: Document, facts: Facts) -> None:
        for line in (line for p in doc.pages[:2] for line in p.lines):
            text = line.text
            try:
                if facts.supplier is None and (m := RE_ORG.match(text)):
                    facts.supplier = m["name"]
                    add_evidence(facts, "supplier", line)
                elif facts.jobcoaching.recognition_date is None and (m := RE_RECOGNITION.search(text)):
                    facts.jobcoaching.recognition_date = dutch.parse_date(m["date"])
                    add_evidence(facts, "recognition_date", line)
                elif facts.meetperiode is None and (m := RE_PERIOD.search(text)):
                    start, end = dutch.parse_date(m["start"]), dutch.parse_date(m["end"])
                    facts.meetperiode = Period(start=start, end=end)
                    add_evidence(facts, "meetperiode", line, m[0])
                elif facts.report_date is None and (m := RE_REPORT_DATE.match(text)):
                    facts.report_date = dutch.parse_date(m["date"])
                    add_evidence(facts, "report_date", line)
            except dutch.DutchParseError as exc:
                facts.warnings.append(f"Niet gelezen op pagina {line.page}: {exc}")

    def periods(self, page: Page, rows: list[list[Word]], facts: Facts) -> None:
        """Weergave cijfers from the page's words: a header row naming werknemer, werkgever and
        their scores, a row per jobcoachperiode, then 'Behaald cijfer'. Each score column goes to
        the group its header names (or, as in the seed, the name column just before it)."""
        jc = facts.jobcoaching
        if jc.periods:
            return
        head = next((i for i, r in enumerate(rows) if self._is_score_header(r)), None)
        if head is None:
            return
        header = sorted(rows[head], key=lambda w: w.x0)
        cells_words: list[list[Word]] = []  # header words set close together make one cell
        for w in header:
            if cells_words and w.x0 - cells_words[-1][-1].x1 < 6:
                cells_words[-1].append(w)
            else:
                cells_words.append([w])
        starts = [c[0].x0 for c in cells_words]
        bands = _bands(starts)
        head_cells = _cells(header, bands)
        k = head + 1
        # the header's next line ('Cijfer' over 'werknemer'): words only, no number
        while k < len(rows) and k <= head + 2 and not any(ch.isdigit() for w in rows[k] for ch in w.text) and \
                rows[k][0].y0 - max(w.y1 for w in rows[k - 1]) < 6:
            head_cells = [f"{a} {b}".strip() for a, b in zip(head_cells, _cells(rows[k], bands))]
            k += 1
        head_cells = [h.lower() for h in head_cells]
        names, scores, _label, problem = _period_columns(head_cells)
        if problem or set(scores) != set(GROUPS):
            if problem:
                _period_problem(facts, page.number, problem)
            return
        seen = list(header)  # the words of the table, for its box (the evidence crop)
        body, lines = [], []
        for words in rows[k:]:
            cells = _cells(words, bands)
            line = Line(sorted(words, key=lambda w: w.x0))
            first = next((c for c in cells if c.strip()), "")
            if not regex.match(r"(?:behaald|gemiddeld\w*|totaal)\b", first.lower()) and \
                    not all(cells[c] for c in [*names.values(), *scores.values()]):
                break  # the table has ended
            body.append(cells)
            lines.append(line)
            if regex.match(r"(?:behaald|gemiddeld\w*|totaal)\b", first.lower()):
                break
            seen += words
        before = len(facts.warnings)
        self._read_period_rows(body, lines, names, scores, page.number, facts)
        if not jc.periods:
            # no row read this way (a column the header does not name ran into a score): the
            # reader's grids may still read the table; the rows' problems are said only if not
            facts._deferred += facts.warnings[before:]
            del facts.warnings[before:]
        if jc.periods:
            box = (min(w.x0 for w in seen), min(w.y0 for w in seen), max(w.x1 for w in seen), max(w.y1 for w in seen))
            facts.evidence["jobcoaching"] = Evidence(page=page.number, raw=" ".join(w.text for w in header), bbox=box)

    @staticmethod
    def _is_score_header(words: list[Word]) -> bool:
        texts = [w.text.lower() for w in words]
        return "werknemer" in texts and "werkgever" in texts and texts.count("cijfer") >= 2

    def _read_period_rows(self, body: list[list[str]], lines: list[Line | None], names: dict[str, int],
                          scores: dict[str, int], page: int, facts: Facts) -> None:
        """The rows of a table with both groups' scores: a JobcoachPeriod per row, the averages
        from the 'Behaald cijfer' / 'Gemiddeld' row."""
        jc = facts.jobcoaching
        for cells, line in zip(body, lines):
            first = " ".join(next((c for c in cells if c.strip()), "").split())
            if regex.match(r"(?:behaald|gemiddeld\w*|totaal)\b", first.lower()):
                self._set_averages({g: cells[c] for g, c in scores.items()}, line, page, facts)
                break
            if not all(cells[c].strip() for c in scores.values()):
                continue
            if names and not any(cells[c].strip() for c in names.values()):
                continue
            try:
                marks = {g: mark(cells[c]) for g, c in scores.items()}
            except dutch.DutchParseError as exc:
                facts.warnings.append(f"Cijfer per jobcoachperiode niet gelezen (pagina {page}): {exc}")
                continue
            jc.periods.append(JobcoachPeriod(
                werknemer=" ".join(cells[names["werknemer"]].split()) or None if "werknemer" in names else None,
                werknemer_cijfer=marks["werknemer"],
                werkgever=" ".join(cells[names["werkgever"]].split()) or None if "werkgever" in names else None,
                werkgever_cijfer=marks["werkgever"], page=page))

    def _set_averages(self, cells: dict[str, str], line: Line | None, page: int, facts: Facts,
                      evidence: bool = True) -> None:
        """Each group's average as printed under its own score column: plain ('7,2') or the seed's
        'sum:count = average' ('36:5 = 7.2'). A group whose cell does not read stays null."""
        jc = facts.jobcoaching
        # the averages as a sentence on the row ('Gemiddeld behaald cijfer werknemers: 7,8 –
        # werkgevers: 7,5'): each number after its group's name, for a cell that holds none
        said = _averages_named(line.text) if line is not None else {}
        cells = {g: (t if t.strip() and any(ch.isdigit() for ch in t) else said.get(g, t)) for g, t in cells.items()}
        cells.update({g: v for g, v in said.items() if g not in cells})
        for group, text in cells.items():
            text = " ".join(text.split())
            m = RE_AVERAGE.search(text)
            try:
                value = score(m["avg"] if m else text)
            except dutch.DutchParseError:
                value = None
            if value is None:
                facts.warnings.append(f"Behaald cijfer van de {group}s niet gelezen (pagina {page}): {text!r}")
                continue
            setattr(jc, f"{group}_avg", value)
            jc.raw[f"{group}_avg"] = (m["avg"] if m else text).replace(".", ",")
            if m:
                jc.raw[f"{group}_berekening"] = m[0]
        if evidence and line is not None and (jc.werknemer_avg is not None or jc.werkgever_avg is not None):
            add_evidence(facts, "averages", line)

    def answers(self, page: Page, rows: list[list[Word]], facts: Facts) -> None:
        """Weergave vragen: a header 'Vraag' plus the scale's answers, then one row per question."""
        i = 0
        while i < len(rows):
            header = sorted(rows[i], key=lambda w: w.x0)
            group = self._answer_header(header)
            i += 1
            if group is None:
                continue
            scale = SCALES[group]
            columns = self._answer_columns(header, scale)
            if columns is None:
                continue
            bands = _bands([0.0] + columns)  # the question column runs from the left edge (its header may be empty)
            current: AnswerCounts | None = None
            while i < len(rows):
                cells = _cells(rows[i], bands)
                if self._answer_header(sorted(rows[i], key=lambda w: w.x0)):
                    break
                question, counts = cells[0], cells[1:]
                if not question and not all(c.isdigit() for c in counts if c):
                    i += 1  # the rest of a header word cut at the cell edge ('onvoldoe' + 'nde')
                    continue
                if any(counts):
                    try:
                        current = AnswerCounts(group=group, question=question, page=page.number,
                                               counts={a: dutch.parse_int(c) if c else None for a, c in zip(scale, counts)})
                    except dutch.DutchParseError as exc:
                        facts.warnings.append(f"Antwoordaantal niet gelezen (pagina {page.number}, {question!r}): {exc}")
                        current = None
                    if current:
                        facts.jobcoaching.answers.append(current)
                elif question.endswith(":") or not question:
                    current = None  # a lead-in such as "Wat is uw mening over:"
                elif current is not None and rows[i][0].y0 - max(w.y1 for w in rows[i - 1]) < 4:
                    current.question = f"{current.question} {question}"  # the question wraps in its cell
                else:
                    break
                i += 1

    @staticmethod
    def _grid_header(matrix: list[list[str]]) -> tuple[list[str], int]:
        """Header texts per column (over up to four lines) and the number of header rows: the
        rows before the first with a number after its first cell."""
        n = 0
        for row in matrix[:4]:
            if any(any(ch.isdigit() for ch in c) for c in row[1:]):
                break
            n += 1
        head = [" ".join(matrix[r][c] for r in range(n) if matrix[r][c]).lower() for c in range(len(matrix[0]))] if matrix else []
        return head, n

    def answers_from_grids(self, doc: Document, page: Page, facts: Facts) -> bool:
        """Answer counts from the page's cell grids (the reader): a question that wraps over three
        lines stays one question, a header word split over two lines ('onvoldoend' 'e') one word,
        whatever the producer. Each answer may have its count and a percentage under it ('Nee'
        over 'n | %'): then the counts are read in the order of the answers and the percentages
        only checked against them. False when no grid on the page is such a table."""
        found = False
        for grid, matrix in ((g, seg) for g in page_grids(doc, page.number) for seg in self._answer_segments(logical_rows(g))):
            if len(matrix) < 2:
                continue
            # the header opens at the first row that names a scale's answers: rows above it are a
            # caption ('Werknemers') or the tail of the table before
            start = next((r for r, row in enumerate(matrix[:6]) if _scale_named(" ".join(row).lower())), 0)
            while start and any(c.strip() for c in matrix[start - 1][1:]) \
                    and not any(ch.isdigit() for c in matrix[start - 1] for ch in c):
                start -= 1  # the header's line above ('niet' over 'helemaal'); not a caption in the first cell only
            matrix = matrix[start:]
            head, nh = self._grid_header(matrix)
            # a row after the first with words in the question column only is no header line (a
            # header's next line goes on under the answers: 'helemaal', 'e') but the rest of a
            # question cut by the page break
            cut = next((r for r in range(1, nh) if matrix[r][0].strip() and not any(c.strip() for c in matrix[r][1:])), None)
            if cut is not None:
                head, nh = self._grid_header(matrix[:cut])[0], cut
            group = _scale_named(" ".join(head))
            if group is None and self._transposed_answers(logical_rows(grid), page.number, facts, grid.method):
                found = True
                continue
            if group is None or nh == 0:
                continue
            scale = SCALES[group]
            units = any(t in UNITS for h in head[1:] for t in h.split()) or any("%" in c for r in matrix[nh:] for c in r[1:])
            if units:
                order = self._answer_order([" ".join(t for t in h.split() if t not in UNITS) for h in head[1:]], scale)
                if order is None:
                    continue
                cols = None
                total = any(regex.search(r"\btotaal\b", h) for h in head[1:])
            else:
                cols = {}
                for answer in scale:
                    col = next((i for i, h in enumerate(head) if i and (h == answer or _same_word(h.replace(" ", ""), answer.replace(" ", "")))), None)
                    if col is None:  # 'niet helemaal ja' set close together in one header cell
                        col = next((i for i, h in enumerate(head) if i and h.split() and h.split()[0] == answer.split()[0]), None)
                    if col is not None:
                        cols[answer] = col
                if len(cols) != len(scale) or len(set(cols.values())) != len(scale):
                    continue
            for k, r in enumerate(matrix[nh:]):
                question = " ".join(r[0].split())
                if "?" in question[:-1]:
                    # a lead-in set in the same cell after the question ('... jobcoach? Wat vindt u
                    # van de aandacht van de jobcoach'): the question ends at its question mark
                    question = question[:question.index("?") + 1]
                counts = {a: r[c] for a, c in cols.items()} if cols is not None else {"": " ".join(r[1:]).strip()}
                prev = facts.jobcoaching.answers[-1] if facts.jobcoaching.answers else None
                if (k == 0 and question and not any(counts.values()) and prev is not None and prev.group == group
                        and prev.page == page.number - 1 and not prev.question.rstrip().endswith(("?", ":", "."))):
                    # a question cut by the page break: its counts stood on the page before, the rest
                    # of its words open the table again under the repeated header
                    prev.question = f"{prev.question} {question}"
                    facts._explain.append(f"pagina {page.number}: vraag van pagina {prev.page} loopt door: {question!r}")
                    continue
                if not any(counts.values()) or question.lower().startswith("vraag") and not any(ch.isdigit() for ch in "".join(counts.values())):
                    continue  # a lead-in such as "Wat is uw mening over:", or a repeated header
                if all(t.lower() in UNITS for v in counts.values() for t in v.split()):
                    continue  # the header's 'n | %' line, when the grid set it apart from the header
                try:
                    if cols is None:
                        values = self._counts_with_percentages(counts[""], order, total, page.number, question, facts)
                        if values is None:
                            continue
                    else:
                        values = {a: dutch.parse_int(v) if v else None for a, v in counts.items()}
                    facts.jobcoaching.answers.append(AnswerCounts(group=group, question=question, page=page.number, counts=values))
                    found = True
                except dutch.DutchParseError as exc:
                    facts.warnings.append(f"Antwoordaantal niet gelezen (pagina {page.number}, {question!r}): {exc}")
            how = " (aantallen; de percentages ernaast vergeleken, niet gebruikt)" if cols is None else ""
            facts._explain.append(f"pagina {page.number}: antwoordaantallen {group} gelezen uit een tabel ({grid.method}){how}")
        return found

    def _questions_from_legend(self, doc: Document, facts: Facts) -> None:
        """Questions printed as codes in the answer table ('V1' .. 'V9', 'Vraag 3') with a legend
        under or after it ('V1. Het aantal keren dat ...?'): the code becomes the legend's question.
        Looked for on the table's page and the next; a code the legend does not give stays as
        printed, so that JC-VRAGEN asks a person."""
        coded = [a for a in facts.jobcoaching.answers if RE_QUESTION_CODE.fullmatch(a.question.strip())]
        if not coded:
            return
        legends: dict[int, dict[str, str]] = {}
        for a in coded:
            page = a.page or 1
            if page not in legends:
                legends[page] = _legend(doc, page + 1) | _legend(doc, page)  # this page's item wins
            code = _code_key(a.question)
            if question := legends[page].get(code):
                if "?" in question[:-1]:  # a remark after the question: the question ends at its mark
                    question = question[:question.index("?") + 1]
                facts._explain.append(f"pagina {page}: vraag {a.question.strip()!r} uit de legenda: {question!r}")
                a.question = question

    def _transposed_answers(self, matrix: list[list[str]], page: int, facts: Facts, method: str) -> bool:
        """Answers as rows and questions as columns: 'Antwoord | vraag 1 | vraag 2', then a row
        'Nee | 1 | 0' per answer of one scale (each answer once, as the first cell). A lead-in
        over the questions ('Wat is uw mening over: ...') is no part of a question."""
        first = [" ".join(r[0].lower().split()) for r in matrix]
        for group, scale in SCALES.items():
            rows = {}
            for i, label in enumerate(first):
                answer = next((a for a in scale if label == a or _same_word(label.replace(" ", ""), a.replace(" ", ""))), None)
                if answer is not None and label:
                    if answer in rows:
                        return False
                    rows[answer] = i
            if len(rows) != len(scale):
                continue
            top = min(rows.values())
            if top == 0 or top > 4 or max(rows.values()) - top != len(scale) - 1:
                return False
            read = 0
            for c in range(1, len(matrix[0])):
                question = " ".join(" ".join(matrix[r][c] for r in range(top)).split())
                if ":" in question[:-1]:
                    question = question.rsplit(":", 1)[1].strip()
                cells = {a: matrix[i][c].strip() for a, i in rows.items()}
                if not question or regex.match(r"(?:totaal|n|aantal)\b", question.lower()) or not any(cells.values()):
                    continue
                try:
                    facts.jobcoaching.answers.append(AnswerCounts(group=group, question=question, page=page, counts={
                        a: dutch.parse_int(v) if v else None for a, v in cells.items()}))
                    read += 1
                except dutch.DutchParseError as exc:
                    facts.warnings.append(f"Antwoordaantal niet gelezen (pagina {page}, {question!r}): {exc}")
            if read:
                facts._explain.append(f"pagina {page}: antwoordaantallen {group} gelezen uit een tabel met een rij per antwoord en "
                                      f"een kolom per vraag ({method})")
            return read > 0
        return False

    @staticmethod
    def _answer_segments(matrix: list[list[str]]) -> list[list[list[str]]]:
        """One grid holding both groups' answers, each under its own scale's header row: a part per
        scale, so that no werkgever row is read under the werknemer's columns."""
        bounds, group = [0], None
        for r, row in enumerate(matrix):
            if any(ch.isdigit() for c in row for ch in c):
                continue
            named = _scale_named(" ".join(row).lower())
            if named is None:
                continue
            if group is not None and named != group:
                b = r
                while b - 1 > bounds[-1] and not any(ch.isdigit() for c in matrix[b - 1] for ch in c):
                    b -= 1  # the new part's caption and header lines above the one naming its scale
                bounds.append(b)
            group = named
        return [matrix[a:b] for a, b in zip(bounds, bounds[1:] + [len(matrix)])]

    @staticmethod
    def _answer_order(head: list[str], scale: tuple[str, ...]) -> list[str] | None:
        """The scale's answers in the order the header prints them (the answer columns may be
        reversed, 'goed' first; a word may be cut at the cell edge, 'onvoldoend'); None when an
        answer is not named exactly once."""
        tokens = " ".join(h for h in head if h).split()
        at = {}
        for answer in scale:
            parts = answer.split()
            found = [i for i in range(len(tokens) - len(parts) + 1)
                     if all(_same_word(tokens[i + k], w) for k, w in enumerate(parts))]
            if len(found) != 1:
                return None
            at[answer] = found[0]
        return sorted(at, key=at.get)

    @staticmethod
    def _counts_with_percentages(text: str, order: list[str], total: bool, page: int, question: str,
                                 facts: Facts) -> dict[str, int] | None:
        """'3 33% 2 22% 4 44%': the counts, in the order of the answers; the percentages are no
        counts, but must agree with them (within rounding), else the row is not read."""
        text = regex.sub(r"(\d)\s+%", r"\1%", text)
        tokens = text.split()
        counts = [t for t in tokens if regex.fullmatch(r"\d+", t)]
        pcts = [t for t in tokens if regex.fullmatch(r"\d+(?:[.,]\d+)?%", t)]
        other = [t for t in tokens if t not in counts and t not in pcts]
        if total and len(counts) == len(order) + 1 and sum(map(int, counts[:-1])) == int(counts[-1]):
            counts = counts[:-1]  # the Totaal column
        if other or len(counts) != len(order) or pcts and len(pcts) != len(order):
            facts.warnings.append(f"Antwoordaantal niet gelezen (pagina {page}, {question!r}): {text!r} geeft niet "
                                  f"precies één aantal per antwoord ({', '.join(order)})")
            return None
        values = [int(c) for c in counts]
        n = sum(values)
        if pcts and n:
            off = [(c, p) for c, p in zip(values, pcts) if abs(100 * c / n - float(p[:-1].replace(",", "."))) > 1.0]
            if off:
                facts.warnings.append(f"Antwoordaantal niet gelezen (pagina {page}, {question!r}): de percentages passen niet "
                                      f"bij de aantallen ({', '.join(f'{c} bij {p}' for c, p in off)} van {n})")
                return None
        return dict(zip(order, values))

    def periods_from_grids(self, doc: Document, page: Page, facts: Facts, halves: dict | None = None) -> bool:
        """Weergave cijfers from the page's cell grids: a header naming werknemer, werkgever and
        their score columns (over one or two lines), a row per jobcoachperiode, and the averages in
        a 'Behaald cijfer' (or 'Gemiddeld') row, plain or as the seed's 'sum:count = average'.
        A score column goes to the group its header names, else to the name column just before
        it; when that leaves a score's group open nothing is read. Werknemers and werkgevers in
        two tables of their own ('Periode | Werknemer | Cijfer', then the same for werkgevers) are
        kept in ``halves`` (over pages) and joined per period."""
        jc = facts.jobcoaching
        if jc.periods:
            return True
        halves = {} if halves is None else halves
        for grid, matrix in ((g, seg) for g in page_grids(doc, page.number) for seg in _period_segments(logical_rows(g))):
            if len(matrix) < 2 or grid.ncols < 2:
                continue
            head, nh = self._grid_header(matrix)
            names, scores, label, problem = _period_columns(head) if nh else ({}, {}, None, None)
            if not scores and not problem and len(matrix) >= 3 and self._transposed_periods(matrix, grid, page.number, facts):
                return True
            if nh == 0:
                continue
            if problem:
                if any(regex.search(r"werknemer|werkgever|opdrachtgever", h) for h in head):
                    _period_problem(facts, page.number, problem)
                continue
            lines = [self._grid_line(grid, matrix, i) for i in range(len(matrix))]
            if set(scores) == set(GROUPS) and (names or label is not None):
                if grid.ncols < 3:
                    continue
                self._read_period_rows(matrix[nh:], lines[nh:], names, scores, page.number, facts)
                if jc.periods:
                    facts.evidence["jobcoaching"] = Evidence(page=page.number, raw=" | ".join(h for h in head if h), bbox=grid.bbox)
                    facts._explain.append(f"pagina {page.number}: cijfers per jobcoachperiode gelezen uit een tabel ({grid.method})")
                    return True
                continue
            if not scores:
                group = self._caption_group(page, grid.bbox)
                only = [i for i, h in enumerate(head) if regex.search(r"^(?:cijfer|score)\b", h)]
                if group is None or len(only) != 1:
                    continue
                scores = {group: only[0]}
                name = next((i for i, h in enumerate(head) if i != only[0] and regex.search(r"\bnaam\b", h)), None)
                names = {group: name} if name is not None else {}
            if len(scores) != 1:
                continue
            group = next(iter(scores))
            if group in halves or group not in names and label is None:
                continue
            half = self._read_half(matrix[nh:], lines[nh:], group, names.get(group), scores[group], label, page.number, facts)
            if half["rows"]:
                half["bbox"], half["head"], half["method"] = grid.bbox, " | ".join(h for h in head if h), grid.method
                halves[group] = half
        if set(halves) == set(GROUPS):
            self._join_halves(halves, facts)
        return bool(jc.periods)

    def _transposed_periods(self, matrix: list[list[str]], grid, page: int, facts: Facts) -> bool:
        """A periods table on its side: a column per jobcoachperiode ('Periode 1', ..., 'Gemiddeld'),
        a row per name and score ('Cijfer werknemer', 'Cijfer werkgever')."""
        tm = [list(r) for r in zip(*matrix)]
        names, scores, _label, problem = _period_columns([" ".join(c.lower().split()) for c in tm[0]])
        if problem or set(scores) != set(GROUPS):
            return False
        self._read_period_rows(tm[1:], [None] * (len(tm) - 1), names, scores, page, facts)
        if not facts.jobcoaching.periods:
            return False
        facts.evidence["jobcoaching"] = Evidence(page=page, raw=" | ".join(c for c in tm[0] if c), bbox=grid.bbox)
        facts._explain.append(f"pagina {page}: cijfers per jobcoachperiode gelezen uit een tabel met een kolom per periode ({grid.method})")
        return True

    @staticmethod
    def _grid_line(grid, matrix: list[list[str]], i: int) -> Line | None:
        """The words of logical row ``i`` of a grid (for the evidence crop)."""
        text = " ".join(c for c in matrix[i] if c).lower()
        key = text[:7]
        for row in grid.rows:
            words = [w for c in row for w in c.words]
            if words and " ".join(w.text for w in words).lower().startswith(key):
                return Line(sorted(words, key=lambda w: w.x0))
        return None

    @staticmethod
    def _caption_group(page: Page, bbox: tuple[float, float, float, float]) -> str | None:
        """The group a caption just above a table names ('Cijfers van de werknemers')."""
        above = [ln for ln in page.lines if ln.bbox[3] <= bbox[1] + 2 and bbox[1] - ln.bbox[3] < 40]
        if not above:
            return None
        group = _group_named(max(above, key=lambda ln: ln.bbox[3]).text.lower())
        return group if group in GROUPS else None

    def _read_half(self, body: list[list[str]], lines: list[Line | None], group: str, name: int | None, col: int,
                   label: int | None, page: int, facts: Facts) -> dict:
        """One group's own periods table: per row its period label, name and score; its average."""
        half: dict = {"rows": [], "avg": None, "avg_line": None, "page": page}
        for cells, line in zip(body, lines):
            first = " ".join(next((c for c in cells if c.strip()), "").split())
            if regex.match(r"(?:behaald|gemiddeld\w*|totaal)\b", first.lower()):
                half["avg"], half["avg_line"] = cells[col], line
                break
            if not cells[col].strip() or (name is not None and not cells[name].strip()):
                continue
            try:
                value = mark(cells[col])
            except dutch.DutchParseError as exc:
                facts.warnings.append(f"Cijfer per jobcoachperiode niet gelezen (pagina {page}): {exc}")
                value = None
            key = None
            if label is not None and cells[label].strip():  # 'Periode 3' and '3' are the same period
                key = m[0] if (m := regex.search(r"\d+", cells[label])) else " ".join(cells[label].lower().split())
            half["rows"].append((key,
                                 " ".join(cells[name].split()) if name is not None else None, value))
        return half

    def _join_halves(self, halves: dict, facts: Facts) -> None:
        """Join the werknemers' and werkgevers' tables per period: by the period label when both
        print one, else by order; when they do not pair up, read no periods (and say so). Each
        group's average comes from its own table."""
        jc = facts.jobcoaching
        wn, wg = halves["werknemer"], halves["werkgever"]
        for group, half in (("werknemer", wn), ("werkgever", wg)):
            if half["avg"] is not None:
                self._set_averages({group: half["avg"]}, half["avg_line"], half["page"], facts, evidence=False)
        if half_line := (wn["avg_line"] or wg["avg_line"]):
            if jc.werknemer_avg is not None or jc.werkgever_avg is not None:
                add_evidence(facts, "averages", half_line)
        a, b = wn["rows"], wg["rows"]
        la, lb = [r[0] for r in a], [r[0] for r in b]
        if all(la) and all(lb) and len(set(la)) == len(la) and len(set(lb)) == len(lb):
            if set(la) != set(lb):
                facts.warnings.append(f"Cijfers per jobcoachperiode niet gekoppeld: de tabel van de werknemers noemt perioden "
                                      f"{', '.join(la)}, die van de werkgevers {', '.join(lb)}.")
                return
            by = {r[0]: r for r in b}
            pairs, how = [(r, by[r[0]]) for r in a], "op periode"
        elif len(a) == len(b):
            pairs, how = list(zip(a, b)), "op volgorde"
        else:
            facts.warnings.append(f"Cijfers per jobcoachperiode niet gekoppeld: {len(a)} perioden bij de werknemers, "
                                  f"{len(b)} bij de werkgevers.")
            return
        for x, y in pairs:
            if x[2] is None and y[2] is None:
                continue
            jc.periods.append(JobcoachPeriod(werknemer=x[1], werknemer_cijfer=x[2], werkgever=y[1], werkgever_cijfer=y[2],
                                             page=wn["page"]))
        if jc.periods:
            facts.evidence["jobcoaching"] = Evidence(page=wn["page"], raw=wn["head"], bbox=wn["bbox"])
            where = f"{wn['page']}" if wn["page"] == wg["page"] else f"{wn['page']} en {wg['page']}"
            facts._explain.append(f"pagina {where}: cijfers van werknemers en werkgevers uit twee tabellen "
                                  f"({wn['method']}), gekoppeld {how} ({len(jc.periods)} perioden)")

    @staticmethod
    def _answer_header(words: list[Word]) -> str | None:
        """Which scale a header row 'Vraag | answers...' has; header words may be cut at the cell
        edge ('onvoldoe', 'helemaal' on the next line), so the answers are told apart by what is left."""
        texts = [w.text.lower() for w in words]
        if not texts or any(ch.isdigit() for t in texts for ch in t):
            return None
        if texts[0] not in ("vraag", "vragen") and texts[0] not in ("nee", "onvoldoende", "onvoldoe"):
            return None
        if "matig" in texts and "goed" in texts:
            return "werkgever"
        if "nee" in texts and "ja" in texts:
            return "werknemer"
        return None

    @staticmethod
    def _answer_columns(header: list[Word], scale: tuple[str, ...]) -> list[float] | None:
        """Left edge of each answer's header cell ('niet helemaal' is two words)."""
        starts, k = [], 0
        for answer in scale:
            parts = answer.split()
            while k < len(header) and not _same_word(header[k].text.lower(), parts[0]):
                k += 1
            if k >= len(header):
                return None
            starts.append(header[k].x0)
            k += 1
            while k < len(header) and header[k].text.lower() in parts[1:]:
                k += 1
        return starts

    def analysis(self, blocks: list[Block], facts: Facts) -> None:
        start = next((i for i, b in enumerate(blocks) if b.text.strip().lower().endswith("analyse van de resultaten")), None)
        if start is None:
            return
        body = []
        for b in blocks[start + 1:]:
            if regex.match(r"^\d+(?:\.\d+)*\s+\p{Lu}", b.text) and len(b.text) < 80:
                break  # the next numbered heading
            body.append(b.text)
        if body:
            facts.jobcoaching.analysis = "\n".join(body)
            add_evidence(facts, "analysis", blocks[start + 1])
