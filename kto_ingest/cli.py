"""The command line: parse arguments, call the pipeline, write outputs, return an exit code."""

from __future__ import annotations

import json
import os
import sys
from contextlib import ExitStack
from pathlib import Path
from collections.abc import Callable
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from . import __version__
from .audit import build_audit
from .bureaus import RegisterError, load_register
from .clms import ClmsError, load_clms
from .errors import ExitCode
from .signature import TrustError, load_trust
from .discover import discover
from .document import display_path
from .isolation import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT, Limits, default_jobs, run_isolated
from .pipeline import Options, explain_file, process_file, quiet_libraries, regime_by_id
from .regime import DEFAULT_REGIME, RegimeError, load_regime
from .registry import Registry
from .rules import RULES
from .schema import BatchResult, ReportEntry, json_schema
from .writers import BINARY_FORMATS, CSV_DIALECTS, FORMATS, format_for, render, render_table, to_jsonl_line, write_atomic

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="kto-ingest controleert klanttevredenheidsrapporten (KTO) in PDF.\n\n"
    "Gebruik: kto-ingest MAP-OF-BESTAND... [opties]   (zelfde als: kto-ingest check ...)",
)

SUBCOMMANDS = {"check", "explain", "schema", "rules"}
INTERRUPTED = 130  # the shell's code for a run stopped with Ctrl-C


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kto-ingest {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Toon het versienummer en stop.")
    ] = False,
) -> None:
    """kto-ingest controleert klanttevredenheidsrapporten (KTO) in PDF."""


def _stdout_console() -> Console:
    """Rich console for stdout; wide enough for the results table when output is piped."""
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=max(console.width, 130))
    return console


def exit_code(result: BatchResult) -> ExitCode:
    if any(e.status == "error" for e in result.reports):
        return ExitCode.UNREADABLE
    if any(e.verdict == "voldoet_niet" for e in result.reports):
        return ExitCode.NOT_COMPLIANT
    return ExitCode.OK


