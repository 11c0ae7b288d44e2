"""Draw the seeded sample of quoted people whose gender is hand-checked for issue 14.

    .venv/bin/newsgraph ingest ../shared/corpora/bbc ../shared/corpora/polnear/dev/text --db store.db
    .venv/bin/python scripts/sample_quoted_gender.py --db store.db [--n 100] [--seed 14] \
        [--out bench/gender_quoted.tsv]
    .venv/bin/python scripts/sample_quoted_gender.py --score bench/gender_quoted.tsv

The Gender Gap Tracker's measure is the gender of the people quoted, so the sample is drawn from
the speakers of the quotations the web app lists by default (speech, speaker found, the speaker a
PERSON entity): ``n`` distinct people (identities: a person joined across articles counts once),
each shown in one article where they are quoted, drawn at random. ``gender`` is what ``/who``
counts for the person (``who_is_quoted.genders``: what the articles say, else a title, else a
plainly gendered given name; empty when not known) and ``basis`` where it comes from;
``article_gender`` is what this article's entity says. ``evidence`` holds the sentences with the
person's mentions and the quotation's speaker words in [[ ]] (and the sentence after each when it has a gendered word), gendered
words (pronouns, honorifics, kin and role words) in *stars*, so a checker can judge from the row
plus the article. The checker fills ``verdict``: ``right`` or ``wrong`` for a row with a gender,
``missed`` for an empty gender the text plainly gives, else leaves it empty; and ``note``.
``--score`` counts right/wrong among rows with a gender and the coverage (share with a gender).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sqlite3
import sys
from pathlib import Path

from newsgraph.analyse.entities.names import gender_words
from newsgraph.store import connect
from newsgraph.who_is_quoted import genders

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ["n", "key", "document", "name", "person", "articles", "gender", "basis", "article_gender",
           "quote", "evidence", "verdict", "note"]
EVIDENCE_CHARS = 1800
"""At most this much evidence a row (the first sentences first): enough to judge, short enough to read."""
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n+")
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*")
_ABBREVIATIONS = {"Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.", "Jr.", "Sr.",
                  "Prof.", "Rev.", "Del.", "Sgt.", "Capt.", "Pres."}
_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


def quoted_people(conn: sqlite3.Connection) -> dict[str, list[tuple[int, int, int]]]:
    """identity key -> [(quotation id, article id, entity id)] of the quotations the web lists by
    default (speech, speaker found) whose speaker is a PERSON entity."""
    out: dict[str, list[tuple[int, int, int]]] = {}
    for qid, aid, eid, gid, name in conn.execute(
            "SELECT q.id, q.article_id, e.id, e.global_id, e.name FROM quotes q"
            " JOIN entities e ON e.id = q.speaker_entity_id AND e.type = 'PERSON'"
            " WHERE q.act = 'speech' AND q.speaker IS NOT NULL ORDER BY q.id"):
        out.setdefault(f"g{gid}" if gid is not None else f"n{name}", []).append((qid, aid, eid))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence (or line) of ``text``, roughly: enough to show evidence."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        word = text[:m.start()].rsplit(None, 1)[-1] if text[:m.start()].strip() else ""
        if "\n" not in m.group(0) and (word in _ABBREVIATIONS or len(word) == 2 and word[0].isupper()):
            continue  # "Mr. Burman", "Leonard E. Burman": not a sentence end
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def gendered(word: str) -> bool:
    """A pronoun, honorific, kin or role word that says a gender ("she", "Mrs", "actress")."""
    w = word.lower().rstrip("'’")
    return w in _PRONOUNS or w in gender_words()


def marked(text: str, start: int, end: int, mentions: list[tuple[int, int]]) -> str:
    """``text[start:end]`` on one line, the mentions in [[ ]] and gendered words in *stars*."""
    cuts = sorted((s, e) for s, e in mentions if start <= s and e <= end)
    parts, at = [], start
    for s, e in cuts:
        parts.append(_star(text[at:s]))
        parts.append(f"[[{text[s:e]}]]")
        at = e
    parts.append(_star(text[at:end]))
    return " ".join("".join(parts).split())


def _star(chunk: str) -> str:
    return _WORD.sub(lambda m: f"*{m.group(0)}*" if gendered(m.group(0)) else m.group(0), chunk)


def evidence(text: str, mentions: list[tuple[int, int]]) -> str:
    """The sentences holding the mentions, and each one after when it has a gendered word."""
    spans = sentences(text)
    keep: list[int] = []
    for k, (s, e) in enumerate(spans):
        if any(s <= ms < e for ms, _ in mentions):
            keep.append(k)
            if k + 1 < len(spans) and any(gendered(w) for w in _WORD.findall(text[spans[k + 1][0]:spans[k + 1][1]])):
                keep.append(k + 1)
    shown = [marked(text, *spans[k], mentions) for k in sorted(set(keep))]
    out = " | ".join(shown)
    return out if len(out) <= EVIDENCE_CHARS else out[:EVIDENCE_CHARS] + " …"


def draw(conn: sqlite3.Connection, n: int, seed: int) -> list[dict[str, str]]:
    """``n`` distinct quoted people at random, each with one article quoting them."""
    people = quoted_people(conn)
    known = genders(conn)
    rng = random.Random(seed)
    rows = []
    for k, key in enumerate(rng.sample(sorted(people), min(n, len(people))), 1):
        qid, aid, eid = rng.choice(people[key])
        document, text = conn.execute("SELECT document, text FROM articles WHERE id = ?", (aid,)).fetchone()
        name, entity_gender = conn.execute("SELECT name, gender FROM entities WHERE id = ?", (eid,)).fetchone()
        person = conn.execute("SELECT name FROM global_entities WHERE id = ?", (int(key[1:]),)).fetchone() \
            if key.startswith("g") else None
        articles = conn.execute("SELECT articles FROM person_totals WHERE key = ?", (key,)).fetchone()
        mentions = conn.execute('SELECT start, "end" FROM mentions WHERE entity_id = ? ORDER BY start',
                                (eid,)).fetchall()
        qs, qe, ss, se = conn.execute('SELECT start, "end", speaker_start, speaker_end FROM quotes WHERE id = ?',
                                      (qid,)).fetchone()
        spans = [(s, e) for s, e in mentions]
        if ss is not None and not any(s <= ss < e for s, e in spans):
            spans.append((ss, se))  # "she said": the speaker's words at this quotation
        quote = " ".join(text[qs:qe].split())
        gender, basis = known.get(key, ("", ""))
        rows.append({"n": str(k), "key": key, "document": document, "name": name,
                     "person": person[0] if person else name, "articles": str(articles[0] if articles else 1),
                     "gender": gender, "basis": basis, "article_gender": entity_gender or "",
                     "quote": quote if len(quote) <= 200 else quote[:200] + " …",
                     "evidence": evidence(text, spans), "verdict": "", "note": ""})
    return rows


def score(path: Path) -> str:
    """right/wrong among the rows with a gender, and the coverage (share of rows with one)."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    given = [r for r in rows if r["gender"]]
    right = sum(r["verdict"].strip() == "right" for r in given)
    wrong = sum(r["verdict"].strip() == "wrong" for r in given)
    unjudged = len(given) - right - wrong
    missed = sum(r["verdict"].strip() == "missed" for r in rows if not r["gender"])
    share = f"{right / (right + wrong):.3f}" if right + wrong else "n/a"
    return (f"{right}/{right + wrong} right where given ({share}), {wrong} wrong"
            + (f", {unjudged} not judged" if unjudged else "")
            + f"; coverage {len(given)}/{len(rows)} ({len(given) / len(rows) if rows else 0:.2f});"
            f" {missed} null where the text says")


def write(path: Path, rows: list[dict[str, str]]) -> None:
    """The sample as a TSV file a checker opens in a spreadsheet (``verdict``, ``note`` empty)."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = ap.add_mutually_exclusive_group(required=True)
    source.add_argument("--db", type=Path, help="the store to draw the sample from")
    source.add_argument("--score", type=Path, help="count the verdicts of a checked file instead")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--out", type=Path, default=ROOT / "bench/gender_quoted.tsv")
    args = ap.parse_args(argv)
    if args.score:
        print(score(args.score))
        return 0
    conn = connect(args.db, readonly=True)
    rows = draw(conn, args.n, args.seed)
    write(args.out, rows)
    print(f"{len(rows)} of {len(quoted_people(conn))} quoted people -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
