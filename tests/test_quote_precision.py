"""Direct and mixed quotations, issues 14 and 15: where a partly quoted report ends, whose
report a fragment is, and quoted words that are no one's speech. Invented sentences, one or
two per rule."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.analyse.quotes.direct import mark_family


def quoted(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, content, speaker name) of the direct and mixed quotations."""
    art = newsgraph.extract(text)
    return [
        (q.kind, " | ".join(art.span_text(s) for s in q.content_spans), q.speaker.name)
        for q in art.quotes
        if q.kind != "indirect"
    ]


# --------------------------------------------------------------------------
# where a partly quoted report ends (direct._report_end)
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a participle after a comma is the journalist's gloss
        (
            'The nurses union called Mayor Tina Holt a "true friend" of its members, citing her vote on pay.',
            '"true friend" of its members',
        ),
        # a dash opens the journalist's comment
        (
            'Senator Paul Grady dismissed the harbour as a "sleepy backwater" — a jibe at the port board.',
            'as a "sleepy backwater"',
        ),
        # a contrast brings in someone else
        ('Ann Lee, the mayor, said the plan would need "a bold step" while Tom Hart said it was too costly.',
         '"a bold step"'),
        # the cue's own adjunct of time
        ('Coach Ray Dunne described the referee as "a disgrace" on Tuesday.', 'as "a disgrace"'),
    ],
)
def test_a_partly_quoted_report_ends_with_the_report(text: str, content: str) -> None:
    mixed = [c for k, c, _ in quoted(text) if k == "mixed"]
    assert len(mixed) == 1 and mixed[0].endswith(content)


def test_a_report_keeps_its_own_adjuncts_and_second_complement() -> None:
    text = (
        'Judge Alma Ruiz said the tapes were "far from clear" and that the police had not '
        "shown them to the family."
    )
    ((kind, content, _),) = quoted(text)
    assert kind == "mixed" and content.endswith("shown them to the family")


def test_a_comparison_after_the_fragment_stays_in_the_report() -> None:
    text = 'Pollster Ian Marsh said voters were "deeply worried" about prices, compared with 20% last year.'
    ((_, content, _),) = quoted(text)
    assert content.endswith("compared with 20% last year")


# --------------------------------------------------------------------------
# whose report a fragment is (direct._covering_cue)
# --------------------------------------------------------------------------
def test_a_relative_clause_with_its_own_cue_is_its_own_report() -> None:
    text = 'Carl Voss said he regretted joining the club, which he described as a "circus".'
    got = quoted(text)
    assert [(k, c) for k, c, _ in got] == [("mixed", "circus")]
    assert got[0][2] == "Carl Voss"


# --------------------------------------------------------------------------
# quoted words that are no one's speech
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        'The network relies on small servers called "hubs" that pass messages along.',  # a naming participle
        'The tower is named after a hero and is called "the Needle" by locals.',  # passive naming
        'Rita Moss has been criticised for selling "miracle" diet teas online.',  # a scare quote on a noun
        "Kyle Dean is not believed to be badly hurt after being \"the target of a random attack\" on Friday.",
        'It goes without saying that the plan to build a "green corridor" will cost money.',
        "Ann Wu's commentary, \"Give the river back to the town,\" is well argued.",  # a written work's title
        'The singer closed the show with the anthem "Stand Up Tall, Harbour Town".',
        '<a tweet-date="the vote was close and the count goes on">',  # markup left in the text
    ],
)
def test_no_ones_words_are_not_quotations(text: str) -> None:
    assert quoted(text) == []


def test_a_long_quoted_noun_phrase_after_a_preposition_is_not_speech() -> None:
    text = 'The reporter was sent into "a quiet farmhouse in the northern hills" to watch the debate.'
    assert quoted(text) == []


def test_a_verbless_fragment_a_verb_governs_stays() -> None:
    text = 'Japan branded its neighbour a "rogue state in the region." The talks ended.'
    assert [k for k, _, _ in quoted(text)] in (["mixed"], ["direct"])


def test_a_passive_of_speech_still_reports_words() -> None:
    text = 'The party chairman, Rob Kane, was said to be "livid" with the candidate.'
    assert [k for k, _, _ in quoted(text)] == ["mixed"]


# --------------------------------------------------------------------------
# continuation across paragraphs keeps one style of mark
# --------------------------------------------------------------------------
def test_mark_family() -> None:
    text = "\"a ''b “c «d x"
    assert [mark_family(text, i) for i in (0, 3, 7, 10, 13)] == ["straight", "doubled", "curly", "curly", None]


def test_a_paragraph_in_another_style_of_mark_is_a_new_quotation() -> None:
    text = (
        'Ella Price spoke at the rally.\n\n"The crowd was quiet.\n\n'
        "“We are ready,” Price said. “We have waited long enough.”"
    )
    got = quoted(text)
    ready = [c for _, c, _ in got if "We are ready" in c]
    assert ready and all("The crowd was quiet" not in c for c in ready)


def test_a_paragraph_opened_by_a_mark_that_never_closes_nor_goes_on_is_no_quotation() -> None:
    text = (
        "The paper described the evening in detail.\n\n"
        '"Ben was asleep on the sofa.\n\n'
        "“Here she comes,” Ella Price said."
    )
    got = [c for _, c, _ in quoted(text)]
    assert "Ben was asleep on the sofa." not in got and any("Here she comes" in c for c in got)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a subject and a copula frame the fragment: the fragment alone
        ('Shop owner Dina Falk said the winter trade was "not what anyone had planned for".',
         "not what anyone had planned for"),
        # a subject and auxiliaries
        ('Farmer Owen Pryce said he would "plant every field again next spring".', "plant every field again next spring"),
        # an object before an object predicate
        ('Economist Lara Quinn called the rent rise "alarming".', "alarming"),
        # the clause says more than the fragment: the whole clause, with both marks
        ('Dr Ian Moss said the clinic had stayed open all week despite "very difficult conditions".',
         'the clinic had stayed open all week despite "very difficult conditions"'),
    ],
)
def test_a_framed_fragment_is_the_content_alone(text: str, content: str) -> None:
    mixed = [c for k, c, _ in quoted(text) if k == "mixed"]
    assert mixed == [content]
