"""Issue 6: worker processes with time and memory limits, replacement, Ctrl-C, streaming."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from kto_ingest.bureaus import load_register
from kto_ingest.isolation import Limits, _Pool, run_isolated
from kto_ingest.pipeline import Options, process_file
from kto_ingest.regime import load_regime
from kto_ingest.signature import load_trust

from .conftest import FIXTURES, fixture_pdfs

sys.path.insert(0, str(FIXTURES))
import hostile  # noqa: E402

GOOD = FIXTURES / "leer-unique-2019.pdf"


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    path = tmp_path_factory.mktemp("bomb") / "z-bom.pdf"
    path.write_bytes(hostile.bomb_pdf())
    return path


def full_options():
    return Options(base=FIXTURES, regime=load_regime(), register=load_register(), trust=load_trust(FIXTURES / "pki"))


def test_workers_give_the_same_entries_as_in_process(registry):
    files = fixture_pdfs()
    options = full_options()
    isolated = dict(run_isolated(files, options, Limits(jobs=2)))
    assert sorted(isolated) == list(range(len(files)))
    for i, path in enumerate(files):
        expected = process_file(path, registry, options).model_dump(mode="json")
        got = isolated[i].model_dump(mode="json")
        assert got == expected, path.name
        assert isolated[i]._source == path  # the HTML writer finds the PDF again
    signed = isolated[files.index(FIXTURES / "signed-intact.pdf")]
    assert signed.signature.trusted is True  # trust roots survive the trip to the worker


def test_timeout_replaces_the_worker_and_the_batch_goes_on(bomb, tmp_path):
    good = tmp_path / "a-goed.pdf"
    shutil.copy(GOOD, good)
    paths = [bomb, good, GOOD]
    started = time.monotonic()
    entries = dict(run_isolated(paths, Options(), Limits(jobs=1, timeout=2)))
    assert time.monotonic() - started < 20
    assert entries[0].status == "error" and entries[0].error.code == "timeout"
    assert "2 seconden" in entries[0].error.message
    assert entries[0].sha256  # the file itself is identified
    assert entries[1].status == "parsed" and entries[2].status == "parsed"


def _kill_first_worker(pool: _Pool, sig: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        busy = [s for s in list(pool.slots) if s.index is not None]
        if busy:
            time.sleep(0.3)
            os.kill(busy[0].process.pid, sig)
            return
        time.sleep(0.05)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGSEGV, "crashed"), (signal.SIGKILL, "too_large")])
def test_a_worker_that_dies_gives_an_entry_and_is_replaced(bomb, sig, code):
    """A crash in MuPDF kills the worker with a signal; the kernel's out-of-memory killer uses SIGKILL."""
    limits = Limits(jobs=1, timeout=60)
    pool = _Pool(Options(), limits)
    killer = threading.Thread(target=_kill_first_worker, args=(pool, sig))
    killer.start()
    entries = dict(run_isolated([bomb, GOOD], Options(), limits, pool))
    killer.join()
    assert entries[0].error.code == code
    assert entries[1].status == "parsed"


def test_memory_limit_gives_too_large(tmp_path):
    big = tmp_path / "geheugenbom.pdf"
    big.write_bytes(hostile.text_bomb_pdf())
    entries = dict(run_isolated([big, GOOD], Options(), Limits(jobs=1, timeout=60, max_memory_mb=600)))
    assert entries[0].error.code == "too_large"
    assert "600 MB" in entries[0].error.message
    assert entries[1].status == "parsed"