@app.command("check")
def check(
    paths: Annotated[list[Path], typer.Argument(help="PDF-bestanden en/of mappen (mappen worden doorzocht op *.pdf).")],
    fmt: Annotated[
        Optional[str], typer.Option("--format", "-f", help="Uitvoervorm: table (overzicht), json, jsonl (per bestand één regel, zodra het klaar is), csv, xlsx of html.")
    ] = None,
    outputs: Annotated[
        Optional[list[str]],
        typer.Option("--output", "-o", help="Schrijf naar dit bestand ('-' is het scherm); mag vaker, de vorm volgt dan uit de extensie."),
    ] = None,
    csv_dialect: Annotated[
        str, typer.Option("--csv-dialect", help="nl (standaard: ; en decimale komma, voor Nederlandse Excel) of international (, en punt).")
    ] = "nl",
    regime_name: Annotated[
        str,
        typer.Option("--regime", help="Regeling: uwv-scholing-2021 (standaard; jobcoachingrapportages dan vanzelf uwv-jobcoaching), "
                     "blik-op-werk, uwv-jobcoaching, of een .toml-bestand. Gekozen geldt voor alle rapporten."),
    ] = "",
    bureaus: Annotated[
        Optional[Path], typer.Option("--bureaus", help="Bijgewerkt bureauregister (TOML) in plaats van het meegeleverde.")
    ] = None,
    clms: Annotated[
        Optional[Path],
        typer.Option("--clms", help="CLMS-export (CSV): bestand of leverancier, ontvangstdatum, beëindigde diensten per perceel."),
    ] = None,
    trust_dir: Annotated[
        Optional[Path],
        typer.Option("--trust", help="Map met vertrouwde (root)certificaten (PEM/DER) voor digitale handtekeningen."),
    ] = None,
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", min=0, help="Aantal bestanden tegelijk, elk in een eigen proces (standaard: aantal processorkernen; 0: alles in dit proces, zonder tijd- en geheugengrens)."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, help="Seconden per bestand; daarna wordt het afgebroken met code timeout (0: geen grens).")
    ] = DEFAULT_TIMEOUT,
    max_memory: Annotated[
        int, typer.Option("--max-memory", min=0, help="Geheugengrens per bestand in MB; daarboven code too_large (0: geen grens).")
    ] = DEFAULT_MAX_MEMORY_MB,
) -> None:
    """Controleer alle rapporten in de opgegeven bestanden en mappen."""
    targets = _targets(fmt, outputs or [], csv_dialect)
    try:
        regime = load_regime(regime_name or DEFAULT_REGIME)
    except RegimeError as exc:
        raise typer.BadParameter(str(exc), param_hint="--regime") from None
    try:
        register = load_register(bureaus)
    except RegisterError as exc:
        raise typer.BadParameter(str(exc), param_hint="--bureaus") from None
    try:
        clms_export = load_clms(clms) if clms else None
    except ClmsError as exc:
        raise typer.BadParameter(str(exc), param_hint="--clms") from None
    try:
        trust = load_trust(trust_dir)
    except (TrustError, OSError) as exc:
        raise typer.BadParameter(str(exc), param_hint="--trust") from None
    registry = Registry.from_entry_points()
    err = Console(stderr=True)
    for problem in registry.problems:
        err.print(f"Let op: leesmodule {problem.entry_point} kon niet worden geladen: {problem.message}", markup=False)
    for path, _ in targets:
        if path is not None:
            _refuse_overwriting_input(path, paths)
            if not path.parent.resolve().is_dir():
                raise typer.BadParameter(f"de map {path.parent} bestaat niet", param_hint="--output")
    options = Options(regime=regime, register=register, clms=clms_export, trust=trust, regime_fixed=bool(regime_name))
    limits = Limits(jobs=default_jobs() if jobs is None else jobs, timeout=timeout or None, max_memory_mb=max_memory or None)
    with ExitStack() as stack:
        streams = [
            stack.enter_context(open(path, "w", encoding="utf-8", newline="\n")) if path else sys.stdout
            for path, target_fmt in targets
            if target_fmt == "jsonl"
        ]

        def stream_out(entry: ReportEntry) -> None:
            line = to_jsonl_line(entry)
            for fh in streams:
                fh.write(line)
                fh.flush()

        result = run_batch(paths, registry, options, err, limits, stream_out if streams else None)
    if result.interrupted:
        err.print(
            f"Afgebroken: {len(result.reports)} van {len(result.reports) + len(result.unchecked)} bestanden gecontroleerd; "
            "het resultaat bevat alleen die.",
            markup=False,
        )
    for path, target_fmt in targets:
        if target_fmt == "jsonl":
            if path:
                err.print(f"Resultaat geschreven naar {path}", markup=False)
        elif path is None and target_fmt == "table":
            render_table(result, _stdout_console())
        elif path is None:
            sys.stdout.write(render(result, target_fmt, csv_dialect))
        else:
            write_atomic(path, render(result, target_fmt, csv_dialect))
            err.print(f"Resultaat geschreven naar {path}", markup=False)
    raise typer.Exit(INTERRUPTED if result.interrupted else int(exit_code(result)))


def _targets(fmt: str | None, outputs: list[str], csv_dialect: str) -> list[tuple[Path | None, str]]:
    """(file or None for the screen, format) per output. With several files, each file's extension
    chooses its format; with one, --format wins when given."""
    if fmt is not None and fmt not in FORMATS:
        raise typer.BadParameter(f"kies uit {', '.join(FORMATS)}", param_hint="--format")
    if csv_dialect not in CSV_DIALECTS:
        raise typer.BadParameter(f"kies uit {', '.join(CSV_DIALECTS)}", param_hint="--csv-dialect")
    if not outputs:
        outputs = ["-"]
    targets: list[tuple[Path | None, str]] = []
    for out in outputs:
        path = None if out == "-" else Path(out)
        chosen = fmt if (fmt and len(outputs) == 1) else (format_for(path) if path else fmt) or ("table" if path is None else None)
        if chosen is None:
            raise typer.BadParameter(f"kan de uitvoervorm van {out!r} niet uit de extensie afleiden; gebruik .json, .jsonl, .csv, "
                                     ".xlsx, .html of .txt, of --format", param_hint="--output")
        if path is None and chosen in BINARY_FORMATS:
            raise typer.BadParameter("een Excel-bestand kan niet naar het scherm; geef --output resultaten.xlsx", param_hint="--output")
        targets.append((path, chosen))
    return targets


