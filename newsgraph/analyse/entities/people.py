"""People, organisations and places of one article: right names, one entity per real thing.

spaCy's small model splits or mistypes many names; this component repairs them with
general mechanisms (token-level span repair in ``name_spans.py``), then groups mentions:

* name shapes (``names.py``): East Asian family-name-first names ("Han" NORP + "Tae Yong"
  PERSON -> "Han Tae Yong"), hyphenated given names ("Moon Jae" + "-in"), particles
  ("Donnedieu de Vabres"), generational suffixes, possessives and titles stripped;
* places (``places.py``): a PERSON/ORG that the gazetteer knows as a place *and* whose
  context says place (after "in"/"near", coordinated with a place, declared the same
  place under another name) becomes GPE; places get coordinates offline;
* declared aliases (``aliases.py``): "X – now Y", "X, now known as Y", "X (Y)" acronyms,
  'known as the “Y”';
* grouping: a full name opens a person; a surname, a given name or a title + surname
  ("Ms Hewitt") joins the person it most plausibly means: one whose role matches ("filmmaker
  Kim"), else the one most recently referred to by that short form, else the one most
  recently introduced. Different full names stay apart ("Kim Jong Il" / "Kim Jong Un",
  "Donald Trump" / "Donald Trump Jr.") and gendered titles ("Mrs Clinton") skip people of the
  other known gender;
* roles: the descriptor before a name ("film critic", "South Korean president") and an
  appositive after it ("Kim Chong Hun, the last survivor of the eight").

Pronouns and descriptors ("the director") are resolved by the quotes helper from these
mentions. Runs in time linear in the number of tokens (person lookups are per surname).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress

from spacy.tokens import Doc

from newsgraph.analyse.base.cues import cue_lemmas
from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.token_table import token_table
from newsgraph.analyse.base.tree_edges import tree_edges
from newsgraph.analyse.entities import names, places
from newsgraph.analyse.entities.aliases import declared_aliases, named_groups
from newsgraph.analyse.entities.evidence import is_person
from newsgraph.analyse.entities.name_spans import (
    GEO_LABELS,
    POSSESSIVE_TOKENS,
    cap,
    east_asian_candidates,
    extend,
    is_place,
    join_adjacent_names,
    name_in_title,
    name_words,
    not_a_person_here,
    particle_shaped,
    person_after_title,
    places_in_name,
    shared_surname,
    surname_tokens,
    trim,
    trim_to_known_names,
    unlabelled_places,
)
from newsgraph.analyse.entities.person import Mention, Person
from newsgraph.model import Entity

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
_ROLE_GLUE = {"of", "and", "-", "&"}
HOLD_WINDOW = 600
"""Characters after its last use within which a short form ("Scott") stays with its holder."""
_NOT_NAME_START_TAGS = {"VBG", "VB", "VBD", "VBZ", "VBP", "IN", "DT", "JJ", "JJR", "JJS", "RB"}
_DETERMINERS = {"the", "a", "an"}


# ---------------------------------------------------------------- spans of person names


_LINKED_DEPS = {"compound", "amod", "nmod", "appos", "conj", "flat", "nn"}


def _roles_before(doc: Doc, i: int, j: int) -> tuple[list[str], int | None]:
    """Descriptors just before a name: "film critic", "South Korean president", "Soviet leader".

    A run of nouns/adjectives (with "of", "and") ending at the name, kept only when the parse links
    it to the name (so "after the debate Trump" has no role); "X and Y" gives two roles.
    """
    t = token_table(doc)
    text, pos, lower, titles = t.text, t.pos, t.lower, names.titles()
    if i > 0 and text[i - 1] in titles and titles[text[i - 1]][0] == "honorific":
        i -= 1
    k = i
    while k > 0 and i - k < 8:
        p = k - 1
        if t.ent_type[p] == "PERSON" or pos[p] in ("DET", "VERB", "AUX", "PRON", "NUM", "SCONJ", "PART") \
                or t.is_punct[p] and text[p] != "-" or pos[p] == "ADP" and lower[p] != "of" \
                or text[p] in titles and titles[text[p]][0] == "honorific" \
                or pos[p] not in ("NOUN", "ADJ", "PROPN", "CCONJ", "ADP", "PUNCT"):
            break
        if t.is_title[p] and pos[p] == "PROPN" and not t.ent_type[p] and text[p] not in titles \
                and not t.sent_start[p]:
            break  # an unlabelled capitalised word: probably part of something else
        k -= 1
    while k < i and (lower[k] in _ROLE_GLUE or pos[k] == "CCONJ" or t.length[k] < 2):
        k += 1
    # "the death of conservative Justice Antonin Scalia": the role is what follows "of",
    # unless "of" belongs to an office ("Secretary of State").
    for m in range(i - 1, k, -1):
        if lower[m] == "of" and not t.is_title[m - 1]:
            k = m + 1
            break
    if k >= i:
        return [], None
    last = i - 1
    linked = i <= t.head[last] < j or last in t.head[i:j] or t.dep[last] in _LINKED_DEPS
    if not linked:
        return [], None
    roles: list[str] = []
    start = k
    for m in range(k, i + 1):
        if m == i or lower[m] == "and":
            if m > start and any(pos[q] == "NOUN" or text[q] in titles for q in range(start, m)) \
                    and lower[m - 1] not in _ROLE_GLUE:
                roles.append(t.span_text(start, m))
            start = m + 1
    if not roles:
        return [], None
    return roles, t.idx[k]


def _role_ahead(doc: Doc, i: int, j: int) -> str | None:
    """A descriptor the name is in apposition to: "Her husband, Bill Clinton," -> "husband"."""
    t = token_table(doc)
    if i < 2 or t.text[i - 1] != ",":
        return None
    head = i - 2
    if t.pos[head] != "NOUN" or not any(t.dep[k] == "appos" and t.head[k] == head for k in range(i, j)):
        return None
    start = head
    while start > 0 and t.dep[start - 1] in ("amod", "compound") and t.head[start - 1] >= start:
        start -= 1
    return t.span_text(start, head + 1)


def _role_after(doc: Doc, i: int, j: int) -> str | None:
    """An appositive after a name: "Kim Chong Hun, the last survivor of the eight"."""
    t = token_table(doc)
    if j + 1 >= t.n or t.text[j] != ",":
        return None
    children = tree_edges(doc).children
    for child in children[j - 1]:
        if t.dep[child] == "appos" and child > j and t.ent_type[child] not in ("PERSON", "GPE", "DATE"):
            sub = subtree_in_order(children, child)
            if any(t.ent_type[k] == "PERSON" or t.text[k] in POSSESSIVE_TOKENS
                   or any(ch.isdigit() for ch in t.text[k]) for k in sub):
                return None
            if len(sub) > 10 or not any(t.pos[k] == "NOUN" for k in sub):
                return None
            start = sub[0] + (1 if t.pos[sub[0]] == "DET" else 0)
            end = sub[-1] + 1
            while end > start and t.is_punct[end - 1]:
                end -= 1
            return t.span_text(start, end) if end > start else None
    return None


def subtree_in_order(children: list[list[int]], i: int) -> list[int]:
    """Token i's subtree in ``token.subtree`` order: left children's subtrees, the token, right
    children's subtrees (not sorted: a non-projective parse interleaves them)."""
    out: list[int] = []
    stack: list[tuple[int, bool]] = [(i, False)]
    while stack:
        k, expanded = stack.pop()
        if expanded:
            out.append(k)
            continue
        stack.extend((c, False) for c in reversed(children[k]) if c > k)
        stack.append((k, True))
        stack.extend((c, False) for c in reversed(children[k]) if c < k)
    return out


