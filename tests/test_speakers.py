"""Speakers named as a reader names them: organisations, groups and unnamed sources, on invented
sentences (one rule a test)."""

from __future__ import annotations

import newsgraph
from newsgraph.model import Speaker


def _speakers(text: str) -> list[Speaker]:
    return [q.speaker for q in newsgraph.extract(text).quotes]


def names_quoting(text: str, words: str) -> list[str | None]:
    """Speaker names of the quotations whose words include ``words``."""
    return [q.speaker.name for q in newsgraph.extract(text).quotes if words in q.content(text)]


def test_an_organisation_keeps_its_name_through_the_company_and_it() -> None:
    text = ("Harrowgate Mining said on Monday that output had fallen by a tenth. "
            "\u201cWe expect a recovery by the spring,\u201d the company said. "
            "It added that no jobs would be lost.")
    art = newsgraph.extract(text)
    names = [(q.speaker.name, q.speaker.type) for q in art.quotes]
    assert names and all(n == ("Harrowgate Mining", "ORG") for n in names), names
    as_dict = art.to_dict()["quotes"][0]["speaker"]
    assert art.entities[as_dict["entity"]].name == "Harrowgate Mining"


def test_a_group_is_named_without_its_quantifier() -> None:
    (spk,) = _speakers("\u201cPrices will keep falling this year,\u201d some analysts said.")
    assert (spk.name, spk.type) == ("analysts", "GROUP")


def test_a_group_keeps_a_hyphenated_word_whole() -> None:
    (spk,) = _speakers("\u201cWe cannot afford the premiums,\u201d cash-strapped farmers said.")
    assert (spk.name, spk.type) == ("cash-strapped farmers", "GROUP")


def test_an_unnamed_source_is_named_by_its_descriptor_with_its_affiliation() -> None:
    (spk,) = _speakers("\u201cAt least we are still talking,\u201d a spokesman for the Dockers Union said.")
    assert (spk.name, spk.type) == ("a spokesman for the Dockers Union", "UNNAMED")
    assert spk.affiliation and "Dockers Union" in spk.affiliation


def test_one_dealer_is_an_unnamed_source() -> None:
    (spk,) = _speakers("\u201cThis is a poor set of numbers for everyone,\u201d said one dealer.")
    assert (spk.name, spk.type) == ("one dealer", "UNNAMED")


def test_an_acronym_speaks_for_the_organisation_it_abbreviates() -> None:
    text = ("The Coastal Fisheries Authority (CFA) published its figures on Tuesday.\n\n"
            "\u201cStocks are recovering more slowly than we hoped,\u201d the CFA said.")
    names = {q.speaker.name for q in newsgraph.extract(text).quotes}
    assert names == {"Coastal Fisheries Authority"}


def test_a_document_speaks_for_its_author() -> None:
    text = "A report by the Marine Institute said that the reef had shrunk by a third since 1990."
    names = {(q.speaker.name, q.speaker.type) for q in newsgraph.extract(text).quotes}
    assert names == {("Marine Institute", "ORG")}


def test_a_thing_is_not_a_speaker() -> None:
    text = "\u201cThe content is divided into three parts,\u201d the system said."
    assert all(q.speaker.name is None for q in newsgraph.extract(text).quotes)


def test_they_with_no_group_before_names_nobody_rather_than_a_person() -> None:
    text = ("Anna Berg met the ministers on Monday. "
            "\u201cThere is no choice left for us,\u201d they said.")
    assert all(q.speaker.name != "Anna Berg" for q in newsgraph.extract(text).quotes)


def test_gender_comes_from_what_the_text_says_and_never_from_a_guess() -> None:
    text = ("Ms Adaeze Okafor, the chief executive, said she was confident. "
            "The actress Jo Reed said little. Officials said Kim Lee had left.")
    gender = {e.name: e.gender for e in newsgraph.extract(text).entities if e.type == "PERSON"}
    assert gender.get("Adaeze Okafor") == "female"  # Ms, she
    assert gender.get("Jo Reed") == "female"  # actress
    assert gender.get("Kim Lee") is None  # a name says nothing clear


