"""House styles of the HOLDOUT11 family: kept for a blind measurement by the lead. Whoever builds or
tunes the reader must not read this module or the documents it makes, and must not run kto-ingest on
them until that measurement (corpus/README.md).

Four more fictitious research bureaus and three more jobcoaching organisations, written in session 8
by someone who did not build the reader and did not read ``kto_ingest/``, ``parsers/`` or the reader's
tests: a survey platform's dashboard export, a spreadsheet printed with its gridlines, row numbers and
column letters, an academic institute's report with two-column text and a three-rule table, a reporting
script's small multiples per perceel; a jobcoaching letter to UWV, a filled-in form with checkboxes and
answer grids, and a memo with the periods in running text. Every name is invented.

``date_forms`` and ``period_forms`` list how these styles print dates and periods, so that
``corpus.check`` can tell that every truth value is really printed.
"""

from __future__ import annotations

import datetime as dt
import random

from .model import FVT, NORM_JC, NORM_SCHOLING, WG_SCALE, WN_SCALE, JobcoachSpec, ScholingSpec, long_date, nl, r0
from .render import Columns, Doc, Image, PageBreak, Para, Signature, Table, logo_png
from .styles import Built, JcStyle, Style

# ---- dates and periods as these styles print them -------------------------------------------------


def iso(d: dt.date) -> str:
    """'2022-02-14' (a platform's export)."""
    return d.isoformat()


def dmy(d: dt.date) -> str:
    """'14-2-2022' (a spreadsheet's default short date)."""
    return f"{d.day}-{d.month}-{d.year}"


def slash0(d: dt.date) -> str:
    """'14/02/2022' (a reporting script's date format)."""
    return f"{d:%d/%m/%Y}"


def dmy0(d: dt.date) -> str:
    return f"{d:%d-%m-%Y}"


def date_forms(d: dt.date) -> list[str]:
    return [iso(d), dmy(d), slash0(d), dmy0(d), long_date(d)]


def period_forms(start: dt.date, end: dt.date) -> list[str]:
    return [f"{iso(start)} t/m {iso(end)}", f"{dmy(start)} t/m {dmy(end)}", f"{slash0(start)} – {slash0(end)}",
            f"{dmy0(start)} t/m {dmy0(end)}", f"{long_date(start)} t/m {long_date(end)}",
            f"{long_date(start)} tot en met {long_date(end)}"]


# ---- texts of these bureaus -------------------------------------------------------------------------
APPROACH = {
    "klantstroom": ("Uitnodiging: alle klanten met een beëindigde dienst zijn via het platform per e-mail uitgenodigd "
                    "(persoonlijke link, geldig 21 dagen). Herinneringen: na 5 en na 12 dagen per e-mail, daarna één keer per "
                    "sms aan wie een mobiel nummer had opgegeven."),
    "rasterwerk": ("Benadering: alle klanten uit het aangeleverde bestand (beëindigde diensten) zijn aangeschreven per post met "
                   "een antwoordkaart en een link naar de webversie; na 14 dagen is een herinnering per post verstuurd."),
    "hazelhof": ("Alle klanten van wie de dienst in de meetperiode is beëindigd, ontvingen een uitnodigingsbrief met een "
                 "persoonlijke inlogcode voor de digitale vragenlijst. Non-respondenten ontvingen na twee weken een schriftelijke "
                 "herinnering en werden na vier weken telefonisch benaderd door getrainde interviewers (mixed-mode design)."),
    "monitorpunt": ("Werkwijze: iedere klant met een beëindigde dienst is binnen vier weken na de einddatum telefonisch "
                    "benaderd; wie liever schriftelijk antwoordde, kreeg de vragenlijst per e-mail. Maximaal drie belpogingen."),
}
NO_APPROACH = ("Het klantbestand is door de aanbieder aangeleverd en door ons gecontroleerd op dubbele records en ontbrekende "
               "contactgegevens.")
ASIDES = [
    "Het rapportcijfer is gevraagd op een schaal van 1 tot en met 10.",
    "De resultaten zijn niet gewogen.",
    "Bij kleine aantallen zijn de uitkomsten indicatief.",
    "Antwoorden zijn anoniem verwerkt; de aanbieder ontvangt geen gegevens van individuele klanten.",
    "Open antwoorden zijn geanonimiseerd apart aan de aanbieder gestuurd.",
]


