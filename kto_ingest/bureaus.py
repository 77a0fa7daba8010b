"""The register of research bureaus and their koepel (VBO, VSO or MOA).

UWV only accepts a KTO carried out by a member of one of three koepels. Their member lists are web
pages kto-ingest cannot reach, so the register is data: ``kto_ingest/data/bureaus.toml`` ships with
the tool and ``--bureaus FILE`` replaces it with an updated copy. Every entry names its koepel, the
list it was checked against (``bron``) and when (``gecontroleerd``); an entry that is not confirmed
says so and the rule asks for a person.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

KOEPELS = ("VBO", "VSO", "MOA")
BUILTIN = "kto_ingest/data/bureaus.toml"

# Legal forms and punctuation that do not distinguish one bureau from another.
_LEGAL_FORM = regex.compile(r"\b(?:b\.?\s?v\.?|n\.?\s?v\.?|v\.?o\.?f\.?|holding|groep|group)(?=\s|$)", regex.IGNORECASE)


def normalise_name(name: str) -> str:
    """'Panteia B.V.' and 'PANTEIA' compare equal; diacritics and punctuation do not matter."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = _LEGAL_FORM.sub(" ", text)
    text = regex.sub(r"[^\w&]+", " ", text)
    return " ".join(text.split())


def same_organisation(a: str | None, b: str | None, register: "Register | None" = None) -> bool:
    """Whether two names denote the same organisation: equal after :func:`normalise_name` (legal
    form, case, diacritics and punctuation do not count), or names of one bureau in the register.
    Never a substring match: "Geen Panteia Vervalsingen B.V." is not Panteia."""
    if not a or not b:
        return False
    if normalise_name(a) == normalise_name(b) and normalise_name(a):
        return True
    if register is not None:
        found = register.find(a)
        return found is not None and found is register.find(b)
    return False


class RegisterError(ValueError):
    pass


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Bureau(_Model):
    naam: str
    aliassen: list[str] = Field(default_factory=list)
    status: Literal["lid", "onbevestigd", "geen_lid"]
    # VBO, VSO or MOA; or a name the register's [[koepel]] lists for one ("D&IN (voorheen MOA)"),
    # which the register turns into that koepel when it is loaded (the name as written is kept).
    koepel: str | None = None
    koepel_zoals_opgegeven: str | None = None
    bron: str = Field(min_length=1)
    gecontroleerd: dt.date

    @model_validator(mode="after")
    def _member_has_koepel(self) -> Bureau:
        if self.status == "lid" and self.koepel is None:
            raise ValueError(f"{self.naam}: status 'lid' vraagt een koepel ({', '.join(KOEPELS)})")
        return self


class RegisterInfo(_Model):
    datum: dt.date
    bron: str


class Koepel(_Model):
    """A koepel's other names: a successor (MOA's member services are now shown as Data & Insights
    Network, D&IN), with the source that says so."""

    naam: Literal["VBO", "VSO", "MOA"]
    opvolger: str | None = None
    aliassen: list[str] = Field(default_factory=list)
    bron: str = Field(min_length=1)
    sinds: dt.date | None = None

    @property
    def names(self) -> list[str]:
        return [n for n in (self.naam, self.opvolger, *self.aliassen) if n]


def _koepel_words(name: str) -> str:
    return f" {normalise_name(name)} "


class Register(_Model):
    info: RegisterInfo = Field(alias="register")  # "register" itself would shadow ABCMeta.register
    koepel: list[Koepel] = Field(default_factory=list)
    bureau: list[Bureau] = Field(default_factory=list)
    source: str = ""
    sha256: str = ""

    def koepel_of(self, text: str | None) -> str | None:
        """The koepel (VBO, VSO or MOA) a text names: the koepel itself or a name the register lists
        for it, as whole words ("lid van D&IN (voorheen MOA)" is MOA once D&IN is listed as MOA's
        successor). None when it names none, or names two different koepels."""
        if not text:
            return None
        haystack = _koepel_words(text)
        names = {k: [k] for k in KOEPELS}
        for k in self.koepel:
            names[k.naam] += k.names
        found = {k for k, ns in names.items() if any(_koepel_words(n) in haystack for n in ns if normalise_name(n))}
        return found.pop() if len(found) == 1 else None

    @model_validator(mode="after")
    def _koepels_known(self) -> Register:
        for b in self.bureau:
            if b.koepel is None or b.koepel in KOEPELS:
                continue
            resolved = self.koepel_of(b.koepel)
            if resolved is None:
                raise ValueError(f"{b.naam}: koepel {b.koepel!r} is geen {', '.join(KOEPELS)} en geen naam die het register "
                                 "daarvoor kent; voeg een [[koepel]] toe met naam, opvolger en bron")
            b.koepel_zoals_opgegeven = b.koepel_zoals_opgegeven or b.koepel
            b.koepel = resolved
        return self

    @model_validator(mode="after")
    def _names_unique(self) -> Register:
        seen: dict[str, str] = {}
        for b in self.bureau:
            for name in (b.naam, *b.aliassen):
                key = normalise_name(name)
                if key in seen and seen[key] != b.naam:
                    raise ValueError(f"naam {name!r} staat bij zowel {seen[key]} als {b.naam}")
                seen[key] = b.naam
        return self

    def find(self, name: str | None) -> Bureau | None:
        if not name:
            return None
        key = normalise_name(name)
        for b in self.bureau:
            if key in {normalise_name(n) for n in (b.naam, *b.aliassen)}:
                return b
        return None


def load_register(path: Path | None = None) -> Register:
    """The shipped register, or the file given with ``--bureaus``; validated when loaded."""
    if path is None:
        data = resources.files("kto_ingest").joinpath("data", "bureaus.toml").read_bytes()
        source = BUILTIN
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise RegisterError(f"bureauregister {path} kan niet worden gelezen: {exc.strerror}") from None
        source = str(path)
    try:
        raw = tomllib.loads(data.decode("utf-8"))
        return Register.model_validate({**raw, "source": source, "sha256": hashlib.sha256(data).hexdigest()})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, ValidationError) as exc:
        raise RegisterError(f"bureauregister {source} is ongeldig: {exc}") from None
