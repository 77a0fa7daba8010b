"""House styles of the HOLDOUT8 family: kept for a blind measurement by the lead. Whoever builds or
tunes the reader must not read this module or the documents it makes, and must not run kto-ingest on
them until that measurement (corpus/README.md).

Five more fictitious research bureaus and four more jobcoaching organisations, written in session 7
by someone who did not build the reader and did not read ``kto_ingest/``, ``parsers/`` or the tests:
a survey platform's dashboard printed from the browser, a small bureau's Word report (numbered
chapters, respons in the method chapter and the rapportcijfer in a later table running over a page,
three measurements side by side in a landscape appendix), a reporting script's tidy table, a web
report with the percelen and the clusters in two tables, a year report of quarterly fieldwork; jobcoaching with two locations, with the
previous meetjaar alongside, with the facts in sentences, and with the werkgevers' scores grouped per
werkgever. Every name is invented.

``date_forms`` and ``period_forms`` list how these styles print dates and periods, so that
``corpus.check`` can tell that every truth value is really printed.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from .model import (FVT, NORM_JC, NORM_SCHOLING, WG_Q, WG_SCALE, WN_SCALE, JobcoachSpec, ScholingSpec, long_date, nl, r1,
                    respons_printed)
from .render import Bar, Doc, Image, Landscape, PageBreak, Para, Signature, Span, Table, logo_png
from .styles import Built, JcStyle, Style, jc_num

# ---- dates and periods as these styles print them -------------------------------------------------
ABBR = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]


def abbr(d: dt.date) -> str:
    """'14 feb. 2022', 'mei' without a full stop."""
    return f"{d.day} {ABBR[d.month - 1]} {d.year}"


def abbr_range(start: dt.date, end: dt.date) -> str:
    """'1 jan. t/m 31 dec. 2021' (the year once within one year), else both dates in full."""
    if start.year == end.year:
        return f"{start.day} {ABBR[start.month - 1]} t/m {abbr(end)}"
    return f"{abbr(start)} t/m {abbr(end)}"


def iso(d: dt.date) -> str:
    return d.isoformat()


def dmy(d: dt.date) -> str:
    return f"{d:%d-%m-%Y}"


def began_ended(start: dt.date, end: dt.date) -> str:
    return f"begon op {long_date(start)} en eindigde op {long_date(end)}"


def filter_range(start: dt.date, end: dt.date) -> str:
    """A dashboard's date filter: '≥ 01-01-2021 en ≤ 31-12-2021'."""
    return f"≥ {dmy(start)} en ≤ {dmy(end)}"


def dmy_short(d: dt.date) -> str:
    return f"{d.day}-{d.month}-{d.year}"


def date_forms(d: dt.date) -> list[str]:
    return [abbr(d), iso(d)]


def period_forms(start: dt.date, end: dt.date) -> list[str]:
    return [abbr_range(start, end), f"{abbr(start)} – {abbr(end)}", f"{iso(start)} t/m {iso(end)}", began_ended(start, end),
            filter_range(start, end), f"{dmy_short(start)} t/m {dmy_short(end)}", f"{long_date(start)} – {long_date(end)}"]


def meting_label(start: dt.date, end: dt.date, back: int = 0) -> str:
    """How a measurement is named in a trend table: '2021' for a calendar year, else '2020/21'."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year - back)
    return f"{start.year - back}/{str(end.year - back)[2:]}"


# ---- texts of these bureaus -------------------------------------------------------------------------
APPROACH = {
    "kwadrant": ("Uitnodigingen en herinneringen zijn verstuurd vanuit het klantportaal van Kwadrant: een e-mail met een "
                 "persoonlijke link in de week na de einddatum van de dienst, een herinnering per e-mail na vijf werkdagen en een "
                 "herinnering per sms na tien werkdagen. Klanten zonder e-mailadres kregen een brief met een QR-code."),
    "veenstra": ("Elke klant ontving een brief op naam met een toelichting op het onderzoek, een papieren vragenlijst en een "
                 "portvrije retourenvelop; in de brief stond ook een inlogcode voor wie liever online antwoordde. Na drie weken "
                 "volgde een herinneringsbrief. Klanten die daarna nog niet hadden gereageerd en van wie een telefoonnummer "
                 "bekend was, zijn door een van onze interviewers gebeld (ten hoogste drie pogingen)."),
    "cijferwerk": ("Benadering: alle klanten in het aangeleverde bestand zijn telefonisch benaderd door het belteam van Cijferwerk "
                   "(maximaal zes belpogingen, verspreid over ochtend, middag en avond). Klanten die niet telefonisch wilden "
                   "meedoen, kregen een link naar de online vragenlijst per e-mail."),
    "vierseizoenen": ("Wij nodigen elk kwartaal de klanten uit van wie in dat kwartaal de dienst is beëindigd: binnen twee weken "
                      "een uitnodiging per e-mail, na een week een herinnering per e-mail en na nog een week een telefonische "
                      "herinnering. Klanten zonder e-mailadres krijgen de vragenlijst per post."),
    "hoflaan": ("Wij hebben de klanten eerst per e-mail uitgenodigd. Klanten die na een week niet hadden gereageerd, kregen een "
                "tweede e-mail; wie na twee weken nog niet had gereageerd, kreeg een brief met dezelfde vragenlijst op papier."),
}
NO_APPROACH = ("Het adresbestand is door de aanbieder via een beveiligde verbinding aangeleverd. Na ontdubbeling zijn alle "
               "klanten met een beëindigde dienst in de meetperiode in het onderzoek opgenomen.")
NOTES = [
    "Het rapportcijfer is gevraagd op een schaal van 1 (zeer slecht) tot en met 10 (uitstekend).",
    "Onderdelen met minder dan tien oordelen geven een indicatie; verschillen zijn dan niet betrouwbaar.",
    "Er is niet gewogen; iedere ingevulde vragenlijst telt even zwaar mee.",
    "De aanbieder heeft geen inzage gehad in antwoorden van individuele klanten.",
    "Vragenlijsten die zijn afgebroken vóór de vraag naar het rapportcijfer, tellen niet als ingevuld.",
    "Het onderzoek is uitgevoerd volgens de gedragscode voor onderzoek en statistiek van de brancheverenigingen.",
]
SUBJECTS = ["de docent", "de trainer", "de praktijkbegeleider", "het lesmateriaal", "de planning van de lessen", "de lesruimte",
            "de toets aan het eind", "de begeleiding naar werk", "het contact met de opleider", "de sfeer in de groep",
            "de stageplek", "de online lessen", "de uitleg vooraf", "de administratie"]
VERDICTS = ["was prima", "kon beter", "was heel goed geregeld", "viel mij tegen", "was duidelijk", "was erg prettig",
            "was soms rommelig", "was precies wat ik nodig had"]


def comments(rng: random.Random, n: int) -> list[str]:
    """Clients' remarks as a bureau quotes them (a list of any length, no remark twice)."""
    pool = [f"{a[:1].upper()}{a[1:]} {v}." for a in SUBJECTS for v in VERDICTS]
    return [f"– “{x}”" for x in rng.sample(pool, min(n, len(pool)))]


