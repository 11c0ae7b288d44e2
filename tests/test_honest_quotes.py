"""Issue 15 on invented sentences: each quotation's act, nested quotations linked or folded,
split quotations kept whole, names in quotation marks left out, and lists a reader can trust."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsgraph
from newsgraph.analyse.quotes.acts import lemma_act
from newsgraph.analyse.quotes.marks import find_quoted_spans
from newsgraph.analyse.quotes.names_in_marks import is_name_in_marks
from newsgraph.analyse.quotes.nesting import link_nested
from newsgraph.model import Article, Quote, Speaker
from newsgraph.render import keep_acts, lead_in, paging_note, quote_line, report


def acts(text: str) -> dict[str, str]:
    """content -> act of every quotation."""
    art = newsgraph.extract(text)
    return {" ".join(art.span_text(s) for s in q.content_spans): q.act for q in art.quotes}


# 1. act


def test_speech_verbs_report_speech() -> None:
    found = acts("Maria Lopez is the mayor. Lopez said that the bridge would reopen in May.")
    assert found.get("the bridge would reopen in May") == "speech"


def test_mental_state_verbs_report_thought() -> None:
    found = acts("Maria Lopez is the mayor. Lopez believes that the bridge will reopen in May.")
    assert found.get("the bridge will reopen in May") == "thought"


def test_what_figures_show_is_other() -> None:
    found = acts("The harbour lost money. Figures showed that exports fell sharply in March.")
    assert all(act != "speech" for act in found.values())


def test_a_price_asked_is_no_speech() -> None:
    found = acts("The ferry firm also charges a pounds 5 booking fee to the service, unless riders hold a pass.")
    assert found and all(act != "speech" for act in found.values()), found


def test_what_things_do_is_no_speech() -> None:
    found = acts("Beacons tell sailors where the rocks lie and when the tide turns.")
    assert found and all(act != "speech" for act in found.values()), found
    assert "speech" in acts("Parents say the harbour school is failing.").values()


def test_agentless_passive_is_no_speech() -> None:
    found = acts("It was reported that the ferry company had sold two boats to a rival.")
    assert all(act != "speech" for act in found.values())


def test_according_to_is_speech() -> None:
    found = acts("According to the harbour master, the ferries will run again on Monday.")
    assert "speech" in found.values()


def test_direct_words_are_speech() -> None:
    found = acts('"We will rebuild the pier," said Maria Lopez, the mayor.')
    assert found == {"We will rebuild the pier,": "speech"}


def test_lemma_table_defaults_to_other() -> None:
    assert lemma_act("say") == "speech" and lemma_act("hope") == "thought" and lemma_act("show") == "other"
    assert lemma_act(None) == "other"


def test_jsonl_carries_act_and_parent() -> None:
    d = newsgraph.extract('"We will rebuild the pier," said Maria Lopez, the mayor.').to_dict()
    assert d["quotes"][0]["act"] == "speech" and d["quotes"][0]["parent"] is None


# 2. nesting


def _q(spans: list[tuple[int, int]], kind: str, name: str | None) -> Quote:
    return Quote(spans, kind, Speaker(name))


def test_repeat_by_the_same_speaker_is_folded() -> None:
    outer, inner = _q([(0, 50)], "direct", "Ann Lee"), _q([(10, 30)], "indirect", "Ann Lee")
    assert link_nested([inner, outer]) == [outer]


def test_nameless_repeat_is_folded() -> None:
    outer, inner = _q([(0, 50)], "indirect", "Ann Lee"), _q([(10, 30)], "indirect", None)
    assert link_nested([outer, inner]) == [outer]


def test_nameless_clause_running_past_a_shortened_report_is_folded() -> None:
    outer = _q([(20, 80)], "indirect", "Ann Lee")
    inner = Quote([(50, 120)], "indirect", Speaker(None), cue=(40, 47))
    assert link_nested([inner, outer]) == [outer]
    named = Quote([(50, 120)], "indirect", Speaker("Bo Chen"), cue=(40, 47))
    assert len(link_nested([named, outer])) == 2


def test_another_speaker_inside_a_quotation_is_linked() -> None:
    outer, inner = _q([(0, 50)], "direct", "Ann Lee"), _q([(10, 30)], "indirect", "Bo Chen")
    out = link_nested([inner, outer])
    assert out == [outer, inner] and inner.parent == 0 and outer.parent is None


def test_no_quotation_inside_another_of_the_same_speaker() -> None:
    text = (
        'Maria Lopez, the mayor, spoke on Monday. "The council said that the bridge was safe, and it '
        'was," Lopez said. She said that the council had checked the bridge twice.'
    )
    qs = newsgraph.extract(text).quotes
    for a in qs:
        for b in qs:
            if a is not b and a.speaker.name and a.speaker.name == b.speaker.name:
                inside = all(any(s <= x and y <= e for s, e in b.content_spans) for x, y in a.content_spans)
                assert not inside


# 3. split and continued quotations


def test_split_by_attribution_is_one_quotation() -> None:
    text = (
        "Prices rose again.\n\n"
        '"The harbour works are late," the institute\'s spokesman told the paper. "We expect them to finish in May."'
    )
    direct = [q for q in newsgraph.extract(text).quotes if q.kind == "direct"]
    assert len(direct) == 1 and len(direct[0].content_spans) == 2


def test_new_opening_mark_after_a_sentence_continues_the_quotation() -> None:
    text = 'Maria Lopez said: "The bridge is closed. "We will reopen it when the engineers agree."'
    spans = find_quoted_spans(text, 0, len(text))
    assert [text[q.start : q.end].strip() for q in spans] == [
        "The bridge is closed.",
        "We will reopen it when the engineers agree.",
    ]
    direct = [q for q in newsgraph.extract(text).quotes if q.kind == "direct"]
    assert len(direct) == 1 and len(direct[0].content_spans) == 2


# 5. names, titles and terms in quotation marks


@pytest.mark.parametrize(
    "text",
    [
        'The city launched a programme named "Open Harbours" last spring.',
        'Researchers found a virus dubbed "Night Owl" in the samples.',
        'He runs a so-called "listening tour" across the state.',
        'The report, titled "Fixing the Roads", was published on Monday.',
        'The group, which calls itself "the Night Riders", met in secret.',
        'The project, known as "Blue Line", will cost 40m.',
        'She won the award for the film "Salt and Iron" last year.',
    ],
)
def test_names_in_quotation_marks_are_not_quotations(text: str) -> None:
    assert [q for q in newsgraph.extract(text).quotes if q.kind != "indirect"] == []


def test_a_quoted_judgement_a_verb_governs_stays() -> None:
    text = 'The mayor called the plan "a disaster" on Tuesday.'
    assert not is_name_in_marks(text, text.index('"'), "a disaster")
    assert [q.kind for q in newsgraph.extract(text).quotes] == ["mixed"]


def test_reported_speech_in_a_headline_is_not_output() -> None:
    text = "Mayor says bridge will reopen\n\nThe bridge across the harbour has been closed since May."
    assert newsgraph.extract(text, title="Mayor says bridge will reopen").quotes == []


# 4. what a person reads


def test_paraphrase_is_never_in_quotation_marks() -> None:
    assert quote_line("Ann Lee", "the bridge is safe", "indirect", 0.8) == (
        "Ann Lee, reported: the bridge is safe  [indirect · 0.80]"
    )
    assert quote_line("Ann Lee", "We are safe.", "direct", 1.0) == "Ann Lee: “We are safe.”  [1.00]"


def test_a_bare_fragment_is_shown_in_marks_a_partly_quoted_clause_as_it_is() -> None:
    """A fragment stored alone ('the sales were "not what we hoped for"') is all the speaker's words."""
    assert quote_line("Ann Lee", "not what we hoped for", "mixed", 1.0) == (
        "Ann Lee, partly quoted: “not what we hoped for”  [mixed · 1.00]")
    assert quote_line("Ann Lee", 'the sales were "weak" in May', "mixed", 1.0) == (
        'Ann Lee, partly quoted: the sales were "weak" in May  [mixed · 1.00]')
    assert quote_line("Ann Lee", "the shop's \u201cbest year", "mixed", 1.0).endswith("\u201cbest year\u201d  [mixed · 1.00]")
    # a span that starts after its opening mark gets it back in front, not a second closing mark
    assert quote_line("Ann Lee", 'great fun"', "mixed", 1.0).startswith('Ann Lee, partly quoted: "great fun"  ')
    assert quote_line("Ann Lee", "great fun\u201d", "mixed", 1.0).startswith("Ann Lee, partly quoted: \u201cgreat fun\u201d  ")


