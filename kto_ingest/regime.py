"""Regimes (rule sets) are TOML files: which rules apply, and every parameter with its source.

Built-in regimes live in ``kto_ingest/regimes/``; ``--regime path.toml`` loads a copied and edited
file, so next year's norms are a data change, not a code change. A regime is validated when it is
loaded: a rule id that does not exist or a parameter without ``bron`` is an error then, not later.
"""

from __future__ import annotations

import calendar
import hashlib
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, ValidationError

DEFAULT_REGIME = "uwv-scholing-2021"


class Param(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: Any = None  # None: no public source, the rule reports "manual"
    bron: str


class RegimeInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    title: str
    version: str
    bron: str
    rules: list[str]


class Regime(BaseModel):
    model_config = ConfigDict(extra="forbid")
    regime: RegimeInfo
    params: dict[str, Param] = {}
    sha256: str = ""
    source: str = ""  # "builtin:<name>" or the path it was loaded from

    @property
    def id(self) -> str:
        return self.regime.id

    def param(self, name: str) -> Param | None:
        return self.params.get(name)


class RegimeError(ValueError):
    pass


def builtin_names() -> list[str]:
    return sorted(p.name[:-5] for p in resources.files("kto_ingest.regimes").iterdir() if p.name.endswith(".toml"))


def load_regime(name_or_path: str = DEFAULT_REGIME) -> Regime:
    """A built-in regime by name, or a TOML file by path; validated against the known rules."""
    from .rules import RULES

    path = Path(name_or_path)
    if path.suffix == ".toml" and path.exists():
        data, source = path.read_bytes(), str(path)
    elif name_or_path in builtin_names():
        data = resources.files("kto_ingest.regimes").joinpath(f"{name_or_path}.toml").read_bytes()
        source = f"builtin:{name_or_path}"
    else:
        raise RegimeError(f"onbekende regeling {name_or_path!r}; kies uit {', '.join(builtin_names())} of een .toml-bestand")
    try:
        regime = Regime.model_validate({**tomllib.loads(data.decode("utf-8")), "sha256": hashlib.sha256(data).hexdigest(), "source": source})
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise RegimeError(f"regeling {name_or_path!r} is ongeldig: {exc}") from None
    unknown = [r for r in regime.regime.rules if r not in RULES]
    if unknown:
        raise RegimeError(f"regeling {name_or_path!r} noemt onbekende regels: {', '.join(unknown)}")
    return regime


_DATE = regex.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR_IN_ID = regex.compile(r"(?<!\d)(\d{4})(?!\d)")


def derive_regime(source: str, year: int) -> tuple[str, str]:
    """Next (or another) year's regime from an existing one: (new id, TOML text). Every date moves
    by the difference in years, the id, title and version take the new year, and every ``bron``
    is marked as derived, so that nobody mistakes it for a checked source. Comments stay."""
    regime = load_regime(source)
    old_year = _base_year(regime)
    if old_year is None:
        raise RegimeError(f"regeling {regime.id!r} heeft geen meetperiode met een jaartal; maak de nieuwe regeling met de hand")
    shift = year - old_year
    if regime.source.startswith("builtin:"):
        text = resources.files("kto_ingest.regimes").joinpath(f"{regime.id}.toml").read_text("utf-8")
    else:
        text = Path(regime.source).read_text("utf-8")
    new_id = _YEAR_IN_ID.sub(str(year), regime.id) if _YEAR_IN_ID.search(regime.id) else f"{regime.id}-{year}"

    def move(m: regex.Match) -> str:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if (mo, d) == (2, 29) and not calendar.isleap(y + shift):
            d = 28
        return f"{y + shift:04d}-{mo:02d}-{d:02d}"

    out = []
    for line in text.splitlines():
        stripped = line.lstrip()
        key = stripped.split("=", 1)[0].strip() if "=" in stripped and not stripped.startswith("#") else None
        if key == "id":
            line = f'id = "{new_id}"'
        elif key in ("title", "version"):
            line = _YEAR_IN_ID.sub(lambda m: str(int(m.group(1)) + shift), line)
        elif key == "bron":
            value = stripped.split("=", 1)[1].strip()
            inner = value[1:-1] if value.startswith('"') and value.endswith('"') else value
            line = (line[: len(line) - len(stripped)] + f'bron = "afgeleid, controleer: {regime.id} met datums {shift:+d} jaar '
                    f'verschoven, nog niet gecontroleerd tegen de eisen van {year}. Oorspronkelijk: {inner}"')
        elif not stripped.startswith("#"):
            line = _DATE.sub(move, line)
        out.append(line)
    header = (f"# Afgeleid van {regime.id} (sha256 {regime.sha256[:12]}) door 'kto-ingest regeling nieuw' voor {year}.\n"
              "# Alle datums zijn verschoven; elke bron is gemarkeerd 'afgeleid, controleer'. Controleer elke waarde tegen de\n"
              f"# eisen van UWV voor {year} en pas de bron aan voordat rapporten op deze regeling worden beoordeeld.\n")
    return new_id, header + "\n".join(out) + "\n"


def _base_year(regime: Regime) -> int | None:
    period = regime.params.get("meetperiode")
    value = period.value if period is not None else None
    if isinstance(value, dict) and value.get("start") is not None:
        return value["start"].year
    match = _YEAR_IN_ID.search(regime.id)
    return int(match.group(1)) if match else None
