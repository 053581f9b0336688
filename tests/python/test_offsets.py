# SPDX-License-Identifier: GPL-2.0-or-later
"""Every span is in str indices (code points) with the UTF-8 byte span beside it — on Korean
text and on text with characters outside the BMP (emoji, CJK Extension B Hanja)."""
import ngosearch

NON_BMP = "😀 𠀀𠀁 국가보안법을 🇰🇷 prosecutions 문재인 대통령은 국가보안법 제7조를"


def check_span(text, span, byte_span, expected=None):
    begin, end = span
    byte_begin, byte_end = byte_span
    assert 0 <= begin <= end <= len(text)
    assert text[begin:end] == text.encode("utf-8")[byte_begin:byte_end].decode("utf-8")
    assert len(text[:begin].encode("utf-8")) == byte_begin
    if expected is not None:
        assert text[begin:end] == expected


def test_korean_token_spans_are_characters():
    text = "통일부는 북한에서"
    tokens = ngosearch.analyze(text)
    words = [t for t in tokens if t.kind == "word"]
    assert [(t.span, t.byte_span) for t in words] == [((0, 4), (0, 12)), ((5, 9), (13, 25))]
    for t in tokens:
        check_span(text, t.span, t.byte_span)


def test_non_bmp_token_spans():
    tokens = ngosearch.analyze(NON_BMP)
    assert tokens
    for t in tokens:
        check_span(NON_BMP, t.span, t.byte_span)
    first = next(t for t in tokens if t.term == "국가보안법을")
    # 😀, space, 𠀀, 𠀁, space: five code points (seven UTF-16 units, fourteen bytes).
    assert first.span == (5, 11)
    assert first.byte_span == (14, 32)
    han = [t for t in tokens if t.script == "han"]
    assert han and NON_BMP[han[0].span[0]:han[0].span[1]].startswith("𠀀")


def test_entity_spans_on_non_bmp_text():
    found = ngosearch.entities(NON_BMP)
    assert [e.id for e in found] == ["national-security-act", "moon-jae-in",
                                     "national-security-act"]
    for e in found:
        check_span(NON_BMP, e.span, e.byte_span, e.surface)
    moon = NON_BMP.index("문재인")
    assert found[1].span == (moon, moon + 3)
    assert found[1].byte_span[0] == len(NON_BMP[:moon].encode("utf-8"))


def test_highlight_spans_index_the_snippet(sample_index):
    ix = ngosearch.Index(sample_index)
    hit = next(h for h in ix.search("국가보안법") if h.id == "emoji")
    assert "𠀀𠀁" in hit.snippet
    marked = [hit.snippet[h.span[0]:h.span[1]] for h in hit.highlights]
    assert "국가보안법을" in marked
    for h in hit.highlights:
        check_span(hit.snippet, h.span, h.byte_span)
    assert "[국가보안법을]" in hit.marked()


def test_hit_and_document_entity_spans_index_the_body(sample_index):
    ix = ngosearch.Index(sample_index)
    for query in ("문재인", "국가보안법", "통일부"):
        for hit in ix.search(query):
            body = ix.get(hit.id).body
            assert hit.entities == ix.get(hit.id).entities
            for e in hit.entities:
                check_span(body, e.span, e.byte_span)
                assert e.surface in body[e.span[0]:e.span[1] + 4]
    doc = ix.get("emoji")
    moon = next(e for e in doc.entities if e.id == "moon-jae-in")
    assert doc.body[moon.span[0]:moon.span[1]] == "문재인"


def test_query_error_position_is_a_str_index(sample_index):
    ix = ngosearch.Index(sample_index)
    for query in ('😀𠀀 국가보안법 "unbalanced', "국가보안법 AND", "(통일부 OR 😀 북한"):
        try:
            ix.search(query)
        except ngosearch.QueryError as e:
            assert e.query == query
            assert e.position is not None and 0 <= e.position <= len(query)
            assert len(query[:e.position].encode("utf-8")) == e.byte_position
        else:
            raise AssertionError(f"no QueryError for {query!r}")
    try:
        ix.search('😀𠀀 국가보안법 "unbalanced')
    except ngosearch.QueryError as e:
        assert '😀𠀀 국가보안법 "unbalanced'[e.position] == '"'
        assert e.position == 9 and e.byte_position == 25
