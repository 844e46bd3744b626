"""Which cue a direct quotation takes: a speech verb next to it or governing it (ranked as
``speakers`` sets out), the clause before a colon, any verb that governs it with a subject who can
speak, or a short tag the tagger misread. Works on the parsed sentences the quotation touches.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.annotation.quotes import QuoteSpan
from storyline.annotation.speakers import (
    ADJACENT,
    PRONOUNS,
    SPEECH_LEMMAS,
    Cue,
    can_speak,
    named,
    speaking_subject,
    subject_of,
)


@dataclass(frozen=True)
class Parsed:
    """A parsed sentence and its character offset in the article."""

    doc: Doc
    base: int
    end: int  # character offset just past the sentence (``Doc.text`` is costly to rebuild)
    for_quotes: bool = True  # parsed for a quote or speech cue, not only for the figures it holds


def _end(p: Parsed) -> int:
    return p.end


def overlapping(parsed: Sequence[Parsed], lo: int, hi: int) -> list[tuple[int, Parsed]]:
    """The parsed sentences (with their index) that reach characters ``lo`` to ``hi``, ends
    included, found by bisection: ``parsed`` is in text order and a quotation touches a sentence
    or two, so scanning every sentence for every quotation made a long text quadratic."""
    out = []
    for n in range(bisect_left(parsed, lo, key=_end), len(parsed)):
        if parsed[n].base > hi:
            break
        out.append((n, parsed[n]))
    return out


def _between(sent: Doc, base: int, lo: int, hi: int) -> list[Token]:
    return [t for t in sent if lo <= base + t.idx < hi and not t.is_punct and not t.is_space]


def _rank(cue: Cue, q: QuoteSpan) -> tuple[int, int]:
    """Lower is better: a tag right after the quotation, then right before, then a verb that
    governs it, then any cue of the sentence by distance."""
    sent, base, tok = cue.token.doc, cue.base, cue.token
    pos = cue.start
    in_quote = [t for t in sent if q.outer_start <= base + t.idx < q.outer_end]
    if pos >= q.outer_end:
        gap = _between(sent, base, q.outer_end, pos)
        # not a clause joined on after it: 'Tapper told O'Connor that the news was “troubling,” and
        # he asked for a response' is Tapper's telling, not the asking ("Smith and Jones said" is);
        # nor a verb joined to one that governs the quotation ('Cruz said he'd make sand “glow in
        # the dark,” for instance, and Trump vowed …')
        joined = bool(gap) and gap[0].pos_ == "CCONJ"
        joined = joined or (tok.dep_ == "conj" and any(tok.head in t.ancestors for t in in_quote))
        joined = joined or _modifier_clause(tok, in_quote)
        if len(gap) <= ADJACENT and not joined and not any(t.pos_ == "VERB" for t in gap):
            return 0, len(gap)
        return 4, pos - q.outer_end
    gap = _between(sent, base, pos + len(tok.text), q.outer_start)
    if len(gap) <= ADJACENT and all(t in set(tok.subtree) or t.dep_ == "nsubj" for t in gap):
        return 1, len(gap)
    if any(tok in set(t.ancestors) for t in in_quote):
        return 2, q.outer_start - pos
    if tok.dep_ == "parataxis" and any(tok.head in {t, *t.ancestors} for t in in_quote):
        return 2, q.outer_start - pos  # a tag set off inside the clause that holds the quotation
    return 4, q.outer_start - pos


def _modifier_clause(tok: Token, in_quote: Sequence[Token]) -> bool:
    """A verb with a subject of its own in a clause that modifies a noun after the quotation is no
    tag of it: 'Obama has cautioned against “a betrayal of our values” in the way the United States
    responds to threats', '… called them “deplorables,” a remark she later said she regretted'.
    Not "who said" (the noun is the speaker) nor a tag the parse hung on its subject ("“…,” one
    official said" read as a reduced relative, without a subject)."""
    if tok.dep_ not in ("relcl", "acl") or not in_quote or tok.head.i <= in_quote[-1].i:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in tok.children)


