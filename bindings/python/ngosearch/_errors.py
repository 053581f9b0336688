# SPDX-License-Identifier: GPL-2.0-or-later
"""The exceptions ngosearch raises: one tree under :class:`ngosearch.Error`.

They mirror the C++ library's (``ngosearch::Error`` and its subclasses) and carry its message,
which says what went wrong, where, and what to do.
"""

from __future__ import annotations

__all__ = [
    "Error",
    "InvalidArgument",
    "InputError",
    "QueryError",
    "IndexAccessError",
    "IndexNotFound",
    "IndexLocked",
    "IndexCorrupt",
    "AnalyzerMismatch",
]


class Error(Exception):
    """Base of every exception ngosearch raises."""


class InvalidArgument(Error, ValueError):
    """A value the library does not accept: an empty id, a bad date, a limit too large, an
    empty query."""


class InputError(Error):
    """A file or gazetteer could not be read or is not usable text.

    Attributes:
        path: the file concerned ("" for text given in memory).
        reason: what is wrong, without the path.
    """

    def __init__(self, message: str, path: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.reason = reason or message


class QueryError(Error, ValueError):
    """A query that cannot be parsed (unbalanced quotes or brackets, an operator with nothing
    on one side, a bad date or language filter, ...).

    Attributes:
        position: where the problem is, as an index into the query ``str`` (``len(query)``
            when at its end), or None when unknown.
        byte_position: the same in bytes of the query's UTF-8, as the C++ library gives it.
        query: the query, when known.
    """

    def __init__(self, message: str, position: int | None = None,
                 byte_position: int | None = None, query: str | None = None) -> None:
        super().__init__(message)
        self.position = position
        self.byte_position = byte_position
        self.query = query


class IndexAccessError(Error):
    """Something went wrong with the index on disk (ngosearch::IndexError in C++): a location
    that cannot hold an index, an index that kept changing while read, an I/O error."""


class IndexNotFound(IndexAccessError):
    """No index at the given path (or it is not an ngosearch index)."""


class IndexLocked(IndexAccessError):
    """Another writer, in this process or another, holds the index's write lock. An index has
    one writer at a time; readers are never locked out."""


class IndexCorrupt(IndexAccessError):
    """The index is damaged or was written in an unsupported format: rebuild it."""


class AnalyzerMismatch(IndexAccessError):
    """The index was built with another analysis (or index format) than this version uses;
    searching or extending it would silently miss documents. Rebuild the index."""
