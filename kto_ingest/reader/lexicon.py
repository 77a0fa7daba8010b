"""The Dutch lexicon (``lexicon.toml``) as patterns, and the date-range parser.

Everything here is pure: text in, a value (or None) out, so each form is tested in a table
(tests/test_reader_lexicon.py). The entries themselves are data: a bureau that words a fact
differently needs a synonym in ``lexicon.toml``, not new code.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

import regex

from .. import dutch
from ._rx import rx

LEXICON_PATH = Path(__file__).with_name("lexicon.toml")


@functools.cache
def lexicon() -> dict:
    with open(LEXICON_PATH, "rb") as fh:
        return tomllib.load(fh)


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# ---- dates and periods --------------------------------------------------------------------------

_MONTH = "|".join(sorted(dutch.MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(dutch.WEEKDAYS)
# ... and a filter's 'en ≤' ('≥ 01-01-2021 en ≤ 31-12-2021')
_SEP = (r"(?:\s*(?:t/m|t\.m\.|t\.e\.m\.|tot\s+en\s+met|tot|–|—|-|→|->|en|to|until)\s*(?:(?:≤|<=)\s*)?|\s+/\s+"
        # 'die begon op 1 januari 2021 en eindigde op 31 december 2021'
        r"|\s+en\s+(?:eindigde|eindigt|liep\s+tot(?:\s+en\s+met)?|loopt\s+tot(?:\s+en\s+met)?)\s+(?:op\s+)?)")
# day first ("1-1-2021", "01/01/2021", "1.1.2021") or ISO, year first ("2021-01-01")
_NUMDATE = r"(?<!\d)(?:\d{4}-\d{2}-\d{2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?!\d)"
_DAYMONTH = rf"(?:(?:{_WEEKDAY})\s+)?\d{{1,2}}\s+(?:{_MONTH})\.?"

RE_RANGE_NUMERIC = regex.compile(rf"(?P<s>{_NUMDATE}){_SEP}(?P<e>{_NUMDATE})", regex.I)
RE_RANGE_MONTH_NUMBERS = regex.compile(rf"(?<![\d/.-])(?P<sm>\d{{1,2}})[-/](?P<sy>\d{{4}}){_SEP}(?P<em>\d{{1,2}})[-/](?P<ey>\d{{4}})(?![\d/.-])")
RE_RANGE_WORDS = regex.compile(
    rf"(?<![\d])(?P<s>{_DAYMONTH})(?:\s+(?P<sy>\d{{4}}))?{_SEP}(?P<e>{_DAYMONTH})\s+(?P<ey>\d{{4}})", regex.I
)
RE_RANGE_MONTHS = regex.compile(
    rf"(?<![\d\p{{L}}])(?P<sm>{_MONTH})\.?(?:\s+(?P<sy>\d{{4}}))?{_SEP}(?P<em>{_MONTH})\.?\s+(?P<ey>\d{{4}})", regex.I
)
# "Q1 t/m Q4 2021", "Q3 2020 - Q2 2021", "1e t/m 4e kwartaal 2021", "kwartaal 1 tot en met kwartaal 4 2021"
# (the start may leave out the word: "1e t/m 4e kwartaal"; {opt} is "?" there)
_QUARTER = r"(?:Q\s?(?P<{g}>[1-4])|(?P<{g}>[1-4])(?:e|ste|de)(?:\s+(?:kwartaal|kw\.?)){opt}|(?:kwartaal|kw\.?)\s*(?P<{g}>[1-4]))"
RE_RANGE_QUARTERS = regex.compile(
    rf"(?<![\p{{L}}\d]){_QUARTER.format(g='sq', opt='?')}(?:\s+(?P<sy>\d{{4}}))?{_SEP}{_QUARTER.format(g='eq', opt='')}\s+(?P<ey>\d{{4}})(?!\d)",
    regex.I,
)
# "kalenderjaar 2021", "Meetjaar: 2021"
RE_YEAR = regex.compile(
    r"\b(?:kalenderjaar|het\s+jaar|jaar|boekjaar|meetjaar|onderzoeksjaar|verslagjaar|rapportagejaar)(?:\s*:\s*|\s+)"
    r"(?P<y>(?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)",
    regex.I,
)
RE_DATE = regex.compile(rf"(?:(?:{_WEEKDAY})\s+)?\d{{1,2}}\s+(?:{_MONTH})\.?\s+\d{{4}}|{_NUMDATE}", regex.I)


_DASHED_MONTH = regex.compile(rf"(?<!\d)(\d{{1,2}})-({_MONTH})\.?-(\d{{4}})(?!\d)", regex.I)


def _spell_dates(text: str) -> str:
    """'01-jan-2021' (a spreadsheet's date) as '01 jan 2021', so one date grammar reads both."""
    return _DASHED_MONTH.sub(r"\1 \2 \3", text)


@dataclass(frozen=True)
class PeriodMatch:
    start: dt.date
    end: dt.date
    raw: str
    form: str  # which form matched, for explain: "dd-mm-jjjj", "dag maand jaar", "maanden", "kalenderjaar"


def _date(text: str) -> dt.date:
    text = rx(r"\s+").sub(" ", text.replace(".", " ") if regex.search(r"\p{L}\.", text) else text).strip()
    numeric = rx(r"(\d{1,2})\.(\d{1,2})\.(\d{4})").fullmatch(text)
    if numeric:
        text = "-".join(numeric.groups())
    return dutch.parse_date(text)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str) -> PeriodMatch | None:
    """The first date range in ``text``, in any of the forms Dutch reports use:

    "1 september 2018 tot en met 31 augustus 2019", "1 januari t/m 31 december 2021" (the year
    once), "01-01-2021 – 31-12-2021", "2021-01-01 t/m 2021-12-31", "1 jan. 2021 – 31 dec. 2021",
    "januari tot en met december 2021", "Q1 t/m Q4 2021", "kalenderjaar 2021", "meetjaar 2021".
    An end before the start raises :class:`dutch.DutchParseError`; no range gives None.
    """
    s = _spell_dates(rx(r"[\s\u00a0\u202f]+").sub(" ", text))
    found: list[tuple[int, PeriodMatch]] = []
    if m := RE_RANGE_NUMERIC.search(s):
        found.append((m.start(), PeriodMatch(_date(m["s"]), _date(m["e"]), m[0], "dd-mm-jjjj")))
    elif m := RE_RANGE_MONTH_NUMBERS.search(s):  # '01-2021 t/m 12-2021': whole months
        sm, sy, em, ey = (int(m[k]) for k in ("sm", "sy", "em", "ey"))
        if 1 <= sm <= 12 and 1 <= em <= 12:
            end = dt.date(ey, em, calendar.monthrange(ey, em)[1])
            start = dt.date(sy, sm, 1)
            if end < start:
                raise dutch.DutchParseError(f"einde {end} ligt voor begin {start}")
            found.append((m.start(), PeriodMatch(start, end, m[0], "mm-jjjj")))
    if m := RE_RANGE_WORDS.search(s):
        end = _date(f"{m['e']} {m['ey']}")
        if m["sy"]:
            start = _date(f"{m['s']} {m['sy']}")
        else:  # "1 september t/m 31 augustus 2019": the start is in the year before when it would come after the end
            start = _date(f"{m['s']} {m['ey']}")
            if start > end:
                start = _date(f"{m['s']} {int(m['ey']) - 1}")
        found.append((m.start(), PeriodMatch(start, end, m[0], "dag maand jaar")))
    if m := RE_RANGE_MONTHS.search(s):
        sm, em, ey = dutch.MONTHS[m["sm"].lower()], dutch.MONTHS[m["em"].lower()], int(m["ey"])
        sy = int(m["sy"]) if m["sy"] else (ey if sm <= em else ey - 1)
        found.append((m.start(), PeriodMatch(dt.date(sy, sm, 1), _last_day(ey, em), m[0], "maanden")))
    if m := RE_RANGE_QUARTERS.search(s):
        sq, eq, ey = int(m["sq"]), int(m["eq"]), int(m["ey"])
        sy = int(m["sy"]) if m["sy"] else (ey if sq <= eq else ey - 1)
        found.append((m.start(), PeriodMatch(dt.date(sy, 3 * sq - 2, 1), _last_day(ey, 3 * eq), m[0], "kwartalen")))
    if m := RE_YEAR.search(s):
        y = int(m["y"])
        found.append((m.start(), PeriodMatch(dt.date(y, 1, 1), dt.date(y, 12, 31), m[0], "kalenderjaar")))
    if not found:
        return None
    best = min(found, key=lambda f: f[0])[1]
    if best.end < best.start:
        raise dutch.DutchParseError(f"{best.raw!r}: einddatum ligt voor de begindatum")
    return best


