"""Canonical article addresses: one page reached through a newsletter, a share button and a feed
has one address, so the library recognises it before fetching it again."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that say how a reader arrived, never which page they read: analytics
# campaign tags (Google's utm_*, Matomo/Piwik's pk_*/mtm_*), click ids appended by ad and social
# platforms (fbclid, gclid, dclid, msclkid, yclid, twclid, igshid), and mailing-list trackers
# (Mailchimp's mc_cid/mc_eid, HubSpot's _hsenc/_hsmi).
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "_hs")
TRACKING_NAMES = frozenset(
    {"fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid", "ocid"}
)
DEFAULT_PORTS = {"http": "80", "https": "443"}


def is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_NAMES or low.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """``url`` with the scheme and host lower-cased, the default port, the fragment and tracking
    parameters dropped; the path and the other parameters (in their order) are kept as given,
    since servers may treat them case- and order-sensitively."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port is not None and str(parts.port) != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    if parts.username:
        host = f"{parts.username}@{host}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def host_of(url: str) -> str:
    """The host (and port) requests are spaced by: one request at a time per host."""
    return urlsplit(url).netloc.lower()
