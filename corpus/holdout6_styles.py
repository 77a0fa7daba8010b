"""House styles of the HOLDOUT6 family: kept for a final blind measurement. Whoever builds or tunes
the reader must not read this module or the documents it makes, and must not run kto-ingest on
them until that measurement (corpus/README.md).

Four more fictitious research bureaus and three more jobcoaching organisations, written by someone who
did not build the reader and did not read ``kto_ingest/`` or ``parsers/``: wordings, covers, places
of the facts, table arrangements and notations that the earlier families do not have. Every name is
invented.

``date_forms`` and ``period_forms`` list how these styles print dates and periods, so that
``corpus.check`` can tell that every truth value is really printed.
"""

from __future__ import annotations

import datetime as dt
import random

from .model import FVT, NORM_JC, NORM_SCHOLING, WG_SCALE, WN_SCALE, JobcoachSpec, ScholingSpec, long_date, nl
from .render import Doc, Image, PageBreak, Para, Signature, Span, Table, logo_png
from .styles import Built, JcStyle, Style

# ---- dates and periods as these styles print them -------------------------------------------------
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def weekday_date(d: dt.date) -> str:
    """'maandag 14 februari 2022'."""
    return f"{WEEKDAYS[d.weekday()]} {long_date(d)}"


def slash(d: dt.date) -> str:
    """'1/1/2021'."""
    return f"{d.day}/{d.month}/{d.year}"


def excel(d: dt.date) -> str:
    """A spreadsheet's dd-mmm-jjjj: '01-jan-2021'."""
    return f"{d.day:02d}-{SHORT[d.month - 1]}-{d.year}"


def short(d: dt.date) -> str:
    """'14 feb 2022' (abbreviated month without a full stop)."""
    return f"{d.day} {SHORT[d.month - 1]} {d.year}"


def month_num(d: dt.date) -> str:
    return f"{d.month:02d}-{d.year}"


def month_short(d: dt.date) -> str:
    return f"{SHORT[d.month - 1]} {d.year}"


def date_forms(d: dt.date) -> list[str]:
    return [weekday_date(d), slash(d), excel(d), short(d)]


def period_forms(start: dt.date, end: dt.date) -> list[str]:
    out = [f"{slash(start)} – {slash(end)}", f"{slash(start)} t/m {slash(end)}", f"{excel(start)} t/m {excel(end)}", f"{short(start)} – {short(end)}"]
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:  # whole months only
        out += [f"{month_num(start)} t/m {month_num(end)}", f"{month_short(start)} – {month_short(end)}"]
    return out


# ---- texts of these bureaus -------------------------------------------------------------------------
APPROACH = {
    "zilverberk": ("Iedere klant met een beëindigde dienst ontving binnen tien dagen na de einddatum een e-mail met een "
                   "persoonlijke link. Wie na een week niet had gereageerd, kreeg een herinnering per sms; wie daarna nog niet "
                   "had gereageerd, is één keer gebeld met het aanbod de vragen telefonisch te beantwoorden."),
    "dijkgraaf": ("De klanten zijn benaderd met een brief op naam met een inlogcode voor de online vragenlijst en een papieren "
                  "vragenlijst met antwoordenvelop. Na twee weken is aan wie niet had gereageerd een herinneringsbrief gestuurd; "
                  "klanten met een bekend telefoonnummer zijn daarnaast nagebeld."),
    "peilstok": ("Benaderingswijze: uitnodiging per e-mail (dag 1), herinnering per e-mail (dag 8), telefonische herinnering "
                 "(dag 15). Klanten zonder e-mailadres: uitnodiging per brief."),
    "klankbord": ("Wij hebben alle klanten telefonisch benaderd, tot vier pogingen op verschillende tijdstippen. Klanten die "
                  "niet telefonisch wilden antwoorden, kregen de vragenlijst per e-mail toegestuurd."),
}
NO_APPROACH = ("De aanbieder heeft het adresbestand van de klanten met een beëindigde dienst aangeleverd; het bestand is "
               "ontdubbeld en gecontroleerd op volledigheid.")
