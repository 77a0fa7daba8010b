"""House styles of the HOLDOUT2 family, written by someone who did not build the reader: four more
fictitious research bureaus and two more jobcoaching organisations, with wordings, covers, page
headers/footers and table arrangements that neither the dev nor the holdout family has. It is scored
once (corpus/README.md); whoever tunes the reader afterwards should make new styles before claiming
a new number.

``date_forms`` and ``period_forms`` list how these styles print dates and periods, so that
``corpus.check`` can tell that every truth value is really printed.
"""

from __future__ import annotations

import datetime as dt
import random

from .model import WG_Q, WG_SCALE, WN_SCALE, JobcoachSpec, ScholingSpec, long_date, nl, respons_printed
from .render import Doc, Image, Landscape, PageBreak, Para, Signature, Span, Table, logo_png
from .styles import (APPROACH, NO_APPROACH, Built, JcStyle, Style, analysis_paras, filler, jc_num, questions_block)

ABBR = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]
QUARTER_START = {1: 1, 4: 2, 7: 3, 10: 4}


def abbr_date(d: dt.date) -> str:
    """1 jan. 2021"""
    return f"{d.day} {ABBR[d.month - 1]} {d.year}"


def slash_date(d: dt.date) -> str:
    """01/01/2021"""
    return f"{d:%d/%m/%Y}"


def quarters(start: dt.date, end: dt.date) -> str | None:
    """'Q1 t/m Q4 2021' or 'Q3 2020 t/m Q2 2021' when the period is whole quarters, else None."""
    after = end + dt.timedelta(days=1)
    if start.day != 1 or start.month not in QUARTER_START or after.day != 1 or after.month not in QUARTER_START:
        return None
    q_end = QUARTER_START[after.month] - 1 or 4
    y_end = end.year
    if start.year == y_end:
        return f"Q{QUARTER_START[start.month]} t/m Q{q_end} {y_end}"
    return f"Q{QUARTER_START[start.month]} {start.year} t/m Q{q_end} {y_end}"


def date_forms(d: dt.date) -> list[str]:
    return [abbr_date(d), slash_date(d), d.isoformat()]


def period_forms(start: dt.date, end: dt.date) -> list[str]:
    out = [f"{abbr_date(start)} – {abbr_date(end)}", f"{abbr_date(start)} t/m {abbr_date(end)}",
           f"tussen {long_date(start)} en {long_date(end)}", f"{start.isoformat()} t/m {end.isoformat()}",
           f"{slash_date(start)} – {slash_date(end)}"]
    if quarters(start, end):
        out.append(quarters(start, end))
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        out.append(f"Meetjaar: {start.year}")
    return out


def cijfer(r, blank: str = "n.v.t.") -> str:
    return blank if r.cijfer is None else nl(r.cijfer)


def spread(rng: random.Random, r) -> str:
    """A standard deviation of the scores (not a truth field; printed as a real bureau would)."""
    if r.cijfer is None or r.ingevuld < 2:
        return "–"
    return nl(rng.uniform(0.5, 1.5))


def median(r) -> str:
    if r.cijfer is None:
        return "–"
    m = round(r.cijfer * 2) / 2
    return nl(m, 1) if m != int(m) else str(int(m))


def share_8plus(rng: random.Random, r) -> str:
    if r.cijfer is None:
        return "–"
    return f"{round(min(98, max(40, (r.cijfer - 6.6) * 38 + rng.uniform(-6, 6))))}%"


