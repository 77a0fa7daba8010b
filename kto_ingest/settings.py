"""Settings set once: a TOML file with what the UWV team knows and enters once, not per run.

Looked up, the first that exists wins:

1. the file named with ``--instellingen FILE`` (it must exist);
2. ``kto-ingest.toml`` in the working folder;
3. ``kto-ingest.toml`` in the user's configuration folder (platformdirs: on Linux
   ``~/.config/kto-ingest/``, on Windows ``%LOCALAPPDATA%\\kto-ingest\\``, on macOS
   ``~/Library/Application Support/kto-ingest/``).

Without a file everything is as shipped. A command-line option always wins over the file. Paths
in the file are relative to the file's own folder. The file is validated when it is loaded, with
Dutch messages; every parameter value needs its ``bron``: the project still ships no number
without a source, and a value entered here names where it came from.

    regeling = "uwv-scholing-2021"          # standaardregeling (naam of .toml-bestand)
    bureauregister = "bureaus.toml"         # bijgewerkt bureauregister
    vertrouwd = "certificaten"              # map met vertrouwde (root)certificaten
    clms = "clms-export.csv"                # CLMS-export
    brieven = "briefsjablonen"              # map met eigen briefsjablonen (<regeling>.toml)

    [[bureau]]                              # bevestigde leden, aanvullend op het register
    naam = "Panteia"
    status = "lid"
    koepel = "D&IN (voorheen MOA)"
    bron = "ledenlijst www.dutchresearchers.com"
    gecontroleerd = 2026-11-20

    [parameters.uwv-scholing-2021.min_response]
    value = 30
    bron = "Richtlijn voor onderzoeksbureaus, versie 2021, ontvangen van UWV"
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .bureaus import Bureau, Koepel, Register, RegisterError, load_register, normalise_name
from .regime import Param, Regime

FILE_NAME = "kto-ingest.toml"
APP_NAME = "kto-ingest"


class SettingsError(ValueError):
    pass


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SettingsFile(_Model):
    regeling: str | None = None
    bureauregister: str | None = None
    vertrouwd: str | None = None
    clms: str | None = None
    brieven: str | None = None
    bureau: list[Bureau] = Field(default_factory=list)
    koepel: list[Koepel] = Field(default_factory=list)
    parameters: dict[str, dict[str, Param]] = Field(default_factory=dict)


# ---- Dutch validation messages -------------------------------------------------------------
_MESSAGES = {
    "missing": "ontbreekt",
    "extra_forbidden": "is geen bekende instelling",
    "string_type": "moet tekst zijn (tussen aanhalingstekens)",
    "list_type": "moet een lijst zijn ([...])",
    "dict_type": "moet een tabel zijn ([...])",
    "model_type": "moet een tabel zijn ([...])",
    "date_type": "moet een datum zijn, bijvoorbeeld 2026-11-20",
    "date_from_datetime_parsing": "moet een datum zijn, bijvoorbeeld 2026-11-20",
    "date_parsing": "moet een datum zijn, bijvoorbeeld 2026-11-20",
    "string_too_short": "mag niet leeg zijn",
}


def dutch_errors(exc: ValidationError) -> str:
    """pydantic's findings as Dutch sentences: where in the file, and what is wrong."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "het bestand"
        kind = err["type"]
        if kind == "literal_error":
            what = f"moet een van deze zijn: {err.get('ctx', {}).get('expected', '')}"
        elif kind == "value_error":
            what = str(err.get("ctx", {}).get("error", err["msg"]))
        else:
            what = _MESSAGES.get(kind, err["msg"])
        parts.append(f"{where}: {what}")
    return "; ".join(parts)


