"""House styles of the HOLDOUT family. Whoever builds the reader must not read this module or the
documents it makes: the holdout family is scored once, at the end, to tell honestly whether the
reader generalises beyond the dev family (corpus/README.md).

Three more fictitious bureaus and one more jobcoaching organisation, with wordings, producers and
table arrangements that the dev styles do not use.
"""

from __future__ import annotations

import random

from .model import FVT, WG_SCALE, WN_SCALE, JobcoachSpec, ScholingSpec, long_date, nl
from .render import Doc, Landscape, PageBreak, Para, Signature, Table
from .styles import (APPROACH, NO_APPROACH, Built, JcStyle, Style, analysis_paras, date_text, filler, final_mark, jc_num,
                     period_text, questions_block)


class Peilwerk(Style):
    """LibreOffice .fodt; a landscape section inside a portrait report with a ruled transposed table
    that has a Totaal column; bureau named only in the signature block."""

    key = "peilwerk"
    organisation = "Peilwerk Onderzoekscollectief"
    producer = "lo-fodt"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"FVT cluster {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        b = [Para("KTO Scholingsdiensten UWV", "title"),
             Para(f"Leverancier: {s.supplier}", "cover"),
             Para(f"Looptijd van het onderzoek: {period_text(s.meet_start, s.meet_end, 'dmy_dash')}", "cover"),
             *final_mark(s.final, "Versie: definitief", "Versie: concept (niet verspreiden)"),
             Para("Datum van rapportage:", "cover"), Para(date_text(s.report_date, "dmy_short"), "cover"),
             PageBreak(),
             Para("Werkwijze", "h1"),
             Para(APPROACH.format(who="het collectief") if s.method_account else NO_APPROACH)]
        b += filler(rng, 2)
        t = s.total()
        rows = s.rows + [t]
        body = [["Aantal beëindigd"] + [str(r.beeindigd) for r in rows],
                ["Uitgenodigd (netto)"] + [str(r.benaderd) for r in rows],
                ["Respondenten"] + [str(r.ingevuld) for r in rows],
                ["Responspercentage"] + [nl(r.respons) + " %" for r in rows],
                ["Gemiddeld cijfer"] + ["-" if r.cijfer is None else nl(r.cijfer) for r in rows]]
        b.append(Landscape([Para("Overzicht 1 Deelname en waardering per perceel/cluster", bold=True),
                            Table(header=[["Kengetal"] + [r.service for r in s.rows] + ["Totaal"]], body=body, ruled=True,
                                  widths=[1.4] + [1.0] * len(rows), font_pt=8)]))
        b += questions_block("Vragen van UWV")
        b += self.signature(s)
        return Built(Doc(b, font="serif", title="KTO"), total_printed=True, beeindigd_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        place = f"Zwolle, {date_text(s.report_date, 'long')}"
        if s.signature == "visual":
            return [Para("Vaststelling", "h2"), Signature([place, f"namens {self.organisation}", "mr. drs. H. Visser"])]
        if s.signature == "digital":
            return [Para("Vaststelling", "h2"), Para(place), Para(f"Elektronisch ondertekend namens {self.organisation}")]
        return [Para(f"Opgesteld door {self.organisation}, {place}.", "small")]


class MeridiaanHtml(Style):
    """A second house style, printed by LibreOffice's HTML import: '%' in the header only, borderless,
    a meetperiode in a sentence, an en dash as an empty score."""

    key = "meridiaan-lo"
    organisation = "Meridiaan Onderzoek B.V."
    aliases = ("Meridiaan Onderzoek",)
    producer = "lo-html"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{FVT} / {cluster}" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        b = [Para(self.organisation, "cover", bold=True),
             Para("Rapportage klanttevredenheid 2021", "title"),
             Para(f"Opdrachtgever: {s.supplier}", "cover"),
             *final_mark(s.final, "DEFINITIEF", "CONCEPT"),
             Para("Datum:", "cover"), Para(long_date(s.report_date), "cover"),
             PageBreak(),
             Para("Opzet van het onderzoek", "h1"),
             Para(f"De meting betreft de periode van {period_text(s.meet_start, s.meet_end, 'long_tot')}."),
             Para(APPROACH.format(who="Meridiaan") if s.method_account else NO_APPROACH)]
        body = [[r.service, str(r.benaderd), str(r.ingevuld), nl(r.respons), "–" if r.cijfer is None else nl(r.cijfer)]
                for r in s.rows]
        b.append(Table(header=[["Perceel", "Netto\nsteek-\nproef", "Respon-\ndenten", "Respons\n(%)", "Cijfer"]], body=body,
                       ruled=False, widths=[2.6, 1, 1, 1, 1], caption="Tabel A. Resultaten per perceel"))
        b += questions_block("Resultaten per vraag")
        b += self.signature(s)
        b += [Para("Colofon", "h2"), Para(f"{self.organisation}, Utrecht (fictief)", "small")]
        return Built(Doc(b, font="sans", title="Rapportage"))

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Signature([f"Getekend namens {self.organisation}", "drs. M. Verhoef"])]
        if s.signature == "digital":
            return [Para("Digitale ondertekening: zie de handtekening in dit PDF-bestand.", "small")]
        return []


