"""The command line: parse arguments, call the pipeline, write outputs, return an exit code."""

from __future__ import annotations

from dataclasses import dataclass

import contextlib
import errno
import io
import json
import os
import re
import signal
import sys
import threading
from contextlib import ExitStack, contextmanager
from pathlib import Path
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Optional

import regex
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from . import __version__
from .audit import build_audit
from .bureaus import RegisterError
from .clms import ClmsError, load_clms
from .errors import ExitCode
from .signature import TrustError, load_trust
from .settings import Settings, SettingsError, load_settings
from .discover import discover
from .names import safe_text
from .isolation import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT, Limits, default_jobs, run_isolated, start_early
# Not kto_ingest.pipeline, the registry or the rules: with worker processes (the default) the main
# process never opens a PDF, and their imports (PyMuPDF, parsers, reader) happen in the workers.
from .batch import Options, display_path, quiet_libraries, regime_by_id
from .regime import DEFAULT_REGIME, RegimeError, derive_regime, load_regime
from .schema import BatchResult, ReportEntry, json_schema
from .writers import (VERDICT_LABEL, BINARY_FORMATS, CSV_DIALECTS, FORMATS, format_for, overview_path, render, render_table, to_csv_overview,
                      render_short, to_jsonl_line, totals_text, verdict_key, write_atomic)

app = typer.Typer(
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="kto-ingest controleert klanttevredenheidsrapporten (KTO) in PDF.\n\n"
    "Gebruik: kto-ingest MAP-OF-BESTAND... [opties]   (zelfde als: kto-ingest check ...)",
)

if TYPE_CHECKING:
    from .registry import Registry

SUBCOMMANDS = {"check", "explain", "schema", "rules", "serve", "instellingen", "regeling"}
INTERRUPTED = int(ExitCode.INTERRUPTED)  # the shell's code for a run stopped with Ctrl-C


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


LONG_LIST = 5  # more reports than this fill more than a screen in the full layout


def screen_tip(result: BatchResult, is_terminal: bool, short: bool, outputs: int) -> str | None:
    """A hint for a person reading a long list on the screen: the short layout, or a file that
    keeps everything. Not when the list is piped or short, or other outputs are written too."""
    if not is_terminal or short or outputs > 1 or len(result.reports) <= LONG_LIST:
        return None
    return ("Tip: --kort toont één regel per rapport; met -o overzicht.xlsx of -o overzicht.html komt alles in een "
            "bestand (de HTML ook met bewijsplaatjes en conceptbrieven).")


def exit_code(result: BatchResult) -> ExitCode:
    if any(e.status == "error" for e in result.reports):
        return ExitCode.UNREADABLE
    if any(e.verdict == "voldoet_niet" for e in result.reports):
        return ExitCode.NOT_COMPLIANT
    return ExitCode.OK


CHECK_EPILOG = """\b
Voorbeeld:
  kto-ingest "Map met rapporten/" -o resultaten.xlsx -o resultaten.html

\b
Afsluitcodes:
  0  alles gelezen en niets voldoet niet
  1  minstens één rapport voldoet niet
  2  verkeerd gebruik (een optie of pad klopt niet)
  3  minstens één bestand kon niet worden gelezen
  4  minstens één uitvoerbestand kon niet worden geschreven (de andere wel)
  5  geen PDF gevonden
  130  afgebroken met Ctrl-C"""