# ---- the settings in force -----------------------------------------------------------------
@dataclass
class Settings:
    """The loaded file (or none), with where it came from; values resolved against its folder."""

    path: Path | None = None
    sha256: str | None = None
    data: SettingsFile = field(default_factory=SettingsFile)
    looked: list[Path] = field(default_factory=list)  # the places looked at, in order

    def _path(self, value: str | None) -> Path | None:
        if not value:
            return None
        p = Path(value).expanduser()
        return p if p.is_absolute() or self.path is None else self.path.parent / p

    @property
    def regeling(self) -> str | None:
        value = self.data.regeling
        if value and value.endswith(".toml"):
            return str(self._path(value))
        return value

    @property
    def bureauregister(self) -> Path | None:
        return self._path(self.data.bureauregister)

    @property
    def vertrouwd(self) -> Path | None:
        return self._path(self.data.vertrouwd)

    @property
    def clms(self) -> Path | None:
        return self._path(self.data.clms)

    @property
    def brieven(self) -> Path | None:
        return self._path(self.data.brieven)

    def register(self, override: Path | None = None) -> Register:
        """``--bureaus`` when given (it replaces the settings' register entirely); else the file's
        register (or the shipped one) with the file's own [[koepel]] and [[bureau]] entries: a
        bureau with the same name replaces the register's, a new one is added."""
        if override is not None:
            return load_register(override)
        base = load_register(self.bureauregister)
        if not self.data.bureau and not self.data.koepel:
            return base
        raw = base.model_dump(by_alias=True, exclude={"source", "sha256"})
        ours = {normalise_name(b.naam) for b in self.data.bureau}
        raw["bureau"] = [b for b in raw["bureau"] if normalise_name(b["naam"]) not in ours]
        raw["bureau"] += [b.model_dump() for b in self.data.bureau]
        raw["koepel"] = [k for k in raw["koepel"] if k["naam"] not in {k.naam for k in self.data.koepel}]
        raw["koepel"] += [k.model_dump() for k in self.data.koepel]
        dates = [raw["register"]["datum"], *(b.gecontroleerd for b in self.data.bureau)]
        raw["register"]["datum"] = max(dates)
        raw["register"]["bron"] = f"{raw['register']['bron']}; aangevuld met de instellingen {self.path}"
        try:
            return Register.model_validate({
                **raw, "source": f"{base.source} + {self.path}",
                "sha256": hashlib.sha256(f"{base.sha256}:{self.sha256}".encode()).hexdigest(),
            })
        except ValidationError as exc:
            raise RegisterError(f"bureauregister met de bureaus uit {self.path} is ongeldig: {dutch_errors(exc)}") from None

    def params_for(self, regime_id: str) -> dict[str, Param]:
        return dict(self.data.parameters.get(regime_id, {}))

    def apply(self, regime: Regime) -> Regime:
        """The regime with the file's parameter values for it (each with its bron). A parameter
        the regime does not have is an error: a typo must not go unnoticed."""
        return apply_params(regime, self.params_for(regime.id), self.path)


    def check_params(self) -> None:
        """Every regime the file sets parameters for exists and has those parameters."""
        from .regime import RegimeError, builtin_names, load_regime

        for regime_id in self.data.parameters:
            if regime_id not in builtin_names():
                raise SettingsError(f"de instellingen {self.path} geven parameters voor een onbekende regeling {regime_id!r}; "
                                    f"kies uit {', '.join(builtin_names())}")
            try:
                self.apply(load_regime(regime_id))
            except RegimeError as exc:
                raise SettingsError(str(exc)) from None

    def audit_source(self):
        """The settings file for the audit record (None when no file is in force)."""
        from .schema import AuditSource

        return AuditSource(source=str(self.path), sha256=self.sha256) if self.path and self.sha256 else None


def apply_params(regime: Regime, params: dict[str, Param], origin: Path | str | None = None) -> Regime:
    if not params:
        return regime
    unknown = sorted(set(params) - set(regime.params))
    if unknown:
        raise SettingsError(f"de instellingen {origin} noemen parameters die regeling {regime.id} niet kent: "
                            f"{', '.join(unknown)}; bekend zijn: {', '.join(regime.params)}")
    merged = {**regime.params, **params}
    return regime.model_copy(update={"params": merged, "source": f"{regime.source} + instellingen {origin}"})


