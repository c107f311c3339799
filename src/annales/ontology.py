"""The CAMEO event ontology and its crosswalks to PLOVER 2021, QuadClass and Goldstein.

The facts live in ``data/cameo.tsv`` (one row per CAMEO code) and ``data/intent.tsv`` (how an
act said to be intended or threatened is recoded); this module only loads and looks them up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ._data import data_path, read_tsv
from .errors import ConfigError

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@lru_cache(maxsize=None)
def codes() -> dict[str, CameoCode]:
    """All CAMEO codes by code string (leading zeros kept)."""
    path = data_path("cameo.tsv")
    out: dict[str, CameoCode] = {}
    for lineno, row in read_tsv(path):
        try:
            out[row["code"]] = CameoCode(
                code=row["code"], label=row["label"], goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]), plover=row.get("plover") or None,
                plover_mode=row.get("plover_mode") or None)
        except (KeyError, ValueError) as exc:
            raise ConfigError("E013", path=path, line=lineno, reason=str(exc)) from None
    return out


def lookup(code: str) -> CameoCode:
    """The entry for ``code``, falling back to its parent ("1384" -> "138" -> "130"). A numeric code
    CAMEO does not have (a user dictionary's own, such as test-only codes) gets a neutral entry:
    Goldstein 0, no PLOVER type, the QuadClass of its root if that is a CAMEO root, else 0."""
    table = codes()
    for candidate in (code, code[:3], code[:2] + "0"):
        if candidate in table:
            return table[candidate]
    if not (code.isdigit() and 2 <= len(code) <= 4):
        raise ConfigError("E013", path="cameo.tsv", line=0, reason=f"unknown CAMEO code {code!r}")
    parent = table.get(code[:2] + "0")
    return CameoCode(code=code, label="code not in CAMEO", goldstein=0.0,
                     quad_class=parent.quad_class if parent else 0, plover=None, plover_mode=None)


def cameo_label(code: str) -> str:
    try:
        return lookup(code).label
    except ConfigError:
        return ""


@lru_cache(maxsize=None)
def intent_table() -> dict[str, str]:
    """CAMEO code prefix -> the code of the same act when only intended or threatened."""
    return {row["prefix"]: row["code"] for _, row in read_tsv(data_path("intent.tsv"))}


def recode_intended(code: str) -> str:
    """The code an act gets when it is only intended, promised or threatened: "will meet" -> 036,
    "will impose sanctions" -> 1312. Acts already coded 03 or 13 keep their code."""
    if code[:2] in ("03", "13"):
        return code
    table = intent_table()
    for n in (len(code), 3, 2):
        if code[:n] in table:
            return table[code[:n]]
    return code


@lru_cache(maxsize=None)
def plover_2016() -> dict[str, frozenset[str]]:
    """PLOVER 2016 name (or 2021 type) -> the PLOVER 2021 types it covers ("YIELD" -> CONCEDE, RETREAT)."""
    out: dict[str, set[str]] = {}
    for _, row in read_tsv(data_path("plover.tsv")):
        out.setdefault(row["type"], set()).add(row["type"])
        for name in row["names_2016"].split("|"):
            out.setdefault(name.strip(), set()).add(row["type"])
    return {k: frozenset(v) for k, v in out.items()}


def plover_family(name: str | None) -> str | None:
    """A canonical label for comparing PLOVER 2016 and 2021 names: YIELD, CONCEDE and RETREAT all give
    "CONCEDE|RETREAT"; DISAPPROVE and INVESTIGATE give ACCUSE; FIGHT gives ASSAULT."""
    if not name:
        return None
    types = plover_2016().get(name.upper())
    if not types:
        return name.upper()
    if types & {"CONCEDE", "RETREAT"}:
        return "CONCEDE|RETREAT"
    return "|".join(sorted(types))
