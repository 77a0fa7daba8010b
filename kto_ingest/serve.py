"""``kto-ingest serve``: a local Dutch web page where an account manager drops PDFs or a folder,
sees each file being checked, and gets the same overview as the HTML report with downloads of
Excel, CSV and JSON.

Safety, in order of importance:

- Uploaded files are written under a private temporary folder (mode 0700), one sub-folder per
  upload, under names the server makes up (``0000.pdf``, ``0001.pdf``, ...). The name the browser
  sends is only ever shown (cleaned of path separators, ``..``, control and bidi characters); it
  never becomes part of a path and is never logged (uvicorn's access log is off).
- Each file is checked through :mod:`kto_ingest.isolation` (worker processes, time and memory
  limits). The PDFs are deleted as soon as the outputs are rendered (the HTML report's evidence
  crops need them until then), when an upload is refused, and when the server stops.
- Limits per file, per upload and on the number of files give HTTP 413 with a Dutch message.
- It listens on 127.0.0.1 by default and refuses another address without a token. With a token,
  every request must carry it (header ``X-KTO-Token``, or the cookie set by a first visit with
  ``?token=``), compared in constant time. Without one, only a loopback ``Host`` is accepted (no
  DNS rebinding) and a POST from another origin is refused.
- No external assets: the page's CSS and script are inline; the Content-Security-Policy is the
  HTML report's, plus the page's own script (by nonce) and requests to this server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hmac
import ipaddress
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from . import __version__
from .audit import build_audit
from .document import DEFAULT_MAX_BYTES
from .isolation import Limits, run_isolated
from .pipeline import Options, process_file, regime_by_id
from .report_html import CSP, CSS, to_html
from .schema import BatchResult, ReportEntry
from .writers import VERDICT_LABEL, reasons_text, to_csv, to_json, verdict_key

TOKEN_ENV = "KTO_INGEST_TOKEN"
TOKEN_HEADER = "x-kto-token"
TOKEN_COOKIE = "kto_token"
DEFAULT_PORT = 8765
DEFAULT_MAX_FILE_MB = DEFAULT_MAX_BYTES / (1024 * 1024)  # what the command line reads from one file
DEFAULT_MAX_UPLOAD_MB = 1024.0
DEFAULT_MAX_FILES = 1000
KEEP_RESULTS = 20  # finished uploads whose outputs stay available
RESULT_TTL = 3600.0  # seconds a finished upload's outputs stay available
DRAIN_FACTOR = 4  # a refused upload is read to its end (so the browser sees the answer) up to this many times the limit
MAX_NAME = 240
DOWNLOADS = {  # format -> (label, content type, extension)
    "xlsx": ("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "csv": ("CSV", "text/csv; charset=utf-8", "csv"),
    "json": ("JSON", "application/json", "json"),
    "html": ("HTML-rapport", "text/html; charset=utf-8", "html"),
}
LOOPBACK_NAMES = {"localhost", "localhost.localdomain"}


class ServeError(Exception):
    """The server cannot start as asked (Dutch message)."""


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# ---- names ------------------------------------------------------------------------------
_BIDI_AND_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def clean_name(raw: str, fallback: str) -> str:
    """The name a browser sent, fit to show: no control, bidi or invisible characters, no empty,
    ``.`` or ``..`` segments, no leading slash or drive; ``/`` separates folders. Only shown."""
    text = unicodedata.normalize("NFC", raw or "")
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _BIDI_AND_INVISIBLE)
    parts = [p.strip() for p in re.split(r"[\\/]+", text)]
    parts = [p for p in parts if p and p not in (".", "..") and not re.fullmatch(r"[A-Za-z]:", p)]
    name = "/".join(parts)
    if len(name) > MAX_NAME:
        name = "…" + name[-(MAX_NAME - 1):]
    return name or fallback


# ---- configuration and batches ----------------------------------------------------------
@dataclass
class ServeConfig:
    options: Options = field(default_factory=Options)
    limits: Limits = field(default_factory=Limits)
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    token: str | None = None
    max_file_bytes: int = int(DEFAULT_MAX_FILE_MB * 1024 * 1024)
    max_upload_bytes: int = int(DEFAULT_MAX_UPLOAD_MB * 1024 * 1024)
    max_files: int = DEFAULT_MAX_FILES
    parallel_uploads: int = 2  # uploads checked at the same time; more wait their turn
    temp_parent: Path | None = None  # where the private folder is made (default: the system's)


@dataclass
class Batch:
    id: str
    folder: Path
    names: list[str] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    entries: dict[int, ReportEntry] = field(default_factory=dict)
    started: bool = False
    done: bool = False
    problem: str | None = None
    outputs: dict[str, bytes] = field(default_factory=dict)
    finished_at: float = 0.0
    jobs: int = 1  # files checked at the same time: the first unfinished ones, in order
    stamp: str = field(default_factory=lambda: dt.datetime.now().strftime("%Y-%m-%d %H.%M.%S"))

    def status(self) -> dict:
        files = []
        sent = len(self.entries) + self.jobs if self.started else 0  # files go to the workers in order
        for i, name in enumerate(self.names):
            entry = self.entries.get(i)
            if entry is None:
                state = "afgebroken" if self.done else ("wordt gecontroleerd" if i < sent else "wacht op zijn beurt")
                files.append({"name": name, "state": state, "verdict": None, "label": None, "reasons": None})
            else:
                key = verdict_key(entry)
                files.append({"name": name, "state": "klaar", "verdict": key, "label": VERDICT_LABEL.get(key, key),
                              "reasons": entry.error.message if entry.error else reasons_text(entry)})
        return {"id": self.id, "done": self.done, "problem": self.problem, "checked": len(self.entries), "files": files,
                "result": f"/resultaat/{self.id}" if self.done and self.outputs else None}


class TooLarge(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


FOLDER_PREFIX = "kto-ingest-serve-"


def remove_stale_folders(parent: Path) -> list[Path]:
    """Upload folders left by a server that was killed (its process is gone): removed at start.
    POSIX only; on Windows a killed server's folder stays in %TEMP% until Windows cleans it."""
    if os.name != "posix":
        return []
    removed = []
    for folder in parent.glob(FOLDER_PREFIX + "*-*"):
        pid = folder.name[len(FOLDER_PREFIX):].split("-", 1)[0]
        try:
            if not pid.isdigit() or folder.is_symlink() or folder.stat().st_uid != os.getuid():
                continue
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        except OSError:  # alive (another user's process) or not ours to judge
            continue
    return removed


