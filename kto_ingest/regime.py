"""Regimes (rule sets) are TOML files: which rules apply, and every parameter with its source.

Built-in regimes live in ``kto_ingest/regimes/``; ``--regime path.toml`` loads a copied and edited
file, so next year's norms are a data change, not a code change. A regime is validated when it is
loaded: a rule id that does not exist or a parameter without ``bron`` is an error then, not later.
"""

from __future__ import annotations

import hashlib
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

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
