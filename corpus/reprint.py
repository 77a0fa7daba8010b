"""Print a family of the variety corpus again with another PDF producer: the same documents and
truth files, every report printed from its HTML by WeasyPrint (the HTML-to-PDF engine many
reporting scripts use) instead of its style's own producer. A cheap probe of producer variety:
a report that reads fully from Chromium's PDF but not from WeasyPrint's shows a reader that
depends on how one producer lays out text (column gaps, line breaks, table widths).

    pip install weasyprint                     # not a dependency of kto-ingest; any venv will do
    python -m corpus.reprint OUT --family holdout7 [--weasyprint PATH-TO-PYTHON]
    python -m corpus.score OUT/holdout7        # from another folder than the checkout, as always

``--weasyprint`` names the Python that has WeasyPrint installed (default: this one). The styles
were written for Chromium, LibreOffice and reportlab; some of their CSS (key-figure tiles) is
laid out differently by WeasyPrint, which a person may also find hard to read: such misses say
more about the CSS than about the reader, and are no reason to tune it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from . import generate
from .render import to_html


def _weasyprint(python: str):
    def produce(doc, producer: str, out: Path, work: Path) -> None:
        work.mkdir(parents=True, exist_ok=True)
        src = work / f"{out.stem}.html"
        src.write_text(to_html(doc), encoding="utf-8")
        subprocess.run([python, "-m", "weasyprint", "-q", str(src), str(out)], check=True, capture_output=True, timeout=300)
    return produce


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpus.reprint", description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--family", required=True, choices=sorted(generate.FAMILY_MODULES))
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--weasyprint", default=sys.executable, help="the Python with WeasyPrint installed")
    args = ap.parse_args(argv)
    generate.produce = _weasyprint(args.weasyprint)  # every style's documents, printed by WeasyPrint
    written = generate.generate_family(args.out, args.family, seed=args.seed, verbose=False)
    print(f"{len(written)} rapporten opnieuw gedrukt met WeasyPrint in {args.out / args.family}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
