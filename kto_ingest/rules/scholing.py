"""Rules of the UWV scholingsdiensten KTO (seed 000, 'Beoordeling'), in the order UWV lists them."""

from __future__ import annotations

import regex

from .. import _rx as cached
from ..bureaus import KOEPELS, normalise_name, same_organisation
from ..dutch import format_date as d
from ..dutch import format_number as n
from ..schema import Approach, Check, ReportEntry, ResultRow
from .base import (
    Context,
    breach,
    breach_of,
    check,
    clms_unknown,
    cluster_missing,
    describe_state,
    either,
    evidence_of,
    fact_state,
    labelled,
    mapped,
    missing,
    no_param,
    on_time,
    page_of,
    perceel_of,
    plain,
    printed,
    printed_pct,
    rule,
    service_rows,
)


@rule("SCH-BUREAU", "Onderzoeksbureau is lid van VBO, VSO of MOA")
def bureau(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Alleen een onderzoeksbureau dat lid is van VBO, VSO of MOA mag het onderzoek uitvoeren (seed
    000, 'Welk type organisatie'). Het bureau uit het rapport wordt opgezocht in het bureauregister
    (meegeleverd, of --bureaus BESTAND), ook onder zijn andere namen ('Panteia B.V.'). Lid van een
    geaccepteerde koepel: 'pass' met bron en controledatum. Niet in het register, of lidmaatschap
    niet bevestigd: 'manual', nooit een stille 'pass'. Volgens het register geen lid: 'fail', met de
    naam zoals gedrukt en de pagina (gelezen met OCR of een algemene leesmodule: 'manual', mogelijk
    voldoet niet). Geen bureau gevonden: 'manual' met waar is gezocht."""
    rid = "SCH-BUREAU"
    page = page_of(entry, "bureau")
    if not entry.bureau:
        return [missing(rid, entry, "bureau", fails=False, then="handmatig nagaan wie het onderzoek uitvoerde")]
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
        return [breach_of(rid, entry, "bureau", f"{b.naam} is volgens {where} geen lid van {either(accepted)} ({checked}).")]
    if b.koepel not in accepted:
        return [breach_of(rid, entry, "bureau", f"{b.naam} is lid van {b.koepel}; deze regeling accepteert alleen {either(accepted)} ({checked}).")]
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
    handtekening: 'manual' met de pagina. Geen handtekening: 'fail', met wat doorzocht is; maar op een
    gescand rapport (een pennenhandtekening is daar een afbeelding tussen afbeeldingen) 'manual', en ook
    'manual' als na het voorblad een afbeelding of getekende lijn staat zonder ondertekeningstekst erbij
    (een logo dat op meer pagina's terugkomt telt niet): dat kan een handtekening zijn."""
    rid = "SCH-ONDERTEKEND"
    sig = entry.signature
    if sig is None or sig.kind == "none":
        if entry.ocr_pages or sig is None:
            # On a scan, a pen signature is an image among images: a person looks.
            return [check(rid, "manual", "Geen handtekening gevonden, maar (een deel van) het rapport is gescand; "
                          "controleer of het op papier is ondertekend.")]
        if sig.candidate_pages:
            where = ", ".join(map(str, sig.candidate_pages))
            return [check(rid, "manual", "Geen digitale handtekening en geen ondertekeningsblok herkend, maar op pagina "
                          f"{where} staat een afbeelding of getekende lijn die een handtekening kan zijn; controleer of het "
                          "rapport door het onderzoeksbureau is ondertekend.", sig.candidate_pages[0])]
        searched = f"pagina 1-{entry.pages}" if entry.pages else "alle pagina's"
        return [check(rid, "fail", "Geen handtekening van het onderzoeksbureau gevonden: geen digitale handtekening en geen "
                      f"ondertekeningsblok met handtekening op {searched}.", None,
                      f"geen digitale handtekening (/ByteRange) en geen ondertekeningsblok met handtekening op {searched}")]
    if sig.kind == "visual":
        page = sig.pages[0] if sig.pages else None
        return [check(rid, "manual", f"Alleen een zichtbare handtekening{f' op pagina {page}' if page else ''}; handmatig nakijken.", page)]
    signer = sig.signer or "onbekende ondertekenaar"
    if sig.intact is False:
        return [check(rid, "fail", f"Digitale handtekening van {signer} is niet geldig: {sig.note or 'het document is na ondertekening gewijzigd'}.",
                      sig.changed_pages[0] if sig.changed_pages else None, sig.note or "handtekening niet intact")]
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
    Werk-rapport, is 'fail' met beide periodes en de tekst zoals gedrukt. Geen (volledige)
    meetperiode gevonden: 'manual' met waar is gezocht; 'fail' alleen als de leesmodule kan
    instaan voor de afwezigheid. Een meetperiode die de periode van de regeling niet eens raakt, hoort
    bij een ander jaar: de melding zegt dat en noemt hoe de regeling van dat jaar wordt gemaakt.
    Bron: seed 000, 'De meetperiode'."""
    rid = "SCH-MEETPERIODE"
    want = ctx.value("meetperiode")
    if want is None:
        return no_param(rid, "meetperiode")
    page = page_of(entry, "meetperiode")
    mp = entry.meetperiode
    if mp is None:
        return [missing(rid, entry, "meetperiode")]
    if mp.start is None or mp.end is None:
        return [check(rid, "manual", f"Meetperiode maar deels gelezen ({d(mp.start)} t/m {d(mp.end)}); controleer het rapport.", page)]
    if (mp.start, mp.end) == (want["start"], want["end"]):
        return [check(rid, "pass", f"Meetperiode {d(mp.start)} t/m {d(mp.end)} is die van de regeling.", page)]
    ev = evidence_of(entry, "meetperiode")
    if ev is not None and ev.derived and mp.end < want["end"]:
        # Only a related period was printed (fieldwork, 'looptijd van het onderzoek'). Whatever it is,
        # it ended before the regime's meetperiode did: clients whose service ended later cannot have
        # been asked, so the report does not cover the meetperiode. A period ending later stays manual.
        return [breach(rid, entry, f"De periode in het rapport ({d(mp.start)} t/m {d(mp.end)}) eindigt vóór het einde van de "
                       f"meetperiode van de regeling ({d(want['start'])} t/m {d(want['end'])}): klanten van wie de dienst later "
                       f"eindigde, kunnen niet zijn benaderd.", page=ev.page, raw=ev.raw, ocr=ev.ocr)]
    if other_year(entry, ctx):
        return [breach_of(rid, entry, "meetperiode", f"Meetperiode van het rapport is {d(mp.start)} t/m {d(mp.end)}: een ander jaar "
                          f"dan deze regeling ({ctx.regime.regime.title}, {d(want['start'])} t/m {d(want['end'])}). Is dit rapport "
                          f"voor een ander jaar bedoeld, controleer het dan met de regeling van dat jaar (kto-ingest regeling "
                          f"nieuw --van {ctx.regime.id} --jaar {mp.end.year}).")]
    return [breach_of(rid, entry, "meetperiode", f"Meetperiode van het rapport is {d(mp.start)} t/m {d(mp.end)}; de regeling vraagt "
                      f"{d(want['start'])} t/m {d(want['end'])}.")]


def other_year(entry: ReportEntry, ctx: Context) -> bool:
    """The report's meetperiode does not overlap the regime's at all: it is another year's report
    (or another regime's), not a late or early one of this year."""
    want, mp = ctx.value("meetperiode"), entry.meetperiode
    if not want or mp is None or mp.start is None or mp.end is None:
        return False
    return mp.end < want["start"] or mp.start > want["end"]


@rule("SCH-TIJDIG", "Op tijd ingediend")
def tijdig(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Het rapport moet uiterlijk op de deadline van de regeling door UWV zijn ontvangen
    (scholingsdiensten 2021: op of vóór 1 maart 2022). De ontvangstdatum komt uit de CLMS-export
    (--clms). Zonder ontvangstdatum (geen export, of het rapport staat er niet in) is alleen de
    rapportdatum bekend: ligt die na de deadline, dan is het 'fail'; anders blijft de ontvangst een
    punt voor een persoon ('manual'), nooit 'voldoet'. Hoort de meetperiode bij een ander jaar dan de
    regeling, dan is het 'n/a': SCH-MEETPERIODE zegt dat één keer, met de regeling die past."""
    rid = "SCH-TIJDIG"
    deadline = ctx.value("deadline")
    if deadline is None:
        return no_param(rid, "deadline")
    if other_year(entry, ctx):  # said once, by SCH-MEETPERIODE; this year's deadline says nothing about it
        return [check(rid, "n/a", f"Niet beoordeeld: de meetperiode van het rapport hoort bij een ander jaar dan de deadline van "
                      f"{d(deadline)} van deze regeling (zie SCH-MEETPERIODE).", page_of(entry, "meetperiode"))]
    return on_time(rid, entry, ctx, deadline, f"de deadline van {d(deadline)}")


@rule("SCH-DEFINITIEF", "Definitief rapport, geen concept")
def definitief(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Alleen een definitief rapport telt. Een concept is 'fail' met de tekst zoals gedrukt; staat
    er niets over in het rapport, dan is het 'manual' met waar is gezocht."""
    rid = "SCH-DEFINITIEF"
    page = page_of(entry, "final")
    if entry.final is True:
        return [check(rid, "pass", "Het rapport is definitief.", page)]
    if entry.final is False:
        return [breach_of(rid, entry, "final", "Het rapport is een concept, geen definitief rapport.")]
    return [missing(rid, entry, "final", fails=False)]


def _texts(entry: ReportEntry) -> list[tuple[str, int | None]]:
    """Every text the mandatory questions may stand in: figure captions, the text printed inside a
    figure (answer items), and table text (service labels and cells)."""
    out: list[tuple[str, int | None]] = []
    for q in entry.questions:
        out.append((q.text, q.page))
        out += [(item, q.page) for item in getattr(q, "items", [])]
    for r in entry.results:
        out.append((r.service, r.page))
        out += [(cell, r.page) for cell in r.raw.values()]
    if any(r.rapportcijfer is not None for r in entry.results):
        out.append(("rapportcijfer", next(r.page for r in entry.results if r.rapportcijfer is not None)))
    return out


@rule("SCH-VRAGEN", "Resultaten van alle verplichte vragen gerapporteerd")
def vragen(entry: ReportEntry, ctx: Context) -> list[Check]:
    """De resultaten op alle verplichte vragen moeten zijn gerapporteerd (seed 000, 'Beoordeling').
    De volledige lijst staat in de niet-openbare Richtlijn; de regeling kent alleen de vragen die
    UWV openbaar formuleerde. Gezocht wordt in figuurtitels, in de tekst binnen figuren (de
    2019-opmaak drukt ze als antwoorditems) en in tabellen. Alle bekende vragen gevonden: 'manual'
    ("de bekende vragen zijn gevonden; de volledige lijst is niet openbaar"), geen 'pass', tenzij de
    regeling met 'mandatory_questions_complete' aangeeft dat haar lijst volledig is. Ontbrekende
    vragen worden bij naam genoemd: 'fail' alleen als de leesmodule kan instaan dat ze ontbreken,
    anders 'manual' met waar is gezocht."""
    rid = "SCH-VRAGEN"
    wanted = ctx.value("mandatory_questions")
    if not wanted:
        return no_param(rid, "mandatory_questions")
    texts = _texts(entry)
    found, missing_names = {}, []
    for q in wanted:
        hit = next(((t, p) for t, p in texts if cached.search(q["pattern"], t, regex.IGNORECASE)), None)
        if hit is None:
            missing_names.append(q["name"])
        else:
            found[q["name"]] = hit
    if missing_names:
        names = f"({', '.join(missing_names)})"
        st = fact_state(entry, "questions")
        if st.status == "not_found" and st.vouched:
            return [missing(rid, entry, "questions", what=f"verplichte vragen {names}")]
        return [missing(rid, entry, "questions", fails=False, what=f"verplichte vragen {names}",
                        then="de vragen kunnen ook in een grafiek of tabel staan die kto-ingest niet las; controleer het rapport")]
    first = min((p for _, p in found.values() if p), default=None)
    if ctx.value("mandatory_questions_complete") is True:
        return [check(rid, "pass", f"Alle {len(wanted)} verplichte vragen zijn gerapporteerd.", first)]
    return [check(rid, "manual", f"De {len(wanted)} bekende verplichte vragen zijn gevonden ({', '.join(found)}); de volledige lijst staat in "
                  "de niet-openbare Richtlijn, dus controleer de overige vragen.", first)]


def _ended(ctx: Context, perceel: str | None) -> int | None:
    """Ended services in this perceel/cluster according to CLMS, if known."""
    if ctx.clms is None or perceel is None:
        return None
    key = normalise_name(perceel)
    for name, count in ctx.clms.ended.items():
        if normalise_name(name) == key:
            return count
    return None


def _by_perceel(entry: ReportEntry, ctx: Context) -> tuple[dict[str, list[ResultRow]], list[ResultRow]]:
    """The clients' service rows per UWV perceel/cluster, and the rows that map to none."""
    groups: dict[str, list[ResultRow]] = {}
    other: list[ResultRow] = []
    for r in service_rows(entry):
        p = perceel_of(mapped(r), ctx)
        if p is None:
            other.append(r)
        else:
            groups.setdefault(p, []).append(r)
    return groups, other


def _row_sum(rows: list[ResultRow], field: str) -> int | None:
    values = [getattr(r, field) for r in rows]
    return None if not values or None in values else sum(values)


@rule("SCH-BENADERD", "Alle klanten met een beëindigde dienst benaderd")
def benaderd(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Alle klanten van wie een scholingsdienst in de meetperiode is beëindigd, moeten zijn
    benaderd: het aantal benaderde klanten is gelijk aan het aantal beëindigde diensten per perceel
    of cluster (seed 000, 'Beoordeling'). Vergeleken wordt per perceel/cluster, nooit het totaal van
    het rapport (dat ook niet-UWV-diensten kan bevatten) met een telling per perceel. Het aantal
    beëindigde diensten komt uit de CLMS-export (--clms, de gezaghebbende telling); zonder export,
    of als het rapport er niet in staat, wordt vergeleken met de eigen kolom 'beëindigd' van het
    rapport als die er is, met die vermelding. Een verschil is 'fail' met de getallen zoals gedrukt;
    wat niet per perceel te vergelijken is, is 'manual'."""
    rid = "SCH-BENADERD"
    approached = entry.approached.clienten if entry.approached else None
    page = page_of(entry, "approached")
    groups, other = _by_perceel(entry, ctx)
    said = (f"het rapport noemt {approached} benaderde cliënten" if approached is not None
            else f"aantal benaderde cliënten: {describe_state(fact_state(entry, 'approached'))}")
    clms_ended = ctx.clms.ended if ctx.clms and ctx.clms.ended else None
    per_row = bool(groups) and all(_row_sum(rows, "benaderd") is not None for rows in groups.values())
    if clms_ended is None:
        why = clms_unknown(ctx, "geen beëindigde diensten")
        own = bool(groups) and per_row and all(_row_sum(rows, "beeindigd") is not None for rows in groups.values())
        if not own:
            return [check(rid, "manual", f"Aantal beëindigde diensten per perceel/cluster onbekend ({why}); {said}.", page)]
        out = []
        for perceel, rows in groups.items():
            got, ended = _row_sum(rows, "benaderd"), _row_sum(rows, "beeindigd")
            raw = "; ".join(f"{r.service}: benaderd {printed(r, 'benaderd')}, beëindigd {printed(r, 'beeindigd')}" for r in rows)
            base = f"{perceel}: {got} benaderd en {ended} beëindigd volgens het rapport zelf ({why}; CLMS is de gezaghebbende telling)"
            if got == ended:
                out.append(check(rid, "pass", f"{base}.", rows[0].page, raw))
            else:
                out.append(breach(rid, entry, f"{base}: niet alle klanten met een beëindigde dienst zijn benaderd.", page=rows[0].page, raw=raw))
        return out
    if per_row:
        out = []
        for perceel, count in clms_ended.items():
            rows = next((v for k, v in groups.items() if normalise_name(k) == normalise_name(perceel)), None)
            if rows is None:
                out.append(check(rid, "manual", f"{perceel}: CLMS meldt {count} beëindigde diensten; in de gelezen resultatentabel staat "
                                 "dit perceel/cluster niet. Controleer het rapport."))
                continue
            got = _row_sum(rows, "benaderd")
            raw = "; ".join(f"{r.service}: benaderd {printed(r, 'benaderd')}" for r in rows)
            if got == count:
                out.append(check(rid, "pass", f"{perceel}: {got} benaderd, gelijk aan {count} beëindigde diensten (CLMS).", rows[0].page, raw))
            else:
                out.append(breach(rid, entry, f"{perceel}: {got} benaderd, maar CLMS meldt {count} beëindigde diensten.", page=rows[0].page, raw=raw))
        return out
    total = sum(clms_ended.values())
    listing = ", ".join(f"{k} {v}" for k, v in clms_ended.items())
    if approached is None:
        return [missing(rid, entry, "approached", fails=False, then=f"CLMS meldt {total} beëindigde diensten ({listing}); controleer het rapport")]
    # One total is comparable only when it covers exactly the one perceel CLMS counts.
    only = len(clms_ended) == 1 and not other and len(groups) == 1 and normalise_name(next(iter(groups))) == normalise_name(next(iter(clms_ended)))
    if not only:
        return [check(rid, "manual", f"Het rapport noemt {approached} benaderde cliënten in totaal, niet per perceel/cluster; CLMS meldt "
                      f"{listing}. Vergelijk per perceel/cluster in het rapport.", page)]
    if approached == total:
        return [check(rid, "pass", f"{approached} cliënten benaderd, gelijk aan de beëindigde diensten in CLMS ({listing}).", page)]
    return [breach_of(rid, entry, "approached", f"{approached} cliënten benaderd, maar CLMS meldt {total} beëindigde diensten ({listing}).")]


@rule("SCH-VERANTWOORDING", "Methodologische verantwoording per perceel/cluster")
def verantwoording(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Uit het rapport moet per perceel of cluster blijken hoeveel klanten zijn benaderd, hoeveel
    hebben deelgenomen, op welke wijze ze zijn benaderd en wat de respons is (seed 000,
    'Beoordeling'). De netto steekproef geldt als aantal benaderd per dienst; de wijze van benadering
    mag voor alle diensten samen zijn beschreven. Alles gelezen: 'pass'. Een resultatentabel of
    beschrijving van de benadering die niet is gevonden of niet leesbaar is (bijvoorbeeld een
    tabeltitel zonder leesbare rijen): 'manual' met waar is gezocht; 'fail' alleen als de leesmodule
    kan instaan voor de afwezigheid. Een niet gelezen cel is 'manual' met de dienst en wat ontbreekt."""
    rid = "SCH-VERANTWOORDING"
    rows = service_rows(entry)
    if not rows:
        return [missing(rid, entry, "results", what="resultatentabel per perceel/cluster (benaderd, deelgenomen, respons)")]
    a = entry.approach
    out = []
    problems = []
    for r in rows:
        lacking = []
        if r.benaderd is None and r.netto_steekproef is None:
            lacking.append("aantal benaderd")
        if r.ingevuld is None:
            lacking.append("aantal deelgenomen")
        if r.respons_pct is None:
            lacking.append("responspercentage")
        if lacking:
            problems.append(f"{labelled(r, ctx)}: {', '.join(lacking)}")
    if problems:
        out.append(check(rid, "manual", f"Niet gelezen in de resultatentabel: {'; '.join(problems)}. Controleer of het rapport dit per "
                         "perceel/cluster vermeldt.", rows[0].page))
    if a is None:
        out.append(missing(rid, entry, "approach"))
    elif not _ways(a):
        shown = f": \u201c{a.text}\u201d" if a.text else ""
        out.append(check(rid, "manual", f"De beschrijving van de benadering noemt geen wijze die kto-ingest herkent ({_known_ways()}){shown}; "
                         "beoordeel die.", a.page))
    if out:
        return out
    return [check(rid, "pass", f"Per dienst benaderd, deelgenomen en respons (p. {rows[0].page}); wijze van benadering "
                  f"op p. {a.page if a and a.page else '–'}.", rows[0].page)]


def _known_ways() -> str:
    from ..reader import lexicon as lx  # here, not at the top: the main process loads the rules, not the reader

    return "; ".join(name for name, _ in lx.word_groups("approach"))


def _ways(a: Approach) -> list[str]:
    """The ways of approaching the report's account names: the parser's flags, and the lexicon's
    other ways (``[approach] ways``: sms, online, in person) in its text."""
    ways = [w for w, flag in (("e-mail", a.email), ("schriftelijk", a.schriftelijk),
                              ("telefonisch", a.telefonisch in ("ja", "deels"))) if flag]
    if a.text:  # the parser's flags decide e-mail, letter and telephone (it reads 'niet telefonisch')
        from ..reader import lexicon as lx

        ways += [name for name, pattern in lx.word_groups("approach")
                 if name not in ("e-mail", "brief of per post", "telefonisch") and pattern.search(a.text)]
    return ways


def _approach_account(entry: ReportEntry) -> str | None:
    """The report's own account of how often and how clients were approached, if it gives one."""
    a = entry.approach
    if a is None or not a.text:
        return None
    return a.text if _ways(a) else None


@rule("SCH-RESPONS", "Minimale respons per perceel/cluster")
def respons(entry: ReportEntry, ctx: Context) -> list[Check]:
    """De minimale respons-eis geldt per perceel en per cluster (seed 000, 'Minimale
    respons-eisen'). De eis staat in de niet-openbare 'Richtlijn voor onderzoeksbureaus'; zolang
    de regeling geen waarde heeft, is de uitkomst 'manual' met de gevonden respons. Wordt een bekende
    eis niet gehaald, dan moet het rapport zeggen hoe vaak en op welke wijze klanten zijn benaderd en
    een conclusie trekken over de inspanningen: staat die beschrijving erin, dan 'manual' met de
    tekst om te beoordelen; ontbreekt ze volgens een leesmodule die daarvoor kan instaan, dan 'fail',
    anders 'manual'. Geen resultaten gelezen: 'manual' met waar is gezocht."""
    rid = "SCH-RESPONS"
    minimum = ctx.number("min_response")
    rows = service_rows(entry)
    if not rows:
        return [missing(rid, entry, "results", fails=False, then="de respons is niet te beoordelen; controleer het rapport")]
    out = []
    for r in rows:
        found = f"{labelled(r, ctx)}: respons {printed_pct(r)} bij netto steekproef {printed(r, 'netto_steekproef')}"
        if minimum is None:
            out.append(check(rid, "manual", f"{found}; minimale respons-eis niet bekend in deze regeling.", r.page))
        elif r.respons_pct is None:
            out.append(check(rid, "manual", f"Geen respons gelezen voor {labelled(r, ctx)}; controleer de resultatentabel.", r.page))
        elif r.respons_pct >= minimum:
            out.append(check(rid, "pass", f"{found} haalt de eis van {plain(minimum)} %.", r.page))
        elif account := _approach_account(entry):
            page = entry.approach.page if entry.approach else None
            out.append(check(rid, "manual", f"{found} haalt de eis van {plain(minimum)} % niet. Het rapport beschrijft de benadering"
                             f"{f' (p. {page})' if page else ''}: \u201c{account}\u201d Beoordeel of dit en de conclusie over de "
                             "inspanningen volstaan.", page or r.page))
        else:
            st = fact_state(entry, "approach")
            text = (f"{found} haalt de eis van {plain(minimum)} % niet, en het rapport beschrijft niet hoe vaak en op welke wijze "
                    "klanten zijn benaderd")
            if entry.approach is None and st.status == "not_found" and st.vouched:
                out.append(breach(rid, entry, f"{text} (gezocht {st.looked}).", page=r.page, raw=r.raw.get("respons_pct")))
            else:
                out.append(check(rid, "manual", f"{text}, voor zover kto-ingest las; controleer het rapport.", r.page))
    return out


def _exemption_basis(rows: list[ResultRow], perceel: str, ctx: Context) -> tuple[int | None, str]:
    """Ended services in a perceel/cluster: from CLMS, else from the report's own 'beëindigd'
    column, only then from the netto steekproef as a stand-in; with which one was used."""
    ended = _ended(ctx, perceel)
    if ended is not None:
        return ended, "beëindigde diensten volgens CLMS"
    if (own := _row_sum(rows, "beeindigd")) is not None:
        return own, "beëindigde diensten volgens de kolom 'beëindigd' van het rapport"
    if (netto := _row_sum(rows, "netto_steekproef")) is not None:
        return netto, "netto steekproef (geen telling van beëindigde diensten bekend)"
    return None, ""


def _eligible(rows: list[ResultRow], perceel: str, ctx: Context) -> str | None:
    """'3 beëindigde diensten volgens CLMS, minder dan 5' when the perceel may ask for an exemption."""
    limit = ctx.value("exemption_below")
    if limit is None:
        return None
    count, basis = _exemption_basis(rows, perceel, ctx)
    if count is not None and count < int(limit):
        return f"{count} {basis}, minder dan {limit}"
    return None


@rule("SCH-VRIJSTELLING", "Vrijstelling bij minder dan 5 beëindigde diensten")
def vrijstelling(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Bij minder dan 5 beëindigde scholingsdiensten in een perceel/cluster kan de leverancier
    schriftelijk vrijstelling aanvragen, uiterlijk op de deadline (seed 000, 'Uitzondering'). Per
    perceel/cluster waar dat kan een 'n/a' ter informatie; of het cijfer dan nog telt, beslist
    SCH-NORM (onder de norm: 'manual', vrijstelling mogelijk; is die aangevraagd?). Het aantal
    beëindigde diensten komt uit de CLMS-export, anders uit de kolom 'beëindigd' van het rapport,
    pas daarna uit de netto steekproef; de melding zegt welke."""
    rid = "SCH-VRIJSTELLING"
    if ctx.value("exemption_below") is None:
        return no_param(rid, "exemption_below")
    deadline = ctx.value("deadline")
    by = f", schriftelijk en uiterlijk {d(deadline)}" if deadline else ""
    out = []
    for perceel, rows in _by_perceel(entry, ctx)[0].items():
        if why := _eligible(rows, perceel, ctx):
            out.append(check(rid, "n/a", f"{perceel}: {why}; de leverancier kan voor dit perceel/cluster vrijstelling aanvragen{by}.",
                             rows[0].page))
    return out


def _score_problem(r: ResultRow, ctx: Context) -> str | None:
    """Why a row has no score to judge, as a message; None when it has one."""
    name = labelled(r, ctx)
    if r.ingevuld == 0:
        return f"{name}: geen ingevulde vragenlijsten (0 ingevuld), dus geen rapportcijfer."
    if r.rapportcijfer is None:
        if r.ingevuld:
            return f"{name}: {r.ingevuld} ingevuld, maar geen rapportcijfer gelezen; controleer de resultatentabel."
        return f"{name}: geen rapportcijfer gelezen; controleer de resultatentabel."
    if r.rapportcijfer == 0 and r.ingevuld is None:
        return f"{name}: rapportcijfer {printed(r, 'rapportcijfer')} zonder aantal ingevuld; controleer de resultatentabel."
    return None


@rule("SCH-NORM", "Gemiddeld rapportcijfer per perceel/cluster minimaal de norm")
def norm(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Per perceel of cluster (niet alleen het totaal) moet het gemiddelde rapportcijfer minimaal de
    norm zijn (scholingsdiensten 2021: 8). De norm geldt alleen voor diensten die onder een
    UWV-scholingsperceel vallen; andere diensten (Jobcoaching, Outplacement, ...) deelt SCH-PERCEEL
    in. Meet het rapport alleen zulke andere diensten, dan zegt de melding dat ('manual').
    Functiegerichte vaardigheidstrainingen zonder cluster: 'manual'. Onder de norm: 'fail' met het
    cijfer zoals gedrukt; kan het perceel vrijstelling aanvragen (minder dan 5 beëindigde diensten),
    dan 'manual': vrijstelling mogelijk; is die aangevraagd? Een dienst zonder cijfer ("0,0" bij 0
    ingevuld, of een cijfer dat niet is gelezen) is 'manual', geen 0. Meerdere regels in één perceel:
    alle boven of alle onder de norm beslist, anders 'manual'."""
    rid = "SCH-NORM"
    limit = ctx.number("norm")
    if limit is None:
        return no_param(rid, "norm")
    if not service_rows(entry):
        return [missing(rid, entry, "results", fails=False, what="rapportcijfers per perceel/cluster")]
    groups, other = _by_perceel(entry, ctx)
    if not groups:
        names = ", ".join(r.service for r in other)
        return [check(rid, "manual", f"Het rapport meet alleen diensten die geen UWV-scholingsperceel zijn ({names}): een andere populatie "
                      f"dan de regeling vraagt, dus de norm {plain(limit)} is hier niet toe te passen. Beoordeel of dit het juiste "
                      "rapport is.", other[0].page if other else None)]
    out = []
    for perceel, rows in groups.items():
        if any(cluster_missing(mapped(r), ctx) for r in rows):
            out.append(check(rid, "manual", f"{perceel}: het rapport noemt geen cluster, maar de norm geldt per cluster; controleer per "
                             "cluster.", rows[0].page))
            continue
        problems = [p for r in rows if (p := _score_problem(r, ctx))]
        if problems:
            out += [check(rid, "manual", p, rows[0].page) for p in problems]
            continue
        below = [r for r in rows if r.rapportcijfer < limit]
        shown = ", ".join(f"{r.service} {printed(r, 'rapportcijfer')}" for r in rows)
        raw = "; ".join(f"{r.service}: {printed(r, 'rapportcijfer')}" for r in rows)
        name = labelled(rows[0], ctx) if len(rows) == 1 else f"{perceel} ({shown})"
        cijfer = f"rapportcijfer {printed(rows[0], 'rapportcijfer')}" if len(rows) == 1 else "elke regel"
        if not below:
            out.append(check(rid, "pass", f"{name}: {cijfer} haalt de norm {plain(limit)}.", rows[0].page, raw))
        elif len(below) < len(rows):
            out.append(check(rid, "manual", f"{perceel}: regels boven en onder de norm {plain(limit)} ({shown}); het gemiddelde per "
                             "perceel/cluster staat niet in het rapport. Bereken of vraag het.", rows[0].page, raw))
        elif why := _eligible(rows, perceel, ctx):
            out.append(check(rid, "manual", f"{name}: {cijfer} is lager dan de norm {plain(limit)}, maar {why}: vrijstelling mogelijk; "
                             "is die aangevraagd?", rows[0].page, raw))
        else:
            out.append(breach(rid, entry, f"{name}: {cijfer} is lager dan de norm {plain(limit)}.", page=rows[0].page, raw=raw))
    return out


@rule("SCH-CONSISTENTIE", "Cijfers in de resultatentabel kloppen met elkaar")
def consistentie(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Interne controle van tabel 1.1: respons = ingevuld / netto steekproef (op de gedrukte
    decimaal), een totaalregel is de som van de diensten erboven, en een rapportcijfer ligt tussen
    1 en 10 ("0,0" bij 0 ingevuld betekent 'geen cijfer'). Een afwijking is 'fail' met de getallen
    zoals gedrukt. 'pass' alleen als er iets te controleren was: geen rijen, of rijen zonder de
    getallen die nodig zijn, is 'manual' (geen controle over niets)."""
    rid = "SCH-CONSISTENTIE"
    if not entry.results:
        return [missing(rid, entry, "results", fails=False, then="er is niets om te controleren; controleer het rapport")]
    out = []
    checked = 0
    for r in entry.results:
        if r.netto_steekproef and r.ingevuld is not None and r.respons_pct is not None:
            checked += 1
            # Printed to N decimals, the exact share may lie up to half a unit away (6,25 prints as 6,3 or 6,2).
            decimals = r.respons_decimals()
            exact = 100 * r.ingevuld / r.netto_steekproef
            if abs(exact - r.respons_pct) > 0.5 * 10**-decimals + 1e-9:
                raw = f"netto {printed(r, 'netto_steekproef')}, ingevuld {printed(r, 'ingevuld')}, respons {printed(r, 'respons_pct')}"
                out.append(breach(rid, entry, f"{r.service}: respons {printed_pct(r)} klopt niet met "
                                  f"{r.ingevuld} / {r.netto_steekproef} = {n(exact, decimals + 1)} %.", page=r.page, raw=raw))
        if r.rapportcijfer is not None and not (r.ingevuld == 0 and r.rapportcijfer == 0):
            checked += 1
            if not 1 <= r.rapportcijfer <= 10:
                out.append(breach(rid, entry, f"{r.service}: rapportcijfer {printed(r, 'rapportcijfer')} ligt niet tussen 1 en 10.",
                                  page=r.page, raw=r.raw.get("rapportcijfer")))
    for group in ("clienten", "opdrachtgevers"):
        rows = [r for r in entry.results if r.group == group]
        parts = [r for r in rows if not r.is_total]
        for total in (r for r in rows if r.is_total):
            if not parts:
                continue
            summed = [r for r in parts if r.heading == total.service] or parts  # a perceel's subtotal sums its clusters
            for field in ("netto_steekproef", "ingevuld"):
                values = [getattr(r, field) for r in summed]
                if None in values or getattr(total, field) is None:
                    continue
                checked += 1
                if sum(values) != getattr(total, field):
                    raw = "; ".join(f"{r.service}: {printed(r, field)}" for r in summed + [total])
                    out.append(breach(rid, entry, f"{total.service} ({group}): {field.replace('_', ' ')} {getattr(total, field)} "
                                      f"is niet de som van de diensten ({' + '.join(map(str, values))} = {sum(values)}).",
                                      page=total.page, raw=raw))
    if not out and checked == 0:
        out.append(check(rid, "manual", f"{len(entry.results)} rijen gelezen, maar zonder de getallen om ze onderling te controleren; "
                         "controleer de resultatentabel.", entry.results[0].page))
    elif not out:
        out.append(check(rid, "pass", f"{checked} controles op {len(entry.results)} rijen van de resultatentabel kloppen.", entry.results[0].page))
    return out


@rule("SCH-PERCEEL", "Elke dienst valt onder een perceel of cluster")
def perceel(entry: ReportEntry, ctx: Context) -> list[Check]:
    """De eisen gelden per UWV-perceel (Opleidingen, Functiegerichte vaardigheidstrainingen per
    cluster, Leerbanen, Ervaringscertificaten). De regeling legt in 'percelen' vast welke
    dienstnamen uit rapporten onder welk perceel vallen. Een dienst die onder geen perceel valt, of
    een Functiegerichte vaardigheidstraining zonder cluster, is 'manual' met de naam van de dienst,
    zodat de accounthouder hem indeelt. Geen diensten gelezen: 'manual' met waar is gezocht."""
    rid = "SCH-PERCEEL"
    if not ctx.value("percelen"):
        return no_param(rid, "percelen")
    rows = service_rows(entry)
    if not rows:
        return [missing(rid, entry, "results", fails=False)]
    out = []
    for r in rows:
        p = perceel_of(mapped(r), ctx)
        if p is None:
            out.append(check(rid, "manual", f"Dienst '{r.service}' valt onder geen perceel of cluster van de regeling; handmatig indelen.", r.page))
        elif cluster_missing(mapped(r), ctx):
            out.append(check(rid, "manual", f"Dienst '{r.service}' valt onder perceel {p}, maar noemt geen cluster; dit perceel wordt per "
                             "cluster gerapporteerd (seed 000). Handmatig indelen.", r.page))
        else:
            out.append(check(rid, "pass", f"Dienst '{r.service}' valt onder perceel {p}.", r.page))
    return out