# ---------------------------------------------------------------- grouping


def _choose(candidates: list[Person], mention: Mention, short: str, *, strict: bool = False) -> Person | None:
    """The person a short form ("Kim", "Ms Hewitt") most plausibly means.

    ``strict``: nobody when the mention's gender ("Mr. Obama") rules every candidate out.
    """
    gender = mention.gender
    if gender != "-":
        fitting = [p for p in candidates if p.gender in ("-", gender)]
        if not fitting and strict:
            return None
        candidates = fitting or candidates
    if mention.role:
        role_words = set(mention.role.lower().split())
        matching = [p for p in candidates if any(role_words & set(r.lower().split()) for r in p.roles)]
        if matching:
            candidates = matching
    # The person most recently introduced or referred to by this short form: repeating a
    # full name ("close ally of Kim Il Sung") does not make that person "the Kim" of the text,
    # nor does introducing a relative ("his wife, Heidi Cruz").
    # Only a prominent introduction counts, one with a description ("Kim Chong Hun, the last
    # survivor of the eight, went"), not "whether Melania Trump's story" or "Ivanka Trump said";
    # and it does not take the short form from the person it was just used for ("Scott had a
    # gun ... Rakeyia Scott can be heard ... Scott was shot": the holder keeps it).
    if not candidates:
        return None
    holder = max(candidates, key=lambda p: p.short_forms_used_at.get(short, -1))
    held_at = holder.short_forms_used_at.get(short, -1)
    newer = [p for p in candidates if p.prominent_at > held_at + (HOLD_WINDOW if held_at >= 0 else 0)]
    if newer:
        return max(newer, key=lambda p: p.prominent_at)
    if held_at >= 0:
        return holder
    # Nobody described yet: the person introduced in their own right, not as someone's relative
    # ("Hillary Clinton ... daughter Chelsea Clinton ... Clinton's van"), then the latest.
    return max(candidates, key=lambda p: (p.prominent_at, not p.relative, p.first))


