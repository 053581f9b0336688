# SPDX-License-Identifier: GPL-2.0-or-later
"""Index, search, read back: the Python surface end to end."""
import dataclasses
import os

import pytest

import ngosearch
from conftest import DOCUMENTS


def test_documents_come_back_as_they_went_in(sample_index):
    ix = ngosearch.Index(sample_index)
    for d in DOCUMENTS:
        doc = ix.get(d["id"])
        assert isinstance(doc, ngosearch.Document)
        for field in ("id", "title", "body", "language", "date", "type"):
            assert getattr(doc, field) == d[field], field
        assert doc.metadata == d.get("metadata", {})
    assert ix.get("no-such-id") is None
    stats = ix.stats()
    assert stats.documents == len(DOCUMENTS)
    assert stats.terms > 50
    assert stats.analyzer == ngosearch.analyzer_fingerprint()
    assert stats.path == os.fspath(sample_index)


def test_korean_query_finds_inflected_forms(sample_index):
    ix = ngosearch.Index(sample_index)
    result = ix.search("국가보안법", expand_entities=False)
    assert sorted(h.id for h in result) == ["emoji", "ko-nsl"]
    # The law's English name is found through the entity the word names.
    assert sorted(h.id for h in ix.search("국가보안법")) == ["emoji", "en-nsl", "ko-nsl"]
    for hit in result:
        marked = [hit.snippet[h.span[0]:h.span[1]] for h in hit.highlights]
        assert "국가보안법을" in marked, (hit.id, hit.snippet, marked)


def test_english_query_is_stemmed(sample_index):
    result = ngosearch.Index(sample_index).search("prosecute")
    assert [h.id for h in result] == ["en-nsl"]
    hit = result[0]
    assert hit.title == "Letter on the National Security Law"
    assert (hit.language, hit.date, hit.type) == ("en", "2020-02-21", "letter")
    assert "[Prosecutions]" in hit.marked()
    assert "[prosecuted]" in hit.marked()
    assert hit.score > 0 and hit.rank == 0


def test_results_iterate_and_page(sample_index):
    ix = ngosearch.Index(sample_index)
    everything = ix.search("NOT zzzz", limit=100)
    assert everything.total == len(DOCUMENTS)
    assert len(everything) == len(DOCUMENTS)
    assert [h.rank for h in everything] == list(range(len(DOCUMENTS)))
    assert list(everything)[1] == everything[1] == everything.hits[1]
    pages = [ix.search("NOT zzzz", limit=2, offset=o) for o in (0, 2, 4)]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [p.offset for p in pages] == [0, 2, 4]
    assert {h.id for p in pages for h in p} == {d["id"] for d in DOCUMENTS}
    assert ix.search("NOT zzzz", limit=0).total == len(DOCUMENTS)
    assert not ix.search("nonexistentword", relax=False)


def test_hits_and_results_are_frozen_dataclasses(sample_index):
    result = ngosearch.Index(sample_index).search("통일부")
    hit = result[0]
    assert dataclasses.is_dataclass(hit)
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.title = "changed"
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.total = 0
    assert dataclasses.replace(hit, title="x").title == "x"


def test_any_relax_filters_and_query_syntax(sample_index):
    ix = ngosearch.Index(sample_index)
    assert {h.id for h in ix.search("repeal 통일부", any=True)} >= {"en-nsl", "ko-unification"}
    relaxed = ix.search("repeal unknownword")
    assert relaxed.relaxed and [h.id for h in relaxed] == ["en-nsl"]
    assert not ix.search("repeal unknownword", relax=False)
    assert {h.id for h in ix.search("통일부 lang:en")} == {"mixed-letter"}
    assert {h.id for h in ix.search("통일부 date:2020..")} == {"ko-unification"}
    assert {h.id for h in ix.search("type:statement")} == {"ko-nsl"}
    assert {h.id for h in ix.search('"National Security Law"')} == {"en-nsl"}