def cue_for(q: QuoteSpan, parsed: Sequence[Parsed], cues: dict[int, list[Cue]]) -> Cue | None:
    signed = _signed_cue(q, parsed)
    if signed is not None:
        return signed  # "But polls did predict the caucus - HuffPollster: “…”": the list form
    best: tuple[tuple[int, int], Cue] | None = None
    for n, p in overlapping(parsed, q.outer_start, q.outer_end):
        if p.end <= q.outer_start or p.base >= q.outer_end:
            continue
        for cue in cues.get(n, []):
            r = _rank(cue, q)
            if best is None or r < best[0]:
                best = (r, cue)
    if best is not None and best[0][0] < 3:
        if subject_of(best[1]) is None:  # a tag the parse left without a subject ("Protesters
            # marching … chanted “What curfew?”" with "chanted" hung off as a stray dependent)
            return _governing(q, parsed) or best[1]
        return best[1]
    if text_before(q, parsed) in ("", ":") or text_before(q, parsed).endswith(":"):
        colon = _colon_cue(q, parsed)
        if colon is not None:
            return colon
    verb = _governing(q, parsed) or _tag_after(q, parsed) or _parsed_tag(q, parsed)
    if verb is not None:
        return verb
    return best[1] if best else None


_TAG_NP = frozenset(("PROPN", "NOUN", "PRON", "DET", "ADJ"))


def _gerund_doer(verb: Token, base: int, quoted: set[int]) -> Token | None:
    """The doer of a gerund with no subject of its own is the subject of the clause it hangs on,
    passive or not: "LePage has been mired in controversy since calling Gattine a “…”", "Bennet
    was caught on a hot mic ripping the agenda as “rigged”". Only a name or a personal pronoun."""
    if verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    who = subject_of(Cue(verb, base))
    if who is None or who.i in quoted:
        return None
    named = who.ent_type_ in ("PERSON", "ORG") or who.pos_ == "PROPN"
    return who if named or who.lower_ in PRONOUNS else None


def _tag_after(q: QuoteSpan, parsed: Sequence[Parsed]) -> Cue | None:
    """“Go register,” Trump implored. — a quotation that ends in a comma, question or exclamation
    mark inside its marks runs on into a short tag: a noun phrase and one verb, in either order,
    up to the next punctuation. Read from the words' shapes, for taggers that miss the verb
    (here "Trump" comes out a verb and the parse hangs the tag on the quotation)."""
    for n, p in overlapping(parsed, q.outer_end, q.outer_end):
        if not p.base < q.outer_end <= p.end or not q.closed:
            continue
        inner = p.doc.text[: q.outer_end - p.base].rstrip("'\"”’»").rstrip()
        if not inner or inner[-1] not in ",?!":
            return None
        if p.end - q.outer_end <= 1 and n + 1 < len(parsed) and parsed[n + 1].base - q.outer_end <= 2:
            p = parsed[n + 1]  # “…?” Hannity pressed. — the splitter ended the sentence at the mark
        tag: list[Token] = []
        for t in p.doc:
            if p.base + t.idx < q.outer_end:
                continue
            if t.is_punct:
                break
            tag.append(t)
        if not 2 <= len(tag) <= 6:
            return None
        for verb, np in ((tag[-1], tag[:-1]), (tag[0], tag[1:])):
            lower_verb = verb.is_lower and verb.tag_ in ("VBD", "VBZ", "VBN", "VBP")
            named = np[-1].text[:1].isupper() or np[-1].lower_ in PRONOUNS
            if lower_verb and named and all(t.pos_ in _TAG_NP or t.text[:1].isupper() for t in np):
                return Cue(verb, p.base, verb.text, np[-1])
    return None


def _parsed_tag(q: QuoteSpan, parsed: Sequence[Parsed]) -> Cue | None:
    """“Donald Trump is not a racist, guys,” LeVell assured the crowd. — a quotation that ends in a
    comma, question or exclamation mark inside its marks, followed by a verb whose head lies inside
    the quotation (the parser hangs the tag on the quoted clause) and whose subject can speak, next
    to the closing mark: any verb, for tags no list of speech verbs holds ("assured", "implored",
    "teased"). The verb or its subject must open the words after the mark."""
    for _, p in overlapping(parsed, q.outer_end, q.outer_end):
        if not p.base < q.outer_end <= p.end or not q.closed:
            continue
        inner = p.doc.text[: q.outer_end - p.base].rstrip("'\"”’»").rstrip()
        if not inner or inner[-1] not in ",?!":
            return None
        inside = {t.i for t in p.doc if q.outer_start <= p.base + t.idx < q.outer_end}
        after = [t for t in p.doc if p.base + t.idx >= q.outer_end and not t.is_punct]
        for verb in after[:ADJACENT]:
            if verb.pos_ != "VERB" or verb.head.i not in inside or verb.dep_ not in ("ccomp", "parataxis"):
                continue
            who = speaking_subject(verb, inside)
            if who is not None and can_speak(who) and after[0].i in (verb.i, who.left_edge.i):
                return Cue(verb, p.base, None, who)
        return None
    return None


