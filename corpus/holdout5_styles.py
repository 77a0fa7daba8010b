"""House styles of the HOLDOUT5 family: kept for a final blind measurement. Whoever builds or tunes
the reader must not read this module or the documents it makes, and must not run kto-ingest on
them until that measurement (corpus/README.md).

Five more fictitious research bureaus and four more jobcoaching organisations, written by someone who
did not build the reader and did not read ``kto_ingest/``: wordings, covers, places of the facts,
table arrangements and notations that the earlier families do not have. Every name is invented.

``date_forms`` and ``period_forms`` list how these styles print dates and periods, so that
``corpus.check`` can tell that every truth value is really printed.
"""

from __future__ import annotations

import datetime as dt
import random

from .model import DUTCH_MONTHS, FVT, NORM_JC, NORM_SCHOLING, WG_Q, WG_SCALE, WN_SCALE, JobcoachSpec, ScholingSpec, long_date, nl
from .render import Bar, Columns, Doc, Image, Landscape, PageBreak, Para, Signature, Span, Table, logo_png
from .styles import Built, JcStyle, Style

# ---- dates and periods as these styles print them -------------------------------------------------
ABBR = ["jan.", "febr.", "mrt.", "apr.", "mei", "juni", "juli", "aug.", "sept.", "okt.", "nov.", "dec."]


def dotted(d: dt.date) -> str:
    return f"{d:%d.%m.%Y}"


def abbr_date(d: dt.date) -> str:
    return f"{d.day} {ABBR[d.month - 1]} {d.year}"


def dmy_short(d: dt.date) -> str:
    return f"{d.day}-{d.month}-{d.year}"


def day_month(d: dt.date) -> str:
    return f"{d.day} {DUTCH_MONTHS[d.month - 1]}"


def van_tm(start: dt.date, end: dt.date) -> str:
    """'1 januari tot en met 31 december 2021' (the year once) or both dates in full."""
    if start.year == end.year:
        return f"{day_month(start)} tot en met {long_date(end)}"
    return f"{long_date(start)} tot en met {long_date(end)}"


def tussen(start: dt.date, end: dt.date) -> str:
    """'1 januari en 31 december 2021' (after 'tussen'), the year once where it is the same."""
    if start.year == end.year:
        return f"{day_month(start)} en {long_date(end)}"
    return f"{long_date(start)} en {long_date(end)}"


def date_forms(d: dt.date) -> list[str]:
    return [dotted(d), abbr_date(d), dmy_short(d), long_date(d)]


def period_forms(start: dt.date, end: dt.date) -> list[str]:
    return [f"{dotted(start)} – {dotted(end)}", van_tm(start, end), f"tussen {tussen(start, end)}",
            f"{abbr_date(start)} t/m {abbr_date(end)}", f"{dmy_short(start)} tot en met {dmy_short(end)}"]


# ---- texts of these bureaus -------------------------------------------------------------------------
APPROACH_KK = ("Binnen twee weken na de laatste lesdag kreeg iedere klant een sms met een link naar "
               "de vragenlijst. Klanten die na acht dagen niet hadden gereageerd, zijn op twee verschillende dagdelen gebeld door "
               "een interviewer, die de vragenlijst dan ook direct telefonisch kon afnemen.")
APPROACH_TS = ("Alle klanten van wie een dienst in de meetperiode is beëindigd, zijn aangeschreven met een brief op naam, met "
               "daarin een korte link en een QR-code naar de vragenlijst. Na vijf werkdagen volgde een herinnering per e-mail en "
               "na nogmaals vijf werkdagen een telefonische herinnering.")
APPROACH_VS = ("Uitnodiging en herinneringen zijn verstuurd vanuit het enquêteplatform: een uitnodiging per e-mail op de dag na "
               "de einddatum van de dienst, een eerste herinnering na zeven dagen en een tweede na veertien dagen. Klanten zonder "
               "e-mailadres zijn per post uitgenodigd.")
APPROACH_KS = ("Klanten zijn telefonisch benaderd door het klantcontactcentrum van Klantspiegel; wie liever schriftelijk "
               "antwoordde, kreeg de vragenlijst daarna per e-mail of per post. Elk nummer is maximaal vijf keer gebeld, op "
               "verschillende dagen en tijden.")
APPROACH_RB = ("Het veldwerk bestond uit een schriftelijke uitnodiging met antwoordkaart en een online alternatief. Twee weken na "
               "de uitnodiging kregen de klanten die nog niet hadden gereageerd een herinneringskaart; daarna zijn zij één keer "
               "gebeld.")
NO_APPROACH = ("De aanbieder leverde per kwartaal een bestand aan met de klanten van wie de dienst was beëindigd, met het perceel "
               "of cluster en de einddatum. Het bestand is gecontroleerd op dubbele vermeldingen.")
EXTRAS = [
    "De vragenlijst bevat alle vragen die UWV verplicht stelt, in de door UWV voorgeschreven volgorde.",
    "Antwoorden zijn anoniem verwerkt; de aanbieder kan antwoorden niet herleiden tot personen.",
    "Kleine aantallen (minder dan tien respondenten) geven een indicatie en geen betrouwbaar beeld.",
    "Het onderzoek is uitgevoerd volgens de gedragscode voor onderzoek en statistiek.",
    "Klanten die de vragenlijst hebben afgebroken vóór de vraag naar het rapportcijfer, tellen niet mee als respondent.",
    "De tabellen zijn samengesteld uit de onbewerkte antwoorden; er is niet gewogen.",
]
QUESTIONS = ["Welk cijfer geeft u de scholing als geheel (1 = zeer slecht, 10 = uitstekend)?",
             "Bent u tevreden over de manier waarop de opleider met u omging?",
             "Was vooraf duidelijk wat de scholing inhield en hoe lang die zou duren?",
             "Sloot de scholing aan bij het werk dat u zoekt of doet?"]


