"""House styles of the HOLDOUT4 family: kept for a final blind measurement. Whoever builds or tunes
the reader must not read this module or the documents it makes, and must not run kto-ingest on
them until that measurement (corpus/README.md).

Five more fictitious research bureaus and three more jobcoaching organisations, written by someone who
did not build the reader and did not read ``kto_ingest/``: wordings, covers, contents pages, notes,
table arrangements and notations that the earlier families do not have. Every name is invented.

``date_forms`` and ``period_forms`` list how these styles print dates and periods, so that
``corpus.check`` can tell that every truth value is really printed.
"""

from __future__ import annotations

import datetime as dt
import random

from .model import DUTCH_MONTHS, FVT, NORM_SCHOLING, WG_Q, WG_SCALE, WN_SCALE, JobcoachSpec, ScholingSpec, long_date, nl
from .render import Bar, Columns, Doc, PageBreak, Para, Signature, Span, Table
from .styles import Built, JcStyle, Style, jc_num


# ---- dates and periods as these styles print them -------------------------------------------------
def whole_months(start: dt.date, end: dt.date) -> bool:
    return start.day == 1 and (end + dt.timedelta(days=1)).day == 1


def short_tm(start: dt.date, end: dt.date) -> str:
    """'1 januari t/m 31 december 2021' within one year, else both dates in full."""
    if start.year == end.year:
        return f"{start.day} {DUTCH_MONTHS[start.month - 1]} t/m {long_date(end)}"
    return f"{long_date(start)} t/m {long_date(end)}"


def months_tm(start: dt.date, end: dt.date) -> str | None:
    """'januari t/m december 2021' / 'juli 2020 t/m juni 2021' for whole months, else None."""
    if not whole_months(start, end):
        return None
    a, b = DUTCH_MONTHS[start.month - 1], DUTCH_MONTHS[end.month - 1]
    return f"{a} t/m {b} {end.year}" if start.year == end.year else f"{a} {start.year} t/m {b} {end.year}"


def dmy(d: dt.date) -> str:
    return f"{d:%d-%m-%Y}"


def dmy_short(d: dt.date) -> str:
    return f"{d.day}-{d.month}-{d.year}"


def date_forms(d: dt.date) -> list[str]:
    return [dmy(d), dmy_short(d), long_date(d)]


def period_forms(start: dt.date, end: dt.date) -> list[str]:
    out = [short_tm(start, end), f"{dmy(start)} – {dmy(end)}", f"{dmy_short(start)} t/m {dmy_short(end)}",
           f"{long_date(start)} tot en met {long_date(end)}", f"{dmy(start)} t/m {dmy(end)}"]
    if months_tm(start, end):
        out.append(months_tm(start, end))
    return out


# ---- texts of these bureaus (their own words, not the other families') ---------------------------
APPROACH_RV = ("Wijze van benadering. Iedere klant ontving in de maand na afronding van de scholing een e-mail met een "
               "persoonlijke link naar de online vragenlijst. Wie na tien dagen niet had gereageerd, kreeg een herinnering per sms; "
               "een week later volgde een tweede herinnering per e-mail. Klanten zonder e-mailadres kregen de vragenlijst op papier "
               "thuisgestuurd, met een retourenvelop.")
APPROACH_MP = ("Alle klanten zijn schriftelijk uitgenodigd met een brief waarin ook een QR-code naar de digitale vragenlijst "
               "stond. Na twee weken zijn de klanten die nog niet hadden gereageerd door een enquêteur van de stichting gebeld; "
               "zij konden de vragenlijst dan ook telefonisch beantwoorden.")
APPROACH_HZ = ("De klanten zijn in drie rondes benaderd: eerst per e-mail, daarna met een herinnering per e-mail en ten slotte "
               "telefonisch door een medewerker van ons veldwerkteam. Klanten die aangaven liever op papier te antwoorden, "
               "ontvingen een schriftelijke vragenlijst.")
APPROACH_SZ = ("Benaderingswijze: klanten zijn per sms en per e-mail uitgenodigd voor een korte online vragenlijst. Wie na een week "
               "niet had gereageerd, ontving één herinnering; klanten zonder mobiel nummer of e-mailadres zijn telefonisch "
               "benaderd door onze eigen interviewers.")
APPROACH_OW = ("De klanten hebben een uitnodigingsbrief met inlogcode ontvangen; wie een e-mailadres had, kreeg de uitnodiging "
               "ook per e-mail. Na tien dagen volgde een herinneringsbrief. Klanten die daarna nog niet hadden gereageerd, zijn "
               "tot twee keer toe gebeld.")
NO_APPROACH_TEXT = ("Het klantbestand bevatte per klant het perceel of cluster en de datum waarop de dienst is beëindigd. Dubbele "
                    "records en klanten die eerder in het jaar al hadden deelgenomen, zijn vóór de start verwijderd.")