def test_lists_show_the_words_that_report_a_paraphrase() -> None:
    """A denial listed as "reported: X" would say the opposite of what was said."""
    assert quote_line("Ann Lee", "the bridge is unsafe", "indirect", 0.8, cue="denied") == (
        "Ann Lee, reported: the bridge is unsafe  [indirect via \u201cdenied\u201d · 0.80]")


def test_report_shows_speech_by_default_with_a_legend() -> None:
    text = (
        "Maria Lopez is the mayor. Lopez said that the bridge would reopen in May. "
        "Lopez hopes that the ferry will run again."
    )
    art = newsgraph.extract(text)
    out = report(art)
    assert "reported: the bridge would reopen in May" in out
    assert "the ferry will run again" not in out and "--act all" in out
    assert "“…” the speaker's own words" in out and "confidence" in out
    assert "the ferry will run again" in report(art, act="all")


def test_keep_acts_renumbers_parents() -> None:
    art = Article("x" * 60)
    art.quotes = [_q([(0, 5)], "indirect", "A"), _q([(10, 50)], "direct", "B"), _q([(20, 30)], "indirect", "C")]
    art.quotes[0].act = "thought"
    art.quotes[2].parent = 1
    keep_acts(art, "speech")
    assert [q.speaker.name for q in art.quotes] == ["B", "C"] and art.quotes[1].parent == 0


