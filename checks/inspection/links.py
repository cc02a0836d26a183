"""Links in a draft: each is opened once (short timeout, bounded number), never towards a private, loopback or
link-local address unless the unit allow-lists the host; dead links and redirects to another host are findings."""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from typing import Protocol
from urllib.parse import SplitResult, urljoin, urlsplit

from checks.findings import Finding

_URL = re.compile(r"https?://[^\s<>\"'“”‘’，。；、！？（）()【】《》\u3000]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}>"
USER_AGENT = "ReviewFlow link check"


@dataclass(frozen=True)
class LinkPolicy:
    """How links are checked: hosts the unit allows even on private addresses, timeout, and bounds."""

    allowed_hosts: frozenset[str] = frozenset()
    timeout: float = 5.0
    max_links: int = 20
    max_redirects: int = 3
    parallel: int = 4
    # Wall time for all of a draft's links; what is still open then is reported as not checked.
    deadline: float = 30.0


@dataclass(frozen=True)
class LinkResult:
    """What opening a URL found: outcome ok / refused / unreachable / client_error / server_error / other_host."""

    url: str
    outcome: str
    status: int | None = None
    location: str = ""
    detail: str = ""
    # Reached on a non-public address because the host was allow-listed: reused only where the host is allowed.
    private: bool = False


class LinkCache(Protocol):
    """Results of recent checks (the Django side keeps them for a day)."""

    def lookup(self, url: str) -> LinkResult | None: ...

    def store(self, result: LinkResult) -> None: ...


class Refused(Exception):
    """The host resolves to an address the checker must not open."""


def find_links(text: str) -> list[tuple[int, int, str]]:
    """Every http(s) URL in the text with its span; trailing punctuation is not part of it."""
    links = []
    for match in _URL.finditer(text):
        url = match.group().rstrip(_TRAILING)
        links.append((match.start(), match.start() + len(url), url))
    return links


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet (not private, loopback, link-local, reserved, multicast)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _host_allowed(host: str, policy: LinkPolicy) -> bool:
    return host.lower().rstrip(".") in policy.allowed_hosts


def _resolve(host: str, port: int, policy: LinkPolicy) -> tuple[tuple[str, ...], bool]:
    """The addresses to connect to and whether any is private; every address the host resolves to is checked."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        raise ConnectionError(f"域名无法解析（{error}）") from error
    addresses = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
    private = not all(is_public(a) for a in addresses)
    if private and not _host_allowed(host, policy):
        raise Refused(host)
    return addresses, private


def _connect(addresses: tuple[str, ...], port: int, timeout: float | None) -> socket.socket:
    """Connect to the first checked address that answers (localhost may list ::1 before 127.0.0.1)."""
    error: OSError = OSError("no address")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as failed:
            error = failed
    raise error


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to the address that was checked, not to whatever a second lookup returns."""

    def __init__(self, host: str, port: int, addresses: tuple[str, ...], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses

    def connect(self) -> None:
        self.sock = _connect(self.addresses, self.port, self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, addresses: tuple[str, ...], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses
        self.tls = ssl.create_default_context()

    def connect(self) -> None:
        sock = _connect(self.addresses, self.port, self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


def check_link(url: str, policy: LinkPolicy) -> LinkResult:
    """Open the URL (GET, headers only), following redirects on the same host; never into refused addresses."""
    current, private = url, False
    for _ in range(policy.max_redirects + 1):
        parts = urlsplit(current)
        host, scheme = parts.hostname or "", parts.scheme.lower()
        if scheme not in ("http", "https") or not host:
            return LinkResult(url, "unreachable", location=current, detail="不是有效的网址")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
            addresses, hop_private = _resolve(host, port, policy)
            status, location = _head_of(scheme, host, port, addresses, parts, policy.timeout)
        except Refused:
            return LinkResult(url, "refused", location=current if current != url else "", detail=host)
        except (OSError, http.client.HTTPException, ValueError) as error:
            return LinkResult(url, "unreachable", location=current if current != url else "", detail=_reason(error))
        private = private or hop_private
        if 300 <= status < 400 and location:
            target = urljoin(current, location)
            if (urlsplit(target).hostname or "").lower() != host.lower():
                return _other_host(url, status, target, policy, private)
            current = target
            continue
        outcome = "ok" if status < 400 else "client_error" if status < 500 else "server_error"
        return LinkResult(url, outcome, status=status, location=current if current != url else "", private=private)
    return LinkResult(url, "unreachable", location=current, detail="重定向次数过多", private=private)


def _other_host(url: str, status: int, target: str, policy: LinkPolicy, private: bool) -> LinkResult:
    """A redirect to another host is reported without being followed, and refused if it points inward."""
    parts = urlsplit(target)
    try:
        _resolve(parts.hostname or "", parts.port or 80, policy)
    except Refused:
        return LinkResult(url, "refused", status=status, location=target, detail=parts.hostname or "")
    except (ConnectionError, ValueError):
        pass
    return LinkResult(url, "other_host", status=status, location=target, private=private)


def _head_of(
    scheme: str, host: str, port: int, addresses: tuple[str, ...], parts: SplitResult, timeout: float
) -> tuple[int, str | None]:
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    pinned = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    connection = pinned(host, port, addresses, timeout)
    try:
        connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        response = connection.getresponse()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def _reason(error: BaseException) -> str:
    if isinstance(error, socket.timeout | TimeoutError):
        return "连接超时"
    return str(error) or type(error).__name__


def check_links(
    fields: Sequence[tuple[str, str]], policy: LinkPolicy, cache: LinkCache | None = None
) -> list[tuple[str, Finding]]:
    """Findings for the links of a draft's fields (title, body), at most `policy.max_links` distinct URLs opened."""
    spans = [(field, start, end, url) for field, text in fields for start, end, url in find_links(text)]
    urls = list(dict.fromkeys(url for *_, url in spans))
    checked, skipped = urls[: policy.max_links], set(urls[policy.max_links :])
    results = _results(checked, policy, cache)
    findings = []
    for field, start, end, url in spans:
        if url in skipped:
            findings.append((field, _finding(start, end, url, None, policy)))
        elif results[url].outcome != "ok":
            findings.append((field, _finding(start, end, url, results[url], policy)))
    return findings


def _results(urls: list[str], policy: LinkPolicy, cache: LinkCache | None) -> dict[str, LinkResult]:
    results: dict[str, LinkResult] = {}
    for url in urls:
        cached = cache.lookup(url) if cache else None
        if cached and (not cached.private or _host_allowed(urlsplit(url).hostname or "", policy)):
            results[url] = replace(cached, url=url)
    to_open = [u for u in urls if u not in results]
    if not to_open:
        return results
    pool = ThreadPoolExecutor(max_workers=max(1, min(policy.parallel, len(to_open))))
    futures = {pool.submit(check_link, url, policy): url for url in to_open}
    done, late = wait(futures, timeout=policy.deadline)
    # Late checks end on their own socket timeouts; the draft's result does not wait for them.
    pool.shutdown(wait=False, cancel_futures=True)
    for future in done:
        result = future.result()
        results[result.url] = result
        if cache and result.outcome != "refused":
            cache.store(result)
    for future in late:
        results[futures[future]] = LinkResult(futures[future], "late")
    return results


_MESSAGES = {
    "late": ("info", "链接检查未在时限内完成，此链接未检查"),
    "refused": ("warning", "链接指向内网、本机或保留地址，未访问（{detail}）；本单位内网地址可由管理员加入允许名单"),
    "unreachable": ("error", "链接无法访问：{detail}"),
    "client_error": ("error", "链接失效：网站返回 {status}"),
    "server_error": ("error", "链接无法正常打开：网站返回 {status}"),
    "other_host": ("warning", "链接跳转到其他网站：{location}"),
}


def _finding(start: int, end: int, url: str, result: LinkResult | None, policy: LinkPolicy) -> Finding:
    if result is None:
        severity, rule = "info", "inspection.link.not_checked"
        message = f"每篇稿件最多检查 {policy.max_links} 个链接，此链接未检查"
    else:
        severity, template = _MESSAGES[result.outcome]
        rule = f"inspection.link.{result.outcome}"
        message = template.format(detail=result.detail, status=result.status, location=result.location)
    other_host = result is not None and result.outcome == "other_host" and len(result.location) <= 200
    return Finding(
        start=start,
        end=end,
        rule=rule,
        text=url[:200],
        suggestion=result.location if other_host and result else None,
        kind="link",
        severity=severity,
        message=message[:300],
    )
