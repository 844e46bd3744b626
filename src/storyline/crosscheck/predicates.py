"""What a sentence predicates, read from its dependency parse: each clause's verb with the heads of
its arguments (subject, object, the noun a relative clause describes, the object of a preposition).

Two reports state one claim when some clause of each makes the same predication: the same act
(the verb's lemma, or a verb outlets use in turn for it) about at least one of the same
participants. Sentences that only share topic words ("They agreed to hold talks with Russia" /
"Lavrov had aired concerns ... drag out the talks") make no predication in common, so they are
not set in agreement: in a news story every sentence shares the story's words, while the act and
who does it to whom is what a sentence adds. Voice is ignored (subjects and objects are pooled),
so "Putin requested the call" meets "the call that Putin requested".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from storyline.crosscheck.candidates import Pair
from storyline.crosscheck.claims import quoted_words_told, same_denial
from storyline.crosscheck.links import Link
from storyline.crosscheck.words import REPORTING_STEMS, SENSES, STOP, plain, stem

# argument relations of a verb: who acts, on what, and the things its prepositions bring in
_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "attr", "dative", "oprd", "acomp", "pobj", "agent"})
_PREP = frozenset({"prep", "agent"})
# verbs that carry little act of their own: the clause is its arguments, so two must be shared
LIGHT = frozenset({"be", "have", "do", "get", "make", "take", "go", "come", "give", "put", "seem", "become"})
_WHO = frozenset({"who", "whom", "whose"})  # the relative pronouns that describe a person


@dataclass(frozen=True)
class Clause:
    """One predication: the act (its stem and the family it belongs to) and its participants."""

    act: frozenset[str]
    light: bool
    arguments: frozenset[str]  # every participant, the doer included
    doers: frozenset[str] = frozenset()  # who does the act (the subject, or a passive's agent)
    main: bool = True  # the sentence's own assertion, not a clause inside one of its parts
    negated: bool = False  # the act is denied ("did not drop", "never fired", "no one was hurt")
    ahead: bool = False  # the act lies ahead ("will continue to sell", "would hire"), not done
    wish: bool = False  # the act is wanted, neither done nor to come ("would like a raise")
    takes: frozenset[str] = frozenset()  # the acts it completes with: "expected to appear" → appear
    # where each of its participants is put: (participant, preposition, place noun, the nouns or
    # ordinal that tell which one): "a woman was found on the kitchen floor" → (woman, on, floor,
    # {kitchen})
    settings: frozenset[tuple[str, str, str, frozenset[str]]] = frozenset()


def _word(tok: Any) -> str | None:
    """How an argument is compared: a name by its last word, anything else by its lemma; pronouns
    and stop words say nothing about which participant it is."""
    if tok.pos_ in ("PRON", "DET", "NUM", "PUNCT") or tok.like_num:
        return None
    word = tok.text if tok.pos_ == "PROPN" else tok.lemma_
    word = word.lower().replace("’", "'").removesuffix("'s")
    return None if word in STOP or len(word) < 2 else stem(word)


def _words(tokens: Iterable[Any]) -> set[str]:
    """The argument words of these heads and of the heads joined to them ("Page and Strzok")."""
    out = set()
    for t in tokens:
        for tok in (t, *(c for c in t.children if c.dep_ == "conj")):
            w = _word(tok)
            if w:
                out.add(w)
    return out


def _doers(verb: Any) -> set[str]:
    """The subject of an active verb, the agent of a passive one; a verb with no subject of its own
    ("agreed to hold", "was fired and demoted") shares the subject of the verb it depends on."""
    # "Page, who had left the team": the relative pronoun stands for the noun the clause describes
    own = [
        verb.head if c.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" else c
        for c in verb.children
        if c.dep_ == "nsubj"
    ]
    own += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if own or any(c.dep_ == "nsubjpass" for c in verb.children):
        return _words(own)
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        return _doers(verb.head)
    return set()


# the prepositions that put a participant somewhere (a closed class of the grammar), not those that
# give what it is with or for ("with shotgun wounds", "for a gunshot wound")
_WHERE = frozenset(
    {"on", "in", "at", "inside", "outside", "near", "into", "onto", "behind", "under", "beside"}
)


def _which(noun: Any) -> frozenset[str]:
    """The words that tell which one of its kind a noun is: the nouns compounded before it, with
    theirs ("dining room floor" → dining, room), and an ordinal ("the first quarter")."""
    out: set[str] = set()
    for c in noun.children:
        if c.dep_ == "compound" and c.i < noun.i:
            out |= {t.lemma_.lower() for t in c.subtree}
        elif c.dep_ == "amod" and c.ent_type_ == "ORDINAL":
            out.add(c.lemma_.lower())
    return frozenset(out)


def _settings(verb: Any) -> frozenset[tuple[str, str, str, frozenset[str]]]:
    """Where the verb puts its subjects: each subject (and those joined to it) with each place
    noun a preposition of the verb, or of a verb or modifier completing it ("found lying on the
    kitchen floor", "found face-down on the dining room floor"), brings in, told which one it is."""
    subjects = _words(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    if not subjects:
        return frozenset()
    heads = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "advcl", "oprd", "advmod", "acomp"))]
    out = set()
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _WHERE):
            for noun in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
                which = _which(noun)
                if which:
                    out |= {(s, prep.lower_, noun.lemma_.lower(), which) for s in subjects}
    return frozenset(out)


