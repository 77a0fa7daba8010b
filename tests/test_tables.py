"""The ruled-table reader: cells from the page's own lines, with pdfplumber as the fallback."""

from __future__ import annotations

from kto_ingest import tables
from kto_ingest.document import open_document
from parsers.panteia_bow import PanteiaBlikOpWerkParser

from .conftest import FIXTURES

RULED = FIXTURES / "variant-multi-service-ruled.pdf"


def _results():
    with open_document(RULED) as doc:
        facts = PanteiaBlikOpWerkParser().parse(doc)
    return [(r.service, r.raw) for r in facts.results], facts.evidence["results"].raw


def test_lines_and_pdfplumber_make_the_same_cells(monkeypatch):
    ours, how = _results()
    assert "gelezen met lijnen" in how
    # a label that wraps inside its cell stays one label
    assert any("inclusief loopbaanbegeleiding en nazorg" in service for service, _ in ours)
    monkeypatch.setattr(tables, "_read_grid", lambda *args: None)  # as if the lines made no cells
    theirs, how = _results()
    assert "gelezen met pdfplumber" in how
    assert theirs == ours
