"""Issue 6: mutated fixture PDFs (byte flips, truncation, spliced objects) never break a run.

Each example writes three mutants of fixture reports to a folder and checks them through the
worker pool, as the command does. Whatever the mutation, there must be exactly one well-formed
entry per file: parsed with its facts, or an error with a stable code and a Dutch message.
"""

from __future__ import annotations

import json
from pathlib import Path

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kto_ingest.errors import ErrorCode
from kto_ingest.isolation import Limits, run_isolated
from kto_ingest.pipeline import Options
from kto_ingest.regime import load_regime
from kto_ingest.schema import BatchResult, ReportEntry

from .conftest import FIXTURES

SOURCES = [(FIXTURES / n).read_bytes() for n in ("leer-unique-2019.pdf", "workaut-2023.pdf", "signed-intact.pdf")]
OBJECT = regex.compile(rb"\d+ 0 obj.*?endobj", regex.S)


@st.composite
def mutant(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(SOURCES)))
    kind = draw(st.sampled_from(["flip", "truncate", "splice", "mixed"]))
    if kind in ("flip", "mixed"):
        for _ in range(draw(st.integers(1, 40))):
            pos = draw(st.integers(0, len(data) - 1))
            data[pos] = draw(st.integers(0, 255))
    if kind in ("truncate", "mixed"):
        data = data[: draw(st.integers(1, len(data) - 1))]
    if kind == "splice":
        donor = draw(st.sampled_from(SOURCES))
        objects = [m.span() for m in OBJECT.finditer(donor)]
        start, end = draw(st.sampled_from(objects))
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 2000))
        data[at : at + cut] = donor[start:end]
    return bytes(data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files=st.lists(mutant(), min_size=3, max_size=3))
def test_every_mutant_gives_one_well_formed_entry(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("mutants")
    paths = []
    for i, data in enumerate(files):
        path = folder / f"mutant-{i}.pdf"
        path.write_bytes(data)
        paths.append(path)
    options = Options(base=folder, regime=load_regime())
    got = dict(run_isolated(paths, options, Limits(jobs=2, timeout=30)))
    assert sorted(got) == [0, 1, 2]
    codes = {c.value for c in ErrorCode}
    for i, entry in got.items():
        assert entry.file == paths[i].name
        again = ReportEntry.model_validate_json(entry.model_dump_json())  # well-formed by the schema
        assert again.model_dump() == entry.model_dump()
        if entry.status == "error":
            assert entry.error.code in codes and entry.error.message[0].isupper()
            assert entry.checks == [] and entry.verdict is None
        else:
            assert entry.parser and entry.verdict in ("voldoet", "voldoet_niet", "handmatig")
            assert all(c.message for c in entry.checks)
    batch = BatchResult(version="test", reports=[got[i] for i in range(3)])
    assert len(json.loads(batch.model_dump_json())["reports"]) == 3
    assert all(Path(p).read_bytes() == d for p, d in zip(paths, files))  # never written to
