"""People as actors: roles learned from the article itself, a dated list of office-holders, and simple
pronouns.

- "German Foreign Minister Annalena Baerbock" makes "Baerbock" and "Annalena Baerbock" DEUGOV for the rest
  of the article;
- a name with no title in the article is looked up in ``data/leaders.tsv`` by the article date
  ("Putin" in 2010 is RUSGOV as prime minister, in 1995 nobody);
- "he"/"she" as a subject is the most recent person actor within the last few sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from ._data import data_path, read_tsv, split_list
from .parse import tokens

PRONOUNS = frozenset({"he", "she"})
PRONOUN_REACH = 3  # sentences back


@dataclass(frozen=True)
class Office:
    name: str
    country: str | None
    sector: str | None
    org: str | None
    role: str
    start: date | None
    end: date | None

    def holds(self, when: date | None) -> bool:
        if when is None:
            return self.end is None  # no article date: only current office-holders
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def leaders() -> dict[str, list[Office]]:
    """Surface form -> offices held by people called so."""
    path = data_path("leaders.tsv")
    out: dict[str, list[Office]] = {}
    if not path.exists():
        return out
    for _, row in read_tsv(path):
        code = row["iso3"]
        org = code if len(code) > 3 else None
        office = Office(row["name"], None if org else code, row.get("sector") or None, org, row["role"],
                        _date(row["start"]), _date(row["end"]))
        for term in {row["name"], *split_list(row.get("aliases", ""))}:
            out.setdefault(term, []).append(office)
    return out


def office_of(name: str, when: date | None) -> Office | None:
    """The office the person called ``name`` held on ``when`` (None when nobody or several did)."""
    found = {o.name: o for o in leaders().get(name, ()) if o.holds(when)}
    if not found and when is None:
        # no article date and nobody holds it now: the one country all its holders ever stood for
        # ("Obama met Castro" in an undated text), with no sector for one who was in opposition as well
        # (undated "Mugabe" is ZWEGOV, "Tsvangirai", opposition leader and later prime minister, ZWE)
        ever = office_ever(name)
        sectors = {o.sector for o in leaders().get(name, ())}
        if ever is not None and "OPP" in sectors and len(sectors) > 1:
            ever = replace(ever, sector=None)
        return ever
    return next(iter(found.values())) if len(found) == 1 else None


def office_ever(name: str) -> Office | None:
    """For a name written with a title ("President Reagan", "Secretary of State Mike Pompeo"): an
    office its holders held at any time, when all of them stood for one country or organisation (the
    two Bushes are both USA). None when nobody or several countries."""
    offices = leaders().get(name, ())
    actors = {(o.country, o.org) for o in offices}
    return offices[0] if len(actors) == 1 else None


def name_spans(doc, covered: set[int]) -> list[tuple[int, int]]:
    """Token spans that may name a person: PERSON entities, and runs of proper nouns outside any entity
    (the small model misses many names: "Medvedev met Obama"); a run just before a PERSON entity that
    makes a listed name with it is one span ("Pope" + "Benedict XVI")."""
    names = leaders()
    table = tokens(doc)
    ents, free_runs = {}, []
    for ent in table.ents:
        if any(i in covered for i in range(ent.start, ent.end)):
            continue
        if ent.label_ == "PERSON" or ent.text in names:
            ents[ent.start] = ent.end  # "Erdogan", "Buhari" tagged as places too, "Musharraf" as a product
    # a proper noun outside any entity and any actor phrase, or a listed name the tagger took for a common
    # noun ("Musharraf rejected ...")
    free = [(p == "PROPN" or doc[i].is_title and doc[i].text in names) and not e and i not in covered
            for i, (p, e) in enumerate(zip(table.pos, table.ent))]
    i, n = 0, len(free)
    while i < n:
        if free[i]:
            j = i
            while j + 1 < n and free[j + 1]:
                j += 1
            free_runs.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    out = []
    for start, end in free_runs:
        if end in ents and doc[start:ents[end]].text in names:
            ents[start] = ents.pop(end)
        else:
            out.append((start, end))
    return sorted(out + list(ents.items()))
