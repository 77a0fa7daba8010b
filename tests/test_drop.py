"""Drag and drop: the Linux wrapper with paths containing spaces and diacritics, and the Python
entry point behind every wrapper."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from kto_ingest import drop

from .conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent


def _env(**extra):
    return {**os.environ, "KTO_INGEST_NO_OPEN": "1", "KTO_INGEST_PYTHON": sys.executable, **extra}


def test_sh_wrapper_with_spaces_and_diacritics(tmp_path):
    folder = tmp_path / "Rapporten Coöperatie Zuidoost – 2021"
    folder.mkdir()
    first = folder / "rapport één (definitief).pdf"
    shutil.copy(FIXTURES / "signed-intact.pdf", first)
    other = tmp_path / "nog een map"
    other.mkdir()
    shutil.copy(FIXTURES / "leer-unique-2019.pdf", other / "Leer Unique.pdf")
    before = {p: p.stat().st_mtime_ns for p in (first, other / "Leer Unique.pdf")}
    proc = subprocess.run(["sh", str(ROOT / "scripts" / "kto-ingest-drop.sh"), str(first), str(other)],
                          env=_env(), capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
    assert proc.returncode == 1, proc.stderr  # one report does not meet the rules
    html = list(folder.glob("KTO-controle *.html"))
    xlsx = list(folder.glob("KTO-controle *.xlsx"))
    assert len(html) == 1 and len(xlsx) == 1, list(folder.iterdir())
    assert "Klaar." in proc.stdout and str(html[0]) in proc.stdout
    text = html[0].read_text("utf-8")
    assert "rapport één (definitief).pdf" in text and "Leer Unique.pdf" in text
    files = [r[0].value for r in load_workbook(xlsx[0])["Overzicht"].iter_rows(min_row=2)]
    assert len(files) == 2
    letters = list(folder.glob("KTO-conceptbrieven */*.docx"))
    assert sorted(p.name for p in letters) == ["Leer Unique - conceptbrief.docx", "rapport één (definitief) - conceptbrief.docx"]
    assert "Conceptbrieven" in proc.stdout
    assert before == {p: p.stat().st_mtime_ns for p in before}  # inputs untouched


def test_wrapper_without_files_explains_and_fails(tmp_path):
    proc = subprocess.run(["sh", str(ROOT / "scripts" / "kto-ingest-drop.sh")], env=_env(), capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert proc.returncode == 2 and "Sleep PDF-bestanden" in proc.stderr
    proc = subprocess.run(["sh", str(ROOT / "scripts" / "kto-ingest-drop.sh"), str(tmp_path / "weg.pdf")], env=_env(),
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert proc.returncode == 2 and "Niet gevonden" in proc.stderr


def test_unwritable_folder_falls_back_to_documents(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Documenten").mkdir(parents=True)
    pdf = tmp_path / "alleen-lezen" / "r.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.4")
    monkeypatch.setattr(drop.os, "access", lambda p, mode: Path(p) != pdf.parent.resolve())
    assert drop.output_folder(pdf, home) == home / "Documenten"
    assert drop.output_folder(home / "Documenten" / "x.pdf", home) == home / "Documenten"


def test_wrappers_exist_for_each_desktop():
    cmd = (ROOT / "scripts" / "kto-ingest-drop.cmd").read_bytes()
    assert b"\r\n" in cmd and b"%KTO_RUN% %*" in cmd
    assert os.access(ROOT / "scripts" / "kto-ingest-drop.command", os.X_OK)
    desktop = (ROOT / "scripts" / "kto-ingest-drop.desktop").read_text("utf-8")
    assert "Exec=" in desktop and "%F" in desktop


def test_a_dropped_folders_results_land_inside_it(tmp_path):
    folder = tmp_path / "Rapporten 2021"
    folder.mkdir()
    (folder / "r.pdf").write_bytes(b"%PDF-1.4")
    assert drop.output_folder(folder) == folder.resolve()
    assert drop.output_folder(folder / "r.pdf") == folder.resolve()


def test_the_linux_launcher_has_no_path_to_edit():
    desktop = (ROOT / "scripts" / "kto-ingest-drop.desktop").read_text("utf-8")
    assert "Exec=kto-ingest-drop %F" in desktop and "/opt/" not in desktop
