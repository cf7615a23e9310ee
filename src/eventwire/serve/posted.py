"""Articles sent in a request body, read exactly as ``eventwire ingest`` reads JSON Lines.

The posted articles are written to a JSON Lines file in a temporary folder and read back with
``eventwire.ingest.read_inputs``, so ids, dates, language detection and size limits mean what
they mean on the command line; messages name the request (``request:2``, the second article)
instead of the temporary file.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

REQUEST = "request"


class ArticleIn(BaseModel):
    """One article, with the fields of a JSON Lines input line."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article text (plain text).", min_length=1)
    id: str | None = Field(None, description="Its id; else the URL; else sha1 of the text.")
    title: str | None = None
    url: str | None = None
    date: str | None = Field(
        None, description="Publication date: ISO 8601 or any date string dateparser reads."
    )


class ArticlesIn(BaseModel):
    """Several articles, and the reference date for those that carry no date."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=1000)
    reference_date: dt.date | None = Field(
        None, description="YYYY-MM-DD used to resolve 'July 20' in articles without a date."
    )


class OneArticleIn(ArticleIn):
    """One article, and the reference date to use when it carries no date."""

    reference_date: dt.date | None = Field(
        None, description="YYYY-MM-DD used to resolve 'July 20' when the article has no date."
    )


def as_batch(body: OneArticleIn | ArticlesIn) -> ArticlesIn:
    if isinstance(body, ArticlesIn):
        return body
    one = ArticleIn(**body.model_dump(exclude={"reference_date"}))
    return ArticlesIn(articles=[one], reference_date=body.reference_date)


@contextmanager
def posted_file(articles: Sequence[ArticleIn]) -> Iterator[Path]:
    """A JSON Lines file holding the articles, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="eventwire-serve-") as folder:
        path = Path(folder) / f"{REQUEST}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for article in articles:
                line = article.model_dump(exclude_none=True)
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        yield path


def relabel(message: str, path: Path) -> str:
    """A reader's message with the temporary file's name replaced by ``request``."""
    return message.replace(str(path), REQUEST)
