"""House styles of the HOLDOUT7 family: kept for a blind measurement by the lead. Whoever builds or
tunes the reader must not read this module or the documents it makes, and must not run kto-ingest on
them until that measurement (corpus/README.md).

Four more fictitious research bureaus and three more jobcoaching organisations, written in session 7
by someone who did not build the reader and did not read ``kto_ingest/`` or ``parsers/``: market
research agency house styles (management summary first, key figures in a box, colour bands, results
per perceel in their own sections, the full tables in an appendix, footnotes) and jobcoaching reports
in which the organisation filled in UWV's rapportageformat its own way. Every name is invented.

``date_forms`` and ``period_forms`` list how these styles print dates and periods, so that
``corpus.check`` can tell that every truth value is really printed.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from .model import NORM_JC, NORM_SCHOLING, WG_SCALE, WN_SCALE, JobcoachSpec, ScholingSpec, long_date, nl
from .render import Doc, Image, PageBreak, Para, Signature, Span, Table, logo_png
from .styles import Built, JcStyle, Style

# ---- dates and periods as these styles print them -------------------------------------------------
MONTHS_ABBR = ["jan.", "febr.", "mrt.", "apr.", "mei", "juni", "juli", "aug.", "sept.", "okt.", "nov.", "dec."]


def dotted(d: dt.date) -> str:
    """'14.02.2022' (day, month and year separated by full stops)."""
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def dmy(d: dt.date) -> str:
    """'3-2-2022' (no leading zeros)."""
    return f"{d.day}-{d.month}-{d.year}"


def abbr(d: dt.date) -> str:
    """'14 febr. 2022' (the abbreviations of the Dutch style guides)."""
    return f"{d.day} {MONTHS_ABBR[d.month - 1]} {d.year}"


def date_forms(d: dt.date) -> list[str]:
    return [dotted(d), dmy(d), abbr(d), long_date(d)]


def period_forms(start: dt.date, end: dt.date) -> list[str]:
    return [f"tussen {long_date(start)} en {long_date(end)}",
            f"{dotted(start)} – {dotted(end)}", f"{dotted(start)} t/m {dotted(end)}",
            f"van {dmy(start)} tot en met {dmy(end)}",
            f"{abbr(start)} t/m {abbr(end)}",
            f"{start:%d-%m-%Y} t/m {end:%d-%m-%Y}"]


# ---- texts of these bureaus -------------------------------------------------------------------------
APPROACH = {
    "trendwijzer": ("Alle klanten uit het klantbestand van de opdrachtgever met een in de doelgroepperiode beëindigde dienst "
                    "ontvingen een uitnodigingsmail met een unieke link naar de online vragenlijst (CAWI). Non-respondenten "
                    "ontvingen na zes en na twaalf dagen een reminder. Klanten zonder geldig e-mailadres zijn telefonisch "
                    "benaderd (CATI)."),
    "kernbeeld": ("De klanten zijn in twee tranches benaderd: in de eerste tranche per brief met een papieren vragenlijst en "
                  "een retourenvelop, in de tweede tranche (de klanten die na drie weken niet hadden gereageerd) telefonisch "
                  "door een van onze enquêteurs."),
    "meetlat": ("Uitnodiging: per e-mail en sms vanuit het onderzoeksplatform, met een persoonlijke link. Herinneringen: "
                "twee, na vijf en na tien werkdagen. Klanten zonder e-mailadres en zonder mobiel nummer kregen een brief "
                "met een QR-code naar de vragenlijst."),
    "vierkant": ("Benadering: schriftelijke uitnodiging met inlogcode, gevolgd door een herinneringsbrief na tien dagen. "
                 "Wie daarna nog niet had gereageerd, is maximaal drie keer gebeld (mixed mode: web en telefoon)."),
}
NO_APPROACH = ("De opdrachtgever heeft een bestand aangeleverd met de klanten van wie in de doelgroepperiode een dienst is "
               "beëindigd. Het bestand is gecontroleerd op dubbele records en ontbrekende gegevens.")
ASIDES = [
    "Het rapportcijfer is gevraagd met de vraag ‘Welk rapportcijfer geeft u de scholing als geheel?’ (1 = zeer slecht, "
    "10 = uitstekend).",
    "Percentages zijn afgerond op één decimaal; door afronding tellen ze niet altijd op tot 100.",
    "Bij minder dan dertig waarnemingen zijn de uitkomsten indicatief: één klant meer of minder kan het gemiddelde "
    "merkbaar verschuiven.",
    "Het onderzoek is uitgevoerd volgens de gedragscode van de brancheorganisatie voor markt- en beleidsonderzoek.",
    "Er is niet gewogen naar achtergrondkenmerken.",
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


def band(text: str, colour: str, font_pt: float = 12) -> Table:
    """A colour band as a heading: one filled cell across the page (as agency templates set them)."""
    return Table(header=[[text]], body=[], ruled=False, head_fill=colour, font_pt=font_pt, widths=[1])


def fieldwork(s: ScholingSpec) -> tuple[dt.date, dt.date]:
    """Fieldwork dates (not a truth field): the weeks before the report."""
    end = s.report_date - dt.timedelta(days=6)
    return end - dt.timedelta(days=24), end


# ---- bureau 1 (Chromium): agency house style: management summary first with a key-figures box, colour
# bands, one small section per perceel/cluster, the full table in an appendix ----------------------------
class Trendwijzer(Style):
    key = "trendwijzer"
    organisation = "Trendwijzer Marktonderzoek B.V."
    aliases = ("Trendwijzer Marktonderzoek", "Trendwijzer")
    producer = "chromium"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT – {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Totaal UWV-klanten"
        t = s.total()
        fw0, fw1 = fieldwork(s)
        colour = "#1f5c8a"
        low = [r for r in s.rows if r.cijfer is not None and r.cijfer < NORM_SCHOLING]
        status = "Definitief rapport" if s.final else "CONCEPT – niet verspreiden"
        b = [Image(logo_png("trendwijzer", (0.12, 0.36, 0.54), width=260), 4.6, 1.0),
             Para("Klanttevredenheid scholing 2021", "title"),
             Para(f"Rapport voor {s.supplier}", "cover"),
             Para(f"Projectnummer TW{rng.randint(2100, 2199)} · {status} · {dotted(s.report_date)}", "cover"),
             PageBreak(),
             band("Managementsamenvatting", colour, 14),
             Para("Kerncijfers", "h2"),
             Table(header=[[str(t.benaderd), str(t.ingevuld), f"{nl(t.respons)}%", score(t)]],
                   body=[["klanten benaderd", "vragenlijsten ingevuld", "respons", "gemiddeld rapportcijfer"]],
                   ruled=False, head_fill=colour, widths=[1, 1, 1, 1], font_pt=11, left_cols=(1, 2, 3)),
             Para(f"Voor dit onderzoek zijn {t.benaderd} klanten benaderd; {t.ingevuld} van hen vulden de vragenlijst "
                  f"volledig in. Gemiddeld geven de klanten de scholing een {score(t)}."),
             Para("Alle onderdelen met een rapportcijfer halen de UWV-norm van gemiddeld 8 of hoger." if not low else
                  "Niet alle onderdelen halen de UWV-norm van gemiddeld 8: " + "; ".join(r.service for r in low) + "."),
             band("1  Opzet van het onderzoek", colour),
             Para(f"Doelgroep: klanten van wie de scholingsdienst is beëindigd tussen {long_date(s.meet_start)} en "
                  f"{long_date(s.meet_end)}.", notes=("Beëindigd: afgerond, of voortijdig gestopt.",)),
             Para(f"Veldwerk: {abbr(fw0)} t/m {abbr(fw1)}."),
             Para(method(s, "trendwijzer")),
             *asides(rng, 2),
             band("2  Resultaten per onderdeel", colour),
             Para("Per perceel, en bij de functiegerichte vaardigheidstrainingen (FVT) per cluster, de respons en het "
                  "gemiddelde rapportcijfer. De volledige tabel staat in bijlage B.")]
        for r in s.rows:
            b += [Para(r.service, "h2"),
                  Table(header=[["", "aantal", "%"]],
                        body=[["Netto steekproef (benaderd)", str(r.benaderd), "100%"],
                              ["Vragenlijst ingevuld", str(r.ingevuld), f"{nl(r.respons)}%"]],
                        ruled=False, hrules=True, widths=[2.6, 0.8, 0.8], font_pt=9.5),
                  Para(f"Gemiddeld rapportcijfer: {score(r)}" + (" (geen ingevulde vragenlijsten)" if r.cijfer is None else "")
                       + ".")]
        b += [band("3  Conclusie", colour),
              Para("De klanten zijn over het algemeen tevreden over de scholing. Wij adviseren de opdrachtgever de "
                   "uitkomsten per onderdeel met de trainers te bespreken."),
              *sign(s, [f"Namens {self.organisation}", "R. Trendman MSc, senior onderzoeker"],
                    f"Dit rapport is elektronisch ondertekend door {self.organisation}."),
              PageBreak(),
              band("Bijlage A  Onderzoeksverantwoording", colour),
              Table(header=[], body=[["Opdrachtgever", s.supplier], ["Uitvoering", self.organisation],
                                     ["Methode", "online (CAWI) en telefonisch (CATI)"],
                                     ["Veldwerk", f"{abbr(fw0)} t/m {abbr(fw1)}"]],
                    ruled=False, hrules=True, widths=[1.2, 3], font_pt=9.5, left_cols=(1,)),
              band("Bijlage B  Tabellen", colour)]
        body = [[r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), f"{nl(r.respons)}%", score(r, "–")]
                for r in s.rows]
        body.append([t.service, str(t.beeindigd), str(t.benaderd), str(t.ingevuld), f"{nl(t.respons)}%", score(t, "–")])
        b += [Table(header=[["Onderdeel", "Beëindigd", "Netto steekproef", "Ingevuld", "Respons", "Gem. rapportcijfer"]],
                    body=body, ruled=False, hrules=True, zebra="#e3edf5", widths=[2.6, 0.9, 1, 0.9, 0.9, 1.1],
                    bold_rows=(len(body) - 1,), font_pt=9, caption="Tabel B.1 Respons en rapportcijfer per onderdeel"),
              Para("– = geen ingevulde vragenlijsten, dus geen gemiddelde.", "small")]
        doc = Doc(b, font="sans", font_pt=10, title="Klanttevredenheid scholing 2021",
                  header=f"{self.organisation} | {s.supplier}", footer="{page}")
        return Built(doc, approached_printed=True, total_printed=True, beeindigd_printed=True)


# ---- bureau 2 (LibreOffice .fodt): Word report with the colofon on page 2, 'Gecontracteerde partij',
# bruto/netto steekproef and abs./% under grouped headings, footnotes, an index of the findings ---------
class Kernbeeld(Style):
    key = "kernbeeld"
    organisation = "Kernbeeld Beleids- en Marktonderzoek"
    aliases = ("Kernbeeld",)
    producer = "lo-fodt"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Vaardigheidstrainingen, cluster {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Alle deelnemers"
        t = s.total()
        fw0, fw1 = fieldwork(s)
        b = [Para("KERNBEELD", "cover", bold=True),
             Para("Hoe tevreden zijn de deelnemers?", "title"),
             Para("Klanttevredenheidsonderzoek onder UWV-klanten die in 2021 een scholingsdienst volgden", "cover"),
             Para(f"Gecontracteerde partij: {s.supplier}", "cover"),
             Para(("Eindrapport" if s.final else "Conceptrapport (versie 0.9)") + f", {abbr(s.report_date)}", "cover"),
             PageBreak(),
             Para("Colofon", "h2"),
             Table(header=[], body=[["Titel", "Hoe tevreden zijn de deelnemers?"], ["Gecontracteerde partij", s.supplier],
                                    ["Onderzoeksperiode", f"{abbr(s.meet_start)} t/m {abbr(s.meet_end)}"],
                                    ["Veldwerk", f"{abbr(fw0)} t/m {abbr(fw1)}"],
                                    ["Uitgave", f"{self.organisation}, Zwolle"],
                                    ["Projectleider", "drs. L. Kernkamp"]],
                   ruled=False, widths=[1.3, 3], font_pt=9, left_cols=(1,)),
             Para("Niets uit deze uitgave mag worden verveelvoudigd zonder toestemming van de opdrachtgever.", "small"),
             PageBreak(),
             Para("Samenvatting", "h1")]
        low = [r for r in s.rows if r.cijfer is not None and r.cijfer < NORM_SCHOLING]
        b += [Para(f"• Respons: {t.ingevuld} van de {t.benaderd} benaderde deelnemers vulden de vragenlijst in "
                   f"({nl(t.respons)}%)."),
              Para(f"• Waardering: de deelnemers geven de scholing gemiddeld een {score(t)}."),
              Para("• Norm: " + ("alle onderdelen met een rapportcijfer halen de 8." if not low else
                                 f"{len(low)} van de {len(s.rows)} onderdelen halen de 8 niet.")),
              Para("1 Onderzoeksopzet", "h1"),
              Para(method(s, "kernbeeld"), notes=("Netto steekproef: de deelnemers die daadwerkelijk zijn benaderd.",)),
              *asides(rng, 2),
              Para("2 Respons en waardering", "h1"),
              Para("Tabel 2.1 geeft per perceel en per cluster de bruto en netto steekproef, de respons in absolute aantallen "
                   "en als percentage van de netto steekproef, en het gemiddelde rapportcijfer.")]
        body = [[r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), nl(r.respons), score(r, "–")] for r in s.rows]
        body.append([t.service, str(t.beeindigd), str(t.benaderd), str(t.ingevuld), nl(t.respons), score(t, "–")])
        b += [Table(header=[[Span("Perceel / cluster", rows=2), Span("Steekproef", cols=2), Span("Respons", cols=2),
                             Span("Rapport-\ncijfer", rows=2)],
                            ["bruto", "netto", "abs.", "%"]],
                    body=body, ruled=True, widths=[2.8, 0.7, 0.7, 0.7, 0.7, 0.8], bold_rows=(len(body) - 1,), font_pt=9,
                    head_fill="#7a2e52", caption="Tabel 2.1 Respons en gemiddeld rapportcijfer, 2021"),
              Para("Bruto steekproef: het aantal beëindigde diensten volgens de gecontracteerde partij. "
                   "– : geen waarneming.", "small")]
        for r in s.rows:
            if r.cijfer is None:
                b.append(Para(f"{r.service}: geen van de {r.benaderd} benaderde deelnemers vulde de vragenlijst in."))
        b += [Para("3 Tot slot", "h1"),
              Para("Wij bevelen aan de meting volgend jaar op dezelfde wijze te herhalen, zodat de uitkomsten vergelijkbaar "
                   "zijn.")]
        if s.signature == "visual":
            b += [Para("Vastgesteld namens het bureau:"), Signature(["drs. L. Kernkamp", self.organisation])]
        elif s.signature == "digital":
            b.append(Para("Dit document is voorzien van een gekwalificeerde elektronische handtekening van het bureau.", "small"))
        doc = Doc(b, font="serif", font_pt=10.5, title="Hoe tevreden zijn de deelnemers?",
                  footer=f"Kernbeeld | {abbr(s.report_date)} | {{page}}")
        return Built(doc, total_printed=True, beeindigd_printed=True)


# ---- bureau 3 (LibreOffice HTML import): a survey platform's generated report: a filter box, 'Gegenereerd
# op' as the report date, one block per perceel with a 'Basis' line, an overall table at the end ----------
class Meetlat(Style):
    key = "meetlat"
    organisation = "Meetlat Research"
    aliases = ("Meetlat",)
    producer = "lo-html"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT {cluster.lower()}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Alle onderdelen"
        t = s.total()
        b = [Para(f"{self.organisation} · Onderzoeksportaal", "small"),
             Para("Resultatenrapport KTO Scholing 2021", "title"),
             Table(header=[], body=[["Organisatie", s.supplier],
                                    ["Filter", f"Einddatum dienst: {s.meet_start:%d-%m-%Y} t/m {s.meet_end:%d-%m-%Y}"],
                                    ["Status rapport", "definitief" if s.final else "concept"],
                                    ["Gegenereerd op", f"{dotted(s.report_date)} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"]],
                   ruled=True, widths=[1, 3.4], font_pt=9, left_cols=(1,)),
             Para("Werkwijze", "h1"),
             Para(method(s, "meetlat")),
             *asides(rng, 1),
             Para("Resultaten per perceel", "h1")]
        for r in s.rows:
            b += [Para(r.service, "h2"),
                  Table(header=[["Uitgenodigd", "Compleet", "Respons", "Gemiddeld cijfer"]],
                        body=[[str(r.benaderd), str(r.ingevuld), f"{nl(r.respons)}%", score(r)]],
                        ruled=False, hrules=True, widths=[1, 1, 1, 1], font_pt=9, left_cols=(1, 2, 3), head_widths=True),
                  Para(f"Basis: alle uitgenodigde klanten (n = {r.benaderd}).", "small")]
        body = [[r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), f"{nl(r.respons)}%", score(r)] for r in s.rows]
        body.append([t.service, str(t.beeindigd), str(t.benaderd), str(t.ingevuld), f"{nl(t.respons)}%", score(t)])
        b += [Para("Overzicht", "h1"),
              Table(header=[["Onderdeel", "Beëindigd", "Uitgenodigd", "Compleet", "Respons", "Gemiddeld cijfer"]], body=body,
                    ruled=True, widths=[2.4, 0.9, 0.9, 0.9, 0.8, 0.9], bold_rows=(len(body) - 1,), font_pt=8.5,
                    head_fill="#2f6f4f", head_widths=True),
              Para("Uitgenodigd = netto steekproef. Compleet = volledig ingevulde vragenlijsten. n.v.t. = geen respons.",
                   "small")]
        if s.signature == "visual":
            b += [Para("Voor akkoord, namens Meetlat Research:", "small"), Signature(["J. Meetsma, projectleider"])]
        elif s.signature == "digital":
            b.append(Para("Dit rapport is digitaal ondertekend door Meetlat Research.", "small"))
        b.append(Para(f"© {s.report_date.year} {self.organisation} – gegenereerd met het Meetlat-onderzoeksportaal", "small"))
        return Built(Doc(b, font="sans", font_pt=9.5, title="Resultatenrapport KTO Scholing 2021"),
                     total_printed=True, beeindigd_printed=True)


# ---- bureau 4 (reportlab): a reporting script's output: two tables (sample and response; appreciation
# with a 95% confidence interval and two decimals), numbered findings, a sign-off box -------------------
class Vierkant(Style):
    key = "vierkant"
    organisation = "Vierkant Statistisch Onderzoek"
    aliases = ("Vierkant Statistiek", "Vierkant")
    producer = "reportlab"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Functiegerichte vaardigheidstr. / {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Totaal"
        t = s.total()
        rows = s.rows + [t]

        def ci(r) -> str:
            if r.cijfer is None or r.ingevuld < 2:
                return ""
            half = 1.96 * rng.uniform(0.9, 1.3) / math.sqrt(r.ingevuld)
            return f"[{nl(r.cijfer - half)}; {nl(r.cijfer + half)}]"

        def two(r) -> str:
            return "–" if r.cijfer is None else f"{r.cijfer:.2f}".replace(".", ",")

        a = [[r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), nl(r.respons)] for r in rows]
        w = [[r.service, str(r.ingevuld), two(r), ci(r)] for r in rows]
        b = [Para(self.organisation, "small"),
             Para("KTO scholingsdiensten UWV", "title"),
             Para(f"Scholingsaanbieder: {s.supplier}", "cover"),
             Para(f"Populatie: diensten beëindigd {dotted(s.meet_start)} t/m {dotted(s.meet_end)}", "cover"),
             Para(f"Rapportdatum: {dotted(s.report_date)}", "cover"),
             Para(f"Versie: {'1.0 (definitief)' if s.final else '0.3 (concept)'}", "cover"),
             Para("1. Bevindingen", "h1"),
             Para(f"1.1 Over alle onderdelen is het gemiddelde rapportcijfer {two(t)} (n = {t.ingevuld})."),
             Para(f"1.2 De respons over alle onderdelen is {nl(t.respons)} procent."),
             Para("2. Methode", "h1"),
             Para(method(s, "vierkant")),
             *asides(rng, 2),
             Para("3. Tabellen", "h1"),
             Table(header=[["Onderdeel", "Beëindigd", "Netto steekproef", "Respons (n)", "Respons (%)"]], body=a,
                   ruled=False, hrules=True, widths=[2.8, 0.8, 0.9, 0.8, 0.8], bold_rows=(len(a) - 1,), font_pt=9,
                   caption="Tabel 3.1 Steekproef en respons"),
             Table(header=[["Onderdeel", "n", "Gemiddeld rapportcijfer", "Betrouwbaarheids-\ninterval (95%)"]], body=w,
                   ruled=False, hrules=True, widths=[2.8, 0.5, 1.1, 1.4], bold_rows=(len(w) - 1,), font_pt=9,
                   caption="Tabel 3.2 Waardering (rapportcijfer 1-10)"),
             Para("n = aantal ingevulde vragenlijsten; – = geen waarnemingen. Het interval is alleen een indicatie van de "
                  "onzekerheid door toeval.", "small")]
        if s.signature != "none":
            sig = ([Signature(["dr. E. Vierhout", "methodoloog"])] if s.signature == "visual" else
                   [Para("Digitaal ondertekend (PAdES) door Vierkant Statistisch Onderzoek.", "small")])
            b += [Para("Vastgesteld", "h2"), *sig]
        return Built(Doc(b, font="sans", font_pt=9.5, title="KTO scholingsdiensten UWV",
                         footer="Vierkant Statistisch Onderzoek – p. {page}/{pages}"),
                     total_printed=True, beeindigd_printed=True)


# ---- jobcoaching --------------------------------------------------------------------------------------
def typed(x: float) -> str:
    """A score as someone types it into a Word table: '7' for a whole number, '7,5' otherwise."""
    return str(int(x)) if x == int(x) else nl(x)


def analysis(s: JobcoachSpec) -> list[Para]:
    ok = s.wn_avg_printed >= NORM_JC and s.wg_avg_printed >= NORM_JC
    return [Para("Beide gemiddelden liggen boven de ondergrens van 6,5 die UWV stelt." if ok else
                 "Niet beide gemiddelden liggen boven de ondergrens van 6,5 die UWV stelt."),
            Para("Conclusie en acties: de jobcoaches plannen voortaan bij de start van elke periode vaste "
                 "evaluatiemomenten met de werkgever, en de bereikbaarheid tijdens vakanties wordt geregeld met een "
                 "vaste vervanger.")]


class Zeelicht(JcStyle):
    """UWV's format filled in by hand in Word: the facts in a form table with a merged title row, the
    periods table with a merged title row and the averages typed in its last row, whole scores without
    decimals, answer counts in a table with merged headers."""

    key = "zeelicht"
    organisation = "Jobcoaching Zeelicht"
    producer = "lo-fodt"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        body = [[f"{i}e", p.werknemer, typed(p.wn), p.werkgever, typed(p.wg)] for i, p in enumerate(s.periods, 1)]
        body.append(["Gem.", "behaald cijfer werknemers", nl(s.wn_avg_printed), "behaald cijfer werkgevers",
                     nl(s.wg_avg_printed)])
        b = [Para("Rapportageformat klanttevredenheid jobcoaching", "title"),
             Table(header=[[Span("Gegevens jobcoachorganisatie", cols=2)]],
                   body=[["Naam organisatie", self.organisation],
                         ["Datum erkenning UWV", dmy(s.recognition)],
                         ["Meetperiode", f"van {dmy(s.meet_start)} tot en met {dmy(s.meet_end)}"],
                         ["Datum van invullen", dmy(s.report_date)],
                         ["Ingevuld door", "M. Zeegers, teamleider"]],
                   ruled=True, widths=[1.4, 3], font_pt=10, left_cols=(1,)),
             Para("Weergave cijfers", "h1"),
             Table(header=[[Span("Cijfers per jobcoachperiode (schaal 1-10)", cols=5)],
                           ["Periode", "Werknemer", "Cijfer", "Werkgever", "Cijfer"]],
                   body=body, ruled=True, widths=[0.6, 1.7, 0.6, 1.7, 0.6], left_cols=(1, 3), bold_rows=(n,), font_pt=9.5),
             Para("Weergave vragen", "h1")]
        for group, scale, title in (("werknemer", WN_SCALE, "Beoordeling door de werknemer"),
                                    ("werkgever", WG_SCALE, "Beoordeling door de werkgever")):
            rows = [[q, *[str(c[o]) for o in scale]] for g, q, c in s.answers if g == group]
            b += [Para(title, "h2"),
                  Table(header=[[Span("Vraag", rows=2), Span("Aantal keer gegeven", cols=len(scale))], list(scale)],
                        body=rows, ruled=True, widths=[3.2] + [0.75] * len(scale), font_pt=8.5)]
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h1"),
                  Para(f"Werknemers waarderen onze begeleiding in deze meetperiode met gemiddeld {nl(s.wn_avg_printed)}, "
                       f"werkgevers met gemiddeld {nl(s.wg_avg_printed)} ({n} afgesloten jobcoachperioden)."),
                  *analysis(s)]
        else:
            b += [Para("Toelichting", "h1"), Para("Voor vragen over dit format kunt u contact opnemen met M. Zeegers.")]
        return Built(Doc(b, font="sans", font_pt=10, title="Rapportageformat klanttevredenheid jobcoaching",
                         footer="Zeelicht – format UWV (eigen opmaak) – blad {page}"))


class Dwarsstap(JcStyle):
    """An HTML report tool: a key-figures box with the two averages first, the facts in a line under the
    title, the periods with the employer's score first, answers as 'n (x%)' per option in one cell."""

    key = "dwarsstap"
    organisation = "Dwarsstap Jobcoaching & Re-integratie"
    producer = "chromium"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        colour = "#b5651d"
        body = [[str(i), p.werkgever, nl(p.wg), p.werknemer, nl(p.wn)] for i, p in enumerate(s.periods, 1)]
        b = [Para(self.organisation, "small", bold=True),
             Para("Jaarrapportage klanttevredenheid jobcoaching", "title"),
             Para(f"Erkenning UWV: {dotted(s.recognition)} | Meetperiode: {dotted(s.meet_start)} – {dotted(s.meet_end)} | "
                  f"Rapport opgemaakt: {dotted(s.report_date)}", "small"),
             Table(header=[[nl(s.wn_avg_printed), nl(s.wg_avg_printed), str(n)]],
                   body=[["gemiddeld cijfer werknemers", "gemiddeld cijfer werkgevers", "afgesloten jobcoachperioden"]],
                   ruled=False, head_fill=colour, widths=[1, 1, 1], font_pt=12, left_cols=(1, 2)),
             band("Cijfers per jobcoachperiode", colour),
             Table(header=[["#", "Werkgever", "Cijfer werkgever", "Werknemer", "Cijfer werknemer"]], body=body,
                   ruled=False, hrules=True, zebra="#f6eadf", widths=[0.4, 1.4, 1, 1.4, 1], left_cols=(1, 3), font_pt=9.5),
             band("Antwoorden per vraag", colour)]
        for group, scale, title in (("werkgever", WG_SCALE, "Werkgevers"), ("werknemer", WN_SCALE, "Werknemers")):
            rows = []
            for g, q, c in s.answers:
                if g != group:
                    continue
                parts = [f"{o}: {c[o]} ({int(100 * c[o] / n + 0.5)}%)" for o in reversed(scale)]
                rows.append([q, "\n".join(parts)])
            b += [Para(f"{title} (n = {n})", "h2"),
                  Table(header=[["Vraag", "Antwoorden (aantal en percentage)"]], body=rows, ruled=False, hrules=True,
                        widths=[3, 1.8], font_pt=8.5, left_cols=(1,))]
        if s.analysis:
            b += [band("Analyse van de resultaten", colour), *analysis(s)]
        else:
            b += [band("Colofon", colour), Para(f"Dit rapport is samengesteld door {self.organisation}.")]
        return Built(Doc(b, font="sans", font_pt=10, title="Jaarrapportage klanttevredenheid jobcoaching",
                         footer="Dwarsstap · pagina {page} van {pages}"))


