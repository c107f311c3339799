"""Craft, vehicles and munitions (``data/craft.tsv``): things that move or are fired, not actors of their own.

One list for the three steps that ask: where an attack on one happened (:mod:`annales.place_rules`), whether
its arrival is a visit (:mod:`annales.encounters`) and whether an agent term names a weapon
(:mod:`annales.actor_context`)."""

from __future__ import annotations

from ._data import data_path, read_tsv, split_list

_ROWS = [row for _, row in read_tsv(data_path("craft.tsv"))]

CRAFT = frozenset(row["lemma"] for row in _ROWS)
_ARMED = frozenset(row["lemma"] for row in _ROWS if row["weapon"] == "yes")


def _names_armed(term: str) -> bool:
    last = term.split()[-1]
    return last in _ARMED or (last.endswith("s") and last[:-1] in _ARMED)


# agent terms (agents.tsv, military sector) that name a weapon: "warplanes", "fighter jets", "missile"
WEAPONS = frozenset(term for _, row in read_tsv(data_path("agents.tsv")) if row.get("sector") == "MIL"
                    for term in split_list(row["terms"]) if _names_armed(term))
