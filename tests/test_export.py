"""Exports: each format read back by the tool it is for, against the store it came from.

The store holds the seed article and two invented ones (analysed by newsgraph), plus one
hand-built article whose records are fixed here, so the GraphML / JSON-LD / brat outputs
for it can be checked exactly (CRLF text, a content span across a line break, a
discontinuous quotation, a speaker known only by a descriptor, a quotation without cue
or mention, a place with coordinates).
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph import query
from newsgraph.cli import main
from newsgraph.evaluate import scorer
from newsgraph.export import ExportError, export
from newsgraph.export.brat import QUOTE_MARKS, fragments, with_marks
from newsgraph.export.tables import COLUMNS
from newsgraph.model import Article, Entity, Quote, Speaker
from newsgraph.run import ingest
from newsgraph.store import connect, store_articles

FIX = Path(__file__).parent / "fixtures"

INVENTED = [
    {"id": "bridge.txt", "title": "Springfield votes to rebuild the old bridge", "published": "2021-03-04",
     "outlet": "Springfield Courier", "url": "https://example.org/bridge",
     "text": "Springfield votes to rebuild the old bridge\n\nThe city council of Springfield voted on Tuesday "
             "to rebuild the Elm Street bridge, which closed in 2019.\n\n\"We will rebuild the bridge before "
             "winter,\" said Maria Lopez, the mayor of Springfield. \"Nobody should have to drive forty minutes "
             "to reach the hospital.\"\n\nJohn Carter, who leads the Springfield Business Association, said the "
             "closure had cost shops on Elm Street a third of their customers.\n\n\"This is the best news we "
             "have had in years,\" Carter said.\n"},
    {"id": "harbour.txt", "title": "Harbour strike ends in Portland", "published": "2022-07-15",
     "outlet": "Coastal Times",
     "text": "Harbour strike ends in Portland\n\nDock workers in Portland returned to work on Friday after a "
             "strike that lasted eleven days.\n\n\"The workers have won a fair contract,\" said Ana Silva, a "
             "spokeswoman for the dockers' union. Maria Lopez, the mayor of Springfield, said she was glad the "
             "strike was over.\n\n\"Our port is open again,\" said Tom Reyes, the harbour master.\n"},
]

HAND_TEXT = ("Port news\r\n\r\nThe minister said: \u201cWe will open\r\nthe port,\u201d adding that trade, she "
             "hoped, would grow. Officials said the quays of Gda\u0144sk were safe.\r\n\u201cIt is a good day.\u201d"
             "\r\nEwa Nowak works with the Port Authority.\r\n")


def _at(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return (i, i + len(needle))


def hand_article() -> Article:
    """An article whose records are fixed, to check outputs exactly."""
    t = HAND_TEXT
    art = Article(text=t, document="port news.txt", title="Port news", published="2023-05-01",
                  outlet="Baltic Wire", url="https://example.org/port")
    open_ = _at(t, "We will open\r\nthe port,")
    trade, grow = _at(t, "trade"), _at(t, "would grow")
    art.quotes = [
        Quote([open_], "direct", Speaker("Ewa Nowak", _at(t, "The minister"), None), _at(t, "said"), "say", 0.9),
        Quote([trade, grow], "indirect", Speaker("Ewa Nowak", _at(t, "she"), None), _at(t, "adding"), "add", 0.7),
        Quote([_at(t, "the quays of Gda\u0144sk were safe")], "indirect",
              Speaker(None, _at(t, "Officials"), "officials"), _at(t, "said", open_[1]), "say", 0.8),
        Quote([_at(t, "It is a good day.")], "direct", Speaker("Ewa Nowak", None, None), None, None, 0.6),
    ]
    art.entities = [
        Entity("Ewa Nowak", "PERSON", [_at(t, "Ewa Nowak"), _at(t, "The minister")], ["The minister"], ["minister"]),
        Entity("Gda\u0144sk", "GPE", [_at(t, "Gda\u0144sk")], geo={"lat": 54.352, "lon": 18.6466, "country": "PL"}),
        Entity("Port Authority", "ORG", [_at(t, "Port Authority")]),
    ]
    return art


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    src = folder / "invented.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in INVENTED), encoding="utf-8")
    path = folder / "news.db"
    report = ingest([FIX / "moscow8.txt", src], path)
    assert report.stored == 3 and not report.errors
    conn = connect(path)
    store_articles(conn, [hand_article()])
    conn.close()
    return path


@pytest.fixture(scope="module")
def conn(db: Path) -> sqlite3.Connection:
    return connect(db, readonly=True)


def _hand_id(conn: sqlite3.Connection) -> int:
    aid = query.find_article_id(conn, "port news.txt")
    assert aid is not None
    return aid


# --- JSONL, CSV, Parquet ------------------------------------------------------------------------


def test_jsonl_is_extract_schema_and_roundtrips(db: Path, conn: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    export(db, "jsonl", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["document"] for d in lines] == ["moscow8.txt", "bridge.txt", "harbour.txt", "port news.txt"]
    for i, obj in enumerate(lines, 1):
        art = query.load_article(conn, i)
        assert art is not None and obj == art.to_dict(with_text=True)
        assert Article.from_dict(obj).to_dict(with_text=True) == obj
    assert lines[3]["quotes"][0]["content"] == "We will open\r\nthe port,"


def _store_rows(conn: sqlite3.Connection, table: str) -> list[dict]:
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    return list(query.export_rows(conn, table, ids))


def test_parquet_reads_back_typed_with_the_store_rows(db: Path, conn: sqlite3.Connection, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    export(db, "parquet", tmp_path / "pq")
    for table in COLUMNS:
        got = pq.read_table(tmp_path / "pq" / f"{table}.parquet")
        assert got.num_rows == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
        assert got.to_pylist() == _store_rows(conn, table), table
    quotes = pq.read_table(tmp_path / "pq" / "quotes.parquet")
    assert quotes.schema.field("start").type == pa.int64()
    assert quotes.schema.field("confidence").type == pa.float64()
    assert pa.types.is_list(quotes.schema.field("spans").type)
    hand = [r for r in quotes.to_pylist() if r["document"] == "port news.txt"]
    assert [r["spans"] for r in hand][1] == [list(_at(HAND_TEXT, "trade")), list(_at(HAND_TEXT, "would grow"))]
    assert hand[0]["speaker_text"] == "The minister" and hand[0]["cue_text"] == "said"
    ents = pq.read_table(tmp_path / "pq" / "entities.parquet").to_pylist()
    assert {"name": "Gda\u0144sk", "lat": 54.352, "country": "PL"}.items() <= next(
        e for e in ents if e["name"] == "Gda\u0144sk").items()


def test_csv_one_file_per_table_same_rows(db: Path, conn: sqlite3.Connection, tmp_path: Path) -> None:
    export(db, "csv", tmp_path / "csv")
    for table, columns in COLUMNS.items():
        with open(tmp_path / "csv" / f"{table}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        store = _store_rows(conn, table)
        assert len(rows) == len(store), table
        assert list(rows[0]) == [c for c, _ in columns]
        for got, want in zip(rows, store, strict=True):
            for name, kind in columns:
                value = want[name]
                expected = ("" if value is None else json.dumps(value, ensure_ascii=False)
                            if kind in ("spans", "strs") else str(value))
                assert got[name] == expected, (table, name)
    with open(tmp_path / "csv" / "articles.csv", encoding="utf-8", newline="") as fh:
        hand = [r for r in csv.DictReader(fh) if r["document"] == "port news.txt"][0]
    assert hand["text"] == HAND_TEXT  # CRLF and non-ASCII survive


# --- filters --------------------------------------------------------------------------------------


def _documents(db: Path, tmp_path: Path, **filters) -> tuple[list[str], list[str | None]]:  # type: ignore[no-untyped-def]
    out = tmp_path / "f.jsonl"
    export(db, "jsonl", out, **filters)
    objs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return [o["document"] for o in objs], [q["speaker"]["name"] for o in objs for q in o["quotes"]]


def test_filters_select_articles_and_quotes(db: Path, tmp_path: Path) -> None:
    docs, speakers = _documents(db, tmp_path, speaker="lopez")
    assert docs == ["bridge.txt", "harbour.txt"] and speakers and set(speakers) == {"Maria Lopez"}
    assert _documents(db, tmp_path, date_from="2022")[0] == ["harbour.txt", "port news.txt"]
    assert _documents(db, tmp_path, date_to="2021-03")[0] == ["bridge.txt"]  # a month includes its days
    assert _documents(db, tmp_path, date_from="2021-03-05", date_to="2022-12-31")[0] == ["harbour.txt"]
    assert _documents(db, tmp_path, articles=["port news.txt", "1"])[0] == ["moscow8.txt", "port news.txt"]
    with pytest.raises(ExportError, match="no article 'nope.txt'"):
        export(db, "jsonl", tmp_path / "x.jsonl", articles=["nope.txt"])


def test_filtered_tables_only_hold_selected_rows(db: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    export(db, "parquet", tmp_path / "pq", speaker="Maria Lopez")
    arts = pq.read_table(tmp_path / "pq" / "articles.parquet").to_pylist()
    ids = {a["id"] for a in arts}
    assert {a["document"] for a in arts} == {"bridge.txt", "harbour.txt"}
    quotes = pq.read_table(tmp_path / "pq" / "quotes.parquet").to_pylist()
    assert quotes and {q["speaker"] for q in quotes} == {"Maria Lopez"}
    for table in ("entities", "mentions", "events", "times"):
        assert {r["article_id"] for r in pq.read_table(tmp_path / "pq" / f"{table}.parquet").to_pylist()} <= ids


def test_cli_errors_are_one_line(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "csv", "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "--out" in err
    assert main(["export", "--format", "jsonl", "--db", str(tmp_path / "missing.db")]) == 2
    assert "missing.db" in capsys.readouterr().err
    assert main(["export", "--format", "jsonl", "--db", str(db), "--article", "1"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["document"] == "moscow8.txt" and "exported 1 articles" in out.err


# --- GraphML --------------------------------------------------------------------------------------


def test_graphml_loads_in_networkx_with_expected_nodes_and_edges(db: Path, conn: sqlite3.Connection,
                                                                 tmp_path: Path) -> None:
    import networkx as nx

    export(db, "graphml", tmp_path / "g.graphml")
    g = nx.read_graphml(tmp_path / "g.graphml")
    kinds = nx.get_node_attributes(g, "kind")
    assert set(kinds.values()) == {"person", "organisation", "place", "article", "quotation"}
    assert sum(k == "article" for k in kinds.values()) == 4
    assert sum(k == "quotation" for k in kinds.values()) == conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
    hand = f"article:{_hand_id(conn)}"
    assert g.nodes[hand]["title"] == "Port news" and g.nodes[hand]["published"] == "2023-05-01"
    # the hand-built article exactly
    ewa, gdansk, port = "person:Ewa Nowak", "place:Gda\u0144sk", "organisation:Port Authority"
    assert g.nodes[gdansk]["lat"] == 54.352 and g.nodes[gdansk]["country"] == "PL"
    assert g.edges[ewa, hand] == {"relation": "mentioned_in", "weight": 2}
    assert g.edges[gdansk, hand]["weight"] == 1
    said = [v for _, v, d in g.out_edges(ewa, data=True) if d["relation"] == "said"]
    assert sorted(g.nodes[q]["text"] for q in said) == sorted(
        ["We will open\r\nthe port,", "trade would grow", "It is a good day."])
    for q in said:
        assert g.edges[q, hand]["relation"] == "part_of"
    unnamed = [n for n, d in g.nodes(data=True) if d.get("descriptor") == "officials"]
    assert len(unnamed) == 1 and g.in_degree(unnamed[0]) == 0
    co = {frozenset((u, v)): d["weight"] for u, v, d in g.edges(data=True) if d["relation"] == "co_mentioned"}
    assert co[frozenset((ewa, gdansk))] == 1 and co[frozenset((gdansk, port))] == 1
    # across articles: the mayor is one node, mentioned in and quoted from both invented articles
    lopez = "person:Maria Lopez"
    arts = {g.nodes[v]["document"] for _, v, d in g.out_edges(lopez, data=True) if d["relation"] == "mentioned_in"}
    assert arts == {"bridge.txt", "harbour.txt"}
    quoted_in = {g.nodes[next(iter(g.successors(q)))]["document"] for q in g.successors(lopez)
                 if g.nodes[q]["kind"] == "quotation"}
    assert quoted_in == {"bridge.txt", "harbour.txt"}
    # every co-mention weight is the number of articles naming both
    in_articles: dict[str, set[str]] = {}
    for u, v, d in g.edges(data=True):
        if d["relation"] == "mentioned_in":
            in_articles.setdefault(u, set()).add(v)
    for pair, weight in co.items():
        a, b = tuple(pair)
        assert weight == len(in_articles[a] & in_articles[b])


# --- JSON-LD --------------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own JSON-LD parser internals
def test_jsonld_parses_with_rdflib_into_schema_org_triples(db: Path, tmp_path: Path) -> None:
    import rdflib

    export(db, "jsonld", tmp_path / "g.jsonld")
    g = rdflib.Graph()
    g.parse(tmp_path / "g.jsonld", format="json-ld")  # embedded @context: no network
    rows = g.query("""
        PREFIX schema: <https://schema.org/>
        SELECT ?text ?headline WHERE {
          ?q a schema:Quotation ; schema:text ?text ; schema:spokenByCharacter ?p ; schema:isPartOf ?a .
          ?p a schema:Person ; schema:name "Maria Lopez" .
          ?a a schema:NewsArticle ; schema:headline ?headline .
        }""")
    got = {(str(t), str(h)) for t, h in rows}
    assert any(t.startswith("We will rebuild the bridge") and h == INVENTED[0]["title"] for t, h in got)
    assert {h for _, h in got} == {INVENTED[0]["title"], INVENTED[1]["title"]}
    geo = list(g.query("""
        PREFIX schema: <https://schema.org/>
        SELECT ?lat ?lon ?country WHERE {
          ?a a schema:NewsArticle ; schema:headline "Port news" ; schema:mentions ?p .
          ?p a schema:Place ; schema:name "Gda\u0144sk" ;
             schema:geo [ a schema:GeoCoordinates ; schema:latitude ?lat ; schema:longitude ?lon ;
                          schema:addressCountry ?country ] .
        }"""))
    assert [(float(a), float(b), str(c)) for a, b, c in geo] == [(54.352, 18.6466, "PL")]
    org = list(g.query('PREFIX schema: <https://schema.org/> SELECT ?o WHERE '
                       '{ ?o a schema:Organization ; schema:name "Port Authority" }'))
    assert len(org) == 1
    unnamed = list(g.query("""
        PREFIX schema: <https://schema.org/>
        SELECT ?text WHERE { ?q a schema:Quotation ; schema:text ?text ;
                             schema:spokenByCharacter [ schema:description "officials" ] }"""))
    assert [str(t) for (t,) in unnamed] == ["the quays of Gda\u0144sk were safe"]
    published = list(g.query('PREFIX schema: <https://schema.org/> SELECT ?d WHERE '
                             '{ ?a schema:headline "Port news" ; schema:datePublished ?d ; schema:url ?u }'))
    assert [str(d) for (d,) in published] == ["2023-05-01"]


# --- brat -----------------------------------------------------------------------------------------

HAND_ANN = """\
T1\tContent 32 45;47 57\t\u201cWe will open the port,\u201d
T2\tCue 26 30\tsaid
T3\tSource 13 25\tThe minister
T4\tAttribution 26 30\tsaid
E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3
#1\tAnnotatorNotes E1\tspeaker: Ewa Nowak; kind: direct; confidence: 0.90
T5\tContent 70 75;88 98\ttrade would grow
T6\tCue 58 64\tadding
T7\tSource 77 80\tshe
T8\tAttribution 58 64\tadding
E2\tAttribution:T8 Content:T5 Cue:T6 Source:T7
#2\tAnnotatorNotes E2\tspeaker: Ewa Nowak; kind: indirect; confidence: 0.70
T9\tContent 115 144\tthe quays of Gda\u0144sk were safe
T10\tCue 110 114\tsaid
T11\tSource 100 109\tOfficials
T12\tAttribution 110 114\tsaid
E3\tAttribution:T12 Content:T9 Cue:T10 Source:T11
#3\tAnnotatorNotes E3\tdescriptor: officials; kind: indirect; confidence: 0.80
T13\tContent 147 166\t\u201cIt is a good day.\u201d
T14\tAttribution-no-source 147 166\t\u201cIt is a good day.\u201d
E4\tAttribution-no-source:T14 Content:T13
#4\tAnnotatorNotes E4\tspeaker: Ewa Nowak; kind: direct; confidence: 0.60
"""


@pytest.fixture(scope="module")
def brat_dir(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brat") / "to-correct"
    export(db, "brat", out)
    return out


def _read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def test_brat_layout_and_exact_annotations(brat_dir: Path) -> None:
    assert sorted(p.name for p in (brat_dir / "text").iterdir()) == [
        "bridge.txt", "harbour.txt", "moscow8.txt", "port-news.txt"]
    assert _read_text(brat_dir / "text" / "port-news.txt") == HAND_TEXT
    ann_dir = brat_dir / "attributions"
    assert _read_text(ann_dir / "port-news_newsgraph.txt") == HAND_TEXT  # brat opens attributions/ directly
    assert {"annotation.conf", "visual.conf"} <= {p.name for p in ann_dir.iterdir()}
    assert _read_text(ann_dir / "port-news_newsgraph.ann") == HAND_ANN
    with open(brat_dir / "metadata.tsv", encoding="utf-8", newline="") as fh:
        meta = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
    assert meta["port-news"]["annotators"] == "newsgraph" and meta["port-news"]["publication_date"] == "2023-05-01"
    moscow = scorer.parse_ann(str(ann_dir / "moscow8_newsgraph.ann"))[0].values()
    assert sum(tb["label"] == "Discard" for tb in moscow) >= 1  # the ### separators
    for ann in ann_dir.glob("*.ann"):  # every T line's text is what its offsets cover
        text = _read_text(brat_dir / "text" / (ann.name.rsplit("_", 1)[0] + ".txt"))
        for tb in scorer.parse_ann(str(ann))[0].values():
            assert tb["text"] == " ".join(text[s:e] for s, e in tb["spans"])
            assert all("\n" not in text[s:e] for s, e in tb["spans"])


def _readback(gold_dir: Path, *, strip_marks: bool = True) -> list[dict]:
    """The brat export turned back into scorer predictions through the scorer's own brat loader
    (``strip_marks``: without the quotation marks the export adds around direct quotations)."""
    docs, _ = scorer.load_gold(str(gold_dir))
    out = []
    for d in docs:
        tbs, events = scorer.parse_ann(d.ann_file)
        notes = {}
        for line in _read_text(Path(d.ann_file)).splitlines():
            if line.startswith("#"):
                _, target, note = line.replace("AnnotatorNotes ", "").split("\t")
                notes[target] = dict(bit.split(": ", 1) for bit in note.split("; "))
        kind_of = {ev["id"]: notes.get(ev["id"], {}).get("kind") for ev in events}
        quotes = []
        for item in d.items:
            spans = [list(sp) for sp in item.spans]
            if strip_marks and kind_of[item.id] == "direct":  # the export added the quotation marks around it
                spans[0][0] += d.text[spans[0][0]] in QUOTE_MARKS
                spans[-1][1] -= d.text[spans[-1][1] - 1] in QUOTE_MARKS
            quotes.append({
                "content_spans": spans, "kind": kind_of[item.id],
                "speaker": {"name": None, "mention": [item.source[0][0], item.source[-1][1]] if item.source else None},
                "cue": [item.cue[0][0], item.cue[-1][1]] if item.cue else None})
        out.append({"document": d.name, "quotes": quotes})
    return out


def _write_jsonl(path: Path, objs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs), encoding="utf-8")
    return path


def test_brat_scored_against_itself_is_perfect(brat_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    res = scorer.evaluate(str(brat_dir), str(brat_dir / "predictions.jsonl"))
    assert not res["pred_docs_not_in_gold"] and res["n_docs"] == 4
    block = res["blocks"]["all"]  # kind blocks differ by design: the scorer derives gold kinds from the text
    assert block["n_gold"] == block["n_pred"] > 20
    assert block["precision"] == block["recall"] == block["f1"] == 1.0
    assert block["source"]["acc"] == block["source"]["exact_acc"] == 1.0 and block["source"]["n"] > 10
    assert block["cue"]["acc"] == 1.0
    # direct quotations carry their marks, so the scorer's kind rule sees them as direct
    docs, _ = scorer.load_gold(str(brat_dir))
    hand = next(d for d in docs if d.name == "port-news.txt")
    assert [g.kind for g in hand.items] == ["direct", "indirect", "indirect", "direct"]
    # through the command line too: what an annotator runs after correcting
    assert main(["eval", "--gold", str(brat_dir), "--pred", str(brat_dir / "predictions.jsonl"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["blocks"]["all"]["f1"] == 1.0


def test_brat_loader_gives_back_the_predictions(brat_dir: Path, conn: sqlite3.Connection) -> None:
    """Through the scorer's brat loader: exactly predictions.jsonl, and the store's quotations
    once the added quotation marks are taken off again."""
    exported = {json.loads(line)["document"]: json.loads(line)["quotes"]
                for line in _read_text(brat_dir / "predictions.jsonl").splitlines()}
    stems = {"moscow8.txt": "moscow8.txt", "bridge.txt": "bridge.txt", "harbour.txt": "harbour.txt",
             "port-news.txt": "port news.txt"}
    native = {name: query.load_article(conn, query.find_article_id(conn, doc)).to_dict()["quotes"]  # type: ignore[arg-type, union-attr]
              for name, doc in stems.items()}
    def key(text: str, q: dict) -> tuple:
        def hull(s: list[int] | None) -> tuple[int, int] | None:
            return scorer.strip_span(text, *s) if s else None

        return (sorted(scorer.nonws(text, q["content_spans"])), hull(q["speaker"]["mention"]), hull(q["cue"]),
                q["kind"])

    for preds, strip in ((exported, False), (native, True)):
        for doc in _readback(brat_dir, strip_marks=strip):
            text = _read_text(brat_dir / "text" / doc["document"])
            got = sorted(key(text, q) for q in doc["quotes"])
            assert got == sorted(key(text, q) for q in preds[doc["document"]]), (doc["document"], strip)


def test_brat_export_keeps_corrections_unless_forced(db: Path, brat_dir: Path) -> None:
    with pytest.raises(ExportError, match="--force"):
        export(db, "brat", brat_dir)
    export(db, "brat", brat_dir, force=True)


def test_fragments_split_at_line_breaks_only() -> None:
    text = "ab\r\ncd  \n\n ef\tg"
    assert fragments(text, [(0, len(text))]) == [(0, 2), (4, 8), (10, 13), (14, 15)]
    assert fragments(text, [(2, 4)]) == []


@given(st.text(alphabet="ab \t\n\r\u2028\u201c\u201d", max_size=40), st.data())
def test_fragments_keep_every_visible_character(text: str, data: st.DataObject) -> None:
    """What the scorer counts (non-whitespace characters) survives; brat's one-line rule holds."""
    bounds = st.integers(0, len(text))
    spans = [tuple(sorted(data.draw(st.tuples(bounds, bounds)))) for _ in range(data.draw(st.integers(1, 3)))]
    frags = fragments(text, spans)
    assert scorer.nonws(text, frags) == scorer.nonws(text, spans)
    assert all(s < e and text[s:e].strip() and not any(c in text[s:e] for c in "\t\n\r\u2028") for s, e in frags)
    widened = with_marks(text, spans)
    assert scorer.nonws(text, spans) <= scorer.nonws(text, widened)
    assert len(scorer.nonws(text, widened) - scorer.nonws(text, spans)) <= 2


