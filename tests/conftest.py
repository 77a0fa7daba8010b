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


def chromium_and_playwright():
    """Debian's Chromium through playwright, for the tests that drive a real browser; with
    KTO_REQUIRE_BROWSER set (CI) a missing browser fails instead of skipping."""
    import os
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if not chromium or sync_playwright is None:
        if os.environ.get("KTO_REQUIRE_BROWSER"):
            pytest.fail("headless Chromium (Debian package chromium) and playwright are required here")
        pytest.skip("no headless Chromium on this machine (.ci/run installs it)")
    return chromium, sync_playwright