def run_batch(
    paths: list[Path],
    registry: Registry,
    options: Options,
    err: Console,
    limits: Limits | None = None,
    on_entry: Callable[[ReportEntry], None] | None = None,
) -> BatchResult:
    """Check every discovered file; a progress bar on stderr when it is a terminal (not in CI).

    With ``limits.jobs`` >= 1 each file is checked in a worker process with the time and memory
    limits; with 0 in this process (no limits; for debugging). ``on_entry`` sees each entry as it
    finishes. Ctrl-C stops the batch: the result holds what was finished and lists the rest.
    """
    limits = limits or Limits(jobs=0)
    files = discover(paths)
    done: dict[int, ReportEntry] = {}
    seen: dict[str, list[str]] = {}  # sha256 -> files so far, for duplicates
    show = err.is_terminal and not os.environ.get("CI") and len(files) > 1
    interrupted = False
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True, disable=not show) as progress:
        task = progress.add_task("Rapporten controleren", total=len(files))
        stream = (
            run_isolated(files, options, limits)
            if limits.jobs >= 1
            else ((i, process_file(path, registry, options)) for i, path in enumerate(files))
        )
        try:
            for index, entry in stream:
                if entry.sha256:
                    earlier = seen.setdefault(entry.sha256, [])
                    entry.duplicates = list(earlier)
                    earlier.append(entry.file)
                done[index] = entry
                if on_entry:
                    on_entry(entry)
                progress.advance(task)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            close = getattr(stream, "close", None)
            if close:
                close()
    for entry in done.values():  # now that every file is known, each duplicate names all the others
        if entry.sha256 and len(seen.get(entry.sha256, ())) > 1:
            entry.duplicates = [f for f in seen[entry.sha256] if f != entry.file]
            entry.warnings.append(
                "Dit bestand is identiek aan " + ", ".join(entry.duplicates) + " (zelfde SHA-256); het is dubbel aangeleverd."
            )
    used = sorted({e.regime for e in done.values() if e.regime} - {options.regime.id if options.regime else None})
    audit = build_audit(options.regime, options.register, options.clms, options.trust.sources if options.trust else [],
                        [regime_by_id(r) for r in used])
    return BatchResult(
        version=__version__,
        regime=options.regime.id if options.regime else None,
        audit=audit,
        reports=[done[i] for i in sorted(done)],
        interrupted=interrupted,
        unchecked=[display_path(files[i], options.base) for i in range(len(files)) if i not in done] if interrupted else [],
    )


def _refuse_overwriting_input(output: Path, inputs: list[Path]) -> None:
    out = output.resolve()
    for p in inputs:
        p = p.resolve()
        if out == p or (p.is_dir() and out.suffix.lower() == ".pdf" and out.is_relative_to(p)):
            raise typer.BadParameter("het uitvoerbestand zou een invoerbestand overschrijven", param_hint="--output")