def find_date(text: str) -> tuple[dt.date, str] | None:
    """The first single date in ``text`` ("15 februari 2022", "15 feb. 2022", "15-2-2022", "15/02/2022",
    "2022-02-15", "dinsdag 15 februari 2022")."""
    m = RE_DATE.search(_spell_dates(rx(r"[\s\u00a0\u202f]+").sub(" ", text)))
    if not m:
        return None
    try:
        return _date(m[0]), m[0]
    except dutch.DutchParseError:
        return None


# ---- labels ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelMatch:
    label: str  # the lexicon entry that matched, as written in lexicon.toml
    value: str  # the text after the label (may be empty: the value is on the next line)


@functools.cache
def _label_re(fact: str, key: str = "labels") -> regex.Pattern:
    words = lexicon()[fact][key]
    # a remark in brackets may follow the label: 'Opdrachtgever (leverancier): X'
    # a dash may stand for the colon: 'Aanbieder van de scholing — Leerhuis Kempenland'
    return regex.compile(rf"^\s*(?P<label>{_alt(words)})(?:\s*\([^()]{{1,30}}\))?\s*(?::|\s[–—-]\s|\s|$)\s*(?P<value>.*?)\s*$", regex.I)


@functools.cache
def _label_anywhere_re(fact: str, key: str = "labels") -> regex.Pattern:
    words = lexicon()[fact][key]
    return regex.compile(rf"(?<!\p{{L}})(?P<label>{_alt(words)})(?!\p{{L}})\s*:?\s*", regex.I)


