"""Tests for annales.dates: time expressions resolved against the publication date."""

from datetime import date, timedelta

import pytest

from annales.dates import TimeExpression, find_time_expressions, resolve_date

MON = date(2017, 1, 2)  # a Monday, just after a year boundary


def one(sentence, published=MON, tense="past"):
    """The single expression found in ``sentence`` as (text, iso date, precision, rule)."""
    found = find_time_expressions(sentence, published, tense)
    assert len(found) == 1, found
    e = found[0]
    assert sentence[e.start:e.end] == e.text
    return e.text, e.date.isoformat(), e.precision, e.rule


def none_found(sentence, published=MON, tense="past"):
    return find_time_expressions(sentence, published, tense) == []


# --------------------------------------------------------------------------- weekdays

@pytest.mark.parametrize("sentence, published, tense, expected", [
    # past tense: most recent such day before publication, across month/year boundaries
    ("Troops shelled the town on Friday.", MON, "past", "2016-12-30"),
    ("Troops shelled the town on Sunday.", MON, "past", "2017-01-01"),
    ("Troops shelled the town on Tuesday.", MON, "past", "2016-12-27"),
    ("Troops shelled the town Saturday.", date(2017, 1, 1), "past", "2016-12-31"),
    ("The minister resigned on Monday.", date(2016, 3, 1), "past", "2016-02-29"),  # leap year
    ("The minister resigned on Monday.", date(2015, 3, 1), "past", "2015-02-23"),  # non-leap year
    ("The minister resigned on Thursday.", date(2024, 3, 1), "past", "2024-02-29"),
    ("The minister resigns on Friday.", MON, "present", "2016-12-30"),  # present behaves like past
    # same weekday as publication: the publication day itself, whatever the tense
    ("The minister resigned on Monday.", MON, "past", "2017-01-02"),
    ("The minister will resign on Monday.", MON, "future", "2017-01-02"),
    # future tense: the next such day after publication
    ("Talks will resume on Tuesday.", MON, "future", "2017-01-03"),
    ("Talks will resume on Sunday.", date(2016, 12, 31), "future", "2017-01-01"),
    ("Talks will resume on Friday.", date(2024, 2, 28), "future", "2024-03-01"),
    ("Talks will resume on Thursday.", date(2024, 2, 28), "future", "2024-02-29"),
    ("Talks will resume on Saturday.", date(2023, 2, 27), "future", "2023-03-04"),
    # last / next / this
    ("Talks collapsed last Tuesday.", MON, "past", "2016-12-27"),
    ("Talks collapsed last Monday.", MON, "past", "2016-12-26"),  # strictly before
    ("Talks collapsed this past Sunday.", MON, "past", "2017-01-01"),
    ("Talks resume next Friday.", MON, "future", "2017-01-06"),
    ("Talks resume next Monday.", MON, "future", "2017-01-09"),  # strictly after
    ("Talks resume next Friday.", MON, "past", "2017-01-06"),  # "next" wins over tense
    ("Talks collapsed last Friday.", MON, "future", "2016-12-30"),
    ("Talks resume this coming Wednesday.", MON, "past", "2017-01-04"),
    ("Talks resume this Wednesday.", MON, "future", "2017-01-04"),
    ("Talks collapsed this Wednesday.", date(2017, 1, 6), "past", "2017-01-04"),
])
def test_weekdays(sentence, published, tense, expected):
    assert one(sentence, published, tense)[1:3] == (expected, "day")


def test_weekday_rules_and_text():
    assert one("He spoke on Friday.") == ("on Friday", "2016-12-30", "day", "weekday-past")
    assert one("He will speak on Friday.", tense="future") == ("on Friday", "2017-01-06", "day", "weekday-future")
    assert one("He spoke last Friday.")[3] == "weekday-last"
    assert one("He speaks next Friday.")[3] == "weekday-next"
    assert one("MONDAY's vote was delayed.")[1] == "2017-01-02"


def test_weekday_every_offset_consistent():
    """For each publication day and each weekday, past <= pub <= future and the weekday is right."""
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    for pub in (date(2016, 12, 28) + timedelta(days=i) for i in range(10)):
        for i, name in enumerate(names):
            past = date.fromisoformat(one(f"on {name}", pub, "past")[1])
            future = date.fromisoformat(one(f"on {name}", pub, "future")[1])
            assert past.weekday() == future.weekday() == i
            assert 0 <= (pub - past).days <= 6 and 0 <= (future - pub).days <= 6
            if i != pub.weekday():
                assert past < pub < future


