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
        # the rest of the clause hung on the verb the participle cue explains
        ("The coast guard closed the bay, saying boats kept near the pier would be moved.",
         "boats kept near the pier would be moved"),
        # "X, as Y pointed out, Z" parsed with "as Y" on X: X is what Z is said of
        ("Iceland, as one of the mayor's aides pointed out, rarely gets hurricanes.", "Iceland | rarely gets hurricanes"),
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
        # the cue's own adjuncts of occasion and time
        ("Ann Lee, head of the harbour trust, called for more dredging in a statement on Thursday.", "statement"),
        # the speaker again as the subject of what happened next
        ("Sir Tom said that was impossible because the union was set against it and the pair settled on a merger.",
         "pair"),
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


def test_the_one_told_is_not_what_was_said() -> None:
    text = ('Former harbour master Ann Lowe told the Evening Gazette\'s Tideline podcast there was a risk '
            'the pier would be "left to rot" while the council argued.')
    assert any(c.startswith("there was a risk") for c in mixed_contents(text)), mixed_contents(text)
    plain = indirect_contents("The coach told Radio Five's evening show there was no chance of a transfer.")
    assert any(c.startswith("there was no chance") for c in plain), plain


def test_the_object_before_a_quoted_clause_is_its_subject() -> None:
    text = ('The talk show host Ann Ray said she would be "checking every receipt" and warned the singers '
            'taking part "had better stay involved until the end".')
    assert any(c.startswith("the singers taking part") for c in mixed_contents(text)), mixed_contents(text)


def test_an_object_holding_a_clause_is_not_taken_as_a_subject() -> None:
    text = 'Meanwhile the Greens outlined their plans to tackle "river pollution" and the Liberals gave more details.'
    assert not any("Greens" in c or "outlined" in c or c.startswith("their plans to tackle")
                   for c in indirect_contents(text)), indirect_contents(text)


def test_the_date_of_saying_is_not_part_of_what_was_said() -> None:
    assert indirect_contents("He said on Friday he hoped to be elected club captain before Christmas.") == [
        "he hoped to be elected club captain before Christmas"]
    assert indirect_contents("She said that on Friday the board would meet again.") == [
        "on Friday the board would meet again"]
    assert indirect_contents("The harbour board said yesterday the pier would reopen.") == ["the pier would reopen"]


def test_what_the_source_withheld_is_the_journalists() -> None:
    contents = indirect_contents("The console went on sale in May and the maker says sales have beaten forecasts, "
                                 "without giving detailed figures.")
    assert "sales have beaten forecasts" in contents, contents


def test_an_outcome_inside_the_speakers_account_is_kept() -> None:
    text = ("Early in her career, she said managers would sometimes reject her ideas, only to praise the same "
            "ideas when a man put them forward.")
    assert any(c.endswith("when a man put them forward") for c in indirect_contents(text)), indirect_contents(text)


def test_a_relative_pronoun_and_its_cue_are_not_what_was_said() -> None:
    contents = indirect_contents("The mayor warned about the ferry firm, which she said would close the old harbour "
                                 "for a decade.")
    assert "the ferry firm | would close the old harbour for a decade" in contents, contents
    assert not any(c.startswith("which") or "she said" in c for c in contents), contents


def test_a_report_of_its_own_ends_the_content_before_it() -> None:
    contents = indirect_contents("The two senators said builders had stretched the zones to take in a few poor "
                                 "streets, amounting to what the senators said was map rigging.")
    assert "builders had stretched the zones to take in a few poor streets" in contents, contents
    assert "map rigging" in contents, contents
    kept = indirect_contents("He said the plan, which critics say is too costly, will pass.")
    assert "the plan, which critics say is too costly, will pass" in kept, kept


def test_a_pronoun_alone_is_no_quotation() -> None:
    contents = indirect_contents("But Mr Ortiz has denied this, telling local radio that the ferry is on time.")
    assert "this" not in contents, contents
    assert "the ferry is on time" in contents, contents


def test_a_name_after_called_is_no_report() -> None:
    contents = indirect_contents("His charity, called the Harbour Futures Trust, will still run the pier until it "
                                 "repays the grant.")
    assert not any("will still run the pier" in c for c in contents), contents


def test_the_journalists_framing_before_the_cue_is_no_report() -> None:
    contents = indirect_contents("Aiming to both cut waiting lists and help poor families, health minister Ann Lowe "
                                 "said the focus of the plan was fairness.")
    assert not any(c.startswith("Aiming") for c in contents), contents
    assert "the focus of the plan was fairness" in contents, contents


