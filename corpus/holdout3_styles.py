"""House styles of the HOLDOUT3 family: kept for a final blind measurement. Whoever builds or tunes
the reader must not read this module or the documents it makes, and must not run kto-ingest on
them until that measurement (corpus/README.md).

``date_forms`` and ``period_forms`` list how these styles print dates and periods, so that
``corpus.check`` can tell that every truth value is really printed.
"""

from __future__ import annotations

import datetime as dt
import random

from .model import DUTCH_MONTHS, WG_SCALE, WN_SCALE, JobcoachSpec, ScholingSpec, long_date, nl
from .render import Doc, Image, PageBreak, Para, Signature, Table, logo_png
from .styles import (APPROACH, NO_APPROACH, Built, JcStyle, Style, analysis_paras, filler, jc_num, questions_block)

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def weekday_date(d: dt.date) -> str:
    return f"{WEEKDAYS[d.weekday()]} {long_date(d)}"


def short_date(d: dt.date) -> str:
    return f"{d.day} {SHORT[d.month - 1]} {d.year}"


def slash_short(d: dt.date) -> str:
    return f"{d.day}/{d.month}/{d.year}"


def is_calendar_2021(start: dt.date, end: dt.date) -> bool:
    return (start, end) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


def months_dash(start: dt.date, end: dt.date) -> str | None:
    """'januari – december 2021' / 'september 2020 – augustus 2021' for whole months, else None."""
    if start.day != 1 or (end + dt.timedelta(days=1)).day != 1:
        return None
    a, b = DUTCH_MONTHS[start.month - 1], DUTCH_MONTHS[end.month - 1]
    return f"{a} – {b} {end.year}" if start.year == end.year else f"{a} {start.year} – {b} {end.year}"


def short_months(start: dt.date, end: dt.date) -> str | None:
    if start.day != 1 or (end + dt.timedelta(days=1)).day != 1:
        return None
    return f"{SHORT[start.month - 1]} {start.year} - {SHORT[end.month - 1]} {end.year}"


def date_forms(d: dt.date) -> list[str]:
    return [weekday_date(d), short_date(d), slash_short(d), f"{d:%d.%m.%Y}"]


def period_forms(start: dt.date, end: dt.date) -> list[str]:
    out = [f"{slash_short(start)} – {slash_short(end)}", f"{start.day}-{start.month}-{start.year} t/m {end.day}-{end.month}-{end.year}",
           f"{long_date(start)} – {long_date(end)}"]
    for f in (months_dash(start, end), short_months(start, end)):
        if f:
            out.append(f)
    if is_calendar_2021(start, end):
        out.append("Onderzoeksjaar: 2021")
    return out


def cijfer(r, blank: str = "n.v.t.") -> str:
    return blank if r.cijfer is None else nl(r.cijfer)


def interval(rng: random.Random, r) -> str:
    if r.cijfer is None or r.ingevuld < 3:
        return "–"
    w = rng.uniform(0.15, 0.6)
    return f"{nl(r.cijfer - w)} – {nl(min(10, r.cijfer + w))}"


