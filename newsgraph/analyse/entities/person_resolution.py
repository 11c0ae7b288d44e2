"""Which person of the article a mention means, and what the finished people are called.

A full name opens a person; a short form ("Kim", "Ms Hewitt") joins the person it most plausibly
means (``resolve_mention``), and each mention adds its roles, gender and forms to that person
(``attach_mention``). After grouping, people whose full name the text gives elsewhere are named
(``name_from_titles``, ``name_relatives``), an office holder is told from a candidate of that
surname (``separate_office_holders``), and each person becomes an ``Entity`` (``person_entity``).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from newsgraph.analyse.base.doc import doc_text
from newsgraph.analyse.base.token_table import TokenTable, token_table
from newsgraph.analyse.entities import names
from newsgraph.analyse.entities.entity_joins import FIRST_NAME_TITLES
from newsgraph.analyse.entities.gender import gender_and_basis
from newsgraph.analyse.entities.name_spans import POSSESSIVE_TOKENS
from newsgraph.analyse.entities.person import Mention, Person
from newsgraph.model import Entity

HOLD_WINDOW = 600
"""Characters after its last use within which a short form ("Scott") stays with its holder."""
PEERAGE = frozenset({"Lord", "Lady", "Baroness", "Viscount"})
"""Titles that, before a single name, are part of how the person is named ("Lord Harris")."""
ROYAL_TITLES = frozenset({"Prince", "Princess", "King", "Queen", "Pope"})
"""Titles borne with a given name and no family name ("Prince Charles" is no Charles Kennedy)."""
NAMING_TITLES = PEERAGE | ROYAL_TITLES | {"Sir", "Dame", "Uncle", "Aunt", "Auntie"}
"""Titles a reader names a person by when the text gives no full name ("Prince Charles")."""


# ---------------------------------------------------------------- which person a mention means


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


def resolve_mention(people: list[Person], by_surname: dict[str, list[Person]], m: Mention, text: str = "") -> Person:
    """The person ``m`` means: a full name finds or renames its person, else opens one; a short
    form goes to ``_choose``'s pick, else opens one. New people join ``people`` and ``by_surname``.
    ``text`` (the article) lets a list tell its people apart (``listed_apart``, ``club_rules_out``)."""
    name = " ".join(m.words)
    parts = names.parse(name)
    if parts.given:
        same_surname = {id(p): p for key in (parts.surname, _capitalised(parts.surname), m.words[-1])
                        for p in by_surname.get(key, [])}
        for p in sorted(same_surname.values(), key=lambda p: p.first):
            if p.full and not listed_apart(text, p, m, name) and (names.same_person_name(p.name, name) or names.is_tail_of(name, p.name)
                           or names.is_tail_of(p.name, name) or names.familiar_form(p.name, name)):
                return p
        owner = None if same_surname or m.relative else _given_names_owner(people, m.words)
        if owner is not None:  # "Juan Carlos" after Juan Carlos Ferrero
            return owner
        earlier_short = [p for key in dict.fromkeys((parts.surname, _capitalised(parts.surname)))
                 for p in by_surname.get(key, []) if not p.full]
        if not earlier_short and not parts.family_first:  # "Judy" before "Judy Finnigan", not "Prince Charles"
            earlier_short = [p for p in people if not p.full and p.name == parts.first
                             and not any(pm.title in ROYAL_TITLES for pm in p.mentions)]
        # "President Obama ... Michelle Obama": a full name of the other gender, or a relative,
        # is someone else, not the full name of the person so far called by the surname.
        new_gender = names.gender_of(name)
        earlier_short = [p for p in earlier_short if not m.relative and (p.gender == "-" or new_gender in ("-", p.gender))]
        if _INITIAL.fullmatch(" ".join(parts.given)):  # "Clark (Stewart 51)" of a line-up is not the referee "K Clark"
            earlier_short = [p for p in earlier_short if not all(listed(text, pm) for pm in p.mentions)]
        if earlier_short and not parts.suffix:  # "Trump" or "Judy" before "Donald Trump", "Judy Finnigan"
            p = max(earlier_short, key=lambda p: p.first)
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
    initial = initial_before(text, m)
    if initial:  # "S Easterby" in a team list, the initial left out of the name, is not Guy Easterby
        cands = [p for p in cands if p.full and p.parts.first[:1] == initial]
        if not cands:
            initialled = Person(f"{initial} {name}", m.char_start)
            people.append(initialled)
            by_surname.setdefault(short, []).append(initialled)
            return initialled
    if m.title and names.titles()[m.title][0] == "office":
        cands = [p for p in cands if not _office_rules_out(p, m.title)]
    if m.title in PEERAGE:  # "Lord Roberts of Conwy" is not the article's Sion Roberts
        cands = [p for p in cands if any(pm.title in PEERAGE for pm in p.mentions) or p.full and peer_of(text, m, p.gender)]
    club = bracketed_club(text, m)
    if club:  # "Roberts (Tranmere)" in a squad list is not the article's "Wrexham defender Stephen Roberts"
        cands = [p for p in cands if not club_rules_out(text, p, club)]
    chosen = _choose([p for p in cands if p.full], m, short, strict=True) or _choose(cands, m, short)
    if chosen is None:
        given = [p for p in people if p.full and names.same_given_name(short, p.parts.first)
                 and (m.title not in ROYAL_TITLES or any(pm.title == m.title for pm in p.mentions))]
        chosen = _choose(given, m, short)
    if chosen is None and names.known_given_name(short):  # "Rob" for the article's one Robbie Williams
        given = [p for p in people if p.full and not p.parts.family_first
                 and names.short_forms_of_one_name(short, p.parts.first)]
        if len(given) > 1:  # "Rob" beside Robbie Williams and Bob Geldof: the form it starts
            given = [p for p in given if p.parts.first.startswith(short)]
        chosen = given[0] if len(given) == 1 else None
    if chosen is None:  # "President Lula" after "Luiz Inacio Lula da Silva": a name inside the full name
        inner = [p for p in people if p.full and short in p.parts.given[1:] and len(short) > 2]
        chosen = _choose(inner, m, short)
    if chosen is None:
        chosen = Person(name, m.char_start)
        people.append(chosen)
        by_surname.setdefault(short, []).append(chosen)
    return chosen


_INITIAL = re.compile(r"[A-Z]\.?")
_LISTED_BEFORE = re.compile(r"[,;]\s*$")
_LISTED_AFTER = re.compile(r"\s*(?:[,;]|\(\w)")


def listed(text: str, m: Mention) -> bool:
    """A mention written as an item of a list of names ("Winter, Clark (Stewart 51), Mackie")."""
    return bool(text) and (_LISTED_BEFORE.search(text, max(0, m.char_start - 3), m.char_start) is not None
                           or _LISTED_AFTER.match(text, m.char_end) is not None)


_TERRITORIAL = re.compile(r" of [A-Z]")


def peer_of(text: str, m: Mention, gender: str) -> bool:
    """ "Betty Boothroyd ... Baroness Boothroyd": a peerage title before the surname of a person the
    article names in full is that person's, unless the title's gender is not the person's; a peer
    introduced with a territorial designation ("Lord Roberts of Conwy") is a new person."""
    if m.title not in PEERAGE or gender not in ("-", names.titles()[m.title][1]):
        return False
    return _TERRITORIAL.match(text, m.char_end) is None


_INITIAL_BEFORE = re.compile(r"(?:^|[,;(]\s*|\s)([A-Z])\.? $")


def initial_before(text: str, m: Mention) -> str | None:
    """ "J Hayes, S Easterby": the initial written right before a surname the name left out, in a
    list or mid-sentence (not "A"/"I" opening a sentence)."""
    if not text or len(m.words) != 1:
        return None
    found = _INITIAL_BEFORE.search(text, max(0, m.char_start - 5), m.char_start)
    if found is None:
        return None
    letter = found[1]
    if letter in ("A", "I") and found[0].lstrip()[:1] not in (",", ";", "("):
        return None
    return letter


_LIST_GAP = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*")


def listed_apart(text: str, p: Person, m: Mention, name: str) -> bool:
    """ "Presidents George W Bush, Bill Clinton, George Bush": a full name written differently from
    one of ``p``'s full names in the same list of names (only commas, "and" and other names between
    them) is another person; a list does not name anyone twice."""
    for pm in p.mentions:
        if pm.char_end > m.char_start or len(pm.words) < 2 or " ".join(pm.words) == name:
            continue
        gap = text[pm.char_end:m.char_start]
        if len(gap) > 200:
            continue
        pieces = _LIST_GAP.split(gap)
        if len(pieces) >= 2 and not pieces[0] and not pieces[-1] and all(
                _CAPITALISED_RUN.fullmatch(piece) for piece in pieces[1:-1]):
            return True
    return False


_BRACKET_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z.' -]{1,30})\)")


def bracketed_club(text: str, m: Mention) -> str | None:
    """ "Roberts (Tranmere), Weston (Cardiff)": the capitalised words in brackets right after a name
    in a list where the names around it carry brackets too (a squad's clubs, a politician's party)."""
    if not text:
        return None
    found = _BRACKET_AFTER.match(text, m.char_end)
    if found is None:
        return None
    around = text[max(0, m.char_start - 120):m.char_start] + text[found.end():found.end() + 120]
    return found[1] if len(re.findall(r"\b[A-Z][a-z]+ \([A-Z][^()]{1,30}\)", around)) >= 2 else None


def club_rules_out(text: str, p: Person, club: str) -> bool:
    """The article gives ``p`` another club than the one in brackets: in a role ("Wrexham defender
    Stephen Roberts") or in brackets after one of p's mentions; a person given no club stays a candidate."""
    clubs = {found[1] for pm in p.mentions if (found := _BRACKET_AFTER.match(text, pm.char_end))}
    clubs |= {word for role in p.roles for word in role.split() if word[:1].isupper()}
    club_words = set(club.split())
    clubs_elsewhere = {c for c in clubs if not set(c.split()) & club_words and re.search(
        rf"\b\w+ \({re.escape(c)}\)", text)}
    return bool(clubs_elsewhere) and not any(set(c.split()) & club_words for c in clubs)


_OFFICE_WORDS = {"pres.": "president", "sen.": "senator", "sens.": "senator", "gov.": "governor",
                 "rep.": "representative", "reps.": "representative", "congressman": "representative",
                 "congresswoman": "representative"}
_OFFICE_ADJECTIVES = {"president": "presidential", "governor": "gubernatorial", "mayor": "mayoral",
                      "senator": "senate", "representative": "congressional"}
_CANDIDACY = {"nominee", "candidate", "hopeful", "contender", "challenger"}


def _office(word: str) -> str:
    return _OFFICE_WORDS.get(word.lower(), word.lower())


def _office_rules_out(p: Person, title: str) -> bool:
    """ "President Clinton" is not the article's Hillary Clinton when the text calls her a
    presidential nominee or candidate, or speaks of her campaign and never gives her the office:
    running for an office is not holding it."""
    office = _office(title)
    adjective = _OFFICE_ADJECTIVES.get(office)
    if adjective is None:
        return False
    roles = [set(r.lower().split()) for r in p.roles]
    if any(adjective in words and words & _CANDIDACY for words in roles):
        return True
    return p.campaigning and not any(office in {_office(w) for w in words} for words in roles)


_CAMPAIGN_LOOKAHEAD = 4
"""Tokens after a name within which "campaign" is the person's ("Clinton and her campaign")."""


def _campaigning(doc: Doc, m: Mention) -> bool:
    """ "the Clinton campaign", "Clinton's campaign", "Hillary Clinton and her campaign"."""
    t = token_table(doc)
    end = min(t.n, m.end + _CAMPAIGN_LOOKAHEAD, t.sent_bounds[m.end - 1][1])
    for k in range(m.end, end):
        if t.lemma[k].lower() == "campaign" and t.pos[k] == "NOUN":
            between = t.lower[m.end : k]
            return all(w in ("'s", "’s", "'", "and", "his", "her", "presidential") for w in between)
    return False


def _after_honorific(m: Mention) -> bool:
    """Written after "Mr", "Mrs", "Dr" …: a surname, however many words ("Mrs Parker Bowles")."""
    return m.title is not None and m.title not in FIRST_NAME_TITLES and names.titles()[m.title][0] == "honorific"


def attach_mention(doc: Doc, p: Person, m: Mention) -> None:
    """``m`` joins ``p``, in place: its forms, title, roles and gender become the person's, and a
    described full name makes ``p`` the one a later short form most plausibly means (``_choose``)."""
    if not p.mentions:
        p.relative = m.relative
    if len(m.words) > 1 and not p.relative and (m.roles or m.role_after):
        p.prominent_at = m.char_start
    p.mentions.append(m)
    p.evidence = p.evidence or m.evidence
    p.campaigning = p.campaigning or _campaigning(doc, m)
    surface = " ".join(m.words)
    if len(m.words) == 1 or (m.words and not names.parse(surface).given):
        p.short_forms_used_at[m.words[0]] = m.char_start
    else:
        p.full_forms[surface] = p.full_forms.get(surface, 0) + 1
        if _after_honorific(m):
            p.titled_forms.add(surface)
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


# ---------------------------------------------------------------- after grouping: who is who


def name_from_titles(people: list[Person], title_names: list[str]) -> None:
    """ "Laura" and "Harvey", only ever named in full inside "The Laura Ingraham Show" and "The
    Steve Harvey Show", take that full name, in place, when it is the only one that fits and
    nobody in the article already carries a full name with that word.

    After grouping, because only then is it known who never got a full name in the text.
    """
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


_KIN_LOOKBACK = 4
"""Tokens between a kin noun and the given name it introduces ("his ex-model wife, Sandra")."""


def name_relatives(doc: Doc, people: list[Person]) -> None:
    """A relative introduced by a given name alone takes the family name of whose relative they
    are, in place: "George Bush ... his wife, Laura" -> Laura Bush; "Mr Conlon's father Giuseppe"
    -> Giuseppe Conlon. "his"/"her" is the person of that gender named last before, in the sentence.

    After grouping, because the possessor must already be known as a person of the article."""
    t = token_table(doc)
    kinship = names.kinship_nouns()
    for p in people:
        if p.full and not _given_names_only(p) or not p.mentions or names.parse(p.name).family_first \
                or any(m.title in ROYAL_TITLES for m in p.mentions):
            continue  # ... nor a prince, named without a family name ("Prince Charles and his sons")
        m = min(p.mentions, key=lambda m: m.start)
        kin = next((k for k in range(m.start - 1, max(-1, m.start - 1 - _KIN_LOOKBACK), -1)
                    if t.lower[k] in kinship), None)
        if kin is None or any(t.pos[k] not in ("ADJ", "NOUN", "PUNCT") and not _a_sibling_named(t, k)
                              for k in range(kin + 1, m.start)) or _a_partner_in_work(t, kin) \
                or _family_name_not_shared(t.lower[kin]):
            continue
        owner = _kin_owner(t, people, p, kin)
        if owner is None:
            continue
        full = f"{p.name} {owner.parts.surname}"
        if any(o.name == full for o in people) or p.name.split()[-1] == owner.parts.surname:
            continue
        p.aliases.append(p.name)
        p.full_forms[full] = p.full_forms.pop(p.name, 0)  # the name as written is no longer the commonest full form
        p.name = full


_OWN_FAMILY_NAME = frozenset({"partner", "partners", "fiancee", "fiancé", "fiancée", "boyfriend", "girlfriend",
                              "son-in-law"})
"""Relatives who keep a family name of their own: an unmarried partner, a daughter's husband."""


def _family_name_not_shared(kin_noun: str) -> bool:
    """ "her partner, Trevor": a relative whose family name the text cannot take from the person's."""
    return kin_noun in _OWN_FAMILY_NAME


def _a_sibling_named(t: TokenTable, k: int) -> bool:
    """ "his two sons, Avi and Joel": token k is another given name of the list, or its "and"."""
    return t.lower[k] == "and" or t.pos[k] == "PROPN" and names.known_given_name(t.text[k])


def _a_partner_in_work(t: TokenTable, kin: int) -> bool:
    """ "writing partner Jim Taylor", "doubles partner": a partner in work, no relative."""
    return t.lower[kin] in ("partner", "partners") and kin > 0 and t.pos[kin - 1] == "NOUN" \
        and t.dep[kin - 1] == "compound" and bool(t.is_lower[kin - 1])


def _kin_owner(t: TokenTable, people: list[Person], p: Person, kin: int) -> Person | None:
    """Whose relative the kin noun at ``kin`` says: "Conlon's father", or "his"/"her" for the person
    of that gender mentioned last before it in the sentence."""
    k = kin - 1
    while k >= max(0, kin - 6) and (t.pos[k] in ("ADJ", "NOUN") and t.is_lower[k] or t.text[k] == "-"
                                   or t.like_num[k]):
        k -= 1  # "Howard's ex-model wife", "his 17-year-old daughter"
    full = [o for o in people if o is not p and (o.full or not names.known_given_name(o.name))]
    if k >= 1 and t.text[k] in POSSESSIVE_TOKENS:
        return next((o for o in full if any(m.start <= k - 1 < m.end for m in o.mentions)), None)
    gender = {"his": "m", "her": "f"}.get(t.lower[k]) if k >= 0 else None
    if gender is None and k >= 0 and t.pos[k] in ("ADP", "CCONJ") and t.lower[k] != "of":
        gender = "-"  # "a family with wife Ffion": a bare kin noun is the relative of whom the text is about
    if gender is None:
        return None
    sent_start = t.sent_bounds[kin][0]
    before = [(m.start, o) for o in full for m in o.mentions if m.start < kin]
    before = [(at, o) for at, o in before if gender == "-" or o.gender in ("-", gender)]
    in_sentence = [b for b in before if b[0] >= sent_start]
    if in_sentence:
        return max(in_sentence, key=lambda b: b[0])[1]
    previous = [o for at, o in before if sent_start > 0 and at >= t.sent_bounds[sent_start - 1][0]]
    if previous and len({o.parts.surname for o in previous}) == 1:
        return previous[-1]  # "... chairman Mukesh Ambani. His brother Anil": the one family just named
    # "He moved ... with his wife Sheila": the family the article is about, if one family name of
    # people of that gender clearly is (named most often before, at least twice, more than any other)
    counts = Counter(o.parts.surname for _at, o in before)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return next(o for _at, o in before if o.parts.surname == ranked[0][0])


def _given_names_owner(people: list[Person], words: list[str]) -> Person | None:
    """The one person named in full whose given names are exactly these two known given names
    ("Juan Carlos" of Juan Carlos Ferrero): a compound given name said alone, not a surname."""
    if len(words) != 2 or not all(names.known_given_name(w) for w in words):
        return None
    owners = [p for p in people if p.full and not p.parts.family_first and list(p.parts.given) == words]
    return owners[0] if len(owners) == 1 else None


def _given_names_only(p: Person) -> bool:
    """ "Lisa Marie": two given names and never a surname alone; a relative introduced so
    ("Presley's daughter Lisa Marie") still lacks the family name."""
    words = p.name.split()
    return len(words) == 2 and all(names.known_given_name(w) for w in words) \
        and all(len(m.words) == 2 for m in p.mentions)


def separate_office_holders(doc: Doc, people: list[Person]) -> None:
    """ "President Clinton" said of a person the text shows campaigning ("Hillary Clinton and her
    campaign") and never gives that office is someone else of that surname, in place: the
    mentions so titled become a person of their own.

    After grouping, because the campaign may be mentioned after the title ("an affair with
    President Clinton ... Hillary Clinton and her campaign")."""
    for p in list(people):
        if not p.campaigning or not p.full:
            continue
        titled = [m for m in p.mentions if len(m.words) == 1 and m.title and _holds_office_title(m)]
        offices = {_office(m.title or "") for m in titled}
        held = any(len(m.words) > 1 and (m.title and _office(m.title) in offices or any(
            offices & {_office(w) for w in r.lower().split()} for r in m.roles)) for m in p.mentions)
        if not titled or held:
            continue
        holder = Person(titled[0].words[0], titled[0].char_start)
        for m in titled:
            attach_mention(doc, holder, m)
        p.mentions = [m for m in p.mentions if m not in titled]
        kept_titles = {m.title for m in p.mentions}
        p.roles = [r for r in p.roles if r in kept_titles or r not in {m.title for m in titled}]
        p.aliases = [a for a in p.aliases if a not in {holder.name, *holder.aliases} or any(
            " ".join(m.words) == a for m in p.mentions)]
        people.append(holder)


def _holds_office_title(m: Mention) -> bool:
    """A title naming an office one runs for ("President", "Governor", not "Mr")."""
    return names.titles()[m.title or ""][0] == "office" and _office(m.title or "") in _OFFICE_ADJECTIVES


# ---------------------------------------------------------------- the person as an entity


def person_entity(p: Person) -> Entity:
    """The finished person as the component's ``Entity``: named by the commonest full form (or a
    peer's title), with every other form an alias."""
    mentions = sorted({(m.char_start, m.char_end) for m in p.mentions})
    if p.full_forms:  # the commonest full form names the person ("Hillary Clinton", not "Crooked Hillary Clinton")
        # "Mrs Parker Bowles", however often, is the surname of the "Camilla Parker Bowles" written once
        forms = {f: n for f, n in p.full_forms.items()
                 if f not in p.titled_forms or not any(o != f and o.endswith(" " + f) for o in p.full_forms)}
        best = max(forms.items(), key=lambda kv: (kv[1], -len(kv[0].split())))[0]
        if best != p.name and forms.get(p.name, 0) < forms[best]:
            p.aliases.append(p.name)
            p.name = best
    elif " " not in p.name:  # "Lord Harris" is what a peer is called, never "Harris" alone
        peer = next((a for a in p.aliases if a.split()[0] in NAMING_TITLES and a.split()[1:] == [p.name]), None)
        if peer is not None:
            p.aliases.append(p.name)
            p.name = peer
    aliases = [a for a in dict.fromkeys(p.aliases) if a != p.name]
    gender, basis = gender_and_basis(p)
    return Entity(name=p.name, type="PERSON", mentions=mentions, aliases=aliases, roles=p.roles,
                  gender=gender, gender_basis=basis)
