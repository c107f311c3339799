"""People as actors: roles learned from the article itself, a dated list of office-holders, and simple
pronouns.

- "German Foreign Minister Annalena Baerbock" makes "Baerbock" and "Annalena Baerbock" DEUGOV for the rest
  of the article;
- a name with no title in the article is looked up in ``data/leaders.tsv`` by the article date
  ("Putin" in 2010 is RUSGOV as prime minister, in 1995 nobody);
- "he"/"she" as a subject is the most recent person actor within the last few sentences.

A hyphenated given name is read in both cases after its hyphen: wire services write "Ban Ki-Moon" and
"Lee Myung-Bak" for the listed "Ban Ki-moon" and "Lee Myung-bak" (and the reverse).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
import re
from functools import lru_cache

from ._data import data_path, read_tsv, split_list
from .parse import tokens

PRONOUNS = frozenset({"he", "she"})
# titles of courtesy: the proper noun after one is a person's name, whatever the tagger takes it for ("Mr Hockney"
# tagged a place, "Ms Jordan", "Mrs Chad")
HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Mr. Mrs. Ms. Dr.".split())
PRONOUN_REACH = 3  # sentences back
_AFTER_HYPHEN = re.compile(r"(?<=[A-Za-z])-([A-Za-z])")


@dataclass(frozen=True)
class Office:
    name: str
    country: str | None
    sector: str | None
    org: str | None
    role: str
    start: date | None
    end: date | None
    dated_only: bool = False  # a surname too common to read without the article's date ("Rice", "Brown")

    def holds(self, when: date | None) -> bool:
        if when is None:
            return self.end is None and not self.dated_only  # no article date: only current office-holders
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
        terms = {row["name"], *split_list(row.get("aliases", ""))}
        for term in terms | {v for t in terms for v in _hyphen_cases(t)} - terms:
            if term.startswith("~"):  # "~Rice": only on a date within the tenure
                out.setdefault(term[1:], []).append(replace(office, dated_only=True))
            else:
                out.setdefault(term, []).append(office)
    return out


def _hyphen_cases(term: str) -> set[str]:
    """A name written with the letter after each of its hyphens capital and small ("Ki-moon", "Ki-Moon"), only
    where the name's own words are capitalised ("al-Assad" keeps its particle)."""
    if "-" not in term or not term[:1].isupper():
        return set()
    up = _AFTER_HYPHEN.sub(lambda m: "-" + m.group(1).upper(), term)
    low = _AFTER_HYPHEN.sub(lambda m: "-" + m.group(1).lower(), term)
    return {v for v in (up, low) if v != term and not re.search(r"(^|\s)[a-z]+-[A-Z]", term)}


def office_of(name: str, when: date | None) -> Office | None:
    """The office the person called ``name`` held on ``when`` (None when nobody or several did)."""
    found = {o.name: o for o in leaders().get(name, ()) if o.holds(when)}
    if not found and when is None:
        # no article date and nobody holds it now: the one country all its holders ever stood for
        # ("Obama met Castro" in an undated text), with no sector for one who was in opposition as well
        # (undated "Mugabe" is ZWEGOV, "Tsvangirai", opposition leader and later prime minister, ZWE)
        ever = office_ever(name)
        sectors = {o.sector for o in leaders().get(name, ()) if not o.dated_only}
        if ever is not None and "OPP" in sectors and len(sectors) > 1:
            ever = replace(ever, sector=None)
        return ever
    return next(iter(found.values())) if len(found) == 1 else None


def office_ever(name: str) -> Office | None:
    """For a name written with a title ("President Reagan", "Secretary of State Mike Pompeo"): an
    office its holders held at any time, when all of them stood for one country or organisation (the
    two Bushes are both USA). None when nobody or several countries."""
    offices = [o for o in leaders().get(name, ()) if not o.dated_only]
    actors = {(o.country, o.org) for o in offices}
    return offices[0] if len(actors) == 1 else None


def after_honorific(doc, start: int) -> bool:
    """Whether the phrase starting at ``start`` opens with or follows a title of courtesy ("Mr Clarke"): a
    person's name, whatever the tagger's label."""
    return doc[start].text in HONORIFICS or start > 0 and doc[start - 1].text in HONORIFICS


def reads_as_person(toks) -> bool:
    """Whether a name that is also a common word stands for a person: a proper noun that modifies no
    common noun ("Rice said", not "Rice prices rose" or "brown bears")."""
    last = toks[-1]
    return last.pos_ == "PROPN" and not (last.dep_ in ("compound", "amod", "nmod") and last.head.pos_ == "NOUN")


