"""The ``annales`` command line: parse arguments, call the library, turn exceptions into clean exits.

Exit codes: 0 success; 1 some inputs were skipped or the run stopped at a bad input; 2 usage or
configuration error; 3 the model or the store could not be used.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date, datetime

import click

from . import __version__
from .errors import AnnalesError, ConfigError, InputError, ModelError, StoreError

FORMATS = ["jsonl", "csv", "table", "parquet"]


def _fail(exc: Exception) -> None:
    code = 3 if isinstance(exc, (ModelError, StoreError)) else 2 if isinstance(exc, ConfigError) else 1
    click.echo(f"Error: {exc}", err=True)
    sys.exit(code)


class _StoreParam(click.ParamType):
    """``--db`` of a command that reads a store: an existing DuckDB file, or a PostgreSQL URL."""

    name = "PATH|URL"

    def convert(self, value, param, ctx):
        from .store import is_server_url

        if is_server_url(value):
            return value
        return click.Path(exists=True, dir_okay=False).convert(value, param, ctx)


_DB = _StoreParam()


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _pipeline(config, actors=(), agents=(), verbs=()):
    """The pipeline, with PETRARCH/Phoenix dictionaries (if given) layered over the built-in knowledge."""
    from .config import load_settings

    if actors or agents or verbs:
        from .petrarch import with_dictionaries

        return with_dictionaries(load_settings(config), actors, agents, verbs)
    from .pipeline import Pipeline

    return Pipeline(load_settings(config))


def _dictionaries(f):
    """``--actors``/``--agents``/``--verbs``: PETRARCH-2 / Phoenix dictionary files (see annales.petrarch).
    All three together replace the built-in knowledge; fewer are layered over it."""
    path = click.Path(exists=True, dir_okay=False)
    f = click.option("--verbs", multiple=True, type=path, help="PETRARCH verbs dictionary (repeatable; with --actors and --agents, replaces the built-in knowledge).")(f)
    f = click.option("--agents", multiple=True, type=path, help="PETRARCH agents dictionary (repeatable).")(f)
    return click.option("--actors", multiple=True, type=path, help="PETRARCH/Phoenix actors dictionary (repeatable).")(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="annales")
def main():
    """annales: political event data from news text.

    Who did what to whom, when, where, according to whom: articles in, CAMEO/PLOVER-coded events
    out, stored in an embedded DuckDB file with the sentence each event came from.
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default="annales.duckdb", show_default=True, help="DuckDB file or postgresql:// URL to code into.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format for the events (default: table on a terminal, jsonl in a pipe).")
@click.option("--output", "-o", default=None, help="Write events here instead of standard output.")
@click.option("--published", callback=_date, help="Publication date for inputs that have none (YYYY-MM-DD).")
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes that parse in parallel.")
@click.option("--on-error", type=click.Choice(["skip", "stop"]), default="skip", show_default=True,
              help="On a bad input: report it and go on, or stop.")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Settings file layered over the defaults.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@click.option("--no-merge", is_flag=True, help="Do not rebuild stories and merged events afterwards.")
@_dictionaries
def code(inputs, db, fmt, output, published, workers, on_error, config, quiet, no_merge, actors, agents, verbs):
    """Code articles into events, store them, and print them.

    INPUTS are .txt, .html/.htm, .jsonl, .warc/.warc.gz and feed (.rss, .atom, .xml) files, directories
    (recursed) or - for standard input.

    \b
    Example:
        annales code examples/ --format table
        annales code news.jsonl --workers 2 --format jsonl -o events.jsonl
    """
    from .batch import RunSummary, StopRun, code_inputs
    from .export import write_events
    from .store import open_store

    if fmt is None:
        fmt = "table" if (output is None and sys.stdout.isatty()) else "jsonl"
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output PATH")
    started = time.monotonic()
    summary = RunSummary()
    try:
        pipeline = _pipeline(config, actors, agents, verbs)
        with open_store(db) as store, _progress(quiet) as advance:
            events = code_inputs(inputs, store, pipeline, summary, published=published, workers=workers,
                                 on_error=on_error, report=lambda e: click.echo(f"skipped {e}", err=True),
                                 progress=advance)
            if fmt == "table":
                events = list(events)  # the bar finishes before the table prints
            write_events(events, fmt, output)
            merged = None
            if not no_merge and not summary.interrupted and pipeline.settings["merge"]["after_code"]:
                from .merge import merge_store

                if not quiet and sys.stderr.isatty():
                    click.echo("merging reports into stories and events ...", err=True)
                merged = merge_store(store, pipeline.settings)
    except StopRun as exc:
        click.echo(f"stopped at {exc.error.origin}; everything before it is stored", err=True)
        sys.exit(1)
    except AnnalesError as exc:
        _fail(exc)
    if not quiet:
        click.echo(summary.line(store.path, time.monotonic() - started), err=True)
        if merged is not None:
            click.echo(_merge_line(*merged), err=True)
        if summary.failed:
            click.echo(f"{len(summary.failed)} input(s) skipped:", err=True)
            for err in summary.failed:
                click.echo(f"  {err}", err=True)
    if summary.interrupted:
        click.echo("interrupted: committed batches are kept; run again to resume", err=True)
        sys.exit(130)
    sys.exit(1 if summary.failed else 0)


