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
    """Next to the first dropped item; the documents folder when that is not writable."""
    folder = first.resolve().parent
    if folder.is_dir() and os.access(folder, os.W_OK):
        return folder
    return documents_folder(home)


def _wait(message: str) -> None:
    print(message, file=sys.stderr)
    if sys.stdin is not None and sys.stdin.isatty():
        input("Druk op Enter om dit venster te sluiten.")


def _ask_paths() -> list[str]:
    if sys.stdin is None or not sys.stdin.isatty():
        return []
    text = input("Sleep PDF-bestanden of een map in dit venster en druk op Enter:\n")
    return shlex.split(text)


def main(argv: list[str] | None = None) -> int:
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
    print(f"Klaar. Het overzicht staat in:\n  {html}\n  {xlsx}\nConceptbrieven per rapport (Word) staan in:\n  {letters}")
    if not os.environ.get(NO_OPEN):
        webbrowser.open(html.as_uri())
    return code


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
