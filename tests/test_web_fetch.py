"""URL fetching for the add page: private, loopback and link-local addresses are never fetched."""

from __future__ import annotations

import pytest

from storyline.errors import UnreadableInput
from storyline.web.fetch import check_url, checked_address, fetch_url, is_public_address, pinned
from storyline.web.settings import WebSettings, settings_from_flags


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.5", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1",
     "fe80::1", "fc00::1", "::ffff:127.0.0.1", "224.0.0.1", "100.64.0.1"],
)
def test_private_addresses_are_not_public(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_public(address: str) -> None:
    assert is_public_address(address)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://[::1]:8000/x", "http://169.254.169.254/latest/meta-data/",
     "https://10.0.0.1/admin"],
)
def test_literal_private_urls_are_refused(url: str) -> None:
    def no_lookup(host: str) -> list[str]:
        pytest.fail(f"a literal address was looked up: {host}")

    with pytest.raises(UnreadableInput, match="private, loopback"):
        check_url(url, resolve=no_lookup)


def test_a_name_that_resolves_to_loopback_is_refused() -> None:
    # "localhost" really resolves here; the check must look at the addresses, not the name.
    with pytest.raises(UnreadableInput, match="private, loopback or link-local address"):
        check_url("http://localhost:8000/")
    with pytest.raises(UnreadableInput, match="private"):
        check_url("http://0x7f000001/")  # inet_aton spelling of 127.0.0.1
    with pytest.raises(UnreadableInput, match=r"\(10\.0\.0\.7\)"):
        check_url("http://intranet.example/", resolve=lambda host: ["93.184.215.14", "10.0.0.7"])


def test_only_http_is_fetched() -> None:
    for url in ("file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)", "gopher://x"):
        with pytest.raises(UnreadableInput, match="only http and https"):
            check_url(url)


def test_fetch_url_never_connects_to_loopback() -> None:
    # A real server would answer on loopback; the refusal comes before any connection.
    with pytest.raises(UnreadableInput, match="private"):
        fetch_url("http://127.0.0.1:1/", max_bytes=1000)


def test_the_connection_is_pinned_to_the_address_that_was_checked() -> None:
    # A second DNS answer could rebind the name to a private address: the request goes to the
    # checked address and names the host only in the Host header and TLS SNI.
    calls: list[str] = []

    def resolve(host: str) -> list[str]:
        calls.append(host)
        return ["93.184.215.14"] if len(calls) == 1 else ["127.0.0.1"]

    url, address = checked_address("https://news.example:8443/a?b=1", resolve)
    assert (url, address, calls) == ("https://news.example:8443/a?b=1", "93.184.215.14", ["news.example"])
    target, headers, ext = pinned(url, address)
    assert target == "https://93.184.215.14:8443/a?b=1"
    assert headers["Host"] == "news.example:8443" and ext == {"sni_hostname": "news.example"}
    assert pinned("http://v6.example/x", "2606:4700::1")[0] == "http://[2606:4700::1]/x"


def test_settings_from_flags_and_defaults() -> None:
    s = settings_from_flags(db=None, max_upload_mb=1.5, allow_fetch=True)
    assert s.max_upload_bytes == 1_572_864 and s.allow_fetch and s.db_url.startswith("sqlite:///")
    assert WebSettings().allow_fetch is False
    assert WebSettings().max_upload_bytes == 20 * 1024 * 1024
    with pytest.raises(ValueError):
        WebSettings(max_upload_bytes=0)
