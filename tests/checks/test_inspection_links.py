"""Links opened against a local HTTP server: the test allow-lists `localhost` (the server is on loopback)."""

from __future__ import annotations

import pytest

from checks.inspection import LinkPolicy, LinkResult, check_links, find_links
from checks.inspection.links import check_link, is_public
from tests.linkserver import link_server

ALLOW_LOCALHOST = LinkPolicy(allowed_hosts=frozenset({"localhost"}), timeout=1.0)


@pytest.fixture
def server():
    with link_server() as running:
        yield running


def test_urls_are_found_with_their_spans_without_trailing_punctuation():
    text = "详见http://www.gov.cn/zhengce/a.html。另见（https://www.yn.gov.cn/x?id=1）"
    assert [(text[s:e], url) for s, e, url in find_links(text)] == [
        ("http://www.gov.cn/zhengce/a.html", "http://www.gov.cn/zhengce/a.html"),
        ("https://www.yn.gov.cn/x?id=1", "https://www.yn.gov.cn/x?id=1"),
    ]


def test_private_loopback_and_link_local_addresses_are_not_public():
    assert [is_public(a) for a in ("127.0.0.1", "10.1.2.3", "192.168.1.1", "169.254.169.254", "::1", "8.8.8.8")] == [
        False,
        False,
        False,
        False,
        False,
        True,
    ]


def test_a_live_link_gives_no_finding_and_a_same_host_redirect_is_followed(server):
    assert check_link(server.url("/ok"), ALLOW_LOCALHOST).outcome == "ok"
    assert check_link(server.url("/moved"), ALLOW_LOCALHOST).outcome == "ok"
    assert server.hits["/ok"] == 2
    assert check_links([("body", f"见{server.url('/ok')}。")], ALLOW_LOCALHOST) == []


def test_a_404_and_a_500_are_findings_at_the_link(server):
    text = f"通知见{server.url('/missing')}，附件见{server.url('/broken')}。"
    found = check_links([("body", text)], ALLOW_LOCALHOST)
    assert [(field, f.rule, text[f.start : f.end]) for field, f in found] == [
        ("body", "inspection.link.client_error", server.url("/missing")),
        ("body", "inspection.link.server_error", server.url("/broken")),
    ]
    assert "404" in found[0][1].message and found[0][1].severity == "error"


def test_a_link_that_does_not_answer_in_time_is_unreachable(server):
    result = check_link(server.url("/slow"), LinkPolicy(allowed_hosts=frozenset({"localhost"}), timeout=0.3))
    assert (result.outcome, result.detail) == ("unreachable", "连接超时")
    assert server.hits["/slow"] == 1


def test_links_still_open_at_the_drafts_deadline_are_reported_as_not_checked(server):
    policy = LinkPolicy(allowed_hosts=frozenset({"localhost"}), timeout=5.0, deadline=0.3)
    found = check_links([("body", f"{server.url('/slow')} {server.url('/ok')}")], policy)
    assert [(f.rule, f.severity, f.text) for _, f in found] == [("inspection.link.late", "info", server.url("/slow"))]


def test_loopback_is_refused_unless_allow_listed_and_no_request_is_made(server):
    result = check_link(server.url("/ok"), LinkPolicy(timeout=1.0))
    assert result.outcome == "refused"
    assert server.hits["/ok"] == 0
    (field, finding) = check_links([("title", server.url("/ok"))], LinkPolicy(timeout=1.0))[0]
    assert (field, finding.rule, finding.severity) == ("title", "inspection.link.refused", "warning")


def test_a_redirect_into_loopback_is_refused_and_not_followed(server):
    result = check_link(server.url("/to-loopback"), ALLOW_LOCALHOST)
    assert (result.outcome, result.location) == ("refused", f"http://127.0.0.1:{server.port}/ok")
    assert (server.hits["/to-loopback"], server.hits["/ok"]) == (1, 0)


def test_a_redirect_to_another_host_is_a_finding_with_the_new_address(server):
    (_, finding) = check_links([("body", server.url("/elsewhere"))], ALLOW_LOCALHOST)[0]
    assert (finding.rule, finding.suggestion) == ("inspection.link.other_host", "http://www.gov.cn/")


def test_only_the_first_links_are_opened_and_the_rest_are_reported(server):
    urls = [server.url(f"/ok?n={n}") for n in range(3)]
    policy = LinkPolicy(allowed_hosts=frozenset({"localhost"}), timeout=1.0, max_links=2)
    found = check_links([("body", " ".join(urls))], policy)
    assert [(f.rule, f.text) for _, f in found] == [("inspection.link.not_checked", urls[2])]
    assert server.hits["/ok"] == 2


def test_a_cached_result_is_used_instead_of_opening_the_link(server):
    class Memory:
        def __init__(self) -> None:
            self.results: dict[str, LinkResult] = {}

        def lookup(self, url: str) -> LinkResult | None:
            return self.results.get(url)

        def store(self, result: LinkResult) -> None:
            self.results[result.url] = result

    cache = Memory()
    url = server.url("/missing")
    for _ in range(2):
        (_, finding) = check_links([("body", url)], ALLOW_LOCALHOST, cache)[0]
        assert finding.rule == "inspection.link.client_error"
    assert server.hits["/missing"] == 1
    assert cache.results[url].private
    # A result reached through the allow-list is not reused for a unit that does not allow the host.
    (_, finding) = check_links([("body", url)], LinkPolicy(timeout=1.0), cache)[0]
    assert finding.rule == "inspection.link.refused"
