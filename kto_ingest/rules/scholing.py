"""Rules of the UWV scholingsdiensten KTO (seed 000, 'Beoordeling'), in the order UWV lists them."""

from __future__ import annotations

import regex

from ..bureaus import KOEPELS, normalise_name, same_organisation
from ..dutch import decimals_of
from ..dutch import format_date as d
from ..dutch import format_number as n
from ..schema import Check, ReportEntry, ResultRow
from .base import Context, check, either, on_time, labelled, no_param, page_of, perceel_of, rule, service_rows


@rule("SCH-BUREAU", "Onderzoeksbureau is lid van VBO, VSO of MOA")
def bureau(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Alleen een onderzoeksbureau dat lid is van VBO, VSO of MOA mag het onderzoek uitvoeren (seed
    000, 'Welk type organisatie'). Het bureau uit het rapport wordt opgezocht in het bureauregister
    (meegeleverd, of --bureaus BESTAND), ook onder zijn andere namen ('Panteia B.V.'). Lid van een
    geaccepteerde koepel: 'pass' met bron en controledatum. Niet in het register, of lidmaatschap
    niet bevestigd: 'manual', nooit een stille 'pass'. Volgens het register geen lid: 'fail'."""
    rid = "SCH-BUREAU"
    page = page_of(entry, "bureau")
    if not entry.bureau:
        return [check(rid, "manual", "Geen onderzoeksbureau gevonden in het rapport; handmatig nagaan wie het onderzoek uitvoerde.")]
    if ctx.register is None:
        return [check(rid, "manual", f"Geen bureauregister geladen; lidmaatschap van {entry.bureau} handmatig nagaan.", page)]
    accepted = list(ctx.value("koepels") or KOEPELS)
    where = f"het bureauregister van {d(ctx.register.info.datum)}"
    b = ctx.register.find(entry.bureau)
    if b is None:
        return [check(rid, "manual", f"Onderzoeksbureau '{entry.bureau}' staat niet in {where}; controleer de ledenlijsten van "
                      f"{either(accepted)} en vul het register aan (--bureaus).", page)]
    checked = f"bron: {b.bron}; gecontroleerd {d(b.gecontroleerd)}"
    if b.status == "onbevestigd":
        return [check(rid, "manual", f"{b.naam} staat in {where}, maar het lidmaatschap van {either(accepted)} is niet "
                      f"bevestigd ({checked}). Controleer de ledenlijsten.", page)]
    if b.status == "geen_lid":
        return [check(rid, "fail", f"{b.naam} is volgens {where} geen lid van {either(accepted)} ({checked}).", page)]
    if b.koepel not in accepted:
        return [check(rid, "fail", f"{b.naam} is lid van {b.koepel}; deze regeling accepteert alleen {either(accepted)} ({checked}).", page)]
    return [check(rid, "pass", f"{b.naam} is lid van {b.koepel} ({checked}).", page)]


@rule("SCH-ONDERTEKEND", "Ondertekend door het onderzoeksbureau")
def ondertekend(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Het rapport moet door het onderzoeksbureau zijn ondertekend (seed 000, 'Beoordeling').
    Een intacte digitale handtekening van een vertrouwde ondertekenaar van het bureau zelf is
    'pass'. 'Het bureau zelf': de organisatie in het certificaat is na normalisatie (rechtsvorm,
    hoofdletters, leestekens) gelijk aan het bureau, of is een andere naam van hetzelfde bureau
    in het register; een naam die het bureau alleen bevat ('Geen Panteia Vervalsingen B.V.') telt
    niet. Intact maar van een andere organisatie, of zonder vertrouwde keten (zelfondertekend,
    geen --trust): 'manual' met de ondertekenaar. Na ondertekening alleen opmerkingen toegevoegd:
    'manual' met de pagina en wat ze afdekken. Na ondertekening inhoudelijk gewijzigd (ook
    lettertypen of andere bronnen van een pagina), velden of annotaties over de tekst getekend,
    een bestand waarvan PDF-lezers een andere versie tonen dan de gecontroleerde, of een
    beschadigde handtekening: 'fail', met de gewijzigde pagina waar die bekend is. Alleen een zichtbare
    handtekening: 'manual' met de pagina. Geen handtekening: 'fail'."""
    rid = "SCH-ONDERTEKEND"
    sig = entry.signature
    if sig is None or sig.kind == "none":
        return [check(rid, "fail", "Geen handtekening van het onderzoeksbureau gevonden.")]
    if sig.kind == "visual":
        page = sig.pages[0] if sig.pages else None
        return [check(rid, "manual", f"Alleen een zichtbare handtekening{f' op pagina {page}' if page else ''}; handmatig nakijken.", page)]
    signer = sig.signer or "onbekende ondertekenaar"
    if sig.intact is False:
        return [check(rid, "fail", f"Digitale handtekening van {signer} is niet geldig: {sig.note or 'het document is na ondertekening gewijzigd'}.",
                      sig.changed_pages[0] if sig.changed_pages else None)]
    if sig.intact is None:
        return [check(rid, "manual", f"Digitale handtekening van {signer} kon niet worden gecontroleerd{f': {sig.note}' if sig.note else ''}.")]
    org = sig.signer_organisation or sig.signer
    if not same_organisation(entry.bureau, org, ctx.register):
        return [check(rid, "manual", f"Digitaal ondertekend door {signer}"
                      f"{f' ({sig.signer_organisation})' if sig.signer_organisation else ''}; dat is niet aantoonbaar het "
                      f"onderzoeksbureau {entry.bureau or '(onbekend)'}. Handmatig nagaan.")]
    if sig.covered:
        return [check(rid, "manual", f"Digitaal ondertekend door {signer} en intact, maar na ondertekening toegevoegde notities "
                      f"liggen over tekst ({'; '.join(sig.covered)}); bekijk of die de inhoud afdekken.",
                      sig.changed_pages[0] if sig.changed_pages else None)]
    if sig.modification == "annotations":
        pages = ", ".join(map(str, sig.changed_pages))
        return [check(rid, "manual", f"Digitaal ondertekend door {signer} en intact, maar na ondertekening zijn opmerkingen "
                      f"(annotaties) toegevoegd op pagina {pages}; ze liggen niet over tekst, bekijk ze wel.",
                      sig.changed_pages[0] if sig.changed_pages else None)]
    if sig.trusted is not True:
        return [check(rid, "manual", f"Digitaal ondertekend door {signer} en intact, maar het certificaat leidt niet naar een vertrouwde uitgever (zie --trust); handmatig nagaan.")]
    return [check(rid, "pass", f"Digitaal ondertekend door {signer}; handtekening intact.")]


@rule("SCH-MEETPERIODE", "Meetperiode is die van de regeling")
def meetperiode(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Het rapport moet de meetperiode van de regeling beslaan (scholingsdiensten 2021: 1 januari
    tot en met 31 december 2021). Een andere periode, zoals september–augustus van een Blik op
    Werk-rapport, is 'fail' met beide periodes in de melding. Bron: seed 000, 'De meetperiode'."""
    rid = "SCH-MEETPERIODE"
    want = ctx.value("meetperiode")
    if want is None:
        return no_param(rid, "meetperiode")
    page = page_of(entry, "meetperiode")
    mp = entry.meetperiode
    if mp is None or mp.start is None or mp.end is None:
        return [check(rid, "fail", "Geen meetperiode gevonden in het rapport.")]
    if (mp.start, mp.end) == (want["start"], want["end"]):
        return [check(rid, "pass", f"Meetperiode {d(mp.start)} t/m {d(mp.end)} is die van de regeling.", page)]
    return [check(rid, "fail", f"Meetperiode van het rapport is {d(mp.start)} t/m {d(mp.end)}; de regeling vraagt "
                  f"{d(want['start'])} t/m {d(want['end'])}.", page)]


@rule("SCH-TIJDIG", "Op tijd ingediend")
def tijdig(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Het rapport moet uiterlijk op de deadline van de regeling door UWV zijn ontvangen
    (scholingsdiensten 2021: 1 maart 2022). De ontvangstdatum komt uit de CLMS-export (--clms).
    Zonder die export is alleen de rapportdatum bekend: ligt die na de deadline, dan is het 'fail',
    anders een waarschuwing dat de ontvangstdatum niet is gecontroleerd."""
    rid = "SCH-TIJDIG"
    deadline = ctx.value("deadline")
    if deadline is None:
        return no_param(rid, "deadline")
    return on_time(rid, entry, ctx, deadline, f"de deadline van {d(deadline)}")


@rule("SCH-DEFINITIEF", "Definitief rapport, geen concept")
def definitief(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Alleen een definitief rapport telt. Een concept is 'fail'; staat er niets over in het
    rapport, dan is het 'manual'."""
    rid = "SCH-DEFINITIEF"
    page = page_of(entry, "final")
    if entry.final is True:
        return [check(rid, "pass", "Het rapport is definitief.", page)]
    if entry.final is False:
        return [check(rid, "fail", "Het rapport is een concept, geen definitief rapport.", page)]
    return [check(rid, "manual", "Niet gevonden of het rapport definitief is of een concept.")]


@rule("SCH-VRAGEN", "Resultaten van alle verplichte vragen gerapporteerd")
def vragen(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Elke verplichte vraag uit de regeling moet in het rapport voorkomen (als figuurtitel of, voor
    het rapportcijfer, als kolom van de resultatentabel). Ontbrekende vragen worden bij naam
    genoemd: 'fail'."""
    rid = "SCH-VRAGEN"
    wanted = ctx.value("mandatory_questions")
    if not wanted:
        return no_param(rid, "mandatory_questions")
    texts = [q.text for q in entry.questions]
    if any(r.rapportcijfer is not None for r in entry.results):
        texts.append("rapportcijfer")
    missing = [q["name"] for q in wanted if not any(regex.search(q["pattern"], t, regex.IGNORECASE) for t in texts)]
    if missing:
        return [check(rid, "fail", f"Verplichte vragen niet gevonden: {', '.join(missing)}.")]
    return [check(rid, "pass", f"Alle {len(wanted)} verplichte vragen zijn gerapporteerd.")]


def _ended(ctx: Context, perceel: str | None) -> int | None:
    """Ended services in this perceel/cluster according to CLMS, if known."""
    if ctx.clms is None or perceel is None:
        return None
    key = normalise_name(perceel)
    for name, count in ctx.clms.ended.items():
        if normalise_name(name) == key:
            return count
    return None


@rule("SCH-BENADERD", "Alle klanten met een beëindigde dienst benaderd")
def benaderd(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Alle klanten van wie een scholingsdienst in de meetperiode is beëindigd, moeten zijn
    benaderd: het aantal benaderde klanten is gelijk aan het aantal beëindigde diensten per perceel
    of cluster (seed 000, 'Beoordeling'). Het aantal beëindigde diensten komt uit de CLMS-export
    (--clms); zonder export is dit 'manual' met het aantal uit het rapport. Noemt het rapport
    alleen een totaal terwijl CLMS meer percelen kent, dan klopt het totaal hooguit: 'manual'."""
    rid = "SCH-BENADERD"
    approached = entry.approached.clienten if entry.approached else None
    page = page_of(entry, "approached")
    said = f"het rapport noemt {approached} benaderde cliënten" if approached is not None else "het rapport noemt geen aantal benaderde cliënten"
    if ctx.clms is None or not ctx.clms.ended:
        return [check(rid, "manual", f"Aantal beëindigde diensten per perceel/cluster onbekend (geen CLMS-export); {said}.", page)]
    ended = ctx.clms.ended
    rows = service_rows(entry)
    if rows and all(r.benaderd is not None for r in rows):  # the report gives approached per row
        per_perceel: dict[str, int] = {}
        for r in rows:
            key = perceel_of(r.service, ctx) or r.service
            per_perceel[key] = per_perceel.get(key, 0) + r.benaderd
        out = []
        for perceel, count in ended.items():
            got = next((v for k, v in per_perceel.items() if normalise_name(k) == normalise_name(perceel)), None)
            if got is None:
                out.append(check(rid, "fail", f"{perceel}: CLMS meldt {count} beëindigde diensten; het rapport noemt dit perceel niet."))
            elif got == count:
                out.append(check(rid, "pass", f"{perceel}: {got} benaderd, gelijk aan {count} beëindigde diensten (CLMS).", rows[0].page))
            else:
                out.append(check(rid, "fail", f"{perceel}: {got} benaderd, maar CLMS meldt {count} beëindigde diensten.", rows[0].page))
        return out
    if approached is None:
        return [check(rid, "manual", f"CLMS meldt {sum(ended.values())} beëindigde diensten; {said}.")]
    total = sum(ended.values())
    listing = ", ".join(f"{k} {v}" for k, v in ended.items())
    if approached != total:
        return [check(rid, "fail", f"{approached} cliënten benaderd, maar CLMS meldt {total} beëindigde diensten ({listing}).", page)]
    if len(ended) == 1:
        return [check(rid, "pass", f"{approached} cliënten benaderd, gelijk aan de beëindigde diensten in CLMS ({listing}).", page)]
    return [check(rid, "manual", f"In totaal {approached} benaderd, gelijk aan CLMS ({listing}), maar het rapport geeft het aantal "
                  "benaderden niet per perceel/cluster.", page)]


@rule("SCH-VERANTWOORDING", "Methodologische verantwoording per perceel/cluster")
def verantwoording(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Uit het rapport moet per perceel of cluster blijken hoeveel klanten zijn benaderd, hoeveel
    hebben deelgenomen, op welke wijze ze zijn benaderd en wat de respons is (seed 000,
    'Beoordeling'). De netto steekproef geldt als aantal benaderd per dienst; de wijze van benadering
    mag voor alle diensten samen zijn beschreven. Ontbreekt iets: 'fail' met wat er ontbreekt."""
    rid = "SCH-VERANTWOORDING"
    rows = service_rows(entry)
    if not rows:
        return [check(rid, "fail", "Geen resultaten per perceel/cluster gevonden: benaderd, deelgenomen en respons ontbreken.")]
    a = entry.approach
    has_method = a is not None and (a.email or a.schriftelijk or a.telefonisch in ("ja", "deels"))
    problems = []
    for r in rows:
        missing = []
        if r.benaderd is None and r.netto_steekproef is None:
            missing.append("aantal benaderd")
        if r.ingevuld is None:
            missing.append("aantal deelgenomen")
        if r.respons_pct is None:
            missing.append("responspercentage")
        if missing:
            problems.append(f"{labelled(r, ctx)}: {', '.join(missing)}")
    if not has_method:
        problems.append("de wijze van benadering")
    if problems:
        return [check(rid, "fail", f"Methodologische verantwoording onvolledig; ontbreekt: {'; '.join(problems)}.", rows[0].page)]
    return [check(rid, "pass", f"Per dienst benaderd, deelgenomen en respons (p. {rows[0].page}); wijze van benadering "
                  f"op p. {a.page if a and a.page else '–'}.", rows[0].page)]


def _approach_account(entry: ReportEntry) -> str | None:
    """The report's own account of how often and how clients were approached, if it gives one."""
    a = entry.approach
    if a is None or not a.text:
        return None
    how = a.email or a.schriftelijk or a.telefonisch in ("ja", "deels")
    return a.text if how else None


@rule("SCH-RESPONS", "Minimale respons per perceel/cluster")
def respons(entry: ReportEntry, ctx: Context) -> list[Check]:
    """De minimale respons-eis geldt per perceel en per cluster (seed 000, 'Minimale
    respons-eisen'). De eis staat in de niet-openbare 'Richtlijn voor onderzoeksbureaus'; zolang
    de regeling geen waarde heeft, is de uitkomst 'manual' met de gevonden respons. Wordt een bekende
    eis niet gehaald, dan moet het rapport zeggen hoe vaak en op welke wijze klanten zijn benaderd en
    een conclusie trekken over de inspanningen: staat die beschrijving erin, dan 'manual' met de
    tekst om te beoordelen; ontbreekt ze, dan 'fail'."""
    rid = "SCH-RESPONS"
    minimum = ctx.number("min_response")
    rows = service_rows(entry)
    if not rows:
        return [check(rid, "manual", "Geen resultaten per dienst gevonden om de respons te beoordelen.")]
    out = []
    for r in rows:
        found = f"{labelled(r, ctx)}: respons {n(r.respons_pct)} % bij netto steekproef {n(r.netto_steekproef)}"
        if minimum is None:
            out.append(check(rid, "manual", f"{found}; minimale respons-eis niet bekend in deze regeling.", r.page))
        elif r.respons_pct is None:
            out.append(check(rid, "manual", f"Geen respons gevonden voor {labelled(r, ctx)}.", r.page))
        elif r.respons_pct >= minimum:
            out.append(check(rid, "pass", f"{found} haalt de eis van {n(minimum)} %.", r.page))
        elif account := _approach_account(entry):
            page = entry.approach.page if entry.approach else None
            out.append(check(rid, "manual", f"{found} haalt de eis van {n(minimum)} % niet. Het rapport beschrijft de benadering"
                             f"{f' (p. {page})' if page else ''}: \u201c{account}\u201d Beoordeel of dit en de conclusie over de "
                             "inspanningen volstaan.", page or r.page))
        else:
            out.append(check(rid, "fail", f"{found} haalt de eis van {n(minimum)} % niet, en het rapport beschrijft niet hoe vaak en "
                             "op welke wijze klanten zijn benaderd.", r.page))
    return out


def _exemption_basis(r: ResultRow, ctx: Context) -> tuple[int | None, str]:
    """Ended services for the row's perceel from CLMS, else the netto steekproef as a stand-in."""
    ended = _ended(ctx, perceel_of(r.service, ctx))
    if ended is not None:
        return ended, "beëindigde diensten (CLMS)"
    return r.netto_steekproef, "netto steekproef"


@rule("SCH-VRIJSTELLING", "Vrijstelling bij minder dan 5 beëindigde diensten")
def vrijstelling(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Bij minder dan 5 beëindigde scholingsdiensten in een perceel/cluster kan de leverancier
    vrijstelling vragen (seed 000, 'Uitzondering'). Zo'n dienst is 'n/a' met die opmerking. Het aantal
    beëindigde diensten komt uit de CLMS-export; zonder export geldt de netto steekproef."""
    rid = "SCH-VRIJSTELLING"
    limit = ctx.value("exemption_below")
    if limit is None:
        return no_param(rid, "exemption_below")
    out = []
    for r in service_rows(entry):
        count, basis = _exemption_basis(r, ctx)
        if count is not None and count < int(limit):
            out.append(check(rid, "n/a", f"{labelled(r, ctx)}: {count} {basis}, minder dan {limit}; de leverancier kan voor dit "
                             "perceel/cluster vrijstelling aanvragen.", r.page))
    return out


@rule("SCH-NORM", "Gemiddeld rapportcijfer per perceel/cluster minimaal de norm")
def norm(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Per perceel of cluster (niet alleen het totaal) moet het gemiddelde rapportcijfer minimaal de
    norm zijn (scholingsdiensten 2021: 8). Een dienst zonder ingevulde vragenlijsten ("0,0" bij 0
    ingevuld) heeft geen cijfer en is 'manual', geen 0. Diensten onder de vrijstellingsgrens tellen
    niet mee."""
    rid = "SCH-NORM"
    limit = ctx.number("norm")
    if limit is None:
        return no_param(rid, "norm")
    exempt = ctx.value("exemption_below")
    rows = service_rows(entry)
    if not rows:
        return [check(rid, "manual", "Geen rapportcijfers per dienst gevonden.")]
    out = []
    for r in rows:
        count, _ = _exemption_basis(r, ctx)
        if exempt is not None and count is not None and count < int(exempt):
            continue
        name = labelled(r, ctx)
        if not r.ingevuld or r.rapportcijfer is None:
            out.append(check(rid, "manual", f"{name}: geen ingevulde vragenlijsten, dus geen rapportcijfer.", r.page))
        elif r.rapportcijfer >= limit:
            out.append(check(rid, "pass", f"{name}: rapportcijfer {n(r.rapportcijfer)} haalt de norm {n(limit)}.", r.page))
        else:
            out.append(check(rid, "fail", f"{name}: rapportcijfer {n(r.rapportcijfer)} is lager dan de norm {n(limit)}.", r.page))
    return out


@rule("SCH-CONSISTENTIE", "Cijfers in de resultatentabel kloppen met elkaar")
def consistentie(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Interne controle van tabel 1.1: respons = ingevuld / netto steekproef (op de gedrukte
    decimaal), een totaalregel is de som van de diensten erboven, en een rapportcijfer ligt tussen
    1 en 10 ("0,0" bij 0 ingevuld betekent 'geen cijfer'). Een afwijking is 'fail' met de getallen."""
    rid = "SCH-CONSISTENTIE"
    out = []
    for r in entry.results:
        if r.netto_steekproef and r.ingevuld is not None and r.respons_pct is not None:
            # Printed to N decimals, the exact share may lie up to half a unit away (6,25 prints as 6,3 or 6,2).
            decimals = decimals_of(r.raw["respons_pct"]) if r.raw.get("respons_pct") else 1
            exact = 100 * r.ingevuld / r.netto_steekproef
            if abs(exact - r.respons_pct) > 0.5 * 10**-decimals + 1e-9:
                out.append(check(rid, "fail", f"{r.service}: respons {n(r.respons_pct)} % klopt niet met "
                                 f"{r.ingevuld} / {r.netto_steekproef} = {n(exact, decimals + 1)} %.", r.page))
        if r.rapportcijfer is not None and not (r.ingevuld == 0 and r.rapportcijfer == 0):
            if not 1 <= r.rapportcijfer <= 10:
                out.append(check(rid, "fail", f"{r.service}: rapportcijfer {n(r.rapportcijfer)} ligt niet tussen 1 en 10.", r.page))
    for group in ("clienten", "opdrachtgevers"):
        rows = [r for r in entry.results if r.group == group]
        parts = [r for r in rows if not r.is_total]
        for total in (r for r in rows if r.is_total):
            if not parts:
                continue
            for field in ("netto_steekproef", "ingevuld"):
                values = [getattr(r, field) for r in parts]
                if None in values or getattr(total, field) is None:
                    continue
                if sum(values) != getattr(total, field):
                    out.append(check(rid, "fail", f"{total.service} ({group}): {field.replace('_', ' ')} {getattr(total, field)} "
                                     f"is niet de som van de diensten ({' + '.join(map(str, values))} = {sum(values)}).", total.page))
    if not out:
        out.append(check(rid, "pass", f"{len(entry.results)} rijen van de resultatentabel zijn onderling consistent."))
    return out


@rule("SCH-PERCEEL", "Elke dienst valt onder een perceel of cluster")
def perceel(entry: ReportEntry, ctx: Context) -> list[Check]:
    """De eisen gelden per UWV-perceel (Opleidingen, Functiegerichte vaardigheidstrainingen per
    cluster, Leerbanen, Ervaringscertificaten). De regeling legt in 'percelen' vast welke
    dienstnamen uit rapporten onder welk perceel vallen. Een dienst die onder geen perceel valt, is
    'manual' met de naam van de dienst, zodat de accounthouder hem indeelt."""
    rid = "SCH-PERCEEL"
    if not ctx.value("percelen"):
        return no_param(rid, "percelen")
    out = []
    for r in service_rows(entry):
        p = perceel_of(r.service, ctx)
        if p is None:
            out.append(check(rid, "manual", f"Dienst '{r.service}' valt onder geen perceel of cluster van de regeling; handmatig indelen.", r.page))
        else:
            out.append(check(rid, "pass", f"Dienst '{r.service}' valt onder perceel {p}.", r.page))
    return out