def test_a_third_persons_report_in_the_quoting_speakers_words_is_not_theirs() -> None:
    art = newsgraph.extract('The chairman said: "I have spoken to Pedro. Pedro told me that he agrees with me '
                            'that we are a great team."')
    assert not any(q.kind == "indirect" and q.speaker.name == "Pedro" for q in art.quotes), art.quotes


def test_a_participle_report_after_with_is_the_journalists() -> None:
    contents = indirect_contents("Markets said the storm had hit ports across Asia and Europe, with traders saying "
                                 "that profits are likely to fall.")
    assert "the storm had hit ports across Asia and Europe" in contents, contents
    kept = indirect_contents("It said ferry firms faced a serious threat over the next five years, with fuel "
                             "predicted to double in price by 2030.")
    assert any(c.endswith("to double in price by 2030") for c in kept), kept


def test_the_agent_of_a_participle_in_the_report_stays() -> None:
    contents = mixed_contents('The 499-dollar laptop was described by Ms Lee as the "most important laptop" made '
                              'by the firm.')
    assert any(c.endswith("made by the firm") for c in contents), contents


def acts_of(text: str) -> dict[str, str]:
    art = newsgraph.extract(text)
    return {" | ".join(art.span_text(s) for s in q.content_spans): q.act for q in art.quotes}


def test_a_court_dismissing_a_case_is_no_speech() -> None:
    found = acts_of("A judge has dismissed an attempt by the oil firm to gain bankruptcy protection in the US.")
    assert found.get("an attempt by the oil firm to gain bankruptcy protection in the US") == "other", found


def test_a_decision_with_a_quoted_term_is_no_speech() -> None:
    found = acts_of('The regulator decided to look at the channel\'s shows after the singer\'s infamous "costume '
                    'mishap" at last year\'s final.')
    assert found and all(act == "other" for act in found.values()), found


@pytest.mark.parametrize("before", ["went to the DEC.", "was a rescue deal for May."])
def test_a_capitalised_word_before_a_full_stop_ends_the_sentence(before: str) -> None:
    """Only abbreviations ("Mr.", "Gen.", "U.S.") keep a sentence going: a quotation after "the DEC." stands alone."""
    art = newsgraph.extract(f'Harbour news\n\nAnn Lowe, the harbour master, said the money {before} "We would only be '
                            f'pleased if the pier reopened by spring," Ms Lowe added.\n')
    direct = [q for q in art.quotes if q.kind == "direct"]
    assert direct and direct[0].speaker.name == "Ann Lowe", art.quotes
    assert not any(q.kind == "mixed" for q in art.quotes), art.quotes


def test_another_source_after_the_report_is_not_the_speakers() -> None:
    contents = indirect_contents("Harbour master Ann Lowe has said she will add two boats in May, according to the "
                                 "Harbour Gazette.")
    assert "she will add two boats in May" in contents, contents


def test_a_report_still_to_come_is_no_speech() -> None:
    found = acts_of("The studio is still to announce which format it will be supporting.")
    assert found and all(act == "other" for act in found.values()), found
    found = acts_of("The ferry firm has yet to say when the old pier will close.")
    assert found and all(act == "other" for act in found.values()), found


def test_a_word_the_parse_took_for_punctuation_ends_the_claim() -> None:
    contents = indirect_contents("At first, Lowe claimed she took the pills to combat narcolepsy but she now accepts "
                                 "the blame.")
    assert "she took the pills to combat narcolepsy" in contents, contents


def test_a_phrase_holding_a_date_is_not_the_time_of_saying() -> None:
    text = ("Cash-strapped ferry firms had argued in favour of the 2004 rule change, claiming that paying the fees "
            "would force them to cut jobs.")
    contents = indirect_contents(text)
    assert "paying the fees would force them to cut jobs" in contents, contents


def test_narration_between_two_quotations_keeps_them_apart() -> None:
    text = ('Cup final\n\nThe striker scored twice. "What a way to end the year," said Lopez afterwards. Coach '
            'Ann Ray wants the squad to train more on grass before the summer. "It will help them learn '
            'to mix things up."\n')
    art = newsgraph.extract(text)
    lopez = [q for q in art.quotes if q.kind == "direct" and q.speaker.name == "Lopez"]
    assert lopez and all(len(q.content_spans) == 1 for q in lopez), art.quotes
    joined = newsgraph.extract('Harbour\n\n"We will win," she said. "The bridge will open in May."\n')
    assert [len(q.content_spans) for q in joined.quotes if q.kind == "direct"] == [2], joined.quotes


