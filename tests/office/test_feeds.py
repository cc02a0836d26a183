"""The Atom feed of one column's published items."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from tests.factories import demo_org, fully_signed

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_each_column_has_an_atom_feed_of_its_published_items():
    org = demo_org()
    news = fully_signed(org)
    notice = fully_signed(org, title="关于调整办事大厅工作时间的通知", column="notice")
    feed = Client().get("/feeds/work_news/")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.content)
    assert root.tag == f"{ATOM}feed" and root.findtext(f"{ATOM}title") == "工作动态"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [news.title]
    assert entries[0].find(f"{ATOM}link").get("href").endswith(f"/public/{news.pk}/")
    assert notice.title in Client().get("/feeds/notice/").content.decode()


def test_an_unknown_column_has_no_feed():
    assert Client().get("/feeds/nonsense/").status_code == 404