def settled_apart(a: Sequence[Clause], b: Sequence[Clause]) -> bool:
    """Do the sentences put one participant of one act in two places of one kind, each told which
    by other words ("a woman was found lying on the kitchen floor" / "another man and a woman were
    found face-down on the dining room floor", gva-dev 541996; "in the first quarter" / "in the
    third quarter")? Then they disagree on where, and state no one fact however alike."""
    for ca in a:
        for cb in b:
            if not ca.act & cb.act:
                continue
            for who, prep, place, which in ca.settings:
                if any((who, prep, place) == (w, p, pl) and not which & wh for w, p, pl, wh in cb.settings):
                    return True
    return False


def _arguments(verb: Any) -> set[str]:
    out: set[str] = set()
    for child in verb.children:
        if child.dep_ in _PREP:
            targets = [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ in _ARGS:
            targets = [child]
        else:
            continue
        out |= _words(targets)
    if verb.dep_ in ("relcl", "acl") and _word(verb.head):
        out.add(str(_word(verb.head)))  # "the call that Putin requested": the call is requested
    return out


# words that deny the act of the verb they hang on, whatever label the parse gives them: "he
# didn’t" alone parses "n’t" as an object of "did"
_NEGATORS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor"})


def negated(verb: Any) -> bool:
    """Is the verb's act denied: a negator among its dependents ("did not drop", "didn’t drop",
    "never fired"), or "no" on its subject or object ("no one was hurt", "fired no shots")?"""
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_.replace("’", "'") in _NEGATORS:
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
            g.dep_ == "det" and g.lower_ == "no" for g in child.children
        ):
            return True
    return False


_AHEAD = frozenset({"will", "'ll", "shall", "would", "wo"})  # "wo" is "won't"'s first token
# verbs of wanting, whatever their tense: what they take is wished, not done nor announced
_WANT = frozenset({"want", "wish", "hope"})
# verbs of liking that "would" turns into a present wish, the conditional of politeness ("would
# like a raise", "would love to play on", "would prefer a deal"), not into an act to come
_POLITE = frozenset({"like", "love", "prefer"})


def _would(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children)


def wish(verb: Any) -> bool:
    """Does the verb tell a wish: a verb of wanting, a verb of liking under "would" ("Lionsgate
    would like a November release", "he would like to mandate automatic voter registration"), or
    the act such a verb takes ("to mandate")? A wish is neither an act done nor one to come."""
    lemma = verb.lemma_.lower()
    if lemma in _WANT or (lemma in _POLITE and _would(verb)):
        return True
    return verb.dep_ == "xcomp" and verb.head.i != verb.i and wish(verb.head)


def ahead(verb: Any) -> bool:
    """Does the verb tell an act still to come: a future or conditional auxiliary on it, or on the
    verb it completes or is joined to ("will continue to sell", "would be fired and demoted")?
    "would" on a verb of liking is politeness, a wish now (``wish``), not an act ahead."""
    if wish(verb):
        return False
    if any(c.dep_ == "aux" and c.lower_.replace("’", "'") in _AHEAD for c in verb.children):
        return True
    return verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and ahead(verb.head)