def method(s: ScholingSpec, text: str) -> str:
    return text if s.method_account else NO_APPROACH


def extras(rng: random.Random, n: int) -> list[Para]:
    return [Para(x) for x in rng.sample(EXTRAS, n)]


def score(r, none: str = "n.v.t.") -> str:
    return none if r.cijfer is None else nl(r.cijfer)


# ---- bureau 1 (Chromium): designed brochure; facts in the introduction, status in the running header,
# date in the running footer; one table with the clusters grouped under a heading row ------------------
class Kiemkracht(Style):
    key = "kiemkracht"
    organisation = "Kiemkracht Onderzoek B.V."
    aliases = ("Kiemkracht Onderzoek", "Kiemkracht")
    producer = "chromium"

    def label(self, perceel: str, cluster: str | None) -> str:
        return cluster if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        t = s.total()
        status = "DEFINITIEF" if s.final else "CONCEPT – NIET VERSPREIDEN"
        band = Table(header=[["Klanttevredenheid scholing 2021"]], body=[["Onderzoek onder klanten van UWV"]], ruled=False,
                     head_fill="#1f6f5c", widths=[1], font_pt=20)
        b = [Image(logo_png("KK", (0.12, 0.44, 0.36)), 2.6, 1.0), band,
             Para(f"voor {s.supplier}", "title"),
             Para("Uitkomsten per perceel en per cluster van de functiegerichte vaardigheidstrainingen", "cover"),
             PageBreak(),
             Para("Inhoud", "h1"),
             Para("1 Inleiding\t3", "toc"), Para("2 Zo hebben we het aangepakt\t3", "toc"), Para("3 Uitkomsten\t4", "toc"),
             Para("4 Toelichting bij de tabel\t5", "toc"), Para("5 Tot slot\t5", "toc"),
             PageBreak(),
             Para("1 Inleiding", "h1"),
             Para(f"{s.supplier} voert voor UWV scholingsdiensten uit en heeft {self.organisation} gevraagd de tevredenheid "
                  f"van de klanten te meten. Het onderzoek gaat over alle klanten van wie de dienst tussen "
                  f"{tussen(s.meet_start, s.meet_end)} is beëindigd."),
             Para("UWV vraagt per perceel, en voor de functiegerichte vaardigheidstrainingen per cluster, een gemiddeld "
                  "rapportcijfer van ten minste 8."),
             Para("2 Zo hebben we het aangepakt", "h1"),
             Para(method(s, APPROACH_KK)),
             Para(f"Voor dit onderzoek zijn in totaal {t.benaderd} klanten benaderd; {t.ingevuld} van hen deden mee.")]
        b += extras(rng, 2)
        b += [PageBreak(), Para("3 Uitkomsten", "h1"),
              Para("De tabel hieronder geeft per perceel het aantal beëindigde diensten, het aantal aangeschreven klanten, het "
                   "aantal reacties, de responsratio en het eindcijfer. De clusters staan onder het perceel "
                   "Functiegerichte vaardigheidstrainingen.")]
        body, bold = [], []
        fvt_done = False
        for r in s.rows:
            if r.perceel.startswith(FVT) and not fvt_done:
                bold.append(len(body))
                body.append([FVT, "", "", "", "", ""])
                fvt_done = True
            body.append([r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), f"{nl(r.respons)} %", score(r, "–")])
        bold.append(len(body))
        body.append([t.service, str(t.beeindigd), str(t.benaderd), str(t.ingevuld), f"{nl(t.respons)} %", score(t, "–")])
        b.append(Table(header=[["", "Diensten\nbeëindigd", "Aange-\nschreven", "Reacties", "Respons-\nratio", "Eind-\ncijfer"]],
                       body=body, ruled=False, hrules=True, widths=[3.2, 1, 1, 1, 1, 0.9], bold_rows=tuple(bold), font_pt=10,
                       caption="Tabel 1  Deelname en eindcijfer"))
        b.append(Para("Eindcijfer: het gemiddelde van de rapportcijfers (1-10) die de klanten de scholing als geheel gaven. "
                      "– : geen reacties, dus geen cijfer.", "small"))
        bars = [[r.service, Bar(r.cijfer, 10, nl(r.cijfer), "#1f6f5c") if r.cijfer is not None else "geen reacties"]
                for r in s.rows]
        figure = Table(header=[["", "Eindcijfer (schaal 1-10)"]], body=bars, ruled=False, widths=[2.4, 3], font_pt=9.5,
                       caption="Figuur 1  Eindcijfer per perceel en cluster")
        if rng.random() < 0.5:
            b.append(figure)
        else:  # the figure before the table, as the summary picture of the chapter
            b.insert(next(i for i, x in enumerate(b) if isinstance(x, Table) and x.caption and x.caption.startswith("Tabel 1")), figure)
        b += [PageBreak(), Para("4 Toelichting bij de tabel", "h1"),
              Para("Responsratio = reacties gedeeld door aangeschreven klanten. Aangeschreven zijn alle klanten met een "
                   "beëindigde dienst; niemand is uitgesloten."),
              Para("Naast het rapportcijfer beantwoordden de klanten deze verplichte vragen:")]
        b += [Para(f"• {q}") for q in QUESTIONS[1:]]
        b += [Para("5 Tot slot", "h1")]
        b += self.signature(s)
        b.append(Para(f"{self.organisation} · Thorbeckegracht 12 · 8011 VM Zwolle (fictief) · projectnr. KK-{rng.randint(2101, 2188)}",
                      "small"))
        doc = Doc(b, font="sans", font_pt=10.5, title="Klanttevredenheid scholing 2021",
                  header=f"Kiemkracht Onderzoek · KTO scholing 2021 · {status}",
                  footer=f"Versie van {dotted(s.report_date)} · {{page}}")
        return Built(doc, approached_printed=True, total_printed=True, beeindigd_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Wij danken alle klanten die de moeite namen de vragenlijst in te vullen."),
                    Signature([self.organisation, "M. Kiemeneij MSc, projectleider"])]
        if s.signature == "digital":
            return [Para("Wij danken alle klanten die de moeite namen de vragenlijst in te vullen."),
                    Para(f"Elektronisch gewaarmerkt door {self.organisation}")]
        return [Para("Wij danken alle klanten die de moeite namen de vragenlijst in te vullen.")]


