"""Issue 17: `kto-ingest serve`, the local web page, through its HTTP API (Starlette's TestClient).
The same page in a real Chromium is in tests/test_serve_browser.py."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import json
import re
import time

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from kto_ingest.bureaus import load_register
from kto_ingest.cli import main
from kto_ingest.isolation import Limits
from kto_ingest.pipeline import Options, process_file
from kto_ingest.regime import load_regime
from kto_ingest.serve import ServeConfig, ServeError, check_address, clean_name, create_app, is_loopback

from .conftest import FIXTURES

THREE = ["leer-unique-2019.pdf", "workaut-2023.pdf", "klantstem-per-perceel-2021.pdf"]
TOKEN = "geheim-en-lang-genoeg-0123"
LOCAL = "http://127.0.0.1:8765"


def make_config(tmp_path, **kw) -> ServeConfig:
    options = Options(regime=load_regime(), register=load_register())
    return ServeConfig(options=options, limits=Limits(jobs=1, timeout=60), temp_parent=tmp_path, **kw)


@pytest.fixture
def client(tmp_path):
    app = create_app(make_config(tmp_path))
    with TestClient(app, base_url=LOCAL) as c:
        c.app_guard = app
        yield c


def files_of(names: list[str]) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("file", (n, (FIXTURES / n).read_bytes(), "application/pdf")) for n in names]


def wait_done(client: TestClient, batch_id: str) -> dict:
    for _ in range(1200):  # a safety net against a hang, not a speed requirement
        status = client.get(f"/api/batches/{batch_id}").json()
        if status["done"]:
            return status
        time.sleep(0.1)
    raise AssertionError("the upload was never finished")


def uploads_left(client) -> list:
    return [p for p in client.app_guard.checker.root.rglob("*")]


def test_page_is_dutch_self_contained_and_its_script_runs_only_by_nonce(client):
    r = client.get("/")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert csp.startswith("default-src 'none'; img-src data:; style-src 'unsafe-inline'")  # the HTML report's CSP
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert f'<script nonce="{nonce}">' in r.text and r.text.count("<script") == 1
    assert "connect-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "Sleep PDF-bestanden of een map" in r.text and 'lang="nl"' in r.text
    for external in ("src=\"http", "href=\"http", "@import", "url("):
        assert external not in r.text
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["cache-control"] == "no-store"
    assert client.get("/").headers["content-security-policy"] != csp  # a fresh nonce per page


def test_three_reports_and_a_bad_file_give_verdicts_and_downloads(client, registry):
    files = files_of(THREE) + [("file", ("kapot.pdf", b"dit is geen pdf", "application/pdf"))]
    r = client.post("/api/upload", files=files)
    assert r.status_code == 200, r.text
    batch = r.json()["id"]
    assert r.json()["files"] == THREE + ["kapot.pdf"]
    status = wait_done(client, batch)
    assert status["problem"] is None and status["checked"] == 4
    options = make_config(None).options
    expected = {n: process_file(FIXTURES / n, registry, options).verdict for n in THREE}
    got = {f["name"]: f["verdict"] for f in status["files"]}
    assert got == {**expected, "kapot.pdf": "onleesbaar"}
    assert all(f["state"] == "klaar" for f in status["files"])
    assert uploads_left(client) == []  # the PDFs are gone once the outputs are made

    page = client.get(status["result"])
    assert page.status_code == 200 and page.headers["content-security-policy"].startswith("default-src 'none'")
    assert "<script" not in page.text and "Nieuwe controle" in page.text
    for name in THREE + ["kapot.pdf"]:
        assert name in page.text
    assert 'class="evidence"' in page.text  # the HTML report's evidence crops, made before the PDFs were deleted

    xlsx = client.get(f"/api/batches/{batch}/download/xlsx")
    assert xlsx.status_code == 200 and "attachment" in xlsx.headers["content-disposition"]
    wb = load_workbook(io.BytesIO(xlsx.content))
    rows = {r[0]: r[6] for r in wb["Overzicht"].iter_rows(min_row=2, values_only=True)}
    assert set(rows) == set(THREE) | {"kapot.pdf"} and rows["kapot.pdf"] == "onleesbaar"
    data = json.loads(client.get(f"/api/batches/{batch}/download/json").content)
    assert [e["file"] for e in data["reports"]] == THREE + ["kapot.pdf"]
    assert data["reports"][3]["error"]["code"] == "not_a_pdf"
    assert data["reports"][3]["error"]["message"].startswith("Het bestand is geen PDF: ")  # not "geen PDF maar geen PDF"
    csv_text = client.get(f"/api/batches/{batch}/download/csv").content.decode("utf-8-sig")
    assert csv_text.startswith("bestand;status") and "workaut-2023.pdf" in csv_text
    assert client.get(f"/api/batches/{batch}/download/exe").status_code == 404


def test_identical_uploads_name_each_other_by_their_uploaded_names(client):
    pdf = (FIXTURES / "workaut-2023.pdf").read_bytes()
    r = client.post("/api/upload", files=[("file", ("a/een.pdf", pdf, "application/pdf")), ("file", ("b/twee.pdf", pdf, "application/pdf"))])
    wait_done(client, r.json()["id"])
    data = json.loads(client.get(f"/api/batches/{r.json()['id']}/download/json").content)
    assert data["reports"][0]["duplicates"] == ["b/twee.pdf"] and data["reports"][1]["duplicates"] == ["a/een.pdf"]
    assert not any("0000.pdf" in json.dumps(e) for e in data["reports"])  # the server's own names never show


HOSTILE_NAMES = {
    "../../../etc/passwd.pdf": "etc/passwd.pdf",
    "..\\..\\Windows\\win.ini.pdf": "Windows/win.ini.pdf",
    "C:\\Users\\x\\rapport.pdf": "Users/x/rapport.pdf",
    "/absoluut/rapport.pdf": "absoluut/rapport.pdf",
    "fac\u202etxt.pdf": "factxt.pdf",  # right-to-left override: would show as "facfdp.txt"
    "a\u2066b\u2069\u200f.pdf": "ab.pdf",
    "tab\tnieuwe\nregel\x07.pdf": "tabnieuweregel.pdf",
    "..": "bestand-1.pdf",
    "": "bestand-1.pdf",
}


@pytest.mark.parametrize("raw, shown", HOSTILE_NAMES.items())
def test_clean_name(raw, shown):
    assert clean_name(raw, "bestand-1.pdf") == shown


def test_hostile_file_names_stay_inside_the_private_folder(client, tmp_path):
    checker = client.app_guard.checker
    assert oct(checker.root.stat().st_mode & 0o777) == "0o700"
    names = ["../../ontsnapt.pdf", "..\\..\\ontsnapt2.pdf", "sub/../../ontsnapt3.pdf", "fac\u202etxt.pdf"]
    pdf = (FIXTURES / "workaut-2023.pdf").read_bytes()
    r = client.post("/api/upload", files=[("file", (n, pdf, "application/pdf")) for n in names])
    assert r.status_code == 200
    shown = r.json()["files"]
    assert shown == ["ontsnapt.pdf", "ontsnapt2.pdf", "sub/ontsnapt3.pdf", "factxt.pdf"]
    wait_done(client, r.json()["id"])
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == []  # nothing written outside, nothing left
    assert not list(tmp_path.parent.glob("ontsnapt*"))


def test_a_file_over_the_limit_is_refused_in_dutch(tmp_path):
    app = create_app(make_config(tmp_path, max_file_bytes=50_000))
    with TestClient(app, base_url=LOCAL) as c:
        big = ("file", ("groot.pdf", b"%PDF-1.7\n" + b"0" * 60_000, "application/pdf"))
        r = c.post("/api/upload", files=[("file", ("klein.pdf", b"%PDF-1.7\n", "application/pdf")), big])
        assert r.status_code == 413
        assert "groot.pdf" in r.text and "groter dan" in r.text and "maximum per bestand" in r.text
        assert list(app.checker.root.iterdir()) == [] and app.checker.batches == {}


def test_an_upload_over_the_limit_is_refused_in_dutch(tmp_path):
    app = create_app(make_config(tmp_path, max_upload_bytes=100_000))
    with TestClient(app, base_url=LOCAL) as c:
        pdf = b"%PDF-1.7\n" + b"0" * 40_000
        r = c.post("/api/upload", files=[("file", (f"{i}.pdf", pdf, "application/pdf")) for i in range(3)])
        assert r.status_code == 413 and "maximum per keer" in r.text
        assert list(app.checker.root.iterdir()) == []


def test_too_many_files_and_no_files(tmp_path):
    app = create_app(make_config(tmp_path, max_files=2))
    with TestClient(app, base_url=LOCAL) as c:
        r = c.post("/api/upload", files=[("file", (f"{i}.pdf", b"%PDF", "application/pdf")) for i in range(3)])
        assert r.status_code == 413 and "maximum is 2" in r.text
        body = b'--grens\r\nContent-Disposition: form-data; name="veld"\r\n\r\nwaarde\r\n--grens--\r\n'
        r = c.post("/api/upload", content=body, headers={"content-type": "multipart/form-data; boundary=grens"})
        assert r.status_code == 400 and "Geen bestanden ontvangen" in r.text
        r = c.post("/api/upload", content=b"x", headers={"content-type": "application/json"})
        assert r.status_code == 400 and "multipart" in r.text
        assert list(app.checker.root.iterdir()) == []


def test_unknown_upload_and_unfinished_result(client):
    assert client.get("/api/batches/bestaat-niet").status_code == 404
    assert "niet (meer) bekend" in client.get("/resultaat/bestaat-niet").text


def test_two_uploads_at_once_are_both_checked(client):
    a = client.post("/api/upload", files=files_of(["leer-unique-2019.pdf"])).json()["id"]
    b = client.post("/api/upload", files=files_of(["workaut-2023.pdf", "variant-concept.pdf"])).json()["id"]
    assert a != b
    sa, sb = wait_done(client, a), wait_done(client, b)
    assert [f["name"] for f in sa["files"]] == ["leer-unique-2019.pdf"]
    assert [f["name"] for f in sb["files"]] == ["workaut-2023.pdf", "variant-concept.pdf"]
    assert all(f["verdict"] for f in sa["files"] + sb["files"])


# ---- who may ask ---------------------------------------------------------------------------
def test_token_is_required_on_every_request(tmp_path):
    app = create_app(make_config(tmp_path, token=TOKEN))
    with TestClient(app, base_url="http://10.1.2.3:8765") as c:
        r = c.get("/")
        assert r.status_code == 401 and "toegangscode" in r.text
        assert c.post("/api/upload", files=files_of(["workaut-2023.pdf"])).status_code == 401
        assert list(app.checker.root.iterdir()) == []
        assert c.get("/", headers={"X-KTO-Token": TOKEN[:-1] + "x"}).status_code == 401
        assert c.get("/", headers={"X-KTO-Token": TOKEN}).status_code == 200
        first = c.get(f"/?token={TOKEN}", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/"  # the token leaves the address bar
        cookie = first.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
        assert c.get("/").status_code == 200  # the cookie carries it from now on
        c.cookies.clear()
        assert c.get("/api/batches/x").status_code == 401


def test_without_token_only_a_loopback_host_and_same_origin_posts(client):
    assert client.get("/", headers={"host": "evil.example:8765"}).status_code == 403  # DNS rebinding
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200
    r = client.post("/api/upload", files=files_of(["workaut-2023.pdf"]), headers={"origin": "http://evil.example"})
    assert r.status_code == 403 and list(client.app_guard.checker.root.iterdir()) == []


def test_refuses_a_network_address_without_token(capsys):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and not is_loopback("0.0.0.0")
    with pytest.raises(ServeError, match="zonder toegangscode"):
        check_address("0.0.0.0", None)
    check_address("0.0.0.0", TOKEN)
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "Weigert te luisteren op 0.0.0.0 zonder toegangscode" in capsys.readouterr().err


def test_stopping_removes_the_private_folder(tmp_path):
    app = create_app(make_config(tmp_path))
    with TestClient(app, base_url=LOCAL) as c:
        root = app.checker.root
        c.post("/api/upload", files=files_of(["workaut-2023.pdf"]))
        assert root.is_dir()
    assert not root.exists() and list(tmp_path.iterdir()) == []


def test_behind_a_reverse_proxy_that_adds_the_token(tmp_path):
    """The README's nginx example: the proxy passes the public Host and adds the token header."""
    app = create_app(make_config(tmp_path, token=TOKEN))
    with TestClient(app, base_url="https://kto.intern.example") as c:
        c.headers["X-KTO-Token"] = TOKEN  # on every request, as the proxy adds it
        proxy = {"origin": "https://kto.intern.example"}
        r = c.post("/api/upload", files=files_of(["workaut-2023.pdf"]), headers=proxy)
        assert r.status_code == 200, r.text
        assert wait_done(c, r.json()["id"])["files"][0]["verdict"]
        r = c.post("/api/upload", files=files_of(["workaut-2023.pdf"]), headers={**proxy, "origin": "https://evil.example"})
        assert r.status_code == 403


