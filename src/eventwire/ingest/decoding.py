"""Bytes to text: UTF-16 with a byte-order mark, UTF-8 (with or without BOM), else cp1252, else
Latin-1; content that looks binary is refused with a :class:`~eventwire.errors.DecodeError`."""

from __future__ import annotations

import re

from eventwire.errors import DecodeError

__all__ = ["decode_bytes"]

# Bytes that are control characters in every text encoding we accept: a binary file.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` as UTF-8 (with or without BOM), else cp1252, else Latin-1.

    Raises :class:`DecodeError` for content that looks binary.
    """
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(source, f"invalid UTF-16: {exc.reason}") from exc
    if _BINARY_BYTES.search(data[:4096]):
        raise DecodeError(source, "binary content, not text in any supported encoding")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DecodeError(source, "not text in any supported encoding")  # pragma: no cover
