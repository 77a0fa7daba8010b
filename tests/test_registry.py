"""Parser selection and fault injection: a misbehaving parser never sinks the batch."""

from __future__ import annotations

import shutil

import pytest

from kto_ingest.errors import ErrorCode, KtoError
from kto_ingest.pipeline import process_paths
from kto_ingest.registry import Detection, Parser, Registry, Signal

from .conftest import FIXTURES


class Fixed(Parser):
    id = "fixed"
    name = "Vaste score"

    def __init__(self, score=1.0, id_="fixed", crash_detect=False, crash_parse=False):
        self.score, self.id, self.crash_detect, self.crash_parse = score, id_, crash_detect, crash_parse

    def detect(self, doc):
        if self.crash_detect:
            raise RuntimeError("kapot")
        return Detection.from_signals(self, [Signal("alles", self.score >= 0.5, 1.0)])

    def parse(self, doc):
        if self.crash_parse:
            raise ZeroDivisionError("delen door nul")
        from kto_ingest.schema import Facts

        return Facts(supplier="X")


@pytest.fixture
def one_pdf(tmp_path):
    shutil.copy(FIXTURES / "leer-unique-2019.pdf", tmp_path / "a.pdf")
    shutil.copy(FIXTURES / "workaut-2023.pdf", tmp_path / "b.pdf")
    return tmp_path


def test_builtin_parser_is_loaded_through_entry_points(registry):
    assert "panteia-bow" in [p.id for p in registry.parsers]
    assert not registry.problems


def test_two_equally_sure_parsers_is_an_error(one_pdf):
    reg = Registry([Fixed(1.0, "a"), Fixed(1.0, "b")])
    entries = list(process_paths([one_pdf], reg))
    assert {e.error.code for e in entries} == {ErrorCode.AMBIGUOUS_LAYOUT}


def test_crashing_detect_scores_zero_and_others_still_run(one_pdf, registry):
    reg = Registry([Fixed(crash_detect=True, id_="boom"), *registry.parsers])
    entries = list(process_paths([one_pdf], reg))
    assert [e.parser for e in entries] == ["panteia-bow", "panteia-bow"]
    from kto_ingest.document import open_document

    with open_document(one_pdf / "a.pdf") as doc:
        dets = {d.parser: d for d in reg.detect_all(doc)}
    assert dets["boom"].score == 0 and "kapot" in dets["boom"].problem


def test_crashing_parse_becomes_parser_failed_and_batch_goes_on(one_pdf):
    reg = Registry([Fixed(crash_parse=True)])
    entries = list(process_paths([one_pdf], reg))
    assert len(entries) == 2
    assert all(e.error.code == ErrorCode.PARSER_FAILED for e in entries)
    assert "ZeroDivisionError" in entries[0].error.message


def test_nothing_sure_enough_lists_what_was_tried(one_pdf):
    reg = Registry([Fixed(0.0)])
    from kto_ingest.document import open_document

    with open_document(one_pdf / "a.pdf") as doc, pytest.raises(KtoError) as exc:
        reg.choose(doc)
    assert exc.value.code == ErrorCode.UNSUPPORTED_LAYOUT
    assert "Vaste score (0%)" in exc.value.message