@lru_cache(maxsize=1)
def _common_surnames() -> frozenset[str]:
    """Names listed only as date-bound aliases ("Rice"): never taken for a name when tagged as a common noun."""
    return frozenset(n for n, offices in leaders().items() if all(o.dated_only for o in offices))


def name_spans(doc, covered: set[int]) -> list[tuple[int, int]]:
    """Token spans that may name a person: PERSON entities, and runs of proper nouns outside any entity
    (the small model misses many names: "Medvedev met Obama"); a run just before a PERSON entity that
    makes a listed name with it is one span ("Pope" + "Benedict XVI")."""
    names = leaders()
    table = tokens(doc)
    common = _common_surnames()
    ents, free_runs = {}, []
    for ent in table.ents:
        if any(i in covered for i in range(ent.start, ent.end)):
            continue
        if ent.label_ == "PERSON" or ent.text in names:
            ents[ent.start] = ent.end  # "Erdogan", "Buhari" tagged as places too, "Musharraf" as a product
    # a proper noun outside any entity and any actor phrase, or a listed name the tagger took for a common
    # noun ("Musharraf rejected ...")
    free = [(p == "PROPN" or doc[i].is_title and doc[i].text in names and doc[i].text not in common)
            and (not e or p == "PROPN" and i > 0 and doc[i - 1].text in HONORIFICS) and i not in covered
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
    ent_ends = {end: start for start, end in ents.items()}
    for k, (start, end) in enumerate(out):  # "Furious Theresa" tagged PERSON, then "May"
        before = ent_ends.get(start)
        if before is not None and before in ents and (inner := _listed_within(doc, before, end, names)):
            ents.pop(before)
            out[k] = inner
    spans = [_listed_within(doc, start, end, names) or (start, end) for start, end in out + list(ents.items())]
    return sorted(set(spans))


def _listed_within(doc, start: int, end: int, names) -> tuple[int, int] | None:
    """The longest listed name of two words or more inside a longer run of capitalised words ("Embattled
    Theresa May", "Furious Theresa May"): the name, not the run, is the person."""
    for size in range(end - start, 1, -1):
        for a in range(start, end - size + 1):
            if doc[a:a + size].text in names:
                return a, a + size
    return None


def named_agents(phrases: list, doc, when: date | None) -> None:
    """An agent phrase with no country of its own that a listed person's name qualifies is that person's
    country's (or organisation's), its own sector kept: "the Bush administration" (the name a phrase of
    its own, then absorbed), "Prime Minister Hun Sen's government", "President Buhari" (the name inside
    the phrase, not tagged as a person)."""
    by_head = {p.head: p for p in phrases}
    absorbed = []
    for p in phrases:
        if p.country or p.org or p.prefix or not p.sector or not p.names_only(("agent",)):
            continue
        head = doc[p.head]
        names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i]
        owner = next((by_head[c.i] for c in names if c.i in by_head and not by_head[c.i].parts
                      and (by_head[c.i].country or by_head[c.i].org)), None)
        if owner is not None:
            p.country, p.org = owner.country, owner.org
            p.start = min(p.start, owner.start)
            absorbed.append(owner)
            continue
        office = next(filter(None, (_listed(run, when) for run in _name_runs(p, doc, names))), None)
        if office is not None:
            p.country, p.org = office.country, office.org
            p.start = min([p.start] + [c.left_edge.i for c in names])
    for q in absorbed:
        if q in phrases:
            phrases.remove(q)


def _name_runs(p, doc, names) -> list[str]:
    """Runs of proper nouns in a phrase and its head's proper-noun ``names`` that are no knowledge-base match
    ("Hun Sen" in "Prime Minister Hun Sen's government")."""
    matched = {i for _, i, _ in p.parts}
    start = min([p.start] + [c.i for c in names])
    runs, run = [], []
    for t in doc[start:p.end]:
        if t.pos_ == "PROPN" and t.i not in matched and t.is_title:
            run.append(t.text)
            continue
        if run:
            runs.append(" ".join(run))
        run = []
    if run:
        runs.append(" ".join(run))
    return runs


def _listed(name: str, when: date | None) -> Office | None:
    """The office of a listed name (or its last word) on ``when``, else the one country its holders stood for."""
    last = name.split()[-1]
    return office_of(name, when) or office_of(last, when) or office_ever(name) or office_ever(last)
