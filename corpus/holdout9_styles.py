"""House styles of the HOLDOUT9 family: kept for a blind measurement by the lead. Whoever builds or
tunes the reader must not read this module or the documents it makes, and must not run kto-ingest on
them until that measurement (corpus/README.md).

Four more fictitious research bureaus and three more jobcoaching organisations, written in session 7
by someone who did not build the reader and did not read ``kto_ingest/``, ``parsers/`` or the reader's
tests: slide decks printed to PDF, a Word report with a spreadsheet's pivot table pasted in, a bureau
that gives each perceel its own page, a statistician's report with N/n and intervals, and small
jobcoaching practices (a letter, a word-processor document with spreadsheet tables, a slide deck).
Every name is invented.

``date_forms`` and ``period_forms`` list how these styles print dates and periods, so that
``corpus.check`` can tell that every truth value is really printed.
"""

from __future__ import annotations

import datetime as dt
import random

from .model import FVT, NORM_JC, NORM_SCHOLING, WG_SCALE, WN_SCALE, JobcoachSpec, ScholingSpec, long_date, nl, r2
from .render import Doc, Image, PageBreak, Para, Signature, Span, Table, logo_png
from .styles import Built, JcStyle, Style

# ---- dates and periods as these styles print them -------------------------------------------------
SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def dm(d: dt.date) -> str:
    """'1 jan' (no year: a slide names the year once)."""
    return f"{d.day} {SHORT[d.month - 1]}"


def deck_period(start: dt.date, end: dt.date) -> str:
    """A slide's period: 'Meetjaar 2021 · 1 jan – 31 dec' within one year, else '1 sep 2020 – 31 aug 2021'."""
    if start.year == end.year:
        return f"Meetjaar {start.year} · {dm(start)} – {dm(end)}"
    return f"{dm(start)} {start.year} – {dm(end)} {end.year}"


def dmy(d: dt.date) -> str:
    """'1-1-2021' (a spreadsheet's short date, no leading zeros)."""
    return f"{d.day}-{d.month}-{d.year}"


def dmy0(d: dt.date) -> str:
    """'01-01-2021'."""
    return f"{d:%d-%m-%Y}"


def arrow(start: dt.date, end: dt.date) -> str:
    """'21 juni 2020 → 21 juni 2021' (a slide's from-to)."""
    return f"{long_date(start)} → {long_date(end)}"


def date_forms(d: dt.date) -> list[str]:
    return [dmy(d), dmy0(d), long_date(d)]


def period_forms(start: dt.date, end: dt.date) -> list[str]:
    return [deck_period(start, end), f"{dmy(start)} t/m {dmy(end)}", f"{dmy0(start)} – {dmy0(end)}", arrow(start, end),
            f"{long_date(start)} tot en met {long_date(end)}"]


# ---- texts of these bureaus -------------------------------------------------------------------------
APPROACH = {
    "dakpan": ("Alle klanten met een beëindigde dienst kregen een sms met een link naar de vragenlijst, twee dagen later "
               "gevolgd door dezelfde uitnodiging per e-mail. Na tien dagen volgde één herinnering per sms."),
    "kwartslag": ("Wij hebben de klanten van wie de dienst in de meetperiode is beëindigd, benaderd per brief met een QR-code "
                  "naar de online vragenlijst. Wie binnen drie weken niet reageerde, is telefonisch benaderd door een "
                  "enquêteur van ons bureau."),
    "ganzenveer": ("Elke klant kreeg na afloop van de dienst een uitnodiging per e-mail; klanten van wie geen e-mailadres "
                   "bekend was, zijn gebeld. Er zijn twee herinneringen verstuurd, na zeven en na veertien dagen."),
    "telwerk": ("Benadering: integrale waarneming. Alle klanten met een beëindigde dienst zijn per e-mail uitgenodigd "
                "(webvragenlijst, CAWI); non-respondenten zijn na twaalf dagen telefonisch benaderd (CATI)."),
}
NO_APPROACH = ("De aanbieder leverde de gegevens van de klanten met een beëindigde dienst aan in een beveiligde omgeving. "
               "Wij hebben het bestand gecontroleerd op dubbele en onvolledige records.")