def method(s: ScholingSpec, key: str) -> str:
    return APPROACH[key] if s.method_account else NO_APPROACH


def notes(rng: random.Random, n: int) -> list[Para]:
    return [Para(x) for x in rng.sample(NOTES, n)]


def score(r, none: str = "n.v.t.") -> str:
    return none if r.cijfer is None else nl(r.cijfer)


def whole_pct(r) -> str:
    """A whole percent as the dashboard rounds it (half up, as the truth's respons_printed)."""
    return f"{int(respons_printed(r, 0))}%"


# ---- bureau 1 (Chromium): a survey platform's dashboard printed from the browser: filter bar with the
# end-date filter, KPI tiles, widgets with bars, the score widget sorted by score --------------------
class Kwadrant(Style):
    key = "kwadrant"
    organisation = "Enquêtehuis Kwadrant B.V."
    aliases = ("Enquêtehuis Kwadrant", "Kwadrant")
    producer = "chromium"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{FVT} › {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        if s.final:
            s.final = None  # a dashboard has no definitief marking; only a concept says so
        s.total_label = "Alle segmenten"
        t = s.total()
        gen = f"{dmy(s.report_date)} {rng.randint(8, 17)}:{rng.randint(0, 59):02d}"
        status = ["Status"] if s.final is False else []
        b = [Image(logo_png("KWADRANT", (0.1, 0.35, 0.4), width=260), 4.2, 0.9),
             Para(f"{self.organisation} – klantportaal › Dashboards › KTO scholing UWV", "small"),
             Para(("CONCEPT – " if s.final is False else "") + f"Klanttevredenheid scholing – {s.supplier}", "h1"),
             Table(header=[["Project", "Einddatum dienst", "Segment", *status, "Rapport gegenereerd"]],
                   body=[["KTO scholing UWV", filter_range(s.meet_start, s.meet_end), "alle percelen",
                          *(["concept"] if s.final is False else []), gen]],
                   ruled=True, widths=[1.2, 1.9, 1, *([0.8] if status else []), 1.3], font_pt=8.5, head_fill="#1a5966",
                   left_cols=(1, 2, 3, 4)),
             Para("Kerncijfers (alle segmenten)", "h2"),
             Table(header=[], body=[[str(t.benaderd), str(t.ingevuld), whole_pct(t), score(t, "–")],
                                    ["uitgenodigd", "voltooid", "respons", "gem. rapportcijfer"]],
                   ruled=True, widths=[1, 1, 1, 1], font_pt=13, first_col_left=False),
             Para("Respons per segment", "h2")]
        body = [[r.service, str(r.benaderd), str(r.ingevuld), Bar(100 * r.ingevuld / r.benaderd, 100, whole_pct(r))]
                for r in s.rows + [t]]
        b.append(Table(header=[["Segment", "Uitgenodigd", "Voltooid", "Respons"]], body=body, ruled=False, hrules=True,
                       widths=[3.2, 0.9, 0.8, 1.8], bold_rows=(len(body) - 1,), font_pt=9))
        b.append(Para("Voltooid: de vragenlijst is tot en met de laatste verplichte vraag ingevuld. Respons = voltooid / "
                      "uitgenodigd.", "small"))
        ranked = sorted(s.rows, key=lambda r: -(r.cijfer if r.cijfer is not None else -1))
        body = [[t.service, str(t.ingevuld), Bar(t.cijfer or 0, 10, score(t, "–"), "#2f8f83")]]
        body += [[r.service, str(r.ingevuld), Bar(r.cijfer or 0, 10, score(r, "–"), "#2f8f83")] for r in ranked]
        b += [Para("V1 Welk rapportcijfer geeft u de scholing als geheel? – gemiddelde per segment", "h2"),
              Table(header=[["Segment", "n", "Gemiddelde (1-10)"]], body=body, ruled=False, hrules=True,
                    widths=[3.2, 0.6, 2.3], bold_rows=(0,), font_pt=9),
              Para("Gesorteerd op gemiddelde, hoogste eerst. – : geen voltooide vragenlijsten in dit segment. De norm van UWV is "
                   "een 8 per perceel en per cluster.", "small"),
              Para("Over dit onderzoek", "h2"),
              Para("Het dashboard toont alle klanten van wie de scholingsdienst een einddatum binnen het filter hierboven heeft "
                   "(de meetperiode)."),
              Para(method(s, "kwadrant")),
              *notes(rng, 2)]
        if s.signature == "visual":
            b += [Para("Accordering", "h2"), Signature(["Voor akkoord, namens Enquêtehuis Kwadrant B.V.", "R. Kwadraat, projectleider"])]
        elif s.signature == "digital":
            b.append(Para(f"Deze export is digitaal ondertekend door {self.organisation}.", "small"))
        doc = Doc(b, font="sans", font_pt=9.5, title=f"Dashboard KTO scholing – {s.supplier}",
                  header="Kwadrant klantportaal · dashboard-export", footer="Pagina {page} van {pages}")
        return Built(doc, total_printed=True, respons_decimals=0)


# ---- bureau 2 (LibreOffice .fodt): small bureau's Word report: colofon first, numbered chapters, respons
# in the method chapter, the rapportcijfer in a later table over a page break, three measurements in a
# landscape appendix -----------------------------------------------------------------------------------
class VeenstraDeWit(Style):
    key = "veenstra"
    organisation = "Onderzoeksbureau Veenstra & De Wit"
    aliases = ("Veenstra & De Wit", "Veenstra en De Wit")
    producer = "lo-fodt"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{FVT}: {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        t = s.total()
        nr = f"VW-{s.report_date.year}-{rng.randint(11, 48):03d}"
        version = "Versie 1.0 (definitief)" if s.final else "Versie 0.3 (concept, ter bespreking)"
        b = [Para(self.organisation, "cover", bold=True),
             Para("Klanttevredenheidsonderzoek scholingsdiensten", "title"),
             Para(f"Rapportage voor {s.supplier}", "cover"),
             Para(f"Rapportnummer {nr}", "cover"),
             PageBreak(),
             Para("Colofon", "h2"),
             Para(f"Opdrachtgever: {s.supplier}\nUitvoering: {self.organisation}, Leeuwarden\nProjectnummer: {nr}\n"
                  f"Datum: {abbr(s.report_date)}\n{version}\nAuteurs: drs. J. Veenstra en M. de Wit MSc", "small"),
             Para("Inhoud", "h1"),
             Para("1 Inleiding\t3", "toc"), Para("2 Methodologische verantwoording\t3", "toc"), Para("3 Tevredenheid\t4", "toc"),
             Para("4 Conclusies\t5", "toc"), Para("Bijlage A Drie metingen naast elkaar\t6", "toc"),
             PageBreak(),
             Para("1 Inleiding", "h1"),
             Para("1.1 Aanleiding", "h2"),
             Para(f"UWV vraagt van scholingsaanbieders dat zij jaarlijks de tevredenheid van hun klanten laten onderzoeken door "
                  f"een onafhankelijk onderzoeksbureau. {s.supplier} heeft ons gevraagd dit onderzoek uit te voeren."),
             Para("1.2 Onderzoekspopulatie", "h2"),
             Para("Tot de onderzoekspopulatie behoren alle klanten van UWV van wie de scholingsdienst is beëindigd in de "
                  f"meetperiode die {began_ended(s.meet_start, s.meet_end)}."),
             Para("2 Methodologische verantwoording", "h1"),
             Para("2.1 Benadering van de klanten", "h2"),
             Para(method(s, "veenstra")),
             Para("2.2 Respons", "h2"),
             Para("Tabel 2.1 geeft per perceel en cluster het aantal beëindigde diensten, het aantal aangeschreven klanten en de "
                  "respons. Het rapportcijfer volgt in hoofdstuk 3."),
             Para("Tabel 2.1 Respons per perceel en cluster", bold=True)]
        body = [[r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), nl(r.respons)] for r in s.rows]
        body.append([t.service, str(t.beeindigd), str(t.benaderd), str(t.ingevuld), nl(t.respons)])
        b.append(Table(header=[["Perceel / cluster", "Beëindigd", "Aange-\nschreven", "Respons\n(aantal)", "Respons\n(%)"]],
                       body=body, ruled=True, widths=[3.4, 0.9, 0.9, 0.9, 0.9], bold_rows=(len(body) - 1,), font_pt=9.5))
        b += notes(rng, 1)
        b += [Para("3 Tevredenheid", "h1"),
              Para("3.1 Opmerkingen van klanten", "h2"),
              Para("Een selectie uit de opmerkingen die klanten bij de open vraag gaven (letterlijk overgenomen):"),
              Para("\n".join(comments(rng, pad + 3)))]
        b.append(Para("3.2 Rapportcijfer", "h2"))
        ordered = sorted(s.rows, key=lambda r: r.service)
        body = []
        for r in ordered + [t]:
            ok = "–" if r.cijfer is None else f"{min(100, max(60, round(100 - (9 - r.cijfer) * rng.uniform(6, 14))))}%"
            body.append([r.service, str(r.ingevuld), score(r), ok])
        b.append(Table(header=[["Perceel / cluster", "Aantal\noordelen", "Gemiddeld\nrapportcijfer", "Aandeel 6\nof hoger"]],
                       body=body, ruled=False, hrules=True, widths=[3.4, 0.9, 1.1, 0.9], bold_rows=(len(body) - 1,),
                       font_pt=9.5, caption="Tabel 3.1 Gemiddeld rapportcijfer per perceel en cluster (alfabetisch)"))
        b.append(Para("n.v.t.: geen oordelen, dus geen gemiddelde. De norm van UWV is een gemiddeld rapportcijfer van 8 per "
                      "perceel en per cluster.", "small"))
        low = [r.service for r in s.rows if r.cijfer is not None and r.cijfer < NORM_SCHOLING]
        b += [Para("4 Conclusies", "h1"),
              Para(f"Gemiddeld geven de klanten een {score(t)}. "
                   + ("Alle percelen en clusters met een rapportcijfer halen de norm." if not low else
                      "De norm wordt niet gehaald door: " + "; ".join(low) + ".")),
              Para("De meeste opmerkingen van klanten gaan over de planning van de lessen en de bereikbaarheid van de "
                   "lesruimte.")]
        if s.signature == "visual":
            b += [Para("Ondertekening", "h2"), Signature([f"Leeuwarden, {abbr(s.report_date)}", "drs. J. Veenstra, directeur"])]
        elif s.signature == "digital":
            b += [Para("Ondertekening", "h2"), Para("Dit rapport is voorzien van een gekwalificeerde elektronische handtekening "
                                                   "van het onderzoeksbureau.")]
        # the appendix: three measurements side by side, on a landscape page
        labels = [meting_label(s.meet_start, s.meet_end, k) for k in (2, 1, 0)]
        rows = []
        for r in s.rows:
            hist = []
            for _k in (2, 1):
                if "cluster" in r.perceel and rng.random() < 0.3:
                    hist += ["nieuw", "nieuw"]
                else:
                    hist += [nl(rng.uniform(25, 60)), nl(r1(rng.uniform(7.6, 8.8)))]
            rows.append([r.service, *hist, nl(r.respons), score(r)])
        land = Landscape([Para("Bijlage A Drie metingen naast elkaar", "h1"),
                          Para(f"Respons (%) en gemiddeld rapportcijfer per perceel en cluster in de metingen {labels[0]}, "
                               f"{labels[1]} en {labels[2]}; de laatste kolommen zijn de meting van dit rapport. ‘nieuw’: het "
                               "cluster werd toen nog niet aangeboden."),
                          Table(header=[[Span("Perceel / cluster", rows=2), Span(f"Meting {labels[0]}", cols=2),
                                         Span(f"Meting {labels[1]}", cols=2), Span(f"Meting {labels[2]} (dit rapport)", cols=2)],
                                        ["Respons %", "Cijfer", "Respons %", "Cijfer", "Respons %", "Cijfer"]],
                                body=rows, ruled=True, widths=[3.6, 1, 1, 1, 1, 1, 1], font_pt=9)])
        b += [land, Para(self.organisation, bold=True), Para("Zuiderplein 14, 8911 AB Leeuwarden (fictief adres)", "small")]
        doc = Doc(b, font="serif", title="Klanttevredenheidsonderzoek scholingsdiensten",
                  footer=f"Veenstra & De Wit | {nr} | {{page}}")
        return Built(doc, total_printed=True, beeindigd_printed=True, split_check=t.service, split_head="Aandeel 6")


# ---- bureau 3 (reportlab): a reporting script's output: facts in one sentence, ISO dates, one tidy table
# (perceel, kengetal, waarde) running over the pages ------------------------------------------------------
class Cijferwerk(Style):
    key = "cijferwerk"
    organisation = "Cijferwerk Beleidsonderzoek"
    aliases = ("Cijferwerk",)
    producer = "reportlab"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{FVT} ({cluster})" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Totaal onderzoek"
        t = s.total()
        version = "versie 1.0, vastgesteld" if s.final else "versie 0.9, concept"
        b = [Para("Rapportage klanttevredenheid scholingsdiensten", "title"),
             Para(f"{s.supplier} – {version}", "cover"),
             Para("Rapportgegevens", "h2"),
             Para(f"Dit rapport is op {iso(s.report_date)} samengesteld door {self.organisation} in opdracht van {s.supplier}. "
                  "Het beschrijft de tevredenheid van klanten van UWV van wie de scholingsdienst is beëindigd in de periode "
                  f"{iso(s.meet_start)} t/m {iso(s.meet_end)}. De tabellen zijn met een script rechtstreeks uit het "
                  "databestand gemaakt; getallen zijn niet met de hand overgenomen."),
             Para("1 Methode", "h1"),
             Para(method(s, "cijferwerk")),
             *notes(rng, 2),
             Para("2 Kengetallen per perceel en cluster", "h1"),
             Para("Tabel 1 staat in een lange vorm: per perceel of cluster vijf kengetallen onder elkaar. Respons = ingevulde "
                  "vragenlijsten / benaderd × 100.")]
        body = []
        for r in s.rows + [t]:
            vals = [("beëindigde diensten", str(r.beeindigd)), ("benaderd (netto steekproef)", str(r.benaderd)),
                    ("ingevulde vragenlijsten", str(r.ingevuld)), ("respons (%)", nl(r.respons)),
                    ("gemiddeld rapportcijfer", score(r, "–"))]
            for k, (name, v) in enumerate(vals):
                body.append([r.service if k == 0 else "", name, v])
        bold = tuple(range(len(body) - 5, len(body)))
        b.append(Table(header=[["perceel_cluster", "kengetal", "waarde"]], body=body, ruled=False, hrules=True,
                       widths=[3.2, 2.2, 0.8], font_pt=9, left_cols=(1,), bold_rows=bold, valign="TOP",
                       caption="Tabel 1 Kengetallen per perceel en cluster (lange vorm)"))
        b.append(Para("– : geen ingevulde vragenlijsten, dus geen gemiddeld rapportcijfer.", "small"))
        low = [r for r in s.rows if r.cijfer is not None and r.cijfer < NORM_SCHOLING]
        b += [Para("3 Samenvatting", "h1"),
              Para(f"Van de {len(s.rows)} percelen en clusters "
                   + (f"blijven er {len(low)} onder de norm van 8." if low else "blijft er geen onder de norm van 8.")
                   + f" Het gemiddelde over alle klanten is {score(t, '–')}.")]
        if s.signature == "visual":
            b += [Para("Vastgesteld door", "h2"), Signature(["dr. L. Cijfer", f"directeur {self.organisation}"])]
        elif s.signature == "digital":
            b.append(Para(f"Digitaal ondertekend (PAdES) door {self.organisation}.", "small"))
        doc = Doc(b, font="sans", font_pt=10, title="Rapportage klanttevredenheid scholingsdiensten",
                  footer="Cijferwerk · KTO scholing · p. {page}/{pages}")
        return Built(doc, total_printed=True, beeindigd_printed=True)


# ---- bureau 4 (LibreOffice HTML import): a web report: the facts in one line with bars, the percelen and
# the clusters of the vaardigheidstrainingen in two tables, the clusters by their own names -------------
class Hoflaan(Style):
    key = "hoflaan"
    organisation = "Onderzoekspraktijk Hoflaan"
    aliases = ("Hoflaan",)
    producer = "lo-html"

    def label(self, perceel: str, cluster: str | None) -> str:
        return cluster if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        status = "Versie: definitief" if s.final else "Versie: concept"
        b = [Para(f"KTO scholing | Opdrachtgever: {s.supplier} | Meetperiode: {abbr_range(s.meet_start, s.meet_end)} | "
                  f"{status} | Publicatiedatum {long_date(s.report_date)}", "small"),
             Para("Tevredenheid van cursisten over hun scholing", "title"),
             Para(f"{self.organisation} onderzocht voor {s.supplier} hoe tevreden klanten van UWV zijn over hun scholing. "
                  "Dit verslag geeft de uitkomsten per perceel en, voor de functiegerichte vaardigheidstrainingen, per cluster."),
             Para("Werkwijze", "h1"),
             Para(method(s, "hoflaan")),
             Para(f"Voor dit onderzoek zijn in totaal {sum(r.benaderd for r in s.rows)} klanten benaderd."),
             *notes(rng, 1),
             Para("Uitkomsten", "h1")]
        head = ["Beëindigd", "Benaderd", "Ingevuld", "Respons", "Rapportcijfer"]

        def row(r):
            return [r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), f"{nl(r.respons)} %", score(r, "-")]

        plain = [row(r) for r in s.rows if ", cluster " not in r.perceel]
        clusters = [row(r) for r in s.rows if ", cluster " in r.perceel]
        b.append(Table(header=[["Perceel", *head]], body=plain, ruled=True, widths=[2.8, 1, 1, 1, 1, 1.3], font_pt=9.5,
                       caption="Tabel 1 Uitkomsten per perceel", head_widths=True))
        b.append(Table(header=[["Cluster", *head]], body=clusters, ruled=True, widths=[2.8, 1, 1, 1, 1, 1.3], font_pt=9.5,
                       caption=f"Tabel 2 {FVT}: uitkomsten per cluster", head_widths=True))
        b.append(Para("- : geen ingevulde vragenlijsten. Norm UWV: gemiddeld rapportcijfer 8 per perceel en per cluster.", "small"))
        b += [Para("Tot slot", "h1"),
              Para("Wij bespreken de uitkomsten graag met u; de open antwoorden ontvangt u geanonimiseerd in een apart bestand.")]
        if s.signature == "visual":
            b += [Signature([f"namens {self.organisation},", "E. Hofman, onderzoeker"])]
        elif s.signature == "digital":
            b.append(Para(f"Dit verslag is elektronisch ondertekend door {self.organisation}.", "small"))
        return Built(Doc(b, font="sans", font_pt=10, title="Tevredenheid van cursisten"), approached_printed=True,
                     beeindigd_printed=True)


