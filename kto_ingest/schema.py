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

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from .errors import ErrorCode
from .names import raw_name, safe_text

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
    ocr: bool = Field(default=False, description="Read by OCR from a scanned page: check it in the PDF.")
    derived: bool = Field(
        default=False,
        description="Read under a label that only suggests the fact (a fieldwork period for the meetperiode, a version "
        "number below 1.0 for a concept): shown, but never enough to fail a report alone.",
    )


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
    benaderd: int | None = Field(default=None, description="Clients approached for this row, when the report gives it per row.")
    beeindigd: int | None = Field(default=None, description="Services ended in the meetperiode for this row, when the report gives it.")
    heading: str | None = Field(default=None, description="The perceel this row stands under in its table, when a heading "
                                "row names it over its clusters ('Functiegerichte vaardigheidstrainingen' over 'Techniek').")
    page: int
    raw: dict[str, str] = Field(default_factory=dict, description="Cell texts as printed, per column.")

    def respons_decimals(self, default: int = 1) -> int:
        """The decimals of the respons as a percentage, as printed: '45,3%' -> 1; a respons
        printed as a proportion and read as a percentage ('0,453' -> 45,3) -> 1; none printed -> ``default``."""
        from .dutch import DutchParseError, decimals_of, parse_number

        text = self.raw.get("respons_pct")
        if not text:
            return default
        decimals = decimals_of(text)
        try:
            shown = parse_number(text)
        except DutchParseError:
            return decimals
        if "%" not in text and shown is not None and shown <= 1 and self.respons_pct is not None and self.respons_pct > 1:
            return max(decimals - 2, 0)
        return decimals


class Question(Model):
    """A figure caption; in these reports the caption is the question asked."""

    figure: str
    text: str
    page: int


Coverage = Literal["whole_file", "extended", "partial"]
Modification = Literal["none", "form_filling", "annotations", "other"]


class SignatureField(Model):
    """One signature form field of the PDF, as a signature validator reports it."""

    name: str
    signed: bool
    intact: bool | None = Field(default=None, description="The signed bytes are cryptographically unchanged.")
    coverage: Coverage | None = Field(
        default=None, description="'whole_file', or 'extended' by incremental updates after signing."
    )
    modification: Modification | None = Field(
        default=None, description="What later updates changed: nothing, form filling, annotations, or other (page content)."
    )
    changed_pages: list[int] = Field(default_factory=list, description="Pages changed after signing, where this can be told.")
    signer: str | None = Field(default=None, description="Common name of the signer's certificate.")
    organisation: str | None = Field(default=None, description="Organisation (O) of the signer's certificate.")
    signing_time: dt.datetime | None = None
    trusted: bool | None = Field(default=None, description="The certificate chains to a configured trust root.")
    self_signed: bool | None = None
    note: str | None = None
    covered: list[str] = Field(
        default_factory=list, description="Dutch: text of the signed pages that annotations or form fields added after signing are drawn over."
    )
    revision_problem: str | None = Field(
        default=None, description="Dutch: why the revision a PDF reader shows may not be the revision whose signature was checked."
    )


class Signature(Model):
    kind: Literal["digital", "visual", "none"]
    intact: bool | None = None
    signer: str | None = None
    fields: int = Field(default=0, description="Number of signature form fields in the PDF.")
    note: str | None = None
    signer_organisation: str | None = None
    signing_time: dt.datetime | None = None
    coverage: Coverage | None = None
    modification: Modification | None = None
    changed_pages: list[int] = Field(default_factory=list)
    trusted: bool | None = None
    pages: list[int] = Field(default_factory=list, description="Pages with a visible signature block.")
    details: list[SignatureField] = Field(default_factory=list, description="Every signature field, signed or empty.")
    covered: list[str] = Field(default_factory=list, description="As in the signature field that decides.")
    candidate_pages: list[int] = Field(
        default_factory=list,
        description="kind 'none' only: pages with an image or a hand-drawn line, without signature wording near it, that may "
        "be a signature (not the cover page, not a picture repeated on several pages).",
    )


class Check(Model):
    rule: str
    status: Status
    message: str
    page: int | None = None
    raw: str | None = Field(
        default=None,
        description="The evidence a finding rests on: the text as printed on `page` (a value), or, for an absence the parser "
        "vouched for, where it looked. Every 'fail' on a fact of the report carries it.",
    )


