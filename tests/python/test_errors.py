# SPDX-License-Identifier: GPL-2.0-or-later
"""Each library exception arrives as its ngosearch.Error subclass, with the library's message,
which reads well outside the command-line tool."""
import os
import threading

import pytest
import xapian

import ngosearch


def assert_library_message(e):
    text = str(e)
    assert text and "--db" not in text and "ngosearch index" not in text, text


def test_tree():
    for cls in (ngosearch.InvalidArgument, ngosearch.InputError, ngosearch.QueryError,
                ngosearch.IndexAccessError):
        assert issubclass(cls, ngosearch.Error)
    for cls in (ngosearch.IndexNotFound, ngosearch.IndexLocked, ngosearch.IndexCorrupt,
                ngosearch.AnalyzerMismatch):
        assert issubclass(cls, ngosearch.IndexAccessError)
    assert issubclass(ngosearch.QueryError, ValueError)
    assert issubclass(ngosearch.InvalidArgument, ValueError)


def test_index_not_found(tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(ngosearch.IndexNotFound) as err:
        ngosearch.Index(missing)
    assert str(missing) in str(err.value)
    assert_library_message(err.value)
    with pytest.raises(ngosearch.IndexNotFound):
        ngosearch.Index(missing, writable=True)
    assert not missing.exists()          # reading never creates an index


def test_index_locked_for_a_second_writer_not_for_readers(tmp_path):
    path = tmp_path / "index"
    with ngosearch.Index(path, create=True) as first:
        first.add("a", body="detention")
        first.commit()
        with pytest.raises(ngosearch.IndexLocked) as err:
            ngosearch.Index(path, writable=True)
        assert "locked" in str(err.value) and str(path) in str(err.value)
        assert_library_message(err.value)
        reader = ngosearch.Index(path)       # reading is fine while a writer works
        assert [h.id for h in reader.search("detention")] == ["a"]
        with pytest.raises(ngosearch.IndexLocked):
            reader.add("b", body="x")        # the lock is taken at the first change
        assert reader.get("b") is None
    # The first writer closed: the lock is free again.
    with ngosearch.Index(path, writable=True) as second:
        second.add("b", body="x")


def test_lock_wait_waits_for_the_first_writer(tmp_path):
    path = tmp_path / "index"
    first = ngosearch.Index(path, create=True)
    first.add("a", body="detention")
    with pytest.raises(ngosearch.IndexLocked) as err:
        ngosearch.Index(path, writable=True, lock_wait=0.2)
    assert "waited" in str(err.value)
    closer = threading.Timer(0.3, first.close)
    closer.start()
    with ngosearch.Index(path, writable=True, lock_wait=30, batch_bytes=1 << 20) as second:
        second.add("b", body="detention")
    closer.join()
    assert sorted(h.id for h in ngosearch.Index(path).search("detention")) == ["a", "b"]
    with pytest.raises(ngosearch.InvalidArgument):
        ngosearch.Index(path, writable=True, lock_wait=-1)


def test_index_corrupt(tmp_path):
    path = tmp_path / "index"
    with ngosearch.Index(path, create=True) as ix:
        for i in range(50):
            ix.add(str(i), body=f"detention report number {i}")
    for name in os.listdir(path):
        if name.endswith(".glass"):
            size = os.path.getsize(path / name)
            with open(path / name, "r+b") as f:
                f.write(b"\xde\xad\xbe\xef" * max(1, size // 4))
    with pytest.raises(ngosearch.IndexCorrupt) as err:
        ngosearch.Index(path).search("detention")
    assert_library_message(err.value)
    assert "rebuild" in str(err.value)


def test_analyzer_mismatch(tmp_path):
    # An index written by something else (plain Xapian) ...
    other = tmp_path / "plain-xapian"
    db = xapian.WritableDatabase(str(other), xapian.DB_CREATE_OR_OPEN)
    doc = xapian.Document()
    doc.add_term("detention")
    db.add_document(doc)
    db.commit()
    db.close()
    with pytest.raises(ngosearch.AnalyzerMismatch) as err:
        ngosearch.Index(other)
    assert "not built by ngosearch" in str(err.value)
    # ... or by another analysis.
    path = tmp_path / "index"
    with ngosearch.Index(path, create=True) as ix:
        ix.add("a", body="detention")
    db = xapian.WritableDatabase(str(path), xapian.DB_OPEN)
    db.set_metadata("ngosearch.analyzer", "some_other_analyzer/1")
    db.commit()
    db.close()
    for open_index in (lambda: ngosearch.Index(path), lambda: ngosearch.Index(path, writable=True)):
        with pytest.raises(ngosearch.AnalyzerMismatch) as err:
            open_index()
        assert "some_other_analyzer/1" in str(err.value) and "rebuild" in str(err.value)
        assert_library_message(err.value)


def test_query_error(sample_index):
    ix = ngosearch.Index(sample_index)
    with pytest.raises(ngosearch.QueryError) as err:
        ix.search("(국가보안법 OR 통일부")
    assert err.value.position is not None
    with pytest.raises(ngosearch.QueryError):
        ix.search("date:2020-13")
    with pytest.raises(ngosearch.QueryError):
        ix.search("-law")


def test_query_limits_are_options(sample_index):
    ix = ngosearch.Index(sample_index)
    words = " ".join(f"w{i}" for i in range(30))
    with pytest.raises(ngosearch.QueryError) as err:
        ix.search(words, max_query_words=20)
    assert "max_query_words" in str(err.value)
    assert ix.search(words, any=True, max_query_words=40).total == 0
    nested = "(" * 5 + "law" + ")" * 5
    with pytest.raises(ngosearch.QueryError) as err:
        ix.search(nested, max_query_depth=3)
    assert "max_query_depth" in str(err.value)
    assert ix.search(nested, max_query_depth=10).total >= 1
    # The most frequent term under the prefix stands for it when only one may.
    assert ix.search("prosecut*", max_wildcard_terms=1).total >= 1
    assert ix.search("국가보안법", snippet_scan_bytes=1 << 16).total >= 1


def test_invalid_argument(sample_index, tmp_path):
    ix = ngosearch.Index(sample_index)
    with pytest.raises(ngosearch.InvalidArgument):
        ix.search("   ")
    with pytest.raises(ngosearch.InvalidArgument):
        ix.search("law", limit=100000)
    with pytest.raises(ValueError):          # InvalidArgument is a ValueError too
        ix.get("")
    with ngosearch.Index(tmp_path / "w", create=True) as w:
        with pytest.raises(ngosearch.InvalidArgument):
            w.add("", body="no id")
        with pytest.raises(ngosearch.InvalidArgument):
            w.add("x", body="bad date", date="2020-13-45")


def test_input_error(tmp_path):
    with pytest.raises(ngosearch.InputError) as err:
        ngosearch.Tagger([tmp_path / "missing.tsv"])
    assert err.value.path.endswith("missing.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_text("only-two\tcolumns\n")
    with pytest.raises(ngosearch.InputError) as err:
        ngosearch.Tagger([bad])
    assert "bad.tsv" in str(err.value) and "1" in str(err.value)
    with ngosearch.Index(tmp_path / "w", create=True) as w:
        with pytest.raises(ngosearch.InputError):
            w.add_path(tmp_path / "missing-folder")


def test_text_without_utf8_is_refused_by_python(sample_index, tmp_path):
    with pytest.raises(UnicodeEncodeError):
        ngosearch.analyze("lone surrogate \ud800")
    with pytest.raises(UnicodeEncodeError):
        ngosearch.entities("lone surrogate \ud800")
    with pytest.raises(UnicodeEncodeError):
        ngosearch.Index(sample_index).search("\udc80")
    with ngosearch.Index(tmp_path / "w", create=True) as w:
        with pytest.raises(UnicodeEncodeError):
            w.add("a", body="\ud800")
        with pytest.raises(TypeError):
            w.add("a", body="x", metadata={"pages": 2})
    with pytest.raises(TypeError):
        ngosearch.analyze(b"bytes are not text")


def test_closed_and_read_only(sample_index, tmp_path):
    import io
    ix = ngosearch.Index(sample_index, writable=False)
    with pytest.raises(io.UnsupportedOperation):
        ix.add("x", body="y")
    ix.close()
    with pytest.raises(ValueError):
        ix.search("law")
    with pytest.raises(ValueError):
        ngosearch.Index(tmp_path / "x", create=True, writable=False)