@pytest.mark.skipif(os.name != "posix", reason="process ids are checked on POSIX only")
def test_a_killed_servers_folder_is_removed_at_the_next_start(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()  # a process id that is no longer running
    stale = tmp_path / f"kto-ingest-serve-{proc.pid}-abc"
    (stale / "batch").mkdir(parents=True)
    (stale / "batch" / "0000.pdf").write_bytes(b"%PDF")
    alive = tmp_path / f"kto-ingest-serve-{os.getpid()}-def"
    alive.mkdir()
    app = create_app(make_config(tmp_path))
    assert not stale.exists() and alive.is_dir()
    app.checker.close()


def test_progress_states_per_file(tmp_path, registry):
    from kto_ingest.serve import Batch

    batch = Batch("x", tmp_path, names=["a.pdf", "b.pdf", "c.pdf", "d.pdf"], jobs=2)
    assert {f["state"] for f in batch.status()["files"]} == {"wacht op zijn beurt"}
    batch.started = True
    batch.entries[0] = process_file(FIXTURES / "workaut-2023.pdf", registry, Options(regime=load_regime()))
    states = [f["state"] for f in batch.status()["files"]]
    assert states == ["klaar", "wordt gecontroleerd", "wordt gecontroleerd", "wacht op zijn beurt"]
    first = batch.status()["files"][0]
    assert first["verdict"] == "voldoet_niet" and first["label"] == "voldoet niet" and "SCH-" in first["reasons"]


@pytest.mark.parametrize("body", [
    b"garbage without a boundary",
    b'--g\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut off here',
    b"--g\r\nbroken header line\r\n\r\n",
])
def test_a_broken_or_cut_off_body_is_refused_and_nothing_kept(client, body):
    r = client.post("/api/upload", content=body, headers={"content-type": "multipart/form-data; boundary=g"})
    assert r.status_code == 400 and r.text == "De upload kwam niet goed aan; probeer het opnieuw."
    assert uploads_left(client) == [] and client.app_guard.checker.batches == {}
