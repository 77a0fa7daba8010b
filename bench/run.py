"""Benchmark: kto-ingest against the PDF floor, measured in one run on the same files.

    python bench/run.py                 # 200 reports
    python bench/run.py -n 50 --repeat 3

The corpus is the fixture reports (13-16 pages, with charts, one signed) copied to N files in a
temporary folder. Each measurement runs in its own process so peak memory (ru_maxrss) is its own:

* floor: bare PyMuPDF, ``page.get_text()`` on every page of every file, one process;
* kto-ingest: the whole pipeline (parse, signature, rules) on every file, one process;
* startup: ``kto-ingest --version``.

Figures are printed as ratios to the floor measured in the same run, so they compare across
machines. Not yet measured here: --jobs (issue 6), growth with page count, 1,000 files.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLOOR = """
import json, resource, sys, time
from pathlib import Path
from kto_ingest._pymupdf import pymupdf
files = sorted(Path(sys.argv[1]).glob("*.pdf"))
t = time.perf_counter()
for f in files:
    with pymupdf.open(f) as doc:
        for page in doc:
            page.get_text()
print(json.dumps({"seconds": time.perf_counter() - t, "files": len(files),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PIPELINE = """
import json, resource, sys, time
from pathlib import Path
from kto_ingest.bureaus import load_register
from kto_ingest.pipeline import Options, process_paths
from kto_ingest.regime import load_regime
from kto_ingest.registry import Registry
registry = Registry.from_entry_points()
options = Options(regime=load_regime(), register=load_register())
t = time.perf_counter()
n = sum(1 for _ in process_paths([Path(sys.argv[1])], registry, options))
print(json.dumps({"seconds": time.perf_counter() - t, "files": n,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def corpus(folder: Path, n: int) -> None:
    sources = sorted((ROOT / "fixtures").glob("*.pdf"))
    for i in range(n):
        shutil.copy(sources[i % len(sources)], folder / f"rapport-{i:04d}.pdf")


def measure(code: str, folder: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=200, help="number of reports (default 200)")
    ap.add_argument("--repeat", type=int, default=1, help="take the best of this many runs")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kto-bench-") as tmp:
        folder = Path(tmp)
        corpus(folder, args.n)
        floor = min((measure(FLOOR, folder) for _ in range(args.repeat)), key=lambda r: r["seconds"])
        ours = min((measure(PIPELINE, folder) for _ in range(args.repeat)), key=lambda r: r["seconds"])
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kto_ingest", "--version"], check=True, capture_output=True)
    startup = time.perf_counter() - t
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    python_startup = time.perf_counter() - t
    print(f"{args.n} reports, best of {args.repeat}")
    print(f"  floor (PyMuPDF get_text, all pages): {args.n / floor['seconds']:7.1f} reports/s   peak {floor['peak_mb']:6.0f} MB")
    print(f"  kto-ingest (parse+signature+rules):  {args.n / ours['seconds']:7.1f} reports/s   peak {ours['peak_mb']:6.0f} MB")
    print(f"  cost per report: {ours['seconds'] / floor['seconds']:.2f}x the floor; peak memory {ours['peak_mb'] / floor['peak_mb']:.2f}x")
    print(f"  kto-ingest --version: {startup:.2f} s ({startup / python_startup:.1f}x a bare python start)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