def test_plural_weekday_is_not_a_date():
    assert none_found("Protests are held on Mondays.")


# --------------------------------------------------------------------------- relative days, weeks, months, years

@pytest.mark.parametrize("phrase, expected, precision, rule", [
    ("today", "2017-01-02", "day", "relative-day"),
    ("tonight", "2017-01-02", "day", "relative-day"),
    ("this morning", "2017-01-02", "day", "relative-day"),
    ("this afternoon", "2017-01-02", "day", "relative-day"),
    ("this evening", "2017-01-02", "day", "relative-day"),
    ("yesterday", "2017-01-01", "day", "relative-day"),
    ("last night", "2017-01-01", "day", "relative-day"),
    ("the day before yesterday", "2016-12-31", "day", "relative-day"),
    ("tomorrow", "2017-01-03", "day", "relative-day"),
    ("the day after tomorrow", "2017-01-04", "day", "relative-day"),
    ("last week", "2016-12-26", "day", "relative-week"),
    ("next week", "2017-01-09", "day", "relative-week"),
    ("last month", "2016-12-01", "month", "relative-month"),
    ("this month", "2017-01-01", "month", "relative-month"),
    ("earlier this month", "2017-01-01", "month", "relative-month"),
    ("later this month", "2017-01-01", "month", "relative-month"),
    ("next month", "2017-02-01", "month", "relative-month"),
    ("last year", "2016-01-01", "year", "relative-year"),
    ("this year", "2017-01-01", "year", "relative-year"),
    ("earlier this year", "2017-01-01", "year", "relative-year"),
    ("next year", "2018-01-01", "year", "relative-year"),
])
def test_relative_expressions(phrase, expected, precision, rule):
    assert one(f"The army said {phrase} that it had withdrawn.") == (phrase, expected, precision, rule)


def test_relative_is_case_insensitive():
    assert one("YESTERDAY the rebels advanced.")[1] == "2017-01-01"
    assert one("Last Month the rebels advanced.")[1] == "2016-12-01"


@pytest.mark.parametrize("published, phrase, expected", [
    (date(2016, 12, 31), "tomorrow", "2017-01-01"),
    (date(2024, 2, 28), "tomorrow", "2024-02-29"),
    (date(2023, 2, 28), "tomorrow", "2023-03-01"),
    (date(2024, 3, 1), "yesterday", "2024-02-29"),
    (date(2024, 3, 1), "the day before yesterday", "2024-02-28"),
    (date(2017, 12, 15), "next month", "2018-01-01"),
    (date(2024, 1, 3), "last week", "2023-12-27"),
])
def test_relative_boundaries(published, phrase, expected):
    assert one(f"It happened {phrase}.", published)[1] == expected


def test_ignored_vague_expressions():
    assert none_found("In the coming days, talks will continue.", tense="future")
    assert none_found("The rebels recently seized the town.")
    assert none_found("The conflict began decades ago.")


# --------------------------------------------------------------------------- "ago"

@pytest.mark.parametrize("phrase, expected, precision", [
    ("two days ago", "2016-12-31", "day"),
    ("3 days ago", "2016-12-30", "day"),
    ("a week ago", "2016-12-26", "day"),
    ("two weeks ago", "2016-12-19", "day"),
    ("a month ago", "2016-12-01", "month"),
    ("fourteen months ago", "2015-11-01", "month"),
    ("an hour ago", None, None),
    ("three years ago", "2014-01-01", "year"),
    ("10 years ago", "2007-01-01", "year"),
    ("twenty years ago", "1997-01-01", "year"),
    ("two decades ago", "1997-01-01", "year"),
])
def test_ago(phrase, expected, precision):
    sentence = f"The treaty was signed {phrase}."
    if expected is None:
        assert none_found(sentence)
    else:
        assert one(sentence) == (phrase, expected, precision, "ago")


def test_ago_leap_day():
    assert one("It fell a week ago.", date(2024, 3, 7))[1] == "2024-02-29"


# --------------------------------------------------------------------------- month names

