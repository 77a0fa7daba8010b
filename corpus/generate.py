"""Generate the variety corpus: KTO reports printed by real PDF producers, each with a truth file.

    python -m corpus.generate [OUTDIR] [--family dev|holdout|holdout2|holdout3|holdout4|holdout5|holdout6|holdout7|holdout8|holdout9|holdout10|holdout11|all|blind] [--seed N] [--only STYLE] [--limit N]

OUTDIR defaults to bench/corpus/ (git-ignored). Each family goes to OUTDIR/<family>/ with:
  *.pdf and *.truth.json   the reports and what they should be read as (fields and verdict)
  bureaus.toml             a bureau register with the family's fictitious bureaus as members
  clms.csv                 a CLMS export: received date and ended services per perceel/cluster
  pki/                     the CA certificate that the digitally signed reports chain to
Then: kto-ingest OUTDIR/<family> --trust OUTDIR/<family>/pki --bureaus OUTDIR/<family>/bureaus.toml
--clms OUTDIR/<family>/clms.csv   (``python -m corpus.score OUTDIR/<family>`` does this).

The content (text, numbers, layout) is deterministic from the seed. The bytes are not quite: the
producers stamp creation dates, and the signing keys are made afresh for each run (never stored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import math
import random
import shutil
import sys
import tempfile
from pathlib import Path

from . import model
from .render import produce

ROOT = Path(__file__).resolve().parent.parent
# family -> module with its house styles. holdout2 to holdout9 were written by someone who did not
# build the reader; holdout7 was scored blind once in session 7 and then looked at; holdout8 and holdout9
# (session 7) are kept for a blind measurement by the lead (corpus/README.md); holdout10 and holdout11 were
# written blind in session 8 and each scored once, blind, in that session (both have been looked at since).
FAMILY_MODULES = {"dev": "styles", "holdout": "holdout_styles", "holdout2": "holdout2_styles", "holdout3": "holdout3_styles",
                  "holdout4": "holdout4_styles", "holdout5": "holdout5_styles", "holdout6": "holdout6_styles",
                  "holdout7": "holdout7_styles", "holdout8": "holdout8_styles", "holdout9": "holdout9_styles",
                  "holdout10": "holdout10_styles", "holdout11": "holdout11_styles"}
FAMILY_SETS = {"all": ["dev", "holdout"], "blind": ["holdout9"]}
REGISTER_DATE = "2026-11-20"


def _plan(styles_module, family: str, seed: int):
    """(style, scenario, index) per document of the family."""
    mod = importlib.import_module(f"corpus.{styles_module}")
    rng = random.Random(f"{seed}-{family}-plan")
    plan = []
    for styles, scenarios, per_style in ((mod.SCHOLING_STYLES, model.SCHOLING_SCENARIOS, mod.DOCS_PER_SCHOLING_STYLE),
                                         (mod.JOBCOACH_STYLES, model.JC_SCENARIOS, mod.DOCS_PER_JC_STYLE)):
        # one shuffled cycle through the scenarios, dealt to the styles in turn, so that every scenario
        # occurs in the family and each style gets a compliant report first
        order = list(scenarios)
        rng.shuffle(order)
        order = [s for s in order if s != "compliant"]
        for k, style in enumerate(styles):
            own = ["compliant"] + [order[(k * (per_style - 1) + i) % len(order)] for i in range(per_style - 1)]
            for i, sc in enumerate(own):
                plan.append((style, sc, i))
    return plan


def _find(pdf: Path, needle: str, last: bool = False) -> tuple[int, float] | None:
    from kto_ingest._pymupdf import pymupdf

    hits = []
    with pymupdf.open(pdf) as doc:
        for page in doc:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    text = "".join(sp["text"] for sp in line["spans"]).strip()
                    if text == needle or (not last and text.startswith(needle)):
                        hits.append((page.number, line["bbox"][1], page.rect.height))
    if not hits:
        return None
    p, y, h = hits[-1] if last else hits[0]
    return p, y


def _produce_split(style, spec, rng_seed: str, pdf: Path, work: Path):
    """Produce; for a style whose table must run over two pages, pad the text before it until it does.
    With ``split_head`` (a header line of that table) the table must also begin on its caption's page,
    not leave the caption behind and move to the next page whole."""
    built = style.build(spec, random.Random(rng_seed), 0)
    produce(built.doc, style.producer, pdf, work)
    if not built.split_check:
        return built
    caption = next(b.caption for b in built.doc.blocks if getattr(b, "caption", None))
    line_h = 12.1
    pad = 0
    first_y = None
    too_little, too_much = None, None  # split_head only: pads that left the table on one page / moved it whole
    for _ in range(12 if built.split_head else 6):
        cap, tot = _find(pdf, caption), _find(pdf, built.split_check, last=True)
        if cap and tot and tot[0] > cap[0]:
            if not built.split_head:
                return built
            head = _find(pdf, built.split_head)
            if head is None:
                raise RuntimeError(f"{pdf.name}: table header {built.split_head!r} not found")
            if head[0] == cap[0]:
                return built
            if too_little is None and pad < 3:  # no text to take away: let a page of text take the caption along
                pad += int((841.9 - 2 * 56.7) / line_h) - 4
            else:
                too_much = pad
                pad = (too_little + pad) // 2 if too_little is not None else pad - 3
                if pad == too_little:
                    break
            built = style.build(spec, random.Random(rng_seed), pad)
            produce(built.doc, style.producer, pdf, work)
            continue
        if not cap or not tot:
            raise RuntimeError(f"{pdf.name}: table caption or {built.split_check!r} not found")
        if too_much is not None:
            too_little = pad
            pad = (pad + too_much) // 2
            if pad == too_little:
                break
            built = style.build(spec, random.Random(rng_seed), pad)
            produce(built.doc, style.producer, pdf, work)
            continue
        if built.split_head:
            too_little = pad
        if first_y is None:
            first_y = (cap[0], cap[1])
        elif pad and cap[0] == first_y[0] and cap[1] > first_y[1]:
            line_h = (cap[1] - first_y[1]) / pad
        height = tot[1] - cap[1]
        bottom = 841.9 - 56.7
        target = bottom - height / 2 - 8
        need = math.ceil((target - cap[1]) / line_h)
        if need <= 0:
            need += int((bottom - 56.7) / line_h)
        pad += need
        built = style.build(spec, random.Random(rng_seed), pad)
        produce(built.doc, style.producer, pdf, work)
    raise RuntimeError(f"{pdf.name}: could not make the table run over two pages")


def generate_family(out: Path, family: str, seed: int = 2021, only: str | None = None, limit: int | None = None,
                    verbose: bool = True) -> list[Path]:
    styles_module = FAMILY_MODULES[family]
    fam_dir = out / family
    if fam_dir.exists():
        shutil.rmtree(fam_dir)
    fam_dir.mkdir(parents=True)
    sys.path.insert(0, str(ROOT / "fixtures"))
    from sign import TestPki, sign_pdf  # fixtures/sign.py: the project's test PKI

    pki = TestPki.create()
    (fam_dir / "pki").mkdir()
    (fam_dir / "pki" / "corpus-test-ca.pem").write_bytes(pki.ca_pem())
    signers: dict[str, object] = {}
    plan = _plan(styles_module, family, seed)
    if only:
        plan = [p for p in plan if p[0].key == only]
    if limit:
        plan = plan[:limit]
    clms_lines = ["bestand;leverancier;ontvangen;perceel;beeindigd"]
    bureaus: dict[str, object] = {}
    written = []
    suppliers = model.supplier_names(random.Random(f"{seed}-{family}-suppliers"))
    work = Path(tempfile.mkdtemp(prefix=f"kto-corpus-{family}-"))
    try:
        for n, (style, scenario, i) in enumerate(plan, 1):
            name = f"{family}-{style.key}-{i + 1:02d}-{scenario.replace('_', '-')}"
            rng = random.Random(f"{seed}-{family}-{name}")
            pdf = fam_dir / f"{name}.pdf"
            if style.kind == "scholing":
                spec = model.scholing_spec(rng, name, style.organisation, scenario, style.label, suppliers.pop())
                built = _produce_split(style, spec, f"{seed}-{name}-build", pdf, work)
                truth = model.scholing_truth(spec, built.approached_printed, built.total_printed, built.beeindigd_printed,
                                             built.respons_decimals)
                truth["fields"]["bureau"] = style.organisation
                bureaus[style.organisation] = style
                for perceel, ended in spec.clms_ended.items():
                    clms_lines.append(f"{pdf.name};{spec.supplier};{spec.received:%d-%m-%Y};{perceel};{ended}")
                if spec.signature == "digital":
                    signer = signers.get(style.organisation)
                    if signer is None:
                        signer = signers[style.organisation] = pki.signer(style.organisation, f"Rapportage {style.organisation}")
                    sign_pdf(pdf, signer, location="Nederland", reason=f"Rapport vastgesteld door {style.organisation}")
                signature = spec.signature
            else:
                spec = model.jobcoach_spec(rng, name, style.organisation, scenario)
                built = _produce_split(style, spec, f"{seed}-{name}-build", pdf, work)
                truth = model.jobcoach_truth(spec)
                # by file only: the same organisation has several reports here, each received on its own date
                clms_lines.append(f"{pdf.name};;{spec.received:%d-%m-%Y};;")
                signature = "none"
            record = {"family": family, "file": pdf.name, "producer": style.producer, "style": style.key,
                      "organisation": style.organisation, "kind": style.kind, "signature": signature,
                      "received": spec.received.isoformat() if spec.received else None, **truth}
            (fam_dir / f"{name}.truth.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            written.append(pdf)
            if verbose:
                print(f"[{n}/{len(plan)}] {pdf.name} ({style.producer}) -> {truth['verdict']}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (fam_dir / "clms.csv").write_text("\n".join(clms_lines) + "\n", encoding="utf-8")
    (fam_dir / "bureaus.toml").write_text(register_toml(bureaus.values(), family), encoding="utf-8")
    return written


def register_toml(styles, family: str) -> str:
    koepels = ["MOA", "VBO", "VSO"]
    out = ["# Bureau register for the variety corpus (family %s): fictitious bureaus, marked as members so" % family,
           "# that a compliant report can pass SCH-BUREAU. Not a real member list.",
           "[register]", f"datum = {REGISTER_DATE}", 'bron = "kto-ingest variety corpus: fictief testregister"', ""]
    for i, s in enumerate(sorted(styles, key=lambda s: s.organisation)):
        aliases = ", ".join(json.dumps(a, ensure_ascii=False) for a in s.aliases)
        out += ["[[bureau]]", f"naam = {json.dumps(s.organisation, ensure_ascii=False)}", f"aliassen = [{aliases}]",
                'status = "lid"', f'koepel = "{koepels[i % 3]}"', 'bron = "fictief testregister van het variety corpus"',
                f"gecontroleerd = {REGISTER_DATE}", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpus.generate", description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", nargs="?", default=str(ROOT / "bench" / "corpus"))
    ap.add_argument("--family", choices=[*FAMILY_MODULES, *FAMILY_SETS], default="dev",
                    help="a family, 'all' (dev and holdout) or 'blind' (holdout9)")
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--only", help="only this style key (dev: meridiaan, kompaspunt, veldzicht, noorderlicht, horizon, werkmaatje, delta)")
    ap.add_argument("--limit", type=int, help="at most this many documents per family")
    args = ap.parse_args(argv)
    out = Path(args.outdir)
    families = FAMILY_SETS.get(args.family, [args.family])
    start = dt.datetime.now()
    for fam in families:
        files = generate_family(out, fam, args.seed, args.only, args.limit)
        print(f"{fam}: {len(files)} rapporten in {out / fam}")
    print(f"klaar in {(dt.datetime.now() - start).total_seconds():.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