def label_at_start(fact: str, text: str, key: str = "labels") -> LabelMatch | None:
    """``text`` starts with one of the fact's labels: 'Opdrachtgever: X' -> LabelMatch('opdrachtgever', 'X')."""
    m = _label_re(fact, key).match(text)
    if not m:
        return None
    label = m["label"]
    after = rx(r"^\s*\([^()]{1,30}\)").sub("", text[m.end("label"):]).lstrip()
    if " " not in label.strip() and m["value"] and not after.startswith((":", "–", "—", "- ")) \
            and not rx(r"d\.\s?d\.|\d").match(m["value"]):  # 'Meetperiode 01-2021 t/m 12-2021': a date is no name
        return None  # 'Bureau Inzicht B.V.' is a name, 'Bureau: Inzicht B.V.' a label; one word needs its colon (or 'd.d.')
    return LabelMatch(_entry(fact, key, label), m["value"])


def labels_in(fact: str, text: str, key: str = "labels"):
    """Every label of ``fact`` inside ``text``: (entry, end offset)."""
    for m in _label_anywhere_re(fact, key).finditer(text):
        yield _entry(fact, key, m["label"]), m.end()


def _entry(fact: str, key: str, printed: str) -> str:
    flat = " ".join(printed.lower().split())
    return next((w for w in lexicon()[fact][key] if w == flat), flat)


_PARTICLES = {"de", "van", "der", "den", "het", "en", "&", "voor", "op", "in", "'t", "te", "aan", "bij", "&amp;"}
_NAME_STOP = regex.compile(
    r"\s+(?:uitgevoerd|opgesteld|door|is|zijn|heeft|hebben|werd|wordt|over|betreffende|inzake|met betrekking|in opdracht|ten behoeve)\b.*$"
    r"|\s+[-–]\s+(?-i:\p{Ll}).*$",
    regex.I,
)


