"""Which way in time a clause points, and which event a time expression dates.

Both read a spaCy Doc's tags and lemmas and use the dependency parse only where the sentence has
one (the pipeline parses only the sentences that need it). A tense is "strong" when its verb
governs the expression directly ("spoke Dec. 3", "will begin on Jan. 10") and "weak" when the
expression hangs off a noun ("talks ... on January 9"): a noun's time need not share the main
verb's tense.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from storyline.annotation.calendar import UNKNOWN, Direction
from storyline.annotation.doctext import doc_text
from storyline.annotation.timex import about_money

Token = Any
Doc = Any

_FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo"}
# "X to <verb>" is future after these: "set to begin", "due to meet", "plans to vote".
_FUTURE_TO = {"set", "due", "expect", "schedule", "plan", "go", "slate", "poise", "intend", "aim", "prepare",
              "hope", "want", "agree", "vow", "promise", "threaten", "seek", "propose", "decide"}  # fmt: skip
_REPORTING = {"say", "tell", "announce", "report", "claim", "insist", "argue", "warn", "confirm", "deny",
              "write", "tweet", "add", "acknowledge", "admit", "reveal", "suggest"}  # fmt: skip
# Verbs whose object happened before their subject, so their news present looks back: "the new ad
# follows Mr. Perry's statement on Tuesday", "the move echoes a ruling on Friday".
# So do those that inquire into what happened: "police are investigating an apparent accidental
# shooting of a 15-year-old boy Thursday" (gva-dev 545868_1), in the progressive too.
_LOOK_BACK = {"follow", "echo", "mirror", "reflect", "respond", "recall", "cite", "reverse", "contradict",
              "investigate", "probe"}  # fmt: skip
# Participles that schedule: "a special election set for June 25", "talks slated for Monday".
_SCHEDULING = {"set", "schedule", "slate", "plan", "expect", "due", "reschedule", "postpone", "delay", "move"}
# The date a deadline is set or pushed to lies ahead of the act: "has set Nov. 10 as the deadline",
# "the offer was extended to Nov. 16", "postponed until Tuesday".
_PUSHING = {"set", "reschedule", "postpone", "delay", "extend", "defer", "push"}
_MODALS = {"could", "can", "may", "might", "should", "must", "ca"}
# The words that put an act ahead of the time of writing, as its phrase keeps them ("Maurice Phillips
# will be arraigned", "he is scheduled to appear in court", "Reese is due in court").
FUTURE_MARKS = frozenset(
    _FUTURE_AUX | _MODALS | {"would", "due", "scheduled", "slated", "expected", "set", "planned"}
)
_PAST_AUX = {"has", "have", "had", "was", "were", "did", "'d", "’d", "'ve", "’ve"}
_PRESENT_AUX = {"is", "are", "am", "'s", "’s", "'re", "’re", "does", "do"}
# Words near an expression that say it lies ahead or behind, whatever the main verb's tense.
_FUTURE_CUES = {"ahead", "upcoming", "scheduled", "planned", "next", "coming", "expected", "due", "slated",
                "later", "forthcoming", "proposed", "effective"}  # fmt: skip
# An endpoint ("until Friday", "by Nov. 10") may lie on either side of its verb's tense.
_ENDPOINTS = {"until", "till", "through", "by", "to", "effective"}
# The bound of a state that runs on: "closed until Friday".
_UNTIL = {"until", "till", "til"}
_HAVE = {"has", "have", "'ve", "’ve"}
# Complements that take the tense of the verb they complete: "kept them closed", "continued to hold".
_COMPLEMENTS = {"xcomp", "oprd", "acomp", "ccomp"}
# Verbs that tell a period's results after it: "will post a loss in the third quarter".
_RESULTS_VERBS = {"post", "book", "record", "report", "show", "take"}
_PAST_CUES = {"ago", "earlier", "previous", "since", "last", "former"}
# Nouns that name events: the thing a date usually belongs to when a noun carries it.
EVENT_NOUNS = {
    "talk", "talks", "meeting", "call", "summit", "vote", "election", "visit", "trip", "attack", "strike",
    "invasion", "negotiation", "negotiations", "conference", "hearing", "trial", "ceremony", "speech",
    "announcement", "deadline", "launch", "test", "rally", "protest", "deal", "agreement", "war",
    "crash", "explosion", "shooting", "operation", "session", "debate", "referendum", "poll", "release",
    "interview", "statement", "decision", "ruling", "conversation", "exchange", "deployment", "offensive",
    "annexation", "collapse", "incident", "storm", "earthquake", "fire", "arrest", "death", "funeral",
    "match", "game", "race", "opening", "inauguration", "sentencing", "verdict", "raid", "bombing",
    "massacre", "coup", "assault", "ceasefire", "cease-fire", "briefing", "report", "flood", "hurricane",
    "signing", "primary", "caucus", "shutdown", "walkout", "outbreak", "discussion", "discussions",
}  # fmt: skip
# Nouns of time do not break a verb's hold on a date: "started on the night of Aug. 7".
_TIME_NOUNS = {"night", "morning", "afternoon", "evening", "day", "weekend", "week", "date", "dawn", "hours"}
# Verbs that only place their subject in time: the subject is the event ("the talks begin").
_LIGHT_VERBS = {"begin", "start", "end", "continue", "resume", "open", "close", "finish", "conclude",
                "occur", "happen", "take", "hold", "schedule", "set", "plan", "expect", "postpone",
                "delay"}  # fmt: skip
# Verbs that put out a statement, report or speech: "a statement released Tuesday" dates the statement.
_ISSUE_VERBS = {"release", "issue", "publish", "deliver", "post", "unveil", "file", "send"}
_SKIP_VERBS = {"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must"}


def sentences_of(doc: Doc) -> Any:
    """The doc's sentences, or the whole doc as one when nothing has set boundaries."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return doc.sents
    return [doc[:]]


