"""Issue 17 end to end: `kto-ingest serve` in a subprocess, driven in a real headless Chromium.

Files are dropped on the page as a browser drops them (a drop event carrying a DataTransfer), the
page shows each file's progress and verdict, then the overview; the Excel download is opened with
openpyxl. Also: a hostile file name, a file over the limit, two uploads at once, a token that is
required, and the server's private folder empty afterwards (no upload left on disk)."""

from __future__ import annotations

import base64
import contextlib
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import FIXTURES, chromium_and_playwright

THREE = ["leer-unique-2019.pdf", "workaut-2023.pdf", "klantstem-per-perceel-2021.pdf"]
TOKEN = "proef-toegangscode-0123456789"


@contextlib.contextmanager
def running_server(tmp: Path, *args: str):
    """Start `kto-ingest serve --port 0` with its own TMPDIR; yield (url, TMPDIR); stop it with
    Ctrl-C (SIGINT) and check it left no upload behind."""
    tmpdir = tmp / "tmp"
    tmpdir.mkdir()
    env = {**os.environ, "TMPDIR": str(tmpdir), "KTO_INGEST_NO_OCR": "1"}
    env.pop("KTO_INGEST_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "kto_ingest", "serve", "--port", "0", "--jobs", "2", *args],
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, line + proc.stderr.read() if proc.poll() is not None else line
        yield match.group(0), tmpdir
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    assert not list(tmpdir.glob("kto-ingest-serve-*")), "the private upload folder was not removed"
    assert not [p for p in tmpdir.rglob("*") if p.is_file()], "files were left in the temporary folder"


def server_uploads(tmpdir: Path) -> list[Path]:
    return [p for d in tmpdir.glob("kto-ingest-serve-*") for p in d.rglob("*") if p.is_file()]


def drop(page, files: list[tuple[str, bytes]]) -> None:
    """Drop files on the page's drop zone the way a browser does: a drop event with a DataTransfer."""
    payload = [{"name": n, "data": base64.b64encode(b).decode()} for n, b in files]
    transfer = page.evaluate_handle(
        """files => {
            const dt = new DataTransfer();
            for (const f of files) {
                const bytes = Uint8Array.from(atob(f.data), c => c.charCodeAt(0));
                dt.items.add(new File([bytes], f.name, {type: "application/pdf"}));
            }
            return dt;
        }""",
        payload,
    )
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})


def fixture(name: str) -> tuple[str, bytes]:
    return name, (FIXTURES / name).read_bytes()


@pytest.fixture(scope="module")
def chromium():
    path, sync_playwright = chromium_and_playwright()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield browser
        browser.close()


def test_drop_reports_see_verdicts_and_download_excel(chromium, tmp_path):
    with running_server(tmp_path) as (url, tmpdir):
        context = chromium.new_context(accept_downloads=True)
        page = context.new_page()
        requests, errors = [], []
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(url)
        assert "Sleep PDF-bestanden of een map hierheen" in page.inner_text("body")
        drop(page, [fixture(n) for n in THREE] + [("kapot.pdf", b"dit is geen pdf")])
        # the progress list names every file at once, then the verdicts come in
        page.wait_for_selector("#list tbody tr:nth-child(4)")
        assert page.locator("#list tbody tr td:first-child").all_inner_texts() == THREE + ["kapot.pdf"]
        page.wait_for_url(re.compile(r"/resultaat/"), timeout=120_000)
        body = page.inner_text("body")
        for text in ("KTO-controle", "Overzicht", "voldoet niet", "onleesbaar", "Het bestand is geen PDF", "SCH-NORM", *THREE):
            assert text in body, text
        assert page.locator("img.evidence").count() >= 2  # evidence crops, as in the HTML report
        widths = page.eval_on_selector_all("img.evidence", "imgs => imgs.map(i => i.naturalWidth)")
        assert all(w > 200 for w in widths)
        assert server_uploads(tmpdir) == []  # the PDFs are deleted once the result is there

        with page.expect_download() as info:
            page.click("text=Excel")
        target = tmp_path / "resultaat.xlsx"
        info.value.save_as(target)
        assert info.value.suggested_filename.startswith("KTO-controle ") and info.value.suggested_filename.endswith(".xlsx")
        wb = load_workbook(target)
        verdicts = {r[0]: r[6] for r in wb["Overzicht"].iter_rows(min_row=2, values_only=True)}
        assert set(verdicts) == set(THREE) | {"kapot.pdf"}
        assert verdicts["kapot.pdf"] == "onleesbaar" and verdicts["leer-unique-2019.pdf"] == "voldoet niet"
        context.close()
        assert all(u.startswith(url) or u.startswith("data:") for u in requests), requests  # nothing from elsewhere
        assert not errors, errors  # no CSP violation or script error


