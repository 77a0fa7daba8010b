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


@pytest.mark.parametrize("line", ["w.g. drs. J. Jansen", "Voor akkoord:", "Met vriendelijke groet,", "Vastgesteld", "Directie X"])
def test_words_of_a_signature_block(line):
    from kto_ingest.signature import SIGNATURE_WORDS

    assert SIGNATURE_WORDS.search(line)


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


def _hex_outcome(read, data: bytes):
    import io

    stream = io.BytesIO(data)
    try:
        value = read(stream)
        return type(value).__name__, bytes(value) if isinstance(value, bytes) else str(value), stream.tell()
    except Exception as exc:  # noqa: BLE001 - the error itself is compared
        return type(exc).__name__, str(exc), None


def test_fast_hex_strings_read_exactly_what_pyhanko_reads():
    """The one-pass hex string reader (signature.fast_hex_strings) against pyHanko's own function, on
    long signature-like strings and on every kind of odd one (white space, odd digit counts,
    comments, stray characters, strings cut off): same value and type, same position after, same
    error."""
    import random

    from pyhanko.pdf_utils import generic

    from kto_ingest.signature import fast_hex_strings

    fast_hex_strings()
    fast = generic.read_hex_string_from_stream
    original = fast.pyhanko_original
    assert fast is not original
    rng = random.Random(16)
    alphabet = [b"0", b"7", b"a", b"F", b"e", b" ", b"\n", b"\r\n", b"\x00", b"\t", b"\f", b"%c\n", b"x", b"<", b"(", b"g"]
    cases = [b"<>", b"<", b"", b"<0>", b"<abc>", b"<4142 43>rest", b"<41%comment\n42>", b"<41 4x>", b"<feff0041>",
             b"<" + b"30" * 20_000 + b">trailer", b"<" + b"ab" * 9_000 + b"\n" + b"00" * 9_000 + b">", b"<" + b"ab" * 10_000]
    for _ in range(3000):
        n = rng.choice([0, 1, 3, 10, 100, 5000])
        body = b"".join(rng.choice(alphabet[:10] if rng.random() < 0.7 else alphabet) for _ in range(n))
        cases.append(b"<" + body + rng.choice([b">", b">>", b"> 0 R", b""]))
    for data in cases:
        assert _hex_outcome(fast, data) == _hex_outcome(original, data), data[:80]


def test_signed_report_judged_the_same_with_pyhankos_own_hex_reader(monkeypatch):
    """The whole signature verdict does not depend on which hex reader pyHanko uses."""
    from pyhanko.pdf_utils import generic

    from kto_ingest import signature

    trust = load_trust(PKI)
    for name in ("signed-intact", "signed-changed-results", "signed-annotation"):
        fast = signature_of(FIXTURES / f"{name}.pdf", trust)
        with monkeypatch.context() as m:
            m.setattr(generic, "read_hex_string_from_stream", generic.read_hex_string_from_stream.pyhanko_original)
            m.setattr(signature, "fast_hex_strings", lambda: None)
            slow = signature_of(FIXTURES / f"{name}.pdf", trust)
        assert fast.model_dump() == slow.model_dump(), name


def test_a_signature_stored_in_an_object_stream_is_still_validated(tmp_path):
    """Rewritten with compressed object streams, a signed report shows no literal /ByteRange in its
    bytes (and MuPDF gives a signature widget no value); the form's /FT /Sig field with a /V still
    sends it to pyHanko, which finds the signature broken. Before, it passed for an empty field."""
    from kto_ingest._pymupdf import pymupdf

    path = tmp_path / "objectstromen.pdf"
    with pymupdf.open(FIXTURES / "signed-intact.pdf") as doc:
        doc.save(path, garbage=1, use_objstms=1, deflate=True)
    assert b"/ByteRange" not in path.read_bytes()
    sig = signature_of(path, load_trust(PKI))
    assert sig.kind == "digital" and sig.intact is False


def _pyhanko_used(path: Path) -> tuple[bool, str]:
    code = (
        "import sys; from pathlib import Path; from kto_ingest.document import open_document; "
        "from kto_ingest.signature import inspect_signature; "
        f"d = open_document(Path({str(path)!r})); s = inspect_signature(d); "
        "print('pyhanko' in sys.modules, s.kind)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return out[0] == "True", out[1]


def test_a_byterange_without_a_form_still_goes_to_pyhanko(tmp_path):
    """A signature dictionary that no form field points to: no widget, no /AcroForm, but a
    /ByteRange in the bytes. It still goes through validation (pyHanko is loaded and asked); an
    unsigned report never loads pyHanko."""
    from kto_ingest._pymupdf import pymupdf

    path = tmp_path / "losse-handtekening.pdf"
    with pymupdf.open(FIXTURES / "leer-unique-2019.pdf") as doc:
        xref = doc.get_new_xref()
        doc.update_object(xref, "<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 10 20 30] /Contents <00> >>")
        doc.save(path)
    assert b"/ByteRange" in path.read_bytes()
    with pymupdf.open(path) as doc:
        assert doc.xref_get_key(doc.pdf_catalog(), "AcroForm")[0] == "null"
    assert _pyhanko_used(path)[0] is True
    assert _pyhanko_used(FIXTURES / "leer-unique-2019.pdf") == (False, "none")


def test_validation_loads_pyhanko_without_its_signing_api():
    """A signed report is validated without pyHanko's signing API and HTTP client being imported
    (signature.validation_only_pyhanko), with exactly the judgement of a normal import of pyHanko;
    and whatever asks for the signing API afterwards still gets it."""
    code = (
        "import json, sys; from pathlib import Path; from kto_ingest import signature; "
        "from kto_ingest.document import open_document\n"
        "if sys.argv[1] == 'normal': import pyhanko.sign\n"
        f"trust = signature.load_trust(Path({str(PKI)!r}))\n"
        "out = [signature.inspect_signature(open_document(Path(p)), trust).model_dump(mode='json') for p in sys.argv[2:]]\n"
        "print(json.dumps(out)); print('aiohttp' in sys.modules)\n"
        "from pyhanko.sign import PdfSigner, DEFAULT_MD; print(PdfSigner.__name__, DEFAULT_MD)"
    )
    files = [str(FIXTURES / f"{name}.pdf") for name in ("signed-intact", "signed-changed-results", "signed-annotation")]
    runs = {mode: subprocess.run([sys.executable, "-c", code, mode, *files], capture_output=True, text=True, check=True).stdout.splitlines()
            for mode in ("lean", "normal")}
    assert runs["lean"][0] == runs["normal"][0]
    assert [r["kind"] for r in json.loads(runs["lean"][0])] == ["digital"] * 3
    assert runs["lean"][1] == "False" and runs["normal"][1] == "True"
    assert runs["lean"][2] == runs["normal"][2] == "PdfSigner sha256"