ASIDES = [
    "Het rapportcijfer is gevraagd op een schaal van 1 tot en met 10.",
    "Uitkomsten op basis van minder dan tien ingevulde vragenlijsten zijn indicatief.",
    "Antwoorden zijn verwerkt zonder dat de aanbieder ze kan herleiden tot personen.",
    "Open antwoorden zijn niet in dit rapport opgenomen; de aanbieder ontvangt ze geanonimiseerd in een apart bestand.",
    "Er is niet gewogen: elke ingevulde vragenlijst telt even zwaar.",
]


def method(s: ScholingSpec, key: str) -> str:
    return APPROACH[key] if s.method_account else NO_APPROACH


def asides(rng: random.Random, n: int) -> list[Para]:
    return [Para(x) for x in rng.sample(ASIDES, n)]


def score(r, none: str = "n.v.t.") -> str:
    return none if r.cijfer is None else nl(r.cijfer)


def sign(s: ScholingSpec, who: list[str], digital_text: str) -> list:
    if s.signature == "visual":
        return [Signature(who)]
    if s.signature == "digital":
        return [Para(digital_text, "small")]
    return []


# ---- bureau 1 (Chromium): HTML-made report, one small key-value table per perceel/cluster, the total as
# a last card, facts on the cover as label lines -----------------------------------------------------
class Zilverberk(Style):
    key = "zilverberk"
    organisation = "Onderzoeksbureau Zilverberk"
    aliases = ("Zilverberk",)
    producer = "chromium"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Functiegerichte vaardigheidstraining (cluster {cluster})" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Alle percelen samen"
        t = s.total()
        status = "Eindrapport" if s.final else "Conceptrapport"
        b = [Image(logo_png("ZB", (0.45, 0.5, 0.55)), 2.4, 0.9),
             Para(status, "cover", bold=True),
             Para("Klanten over hun scholing", "title"),
             Para("Tevredenheidsmeting onder klanten van UWV", "cover"),
             Para(f"Aanbieder van de scholing — {s.supplier}", "cover"),
             Para(f"Periode van beëindiging — {slash(s.meet_start)} – {slash(s.meet_end)}", "cover"),
             Para(f"Uitgebracht op — {weekday_date(s.report_date)}", "cover"),
             Para(f"Onderzoek en rapportage — {self.organisation}", "cover"),
             PageBreak(),
             Para("Inhoud", "h1"),
             Para("1 Aanleiding\t2", "toc"), Para("2 Werkwijze\t2", "toc"), Para("3 Uitkomsten per onderdeel\t3", "toc"),
             Para("4 Afsluiting\t4", "toc"),
             Para("1 Aanleiding", "h1"),
             Para(f"UWV vraagt scholingsaanbieders elk jaar de tevredenheid van hun klanten te laten meten door een onafhankelijk "
                  f"bureau. {s.supplier} heeft ons die meting laten uitvoeren voor alle klanten met een dienst die in de "
                  "genoemde periode is beëindigd.", notes=("Beëindigd: de dienst is afgerond of voortijdig gestopt.",)),
             Para("2 Werkwijze", "h1"),
             Para(method(s, "zilverberk")),
             Para(f"Er zijn {t.benaderd} klanten benaderd; {t.ingevuld} vulden de vragenlijst volledig in."),
             *asides(rng, 2),
             PageBreak(),
             Para("3 Uitkomsten per onderdeel", "h1"),
             Para("Per perceel, en bij de functiegerichte vaardigheidstrainingen per cluster, een overzicht. De norm van UWV is "
                  "een gemiddeld rapportcijfer van 8 of hoger.")]
        for r in s.rows + [t]:
            kv = [["Beëindigde diensten", str(r.beeindigd)],
                  ["Benaderde klanten (netto steekproef)", str(r.benaderd)],
                  ["Volledig ingevulde vragenlijsten", str(r.ingevuld)],
                  ["Respons", f"{nl(r.respons)}%"],
                  ["Gemiddeld rapportcijfer", score(r)]]
            b += [Para(r.service, "h2"), Table(header=[], body=kv, ruled=False, hrules=True, widths=[3, 1], font_pt=10)]
        b.append(Para("n.v.t.: er zijn geen ingevulde vragenlijsten, dus er is geen gemiddelde.", "small"))
        b += [Para("4 Afsluiting", "h1"),
              Para("Wij danken de klanten voor hun medewerking en de aanbieder voor de prettige samenwerking."),
              *sign(s, [f"Namens {self.organisation},", "drs. P. van Zilverberk"],
                    f"Dit rapport is digitaal ondertekend door {self.organisation}.")]
        doc = Doc(b, font="sans", font_pt=10, title="Klanten over hun scholing",
                  footer=f"Zilverberk · {status.lower()} · blz. {{page}}")
        return Built(doc, approached_printed=True, total_printed=True, beeindigd_printed=True)


