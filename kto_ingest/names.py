"""Text that is safe to show: the one place where file names (and text from a PDF) are made
harmless for every output and the screen.

A Linux file name is bytes, not text: ``os.fsdecode`` turns bytes that are not UTF-8 into lone
surrogates (U+DC80-U+DCFF), which no UTF-8 writer accepts. A name may also hold control
characters (ESC starts a terminal escape sequence, a newline splits a CSV line, Excel refuses
them) and bidirectional controls (U+202E shows ``rapport‮fdp.exe`` as ``rapportexe.pdf``).

:func:`safe_text` shows every such character visibly and harmlessly; :func:`raw_name` keeps the
exact bytes of a name that had to be changed, percent-encoded, so the real file can be found
(``urllib.parse.unquote_to_bytes(file_raw)``).
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote

# C0 controls, DEL and C1 controls; lone surrogates; bidirectional controls and marks; the
# Unicode line and paragraph separators (they break lines like a newline does).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_WHITESPACE = {"\t", "\n", "\r"}


def _shown(char: str, name: bool) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"  # a byte that is not UTF-8: the replacement character
    if not name and char in _WHITESPACE:
        return " "  # in running text a line break or tab is only spacing
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture": ␛ for ESC, ␊ for a newline
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"  # C1 controls and bidirectional controls, named


def safe_text(text: str | None, name: bool = False) -> str | None:
    """``text`` with every control, bidi-control and undecodable character made visible and inert.

    ``name=True`` is for file names: a newline or tab in a name is shown (␊, ␉) rather than turned
    into a space, since it is part of the name. Text without such characters is returned as is.
    """
    if text is None or not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: _shown(m.group(), name), text)


def raw_name(text: str) -> str | None:
    """The exact bytes of a name that :func:`safe_text` would change, percent-encoded (RFC 3986);
    ``None`` when the name is shown as it is."""
    if not _UNSAFE.search(text):
        return None
    try:
        data = os.fsencode(text)
    except UnicodeEncodeError:  # a surrogate that no file name decodes to: keep it anyway
        data = text.encode("utf-8", "surrogatepass")
    return quote(data, safe="/")