ASIDES = [
    "De vragenlijst telde veertien vragen en kostte gemiddeld zes minuten.",
    "Het rapportcijfer is gevraagd op een schaal van 1 (zeer slecht) tot en met 10 (uitstekend).",
    "Uitkomsten voor kleine aantallen zijn met voorzichtigheid te lezen.",
    "Klanten konden anoniem antwoorden; de aanbieder ziet geen antwoorden van individuele klanten.",
    "De resultaten zijn niet gewogen.",
]


STATEMENTS = ["De inhoud sloot aan op wat ik nodig had voor werk.", "De docent of trainer legde de stof goed uit.",
              "Ik zou deze scholing aanraden aan anderen."]


def method(s: ScholingSpec, key: str) -> str:
    return APPROACH[key] if s.method_account else NO_APPROACH


def score(r, none: str = "n.v.t.", decimals: int = 1) -> str:
    return none if r.cijfer is None else nl(r.cijfer, decimals)


# ---- bureau 1 (Chromium): a slide deck printed to PDF, landscape, one finding per slide with big numbers,
# each perceel on its own slide as number tiles (the number above its caption) -----------------------------
class Dakpan(Style):
    key = "dakpan"
    organisation = "Dakpan Research & Strategie"
    aliases = ("Dakpan Research", "Dakpan")
    producer = "chromium"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"Vaardigheidstraining · {cluster}" if cluster else perceel

    @staticmethod
    def tiles(values: list[str], captions: list[str]) -> list:
        n = len(values)
        return [Table(header=[], body=[values], ruled=False, widths=[1] * n, font_pt=34, first_col_left=False, bold_rows=(0,)),
                Table(header=[], body=[captions], ruled=False, widths=[1] * n, font_pt=11, first_col_left=False)]

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Alle klanten"
        t = s.total()
        status = "Eindversie" if s.final else "CONCEPT – niet verspreiden"
        b = [Image(logo_png("DAKPAN", (0.8, 0.35, 0.2), width=200), 4.2, 1.2),
             Para("Hoe tevreden zijn uw klanten?", "title"),
             Para(f"Klanttevredenheidsonderzoek scholing voor {s.supplier}", "cover"),
             Para(deck_period(s.meet_start, s.meet_end), "cover"),
             Para(f"{status}  ·  {long_date(s.report_date)}", "cover"),
             Para(f"Een presentatie van {self.organisation}", "small"),
             PageBreak(),
             Para("Zo hebben we het aangepakt", "title"),
             Para(method(s, "dakpan")),
             Para(rng.choice(ASIDES)),
             Para(f"{t.benaderd} klanten benaderd", "h1"),
             PageBreak(),
             Para("In één oogopslag", "title"),
             Para(t.service, "h1"),
             *self.tiles([str(t.benaderd), str(t.ingevuld), f"{nl(t.respons)}%", score(t)],
                         ["benaderd", "vragenlijsten ingevuld", "respons", "gemiddeld rapportcijfer"]),
             Para("Het totaal over alle onderdelen van de dienstverlening. UWV legt de lat bij een 8.", "cover")]
        for k, r in enumerate(s.rows, 1):
            verdict = ("haalt de norm van 8" if r.cijfer is not None and r.cijfer >= NORM_SCHOLING else
                       "geen cijfer: geen ingevulde vragenlijsten" if r.cijfer is None else "blijft onder de norm van 8")
            b += [PageBreak(),
                  Para(f"Onderdeel {k} van {len(s.rows)}", "small"),
                  Para(r.service, "title"),
                  *self.tiles([str(r.benaderd), str(r.ingevuld), f"{nl(r.respons)}%", score(r)],
                              ["benaderd", "vragenlijsten ingevuld", "respons", "gemiddeld rapportcijfer"]),
                  Para(f"→ {verdict}", "cover")]
        b += [PageBreak(), Para("Tot slot", "title"),
              Para("Wij bespreken deze uitkomsten graag met uw team in een korte sessie.", "cover")]
        if s.signature == "visual":
            b += [Para("Voor akkoord:"), Signature(["R. Dakhorst", "partner, Dakpan Research & Strategie"])]
        elif s.signature == "digital":
            b.append(Para("Deze presentatie is digitaal ondertekend door Dakpan Research & Strategie.", "small"))
        doc = Doc(b, font="sans", font_pt=14, landscape=True, title="Hoe tevreden zijn uw klanten?",
                  footer=f"Dakpan Research & Strategie  |  KTO scholing {s.supplier}  |  {{page}}")
        return Built(doc, approached_printed=True, total_printed=True)