FILLERS = [
    "De vragenlijst is afgestemd op de verplichte vragen van UWV; er zijn geen eigen vragen aan toegevoegd.",
    "Persoonsgegevens zijn uitsluitend voor dit onderzoek gebruikt en na afloop vernietigd.",
    "Uitkomsten die op minder dan tien respondenten berusten, moeten met voorzichtigheid worden gelezen.",
    "De aanbieder heeft de klantgegevens maandelijks aangeleverd via een beveiligde uploadomgeving.",
    "Respondenten die de vragenlijst niet volledig hebben ingevuld, zijn niet in de analyse meegenomen.",
    "De dataverzameling en de analyse zijn uitgevoerd door twee verschillende medewerkers (vier-ogenprincipe).",
]
QUESTIONS_4 = [("Rapportcijfer", "Welk rapportcijfer geeft u voor de scholing als geheel?", "1 (zeer slecht) tot en met 10 (uitstekend)"),
               ("Bejegening", "Bent u respectvol behandeld door de docent of trainer?", "helemaal niet – een beetje – grotendeels – helemaal"),
               ("Informatie", "Bent u duidelijk geïnformeerd over de inhoud en de planning van de scholing?",
                "helemaal niet – een beetje – grotendeels – helemaal"),
               ("Aandacht", "Had de opleider aandacht voor wat u belangrijk vindt?", "helemaal niet – een beetje – grotendeels – helemaal")]


def lower_first(text: str) -> str:
    """'Administratie en ICT' -> 'administratie en ICT'."""
    return text[:1].lower() + text[1:]


def fillers(rng: random.Random, n: int) -> list[Para]:
    return [Para(x) for x in rng.sample(FILLERS, n)]


def approach(s: ScholingSpec, text: str) -> str:
    return text if s.method_account else NO_APPROACH_TEXT


def sub_score(rng: random.Random, r) -> str:
    """A mean on a 1-4 scale for one of the other questions (not a truth field)."""
    if r.cijfer is None:
        return "–"
    return nl(min(4.0, max(1.5, 3.1 + (r.cijfer - 8) * 0.4 + rng.uniform(-0.3, 0.3))))


# ---- bureau 1 (Chromium): cover box, contents page, numbered sub-headings, total first, fractions, bars
class RuisdaelVisser(Style):
    key = "ruisdael"
    organisation = "Ruisdael & Visser Onderzoek B.V."
    aliases = ("Ruisdael & Visser Onderzoek", "Ruisdael & Visser")
    producer = "chromium"
    NR = {"Opleidingen": "1", FVT: "2", "Leerbanen": "3", "Ervaringscertificaten": "4"}

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Vaardigheidstrainingen {lower_first(cluster)}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        if not s.supplier.endswith(" B.V."):
            s.supplier = f"{s.supplier} B.V."
        nr = f"RV-22-{rng.randint(101, 189)}"
        status = "definitief" if s.final else "concept ter becommentariëring"
        box = Table(header=[], body=[[f"Scholingsaanbieder: {s.supplier}\nOnderzoekstermijn: {short_tm(s.meet_start, s.meet_end)}\n"
                                      f"Rapportnummer: {nr}\nRapportstatus: {status}\n"
                                      f"Plaats en datum: Arnhem, {long_date(s.report_date)}"]],
                    ruled=True, widths=[1], font_pt=11.5)
        t = s.total()
        sign_title = "5 Verantwoording en ondertekening" if s.signature != "none" else "5 Colofon"
        b = [Para(self.organisation, "cover", bold=True),
             Para("Klanttevredenheid\nscholingsdiensten 2021", "title"),
             Para("Rapportage van het klanttevredenheidsonderzoek onder klanten van UWV", "cover"),
             box,
             PageBreak(),
             Para("Inhoud", "h1"),
             Para("1 Samenvatting\t3", "toc"), Para("2 Opzet en uitvoering\t4", "toc"), Para("3 Resultaten\t5", "toc"),
             Para("3.1 Respons\t5", "toc"), Para("3.2 Waardering\t6", "toc"), Para("4 Uitkomsten per vraag\t7", "toc"),
             Para(f"{sign_title}\t8", "toc"),
             PageBreak(),
             Para("1 Samenvatting", "h1"),
             Para(f"{s.supplier} heeft {self.organisation} gevraagd de tevredenheid te meten van klanten van wie een "
                  "scholingsdienst in de onderzoekstermijn is beëindigd. De uitkomsten staan per perceel en, voor de "
                  "functiegerichte vaardigheidstrainingen (perceel 2), per cluster in hoofdstuk 3."),
             Para(f"In totaal zijn {t.benaderd} klanten benaderd; {t.ingevuld} van hen hebben de vragenlijst ingevuld. Het "
                  f"gemiddelde rapportcijfer over alle percelen samen is {nl(t.cijfer)}." if t.cijfer is not None else
                  f"In totaal zijn {t.benaderd} klanten benaderd; {t.ingevuld} van hen hebben de vragenlijst ingevuld."),
             PageBreak(),
             Para("2 Opzet en uitvoering", "h1"),
             Para("2.1 Doelgroep", "h2"),
             Para("De doelgroep bestaat uit alle klanten van UWV van wie een scholingsdienst bij de aanbieder is beëindigd, "
                  "ongeacht of de scholing met een diploma of certificaat is afgesloten."),
             Para("2.2 Veldwerk", "h2"),
             Para(approach(s, APPROACH_RV))]
        b += fillers(rng, 2)
        b += [PageBreak(), Para("3 Resultaten", "h1"), Para("3.1 Respons", "h2"), Para("3.1.1 Respons per perceel en cluster", "h2"),
              Para("Tabel 3.1 geeft per perceel en cluster het aantal beëindigde diensten, het aantal ingevulde vragenlijsten "
                   "ten opzichte van het aantal benaderde klanten en het responspercentage. De bovenste regel is het totaal.")]
        body = [["", "Totaal", str(t.beeindigd), f"{t.ingevuld}/{t.benaderd}", nl(t.respons) + "%"]]
        body += [[self.NR[r.perceel.split(",")[0]], r.service, str(r.beeindigd), f"{r.ingevuld}/{r.benaderd}", nl(r.respons) + "%"]
                 for r in s.rows]
        b.append(Table(header=[["Perceel", "Omschrijving", "Beëindigde\ndiensten", "Ingevuld /\nbenaderd", "Respons"]], body=body,
                       ruled=False, hrules=True, widths=[0.8, 3.2, 1.1, 1.1, 0.9], bold_rows=(0,), left_cols=(1,),
                       caption="Tabel 3.1 Respons per perceel en cluster"))
        b.append(Para("3.1.2 Toelichting", "h2"))
        b.append(Para("Percelen: 1 Opleidingen, 2 Functiegerichte vaardigheidstrainingen (per cluster), 3 Leerbanen, "
                      "4 Ervaringscertificaten."))
        b += [PageBreak(), Para("3.2 Waardering", "h2"), Para("3.2.1 Rapportcijfer per perceel en cluster", "h2"),
              Para("Figuur 3.2 toont het gemiddelde rapportcijfer (schaal 1 tot en met 10). De norm van UWV is een gemiddelde "
                   "van ten minste 8 per perceel of cluster.")]
        scored = sorted(s.rows, key=lambda r: (r.cijfer is None, -(r.cijfer or 0))) if rng.random() < 0.7 else list(s.rows)
        bars = [["Totaal", Bar(t.cijfer, 10, nl(t.cijfer), "#8a8a8a") if t.cijfer is not None else "n.v.t."]]
        for r in scored:
            bars.append([r.service, Bar(r.cijfer, 10, nl(r.cijfer), "#2f6f8f") if r.cijfer is not None else "n.v.t. (geen respons)"])
        b.append(Table(header=[["", "Gemiddeld rapportcijfer"]], body=bars, ruled=False, widths=[2.2, 3], font_pt=10,
                       caption="Figuur 3.2 Gemiddeld rapportcijfer per perceel en cluster", bold_rows=(0,)))
        b.append(Para("3.2.2 Spreiding", "h2"))
        b.append(Para("Het merendeel van de respondenten geeft een 8 of hoger; onvoldoendes (lager dan 6) komen weinig voor."))
        b += [PageBreak(), Para("4 Uitkomsten per vraag", "h1")]
        for i, (short, q, scale) in enumerate(QUESTIONS_4, 1):
            b.append(Para(f"4.{i} {short}", "h2"))
            b.append(Para(f"{q} (antwoordschaal: {scale}). De antwoorden verschillen weinig tussen de percelen."))
        b += [PageBreak(), Para(sign_title, "h1")]
        b += self.signature(s)
        b += [Para(f"{self.organisation} · Velperweg 210 · 6824 HM Arnhem (fictief adres)", "small"),
              Para("Dit rapport is een testdocument; alle namen en cijfers zijn verzonnen.", "small")]
        doc = Doc(b, font="sans", font_pt=10.5, title="Klanttevredenheid scholingsdiensten 2021",
                  footer=f"Ruisdael & Visser · {nr} · {{page}}")
        return Built(doc, approached_printed=True, total_printed=True, beeindigd_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Het onderzoek is uitgevoerd volgens de gedragscode van de brancheorganisatie."),
                    Signature([f"Namens {self.organisation},", "drs. K. Ruisdael, directeur"])]
        if s.signature == "digital":
            return [Para("Het onderzoek is uitgevoerd volgens de gedragscode van de brancheorganisatie."),
                    Para(f"Dit rapport is met een gekwalificeerd certificaat digitaal ondertekend door {self.organisation}.")]
        return [Para("Het onderzoek is uitgevoerd volgens de gedragscode van de brancheorganisatie.")]