_PLACE_AFTER = regex.compile(r"(?<=\S),\s+\p{Lu}[\p{L}'’-]+(?:[\s-]\p{Lu}[\p{L}'’-]+)?(?:\s+\([^()]*\))?$")


def as_name(text: str) -> str | None:
    """An organisation name as printed, or None when ``text`` does not look like one: it must
    start with a capital or digit, not be a common sentence word, and every word must be
    capitalised or a particle ('Coöperatie Scholing & Coaching IJsselstreek (Zuidoost)')."""
    text = _NAME_STOP.sub("", text.strip())
    text = text.strip(" ,;:")
    if text.endswith(".") and not rx(r"(?:^|[\s.])\p{L}{1,3}\.$").search(text):
        text = text[:-1]  # the full stop of a sentence, not of 'B.V.' or 'e.a.'
    # the place of business after a comma, with a remark: 'De Brug, Nijmegen (fictief)'
    text = _PLACE_AFTER.sub("", text.strip())
    if not text or len(text) > 90:
        return None
    words = text.split()
    if not (words[0][0].isupper() or words[0][0].isdigit()) or words[0].lower() in lexicon()["supplier"]["not_a_name"]:
        return None
    if RE_DATE.search(text):
        return None
    for w in words:
        core = w.strip("()\"'“”‘’,")
        if not core or core.lower() in _PARTICLES or core[0].isupper() or core[0].isdigit() or not core[0].isalpha():
            continue
        if w.startswith("(") or (core.startswith("voorheen")):
            continue
        return None
    return text


_INITIALS = r"(?:\p{Lu}\.\s?(?:-?\p{Lu}\.\s?)*|\p{Lu}\p{Ll}{0,2}\.\s?)"  # 'M.', 'J.P.', 'Th.'
_SURNAME = r"(?:(?:van|de|der|den|ter|ten|te|het|'t|in|op|von|da|di|le|la)\s+)*\p{Lu}[\p{L}'’-]+"


@functools.cache
def _person_re() -> regex.Pattern:
    titles = "(?i:" + _alt([t.rstrip(".") for t in lexicon()["bureau"]["person_titles"]]) + ")"
    title = rf"(?:(?:{titles})\.?\s+)"
    after = rf"(?:,?\s+(?:{titles})\.?)"
    one = rf"{title}*{_INITIALS}\s*{_SURNAME}{after}*|{title}+\p{{Lu}}\p{{Ll}}+(?:\s+{_SURNAME})?{after}*"
    return regex.compile(rf"^(?:{one})(?:\s*(?:,|\s+en\s+|\s+&\s+|;)\s*(?:{one}))*$")


def looks_like_person(text: str) -> bool:
    """'M. Yilmaz MSc en J. Brouwer', 'drs. E. Hoekstra', 'Prof. dr. C. Laan' name people: initials
    and a surname, or a title or degree, possibly several joined by 'en' or commas. A person is never
    the bureau."""
    t = " ".join(text.split()).strip(" ,;:")
    t = rx(r",\s*(?:directeur|directeur-bestuurder|projectleider|onderzoeker|senior onderzoeker|adviseur)\b.*$", regex.I).sub("", t)
    if not t or not _person_re().match(t):
        return False
    words = rx(r"[\p{L}.&-]+").findall(t.lower())
    b = lexicon()["bureau"]
    return not any(w in words for w in b["org_words"] + b["legal_forms"])  # 'Drs Onderzoek' is a name of a bureau


def looks_like_organisation(text: str) -> bool:
    """A name with an organisation word ('Onderzoek', 'Research', 'Bureau', 'Instituut') or a legal
    form ('B.V.', 'Stichting'), and not a person's name."""
    if looks_like_person(text):
        return False
    low = text.lower()
    words = rx(r"[\p{L}.&-]+").findall(low)
    b = lexicon()["bureau"]
    if any(w in words for w in b["legal_forms"]) or rx(r"\bb\.\s?v\.?(?:\s|$)").search(low):
        return True
    return any((len(w) > 3 and w in low) or w in words for w in b["org_words"])


