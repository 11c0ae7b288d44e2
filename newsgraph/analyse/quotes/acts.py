"""What a quotation reports: "speech", "thought" or "other".

PolNeAR-style attribution counts far more than speech: what someone believes or wants,
what a poll shows, the object of "criticised". A reader of quotations wants what the
source said or wrote, so every quotation carries an ``act`` and the reading surfaces show
speech by default. The act comes from the cue lemma (``data/cue_acts.tsv``, listed by hand
from the cues PolNeAR train annotates and the conventions of bbc-dev) and from the
construction, which overrides the lemma where news style makes a speech verb report no
speech:

* an agentless passive (``it is understood``, ``he was told``, ``is called Veritas``) or a
  negated cue (``haven't said much``): no one is reported as saying anything;
* ``agreed to`` + an action: the act agreed to, not words;
* a noun cue (``amid claims that``, ``charges of fraud``) unless it names a speech event
  (``in a statement``, ``in an interview``);
* ``ask`` with an infinitive (``who asked not to be named``) is a request about the source
  itself, not a report;
* a speech verb whose object is a bare noun phrase (``announcing the plans``, ``questioned the
  manner``) or a prepositional phrase that is not what was said (``said to the actor``,
  ``announced by the studio``): an act whose object is no proposition.

Words in quotation marks (direct and mixed) are speech: the marks say someone used them.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from newsgraph.analyse.base.data import data_rows, work_nouns
from newsgraph.analyse.quotes.non_person_speakers import names_people

ACTS = ("speech", "thought", "other")
"""The acts, in the order a reader wants them."""

SPEECH_NOUNS = frozenset(
    {
        "statement",
        "interview",
        "remark",
        "comment",
        "announcement",
        "letter",
        "speech",
        "testimony",
        "tweet",
        "post",
        "briefing",
        "press release",
        "message",
        "email",
        "op-ed",
        "editorial",
        "blog",
    }
)
"""Nouns naming a speech event: ``in a statement, the company said ...``."""

COMMITMENTS = frozenset({"agree", "decline", "refuse"})
"""Cues whose infinitive object is an action agreed to or refused, not something said."""

INFINITIVE_REQUESTS = frozenset({"ask"})
"""Cues whose infinitive object is a request about the source ("asked not to be named")."""


@lru_cache(maxsize=1)
def cue_acts() -> dict[str, str]:
    """cue lemma -> "speech" | "thought" (``data/cue_acts.tsv``); any other lemma is "other"."""
    return {cols[0].strip(): cols[1].strip() for cols in data_rows("cue_acts.tsv") if len(cols) > 1}


def lemma_act(lemma: str | None) -> str:
    """The act a cue lemma reports on its own (without looking at its construction)."""
    if not lemma:
        return "other"
    return cue_acts().get(lemma.lower(), "other")


def agentless_passive(cue: Token) -> bool:
    """``it is understood``, ``is believed to be``: a passive cue with no "by" agent names no source."""
    kids = list(cue.children)
    if any(k.dep_ == "agent" for k in kids):
        return False
    if any(k.dep_ == "auxpass" for k in kids):
        return True
    # "when asked if …", "asked about the deal, he said": a bare participle, the question put to him
    return cue.tag_ == "VBN" and cue.dep_ == "advcl" and not any(k.dep_ in ("nsubj", "nsubjpass", "aux") for k in kids)


SPEECH_PREPOSITIONS = frozenset({"for", "of", "on", "against", "about"})
"""Prepositions after a speech verb that introduce what was said ("called for", "warned of",
"called on"); after other prepositions the object is not speech ("said to the actor",
"announced by the studio", "ruled in favour of")."""

PROPOSITION_DEPS = frozenset({"acl", "relcl", "ccomp", "xcomp", "advcl"})
"""A noun object with one of these carries a proposition ("announced plans to cut jobs")."""


NOUN_OBJECT_SPEECH = frozenset({"blame", "accuse", "charge", "report", "deny", "reject", "confirm", "predict"})
"""Speech verbs whose noun object is itself a claim ("blamed the euro for ...", "denied the
charge", "reported smoke damage")."""

DECISIONS = frozenset({"reject", "dismiss"})
"""Cues whose noun object is a claim ("rejected the allegation", "dismissed the claims") or
else a decision on someone else's proposal or case ("rejected a request to …", "a judge dismissed
an attempt to …"): the object is not what the source said."""
CLAIM_NOUNS = frozenset(
    {"claim", "allegation", "accusation", "charge", "suggestion", "idea", "notion", "report", "criticism", "view",
     "argument", "assertion", "speculation", "rumour", "rumor", "characterisation", "characterization", "assessment",
     "interpretation", "comparison", "description", "conclusion", "finding", "premise", "theory", "label"})
"""Nouns naming something said or believed ("rejected the claim that …")."""


def _bare_noun_object(root: Token) -> bool:
    """A noun phrase with no clause inside it: "announcing the plans", "questioned the manner"."""
    return root.pos_ in ("NOUN", "PROPN", "PRON") and not any(c.dep_ in PROPOSITION_DEPS for c in root.children)


def _holds_that_clause(noun: Token) -> bool:
    """"fears that his plans are too modest": the noun carries a proposition."""
    return any(c.dep_ in ("acl", "ccomp", "relcl") and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
               for c in noun.children)


NOT_DONE = frozenset({"decline", "refuse", "fail", "avoid", "stop"})
"""Verbs that, governing a speech verb, say it was not said ("declined to comment")."""


def _not_done(cue: Token) -> bool:
    """The cue is the infinitive of a verb saying it did not happen, or of a negated one."""
    tok = cue
    for _ in range(2):
        if tok.dep_ not in ("xcomp", "conj") or tok.head is tok:
            return False
        tok = tok.head
        if tok.lemma_.lower() in NOT_DONE or any(c.dep_ == "neg" for c in tok.children):
            return True
    return False


NOBODY = frozenset({"nobody", "none", "nothing", "no-one", "noone"})


def _no_speaker_subject(cue: Token) -> bool:
    """The cue's subject is a fact or nobody, not a source: "That suggests …" (a demonstrative,
    tagged DT, not the relative "that"), "nobody is suggesting …", "no one said …". Not when the cue
    has a speaker besides ("This, said Lee, should …")."""
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return False
    subj = subjects[0]
    demonstrative = subj.tag_ == "DT" and subj.lower_ in ("this", "that", "these", "those") and not list(subj.children)
    return demonstrative or subj.lower_ in NOBODY or (
        subj.lower_ == "one" and any(d.lower_ == "no" for d in subj.children))


PREDICTION_MODALS = frozenset({"will", "'ll", "wo", "would", "could", "might", "may", "should", "must", "shall"})
"""Modals that make a cue a prediction or supposition ("the other parties will insist", "he
might say"), not a report of something said. "can" stays: "we can confirm that …" is said."""
PAST_HABIT = frozenset({"later", "often", "always", "repeatedly", "subsequently", "afterwards", "once"})
"""Adverbs that turn "would say" back into a report ("he would later say …")."""
FRAMES_OF_INTENT = frozenset(
    {"expect", "likely", "unlikely", "set", "due", "plan", "intend", "want", "hope", "bind", "certain", "sure",
     "poised", "prepare", "seem", "appear", "try", "attempt", "aim", "wish", "need", "like", "love"})
"""Heads that make an infinitive cue something not (yet) said: "is expected to announce", "plans to
say", "seemed to suggest" (the journalist's reading)."""
CONDITIONS = frozenset({"if", "unless", "whether"})
"""Marks that make a cue a condition ("if the judge agrees …"), not a report."""


def _predicted(cue: Token) -> bool:
    """A cue framed as a prediction, supposition, intention or condition: "will still insist",
    "he might say", "is expected to announce", "plans to say", "if the judge agrees"."""
    kids = list(cue.children)
    modals = [c for c in kids if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in PREDICTION_MODALS]
    if modals and not (all(m.lower_ == "would" for m in modals) and any(c.lower_ in PAST_HABIT for c in kids)):
        return True
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in kids):
        return True
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids)
    if infinitive and cue.dep_ in ("acl", "relcl", "advcl"):
        return True  # "the first bank to report results", "in order to announce"
    going = cue.head.lower_ == "going" and any(c.dep_ == "aux" for c in cue.head.children)
    # "is to announce", "is still to say", "has yet to comment": not said yet
    pending = cue.head.lemma_ == "be" or cue.head.lemma_ == "have" and any(c.lower_ == "yet" for c in cue.head.children)
    return infinitive and cue.dep_ == "xcomp" and (cue.head.lemma_.lower() in FRAMES_OF_INTENT or going or pending)