@pytest.mark.parametrize("sentence, published, tense, expected", [
    ("Elections were held in December.", date(2017, 6, 15), "past", "2016-12-01"),
    ("Elections were held in December.", date(2017, 12, 15), "past", "2017-12-01"),  # same month
    ("Elections were held in March.", date(2017, 6, 15), "past", "2017-03-01"),
    ("Elections will be held in December.", date(2017, 6, 15), "future", "2017-12-01"),
    ("Elections will be held in March.", date(2017, 6, 15), "future", "2018-03-01"),
    ("Elections will be held in June.", date(2017, 6, 15), "future", "2017-06-01"),
    ("Elections were held last December.", date(2017, 12, 15), "past", "2016-12-01"),
    ("Elections will be held next June.", date(2017, 6, 15), "future", "2018-06-01"),
    ("Elections will be held this December.", date(2017, 6, 15), "future", "2017-12-01"),
    ("Fighting has raged since May.", date(2017, 6, 15), "past", "2017-05-01"),
    ("Fighting erupted in early May.", date(2017, 6, 15), "past", "2017-05-01"),
    ("Fighting erupted in late March.", date(2017, 1, 15), "past", "2016-03-01"),
    ("Fighting erupted mid-March.", date(2017, 6, 15), "past", "2017-03-01"),
    ("Fighting erupted early March.", date(2017, 6, 15), "past", "2017-03-01"),
])
def test_month_name(sentence, published, tense, expected):
    _, iso, precision, rule = one(sentence, published, tense)
    assert (iso, precision, rule) == (expected, "month", "month-name")


@pytest.mark.parametrize("sentence, published, tense, expected, rule", [
    ("The deal was signed on April 10.", date(2017, 6, 1), "past", "2017-04-10", "month-day"),
    ("The deal was signed April 10.", date(2017, 3, 1), "past", "2016-04-10", "month-day"),
    ("The deal was signed 10 April.", date(2017, 6, 1), "past", "2017-04-10", "month-day"),
    ("The deal was signed on the 10th of April.", date(2017, 6, 1), "past", "2017-04-10", "month-day"),
    ("The deal was signed Dec. 5.", MON, "past", "2016-12-05", "month-day"),
    ("The deal was signed Sept. 3.", MON, "past", "2016-09-03", "month-day"),
    ("The deal was signed Jan 2.", MON, "past", "2017-01-02", "month-day"),  # same day
    ("The deal will be signed on Jan 2.", MON, "future", "2017-01-02", "month-day"),
    ("The deal will be signed on Jan. 1.", MON, "future", "2018-01-01", "month-day"),
    ("The deal will be signed on April 10.", date(2017, 6, 1), "future", "2018-04-10", "month-day"),
    ("The deal was signed on April 10, 2017.", MON, "past", "2017-04-10", "explicit-date"),
    ("The deal was signed April 10 2015.", None, "past", "2015-04-10", "explicit-date"),
    ("The deal was signed on 10 April 2017.", None, "future", "2017-04-10", "explicit-date"),
    ("The deal was signed on 2017-04-10.", None, "past", "2017-04-10", "explicit-date"),
    ("The deal was signed on Monday, April 10, 2017.", MON, "past", "2017-04-10", "explicit-date"),
    # 29 February without a year: the nearest leap year in the right direction
    ("The deal was signed on February 29.", date(2023, 3, 1), "past", "2020-02-29", "month-day"),
    ("The deal will be signed on February 29.", date(2023, 3, 1), "future", "2024-02-29", "month-day"),
    ("The deal was signed on February 29.", date(2024, 2, 29), "past", "2024-02-29", "month-day"),
])
def test_month_day(sentence, published, tense, expected, rule):
    _, iso, precision, got_rule = one(sentence, published, tense)
    assert (iso, precision, got_rule) == (expected, "day", rule)


def test_month_day_text_includes_preposition_and_weekday():
    assert one("It was signed on Monday, April 10, 2017.")[0] == "on Monday, April 10, 2017"
    assert one("It was signed on the 10th of April.")[0] == "on the 10th of April"


@pytest.mark.parametrize("sentence", [
    "Russia annexed Crimea in March 2014.",
    "Russia annexed Crimea March 2014.",
    "Russia annexed Crimea in March, 2014.",
    "Russia annexed Crimea in March of 2014.",
    "Russia annexed Crimea in early March 2014.",
    "Russia annexed Crimea in Mar. 2014.",
])
def test_month_year(sentence):
    _, iso, precision, rule = one(sentence, None)
    assert (iso, precision, rule) == ("2014-03-01", "month", "month-year")