def sentences_with_text(doc: Doc) -> Iterator[tuple[Any, str]]:
    """Each sentence with its text, cut from the doc's text (``Span.text`` builds it token by
    token at every call)."""
    whole = doc_text(doc)
    for sent in sentences_of(doc):
        yield sent, whole[sent.start_char : sent.end_char]


def _blocks(tok: Token) -> bool:
    """A common noun between a verb and a date: the date may belong to the noun instead."""
    return bool(tok.tag_ in ("NN", "NNS") and tok.lower_ not in _TIME_NOUNS)


def _parsed(sent: Any) -> bool:
    """Whether the parser ran on ``sent`` (``Doc.has_annotation`` would read the whole doc)."""
    return any(t.dep_ for t in sent)


def _is_verb(tok: Token) -> bool:
    return bool(tok.tag_.startswith("VB") or tok.tag_ == "MD")


def verb_tense(tok: Token, sent: Any) -> Direction:
    """The tense of the verb group ending at ``tok`` (its auxiliaries are the words just before)."""
    aux: list[str] = []
    j = tok.i - 1
    while j >= sent.start and len(aux) < 4:
        t = tok.doc[j]
        if t.tag_ in ("MD", "TO", "RB", "PRP") or t.tag_.startswith("VB"):
            aux.append(t.text.lower())
            j -= 1
            continue
        break
    if any(a in _FUTURE_AUX for a in aux):
        return Direction("future", True)
    if aux and aux[0] == "to" and len(aux) > 1:
        prev = tok.doc[tok.i - 2]
        if prev.lemma_.lower() in _FUTURE_TO or prev.text.lower() == "going":
            return Direction("future", True)
    if "would" in aux or (any(a in _MODALS for a in aux) and not any(a in _PAST_AUX for a in aux)):
        return Direction("future", False)  # "could continue until Friday"; not "could have"
    if tok.tag_ == "VBD" or any(a in _PAST_AUX for a in aux):
        return Direction("past", True)
    if tok.tag_ in ("VBZ", "VBP") and tok.lemma_ in _REPORTING | _LOOK_BACK:
        return Direction("past", False)  # news present of reporting: "Trump says Tuesday that ..."
    if tok.tag_ == "VBG" and tok.lemma_ in _LOOK_BACK and any(a in _PRESENT_AUX for a in aux):
        return Direction("past", False)
    if tok.tag_ == "VBN" and not aux and tok.lemma_ in _SCHEDULING and _next_word(tok, sent) == "for":
        return Direction("future", False)  # "a special election set for June 25"
    if tok.tag_ == "VBN" and not aux:
        return Direction("past", False)  # a participle of a done thing: "the ruling, announced Wednesday"
    if tok.tag_ in ("VBZ", "VBP") or any(a in _PRESENT_AUX for a in aux):
        return Direction("future", False, present=True)  # scheduled present: "the talks begin Monday"
    return UNKNOWN