class _progress:
    """A rich progress bar on a terminal (stderr), nothing in a pipe or with --quiet."""

    def __init__(self, quiet: bool):
        self.enabled = not quiet and sys.stderr.isatty()

    def __enter__(self):
        if not self.enabled:
            return lambda article: None
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("coding"), BarColumn(), TextColumn("{task.completed} articles"),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), transient=True)
        self.bar.__enter__()
        task = self.bar.add_task("code", total=None, rate="")
        start = time.monotonic()

        def advance(article):
            n = self.bar.tasks[0].completed + 1
            rate = n / max(time.monotonic() - start, 1e-6)
            self.bar.update(task, advance=1, rate=f"{rate:.1f}/s")

        return advance

    def __exit__(self, *exc):
        if self.enabled:
            self.bar.__exit__(*exc)


def _merge_line(stories: dict, result) -> str:
    n_stories = len(set(stories.values()))
    return (f"merged {len(result.links)} coded records into {len(result.events)} events "
            f"({len(stories)} articles in {n_stories} stories)")


@main.command()
@click.option("--db", default="annales.duckdb", show_default=True, type=_DB,
              help="DuckDB file, or a postgresql:// URL.")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Settings file layered over the defaults.")
def merge(db, config):
    """Group the store's articles into stories and merge reports of the same event.

    Rebuilds the tables stories, merged_events and merge_links (``annales code`` does this
    after each run unless given --no-merge). The rule is in docs/merging.md.

    \b
    Example:
        annales merge --db annales.duckdb
    """
    from .config import load_settings
    from .merge import merge_store
    from .store import open_store

    try:
        settings = load_settings(config)
        with open_store(db) as store:
            merged = merge_store(store, settings)
    except AnnalesError as exc:
        _fail(exc)
    click.echo(_merge_line(*merged))