def test_paging_note_says_what_is_left_out() -> None:
    assert paging_note(50, 332) == "showing 1–50 of 332 — use --limit/--offset (--limit 0 for all)"
    assert paging_note(10, 10) is None


def test_cli_quotes_lists_speech_with_paging(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main

    src = tmp_path / "a.txt"
    src.write_text(
        "Harbour news\n\nMaria Lopez is the mayor. Lopez said that the bridge would reopen in May. "
        "Lopez hopes that the ferry will run again. Lopez told reporters that the pier was safe.\n",
        encoding="utf-8",
    )
    db = tmp_path / "n.db"
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["quotes", "--db", str(db), "--limit", "1"]) == 0
    out, err = capsys.readouterr()
    assert out.count("\n") == 1 and "reported: the bridge" in out and "“the bridge" not in out
    assert "showing 1–1 of 2" in err and "--act all" in err
    assert main(["quotes", "--db", str(db), "--limit", "0", "--act", "all", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["act"] for r in rows} == {"speech", "thought"}


def test_no_stored_quotation_inside_another_of_the_same_speaker(shared: Path, tmp_path: Path) -> None:
    """Over a BBC + PolNeAR dev store: the same words are never stored twice for one speaker."""
    from newsgraph.run import ingest
    from newsgraph.store import connect

    paths = sorted((shared / "corpora" / "bbc" / "politics").glob("*.txt"))[:15]
    paths += sorted((shared / "corpora" / "polnear" / "dev" / "text").glob("*.txt"))[:15]
    db = tmp_path / "n.db"
    ingest(paths, db)
    conn = connect(db, readonly=True)
    rows = conn.execute("SELECT id, article_id, speaker, spans FROM quotes WHERE speaker IS NOT NULL").fetchall()
    assert len(rows) > 100
    by_key: dict[tuple[int, str], list[tuple[int, list[list[int]]]]] = {}
    for qid, aid, speaker, spans in rows:
        by_key.setdefault((aid, speaker), []).append((qid, json.loads(spans)))
    for quotes in by_key.values():
        for qa, sa in quotes:
            for qb, sb in quotes:
                if qa != qb:
                    assert not all(any(s <= x and y <= e for s, e in sb) for x, y in sa), (qa, qb)


@pytest.mark.parametrize(
    "text",
    [
        # a speech verb whose object is a bare noun phrase
        "Maria Lopez is the mayor. Announcing the plans on Monday, Lopez thanked the engineers.",
        # a speech verb with a preposition that does not introduce what was said
        "The awards were announced by the film academy in Los Angeles on Tuesday.",
        # negated speech
        "The mayor and her aides have not said much about how the bridge will be paid for.",
        # agreeing to an action
        "Insurance companies agreed to release the money so the builders could start the work.",
        # a speech verb under one saying it was not done
        "The mayor declined to say that the council would pay for the new bridge.",
        # a fact, not a source, as the subject: the journalist's inference
        "Turnout fell in every ward. That suggests the council leader expects to lose her seat.",
        # nobody said it
        "No one said the bridge would be finished before the winter.",
        # a prediction or supposition, not a report
        "The rival parties will still insist that the Greens cannot win a single seat.",
        "In her ten years on the council, she has seen many such hopes dashed and, she might say, the voting system.",
        # an intention, and an infinitive describing the subject
        "The harbour board is expected to announce that the ferry will stop running.",
        "The bank is the first of the big lenders to report 2005 results.",
        # a condition
        "If the judge agrees she could throw out all the evidence from the raids.",
        # a poll's figures and sample, and what data show
        "Among pensioners, 60% said they would certainly vote in the election, compared with 41% of students.",
        "But nearly half those surveyed said the minister should return to the cabinet.",
        "Most islanders said in a referendum they wanted to keep the old flag.",
        "Drivers are growing impatient and quicker to honk, a survey by the motoring club suggests.",
        # a work's content summed up by the journalist
        "The novels tell of a battle against the old church and a fight for the harbour.",
        # a question put to the source, not the source's words
        "Asked whether the pier would reopen in May, Maria Lopez smiled.",
        # no comment made; an action agreed to
        "The ferry company made no comment about the future of the harbour.",
        "The board weighed a range of options but agreed unanimously to introduce a ban on smoking.",
        # the occasion of what was said, a decision on someone else's request, the object speaking
        "That was what Ann Lee said when she left the council after the floods began.",
        "A judge rejected a request by two papers to make public the contents of a court file.",
        "The Herald reports a union source as saying the market could move.",
        # the topic, not the words; hearsay and a list as the source
        "Ann Lee, a banker, spent the morning commenting on the harbour figures.",
        "However, recent rumours have suggested that the singer wants to quit the band.",
        "The Top Ten list predicts what shoppers are likely to buy this year.",
        "The coat tops the Winter Wardrobe list, which predicts what shoppers are likely to buy this year.",
        # an action named by a speech noun, not words
        "The islanders were swayed by Mr Tan's announcement in 2019 of new rules for ferries, which gave them hope.",
        # a speech verb inside a capitalised name
        "Mr Tan runs the Harbour Says No campaign, which wants the pier closed for good.",
    ],
)
def test_constructions_that_report_no_speech(text: str) -> None:
    assert "speech" not in acts(text).values()


def test_a_demonstrative_beside_a_named_speaker_is_still_speech() -> None:
    assert "speech" in acts("This, said Ann Lee, should make the bridge safer for years to come.").values()


def test_a_later_report_with_would_is_still_speech() -> None:
    found = acts("Maria Lopez is the mayor. Lopez would later say that the pier was safe.")
    assert found.get("the pier was safe") == "speech"


@pytest.mark.parametrize(
    "text",
    [
        "Survey firm Harbourpoll said the vote on the bridge was close.",
        "The minister rejected the claim that the bridge was unsafe.",
        "The islanders have repeatedly called for the ferry ban to be lifted.",
        "She said it would reopen, referring to the pier.",
        "Former fly-half Tom Ravel has warned the pressure is mounting on the coach.",
    ],
)
def test_a_speaker_named_with_a_poll_or_share_word_still_speaks(text: str) -> None:
    assert "speech" in acts(text).values()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ms Lee backed the bridge when Mr Tan argued for it in the council.", "for it in the council"),
        ("A spokeswoman said the two ministers agreed about what happened in practice.", "about what happened in practice"),
        ('"We will win," she said, referring to the deaths of two of the guitarists.',
         "referring to the deaths of two of the guitarists"),
    ],
)
def test_an_object_that_is_no_proposition_is_not_speech(text: str, content: str) -> None:
    assert acts(text).get(content, "other") != "speech", acts(text)


