"""Resolve time expressions in a sentence against the article's publication date.

Standard library only (an optional spaCy parse sharpens the choice of expression, see below).
``find_time_expressions`` lists every resolvable expression; ``resolve_date`` picks the one that
dates the event trigger, or falls back to the publication date (flagged ``inferred``).

Output: an ISO date and a precision, "day", "month" or "year"; month/year precision dates are the
first day of the month/year. Conventions (``tense`` is the tense of the event verb; "present"
behaves like "past", since news uses the historical present — "Russia says on Monday"):

* Days: "today", "tonight", "this morning/afternoon/evening" -> publication; "yesterday",
  "last night" -> publication - 1; "overnight" -> publication - 1 (future tense: publication);
  "(the day after) tomorrow" -> + 1 (2).
* Weekdays ("Monday", "on Monday", "late on Monday", "Monday night", "Monday's attack"). A bare
  weekday that is the publication's own weekday means the publication day (wire copy names the day
  instead of saying "today"). Otherwise past/present -> the most recent such day before
  publication, future -> the next one after. "last/past Monday" is always strictly before,
  "next/coming Monday" strictly after. Plain date arithmetic, so month, year and leap-day
  boundaries need no special cases.
* Weeks (precision "day" with rule "relative-week", an estimate +- 3 days): "last/next week",
  "a week ago" -> publication -/+ 7 days; "earlier this week" / "later this week" -> the middle of
  the part of the publication's Monday-Sunday week before / after publication (at least one day
  away); "this week" is "earlier" in the past tense, "later" in the future, publication in the
  present. Weekends (rule "weekend") are dated by their Saturday: "at/over the weekend", "this
  weekend" -> the weekend on or before publication (future: on or after; on a Sunday the future
  one is the publication day); "last/past weekend" and "next/coming weekend" skip the weekend the
  publication falls in.
* Months without a year ("in December", "early March"): past/present -> the most recent such
  month on or before the publication month (so "in December" in a December article is this
  December), future -> the first on or after it; "last December" is strictly before the
  publication month, "next December" strictly after, "this December" is in the publication year.
  Month + day without a year ("April 10", "10 April", holidays: "Christmas Day", "New Year's
  Eve") works the same way with day precision, compared with the publication day; "on the 10th"
  -> the nearest 10th on or before (future: on or after) publication, skipping months without it.
* Years ("in 2014", "since 2014", "mid-2014", "its 2008 war") -> 1 January, precision "year";
  decades ("in the 1990s", "the early 2000s", "the '80s") -> their first year, precision "year".
  "N months ago" / "last month" / "earlier this month" -> month precision; "N years ago", "a
  decade ago", "last year", "earlier this year" -> year precision.
* Anaphora ("the day before", "the next day", "a week earlier", "two years later") shift the
  preceding expression in the sentence (no finer than its precision), else the publication date
  (rule "anaphor-publication"); "the day before the vote" is not a date.
* Guards: "May"/"March" count as months only with a day or year next to them or after a cue word
  (in, on, since, early, late, mid-, last, next, ...); a number-first date with a lower-case
  "may"/"march" needs a year ("Article 5 may apply" is not a date). Numbers that are part of larger
  numbers, amounts, units or clock times ("2,000", "$2014 million", "2000 GMT") are not years;
  "in their 90s", "the 10th floor", "at weekends", "on Mondays" are not dates.

Choosing the expression for a trigger (``near`` = its char offset). Expressions are ranked by how
they relate to the trigger, then by distance, then precision. A bare year after a determiner or
possessive ("its 2008 war", "the 2014 annexation") dates that noun phrase only: it dates a trigger
inside it and is ignored for any other trigger (historical references keep their own time). An
expression in a relative clause, parenthesis or dash aside that does not contain the trigger is
ignored ("Niger's junta, which seized power in July, said ..."). Expressions in the trigger's own
clause beat those in other clauses; an expression in another clause is read in that clause's
tense ("announced on Sunday that it would send" dates "send" to the past Sunday). A trigger that
lies between an anchor and its anaphor ("entered on May 2 and clashed the next day") takes the
anaphor. Without a parse, clauses are cut at ; : dashes, "that" and a comma before a conjunction
or relative pronoun; with ``span`` (the sentence's spaCy Span or Doc) the dependency parse decides
attachment and clauses, which also catches relative clauses without commas ("Rebels who seized
the town in 2014 withdrew").
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


def _weekend(m, pub, tense):
    """A weekend is dated by its Saturday; "last/past" and "next/coming" skip the publication's own
    weekend; otherwise past/present -> the weekend on or before publication, future -> on or after."""
    if pub is None:
        return None
    mod = (m["mod"] or "").lower().split()
    wd = pub.weekday()
    this_sat = pub - datetime.timedelta(days=wd - 5) if wd >= 5 else None  # publication's own weekend
    if {"last", "past"} & set(mod):
        sat = this_sat - datetime.timedelta(days=7) if this_sat else pub - datetime.timedelta(days=wd + 2)
    elif {"next", "coming"} & set(mod):
        sat = this_sat + datetime.timedelta(days=7) if this_sat else pub + datetime.timedelta(days=5 - wd)
    elif this_sat:
        sat = pub if tense == "future" else this_sat
    elif tense == "future":
        sat = pub + datetime.timedelta(days=5 - wd)
    else:
        sat = pub - datetime.timedelta(days=wd + 2)
    return sat, "day", "weekend"


def _decade(m, pub, tense):
    if m["dec"]:
        year = int(m["dec"])
    else:
        year = 1900 + int(m["short"])  # "the '90s"; only 30-90 are accepted, "the 20s" is ambiguous
    return datetime.date(year, 1, 1), "year", "decade"


def _day_of_month(m, pub, tense):
    """ "on the 10th": the nearest such day on or before (past/present) or on or after (future)."""
    if pub is None:
        return None
    day, step = int(m["day"]), (1 if tense == "future" else -1)
    if not 1 <= day <= 31:
        return None
    first = datetime.date(pub.year, pub.month, 1)
    for k in range(0, 13 * step, step):
        month = _shift_month(first.year, first.month, k)
        if day <= calendar.monthrange(month.year, month.month)[1]:
            d = month.replace(day=day)
            if (d <= pub) if step < 0 else (d >= pub):
                return d, "day", "day-of-month"
    return None


_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
             "new year's eve": (12, 31), "new year's day": (1, 1)}


def _holiday(m, pub, tense):
    if pub is None and not m["year"]:
        return None
    month, day = _HOLIDAYS[re.sub(r"\s+", " ", m["name"].lower().replace("\u2019", "'"))]
    year = int(m["year"]) if m["year"] else _year_for((month, day), pub, tense, None, day)
    return datetime.date(year, month, day), "day", "holiday"


_ANAPHORA_WORDS = {"before": -1, "earlier": -1, "previous": -1, "prior": -1,
                   "after": 1, "later": 1, "next": 1, "following": 1}


def _anaphor(m, pub, tense):
    """ "the day before", "two years later": relative to the preceding expression in the sentence
    (resolved in ``find_time_expressions``); here only the offset."""
    n = (m.groupdict().get("n") or "one").lower()
    n = int(n) if n.isdigit() else _NUMBERS[n]
    return "anaphor", m["unit"].lower(), n * _ANAPHORA_WORDS[m["dir"].lower()]


# Fixed relative phrases: (pattern, unit, offset, rule). unit "day" offsets are days.
_RELATIVE = [
    (r"today|tonight|this\s+(?:morning|afternoon|evening)", "day", 0, "relative-day"),
    (r"the\s+day\s+before\s+yesterday", "day", -2, "relative-day"),
    (r"yesterday|last\s+night", "day", -1, "relative-day"),
    (r"overnight", "day", "overnight", "relative-day"),
    (r"the\s+day\s+after\s+tomorrow", "day", 2, "relative-day"),
    (r"tomorrow", "day", 1, "relative-day"),
    (r"earlier\s+this\s+week", "day", "earlier", "relative-week"),
    (r"later\s+this\s+week", "day", "later", "relative-week"),
    (r"this\s+week", "day", "this", "relative-week"),
    (r"last\s+week", "day", -7, "relative-week"),
    (r"next\s+week", "day", 7, "relative-week"),
    (r"last\s+month", "month", -1, "relative-month"),
    (r"(?:(?:earlier|later)\s+)?this\s+month", "month", 0, "relative-month"),
    (r"next\s+month", "month", 1, "relative-month"),
    (r"last\s+year", "year", -1, "relative-year"),
    (r"(?:(?:earlier|later)\s+)?this\s+year", "year", 0, "relative-year"),
    (r"next\s+year", "year", 1, "relative-year"),
]


def _week_offset(offset: str, pub: datetime.date, tense: str) -> int:
    """Days from publication for "overnight" and "earlier/later/this week" (a point estimate: the
    middle of the part of the publication's Monday-Sunday week before or after the publication)."""
    if offset == "overnight":  # the night before publication, like "last night"
        return 0 if tense == "future" else -1
    if offset == "this":
        offset = {"past": "earlier", "future": "later"}.get(tense, "this")
    wd = pub.weekday()
    if offset == "earlier":
        return -max(1, (wd + 1) // 2)
    if offset == "later":
        return max(1, (7 - wd) // 2)
    return 0


def _relative(unit: str, offset, rule: str):
    def resolve(m, pub, tense):
        if pub is None:
            return None
        if isinstance(offset, str):
            return pub + datetime.timedelta(days=_week_offset(offset, pub, tense)), "day", rule
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
    (re.compile(r"(?:\b(?:in|since|during|by|until|from|before|after)\s+)?(?:\b(?:early|late|mid)[-\s]+|\bmid-)?%s"
                % _YEAR_DIGITS, re.I), _year),
    (re.compile(r"\b(?:(?:late|early)\s+)?(?:(?P<mod>on|last|next|this\s+past|this\s+coming|this|past|coming)\s+)?"
                r"(?P<wd>%s)\b(?:\s+(?:morning|afternoon|evening|night)\b)?" % _WD, re.I), _weekday),
    (re.compile(r"(?<![\d,.])\b%s\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b" % _NUM, re.I), _ago),
    (re.compile(r"\b(?:(?:at|over|during|on|for)\s+the\s+|(?P<mod>this\s+past|this\s+coming|this|last|past|next|"
                r"coming)\s+)weekend\b(?!s)", re.I), _weekend),
    (re.compile(r"(?:\b(?:in|during|since|by|until|from|through(?:out)?)\s+)?\bthe\s+(?:(?:early|late|mid)[-\s]+)?"
                r"(?:(?P<dec>(?:19|20)\d0)|'?(?P<short>[3-9]0))'?s\b", re.I), _decade),
    (re.compile(r"\bon\s+(?:(?:%s),?\s+)?the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?:\s+of\s+this\s+month\b)?"
                r"(?=\s*(?:[,.;:!?)]|$|(?:and|but|when|as|after|before|while|in|at|near|with|against|"
                r"despite|amid)\b))" % _WD, re.I), _day_of_month),
    (re.compile(r"\b(?:on\s+)?(?P<name>christmas\s+(?:eve|day)|new\s+year['\u2019]s\s+(?:eve|day)|"
                r"(?<=on\s)christmas)\b(?:,?\s+%s)?" % _YEAR, re.I), _holiday),
    (re.compile(r"\b(?:the|a)\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|later)\b"
                r"(?!\s+(?:the|a|an|his|her|its|their|our|this|that|yesterday|tomorrow)\b)", re.I), _anaphor),
    (re.compile(r"\bthe\s+(?P<dir>previous|prior|next|following)\s+(?P<unit>day|week|month|year)\b", re.I), _anaphor),
    (re.compile(r"(?<![\d,.])\b%s\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>earlier|later)\b" % _NUM, re.I),
     _anaphor),
]


# --------------------------------------------------------------------------- API

def _resolve_anaphor(unit: str, k: int, anchor, published):
    """Shift the preceding expression (or the publication day) by ``k`` ``unit``s."""
    if anchor is None:
        if published is None:
            return None
        date, precision, rule = published, "day", "anaphor-publication"
    else:
        date, precision, rule = anchor.date, anchor.precision, "anaphor"
    if unit == "year":
        return datetime.date(date.year + k, 1, 1), "year", rule
    if unit == "month" and precision != "year":
        return _shift_month(date.year, date.month, k), "month", rule
    if precision == "day":
        return date + datetime.timedelta(days=k * (7 if unit == "week" else 1)), "day", rule
    return date, precision, rule  # "the day before" a month or year: as precise as the anchor


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
            if resolved and resolved[0] == "anaphor":
                resolved = _resolve_anaphor(resolved[1], resolved[2], found[-1] if found else None, published)
        except (ValueError, OverflowError):  # impossible dates: February 30, 3000 years ago
            resolved = None
        if resolved:
            found.append(TimeExpression(m.group(0), m.start(), m.end(), *resolved))
    return found


# ---- which expression dates the event at char offset ``near``
# A bare year after a determiner or possessive and before a word modifies that noun phrase only
# ("its 2008 war", "the 2014 annexation", "Russia's 2022 invasion").
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|this|that|whose)|\w['\u2019]s?)\s+$", re.I)
_NP_AFTER = re.compile(r"(?:\s+(?!(?:of|with|in|on|at|by|for|to|from|against|and|or|but|that|which|who|was|were|is|"
                       r"are|has|had|have|will|would|could|should|may|might|as|after|before|when|since)\b)"
                       r"[A-Za-z][\w'\u2019-]*){1,3}")
# asides: comma-introduced relative clauses, parentheses, paired dashes (background, not the event)
_ASIDE = re.compile(r",\s*(?:who|which|whose|whom|where)\b[^,;:()\u2014]*|\([^()]*\)|\u2014[^\u2014]*\u2014")
_CLAUSE_BREAK = re.compile(r"[;:\u2014]|,\s*(?=(?:and|but|while|whereas|although|though|after|before|because|"
                           r"when|as|who|which|whose|where)\b)|\bthat\b|\(|\)")
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis"}
_ASIDE_DEPS = {"relcl", "acl", "appos"}


def _bound_noun(sentence: str, e: TimeExpression) -> tuple[int, int] | None:
    """(start, end) of the noun phrase a bare attributive year modifies, else None."""
    if e.rule != "year" or not e.text.isdigit() or not _DETERMINER_BEFORE.search(sentence, 0, e.start):
        return None
    np = _NP_AFTER.match(sentence, e.end)
    return (e.start, np.end()) if np else None


def _text_levels(sentence: str, expressions, near: int, tense: str) -> list[tuple[int | None, str]]:
    """Stdlib (level, tense) per expression. Levels: 0 the year of the trigger's own noun phrase,
    1 same clause, 2 another clause; None: a year bound to another noun, or inside an aside the
    trigger is not in. Another clause's expression is read in the past tense (it belongs to the
    reporting verb: "announced on Sunday that it would send")."""
    asides = [m.span() for m in _ASIDE.finditer(sentence)]
    def clause(pos):
        return sum(1 for m in _CLAUSE_BREAK.finditer(sentence, 0, pos))
    levels = []
    for e in expressions:
        bound = _bound_noun(sentence, e)
        if bound:
            levels.append(0 if bound[0] <= near < bound[1] else None)
        elif any(a <= e.start < b and not a <= near < b for a, b in asides):
            levels.append(None)
        else:
            levels.append(1 if clause(e.start) == clause(near) else 2)
    return [(lv, "past" if lv == 2 and tense == "future" else tense) for lv in levels]


def _clause_of(tok):
    while tok.dep_ not in _CLAUSE_DEPS and not (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")):
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _relative(clause) -> bool:
    """A clause with a relative word in its subject ("several of whose inspectors were barred last year"),
    whatever the parser hung it on: an aside."""
    return clause.dep_ != "ROOT" and any(w.tag_ in ("WDT", "WP", "WP$") for c in clause.children
                                         if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree)


def _verb_tense(tok, trigger) -> str | None:
    """ "future" / "past" / "present" of the verb governing ``tok`` from its tag and auxiliaries;
    None when that verb is the trigger (whose tense the caller knows) or when unsure."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    if tok.i == trigger.i:
        return None
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in ("will", "shall", "'ll", "wo") for c in aux):
        return "future"
    if tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
        return "past"
    if tok.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in aux):
        return "present"
    return None


def _parse_levels(sentence: str, expressions, near: int, span, tense: str) -> list[tuple[int | None, str]] | None:
    """(level, tense) per expression from a spaCy parse of ``sentence`` (a Span or Doc with the same
    text). Levels: 0 attached to the trigger, 1 same clause, 2 a clause governing the trigger's,
    3 another clause; None: a year modifying another noun, inside a relative/participial clause or
    apposition that does not contain the trigger, or in another clause with the other time
    orientation (future vs not). An expression attached to another verb is read in that verb's
    tense ("agreed on Friday to withdraw"). None when the parse does not line up with the sentence."""
    if span.text != sentence:
        return None
    base = span.start_char if hasattr(span, "start_char") else 0
    toks = [(t, t.idx - base, t.idx - base + len(t.text)) for t in span]
    trig = next((t for t, a, b in toks if a <= near < b), None)
    if trig is None:
        return None
    trig_clause = _clause_of(trig)
    trig_path = [trig_clause.i] + [t.i for t in trig_clause.ancestors]
    trig_above = {t.i for t in trig.ancestors}
    levels = []
    for e in expressions:
        inside = {t.i: t for t, a, b in toks if a < e.end and b > e.start}
        if not inside or trig.i in inside:
            levels.append((0, tense))
            continue
        head = next(t for t in inside.values() if t.head.i not in inside or t.head.i == t.i)
        attach = head.head
        if attach.i == trig.i:
            levels.append((0, tense))
            continue
        if ((e.rule == "year" and head.dep_ in ("nummod", "compound", "amod") or head.dep_ == "poss" and (
                _clause_of(attach).i != trig_clause.i and attach.i not in trig_above))
                and attach.pos_ in ("NOUN", "PROPN")):
            # "its 2008 war", when the trigger is not "war"; "Saturday's election" in another clause, when the
            # trigger is not in the election's own clause ("Saturday's attack, which killed", "in last week's
            # raid, troops killed": the day of the act)
            levels.append((None, tense))
            continue
        clause = _clause_of(attach if attach.i not in inside else head)
        up = [clause, *clause.ancestors]
        common = next((k for k, c in enumerate(up) if c.i in trig_path), len(up))
        own = _verb_tense(attach if attach.i not in inside else head, trig) or tense
        if any(t.dep_ in _ASIDE_DEPS or _relative(t) for t in up[:common]):
            level = None
        elif clause.i == trig_clause.i:
            level = 1
        elif clause.i in trig_path:
            level = 2
        else:
            level = 3 if (own == "future") == (tense == "future") else None
        levels.append((level, own))
    return levels


def resolve_date(sentence: str, published: datetime.date | None, tense: str = "past",
                 near: int | None = None, span=None) -> tuple[str | None, str | None, bool, str]:
    """-> (iso_date, precision, inferred, how).

    ``near`` is the char offset of the event trigger in ``sentence``. Expressions are ranked by how
    they relate to the trigger (see ``_text_levels``; with ``span``, a spaCy Span or Doc whose text is
    ``sentence``, by the parse, see ``_parse_levels``), then by distance to ``near`` (0 inside the
    expression), then precision, then position; a year that modifies another noun ("its 2008 war")
    or sits in a relative clause the trigger is not in is never used. Without ``near``, the most
    precise expression wins (then the earliest). ``how`` is the rule name. With no usable
    expression -> the publication date, "day", inferred=True, "publication date"; with no
    publication date either -> (None, None, True, "unknown")."""
    expressions = find_time_expressions(sentence, published, tense)
    if expressions and near is not None:
        ranked = _parse_levels(sentence, expressions, near, span, tense) if span is not None else None
        if ranked is None:
            ranked = _text_levels(sentence, expressions, near, tense)
        levels = [lv for lv, _ in ranked]
        for i in range(1, len(expressions)):  # "entered on May 2 and clashed the next day": the trigger
            a, e = expressions[i - 1], expressions[i]  # between an anchor and its anaphor is dated by the anaphor
            if e.rule == "anaphor" and a.end <= near < e.start and levels[i - 1] is not None:
                levels[i - 1] += 1
        retensed = {t: {x.start: x for x in find_time_expressions(sentence, published, t)}
                    for lv, t in ranked if lv is not None and t != tense}
        expressions = [(lv, retensed[t].get(e.start, e) if t in retensed else e)
                       for lv, (_, t), e in zip(levels, ranked, expressions) if lv is not None]
    else:
        expressions = [(0, e) for e in expressions]
    if not expressions:
        if published is None:
            return None, None, True, "unknown"
        return published.isoformat(), "day", True, "publication date"

    def distance(e: TimeExpression) -> int:
        if near is None:
            return 0
        return e.start - near if near < e.start else max(0, near - e.end + 1)

    _, best = min(expressions, key=lambda x: (x[0], distance(x[1]), _PRECISION_RANK[x[1].precision], x[1].start))
    return best.date.isoformat(), best.precision, False, best.rule