@pytest.mark.parametrize("sentence", [
    "It happened on February 30.",
    "It happened on April 31, 2017.",
    "It happened on 2017-02-30.",
    "It happened on 2017-13-01.",
])
def test_impossible_dates_are_dropped(sentence):
    assert none_found(sentence)


# --------------------------------------------------------------------------- years

@pytest.mark.parametrize("sentence, text", [
    ("Russia annexed Crimea in 2014.", "in 2014"),
    ("Sanctions have been in place since 2014.", "since 2014"),
    ("Russia recalled its 2008 war with Georgia.", "2008"),
    ("The 2014 annexation was condemned.", "2014"),
    ("In 2014, Russia annexed Crimea.", "In 2014"),
    ("Talks stalled in mid-2014.", "in mid-2014"),
    ("The 2014's events were condemned.", "2014"),
])
def test_year(sentence, text):
    year = [c for c in text if c.isdigit()]
    assert one(sentence, None) == (text, f"{''.join(year)}-01-01", "year", "year")


@pytest.mark.parametrize("sentence", [
    "The army deployed 2,000 troops.",
    "The deal is worth $2014 million.",
    "The deal is worth 2014 million dollars.",
    "About 1,500 people fled.",
    "About 1950 people fled.",
    "He flew a Boeing 737.",
    "The curfew starts at 2000 GMT.",
    "Turnout rose to 20.14 percent.",
    "He scored 2014.5 points.",
    "Russia may respond with sanctions.",
    "Russia May Respond With Sanctions.",
    "Thousands joined a protest march on the capital.",
    "Protesters march through the city.",
    "NATO said Article 5 may apply.",
])
def test_false_positive_guards(sentence):
    assert none_found(sentence)


def test_may_and_march_are_months_in_date_contexts():
    pub = date(2017, 6, 15)
    assert one("Elections were held on May 7.", pub)[1] == "2017-05-07"
    assert one("Elections were held on 7 May.", pub)[1] == "2017-05-07"
    assert one("Elections were held in May 2012.", pub)[1] == "2012-05-01"
    assert one("Elections were held last May.", pub)[1] == "2017-05-01"  # most recent May before June
    assert one("Elections were held last June.", pub)[1] == "2016-06-01"
    assert one("Elections are due next March.", pub, "future")[1] == "2018-03-01"
    assert one("A march took place on March 3.", pub)[0] == "on March 3"


# --------------------------------------------------------------------------- several expressions, publication fallback

def test_find_returns_all_in_order():
    found = find_time_expressions("In 2014, after talks on Friday, troops withdrew yesterday.", MON)
    assert [e.text for e in found] == ["In 2014", "on Friday", "yesterday"]
    assert all(isinstance(e, TimeExpression) for e in found)
    assert [e.start for e in found] == sorted(e.start for e in found)


def test_relative_expressions_need_publication_date():
    found = find_time_expressions("On Friday, after the 2008 war, it said yesterday.", None)
    assert [e.text for e in found] == ["2008"]


def test_resolve_date_picks_expression_nearest_trigger():
    s = "After the 2008 war, Russia attacked on Friday, and the troops it had sent withdrew yesterday."
    assert resolve_date(s, MON, near=s.index("attacked")) == ("2016-12-30", "day", False, "weekday-past")
    assert resolve_date(s, MON, near=s.index("withdrew")) == ("2017-01-01", "day", False, "relative-day")
    assert resolve_date(s, MON, near=s.index("war")) == ("2008-01-01", "year", False, "year")
    assert resolve_date(s, MON, near=s.index("2008") + 1) == ("2008-01-01", "year", False, "year")


def test_resolve_date_without_near_prefers_most_precise():
    s = "In 2014, Russia annexed Crimea on March 18, 2014."
    assert resolve_date(s, None) == ("2014-03-18", "day", False, "explicit-date")


def test_resolve_date_tie_prefers_more_precise():
    s = "In 2014 X on May 5, 2014"
    near = s.index("X")  # 1 char from "In 2014", 1 char from "on May 5, 2014"
    assert resolve_date(s, None, near=near)[1] == "day"


