"""Answers to identical requests, kept because the data never changes while the server
runs; each carries an ETag so that a client can revalidate with If-None-Match (304)."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True)
class Cached:
    body: bytes
    media_type: str
    headers: tuple[tuple[str, str], ...]
    etag: str


def etag_for(body: bytes, media_type: str) -> str:
    return '"' + hashlib.sha256(media_type.encode() + b"\0" + body).hexdigest()[:32] + '"'


class ResponseCache:
    """A small LRU of response bodies keyed by everything that determines them."""

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[object, ...], Cached] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[object, ...]) -> Cached | None:
        if self.max_entries <= 0:
            return None
        found = self._entries.get(key)
        if found is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return found

    def put(
        self,
        key: tuple[object, ...],
        body: bytes,
        media_type: str,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> Cached:
        entry = Cached(body, media_type, headers, etag_for(body, media_type))
        if self.max_entries > 0:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return entry