@main.command()
@click.argument("event_id")
@click.option("--db", default="annales.duckdb", show_default=True, type=_DB,
              help="DuckDB file, or a postgresql:// URL.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def explain(event_id, db, as_json):
    """Show a merged event, every report of it, and why they were merged.

    EVENT_ID is a merged event's id or the id of any coded record it merges.

    \b
    Example:
        annales explain 3f2a9c0d11e4b7a2
    """
    from .store import open_store

    try:
        with open_store(db, read_only=True) as store:
            found = store.explain(event_id)
    except AnnalesError as exc:
        _fail(exc)
    if found is None:
        click.echo(f"Error: no event or record with id {event_id!r} in {store.path} "
                   "(run `annales merge` if the store was coded with --no-merge)", err=True)
        sys.exit(1)
    event, mentions = found
    if as_json:
        click.echo(json.dumps({"event": event.to_dict(), "mentions": mentions}, indent=2, default=str))
        return
    click.echo(_explain_text(event, mentions))


def _explain_text(event, mentions) -> str:
    target = f" -> {event.target_code or event.target_country or '?'}" if event.target_code or event.target_country else ""
    loc = event.location or {}
    lines = [
        f"event {event.event_id}: {event.source_code or event.source_country or '?'}{target}  "
        f"CAMEO {event.cameo} ({event.plover or '-'}, quad {event.quad_class}, Goldstein {event.goldstein:+g})",
        f"  date {event.date or '-'} ({event.date_precision or '-'}{', from publication' if event.date_inferred else ''})"
        f"  place {loc.get('name') or '-'}{' ' + loc['country'] if loc.get('country') else ''}",
        f"  {event.num_mentions} mentions in {event.num_articles} articles from {event.num_sources} sources; "
        f"story {event.story_id or '-'}",
    ]
    for n, m in enumerate(mentions, 1):
        s, t = m["trigger_start"], m["trigger_end"]
        sent = m["sentence"]
        marked = f"{sent[:s]}[{sent[s:t]}]{sent[t:]}" if s is not None and t is not None else sent
        lines += [f"  {n}. {m['article_id']} sentence {m['sentence_index']}  {m['outlet'] or '-'}  "
                  f"{m['published'] or '-'}  {m['url'] or ''}".rstrip(),
                  f"     {marked}",
                  f"     {m['reason']}"]
    return "\n".join(lines)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def clean(file):
    """Show an input's cleaned text and what was removed from it.

    \b
    Example:
        annales clean examples/04_sanctions_threat.txt
    """
    from .clean import CleanResult, clean_report
    from .ingest import read_inputs

    failed = False
    for item in read_inputs([file]):
        if isinstance(item, InputError):
            click.echo(f"skipped {item}", err=True)
            failed = True
            continue
        click.echo(f"== {item.id}  title={item.title!r} published={item.published} place={item.place!r} "
                   f"source={item.source!r} authors={item.authors}")
        click.echo(clean_report(CleanResult(item.text, item.meta.get("removals", []))))
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("input", default="-")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--config", type=click.Path(exists=True, dir_okay=False))
@_dictionaries
def classify(input, fmt, config, actors, agents, verbs):
    """Classify given source/target pairs: each JSONL line {"id", "text", "source": [start, end],
    "target": [start, end]} gets back {"id", "cameo", "plover", "quad_class", "scores"}.

    \b
    Example:
        echo '{"id": 1, "text": "Russia attacked Ukraine.", "source": [0, 6], "target": [16, 23]}' \\
            | annales classify -
    """
    from .classify import classify_pair

    try:
        pipeline = _pipeline(config, actors, agents, verbs)
        fh = sys.stdin if input == "-" else open(input, encoding="utf-8")
    except (AnnalesError, OSError) as exc:
        _fail(exc)
    failed = 0
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                result = classify_pair(pipeline, rec["text"], tuple(rec["source"]), tuple(rec["target"]))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                click.echo(f"skipped {input}:{lineno}: {exc.__class__.__name__}: {exc}", err=True)
                failed += 1
                continue
            click.echo(json.dumps({"id": rec.get("id"), **result}, ensure_ascii=False))
    sys.exit(1 if failed else 0)


@main.command()
@click.option("--db", default="annales.duckdb", show_default=True, type=_DB,
              help="DuckDB file, or a postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "table", "gdelt", "polecat", "duckdb"]),
              default="jsonl", show_default=True,
              help="gdelt: GDELT 2.0 event table (61 columns, TSV); polecat: POLECAT TSV. Both write merged "
                   "events (docs/exports.md). duckdb: a copy of the whole store (every table) as a DuckDB file.")
@click.option("--output", "-o", default=None, help="File to write (required for parquet).")
@click.option("--merged", is_flag=True, help="Export merged events (one per real-world event) instead of "
                                              "coded records; gdelt and polecat always do.")
@click.option("--header", is_flag=True, help="gdelt: start with a header line (GDELT's own files have none).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Only events at least this likely to be judged right (docs/schema.md, confidence); a merged "
                   "event has its most confident report's.")
def export(db, fmt, output, merged, header, min_confidence):
    """Export every stored event.

    \b
    Example:
        annales export --format csv -o events.csv
        annales export --format parquet -o events.parquet
        annales export --merged --format jsonl -o merged.jsonl
        annales export --format gdelt -o events.gdelt.tsv
        annales export --format csv --min-confidence 0.3 -o likely.csv
        annales export --db postgresql://annales@dbhost/news --format duckdb -o news.duckdb
    """
    from .export import export_store
    from .store import Store, is_server_url, open_store

    if fmt in ("parquet", "duckdb") and (output is None or is_server_url(output)):
        raise click.UsageError(f"--format {fmt} needs --output PATH")
    if fmt == "duckdb" and min_confidence is not None:
        raise click.UsageError("--format duckdb copies the whole store; --min-confidence does not apply")
    try:
        with open_store(db, read_only=True) as store:
            if fmt == "duckdb":
                with Store(output) as copy:
                    n = store.copy_to(copy)["events"]
            else:
                n = export_store(store, fmt, output, merged=merged, header=header, min_confidence=min_confidence)
    except AnnalesError as exc:
        _fail(exc)
    if output:
        kind = "merged events" if merged or fmt in ("gdelt", "polecat") else "events"
        click.echo(f"wrote {n} {kind} to {output}", err=True)


@main.command()
@click.option("--db", default="annales.duckdb", show_default=True, type=_DB,
              help="DuckDB file, or a postgresql:// URL.")
@click.option("--top", default=10, show_default=True, help="How many dyads to list.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def stats(db, top, as_json):
    """Counts by CAMEO root, top dyads and the date span of the store.

    \b
    Example:
        annales stats --top 5
    """
    from .store import open_store

    try:
        with open_store(db, read_only=True) as store:
            s = store.stats(top=top)
    except AnnalesError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(s, indent=2, default=str))
        return
    click.echo(f"{s['articles']} articles, {s['events']} coded records merged into {s['merged_events']} events, "
               f"{s['mentions']} actor mentions; "
               f"dates {s['date_span'][0]} to {s['date_span'][1]}")
    click.echo("events by CAMEO root:")
    for row in s["by_root"]:
        root, label, count = (row + (None,))[:3] if len(row) == 2 else row
        click.echo(f"  {root}  {count:>7}  {label or ''}")
    click.echo("top dyads:")
    for src, tgt, count in s["top_dyads"]:
        click.echo(f"  {src or '-':<10} -> {tgt or '-':<10} {count:>7}")


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 64))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", default=0, help="Also list this many records the coder got wrong.")
@click.option("--config", type=click.Path(exists=True, dir_okay=False))
@_dictionaries
def evaluate(gold, workers, as_json, show_errors, config, actors, agents, verbs):
    """Score the coder on gold-coded sentences: precision, recall and F1 at three levels
    (source country + target country + CAMEO root; the same with the full code; root alone).

    \b
    Example:
        annales evaluate ../shared/data/gold/petr2_gsr_validation.jsonl
    """
    from .evaluate import evaluate as run_eval

    try:
        report = run_eval(_pipeline(config, actors, agents, verbs), gold, workers=workers)
    except AnnalesError as exc:
        _fail(exc)
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else report.format())
    for err in report.errors[:show_errors]:
        click.echo(f"\n{err['id']}: {err['text']}\n  gold:      {err['gold']}\n  predicted: {err['predicted']}")


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@main.command()
@click.option("--db", default="annales.duckdb", show_default=True, help="DuckDB store to serve (not yet a PostgreSQL one).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar="ANNALES_TOKEN", default=None,
              help="Bearer token that POST /api/articles needs (or env ANNALES_TOKEN); required when --host "
                   "is not local, unless --read-only.")
