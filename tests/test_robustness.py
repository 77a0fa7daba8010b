"""Issue 18: zero crashes on foreign PDFs. The generated awkward files (fixtures/awkward.py) run
through bench/robustness.py, which runs the real command in a subprocess."""

from __future__ import annotations

import os
import sys

import pytest

from kto_ingest.document import open_document
from kto_ingest.errors import ErrorCode, KtoError

from .conftest import FIXTURES, ROOT

sys.path.insert(0, str(FIXTURES))
sys.path.insert(0, str(ROOT / "bench"))
import awkward  # noqa: E402
import robustness  # noqa: E402


def test_awkward_files_never_crash_and_stay_unchanged(tmp_path):
    files = awkward.build(tmp_path / "awkward")
    summary = robustness.run([tmp_path / "awkward"], jobs=2, timeout=60, extra=[])
    assert summary["entries"] == len(files) == len(awkward.CASES)
    assert summary["crashed"] == [], summary["crashed"]
    assert not summary["traceback"], summary["stderr"]
    assert summary["changed"] == []
    assert "crashed" not in summary["per_code"]
    assert sum(summary["per_code"].values()) == len(files)


@pytest.mark.parametrize("name", ["bad-count.pdf", "negative-count.pdf"])
def test_page_tree_with_wrong_count_is_corrupt_in_dutch(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(awkward.CASES[name]())
    with pytest.raises(KtoError) as info:
        open_document(path)
    assert info.value.code == ErrorCode.CORRUPT
    assert "paginaboom" in info.value.message and info.value.sha256


def test_unknown_non_pdf_message_reads_as_a_sentence(tmp_path):
    path = tmp_path / "tekst.pdf"
    path.write_bytes(b"Gewone tekst.\n" * 5)
    with pytest.raises(KtoError) as info:
        open_document(path)
    assert info.value.code == ErrorCode.NOT_A_PDF
    assert "geen PDF maar geen PDF" not in info.value.message
    assert info.value.message == "Het bestand is geen PDF: aan het begin staat niet de aanduiding '%PDF-' die elke PDF heeft."
    png = tmp_path / "plaatje.pdf"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with pytest.raises(KtoError) as info:
        open_document(png)
    assert info.value.message == "Het bestand is geen PDF maar een PNG-afbeelding."


def test_robustness_script_fails_on_a_changed_input(tmp_path, monkeypatch):
    """The script's own bar can fail: an input changed between the two fingerprints is reported."""
    (tmp_path / "a.pdf").write_bytes(awkward.pdf20())
    calls = []
    real = robustness.fingerprint

    def touched(folders):
        calls.append(1)
        if len(calls) == 2:
            (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4 changed")
        return real(folders)

    monkeypatch.setattr(robustness, "fingerprint", touched)
    summary = robustness.run([tmp_path], jobs=0, timeout=30, extra=[])
    assert summary["changed"] == [str(tmp_path / "a.pdf")]
    assert robustness.main([str(tmp_path), "--jobs", "0"]) == 0  # unchanged on a plain run


def test_tesseract_notes_stay_off_stderr(capfd):
    """Tesseract writes English notes ("Empty page!!") to its stderr; OCR captures them, so an
    almost empty scanned page leaves the account manager's screen clean."""
    import io

    from PIL import Image

    from kto_ingest import ocr
    from kto_ingest._pymupdf import pymupdf

    if not ocr.available():
        if os.environ.get("KTO_REQUIRE_OCR"):
            pytest.fail("Tesseract with Dutch data is required here (KTO_REQUIRE_OCR)")
        pytest.skip("Tesseract not installed")
    buf = io.BytesIO()
    Image.new("L", (400, 560), 255).save(buf, "PNG")  # a blank scanned page
    with pymupdf.open() as doc:
        page = doc.new_page(width=200, height=280)
        page.insert_image(page.rect, stream=buf.getvalue())
        ocr.words(page)
    assert capfd.readouterr().err == ""



def test_a_crashing_parser_gives_parser_failed_without_a_traceback(tmp_path):
    """A parser bug is the tool's fault: the file gets parser_failed with the exception named, and
    the account manager's screen shows no traceback (the batch goes on)."""
    import json
    import subprocess

    code = (
        "import sys; from parsers.panteia_bow import PanteiaBlikOpWerkParser as P\n"
        "def boom(self, doc): raise ZeroDivisionError('kapot')\n"
        "P.parse = boom\n"
        "from kto_ingest.cli import main; sys.exit(main(sys.argv[1:]))\n"
    )
    out = tmp_path / "uit.json"
    proc = subprocess.run([sys.executable, "-c", code, str(FIXTURES / "leer-unique-2019.pdf"), "-j", "0", "-f", "json", "-o", str(out)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert "Traceback" not in proc.stderr, proc.stderr
    [entry] = json.loads(out.read_text("utf-8"))["reports"]
    assert entry["error"]["code"] == "parser_failed" and "ZeroDivisionError" in entry["error"]["message"]


@pytest.mark.parametrize("where,code", [("pymupdf", ErrorCode.CORRUPT), ("kto-ingest", ErrorCode.PARSER_FAILED)])
def test_a_fault_reading_the_words_is_the_pdfs_only_when_mupdf_raises_it(tmp_path, monkeypatch, where, code):
    """A fault of MuPDF while it reads a page's words: the PDF is corrupt. A fault in kto-ingest's
    own handling of those words (a bug): never called a corrupt PDF, but an internal fault."""
    from kto_ingest import document
    from kto_ingest._pymupdf import pymupdf

    path = tmp_path / "rapport.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Klanttevredenheidsonderzoek 2021", fontsize=12)
    doc.save(path)

    def broken(*args, **kwargs):
        raise (RuntimeError("code=2: cannot parse content stream") if where == "pymupdf" else TypeError("a bug"))

    if where == "pymupdf":
        monkeypatch.setattr(pymupdf.Page, "get_text", broken)
    else:
        monkeypatch.setattr(document, "_group", broken)
    with pytest.raises(KtoError) as info:
        open_document(path)
    assert info.value.code == code
    if code == ErrorCode.PARSER_FAILED:
        assert "niet in de PDF" in info.value.message and "beschadigd" not in info.value.message
    else:
        assert "cannot parse content stream" in info.value.message