@app.command("check", epilog=CHECK_EPILOG, short_help="Controleer de rapporten in mappen of bestanden (de standaard).")
def check(
    paths: Annotated[list[Path], typer.Argument(metavar="PAD", help="PDF-bestanden en/of mappen (mappen worden doorzocht op *.pdf).")],
    fmt: Annotated[
        Optional[str], typer.Option("--format", "-f", metavar="VORM", help="Uitvoervorm: table (overzicht), json, jsonl (per bestand één regel, zodra het klaar is), csv, xlsx of html.")
    ] = None,
    outputs: Annotated[
        Optional[list[str]],
        typer.Option("--output", "-o", metavar="BESTAND", help="Schrijf naar dit bestand ('-' is het scherm); mag vaker, de vorm volgt dan uit de extensie."),
    ] = None,
    csv_dialect: Annotated[
        str, typer.Option("--csv-dialect", metavar="nl|international", help="nl (standaard: ; en decimale komma, voor Nederlandse Excel) of international (, en punt).")
    ] = "nl",
    regime_name: Annotated[
        str,
        typer.Option("--regime", metavar="REGELING", help="Regeling: uwv-scholing-2021 (standaard; jobcoachingrapportages dan vanzelf uwv-jobcoaching), "
                     "blik-op-werk, uwv-jobcoaching, of een .toml-bestand. Gekozen geldt voor alle rapporten."),
    ] = "",
    bureaus: Annotated[
        Optional[Path], typer.Option("--bureaus", metavar="BESTAND", help="Bijgewerkt bureauregister (TOML) in plaats van het meegeleverde.")
    ] = None,
    clms: Annotated[
        Optional[Path],
        typer.Option("--clms", metavar="BESTAND", help="CLMS-export (CSV): bestand of leverancier, ontvangstdatum, beëindigde diensten per perceel."),
    ] = None,
    trust_dir: Annotated[
        Optional[Path],
        typer.Option("--trust", metavar="MAP", help="Map met vertrouwde (root)certificaten (PEM/DER) voor digitale handtekeningen."),
    ] = None,
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", min=0, metavar="AANTAL", help="Aantal bestanden tegelijk, elk in een eigen proces (standaard: aantal processorkernen; 0: alles in dit proces, zonder tijd- en geheugengrens)."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, metavar="SECONDEN", help="Seconden per bestand; daarna wordt het afgebroken met code timeout (0: geen grens).")
    ] = DEFAULT_TIMEOUT,
    max_memory: Annotated[
        int, typer.Option("--max-memory", min=0, metavar="MB", help="Geheugengrens per bestand in MB; daarboven code too_large (0: geen grens).")
    ] = DEFAULT_MAX_MEMORY_MB,
    instellingen: Annotated[
        Optional[Path], typer.Option("--instellingen", help="Instellingenbestand (TOML); standaard kto-ingest.toml in de werkmap, "
                                     "dan in de gebruikersmap (zie: kto-ingest instellingen). Opties hier gaan vóór.")
    ] = None,
    brieven: Annotated[
        Optional[Path], typer.Option("--brieven", help="Schrijf per rapport een conceptbesluitbrief (.docx, bewerkbaar) in deze map.")
    ] = None,
    short: Annotated[
        bool, typer.Option("--kort", help="Op het scherm één regel per rapport: oordeel, bestand en wat de doorslag gaf.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Stil: geen voortgang, geen totalen en geen 'Resultaat geschreven'; fouten wel.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Uitgebreid: per bestand een regel met het oordeel zodra het klaar is.")
    ] = False,
) -> None:
    """Controleer alle rapporten in de opgegeven bestanden en mappen."""
    targets = _targets(fmt, outputs or [], csv_dialect)
    limits = Limits(jobs=default_jobs() if jobs is None else jobs, timeout=timeout or None, max_memory_mb=max_memory or None)
    start_early(limits)  # the workers' fork server loads the PDF machinery while this process goes on
    inputs = load_inputs(regime_name, bureaus, clms, trust_dir, instellingen)
    settings, regime, register, clms_export, trust = (inputs.settings, inputs.regime, inputs.register, inputs.clms,
                                                      inputs.trust)
    err = Console(stderr=True)
    info = Console(stderr=True, quiet=quiet)  # what --quiet leaves out: progress, totals, files written
    registry = None
    if limits.jobs < 1:  # checked in this process; with workers, each worker loads the parsers
        from .registry import Registry

        registry = Registry.from_entry_points()
        _say_load_problems(err, [(p.entry_point, p.message) for p in registry.problems])
    for path, _ in targets:
        if path is not None:
            _refuse_overwriting_input(path, paths)
            if problem := _unwritable(path):  # before the work, not after it
                raise typer.BadParameter(problem, param_hint="--output")
    if brieven is not None and brieven.exists() and not brieven.is_dir():
        raise typer.BadParameter(f"{brieven} is een bestand, geen map", param_hint="--brieven")
    options = Options(regime=regime, register=register, clms=clms_export, trust=trust, regime_fixed=bool(regime_name),
                      regime_reason=None if regime_name or not settings.regeling else "uit het instellingenbestand",
                      params=settings.data.parameters, settings=settings.audit_source(),
                      crops=any(target_fmt == "html" for _, target_fmt in targets))
    files = discover(paths)
    if not files:  # an empty folder, or one without PDFs: say so rather than report "0 bestand(en)"
        err.print(f"Geen PDF-bestanden gevonden in {', '.join(safe_text(str(p), name=True) for p in paths)}; er is niets "
                  f"gecontroleerd en er is geen uitvoer geschreven (code {int(ExitCode.NO_PDF)}).", markup=False, soft_wrap=True)
        raise typer.Exit(int(ExitCode.NO_PDF))
    failed: list[str] = []  # outputs that could not be written
    with ExitStack() as stack:
        streams = []
        for path, target_fmt in targets:
            if target_fmt != "jsonl":
                continue
            try:
                streams.append(stack.enter_context(open(path, "w", encoding="utf-8", newline="\n")) if path else sys.stdout)
            except OSError as exc:
                failed.append(_output_failed(err, path, exc))

        def stream_out(entry: ReportEntry) -> None:
            if verbose:
                info.print(f"{VERDICT_LABEL.get(verdict_key(entry), '') or 'klaar'}: {safe_text(entry.file, name=True)}",
                           markup=False, soft_wrap=True)
            if not streams:
                return
            line = to_jsonl_line(entry)
            for fh in list(streams):
                try:
                    fh.write(line)
                    fh.flush()
                except OSError as exc:  # a full disk, a closed pipe: stop writing there, go on with the rest
                    streams.remove(fh)
                    failed.append(_output_failed(err, None if fh is sys.stdout else Path(fh.name), exc))

        with _outputs_finish_on_ctrl_c(err) as stopped:
            result = run_batch(paths, registry, options, info, limits, stream_out if streams or verbose else None, files=files,
                               on_problems=lambda problems: _say_load_problems(err, problems))
            if result.interrupted:
                err.print(
                    f"Afgebroken: {len(result.reports)} van {len(result.reports) + len(result.unchecked)} bestanden gecontroleerd; "
                    "het resultaat bevat alleen die.",
                    markup=False,
                )
            stopped.writing = True
            failed += write_outputs(result, targets, csv_dialect, err, streamed_failed=list(failed), info=info, short=short)
            if brieven is not None:
                _write_letters(result, brieven, info)
    if all(path is not None for path, _ in targets):  # only files written: the totals on the screen all the same
        info.print(totals_text(result), markup=False, soft_wrap=True)
    if failed:
        err.print(f"Niet geschreven: {', '.join(failed)}. De andere uitvoer is wel geschreven (code {int(ExitCode.OUTPUT_FAILED)}).",
                  markup=False, soft_wrap=True)  # a path is never folded in two
    if result.interrupted or stopped.count:
        raise typer.Exit(int(ExitCode.INTERRUPTED))
    raise typer.Exit(int(ExitCode.OUTPUT_FAILED) if failed else int(exit_code(result)))