def test_a_fragment_reported_of_someone_is_their_words() -> None:
    """'X was reported to have suggested "…"': X's suggestion is the report, not the unnamed reporting."""
    art = newsgraph.extract('Tax news\n\nThen deputy party chairman Ann Lowe was reported to have suggested Mr Ray was '
                            'secretly planning even bigger "cuts".\n')
    mixed = [q for q in art.quotes if q.kind == "mixed"]
    assert [art.span_text(q.content_spans[0]) for q in mixed] == ['Mr Ray was secretly planning even bigger "cuts"']
    assert mixed[0].cue_lemma == "suggest" and mixed[0].speaker.name == "Ann Lowe"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # "that if": the condition is part of the prediction, not the cue's complementiser
        ("The lock keeper predicted that if more barges use the canal it could flood the lower fields.",
         "if more barges use the canal it could flood the lower fields"),
    ],
)
def test_a_condition_inside_the_report_is_kept(text: str, content: str) -> None:
    assert content in indirect_contents(text), indirect_contents(text)


def test_asked_if_drops_the_complementiser() -> None:
    contents = indirect_contents("The farmer asked if the council would mend the bridge before winter.")
    assert not any(c.startswith("if") for c in contents), contents


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a past-tense verb after "would be …" is the speaker's second action, told by the journalist
        ("A spokeswoman for the port said there would be no delay in the dredging and rejected the complaints from boat owners.",
         "there would be no delay in the dredging"),
        ("The trainer stressed his squad might not be drawn from the richest stables and held out hope for the smaller yards.",
         "his squad might not be drawn from the richest stables"),
        # a present ", which …" after a report put in the past is the journalist speaking now
        ("The goalkeeper admitted the fear of a knee injury weighed on him before the cup final, which features several famous veterans of the league.",
         "the fear of a knee injury weighed on him before the cup final"),
    ],
)
def test_the_journalists_words_inside_the_report_are_cut(text: str, content: str) -> None:
    contents = indirect_contents(text)
    assert content in contents, contents
    assert not any("features" in c or "rejected" in c or "held out" in c for c in contents), contents


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the same tense: the relative clause may be the speaker's
        ("The manager said the club, which owns the stadium, was in good health.",
         "the club, which owns the stadium, was in good health"),
        # a bare verb under the modal continues the clause
        ("The mayor said the city would repair the road and reopen the market by May.",
         "the city would repair the road and reopen the market by May"),
    ],
)
def test_the_speakers_own_clauses_stay(text: str, content: str) -> None:
    assert content in indirect_contents(text), indirect_contents(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a noun naming the statement itself after a dash: the journalist's comment on it
        ("Opponents insist that much of the enthusiasm about the port's expansion has been overstated - an argument strengthened by a 40% fall in cargo volumes during the past year.",
         "much of the enthusiasm about the port's expansion has been overstated"),
        ("The senator said he was standing on loyalty and faith - fragile stances that could be damaged by his support for the governor.",
         "he was standing on loyalty and faith"),
        # the source named again after "according to its lawyer,"
        ("According to its London solicitor, Maria Brandt of Keller and Voss, the total claim is based on that price.",
         "the total claim is based on that price"),
    ],
)
def test_a_comment_or_the_source_named_again_is_left_out(text: str, content: str) -> None:
    assert content in indirect_contents(text), indirect_contents(text)


def test_a_list_after_a_dash_is_what_was_said() -> None:
    contents = indirect_contents("The mayor said the town had three problems - roads that flood every winter, "
                                 "schools that are full and a hospital that is too small.")
    assert any("problems - roads that flood" in c for c in contents), contents


def test_narration_after_a_closed_quotation_and_its_cue_is_left_out() -> None:
    text = ('The film has won many prizes.\n\nLee, from Leeds, described her win as "truly amazing. I am not used '
            'to this sort of thing," she said, after getting her award from actor Tom Hale.\n')
    art = newsgraph.extract(text)
    contents = [" | ".join(art.span_text(s) for s in q.content_spans) for q in art.quotes]
    assert any("sort of thing" in c for c in contents), contents
    assert not any("Tom Hale" in c for c in contents), contents


def test_a_second_quoted_part_after_the_cue_stays() -> None:
    text = '"The bridge is safe," she said, "and it will stay open all winter."'
    art = newsgraph.extract(text)
    contents = [" | ".join(art.span_text(s) for s in q.content_spans) for q in art.quotes]
    assert any("stay open all winter" in c for c in contents), contents


def test_narration_without_a_cue_keeps_two_quotations_apart() -> None:
    text = ('Runner Tom Reid was out for a year.\n\nHe walked again on 10 May. "Walking without crutches felt like '
            'real progress." Sessions with a physio in Cork have been a big part of his recovery since then. '
            '"I was there for two weeks and had ice baths."\n')
    art = newsgraph.extract(text)
    joined = [q for q in art.quotes if q.kind == "direct" and len(q.content_spans) > 1]
    assert not joined, [[art.span_text(s) for s in q.content_spans] for q in joined]


