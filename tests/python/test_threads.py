# SPDX-License-Identifier: GPL-2.0-or-later
"""Searching and indexing release the GIL, and several Python threads can search one index at
once, getting what one thread gets."""
import threading
import time

import ngosearch
from conftest import DOCUMENTS

QUERIES = [
    dict(query="국가보안법"),
    dict(query="prosecute"),
    dict(query="통일부 북한", any=True),
    dict(query="국가보안법", facets=True),
    dict(query="NOT zzzz", limit=20),
    dict(query="repeal unknownword"),
    dict(query="person:moon-jae-in"),
    dict(query='"National Security Law"'),
]


def test_threads_searching_one_index_get_what_one_thread_gets(sample_index):
    ix = ngosearch.Index(sample_index)
    expected = [ix.search(**q) for q in QUERIES]
    assert all(e.total > 0 for e in expected)
    errors, results = [], []

    def worker(start):
        try:
            for round in range(10):
                for k in range(len(QUERIES)):
                    i = (start + k) % len(QUERIES)
                    results.append((i, ix.search(**QUERIES[i])))
                assert ix.get("ko-nsl").body == DOCUMENTS[1]["body"]
        except Exception as e:  # reported by the main thread
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == 4 * 10 * len(QUERIES)
    for i, result in results:
        assert result == expected[i]


def longest_pause_during(call):
    """Runs call() on another thread; returns (how long it took, the longest time this thread
    could not run Python meanwhile). A call that keeps the GIL stops this thread for all of it."""
    span = {}

    def run():
        span["start"] = time.perf_counter()
        call()
        span["end"] = time.perf_counter()

    worker = threading.Thread(target=run)
    worker.start()
    while "start" not in span:
        pass
    longest, last = 0.0, time.perf_counter()
    while worker.is_alive():
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    worker.join()
    return span["end"] - span["start"], longest


def big_text(paragraphs):
    one = ("국가보안법을 폐지해야 한다. 통일부는 북한에서 탈출한 사람들의 인권을 보호해야 "
           "한다. Activists were prosecuted under the National Security Law in 2019. ")
    return "\n".join(f"{one}{i}" for i in range(paragraphs))


def test_long_calls_release_the_gil(tmp_path):
    text = big_text(1500)  # about 0.3 MB of UTF-8
    took, paused = longest_pause_during(lambda: ngosearch.analyze(text))
    assert took > 0.05, "the call is too short to tell"
    assert paused < took / 3, (took, paused)
    with ngosearch.Index(tmp_path / "index", create=True) as ix:
        took, paused = longest_pause_during(lambda: ix.add("big", body=text))
        assert took > 0.05
        assert paused < took / 3, (took, paused)
        for i in range(100):
            ix.add(str(i), body=big_text(3))
    ix = ngosearch.Index(tmp_path / "index")
    took, paused = longest_pause_during(
        lambda: [ix.search("국가보안법 OR prosecute", facets=True) for _ in range(3)])
    assert took > 0.05
    assert paused < took / 3, (took, paused)
