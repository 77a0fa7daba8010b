"""Score kto-ingest on a family of the variety corpus: fields read right and verdicts, against the
truth files.

    python -m corpus.score DIR [DIR...] [--json scores.json] [--save-output kto.json] [--from-json kto.json] [--limit N]

DIR is a family folder made by ``python -m corpus.generate`` (``*.pdf``, ``*.truth.json``,
``bureaus.toml``, ``clms.csv``, ``pki/``). kto-ingest runs once per folder, as a user would run it:

    kto-ingest DIR --format json -o OUT --trust DIR/pki --bureaus DIR/bureaus.toml --clms DIR/clms.csv

(``--from-json`` scores an output that already exists instead; ``--save-output`` keeps kto-ingest's
output of this run). The exit status is 0 whatever
the score (this is a measurement); non-zero only when the scorer itself cannot work.

How a field is compared (``compare``):
- a truth value null means "not printed": kto-ingest must give null too;
- dates (ISO strings) and booleans: equal;
- numbers: equal to the printed value (an int must be that int; a decimal equal within 1e-6, so
  42,7 read as 42.66 or 43 is wrong);
- strings (bureau, supplier, service labels, questions): equal after normalising Unicode (NFKC),
  case, whitespace, dashes and quotes.
Fields counted per report: bureau, supplier, report_date, meetperiode.start/.end, final,
approached.clienten (only where the report prints a total), per results row of the truth the row
itself (found under its label) and each number of it (netto_steekproef, ingevuld, respons_pct,
rapportcijfer, beeindigd where printed), and for jobcoaching recognition_date, both averages, both
scores per period, the answer counts per question (one field per question), and whether the
analysis was found. Rows kto-ingest reads that the truth does not have are listed as mismatches
("extra row") and keep the report from counting as fully read. A file kto-ingest could not read
counts every field wrong.

Verdicts: "oordeel goed" counts reports whose verdict equals the truth's; "met de juiste regels"
also asks, for a voldoet_niet, that kto-ingest's ``decided_by`` are exactly the truth's failing
rules (a report failed for an unread meetperiode while its real fault is the norm is right by
luck). "onterecht voldoet_niet" counts voldoet_niet where the truth is not voldoet_niet (issue 14).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—−"), "-")
_QUOTES = dict.fromkeys(map(ord, "‘’‚′`´"), "'") | dict.fromkeys(map(ord, "“”„″"), '"')


def norm_text(value: str) -> str:
    text = unicodedata.normalize("NFKC", value).replace("\u00ad", "")
    text = text.translate(_DASHES).translate(_QUOTES).casefold()
    text = " ".join(text.split())
    return text


def compare(expected, got) -> bool:
    """One field: see the module doc."""
    if expected is None:
        return got is None
    if got is None:
        return False
    if isinstance(expected, bool) or isinstance(got, bool):
        return isinstance(expected, bool) and isinstance(got, bool) and expected == got
    if isinstance(expected, int):
        return isinstance(got, (int, float)) and float(got) == float(expected)
    if isinstance(expected, float):
        return isinstance(got, (int, float)) and abs(float(got) - expected) < 1e-6
    if isinstance(expected, str):
        return isinstance(got, str) and norm_text(got) == norm_text(expected)
    if isinstance(expected, dict):
        return isinstance(got, dict) and set(expected) == set(got) and all(compare(v, got[k]) for k, v in expected.items())
    return expected == got


def _get(d: dict | None, *path):
    for p in path:
        if not isinstance(d, dict):
            return None
        d = d.get(p)
    return d


def field_results(truth: dict, entry: dict | None) -> tuple[list[tuple[str, object, object, bool]], list[tuple[str, object, object]]]:
    """[(field, expected, got, right)], [(field, expected, got)] of extra rows, for one report."""
    fields = truth["fields"]
    e = entry if entry and entry.get("status") == "parsed" else {}
    out: list[tuple[str, object, object, bool]] = []

    def add(name, expected, got, found=True):
        """found=False: the report or row was not read at all, so even a null truth is not 'right'."""
        out.append((name, expected, got, bool(e) and found and compare(expected, got)))

    for key in ("bureau", "supplier", "report_date", "final"):
        if key in fields:
            add(key, fields[key], e.get(key))
    if "meetperiode" in fields:
        for part in ("start", "end"):
            add(f"meetperiode.{part}", fields["meetperiode"][part], _get(e, "meetperiode", part))
    if "approached" in fields:
        add("approached.clienten", fields["approached"]["clienten"], _get(e, "approached", "clienten"))
    extra = []
    if "results" in fields:
        got_rows: dict[str, dict] = {}
        for row in e.get("results") or []:
            got_rows.setdefault(norm_text(row.get("service") or ""), row)
        wanted = set()
        for row in fields["results"]:
            label = norm_text(row["service"])
            wanted.add(label)
            got = got_rows.get(label)
            add(f"results[{row['service']}]", row["service"], got.get("service") if got else None)
            for k, v in row.items():
                if k in ("service", "is_total"):
                    continue
                add(f"results[{row['service']}].{k}", v, got.get(k) if got else None, found=got is not None)
        for label, row in got_rows.items():
            if label not in wanted:
                extra.append((f"results[{row.get('service')}]", None, "extra row"))
    jc = fields.get("jobcoaching")
    if jc:
        gjc = e.get("jobcoaching") or {}
        for key in ("recognition_date", "werknemer_avg", "werkgever_avg"):
            add(f"jobcoaching.{key}", jc[key], gjc.get(key))
        gperiods = gjc.get("periods") or []
        for i, p in enumerate(jc["periods"]):
            gp = gperiods[i] if i < len(gperiods) else {}
            for k in ("werknemer_cijfer", "werkgever_cijfer"):
                add(f"jobcoaching.periods[{i}].{k}", p[k], gp.get(k))
        if len(gperiods) > len(jc["periods"]):
            extra.append(("jobcoaching.periods", len(jc["periods"]), f"{len(gperiods)} periods"))
        ganswers = {(a.get("group"), norm_text(a.get("question") or "")): a.get("counts") for a in gjc.get("answers") or []}
        for a in jc["answers"]:
            add(f"jobcoaching.answers[{a['group']}: {a['question']}]", a["counts"], ganswers.get((a["group"], norm_text(a["question"]))))
        analysis = gjc.get("analysis")
        add("jobcoaching.analysis_present", jc["analysis_present"], bool(analysis and str(analysis).strip()) if e else None)
    return out, extra


class Tally:
    def __init__(self):
        self.fields = self.right = self.reports = self.full = self.verdict_right = self.false_fail = self.rules_right = 0

    def add(self, results, extra, verdict_ok, false_fail, rules_ok=False):
        self.reports += 1
        self.fields += len(results)
        right = sum(1 for r in results if r[3])
        self.right += right
        self.full += int(right == len(results) and not extra)
        self.verdict_right += int(verdict_ok)
        self.false_fail += int(false_fail)
        self.rules_right += int(rules_ok)

    def as_dict(self):
        return {"fields": self.fields, "fields_right": self.right,
                "fields_pct": round(100 * self.right / self.fields, 1) if self.fields else None,
                "reports": self.reports, "fully_read": self.full, "verdicts_right": self.verdict_right,
                "verdicts_right_with_rules": self.rules_right, "false_voldoet_niet": self.false_fail}


def run_kto_ingest(folder: Path, out_json: Path) -> dict:
    cmd = [sys.executable, "-m", "kto_ingest", str(folder), "--format", "json", "-o", str(out_json)]
    for opt, path in (("--trust", folder / "pki"), ("--bureaus", folder / "bureaus.toml"), ("--clms", folder / "clms.csv")):
        if path.exists():
            cmd += [opt, str(path)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1, 3) or not out_json.exists():
        raise SystemExit(f"kto-ingest faalde (status {proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return json.loads(out_json.read_text(encoding="utf-8"))


def score(truths: list[dict], output: dict) -> dict:
    entries = {Path(r["file"]).name: r for r in output.get("reports", [])}
    tallies: dict[str, dict[str, Tally]] = {"family": defaultdict(Tally), "producer": defaultdict(Tally),
                                            "style": defaultdict(Tally), "kind": defaultdict(Tally)}
    overall = Tally()
    reports, mismatches = [], []
    for t in sorted(truths, key=lambda t: t["file"]):
        entry = entries.get(t["file"])
        results, extra = field_results(t, entry)
        got_verdict = entry.get("verdict") if entry else None
        verdict_ok = got_verdict == t["verdict"]
        false_fail = got_verdict == "voldoet_niet" and t["verdict"] != "voldoet_niet"
        # a voldoet_niet is only right for the right reason when the failing rules are the truth's
        want_rules = sorted({r["rule"] for r in t.get("decided_by", [])})
        got_rules = sorted(set(entry.get("decided_by") or [])) if entry else []
        rules_ok = verdict_ok and (t["verdict"] != "voldoet_niet" or got_rules == want_rules)
        for key, tally in tallies.items():
            tally[t[key]].add(results, extra, verdict_ok, false_fail, rules_ok)
        overall.add(results, extra, verdict_ok, false_fail, rules_ok)
        wrong = [r for r in results if not r[3]]
        for name, exp, got, _ok in wrong:
            mismatches.append({"file": t["file"], "field": name, "expected": exp, "got": got})
        for name, exp, got in extra:
            mismatches.append({"file": t["file"], "field": name, "expected": exp, "got": got})
        if not verdict_ok:
            mismatches.append({"file": t["file"], "field": "verdict", "expected": t["verdict"], "got": got_verdict})
        elif not rules_ok:
            mismatches.append({"file": t["file"], "field": "decided_by", "expected": want_rules, "got": got_rules})
        reports.append({"file": t["file"], "family": t["family"], "producer": t["producer"], "style": t["style"],
                        "fields": len(results), "fields_right": len(results) - len(wrong), "extra_rows": len(extra),
                        "verdict_expected": t["verdict"], "verdict": got_verdict,
                        "decided_by_expected": want_rules, "decided_by": got_rules, "status": entry.get("status") if entry else None,
                        "error": (entry.get("error") or {}).get("code") if entry else "not in output"})
    return {"overall": overall.as_dict(),
            **{f"by_{k}": {name: v.as_dict() for name, v in sorted(d.items())} for k, d in tallies.items()},
            "reports": reports, "mismatches": mismatches}


def _fmt(v) -> str:
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= 70 else s[:67] + "..."


def print_scores(s: dict, limit: int | None) -> None:
    def line(name, d):
        print(f"  {name:<22} velden {d['fields_right']:>5}/{d['fields']:<5} {d['fields_pct'] if d['fields_pct'] is not None else '-':>5} %"
              f"   volledig gelezen {d['fully_read']:>3}/{d['reports']:<3}  oordeel goed {d['verdicts_right']:>3}/{d['reports']:<3}"
              f" (met de juiste regels {d['verdicts_right_with_rules']:>3})"
              f"  onterecht voldoet_niet {d['false_voldoet_niet']}")

    print("Totaal:")
    line("alle", s["overall"])
    for key, title in (("by_family", "Per familie"), ("by_producer", "Per producent"), ("by_kind", "Per soort"), ("by_style", "Per huisstijl")):
        print(f"{title}:")
        for name, d in s[key].items():
            line(name, d)
    mm = s["mismatches"]
    print(f"Afwijkingen ({len(mm)}):")
    for m in mm[:limit] if limit else mm:
        print(f"  {m['file']}: {m['field']}: verwacht {_fmt(m['expected'])}, gelezen {_fmt(m['got'])}")
    if limit and len(mm) > limit:
        print(f"  ... en nog {len(mm) - limit} (alle afwijkingen met --json)")


def load_truths(folder: Path) -> list[dict]:
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.truth.json"))]
    for t in truths:
        if not (folder / t["file"]).exists():
            raise SystemExit(f"{folder}: truth file for {t['file']} but no such PDF")
    return truths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpus.score", description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path, help="family folder(s) made by corpus.generate")
    ap.add_argument("--json", type=Path, help="write the scores (and every mismatch) to this file")
    ap.add_argument("--from-json", type=Path, help="score this kto-ingest JSON output instead of running kto-ingest (one DIR)")
    ap.add_argument("--save-output", type=Path, help="keep kto-ingest's JSON output of this run here (one DIR)")
    ap.add_argument("--limit", type=int, default=200, help="mismatches printed (default 200; 0 = all)")
    args = ap.parse_args(argv)
    truths, reports = [], []
    for folder in args.dirs:
        if not folder.is_dir():
            raise SystemExit(f"{folder} is geen map")
        ts = load_truths(folder)
        if not ts:
            raise SystemExit(f"{folder}: geen *.truth.json")
        truths += ts
        if args.from_json:
            output = json.loads(args.from_json.read_text(encoding="utf-8"))
        else:
            with tempfile.TemporaryDirectory() as tmp:
                output = run_kto_ingest(folder, Path(tmp) / "out.json")
            if args.save_output:
                args.save_output.write_text(json.dumps(output, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        reports += output.get("reports", [])
    scores = score(truths, {"reports": reports})
    print_scores(scores, args.limit or None)
    if args.json:
        args.json.write_text(json.dumps(scores, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
