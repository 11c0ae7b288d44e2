"""Confidence of quotations in marks: calibrated per route (how the speaker was found), never a filter."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import newsgraph
from newsgraph.analyse.quotes.confidence import (
    backoff,
    confidence_table,
    mention_kind,
    quote_route,
    route_confidence,
)
from newsgraph.model import Speaker

ROOT = Path(__file__).resolve().parent.parent


def calibration_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("calibrate_confidence", ROOT / "scripts" / "calibrate_confidence.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_route_takes_its_row_else_the_broader_ones() -> None:
    table = {"cue_in_sentence/name": 0.93, "cue_in_sentence/*": 0.9, "*/pronoun": 0.8, "*/*": 0.85}
    assert route_confidence("cue_in_sentence/name", table) == 0.93
    assert route_confidence("cue_in_sentence/organisation", table) == 0.9  # too rare: its strategy's
    assert route_confidence("signature/pronoun", table) == 0.8  # strategy too rare: its kind of mention's
    assert route_confidence("signature/name", table) == 0.85
    assert backoff("mixed/name") == ["mixed/name", "mixed/*", "*/name", "*/*"]


def test_the_shipped_table_rates_every_quotation_in_marks() -> None:
    text = ('Ann Lee, the mayor of Dunmore, visited the harbour on Monday.\n\n'
            '"We will rebuild the bridge before the spring storms come," Lee said.\n\n'
            'She said the plan was "the best deal the town could get".')
    art = newsgraph.extract(text)
    table = confidence_table()
    assert "*/*" in table and all(0.0 < c < 1.0 for c in table.values())
    in_marks = [q for q in art.quotes if q.kind != "indirect"]
    assert in_marks
    for q in in_marks:
        assert q.confidence == route_confidence(quote_route(text, q)) < 1.0
    direct = next(q for q in in_marks if q.kind == "direct")
    assert quote_route(text, direct) == "cue_where_punctuation_points/name"


def test_a_named_cue_subject_is_surer_than_a_speaker_carried_from_a_paragraph_before() -> None:
    text = ('The mayor of Dunmore, Ann Lee, visited the harbour.\n\n'
            '"We will rebuild the bridge before the spring storms come," Lee said.\n\n'
            '"The money is there, the engineers are ready and the town deserves a safe road."')
    art = newsgraph.extract(text)
    named, carried = [q for q in art.quotes if q.kind == "direct"]
    assert quote_route(text, named).endswith("/name")
    assert quote_route(text, carried) == "last_speaker_continues/carried_paragraph"
    assert carried.speaker.name == named.speaker.name == "Ann Lee"
    assert named.confidence > carried.confidence


def test_mention_kinds() -> None:
    text = "Ann Lee said it. She said it. The minister said it. Acme said it."
    assert mention_kind(text, Speaker("Ann Lee", (0, 7), type="PERSON"), 60) == "name"
    assert mention_kind(text, Speaker("Ann Lee", (17, 20), type="PERSON"), 60) == "pronoun"
    assert mention_kind(text, Speaker("Ann Lee", (30, 42), type="PERSON"), 60) == "descriptor"
    assert mention_kind(text, Speaker("Acme", (51, 55), type="ORG"), 60) == "organisation"
    assert mention_kind(text, Speaker(None, (17, 20)), 60) == "none"
    carried = Speaker("Ann Lee", (0, 7), type="PERSON", found_by="last_speaker_continues")
    assert mention_kind(text, carried, 60) == "carried"
    assert mention_kind(text + "\n\n", carried, len(text) + 2) == "carried_paragraph"


def write_brat(folder: Path, stem: str, text: str, events: list[tuple[str, str, str]]) -> None:
    """A PolNeAR-layout article: each event is (source, cue, content) given by their words in ``text``."""
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "attributions").mkdir(exist_ok=True)
    (folder / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
    lines, t = [], 0
    for k, (source, cue, content) in enumerate(events, 1):
        ids = []
        for label, words in (("Source", source), ("Cue", cue), ("Content", content)):
            t += 1
            s = text.index(words)
            lines.append(f"T{t}\t{label} {s} {s + len(words)}\t{words}")
            ids.append(f"{label}:T{t}")
        lines.append(f"E{k}\tAttribution:T{t - 1} {' '.join(ids)}")
    (folder / "attributions" / f"{stem}_ann1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_calibration_script_tabulates_an_invented_brat_sample(tmp_path: Path) -> None:
    train = tmp_path / "train"
    write_brat(train, "a", 'Tom Reyes runs the ferry.\n\n"The boats leave every hour from the pier," Reyes said.\n',
               [("Reyes", "said", '"The boats leave every hour from the pier,"')])
    write_brat(train, "b", 'Mia Park owns the bakery.\n\n"We bake bread at four every morning," Park told us.\n\n'
               '"The queue starts before six and the rolls are gone by nine."\n',
               [("Park", "told", '"We bake bread at four every morning,"'),
                ("Mia Park", "owns", '"The queue starts before six and the rolls are gone by nine."')])
    out = tmp_path / "table.tsv"
    script = calibration_script()
    assert script.main(["--train", str(train), "--out", str(out), "--min-quotes", "1"]) == 0
    rows = {r[0]: r[1:] for r in (ln.split("\t") for ln in out.read_text().splitlines() if not ln.startswith("#"))}
    assert rows["*/*"][:2] == ["3", "3"]  # three quotations, all right (the carried one by its entity's mention)
    assert rows["last_speaker_continues/carried_paragraph"][:2] == ["1", "1"]
    assert all(0.0 < float(r[2]) < 1.0 for r in rows.values())


def test_the_reliability_table_bins_confidences() -> None:
    table = calibration_script().reliability([(0.95, True), (0.97, True), (0.55, False), (0.65, True)])
    assert "| 0.95–1.00 | 2 | 0.960 | 1.000 |" in table and "| all | 4 |" in table


def test_a_doubtful_quotation_in_marks_is_still_listed() -> None:
    """The confidence informs; it filters nothing (a min-confidence threshold is for reported speech only)."""
    text = ('The storm passed over Dunmore during the night.\n\n'
            '"Nobody expected the river to rise this fast, and nobody was ready for it."')
    art = newsgraph.extract(text)
    [q] = [q for q in art.quotes if q.kind == "direct"]
    assert quote_route(text, q) == "unattributed/none" and q.confidence < 0.5
    assert round(q.confidence, 3) == next(d for d in art.to_dict()["quotes"] if d["kind"] == "direct")["confidence"]
