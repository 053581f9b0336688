# SPDX-License-Identifier: GPL-2.0-or-later
"""End-to-end tests of sharded, remote and compacted indexes (see cli_test.py for how to run).

A sharded or remote index must answer every query as the same documents in one index do: the
same total and the same hits in the same order (hits of equal score may come in another order,
as Xapian breaks ties by internal document number)."""

import os
import shutil
import signal
import socket
import subprocess
import time
import unittest

from cli_test import E, F, CliCase, write_file, setUpModule  # noqa: F401 (setUpModule runs)

QUERIES = [
    ["국가보안법"],
    ["human rights"],
    ["detention", "--any"],
    ['"National Security Law"'],
    ["인권 lang:ko"],
    ["통일부", "--facets"],
]
# Wildcards rank by a combined frequency that Xapian estimates shard by shard: the same
# documents are found, their scores may differ.
SAME_DOCUMENTS = [["prosecut* date:2019..2021"], ["인권*"]]


def ranking(result):
    """(score, id) of every hit, ties put in id order; and the total."""
    hits = sorted(((-round(h["score"], 9), h["id"]) for h in result["hits"]))
    return result["total"], hits


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SameAnswersCase(CliCase):
    """Base: compares what two indexes answer."""

    def assertSameAnswers(self, db_a, db_b):
        for query in QUERIES:
            a = self.search(query[0], "--limit", "50", *query[1:], db=db_a)
            b = self.search(query[0], "--limit", "50", *query[1:], db=db_b)
            self.assertEqual(ranking(a), ranking(b), f"query {query}")
            self.assertGreater(a["total"], 0, f"query {query} finds nothing: a weak test")
            self.assertEqual(a.get("facets"), b.get("facets"), f"query {query}")
        for query in SAME_DOCUMENTS:
            a = self.search(query[0], "--limit", "50", *query[1:], db=db_a)
            b = self.search(query[0], "--limit", "50", *query[1:], db=db_b)
            self.assertEqual(a["total"], b["total"], f"query {query}")
            self.assertEqual(sorted(h["id"] for h in a["hits"]),
                             sorted(h["id"] for h in b["hits"]), f"query {query}")


class ShardTest(SameAnswersCase):

    def test_a_sharded_index_answers_as_one_index_does(self):
        single = os.path.join(self.tmp, "single")
        sharded = os.path.join(self.tmp, "sharded")
        self.index(CORPUS_DIR(), db=single)
        report = self.index(CORPUS_DIR(), "--shards", "3", db=sharded)
        self.assertEqual(sorted(os.listdir(sharded)), ["XAPIANDB", "shard-0", "shard-1", "shard-2"])
        self.assertEqual(report["documents"], self.stats(db=single)["documents"])
        self.assertEqual(self.stats(db=sharded)["documents"], self.stats(db=single)["documents"])
        # Documents are spread over the shards, not all in one.
        for shard in ("shard-0", "shard-1", "shard-2"):
            self.assertGreater(self.stats(db=os.path.join(sharded, shard))["documents"], 0)
        self.assertSameAnswers(single, sharded)
        again = self.index(CORPUS_DIR(), db=sharded)  # the shard count is the index's
        self.assertEqual(again["indexed"], 0)
        self.assertEqual(again["unchanged"], report["indexed"])

    def test_replace_and_delete_find_the_shard_of_a_document(self):
        docs = self.fixture()
        self.index(docs, "--shards", "4")
        total = self.stats()["documents"]
        write_file(os.path.join(self.tmp, docs, "en/a.md"), "Replaced: about zebras only.\n")
        report = self.index(docs)
        self.assertEqual((report["indexed"], report["unchanged"]), (1, total - 1))
        self.assertEqual(self.stats()["documents"], total)
        self.assertIds("zebras", ["en/a.md"])
        self.assertIds("students", [])
        self.assertIds("민주주의", ["ko/d.md"])
        self.ok("delete", "--db", self.db, "ko/d.md")
        self.assertEqual(self.stats()["documents"], total - 1)
        self.assertIds("민주주의", [])

    def test_a_shard_count_that_differs_from_the_index_is_refused(self):
        docs = self.fixture()
        self.index(docs)
        proc = self.fails(1, "index", "--db", self.db, "--shards", "2", docs)
        self.assertIn("has 1 shard(s), not 2", proc.stderr)

    def test_compact_merges_shards_into_one_database(self):
        docs = self.fixture()
        self.index(docs, "--shards", "3")
        merged = os.path.join(self.tmp, "merged")
        self.ok("compact", "--db", self.db, "--output", merged)
        self.assertTrue(os.path.exists(os.path.join(merged, "iamglass")))
        self.assertTrue(os.path.exists(os.path.join(self.db, "XAPIANDB")))  # left as it was
        self.assertSameAnswers(self.db, merged)
        before = self.stats()["documents"]
        report = self.json_line(self.ok("compact", "--db", self.db, "--json"))
        self.assertEqual((report["documents"], report["shards_before"]), (before, 3))
        self.assertFalse(os.path.exists(os.path.join(self.db, "XAPIANDB")))
        self.assertEqual(self.stats()["documents"], before)
        self.assertSameAnswers(self.db, merged)
        self.index(docs)  # the compacted index takes changes again
        proc = self.fails(1, "compact", "--db", self.db, "--output", merged)
        self.assertIn("exists already", proc.stderr)


