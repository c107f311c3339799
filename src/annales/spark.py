"""Coding on Apache Spark: JSONL, Parquet or WARC in, Parquet ``events/``, ``mentions/``, ``articles/``
and ``errors/`` out, with the column names and types of the local store (:mod:`annales.store_rows`).
Stages: list the input files (any Hadoop-compatible URI: ``file:``, ``hdfs://``, ``s3a://`` ...) ->
parse each file into Articles with the local ingest code (JSONL lines, Parquet rows, WARC records) ->
shuffle by article id (one version per id: the last one read, as in the local store) -> code each
partition with a Pipeline built once per Python worker (``mapPartitions``) -> write Parquet. Event ids
are deterministic (:func:`annales.records.make_event_id`), so a re-run writes the same rows, and
events are de-duplicated by id before writing. A bad input becomes a row of ``errors/`` (origin,
article id, code, message) instead of failing the job.

Imports are absolute so that spark-submit can run this file as a script (docs/scaling.md).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
import time
from datetime import datetime, timezone
from functools import partial
from urllib.parse import unquote, urlsplit

import pyarrow as pa

from annales.config import load_settings
from annales.errors import AnnalesError, ConfigError, InputError, ModelError
from annales.ingest import parse_json_line, parse_json_record
from annales.store_rows import ARTICLE_COLUMN_SPEC, EVENT_COLUMN_SPEC, MENTION_COLUMN_SPEC, flatten_event
from annales.warc import WARC_SUFFIXES, iter_warc_articles

ERROR_COLUMN_SPEC = [("origin", "VARCHAR", pa.string()), ("article_id", "VARCHAR", pa.string()),
                     ("code", "VARCHAR", pa.string()), ("message", "VARCHAR", pa.string())]
TABLES = {"events": EVENT_COLUMN_SPEC, "mentions": MENTION_COLUMN_SPEC, "articles": ARTICLE_COLUMN_SPEC,
          "errors": ERROR_COLUMN_SPEC}
SUFFIXES = {"jsonl": (".jsonl", ".jsonl.gz", ".jsonl.bz2", ".json", ".json.gz"),
            "parquet": (".parquet",), "warc": WARC_SUFFIXES}
MODES = ("overwrite", "append")
_BATCH = 16


# ------------------------------------------------------------------ schemas (one source: store.py)

def spark_type(t: pa.DataType):
    """The Spark SQL type that Parquet-round-trips to the Arrow type ``t``."""
    from pyspark.sql import types as T

    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return T.ArrayType(spark_type(t.value_type), True)
    simple = {pa.string(): T.StringType, pa.large_string(): T.StringType, pa.int16(): T.ShortType,
              pa.int32(): T.IntegerType, pa.int64(): T.LongType, pa.float32(): T.FloatType,
              pa.float64(): T.DoubleType, pa.bool_(): T.BooleanType, pa.date32(): T.DateType}
    if t in simple:
        return simple[t]()
    if pa.types.is_timestamp(t):  # the store's timestamps are naive UTC: TIMESTAMP_NTZ, not session-zoned
        return T.TimestampType() if t.tz else T.TimestampNTZType()
    raise TypeError(f"no Spark type for Arrow type {t}")


def spark_schema(spec):
    """A Spark StructType from a store column spec ``[(name, duckdb_type, arrow_type), ...]``."""
    from pyspark.sql import types as T

    return T.StructType([T.StructField(name, spark_type(t), True) for name, _, t in spec])


def _suffix(name: str, fmt: str | None = None) -> str | None:
    """The longest known suffix of ``name`` (of format ``fmt`` if given), or None."""
    sufs = [x for f, xs in SUFFIXES.items() if fmt in (None, f) for x in xs if name.lower().endswith(x)]
    return max(sufs, key=len, default=None)


def detect_format(name: str) -> str | None:
    """``jsonl``, ``parquet`` or ``warc`` from a file name's suffix; None when unknown."""
    s = _suffix(name)
    return next((f for f, sufs in SUFFIXES.items() if s in sufs), None)


