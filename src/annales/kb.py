"""The actor knowledge base: countries, seats of power, organisations and generic agents.

Loaded from the readable data files in ``annales/data`` (``countries.tsv``, ``seats.tsv``,
``organisations.tsv``, ``agents.tsv``). Each surface form ("Italian", "the Kremlin", "foreign
minister") maps to one or more :class:`Entry` records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from ._data import data_path, read_tsv, split_list

NON_COUNTRY_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "---"})


@dataclass(frozen=True)
class Entry:
    """What a surface form means. ``kind``: country, seat, org, person or agent."""

    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None  # organisations: their own code ("IGOUNO", "PSEREB")
    # date-restricted codes (start, end, code), bounds inclusive, first match wins (annales.petrarch)
    dated: tuple[tuple[date | None, date | None, str], ...] = ()


def resolve_code(entry: Entry, when: date | None = None) -> str | None:
    """The code of ``entry`` on ``when``: the first dated range holding it, else the undated code.
    With no date: the undated code, else the code of the most recent range."""
    if not entry.dated:
        return entry.code
    if when is None:
        if entry.code:
            return entry.code
        return max(entry.dated, key=lambda d: (d[1] or date.max, d[0] or date.min))[2]
    for start, end, code in entry.dated:
        if (start is None or start <= when) and (end is None or when <= end):
            return code
    return entry.code


class KnowledgeBase:
    """Surface form -> entries. Proper names are matched case-sensitively, agents case-insensitively."""

    def __init__(self):
        self.terms: dict[str, list[Entry]] = {}
        self.country_names: dict[str, str] = {}
        self.demonyms: set[str] = set()  # "Sri Lankan", "Kenyans"

    def add(self, term: str, entry: Entry) -> None:
        """A surface form of ``entry``; one with an apostrophe also as typeset ("People’s", "d’Ivoire")."""
        term = " ".join(term.split())
        for form in dict.fromkeys((term, term.replace("'", "\u2019"))) if term else ():
            entries = self.terms.setdefault(form, [])
            if entry not in entries:
                entries.append(entry)

    def __len__(self) -> int:
        return len(self.terms)

    @classmethod
    def default(cls) -> "KnowledgeBase":
        return _default_kb()

    def load_builtin(self) -> "KnowledgeBase":
        for _, row in read_tsv(data_path("countries.tsv")):
            iso, name = row["iso3"], row["name"]
            self.country_names[iso] = name
            entry = Entry("country", name, country=iso)
            self.demonyms.update(split_list(row.get("demonyms", "")))
            for term in [name, *split_list(row.get("aliases", "")), *split_list(row.get("demonyms", ""))]:
                self.add(term, entry)
                if term.lower().startswith("the "):
                    self.add(term[4:], entry)
            for term in split_list(row.get("regions", "")):  # "Chechnya": a place and actor of Russia
                self.add(term, Entry("region", term, country=iso))
        for _, row in read_tsv(data_path("seats.tsv")):
            iso = row["iso3"]
            entry = Entry("seat", self.country_names.get(iso, iso), country=iso, sector=row.get("sector") or "GOV")
            for term in split_list(row["term"]):
                self.add(term, entry)
        orgs: dict[str, list[dict]] = {}  # name -> its rows: one undated, or several with dates
        for _, row in read_tsv(data_path("organisations.tsv")):
            orgs.setdefault(row["name"], []).append(row)
        for name, rows in orgs.items():
            undated = [r for r in rows if not (r.get("start") or r.get("end"))]
            code = undated[0]["code"] if undated else rows[0]["code"]
            dated = tuple((_day(r.get("start")), _day(r.get("end")), r["code"]) for r in rows
                          if r.get("start") or r.get("end"))
            entry = Entry("org", name, **_code_fields(code), code=code, dated=dated)
            for term in dict.fromkeys(t for r in rows for t in [name, *split_list(r.get("aliases", ""))]):
                self.add(term, entry)
        for _, row in read_tsv(data_path("agents.tsv")):
            for term in split_list(row["terms"]):
                self.add(term.lower(), Entry("agent", term.lower(), sector=row["sector"]))
        return self


def _code_fields(code: str) -> dict:
    """The country and sector a code stands for: "PSEREB" -> PSE, REB; "IGOUNO" -> none."""
    country = code[:3] if code[:3] not in NON_COUNTRY_PREFIXES else None
    return {"country": country, "sector": code[3:6] if country and len(code) >= 6 else None}


def on_date(entry: Entry, when: date | None) -> Entry:
    """An entry with date-restricted codes as it was on ``when``.

    - an organisation whose code changed (dated rows of organisations.tsv: the Taliban were a government
      1996-2001 and from August 2021, an armed group between): the same organisation with that code;
    - a ``person`` of PETRARCH dictionaries: the country, seat or organisation entry the code stands for
      ("USAGOV" -> seat USA/GOV, "IGOUNO" -> org, "HOB" -> country; "---" -> no actor).
    """
    if entry.kind == "person":
        code = resolve_code(entry, when)
        if not code or code[:3] in ("---", "+++", "###"):
            return replace(entry, kind="none", country=None, sector=None, code=None)
        if code[:3] in NON_COUNTRY_PREFIXES or not code[:3].isalpha():
            return replace(entry, kind="org", country=None, sector=None, code=code)
        return replace(entry, kind="seat" if len(code) > 3 else "country", country=code[:3],
                       sector=code[3:] or None, code=code)
    if entry.kind != "org" or not entry.dated:
        return entry
    code = resolve_code(entry, when)
    return entry if code == entry.code else Entry("org", entry.name, **_code_fields(code), code=code,
                                                  dated=entry.dated)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    return KnowledgeBase().load_builtin()