# ---- bureau 1 (reportlab) ----------------------------------------------------------------------------
class Lindeboom(Style):
    key = "lindeboom"
    organisation = "Lindeboom Statistiek & Onderzoek"
    aliases = ("Lindeboom Statistiek",)
    producer = "reportlab"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT-cluster {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        b = [Para(self.organisation, "cover", bold=True),
             Para("Klanttevredenheidsonderzoek scholing – verslag 2021", "title"),
             Table(header=[], body=[["Dienstverlener:", s.supplier],
                                    ["Verslagperiode:", f"{slash_short(s.meet_start)} – {slash_short(s.meet_end)}"],
                                    ["Publicatiedatum:", weekday_date(s.report_date)],
                                    ["Documentstatus:", "vastgesteld" if s.final else "concept"]],
                   ruled=False, widths=[1.2, 2.6], font_pt=11),
             PageBreak(),
             Para("1 Opzet", "h1"),
             Para(APPROACH.format(who="Lindeboom") if s.method_account else NO_APPROACH)]
        b += filler(rng, 2)
        b.append(Para("2 Steekproef en respons", "h1"))
        b.append(Table(header=[["Perceel", "Uitgenodigd", "Respondenten", "Respons"]],
                       body=[[r.service, str(r.benaderd), str(r.ingevuld), nl(r.respons) + "%"] for r in s.rows],
                       ruled=False, hrules=True, widths=[2.8, 1, 1, 1], caption="Tabel 2 Steekproef en respons"))
        b.append(Para("3 Waardering", "h1"))
        b.append(Para("Het rapportcijfer met het 95%-betrouwbaarheidsinterval, per perceel en cluster."))
        order = sorted(s.rows, key=lambda r: (r.cijfer is None, -(r.cijfer or 0)))
        b.append(Table(header=[["Perceel", "Rapportcijfer", "95%-betrouwbaarheidsinterval"]],
                       body=[[r.service, cijfer(r), interval(rng, r)] for r in order],
                       ruled=False, hrules=True, widths=[2.8, 1, 1.6], caption="Tabel 3 Rapportcijfer (aflopend)"))
        b += questions_block("4 Vragen")
        b += self.signature(s)
        doc = Doc(b, font="serif", title="Verslag KTO scholing 2021", footer="{page}")
        return Built(doc)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Ondertekening", "h2"), Signature(["drs. W. Lindeboom", f"directeur {self.organisation}"])]
        if s.signature == "digital":
            return [Para("Ondertekening", "h2"), Para("Dit verslag is elektronisch ondertekend.")]
        return []


# ---- bureau 2 (Chromium, a landscape slide deck) ----------------------------------------------------
class Hoogland(Style):
    key = "hoogland"
    organisation = "Bureau Hoogland Marktinzicht"
    producer = "chromium"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Functiegerichte vaardigheidstraining {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        period = months_dash(s.meet_start, s.meet_end) or f"{long_date(s.meet_start)} – {long_date(s.meet_end)}"
        b = [Image(logo_png("HM", (0.85, 0.45, 0.05)), 2.4, 1.0),
             Para("KTO scholingsdiensten", "title"),
             Para("Eindrapportage" if s.final else "Tussenrapportage (concept)", "cover", bold=True),
             Para(f"Naam leverancier: {s.supplier}", "cover"),
             Para(f"Periode: {period}", "cover"),
             Para(f"Rapportage d.d. {s.report_date:%d-%m-%Y}", "cover"),
             PageBreak(),
             Para("Aanpak", "h1"),
             Para(APPROACH.format(who="Hoogland") if s.method_account else NO_APPROACH),
             PageBreak(),
             Para("Resultaten per perceel", "h1")]
        body = [[r.service, str(r.benaderd), str(r.ingevuld), nl(r.respons) + "%", cijfer(r, "-"), interval(rng, r)] for r in s.rows]
        b.append(Table(header=[["Perceel / cluster", "Netto steekproef (n)", "Respons (n)", "Respons", "Gem. rapportcijfer",
                                "Betrouwbaarheidsinterval"]],
                       body=body, ruled=False, zebra="#fbeee0", head_fill="#c96a0d", widths=[3, 1.1, 1, 0.9, 1.1, 1.5], font_pt=11))
        b.append(PageBreak())
        b += questions_block("Vragen")
        b += self.signature(s)
        doc = Doc(b, font="sans", font_pt=12, landscape=True, title="KTO scholingsdiensten",
                  footer=f"© {self.organisation} 2022 | {{page}}/{{pages}}")
        return Built(doc)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Signature([f"{self.organisation}", "ing. F. Dekker"])]
        if s.signature == "digital":
            return [Para("Digitaal ondertekend", "small")]
        return []


# ---- bureau 3 (LibreOffice .fodt, one small table per perceel) --------------------------------------
class KwaliteitNoord(Style):
    key = "kwaliteitnoord"
    organisation = "Instituut Kwaliteitsmeting Noord"
    producer = "lo-fodt"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Functiegerichte vaardigheidstrainingen, cluster {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        when = ("Onderzoeksjaar: 2021" if is_calendar_2021(s.meet_start, s.meet_end)
                else f"Periode: {s.meet_start.day}-{s.meet_start.month}-{s.meet_start.year} t/m "
                     f"{s.meet_end.day}-{s.meet_end.month}-{s.meet_end.year}")
        b = [Para("Klantoordeel scholingsdiensten", "title"),
             Para(f"Scholingsinstituut: {s.supplier}", "cover"),
             Para(when, "cover"),
             Para("Versie 2.0 – definitief" if s.final else "Versie 0.8 – concept", "cover"),
             Para(f"Groningen, {long_date(s.report_date)}", "cover"),
             PageBreak(),
             Para("Werkwijze", "h1"),
             Para(APPROACH.format(who="het instituut") if s.method_account else NO_APPROACH),
             Para("Uitkomsten per perceel", "h1")]
        for r in s.rows:
            b.append(Para(r.service, "h2"))
            b.append(Table(header=[], body=[["Uitgenodigde klanten", str(r.benaderd)], ["Ingevulde vragenlijsten", str(r.ingevuld)],
                                            ["Respons", nl(r.respons) + " %"], ["Rapportcijfer", cijfer(r)]],
                           ruled=True, widths=[2.2, 1], font_pt=10))
        b += questions_block("Vragen")
        b += self.signature(s)
        doc = Doc(b, font="sans", title="Klantoordeel", header=f"{self.organisation} | KTO UWV scholing",
                  footer="Blz. {page} van {pages}")
        return Built(doc)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Ondertekening", "h2"), Signature(["Voor het instituut,", "dr. A. Bos"])]
        if s.signature == "digital":
            return [Para("Ondertekening", "h2"), Para("Dit document draagt een digitale handtekening.")]
        return []


# ---- bureau 4 (LibreOffice HTML import) ---------------------------------------------------------------
class DeBrug(Style):
    key = "debrug"
    organisation = "Onderzoekscoöperatie De Brug"
    producer = "lo-html"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        period = short_months(s.meet_start, s.meet_end) or f"{slash_short(s.meet_start)} – {slash_short(s.meet_end)}"
        b = [Para("Definitieve rapportage" if s.final else "Conceptrapportage", "cover", bold=True),
             Para("Tevredenheid over scholing 2021", "title"),
             Para(f"Aangeboden aan: {s.supplier}", "cover"),
             Para(f"Afnameperiode: {period}", "cover"),
             Para(f"Datum rapport: {short_date(s.report_date)}", "cover"),
             PageBreak(),
             Para("Over dit onderzoek", "h1"),
             Para(APPROACH.format(who="De Brug") if s.method_account else NO_APPROACH)]
        b += filler(rng, 2)
        t = s.total()
        rows = s.rows + [t]
        body = [[r.service, nl(r.respons), str(r.ingevuld), str(r.benaderd), cijfer(r)] for r in rows]
        b.append(Table(header=[["Perceel", "Respons %", "Respondenten", "Uitgenodigd", "Cijfer"]], body=body, ruled=True,
                       widths=[2.6, 1, 1, 1, 0.8], caption="Overzicht: respons en cijfer", bold_rows=(len(body) - 1,)))
        b += questions_block("Per vraag")
        b += self.signature(s)
        b += [Para(f"Uitgave van {self.organisation}, Nijmegen (fictief).", "small")]
        return Built(Doc(b, font="sans", title="Tevredenheid over scholing"), total_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Signature(["Namens de coöperatie,", "S. Aydın, voorzitter"])]
        if s.signature == "digital":
            return [Para("Digitaal getekend door de coöperatie.", "small")]
        return []


# ---- jobcoaching ------------------------------------------------------------------------------------
def period_ranges(s: JobcoachSpec) -> list[str]:
    step = (s.meet_end - s.meet_start).days // max(1, len(s.periods))
    out = []
    for i in range(len(s.periods)):
        a = s.meet_start + dt.timedelta(days=i * step // 2)
        b = a + dt.timedelta(days=90 + 7 * i)
        b = min(b, s.meet_end)
        out.append(f"{SHORT[a.month - 1]} {a.year} – {SHORT[b.month - 1]} {b.year}")
    return out


class Compaan(JcStyle):
    key = "compaan"
    organisation = "Stichting Jobcoach Compaan"
    producer = "reportlab"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        ranges = period_ranges(s)
        body = [[ranges[i], p.werknemer, p.werkgever, jc_num(p.wn, ",", True), jc_num(p.wg, ",", True)] for i, p in enumerate(s.periods)]
        b = [Para("Klanttevredenheid jobcoaching – jaarverslag", "title"),
             Para(f"Jobcoachorganisatie: {self.organisation}", "cover"),
             Para(f"Datum van erkenning: {long_date(s.recognition)}", "cover"),
             Para(f"Meetperiode: {s.meet_start:%d-%m-%Y} t/m {s.meet_end:%d-%m-%Y}", "cover"),
             Para(f"Rapportagedatum: {s.report_date:%d-%m-%Y}", "cover"),
             Para("Weergave cijfers", "h1"),
             Table(header=[["Jobcoachperiode", "Werknemer", "Werkgever", "Cijfer wn", "Cijfer wg"]], body=body, ruled=False,
                   hrules=True, widths=[1.6, 1.3, 1.3, 0.8, 0.8], left_cols=(1, 2)),
             Para(f"Gemiddeld behaald cijfer werknemers: {nl(s.wn_avg_printed)} – werkgevers: {nl(s.wg_avg_printed)}", bold=True),
             Para("Weergave vragen", "h1"),
             Para("Werknemer (schaal: nee – niet helemaal – ja)", bold=True),
             Table(header=[["Vraag"] + WN_SCALE], body=[[q] + [str(c[k]) for k in WN_SCALE] for g, q, c in s.answers if g == "werknemer"],
                   ruled=False, hrules=True, widths=[4, 1, 1, 1]),
             Para("Werkgever (schaal: onvoldoende – matig – voldoende – goed); V1 tot en met V9 zijn de vragen hieronder.", bold=True)]
        wg = [(q, c) for g, q, c in s.answers if g == "werkgever"]
        b.append(Table(header=[["Antwoord"] + [f"V{i}" for i in range(1, len(wg) + 1)]],
                       body=[[k] + [str(c[k]) for _q, c in wg] for k in WG_SCALE], ruled=True, widths=[1.6] + [0.6] * len(wg)))
        b += [Para(f"V{i}. {q}", "small") for i, (q, _c) in enumerate(wg, 1)]
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h1"), *[Para(x) for x in analysis_paras(s)]]
        return Built(Doc(b, font="sans", title="Jaarverslag jobcoaching", footer="pagina {page}"))


class SterkInWerk(JcStyle):
    key = "sterkinwerk"
    organisation = "Jobcoaching Sterk in Werk"
    producer = "lo-html"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        body = [[p.werknemer, jc_num(p.wn, ",", True), p.werkgever, jc_num(p.wg, ",", True), str(rng.randint(6, 40))]
                for p in s.periods]
        body.append(["Gemiddelde", nl(s.wn_avg_printed), "", nl(s.wg_avg_printed), ""])
        b = [Para(self.organisation, "cover", bold=True),
             Para("Rapportage klanttevredenheid", "title"),
             Para(f"Erkenning sinds {long_date(s.recognition)}", "cover"),
             Para(f"Meetperiode {long_date(s.meet_start)} – {long_date(s.meet_end)}", "cover"),
             Para(f"Datum: {long_date(s.report_date)}", "cover"),
             Para("Cijfers per periode", "h1"),
             Table(header=[["Werknemer", "Cijfer", "Werkgever", "Cijfer", "Aantal\ncontacten"]], body=body, ruled=True,
                   widths=[1.4, 0.8, 1.4, 0.8, 0.9], bold_rows=(len(body) - 1,), left_cols=(2,)),
             Para("Antwoorden per vraag", "h1")]
        for group, scale, title in (("werknemer", WN_SCALE, "Werknemers"), ("werkgever", WG_SCALE, "Werkgevers")):
            b.append(Para(title, bold=True))
            rows = [[q] + [str(c[k]) for k in scale] for g, q, c in s.answers if g == group]
            b.append(Table(header=[["Vraag"] + [k.capitalize() for k in scale]], body=rows, ruled=True,
                           widths=[4] + [1] * len(scale), font_pt=9))
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h1"), *[Para(x) for x in analysis_paras(s)]]
        else:
            b += [Para("Afsluiting", "h1"), Para("Met dank aan alle deelnemers.")]
        return Built(Doc(b, font="sans", title="Rapportage klanttevredenheid"))


SCHOLING_STYLES = [Lindeboom(), Hoogland(), KwaliteitNoord(), DeBrug()]
JOBCOACH_STYLES = [Compaan(), SterkInWerk()]
DOCS_PER_SCHOLING_STYLE = 4
DOCS_PER_JC_STYLE = 4