class Checker:
    """Holds the private folder and the uploads; checks each upload in a thread of its own."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        remove_stale_folders(Path(config.temp_parent or tempfile.gettempdir()))
        self.root = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-", dir=config.temp_parent))
        os.chmod(self.root, 0o700)
        self.batches: dict[str, Batch] = {}
        self.lock = threading.Lock()
        self.turns = threading.Semaphore(max(1, config.parallel_uploads))
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []

    # -- uploads
    def new_batch(self) -> Batch:
        self._expire()
        batch_id = secrets.token_urlsafe(12)
        folder = self.root / batch_id
        folder.mkdir(mode=0o700)
        batch = Batch(batch_id, folder)
        with self.lock:
            self.batches[batch_id] = batch
        return batch

    def drop(self, batch: Batch) -> None:
        shutil.rmtree(batch.folder, ignore_errors=True)
        with self.lock:
            self.batches.pop(batch.id, None)

    def get(self, batch_id: str) -> Batch | None:
        with self.lock:
            return self.batches.get(batch_id)

    def _expire(self) -> None:
        now = time.monotonic()
        with self.lock:
            finished = sorted((b for b in self.batches.values() if b.done), key=lambda b: b.finished_at)
            old = [b for b in finished if now - b.finished_at > RESULT_TTL] + finished[: max(0, len(finished) - KEEP_RESULTS)]
            for b in old:
                self.batches.pop(b.id, None)

    # -- checking
    def start(self, batch: Batch) -> None:
        thread = threading.Thread(target=self._check, args=(batch,), name="kto-ingest-upload", daemon=True)
        self.threads = [t for t in self.threads if t.is_alive()] + [thread]
        thread.start()

    def _check(self, batch: Batch) -> None:
        try:
            with self.turns:
                if self.stopping.is_set():
                    return
                batch.jobs = max(1, self.config.limits.jobs)
                batch.started = True
                options = dataclasses.replace(self.config.options, base=batch.folder)
                limits = self.config.limits
                if limits.jobs >= 1:
                    stream = run_isolated(batch.paths, options, limits)
                else:
                    from .registry import Registry

                    registry = Registry.from_entry_points()
                    stream = ((i, process_file(p, registry, options)) for i, p in enumerate(batch.paths))
                try:
                    for index, entry in stream:
                        entry.file = batch.names[index]
                        batch.entries[index] = entry
                        if self.stopping.is_set():
                            break
                finally:
                    close = getattr(stream, "close", None)
                    if close:
                        close()
                if self.stopping.is_set():
                    return
                result = self._result(batch)
                batch.outputs = {
                    "html": to_html(result).encode("utf-8"),  # evidence crops: the PDFs are still here
                    "csv": to_csv(result).encode("utf-8"),
                    "json": to_json(result).encode("utf-8"),
                }
                from .report_xlsx import to_xlsx

                batch.outputs["xlsx"] = to_xlsx(result)
        except Exception as exc:  # noqa: BLE001 - the page must say so; no file name in the text
            batch.problem = f"De controle is mislukt door een interne fout ({type(exc).__name__})."
        finally:
            shutil.rmtree(batch.folder, ignore_errors=True)
            batch.finished_at = time.monotonic()
            batch.done = True

    def _result(self, batch: Batch) -> BatchResult:
        options = self.config.options
        entries = [batch.entries[i] for i in sorted(batch.entries)]
        seen: dict[str, list[str]] = {}
        for entry in entries:
            if entry.sha256:
                seen.setdefault(entry.sha256, []).append(entry.file)
        for entry in entries:  # as the command line does: identical files name each other
            if entry.sha256 and len(seen[entry.sha256]) > 1:
                entry.duplicates = [f for f in seen[entry.sha256] if f != entry.file]
                entry.warnings.append("Dit bestand is identiek aan " + ", ".join(entry.duplicates)
                                      + " (zelfde SHA-256); het is dubbel aangeleverd.")
        own = options.regime.id if options.regime else None
        used = sorted({e.regime for e in entries if e.regime} - {own})
        audit = build_audit(options.regime, options.register, options.clms, options.trust.sources if options.trust else [],
                            [regime_by_id(r) for r in used])
        return BatchResult(version=__version__, regime=own, audit=audit, reports=entries)

    def close(self) -> None:
        """Stop checking and delete every uploaded file."""
        self.stopping.set()
        for thread in self.threads:
            thread.join(10)
        shutil.rmtree(self.root, ignore_errors=True)


# ---- reading an upload --------------------------------------------------------------------
def mb_text(value: int) -> str:
    """A byte limit in Dutch: "200 MB", "0,5 MB"."""
    mb = value / (1024 * 1024)
    return f"{mb:.0f} MB" if mb >= 10 else f"{mb:.1f} MB".replace(".", ",")


class _Upload:
    """Streams a multipart body to disk: file parts go to ``NNNN.pdf`` in the batch folder."""

    def __init__(self, batch: Batch, config: ServeConfig) -> None:
        self.batch = batch
        self.config = config
        self.header_name = b""
        self.header_value = b""
        self.disposition = b""
        self.fh = None
        self.size = 0
        self.problem: str | None = None

    def on_part_begin(self) -> None:
        self.disposition = b""

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def on_header_end(self) -> None:
        if self.header_name.lower() == b"content-disposition":
            self.disposition = self.header_value
        self.header_name = self.header_value = b""

    def on_headers_finished(self) -> None:
        if self.problem:
            return
        _, params = parse_options_header(self.disposition)
        if b"filename" not in params:
            return  # an ordinary form field: not used
        index = len(self.batch.names)
        if index >= self.config.max_files:
            self.problem = f"Te veel bestanden in één keer: het maximum is {self.config.max_files}."
            return
        raw = params[b"filename"].decode("utf-8", errors="replace")
        path = self.batch.folder / f"{index:04d}.pdf"
        self.batch.names.append(clean_name(raw, f"bestand-{index + 1}.pdf"))
        self.batch.paths.append(path)
        self.fh = open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), "wb")
        self.size = 0

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.fh is None or self.problem:
            return
        self.size += end - start
        if self.size > self.config.max_file_bytes:
            self.problem = (f"Het bestand ‘{self.batch.names[-1]}’ is groter dan {mb_text(self.config.max_file_bytes)}, "
                            "het maximum per bestand. Er is niets gecontroleerd.")
            self.fh.close()
            self.fh = None
            return
        self.fh.write(data[start:end])

    def on_part_end(self) -> None:
        if self.fh is not None:
            self.fh.close()
            self.fh = None

    ended = False

    def on_end(self) -> None:  # the closing boundary: the body is complete
        self.ended = True

    def callbacks(self) -> dict[str, Callable]:
        return {name: getattr(self, name) for name in (
            "on_part_begin", "on_part_data", "on_part_end", "on_header_field", "on_header_value", "on_header_end",
            "on_headers_finished", "on_end")}


async def _read_upload(request: Request, checker: Checker) -> tuple[Batch | None, Response | None]:
    config = checker.config
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    if ctype != b"multipart/form-data" or b"boundary" not in params:
        return None, _text(400, "Verwacht: bestanden als multipart/form-data (sleep ze op de pagina).")
    upload_limit = mb_text(config.max_upload_bytes)
    too_big = (f"De upload is groter dan {upload_limit}, het maximum per keer. "
               "Verdeel de rapporten over meer keren. Er is niets gecontroleerd.")
    try:
        declared = int(request.headers.get("content-length", "-1"))
    except ValueError:
        declared = -1
    batch = checker.new_batch()
    reader = _Upload(batch, config)
    parser = MultipartParser(params[b"boundary"], reader.callbacks())
    total = 0
    problem = too_big if declared > config.max_upload_bytes else None
    status = 413
    accepted = False
    try:
        async for chunk in request.stream():
            total += len(chunk)
            if problem is None and total > config.max_upload_bytes:
                problem = too_big
            if problem is not None:
                if total > DRAIN_FACTOR * config.max_upload_bytes + (1 << 20):
                    break  # stop reading a body this large; the connection will be closed
                continue  # read on, so the browser is done sending when it gets the answer
            parser.write(chunk)
            if reader.problem:
                problem = reader.problem
        if problem is None:
            parser.finalize()
            if not reader.ended:
                raise ValueError("multipart body without its closing boundary")
            if not batch.names:
                problem, status = "Geen bestanden ontvangen. Sleep PDF-bestanden of een map op de pagina.", 400
        accepted = problem is None
    except Exception:  # noqa: BLE001 - a broken body; no name or content in the answer or a log
        if problem is None:
            problem, status = "De upload kwam niet goed aan; probeer het opnieuw.", 400
    finally:
        if reader.fh:
            reader.fh.close()
        if not accepted:  # refused, broken off or the browser went away: nothing is kept
            checker.drop(batch)
    if not accepted:
        return None, _text(status, problem)
    return batch, None


# ---- responses ----------------------------------------------------------------------------
def _text(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message, status_code=status)


def _page_csp(nonce: str, meta: bool = False) -> str:
    """The HTML report's policy, plus the page's own script (by nonce) and requests to this server.
    frame-ancestors only counts in the header (a <meta> policy may not carry it)."""
    csp = f"{CSP}; script-src 'nonce-{nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'"
    return csp if meta else csp + "; frame-ancestors 'none'"


def _report_csp() -> str:
    return f"{CSP}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"


PAGE_CSS = """
.drop{border:3px dashed #888;border-radius:.6rem;padding:2.2rem 1rem;text-align:center;background:#fafafa;margin:1rem 0}
.drop.over{background:#e8f0fe;border-color:#1a56c4} .drop.busy{opacity:.6}
.drop label{display:inline-block;margin:.8rem .5rem 0;padding:.4rem .9rem;border:1px solid #1a56c4;border-radius:.3rem;color:#1a56c4;cursor:pointer}
.drop input{position:absolute;left:-9999px}
#message{font-weight:bold;color:#9c0006} #message:empty{display:none}
progress{width:100%;height:1.2rem} .hidden{display:none}
"""

PAGE_JS = r"""
(function () {
  "use strict";
  var drop = document.getElementById("drop"), list = document.getElementById("list"), body = list.querySelector("tbody");
  var message = document.getElementById("message"), bar = document.getElementById("bar");
  var maxUpload = Number(drop.getAttribute("data-max-upload")), uploadLimit = drop.getAttribute("data-upload-limit");
  var busy = false;

  function say(text) { message.textContent = text || ""; }
  function isPdf(name) { return /\.pdf$/i.test(name); }

  function walk(entry, path, out, inFolder) {
    return new Promise(function (resolve) {
      if (entry.isFile) {
        entry.file(function (f) {
          if (!inFolder || isPdf(f.name)) out.push({file: f, name: path + f.name});
          resolve();
        }, function () { resolve(); });
      } else if (entry.isDirectory) {
        var reader = entry.createReader(), all = [];
        var next = function () {
          reader.readEntries(function (batch) {
            if (!batch.length) {
              Promise.all(all.map(function (e) { return walk(e, path + entry.name + "/", out, true); })).then(resolve);
            } else { all = all.concat(Array.prototype.slice.call(batch)); next(); }
          }, function () { resolve(); });
        };
        next();
      } else { resolve(); }
    });
  }

  function collect(dt) {
    var entries = [], i;
    if (dt.items) {
      for (i = 0; i < dt.items.length; i++) {
        var e = dt.items[i].webkitGetAsEntry ? dt.items[i].webkitGetAsEntry() : null;
        if (e) entries.push(e);
      }
    }
    if (entries.length) {
      var out = [];
      return Promise.all(entries.map(function (e) { return walk(e, "", out, false); })).then(function () { return out; });
    }
    return Promise.resolve(Array.prototype.map.call(dt.files || [], function (f) { return {file: f, name: f.name}; }));
  }

  function row(name) {
    var tr = document.createElement("tr"), a = document.createElement("td"), b = document.createElement("td"), c = document.createElement("td");
    a.textContent = name; b.textContent = "wordt verzonden"; c.textContent = "–";
    tr.appendChild(a); tr.appendChild(b); tr.appendChild(c); body.appendChild(tr);
    return tr;
  }

  function setBusy(on) {
    busy = on; drop.classList.toggle("busy", on);
    Array.prototype.forEach.call(drop.querySelectorAll("input"), function (i) { i.disabled = on; });
  }

  function send(files) {
    if (busy) { say("Wacht tot de vorige controle klaar is."); return; }
    say("");
    if (!files.length) { say("Geen bestanden gevonden. In een map worden alleen PDF-bestanden meegenomen."); return; }
    var total = files.reduce(function (s, f) { return s + f.file.size; }, 0);
    if (total > maxUpload) {
      say("Deze bestanden zijn samen groter dan " + uploadLimit + ", het maximum per keer. Verdeel ze over meer keren.");
      return;
    }
    setBusy(true);
    body.textContent = "";
    list.classList.remove("hidden");
    var rows = files.map(function (f) { return row(f.name); });
    var form = new FormData();
    files.forEach(function (f) { form.append("file", f.file, f.name); });
    var xhr = new XMLHttpRequest();
    bar.classList.remove("hidden"); bar.value = 0;
    xhr.upload.onprogress = function (ev) {
      if (!ev.lengthComputable) return;
      bar.value = ev.loaded / ev.total * 100;
      var sent = ev.loaded / ev.total * total, sum = 0;
      files.forEach(function (f, i) { sum += f.file.size; if (sent >= sum) rows[i].children[1].textContent = "verzonden"; });
    };
    xhr.onload = function () {
      bar.classList.add("hidden");
      if (xhr.status !== 200) {
        say(xhr.responseText || ("De upload is geweigerd (" + xhr.status + ")."));
        rows.forEach(function (r) { r.children[1].textContent = "niet gecontroleerd"; });
        setBusy(false);
        return;
      }
      poll(JSON.parse(xhr.responseText).id, rows);
    };
    xhr.onerror = function () {
      bar.classList.add("hidden");
      say("De verbinding met kto-ingest is verbroken. Is het venster van kto-ingest nog open? Bestanden samen groter dan " + uploadLimit + " worden niet aangenomen.");
      setBusy(false);
    };
    xhr.open("POST", "/api/upload");
    xhr.send(form);
  }

  function poll(id, rows) {
    fetch("/api/batches/" + encodeURIComponent(id), {credentials: "same-origin", cache: "no-store"})
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (s) {
        s.files.forEach(function (f, i) {
          var r = rows[i]; if (!r) return;
          r.children[1].textContent = f.state;
          r.children[2].textContent = f.label || "–";
          r.children[2].className = f.verdict ? "v-" + f.verdict : "";
          r.children[2].title = f.reasons || "";
        });
        document.getElementById("count").textContent = s.checked + " van " + s.files.length + " gecontroleerd";
        if (!s.done) { setTimeout(function () { poll(id, rows); }, 600); return; }
        setBusy(false);
        if (s.problem) { say(s.problem); return; }
        var link = document.getElementById("open");
        link.href = s.result; link.parentNode.classList.remove("hidden");
        window.location.assign(s.result);
      })
      .catch(function () { setBusy(false); say("De stand van de controle kon niet worden opgevraagd; vernieuw de pagina."); });
  }

  drop.addEventListener("dragover", function (ev) { ev.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (ev) {
    ev.preventDefault(); drop.classList.remove("over");
    collect(ev.dataTransfer).then(send);
  });
  document.addEventListener("dragover", function (ev) { ev.preventDefault(); });
  document.addEventListener("drop", function (ev) { ev.preventDefault(); });
  document.getElementById("files").addEventListener("change", function (ev) {
    send(Array.prototype.map.call(ev.target.files, function (f) { return {file: f, name: f.name}; }));
    ev.target.value = "";
  });
  document.getElementById("folder").addEventListener("change", function (ev) {
    var files = Array.prototype.filter.call(ev.target.files, function (f) { return isPdf(f.name); });
    send(files.map(function (f) { return {file: f, name: f.webkitRelativePath || f.name}; }));
    ev.target.value = "";
  });
})();
"""


def page(config: ServeConfig, nonce: str) -> str:
    per_file = mb_text(config.max_file_bytes)
    per_upload = mb_text(config.max_upload_bytes)
    regime = config.options.regime.id if config.options.regime else "–"
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{escape(_page_csp(nonce, meta=True))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>KTO-controle</title><style>{CSS}{PAGE_CSS}</style></head><body>
<h1>KTO-controle</h1>
<p class="muted">Regeling {escape(regime)} · kto-ingest {escape(__version__)}</p>
<p>Sleep PDF-bestanden of een map met rapporten in het vak hieronder, of kies ze. Elk rapport wordt
gecontroleerd; daarna ziet u het overzicht met oordelen, redenen en bewijs, en kunt u het
downloaden als Excel, CSV of JSON.</p>
<div id="drop" class="drop" data-max-upload="{config.max_upload_bytes}" data-upload-limit="{escape(per_upload)}">
<strong>Sleep PDF-bestanden of een map hierheen</strong><br>
<label>Bestanden kiezen<input type="file" id="files" multiple accept=".pdf,application/pdf"></label>
<label>Map kiezen<input type="file" id="folder" webkitdirectory multiple></label>
</div>
<noscript><p><strong>Deze pagina heeft JavaScript nodig. Zet het aan, of gebruik het programma kto-ingest zelf.</strong></p></noscript>
<p id="message" role="alert"></p>
<progress id="bar" class="hidden" max="100" value="0"></progress>
<table id="list" class="hidden"><thead><tr><th>Bestand</th><th>Stand</th><th>Oordeel</th></tr></thead><tbody></tbody></table>
<p id="count" class="muted"></p>
<p class="hidden"><a id="open" href="#">Naar het overzicht</a></p>
<p class="muted">Maximaal {escape(per_file)} per bestand en {escape(per_upload)} en {config.max_files} bestanden per keer.
In een map worden alleen PDF-bestanden meegenomen. De bestanden blijven op deze computer; ze worden
verwijderd zodra de controle klaar is, en de uitkomst zodra kto-ingest stopt.</p>
<script nonce="{nonce}">{PAGE_JS}</script>
</body></html>
"""


def result_page(batch: Batch) -> str:
    """The HTML report of this upload, with links to the downloads at the top."""
    links = " ".join(f'<a href="/api/batches/{batch.id}/download/{fmt}" download>{label}</a>'
                       for fmt, (label, _, _) in DOWNLOADS.items())
    style = ("<style>.downloads a{display:inline-block;padding:.3rem .8rem;margin:0 .2rem;border:1px solid #1a56c4;"
             "border-radius:.3rem;color:#1a56c4;text-decoration:none}.downloads a:hover{background:#e8f0fe}</style>")
    nav = f'{style}<p class="downloads"><a href="/">Nieuwe controle</a> &nbsp; Downloaden: {links}</p>'
    html = batch.outputs["html"].decode("utf-8")
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + nav, html, count=1)


# ---- the application ----------------------------------------------------------------------
def create_app(config: ServeConfig) -> Starlette:
    import logging

    logging.getLogger("python_multipart").setLevel(logging.CRITICAL)  # its complaints about a broken body
    checker = Checker(config)

    async def index(request: Request) -> Response:
        nonce = secrets.token_urlsafe(18)
        return HTMLResponse(page(config, nonce), headers={"Content-Security-Policy": _page_csp(nonce)})

    async def upload(request: Request) -> Response:
        batch, refusal = await _read_upload(request, checker)
        if refusal is not None:
            return refusal
        checker.start(batch)
        return JSONResponse({"id": batch.id, "files": batch.names})

    async def status(request: Request) -> Response:
        batch = checker.get(request.path_params["batch"])
        if batch is None:
            return _text(404, "Deze controle is niet (meer) bekend; de uitkomst wordt een uur bewaard, tot kto-ingest stopt.")
        return JSONResponse(batch.status())

    async def result(request: Request) -> Response:
        batch = checker.get(request.path_params["batch"])
        if batch is None:
            return _text(404, "Deze controle is niet (meer) bekend; de uitkomst wordt een uur bewaard, tot kto-ingest stopt.")
        if not batch.done:
            return _text(409, "De controle is nog bezig.")
        if not batch.outputs:
            return _text(500, batch.problem or "De controle is mislukt.")
        return HTMLResponse(result_page(batch), headers={"Content-Security-Policy": _report_csp()})

    async def download(request: Request) -> Response:
        batch = checker.get(request.path_params["batch"])
        fmt = request.path_params["fmt"]
        if batch is None or fmt not in DOWNLOADS or not batch.outputs:
            return _text(404, "Niet gevonden.")
        _, ctype, ext = DOWNLOADS[fmt]
        name = f"KTO-controle {batch.stamp}.{ext}"
        return Response(batch.outputs[fmt], media_type=ctype,
                        headers={"Content-Disposition": f'attachment; filename="{name}"',
                                 "Content-Security-Policy": _report_csp()})

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app):
        try:
            yield
        finally:
            checker.close()

    app = Starlette(
        routes=[
            Route("/", index),
            Route("/api/upload", upload, methods=["POST"]),
            Route("/api/batches/{batch}", status),
            Route("/resultaat/{batch}", result),
            Route("/api/batches/{batch}/download/{fmt}", download),
        ],
        lifespan=lifespan,
    )
    app.state.checker = checker
    app.state.config = config
    return Guard(app, config, checker)


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


class Guard:
    """Every request: the token (when one is set), a loopback Host (when none is), no cross-origin
    POST; every answer: no caching, no sniffing, no framing, no referrer, a CSP."""

    def __init__(self, app: Starlette, config: ServeConfig, checker: Checker) -> None:
        self.app = app
        self.config = config
        self.checker = checker
        self.state = app.state

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        refusal = self.refuse(request)
        if refusal is None and self.config.token:
            given = request.headers.get(TOKEN_HEADER) or request.cookies.get(TOKEN_COOKIE) or ""
            query = request.query_params.get("token")
            if query is not None and request.method == "GET" and _same(query, self.config.token):
                rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
                target = request.url.path + ("?" + urlencode(rest) if rest else "")
                refusal = RedirectResponse(target, status_code=303)  # the token leaves the address bar
                refusal.set_cookie(TOKEN_COOKIE, self.config.token, httponly=True, samesite="strict", path="/")
            elif not _same(given, self.config.token):
                refusal = _text(401, "Geen toegang: deze kto-ingest vraagt een toegangscode. Open de pagina met de link "
                                     "die u kreeg (met ?token=...), of vraag de beheerder.")
        if refusal is not None:
            await _with_headers(refusal)(scope, receive, send)
            return
        await _with_headers(self.app)(scope, receive, send)

    def refuse(self, request: Request) -> Response | None:
        host = request.headers.get("host", "")
        hostname = urlsplit("//" + host).hostname or ""
        if not self.config.token and not is_loopback(hostname):
            return _text(403, "Geweigerd: deze pagina is alleen op deze computer te openen (http://127.0.0.1).")
        origin = request.headers.get("origin")
        if request.method not in ("GET", "HEAD") and origin is not None and urlsplit(origin).netloc != host:
            return _text(403, "Geweigerd: verzoek van een andere website.")
        return None


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _with_headers(app):
    async def wrapped(scope, receive, send):
        async def send_with(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", _report_csp().encode()))
                message = {**message, "headers": headers}
            await send(message)

        await app(scope, receive, send_with)

    return wrapped


# ---- starting -----------------------------------------------------------------------------
def check_address(host: str, token: str | None) -> None:
    if not is_loopback(host) and not token:
        raise ServeError(
            f"Weigert te luisteren op {host} zonder toegangscode: dan kan iedereen in het netwerk rapporten "
            f"uploaden en uitkomsten zien. Geef --token CODE (of zet {TOKEN_ENV}), of gebruik --host 127.0.0.1."
        )
    if token is not None and len(token) < 16:
        raise ServeError("De toegangscode is te kort: gebruik minstens 16 tekens (bijvoorbeeld een lange willekeurige code).")


def url_for(config: ServeConfig, with_token: bool = False) -> str:
    host = config.host
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    if ":" in shown:
        shown = f"[{shown}]"
    url = f"http://{shown}:{config.port}/"
    if with_token and config.token:
        url += "?" + urlencode({"token": config.token})
    return url


NO_OPEN = "KTO_INGEST_NO_OPEN"  # set in tests and CI: do not open a browser


def _open(url: str) -> None:
    if not os.environ.get(NO_OPEN):
        import webbrowser

        webbrowser.open(url)


def already_running(config: ServeConfig) -> bool:
    """Is the page at this address a kto-ingest (asked with the token, if any)?"""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url_for(config), headers={"X-KTO-Token": config.token} if config.token else {})
    try:
        with urllib.request.urlopen(request, timeout=3) as response:
            return b"<title>KTO-controle</title>" in response.read(4096)
    except (OSError, ValueError):
        return False


def serve(config: ServeConfig, open_browser: bool = False, echo: Callable[[str], None] = print) -> None:
    """Run the server until Ctrl-C; the uploads folder is removed on the way out."""
    import socket

    import uvicorn

    check_address(config.host, config.token)
    family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    if os.name != "nt":
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((config.host, config.port))
        sock.listen(128)  # connections wait from now on, so the address printed below works at once
    except OSError as exc:
        sock.close()
        if open_browser and already_running(config):  # a second double-click: show the page that runs
            echo(f"kto-ingest draait al op {url_for(config)}; die pagina wordt geopend.")
            _open(url_for(config, with_token=True))
            return
        raise ServeError(f"Kan niet luisteren op {config.host}:{config.port} ({exc.strerror or exc}). "
                         "Draait kto-ingest al? Kies een andere poort met --port.") from None
    config.port = sock.getsockname()[1]
    app = create_app(config)
    echo(f"kto-ingest luistert op {url_for(config)}  (stoppen: Ctrl-C)")
    if config.token:
        echo(f"Openen met toegangscode: {url_for(config, with_token=True)}")
    if open_browser:
        threading.Timer(0.5, _open, args=(url_for(config, with_token=True),)).start()
    server = uvicorn.Server(uvicorn.Config(app, access_log=False, log_level="warning", lifespan="on",
                                           server_header=False, date_header=False))
    try:
        server.run(sockets=[sock])
    finally:
        app.checker.close()
        sock.close()
