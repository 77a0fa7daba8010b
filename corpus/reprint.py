"""Print a family of the variety corpus again with another PDF producer: the same documents and
truth files, every report printed by WeasyPrint (from its HTML: the HTML-to-PDF engine many
reporting scripts use) or by pdfLaTeX (from LaTeX written as an R Markdown / knitr / Quarto PDF is:
T1 Latin Modern fonts with ligatures and hyphenation, no space characters between words, every
table a booktabs or ruled longtable) instead of its style's own producer. A cheap probe of producer
variety: a report that reads fully from Chromium's PDF but not from WeasyPrint's or pdfTeX's shows a
reader that depends on how one producer lays out text (column gaps, line breaks, table widths).

    pip install weasyprint                     # not a dependency of kto-ingest; any venv will do
    python -m corpus.reprint OUT --family holdout7 [--weasyprint PATH-TO-PYTHON]
    python -m corpus.reprint OUT --family holdout7 --producer latex   # needs pdflatex (texlive)
    python -m corpus.score OUT/holdout7        # from another folder than the checkout, as always

``--producer`` is ``weasyprint`` (default) or ``latex``. With ``latex`` the truth files name the
producer ``latex`` (``corpus.check`` then looks for pdfTeX in the metadata); with ``weasyprint``
they keep the style's producer, as before. ``--weasyprint`` names the Python that has WeasyPrint
installed (default: this one). The styles were written for Chromium, LibreOffice and reportlab;
some of their CSS (key-figure tiles) is laid out differently by WeasyPrint, and the LaTeX writer
(``corpus.render.to_latex``) prints bars, tiles and coloured boxes as plain text and a cell
spanning rows as its text in its first row (no multirow here): such misses say more about the
rendering than about the reader, and are no reason to tune it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from . import generate
from .render import produce as render_produce, to_html


def _weasyprint(python: str):
    def produce(doc, producer: str, out: Path, work: Path) -> None:
        work.mkdir(parents=True, exist_ok=True)
        src = work / f"{out.stem}.html"
        src.write_text(to_html(doc), encoding="utf-8")
        subprocess.run([python, "-m", "weasyprint", "-q", str(src), str(out)], check=True, capture_output=True, timeout=300)
    return produce


def _latex(doc, producer: str, out: Path, work: Path) -> None:
    render_produce(doc, "latex", out, work)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpus.reprint", description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--family", required=True, choices=sorted(generate.FAMILY_MODULES))
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--producer", choices=("weasyprint", "latex"), default="weasyprint")
    ap.add_argument("--weasyprint", default=sys.executable, help="the Python with WeasyPrint installed")
    args = ap.parse_args(argv)
    # every style's documents, printed by the one producer
    generate.produce = _latex if args.producer == "latex" else _weasyprint(args.weasyprint)
    written = generate.generate_family(args.out, args.family, seed=args.seed, verbose=False)
    if args.producer == "latex":
        for pdf in written:
            tp = pdf.with_suffix(".truth.json")
            truth = json.loads(tp.read_text(encoding="utf-8"))
            truth["producer"] = "latex"
            tp.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    name = "pdfLaTeX" if args.producer == "latex" else "WeasyPrint"
    print(f"{len(written)} rapporten opnieuw gedrukt met {name} in {args.out / args.family}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