def looks_like_supplier(text: str) -> bool:
    """A name with a word of a scholing or jobcoaching organisation ('Trainingsinstituut', 'Leerhuis')."""
    low = text.lower()
    return any(w in low for w in lexicon()["bureau"]["supplier_words"])


# ---- table headers -----------------------------------------------------------------------------

MEASURES = ("beeindigd", "netto_steekproef", "ingevuld", "respons_pct", "rapportcijfer")


@functools.cache
def _measure_res() -> list[tuple[str, str, regex.Pattern]]:
    out = []
    # More specific entries first: 'respons (n)' (a count) before 'respons' (a percentage).
    order = ("beeindigd", "ingevuld", "netto_steekproef", "respons_pct", "rapportcijfer")
    for key in order:
        for pattern in lexicon()["measures"][key]:
            out.append((key, pattern, regex.compile(pattern, regex.I)))
    return out


def normalise_header(text: str) -> str:
    t = " ".join(text.lower().replace("\u00ad", "").split())
    t = rx(r"(\p{L})- (\p{L})").sub(r"\1\2", t)  # a header word hyphenated over two lines
    # a footnote mark set as a small digit right after a word, as TeX prints it ('Beëindigd1', 'Gem. cijfer3')
    t = rx(r"(?<=\p{L}{3})\d{1,2}(?=\s|$)").sub("", t)
    # a sortable column's arrows or triangles ('Respons ↕', 'Perceel ▲', 'Uitgenodigd ⇅')
    t = " ".join(rx(r"[\u2190-\u21ff\u25b2-\u25c5\u2b05-\u2b0d]").sub(" ", t).split())
    return t.strip(" :*¹²³")


_QUESTION_CODE = regex.compile(r"^(?:v|q|vr\.?|vraag)\s?\d{1,2}[a-z]?\s*[.:)]?\s+", regex.I)


_PIVOT = regex.compile(r"^(?:som|totaal|aantal|gemiddelde|sum|count|average|mean)\s+(?:van|of)\s+(?=\p{L})")
_YEAR_IN_HEADER = regex.compile(r"\s*[(\[]?\b(?:meting\s+)?(?:19|20)\d{2}\b[)\]]?\s*$")


def measure_of(header: str) -> tuple[str, str] | None:
    """Which measure a header cell names, with the lexicon pattern that matched:
    'Netto steekpr.' -> ('netto_steekproef', ...), 'Gemiddeld cijfer' -> ('rapportcijfer', ...)."""
    t = normalise_header(header)
    if not t:
        return None
    # a header may open with the number of its question: 'V1 Rapportcijfer', 'Vraag 1: cijfer'
    bare = _QUESTION_CODE.sub("", t)
    # ... and a header over one of several measurements may name its year: 'Respons 2021', 'Cijfer (2021)'
    dated = _YEAR_IN_HEADER.sub(" ", t).strip()
    # ... and a spreadsheet's pivot table says what it did with the field: 'Som van ingevuld',
    # 'Gemiddelde van rapportcijfer'
    pivot = _PIVOT.sub("", t).strip()
    for form in dict.fromkeys((t, t.replace(" ", ""), bare, bare.replace(" ", ""), dated, pivot)):
        if not form:
            continue
        for key, pattern, rx in _measure_res():
            if rx.fullmatch(form):
                return key, pattern
    return None


@functools.cache
def _label_sets() -> dict[str, set[str]]:
    lab = lexicon()["labels"]
    return {k: {w.lower() for w in v} for k, v in lab.items()}


