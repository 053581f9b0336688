# SPDX-License-Identifier: GPL-2.0-or-later
"""Turns the plain tuples of the compiled core into ngosearch's dataclasses (the layouts are
documented in _ngosearch.pyi)."""

from __future__ import annotations

from typing import Any, Sequence

from ._types import (Document, Entity, Expansion, FacetValue, FileIssue, Highlight, Hit,
                     IndexReport, IndexStats, SearchResult, Token)


def token_list(raw: Sequence[tuple]) -> list[Token]:
    return [Token(*t) for t in raw]


def entity_list(raw: Sequence[tuple]) -> list[Entity]:
    return [Entity(*e) for e in raw]


def _hit(raw: tuple) -> Hit:
    (id, path, title, language, date, type, score, rank, snippet, highlights, entities,
     page) = raw
    return Hit(id, path, title, language, date, type, score, rank, snippet,
               tuple(Highlight(*h) for h in highlights), tuple(Entity(*e) for e in entities),
               page)


def search_result(raw: tuple) -> SearchResult:
    query, total, offset, relaxed, hits, expansions, facets = raw
    return SearchResult(
        query, total, offset, relaxed, tuple(_hit(h) for h in hits),
        tuple(Expansion(*x) for x in expansions),
        {type: tuple(FacetValue(*v) for v in values) for type, values in facets})


def document(raw: tuple) -> Document:
    id, title, body, language, date, path, type, metadata, entities = raw
    return Document(id, title, body, language, date, path, type, metadata,
                    tuple(Entity(*e) for e in entities))


def index_report(raw: tuple) -> IndexReport:
    indexed, unchanged, ignored, skipped, warnings, ids, updated, pruned, size = raw
    return IndexReport(indexed, unchanged, ignored, tuple(FileIssue(*s) for s in skipped),
                       tuple(FileIssue(*w) for w in warnings), tuple(ids), updated, pruned, size)


def index_stats(raw: Any) -> IndexStats:
    return IndexStats(*raw)