def test_entities_filters_facets_and_expansion(sample_index):
    ix = ngosearch.Index(sample_index)
    assert {h.id for h in ix.search("person:moon-jae-in")} == {"ko-unification", "emoji"}
    assert {h.id for h in ix.search('person:"Moon Jae-in"')} == {"ko-unification", "emoji"}
    result = ix.search("국가보안법", facets=True)
    laws = {v.id: v.count for v in result.facets["law"]}
    assert laws["national-security-act"] == len(result) == 3
    assert {v.id for v in result.facets["person"]} == {"moon-jae-in"}
    hit = next(h for h in result if h.id == "ko-nsl")
    assert any(e.id == "national-security-act" and e.type == "law" for e in hit.entities)
    # English words that name the law also find the Korean documents, and say so.
    expanded = ix.search('National Security Law', any=True)
    assert any(x.id == "national-security-act" for x in expanded.expansions)
    assert {"en-nsl", "ko-nsl"} <= {h.id for h in expanded}
    plain = ix.search('National Security Law', any=True, expand_entities=False)
    assert not plain.expansions
    assert "ko-nsl" not in {h.id for h in plain}


def test_replace_and_delete(tmp_path):
    path = tmp_path / "index"
    with ngosearch.Index(path, create=True) as ix:
        ix.add("a", title="first", body="detention report")
        ix.add("b", body="another detention report")
    with ngosearch.Index(path) as ix:
        ix.replace("a", title="second", body="prosecution report", metadata={"k": "v"})
        assert ix.delete("b") is True
        assert ix.delete("b") is False
        ix.commit()
        assert ix.get("a").title == "second" and ix.get("a").metadata == {"k": "v"}
        assert ix.get("b") is None
        assert [h.id for h in ix.search("detention")] == []
        assert [h.id for h in ix.search("prosecution")] == ["a"]


def test_add_path_reports_what_it_did(tmp_path):
    docs = tmp_path / "docs"
    (docs / "ko").mkdir(parents=True)
    (docs / "en.md").write_text("# Detention\n\nActivists were detained in 2020.\n")
    (docs / "ko" / "letter.txt").write_text("통일부는 답하라.\n", encoding="utf-8")
    (docs / "bad.txt").write_bytes(b"caf\xe9 detention\n")        # Latin-1, not UTF-8
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (docs / "report.docx").write_bytes(b"PK zip")
    (docs / ".ngosearchignore").write_text("skip-*.md\n")
    (docs / "skip-me.md").write_text("ignored\n")
    seen = []
    with ngosearch.Index(tmp_path / "index", create=True) as ix:
        report = ix.add_path(docs, progress=lambda done, total: seen.append((done, total)))
        assert isinstance(report, ngosearch.IndexReport)
        assert report.indexed == 3
        assert sorted(report.ids) == ["bad.txt", "en.md", "ko/letter.txt"]
        assert report.ignored == 1
        skipped = {os.path.basename(s.path): s.reason for s in report.skipped}
        assert set(skipped) == {"binary.txt", "report.docx"}
        assert skipped["report.docx"].startswith("unsupported format")
        assert [os.path.basename(w.path) for w in report.warnings] == ["bad.txt"]
        assert "invalid UTF-8" in report.warnings[0].reason
        assert seen[-1] == (5, 5) and len(seen) == 5
        again = ix.add_path(docs)
        assert (again.indexed, again.unchanged) == (0, 3)
        with pytest.raises(ngosearch.InputError) as err:
            ix.add_path(tmp_path / "missing")
        assert err.value.path.endswith("missing")
        assert err.value.reason == "no such file or directory"
    ix = ngosearch.Index(tmp_path / "index")
    assert [h.id for h in ix.search("통일부")] == ["ko/letter.txt"]
    assert ix.get("bad.txt").body.startswith("caf\ufffd")
    # A bulk build that reads only the counts: the same documents, no list of ids.
    with ngosearch.Index(tmp_path / "bulk", create=True, report_ids=False) as bulk:
        report = bulk.add_path(docs)
        assert (report.indexed, report.ids) == (3, ())
    assert [h.id for h in ngosearch.Index(tmp_path / "bulk").search("통일부")] == ["ko/letter.txt"]


