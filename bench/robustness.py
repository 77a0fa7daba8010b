"""Run kto-ingest over a folder of foreign PDFs and report how it copes: zero crashes is the bar.

    python bench/robustness.py MAP [MAP...] [--jobs N] [--timeout S] [--json uitvoer.json] [-- KTO-INGEST-OPTIES]

It runs the real command (``python -m kto_ingest check MAP... --format json``) in a subprocess,
as an account manager would, and reports:

* how many files got an entry, counted per status and per error code;
* the ``crashed`` entries (each with its message) - there must be none;
* whether stderr holds a Python traceback - it must not;
* whether every input is unchanged: sha256 and mtime of every file, before and after.

Exit status 0 only when every file has an entry, nothing crashed, stderr holds no traceback, and
no input changed; 1 otherwise. Nothing is fetched: bring the corpus yourself, e.g.

    git clone --depth 1 https://github.com/mozilla/pdf.js /tmp/pdf.js      # test/pdfs: ~970 PDFs
    git clone --depth 1 https://github.com/py-pdf/sample-files /tmp/samples
    python bench/robustness.py /tmp/pdf.js/test/pdfs /tmp/samples

(pdf.js keeps some test files only as links in ``*.link`` files; those are simply not PDFs here.)
A small generated set of awkward files is ``python fixtures/awkward.py MAP``.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def fingerprint(folders: list[Path]) -> dict[str, tuple[str, int]]:
    """sha256 and mtime of every regular file below the folders (links are not followed)."""
    out = {}
    for folder in folders:
        items = [folder] if folder.is_file() else [Path(r) / n for r, _, fs in os.walk(folder) for n in fs]
        for p in items:
            try:
                if not p.is_file() or p.is_symlink():
                    continue
                out[str(p)] = (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            except OSError:
                continue  # unreadable for us too; kto-ingest reports it
    return out


def run(folders: list[Path], jobs: int, timeout: float, extra: list[str]) -> dict:
    before = fingerprint(folders)
    with tempfile.TemporaryDirectory() as tmp:
        out_json = Path(tmp) / "uitvoer.json"
        cmd = [sys.executable, "-m", "kto_ingest", "check", *map(str, folders), "--format", "json",
               "--output", str(out_json), "--jobs", str(jobs), "--timeout", str(timeout), *extra]
        started = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "CI": "1"})
        seconds = time.perf_counter() - started
        result = json.loads(out_json.read_text("utf-8")) if out_json.exists() else {"reports": []}
    after = fingerprint(folders)
    reports = result["reports"]
    codes = collections.Counter((r["error"] or {}).get("code") or r["status"] for r in reports)
    crashed = [{"file": r["file"], "message": r["error"]["message"]} for r in reports if (r.get("error") or {}).get("code") == "crashed"]
    pdfs = [p for p in before if p.lower().endswith(".pdf")]
    return {
        "command": " ".join(cmd),
        "exit_code": proc.returncode,
        "seconds": round(seconds, 1),
        "files_seen": len(pdfs),
        "entries": len(reports),
        "per_code": dict(sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))),
        "verdicts": dict(collections.Counter(r.get("verdict") for r in reports if r.get("verdict"))),
        "crashed": crashed,
        "traceback": "Traceback (most recent call last)" in proc.stderr,
        "stderr": proc.stderr[-4000:],
        "changed": sorted(p for p in before if after.get(p) != before[p]),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--json", type=Path, help="write the summary as JSON here too")
    argv = list(sys.argv[1:] if argv is None else argv)
    extra = argv[argv.index("--") + 1:] if "--" in argv else []  # after --: more options for kto-ingest
    args = ap.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    s = run(args.folders, args.jobs, args.timeout, extra)
    print(f"{s['entries']} entries for {s['files_seen']} *.pdf files in {s['seconds']} s (exit code {s['exit_code']})")
    for code, count in s["per_code"].items():
        print(f"  {code:20} {count}")
    print(f"crashed: {len(s['crashed'])}")
    for c in s["crashed"]:
        print(f"  {c['file']}: {c['message']}")
    print(f"traceback on stderr: {'YES' if s['traceback'] else 'no'}")
    print(f"inputs changed: {len(s['changed'])}")
    for p in s["changed"]:
        print(f"  {p}")
    if s["traceback"] or s["entries"] < s["files_seen"]:
        print("--- end of stderr ---\n" + s["stderr"], file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(s, indent=2, ensure_ascii=False), "utf-8")
    ok = not s["crashed"] and not s["traceback"] and not s["changed"] and s["entries"] >= s["files_seen"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
