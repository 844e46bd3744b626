"""Bytes → text: UTF-8 first, then charset detection, and a clear refusal for binary files.

Pasted pages saved on Windows arrive as cp1252 or latin-1; decoding them as UTF-8 with
replacement characters would corrupt quotes and names, so we detect instead of guessing.
"""

from __future__ import annotations

import codecs
import re
import zlib

from storyline.errors import UnreadableInput

# Control bytes that never occur in text (NUL and friends; tab, newline, CR, FF, ESC are allowed).
_BINARY = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_BINARY_TABLE = bytes.maketrans(b"", b"")

MAX_DECOMPRESSED = 100 * 1024 * 1024


def looks_binary(head: bytes) -> bool:
    """True for data that is not text: NUL bytes or many control bytes in the first kilobytes."""
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(_BINARY_TABLE, _BINARY))
    return controls > max(4, len(head) // 100)


def utf16_encoding(head: bytes) -> str | None:
    """The UTF-16 codec ``head`` is written in, or None. With a BOM it says so; without one,
    text of mostly ASCII characters shows the NUL byte of each character on the same side
    (odd bytes in UTF-16LE, even ones in UTF-16BE), which no binary format keeps up for long."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    pairs = len(head) // 2
    if pairs < 16:
        return None
    for codec, nul, other in (("utf-16-le", 1, 0), ("utf-16-be", 0, 1)):
        nuls, others = head[nul : 2 * pairs : 2].count(0), head[other : 2 * pairs : 2].count(0)
        if nuls >= 0.7 * pairs and others <= 0.02 * pairs:
            try:
                text = head[: 2 * pairs].decode(codec)
            except UnicodeDecodeError:
                return None
            return None if looks_binary(text.encode("utf-8")) else codec
    return None


_DECLARED = re.compile(
    rb"""<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)|<meta[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)""", re.I
)


def declared_charset(head: bytes) -> str | None:
    """The charset a document names for itself: ``<?xml ... encoding="..."?>`` or a meta tag."""
    m = _DECLARED.search(head)
    return (m.group(1) or m.group(2)).decode("ascii").lower() if m else None


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode a document; ``declared`` is a charset the container named (HTTP header, meta tag)."""
    if codec := utf16_encoding(data[:8192]):  # e.g. a WARC page saved by a Windows tool
        return data[: len(data) // 2 * 2].decode(codec, errors="replace").lstrip("\ufeff")
    if looks_binary(data[:8192]):
        raise UnreadableInput(name, "binary data, not text, HTML or JSON")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        # cp1252 leaves five bytes undefined; latin-1 decodes every byte, so nothing is dropped.
        return data.decode("latin-1")


def gunzip(data: bytes, name: str) -> bytes:
    """Decompress a gzip file, refusing truncated or corrupt ones and decompression bombs.

    Every member of a multi-member gzip (concatenated files) counts against one limit: a bomb
    split into many small members expands no further than a single one may."""
    parts: list[bytes] = []
    size, rest = 0, data
    try:
        while True:
            d = zlib.decompressobj(wbits=31)
            out = d.decompress(rest, MAX_DECOMPRESSED - size + 1)
            size += len(out)
            if size > MAX_DECOMPRESSED or d.unconsumed_tail:
                raise UnreadableInput(name, f"gzip data expands past {MAX_DECOMPRESSED // 2**20} MB")
            parts.append(out)
            if not d.eof:
                raise UnreadableInput(name, "truncated gzip file (it ends before the compressed data does)")
            rest = d.unused_data
            if not rest.strip(b"\0"):  # the end, or the zero padding some writers leave
                break
    except zlib.error as exc:
        raise UnreadableInput(name, f"corrupt gzip file ({exc})") from exc
    return b"".join(parts)
