"""The normalised output schema (pydantic v2). The JSON output is generated from it.

Field names of :class:`ReportEntry` and :class:`BatchResult` are a contract read
by other tools: add fields, never rename or remove them.

* :class:`Facts` is what a vendor parser extracts from one PDF.
* :class:`ReportEntry` is one output entry per input file: identity and status,
  the facts, then signature, checks and verdict.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .errors import ErrorCode

Group = Literal["clienten", "opdrachtgevers"]
Status = Literal["pass", "fail", "warn", "manual", "n/a"]
Verdict = Literal["voldoet", "voldoet_niet", "handmatig"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(Model):
    """Where a value came from: 1-based page, the text as printed, and where cheap its box."""

    page: int | None = None
    raw: str
    bbox: tuple[float, float, float, float] | None = None


class ErrorInfo(Model):
    code: ErrorCode
    message: str


class Period(Model):
    start: dt.date | None = None
    end: dt.date | None = None


class Approached(Model):
    """"In totaal N cliënten benaderd en M opdrachtgever(s)"; "geen" is 0."""

    clienten: int | None = None
    opdrachtgevers: int | None = None


class UsablePct(Model):
    """"Het aantal bruikbare vragenlijsten is 6,3% voor cliënten en 0% voor opdrachtgever(s)"."""

    clienten: float | None = None
    opdrachtgevers: float | None = None


Telephone = Literal["ja", "nee", "deels"]


class Approach(Model):
    """How clients were approached ("Wijze van benadering")."""

    email: bool | None = None
    schriftelijk: bool | None = None
    herinnering: bool | None = None
    telefonisch: Telephone | None = None
    opdrachtgevers: str | None = Field(
        default=None, description="How opdrachtgevers were approached, as printed (e.g. 'uitsluitend per e-mail')."
    )
    text: str | None = Field(default=None, description="The sentences this was read from.")
    page: int | None = None


class ResultRow(Model):
    """One row of the results table ("tabel 1.1 Resultaten voor het keurmerk")."""

    group: Group | None
    service: str
    is_total: bool
    netto_steekproef: int | None = None
    ingevuld: int | None = None
    respons_pct: float | None = None
    rapportcijfer: float | None = None
    publicatie: bool | None = None
    page: int
    raw: dict[str, str] = Field(default_factory=dict, description="Cell texts as printed, per column.")


class Question(Model):
    """A figure caption; in these reports the caption is the question asked."""

    figure: str
    text: str
    page: int


class Signature(Model):
    kind: Literal["digital", "visual", "none"]
    intact: bool | None = None
    signer: str | None = None
    fields: int = Field(default=0, description="Number of signature form fields in the PDF.")
    note: str | None = None


class Check(Model):
    rule: str
    status: Status
    message: str
    page: int | None = None


class Facts(Model):
    """What a vendor parser extracts. A value not in the PDF is None, never guessed."""

    bureau: str | None = None
    supplier: str | None = None
    report_date: dt.date | None = None
    meetperiode: Period | None = None
    final: bool | None = None
    approached: Approached | None = None
    usable_pct: UsablePct | None = None
    approach: Approach | None = None
    promotor_score: float | None = None
    results: list[ResultRow] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    layout: str | None = Field(default=None, description="Which layout of the vendor's report, e.g. '2019'.")
    evidence: dict[str, Evidence] = Field(
        default_factory=dict, description="Per extracted field: page and raw text it came from."
    )
    warnings: list[str] = Field(default_factory=list, description="Dutch notes on doubtful extractions.")


class _EntryHead(Model):
    file: str
    sha256: str | None = None
    status: Literal["parsed", "error"]
    error: ErrorInfo | None = None
    parser: str | None = None
    pages: int | None = None


class _EntryTail(Model):
    signature: Signature | None = None
    checks: list[Check] = Field(default_factory=list)
    verdict: Verdict | None = None


# Bases are listed in reverse so that pydantic orders the fields head, facts, tail.
class ReportEntry(_EntryTail, Facts, _EntryHead):
    """One entry per input file in the JSON output."""


class BatchResult(Model):
    tool: Literal["kto-ingest"] = "kto-ingest"
    version: str
    regime: str | None = None
    reports: list[ReportEntry] = Field(default_factory=list)


def json_schema() -> dict:
    """The JSON Schema of the output, as printed by ``kto-ingest schema``."""
    return BatchResult.model_json_schema()
