"""Tests for annales.clean: boilerplate removal and whitespace normalisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from annales.clean import PATTERNS, STRONG_PATTERNS, CleanResult, Removal, clean_report, clean_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BODY = "The minister said the talks would resume in Vienna next week after a pause of several months."


def reasons(result: CleanResult) -> list[str]:
    return [r.reason for r in result.removed]


@pytest.mark.parametrize("line, reason", [
    ("Log in to comment", "comment-prompt"),
    ("Sign in to comment", "comment-prompt"),
    ("Comments (12)", "comment-prompt"),
    ("12 comments", "comment-prompt"),
    ("Join the conversation", "comment-prompt"),
    ("Leave a comment", "comment-prompt"),
    ("Sign in to read more", "login-nag"),
    ("Subscribe to continue reading", "login-nag"),
    ("Register to continue", "login-nag"),
    ("Already a subscriber? Log in", "login-nag"),
    ("Read more: Ministers meet in Vienna", "teaser"),
    ("READ MORE:", "teaser"),
    ("Related: Sanctions bite in Tehran", "teaser"),
    ("Related articles", "teaser"),
    ("You may also like", "teaser"),
    ("Home | World | Politics | Business", "navigation"),
    ("Home › World › Europe", "navigation"),
    ("Skip to content", "navigation"),
    ("Skip to main content", "navigation"),
    ("Back to top", "navigation"),
    ("© 2023 Example News Ltd. All rights reserved.", "footer"),
    ("Copyright 2023 Example News", "footer"),
    ("All rights reserved.", "footer"),
    ("Terms of Use", "footer"),
    ("Privacy Policy", "footer"),
    ("Cookie settings", "footer"),
    ("Terms of Use | Privacy Policy | Cookie settings", "footer"),
    ("Topics: Iran, Sanctions, Europe", "tags"),
    ("Tags: elections, parliament", "tags"),
    ("Photo: Example Herald archive", "photo-caption"),
    ("Protesters gather outside the ministry. REUTERS/Anna Petrova", "photo-caption"),
    ("A police officer stands guard in the capital (AFP Photo)", "photo-caption"),
    ("Soldiers patrol the border town on Sunday. (AP Photo/Sam Lee)", "photo-caption"),
    ("The summit venue on Monday. Photo by Sam Lee/Getty Images", "photo-caption"),
    ("Share this article", "share-buttons"),
    ("Share", "share-buttons"),
    ("Facebook Twitter Email", "share-buttons"),
    ("Facebook | Twitter | WhatsApp", "share-buttons"),
    ("Advertisement", "advert"),
    ("ADVERTISEMENT", "advert"),
    ("Advertisement - Scroll to continue", "advert"),
    ("Story continues below advertisement", "advert"),
])
def test_each_boilerplate_kind_is_removed(line, reason):
    result = clean_text(f"{BODY}\n{line}\n")
    assert result.text == BODY
    assert result.removed == [Removal(2, line, reason)]


@pytest.mark.parametrize("line", [
    BODY,
    "Home is where the heart is, the candidate said.",
    "Comments made by the minister on Tuesday angered the opposition.",
    "Related talks in Geneva also failed.",
    "The president will read more than a hundred petitions this week.",
    "Topics discussed included trade, fishing rights and the border.",
    "She said the deal would share costs between the two capitals.",
    "Police said the advertisement had been removed from the city's buses by order of the court.",
    "Copyright reform was debated in parliament on Tuesday",
    "Getty Images and other agencies were refused accreditation for the summit, organisers confirmed today.",
])
def test_body_sentences_are_kept(line):
    result = clean_text(line)
    assert result.text == line
    assert result.removed == []


def test_long_sentence_guard_does_not_protect_caption_credit():
    line = ("Negotiators arrive for the talks at the United Nations office in Geneva, Switzerland, "
            "March 14, 2023. REUTERS/Denis Balibouse")
    assert reasons(clean_text(f"{BODY}\n{line}")) == ["photo-caption"]


def test_long_sentence_guard_protects_pattern_lookalikes():
    line = "Tags: the minister said the new customs tags would be issued to every lorry crossing the border."
    assert clean_text(line).text == line


def test_email_placeholder_removed_inline():
    result = clean_text("Write to [email protected] or [email&#160;protected] for details.")
    assert result.text == "Write to or for details."
    assert result.removed == [Removal(1, "[email protected]", "email-placeholder"),
                              Removal(1, "[email&#160;protected]", "email-placeholder")]


def test_email_placeholder_alone_on_a_line_leaves_no_line():
    result = clean_text(f"{BODY}\n[email protected]\n")
    assert result.text == BODY
    assert reasons(result) == ["email-placeholder"]


def test_headline_after_bare_teaser_is_removed():
    text = f"{BODY}\nREAD MORE:\nMinisters meet in Vienna\nSecond body paragraph follows here."
    result = clean_text(text)
    assert result.text == f"{BODY}\nSecond body paragraph follows here."
    assert result.removed == [Removal(2, "READ MORE:", "teaser"), Removal(3, "Ministers meet in Vienna", "teaser")]


def test_teaser_list_after_blank_line_ends_at_next_blank():
    text = (f"{BODY}\n\nYou may also like\n\nFerry strike enters second week\nPort reopens after storm\n\n"
            "Short closing line")
    result = clean_text(text)
    assert result.text == f"{BODY}\n\nShort closing line"
    assert reasons(result) == ["teaser", "teaser", "teaser"]


def test_teaser_does_not_eat_body_sentence():
    text = f"{BODY}\nRelated articles\n{BODY}"
    assert clean_text(text).text == f"{BODY}\n{BODY}"


def test_repeated_headline_after_teaser_with_tail():
    text = f"{BODY}\nRelated: Sanctions bite in Tehran\nSanctions bite in Tehran\nShort body line"
    result = clean_text(text)
    assert result.text == f"{BODY}\nShort body line"
    assert result.removed == [Removal(2, "Related: Sanctions bite in Tehran", "teaser"),
                              Removal(3, "Sanctions bite in Tehran", "repeated-headline")]


def test_title_repeated_as_first_line_is_dropped():
    result = clean_text("Talks Stall in Geneva!\n\n" + BODY, title="Talks stall in Geneva")
    assert result.text == BODY
    assert result.removed == [Removal(1, "Talks Stall in Geneva!", "repeated-headline")]


def test_title_later_in_body_is_kept():
    text = f"{BODY}\nTalks stall in Geneva"
    assert clean_text(text, title="Talks stall in Geneva").text == text


def test_whitespace_normalised_and_paragraphs_kept():
    text = "\n\n  First   line\there.  \nSecond\u00a0line.\n\n\n\n   \nThird\u200b paragraph.\n\n"
    result = clean_text(text)
    assert result.text == "First line here.\nSecond line.\n\nThird paragraph."
    assert result.removed == []


def test_removed_line_between_paragraphs_leaves_one_break():
    result = clean_text(f"{BODY}\n\nAdvertisement\n\n{BODY}")
    assert result.text == f"{BODY}\n\n{BODY}"


def test_crlf_line_numbers():
    result = clean_text(f"{BODY}\r\nAdvertisement\r\n{BODY}\r\n")
    assert result.text == f"{BODY}\n{BODY}"
    assert result.removed == [Removal(2, "Advertisement", "advert")]


def test_empty_input():
    assert clean_text("") == CleanResult("", [])
    assert clean_text(" \n\n ") == CleanResult("", [])


def test_scraped_fixture():
    result = clean_text((FIXTURES / "scraped.txt").read_text(encoding="utf-8"))
    assert result.text == (
        "Port strike spreads to the north\n\nApril 11, 2017\nBy Jane Doe and John Roe\n\n"
        "Port strike spreads to the north\n"
        "Moscow, April 17 - Dock workers in three northern cities joined the strike on Monday, "
        "the union said in a statement.\n"
        "The transport ministry said it would meet union leaders on Thursday to discuss wages and safety rules.\n"
        "Readers can send tips to at any time")
    assert [(r.line, r.reason) for r in result.removed] == [
        (1, "navigation"), (2, "navigation"), (11, "photo-caption"), (12, "advert"), (14, "teaser"),
        (15, "teaser"), (16, "email-placeholder"), (17, "share-buttons"), (18, "share-buttons"), (19, "tags"),
        (20, "comment-prompt"), (21, "comment-prompt"), (22, "footer"), (23, "footer")]


def test_clean_report():
    result = clean_text(f"{BODY}\nAdvertisement\nLog in to comment")
    assert clean_report(result) == (
        f"{BODY}\n\nRemoved 2 lines:\n  line 2 [advert]: Advertisement\n"
        "  line 3 [comment-prompt]: Log in to comment\n")


def test_clean_report_nothing_removed():
    assert clean_report(clean_text(BODY)) == f"{BODY}\n\nRemoved 0 lines.\n"


def test_pattern_tables_are_regex_reason_pairs():
    for rx, reason in PATTERNS + STRONG_PATTERNS:
        assert hasattr(rx, "fullmatch") and isinstance(reason, str)
