"""Articles we wrote for the store tests, and a JSON Lines writer."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from eventwire.ingest import content_hash
from eventwire.model import Article

ARTICLES = {
    "a1": ("Rebels attacked a checkpoint near Mosul. Officials met in Geneva.", "2016-10-17"),
    "a2": ("Students protested outside the ministry. Police had not attacked them.", "2016-11-02"),
    "a3": ("Militants attacked a convoy near Mosul at dawn.", "2017-01-09"),
}


def article(article_id: str, text: str, day: str = "2016-10-17", language: str = "en") -> Article:
    date = dt.date.fromisoformat(day)
    return Article(
        id=article_id,
        text=text,
        reference_date=date,
        reference_source="article",
        date=date,
        language=language,
        content_hash=content_hash(text),
    )


def write_jsonl(path: Path, articles: dict[str, tuple[str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for key, (text, day) in articles.items():
            fh.write(json.dumps({"id": key, "text": text, "date": day}) + "\n")
    return path
