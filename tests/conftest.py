from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
EXPECTED = FIXTURES / "expected"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite fixtures/expected/*.json from the current output (review the diff before committing)",
    )


@pytest.fixture(scope="session")
def registry():
    from kto_ingest.registry import Registry

    reg = Registry.from_entry_points()
    assert reg.parsers, "no parsers registered: install the package with pip install -e ."
    return reg


def fixture_pdfs() -> list[Path]:
    return sorted(FIXTURES.glob("*.pdf"))


@pytest.fixture(autouse=True)
def _no_user_settings(tmp_path_factory, monkeypatch):
    """No test reads a kto-ingest.toml from the real user's configuration folder (issue 18)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
