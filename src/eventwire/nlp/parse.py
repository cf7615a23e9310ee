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
    sentences: list[Sentence] = []
    sent_of: list[int] = [0] * len(doc)
    for s_index, sent in enumerate(doc.sents):
        start = norm.to_original(sent.start_char)
        end = norm.end_to_original(sent.end_char)
        sentences.append(Sentence(s_index, sent.start, sent.end, start, end, original[start:end]))
        sent_of[sent.start : sent.end] = [s_index] * (sent.end - sent.start)
    tokens: list[Token] = []
    kids: list[list[int]] = [[] for _ in range(len(doc))]
    # Heads from the array (offsets relative to the token): ``tok.head`` builds a Token each.
    offsets = doc.to_array("HEAD").view("int64").tolist() if len(doc) else []
    for tok in doc:
        token = _token(tok, tok.i + offsets[tok.i], norm, original, sent_of[tok.i])
        tokens.append(token)
        if token.head != token.i:
            kids[token.head].append(token.i)  # in index order: spaCy's ``Token.children``
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
    children = tuple(tuple(k) for k in kids)
    return ParsedText(original, tuple(tokens), tuple(sentences), entities, children)


def _token(tok: Any, head: int, norm: NormalisedText, original: str, sent: int) -> Token:
    text = tok.text
    start = norm.to_original(tok.idx)
    end = norm.end_to_original(tok.idx + len(text))
    return Token(
        i=tok.i,
        text=original[start:end],
        lemma=tok.lemma_.lower(),
        pos=tok.pos_,
        tag=tok.tag_,
        dep=tok.dep_,
        head=head,
        start=start,
        end=end,
        sent=sent,
        ent_type=tok.ent_type_,
        ent_iob=tok.ent_iob_,
        morph=str(tok.morph),
        norm=text.lower(),
    )