def _say_load_problems(err: Console, problems: list[tuple[str, str]]) -> None:
    for entry_point, message in problems:
        err.print(f"Let op: leesmodule {entry_point} kon niet worden geladen: {message}", markup=False)


@dataclass
class Inputs:
    """What the checks rest on besides the PDFs, from the options, else the settings file."""

    settings: "Settings"
    regime: object
    register: object
    clms: object
    trust: object


def load_inputs(regime_name: str, bureaus: Path | None, clms: Path | None, trust_dir: Path | None,
                instellingen: Path | None) -> Inputs:
    """The regeling, bureau register, CLMS export and trust roots, each from its option or else the
    settings file, validated, a Dutch usage error on a problem. One place for `check` and `serve`."""
    settings = _settings(instellingen)
    clms, trust_dir = clms or settings.clms, trust_dir or settings.vertrouwd
    from .letters import set_template_folder

    set_template_folder(settings.brieven)  # the team's own letter templates, if the settings name a folder
    try:
        regime = settings.apply(load_regime(regime_name or settings.regeling or DEFAULT_REGIME))
        settings.check_params()
    except (RegimeError, SettingsError) as exc:
        raise typer.BadParameter(str(exc), param_hint="--regime / --instellingen") from None
    try:
        register = settings.register(bureaus)
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
    return Inputs(settings, regime, register, clms_export, trust)


def write_outputs(result: BatchResult, targets: list[tuple[Path | None, str]], csv_dialect: str, err: Console,
                  streamed_failed: list[str] | None = None, info: Console | None = None, short: bool = False) -> list[str]:
    """Write every output that is not streamed (``jsonl`` was written as the files finished; those
    in ``streamed_failed`` failed then); one that fails never stops the others. Returns the names
    of the failed ones (each already reported on ``err`` in Dutch)."""
    failed = []
    info = info or err
    for path, target_fmt in targets:
        try:
            if target_fmt == "jsonl":
                if path and _shown(path) not in (streamed_failed or []):
                    info.print(f"Resultaat geschreven naar {_shown(path)}", markup=False, soft_wrap=True)
            elif path is None and target_fmt == "table":
                screen = _stdout_console()
                (render_short if short else render_table)(result, screen)
                if tip := screen_tip(result, screen.is_terminal, short, len(targets)):
                    info.print(tip, style="dim", markup=False, highlight=False)
            elif path is None:
                sys.stdout.write(render(result, target_fmt, csv_dialect))
                sys.stdout.flush()
            elif target_fmt == "csv":  # the rows, and next to them the overview (one line per report)
                write_atomic(path, render(result, target_fmt, csv_dialect))
                write_atomic(overview_path(path), to_csv_overview(result, csv_dialect))
                info.print(f"Resultaat geschreven naar {_shown(path)} en {_shown(overview_path(path))}", markup=False, soft_wrap=True)
            else:
                write_atomic(path, render(result, target_fmt, csv_dialect))
                info.print(f"Resultaat geschreven naar {_shown(path)}", markup=False, soft_wrap=True)
        except Exception as exc:  # noqa: BLE001 - one writer's failure must not cost the other outputs
            failed.append(_output_failed(err, path, exc))
    return failed


_OS_REASONS = {
    errno.ENOSPC: "de schijf is vol", errno.EDQUOT: "de schijfruimte (quotum) is op", errno.EACCES: "er zijn geen schrijfrechten",
    errno.EPERM: "er zijn geen schrijfrechten", errno.EROFS: "de schijf is alleen-lezen", errno.ENOENT: "de map bestaat niet (meer)",
    errno.EISDIR: "het is een map", errno.EPIPE: "het programma dat de uitvoer las, is gestopt",
}


