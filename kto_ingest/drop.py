"""Drag and drop: the wrappers in ``scripts/`` hand the dropped paths to :func:`main`.

It checks everything dropped, writes ``KTO-controle <date time>.html`` and ``.xlsx`` and a folder
``KTO-conceptbrieven <date time>`` with a draft letter per report next to the first dropped item
(or in the documents folder when that is not writable), opens the HTML report,
and on a problem shows a Dutch message and waits for Enter instead of closing the window.
Without paths (macOS Terminal, a double-click) it asks for them: dragging files into the Terminal
window types their paths.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import sys
import webbrowser
from pathlib import Path

from .cli import main as cli_main

NO_OPEN = "KTO_INGEST_NO_OPEN"  # set in tests and CI: do not open a browser


def documents_folder(home: Path | None = None) -> Path:
    home = home or Path.home()
    for name in ("Documents", "Documenten", "Mijn documenten"):
        if (home / name).is_dir():
            return home / name
    return home


def output_folder(first: Path, home: Path | None = None) -> Path:
    """Inside the first dropped item when it is a folder, else next to it (so the results of a
    dropped folder are found in that folder, not in the one above); the documents folder when
    that is not writable."""
    resolved = first.resolve()
    folder = resolved if resolved.is_dir() else resolved.parent
    if folder.is_dir() and os.access(folder, os.W_OK):
        return folder
    return documents_folder(home)


def _wait(message: str) -> None:
    print(message, file=sys.stderr)
    if sys.stdin is not None and sys.stdin.isatty():
        input("Druk op Enter om dit venster te sluiten.")


CMDLINE = "KTO_INGEST_CMDLINE"  # set by kto-ingest-drop.cmd: the window's whole command line
SCRIPT = "KTO_INGEST_SCRIPT"  # set by kto-ingest-drop.cmd: its own path


def windows_split(text: str) -> list[str]:
    """Split as Windows passes dropped paths: separated by spaces, a path with a space in double
    quotes; everything else (``&``, ``%``, ``^``, ``!``, backslashes) is part of the path."""
    args, current, quoted, started = [], [], False, False
    for ch in text:
        if ch == '"':
            quoted, started = not quoted, True
        elif ch in " \t" and not quoted:
            if started:
                args.append("".join(current))
            current, started = [], False
        else:
            current.append(ch)
            started = True
    if started:
        args.append("".join(current))
    return args


def args_from_cmdline(cmdline: str, script: str) -> list[str] | None:
    """The paths dropped on the .cmd, read from the window's command line (``%cmdcmdline%``), e.g.
    ``cmd.exe /c ""C:\\Bureaublad\\kto-ingest-drop.cmd" C:\\R&D\\a.pdf "C:\\Mijn map\\b.pdf""``.
    Explorer quotes only paths with a space, so a path with ``&`` would split the .cmd's own
    command line; read here, it stays whole. None when the script is not on that line (typed in an
    open window: then the .cmd passes its arguments)."""
    at = cmdline.lower().find(script.lower()) if script else -1
    if at < 0:
        return None
    rest = cmdline[at + len(script):]
    if rest.startswith('"'):
        rest = rest[1:]  # the quote closing the script's path
    head = cmdline[:at].rstrip()
    if head.endswith('""') or head.lower().endswith('/c "'):  # cmd /c "..." wraps it all in one more pair
        rest = rest.rstrip()
        if rest.endswith('"'):
            rest = rest[:-1]
    return windows_split(rest)


def _ask_paths() -> list[str]:
    if sys.stdin is None or not sys.stdin.isatty():
        return []
    text = input("Sleep PDF-bestanden of een map in dit venster en druk op Enter:\n")
    # Windows types a dropped path in double quotes only when it has a space, and its backslashes
    # are separators, not escapes.
    return windows_split(text) if os.name == "nt" else shlex.split(text)


def main(argv: list[str] | None = None) -> int:
    if argv is None and os.environ.get(CMDLINE):
        from_cmd = args_from_cmdline(os.environ[CMDLINE], os.environ.get(SCRIPT, ""))
        if from_cmd is not None:
            argv = from_cmd
    args = list(sys.argv[1:] if argv is None else argv) or _ask_paths()
    if not args:
        _wait("Geen bestanden ontvangen. Sleep PDF-bestanden of mappen op het kto-ingest-pictogram.")
        return 2
    paths = [Path(a) for a in args]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _wait(f"Niet gevonden: {', '.join(missing)}")
        return 2
    folder = output_folder(paths[0])
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H.%M.%S")  # no ':' so the name is valid on Windows too
    html, xlsx = folder / f"KTO-controle {stamp}.html", folder / f"KTO-controle {stamp}.xlsx"
    letters = folder / f"KTO-conceptbrieven {stamp}"  # one draft letter (.docx) per report
    try:
        code = cli_main(["check", *args, "--output", str(html), "--output", str(xlsx), "--brieven", str(letters)])
    except Exception as exc:  # noqa: BLE001 - the window must show the problem, not vanish
        _wait(f"Er ging iets mis: {type(exc).__name__}: {exc}")
        return 3
    if code == 2 or not html.exists():
        _wait("De controle kon niet worden uitgevoerd; zie de melding hierboven.")
        return code or 3
    print(f"Klaar. Het overzicht staat in:\n  {html}\n  {xlsx}\nConceptbrieven per rapport (Word) staan in:\n  {letters}\n"
          "Elke keer slepen maakt nieuwe bestanden met de datum en tijd in de naam; oudere kunt u weggooien.")
    if code == 4:  # an output could not be written: the message is above, the window must not close on it
        _wait("Niet alle uitvoer kon worden geschreven; zie de melding hierboven.")
    if not os.environ.get(NO_OPEN):
        webbrowser.open(html.as_uri())
    return code


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
