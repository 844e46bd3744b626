"""What one line of a pasted page is, judged from its shape alone.

A pasted news page is one block element per line: navigation links, buttons and promos are short
and unpunctuated; body paragraphs are long and end like sentences; photo captions end with a
credit ("(AP)", "(The White House via AP)", "Photo: Reuters"). These rules come from how news
pages are built, not from any one site, so they hold on pages we have never seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from storyline.reading.dates import FoundDate, find_date


class Kind(Enum):
    PROSE = "prose"  # a paragraph: sentence-shaped, ends with terminal punctuation
    LONG = "long"  # long but unpunctuated: standfirst, caption, or a headline
    SENTENCE = "sentence"  # a short sentence ("She was unconscious."): text set one sentence a line
    ITEM = "item"  # a typed list item ("- Jennifer Lawrence", "2) ..."): part of whatever surrounds it
    SHORT = "short"  # a few words: links, labels, headlines, subheadings
    DATE = "date"  # a dateline: "Published 31 December 2021, 11:30 IST"
    BYLINE = "byline"  # "By Jane Doe"
    CAPTION = "caption"  # a photo caption or credit
    FURNITURE = "furniture"  # share/follow/newsletter/video promos, ads, navigation words


# Characters that print nothing: zero-width spaces and joiners, the invisible separator some
# recipe and social-media editors put after every line, the byte-order mark, the soft hyphen.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
# Sentence end, allowing closing quotes/brackets (and invisible characters) after it (CJK full
# stops included).
_TERMINAL = re.compile(r"[.!?…。！？](?:[\"'”’»)\]" + INVISIBLE + r"]*)\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

_AGENCIES = (
    r"AP|AFP|Reuters|Associated Press|Getty(?:\s+Images)?|EPA(?:-EFE)?|PA(?:\s+Wire)?|Bloomberg"
    r"|Shutterstock|iStock"
    r"|Xinhua|ANI|PTI|IANS|Alamy|Pool|File|Handout|UPI|Sipa|Corbis|NurPhoto|SOPA"
)
# A credit in brackets closing the line: "(AP)", "(The White House via AP)", "(Photo: Jane Doe/AFP)".
_CREDIT_END = re.compile(
    r"\((?:[^()]{0,80}\bvia\s+[^()]{1,40}|(?:photo|image|picture|photograph|credit|file)\b[^()]{0,80}"
    r"|[^()]{0,60}\b(?:" + _AGENCIES + r")\b[^()]{0,30})\)\s*$",
    re.I,
)
# A staff photographer's credit after the caption's last sentence: "... a high-end brothel. (Matt
# Stone/Boston Herald)", the shape of "(AP Photo/Ted S. Warren)" with the paper's own name.
_STAFF_CREDIT_END = re.compile(
    r"[.!?”\"]\s\([A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}\s?/\s?[A-Z][^()/]{1,40}\)\s*$"
)
_CREDIT_START = re.compile(
    r"^(?:photo|image|picture|photograph|video|credit|image credit|photo credit|illustration|graphic"
    r"|caption|above|top|pictured|file photo)s?\s*(?:\([^)]*\))?\s*[:|]"
    # "Photograph by Ed Marshall, ...", "Illustration by ...": the maker's credit under a picture.
    r"|^(?:photo|image|picture|photograph|illustration|graphic|video)s?\s+by(?:\s+(?-i:[A-Z])|\s*$)",
    re.I,
)
_CREDIT_TAIL = re.compile(r"(?:[|/–—-]\s*|\bvia\s+)(?:" + _AGENCIES + r")\s*$|\bGetty Images\s*$", re.I)
# A caption that closes with its labelled credit: "... on 24 September. Credit: Ou Dongqu/Xinhua".
_CREDIT_LABEL_END = re.compile(r"\b(?:credit|photo|image|photograph|picture)s?\s*:\s*[^.!?:]{2,60}$", re.I)
# A bare credit line: "Courtesy of Forests News", "Photo courtesy of the family".
_COURTESY = re.compile(r"^(?:(?:photo|image|picture|video)s?\s+)?courtesy\s+(?:of\s+)?\S", re.I)

# A list item: a bullet, or a number ("2) ...", "5. Kristi Dosh", "3.Charlotte", set without a space).
_ITEM = re.compile(r"^(?:[-–•*·▪]\s+|\(?\d{1,2}[.)](?:\s+|(?=[A-Z][a-z])))")
# Two sentences inside one line: "Funny. Real. Does sports her way ..." (a full stop, then a capital).
_INNER_STOP = re.compile(r"[a-z0-9)][.!?][\"”’']?\s+[\"“‘']?[A-Z]")
_BY = r"^(?:by|written by|words by|reporting by|report by|story by|posted by|text by|text:|words:)\s*"
_BYLINE = re.compile(_BY + r"\S", re.I)

# Words that label furniture on news pages. Only short lines are judged by them.
_FURNITURE = re.compile(
    r"\b(?:share|shares|sharing|signed in|sign out|log ?out|tweet|facebook|twitter|whatsapp|linkedin"
    r"|pinterest|reddit|telegram|e-?mail"
    r"|print|follow|subscribe|subscription|subscribers?|sign (?:up|in)|log ?in|newsletters?|inbox"
    r"|advertisements?|advert|sponsored|promoted|read more|more from|related|recommended|most read"
    r"|most popular|trending|watch|videos?|podcasts?|listen|click|comments?|reply|cookies?|privacy"
    r"|terms of|copyright|all rights reserved|download|app store|google play|skip to|menu|search"
    r"|back to top|home|next article|previous article|see also|read also|also read|topics?|tags?"
    r"|min read|minutes? read|save|bookmark|gift|donate|contribute|support|register|account"
    r"|delivered|powered by|updates?|alerts?|breaking news|live (?:updates|blog|stream|tv)|explore"
    r"|more stories|you may like"
    r"|don't miss|editor's picks?|latest news|top stories|top news|in pictures|photos|gallery"
    r"|filed under|disclaimers?|disclosures?)\b",
    re.I,
)
_DATE_LABEL = re.compile(
    r"\b(?:published|posted|updated|last updated|first published|modified|edited|created|on|at"
    r"|am|pm|a\.m\.|p\.m\.|ist|gmt|utc|mon|tue|wed|thu|fri|sat|sun)\w*\b\.?",
    re.I,
)
_ZONE_WORD = re.compile(r"\b[A-Z]{2,5}\b")
_UPDATED = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.I)
_COPYRIGHT_HINT = re.compile(r"[©ⓒ]|\([cс]\)|copyright", re.I)  # (с) may be Cyrillic
_COPYRIGHT = re.compile(
    r"(?:(?:[©ⓒ]|\([cс]\)|copyright)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(.+)$", re.I
)


@dataclass(frozen=True)
class Line:
    """One non-blank line of the page with what its shape says it is."""

    index: int  # line number in the page
    text: str
    kind: Kind
    words: int
    date: FoundDate | None = None
    updated: bool = False  # a date line that says "updated"/"modified"
    pos: int = 0  # position among the page's non-blank lines

    @property
    def terminal(self) -> bool:
        return ends_sentence(self.text)


def ends_sentence(text: str) -> bool:
    """Whether the line ends as a sentence does (closing quotes and invisible characters aside)."""
    return bool(_TERMINAL.search(text))


def word_count(text: str) -> int:
    """Words, counting scripts written without spaces (CJK) at about two characters a word."""
    n = len(text.split())
    if text.isascii() or not _CJK.search(text):
        return n
    return max(n, len(_CJK.findall(text)) // 2)


def is_caption(text: str) -> bool:
    """A photo caption or credit line: a credit closes or opens it and no sentence follows."""
    # Credits sit at the very end of the line: search only its tail (this runs on every line).
    tail = text[-140:]
    return bool(
        (tail.rstrip().endswith(")") and (_CREDIT_END.search(tail) or _STAFF_CREDIT_END.search(tail)))
        or _CREDIT_START.match(text)
        or _CREDIT_TAIL.search(tail[-40:])
        or _CREDIT_LABEL_END.search(tail[-80:])
        or (len(text) <= 80 and _COURTESY.match(text))
    )


# The dateline that opens a wire report: "WASHINGTON —", "HAYWARD, Calif. (AP) —", "LONDON (Reuters) -".
_DATELINE = re.compile(
    r"^(?:\(\w+\)\s*[—–-]|[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][\w.]*(?:\s[\w.]+)?)?\s*"
    r"(?:\([^()]{2,30}\)\s*)?[—–-]{1,2}\s)"
)

# A call to action opens a promo even when it is written as a sentence ("Subscribe to X and ...").
_PROMO = re.compile(
    r"^(?:subscribe|sign up|sign in|log in|click here|tap here|download (?:the|our)|follow us"
    r"|join (?:us|our)|get (?:our|the latest|unlimited)|support (?:our|independent|quality)"
    r"|become a (?:member|subscriber|supporter)|don't miss|read the full|watch (?:now|live|the latest)"
    r"|listen (?:now|to (?:the|our) podcast))\b"
    r"|^(?:read more|related|see also|also read|read also|more|watch|listen|read next|recommended"
    r"|don't miss|must read|explore more|more on this|more coverage|filed under|tags?|topics?"
    r"|categor(?:y|ies))\s*:",
    re.I,
)

# Headings that close an article: what follows is tags, related stories or readers' comments.
_END_MARKER = re.compile(
    r"^(?:related(?:\s+\w+)?|tags?|topics?|filed under|top stories|more (?:in|from|on)\b.*"
    r"|more\b.{0,30}\b(?:stories|news|articles|reads?|coverage|videos?)"
    r"|most (?:read|popular|viewed|shared)|recommended(?:\s+\w+){0,2}|you (?:may|might) (?:also )?like"
    r"|read (?:more|next|also)|also read|see also|trending(?: now)?|latest (?:news|stories|headlines)"
    r"|editor'?s picks?|share this(?:\s+\w+)?|about the author|more like this)\s*:?\s*$",
    re.I,
)
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|discussion|conversation"
    r"|leave a (?:reply|comment)|view comments|show comments|join the (?:discussion|conversation)"
    r"|add a comment|post a comment)(?:\s*\(\d+\))?\s*:?\s*$",
    re.I,
)


def ends_article(text: str) -> bool:
    """A heading such as "Related stories", "Tags:" or "Most read" that closes the article."""
    return len(text.split()) <= 6 and bool(_END_MARKER.match(text) or _COMMENTS.match(text))


def opens_comments(text: str) -> bool:
    """The heading of a readers' comments section."""
    return bool(_COMMENTS.match(text))


