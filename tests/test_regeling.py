"""Which regeling, which year (issue 19, item 1): the regeling and why it was chosen in every
output, another year's report said once instead of two fails, and next year's regeling made by
`kto-ingest regeling nieuw` rather than by hand-editing TOML."""

from __future__ import annotations

import datetime as dt
import json
import tomllib

import pytest

from kto_ingest.cli import main
from kto_ingest.regime import RegimeError, derive_regime, load_regime

from .conftest import FIXTURES


def test_derived_regime_moves_every_date_and_marks_every_bron(tmp_path):
    new_id, text = derive_regime("uwv-scholing-2021", 2023)
    assert new_id == "uwv-scholing-2023"
    data = tomllib.loads(text)
    assert data["regime"]["id"] == "uwv-scholing-2023" and "2023" in data["regime"]["title"]
    params = data["params"]
    assert params["meetperiode"]["value"] == {"start": dt.date(2023, 1, 1), "end": dt.date(2023, 12, 31)}
    assert params["deadline"]["value"] == dt.date(2024, 3, 1)
    assert params["norm"]["value"] == 8.0  # numbers other than dates stay as they were
    brons = [p["bron"] for p in params.values()] + [data["regime"]["bron"]]
    assert all(b.startswith("afgeleid, controleer") for b in brons)
    path = tmp_path / "r.toml"
    path.write_text(text, "utf-8")
    assert load_regime(str(path)).id == "uwv-scholing-2023"


def test_a_29th_of_february_becomes_the_28th_in_a_common_year(tmp_path):
    source = tmp_path / "schrikkel-2020.toml"
    text = (FIXTURES.parent / "kto_ingest" / "regimes" / "uwv-scholing-2021.toml").read_text("utf-8")
    text = text.replace('id = "uwv-scholing-2021"', 'id = "schrikkel-2020"').replace("2021-01-01", "2020-01-01")
    text = text.replace("2021-12-31", "2020-12-31").replace("2022-03-01", "2020-02-29")
    source.write_text(text, "utf-8")
    _, derived = derive_regime(str(source), 2021)
    assert tomllib.loads(derived)["params"]["deadline"]["value"] == dt.date(2021, 2, 28)


def test_a_regime_without_a_dated_meetperiode_is_refused():
    with pytest.raises(RegimeError, match="geen meetperiode"):
        derive_regime("uwv-jobcoaching", 2022)


def test_regeling_nieuw_writes_refuses_to_overwrite_and_the_result_is_usable(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["regeling", "nieuw", "--van", "uwv-scholing-2021", "--jaar", "2023"]) == 0
    assert (tmp_path / "uwv-scholing-2023.toml").exists()
    assert main(["regeling", "nieuw", "--van", "uwv-scholing-2021", "--jaar", "2023"]) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert main([str(FIXTURES / "klantstem-per-perceel-2021.pdf"), "--regime", "uwv-scholing-2023.toml", "-f", "json", "-o", "uit.json"]) == 1
    report = json.loads((tmp_path / "uit.json").read_text("utf-8"))["reports"][0]
    assert report["regime"] == "uwv-scholing-2023" and report["regime_reason"] == "gekozen met --regime"
    [mp] = [c for c in report["checks"] if c["rule"] == "SCH-MEETPERIODE"]
    assert mp["status"] == "fail" and "--jaar 2021" in mp["message"]  # the 2021 report is another year's now


def test_another_years_report_is_said_once_not_failed_twice(registry):
    from kto_ingest.bureaus import load_register
    from kto_ingest.pipeline import Options, process_file

    entry = process_file(FIXTURES / "workaut-2023.pdf", registry, Options(regime=load_regime(), register=load_register()))
    by_rule = {c.rule: c for c in entry.checks}
    assert by_rule["SCH-MEETPERIODE"].status == "fail"
    assert "ander jaar" in by_rule["SCH-MEETPERIODE"].message and "regeling nieuw" in by_rule["SCH-MEETPERIODE"].message
    assert by_rule["SCH-TIJDIG"].status == "n/a" and "SCH-TIJDIG" not in entry.decided_by


def test_the_regeling_and_why_in_json_screen_and_overview(tmp_path, capsys):
    pdfs = [str(FIXTURES / "klantstem-per-perceel-2021.pdf"), str(FIXTURES / "jobcoaching-rapportage-2021.pdf")]
    main([*pdfs, "-f", "json", "-o", str(tmp_path / "uit.json"), "-o", str(tmp_path / "uit.csv")])
    reports = {r["file"].rsplit("/", 1)[-1]: r for r in json.loads((tmp_path / "uit.json").read_text("utf-8"))["reports"]}
    assert reports["klantstem-per-perceel-2021.pdf"]["regime_title"] == "UWV scholingsdiensten 2021"
    assert reports["klantstem-per-perceel-2021.pdf"]["regime_reason"] == "de standaardregeling"
    jc = reports["jobcoaching-rapportage-2021.pdf"]
    assert jc["regime"] == "uwv-jobcoaching" and "in plaats van UWV scholingsdiensten 2021" in jc["regime_reason"]
    overview = (tmp_path / "uit-overzicht.csv").read_text("utf-8-sig").splitlines()
    assert overview[0].split(";")[-1] == "Regeling" and "UWV scholingsdiensten 2021 (de standaardregeling)" in overview[1] + overview[2]
    capsys.readouterr()
    main([*pdfs])
    assert "Regeling: UWV scholingsdiensten 2021 (de standaardregeling)" in capsys.readouterr().out


@pytest.mark.parametrize("regime", ["uwv-scholing-2021", "uwv-jobcoaching", "blik-op-werk"])
def test_rules_speak_the_screens_words(regime, capsys):
    """Issue 19 item 7: no file names of sources, no JSON outcome values, no Python reprs."""
    assert main(["rules", "--regime", regime]) == 0
    out = capsys.readouterr().out
    for developer in ("seed", "'pass'", "'fail'", "'manual'", "datetime.", "None", "{'"):
        assert developer not in out, developer
    assert "'voldoet niet'" in out or "'handmatig'" in out


def test_rules_on_a_narrow_terminal_keep_their_indentation(capsys, monkeypatch):
    """Issue 19, seen at 80 columns: a rule's documentation wrapped back to the first column."""
    import io

    from rich.console import Console

    from kto_ingest import cli

    screen = io.StringIO()
    monkeypatch.setattr(cli, "_stdout_console", lambda: Console(file=screen, force_terminal=True, width=80, color_system=None))
    assert main(["rules", "--regime", "uwv-jobcoaching"]) == 0
    lines = [line for line in screen.getvalue().splitlines() if line.strip()]
    assert max(len(line) for line in lines) <= 80
    flush_left = [line for line in lines if not line.startswith(" ")]
    assert all(line.startswith(("Uitkomsten:", "JC-", "Parameters van")) for line in flush_left), flush_left


def test_no_finding_speaks_of_seeds(registry):
    """The sources are named as the account manager knows them, in findings too."""
    from kto_ingest.rules.jobcoaching import NO_PERIODS

    assert "seed" not in NO_PERIODS and "UWV-eisen voor jobcoaching" in NO_PERIODS
