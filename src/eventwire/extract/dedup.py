"""Duplicate and near-duplicate articles: exact keys and MinHash story clusters.

* An article is an **exact duplicate** of a stored one when it has the same URL (normalised:
  scheme, ``www.``, fragment, trailing slash and tracking parameters ignored) or the same
  normalised text (:func:`text_key`, whitespace collapsed and lower-cased).
* **Near-duplicates** (wire copies, lightly edited re-posts) are found with MinHash over word
  5-shingles (:data:`NUM_PERM` hash functions) and locality-sensitive hashing in
  :data:`BANDS` bands of :data:`ROWS` rows; a candidate whose estimated Jaccard similarity is at
  least :data:`NEAR_DUPLICATE` joins the other's story cluster.

Everything here is deterministic (fixed seeds, crc32 shingle hashes), so a rerun gives the same
signatures and clusters.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

__all__ = [
    "BANDS",
    "NEAR_DUPLICATE",
    "NUM_PERM",
    "ROWS",
    "band_keys",
    "jaccard_estimate",
    "minhash",
    "normalise_url",
    "text_key",
    "url_key",
]

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
NEAR_DUPLICATE = 0.6  # estimated Jaccard similarity of 5-shingles for "the same story"
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20201222)
_A = _rng.integers(1, 1 << 28, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, 1 << 28, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$", re.I)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def text_key(text: str) -> str:
    """Key of an article's normalised text (whitespace collapsed, lower-cased)."""
    return _digest(" ".join(text.split()).lower())


def normalise_url(url: str) -> str:
    """The URL without what does not change the page: scheme, ``www.``, fragment, trailing
    slash, tracking parameters (``utm_*``, ``fbclid``...); host lower-cased."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, query, ""))


def url_key(url: str) -> str:
    return _digest(normalise_url(url))


def minhash(text: str) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint64 values) of the text's word 5-shingles."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        shingles = [" ".join(words)] if words else [""]
    else:
        shingles = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    hashes = np.fromiter(
        (zlib.crc32(s.encode("utf-8")) for s in set(shingles)), dtype=np.uint64, count=len(set(shingles))
    )
    values = (np.outer(hashes, _A) + _B) % _PRIME  # (shingles, NUM_PERM); a*x < 2**60: no overflow
    signature: np.ndarray = values.min(axis=0)
    return signature


def band_keys(signature: np.ndarray) -> list[int]:
    """One signed 63-bit key per LSH band (band number mixed in, so bands never collide)."""
    keys: list[int] = []
    for band in range(BANDS):
        chunk = signature[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True) >> 1)
    return keys


def jaccard_estimate(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / NUM_PERM
