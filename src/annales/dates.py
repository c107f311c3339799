"""Resolve time expressions in a sentence against the article's publication date.

Standard library only. ``find_time_expressions`` lists every resolvable expression;
``resolve_date`` picks the one nearest the event trigger (or falls back to the publication date).

Conventions (``tense`` is the tense of the event verb; "present" behaves like "past", since news
uses the historical present — "Russia says on Monday"):

* Weekdays. A bare weekday ("Monday", "on Monday", "this Monday") that is the publication's own
  weekday means the publication day (wire copy names the day instead of saying "today"). Otherwise
  past/present -> the most recent such day before publication, future -> the next one after.
  "last/past Monday" is always strictly before, "next/coming Monday" strictly after.
* "last week" / "next week" -> publication -/+ 7 days with precision "day" (the precision field only
  allows day/month/year; the rule name "relative-week" marks the date as approximate, +- 3 days).
  "a week ago" / "N weeks ago" likewise.
* Month names without a year ("in December", "early March"): past/present -> the most recent such
  month on or before the publication month (so "in December" in a December article is this
  December), future -> the first on or after it; "last December" is strictly before the
  publication month, "next December" strictly after, "this December" is in the publication year.
  Precision "month", date = first day of the month. Month + day without a year ("April 10") works
  the same way with day precision, compared with the publication day.
* Years ("in 2014", "since 2014", "its 2008 war") -> 1 January of that year, precision "year".
  "N months ago" / "last month" -> month precision; "N years ago" / "last year" -> year precision.
* Guards: "May"/"March" count as months only with a day or year next to them or after a cue word
  (in, on, since, early, late, mid-, last, next, ...); a number-first date with a lower-case
  "may"/"march" needs a year ("Article 5 may apply" is not a date). Numbers that are part of larger
  numbers, amounts, units or clock times ("2,000", "$2014 million", "2000 GMT") are not years.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

__all__ = ["TimeExpression", "find_time_expressions", "resolve_date"]

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_TENSES = ("past", "present", "future")


@dataclass(frozen=True)
class TimeExpression:
    text: str  # the matched text, e.g. "on Monday"
    start: int  # char offsets in the sentence
    end: int
    date: datetime.date  # first day of the month/year for month/year precision
    precision: str  # "day", "month" or "year"
    rule: str  # rule that resolved it: "weekday-past", "relative-day", "month-name", ...


# --------------------------------------------------------------------------- vocabulary

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}  # monday=0
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBERS.update(a=1, an=1)

_WD = "|".join(_WEEKDAYS)
_MONTH_FULL = r"(?:%s)\b" % "|".join(_MONTHS)
_MONTH_ANY = r"(?:%s|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?)" % _MONTH_FULL
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR_DIGITS = r"(?<![\d$£€,.:/#])(?P<year>(?:19|20)\d\d)\b(?![.,:/]\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)\b(?![.,:/]?\d)"
_PREP = r"(?:(?:on|in|since|until|by|from|during|before|after|of)\s+)?"
_WD_PREFIX = r"(?:(?:%s),?\s+)?(?:the\s+)?" % _WD
_AMBIGUOUS_MONTHS = {"may", "march"}
# words after a four-digit number that show it is a quantity or a clock time, not a year
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|per\s?cent|percent|million|billion|trillion|thousand|hundred|people|troops|soldiers|"
    r"members|votes|residents|civilians|refugees|migrants|deaths|cases|km|kilomet[er]{2}s?|miles|"
    r"met[er]{2}s|feet|tons|tonnes|barrels|dollars|euros|pounds|hours|hrs|gmt|utc|[ecmp][sd]t)\b",
    re.I)


def _month_number(token: str) -> int:
    return _MONTHS[next(m for m in _MONTHS if m.startswith(token.lower().rstrip(".")[:3]))]


def _shift_month(year: int, month: int, k: int) -> datetime.date:
    y, m = divmod(month - 1 + k, 12)
    return datetime.date(year + y, m + 1, 1)


def _year_for(key: tuple, pub: datetime.date, tense: str, mode: str | None, day: int | None = None) -> int:
    """Year for a (month[, day]) ``key`` without a year, relative to ``pub``.

    mode "last"/"next" -> strictly before/after; "this" -> the publication year;
    otherwise past/present -> on or before, future -> on or after. Skips years where the day
    does not exist (29 February)."""
    if mode == "this":
        return pub.year
    pub_key = (pub.month, pub.day)[:len(key)]
    forward = mode == "next" or (mode is None and tense == "future")
    strict = mode is not None
    if forward:
        ok = key > pub_key if strict else key >= pub_key
    else:
        ok = key < pub_key if strict else key <= pub_key
    step = 1 if forward else -1
    year = pub.year if ok else pub.year + step
    while day is not None and day > calendar.monthrange(year, key[0])[1]:
        year += step
    return year


# --------------------------------------------------------------------------- resolvers
# Each resolver takes (match, published, tense) and returns (date, precision, rule) or None.

def _explicit_iso(m, pub, tense):
    return datetime.date(int(m["y"]), int(m["m"]), int(m["d"])), "day", "explicit-date"


def _explicit_day(m, pub, tense):
    month, day = _month_number(m["month"]), int(m["day"])
    if m["year"]:
        return datetime.date(int(m["year"]), month, day), "day", "explicit-date"
    if pub is None or not 1 <= day <= calendar.monthrange(2000, month)[1]:  # 2000: leap year
        return None
    return datetime.date(_year_for((month, day), pub, tense, None, day), month, day), "day", "month-day"


def _day_first(m, pub, tense):
    token = m["month"]
    if token.lower() in _AMBIGUOUS_MONTHS and token.islower() and not m["year"]:
        return None  # "Article 5 may apply"
    return _explicit_day(m, pub, tense)


def _month_year(m, pub, tense):
    return datetime.date(int(m["year"]), _month_number(m["month"]), 1), "month", "month-year"


def _month_name(m, pub, tense):
    if pub is None:
        return None
    month = _month_number(m["month"])
    cue = m["cue"].split()[0].lower().rstrip("-")
    mode = cue if cue in ("last", "next", "this") else None
    return datetime.date(_year_for((month,), pub, tense, mode), month, 1), "month", "month-name"


def _year(m, pub, tense):
    if _NOT_YEAR_AFTER.match(m.string, m.end()):
        return None
    return datetime.date(int(m["year"]), 1, 1), "year", "year"


def _weekday(m, pub, tense):
    if pub is None:
        return None
    target = _WEEKDAYS[m["wd"].lower()]
    mod = (m["mod"] or "").lower().split()
    mode = "last" if "last" in mod or "past" in mod else "next" if {"next", "coming"} & set(mod) else None
    back, ahead = (pub.weekday() - target) % 7, (target - pub.weekday()) % 7
    if mode is None and back == 0:
        return pub, "day", f"weekday-{'future' if tense == 'future' else 'past'}"
    if mode == "last" or (mode is None and tense != "future"):
        return pub - datetime.timedelta(days=back or 7), "day", "weekday-last" if mode else "weekday-past"
    return pub + datetime.timedelta(days=ahead or 7), "day", "weekday-next" if mode else "weekday-future"


def _ago(m, pub, tense):
    if pub is None:
        return None
    n = m["n"].lower()
    n = int(n) if n.isdigit() else _NUMBERS[n]
    unit = m["unit"].lower()
    if unit in ("day", "week"):
        return pub - datetime.timedelta(days=n * (7 if unit == "week" else 1)), "day", "ago"
    if unit == "month":
        return _shift_month(pub.year, pub.month, -n), "month", "ago"
    return datetime.date(pub.year - n * (10 if unit == "decade" else 1), 1, 1), "year", "ago"


# Fixed relative phrases: (pattern, unit, offset, rule). unit "day" offsets are days.
_RELATIVE = [
    (r"today|tonight|this\s+(?:morning|afternoon|evening)", "day", 0, "relative-day"),
    (r"the\s+day\s+before\s+yesterday", "day", -2, "relative-day"),
    (r"yesterday|last\s+night", "day", -1, "relative-day"),
    (r"the\s+day\s+after\s+tomorrow", "day", 2, "relative-day"),
    (r"tomorrow", "day", 1, "relative-day"),
    (r"last\s+week", "day", -7, "relative-week"),
    (r"next\s+week", "day", 7, "relative-week"),
    (r"last\s+month", "month", -1, "relative-month"),
    (r"(?:(?:earlier|later)\s+)?this\s+month", "month", 0, "relative-month"),
    (r"next\s+month", "month", 1, "relative-month"),
    (r"last\s+year", "year", -1, "relative-year"),
    (r"(?:(?:earlier|later)\s+)?this\s+year", "year", 0, "relative-year"),
    (r"next\s+year", "year", 1, "relative-year"),
]


def _relative(unit: str, offset: int, rule: str):
    def resolve(m, pub, tense):
        if pub is None:
            return None
        if unit == "day":
            return pub + datetime.timedelta(days=offset), "day", rule
        if unit == "month":
            return _shift_month(pub.year, pub.month, offset), "month", rule
        return datetime.date(pub.year + offset, 1, 1), "year", rule
    return resolve


_NUM = r"(?P<n>\d{1,3}|%s)" % "|".join(_NUMBERS)
_RULES = [(re.compile(r"\b(?:%s)\b" % pat, re.I), _relative(unit, off, rule))
          for pat, unit, off, rule in _RELATIVE] + [
    (re.compile(r"\b(?:on\s+)?(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", re.I), _explicit_iso),
    (re.compile(r"\b%s%s(?P<month>%s)\s+%s(?:,?\s+%s)?" % (_PREP, _WD_PREFIX, _MONTH_ANY, _DAY, _YEAR), re.I),
     _explicit_day),
    (re.compile(r"\b%s%s%s(?:\s+of)?\s+(?P<month>%s)(?:,?\s+%s)?" % (_PREP, _WD_PREFIX, _DAY, _MONTH_ANY, _YEAR),
                re.I), _day_first),
    (re.compile(r"\b%s(?:(?:early|late|mid)[-\s]+)?(?P<month>%s),?\s+(?:of\s+)?%s" % (_PREP, _MONTH_ANY, _YEAR),
                re.I), _month_year),
    (re.compile(r"\b(?P<cue>(?:in|on|since|until|by|from|during|before|after)\s+(?:(?:early|late|mid)[-\s]+)?"
                r"|(?:early|late|last|next|this)\s+|mid-\s*)(?P<month>%s)(?!\s+\d)" % _MONTH_FULL, re.I),
     _month_name),
    (re.compile(r"(?:\b(?:in|since|during|by|until|from|before|after)\s+)?(?:\bmid-)?%s" % _YEAR_DIGITS, re.I),
     _year),
    (re.compile(r"\b(?:(?P<mod>on|last|next|this\s+past|this\s+coming|this|past|coming)\s+)?(?P<wd>%s)\b" % _WD,
                re.I), _weekday),
    (re.compile(r"(?<![\d,.])\b%s\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b" % _NUM, re.I), _ago),
]


# --------------------------------------------------------------------------- API

def find_time_expressions(sentence: str, published: datetime.date | None,
                          tense: str = "past") -> list[TimeExpression]:
    """All resolvable time expressions in ``sentence``, in order of position.

    ``tense`` ("past", "present" or "future") is the tense of the event verb; it decides whether
    "on Monday" / "in December" mean the last or the next one. Overlapping matches keep the one
    starting first (then the longest). Relative expressions need ``published``; without it only
    absolute dates and years are returned."""
    if tense not in _TENSES:
        raise ValueError(f"tense must be one of {_TENSES}, not {tense!r}")
    candidates = [(m, resolve) for pattern, resolve in _RULES for m in pattern.finditer(sentence)]
    candidates.sort(key=lambda c: (c[0].start(), -c[0].end()))
    found, taken_to = [], -1
    for m, resolve in candidates:
        if m.start() < taken_to:
            continue
        taken_to = m.end()  # an unresolvable longer match still blocks its parts ("April 31, 2017")
        try:
            resolved = resolve(m, published, tense)
        except (ValueError, OverflowError):  # impossible dates: February 30, 3000 years ago
            resolved = None
        if resolved:
            found.append(TimeExpression(m.group(0), m.start(), m.end(), *resolved))
    return found


def resolve_date(sentence: str, published: datetime.date | None, tense: str = "past",
                 near: int | None = None) -> tuple[str | None, str | None, bool, str]:
    """-> (iso_date, precision, inferred, how).

    Picks the time expression closest to char offset ``near`` (the event trigger; distance 0 when
    inside the expression; ties -> the more precise, then the earlier one). Without ``near``, the
    most precise expression wins (then the earliest). ``how`` is the rule name. With no expression
    -> the publication date, "day", inferred=True, "publication date"; with no publication date
    either -> (None, None, True, "unknown")."""
    expressions = find_time_expressions(sentence, published, tense)
    if not expressions:
        if published is None:
            return None, None, True, "unknown"
        return published.isoformat(), "day", True, "publication date"

    def distance(e: TimeExpression) -> int:
        if near is None:
            return 0
        return e.start - near if near < e.start else max(0, near - e.end + 1)

    best = min(expressions, key=lambda e: (distance(e), _PRECISION_RANK[e.precision], e.start))
    return best.date.isoformat(), best.precision, False, best.rule