def test_a_surname_typed_as_a_thing_but_given_an_honorific_is_the_person() -> None:
    text = ("Robert Velloway quit the party on Friday. Mr Velloway said the party was going nowhere. "
            "Mr Velloway added that he would stand again.")
    people = [e for e in newsgraph.extract(text).entities if e.name.endswith("Velloway")]
    assert [(e.name, e.type) for e in people] == [("Robert Velloway", "PERSON")]


def test_the_government_is_no_company_named_before_it() -> None:
    text = ("Lakeside Foods said sales had fallen. "
            "\u201cWe will not raise the tax this year,\u201d the government said.")
    names = [q.speaker.name for q in newsgraph.extract(text).quotes if q.kind == "direct"]
    assert names == ["government"]


def test_a_quotation_ending_its_sentence_is_not_attributed_to_the_next_sentence() -> None:
    text = ("\u201cIt is a result for the whole group,\u201d said Nora Quist, an analyst at Fenwick Capital. "
            "\u201cProfits would be well within the comfort zone.\u201d However, one trader told reporters "
            "the figures were disappointing.")
    direct = [q for q in newsgraph.extract(text).quotes if q.kind == "direct"]
    assert direct and all(q.speaker.name == "Nora Quist" for q in direct), [q.speaker.name for q in direct]


def test_an_unnamed_source_whose_organisation_name_has_an_of() -> None:
    text = "The show ended early.\n\nA Voice of the Valley spokesperson said: \u201cIt was a very special night for us.\u201d"
    (spk,) = [q.speaker for q in newsgraph.extract(text).quotes if q.kind == "direct"]
    assert (spk.name, spk.type) == ("A Voice of the Valley spokesperson", "UNNAMED")


def test_an_organisation_noun_with_its_own_name_names_itself() -> None:
    text = ("Ask Jeeves denied the report. The Tidewater weblog, which broke the story, "
            "said it got the hint from insiders.")
    names = {q.speaker.name for q in newsgraph.extract(text).quotes}
    assert "Tidewater weblog" in names and "Ask Jeeves" not in names


def test_it_after_a_document_described_by_which_is_the_organisation() -> None:
    text = ("Oracle filed a brief with the court last week. It summed up its view in its submission, "
            "which states that its chips \"are simply tools\".\n\n"
            "Forcing firms to police their customers would harm invention, it said.")
    spk = [q.speaker for q in newsgraph.extract(text).quotes if q.kind == "indirect"][-1]
    assert (spk.name, spk.type) == ("Oracle", "ORG")


def test_an_organisation_noun_after_a_place_name_is_the_organisation_before() -> None:
    text = ("Bellamy has said its profit will fall. The High Street retailer said it now "
            "expected profits of 40m pounds.")
    names = {q.speaker.name for q in newsgraph.extract(text).quotes}
    assert names == {"Bellamy"}, names


def test_our_correspondent_is_the_correspondent_named_before() -> None:
    text = ("The strike will go ahead, said BBC industry correspondent Maria Lund. "
            "The talks could drag on for months, said our correspondent.")
    quotes = newsgraph.extract(text).quotes
    assert [q.speaker.name for q in quotes if "months" in text[q.start:q.end]] == ["Maria Lund"]


def test_a_name_after_an_inverted_cue_speaks_the_clause_around_it() -> None:
    text = ("Brightwell Data surveyed firms across Europe. Often, said Mr Oduya, this private data was "
            "hidden. There will be no central list. This, said Mr Sloncek, should make the system safer.")
    quotes = [q for q in newsgraph.extract(text).quotes if q.cue_lemma == "say"]
    assert [q.speaker.name for q in quotes] == ["Oduya", "Sloncek"]
    assert not text[quotes[0].start:quotes[0].end].startswith("Mr")


