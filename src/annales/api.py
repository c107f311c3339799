"""The explorer's HTTP API (FastAPI; its OpenAPI spec is served at ``/openapi.json``, the docs at ``/docs``).

``create_app(db)`` gives the application; ``annales serve`` runs it with uvicorn. Endpoints, parameters
and examples are in docs/api.md. In short:

* ``GET /api/events`` (filters, sorting, pagination), ``GET /api/events/{id}`` (an event and its reports);
* ``GET /api/aggregates/{counts,dyad,top-actors,top-dyads,network,places}``;
* ``POST /api/articles``: code articles into the store, then rebuild the merged events;
* ``GET /api/health``, ``GET /api/meta``; the page in ``annales/web`` at ``/`` and ``/static``.

Invalid parameters get a 422 whose ``message`` names each bad parameter and says why (``detail`` keeps
FastAPI's list). Values only ever reach SQL as parameters (:mod:`annales.query`). The store has one
DuckDB connection; each request reads through its own cursor. The store is opened read-write only when
writing is enabled; then ``POST /api/articles`` needs ``Authorization: Bearer <token>`` if the app was
given a token (``annales serve`` insists on one when it listens beyond this machine). A text search
``q`` reads a :class:`query.TextIndex` of the lower-cased sentences, built in memory in the background
when the store opens and rebuilt after each POST (searches scan the sentences until it is ready).
"""


import contextlib
import dataclasses
import hmac
import json
import re
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from . import __version__, query
from ._data import data_path, read_tsv
from .errors import InputError, StoreError
from .ontology import QUAD_NAMES, codes
from .records import MergedEvent
from .store import Store, is_server_url, redact

