"""Regression: every fixture PDF against its reviewed golden JSON, one test per field.

Run ``pytest --update-goldens`` to rewrite fixtures/expected/ after an intended change, then
review the diff: a changed golden file is a reviewed change, never a blind regeneration.
"""

from __future__ import annotations

import json

import pytest

from kto_ingest.bureaus import load_register
from kto_ingest.pipeline import Options, process_file
from kto_ingest.regime import DEFAULT_REGIME, load_regime
from kto_ingest.signature import load_trust
from kto_ingest.schema import ReportEntry

from .conftest import EXPECTED, FIXTURES, fixture_pdfs

# sha256 depends on the PDF writer's version, so it is checked against the file itself instead.
VOLATILE = {"sha256"}
FIELDS = [f for f in ReportEntry.model_fields if f not in VOLATILE]

_cache: dict[str, dict] = {}


def actual(registry, name: str) -> dict:
    if name not in _cache:
        # As an account manager runs it with the test CA as trust root: kto-ingest fixtures/ --trust fixtures/pki
        options = Options(base=FIXTURES, regime=load_regime(DEFAULT_REGIME), register=load_register(), trust=load_trust(FIXTURES / "pki"))
        entry = process_file(FIXTURES / f"{name}.pdf", registry, options)
        _cache[name] = entry.model_dump(mode="json")
    return _cache[name]


NAMES = [p.stem for p in fixture_pdfs()]


def test_every_fixture_has_a_golden_file():
    missing = [n for n in NAMES if not (EXPECTED / f"{n}.json").exists()]
    assert not missing, f"no golden file for {missing}: run pytest --update-goldens and review"
    assert len(NAMES) >= 7


@pytest.mark.parametrize("name", NAMES)
def test_update_or_sha(request, registry, name):
    data = actual(registry, name)
    if request.config.getoption("--update-goldens"):
        EXPECTED.mkdir(exist_ok=True)
        golden = {k: v for k, v in data.items() if k not in VOLATILE}
        (EXPECTED / f"{name}.json").write_text(json.dumps(golden, indent=2, ensure_ascii=False) + "\n", "utf-8")
    import hashlib

    assert data["sha256"] == hashlib.sha256((FIXTURES / f"{name}.pdf").read_bytes()).hexdigest()


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", NAMES)
def test_field_matches_golden(registry, name, field):
    golden = json.loads((EXPECTED / f"{name}.json").read_text("utf-8"))
    assert actual(registry, name)[field] == golden[field]