def test_of_two_subjects_the_one_next_to_the_cue_speaks() -> None:
    text = ("On Tuesday in Berea, OH, after winning the primary, Gov. Tom Reed (R-OH), said, "
            "\u201cWe will go all the way.\u201d")
    assert [q.speaker.name for q in newsgraph.extract(text).quotes] == ["Tom Reed"]


def test_a_date_after_an_inverted_cue_is_not_the_speaker() -> None:
    text = ("\u201cIs the mayor going to resign?\u201d the presumptive Republican nominee, Tom Reed, "
            "tweeted Sunday after the vote.")
    assert [q.speaker.name for q in newsgraph.extract(text).quotes] == ["Tom Reed"]


def test_a_signature_in_the_paragraph_after_the_quotation() -> None:
    text = ("\u201cPrices will keep rising for years, and wages will not follow.\u201d\n\n- Anna Berg.\n\n"
            "The economist relies on an old survey.\n\n\u201cI will look into it.\u201d\n\n"
            "-Mayor Tom Reed, speaking after the vote.")
    assert [q.speaker.name for q in newsgraph.extract(text).quotes] == ["Anna Berg", "Tom Reed"]


def test_an_organisation_word_before_a_title_and_a_name_is_not_the_speaker() -> None:
    text = "\u201cWe are not convinced that this is the way,\u201d said Treasury Under Secretary Carl Moberg."
    assert [q.speaker.name for q in newsgraph.extract(text).quotes] == ["Carl Moberg"]


def test_the_firm_is_the_company_named_before_where_the_tagger_missed_its_name() -> None:
    text = ("Halvard Foods has sued nine banks over its collapse. Halvard Foods has not said which. "
            "The firm also said that it is preparing further law suits.")
    assert names_quoting(text, "law suits") == ["Halvard Foods"]


def test_the_head_of_an_x_of_y_name_alone_is_that_organisation() -> None:
    text = ("The Bank of Ruritania kept rates on hold. "
            "The Bank's minutes said that risks were \u201cfirmly to the downside\u201d this month.")
    assert {q.speaker.name for q in newsgraph.extract(text).quotes} == {"Bank of Ruritania"}


def test_a_described_speaker_with_no_role_in_the_article_is_the_person_quoted_last() -> None:
    text = ("British squad member Anna Kovacs said the team would wait for her. "
            "\u201cIt would be great to have her,\u201d said the European indoor champion. "
            "\u201cWe all understand,\u201d said the 27-year-old.")
    assert [q.speaker.name for q in newsgraph.extract(text).quotes] == ["Anna Kovacs"] * 3


def test_a_described_speaker_after_an_unnamed_source_stays_unnamed() -> None:
    text = ("A coach said the team would wait for her. "
            "\u201cIt would be great to have her,\u201d said the European indoor champion.")
    assert [q.speaker.name for q in newsgraph.extract(text).quotes][-1] is None


def test_a_described_speaker_is_who_spoke_last_not_who_was_spoken_about() -> None:
    text = ("Team member Anna Kovacs said the squad would understand if Maria Lind opted out. "
            "\u201cIt would be great to have her,\u201d said the European indoor champion.")
    assert [q.speaker.name for q in newsgraph.extract(text).quotes][-1] == "Anna Kovacs"


def test_which_right_after_an_organisation_is_that_organisation() -> None:
    text = "To settle it, they turned to the Springfield Fire Department which reported \u201c312 call-outs\u201d last year."
    assert [q.speaker.name for q in newsgraph.extract(text).quotes] == ["Springfield Fire Department"]


def test_a_description_in_the_speakers_own_sentence_is_someone_else() -> None:
    text = ("Tom Reed said on Friday that voters were drifting away, and the Democratic nominee "
            "said that she would listen to them.")
    names = names_quoting(text, "listen")
    assert names and names[0] != "Tom Reed"


def test_a_described_speaker_after_a_new_item_is_not_the_last_speaker() -> None:
    text = ("The county chairman, Tom Reed, said he had not seen the letter.\n\n11:50 a.m.\n\n"
            "The state attorney general says that the fund is not registered as a charity.")
    assert names_quoting(text, "registered") == ["The state attorney general"]


