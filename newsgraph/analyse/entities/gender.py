"""A person's gender from what the article says, as the Gender Gap Tracker counts the people quoted.

What one mention says (``mention_gender``): a pronoun referring back to the name as subject,
in its own clause ("Ann Lee said she ...") or as the subject of the next sentence ("Ann Lee, a
lawyer, spoke. 'No,' she said."), and a gendered noun in apposition ("Ann Lee, Jo's sister").
A pronoun says nothing when someone else could be meant: another name or a person noun
before it ("Lee told Stumpf, after he ..."), an object of the name's own verb ("Lee met
her"), a contrasted clause ("why Lee struggled where he succeeded"), a predicate about the
name ("considers Lee her mentor"). The person's gender (``person_gender``) is a two-thirds
majority of what the mentions and roles say, with a clearly gendered given name as a weaker
vote; null rather than a guess. ``plain_given_gender`` is gender-guesser's reading of a given
name only when next to no country gives it to the other gender ("Jean", "Andrea", "Rand": neither).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from newsgraph.analyse.base.token_table import TokenTable, token_table
from newsgraph.analyse.base.tree_edges import tree_edges
from newsgraph.analyse.entities import names
from newsgraph.analyse.entities.person import Person

GENDERS = {"f": "female", "m": "male"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f", "it": "n", "its": "n"}
GIVEN_NAME_WEIGHT = 0.75
"""A given name of names_given.tsv (common in English-language news) votes so: it agrees or breaks
a tie, but one pronoun against it leaves the gender null (one misread pronoun must not make
Hillary male) and two outvote it."""
GUESSED_NAME_WEIGHT = 0.5
"""A name only gender-guesser knows ("Jayanti", "Joss") votes so: one pronoun outvotes it."""
MAJORITY = 2 / 3
_CONTRAST = frozenset({"while", "whereas", "where", "unlike", "than", "although", "though", "whilst"})
"""A clause so introduced sets its subject against the name's ("Lee struggled where he succeeded")."""
_ROLE_END = frozenset({"of", "for", "at", "to", "in", "who", "with", "from", "on", "and", "whose", "since"})
"""Where a role's head noun ends: "wife of the president" is a wife, "friend of the widow" a friend."""
_OBJECTS = frozenset({"dobj", "dative", "iobj", "pobj", "obj"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})
_LOOKAHEAD = 12
"""Tokens after a name within which a pronoun of its own clause may refer back to it."""


def mention_gender(doc: Doc, i: int, j: int) -> str:
    """ "f", "m", "n" (a thing: "Pernod said it") or "-" from what the context of the name at
    tokens i..j says: a gendered noun in apposition, else a pronoun referring back to it."""
    t = token_table(doc)
    root = _span_root(t, i, j)
    said = appositive_gender(doc, root, j)
    if said != "-":
        return said
    if t.dep[root] not in ("nsubj", "nsubjpass") or t.pos[t.head[root]] not in ("VERB", "AUX"):
        return "-"  # "considers Lee her mentor": no verb of the name's own
    said, open_ = _own_clause(doc, root, j)
    if said != "-" or not open_:
        return said
    return _next_sentence(doc, root, j)


def appositive_gender(doc: Doc, root: int, j: int) -> str:
    """ "Ann Lee, Jo's younger sister," / "Lee, the first woman to ...": the appositive's head
    noun is a gendered person noun (whose ever the possessive before it)."""
    t = token_table(doc)
    words = _person_nouns()
    for c in tree_edges(doc).children[root]:
        if t.dep[c] == "appos" and c > j and t.pos[c] == "NOUN" and t.tag[c] == "NN":
            return words.get(t.lower[c], "-")
    return "-"


def _span_root(t: TokenTable, i: int, j: int) -> int:
    """The token of the name whose head lies outside it (its last word when the parse disagrees)."""
    return next((k for k in range(i, j) if not i <= t.head[k] < j or t.head[k] == k), j - 1)