# A call to action addressed to the reader: subscribe, download the app, sign up, join, log in.
_CALL = re.compile(
    r"\b(?:subscrib\w*|sign(?:ing)? up|log in|download (?:the|our)|newsletters?|register|join (?:the|our|us)"
    r"|follow us|support (?:us|our)|(?:your|enter) e-?mail(?: address)?|(?:to|in) your inbox"
    r"|submit (?:your|a|an) (?:letter|story|stories|photo|video|tip|news tip|event|opinion|question)s?)\b",
    re.I,
)
_CALL_OPENS = re.compile(r"^(?:for the latest|to (?:view|read|continue)|never miss)\b", re.I)
_READER = re.compile(r"\b(?:you|your|you're|you’re|you'll|you’ll)\b|^(?:please|get|join|don't|never)\b", re.I)


def calls_to_action(text: str) -> bool:
    """A promo set as a sentence ("For the latest news download the X app", "To view the full
    story, please subscribe"): it asks the reader to do something for the site."""
    asks = _READER.search(text) or _CALL_OPENS.match(text)
    return bool(asks and _CALL.search(text))


# A house notice: the site speaking to its readers about the site itself (comment rules, affiliate
# disclosures, cookie and privacy notices). It names the site's own workings ...
_SITE_TOPIC = re.compile(
    r"\b(?:comments?|commenters?|commenting|moderat\w+|affiliate|advertis\w+|uses? cookies|cookie policy"
    r"|(?:this|our) (?:site|website)|terms of (?:use|service)|privacy policy|community guidelines"
    r"|user agreement)\b",
    re.I,
)
# ... in the site's own voice ("we", "our"), to the reader ("you", "please", "readers").
_SITE_VOICE = re.compile(r"\b(?:we|our|us)\b", re.I)
_TO_READER = re.compile(r"\b(?:you|your|please|readers?)\b", re.I)
_QUOTED = re.compile(r"[\"“”]")
_NOTICE_WORDS = 60
_NOTICE_MIN = 6  # a notice is a sentence; a shorter label is judged by the furniture words
# A reprint notice: the page's material may not be reused ("This material may not be reproduced
# without permission", "This article is the copyrighted property of ..."). It names reuse, as a
# rule (may not, must, without written permission), of this page's material or under a ©.
_REUSE = re.compile(r"\b(?:reproduc\w*|reprints?|republish\w*|permission|copyright\w*)\b", re.I)
_RULE = re.compile(
    r"\b(?:may not be|must be|is subject to|strictly prohibited|copyrighted property"
    r"|without (?:the )?(?:prior )?(?:express )?(?:written )?permission)\b",
    re.I,
)
_MATERIAL = re.compile(
    r"[©]|\b(?:this|the|our) (?:article|material|content|document|site|story|page)s?\b", re.I
)