def _main(verb: Any) -> bool:
    """Is the verb what the sentence asserts: its root, a verb joined to the root or completing
    it ("agreed to reopen"), what a reporting root says ("..., he said"), or a relative clause on
    a participant of one ("came during a call that Putin requested")? A verb inside what a
    detail says ("records, which indicate he held a knife") is not, nor is a "who" clause set off
    by a comma: it says who a person is ("Diana Krieger, whose daughter is married to
    Ulmschneider's brother, told ..." / "..., said Diana Krieger, whose daughter is married to
    ...", gva-dev), which two sentences about different acts share. A "where" clause may carry
    the news ("was taken to the hospital, where she died")."""
    if verb.dep_ == "ROOT":
        return True
    if verb.dep_ == "relcl":
        noun = verb.head
        first = verb.left_edge
        if first.i > 0 and verb.doc[first.i - 1].text in (",", "—", "–", "(") and first.lower_ in _WHO:
            return False  # set off by commas, it says who the person is, not what happened
        holder = noun.head.head if noun.dep_ == "pobj" else noun.head
        return noun.dep_ in _ARGS and holder.i != noun.i and holder.pos_ in ("VERB", "AUX") and _main(holder)
    if verb.dep_ in ("conj", "xcomp") or (
        verb.dep_ in ("ccomp", "parataxis") and stem(verb.head.lemma_.lower()) in REPORTING_STEMS
    ):
        return verb.head.i != verb.i and _main(verb.head)
    return False


def clauses(doc: Any) -> tuple[Clause, ...]:
    """Every verb's predication in a parsed sentence, reporting verbs left out."""
    out = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass", "neg"):
            continue  # "has", "was", "not" helping another verb make no predication of their own
        lemma = tok.lemma_.lower()
        if stem(lemma) in REPORTING_STEMS:
            continue  # "said", "told": the claim is in what was said
        doers = _doers(tok)
        arguments = frozenset(_arguments(tok) | doers)
        completing = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        takes = frozenset(a for c in completing for a in _act(c))
        out.append(
            Clause(
                _act(tok),
                lemma in LIGHT,
                arguments,
                frozenset(doers),
                _main(tok),
                negated(tok),
                ahead(tok),
                wish(tok),
                takes,
                _settings(tok),
            )
        )
    return tuple(out)


def _act(verb: Any) -> frozenset[str]:
    """A verb's act: its stem and the family of verbs outlets use in turn for it."""
    act = stem(verb.lemma_.lower())
    return frozenset({act, SENSES[act]} if act in SENSES else {act})


def same_predication(a: Sequence[Clause], b: Sequence[Clause]) -> bool:
    """Does a clause of one sentence make the predication a clause of the other makes: the same act
    about one participant in common (two for a light verb such as "be" or "have"), done by the same
    doer where both name one ("Page left the team" is not "Strzok left the team"), and asserted
    by both sentences rather than told in passing (``_main``)? A wish meets only a wish: "he would
    like to mandate voter registration" and "he mandated voter registration" tell a want and a
    deed, one verb and one object though they share. A verb completed by another act ("is expected
    to appear in court" / "is expected to face charges on Friday", ecbplus-dev; "agreed to hold
    talks", "plans to run") predicates that act: where both take one, the acts taken must meet."""
    for ca in a:
        for cb in b:
            if not (ca.main and cb.main and ca.act & cb.act) or ca.wish != cb.wish:
                continue
            if ca.takes and cb.takes and not ca.takes & cb.takes:
                continue
            if ca.doers and cb.doers and not ca.doers & cb.doers:
                continue
            if len(ca.arguments & cb.arguments) >= (2 if ca.light or cb.light else 1):
                return True
    return False


def shared_act(a: Sequence[Clause], b: Sequence[Clause]) -> bool:
    """Do the sentences tell one act about one participant anywhere in them, asserted or told in
    a clause inside ("the assessment was that Putin had not decided whether to invade" / "officials
    believe that Putin has not yet decided to order the invasion")? Looser than
    ``same_predication``: it is how one report's two sentences may tell one claim twice."""
    return any(
        ca.act & cb.act and not (ca.light or cb.light) and ca.arguments & cb.arguments for ca in a for cb in b
    )


# "WASHINGTON — President Trump agreed ...": the place a report was filed from, before a dash,
# leads its first sentence in most outlets and would parse as the sentence's root
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.,' ]+\s*(?:—|―|–|--|-)\s*")

Parser = Callable[[Sequence[str]], list[tuple[Clause, ...]]]


