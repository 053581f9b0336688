# SPDX-License-Identifier: GPL-2.0-or-later
"""The values ngosearch returns: frozen dataclasses.

Every ``span`` is a ``(begin, end)`` pair of indices into a Python ``str`` (characters, i.e.
code points: ``text[begin:end]``); ``byte_span`` beside it is the same range in bytes of the
text's UTF-8, as the C++ library reports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Mapping, Optional, Tuple

__all__ = [
    "Token",
    "Entity",
    "Highlight",
    "Hit",
    "Expansion",
    "FacetValue",
    "SearchResult",
    "Document",
    "FileIssue",
    "IndexReport",
    "IndexStats",
]

Span = Tuple[int, int]


@dataclass(frozen=True)
class Token:
    """One term of analysed text (see :func:`ngosearch.analyze`).

    Attributes:
        term: the normalised term, as the index stores it.
        span: where it comes from in the text analysed (str indices).
        byte_span: the same in bytes of the text's UTF-8.
        position: phrase position; compound parts share their word's position.
        kind: "word", "number", "identifier", "compound_part" or "joined".
        script: the script of the term's last letter ("hangul", "latin", ...).
        stem: what the index and queries match the term by.
    """

    term: str
    span: Span
    byte_span: Span
    position: int
    kind: str
    script: str
    stem: str


@dataclass(frozen=True)
class Entity:
    """A mention of a person, government body, law, organisation or UN resolution.

    Attributes:
        type: "person", "ministry", "law", "org" or "resolution".
        id: canonical id, the same for every name and language ("moon-jae-in").
        name: canonical name ("Moon Jae-in").
        surface: the mention as written, without particles or titles (문재인은 → 문재인).
        span: where the mention is (str indices into the text tagged, or into the document's
            body for the entities of a hit or a document).
        byte_span: the same in bytes of that text's UTF-8.
        source: how it was found: "gazetteer", "rule" or "link".
        article: for a law reference, the article cited ("7", "4(1)"); else None.
    """

    type: str
    id: str
    name: str
    surface: str
    span: Span
    byte_span: Span
    source: str
    article: Optional[str] = None


@dataclass(frozen=True)
class Highlight:
    """A part of a hit's snippet that matches the query: ``hit.snippet[h.span[0]:h.span[1]]``."""

    span: Span
    byte_span: Span


@dataclass(frozen=True)
class Hit:
    """One matching document.

    Attributes:
        id, path, title, language, date, type: the document's fields ("" when unknown).
        score: BM25 weight; comparable only within one result.
        rank: 0-based rank in the whole result (the offset included).
        snippet: plain text around the best matches.
        highlights: the parts of ``snippet`` that match the query.
        entities: the entities the document's body names; their spans index the body
            (``index.get(hit.id).body``).
        page: for a PDF, the page (1-based) the snippet comes from; 0 for other documents.
    """

    id: str
    path: str
    title: str
    language: str
    date: str
    type: str
    score: float
    rank: int
    snippet: str
    highlights: Tuple[Highlight, ...] = ()
    entities: Tuple[Entity, ...] = ()
    page: int = 0

    def marked(self, open: str = "[", close: str = "]") -> str:
        """The snippet with every highlight wrapped in ``open`` … ``close``."""
        out, at = [], 0
        for h in self.highlights:
            begin, end = h.span
            out += [self.snippet[at:begin], open, self.snippet[begin:end], close]
            at = end
        out.append(self.snippet[at:])
        return "".join(out)


@dataclass(frozen=True)
class Expansion:
    """Query words that name an entity, and the entity whose mentions they also found."""

    words: str
    type: str
    id: str
    name: str


@dataclass(frozen=True)
class FacetValue:
    """An entity and the number of matching documents that name it."""

    id: str
    name: str
    count: int


@dataclass(frozen=True)
class SearchResult:
    """One page of results. Iterating it gives its hits; ``len()`` is the number of hits on
    the page, ``total`` the estimated number of all matching documents.

    Attributes:
        query: the query as given.
        total: estimated number of matching documents (exact for small results).
        offset: the rank of the first hit.
        relaxed: True when no document had all the words and the hits have only some.
        hits: the hits of this page.
        expansions: query words that also found the mentions of an entity they name.
        facets: with ``facets=True``: entity type → its most frequent entities over all
            matching documents, most documents first.
    """

    query: str
    total: int
    offset: int
    relaxed: bool
    hits: Tuple[Hit, ...]
    expansions: Tuple[Expansion, ...] = ()
    facets: Mapping[str, Tuple[FacetValue, ...]] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    def __getitem__(self, i: int) -> Hit:
        return self.hits[i]


@dataclass(frozen=True)
class Document:
    """A stored document (see :meth:`ngosearch.Index.get`)."""

    id: str
    title: str
    body: str
    language: str
    date: str
    path: str
    type: str
    metadata: Mapping[str, str] = field(default_factory=dict)
    entities: Tuple[Entity, ...] = ()


@dataclass(frozen=True)
class FileIssue:
    """A file that was not indexed, or indexed with a problem, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class IndexReport:
    """What :meth:`ngosearch.Index.add_path` did.

    Attributes:
        indexed: documents added or replaced.
        unchanged: files already indexed as they are.
        ignored: files left out by a ``.ngosearchignore`` pattern.
        skipped: files not indexed (binary, empty, unsupported format, too large, ...).
        warnings: files indexed with a problem worth knowing (invalid UTF-8 replaced, ...).
        ids: the ids of the documents indexed, in order (empty with ``Index(report_ids=False)``).
        updated: of the indexed, those replaced because their file changed.
        pruned: documents deleted because their files are gone (``prune=True``).
        bytes: bytes of the files read.
    """

    indexed: int
    unchanged: int
    ignored: int
    skipped: Tuple[FileIssue, ...]
    warnings: Tuple[FileIssue, ...]
    ids: Tuple[str, ...]
    updated: int = 0
    pruned: int = 0
    bytes: int = 0


@dataclass(frozen=True)
class IndexStats:
    """A summary of an index."""

    documents: int
    terms: int
    average_length: float
    analyzer: str
    path: str
    positions: bool = True  #: the index stores word positions (phrase searches)
    korean_bigrams: bool = True  #: the index stores Korean bigram terms (the fallback)
