"""The PyMuPDF 2.0 import trap: no layout model, no pymupdf4llm, decimal commas stay whole."""

from __future__ import annotations

import subprocess
import sys

from .conftest import FIXTURES


def test_importing_kto_ingest_does_not_load_the_layout_model():
    code = (
        "import sys, kto_ingest.pipeline, kto_ingest.cli;"
        "bad=[m for m in sys.modules if m.startswith(('pymupdf.layout','pymupdf4llm','onnxruntime')) and sys.modules[m] is not None];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_decimal_comma_numbers_stay_one_word_in_tables():
    from kto_ingest.document import open_document

    with open_document(FIXTURES / "ivio-integratie-2019.pdf") as doc:
        words = {w.text for w in doc.page(7).words}
    assert {"10,6", "8,0", "0,0"} <= words
    assert "106" not in words
