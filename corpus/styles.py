"""House styles of the dev family: four fictitious research bureaus (scholingsdiensten KTO per
perceel/cluster) and three fictitious jobcoaching organisations (UWV's rapportageformat, seed 001).

Every name here is invented. A style turns a spec (``model.py``) into blocks (``render.py``) and
says which producer prints it and which facts it prints (so the truth only holds what is printed).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .model import (FVT, WG_SCALE, WN_SCALE, JobcoachSpec, ScholingSpec, long_date, nl, DUTCH_MONTHS)
from .render import Doc, Landscape, PageBreak, Para, Signature, Table

FILLER = [
    "De vragenlijst is vooraf getest bij een kleine groep klanten en waar nodig vereenvoudigd.",
    "Antwoorden zijn vertrouwelijk verwerkt; de leverancier ontvangt geen gegevens die tot personen herleidbaar zijn.",
    "Open antwoorden zijn gecodeerd door twee onderzoekers; verschillen in codering zijn samen besproken.",
    "De cijfers in dit rapport zijn afgerond op één decimaal; totalen kunnen daardoor licht afwijken.",
    "Klanten konden de vragenlijst op een computer, tablet of telefoon invullen.",
    "De gegevens zijn na afloop van het onderzoek verwijderd volgens de bewaartermijn in de AVG-afspraken.",
]


PAD_LINES = ["controle op dubbele adressen", "controle op volledigheid per perceel", "proefverzending aan tien klanten",
             "verzending van de uitnodigingen", "eerste herinnering", "tweede herinnering", "afsluiting van het veldwerk",
             "opschoning van het databestand", "codering van open antwoorden", "analyse per perceel en cluster"]


def month(d: dt.date) -> str:
    return DUTCH_MONTHS[d.month - 1]


def period_text(start: dt.date, end: dt.date, form: str) -> str:
    """A date range in one of the forms Dutch reports use."""
    calendar_year = start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31 and start.year == end.year
    same_year = start.year == end.year
    if form == "calendar" and calendar_year:
        return f"kalenderjaar {start.year}"
    if form == "dmy_tot":
        return f"{start:%d-%m-%Y} tot en met {end:%d-%m-%Y}"
    if form == "dmy_dash":
        return f"{start.day}-{start.month}-{start.year} - {end.day}-{end.month}-{end.year}"
    if form == "months" and start.day == 1:
        if same_year:
            return f"{month(start)} tot en met {month(end)} {end.year}"
        return f"{month(start)} {start.year} tot en met {month(end)} {end.year}"
    if form == "dash_short":
        if same_year:
            return f"{start.day} {month(start)} – {long_date(end)}"
        return f"{long_date(start)} – {long_date(end)}"
    if form == "long_tot":
        return f"{long_date(start)} tot en met {long_date(end)}"
    return f"{long_date(start)} t/m {long_date(end)}"


def date_text(d: dt.date, form: str) -> str:
    if form == "dmy":
        return f"{d:%d-%m-%Y}"
    if form == "dmy_short":
        return f"{d.day}-{d.month}-{d.year}"
    return long_date(d)


def filler(rng: random.Random, n: int) -> list[Para]:
    return [Para(rng.choice(FILLER)) for _ in range(n)]


def pct(x: float, unit: str) -> str:
    return nl(x) + unit


def score(r, blank: str) -> str:
    return blank if r.cijfer is None else nl(r.cijfer)


APPROACH = ("Alle klanten van wie in de meetperiode een scholingsdienst is beëindigd, zijn door {who} uitgenodigd. "
            "De uitnodiging ging per e-mail; klanten zonder e-mailadres ontvingen een brief. Na één en na twee weken is een "
            "herinnering gestuurd; wie daarna nog niet had gereageerd, is één keer telefonisch benaderd.")
NO_APPROACH = "Het klantbestand is aangeleverd door de leverancier en vóór de verzending gecontroleerd op dubbele records."
QUESTIONS = ["Welk rapportcijfer geeft u voor de scholing als geheel?",
             "Bent u respectvol begeleid door de docent of trainer?",
             "Bent u duidelijk geïnformeerd over de inhoud en de planning van de scholing?",
             "Had de opleider aandacht voor wat u belangrijk vindt?"]


def questions_block(title: str) -> list:
    out = [Para(title, "h1"), Para("De vragenlijst bevat de vragen die UWV voorschrijft. Per vraag staat hieronder het gemiddelde.")]
    for i, q in enumerate(QUESTIONS, 1):
        out.append(Para(f"Vraag {i}. {q}", bold=True))
        out.append(Para("De klanten zijn overwegend positief; verschillen tussen percelen zijn klein."))
    return out


def final_mark(final: bool | None, yes: str = "Definitief rapport", no: str = "Conceptrapport") -> list[Para]:
    if final is None:
        return []
    return [Para(yes if final else no, "cover", bold=True)]


@dataclass
class Built:
    doc: Doc
    approached_printed: bool = False
    total_printed: bool = False
    beeindigd_printed: bool = False
    split_check: str | None = None  # a label that must be on a later page than the first row (table split)
    split_head: str | None = None  # a header line of the split table that must be on its caption's page (not moved whole)
    respons_decimals: int = 1  # decimals of the printed respons percentages (0: whole percents, 2: a spreadsheet's two decimals)


class Style:
    key = ""
    kind = "scholing"
    organisation = ""
    producer = "chromium"
    aliases: tuple[str, ...] = ()

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{FVT} – cluster {cluster}" if cluster else perceel

    def build(self, spec, rng: random.Random, pad: int = 0) -> Built:
        raise NotImplementedError


# ---- bureau 1: Meridiaan Onderzoek B.V. (Chromium, ruled, 3-line headers, colofon) -------------
class Meridiaan(Style):
    key = "meridiaan"
    organisation = "Meridiaan Onderzoek B.V."
    aliases = ("Meridiaan Onderzoek",)
    producer = "chromium"

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        b = [Para("Klanttevredenheidsonderzoek scholingsdiensten UWV 2021", "title"),
             Para(rng.choice([f"In opdracht van {s.supplier}", f"Leverancier: {s.supplier}"]), "cover"),
             Para(f"Meetperiode: {period_text(s.meet_start, s.meet_end, rng.choice(['long_tm', 'long_tot']))}", "cover"),
             *final_mark(s.final),
             Para("Datum rapportage:", "cover"), Para(date_text(s.report_date, "long"), "cover"),
             PageBreak(),
             Para("1 Inleiding", "h1"),
             Para(f"{s.supplier} voert scholingsdiensten uit onder de Raamovereenkomst Inkoopkader Scholingsdiensten 2021 van UWV. "
                  "Dit rapport beschrijft de tevredenheid van klanten over de beëindigde dienstverlening, per perceel en, voor de "
                  "functiegerichte vaardigheidstrainingen, per cluster."),
             Para("2 Methodologische verantwoording", "h1"),
             Para(APPROACH.format(who="het onderzoeksbureau") if s.method_account else NO_APPROACH)]
        total_sent = sum(r.benaderd for r in s.rows)
        b.append(Para(f"In totaal zijn {total_sent} klanten benaderd, van wie {sum(r.ingevuld for r in s.rows)} de vragenlijst "
                      "volledig hebben ingevuld."))
        b += filler(rng, 2)
        body = [[r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), pct(r.respons, "%"), score(r, "n.v.t.")]
                for r in s.rows]
        t = s.total()
        body.append(["Totaal", str(t.beeindigd), str(t.benaderd), str(t.ingevuld), pct(t.respons, "%"), score(t, "n.v.t.")])
        b.append(Table(header=[["Perceel / cluster", "Beëindigde\ndiensten", "Netto\nsteekpr.", "Ingevulde\nvragen-\nlijsten",
                                "Resp.\n%", "Gemiddeld\nrapport-\ncijfer"]],
                       body=body, ruled=True, widths=[3.2, 1.1, 1.0, 1.1, 0.9, 1.1],
                       caption="Tabel 2.1 Respons en rapportcijfer per perceel en cluster", bold_rows=(len(body) - 1,)))
        b.append(Para("3 Resultaten", "h1"))
        b.append(Para("Het gemiddelde rapportcijfer is per perceel en cluster berekend over alle klanten die hebben deelgenomen."))
        b += questions_block("4 Vragen")
        b.append(PageBreak())
        b += self.signature(s)
        b += [Para("Colofon", "h2"), Para(f"Uitgave: {self.organisation}", "small"),
              Para("Postbus 4120, 3502 HC Utrecht (fictief adres)", "small"),
              Para("Dit rapport is een testdocument; alle namen en cijfers zijn verzonnen.", "small")]
        return Built(Doc(b, font="serif", title="KTO 2021"), approached_printed=True, total_printed=True, beeindigd_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Ondertekening", "h2"), Signature([f"namens {self.organisation}", "drs. M. Verhoef, directeur",
                                                            f"Utrecht, {long_date(s.report_date)}"])]
        if s.signature == "digital":
            return [Para("Ondertekening", "h2"), Para("Dit rapport is digitaal ondertekend door het onderzoeksbureau.")]
        return []


# ---- bureau 2: Kompaspunt Marktonderzoek (LibreOffice .fodt, table over two pages) -------------
class Kompaspunt(Style):
    key = "kompaspunt"
    organisation = "Kompaspunt Marktonderzoek"
    producer = "lo-fodt"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{FVT}, cluster {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        repeat = rng.random() < 0.5
        ruled = rng.random() < 0.5
        unit = rng.choice([" %", "%"])
        b = [Para(self.organisation.upper(), "cover", bold=True),
             Para("Tevredenheid van klanten over scholingsdiensten", "title"),
             Para(f"Opdrachtgever: {s.supplier}", "cover"),
             Para(f"Periode van meting: {period_text(s.meet_start, s.meet_end, 'dmy_tot')}", "cover"),
             *final_mark(s.final, "Status: definitief", "Status: concept"),
             Para("Datum:", "cover"), Para(date_text(s.report_date, "dmy"), "cover"),
             PageBreak(),
             Para("Samenvatting", "h1"),
             Para("Het onderzoeksbureau heeft alle klanten met een beëindigde scholingsdienst gevraagd naar hun tevredenheid. "
                  "De uitkomsten per perceel en cluster staan in de tabel hieronder."),
             Para("Onderzoeksopzet", "h1"),
             Para(APPROACH.format(who="het onderzoeksbureau") if s.method_account else NO_APPROACH)]
        if pad:
            b.append(Para("\n".join(f"– {rng.choice(PAD_LINES)}" for _ in range(pad))))
        body = [[r.service, str(r.benaderd), str(r.ingevuld), pct(r.respons, unit), score(r, "-")] for r in s.rows]
        t = s.total()
        body.append(["Totaal", str(t.benaderd), str(t.ingevuld), pct(t.respons, unit), score(t, "-")])
        b.append(Table(header=[["", "Benaderd", "Deelgenomen", "Respons", "Rapportcijfer"]], body=body, ruled=ruled,
                       repeat_header=repeat, widths=[3.4, 1, 1.1, 1, 1.1],
                       caption="Tabel 1 Benaderd, deelgenomen, respons en rapportcijfer", bold_rows=(len(body) - 1,)))
        b += filler(rng, 2)
        b += questions_block("Resultaten per vraag")
        b.append(Para("Conclusie", "h1"))
        b.append(Para("De klanten zijn in het algemeen tevreden over de scholingsdiensten."))
        b += self.signature(s)
        return Built(Doc(b, font="sans", title="KTO scholingsdiensten"), total_printed=True, split_check="Totaal")

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Ondertekening", "h2"), Signature(["Voor akkoord, namens het onderzoeksbureau,", "ir. P. Bakker, projectleider"])]
        if s.signature == "digital":
            return [Para("Het rapport is voorzien van een digitale handtekening.", "small")]
        return []


# ---- bureau 3: Veldzicht Onderzoek (Chromium, transposed table on a landscape page) -------------
class Veldzicht(Style):
    key = "veldzicht"
    organisation = "Veldzicht Onderzoek"
    producer = "chromium"

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        form = rng.choice(["calendar", "dash_short"])
        omit_status = rng.random() < 0.5
        if s.final and omit_status:
            s.final = None  # this bureau often prints no status at all (the truth follows the spec)
        b = [Para("Klantwaardering scholing 2021", "title"),
             Para(f"Uitgevoerd voor: {s.supplier}", "cover"),
             Para(f"Onderzoeksperiode: {period_text(s.meet_start, s.meet_end, form)}", "cover"),
             *final_mark(s.final, "Definitieve versie", "Conceptversie"),
             Para(f"Datum: {date_text(s.report_date, 'long')}", "cover"),
             PageBreak(),
             Para("Verantwoording", "h1"),
             Para(APPROACH.format(who="ons") if s.method_account else NO_APPROACH),
             Para("De tabel op de volgende pagina geeft per perceel en cluster de netto steekproef, het aantal ingevulde "
                  "vragenlijsten, de respons en het gemiddelde rapportcijfer.")]
        cols = [r.service for r in s.rows]
        body = [["Netto steekproef"] + [str(r.benaderd) for r in s.rows],
                ["Ingevuld"] + [str(r.ingevuld) for r in s.rows],
                ["Respons"] + [pct(r.respons, "%") for r in s.rows],
                ["Gemiddeld rapportcijfer"] + [score(r, "n.v.t.") for r in s.rows]]
        land = Landscape([Para("Tabel 1 Uitkomsten per perceel en cluster", bold=True),
                          Table(header=[[""] + cols], body=body, ruled=False, widths=[2.2] + [1.3] * len(cols), font_pt=9.5)])
        b.append(land)
        b += questions_block("Uitkomsten per vraag")
        b += self.signature(s)
        return Built(Doc(b, font="sans", title="Klantwaardering"))

    def signature(self, s: ScholingSpec) -> list:
        closing = f"Amersfoort, {long_date(s.report_date)}"
        if s.signature == "visual":
            return [Para("Ondertekening", "h2"), Signature([f"namens {self.organisation}", "dr. S. Kramer", closing])]
        if s.signature == "digital":
            return [Para("Ondertekening", "h2"), Para(f"Digitaal ondertekend namens {self.organisation}"), Para(closing)]
        return [Para(f"Dit rapport is opgesteld door {self.organisation}.", "small")]


# ---- bureau 4: Noorderlicht Research (LibreOffice HTML import, respons and scores in two tables) -
class Noorderlicht(Style):
    key = "noorderlicht"
    organisation = "Noorderlicht Research"
    producer = "lo-html"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Functiegerichte vaardigheidstraining cluster {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        b = [Para(self.organisation, "cover", bold=True),
             Para("Klanttevredenheid scholingsdiensten", "title"),
             Para(f"Rapportage ten behoeve van {s.supplier}", "cover"),
             *final_mark(s.final, "Definitief", "Concept"),
             Para(f"Datum rapportage: {date_text(s.report_date, 'long')}", "cover"),
             PageBreak(),
             Para("1. Aanpak", "h1"),
             Para("Het onderzoek had betrekking op klanten die in de periode "
                  f"{period_text(s.meet_start, s.meet_end, 'months')} een scholingsdienst hebben beëindigd."),
             Para(APPROACH.format(who="Noorderlicht") if s.method_account else NO_APPROACH)]
        unit = "%"
        body = [[r.service, str(r.benaderd), str(r.ingevuld), pct(r.respons, unit)] for r in s.rows]
        b.append(Table(header=[["Perceel of cluster", "Benaderd", "Deel-\ngenomen", "Respons"]], body=body, ruled=True,
                       widths=[1.3, 1, 1, 1], caption="Tabel 1.1 Respons per perceel en cluster"))
        b += filler(rng, 3)
        b.append(Para("2. Tevredenheid", "h1"))
        b.append(Para("Klanten gaven een rapportcijfer voor de scholing als geheel. Tabel 2.1 geeft het gemiddelde per perceel "
                      "en cluster; bij minder dan één respondent is geen cijfer berekend."))
        body2 = [[r.service, score(r, "n.v.t.")] for r in reversed(s.rows)] if rng.random() < 0.5 else \
            [[r.service, score(r, "n.v.t.")] for r in s.rows]
        b.append(Table(header=[["Perceel of cluster", "Gemiddeld\nrapportcijfer"]], body=body2, ruled=True, widths=[1.3, 1],
                       caption="Tabel 2.1 Gemiddeld rapportcijfer per perceel en cluster"))
        b += questions_block("3. Vragen")
        b += self.signature(s)
        return Built(Doc(b, font="sans", title="Klanttevredenheid"))

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Signature([f"namens {self.organisation},", "A. de Jong MSc, senior onderzoeker"])]
        if s.signature == "digital":
            return [Para("Dit document is elektronisch ondertekend.", "small")]
        return []


# ---- jobcoaching --------------------------------------------------------------------------------
def jc_num(x: float, sep: str, keep_zero: bool) -> str:
    if x == int(x) and not keep_zero:
        return str(int(x))
    return f"{x:.1f}".replace(".", sep)


def jc_calc(total: float, n: int, avg: float, sep: str) -> str:
    tot = jc_num(total, ",", False)
    return f"{tot}:{n} = {jc_num(avg, sep, True)}"


def periods_table(s: JobcoachSpec, notation: str, sep: str, keep_zero: bool, ruled: bool) -> Table:
    body = [[p.werknemer, jc_num(p.wn, sep, keep_zero), p.werkgever, jc_num(p.wg, sep, keep_zero)] for p in s.periods]
    n = len(s.periods)
    if notation == "calc":
        body.append(["Behaald cijfer", jc_calc(s.wn_sum, n, s.wn_avg_printed, sep), "", jc_calc(s.wg_sum, n, s.wg_avg_printed, sep)])
    else:
        body.append(["Behaald cijfer", jc_num(s.wn_avg_printed, sep, True), "", jc_num(s.wg_avg_printed, sep, True)])
    return Table(header=[["Werknemer", "Cijfer klanttevredenheid", "Werkgever", "Cijfer klanttevredenheid"]], body=body,
                 ruled=ruled, widths=[1.4, 1.2, 1.4, 1.2], bold_rows=(len(body) - 1,))


def answer_tables(s: JobcoachSpec, total_col: bool, ruled: bool) -> list:
    out = [Para("Werknemer (schaal: nee – niet helemaal - ja)", bold=True)]
    head = ["Vraag"] + WN_SCALE + (["Totaal"] if total_col else [])
    rows = []
    for g, q, c in s.answers:
        if g == "werknemer":
            rows.append([q] + [str(c[k]) for k in WN_SCALE] + ([str(sum(c.values()))] if total_col else []))
    out.append(Table(header=[head], body=rows, ruled=ruled, widths=[4] + [1] * (len(head) - 1)))
    out.append(Para("Werkgever (schaal: onvoldoende – matig – voldoende – goed)", bold=True))
    head = ["Vraag"] + WG_SCALE + (["Totaal"] if total_col else [])
    rows = []
    for i, (g, q, c) in enumerate(x for x in s.answers if x[0] == "werkgever"):
        if i == 0:
            rows.append(["Wat is uw mening over:"] + [""] * (len(head) - 1))
        if i == 5:
            rows.append(["Wat vindt u van de aandacht van de jobcoach voor:"] + [""] * (len(head) - 1))
        rows.append([q] + [str(c[k]) for k in WG_SCALE] + ([str(sum(c.values()))] if total_col else []))
    out.append(Table(header=[head], body=rows, ruled=ruled, widths=[4] + [1] * (len(head) - 1)))
    return out


def analysis_paras(s: JobcoachSpec) -> list[str]:
    low = "werkgevers" if s.wg_avg_printed < s.wn_avg_printed else "werknemers"
    return [f"Het gemiddelde cijfer van de werknemers is {nl(s.wn_avg_printed)}, dat van de werkgevers {nl(s.wg_avg_printed)}.",
            f"De {low} zijn iets minder tevreden, vooral over het aantal bezoeken. Conclusie: de begeleiding wordt gewaardeerd. "
            "Actie: de jobcoaches plannen vaker een bezoek aan de werkplek en spreken vooraf af hoe zij bereikbaar zijn."]


class JcStyle(Style):
    kind = "jobcoaching"


class Horizon(JcStyle):
    key = "horizon"
    organisation = "Jobcoach Horizon"
    producer = "chromium"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        b = [Para("Rapportage klanttevredenheid jobcoaching", "title"),
             Para(f"Naam jobcoachorganisatie: {self.organisation}", "cover"),
             Para(f"Datum erkenning: {s.recognition:%d-%m-%Y}", "cover"),
             Para(f"Meetperiode: {s.meet_start:%d-%m-%Y} tot en met {s.meet_end:%d-%m-%Y}", "cover"),
             Para("Datum rapportage:", "cover"), Para(date_text(s.report_date, "long"), "cover"),
             Para("Weergave cijfers", "h1"),
             Para("Per jobcoachperiode het cijfer van de werknemer en van de werkgever."),
             periods_table(s, "calc", ".", False, True),
             Para("Weergave vragen", "h1"),
             Para("Hieronder staat per vraag hoe vaak elk antwoord in het meetjaar is gegeven.")]
        b += answer_tables(s, False, True)
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h1"), *[Para(x) for x in analysis_paras(s)]]
        return Built(Doc(b, font="sans", title="Rapportage jobcoaching"))


class WerkMaatje(JcStyle):
    key = "werkmaatje"
    organisation = "WerkMaatje Begeleiding"
    producer = "lo-fodt"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        b = [Para(self.organisation, "cover", bold=True),
             Para("Klanttevredenheid jobcoaching – jaarrapportage", "title"),
             Para(f"Erkend sinds: {long_date(s.recognition)}", "cover"),
             Para(f"Periode van meting: {long_date(s.meet_start)} tot en met {long_date(s.meet_end)}", "cover"),
             Para("Datum:", "cover"), Para(date_text(s.report_date, "dmy"), "cover"),
             Para("1 Cijfers per jobcoachperiode", "h1"),
             periods_table(s, "plain", ",", True, rng.random() < 0.5),
             Para("2 Score per vraag", "h1"),
             Para("Aantal keren dat elk antwoord is gegeven, per vraag.")]
        b += answer_tables(s, True, True)
        if s.analysis:
            b += [Para("3 Analyse van de resultaten, conclusies en acties", "h1"), *[Para(x) for x in analysis_paras(s)]]
        else:
            b += [Para("3 Tot slot", "h1"), Para("Wij danken alle werknemers en werkgevers voor hun medewerking.")]
        return Built(Doc(b, font="serif", title="Jaarrapportage jobcoaching"))


class Delta(JcStyle):
    key = "delta"
    organisation = "Steunpunt Jobcoaching Delta"
    producer = "reportlab"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        b = [Para("Klanttevredenheidsonderzoek Jobcoaching", "title"),
             Para(f"Jobcoachorganisatie: {self.organisation}", "cover"),
             Para(f"Datum erkenning: {s.recognition.day}-{s.recognition.month}-{s.recognition.year}", "cover"),
             Para(f"Meetperiode: {s.meet_start:%d-%m-%Y} t/m {s.meet_end:%d-%m-%Y}", "cover"),
             Para(f"Datum rapportage: {date_text(s.report_date, 'long')}", "cover"),
             Para("Weergave cijfers", "h1"),
             periods_table(s, rng.choice(["calc", "plain"]), ",", True, True),
             PageBreak(),
             Para("Weergave vragen", "h1")]
        b += answer_tables(s, False, False)
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h1"), *[Para(x) for x in analysis_paras(s)]]
        return Built(Doc(b, font="sans", title="KTO jobcoaching"))


SCHOLING_STYLES = [Meridiaan(), Kompaspunt(), Veldzicht(), Noorderlicht()]
JOBCOACH_STYLES = [Horizon(), WerkMaatje(), Delta()]
DOCS_PER_SCHOLING_STYLE = 8
DOCS_PER_JC_STYLE = 4
