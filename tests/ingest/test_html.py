"""HTML pages: the main text only (no menus, bylines, footers, scripts); metadata title, date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest import InputFailure, InputNote
from eventwire.ingest import messages as msg
from eventwire.ingest.html import extract_page
from eventwire.model import Article
from tests.ingest.helpers import articles, failures, notes, read

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Dockers strike in Gdansk | The Harbour Gazette</title>
<meta property="og:title" content="Dockers strike in Gdansk">
<meta property="article:published_time" content="2021-03-04T08:15:00+01:00">
<link rel="canonical" href="https://gazette.example/2021/03/dockers-strike">
<script>var tracking = "Scripted words must never reach the text";</script>
<style>body { color: red; }</style>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<header><div class="masthead">The Harbour Gazette</div></header>
<main><article>
<h1>Dockers strike in Gdansk</h1>
<p class="byline">By Jan Kowal, harbour correspondent</p>
<p>Dockers in Gdansk walked off the job on Thursday, halting the container terminal.</p>
<p>The union said the strike would last until the port authority agreed to talks on wages<br>
and night shifts.</p>
<script>console.log("inline script in the body");</script>
<p>Police watched as several hundred workers marched to the city hall, where the mayor
promised to meet their leaders.</p>
<p>A spokesman for the port authority said it regretted the walkout.</p>
</article>
<aside><h2>More in World</h2><ul><li><a href="/a">Floods hit northern Italy</a></li>
<li><a href="/b">Elections called in Peru</a></li></ul></aside>
</main>
<footer><p>Copyright 2021 The Harbour Gazette. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""

FURNITURE = [
    "Home",
    "Sport",
    "Harbour Gazette",
    "By Jan Kowal",
    "More in World",
    "Floods hit northern Italy",
    "Copyright",
    "Privacy policy",
    "Scripted words",
    "inline script",
    "color: red",
]


def _page_article(tmp_path: Path, name: str = "story.html", page: str = PAGE) -> Article:
    (tmp_path / name).write_text(page, encoding="utf-8")
    items = read(tmp_path / name)
    (article,) = articles(items)
    assert not failures(items)
    return article


def test_html_keeps_the_main_text(tmp_path: Path) -> None:
    text = _page_article(tmp_path).text
    assert text.startswith("Dockers in Gdansk walked off the job on Thursday")
    assert "regretted the walkout." in text
    assert "several hundred workers marched" in text


@pytest.mark.parametrize("furniture", FURNITURE)
def test_html_drops_furniture(tmp_path: Path, furniture: str) -> None:
    assert furniture not in _page_article(tmp_path).text


def test_html_paragraphs_are_separated_by_blank_lines(tmp_path: Path) -> None:
    text = _page_article(tmp_path).text
    assert "halting the container terminal.\n\nThe union said" in text
    # a <br> inside a paragraph also breaks; white space inside a paragraph is collapsed
    assert "on wages\n\nand night shifts." in text
    assert "the mayor promised" in text
    assert "\n\n\n" not in text


def test_html_headline_repeating_the_title_is_not_in_the_text(tmp_path: Path) -> None:
    article = _page_article(tmp_path)
    assert article.title == "Dockers strike in Gdansk"
    assert "Dockers strike in Gdansk" not in article.text


def test_html_date_and_url_from_metadata(tmp_path: Path) -> None:
    article = _page_article(tmp_path)
    assert article.date == dt.date(2021, 3, 4)
    assert article.reference_date == dt.date(2021, 3, 4)
    assert article.reference_source == "article"
    assert article.url == "https://gazette.example/2021/03/dockers-strike"
    assert article.id == article.url
    assert article.language == "en"
    assert article.path == str(tmp_path / "story.html")


def test_html_date_from_json_ld(tmp_path: Path) -> None:
    page = """<html><head><title>Strike spreads</title>