def test_a_company_named_as_an_example_is_not_the_company_speaking() -> None:
    text = ("Video game maker Halvard Games Inc is to hold open auditions. "
            "The company, which makes games such as Star Quest Online and Deep Harbour, is seeking extras. "
            "The Canada-based company says that it wants a wide variety of faces.")
    assert names_quoting(text, "wide variety") == ["Halvard Games Inc"]


def test_an_unresolved_pronoun_is_no_descriptor() -> None:
    from newsgraph.analyse.quotes.find import without_pronoun_descriptor
    from newsgraph.model import Speaker

    it = Speaker(None, (0, 2), "It", "UNNAMED")
    without_pronoun_descriptor(it)
    assert (it.descriptor, it.type, it.mention) == (None, None, (0, 2))
    source = Speaker(None, (0, 11), "a spokesman", "UNNAMED")
    without_pronoun_descriptor(source)
    assert (source.descriptor, source.type) == ("a spokesman", "UNNAMED")
    named = Speaker("Ann Lee", (0, 2), "It", "PERSON")
    without_pronoun_descriptor(named)
    assert named.descriptor == "It"


# --- issue 14: the name a reader sees (one rule a test) ---------------------------------------

def test_she_after_an_unnamed_source_is_that_source() -> None:
    text = ("A Skyway Airlines spokesperson said the flights would resume on Friday. "
            "She added that passengers would be rebooked.")
    spk = [q.speaker for q in newsgraph.extract(text).quotes if "rebooked" in q.content(text)]
    assert [(s.name, s.type, s.affiliation) for s in spk] == [
        ("A Skyway Airlines spokesperson", "UNNAMED", "Skyway Airlines")]


def test_the_spokesman_is_named_as_introduced() -> None:
    text = ("A Harbour Office spokesman said the plans were under review. "
            "\u201cWe will publish details soon,\u201d the spokesman added.")
    assert set(names_quoting(text, "publish")) == {"A Harbour Office spokesman"}


def test_the_senior_official_needs_the_same_modifiers_to_be_the_one_introduced() -> None:
    text = ("A press official said the hall was full. A senior official said the vote would be delayed. "
            "The senior official added that nobody had resigned.")
    assert names_quoting(text, "nobody") == ["A senior official"]


def test_an_organisations_chief_in_the_lead_is_the_person_named_next() -> None:
    text = ("The lack of public anger is a failure of aid groups, Oxfam International's chief has said.\n\n"
            "In a speech in Leeds, Maria Delgado said the rich world had looked away.")
    assert names_quoting(text, "public anger") == ["Maria Delgado"]


def test_the_minister_is_the_person_the_introducing_description_announced() -> None:
    text = ("Scotland's justice minister has warned fans that she will ban them.\n\n"
            "Anna Petrova said the orders were one measure among many. "
            "However, the minister said abuse was a key concern.")
    assert names_quoting(text, "key concern") == ["Anna Petrova"]


def test_a_name_after_its_description_is_the_speaker() -> None:
    text = "US oil giant Exxon said it did not plan to take part in a new tender."
    assert names_quoting(text, "tender") == ["Exxon"]


def test_coordinated_announcers_are_one_group_named_by_both() -> None:
    text = ("Orchard Computers and Velocity Mobile said on Tuesday that they would launch a joint phone. "
            "Orchard Computers shares rose. Velocity Mobile shares fell.")
    spk = [q.speaker for q in newsgraph.extract(text).quotes if "joint phone" in q.content(text)]
    assert [(s.name, s.type) for s in spk] == [("Orchard Computers and Velocity Mobile", "GROUP")]


def test_a_description_coordinated_with_a_name_is_not_a_second_speaker() -> None:
    text = "Screenwriter and producer Debra Lane said the film would be shot in Cork."
    assert names_quoting(text, "Cork") == ["Debra Lane"]


