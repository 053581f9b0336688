# SPDX-License-Identifier: GPL-2.0-or-later
"""ngosearch: full-text search for English and Korean human-rights documents.

::

    import ngosearch

    with ngosearch.Index("letters.index", create=True) as ix:
        report = ix.add_path("letters/")             # .txt and .md files, recursively
        ix.add("note-1", title="메모", body="통일부는 북한인권법을 이행해야 한다.", language="ko")

    ix = ngosearch.Index("letters.index")
    result = ix.search("통일부 date:2020..", limit=10)
    print(result.total)
    for hit in result:                               # frozen dataclasses
        print(hit.rank, hit.title, hit.marked("[", "]"))

    ngosearch.analyze("국가보안법을 위반")          # tokens with str spans and UTF-8 byte spans
    ngosearch.entities("문재인 대통령은 국가보안법 제7조를")

Every span is a pair of ``str`` indices (code points) with the UTF-8 ``byte_span`` beside it.
Errors are subclasses of :class:`ngosearch.Error`. Searching and indexing release the GIL.
"""

from __future__ import annotations

from typing import Iterable, Optional, Union
import os

from ._errors import (AnalyzerMismatch, Error, IndexAccessError, IndexCorrupt, IndexLocked,
                      IndexNotFound, InputError, InvalidArgument, QueryError)
from . import _ngosearch
from ._convert import entity_list, token_list
from ._index import Index
from ._types import (Document, Entity, Expansion, FacetValue, FileIssue, Highlight, Hit,
                     IndexReport, IndexStats, SearchResult, Token)

__version__: str = _ngosearch.__version__

__all__ = [
    "Index", "Tagger", "analyze", "entities", "analyzer_fingerprint", "compact",
    "Document", "Entity", "Expansion", "FacetValue", "FileIssue", "Highlight", "Hit",
    "IndexReport", "IndexStats", "SearchResult", "Token",
    "Error", "InvalidArgument", "InputError", "QueryError", "IndexAccessError",
    "IndexNotFound", "IndexLocked", "IndexCorrupt", "AnalyzerMismatch",
]


def analyze(text: str) -> list[Token]:
    """The tokens the standard analyzer makes of ``text``, as indexes and queries see them.

    ::

        >>> [t.term for t in ngosearch.analyze("통일부는 북한에서")]
        ['통일부는', '통일부', ..., '북한에서', ...]

    Each :class:`Token` has its ``span`` in ``text`` (str indices) and its UTF-8 ``byte_span``.
    """
    return token_list(_ngosearch.analyze(text))


def compact(path: Union[str, "os.PathLike[str]"],
            output: Optional[Union[str, "os.PathLike[str]"]] = None) -> dict:
    """Rewrites the index at ``path`` as one compact database, merging its shards.

    With ``output`` the compacted copy goes there (a new folder) and the index is left as it
    is; without, the index is replaced in place (no writer may have it open meanwhile).
    Returns ``{"documents", "shards_before", "bytes_before", "bytes_after"}``.
    """
    documents, shards, before, after = _ngosearch.compact(
        os.fspath(path), "" if output is None else os.fspath(output))
    return {"documents": documents, "shards_before": shards, "bytes_before": before,
            "bytes_after": after}


def analyzer_fingerprint() -> str:
    """What the standard analysis is called in an index (``Index.stats().analyzer``)."""
    return _ngosearch.analyzer_fingerprint()


class Tagger:
    """Finds the people, government bodies, laws, organisations and UN resolutions a text
    names. Loading costs some milliseconds (the gazetteer is analysed once): keep one and
    reuse it. Thread-safe; tagging releases the GIL.

    Args:
        gazetteers: gazetteer files of your own, in the built-in file's format, used beside
            the built-in one (their entries replace built-in ones of the same id).

    Raises:
        InputError: a gazetteer file is missing or malformed (the message names the line).
    """

    def __init__(self, gazetteers: Iterable[Union[str, "os.PathLike[str]"]] = ()) -> None:
        self._core = _ngosearch.Tagger([os.fspath(g) for g in gazetteers])

    def tag(self, text: str, date: Optional[str] = None) -> list[Entity]:
        """The entities of ``text``, in text order. ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) is
        the text's date: it decides titles valid in a period ("President Lee")."""
        return entity_list(self._core.tag(text, date or ""))

    @property
    def fingerprint(self) -> str:
        """Identifies the gazetteer and rules (an index records it)."""
        return self._core.fingerprint


_default_tagger: Optional[Tagger] = None


def entities(text: str, date: Optional[str] = None) -> list[Entity]:
    """The entities of ``text`` found with the built-in gazetteer (see :class:`Tagger` for
    your own). ::

        >>> [(e.type, e.id, e.span) for e in ngosearch.entities("문재인 대통령은")]
        [('person', 'moon-jae-in', (0, 3))]
    """
    global _default_tagger
    if _default_tagger is None:
        _default_tagger = Tagger()
    return _default_tagger.tag(text, date)
