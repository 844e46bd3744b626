"""Remarks quoted whole by one report and in part by another, shared by the wording tests of
``test_crosscheck.py`` and ``test_trust.py``: each pair is (the longer quote, the part)."""

from __future__ import annotations

# basil-dev: Perry's ad, one outlet quoting it from its second clause, with "pews" and "that"
PERRY_AD = (
    "I'm not ashamed to admit that I'm a Christian, but you don't need to be in the pew every "
    "Sunday to know there's something wrong in this country"
)
PERRY_AD_PART = (
    "But you don't need to be in the pews every Sunday to know that there's something wrong in this country"
)
# polnear-dev: Clinton on Tulsa, quoted from its second sentence
TULSA = (
    "In Tulsa, an unarmed man with his hands in the air. This is just unbearable. "
    "And it needs to be intolerable."
)
TULSA_PART = "This is just unbearable, and it needs to be intolerable."
# gva-dev 783102: one post quoted twice, once with its clitic ("I’m") and once without
POST_911 = "I waiting and blind open. I never call 911 dont worry! Come u [expletives]"
POST_911_PART = "I’m waiting and blind open."
