"""House styles of the HOLDOUT10 family: kept for a blind measurement by the lead. Whoever builds or
tunes the reader must not read this module or the documents it makes, and must not run kto-ingest on
them until that measurement (corpus/README.md).

Four more fictitious research bureaus and three more jobcoaching organisations, written in session 8 by
someone who did not build the reader and did not read ``kto_ingest/``, ``parsers/`` or the reader's
tests: long Word reports of larger bureaus with numbered chapters (3.2.1), captions under the tables,
footnotes, a perceel cell merged over its cluster rows with a subtotal, results per perceel as a short
paragraph with a small table, meetperiode and counts spread over an introduction and a methodological
appendix; jobcoaching organisations with several jobcoaches or regions that fill UWV's rapportageformat
with their own table shapes. Every name is invented.

``date_forms`` and ``period_forms`` list how these styles print dates and periods, so that
``corpus.check`` can tell that every truth value is really printed.
"""

from __future__ import annotations

import datetime as dt
import random

from .model import (DUTCH_MONTHS, FVT, NORM_JC, NORM_SCHOLING, WG_SCALE, WN_SCALE, JobcoachSpec, Row, ScholingSpec, long_date, nl,
                    r1)
from .render import Doc, Image, PageBreak, Para, Signature, Span, Table, logo_png
from .styles import Built, JcStyle, Style