@functools.lru_cache(maxsize=8192)
def label_kind(label: str) -> str | None:
    """What a row (or column) label names: 'perceel', 'cluster', 'total', 'group_clients',
    'group_employers', 'label_header', or None. Cached: the reader asks it of the same labels many
    times (a table's rows, the lines of every page)."""
    t = normalise_header(label)
    sets = _label_sets()
    if t in sets["total"] or t.startswith("totaal") or any(t.startswith(x + " ") for x in sets["total"] if " " in x):
        return "total"  # 'Alle percelen samen'

    if t in sets["group_clients"]:
        return "group_clients"
    if t in sets["group_employers"]:
        return "group_employers"
    if t in sets["label_headers"]:
        return "label_header"
    words = set(rx(r"\p{L}[\p{L}-]*").findall(t))
    if words & sets["perceel"] or any(t.startswith(p) for p in sets["perceel"]):
        return "perceel"
    if words & sets["cluster"] or any(w.startswith(c) for w in words for c in sets["cluster"] if len(c) >= 6):
        return "cluster"
    return None


@functools.cache
def approached_patterns() -> list[regex.Pattern]:
    return [regex.compile(p, regex.I) for p in lexicon()["approached"]["patterns"]]


@functools.cache
def _status_patterns() -> list[tuple[bool, str, regex.Pattern]]:
    out = []
    for final, key in ((False, "concept"), (True, "definitief")):
        for w in sorted(lexicon()["final"][key], key=len, reverse=True):
            w2 = rx(r"^status:\s*").sub("", w)
            out.append((final, w2, regex.compile(rf"{regex.escape(w2)}(?:\s+(?:rapport|versie|\d[\d.]*|v\d[\d.]*))*$")))
    return out


@functools.cache
def _status_labels() -> str:
    """The labels a status follows ('Status:', 'Documentstatus:', 'Versie:'), longest first."""
    return _alt(lexicon()["final"]["labels"])


def status_of(text: str) -> tuple[bool, str] | None:
    """'Definitief rapport' -> (True, 'definitief rapport'); 'Conceptversie' -> (False, ...)."""
    t = " ".join(text.lower().split()).strip(" .")
    t = rx(rf"^(?:{_status_labels()})\s*:?\s*").sub("", t)
    t = rx(r"^v?\d+(?:\.\d+)+\s*[-–—,]\s*(?=\p{L})").sub("", t)  # 'Documentversie: 1.0 – definitief'
    t = rx(r"\s*[,;]\s*(?:niet|vertrouwelijk|intern)\b.*$").sub("", t)  # 'Conceptuitgave, niet voor verspreiding'
    # a remark after the status: 'concept (niet verspreiden)', 'conceptversie ter bespreking'
    t = rx(r"\s*\([^()]*\)$").sub("", t)
    # (... 'ter bespreking met de opdrachtgever')
    t = rx(r"\s+(?:ter|voor)\s+(?:bespreking|inzage|review|commentaar|goedkeuring|vaststelling|informatie)\b.*$").sub("", t)
    # 'CONCEPT – niet verspreiden', 'Definitief - vertrouwelijk', 'Conceptrapport – ter bespreking'
    t = rx(r"\s+[-–—]\s+(?:niet|vertrouwelijk|intern|versie|ter|voor)\b.*$").sub("", t).rstrip(" -–—")
    for final, w2, pattern in _status_patterns():
        if t == w2 or pattern.match(t):
            return final, w2
    # 'Status: vastgesteld' (a word that is a status only after its label), or after a version
    # number ('... – versie 1.0, vastgesteld')
    low = " ".join(text.lower().split()).strip(" .")
    labelled = rx(rf"^(?:{_status_labels()})\s*:?\s*(?P<w>.+)$").match(low) or \
        rx(r"\bversie\s*v?\d+(?:\.\d+)+\s*[,;–—-]\s*(?P<w>\p{L}[\p{L} ]*)$").search(low)
    if labelled:
        w = labelled["w"]
        for final, key in ((True, "definitief_labelled"), (False, "concept_labelled")):
            if w in lexicon()["final"].get(key, []):
                return final, w
        # 'Versie 0.9', 'Versie: 0.3': a version before 1.0 is a draft by the usual numbering
        if rx(r"^v?0\.\d+(?:\.\d+)?$").match(w):
            return False, "versie 0.x"
    # 'Klanttevredenheid 2021 (concept)': a short title with its status in brackets at the end
    if m := rx(r"^[\p{L}\d ,.-]{0,50}\((?P<w>definitief|definitieve versie|eindversie|concept|conceptversie|draft)\)$").match(
            " ".join(text.lower().split()).strip(" .")):
        return m["w"] in ("definitief", "definitieve versie", "eindversie"), m["w"]
    # 'Versie 1.0 (definitief)', 'Status rapport: concept'
    if m := rx(rf"^(?:{_status_labels()})\b[^a-z]*(?:rapport\s*:?\s*)?\(?(?P<w>definitief|concept)\)?$").match(
            " ".join(text.lower().split()).strip(" .")):
        return m["w"] == "definitief", m["w"]
    return None