def _own_clause(doc: Doc, root: int, j: int) -> tuple[str, bool]:
    """(gender of the first pronoun after the name within the clause the name is subject of,
    whether nothing there stood in the way: no other person, no pronoun, no quotation)."""
    t = token_table(doc)
    edges = tree_edges(doc)
    verb = t.head[root]
    end = min(t.sent_bounds[root][1], edges.right[verb] + 1, j + _LOOKAHEAD, t.n)
    own = _own_words(doc, root)  # "Lee, a lawyer, said he"
    for k in range(j, end):
        if t.text[k] in _QUOTE_MARKS or t.text[k] == "‘":
            return "-", False
        if k in own:
            continue
        if _someone_else(doc, k):
            return "-", False
        g = PRONOUN_GENDER.get(t.lower[k])
        if g is None:
            continue
        if g == "n":
            if k <= j + 1:
                return "n", False  # only "Pernod said it", not "explained how important it is"
            continue
        if _another_referent(doc, k, verb):
            return "-", False
        if _inside_another_clause(t, k, verb, root):
            continue  # "Walker said the timing was unlikely to help his efforts": about someone else
        return ("-" if _same_gender_before(doc, root, j, g) else g), False
    return "-", True


_CLAUSES = frozenset({"ccomp", "advcl", "csubj", "csubjpass", "relcl", "parataxis"})


def _inside_another_clause(t: TokenTable, k: int, verb: int, root: int) -> bool:
    """The pronoun at k lies in a clause under ``verb`` whose subject it is not (nor that
    subject's possessive, nor the name's own "who" clause): "said he would", "said his team
    had", "Lee, who made a fortune from his trade," count; "said the timing would not help his
    efforts" does not."""
    node = k
    while node != verb and t.head[node] != node:
        if t.dep[node] in _CLAUSES:
            subject = t.head[k] == node and t.dep[k] in ("nsubj", "nsubjpass")
            owner = t.dep[k] == "poss" and t.head[t.head[k]] == node and t.dep[t.head[k]] in ("nsubj", "nsubjpass")
            if not (subject or owner or _relative_of(t, node, root)):
                return True
        node = t.head[node]
    return False


def _relative_of(t: TokenTable, clause: int, root: int) -> bool:
    """``clause`` is a relative clause about the name at ``root`` whose subject is its "who"."""
    return t.dep[clause] == "relcl" and t.head[clause] == root and any(
        t.head[c] == clause and t.dep[c] in ("nsubj", "nsubjpass") and t.lower[c] in ("who", "that")
        for c in range(t.sent_bounds[clause][0], clause))


def _same_gender_before(doc: Doc, root: int, j: int, g: str) -> bool:
    """Someone else of that gender was just referred to: a pronoun or an honorific of gender
    ``g`` in the narration of the previous sentence or of this one before the name ("Ms Love
    was charged. Judge Rand Rubin said she must ..."): the pronoun may be theirs."""
    t = token_table(doc)
    start = t.sent_bounds[root][0]
    before = t.sent_bounds[start - 1][0] if start else start
    quoted = _quoted_tokens(doc)
    own = _own_words(doc, root)
    titles = names.titles()
    name_words = {t.text[k] for k in own if t.pos[k] == "PROPN"}
    for k in range(before, min(j, t.n)):
        if quoted[k] or k in own:
            continue
        if PRONOUN_GENDER.get(t.lower[k]) == g:
            return True
        if titles.get(t.text[k], ("", ""))[1] == g and titles[t.text[k]][0] == "honorific" \
                and not (k + 1 < t.n and t.text[k + 1] in name_words):
            return True  # not "Ms Lee" of this very person
    return False


def _own_words(doc: Doc, root: int) -> set[int]:
    """The name's own words and description: its subtree ("England coach", "a lawyer", "Jo's
    sister") without relative clauses and coordinated people, where others may be named."""
    t = token_table(doc)
    edges = tree_edges(doc)
    out = set(range(edges.left[root], edges.right[root] + 1))
    for c in edges.children[root]:
        if t.dep[c] in ("relcl", "acl", "conj", "cc"):  # "Gibson and his partner Bruce Davey said"
            out -= set(range(edges.left[c], edges.right[c] + 1))
    return out


