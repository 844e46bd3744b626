"""News-robust sentence boundaries, by rule, as character offsets into the article text.

spaCy's parser splits sentences well but costs most of the pipeline's time, and it still breaks
after "Gen." or "Corp." and before a lowercase "he said". News prose is regular enough for rules:
a sentence ends at ``.``, ``!`` or ``?`` (plus any closing quote or bracket) followed by space and
something that can open a sentence, unless the full stop belongs to a title ("Mr.", "Gen."), an
initial ("John F. Kennedy"), a month before its day ("Dec. 3") or another abbreviation that rarely
ends a sentence. A paragraph break (any newline) always ends a sentence. ``sentence_component``
writes the boundaries onto a spaCy ``Doc`` so the tagger and NER see the same sentences.
"""

from __future__ import annotations

import re
from typing import cast

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from storyline.annotation.doctext import doc_text
from storyline.annotation.speakers import speech_forms

# Never end a sentence: a title or word that needs what follows ("Gen. Mark Milley", "No. 10").
TITLES = frozenset(
    str.split(
        """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt sen rep gov atty supt rev fr st
    mt ft hon pres messrs mme mlle dept approx est ca vs v cf eg ie al"""
    )
)
# Abbreviations that sit before a number ("Dec. 3", "No. 5") but may end a sentence otherwise.
NUMBERED = frozenset(str.split("jan feb mar apr jun jul aug sep sept oct nov dec no nos vol art fig sec"))
# Can end a sentence ("... at the Rand Corp. And ..."): split only before a typical sentence opener.
# "Del." is both a title (a House delegate: "Del. Stacey Plaskett") and a state ("Dover, Del.").
ENDERS = frozenset(str.split("corp inc co ltd llc plc bros jr sr etc del"))
# Words that commonly open a sentence; after an ambiguous abbreviation they signal a boundary.
OPENERS = frozenset(
    str.split(
        """a an the he she it they we i you his her its their our this that these those there but and
    so yet still however meanwhile in on at for as if when while after before since although though
    mr mrs ms dr president officials some many most no not one two asked"""
    )
)

_END = re.compile(r"[.!?]+[\"'”’)\]»]*(?=\s)")
_NEXT = re.compile(r"\s+(\S+)")
_LAST_WORD = re.compile(r"\S+")
# How far back a full stop's word is looked for: enough for any word, and it keeps the splitter
# linear in the length of a paragraph (a 200 KB paragraph once took seconds).
_WORD_REACH = 80
_SPEECH = speech_forms()
_CLOSE_QUOTES = "\"'”’»"
_OPEN_CHARS = "\"'“‘(«[—–-"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for cut in _cuts(para.group(), start):
            _add(spans, text, start, cut)
            start = cut
        _add(spans, text, start, para.end())
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _cuts(line: str, offset: int) -> list[int]:
    cuts = []
    for m in _END.finditer(line):
        nxt = _NEXT.match(line, m.end())
        if nxt is None:
            continue
        word = nxt.group(1)
        if _is_boundary(line, m.start(), m.group(), word):
            cuts.append(offset + m.end())
    return cuts


def _tag_follows(rest: str, closed: bool = False) -> bool:
    """A speech tag of a few capitalised words and a speech verb ("Akin continued."). After a
    quotation closed by its own full stop (``closed``) the tag must end within two words of the
    verb: '….” Gov. Pat McCrory said it would be …' is a new sentence, not a tag, and so is a verb
    that hands a new quotation on ('….” She continued, “I felt …'; '….” Smith agreed: “…”')."""
    words = re.findall(r"[\w’'.-]+", rest[:90])[:8]  # "Senate Majority Leader Mitch McConnell, R-Ky., asked"
    for n, w in enumerate(words):
        if w.rstrip(".,").lower() in _SPEECH:
            if not (n > 0 and all(x[:1].isupper() for x in words[:n])):
                return False
            if not closed:
                return True
            verb = re.search(re.escape(w.rstrip(".,")), rest)
            tail = rest[verb.end() :] if verb else ""
            if re.match(r"\s*[,:]\s*[\"“‘]", tail):
                return False  # '….” He added, “…”': the lead-in of the next quotation
            return re.match(r"(?:\s*[\w’'-]+){0,2}\s*[.,;]", tail) is not None
    if closed:
        return False
    # “Would it be negotiable?” Hannity pressed. — after a question or exclamation, a name and one
    # lower-case verb closing the sentence are a tag whatever the verb
    return re.match(r"\s*(?:[A-Z][\w’'.-]*\s+){1,5}[a-z]+ed\s*[.,]", rest) is not None


def _is_boundary(line: str, at: int, mark: str, nxt: str) -> bool:
    first = nxt[0]
    if not (first.isupper() or first.isdigit() or first in _OPEN_CHARS):
        return False  # '“Why?” she asked', 'the U.S. military', an ellipsis mid-sentence
    after = line[at + len(mark) : at + len(mark) + 200]  # a tag is short: never copy the whole line
    if mark[-1] in _CLOSE_QUOTES and _tag_follows(after, mark[0] == "."):
        return False  # '“Why now?” Mayor Adams asked.' — the tag belongs to the quotation
    if mark[0] != "." or mark.startswith(".."):
        return not mark.startswith("..") or first.isupper()
    prev = _word_before(line, at)
    if not prev:
        return True
    prev = prev.lstrip("\"'“‘([«")
    low = prev.lower().rstrip(".")
    bare = re.sub(r"[^a-z]", "", low)
    nxt_word = re.sub(r"^[\"'“‘(«]+", "", nxt).rstrip(".,;:!?”’\"'").lower()
    if low in TITLES or bare in TITLES:
        return False
    if bare in NUMBERED and prev[:1].isupper():
        return not nxt[0].isdigit()
    if re.fullmatch(r"[A-Za-z]", prev):
        return False  # an initial: "John F. Kennedy"
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", prev) or bare in ENDERS:
        # "U.S." or "Corp." ends a sentence only before a word that usually opens one.
        return nxt_word in OPENERS or first in _OPEN_CHARS
    return True


def _word_before(line: str, at: int) -> str:
    """The non-space run that ends at ``at`` ("" after a space), read within a short reach."""
    window = line[max(0, at - _WORD_REACH) : at]
    words = _LAST_WORD.findall(window[-_WORD_REACH:]) if window and not window[-1].isspace() else []
    return words[-1] if words else ""


SPANS = "storyline_spans"


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """The splitter's sentences of ``doc``'s text, found once per Doc (the pipeline's first step
    finds them and the annotators reuse them)."""
    spans = doc.user_data.get(SPANS)
    if spans is None:
        spans = doc.user_data[SPANS] = split_sentences(doc_text(doc))
    return list(spans)


def sentence_starts(doc: Doc, spans: list[tuple[int, int]]) -> None:
    """Mark ``doc``'s tokens so ``doc.sents`` follows ``spans``."""
    if not len(doc):
        return
    starts = {s for s, _ in spans}
    idx = doc.to_array([IDX])
    flags = numpy.fromiter((1 if i in starts else -1 for i in idx.tolist()), dtype="int64", count=len(idx))
    flags[0] = 1
    # spaCy stores -1 ("not a start") as its uint64 wrap-around
    doc.from_array([SENT_START], cast(Ints2d, flags.astype("uint64").reshape(-1, 1)))


@Language.component("storyline_sentences", assigns=["token.is_sent_start"])
def sentence_component(doc: Doc) -> Doc:
    """The pipeline step that sets the rule-based boundaries before tagging and NER."""
    sentence_starts(doc, sentence_spans(doc))
    return doc
