# SPDX-License-Identifier: GPL-2.0-or-later
"""Index as a context manager: commits on a clean exit, rolls back on an exception, and
releases the write lock either way."""
import pytest

import ngosearch


class Boom(Exception):
    pass


def ids(path, query="detention"):
    return sorted(h.id for h in ngosearch.Index(path).search(query, limit=100))


def test_clean_exit_commits_and_releases_the_lock(tmp_path):
    path = tmp_path / "index"
    with ngosearch.Index(path, create=True) as ix:
        ix.add("a", body="detention report")
        ix.add("b", body="detention camp")
        assert ids(path) == []               # not committed yet: others do not see it
    assert ix.closed
    assert ids(path) == ["a", "b"]
    with ngosearch.Index(path, writable=True) as again:   # the lock was released
        again.delete("a")
    assert ids(path) == ["b"]


def test_exception_rolls_back_and_releases_the_lock(tmp_path):
    path = tmp_path / "index"
    with ngosearch.Index(path, create=True) as ix:
        ix.add("kept", body="detention report")
    with pytest.raises(Boom):
        with ngosearch.Index(path) as ix:
            ix.add("new", body="detention centre")
            ix.replace("kept", body="replaced text")
            raise Boom()
    assert ids(path) == ["kept"]
    assert ngosearch.Index(path).get("kept").body == "detention report"
    with ngosearch.Index(path, writable=True) as again:
        again.add("later", body="detention later")
    assert ids(path) == ["kept", "later"]


def test_exception_keeps_what_was_committed_before_it(tmp_path):
    path = tmp_path / "index"
    with pytest.raises(Boom):
        with ngosearch.Index(path, create=True) as ix:
            ix.add("first", body="detention first")
            ix.commit()
            assert [h.id for h in ix.search("detention")] == ["first"]   # its own commit, seen
            ix.add("second", body="detention second")
            raise Boom()
    assert ids(path) == ["first"]


def test_rollback_by_hand_and_batch_commits(tmp_path):
    path = tmp_path / "index"
    with ngosearch.Index(path, create=True, batch_docs=3) as ix:
        for i in range(5):
            ix.add(str(i), body="detention")
        ix.rollback()                        # 0-2 were committed by the batch
        assert ids(path) == ["0", "1", "2"]
        ix.add("5", body="detention")
    assert ids(path) == ["0", "1", "2", "5"]


def test_search_inside_the_block_sees_commits(tmp_path):
    with ngosearch.Index(tmp_path / "index", create=True) as ix:
        ix.add("a", body="detention")
        assert not ix.search("detention", relax=False)
        ix.commit()
        assert [h.id for h in ix.search("detention")] == ["a"]
        assert ix.stats().documents == 1