# ---- bureau 2 (LibreOffice .fodt): Word report with a management summary, tables in an appendix,
# a norm column, partly completed questionnaires, and status and date only in the colofon ----------
class Tweespan(Style):
    key = "tweespan"
    organisation = "Bureau Tweespan Klantinzicht"
    aliases = ("Tweespan Klantinzicht", "Tweespan")
    producer = "lo-fodt"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Functiegerichte vaardigheidstr. {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        below = [r for r in s.rows if r.cijfer is not None and r.cijfer < NORM_SCHOLING]
        nores = [r for r in s.rows if r.cijfer is None]
        b = [Para(self.organisation, "cover", bold=True),
             Para("Wat vinden klanten van hun scholing?", "title"),
             Para("Klanttevredenheidsonderzoek 2021 onder klanten van UWV", "cover"),
             Para(f"Onderzochte organisatie: {s.supplier}", "cover"),
             PageBreak(),
             Para("Inhoudsopgave", "h1"),
             Para("Managementsamenvatting\t3", "toc"), Para("1 Inleiding\t4", "toc"), Para("2 Methode\t4", "toc"),
             Para("3 Resultaten\t4", "toc"), Para("Bijlage A Vragenlijst\t5", "toc"), Para("Bijlage B Tabellen\t6", "toc"),
             Para("Colofon\t7", "toc"),
             PageBreak(),
             Para("Managementsamenvatting", "h1"),
             Para("Het gemiddelde klantoordeel per perceel en cluster (tussen haakjes het aantal volledig ingevulde vragenlijsten):")]
        for r in s.rows:
            b.append(Para(f"• {r.service}: {score(r)} ({r.ingevuld})"))
        if below:
            b.append(Para("Onder de norm van 8 blijven: " + ", ".join(r.service for r in below) + "."))
        else:
            b.append(Para("Waar een oordeel is gegeven, ligt het op of boven de norm van 8."))
        if nores:
            b.append(Para("Geen oordeel (geen respons): " + ", ".join(r.service for r in nores) + "."))
        b += [PageBreak(), Para("1 Inleiding", "h1"),
              Para(f"Dit rapport beschrijft de tevredenheid van klanten van UWV die een scholingsdienst volgden bij {s.supplier}. "
                   f"Het onderzoek betreft klanten van wie de dienst in de periode van {van_tm(s.meet_start, s.meet_end)} is "
                   "beëindigd.", notes=("Peildatum is de einddatum van de dienst in de klantadministratie van de aanbieder.",)),
              Para("2 Methode", "h1"),
              Para(method(s, APPROACH_TS), notes=("Telefonisch is alleen op werkdagen tussen 9.00 en 19.00 uur gebeld.",)
                   if s.method_account else ()),
              *extras(rng, 2),
              Para("3 Resultaten", "h1"),
              Para("De respons en het klantoordeel per perceel en cluster staan in de tabellen B.1 en B.2 van bijlage B. "
                   "Gedeeltelijk ingevulde vragenlijsten zijn wel geteld, maar niet meegenomen in de respons en het oordeel.",
                   notes=("Een vragenlijst geldt als volledig ingevuld als de vraag naar het rapportcijfer is beantwoord.",)),
              Para("Op de overige verplichte vragen antwoordt een ruime meerderheid positief; de verschillen tussen de percelen "
                   "zijn klein."),
              PageBreak(), Para("Bijlage A Vragenlijst", "h1")]
        b += [Para(f"{i}. {q}") for i, q in enumerate(QUESTIONS, 1)]
        b += [PageBreak(), Para("Bijlage B Tabellen", "h1")]
        body = []
        for r in s.rows:
            partial = min(rng.randint(0, 4), max(0, r.benaderd - r.ingevuld))
            body.append([r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), str(partial), nl(r.respons)])
        b.append(Table(header=[["Perceel / cluster", "Klanten met\nbeëindigde\ndienst", "Aange-\nschreven", "Volledig\ningevuld",
                                "Gedeeltelijk\ningevuld", "Respons\n(%)"]],
                       body=body, ruled=True, widths=[3.3, 1.1, 1, 1, 1.1, 0.9], font_pt=9,
                       caption="Tabel B.1 Veldwerkresultaten per perceel en cluster"))
        body2 = []
        for r in s.rows:
            diff = "" if r.cijfer is None else f"{'+' if r.cijfer >= NORM_SCHOLING else '−'}{nl(abs(r.cijfer - NORM_SCHOLING))}"
            body2.append([r.service, score(r), "8,0", diff or "n.v.t."])
        b.append(Table(header=[["Perceel / cluster", "Gemiddeld\nklantoordeel\n(1-10)", "Norm\nUWV", "Verschil\nmet norm"]],
                       body=body2, ruled=True, widths=[3.3, 1.2, 0.8, 0.9], font_pt=9,
                       caption="Tabel B.2 Klantoordeel per perceel en cluster"))
        b += [PageBreak(), Para("Colofon", "h1"),
              Para(f"Titel: Wat vinden klanten van hun scholing? Klanttevredenheidsonderzoek 2021"),
              Para(f"Opdrachtgever: {s.supplier}"),
              Para(f"Uitvoering: {self.organisation}, Amersfoort"),
              Para("Status: vastgesteld" if s.final else "Status: concept, ter bespreking met de opdrachtgever"),
              Para(f"Datum: {abbr_date(s.report_date)}")]
        b += self.signature(s)
        doc = Doc(b, font="serif", title="Klanttevredenheidsonderzoek 2021", footer="Tweespan | KTO 2021 | {page}")
        return Built(doc, beeindigd_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Voor akkoord:"), Signature(["drs. H. van Tweel", "directeur"])]
        if s.signature == "digital":
            return [Para("Dit document is digitaal ondertekend; de ondertekening kunt u in uw PDF-lezer controleren.")]
        return []


# ---- bureau 3 (LibreOffice HTML import): a survey platform's results report, score distributions ---
class Vijfsprong(Style):
    key = "vijfsprong"
    organisation = "Onderzoeksbureau Vijfsprong"
    aliases = ("Vijfsprong",)
    producer = "lo-html"
    NR = {"Opleidingen": 1, FVT: 2, "Leerbanen": 3, "Ervaringscertificaten": 4}

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Perceel 2: {cluster}" if cluster else f"Perceel {self.NR[perceel]}: {perceel}"

    @staticmethod
    def counts(rng: random.Random, n: int, mean: float | None) -> list[int]:
        """How many respondents answered 1-5, 6, 7, 8, 9, 10 (not truth fields), near the mean."""
        if not n or mean is None:
            return [0] * 6
        vals = [rng.choice([6, 7, 8, 8, 8, 9, 9, 10]) for _ in range(n)]
        target = round(mean * n)
        for _ in range(5000):
            total = sum(vals)
            if total == target:
                break
            i = rng.randrange(n)
            if total < target and vals[i] < 10:
                vals[i] += 1
            elif total > target and vals[i] > 4:
                vals[i] -= 1
        return [sum(1 for v in vals if v <= 5)] + [sum(1 for v in vals if v == k) for k in (6, 7, 8, 9, 10)]

    @staticmethod
    def percents(counts: list[int]) -> list[str]:
        n = sum(counts)
        if not n:
            return ["–"] * 6
        pct = [round(100 * c / n) for c in counts]
        pct[pct.index(max(pct))] += 100 - sum(pct)
        return [str(p) for p in pct]

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Alle percelen"
        t = s.total()
        b = [Para(self.organisation, "cover", bold=True),
             Para("Resultatenrapport klantonderzoek", "title"),
             Para(f"Project: KTO UWV-scholing 2021 – {s.supplier}", "cover"),
             Para(f"Doelgroep: klanten met einddatum dienst {dotted(s.meet_start)} – {dotted(s.meet_end)}", "cover"),
             Para(f"Rapport aangemaakt op: {abbr_date(s.report_date)}", "cover"),
             Para("Rapportstatus: definitief" if s.final else "Rapportstatus: concept (nog niet gecontroleerd)", "cover"),
             Para("A. Respons", "h1"),
             Para("Voltooid betekent dat de respondent de vragenlijst tot en met de laatste verplichte vraag heeft ingevuld. "
                  "Het responspercentage is voltooid gedeeld door uitgenodigd.")]
        body = []
        for r in s.rows + [t]:
            started = r.ingevuld + min(rng.randint(0, 5), r.benaderd - r.ingevuld)
            body.append([r.service, str(r.benaderd), str(started), str(r.ingevuld), nl(r.respons)])
        b.append(Table(header=[["Perceel", "Uitgenodigd", "Gestart", "Voltooid", "Responspercentage"]], body=body, ruled=True,
                       widths=[3, 1, 1, 1, 1.3], bold_rows=(len(body) - 1,), font_pt=9.5, head_widths=True))
        b.append(Para("B. Rapportcijfer", "h1"))
        b.append(Para("Verdeling van de rapportcijfers in procenten van de respondenten, met het gemiddelde en het aantal "
                      "respondenten (n) per perceel."))
        body, all_counts = [], [0] * 6
        for r in s.rows:
            counts = self.counts(rng, r.ingevuld, r.cijfer)
            all_counts = [a + c for a, c in zip(all_counts, counts)]
            body.append([r.service, *self.percents(counts), score(r), str(r.ingevuld)])
        body.append([t.service, *self.percents(all_counts), score(t), str(t.ingevuld)])
        b.append(Table(header=[["Perceel", "1-5\n%", "6\n%", "7\n%", "8\n%", "9\n%", "10\n%", "Gemiddelde", "n"]], body=body,
                       ruled=True, widths=[2.6, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 1, 0.55], bold_rows=(len(body) - 1,),
                       font_pt=9, head_widths=True))
        b.append(Para("– : geen respondenten in dit perceel.", "small"))
        b.append(Para("C. Overige verplichte vragen", "h1"))
        for q in QUESTIONS[1:]:
            b.append(Para(f"{q} – {rng.randint(74, 93)}% (helemaal) mee eens"))
        b.append(Para("D. Verantwoording", "h1"))
        b.append(Para(method(s, APPROACH_VS)))
        b += extras(rng, 2)
        b += self.signature(s)
        b.append(Para(f"{self.organisation} · Vijfsprong 5 · 5611 AB Eindhoven (fictief adres)", "small"))
        return Built(Doc(b, font="sans", title="Resultatenrapport klantonderzoek"), total_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("E. Ondertekening", "h1"), Signature(["ir. P. Vijfhuizen", f"{self.organisation}"])]
        if s.signature == "digital":
            return [Para("E. Ondertekening", "h1"), Para("Digitale ondertekening: zie het handtekeningpaneel van dit PDF-bestand.")]
        return []


# ---- bureau 4 (reportlab): the results told per perceel in prose under a heading, no table --------
class Klantspiegel(Style):
    key = "klantspiegel"
    organisation = "Stichting Klantspiegel Nederland"
    aliases = ("Klantspiegel Nederland", "Klantspiegel")
    producer = "reportlab"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT – {cluster}" if cluster else perceel

    FORMER = ["Leerwerkbedrijf Noordkaap", "Opleidingen Hanzeland", "Vakschool De Wissel", "Trainingshuis Brabantwal"]

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        if "(voorheen" not in s.supplier and rng.random() < 0.5:
            s.supplier = f"{s.supplier} (voorheen {rng.choice(self.FORMER)})"  # a renamed supplier, as in seed 004
        b = [Image(logo_png("KS", (0.55, 0.12, 0.32)), 2.6, 1.0),
             Para("Klantspiegel 2021", "title"),
             Para(f"Hoe tevreden zijn klanten van UWV over de scholing bij {s.supplier}?", "cover"),
             Para(f"Onderzoeksperiode (einddatum dienst): {abbr_date(s.meet_start)} t/m {abbr_date(s.meet_end)}", "cover"),
             PageBreak(),
             Para("Over dit rapport", "h1"),
             Para(f"Dit rapport is op {abbr_date(s.report_date)} uitgebracht door {self.organisation}. "
                  + ("Het betreft de definitieve versie." if s.final else
                     "Het betreft een conceptversie; de cijfers kunnen nog wijzigen.")),
             Para("Per perceel, en voor de functiegerichte vaardigheidstrainingen (FVT) per cluster, beschrijven we hoeveel "
                  "klanten zijn aangeschreven, hoeveel er hebben gereageerd en welk rapportcijfer zij de scholing geven."),
             Para("Resultaten per perceel", "h1")]
        for r in s.rows:
            b.append(Para(r.service, "h2"))
            text = f"In de meetperiode zijn {r.beeindigd} diensten beëindigd. "
            if r.cijfer is None:
                text += (f"Alle {r.benaderd} klanten zijn aangeschreven, maar niemand heeft gereageerd (respons 0,0%). "
                         "Een gemiddeld rapportcijfer is daarom niet te geven (n.v.t.).")
            else:
                text += (f"Van de {r.benaderd} aangeschreven klanten hebben er {r.ingevuld} gereageerd, een respons van "
                         f"{nl(r.respons)}%. Zij geven de scholing gemiddeld een {nl(r.cijfer)}.")
                if r.cijfer < NORM_SCHOLING:
                    text += " Dat is lager dan de norm van UWV (8)."
            b.append(Para(text))
        b += [Para("FVT = functiegerichte vaardigheidstrainingen.", "small"),
              Para("Werkwijze", "h1"), Para(method(s, APPROACH_KS))]
        b += extras(rng, 2)
        b += [Para("Vragen", "h1"), Para("De klanten beantwoordden de vragen die UWV voorschrijft:")]
        b += [Para(f"– {q}") for q in QUESTIONS]
        b += self.signature(s)
        doc = Doc(b, font="sans", title="Klantspiegel 2021", footer="Klantspiegel 2021 – {page}")
        return Built(doc, beeindigd_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Ondertekend", "h1"), Signature(["Namens de stichting,", "A. Spiegelenberg, directeur"])]
        if s.signature == "digital":
            return [Para("Ondertekend", "h1"), Para("Dit bestand draagt de digitale handtekening van de stichting.")]
        return []


# ---- bureau 5 (Chromium): percelen as columns with the clusters under a spanning heading, on a
# landscape page; two-column body text; cover with the title only and every fact in the colofon -----
class Ruitenberg(Style):
    key = "ruitenberg"
    organisation = "Ruitenberg Sociaal-Wetenschappelijk Onderzoek"
    aliases = ("Ruitenberg SWO", "Ruitenberg")
    producer = "chromium"

    def label(self, perceel: str, cluster: str | None) -> str:
        return cluster if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        t = s.total()
        cols = [t] + list(s.rows) if rng.random() < 0.5 else list(s.rows) + [t]  # the total column first or last
        b = [Para("RUITENBERG", "cover", bold=True),
             Para("Tevredenheid van klanten over scholingsdiensten", "title"),
             Para(s.supplier, "cover"),
             Para("Rapport over 2021", "cover"),
             PageBreak(),
             Para("Opzet", "h1"),
             Columns([Para("Waarom dit onderzoek", "h2"),
                      Para("UWV verlangt van elke aanbieder van scholingsdiensten een jaarlijks onderzoek naar de tevredenheid van "
                           "de klanten, uitgevoerd door een onafhankelijk onderzoeksbureau. Dit rapport doet daarvan verslag."),
                      Para("Veldwerk", "h2"),
                      Para(method(s, APPROACH_RB)),
                      Para("Verwerking", "h2"),
                      *extras(rng, 3)]),
             PageBreak()]
        fvt = [r for r in s.rows if r.perceel.startswith(FVT)]
        head1, head2 = [Span("", rows=2)], []
        for r in cols:
            if r in fvt:
                if r is fvt[0]:
                    head1.append(Span("Functiegerichte vaardigheids-\ntrainingen", cols=len(fvt)))
                head2.append(r.service.replace(" en ", " en\n"))
            else:
                head1.append(Span(r.service, rows=2))
        body = [["Beëindigde diensten", *[str(r.beeindigd) for r in cols]],
                ["Aangeschreven klanten", *[str(r.benaderd) for r in cols]],
                ["Ingevulde vragenlijsten", *[str(r.ingevuld) for r in cols]],
                ["Respons", *[f"{nl(r.respons)}%" for r in cols]],
                ["Rapportcijfer (gemiddeld)", *[score(r) for r in cols]]]
        table = Table(header=[head1, head2], body=body, ruled=True, widths=[2.2] + [1] * len(cols), font_pt=9.5,
                      caption="Tabel 1. Respons en rapportcijfer per perceel en cluster", bold_rows=(4,))
        b.append(Landscape([Para("Uitkomsten", "h1"),
                            Para("Per perceel (kolom) het aantal beëindigde diensten, aangeschreven klanten en ingevulde "
                                 "vragenlijsten, de respons en het gemiddelde rapportcijfer. De "
                                 + ("eerste" if cols[0] is t else "laatste") + " kolom is het totaal."),
                            table,
                            Para("n.v.t. = niet van toepassing: geen ingevulde vragenlijsten.", "small")]))
        b += [Para("Colofon", "h1"),
              Table(header=[], body=[["Opdrachtgever", s.supplier],
                                     ["Uitvoering", self.organisation],
                                     ["Onderzoeksperiode", f"{dmy_short(s.meet_start)} tot en met {dmy_short(s.meet_end)}"],
                                     ["Datum van uitgave", long_date(s.report_date)],
                                     ["Status", "vastgesteld" if s.final else "concept"]],
                    ruled=False, widths=[1.3, 3], font_pt=10, left_cols=(1,))]
        b += self.signature(s)
        doc = Doc(b, font="serif", title="Tevredenheid van klanten over scholingsdiensten", footer="Ruitenberg SWO – {page}")
        return Built(doc, total_printed=True, beeindigd_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Signature(["dr. L. Ruitenberg", "directeur"])]
        if s.signature == "digital":
            return [Para("Ondertekening: digitaal, met het certificaat van het bureau.", "small")]
        return []


# ---- jobcoaching ------------------------------------------------------------------------------------
def analysis(s: JobcoachSpec) -> list[Para]:
    low = "werkgevers" if s.wg_avg_printed < s.wn_avg_printed else "werknemers"
    ok = s.wn_avg_printed >= NORM_JC and s.wg_avg_printed >= NORM_JC
    return [Para("Conclusies", "h2"),
            Para(f"De werknemers waarderen de jobcoaching gemiddeld met een {nl(s.wn_avg_printed)}, de werkgevers met een "
                 f"{nl(s.wg_avg_printed)}. " + ("Beide liggen boven de norm van 6,5. " if ok else
                                                 "Niet beide gemiddelden halen de norm van 6,5. ")
                 + f"De {low} zijn het kritischst, vooral over de bereikbaarheid van de jobcoach."),
            Para("Acties", "h2"),
            Para("Jobcoaches spreken bij de start van elke periode met werknemer en werkgever af hoe en wanneer zij bereikbaar "
                 "zijn, en het teamoverleg bespreekt elk kwartaal de ingevulde beoordelingsformulieren.")]


def dash0(n: int) -> str:
    return "–" if n == 0 else str(n)


def half(x: float) -> str:
    """A half-point score as a small organisation writes it: 7½."""
    return f"{int(x)}½" if x != int(x) else str(int(x))


class Werkfit(JcStyle):
    """Facts on one line; periods grouped per werknemer (name once); averages in a norm table; zero as –."""

    key = "werkfit"
    organisation = "Werkfit Jobcoaching B.V."
    producer = "chromium"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        order = {}
        for p in s.periods:
            order.setdefault(p.werknemer, len(order))
        s.periods.sort(key=lambda p: order[p.werknemer])
        body, prev = [], None
        for p in s.periods:
            body.append(["" if p.werknemer == prev else p.werknemer, p.werkgever, nl(p.wn), nl(p.wg)])
            prev = p.werknemer
        yn = lambda x: "ja" if x >= NORM_JC else "nee"  # noqa: E731
        b = [Para(self.organisation, "cover", bold=True),
             Para("Rapportage klanttevredenheid jobcoaching", "title"),
             Para(f"Erkenningsdatum {dotted(s.recognition)} · Meetperiode {dotted(s.meet_start)} – {dotted(s.meet_end)} · "
                  f"Opgesteld {dotted(s.report_date)}"),
             Para("1 Weergave cijfers", "h1"),
             Para("Cijfers per jobcoachperiode, gegroepeerd per werknemer: een werknemer met meer perioden (bij dezelfde of een "
                  "andere werkgever) staat één keer vermeld."),
             Table(header=[["Werknemer", "Werkgever", "Cijfer\nwerknemer", "Cijfer\nwerkgever"]], body=body, ruled=False,
                   hrules=True, widths=[1.5, 1.5, 1, 1], left_cols=(1,), font_pt=10),
             Table(header=[["Onderdeel", "Gemiddeld cijfer", "Norm UWV", "Norm gehaald"]],
                   body=[["Werknemers", nl(s.wn_avg_printed), "6,5", yn(s.wn_avg_printed)],
                         ["Werkgevers", nl(s.wg_avg_printed), "6,5", yn(s.wg_avg_printed)]],
                   ruled=True, widths=[1.5, 1.2, 1, 1], font_pt=10, caption=f"Gemiddeld cijfer over {len(s.periods)} perioden"),
             Para("2 Weergave vragen", "h1"),
             Para("Hoe vaak elk antwoord in het meetjaar is gegeven; – betekent: nul keer.")]
        for group, scale, title in (("werknemer", WN_SCALE, "Werknemer (schaal: nee – niet helemaal – ja)"),
                                    ("werkgever", WG_SCALE, "Werkgever (schaal: onvoldoende – matig – voldoende – goed)")):
            rows = [[q] + [dash0(c[k]) for k in scale] for g, q, c in s.answers if g == group]
            b += [Para(title, "h2"), Table(header=[["Vraag"] + scale], body=rows, ruled=True, widths=[4] + [0.9] * len(scale),
                                           font_pt=9)]
        if s.analysis:
            b += [Para("3 Analyse van de resultaten", "h1"), *analysis(s)]
        else:
            b += [Para("3 Vragen over deze rapportage?", "h1"), Para("Neem contact op met uw vaste contactpersoon bij Werkfit.")]
        doc = Doc(b, font="sans", title="Rapportage klanttevredenheid jobcoaching", footer="Werkfit Jobcoaching · KTO · {page}")
        return Built(doc)


class PlusTwente(JcStyle):
    """Word report: contents, facts in an introduction sentence, month of closing per period, one answers
    table for both groups with the scales as heading rows inside it."""

    key = "plustwente"
    organisation = "Stichting JobcoachPlus Twente"
    producer = "lo-fodt"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        span = (s.meet_end - s.meet_start).days
        ends = sorted(s.meet_start + dt.timedelta(days=rng.randint(30, span)) for _ in s.periods)
        body = [[str(i), f"{ABBR[e.month - 1]} {e.year}", p.werknemer, nl(p.wn), p.werkgever, nl(p.wg)]
                for i, (p, e) in enumerate(zip(s.periods, ends), 1)]
        n = len(s.periods)
        b = [Para(self.organisation, "cover", bold=True),
             Para("Jaarrapportage klanttevredenheid", "title"),
             Para("Verplichting 3.5 Erkenningskader – rapportage aan de accounthouder van UWV", "cover"),
             PageBreak(),
             Para("Inhoud", "h1"),
             Para("1 Inleiding\t3", "toc"), Para("2 Cijfers per jobcoachperiode\t3", "toc"), Para("3 Score per vraag\t4", "toc"),
             Para(("4 Analyse van de resultaten" if s.analysis else "4 Slotwoord") + "\t5", "toc"),
             PageBreak(),
             Para("1 Inleiding", "h1"),
             Para(f"{self.organisation} is op {long_date(s.recognition)} door UWV erkend als jobcoachorganisatie. Deze rapportage "
                  f"gaat over het meetjaar van {van_tm(s.meet_start, s.meet_end)}.",
                  notes=("Het meetjaar begint op de dag en de maand van de erkenning.",)),
             Para("2 Cijfers per jobcoachperiode", "h1"),
             Table(header=[["Nr.", "Afgesloten", "Werknemer", "Oordeel", "Werkgever", "Oordeel"]], body=body, ruled=True,
                   widths=[0.5, 1, 1.4, 0.8, 1.4, 0.8], left_cols=(2, 4), font_pt=9.5,
                   caption="Tabel 1 Oordeel (1-10) van werknemer en werkgever per afgesloten jobcoachperiode"),
             Para(f"Gemiddeld oordeel werknemers (n = {n}): {nl(s.wn_avg_printed)}"),
             Para(f"Gemiddeld oordeel werkgevers (n = {n}): {nl(s.wg_avg_printed)}"),
             Para("3 Score per vraag", "h1")]
        rows, bold = [], []
        bold.append(len(rows))
        rows.append(["Werknemer", *WN_SCALE, ""])
        rows += [[q, *[str(c[k]) for k in WN_SCALE], ""] for g, q, c in s.answers if g == "werknemer"]
        bold.append(len(rows))
        rows.append(["Werkgever", *WG_SCALE])
        for g, q, c in s.answers:
            if g != "werkgever":
                continue
            if q == WG_Q[0]:
                rows.append(["Wat is uw mening over:", "", "", "", ""])
            if q == WG_Q[5]:
                rows.append(["Wat vindt u van de aandacht van de jobcoach voor:", "", "", "", ""])
            rows.append([q, *[str(c[k]) for k in WG_SCALE]])
        b.append(Table(header=[], body=rows, ruled=True, widths=[4, 1, 1, 1, 1], bold_rows=tuple(bold), font_pt=9,
                       caption="Tabel 2 Aantal keer dat elk antwoord is gegeven"))
        if s.analysis:
            b += [Para("4 Analyse van de resultaten", "h1"), *analysis(s)]
        else:
            b += [Para("4 Slotwoord", "h1"), Para("Wij danken alle werknemers en werkgevers voor het invullen van de formulieren.")]
        b += [Para(f"Hengelo, {abbr_date(s.report_date)}"), Para("G. ter Horst, coördinator kwaliteit", "small")]
        doc = Doc(b, font="serif", title="Jaarrapportage klanttevredenheid", header="JobcoachPlus Twente – jaarrapportage KTO",
                  footer="{page}")
        return Built(doc)


class DeZwaluw(JcStyle):
    """Trajectory numbers, averages and the number of periods under the table, answers with a mean score."""

    key = "zwaluw"
    organisation = "Jobcoaching De Zwaluw"
    producer = "lo-html"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        first = rng.randint(3, 40)
        body = [[f"JC-{s.meet_start.year}-{first + 3 * i:03d}", p.werknemer, p.werkgever, nl(p.wn), nl(p.wg)]
                for i, p in enumerate(s.periods)]
        body.append(["Behaald cijfer", "", "", nl(s.wn_avg_printed), nl(s.wg_avg_printed)])
        body.append(["Aantal perioden", "", "", str(len(s.periods)), str(len(s.periods))])
        b = [Para("Klanttevredenheid jobcoaching", "title"),
             Para(self.organisation, "cover", bold=True),
             Para(f"Erkend op: {abbr_date(s.recognition)}", "cover"),
             Para(f"Beoordelingsjaar: {abbr_date(s.meet_start)} t/m {abbr_date(s.meet_end)}", "cover"),
             Para(f"Rapportdatum: {abbr_date(s.report_date)}", "cover"),
             Para("Weergave cijfers", "h1"),
             Table(header=[["Traject", "Werknemer", "Werkgever", "Score\nwerknemer", "Score\nwerkgever"]], body=body, ruled=True,
                   widths=[1.3, 1.3, 1.3, 1, 1], left_cols=(1, 2), bold_rows=(len(body) - 2, len(body) - 1), font_pt=9.5,
                   head_widths=True),
             Para("Weergave vragen", "h1"),
             Para("Per vraag het aantal keren dat elk antwoord is gegeven, met de gemiddelde score (werknemer: nee = 1, niet "
                  "helemaal = 2, ja = 3; werkgever: onvoldoende = 1 tot en met goed = 4).")]
        for group, scale in (("werknemer", WN_SCALE), ("werkgever", WG_SCALE)):
            rows = []
            for g, q, c in s.answers:
                if g != group:
                    continue
                n = sum(c.values())
                mean = sum((i + 1) * c[k] for i, k in enumerate(scale)) / n
                rows.append([q, *[str(c[k]) for k in scale], nl(mean)])
            b += [Para("Werknemers" if group == "werknemer" else "Werkgevers", "h2"),
                  Table(header=[["Vraag", *scale, "Gem.\nscore"]], body=rows, ruled=True, widths=[3.8] + [0.9] * (len(scale) + 1),
                        font_pt=9, head_widths=True)]
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h1"), *analysis(s)]
        else:
            b += [Para("Tot slot", "h1"), Para("Heeft u vragen over deze rapportage? Bel ons kantoor in Zutphen.")]
        return Built(Doc(b, font="sans", title="Klanttevredenheid jobcoaching"))


class Stapsteen(JcStyle):
    """Key figures in a box, half points written as 7½, one small table per question."""

    key = "stapsteen"
    organisation = "Jobcoachorganisatie Stapsteen"
    producer = "reportlab"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        b = [Image(logo_png("Stapsteen", (0.2, 0.35, 0.6), width=240), 4.2, 1.0),
             Para("Jaarrapportage klanttevredenheid", "title"),
             Para(self.organisation, "cover", bold=True),
             Para(f"Datum toekenning erkenning: {long_date(s.recognition)}", "cover"),
             Para(f"Meetperiode: {dmy_short(s.meet_start)} tot en met {dmy_short(s.meet_end)}", "cover"),
             Para(f"Datum: {long_date(s.report_date)}", "cover"),
             Para("Cijfers per jobcoachperiode", "h1"),
             Para("Werknemers en werkgevers geven een cijfer van 1 tot en met 10, in halve punten."),
             Table(header=[["Periode", "Werknemer", "Cijfer", "Werkgever", "Cijfer"]],
                   body=[[str(i), p.werknemer, half(p.wn), p.werkgever, half(p.wg)] for i, p in enumerate(s.periods, 1)],
                   ruled=False, hrules=True, widths=[0.7, 1.4, 0.7, 1.4, 0.7], left_cols=(1, 3), font_pt=10),
             PageBreak(),
             Para("Antwoorden per vraag", "h1")]
        box = Table(header=[], body=[[f"Afgeronde jobcoachperioden\n{n}", f"Gemiddelde werknemers\n{nl(s.wn_avg_printed)}",
                                      f"Gemiddelde werkgevers\n{nl(s.wg_avg_printed)}"]],
                    ruled=True, widths=[1, 1, 1], font_pt=12, first_col_left=False)
        head = next(i for i, x in enumerate(b) if isinstance(x, Para) and x.text == "Cijfers per jobcoachperiode")
        b.insert(head if rng.random() < 0.5 else b.index(next(x for x in b if isinstance(x, PageBreak))), box)
        for group, scale, title in (("werknemer", WN_SCALE, "Beoordeling door de werknemer"),
                                    ("werkgever", WG_SCALE, "Beoordeling door de werkgever")):
            b.append(Para(title, "h2"))
            for k, (g, q, c) in enumerate([a for a in s.answers if a[0] == group], 1):
                b.append(Table(header=[[Span(f"{k}. {q}", cols=len(scale))], scale], body=[[str(c[x]) for x in scale]],
                               ruled=True, widths=[1] * len(scale), font_pt=9, first_col_left=False))
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h1"), *analysis(s)]
        else:
            b += [Para("Contact", "h1"), Para("Jobcoachorganisatie Stapsteen, Stationsplein 3, 3811 BB Amersfoort (fictief adres)")]
        return Built(Doc(b, font="sans", title="Jaarrapportage klanttevredenheid", footer="Stapsteen – {page}/{pages}"))


SCHOLING_STYLES = [Kiemkracht(), Tweespan(), Vijfsprong(), Klantspiegel(), Ruitenberg()]
JOBCOACH_STYLES = [Werkfit(), PlusTwente(), DeZwaluw(), Stapsteen()]
DOCS_PER_SCHOLING_STYLE = 4
DOCS_PER_JC_STYLE = 4