class Zilvermeeuw(Style):
    """reportlab; scores per perceel in chapter 2, respons per perceel in an appendix table (joined by
    label, in another order); cluster in parentheses."""

    key = "zilvermeeuw"
    organisation = "Zilvermeeuw Sociaal Onderzoek"
    producer = "reportlab"

    def label(self, perceel: str, cluster: str | None) -> str:
        return f"{FVT} (cluster {cluster})" if cluster else perceel

    def build(self, s: ScholingSpec, rng: random.Random, pad: int = 0) -> Built:
        b = [Para(f"{self.organisation}", "cover"),
             Para("Wat vinden klanten van hun scholing?", "title"),
             Para(f"Scholingsbedrijf: {s.supplier}", "cover"),
             *final_mark(s.final, "Eindrapport", "Conceptversie ter bespreking"),
             Para(f"Rapportdatum: {date_text(s.report_date, 'dmy_short')}", "cover"),
             PageBreak(),
             Para("1 Inleiding", "h1"),
             Para(f"Gemeten is over het {period_text(s.meet_start, s.meet_end, 'calendar')}, voor alle klanten van wie een "
                  "scholingsdienst in die periode is afgerond."),
             Para("2 Waardering", "h1"),
             Table(header=[["Perceel/cluster", "Gemiddeld rapportcijfer"]],
                   body=[[r.service, "n.v.t." if r.cijfer is None else nl(r.cijfer)] for r in s.rows], ruled=False,
                   widths=[3, 1], caption="Tabel 2.1 Rapportcijfer")]
        b += questions_block("3 Vragen")
        b += [PageBreak(), Para("Bijlage: methode en respons", "h1"),
              Para(APPROACH.format(who="Zilvermeeuw") if s.method_account else NO_APPROACH)]
        rows = sorted(s.rows, key=lambda r: r.service)
        b.append(Table(header=[["Perceel/cluster", "Beëindigd", "Netto steekproef", "Ingevuld", "Respons"]],
                       body=[[r.service, str(r.beeindigd), str(r.benaderd), str(r.ingevuld), nl(r.respons) + "%"] for r in rows],
                       ruled=True, widths=[3, 1, 1.1, 1, 1], caption="Tabel B.1 Respons per perceel/cluster"))
        b += self.signature(s)
        return Built(Doc(b, font="serif", title="Wat vinden klanten van hun scholing?"), beeindigd_printed=True)

    def signature(self, s: ScholingSpec) -> list:
        if s.signature == "visual":
            return [Signature([f"Ondertekend namens {self.organisation}", "dr. L. Smit, directeur"])]
        if s.signature == "digital":
            return [Para("Dit rapport draagt een digitale handtekening van het onderzoeksbureau.", "small")]
        return []


class HetAnker(JcStyle):
    """LibreOffice HTML import; periods numbered, 'sum : count = average' with spaces and commas;
    answer tables with a Totaal row under each group."""

    key = "hetanker"
    organisation = "Jobcoaching Het Anker"
    producer = "lo-html"

    def build(self, s: JobcoachSpec, rng: random.Random, pad: int = 0) -> Built:
        n = len(s.periods)
        body = [[str(i), p.werknemer, jc_num(p.wn, ",", True), p.werkgever, jc_num(p.wg, ",", True)] for i, p in enumerate(s.periods, 1)]
        body.append(["", "Behaald cijfer", f"{jc_num(s.wn_sum, ',', False)} : {n} = {nl(s.wn_avg_printed)}", "",
                     f"{jc_num(s.wg_sum, ',', False)} : {n} = {nl(s.wg_avg_printed)}"])
        b = [Para("Jaarrapportage klanttevredenheid", "title"),
             Para(f"Organisatie: {self.organisation}", "cover"),
             Para(f"Erkenningsdatum: {long_date(s.recognition)}", "cover"),
             Para(f"Meetperiode van {long_date(s.meet_start)} tot en met {long_date(s.meet_end)}", "cover"),
             Para("Datum rapportage", "cover"), Para(date_text(s.report_date, "dmy_short"), "cover"),
             Para("A. Cijfers per jobcoachperiode", "h1"),
             Table(header=[["Nr.", "Werknemer", "Cijfer\nwerknemer", "Werkgever", "Cijfer\nwerkgever"]], body=body, ruled=True,
                   widths=[0.5, 1.4, 1.2, 1.4, 1.2], bold_rows=(len(body) - 1,)),
             Para("B. Antwoorden per vraag", "h1")]
        for group, scale in (("werknemer", WN_SCALE), ("werkgever", WG_SCALE)):
            b.append(Para(f"Beoordelingsformulier {group}", bold=True))
            rows = [[q] + [str(c[k]) for k in scale] for g, q, c in s.answers if g == group]
            rows.append(["Totaal aantal antwoorden"] + [str(sum(c[k] for g, _q, c in s.answers if g == group)) for k in scale])
            b.append(Table(header=[["Vraag"] + [k.capitalize() for k in scale]], body=rows, ruled=True,
                           widths=[4] + [1] * len(scale), bold_rows=(len(rows) - 1,)))
        if s.analysis:
            b += [Para("C. Analyse van de resultaten", "h1"), *[Para(x) for x in analysis_paras(s)]]
        return Built(Doc(b, font="sans", title="Jaarrapportage"))


SCHOLING_STYLES = [Peilwerk(), MeridiaanHtml(), Zilvermeeuw()]
JOBCOACH_STYLES = [HetAnker()]
DOCS_PER_SCHOLING_STYLE = 5
DOCS_PER_JC_STYLE = 5