def _someone_else(doc: Doc, k: int) -> bool:
    """Token k could be another person a pronoun after it refers to: a person's name (tagged so
    here or elsewhere in the article, or an untagged proper noun), or a singular person noun."""
    t = token_table(doc)
    if t.pos[k] == "PROPN" and (t.ent_type[k] == "PERSON" or t.text[k] in _person_words(doc)
                                or t.ent_type[k] == "" and t.tag[k] == "NNP" and (k == 0 or t.lower[k - 1] != "the")):
        return True  # not "the Gunners", "the BBC"
    return t.tag[k] == "NN" and (t.lower[k] in _person_nouns() or t.lower[k] in names.person_roles())


def _another_referent(doc: Doc, k: int, verb: int) -> bool:
    """The pronoun at k cannot be the subject named before it: an object of the subject's own
    verb ("Lee met her", "Lee told her") or the subject of a contrasted clause."""
    t = token_table(doc)
    head = t.head[k]
    if t.tag[k] == "PRP" and t.dep[k] in _OBJECTS and t.lower[k] not in ("himself", "herself"):
        if head == verb or t.pos[head] == "ADP" and t.head[head] == verb:
            return True
    if t.dep[k] in ("nsubj", "nsubjpass"):
        return any(t.lower[c] in _CONTRAST for c in tree_edges(doc).children[head] if t.dep[c] in ("mark", "advmod"))
    return False


def _next_sentence(doc: Doc, root: int, j: int) -> str:
    """The subject pronoun of the next sentence, outside quotation marks, when the name's
    sentence names no one else and nobody is named before that pronoun ("Ann Lee, a lawyer,
    spoke. 'Quote,' she said.")."""
    t = token_table(doc)
    start, end = t.sent_bounds[root]
    quoted = _quoted_tokens(doc)
    own = _own_words(doc, root)
    titles = names.titles()
    for k in range(start, end):
        if quoted[k] or k in own or t.text[k] in titles:
            continue
        if _someone_else(doc, k) or t.lower[k] in PRONOUN_GENDER:
            return "-"
    if end >= t.n:
        return "-"
    for k in range(end, t.sent_bounds[end][1]):
        if quoted[k] or t.text[k] in _QUOTE_MARKS:
            continue
        if _someone_else(doc, k):
            return "-"
        g = PRONOUN_GENDER.get(t.lower[k])
        if g is None:
            continue
        return g if g != "n" and t.dep[k] in ("nsubj", "nsubjpass") and t.tag[k] == "PRP" else "-"
    return "-"


def _quoted_tokens(doc: Doc) -> list[bool]:
    """Per token: between double quotation marks in its paragraph (someone's words), by the
    marks' parity; cached on the doc."""
    found = doc.user_data.get(_QUOTED_KEY)
    if found is None:
        t = token_table(doc)
        found, inside = [], False
        for k in range(t.n):
            if k and "\n" in t.doc_text[t.end_char(k - 1) : t.idx[k]]:
                inside = False
            mark = t.text[k] in _QUOTE_MARKS
            if mark:
                inside = t.text[k] in ("“", "``") or t.text[k] != "”" and not inside
            found.append(inside and not mark)
        doc.user_data[_QUOTED_KEY] = found
    return found


_QUOTED_KEY = "newsgraph_gender_quoted"
_PERSON_WORDS_KEY = "newsgraph_gender_person_words"


def _person_words(doc: Doc) -> frozenset[str]:
    """Words spaCy tags PERSON somewhere in the article ("Trump", though typed ORG here)."""
    found = doc.user_data.get(_PERSON_WORDS_KEY)
    if found is None:
        t = token_table(doc)
        found = doc.user_data[_PERSON_WORDS_KEY] = frozenset(
            t.text[k] for k in range(t.n) if t.ent_type[k] == "PERSON" and t.pos[k] == "PROPN")
    return found


