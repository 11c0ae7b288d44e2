"""Stages 1-3 of the people component (``people.group_entities``): which token spans name something.

spaCy's entities are collected and relabelled (``collect_spans``), repaired with the token-level
mechanisms of ``name_spans.py`` (``repair_spans``), and left at most one per token
(``resolve_overlaps``). Spans are (token start, token end, label, title before the name).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.analyse.base.cues import cue_lemmas
from newsgraph.analyse.base.token_table import TokenTable, token_table
from newsgraph.analyse.entities import names, places
from newsgraph.analyse.entities.name_spans import (
    GEO_LABELS,
    POSSESSIVE_TOKENS,
    Spans,
    cap,
    east_asian_candidates,
    extend,
    join_adjacent_names,
    name_words,
    particle_shaped,
    person_after_title,
    surname_tokens,
    trim,
    trim_to_known_names,
    unlabelled_full_names,
    unlabelled_places,
)

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
"""spaCy labels kept as entities (besides WORK_OF_ART, read for names in titles, and PRODUCT,
kept only when it is a person's name)."""


def collect_spans(doc: Doc) -> Spans:
    """spaCy's entities as (start, end, label, title) token spans, trimmed to the name words.

    The small model mistypes people ("Keith Lamont Scott, 43," ORG, "Justin Gatlin" PRODUCT)
    and cuts names short; later stages compare name words, so each span starts out as the
    name alone (no title, no possessive), with the label the name's shape and context say.
    """
    t = token_table(doc)
    spans: Spans = []
    for ent_start, ent_end, label in t.ents:
        if label not in ENTITY_TYPES and label not in ("WORK_OF_ART", "PRODUCT"):
            continue
        i, j, title = trim(doc, ent_start, ent_end)
        if i >= j or not any(t.is_alpha[i:j]):
            continue
        role = _person_role_inside(t, i, j) if label in _RETYPED_LABELS else None
        start = role + 1 if role is not None else j
        while start < j and t.is_punct[start]:
            start += 1  # "director - Mike Leigh"
        if role is not None and _person_typed_org(doc, start, j, label):
            if any(t.is_alpha[i:role]):
                spans.append((i, role, label, title))  # "Newcastle boss Graeme Souness": the club stays
            i, title = start, None
        player = _player_of_club(doc, i, j, label)
        if player is not None:
            spans.append((i, player - 1, label, title))  # "Arsenal's Edu" typed ORG: the club, then the player
            i, label, title = player, "PERSON", None
        if label != "PERSON" and j - i == 2 and j < t.n and _club_end(t, j) is not None:
            label = "PERSON"  # "C Hodgson (Sale Sharks)" typed ORG: a player of a team list
        if label != "PERSON" and label not in GEO_LABELS and (
                person_after_title(doc, i) or particle_shaped(t.text[i:j]) or _person_typed_org(doc, i, j, label)
                or title in _PERSON_ONLY_TITLES and j - i == 1 and label == "ORG") \
                and places.lookup(t.span_text(i, j)) is None and all(cap(t, k) or t.text[k] in names.particles()
                                                                     or t.text[k] == "-" and i < k < j - 1
                                                                     for k in range(i, j)):
            label = "PERSON"
            if i > 0 and t.is_title[i - 1] and not t.ent_type[i - 1] and t.text[i - 1] not in names.titles():
                i -= 1  # the given name left outside ("Renaud" + "Donnedieu de Vabres")
        elif label == "PRODUCT" and 2 <= j - i <= 3 and t.text[i] in names.given_names() \
                and names.looks_like_name(t.text[i:j]):
            label = "PERSON"  # "Justin Gatlin" typed PRODUCT
        if label == "PRODUCT":
            continue
        if label == "PERSON" and _org_word_before(doc, spans, i, j):
            s0, _, org_label, org_title = spans.pop()
            spans.append((s0, j, org_label, org_title))  # "Lockheed" ORG + "Martin" PERSON: one firm
            continue
        if label == "PERSON":
            title_end = title_run_end(doc, j)
            if title_end is not None:
                spans.append((i, title_end, "WORK_OF_ART", None))  # "won by Ann Lee Lado Del Rio from"
                continue
            i, j = extend(doc, i, j)
        spans.append((i, j, label, title))
    return spans


TITLE_FUNCTION_WORDS = frozenset({"Of", "The", "And", "In", "On", "To", "For", "With", "From", "At", "By",
                                  "Del", "Y", "Is", "Are", "My", "Your", "Me"})
"""Small words a title capitalises and a person's name never holds mid-name ("Lado Del Rio")."""


def title_run_end(doc: Doc, j: int) -> int | None:
    """ "won by Al Otro Lado Del Rio from": a name that runs on, with no break, into capitalised
    words spaCy left untyped, one of them a small word only a title capitalises (after a first
    word: not "Alessandro" + "Del Piero"), is cut from a work's title; the title's end, else None.
    Not in a title-case headline ("Ann Lee Goes After Bo Ray As The New Cy Dee")."""
    t = token_table(doc)
    if j >= t.n:
        return None
    start, end = t.sent_bounds[j]
    if all(t.is_title[k] for k in range(start, end) if t.is_alpha[k] and t.length[k] > 3):
        return None  # every longer word capitalised: a headline (not "won by ... from The Diaries")
    k = j
    while k < t.n and cap(t, k) and t.is_alpha[k] and not t.ent_type[k] and t.space[k - 1] and not t.sent_start[k]:
        k += 1
    if k - j < 2 or not any(w in TITLE_FUNCTION_WORDS for w in t.text[j + 1 : k - 1]):
        return None
    return k


def team_list_clubs(t: TokenTable) -> frozenset[str]:
    """ "D Bell (Bathford), S Kay (Leicester City, capt)": the names in brackets right after a player's
    initial and surname are clubs (with their last words: "City" may be typed alone), not people;
    not a given name (a nickname)."""
    clubs: set[str] = set()
    for e in range(2, t.n):
        k = _club_end(t, e)
        if k is not None:
            clubs.update((t.span_text(e + 1, k), t.text[k - 1]))
    return frozenset(clubs)


def _player_of_club(doc: Doc, i: int, j: int, label: str) -> int | None:
    """The token of the one name after an organisation's possessive in a span typed ORG
    ("Arsenal's Edu"), when the article says person things of that name: who, an age, speaking
    ("Edu added"), "Mr Edu"; else None."""
    t = token_table(doc)
    if label != "ORG" or j - i < 3 or t.text[j - 2] not in POSSESSIVE_TOKENS or not cap(t, j - 1) \
            or not t.is_alpha[j - 1]:
        return None
    name = t.text[j - 1]
    if person_context(doc, j - 1, j) or any(_lone_person_word(doc, k) for k in range(t.n) if t.text[k] == name and k != j - 1):
        return j - 1
    return None


def lone_club_players(doc: Doc, spans: Spans) -> list[int]:
    """Tokens of a one-word person name introduced after a possessive ("Arsenal's Edu") where the
    article writes the name alone ("Edu was highly critical"): the same person."""
    t = token_table(doc)
    players = {t.text[i] for i, j, label, _ in spans
               if label == "PERSON" and j - i == 1 and i > 0 and t.text[i - 1] in POSSESSIVE_TOKENS}
    covered = {k for i, j, _, _ in spans for k in range(i, j)}
    return [k for k in range(t.n) if t.text[k] in players and k not in covered and cap(t, k)
            and not (k + 1 < t.n and cap(t, k + 1) and t.is_alpha[k + 1])
            and not (k > 0 and not t.sent_start[k] and cap(t, k - 1) and t.is_alpha[k - 1])]


def _club_end(t: TokenTable, e: int) -> int | None:
    """Where the club in brackets at token e ends, when an initial and a surname come before the
    bracket ("S Kay (Leicester City, capt)")."""
    if t.text[e] != "(" or e < 2 or not (len(t.text[e - 2]) == 1 and t.text[e - 2].isupper() and t.is_title[e - 1]):
        return None
    k = e + 1
    while k < t.n and k - e <= 4 and t.is_title[k] and t.is_alpha[k]:
        k += 1
    if e + 1 < k < t.n and t.text[k] in (")", ",") and not names.known_given_name(t.text[e + 1]):
        return k
    return None


def _org_word_before(doc: Doc, spans: Spans, i: int, j: int) -> bool:
    """A one-word "person" glued to the organisation spaCy found just before it ("sued by Lockheed
    Martin", "Lockheed" ORG, "Martin" PERSON): the second word of the firm's name, when the word
    before is no given name ("Ivanka Trump") nor a title, and nothing else says person here."""
    t = token_table(doc)
    if j - i != 1 or not spans or spans[-1][1] != i or spans[-1][2] != "ORG" or t.sent_start[i]:
        return False
    k = i - 1
    return bool(t.is_title[k]) and not names.known_given_name(t.text[k]) and t.text[k] not in names.titles() \
        and t.lower[j : j + 1] != ["said"] and not person_context(doc, i, j)


def repair_spans(doc: Doc, spans: Spans) -> Spans:
    """The names spaCy split, missed or over-reached, repaired at token level (``name_spans.py``).

    Grouping can only join mentions whose words are right: "Moon Jae" + "-in" must be one name,
    an unlabelled "Ho Ung Pae" or place must exist, a headline's stray capitalised word must go.
    The result may overlap; ``resolve_overlaps`` settles that.
    """
    spans = join_adjacent_names(doc, spans)
    spans += unlabelled_full_names(doc, spans)
    person_toks = {k for i, j, lab, _ in spans if lab == "PERSON" for k in range(i, j)}
    spans += [(i, j, "PERSON", None) for i, j in east_asian_candidates(doc, person_toks)]
    spans += unlabelled_places(doc, {k for i, j, _, _ in spans for k in range(i, j)})
    spans = trim_to_known_names(doc, spans)
    extra, spans = surname_tokens(doc, spans)
    spans += [(k, k + 1, "PERSON", None) for k in extra]
    return spans + [(k, k + 1, "PERSON", None) for k in lone_club_players(doc, spans)]


def resolve_overlaps(spans: Spans) -> Spans:
    """At most one span per token, in text order: a person beats anything else it touches.

    spaCy and the repairs can both claim a token ("Han" NORP inside "Han Tae Yong" PERSON);
    the repairs that add people are the more specific. Between two non-persons, or two
    persons, the earlier (then longer) span stays.
    """
    person_toks = {k for i, j, lab, _ in spans if lab == "PERSON" for k in range(i, j)}
    kept: Spans = []
    for s in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if s[2] != "PERSON" and any(k in person_toks for k in range(s[0], s[1])):
            continue
        if kept and s[0] < kept[-1][1]:
            if s[2] == "PERSON" and kept[-1][2] == "PERSON":
                continue
            if kept[-1][2] != "PERSON" and s[2] == "PERSON":
                kept[-1] = s
            continue
        kept.append(s)
    return kept


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    return cue_lemmas() | names.person_verbs()


def person_context(doc: Doc, i: int, j: int, *, speech: bool = True) -> bool:
    """ "Lenin, who said", "Stalin deported", "Cruz's wife", "X, 45,": what only people do or have
    (``speech=False``: not the subject of a speech verb, which newspapers and firms also are).

    Here because relabelling a span needs it first; ``people`` reads it again as a mention's
    evidence."""
    t = token_table(doc)
    root = j - 1
    if speech and t.dep[root] in ("nsubj", "nsubjpass") and t.lemma[t.head[root]].lower() in _speech_lemmas():
        return True
    nxt = t.lower[j : j + 3]
    if nxt[:1] == ["who"] or nxt[:2] == [",", "who"]:
        return True
    if nxt[:1] and nxt[0] in POSSESSIVE_TOKENS and len(nxt) > 1 and nxt[1] in names.kinship_nouns():
        return True
    return len(nxt) == 3 and nxt[0] == "," and bool(t.like_num[j + 1]) and nxt[2] == ","


def _person_typed_org(doc: Doc, i: int, j: int, label: str) -> bool:
    """ "Keith Lamont Scott, 43, was killed", "former Wales prop Dai Young" typed ORG: a known given
    name and a surname (two or three name words), and what the article says only of people: an
    age, "who", a person's role noun before it, the surname alone typed PERSON, speaking ("Young
    told") or titled ("Mr Young") elsewhere. Not a name the article also uses as a thing's ("shares
    in Laura Ashley", "Laura Ashley stores")."""
    t = token_table(doc)
    words = name_words(doc, i, j)
    if label not in _RETYPED_LABELS or not 2 <= len(words) <= 3 or not _given_name(words[0]) \
            or not names.looks_like_name(words):
        return False
    if label == "WORK_OF_ART":  # a title may hold a name ("Meet Joe Black"): only "prop Dai Young"
        return _person_role_before(t, i) and not _used_as_a_thing(doc, t.text[i:j])
    surname = t.text[j - 1]
    evidence = person_context(doc, i, j, speech=False) or _person_role_before(t, i) \
        or any(label == "PERSON" and e - s == 1 and t.text[s] == surname for s, e, label in t.ents) \
        or any(_lone_person_word(doc, k) for k in range(t.n) if t.text[k] == surname and not i <= k < j)
    # ... the surname alone a person elsewhere ("Ireland's Alistair Cragg won ... said Cragg")
    return evidence and not _used_as_a_thing(doc, t.text[i:j])


_RETYPED_LABELS = frozenset({"ORG", "NORP", "FAC", "WORK_OF_ART"})
_PERSON_ONLY_TITLES = frozenset({"Justice", "Justices", "Judge", "Lord", "Lady", "Baroness", "Sir", "Dame"})
"""Titles no thing's name starts with ("Lord Justices Clarke" typed ORG; not "Premier League")."""
_THING_AFTER_POSSESSIVE = frozenset({"profits", "profit", "shares", "sales", "stores", "shops", "shareholders",
                                     "share", "results", "revenue", "revenues", "earnings", "products", "brand"})
"""Nouns a firm has and a person does not ("Acme Jones's profits")."""


def _person_role_inside(t: TokenTable, i: int, j: int) -> int | None:
    """The token of a person's role noun inside a span typed a thing, with the name after it
    ("Newcastle boss Graeme Souness" typed ORG as one span)."""
    for k in range(i + 1, j - 2):
        if t.is_lower[k] and t.lower[k] in names.person_roles():
            return k
    return None


def _given_name(word: str) -> bool:
    """ "Dai", or a hyphenated pair of given names ("Jean-Pierre", "Sven-Goran")."""
    return names.known_given_name(word) or "-" in word and all(map(names.known_given_name, word.split("-")))


def _person_role_before(t: TokenTable, i: int) -> bool:
    """A role only a person bears right before the name: "prop Dai Young", "chief executive Ann Lee"."""
    k = i - 1
    if k >= 0 and t.text[k] in names.titles():
        k -= 1
    return k >= 0 and bool(t.is_lower[k]) and t.pos[k] == "NOUN" and t.dep[k] in ("compound", "nmod", "amod") \
        and (t.lower[k] in names.person_roles() or t.lower[k] in names.kinship_nouns())


def _lone_person_word(doc: Doc, k: int) -> bool:
    """Token k, a name word standing alone, said or had something only a person says or has:
    "Young told reporters", "said Young", "Mr Young"."""
    t = token_table(doc)
    if not t.is_title[k] or t.pos[k] != "PROPN" or k + 1 < t.n and t.is_title[k + 1] and t.is_alpha[k + 1]:
        return False
    if k > 0 and t.text[k - 1] in names.titles() and names.titles()[t.text[k - 1]][0] == "honorific":
        return True
    if k > 0 and not t.sent_start[k] and (t.is_title[k - 1] and t.is_alpha[k - 1] or t.text[k - 1] in ("&", "and")):
        return False  # inside a longer name ("Ernst & Young", "Arthur Young")
    return person_context(doc, k, k + 1)


def _used_as_a_thing(doc: Doc, tokens: list[str]) -> bool:
    """The article uses the name (its token texts) as a firm's or a thing's: "shares in X", "X's
    profits", "X stores" (the name modifying a lower-case noun), "X, which"."""
    t = token_table(doc)
    size = len(tokens)
    for i in range(t.n - size + 1):
        if t.text[i : i + size] != tokens:
            continue
        j = i + size
        nxt = t.lower[j : j + 2]
        if i >= 2 and t.lower[i - 1] in ("in", "of") and t.lower[i - 2] in ("shares", "stake", "shareholders"):
            return True
        if nxt[:1] == ["which"] or nxt == [",", "which"]:
            return True
        if nxt and nxt[0] in POSSESSIVE_TOKENS and len(nxt) > 1 and nxt[1] in _THING_AFTER_POSSESSIVE:
            return True
        if nxt and t.is_lower[j] and t.pos[j] == "NOUN" and t.dep[j - 1] == "compound" and t.head[j - 1] >= j:
            return True
    return False
