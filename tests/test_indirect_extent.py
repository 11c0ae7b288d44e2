"""The words of reported speech (``quotes/indirect_extent.py``) on invented sentences: the
subject the parse dropped is put back, a clause cut in two is joined, a condition is kept and the
journalist's words after the report are left out."""

from __future__ import annotations

import pytest

import newsgraph


def indirect_contents(text: str) -> list[str]:
    art = newsgraph.extract(text)
    return [" | ".join(art.span_text(s) for s in q.content_spans) for q in art.quotes if q.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the parse reads "the Herald Rovers" as the object of "told"
        ("The coach told the Herald Rovers were unlikely to win the cup this season.",
         "Rovers were unlikely to win the cup this season"),
        # the inverted cue took the clause's subject as its own
        ("The hardest part of building any bridge, said Ms Ravel, was the foundations.",
         "The hardest part of building any bridge | was the foundations"),
        # a clause cut in two by the parse
        ("The governor says the plan would mean no-one from a poor family could ever become a judge.",
         "the plan would mean no-one from a poor family could ever become a judge"),
        # the object read as the subject of a clause whose verb has a tensed auxiliary
        ("A senior harbour official told the Gazette repairs were being delayed.",
         "repairs were being delayed"),
        # a condition after a parenthetical cue
        ("In fact, she said, if the tolls are paid by drivers, then maybe the bridge should stay open.",
         "if the tolls are paid by drivers, then maybe the bridge should stay open"),
    ],
)
def test_missing_words_are_put_back(text: str, content: str) -> None:
    assert any(c.endswith(content) for c in indirect_contents(text)), indirect_contents(text)


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("The ferry firm denied the charges, saying that it never broke the harbour rules.", "saying"),
        ("Others claim the bridge will ruin the old town, while the traders are also said to be angry.", "while"),
        ("Ms Lee said the mayor first told her the pier was safe, only to change her story later.", "only to"),
        ("The ferry firm said storms had forced the move, adding that its board made the decision in May.", "adding"),
    ],
)
def test_the_journalists_words_after_the_report_are_left_out(text: str, tail: str) -> None:
    contents = indirect_contents(text)
    assert contents and not any(tail in c for c in contents), contents


def test_the_added_words_keep_the_first_speaker() -> None:
    art = newsgraph.extract("The ferry firm said storms had forced the move, adding that its board made the decision in May.")
    added = [q for q in art.quotes if q.cue_lemma == "add"]
    assert added and all(q.speaker.mention and "firm" in art.span_text(q.speaker.mention) for q in added)


def mixed_contents(text: str) -> list[str]:
    art = newsgraph.extract(text)
    return [" | ".join(art.span_text(s) for s in q.content_spans) for q in art.quotes if q.kind == "mixed"]


def test_a_clause_long_fragment_keeps_its_noun_subject() -> None:
    text = ('Ms Oduya said that weak autumn bookings were "more a matter of the rain we had in '
            'August than of anything the resort did wrong".')
    assert any(c.startswith("weak autumn bookings were") for c in mixed_contents(text)), mixed_contents(text)


def test_a_short_fragment_after_a_noun_subject_stands_alone() -> None:
    assert mixed_contents('The trader said the summer season was "a real letdown".') == ["a real letdown"]


def test_a_fragment_framed_only_by_a_copula_or_a_preposition_stands_alone() -> None:
    """'said the attack … was "sickening"' must not read 'was "sickening"' (the subject left out)."""
    assert mixed_contents('Awards news\n\nMagazine president Lee Marsh said the attack earlier this month in '
                          'the harbour was "sickening".\n') == ["sickening"]
    assert mixed_contents('Vote news\n\nThe MP, who was expelled from the party, accused Ms Kaur of being a '
                          '"party stooge". Ms Kaur said nothing.\n') == ["party stooge"]


def test_the_second_half_of_both_is_kept() -> None:
    text = ('He said there were "grave doubts" both over the cost of the bridge to the town, '
            'and the way the contract was awarded.')
    assert any(c.endswith("the way the contract was awarded") for c in mixed_contents(text)), mixed_contents(text)


def test_a_second_report_hung_on_the_clause_is_its_own_quotation() -> None:
    text = ('Ms Lund said she would not answer "gossip from rivals" and promised to defend the '
            'harbour plan "from now until the vote".')
    contents = mixed_contents(text)
    assert any(c.endswith('"gossip from rivals"') for c in contents), contents
    assert not any("promised" in c for c in contents), contents


def test_a_report_after_a_lost_close_mark_is_its_own_and_keeps_its_list() -> None:
    text = ('The mayor said the scheme "had the look of a \'rough draft\', and urged the council to '
            'promise that "every tenant will be heard" before it extends the rules to parks, markets and schools.')
    contents = mixed_contents(text)
    assert "the scheme \"had the look of a 'rough draft'" in contents, contents
    assert any(c.endswith("to parks, markets and schools") for c in contents), contents


def test_a_while_without_a_subject_of_its_own_is_still_the_report() -> None:
    kept = mixed_contents('He said the guards had been "cruel" to him while detained in the camp.')
    assert kept == ['the guards had been "cruel" to him while detained in the camp'], kept
    cut = mixed_contents('She said the pier plan was "a disgrace" while rivals were said to be angry.')
    assert cut == ["a disgrace"], cut


def test_a_fragment_that_reads_on_from_its_subject_keeps_it() -> None:
    text = 'Ms Oduya believes the new ferry could be "to the island what the bridge was to the town".'
    assert any(c.startswith("the new ferry could be") for c in mixed_contents(text)), mixed_contents(text)


def test_a_percentage_keeps_its_sign() -> None:
    art = newsgraph.extract("Fuel news\n\nThe government has confirmed it is considering raising fuel prices by "
                            "as much as 30%.\n")
    assert [art.text[q.content_spans[0][0]:q.content_spans[-1][1]] for q in art.quotes] == [
        "it is considering raising fuel prices by as much as 30%"]