POLL_NOUNS = frozenset(
    {"poll", "survey", "referendum", "ballot", "census", "study", "research", "figure", "data", "statistic",
     "finding", "result", "number", "analysis", "index", "evidence", "estimate", "rumour", "rumor", "speculation"})
"""Sources that are data or hearsay, not speakers: what "a survey suggests", "figures show",
"rumours have suggested" (act other)."""
SUMMED_WORKS = frozenset(
    {"book", "film", "movie", "novel", "play", "album", "song", "bill", "law", "legislation", "documentary",
     "poster", "programme", "program", "series", "episode", "script", "memoir", "biography", "list", "chart", "ranking"})
"""Works whose content the journalist sums up ("the books tell of …", "the bill proposes …")."""
SHARES = frozenset({"%", "percent", "half", "third", "quarter", "fifth", "majority", "minority", "two-thirds"})
"""Subject heads (or their modifiers) that make a subject a share of a sample: "70% said", "nearly
half those surveyed said"."""
SAMPLED = frozenset({"survey", "poll", "question", "interview", "sample", "respondent"})
"""Lemmas inside a subject that mark it as people in a poll ("those surveyed", "respondents")."""


def _data_subject(cue: Token) -> bool:
    """The cue's source is data, a poll's sample or a work, not a person or body that speaks:
    "a survey suggests", "70% said", "nearly half those surveyed said", "most islanders said in
    a referendum", "the books tell of …"."""
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in POLL_NOUNS for g in c.children)
           for c in cue.children):
        return True  # "said in a referendum"
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return False
    subj = subjects[0]
    if subj.tag_ in ("WDT", "WP") and cue.dep_ == "relcl":
        subj = cue.head  # "the Top Gadgets list, which predicts …": the relative pronoun stands for the list
    head = subj.lemma_.lower()
    if head in POLL_NOUNS or head in SUMMED_WORKS:
        return True
    words = list(subj.subtree)
    if head in SHARES or any(t.lower_ in SHARES and t.dep_ in ("predet", "nummod", "quantmod", "amod") for t in words):
        return True  # "70% said", "nearly half those surveyed" (not "fly-half Thomas Lee")
    return any(t.lemma_.lower() in SAMPLED and t.dep_ != "compound" for t in words)


