"""Reading PETRARCH / TABARI dictionary files: lines, comments, words, load statistics.

PETRARCH's rules: ``#`` starts a comment at the start of a line, after a space or after a code's ``]``
(``[###]`` is a code); a line starting with ``<!`` is skipped (``<!-- ... -->`` headers), and an XML
comment inside a line, or opened inside a line and closed on a later one, is removed; blank lines are
skipped. ``_`` joins words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import ConfigError


@dataclass
class LoadStats:
    """What one load did: entries and terms added, lines or patterns skipped by reason, and (``lines``)
    which lines: the loaders set ``at`` to the line they read, so that a skip names it."""

    entries: int = 0
    terms: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    at: tuple[int, str] | None = None  # (line number, text) being read
    lines: list[tuple[int, str, str]] = field(default_factory=list)  # (line number, reason, text) skipped

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + n
        if self.at is not None and (self.at[0], reason, self.at[1]) not in self.lines[-1:]:
            self.lines.append((self.at[0], reason, self.at[1]))


_COMMENT = re.compile(r"(?:^|(?<=[\s\]]))#")  # "#" at the start, after a space or a code ("[###]" is a code)


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
                line = _COMMENT.split(line, 1)[0].rstrip()
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