# ---- bureau 5 (LibreOffice .fodt): a year report of quarterly fieldwork: the completed questionnaires per
# quarter next to the year's totals in one table with a two-row header ------------------------------------
def quarters(start: dt.date) -> list[str]:
    """The four three-month blocks of a meetjaar, named by their months: 'jan.–mrt.'."""
    out = []
    for q in range(4):
        a, b = (start.month - 1 + 3 * q) % 12, (start.month - 1 + 3 * q + 2) % 12
        out.append(f"{ABBR[a]}–{ABBR[b]}")
    return out


def spread(rng: random.Random, total: int, parts: int = 4) -> list[int]:
    """``total`` completed questionnaires spread over the quarters."""
    out = [0] * parts
    for _ in range(total):
        out[rng.randrange(parts)] += 1
    return out


class Vierseizoenen(Style):
    key = "vierseizoenen"
    organisation = "Vierseizoenen Onderzoek B.V."
    aliases = ("Vierseizoenen Onderzoek", "Vierseizoenen")
    producer = "lo-fodt"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{cluster} (FVT)" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Alle onderdelen"
        t = s.total()
        qs = quarters(s.meet_start)
        body, sums = [], [0, 0, 0, 0]
        for r in s.rows:
            per_q = spread(rng, r.ingevuld)
            sums = [a + b for a, b in zip(sums, per_q)]
            body.append([r.service, *[str(x) for x in per_q], str(r.ingevuld), str(r.benaderd), f"{nl(r.respons)}%", score(r)])
        body.append([t.service, *[str(x) for x in sums], str(t.ingevuld), str(t.benaderd), f"{nl(t.respons)}%", score(t)])
        b = [Para(self.organisation, "cover", bold=True),
             Para("Jaarrapport klanttevredenheid scholing", "title"),
             Para(f"Scholingsaanbieder: {s.supplier}", "cover"),
             Para(f"Meetperiode (einddatum dienst): {long_date(s.meet_start)} – {long_date(s.meet_end)}", "cover"),
             Para(f"Rapportdatum: {dmy_short(s.report_date)}", "cover"),
             Para("Status rapport: " + ("definitief" if s.final else "concept"), "cover"),
             PageBreak(),
             Para("1 Opzet", "h1"),
             Para("Het veldwerk loopt het hele jaar door, in vier kwartalen. Dit jaarrapport telt de kwartalen op: per perceel en "
                  "cluster het aantal ingevulde vragenlijsten per kwartaal en over het hele jaar, het aantal benaderde klanten, "
                  "de respons en het gemiddelde rapportcijfer over het jaar."),
             Para(method(s, "vierseizoenen")),
             *notes(rng, 1),
             Para("2 Uitkomsten over het jaar", "h1"),
             Table(header=[[Span("Onderdeel", rows=2), Span("Ingevuld per kwartaal", cols=4), Span("Meetjaar", cols=4)],
                           [*qs, "Ingevuld", "Benaderd", "Respons", "Rapport-\ncijfer"]],
                   body=body, ruled=True, widths=[2.4, 0.78, 0.78, 0.78, 0.78, 0.85, 0.85, 0.85, 0.8], bold_rows=(len(body) - 1,),
                   font_pt=8.5, caption="Tabel 2.1 Respons en rapportcijfer per onderdeel"),
             Para("FVT: functiegerichte vaardigheidstraining; de clusters staan met hun eigen naam. n.v.t.: geen ingevulde "
                  "vragenlijsten.", "small"),
             Para("3 Conclusie", "h1")]
        low = [r.service for r in s.rows if r.cijfer is not None and r.cijfer < NORM_SCHOLING]
        b.append(Para(f"Over het hele jaar geven de klanten gemiddeld een {score(t)}. "
                      + ("Geen enkel onderdeel met een cijfer blijft onder de 8." if not low else
                         "Onder de 8 blijven: " + ", ".join(low) + ".")))
        if s.signature == "visual":
            b += [Para("Akkoord directie:"), Signature(["mr. drs. C. Winters", self.organisation])]
        elif s.signature == "digital":
            b.append(Para("Dit jaarrapport draagt de digitale handtekening van Vierseizoenen Onderzoek B.V.", "small"))
        doc = Doc(b, font="sans", font_pt=10, title="Jaarrapport klanttevredenheid scholing",
                  header=f"{self.organisation} – jaarrapport KTO", footer="{page}")
        return Built(doc, total_printed=True)


