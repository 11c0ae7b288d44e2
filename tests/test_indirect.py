"""Indirect quotations on invented sentences, one construction per test; the shipped model."""

from __future__ import annotations

import gzip
import json

import pytest

import newsgraph
from newsgraph.analyse.base.data import data_bytes
from newsgraph.analyse.pipeline import load_nlp, make_doc
from newsgraph.analyse.quotes import candidates, indirect_model
from newsgraph.clean import segment
from tests.conftest import FIXTURES, read_text


def indirect(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(content, speaker name, speaker mention, cue lemma) of each indirect quote."""
    art = newsgraph.extract(text)
    out = []
    for q in art.quotes:
        if q.kind != "indirect":
            continue
        mention = art.span_text(q.speaker.mention) if q.speaker.mention else None
        out.append((" ".join(art.span_text(s) for s in q.content_spans), q.speaker.name, mention, q.cue_lemma))
    return out


def contents(text: str) -> list[str]:
    return [c for c, *_ in indirect(text)]


def test_said_that_excludes_cue_and_that() -> None:
    text = "Maria Lopez is the mayor of Springfield. Lopez said that the bridge would reopen in May."
    found = indirect(text)
    assert ("the bridge would reopen in May", "Maria Lopez", "Lopez", "say") in found


def test_said_without_that() -> None:
    assert "the talks had collapsed after midnight" in contents(
        "The union leader said the talks had collapsed after midnight."
    )


def test_according_to_before_and_after() -> None:
    found = indirect("According to the health ministry, 40 people were taken to hospital.")
    assert found[0][0] == "40 people were taken to hospital"
    assert found[0][2].endswith("health ministry") and found[0][3] == "according to"
    assert "The factory will close next year" in contents(
        "The factory will close next year, according to two people familiar with the plan."
    )


def test_told_reporters() -> None:
    found = indirect("Senator John Carter told reporters the vote would be delayed until March.")
    assert found and found[0][0].endswith("the vote would be delayed until March")
    assert found[0][1] == "John Carter"


@pytest.mark.parametrize("verb", ["announced", "warned", "insisted", "claimed"])
def test_other_cue_verbs(verb: str) -> None:
    text = f"Anna Berg is a minister. On Monday Berg {verb} that the government would raise taxes on fuel."
    assert "the government would raise taxes on fuel" in contents(text)


def test_recalls_gerund_clause() -> None:
    text = "Tom Hale grew up on a farm. He recalls milking cows before school every winter morning."
    found = indirect(text)
    assert found and found[0][0].startswith("milking cows before school")
    assert found[0][1] == "Tom Hale" and found[0][2] == "He"


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        ("The bridge will be closed for two weeks, officials said.", "The bridge will be closed for two weeks",
         "officials"),
        ("The economy is recovering faster than expected, Governor Paul Smith said.",
         "The economy is recovering faster than expected", "Governor Paul Smith"),
    ],
)
def test_inverted_said(text: str, content: str, mention: str) -> None:
    found = indirect(text)
    assert found and found[0][0] == content
    assert found[0][2] == mention


def test_parenthetical_said_splits_the_content() -> None:
    text = "Maria Lopez runs the port. To avoid delays, she said, the ships will dock at night."
    found = indirect(text)
    assert ("To avoid delays the ships will dock at night", "Maria Lopez", "she", "say") in found


def test_pronoun_resolves_to_last_person() -> None:
    text = "Laura Chen runs a bakery in Ohio. She said business had doubled since the new road opened."
    found = indirect(text)
    assert found and found[0][1] == "Laura Chen" and found[0][2] == "She"


def test_relative_clause_speaker() -> None:
    text = "The plan was backed by Paul Green, who said the city could not afford another delay."
    found = indirect(text)
    assert ("the city could not afford another delay", "Paul Green", "who", "say") in found


def test_a_who_clause_describes_the_noun_it_follows() -> None:
    """ "a local man who ordered ...": the relative clause is not what the man reports; a
    speech verb inside it still is."""
    text = ("The panel interviewed a local man who ordered the demolition of the depot in 2004. "
            "The plan was backed by Paul Green, who said the city could not afford another delay.")
    cues = {cue for _, _, _, cue in indirect(text)}
    assert "man" not in cues and "Green" not in cues
    assert "the city could not afford another delay" in contents(text)


def test_plain_narration_is_not_a_quote() -> None:
    assert indirect("The river flooded the valley in 1952. The town was rebuilt on higher ground.") == []


def test_direct_quote_is_not_reported_speech() -> None:
    art = newsgraph.extract('The coach said: "We will win the cup this year."')
    assert [q.kind for q in art.quotes] == ["direct"]


def test_offsets_point_into_original_text() -> None:
    text = "Ms. Rivera, a lawyer, said her client had never visited the building."
    art = newsgraph.extract(text)
    for q in art.quotes:
        for s, e in q.content_spans:
            assert text[s:e] == text[s:e].strip() and e > s
        assert q.cue is not None and text[q.cue[0] : q.cue[1]] == "said"


def test_model_ships_as_package_data_and_loads_once() -> None:
    raw = data_bytes(indirect_model.MODEL_FILE)
    data = json.loads(gzip.decompress(raw))
    assert data["meta"]["trained_on"] == "PolNeAR train"
    assert len(raw) < 3_000_000
    model = indirect_model.load_model()
    assert model is indirect_model.load_model()
    assert 0.0 < model.threshold < 1.0 and len(model.weights) > 1000


@pytest.mark.parametrize(
    "text",
    ["according to", "He said.", ", said she", "According to, the , said that that.", "said " * 50, "“He said,” she"],
)
def test_fragments_never_crash_and_spans_stay_in_text(text: str) -> None:
    art = newsgraph.extract(text)
    for q in art.quotes:
        assert all(0 <= s < e <= len(text) for s, e in q.content_spans)


def test_training_fit_is_seeded_and_learns_signs() -> None:
    """The trainer's numpy logistic regression on a toy set (no PolNeAR, no parsing)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "train_attribution.py"
    spec = importlib.util.spec_from_file_location("train_attribution", path)
    assert spec and spec.loader
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    rows = [(["good", "x"], 1, 0, 0, True, frozenset())] * 30 + [(["bad", "x"], 0, 0, 1, False, frozenset())] * 30
    first = trainer.fit(rows, min_count=1, l2=1e-4, epochs=100, seed=7)
    assert first == trainer.fit(rows, min_count=1, l2=1e-4, epochs=100, seed=7)
    weights, _bias = first
    assert weights["good"] > 0 > weights["bad"]


def test_fast_probability_equals_the_string_features() -> None:
    """``indirect_model.probability`` reads the weights by family without building feature strings;
    the model must still see exactly the features it was trained on (the sums differ only
    in their order, so in the last bits; confidences are output to three decimals)."""
    nlp = load_nlp()
    model = indirect_model.load_model()
    texts = [read_text(FIXTURES / "moscow8.txt"),
             "His support for the plan, officials said, was never in doubt. Critics accused him of lying "
             "about the cost, according to a report that was not released by the ministry."]
    seen = 0
    for text in texts:
        doc = nlp(make_doc(nlp, text, segment(text, None), None))
        for cand in candidates.generate(doc):
            for in_direct in (False, True):
                feats = indirect_model.features(doc, cand, in_direct)
                assert len(feats) == len(set(feats)) and feats[len(feats) // 2].endswith(feats[0])
                assert abs(indirect_model.probability(doc, cand, in_direct) - model.probability(feats)) < 1e-12
                seen += 1
    assert seen > 100
