"""Error codes, exit codes and the one exception type that carries them.

A file the tool cannot read becomes a report entry with ``status="error"`` and
an ``error`` object ``{"code", "message"}``. The code is stable (other tools
read it); the message is Dutch and meant for the account manager.
"""

from __future__ import annotations

import enum
import re


class ErrorCode(enum.StrEnum):
    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    NOT_A_PDF = "not_a_pdf"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    TOO_LARGE = "too_large"
    NO_TEXT = "no_text"
    UNSUPPORTED_LAYOUT = "unsupported_layout"
    AMBIGUOUS_LAYOUT = "ambiguous_layout"
    PARSER_FAILED = "parser_failed"
    TIMEOUT = "timeout"
    CRASHED = "crashed"


# One sentence per code, shown when the raising code gives no more specific text.
DEFAULT_MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.NOT_FOUND: "Het bestand of de map bestaat niet.",
    ErrorCode.UNREADABLE: "Het bestand kan niet worden gelezen (geen leesrechten).",
    ErrorCode.EMPTY: "Het bestand is leeg (0 bytes).",
    ErrorCode.NOT_A_PDF: "Het bestand is geen PDF.",
    ErrorCode.CORRUPT: "De PDF is beschadigd en kan niet worden geopend.",
    ErrorCode.ENCRYPTED: "De PDF is beveiligd met een wachtwoord; vraag een onbeveiligde versie op.",
    ErrorCode.TOO_LARGE: "Het bestand is te groot om te controleren.",
    ErrorCode.NO_TEXT: "De PDF bevat geen tekst en geen gescande pagina's; er valt niets te lezen.",
    ErrorCode.UNSUPPORTED_LAYOUT: "De opmaak van dit rapport wordt niet herkend.",
    ErrorCode.AMBIGUOUS_LAYOUT: "Meerdere leesmodules herkennen dit rapport even goed; er is niet gekozen.",
    ErrorCode.PARSER_FAILED: "Het uitlezen van het rapport is mislukt door een interne fout.",
    ErrorCode.TIMEOUT: "Het controleren van dit bestand duurde te lang en is afgebroken.",
    ErrorCode.CRASHED: "Het controleren van dit bestand liet het leesprogramma vastlopen; de PDF is waarschijnlijk beschadigd.",
}


class KtoError(Exception):
    """The tool could not do its job for one file. Carries a stable code."""

    def __init__(self, code: ErrorCode, message: str | None = None, sha256: str | None = None) -> None:
        self.code = code
        self.message = message or DEFAULT_MESSAGES[code]
        self.sha256 = sha256  # set when the file's bytes were read before the error
        self.detections: list = []  # what the parsers saw, when no parser was chosen
        super().__init__(f"{code}: {self.message}")

    def with_detections(self, detections: list) -> "KtoError":
        self.detections = detections
        return self


_ALLOC_FAILED = re.compile(r"\b(?:m|re|c)alloc\b.*\bfailed\b")


def is_memory_error(exc: BaseException) -> bool:
    """Python's MemoryError, or MuPDF's failed allocation (raised as its own exception type)."""
    if isinstance(exc, MemoryError):
        return True
    text = f"{type(exc).__name__} {exc}".lower()
    return "fzerrormemory" in text or "out of memory" in text or bool(_ALLOC_FAILED.search(text))


class ExitCode(enum.IntEnum):
    """Process exit status of ``kto-ingest``; 2 is typer's usage error. When several apply, the
    highest listed here wins (an output that was not written matters more than a verdict)."""

    OK = 0
    NOT_COMPLIANT = 1
    USAGE = 2
    UNREADABLE = 3
    OUTPUT_FAILED = 4  # at least one output file could not be written; the others were
    NO_PDF = 5  # nothing to check: the folders hold no PDF (no output is written)
    INTERRUPTED = 130  # stopped with Ctrl-C (the shell's code); the outputs hold what was finished