@lru_cache(maxsize=1)
def default_nlp() -> Any:
    """The English pipeline, loaded once per process (annotation and the claims' parses share it)."""
    from storyline.annotation import load_nlp

    return load_nlp()


class Docs:
    """The parses of one cross-check's sentences, each sentence parsed once whichever comparison
    asks: the death places, wounds, crossings, people's kinds, partitive figures and doers of a
    report read many of the same sentences ("A man was shot in the leg near Main and 5th").

    A sentence ``placed`` in its article's main-pass Doc (``in_articles``) is parsed there, by the
    parser alone: the annotation has tagged and named its words in context. Any other (a report
    read back from a library, a long one) runs the whole pipeline alone."""

    def __init__(self, nlp: Any, placed: dict[str, Any] | None = None) -> None:
        self._nlp = nlp
        self._placed = placed or {}
        self._done: dict[str, Any] = {}

    def __call__(self, texts: Iterable[str]) -> list[Any]:
        """The parsed ``texts``, in their order; only those not parsed before run the parser."""
        texts = list(texts)
        new = [t for t in dict.fromkeys(texts) if t not in self._done]
        alone = [t for t in new if t not in self._placed]
        self._done.update(zip(alone, self._nlp.pipe(alone), strict=True))
        self._done.update(self._in_context([t for t in new if t in self._placed]))
        return [self._done[t] for t in texts]

    def tagged(self, texts: Iterable[str]) -> list[Any]:
        """The tokens of ``texts``, tagged, lemmatised and named but not always parsed: a placed
        sentence's main-pass tokens, which its parse copies; any other's parse."""
        texts = list(texts)
        self([t for t in texts if t not in self._placed])
        return [self._placed[t] if t in self._placed else self._done[t] for t in texts]

    def _in_context(self, texts: list[str]) -> dict[str, Any]:
        """The ``texts`` parsed from their spans in the main-pass Docs, each Doc's cut once."""
        from storyline.annotation.pipeline import sentence_docs

        by_doc: dict[int, list[str]] = defaultdict(list)
        for t in texts:
            by_doc[id(self._placed[t].doc)].append(t)
        out: dict[str, Any] = {}
        parse = self._nlp.get_pipe("parser")
        for group in by_doc.values():
            spans = [self._placed[t] for t in group]
            out.update(zip(group, parse.pipe(sentence_docs(spans[0].doc, spans), batch_size=64), strict=True))
        return out


def in_articles(texts: Sequence[str], sentences: Sequence[Sequence[tuple[int, int, str]]]) -> dict[str, Any]:
    """Each sentence's tokens in its article's main-pass Doc, for the articles annotated lately in
    this process (``annotation.kept``): ``texts`` are the articles', ``sentences`` each one's
    (start, end, text); a sentence two reports share is placed in the first."""
    from storyline.annotation.doctext import char_tokens
    from storyline.annotation.kept import kept

    out: dict[str, Any] = {}
    for text, told in zip(texts, sentences, strict=True):
        doc = kept(text)
        if doc is None:
            continue
        for start, end, sentence in told:
            span = char_tokens(doc, start, end)  # one sentence's tokens, as the text has them
            if span is not None and (span.start_char, span.end_char) == (start, end) and sentence not in out:
                out[sentence] = span
    return out


def parser(nlp: Any = None) -> Parser:
    """Clauses of many sentences, parsed in one batch with the given (or the default) pipeline;
    each text parsed once per parser, whichever step of one cross-check asks (the claims, then the
    claim agreements' grouping)."""
    done: dict[str, tuple[Clause, ...]] = {}

    def parse(texts: Sequence[str]) -> list[tuple[Clause, ...]]:
        model = nlp if nlp is not None else default_nlp()
        off = [name for name in ("ner",) if name in model.pipe_names]  # names are not read here
        new = [t for t in dict.fromkeys(texts) if t not in done]
        docs = model.pipe((_DATELINE.sub("", t) for t in new), disable=off)
        done.update(zip(new, (clauses(doc) for doc in docs), strict=True))
        return [done[t] for t in texts]

    return parse


# pair score from which a claim said of one named doer in other words is one claim: on the tuning
# half of the judged dev events, claim pairs scoring 0.70 or more were one fact 29 times in 30
# (``claims.claim_confidence``)
REWORDED_SCORE = 0.7
MIN_WORDS = 4  # words a sentence needs before its words inside another's make one statement


