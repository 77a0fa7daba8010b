"""Issue 17: workers started the way Windows and macOS start them (``spawn``: a fresh interpreter
that imports everything, instead of Linux's fork server), forced on Linux with
KTO_INGEST_START_METHOD=spawn. CI (.ci/run) also runs tests/test_isolation.py and tests/test_cli.py
whole under spawn; this file keeps a small batch under spawn in every run."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kto_ingest.isolation import START_METHOD_ENV, Limits, _context, _Pool, run_isolated
from kto_ingest.pipeline import Options, process_file
from kto_ingest.regime import load_regime

from .conftest import FIXTURES

FILES = [FIXTURES / "leer-unique-2019.pdf", FIXTURES / "workaut-2023.pdf", FIXTURES / "jobcoaching-rapportage-2021.pdf"]


def test_start_method_can_be_forced(monkeypatch):
    monkeypatch.setenv(START_METHOD_ENV, "spawn")
    assert _context().get_start_method() == "spawn"
    monkeypatch.setenv(START_METHOD_ENV, "teleport")
    with pytest.raises(ValueError, match="kies uit"):
        _context()
    monkeypatch.delenv(START_METHOD_ENV)
    assert _context().get_start_method() == ("forkserver" if sys.platform.startswith("linux") else "spawn")


def test_a_small_batch_under_spawn_gives_the_same_entries(monkeypatch, registry):
    monkeypatch.setenv(START_METHOD_ENV, "spawn")
    options = Options(base=FIXTURES, regime=load_regime())
    limits = Limits(jobs=2, timeout=120)
    pool = _Pool(options, limits)
    assert pool.ctx.get_start_method() == "spawn"
    entries = dict(run_isolated(FILES, options, limits, pool))
    assert sorted(entries) == [0, 1, 2]
    for i, path in enumerate(FILES):
        assert entries[i].model_dump(mode="json") == process_file(path, registry, options).model_dump(mode="json")


def test_the_command_under_spawn(tmp_path):
    """The whole command (`python -m kto_ingest`, JSON out) with spawned workers: the same reports as
    without workers, and no traceback."""
    env_spawn = {**__import__("os").environ, START_METHOD_ENV: "spawn", "KTO_INGEST_NO_OCR": "1"}
    args = [sys.executable, "-m", "kto_ingest", *map(str, FILES), "--format", "json"]
    spawned = subprocess.run([*args, "--jobs", "2"], capture_output=True, text=True, env=env_spawn, timeout=300, cwd=tmp_path)
    inline = subprocess.run([*args, "--jobs", "0"], capture_output=True, text=True, env=env_spawn, timeout=300, cwd=tmp_path)
    assert spawned.returncode == inline.returncode == 1, spawned.stderr
    a, b = json.loads(spawned.stdout), json.loads(inline.stdout)
    assert a["reports"] == b["reports"]
    assert "Traceback" not in spawned.stderr


def test_without_posix_signals_and_resource_limits(monkeypatch, tmp_path):
    """As on Windows: no SIGKILL and no `resource` module. The memory limit is then not set (not an
    error), and a worker that exits with code 1 is a crash, not an out-of-memory kill."""
    import signal
    import types

    from kto_ingest import isolation
    from kto_ingest.errors import ErrorCode

    monkeypatch.delattr(signal, "SIGKILL")
    monkeypatch.setitem(sys.modules, "resource", None)  # `import resource` raises ImportError
    isolation._limit_memory(100)
    dead = types.SimpleNamespace(exitcode=1)
    entry = isolation._death(tmp_path / "x.pdf", Options(), dead, Limits())
    assert entry.error.code == ErrorCode.CRASHED and "code 1" in entry.error.message