def _capitalised(surname: str) -> str:
    """ "de Blasio" as a headline or a sentence start writes it: "De Blasio"."""
    return surname[:1].upper() + surname[1:]


def _resolve(people: list[Person], by_surname: dict[str, list[Person]], m: Mention) -> Person:
    name = " ".join(m.words)
    parts = names.parse(name)
    if parts.given:
        same_surname = {id(p): p for key in (parts.surname, _capitalised(parts.surname), m.words[-1])
                        for p in by_surname.get(key, [])}
        for p in sorted(same_surname.values(), key=lambda p: p.first):
            if p.full and (names.same_person_name(p.name, name) or names.is_tail_of(name, p.name)
                           or names.is_tail_of(p.name, name) or names.familiar_form(p.name, name)):
                return p
        short = [p for key in dict.fromkeys((parts.surname, _capitalised(parts.surname)))
                 for p in by_surname.get(key, []) if not p.full]
        if not short and not parts.family_first:
            short = [p for p in people if not p.full and p.name == parts.first]
        # "President Obama ... Michelle Obama": a full name of the other gender, or a relative,
        # is someone else, not the full name of the person so far called by the surname.
        new_gender = names.gender_of(name)
        short = [p for p in short if not m.relative and (p.gender == "-" or new_gender in ("-", p.gender))]
        if short and not parts.suffix:  # "Trump" or "Judy" before "Donald Trump", "Judy Finnigan"
            p = max(short, key=lambda p: p.first)
            p.aliases.append(p.name)
            p.name = name
            by_surname.setdefault(parts.surname, []).append(p)
            if p.gender == "-":
                p.gender = names.gender_of(name)
            return p
        p = Person(name, m.char_start, gender=names.gender_of(name))
        people.append(p)
        by_surname.setdefault(parts.surname, []).append(p)
        if parts.family_first:
            return p
        # Make a Western surname findable by its last word too ("de Vabres" -> "Vabres").
        last = parts.surname.split()[-1]
        if last != parts.surname:
            by_surname.setdefault(last, []).append(p)
        return p
    short = parts.surname
    pool = by_surname.get(short) or by_surname.get(short.split()[-1], [])
    cands = [p for p in pool if p.parts.suffix.rstrip(".") == parts.suffix.rstrip(".") or not parts.suffix]
    chosen = _choose([p for p in cands if p.full], m, short, strict=True) or _choose(cands, m, short)
    if chosen is None:
        given = [p for p in people if p.full and names.same_given_name(short, p.parts.first)]
        chosen = _choose(given, m, short)
    if chosen is None:
        chosen = Person(name, m.char_start)
        people.append(chosen)
        by_surname.setdefault(short, []).append(chosen)
    return chosen


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f", "it": "n", "its": "n"}


def _pronoun_gender(doc: Doc, j: int) -> str:
    """Gender of the first personal pronoun after the name in its sentence ("Cruz said he ...",
    "n" for "Pernod said it ..."), when no other name comes between."""
    t = token_table(doc)
    sent_end = t.sent_bounds[j - 1][1] if j else t.n
    for k in range(j, min(sent_end, j + 12, t.n)):
        if t.ent_type[k] == "PERSON" or t.text[k] in ("“", '"', "‘"):
            return "-"
        g = _PRONOUN_GENDER.get(t.lower[k])
        if g == "n" and k > j + 1:
            continue  # only "Pernod said it", not "Cyril explained how important it is"
        if g:
            return g
    return "-"