def test_the_firm_is_the_organisation_the_article_calls_a_firm() -> None:
    text = ("Sportswear firm Valtex said sales rose. Valtex, which lost a deal with Redbridge Rovers, said it "
            "had signed a new agreement. The firm, which will receive a payment from Redbridge Rovers, said it "
            "would invest. It said the new range had boosted sales.")
    assert set(names_quoting(text, "invest") + names_quoting(text, "boosted")) == {"Valtex"}


def test_they_after_some_of_a_group_is_the_group() -> None:
    text = ("Correspondents say 600 job losses had been expected, and some suggest more cuts may follow. "
            "They say the chief executive may be trying to calm customers.")
    spk = [q.speaker for q in newsgraph.extract(text).quotes if "calm" in q.content(text)]
    assert [(s.name, s.type) for s in spk] == [("Correspondents", "GROUP")]


def test_he_is_the_person_the_narration_turned_to_since_the_last_quotation() -> None:
    text = ("\u201cDemand is strong,\u201d said Telco director Philip Grove.\n\n"
            "The firm will launch the service in May. With both services on offer, Martin Hale is confident "
            "the firm can grow.\n\n\u201cWe offer the best of both worlds,\u201d he said.")
    assert names_quoting(text, "both worlds") == ["Martin Hale"]


def test_a_person_inside_a_quotation_is_not_whom_he_stands_for() -> None:
    text = ("Tom Reyes said the bill was wrong. \u201cIf young Ann Lee were applying today, Mark Hale "
            "would turn her away.\u201d\n\nHe said the party would cut taxes.")
    assert names_quoting(text, "cut taxes") == ["Tom Reyes"]


def test_a_surname_alone_is_named_as_the_article_first_writes_it() -> None:
    text = "Jaime Morales was re-elected on Sunday. \u201cI thank the voters,\u201d Morales said."
    assert names_quoting(text, "voters") == ["Jaime Morales"]


def test_a_participle_after_a_which_clause_belongs_to_the_sentences_subject() -> None:
    text = ("But Mr Lowe said the plans could deliver savings. He ruled out free care in England - which is "
            "on offer in Scotland and Wales, saying it was \u201cunsustainable\u201d.")
    assert names_quoting(text, "unsustainable") == ["Lowe"]


def test_she_skips_the_man_named_last() -> None:
    text = ("Anna Petrova met the visiting minister, Tom Becker, on Tuesday. Mr Becker said the talks went well. "
            "\u201cWe have a long road ahead,\u201d she said.")
    assert names_quoting(text, "long road") == ["Anna Petrova"]


def test_she_after_a_department_spokeswoman_the_parser_headed_by_the_department() -> None:
    text = ("Lord Ashby said there would be no difficulties. A Department for Rural Affairs spokeswoman said "
            "Lord Ashby and Lord Penrose agreed in practice. \u201cTheir dispute is a very narrow one,\u201d she said.")
    assert names_quoting(text, "narrow") == ["A Department for Rural Affairs spokeswoman"]


def test_he_is_not_an_unnamed_spokesman_when_a_man_was_named_since() -> None:
    text = ("A Harbour Party spokesman said: \u201cTom has strong views.\u201d\n\n"
            "The film showed tensions between Mr Quarrie and his colleagues. He denied wanting to be leader.")
    assert names_quoting(text, "leader") != ["A Harbour Party spokesman"]


def test_a_headline_word_the_text_writes_in_lower_case_is_no_organisation() -> None:
    text = ("Broadband fuels online expression\n\n"
            "A quarter of broadband users in Britain regularly upload content and have personal sites, "
            "according to a report by UK think-tank Kestrel. It said that having a fast connection is "
            "changing the way people use the internet.")
    assert "Broadband" not in {q.speaker.name for q in newsgraph.extract(text).quotes}


