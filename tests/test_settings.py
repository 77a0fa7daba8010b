"""Issue 18: settings set once (kto-ingest.toml), koepel successor names, the settings in the audit."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from kto_ingest.bureaus import RegisterError, load_register, same_organisation
from kto_ingest.cli import main
from kto_ingest.settings import SettingsError, load_settings, places

from .conftest import FIXTURES

PANTEIA_MEMBER = """
[[bureau]]
naam = "Panteia"
aliassen = ["Panteia B.V."]
status = "lid"
koepel = "lid van D&IN (voorheen MOA)"
bron = "ledenlijst D&IN, geraadpleegd voor deze test"
gecontroleerd = 2026-11-20
"""
MIN_RESPONSE = """
[parameters.uwv-scholing-2021.min_response]
value = 5
bron = "testwaarde: Richtlijn voor onderzoeksbureaus zoals ontvangen"
"""


def _check(args: list[str], tmp: Path, capsys) -> dict:
    out = tmp / "r.json"
    main([*args, "--jobs", "0", "--output", str(out)])
    capsys.readouterr()
    return json.loads(out.read_text("utf-8"))


def _finding(result: dict, rule: str) -> dict:
    [c] = [c for c in result["reports"][0]["checks"] if c["rule"] == rule]
    return c


def test_places_are_the_working_folder_then_the_user_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    work = tmp_path / "werk"
    work.mkdir()
    assert places(work) == [work / "kto-ingest.toml", tmp_path / "cfg" / "kto-ingest" / "kto-ingest.toml"]
    assert load_settings(cwd=work).path is None
    user = tmp_path / "cfg" / "kto-ingest" / "kto-ingest.toml"
    user.parent.mkdir(parents=True)
    user.write_text('regeling = "blik-op-werk"\n', "utf-8")
    assert load_settings(cwd=work).path == user.resolve() and load_settings(cwd=work).regeling == "blik-op-werk"
    (work / "kto-ingest.toml").write_text('regeling = "uwv-jobcoaching"\nclms = "export/clms.csv"\n', "utf-8")
    s = load_settings(cwd=work)
    assert s.path == (work / "kto-ingest.toml").resolve() and s.regeling == "uwv-jobcoaching"
    assert s.clms == (work / "export" / "clms.csv").resolve()  # relative to the settings file
    assert s.sha256 == hashlib.sha256((work / "kto-ingest.toml").read_bytes()).hexdigest()


@pytest.mark.parametrize("text, message", [
    ("regelng = 'x'\n", "regelng: is geen bekende instelling"),
    ("[parameters.uwv-scholing-2021.min_response]\nvalue = 30\n", "parameters.uwv-scholing-2021.min_response.bron: ontbreekt"),
    (PANTEIA_MEMBER.replace("2026-11-20", '"gisteren"'), "bureau.0.gecontroleerd: moet een datum zijn"),
    (PANTEIA_MEMBER.replace('status = "lid"', 'status = "misschien"'), "bureau.0.status: moet een van deze zijn"),
    ("regeling = \n", "is geen geldige TOML"),
])
def test_invalid_settings_are_refused_in_dutch(tmp_path, text, message):
    path = tmp_path / "kto-ingest.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(SettingsError, match="instellingenbestand") as info:
        load_settings(path)
    assert message in str(info.value)


def test_settings_make_a_pass_possible_and_are_in_the_audit(tmp_path, monkeypatch, capsys):
    settings = tmp_path / "kto-ingest.toml"
    settings.write_text(PANTEIA_MEMBER + MIN_RESPONSE, "utf-8")
    monkeypatch.chdir(tmp_path)
    pdf = str(FIXTURES / "leer-unique-2019.pdf")
    before = _check([pdf], tmp_path, capsys)  # found in the working folder
    bureau = _finding(before, "SCH-BUREAU")
    assert bureau["status"] == "pass" and "MOA" in bureau["message"] and "ledenlijst D&IN" in bureau["message"]
    respons = _finding(before, "SCH-RESPONS")
    assert respons["status"] == "pass" and "haalt de eis van 5 %" in respons["message"]
    audit = before["audit"]
    assert audit["settings"] == {"id": None, "version": None, "date": None, "source": str(settings.resolve()),
                                 "sha256": hashlib.sha256(settings.read_bytes()).hexdigest()}
    assert str(settings.resolve()) in audit["regime"]["source"] and str(settings.resolve()) in audit["bureaus"]["source"]
    from kto_ingest.report_html import to_html
    from kto_ingest.schema import BatchResult

    html = to_html(BatchResult.model_validate(before), images=False)
    assert f"<td>Instellingen</td><td>{settings.resolve()} </td><td class=\"muted\">{audit['settings']['sha256']}</td>" in html
    # command-line options win: --bureaus replaces the register with its inline entries
    register = tmp_path / "register.toml"
    shutil.copy(Path(__import__("kto_ingest").__file__).parent / "data" / "bureaus.toml", register)
    after = _check([pdf, "--bureaus", str(register)], tmp_path, capsys)
    assert _finding(after, "SCH-BUREAU")["status"] == "manual"
    # without the file, as shipped: no audit entry, no minimum response
    settings.unlink()
    plain = _check([pdf], tmp_path, capsys)
    assert plain["audit"]["settings"] is None and _finding(plain, "SCH-RESPONS")["status"] == "manual"


def test_explicit_settings_file_and_its_errors_on_the_command_line(tmp_path, capsys):
    missing = tmp_path / "weg.toml"
    assert main([str(FIXTURES / "leer-unique-2019.pdf"), "--instellingen", str(missing)]) == 2
    assert "bestaat niet" in capsys.readouterr().err
    typo = tmp_path / "typo.toml"
    typo.write_text("[parameters.uwv-scholing-2021.min_respons]\nvalue = 30\nbron = 'x'\n", "utf-8")
    assert main([str(FIXTURES / "leer-unique-2019.pdf"), "--instellingen", str(typo)]) == 2
    err = capsys.readouterr().err
    assert "min_respons" in err and "niet kent" in err


def test_parameters_reach_a_regime_chosen_per_report(tmp_path, capsys):
    path = tmp_path / "s.toml"
    path.write_text("[parameters.uwv-jobcoaching.norm_werknemer]\nvalue = 9.5\nbron = 'testwaarde'\n", "utf-8")
    result = _check([str(FIXTURES / "jobcoaching-rapportage-2021.pdf"), "--instellingen", str(path)], tmp_path, capsys)
    assert result["reports"][0]["regime"] == "uwv-jobcoaching"
    messages = [c["message"] for c in result["reports"][0]["checks"] if c["rule"] == "JC-NORM"]
    assert any("norm 9,5" in m for m in messages) and any("norm 6,5" in m for m in messages)


def test_default_regime_from_settings_and_overridden_by_the_option(tmp_path, capsys):
    path = tmp_path / "s.toml"
    path.write_text('regeling = "blik-op-werk"\n', "utf-8")
    pdf = str(FIXTURES / "leer-unique-2019.pdf")
    assert _check([pdf, "--instellingen", str(path)], tmp_path, capsys)["regime"] == "blik-op-werk"
    assert _check([pdf, "--instellingen", str(path), "--regime", "uwv-scholing-2021"], tmp_path, capsys)["regime"] == "uwv-scholing-2021"


def test_instellingen_command_shows_values_and_where_they_come_from(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["instellingen"]) == 0
    out = capsys.readouterr().out
    assert "Geen instellingenbestand" in out and "min_response = niet bekend" in out
    (tmp_path / "kto-ingest.toml").write_text(PANTEIA_MEMBER + MIN_RESPONSE, "utf-8")
    assert main(["instellingen"]) == 0
    out = capsys.readouterr().out
    here = str((tmp_path / "kto-ingest.toml").resolve())
    assert f"In gebruik: {here}" in out
    assert "min_response = 5" in out and "testwaarde: Richtlijn" in out
    assert "Panteia: lid van MOA (opgegeven als lid van D&IN (voorheen MOA))" in out
    assert "norm = 8,0" in out and "regeling builtin:uwv-scholing-2021" in out
    (tmp_path / "kto-ingest.toml").write_text("[parameters.uwv-scholing-2021.norm]\nvalue = 7.5\nbron = 'proef'\n", "utf-8")
    assert main(["instellingen"]) == 0
    assert f"norm = 7,5\n      bron: proef  (uit {here}; vervangt 8,0 uit de regeling)" in capsys.readouterr().out


def test_koepel_successor_names(tmp_path):
    shipped = load_register()
    assert shipped.koepel_of("lid van D&IN (voorheen MOA)") == "MOA"
    assert shipped.koepel_of("Data & Insights Network") == "MOA"
    assert shipped.koepel_of("VBO en MOA") is None and shipped.koepel_of("DIN") is None
    [moa] = shipped.koepel
    assert moa.bron and moa.opvolger == "Data & Insights Network"
    # a register in the old format (no [[koepel]]) still loads; a successor name it does not know is refused
    old = tmp_path / "oud.toml"
    old.write_text('[register]\ndatum = 2026-01-01\nbron = "x"\n\n[[bureau]]\nnaam = "A"\nstatus = "lid"\nkoepel = "VSO"\n'
                   'bron = "lijst"\ngecontroleerd = 2026-01-01\n', "utf-8")
    assert load_register(old).find("A").koepel == "VSO"
    old.write_text(old.read_text("utf-8").replace('koepel = "VSO"', 'koepel = "D&IN"'), "utf-8")
    with pytest.raises(RegisterError, match="geen naam die het register daarvoor kent"):
        load_register(old)
    assert same_organisation("Panteia B.V.", "PANTEIA")


def test_the_web_page_uses_the_settings_file_too(tmp_path, monkeypatch):
    """Issue 18: cli, drop wrapper and web page all use the settings; serve loads them through the
    same load_inputs() as check."""
    import kto_ingest.serve as serve_module
    from kto_ingest.serve_cli import serve

    (tmp_path / "kto-ingest.toml").write_text('regeling = "blik-op-werk"\n' + PANTEIA_MEMBER, "utf-8")
    monkeypatch.chdir(tmp_path)
    seen = {}
    monkeypatch.setattr(serve_module, "serve", lambda config, **kw: seen.setdefault("config", config))
    serve(port=0, host="127.0.0.1", open_browser=False, token=None, regime_name="", bureaus=None, trust_dir=None, clms=None,
          instellingen=None, jobs=0, timeout=10, max_memory=0, max_file_mb=1, max_upload_mb=1)
    options = seen["config"].options
    assert options.regime.id == "blik-op-werk" and options.regime_reason == "uit het instellingenbestand"
    assert options.register.find("Panteia").status == "lid"
    assert options.settings is not None and options.settings.sha256
