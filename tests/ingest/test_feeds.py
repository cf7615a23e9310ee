"""RSS 2.0 and Atom feeds: one article per item, content before summary, guid before link."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.ingest import InputFailure, InputItem, read_inputs
from eventwire.ingest import messages as msg
from eventwire.ingest.feeds import FEED_LIMIT_FACTOR
from eventwire.model import Article
from tests.ingest.helpers import LIMIT, TODAY, articles, failures, notes, read

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Harbour Gazette</title><link>https://gazette.example/</link><description>News</description>
<item>
  <title>Dockers strike</title>
  <link>https://gazette.example/dockers</link>
  <guid isPermaLink="false">gazette-1</guid>
  <pubDate>Thu, 04 Mar 2021 23:15:00 -0500</pubDate>
  <description>A short teaser.</description>
  <content:encoded><![CDATA[<p>Dockers in Gdansk struck on Thursday.</p>
<p>The union &amp; the port authority met<br>late at night.</p><script>track()</script>]]>
  </content:encoded>
</item>
<item>
  <title>Talks &amp; more</title>
  <link>https://gazette.example/talks</link>
  <pubDate>sometime soon</pubDate>
  <description>&lt;p&gt;Ministers met in Oslo.&lt;/p&gt;
    &lt;p&gt;They agreed to meet again.&lt;/p&gt;</description>
</item>
<item>
  <title>Picture of the day</title>
  <link>https://gazette.example/picture</link>
</item>
<item>
  <description>Farmers blocked roads near Lyon.</description>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Wire</title><id>urn:wire</id><updated>2021-03-06T00:00:00Z</updated>
<entry>
  <title type="html">Riot &lt;em&gt;police&lt;/em&gt; deployed</title>
  <id>urn:uuid:3f1c</id>
  <link href="https://wire.example/1"/>
  <published>2021-03-04T23:30:00-05:00</published>
  <updated>2021-03-05T10:00:00Z</updated>
  <summary>Summary only.</summary>
  <content type="html">&lt;p&gt;Riot police were deployed in Minsk.&lt;/p&gt;</content>
</entry>
<entry>
  <title>Soldiers withdraw</title>
  <id>urn:uuid:77aa</id>
  <link href="https://wire.example/2"/>
  <updated>2021-03-06T08:00:00Z</updated>
  <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
    <p>Soldiers withdrew from the border town.</p><p>Residents returned.</p></div></summary>
</entry>
<entry>
  <title>Plain</title>
  <link href="https://wire.example/3"/>
  <summary type="text">Rebels freed
three hostages.

Talks go on.</summary>
</entry>
</feed>
"""


def _read(tmp_path: Path, name: str, body: str, max_bytes: int = LIMIT) -> list[InputItem]:
    (tmp_path / name).write_text(body, encoding="utf-8")
    return read(tmp_path / name, max_bytes=max_bytes)


def _by_title(tmp_path: Path, name: str, body: str) -> dict[str | None, Article]:
    return {article.title: article for article in articles(_read(tmp_path, name, body))}


def test_feeds_rss_one_article_per_item_in_order(tmp_path: Path) -> None:
    items = _read(tmp_path, "wire.rss", RSS)
    assert [type(item).__name__ for item in items] == [
        "Article",
        "InputNote",
        "Article",
        "InputFailure",
        "Article",
    ]


def test_feeds_rss_content_is_preferred_to_summary(tmp_path: Path) -> None:
    article = _by_title(tmp_path, "wire.rss", RSS)["Dockers strike"]
    assert article.text == (
        "Dockers in Gdansk struck on Thursday.\n\n"
        "The union & the port authority met\n\nlate at night."
    )
    assert "teaser" not in article.text
    assert "track" not in article.text


def test_feeds_rss_guid_is_the_id_link_the_url(tmp_path: Path) -> None:
    article = _by_title(tmp_path, "wire.rss", RSS)["Dockers strike"]
    assert article.id == "gazette-1"
    assert article.url == "https://gazette.example/dockers"
    assert article.path == str(tmp_path / "wire.rss")


def test_feeds_rss_date_is_the_day_as_written(tmp_path: Path) -> None:
    # 23:15 at -05:00 is already the 5th in UTC; the feed's own day is kept.
    article = _by_title(tmp_path, "wire.rss", RSS)["Dockers strike"]
    assert article.date == dt.date(2021, 3, 4)
    assert (article.reference_date, article.reference_source) == (dt.date(2021, 3, 4), "article")


def test_feeds_rss_item_without_guid_takes_its_link_and_summary(tmp_path: Path) -> None:
    article = _by_title(tmp_path, "wire.rss", RSS)["Talks & more"]
    assert article.id == article.url == "https://gazette.example/talks"
    assert article.text == "Ministers met in Oslo.\n\nThey agreed to meet again."


