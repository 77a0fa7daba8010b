"""The audit record: what a batch's decisions rest on, so they can be reproduced a year later."""

from __future__ import annotations

import datetime as dt
import platform
import sys

from . import __version__
from .bureaus import Register
from .clms import ClmsExport
from .regime import Regime
from .schema import Audit, AuditSource


def regime_source(regime: Regime) -> AuditSource:
    return AuditSource(id=regime.id, version=regime.regime.version, source=regime.source, sha256=regime.sha256)


def pymupdf_version() -> str:
    """PyMuPDF's version, without importing it in a process that has not (the main process, whose
    workers read the PDFs): the installed distribution's version is the same string."""
    if "pymupdf" not in sys.modules:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("PyMuPDF")
        except PackageNotFoundError:
            pass
    from ._pymupdf import pymupdf

    return pymupdf.VersionBind


def build_audit(regime: Regime | None, register: Register | None = None, clms: ClmsExport | None = None,
                trust: list[AuditSource] | None = None, more_regimes: list[Regime] | None = None,
                settings: AuditSource | None = None) -> Audit:
    return Audit(
        tool_version=__version__,
        python=platform.python_version(),
        pymupdf=pymupdf_version(),
        created=dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        regime=regime_source(regime) if regime else None,
        bureaus=AuditSource(date=register.info.datum, source=register.source, sha256=register.sha256) if register else None,
        clms=AuditSource(source=clms.source, sha256=clms.sha256) if clms else None,
        trust=trust or [],
        more_regimes=[regime_source(r) for r in more_regimes or []],
        settings=settings,
    )