def list_inputs(spark, uri: str, fmt: str | None) -> tuple[str, list[tuple[str, str, str]]]:
    """The format and the files of ``uri`` (a file, a directory (recursed) or a glob) as
    ``(qualified path, origin, stem)``, sorted; hidden files (``.x``, ``_SUCCESS``) are skipped.
    Origins and stems are those the local ingest would give (the path as typed; ``stem:LINE`` ids)."""
    fs, jpath = _fs(spark, uri)
    statuses = fs.globStatus(jpath) or []
    if not statuses:
        raise InputError("E010", origin=uri)
    found: list[tuple[str, str, str]] = []
    glob = any(ch in uri for ch in "*?[{")
    for st in statuses:
        root = st.getPath()
        if not st.isDirectory():
            name = root.getName()
            f = fmt or detect_format(name)
            cut = _suffix(name, f) or ""
            found.append((root.toString(), root.toString() if glob else uri, name[:len(name) - len(cut)] or name))
            continue
        base = root.toUri().getPath().rstrip("/") + "/"
        files = fs.listFiles(root, True)
        while files.hasNext():
            p = files.next().getPath()
            rel = p.toUri().getPath()[len(base):]
            if any(part.startswith((".", "_")) for part in rel.split("/")):
                continue
            f = fmt or detect_format(rel)
            cut = _suffix(rel, f) if f else None
            if cut is None:
                continue
            fmt = fmt or f  # a directory takes the format of its first recognised file
            where = p.toString() if glob else uri.rstrip("/") + "/" + rel
            found.append((p.toString(), where, rel[:len(rel) - len(cut)]))
    fmt = fmt or (detect_format(found[0][0]) if found else None)
    if fmt is None:
        raise ConfigError("E014", value=uri, choices="--format jsonl, parquet or warc (or name files .jsonl, .parquet, .warc.gz)")
    return fmt, sorted(found)


# ------------------------------------------------------------------ parsing (runs on executors)

def _error(where: str | None, article_id: str | None, exc: Exception) -> tuple:
    code = getattr(exc, "code", None) or exc.__class__.__name__
    return (("!error", where or "", code, str(exc)), ((), (where, article_id, code, str(exc))))


def _keyed(art_or_err, pos: tuple):
    if isinstance(art_or_err, InputError):
        return _error(art_or_err.origin, None, art_or_err)
    art_or_err.meta.pop("removals", None)  # only `annales clean` shows them; keep the shuffle small
    return (art_or_err.id, (pos, art_or_err))


def _jsonl_line(index: int, origin: str, stem: str, max_bytes: int, pair) -> list:
    raw, n = pair
    no = n + 1
    try:
        art = parse_json_line(raw, origin, stem, no, max_bytes)
    except InputError as exc:
        return [_keyed(exc, ())]
    return [] if art is None else [_keyed(art, (index, no))]


def _norm(uri: str) -> str:
    """A file URI's path, so ``file:/x``, ``file:///x`` and ``s3a://b/x`` forms of one file compare equal."""
    parts = urlsplit(uri)
    return parts.netloc + unquote(parts.path)


def _parquet_row(files: dict, row) -> list:
    d = row.asDict()
    file = d.pop("_file")
    index, origin, stem = files.get(_norm(file), (len(files), file, file.rsplit("/", 1)[-1]))
    text = d.get("text") if isinstance(d.get("text"), str) else ""
    default = f"{stem}:{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}"
    where = f"{origin}:{d.get('id') or default}"
    try:
        art = parse_json_record(json.dumps({k: v for k, v in d.items() if v is not None}), default, where, None)
    except InputError as exc:
        return [_keyed(exc, ())]
    return [] if art is None else [_keyed(art, (index, 0))]


def _warc_file(files: dict, max_bytes: int, pair) -> list:
    path, data = pair
    index, origin, _ = files.get(_norm(path), (len(files), path, ""))
    out = []
    for item in iter_warc_articles(io.BytesIO(data), origin, max_bytes=max_bytes):
        pos = () if isinstance(item, InputError) else (index, int(item.origin.rsplit("@", 1)[1]))
        out.append(_keyed(item, pos))
    return out


def _last(a, b):
    """Of two versions of one article id, the one read last (as the local store keeps); ties by hash."""
    if not a[0] or not b[0]:
        return a
    return max(a, b, key=lambda v: (v[0], v[1].content_hash))


# ------------------------------------------------------------------ coding (runs on executors)

_PIPELINE = None
_PIPELINE_KEY = None


def worker_pipeline(settings: dict):
    """This Python worker's Pipeline: built (model loaded) on first use, then reused by every task
    the worker runs (Spark reuses Python workers: ``spark.python.worker.reuse``, on by default)."""
    global _PIPELINE, _PIPELINE_KEY
    key = json.dumps(settings, sort_keys=True, default=str)
    if _PIPELINE is None or key != _PIPELINE_KEY:
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        from annales.pipeline import Pipeline

        pipeline = Pipeline(settings)
        pipeline.finder  # load the model and build the matchers now, once
        pipeline.geocoder
        _PIPELINE, _PIPELINE_KEY = pipeline, key
    return _PIPELINE