_DISCLAIMER = re.compile(r"\b(?:disclaimers?|disclosures?)\b", re.I)


def site_notice(text: str, words: int) -> bool:
    """The site's notice to its readers about itself ("Please keep comments civil", "When you
    buy through links on our site, we may earn an affiliate commission") or its reprint notice:
    page furniture set as sentences. Quoted words are someone's speech, which a report may well
    carry."""
    if not _NOTICE_MIN <= words <= _NOTICE_WORDS or _QUOTED.search(text):
        return False
    # The rarest test first: this runs on most lines of every page.
    house = _SITE_VOICE.search(text) and _TO_READER.search(text) and _SITE_TOPIC.search(text)
    # A disclaimer about the page itself: "The advertising disclaimer below does not apply to this article".
    disclaims = _DISCLAIMER.search(text) and _SITE_TOPIC.search(text) and _MATERIAL.search(text)
    return bool(house or disclaims or (_RULE.search(text) and _REUSE.search(text) and _MATERIAL.search(text)))


def lead_in(line: Line) -> bool:
    """A line that introduces a list ("The main cast:"), not a label such as "Follow us:"."""
    return (
        line.kind not in (Kind.DATE, Kind.BYLINE, Kind.CAPTION)
        and not _FURNITURE.search(line.text.lower())
        and not _PROMO.match(line.text)
        and not ends_article(line.text.rstrip(":"))  # "More on the budget:" heads a box of links
    )