def _governing(q: QuoteSpan, parsed: Sequence[Parsed]) -> Cue | None:
    """The verb outside a quotation that governs it, when its subject is someone who can speak:
    any verb, not only a speech verb ("Clinton called half of Trump’s supporters “deplorables”",
    "Protesters chanted “What curfew?”", "Trump attacked “the hateful ideology …”"). A copula is
    skipped ("Trump would be “the healthiest …”" is not Trump's phrase); a passive verb gives its
    agent ("… was written by Springsteen")."""
    for _, p in overlapping(parsed, q.outer_start, q.outer_start):
        if not p.base <= q.outer_start < p.end:
            continue
        inside = {t.i for t in p.doc if q.outer_start <= p.base + t.idx < q.outer_end}
        heads = [t.head for t in p.doc if t.i in inside and t.head.i not in inside and not t.is_punct]
        if not heads:
            return None
        tok, steps = heads[0], 0
        while steps < 6:
            if tok.pos_ == "VERB":
                tag = steps == 0 and tok.i > max(inside)  # “…?” a staffer wondered
                who = speaking_subject(tok, inside, tag) or _gerund_doer(tok, p.base, inside)
                if who is not None and not can_speak(who):
                    # "His father's sudden death … drives him “to have purpose”", "whose experiences
                    # led to a career of “aqua-musicals”": the verb that governs it, with no one to
                    # say it (``attribution`` gives it no speaker; not the "died" above it)
                    return Cue(tok, p.base)
                if who is not None:
                    return Cue(tok, p.base, None, who)
            if tok.head.i == tok.i:  # spaCy makes a new Token for each .head: compare indices
                break
            tok, steps = tok.head, steps + 1
    return None


def text_before(q: QuoteSpan, parsed: Sequence[Parsed]) -> str:
    for _, p in overlapping(parsed, q.outer_start, q.outer_start):
        if p.base <= q.outer_start <= p.end:
            return p.doc.text[: q.outer_start - p.base].rstrip()
    return ""


def _colon_cue(q: QuoteSpan, parsed: Sequence[Parsed]) -> Cue | None:
    """“X wrote on Facebook: “…”” — a colon hands the quotation to the clause before it, whatever
    its verb; a paragraph ending in a colon hands it the quotation that opens the next one
    ("Fox tweeted his own recollection in response:¶“…”")."""
    for _, p in overlapping(parsed, q.outer_start, q.outer_start):
        if p.base < q.outer_start <= p.end and p.doc.text[: q.outer_start - p.base].strip():
            return _clause_cue(p, q.outer_start)
    before = bisect_right(parsed, q.outer_start, key=_end)  # the sentences ending by the quotation
    if before:
        p = parsed[before - 1]
        gap = q.outer_start - p.end
        if 0 < gap <= 4 and p.doc.text.rstrip().endswith(":"):
            return _clause_cue(p, p.end)
    return None


def _signed_cue(q: QuoteSpan, parsed: Sequence[Parsed]) -> Cue | None:
    """The name a list entry signs before its colon (see ``_signed``), which speaks for the
    quotation whatever verb the headline before it holds: "But polls did predict the Democratic
    caucus - HuffPollster: “…”" is HuffPollster's, not the polls' prediction."""
    for _, p in overlapping(parsed, q.outer_start, q.outer_start):
        if p.base < q.outer_start <= p.end:
            signed = _signed([t for t in p.doc if p.base + t.idx < q.outer_start])
            return Cue(signed, p.base, ":", signed) if signed is not None else None
    return None