WH_OPENERS = frozenset({"how", "what", "where", "when", "why", "whether", "which", "who"})


def _what_things_do(cue: Token, root: Token) -> bool:
    """"Alerts tell people how the threats affect them": a bare plural thing (no noun of people)
    in the present tense telling someone how or what describes what such things do; it reports
    nobody's words ("Parents say …", "Critics tell MPs what …" stay reports)."""
    if cue.tag_ != "VBP" or any(c.dep_ in ("aux", "auxpass") for c in cue.children):
        return False
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ not in ("NNS", "NNPS") or subj.ent_type_ \
            or any(c.dep_ in ("det", "poss", "compound", "nummod", "amod") for c in subj.children):
        return False
    told_how = root.left_edge.lower_ in WH_OPENERS and any(c.dep_ in ("dobj", "dative") for c in cue.children)
    return told_how and not names_people(subj.lemma_.lower())


def _title_in_name(cue: Token) -> bool:
    """A cue word in title case inside a run of capitalised words is part of a name ("the North
    East Says No campaign", the song "You Said No"), not a verb of speech."""
    doc = cue.doc
    if not cue.is_title or cue.is_sent_start or cue.i == 0 or cue.i + 1 >= len(doc):
        return False
    before, after = doc[cue.i - 1], doc[cue.i + 1]
    return before.is_title and not before.is_sent_start and (after.is_title or after.is_upper)


