"""Copy a small committed sample of the dev family to corpus/sample/ (so tests and CI have real
Chromium and LibreOffice PDFs without running either).

    python -m corpus.sample [DEV_DIR] [DEST]      # defaults: bench/corpus/dev -> corpus/sample

One report per house style, preferring the scenario named in PICK, with its truth file; the
family's bureau register and CA certificate; the CLMS export cut down to the sampled files.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (style, scenario): Chromium ruled + signed, Chromium norm missed, LibreOffice .fodt table over two
# pages, Chromium transposed on a landscape page, LibreOffice HTML import with two tables, and the
# three jobcoaching organisations (Chromium, LibreOffice .fodt, reportlab).
PICK = [("meridiaan", "compliant"), ("meridiaan", "norm-missed"), ("kompaspunt", "compliant"), ("veldzicht", "compliant"),
        ("noorderlicht", "exemption"), ("horizon", "compliant"), ("werkmaatje", "no-analysis"), ("delta", "compliant")]


def make_sample(src: Path, dest: Path) -> list[str]:
    chosen = []
    for style, scenario in PICK:
        hits = sorted(src.glob(f"dev-{style}-*-{scenario}.pdf"))
        if not hits:
            raise SystemExit(f"{src}: no dev-{style}-*-{scenario}.pdf")
        chosen.append(hits[0].name)
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "pki").mkdir(parents=True)
    for name in chosen:
        shutil.copy2(src / name, dest / name)
        truth = name[:-4] + ".truth.json"
        shutil.copy2(src / truth, dest / truth)
    shutil.copy2(src / "bureaus.toml", dest / "bureaus.toml")
    for pem in (src / "pki").iterdir():
        shutil.copy2(pem, dest / "pki" / pem.name)
    lines = (src / "clms.csv").read_text(encoding="utf-8").splitlines()
    keep = [lines[0]] + [line for line in lines[1:] if line.split(";", 1)[0] in chosen]
    (dest / "clms.csv").write_text("\n".join(keep) + "\n", encoding="utf-8")
    return chosen


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    src = Path(argv[0]) if argv else ROOT / "bench" / "corpus" / "dev"
    dest = Path(argv[1]) if len(argv) > 1 else ROOT / "corpus" / "sample"
    for name in make_sample(src, dest):
        print(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