def test_resolve_date_uses_tense():
    s = "Ministers will meet on Friday."
    assert resolve_date(s, MON, "future")[0] == "2017-01-06"
    assert resolve_date(s, MON, "past")[0] == "2016-12-30"


def test_resolve_date_fallbacks():
    assert resolve_date("Russia condemned the attack.", MON) == ("2017-01-02", "day", True, "publication date")
    assert resolve_date("Russia condemned the attack.", None) == (None, None, True, "unknown")
    # a relative expression cannot be resolved without a publication date
    assert resolve_date("Russia condemned the attack on Friday.", None) == (None, None, True, "unknown")


def test_bad_tense_rejected():
    with pytest.raises(ValueError):
        find_time_expressions("on Monday", MON, tense="pluperfect")


# --------------------------------------------------------------------------- boundary arithmetic (table-driven)

@pytest.mark.parametrize("published, phrase, tense, expected", [
    (date(2024, 1, 2), "on Friday", "past", "2023-12-29"),  # Tuesday -> Friday of the previous year
    (date(2024, 3, 1), "on Thursday", "past", "2024-02-29"),  # Friday -> leap day
    (date(2024, 1, 1), "on Sunday", "past", "2023-12-31"),
    (date(2024, 1, 1), "on Tuesday", "past", "2023-12-26"),
    (date(2023, 3, 1), "on Tuesday", "past", "2023-02-28"),  # non-leap February
    (date(2023, 3, 1), "on Wednesday", "past", "2023-03-01"),  # publication's own weekday
    (date(2020, 3, 1), "on Saturday", "past", "2020-02-29"),
    (date(2100, 3, 1), "on Sunday", "past", "2100-02-28"),  # 2100 is not a leap year
    (date(2024, 12, 30), "on Friday", "future", "2025-01-03"),
    (date(2024, 2, 27), "on Thursday", "future", "2024-02-29"),
    (date(2019, 12, 31), "on Wednesday", "future", "2020-01-01"),
    (date(2021, 1, 1), "last Friday", "past", "2020-12-25"),
    (date(2024, 12, 30), "next Monday", "future", "2025-01-06"),
    (date(2024, 1, 2), "on Monday night", "past", "2024-01-01"),
    (date(2024, 1, 2), "late on Sunday", "past", "2023-12-31"),
    (date(2024, 1, 2), "early Saturday", "past", "2023-12-30"),
    (date(2024, 3, 1), "overnight", "past", "2024-02-29"),
    (date(2024, 3, 1), "overnight", "future", "2024-03-01"),
    (date(2024, 3, 1), "last night", "past", "2024-02-29"),
    (date(2025, 1, 1), "yesterday", "past", "2024-12-31"),
    (date(2024, 12, 31), "tonight", "future", "2024-12-31"),
    (date(2024, 3, 7), "a week ago", "past", "2024-02-29"),
    (date(2024, 1, 10), "last week", "past", "2024-01-03"),
])
def test_boundary_arithmetic(published, phrase, tense, expected):
    text, iso, precision, _ = one(f"It happened {phrase}.", published, tense)
    assert (text, iso, precision) == (phrase, expected, "day")


def test_weekday_text_covers_part_of_day_and_possessive():
    assert one("Shelling on Monday night killed two.", date(2024, 1, 2))[:2] == ("on Monday night", "2024-01-01")
    assert one("Monday's attack killed two.", date(2024, 1, 2))[:2] == ("Monday", "2024-01-01")
    assert one("He spoke on Sunday evening.", date(2024, 1, 2))[:2] == ("on Sunday evening", "2023-12-31")


# --------------------------------------------------------------------------- weeks and weekends

