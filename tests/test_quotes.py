"""Quotation finding: every construction of issue 3 on small invented articles, a property
test on random quotation marks, and the seed's golden quotes.

Regenerate the golden file after an intended change (then review the diff)::

    NEWSGRAPH_REGEN_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_quotes.py -k golden
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.analyse.quotes.marks import find_quoted_spans
from newsgraph.model import Article, Quote

GOLDEN = Path(__file__).resolve().parent / "golden" / "moscow8.quotes.json"


def quotes(text: str, kinds: tuple[str, ...] = ("direct", "mixed")) -> list[tuple[str, str, str | None]]:
    """(kind, content, speaker name) of the article's direct and mixed quotes."""
    art = newsgraph.extract(text)
    return [(q.kind, _content(art, q), q.speaker.name) for q in art.quotes if q.kind in kinds]


def _content(art: Article, q: Quote) -> str:
    return " | ".join(art.span_text(s) for s in q.content_spans)


# --------------------------------------------------------------------------
# marks
# --------------------------------------------------------------------------
def test_straight_and_curly_marks() -> None:
    text = 'Ann Lee said: "We are ready."\n\nBob Dunn said: “They are not.”'
    assert quotes(text) == [("direct", "We are ready.", "Ann Lee"), ("direct", "They are not.", "Bob Dunn")]


def test_quotation_marks_glued_to_the_cue_word() -> None:
    """Scraped text loses the space after the comma: ``said,“Look`` must still give the cue
    and the speaker (stock spaCy keeps it one token)."""
    text = 'Ann Lee said,“We are ready.”\n\nBob Dunn told reporters:"They are not." Then he left.'
    assert quotes(text) == [("direct", "We are ready.", "Ann Lee"), ("direct", "They are not.", "Bob Dunn")]
    art = newsgraph.extract(text)
    assert [art.text[q.cue[0]:q.cue[1]] for q in art.quotes] == ["said", "told"]


def test_signed_quotations_on_lines_of_one_paragraph() -> None:
    """Reader testimonials, one per line, each signed "― Name": each is its own quotation, even
    when the first opens with a mis-typed ``”``."""
    text = ("”We are ready for the vote today.” ― Ann Lee\n"
            "“They are not ready for anything at all.”― Bob Dunn\n"
            "“Nobody asked us what we wanted here.” ― Carla Diaz")
    assert quotes(text) == [("direct", "We are ready for the vote today.", "Ann Lee"),
                            ("direct", "They are not ready for anything at all.", "Bob Dunn"),
                            ("direct", "Nobody asked us what we wanted here.", "Carla Diaz")]


def test_doubled_apostrophes_as_quotation_marks() -> None:
    text = "''The budget is a disgrace,'' said Senator Mary Holt, a Democrat."
    assert quotes(text) == [("direct", "The budget is a disgrace,", "Mary Holt")]


def test_split_quote_is_one_quotation_with_two_spans() -> None:
    text = '"We will appeal," said Tom Baker, the mayor. "The court got it wrong."'
    assert quotes(text) == [("direct", "We will appeal, | The court got it wrong.", "Tom Baker")]


def test_multi_paragraph_quote_continues() -> None:
    text = (
        'Jane Ode, a farmer, described the flood.\n\n'
        '"The water came in the night and took the barn.\n\n'
        '"We lost every animal we had," she said.'
    )
    got = quotes(text)
    assert len(got) == 1
    kind, content, name = got[0]
    assert kind == "direct" and name == "Jane Ode"
    assert content.startswith("The water came") and content.endswith("we had,")


def test_colon_introduced_quote_in_next_paragraph() -> None:
    text = "The minister, Paul Grant, told parliament:\n\n“This law protects every family in the country.”"
    assert quotes(text) == [("direct", "This law protects every family in the country.", "Paul Grant")]


def test_dash_layout() -> None:
    text = "“Never give up on the people you love.” – Maria Lopez"
    assert quotes(text) == [("direct", "Never give up on the people you love.", "Maria Lopez")]


def test_nested_single_quotes_stay_inside() -> None:
    text = "“He kept saying ‘trust me’ and we did,” said Ella Park."
    assert quotes(text) == [("direct", "He kept saying ‘trust me’ and we did,", "Ella Park")]


