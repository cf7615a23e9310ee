"""Turn a spaCy ``Doc`` into eventwire's ``ParsedText`` (tokens with original offsets).

The rest of the pipeline never touches spaCy objects: it works on plain tuples that tests can
build by hand and that cross process boundaries (multiprocessing, Dask) cheaply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventwire.model import Entity, ParsedText, Sentence, Token
from eventwire.nlp.normalise import NormalisedText

if TYPE_CHECKING:
    from spacy.tokens import Doc


def to_parsed(doc: Doc, norm: NormalisedText, original: str) -> ParsedText:
    """Convert a spaCy doc parsed from ``norm.text`` into offsets of ``original``."""
    tokens: list[Token] = []
    sent_of: dict[int, int] = {}
    sentences: list[Sentence] = []
    for s_index, sent in enumerate(doc.sents):
        start = norm.to_original(sent.start_char)
        end = norm.end_to_original(sent.end_char)
        sentences.append(Sentence(s_index, sent.start, sent.end, start, end, original[start:end]))
        for t in range(sent.start, sent.end):
            sent_of[t] = s_index
    for tok in doc:
        tokens.append(_token(tok, norm, original, sent_of[tok.i]))
    entities = tuple(
        Entity(
            ent.start,
            ent.end,
            norm.to_original(ent.start_char),
            norm.end_to_original(ent.end_char),
            original[norm.to_original(ent.start_char) : norm.end_to_original(ent.end_char)],
            ent.label_,
        )
        for ent in doc.ents
    )
    children = tuple(tuple(c.i for c in tok.children) for tok in doc)
    return ParsedText(original, tuple(tokens), tuple(sentences), entities, children)


def _token(tok: Any, norm: NormalisedText, original: str, sent: int) -> Token:
    start = norm.to_original(tok.idx)
    end = norm.end_to_original(tok.idx + len(tok.text))
    return Token(
        i=tok.i,
        text=original[start:end],
        lemma=tok.lemma_.lower(),
        pos=tok.pos_,
        tag=tok.tag_,
        dep=tok.dep_,
        head=tok.head.i,
        start=start,
        end=end,
        sent=sent,
        ent_type=tok.ent_type_,
        ent_iob=tok.ent_iob_,
        morph=str(tok.morph),
        norm=tok.text.lower(),
    )