def _rows(coded, version: str, coded_at: datetime):
    """A coded article's rows, each a tuple in its store table's column order."""
    a = coded.article
    art = {"article_id": a.id, "content_hash": a.content_hash, "title": a.title, "url": a.url,
           "published": a.published, "source": a.source, "authors": list(a.authors or []), "place": a.place,
           "origin": a.origin, "text": a.text, "coder_version": version, "coded_at": coded_at}
    yield "articles", tuple(art.get(c) for c, _, _ in ARTICLE_COLUMN_SPEC)
    seen = set()
    for e in coded.events:
        if e.event_id not in seen:
            seen.add(e.event_id)
            row = flatten_event(e)
            yield "events", tuple(row.get(c) for c, _, _ in EVENT_COLUMN_SPEC)
    for m in coded.mentions:
        row = m.to_dict()
        yield "mentions", tuple(row.get(c) for c, _, _ in MENTION_COLUMN_SPEC)


def _code_batch(pipeline, batch: list, coded_at: datetime):
    try:
        done = list(pipeline.pipe(batch))
    except ModelError:
        raise
    except Exception:  # find the article that broke the batch; code the others
        done = []
        for art in batch:
            try:
                done.extend(pipeline.pipe([art]))
            except ModelError:
                raise
            except Exception as exc:  # one article the coder cannot handle: an error row, not a failed job
                yield "errors", _error(art.origin, art.id, exc)[1][1]
    for coded in done:
        yield from _rows(coded, pipeline.version, coded_at)


def code_partition(settings: dict, coded_at: datetime, items):
    """``mapPartitions`` body: (pos, Article | error tuple) -> ("events" | "mentions" | "articles" |
    "errors", row tuple in the store's column order)."""
    batch: list = []
    pipeline = None
    for _, (_, payload) in items:
        if isinstance(payload, tuple):
            yield "errors", payload
            continue
        batch.append(payload)
        if len(batch) >= _BATCH:
            pipeline = pipeline or worker_pipeline(settings)
            yield from _code_batch(pipeline, batch, coded_at)
            batch = []
    if batch:
        yield from _code_batch(pipeline or worker_pipeline(settings), batch, coded_at)


def _union_row(kv) -> tuple:
    return (kv[0], *(kv[1] if name == kv[0] else None for name in TABLES))


def code_on_spark(spark, input: str, output: str, *, settings: dict | None = None, fmt: str | None = None,
                  partitions: int | None = None, mode: str = "overwrite") -> dict:
    """Code ``input`` (file, directory or glob; JSONL, Parquet or WARC) into Parquet tables under
    ``output`` (``events/``, ``mentions/``, ``articles/``, ``errors/``). Returns counts and seconds.

    ``mode="append"`` adds only articles whose (id, content hash, coder version) is not yet under
    ``output/articles`` (a re-run is a no-op, like the local store's resume); ``errors/`` always
    holds this run's bad inputs. ``partitions``: coding tasks (default 4 per core)."""
    if mode not in MODES:
        raise ConfigError("E014", value=mode, choices=", ".join(MODES))
    if fmt is not None and fmt not in SUFFIXES:
        raise ConfigError("E014", value=fmt, choices=", ".join(SUFFIXES))
    from pyspark.sql import types as T

    from annales.pipeline import coder_version

    started = time.monotonic()
    settings = settings or load_settings()
    max_bytes = int(settings["input"]["max_bytes"])
    sc = spark.sparkContext
    fmt, files = list_inputs(spark, input, fmt)
    if not files:  # a directory without files of the format
        raise InputError("E010", origin=input)
    partitions = partitions or max(2, sc.defaultParallelism * 4)
    index = {_norm(path): (i, origin, stem) for i, (path, origin, stem) in enumerate(files)}
    paths = [path for path, _, _ in files]

    if fmt == "jsonl":
        parsed = sc.union([sc.textFile(path, use_unicode=False).zipWithIndex()
                           .flatMap(partial(_jsonl_line, i, origin, stem, max_bytes))
                           for i, (path, origin, stem) in enumerate(files)])
    elif fmt == "parquet":
        from pyspark.sql import functions as F

        df = spark.read.parquet(*paths)
        if "text" not in df.columns:
            raise InputError("E004", origin=input)
        cols = [F.col(c).cast("string").alias(c) if c == "published" else F.col(c)
                for c in ("id", "text", "title", "url", "published", "source", "authors") if c in df.columns]
        parsed = df.select(*cols, F.input_file_name().alias("_file")).rdd.flatMap(partial(_parquet_row, index))
    else:
        parsed = sc.binaryFiles(",".join(paths)).flatMap(partial(_warc_file, index, max_bytes))

    version = coder_version(settings)
    articles = parsed.reduceByKey(_last, numPartitions=partitions)
    fs, stored = _fs(spark, f"{output}/articles")
    if mode == "append" and fs.exists(stored):
        done = (spark.read.parquet(f"{output}/articles").where(f"coder_version = '{version}'")
                .select("article_id", "content_hash").rdd.map(lambda r: ((r[0], r[1]), None)))
        articles = (articles.map(lambda kv: ((kv[0], kv[1][1].content_hash) if kv[1][0] else kv[0], kv[1]))
                    .subtractByKey(done, numPartitions=partitions))
    coded_at = datetime.now(timezone.utc).replace(tzinfo=None)
    # One Python pass: coded rows go into a JVM-cached DataFrame (one nullable struct per table) that the
    # counts and the four writes read, so no later stage starts Python workers (each would load the model).
    union = T.StructType([T.StructField("kind", T.StringType())] +
                         [T.StructField(name, spark_schema(spec)) for name, spec in TABLES.items()])
    coded = spark.createDataFrame(articles.mapPartitions(partial(code_partition, settings, coded_at))
                                  .map(_union_row), union).persist()
    try:
        counts = {name: 0 for name in TABLES} | {r[0]: r[1] for r in coded.groupBy("kind").count().collect()}
        for name in TABLES:
            df = coded.where(coded.kind == name).select(f"{name}.*")
            if name == "events":
                df = df.dropDuplicates(["event_id"])
            df.write.mode("overwrite" if name == "errors" else mode).parquet(f"{output}/{name}")
    finally:
        coded.unpersist()
    return {"format": fmt, "files": len(files), **counts, "seconds": round(time.monotonic() - started, 1)}