def test_a_clubs_boss_before_a_colon_is_the_boss_not_the_club() -> None:
    text = ("Northam v Eastwick\n\nNortham have not lost at home since the winter and have Ray Colley back.\n\n"
            "- Eastwick boss Dave Pellow: \"We will be tired and they will be fresh. That is my honest view.\"")
    spk = [q.speaker for q in newsgraph.extract(text).quotes]
    assert [(s.name, s.type) for s in spk] == [("Dave Pellow", "PERSON")]
    assert spk[0].mention is not None and "Dave Pellow" in text[spk[0].mention[0]:spk[0].mention[1]]


def test_a_bare_post_is_the_person_who_spoke_just_before() -> None:
    text = ("The days of cheap flights are over, Ann Whitfield has said.\n\n"
            "The chancellor, speaking during a tour of Asia, said it was time to talk about savings.")
    assert names_quoting(text, "time to talk") == ["Ann Whitfield"]


def test_a_bare_post_is_not_the_shadow_post() -> None:
    text = ("The days of cheap flights are over, Ann Whitfield has said. Her rival, shadow chancellor Tom Reyes, "
            "disagrees.\n\nThe chancellor said it was time to talk about savings.")
    assert "Tom Reyes" not in names_quoting(text, "time to talk")


def test_a_shared_surname_is_not_the_one_named_once_in_passing() -> None:
    text = ("Rep. Ann Ware of Ohio wants the seat. Only two senators, Ed Lyle and Tom Ware, have done so. "
            "Ware, 60, has served for years. Ware has long worked on housing. \u201cI can raise what is "
            "needed,\u201d Ware said.")
    assert names_quoting(text, "raise") == ["Ann Ware"]


def test_words_someone_did_not_say_are_the_reporters() -> None:
    text = ("Ann Lee told the court on Monday that she had raised the matter in March. However, Ms Lee said "
            "Tom Reyes had not mentioned \u201cany risk at all\u201d during the meeting.")
    assert names_quoting(text, "any risk") == ["Ann Lee"]


def test_she_after_the_teenager_is_the_person_introduced_just_before() -> None:
    text = ("Wearing a long green coat, Ruth Okonjo told reporters the night was \u201ccold but wonderful\u201d. "
            "The youngest guests were represented in the shape of Lily Baines, who plays a witch in the "
            "Moonfall films. The 14-year-old said she wanted to meet the cast but joked that "
            "\u201cthey are far too famous for me\u201d.")
    assert names_quoting(text, "too famous") == ["Lily Baines"]


def test_he_is_not_the_person_a_reported_clause_talks_about() -> None:
    text = ("Tom Marsh has issued a rallying cry to his party's voters.\n\n"
            "To a packed audience in Leeds, Mr Marsh said the cuts proposed by shadow treasurer Paul Hendry were "
            "the equivalent of sacking every nurse in the country, he told activists. Laying into the "
            "opposition's record he said: \u201cWe will never return to those mistakes.\u201d")
    assert names_quoting(text, "never return") == ["Tom Marsh"]


def test_a_long_run_of_he_said_keeps_the_speaker_named_at_its_start() -> None:
    text = ("Tom Marsh said on Monday that the vote mattered. The hall was hung with posters of Paul Hendry.\n\n"
            "The railways would be next, he said. It was time for change, he said. "
            "Schools would get more money, he said. Taxes would not rise, he said. "
            "Buses would be cheaper, he said. Rents would be capped, he said.")
    assert names_quoting(text, "Rents") == ["Tom Marsh"]


def test_an_organisation_noun_that_names_no_one_is_no_speaker_name() -> None:
    """ "The party says …" with no party named before: no speaker (the lists hide it), never a
    speaker called "party"; "the government" names the story's own."""
    names = [s.name if s else None for s in _speakers(
        "Pension plans\n\nThe party says the plans could save pensioners money.\n\n"
        "The government said the plans were too costly.\n")]
    assert names == [None, "government"]


def test_an_organisation_name_keeps_a_capitalised_word_the_tagger_took_for_an_adjective() -> None:
    names = [s.name if s else None for s in _speakers(
        "Storm costs\n\nThe storm hit the coast. Swiss Re, the reinsurer, said claims would be low.\n")]
    assert names == ["Swiss Re"]
