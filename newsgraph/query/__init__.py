"""The read API over the store, shared by the CLI, the web app and exports.

Beside it only its companions read the store: identity.py (who a person is), sources.py (who
is quoted), attention.py (attention over time); search.py turns what a user types into FTS5
queries. Every function takes an open connection and returns plain dicts.

One module per resource (datasette style), every public name re-exported here, so callers keep
``from newsgraph import query`` / ``query.quotes(...)``: common (shared helpers), sampling (a
common word counted on a sample), quotations, stored_articles, exports, persons, places, events.
A tunable (``SAMPLE``, ``LATEST_ARTICLES``) is read from its own module: patch it there. The
helpers the modules share (``common``: ``dict_rows``, ``placeholders``, ``and_where``, …) are not
re-exported.
"""

from __future__ import annotations

from newsgraph.query.common import (
    ARTICLE_KEY,
    FACET_SIZE,
    contains,
    stats,
)
from newsgraph.query.events import (
    EventFilter,
    count_events,
    time_expressions,
    timeline,
    timeline_counts,
    timeline_events,
    timeline_view,
)
from newsgraph.query.exports import (
    EXPORT_TABLES,
    export_article_ids,
    export_articles,
    export_rows,
)
from newsgraph.query.persons import (
    LATEST_ARTICLES,
    PEOPLE_SORTS,
    co_mentioned,
    count_people,
    find_identity,
    find_person,
    latest_articles_since,
    merge_list,
    people,
    people_table,
    person_names,
    person_places,
    person_profile,
    person_quotes,
    suggest_people,
    top_speakers,
)
from newsgraph.query.places import (
    PLACE_SORTS,
    count_places,
    place_counts,
    place_table,
)
from newsgraph.query.quotations import (
    BY_ARTICLE,
    BY_SPEAKER_ARTICLE,
    QUOTE_ORDERS,
    QUOTES_WITH_ARTICLES,
    TALLY_FILTERS,
    TALLY_UNATTRIBUTED,
    UNATTRIBUTED_CHOICES,
    QuoteFilter,
    add_cue_words,
    count_quotes,
    count_quotes_about,
    cursor,
    narrowing,
    quote_facets,
    quotes,
)
from newsgraph.query.sampling import (
    SAMPLE,
    article_sample,
    fts_count,
    fts_matches,
    search_sample,
)
from newsgraph.query.stored_articles import (
    article_facets,
    articles,
    count_articles,
    count_articles_about,
    failures,
    find_article_by_key,
    find_article_id,
    key_of,
    load_article,
)

__all__ = [
    "ARTICLE_KEY",
    "BY_ARTICLE",
    "BY_SPEAKER_ARTICLE",
    "EXPORT_TABLES",
    "EventFilter",
    "FACET_SIZE",
    "LATEST_ARTICLES",
    "PEOPLE_SORTS",
    "PLACE_SORTS",
    "QUOTES_WITH_ARTICLES",
    "QUOTE_ORDERS",
    "QuoteFilter",
    "SAMPLE",
    "TALLY_FILTERS",
    "TALLY_UNATTRIBUTED",
    "UNATTRIBUTED_CHOICES",
    "add_cue_words",
    "article_facets",
    "article_sample",
    "articles",
    "co_mentioned",
    "contains",
    "count_articles",
    "count_articles_about",
    "count_events",
    "count_people",
    "count_places",
    "count_quotes",
    "count_quotes_about",
    "cursor",
    "export_article_ids",
    "export_articles",
    "export_rows",
    "failures",
    "find_article_by_key",
    "find_article_id",
    "find_identity",
    "find_person",
    "fts_count",
    "fts_matches",
    "key_of",
    "latest_articles_since",
    "load_article",
    "merge_list",
    "narrowing",
    "people",
    "people_table",
    "person_names",
    "person_places",
    "person_profile",
    "person_quotes",
    "place_counts",
    "place_table",
    "quote_facets",
    "quotes",
    "search_sample",
    "stats",
    "suggest_people",
    "time_expressions",
    "timeline",
    "timeline_counts",
    "timeline_events",
    "timeline_view",
    "top_speakers",
]