def test_hostile_name_over_the_limit_and_two_uploads_at_once(chromium, tmp_path):
    with running_server(tmp_path, "--max-file-mb", "0.1") as (url, tmpdir):
        context = chromium.new_context()
        page = context.new_page()
        page.goto(url)
        hostile = "..\\..\\..\\fac\u202etxt.pdf"
        drop(page, [(hostile, (FIXTURES / "workaut-2023.pdf").read_bytes())])
        page.wait_for_url(re.compile(r"/resultaat/"), timeout=120_000)
        body = page.inner_text("body")
        assert "factxt.pdf" in body and "\u202e" not in body and ".." not in body.split("Overzicht")[1].split("\n")[2]
        assert not list(tmp_path.glob("**/fac*")) and not list(tmp_path.parent.glob("fac*"))

        page.goto(url)
        drop(page, [fixture("workaut-2023.pdf"), ("groot.pdf", b"%PDF-1.7\n" + b"0" * 200_000)])
        page.wait_for_selector("#message:not(:empty)")
        message = page.inner_text("#message")
        assert "groot.pdf" in message and "groter dan 0,1 MB" in message and "Er is niets gecontroleerd" in message
        assert page.locator("#list tbody tr td:nth-child(2)").all_inner_texts() == ["niet gecontroleerd"] * 2
        assert server_uploads(tmpdir) == []

        first, second = context.new_page(), context.new_page()
        first.goto(url)
        second.goto(url)
        drop(first, [fixture("leer-unique-2019.pdf"), fixture("variant-concept.pdf")])
        drop(second, [fixture("klantstem-per-perceel-2021.pdf")])
        first.wait_for_url(re.compile(r"/resultaat/"), timeout=120_000)
        second.wait_for_url(re.compile(r"/resultaat/"), timeout=120_000)
        assert first.url != second.url
        one, two = first.inner_text("body"), second.inner_text("body")
        assert "leer-unique-2019.pdf" in one and "variant-concept.pdf" in one and "klantstem" not in one
        assert "klantstem-per-perceel-2021.pdf" in two and "leer-unique" not in two
        assert server_uploads(tmpdir) == []
        context.close()


def test_choosing_files_and_the_token(chromium, tmp_path):
    with running_server(tmp_path, "--token", TOKEN) as (url, tmpdir):
        stranger = chromium.new_context()
        page = stranger.new_page()
        response = page.goto(url)
        assert response.status == 401 and "toegangscode" in page.inner_text("body")
        response = page.goto(url + "?token=verkeerd")
        assert response.status == 401
        stranger.close()

        context = chromium.new_context()
        page = context.new_page()
        response = page.goto(url + "?token=" + TOKEN)
        assert response.ok and page.url == url  # the cookie is set, the token left the address bar
        page.set_input_files("#files", [str(FIXTURES / "workaut-2023.pdf")])  # "Bestanden kiezen"
        page.wait_for_url(re.compile(r"/resultaat/"), timeout=120_000)
        assert "workaut-2023.pdf" in page.inner_text("body")
        result = page.url

        folder = tmp_path / "Map A"  # "Map kiezen": only the PDFs in it and its sub-folders
        (folder / "sub").mkdir(parents=True)
        (folder / "notities.txt").write_text("geen rapport")
        (folder / "sub" / "leer.PDF").write_bytes((FIXTURES / "leer-unique-2019.pdf").read_bytes())
        (folder / "workaut.pdf").write_bytes((FIXTURES / "workaut-2023.pdf").read_bytes())
        page.goto(url)
        page.set_input_files("#folder", str(folder))
        page.wait_for_url(re.compile(r"/resultaat/"), timeout=120_000)
        body = page.inner_text("body")
        assert "Map A/sub/leer.PDF" in body and "Map A/workaut.pdf" in body and "notities" not in body
        context.close()

        stranger = chromium.new_context()
        page = stranger.new_page()
        assert page.goto(result).status == 401  # the result is not readable without the token
        stranger.close()
        assert server_uploads(tmpdir) == []


def test_a_second_start_on_the_same_port(tmp_path):
    """A second double-click on kto-ingest-web: with --open the running page is shown (exit 0);
    without it, a Dutch message and exit 2."""
    with running_server(tmp_path) as (url, _):
        port = url.rstrip("/").rsplit(":", 1)[1]
        env = {**os.environ, "KTO_INGEST_NO_OPEN": "1"}
        again = subprocess.run([sys.executable, "-m", "kto_ingest", "serve", "--port", port, "--open"],
                               capture_output=True, text=True, env=env, timeout=60)
        assert again.returncode == 0 and "kto-ingest draait al op" in again.stderr
        again = subprocess.run([sys.executable, "-m", "kto_ingest", "serve", "--port", port],
                               capture_output=True, text=True, env=env, timeout=60)
        assert again.returncode == 2 and "Draait kto-ingest al?" in again.stderr
