"""Fetching IRCC's feed: from its web address or a file, bounded in time and size, and
conditional, so an unchanged feed costs a 304 and no work."""

import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

USER_AGENT = "eeportal-sync (+https://github.com/; the Express Entry rounds site)"


class FeedUnavailable(Exception):
    """The feed could not be fetched whole; the message says why, for the run's record."""


@dataclass
class Fetched:
    status: int  # 200, or 304 when the feed has not changed since the validators given
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""


def fetch(source, *, etag="", last_modified="", timeout, max_bytes):
    """The feed at `source` (https://, http://, file:// or a path)."""
    scheme = urlsplit(source).scheme
    if scheme in ("http", "https"):
        return fetch_url(source, etag, last_modified, timeout, max_bytes)
    path = Path(unquote(urlsplit(source).path) if scheme == "file" else source)
    try:
        with path.open("rb") as feed:
            return Fetched(200, read_at_most(feed, max_bytes))
    except OSError as error:
        raise FeedUnavailable(f"Cannot read {path}: {error.strerror}.") from None


def fetch_url(url, etag, last_modified, timeout, max_bytes):
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise too_large(max_bytes)
            body = read_at_most(response, max_bytes)
            return Fetched(
                response.status,
                body,
                response.headers.get("ETag", ""),
                response.headers.get("Last-Modified", ""),
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(304, etag=etag, last_modified=last_modified)
        raise FeedUnavailable(f"IRCC answered {error.code} {error.reason}.") from None
    except TimeoutError:
        raise FeedUnavailable(f"No answer within {timeout:g} s.") from None
    except urllib.error.URLError as error:
        raise FeedUnavailable(f"Cannot reach {url}: {error.reason}.") from None
    except OSError as error:  # a connection dropped half-way
        raise FeedUnavailable(f"The answer from {url} broke off: {error}.") from None


def read_at_most(stream, max_bytes):
    body = stream.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise too_large(max_bytes)
    return body


def too_large(max_bytes):
    return FeedUnavailable(
        f"The feed is larger than {max_bytes // (1024 * 1024)} MB (IRCC's is under 1 MB): "
        "refused unread."
    )


def decode(body):
    """Text of the feed. Neither feed declares its encoding, and the French one changed: UTF-8
    (with or without a byte-order mark) first, Windows-1252 only when it is not UTF-8."""
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")