# ---- bureau 2 (LibreOffice .fodt): contents with dot leaders, two columns, footnotes, point decimals, questionnaire
class MeetpuntArbeid(Style):
    key = "meetpunt"
    organisation = "Stichting Meetpunt Arbeid & Leren"
    aliases = ("Meetpunt Arbeid & Leren",)
    producer = "lo-fodt"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Functiegerichte vaardigheidstraining – {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        month = f"{DUTCH_MONTHS[s.report_date.month - 1]} {s.report_date.year}"
        mark = "Definitieve rapportage" if s.final else "Conceptrapportage"
        sign_title = "5 Ondertekening" if s.signature != "none" else "5 Colofon"
        b = [Para(self.organisation, "cover", bold=True),
             Para("Klanttevredenheids-\nonderzoek scholingsdiensten", "title"),
             Para(f"Rapportage voor {s.supplier}", "cover"),
             Para(mark, "cover", bold=True),
             Para(month, "cover"),
             PageBreak(),
             Para("Inhoudsopgave", "h1"),
             Para("1 Inleiding\t3", "toc"), Para("2 Opzet van het onderzoek\t3", "toc"), Para("3 Respons en rapportcijfer\t4", "toc"),
             Para("4 Uitkomsten per vraag\t5", "toc"), Para(f"{sign_title}\t6", "toc"), Para("Bijlage 1 Vragenlijst\t7", "toc"),
             PageBreak(),
             Columns([Para("1 Inleiding", "h2"),
                      Para(f"In opdracht van {s.supplier} heeft de stichting onderzocht hoe tevreden klanten van UWV zijn over de "
                           "scholingsdiensten die zij volgden. UWV schrijft dit onderzoek jaarlijks voor; de uitkomsten worden per "
                           "perceel en, voor de functiegerichte vaardigheidstrainingen, per cluster gerapporteerd.",
                           notes=("Raamovereenkomst Inkoopkader Scholingsdiensten 2021.",)),
                      Para("2 Opzet van het onderzoek", "h2"),
                      Para(f"Meetperiode (datum van beëindiging van de dienst): {dmy_short(s.meet_start)} t/m {dmy_short(s.meet_end)}."),
                      Para(approach(s, APPROACH_MP), notes=("Telefonische benadering alleen op werkdagen tussen 9.00 en 20.00 uur.",)
                           if s.method_account else ()),
                      *fillers(rng, 3)]),
             PageBreak(),
             Para("3 Respons en rapportcijfer", "h1"),
             Para("Tabel 1 toont per perceel en cluster het aantal beëindigde diensten, het aantal uitgenodigde klanten, de respons "
                  "en het gemiddelde rapportcijfer.", notes=("Het rapportcijfer is het rekenkundig gemiddelde van de antwoorden "
                                                             "op vraag 1 van de vragenlijst (bijlage 1).",))]
        body = []
        for r in s.rows:
            score = "-" if r.cijfer is None else f"{r.cijfer:.1f}"
            norm = "n.v.t." if r.cijfer is None else ("ja" if r.cijfer >= NORM_SCHOLING else "nee")
            body.append([r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), nl(r.respons), score, norm])
        b.append(Table(header=[["Perceel / cluster", "Beëindigd", "Uitge-\nnodigd", "Respons\n(aantal)", "Respons\n(%)", "Rapport-\ncijfer",
                                "Norm\nbehaald"]],
                       body=body, ruled=True, widths=[3.2, 1, 1, 1, 1, 1, 0.9], font_pt=9.5,
                       caption="Tabel 1 Respons en gemiddeld rapportcijfer per perceel/cluster"))
        b.append(Para("Bij minder dan vijf beëindigde diensten in een perceel of cluster kan de aanbieder UWV om vrijstelling vragen.",
                      "small"))
        b += [PageBreak(), Para("4 Uitkomsten per vraag", "h1"),
              Para("Gemiddelde score op de vragen 2 tot en met 4 (schaal 1 tot en met 4; 4 is het gunstigst)."),
              Table(header=[["Perceel / cluster", "Vraag 2", "Vraag 3", "Vraag 4"]],
                    body=[[r.service, sub_score(rng, r).replace(",", "."), sub_score(rng, r).replace(",", "."),
                           sub_score(rng, r).replace(",", ".")] for r in s.rows],
                    ruled=True, widths=[3.2, 1, 1, 1], font_pt=9.5, caption="Tabel 2 Gemiddelde score per vraag"),
              PageBreak(), Para(sign_title, "h1")]
        b += self.signature(s)
        b += [Para(f"Utrecht, {long_date(s.report_date)}"),
              Para(f"{self.organisation} · Maliebaan 41 · 3581 CD Utrecht (fictief adres)", "small"),
              PageBreak(), Para("Bijlage 1 Vragenlijst", "h1"),
              Para("De vragenlijst bevat de vragen die UWV verplicht stelt, in deze volgorde:")]
        for i, (_short, q, scale) in enumerate(QUESTIONS_4, 1):
            b.append(Para(f"Vraag {i}. {q}", bold=True))
            b.append(Para(f"Antwoordmogelijkheden: {scale}."))
        b.append(Para("Vraag 5. Heeft u nog opmerkingen of suggesties voor de aanbieder? (open vraag)", bold=True))
        doc = Doc(b, font="serif", title="Klanttevredenheidsonderzoek scholingsdiensten", footer="– {page} –")
        return Built(doc, beeindigd_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Voor de juistheid van de gegevens in dit rapport:"),
                    Signature(["mr. E. van Galen", f"bestuurder {self.organisation}"])]
        if s.signature == "digital":
            return [Para(f"Dit rapport is door {self.organisation} voorzien van een digitale handtekening.")]
        return [Para("Uitgave van de stichting; vragen over dit rapport kunt u stellen aan het secretariaat.")]