def test_brat_against_polnear_equals_eval(shared: Path, tmp_path: Path) -> None:
    """Exported predictions as brat carry exactly what `eval` scores, and mirror it as gold.

    Scoring is asymmetric (precision uses the union of gold, recall one covering
    prediction), so swapping roles mirrors the counts exactly and bounds the rates:
    eval's recall <= mirrored precision, mirrored recall <= eval's precision.
    """
    from newsgraph.evaluate import predictions, run_eval

    dev = shared / "corpora/polnear/dev"
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    meta = {r["filename"]: r for r in csv.DictReader(open(shared / "corpora/polnear/metadata.tsv",
                                                          encoding="utf-8", newline=""), delimiter="\t")}
    stems = sorted(p.stem for p in (dev / "text").glob("*.txt"))[:4]
    for stem in stems:
        shutil.copy(dev / "text" / f"{stem}.txt", gold / "text")
        annotator = meta[stem]["annotators"].split("|")[0]
        shutil.copy(dev / "attributions" / f"{stem}_{annotator}.ann", gold / "attributions")
    with open(gold / "metadata.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(meta[stems[0]]), delimiter="\t")
        w.writeheader()
        w.writerows(meta[s] for s in stems)
    texts = dict(scorer.gold_texts(str(gold)))
    pred_objs = list(predictions(str(gold)))
    pred_file = _write_jsonl(tmp_path / "pred.jsonl", pred_objs)
    evaluated = run_eval(str(gold), pred_path=str(pred_file))  # what `newsgraph eval --pred` prints
    store = tmp_path / "p.db"
    conn = connect(store)
    store_articles(conn, [Article.from_dict({**o, "text": texts[o["document"]]}) for o in pred_objs])
    conn.close()
    out = tmp_path / "brat"
    export(store, "brat", out)

    readback = run_eval(str(gold), pred_path=str(_write_jsonl(tmp_path / "rb.jsonl", _readback(out))))
    for name, block in evaluated["blocks"].items():
        assert readback["blocks"][name] == block, name

    gold_as_pred = _write_jsonl(tmp_path / "g.jsonl", [
        {"document": d.name, "quotes": [{"content_spans": g.spans, "kind": g.kind, "speaker": {"name": None,
              "mention": [g.source[0][0], g.source[-1][1]] if g.source else None},
              "cue": [g.cue[0][0], g.cue[-1][1]] if g.cue else None} for g in d.items]}
        for d in scorer.load_gold(str(gold))[0]])
    a = evaluated["blocks"]["all"]
    m = scorer.evaluate(str(out), str(gold_as_pred))["blocks"]["all"]
    assert a["n_gold"] > 0 and a["n_pred"] > 0
    assert (m["n_gold"], m["n_pred"]) == (a["n_pred"], a["n_gold"])
    assert m["n_pred_correct"] >= a["n_gold_found"] and a["n_pred_correct"] >= m["n_gold_found"]
    assert a["recall"] <= m["precision"] and m["recall"] <= a["precision"]


# --- Datasette ------------------------------------------------------------------------------------


def test_datasette_metadata_matches_the_schema(db: Path, conn: sqlite3.Connection, tmp_path: Path) -> None:
    from newsgraph.export.datasette import metadata

    meta = metadata()
    tables = meta["databases"]["newsgraph"]["tables"]
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "quotes", "entities", "mentions", "events", "times"} <= set(tables)
    for table, info in tables.items():
        assert table in existing, table
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        assert info.get("description"), table
        assert set(info.get("columns", {})) <= columns, table
        for facet in info.get("facets", []):
            col = facet if isinstance(facet, str) else next(iter(facet.values()))
            assert col in columns, (table, facet)
        for key in ("label_column", "sort", "sort_desc"):
            assert info.get(key, "id") in columns | {"id"}, (table, key)
        if "fts_table" in info:
            assert info["fts_table"] in existing
    for name, q in meta["databases"]["newsgraph"]["queries"].items():
        rows = conn.execute(q["sql"], {"speaker": "Lopez"}).fetchall()
        assert rows, name
    assert main(["export", "--format", "datasette", "--db", str(db), "--out", str(tmp_path / "m.json")]) == 0
    assert list(json.loads((tmp_path / "m.json").read_text())["databases"]) == ["news"]