<script type="application/ld+json">
{"@type": "NewsArticle", "headline": "Strike spreads", "datePublished": "2019-05-06"}
</script></head><body>
<div class="menu"><a href="/">Home</a> | <a href="/news">News</a></div>
<div class="content">
<p>Workers at three more factories joined the strike on Monday, union leaders said.</p>
<p>Managers said production had stopped at all three sites. Talks are due on Friday.</p>
</div></body></html>"""
    article = _page_article(tmp_path, page=page)
    assert article.date == dt.date(2019, 5, 6)
    assert article.title == "Strike spreads"
    assert "Home" not in article.text


def test_html_without_date_falls_back_to_the_option(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Quiet day</title></head><body><article>"
        "<p>Farmers blocked the main road into the provincial capital with their tractors.</p>"
        "<p>The protest ended peacefully in the evening, the police said.</p>"
        "</article></body></html>"
    )
    (tmp_path / "quiet.html").write_text(page, encoding="utf-8")
    (article,) = articles(read(tmp_path / "quiet.html", reference_date=dt.date(2018, 2, 3)))
    assert article.date is None
    assert (article.reference_date, article.reference_source) == (dt.date(2018, 2, 3), "option")


def test_html_menu_without_nav_element_is_dropped(tmp_path: Path) -> None:
    page = (
        "<html><body><div class='menu'><a href='/'>Home</a> <a href='/w'>World news</a></div>"
        "<p>Police arrested two men in Oslo on Sunday after a night of clashes.</p></body></html>"
    )
    text = _page_article(tmp_path, page=page).text
    assert text == "Police arrested two men in Oslo on Sunday after a night of clashes."


def test_html_sniffed_without_ending(tmp_path: Path) -> None:
    article = _page_article(tmp_path, name="story")
    assert article.title == "Dockers strike in Gdansk"


@pytest.mark.parametrize(
    ("page", "code"),
    [
        ("<p>Hi</p>", msg.NO_MAIN_TEXT.code),
        ("<!DOCTYPE html><html></html>", msg.NO_MAIN_TEXT.code),
        ("<html><head><script>go()</script></head><body></body></html>", msg.NO_MAIN_TEXT.code),
        ("   \n", msg.BLANK.code),
    ],
)
def test_html_without_article_text_fails(tmp_path: Path, page: str, code: str) -> None:
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (problem,) = read(tmp_path / "page.html")
    assert isinstance(problem, InputFailure)
    assert problem.code == code


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-2"><title>Gdańsk</title></head><body><article>'
        "<p>Stoczniowcy w Gdańsku rozpoczęli strajk w czwartek rano, podał związek.</p>"
        "<p>Policja obserwowała marsz pod ratusz, gdzie prezydent miasta obiecał rozmowy.</p>"
        "</article></body></html>"
    )
    (tmp_path / "pl.html").write_bytes(page.encode("iso-8859-2"))
    items = read(tmp_path / "pl.html")
    (article,) = articles(items)
    assert not notes(items)
    assert "Gdańsku" in article.text
    assert article.language == "pl"


def test_html_over_the_limit_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_text(PAGE, encoding="utf-8")
    (problem,) = read(tmp_path / "big.html", max_bytes=100)
    assert isinstance(problem, InputFailure)
    assert problem.code == msg.TOO_LARGE.code


def test_html_extract_page_keeps_text_exactly_as_returned() -> None:
    page = extract_page(PAGE)
    assert page is not None
    assert page.text == page.text.strip()
    assert page.title == "Dockers strike in Gdansk"


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.lists(
            st.sampled_from(
                [
                    b"<html>",
                    b"<head>",
                    b"<title>",
                    b"</title>",
                    b"<body>",
                    b"<p>",
                    b"</p>",
                    b"<script>",
                    b"<!--",
                    b"<![CDATA[",
                    b"<!x[",
                    b"<meta charset='zz'>",
                    b"<meta charset=utf-16>",
                    b"Police met strikers in Lodz on Friday. ",
                    b"&amp;",
                    b"&#0;",
                    b"<?xml version='1.0'?>",
                    b"<rss version='2.0'><channel>",
                    b"<feed xmlns='http://www.w3.org/2005/Atom'>",
                    b"<item>",
                    b"<entry>",
                    b"<description>",
                    b"<summary type='html'>",
                    b"<pubDate>Mon, 99 Foo 2021</pubDate>",
                    b"&lt;p&gt;",
                    b"\xff",
                    b"\x00",
                    b"\n",
                ]
            ),
            max_size=40,
        ).map(b"".join),
    ),
    name=st.sampled_from(["f.html", "f.htm", "f.xml", "f.rss", "f"]),
)
def test_html_and_xml_any_bytes_never_raise(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    items = read(path, max_bytes=400)
    assert items
    for item in items:
        assert isinstance(item, Article | InputFailure | InputNote)
        if isinstance(item, Article):
            assert item.text.strip()
            assert item.content_hash.startswith("sha1:")
