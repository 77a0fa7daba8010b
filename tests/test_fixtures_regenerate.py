"""The committed fixture PDFs are what fixtures/generate.py makes from fixtures/specs/."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kto_ingest._pymupdf import pymupdf

from .conftest import FIXTURES

SPECS = sorted((FIXTURES / "specs").glob("*.toml"))


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("regen")
    subprocess.run([sys.executable, str(FIXTURES / "generate.py"), "--out", str(out)], check=True, capture_output=True)
    return out


def test_every_spec_has_a_committed_pdf():
    assert SPECS
    assert sorted(s.stem for s in SPECS) == sorted(p.stem for p in FIXTURES.glob("*.pdf"))


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_regenerated_pdf_has_the_same_pages_and_text(regenerated, spec):
    # Compared by content, not bytes, so a newer reportlab with other byte output still passes.
    with pymupdf.open(FIXTURES / f"{spec.stem}.pdf") as committed, pymupdf.open(regenerated / f"{spec.stem}.pdf") as fresh:
        assert fresh.page_count == committed.page_count
        for a, b in zip(committed, fresh):
            assert b.get_text() == a.get_text(), f"page {a.number + 1} differs"