# ---- bureau 2 (LibreOffice .fodt): Word report, method in an appendix, respons as 'n / N (x%)' in one
# cell, notes under the table ---------------------------------------------------------------------------
class Dijkgraaf(Style):
    key = "dijkgraaf"
    organisation = "Bureau Dijkgraaf Klantonderzoek"
    aliases = ("Dijkgraaf Klantonderzoek", "Dijkgraaf")
    producer = "lo-fodt"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT-cluster {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Totaal alle percelen"
        t = s.total()
        b = [Para(self.organisation, "cover", bold=True),
             Para(f"Klanttevredenheid scholingsdiensten {s.supplier}", "title"),
             Para(f"Meetperiode {month_num(s.meet_start)} t/m {month_num(s.meet_end)}", "cover"),
             Para(("Definitieve versie" if s.final else "Conceptversie ter bespreking") + f", Arnhem {long_date(s.report_date)}",
                  "cover"),
             PageBreak(),
             Para("Inhoudsopgave", "h1"),
             Para("1 Samenvatting\t3", "toc"), Para("2 Resultaten\t3", "toc"), Para("3 Beschouwing\t4", "toc"),
             Para("Bijlage 1 Verantwoording van het onderzoek\t5", "toc"), Para("Bijlage 2 Begrippen\t5", "toc"),
             PageBreak(),
             Para("1 Samenvatting", "h1")]
        low = [r for r in s.rows if r.cijfer is not None and r.cijfer < NORM_SCHOLING]
        b.append(Para(f"Over alle percelen samen geven de klanten gemiddeld een {score(t)}. "
                      + ("Alle percelen met een cijfer halen de norm van 8." if not low else
                         "Niet alle percelen halen de norm van 8: " + ", ".join(r.service for r in low) + ".")))
        b.append(Para("2 Resultaten", "h1"))
        b.append(Para("Tabel 1 geeft per perceel de respons als aantal ingevulde vragenlijsten van het aantal benaderde klanten "
                      "(netto steekproef), met het percentage tussen haakjes.", notes=(
                          "Benaderd zijn alle klanten van wie de dienst in de meetperiode is beëindigd.",)))
        body = [[r.service, str(r.beeindigd), f"{r.ingevuld} / {r.benaderd} ({nl(r.respons)}%)", score(r, "-")]
                for r in s.rows]
        body.append([t.service, str(t.beeindigd), f"{t.ingevuld} / {t.benaderd} ({nl(t.respons)}%)", score(t, "-")])
        b.append(Table(header=[["Perceel / cluster", "Beëindigd¹", "Respons²", "Gem. cijfer³"]], body=body, ruled=True,
                       widths=[2.6, 1, 1.6, 1], bold_rows=(len(body) - 1,), font_pt=9.5,
                       caption="Tabel 1 Respons en gemiddeld rapportcijfer"))
        b += [Para("¹ Aantal beëindigde diensten volgens de aanbieder.", "small"),
              Para("² Ingevulde vragenlijsten / netto steekproef (responspercentage).", "small"),
              Para("³ Gemiddelde van het rapportcijfer voor de scholing als geheel; - = geen waarneming.", "small"),
              Para("3 Beschouwing", "h1"),
              Para("De verschillen tussen de percelen hangen deels samen met de omvang: kleine percelen geven een minder "
                   "stabiel beeld."),
              *asides(rng, 1),
              PageBreak(),
              Para("Bijlage 1 Verantwoording van het onderzoek", "h1"),
              Para(method(s, "dijkgraaf")),
              *asides(rng, 1),
              Para("Bijlage 2 Begrippen", "h1"),
              Para("FVT-cluster: een cluster van de functiegerichte vaardigheidstrainingen (" + FVT + ")."),
              Para("Netto steekproef: het aantal klanten dat is benaderd.")]
        b += sign(s, ["ir. H. Dijkgraaf", "onderzoeksleider"], "Digitaal ondertekend door het bureau.")
        doc = Doc(b, font="serif", title="Klanttevredenheid scholingsdiensten",
                  header=f"{self.organisation} — KTO scholing", footer="{page} / {pages}")
        return Built(doc, total_printed=True, beeindigd_printed=True)


# ---- bureau 3 (LibreOffice HTML import): a spreadsheet exported to a page: a facts block of cells, the
# perceel and the cluster in separate columns, spreadsheet dates ---------------------------------------
class Peilstok(Style):
    key = "peilstok"
    organisation = "Peilstok Onderzoek & Statistiek"
    aliases = ("Peilstok Onderzoek", "Peilstok")
    producer = "lo-html"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{FVT} {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        t = s.total()
        facts = [["Onderzoeksbureau", self.organisation], ["Leverancier", s.supplier],
                 ["Meetperiode", f"{excel(s.meet_start)} t/m {excel(s.meet_end)}"],
                 ["Rapportdatum", excel(s.report_date)], ["Status", "definitief" if s.final else "concept"],
                 ["Bestand", f"KTO_scholing_2021_v{rng.randint(2, 6)}.xlsx"]]
        body = []
        for r in s.rows:
            perceel, _, cluster = r.perceel.partition(", cluster ")
            body.append([perceel, cluster, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), nl(r.respons), score(r)])
        body.append(["Totaal", "", str(t.beeindigd), str(t.benaderd), str(t.ingevuld), nl(t.respons), score(t)])
        b = [Para("KTO scholing 2021 — resultaten per perceel", "h1"),
             Table(header=[], body=facts, ruled=True, widths=[1.2, 3], font_pt=9),
             Table(header=[["Perceel", "Cluster", "Beëindigd", "Netto steekproef", "Respons (n)", "Respons (%)",
                            "Gem. rapportcijfer"]],
                   body=body, ruled=True, widths=[2.3, 1.3, 0.9, 0.9, 0.9, 0.9, 0.9], bold_rows=(len(body) - 1,), font_pt=8.5,
                   zebra="#eef3e6", head_fill="#4f6228", left_cols=(1,)),
             Para("Opmerkingen", "h2"),
             Para("[1] " + method(s, "peilstok"), "small"),
             Para("[2] Respons (%) = Respons (n) / Netto steekproef × 100. n.v.t. = geen cijfer, want geen respons.", "small"),
             Para("[3] " + ASIDES[rng.randrange(len(ASIDES))], "small")]
        if s.signature == "visual":
            b += [Para("Akkoord:", "small"), Signature(["A. Peilstok, directeur"])]
        elif s.signature == "digital":
            b.append(Para("Gewaarmerkt met een digitale handtekening van Peilstok Onderzoek & Statistiek.", "small"))
        return Built(Doc(b, font="sans", font_pt=9, title="KTO scholing 2021"), total_printed=True, beeindigd_printed=True)


# ---- bureau 4 (reportlab): designed brochure, percelen ranked by score, the total on top, a norm column,
# facts in a box on the cover ----------------------------------------------------------------------------
class Klankbord(Style):
    key = "klankbord"
    organisation = "Stichting Klankbord Onderzoek"
    aliases = ("Klankbord Onderzoek", "Klankbord")
    producer = "reportlab"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Vaardigheidstraining {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Alle klanten"
        t = s.total()
        ranked = sorted(s.rows, key=lambda r: -(r.cijfer if r.cijfer is not None else -1))
        norm = lambda r: "–" if r.cijfer is None else ("ja" if r.cijfer >= NORM_SCHOLING else "nee")  # noqa: E731
        body = [["", t.service, str(t.benaderd), str(t.ingevuld), nl(t.respons), score(t), ""]]
        body += [[f"{i}.", r.service, str(r.benaderd), str(r.ingevuld), nl(r.respons), score(r), norm(r)]
                 for i, r in enumerate(ranked, 1)]
        box = Table(header=[], body=[["Voor", s.supplier], ["Jaar van meting", f"{month_short(s.meet_start)} – {month_short(s.meet_end)}"],
                                     ["Uitgave", short(s.report_date)],
                                     ["Versie", "eindversie" if s.final else "concept, niet voor verspreiding"]],
                    ruled=False, widths=[1.2, 3], font_pt=11, zebra="#f3ece0", left_cols=(1,))
        b = [Image(logo_png("Klankbord", (0.6, 0.3, 0.15), width=230), 4.0, 1.0),
             Para("Wat vinden uw klanten?", "title"),
             Para("Klanttevredenheid scholing, in opdracht van de aanbieder, volgens de eisen van UWV", "cover"),
             box,
             Para(f"Een uitgave van {self.organisation}", "small"),
             PageBreak(),
             Para("In het kort", "h1"),
             Para(f"Hoogst gewaardeerd: {ranked[0].service} ({score(ranked[0])}). Over alle klanten samen: {score(t)}."),
             Para("Hoe wij de klanten benaderden", "h1"),
             Para(method(s, "klankbord")),
             *asides(rng, 2),
             Para("Ranglijst", "h1"),
             Para("De percelen en clusters gerangschikt naar het gemiddelde rapportcijfer, met bovenaan alle klanten samen. "
                  "Kolom ‘≥ 8’: haalt het onderdeel de norm van UWV?"),
             Table(header=[["#", "Onderdeel", "Benaderd", "Ingevuld", "Respons %", "Cijfer", "≥ 8"]], body=body,
                   ruled=False, hrules=True, widths=[0.4, 2.8, 0.9, 0.9, 0.9, 0.8, 0.5], bold_rows=(0,), left_cols=(1,),
                   font_pt=9.5, first_col_left=False),
             Para("Cijfer: gemiddeld rapportcijfer (1-10). n.v.t.: geen ingevulde vragenlijsten.", "small"),
             Para("Tot besluit", "h1"),
             Para("Wij bespreken de uitkomsten graag met u en uw team.")]
        b += sign(s, ["M. de Klerk, directeur-bestuurder", self.organisation],
                  f"Het bestuur van {self.organisation} heeft dit rapport digitaal ondertekend.")
        return Built(Doc(b, font="sans", title="Wat vinden uw klanten?", footer="Klankbord · pagina {page}"),
                     total_printed=True)


# ---- jobcoaching --------------------------------------------------------------------------------------
def analysis(s: JobcoachSpec) -> list[Para]:
    ok = s.wn_avg_printed >= NORM_JC and s.wg_avg_printed >= NORM_JC
    return [Para(f"Werknemers geven gemiddeld een {nl(s.wn_avg_printed)} en werkgevers een {nl(s.wg_avg_printed)}. "
                 + ("Beide cijfers voldoen aan de ondergrens van 6,5." if ok else
                    "Niet beide cijfers voldoen aan de ondergrens van 6,5; wij nemen dit serieus.")),
            Para("Verbeterpunt voor het komende jaar: vaker en op vaste momenten contact met de leidinggevende van de "
                 "werknemer, en een vaste vervanger bij afwezigheid van de jobcoach.")]


class HetBaken(JcStyle):
    """Word-filled rapportageformat: periods in long form (two rows per period), averages in a sentence,
    answer counts with the questions as numbered columns and a legend."""

    key = "baken"
    organisation = "Jobcoaching Het Baken"
    producer = "lo-fodt"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        body = []
        for i, p in enumerate(s.periods, 1):
            body.append([f"Periode {i}", "werknemer", p.werknemer, nl(p.wn)])
            body.append(["", "werkgever", p.werkgever, nl(p.wg)])
        b = [Para("Rapportage klanttevredenheid jobcoaching", "title"),
             Para(f"Jobcoachorganisatie: {self.organisation}", "cover"),
             Para(f"Erkend door UWV d.d. {short(s.recognition)}", "cover"),
             Para(f"Meetjaar: {short(s.meet_start)} – {short(s.meet_end)}", "cover"),
             Para(f"Opgemaakt: {short(s.report_date)}", "cover"),
             Para("1. Weergave cijfers", "h1"),
             Table(header=[["Jobcoachperiode", "Beoordeeld door", "Naam", "Cijfer"]], body=body, ruled=True,
                   widths=[1.2, 1.2, 1.6, 0.7], left_cols=(1, 2), font_pt=9.5),
             Para(f"Over {n} jobcoachperioden is het behaalde cijfer van de werknemers {nl(s.wn_avg_printed)} en dat van de "
                  f"werkgevers {nl(s.wg_avg_printed)}.", notes=("Gemiddelde: de som van de cijfers gedeeld door het aantal "
                                                                "perioden, afgerond op één decimaal.",)),
             Para("2. Weergave vragen", "h1")]
        for group, scale, title in (("werknemer", WN_SCALE, "Vragen aan de werknemer"),
                                    ("werkgever", WG_SCALE, "Vragen aan de werkgever")):
            qs = [(q, c) for g, q, c in s.answers if g == group]
            pre = "N" if group == "werknemer" else "G"
            rows = [[opt] + [str(c[opt]) for _q, c in qs] for opt in scale]
            b += [Para(title, "h2"),
                  Table(header=[["Antwoord"] + [f"{pre}{k}" for k in range(1, len(qs) + 1)]], body=rows, ruled=True,
                        widths=[1.6] + [0.6] * len(qs), font_pt=9, first_col_left=True)]
            b += [Para(f"{pre}{k}: {q}", "small") for k, (q, _c) in enumerate(qs, 1)]
        if s.analysis:
            b += [Para("3. Analyse van de resultaten", "h1"), *analysis(s)]
        else:
            b += [Para("3. Opmerkingen", "h1"), Para("Geen.")]
        b += [Para(f"Zwolle, {short(s.report_date)}"), Para("J. Baakman, kwaliteitsfunctionaris", "small")]
        return Built(Doc(b, font="serif", title="Rapportage klanttevredenheid jobcoaching",
                         footer="Het Baken · rapportageformat UWV · {page}"))


class Meerwerk(JcStyle):
    """HTML-made report: periods as columns with the average as the last column, answer counts inline in
    one cell per question."""

    key = "meerwerk"
    organisation = "Coachhuis Meerwerk"
    producer = "chromium"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        head = ["", *[f"P{i}" for i in range(1, n + 1)], "Gem."]
        rows = [["Werknemer", *[p.werknemer.replace("Werknemer ", "") for p in s.periods], ""],
                ["Cijfer werknemer", *[nl(p.wn) for p in s.periods], nl(s.wn_avg_printed)],
                ["Werkgever", *[p.werkgever.replace("Werkgever ", "") for p in s.periods], ""],
                ["Cijfer werkgever", *[nl(p.wg) for p in s.periods], nl(s.wg_avg_printed)]]
        b = [Para(self.organisation, "cover", bold=True),
             Para("Tevredenheid over onze jobcoaching", "title"),
             Table(header=[], body=[["Erkenning UWV sinds", weekday_date(s.recognition)],
                                    ["Periode van meting", f"{slash(s.meet_start)} – {slash(s.meet_end)}"],
                                    ["Datum van dit verslag", weekday_date(s.report_date)]],
                   ruled=False, hrules=True, widths=[1.4, 3], font_pt=10, left_cols=(1,)),
             Para("Cijfers per jobcoachperiode", "h1"),
             Para(f"Elke kolom is één afgesloten jobcoachperiode (P1 tot en met P{n}). Werknemers zijn aangeduid met een letter, "
                  "werkgevers met een nummer. De laatste kolom is het gemiddelde over alle perioden."),
             Table(header=[head], body=rows, ruled=True, widths=[1.6] + [0.5] * n + [0.6], font_pt=9,
                   bold_rows=(1, 3)),
             Para("Antwoorden op de vragen", "h1"),
             Para("Achter elke vraag staat hoe vaak elk antwoord is gegeven.")]
        for group, scale, title in (("werknemer", WN_SCALE, "Werknemers"), ("werkgever", WG_SCALE, "Werkgevers")):
            body = [[q, " · ".join(f"{opt} {c[opt]}" for opt in reversed(scale))] for g, q, c in s.answers if g == group]
            b += [Para(title, "h2"), Table(header=[[Span("Vraag"), "Aantal keer gegeven"]], body=body, ruled=False, hrules=True,
                                           widths=[3.2, 2], font_pt=9, left_cols=(1,))]
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h1"), *analysis(s)]
        else:
            b += [Para("Contact", "h1"), Para("Vragen over dit verslag? Mail ons via het algemene adres van Coachhuis Meerwerk.")]
        return Built(Doc(b, font="sans", title="Tevredenheid over onze jobcoaching",
                         header="Coachhuis Meerwerk – verslag klanttevredenheid", footer="{page}"))


class Wegwijzer(JcStyle):
    """HTML-made report imported by a word processor: the facts as a row of labels over a row of values,
    the averages as the first row of the periods table, answers per question as a numbered list."""

    key = "wegwijzer"
    organisation = "Jobcoachbureau De Wegwijzer"
    producer = "lo-html"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        body = [[f"Gemiddeld over {n} perioden", "", nl(s.wn_avg_printed), "", nl(s.wg_avg_printed)]]
        body += [[str(i), p.werknemer, nl(p.wn), p.werkgever, nl(p.wg)] for i, p in enumerate(s.periods, 1)]
        b = [Para("Klanttevredenheid jobcoaching – jaarverslag", "title"),
             Table(header=[["Jobcoachorganisatie", "Erkenning UWV", "Meetperiode", "Rapportdatum"]],
                   body=[[self.organisation, slash(s.recognition), f"{slash(s.meet_start)} t/m {slash(s.meet_end)}",
                          slash(s.report_date)]],
                   ruled=True, widths=[1.6, 1, 1.8, 1], font_pt=9.5, left_cols=(1, 2, 3), head_widths=True),
             Para("A. Weergave cijfers", "h1"),
             Para("Bovenaan staat het behaalde cijfer: het gemiddelde van alle afgesloten jobcoachperioden in de meetperiode."),
             Table(header=[[Span("Periode", rows=2), Span("Werknemer", cols=2), Span("Werkgever", cols=2)],
                           ["naam", "cijfer", "naam", "cijfer"]],
                   body=body, ruled=True, widths=[1.6, 1.2, 0.7, 1.2, 0.7], left_cols=(1, 3), bold_rows=(0,), font_pt=9.5),
             Para("B. Weergave vragen", "h1")]
        for group, scale, title in (("werknemer", WN_SCALE, "Vragenlijst werknemer"),
                                    ("werkgever", WG_SCALE, "Vragenlijst werkgever")):
            b.append(Para(title, "h2"))
            for k, (g, q, c) in enumerate([a for a in s.answers if a[0] == group], 1):
                b.append(Para(f"{k}. {q}"))
                b.append(Para("     " + "; ".join(f"{opt}: {c[opt]}x" for opt in scale), "small"))
        if s.analysis:
            b += [Para("C. Analyse van de resultaten", "h1"), *analysis(s)]
        else:
            b += [Para("C. Bijlagen", "h1"), Para("Geen.")]
        return Built(Doc(b, font="serif", title="Klanttevredenheid jobcoaching – jaarverslag"))


SCHOLING_STYLES = [Zilverberk(), Dijkgraaf(), Peilstok(), Klankbord()]
JOBCOACH_STYLES = [HetBaken(), Meerwerk(), Wegwijzer()]
DOCS_PER_SCHOLING_STYLE = 4
DOCS_PER_JC_STYLE = 4
