"""Changed signed reports must never pass as "signed and intact" (issue 12).

Each variant of fixtures/tamper.py is built from fixtures/signed-intact.pdf in a temporary folder
and checked the way an account manager runs kto-ingest: with the test CA as trust root. Then two
properties: no byte changed inside the signed range, and no appended update that changes what a
page shows or which revision is read, ever yields SCH-ONDERTEKEND ``pass``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures import tamper
from kto_ingest._pymupdf import pymupdf
from kto_ingest.bureaus import load_register, same_organisation
from kto_ingest.document import open_document
from kto_ingest.pipeline import Options, process_file
from kto_ingest.regime import load_regime
from kto_ingest.signature import inspect_signature, load_trust

from .conftest import FIXTURES

PKI = FIXTURES / "pki"
SIGNED = (FIXTURES / "signed-intact.pdf").read_bytes()


@pytest.fixture(scope="module")
def variants(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tamper")
    for name, make in tamper.VARIANTS.items():
        (folder / f"{name}.pdf").write_bytes(make(SIGNED))
    (folder / "sticky_note.pdf").write_bytes(tamper.sticky_note(SIGNED))
    return folder


def signature_of(path: Path):
    with open_document(path) as doc:
        return inspect_signature(doc, load_trust(PKI))


def ondertekend(path: Path, registry):
    options = Options(regime=load_regime(), register=load_register(), trust=load_trust(PKI))
    entry = process_file(path, registry, options)
    [check] = [c for c in entry.checks if c.rule == "SCH-ONDERTEKEND"] or [None]
    return entry, check


def test_the_untouched_file_passes(registry, tmp_path):
    """The control: without this the tests below could pass on a rule that never passes."""
    path = tmp_path / "intact.pdf"
    path.write_bytes(SIGNED)
    entry, check = ondertekend(path, registry)
    assert check.status == "pass", check.message
    assert entry.signature.details[0].revision_problem is None and entry.signature.covered == []


CHANGED = sorted(set(tamper.VARIANTS) - {"deep_array_update"})


@pytest.mark.parametrize("name", CHANGED)
def test_every_changed_variant_fails_the_signature_rule(variants, registry, name):
    entry, check = ondertekend(variants / f"{name}.pdf", registry)
    assert entry.signature.intact is False, entry.signature.note
    assert check.status == "fail", check.message
    assert "niet geldig" in check.message


def test_startxref_differential_is_named(variants):
    sig = signature_of(variants / "startxref_comment.pdf")
    field = sig.details[0]
    assert field.revision_problem and "andere versie" in field.revision_problem
    assert 7 in sig.changed_pages  # and the changed page is found too, now that it is not ignored


def test_pyhanko_and_mupdf_would_otherwise_disagree(variants):
    """The variant really is a differential: pyHanko sees no later revision, MuPDF reads the changed
    page. If a library update closes the gap, this test says so (and the check stays harmless)."""
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    data = (variants / "startxref_comment.pdf").read_bytes()
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    assert reader.xrefs.total_revisions == 2  # the signed one and the one before: the update is unseen
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        assert "7,3" in doc[tamper.RESULTS_PAGE - 1].get_text()


@pytest.mark.parametrize("name", ["covering_widget", "covering_freetext"])
def test_fields_and_annotations_drawn_over_text_name_what_they_cover(variants, name):
    sig = signature_of(variants / f"{name}.pdf")
    assert sig.intact is False
    assert any(c.startswith("pagina 7:") and "8,3" in c for c in sig.covered), sig.covered
    assert 7 in sig.changed_pages


def test_swapped_glyphs_with_a_note_elsewhere_is_not_relabelled_as_annotations(variants):
    sig = signature_of(variants / "swapped_glyphs.pdf")
    assert sig.modification == "other" and sig.intact is False
    assert 7 in sig.changed_pages


def test_a_sticky_note_on_blank_paper_is_for_a_person_not_a_fail(variants, registry):
    entry, check = ondertekend(variants / "sticky_note.pdf", registry)
    sig = entry.signature
    assert (sig.intact, sig.modification, sig.changed_pages, sig.covered) == (True, "annotations", [2], [])
    assert check.status == "manual" and "pagina 2" in check.message


def test_a_sticky_note_over_a_score_is_named(registry, tmp_path):
    path = tmp_path / "notitie.pdf"
    path.write_bytes(tamper._incremental(SIGNED, lambda doc: doc[6].add_text_annot((455, 252), "klopt dit?")))
    entry, check = ondertekend(path, registry)
    assert entry.signature.covered and "8,3" in entry.signature.covered[0]
    assert check.status == "manual" and "8,3" in check.message


def test_an_update_nobody_can_read_is_for_a_person(variants, registry):
    """An unreferenced object nested 200,000 deep: MuPDF cannot read it, so kto-ingest cannot tell
    whether another reader would make something of it. Not a pass, not a fail: a person looks."""
    entry, check = ondertekend(variants / "deep_array_update.pdf", registry)
    assert entry.signature.intact is None and check.status == "manual"
    assert "niet te lezen" in check.message


def test_broken_signature_bytes_fail_without_a_traceback(variants):
    result = subprocess.run(
        [sys.executable, "-m", "kto_ingest", str(variants / "zeroed_contents.pdf"), str(variants / "deep_array_update.pdf"),
         "--trust", str(PKI), "--format", "json", "-o", "-", "--jobs", "1"],
        capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    reports = {Path(r["file"]).name: r for r in json.loads(result.stdout)["reports"]}
    statuses = {name: [c["status"] for c in r["checks"] if c["rule"] == "SCH-ONDERTEKEND"] for name, r in reports.items()}
    assert statuses == {"zeroed_contents.pdf": ["fail"], "deep_array_update.pdf": ["manual"]}
    assert "beschadigd" in reports["zeroed_contents.pdf"]["signature"]["note"]


# ---- the signer's organisation ----------------------------------------------------------------
@pytest.mark.parametrize(("bureau", "organisation", "same"), [
    ("Panteia", "Panteia", True),
    ("Panteia", "PANTEIA B.V.", True),
    ("Panteia", "Panteia BV", True),
    ("Panteia", "Geen Panteia Vervalsingen B.V.", False),
    ("Panteia", "Panteia Vervalsingen", False),
    ("Panteia", "Adviesbureau Elders B.V.", False),
    ("Panteia", None, False),
    ("", "Panteia", False),
])
def test_organisations_match_exactly_after_normalisation(bureau, organisation, same):
    assert same_organisation(bureau, organisation, load_register()) is same


def _sign_as(organisation: str, tmp_path: Path) -> Path:
    from fixtures.sign import TestPki, sign_pdf

    pki = TestPki.create()
    (tmp_path / "ca").mkdir()
    (tmp_path / "ca" / "ca.pem").write_bytes(pki.ca_pem())
    path = tmp_path / "rapport.pdf"
    path.write_bytes((FIXTURES / "leer-unique-2019.pdf").read_bytes())
    sign_pdf(path, pki.signer(organisation, "A. Bedrieger"), location="Zoetermeer", reason="Goedgekeurd")
    return path


def test_a_look_alike_organisation_is_not_the_bureau(registry, tmp_path):
    path = _sign_as("Geen Panteia Vervalsingen B.V.", tmp_path)
    options = Options(regime=load_regime(), register=load_register(), trust=load_trust(tmp_path / "ca"))
    entry = process_file(path, registry, options)
    assert entry.bureau == "Panteia" and entry.signature.intact is True and entry.signature.trusted is True
    [check] = [c for c in entry.checks if c.rule == "SCH-ONDERTEKEND"]
    assert check.status == "manual" and "Geen Panteia Vervalsingen" in check.message


def test_the_bureau_itself_in_other_letters_passes(registry, tmp_path):
    path = _sign_as("PANTEIA b.v.", tmp_path)
    options = Options(regime=load_regime(), register=load_register(), trust=load_trust(tmp_path / "ca"))
    [check] = [c for c in process_file(path, registry, options).checks if c.rule == "SCH-ONDERTEKEND"]
    assert check.status == "pass", check.message


# ---- properties ---------------------------------------------------------------------------------
def _signed_ranges(data: bytes) -> list[tuple[int, int]]:
    a, b, c, d = map(int, re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", data).groups())
    return [(a, a + b), (c, c + d)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_no_byte_changed_inside_the_signed_range_passes(registry, tmp_path, data):
    (s0, e0), (s1, e1) = _signed_ranges(SIGNED)
    position = data.draw(st.one_of(st.integers(s0, e0 - 1), st.integers(s1, e1 - 1)), label="position")
    changed = tamper.flip_signed_byte(SIGNED, position)
    if changed == SIGNED:
        return
    path = tmp_path / "byte.pdf"
    path.write_bytes(changed)
    entry, check = ondertekend(path, registry)
    assert check is None or check.status != "pass", (position, check.message)


def _update_text(doc, page, x, y):
    doc[page].insert_text((x, y), "9,9", fontname="helv", fontsize=9)


def _update_rotation(doc, page, x, y):
    doc[page].set_rotation(90)


def _update_mediabox(doc, page, x, y):
    doc[page].set_mediabox(pymupdf.Rect(0, 0, 400 + x % 100, 500 + y % 100))


def _update_image(doc, page, x, y):
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 4, 4), False)
    pix.clear_with(200)
    doc[page].insert_image(pymupdf.Rect(x, y, x + 20, y + 20), pixmap=pix)


def _update_delete_page(doc, page, x, y):
    doc.delete_page(page)


def _update_font_widths(doc, page, x, y):
    font = next(f[0] for f in doc[page].get_fonts() if f[3] == "Helvetica")
    doc.xref_set_key(font, "Encoding", "<</Type/Encoding/BaseEncoding/WinAnsiEncoding/Differences[48/one/zero]>>")


def _update_contents_stream(doc, page, x, y):
    xref = doc[page].get_contents()[0]
    doc.update_stream(xref, doc.xref_stream(xref).replace(b"8,3", b"9,3").replace(b"41,7", b"47,1"))


UPDATES = [_update_text, _update_rotation, _update_mediabox, _update_image, _update_delete_page, _update_font_widths,
           _update_contents_stream]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(update=st.sampled_from(UPDATES), page=st.integers(0, 14), x=st.integers(40, 500), y=st.integers(40, 780),
       note=st.booleans(), comment_tail=st.booleans())
def test_no_update_that_changes_a_page_passes(registry, tmp_path, update, page, x, y, note, comment_tail):
    def change(doc):
        update(doc, page, x, y)
        if note:  # a harmless-looking note elsewhere must not relabel the change as "annotations"
            doc[0].add_text_annot((560, 20), "Gezien.")

    changed = tamper._incremental(SIGNED, change)
    if comment_tail:  # and hide the update from pyHanko's view
        tail = changed.rindex(b"startxref")
        changed = changed[:tail] + b"startxref\n%d\n%%%%EOF\n%%startxref\n%d\n" % (
            tamper._last_startxref(SIGNED), tamper._last_startxref(changed))
    path = tmp_path / "update.pdf"
    path.write_bytes(changed)
    entry, check = ondertekend(path, registry)
    assert entry.status == "parsed" and entry.signature.kind == "digital"
    assert entry.signature.intact is False and check.status == "fail", (update.__name__, page, check.message)


# ---- honest changes stay honest ---------------------------------------------------------------
def _sign(data: bytes, pki, organisation: str, field: str, box=None) -> bytes:
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    if box:
        fields.append_signature_field(writer, fields.SigFieldSpec(field, on_page=0, box=box))
    out = io.BytesIO()
    signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name=field), signer=pki.signer(organisation, "J. de Vries"), output=out)
    return out.getvalue()


@pytest.mark.parametrize("linearized", [False, True])
@pytest.mark.parametrize("countersign", [None, "invisible", "visible"])
def test_countersignatures_and_linearized_files_are_not_changes(registry, tmp_path, countersign, linearized):
    """A second signature (UWV's, say) is form filling; a linearized file ("snelle webweergave")
    has an extra xref section that is not a revision. Neither may cost the bureau its pass."""
    from fixtures.sign import TestPki

    pki = TestPki.create()
    (tmp_path / "ca").mkdir()
    (tmp_path / "ca" / "ca.pem").write_bytes(pki.ca_pem())
    source = FIXTURES / "leer-unique-2019.pdf"
    if linearized:  # qpdf from Debian, installed by .ci/run
        subprocess.run(["qpdf", "--linearize", str(source), str(tmp_path / "lin.pdf")], check=True)
        source = tmp_path / "lin.pdf"
    data = _sign(source.read_bytes(), pki, "Panteia B.V.", "Bureau")
    if countersign:
        data = _sign(data, pki, "UWV", "Tweede", box=(380, 20, 560, 45) if countersign == "visible" else None)
    path = tmp_path / "rapport.pdf"
    path.write_bytes(data)
    options = Options(regime=load_regime(), register=load_register(), trust=load_trust(tmp_path / "ca"))
    entry = process_file(path, registry, options)
    [check] = [c for c in entry.checks if c.rule == "SCH-ONDERTEKEND"]
    assert entry.signature.modification == ("form_filling" if countersign else "none")
    assert check.status == "pass", check.message