# ---- bureau 3 (LibreOffice HTML import): Opdrachtnemer, respons as "n (x%)", question matrix, version history
class Heidezicht(Style):
    key = "heidezicht"
    organisation = "Onderzoeksgroep Heidezicht"
    aliases = ("Heidezicht",)
    producer = "lo-html"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Cluster {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        period = months_tm(s.meet_start, s.meet_end) or short_tm(s.meet_start, s.meet_end)
        version = "1.0 – definitief" if s.final else "0.9 – concept"
        b = [Para("KTO scholing 2021", "title"),
             Para(f"Opdrachtgever (leverancier): {s.supplier}", "cover"),
             Para(f"Opdrachtnemer: {self.organisation}", "cover"),
             Para(f"Meetperiode: {period}", "cover"),
             Para(f"Rapportage d.d. {long_date(s.report_date)}", "cover"),
             Para(f"Documentversie: {version}", "cover"),
             PageBreak(),
             Para("1. Onderzoeksopzet", "h1"),
             Para("Het onderzoek meet per perceel en per cluster van de functiegerichte vaardigheidstrainingen hoe tevreden "
                  "klanten zijn over hun scholing. De clusters in dit rapport zijn clusters van het perceel Functiegerichte "
                  "vaardigheidstrainingen."),
             Para(approach(s, APPROACH_HZ))]
        b += fillers(rng, 2)
        b.append(Para("2. Respons", "h1"))
        b.append(Para("Per perceel en cluster het aantal uitgenodigde klanten en het aantal (en percentage) dat de vragenlijst "
                      "heeft ingevuld."))
        b.append(Table(header=[["Perceel / cluster", "Uitgenodigd", "Ingevulde vragenlijsten (respons)"]],
                       body=[[r.service, str(r.benaderd), f"{r.ingevuld} ({nl(r.respons)}%)"] for r in s.rows],
                       ruled=True, widths=[2.6, 1.1, 1.9], caption="Tabel 2.1 Respons"))
        b += [PageBreak(), Para("3. Waardering", "h1"),
              Para("Tabel 3.1 geeft per perceel en cluster het gemiddelde rapportcijfer (vraag 1, schaal 1-10) en het gemiddelde op "
                   "de andere verplichte vragen (schaal 1-4). De percelen staan op volgorde van het rapportcijfer.")]
        order = sorted(s.rows, key=lambda r: (r.cijfer is None, -(r.cijfer or 0)))
        b.append(Table(header=[["Perceel / cluster", "V1\nRapportcijfer", "V2\nBejegening", "V3\nInformatie", "V4\nAandacht"]],
                       body=[[r.service, "n.v.t." if r.cijfer is None else nl(r.cijfer), sub_score(rng, r), sub_score(rng, r),
                              sub_score(rng, r)] for r in order],
                       ruled=True, widths=[2.4, 1.1, 1, 1, 1], caption="Tabel 3.1 Gemiddelde scores per vraag"))
        b.append(Para("n.v.t.: geen ingevulde vragenlijsten.", "small"))
        b.append(Para("4. Vragen", "h1"))
        for i, (_short, q, scale) in enumerate(QUESTIONS_4, 1):
            b.append(Para(f"V{i}. {q} ({scale})"))
        b += self.signature(s)
        hist = [["0.1", dmy(s.report_date - dt.timedelta(days=21)), "eerste opzet, tabellen zonder toelichting"],
                ["0.9", dmy(s.report_date - dt.timedelta(days=9)), "concept, ter bespreking met de opdrachtgever"]]
        if s.final:
            hist.append(["1.0", dmy(s.report_date), "definitief, opmerkingen van de opdrachtgever verwerkt"])
        else:
            hist = hist[:1] + [["0.9", dmy(s.report_date), "concept, ter bespreking met de opdrachtgever"]]
        b += [Para("Versiebeheer", "h2"),
              Table(header=[["Versie", "Datum", "Omschrijving"]], body=hist, ruled=False, widths=[0.7, 1.2, 4], font_pt=8.5,
                    left_cols=(1, 2))]
        return Built(Doc(b, font="sans", title="KTO scholing 2021"))

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Akkoord", "h2"), Signature([f"Namens {self.organisation},", "dr. ir. T. Mulder, projectleider"])]
        if s.signature == "digital":
            return [Para("Akkoord", "h2"), Para("Dit document is digitaal ondertekend door de projectleider.")]
        return []


# ---- bureau 4 (reportlab): a dashboard of cards, one per perceel, "x van y" --------------------------
class Scherpzicht(Style):
    key = "scherpzicht"
    organisation = "Scherpzicht Enquête & Analyse"
    aliases = ("Scherpzicht",)
    producer = "reportlab"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT {lower_first(cluster)}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        if not s.supplier.startswith("Stichting "):
            s.supplier = f"Stichting {s.supplier}"
        t = s.total()
        b = [Para("Resultaten klanttevredenheidsmeting scholing 2021", "title"),
             Para(f"Onderzoek uitgevoerd namens {s.supplier}", "cover"),
             Para(f"Onderzoeksperiode: {dmy(s.meet_start)} – {dmy(s.meet_end)}", "cover"),
             Para("Definitieve uitgave" if s.final else "Conceptuitgave, niet voor verspreiding", "cover"),
             Para(f"Uitgebracht op {dmy(s.report_date)} door {self.organisation}", "cover"),
             Para("In één oogopslag", "h1"),
             Para("Per perceel en cluster: het gemiddelde rapportcijfer, de respons (ingevulde vragenlijsten van het aantal "
                  "uitgenodigde klanten) en het aantal beëindigde trajecten.")]

        def card(r) -> str:
            score = "geen cijfer (n.v.t.)" if r.cijfer is None else nl(r.cijfer)
            return (f"{r.service}\nRapportcijfer: {score}\nRespons: {r.ingevuld} van {r.benaderd} ({nl(r.respons)}%)\n"
                    f"Beëindigde trajecten: {r.beeindigd}")

        cards = [card(t)] + [card(r) for r in s.rows]
        if len(cards) % 2:
            cards.append("")
        b.append(Table(header=[], body=[cards[i:i + 2] for i in range(0, len(cards), 2)], ruled=True, widths=[1, 1], font_pt=10.5,
                       left_cols=(1,)))
        b += [Para("FVT = functiegerichte vaardigheidstrainingen, per cluster.", "small"),
              PageBreak(), Para("Verantwoording", "h1"), Para(approach(s, APPROACH_SZ))]
        b += fillers(rng, 2)
        b += [Para("De vragen", "h1"),
              Para("Klanten beantwoordden de vier verplichte vragen van UWV: " + "; ".join(q for _s, q, _sc in QUESTIONS_4)),
              Para("Op de vragen 2 tot en met 4 antwoordde een ruime meerderheid 'grotendeels' of 'helemaal'.")]
        b += self.signature(s)
        doc = Doc(b, font="sans", title="Klanttevredenheidsmeting scholing", footer=f"{self.organisation} – p. {{page}}")
        return Built(doc, total_printed=True, beeindigd_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Ondertekening", "h2"), Signature(["ing. R. Scherpenzeel", f"directeur {self.organisation}"])]
        if s.signature == "digital":
            return [Para("Ondertekening", "h2"), Para("Elektronisch ondertekend; de handtekening is in dit PDF-bestand opgenomen.")]
        return []


# ---- bureau 5 (LibreOffice HTML import): this year next to last year, "Concept eindrapport" ---------
class Oostwal(Style):
    key = "oostwal"
    organisation = "Oostwal Sociaal Onderzoek B.V."
    aliases = ("Oostwal Sociaal Onderzoek", "Oostwal")
    producer = "lo-html"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{cluster} (functiegerichte vaardigheidstraining)" if cluster else perceel

    @staticmethod
    def last_year(rng: random.Random, r) -> tuple[str, str]:
        """Respons and rapportcijfer of the previous measurement (not truth fields); a cluster may be new."""
        if "cluster" in r.perceel and rng.random() < 0.35:
            return "nieuw", "nieuw"
        return nl(rng.uniform(24, 58)), nl(rng.uniform(7.6, 8.9))

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        t = s.total()
        b = [Para(self.organisation.upper(), "cover", bold=True),
             Para("Klanttevredenheidsonderzoek UWV-scholing\nRapportagejaar 2021", "title"),
             Para("Eindrapport" if s.final else "Concept eindrapport", "cover", bold=True),
             Para(f"Leverancier: {s.supplier}", "cover"),
             Para(f"Uitvoeringsperiode van de diensten: {long_date(s.meet_start)} tot en met {long_date(s.meet_end)}", "cover"),
             Para(f"Rapportdatum d.d. {dmy(s.report_date)}", "cover"),
             PageBreak(),
             Para("1 Achtergrond", "h1"),
             Para(f"Dit is de tweede meting die {self.organisation} voor {s.supplier} uitvoert. Waar mogelijk zetten wij de "
                  "uitkomsten naast die van de vorige meting (2020)."),
             Para("2 Werkwijze", "h1"),
             Para(approach(s, APPROACH_OW)),
             Para(f"In totaal zijn {t.benaderd} klanten benaderd. Klanten van wie de scholing voortijdig is gestopt, zijn ook "
                  "uitgenodigd.")]
        b += fillers(rng, 1)
        b.append(Para("3 Uitkomsten", "h1"))
        b.append(Para("De tabel geeft de uitkomsten van deze meting en, ter vergelijking, de respons en het rapportcijfer van de "
                      "vorige meting. 'Nieuw' betekent dat het cluster in 2020 nog niet werd aangeboden."))
        chronological = rng.random() < 0.5  # the previous measurement first, as a trend table often has it
        body = []
        for r in s.rows + [t]:
            last = self.last_year(rng, r) if r is not t else (nl(rng.uniform(30, 45)), nl(rng.uniform(8.0, 8.6)))
            now = [str(r.benaderd), str(r.ingevuld), nl(r.respons), "–" if r.cijfer is None else nl(r.cijfer)]
            body.append([r.service] + ([*last, *now] if chronological else [*now, *last]))
        now_head = [Span("Meting 2021", cols=4)], ["Benaderd", "Ingevuld", "Respons %", "Rapport-\ncijfer"]
        last_head = [Span("Meting 2020", cols=2)], ["Respons %", "Rapport-\ncijfer"]
        first, second = (last_head, now_head) if chronological else (now_head, last_head)
        widths = [2.8] + [0.9] * 6
        b.append(Table(header=[[Span("Perceel / cluster", rows=2)] + first[0] + second[0], first[1] + second[1]],
                       body=body, ruled=True, widths=widths, font_pt=9, bold_rows=(len(body) - 1,),
                       caption="Tabel 3.1 Respons en rapportcijfer per perceel en cluster, 2020 en 2021" if chronological else
                       "Tabel 3.1 Respons en rapportcijfer per perceel en cluster, 2021 en 2020"))
        b.append(Para("– : geen ingevulde vragenlijsten.", "small"))
        b.append(Para("4 Vragen", "h1"))
        for i, (_short, q, scale) in enumerate(QUESTIONS_4, 1):
            b.append(Para(f"{i}. {q} ({scale})"))
        b.append(Para("Op alle vier de vragen is het oordeel vergelijkbaar met dat van de vorige meting."))
        b += self.signature(s)
        return Built(Doc(b, font="serif", title="KTO UWV-scholing 2021"), approached_printed=True, total_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("5 Ondertekening", "h1"), Signature(["Namens de directie,", "drs. A. Oostwal"])]
        if s.signature == "digital":
            return [Para("5 Ondertekening", "h1"), Para(f"Digitaal ondertekend door {self.organisation}")]
        return []


# ---- jobcoaching ------------------------------------------------------------------------------------
def coaching_dates(rng: random.Random, s: JobcoachSpec) -> list[tuple[dt.date, dt.date]]:
    """Begin and end of each jobcoachperiode, ending inside the meetperiode (in order of ending)."""
    span = (s.meet_end - s.meet_start).days
    ends = sorted(s.meet_start + dt.timedelta(days=rng.randint(40, span)) for _ in s.periods)
    return [(e - dt.timedelta(days=rng.randint(90, 330)), e) for e in ends]


def analysis_text(s: JobcoachSpec) -> list[str]:
    lower = "werkgevers" if s.wg_avg_printed < s.wn_avg_printed else "werknemers"
    return [f"Werknemers geven gemiddeld een {nl(s.wn_avg_printed)}, werkgevers een {nl(s.wg_avg_printed)}. De {lower} zijn het "
            "minst tevreden over hoe vaak de jobcoach op de werkplek kwam.",
            "Wat we gaan doen: elke jobcoach spreekt aan het begin van een periode met de leidinggevende af hoe vaak hij of zij "
            "langskomt, en legt dat vast in het plan van aanpak."]


class DeOpstap(JcStyle):
    """Answers as lists under each question, the werkgever first in the periods table."""

    key = "opstap"
    organisation = "Jobcoachbureau De Opstap"
    producer = "lo-html"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        body = [[str(i), p.werkgever, p.werknemer, jc_num(p.wg, ",", False), jc_num(p.wn, ",", False)]
                for i, p in enumerate(s.periods, 1)]
        b = [Para(self.organisation, "cover", bold=True),
             Para("Jaarrapportage klanttevredenheid jobcoaching", "title"),
             Para(f"Ingangsdatum erkenning: {dmy(s.recognition)}", "cover"),
             Para(f"Meetperiode: {long_date(s.meet_start)} tot en met {long_date(s.meet_end)}", "cover"),
             Para("1 Oordeel per jobcoachperiode", "h1"),
             Para("Na elke afgesloten jobcoachperiode vullen de werkgever en de werknemer het beoordelingsformulier van UWV in. "
                  "Hieronder het eindcijfer (1-10) per periode."),
             Table(header=[["Periode", "Werkgever", "Werknemer", "Oordeel\nwerkgever", "Oordeel\nwerknemer"]], body=body, ruled=True,
                   widths=[0.8, 1.5, 1.5, 1, 1], left_cols=(1, 2)),
             Para(f"Gemiddeld oordeel van de werkgevers: {nl(s.wg_avg_printed)}", bold=True),
             Para(f"Gemiddeld oordeel van de werknemers: {nl(s.wn_avg_printed)}", bold=True),
             Para("2 Antwoorden op de vragen", "h1"),
             Para(f"Per vraag staat hoe vaak elk antwoord is gegeven ({len(s.periods)} formulieren per groep)."),
             Para("Werknemers", "h2")]
        for g, q, c in s.answers:
            if g != "werknemer":
                continue
            b.append(Para(q, bold=True))
            b.append(Para(" · ".join(f"{k}: {c[k]}" for k in reversed(WN_SCALE))))
        b.append(Para("Werkgevers", "h2"))
        for g, q, c in s.answers:
            if g != "werkgever":
                continue
            if q == WG_Q[0]:
                b.append(Para("Wat is uw mening over:"))
            if q == WG_Q[5]:
                b.append(Para("Wat vindt u van de aandacht van de jobcoach voor:"))
            b.append(Para(q, bold=True))
            b.append(Para(" · ".join(f"{k}: {c[k]}" for k in reversed(WG_SCALE))))
        if s.analysis:
            b += [Para("3 Analyse van de resultaten", "h1"), *[Para(x) for x in analysis_text(s)]]
        else:
            b += [Para("3 Tot slot", "h1"), Para("Wij bedanken de werknemers en werkgevers die het formulier hebben ingevuld.")]
        b += [Para(f"Plaats en datum: Deventer, {long_date(s.report_date)}"), Para("J. Kuipers, directeur", "small")]
        return Built(Doc(b, font="sans", title="Jaarrapportage jobcoaching"))


class Rivierenland(JcStyle):
    """The average on top of the periods table, begin and end date per period, answers as 'n (x%)'."""

    key = "rivierenland"
    organisation = "Stichting Jobcoaching Rivierenland"
    producer = "chromium"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        dates = coaching_dates(rng, s)
        body = [["", "Gemiddelde", nl(s.wn_avg_printed), "", nl(s.wg_avg_printed), "", ""]]
        body += [[str(i), p.werknemer, jc_num(p.wn, ",", True), p.werkgever, jc_num(p.wg, ",", True), dmy(a), dmy(e)]
                 for i, (p, (a, e)) in enumerate(zip(s.periods, dates), 1)]
        b = [Para("Klanttevredenheid jobcoaching", "title"),
             Para(f"{self.organisation} – rapportage over het meetjaar", "cover"),
             Table(header=[], body=[[f"Datum erkenning UWV: {long_date(s.recognition)}\n"
                                     f"Meetjaar: {dmy(s.meet_start)} t/m {dmy(s.meet_end)}\n"
                                     f"Datum van deze rapportage: {dmy(s.report_date)}"]], ruled=True, widths=[1], font_pt=11),
             Para("1. Cijfers per jobcoachperiode", "h1"),
             Para(f"In het meetjaar zijn {n} jobcoachperioden afgesloten. De eerste regel van de tabel is het gemiddelde over alle "
                  "perioden."),
             Table(header=[["Nr.", "Werknemer", "Cijfer\nwerknemer", "Werkgever", "Cijfer\nwerkgever", "Begin\nperiode", "Einde\nperiode"]],
                   body=body, ruled=False, hrules=True, widths=[0.45, 1.3, 0.9, 1.3, 0.9, 1.05, 1.05], bold_rows=(0,),
                   left_cols=(1, 3), font_pt=9.5),
             Para("2. Score per vraag", "h1"),
             Para("Aantal keren dat elk antwoord is gegeven, met tussen haakjes het aandeel van alle antwoorden op die vraag.")]
        for group, scale, title in (("werknemer", WN_SCALE, "Beoordeling door de werknemer"),
                                    ("werkgever", WG_SCALE, "Beoordeling door de werkgever")):
            b.append(Para(title, "h2"))
            rows = [[q] + [f"{c[k]} ({round(100 * c[k] / n)}%)" for k in scale] for g, q, c in s.answers if g == group]
            b.append(Table(header=[["Vraag"] + scale], body=rows, ruled=True, widths=[3.6] + [1] * len(scale), font_pt=9))
        if s.analysis:
            b += [Para("3. Analyse van de resultaten en verbeteracties", "h1"), *[Para(x) for x in analysis_text(s)]]
        else:
            b += [Para("3. Contact", "h1"), Para("Vragen over deze rapportage kunt u richten aan de kwaliteitsmedewerker van de stichting.")]
        doc = Doc(b, font="serif", title="Klanttevredenheid jobcoaching", footer=f"{self.organisation} · pagina {{page}} van {{pages}}")
        return Built(doc)


class Vlietland(JcStyle):
    """Two rows per period (one per assessor), averages as 'sum/count = avg', answers with the scale as
    rows and the questions as numbered columns for both groups."""

    key = "vlietland"
    organisation = "Jobcoaching Vlietland & Partners"
    producer = "reportlab"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        body = []
        for i, p in enumerate(s.periods, 1):
            body.append([str(i), "werknemer", p.werknemer, jc_num(p.wn, ",", True)])
            body.append(["", "werkgever", p.werkgever, jc_num(p.wg, ",", True)])
        b = [Para("Verantwoording klanttevredenheid jobcoaching", "title"),
             Para("Verplichting 3.5 van het Erkenningskader – jaarlijkse rapportage aan UWV", "cover"),
             Table(header=[], body=[["Organisatie", self.organisation],
                                    ["Erkend met ingang van", long_date(s.recognition)],
                                    ["Meetperiode", f"{dmy(s.meet_start)} – {dmy(s.meet_end)}"],
                                    ["Datum", f"d.d. {dmy(s.report_date)}"]],
                   ruled=False, hrules=True, widths=[1.3, 2.7], font_pt=10.5, left_cols=(1,)),
             Para("1 Cijfers per jobcoachperiode", "h1"),
             Para("Per afgesloten periode staan het cijfer van de werknemer en dat van de werkgever onder elkaar."),
             Table(header=[["Periode", "Beoordeeld door", "Naam (geanonimiseerd)", "Cijfer"]], body=body, ruled=False, hrules=True,
                   widths=[0.8, 1.3, 2, 0.8], left_cols=(1, 2), font_pt=9.5),
             Para(f"Gemiddelde werknemers (som/aantal): {jc_num(s.wn_sum, ',', False)}/{n} = {nl(s.wn_avg_printed)}", bold=True),
             Para(f"Gemiddelde werkgevers (som/aantal): {jc_num(s.wg_sum, ',', False)}/{n} = {nl(s.wg_avg_printed)}", bold=True),
             PageBreak(),
             Para("2 Score per vraag", "h1"),
             Para("De vragen van de beoordelingsformulieren zijn doorgenummerd; de tabellen geven per vraag (kolom) hoe vaak elk "
                  "antwoord (regel) is gegeven.")]
        number = 0
        for group, scale, title in (("werknemer", WN_SCALE, "Formulier werknemer"), ("werkgever", WG_SCALE, "Formulier werkgever")):
            qs = [(q, c) for g, q, c in s.answers if g == group]
            first = number + 1
            b.append(Para(title, "h2"))
            for q, _c in qs:
                number += 1
                b.append(Para(f"Vraag {number}. {q}", "small"))
            cols = [f"V{k}" for k in range(first, number + 1)]
            rows = [[k] + [str(c[k]) for _q, c in qs] for k in scale]
            rows.append(["totaal"] + [str(sum(c.values())) for _q, c in qs])
            b.append(Table(header=[["Antwoord"] + cols], body=rows, ruled=True, widths=[1.6] + [0.6] * len(cols), font_pt=9,
                           bold_rows=(len(rows) - 1,)))
        if s.analysis:
            b += [Para("3 Analyse van de resultaten", "h1"), *[Para(x) for x in analysis_text(s)]]
        else:
            b += [Para("3 Contactgegevens", "h1"), Para("Jobcoaching Vlietland & Partners, Vlietweg 8, 2266 KA Leidschendam (fictief adres)")]
        doc = Doc(b, font="sans", title="Verantwoording klanttevredenheid jobcoaching", footer="Vlietland & Partners – {page}/{pages}")
        return Built(doc)


SCHOLING_STYLES = [Oostwal(), MeetpuntArbeid(), Heidezicht(), Scherpzicht(), RuisdaelVisser()]
JOBCOACH_STYLES = [DeOpstap(), Rivierenland(), Vlietland()]
DOCS_PER_SCHOLING_STYLE = 4
DOCS_PER_JC_STYLE = 4