# ---- bureau 2 (LibreOffice .fodt): a small bureau's Word report with a spreadsheet's pivot table pasted in:
# gridlines, right-aligned numbers with two decimals, 'Rijlabels' and 'Eindtotaal' ------------------------
class Kwartslag(Style):
    key = "kwartslag"
    organisation = "Bureau Kwartslag Onderzoek"
    aliases = ("Kwartslag Onderzoek", "Kwartslag")
    producer = "lo-fodt"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Eindtotaal"
        t = s.total()
        pct = lambda r: nl(r2(100 * r.ingevuld / r.benaderd), 2) + "%"  # noqa: E731  (the sheet's own quotient)
        body = [[r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), pct(r), score(r, "-", 2)] for r in s.rows]
        body.append([t.service, str(t.beeindigd), str(t.benaderd), str(t.ingevuld), pct(t), score(t, "-", 2)])
        b = [Para(self.organisation, "right", bold=True),
             Para("Postbus 1187 · 3800 BD Amersfoort", "right"),
             Para("Rapportage klanttevredenheid 2021", "title"),
             Para(f"Uitgevoerd in opdracht van {s.supplier}", "cover"),
             Para(f"Periode: {dmy(s.meet_start)} t/m {dmy(s.meet_end)}", "cover"),
             Para(f"Datum rapport: {dmy(s.report_date)}", "cover"),
             Para("Status: " + ("definitief" if s.final else "CONCEPT"), "cover"),
             Para("1. Inleiding", "h1"),
             Para(f"UWV vraagt van scholingsaanbieders een klanttevredenheidsonderzoek door een onafhankelijk bureau. "
                  f"{s.supplier} heeft Bureau Kwartslag Onderzoek gevraagd dit onderzoek uit te voeren over de diensten die "
                  "in de genoemde periode zijn beëindigd."),
             Para("2. Aanpak", "h1"),
             Para(method(s, "kwartslag")),
             Para(rng.choice(ASIDES)),
             Para("3. Resultaten", "h1"),
             Para("Onderstaande tabel komt rechtstreeks uit ons analysebestand (draaitabel). Het responspercentage is het "
                  "aantal ingevulde vragenlijsten gedeeld door de netto steekproef; - betekent dat er geen ingevulde "
                  "vragenlijsten zijn."),
             Table(header=[["Rijlabels", "Som van beëindigd", "Som van netto steekproef", "Som van ingevuld", "Respons",
                            "Gemiddelde van rapportcijfer"]],
                   body=body, ruled=True, widths=[2.2, 1, 1.1, 1, 0.9, 1.2], bold_rows=(len(body) - 1,), font_pt=9,
                   caption="Tabel 1. Respons en rapportcijfer per perceel"),
             Para("Bron: KTO_2021_analyse.xlsx, tabblad Draaitabel.", "small"),
             Para(f"FVT = {FVT}. De norm van UWV is een gemiddeld rapportcijfer van 8,0 of hoger per perceel of cluster.", "small"),
             Para("4. Conclusie", "h1")]
        low = [r.service for r in s.rows if r.cijfer is not None and r.cijfer < NORM_SCHOLING]
        b.append(Para("Alle percelen met een cijfer halen de norm." if not low else
                      "Onder de norm: " + ", ".join(low) + ". Wij adviseren hier een verbeterplan op te stellen."))
        if s.signature == "visual":
            b += [Para("Ondertekening", "h2"), Signature(["drs. E. Kwartel", "directeur Bureau Kwartslag Onderzoek"])]
        elif s.signature == "digital":
            b.append(Para("Dit rapport is voorzien van een digitale handtekening.", "small"))
        doc = Doc(b, font="sans", font_pt=10, title="Rapportage klanttevredenheid 2021", footer="Kwartslag · {page}")
        return Built(doc, total_printed=True, beeindigd_printed=True, respons_decimals=2)


