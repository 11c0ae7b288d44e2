"""Issue 15, the words of a quotation and whether it is one, on invented sentences: a quotation
cut by stray line breaks runs on, a condition before an inverted cue stays with the report, a
report stays in its sentence, a sentence misread as a cue's clause holds no quotation, and words
after '<label noun>:' are a label, not a statement."""

from __future__ import annotations

import newsgraph
from newsgraph.analyse.quotes.marks import join_broken_paragraphs
from newsgraph.model import Article, Quote


def _text(art: Article, q: Quote) -> str:
    return " ".join(art.span_text(s) for s in q.content_spans)


def test_a_paragraph_broken_mid_sentence_is_joined() -> None:
    text = "A headline\n\nIt was said \"one. I\n\nwas\n\nthere,\" she said."
    paras = [(0, 10), (12, 31), (33, 36), (38, 56)]
    assert join_broken_paragraphs(text, paras, {(0, 10)}) == [(0, 10), (12, 56)]
    # a finished paragraph, or one before a capitalised word, stays apart
    assert join_broken_paragraphs("One.\n\ntwo", [(0, 4), (6, 9)], set()) == [(0, 4), (6, 9)]
    assert join_broken_paragraphs("One\n\nTwo", [(0, 3), (5, 8)], set()) == [(0, 3), (5, 8)]


def test_a_quotation_cut_by_line_breaks_runs_on() -> None:
    text = ('Tom Reed, the harbour master, spoke on Monday. "We wanted to look like a real port. I\n\nhad\n\n'
            'a dream and I wanted a proper fight," says Mr Reed. He left at noon.')
    art = newsgraph.extract(text)
    direct = [q for q in art.quotes if q.kind == "direct"]
    assert [_text(art, q) for q in direct] == [
        "We wanted to look like a real port. I had a dream and I wanted a proper fight,"]
    assert direct[0].speaker.name == "Tom Reed"
    assert all("\n" not in art.span_text(s) for s in direct[0].content_spans)


def test_a_condition_before_an_inverted_cue_stays() -> None:
    art = newsgraph.extract("If the council could raise its budget by 5% over ten years, then many more homes "
                            "could have been built by 2020, Ms Hale argued.")
    found = [_text(art, q) for q in art.quotes if q.kind == "indirect"]
    assert any(c.startswith("If the council could raise") for c in found), found


def test_a_report_does_not_run_into_the_next_sentence() -> None:
    art = newsgraph.extract("The port authority reported that grain stocks had fallen 2m tonnes to 81.5m. "
                            "On top of that, a strike at the docks has also pushed the board to cut its "
                            "forecast for the year.")
    found = [_text(art, q) for q in art.quotes if q.kind == "indirect"]
    assert found and all("On top of that" not in c for c in found), found
    assert any(c.startswith("grain stocks had fallen") for c in found), found


def test_a_sentence_misread_as_the_cue_clause_holds_no_quotation() -> None:
    art = newsgraph.extract('Lee Park spoke on Monday. That is the size of the "funding gap" the unions, '
                            'backed by some analysts, believe Mr Park will have to close with new charges.')
    assert not [q for q in art.quotes if q.kind in ("direct", "mixed")]
    assert all(q.speaker.name != "Lee Park" or q.act != "speech" for q in art.quotes)


def test_words_after_a_label_noun_and_colon_are_no_statement() -> None:
    art = newsgraph.extract('Mayor Ann Holt is rolling out a new and more personal campaign message: '
                            '"It is about us."\n\nShe said the city "needs a change" now.')
    acts = {_text(art, q): q.act for q in art.quotes}
    assert acts.get("It is about us.") in (None, "other"), acts


def test_words_said_in_a_message_stay_speech() -> None:
    art = newsgraph.extract('Ann Holt, the mayor, said in a message: "We will rebuild the bridge."')
    acts = {_text(art, q): q.act for q in art.quotes}
    assert acts.get("We will rebuild the bridge.") == "speech", acts


def test_a_simple_message_may_be_words_said() -> None:
    art = newsgraph.extract("Ms Holt visited the party's office to cheer the young staff with a simple message: "
                            '"Do not give up now!"')
    acts = {_text(art, q): q.act for q in art.quotes}
    assert acts.get("Do not give up now!") == "speech", acts


def test_a_second_predicate_after_but_stays_in_the_report() -> None:
    art = newsgraph.extract("Mr Tarn has said the jokes may have been rude but were not cruel, and said he would "
                            "not resign.")
    found = [_text(art, q) for q in art.quotes if q.kind == "indirect"]
    assert "the jokes may have been rude but were not cruel" in found, found


def test_the_speakers_second_act_is_still_cut() -> None:
    art = newsgraph.extract("The mayor said there would be no change and was happy with the plan.")
    found = [_text(art, q) for q in art.quotes if q.kind == "indirect"]
    assert found == ["there would be no change"], found
    art = newsgraph.extract("One broker forecast the bid would succeed and was more worried about the costs.")
    found = [_text(art, q) for q in art.quotes if q.kind == "indirect"]
    assert "the bid would succeed" in found, found


def test_a_cue_inside_an_embedded_question_is_no_report() -> None:
    art = newsgraph.extract("The column sets what Ann Reed says her budget would do against how economists say "
                            "it would change the rates.")
    assert all(q.act != "speech" for q in art.quotes if q.cue_lemma == "say"), [
        (q.cue_lemma, q.act, _text(art, q)) for q in art.quotes]


def test_a_title_after_a_study_is_no_quotation() -> None:
    art = newsgraph.extract('Ann Lee said she was tired. Some 40 nurses gave answers for the study '
                            '"Who Pays the Nurse, doctor".')
    assert all("Who Pays" not in _text(art, q) for q in art.quotes)


def test_calling_on_a_thing_or_off_a_plan_is_no_speech() -> None:
    for text in ("Northwind is calling on its atlas software to provide maps of every town.",
                 "Striking dockers have called off a march planned for Saturday.",
                 "The nurses called off their strike after talks."):
        art = newsgraph.extract(text)
        acts = {_text(art, q): q.act for q in art.quotes}
        assert all(act != "speech" for act in acts.values()), acts
    art = newsgraph.extract("Ann Lee, the union leader, called on the government to act on pay.")
    assert any(q.act == "speech" for q in art.quotes)


def test_an_aside_inside_a_phrase_reports_the_phrase() -> None:
    art = newsgraph.extract("Ann Lee spoke in Leeds. Ms Lee joined the board after turning down offers from "
                            "rival firms including, she says, the bank Northwind.")
    found = [_text(art, q) for q in art.quotes if q.cue_lemma == "say"]
    assert found == ["rival firms including the bank Northwind"], found


def test_words_a_report_says_after_a_colon_stay_a_quotation() -> None:
    art = newsgraph.extract('Said the Northwind report: "This finding is odd, since half of all users say they '
                            'would stop."')
    assert any(_text(art, q).startswith("This finding is odd") for q in art.quotes)


def test_the_gathering_after_a_comma_is_the_cue_s() -> None:
    art = newsgraph.extract("Tom Reed warned that farmers were too closely tied to banks, at the Leeds "
                            "county show event.")
    found = [_text(art, q) for q in art.quotes if q.cue_lemma == "warn"]
    assert found == ["farmers were too closely tied to banks"], found
    # without the comma the gathering may be what was said
    art = newsgraph.extract("Ann Lee said there had been a fight at the meeting.")
    found = [_text(art, q) for q in art.quotes if q.cue_lemma == "say"]
    assert found == ["there had been a fight at the meeting"], found