# ---- jobcoaching --------------------------------------------------------------------------------------
def analysis(s: JobcoachSpec, extra: str) -> list[Para]:
    ok = s.wn_avg_printed >= NORM_JC and s.wg_avg_printed >= NORM_JC
    return [Para(f"Werknemers waarderen de begeleiding gemiddeld met een {nl(s.wn_avg_printed)}, werkgevers met een "
                 f"{nl(s.wg_avg_printed)}. " + ("Beide liggen boven de ondergrens van 6,5 uit het Erkenningskader." if ok else
                                                 "Niet beide liggen op of boven de ondergrens van 6,5; wij maken een herstelplan.")),
            Para(extra)]


def split_counts(rng: random.Random, counts: dict[str, int], first: int) -> tuple[dict[str, int], dict[str, int]]:
    """Split the answers to one question over two locations: ``first`` forms at the first location."""
    answers = [k for k, c in counts.items() for _ in range(c)]
    rng.shuffle(answers)
    a = {k: 0 for k in counts}
    b = {k: 0 for k in counts}
    for i, k in enumerate(answers):
        (a if i < first else b)[k] += 1
    return a, b


class Klaproos(JcStyle):
    """Word report of an organisation with two locations: a periods table per location with its own mean,
    the organisation's behaald cijfer in a summary table, the answers per location and in total in a
    landscape appendix; recognition and meetperiode in sentences."""

    key = "klaproos"
    organisation = "Jobcoachnetwerk Klaproos"
    producer = "lo-fodt"
    PLACES = ("Hengelo", "Enschede")

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        k = rng.randint(2, n - 2)
        groups = [(self.PLACES[0], list(enumerate(s.periods[:k], 1))), (self.PLACES[1], list(enumerate(s.periods[k:], k + 1)))]
        b = [Para(self.organisation, "cover", bold=True),
             Para("Klanttevredenheid jobcoaching", "title"),
             Para("Jaarlijkse rapportage aan UWV (verplichting 3.5 Erkenningskader)", "cover"),
             Para("1 Inleiding", "h1"),
             Para(f"{self.organisation} is op {long_date(s.recognition)} door UWV erkend als jobcoachorganisatie. Deze rapportage "
                  f"gaat over het meetjaar van {long_date(s.meet_start)} tot en met {long_date(s.meet_end)}. Wij werken vanuit "
                  f"twee vestigingen, {self.PLACES[0]} en {self.PLACES[1]}; de cijfers staan per vestiging en voor de hele "
                  "organisatie."),
             Para("2 Cijfers per jobcoachperiode", "h1")]
        sub = {}
        for place, items in groups:
            wn = r1(sum(p.wn for _i, p in items) / len(items))
            wg = r1(sum(p.wg for _i, p in items) / len(items))
            sub[place] = (wn, wg)
            body = [[str(i), p.werknemer, jc_num(p.wn, ",", True), p.werkgever, jc_num(p.wg, ",", True)] for i, p in items]
            body.append(["", f"Gemiddelde {place}", nl(wn), "", nl(wg)])
            b.append(Table(header=[["Nr.", "Werknemer", "Cijfer\nwerknemer", "Werkgever", "Cijfer\nwerkgever"]], body=body,
                           ruled=True, widths=[0.5, 1.5, 0.9, 1.5, 0.9], left_cols=(1, 3), bold_rows=(len(body) - 1,),
                           font_pt=9.5, caption=f"Vestiging {place}"))
        b += [Para("3 Behaald cijfer", "h1"),
              Para("Het behaalde cijfer van de organisatie is het gemiddelde over alle jobcoachperioden van beide vestigingen."),
              Table(header=[["", f"Vestiging {self.PLACES[0]}", f"Vestiging {self.PLACES[1]}", "Klaproos totaal"]],
                    body=[["Aantal jobcoachperioden", str(k), str(n - k), str(n)],
                          ["Gemiddeld cijfer werknemers", nl(sub[self.PLACES[0]][0]), nl(sub[self.PLACES[1]][0]), nl(s.wn_avg_printed)],
                          ["Gemiddeld cijfer werkgevers", nl(sub[self.PLACES[0]][1]), nl(sub[self.PLACES[1]][1]), nl(s.wg_avg_printed)]],
                    ruled=True, widths=[2, 1.2, 1.2, 1.2], font_pt=9.5),
              Para("4 Antwoorden per vraag", "h1"),
              Para("Hoe vaak elk antwoord is gegeven, per vestiging en in totaal, staat in de bijlage (liggende pagina).")]
        if s.analysis:
            b += [Para("5 Analyse van de resultaten", "h1"),
                  *analysis(s, f"Tussen de vestigingen zijn de verschillen klein. In {self.PLACES[1]} vragen werkgevers vaker om een "
                               "vast aanspreekpunt; vanaf dit jaar heeft elke werkgever één vaste jobcoach.")]
        else:
            b += [Para("5 Tot slot", "h1"), Para("Wij danken de werknemers en werkgevers die het formulier hebben ingevuld.")]
        b += [Para(f"{self.PLACES[0]}, {long_date(s.report_date)}"), Para("G. Klaassen, kwaliteitscoördinator", "small")]
        land = [Para("Bijlage Antwoorden per vraag", "h1")]
        for group, scale, title in (("werknemer", WN_SCALE, "Beoordelingsformulier werknemer"),
                                    ("werkgever", WG_SCALE, "Beoordelingsformulier werkgever")):
            rows = []
            for g, q, c in s.answers:
                if g != group:
                    continue
                a, bb = split_counts(rng, c, k)
                rows.append([q, *[str(a[o]) for o in scale], *[str(bb[o]) for o in scale], *[str(c[o]) for o in scale]])
            m = len(scale)
            head = [[Span("Vraag", rows=2), Span(self.PLACES[0], cols=m), Span(self.PLACES[1], cols=m), Span("Totaal", cols=m)],
                    [*scale, *scale, *scale]]
            land += [Para(title, "h2"),
                     Table(header=head, body=rows, ruled=True, widths=[25.5 - 1.85 * 3 * m] + [1.85] * (3 * m), font_pt=7)]
        b += [Landscape(land), Para(self.organisation, bold=True),
              Para(f"Vestigingen {self.PLACES[0]} en {self.PLACES[1]} · info@klaproos.example (fictief)", "small")]
        return Built(Doc(b, font="sans", title="Klanttevredenheid jobcoaching",
                         footer=f"{self.organisation} – KTO jobcoaching – pagina {{page}}"))