@click.option("--read-only", is_flag=True, help="POST /api/articles answers 403 (and, without --watch, the "
              "store is opened read-only).")
@click.option("--watch", "watch_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="Also code the files arriving in this directory into the store, as `annales watch` does.")
@click.option("--interval", default="15m", show_default=True, callback=lambda c, p, v: _interval(c, p, v),
              help="With --watch: time between passes (30s, 15m, 1h or seconds).")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Settings file layered over the defaults.")
def serve(db, host, port, token, read_only, watch_dir, interval, config):
    """Serve the explorer (page and HTTP API) over a store.

    The API is under /api (OpenAPI spec at /openapi.json, docs at /docs; see docs/api.md). It listens on
    127.0.0.1 unless told otherwise; listening anywhere else needs --token (or --read-only).

    A DuckDB file is written by one process at a time, so `annales watch` cannot code into a store that is
    being served; --watch DIR makes the server itself code the files arriving in DIR (one pass every
    --interval, in the background; the explorer shows them after each pass).

    \b
    Example:
        annales serve --db annales.duckdb --port 8000
        annales serve --db news.duckdb --read-only --watch incoming/ --interval 5m
        ANNALES_TOKEN=$(openssl rand -hex 16) annales serve --host 0.0.0.0
    """
    if host not in LOCAL_HOSTS and not token and not read_only:
        click.echo(f"Error: --host {host} lets other machines reach the server, and POST /api/articles writes "
                   "to the store: give it a --token (or ANNALES_TOKEN), or pass --read-only", err=True)
        sys.exit(2)
    try:
        import uvicorn

        from .api import create_app
        from .config import load_settings
    except ImportError as exc:
        click.echo(f"Error: {exc}; install the server's dependencies: pip install fastapi uvicorn", err=True)
        sys.exit(2)
    try:
        settings = load_settings(config)
        watch = None
        if watch_dir is not None:
            def log(line: str) -> None:
                click.echo(f"{datetime.now().isoformat(timespec='seconds')} {line}", err=True)

            watch = {"directory": watch_dir, "interval": interval, "log": log,
                     "merge": bool(settings["merge"]["after_code"]),
                     "report": lambda e: click.echo(f"skipped {e}", err=True)}
        app = create_app(db, token=token or None, settings=settings, read_only=read_only, watch=watch)
    except AnnalesError as exc:
        _fail(exc)
    click.echo(f"serving {db} on http://{'[' + host + ']' if ':' in host else host}:{port}/ "
               f"({'read-only' if read_only else 'writes need the token' if token else 'writable'})"
               + (f"; coding the files arriving in {watch_dir} every {interval:g} s" if watch_dir else ""), err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


@main.command()
@click.argument("input")
@click.argument("output")
@click.option("--master", default=None,
              help="Spark master URL (default: the one spark-submit gives, else local[2]).")
@click.option("--partitions", type=click.IntRange(1), default=None, help="Coding tasks (default: 4 per core).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet", "warc"]), default=None,
              help="Input format (default: from the file names' suffixes).")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Settings file layered over the defaults.")