def mixed_act(cue: Token) -> str:
    """The act of a partly quoted report: speech (the marks say someone used the words) unless
    its source is data or a work the journalist sums up ('the bill proposes "control orders"',
    'the film portrayed "the true story …"'), or the cue is the journalist's gloss hung on the
    report ('…, she said, referencing the bank's drive to "cross-sell"')."""
    return "other" if _data_subject(cue) or _gloss(cue) or _intention(cue) else "speech"


INTENTIONS = frozenset({"decide", "seek", "plan", "intend", "try", "aim", "vote", "move"})
"""Verbs of deciding or trying: what follows is what the source set out to do."""


def _intention(cue: Token) -> bool:
    """'The watchdog decided to look at the "wardrobe malfunction" …': an infinitive after a verb
    of deciding is an act; the quoted words are someone else's term, not the source's speech."""
    return cue.lemma_.lower() in INTENTIONS and any(c.dep_ == "xcomp" and c.i > cue.i for c in cue.children)


def _gloss(cue: Token) -> bool:
    """A participle (no speech verb) after a report in quotation marks, hung on its cue: what
    the journalist says the words were about ('"…," she said, referencing …')."""
    head = cue.head
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "xcomp") or lemma_act(cue.lemma_) != "other" or head.i > cue.i:
        return False
    own = {t.i for t in cue.subtree}
    return lemma_act(head.lemma_) == "speech" and any(t.is_quote and t.i not in own for t in head.subtree)


INDEFINITE = frozenset({"a", "an", "any", "some", "every", "one", "anyone", "someone", "somebody", "anybody", "you"})
"""Words that make a subject anyone at all ("a reader", "one", "anyone")."""


def direct_act(cue: Token) -> str:
    """The act of a direct quotation: speech, but for words an imagined speaker would say ("a
    reader would now ask: "…"", "one might say"): the writer's own. A named speaker who "will
    say" (a speech released in advance) still speaks."""
    modal = any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may") for c in cue.children)
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    anyone = subj is not None and (subj.lower_ in INDEFINITE or any(
        d.dep_ == "det" and d.lower_ in INDEFINITE for d in subj.children))
    return "other" if modal and anyone else "speech"


TOPIC_CUES = frozenset({"comment", "speak", "talk", "write", "report", "testify", "brief", "ask", "question"})
"""Cues whose "on"/"about" object is the topic, not the words ("commenting on the figures", "the
EU's comments about the plans", "asked about the deal")."""


def _topic_only(lemma: str, shape: str) -> bool:
    """"commented on X", "said of X": what it was about ("said of the vote, in which she was sure
    …" tells no words either)."""
    return lemma.lower() in TOPIC_CUES and shape in ("prep:on", "prep:about") or lemma.lower() == "say" and shape == "prep:of"


OCCASIONS = frozenset({"when", "after", "before", "as", "while", "since"})


def _occasion_of_what_was_said(cue: Token, root: Token) -> bool:
    """ "That was what she said when she resigned": with a "what" object, a clause opened by
    "when" tells when it was said."""
    opens = root.left_edge
    return opens.lower_ in OCCASIONS and opens.i > cue.i and any(
        c.dep_ == "dobj" and c.lower_ == "what" for c in cue.children)


