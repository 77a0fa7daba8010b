"""Issue 17: the desktop wrappers on Windows and macOS. What can run on Linux runs: the .sh and
.command under sh and bash without Python on the PATH (a Dutch message, then a wait for Enter) and
with paths holding & % ^ ! spaces and diacritics; the .cmd is read (Windows' cmd.exe is not here)
and the Python side of it, reading dropped paths from the window's command line, is run."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kto_ingest.drop import args_from_cmdline, windows_split

from .conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
SHELLS = [s for s in ("sh", "bash") if shutil.which(s)]
UNIX_WRAPPERS = ["kto-ingest-drop.sh", "kto-ingest-drop.command", "kto-ingest-web.command"]


def _fake_bin(tmp_path: Path, python3: str | None) -> Path:
    """A PATH with nothing on it but, optionally, a python3 stand-in (a shell script)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    if python3 is not None:
        fake = bin_dir / "python3"
        fake.write_text("#!/bin/sh\n" + python3 + "\n")
        fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return bin_dir


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("wrapper", UNIX_WRAPPERS)
def test_without_python_a_dutch_message_and_a_wait(tmp_path, shell, wrapper):
    env = {"PATH": str(_fake_bin(tmp_path, None)), "HOME": str(tmp_path)}
    proc = subprocess.run([shutil.which(shell), str(SCRIPTS / wrapper), "rapport.pdf"], env=env, input="\n",
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 127
    assert "Python 3 is niet gevonden op deze computer" in proc.stdout
    assert "Druk op Enter om dit venster te sluiten." in proc.stdout  # the window waits instead of closing


@pytest.mark.parametrize("wrapper", UNIX_WRAPPERS)
def test_python_without_kto_ingest_says_so(tmp_path, wrapper):
    # a python3 that runs, but has no kto_ingest
    bin_dir = _fake_bin(tmp_path, 'case "$*" in *kto_ingest*) exit 1;; esac; exit 0')
    proc = subprocess.run([shutil.which("sh"), str(SCRIPTS / wrapper)], env={"PATH": str(bin_dir), "HOME": str(tmp_path)},
                          input="\n", capture_output=True, text=True, timeout=30)
    assert proc.returncode == 127
    assert "kto-ingest is niet geinstalleerd" in proc.stdout and str(bin_dir / "python3") in proc.stdout


@pytest.mark.parametrize("shell", SHELLS)
def test_command_wrapper_with_special_characters_in_paths(tmp_path, shell):
    folder = tmp_path / "R&D 100% ^klaar! Coöperatie"
    folder.mkdir()
    pdf = folder / "rapport & bijlage 50%!.pdf"
    shutil.copy(FIXTURES / "workaut-2023.pdf", pdf)
    env = {**os.environ, "KTO_INGEST_NO_OPEN": "1",
           "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    proc = subprocess.run([shutil.which(shell), str(SCRIPTS / "kto-ingest-drop.command"), str(pdf)], env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # the report does not meet the rules: checked
    html = list(folder.glob("KTO-controle *.html"))
    assert len(html) == 1 and "rapport &amp; bijlage 50%!.pdf" in html[0].read_text("utf-8")


# ---- Windows: the .cmd ---------------------------------------------------------------------
def _lines(name: str) -> list[str]:
    raw = (SCRIPTS / name).read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF throughout: cmd.exe misreads labels otherwise
    return raw.decode("ascii").split("\r\n")


def _code(lines: list[str]) -> list[str]:
    return [ln.strip() for ln in lines if ln.strip() and not ln.strip().lower().startswith(("rem", "::", "echo"))]


def test_drop_cmd_passes_paths_safely_and_waits_on_missing_python():
    lines = _lines("kto-ingest-drop.cmd")
    code = _code(lines)
    # %* (the arguments, where an unquoted & would split the line) is used only when typed in an
    # open window, on a line of its own after the Explorer case has left, never inside a ( ) block
    with_args = [i for i, ln in enumerate(code) if "%*" in ln]
    assert len(with_args) == 1
    depth = 0
    for ln in code[: with_args[0]]:
        depth += ln.count("(") - ln.count(")")
    assert depth == 0
    explorer_exit = code.index("if defined KTO_FROM_EXPLORER goto :explorer")
    assert explorer_exit < with_args[0]
    # dropped on the icon: the paths are read with delayed expansion from the window's command line
    read = code.index('set "KTO_INGEST_CMDLINE=!cmdcmdline!"')
    assert "setlocal EnableDelayedExpansion" in code[:read]
    # ... and the script ends with exit (not exit /b) so cmd.exe never runs the rest of a split line
    explorer = code[code.index(":explorer"):code.index(":missing")]
    assert explorer[-1] == "exit !KTO_RC!" and "pause" in " ".join(explorer)
    # Python or kto-ingest missing: a Dutch message, then a wait for a key
    missing = lines[[ln.strip() for ln in lines].index(":missing"):]
    text = "\n".join(missing)
    assert "Python is niet gevonden op deze computer" in text and "kto-ingest is niet geinstalleerd" in text
    assert "pause" in [ln.strip() for ln in missing]
    assert "if not errorlevel 1" in text  # errorlevel tested the way that works inside blocks too


def test_web_cmd_starts_the_page_and_waits_on_a_problem():
    code = _code(_lines("kto-ingest-web.cmd"))
    assert any("serve --open" in ln for ln in code)
    assert "%*" not in " ".join(code)
    assert code.count("pause") == 1 and code[code.index("pause") - 1] == ":wait"
    assert "if errorlevel 1 goto :failed" in code


WIN_CASES = [
    # Explorer: cmd /c ""script" paths", only paths with a space quoted
    ('C:\\WINDOWS\\system32\\cmd.exe /c ""C:\\Users\\An de Vries\\Desktop\\kto-ingest-drop.cmd" '
     'C:\\R&D\\a.pdf "C:\\Mijn map\\b 100%.pdf" C:\\x^y!z\\é.pdf"',
     "C:\\Users\\An de Vries\\Desktop\\kto-ingest-drop.cmd",
     ["C:\\R&D\\a.pdf", "C:\\Mijn map\\b 100%.pdf", "C:\\x^y!z\\é.pdf"]),
    # double-click: no paths
    ('C:\\WINDOWS\\system32\\cmd.exe /c ""C:\\d\\kto-ingest-drop.cmd" "', "C:\\d\\kto-ingest-drop.cmd", []),
    # a path longer than Windows' old 260-character limit, and a UNC share
    ('C:\\WINDOWS\\system32\\cmd.exe /c ""C:\\d\\kto-ingest-drop.cmd" \\\\?\\C:\\' + "lang\\" * 60 + 'r.pdf '
     '"\\\\server\\KTO 2021\\%TEMP%.pdf""', "c:\\D\\kto-ingest-drop.cmd",
     ["\\\\?\\C:\\" + "lang\\" * 60 + "r.pdf", "\\\\server\\KTO 2021\\%TEMP%.pdf"]),
]


@pytest.mark.parametrize(("cmdline", "script", "expected"), WIN_CASES)
def test_paths_from_the_windows_command_line(cmdline, script, expected):
    assert args_from_cmdline(cmdline, script) == expected


def test_typed_in_an_open_window_uses_the_arguments():
    assert args_from_cmdline('"C:\\WINDOWS\\system32\\cmd.exe" ', "C:\\d\\kto-ingest-drop.cmd") is None


def test_windows_split_keeps_backslashes_and_specials():
    assert windows_split('"C:\\a b\\c.pdf" C:\\R&D\\d.pdf') == ["C:\\a b\\c.pdf", "C:\\R&D\\d.pdf"]
    assert windows_split('  ""  x') == ["", "x"]


def test_drop_reads_the_cmdline_from_the_environment(tmp_path, monkeypatch):
    folder = tmp_path / "R&D 100%"
    folder.mkdir()
    pdf = folder / "a&b.pdf"
    shutil.copy(FIXTURES / "workaut-2023.pdf", pdf)
    from kto_ingest import drop

    monkeypatch.setenv("KTO_INGEST_NO_OPEN", "1")
    monkeypatch.setenv(drop.SCRIPT, "/x/kto-ingest-drop.cmd")
    monkeypatch.setenv(drop.CMDLINE, f'cmd.exe /c ""/x/kto-ingest-drop.cmd" "{pdf}""')
    monkeypatch.setattr(sys, "argv", ["kto-ingest-drop"])
    assert drop.main() == 1
    assert len(list(folder.glob("KTO-controle *.xlsx"))) == 1