@pytest.mark.parametrize(
    "text",
    [
        'The mayor said "we will win and then',
        '"""',
        'He said ”backwards“ and "unclosed\n\nNext paragraph with no marks at all.',
        '“A” ” “ "" \'\' ‘’ « »',
    ],
)
def test_stray_marks_never_crash_nor_swallow(text: str) -> None:
    art = newsgraph.extract(text)
    for q in art.quotes:
        for s, e in q.content_spans:
            assert 0 <= s <= e <= len(text)
            assert "Next paragraph" not in text[s:e]


# --------------------------------------------------------------------------
# direct vs mixed vs not a quotation
# --------------------------------------------------------------------------
def test_mixed_quote_content_is_the_reported_clause() -> None:
    text = 'Governor Ann Blake said the plan was "desperate and dangerous" for the state.'
    got = quotes(text)
    assert got == [("mixed", 'the plan was "desperate and dangerous" for the state', "Ann Blake")]


def test_mixed_quote_object_and_predicate() -> None:
    text = 'Senator Rick Moss called the proposal "a terrible deal" on Monday.'
    kind, content, name = quotes(text)[0]
    assert (kind, name) == ("mixed", "Rick Moss")
    assert content == "a terrible deal"  # an object predicate: the fragment alone (bbc-dev's convention)


def test_mixed_quote_after_adding() -> None:
    text = '"It was a long night," said coach Dan Reyes, adding that the team "never stopped believing".'
    got = quotes(text)
    assert got[0] == ("direct", "It was a long night,", "Dan Reyes")
    assert got[1][0] == "mixed" and got[1][2] == "Dan Reyes"
    assert got[1][1].startswith("the team")


def test_mixed_quote_with_parenthetical_attribution() -> None:
    text = 'The vote was close. But, Mayor Ian Holt added, the council would "never give up" on the park.'
    ((kind, content, name),) = quotes(text)
    assert (kind, name) == ("mixed", "Ian Holt")
    assert content.startswith("the council would") and "added" not in content


@pytest.mark.parametrize(
    "text",
    [
        "The film, “Silent Rivers of the North”, opens on Friday in Leeds.",  # title of a work
        "Known as the “Iron Five”, the group met in 1990.",  # nickname
        "The “reform” took effect during a “busy week” for the city.",  # scare quotes
        "‘A Very Long Road Home’\n\nThe town has changed since 1990.",  # quoted heading
    ],
)
def test_non_quotations_are_not_output(text: str) -> None:
    assert quotes(text) == []


# --------------------------------------------------------------------------
# attribution
# --------------------------------------------------------------------------
def test_speaker_before_the_quote_with_apposition() -> None:
    text = 'Hugh Hill, a doctor at the clinic, said: "The ward is full every night."'
    assert quotes(text) == [("direct", "The ward is full every night.", "Hugh Hill")]


def test_pronoun_speaker_follows_the_last_attribution() -> None:
    text = (
        "Rosa Diaz, an engineer, said the bridge would open in May.\n\n"
        "“We tested every cable twice,” she told AFP."
    )
    assert quotes(text) == [("direct", "We tested every cable twice,", "Rosa Diaz")]


def test_unattributed_paragraph_continues_previous_speaker() -> None:
    text = (
        "“The harvest was the worst in years,” said farmer Omar Haddad.\n\n"
        "“Next year can only be better, if the rain comes.”"
    )
    got = quotes(text)
    assert [g[2] for g in got] == ["Omar Haddad", "Omar Haddad"]


def test_unnamed_source_keeps_a_descriptor() -> None:
    art = newsgraph.extract("“The talks have collapsed,” a senior diplomat said.")
    (q,) = [q for q in art.quotes if q.kind == "direct"]
    assert q.speaker.name == "a senior diplomat" and q.speaker.type == "UNNAMED"
    assert q.speaker.descriptor and "diplomat" in q.speaker.descriptor
    assert q.speaker.mention and "diplomat" in art.span_text(q.speaker.mention)


