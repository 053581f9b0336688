# SPDX-License-Identifier: GPL-2.0-or-later
"""ngosearch.Index: an index on disk, for searching and for changes."""

from __future__ import annotations

import io
import os
import threading
from typing import Callable, Iterable, Mapping, Optional, Union

from . import _ngosearch
from ._convert import (document, entity_list, index_report, index_stats, search_result,
                       token_list)
from ._types import Document, Entity, IndexReport, IndexStats, SearchResult, Token

PathLike = Union[str, "os.PathLike[str]"]

__all__ = ["Index"]


class Index:
    """An ngosearch index: a folder on disk searched and changed through this object.

    ::

        with ngosearch.Index("letters.index", create=True) as ix:
            ix.add("note-1", title="…", body="국가보안법 폐지를 촉구한다", language="ko")
        # committed here; an exception inside the block would have rolled the changes back

        ix = ngosearch.Index("letters.index")      # opened for reading
        for hit in ix.search("국가보안법", limit=5):
            print(hit.rank, hit.title, hit.marked())

    An index has one writer at a time and any number of readers. Searching never takes the
    write lock; the first change (``add``, ``replace``, ``delete``, ``add_path``, ``commit``)
    does, and raises :class:`ngosearch.IndexLocked` if another writer — in this process or
    another — holds it. ``writable=True`` takes the lock when the index is opened,
    ``writable=False`` refuses changes.

    Changes become visible to searches (of this object and of others) when committed:
    :meth:`commit`, leaving a ``with`` block without an exception, :meth:`close`, or
    automatically every ``batch_docs`` changes. :meth:`rollback` discards the changes since the
    last commit. An Index that is never closed commits its pending changes when it is garbage
    collected, ignoring errors: use ``with`` or :meth:`close`.

    One Index may be used by several threads: searches run in parallel with the GIL released;
    changes are serialised.

    Args:
        path: the index folder.
        create: create the index if it does not exist (else :class:`ngosearch.IndexNotFound`).
        writable: None (default): the write lock is taken at the first change. True: take it
            now. False: read-only; changes raise :class:`io.UnsupportedOperation`.
        gazetteers: gazetteer files of your own (the built-in format), used beside the
            built-in one for tagging, entity filters and expansion.
        tag_entities: tag entities when indexing (off: faster; entity filters and facets then
            find nothing in the documents added).
        batch_docs: changes buffered before an automatic commit.
        batch_bytes: text bytes buffered before an automatic commit (0: the library's
            default, 8 MB; peak memory follows it).
        lock_wait: seconds to wait for another writer to close the index before
            :class:`ngosearch.IndexLocked` (0: not at all).
        threads: threads :meth:`add_path` uses (0: one per hardware thread): with more than
            one, each database's writer takes one and the rest read, analyse and tag files;
            the index is the same whatever the number.
        shards: for a new index, the number of shards (databases written in parallel and
            searched as one); 0 keeps an existing index's count (1 for a new one).
        prune: :meth:`add_path` on a folder also deletes the documents of files under it that
            are gone.
        positions: store word positions (None: as the index is; True for a new one). False
            makes a new index 45% smaller, with a third less memory and 13% less CPU to build
            (measured), but phrase, NEAR and ADJ queries on it raise
            :class:`ngosearch.QueryError`. A value that differs from an existing index's
            raises :class:`ngosearch.InvalidArgument`.
        korean_bigrams: store the Korean syllable-bigram terms (None: as the index is; True
            for a new one). False makes a new index 8% smaller and 5% cheaper in CPU to build;
            Korean words are then found only as the analysis splits them (MRR@10 on Korean
            news fell from 0.94 to 0.82-0.85).
        report_ids: :meth:`add_path`'s report lists the id of every document indexed
            (``IndexReport.ids``). The list grows with the number of files (about 80 bytes
            each): a bulk build that reads only the counts passes False, and ``ids`` is empty.
    """

    def __init__(self, path: PathLike, create: bool = False, *,
                 writable: Optional[bool] = None, gazetteers: Iterable[PathLike] = (),
                 tag_entities: bool = True, batch_docs: int = 1000, threads: int = 0,
                 shards: int = 0, prune: bool = False, batch_bytes: int = 0,
                 lock_wait: float = 0, positions: Optional[bool] = None,
                 korean_bigrams: Optional[bool] = None, report_ids: bool = True) -> None:
        if writable is False and create:
            raise ValueError("create=True needs a writable index (writable=False given)")
        self._path = os.fspath(path)
        self._gazetteers = [os.fspath(g) for g in gazetteers]
        self._writable = writable
        self._create = create
        self._tag_entities = tag_entities
        self._batch_docs = batch_docs
        self._threads = threads
        self._shards = shards
        self._prune = prune
        self._batch_bytes = batch_bytes
        self._lock_wait = lock_wait
        self._positions = positions
        self._korean_bigrams = korean_bigrams
        self._report_ids = report_ids
        self._lock = threading.Lock()  # guards opening and closing the handles below
        self._writer: Optional[_ngosearch.Writer] = None
        self._searcher: Optional[_ngosearch.Searcher] = None
        self._tagger: Optional[_ngosearch.Tagger] = None
        self._closed = False
        if create or writable:
            self._writer_handle()
        else:
            self._searcher_handle()  # a missing index fails here, not at the first search

    # -- handles -------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise ValueError(f"the index {self._path!r} is closed")

    def _writer_handle(self) -> _ngosearch.Writer:
        with self._lock:
            self._check_open()
            if self._writable is False:
                raise io.UnsupportedOperation(
                    f"the index {self._path!r} was opened read-only (writable=False)")
            if self._writer is None:
                self._writer = _ngosearch.Writer(self._path, self._create, self._batch_docs,
                                                 self._tag_entities, self._gazetteers,
                                                 self._threads, self._shards, self._prune,
                                                 self._batch_bytes, self._lock_wait,
                                                 self._positions, self._korean_bigrams,
                                                 self._report_ids)
            return self._writer

    def _searcher_handle(self) -> _ngosearch.Searcher:
        with self._lock:
            self._check_open()
            if self._searcher is None:
                self._searcher = _ngosearch.Searcher(self._path, self._gazetteers)
            return self._searcher

    def _committed(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.reopen()

    # -- changes -------------------------------------------------------------------------

    def add(self, id: str, title: str = "", body: str = "", *, language: str = "",
            date: str = "", type: str = "", path: str = "",
            metadata: Optional[Mapping[str, str]] = None) -> None:
        """Adds a document, replacing any document with the same id.

        Args:
            id: stable identifier, unique in the index (non-empty).
            title: shown in results; searchable with ``title:``.
            body: the text; indexed, stored for snippets and :meth:`get`.
            language: "en", "ko", "mixed" or "" (unknown); filter with ``lang:``.
            date: "YYYY-MM-DD", "YYYY-MM", "YYYY" or ""; filter with ``date:``.
            type: free-form kind ("letter", "press-release"); filter with ``type:``.
            path: the source file, if any.
            metadata: anything else, stored and returned by :meth:`get`.

        Raises:
            InvalidArgument: empty id, or a date that is not one.
        """
        self._writer_handle().add(id, title, body, language, date, path, type,
                                  dict(metadata or {}))

    def replace(self, id: str, title: str = "", body: str = "", *, language: str = "",
                date: str = "", type: str = "", path: str = "",
                metadata: Optional[Mapping[str, str]] = None) -> None:
        """Replaces the document with this id (or adds it): the same as :meth:`add`, which
        always replaces by id; use whichever reads better."""
        self.add(id, title, body, language=language, date=date, type=type, path=path,
                 metadata=metadata)

    def delete(self, id: str) -> bool:
        """Deletes the document with this id; False if there was none."""
        return self._writer_handle().remove(id)

    def add_path(self, path: PathLike,
                 progress: Optional[Callable[[int, int], None]] = None) -> IndexReport:
        """Indexes a file, or a folder of .txt and .md files recursively.

        A document's id is its path relative to the folder (a file given directly: its name);
        indexing it again replaces it, and unchanged files are skipped. Files that cannot be
        indexed are reported, not raised. ``progress(done, total)`` is called after each file.
        Ctrl-C stops between files (the exception propagates; a ``with`` block rolls back).

        Raises:
            InputError: the path does not exist.
        """
        raw = self._writer_handle().add_path(os.fspath(path), progress)
        return index_report(raw)

    def commit(self) -> None:
        """Makes the changes durable and visible to searches."""
        self._writer_handle().commit()
        self._committed()

    def rollback(self) -> None:
        """Discards the changes since the last commit (automatic batch commits included: what
        they wrote stays)."""
        with self._lock:
            writer = self._writer
        if writer is not None:
            writer.rollback()

    # -- reading -------------------------------------------------------------------------

    def search(self, query: str, limit: int = 10, offset: int = 0, any: bool = False,
               facets: bool = False, *, relax: bool = True, korean_fallback: bool = True,
               expand_entities: bool = True, facet_values: int = 10,
               snippet_bytes: int = 240, snippet_scan_bytes: int = 4 << 20,
               max_query_words: int = 1024, max_query_depth: int = 256,
               max_wildcard_terms: int = 1000) -> SearchResult:
        """Searches the committed documents.

        Args:
            query: words (all must match), ``a OR b``, ``-word``, ``"a phrase"``,
                ``a NEAR b``, ``prosecut*``, ``title:word``, ``lang:ko``, ``type:letter``,
                ``date:2020..2025``, ``person:moon-jae-in``, ``law:국가보안법``, ...
            limit: hits per page (at most 10,000; 0 only counts).
            offset: hits to skip (paging).
            any: any word may match (OR, ranked by BM25) instead of all.
            facets: count the entities of all matching documents (``result.facets``).
            relax: when no document has all the words, answer with those that have most.
            korean_fallback: Korean words also match by their syllable bigrams, ranked lower.
            expand_entities: words naming an entity also find its mentions in other languages.
            facet_values: entities per type in the facets.
            snippet_bytes: target snippet length in bytes of UTF-8.
            snippet_scan_bytes: bytes of a long document read to find a passage that shows a
                match; past them its snippet is its start, unmarked (bounds the time).
            max_query_words: queries of more words raise QueryError.
            max_query_depth: brackets nested deeper raise QueryError.
            max_wildcard_terms: a wildcard stands for at most this many terms (the most
                frequent; 0 = no limit).

        Raises:
            QueryError: a malformed query (``position`` says where, as a str index).
            InvalidArgument: an empty query, a limit or offset too large.
        """
        raw = self._searcher_handle().search(query, limit, offset, not any, relax,
                                             korean_fallback, expand_entities, facets,
                                             facet_values, snippet_bytes, snippet_scan_bytes,
                                             max_query_words, max_query_depth,
                                             max_wildcard_terms)
        return search_result(raw)

    def get(self, id: str) -> Optional[Document]:
        """The stored document with this id (committed), or None."""
        raw = self._searcher_handle().find(id)
        return None if raw is None else document(raw)

    def stats(self) -> IndexStats:
        """Documents, distinct terms, average length and analyzer of the committed index."""
        return index_stats(self._searcher_handle().stats())

    def reopen(self) -> None:
        """Makes later searches see what other writers committed since the index was opened
        (this object's own commits are seen at once)."""
        self._searcher_handle().reopen()

    def analyze(self, text: str) -> list[Token]:
        """The tokens the index makes of ``text`` (as :func:`ngosearch.analyze`)."""
        return token_list(_ngosearch.analyze(text))

    def entities(self, text: str, date: Optional[str] = None) -> list[Entity]:
        """The entities of ``text``, found with this index's gazetteers. ``date`` (YYYY-MM-DD)
        decides titles valid in a period ("President Lee")."""
        with self._lock:
            if self._tagger is None:
                self._tagger = _ngosearch.Tagger(self._gazetteers)
            tagger = self._tagger
        return entity_list(tagger.tag(text, date or ""))

    # -- life cycle ----------------------------------------------------------------------

    @property
    def path(self) -> str:
        """The index folder."""
        return self._path

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Commits pending changes and releases the write lock and the readers. Closing twice
        is harmless."""
        with self._lock:
            if self._closed:
                return
            writer, self._writer = self._writer, None
            self._searcher = None
            self._tagger = None
            self._closed = True
        if writer is not None:
            try:
                writer.commit()
            finally:
                writer.close()

    def __enter__(self) -> "Index":
        self._check_open()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        """Commits and closes; after an exception, rolls back and closes instead."""
        if exc_type is not None:
            with self._lock:
                writer = self._writer
            if writer is not None:
                writer.rollback()
        self.close()

    def __repr__(self) -> str:
        mode = "closed" if self._closed else ("writing" if self._writer else "reading")
        return f"<ngosearch.Index {self._path!r} ({mode})>"