class Kantelpunt(JcStyle):
    """HTML-made year report: this meetjaar next to the previous one in a key-figures table, the periods
    grouped by the half year in which they closed, answers with the most given answer."""

    key = "kantelpunt"
    organisation = "Jobcoaching Kantelpunt"
    producer = "chromium"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        prev_start, prev_end = s.meet_start.replace(year=s.meet_start.year - 1), s.meet_end.replace(year=s.meet_end.year - 1)
        prev_n = rng.randint(3, 9)
        prev_wn, prev_wg = r1(rng.uniform(6.8, 8.4)), r1(rng.uniform(6.6, 8.2))
        key = [["Meetperiode", f"{abbr(prev_start)} – {abbr(prev_end)}", f"{abbr(s.meet_start)} – {abbr(s.meet_end)}"],
               ["Afgesloten jobcoachperioden", str(prev_n), str(n)],
               ["Gemiddeld cijfer werknemers", nl(prev_wn), nl(s.wn_avg_printed)],
               ["Gemiddeld cijfer werkgevers", nl(prev_wg), nl(s.wg_avg_printed)]]
        half = math.ceil(n / 2)
        body = []
        for i, p in enumerate(s.periods, 1):
            group = {1: "1e halfjaar", half + 1: "2e halfjaar"}.get(i, "")
            body.append([group, str(i), p.werknemer, nl(p.wn), p.werkgever, nl(p.wg)])
        body.append(["Gemiddelde meetjaar", "", "", nl(s.wn_avg_printed), "", nl(s.wg_avg_printed)])
        b = [Image(logo_png("Kantelpunt", (0.55, 0.2, 0.35), width=240), 3.8, 0.9),
             Para("Jaarverslag klanttevredenheid jobcoaching", "title"),
             Para(f"Erkenning UWV: {abbr(s.recognition)} · Verslagdatum: {abbr(s.report_date)}", "cover"),
             Para(f"Dit verslag van {self.organisation} gaat over het meetjaar {abbr(s.meet_start)} – {abbr(s.meet_end)}. Ter "
                  "vergelijking staat het vorige meetjaar ernaast."),
             Para("Kerncijfers", "h1"),
             Table(header=[["", "Vorig meetjaar", "Dit meetjaar (deze rapportage)"]], body=key, ruled=False, hrules=True,
                   widths=[1.8, 1.6, 1.9], font_pt=9.5, left_cols=(1, 2)),
             Para("Cijfers per jobcoachperiode", "h1"),
             Para("De perioden zijn genummerd in de volgorde van afsluiting en gegroepeerd naar het halfjaar van het meetjaar "
                  "waarin ze zijn afgesloten."),
             Table(header=[["Afgesloten in", "Nr.", "Werknemer", "Cijfer wn.", "Werkgever", "Cijfer wg."]], body=body, ruled=False,
                   hrules=True, widths=[1.1, 0.4, 1.4, 0.8, 1.4, 0.8], left_cols=(2, 4), bold_rows=(len(body) - 1,), font_pt=9.5,
                   zebra="#f4eef1"),
             Para("wn. = werknemer, wg. = werkgever; cijfers op een schaal van 1 tot 10.", "small"),
             PageBreak(),
             Para("Score per vraag", "h1")]
        for group, scale, title in (("werknemer", WN_SCALE, "Werknemers"), ("werkgever", WG_SCALE, "Werkgevers")):
            rows = []
            for g, q, c in s.answers:
                if g == group:
                    top = max(scale, key=lambda o: (c[o], scale.index(o)))
                    rows.append([q, *[str(c[o]) for o in scale], top])
            b += [Para(f"{title} (aantal keer gegeven)", "h2"),
                  Table(header=[["Vraag", *scale, "Meest gegeven"]], body=rows, ruled=True,
                        widths=[3.4] + [0.75] * len(scale) + [1.1], font_pt=9, left_cols=(len(scale) + 1,))]
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h1"),
                  *analysis(s, "Ten opzichte van het vorige meetjaar zijn werkgevers positiever over de bereikbaarheid. Actie: "
                               "elke jobcoach plant voortaan een evaluatiegesprek met de leidinggevende halverwege de periode.")]
        else:
            b += [Para("Tot slot", "h1"), Para("Met dank aan alle werknemers en werkgevers die het formulier invulden.")]
        return Built(Doc(b, font="sans", title="Jaarverslag klanttevredenheid jobcoaching",
                         footer=f"{self.organisation} · jaarverslag KTO · {{page}}/{{pages}}"))