def _shown(path: Path | None) -> str:
    return "het scherm" if path is None else safe_text(str(path), name=True)


def _output_failed(err: Console, path: Path | None, exc: BaseException) -> str:
    """Say in Dutch why an output could not be written; return its name for the summary."""
    if isinstance(exc, OSError):
        reason = _OS_REASONS.get(exc.errno) or f"systeemfout {exc.errno}"
    else:
        reason = f"interne fout: {type(exc).__name__}: {safe_text(str(exc))}"
    name = _shown(path)
    err.print(f"Fout: {name} kon niet worden geschreven ({reason}).", style="red", markup=False, soft_wrap=True)
    return name


def _unwritable(path: Path) -> str | None:
    """Why an output file could not be written, checked before the work starts; None when it can."""
    folder = path.parent
    if not folder.resolve().is_dir():
        return f"de map {safe_text(str(folder), name=True)} bestaat niet"
    if path.is_dir():
        return f"{safe_text(str(path), name=True)} is een map, geen bestand"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"in de map {safe_text(str(folder), name=True)} mag niet worden geschreven"
    return None


def _say_finishing(err: Console) -> None:
    err.print("Ctrl-C: even geduld, de uitvoer wordt nog afgemaakt; daarna stopt kto-ingest.", markup=False)


def _finish_on_further_ctrl_c(err: Console) -> None:
    """After the Ctrl-C that stopped the checking, a next one must not cost the outputs."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, lambda signum, frame: _say_finishing(err))


class _Stop:
    def __init__(self) -> None:
        self.count = 0  # Ctrl-C presses while the outputs were being written
        self.writing = False


@contextmanager
def _outputs_finish_on_ctrl_c(err: Console) -> Iterator[_Stop]:
    """Once the batch is stopped (or done) and the outputs are being written, a Ctrl-C no longer
    interrupts: the outputs are finished and then kto-ingest stops, saying so. The first Ctrl-C
    during the checking still stops the checking (``run_batch`` catches it)."""
    stop = _Stop()
    previous = None

    def on_ctrl_c(signum, frame) -> None:
        if not stop.writing:
            raise KeyboardInterrupt
        stop.count += 1
        _say_finishing(err)

    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, on_ctrl_c)
    try:
        yield stop
    finally:
        # Once writing has begun the command only finishes and exits: keep counting Ctrl-C to the
        # end, so that one delivered late (the main thread was busy in C) still ends as code 130
        # instead of killing the process after the outputs were written.
        if previous is not None and not stop.writing:
            signal.signal(signal.SIGINT, previous)
        # Once writing has begun, on_ctrl_c stays until main() returns (see there).


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
    registry: Registry | None,
    options: Options,
    err: Console,
    limits: Limits | None = None,
    on_entry: Callable[[ReportEntry], None] | None = None,
    files: list[Path] | None = None,
    on_problems: Callable[[list[tuple[str, str]]], None] | None = None,
) -> BatchResult:
    """Check every discovered file; a progress bar on stderr when it is a terminal (not in CI).

    With ``limits.jobs`` >= 1 each file is checked in a worker process with the time and memory
    limits (``registry`` is not used: the workers load their own, and ``on_problems`` hears of
    plug-ins they could not load); with 0 in this process (no limits; for debugging), with
    ``registry``. ``on_entry`` sees each entry as it finishes. Ctrl-C stops the batch: the result
    holds what was finished and lists the rest.
    """
    limits = limits or Limits(jobs=0)
    files = discover(paths) if files is None else files
    done: dict[int, ReportEntry] = {}
    seen: dict[str, list[int]] = {}  # sha256 -> indexes of the files with it so far, for duplicates
    show = err.is_terminal and not os.environ.get("CI")  # also for one file: a long scan shows its pages
    interrupted = False
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True, disable=not show) as progress:
        task = progress.add_task("Rapporten controleren", total=len(files))

        def on_ocr(index: int, page: int) -> None:
            name = safe_text(files[index].name, name=True)
            progress.update(task, description=f"Rapporten controleren (tekstherkenning {name}, pagina {page})")

        if limits.jobs >= 1:
            stream = run_isolated(files, options, limits, on_ocr=on_ocr, on_problems=on_problems)
        else:
            from .pipeline import process_file
            from .registry import Registry

            registry = registry or Registry.from_entry_points()
            stream = ((i, process_file(path, registry, options)) for i, path in enumerate(files))
        try:
            for index, entry in stream:
                if entry.sha256:
                    group = seen.setdefault(entry.sha256, [])
                    if group:  # streamed out now: name the first copy seen; the final pass names the group
                        entry.duplicates = [done[group[0]].file]
                    group.append(index)
                done[index] = entry
                if on_entry:
                    on_entry(entry)
                progress.update(task, advance=1, description="Rapporten controleren")
        except KeyboardInterrupt:
            interrupted = True
            _finish_on_further_ctrl_c(err)  # stopping the workers and writing the outputs still to come
        finally:
            close = getattr(stream, "close", None)
            if close:
                close()
    for group in seen.values():
        if len(group) > 1:
            name_duplicates([done[i] for i in sorted(group)])
    used = sorted({e.regime for e in done.values() if e.regime} - {options.regime.id if options.regime else None})
    audit = build_audit(options.regime, options.register, options.clms, options.trust.sources if options.trust else [],
                        [regime_by_id(r) for r in used], settings=options.settings)
    return BatchResult(
        version=__version__,
        regime=options.regime.id if options.regime else None,
        audit=audit,
        reports=[done[i] for i in sorted(done)],
        interrupted=interrupted,
        unchecked=[safe_text(display_path(files[i], options.base), name=True) for i in range(len(files)) if i not in done]
        if interrupted else [],
    )


def name_duplicates(group: list[ReportEntry]) -> None:
    """Identical files (same SHA-256), in file order: each later copy names the first, and the first
    names the next copy and the number of copies. Nothing grows with the square of the group: 2,000
    copies give 2,000 short entries, not 2,000 lists of 1,999 names."""
    first, copies = group[0], group[1:]
    first.duplicate_count = len(group)
    first.duplicates = [copies[0].file]
    more = f" en {len(copies) - 1} andere" if len(copies) > 1 else ""
    first.warnings.append(f"Dit bestand zit {len(group)} keer in deze batch (identiek, zelfde SHA-256): ook als "
                          f"{copies[0].file}{more}; het is dubbel aangeleverd.")
    for entry in copies:
        entry.duplicate_count = len(group)
        entry.duplicate_of = first.file
        entry.duplicates = [first.file]
        entry.warnings.append(f"Dit bestand is identiek aan {first.file} (zelfde SHA-256); het is dubbel aangeleverd.")


def _refuse_overwriting_input(output: Path, inputs: list[Path]) -> None:
    out = output.resolve()
    for p in inputs:
        p = p.resolve()
        if out == p or (p.is_dir() and out.suffix.lower() == ".pdf" and out.is_relative_to(p)):
            raise typer.BadParameter("het uitvoerbestand zou een invoerbestand overschrijven", param_hint="--output")


@app.command("explain", short_help="Laat zien hoe één rapport is gelezen en beoordeeld.")
def explain(path: Annotated[Path, typer.Argument(metavar="PDF", help="Eén PDF-bestand.")]) -> None:
    """Laat zien hoe één rapport is herkend en waar elke waarde vandaan komt."""
    from .pipeline import explain_file
    from .registry import Registry

    registry = Registry.from_entry_points()
    result = explain_file(path, registry, Options(explain=True))
    console = _stdout_console()
    entry = result.entry
    _say(console, f"Bestand: {entry.file}")
    if entry.sha256:
        _say(console, f"SHA-256: {entry.sha256}   pagina's: {entry.pages or '–'}")
    if result.detections:
        console.print("\nHerkenning per leesmodule:", style="bold")
        for det in result.detections:
            verdict = "gekozen" if det.parser == entry.parser else ("zeker genoeg" if det.sure_enough else "niet zeker genoeg")
            _say(console, f"  {det.name} [{det.parser}]: {det.score:.0%} (drempel {det.min_score:.0%}) – {verdict}")
            if det.problem:
                _say(console, f"    herkenning mislukte: {safe_text(det.problem)}")
            for s in det.signals:
                mark = "✓" if s.found else "✗"
                where = f" (pagina {s.page})" if s.page and s.found else ""
                _say(console, f"    {mark} {s.description}{where}")
    if entry.status == "error":
        _say(console, f"\nNiet gelezen [{entry.error.code.value}]: {safe_text(entry.error.message)}", "red")
        raise typer.Exit(int(ExitCode.UNREADABLE))
    console.print("\nGevonden waarden (pagina: tekst zoals gedrukt):", style="bold")
    facts = entry.model_dump()
    jc = facts.get("jobcoaching") or {}
    for name, ev in entry.evidence.items():
        value = facts.get(name) if name in facts else jc.get(name)
        if name.startswith("results.") and name[8:].isdigit():  # an OCR row that does not add up
            shown = "OCR-rij die niet klopt met zichzelf; controleer in de PDF"
        elif name == "averages":
            shown = f"werknemers {param_text(jc.get('werknemer_avg'))}, werkgevers {param_text(jc.get('werkgever_avg'))}"
        elif value is None:
            shown = "niet gelezen"
        elif name == "jobcoaching" and isinstance(value, dict):
            shown = f"{len(value.get('periods', []))} jobcoachperiodes, {len(value.get('answers', []))} vragen met antwoordaantallen"
        elif isinstance(value, list):
            shown = f"{len(value)} rijen"
        elif isinstance(value, dict) and set(value) == {"start", "end"}:
            shown = param_text(value)
        elif isinstance(value, dict):
            shown = ", ".join(f"{_FIELD_WORDS.get(k, k)}: {param_text(v)}" for k, v in value.items()
                              if k not in ("text", "page") and v is not None)
        else:
            shown = param_text(value)
        _say(console, f"  {_FIELD_WORDS.get(name, name)}: {safe_text(shown)}")
        _say(console, f"      pagina {ev.page}: \u201c{safe_text(ev.raw)}\u201d")
    _print_fact_status(console, entry)
    for row in entry.results:
        cells = " · ".join(f"{_FIELD_WORDS.get(k, k)} {v}" for k, v in row.raw.items())
        group = {"clienten": "cliënten", "opdrachtgevers": "opdrachtgevers"}.get(row.group or "", "")
        _say(console, f"  rij (p. {row.page}){f' {group}:' if group else ''} {row.service}: {cells}")
    if result.decisions:
        console.print("\nBeslissingen van de lezer (tabel, richting, lexicon, samenvoegen):", style="bold")
        for decision in result.decisions:
            key, sep, rest = str(decision).partition(": ")
            _say(console, f"  {_FIELD_WORDS.get(key, key)}{sep}{rest}")
    _say(console, f"  {len(entry.questions)} figuurtitels (vragen) gevonden.")
    for warning in entry.warnings:
        _say(console, f"  Let op: {safe_text(warning)}", "yellow")


def _say(console: Console, text: str, style: str | None = None, hang: int = 4) -> None:
    """One line of ``explain`` or ``rules``: wrapped to the screen, its continuation lines indented
    (``hang`` more than its first), so that a narrow terminal keeps the structure readable."""
    import textwrap

    body = text.lstrip(" ")
    indent = len(text) - len(body)
    lines = [textwrap.fill(part, width=max(console.width, 40), initial_indent=" " * indent, subsequent_indent=" " * (indent + hang),
                           break_long_words=False, break_on_hyphens=False) if part.strip() else part
             for part in body.split("\n")]
    console.print("\n".join(lines), style=style, markup=False, highlight=False, soft_wrap=True)


# The schema's field names as the screen says them (explain); --format json keeps the names.
_FIELD_WORDS = {
    "bureau": "onderzoeksbureau", "supplier": "leverancier", "report_date": "rapportdatum", "meetperiode": "meetperiode",
    "final": "definitief", "approached": "benaderd", "usable_pct": "bruikbare vragenlijsten (%)",
    "approach": "wijze van benadering", "promotor_score": "promotorscore", "results": "resultatentabel",
    "questions": "vragen", "jobcoaching": "jobcoaching", "analysis": "analyse van de resultaten",
    "recognition_date": "datum erkenning", "werknemer_avg": "gemiddeld cijfer werknemers",
    "werkgever_avg": "gemiddeld cijfer werkgevers", "averages": "gemiddelde cijfers", "start": "van", "end": "tot en met", "clienten": "cliënten",
    "opdrachtgevers": "opdrachtgevers", "email": "e-mail", "schriftelijk": "schriftelijk", "herinnering": "herinnering",
    "telefonisch": "telefonisch", "netto_steekproef": "netto steekproef", "ingevuld": "ingevuld", "respons_pct": "respons (%)",
    "rapportcijfer": "rapportcijfer", "publicatie": "publicatie", "benaderd": "benaderd", "beeindigd": "beëindigd",
    "service": "dienst", "group": "groep",
}


def _print_fact_status(console, entry) -> None:
    """Facts the rules use that were not found or not readable, with where the parser looked."""
    from .rules.base import describe_state, facts_not_read

    not_read = facts_not_read(entry)
    if not_read:
        _say(console, "  Niet gelezen (de regels vragen dan om handmatige controle, tenzij de afwezigheid zeker is):", "yellow")
    for _fact, name, st in not_read:
        _say(console, f"    {name}: {describe_state(st)}")


@app.command("rules", short_help="Toon de regels en per regeling de normen met hun bron.")
def rules(
    regime_name: Annotated[str, typer.Option("--regime", metavar="REGELING", help="Toon alleen de regels van deze regeling.")] = "",
) -> None:
    """Toon alle regels met hun uitleg, en per regeling de parameters met hun bron."""
    from .rules import RULES

    console = _stdout_console()
    try:
        selected = load_regime(regime_name) if regime_name else None
    except RegimeError as exc:
        raise typer.BadParameter(str(exc), param_hint="--regime") from None
    ids = selected.regime.rules if selected else sorted(RULES)
    console.print("Uitkomsten: voldoet, voldoet niet, handmatig (een persoon kijkt), let op, n.v.t.\n", markup=False)
    for rule_id in ids:
        r = RULES[rule_id]
        _say(console, f"{r.id}  {r.title}", "bold")
        _say(console, "    " + screen_words(" ".join(r.doc.split())), hang=0)
    if selected:
        _say(console, f"\nParameters van {selected.regime.title} ({selected.id}, versie {selected.regime.version}):", "bold")
        for name, p in selected.params.items():
            _say(console, f"  {name} = {param_text(p.value)}")
            _say(console, f"      bron: {screen_words(p.bron)}", hang=6)


# The rules' documentation speaks of the sources by file and of outcomes by their JSON values;
# on the screen an account manager reads the documents' names and the screen's own words.
_SCREEN_WORDS = [
    (regex.compile(r"\(?shared/seeds/000\)?|\bseed 000\b"), "de UWV-eisen voor scholingsdiensten 2021"),
    (regex.compile(r"\(?shared/seeds/001\)?|\bseed 001\b"), "de UWV-eisen voor jobcoaching (Erkenningskader 2016)"),
    (regex.compile(r"\bseeds? 00[234]\b"), "het voorbeeldrapport van Panteia"),
    (regex.compile(r"\b[Dd]e seed\b"), "de eis"),
    (regex.compile(r"'pass'"), "'voldoet'"), (regex.compile(r"'fail'"), "'voldoet niet'"),
    (regex.compile(r"'manual'"), "'handmatig'"), (regex.compile(r"'warn'"), "'let op'"), (regex.compile(r"'n/a'"), "'n.v.t.'"),
]


def screen_words(text: str) -> str:
    for pattern, words in _SCREEN_WORDS:
        text = pattern.sub(words, text)
    return text


def param_text(value) -> str:
    """A regime parameter as a person reads it: Dutch dates and numbers, lists and periods in words."""
    import datetime as _dt

    from .dutch import format_date, format_number

    if value is None:
        return "niet bekend (geen openbare bron)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, _dt.date):
        return format_date(value)
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, dict) and set(value) == {"start", "end"}:
        return f"{param_text(value['start'])} t/m {param_text(value['end'])}"
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if k != "pattern"}
        return ", ".join(f"{k}: {param_text(v)}" for k, v in shown.items())
    if isinstance(value, list):
        return "; ".join(param_text(v) for v in value)
    return str(value)


def _settings(path: Path | None) -> "Settings":
    try:
        return load_settings(path)
    except SettingsError as exc:
        raise typer.BadParameter(str(exc), param_hint="--instellingen") from None


def _write_letters(result: BatchResult, folder: Path, err: Console) -> None:
    from .letters import write_letters

    problems: list[str] = []
    try:
        written = write_letters(result, folder, problems=problems)
    except OSError as exc:
        err.print(f"De brieven konden niet worden geschreven in {folder}: {exc.strerror or exc}", markup=False)
        return
    for problem in problems:
        err.print(problem, markup=False)
    err.print(f"{len(written)} conceptbrie{'f' if len(written) == 1 else 'ven'} geschreven in {folder}", markup=False)


regeling_app = typer.Typer(help="Regelingen (regelsets) beheren.", no_args_is_help=True, add_completion=False)
app.add_typer(regeling_app, name="regeling")


@regeling_app.command("nieuw")
def regeling_nieuw(
    van: Annotated[str, typer.Option("--van", metavar="REGELING", help="Bestaande regeling (naam of .toml-bestand) om van uit te gaan.")],
    jaar: Annotated[int, typer.Option("--jaar", min=2000, max=2100, metavar="JAAR", help="Jaar van de nieuwe meetperiode.")],
    uit: Annotated[Optional[Path], typer.Option("--uit", "-o", metavar="BESTAND", help="Schrijf hierheen (standaard: <nieuwe naam>.toml in de werkmap).")] = None,
    overschrijven: Annotated[bool, typer.Option("--overschrijven", help="Een bestaand bestand vervangen.")] = False,
) -> None:
    """Maak de regeling voor een ander jaar: alle datums verschoven, elke bron gemarkeerd 'afgeleid, controleer'."""
    err = Console(stderr=True)
    try:
        new_id, text = derive_regime(van, jaar)
    except RegimeError as exc:
        raise typer.BadParameter(str(exc), param_hint="--van") from None
    target = uit or Path(f"{new_id}.toml")
    if target.exists() and not overschrijven:
        raise typer.BadParameter(f"{target} bestaat al (gebruik --overschrijven om het te vervangen)", param_hint="--uit")
    if problem := _unwritable(target):
        raise typer.BadParameter(problem, param_hint="--uit")
    write_atomic(target, text)
    load_regime(str(target))  # what was written must load as a regime
    err.print(f"Regeling {new_id} geschreven naar {target}. Controleer elke waarde en elke bron tegen de eisen van UWV voor "
              f"{jaar}; gebruik hem daarna met: kto-ingest MAP --regime {target}", markup=False, soft_wrap=True)


@app.command("instellingen", short_help="Toon de instellingen die gelden en waar ze vandaan komen.")
def instellingen_cmd(
    instellingen: Annotated[Optional[Path], typer.Option("--instellingen", help="Dit instellingenbestand in plaats van de standaardplaatsen.")] = None,
) -> None:
    """Toon de instellingen die gelden en waar elke waarde vandaan komt."""
    from .settings import describe

    _stdout_console().print(describe(_settings(instellingen)), markup=False, soft_wrap=True)


@app.command("schema", short_help="Druk het JSON-schema van de uitvoer af.")
def schema() -> None:
    """Druk het JSON-schema van de uitvoer af."""
    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


from .serve_cli import serve as _serve  # noqa: E402 - `kto-ingest serve`: the local web page

app.command("serve", short_help="Start de webpagina: sleep er rapporten in, krijg het overzicht.")(_serve)

# typer's own words in help texts and usage errors, in Dutch. typer has no translations of its
# own; its output is rewritten instead (only whole, known phrases).
_DUTCH = [
    ("Usage: ", "Gebruik: "), ("Arguments:", "Argumenten:"), ("Options:", "Opties:"), ("Commands:", "Opdrachten:"),
    ("Show this message and exit.", "Toon deze hulp en stop."), ("[required]", "[verplicht]"), ("x>=0", "minstens 0"),
    ("[OPTIONS]", "[OPTIES]"), ("COMMAND [ARGS]...", "OPDRACHT [ARGUMENTEN]..."), ("Error: ", "Fout: "),
    ("Invalid value for ", "Ongeldige waarde voor "), ("No such option: ", "Onbekende optie: "), ("No such command ", "Onbekende opdracht "),
    ("Missing argument ", "Ontbrekend argument "), ("Missing option ", "Ontbrekende optie "),
    ("Got unexpected extra argument", "Onverwacht extra argument"), ("Got unexpected extra arguments", "Onverwachte extra argumenten"),
    ("requires an argument.", "vraagt een waarde."), ("is not a valid integer.", "is geen geheel getal."),
    ("is not a valid float.", "is geen getal."), ("is not in the range", "valt buiten het bereik"),
    ("Did you mean", "Bedoelde u"), ("(Possible options:", "(mogelijke opties:"), ("Option '", "Optie '"), ("{PAD}...", "PAD..."),
]
_DEFAULT = re.compile(r"\[default:(\s+)")
_TRY = re.compile(r"Try '([^']+)' for help\.")
_TYPE_HINT = re.compile(r" <(?:list\[\w+\]|str|int|float|path|int range|float range|Path|bool)>")


def dutch_help(text: str) -> str:
    """typer's English frame around our Dutch texts, in Dutch."""
    text = _TRY.sub(r"Zie '\1' voor hulp.", text)
    text = _TYPE_HINT.sub(lambda m: " " * len(m.group()), text)  # blanks keep the columns aligned
    text = _DEFAULT.sub(lambda m: "[standaard:" + m.group(1), text)
    for english, dutch in _DUTCH:
        text = text.replace(english, dutch)
    return text


