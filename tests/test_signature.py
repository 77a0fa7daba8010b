"""Signatures: pyHanko validation of the signed fixtures, trust roots, changes after signing, and
visible signatures. The fixtures are signed at build time with a throw-away test CA whose
certificate is fixtures/pki/kto-ingest-test-ca.pem."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kto_ingest.bureaus import load_register
from kto_ingest.cli import main
from kto_ingest.document import open_document
from kto_ingest.pipeline import Options, process_file
from kto_ingest.regime import load_regime
from kto_ingest.signature import TrustError, inspect_signature, load_trust

from .conftest import FIXTURES

PKI = FIXTURES / "pki"

# fixture -> (kind, intact, coverage, modification, changed_pages, organisation, SCH-ONDERTEKEND with --trust)
EXPECTED = {
    "signed-intact": ("digital", True, "whole_file", "none", [], "Panteia", "pass"),
    "signed-changed-results": ("digital", False, "extended", "other", [7], "Panteia", "fail"),
    "signed-annotation": ("digital", True, "extended", "annotations", [2], "Panteia", "manual"),
    "signed-other-organisation": ("digital", True, "whole_file", "none", [], "Adviesbureau Elders B.V.", "manual"),
    "visual-signature": ("visual", None, None, None, [], None, "manual"),
    "leer-unique-2019": ("none", None, None, None, [], None, "fail"),
}


def signature_of(path: Path, trust=None):
    with open_document(path) as doc:
        return inspect_signature(doc, trust)


@pytest.mark.parametrize("name", EXPECTED)
def test_signature_facts(name):
    kind, intact, coverage, modification, changed, org, _ = EXPECTED[name]
    sig = signature_of(FIXTURES / f"{name}.pdf", load_trust(PKI))
    assert (sig.kind, sig.intact, sig.coverage, sig.modification, sig.changed_pages, sig.signer_organisation) == (
        kind, intact, coverage, modification, changed, org)
    if kind == "digital":
        assert sig.trusted is True and sig.signing_time is not None and sig.signer
        assert [d.name for d in sig.details] == ["Handtekening onderzoeksbureau"] and sig.fields == 1
    if kind == "visual":
        assert sig.pages == [16]


@pytest.mark.parametrize("name", EXPECTED)
def test_signature_rule_outcome(name):
    options = Options(regime=load_regime(), register=load_register(), trust=load_trust(PKI))
    entry = process_file(FIXTURES / f"{name}.pdf", None or _registry(), options)
    [check] = [c for c in entry.checks if c.rule == "SCH-ONDERTEKEND"]
    assert check.status == EXPECTED[name][-1], check.message


def _registry():
    from kto_ingest.registry import Registry

    return Registry.from_entry_points()


def test_without_trust_roots_an_intact_signature_is_untrusted_not_invalid():
    sig = signature_of(FIXTURES / "signed-intact.pdf")
    assert sig.intact is True and sig.trusted is False
    assert "vertrouwde uitgever" in sig.note
    entry = process_file(FIXTURES / "signed-intact.pdf", _registry(), Options(regime=load_regime()))
    [check] = [c for c in entry.checks if c.rule == "SCH-ONDERTEKEND"]
    assert check.status == "manual" and "J. de Vries" in check.message


def test_changed_page_is_named_in_the_finding():
    entry = process_file(FIXTURES / "signed-changed-results.pdf", _registry(), Options(regime=load_regime(), trust=load_trust(PKI)))
    [check] = [c for c in entry.checks if c.rule == "SCH-ONDERTEKEND"]
    assert check.page == 7 and "pagina 7" in check.message


def test_tampered_signed_bytes_are_broken(tmp_path):
    data = (FIXTURES / "signed-intact.pdf").read_bytes()
    target = b"Leerwerkbedrijf De Brug"  # in the document title, stored uncompressed inside the signed range
    assert data.count(target) >= 1
    tampered = tmp_path / "gewijzigd.pdf"
    tampered.write_bytes(data.replace(target, b"Leerwerkbedrijf De Brog", 1))
    sig = signature_of(tampered, load_trust(PKI))
    assert sig.kind == "digital" and sig.intact is False and "ongeldig" in sig.note


def test_trust_dir_errors(tmp_path):
    with pytest.raises(TrustError, match="geen certificaten"):
        load_trust(tmp_path)
    (tmp_path / "kapot.pem").write_text("geen certificaat", "utf-8")
    with pytest.raises(TrustError):
        load_trust(tmp_path)
    assert len(load_trust(PKI).certs) == 1 and load_trust(PKI).sources[0].sha256


def test_cli_trust_option_and_audit(capsys):
    code = main([str(FIXTURES / "signed-intact.pdf"), "--trust", str(PKI), "--format", "json", "-o", "-"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0  # handmatig: nothing fails
    report = data["reports"][0]
    assert report["verdict"] == "handmatig" and report["signature"]["trusted"] is True
    assert "SCH-ONDERTEKEND" not in report["decided_by"]
    assert data["audit"]["trust"][0]["source"].endswith("kto-ingest-test-ca.pem")


def test_signature_block_words_without_a_drawing_are_not_a_signature(tmp_path):
    import pymupdf

    path = tmp_path / "tekst.pdf"
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.insert_text((72, 100), "Ondertekend namens Panteia, voor akkoord.")
        page.insert_text((72, 130), "drs. J. de Vries, directeur")
        doc.save(path)
    assert signature_of(path).kind == "none"
    with pymupdf.open(path) as doc:  # now with an ink stroke right under the wording
        shape = doc[0].new_shape()
        shape.draw_bezier((80, 150), (100, 120), (120, 180), (140, 150))
        shape.draw_bezier((140, 150), (160, 120), (180, 180), (200, 150))
        shape.draw_bezier((200, 150), (220, 120), (240, 180), (260, 150))
        shape.finish(color=(0, 0, 0.5), fill=None, width=1)
        shape.commit()
        doc.save(tmp_path / "met-paraaf.pdf")
    sig = signature_of(tmp_path / "met-paraaf.pdf")
    assert sig.kind == "visual" and sig.pages == [1]


def _png(width: int, height: int, shade: int) -> bytes:
    import pymupdf

    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pix.clear_with(shade)
    return pix.tobytes("png")


def test_a_closing_block_with_a_picture_is_a_visible_signature(tmp_path):
    """Found by a corpus written apart from the reader: 'Vastgesteld / Directie X / prof. dr. C.
    Laan' with a signature picture was not recognised, and the report failed SCH-ONDERTEKEND."""
    import pymupdf

    path = tmp_path / "vastgesteld.pdf"
    with pymupdf.open() as doc:
        doc.new_page().insert_text((72, 100), "Klanttevredenheid scholingsdiensten 2021")
        page = doc.new_page()
        page.insert_text((72, 500), "Vastgesteld")
        page.insert_text((72, 516), "Directie Panorama Beleidsonderzoek")
        page.insert_image(pymupdf.Rect(72, 525, 200, 565), stream=_png(128, 40, 40))
        page.insert_text((72, 580), "prof. dr. C. Laan")
        doc.save(path)
    sig = signature_of(path)
    assert sig.kind == "visual" and sig.pages == [2]


