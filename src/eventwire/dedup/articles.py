"""Near-duplicate articles: wire copies and light rewrites linked to one canonical article.

Candidate pairs come from LSH over MinHash signatures and are kept when their estimated
Jaccard similarity reaches the threshold; kept pairs are joined into groups (union-find),
and each group's canonical article is its earliest (by date, then id). Every other member
is linked to it, with its similarity to the canonical article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from eventwire.dedup.minhash import Signature, candidate_pairs, similarity
from eventwire.dedup.params import MinHashParams


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    """``article_id`` is a near-copy of ``canonical_id`` (estimated Jaccard ``similarity``)."""

    article_id: str
    canonical_id: str
    similarity: float


def find_duplicates(
    signatures: Mapping[str, Signature],
    params: MinHashParams,
    dates: Mapping[str, dt.date | None] | None = None,
) -> list[DuplicateLink]:
    """Link every near-duplicate article to its group's canonical article."""
    parent = {key: key for key in signatures}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for first, second in candidate_pairs(signatures.items(), params):
        if similarity(signatures[first], signatures[second]) >= params.threshold:
            parent[root(first)] = root(second)
    groups: dict[str, list[str]] = {}
    for key in signatures:
        groups.setdefault(root(key), []).append(key)
    when = dates or {}
    links: list[DuplicateLink] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda k: (when.get(k) or dt.date.max, k))
        canonical = members[0]
        for other in members[1:]:
            score = similarity(signatures[other], signatures[canonical])
            links.append(DuplicateLink(other, canonical, round(score, 4)))
    return sorted(links, key=lambda link: link.article_id)