# A breadcrumb trail: "Home » Vegan Desserts » Truffles", "Business News›Tech›Hardware".
_CRUMB = re.compile(r"^[^»›>]{1,40}(?:\s*[»›>]\s*[^»›>]{1,40}){2,}$")


# The page footer's notice: "© 2020 CBS Interactive Inc. All Rights Reserved."
_NOTICE = re.compile(r"[©ⓒ]|\ball rights reserved\b", re.I)


def is_furniture(text: str, words: int) -> bool:
    """Short labels of page furniture: share/follow/newsletter buttons, promos, ads."""
    if words <= 25 and (_PROMO.match(text) or _CRUMB.match(text)):
        return True
    if words <= 16 and _NOTICE.search(text):
        return True
    if words > 16 or (_TERMINAL.search(text) and words > 6):
        return False
    # One furniture word marks a short label; a longer line needs two ("Receive the latest
    # updates in your inbox"), so a headline that mentions a video is still a headline.
    low = text.lower()
    if words <= 6:
        return bool(_FURNITURE.search(low)) or (text.rstrip().endswith(":") and words <= 4)
    return len(set(_FURNITURE.findall(low))) >= 2


def _date_line(text: str, words: int, context: str) -> FoundDate | None:
    """A line that is only a date (with labels, a time and maybe a name), not a sentence."""
    if words > 20 or not re.search(r"\d", text):
        return None
    found = find_date(text, context=context)
    if found is None:
        return None
    rest = text[: found.start] + " " + text[found.end :]
    rest = re.sub(r"\d{1,2}[:.]\d{2}(?::\d{2})?|\d+", " ", rest)
    rest = _ZONE_WORD.sub(" ", _DATE_LABEL.sub(" ", rest))
    leftover = [w for w in re.split(r"[\s|,:·•/–—-]+", rest) if w]
    return found if len(leftover) <= 4 else None


def classify(index: int, text: str, context: str = "", *, pos: int = 0) -> Line:
    """Put one stripped, non-blank line in its class."""
    words = word_count(text)
    date = _date_line(text, words, context)
    if date is not None:
        return Line(index, text, Kind.DATE, words, date, bool(_UPDATED.search(text)), pos)
    return Line(index, text, _kind(text, words), words, pos=pos)