def _clause_cue(p: Parsed, limit: int) -> Cue | None:
    """The main verb of a sentence's words before ``limit``, or a transcript's leading name."""
    before = [t for t in p.doc if p.base + t.idx < limit]
    signed = _signed(before)
    if signed is not None:
        return Cue(signed, p.base, ":", signed)
    verbs = [t for t in before if t.pos_ in ("VERB", "AUX")]
    roots = [t for t in verbs if t.dep_ == "ROOT"]
    # "as Joel Pollak observed, the biggest victor was the stage itself:": the speech verb's
    # subject gives the words, not the main clause's
    said = [t for t in verbs if t.lemma_.lower() in SPEECH_LEMMAS and subject_of(Cue(t, p.base)) is not None]
    chosen = said[-1] if said else roots[0] if roots else (verbs[-1] if verbs else None)
    if chosen is not None and not said:
        # a clause of narration or a subheading before the colon speaks only through a subject who
        # can: not "His criticism, according to …, was the president's choice of paramour:"
        who = subject_of(Cue(chosen, p.base))
        if who is not None and not can_speak(who):
            return None
    if chosen is not None:
        return Cue(chosen, p.base)
    # "Gerald F. Seib, The Wall Street Journal: “…”", "Statement from Rock Hill Schools:": the
    # speaker named first; a transcript's "Dispatcher: “…”": the one noun before the colon
    named = [t for t in before if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "")]
    name = next((t for t in named if t.ent_type_ == "PERSON"), named[0] if named else None)
    while name is not None and name.i + 1 < len(p.doc):
        nxt = name.nbor(1)
        if not (nxt.ent_iob_ == "I" or (not name.ent_type_ and nxt.pos_ == "PROPN")):
            break
        name = nxt
    words = [t for t in before if not t.is_punct]
    if name is None and 1 <= len(words) <= 3 and words[-1].pos_ in ("NOUN", "PROPN"):
        name = words[-1]
    return Cue(name, p.base, ":", name) if name is not None else None


def _signed(before: Sequence[Token]) -> Token | None:
    """A person's or a one-word body's name set off by a dash, a "from" (or opening the line) right
    before the colon: the list form "HEADLINE - Philip Bump: “…”", "- Frank Newport and Jim Harter:
    “…”", "HEADLINE - HuffPollster: “…”", "HEADLINE -More from Jones: “…”". The last name
    speaks for the list; not a name at the end of a clause ("Trump told Clinton: “…”")."""
    words = [t for t in before if not t.is_space]
    if len(words) < 2 or words[-1].text != ":" or not (named(words[-2]) or words[-2].ent_type_ == "ORG"):
        return None
    name = words[-2]
    first = name
    while first.i > 0 and (named(first.nbor(-1)) or first.nbor(-1).lower_ == "and"):
        first = first.nbor(-1)
    lead = first.nbor(-1) if first.i > 0 else None
    # "… were there all along -More from Blumenthal and Cohen: “…”": the list's lead-in
    return name if lead is None or lead.text in ("-", "—", "–", "--", "from") or lead.is_space else None


def quoted_words(q: QuoteSpan, parsed: Sequence[Parsed]) -> tuple[Parsed, list[Token], list[Token]] | None:
    """The parsed sentence a quotation opens in, the quotation's words in it (no punctuation), and
    those of them whose head lies outside it: where the parse sets the quotation in its sentence."""
    for _, p in overlapping(parsed, q.outer_start, q.outer_start):
        if p.base <= q.outer_start < p.end:
            inside = [t for t in p.doc if q.outer_start <= p.base + t.idx < q.outer_end and not t.is_punct]
            ids = {t.i for t in inside}
            return p, inside, [t for t in inside if t.head.i not in ids]
    return None


def not_speech(q: QuoteSpan, parsed: Sequence[Parsed]) -> bool:
    """A quotation the parse shows to be a name or a description rather than someone's words: it
    modifies a noun outside it ("wearing “Make America Great Again” hats", "the slogan “Yes we
    can”") or is the complement of a copula ("Trump would be “the healthiest individual …”": the
    subject is described, the words are someone else's)."""
    found = quoted_words(q, parsed)
    if found is None:
        return False
    out = found[2]
    if not out or out[0].head.i == out[0].i:
        return False
    tok, head = out[0], out[0].head
    if head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("compound", "amod", "nmod", "appos"):
        return True
    return head.lemma_ == "be" and tok.dep_ in ("attr", "acomp")