class Wilgenhof(JcStyle):
    """Report from a client registration system: facts in sentences with ISO dates, the periods in a table
    set two-up (two periods per row), the averages in sentences, the answers in sentences under each
    question."""

    key = "wilgenhof"
    organisation = "Begeleidingsdienst Wilgenhof"
    producer = "reportlab"

    @staticmethod
    def counted(c: dict[str, int], scale: list[str], who: str) -> str:
        parts = [f"{c[o]} {o}" if c[o] else f"geen enkele {o}" for o in reversed(scale)]
        return f"Antwoorden van de {who}: " + ", ".join(parts[:-1]) + " en " + parts[-1] + "."

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        rows_n = math.ceil(n / 2) if n > 5 else n
        cells = [[str(i), p.werknemer, jc_num(p.wn, ",", True), p.werkgever, jc_num(p.wg, ",", True)]
                 for i, p in enumerate(s.periods, 1)]
        body = []
        for r in range(rows_n):
            right = cells[r + rows_n] if n > 5 and r + rows_n < n else (["", "", "", "", ""] if n > 5 else [])
            body.append(cells[r] + right)
        head = ["Nr", "Werknemer", "Cijfer", "Werkgever", "Cijfer"]
        widths = [0.35, 1.1, 0.55, 1.0, 0.55]
        b = [Para(self.organisation, "cover", bold=True),
             Para("Klanttevredenheid jobcoaching", "title"),
             Para(f"{self.organisation} is op {iso(s.recognition)} door UWV erkend. Deze rapportage beslaat het meetjaar "
                  f"{iso(s.meet_start)} t/m {iso(s.meet_end)} en is opgesteld op {iso(s.report_date)}, met gegevens uit ons "
                  "registratiesysteem voor jobcoachtrajecten."),
             Para("Cijfers per jobcoachperiode", "h1"),
             Para(f"In het meetjaar zijn {n} jobcoachperioden afgesloten." + (
                 f" De tabel staat in twee kolommen: links de perioden 1 tot en met {rows_n}, rechts de perioden {rows_n + 1} tot "
                 f"en met {n}." if n > 5 else "")),
             Table(header=[head * (2 if n > 5 else 1)], body=body, ruled=False, hrules=True,
                   widths=widths * (2 if n > 5 else 1), font_pt=9, left_cols=(1, 3, 6, 8) if n > 5 else (1, 3)),
             Para(f"Het gemiddelde cijfer van de werknemers over deze {n} perioden is {nl(s.wn_avg_printed)}; dat van de werkgevers "
                  f"is {nl(s.wg_avg_printed)}. De ondergrens van UWV is 6,5 voor beide groepen."),
             PageBreak(),
             Para("Score per vraag", "h1"),
             Para("Onder elke vraag van de beoordelingsformulieren staat hoe vaak elk antwoord is gegeven."),
             Para("Formulier werknemer", "h2")]
        for g, q, c in s.answers:
            if g == "werknemer":
                b += [Para(q, bold=True), Para(self.counted(c, WN_SCALE, "werknemers"))]
        b.append(Para("Formulier werkgever", "h2"))
        for g, q, c in s.answers:
            if g != "werkgever":
                continue
            if q == WG_Q[0]:
                b.append(Para("Wat is uw mening over:"))
            if q == WG_Q[5]:
                b.append(Para("Wat vindt u van de aandacht van de jobcoach voor:"))
            b += [Para(q, bold=True), Para(self.counted(c, WG_SCALE, "werkgevers"))]
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h1"),
                  *analysis(s, "Werkgevers noemen vooral het aantal bezoeken op de werkplek. Conclusie en actie: in het volgende "
                               "meetjaar legt de jobcoach bij de start van elke periode een bezoekschema vast met de werkgever.")]
        else:
            b += [Para("Verantwoording", "h1"), Para("De gegevens zijn geanonimiseerd; namen zijn vervangen door letters en nummers.")]
        return Built(Doc(b, font="sans", title="Klanttevredenheid jobcoaching", footer="Wilgenhof · registratiesysteem · {page}"))


