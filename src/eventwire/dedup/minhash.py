"""MinHash signatures over word shingles, and LSH banding to find near-duplicate pairs.

A signature is ``permutations`` minimum hash values of the article's word ``k``-grams under
random universal hash functions (fixed seed, so signatures are stable across runs and
machines); the fraction of equal values estimates the Jaccard similarity of the shingle sets.
LSH cuts a signature into ``bands`` bands; two articles sharing one whole band become a
candidate pair, which is kept when its estimated similarity reaches the threshold.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

import numpy as np
import numpy.typing as npt

from eventwire.dedup.params import MinHashParams

Signature = npt.NDArray[np.uint32]
_WORD = re.compile(r"\w+", re.UNICODE)
_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64(0xFFFFFFFF)


def shingles(text: str, k: int) -> set[str]:
    """The set of lower-cased word ``k``-grams of ``text`` (the whole text when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def _coefficients(n: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    rng = np.random.default_rng(20260501)
    a = rng.integers(1, 1 << 32, size=n, dtype=np.uint64)
    b = rng.integers(0, 1 << 32, size=n, dtype=np.uint64)
    return a, b


def signature(text: str, params: MinHashParams) -> Signature:
    """The MinHash signature of a text (all ``0xFFFFFFFF`` for a text without words)."""
    grams = shingles(text, params.shingle_words)
    a, b = _coefficients(params.permutations)
    if not grams:
        return np.full(params.permutations, 0xFFFFFFFF, dtype=np.uint32)
    hashed = np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little")
         for g in grams),
        dtype=np.uint64,
        count=len(grams),
    )  # fmt: skip
    # (a * h + b) mod p, masked to 32 bits: a, h < 2**32, so nothing overflows 64 bits
    values = (np.outer(hashed, a) + b) % _PRIME & _MASK
    result: Signature = values.min(axis=0).astype(np.uint32)
    return result


def similarity(first: Signature, second: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.mean(first == second))


def to_hex(sig: Signature) -> str:
    return sig.astype("<u4").tobytes().hex()


def from_hex(text: str) -> Signature:
    result: Signature = np.frombuffer(bytes.fromhex(text), dtype="<u4").astype(np.uint32)
    return result


def candidate_pairs(
    signatures: Iterable[tuple[str, Signature]], params: MinHashParams
) -> Iterator[tuple[str, str]]:
    """Pairs of ids that share at least one LSH band (each pair once, ids in order)."""
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    rows = params.rows
    for key, sig in signatures:
        for band in range(params.bands):
            buckets[(band, sig[band * rows : (band + 1) * rows].tobytes())].append(key)
    seen: set[tuple[str, str]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                pair = (first, second) if first < second else (second, first)
                if pair not in seen and first != second:
                    seen.add(pair)
                    yield pair