@app.command("explain")
def explain(path: Annotated[Path, typer.Argument(help="Eén PDF-bestand.")]) -> None:
    """Laat zien hoe één rapport is herkend en waar elke waarde vandaan komt."""
    registry = Registry.from_entry_points()
    result = explain_file(path, registry, Options(explain=True))
    console = _stdout_console()
    entry = result.entry
    console.print(f"Bestand: {entry.file}", markup=False)
    if entry.sha256:
        console.print(f"SHA-256: {entry.sha256}   pagina's: {entry.pages or '–'}", markup=False)
    if result.detections:
        console.print("\nHerkenning per leesmodule:", style="bold")
        for det in result.detections:
            verdict = "gekozen" if det.parser == entry.parser else ("zeker genoeg" if det.sure_enough else "niet zeker genoeg")
            console.print(
                f"  {det.name} [{det.parser}]: {det.score:.0%} (drempel {det.min_score:.0%}) – {verdict}", markup=False
            )
            if det.problem:
                console.print(f"    herkenning mislukte: {det.problem}", markup=False)
            for s in det.signals:
                mark = "✓" if s.found else "✗"
                where = f" (pagina {s.page})" if s.page and s.found else ""
                console.print(f"    {mark} {s.description}{where}", markup=False)
    if entry.status == "error":
        console.print(f"\nNiet gelezen [{entry.error.code.value}]: {entry.error.message}", style="red", markup=False)
        raise typer.Exit(int(ExitCode.UNREADABLE))
    console.print("\nGevonden waarden (pagina: tekst zoals gedrukt):", style="bold")
    facts = entry.model_dump(mode="json")
    jc = facts.get("jobcoaching") or {}
    if jc:
        jc["averages"] = {"werknemer": jc.get("werknemer_avg"), "werkgever": jc.get("werkgever_avg")}
    for name, ev in entry.evidence.items():
        value = facts.get(name) if name in facts else jc.get(name)
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if k != "text"}
        if name == "jobcoaching" and isinstance(value, dict):
            shown = f"{len(value.get('periods', []))} jobcoachperiodes, {len(value.get('answers', []))} vragen met antwoordaantallen"
        else:
            shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, list) else f"{len(value)} rijen"
        console.print(f"  {name} = {shown}", markup=False)
        console.print(f"      pagina {ev.page}: {ev.raw!r}", markup=False)
    missing = [n for n in ("bureau", "supplier", "report_date", "meetperiode", "final", "approached") if facts.get(n) is None]
    if missing:
        console.print(f"  Niet gevonden: {', '.join(missing)}", style="yellow", markup=False)
    for row in entry.results:
        console.print(f"  rij p.{row.page} {row.group} / {row.service}: {row.raw}", markup=False)
    if result.decisions:
        console.print("\nBeslissingen van de lezer (tabel, richting, lexicon, samenvoegen):", style="bold")
        for decision in result.decisions:
            console.print(f"  {decision}", markup=False)
    looked = {k: v for k, v in entry.fact_status.items() if v.status != "found"}
    for name, st in looked.items():
        why = st.reason if st.status == "unreadable" else f"gezocht {st.looked}" + (" (zeker afwezig)" if st.vouched else "")
        console.print(f"  {name}: {'onleesbaar' if st.status == 'unreadable' else 'niet gevonden'} – {why}", markup=False)
    console.print(f"  {len(entry.questions)} figuurtitels (vragen) gevonden.", markup=False)
    for warning in entry.warnings:
        console.print(f"  Let op: {warning}", style="yellow", markup=False)


@app.command("rules")
def rules(
    regime_name: Annotated[str, typer.Option("--regime", help="Toon alleen de regels van deze regeling.")] = "",
) -> None:
    """Toon alle regels met hun uitleg, en per regeling de parameters met hun bron."""
    console = _stdout_console()
    selected = load_regime(regime_name) if regime_name else None
    ids = selected.regime.rules if selected else sorted(RULES)
    for rule_id in ids:
        r = RULES[rule_id]
        console.print(f"{r.id}  {r.title}", style="bold", markup=False)
        console.print("    " + " ".join(r.doc.split()), markup=False)
    if selected:
        console.print(f"\nParameters van {selected.id} (versie {selected.regime.version}):", style="bold", markup=False)
        for name, p in selected.params.items():
            value = "niet bekend" if p.value is None else p.value
            console.print(f"  {name} = {value}\n      bron: {p.bron}", markup=False)


@app.command("schema")
def schema() -> None:
    """Druk het JSON-schema van de uitvoer af."""
    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI in-process and return the exit code (for tests and wrappers)."""
    quiet_libraries()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in SUBCOMMANDS and not args[0].startswith("-"):
        args.insert(0, "check")
    elif args and args[0].startswith("-") and args[0] not in {"--help", "--version", "-h"}:
        args.insert(0, "check")
    try:
        rv = app(args=args, prog_name="kto-ingest", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        typer.echo("Afgebroken.", err=True)
        return INTERRUPTED
    except typer.TyperException as exc:  # usage errors; typer's click keeps show() and exit_code
        if hasattr(exc, "show"):
            exc.show()
            return int(getattr(exc, "exit_code", ExitCode.USAGE))
        raise
    return rv if isinstance(rv, int) else 0


def run() -> None:
    sys.exit(main())