# ---- bureau 1: Klaverveld Onderzoek & Advies B.V. (Chromium) -------------------------------------
class Klaverveld(Style):
    """Chromium; logo picture and a two-column cover ("Klant:", "Veldwerkperiode:" with abbreviated
    months, "Rapportdatum:", "Status: eindversie"); a table with a filled header in two rows
    ("Respons" over "aantal" and "%", "Rapportcijfer" over "gemiddeld" and "st.dev."), zebra rows,
    a Totaal row; the bureau only in the running footer (with "pagina n van m") and the colofon."""

    key = "klaverveld"
    organisation = "Klaverveld Onderzoek & Advies B.V."
    aliases = ("Klaverveld Onderzoek & Advies", "Klaverveld")
    producer = "chromium"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Functiegerichte vaardigheidstrainingen – {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        status = "eindversie" if s.final else "concept"
        b = [Image(logo_png("KOA", (0.12, 0.42, 0.30)), 3.2, 1.2),
             Para("Klanttevredenheid scholingsdiensten 2021", "title"),
             Para("Rapportage voor UWV over de beëindigde scholingsdiensten", "cover"),
             Table(header=[], body=[["Klant:", s.supplier],
                                    ["Veldwerkperiode:", f"{abbr_date(s.meet_start)} – {abbr_date(s.meet_end)}"],
                                    ["Rapportdatum:", abbr_date(s.report_date)],
                                    ["Status:", status]],
                   ruled=False, widths=[1, 2.4], font_pt=11, first_col_left=True),
             PageBreak(),
             Para("1 Samenvatting", "h1"),
             Para(f"In dit rapport staat hoe tevreden klanten zijn over de scholingsdiensten van {s.supplier}. Per perceel en, "
                  "voor de functiegerichte vaardigheidstrainingen, per cluster is een gemiddeld rapportcijfer berekend."),
             Para("2 Onderzoeksverantwoording", "h1"),
             Para(APPROACH.format(who="het onderzoeksbureau") if s.method_account else NO_APPROACH)]
        b += filler(rng, 2)
        t = s.total()
        rows = s.rows + [t]
        body = [[r.service, str(r.benaderd), str(r.ingevuld), nl(r.respons) + "%", cijfer(r), spread(rng, r)] for r in rows]
        b.append(Table(header=[[Span("Perceel / cluster", rows=2), Span("Uitgenodigd", rows=2), Span("Respons", cols=2),
                                Span("Rapportcijfer", cols=2)],
                               ["aantal", "%", "gemiddeld", "st.dev."]],
                       body=body, ruled=False, zebra="#e6efe9", head_fill="#1f6b4d", widths=[3.3, 1.1, 0.9, 0.9, 1.1, 0.9],
                       caption="Tabel 2.1 Respons en waardering per perceel en cluster", bold_rows=(len(body) - 1,)))
        b.append(Para("Het rapportcijfer is het gemiddelde van de cijfers die de respondenten gaven (schaal 1 tot 10).", "small"))
        b += questions_block("3 Resultaten per vraag")
        b += self.signature(s)
        b += [PageBreak(), Para("Colofon", "h2"), Para(self.organisation, "small"),
              Para("Stationsplein 12, 3811 AA Amersfoort (fictief adres)", "small"),
              Para(f"Projectnummer {rng.randint(21, 22)}-{rng.randint(100, 999):04d}", "small"),
              Para("Dit rapport is een testdocument; alle namen en cijfers zijn verzonnen.", "small")]
        doc = Doc(b, font="sans", title="Klanttevredenheid scholingsdiensten 2021",
                  footer=f"{self.organisation} | KTO scholingsdiensten 2021 | pagina {{page}} van {{pages}}")
        return Built(doc, total_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Ondertekening", "h2"), Signature([f"Namens {self.organisation},", "drs. E. Hoekstra, directeur"])]
        if s.signature == "digital":
            return [Para("Ondertekening", "h2"), Para("Dit rapport is digitaal ondertekend door de directie van het bureau.")]
        return []


# ---- bureau 2: Stichting Peiling & Praktijk (LibreOffice .fodt) ----------------------------------
class PeilingPraktijk(Style):
    """LibreOffice .fodt; running header with the supplier, footer "pagina n van m"; "Aanbieder:",
    "Rapport opgesteld door", the meetperiode as "Gegevens verzameld tussen ... en ..." in the method
    chapter, report date dd/mm/yyyy, no marking when final; perceel labels with codes ("P2 – Techniek",
    legend in the text); the table split by hand into two tables, the second "(vervolg)" on the next
    page; score column before the counts; footnote marker "8,1*"; only horizontal rules."""

    key = "peilingpraktijk"
    organisation = "Stichting Peiling & Praktijk"
    producer = "lo-fodt"
    CODES = {"Opleidingen": "P1", "Leerbanen": "P3", "Ervaringscertificaten": "P4"}

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"P2 – {cluster}" if cluster else f"{self.CODES[perceel]} – {perceel}"

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        if s.final:
            s.final = None  # this bureau marks only a concept (the truth follows the spec)
        b = [Para("Tevredenheidsmeting scholingsdiensten UWV", "title"),
             Para(f"Aanbieder: {s.supplier}", "cover"),
             *([Para("CONCEPT – niet verspreiden", "cover", bold=True)] if s.final is False else []),
             Para(f"Datum uitgifte: {slash_date(s.report_date)}", "cover"),
             Para(f"Rapport opgesteld door {self.organisation}", "cover"),
             PageBreak(),
             Para("1 Inleiding", "h1"),
             Para("UWV vraagt scholingsbedrijven elk jaar de tevredenheid van hun klanten te laten meten. Dit rapport doet daarvan "
                  "verslag, per perceel en per cluster van de functiegerichte vaardigheidstrainingen."),
             Para("Percelen: P1 Opleidingen, P2 Functiegerichte vaardigheidstrainingen (per cluster), P3 Leerbanen, "
                  "P4 Ervaringscertificaten."),
             Para("2 Methode", "h1"),
             Para(f"Gegevens verzameld tussen {long_date(s.meet_start)} en {long_date(s.meet_end)}. "
                  "Elke maand leverde de aanbieder de klanten aan van wie in de maand daarvoor een scholingsdienst was beëindigd."),
             Para(APPROACH.format(who="de stichting") if s.method_account else NO_APPROACH)]
        b += filler(rng, 1)
        star = any(r.cijfer is not None and r.ingevuld < 10 for r in s.rows)

        def line(r):
            c = cijfer(r, "-")
            if r.cijfer is not None and r.ingevuld < 10 and r.service != "Totaal":
                c += "*"
            return [r.service, c, str(r.benaderd), str(r.ingevuld), nl(r.respons) + " %"]

        rows = s.rows + [s.total()]
        cut = (len(s.rows) + 1) // 2
        head = [["Perceel", "Rapport-\ncijfer", "Uitge-\nnodigd", "Respon-\ndenten", "Respons"]]
        widths = [3.0, 1, 1, 1, 1]
        b.append(Para("3 Resultaten", "h1"))
        b.append(Para("Tabel 3.1 geeft per perceel en cluster het gemiddelde rapportcijfer, het aantal uitgenodigde klanten, het "
                      "aantal respondenten en de respons."))
        b.append(Table(header=head, body=[line(r) for r in rows[:cut]], ruled=False, hrules=True, widths=widths,
                       caption="Tabel 3.1 Rapportcijfer en respons per perceel"))
        b.append(PageBreak())
        rest = [line(r) for r in rows[cut:]]
        b.append(Table(header=head, body=rest, ruled=False, hrules=True, widths=widths, caption="Tabel 3.1 (vervolg)",
                       bold_rows=(len(rest) - 1,)))
        if star:
            b.append(Para("* Gebaseerd op minder dan 10 respondenten; het cijfer is indicatief.", "small"))
        b += questions_block("4 Vragen uit de vragenlijst")
        b += self.signature(s)
        doc = Doc(b, font="serif", title="Tevredenheidsmeting scholingsdiensten",
                  header=f"KTO scholingsdiensten 2021 – {s.supplier}", footer="pagina {page} van {pages}")
        return Built(doc, total_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Vaststelling", "h2"), Signature([self.organisation, "dr. R. Meijer, directeur-bestuurder"])]
        if s.signature == "digital":
            return [Para("Vaststelling", "h2"), Para("Dit rapport is voorzien van een elektronische handtekening van de stichting.")]
        return []


# ---- bureau 3: Onderzoeksbureau Dwarsdoorsnede (LibreOffice HTML import) --------------------------
class Dwarsdoorsnede(Style):
    """LibreOffice's HTML import; "Scholingsaanbieder:", "Looptijd onderzoek: Q1 t/m Q4 2021" (ISO
    dates when not whole quarters), report date as 2022-02-14, "Versie: definitief 1.0"; a ruled
    table with the score and a median BEFORE the counts, ended services, whole percents "38 %";
    cluster labels "Techniek (FVT)"; "Rapport opgesteld door" and a colofon at the end."""

    key = "dwarsdoorsnede"
    organisation = "Onderzoeksbureau Dwarsdoorsnede"
    aliases = ("Dwarsdoorsnede",)
    producer = "lo-html"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{cluster} (FVT)" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        period = quarters(s.meet_start, s.meet_end) or f"{s.meet_start.isoformat()} t/m {s.meet_end.isoformat()}"
        b = [Para(self.organisation.upper(), "cover", bold=True),
             Para("KTO 2021 scholingsdiensten", "title"),
             Para(f"Scholingsaanbieder: {s.supplier}", "cover"),
             Para(f"Looptijd onderzoek: {period}", "cover"),
             Para(f"Datum: {s.report_date.isoformat()}", "cover"),
             Para("Versie: definitief 1.0" if s.final else "Versie: concept 0.9", "cover"),
             PageBreak(),
             Para("Aanleiding en opzet", "h1"),
             Para("Het onderzoek volgt de eisen die UWV stelt aan het klanttevredenheidsonderzoek onder klanten van wie een "
                  "scholingsdienst is beëindigd."),
             Para(APPROACH.format(who="Dwarsdoorsnede") if s.method_account else NO_APPROACH)]
        b += filler(rng, 2)
        body = []
        for r in s.rows:
            pct = f"{int(respons_printed(r, 0))} %"
            body.append([r.service, cijfer(r), median(r), str(r.beeindigd), str(r.benaderd), str(r.ingevuld), pct])
        b.append(Para("Uitkomsten", "h1"))
        b.append(Table(header=[["Perceel / cluster", "Gemiddeld\ncijfer", "Mediaan", "Beëindigd", "Benaderd", "Respons\n(n)",
                                "Respons\n(%)"]],
                       body=body, ruled=True, widths=[2.6, 1, 0.9, 1, 1, 0.9, 0.9],
                       caption="Tabel 1. Waardering en respons per perceel/cluster"))
        b.append(Para("Percentages zijn afgerond op hele procenten.", "small"))
        b += questions_block("Scores per vraag")
        b += [Para("Ondertekening", "h2"), Para(f"Rapport opgesteld door {self.organisation}.")]
        b += self.signature(s)
        b += [Para("Colofon", "h2"), Para(f"{self.organisation} – Oudegracht 77, 3511 AE Utrecht (fictief adres)", "small"),
              Para("Onderzoekers: M. Yilmaz MSc en J. Brouwer", "small")]
        return Built(Doc(b, font="sans", title="KTO 2021"), beeindigd_printed=True, respons_decimals=0)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Signature(["J. Brouwer, directeur"])]
        if s.signature == "digital":
            return [Para("Het rapport is digitaal ondertekend.", "small")]
        return []


# ---- bureau 4: Panorama Beleidsonderzoek (reportlab) ------------------------------------------------
class Panorama(Style):
    """reportlab; logo picture, running header with the bureau, footer "pagina n van m";
    "Opdrachtgevende organisatie:", "Meetjaar: 2021" (or a period with abbreviated months), report date
    in a place line "Den Haag, 3 feb. 2022", "Versie 1.0 (definitief)"; a wide table on a LANDSCAPE
    page with a grouped header in two rows ("Aantallen" over three columns, "Rapportcijfer" over
    gemiddeld/mediaan/% 8 of hoger), respons as a bare number under "Respons %"."""

    key = "panorama"
    organisation = "Panorama Beleidsonderzoek"
    producer = "reportlab"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Functiegerichte vaardigheidstrainingen: {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        calendar = (s.meet_start, s.meet_end) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
        when = "Meetjaar: 2021" if calendar else f"Meetperiode: {abbr_date(s.meet_start)} t/m {abbr_date(s.meet_end)}"
        b = [Image(logo_png("PB", (0.55, 0.15, 0.25)), 2.6, 1.1),
             Para("Hoe tevreden zijn klanten over hun scholing?", "title"),
             Para("Klanttevredenheidsonderzoek scholingsdiensten UWV", "cover"),
             Para(f"Opdrachtgevende organisatie: {s.supplier}", "cover"),
             Para(when, "cover"),
             Para("Versie 1.0 (definitief)" if s.final else "Versie 0.9 (concept)", "cover"),
             Para(f"Den Haag, {abbr_date(s.report_date)}", "cover"),
             PageBreak(),
             Para("1 Verantwoording", "h1"),
             Para(APPROACH.format(who="Panorama") if s.method_account else NO_APPROACH),
             Para("De uitkomsten per perceel en cluster staan in tabel 1 op de volgende pagina.")]
        b += filler(rng, 2)
        body = [[r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), nl(r.respons), cijfer(r, "–"), median(r),
                 share_8plus(rng, r)] for r in s.rows]
        table = Table(header=[[Span("Perceel / cluster", rows=2), Span("Aantallen", cols=3), Span("Respons\n%", rows=2),
                               Span("Rapportcijfer", cols=3)],
                              ["beëindigd", "uitgenodigd", "ingevuld", "gemiddeld", "mediaan", "% 8 of\nhoger"]],
                      body=body, ruled=True, widths=[3.4, 1, 1.1, 1, 0.9, 1, 0.9, 0.9], font_pt=9)
        b.append(Landscape([Para("Tabel 1 Deelname en rapportcijfer per perceel en cluster", bold=True), table,
                            Para("– = geen cijfer (geen respondenten).", "small")]))
        b += questions_block("2 Uitkomsten per vraag")
        b += self.signature(s)
        doc = Doc(b, font="sans", title="Klanttevredenheid scholing",
                  header=f"{self.organisation} – Klanttevredenheid scholingsdiensten 2021", footer="pagina {page} van {pages}")
        return Built(doc, beeindigd_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Para("Vastgesteld", "h2"), Signature([f"Directie {self.organisation}", "prof. dr. C. Laan"])]
        if s.signature == "digital":
            return [Para("Vastgesteld", "h2"), Para("Vastgesteld door de directie en digitaal ondertekend.")]
        return []


# ---- jobcoaching ------------------------------------------------------------------------------------
def answer_table_counts_pct(s: JobcoachSpec, group: str, scale: list[str], fill: str | None) -> Table:
    """Counts and percentages per answer: a header in two rows, each answer over "n" and "%"."""
    n = len(s.periods)
    rows = []
    for g, q, c in s.answers:
        if g != group:
            continue
        if group == "werkgever" and q == WG_Q[0]:
            rows.append(["Wat is uw mening over:"] + [""] * (2 * len(scale)))
        if group == "werkgever" and q == WG_Q[5]:
            rows.append(["Wat vindt u van de aandacht van de jobcoach voor:"] + [""] * (2 * len(scale)))
        cells = []
        for k in scale:
            cells += [str(c[k]), f"{round(100 * c[k] / n)}%"]
        rows.append([q] + cells)
    return Table(header=[[Span("Vraag", rows=2)] + [Span(k.capitalize(), cols=2) for k in scale],
                         ["n", "%"] * len(scale)],
                 body=rows, ruled=False, head_fill=fill, zebra="#eef2f7", widths=[4] + [0.55] * (2 * len(scale)), font_pt=8.5)


class JobcoachpuntOost(JcStyle):
    """Chromium; the cover as a two-column table (labels left, values right, dd/mm/yyyy); footer
    with "pagina n van m"; the periods table with both names first and both scores after them, a
    "Gemiddeld" row; answer counts with a percentage next to each count (grouped header)."""

    key = "jcoost"
    organisation = "Jobcoachpunt Oost B.V."
    producer = "chromium"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        body = [[str(i), p.werknemer, p.werkgever, jc_num(p.wn, ",", True), jc_num(p.wg, ",", True)]
                for i, p in enumerate(s.periods, 1)]
        body.append(["", "Gemiddeld", "", nl(s.wn_avg_printed), nl(s.wg_avg_printed)])
        b = [Para("Rapportage klanttevredenheid jobcoaching", "title"),
             Table(header=[], body=[["Naam organisatie", self.organisation],
                                    ["Datum erkenning", slash_date(s.recognition)],
                                    ["Meetperiode", f"{slash_date(s.meet_start)} – {slash_date(s.meet_end)}"],
                                    ["Datum rapportage", slash_date(s.report_date)]],
                   ruled=True, widths=[1.2, 2.2], font_pt=10.5),
             Para("1. Cijfers per jobcoachperiode", "h1"),
             Para("Per afgesloten jobcoachperiode het cijfer dat de werknemer en de werkgever gaven (schaal 1 tot 10)."),
             Table(header=[["Nr.", "Werknemer", "Werkgever", "Cijfer werknemer", "Cijfer werkgever"]], body=body, ruled=False,
                   head_fill="#2b4c7e", zebra="#eef2f7", widths=[0.5, 1.4, 1.4, 1.1, 1.1], bold_rows=(len(body) - 1,),
                   left_cols=(1, 2)),
             Para("2. Antwoorden per vraag", "h1"),
             Para("Hoe vaak elk antwoord is gegeven (n) en welk deel van de antwoorden dat is (%)."),
             Para("Werknemers", bold=True),
             answer_table_counts_pct(s, "werknemer", WN_SCALE, "#2b4c7e"),
             Para("Werkgevers", bold=True),
             answer_table_counts_pct(s, "werkgever", WG_SCALE, "#2b4c7e")]
        if s.analysis:
            b += [Para("3. Analyse van de resultaten", "h1"), *[Para(x) for x in analysis_paras(s)]]
        else:
            b += [Para("3. Tot slot", "h1"), Para("Vragen over deze rapportage kunt u stellen aan onze kwaliteitsfunctionaris.")]
        doc = Doc(b, font="sans", title="Rapportage jobcoaching",
                  footer=f"{self.organisation} – klanttevredenheid – pagina {{page}} van {{pages}}")
        return Built(doc)


class DeVaart(JcStyle):
    """LibreOffice .fodt; running header and page footer; "Erkend per", meetperiode and report date
    with abbreviated months ("Opgesteld op"); werknemers and werkgevers in two separate periods
    tables, each with its own "Behaald cijfer" in the seed's sum:count notation; answer tables with
    the scale reversed (best answer first) and a Totaal column."""

    key = "devaart"
    organisation = "Jobcoaching De Vaart"
    producer = "lo-fodt"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        wn = [[str(i), p.werknemer, jc_num(p.wn, ",", True)] for i, p in enumerate(s.periods, 1)]
        wn.append(["", "Behaald cijfer", f"{jc_num(s.wn_sum, ',', False)}:{n} = {nl(s.wn_avg_printed)}"])
        wg = [[str(i), p.werkgever, jc_num(p.wg, ",", True)] for i, p in enumerate(s.periods, 1)]
        wg.append(["", "Behaald cijfer", f"{jc_num(s.wg_sum, ',', False)}:{n} = {nl(s.wg_avg_printed)}"])
        b = [Para("Rapportageformat klanttevredenheid jobcoaching", "title"),
             Para(f"Jobcoachorganisatie: {self.organisation}", "cover"),
             Para(f"Erkend per: {abbr_date(s.recognition)}", "cover"),
             Para(f"Meetperiode: {abbr_date(s.meet_start)} t/m {abbr_date(s.meet_end)}", "cover"),
             Para(f"Opgesteld op: {abbr_date(s.report_date)}", "cover"),
             Para("Weergave cijfers", "h1"),
             Para("Periode n in de eerste tabel hoort bij periode n in de tweede tabel."),
             Para("Cijfers van de werknemers", bold=True),
             Table(header=[["Periode", "Werknemer", "Cijfer"]], body=wn, ruled=True, widths=[0.7, 2, 1.4], bold_rows=(n,),
                   left_cols=(1,)),
             Para("Cijfers van de werkgevers", bold=True),
             Table(header=[["Periode", "Werkgever", "Cijfer"]], body=wg, ruled=True, widths=[0.7, 2, 1.4], bold_rows=(n,),
                   left_cols=(1,)),
             Para("Weergave vragen", "h1")]
        for group, scale, title in (("werknemer", WN_SCALE, "Werknemer (schaal: ja – niet helemaal – nee)"),
                                    ("werkgever", WG_SCALE, "Werkgever (schaal: goed – voldoende – matig – onvoldoende)")):
            b.append(Para(title, bold=True))
            order = list(reversed(scale))
            rows = [[q] + [str(c[k]) for k in order] + [str(sum(c.values()))] for g, q, c in s.answers if g == group]
            b.append(Table(header=[["Vraag"] + order + ["Totaal"]], body=rows, ruled=True,
                           widths=[4] + [1] * (len(order) + 1), font_pt=9))
        if s.analysis:
            b += [Para("Analyse van de resultaten en verbeteracties", "h1"), *[Para(x) for x in analysis_paras(s)]]
        else:
            b += [Para("Ten slotte", "h1"), Para("Wij danken alle werknemers en werkgevers voor het invullen van de formulieren.")]
        doc = Doc(b, font="serif", title="Klanttevredenheid jobcoaching", header=self.organisation,
                  footer="pagina {page} van {pages}")
        return Built(doc)


SCHOLING_STYLES = [Klaverveld(), PeilingPraktijk(), Dwarsdoorsnede(), Panorama()]
JOBCOACH_STYLES = [JobcoachpuntOost(), DeVaart()]
DOCS_PER_SCHOLING_STYLE = 4
DOCS_PER_JC_STYLE = 4
