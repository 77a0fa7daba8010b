"""What the PDF says about signatures, as far as PyMuPDF can tell without cryptography.

A signature form field with a value means the file carries a digital signature;
whether it is intact and who signed it needs a signature validator and stays
None here. Visible (pasted or drawn) signatures are not recognised yet, so
"none" means: no digital signature field with a value.
"""

from __future__ import annotations

from ._pymupdf import pymupdf
from .document import Document
from .schema import Signature


def inspect_signature(doc: Document) -> Signature:
    fields = 0
    signed = 0
    for page in doc.fitz:
        for widget in page.widgets(types=[pymupdf.PDF_WIDGET_TYPE_SIGNATURE]) or []:
            fields += 1
            if widget.field_value:
                signed += 1
    if signed:
        return Signature(
            kind="digital",
            fields=fields,
            note=f"{signed} van {fields} handtekeningvelden ondertekend; echtheid nog niet gecontroleerd.",
        )
    note = "Geen digitale handtekening gevonden; zichtbare handtekeningen worden nog niet herkend."
    if fields:
        note = f"{fields} leeg handtekeningveld; " + note[0].lower() + note[1:]
    return Signature(kind="none", fields=fields, note=note)
