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
    "Tensions date back to the 1990s.",
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
    assert resolve_date(s, MON, near=0) == ("2008-01-01", "year", False, "year")
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
