"""Check files in worker processes, each with a time and a memory limit.

One hostile file must not stop, hang or crash the batch. Each file is checked in
a worker process. A worker that takes longer than the time limit is killed; one
that runs out of its memory limit (an address-space limit set inside the worker)
reports that or dies. The time limit counts the processor time of the worker and
its programs (Tesseract), where the system tells it (Linux), so that a machine
busy with other work does not make a file time out; a worker that hangs without
computing is stopped when it has computed nothing for as long as the limit, and
any worker when its wall-clock time reaches ``WALL_FACTOR`` times the limit. Either way the file gets an error entry (``timeout``,
``too_large`` or ``crashed``), the worker is replaced and the batch goes on.

Entries come back in the order files finish (:func:`run_isolated` is a
generator), so the caller can stream them out and nothing here grows with the
number of files. Workers ignore Ctrl-C; the parent stops them when it gets one.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING

# Not the pipeline: the main process only hands out paths; the workers load the PDF machinery
# (kto_ingest._preload, imported once by the fork server). Nothing heavier than the standard
# library at the top, so that the launcher can start the fork server before anything else.
from .errors import ErrorCode, KtoError, is_memory_error

if TYPE_CHECKING:
    from .batch import Options
    from .schema import ReportEntry

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_MEMORY_MB = 2048
# A file's wall-clock time may reach this many times its limit before it is stopped, whatever its
# processor time: room for a machine loaded ten processes to a core, and a stop for a worker that
# computes a little now and then for ever. A worker that computes nothing is stopped sooner (see
# _Slot.over).
WALL_FACTOR = 10.0
CPU_POLL = 0.5  # seconds between looks at a busy worker's processor time


@dataclass(frozen=True)
class Limits:
    jobs: int = 1
    timeout: float | None = DEFAULT_TIMEOUT  # seconds per file; None: no limit
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB  # address space per worker; None: no limit


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


START_METHOD_ENV = "KTO_INGEST_START_METHOD"  # "spawn" tests on Linux the way Windows and macOS start workers


def _context() -> multiprocessing.context.BaseContext:
    """forkserver on Linux: workers are forked from a clean process that has imported the pipeline
    once, so a new worker starts in milliseconds and inherits no threads. Elsewhere spawn (the only
    method on Windows, the default on macOS). KTO_INGEST_START_METHOD forces one."""
    forced = os.environ.get(START_METHOD_ENV)
    if forced:
        if forced not in multiprocessing.get_all_start_methods():
            raise ValueError(f"{START_METHOD_ENV}={forced}: kies uit {', '.join(multiprocessing.get_all_start_methods())}")
        return multiprocessing.get_context(forced)
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["kto_ingest.isolation", "kto_ingest._preload"])
        return ctx
    return multiprocessing.get_context("spawn")


def start_early(limits: Limits) -> None:
    """Start the fork server now, so that it imports the PDF machinery while the main process is
    still loading its inputs and looking for files (on two cores the two overlap). Nothing is
    started for ``--jobs 0`` or where workers are spawned; any failure is left to the first worker."""
    if limits.jobs < 1:
        return
    try:
        ctx = _context()
        if ctx.get_start_method() == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()
    except Exception:  # noqa: BLE001 - only an optimisation; the pool starts it (and reports) later
        pass


def _limit_memory(max_memory_mb: int | None) -> None:
    if not max_memory_mb:
        return
    try:
        import resource
    except ImportError:  # Windows: not enforced; only the time limit applies
        return
    limit = max_memory_mb * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):  # macOS refuses an address-space limit: only the time limit applies
        pass


def _worker(conn: Connection, options: Options, max_memory_mb: int | None) -> None:
    """Receive a path, send back its entry (or a memory report), until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    from . import _preload, ocr  # already imported when forked from the fork server
    from ._preload import process_file

    registry = _preload.REGISTRY
    if registry.problems:  # the main process did not load the parsers itself: it prints these
        conn.send(("problems", [(p.entry_point, p.message) for p in registry.problems]))
    _limit_memory(max_memory_mb)
    ocr_pages = 0

    def extend_for_ocr() -> None:  # each scanned page buys the file more time
        nonlocal ocr_pages
        ocr_pages += 1
        conn.send(("ocr", ocr_pages))  # progress: which page is being read
        if ocr_pages <= ocr.MAX_EXTENDED_PAGES:
            conn.send(("extend", ocr.SECONDS_PER_PAGE))

    ocr.before_page = extend_for_ocr
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        ocr_pages = 0
        try:
            outcome = ("entry", process_file(Path(path), registry, options))
        except BaseException as exc:  # noqa: BLE001 - report it; the parent replaces this worker
            outcome = ("failed", "memory" if is_memory_error(exc) else f"{type(exc).__name__}: {exc}")
        try:
            conn.send(outcome)
        except MemoryError:
            conn.send(("failed", "memory"))
        if outcome[0] == "failed":
            return  # after running out of memory a process is best replaced
        if _wants_crops(options, outcome[1]):
            # After the entry, so that whatever a crop costs, the entry is safe with the parent.
            from .report_html import render_crops

            try:
                conn.send(("crops", render_crops(outcome[1])))
            except BaseException:  # noqa: BLE001 - out of memory while drawing: the parent notes it
                conn.send(("crops", [(0, None, _CROP_FAILED)]))
                return