def same_words(a: str, b: str) -> bool:
    """Is one sentence's wording inside the other's ("It can make her strong again." / "“It can
    make her strong again,” he said.")? Then it states what the other states, whatever its parse."""
    pa, pb = f" {plain(a)} ", f" {plain(b)} "
    short, long = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    return len(short.split()) >= MIN_WORDS and short in long


def same_doer_reworded(a: Sequence[Clause], b: Sequence[Clause]) -> bool:
    """Do both sentences assert an act of one named doer ("Russia would act as the US would" /
    "Russia would conduct itself as the United States would behave")? With sentences close in
    meaning, the act said in other words is still one predication; "be" and "become" say too
    little to tell ("Lieberman would be an unconventional choice" / "became an independent"), and
    an act still to come is not one done: "AMD has acquired SeaMicro" / "AMD will continue to sell
    SeaMicro servers" (ecbplus-dev) are two acts of one doer, however alike the sentences; nor is a
    wish one ("Lionsgate would like a November 2013 release" / "has booked a November 2013
    release", ecbplus-dev; "would like a raise" / "received a raise"): a wish meets a wish."""
    return any(
        ca.main
        and cb.main
        and not (ca.light or cb.light)
        and (ca.ahead, ca.wish) == (cb.ahead, cb.wish)
        and ca.doers & cb.doers
        for ca in a
        for cb in b
    )


def structural(p: Pair) -> bool:
    """Is the claim shown by what the parse of acts cannot see (``claims``): one person denying one
    act in other verbs ("had yet to determine" / "had not decided"), or a quote told as one's own?
    (One person doing one act is what ``same_predication`` reads from the parse itself.)"""
    return same_denial(p) or quoted_words_told(p)


def one_predication(decided: Iterable[tuple[Pair, Link]], parse: Parser) -> list[Link]:
    """Claim agreements whose two sentences make one predication (or say it in the same words, or
    show it by their structure around a person, or are close in meaning about one named doer);
    conflicts and other aspects as they are. An agreement without one is not stated: its
    sentences may be about one topic, but nothing shows they state one fact."""
    decided = list(decided)
    unsure = [(p, ln) for p, ln in decided if ln.aspect == "claim" and not ln.conflict]
    unsure = [(p, ln) for p, ln in unsure if not (same_words(ln.a.text, ln.b.text) or structural(p))]
    texts = list(dict.fromkeys(t for _, ln in unsure for t in (ln.a.text, ln.b.text)))
    parsed = dict(zip(texts, parse(texts), strict=True)) if texts else {}

    def one(p: Pair, ln: Link) -> bool:
        a, b = parsed[ln.a.text], parsed[ln.b.text]
        if settled_apart(a, b):
            return False
        return same_predication(a, b) or (p.score >= REWORDED_SCORE and same_doer_reworded(a, b))

    dropped = {id(ln) for p, ln in unsure if not one(p, ln)}
    return [ln for _, ln in decided if id(ln) not in dropped]


def polarity_differs(a: Sequence[Clause], b: Sequence[Clause]) -> bool:
    """Does one sentence deny an act the other asserts, read from both parses: exactly one of them
    denies anything, and what it denies is an act the other states undenied? Two sentences that
    both deny ("told him to drop his gun, but he didn't" / "he didn't drop his gun") state one
    claim, however differently the words around the negation fall."""
    denied_a = [c for c in a if c.negated]
    denied_b = [c for c in b if c.negated]
    if bool(denied_a) == bool(denied_b):
        return False
    denying, asserting = (denied_a, b) if denied_a else (denied_b, a)
    return any(n.act & c.act for n in denying if not n.light for c in asserting if not c.negated)


def one_polarity(links: Iterable[Link], parse: Parser) -> list[Link]:
    """Claim conflicts whose parses show the opposite polarity (``polarity_differs``); the others
    (a negation read on one side only from the words) are dropped, and the rest kept as they are."""
    links = list(links)
    flipped = [ln for ln in links if ln.aspect == "claim" and ln.conflict]
    texts = list(dict.fromkeys(t for ln in flipped for t in (ln.a.text, ln.b.text)))
    parsed = dict(zip(texts, parse(texts), strict=True)) if texts else {}
    dropped = {id(ln) for ln in flipped if not polarity_differs(parsed[ln.a.text], parsed[ln.b.text])}
    return [ln for ln in links if id(ln) not in dropped]