def _kind(text: str, words: int) -> Kind:
    terminal = bool(_TERMINAL.search(text))
    if words <= 10 and _BYLINE.match(text):
        return Kind.BYLINE
    if is_caption(text):
        return Kind.CAPTION
    if is_furniture(text, words) or (words <= 40 and calls_to_action(text)) or site_notice(text, words):
        return Kind.FURNITURE
    if teaser(text):
        return Kind.SHORT
    if words >= 6 and _DATELINE.match(text):
        return Kind.PROSE  # "HAYWARD, Calif. (AP) — ..." opens a report
    if (terminal and words >= 8) or (words >= 40 and _punctuated(text, words)) or _running_text(text, words):
        return Kind.PROSE
    if words >= 16 and len(_INNER_STOP.findall(text)) >= 2 and not _ITEM.match(text):
        # Sentences whose paragraph ends on a link, an emoji or an unclosed quote, not a headline.
        return Kind.PROSE
    if _ITEM.match(text) and words >= 2:
        return Kind.ITEM  # a long entry too ("5) I Cavalieri Dello Zodiaco – Parte 01 – Le Dodici Case")
    if words >= 12:
        return Kind.LONG
    if terminal and (words >= 2 or _QUOTED.match(text)) and (text[0].isupper() or text[0] in "\"“‘'"):
        return Kind.SENTENCE  # a one-word line of dialogue too ("“Greetings.”", "“No!”")
    return Kind.SHORT


_RUNNING_WORDS = 30  # longer than any headline or deck
_LOWER_SHARE = 0.6


def _running_text(text: str, words: int) -> bool:
    """A paragraph whose end the paste lost (cut at a line break inside it, or closing on a link):
    too long for a headline, mostly lower-case words as running text is (a tag cloud or a run of
    link labels is capitalised), and some punctuation inside."""
    if words < _RUNNING_WORDS or not re.search(r"[.,;:!?]", text):
        return False
    alpha = [w for w in text.split() if w[:1].isalpha()]
    return bool(alpha) and sum(w[0].islower() for w in alpha) >= _LOWER_SHARE * len(alpha)


def _punctuated(text: str, words: int) -> bool:
    """Long text with sentence punctuation, not a tag cloud or a run of links."""
    return len(re.findall(r"[.,;:!?。，]", text)) * 25 >= words


# A story card pasted flat: a Title Case headline glued to its summary ("...Student-AthleteA 24-year-old").
_GLUE = re.compile(r"(?:[a-z]{4}|[?!’'\"”)])([A-Z][a-z]*\s)")


def teaser(text: str) -> bool:
    """A headline glued to the first words of its summary: a teaser card for another story."""
    for m in _GLUE.finditer(text):
        head = text[: m.start() + 1].split()
        if len(head) >= 3:
            caps = sum(1 for w in head if w[0].isupper() or w[0].isdigit())
            if caps >= 0.75 * len(head):
                return True
    return False


def copyright_holder(text: str) -> str | None:
    """The outlet named in a copyright line ("© 2021 The Independent. All rights reserved")."""
    if not _COPYRIGHT_HINT.search(text):
        return None
    m = _COPYRIGHT.search(text)
    if not m or len(text.split()) > 16:
        return None
    name = re.split(r"[.|;]\s|\ball rights reserved\b|,\s*(?:inc|ltd|llc)\b", m.group(1), flags=re.I)[0]
    name = re.sub(r"\b(?:19|20)\d\d\b|^\s*by\s+|[()]", " ", name, flags=re.I)
    name = " ".join(name.split()).strip(" .,-–—")
    words = name.split()
    if not 1 <= len(words) <= 6 or not any(w[:1].isupper() for w in words) or words[0].islower():
        return None
    return name


def byline_name(text: str) -> str:
    """The names of a byline without its "By", its date or its job title ("Jane Doe | Staff Writer")."""
    names = re.sub(_BY, "", text, flags=re.I)
    return re.split(r"\s+(?:on|at|[-–—|·•])\s+|[|·•]|\s+\d", names, maxsplit=1, flags=re.I)[0].strip(" ,")
