"""The data a decision rests on besides the PDF: the bureau register and the CLMS export."""

from __future__ import annotations

import datetime as dt

import pytest

from kto_ingest.bureaus import RegisterError, load_register, normalise_name
from kto_ingest.clms import ClmsError, load_clms


def test_names_compare_without_legal_form_case_or_diacritics():
    assert normalise_name("Panteia B.V.") == normalise_name("PANTEIA") == normalise_name("panteia bv")
    assert normalise_name("Coöperatie Zuid") == normalise_name("Cooperatie Zuid")
    assert normalise_name("Leer & Zo") != normalise_name("Leer Zo")


@pytest.mark.parametrize("body, words", [
    ('[register]\ndatum = 2022-01-01\nbron = "x"\n[[bureau]]\nnaam = "A"\nstatus = "lid"\nbron = "x"\ngecontroleerd = 2022-01-01\n',
     "vraagt een koepel"),
    ('[register]\ndatum = 2022-01-01\nbron = "x"\n[[bureau]]\nnaam = "A"\nstatus = "lid"\nkoepel = "ABC"\nbron = "x"\ngecontroleerd = 2022-01-01\n',
     "koepel"),
    ('[register]\ndatum = 2022-01-01\nbron = "x"\n[[bureau]]\nnaam = "A"\nstatus = "lid"\nkoepel = "VBO"\nbron = "x"\n', "gecontroleerd"),
    ('[register]\ndatum = 2022-01-01\nbron = "x"\n[[bureau]]\nnaam = "A"\nstatus = "onbevestigd"\nbron = "x"\ngecontroleerd = 2022-01-01\n'
     '[[bureau]]\nnaam = "B"\naliassen = ["A B.V."]\nstatus = "onbevestigd"\nbron = "x"\ngecontroleerd = 2022-01-01\n', "zowel"),
    ("dit is geen toml [", "ongeldig"),
])
def test_register_is_checked_when_loaded(tmp_path, body, words):
    path = tmp_path / "bureaus.toml"
    path.write_text(body, "utf-8")
    with pytest.raises(RegisterError, match=words):
        load_register(path)


def test_register_records_its_hash_and_source(tmp_path):
    shipped = load_register()
    assert shipped.source.endswith("bureaus.toml") and len(shipped.sha256) == 64
    with pytest.raises(RegisterError, match="kan niet worden gelezen"):
        load_register(tmp_path / "bestaat-niet.toml")


def write(tmp_path, text, encoding="utf-8-sig"):
    path = tmp_path / "clms.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_clms_export_as_dutch_excel_writes_it(tmp_path):
    path = write(tmp_path, "Bestand;Leverancier;Ontvangstdatum;Perceel;Beëindigd\r\n"
                           "leer-unique.pdf;Leer Unique;15-02-2022;Opleidingen;128\r\n"
                           "leer-unique.pdf;Leer Unique;15-02-2022;Leerbanen;4\r\n"
                           ";Coöperatie Zuid B.V.;2022-03-02;Opleidingen;1.200\r\n\r\n")
    export = load_clms(path)
    rec = export.lookup("map/Leer-Unique.pdf", None)
    assert rec.received == dt.date(2022, 2, 15) and rec.ended == {"Opleidingen": 128, "Leerbanen": 4}
    by_supplier = export.lookup("ander-bestand.pdf", "Cooperatie Zuid")
    assert by_supplier.received == dt.date(2022, 3, 2) and by_supplier.ended == {"Opleidingen": 1200}
    assert export.lookup("x.pdf", "Onbekend") is None
    assert len(export.sha256) == 64


def test_clms_comma_separated_and_windows_encoding(tmp_path):
    path = write(tmp_path, "leverancier,ontvangen\nCoöperatie Zuid,1 maart 2022\n", encoding="cp1252")
    assert load_clms(path).lookup(None, "Coöperatie Zuid").received == dt.date(2022, 3, 1)


@pytest.mark.parametrize("text, words", [
    ("naam;datum\nx;1-1-2022\n", "bestand' of 'leverancier"),
    ("bestand;ontvangen\nx.pdf;gisteren\n", "regel 2: ontvangstdatum 'gisteren'"),
    ("bestand;ontvangen\nx.pdf;1-3-2022\nx.pdf;2-3-2022\n", "regel 3: andere ontvangstdatum"),
    ("bestand;perceel;beeindigd\nx.pdf;Opleidingen;veel\n", "geen geheel getal"),
    ("bestand;beeindigd\nx.pdf;3\n", "kolom 'perceel' ontbreekt"),
    ("", "leeg"),
])
def test_clms_errors_name_the_line(tmp_path, text, words):
    with pytest.raises(ClmsError, match=words):
        load_clms(write(tmp_path, text))