def test_a_picture_after_the_cover_without_signature_words_is_a_possible_signature(tmp_path):
    """No digital signature and no signature wording, but a picture on an inner page: it may be a
    signature, so SCH-ONDERTEKEND asks a person instead of failing. A cover logo, or a logo repeated
    in every page's header, is not such a picture: without anything else the report still fails."""
    import pymupdf

    from kto_ingest.rules.base import Context
    from kto_ingest.rules.scholing import ondertekend
    from kto_ingest.schema import ReportEntry

    logo = _png(60, 30, 200)
    path = tmp_path / "logo.pdf"
    with pymupdf.open() as doc:
        for n in range(3):
            page = doc.new_page()
            page.insert_text((72, 200), f"Pagina {n + 1} van het rapport")
            page.insert_image(pymupdf.Rect(450, 20, 540, 50), stream=logo)  # the header logo, on every page
        doc[0].insert_image(pymupdf.Rect(72, 60, 272, 160), stream=_png(200, 100, 90))  # the cover picture
        doc.save(path)
    sig = signature_of(path)
    assert sig.kind == "none" and sig.candidate_pages == []
    ctx = Context(regime=load_regime("uwv-scholing-2021"))
    assert [c.status for c in ondertekend(ReportEntry(file="logo.pdf", status="parsed", pages=3, signature=sig), ctx)] == ["fail"]

    with pymupdf.open(path) as doc:
        doc[2].insert_image(pymupdf.Rect(72, 600, 200, 640), stream=_png(128, 40, 30))  # a scanned-in signature, no words
        doc.save(tmp_path / "handtekening.pdf")
    sig = signature_of(tmp_path / "handtekening.pdf")
    assert sig.kind == "none" and sig.candidate_pages == [3]
    checks = ondertekend(ReportEntry(file="handtekening.pdf", status="parsed", pages=3, signature=sig), ctx)
    assert [c.status for c in checks] == ["manual"] and "pagina 3" in checks[0].message and checks[0].page == 3


def test_unsigned_reports_do_not_load_pyhanko():
    code = (
        "import sys; from pathlib import Path; from kto_ingest.document import open_document; "
        "from kto_ingest.signature import inspect_signature; "
        f"d = open_document(Path({str(FIXTURES / 'leer-unique-2019.pdf')!r})); inspect_signature(d); "
        "print('pyhanko' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