@pytest.mark.parametrize("published, phrase, tense, expected", [
    # earlier/later this week: the middle of the rest of the publication's Monday-Sunday week
    (date(2024, 1, 2), "earlier this week", "past", "2024-01-01"),  # Tuesday
    (date(2024, 1, 4), "earlier this week", "past", "2024-01-02"),  # Thursday
    (date(2024, 1, 1), "earlier this week", "past", "2023-12-31"),  # Monday: at least a day back
    (date(2024, 1, 2), "later this week", "future", "2024-01-05"),
    (date(2024, 1, 4), "later this week", "future", "2024-01-06"),
    (date(2024, 1, 4), "this week", "past", "2024-01-02"),
    (date(2024, 1, 4), "this week", "future", "2024-01-06"),
    (date(2024, 1, 4), "this week", "present", "2024-01-04"),
    # a weekend is dated by its Saturday
    (date(2024, 1, 2), "at the weekend", "past", "2023-12-30"),  # Tuesday
    (date(2024, 1, 2), "over the weekend", "past", "2023-12-30"),
    (date(2024, 1, 2), "last weekend", "past", "2023-12-30"),
    (date(2024, 1, 2), "this weekend", "future", "2024-01-06"),
    (date(2024, 1, 2), "next weekend", "future", "2024-01-06"),
    (date(2024, 12, 28), "this weekend", "past", "2024-12-28"),  # Saturday
    (date(2024, 12, 28), "last weekend", "past", "2024-12-21"),
    (date(2024, 12, 28), "next weekend", "future", "2025-01-04"),
    (date(2024, 12, 29), "at the weekend", "past", "2024-12-28"),  # Sunday
    (date(2024, 12, 29), "this weekend", "future", "2024-12-29"),
    (date(2024, 12, 29), "this past weekend", "past", "2024-12-21"),
    (date(2024, 12, 29), "next weekend", "future", "2025-01-04"),
])
def test_weeks_and_weekends(published, phrase, tense, expected):
    text, iso, precision, rule = one(f"Talks happen {phrase}.", published, tense)
    assert (text, iso, precision) == (phrase, expected, "day")
    assert rule == ("weekend" if "weekend" in phrase else "relative-week")


def test_plural_weekends_are_not_dates():
    assert none_found("Protests are held at weekends.")


# --------------------------------------------------------------------------- decades, days of the month, holidays

@pytest.mark.parametrize("sentence, text, expected", [
    ("Tensions date back to the 1990s.", "the 1990s", "1990-01-01"),
    ("The war raged in the 1990s.", "in the 1990s", "1990-01-01"),
    ("The party has ruled since the early 2000s.", "since the early 2000s", "2000-01-01"),
    ("Violence peaked in the late 1970s.", "in the late 1970s", "1970-01-01"),
    ("The militia was formed in the '80s.", "in the '80s", "1980-01-01"),
    ("The militia was formed in the 90s.", "in the 90s", "1990-01-01"),
])
def test_decades(sentence, text, expected):
    assert one(sentence, None) == (text, expected, "year", "decade")


@pytest.mark.parametrize("sentence", ["Most of the victims were in their 90s.", "Temperatures reached the 20s.",
                                      "The conflict began decades ago."])
def test_decade_guards(sentence):
    assert none_found(sentence)


@pytest.mark.parametrize("sentence, published, tense, expected", [
    ("Clashes broke out on the 10th.", date(2024, 1, 2), "past", "2023-12-10"),
    ("Talks resume on the 10th.", date(2024, 1, 2), "future", "2024-01-10"),
    ("Clashes broke out on the 2nd.", date(2024, 1, 2), "past", "2024-01-02"),
    ("Clashes broke out on the 31st.", date(2024, 3, 1), "past", "2024-01-31"),  # February has no 31st
    ("Clashes broke out on the 29th.", date(2023, 3, 1), "past", "2023-01-29"),
    ("Clashes broke out on the 29th.", date(2024, 3, 1), "past", "2024-02-29"),
    ("Talks resume on the 30th, officials said.", date(2023, 2, 15), "future", "2023-03-30"),
    ("Clashes broke out on Sunday the 10th.", date(2023, 12, 12), "past", "2023-12-10"),
])
def test_day_of_month(sentence, published, tense, expected):
    _, iso, precision, rule = one(sentence, published, tense)
    assert (iso, precision, rule) == (expected, "day", "day-of-month")


@pytest.mark.parametrize("sentence", ["The fire started on the 10th floor.", "He spoke on the 10th anniversary.",
                                      "Parliament met on the 3rd day of the crisis."])
def test_day_of_month_guards(sentence):
    assert none_found(sentence, date(2024, 1, 2))