PRICE_NOUNS = frozenset({"fee", "price", "charge", "rate", "rent", "tariff", "toll", "fare", "premium", "commission",
                         "interest", "levy", "subscription", "pound", "dollar", "euro", "yen", "cent", "penny"})


def _a_price(noun: Token) -> bool:
    """"charges a pounds 10 subscription fee": an object naming money is a price, not a claim."""
    heads = [noun, *(c for c in noun.children if c.dep_ == "appos")]
    return any(t.lemma_.lower() in PRICE_NOUNS for t in heads) or any(t.ent_type_ == "MONEY" for t in noun.subtree)


DECIDING = frozenset({"rule", "vote", "decide"})
"""Cues of a decision: "ruled against the plan", "voted for the bill" tell what was done."""


def _belief_before(cue: Token, root: Token) -> bool:
    """"she said of the election, in which she was sure X would win": the parse hung on the cue a
    clause that completes an adjective of another clause ("sure", "certain", "convinced"): the
    journalist's account of a belief, not what was said."""
    if root.dep_ != "ccomp" or root.head.i != cue.i or root.i < cue.i:
        return False
    doc = cue.doc
    k = root.left_edge.i - 1
    while k > cue.i and doc[k].lower_ == "that":
        k -= 1
    before = doc[k]
    return k > cue.i and before.pos_ == "ADJ" and before.dep_ == "acomp" and cue.i not in (before.head.i, before.head.head.i)


RESOURCES = frozenset(
    """encyclopaedia encyclopedia dictionary database archive software technology tool engine computer machine
    device app website algorithm experience expertise knowledge skill memory reserve resource savings""".split())
"""Things one draws on: "calls on its encyclopaedia to provide answers" is using them, not asking."""


def _called_on_a_thing(cue: Token) -> bool:
    """"Microsoft is calling on its encyclopaedia to provide answers", "called on all his
    experience to win": "call on" a thing or a work is using it, an act, not speech ("called on
    the government to act" asks someone)."""
    if cue.lemma_.lower() != "call":
        return False
    things = RESOURCES | work_nouns()
    return any(c.dep_ == "prep" and c.lower_ == "on" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in things for g in c.children) for c in cue.children)


SUMMONING_PARTICLES = frozenset({"off", "up", "in"})
"""Particles that make "call" an act: "called off a demonstration", "called up", "called in the police"."""


def _call_as_act(cue: Token) -> bool:
    """"called off a demonstration", "was called up to the squad", "called in the police": with
    these particles "call" cancels or summons, it reports no words ("called on", "called for" ask)."""
    return cue.lemma_.lower() == "call" and any(
        c.dep_ == "prt" and c.lower_ in SUMMONING_PARTICLES for c in cue.children)


QUESTION_WORDS = frozenset({"how", "what"})


