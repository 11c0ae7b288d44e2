"""Which words of the text a quotation's source mention points at (PolNeAR scores the
overlap of that mention with its Source span): the cue chosen and the subject read from it.

The texts are invented.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import newsgraph
from newsgraph.analyse.quotes.attribution import subject_of


def sources(text: str) -> list[tuple[str, str | None, str | None]]:
    """(kind, source mention text, cue text) of each direct or mixed quotation."""
    art = newsgraph.extract(text)
    out = []
    for q in art.quotes:
        if q.kind in ("direct", "mixed"):
            m, c = q.speaker.mention, q.cue
            out.append((q.kind, text[m[0] : m[1]] if m else None, text[c[0] : c[1]] if c else None))
    return out


def test_a_report_around_a_pronoun_report_owns_the_quoted_words() -> None:
    text = 'Mariana Okonkwo says she would order regulators to split up lenders that lack "living wills" by June.'
    assert sources(text) == [("mixed", "Mariana Okonkwo", "says")]


def test_a_report_around_a_conjoined_pronoun_report_owns_it_too() -> None:
    text = "Dan Moreau says he’s proud of his campaign and expects to leave Nevada with a “solid share of the delegates.”"
    assert sources(text) == [("mixed", "Dan Moreau", "says")]


def test_a_participle_after_an_inverted_cue_takes_the_cue_subject_not_the_next_word() -> None:
    # '"It is valuable," said Skelby, explaining he worked ...' parsed with the name as an adverb
    words = ['"', "It", "is", "valuable", ",", '"', "said", "Skelby", ",", "explaining", "he", "worked"]
    heads = [6, 2, 6, 2, 6, 6, 6, 6, 6, 6, 11, 9]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "ROOT", "advmod", "punct", "advcl", "nsubj", "ccomp"]
    tags = ["``", "PRP", "VBZ", "JJ", ",", "''", "VBD", "RB", ",", "VBG", "PRP", "VBD"]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "VERB", "ADV", "PUNCT", "VERB", "PRON", "VERB"]
    lemmas = ['"', "it", "be", "valuable", ",", '"', "say", "Skelby", ",", "explain", "he", "work"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    assert subject_of(doc[9]) is None  # not "he", the subject of what was explained
    text = (
        '"Having the file is valuable," said Tomas Lindqvist, explaining he had worked with the '
        'analysts: "Vera is outstanding with data. She is a real find."'
    )
    assert sources(text)[0][1] == "Tomas Lindqvist"


def test_a_cue_inside_the_subject_describes_the_speaker_and_is_not_the_cue() -> None:
    text = '"I do not believe in these rules," Edith Warrender, who has not endorsed a candidate, told reporters.'
    assert sources(text)[0] == ("direct", "Edith Warrender", "told")


FIRST_SOURCE = {
    # a cue in the sentence after a colon quotation is the next sentence's, not its attribution
    "colon_then_new_sentence": (
        'Ravi Menon delivered a quick retort: "No one is tearing this up. We are going forward." '
        "He complained that the costs of care were far greater than elsewhere.",
        "Ravi Menon",
    ),
    # a document speaks for whoever put it out, also through a relative clause
    "document_put_out": ('Her office put out a statement saying the city "cannot vet every applicant in time."', "Her office"),
    "document_that_said": (
        'In the spring, Olu Badejo released a video that said, "We are going to hire the very best teachers."',
        "Olu Badejo",
    ),
    # ... and one sent to someone speaks for its sender (the parser hangs the cue on the addressee)
    "document_sent_to": ('The league sent out a letter to members stating that fees "will rise sharply next season."', "league"),
    # a speech verb conjoined to the reported clause is the reporter's, not the clause subject's
    "conjoined_to_report": (
        "Senator Ines Calloway said the tax plan would give money to speculators, and called "
        'her rival "the leading champion of waste in the chamber."',
        "Senator Ines Calloway",
    ),
    # ... as is one the parser hung on a clause inside the report
    "participle_inside_report": (
        'Reached by phone, Tomas Arkwright denied the notion that a staff shakeup is coming, explaining that '
        'he had been "taking a day off."',
        "Tomas Arkwright",
    ),
    # of a verb's two subjects (a place the parser made one) a participle cue takes the nearer name
    "nearest_of_two_subjects": (
        'Speaking at a town hall in Salem, New Hampshire, Tamsin Orley went after her rival, calling him "a total stiff."',
        "Tamsin Orley",
    ),
    # the verb introducing a colon quotation may stand a long object away from the colon ...
    "verb_far_before_colon": (
        'Nadia Oyelaran has adopted the stance common among many big-city mayors: "I back the plan, but not its cost."',
        "Nadia Oyelaran",
    ),
    # ... and a name before the colon that is the verb's object is the one told, not the speaker
    "object_before_colon": (
        'Senate leader Mitch Harrow delivered a blunt message to Tomlinson: "It is time to stop attacking people."',
        "Senate leader Mitch Harrow",
    ),
    # an inverted cue's subject may be a common noun ...
    "inverted_noun_subject": (
        '"How tall will that wall be?" asked the boy, who wore a red cap, as the audience laughed and applauded.',
        "boy",
    ),
    # ... and a line break between the closing mark and the cue leaves it inverted
    "inverted_after_line_break": ('"We will find out soon enough who is accountable,"\n added Harcourt.', "Harcourt"),
    # ... but a participle after a comma is no inverted cue
    "participle_not_inverted": (
        'Ana Lopez seemed ready to riff on the incident, telling the crowd, "Some people get carried away, have you noticed?"',
        "Ana Lopez",
    ),
    # a heading and a dash before a "Name:" source: the heading's verb and nouns are not the source
    "name_after_heading_dash": (
        "What that means for this year's election - More from Jonas Ekdahl: "
        '"The partisanship of the state is a starting point in judging its likely vote."',
        "Jonas Ekdahl",
    ),
    # "calls for" introduces what is called for
    "calls_for": (
        "Dario Pellegrini wants higher taxes. He calls for a \"free care for all\" system; Ms. Okafor aims to build on the old law.",
        "He",
    ),
}


@pytest.mark.parametrize("text,mention", FIRST_SOURCE.values(), ids=list(FIRST_SOURCE))
def test_source_mention_of_the_first_quotation(text: str, mention: str) -> None:
    assert sources(text)[0][1] == mention


def test_a_subjectless_cue_after_a_noun_phrase_parsed_as_an_apposition_takes_it() -> None:
    # "With hosts Jo Carrow, the candidate stated that it fails": "candidate" hung on "Carrow"
    words = ["With", "hosts", "Jo", "Carrow", ",", "the", "candidate", "stated", "that", "it", "fails"]
    heads = [7, 0, 3, 1, 3, 6, 3, 7, 10, 10, 7]
    deps = ["prep", "pobj", "compound", "appos", "punct", "det", "appos", "ROOT", "mark", "nsubj", "ccomp"]
    tags = ["IN", "NNS", "NNP", "NNP", ",", "DT", "NN", "VBD", "IN", "PRP", "VBZ"]
    pos = ["ADP", "NOUN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "SCONJ", "PRON", "VERB"]
    lemmas = ["with", "host", "Jo", "Carrow", ",", "the", "candidate", "state", "that", "it", "fail"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    subj = subject_of(doc[7])
    assert subj is not None and subj.text == "candidate"