_CROP_FAILED = "Het bewijsplaatje kon niet worden gemaakt: het tekenen van de pagina ging over de tijd- of geheugengrens."


def _wants_crops(options: Options, entry: ReportEntry) -> bool:
    # the evidence worth a picture (report_html.render_crops): a results table, jobcoaching scores
    pictured = bool(entry.results) or bool(entry.jobcoaching and entry.jobcoaching.periods)
    return options.crops and entry.status == "parsed" and pictured


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") and "SC_CLK_TCK" in getattr(os, "sysconf_names", {}) else 100


def _stat_ticks(pid: int, with_children: bool) -> int | None:
    """Clock ticks of processor time of process ``pid`` from /proc: user and system, with those of
    its children that have ended when ``with_children``. None where there is no /proc."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # after the name: state (0), ..., utime (11), stime (12), cutime (13), cstime (14)
    return sum(int(v) for v in fields[11:15 if with_children else 13])


def cpu_seconds(pid: int) -> float | None:
    """Processor time in seconds used so far by process ``pid``, the children it has waited for,
    and the children still running (a Tesseract reading a page); None where the system does not
    tell (no /proc: not Linux), and then the time limit counts wall-clock time."""
    own = _stat_ticks(pid, with_children=True)
    if own is None:
        return None
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            children = [int(c) for c in f.read().split()]
    except (OSError, ValueError):
        children = []
    for child in children:
        own += _stat_ticks(child, with_children=True) or 0
    return own / _TICKS


@dataclass
class _Slot:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    index: int | None = None  # the file being checked
    started: float = 0.0  # wall clock (time.monotonic) when the file was handed over
    cpu_started: float | None = None  # the worker's processor time then; None: count wall time
    allowed: float = 0.0  # seconds the file may take: the limit, plus what OCR pages added
    pending: ReportEntry | None = None  # the file's entry, while its evidence crops are drawn
    cpu_seen: float = 0.0  # the processor time last read, and when it last grew
    progressed: float = 0.0

    def begin(self, timeout: float | None) -> None:
        self.started = self.progressed = time.monotonic()
        self.cpu_started = cpu_seconds(self.process.pid) if self.process.pid else None
        self.cpu_seen = self.cpu_started or 0.0
        self.allowed = timeout or 0.0

    def used(self) -> float:
        """Seconds the file has taken: processor time where known, else wall-clock time."""
        now = time.monotonic()
        if self.cpu_started is not None:
            cpu = cpu_seconds(self.process.pid)
            if cpu is not None:
                if cpu > self.cpu_seen:
                    self.cpu_seen, self.progressed = cpu, now
                return cpu - self.cpu_started
        return now - self.started

    def over(self) -> bool:
        """The file has used its time; or its worker has computed nothing for as long as the limit
        (it hangs, waiting for ever: a worker kept waiting by a busy machine still gets a share of
        the processor every second); or its wall-clock time has run to WALL_FACTOR times the limit."""
        used = self.used()
        now = time.monotonic()
        if self.cpu_started is None:
            return used >= self.allowed
        return (used >= self.allowed or now - self.progressed >= self.allowed
                or now - self.started >= WALL_FACTOR * self.allowed)

    def wait_for(self) -> float:
        """Seconds until this file may be over its time at the earliest (processor time grows at
        most as fast as the clock for one worker running one program at a time); at least
        CPU_POLL while it is counted in processor time, so that its progress is seen."""
        left = max(0.0, self.allowed - self.used())
        if self.cpu_started is None or left == 0:
            return left
        now = time.monotonic()
        idle_left = self.progressed + self.allowed - now
        wall_left = self.started + WALL_FACTOR * self.allowed - now
        return max(0.0, min(CPU_POLL, left, idle_left, wall_left))


class _Pool:
    def __init__(self, options: Options, limits: Limits) -> None:
        self.options = options
        self.limits = limits
        self.ctx = _context()
        self.slots: list[_Slot] = []

    def start(self) -> _Slot:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(
            target=_worker, args=(child, self.options, self.limits.max_memory_mb), name="kto-ingest-worker", daemon=True
        )
        process.start()
        child.close()
        slot = _Slot(process, parent)
        self.slots.append(slot)
        return slot

    def retire(self, slot: _Slot, kill: bool = False) -> None:
        self.slots.remove(slot)
        if kill and slot.process.is_alive():
            slot.process.kill()
        slot.process.join(5)
        slot.conn.close()

    def close(self) -> None:
        for slot in list(self.slots):
            if slot.index is None:
                try:
                    slot.conn.send(None)
                except OSError:
                    pass
            self.retire(slot, kill=slot.index is not None)


def _failure(path: Path, options: Options, code: ErrorCode, message: str | None = None) -> ReportEntry:
    from .batch import display_path, error_entry, source_path

    entry = error_entry(path, display_path(path, options.base), KtoError(code, message))
    entry._source = source_path(path)
    return entry


def _death(path: Path, options: Options, process: multiprocessing.process.BaseProcess, limits: Limits) -> ReportEntry:
    """The worker died without an answer. SIGKILL from outside is the kernel's out-of-memory killer."""
    exitcode = process.exitcode
    if hasattr(signal, "SIGKILL") and exitcode == -signal.SIGKILL:  # no SIGKILL on Windows
        return _failure(path, options, ErrorCode.TOO_LARGE, _memory_message(limits))
    how = f"signaal {-exitcode}" if exitcode is not None and exitcode < 0 else f"code {exitcode}"
    return _failure(
        path,
        options,
        ErrorCode.CRASHED,
        f"Het controleren van dit bestand liet het leesprogramma vastlopen ({how}); de PDF is waarschijnlijk beschadigd.",
    )