def _inside_a_question(cue: Token) -> bool:
    """"contrasts his claims with how experts say it would shape tax law", "what Ann says the
    plan would do": a cue with a clause inside an embedded question whose word stands before the
    cue's subject asks about what was said; the words themselves are not told (the "how", the
    "what" is missing). Not "what officials said was a compromise" (told), nor "what analysts
    described as tactics" (no clause)."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    if subj is None or clause is None or cue.dep_ in ("ROOT", "parataxis") or subj.left_edge.i == 0:
        return False
    word = cue.doc[subj.left_edge.i - 1]
    if word.dep_ == "nsubj":
        return False
    return word.lower_ in QUESTION_WORDS and word.head.i in (cue.i, clause.i)


def indirect_act(cue: Token, lemma: str, shape: str, root: Token) -> str:
    """The act of reported speech without marks, from its cue token, the cue's lemma (as
    stored in the quotation), the candidate's construction (``Candidate.shape``) and the
    content's head token ``root``."""
    if shape == "according" or lemma == "according to":
        return "speech"
    if _topic_only(lemma, shape) or _topic_only(lemma, "prep:" + root.lower_) and root.dep_ == "prep":
        return "other"  # "commenting on the figures": what it was about, not what was said
    if cue.pos_ in ("NOUN", "PROPN"):
        said = lemma.lower() in SPEECH_NOUNS and not any(c.dep_ == "det" and c.lower_ == "no" for c in cue.children)
        # "made no comment"; "a message sent to"; "swayed by his announcement in 2014 of new rules":
        # a phrase after the noun names what was done, not what was said
        return "speech" if said and root.dep_ not in ("acl", "prep") else "other"
    act = lemma_act(lemma)
    if act != "speech":
        return act
    if _belief_before(cue, root):
        return "thought"  # "said of the vote, in which she was sure X would win": a belief told
    if lemma.lower() in DECIDING and (shape.startswith("prep:") or root.dep_ == "prep"):
        return "other"  # "the court has ruled against the tenants": a decision described
    if agentless_passive(cue) or any(c.dep_ == "neg" for c in cue.children):
        return "other"  # "it is understood"; "haven't said much about ...": no one said it
    if lemma.lower() in COMMITMENTS and (shape == "xcomp" or root.dep_ in ("xcomp", "prep") or shape.startswith("prep:")):
        return "other"  # "agreed to release the money": an act, not words
    if _no_speaker_subject(cue) or _no_speaker_subject(cue.head) and cue.dep_ == "xcomp":
        return "other"  # "That suggests he will stand", "nobody is attempting to suggest …"
    if _predicted(cue) or _data_subject(cue) or _title_in_name(cue) or _what_things_do(cue, root):
        return "other"  # "will still insist", "a survey suggests", "70% said", "the Says No campaign"
    if _not_done(cue) or _called_on_a_thing(cue) or _call_as_act(cue) or _inside_a_question(cue):
        return "other"  # "declined to say", "called on its encyclopaedia", "how experts say it would …"
    if shape.startswith("prep:") and (shape[5:] not in SPEECH_PREPOSITIONS or root.pos_ == "PRON"):
        return "other"  # "ruled in favour of …"; "argued for them" (no proposition)
    if root.dep_ in ("agent", "prep") and root.lower_ not in SPEECH_PREPOSITIONS:
        return "other"  # "announced by the academy", "said to the actor"
    if root.dep_ == "prep" and any(c.dep_ == "pobj" and c.pos_ == "PRON" for c in root.children):
        return "other"  # "argued for them in cabinet": no proposition
    adjunct = root.dep_ == "advcl" and shape in ("right", "advcl") and (
        root.left_edge.lower_ in OCCASIONS or root.tag_ == "VBG" and root.left_edge.i == root.i)
    if adjunct or _occasion_of_what_was_said(cue, root):
        return "other"  # "what she said when she resigned …": the occasion, not the words
    if lemma.lower() in DECISIONS and root.pos_ == "NOUN" and root.lemma_.lower() not in CLAIM_NOUNS \
            and not _holds_that_clause(root):
        return "other"  # "rejected a request to make the file public": a decision ("fears that …" is a claim)
    if any(c.lower_ == "as" and any(g.tag_ == "VBG" and lemma_act(g.lemma_) == "speech" for g in c.children)
           for c in cue.children):
        return "other"  # "reports a union source as saying …": the object speaks, not the subject
    noun_object = shape in ("dobj", "right", "dative", "attr", "oprd") and _bare_noun_object(root)
    if noun_object and (lemma.lower() not in NOUN_OBJECT_SPEECH or _a_price(root)):
        return "other"  # "announced the plans"; "charges a pounds 10 fee": money asked, not words
    if lemma.lower() in INFINITIVE_REQUESTS and (shape == "xcomp" or any(c.lower_ == "to" for c in root.children)):
        return "other"
    return act