def test_feeds_rss_unreadable_date_is_a_note(tmp_path: Path) -> None:
    items = _read(tmp_path, "wire.rss", RSS)
    (unread,) = notes(items)
    assert unread.code == msg.BAD_DATE.code
    assert unread.source == f"{tmp_path / 'wire.rss'} item 2"
    assert "sometime soon" in unread.message
    article = _by_title(tmp_path, "wire.rss", RSS)["Talks & more"]
    assert (article.date, article.reference_date) == (None, TODAY)


def test_feeds_rss_item_without_text_fails_alone(tmp_path: Path) -> None:
    items = _read(tmp_path, "wire.rss", RSS)
    (problem,) = failures(items)
    assert problem.code == msg.ITEM_NO_TEXT.code
    assert problem.source == f"{tmp_path / 'wire.rss'} item 3"


def test_feeds_rss_item_with_neither_guid_nor_link_is_keyed_by_hash(tmp_path: Path) -> None:
    article = _by_title(tmp_path, "wire.rss", RSS)[None]
    assert article.text == "Farmers blocked roads near Lyon."
    assert article.id == article.content_hash
    assert article.url is None


def test_feeds_atom_entries(tmp_path: Path) -> None:
    found = _by_title(tmp_path, "wire.atom", ATOM)
    assert sorted(found, key=str) == ["Plain", "Riot police deployed", "Soldiers withdraw"]
    riot = found["Riot police deployed"]
    assert riot.text == "Riot police were deployed in Minsk."
    assert riot.id == "urn:uuid:3f1c"
    assert riot.url == "https://wire.example/1"
    assert riot.date == dt.date(2021, 3, 4)  # published, not updated


def test_feeds_atom_summary_when_no_content_and_updated_date(tmp_path: Path) -> None:
    soldiers = _by_title(tmp_path, "wire.atom", ATOM)["Soldiers withdraw"]
    assert soldiers.text == "Soldiers withdrew from the border town.\n\nResidents returned."
    assert soldiers.date == dt.date(2021, 3, 6)


def test_feeds_atom_plain_text_summary_keeps_paragraphs(tmp_path: Path) -> None:
    plain = _by_title(tmp_path, "wire.atom", ATOM)["Plain"]
    assert plain.text == "Rebels freed three hostages.\n\nTalks go on."
    assert plain.id == "https://wire.example/3"
    assert plain.date is None


@pytest.mark.parametrize("name", ["wire.xml", "wire"])
def test_feeds_xml_ending_and_sniffing(tmp_path: Path, name: str) -> None:
    assert len(articles(_read(tmp_path, name, ATOM))) == 3


def test_feeds_are_streamed(tmp_path: Path) -> None:
    (tmp_path / "wire.atom").write_text(ATOM, encoding="utf-8")
    stream = read_inputs([str(tmp_path / "wire.atom")], reference_date=None, max_bytes=10**6)
    first = next(stream)
    assert isinstance(first, Article)
    assert first.title == "Riot police deployed"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
            "I021",
        ),
        ('<?xml version="1.0"?><catalog><book>Dune</book></catalog>', "I017"),
        # feedparser reads broken feeds leniently: the item is found, it has no text
        ("<?xml version='1.0'?><rss><item><title>unclosed", "I019"),
        ("<?xml version='1.0'?><rss><channel>", "I021"),
        ("", msg.EMPTY.code),
    ],
)
def test_feeds_without_items_fail(tmp_path: Path, body: str, code: str) -> None:
    (problem,) = _read(tmp_path, "feed.xml", body)
    assert isinstance(problem, InputFailure)
    assert problem.code == code


def test_feeds_xhtml_page_in_xml_file_is_read_as_html(tmp_path: Path) -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Page</title></head><body>'
        "<article><p>Students occupied the university library in Santiago on Monday.</p>"
        "<p>The rector called the police, who cleared the building at night.</p></article>"
        "</body></html>"
    )
    (article,) = articles(_read(tmp_path, "page.xml", page))
    assert article.text.startswith("Students occupied")


def test_feeds_file_limit_is_a_multiple_of_the_article_limit(tmp_path: Path) -> None:
    items = _read(tmp_path, "wire.rss", RSS, max_bytes=len(RSS) // FEED_LIMIT_FACTOR - 1)
    (problem,) = items
    assert isinstance(problem, InputFailure)
    assert problem.code == msg.FEED_TOO_LARGE.code


def test_feeds_item_over_the_article_limit_fails_alone(tmp_path: Path) -> None:
    long_item = "<item><title>Long</title><description>" + "word " * 200 + "</description></item>"
    body = RSS.replace("</channel>", long_item + "</channel>")
    items = _read(tmp_path, "wire.rss", body, max_bytes=600)
    assert [problem.code for problem in failures(items)] == [
        msg.ITEM_NO_TEXT.code,
        msg.ITEM_TOO_LARGE.code,
    ]
    assert len(articles(items)) == 3
