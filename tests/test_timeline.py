"""Timelines: the seed article's dated events against its gold, and the timeline command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsgraph
from newsgraph.analyse.dates import values as tv
from newsgraph.cli import main
from newsgraph.render import report

FIX = Path(__file__).parent / "fixtures"

KEY_WORDS = {  # gold year -> words the event's clause must contain
    "1937": ["Stalin", "deported"],
    "1952": ["chosen", "Moscow Film School"],
    "1956": ["Kim Il Sung", "purged"],
    "1957": ["Ho Ung Pae", "condemned", "asylum"],
    "1958": ["seven", "filed for asylum"],
    "1978": ["kidnapping"],
    "1980": ["Gwangju Uprising"],
    "1993": ["died", "Kazakhstan"],
}


@pytest.fixture(scope="module")
def gold() -> dict:  # type: ignore[type-arg]
    return json.loads((FIX / "moscow8.gold.json").read_text(encoding="utf-8"))


def test_seed_timeline_has_the_gold_years_in_order_and_nothing_invented(seed_article, gold) -> None:  # type: ignore[no-untyped-def]
    gold_years = [str(t["year"]) for t in gold["timeline"]]
    dates = [ev.date for ev in seed_article.timeline]
    assert all(d in gold_years for d in dates), dates  # no invented date (the seed has no publication date)
    firsts = list(dict.fromkeys(dates))
    assert firsts == gold_years  # every gold year, chronological
    assert dates == sorted(dates, key=tv.sort_key)


def test_seed_events_are_the_clauses_their_dates_govern(seed_article) -> None:  # type: ignore[no-untyped-def]
    for year, words in KEY_WORDS.items():
        texts = [ev.text for ev in seed_article.timeline if ev.date == year]
        assert any(all(w in t for w in words) for t in texts), (year, texts)
    e1958 = next(ev for ev in seed_article.timeline if ev.date == "1958")
    assert e1958.text == "The other seven filed for asylum themselves"
    e1957 = next(ev for ev in seed_article.timeline if ev.date == "1957")
    assert "Ho Ung Pae" in e1957.participants
    assert "Kazakhstan" in next(ev for ev in seed_article.timeline if ev.date == "1993").places
    for ev in seed_article.timeline:
        assert seed_article.text[ev.span[0]:ev.span[1]] == ev.text


def test_seed_relative_expressions(seed_article) -> None:  # type: ignore[no-untyped-def]
    by_text = {t.text: t for t in seed_article.times}
    assert (by_text["The following year"].value, by_text["The following year"].how) == ("1957", "narrative")
    assert (by_text["last month"].value, by_text["last month"].how) == (None, "unresolved")
    assert not any("six months" in t.text for t in seed_article.times)  # a duration, not a date


def test_seed_with_a_publication_date_dates_the_present_and_the_quotes(seed_text: str) -> None:
    art = newsgraph.extract(seed_text, published="2019-06-25")
    by_text = {t.text: t.value for t in art.times}
    assert by_text["last month"] == "2019-05"
    quotes = [ev for ev in art.timeline if ev.kind == "quote"]
    assert quotes and all(ev.date == "2019-06-25" or ev.time_span for ev in quotes)  # the article's, or "said in …"
    assert sum(ev.date == "2019-06-25" for ev in quotes) >= 5
    assert all(tv.sort_key(a.date) <= tv.sort_key(b.date) for a, b in zip(art.timeline, art.timeline[1:], strict=False))
    out = report(art)
    timeline = out[out.index("Timeline"):]
    assert "1957" in timeline and "quotation" in timeline


def test_quote_events_take_a_date_from_their_attribution() -> None:
    art = newsgraph.extract('"We will not give up," Senator Jane Doe said on Sunday in Ohio.', published="2016-09-12")
    quotes = [ev for ev in art.timeline if ev.kind == "quote"]
    assert quotes and quotes[0].date == "2016-09-11"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("timeline")
    story = folder / "story.jsonl"
    story.write_text(json.dumps({
        "id": "budget", "published": "2016-09-12",
        "text": "Budget talks\n\nSenator Jane Doe met officials in Ohio last week. "
                "The talks had collapsed in 2015 after a long dispute.\n\n"
                "Doe will visit Paris on Friday, her office said.",
    }) + "\n", encoding="utf-8")
    path = str(folder / "t.db")
    assert main(["ingest", str(FIX / "moscow8.txt"), str(story), "--db", path, "--quiet"]) == 0
    return path


def _timeline(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main(["timeline", *args, "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_timeline_command_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _timeline(capsys, "--db", db, "--no-quotes")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates, key=tv.sort_key)
    assert {"1937", "1957", "1993", "2015", "2016-W36", "2016-09-16"} <= set(dates)
    fifties = _timeline(capsys, "--db", db, "--from", "1950", "--to", "1959", "--no-quotes")
    assert [r["date"] for r in fifties] == ["1952", "1952", "1956", "1957", "1958"]
    assert {r["date"] for r in _timeline(capsys, "--db", db, "--from", "2016-09")} >= {"2016-W36", "2016-09-16"}
    ho = _timeline(capsys, "--db", db, "--person", "Ho Ung Pae")
    assert ho and all(r["date"] == "1957" for r in ho)
    paris = _timeline(capsys, "--db", db, "--place", "Paris", "--no-quotes")
    assert [r["date"] for r in paris] == ["2016-09-16"]


def test_timeline_command_text_and_errors(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--db", db, "--to", "1940"]) == 0
    out = capsys.readouterr().out
    assert "1937" in out and "Stalin" in out and "1952" not in out
    assert main(["timeline", "--db", db, "--from", "last year"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_timeline_command_on_files(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _timeline(capsys, str(FIX / "moscow8.txt"), "--from", "1957", "--to", "1958", "--no-quotes")
    assert [r["date"] for r in rows] == ["1957", "1958"]