def test_mention_span_and_cue_are_offsets_into_the_text() -> None:
    text = "“Prices will fall,” said economist Lena Voss."
    art = newsgraph.extract(text)
    (q,) = art.quotes
    assert art.span_text(q.speaker.mention).endswith("Lena Voss")
    assert art.span_text(q.cue) == "said" and q.cue_lemma == "say"


def test_inverted_attribution_after_question() -> None:
    text = "''Can we still win Ohio?'' asked Mr. Carl Dent, the campaign chairman."
    assert quotes(text) == [("direct", "Can we still win Ohio?", "Carl Dent")]


# --------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------
MARKS = ['"', "“", "”", "‘", "’", "''", "«", "»", "'"]
piece = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(["\n\n", " ", ", ", ". ", ": "]),
    st.text(alphabet="abcdeXYZ ", min_size=1, max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(piece, max_size=40))
def test_pairing_spans_stay_inside_their_paragraph(pieces: list[str]) -> None:
    text = "".join(pieces)
    pos = 0
    for para in text.split("\n\n"):
        start, end = pos, pos + len(para)
        for qs in find_quoted_spans(text, start, end):
            assert start <= qs.open_mark < qs.start <= qs.end <= end
            if qs.close_mark is not None:
                assert qs.end <= qs.close_mark < end
        pos = end + 2


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(piece, max_size=30))
def test_extraction_on_random_marks(pieces: list[str]) -> None:
    text = "Anna Berg said. " + "".join(pieces)
    art = newsgraph.extract(text)
    paras = [(p.start, p.end) for p in art.paragraphs]
    for q in art.quotes:
        for s, e in q.content_spans:
            assert 0 <= s < e <= len(text)
            # a span never crosses a paragraph boundary (continuations are separate spans)
            assert any(ps <= s and e <= pe for ps, pe in paras)


# --------------------------------------------------------------------------
# golden
# --------------------------------------------------------------------------
def _golden_view(art: Article) -> list[dict]:
    out = []
    for q in art.quotes:
        if q.kind == "indirect":
            continue  # owned by the indirect finder, whose model changes on its own schedule
        out.append(
            {
                "kind": q.kind,
                "content": [art.span_text(s) for s in q.content_spans],
                "speaker": q.speaker.name,
                "mention": art.span_text(q.speaker.mention) if q.speaker.mention else None,
                "cue": art.span_text(q.cue) if q.cue else None,
            }
        )
    return out


def test_seed_golden_quotes(seed_article: Article) -> None:
    got = _golden_view(seed_article)
    if os.environ.get("NEWSGRAPH_REGEN_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------
# the words of partly quoted reports (issue 15: frame, split parse, scare quotes)
# --------------------------------------------------------------------------
def test_a_fronted_subject_before_a_parenthetical_cue_stays_in_the_content() -> None:
    text = "Gardeners, she said, can ''grow like weeds'' and ''sing like larks.''"
    ((kind, content, _),) = quotes(text)
    assert kind == "mixed" and content.startswith("Gardeners | can")


def test_a_second_report_after_a_closed_fragment_is_its_own() -> None:
    text = ('The ferry firm said it was "proud to have won the harbour contract" and promised to run the boats '
            '"in a way no other firm could".')
    got = quotes(text)
    assert all("promised" not in content for _, content, _ in got), got
    assert any(content.startswith("to run the boats") for _, content, _ in got), got


def test_a_noun_the_parse_hung_on_the_cue_ends_the_reported_clause() -> None:
    text = ('The Liberals also said Mr Grant would still be forced to raise fares after the vote to fill an annual '
            'pounds 4bn "hole" in the port budget.')
    ((kind, content, _),) = quotes(text)
    assert kind == "mixed" and content.startswith("Mr Grant would still be forced"), content


def test_a_word_in_marks_after_a_cue_of_thought_in_a_what_clause_is_no_quotation() -> None:
    assert quotes('What Mr. Grant considers "clever" might be seen by others as rude.') == []


def test_a_clause_before_an_inverted_cue_is_what_was_said() -> None:
    text = 'Since 2001, the average harbour fee had "fallen by a third in real terms" if you left out ferries, Ms Lee told the Gazette.'
    ((kind, content, _),) = quotes(text)
    assert kind == "mixed" and content.startswith("Since 2001, the average harbour fee had"), content