def _run(args, cwd, **kw):
    return subprocess.Popen([sys.executable, "-m", "kto_ingest", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_ctrl_c_writes_what_was_finished(bomb, tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    shutil.copy(GOOD, folder / "a-goed.pdf")
    shutil.copy(FIXTURES / "workaut-2023.pdf", folder / "b-goed.pdf")
    shutil.copy(bomb, folder / "z-bom.pdf")
    proc = _run([str(folder), "-j", "1", "-o", str(tmp_path / "uit.json"), "-o", str(tmp_path / "uit.jsonl"),
                 "-o", str(tmp_path / "uit.html"), "-o", str(tmp_path / "uit.xlsx")], tmp_path)
    deadline = time.monotonic() + 60
    lines = tmp_path / "uit.jsonl"
    while time.monotonic() < deadline and (not lines.exists() or lines.read_text("utf-8").count("\n") < 2):
        time.sleep(0.1)  # the two good files are streamed out as they finish; then the bomb runs
    proc.send_signal(signal.SIGINT)
    time.sleep(0.3)  # the workers are being stopped: an impatient second Ctrl-C must not cost the outputs
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "Afgebroken: 2 van 3" in err
    assert "Traceback" not in err
    result = json.loads((tmp_path / "uit.json").read_text("utf-8"))
    assert result["interrupted"] is True
    assert [os.path.basename(r["file"]) for r in result["reports"]] == ["a-goed.pdf", "b-goed.pdf"]
    assert [os.path.basename(f) for f in result["unchecked"]] == ["z-bom.pdf"]
    assert "a-goed.pdf" in (tmp_path / "uit.html").read_text("utf-8") and (tmp_path / "uit.xlsx").stat().st_size
    streamed = [json.loads(line) for line in lines.read_text("utf-8").splitlines()]
    assert [r["sha256"] for r in streamed] == [r["sha256"] for r in result["reports"]]


def test_jsonl_to_stdout_streams_one_line_per_file(tmp_path):
    for name in ("a.pdf", "b.pdf"):
        shutil.copy(GOOD, tmp_path / name)
    (tmp_path / "c.pdf").write_bytes(b"")
    proc = _run([".", "--format", "jsonl"], tmp_path)
    out, _ = proc.communicate(timeout=120)
    rows = [json.loads(line) for line in out.splitlines()]
    assert sorted(r["file"] for r in rows) == ["a.pdf", "b.pdf", "c.pdf"]
    by_name = {r["file"]: r for r in rows}
    assert by_name["c.pdf"]["error"]["code"] == "empty"
    assert by_name["a.pdf"]["status"] == "parsed"
    # streamed: the later of two identical files already names the earlier one
    assert any(r["duplicates"] for r in rows if r["file"] in ("a.pdf", "b.pdf"))


def test_each_scanned_page_is_reported_while_ocr_runs(tmp_path):
    """Issue 19: a long scan shows which page is being read (the progress bar's text)."""
    from kto_ingest import ocr
    from kto_ingest._pymupdf import pymupdf

    if not ocr.available():
        pytest.skip("Tesseract with Dutch language data is not installed")
    scan = tmp_path / "scan.pdf"
    with pymupdf.open(GOOD) as src, pymupdf.open() as doc:
        for page in list(src)[:2]:  # two pages as pictures only
            out = doc.new_page(width=page.rect.width, height=page.rect.height)
            out.insert_image(out.rect, pixmap=page.get_pixmap(dpi=100, colorspace=pymupdf.csGRAY))
        doc.save(scan)
    heard = []
    entries = list(run_isolated([scan], Options(), Limits(jobs=1), on_ocr=lambda index, page: heard.append((index, page))))
    assert heard == [(0, 1), (0, 2)] and len(entries) == 1


def test_the_time_limit_counts_processor_time_and_a_hang_is_still_stopped(monkeypatch):
    """A file's limit counts its worker's processor time: a worker that a busy machine gives a
    quarter of a core is not stopped when the clock passes its limit, but when it has computed that
    long; one that computes nothing for as long as the limit hangs and is stopped; and any is
    stopped at WALL_FACTOR times the limit by the clock. (Clock and processor time are simulated.)"""
    from kto_ingest import isolation
    from kto_ingest.isolation import WALL_FACTOR, _Slot

    clock = {"wall": 1000.0, "cpu": 5.0}
    monkeypatch.setattr(isolation.time, "monotonic", lambda: clock["wall"])
    monkeypatch.setattr(isolation, "cpu_seconds", lambda pid: clock["cpu"])

    class Proc:
        pid = 4242

    def run(seconds: float, share: float, slot: _Slot) -> None:  # the clock runs, the worker gets `share` of a core
        for _ in range(round(seconds * 10)):
            clock["wall"] += 0.1
            clock["cpu"] += 0.1 * share
            slot.over()  # the parent looks now and then

    starved = _Slot(Proc(), None)
    starved.begin(10.0)
    run(30, 0.25, starved)  # three times the limit by the clock, 7.5 s computed
    assert not starved.over()
    run(12, 0.25, starved)  # 10.5 s computed
    assert starved.over()

    hung = _Slot(Proc(), None)
    hung.begin(10.0)
    run(2, 1.0, hung)
    run(9.5, 0.0, hung)  # computed nothing for 9.5 s
    assert not hung.over()
    run(0.6, 0.0, hung)
    assert hung.over() and hung.used() < 10.0

    dripping = _Slot(Proc(), None)  # computes a little every few seconds, for ever
    dripping.begin(10.0)
    while not dripping.over():
        run(5, 0.02, dripping)
    assert clock["wall"] - dripping.started >= WALL_FACTOR * 10.0 and dripping.used() < 10.0

    monkeypatch.setattr(isolation, "cpu_seconds", lambda pid: None)  # no /proc: the clock counts
    plain = _Slot(Proc(), None)
    plain.begin(10.0)
    run(9.9, 0.25, plain)
    assert not plain.over()
    run(0.2, 0.25, plain)
    assert plain.over()


@pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/stat") or not shutil.which("sh"), reason="/proc (Linux)")
def test_processor_time_of_a_worker_includes_its_running_programs():
    from kto_ingest.isolation import cpu_seconds

    # a shell that waits for a program computing, as the worker waits for Tesseract
    proc = subprocess.Popen(["sh", "-c", f"{sys.executable} -c 'while True: pass'; true"])
    try:
        deadline = time.monotonic() + 120
        while (cpu_seconds(proc.pid) or 0) < 0.3 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert cpu_seconds(proc.pid) >= 0.3
        assert isolation_stat_own(proc.pid) < 0.3  # the shell itself computed next to nothing
    finally:
        with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as f:
            for child in f.read().split():
                os.kill(int(child), signal.SIGKILL)
        proc.kill()
        proc.wait()


def isolation_stat_own(pid: int) -> float:
    from kto_ingest.isolation import _TICKS, _stat_ticks

    return _stat_ticks(pid, with_children=False) / _TICKS
