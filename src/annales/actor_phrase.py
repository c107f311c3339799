"""An actor phrase: an actor mention in a parsed document and what it resolves to (annales.actors makes
them; the event coder, the learned fallback and the geocoder read them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .kb import Entry


@dataclass
class ActorPhrase:
    """An actor in a document: its head token, token span, and what it resolves to."""

    head: int
    start: int  # token span [start, end)
    end: int
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    name: str | None = None
    parts: list[tuple[int, int, Entry]] = field(default_factory=list)  # (rank, token index, entry)
    siblings: list["ActorPhrase"] = field(default_factory=list)  # "Pakistani and Afghan forces": Afghan
    prefix: str | None = None  # a dictionary agent's code written before the country ("NGO~": NGOARN)
    refers: "ActorPhrase | None" = None  # a pronoun's antecedent ("Obama said he would ...": Obama)

    def names_only(self, kinds) -> bool:
        """Whether every knowledge-base match of the phrase is of one of these entry ``kinds`` ("country",
        "seat", "region", ...): "Virginia" names only a region, "the Syrian army" does not."""
        return bool(self.parts) and all(e.kind in kinds for _, _, e in self.parts)

    @property
    def is_place(self) -> bool:
        """Only country names and capitals: it can stand for where something happened."""
        return self.names_only(("country", "seat"))

    @property
    def code(self) -> str:
        if self.org:
            return self.org
        if self.prefix:
            return self.prefix + (self.country or "") + (self.sector or "")
        return (self.country or "---") + (self.sector or "")