def _mention(doc: Doc, i: int, j: int, title: str | None) -> Mention:
    t = token_table(doc)
    if title is None and i > 0 and t.text[i - 1] in names.titles():
        title = t.text[i - 1]
    roles, role_start = _roles_before(doc, i, j)
    gender = names.titles().get(title or "", ("", "-"))[1]
    if gender == "-" and j - i == 1 and t.dep[i] in ("nsubj", "nsubjpass"):
        gender = _pronoun_gender(doc, j)  # "Cruz said he ...", not "Rendell, a Clinton surrogate, said he"
    neuter = gender == "n"
    gender = "-" if neuter else gender
    thing_like = i > 0 and t.lower[i - 1] in _DETERMINERS and not roles and not title \
        or j - i == 1 and j < t.n and t.pos[j] == "NOUN" and bool(t.is_lower[j])
    modifier = j < t.n and bool(t.is_lower[j]) and t.pos[j] == "NOUN" \
        and t.dep[j - 1] in ("compound", "nmod", "amod") and t.head[j - 1] >= j
    m = Mention(i, j, t.idx[i], t.end_char(j - 1), name_words(doc, i, j), title, roles,
                role_start, gender, bool(title or roles) or _person_context(doc, i, j), thing_like)
    m.modifier = modifier
    m.neuter = neuter
    m.plural = j - i == 1 and t.tag[i] in ("NNS", "NNPS")
    m.role_ahead, m.role_after = _role_ahead(doc, i, j), _role_after(doc, i, j)
    m.relative = _introduced_as_relative(doc, m)
    return m


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    return cue_lemmas() | names.person_verbs()


def _person_context(doc: Doc, i: int, j: int, *, speech: bool = True) -> bool:
    """ "Lenin, who said", "Stalin deported", "Cruz's wife", "X, 45,": what only people do or have
    (``speech=False``: not the subject of a speech verb, which newspapers and firms also are)."""
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
    """ "Keith Lamont Scott, 43, was killed" typed ORG: a known given name, two or three name
    words, and what only people do or have (an age, "who", subject of "said")."""
    text = token_table(doc).text
    return label == "ORG" and 2 <= j - i <= 3 and names.known_given_name(text[i]) \
        and names.looks_like_name(text[i:j]) and _person_context(doc, i, j, speech=False)


