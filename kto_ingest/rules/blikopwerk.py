"""Rules of the Blik op Werk keurmerk, as the Panteia reports describe them (par. 2.3 Respons)."""

from __future__ import annotations

from ..dutch import format_number as n
from ..schema import Check, ReportEntry
from .base import Context, check, no_param, rule, service_rows


@rule("BOW-TOTAAL", "Blik op Werk: totaal rapportcijfer minimaal 6,5")
def bow_totaal(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Voor het keurmerk is bij totaal een gemiddeld rapportcijfer van 6,5 de norm (Panteia, par. 2.3)."""
    rid = "BOW-TOTAAL"
    limit = ctx.number("norm_total")
    if limit is None:
        return no_param(rid, "norm_total")
    totals = [r for r in entry.results if r.group == "clienten" and r.is_total]
    if not totals or totals[0].rapportcijfer is None:
        return [check(rid, "manual", "Geen totaal rapportcijfer van cliënten gevonden.")]
    t = totals[0]
    if t.rapportcijfer >= limit:
        return [check(rid, "pass", f"Totaal rapportcijfer {n(t.rapportcijfer)} haalt de norm {n(limit)}.", t.page)]
    return [check(rid, "fail", f"Totaal rapportcijfer {n(t.rapportcijfer)} haalt de norm {n(limit)} niet.", t.page)]


@rule("BOW-DIENST", "Blik op Werk: per dienst rapportcijfer minimaal 5,5")
def bow_dienst(entry: ReportEntry, ctx: Context) -> list[Check]:
    """Per dienst moet een gemiddeld rapportcijfer van 5,5 of hoger worden gehaald (Panteia, par.
    2.3). Blik op Werk corrigeert daarbij voor erg lage cijfers als de spreiding bekend is; die
    spreiding staat niet als getal in het rapport, dus een te laag cijfer is 'manual'."""
    rid = "BOW-DIENST"
    limit = ctx.number("norm_service")
    if limit is None:
        return no_param(rid, "norm_service")
    out = []
    for r in service_rows(entry):
        if r.rapportcijfer is None or not r.ingevuld:
            continue
        if r.rapportcijfer >= limit:
            out.append(check(rid, "pass", f"{r.service}: {n(r.rapportcijfer)} haalt {n(limit)}.", r.page))
        else:
            out.append(check(rid, "manual", f"{r.service}: {n(r.rapportcijfer)} is lager dan {n(limit)}; de correctie voor lage "
                             "cijfers vraagt de spreiding, die niet als getal in het rapport staat.", r.page))
    return out


@rule("BOW-PUBLICATIE", "Blik op Werk: publicatie zoals gerapporteerd")
def bow_publicatie(entry: ReportEntry, ctx: Context) -> list[Check]:
    """De kolom 'Publicatie' zegt of de respons hoog genoeg was om het cijfer op de website van Blik
    op Werk te publiceren. De drempel daarvoor staat in de handleiding Blik op Werk Keurmerk en is
    niet openbaar, dus de kolom wordt overgenomen zoals gerapporteerd en getoond ('n/a', ter
    informatie); een rij zonder waarde in die kolom wordt genoemd."""
    rid = "BOW-PUBLICATIE"
    out = []
    for r in entry.results:
        if r.publicatie is None:
            out.append(check(rid, "n/a", f"{r.service}: publicatie niet vermeld.", r.page))
        else:
            out.append(check(rid, "n/a", f"{r.service}: publicatie {'ja' if r.publicatie else 'nee'} (zoals gerapporteerd).", r.page))
    return out