@click.option("--append", is_flag=True, help="Add only articles not yet in OUTPUT (same id, text and coder "
                                             "version) instead of overwriting it.")
def spark(input, output, master, partitions, fmt, config, append):
    """Code JSONL, Parquet or WARC files on Apache Spark into Parquet tables.

    INPUT is a file, directory or glob, local or any Hadoop URI (hdfs://, s3a://). OUTPUT gets
    events/, mentions/ and articles/ with the local store's columns, and errors/ for bad inputs.
    Needs the `spark` extra (pip install 'annales[spark]') and Java 17+; docs/scaling.md shows
    spark-submit on a cluster.

    \b
    Example:
        annales spark news.jsonl out/
        annales spark 'crawl/*.warc.gz' out/ --master 'local[4]' --partitions 64
    """
    try:
        from .spark import run
    except ImportError as exc:
        click.echo(f"Error: {exc}; install the spark extra: pip install 'annales[spark]'", err=True)
        sys.exit(2)
    sys.exit(run(input, output, master=master, partitions=partitions, fmt=fmt, config=config,
                 mode="append" if append else "overwrite", echo=lambda line: click.echo(line, err=True)))


def _interval(ctx, param, value):
    from .watch import parse_interval

    try:
        return parse_interval(value)
    except ConfigError:
        raise click.BadParameter(f"{value!r} is not a duration: give seconds (900) or 30s, 15m, 1h") from None


@main.command("watch")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default="annales.duckdb", show_default=True, help="DuckDB file or postgresql:// URL to code into.")
@click.option("--interval", default="15m", show_default=True, callback=_interval,
              help="Time between passes: seconds, or 30s, 15m, 1h.")
@click.option("--once", is_flag=True, help="Run one pass and exit (for cron).")
@click.option("--settle", default=2.0, show_default=True, type=click.FloatRange(0),
              help="Seconds a new file's size must stay the same before it is coded (0: until the next pass).")
@click.option("--published", callback=_date, help="Publication date for inputs that have none (YYYY-MM-DD).")
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes that parse in parallel.")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Settings file layered over the defaults.")
@click.option("--no-merge", is_flag=True, help="Do not rebuild stories and merged events after a pass.")
@click.option("--verbose", "-v", is_flag=True, help="Also log each committed batch.")
@_dictionaries
def watch_command(directory, db, interval, once, settle, published, workers, config, no_merge, verbose,
                  actors, agents, verbs):
    """Code the files that arrive in DIRECTORY, every --interval, until stopped.

    Each pass codes the input files (.txt, .html, .jsonl, .warc/.warc.gz, .rss/.atom/.xml feeds, in
    subdirectories too) that are new or changed since the last pass, once their size has settled, and
    logs one line. What is done is kept in the store (table watch_files), so a restarted watcher codes
    nothing twice and loses nothing. Ctrl-C or SIGTERM stops after the batch in progress.

    \b
    Example:
        annales watch incoming/ --db news.duckdb --interval 15m
        annales watch incoming/ --once        # one pass, e.g. from cron
    """
    from .watch import watch

    def log(line: str) -> None:
        click.echo(f"{datetime.now().isoformat(timespec='seconds')} {line}", err=True)

    try:
        pipeline = _pipeline(config, actors, agents, verbs)
        merge = not no_merge and pipeline.settings["merge"]["after_code"]
        log(f"watching {directory} every {interval:g} s into {db}" if not once else f"one pass over {directory}")
        total = watch(directory, db, pipeline, interval=interval, once=once, settle=settle, workers=workers,
                      published=published, merge=merge, verbose=verbose, log=log,
                      report=lambda e: click.echo(f"skipped {e}", err=True))
    except KeyboardInterrupt:
        click.echo("interrupted: committed batches are kept; run again to resume", err=True)
        sys.exit(130)
    except AnnalesError as exc:
        _fail(exc)
    if not once:
        log(f"stopped after {total.passes} pass{'es' * (total.passes != 1)}: coded {total.coded} articles")
        sys.exit(0)
    sys.exit(1 if total.failed else 0)


if __name__ == "__main__":
    main()