class JobcoachPeriod(Model):
    """One jobcoachperiode: the werknemer's and the werkgever's score ("Weergave cijfers")."""

    werknemer: str | None = None
    werknemer_cijfer: float | None = None
    werkgever: str | None = None
    werkgever_cijfer: float | None = None
    page: int | None = None


class AnswerCounts(Model):
    """How often each answer was given to one question of a beoordelingsformulier."""

    group: Literal["werknemer", "werkgever"]
    question: str
    counts: dict[str, int | None]
    page: int | None = None


class Jobcoaching(Model):
    """The facts of a jobcoaching annual report in UWV's rapportageformat (seed 001)."""

    recognition_date: dt.date | None = Field(default=None, description="Datum erkenning: the meetperiode runs from its day and month.")
    periods: list[JobcoachPeriod] = Field(default_factory=list)
    werknemer_avg: float | None = None
    werkgever_avg: float | None = None
    raw: dict[str, str] = Field(default_factory=dict, description="The averages as printed, e.g. '7,2'.")
    answers: list[AnswerCounts] = Field(default_factory=list)
    analysis: str | None = Field(default=None, description="The analysis and conclusions section, as printed.")


FactState = Literal["found", "not_found", "unreadable"]


class FactStatus(Model):
    """How a fact the rules use was found: read (its evidence is in ``evidence``), looked for and
    not found (where), or present but not readable (why). A rule may fail a report on a missing
    fact only when the parser ``vouched`` for its absence: a confident parser that read the part of
    the report where the fact must stand."""

    status: FactState
    looked: str | None = Field(default=None, description="Dutch: where the parser looked, e.g. 'op het voorblad en in hoofdstuk 1-2'.")
    reason: str | None = Field(default=None, description="Dutch: why a present fact could not be read.")
    vouched: bool = Field(default=False, description="The absence is certain: the parser read the place where the fact must be.")
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
    perceel_codes: dict[str, str] = Field(
        default_factory=dict,
        description="Codes the report's own legend gives its percelen ('P2' -> 'Functiegerichte vaardigheidstrainingen'), "
        "so that a row labelled 'P2 – Bouw en infra' is placed under that perceel's cluster.",
    )
    questions: list[Question] = Field(default_factory=list)
    jobcoaching: Jobcoaching | None = None
    confidence: Literal["high", "low"] = Field(
        default="high", description="'low' when a generic parser or OCR read the values; rules then ask for a person."
    )
    layout: str | None = Field(default=None, description="Which layout of the vendor's report, e.g. '2019'.")
    ocr_pages: list[int] = Field(default_factory=list, description="Pages read by OCR (scanned, no text layer).")
    evidence: dict[str, Evidence] = Field(
        default_factory=dict, description="Per extracted field: page and raw text it came from."
    )
    warnings: list[str] = Field(default_factory=list, description="Dutch notes on doubtful extractions.")
    fact_status: dict[str, FactStatus] = Field(
        default_factory=dict,
        description="Per fact the rules use (bureau, supplier, report_date, meetperiode, final, approached, results, "
        "questions, approach, jobcoaching...): found, not_found (where looked) or unreadable (why). A fact without an "
        "entry counts as found when it has a value, else as not found without a vouched absence.",
    )

    # How the reader decided (tables, orientation, lexicon entries, joins), for `kto-ingest explain`;
    # not part of the JSON output.
    _explain: list[str] = PrivateAttr(default_factory=list)
    # Warnings of a reading that gave nothing and may be made good by another (a parser's business).
    _deferred: list[str] = PrivateAttr(default_factory=list)

    def not_found(self, fact: str, looked: str, vouched: bool = False, page: int | None = None) -> None:
        """Record where ``fact`` was looked for in vain; ``vouched`` only for a confident parser that
        read the place where the fact must be."""
        self.fact_status[fact] = FactStatus(status="not_found", looked=looked, vouched=vouched, page=page)

    def unreadable(self, fact: str, reason: str, page: int | None = None) -> None:
        """Record that ``fact`` is present (a caption, a label) but its value could not be read."""
        self.fact_status[fact] = FactStatus(status="unreadable", reason=reason, page=page)

    def state_of(self, fact: str) -> FactStatus:
        """The recorded status, else derived: a value (non-empty) is found, nothing is not found
        without a vouched absence."""
        if fact in self.fact_status:
            return self.fact_status[fact]
        value = getattr(self, fact, None)
        return FactStatus(status="found" if value not in (None, [], {}) else "not_found")


