"""What one mention of a name says of the person: title, roles, gender, a relative.

Read once per name span while ``people.group_mentions`` groups them; ``person_resolution``
then uses these to pick the person a short form means and to fill the person in.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.analyse.base.token_table import TokenTable, token_table
from newsgraph.analyse.base.tree_edges import tree_edges
from newsgraph.analyse.entities import names
from newsgraph.analyse.entities.entity_spans import person_context
from newsgraph.analyse.entities.gender import mention_gender
from newsgraph.analyse.entities.name_spans import POSSESSIVE_TOKENS, name_words
from newsgraph.analyse.entities.person import Mention

_ROLE_GLUE = {"of", "and", "-", "&"}
_CLAUSE_OPENERS = {"and", "or", "but", "who", "which", "said", "says"}
"""Words that may follow an appositive role ("X, a lawyer, said"; "X, a lawyer who ...")."""
_DETERMINERS = {"the", "a", "an"}
_LINKED_DEPS = {"compound", "amod", "nmod", "appos", "conj", "flat", "nn"}
PLURAL_TITLES = {"princes": "Prince", "princesses": "Princess", "kings": "King", "queens": "Queen"}
"""A plural title before coordinated names gives each the title: "Princes William and Harry"."""


def read_mention(doc: Doc, i: int, j: int, title: str | None) -> Mention:
    """Tokens i..j (a person's name, ``title`` spaCy's span carried) as a ``Mention``: all the
    context says of the person there, read once, since grouping and judging read it again."""
    t = token_table(doc)
    if title is None and i > 0 and t.text[i - 1] in names.titles():
        title = t.text[i - 1]
    if title is None and j - i == 1:
        title = _plural_title(t, i)
    roles, role_start = _roles_before(doc, i, j)
    gender = names.titles().get(title or "", ("", "-"))[1]
    if gender == "-":
        gender = mention_gender(doc, i, j)  # "Cruz said he ...", "Ann Lee, Jo's sister,"
    neuter = gender == "n"
    gender = "-" if neuter else gender
    thing_like = i > 0 and t.lower[i - 1] in _DETERMINERS and not roles and not title \
        or j - i == 1 and j < t.n and t.pos[j] == "NOUN" and bool(t.is_lower[j])
    modifier = j < t.n and bool(t.is_lower[j]) and t.pos[j] == "NOUN" \
        and t.dep[j - 1] in ("compound", "nmod", "amod") and t.head[j - 1] >= j
    m = Mention(i, j, t.idx[i], t.end_char(j - 1), name_words(doc, i, j), title, roles,
                role_start, gender, bool(title or roles) or person_context(doc, i, j), thing_like)
    m.modifier = modifier
    m.neuter = neuter
    m.plural = j - i == 1 and t.tag[i] in ("NNS", "NNPS")
    m.role_ahead, m.role_after = _role_ahead(doc, i, j), _role_after(doc, i, j)
    m.relative = _introduced_as_relative(doc, m)
    return m


def _plural_title(t: TokenTable, i: int) -> str | None:
    """ "Princes William and Harry": the title each of the coordinated given names bears (not
    "Kings Cross and Euston": a place's name)."""
    if not names.known_given_name(t.text[i]):
        return None
    if i > 0 and t.lower[i - 1] in PLURAL_TITLES:
        return PLURAL_TITLES[t.lower[i - 1]]
    if i > 2 and t.lower[i - 1] == "and" and t.lower[i - 3] in PLURAL_TITLES and names.known_given_name(t.text[i - 2]):
        return PLURAL_TITLES[t.lower[i - 3]]
    return None


def _introduced_as_relative(doc: Doc, m: Mention) -> bool:
    """ "his wife, Heidi Cruz", "Trump's son Donald Trump Jr.", "Heidi Cruz, his wife"."""
    kinship = names.kinship_nouns()
    if any(w in kinship for r in m.roles for w in r.lower().split()):
        return True
    if not kinship.isdisjoint(token_table(doc).lower[max(0, m.start - 3) : m.start]):
        return True
    around = f"{m.role_ahead or ''} {m.role_after or ''}"
    return not kinship.isdisjoint(around.lower().split())


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
        if t.ent_type[p] in ("DATE", "TIME") or t.dep[p] in ("advmod", "npadvmod") \
                or text[p].endswith(".") and text[p] not in titles:
            break  # the sentence's own words: "In October Tory leader X", "Earlier Tory leader X", "… 16m. Gen X"
        k -= 1
    while k < i and (lower[k] in _ROLE_GLUE or pos[k] == "CCONJ" or t.length[k] < 2):
        k += 1
    # "the death of conservative Justice Antonin Scalia": the role is what follows "of",
    # unless "of" belongs to an office ("Secretary of State").
    for m in range(i - 1, k, -1):
        if lower[m] == "of" and not t.is_title[m - 1]:
            k = m + 1
            break
    if k >= i or k > 0 and pos[k - 1] == "NUM" and t.tag[k] == "NNS":
        return [], None  # "512 megabytes Ram": a quantity's unit, no role
    last = i - 1
    linked = i <= t.head[last] < j or last in t.head[i:j] or t.dep[last] in _LINKED_DEPS
    if not linked:
        return [], None
    roles: list[str] = []
    start = k
    for m in range(k, i + 1):
        if m == i or lower[m] == "and":
            if m > start and any(pos[q] == "NOUN" and not any(c.isdigit() for c in text[q]) or text[q] in titles
                                 for q in range(start, m)) \
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
            after = max(sub) + 1
            if after < t.n and not (t.is_punct[after] or t.lower[after] in _CLAUSE_OPENERS):
                return None  # "said Mr Lee, this data was lost": a new clause's subject, not his role
            relative = [k for k in sub if t.dep[k] == "relcl"]
            if relative:  # "boss of Acme, which made the tool": the role ends before the clause
                sub = [k for k in sub if k < tree_edges(doc).left[relative[0]]]
            if not sub or len(sub) > 10 or not any(t.pos[k] == "NOUN" for k in sub):
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