class Zandloper(JcStyle):
    """Web report imported by a word processor: the werknemers' scores in period order, the werkgevers'
    scores in a second table grouped per werkgever (joined to the periods by their number), each with its
    average under it."""

    key = "zandloper"
    organisation = "Jobcoachpraktijk Zandloper"
    producer = "lo-html"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        wn_rows = [[str(i), p.werknemer, jc_num(p.wn, ",", True)] for i, p in enumerate(s.periods, 1)]
        by_wg = sorted(enumerate(s.periods, 1), key=lambda x: (int(x[1].werkgever.split()[-1]), x[0]))
        wg_rows, last = [], None
        for i, p in by_wg:
            wg_rows.append([p.werkgever if p.werkgever != last else "", str(i), jc_num(p.wg, ",", True)])
            last = p.werkgever
        b = [Para("Klanttevredenheid jobcoaching", "title"),
             Table(header=[], body=[["Jobcoachorganisatie", self.organisation],
                                    ["Datum erkenningsbesluit UWV", dmy_short(s.recognition)],
                                    ["Meetperiode", f"{dmy_short(s.meet_start)} t/m {dmy_short(s.meet_end)}"],
                                    ["Rapportdatum", dmy_short(s.report_date)]],
                   ruled=False, widths=[1.6, 2.6], font_pt=10, left_cols=(1,)),
             Para(f"In de meetperiode zijn {n} jobcoachperioden afgesloten. Elke periode heeft een nummer; met dat nummer vindt "
                  "u de beoordeling door de werknemer en die door de werkgever van dezelfde periode terug."),
             Para("1 Beoordeling door de werknemers", "h1"),
             Table(header=[["Periode", "Werknemer", "Cijfer"]], body=wn_rows, ruled=True, widths=[0.8, 2, 0.8], font_pt=9.5,
                   left_cols=(1,), head_widths=True),
             Para(f"Behaald cijfer werknemers: {nl(s.wn_avg_printed)}", bold=True),
             Para("2 Beoordeling door de werkgevers", "h1"),
             Para("De werkgevers staan op volgorde van nummer; een werkgever met meer perioden staat er één keer, met de "
                  "nummers van die perioden eronder."),
             Table(header=[["Werkgever", "Periode", "Cijfer"]], body=wg_rows, ruled=True, widths=[2, 0.8, 0.8], font_pt=9.5,
                   head_widths=True),
             Para(f"Behaald cijfer werkgevers: {nl(s.wg_avg_printed)}", bold=True),
             Para("3 Antwoorden per vraag", "h1")]
        for group, scale, title in (("werknemer", WN_SCALE, "Werknemers"), ("werkgever", WG_SCALE, "Werkgevers")):
            rows = []
            for g, q, c in s.answers:
                if g != group:
                    continue
                if q == WG_Q[0]:
                    rows.append(["Wat is uw mening over:"] + [""] * len(scale))
                if q == WG_Q[5]:
                    rows.append(["Wat vindt u van de aandacht van de jobcoach voor:"] + [""] * len(scale))
                rows.append([q, *[str(c[o]) for o in scale]])
            b += [Para(f"{title} (aantal antwoorden)", "h2"),
                  Table(header=[["Vraag", *scale]], body=rows, ruled=True, widths=[3.6] + [0.9] * len(scale), font_pt=9,
                        head_widths=True)]
        if s.analysis:
            b += [Para("4 Analyse van de resultaten", "h1"),
                  *analysis(s, "Opvallend is dat werkgevers met meer dan één werknemer in begeleiding positiever oordelen. Actie: "
                               "nieuwe werkgevers krijgen voortaan een kennismakingsgesprek vóór de start van de begeleiding.")]
        else:
            b += [Para("4 Contact", "h1"), Para("Vragen over deze rapportage? Neem contact op met de praktijkhouder.")]
        return Built(Doc(b, font="serif", font_pt=10.5, title="Klanttevredenheid jobcoaching"))


SCHOLING_STYLES = [Kwadrant(), VeenstraDeWit(), Cijferwerk(), Hoflaan(), Vierseizoenen()]
JOBCOACH_STYLES = [Klaproos(), Kantelpunt(), Wilgenhof(), Zandloper()]
DOCS_PER_SCHOLING_STYLE = 4
DOCS_PER_JC_STYLE = 4