# ---- bureau 3 (LibreOffice HTML import): each perceel on its own page with a one-row table under the page
# heading; the name of the perceel is only in that heading; the total on a last page of its own -----------
class Ganzenveer(Style):
    key = "ganzenveer"
    organisation = "Onderzoekshuis Ganzenveer"
    aliases = ("Ganzenveer",)
    producer = "lo-html"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{FVT}, {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Alle percelen samen"
        t = s.total()
        head = [["Beëindigde diensten", "Benaderd (netto steekproef)", "Ingevulde vragenlijsten", "Respons", "Gemiddeld rapportcijfer"]]
        b = [Para(self.organisation, "cover", bold=True),
             Para("Klanttevredenheid scholing 2021", "title"),
             Para(f"Contractpartij van UWV: {s.supplier}", "cover"),
             Para(f"Onderzochte periode: diensten beëindigd van {long_date(s.meet_start)} tot en met {long_date(s.meet_end)}", "cover"),
             Para(("Definitieve versie" if s.final else "Conceptversie") + f", {long_date(s.report_date)}", "cover"),
             Para("Over dit rapport", "h1"),
             Para("Elk perceel (en elk cluster van de functiegerichte vaardigheidstrainingen) heeft hieronder een eigen "
                  "pagina; de laatste pagina geeft alle percelen samen."),
             Para("Werkwijze", "h2"), Para(method(s, "ganzenveer")), Para(rng.choice(ASIDES))]
        for k, r in enumerate(s.rows + [t], 1):
            b += [PageBreak(),
                  Para(f"Onderdeel {k} van {len(s.rows) + 1}", "small"),
                  Para(r.service, "h1"),
                  Table(header=head, body=[[str(r.beeindigd), str(r.benaderd), str(r.ingevuld), f"{nl(r.respons)}%", score(r)]],
                        ruled=True, widths=[1, 1.2, 1, 0.8, 1], font_pt=10, first_col_left=False, head_widths=True),
                  Para("Aanvullende vragen: aandeel klanten dat het (helemaal) eens is", "h2"),
                  Table(header=[["Stelling", "Aandeel eens"]], body=[[q, "n.v.t." if not r.ingevuld else f"{rng.randint(68, 97)}%"]
                                                                    for q in STATEMENTS],
                        ruled=False, hrules=True, widths=[4, 1], font_pt=9.5, head_widths=True)]
            if r is t:
                b.append(Para("Het gemiddelde over alle percelen is gewogen naar het aantal ingevulde vragenlijsten."))
            elif r.cijfer is None:
                b.append(Para("Geen ingevulde vragenlijsten, dus geen rapportcijfer (n.v.t.)."))
            else:
                b.append(Para("Dit onderdeel haalt de norm van UWV (8 of hoger)." if r.cijfer >= NORM_SCHOLING else
                              "Dit onderdeel haalt de norm van UWV (8 of hoger) niet."))
        if s.signature == "visual":
            b += [Para("Ondertekend door de onderzoeksleider:"), Signature(["mr. S. Ganzevoort", self.organisation])]
        elif s.signature == "digital":
            b.append(Para(f"Digitaal ondertekend: {self.organisation}.", "small"))
        return Built(Doc(b, font="serif", font_pt=10.5, title="Klanttevredenheid scholing 2021"),
                     total_printed=True, beeindigd_printed=True)


# ---- bureau 4 (reportlab): a statistician's report: N and n with a legend, the score first with a 95%
# interval beside it, the facts only in a colofon at the end ----------------------------------------------
class Telwerk(Style):
    key = "telwerk"
    organisation = "Telwerk Statistiek B.V."
    aliases = ("Telwerk Statistiek", "Telwerk")
    producer = "reportlab"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT: {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        s.total_label = "Alle respondenten"
        t = s.total()

        def interval(r) -> str:
            if r.cijfer is None or r.ingevuld < 2:
                return "–"
            half = max(0.1, round(1.9 / (r.ingevuld ** 0.5), 1))
            return f"[{nl(r.cijfer - half)}; {nl(min(10.0, r.cijfer + half))}]"

        body = [[r.service, score(r, "n.v.t."), interval(r), str(r.ingevuld), str(r.benaderd), nl(r.respons)] for r in s.rows]
        body.append([t.service, score(t), interval(t), str(t.ingevuld), str(t.benaderd), nl(t.respons)])
        b = [Para("Klanttevredenheid scholingsdiensten", "title"),
             Para(f"Uitkomsten voor {s.supplier}", "cover"),
             Para("Samenvatting", "h1"),
             Para(f"Het gemiddelde rapportcijfer over alle respondenten is {score(t)} (n = {t.ingevuld}). "
                  + ("Op alle onderdelen met een cijfer ligt het gemiddelde op of boven de norm van 8."
                     if all(r.cijfer is None or r.cijfer >= NORM_SCHOLING for r in s.rows)
                     else "Niet op alle onderdelen ligt het gemiddelde op of boven de norm van 8.")),
             Para("Methode", "h1"),
             Para(method(s, "telwerk")),
             Para("Betrouwbaarheid: bij elk gemiddelde staat het 95%-betrouwbaarheidsinterval. Bij integrale waarneming is "
                  "dit een indicatie van de toevalsvariatie."),
             Para("Resultaten", "h1"),
             Table(header=[["Onderdeel", "Gem.", "95%-BI", "n", "N", "Respons (%)"]], body=body, ruled=False, hrules=True,
                   widths=[2.8, 0.7, 1.3, 0.6, 0.6, 1.0], bold_rows=(len(body) - 1,), font_pt=9.5,
                   caption="Tabel 1 Rapportcijfer en respons"),
             Para("N = netto steekproef (alle benaderde klanten met een beëindigde dienst); n = aantal ingevulde vragenlijsten; "
                  "Gem. = gemiddeld rapportcijfer (1-10); n.v.t. = geen waarnemingen.", "small"),
             Para(rng.choice(ASIDES)),
             PageBreak(),
             Para("Colofon", "h1"),
             Table(header=[], body=[["Uitgave", self.organisation],
                                    ["Opdrachtgever", s.supplier],
                                    ["Referentieperiode", f"{dmy0(s.meet_start)} – {dmy0(s.meet_end)}"],
                                    ["Publicatiedatum", dmy0(s.report_date)],
                                    ["Status", "definitief" if s.final else "concept (ter becommentariëring)"],
                                    ["Projectnummer", f"TW-{rng.randint(2100, 2199)}"]],
                   ruled=False, widths=[1.3, 3], font_pt=9.5, left_cols=(1,))]
        if s.signature == "visual":
            b += [Signature(["dr. J. Telman", "directeur Telwerk Statistiek B.V."])]
        elif s.signature == "digital":
            b.append(Para("Elektronisch ondertekend door Telwerk Statistiek B.V.", "small"))
        return Built(Doc(b, font="serif", font_pt=10, title="Klanttevredenheid scholingsdiensten",
                         footer="Telwerk Statistiek · {page}/{pages}"), total_printed=True)


# ---- jobcoaching --------------------------------------------------------------------------------------
def analysis(s: JobcoachSpec, first_person: bool = False) -> list[Para]:
    ok = s.wn_avg_printed >= NORM_JC and s.wg_avg_printed >= NORM_JC
    who = "Ik" if first_person else "Wij"
    return [Para(f"De werknemers geven gemiddeld een {nl(s.wn_avg_printed)}, de werkgevers een {nl(s.wg_avg_printed)}. "
                 + ("Beide liggen boven de ondergrens van 6,5." if ok else
                    "Niet beide liggen boven de ondergrens van 6,5.")),
            Para(f"{who} zie{'' if first_person else 'n'} vooral ruimte voor verbetering in de bereikbaarheid bij drukte en in "
                 "het vastleggen van afspraken met de leidinggevende.")]


class Rietkraag(JcStyle):
    """A one-person practice's letter to UWV: the facts in the letter's sentences, a small periods table
    with the average as its last row, the answers in two small tables, signed by the jobcoach."""

    key = "rietkraag"
    organisation = "Jobcoachpraktijk Rietkraag"
    producer = "lo-fodt"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        body = [[str(i), p.werknemer, nl(p.wn), p.werkgever, nl(p.wg)] for i, p in enumerate(s.periods, 1)]
        body.append(["", "Gemiddeld", nl(s.wn_avg_printed), "", nl(s.wg_avg_printed)])
        b = [Para("Jobcoachpraktijk Rietkraag", "right", bold=True),
             Para("M. Rietkerk, jobcoach", "right"),
             Para("Oeverweg 12, 7415 AB Deventer", "right"),
             Para("UWV"),
             Para("t.a.v. de accountmanager jobcoaching"),
             Para(f"Deventer, {long_date(s.report_date)}"),
             Para("Betreft: rapportage klanttevredenheid jobcoaching", bold=True),
             Para("Geachte heer, mevrouw,"),
             Para(f"Mijn praktijk is sinds {long_date(s.recognition)} door UWV erkend als jobcoachorganisatie. Hierbij stuur ik u "
                  f"de rapportage over de klanttevredenheid in de meetperiode {long_date(s.meet_start)} tot en met "
                  f"{long_date(s.meet_end)}. Ik heb in die periode {len(s.periods)} jobcoachtrajecten afgesloten; na elk traject "
                  "hebben de werknemer en de werkgever de vragenlijst van UWV ingevuld."),
             Para("Cijfers per afgesloten traject", bold=True),
             Table(header=[["Traject", "Werknemer", "Cijfer", "Werkgever", "Cijfer"]], body=body, ruled=True,
                   widths=[0.7, 1.5, 0.7, 1.5, 0.7], left_cols=(1, 3), bold_rows=(len(body) - 1,), font_pt=10),
             Para("Antwoorden van de werknemers (aantallen)", bold=True),
             Table(header=[["Vraag", *WN_SCALE]], body=[[q, *[str(c[o]) for o in WN_SCALE]] for g, q, c in s.answers if g == "werknemer"],
                   ruled=True, widths=[3.4, 0.6, 0.9, 0.6], font_pt=9),
             Para("Antwoorden van de werkgevers (aantallen)", bold=True),
             Table(header=[["Vraag", *WG_SCALE]], body=[[q, *[str(c[o]) for o in WG_SCALE]] for g, q, c in s.answers if g == "werkgever"],
                   ruled=True, widths=[3.2, 0.9, 0.6, 0.8, 0.6], font_pt=9)]
        if s.analysis:
            b += [Para("Analyse van de resultaten", bold=True), *analysis(s, first_person=True)]
        b += [Para("Voor vragen ben ik bereikbaar via het telefoonnummer in het briefhoofd."),
              Para("Met vriendelijke groet,"), Para("Marloes Rietkerk"), Para("Jobcoachpraktijk Rietkraag", "small")]
        return Built(Doc(b, font="sans", font_pt=10.5, title="Rapportage klanttevredenheid jobcoaching"))


class Duinroos(JcStyle):
    """A word-processor document with tables pasted from a spreadsheet: scores with two decimals, the
    rounded average in a separate row, all questions in one table with the two scales side by side."""

    key = "duinroos"
    organisation = "Jobcoaching Duinroos"
    producer = "lo-html"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        body = [[f"P{i:02d}", p.werknemer, nl(p.wn, 2), p.werkgever, nl(p.wg, 2)] for i, p in enumerate(s.periods, 1)]
        body.append(["", f"Gemiddeld (afgerond, {n} perioden)", nl(s.wn_avg_printed), "", nl(s.wg_avg_printed)])
        scale = WN_SCALE + WG_SCALE
        qrows = []
        for g, q, c in s.answers:
            qrows.append([("WN – " if g == "werknemer" else "WG – ") + q, *[str(c[o]) if o in c else "" for o in scale]])
        b = [Para("Klanttevredenheid jobcoaching", "title"),
             Para(f"{self.organisation} · jaarrapportage", "cover"),
             Table(header=[], body=[["Organisatie", self.organisation], ["Datum erkenning UWV", dmy(s.recognition)],
                                    ["Meetperiode", f"{dmy(s.meet_start)} t/m {dmy(s.meet_end)}"],
                                    ["Datum rapportage", dmy(s.report_date)]],
                   ruled=True, widths=[1.4, 2.6], font_pt=10, left_cols=(1,)),
             Para("Weergave cijfers", "h1"),
             Para("De cijfers komen uit ons registratieblad; elke regel is een afgesloten jobcoachperiode."),
             Table(header=[["Periode", "Werknemer", "Cijfer wn", "Werkgever", "Cijfer wg"]], body=body, ruled=True,
                   widths=[0.7, 2.2, 0.8, 1.2, 0.8], left_cols=(1, 3), bold_rows=(len(body) - 1,), font_pt=9.5),
             Para("Weergave vragen", "h1"),
             Para("WN = vraag aan de werknemer (nee / niet helemaal / ja), WG = vraag aan de werkgever (onvoldoende / matig / "
                  "voldoende / goed). Aantallen antwoorden."),
             Table(header=[["Vraag", *scale]], body=qrows, ruled=True, widths=[2.2] + [0.7] * len(scale), font_pt=7.5)]
        if s.analysis:
            b += [Para("Analyse van de resultaten", "h1"), *analysis(s)]
        else:
            b += [Para("Tot slot", "h1"), Para("Heeft u vragen over deze rapportage? Neem dan contact met ons op.")]
        return Built(Doc(b, font="sans", font_pt=10, title="Klanttevredenheid jobcoaching"))


class Wendakker(JcStyle):
    """A slide deck printed to PDF (landscape): the two averages as big numbers on their own slide, the
    periods on the next, the answers on a slide per group, the facts on the title slide with an arrow."""

    key = "wendakker"
    organisation = "Wendakker Jobcoaching"
    producer = "chromium"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        b = [Image(logo_png("wendakker", (0.2, 0.45, 0.35), width=220), 4.4, 1.1),
             Para("Wat vinden werknemers en werkgevers van onze jobcoaching?", "title"),
             Para(f"Klanttevredenheid {self.organisation}", "cover"),
             Para(f"Meetperiode: {arrow(s.meet_start, s.meet_end)}", "cover"),
             Para(f"Erkend door UWV sinds {long_date(s.recognition)}", "cover"),
             Para(f"Gepresenteerd op {long_date(s.report_date)}", "cover"),
             PageBreak(),
             Para("Het behaalde cijfer", "title"),
             Table(header=[], body=[[nl(s.wn_avg_printed), nl(s.wg_avg_printed)]], ruled=False, widths=[1, 1], font_pt=48,
                   first_col_left=False, bold_rows=(0,)),
             Table(header=[], body=[["gemiddeld cijfer werknemers", "gemiddeld cijfer werkgevers"]], ruled=False, widths=[1, 1],
                   font_pt=13, first_col_left=False),
             Para(f"Gemiddelde over {n} afgesloten jobcoachperioden.", "cover"),
             PageBreak(),
             Para("Per jobcoachperiode", "title"),
             Table(header=[["", *[f"{i}" for i in range(1, n + 1)]]],
                   body=[["Werknemer", *[p.werknemer.replace("Werknemer ", "") for p in s.periods]],
                         ["Cijfer werknemer", *[nl(p.wn) for p in s.periods]],
                         ["Werkgever", *[p.werkgever.replace("Werkgever ", "") for p in s.periods]],
                         ["Cijfer werkgever", *[nl(p.wg) for p in s.periods]]],
                   ruled=True, widths=[1.8] + [0.6] * n, font_pt=12, bold_rows=(1, 3)),
             Para("Kolommen: de perioden 1 tot en met " + str(n) + ", in volgorde van afsluiten. Werknemers met een letter, "
                  "werkgevers met een nummer.", "small")]
        for group, scale, title in (("werknemer", WN_SCALE, "Wat zeggen de werknemers?"),
                                    ("werkgever", WG_SCALE, "Wat zeggen de werkgevers?")):
            rows = [[q, *[str(c[o]) for o in scale]] for g, q, c in s.answers if g == group]
            b += [PageBreak(), Para(title, "title"),
                  Table(header=[["", *scale]], body=rows, ruled=False, hrules=True, widths=[4.2] + [0.8] * len(scale),
                        font_pt=11 if group == "werknemer" else 9.5, left_cols=tuple(range(1, len(scale) + 1)))]
        b.append(PageBreak())
        if s.analysis:
            b += [Para("Analyse van de resultaten", "title"), *analysis(s)]
        else:
            b += [Para("Dank u wel!", "title"), Para("Vragen? Spreek ons gerust aan.", "cover")]
        return Built(Doc(b, font="sans", font_pt=14, landscape=True, title="Klanttevredenheid Wendakker Jobcoaching",
                         footer="Wendakker Jobcoaching · {page}"))


SCHOLING_STYLES = [Dakpan(), Kwartslag(), Ganzenveer(), Telwerk()]
JOBCOACH_STYLES = [Rietkraag(), Duinroos(), Wendakker()]
DOCS_PER_SCHOLING_STYLE = 4
DOCS_PER_JC_STYLE = 4
