"""The tabular exports' columns and types (CSV and Parquet share them; DuckDB/Spark see the same)."""

from __future__ import annotations

# table -> [(column, type)]; types: int, float, str, spans (list of [start, end]), strs (list of str)
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [("id", "int"), ("hash", "str"), ("document", "str"), ("title", "str"), ("published", "str"),
                 ("outlet", "str"), ("url", "str"), ("source", "str"), ("ingested_at", "str"),
                 ("length", "int"), ("text", "str")],
    "quotes": [("id", "int"), ("article_id", "int"), ("document", "str"), ("start", "int"), ("end", "int"),
               ("quote_group_id", "int"),  # the same quotation in other articles (quote_groups.py)
               ("spans", "spans"), ("content", "str"), ("kind", "str"), ("speaker", "str"),
               ("speaker_type", "str"), ("affiliation", "str"), ("act", "str"), ("parent_id", "int"),
               ("speaker_entity_id", "int"), ("speaker_global_id", "int"), ("speaker_start", "int"),
               ("speaker_end", "int"), ("speaker_text", "str"), ("descriptor", "str"), ("cue_start", "int"),
               ("cue_end", "int"), ("cue_text", "str"), ("cue_lemma", "str"), ("confidence", "float")],
    "entities": [("id", "int"), ("article_id", "int"), ("global_id", "int"), ("global_name", "str"),
                 ("name", "str"), ("type", "str"), ("aliases", "strs"), ("roles", "strs"), ("lat", "float"),
                 ("lon", "float"), ("country", "str"), ("place_kind", "str"), ("gender", "str"),
                 ("mentions", "int")],
    "mentions": [("entity_id", "int"), ("article_id", "int"), ("name", "str"), ("type", "str"),
                 ("start", "int"), ("end", "int"), ("text", "str")],
    "events": [("id", "int"), ("article_id", "int"), ("date", "str"), ("text", "str"), ("start", "int"),
               ("end", "int"), ("participants", "strs"), ("places", "strs"), ("time_start", "int"),
               ("time_end", "int"), ("kind", "str")],
    "times": [("article_id", "int"), ("start", "int"), ("end", "int"), ("text", "str"), ("value", "str"),
              ("how", "str")],
}