def _next_word(tok: Token, sent: Any) -> str:
    return str(tok.doc[tok.i + 1].lower_) if tok.i + 1 < sent.end else ""


def _governing_verb(span: Any) -> tuple[Token | None, bool]:
    """The verb an expression depends on and whether a noun sits between them (parse needed)."""
    tok = span.root
    through_noun = False
    seen = 0
    while tok.head.i != tok.i and seen < 12:
        tok = tok.head
        seen += 1
        if tok.i >= span.start and tok.i < span.end:
            continue
        if tok.pos_ in ("VERB", "AUX"):
            return tok, through_noun
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.lower_ not in _TIME_NOUNS:
            through_noun = True
    return (tok, through_noun) if tok.pos_ in ("VERB", "AUX") else (None, through_noun)


def _nearby_verb(span: Any, sent: Any) -> tuple[Token | None, bool]:
    """Without a parse: the nearest verb to the left (else right), and whether a noun intervenes; a
    semicolon ends a clause ("Thursday's meeting was cancelled; Friday's vote will go ahead")."""
    noun = False
    semis = [j + 1 for j in range(sent.start, span.start) if span.doc[j].text == ";"]
    first = semis[-1] if semis else sent.start
    for j in range(span.start - 1, first - 1, -1):
        t = span.doc[j]
        if _is_verb(t) and t.tag_ != "MD":
            return t, noun
        if _blocks(t):
            noun = True
    before = span.doc[first : span.start]
    only_preps = all(not t.is_alpha or t.tag_ in ("IN", "DT", "RB") for t in before)
    for j in range(span.end, sent.end):
        t = span.doc[j]
        # the verb "will" helps carries its tense ("Friday's vote will go ahead"); a weaker modal
        # speaks of what the event may bring ("Monday's debate might not move mountains")
        if _is_verb(t) and not (t.tag_ == "MD" and t.lower_ in _FUTURE_AUX):
            return _group_end(t, sent), not only_preps or _premodifies(span, sent)
    return None, True


def _premodifies(span: Any, sent: Any) -> bool:
    """A date written before a noun it modifies ("Saturday's fatal shooting", "a June 3 hearing"):
    the noun owns the date, and the verb after it tells the noun's story, not the date's."""
    for t in span.doc[span.end : min(sent.end, span.end + 4)]:
        if t.tag_ in ("POS", "JJ", "HYPH"):
            continue
        return bool(t.tag_ in ("NN", "NNS"))
    return False


# Auxiliaries that begin a verb group whose tense the group's last verb reads back from them.
_BE_FORMS = {"been", "being", "be"}
_GROUP_AUX = _PAST_AUX | _PRESENT_AUX | _BE_FORMS


def _group_end(tok: Token, sent: Any) -> Token:
    """The main verb of the group an auxiliary begins ("has been identified", "was not delayed"):
    its tense is the group's, read back from its auxiliaries; an auxiliary alone ("has") reads as
    a news present. A copula stays itself ("was Stein's first")."""
    end = tok
    j = tok.i + 1
    while end.lower_ in _GROUP_AUX and j < sent.end:
        t = tok.doc[j]
        if t.tag_ in ("VBN", "VBG") or (t.tag_ == "VB" and end.lower_ not in _BE_FORMS):
            end = t
        elif t.tag_ != "RB":
            break
        j += 1
    return end