@cache
def _person_nouns() -> dict[str, str]:
    """Gendered nouns of ``gender_words.tsv`` (not pronouns, not abbreviations): "wife" -> f."""
    return {w: g for w, g in names.gender_words().items() if w not in PRONOUN_GENDER and not w.endswith(".")}


def role_gender(role: str) -> str:
    """The gender a role's head noun says: "Jarek's younger sister" f, "wife of the president" f,
    "a friend of the widow" nothing (a friend)."""
    words = []
    for w in role.lower().split():
        if w in _ROLE_END:
            break
        words.append(w)
    return names.gender_words().get(words[-1], "-") if words else "-"


def person_gender(p: Person) -> str | None:
    """ "female" or "male" by a two-thirds majority of what the text says of the person (gendered
    titles, pronouns referring back, gendered role, kin and appositive nouns) with a clearly
    gendered given name (names_given.tsv, else ``plain_given_gender``) as a weaker vote
    (``GIVEN_NAME_WEIGHT``, ``GUESSED_NAME_WEIGHT``); with nothing said, a names_given.tsv name alone (the store guesses
    from gender-guesser's names only where no article says anything); else None (no guess)."""
    return gender_and_basis(p)[0]


def gender_and_basis(p: Person) -> tuple[str | None, str | None]:
    """``person_gender`` and what decided it: "text" when what the text says (titles, pronouns,
    role and kin words) makes the majority on its own, "name" when the given name was needed (or
    was all there was); None with no gender. So a reader (and the store) can tell an inferred
    gender from a read one."""
    votes = {"f": 0.0, "m": 0.0}
    for m in p.mentions:
        if m.gender in votes:
            votes[m.gender] += 1
    for r in p.roles:
        g = role_gender(r)
        if g in votes:
            votes[g] += 1
    total = votes["f"] + votes["m"]
    given = names.gender_of(p.name)
    if not total:  # nothing said: a name names_given.tsv lists as plainly one gender, or no guess
        found = GENDERS.get(given)
        return found, "name" if found else None
    said = next((GENDERS[g] for g in ("f", "m") if votes[g] >= total * MAJORITY), None)
    weight = GIVEN_NAME_WEIGHT
    if given not in votes and not p.parts.family_first and p.parts.given:
        given = {"female": "f", "male": "m"}.get(plain_given_gender(p.parts.first) or "", "-")
        weight = GUESSED_NAME_WEIGHT
    if given in votes:
        votes[given] += weight
        total += weight
    found = next((GENDERS[g] for g in ("f", "m") if votes[g] >= total * MAJORITY), None)
    if found is None:
        return None, None
    return found, "text" if said == found else "name"


def plain_given_gender(word: str) -> str | None:
    """ "female" or "male" when gender-guesser calls the name so and the countries that give it
    to the other gender (or to both) weigh at most ``OTHER_GENDER_SHARE`` of those that give it
    this one; else None: "Jean" (male in France, female in Britain), "Andrea", "Rand"."""
    det = names.given_name_detectors()[1]
    guess = det.get_gender(word) if det is not None else None
    if guess not in ("male", "female"):
        return None
    this = other = 0.0
    for label, countries in det.names[word.lower()].items():
        weight = _frequency(countries) * (0.5 if label.startswith("mostly_") else 1.0)
        if label.removeprefix("mostly_") == guess:
            this += weight
        else:  # the other gender, or "andy"
            other += weight
    return guess if other <= this * OTHER_GENDER_SHARE else None


OTHER_GENDER_SHARE = 0.05
"""How much use elsewhere a name may have for the other gender and still count as plainly one
(gender-guesser's per-country frequencies): "Jordan", "Ali" yes; "Andrea" (male in Italy) no."""


def _frequency(countries: str) -> int:
    """gender-guesser's per-country frequency codes ("1".."9", "A".."D") summed: how widely and
    how commonly a name is used (what its own ``get_gender`` weighs ties by)."""
    return sum(int(c, 16) if c in "0123456789ABCDEF" else ord(c) - 55 for c in countries if c != " ")
