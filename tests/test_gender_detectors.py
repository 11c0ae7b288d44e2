"""gender-guesser's name file is parsed once for both detectors (names.given_name_detectors);
the result must be exactly what gender-guesser builds itself, order included, since
``Detector.get_gender`` breaks ties between genders by the first inner key."""

import pytest

from newsgraph.analyse.entities.names import given_name_detectors

detector = pytest.importorskip("gender_guesser.detector")


def _ordered(names: dict[str, dict[str, str]]) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(name, list(genders.items())) for name, genders in names.items()]


def test_case_insensitive_table_is_gender_guessers_own() -> None:
    _, insensitive = given_name_detectors()
    assert _ordered(insensitive.names) == _ordered(detector.Detector(case_sensitive=False).names)
    assert insensitive.case_sensitive is False


def test_case_sensitive_table_is_gender_guessers_own() -> None:
    sensitive, _ = given_name_detectors()
    assert _ordered(sensitive.names) == _ordered(detector.Detector(case_sensitive=True).names)
    assert sensitive.case_sensitive is True


def test_lookups_keep_their_case_rule() -> None:
    sensitive, insensitive = given_name_detectors()
    assert sensitive.get_gender("Hillary") == "female"
    assert sensitive.get_gender("HILLARY") == "unknown"
    assert insensitive.get_gender("HILLARY") == "female"
    assert insensitive.get_gender("jacob") == "male"


def test_parsed_once_per_process() -> None:
    assert given_name_detectors() is given_name_detectors()