class _EntryHead(Model):
    file: str = Field(description="The file as given, relative to the working folder; control and bidirectional characters "
                      "are shown visibly (␛, ␊, <U+202E>) and bytes that are not UTF-8 as �.")
    file_raw: str | None = Field(
        default=None, description="Only when `file` had to be changed to be shown safely: the exact bytes of the name, "
        "percent-encoded (urllib.parse.unquote_to_bytes gives them back)."
    )
    sha256: str | None = None
    status: Literal["parsed", "error"]
    error: ErrorInfo | None = None
    parser: str | None = None
    pages: int | None = None


class _EntryTail(Model):
    signature: Signature | None = None
    regime: str | None = Field(default=None, description="The regime this report was checked against (id).")
    regime_title: str | None = Field(default=None, description="That regime's title, e.g. 'UWV scholingsdiensten 2021'.")
    regime_reason: str | None = Field(default=None, description="Dutch: why this regime was applied (default, --regime, the report's kind).")
    checks: list[Check] = Field(default_factory=list)
    verdict: Verdict | None = None
    decided_by: list[str] = Field(
        default_factory=list, description="The rules whose findings set the verdict (failed ones, else those needing a person)."
    )
    duplicates: list[str] = Field(
        default_factory=list, description="Other files in this batch with the same sha256 (the same file submitted twice): "
        "on a later copy the first file of the group, on the first file the next copy (see duplicate_count)."
    )
    duplicate_of: str | None = Field(default=None, description="On a later copy of an identical file: the first file of its group.")
    duplicate_count: int | None = Field(
        default=None, description="How many files in this batch are identical to this one, itself included (absent when unique)."
    )


# Bases are listed in reverse so that pydantic orders the fields head, facts, tail.
class ReportEntry(_EntryTail, Facts, _EntryHead):
    """One entry per input file in the JSON output."""

    # Where the input is on disk, for writers that show evidence from the PDF (not in the JSON).
    _source: Path | None = PrivateAttr(default=None)
    # Evidence crops for the HTML report, rendered by the worker under its limits (None: not rendered).
    _crops: list | None = PrivateAttr(default=None)

    @model_validator(mode="before")
    @classmethod
    def _safe_name(cls, data):
        """Every entry carries a name that is safe to show, and the real bytes when they differ."""
        if isinstance(data, dict) and isinstance(data.get("file"), str) and (raw := raw_name(data["file"])) is not None:
            data = {**data, "file": safe_text(data["file"], name=True), "file_raw": data.get("file_raw") or raw}
        return data


class AuditSource(Model):
    """One input the decisions rest on, identified so that it can be found again."""

    id: str | None = None
    version: str | None = None
    date: dt.date | None = None
    source: str
    sha256: str


class Audit(Model):
    """What the decisions rest on, so a decision can be reproduced a year later. Each report's
    own sha256 is in its entry."""

    tool_version: str
    python: str
    pymupdf: str
    created: dt.datetime
    regime: AuditSource | None = None
    bureaus: AuditSource | None = None
    clms: AuditSource | None = None
    trust: list[AuditSource] = Field(default_factory=list)
    more_regimes: list[AuditSource] = Field(
        default_factory=list, description="Other regimes some reports were checked against (a jobcoaching report in a batch, say)."
    )
    settings: AuditSource | None = Field(
        default=None, description="The settings file (kto-ingest.toml) in force for this batch: its path and sha256."
    )


class BatchResult(Model):
    tool: Literal["kto-ingest"] = "kto-ingest"
    version: str
    regime: str | None = None
    audit: Audit | None = None
    reports: list[ReportEntry] = Field(default_factory=list)
    interrupted: bool = Field(default=False, description="The run was stopped (Ctrl-C) before every file was checked.")
    unchecked: list[str] = Field(default_factory=list, description="Files not checked because the run was stopped.")


def json_schema() -> dict:
    """The JSON Schema of the output, as printed by ``kto-ingest schema``."""
    return BatchResult.model_json_schema()
