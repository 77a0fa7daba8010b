"""Check a generated family against itself, without kto-ingest: every truth value is printed in its
PDF, the truth's numbers are consistent, the PDF comes from the producer the truth names.

    python -m corpus.check DIR      # prints one line per problem, and a count; exit 1 on problems

This says nothing about how well kto-ingest reads, so it may be run on the holdout family too.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import re
import sys
from pathlib import Path

from kto_ingest._pymupdf import pymupdf

from . import model
from .styles import period_text

PRODUCER_MARK = {"chromium": "Skia/PDF", "lo-fodt": "LibreOffice", "lo-html": "LibreOffice", "reportlab": "ReportLab",
                 "latex": "pdfTeX"}  # latex: corpus.reprint --producer latex


def nl1(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def family_module(family: str | None):
    """The styles module of a family (its own ``date_forms``/``period_forms``, if it has them)."""
    from .generate import FAMILY_MODULES

    name = FAMILY_MODULES.get(family or "")
    return importlib.import_module(f"corpus.{name}") if name else None


def date_forms(iso: str, family: str | None = None) -> list[str]:
    d = dt.date.fromisoformat(iso)
    out = [f"{d:%d-%m-%Y}", f"{d.day}-{d.month}-{d.year}", model.long_date(d)]
    mod = family_module(family)
    if mod is not None and hasattr(mod, "date_forms"):
        out += mod.date_forms(d)
    return out


def respons_forms(pct: float) -> list[str]:
    """One decimal ('38,0'), or a whole percent followed by '%' ('38 %', '38%') when it is whole; a value
    with two decimals only as itself ('38,46')."""
    if model.r1(pct) != pct:
        return [f"{pct:.2f}".replace(".", ",")]
    out = [nl1(pct)]
    if pct == int(pct):
        out += [f"{int(pct)} %", f"{int(pct)}%"]
    return out


def in_order(needle: str, words: list[str]) -> bool:
    """Every word of ``needle`` occurs in ``words`` in this order (a label wrapped inside a cell may
    be interleaved with the cells next to it, but keeps its own order)."""
    it = iter(words)
    return all(any(w == want for w in it) for want in needle.casefold().replace("’", "'").split())


def dehyphenated(words: list[str]) -> list[str]:
    """The words, and after a word broken at a line end by hyphenation ('col-', 'lega's', as TeX
    prints) the word joined again ('collega's'): the parts stay, so nothing that matched before stops
    matching."""
    out = []
    for i, w in enumerate(words):
        out.append(w)
        if len(w) > 2 and w.endswith("-") and w[-2].isalpha() and i + 1 < len(words) and words[i + 1][:1].isalpha():
            out.append(w[:-1] + words[i + 1])
    return out


def symbol_tight(text: str) -> str:
    """``text`` without spaces around symbols such as → and ≥: pdfTeX prints no space characters, and a
    text extractor may not see the gap after a symbol from a symbol font ('2020 →12 april 2021')."""
    return re.sub(r"\s*([^\w\s.,;:/()'’\-–])\s*", r"\1", text)


def problems(truth: dict, pdf: Path) -> list[str]:
    out: list[str] = []
    with pymupdf.open(pdf) as doc:
        text = " ".join(" ".join(page.get_text().split()) for page in doc)
        words = [w[4].casefold().replace("’", "'") for page in doc for w in page.get_text("words")]
        meta = f"{doc.metadata.get('producer') or ''} {doc.metadata.get('creator') or ''}"
    words = dehyphenated(words)
    low = text.casefold()
    f = truth["fields"]

    def need(ok: bool, what: str) -> None:
        if not ok:
            out.append(what)

    need(PRODUCER_MARK[truth["producer"]].casefold() in meta.casefold(), f"producer {truth['producer']} not in metadata {meta!r}")
    need(f["supplier"].casefold() in low, f"supplier {f['supplier']!r} not printed")
    if "bureau" in f:
        need(f["bureau"].casefold() in low, f"bureau {f['bureau']!r} not printed")
    family = truth.get("family")
    need(any(x in text for x in date_forms(f["report_date"], family)), f"report_date {f['report_date']} not printed")
    start, end = (dt.date.fromisoformat(f["meetperiode"][k]) for k in ("start", "end"))
    forms = [period_text(start, end, form) for form in ("long_tm", "long_tot", "dmy_tot", "dmy_dash", "calendar", "months", "dash_short")]
    forms.append(f"{start:%d-%m-%Y} t/m {end:%d-%m-%Y}")
    mod = family_module(family)
    if mod is not None and hasattr(mod, "period_forms"):
        forms += mod.period_forms(start, end)
    need(any(x in text or symbol_tight(x) in symbol_tight(text) for x in forms), f"meetperiode {start}..{end} not printed in a known form")
    if f.get("final") is True:
        need(bool(re.search(r"definitie|eindrapport|eindversie|vastgesteld", low)), "final: no definitief marking")
    if f.get("final") is False:
        need("concept" in low, "final false: no concept marking")
    if "approached" in f:
        need(f"{f['approached']['clienten']} klanten benaderd" in text, "approached total not printed")
    rows = f.get("results", [])
    for row in rows:
        need(in_order(row["service"], words), f"label {row['service']!r} not printed")
        for key in ("netto_steekproef", "ingevuld", "beeindigd"):
            if key in row:
                need(str(row[key]) in words or re.search(rf"(?<![\d,]){row[key]}(?![\d,])", text) is not None,
                     f"{row['service']}: {key} {row[key]} not printed")
        need(any(x in text for x in respons_forms(row["respons_pct"])), f"{row['service']}: respons {row['respons_pct']} not printed")
        if row["rapportcijfer"] is None:
            need(bool(re.search(r"n\.v\.t\.|(?<!\S)[-–](?!\S)", text)), f"{row['service']}: no n.v.t./- for the missing score")
        else:
            need(nl1(row["rapportcijfer"]) in text or f"{row['rapportcijfer']:.1f}" in text,
                 f"{row['service']}: score {row['rapportcijfer']} not printed")
        need(row["respons_pct"] in (model.r1(100 * row["ingevuld"] / row["netto_steekproef"]),
                                    model.r0(100 * row["ingevuld"] / row["netto_steekproef"]),
                                    model.r2(100 * row["ingevuld"] / row["netto_steekproef"])),
             f"{row['service']}: respons is not ingevuld / netto")
    plain = [r for r in rows if not r["is_total"]]
    for total in (r for r in rows if r["is_total"]):
        need(total["netto_steekproef"] == sum(r["netto_steekproef"] for r in plain), "total netto is not the sum")
        need(total["ingevuld"] == sum(r["ingevuld"] for r in plain), "total ingevuld is not the sum")
    jc = f.get("jobcoaching")
    if jc:
        need(any(x in text for x in date_forms(jc["recognition_date"], family)), "recognition date not printed")
        for avg in (jc["werknemer_avg"], jc["werkgever_avg"]):
            need(nl1(avg) in text or f"{avg:.1f}" in text, f"average {avg} not printed")
        for a in jc["answers"]:
            need(in_order(a["question"], words), f"question {a['question']!r} not printed")
        need(("analyse van de resultaten" in low) == jc["analysis_present"], "analysis presence differs from the truth")
        n = len(jc["periods"])
        if "average" not in truth["scenario"]:
            need(jc["werknemer_avg"] == model.r1(sum(p["werknemer_cijfer"] for p in jc["periods"]) / n), "werknemer average")
            need(jc["werkgever_avg"] == model.r1(sum(p["werkgever_cijfer"] for p in jc["periods"]) / n), "werkgever average")
        for a in jc["answers"]:
            need(sum(a["counts"].values()) == n, f"answer counts of {a['question']!r} do not add up to the periods")
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("gebruik: python -m corpus.check MAP", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    count = bad = 0
    for tp in sorted(folder.glob("*.truth.json")):
        truth = json.loads(tp.read_text(encoding="utf-8"))
        count += 1
        for p in problems(truth, folder / truth["file"]):
            bad += 1
            print(f"{truth['file']}: {p}")
    print(f"{count} rapporten, {bad} problemen")
    return 1 if bad or not count else 0


if __name__ == "__main__":
    raise SystemExit(main())
