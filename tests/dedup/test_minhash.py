"""MinHash signatures, similarity estimates and LSH candidates."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.dedup.minhash import (
    candidate_pairs,
    from_hex,
    shingles,
    signature,
    similarity,
    to_hex,
)
from eventwire.dedup.params import load_params

PARAMS = load_params().minhash
STORY = (
    "Rebels attacked an army base near the town of Kafr Nabl on Tuesday, killing four soldiers "
    "and wounding eleven others, a monitoring group said. The army shelled rebel positions in "
    "response, and residents said several houses were destroyed in the exchange of fire."
)


@pytest.mark.parametrize(
    ("text", "k", "expected"),
    [
        ("Dockers struck in Gdansk", 2, {"dockers struck", "struck in", "in gdansk"}),
        ("Dockers struck", 3, {"dockers struck"}),
        ("", 3, set()),
        ("A, a. A!", 2, {"a a"}),
    ],
)
def test_dedup_shingles_are_lowercased_word_grams(text: str, k: int, expected: set[str]) -> None:
    assert shingles(text, k) == expected


def test_dedup_identical_texts_have_equal_signatures() -> None:
    assert similarity(signature(STORY, PARAMS), signature(STORY.upper(), PARAMS)) == 1.0


def test_dedup_signature_estimates_jaccard() -> None:
    rewrite = STORY.replace("Tuesday", "Wednesday").replace("eleven", "12")
    words = STORY.split()
    exact_a, exact_b = shingles(STORY, 3), shingles(rewrite, 3)
    jaccard = len(exact_a & exact_b) / len(exact_a | exact_b)
    estimate = similarity(signature(STORY, PARAMS), signature(rewrite, PARAMS))
    assert abs(estimate - jaccard) < 0.15
    other = " ".join(reversed(words))
    assert similarity(signature(STORY, PARAMS), signature(other, PARAMS)) < 0.1


def test_dedup_signature_hex_round_trip() -> None:
    sig = signature(STORY, PARAMS)
    assert np.array_equal(from_hex(to_hex(sig)), sig)
    assert len(sig) == PARAMS.permutations


def test_dedup_lsh_pairs_similar_texts_only() -> None:
    sigs = [
        ("a", signature(STORY, PARAMS)),
        ("b", signature(STORY + " Officials gave no figures.", PARAMS)),
        ("c", signature("Students marched in Santiago to demand free education.", PARAMS)),
    ]
    assert list(candidate_pairs(sigs, PARAMS)) == [("a", "b")]


@given(st.text(max_size=300))
def test_dedup_signature_never_fails(text: str) -> None:
    sig = signature(text, PARAMS)
    assert sig.shape == (PARAMS.permutations,) and sig.dtype == np.uint32