def method(s: ScholingSpec, key: str) -> str:
    return APPROACH[key] if s.method_account else NO_APPROACH


def pt(x: float) -> str:
    """A score as a platform or script prints it: with a decimal point ('8.3')."""
    return f"{x:.1f}"


def whole_pct(r) -> str:
    return f"{int(r0(100 * r.ingevuld / r.benaderd)) if r.benaderd else 0}%"


# ---- bureau 1 (Chromium): a survey platform's dashboard export: filter summary, KPI cards, a table with
# sortable-looking headers and arrows, whole-percent respons, score with a decimal point and n in brackets --
class Klantstroom(Style):
    key = "klantstroom"
    organisation = "Klantstroom Research B.V."
    aliases = ("Klantstroom Research", "Klantstroom")
    producer = "chromium"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT › {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Alle percelen"
        t = s.total()

        def cell(r) -> str:
            return f"– ({r.ingevuld})" if r.cijfer is None else f"{pt(r.cijfer)} ({r.ingevuld})"

        def flag(r) -> str:
            if r.cijfer is None:
                return "–"
            return "▲ boven norm" if r.cijfer >= NORM_SCHOLING else "▼ onder norm"

        body = [[r.service, str(r.benaderd), whole_pct(r), cell(r), flag(r)] for r in s.rows]
        body.append([t.service, str(t.benaderd), whole_pct(t), cell(t), flag(t)])
        status = "definitief" if s.final else "concept"
        filters = (f"Meetperiode (einddatum dienst): {iso(s.meet_start)} t/m {iso(s.meet_end)}  ·  Aanbieder: {s.supplier}  ·  "
                   "Perceel: alle  ·  Status respondent: voltooid")
        b = [Para(f"Enqueo Insights  |  Rapportage-export  |  {self.organisation}", "small"),
             Para(f"KTO Scholing 2021 — {s.supplier}", "h1"),
             Table(header=[], body=[["Filters", filters], ["Rapportdatum", iso(s.report_date)],
                                    ["Rapportstatus", status]],
                   ruled=False, hrules=True, widths=[1, 5], font_pt=8.5, left_cols=(1,), zebra="#f2f5f9"),
             Table(header=[["Uitgenodigd", "Voltooid", "Respons", "Gem. rapportcijfer"]],
                   body=[[str(t.benaderd), str(t.ingevuld), whole_pct(t), pt(t.cijfer) if t.cijfer is not None else "–"]],
                   ruled=True, widths=[1, 1, 1, 1], font_pt=14, head_fill="#1f6f8b", first_col_left=False),
             Para("Resultaten per perceel", "h2"),
             Table(header=[["Perceel / cluster ▲", "Uitgenodigd ⇅", "Respons ⇅", "Gem. cijfer (n) ⇅", "Norm 8.0"]],
                   body=body, ruled=False, hrules=True, widths=[2.6, 1.1, 0.9, 1.3, 1.2], font_pt=9,
                   bold_rows=(len(body) - 1,), zebra="#f2f5f9", left_cols=(4,)),
             Para("(n) = aantal voltooide vragenlijsten. Respons = voltooid / uitgenodigd. Uitgenodigd = alle klanten met een "
                  "beëindigde dienst in de meetperiode (netto steekproef). FVT = " + FVT.lower() + ". – = geen cijfer.",
                  "small"),
             Para("Toelichting van het bureau", "h2"),
             Para(method(s, "klantstroom")),
             Para(rng.choice(ASIDES))]
        if s.signature == "visual":
            b += [Para(f"Voor akkoord, namens {self.organisation}:"), Signature(["drs. L. Stroomberg, projectleider"])]
        elif s.signature == "digital":
            b.append(Para(f"Deze export is digitaal ondertekend door {self.organisation}", "small"))
        doc = Doc(b, font="sans", font_pt=9.5, title="KTO Scholing 2021 – Enqueo Insights",
                  footer="Enqueo Insights · pagina {page} van {pages}")
        return Built(doc, total_printed=True, respons_decimals=0)


# ---- bureau 2 (LibreOffice HTML import): a spreadsheet printed with gridlines, row numbers and column
# letters; facts in the top rows, the totals row at the top of the data, #DEEL/0! for a missing score --
class Rasterwerk(Style):
    key = "rasterwerk"
    organisation = "Rasterwerk Data & Onderzoek"
    aliases = ("Rasterwerk",)
    producer = "lo-html"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT / {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "TOTAAL"
        t = s.total()
        facts = [["1", "Opdrachtgever", s.supplier], ["2", "Uitgevoerd door", self.organisation],
                 ["3", "Meetperiode", f"{dmy(s.meet_start)} t/m {dmy(s.meet_end)}"],
                 ["4", "Datum rapport", dmy(s.report_date)],
                 ["5", "Versie", "definitief" if s.final else "concept"]]

        def sc(r) -> str:
            return "#DEEL/0!" if r.cijfer is None else nl(r.cijfer)

        body = [["8", t.service, str(t.beeindigd), str(t.benaderd), str(t.ingevuld), nl(t.respons), sc(t)]]
        body += [[str(i), r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), nl(r.respons), sc(r)]
                 for i, r in enumerate(s.rows, 9)]
        b = [Para(f"KTO_scholing_2021.xlsx — tabblad: Resultaten — {self.organisation}", "small"),
             Table(header=[["", "A", "B"]], body=facts, ruled=True, widths=[0.3, 1.6, 4.4], font_pt=8.5,
                   first_col_left=False, left_cols=(1, 2), head_widths=True),
             Table(header=[["", "A", "B", "C", "D", "E", "F"],
                           ["7", "Perceel / cluster", "Beëindigd", "Benaderd", "Ingevuld", "Respons %", "Gem. cijfer"]],
                   body=body, ruled=True, widths=[0.3, 2.4, 0.9, 0.9, 0.9, 0.9, 0.9], font_pt=8.5,
                   first_col_left=False, left_cols=(1,), bold_rows=(0,), head_widths=True),
             PageBreak(),
             Para(f"KTO_scholing_2021.xlsx — tabblad: Toelichting — {self.organisation}", "small")]
        notes = [method(s, "rasterwerk"),
                 "Respons % = Ingevuld / Benaderd × 100. Benaderd = netto steekproef.",
                 "FVT = " + FVT.lower() + "; achter de schuine streep het cluster.",
                 "#DEEL/0! = geen ingevulde vragenlijsten, dus geen gemiddeld cijfer (n.v.t.).",
                 rng.choice(ASIDES)]
        b.append(Table(header=[["", "A"]], body=[[str(i), x] for i, x in enumerate(notes, 1)], ruled=True,
                       widths=[0.3, 6], font_pt=8.5, first_col_left=False, left_cols=(1,), head_widths=True))
        if s.signature == "visual":
            b += [Para("Gezien en akkoord:", "small"), Signature(["R. van Raster, directeur"])]
        elif s.signature == "digital":
            b.append(Para(f"Digitaal ondertekend door {self.organisation}.", "small"))
        return Built(Doc(b, font="sans", font_pt=9, title="KTO_scholing_2021.xlsx"), total_printed=True,
                     beeindigd_printed=True)


# ---- bureau 3 (LibreOffice .fodt): an academic institute's report: two-column text, N/n/M/SD, a table with
# three horizontal rules and a 'Noot.' under it, clusters indented under a group line ----------------------
class Hazelhof(Style):
    key = "hazelhof"
    organisation = "Hazelhof Instituut voor Arbeidsonderzoek"
    aliases = ("Hazelhof Instituut", "Hazelhof")
    producer = "lo-fodt"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"cluster {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        t = s.total()
        nr = f"HIA-rapport 2022/{rng.randint(2, 19):02d}"
        body, group_done = [], False
        for r in s.rows:
            if ", cluster " in r.perceel and not group_done:
                body.append([FVT, "", "", "", "", ""])
                group_done = True
            sd = "–" if r.cijfer is None or r.ingevuld < 2 else nl(rng.uniform(0.7, 1.5), 2)
            body.append([r.service, str(r.benaderd), str(r.ingevuld), nl(r.respons), "–" if r.cijfer is None else nl(r.cijfer), sd])
        body.append([t.service, str(t.benaderd), str(t.ingevuld), nl(t.respons), nl(t.cijfer), nl(rng.uniform(0.8, 1.3), 2)])
        low = [r for r in s.rows if r.cijfer is not None and r.cijfer < NORM_SCHOLING]
        status = "Status: definitieve versie" if s.final else "Status: conceptversie – niet citeren"
        b = [Para(self.organisation, "cover", bold=True),
             Para(nr, "cover"),
             Para(f"Tevredenheid van klanten over door UWV gefinancierde scholing bij {s.supplier}", "title"),
             Para("dr. M.J. Hazelhof, E. Brinkhorst MSc en drs. T. Wiersma", "cover"),
             Para(status, "cover"),
             Para(f"Leiden, {long_date(s.report_date)}", "cover"),
             PageBreak(),
             Para("Samenvatting", "h1"),
             Columns([Para(f"Dit rapport beschrijft de tevredenheid van klanten van UWV over de scholing die zij volgden bij "
                           f"{s.supplier}. Het totale gemiddelde rapportcijfer is {nl(t.cijfer)}. "
                           + ("Alle percelen en clusters met een cijfer liggen op of boven de norm van 8."
                              if not low else "Bij " + ", ".join(r.service for r in low) + " ligt het gemiddelde onder de norm van 8.")),
                      Para("1 Inleiding", "h2"),
                      Para("UWV verlangt van scholingsaanbieders een jaarlijks klanttevredenheidsonderzoek door een onafhankelijk "
                           "onderzoeksbureau, gerapporteerd per perceel en, voor de functiegerichte vaardigheidstrainingen, per "
                           "cluster. Het instituut voerde dit onderzoek uit in opdracht van de aanbieder."),
                      Para("2 Methode", "h2"),
                      Para("2.1 Populatie. De populatie bestaat uit alle klanten van wie de dienst in de meetperiode "
                           f"{long_date(s.meet_start)} t/m {long_date(s.meet_end)} is beëindigd. Er is geen steekproef "
                           f"getrokken: in totaal zijn {t.benaderd} klanten benaderd (N)."),
                      Para("2.2 Dataverzameling. " + method(s, "hazelhof")),
                      Para("2.3 Analyse. " + rng.choice(ASIDES) + " Gerapporteerd worden het gemiddelde (M) en de "
                           "standaarddeviatie (SD) van het rapportcijfer.")], count=2),
             Para("3 Resultaten", "h1"),
             Para("Tabel 1 geeft per perceel en cluster de respons en het gemiddelde rapportcijfer."),
             Table(header=[["Perceel", "N", "n", "Respons (%)", "M", "SD"]], body=body, ruled=False, hrules=True,
                   widths=[3.2, 0.7, 0.7, 1, 0.7, 0.7], font_pt=9.5, valign="MIDDLE",
                   caption="Tabel 1. Respons en gemiddeld rapportcijfer naar perceel en cluster"),
             Para("Noot. N = aantal benaderde klanten (netto steekproef); n = aantal ingevulde vragenlijsten; M = gemiddeld "
                  "rapportcijfer (1–10); SD = standaarddeviatie; – = niet te berekenen. De clusters vallen onder de "
                  "functiegerichte vaardigheidstrainingen.", "small"),
             Para("4 Discussie", "h1"),
             Columns([Para("De respons verschilt tussen de percelen; bij kleine percelen zijn de gemiddelden minder "
                           "betrouwbaar. Een vergelijking met eerdere jaren is niet gemaakt, omdat de vragenlijst in 2021 is "
                           "aangepast."),
                      Para("Literatuur", "h2"),
                      Para("Dillman, D.A., Smyth, J.D. & Christian, L.M. (2014). Internet, phone, mail, and mixed-mode "
                           "surveys. Hoboken: Wiley.", "small")], count=2)]
        if s.signature == "visual":
            b += [Signature(["prof. dr. A.M. Hazelhof", "directeur"])]
        elif s.signature == "digital":
            b.append(Para(f"Dit rapport is digitaal ondertekend namens het {self.organisation}.", "small"))
        doc = Doc(b, font="serif", font_pt=10, title="Tevredenheid van klanten over scholing", footer=f"{nr} · {{page}}")
        return Built(doc, approached_printed=True, total_printed=True)


# ---- bureau 4 (reportlab): a reporting script's output: a selection block, then small multiples (one card
# per perceel in a two-column grid), the total as the first card, score with a decimal point --------------
class Monitorpunt(Style):
    key = "monitorpunt"
    organisation = "Monitorpunt Analyse B.V."
    aliases = ("Monitorpunt Analyse", "Monitorpunt")
    producer = "reportlab"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT · {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Totaal selectie"
        t = s.total()

        def card(r) -> str:
            score = "n.v.t." if r.cijfer is None else pt(r.cijfer)
            return (f"{r.service}\nUitgenodigd: {r.benaderd}\nRespons: {nl(r.respons)}% (n = {r.ingevuld})\n"
                    f"Rapportcijfer: {score}")

        cards = [card(r) for r in [t] + s.rows]
        if len(cards) % 2:
            cards.append("")
        grid = [cards[i:i + 2] for i in range(0, len(cards), 2)]
        version = "1.0 definitief" if s.final else "0.9 concept"
        b = [Image(logo_png("MPA", (0.2, 0.45, 0.3)), 2.2, 0.8),
             Para("KTO-monitor scholing — automatisch gegenereerde rapportage", "small"),
             Para("Klanttevredenheid scholing 2021", "title"),
             Table(header=[], body=[["Aanbieder", s.supplier], ["Meetperiode", f"{slash0(s.meet_start)} – {slash0(s.meet_end)}"],
                                    ["Rapportdatum", slash0(s.report_date)], ["Rapportversie", version],
                                    ["Uitvoering", self.organisation]],
                   ruled=False, hrules=True, widths=[1.3, 4], font_pt=9.5, left_cols=(1,)),
             Para("Uitkomsten per perceel", "h1"),
             Para("Elke kaart toont één perceel of cluster; de eerste kaart is het totaal van de selectie. Uitgenodigd = netto "
                  "steekproef; n = aantal ingevulde vragenlijsten; rapportcijfer = gemiddelde op een schaal van 1 tot 10. "
                  "FVT = " + FVT.lower() + "."),
             Table(header=[], body=grid, ruled=True, widths=[1, 1], font_pt=9.5, valign="TOP", left_cols=(1,)),
             Para("Werkwijze", "h1"),
             Para(method(s, "monitorpunt")),
             Para(rng.choice(ASIDES))]
        if s.signature == "visual":
            b += [Signature(["ing. K. Brouwer", f"{self.organisation}"])]
        elif s.signature == "digital":
            b.append(Para(f"Digitaal ondertekend: {self.organisation}", "small"))
        return Built(Doc(b, font="sans", font_pt=9.5, title="Klanttevredenheid scholing 2021",
                         footer="KTO-monitor · {page}/{pages}"), total_printed=True)


# ---- jobcoaching --------------------------------------------------------------------------------------
def analysis_text(s: JobcoachSpec) -> list[Para]:
    ok = s.wn_avg_printed >= NORM_JC and s.wg_avg_printed >= NORM_JC
    return [Para(("De gemiddelde cijfers van werknemers en werkgevers liggen boven de ondergrens van 6,5. "
                  if ok else "Niet beide gemiddelden halen de ondergrens van 6,5; wij hebben dit met de jobcoaches besproken. ")
                 + "Werkgevers vragen om meer terugkoppeling na een werkplekbezoek; dat nemen wij op in ons werkplan."),
            Para("Werknemers waarderen vooral de bereikbaarheid van hun jobcoach.")]


class Werkbrug(JcStyle):
    """A letter to UWV: figures in running text, one compact periods table and a werkgever answer table;
    werknemer answers in a sentence."""

    key = "werkbrug"
    organisation = "Stichting Werkbrug Jobcoaching"
    producer = "lo-fodt"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        periods = [[str(i), p.werknemer, nl(p.wn), p.werkgever, nl(p.wg)] for i, p in enumerate(s.periods, 1)]
        wn = [(q, c) for g, q, c in s.answers if g == "werknemer"]
        wg = [(q, c) for g, q, c in s.answers if g == "werkgever"]
        wn_text = [Para(f"{q} Daarop antwoordden {c['ja']} werknemers ja, {c['niet helemaal']} niet helemaal en "
                        f"{c['nee']} nee.") for q, c in wn]
        b = [Para(self.organisation, "cover", bold=True),
             Para("Postbus 318, 7400 AH Deventer", "small"),
             Para("UWV\nt.a.v. de accountmanager jobcoaching"),
             Para(f"Deventer, {long_date(s.report_date)}", "right"),
             Para("Betreft: rapportage klanttevredenheid jobcoaching", bold=True),
             Para("Geachte heer, mevrouw,"),
             Para(f"Hierbij ontvangt u onze jaarlijkse rapportage over de tevredenheid van werknemers en werkgevers over onze "
                  f"jobcoaching. {self.organisation} is op {long_date(s.recognition)} door UWV erkend als "
                  f"jobcoachorganisatie. De meetperiode loopt van {long_date(s.meet_start)} tot en met "
                  f"{long_date(s.meet_end)}."),
             Para(f"In de meetperiode zijn {n} jobcoachperioden afgesloten. Het behaalde cijfer van de werknemers is "
                  f"{nl(s.wn_avg_printed)}, dat van de werkgevers {nl(s.wg_avg_printed)}: het gemiddelde van de cijfers in "
                  "tabel 1."),
             Table(header=[["Nr.", "Werknemer", "Cijfer", "Werkgever", "Cijfer"]], body=periods, ruled=False, hrules=True,
                   widths=[0.4, 1.5, 0.6, 1.5, 0.6], font_pt=9, left_cols=(1, 3),
                   caption="Tabel 1 Cijfers per afgesloten jobcoachperiode"),
             Para("De werknemers beantwoordden twee vragen:"),
             *wn_text,
             Para("De werkgevers beantwoordden negen vragen; tabel 2 geeft per vraag het aantal keer dat elk antwoord is "
                  "gegeven."),
             Table(header=[["Vraag aan de werkgever", *WG_SCALE]], body=[[q, *[str(c[o]) for o in WG_SCALE]] for q, c in wg],
                   ruled=False, hrules=True, widths=[3.6, 0.9, 0.7, 0.8, 0.6], font_pt=8.5,
                   caption="Tabel 2 Antwoorden van de werkgevers (aantallen)")]
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h2"), *analysis_text(s)]
        b += [Para("Voor vragen over deze rapportage kunt u contact opnemen met ondergetekende."),
              Para("Met vriendelijke groet,"),
              Para(f"H. Brugman\ndirecteur, {self.organisation}")]
        return Built(Doc(b, font="sans", font_pt=10, title="Rapportage klanttevredenheid jobcoaching",
                         footer=f"{self.organisation} · {{page}}"))


def box(checked: bool) -> str:
    return "☒" if checked else "☐"


class DeVlonder(JcStyle):
    """A filled-in form (web form printed by the browser): labelled fields, checkboxes, a periods grid and
    answer grids with the scale as columns."""

    key = "vlonder"
    organisation = "Jobcoachcentrum De Vlonder"
    producer = "chromium"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        fields = [["Naam jobcoachorganisatie", self.organisation],
                  ["Datum erkenning door UWV", dmy0(s.recognition)],
                  ["Meetperiode", f"van {dmy0(s.meet_start)} t/m {dmy0(s.meet_end)}"],
                  ["Datum invullen formulier", dmy0(s.report_date)],
                  ["Soort rapportage", f"{box(True)} jaarrapportage   {box(False)} tussentijdse rapportage"],
                  ["Alle in de meetperiode afgesloten perioden opgenomen?", f"{box(True)} ja   {box(False)} nee"]]
        periods = [[str(i), p.werknemer, nl(p.wn), p.werkgever, nl(p.wg)] for i, p in enumerate(s.periods, 1)]
        periods.append(["", f"Behaald cijfer (gemiddelde van {n} perioden)", nl(s.wn_avg_printed), "", nl(s.wg_avg_printed)])
        b = [Para("Formulier rapportage klanttevredenheid jobcoaching", "h1"),
             Para("In te vullen door de jobcoachorganisatie en te sturen aan UWV. Versie 2020-2.", "small"),
             Para("1. Gegevens", "h2"),
             Table(header=[], body=fields, ruled=True, widths=[2.2, 3.6], font_pt=9.5, left_cols=(1,), zebra="#f4f4f4"),
             Para("2. Cijfers per afgesloten jobcoachperiode", "h2"),
             Table(header=[["Nr.", "Werknemer", "Cijfer werknemer", "Werkgever", "Cijfer werkgever"]], body=periods, ruled=True,
                   widths=[0.4, 2.2, 0.9, 1.4, 0.9], font_pt=9, left_cols=(1, 3), bold_rows=(len(periods) - 1,),
                   head_fill="#5b6b7a"),
             Para("3. Antwoorden op de vragen", "h2"),
             Para("Vul per vraag het aantal keer in dat elk antwoord is gegeven.", "small")]
        for group, scale, title in (("werknemer", WN_SCALE, "3a. Werknemer"), ("werkgever", WG_SCALE, "3b. Werkgever")):
            rows = [[f"{k}. {q}", *[str(c[o]) for o in scale]]
                    for k, (q, c) in enumerate([(q, c) for g, q, c in s.answers if g == group], 1)]
            b.append(Table(header=[[title, *scale]], body=rows, ruled=True, widths=[3.8] + [0.75] * len(scale), font_pt=8.5,
                           head_fill="#5b6b7a"))
        b.append(Para("4. Bijlagen", "h2"))
        if s.analysis:
            b += [Para(f"{box(True)} Analyse van de resultaten (hieronder)"), *analysis_text(s)]
        else:
            b.append(Para(f"{box(False)} Geen bijlagen"))
        b += [Para("5. Ondertekening", "h2"),
              Table(header=[], body=[["Naam", "S. Vlonk"], ["Functie", "teamleider jobcoaching"],
                                     ["Datum", dmy0(s.report_date)]], ruled=True, widths=[1.2, 4.6], font_pt=9.5,
                    left_cols=(1,))]
        return Built(Doc(b, font="sans", font_pt=9.5, title="Formulier rapportage klanttevredenheid jobcoaching",
                         footer="De Vlonder · formulier KTO jobcoaching · {page}/{pages}"))


class Pijlstaart(JcStyle):
    """An internal-style memo to UWV: a memo head, the periods as a numbered list in running text, the
    answers in two compact tables."""

    key = "pijlstaart"
    organisation = "Jobcoaching Pijlstaart"
    producer = "reportlab"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        head = [["Aan", "UWV, accountmanagement jobcoaching"], ["Van", f"{self.organisation}, M. Pijl (kwaliteit)"],
                ["Datum", dmy0(s.report_date)],
                ["Onderwerp", f"Klanttevredenheid jobcoaching, meetperiode {dmy0(s.meet_start)} t/m {dmy0(s.meet_end)}"],
                ["Erkend door UWV op", dmy0(s.recognition)]]
        b = [Para("MEMO", "title"),
             Table(header=[], body=head, ruled=False, hrules=True, widths=[1.3, 4.5], font_pt=10, left_cols=(1,)),
             Para("Cijfers", "h2"),
             Para(f"In de meetperiode hebben wij {n} jobcoachperioden afgesloten. Per periode gaven de werknemer en de werkgever "
                  "het volgende cijfer:")]
        b += [Para(f"{i}. {p.werknemer}: {nl(p.wn)} — {p.werkgever}: {nl(p.wg)}") for i, p in enumerate(s.periods, 1)]
        b += [Para(f"Het behaalde cijfer over de {n} perioden is voor de werknemers {nl(s.wn_avg_printed)} en voor de "
                   f"werkgevers {nl(s.wg_avg_printed)}."),
              Para("Antwoorden", "h2")]
        for group, scale, title in (("werknemer", WN_SCALE, "Werknemers"), ("werkgever", WG_SCALE, "Werkgevers")):
            rows = [[q, *[str(c[o]) for o in scale]] for g, q, c in s.answers if g == group]
            b.append(Table(header=[[title, *scale]], body=rows, ruled=False, hrules=True,
                           widths=[3.2] + [0.95] * len(scale), font_pt=8.5))
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h2"), *analysis_text(s)]
        else:
            b += [Para("Vervolg", "h2"), Para("Wij sturen u volgend jaar weer een memo met de cijfers.")]
        return Built(Doc(b, font="sans", font_pt=10, title="Memo klanttevredenheid jobcoaching",
                         footer="Jobcoaching Pijlstaart · memo · {page}"))


SCHOLING_STYLES = [Klantstroom(), Rasterwerk(), Hazelhof(), Monitorpunt()]
JOBCOACH_STYLES = [Werkbrug(), DeVlonder(), Pijlstaart()]
DOCS_PER_SCHOLING_STYLE = 4
DOCS_PER_JC_STYLE = 4
