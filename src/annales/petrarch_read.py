"""Reading PETRARCH / TABARI dictionary files: lines, comments, words, load statistics.

PETRARCH's rules: ``#`` starts a comment anywhere on a line; a line starting with ``<!`` is skipped
(``<!-- ... -->`` headers), and an XML comment inside a line, or opened inside a line and closed on a
later one, is removed; blank lines are skipped. ``_`` joins words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import ConfigError


@dataclass
class LoadStats:
    """What one load did: entries and terms added, lines or patterns skipped by reason."""

    entries: int = 0
    terms: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + n


def _lines(path):
    """(line number, text without comments) of the non-blank lines of a dictionary."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            in_comment = False
            for n, raw in enumerate(fh, 1):
                line = raw.rstrip("\n")
                if in_comment:  # an XML comment opened inside an earlier line
                    if "-->" not in line:
                        continue
                    line, in_comment = line.split("-->", 1)[1], False
                elif line.lstrip().startswith("<"):
                    continue
                while "<!--" in line:
                    head, _, tail = line.partition("<!--")
                    if "-->" not in tail:
                        line, in_comment = head, True
                        break
                    line = head + " " + tail.split("-->", 1)[1]
                line = line.split("#", 1)[0].rstrip()
                if line.strip():
                    yield n, line
    except OSError as exc:
        raise ConfigError("E013", path=str(path), line=0, reason=exc.strerror or str(exc)) from None


def _words(name: str) -> list[str]:
    return name.replace("_", " ").split()


def _lines_keep_hash(path):
    """(line number, text) of a file whose ``#`` does not always start a comment."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            yield from enumerate((line.rstrip("\n") for line in fh), 1)
    except OSError as exc:
        raise ConfigError("E013", path=str(path), line=0, reason=exc.strerror or str(exc)) from None
