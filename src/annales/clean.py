"""Strip the boilerplate that scraped news text carries (nav bars, comment prompts, captions...).

``clean_text`` works line by line against a table of ``(regex, reason)`` patterns, matched
against the whole (whitespace-normalised) line. It is deliberately conservative: a line of
12+ words ending in a period is treated as body text unless a *strong* pattern (a photo
credit) matches it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Removal", "CleanResult", "clean_text", "clean_report", "PATTERNS", "STRONG_PATTERNS"]


@dataclass
class Removal:
    """One removed line (or inline fragment): 1-based line number in the input, text, why."""

    line: int
    text: str
    reason: str


@dataclass
class CleanResult:
    """The cleaned text and what was removed from it."""

    text: str
    removed: list[Removal] = field(default_factory=list)


_I = re.IGNORECASE
_FOOTER_TERM = (r"(?:terms (?:of (?:use|service)|(?:and|&) conditions)|privacy(?: policy| notice| settings)?"
                r"|cookies?(?: settings| policy| preferences)?|manage cookies|contact us|about us|accessibility"
                r"|sitemap|site map|careers|advertise(?: with us)?|do not sell my personal information)")
_SOCIAL = (r"(?:facebook|twitter|x|e-?mail|whatsapp|linkedin|reddit|pinterest|telegram|print|copy link"
           r"|share|messenger|flipboard|bluesky|threads)")
_SEP = r"\s*[|•·»›>]\s*"


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, _I)


# Matched against the whole stripped line; subject to the long-sentence guard.
PATTERNS: list[tuple[re.Pattern, str]] = [
    # comment prompts
    (_rx(r"(?:log ?in|sign ?in|sign up|register)(?: or (?:sign up|register|subscribe))?"
         r" to (?:post a |leave a |add a )?comments?\.?"), "comment-prompt"),
    (_rx(r"comments?\s*\(\d+\)|\d+\s+comments?|(?:show|view|hide|load) (?:all )?comments?(?:\s*\(\d+\))?"),
     "comment-prompt"),
    (_rx(r"join the (?:conversation|discussion|debate)\.?|(?:leave|post|add) a comment\.?"
         r"|be the first to comment\.?"), "comment-prompt"),
    # log-in / paywall nags
    (_rx(r"(?:sign ?in|log ?in|register|subscribe)(?: now| today| for free)?"
         r" to (?:continue(?: reading)?|read (?:more|on|the full (?:article|story))|keep reading"
         r"|unlock (?:this|the full) (?:article|story))\.?(?:\s*[.…]+)?"), "login-nag"),
    (_rx(r"already (?:a subscriber|have an account|registered)\?.{0,40}"), "login-nag"),
    (_rx(r"(?:this (?:article|content) is (?:for|only available to) subscribers(?: only)?"
         r"|subscribe(?: now)? for (?:full|unlimited) access)\.?"), "login-nag"),
    # teasers (the line that follows is handled in clean_text)
    (_rx(r"(?:read more|read also|also read|see also|related|more on this(?: story)?|watch)\s*:.*"), "teaser"),
    (_rx(r"related (?:articles?|stories|coverage|content|news|reading)\s*:?|you (?:may|might) also like\s*:?"
         r"|recommended(?: for you| stories)?\s*:?|most (?:read|popular)\s*:?|more (?:stories|from [\w ]{1,30})\s*:?"),
     "teaser"),
    # navigation
    (_rx(r"skip to (?:main )?(?:content|navigation|main content)|back to top\W?|(?:main )?menu"
         r"|(?:toggle|open|close) (?:navigation|menu)|jump to (?:content|navigation)"), "navigation"),
    # footer
    (_rx(r"(?:©|\(c\)|copyright\s+(?:©\s*)?(?:\d{4}|by\b)).{0,160}"), "footer"),
    (_rx(r".{0,160}\ball rights reserved\.?"), "footer"),
    (_rx(rf"{_FOOTER_TERM}(?:{_SEP}{_FOOTER_TERM})*"), "footer"),
    # share buttons
    (_rx(rf"share(?: this)?(?: article| story| page| post)?(?: on {_SOCIAL})?\s*:?"), "share-buttons"),
    (_rx(rf"{_SOCIAL}(?:(?:\s*[|•·,]\s*|\s+){_SOCIAL}){{1,}}"), "share-buttons"),
    # link lists: "Home | World | Politics | Business"
    (_rx(rf"[^|•·»›>.!?]{{1,30}}(?:{_SEP}[^|•·»›>.!?]{{1,30}}){{2,}}"), "navigation"),
    # tags
    (_rx(r"(?:topics?|tags?|tagged(?: with)?|filed under|categories|keywords)\s*:\s*.{1,300}"), "tags"),
    # adverts
    (_rx(r"(?:advertisement|advertising|sponsored(?: content)?|ad|paid content)"
         r"(?:\s*[-–—:]?\s*(?:scroll|continue reading) (?:down )?(?:to|below)(?: continue)?(?: with content)?)?"
         r"|(?:story|article) continues (?:below|after)(?: (?:this|the))?(?: advertisement| ad)?"), "advert"),
    # captions that start with a credit
    (_rx(r"(?:photo|picture|image|photograph|credit|file photo)s?\s*:\s*.{1,200}"), "photo-caption"),
    (_rx(r".{0,200}\bGetty Images\s*\)?\.?"), "photo-caption"),
]

# Searched in the line and applied even to long sentences: unmistakable photo credits at the end.
STRONG_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\bREUTERS/\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*\)?\.?$"), "photo-caption"),
    (re.compile(r"\((?:AFP|AP|EPA|Reuters|REUTERS|AFP/Getty|Xinhua|Anadolu)"
                r"(?:\s+Photo)?(?:\s*/\s*[^)]{1,60})?\)\.?$"), "photo-caption"),
    (re.compile(r"\b(?:AP|AFP|EPA|Xinhua) Photos?\s*/\s*[A-Z][^/]{1,60}\)?\.?$"), "photo-caption"),
    (re.compile(r"(?:/\s*|\(\s*|\bvia\s+|Photo(?:graph)?(?: by)?:?\s+[^/]{1,60}/\s*)Getty Images\s*\)?\.?$"),
     "photo-caption"),
]

# Removed inline, wherever they occur in a line.
INLINE_PATTERNS: list[tuple[re.Pattern, str]] = [
    (_rx(r"\[\s*email(?:\s|&#160;|&nbsp;|\xa0)*protected\s*\]"), "email-placeholder"),
]

_SPACES = re.compile(r"[ \t\f\v\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"\S+")
_MAX_TEASER_LINES = 5


def _normalise(line: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _is_sentence(line: str) -> bool:
    """The guard: 12+ words ending in a period is body text."""
    return line.endswith(".") and len(_WORD.findall(line)) >= 12


def _headline_like(line: str) -> bool:
    """Short (<15 words) and not ending like a sentence or list item."""
    return 0 < len(_WORD.findall(line)) < 15 and not line.endswith((".", ",", ";", ":"))


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line.casefold()).strip()


def classify(line: str) -> str | None:
    """The reason ``line`` (already normalised) is boilerplate, or None for body text."""
    for rx, reason in STRONG_PATTERNS:
        if rx.search(line):
            return reason
    if _is_sentence(line):
        return None
    for rx, reason in PATTERNS:
        if rx.fullmatch(line):
            return reason
    return None


def _teaser_tail(line: str) -> str:
    """What follows the colon of a teaser ("Read more: X" -> "X"), or ""."""
    return line.split(":", 1)[1].strip() if ":" in line else ""


def clean_text(text: str, title: str | None = None) -> CleanResult:
    """Remove boilerplate lines, normalise whitespace and drop a first line repeating ``title``.

    Line numbers in the result's ``removed`` are 1-based lines of ``text``.
    """
    removed: list[Removal] = []
    kept: list[str] = []  # "" marks a paragraph break
    teaser: str | None = None  # after a teaser line: "" (bare "READ MORE:") or its tail
    taken, limit = 0, 0  # headline lines removed after the current teaser, and how many may be
    title_key = _key(title) if title else ""
    seen_body = False

    for no, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = _normalise(raw)
        for rx, reason in INLINE_PATTERNS:
            hits = rx.findall(line)
            if hits:
                removed.extend(Removal(no, h, reason) for h in hits)
                line = _normalise(rx.sub("", line))
        if not line:
            if taken:
                teaser = None
            if kept and kept[-1]:
                kept.append("")
            continue

        reason = classify(line)
        follows = False
        if reason is None and teaser is not None:
            if teaser == "" and _headline_like(line) and taken < limit:
                reason, follows = "teaser", True
            elif teaser and not taken and _key(line) == _key(teaser):
                reason = "repeated-headline"
        if reason is None and not seen_body and title_key and _key(line) == title_key:
            reason = "repeated-headline"

        if reason is None:
            teaser, taken, seen_body = None, 0, True
            kept.append(line)
            continue
        removed.append(Removal(no, line, reason))
        if follows:
            taken += 1
        elif reason == "teaser":  # "READ MORE:" announces one headline, "Related articles" a list
            teaser, taken = _teaser_tail(line), 0
            limit = 1 if line.endswith(":") else _MAX_TEASER_LINES
        else:
            teaser, taken = None, 0

    while kept and not kept[-1]:
        kept.pop()
    return CleanResult("\n".join(kept), removed)


def clean_report(result: CleanResult) -> str:
    """Readable report for ``annales clean FILE``: the text, then the removed lines."""
    n = len(result.removed)
    lines = [result.text, "", f"Removed {n} line{'s' if n != 1 else ''}{':' if n else '.'}"]
    lines += [f"  line {r.line} [{r.reason}]: {r.text}" for r in result.removed]
    return "\n".join(lines) + "\n"