def _fs(spark, uri: str):
    """The Hadoop FileSystem of ``uri`` (local, HDFS, S3A ...) and the URI as a Hadoop Path."""
    sc = spark.sparkContext
    jpath = sc._jvm.org.apache.hadoop.fs.Path(uri)
    return jpath.getFileSystem(sc._jsc.hadoopConfiguration()), jpath


def session(master: str | None = None, app_name: str = "annales"):
    """The active SparkSession, else a new one: on ``master`` if given; under spark-submit, on the
    master it was given; otherwise ``local[2]``, with this Python for the workers."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active, False
    builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not launched by spark-submit
        master = "local[2]"
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate(), True


def run(input: str, output: str, *, master: str | None = None, partitions: int | None = None,
        fmt: str | None = None, config: str | None = None, mode: str = "overwrite",
        echo=lambda line: print(line, file=sys.stderr)) -> int:
    """Run a job and report it; returns the exit code (0 ok, 1 inputs skipped, 2 usage or
    configuration, 3 model or Spark unusable). What ``annales spark`` (and ``python -m annales.spark``) runs."""
    try:
        settings = load_settings(config)
        spark, own = session(master)
    except AnnalesError as exc:
        echo(f"Error: {exc}")
        return 2
    except Exception as exc:  # no Java, a bad master URL ...
        echo(f"Error: cannot start Spark (it needs Java 17 or newer): {exc}")
        return 3
    try:
        result = code_on_spark(spark, input, output, settings=settings, fmt=fmt, partitions=partitions, mode=mode)
    except (ConfigError, InputError) as exc:
        echo(f"Error: {exc}")
        return 2 if isinstance(exc, ConfigError) else 1
    except Exception as exc:  # the model missing on an executor ([E011]), Spark failing ...
        lines = str(exc).splitlines() or [repr(exc)]
        echo("Error: " + next((ln for ln in lines if "[E011]" in ln), lines[0]))
        return 3
    finally:
        if own:
            spark.stop()
    echo(f"coded {result['articles']} articles from {result['files']} {result['format']} file(s): "
         f"{result['events']} events, {result['mentions']} mentions, {result['errors']} errors "
         f"in {output} ({result['seconds']} s)")
    if result["errors"]:
        echo(f"bad inputs are listed in {output}/errors/")
    return 1 if result["errors"] else 0


if __name__ == "__main__":  # python -m annales.spark / spark-submit .../annales/spark.py: `annales spark`
    from annales.cli import spark as _command  # runs annales.spark (not this __main__ copy) on the executors

    _command(prog_name="python -m annales.spark")