def test_a_work_summed_up_with_a_quoted_phrase_is_not_speech() -> None:
    found = acts('The new bill proposes "harbour orders", which could mean curfews for ferry crews.')
    assert found and "speech" not in found.values(), found


def test_lines_signed_after_a_no_break_space_are_separate_quotations() -> None:
    text = (
        "“We will rebuild the pier before the summer, whatever it costs the town.” ― Ann Lee\n"
        "“I just hope the ferry company keeps its promise to the island this time.” ―\xa0Tom Ravel\n"
        "“Maybe we can build a bridge instead.” ―\xa0Mia Tan.\n"
    )
    quotes = newsgraph.extract(text).quotes
    assert [(q.speaker.name, len(q.content_spans)) for q in quotes] == [("Ann Lee", 1), ("Tom Ravel", 1), ("Mia Tan", 1)]


def test_an_imagined_speaker_is_not_speech_but_a_speech_given_out_in_advance_is() -> None:
    imagined = newsgraph.extract('If times were calm, a reader would now ask: "Why is the pier still shut?"')
    assert [q.act for q in imagined.quotes if q.kind == "direct"] == ["other"]
    ahead = newsgraph.extract('In his speech, Mr Tan will say: "The pier opens in May."')
    assert [q.act for q in ahead.quotes if q.kind == "direct"] == ["speech"]