def test_analyze_module_level_and_on_index(sample_index):
    tokens = ngosearch.analyze("통일부는 prosecutions")
    assert isinstance(tokens[0], ngosearch.Token)
    words = [(t.term, t.kind, t.script) for t in tokens if t.kind == "word"]
    assert words == [("통일부는", "word", "hangul"), ("prosecutions", "word", "latin")]
    assert {t.stem for t in tokens} >= {"통일부", "prosecut"}
    assert ngosearch.Index(sample_index).analyze("통일부는 prosecutions") == tokens


def test_entities_module_level_on_index_and_with_own_gazetteer(sample_index, tmp_path):
    found = ngosearch.entities("문재인 대통령은 국가보안법 제7조를 언급했다.")
    assert [(e.type, e.id) for e in found] == [("person", "moon-jae-in"),
                                              ("law", "national-security-act")]
    assert found[1].article == "7" and found[0].article is None
    assert found[0].source == "gazetteer" and found[0].name == "Moon Jae-in"
    assert ngosearch.Index(sample_index).entities("문재인 대통령") == found[:1]
    gazetteer = tmp_path / "mine.tsv"
    gazetteer.write_text("zz-watch\torg\tZebra Watch\t얼룩말감시\t\t\t\t\t\n", encoding="utf-8")
    tagger = ngosearch.Tagger([gazetteer])
    assert [(e.id, e.surface) for e in tagger.tag("얼룩말감시는 Zebra Watch와 같다")] == [
        ("zz-watch", "얼룩말감시"), ("zz-watch", "Zebra Watch")]
    assert ngosearch.entities("얼룩말감시는") == []
    index = ngosearch.Index(sample_index, gazetteers=[gazetteer])
    assert [e.id for e in index.entities("Zebra Watch")] == ["zz-watch"]
    # President Lee is a different person at different dates.
    in_2010 = ngosearch.entities("President Lee said", date="2010-05-01")
    in_2025 = ngosearch.entities("President Lee said", date="2025-07-01")
    assert in_2010[0].id != in_2025[0].id


def test_help_is_useful():
    import pydoc
    text = pydoc.render_doc(ngosearch.Index, renderer=pydoc.plaintext)
    for words in ("committed", "rolled", "IndexLocked", "search(", "add_path(", "QueryError",
                  "position"):
        assert words in text, words
    assert "str indices" in pydoc.render_doc(ngosearch, renderer=pydoc.plaintext)
    assert "highlights" in pydoc.render_doc(ngosearch.Hit, renderer=pydoc.plaintext)


def test_threads_shards_prune_pages_and_compact(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(12):
        (docs / f"d{i}.txt").write_text(f"Letter {i} on detention of journalists.\n", encoding="utf-8")
    db = tmp_path / "sharded"
    with ngosearch.Index(db, create=True, shards=3, threads=2, prune=True) as ix:
        report = ix.add_path(docs)
        assert report.indexed == 12 and report.updated == 0 and report.bytes > 0
    assert sorted(os.listdir(db)) == ["XAPIANDB", "shard-0", "shard-1", "shard-2"]
    (docs / "d0.txt").unlink()
    (docs / "d1.txt").write_text("Changed: leaflets across the border.\n", encoding="utf-8")
    with ngosearch.Index(db, writable=True, prune=True) as ix:
        report = ix.add_path(docs)
        assert (report.indexed, report.updated, report.pruned) == (1, 1, 1)
    with ngosearch.Index(db) as ix:
        assert ix.search("detention").total == 10
        assert all(hit.page == 0 for hit in ix.search("detention"))
    merged = tmp_path / "merged"
    info = ngosearch.compact(db, merged)
    assert info["documents"] == 11 and info["shards_before"] == 3
    with ngosearch.Index(merged) as ix:
        assert ix.search("leaflets").total == 1
    with pytest.raises(ngosearch.IndexAccessError):
        ngosearch.compact(db, merged)  # the output exists already