WEB_DIR = Path(__file__).resolve().parent / "web"
MAX_ARTICLES = 200  # per POST
_ACTOR = r"(?:---[A-Za-z]{0,6}|[A-Za-z0-9]{1,16})"  # USA, USAGOV, IGOUNO, ---COP
_CODE = re.compile(f"^{_ACTOR}$")
_DYAD = re.compile(f"^({_ACTOR})[-:,]({_ACTOR})$")
_DATE = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"
# Why a value that fails its parameter's pattern is wrong, by parameter (see the 422 handler).
HINTS = {
    "start": "is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)",
    "end": "is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)",
    "dyad": "is not two actor codes joined by '-' (e.g. USA-RUS, USAGOV-RUSMIL)",
    "root": "is not a two-digit CAMEO root (01-20)",
    "code": "is not a CAMEO code (2 to 4 digits, e.g. 190)",
    **{k: "is not an actor code or ISO3 country (letters and digits, e.g. USA, USAGOV, IGOUNO, ---COP)"
       for k in ("actor", "source", "target", "a", "b")},
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _plover_types() -> dict[str, int]:
    return {row["type"]: int(row["quad_class"]) for _, row in read_tsv(data_path("plover.tsv"))}


def _countries() -> dict[str, str]:
    return {row["iso3"]: row["name"] for _, row in read_tsv(data_path("countries.tsv"))}


# -- validation ------------------------------------------------------------------------------------


def invalid(param: str, msg: str, value: Any = None, where: str = "query") -> RequestValidationError:
    """A 422 naming ``param`` and saying why (rendered by the app's validation handler)."""
    return RequestValidationError([{"type": "value_error", "loc": (where, param), "msg": msg, "input": value}])


def _date(param: str, value: str | None, *, end: bool = False) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a start is the period's first day, an end its last."""
    if value is None or value == "":
        return None
    m = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", value.strip())
    try:
        if not m:
            raise ValueError
        y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        first = date(y, mo, d)
        if not end or m[3]:
            return first
        if m[2]:
            return (date(y + mo // 12, mo % 12 + 1, 1) - timedelta(days=1)) if y < 9999 or mo < 12 else date(y, 12, 31)
        return date(y, 12, 31)
    except ValueError:
        raise invalid(param, f"{value!r} {HINTS[param]}", value) from None


def _actor(param: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    v = value.strip().upper()
    if not _CODE.match(v):
        raise invalid(param, f"{value!r} {HINTS['actor']}", value)
    return v


def _text(param: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if _CONTROL.search(value):
        raise invalid(param, "control characters are not allowed", value)
    return value.strip()


_ACTOR_Q = {"max_length": 24, "pattern": f"^{_ACTOR}$"}


Opt = str | None


def filters(
    start: Annotated[Opt, Query(max_length=10, pattern=_DATE, examples=["2024-03-01"],
                                description="First day (YYYY-MM-DD, YYYY-MM or YYYY)")] = None,
    end: Annotated[Opt, Query(max_length=10, pattern=_DATE,
                              description="Last day, inclusive (YYYY-MM-DD, or YYYY-MM or YYYY: its last day)")] = None,
    actor: Annotated[Opt, Query(**_ACTOR_Q, description="Actor code prefix or ISO3 country, as source or "
                                                         "target (USA, RUSMIL, IGOUNO)")] = None,
    source: Annotated[Opt, Query(**_ACTOR_Q, description="Source actor code prefix or ISO3")] = None,
    target: Annotated[Opt, Query(**_ACTOR_Q, description="Target actor code prefix or ISO3")] = None,
    dyad: Annotated[Opt, Query(max_length=50, pattern=_DYAD.pattern,
                               description="Two actors, either direction: USA-RUS")] = None,
    root: Annotated[Opt, Query(max_length=2, pattern=r"^[0-9]{2}$", description="CAMEO root, two digits (19)")] = None,
    code: Annotated[Opt, Query(max_length=4, pattern=r"^[0-9]{2,4}$",
                               description="CAMEO code or code prefix (190, 0311)")] = None,
    plover: Annotated[Opt, Query(max_length=20, description="PLOVER 2021 type (ASSAULT)")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4")] = None,
    place: Annotated[Opt, Query(max_length=100,
                                description="Location name, admin1 or ISO3 country (case-insensitive)")] = None,
    q: Annotated[Opt, Query(max_length=200, description="Text in a sentence (case-insensitive; % and _ are "
                                                        "taken literally)")] = None,
    min_mentions: Annotated[int | None, Query(ge=1, le=1_000_000, description="At least this many reports")] = None,
    method: Annotated[Literal["rules", "learned"] | None, Query(
        description="rules: coded by the lexicon's patterns (a merged event: by at least one report); "
                    "learned: only by the learned classifier")] = None,
    min_confidence: Annotated[float | None, Query(
        ge=0, le=1, description="At least this confidence: the chance that a reader judges the event right "
                                "(0-1; a merged event: its most confident report)")] = None,
    level: Annotated[Literal["merged", "records"], Query(
        description="merged: one row per real-world event; records: one per coded sentence report")] = "merged",
) -> query.Filters:
    lo, hi = _date("start", start), _date("end", end, end=True)
    if lo and hi and lo > hi:
        raise invalid("end", f"{end!r} is before start {start!r}", end)
    pair = None
    if dyad:
        m = _DYAD.match(dyad.strip())
        if not m:
            raise invalid("dyad", f"{dyad!r} {HINTS['dyad']}", dyad)
        pair = (m[1].upper(), m[2].upper())
    kind = plover.strip().upper() if plover else None
    if kind and kind not in _plover_types():
        raise invalid("plover", f"unknown PLOVER type {plover!r}; choose one of {', '.join(sorted(_plover_types()))}",
                      plover)
    return query.Filters(start=lo, end=hi, actor=_actor("actor", actor), source=_actor("source", source),
                         target=_actor("target", target), dyad=pair, root=root or None, code=code or None,
                         plover=kind, quad=quad, place=_text("place", place), q=_text("q", q),
                         min_mentions=min_mentions, method=method, min_confidence=min_confidence, level=level)


Filter = Annotated[query.Filters, Depends(filters)]
Interval = Annotated[Literal["day", "week", "month", "year"], Query(description="Period length")]
By = Annotated[Literal["code", "country"], Query(description="Actors by full code, or by country "
                                                             "(organisations and unknown countries keep their code)")]


# -- response models ---------------------------------------------------------------------------------


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class EventsPage(_Open):
    total: int = Field(description="Events matching the filters")
    limit: int
    offset: int
    level: str
    items: list[dict[str, Any]] = Field(description="Merged events (MergedEvent fields: event_id, date, "
                                                    "source_code, target_code, cameo, num_mentions, location, "
                                                    "sentence ...) or, at level=records, event records "
                                                    "(docs/schema.md)")


class Mention(_Open):
    mention_id: str
    article_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    sentence: str
    sentence_index: int | None
    trigger_start: int | None
    trigger_end: int | None
    source_start: int | None
    source_end: int | None
    target_start: int | None
    target_end: int | None
    date: str | None
    date_precision: str | None
    date_inferred: bool | None
    reason: str | None


class EventDetail(_Open):
    event: MergedEvent
    mentions: list[Mention]


class PeriodCounts(_Open):
    period: str
    total: int
    q1: int
    q2: int
    q3: int
    q4: int


class Counts(_Open):
    interval: str
    series: list[PeriodCounts]


class DyadPeriod(_Open):
    period: str
    events: int
    goldstein_sum: float
    goldstein_mean: float | None
    q1: int
    q2: int
    q3: int
    q4: int


class DyadSeries(_Open):
    a: str
    b: str | None
    interval: str
    series: list[DyadPeriod]


class TopActor(_Open):
    actor: str
    name: str | None = None
    events: int
    as_source: int
    as_target: int
    goldstein_mean: float | None


class TopDyad(_Open):
    source: str
    target: str
    events: int
    goldstein_mean: float | None
    q1: int
    q2: int
    q3: int
    q4: int


class Node(_Open):
    id: str
    events: int


class Edge(TopDyad):
    cooperation: bool = Field(description="Mean Goldstein above 0")


class Network(_Open):
    nodes: list[Node]
    edges: list[Edge]


class Place(_Open):
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    events: int
    mentions: int


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$")
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="YYYY-MM-DD")
    source: str | None = Field(None, max_length=200, description="Outlet or agency")


class Skipped(BaseModel):
    id: str
    error: str


class Ingested(_Open):
    received: int
    coded: int
    unchanged: int
    events: int = Field(description="Coded records written")
    skipped: list[Skipped]
    merged_events: int = Field(description="Merged events in the store after rebuilding")


# -- the app -------------------------------------------------------------------------------------------


class _State:
    """The store (opened at once, closed at shutdown, opened again if the app restarts), its lock for
    writers, its text index (built in the background when it opens) and the lazily loaded pipeline."""

    def __init__(self, db: str, writable: bool, settings: dict | None, pipeline, text_index: bool = True,
                 store_writable: bool | None = None):
        self.db = db
        self.writable = writable  # POST /api/articles codes into the store
        self.store_writable = writable if store_writable is None else store_writable
        self.settings = settings
        self._pipeline = pipeline
        self._store: Store | None = None
        self._reader = None  # the parent of the per-request cursors
        self.use_text_index = text_index
        self.text: query.TextIndex | None = None
        self.lock = threading.Lock()
        self.write_lock = threading.Lock()
        self.open()

    def open(self) -> Store:
        with self.lock:
            if self._store is not None:
                return self._store
            if is_server_url(self.db):  # the queries (annales.query) are DuckDB SQL
                raise StoreError("E035", what="annales serve (the explorer and its API)", path=redact(self.db))
            self._store = Store(self.db, read_only=not self.store_writable)
            self._reader = self._store.con.cursor()
            store = self._store
            if self.use_text_index:
                self.text = query.TextIndex(self._new_cursor)
        if self.text is not None:
            self.text.start()
        return store

    def _new_cursor(self):
        with self.lock:
            return self._reader.cursor()

    def searched(self, f: query.Filters) -> query.Filters:
        """``f`` with the text index's table when it has a text search and the index is ready."""
        table = self.text.table() if f.q and self.text is not None else None
        return dataclasses.replace(f, text_index=table) if table else f

    @property
    def store(self) -> Store:
        return self._store or self.open()

    @contextlib.contextmanager
    def cursor(self):
        self.store
        with self.lock:
            cur = self._reader.cursor()
        try:
            yield cur
        finally:
            cur.close()

    @property
    def pipeline(self):
        if self._pipeline is None:
            from .pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    @contextlib.contextmanager
    def writing(self, writes: bool | None = True):
        """Hold the write lock (one writer and one coder at a time: the pipeline is not thread-safe) and
        yield the store. A block that writes (``writes``, or :meth:`will_write` inside it) makes text
        searches scan until the text index is rebuilt, at its end, from the store as it then is, whether
        or not the writes went through. ``writes=None``: the block may write (a watcher's pass); the index
        stays in use meanwhile and is rebuilt at the end if the articles changed."""
        with self.write_lock:
            self._writes = False
            if writes:
                self.will_write()
            before = self._articles_state() if writes is None else None
            try:
                yield self.store
            finally:
                if writes is None and self._articles_state() != before:
                    self._writes = True
                if self._writes and self.text is not None:
                    self.text.build()

    def _articles_state(self) -> tuple:
        with self.cursor() as cur:
            return tuple(cur.execute("SELECT count(*), max(coded_at) FROM articles").fetchall()[0])

    def will_write(self) -> None:
        self._writes = True
        if self.text is not None:
            self.text.invalidate()

    def close(self) -> None:
        with self.write_lock:
            if self.text is not None:
                self.text.close()  # before taking self.lock: a build asks it for cursors
                self.text = None
            self._close_store()

    def _close_store(self) -> None:
        with self.lock:
            if self._store is not None:
                with contextlib.suppress(Exception):
                    self._reader.close()
                self._store.close()
                self._store = self._reader = None


def create_app(db: str, *, token: str | None = None, settings: dict | None = None, read_only: bool = False,
               pipeline=None, text_index: bool = True, watch: dict | None = None) -> FastAPI:
    """The API over the store at ``db``. ``read_only`` opens the store read-only and turns writing off
    (POST answers 403); otherwise ``POST /api/articles`` codes with ``pipeline`` (a :class:`Pipeline`,
    loaded on the first POST when None) and, when ``token`` is given, needs it as a bearer token.
    ``text_index=False`` keeps no in-memory copy of the sentences: every text search scans them.
    ``watch``: the keyword arguments of :func:`annales.watch.watch` (``directory``, ``interval``, ``log``...)
    for a :class:`~annales.watch.Watcher` that codes the files arriving there into the store while the app
    runs (the store is then opened for writing even when ``read_only`` turns POST off)."""
    if settings is None:
        from .config import load_settings

        settings = load_settings()
    state = _State(db, not read_only, settings, pipeline, text_index,
                   store_writable=(not read_only) or watch is not None)
    app = FastAPI(title="annales explorer API", version=__version__,
                  description="Political event data coded from news text: events, their reports, aggregates "
                              "and article ingestion. See docs/api.md.")
    app.state.annales = state
    if watch is not None:
        from .watch import Watcher

        options = dict(watch)
        watcher = Watcher(options.pop("directory"), state.store, state.pipeline,
                          around=lambda: state.writing(writes=None), **options)
        app.state.watcher = watcher
        app.router.add_event_handler("startup", watcher.start)
        app.router.add_event_handler("shutdown", watcher.stop)  # before the store closes
    app.router.add_event_handler("shutdown", state.close)

    def searched(f: Filter) -> query.Filters:
        return state.searched(f)

    Searched = Annotated[query.Filters, Depends(searched)]
    bearer = HTTPBearer(auto_error=False, description="Needed by POST /api/articles when the server has a token")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        errors = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
        parts = []
        for e in errors:
            loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body", "header")]
            name = ".".join(loc) or "body"
            if e.get("type") == "string_pattern_mismatch" and name in HINTS and e.get("loc", ("",))[0] == "query":
                e["msg"] = f"{e.get('input')!r} {HINTS[name]}"
            parts.append(f"{name}: {e.get('msg')}")
        return JSONResponse(status_code=422, content={"message": "; ".join(parts), "detail": errors})

    def check_token(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if token is None:
            return
        if creds is None or not hmac.compare_digest(creds.credentials.encode(), token.encode()):
            raise HTTPException(401, "this server needs 'Authorization: Bearer <token>' to write",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.get("/api/health", tags=["meta"])
    def health() -> dict:
        """Liveness and whether writing is enabled."""
        return {"status": "ok", "version": __version__, "writable": state.writable, "token": token is not None}

    @app.get("/api/meta", tags=["meta"])
    def meta() -> dict:
        """Counts, the date span, and the CAMEO roots, PLOVER types, QuadClasses and countries for filters."""
        with state.cursor() as cur:
            out = query.meta(cur)
        roots = {c.root: c.label for c in codes().values() if len(c.code) == 3 and c.code.endswith("0")}
        out["roots"] = [{"root": r, "label": lbl} for r, lbl in sorted(roots.items())]
        out["plover_types"] = [{"type": t, "quad_class": qc} for t, qc in sorted(_plover_types().items())]
        out["quad_classes"] = [{"quad": k, "name": v} for k, v in QUAD_NAMES.items()]
        out["countries"] = [{"iso3": k, "name": v} for k, v in sorted(_countries().items())]
        out["sort_columns"] = {k: list(v) for k, v in query.SORTS.items()}
        out["intervals"] = list(query.INTERVALS)
        return out

    @app.get("/api/events", response_model=EventsPage, tags=["events"])
    def events(f: Searched,
               sort: Annotated[str | None, Query(max_length=30, description="A column of "
                                                 "sort_columns (GET /api/meta); default date")] = None,
               order: Annotated[Literal["asc", "desc"], Query()] = "desc",
               limit: Annotated[int, Query(ge=1, le=1000)] = 50,
               offset: Annotated[int, Query(ge=0, le=100_000_000)] = 0):
        """Events matching the filters, sorted and paginated (``total`` counts them all)."""
        if sort and sort not in query.SORTS[f.level]:
            raise invalid("sort", f"cannot sort {f.level} events by {sort!r}; choose one of "
                                  f"{', '.join(query.SORTS[f.level])}", sort)
        with state.cursor() as cur:
            total, items = query.events_page(cur, f, sort, order, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "level": f.level, "items": items}

    @app.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"],
             responses={404: {"description": "No such event or record"}})
    def event(event_id: Annotated[str, PathParam(max_length=64)]) -> dict:
        """A merged event (by its id or the id of any record it merges) with every report of it: article
        title, outlet, URL, date, sentence, the character offsets of trigger, source and target in the
        sentence, and why it was merged."""
        with state.cursor() as cur:
            found = query.event_detail(cur, event_id)
        if found is None:
            raise HTTPException(404, f"no event or record with id {event_id!r}")
        return found

    @app.get("/api/aggregates/counts", response_model=Counts, tags=["aggregates"])
    def counts(f: Searched, interval: Interval = "day"):
        """Events per day, week (from Monday) or month, by QuadClass; periods without events are absent."""
        with state.cursor() as cur:
            return {"interval": interval, "series": query.counts(cur, f, interval)}

    @app.get("/api/aggregates/dyad", response_model=DyadSeries, tags=["aggregates"])
    def dyad(f: Searched,
             a: Annotated[str, Query(**_ACTOR_Q, description="Actor code prefix or ISO3")],
             b: Annotated[str | None, Query(**_ACTOR_Q, description="The other actor; without it, "
                                                                      "every event involving a")] = None,
             interval: Interval = "month"):
        """A dyad's cooperation-conflict series, both directions: events, sum and mean Goldstein, QuadClasses."""
        ka, kb = _actor("a", a), _actor("b", b)
        if ka is None:
            raise invalid("a", "an actor code or ISO3 country is required", a)
        with state.cursor() as cur:
            return {"a": ka, "b": kb, "interval": interval, "series": query.dyad_series(cur, f, ka, kb, interval)}

    names = _countries()

    @app.get("/api/aggregates/top-actors", response_model=list[TopActor], tags=["aggregates"])
    def top_actors(f: Searched, by: By = "code", limit: Annotated[int, Query(ge=1, le=1000)] = 20):
        """Actors by the number of events they take part in, with their mean Goldstein."""
        with state.cursor() as cur:
            rows = query.top_actors(cur, f, by, limit)
        return [{**r, "name": names.get(r["actor"][:3]) if len(r["actor"]) >= 3 else None} for r in rows]

    @app.get("/api/aggregates/top-dyads", response_model=list[TopDyad], tags=["aggregates"])
    def top_dyads(f: Searched, by: By = "code", limit: Annotated[int, Query(ge=1, le=1000)] = 20):
        """Directed source -> target pairs by their number of events, with mean Goldstein and QuadClasses."""
        with state.cursor() as cur:
            return query.top_dyads(cur, f, by, limit)

    @app.get("/api/aggregates/network", response_model=Network, tags=["aggregates"])
    def network(f: Searched, by: By = "country", limit: Annotated[int, Query(ge=1, le=1000)] = 100):
        """The actor network for the selection: the ``limit`` busiest edges and their actors."""
        with state.cursor() as cur:
            return query.network(cur, f, by, limit)

    @app.get("/api/aggregates/places", response_model=list[Place], tags=["aggregates"])
    def places(f: Searched, limit: Annotated[int, Query(ge=1, le=5000)] = 500):
        """Located events per place, with coordinates (for the map)."""
        with state.cursor() as cur:
            return query.places(cur, f, limit)

    @app.post("/api/articles", response_model=Ingested, tags=["ingest"], dependencies=[Depends(check_token)],
              responses={401: {"description": "Token missing or wrong"}, 403: {"description": "Read-only"}})
    def post_articles(body: ArticleIn | Annotated[list[ArticleIn], Field(min_length=1, max_length=MAX_ARTICLES)]):
        """Code one article or a list of them into the store, then rebuild stories and merged events."""
        if not state.writable:
            raise HTTPException(403, "this server opened the store read-only; restart it without --read-only")
        return _ingest(state, body if isinstance(body, list) else [body])

    if WEB_DIR.is_dir() and (WEB_DIR / "static").is_dir():
        from fastapi.staticfiles import StaticFiles

        app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")

    @app.get("/", include_in_schema=False)
    def index():
        page = WEB_DIR / "index.html"
        if not page.is_file():
            raise HTTPException(404, "the explorer page is not installed; the API is under /api (see /docs)")
        return FileResponse(page)

    return app


def _ingest(state: _State, items: list[ArticleIn]) -> dict:
    from .ingest import parse_json_record
    from .merge import merge_store

    skipped, articles = [], []
    for i, item in enumerate(items):
        try:
            art = parse_json_record(json.dumps(item.model_dump(exclude_none=True)), item.id, f"request[{i}]", None)
        except InputError as exc:
            skipped.append({"id": item.id, "error": str(exc)})
            continue
        articles.append(art)
    pipeline = state.pipeline
    with state.writing(writes=False) as store:
        known = store.coded_hashes(pipeline.version)
        todo = [a for a in articles if known.get(a.id) != a.content_hash]
        if todo:
            state.will_write()
        coded = list(pipeline.pipe(todo)) if todo else []
        n_events = store.write_batch(((c.article, c.events, c.mentions) for c in coded), pipeline.version)
        merged = len(merge_store(store, state.settings)[1].events) if coded else None
    if merged is None:
        with state.cursor() as cur:
            merged = cur.execute("SELECT count(*) FROM merged_events").fetchall()[0][0]
    return {"received": len(items), "coded": len(coded), "unchanged": len(articles) - len(todo),
            "events": n_events, "skipped": skipped, "merged_events": merged}


def serve_in_thread(db: str, *, read_only: bool = True, timeout: float = 30.0):
    """Run the explorer over ``db`` in a background thread on a free 127.0.0.1 port (for notebooks,
    screenshots and browser tests). Returns (base URL, stop())."""
    import socket
    import threading
    import time

    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db), read_only=read_only), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the explorer server did not start")
        time.sleep(0.05)

    def stop():
        server.should_exit = True
        thread.join(10)
        sock.close()

    return f"http://127.0.0.1:{port}/", stop
