#!/usr/bin/env python3
"""Speaker attribution on real news: a hand-checked sample of basil-dev quotes.

    .venv/bin/python bench/eval_quotes.py [--data ../shared/data] [--show]

Each entry of ``SAMPLE`` is (file, a substring of the quoted words, accepted speakers): the true
speaker was read off the article by hand (pronouns followed back to their person; a speaker named
by role is accepted by its role words; a message's words are accepted for the message or for the
author the article gives it: '“…,” the letter stated' after 'In a letter, the lawmakers …'). A quote
counts as attributed correctly when the output quote holding that substring has a speaker
containing one of the accepted strings (case folded), as ``tests/acceptance/check-seeds`` judges
the seeds.

Figures, for storyline and a baseline in the same run:
Two samples: the one looked at while the rules were written (``SAMPLE``) and one checked after
(``FRESH``, from other articles) — the second is the figure to quote.
- found: share of sampled quotes present in the output (a quote whose text holds the substring);
- speaker accuracy: share of sampled quotes with the right speaker (missing quotes count wrong);
- coverage: share of the characters inside quotation marks (a plain regex over the texts of the
  sampled articles) that lie inside some output quote.
The baseline gives each quote the PERSON entity (spaCy NER) nearest to it in its sentence.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

A = "08bb9bee-c167-4c17-9c6d-4a1259231eb7"
B = "11c9f251-35c8-4452-b052-df9be61464c6"
C = "1e41e98b-9ac1-441d-b2c2-19d8f730c74a"
D = "2153fb3e-6b09-410c-bfea-d095c49a54ba"
E = "2a3fde8a-082a-4d8f-9567-f7e8366c0200"
F = "2f3e86b6-8443-47bd-9cd3-491c90a59fe9"
G = "3db93526-a344-4ea4-8772-3734d0cfdfb1"
H = "47a209b0-fc26-4a0a-a1fe-e4310d1d2419"
I = "550b80db-bdd5-442b-8f70-c8e9f3203a13"  # noqa: E741
J = "59f2f47c-5da0-4fbc-be6e-4f15d45d82e2"
K = "6e502405-bc90-4416-a787-3122918aa648"
L = "72fa9b13-4e59-4716-8df9-4c3580e7dddf"
M = "7a97de89-1433-46f7-bcc2-f80b041cb9a0"
N = "84b3c118-50d2-45a5-a91f-7ed95b5d0143"
O = "8abec8d9-50a2-480e-969a-157f94954f4d"  # noqa: E741
P = "97566c74-e000-49fb-b091-e6ec6e179de0"
Q = "a4edca3f-931f-4785-8c3f-f3d8fa84cbec"
R = "ae243a95-b2c2-410c-9e2b-b083b4b8eb48"
S = "b7021938-ff8d-42ea-adec-5704c0b65237"
T = "c5534b7e-a373-4962-8345-3847bc41a636"
U = "cad4bba5-cf97-45cb-8059-ebeb47dcec7a"
V = "d3a1ce0a-fc48-4827-a278-8f0ce8c7a519"
W = "df6a55fb-dfe5-4362-89a6-8c040d648a70"
X = "ed8c136f-8d44-4c83-ad05-0dcfc3a0c54a"
Y = "f688c56d-7fae-42ef-b7f7-7db207b58d27"

SAMPLE: list[tuple[str, str, list[str]]] = [
    (f"{A}_1", "Today, his fellow Missourians urged him", ["Romney"]),
    (f"{A}_1", "this is the platform of the Republican Party", ["Priebus"]),
    (f"{A}_1", "American women know that Mitt Romney", ["Democratic committee", "statement"]),
    (f"{A}_1", "Mitt Romney should do the right thing", ["Democratic committee", "statement"]),
    (f"{A}_2", "As I said yesterday, Todd Akin's comments", ["Romney"]),
    (f"{A}_2", "I believe that we can win this", ["Akin"]),
    (f"{A}_2", "Rape is an evil act", ["Akin"]),
    (f"{A}_2", "As the father of two daughters", ["Akin"]),
    (f"{A}_2", "The mistake I made was in the words I said", ["Akin"]),
    (f"{A}_2", "It seems to me first of all", ["Akin"]),
    (f"{A}_2", "What he said is just flat wrong", ["McConnell"]),
    (f"{A}_2", "Although Rep. Akin has apologized", ["McConnell"]),
    (f"{A}_2", "I am in this race to win.", ["Akin"]),
    (f"{A}_3", "should very seriously consider what course", ["Romney"]),
    (f"{A}_3", "It still seems to me that there has to be room", ["Akin"]),
    (f"{A}_3", "Why can't Mitt Romney run his race", ["Akin"]),
    (f"{A}_3", "From what I understand from doctors", ["Akin"]),
    (f"{B}_1", "For the record, I love my sister", ["Mary Cheney"]),
    (f"{B}_1", "Freedom means freedom for everyone.", ["Mary Cheney", "younger Cheney"]),
    (f"{B}_1", "That means that all families", ["Mary Cheney"]),
    (f"{B}_1", "I am not pro-gay marriage", ["Liz Cheney"]),
    (f"{B}_1", "must be decided by the states", ["Liz Cheney"]),
    (f"{B}_1", "decided by a show of hands", ["Mary Cheney"]),
    (f"{B}_1", "Please like and share if you agree", ["Mary Cheney"]),
    (f"{B}_2", "For the record, I love my sister", ["Mary Cheney"]),
    (f"{B}_2", "I am not pro-gay marriage", ["Liz Cheney"]),
    (f"{B}_2", "decided by a show of hands", ["Mary Cheney"]),
    (f"{B}_3", "For the record, I love my sister", ["Mary Cheney"]),
    (f"{B}_3", "Freedom means freedom for everyone", ["Mary Cheney"]),
    (f"{B}_3", "I am strongly pro-life", ["Liz Cheney"]),
    (f"{B}_3", "I think that freedom means freedom for everyone", ["vice president", "Dick Cheney"]),
    (f"{C}_1", "I am very proud to announce we have reached a deal", ["Trump"]),
    (f"{C}_1", "Walls should not be controversial", ["Trump"]),
    (f"{C}_1", "If they come to a reasonable agreement", ["Trump"]),
    (f"{C}_1", "DHS employees who protect the traveling public", ["letter", "former secretary"]),
    (f"{C}_2", "We really have no choice but to build", ["Trump"]),
    (f"{C}_2", "Good news for George Herbert Walker Bush", ["Coulter"]),
    (f"{C}_2", "None of us are willing to go through this again", ["Murkowski"]),
    (f"{C}_3", "We’re going in that direction", ["Pelosi"]),
    (f"{C}_3", "The solution to this impasse", ["Schumer"]),
    (f"{C}_3", "we can never hold American workers hostage", ["Schumer"]),
    (f"{C}_3", "We really have no choice but to build", ["Trump"]),
    (f"{D}_1", "God wants to see us help ourselves", ["Obama"]),
    (f"{D}_1", "I’m joining many of these workers", ["Obama"]),
    (f"{D}_1", "The American people are with me with this", ["Obama"]),
    (f"{D}_2", "Yeah, I think it's a fair jab", ["Carney"]),
    (f"{D}_3", "they've got time to do it", ["Obama"]),
    (f"{D}_3", "what have you guys been doing, John", ["Obama"]),
    (f"{D}_3", "Almost a year ago, the president in making a speech", ["Forbes"]),
    (f"{E}_2", "The decision to fire Special Agent Strzok", ["Goelman"]),
    (f"{E}_2", "This decision should be deeply troubling", ["Goelman"]),
    (f"{E}_2", "No. No he won’t. We’ll stop it.", ["Strzok"]),
    (f"{E}_3", "In fact, in his decades of service", ["Goelman"]),
    (f"{F}_1", "This is a historic day, a pivotal day", ["Pelosi"]),
    (f"{F}_1", "takes power from the elites", ["Lofgren"]),
    (f"{F}_1", "This vote is an opportunity to be on the right side", ["Lewis"]),
    (f"{F}_1", "If not us, then who?", ["Lewis"]),
    (f"{F}_2", "They will have the effect of harming our public", ["ACLU", "Civil Liberties Union"]),
    (f"{F}_2", "These standards are unclear and entirely subjective", ["ACLU", "Civil Liberties Union"]),
    (f"{F}_2", "instead of getting money out of politics", ["Rodney Davis"]),
    (f"{F}_3", "It’s a power grab for the American people", ["Lofgren"]),
    (f"{F}_3", "This bill is a massive federal government takeover", ["McCarthy"]),
    (f"{F}_3", "Congress cannot meaningfully address", ["Spanberger"]),
    (f"{G}_2", "I'm not ashamed to admit I'm a Christian", ["Perry"]),
    (f"{G}_2", "As president, I'll end Obama's war on religion", ["Texas governor", "Perry"]),
    (f"{G}_3", "but you don’t need to be in the pew", ["Perry"]),
    (f"{G}_3", "wrong for Governor Perry to assume", ["Log Cabin Republicans"]),
    (f"{H}_1", "We will do what is necessary to confirm Judge Gorsuch", ["Thune"]),
    (f"{H}_1", "have not laid a glove on him", ["Thune"]),
    (f"{H}_1", "It is unseemly to be moving forward so fast", ["Schumer"]),
    (f"{H}_1", "Neil Gorsuch is up for a lifetime appointment", ["Warren"]),
    (f"{H}_2", "After careful deliberation I have concluded", ["Schumer"]),
    (f"{H}_2", "Whatever it takes to get him on the court", ["Graham"]),
    (f"{H}_2", "We do not give the ‘well qualified’ rating lightly", ["Degan"]),
    (f"{H}_3", "I thought both Whitehouse and others rightly pointed out", ["Teachout"]),
    (f"{I}_1", "Exactly what were the editors thinking", ["Sheppard"]),
    (f"{I}_1", "Can anyone really say with a straight face", ["blogger"]),
    (f"{I}_1", "Gloria Steinem has a very simple test", ["O’Neill"]),
    (f"{I}_2", "is something you apply to wrestlers", ["O'Neill"]),
    (f"{I}_2", "we'll have to take a look at that", ["Bachmann"]),
    (f"{J}_2", "I want to be crystal clear: these attacks are garbage", ["Cruz"]),
    (f"{J}_3", "I don’t make a habit out of supporting people", ["Cruz"]),
    (f"{J}_3", "Donald Trump is not going to be the Republican nominee", ["Cruz"]),
    (f"{J}_3", "It is garbage, complete and utter lies", ["Cruz"]),
    (f"{K}_1", "We’ve come a long way from my days", ["Clinton"]),
    (f"{K}_2", "One fun fact I learned in this process", ["Bush"]),
    (f"{K}_3", "She is in excellent physical condition", ["Bardack"]),
    (f"{L}_1", "There is no reason to appoint a politician", ["Schatz"]),
    (f"{L}_1", "There couldn’t possibly be worse time", ["Senate Democratic aide"]),
    (f"{L}_1", "The FBI director should be drawn from the ranks", ["Durbin"]),
    (f"{L}_2", "Lieberman is probably the only person", ["Cornyn"]),
    (f"{L}_3", "We need a great director of the F.B.I.", ["Trump"]),
    (f"{M}_1", "I’m looking at all options", ["LePage"]),
    (f"{M}_2", "I’m not an alcoholic", ["LePage"]),
    (f"{M}_2", "I completely disagree with Representative Fredette", ["Thibodeau"]),
    (f"{M}_3", "Everything will be put into writing", ["LePage"]),
    (f"{N}_1", "The time for empty talk is over", ["Trump"]),
    (f"{N}_1", "When you open your heart to patriotism", ["Trump"]),
    (f"{N}_1", "This American carnage stops right here", ["Trump"]),
    (f"{N}_2", "I will fight for you with every breath", ["Trump"]),
    (f"{O}_1", "He is not welcome to Mexico", ["Fox"]),
    (f"{O}_1", "I think President Peña is taking an enormous", ["Fox"]),
    (f"{O}_2", "Trump is using Mexico", ["Fox"]),
    (f"{O}_3", "You cannot trust a guy like this", ["Fox"]),
]

# Checked by hand after the rules were last changed, from articles not used while writing them:
# the honest figure for text the rules have not seen.
FRESH: list[tuple[str, str, list[str]]] = [
    (f"{P}_1", "It is very important to me that the right Republican", ["Trump"]),
    (f"{P}_1", "But if that Republican, in my opinion", ["Trump"]),
    (f"{P}_2", "I am looking at it, if the Republicans choose", ["Trump"]),
    (f"{P}_2", "We would have done very well", ["Trump"]),
    (f"{P}_3", "I have decided not to be the moderator", ["Trump"]),
    (f"{P}_3", "I believe this would not only have been the most watched", ["Trump"]),
    (f"{P}_3", "give up my right to run as an independent candidate", ["Trump"]),
    (f"{Q}_1", "This is the same individual that just excoriated", ["McCain"]),
    (f"{Q}_1", "We know about the secret wiretaps", ["Clinton"]),
    (f"{Q}_1", "It’s a stunning record of secrecy", ["Clinton"]),
    (f"{Q}_2", "This all raised the question to us", ["official"]),
    (f"{Q}_2", "It would be oversimplified and inaccurate", ["State Department official"]),
    (f"{Q}_3", "The State Department has long had access", ["Harf"]),
    (f"{R}_2", "If they really cared about creating jobs", ["Manley"]),
    (f"{R}_3", "It had been my intention to file cloture", ["Reid"]),
    (f"{R}_3", "however, supporters of the original bills requested", ["Reid"]),
    # the letter's authors as the article names them: "signed by every Republican on the committee"
    (f"{S}_1", "Your actions both past and present", ["letter", "lawmakers", "every republican on the"]),
    (f"{S}_1", "We have no faith in your ability", ["letter", "lawmakers", "every republican on the"]),
    (f"{S}_2", "chasing after Russian Communists", ["Turner"]),
    (f"{S}_2", "Now we have Schiff chasing after Russian collusion", ["Turner"]),
    (f"{S}_3", "Undoubtedly there is collusion", ["Schiff"]),
    (f"{S}_3", "We will continue to investigate the counterintelligence", ["Schiff"]),
    (f"{T}_1", "I need to ask what she did", ["Gowdy"]),
    (f"{T}_2", "email arrangement with herself is highly unusual", ["Gowdy"]),
    (f"{T}_2", "a transcribed interview would best protect Secretary", ["Gowdy"]),
    (f"{T}_3", "We share the Secretary’s desire", ["Gowdy"]),
    (f"{U}_1", "The President and Speaker had a frank meeting", ["statement"]),
    (f"{U}_1", "I can’t speculate about the time frame", ["Carney"]),
    (f"{U}_2", "My guess is still that we will reach a deal", ["Tom Cole"]),
    (f"{U}_2", "If they reach a deal, I suspect", ["Tom Cole"]),
    (f"{U}_3", "This afternoon, the President and Speaker Boehner met", ["statement", "each side"]),
    (f"{U}_3", "There is a growing group of folks", ["Corker"]),
    (f"{U}_3", "Republicans know that they have the debt ceiling", ["Corker"]),
    (f"{V}_1", "I am confident this is the right and best choice", ["Patrick"]),
    (f"{V}_1", "I’m not standing here because I’m a person of color", ["Cowen", "Cowan"]),
    (f"{V}_2", "Tom Brady, George Clooney, James Bond, the president", ["Murray"]),
    (f"{V}_2", "It was a private fact, but now known publicly", ["Patrick"]),
    (f"{V}_3", "Tom Brady, George Clooney, James Bond and the president", ["Murray"]),
    (f"{W}_1", "will be designed to maximize our chance", ["Schiff"]),
    (f"{W}_2", "A business does not have the right to take the fifth", ["Warner"]),
    (f"{W}_2", "Everything is on the table", ["Burr"]),
    (f"{W}_3", "Those subpoenas will be designed", ["Schiff"]),
    (f"{W}_3", "And I think we need to use whatever compulsory methods", ["Schiff"]),
    (f"{X}_1", "eyes of the nation and the world", ["Holder"]),
    (f"{X}_2", "I understand that mistrust", ["Holder"]),
    (f"{X}_2", "I remember how humiliating that was", ["Holder"]),
    (f"{X}_3", "Anyone who wants me off the case", ["McCulloch"]),
    (f"{X}_3", "undermines everything except the cover", ["McCulloch"]),
    (f"{Y}_1", "So-called Birthright Citizenship", ["Trump"]),
    (f"{Y}_1", "It is not covered by the 14th Amendment", ["Trump"]),
]

_MARKED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def _has(speaker: str | None, accepted: list[str]) -> bool:
    return speaker is not None and any(a.lower() in speaker.lower() for a in accepted)


Attributed = tuple[int, int, str | None]


def _quote_for(quotes: list[Attributed], text: str, part: str) -> Attributed | None:
    at = text.find(part)
    hits = [q for q in quotes if q[0] <= at < q[1]] if at >= 0 else []
    return min(hits, key=lambda q: q[1] - q[0]) if hits else None


def baseline(doc: Any, text: str) -> list[tuple[int, int, str | None]]:
    """Each marked quotation gets the PERSON entity nearest to it within its sentence."""
    out = []
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    for m in _MARKED.finditer(text):
        a, b = m.start(), m.end()
        sents = [s for s in doc.sents if s.start_char < b and a < s.end_char]
        lo = min((s.start_char for s in sents), default=a)
        hi = max((s.end_char for s in sents), default=b)
        near = [e for e in people if lo <= e.start_char < hi and not a <= e.start_char < b]
        best = min(near, key=lambda e: min(abs(e.start_char - b), abs(a - e.end_char)), default=None)
        out.append((a, b, best.text if best is not None else None))
    return out


def coverage(text: str, quotes: list[tuple[int, int, str | None]]) -> tuple[int, int]:
    inside = covered = 0
    for m in _MARKED.finditer(text):
        for i in range(m.start() + 1, m.end() - 1):
            inside += 1
            covered += any(a <= i < b for a, b, _ in quotes)
    return covered, inside


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--show", action="store_true", help="print every miss")
    args = ap.parse_args()
    from storyline.annotation import annotate_many, load_nlp
    from storyline.reading import read

    everything = SAMPLE + FRESH
    names = sorted({f for f, _, _ in everything})
    arts = [read(args.data / "basil-dev" / f"{n}.json") for n in names]
    nlp = load_nlp()
    ours = {n: a for n, a in zip(names, annotate_many(arts, nlp), strict=True)}
    docs = dict(zip(names, nlp.pipe([a.text for a in arts], disable=["parser"]), strict=True))
    systems: dict[str, dict[str, list[Attributed]]] = {
        "storyline": {n: [(q.start, q.end, q.speaker) for q in ours[n].quotes] for n in names},
        "nearest PERSON (baseline)": {n: baseline(docs[n], ours[n].text) for n in names},
    }
    texts = {n: ours[n].text for n in names}
    print(f"speaker attribution on hand-checked basil-dev quotes ({len(names)} articles)")
    print(f"{'system':<28}{'sample':<14}{'quotes':>7}{'found':>8}{'speaker acc':>13}{'coverage':>10}")
    for label, quotes in systems.items():
        for sample_name, sample in (("while tuning", SAMPLE), ("fresh", FRESH), ("all", everything)):
            found, right = _score(sample, quotes, texts, label if args.show else None)
            files = sorted({f for f, _, _ in sample})
            cov = [coverage(texts[n], quotes[n]) for n in files]
            covered, inside = sum(c for c, _ in cov), sum(i for _, i in cov)
            n = len(sample)
            print(
                f"{label:<28}{sample_name:<14}{n:>7}{found / n:>8.3f}{right / n:>13.3f}"
                f"{covered / max(inside, 1):>10.3f}"
            )


def _score(
    sample: list[tuple[str, str, list[str]]],
    quotes: dict[str, list[Attributed]],
    texts: dict[str, str],
    show: str | None,
) -> tuple[int, int]:
    found = right = 0
    for name, part, accepted in sample:
        q = _quote_for(quotes[name], texts[name], part)
        found += q is not None
        ok = q is not None and _has(q[2], accepted)
        right += ok
        if show and not ok:
            print(f"  miss [{show}] {name}: {part!r} → {q[2] if q else 'not found'} (want {accepted})")
    return found, right


if __name__ == "__main__":
    main()
