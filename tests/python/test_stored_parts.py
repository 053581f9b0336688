# SPDX-License-Identifier: GPL-2.0-or-later
"""Index(..., positions=False, korean_bigrams=False): a smaller index whose phrase searches are
refused clearly and whose Korean words are found without the bigram fallback."""
import pytest

import ngosearch

from conftest import DOCUMENTS


def build(path, **options):
    with ngosearch.Index(path, create=True, **options) as ix:
        for d in DOCUMENTS:
            ix.add(**d)
    return path


def ids(ix, query):
    return sorted(h.id for h in ix.search(query, limit=100).hits)


def test_without_positions_phrases_are_refused_and_words_found(tmp_path):
    path = build(tmp_path / "index", positions=False)
    with ngosearch.Index(path) as ix:
        stats = ix.stats()
        assert (stats.positions, stats.korean_bigrams) == (False, True)
        assert ids(ix, "repeal prosecuted") == ["en-nsl"]
        assert "ko-nsl" in ids(ix, "국가보안법을")
        with pytest.raises(ngosearch.QueryError, match="needs word positions") as err:
            ix.search('"National Security Law"')
        assert "IndexOptions::positions" in str(err.value)
        with pytest.raises(ngosearch.QueryError, match="--no-positions"):
            ix.search("repeal NEAR law")
        hit, = ix.search("prosecuted").hits
        assert hit.snippet and hit.highlights


def test_without_bigrams_no_fallback(tmp_path):
    full = build(tmp_path / "full")
    lean = build(tmp_path / "lean", korean_bigrams=False)
    # 호해 is no word of any document, only a bigram of 보호해야: the fallback alone finds it.
    with ngosearch.Index(full) as ix:
        assert ids(ix, "호해") == ["ko-unification"]
    with ngosearch.Index(lean) as ix:
        assert ix.stats().korean_bigrams is False
        assert ids(ix, "호해") == []
        assert "ko-nsl" in ids(ix, "국가보안법")


def test_a_differing_setting_is_refused_and_none_keeps_the_index(tmp_path):
    path = build(tmp_path / "index", positions=False, korean_bigrams=False)
    with pytest.raises(ngosearch.InvalidArgument, match="positions"):
        ngosearch.Index(path, writable=True, positions=True)
    with pytest.raises(ngosearch.InvalidArgument, match="korean_bigrams"):
        ngosearch.Index(path, writable=True, korean_bigrams=True)
    with ngosearch.Index(path, writable=True) as ix:
        ix.add("later", body="국가보안법 개정 논의")
    with ngosearch.Index(path) as ix:
        assert ix.stats().positions is False
        assert "later" in ids(ix, "개정")