@pytest.mark.parametrize("sentence, published, tense, expected", [
    ("A truck hit a crowd on New Year's Day.", date(2025, 1, 3), "past", "2025-01-01"),
    ("Police fired tear gas on Christmas Eve.", date(2025, 1, 3), "past", "2024-12-24"),
    ("The pope will speak on Christmas Day.", date(2024, 12, 1), "future", "2024-12-25"),
    ("The ceasefire began on Christmas.", date(2024, 12, 27), "past", "2024-12-25"),
    ("The ceasefire began on New Year\u2019s Eve 2019.", None, "past", "2019-12-31"),
])
def test_holidays(sentence, published, tense, expected):
    assert one(sentence, published, tense)[1:] == (expected, "day", "holiday")


def test_holiday_guards():
    assert none_found("Historians recalled the Christmas truce.")


def test_year_with_early_late_mid():
    assert one("Fighting resumed in early 2014.", None)[:2] == ("in early 2014", "2014-01-01")
    assert one("Fighting resumed late 2014.", None)[:2] == ("late 2014", "2014-01-01")
    assert one("Talks stalled in mid-2014.", None)[:2] == ("in mid-2014", "2014-01-01")


# --------------------------------------------------------------------------- anaphoric expressions

def test_anaphora_resolve_against_the_preceding_expression():
    found = find_time_expressions("Troops entered the city on Friday and withdrew the next day.", MON)
    assert [(e.text, e.date.isoformat(), e.rule) for e in found] == [
        ("on Friday", "2016-12-30", "weekday-past"), ("the next day", "2016-12-31", "anaphor")]
    found = find_time_expressions("The party won in 2014 and lost power two years later.", None)
    assert (found[1].text, found[1].date.isoformat(), found[1].precision) == ("two years later", "2016-01-01", "year")
    found = find_time_expressions("Talks began in March 2014; a month later they collapsed.", None)
    assert (found[1].date.isoformat(), found[1].precision) == ("2014-04-01", "month")
    found = find_time_expressions("The deal was signed on April 10, 2017, and a week earlier talks had stalled.", None)
    assert found[1].date.isoformat() == "2017-04-03"
    found = find_time_expressions("In 2014 the rebels took the town; the day before they had shelled it.", None)
    assert (found[1].date.isoformat(), found[1].precision) == ("2014-01-01", "year")  # no finer than the anchor


def test_anaphora_without_anchor_use_publication():
    assert one("The day before, rebels had shelled the town.")[1:] == ("2017-01-01", "day", "anaphor-publication")
    assert one("Rebels had shelled the town the previous day.")[1] == "2017-01-01"
    assert none_found("The day before, rebels had shelled the town.", None)


def test_anaphora_guards():
    assert none_found("Rebels shelled the town the day before the vote.")
    assert none_found("Rebels shelled the town a week after his arrest.")


# --------------------------------------------------------------------------- choosing the expression for a trigger

def at(sentence, trigger, published=MON, tense="past", span=None):
    return resolve_date(sentence, published, tense, near=sentence.index(trigger), span=span)[:3]


HIST = "Russia said on Monday that its 2008 war with Georgia was justified."


def test_year_before_a_noun_binds_to_that_noun():
    assert at(HIST, "said") == ("2017-01-02", "day", False)
    assert at(HIST, "war") == ("2008-01-01", "year", False)
    s = "Ukraine condemned the 2014 annexation of Crimea."
    assert at(s, "condemned") == ("2017-01-02", "day", True)  # the year is the annexation's
    assert at(s, "annexation") == ("2014-01-01", "year", False)
    s = "Ukraine condemned Russia's 2014 annexation of Crimea on Friday."
    assert at(s, "condemned") == ("2016-12-30", "day", False)
    assert at(s, "annexation") == ("2014-01-01", "year", False)
    # with a preposition the year is not attributive: it dates the nearest trigger as before
    assert at("Russia annexed Crimea in 2014.", "annexed") == ("2014-01-01", "year", False)


def test_relative_clause_asides_do_not_date_other_triggers():
    s = "Niger's junta, which seized power in July, said it would prosecute the president."
    assert at(s, "said", date(2023, 8, 14)) == ("2023-08-14", "day", True)
    assert at(s, "seized", date(2023, 8, 14)) == ("2023-07-01", "month", False)
    s = "Protesters, who have rallied since March, clashed with police on Monday."
    assert at(s, "clashed", date(2017, 6, 14)) == ("2017-06-12", "day", False)
    assert at("The talks (first held in 2014) resumed.", "resumed") == ("2017-01-02", "day", True)