# a heading's section number: '1.2 ', '3.2.1. ', 'B.1 '
RE_SECTION_NUMBER = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-Z]\.\d{1,2}(?:\.\d{1,2})*)\s+")


@functools.cache
def signer_function_re() -> regex.Pattern:
    """A signer's function before an organisation ('directeur Oosterschelde Sociaal Onderzoek'):
    the organisation as group 'n' (``[bureau] signature_functions``)."""
    functions = _alt(lexicon()["bureau"].get("signature_functions", []))
    return regex.compile(rf"^(?:{functions})\s+(?:van\s+|bij\s+)?(?P<n>\p{{Lu}}.+)$", regex.I)


@functools.cache
def comparison_re(where: str) -> regex.Pattern:
    """Words that mark another measurement shown for comparison (``[comparison]``): ``where`` is
    'sentence' or 'caption' (searched in a text) or 'prose' (matched against one word)."""
    starts = _alt(lexicon()["comparison"][where])
    return regex.compile(rf"(?<!\p{{L}})(?:{starts})\p{{L}}*(?!\p{{L}})", regex.I)


# ---- words for a fact, searched in the whole text (approach, analysis) ----------------------------


def _whole(patterns: list[str]) -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\p{L}\p{N}])", regex.I | regex.V1)


@functools.cache
def word_groups(fact: str) -> list[tuple[str, regex.Pattern]]:
    """The named word groups of a fact whose absence may be vouched for: the ways of approaching
    (``[approach] ways``) or the wordings of an analysis (``[analysis] words``), each compiled as
    whole words: [('e-mail', pattern), ...]."""
    entries = lexicon()[fact]["ways" if fact == "approach" else "words"]
    return [(e["name"], _whole(e["patterns"])) for e in entries]


@functools.cache
def approach_patterns() -> dict[str, regex.Pattern]:
    """'invited', 'sent_objects', 'sent_verbs', 'contact' and 'section_headings' of ``[approach]``."""
    a = lexicon()["approach"]
    out = {k: _whole(a[k]) for k in ("invited", "sent_objects", "sent_verbs")}
    out["contact"] = regex.compile("|".join(f"(?<![\\p{{L}}\\p{{N}}])(?:{p})" for p in a["contact"]), regex.I | regex.V1)
    out["section_headings"] = regex.compile(rf"^(?:\d+(?:\.\d+)*\.?\s+)?(?:{_alt(a['section_headings'])})\b", regex.I)
    return out


def warm() -> None:
    """Compile the lexicon's patterns now (the fork server does, before it forks the workers: each
    worker then has them instead of compiling them again on its first reports)."""
    for fact, keys in lexicon().items():
        if isinstance(keys, dict):
            for key in ("labels", "cover_labels"):
                if key in keys:
                    _label_re(fact, key)
                    _label_anywhere_re(fact, key)
            for key in ("phrases", "signature"):
                if key in keys:
                    _label_anywhere_re(fact, key)
    _person_re(), _measure_res(), _label_sets(), approached_patterns(), _status_patterns(), _status_labels()
    signer_function_re(), approach_patterns()
    for where in ("sentence", "caption", "prose"):
        comparison_re(where)
    for fact in ("approach", "analysis"):
        word_groups(fact)