def _memory_message(limits: Limits) -> str:
    if limits.max_memory_mb:
        return f"Het controleren van dit bestand had meer dan {limits.max_memory_mb} MB geheugen nodig en is afgebroken."
    return "Het controleren van dit bestand had meer geheugen nodig dan beschikbaar en is afgebroken."


def _timeout_message(slot: _Slot, limits: Limits) -> str:
    if slot.cpu_started is not None and slot.used() >= slot.allowed:
        return f"Het controleren van dit bestand kostte meer dan {limits.timeout:g} seconden rekentijd en is afgebroken."
    return f"Het controleren van dit bestand duurde langer dan {limits.timeout:g} seconden en is afgebroken."


def run_isolated(
    paths: Sequence[Path], options: Options, limits: Limits, pool: _Pool | None = None,
    on_ocr: Callable[[int, int], None] | None = None,
    on_problems: Callable[[list[tuple[str, str]]], None] | None = None,
) -> Iterator[tuple[int, ReportEntry]]:
    """Yield ``(index into paths, entry)`` as each file finishes, one per path. ``pool`` lets a
    test watch the workers; ``on_ocr(index, page)`` hears of each scanned page as OCR starts on it;
    ``on_problems(problems)`` hears once of the parser plug-ins that could not be loaded, as
    ``(entry point, message)``."""
    pool = pool or _Pool(options, limits)
    problems_told = False
    todo = deque(range(len(paths)))
    jobs = max(1, min(limits.jobs, len(paths)))
    try:
        while todo or any(s.index is not None for s in pool.slots):
            while todo and (len(pool.slots) < jobs or any(s.index is None for s in pool.slots)):
                slot = next((s for s in pool.slots if s.index is None), None) or pool.start()
                slot.index = todo.popleft()
                slot.begin(limits.timeout)
                slot.conn.send(str(paths[slot.index]))
            busy = [s for s in pool.slots if s.index is not None]
            wait_for = None
            if limits.timeout:
                wait_for = min(s.wait_for() for s in busy)
            ready = wait([s.conn for s in busy] + [s.process.sentinel for s in busy], timeout=wait_for)
            for slot in busy:
                index, path = slot.index, paths[slot.index]
                if slot.conn in ready or slot.process.sentinel in ready:
                    try:
                        kind, payload = slot.conn.recv() if slot.conn.poll() else (None, None)
                    except (EOFError, OSError):
                        kind, payload = None, None
                    if kind == "ocr":
                        if on_ocr is not None:
                            on_ocr(index, payload)
                        continue
                    if kind == "problems":  # every worker loads the same plug-ins: tell once
                        if on_problems is not None and not problems_told:
                            on_problems(payload)
                        problems_told = True
                        continue
                    if kind == "extend":  # OCR under way: this file gets more time
                        slot.allowed += payload
                        continue
                    if kind == "entry" and _wants_crops(options, payload):
                        slot.pending = payload  # the crops come next, with a time limit of their own
                        slot.begin(limits.timeout)
                        continue
                    if kind == "crops" and slot.pending is not None:
                        entry, slot.pending, slot.index = slot.pending, None, None
                        entry._crops = payload
                        yield index, entry
                        continue
                    if kind == "entry":
                        slot.index = None
                        yield index, payload
                        continue
                    if slot.pending is not None:  # the worker failed while drawing: keep the entry
                        entry, slot.pending = slot.pending, None
                        entry._crops = [(0, None, _CROP_FAILED)]
                        pool.retire(slot, kill=True)
                        yield index, entry
                        continue
                    if kind == "failed":
                        entry = (
                            _failure(path, options, ErrorCode.TOO_LARGE, _memory_message(limits))
                            if payload == "memory"
                            else _failure(path, options, ErrorCode.CRASHED,
                                          f"Het controleren van dit bestand is mislukt door een interne fout ({payload}).")
                        )
                    else:
                        slot.process.join(5)
                        entry = _death(path, options, slot.process, limits)
                    pool.retire(slot, kill=True)
                    yield index, entry
                elif limits.timeout and slot.over():
                    message = _timeout_message(slot, limits)  # while the worker's processor time can be read
                    pool.retire(slot, kill=True)
                    if slot.pending is not None:  # drawing the crops took too long: keep the entry
                        slot.pending._crops = [(0, None, _CROP_FAILED)]
                        yield index, slot.pending
                        continue
                    yield index, _failure(
                        path,
                        options,
                        ErrorCode.TIMEOUT,
                        message,
                    )
    finally:
        pool.close()
