"""A person named only inside a clause about someone or something else is not the "he"/"she"
or "the leader" who speaks next: the one a "who" clause describes ("The fourth seed, who is due
to meet Karl Moss, …"), and not one named in a clause saying where something happened ("a theme
of the election, where Pierre Dubois opposed it"). Invented sentences, one rule a test."""

from __future__ import annotations

from tests.test_speakers import names_quoting


def test_he_is_the_seed_a_who_clause_describes_not_the_rival_named_in_it() -> None:
    text = ("Lee eases through\n\nTom Lee has been drawn against Paul Brandt in the first round in Sydney.\n\n"
            "Lee beat Brandt in straight sets last year, but he said he faces a stiff test. The fourth seed, "
            "who is expected to meet Karl Moss in the semi-finals, is looking forward to the match. "
            "\"He is a dangerous player on any court,\" he said.")
    assert names_quoting(text, "a dangerous player on any court") == ["Tom Lee"]


def test_the_leader_is_not_the_one_named_in_a_where_clause() -> None:
    text = ("Reyes backs nuclear power\n\nJohn Reyes has backed nuclear power, saying it is vital the country "
            "keeps the lights on.\n\nThe issue was a theme of the recent French election, where Pierre Dubois "
            "opposed building more plants. But the Liberal leader argued there was a strong case for new reactors. "
            "\"I believe we owe it to our children to act now,\" he said.")
    assert "Pierre Dubois" not in names_quoting(text, "we owe it to our children")
    assert "Pierre Dubois" not in names_quoting(text, "a strong case for new reactors")


def test_he_is_the_critic_named_beside_the_subject_not_the_speaker_before() -> None:
    text = ("Awards race\n\nThe magazine's editor Dan Kowal said the film had a good chance. \"It will win a few,\" "
            "he said.\n\nThe Herald's film critic Tom Reyes felt that the film deserved the top award. "
            "\"I hope the voters will see how good the acting is,\" he said.")
    assert names_quoting(text, "I hope the voters will see") == ["Tom Reyes"]