# ---- dates and periods as these styles print them -------------------------------------------------
def slash2(d: dt.date) -> str:
    """'14/02/2022' (Word's dd/mm/jjjj date field)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def day_month(d: dt.date) -> str:
    """'1 januari' (the year follows once, after the end date)."""
    return f"{d.day} {DUTCH_MONTHS[d.month - 1]}"


def van_tot(start: dt.date, end: dt.date) -> str:
    """'1 januari tot en met 31 december 2021' within one year, else both dates in full."""
    if start.year == end.year:
        return f"{day_month(start)} tot en met {long_date(end)}"
    return f"{long_date(start)} tot en met {long_date(end)}"


def date_forms(d: dt.date) -> list[str]:
    return [slash2(d), long_date(d)]


def period_forms(start: dt.date, end: dt.date) -> list[str]:
    return [van_tot(start, end), f"{slash2(start)} – {slash2(end)}", f"{slash2(start)} t/m {slash2(end)}"]


# ---- shared helpers -------------------------------------------------------------------------------------
def score(r, none: str = "n.v.t.") -> str:
    return none if r.cijfer is None else nl(r.cijfer)


def subtotal(rows: list[Row], label: str) -> Row:
    """A subtotal over some rows (the clusters of the FVT perceel): sums, and the average weighted by
    the completed questionnaires, as the total is computed."""
    scored = [r for r in rows if r.cijfer is not None and r.ingevuld]
    avg = r1(sum(r.cijfer * r.ingevuld for r in scored) / sum(r.ingevuld for r in scored)) if scored else None
    return Row(label, "", sum(r.beeindigd for r in rows), sum(r.benaderd for r in rows), sum(r.ingevuld for r in rows), avg)


def grouped(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    """Rows by perceel in report order: ('Opleidingen', [row]), (FVT, [cluster rows]), ..."""
    out: list[tuple[str, list[Row]]] = []
    for r in rows:
        perceel = r.perceel.partition(", cluster ")[0]
        if out and out[-1][0] == perceel:
            out[-1][1].append(r)
        else:
            out.append((perceel, [r]))
    return out


def cluster_of(r: Row) -> str:
    return r.perceel.partition(", cluster ")[2]


def sign(s: ScholingSpec, who: list[str], digital_text: str) -> list:
    if s.signature == "visual":
        return [Signature(who)]
    if s.signature == "digital":
        return [Para(digital_text, "small")]
    return []


APPROACH = {
    "verhoef": ("Alle klanten uit het door de aanbieder aangeleverde bestand van beëindigde diensten zijn benaderd. Zij "
                "ontvingen eerst een brief met uitleg over het onderzoek en een persoonlijke inlogcode, drie dagen later een "
                "e-mail met een directe link naar de vragenlijst. Na tien dagen volgde een herinnering per e-mail en na drie "
                "weken een telefonische herinnering door een interviewer van ons belteam."),
    "noordkaap": ("Wij hebben de klanten in twee ronden benaderd: klanten met een dienst die in het eerste halfjaar eindigde in "
                  "juli, de overige klanten in januari. Iedereen kreeg een uitnodiging per e-mail; wie geen e-mailadres had, "
                  "kreeg een brief. Niet-reageerders kregen na acht dagen één herinnering."),
    "oosterschelde": ("De klanten zijn telefonisch benaderd door getrainde enquêteurs (CATI), met maximaal vijf belpogingen "
                      "verspreid over dagdelen. Klanten die liever schriftelijk antwoordden, kregen de vragenlijst per post "
                      "met een antwoordenvelop."),
    "rijckevorsel": ("Benadering vond plaats via een gemengd design: een uitnodigingsbrief met QR-code en link, een "
                     "herinneringsbrief na twee weken en, voor wie daarna nog niet had gereageerd, een sms met de link. "
                     "Klanten konden ook bellen om de vragenlijst telefonisch in te vullen."),
}
NO_APPROACH = ("De aanbieder heeft het bestand met klanten aangeleverd. Het bestand is gecontroleerd op dubbele en onvolledige "
               "records; daarna is het veldwerk uitgevoerd.")


def method(s: ScholingSpec, key: str) -> str:
    return APPROACH[key] if s.method_account else NO_APPROACH


def fieldwork_closed(s: ScholingSpec) -> str:
    """When the fieldwork was closed (not a truth field): a week before the report, not before 2 January."""
    return long_date(max(s.report_date - dt.timedelta(days=7), dt.date(2022, 1, 2)))


# ---- bureau 1 (LibreOffice .fodt): a long Word report of a large bureau. Meetperiode in the introduction,
# the counts in a methodological appendix, the FVT perceel merged over its clusters with a subtotal,
# the caption under the table, real footnotes ----------------------------------------------------------
class VerhoefBrandsma(Style):
    key = "verhoef"
    organisation = "Verhoef & Brandsma Arbeidsmarktonderzoek B.V."
    aliases = ("Verhoef & Brandsma", "Verhoef en Brandsma Arbeidsmarktonderzoek")
    producer = "lo-fodt"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{FVT} {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        t = s.total()
        project = f"VB-{rng.randint(2100, 2199)}"
        status = "Eindrapport" if s.final else "Conceptrapport – ter bespreking met de opdrachtgever"
        b = [Para(self.organisation, "cover", bold=True),
             Para("Klanttevredenheidsonderzoek scholingsdiensten 2021", "title"),
             Para(f"Opdrachtgever: {s.supplier}", "cover"),
             Para(status, "cover"),
             Para(f"Projectnummer {project}", "cover"),
             Para(f"Rotterdam, {long_date(s.report_date)}", "cover"),
             PageBreak(),
             Para("Inhoudsopgave", "h1"),
             Para("1 Inleiding\t3", "toc"), Para("1.1 Aanleiding\t3", "toc"), Para("1.2 Afbakening van het onderzoek\t3", "toc"),
             Para("2 Resultaten\t4", "toc"), Para("2.1 Respons\t4", "toc"), Para("2.2 Waardering per perceel en cluster\t4", "toc"),
             Para("3 Conclusies\t5", "toc"), Para("Bijlage A Methodologische verantwoording\t6", "toc"),
             PageBreak(),
             Para("1 Inleiding", "h1"),
             Para("1.1 Aanleiding", "h2"),
             Para(f"UWV koopt scholing in bij {s.supplier}. Onderdeel van de afspraken is een jaarlijks "
                  "klanttevredenheidsonderzoek (KTO) door een onafhankelijk onderzoeksbureau. Dit rapport doet verslag van dat "
                  "onderzoek over 2021.", notes=("Zie het Programma van Eisen scholing, paragraaf kwaliteitsmeting.",)),
             Para("1.2 Afbakening van het onderzoek", "h2"),
             Para(f"Het onderzoek heeft betrekking op alle klanten van wie de scholingsdienst is beëindigd in de periode van "
                  f"{van_tot(s.meet_start, s.meet_end)}. Dit is de meetperiode van het onderzoek. Klanten ontvingen de vragenlijst in de weken "
                  f"na het einde van hun dienst; het veldwerk is afgesloten op {fieldwork_closed(s)}."),
             Para("Leeswijzer: hoofdstuk 2 geeft de resultaten, hoofdstuk 3 de conclusies. De opzet en uitvoering van het "
                  "veldwerk staan in bijlage A."),
             Para("2 Resultaten", "h1"),
             Para("2.1 Respons", "h2"),
             Para("Van de benaderde klanten heeft een deel de vragenlijst volledig ingevuld. De respons per perceel en cluster "
                  "staat in tabel 2.1; de aantallen benaderde klanten zijn gelijk aan het aantal beëindigde diensten."),
             Para("2.2 Waardering per perceel en cluster", "h2"),
             Para("De klanten gaven de scholing als geheel een rapportcijfer van 1 tot en met 10. UWV hanteert per perceel, en "
                  "voor de functiegerichte vaardigheidstrainingen per cluster, een norm van gemiddeld 8,0 of hoger.",
                  notes=("Bij minder dan vijf beëindigde diensten kan de aanbieder bij UWV vrijstelling vragen.",))]
        body, bold = [], []
        for perceel, rows in grouped(s.rows):
            if perceel == FVT:
                sub = subtotal(rows, "Subtotaal")
                for k, r in enumerate(rows):
                    lead = [Span(FVT, rows=len(rows) + 1)] if k == 0 else []
                    body.append(lead + [cluster_of(r), str(r.beeindigd), str(r.benaderd), str(r.ingevuld), f"{nl(r.respons)}%",
                                        score(r, "–")])
                body.append(["Subtotaal", str(sub.beeindigd), str(sub.benaderd), str(sub.ingevuld), f"{nl(sub.respons)}%",
                             score(sub, "–")])
            else:
                r = rows[0]
                body.append([Span(r.service, cols=2), str(r.beeindigd), str(r.benaderd), str(r.ingevuld), f"{nl(r.respons)}%",
                             score(r, "–")])
        bold.append(len(body))
        body.append([Span(t.service, cols=2), str(t.beeindigd), str(t.benaderd), str(t.ingevuld), f"{nl(t.respons)}%",
                     score(t, "–")])
        b.append(Table(header=[["Perceel", "Cluster", "Beëindigde\ndiensten", "Benaderd¹", "Ingevuld", "Respons", "Gemiddeld\nrapportcijfer²"]],
                       body=body, ruled=True, widths=[2.4, 1.5, 1, 0.9, 0.9, 0.9, 1.1], left_cols=(1,), bold_rows=tuple(bold),
                       font_pt=9))
        b += [Para("Tabel 2.1 Respons en gemiddeld rapportcijfer per perceel en cluster, klanten met een in 2021 beëindigde dienst",
                   "small", bold=True),
              Para("¹ Netto steekproef: alle klanten met een beëindigde dienst, na ontdubbeling.", "small"),
              Para("² Gemiddelde van het rapportcijfer (1-10) voor de scholing als geheel; – = geen ingevulde vragenlijsten.", "small")]
        low = [r for r in s.rows if r.cijfer is not None and r.cijfer < NORM_SCHOLING]
        b += [Para("3 Conclusies", "h1"),
              Para(f"Over alle percelen samen waarderen de klanten de scholing met gemiddeld {score(t)}. "
                   + ("Alle percelen en clusters met een cijfer voldoen aan de norm van UWV." if not low else
                      "Niet alle onderdelen voldoen aan de norm van UWV; dat geldt voor: " + ", ".join(r.service for r in low) + ".")),
              Para("Wij adviseren de aanbieder de uitkomsten met de docenten te bespreken en bij kleine clusters de resultaten "
                   "over meerdere jaren te volgen."),
              PageBreak(),
              Para("Bijlage A Methodologische verantwoording", "h1"),
              Para("A.1 Populatie", "h2"),
              Para(f"De populatie bestaat uit alle klanten met een beëindigde scholingsdienst in de meetperiode. Er zijn in totaal "
                   f"{t.benaderd} klanten benaderd, van wie {t.ingevuld} de vragenlijst volledig hebben ingevuld (een respons van "
                   f"{nl(t.respons)}%)."),
              Para("A.2 Wijze van benaderen", "h2"),
              Para(method(s, "verhoef")),
              Para("A.3 Verwerking", "h2"),
              Para("Gedeeltelijk ingevulde vragenlijsten zijn niet meegeteld. Er is niet gewogen. Gemiddelden zijn afgerond op één "
                   "decimaal.", notes=("Afronding volgens de gangbare regel: 0,05 en hoger naar boven.",))]
        b += sign(s, ["drs. E. Verhoef, directeur", self.organisation],
                  f"Dit rapport is elektronisch ondertekend door {self.organisation}.")
        doc = Doc(b, font="serif", font_pt=10.5, title="Klanttevredenheidsonderzoek scholingsdiensten 2021",
                  header=f"{self.organisation} | project {project}", footer="Pagina {page} van {pages}")
        return Built(doc, approached_printed=True, total_printed=True, beeindigd_printed=True)


# ---- bureau 2 (Chromium): an HTML report tool. Per perceel a numbered paragraph (3.2.1, 3.2.2, ...) with a
# short text and a one-row table, caption underneath; the total in the summary; date fields dd/mm/jjjj ----
class Noordkaap(Style):
    key = "noordkaap"
    organisation = "Instituut Noordkaap voor Klantonderzoek"
    aliases = ("Noordkaap Klantonderzoek", "Instituut Noordkaap")
    producer = "chromium"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Functiegerichte vaardigheidstrainingen: {cluster}" if cluster else perceel

    def small_table(self, r: Row) -> Table:
        return Table(header=[["Beëindigd", "Netto steekproef", "Ingevulde vragenlijsten", "Respons", "Gemiddeld rapportcijfer"]],
                     body=[[str(r.beeindigd), str(r.benaderd), str(r.ingevuld), f"{nl(r.respons)}%", score(r)]],
                     ruled=False, hrules=True, widths=[1, 1, 1.2, 0.9, 1.2], font_pt=9.5, first_col_left=False)

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Alle percelen"
        t = s.total()
        b = [Image(logo_png("NK", (0.1, 0.3, 0.45)), 2.0, 0.75),
             Para("KTO Scholing 2021", "title"),
             Para(f"Klanttevredenheid onder klanten van {s.supplier}", "cover"),
             Table(header=[], body=[["Rapportnummer", f"NK-{rng.randint(300, 899)}/2022"],
                                    ["Status", "definitief" if s.final else "concept"],
                                    ["Datum", slash2(s.report_date)], ["Uitvoering", self.organisation]],
                   ruled=False, widths=[1, 3], font_pt=10.5, left_cols=(1,)),
             PageBreak(),
             Para("1 Inleiding", "h1"),
             Para("1.1 Doel", "h2"),
             Para(f"{s.supplier} laat jaarlijks de tevredenheid meten van klanten die via UWV een scholingsdienst hebben "
                  "gevolgd. Dit rapport geeft de uitkomsten per perceel en, voor de functiegerichte vaardigheidstrainingen, per "
                  "cluster."),
             Para("1.2 Meetperiode", "h2"),
             Para(f"Meegenomen zijn alle klanten van wie de dienst is beëindigd in de periode {slash2(s.meet_start)} – "
                  f"{slash2(s.meet_end)}."),
             Para("2 Methode", "h1"),
             Para(method(s, "noordkaap")),
             Para(f"In totaal zijn {t.benaderd} klanten benaderd. Zie voor de respons per onderdeel hoofdstuk 3.",
                  notes=("Benaderd = netto steekproef: klanten met een geldig adres of e-mailadres.",)),
             Para("3 Uitkomsten", "h1"),
             Para("3.1 Samenvatting", "h2"),
             Para(f"Over alle percelen samen vulden {t.ingevuld} klanten de vragenlijst in. Het gemiddelde rapportcijfer over alle "
                  f"percelen is {score(t)}; UWV vraagt per onderdeel een 8 of hoger."),
             self.small_table(t),
             Para(f"Tabel 3.1 {t.service}", "small", bold=True),
             Para("3.2 Per perceel en cluster", "h2")]
        for k, r in enumerate(s.rows, 1):
            if r.cijfer is None:
                txt = (f"Van de {r.benaderd} benaderde klanten heeft niemand de vragenlijst ingevuld. Er is daarom geen "
                       "rapportcijfer.")
            else:
                verdict = "Dat voldoet aan de norm." if r.cijfer >= NORM_SCHOLING else "Dat ligt onder de norm van 8."
                txt = (f"Van de {r.benaderd} benaderde klanten vulden er {r.ingevuld} de vragenlijst in. Zij geven gemiddeld een "
                       f"{score(r)}. {verdict}")
            b += [Para(f"3.2.{k} {r.service}", "h2"), Para(txt), self.small_table(r),
                  Para(f"Tabel 3.{k + 1} {r.service}", "small", bold=True)]
        b.append(Para("n.v.t.: geen ingevulde vragenlijsten.", "small"))
        b += [Para("4 Ondertekening", "h1")]
        b += sign(s, [f"Groningen, {slash2(s.report_date)}", "dr. L. Noordhof, projectleider"],
                  f"Ondertekend met een digitale handtekening namens {self.organisation}.")
        if s.signature == "none":
            b.append(Para("Voor vragen over dit rapport kunt u contact opnemen met de projectleider."))
        doc = Doc(b, font="sans", font_pt=10, title="KTO Scholing 2021", header="Noordkaap – KTO Scholing 2021",
                  footer="{page}")
        return Built(doc, approached_printed=True, total_printed=True, beeindigd_printed=True)


# ---- bureau 3 (LibreOffice HTML import): a Word document saved as web page. Perceel merged over its
# clusters, score before the counts, no beëindigd column, caption and source under the table; the
# meetperiode and the counts only in the appendix ---------------------------------------------------------
class Oosterschelde(Style):
    key = "oosterschelde"
    organisation = "Oosterschelde Sociaal Onderzoek"
    aliases = ("Oosterschelde Onderzoek",)
    producer = "lo-html"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{FVT} {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Alle percelen"
        t = s.total()
        version = f"Versie 2.{rng.randint(0, 3)} – definitief" if s.final else f"Versie 0.{rng.randint(5, 9)} – concept"
        body = []
        for perceel, rows in grouped(s.rows):
            if perceel == FVT:
                for k, r in enumerate(rows):
                    lead = [Span(FVT, rows=len(rows))] if k == 0 else []
                    body.append(lead + [cluster_of(r), score(r, "–"), str(r.ingevuld), str(r.benaderd), nl(r.respons)])
            else:
                r = rows[0]
                body.append([r.service, "", score(r, "–"), str(r.ingevuld), str(r.benaderd), nl(r.respons)])
        body.append([Span(t.service, cols=2), score(t, "–"), str(t.ingevuld), str(t.benaderd), nl(t.respons)])
        b = [Para("Tevredenheid van klanten over hun scholing", "title"),
             Para(f"Onderzoek in opdracht van {s.supplier}", "cover"),
             Para(f"{self.organisation}, Middelburg", "cover"),
             Para(f"Datum: {long_date(s.report_date)}", "cover"),
             Para(version, "cover"),
             Para("1. Samenvatting", "h1"),
             Para("Dit rapport beschrijft hoe tevreden klanten zijn over de scholing die zij via UWV volgden. De uitkomsten staan "
                  "in hoofdstuk 2; hoe het onderzoek is uitgevoerd, staat in de bijlage."),
             Para(f"Het gemiddelde rapportcijfer over alle percelen is {score(t)}."),
             Para("2. Resultaten", "h1"),
             Para("2.1 Rapportcijfer en respons", "h2"),
             Table(header=[["Perceel", "Cluster", "Gemiddeld\nrapportcijfer", "Aantal\nrespondenten", "Netto\nsteekproef",
                            "Respons\n(%)"]],
                   body=body, ruled=True, widths=[2.2, 1.5, 1, 1, 1, 0.8], left_cols=(1,), bold_rows=(len(body) - 1,),
                   font_pt=9),
             Para("Tabel 1. Gemiddeld rapportcijfer en respons naar perceel en cluster", "small", bold=True),
             Para(f"Bron: KTO scholing 2021, {self.organisation}. – = geen respondenten, geen cijfer.", "small"),
             Para("2.2 Toelichting", "h2"),
             Para("De respons verschilt per perceel. Bij kleine aantallen klanten kan één antwoord het gemiddelde sterk "
                  "beïnvloeden; de uitkomsten van kleine clusters zijn daarom met voorzichtigheid te lezen."),
             PageBreak(),
             Para("Bijlage 1 Onderzoeksverantwoording", "h1"),
             Para("B1.1 Doelgroep en meetperiode", "h2"),
             Para(f"Doelgroep: klanten van {s.supplier} met een scholingsdienst die is beëindigd in de periode "
                  f"{long_date(s.meet_start)} t/m {long_date(s.meet_end)}."),
             Para("B1.2 Steekproef en benadering", "h2"),
             Para(f"Er is geen steekproef getrokken: alle {t.benaderd} klanten benaderd die in het klantbestand stonden "
                  "(integrale meting). " + method(s, "oosterschelde")),
             Para("B1.3 Vragenlijst", "h2"),
             Para("De vragenlijst bevat vragen over de inhoud van de scholing, de docenten, de organisatie en een rapportcijfer "
                  "voor de scholing als geheel.")]
        if s.signature == "visual":
            b += [Para("Voor akkoord,"), Signature(["ir. W. Schelde", "directeur Oosterschelde Sociaal Onderzoek"])]
        elif s.signature == "digital":
            b.append(Para(f"Dit document is digitaal ondertekend door {self.organisation}.", "small"))
        return Built(Doc(b, font="sans", font_pt=10, title="Tevredenheid van klanten over hun scholing"),
                     approached_printed=True, total_printed=True)


# ---- bureau 4 (reportlab): a reporting script's long report. Numbered paragraphs to three levels, a
# grouped header, the FVT perceel merged with its clusters and a subtotal, the caption under the table and
# a note; meetperiode in the introduction, report date only in the colophon at the end --------------------
class Rijckevorsel(Style):
    key = "rijckevorsel"
    organisation = "Van Rijckevorsel Markt- en Beleidsonderzoek"
    aliases = ("Van Rijckevorsel Onderzoek", "Van Rijckevorsel")
    producer = "reportlab"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{FVT} {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        t = s.total()
        body, bold = [], []
        for perceel, rows in grouped(s.rows):
            if perceel == FVT:
                sub = subtotal(rows, "subtotaal")
                for k, r in enumerate(rows):
                    lead = [Span(FVT, rows=len(rows) + 1)] if k == 0 else []
                    body.append(lead + [cluster_of(r), str(r.beeindigd), str(r.benaderd), str(r.ingevuld), nl(r.respons),
                                        score(r)])
                body.append(["subtotaal", str(sub.beeindigd), str(sub.benaderd), str(sub.ingevuld), nl(sub.respons), score(sub)])
            else:
                r = rows[0]
                body.append([Span(r.service, cols=2), str(r.beeindigd), str(r.benaderd), str(r.ingevuld), nl(r.respons), score(r)])
        bold.append(len(body))
        body.append([Span(t.service, cols=2), str(t.beeindigd), str(t.benaderd), str(t.ingevuld), nl(t.respons), score(t)])
        head = [[Span("Perceel", rows=2), Span("Cluster", rows=2), Span("Aantallen", cols=3), Span("Respons\n%", rows=2),
                 Span("Rapport-\ncijfer", rows=2)],
                ["beëindigd", "benaderd", "ingevuld"]]
        status = "definitieve versie" if s.final else "concept"
        b = [Image(logo_png("VR", (0.35, 0.1, 0.25)), 1.8, 0.7),
             Para("Klanttevredenheid scholing", "title"),
             Para(f"Onderzoek onder klanten van {s.supplier}", "cover"),
             Para(f"Rapport, {status}", "cover"),
             PageBreak(),
             Para("1 Inleiding", "h1"),
             Para("1.1 Achtergrond", "h2"),
             Para(f"{s.supplier} verzorgt scholing voor klanten van UWV. UWV vraagt de aanbieder jaarlijks de tevredenheid van deze "
                  f"klanten te laten onderzoeken door een onafhankelijk bureau. {self.organisation} voerde dit onderzoek uit."),
             Para("1.2 Onderzoeksperiode", "h2"),
             Para(f"De meting omvat klanten met een dienst beëindigd van {van_tot(s.meet_start, s.meet_end)}.",
                  notes=("Als einddatum geldt de datum waarop de dienst volgens de aanbieder is afgerond of gestopt.",)),
             Para("2 Uitvoering", "h1"),
             Para("2.1 Benadering", "h2"),
             Para(method(s, "rijckevorsel")),
             Para("2.2 Respons", "h2"),
             Para(f"Er zijn {t.benaderd} klanten benaderd en {t.ingevuld} vragenlijsten volledig ingevuld retour gekomen."),
             Para("3 Resultaten", "h1"),
             Para("3.1 Rapportcijfer", "h2"),
             Para("3.1.1 Per perceel en cluster", "h2"),
             Para("De tabel geeft per perceel, en voor de functiegerichte vaardigheidstrainingen per cluster met een subtotaal, de "
                  "aantallen, de respons en het gemiddelde rapportcijfer."),
             Table(header=head, body=body, ruled=True, widths=[2.3, 1.4, 0.9, 0.9, 0.9, 0.8, 0.8], left_cols=(1,),
                   bold_rows=tuple(bold), font_pt=8.5, valign="MIDDLE"),
             Para("Tabel 3.1 Aantallen, respons en rapportcijfer per perceel en cluster", "small", bold=True),
             Para("Noot: respons = ingevuld / benaderd × 100; n.v.t. = geen ingevulde vragenlijsten.", "small"),
             Para("3.1.2 Norm", "h2"),
             Para("UWV hanteert een norm van gemiddeld 8 of hoger per perceel en per cluster. Voor onderdelen met minder dan vijf "
                  "beëindigde diensten kan de aanbieder vrijstelling aanvragen."),
             Para("4 Colofon", "h1"),
             Para(f"Uitgave: {self.organisation}"),
             Para(f"Datum: {slash2(s.report_date)}"),
             Para(f"Projectcode: VRMB-{rng.randint(1000, 9999)}")]
        b += sign(s, ["mr. drs. C. van Rijckevorsel", "algemeen directeur"],
                  f"Dit rapport is digitaal ondertekend door {self.organisation}.")
        doc = Doc(b, font="serif", font_pt=10, title="Klanttevredenheid scholing",
                  header=f"{self.organisation} – KTO scholing 2021", footer="blad {page}/{pages}")
        return Built(doc, approached_printed=True, total_printed=True, beeindigd_printed=True)


# ---- jobcoaching ------------------------------------------------------------------------------------------
def analysis(s: JobcoachSpec, extra: str) -> list[Para]:
    ok = s.wn_avg_printed >= NORM_JC and s.wg_avg_printed >= NORM_JC
    return [Para(f"Het behaalde cijfer van de werknemers is {nl(s.wn_avg_printed)}, dat van de werkgevers "
                 f"{nl(s.wg_avg_printed)}. "
                 + ("Beide liggen boven de ondergrens van 6,5." if ok else "Niet beide halen de ondergrens van 6,5.")),
            Para(extra)]


def chunks(n: int, parts: int, rng: random.Random) -> list[tuple[int, int]]:
    """Split periods 0..n-1 into ``parts`` consecutive non-empty runs (one per jobcoach/region)."""
    cuts = sorted(rng.sample(range(1, n), parts - 1))
    bounds = [0, *cuts, n]
    return [(bounds[i], bounds[i + 1]) for i in range(parts)]


def nl2(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def pct(c: int, n: int) -> str:
    return f"{int(100 * c / n + 0.5)}%"  # half up, as a spreadsheet rounds


def jc_cijfer(x: float) -> str:
    return nl(x)


COACHES = ["M. de Rooij", "S. Kaya", "A. Verbeek", "J. Hoekstra", "F. el Idrissi", "P. Smulders"]


class Lekstroom(JcStyle):
    """UWV's rapportageformat filled in Word by an organisation with several jobcoaches: the facts in a
    form table, one periods table per jobcoach with its own mean (two decimals), the behaald cijfer in a
    separate table, each question as a small table of counts and percentages."""

    key = "lekstroom"
    organisation = "Jobcoaching Lekstroom"
    producer = "lo-fodt"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        parts = chunks(n, 3 if n >= 6 else 2, rng)
        coaches = rng.sample(COACHES, len(parts))
        b = [Para("Rapportage klanttevredenheid jobcoaching", "title"),
             Table(header=[], body=[["Naam jobcoachorganisatie", self.organisation],
                                    ["Datum erkenning UWV", long_date(s.recognition)],
                                    ["Meetperiode", f"{long_date(s.meet_start)} t/m {long_date(s.meet_end)}"],
                                    ["Datum rapportage", long_date(s.report_date)],
                                    ["Aantal jobcoaches", str(len(parts))]],
                   ruled=True, widths=[1.5, 3], font_pt=10, left_cols=(1,)),
             Para("1 Weergave cijfers", "h1"),
             Para("Per jobcoach staan de afgesloten jobcoachperioden in de meetperiode, met het cijfer van de werknemer en van de "
                  "werkgever. Onder elke tabel het gemiddelde van die jobcoach.")]
        for (a, z), coach in zip(parts, coaches):
            items = list(enumerate(s.periods[a:z], a + 1))
            wn = sum(p.wn for _i, p in items) / len(items)
            wg = sum(p.wg for _i, p in items) / len(items)
            body = [[str(i), p.werknemer, jc_cijfer(p.wn), p.werkgever, jc_cijfer(p.wg)] for i, p in items]
            body.append(["", f"Gemiddelde {coach}", nl2(wn), "", nl2(wg)])
            b += [Para(f"Jobcoach {coach}", "h2"),
                  Table(header=[["Periode", "Werknemer", "Cijfer", "Werkgever", "Cijfer"]], body=body, ruled=True,
                        widths=[0.7, 1.6, 0.7, 1.6, 0.7], left_cols=(1, 3), bold_rows=(len(body) - 1,), font_pt=9.5)]
        b += [Para("Behaald cijfer", "h2"),
              Table(header=[["", "Werknemers", "Werkgevers"]],
                    body=[["Aantal jobcoachperioden", str(n), str(n)],
                          ["Behaald cijfer (gemiddelde alle perioden)", nl(s.wn_avg_printed), nl(s.wg_avg_printed)]],
                    ruled=True, widths=[2.6, 1, 1], font_pt=10, bold_rows=(1,)),
              Para("Het behaalde cijfer is het gemiddelde over alle jobcoachperioden, afgerond op één decimaal.", "small"),
              Para("2 Weergave vragen", "h1")]
        for group, scale, title in (("werknemer", WN_SCALE, "2.1 Vragen aan de werknemer"),
                                    ("werkgever", WG_SCALE, "2.2 Vragen aan de werkgever")):
            b.append(Para(title, "h2"))
            for k, (g, q, c) in enumerate([x for x in s.answers if x[0] == group], 1):
                b += [Para(f"{k}. {q}", bold=True),
                      Table(header=[["Antwoord", "Aantal", "Percentage"]],
                            body=[[opt, str(c[opt]), pct(c[opt], n)] for opt in scale] + [["Totaal", str(n), "100%"]],
                            ruled=True, widths=[1.6, 0.8, 0.8], font_pt=9, bold_rows=(len(scale),))]
        if s.analysis:
            b += [Para("3 Analyse van de resultaten", "h1"),
                  *analysis(s, "Tussen de jobcoaches zijn verschillen zichtbaar. In het teamoverleg bespreken de jobcoaches "
                               "hun werkwijze, zodat werkgevers overal dezelfde begeleiding krijgen.")]
        else:
            b += [Para("3 Overig", "h1"), Para("Geen opmerkingen.")]
        b += [Para(f"Vianen, {long_date(s.report_date)}"), Para("R. Lek, coördinator jobcoaching", "small")]
        return Built(Doc(b, font="sans", font_pt=10, title="Rapportage klanttevredenheid jobcoaching",
                         footer="Jobcoaching Lekstroom – pagina {page} van {pages}"))


class Werkpad(JcStyle):
    """HTML-made annual report of an organisation working in regions: a table per region with a region total
    (two decimals), an organisation total table, and the answers in one wide table per group with a count
    and a percentage column per answer."""

    key = "werkpad"
    organisation = "Werkpad Re-integratie & Jobcoaching B.V."
    producer = "chromium"
    REGIONS = ("Regio West-Brabant", "Regio Midden-Brabant", "Regio Noordoost-Brabant")

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        parts = chunks(n, 3 if n >= 6 else 2, rng)
        b = [Para(self.organisation, "cover", bold=True),
             Para("Jaarrapportage klanttevredenheid jobcoaching", "title"),
             Para(f"UWV-erkenning sinds {slash2(s.recognition)}. Deze rapportage beslaat de meetperiode "
                  f"{slash2(s.meet_start)} t/m {slash2(s.meet_end)}.", "cover"),
             Para(f"Breda, {slash2(s.report_date)}", "cover"),
             Para("1. Weergave cijfers", "h1"),
             Para(f"Wij werken in {['twee', 'drie'][len(parts) - 2]} regio’s. Per regio staan hieronder de afgesloten jobcoachperioden met de cijfers van "
                  "werknemer en werkgever, en het regiogemiddelde.")]
        rows_total = []
        for (a, z), region in zip(parts, self.REGIONS):
            items = list(enumerate(s.periods[a:z], a + 1))
            wn = sum(p.wn for _i, p in items) / len(items)
            wg = sum(p.wg for _i, p in items) / len(items)
            rows_total.append([region, str(len(items)), nl2(wn), nl2(wg)])
            body = [[f"#{i}", p.werknemer, jc_cijfer(p.wn), p.werkgever, jc_cijfer(p.wg)] for i, p in items]
            body.append(["", f"Totaal {region}", nl2(wn), "", nl2(wg)])
            b += [Para(region, "h2"),
                  Table(header=[["Periode", "Werknemer", "Cijfer werknemer", "Werkgever", "Cijfer werkgever"]], body=body,
                        ruled=False, hrules=True, widths=[0.7, 1.5, 1, 1.5, 1], left_cols=(1, 3), bold_rows=(len(body) - 1,),
                        font_pt=9.5)]
        rows_total.append([f"{self.organisation} (behaald cijfer)", str(n), nl(s.wn_avg_printed), nl(s.wg_avg_printed)])
        b += [Para("Totaal organisatie", "h2"),
              Table(header=[["", "Perioden", "Gemiddeld cijfer werknemer", "Gemiddeld cijfer werkgever"]], body=rows_total,
                    ruled=False, hrules=True, widths=[2.6, 0.8, 1.2, 1.2], bold_rows=(len(rows_total) - 1,), font_pt=9.5,
                    head_fill="#2f5d50"),
              Para("Regiogemiddelden in twee decimalen; het behaalde cijfer van de organisatie is afgerond op één decimaal.",
                   "small"),
              Para("2. Weergave vragen", "h1")]
        for group, scale, title in (("werknemer", WN_SCALE, "Vragen aan werknemers"), ("werkgever", WG_SCALE, "Vragen aan werkgevers")):
            head = [[Span("Vraag", rows=2)] + [Span(opt, cols=2) for opt in scale], ["n", "%"] * len(scale)]
            body = [[q] + [x for opt in scale for x in (str(c[opt]), pct(c[opt], n))] for g, q, c in s.answers if g == group]
            w = 3.0 if group == "werknemer" else 2.6
            b += [Para(title, "h2"),
                  Table(header=head, body=body, ruled=True, widths=[w] + [0.45, 0.55] * len(scale), font_pt=8.5)]
        if s.analysis:
            b += [Para("3. Analyse van de resultaten", "h1"),
                  *analysis(s, "De verschillen tussen de regio’s zijn beperkt. Werkgevers waarderen vooral de bereikbaarheid; "
                               "de ontwikkeling van de werknemer krijgt volgend jaar meer aandacht in de begeleidingsplannen.")]
        else:
            b += [Para("3. Tot slot", "h1"), Para("Met dank aan alle werknemers en werkgevers die de vragenlijst invulden.")]
        return Built(Doc(b, font="sans", font_pt=10, title="Jaarrapportage klanttevredenheid jobcoaching",
                         header="Werkpad – jaarrapportage KTO jobcoaching", footer="{page} / {pages}"))


class KrommeRijn(JcStyle):
    """Word template saved as web page: one periods table with the jobcoach merged over his or her periods
    and a mean row per jobcoach, the behaald cijfer as the last row; answers as 'percentage (count)'."""

    key = "krommerijn"
    organisation = "Jobcoachcollectief Kromme Rijn"
    producer = "lo-html"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        parts = chunks(n, 2, rng)
        coaches = rng.sample(COACHES, len(parts))
        body, bold = [], []
        for (a, z), coach in zip(parts, coaches):
            items = list(enumerate(s.periods[a:z], a + 1))
            for k, (i, p) in enumerate(items):
                lead = [Span(coach, rows=len(items))] if k == 0 else []
                body.append(lead + [str(i), p.werknemer, jc_cijfer(p.wn), p.werkgever, jc_cijfer(p.wg)])
            bold.append(len(body))
            body.append([Span(f"Gemiddelde {coach}", cols=3), nl2(sum(p.wn for _i, p in items) / len(items)), "",
                         nl2(sum(p.wg for _i, p in items) / len(items))])
        bold.append(len(body))
        body.append([Span("Behaald cijfer (alle perioden)", cols=3), nl(s.wn_avg_printed), "", nl(s.wg_avg_printed)])
        b = [Para("Klanttevredenheid jobcoaching", "title"),
             Para(f"{self.organisation} – rapportage aan UWV", "cover"),
             Para(f"Erkend als jobcoachorganisatie per {long_date(s.recognition)}", "cover"),
             Para(f"Meetperiode: {long_date(s.meet_start)} t/m {long_date(s.meet_end)}", "cover"),
             Para(f"Datum rapport: {slash2(s.report_date)}", "cover"),
             Para("A. Weergave cijfers", "h1"),
             Table(header=[["Jobcoach", "Nr.", "Werknemer", "Cijfer", "Werkgever", "Cijfer"]], body=body, ruled=True,
                   widths=[1.3, 0.5, 1.4, 0.7, 1.4, 0.7], left_cols=(2, 4), bold_rows=tuple(bold), font_pt=9.5),
             Para("Tabel A. Cijfers per jobcoachperiode, met het gemiddelde per jobcoach (twee decimalen) en het behaalde cijfer "
                  "over alle perioden (één decimaal).", "small"),
             Para("B. Weergave vragen", "h1"),
             Para("Per vraag het percentage van de antwoorden, met tussen haakjes het aantal.")]
        for group, scale, title in (("werknemer", WN_SCALE, "B1. Werknemers"), ("werkgever", WG_SCALE, "B2. Werkgevers")):
            rows = [[q] + [f"{pct(c[opt], n)} ({c[opt]})" for opt in scale] for g, q, c in s.answers if g == group]
            b += [Para(title, "h2"),
                  Table(header=[["Vraag", *scale]], body=rows, ruled=True, widths=[3.2] + [1] * len(scale), font_pt=9),
                  Para(f"Aantal beoordelingen per vraag: {n}.", "small")]
        if s.analysis:
            b += [Para("C. Analyse van de resultaten", "h1"),
                  *analysis(s, "Beide jobcoaches bespreken de uitkomsten met hun werkgevers in het eerstvolgende "
                               "evaluatiegesprek.")]
        else:
            b += [Para("C. Ondertekening", "h1")]
        b += [Para(f"Houten, {slash2(s.report_date)}"), Para("T. van Dijk, directeur", "small")]
        return Built(Doc(b, font="serif", font_pt=10, title="Klanttevredenheid jobcoaching"))


SCHOLING_STYLES = [VerhoefBrandsma(), Noordkaap(), Oosterschelde(), Rijckevorsel()]
JOBCOACH_STYLES = [Lekstroom(), Werkpad(), KrommeRijn()]
DOCS_PER_SCHOLING_STYLE = 4
DOCS_PER_JC_STYLE = 4