def test_the_attributions_sentence_between_keeps_one_quotation() -> None:
    text = 'Ms Reid spoke at the launch. "The bridge is safe," she said on Monday. "It will stay open all winter."'
    art = newsgraph.extract(text)
    assert any(len(q.content_spans) == 2 for q in art.quotes if q.kind == "direct"), art.quotes


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the comment runs on with a time phrase
        ("Skeptics insist that much of the hope about the town's new harbour has been overblown - a claim backed "
         "by a 30% drop in visitor numbers during the first six months of this year.",
         "much of the hope about the town's new harbour has been overblown"),
        # the noun of a present relative clause takes more words after it
        ("Ms Kato said that she grabbed the chance to stage the opera, which she has - boldly - set in a "
         "space station, including two dance numbers in the second act.",
         "she grabbed the chance to stage the opera"),
    ],
)
def test_the_journalists_comment_with_what_hangs_on_it_is_cut(text: str, content: str) -> None:
    assert content in indirect_contents(text), indirect_contents(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the cue's particle and the complementiser after it
        ("The traders also pointed out that the weak pound had helped exporters.", "the weak pound had helped exporters"),
        # a year after a forecast is part of it
        ("The harbour trust is forecasting growth of 3% across the port in 2027.", "growth of 3% across the port in 2027"),
        # an object relative: what was pledged, with the noun the pronoun stands for
        ("The big idea is his harbour fund which Mr Dunn has pledged to spend on new piers.",
         "his harbour fund | to spend on new piers"),
    ],
)
def test_reports_read_without_the_cues_words(text: str, content: str) -> None:
    assert content in indirect_contents(text), indirect_contents(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a sentence opened by its cue is a report to its end
        ("He said he was pleased because, not so long ago, few people thought the ferry would ever sail.",
         "few people thought the ferry would ever sail"),
        # the bare verb after a "to" clause is its object's predicate
        ("She promises to let teachers, nurses and parents run the new schools.",
         "run the new schools"),
    ],
)
def test_the_rest_of_the_report_is_kept(text: str, content: str) -> None:
    assert any(c.endswith(content) for c in indirect_contents(text)), indirect_contents(text)


def test_a_noun_before_another_report_is_its_subject() -> None:
    text = ("The port authority claimed Mr Doyle was one of the ring's organisers but his solicitor, "
            "Mary Quist, told reporters it was a baseless claim.")
    art = newsgraph.extract(text)
    claims = [art.span_text(q.content_spans[0]) for q in art.quotes if q.cue_lemma == "claim"]
    assert claims and not any("solicitor" in c for c in claims), claims


def test_a_list_in_a_report_keeps_its_last_noun() -> None:
    text = "The council announced grants for bakers and butchers, and opened a market hall."
    contents = indirect_contents(text)
    assert not contents or any("butchers" in c for c in contents if "bakers" in c), contents


@pytest.mark.parametrize(
    "text",
    [
        # a condition: nobody denied anything
        "Last spring the driver admitted the offence and was fined - the fine would have been higher had he "
        "denied the charge.",
        # the ones asked, not what they said
        "Pensioners questioned for a study have shown little interest in the new parks.",
    ],
)
def test_no_report_where_nothing_was_said(text: str) -> None:
    contents = indirect_contents(text)
    assert not any("offence" in c or "study" in c for c in contents), contents


def test_a_quoted_subject_of_a_passive_report_keeps_its_clause() -> None:
    text = 'The "best candidate for the role" should be appointed chief inspector, the home secretary has told MPs.'
    assert any(c.startswith('The "best candidate for the role" should be appointed') for c in mixed_contents(text)), \
        mixed_contents(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The rail minister predicted fares would have to rise by 10% if the board was re-elected because costs were high.",
         "if the board was re-elected"),
        ("Its rival ordered the mid-size X9, which Altura says is super-efficient.", "mid-size X9"),
    ],
)
def test_a_hyphenated_word_is_never_cut(text: str, content: str) -> None:
    contents = indirect_contents(text)
    assert any(content in c for c in contents), contents
    assert not any(c.startswith("-") or c.endswith(" re") for c in contents), contents


def test_a_comma_after_a_possessive_does_not_end_the_report() -> None:
    text = ('The mayor said he had told the council of many "cases of prying by reporters" into his, and his '
            "family's, private life.")
    assert any(c.endswith("private life") for c in mixed_contents(text)), mixed_contents(text)