def test_same_clause_preferred():
    s = "In 2014 the rebels seized the town, and on Monday they withdrew."
    assert at(s, "seized") == ("2014-01-01", "year", False)
    assert at(s, "withdrew") == ("2017-01-02", "day", False)
    s = "Officials said on Monday that the militants had attacked the convoy last week."
    assert at(s, "attacked") == ("2016-12-26", "day", False)
    assert at(s, "said") == ("2017-01-02", "day", False)


def test_reporting_clause_keeps_its_own_tense():
    s = "Germany announced on Sunday that it would send weapons to Ukraine."
    assert at(s, "send", date(2022, 3, 1), "future") == ("2022-02-27", "day", False)
    s = "Germany said that it would send weapons on Sunday."
    assert at(s, "send", date(2022, 3, 1), "future") == ("2022-03-06", "day", False)


def test_trigger_between_anchor_and_anaphor_takes_the_anaphor():
    s = "Troops entered the province on February 27 and clashed with Syrian forces the next day."
    assert at(s, "clashed", date(2020, 3, 2)) == ("2020-02-28", "day", False)
    assert at(s, "entered", date(2020, 3, 2)) == ("2020-02-27", "day", False)


def test_old_positional_signature_still_works():
    s = "Ministers met on Friday."
    assert resolve_date(s, MON, "past", s.index("met")) == ("2016-12-30", "day", False, "weekday-past")


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    from annales.config import load_settings
    try:
        return spacy.load(load_settings()["model"]["name"])
    except OSError:
        pytest.skip("spaCy model not installed")


@pytest.mark.parametrize("sentence, trigger, tense, expected", [
    (HIST, "said", "past", ("2017-01-02", "day", False)),
    (HIST, "war", "past", ("2008-01-01", "year", False)),
    ("Ukraine condemned the 2014 annexation of Crimea.", "condemned", "past", ("2017-01-02", "day", True)),
    ("Ukraine condemned the 2014 annexation of Crimea.", "annexation", "past", ("2014-01-01", "year", False)),
    # relative clauses without commas need the parse
    ("Rebels who seized the town in 2014 withdrew on Friday.", "withdrew", "past", ("2016-12-30", "day", False)),
    ("Rebels who seized the town in 2014 withdrew.", "withdrew", "past", ("2017-01-02", "day", True)),
    ("Rebels who seized the town in 2014 withdrew.", "seized", "past", ("2014-01-01", "year", False)),
    ("Soldiers who mutinied in 2012 were pardoned by the president on Friday.", "pardoned", "past",
     ("2016-12-30", "day", False)),
    ("Russia agreed on Friday to withdraw troops.", "withdraw", "future", ("2016-12-30", "day", False)),
    ("Russia said it will withdraw troops on Friday.", "said", "past", ("2017-01-02", "day", True)),
    ("Russia said it will withdraw troops on Friday.", "withdraw", "future", ("2017-01-06", "day", False)),
    ("Officials said on Friday that the militants had attacked the convoy last week.", "attacked", "past",
     ("2016-12-26", "day", False)),
    # a time that dates another noun ("Sunday's vote"), or a relative clause the parser did not mark as one
    ("The rebels accused the army of shelling Friday's market and said they would retaliate.", "retaliate",
     "future", ("2017-01-02", "day", True)),
    ("The ministers urged Iran to restore cooperation with the agency, some of whose inspectors were barred by "
     "Tehran last year.", "urged", "past", ("2017-01-02", "day", True)),
])
def test_parse_mode(nlp, sentence, trigger, tense, expected):
    doc = nlp(sentence)
    assert at(sentence, trigger, tense=tense, span=doc) == expected
    assert at(sentence, trigger, tense=tense, span=doc[:]) == expected  # a Span works too


def test_parse_of_another_text_falls_back_to_text_mode(nlp):
    s = "Ukraine condemned the 2014 annexation of Crimea."
    assert at(s, "condemned", span=nlp("Something else entirely.")) == ("2017-01-02", "day", True)


def test_parse_span_inside_a_longer_doc(nlp):
    doc = nlp("Troops withdrew. Russia said on Monday that its 2008 war with Georgia was justified.")
    sent = list(doc.sents)[1]
    assert sent.text == HIST
    assert at(HIST, "war", span=sent) == ("2008-01-01", "year", False)
    assert at(HIST, "said", span=sent) == ("2017-01-02", "day", False)
