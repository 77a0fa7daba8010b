"""Bad input gives a stable code and a Dutch message; the batch goes on; inputs are never written to."""

from __future__ import annotations

import hashlib
import json
import os
import shutil

import pytest

from kto_ingest._pymupdf import pymupdf
from kto_ingest.cli import main
from kto_ingest.pipeline import Options, process_paths

from .conftest import FIXTURES

GOOD = FIXTURES / "leer-unique-2019.pdf"


def make_bad_folder(folder):
    (folder / "leeg.pdf").write_bytes(b"")
    (folder / "plaatje.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    (folder / "webpagina.pdf").write_bytes(b"<!DOCTYPE html><html><body>hallo</body></html>")
    (folder / "afgebroken.pdf").write_bytes(GOOD.read_bytes()[:600])
    with pymupdf.open(GOOD) as doc:
        doc.save(
            folder / "beveiligd.pdf",
            encryption=pymupdf.PDF_ENCRYPT_AES_256,
            user_pw="geheim",
            owner_pw="geheimer",
        )
    other = pymupdf.open()
    other.new_page().insert_text((72, 72), "Jaarverslag van een bakkerij, met omzetcijfers en een taart.")
    other.save(folder / "onbekend rapport ë.pdf")
    blank = pymupdf.open()
    blank.new_page()
    blank.save(folder / "scan zonder tekst.pdf")
    shutil.copy(GOOD, folder / "goed.pdf")


EXPECTED_CODES = {
    "leeg.pdf": "empty",
    "plaatje.pdf": "not_a_pdf",
    "webpagina.pdf": "not_a_pdf",
    "afgebroken.pdf": "corrupt",
    "beveiligd.pdf": "encrypted",
    "onbekend rapport ë.pdf": "unsupported_layout",
    "scan zonder tekst.pdf": "no_text",
}


@pytest.fixture
def bad_folder(tmp_path):
    make_bad_folder(tmp_path)
    return tmp_path


def fingerprint(folder):
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), os.stat(p).st_mtime_ns) for p in sorted(folder.iterdir())
    }


def test_each_bad_file_gets_its_code_and_the_batch_goes_on(bad_folder, registry):
    entries = {os.path.basename(e.file): e for e in process_paths([bad_folder], registry, Options(base=bad_folder))}
    assert set(entries) == set(EXPECTED_CODES) | {"goed.pdf"}
    for name, code in EXPECTED_CODES.items():
        entry = entries[name]
        assert entry.status == "error", name
        assert entry.error.code == code, (name, entry.error)
        assert entry.error.message and entry.error.message[0].isupper()
        assert entry.results == []
    assert entries["goed.pdf"].status == "parsed"
    assert entries["goed.pdf"].results
    for name in ("plaatje.pdf", "afgebroken.pdf", "beveiligd.pdf", "scan zonder tekst.pdf"):  # identified from the bytes read
        assert entries[name].sha256 == hashlib.sha256((bad_folder / name).read_bytes()).hexdigest(), name


def test_messages_are_dutch_and_specific(bad_folder, registry):
    entries = {os.path.basename(e.file): e for e in process_paths([bad_folder], registry, Options(base=bad_folder))}
    assert "PNG" in entries["plaatje.pdf"].error.message
    assert "HTML" in entries["webpagina.pdf"].error.message
    assert "wachtwoord" in entries["beveiligd.pdf"].error.message
    assert "Geprobeerd" in entries["onbekend rapport ë.pdf"].error.message
    assert "Panteia" in entries["onbekend rapport ë.pdf"].error.message


def test_cli_exit_3_json_well_formed_and_inputs_untouched(bad_folder, capsys):
    before = fingerprint(bad_folder)
    code = main([str(bad_folder), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 3
    assert len(out["reports"]) == len(EXPECTED_CODES) + 1
    assert all(r["status"] in ("parsed", "error") for r in out["reports"])
    assert fingerprint(bad_folder) == before


def test_missing_path_is_reported_not_fatal(tmp_path, registry):
    shutil.copy(GOOD, tmp_path / "goed.pdf")
    entries = list(process_paths([tmp_path / "bestaat-niet.pdf", tmp_path], registry))
    assert [e.status for e in entries] == ["parsed", "error"] or [e.status for e in entries] == ["error", "parsed"]
    missing = next(e for e in entries if e.status == "error")
    assert missing.error.code == "not_found"
    assert missing.sha256 is None


def test_too_large_is_refused_before_reading(tmp_path, registry):
    shutil.copy(GOOD, tmp_path / "groot.pdf")
    [entry] = process_paths([tmp_path], registry, Options(max_bytes=1000))
    assert entry.error.code == "too_large"
    assert "MB" in entry.error.message
