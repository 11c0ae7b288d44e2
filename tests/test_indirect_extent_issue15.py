"""Honest extents (issue #15) on invented sentences: the journalist's narration after a report
is left out, a report the parse cut too early is completed, the one accused stays with the
charge, and circumstances, decisions and beliefs are not shown as speech."""

from __future__ import annotations

import pytest

import newsgraph


def contents(text: str, kind: str) -> list[str]:
    art = newsgraph.extract(text)
    return [" | ".join(art.span_text(s) for s in q.content_spans) for q in art.quotes if q.kind == kind]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the time of saying, in the past, after a report put in the present
        ('The former mayor has said she wants to "shake up the valley" as she launched her new party.',
         'she wants to "shake up the valley"'),
        # how things stand now, after a report put in the past
        ('Berg said he had "given up" on Henley and the win in Paris has not changed his mind.',
         'he had "given up" on Henley'),
        # the one accused is part of the charge
        ('The minister, who accused the unions of "hiding" from the talks, left early.',
         'the unions of "hiding" from the talks'),
        # a noun phrase after a dash adds to the report before it
        ('Ms Tan said it was a big step for the ferry firms to offer up to 50% fare relief - "the vast bulk" of money '
         'paid by the poorest islanders.',
         'it was a big step for the ferry firms to offer up to 50% fare relief - "the vast bulk" of money paid by the '
         'poorest islanders'),
        # a word limiting the fragment stays with it, and so does the subject
        ('Ms Dale said that a sharp rise in rents over the past year had only "partly made up for the losses".',
         'a sharp rise in rents over the past year had only "partly made up for the losses"'),
        # the fragment sits in the subject: the clause's verb after the comma completes the report
        ('But Ray Hunt said the changes in the entry rules, which accept boats "of local build", were made a month '
         'before the race.',
         'the changes in the entry rules, which accept boats "of local build", were made a month before the race'),
        # the second clause's verb, hung on the cue, completes the report
        ('But Lund said Ferris has “deep respect” for the navy and his harbour comment was instead an expression '
         'of anger with the plan.',
         'Ferris has “deep respect” for the navy and his harbour comment was instead an expression of anger with the plan'),
    ],
)
def test_mixed_reports_say_what_was_said(text: str, content: str) -> None:
    assert content in contents(text, "mixed"), contents(text, "mixed")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Critics have questioned whether the harbour board has any say over private moorings.",
         "whether the harbour board has any say over private moorings"),
        ("The port said it expected fees of up to 3 million crowns (about $300,000; 200,000 euros) to be waived.",
         "it expected fees of up to 3 million crowns (about $300,000; 200,000 euros) to be waived"),
        ("The council has confirmed old railway sleepers that were to have been burned will now be recycled locally.",
         "old railway sleepers that were to have been burned will now be recycled locally"),
        ("The mayor has said he wants to rebuild the pier as he opened his campaign office.",
         "he wants to rebuild the pier"),
        ("Ms Ode said she had given up on the race and winning the cup has not changed her mind.",
         "she had given up on the race"),
    ],
)
def test_reported_speech_says_what_was_said(text: str, content: str) -> None:
    assert content in contents(text, "indirect"), contents(text, "indirect")


def test_a_contrast_with_what_others_say_is_left_out() -> None:
    found = contents("Traders have doubted whether the port can cope with more ships, while harbour officials "
                     "have dismissed the worries as idle.", "indirect")
    assert found and not any("dismissed" in c for c in found if c.startswith("whether")), found


def test_a_circumstance_is_not_what_was_agreed() -> None:
    art = newsgraph.extract("Ms Ode said the singer finally agreed last month while the crew was filming in Leeds "
                            "and the cast persuaded him.")
    assert not any(q.cue_lemma == "agree" for q in art.quotes), [(q.cue_lemma, q.content_spans) for q in art.quotes]


@pytest.mark.parametrize(
    ("text", "lemma", "act"),
    [
        # a ruling is a decision described, not words said
        ("On occasion, the high court has ruled against the interests of the tenants he represents, he says.",
         "rule", "other"),
        # "said of X": the topic; the clause completes "sure": the journalist's account of a belief
        ("“It is over,” she said of the local vote, in which she was sure the mayor would win and the town would "
         "see sense.", "say", "not speech"),
    ],
)
def test_decisions_and_beliefs_are_not_shown_as_speech(text: str, lemma: str, act: str) -> None:
    art = newsgraph.extract(text)
    found = [q for q in art.quotes if q.cue_lemma == lemma and q.kind == "indirect"]
    ok = (lambda a: a != "speech") if act == "not speech" else (lambda a: a == act)
    assert found and all(ok(q.act) for q in found), [(q.cue_lemma, q.act, q.content_spans) for q in art.quotes]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the speaker's next act, joined by "and"/"but", is not part of what was claimed
        ("The airline claims its collapse was revenge for the ambitions of its founder and has vowed to sue the buyers.",
         "its collapse was revenge for the ambitions of its founder"),
        ("Ms Holt earlier denied her budget figures were too rosy - but refused to rule out higher fees.",
         "her budget figures were too rosy"),
        ("Councillor Amy Reed said officials had created a new class of parking - short waiting - and asked how "
         "wardens were supposed to apply the rules.",
         "officials had created a new class of parking - short waiting"),
        # after a closing "according to X", a run-in next sentence is not part of the report
        ("The last cheque was written at 4pm on Monday, according to the Guild of Bank Clerks (Gobc) Gobc picked "
         "a retired nurse to write it.",
         "The last cheque was written at 4pm on Monday"),
        # the next sentence run in where a full stop was lost
        ("Mr Dunn said many voters would be upset by the mayor's remarks Town Hall has issued a statement saying "
         "the mayor has apologised.",
         "many voters would be upset by the mayor's remarks"),
    ],
)
def test_narration_after_the_report_left_out(text: str, content: str) -> None:
    assert content in contents(text, "indirect"), contents(text, "indirect")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # what one may do is not what was said
        ("The firm says a Dutch court was entitled to declare it insolvent before the sale.", "it insolvent"),
        # "Kerr adding the conversion" is match narration, not a report of the clause before
        ("Moss sent Lane clear and the winger showed his pace to score in the corner, Kerr adding the conversion.",
         "Moss sent Lane clear"),
        # the name's own description after an inverted cue is not what was said
        ('"Middlemen will take the grant," said Ade Bello, a rice grower from Kano told Reuters.', "a rice grower"),
    ],
)
def test_narration_is_not_speech(text: str, words: str) -> None:
    assert not any(c.startswith(words) for c in contents(text, "indirect")), contents(text, "indirect")