def test_the_journalists_gloss_on_a_quotation_is_not_speech() -> None:
    art = newsgraph.extract('"You went too far," she said, referencing the firm\'s drive to "upsell" to customers.')
    assert [q.act for q in art.quotes if q.kind == "mixed"] == ["other"]
    art = newsgraph.extract('Bemoaning the "rigged count," Mr Tan accused the host of bias.')
    assert [q.act for q in art.quotes if q.kind == "mixed"] == ["speech"]


def test_a_bare_quoted_fragment_is_shown_with_the_words_that_frame_it() -> None:
    frag = "hugely disappointing"
    assert lead_in("mixed", frag, "called", " the new rota \u201c") == "called the new rota"
    assert lead_in("mixed", frag, "said", ' that the figures were "') == "said that the figures were"
    assert lead_in("mixed", frag, "said", ' "') is None  # nothing between the cue and the marks
    assert lead_in("mixed", frag, "said", " the plan failed. Later she called it \u201c") is None  # another sentence
    assert lead_in("mixed", frag, "said", " " + "very " * 13 + "\u201c") is None  # too far to be one frame
    assert lead_in("mixed", 'the rota was "hugely disappointing"', "said", " ") is None  # the clause is shown
    assert lead_in("direct", "We are tired.", "said", ': "') is None  # a sentence of its own after a colon
    assert lead_in("direct", "a little desperate", "described", " Sen. Ann Lee, D-Va., as, \u201c") == (
        "described Sen. Ann Lee, D-Va., as")  # the stop of a title ends no sentence
    assert lead_in("direct", "a little desperate", "described", " the senator as, \u201c") == (
        "described the senator as")
    line = quote_line("Ana Ruiz", "hugely disappointing", "mixed", 1.0, cue="called", lead="called the new rota")
    assert line.startswith("Ana Ruiz, partly quoted: called the new rota \u201chugely disappointing\u201d")
    text = 'Ana Ruiz, a union leader, said the new rota was "hugely disappointing".'
    article = newsgraph.extract(text)
    assert [q.content(text) for q in article.quotes] == ["hugely disappointing"]  # the fragment, as gold marks it
    assert "partly quoted: said the new rota was \u201chugely disappointing\u201d" in report(article)
