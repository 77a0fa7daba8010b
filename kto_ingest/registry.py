"""The vendor-parser contract and the registry that picks one per document.

Writing a parser
================
A parser is a class (registered as an entry point in the group
``kto_ingest.parsers``) with:

``id``
    Stable identifier written to the output (``"panteia-bow"``).
``name``
    Display name for people (Dutch is fine).
``detect(doc) -> Detection``
    Cheap (text already extracted; no table reading), never raises on odd
    input. Returns a score from 0 to 1 and the signals it looked for, each
    found or not, in Dutch: these are what ``kto-ingest explain`` shows when a
    user asks why a report was not recognised.
``parse(doc) -> Facts``
    Extracts the facts. Never validates against rules. A value that is not in
    the PDF stays None. Every extracted value should get an entry in
    ``Facts.evidence`` (page and raw text).

Built-in parsers (``parsers/``) load through the same entry-point path as
third-party ones. The parser with the highest score at or above its
``min_score`` wins; two parsers with the same best score are an error
(``ambiguous_layout``), never "first one wins".
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import ClassVar

from .document import Block, Document, Line
from .errors import ErrorCode, KtoError, is_memory_error
from .schema import Evidence, Facts

ENTRY_POINT_GROUP = "kto_ingest.parsers"


@dataclass(frozen=True)
class Signal:
    """One thing a parser looked for, with its weight in the score."""

    description: str
    found: bool
    weight: float
    page: int | None = None


@dataclass
class Detection:
    parser: str
    name: str
    score: float
    min_score: float
    signals: list[Signal] = field(default_factory=list)
    problem: str | None = None  # detect() itself failed

    @property
    def sure_enough(self) -> bool:
        return self.problem is None and self.score >= self.min_score

    @classmethod
    def from_signals(cls, parser: "Parser", signals: list[Signal]) -> "Detection":
        total = sum(s.weight for s in signals) or 1.0
        score = sum(s.weight for s in signals if s.found) / total
        return cls(parser.id, parser.name, round(score, 3), parser.min_score, signals)


class Parser(abc.ABC):
    id: ClassVar[str]
    name: ClassVar[str]
    min_score: ClassVar[float] = 0.6
    # A fallback parser (the generic one) is chosen only when no other parser is sure enough.
    fallback: ClassVar[bool] = False
    # The regime this parser's reports fall under when the user did not choose one (--regime).
    regime: ClassVar[str | None] = None

    @abc.abstractmethod
    def detect(self, doc: Document) -> Detection: ...

    @abc.abstractmethod
    def parse(self, doc: Document) -> Facts: ...


def add_evidence(facts: Facts, name: str, where: Line | Block, raw: str | None = None) -> None:
    """Record where a value came from: the page, the text as printed (or ``raw``) and its box."""
    facts.evidence[name] = Evidence(page=where.page, raw=raw or where.text, bbox=where.bbox)


@dataclass
class LoadProblem:
    entry_point: str
    message: str


@dataclass
class Registry:
    parsers: list[Parser]
    problems: list[LoadProblem] = field(default_factory=list)

    @classmethod
    def from_entry_points(cls) -> "Registry":
        parsers: list[Parser] = []
        problems: list[LoadProblem] = []
        seen: set[str] = set()
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            try:
                obj = ep.load()
                parser = obj() if isinstance(obj, type) else obj
                if not isinstance(parser, Parser):
                    raise TypeError(f"{ep.value} is geen kto_ingest.registry.Parser")
            except Exception as exc:  # a broken plug-in must not stop the tool
                problems.append(LoadProblem(ep.name, f"{type(exc).__name__}: {exc}"))
                continue
            if parser.id in seen:
                problems.append(LoadProblem(ep.name, f"parser-id {parser.id!r} is dubbel geregistreerd"))
                continue
            seen.add(parser.id)
            parsers.append(parser)
        return cls(parsers, problems)

    def detect_all(self, doc: Document, parsers: list[Parser] | None = None) -> list[Detection]:
        """Every parser's detection, best first; a crashing detect() scores 0 with the reason."""
        detections = []
        for parser in self.parsers if parsers is None else parsers:
            try:
                det = parser.detect(doc)
            except Exception as exc:
                if is_memory_error(exc):
                    raise
                det = Detection(parser.id, parser.name, 0.0, parser.min_score, problem=f"{type(exc).__name__}: {exc}")
            detections.append(det)
        return sorted(detections, key=lambda d: (-d.score, d.parser))

    def choose(self, doc: Document, complete: bool = False) -> tuple[Parser, list[Detection]]:
        """The parser for this document, or :class:`KtoError` saying what was tried (its
        ``detections`` holds them). Fallback parsers are asked only when no other parser is sure,
        or when ``complete`` asks for every detection (``kto-ingest explain``)."""
        detections = self.detect_all(doc, [p for p in self.parsers if not p.fallback])
        candidates = [d for d in detections if d.sure_enough]
        if complete or not candidates:
            later = self.detect_all(doc, [p for p in self.parsers if p.fallback])
            candidates = candidates or [d for d in later if d.sure_enough]
            detections = sorted(detections + later, key=lambda d: (-d.score, d.parser))
        if not candidates:
            tried = ", ".join(f"{d.name} ({d.score:.0%})" for d in detections) or "geen parsers geïnstalleerd"
            raise KtoError(
                ErrorCode.UNSUPPORTED_LAYOUT,
                f"De opmaak van dit rapport wordt niet herkend. Geprobeerd: {tried}.",
            ).with_detections(detections)
        best = candidates[0]
        tied = [d for d in candidates if d.score == best.score]
        if len(tied) > 1:
            names = " en ".join(d.name for d in tied)
            raise KtoError(
                ErrorCode.AMBIGUOUS_LAYOUT,
                f"{names} herkennen dit rapport even goed ({best.score:.0%}); er is niet gekozen.",
            ).with_detections(detections)
        parser = next(p for p in self.parsers if p.id == best.parser)
        return parser, detections