def _span_and_sentence(doc: Doc, start: int, end: int, sent: Any) -> tuple[Any, Any]:
    """The tokens of ``doc.text[start:end]`` and their sentence (``Span.sent`` rescans the doc: pass
    the sentence when you have it)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None
    return span, sent if sent is not None else span.sent


def _finite_before(verb: Token, sent: Any) -> Direction:
    """A non-finite verb ("running", "scheduled") has no tense of its own: take, weakly, the tense of
    the nearest finite verb before it in the sentence. An infinitive points ahead of its clause
    ("picked her to fill the seat until June")."""
    if verb.tag_ == "VB" and verb.i > sent.start and verb.doc[verb.i - 1].tag_ == "TO":
        return Direction("future", False)
    for j in range(verb.i - 1, sent.start - 1, -1):
        t = verb.doc[j]
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            found = verb_tense(t, sent) if t.tag_ != "MD" else _modal(t)
            return replace(found, strong=False)
    return UNKNOWN


def _pushed_ahead(verb: Token, sent: Any) -> bool:
    """A date set or pushed to by the verb before it ("has set Nov. 10 as the deadline"), not one a
    past perfect says was the plan ("had been set for Friday")."""
    if verb.lemma_ not in _PUSHING or verb.tag_ not in ("VBD", "VBN"):
        return False
    return not any(t.lower_ == "had" for t in verb.doc[max(sent.start, verb.i - 3) : verb.i])


# Verbs of a change in an amount: a statistic reported by period ("foreclosures rose in the fourth
# quarter", "unemployment fell in the second quarter", "output shrank in the first quarter").
_AMOUNT_VERBS = {"rise", "fall", "climb", "drop", "increase", "decrease", "decline", "grow", "jump", "soar",
                 "surge", "plunge", "slide", "slip", "dip", "tumble", "slump", "shrink", "contract",
                 "expand", "double", "triple"}  # fmt: skip


def amount_changes(doc: Doc, start: int, end: int, sent: Any = None) -> bool:
    """Whether the expression at ``doc.text[start:end]`` dates a change in an amount a common noun
    names ("foreclosures rose in the fourth quarter"): a period of statistics, not one of play,
    where a team or player is the subject ("the Colts jumped out to a lead in the first quarter")."""
    span, sent = _span_and_sentence(doc, start, end, sent)
    if span is None:
        return False
    verb, _ = _governing_verb(span) if _parsed(sent) else _nearby_verb(span, sent)
    if verb is None or verb.lemma_.lower() not in _AMOUNT_VERBS:
        return False
    if _parsed(sent):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return bool(subjects) and all(c.pos_ == "NOUN" for c in subjects)
    return verb.i > sent.start and doc[verb.i - 1].pos_ == "NOUN"


# Verbs whose object, in the present, lies ahead: "analysts expect a recovery in the fourth quarter".
_EXPECTING = {"expect", "forecast", "predict", "project", "anticipate"}


def expects_ahead(doc: Doc, start: int, end: int, sent: Any = None) -> bool:
    """Whether the period at ``doc.text[start:end]`` is one a clause looks ahead to: the direct
    time of a sure future ("the deal is expected to close in the fourth quarter") or the object of a
    present expectation ("analysts expect a recovery in the fourth quarter"). Not a period of
    results, which are told after it ("expects to report a loss in the fourth quarter", "expect
    fourth-quarter earnings to fall"): no reporting verb, no money word on the way to the verb."""
    span, sent = _span_and_sentence(doc, start, end, sent)
    if span is None or not _parsed(sent):
        return False
    verb, through_noun = _governing_verb(span)
    if verb is None or verb.lemma_.lower() in _REPORTING | _RESULTS_VERBS:
        return False
    path: list[Token] = []
    tok = span.root
    while tok.i != verb.i and tok.head.i != tok.i and len(path) < 12:
        tok = tok.head
        path.append(tok)
    if about_money(" ".join(t.text for t in path)):
        return False
    if verb.lemma_.lower() in _EXPECTING and verb.tag_ in ("VBZ", "VBP"):
        return True
    found = verb_tense(verb, sent)
    return found.tense == "future" and found.strong and not through_noun


def _present_perfect(verb: Token, sent: Any) -> bool:
    """Whether ``verb``'s clause is a present perfect ("has continued to hold all stock markets
    closed until Friday", "have kept the border shut until Monday"): a state that has run up to the
    time of writing and runs on, so the day it runs until lies ahead of it (a past form, "stayed
    closed until Friday", ended before it). A complement without tense of its own ("closed", "to
    hold") takes its head's; without a parse, the sentence's first finite verb (the tagger reads the
    complement "closed" as a past form)."""
    if not _parsed(sent):
        finite = [t for t in verb.doc[sent.start : verb.i + 1] if t.tag_ in ("VBD", "VBZ", "VBP", "MD")]
        return bool(finite) and finite[0].lower_ in _HAVE and finite[0].tag_ != "VBD"
    for _ in range(4):
        aux = [c for c in verb.children if c.dep_ == "aux" and c.tag_ != "TO"]
        if aux:
            return verb.tag_ == "VBN" and any(a.lower_ in _HAVE and a.tag_ != "VBD" for a in aux)
        if verb.dep_ not in _COMPLEMENTS or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _before(span: Any, sent: Any) -> str:
    return str(span.doc[span.start - 1].lower_) if span.start > sent.start else ""


def _possessive(span: Any, sent: Any) -> bool:
    return span.end < sent.end and span.doc[span.end].text in ("'s", "’s")


# Where a clause's act stands to an event named by a possessive date ("at Wednesday's hearing"):
# inside it, so at the act's time; after it ("since Monday's debate"), so behind a past act; or
# before it ("ahead of Thursday's votes"), so ahead of a future act.
_WITHIN = {"at", "during", "in", "throughout", "amid"}
_AFTER_IT = {"after", "since", "following", "from"}
_BEFORE_IT = {"before", "until", "ahead", "for"}


# Nouns of what follows an event ("the impact of Monday's debate", "in the wake of Monday's ruling",
# "in response to Tuesday's grand jury ruling", "the aftermath of last September's attack"): the
# clause tells a consequence, which exists only once the event has happened.
_AFTERMATH = {"impact", "aftermath", "wake", "fallout", "effect", "reaction", "response", "repercussion",
              "consequence"}  # fmt: skip


def _after_an_event(span: Any, sent: Any) -> bool:
    """Whether the expression dates the event a noun of its consequence names: "The impact of
    Monday's debate is still small" is read on the Friday after, not the Monday ahead."""
    j = span.start - 1
    while j > sent.start and span.doc[j].lower_ == "the":
        j -= 1
    if j - 1 < sent.start or span.doc[j].lower_ not in ("of", "from", "to"):
        return False
    return bool(span.doc[j - 1].lemma_.lower() in _AFTERMATH)


def _ahead_of_present(verb: Token, sent: Any) -> bool:
    """An infinitive planned or expected now: "voters expect Clinton to win", "is set to meet"
    (a past plan, "planned to rally", may be over by the time of writing)."""
    doc = verb.doc
    if verb.i - 1 < sent.start or doc[verb.i - 1].lower_ != "to":
        return False
    window = doc[max(sent.start, verb.i - 5) : verb.i - 1]
    present = [t for t in window if t.tag_ in ("VBP", "VBZ")]
    present += [
        t for t in window if t.tag_ == "VBN" and t.i > 0 and doc[t.i - 1].lower_ in _PRESENT_AUX
    ]  # "is set to"
    return not any(t.tag_ == "VBD" for t in window) and any(t.lemma_.lower() in _FUTURE_TO for t in present)


def _place_word(span: Any, sent: Any) -> str:
    """The word that places an act against the expression: its preposition, or the word before
    "of" ("ahead of", "because of")."""
    word = _before(span, sent)
    if word == "of" and span.start - 2 >= sent.start:
        word = span.doc[span.start - 2].lower_
    return word


def _possessive_direction(span: Any, sent: Any, verb: Token) -> Direction:
    """The date of an event a possessive names, from the preposition that places the clause's act
    in, after or before that event, when the act's own verb says its time: a past form, "will",
    or "would" of what someone said they would do ("said he would attend Wednesday's hearing").
    News present and plans look either way ("is raising questions ... during Monday's debate",
    "planned to rally members before Thursday's votes"), and "over Friday's close" says nothing;
    but an act going on now ahead of the event puts the event ahead ("are campaigning ahead of
    Thursday's debate")."""
    word = _place_word(span, sent)
    doc = span.doc  # words before the verb, not its children: an unparsed sentence has no tree
    before = doc[max(sent.start, verb.i - 6) : verb.i]
    future = any(t.lower_ in _FUTURE_AUX for t in before[-3:]) or _ahead_of_present(verb, sent)
    past = verb.tag_ == "VBD" and not future
    noun = span.root.head if _parsed(sent) and span.root.dep_ == "poss" else None
    if verb.i == span.start - 1 or (noun is not None and noun.dep_ == "dobj" and noun.head.i == verb.i):
        word = "at"  # the act's own object: "condemned Friday's test", "will use Monday's encounter"
    future = future or _would(verb, sent)
    if word in _WITHIN and (future or past):
        return Direction("future" if future else "past", False)
    if word in _AFTER_IT and past:
        return Direction("past", False)
    if word in _BEFORE_IT and future:
        return Direction("future", False)
    if word in ("ahead", "before") and _going_on(verb, sent):
        return Direction("future", False)
    return UNKNOWN


def _would(verb: Token, sent: Any) -> bool:
    """A plain verb "would" helps, an adverb between at most: "said he would attend", "would
    likely attend"; not "would have attended"."""
    doc = verb.doc
    before = [t.lower_ for t in doc[max(sent.start, verb.i - 2) : verb.i] if t.tag_ != "RB"]
    return verb.tag_ == "VB" and bool(before) and before[-1] in ("would", "’d", "'d")


def _going_on(verb: Token, sent: Any) -> bool:
    """A present progressive: "is campaigning", "are preparing" (not the news present "says")."""
    doc = verb.doc
    return bool(verb.tag_ == "VBG" and verb.i > sent.start and doc[verb.i - 1].lower_ in _PRESENT_AUX)


def _done_before(span: Any, sent: Any, verb: Token) -> bool:
    """A past act done ahead of an event a possessive date names: "Ahead of Friday's meeting,
    France and Germany unveiled a proposal" (a Sunday's report of the Friday before), "tried to
    rally their members ... before Thursday's votes". The "ahead" places the act before the event,
    not the event after the time of writing; the act's past tense leaves the event on either side."""
    if not _possessive(span, sent) or verb.tag_ != "VBD":
        return False
    return _place_word(span, sent) in ("ahead", "before")


def _modal(tok: Token) -> Direction:
    word = tok.text.lower()
    if word in _FUTURE_AUX:
        return Direction("future", True)
    return Direction("future", False) if word in _MODALS or word == "would" else UNKNOWN


def clause_direction(
    doc: Doc, start: int, end: int, sent: Any = None, not_cues: Sequence[tuple[int, int]] = ()
) -> Direction:
    """Past, future or unknown for the time expression at ``doc.text[start:end]`` (in ``sent``).
    Words inside ``not_cues`` (character spans) are no cues: the "later" of "three days later"
    counts from the narrative's time, not from the time of writing."""
    span, sent = _span_and_sentence(doc, start, end, sent)
    if span is None:
        return UNKNOWN
    if _parsed(sent):
        verb, through_noun = _governing_verb(span)
        if verb is not None and not through_noun:  # a misattached date: "talks ... in January"
            lo, hi = sorted((verb.i, span.start))
            through_noun = any(_blocks(t) for t in doc[lo + 1 : hi])
    else:
        verb, through_noun = _nearby_verb(span, sent)
    direction = verb_tense(verb, sent) if verb is not None else UNKNOWN
    if verb is not None and direction.tense is None:
        direction = _finite_before(verb, sent)  # "candidates running ... in the fall"
    if through_noun or verb is None or _before(span, sent) in _ENDPOINTS:
        # "will publish its results on Thursday": the noun may own the date, but "will" still
        # says which way the clause's act lies (``Direction.marked``)
        marked = direction.tense == "future" and direction.strong
        direction = replace(direction, strong=False, marked=marked)
    if verb is not None and _before(span, sent) in _UNTIL and _present_perfect(verb, sent):
        direction = Direction("future", False)
    if verb is not None and verb.i < span.start and _pushed_ahead(verb, sent):
        direction = Direction("future", False)
    if verb is not None and verb.i < span.start and _possessive(span, sent):
        direction = _possessive_direction(span, sent, verb)
    sure_future = direction.tense == "future" and (direction.strong or direction.marked)
    if not sure_future and _after_an_event(span, sent):  # "will be felt" keeps its future
        direction = Direction("past", False)
    if not direction.strong:
        lo = span.start - 2 if verb is not None and _done_before(span, sent, verb) else span.start
        window = [t for t in doc[max(sent.start, span.start - 8) : lo]
                  if not any(a <= t.idx < b for a, b in not_cues)]
        lemmas = {t.lemma_.lower() for t in window} | {t.text.lower() for t in window}
        if lemmas & _FUTURE_CUES:
            return Direction("future", False, marked=direction.marked)
        if lemmas & _PAST_CUES and not direction.marked:  # "will meet the former president Thursday"
            return Direction("past", False)
    return direction


def _name(tok: Token) -> str:
    return str(tok.lemma_ or tok.text).lower()


def event_of(doc: Doc, start: int, end: int, sent: Any = None) -> str | None:
    """What happens at the expression: the noun or verb it attaches to ("talks", "call", "launch")."""
    span, sent = _span_and_sentence(doc, start, end, sent)
    if span is None:
        return None
    after = doc[span.end : min(span.end + 4, sent.end)]
    if len(after) > 1 and after[0].tag_ == "POS":  # "Thursday's call"
        for t in after[1:]:
            if t.tag_.startswith("NN"):
                return _name(t)
    if span.start > sent.start and doc[span.start - 1].tag_ in ("DT", "PRP$", "POS"):
        for t in after[:3]:  # a modifier: "the January talks", "his 2016 campaign"
            if t.tag_ in ("NN", "NNS"):
                return _name(t)
            if t.tag_ not in ("JJ", "NNP", "NNPS"):
                break
    if _parsed(sent):
        found = _parsed_event(span)
        if found:
            return found
    return _nearby_event(span, sent)


def _parsed_event(span: Any) -> str | None:
    tok = span.root
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if span.start <= tok.i < span.end or tok.pos_ in ("ADP", "PROPN", "NUM", "DET", "ADJ", "ADV"):
            continue
        issued = tok.lemma_ in _ISSUE_VERBS and tok.dep_ == "acl" and tok.head.pos_ == "NOUN"
        if tok.pos_ == "VERB" and issued:
            return _name(tok.head)  # "a statement released Tuesday"
        if tok.pos_ == "VERB" and tok.lemma_ in _LIGHT_VERBS:
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
            return _name(subj[0] if subj else tok)
        if tok.pos_ == "NOUN" or (tok.pos_ == "VERB" and tok.lemma_ not in _SKIP_VERBS):
            return _name(tok)
    return None


def _nearby_event(span: Any, sent: Any) -> str | None:
    light: Token | None = None  # "talks that will begin on Jan. 10": the talks, not the beginning
    for j in range(span.start - 1, max(sent.start, span.start - 16) - 1, -1):
        t = span.doc[j]
        if t.ent_type_:
            continue  # "Co-operation" in an organisation's name is no event
        issued = t.tag_.startswith("VB") and t.lemma_ in _ISSUE_VERBS  # "released", not "the release"
        if (t.text.lower() in EVENT_NOUNS or t.lemma_.lower() in EVENT_NOUNS) and not issued:
            return _name(t)
        if light is None and t.tag_.startswith("VB") and t.lemma_ not in _SKIP_VERBS:
            if t.lemma_ not in _LIGHT_VERBS | _ISSUE_VERBS:
                return _name(t)
            light = t
    if light is not None:
        return _name(light)
    for t in span.doc[span.end : min(sent.end, span.end + 6)]:
        if (t.tag_.startswith("VB") and t.lemma_ not in _SKIP_VERBS) or t.lemma_.lower() in EVENT_NOUNS:
            return _name(t)
    return None
