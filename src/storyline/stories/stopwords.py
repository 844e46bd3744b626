"""English function words and reporting verbs: every article has them, so they say nothing about
which event it reports. Document frequency would discount them too, but not in a batch of two."""

from __future__ import annotations

STOP_WORDS = frozenset(
    """
    about above after again against all also among and any are around because been before being
    below between both but can could did does doing down during each few for from further had
    has have having her here hers herself him himself his how however into its itself just last
    like may might more most much must new not now off once one only other our ours out over own
    said same says she should since some such than that the their theirs them then there these
    they this those through told too two under until very was were what when where which while
    who whom why will with would year years yet you your
    """.split()  # noqa: SIM905 - a word list reads better as text
)