def group_entities(doc: Doc) -> list[Entity]:
    text = doc_text(doc)
    t = token_table(doc)
    ents = t.ents
    spans: list[tuple[int, int, str, str | None]] = []  # (tok start, tok end, label, title)
    for ent_start, ent_end, label in ents:
        if label not in ENTITY_TYPES and label not in ("WORK_OF_ART", "PRODUCT"):
            continue
        i, j, title = trim(doc, ent_start, ent_end)
        if i >= j or not any(t.is_alpha[i:j]):
            continue
        if label != "PERSON" and label not in GEO_LABELS and (
                person_after_title(doc, i) or particle_shaped(t.text[i:j]) or _person_typed_org(doc, i, j, label)) \
                and places.lookup(t.span_text(i, j)) is None and all(cap(t, k) or t.text[k] in names.particles()
                                                                     for k in range(i, j)):
            label = "PERSON"
            if i > 0 and t.is_title[i - 1] and not t.ent_type[i - 1] and t.text[i - 1] not in names.titles():
                i -= 1  # the given name left outside ("Renaud" + "Donnedieu de Vabres")
        elif label == "PRODUCT" and 2 <= j - i <= 3 and t.text[i] in names.given_names() \
                and names.looks_like_name(t.text[i:j]):
            label = "PERSON"  # "Justin Gatlin" typed PRODUCT
        if label == "PRODUCT":
            continue
        if label == "PERSON":
            i, j = extend(doc, i, j)
        spans.append((i, j, label, title))
    spans = join_adjacent_names(doc, spans)
    person_toks = {k for i, j, lab, _ in spans if lab == "PERSON" for k in range(i, j)}
    for i, j in east_asian_candidates(doc, person_toks):
        spans.append((i, j, "PERSON", None))
        person_toks.update(range(i, j))
    spans += unlabelled_places(doc, {k for i, j, _, _ in spans for k in range(i, j)})
    spans = trim_to_known_names(doc, spans)
    extra, spans = surname_tokens(doc, spans)
    spans += [(k, k + 1, "PERSON", None) for k in extra]
    person_toks = {k for i, j, lab, _ in spans if lab == "PERSON" for k in range(i, j)}
    # Person spans win over overlapping NORP/other spans ("Han" NORP inside "Han Tae Yong").
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str, str | None]] = []
    for s in spans:
        if s[2] != "PERSON" and any(k in person_toks for k in range(s[0], s[1])):
            continue
        if kept and s[0] < kept[-1][1]:
            if s[2] == "PERSON" and kept[-1][2] == "PERSON":
                continue
            if kept[-1][2] != "PERSON" and s[2] == "PERSON":
                kept[-1] = s
            continue
        kept.append(s)

    alias_pairs = declared_aliases(doc, [(i, j) for i, j, _, _ in kept])
    place_alias = set()
    for a, b in alias_pairs:
        ta, tb = t.span_text(*a), t.span_text(*b)
        if places.same_place(ta, tb) or (places.lookup(ta) and places.lookup(tb)):
            place_alias.update((a, b))

    people: list[Person] = []
    by_surname: dict[str, list[Person]] = {}
    mention_owner: dict[tuple[int, int], Person] = {}
    others: dict[tuple[str, str], Entity] = {}
    span_entity: dict[tuple[int, int], Entity | Person] = {}

    def add_other(i: int, j: int, label: str) -> Entity:
        name = names.strip_possessive(t.span_text(i, j))
        key = (label, name)
        if label in GEO_LABELS:  # one place whether spaCy said GPE or LOC ("North and South")
            key = next((k for k in (("GPE", name), ("LOC", name)) if k in others), key)
        if key not in others:
            others[key] = Entity(name=name, type=label)
        s = t.idx[i]
        others[key].mentions.append((s, s + len(name)))
        span_entity[(i, j)] = others[key]
        return others[key]

    person_ends = {i: j for i, j, label, _ in kept if label == "PERSON"}
    title_names: list[str] = []
    for i, j, label, title in kept:
        span_text = t.span_text(i, j)
        if label in ("PERSON", "ORG", "NORP", "FAC") and span_text not in by_surname \
                and is_place(doc, i, j, span_text, (i, j) in place_alias):
            add_other(i, j, "GPE")
            continue
        if label in ("WORK_OF_ART", "ORG"):
            title_name = name_in_title(doc, i, j)
            if title_name:
                title_names.append(title_name)
        if label == "WORK_OF_ART" or label == "EVENT":
            places_in_name(doc, i, j, add_other)
            if label == "EVENT":
                add_other(i, j, label)
            continue
        if label != "PERSON":
            add_other(i, j, label)
            continue
        words = name_words(doc, i, j)
        if len(words) > 1 and words[-1] in names.org_words():
            add_other(i, j, "ORG")  # "Globex Corporation", "Crosscut Strategies" typed PERSON
            continue
        if len(words) > 1 and t.tag[i] in _NOT_NAME_START_TAGS and words[0] not in names.given_names():
            continue  # "Being Digital"
        if not names.looks_like_name(words) or not_a_person_here(doc, j):
            continue
        m = _mention(doc, i, j, title)
        shared = shared_surname(doc, i, j, person_ends)
        if shared:
            m.words.append(shared)  # "Charles G. and David H. Koch" -> Charles G. Koch
        p = _resolve(people, by_surname, m)
        _attach(doc, p, m, mention_owner)
        span_entity[(i, j)] = p

    # Declared aliases: the later name joins the entity of the earlier one.
    for a, b in alias_pairs:
        ea, eb = span_entity.get(a), span_entity.get(b)
        if ea is None or eb is None or ea is eb:
            continue
        if isinstance(ea, Entity) and isinstance(eb, Entity):
            if eb.name not in ea.aliases:
                ea.aliases.append(eb.name)
            ea.mentions.extend(eb.mentions)
            eb.mentions = []
    for extra_name, span in named_groups(doc):
        if not any(s <= span[0] < e for ent in others.values() for s, e in ent.mentions):
            ent = others.setdefault(("ORG", extra_name), Entity(name=extra_name, type="ORG"))
            ent.mentions.append(span)

    _name_from_titles(people, title_names)
    lower_words = set(compress(t.text, t.is_lower))
    org_texts = {t.span_text(s, e) for s, e, label in ents if label == "ORG"}
    family_names = {p.parts.surname for p in people if p.full and names.known_given_name(p.parts.first)}
    out: list[Entity] = [_person_entity(p, text) for p in people
                         if p.mentions and is_person(doc, p, lower_words, org_texts, family_names)]
    for ent in others.values():
        if not ent.mentions:
            continue
        if ent.type in GEO_LABELS:
            place = places.lookup(ent.name) or next(filter(None, map(places.lookup, ent.aliases)), None)
            if place is not None:
                ent.geo = place.geo()
        ent.mentions.sort()
        out.append(ent)
    out.sort(key=lambda e: e.mentions[0])
    return out


