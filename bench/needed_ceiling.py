"""How few sentences could the cross-check embed and keep its findings? (issue 19)

``add`` spends most of its check embedding sentences (basil-dev: ~1,800 of them, ~13 CPU s of
~34), so issue 19's half of ``annotate``'s throughput was to come from embedding fewer. This
measures the floor any choice of sentences has, on real dev stories, with every sentence embedded
exactly, in model tokens (the model's cost is linear in them; attention is a small part):

- *keyed*: a sentence giving a figure or a date. Its pairs are found by their keys and compared
  at any closeness, and the cosine is a feature of the fitted figure and date decisions, so its
  vector is needed (``crosscheck.needed.keyed``).
- *near*: any other sentence whose best pair with a sentence of another report scores
  ``0.7 cos + 0.3 overlap`` >= ``UNIQUE_SCORE`` (0.5): left unembedded it would be listed as told
  by one source only, a changed finding; >= ``FLOOR`` (0.45) reaches the lowest threshold a
  typed comparison uses (a denial, a person's kind).
- *the floor*: keyed or near. No rule that decides without the vectors can embed much less and
  keep the findings. It is approximate both ways: a sentence left out outside the floor can still
  change a nearest-three ranking, and a near one is near to any sentence of another report, not
  only to its candidates, and may be too short (under six words) to be listed alone.

Beside it, ``needs_vector`` as it stands and with ``MAX_OVERLAP`` raised: the tokens it embeds
and how many sentences it leaves out that are near. The halves are basil-dev's and gva-dev's
events at even / odd places of labels.json (``needed.py`` was chosen on the even ones).

    .venv/bin/python bench/needed_ceiling.py [--sets basil-dev gva-dev] [--cache DIR]

``--cache`` keeps each set's annotated reports (a pickle): delete it after a change of the annotation.
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from storyline.crosscheck.candidates import overlap
from storyline.crosscheck.engine import UNIQUE_SCORE
from storyline.crosscheck.facts import SentenceFacts, sentence_facts
from storyline.crosscheck.needed import MAX_OVERLAP, keyed, needs_vector
from storyline.embed import Embedder, model_files

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
FLOOR = 0.45  # the lowest pair score a typed comparison of two sentences uses (claims.DENIAL_SCORE)
RAISED = (0.2, 0.25, 0.3)  # MAX_OVERLAP values tried beside the one in use


def stories(name: str, cache: Path | None) -> list[list[Any]]:
    """Each event's annotated reports, in labels.json order (``--cache`` keeps them)."""
    kept = cache / f"{name}.pkl" if cache else None
    if kept is not None and kept.exists():
        return list(pickle.loads(kept.read_bytes()))
    from storyline.annotation import annotate_many, load_nlp
    from storyline.reading import read

    labels = json.loads((DATA / name / "labels.json").read_text(encoding="utf-8"))
    by_event: dict[str, list[Path]] = {}
    for file, label in labels.items():
        event = label["event"] if isinstance(label, dict) else str(label)
        by_event.setdefault(event, []).append(DATA / name / file)
    nlp = load_nlp()
    out = [list(annotate_many([read(f) for f in sorted(files)], nlp)) for files in by_event.values()]
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_bytes(pickle.dumps(out))
    return out


def best_scores(facts: Sequence[SentenceFacts], vecs: np.ndarray) -> list[float]:
    """Each sentence's best pair score (``Pair.score``) with any sentence of another report."""
    sims = vecs @ vecs.T
    return [
        max(
            (
                0.7 * float(sims[i, j]) + 0.3 * overlap(f, g)
                for j, g in enumerate(facts)
                if g.source != f.source
            ),
            default=0.0,
        )
        for i, f in enumerate(facts)
    ]


def kind(f: SentenceFacts, score: float) -> str:
    """keyed, near (a counterpart at ``UNIQUE_SCORE``), near45 (at ``FLOOR``) or far."""
    if keyed(f):
        return "keyed"
    return "near" if score >= UNIQUE_SCORE else "near45" if score >= FLOOR else "far"


def tally(events: list[list[Any]], embedder: Embedder, tokenizer: Any) -> dict[str, dict[str, int]]:
    """Tokens and sentences of each kind, and what ``needs_vector`` embeds, per half."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for at, arts in enumerate(events):
        half = out["tune" if at % 2 == 0 else "check"]
        facts = [f for i, a in enumerate(arts) for f in sentence_facts(a, i)]
        if not facts:
            continue
        vecs = embedder.embed([f.text for f in facts])
        tokens = [len(e.ids) for e in tokenizer.encode_batch([f.text for f in facts])]
        kinds = [kind(f, s) for f, s in zip(facts, best_scores(facts, vecs), strict=True)]
        for i, sort in enumerate(kinds):
            for key in ("all", sort):
                half[f"{key} tokens"] += tokens[i]
                half[f"{key} sentences"] += 1
        for t in (MAX_OVERLAP, *RAISED):
            for i, need in enumerate(needs_vector(facts, t)):
                if need:
                    half[f"rule {t} tokens"] += tokens[i]
                elif kinds[i] != "far":
                    half[f"rule {t} misses {kinds[i]}"] += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", nargs="+", default=["basil-dev", "gva-dev"])
    ap.add_argument("--cache", type=Path, default=None, help="keep the annotated reports in this folder")
    args = ap.parse_args()
    embedder = Embedder()
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_files()[1]))
    tokenizer.enable_truncation(128)
    tokenizer.no_padding()
    for name in args.sets:
        for half, got in tally(stories(name, args.cache), embedder, tokenizer).items():
            report(f"{name} {half}", got)


def report(title: str, got: dict[str, int]) -> None:
    """One half's tokens by kind, and what the rule embeds and leaves out."""
    every = got["all tokens"]

    def share(key: str) -> str:
        return f"{got[key]:6d} tokens ({got[key] / every:5.1%})"

    print(f"{title}: {got['all sentences']} sentences, {every} tokens")
    print(f"  keyed (a figure or a date)            {share('keyed tokens')}")
    print(f"  near (a counterpart >= {UNIQUE_SCORE})         {share('near tokens')}")
    print(f"  near (a counterpart {FLOOR}-{UNIQUE_SCORE})       {share('near45 tokens')}")
    print(f"  far: the most any rule may leave out  {share('far tokens')}")
    for t in (MAX_OVERLAP, *RAISED):
        near, near45 = got[f"rule {t} misses near"], got[f"rule {t} misses near45"]
        out = share(f"rule {t} tokens")
        print(f"  needs_vector at {t:.2f} embeds {out}; leaves out near {near} (+{near45})")


if __name__ == "__main__":
    main()
