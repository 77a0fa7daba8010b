"""Rules of the Blik op Werk keurmerk, as the Panteia reports describe them (par. 2.3 Respons)."""

from __future__ import annotations

from ..dutch import format_number as n
from ..schema import Check, ReportEntry
from .base import Context, breach, check, missing, no_param, printed, rule, service_rows


@rule("BOW-TOTAAL", "Blik op Werk: totaal rapportcijfer minimaal 6,5")
def bow_totaal(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Voor het keurmerk is bij totaal een gemiddeld rapportcijfer van 6,5 de norm (Panteia, par. 2.3).
    Onder de norm: 'fail' met het cijfer zoals gedrukt (gelezen met OCR of een algemene leesmodule:
    'manual', mogelijk voldoet niet). Geen totaalregel gelezen: 'manual' met waar is gezocht; 'fail'
    alleen als de leesmodule kan instaan voor de afwezigheid."""
    rid = "BOW-TOTAAL"
    limit = ctx.number("norm_total")
    if limit is None:
        return no_param(rid, "norm_total")
    totals = [r for r in entry.results if r.group == "clienten" and r.is_total]
    if not totals:
        return [missing(rid, entry, "results", what="totaal rapportcijfer van cliënten")]
    t = totals[0]
    if t.rapportcijfer is None:
        return [check(rid, "manual", "Totaalregel van cliënten gelezen, maar zonder rapportcijfer; controleer de resultatentabel.", t.page)]
    if t.rapportcijfer >= limit:
        return [check(rid, "pass", f"Totaal rapportcijfer {printed(t, 'rapportcijfer')} haalt de norm {n(limit)}.", t.page)]
    return [breach(rid, entry, f"Totaal rapportcijfer {printed(t, 'rapportcijfer')} haalt de norm {n(limit)} niet.", page=t.page,
                   raw=t.raw.get("rapportcijfer"))]


@rule("BOW-DIENST", "Blik op Werk: per dienst rapportcijfer minimaal 5,5")
def bow_dienst(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Per dienst moet een gemiddeld rapportcijfer van 5,5 of hoger worden gehaald (Panteia, par.
    2.3). Blik op Werk corrigeert daarbij voor erg lage cijfers als de spreiding bekend is; die
    spreiding staat niet als getal in het rapport, dus een te laag cijfer is 'manual'. Een dienst
    zonder ingevulde vragenlijsten heeft geen cijfer ('n/a'); een niet gelezen cijfer, of geen
    diensten gelezen, is 'manual'."""
    rid = "BOW-DIENST"
    limit = ctx.number("norm_service")
    if limit is None:
        return no_param(rid, "norm_service")
    rows = service_rows(entry)
    if not rows:
        return [missing(rid, entry, "results", fails=False, what="rapportcijfers per dienst")]
    out = []
    for r in rows:
        if r.rapportcijfer is None or not r.ingevuld:
            out.append(check(rid, "n/a" if r.ingevuld == 0 else "manual", f"{r.service}: geen rapportcijfer"
                             f"{' (0 ingevuld)' if r.ingevuld == 0 else ' gelezen; controleer de resultatentabel'}.", r.page))
            continue
        if r.rapportcijfer >= limit:
            out.append(check(rid, "pass", f"{r.service}: {printed(r, 'rapportcijfer')} haalt {n(limit)}.", r.page))
        else:
            out.append(check(rid, "manual", f"{r.service}: {printed(r, 'rapportcijfer')} is lager dan {n(limit)}; de correctie voor lage "
                             "cijfers vraagt de spreiding, die niet als getal in het rapport staat.", r.page))
    return out


@rule("BOW-PUBLICATIE", "Blik op Werk: publicatie zoals gerapporteerd")
def bow_publicatie(entry: ReportEntry, ctx: Context) -> list[Check]:
    """De kolom 'Publicatie' zegt of de respons hoog genoeg was om het cijfer op de website van Blik
    op Werk te publiceren. De drempel daarvoor staat in de handleiding Blik op Werk Keurmerk en is
    niet openbaar, dus de kolom wordt overgenomen zoals gerapporteerd en getoond ('n/a', ter
    informatie); een rij zonder waarde in die kolom wordt genoemd, en zonder gelezen rijen zegt de
    melding waar is gezocht."""
    rid = "BOW-PUBLICATIE"
    if not entry.results:
        return [missing(rid, entry, "results", fails=False).model_copy(update={"status": "n/a"})]
    out = []
    for r in entry.results:
        if r.publicatie is None:
            out.append(check(rid, "n/a", f"{r.service}: publicatie niet vermeld.", r.page))
        else:
            out.append(check(rid, "n/a", f"{r.service}: publicatie {'ja' if r.publicatie else 'nee'} (zoals gerapporteerd).", r.page))
    return out