@unittest.skipUnless(shutil.which("xapian-tcpsrv"), "xapian-tcpsrv (Debian xapian-tools) absent")
class RemoteShardTest(SameAnswersCase):

    def serve(self, db):
        """Starts xapian-tcpsrv for `db` on a free local port; returns (process, port)."""
        for _ in range(5):
            port = free_port()
            proc = subprocess.Popen(["xapian-tcpsrv", "--interface", "127.0.0.1", "--port",
                                     str(port), db], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            self.addCleanup(lambda p=proc: (p.kill(), p.wait()))
            deadline = time.time() + 10
            while time.time() < deadline and proc.poll() is None:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    return proc, port
                except OSError:
                    time.sleep(0.05)
        self.fail("xapian-tcpsrv did not start")

    def test_remote_shards_answer_as_local_and_single_indexes_do(self):
        single = os.path.join(self.tmp, "single")
        self.index(CORPUS_DIR(), db=single)
        self.index(CORPUS_DIR(), "--shards", "2")
        servers = [self.serve(os.path.join(self.db, f"shard-{i}")) for i in range(2)]
        description = os.path.join(self.tmp, "remote.idx")
        write_file(description, "# both shards served by xapian-tcpsrv\n" +
                   "".join(f"tcp://127.0.0.1:{port}\n" for _, port in servers))
        self.assertSameAnswers(single, description)
        self.assertSameAnswers(self.db, description)
        # One remote and one local shard, relative to the description's folder.
        mixed = os.path.join(self.tmp, "mixed.idx")
        write_file(mixed, f"tcp://127.0.0.1:{servers[0][1]}\nindex/shard-1\n")
        self.assertSameAnswers(single, mixed)

        # A shard that is down: a clear error naming it, soon, never a hang.
        servers[1][0].send_signal(signal.SIGKILL)
        servers[1][0].wait()
        start = time.time()
        proc = self.fails(1, "search", "--db", description, "국가보안법")
        self.assertLess(time.time() - start, 20)
        self.assertIn(f"tcp://127.0.0.1:{servers[1][1]}", proc.stderr)
        self.assertIn("cannot be reached", proc.stderr)

    def test_remote_shards_without_positions_refuse_phrases_and_a_mix_is_named(self):
        docs = self.fixture()
        self.index(docs, "--shards", "2", "--no-positions")
        servers = [self.serve(os.path.join(self.db, f"shard-{i}")) for i in range(2)]
        description = os.path.join(self.tmp, "remote.idx")
        write_file(description, "".join(f"tcp://127.0.0.1:{port}\n" for _, port in servers))
        self.assertEqual(self.stats(description)["positions"], False)
        self.assertIds("통일부 북한", [E, F], db=description)
        proc = self.fails(1, "search", "--db", description, '"통일부 북한"')
        self.assertIn("needs word positions", proc.stderr)
        # A shard that stores positions beside ones that do not: an error naming both.
        full = os.path.join(self.tmp, "full")
        self.index(docs, db=full)
        _, port = self.serve(full)
        mixed = os.path.join(self.tmp, "mixed.idx")
        write_file(mixed, f"index/shard-0\ntcp://127.0.0.1:{port}\n")
        proc = self.fails(1, "search", "--db", mixed, "통일부")
        self.assertIn("store different parts", proc.stderr)
        self.assertIn(f"tcp://127.0.0.1:{port}", proc.stderr)
        self.assertIn("shard-0", proc.stderr)

    def test_a_description_file_that_is_not_one_is_refused_clearly(self):
        bad = os.path.join(self.tmp, "bad.idx")
        write_file(bad, "tcp://nohostport\n")
        proc = self.fails(1, "search", "--db", bad, "x")
        self.assertIn("is not tcp://HOST:PORT", proc.stderr)
        write_file(bad, "no-such-shard\n")
        proc = self.fails(1, "search", "--db", bad, "x")
        self.assertIn("no-such-shard", proc.stderr)
        self.assertIn("line 1", proc.stderr)


def CORPUS_DIR():
    from cli_test import CORPUS
    return CORPUS


if __name__ == "__main__":
    unittest.main()