def _name_from_titles(people: list[Person], title_names: list[str]) -> None:
    """ "Laura" and "Harvey", only ever named in full inside "The Laura Ingraham Show" and "The
    Steve Harvey Show", take that full name when it is the only one that fits and nobody in the
    article already carries a full name with that word."""
    if not title_names:
        return
    full_words = {w for p in people if p.full for w in p.name.split()}
    for p in people:
        if p.full or p.name in full_words:
            continue
        fits = {t for t in title_names if p.name in (names.parse(t).first, names.parse(t).surname)}
        if len(fits) == 1:
            p.aliases.append(p.name)
            p.name = fits.pop()


def _attach(doc: Doc, p: Person, m: Mention, owner: dict[tuple[int, int], Person]) -> None:
    if not p.mentions:
        p.relative = m.relative
    if len(m.words) > 1 and not p.relative and (m.roles or m.role_after):
        p.prominent_at = m.char_start
    p.mentions.append(m)
    p.evidence = p.evidence or m.evidence
    owner[(m.char_start, m.char_end)] = p
    surface = " ".join(m.words)
    if len(m.words) == 1 or (m.words and not names.parse(surface).given):
        p.short_forms_used_at[m.words[0]] = m.char_start
    else:
        p.full_forms[surface] = p.full_forms.get(surface, 0) + 1
    if surface != p.name and surface not in p.aliases:
        p.aliases.append(surface)
    if m.title:
        kind, gender = names.titles()[m.title]
        if gender != "-" and p.gender == "-":
            p.gender = gender
        if kind == "office" and m.title not in p.roles and not m.role:
            p.roles.append(m.title)
        if len(m.words) == 1:
            form = f"{m.title} {surface}"
            if form not in p.aliases:
                p.aliases.append(form)
    for role in m.roles:
        if role not in p.roles:
            p.roles.append(role)
    if m.role:
        if len(m.words) == 1 and len(m.role.split()) <= 2 and m.role_start is not None:
            form = doc_text(doc)[m.role_start : m.char_end]
            if form not in p.aliases:
                p.aliases.append(form)
    for extra in (m.role_ahead, m.role_after):
        if extra and extra not in p.roles:
            p.roles.append(extra)
            p.evidence = True


def _introduced_as_relative(doc: Doc, m: Mention) -> bool:
    """ "his wife, Heidi Cruz", "Trump's son Donald Trump Jr.", "Heidi Cruz, his wife"."""
    kinship = names.kinship_nouns()
    if any(w in kinship for r in m.roles for w in r.lower().split()):
        return True
    if not kinship.isdisjoint(token_table(doc).lower[max(0, m.start - 3) : m.start]):
        return True
    around = f"{m.role_ahead or ''} {m.role_after or ''}"
    return not kinship.isdisjoint(around.lower().split())


def _person_entity(p: Person, text: str) -> Entity:
    mentions = sorted({(m.char_start, m.char_end) for m in p.mentions})
    if p.full_forms:  # the commonest full form names the person ("Hillary Clinton", not "Crooked Hillary Clinton")
        best = max(p.full_forms.items(), key=lambda kv: (kv[1], -len(kv[0].split())))[0]
        if best != p.name and p.full_forms.get(p.name, 0) < p.full_forms[best]:
            p.aliases.append(p.name)
            p.name = best
    aliases = [a for a in dict.fromkeys(p.aliases) if a != p.name]
    return Entity(name=p.name, type="PERSON", mentions=mentions, aliases=aliases, roles=p.roles)