def places(cwd: Path | None = None) -> list[Path]:
    """Where a settings file is looked for, in order (without ``--instellingen``)."""
    from platformdirs import user_config_dir

    return [(cwd or Path.cwd()) / FILE_NAME, Path(user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME]


def load_settings(explicit: Path | None = None, cwd: Path | None = None) -> Settings:
    """The settings in force: ``explicit`` (must exist), else the first file of :func:`places`,
    else none (everything as shipped)."""
    if explicit is not None:
        candidates, looked = [explicit], [explicit]
        if not explicit.is_file():
            raise SettingsError(f"instellingenbestand {explicit} bestaat niet of is geen bestand")
    else:
        candidates = looked = places(cwd)
    for path in candidates:
        if not path.is_file():
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SettingsError(f"instellingenbestand {path} kan niet worden gelezen: {exc.strerror}") from None
        try:
            raw: dict[str, Any] = tomllib.loads(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise SettingsError(f"instellingenbestand {path} is geen UTF-8-tekst") from None
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"instellingenbestand {path} is geen geldige TOML: {exc}") from None
        try:
            parsed = SettingsFile.model_validate(raw)
        except ValidationError as exc:
            raise SettingsError(f"instellingenbestand {path} is ongeldig: {dutch_errors(exc)}") from None
        return Settings(path=path.resolve(), sha256=hashlib.sha256(data).hexdigest(), data=parsed, looked=list(looked))
    return Settings(looked=list(looked))


# ---- kto-ingest instellingen -----------------------------------------------------------------
def describe(settings: Settings) -> str:
    """What is in force and where each value comes from, in Dutch, for ``kto-ingest instellingen``."""
    from .dutch import format_date
    from .regime import DEFAULT_REGIME, RegimeError, load_regime

    here = f"uit {settings.path}" if settings.path else ""
    lines = ["Gezocht naar een instellingenbestand (in deze volgorde):"]
    for p in settings.looked:
        state = "gebruikt" if settings.path and p.resolve() == settings.path else ("gevonden" if p.is_file() else "niet aanwezig")
        lines.append(f"  {p}  – {state}")
    if settings.path:
        lines.append(f"In gebruik: {settings.path}\n  SHA-256 {settings.sha256}")
    else:
        lines.append("Geen instellingenbestand: alles zoals meegeleverd.")
    lines.append("Opties op de opdrachtregel (--regime, --bureaus, --trust, --clms) gaan vóór deze instellingen.\n")

    def origin(value) -> str:
        return here if value else "standaard"

    regime_name = settings.regeling or DEFAULT_REGIME
    lines.append(f"Regeling: {regime_name}  ({origin(settings.data.regeling)})")
    try:
        register = settings.register()
        lines.append(f"Bureauregister: {register.source} van {format_date(register.info.datum)}  "
                     f"({here if settings.data.bureauregister else 'meegeleverd'}"
                     f"{'; aangevuld met koepels/bureaus ' + here if settings.data.bureau or settings.data.koepel else ''})")
        for k in register.koepel:
            lines.append(f"  Koepel {k.naam} heet ook: {', '.join(n for n in k.names if n != k.naam)}  (bron: {k.bron})")
        ours = {normalise_name(b.naam) for b in settings.data.bureau}
        for b in register.bureau:
            koepel = f" van {b.koepel}" if b.koepel else ""
            written = f" (opgegeven als {b.koepel_zoals_opgegeven})" if b.koepel_zoals_opgegeven else ""
            where = here if normalise_name(b.naam) in ours else "uit het register"
            lines.append(f"  {b.naam}: {b.status.replace('_', ' ')}{koepel}{written}; bron: {b.bron}; "
                         f"gecontroleerd {format_date(b.gecontroleerd)}  ({where})")
    except RegisterError as exc:
        lines.append(f"Bureauregister: ONGELDIG – {exc}")
    lines.append(f"Vertrouwde certificaten: {settings.vertrouwd or 'niet ingesteld'}  ({origin(settings.data.vertrouwd)})")
    lines.append(f"CLMS-export: {settings.clms or 'niet ingesteld'}  ({origin(settings.data.clms)})")
    lines.append(f"Eigen briefsjablonen: {settings.brieven or 'geen (meegeleverde sjablonen)'}  ({origin(settings.data.brieven)})")
    for regime_id in dict.fromkeys([regime_name, *settings.data.parameters]):
        try:
            regime = load_regime(regime_id)
            ours = settings.params_for(regime.id)
            settings.apply(regime)
        except (RegimeError, SettingsError) as exc:
            lines.append(f"\nParameters van {regime_id}: ONGELDIG – {exc}")
            continue
        lines.append(f"\nParameters van {regime.id} ({regime.regime.title}):")
        for name, p in {**regime.params, **ours}.items():
            value = "niet bekend (handmatig beoordelen)" if p.value is None else _show(p.value)
            replaced = regime.params[name].value if name in ours and name in regime.params else None
            note = f"; vervangt {_show(replaced)} uit de regeling" if replaced is not None else ""
            lines.append(f"  {name} = {value}\n      bron: {p.bron}  ({here + note if name in ours else 'regeling ' + regime.source})")
    return "\n".join(lines)


def _show(value) -> str:
    """A parameter value, short and in Dutch notation."""
    import datetime as dt

    from .dutch import format_date, format_number

    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, dict) and {"start", "end"} <= set(value):
        return f"{_show(value['start'])} t/m {_show(value['end'])}"
    if isinstance(value, bool) or isinstance(value, str):
        return str(value)
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        names = [str(v.get("name") or v.get("perceel") or "") for v in value]
        return f"{len(value)} regels: " + ", ".join(dict.fromkeys(n for n in names if n))
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)
