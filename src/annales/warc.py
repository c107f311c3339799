"""WARC files (web archives: Common Crawl, CC-NEWS, Heritrix/wget crawls) as ``Article`` records.

``iter_warc_articles(stream, origin)`` reads a WARC (or ARC) stream, gzipped or not, with ``warcio``
and yields an :class:`Article` per HTML page (``response`` and ``resource`` records, through the same
trafilatura extraction and cleaning as ``.html`` files) and per plain-text ``conversion`` record (WET
files, through the ``.txt`` header parser). Like :func:`annales.ingest.read_inputs`, a bad record
yields an :class:`InputError` instead of raising, so a batch goes on; records that are not pages
(requests, metadata, images, redirects, error statuses) are skipped without a message, or with an
``E020`` message each under ``report_skipped=True`` (what ``annales code`` does; requests, metadata and
revisits are never reported). A record cut short by a truncated file, and a gzipped WARC whose last
member is incomplete, give an ``E001`` message naming the record's offset.

The stream is read record by record and a page's payload at most ``max_bytes`` at a time, so a
CC-NEWS file of a gigabyte is never held in memory.

* article id: the record's ``WARC-Record-ID`` UUID (stable across runs of the same file);
* origin: ``"<origin>@<byte offset of the record>"``;
* url: the page's canonical URL when it declares one, else ``WARC-Target-URI``;
* published: the page's own date when it has one, else the capture date (``WARC-Date``).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from datetime import date, datetime
from typing import BinaryIO, Iterator

from .errors import InputError
from .ingest import decode_bytes, parse_html, parse_text
from .records import Article

__all__ = ["iter_warc_articles", "WARC_SUFFIXES"]

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_CHUNK = 1 << 16


class _NotAPage(Exception):
    """A response or resource record that is not an HTML or text page (reported under report_skipped)."""


def _capture_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _record_id(headers, url: str | None, when: str | None) -> str:
    rid = (headers.get_header("WARC-Record-ID") or "").strip().strip("<>")
    if rid:
        return rid.removeprefix("urn:uuid:")
    return hashlib.sha1(f"{url}|{when}".encode("utf-8")).hexdigest()[:16]


def _decode(payload: bytes, content_type: str, where: str) -> str:
    if m := _CHARSET.search(content_type):
        try:
            return payload.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declared charset: sniff instead
    return decode_bytes(payload, where)


def _article(record, where: str, max_bytes: int) -> Article | None:
    """One WARC record as an Article; None for a record that is not a page; InputError when bad."""
    kind = record.rec_type
    if kind not in ("response", "resource", "conversion"):
        return None
    headers = record.rec_headers
    if kind == "response":
        http = record.http_headers
        if http is None:
            raise _NotAPage(f"not an HTTP response ({headers.get_header('Content-Type') or 'no content type'})")
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            raise _NotAPage(f"HTTP status {status or 'missing'}")
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = headers.get_header("Content-Type") or ""
    low = content_type.lower()
    is_text = kind == "conversion" or low.startswith("text/plain")
    if not is_text and "html" not in low:
        raise _NotAPage(f"content type {content_type.split(';')[0].strip() or 'missing'}")
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        raise InputError("E006", origin=where, size=len(payload), limit=max_bytes)
    raw = record.raw_stream  # the rest of the record's block: a truncated file leaves some of it unread
    while raw.read(_CHUNK):
        pass
    if getattr(raw, "limit", 0) > 0:
        raise InputError("E001", origin=where, reason=f"truncated WARC record: {raw.limit:,} bytes of it are "
                                                      "missing (the file ends inside it)")
    url = headers.get_header("WARC-Target-URI")
    when = headers.get_header("WARC-Date")
    art_id = _record_id(headers, url, when)
    text = _decode(payload, content_type, where)
    captured = _capture_date(when)
    art = (parse_text if is_text else parse_html)(text, art_id, where, captured)
    art.url = art.url or url
    art.meta.update(format="warc", warc_date=when)
    return art


def _gzip_tail_error(stream: BinaryIO, start: int) -> tuple[int, str] | None:
    """(offset, reason) when the gzip members from ``start`` to the end of ``stream`` are not all
    complete (a truncated download: warcio ends such a file silently); None when they are."""
    stream.seek(start)
    member, read = start, start  # start of the current member; bytes of the stream read so far
    dec, fed = zlib.decompressobj(zlib.MAX_WBITS | 16), False
    try:
        while chunk := stream.read(_CHUNK):
            read += len(chunk)
            while chunk:
                dec.decompress(chunk)
                fed = True
                if not dec.eof:
                    break
                chunk = dec.unused_data  # the next member starts here
                member = read - len(chunk)
                dec, fed = zlib.decompressobj(zlib.MAX_WBITS | 16), False
    except zlib.error as exc:
        return member, f"bad gzip data: {exc}"
    if fed and not dec.eof:
        return member, "truncated gzip data: the file ends inside the record at this offset"
    return None


def iter_warc_articles(stream: BinaryIO, origin: str, *, max_bytes: int = 20_000_000,
                       report_skipped: bool = False) -> Iterator[Article | InputError]:
    """Yield an Article per page in the WARC ``stream`` and an InputError per bad record (or for a
    file that is not a WARC at all, or is truncated); see the module docstring for ids, origins,
    urls and dates. ``report_skipped`` also yields an E020 InputError per response or resource record
    that is not a page (an image, a redirect, an error status)."""
    from warcio.archiveiterator import ArchiveIterator

    try:  # a seekable gzipped stream is checked for a truncated tail at the end
        start = stream.tell() if stream.seekable() else None
        gzipped = start is not None and stream.read(2) == b"\x1f\x8b"
        if start is not None:
            stream.seek(start)
    except (OSError, ValueError, AttributeError):
        start, gzipped = None, False
    records = ArchiveIterator(stream, arc2warc=True)
    last, truncated = start, None
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as exc:  # not a WARC, or truncated: warcio raises many kinds
            after = f" (after the record at offset {last})" if last not in (None, start) else ""
            yield InputError("E001", origin=origin, reason=f"bad WARC data{after}: {exc.__class__.__name__}: {exc}")
            return
        last = records.offset
        where = f"{origin}@{records.offset}"  # the record's start (get_record_offset() would consume it)
        try:
            art = _article(record, where, max_bytes)
        except InputError as exc:
            if exc.code == "E001":
                truncated = records.offset
            yield exc
            continue
        except _NotAPage as exc:
            if report_skipped:
                yield InputError("E020", origin=where, what=str(exc))
            continue
        except Exception as exc:  # warcio raises many kinds on a broken payload (chunking, gzip)
            yield InputError("E001", origin=where, reason=f"bad WARC record: {exc.__class__.__name__}: {exc}")
            continue
        if art is not None:
            yield art
    if gzipped:
        try:
            bad = _gzip_tail_error(stream, last)
        except (OSError, ValueError):
            bad = None
        if bad is not None and bad[0] != truncated:  # not said twice of the same record
            yield InputError("E001", origin=f"{origin}@{bad[0]}", reason=bad[1])
