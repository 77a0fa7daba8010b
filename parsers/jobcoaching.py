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
A periods table may be set in blocks side by side under a repeated header (read block after
block); the averages may stand as key figures over or under their caption; answer counts may be
told in a sentence per question ('4 ‘ja’, 1 ‘niet helemaal’ en geen ‘nee’', its total checked) or
stacked a line per answer in one cell beside the question ('goed: 3 (60%)').

Scores are on a scale of 1 to 10, so "7.5" (as in UWV's own example) can only mean 7,5; that
is the one place a decimal point is read as a decimal separator.
"""

from __future__ import annotations

import functools
import statistics

import regex

from kto_ingest import dutch
from kto_ingest.document import Block, Document, Line, Page, Word, join_lines
from kto_ingest.registry import Detection, Parser, Signal, add_evidence
from kto_ingest.schema import AnswerCounts, Evidence, Facts, JobcoachPeriod, Jobcoaching, Period
from kto_ingest.reader import _rx as cached
from kto_ingest.reader import absence
from kto_ingest.reader import facts as ff
from kto_ingest.reader import lexicon as lx
from kto_ingest.reader.grid import logical_rows, page_grids
from kto_ingest.tables import _visual_rows

DATE = r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{1,2}\s+\p{L}+\s+\d{4}"
RE_ORG = regex.compile(r"^(?:Jobcoachorganisatie|Organisatie)\s*:\s*(?P<name>.+?)\s*$", regex.I)
RE_RECOGNITION = regex.compile(rf"Datum erkenning\s*:?\s*(?P<date>{DATE})", regex.I)
RE_PERIOD = regex.compile(rf"Meetperiode\s*:?\s*(?P<start>{DATE})\s+(?:tot\s+en\s+met|t/m|-|–)\s+(?P<end>{DATE})", regex.I)
# 'Deventer, 28 april 2021' under the signature, also after 'Plaats en datum:'
RE_REPORT_DATE = regex.compile(rf"^(?i:plaats\s*(?:en|,|/)\s*datum\s*:\s*)?\p{{Lu}}[\p{{L}}' -]+,\s+(?P<date>{DATE})\s*$")
RE_SCORE = regex.compile(r"^(?P<int>\d{1,2})(?:[.,](?P<frac>\d{1,2})|\s?(?P<half>½))?$")  # '7,5', '7½' (a half mark)
# the seed's 'sum:count = average' ('36:5 = 7.2'), also with a slash ('53,5/7 = 7,6')
RE_AVERAGE = regex.compile(r"(?P<sum>\d+(?:[.,]\d+)?)\s*[:/]\s*(?P<n>\d+)\s*=\s*(?P<avg>\d{1,2}(?:[.,]\d{1,2})?)")
SCALES = {
    "werknemer": ("nee", "niet helemaal", "ja"),
    "werkgever": ("onvoldoende", "matig", "voldoende", "goed"),
}


def _date(text: str):
    """A date as the cover prints it; day, month and year may be separated by full stops ('07.06.2020')."""
    return dutch.parse_date(cached.sub(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", r"\1-\2-\3", text.strip()))


def score(text: str) -> float | None:
    """A mark on the 1-10 scale: '7', '7,5', '7.5' or '7½'. Anything else raises."""
    text = text.strip()
    if not text:
        return None
    m = RE_SCORE.match(text)
    value = m and float(f"{m['int']}.{5 if m['half'] else m['frac'] or 0}")
    if not m or not 1 <= value <= 10:
        raise dutch.DutchParseError(f"{text!r} is geen cijfer tussen 1 en 10")
    return value


GROUPS = ("werknemer", "werkgever")
# a score column's header: 'Cijfer', 'Score', 'Waardering', 'Oordeel werkgever' (not 'Beoordeeld door')
RE_SCORE_HEAD = regex.compile(r"cijfer|score|tevredenheid|waardering|(?<!\p{L})(?:eind)?oordeel(?!\p{L})")
RE_NOT_GIVEN = regex.compile(r"^(?:n\.?\s?v\.?\s?t\.?|n\.?b\.?|geen(?: cijfer)?|[-–—])$", regex.I)
RE_PERIOD_LABEL = regex.compile(r"^(?:nr\.?|nummer|no\.?|#|(?:jobcoach)?periode|jobcoachperiode nr\.?)$")


def mark(text: str) -> float | None:
    """A period's mark; 'n.v.t.', 'geen' or a dash (no form returned) is no mark: None."""
    if RE_NOT_GIVEN.match(text.strip()):
        return None
    return score(text)


_NAMED_AVERAGE = regex.compile(r"(?<![\p{L}])(?P<g>werknemers?|werkgevers?|wn|wg)\s*[:=]?\s*(?P<v>\d{1,2}(?:[,.]\d{1,2})?)(?![\d%])",
                                regex.IGNORECASE)


_LABELLED_AVERAGE = regex.compile(r"(?<![\p{L}])(?P<g>werknemers?|werkgevers?|wn|wg)\s*[:=]\s*(?P<v>\d{1,2}(?:[,.]\d{1,2})?)(?![\d%])",
                                   regex.IGNORECASE)


def _averages_named(text: str, labelled: bool = False) -> dict[str, str]:
    """{'werknemer': '7,8', 'werkgever': '7,5'} from 'werknemers: 7,8 – werkgevers: 7,5'; a group
    named twice gives nothing for it (which number would it be?). ``labelled``: only a number
    after the group's name and a colon or '=' counts."""
    found: dict[str, list[str]] = {}
    for m in (_LABELLED_AVERAGE if labelled else _NAMED_AVERAGE).finditer(text):
        group = "werknemer" if m["g"].lower().startswith(("werkn", "wn")) else "werkgever"
        found.setdefault(group, []).append(m["v"])
    return {g: v[0] for g, v in found.items() if len(v) == 1}


RE_CLAUSE_MARK = regex.compile(r"(?<!\p{L})(?:is|was|bedraagt|bedroeg)\s+(?:een\s+)?(?P<v>\d{1,2}[,.]\d{1,2})(?![\d%,.]\d)", regex.I)


def _averages_in_clauses(text: str) -> dict[str, str]:
    """Both groups' averages in one sentence, a clause each, the group named before 'is' and its
    mark: 'Het gemiddelde cijfer van de werknemers over deze 9 perioden is 7,9; dat van de
    werkgevers is 7,2.' A clause (up to ';' or ' en ') must name one group and hold one such mark
    and no other mark; else nothing is read for it."""
    found: dict[str, list[str]] = {}
    # (', dat van de werkgevers 6,9': the second group's clause after a comma)
    for clause in cached.split(r";|\s+en\s+|\.\s|,\s+(?=(?:dat|die)\s+van\s+de\s+)", text):
        group = _group_named(clause.lower())
        marks = RE_CLAUSE_MARK.findall(clause)
        if not marks and cached.match(r"\s*(?:dat|die)\s+van\s+de\s+", clause):
            # 'dat van de werkgevers 6,9': the mark right after the group's name, the verb left out
            marks = cached.findall(r"(?<!\p{L})(?:werknemers?|werkgevers?)\s+(\d{1,2}[,.]\d{1,2})(?![\d%,.]\d)", clause, regex.I)
        if group in GROUPS and len(marks) == 1 and len(cached.findall(r"\d{1,2}[,.]\d", clause)) == 1:
            found.setdefault(group, []).append(marks[0])
    return {g: v[0] for g, v in found.items() if len(v) == 1}


def _group_named(text: str) -> str | None:
    """Which group a header names: 'werknemer' ('Werknemers', 'klant-werknemer', 'Cijfer
    werknemer', 'Cijfer wn'), 'werkgever' ('opdrachtgever (werkgever)', 'Cijfer wg'), 'beide'
    when it names both."""
    wn = cached.search(r"werknemer|(?<![\p{L}])wn(?![\p{L}])", text) is not None  # 'wn', 'wg': the usual abbreviations
    wg = cached.search(r"werkgever|opdrachtgever|(?<![\p{L}])wg(?![\p{L}])", text) is not None
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


# the header of a count or percentage column of one question's table ('Aantal', 'n', 'Percentage')
RE_COUNT_HEAD = regex.compile(r"aantal(?:len)?|n|abs\.?|aantal respondenten|percentage|procent|perc\.?|%|\(%\)|totaal")
UNITS = {"n", "aantal", "abs", "abs.", "#", "%", "perc", "perc.", "percentage", "procent", "(n)", "(%)"}


def _scale_named(text: str) -> str | None:
    """Which answer scale a header's text names: onvoldoende / matig / voldoende / goed
    (werkgever) or nee / niet helemaal / ja (werknemer)."""
    if "matig" in text and "goed" in text:
        return "werkgever"
    if cached.search(r"\bnee\b", text) and cached.search(r"\bja\b", text):
        return "werknemer"
    return None


# a group's scale header run into a question ('Werkgevers onvoldoende matig voldoende goed Het aantal ...?')
RE_HEADER_IN_LABEL = regex.compile(r"^(?P<g>werknemers?|werkgevers?)\s+(?:nee\s+niet\s+helemaal\s+ja|onvoldoende\s+matig\s+voldoende\s+goed)"
                                   r"(?:\s+(?P<q>\p{L}.*))?$", regex.I)
# one period's two marks in a line of text: 'Werknemer A: 8,0 — Werkgever 4: 8,0', '1. Werknemer A 8,0 / Werkgever 4 8,0'
RE_PERIOD_PAIR = regex.compile(
    r"(?P<wn>werknemer\s+[\p{L}\d.]{1,12}?)\s*[:=]?\s*(?P<a>\d{1,2}(?:[,.]\d)?)\s*(?:[—–,;/|·-]|en)\s*"
    r"(?P<wg>werkgever\s+[\p{L}\d.]{1,12}?)\s*[:=]?\s*(?P<b>\d{1,2}(?:[,.]\d)?)(?![\d%])", regex.I)
# a question's number before it: '1. Bent u ...?', '3a) ...', 'b. ...'
RE_QUESTION_NUMBER = regex.compile(r"^\s*(?:\d{1,2}[a-z]?[.)]|[a-z][.)])\s+(?=\p{L})")
# a printed number of jobcoachperiodes: 'over 7 perioden', '9 afgesloten jobcoachperioden', 'Aantal jobcoachperioden 4'
RE_PERIODS_COUNTED = regex.compile(
    r"(?<![\d,.])(?P<n>\d{1,3})\s+(?:afgesloten\s+|afgeronde\s+|beëindigde\s+)?(?:jobcoach)?period(?:en|es)\b"
    r"|\baantal\s+(?:afgesloten\s+|afgeronde\s+)?(?:jobcoach)?period(?:en|es)\s*:?\s*(?P<n2>\d{1,3})(?![\d,.])")
# words an averages row may hold besides the average's own ('Gemiddeld Cijfer Meetjaar', 'Totaal Alle Perioden')
_AVERAGE_WORDS = {"behaald", "behaalde", "cijfer", "cijfers", "totaal", "gemiddeld", "gemiddelde", "gem.", "score", "rapportcijfer",
                  "alle", "organisatie", "meetjaar", "meetperiode", "periode", "perioden", "periodes", "jaar", "werknemers",
                  "werkgevers", "werknemer", "werkgever", "afgerond", "van", "de", "het", "over", "per"}


def _names_a_part(label: str) -> bool:
    """An averages row named after a part: after its average word a name, a capitalised word that is
    none of the averages' own ('Totaal Regio West-Brabant', 'Gemiddelde J. Hoekstra', 'Gemiddeld
    team Noord' -> 'Noord'); not 'Behaald cijfer (alle perioden)' or 'Gemiddeld Cijfer'."""
    words = cached.findall(r"[\p{L}][\p{L}.'-]*", label)
    if not words or words[0].lower() not in {"totaal", "gemiddeld", "gemiddelde", "gem."}:
        return False
    return any(w[:1].isupper() and w.lower() not in _AVERAGE_WORDS for w in words[1:]) or \
        any(w.lower() in {"regio", "team", "vestiging", "locatie", "jobcoach", "afdeling"} for w in words[1:])


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


RE_AVERAGE_ROW = regex.compile(r"(?:behaald|gemiddeld\w*|totaal)\b")


def _side_by_side(matrix: list[list[str]], head: list[str], nh: int) -> tuple[list[list[str]], list[str]] | None:
    """A table set in blocks side by side to save space, each block under the same header
    ('Per. | Wn | Cijfer wn | Wg | Cijfer wg' twice): the blocks' rows one block after the other,
    under one block's header; rows left empty in a block (the last block is often shorter) are
    dropped, and an averages row goes last. When every row names its period by a number, each
    once, the rows follow those numbers. None when the header is not one block repeated."""
    used = [c for c in range(len(head)) if any(c < len(r) and r[c].strip() for r in matrix)]
    if len(used) < len(head):  # an empty column between the blocks (a gutter) is no column of theirs
        matrix = [[r[c] if c < len(r) else "" for c in used] for r in matrix]
        head = [head[c] for c in used]
    width = len(head)
    k = next((k for k in range(2, width // 2 + 1) if width % k == 0
              and all(head[i:i + k] == head[:k] for i in range(k, width, k))), None)
    if k is None or not all(h.strip() for h in head[:k]):
        return None
    rows, averages = [], []
    for start in range(0, width, k):
        for row in matrix[nh:]:
            part = row[start:start + k]
            if not any(c.strip() for c in part):
                continue
            first = " ".join(next((c for c in part if c.strip()), "").lower().split())
            (averages if RE_AVERAGE_ROW.match(first) else rows).append(part)
    if any(any(c.strip() for c in row[width:]) for row in matrix[nh:]):
        return None  # cells outside the blocks: not a table of repeated blocks
    label = next((i for i, h in enumerate(head[:k]) if RE_PERIOD_LABEL.match(" ".join(h.split()))), None)
    if label is not None:
        numbers = [r[label].strip() for r in rows]
        if all(cached.fullmatch(r"\d{1,3}", n) for n in numbers) and len(set(numbers)) == len(numbers):
            rows.sort(key=lambda r: int(r[label]))
    return [row[:k] for row in matrix[:nh]] + rows + averages, head[:k]


def _paragraph_tail(page: Page, bbox: tuple[float, float, float, float], row: list[str]) -> bool:
    """Whether a borderless grid's first row is the last line of a paragraph that starts above
    the grid (its words taken into the table's columns): a block of the page with a line above
    the grid whose last line, inside the grid's top, reads as that row."""
    text = " ".join(" ".join(c.split()) for c in row if c.strip())
    if not text:
        return False
    for block in page.blocks:
        above = [ln for ln in block.lines if ln.bbox[3] <= bbox[1] + 1]
        inside = [ln for ln in block.lines if ln.bbox[1] >= bbox[1] - 1 and ln.bbox[3] <= bbox[3] + 1]
        if above and len(inside) == 1 and " ".join(inside[0].text.split()) == text:
            return True
    return False
# a cell that only says whose mark a row is ('werknemer', 'De werkgever', 'klant-werknemer', 'wg')
RE_GROUP_CELL = regex.compile(r"^(?:door\s+)?(?:de\s+)?(?:klant[- ]?)?(?P<g>werknemers?|werkgevers?|opdrachtgevers?|wn|wg)$", regex.I)


# a question marked with its group in front ('WN – Bent u ...?', 'Werkgever: Het aantal ...?')
RE_GROUP_MARK = regex.compile(r"^(?P<g>wn|wg|werknemers?|werkgevers?)\s*[–—:-]\s*", regex.I)
GROUP_MARKS = {"wn": "werknemer", "werknemer": "werknemer", "werknemers": "werknemer",
               "wg": "werkgever", "werkgever": "werkgever", "werkgevers": "werkgever"}


def _group_cell(text: str) -> str | None:
    m = RE_GROUP_CELL.match(" ".join(text.strip(" .:()").split()))
    if not m:
        return None
    return "werknemer" if m["g"].lower().startswith(("werkn", "wn")) else "werkgever"


def _long_columns(head: list[str], body: list[list[str]]) -> tuple[int, int, int | None, int | None] | None:
    """A periods table with a row per group per period ('Periode | Beoordeeld door | Naam | Cijfer',
    the rows 'werknemer' and 'werkgever' under each other): (the column saying whose mark a row is,
    the score column, the period column, the name column), or None when the table is not such a
    one. The score column is the one header naming a score; the group column the one column whose
    every filled cell names a group, both groups at least once."""
    score_cols = [i for i, h in enumerate(head) if RE_SCORE_HEAD.search(h) and _group_named(h) is None]
    if len(score_cols) != 1 or cached.search(r"gemiddeld|behaald|\bgem\.", head[score_cols[0]]):
        return None  # (a column of averages: 'Werknemers | 7,7' under 'Gemiddeld cijfer' is a summary, not a period)
    col = score_cols[0]
    rows = [r for r in body if not RE_AVERAGE_ROW.match(" ".join(next((c for c in r if c.strip()), "").lower().split()))]
    group_cols = []
    for c in range(len(head)):
        if c == col:
            continue
        cells = [r[c] for r in rows if c < len(r) and r[c].strip()]
        if len(cells) >= 2 and all(_group_cell(t) for t in cells) and {_group_cell(t) for t in cells} == set(GROUPS):
            group_cols.append(c)
    if len(group_cols) != 1:
        return None
    label = next((i for i, h in enumerate(head) if RE_PERIOD_LABEL.match(" ".join(h.split()))), None)
    name = next((i for i, h in enumerate(head) if i not in (col, group_cols[0], label) and cached.search(r"\bnaam\b", h)), None)
    return group_cols[0], col, label, name


def _average_sentence(text: str) -> tuple[str, str] | None:
    """One group's average said in a line of its own: 'Gemiddeld oordeel van de werkgevers: 7,7',
    'Gemiddelde werknemers (som/aantal): 53,5/7 = 7,6', 'Het gemiddelde cijfer van de werknemers
    is 7,6.': (group, the printed average). None when the line names both groups or no one, or
    holds anything but one mark (or one 'sum/count = average') after its colon."""
    # a count in brackets before the colon ('Gemiddeld oordeel werknemers (n = 8): 8,1') says how many, not the average
    text = cached.sub(r"\s*\(\s*n\s*=\s*\d+\s*\)(?=\s*:)", "", text, flags=regex.I)
    m = cached.match(r"^\s*(?:het\s+)?(?:gemiddeld\w*|behaald\w*|gem\.)(?P<what>[^:=]*?)(?:\s*[:=]|\s+is|\s+was)\s+(?P<value>.+?)\s*\.?$",
                    text, regex.I)
    if not m or _group_named(m["what"].lower()) not in GROUPS:
        return None
    value = cached.sub(r"\s*\((?:n\s*=\s*)?\d+(?:\s+\p{L}+)*\)$", "", m["value"].strip())  # '7,6 (n = 7)', '7,6 (7 perioden)'
    avg = RE_AVERAGE.fullmatch(value)
    if avg is None and not RE_SCORE.match(value):
        return None
    return _group_named(m["what"].lower()), value


def _score_unread(cells: list[str], names: dict[str, int], scores: dict[str, int]) -> bool:
    """A periods row with both groups' names and one score, the other cell empty: a score that was
    printed but not read (OCR of a half mark), not the table's end."""
    return bool(names) and all(cells[c].strip() for c in names.values()) and \
        sum(bool(cells[c].strip()) for c in scores.values()) == len(scores) - 1


def _header_cells(lines: list[list[Word]]) -> list[tuple[float, str]]:
    """The columns of a header over one to three lines: (left edge, text) per column. Words set
    close together on a line make one cell; the line with the most cells gives the columns, and a
    cell of another line joins each column it lies over ('Cijfer' over 'werknemer'; a group name
    spanning 'Naam | Cijfer' joins both)."""
    per_line = [_word_cells(words) for words in lines]
    base = max(range(len(per_line)), key=lambda i: len(per_line[i]))
    columns = [[x0, x1, {base: t}] for x0, x1, t in per_line[base]]
    for i, cells in enumerate(per_line):
        if i == base:
            continue
        for x0, x1, t in cells:
            over = [c for c in columns if x0 < c[1] + 2 and x1 > c[0] - 2]
            if not over:
                columns.append([x0, x1, {i: t}])
            for c in over:
                c[2][i] = t
                if len(over) == 1:  # a cell over this column alone may start left of it ('Cijfer' centred)
                    c[0] = min(c[0], x0)
    columns.sort(key=lambda c: c[0])
    return [(c[0], " ".join(c[2][k] for k in sorted(c[2]))) for c in columns]


_ANSWERS = "|".join(regex.escape(a).replace(r"\ ", r"\s+") for a in sorted({a for s in SCALES.values() for a in s}, key=len, reverse=True))
RE_COUNT_PAIR = regex.compile(
    rf"(?<!\p{{L}})(?P<a>{_ANSWERS})\s*[:=]?\s*(?P<n>\d+)(?:\s*(?:x|×|keer)(?!\p{{L}}))?(?:\s*\(\s*(?P<pct>\d+(?:[.,]\d+)?)\s*%\s*\))?",
    regex.I)


def _counts_line(text: str) -> tuple[str, dict[str, int]] | None:
    """A line of answer counts and nothing else: 'ja: 5 · niet helemaal: 1 · nee: 1', 'goed: 4,
    voldoende: 3, matig: 0, onvoldoende: 0', 'Ja 5 – Nee 1 – Niet helemaal 1', 'nee: 0x; ja: 6x'
    (a count's 'x', '×' or 'keer' is part of it; a percentage in
    brackets after a count is no count, but must fit the counts, else this raises):
    (group, counts) when it names every answer of one scale once."""
    pairs = list(RE_COUNT_PAIR.finditer(text))
    if not pairs or cached.sub(r"[\s·•,;|/–—-]+", "", RE_COUNT_PAIR.sub("", text)):
        return None
    counts: dict[str, int] = {}
    for m in pairs:
        answer = " ".join(m["a"].lower().split())
        if answer in counts:
            return None
        counts[answer] = int(m["n"])
    group = next((g for g, scale in SCALES.items() if set(scale) == set(counts)), None)
    if group is None:
        return None
    n = sum(counts.values())
    off = [f"{m['n']} bij {m['pct']}%" for m in pairs if m["pct"] and n
           and abs(100 * int(m["n"]) / n - float(m["pct"].replace(",", "."))) > 1.0]
    if off:
        raise dutch.DutchParseError(f"de percentages passen niet bij de aantallen ({', '.join(off)} van {n})")
    return group, {a: counts[a] for a in SCALES[group]}


# a count told before its answer, the answer maybe quoted, 'geen' for none: '4 ‘ja’', 'geen ‘nee’', 'geen enkele nee',
# '2 keer "matig"', '4 werknemers ja'
RE_TOLD_COUNT = regex.compile(
    rf"(?<![\p{{L}}\d,.])(?P<n>\d+|geen)\s+(?:enkele?\s+)?(?:(?:keer|maal|x|×|werknemers?|werkgevers?)\s+)?(?P<q>[‘'\"“„]?)(?P<a>{_ANSWERS})[’'\"”]?(?!\p{{L}})"
    rf"(?:\s*\(\s*(?P<pct>\d+(?:[.,]\d+)?)\s*%\s*\))?", regex.I)
RE_ANSWER_WORD = regex.compile(rf"(?<!\p{{L}})(?:{_ANSWERS})(?!\p{{L}})", regex.I)


def _counts_told(text: str) -> tuple[str, dict[str, int]] | None:
    """Answer counts told in a sentence, each count before its answer (quoted or not), 'geen' for
    none: 'Van de 7 werknemers antwoordden er 4 ‘ja’, 1 ‘niet helemaal’ en geen ‘nee’.' (group,
    counts) when the sentence tells every answer of one scale once and names no answer without a
    count. Another number may only be the total the counts add up to ('van de 7'); a total that
    they do not add up to, or percentages that do not fit them, raise: the line is not read."""
    pairs = list(RE_TOLD_COUNT.finditer(text))
    if not pairs:
        return None
    counts: dict[str, int] = {}
    for m in pairs:
        answer = " ".join(m["a"].lower().split())
        if answer in counts:
            return None
        counts[answer] = 0 if m["n"].lower() == "geen" else int(m["n"])
    group = next((g for g, scale in SCALES.items() if set(scale) == set(counts)), None)
    if group is None:
        return None
    rest = RE_TOLD_COUNT.sub(" ", text)
    if RE_ANSWER_WORD.search(rest):
        return None  # an answer without its count: which number is whose is not certain
    others = cached.findall(r"\d+(?:[.,]\d+)?%?", rest)
    n = sum(counts.values())
    if len(others) > 1 or others and not cached.fullmatch(r"\d+", others[0]):
        return None
    if others and int(others[0]) != n:
        raise dutch.DutchParseError(f"de aantallen tellen op tot {n}, niet tot het genoemde totaal {others[0]}")
    off = [f"{m['n']} bij {m['pct']}%" for m in pairs if m["pct"] and n
           and abs(100 * counts[" ".join(m["a"].lower().split())] / n - float(m["pct"].replace(",", "."))) > 1.0]
    if off:
        raise dutch.DutchParseError(f"de percentages passen niet bij de aantallen ({', '.join(off)} van {n})")
    return group, {a: counts[a] for a in SCALES[group]}


def _question_then_counts(lines: list[Line], k: int) -> tuple[Line, str, int] | None:
    """Line ``k`` opens with a question (up to its '?') and goes on with a sentence that tells its
    answer counts, maybe wrapped onto the next lines of the paragraph: (the question as a line of
    its own, the counts' sentence, how many lines after ``k`` it took), else None."""
    words = lines[k].words
    at = next((i for i, w in enumerate(words[:-1]) if w.text.endswith("?")), None)
    if at is None:
        return None
    tail, used = " ".join(w.text for w in words[at + 1:]), 0
    while not tail.endswith((".", "!", "?")) and k + 1 + used < len(lines) and used < 3:
        used += 1
        tail = join_lines(tail, lines[k + used].text.strip())  # ('... 3 werkne-' / 'mers ja, ...')
    try:
        found = _counts_told(tail)
    except dutch.DutchParseError:
        return None  # (said when the line is read as it stands)
    return (Line(words[:at + 1]), tail, used) if found else None


def _sentence_lines(lines: list[Line]) -> list[Line]:
    """The page's lines, a sentence wrapped onto the next line joined to it ('... het behaalde cijfer
    van de werknemers 7,5 en dat van de' / 'werkgevers 7,3.'): a line that ends without a stop
    followed, close under it and at its left edge, by a line that goes on in lower case or is the
    sentence's short end ('8,1.')."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        goes_on = line.text[:1].islower() or len(line.words) <= 3 and line.text.rstrip().endswith(".")  # ('... werkgevers' / '8,1.')
        if prev is not None and not prev.text.rstrip().endswith((".", "!", "?", ":", ";")) and goes_on \
                and len(prev.text.split()) >= 6 and abs(line.bbox[0] - prev.bbox[0]) < 3 \
                and 0 <= line.bbox[1] - prev.bbox[3] < (prev.bbox[3] - prev.bbox[1]):
            out[-1] = Line(prev.words + line.words)
        else:
            out.append(line)
    return out


def _page_foot(text: str, number: int) -> bool:
    """Whether a page's lowest line is its running footer: short, and ending in the page's number
    ('Op Koers – 1', 'pagina 1 van 2', 'blad 1/3')."""
    return len(text) < 80 and cached.search(
        rf"(?:^|[\s–—-])(?:pagina\s+|blad\s+|p\.\s*)?{number}(?:\s*(?:van|/)\s*\d+)?$", text.strip(), regex.I) is not None


def _told_alone(text: str) -> bool | None:
    """Whether ``text`` tells answer counts in a sentence (True, also when their total or
    percentages do not fit: that is said where the line is read), False when it does not, None when
    it tells part of them (some answers with their counts; the sentence may go on)."""
    try:
        if _counts_told(text) is not None:
            return True
    except dutch.DutchParseError:
        return True
    return None if RE_TOLD_COUNT.search(text) else False


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

def _pages_near_periods(doc: Document, jc: Jobcoaching) -> range:
    """The pages of the periods table and the page after it, where its averages stand; every page
    when no periods table was read."""
    at = sorted({p.page for p in jc.periods if p.page})
    return range(at[0], min(at[-1] + 1, doc.page_count) + 1) if at else range(1, doc.page_count + 1)


def _name_from_legend(answers: list[AnswerCounts], legend_of, where: str, facts: Facts) -> None:
    """Each answer whose question is printed as a code ('V3') takes the question its legend gives
    (``legend_of(answer)``: code key -> text); a remark after the question mark is left out."""
    for a in answers:
        if not RE_QUESTION_CODE.fullmatch(a.question.strip()):
            continue
        if question := legend_of(a).get(_code_key(a.question)):
            if "?" in question[:-1]:  # a remark after the question: the question ends at its mark
                question = question[:question.index("?") + 1]
            facts._explain.append(f"pagina {a.page}: vraag {a.question.strip()!r} uit {where}: {question!r}")
            a.question = question


def _same_word(printed: str, answer: str) -> bool:
    """'onvoldoe' is 'onvoldoende' cut at the cell edge; 'voldoend' is not 'onvoldoende'."""
    return printed == answer or (len(printed) >= 4 and answer.startswith(printed))


# A question printed as a code: 'V1', 'v 12', 'Vraag 3', 'Q2', '4a'; or with a group's capital
# set against the number ('N1' for the werknemers' questions, 'G1' for the werkgevers').
_CODE = r"(?:(?:v|q|vr\.?|vraag)?\s?\d{1,2}[a-z]?|(?-i:[A-Z]{1,2})\d{1,2}[a-z]?)"
RE_QUESTION_CODE = regex.compile(_CODE + r"\.?", regex.I)
RE_LEGEND_ITEM = regex.compile(r"^(?P<code>" + _CODE + r")\s*[.:)=–-]?\s+(?P<text>\p{L}.*)$", regex.I)


def _code_key(code: str) -> str:
    """A question code by its number: 'V3', 'v 3', 'V3.', 'Vraag 3', 'Vr. 3', 'Q3' and '3.' are one
    code, '3'; a letter after the number stays ('4a'), and so does another letter before it: 'N1'
    and 'G1' (a werknemer's and a werkgever's question) are two codes."""
    m = cached.search(r"\d{1,2}[a-z]?", code.lower())
    if not m:
        return cached.sub(r"[\s.]", "", code.lower())
    if cached.fullmatch(r"(?-i:[A-Z]{1,2})\d{1,2}[a-z]?\.?", code.strip()) \
            and not cached.fullmatch(r"[VQ]\d{1,2}[a-z]?\.?", code.strip()):
        return code.strip().lower().rstrip(".")
    return m[0]


def _legend_items(doc: Document, number: int) -> list[tuple[str, str, float, float]]:
    """The question legend on a page: (code, question, top, bottom) per item, each item's lines
    joined until the next code, a question mark or a gap wider than a line. An item numbered
    without a letter ('3. Het aantal ...?') must be a question (hold a question mark): '3 Analyse
    van de resultaten' is a heading; one with a letter a question or a capitalised statement."""
    if number > doc.page_count:
        return []
    out: list[tuple[str, str, float, float]] = []

    def close(code, raw, text, top, bottom):
        text = " ".join(text.split())
        # a question holds its question mark; without one only a capitalised statement ('V4.
        # Bereikbaarheid') is an item, not a sentence going on after a code ('V1 tot en met V9 zijn ...')
        if code and text and ("?" in text or cached.search(r"\p{L}", raw) and text[:1].isupper()):
            out.append((code, text, top, bottom))

    for block in doc.page(number).body_blocks:
        code, raw, text, last, top = None, "", "", None, 0.0
        for line in block.lines:
            m = RE_LEGEND_ITEM.match(line.text.strip())
            gap = last is not None and line.bbox[1] - last.bbox[3] > (last.bbox[3] - last.bbox[1])
            if m:
                close(code, raw, text, top, last.bbox[3] if last else line.bbox[3])
                code, raw, text, top = _code_key(m["code"]), m["code"], m["text"], line.bbox[1]
            elif code and not gap and not text.rstrip().endswith("?"):
                text += " " + line.text
            else:
                close(code, raw, text, top, last.bbox[3] if last else line.bbox[3])
                code, text = None, ""
            last = line
        if last is not None:
            close(code, raw, text, top, last.bbox[3])
    return out


def _legend(doc: Document, number: int) -> dict[str, str]:
    """The legend on a page as code -> question; a code given twice with other words (each form
    numbered from 1) is left out: which of them is meant is settled by place (``_legend_near``)."""
    out: dict[str, str] = {}
    twice = set()
    for code, text, _top, _bottom in _legend_items(doc, number):
        if code in out and out[code] != text:
            twice.add(code)
        out.setdefault(code, text)
    return {c: t for c, t in out.items() if c not in twice}


def _legend_near(doc: Document, number: int, bbox: tuple[float, float, float, float]) -> dict[str, str]:
    """The legend of the table at ``bbox`` on page ``number``: per code, the item nearest to the
    table (above or under it on its page, or on the next page); a tie between two different
    questions gives nothing for that code."""
    near: dict[str, list[tuple[float, str]]] = {}
    for code, text, top, bottom in _legend_items(doc, number):
        distance = bbox[1] - bottom if bottom <= bbox[1] + 2 else top - bbox[3] if top >= bbox[3] - 2 else None
        if distance is not None:
            near.setdefault(code, []).append((max(distance, 0.0), text))
    if number < doc.page_count:
        rest = doc.page(number).height - bbox[3]
        for code, text, top, _bottom in _legend_items(doc, number + 1):
            near.setdefault(code, []).append((rest + top, text))
    out = {}
    for code, found in near.items():
        found.sort()
        if len(found) == 1 or found[0][0] < found[1][0] or found[0][1] == found[1][1]:
            out[code] = found[0][1]
    return out


def _bands(starts: list[float]) -> list[tuple[float, float]]:
    """Column bands from the left edges of the header cells: each runs to just before the next."""
    return [(x - 4, (starts[i + 1] - 4) if i + 1 < len(starts) else float("inf")) for i, x in enumerate(starts)]


def _cells(words: list[Word], bands: list[tuple[float, float]]) -> list[str]:
    return [" ".join(w.text for w in sorted(words, key=lambda w: w.x0) if lo <= w.x0 < hi) for lo, hi in bands]


RE_RECOGNISED_ON = regex.compile(
    r"(?<!\p{L})(?:op|sinds|per|vanaf|met\s+ingang\s+van)\s+(?P<date>\S+(?:\s+\S+){0,2})\s+(?:door\s+(?:het\s+)?UWV\s+)?erkend(?!\p{L})"
    # 'Erkend (door UWV) (als jobcoachorganisatie) per 10 februari 2015'
    r"|(?<!\p{L})erkend\s+(?:door\s+(?:het\s+)?UWV\s+)?(?:als\s+(?:\p{L}+\s+){1,3}?)?(?:op|sinds|per|vanaf|met\s+ingang\s+van|d\.\s?d\.)\s+"
    r"(?P<date2>\S+(?:\s+\S+){0,2})",
    regex.I)


def _recognition_in_text(view: "ff.TextView"):
    """The recognition date where no label starts a line: a one-word label with the date right
    after it and no colon ('Erkenningsdatum 11.05.2015 · Meetperiode ...'), or a sentence on the
    first pages saying when UWV recognised the organisation ('Erkend door UWV d.d. 26 jan 2017', '... is op 15 maart 2015 door UWV erkend
    als jobcoachorganisatie'). Only one distinct date so found counts: (date, row, how) or None."""
    hits: dict = {}
    for row in view.front(3):
        text = " ".join(row.text.split())
        for entry, end in lx.labels_in("recognition_date", text):
            m = cached.match(r"\s*:?\s*(?P<d>\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{1,2}\s+\p{L}+\.?\s+\d{4})", text[end:])
            if m and (d := lx.find_date(m["d"])) and d[1] == m["d"].strip():
                hits.setdefault(d[0], (row, f"label '{entry}' direct gevolgd door een datum"))
        for m in RE_RECOGNISED_ON.finditer(text):
            d = lx.find_date(m["date"] or m["date2"])
            if d and (m["date"] or m["date2"]).startswith(d[1]):
                hits.setdefault(d[0], (row, "zin 'op <datum> (door UWV) erkend'"))
    # the sentence, maybe wrapped over lines ('... is op 12 juni 2014 door' / 'UWV erkend als ...')
    for block in (b for b in view.blocks() if b.page <= 3):
        text = " ".join(block.text.split())
        for m in RE_RECOGNISED_ON.finditer(text):
            d = lx.find_date(m["date"] or m["date2"])
            if d and (m["date"] or m["date2"]).startswith(d[1]):
                hits.setdefault(d[0], (block, "zin 'op <datum> (door UWV) erkend'"))
    if len(hits) != 1:
        return None
    (date, (row, how)), = hits.items()
    return date, row, how


RE_COVER_TITLE = regex.compile(r"tevredenheid|rapport|klant|kto\b|evaluatie|enquête|meting|jaarverslag", regex.I)

RE_LEGAL_FORM = regex.compile(r"^(?:stichting|vereniging|coöperatie|coöperatieve vereniging)\s+|\s+(?:b\.\s?v\.|n\.\s?v\.|v\.\s?o\.\s?f\.)$", regex.I)


def cover_organisation(view: "ff.TextView") -> "ff.Finding | None":
    """The organisation named on a line of its own among the cover's first lines, under or above
    the title ('Jaarrapportage klanttevredenheid' / 'Jobcoachorganisatie Stapsteen'): the whole
    line is a name with an organisation's word, no label, date or title word. Two such lines give
    nothing."""
    first = next((p.number for p in view.doc.pages if p.words), 1)
    found = []
    for row in view.rows(first)[:6]:
        text = " ".join(row.text.split())
        parts = cached.split(r"\s+[–—|-]\s+", text)
        if len(parts) == 2 and RE_COVER_TITLE.search(parts[1]) and not RE_COVER_TITLE.search(parts[0]):
            text = parts[0]  # 'Jobcoachcollectief Kromme Rijn – rapportage aan UWV': the name before the title
        if ":" in text or any(ch.isdigit() for ch in text) or RE_COVER_TITLE.search(text) or ff.RE_TABLE_HEADER_WORDS.search(text):
            continue
        name = lx.as_name(text)
        if name and name == text and len(name.split()) <= 6 and not lx.looks_like_person(name) \
                and (lx.looks_like_supplier(name) or lx.looks_like_organisation(name)):
            found.append(ff.Finding(name, first, row.text, "regel met een organisatienaam op het voorblad", row.bbox))
    return found[0] if len(found) == 1 else None


def full_name_on_cover(view: "ff.TextView", found: "ff.Finding") -> "ff.Finding":
    """A name read from a header ('JobcoachPlus Twente – jaarrapportage KTO') in the full form the
    cover prints on a line of its own, with its legal form ('Stichting JobcoachPlus Twente')."""
    first = next((p.number for p in view.doc.pages if p.words), 1)
    for row in view.rows(first)[:8]:
        text = " ".join(row.text.split())
        if text != found.value and RE_LEGAL_FORM.sub("", text) == found.value:
            return ff.Finding(text, first, row.text, f"{found.entry}; volledige naam met rechtsvorm op het voorblad", row.bbox)
        # 'Werkpad' in the title line, 'Werkpad Re-integratie & Jobcoaching B.V.' on a line of its own
        if text.startswith(f"{found.value} ") and lx.as_name(text) == text and len(text.split()) <= 8 and RE_LEGAL_FORM.search(text) \
                and not RE_COVER_TITLE.search(text) and not ff.RE_TABLE_HEADER_WORDS.search(text) and ":" not in text:
            return ff.Finding(text, first, row.text, f"{found.entry}; volledige naam met rechtsvorm op het voorblad", row.bbox)
    return found


def report_date_in_items(view: "ff.TextView") -> "ff.Finding | None":
    """The report date as one item of a cover line of facts set apart by '·' or '|'
    ('Erkenningsdatum 11.05.2015 · Meetperiode ... · Opgesteld 30.05.2021'), the last item's date
    possibly wrapped onto the next line. The item's label is the lexicon's report-date label, or
    one of its 'opgesteld op' labels without the 'op'."""
    labels = set(lx.lexicon()["report_date"]["labels"])
    labels |= {w[:-3] for w in labels if w.endswith(" op")}
    first = next((p.number for p in view.doc.pages if p.words), 1)
    rows = view.rows(first)
    hits = {}
    for i, row in enumerate(rows):
        text = " ".join(row.text.split())
        if not cached.search(r"\s[·|•]\s", text):
            continue
        if i + 1 < len(rows) and (d := lx.find_date(rows[i + 1].text)) and d[1] == " ".join(rows[i + 1].text.split()):
            text += " " + d[1]  # the last item's date on the next line
        for part in cached.split(r"\s[·|•]\s", text):
            m = cached.fullmatch(r"(?P<label>\p{L}[\p{L} ]*?)\s*:?\s*(?P<d>\d.*)", part.strip())
            if m and m["label"].lower() in labels and (d := lx.find_date(m["d"])) and d[1] == m["d"].strip():
                hits.setdefault(d[0], ff.Finding(d[0], row.page, row.text, f"label '{m['label'].lower()}' in een regel met '·'", row.bbox))
    return next(iter(hits.values())) if len(hits) == 1 else None


RE_DRAWN_UP_ON = regex.compile(
    r"(?<!\p{L})(?:rapport|rapportage|verslag|document)(?!\p{L})[^.;]*?(?<!\p{L})(?:is|werd|wordt)\s+(?:\p{L}+\s+){0,2}?"
    r"(?:opgesteld|opgemaakt|uitgebracht|vastgesteld|opgeleverd|gepubliceerd|uitgegeven)\s+op\s+(?P<date>\S+(?:\s+\S+){0,2})",
    regex.I)


def report_date_in_sentence(view: "ff.TextView") -> "ff.Finding | None":
    """The report date said in a sentence on the first page whose subject is the report: 'Deze
    rapportage beslaat het meetjaar ... en is opgesteld op 2021-10-10'. Only when the page says
    exactly one such date."""
    first = next((p.number for p in view.doc.pages if p.words), 1)
    hits = {}
    for b in view.blocks():
        if b.page != first:
            continue
        text = " ".join(b.text.split())
        for sentence in cached.split(r"(?<=[.!?])\s+(?=\p{Lu})", text):
            for m in RE_DRAWN_UP_ON.finditer(sentence):
                d = lx.find_date(m["date"])
                if d and m["date"].startswith(d[1]):
                    hits.setdefault(d[0], ff.Finding(d[0], b.page, sentence, "zin 'rapportage ... is opgesteld op <datum>'", b.bbox))
    return next(iter(hits.values())) if len(hits) == 1 else None


def running_supplier(view: "ff.TextView") -> "ff.Finding | None":
    """The organisation in the running header or footer ('Stichting Jobcoaching Rivierenland ·
    pagina 1 van 2'), when the cover names it too (a subtitle 'Stichting Jobcoaching Rivierenland
    – rapportage over het meetjaar'): a jobcoaching organisation reports on itself. A name that
    is not on the cover, or two such names, give nothing."""
    pages = [p for p in view.doc.pages if p.words][:10]
    if len(pages) < 2:
        return None
    seen: dict[str, dict[int, "ff.Row"]] = {}
    for page in pages:
        for r in view.rows(page.number):
            if 0.1 * page.height < r.bbox[1] and r.bbox[3] < 0.9 * page.height:
                continue
            for part in ff._parts(ff._without_page_furniture(r.text)):
                name = lx.as_name(part)
                if name and not lx.looks_like_person(name) and (lx.looks_like_organisation(name) or lx.looks_like_supplier(name)):
                    seen.setdefault(name, {}).setdefault(page.number, r)
    cover = " ".join(" ".join(r.text.split()) for r in view.rows(pages[0].number)[:12]).lower()
    names = [n for n, where in seen.items() if len(where) >= max(2, (len(pages) + 1) // 2) and n.lower() in cover]
    if len(names) != 1:
        return None
    where = seen[names[0]]
    first = min(where)
    return ff.Finding(names[0], first, where[first].text, f"kop- of voettekst op {len(where)} van {len(pages)} pagina's, "
                      f"ook op het voorblad", where[first].bbox)


def _scale_header(row: list[Word]) -> tuple[str, list[tuple[str, float]]] | None:
    """A row that names exactly one scale's answers and nothing else ('nee  niet helemaal  ja'):
    (group, [(answer, left edge)] in the printed order)."""
    for group, scale in SCALES.items():
        edges: list[tuple[str, float]] = []
        k = 0
        while k < len(row):
            for answer in sorted(scale, key=len, reverse=True):
                words = answer.split()
                if [w.text.lower() for w in row[k:k + len(words)]] == words:
                    edges.append((answer, row[k].x0))
                    k += len(words)
                    break
            else:
                break
        if k == len(row) and sorted(a for a, _ in edges) == sorted(scale):
            return group, edges
    return None


def _word_cells(row: list[Word]) -> list[tuple[float, float, str]]:
    """A row's cells: words set close together (x0, x1, text)."""
    cells: list[list[Word]] = []
    for w in sorted(row, key=lambda w: w.x0):
        if cells and w.x0 - cells[-1][-1].x1 < 6:
            cells[-1].append(w)
        else:
            cells.append([w])
    return [(c[0].x0, c[-1].x1, " ".join(w.text for w in c)) for c in cells]


RE_FIGURE = regex.compile(r"\d{1,3}(?:[.,]\d{1,2})?|\d{1,2}\s?½")


def _aligned_under(numbers: list[Word], line: list[Word]) -> bool:
    """Every number flush with a caption of ``line`` (the same right or left edge, or centred on
    it), each caption a run of words set apart from the next: two or more key figures side by
    side, their captions under them however far."""
    runs: list[list[Word]] = []
    for w in sorted(line, key=lambda w: w.x0):
        if runs and w.x0 - runs[-1][-1].x1 < 2 * (w.y1 - w.y0):
            runs[-1].append(w)
        else:
            runs.append([w])
    if len(numbers) < 2 or len(runs) != len(numbers):
        return False
    for n, run in zip(sorted(numbers, key=lambda w: w.x0), runs):
        x0, x1 = run[0].x0, run[-1].x1
        if not (abs(n.x1 - x1) < 3 or abs(n.x0 - x0) < 3 or abs((n.x0 + n.x1) / 2 - (x0 + x1) / 2) < 3):
            return False
    return True


def _key_figures(rows: list[list[Word]]) -> list[tuple[str, str, list[Word]]]:
    """Key figures as a report tool sets them in a box: a row of numbers only, each with its
    caption under it (or over it) in its own column, the caption's lines tight against the
    numbers ('7,9 | 6,4 | 5' over 'gemiddeld cijfer werknemers | gemiddeld cijfer werkgevers |
    afgesloten jobcoachperioden'). (group, printed mark, the numbers' row) for each number whose
    caption is an average of one group ('gemiddeld cijfer werknemers', 'behaald cijfer wg') and
    nothing else; a caption column with more than one number in it gives none."""
    out = []
    for i, row in enumerate(rows):
        if not row or not all(RE_FIGURE.fullmatch(w.text) for w in row):
            continue
        for step in (1, -1):
            caption: list[list[Word]] = []
            edge, j = row, i + step
            while 0 <= j < len(rows) and len(caption) < 3:
                near = rows[j]
                if any(ch.isdigit() for w in near for ch in w.text):
                    break
                gap = min(w.y0 for w in near) - max(w.y1 for w in edge) if step > 0 else min(w.y0 for w in edge) - max(w.y1 for w in near)
                height = statistics.median(w.y1 - w.y0 for w in near)
                # (a caption's lines follow each other closely, and may overlap a little; under big
                # numbers the space scales with the numbers' size)
                big = statistics.median(w.y1 - w.y0 for w in row)
                limit = 0.5 * height if caption else max(0.8 * height, 0.4 * big)
                if not caption and _aligned_under(row, near):
                    limit = max(limit, 2.0 * height)  # (each number flush with its caption: a box's padding between)
                if not -0.5 * height <= gap < limit:
                    break
                caption.append(near)
                edge, j = near, j + step
            if not caption:
                continue
            cols = _header_cells(caption if step > 0 else caption[::-1])
            for k, (x0, text) in enumerate(cols):
                x1 = cols[k + 1][0] if k + 1 < len(cols) else float("inf")
                low = " ".join(text.lower().split())
                if not cached.match(r"(?:gemiddeld\w*|behaald\w*|gem\.)\s", low) or len(low.split()) > 5:
                    continue
                group = _group_named(low)
                hits = [w for w in row if x0 - 12 <= (w.x0 + w.x1) / 2 < x1 - 2]
                if group in GROUPS and len(hits) == 1 and RE_SCORE.match(hits[0].text):
                    out.append((group, hits[0].text, row))
    return out


def _value_under(row: list[Word], x0: float, x1: float) -> str | None:
    """The one mark in ``row`` standing in the column that runs from its header's left edge x0 to
    the next header's left edge x1 (a number may be set right in a wide cell)."""
    hits = [w.text for w in row if x0 - 12 <= (w.x0 + w.x1) / 2 < x1 - 2 and RE_SCORE.match(w.text)]
    return hits[0] if len(hits) == 1 else None


def _question_above(rows: list[list[Word]], i: int) -> list[list[Word]]:
    """The question printed right above row ``i``: the row before, ending in '?', with the rows
    before it that continue it (close above, not ending in '?' or ':')."""
    above = rows[i - 1]
    if not above or not above[-1].text.endswith("?"):
        return []
    height = statistics.median(w.y1 - w.y0 for w in above)
    got = [above]
    j = i - 2
    while j >= 0 and not cached.match(r"(?:\d{1,2}[a-z]?|[a-z])[.)]\s", " ".join(w.text for w in got[0])):  # a numbered question starts there
        prev = rows[j]
        gap = min(w.y0 for w in got[0]) - max(w.y1 for w in prev)
        if gap > 0.8 * height or prev[-1].text.endswith(("?", ":")) or _scale_header(prev) \
                or all(cached.fullmatch(r"\d{1,3}", w.text) for w in prev) \
                or _group_named(" ".join(w.text for w in prev).lower()) in GROUPS:  # 'Beoordeling door de werknemer'
            break
        got.insert(0, prev)
        j -= 1
    return got


DASHES = {"-", "–", "—"}
# a legend saying what a dash stands for: '– betekent: nul keer', '- = 0', 'een streepje betekent geen antwoorden'
RE_DASH_ZERO = regex.compile(
    r"(?:(?<!\S)[-–—](?!\S)|\bstreepje|\bliggend streepje)\s*(?:\(\s*[-–—]\s*\)\s*)?(?:betekent|=|staat\s+voor|is)\s*:?\s*"
    r"(?:nul|0|geen)(?!\p{L}|\d)", regex.I)


def dash_means_zero(doc: Document) -> bool:
    """The report says a dash in its tables stands for zero ('Hoe vaak elk antwoord is gegeven;
    – betekent: nul keer.')."""
    return any(RE_DASH_ZERO.search(b.text) for p in doc.pages for b in p.blocks)


class JobcoachingParser(Parser):
    id = "uwv-jobcoaching"
    name = "UWV rapportageformat Klanttevredenheid Jobcoaching"
    min_score = 0.6
    regime = "uwv-jobcoaching"

    def detect(self, doc: Document) -> Detection:
        first = " ".join(b.text for p in doc.pages[:2] for b in p.blocks).lower()
        text = " ".join(b.text for p in doc.pages for b in p.blocks).lower()
        recognition = any(lx.label_at_start("recognition_date", line.text.strip())
                          for p in doc.pages[:2] for line in p.lines) or RE_RECOGNISED_ON.search(first) is not None
        # the format's two score columns: per jobcoachperiode a werknemer and a werkgever with a mark each
        score_table = "werknemer" in text and "werkgever" in text and (
            "cijfer klanttevredenheid" in text or "behaald cijfer" in text
            or cached.search(r"(?:cijfer|oordeel)\s+(?:van\s+de\s+)?(?:werknemer|werkgever)|(?:werknemer|werkgever)\s+cijfer", text) is not None
            or len(RE_AVERAGE.findall(text)) >= 2
            # the periods as a list: 'Werknemer A: 8,0 — Werkgever 4: 8,0' or in sentences
            or len(RE_PERIOD_PAIR.findall(text)) >= 2)
        # the format's two answer scales: nee / niet helemaal / ja and onvoldoende / matig / voldoende / goed
        scales = "weergave vragen" in text or "niet helemaal" in text or all(
            cached.search(rf"\b{w}\b", text) for w in SCALES["werkgever"])
        signals = [
            Signal("'Klanttevredenheid' en 'Jobcoach' op het voorblad", "klanttevredenheid" in first and "jobcoach" in first, 0.3, 1),
            Signal("Datum van erkenning genoemd ('Datum erkenning', 'Erkenningsdatum', ...)", recognition or "datum erkenning" in text, 0.2),
            Signal("Tabel met cijfers per werknemer en werkgever ('Cijfer klanttevredenheid', 'Behaald cijfer', 'som : n = gemiddelde')",
                   score_table, 0.3),
            Signal("'Weergave vragen' of een antwoordschaal ('niet helemaal'; onvoldoende/matig/voldoende/goed)", scales, 0.2),
        ]
        return Detection.from_signals(self, signals)

    _dash_zero = False

    def _count(self, text: str) -> int | None:
        """An answer count; a dash is no count (null), or zero where the report says so."""
        if self._dash_zero and text.strip() in DASHES:
            return 0
        return dutch.parse_int(text) if text else None

    def parse(self, doc: Document) -> Facts:
        facts = Facts(jobcoaching=Jobcoaching())
        self._split = None  # the first part of an answer table cut by a page break
        self._open_table = None  # (page, header rows, columns) of an answer table that reached its page's foot
        self._doc = doc
        self._dash_zero = dash_means_zero(doc)
        if self._dash_zero:
            facts._explain.append("een streepje in een tabel betekent volgens het rapport nul")
        self.cover(doc, facts)
        both_read = None  # the page on which answers of both scales had been read
        halves: dict = {}  # one group's own periods table, until the other group's is found
        for page in doc.pages:
            if facts.jobcoaching.periods and both_read is not None and page.number > both_read + 1:
                break  # both tables read, and the page after them (a table may run on): the rest is other matter
            texts = {w.text.lower() for w in page.words}
            going_on = (getattr(self, "_split", None) or (None,) * 4)[3] == page.number - 1  # a cut answer table goes on here
            going_on = going_on or (self._open_table or (None,))[0] == page.number - 1
            # only a page that names a scale's answers can hold an answer table
            # (two of a scale's answers: a table cut after 'matig' has no 'goed' on this page)
            scale = len(texts & {"onvoldoende", "matig", "voldoende", "goed"}) >= 2 or ("nee" in texts and "ja" in texts) or going_on
            # only table pages are sorted into rows: a page with a table's words, or a scale's
            # answers (an answer table under a heading of its own, 'Wat zeggen de werkgevers?')
            if texts & {"klanttevredenheid", "vraag", "cijfer", "cijfers", "oordeel"} or halves or scale:
                rows = _visual_rows(page.words)
                self.periods(page, rows, facts)
                named = any(cached.search(r"werknemer|werkgever|opdrachtgever", t) for t in texts)
                if not facts.jobcoaching.periods and (named or halves):
                    self.periods_from_grids(doc, page, facts, halves)
                if not facts.jobcoaching.periods and named:
                    self.periods_by_columns(page, rows, facts)
                if not (scale and self.answers_from_grids(doc, page, facts)):
                    self.answers(page, rows, facts)
                if scale:
                    self.answers_by_question_marks(page, rows, facts)
                if both_read is None and {a.group for a in facts.jobcoaching.answers} == {"werknemer", "werkgever"}:
                    both_read = page.number
        if not facts.jobcoaching.periods and not halves:
            self.periods_from_lines(doc, facts)
        if len(halves) == 1 and not facts.jobcoaching.periods:
            (group, half), = halves.items()
            other = "werkgevers" if group == "werknemer" else "werknemers"
            facts.warnings.append(f"Alleen de tabel met cijfers van de {group}s gevonden (pagina {half['page']}), niet die van de {other}.")
            if half["avg"] is not None:
                self._set_averages({group: half["avg"]}, half["avg_line"], half["page"], facts, own_table=True)
        self._questions_from_legend(doc, facts)
        self.answers_from_lines(doc, facts)
        self.answers_under_scale_rows(doc, facts)
        self.answers_stacked_beside(doc, facts)
        self._averages_from_sentences(doc, facts)
        self._averages_from_summary_table(doc, facts)
        self._periods_counted(doc, facts)
        self.analysis([b for p in doc.pages for b in p.body_blocks], facts)
        view = ff.TextView(doc)
        if jc_missing := facts.jobcoaching.analysis is None:
            if found := ff.analysis_section(view):
                facts.jobcoaching.analysis, page, bbox = found
                facts.evidence["analysis"] = Evidence(page=page, raw=found[0][:200], bbox=bbox)
        self.cover_grid(doc, facts)
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

    def answers_from_lines(self, doc: Document, facts: Facts) -> None:
        """Answer counts written out under each question instead of in a table: the question (a
        paragraph of one or more lines), then a line 'ja: 5 · niet helemaal: 1 · nee: 1'. A lead-in
        ending in a colon ('Wat is uw mening over:') is no part of a question. Read only for a group
        no table gave answers for."""
        jc = facts.jobcoaching
        done = {a.group for a in jc.answers}
        pending: list[Line] = []
        read: dict[str, int] = {}
        for page in doc.pages:
            blocks = page.body_blocks
            taken: set[int] = set()  # ids of lines joined to the line before
            lowest = max(blocks, key=lambda bl: bl.bbox[3], default=None)
            for b, block in enumerate(blocks):
                if block is lowest and _page_foot(block.text, page.number):
                    continue  # a running footer the margins did not catch: a question cut by the page break goes on past it
                fresh = True  # a question is one paragraph: a new one starts with the block
                for k, line in enumerate(block.lines):
                    if id(line) in taken:
                        continue
                    text = line.text.strip()
                    if told := _question_then_counts(block.lines, k):
                        # the question and its counts in one paragraph: 'Bent u tevreden over ...?
                        # Daarop antwoordden 4 werknemers ja, 2 niet' / 'helemaal en 1 nee.'
                        question, text, used = told
                        pending, fresh = [question], False
                        taken.update(id(ln) for ln in block.lines[k + 1:k + 1 + used])
                    nxt = block.lines[k + 1] if k + 1 < len(block.lines) else \
                        blocks[b + 1].lines[0] if b + 1 < len(blocks) and blocks[b + 1].lines else None
                    if cached.search(r"[·•,;|–—]$", text) and nxt is not None \
                            and nxt.bbox[1] - line.bbox[3] < (line.bbox[3] - line.bbox[1]):
                        # a count line wrapped after a separator ('goed 2 · voldoende 1 · matig 1 ·'
                        # right over 'onvoldoende 1', maybe set apart as a block of its own): the
                        # two lines are one when together they are a count line
                        joined = f"{text} {nxt.text.strip()}"
                        try:
                            if _counts_line(text) is None and _counts_line(joined) is not None:
                                text = joined
                                taken.add(id(nxt))
                        except dutch.DutchParseError:
                            pass
                    # a sentence of counts wrapped within its paragraph ('Van de 7 werknemers
                    # antwoordden er 4 ‘ja’, 1 ‘niet' over 'helemaal’ en 2 ‘nee’.', or before its first
                    # count): its lines are one when together they tell every answer's count
                    alone = _told_alone(text)
                    if alone is None or alone is False and k + 1 < len(block.lines) \
                            and cached.match(r"\p{Ll}", block.lines[k + 1].text.strip()):
                        # (a line without counts goes on in the next only where that one goes on in
                        # lower case: a question without its question mark stays a line of its own)
                        joined, j = text, k + 1
                        while j < len(block.lines) and j <= k + 3 and not joined.endswith((".", "!", "?", ":")) \
                                and block.lines[j].bbox[1] - block.lines[j - 1].bbox[3] < (line.bbox[3] - line.bbox[1]):
                            joined = f"{joined} {block.lines[j].text.strip()}"
                            if _told_alone(joined):
                                text = joined
                                taken.update(id(ln) for ln in block.lines[k + 1:j + 1])
                                break
                            j += 1
                    try:
                        found = _counts_line(text) or _counts_told(text)
                    except dutch.DutchParseError as exc:
                        facts.warnings.append(f"Antwoordaantal niet gelezen (pagina {page.number}): {text!r}: {exc}")
                        pending = []
                        continue
                    if found is None:
                        if fresh:
                            pending, fresh = [], False
                        if text.endswith(":"):
                            pending = []  # a lead-in
                        elif pending and pending[-1].text.rstrip().endswith("?"):
                            pending = [line]  # the question before has ended
                        else:
                            pending.append(line)
                        continue
                    group, counts = found
                    question = functools.reduce(join_lines, (" ".join(ln.text.split()) for ln in pending), "")
                    if ":" in question[:-1]:
                        question = question.rsplit(":", 1)[1].strip()  # 'Wat is uw mening over: Het aantal ...?'
                    question = RE_QUESTION_NUMBER.sub("", question)  # its number: '1. Bent u ...?'
                    pending = []
                    if group in done:
                        continue
                    if not question:
                        facts.warnings.append(f"Antwoordaantal niet gelezen (pagina {page.number}): {text!r} staat niet onder een vraag.")
                        continue
                    jc.answers.append(AnswerCounts(group=group, question=question, page=page.number, counts=counts))
                    read[group] = read.get(group, 0) + 1
        for group, n in read.items():
            facts._explain.append(f"antwoordaantallen {group} gelezen uit regels onder de vragen ('ja: 5 · nee: 1'), {n} vragen")

    def answers_stacked_beside(self, doc: Document, facts: Facts) -> None:
        """Each question's counts stacked in one cell beside it, a line per answer ('goed: 3
        (60%)' over 'voldoende: 1 (20%)' ...), as a report tool sets them: a run of such lines, one
        under the other at the same left edge, each answer next to the one before on its scale,
        that names every answer of one scale once makes one question's counts (percentages checked
        against them); its question is the text left of the run, level with it. A cell cut by a
        page break (its first answers the lowest run of a page, the rest the highest run of the
        next) is one cell. Read only for a group no table or line gave answers with questions for;
        a run beside no text is not read, and said."""
        jc = facts.jobcoaching
        done = {a.group for a in jc.answers if a.question}
        found: dict[str, list[AnswerCounts]] = {}
        carry = None  # (run, question text) of an incomplete run at the foot of the page before

        def answer_of(p) -> str:
            return " ".join(RE_COUNT_PAIR.fullmatch(p[4].strip())["a"].lower().split())

        def scale_of(run) -> tuple[str, ...] | None:
            names = [answer_of(p) for p in run]
            return next((sc for sc in SCALES.values() if all(n in sc for n in names)), None)

        def follows(run, p) -> bool:
            """p's answer is the next one on the run's scale, in the run's direction."""
            scale = scale_of(run + [p])
            if scale is None:
                return False
            at = [scale.index(answer_of(q)) for q in run + [p]]
            steps = {b - a for a, b in zip(at, at[1:])}
            return steps in ({1}, {-1})

        for page in doc.pages:
            pieces = [(x0, min(w.y0 for w in line.words), x1, max(w.y1 for w in line.words), text)
                      for block in page.body_blocks for line in block.lines if line.words
                      for x0, x1, text in _word_cells(line.words)]
            single = sorted((p for p in pieces if RE_COUNT_PAIR.fullmatch(p[4].strip())), key=lambda p: p[1])
            runs: list[list[tuple]] = []
            for p in single:
                # the run of the line right above at the same left edge, when p's answer comes next on its scale
                run = next((r for r in runs if abs(p[0] - r[-1][0]) < 3 and -0.5 * (p[3] - p[1]) <= p[1] - r[-1][3] < 0.8 * (p[3] - p[1])
                            and follows(r, p)), None)
                if run is None:
                    runs.append([p])
                else:
                    run.append(p)
            before, carry = carry, None
            for k, run in enumerate(runs):
                top, bottom = run[0][1], run[-1][3]
                slack = 0.3 * (run[0][3] - run[0][1])
                beside = sorted((p for p in pieces if p[2] <= run[0][0] - 2 and top - slack <= (p[1] + p[3]) / 2 <= bottom + slack
                                 and not RE_COUNT_PAIR.fullmatch(p[4].strip())), key=lambda p: (p[1], p[0]))
                question = functools.reduce(join_lines, (" ".join(p[4].split()) for p in beside), "")
                scale = scale_of(run)
                if scale is not None and len(run) < len(scale):
                    if k == len(runs) - 1 and run[-1][3] >= max(p[3] for p in pieces) - 1:
                        carry = (run, question)  # the page's last line: the cell may go on on the next page
                        continue
                    if k == 0 and before is not None and follows(before[0], run[0]) and len(before[0]) + len(run) == len(scale):
                        run, question = before[0] + run, " ".join(f"{before[1]} {question}".split())
                        facts._explain.append(f"pagina {page.number}: antwoordaantallen van een cel die doorloopt van pagina "
                                              f"{page.number - 1}")
                text = " ".join(p[4] for p in run)
                try:
                    counted = _counts_line(text)
                except dutch.DutchParseError as exc:
                    facts.warnings.append(f"Antwoordaantallen niet gelezen (pagina {page.number}): {text!r}: {exc}")
                    continue
                if counted is None or len(run) != len(SCALES[counted[0]]):
                    continue
                group, counts = counted
                if group in done:
                    continue
                question = RE_QUESTION_NUMBER.sub("", question)
                if not question:
                    facts.warnings.append(f"Antwoordaantallen niet gelezen (pagina {page.number}): {text!r} staat naast geen vraag.")
                    continue
                found.setdefault(group, []).append(AnswerCounts(group=group, question=question, page=page.number, counts=counts))
        for group, answers in found.items():
            jc.answers[:] = [a for a in jc.answers if a.group != group]
            jc.answers.extend(answers)
            facts._explain.append(f"antwoordaantallen {group} gelezen uit een cel met een regel per antwoord ('antwoord: aantal (%)'), "
                                  f"de vraag ernaast ({len(answers)} vragen)")

    def answers_under_scale_rows(self, doc: Document, facts: Facts) -> None:
        """A small table per question: the question on a line of its own (numbered or not), under
        it a row naming the scale's answers ('nee | niet helemaal | ja'), under that one row of
        counts, each count under the answer whose column it stands in (the columns run from one
        answer's left edge to the next's). Read only for a group no table gave answers for; a
        counts row that does not give each answer exactly one count is not read, and said."""
        jc = facts.jobcoaching
        # counts read elsewhere without their questions do not name what they answer: replaced
        done = {a.group for a in jc.answers if a.question}
        found: dict[str, list[AnswerCounts]] = {}
        for page in doc.pages:
            if not page.words:
                continue
            rows = sorted(_visual_rows(page.words), key=lambda r: min(w.y0 for w in r))
            rows = [sorted(r, key=lambda w: w.x0) for r in rows]
            for i, row in enumerate(rows[1:-1], start=1):
                header = _scale_header(row)
                if header is None:
                    continue
                group, edges = header
                counts_row = rows[i + 1]
                if group in done or not all(cached.fullmatch(r"\d{1,3}", w.text) for w in counts_row):
                    continue
                question_rows = _question_above(rows, i)
                if not question_rows:
                    continue
                question = RE_QUESTION_NUMBER.sub("",
                                     functools.reduce(join_lines, (" ".join(w.text for w in r) for r in question_rows), ""))
                question = " ".join(question.split())
                counts: dict[str, int] = {}
                for w in counts_row:
                    cx = (w.x0 + w.x1) / 2
                    inside = [a for j, (a, x) in enumerate(edges)
                              if x - 2 <= cx < (edges[j + 1][1] - 2 if j + 1 < len(edges) else float("inf"))]
                    if len(inside) != 1 or inside[0] in counts:
                        counts = {}
                        break
                    counts[inside[0]] = int(w.text)
                if set(counts) != set(SCALES[group]):
                    facts.warnings.append(f"Antwoordaantallen niet gelezen (pagina {page.number}): bij {question!r} staat "
                                          f"niet onder elk antwoord één aantal.")
                    continue
                found.setdefault(group, []).append(
                    AnswerCounts(group=group, question=question, page=page.number, counts={a: counts[a] for a in SCALES[group]}))
        for group, answers in found.items():
            jc.answers[:] = [a for a in jc.answers if a.group != group]
            jc.answers.extend(answers)
            facts._explain.append(f"antwoordaantallen {group} gelezen uit een rij aantallen onder de antwoorden, per vraag "
                                  f"({len(answers)} vragen)")

    def _averages_from_summary_table(self, doc: Document, facts: Facts) -> None:
        """A group's average that no table row or sentence gave, in a small summary table of its
        own near the periods table: a column headed with an average and the group ('Gemiddelde
        werknemers') over the number on the next row, or a column headed 'Gemiddeld cijfer' with a
        row per group ('Werknemers | 7,7 | 6,5 | ja', other columns such as a norm not read). Only a
        number standing in the header's column counts; a group given two different numbers gets none."""
        jc = facts.jobcoaching
        missing = [g for g in GROUPS if getattr(jc, f"{g}_avg") is None]
        if not missing:
            return
        found: dict[str, dict[str, list[Word]]] = {}
        figures: set[int] = set()  # ids of the rows of key figures
        near = _pages_near_periods(doc, jc)
        for number in range(1, near.stop):
            page = doc.page(number)
            rows = [sorted(r, key=lambda w: w.x0) for r in sorted(_visual_rows(page.words), key=lambda r: min(w.y0 for w in r))]
            # key figures at the top of the report or by the periods table: 'gemiddeld cijfer werknemers' under its '7,9'
            for group, value, row in _key_figures(rows):
                found.setdefault(group, {}).setdefault(value, row)
                figures.add(id(row))
            if number not in near:
                continue
            for i, row in enumerate(rows):
                # a row per group with a figure per part and one for the whole ('Gemiddeld cijfer
                # werknemers | 8,0 | 7,5 | 7,8' under 'Vestiging Hengelo | Vestiging Enschede | Klaproos
                # totaal'): the figure under the one header cell that says 'totaal'
                cells = _word_cells(row)
                low = " ".join(cells[0][2].lower().split())
                if len(cells) >= 3 and cached.match(r"(?:gemiddeld\w*|behaald\w*|gem\.)(?:\s|$)", low) and len(low.split()) <= 5 \
                        and _group_named(low) in GROUPS and all(RE_SCORE.match(c[2]) for c in cells[1:]):
                    for above in reversed(rows[max(0, i - 4):i]):
                        head = _word_cells(above)
                        if any(ch.isdigit() for w in above for ch in w.text):
                            continue  # a row of the table above this one
                        total = [k for k, c in enumerate(head) if cached.search(r"(?<!\p{L})totaal(?!\p{L})", c[2].lower())]
                        if len(total) == 1 and len(head) >= 2:
                            k = total[0]
                            x0, x1 = head[k][0], head[k + 1][0] if k + 1 < len(head) else page.width
                            hits = [w.text for w in row if x0 <= (w.x0 + w.x1) / 2 < x1 and RE_SCORE.match(w.text)]
                            if len(hits) == 1:
                                found.setdefault(_group_named(low), {}).setdefault(hits[0], row)
                            break
                if i == len(rows) - 1:
                    continue
                for k, (x0, _, text) in enumerate(cells):
                    x1 = cells[k + 1][0] if k + 1 < len(cells) else page.width
                    low = " ".join(text.lower().split())
                    if not cached.match(r"(?:gemiddeld\w*|behaald\w*|gem\.)(?:\s|$)", low) or len(low.split()) > 4 \
                            or cached.search(r"[\d:=]", low):
                        continue  # a header cell, not a sentence
                    group = _group_named(low)
                    if group in GROUPS:  # 'Gemiddelde werknemers' over its number, on a row of numbers only
                        if not all(cached.fullmatch(r"\d{1,3}(?:[.,]\d{1,2})?|\d{1,2}\s?½", w.text) for w in rows[i + 1]):
                            continue
                        value = _value_under(rows[i + 1], x0, x1)
                        if value is not None:
                            found.setdefault(group, {}).setdefault(value, rows[i + 1])
                    elif group is None and cached.fullmatch(r"(?:gemiddeld\w*|behaald\w*|gem\.)(?:\s+(?:cijfer|oordeel|score|rapportcijfer))?", low):
                        for below in rows[i + 1:i + 5]:  # 'Werknemers | 7,7' under 'Gemiddeld cijfer'
                            g = _group_cell(_word_cells(below)[0][2])
                            if g not in GROUPS:
                                break
                            value = _value_under(below, x0, x1)
                            if value is not None:
                                found.setdefault(g, {}).setdefault(value, below)
            for grid in page_grids(doc, number):
                self._whole_row_of_parts(grid, found, facts)
        for group, values in found.items():
            if group not in missing or any(w.startswith(f"Behaald cijfer van de {group}s niet gelezen: de tekst noemt")
                                           for w in facts.warnings):
                continue  # the text gave this group two different averages: a table adds no certainty
            if len(values) > 1:
                facts.warnings.append(f"Behaald cijfer van de {group}s niet gelezen: de tabellen noemen er meer dan één "
                                      f"({', '.join(sorted(values))}).")
                continue
            (value, row), = values.items()
            line = Line(words=row)
            self._set_averages({group: value}, line, line.page, facts)
            if getattr(jc, f"{group}_avg") is not None:
                facts.fact_status.pop(f"jobcoaching.{group}_avg", None)
                what = "de kerncijfers (het getal boven of onder zijn bijschrift)" if id(row) in figures else "een tabel met gemiddelden"
                facts._explain.append(f"pagina {line.page}: gemiddelde van de {group}s uit {what} ({line.text!r})")

    @staticmethod
    def _whole_row_of_parts(grid, found: dict, facts: Facts) -> None:
        """A summary table with a row per part (region, location, team) and one for the whole, under
        a column per group's average ('Gemiddeld cijfer werknemer | Gemiddeld cijfer werkgever'): the
        whole's row is the one labelled as the behaald cijfer or the total ('Werkpad B.V. (behaald
        cijfer)', 'Totaal', 'Organisatie totaal'); a 'Totaal <part>' row is a part's. Nothing when
        no row, or more than one, is the whole's. Its averages go to ``found``; the number of periods
        it gives, if any, to ``raw['perioden_gedrukt']``."""
        matrix = logical_rows(grid)
        nh = next((r for r, row in enumerate(matrix[:4]) if any(RE_SCORE.match(c.strip()) for c in row[1:])), 0)
        if not nh or len(matrix) - nh < 2:
            return
        head = [" ".join(" ".join(matrix[r][c] for r in range(nh)).lower().split()) for c in range(len(matrix[0]))]
        cols = {}
        for c, h in enumerate(head):
            if c and cached.search(r"gemiddeld\w*|behaald|\bgem\.", h) and (g := _group_named(h)) in GROUPS and g not in cols:
                cols[g] = c
        whole_re = r"\bbehaald\b|^(?:totaal|eindtotaal|totaal organisatie|organisatie(?:\s+totaal)?|alle\s+\p{L}+|gehele organisatie)$"
        if not cols:
            # a column per group named alone ('| Werknemers | Werkgevers'), numbers only under them, and
            # the row of the behaald cijfer among other key figures ('Aantal jobcoachperioden | 4 | 4')
            cols = {g: c for c, h in enumerate(head) if c and (g := _group_cell(h)) in GROUPS}
            if len(cols) == 2 and all(RE_SCORE.match(row[c].strip()) or cached.fullmatch(r"\d{1,4}", row[c].strip())
                                      for row in matrix[nh:] for c in cols.values() if row[c].strip()):
                whole_re = r"\bbehaald\b"
            else:
                return
        if len(cols) != 2:
            return
        whole = [row for row in matrix[nh:] if cached.search(whole_re, " ".join(row[0].lower().split()))]
        if len(whole) != 1:
            return
        # the grid's row of those values (the label may wrap onto lines of its own)
        values = {c: whole[0][c].strip() for c in cols.values()}
        row = next(([w for x in r for w in x.words] for r in grid.rows
                    if all(any(x.col == c and x.text.strip() == v for x in r) for c, v in values.items())), None)
        if not row:
            return
        for g, c in cols.items():
            if RE_SCORE.match(values[c]):
                found.setdefault(g, {}).setdefault(values[c], sorted(row, key=lambda w: w.x0))
        # the whole's number of periods in a column of its own ('Perioden | 8'): how many the average is over
        count = [k for k, h in enumerate(head) if k and cached.fullmatch(r"(?:aantal\s+)?(?:jobcoach)?period(?:en|es)", h)]
        if len(count) == 1 and cached.fullmatch(r"\d{1,3}", whole[0][count[0]].strip()):
            facts.jobcoaching.raw["perioden_gedrukt"] = whole[0][count[0]].strip()

    def periods_from_lines(self, doc: Document, facts: Facts) -> None:
        """The periods as a list in the text, a line each ('1. Werknemer A: 8,0 — Werkgever 4: 8,0'):
        read when no table gave them, from one run of such lines (two or more, one under the other)."""
        for page in doc.pages:
            run: list[tuple[Line, regex.Match]] = []
            for line in page.lines + [None]:
                text = cached.sub(r"^\s*(?:\d{1,3}[.)]|[-•·–])\s*", "", line.text) if line is not None else ""
                m = RE_PERIOD_PAIR.fullmatch(" ".join(text.split()).rstrip(" ."))
                if m:
                    run.append((line, m))
                    continue
                if len(run) >= 2:
                    try:
                        periods = [JobcoachPeriod(werknemer=m["wn"], werknemer_cijfer=mark(m["a"]), werkgever=m["wg"],
                                                  werkgever_cijfer=mark(m["b"]), page=page.number) for _, m in run]
                    except dutch.DutchParseError as exc:
                        facts.warnings.append(f"Cijfer per jobcoachperiode niet gelezen (pagina {page.number}): {exc}")
                        return
                    facts.jobcoaching.periods = periods
                    add_evidence(facts, "jobcoaching", run[0][0])
                    facts._explain.append(f"pagina {page.number}: cijfers per jobcoachperiode gelezen uit een lijst in de tekst, "
                                          f"een regel per periode ({len(periods)} regels)")
                    return
                run = []

    @staticmethod
    def _periods_counted(doc: Document, facts: Facts) -> None:
        """The number of jobcoachperiodes the report prints ('Gemiddeld behaald cijfer over 7
        perioden', 'Aantal jobcoachperioden | 4', '9 afgesloten jobcoachperioden', 'Gemiddeld
        oordeel werknemers (n = 9): 7,7'), when it prints one number so: ``raw['perioden_gedrukt']``.
        JC-PERIODES trusts an average printed apart from the periods table only when the periods
        read are that many."""
        counts = set()
        for page in doc.pages:
            for line in page.lines:
                low = " ".join(line.text.lower().split())
                for m in RE_PERIODS_COUNTED.finditer(low):
                    counts.add(int(m["n"] or m["n2"]))
                # 'Gemiddeld oordeel werknemers (n = 9): 7,7': the number of marks the average is over
                if cached.search(r"gemiddeld|behaald", low) and _group_named(low) in GROUPS:
                    counts.update(int(n) for n in cached.findall(r"\(\s*n\s*=\s*(\d{1,3})\s*\)", low))
        if facts.jobcoaching.raw.get("perioden_gedrukt"):
            counts.add(int(facts.jobcoaching.raw.pop("perioden_gedrukt")))  # (from a summary table: must agree with the text)
        if len(counts) == 1:
            facts.jobcoaching.raw["perioden_gedrukt"] = str(counts.pop())

    def _averages_from_sentences(self, doc: Document, facts: Facts) -> None:
        """A group's average that no table gave, said in a line of its own under the periods table
        ('Gemiddeld oordeel van de werkgevers: 7,7'; both groups' in one line, each after its name
        and a colon), on its page or the next (anywhere when no
        table was read). A group given two different averages gets none."""
        jc = facts.jobcoaching
        missing = [g for g in GROUPS if getattr(jc, f"{g}_avg") is None]
        if not missing:
            return
        found: dict[str, list[tuple[str, Line]]] = {}
        for number in _pages_near_periods(doc, jc):
            for line in _sentence_lines(doc.page(number).lines):
                said = _average_sentence(line.text)
                if said and said[0] in missing:
                    found.setdefault(said[0], []).append((said[1], line))
                elif said is None and RE_AVERAGE_ROW.match(line.text.strip().lower()) \
                        and (labelled := _averages_named(line.text, labelled=True)):
                    # both in one line, each after its group's name and a colon: 'Gemiddeld behaald
                    # cijfer werknemers: 8,2 – werkgevers: 7,3'
                    for group, value in labelled.items():
                        if group in missing:
                            found.setdefault(group, []).append((value, line))
                elif said is None and cached.search(r"(?<!\p{L})(?:behaald\w*|gemiddeld\w*)(?!\p{L})", line.text.lower()):
                    # both in a sentence, each mark (with its decimal) right after its group's
                    # name: 'Over 6 jobcoachperioden is het behaalde cijfer van de werknemers 7,5
                    # en dat van de werkgevers 7,3.'; both must be there
                    both = {g: v for g, v in _averages_named(line.text).items() if cached.fullmatch(r"\d{1,2}[,.]\d{1,2}", v)}
                    if set(both) != set(GROUPS):
                        both = _averages_in_clauses(line.text)
                    if set(both) == set(GROUPS):
                        for group, value in both.items():
                            if group in missing:
                                found.setdefault(group, []).append((value, line))
        for group, items in found.items():
            values = {(RE_AVERAGE.fullmatch(v) or [None, None, None, v])[3].replace(".", ",") for v, _ in items}
            if len(values) > 1:
                facts.warnings.append(f"Behaald cijfer van de {group}s niet gelezen: de tekst noemt er meer dan één "
                                      f"({', '.join(sorted(values))}).")
                continue
            text, line = items[0]
            self._set_averages({group: text}, line, line.page, facts)
            if getattr(jc, f"{group}_avg") is not None:
                facts.fact_status.pop(f"jobcoaching.{group}_avg", None)
                facts._explain.append(f"pagina {line.page}: gemiddelde van de {group}s uit de zin {line.text!r}")

    COVER_FACTS = ("supplier", "recognition_date", "meetperiode", "report_date")

    def cover_grid(self, doc: Document, facts: Facts) -> None:
        """The cover's facts as a table with a label per column over its value ('Jobcoachorganisatie
        | Erkenning UWV | Meetperiode | Rapportdatum' over 'Jobcoachbureau De Wegwijzer |
        15/10/2017 | ...'), a cell's words possibly wrapped. Every header cell must be a whole label
        of one of these facts (two at least, each once); a value is taken only when the cell under
        its label is that value and nothing else. Facts read already are kept."""
        first = next((p.number for p in doc.pages if p.words), None)
        if first is None:
            return
        for grid in page_grids(doc, first):
            matrix = logical_rows(grid)
            for r in range(len(matrix) - 1):
                head = [" ".join(c.split()) for c in matrix[r]]
                labels: dict[int, str] = {}
                for i, cell in enumerate(head):
                    if not cell:
                        continue
                    fact = next((f for f in self.COVER_FACTS if (m := lx.label_at_start(f, cell)) and not m.value), None)
                    if fact is None or fact in labels.values():
                        labels = {}
                        break
                    labels[i] = fact
                if len(labels) < 2:
                    continue
                values = [" ".join(c.split()) for c in matrix[r + 1]]
                for i, fact in labels.items():
                    value = values[i] if i < len(values) else ""
                    got = None
                    if not value:
                        continue
                    if fact == "supplier":
                        if facts.supplier is None and lx.as_name(value) == value and not lx.looks_like_person(value):
                            facts.supplier = got = value
                    elif fact == "meetperiode":
                        try:
                            period = lx.parse_period(value)
                        except dutch.DutchParseError:
                            period = None
                        if facts.meetperiode is None and period is not None and period.raw == value:
                            facts.meetperiode = got = Period(start=period.start, end=period.end)
                    elif (d := lx.find_date(value)) and d[1] == value:
                        if fact == "report_date" and facts.report_date is None:
                            facts.report_date = got = d[0]
                        elif fact == "recognition_date" and facts.jobcoaching.recognition_date is None:
                            facts.jobcoaching.recognition_date = got = d[0]
                    if got is not None:
                        facts.evidence[fact] = Evidence(page=first, raw=f"{head[i]}: {value}", bbox=grid.bbox)
                        facts._explain.append(f"{fact}: kolom {head[i]!r} in een tabel op het voorblad, waarde {value!r}")
                return

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
                found = _recognition_in_text(view)
                if found is not None:
                    jc.recognition_date, row, how = found
                    facts.evidence["recognition_date"] = Evidence(page=row.page, raw=row.text, bbox=row.bbox)
                    facts._explain.append(f"recognition_date: {how} (pagina {row.page}: {row.text!r})")
                else:
                    facts.not_found("jobcoaching.recognition_date", "op het voorblad ('Datum erkenning', 'Erkend sinds')")
        for name, finder in (("meetperiode", lambda: ff.meetperiode(view, facts.warnings)),
                             ("report_date", lambda: ff.report_date(view) or report_date_in_items(view) or report_date_in_sentence(view)),
                             ("supplier", lambda: ff.supplier(view) or ff.cover_name(view) or cover_organisation(view) or running_supplier(view))):
            if getattr(facts, name) is not None:
                continue
            found = finder()
            if found is None:
                facts.not_found(name, ff.LOOKED[name])
                continue
            if name == "supplier":
                found = full_name_on_cover(view, found)
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
                    facts.jobcoaching.recognition_date = _date(m["date"])
                    add_evidence(facts, "recognition_date", line)
                elif facts.meetperiode is None and (m := RE_PERIOD.search(text)):
                    start, end = _date(m["start"]), _date(m["end"])
                    facts.meetperiode = Period(start=start, end=end)
                    add_evidence(facts, "meetperiode", line, m[0])
                elif facts.report_date is None and (m := RE_REPORT_DATE.match(text)):
                    facts.report_date = _date(m["date"])
                    add_evidence(facts, "report_date", line)
            except dutch.DutchParseError as exc:
                facts.warnings.append(f"Niet gelezen op pagina {line.page}: {exc}")

    @staticmethod
    def _header_line(words: list[Word]) -> bool:
        """A line that may be (part of) a table header: words, no value ('Cijfer (1-10)' is one)."""
        return bool(words) and not any(cached.fullmatch(r"[-–]?\d+(?:[.,]\d+)?%?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", w.text)
                                       for w in words)

    def periods_by_columns(self, page: Page, rows: list[list[Word]], facts: Facts) -> bool:
        """Weergave cijfers from the page's words, the columns set by a header of one to three
        lines ('Cijfer' over 'werknemer'), for a borderless table the reader's grids do not read
        whole: with a score column per group ('Nr. | Werknemer | Cijfer werknemer | Werkgever |
        Cijfer werkgever | Begin periode | Einde periode'), the averages as the first or the last
        row; or with a row per group per period ('Periode | Beoordeeld door | Naam | Cijfer', the
        period's number on its first row only)."""
        jc = facts.jobcoaching
        if jc.periods:
            return True
        parts, last_y = 0, None  # tables read so far (one per part under the same header), the last one's foot
        for i, row in enumerate(rows):
            if not self._header_line(row) or (last_y is not None and min(w.y0 for w in row) <= last_y):
                continue
            lines = [row]
            height = statistics.median(w.y1 - w.y0 for w in row)
            while i + len(lines) < len(rows) and len(lines) < 3 and self._header_line(rows[i + len(lines)]) and \
                    min(w.y0 for w in rows[i + len(lines)]) - max(w.y1 for w in lines[-1]) < 0.8 * height:
                lines.append(rows[i + len(lines)])
            cols = _header_cells(lines)
            head = [" ".join(t.lower().split()) for _, t in cols]
            if len(cols) < 3 or not any(RE_SCORE_HEAD.search(h) for h in head):
                continue
            bands = _bands([x for x, _ in cols])
            after = rows[i + len(lines):]
            names, scores, label, problem = _period_columns(head)
            if parts and not problem and set(scores) == set(GROUPS):
                bands, names, scores = first_table  # the same table again: its columns are the first one's
            if not problem and set(scores) == set(GROUPS):
                body, body_lines, data = [], [], 0
                run, skip = list(self._table_run(lines[-1], after)), 0
                for j, words in enumerate(run):
                    if j < skip:
                        continue  # joined to the row above
                    cells = _cells(words, bands)
                    first = " ".join(next((c for c in cells if c.strip()), "").lower().split())
                    average = RE_AVERAGE_ROW.match(first) is not None
                    if average and not any(cells[c].strip() for c in scores.values()):
                        # a label wrapped over two lines ('Gemiddelde' / 'meetjaar') with the values set
                        # between them: the visual rows overlapping it are the same table row
                        words, skip = list(words), j + 1
                        while skip < len(run) and min(w.y0 for w in run[skip]) < max(w.y1 for w in words):
                            words += run[skip]
                            skip += 1
                        cells = _cells(words, bands)
                    if not average and not (all(cells[c].strip() for c in scores.values())
                                            and (not names or any(cells[c].strip() for c in names.values()))):
                        if not _score_unread(cells, names, scores):
                            break  # the table has ended
                        # a period with its names and one score, the other not read (a scan's half
                        # mark): the table goes on; _read_period_rows says the row was not read
                        body.append(cells)
                        body_lines.append(Line(sorted(words, key=lambda w: w.x0)))
                        continue
                    body.append(cells)
                    body_lines.append(Line(sorted(words, key=lambda w: w.x0)))
                    data += not average
                    if average and data:
                        break  # the averages under the periods close the table
                if not data:
                    continue
                before = len(facts.warnings)
                n = len(jc.periods)
                # the same table again further down (one per region, location or team, each with its
                # own average): its periods go on; a part's average is not the report's
                self._read_period_rows(body, body_lines, names, scores, page.number, facts, averages=not parts)
                if parts:
                    if len(jc.periods) > n:
                        parts += 1
                        last_y = max(w.y1 for ln in body_lines for w in ln.words)
                    continue
                how = "een kolom per groep"
            elif parts:
                continue
            else:
                score_col = next((c for c, h in enumerate(head) if RE_SCORE_HEAD.search(h)), 0)
                body, body_lines = [], []
                for words in self._table_run(lines[-1], after):
                    cells = _cells(words, bands)
                    first = " ".join(next((c for c in cells if c.strip()), "").lower().split())
                    if not RE_AVERAGE_ROW.match(first) and not cells[score_col].strip():
                        break
                    body.append(cells)
                    body_lines.append(Line(sorted(words, key=lambda w: w.x0)))
                long = _long_columns(head, body)
                if long is None:
                    continue
                before = len(facts.warnings)
                self._read_long_rows(body, body_lines, *long, page.number, facts)
                how = "een regel per groep per periode"
            if jc.periods:
                seen = [w for ws in lines for w in ws] + [w for ln in body_lines for w in ln.words]
                box = (min(w.x0 for w in seen), min(w.y0 for w in seen), max(w.x1 for w in seen), max(w.y1 for w in seen))
                facts.evidence["jobcoaching"] = Evidence(page=page.number, raw=" | ".join(t for _, t in cols), bbox=box)
                facts._explain.append(f"pagina {page.number}: cijfers per jobcoachperiode gelezen uit een tabel zonder "
                                      f"lijnen ({how}), kolommen volgens de kop: {' | '.join(t for _, t in cols)}")
                if how != "een kolom per groep":
                    return True
                parts, last_y, first_table = 1, box[3], (bands, names, scores)
                continue
            if "jobcoaching.periods" not in facts.fact_status:
                del facts.warnings[before:]  # no such table here after all: its rows' problems are no one's
        if parts > 1:
            self._parts_read(parts, page.number, facts)
        return bool(jc.periods)

    @staticmethod
    def _table_run(last: list[Word], rows: list[list[Word]]):
        """The rows under a header up to the first gap wider than two and a half rows (the
        table's end: the next paragraph, the running footer)."""
        for words in rows:
            height = statistics.median(w.y1 - w.y0 for w in words)
            if min(w.y0 for w in words) - max(w.y1 for w in last) > 2.5 * height:
                return
            yield words
            last = words

    def _read_long_rows(self, body: list[list[str]], lines: list[Line | None], group_col: int, score_col: int, label: int | None,
                        name: int | None, page: int, facts: Facts) -> bool:
        """A periods table with a row per group per period: the rows joined per period by the
        period's number (printed on the first of its rows, so carried down), else two by two when
        every pair holds one werknemer and one werkgever in the same order. When they do not pair up nothing is read
        (and said). The averages may stand in rows of their own ('Gemiddelde werknemers
        (som/aantal): 53,5/7 = 7,6')."""
        jc = facts.jobcoaching
        rows: list[tuple[str | None, str, str | None, float | None]] = []
        key = None
        averages: dict[str, tuple[str, Line | None]] = {}
        for cells, line in zip(body, lines):
            first = " ".join(next((c for c in cells if c.strip()), "").lower().split())
            if RE_AVERAGE_ROW.match(first):
                group = _group_cell(cells[group_col])
                text = line.text if line is not None else " ".join(c for c in cells if c.strip())
                said = (group, cells[score_col]) if group and cells[score_col].strip() else _average_sentence(text)
                if said:
                    averages[said[0]] = (said[1], line)
                continue
            group = _group_cell(cells[group_col])
            if group is None:
                continue
            if label is not None and cells[label].strip():
                key = m[0] if (m := cached.search(r"\d+", cells[label])) else " ".join(cells[label].lower().split())
            try:
                value = mark(cells[score_col])
            except dutch.DutchParseError as exc:
                facts.warnings.append(f"Cijfer per jobcoachperiode niet gelezen (pagina {page}): {exc}")
                value = None
            rows.append((key, group, " ".join(cells[name].split()) or None if name is not None else None, value))
        periods: list[dict[str, tuple[str | None, float | None]]] = []
        if label is not None:
            if any(r[0] is None for r in rows):
                _period_problem(facts, page, "de eerste regel van de tabel noemt geen periode")
                return False
            by: dict[str, dict] = {}
            for k, group, who, value in rows:
                if group in by.setdefault(k, {}):
                    _period_problem(facts, page, f"periode {k} heeft twee regels voor de {group}")
                    return False
                by[k][group] = (who, value)
            periods = list(by.values())
        else:
            pairs = [rows[j:j + 2] for j in range(0, len(rows), 2)]
            if len(rows) % 2 or len({tuple(r[1] for r in p) for p in pairs}) != 1 or {r[1] for r in pairs[0]} != set(GROUPS):
                _period_problem(facts, page, "de regels van werknemers en werkgevers wisselen elkaar niet af en er staat geen periode bij")
                return False
            periods = [{r[1]: (r[2], r[3]) for r in p} for p in pairs]
        for p in periods:
            wn, wg = p.get("werknemer", (None, None)), p.get("werkgever", (None, None))
            if wn[1] is None and wg[1] is None:
                continue
            jc.periods.append(JobcoachPeriod(werknemer=wn[0], werknemer_cijfer=wn[1], werkgever=wg[0], werkgever_cijfer=wg[1],
                                             page=page))
        for group, (text, line) in averages.items():
            self._set_averages({group: text}, line, page, facts)
        return bool(jc.periods)

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

        def table(start: int) -> tuple[list, list, int]:
            body, lines, end = [], [], start
            for end, words in enumerate(rows[start:], start):
                cells = _cells(words, bands)
                line = Line(sorted(words, key=lambda w: w.x0))
                first = next((c for c in cells if c.strip()), "")
                # (a name printed once over its rows, as a merged cell: the rows under it have the other name)
                if not cached.match(r"(?:behaald|gemiddeld\w*|totaal)\b", first.lower()) and \
                        not (all(cells[c] for c in scores.values()) and (not names or any(cells[c] for c in names.values()))):
                    if not _score_unread(cells, names, scores):
                        break  # the table has ended
                    body.append(cells)  # a score not read (a scan's half mark): _read_period_rows says so
                    lines.append(line)
                    seen.extend(words)
                    continue
                avg = cached.match(r"(?:behaald|gemiddeld\w*|totaal)\b", first.lower()) is not None
                if avg and len(body) > 0 and not any(cells[c].strip() for c in scores.values()):
                    # the averages' label wrapped around its values: 'Gemiddeld (afgerond,' / '7,6   7,6' /
                    # '4 perioden)', the lines set tight one under the other
                    height = statistics.median(w.y1 - w.y0 for w in words)
                    merged, nxt = list(words), end + 1
                    while nxt < len(rows) and nxt <= end + 2 and min(w.y0 for w in rows[nxt]) - max(w.y1 for w in merged) < 0.8 * height:
                        merged += rows[nxt]
                        nxt += 1
                    if all(_cells(merged, bands)[c].strip() for c in scores.values()):
                        cells, line = _cells(merged, bands), Line(sorted(merged, key=lambda w: w.x0))
                        body.append(cells)
                        lines.append(line)
                        end = nxt
                        break
                body.append(cells)
                lines.append(line)
                if avg and len(body) > 1:
                    nxt_cells = _cells(rows[end + 1], bands) if end + 1 < len(rows) else None
                    nxt_first = next((c for c in nxt_cells if c.strip()), "") if nxt_cells is not None else ""
                    marks = nxt_cells is not None and all(RE_SCORE.match(nxt_cells[c].strip()) for c in scores.values())
                    if marks and (all(nxt_cells[c] for c in names.values())
                                  or cached.match(r"(?:behaald|gemiddeld\w*|totaal)\b", nxt_first.lower())):
                        seen.extend(words)
                        continue  # a part's average (a jobcoach's, a team's): the periods, or the whole's average, follow
                    end += 1
                    break  # the averages under the periods (above them, as the first row, they go on)
                seen.extend(words)
            else:
                end = len(rows)
            return body, lines, end

        body, lines, end = table(k)
        before = len(facts.warnings)
        self._read_period_rows(body, lines, names, scores, page.number, facts)
        # the same table again under the same header (one per location, team or half year, each
        # with its own average): its periods go on; the averages of a part are not the report's
        parts = 1
        text = [w.text for w in header]
        for r in range(end, len(rows)):
            if r < end or not self._is_score_header(rows[r]) or [w.text for w in sorted(rows[r], key=lambda w: w.x0)] != text:
                continue
            n = len(jc.periods)
            body2, lines2, end = table(r + 1 + (k - head - 1))
            self._read_period_rows(body2, lines2, names, scores, page.number, facts, averages=False)
            if len(jc.periods) > n:
                parts += 1
        if parts > 1:
            self._parts_read(parts, page.number, facts)
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
                          scores: dict[str, int], page: int, facts: Facts, averages: bool = True) -> None:
        """The rows of a table with both groups' scores: a JobcoachPeriod per row, the averages
        from the 'Behaald cijfer' / 'Gemiddeld' row."""
        jc = facts.jobcoaching
        start = len(jc.periods)

        def average_row(cells: list[str]) -> bool:
            first = " ".join(next((c for c in cells if c.strip()), "").split())
            return bool(cached.match(r"(?:behaald|gemiddeld\w*|totaal)\b|gem\.?$", first.lower()))  # 'Gem.' alone is one too

        def period_row(cells: list[str]) -> bool:
            return all(RE_SCORE.match(cells[c].strip()) for c in scores.values()) and (
                not names or any(cells[c].strip() for c in names.values()))

        part_average = False  # an average row with periods after it: a part's (a jobcoach's, a team's)
        for k, (cells, line) in enumerate(zip(body, lines)):
            if average_row(cells):
                first = " ".join(next((c for c in cells if c.strip()), "").split())
                if len(jc.periods) > start and any(period_row(r) or average_row(r) and all(RE_SCORE.match(r[c].strip()) for c in scores.values())
                                                   for r in body[k + 1:]):
                    part_average = True
                    facts._explain.append(f"pagina {page}: '{first}' is het gemiddelde van een deel (er volgen nog perioden of gemiddelden)")
                    continue
                # after parts' averages, only a row that names the whole is the report's; a row that
                # names a part ('Totaal Regio West-Brabant', 'Gemiddelde J. Hoekstra') never is
                whole = (not part_average or cached.search(r"\bbehaald\b|\balle\b|\borganisatie\b|^totaal$|^gemiddeld\w*$", first.lower())) \
                    and not _names_a_part(first)
                if not whole and averages:
                    facts._explain.append(f"pagina {page}: '{first}' is het gemiddelde van een deel, niet het behaalde cijfer")
                if averages and whole:
                    self._set_averages({g: cells[c] for g, c in scores.items()}, line, page, facts, own_table=True)
                if len(jc.periods) > start:
                    break  # under the periods it closes the table; above them (the first row) they follow
                continue
            if not all(cells[c].strip() for c in scores.values()):
                if _score_unread(cells, names, scores):
                    row = " | ".join(" ".join(c.split()) for c in cells if c.strip())
                    facts.warnings.append(f"Cijfer per jobcoachperiode niet gelezen (pagina {page}): de rij '{row}' mist een cijfer; "
                                          "controleer de PDF.")
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
                      evidence: bool = True, own_table: bool = False) -> None:
        """Each group's average as printed under its own score column: plain ('7,2') or the seed's
        'sum:count = average' ('36:5 = 7.2'). A group whose cell does not read stays null.
        ``own_table``: the averages row of the periods table read (``raw['gemiddelden_uit']`` says
        so; JC-PERIODES fails a mismatch only then, since periods read from a table are all its
        rows, while an average printed elsewhere may be over periods the reader did not read)."""
        jc = facts.jobcoaching
        # the averages as a sentence on the row ('Gemiddeld behaald cijfer werknemers: 7,8 –
        # werkgevers: 7,5'): each number after its group's name, for a cell that holds none
        said = _averages_named(line.text) if line is not None else {}
        # a number printed right after its group's name and a colon ('werknemers: 8,2') is that
        # group's, wherever the columns put it (a sentence runs across them: its 'werkgevers: 7,3'
        # may stand under the werknemers' score column)
        labelled = _averages_named(line.text, labelled=True) if line is not None else {}
        cells = {g: labelled[g] if g in labelled else t if t.strip() and any(ch.isdigit() for ch in t) else said.get(g, t)
                 for g, t in cells.items()}
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
            if own_table:
                jc.raw[f"{group}_avg_uit"] = "periodetabel"
            else:
                jc.raw.pop(f"{group}_avg_uit", None)
            if m:
                jc.raw[f"{group}_berekening"] = m[0]
        if evidence and line is not None and (jc.werknemer_avg is not None or jc.werkgever_avg is not None):
            add_evidence(facts, "averages", line)

    def answers_by_question_marks(self, page: Page, rows: list[list[Word]], facts: Facts) -> None:
        """An answer table that neither the grids nor the rows read (each question over two or
        three lines with its counts level with the middle one, as a word processor centres cells),
        for a group no table gave answers: the question column's lines make questions up to each
        question mark (lines up to a colon are a lead-in, 'Wat is uw mening over:'), and each
        question takes the one row of counts level with its lines. When that does not pair up one
        to one nothing is read."""
        jc = facts.jobcoaching
        i = 0
        while i < len(rows):
            header = sorted(rows[i], key=lambda w: w.x0)
            group = self._answer_header(header)
            i += 1
            if group is None or any(a.group == group for a in jc.answers):
                continue
            scale = SCALES[group]
            columns = self._answer_columns(header, scale)
            if columns is None:
                continue
            bands = _bands([0.0] + columns)
            height = statistics.median(w.y1 - w.y0 for w in header)
            labels: list[tuple[float, float, str]] = []
            counts: list[tuple[float, dict[str, int]]] = []
            last = header
            while i < len(rows):
                words = sorted(rows[i], key=lambda w: w.x0)
                if self._answer_header(words) or min(w.y0 for w in words) - max(w.y1 for w in last) > 2.5 * height:
                    break
                cells = _cells(words, bands)
                values = [c.strip() for c in cells[1:]]
                if any(v and not v.isdigit() for v in values):
                    break  # a paragraph running across the columns: the table has ended
                if cells[0].strip():
                    labels.append((min(w.y0 for w in words), max(w.y1 for w in words), " ".join(cells[0].split())))
                if any(values):
                    if not all(values):
                        return  # a count left out: no row to pair safely
                    counts.append(((min(w.y0 for w in words) + max(w.y1 for w in words)) / 2,
                                   {a: int(v) for a, v in zip(scale, values)}))
                last = words
                i += 1
            questions: list[tuple[float, float, str]] = []
            run: list[tuple[float, float, str]] = []
            for label in labels:
                run.append(label)
                if label[2].endswith(":"):
                    run = []  # a lead-in
                elif label[2].endswith("?"):
                    questions.append((run[0][0], run[-1][1], " ".join(t for _, _, t in run)))
                    run = []
            if run and any(run[0][0] - 0.3 * height <= c[0] for c in counts):
                continue  # counts beside lines that make no question: not read
            if not questions or len(questions) != len(counts):
                continue  # (lines after the last question without counts beside them are the text after the table)
            pairs = []
            for top, bottom, question in questions:
                level = [c for c in counts if top - 0.3 * height <= c[0] <= bottom + 0.3 * height]
                if len(level) != 1:
                    break
                pairs.append((question, level[0][1]))
            if len(pairs) != len(questions) or len({id(c) for _, c in pairs}) != len(pairs):
                facts.warnings.append(f"Antwoordaantallen {group} niet gelezen (pagina {page.number}): de aantallen staan niet "
                                      f"elk naast één vraag.")
                continue
            for question, values in pairs:
                jc.answers.append(AnswerCounts(group=group, question=question, page=page.number, counts=values))
            facts._explain.append(f"pagina {page.number}: antwoordaantallen {group} gelezen per vraag tot het vraagteken, "
                                  f"elk met de rij aantallen ernaast ({len(pairs)} vragen)")

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
                                               counts={a: self._count(c) for a, c in zip(scale, counts)})
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
        open_table, self._open_table = self._open_table, None
        for grid, matrix in ((g, seg) for g in page_grids(doc, page.number) for seg in self._answer_segments(logical_rows(g))):
            if (open_table is not None and open_table[0] == page.number - 1 and len(matrix[0]) == open_table[2]
                    and not _scale_named(" ".join(matrix[0]).lower())
                    and not any(b.bbox[3] <= grid.bbox[1] + 1 for b in page.body_blocks)
                    and all(any(ch.isdigit() for c in r[1:] for ch in c) for r in matrix)):
                # the rest of the answer table at the foot of the page before, without its header
                # (WeasyPrint repeats no header it did not mark as one): read under that header
                facts._explain.append(f"pagina {page.number}: antwoordtabel van pagina {open_table[0]} loopt door zonder kop")
                matrix = open_table[1] + matrix
            open_table = None
            if len(matrix) < 2:
                continue
            before = len(facts.jobcoaching.answers)
            try:
                found = self._answers_from_grid(grid, matrix, page, facts) or found
            finally:
                self._name_coded(doc, page.number, grid.bbox, facts.jobcoaching.answers[before:], facts)
        return found

    def _name_coded(self, doc: Document, page: int, bbox, answers: list[AnswerCounts], facts: Facts) -> None:
        """Questions of one table printed as codes ('V3'): each named from the legend nearest to
        that table ('Vraag 3. Het aantal keren ...?' above or under it); the rest is left to
        ``_questions_from_legend``."""
        if any(RE_QUESTION_CODE.fullmatch(a.question.strip()) for a in answers):
            legend = _legend_near(doc, page, bbox)
            _name_from_legend(answers, lambda a: legend, "de legenda bij de tabel", facts)

    def _answers_from_grid(self, grid, matrix: list[list[str]], page: Page, facts: Facts) -> bool:
        """One grid (or one scale's part of it) of answer counts: see ``answers_from_grids``."""
        found = False
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
        both = self._both_scales(matrix, head, nh, page.number, facts)
        if both is not None:
            for part in both:
                found = self._answers_from_grid(grid, part, page, facts) or found
            return found
        group = _scale_named(" ".join(head))
        if group is None and self._transposed_answers(logical_rows(grid), page.number, facts, grid.method,
                                                      above=lambda: self._question_over(self._doc, page, grid.bbox)):
            return True
        if group is None or nh == 0:
            return found
        scale = SCALES[group]
        units = any(t in UNITS for h in head[1:] for t in h.split()) or any("%" in c for r in matrix[nh:] for c in r[1:])
        if units:
            order = self._answer_order([" ".join(t for t in h.split() if t not in UNITS) for h in head[1:]], scale)
            if order is None:
                return found
            cols = None
            total = any(cached.search(r"\btotaal\b", h) for h in head[1:])
        else:
            cols = {}
            for answer in scale:
                col = next((i for i, h in enumerate(head) if i and (h == answer or _same_word(h.replace(" ", ""), answer.replace(" ", "")))), None)
                if col is None:  # 'niet helemaal ja' set close together in one header cell
                    col = next((i for i, h in enumerate(head) if i and h.split() and h.split()[0] == answer.split()[0]), None)
                if col is not None:
                    cols[answer] = col
            if len(cols) != len(scale) or len(set(cols.values())) != len(scale):
                blocks = self._answer_blocks(matrix, nh, scale)
                if blocks is None:
                    return found
                cols, names = blocks
                if cols is None:
                    # the counts per part (per location) and no total: adding them up is no reading
                    facts.warnings.append(f"Antwoordaantallen {group} niet gelezen (pagina {page.number}): de tabel geeft ze per "
                                          f"deel ({', '.join(names)}) en niet in totaal.")
                    return True
                facts._explain.append(f"pagina {page.number}: antwoordaantallen {group} per deel ({', '.join(names)}); "
                                      "de kolommen van het totaal gelezen")
        for k, r in enumerate(matrix[nh:]):
            question = " ".join(r[0].split())
            question = RE_QUESTION_NUMBER.sub("", question)  # its number: '1. Bent u ...?'
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
                    values = {a: self._count(v) for a, v in counts.items()}
                facts.jobcoaching.answers.append(AnswerCounts(group=group, question=question, page=page.number, counts=values))
                found = True
            except dutch.DutchParseError as exc:
                facts.warnings.append(f"Antwoordaantal niet gelezen (pagina {page.number}, {question!r}): {exc}")
        if found and grid.bbox[3] > 0.8 * page.height:
            self._open_table = (page.number, matrix[:nh], len(matrix[0]))  # it may go on on the next page
        how = " (aantallen; de percentages ernaast vergeleken, niet gebruikt)" if cols is None else ""
        facts._explain.append(f"pagina {page.number}: antwoordaantallen {group} gelezen uit een tabel ({grid.method}){how}")
        return found

    @staticmethod
    def _both_scales(matrix: list[list[str]], head: list[str], nh: int, page: int, facts: Facts) -> list[list[list[str]]] | None:
        """One table with both scales' answers side by side ('Vraag | nee | niet helemaal | ja |
        onvoldoende | matig | voldoende | goed'), each question's counts under its own scale only:
        a table per group (the question column, that scale's columns, the rows filled there), so
        that each is read as a table of its own. A row with counts under both scales is not read,
        nor one whose group mark ('WN – ...', 'Werkgever: ...') names the other scale; both are
        said. None when the header does not name both scales in columns of their own."""
        cols: dict[str, list[int]] = {}
        for group, scale in SCALES.items():
            at = [next((i for i, h in enumerate(head) if i and (h == a or _same_word(h.replace(" ", ""), a.replace(" ", "")))), None)
                  for a in scale]
            if None in at or len(set(at)) != len(scale):
                return None
            cols[group] = at
        if set(cols["werknemer"]) & set(cols["werkgever"]):
            return None
        parts: dict[str, list[list[str]]] = {g: [[" ".join(head[0].split())] + list(scale)] for g, scale in SCALES.items()}
        for row in matrix[nh:]:
            filled = [g for g, at in cols.items() if any(row[c].strip() for c in at)]
            if not filled:
                for part in parts.values():  # a lead-in, or the rest of a question cut by the page break
                    part.append([row[0]] + [""] * (len(part[0]) - 1))
                continue
            mark = RE_GROUP_MARK.match(" ".join(row[0].split()))
            named = GROUP_MARKS.get(mark.group("g").lower()) if mark else None
            if len(filled) > 1 or named not in (None, filled[0]):
                facts.warnings.append(f"Antwoordaantallen niet gelezen (pagina {page}, {' '.join(row[0].split())!r}): de vraag heeft "
                                      "aantallen onder beide antwoordschalen of onder de schaal van de andere groep.")
                continue
            question = row[0][mark.end():] if mark else row[0]
            parts[filled[0]].append([question] + [row[c] for c in cols[filled[0]]])
        facts._explain.append(f"pagina {page}: één tabel met de antwoordschalen van werknemers en werkgevers naast elkaar; "
                              "elke vraag gelezen onder de schaal waar haar aantallen staan")
        return [part for part in parts.values() if any(any(c.strip() for c in r[1:]) for r in part[1:])]

    @staticmethod
    def _answer_blocks(matrix: list[list[str]], nh: int, scale: tuple[str, ...]) -> tuple[dict[str, int] | None, list[str]] | None:
        """A header whose last line repeats the scale's answers in blocks side by side, each block
        named on the line above ('Hengelo | Enschede | Totaal' over 'nee | niet helemaal | ja' three
        times): ({answer: column} of the block named 'totaal', the blocks' names); the columns are
        None when no block, or more than one, is the total. None when the header is not so."""
        if nh < 2:
            return None
        last = ["".join(c.lower().split()) for c in matrix[nh - 1]]  # a word cut in a narrow cell: 'onvo ldoe nde'
        at = {a: [i for i, h in enumerate(last) if i and h == a.replace(" ", "")] for a in scale}
        k = len(at[scale[0]])
        if k < 2 or any(len(v) != k for v in at.values()):
            return None
        blocks = [[at[a][j] for a in scale] for j in range(k)]
        if any(b != sorted(b) or b[-1] - b[0] != len(scale) - 1 for b in blocks):
            return None
        names = [" ".join(" ".join(matrix[r][c] for r in range(nh - 1) for c in range(b[0], b[-1] + 1)).split()) for b in blocks]
        if not all(names):
            return None
        total = [j for j, n in enumerate(names) if cached.search(r"(?<!\p{L})(?:totaal|total|samen|geheel)(?!\p{L})", n.lower())]
        if len(total) != 1:
            return None, names
        return dict(zip(scale, blocks[total[0]])), names

    def _questions_from_legend(self, doc: Document, facts: Facts) -> None:
        """Questions printed as codes in the answer table ('V1' .. 'V9', 'Vraag 3') with a legend
        under or after it ('V1. Het aantal keren dat ...?'): the code becomes the legend's question.
        Looked for on the table's page and the next; a code the legend does not give stays as
        printed, so that JC-VRAGEN asks a person."""
        legends: dict[int, dict[str, str]] = {}

        def legend_of(a: AnswerCounts) -> dict[str, str]:
            page = a.page or 1
            if page not in legends:
                legends[page] = _legend(doc, page + 1) | _legend(doc, page)  # this page's item wins
            return legends[page]

        _name_from_legend(facts.jobcoaching.answers, legend_of, "de legenda", facts)

    def _transposed_answers(self, matrix: list[list[str]], page: int, facts: Facts, method: str, above=None) -> bool:
        """Answers as rows and questions as columns: 'Antwoord | vraag 1 | vraag 2', then a row
        'Nee | 1 | 0' per answer of one scale (each answer once, as the first cell). A lead-in
        over the questions ('Wat is uw mening over: ...') is no part of a question. A table of one
        question ('Antwoord | Aantal | Percentage', the question printed above it): the count
        column, its question from ``above()``."""
        first = [" ".join(r[0].lower().split()) for r in matrix]
        for group, scale in SCALES.items():
            rows = {}
            for i, label in enumerate(first):
                answer = next((a for a in scale if label == a or _same_word(label.replace(" ", ""), a.replace(" ", ""))), None)
                if answer is not None and label:
                    if answer in rows:
                        return False
                    rows[answer] = i
            if rows and len(rows) < len(scale):
                # a table cut by a page break, its header repeated on the next page: the first
                # answers in order up to the table's end here, the rest in order under the same
                # header on the next page; joined, else nothing is read
                order = sorted(rows, key=rows.get)
                top = min(rows.values())
                head = [[" ".join(c.split()) for c in r] for r in matrix[:top]]
                end = len(matrix) - 1 - (1 if cached.match(r"totaal\b", matrix[-1][0].strip().lower()) else 0)  # (its Totaal row under it)
                tight = max(rows.values()) - top == len(rows) - 1 and max(rows.values()) == end and 0 < top <= 4
                split = getattr(self, "_split", None)
                if tight and order == list(scale[:len(order)]):
                    self._split = (group, head, matrix[top:], page, above)
                elif tight and split and split[0] == group and split[3] == page - 1 and split[1] == head \
                        and order == list(scale[len(split[2]):]):
                    self._split = None
                    facts._explain.append(f"pagina {page}: antwoordtabel {group} loopt door van pagina {page - 1} onder dezelfde kop")
                    return self._transposed_answers(matrix[:top] + split[2] + matrix[top:], page - 1, facts, method, above=split[4])
                continue
            if len(rows) != len(scale):
                continue
            top = min(rows.values())
            if top == 0 or top > 4 or max(rows.values()) - top != len(scale) - 1:
                return False
            heads = [" ".join(" ".join(matrix[r][c] for r in range(top)).lower().split()) for c in range(1, len(matrix[0]))]
            if above is not None and heads and all(RE_COUNT_HEAD.fullmatch(h) for h in heads):
                return self._one_question(matrix, rows, heads, top, group, page, facts, method, above)
            read = 0
            for c in range(1, len(matrix[0])):
                question = " ".join(" ".join(matrix[r][c] for r in range(top)).split())
                if ":" in question[:-1]:
                    question = question.rsplit(":", 1)[1].strip()
                cells = {a: matrix[i][c].strip() for a, i in rows.items()}
                if not question or cached.match(r"(?:totaal|n|aantal)\b", question.lower()) or not any(cells.values()):
                    continue
                try:
                    facts.jobcoaching.answers.append(AnswerCounts(group=group, question=question, page=page, counts={
                        a: self._count(v) for a, v in cells.items()}))
                    read += 1
                except dutch.DutchParseError as exc:
                    facts.warnings.append(f"Antwoordaantal niet gelezen (pagina {page}, {question!r}): {exc}")
            if read:
                facts._explain.append(f"pagina {page}: antwoordaantallen {group} gelezen uit een tabel met een rij per antwoord en "
                                      f"een kolom per vraag ({method})")
            return read > 0
        return False

    def _one_question(self, matrix, rows: dict[str, int], heads: list[str], top: int, group: str, page: int, facts: Facts,
                      method: str, above) -> bool:
        """One question's table: a row per answer, a count column ('Aantal', 'n') and maybe its
        percentage and a Totaal row, the question printed above the table. The counts must add up
        to the Totaal row where there is one; the question must be found, else nothing is read."""
        count = next((k for k, h in enumerate(heads) if cached.fullmatch(r"aantal(?:len)?|n|abs\.?|aantal respondenten", h)), None)
        if count is None:
            return False
        question = above()
        if not question:
            facts.warnings.append(f"Antwoordaantallen {group} niet gelezen (pagina {page}): een tabel met een rij per antwoord "
                                  "zonder de vraag erboven.")
            return True
        try:
            counts = {a: self._count(matrix[i][count + 1].strip()) for a, i in rows.items()}
        except dutch.DutchParseError as exc:
            facts.warnings.append(f"Antwoordaantal niet gelezen (pagina {page}, {question!r}): {exc}")
            return True
        total = next((r for r in matrix[top:] if cached.match(r"totaal\b", r[0].strip().lower())), None)
        if total is not None and None not in counts.values():
            printed = dutch.parse_int(total[count + 1].strip()) if total[count + 1].strip() else None
            if printed is not None and printed != sum(counts.values()):
                facts.warnings.append(f"Antwoordaantallen niet gelezen (pagina {page}, {question!r}): de aantallen tellen niet op "
                                      f"tot het totaal ({sum(counts.values())} tegen {printed}).")
                return True
        facts.jobcoaching.answers.append(AnswerCounts(group=group, question=question, page=page, counts=counts))
        facts._explain.append(f"pagina {page}: antwoordaantallen {group} van één vraag ('{question[:60]}') uit een tabel met een "
                              f"rij per antwoord ({method}); de vraag staat erboven")
        return True

    def _question_over(self, doc: Document, page: Page, bbox) -> str | None:
        """The question printed just above a table ('1. Bent u tevreden over ...?'), on its page or,
        for a table at the top of a page, as the last text of the page before; without its number."""
        def last_question(blocks) -> str | None:
            for b in blocks:
                text = " ".join(b.text.split())
                if text.endswith("?"):
                    return RE_QUESTION_NUMBER.sub("", text)
                if not _page_foot(text, b.page):
                    return None  # other text stands between
            return None
        here = sorted((b for b in page.body_blocks if b.bbox[3] <= bbox[1] + 1 and bbox[1] - b.bbox[3] < 40), key=lambda b: -b.bbox[3])
        if here:
            return last_question(here)
        if page.number > 1 and not any(b.bbox[3] <= bbox[1] + 1 for b in page.body_blocks):
            before = doc.page(page.number - 1)
            return last_question(sorted(before.body_blocks, key=lambda b: -b.bbox[3]))
        return None

    @staticmethod
    def _answer_segments(matrix: list[list[str]]) -> list[list[list[str]]]:
        """One grid holding both groups' answers, each under its own scale's header row: a part per
        scale, so that no werkgever row is read under the werknemer's columns."""
        # a scale's header line run into the first row's question ('Werkgevers onvoldoende matig
        # voldoende goed Het aantal keren ...?', set tight in one line): the header its own row again,
        # where its answers fill the count columns exactly; else the table ends there (no werkgever
        # row read under the werknemers' answers)
        fixed = []
        for row in matrix:
            m = RE_HEADER_IN_LABEL.match(" ".join(row[0].split()))
            if m is None:
                fixed.append(row)
                continue
            scale = SCALES[_group_named(m["g"].lower())]
            if m["q"] is None and not any(c.strip() for c in row[1:]):
                # the header alone, all in the label column (the columns were set by another
                # group's header above): its answers over the count columns, when they fill them
                if len(row) - 1 != len(scale):
                    break
                fixed.append([m["g"], *scale])
                continue
            if m["q"] is None or len(row) - 1 != len(scale):
                break
            fixed += [[m["g"], *scale], [m["q"], *row[1:]]]
        matrix = fixed
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
        text = cached.sub(r"(\d)\s+%", r"\1%", text)
        text = cached.sub(r"\(\s*(\d+(?:[.,]\d+)?%)\s*\)", r"\1", text)  # '3 (43%)': the percentage in brackets
        text = cached.sub(r"\(\s*(?:n\s*=\s*)?(\d+)\s*\)", r"\1", text, flags=regex.I)  # '43% (3)': the count in brackets
        tokens = text.split()
        counts = [t for t in tokens if cached.fullmatch(r"\d+", t)]
        pcts = [t for t in tokens if cached.fullmatch(r"\d+(?:[.,]\d+)?%", t)]
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
        read_head, parts = None, 0  # the header of the table read, and how many tables under it
        before = len(facts.warnings)
        for grid, matrix in ((g, seg) for g in page_grids(doc, page.number) for seg in _period_segments(logical_rows(g))):
            while grid.method == "uitlijning" and len(matrix) > 2 and matrix[0][0].strip() and not any(c.strip() for c in matrix[0][1:]) \
                    and sum(1 for c in matrix[1] if c.strip()) >= 3 and _group_named(matrix[0][0].lower()) is None:
                matrix = matrix[1:]  # a caption or heading set in line with the table ('Weergave cijfers'), no header line
            if grid.method == "uitlijning" and len(matrix) > 2 and _paragraph_tail(page, grid.bbox, matrix[0]):
                matrix = matrix[1:]  # the last line of the paragraph above, set in line with the table's columns
            if len(matrix) < 2 or grid.ncols < 2:
                continue
            head, nh = self._grid_header(matrix)
            stacked = _side_by_side(matrix, head, nh) if nh else None
            if stacked is not None:
                matrix, head = stacked
            if read_head is not None and head != read_head:
                continue  # after a periods table only the same table again (another part) is read
            names, scores, label, problem = _period_columns(head) if nh else ({}, {}, None, None)
            if not scores and not problem and len(matrix) >= 3 and self._transposed_periods(matrix, grid, page.number, facts):
                return True
            if nh == 0:
                continue
            lines = [self._grid_line(grid, matrix, i) for i in range(len(matrix))] if stacked is None else [None] * len(matrix)
            if set(scores) != set(GROUPS) and (long := _long_columns(head, matrix[nh:])) is not None:
                if self._read_long_rows(matrix[nh:], lines[nh:], *long, page.number, facts):
                    facts.evidence["jobcoaching"] = Evidence(page=page.number, raw=" | ".join(h for h in head if h), bbox=grid.bbox)
                    facts._explain.append(f"pagina {page.number}: cijfers per jobcoachperiode gelezen uit een tabel met een "
                                          f"regel per groep per periode ({grid.method})")
                    return True
                continue
            if problem:
                if any(cached.search(r"werknemer|werkgever|opdrachtgever", h) for h in head):
                    _period_problem(facts, page.number, problem)
                continue
            if set(scores) == set(GROUPS) and (names or label is not None):
                if grid.ncols < 3:
                    continue
                n = len(jc.periods)
                self._read_period_rows(matrix[nh:], lines[nh:], names, scores, page.number, facts, averages=read_head is None)
                if len(jc.periods) > n and read_head is not None:
                    parts += 1  # the same table again under the same header: one per location, team, ...
                elif jc.periods and read_head is None:
                    facts.evidence["jobcoaching"] = Evidence(page=page.number, raw=" | ".join(h for h in head if h), bbox=grid.bbox)
                    blocks = "" if stacked is None else ", in blokken naast elkaar onder dezelfde kop, blok na blok gelezen"
                    facts._explain.append(f"pagina {page.number}: cijfers per jobcoachperiode gelezen uit een tabel ({grid.method}){blocks}")
                    read_head, parts = head, 1
                continue
            if not scores:
                group = self._caption_group(page, grid.bbox)
                only = [i for i, h in enumerate(head) if cached.search(r"^(?:cijfer|score)\b", h)]
                if group is None or len(only) != 1:
                    continue
                scores = {group: only[0]}
                name = next((i for i, h in enumerate(head) if i != only[0] and cached.search(r"\bnaam\b", h)), None)
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
        if parts > 1:
            self._parts_read(parts, page.number, facts)
        if read_head is not None:
            return True
        if set(halves) == set(GROUPS):
            self._join_halves(halves, facts)
        if not jc.periods and not halves:
            # no table read here (its columns ran together in the grid): another reading of the page
            # may read it; the rows' problems are said only if none does
            facts._deferred += facts.warnings[before:]
            del facts.warnings[before:]
        return bool(jc.periods)

    def _parts_read(self, parts: int, page: int, facts: Facts) -> None:
        """Periods read from several tables under the same header, each with its own average: those
        averages are a part's, not the report's behaald cijfer; none is kept."""
        jc = facts.jobcoaching
        for group in GROUPS:
            setattr(jc, f"{group}_avg", None)
            jc.raw.pop(f"{group}_avg", None)
            jc.raw.pop(f"{group}_berekening", None)
        facts.evidence.pop("averages", None)
        facts._explain.append(f"pagina {page}: cijfers per jobcoachperiode uit {parts} tabellen onder dezelfde kop "
                              "(een per deel); hun gemiddelden zijn die van een deel, niet het behaalde cijfer")

    def _transposed_periods(self, matrix: list[list[str]], grid, page: int, facts: Facts) -> bool:
        """A periods table on its side: a column per jobcoachperiode ('Periode 1', ..., 'Gemiddeld'),
        a row per name and score ('Cijfer werknemer', 'Cijfer werkgever')."""
        tm = [list(r) for r in zip(*matrix)]
        names, scores, _label, problem = _period_columns([" ".join(c.lower().split()) for c in tm[0]])
        if problem or set(scores) != set(GROUPS):
            return False
        # columns for measurement years ('Vorig meetjaar', 'Dit meetjaar (deze rapportage)') are key
        # figures beside last year's, not jobcoachperiodes
        heads = " ".join(c for col in tm[1:] for c in col[:max(1, min(scores.values()))] if c)
        if cached.search(r"meetjaar|vorig\w*|deze\s+rapportage|dit\s+jaar", heads, regex.I):
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
        last = None  # the name of the row above: a table grouped per name prints it on the group's first row only
        for cells, line in zip(body, lines):
            first = " ".join(next((c for c in cells if c.strip()), "").split())
            if cached.match(r"(?:behaald|gemiddeld\w*|totaal)\b", first.lower()):
                half["avg"], half["avg_line"] = cells[col], line
                if half["rows"]:
                    break
                continue  # the average as the first row: the periods follow
            if not cells[col].strip():
                continue
            if name is not None and not cells[name].strip():
                # no name: the same as the row above only where the row names its own period
                # ('Werkgever 4 | 1 | 6,0' over ' | 2 | 8,5'), else it is no period's row
                if last is None or label is None or not cells[label].strip():
                    continue
                cells = list(cells)
                cells[name] = last
            elif name is not None:
                last = cells[name]
            try:
                value = mark(cells[col])
            except dutch.DutchParseError as exc:
                facts.warnings.append(f"Cijfer per jobcoachperiode niet gelezen (pagina {page}): {exc}")
                value = None
            key = None
            if label is not None and cells[label].strip():  # 'Periode 3' and '3' are the same period
                key = m[0] if (m := cached.search(r"\d+", cells[label])) else " ".join(cells[label].lower().split())
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
                self._set_averages({group: half["avg"]}, half["avg_line"], half["page"], facts, evidence=False, own_table=True)
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
            if cached.match(r"^\d+(?:\.\d+)*\s+\p{Lu}", b.text) and len(b.text) < 80:
                break  # the next numbered heading
            body.append(b.text)
        if body:
            facts.jobcoaching.analysis = "\n".join(body)
            add_evidence(facts, "analysis", blocks[start + 1])
