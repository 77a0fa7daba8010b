"""What the main process needs to run a batch, without the PDF machinery.

With worker processes (``--jobs`` 1 or more) the main process only discovers files, hands their
paths to the workers and writes the outputs. It therefore imports this module, not
:mod:`kto_ingest.pipeline`: PyMuPDF, the parsers, the reader and the rules load in the workers
(their fork server imports them once), and the main process starts in about half the time.
:mod:`kto_ingest.pipeline` re-exports everything here.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ErrorCode, KtoError
from .regime import Regime, load_regime
from .schema import ErrorInfo, ReportEntry

if TYPE_CHECKING:
    from .bureaus import Register
    from .clms import ClmsExport
    from .document import Document
    from .signature import Trust

DEFAULT_MAX_BYTES = 200 * 1024 * 1024


@dataclass
class Options:
    max_bytes: int = DEFAULT_MAX_BYTES
    base: Path | None = None  # paths in the output are shown relative to this (default: cwd)
    regime: Regime | None = None  # None: extract only, no checks
    register: Register | None = None  # the bureau register (SCH-BUREAU)
    clms: ClmsExport | None = None  # received dates and ended services (--clms)
    trust: Trust | None = None  # trust roots for signer certificates (--trust)
    # False: a report whose parser names its own regime (jobcoaching) is checked against that one.
    regime_fixed: bool = False
    regime_reason: str | None = None  # Dutch: why options.regime (e.g. "uit de instellingen"); None: the default
    explain: bool = False  # keep every parser's detection, for `kto-ingest explain`
    # Parameter values from the settings file, per regime id (each with its bron), and that file.
    params: dict = field(default_factory=dict)
    settings: object | None = None  # AuditSource of the settings file in force, for the audit record
    crops: bool = False  # workers also render the HTML report's evidence crops, under their limits


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as the user should see it: relative to ``base`` (default cwd) when below it."""
    base = base or Path.cwd()
    try:
        return os.path.relpath(path, base) if path.is_absolute() and path.is_relative_to(base) else str(path)
    except ValueError:
        return str(path)


def source_path(path: Path) -> Path:
    """The absolute path of an input, without resolving links (a link loop has no resolution)."""
    return Path(os.path.abspath(path))


def _sha256_of(path: Path) -> str | None:
    """The hash of a regular file that could not be opened as a PDF (a pipe is never opened)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def error_entry(path: Path, name: str, exc: KtoError, doc: Document | None = None) -> ReportEntry:
    return ReportEntry(
        file=name,
        sha256=doc.sha256 if doc else (exc.sha256 or (_sha256_of(path) if exc.code != ErrorCode.NOT_FOUND else None)),
        status="error",
        error=ErrorInfo(code=exc.code, message=exc.message),
        pages=doc.page_count if doc else None,
    )


@functools.cache
def regime_by_id(regime_id: str) -> Regime:
    """A built-in regime, loaded once per process."""
    return load_regime(regime_id)


def quiet_libraries() -> None:
    """pyHanko logs every untrusted chain and unexplained update as an error with a traceback; those
    findings are in the report already, so keep them off the account manager's screen."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