def main(argv: list[str] | None = None, exiting: bool = False) -> int:
    """Run the CLI in-process and return the exit code (for tests and wrappers). ``exiting``: the
    process ends right after (the console script)."""
    main_thread = threading.current_thread() is threading.main_thread()
    handler = signal.getsignal(signal.SIGINT) if main_thread else None
    try:
        return _main(argv)
    finally:
        if main_thread and exiting:
            # Only exiting is left. Python resets its handlers while it shuts down (joining the
            # workers' fork server takes a moment), and a Ctrl-C then would kill the process after
            # the work was done and written (status -2 instead of the code just decided).
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        elif main_thread and handler is not None:
            signal.signal(signal.SIGINT, handler)


def _main(argv: list[str] | None) -> int:
    quiet_libraries()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in SUBCOMMANDS and not args[0].startswith("-"):
        args.insert(0, "check")
    elif args and args[0].startswith("-") and args[0] not in {"--help", "--version", "-h"}:
        args.insert(0, "check")
    helping = any(a in ("-h", "--help") for a in args)
    captured = io.StringIO()
    try:
        with contextlib.redirect_stdout(captured) if helping else contextlib.nullcontext():
            rv = app(args=args, prog_name="kto-ingest", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        typer.echo("Afgebroken.", err=True)
        return INTERRUPTED
    except typer.TyperException as exc:  # usage errors; typer's click keeps show() and exit_code
        if hasattr(exc, "show"):
            message = io.StringIO()
            with contextlib.redirect_stderr(message):
                exc.show()
            sys.stderr.write(dutch_help(message.getvalue()))
            return int(getattr(exc, "exit_code", ExitCode.USAGE))
        raise
    finally:
        if helping:
            sys.stdout.write(dutch_help(captured.getvalue()))
    return rv if isinstance(rv, int) else 0


def run() -> None:
    code = main(exiting=True)
    # Everything is written and closed. Run the exit handlers (logging, multiprocessing), flush the
    # screen and end the process, without the interpreter tearing down every module and object one
    # by one first (0.1-0.2 s on a 2-core machine, several reports' worth). As Python itself does,
    # a screen output that cannot be flushed makes the exit code 120.
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - a closed pipe: nothing left to tell it
            if stream is sys.stdout:
                code = 120
    os._exit(code)