class OpKoers(JcStyle):
    """A reporting script's output: the periods in two side-by-side blocks to save space, the averages in a
    sentence and a norm table, each answer told as a sentence with 'geen' for zero."""

    key = "opkoers"
    organisation = "Stichting Jobcoach Op Koers"
    producer = "reportlab"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        half = (n + 1) // 2
        left = [[str(i), p.werknemer.replace("Werknemer ", ""), nl(p.wn), p.werkgever.replace("Werkgever ", ""), nl(p.wg)]
                for i, p in enumerate(s.periods[:half], 1)]
        right = [[str(i), p.werknemer.replace("Werknemer ", ""), nl(p.wn), p.werkgever.replace("Werkgever ", ""), nl(p.wg)]
                 for i, p in enumerate(s.periods[half:], half + 1)]
        right += [[""] * 5] * (len(left) - len(right))
        head = ["Per.", "Wn", "Cijfer wn", "Wg", "Cijfer wg"]
        body = [lrow + rrow for lrow, rrow in zip(left, right)]
        b = [Para(self.organisation, "small"),
             Para("Klanttevredenheid jobcoaching", "title"),
             Para(f"Datum erkenning: {abbr(s.recognition)}", "cover"),
             Para(f"Meetperiode: {abbr(s.meet_start)} t/m {abbr(s.meet_end)}", "cover"),
             Para(f"Datum rapport: {abbr(s.report_date)}", "cover"),
             Para("1 Cijfers per jobcoachperiode", "h1"),
             Para(f"De tabel loopt in twee blokken: perioden 1 tot en met {half} links, de overige rechts. Wn = werknemer "
                  "(letter), Wg = werkgever (nummer)."),
             Table(header=[head + head], body=body, ruled=False, hrules=True, widths=[0.5, 0.5, 0.8, 0.5, 0.8] * 2,
                   font_pt=9, first_col_left=False),
             Para(f"Gemiddeld behaald cijfer over {n} perioden: werknemers {nl(s.wn_avg_printed)}, "
                  f"werkgevers {nl(s.wg_avg_printed)}."),
             Table(header=[["", "Behaald", "Ondergrens UWV", "Voldaan"]],
                   body=[["Werknemers", nl(s.wn_avg_printed), "6,5", "ja" if s.wn_avg_printed >= NORM_JC else "nee"],
                         ["Werkgevers", nl(s.wg_avg_printed), "6,5", "ja" if s.wg_avg_printed >= NORM_JC else "nee"]],
                   ruled=True, widths=[1.4, 0.8, 1, 0.8], font_pt=9),
             Para("2 Antwoorden op de beoordelingsformulieren", "h1")]
        for group, scale, title, who in (("werknemer", WN_SCALE, "2.1 Werknemers", "werknemers"),
                                         ("werkgever", WG_SCALE, "2.2 Werkgevers", "werkgevers")):
            b.append(Para(title, "h2"))
            for k, (g, q, c) in enumerate([a for a in s.answers if a[0] == group], 1):
                told = [f"{'geen' if c[o] == 0 else c[o]} ‘{o}’" for o in reversed(scale)]
                b.append(Para(f"{k}. {q}", bold=True))
                b.append(Para(f"Van de {n} {who} antwoordden er " + ", ".join(told[:-1]) + f" en {told[-1]}."))
        if s.analysis:
            b += [Para("3 Analyse van de resultaten", "h1"), *analysis(s)]
        else:
            b += [Para("3 Verantwoording", "h1"),
                  Para("De cijfers zijn overgenomen uit de beoordelingsformulieren van UWV.")]
        return Built(Doc(b, font="serif", font_pt=10, title="Klanttevredenheid jobcoaching",
                         footer="Op Koers – {page}"))


SCHOLING_STYLES = [Trendwijzer(), Kernbeeld(), Meetlat(), Vierkant()]
JOBCOACH_STYLES = [Zeelicht(), Dwarsstap(), OpKoers()]
DOCS_PER_SCHOLING_STYLE = 4
DOCS_PER_JC_STYLE = 4
