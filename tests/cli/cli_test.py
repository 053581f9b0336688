# SPDX-License-Identifier: GPL-2.0-or-later
"""End-to-end tests of the ngosearch command-line tool.

Standard library only. Run the whole module, or one test, with

    NGOSEARCH_CLI=path/to/ngosearch NGOSEARCH_CORPUS=path/to/corpus \\
        python3 tests/cli/cli_test.py [-v] [Class.test_name]

Every test works in its own temporary folder: it writes its fixture files there and passes
`--db` pointing inside it, so the user's own index is never touched (HOME and XDG_DATA_HOME are
pointed at the temporary folder too, and NGOSEARCH_DB is unset, unless a test is about them).
"""

import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest

CLI = os.environ.get("NGOSEARCH_CLI", "")
CORPUS = os.environ.get("NGOSEARCH_CORPUS", "")
TIMEOUT = 30  # seconds for one ngosearch run

REPORT_KEYS = {"index", "indexed", "updated", "unchanged", "pruned", "documents", "skipped",
               "warnings", "errors", "bytes", "elapsed_seconds"}
# `ignored` counts files left out by a .ngosearchignore file; the only key beyond the above.
REPORT_OPTIONAL_KEYS = {"ignored"}
RESULT_KEYS = {"query", "total", "offset", "relaxed", "expansions", "hits"}
HIT_KEYS = {"id", "path", "title", "score", "snippet", "highlights", "lang", "date", "type",
            "entities"}
SHOW_KEYS = {"id", "title", "path", "lang", "date", "type", "metadata", "body"}
COMMANDS = ["index", "search", "show", "delete", "stats", "analyze"]


def setUpModule():
    missing = [name for name, value in (("NGOSEARCH_CLI", CLI), ("NGOSEARCH_CORPUS", CORPUS))
               if not value]
    if missing:
        raise RuntimeError(
            "set " + " and ".join(missing) + " (NGOSEARCH_CLI: the ngosearch binary, "
            "NGOSEARCH_CORPUS: the corpus folder), e.g. NGOSEARCH_CLI=build/cli/ngosearch "
            "NGOSEARCH_CORPUS=corpus python3 tests/cli/cli_test.py")
    if not (os.path.isfile(CLI) and os.access(CLI, os.X_OK)):
        raise RuntimeError(f"NGOSEARCH_CLI={CLI!r} is not an executable file")


# --- fixtures ---------------------------------------------------------------------------------

def front_matter(title, date, type_, lang, **extra):
    lines = ["---", f"title: {title}", f"date: {date}", f"type: {type_}", f"lang: {lang}"]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return "\n".join(lines + ["---", ""]) + "\n"


# The small collection most tests index. ids are paths relative to the folder.
FIXTURE = {
    "en/a.md": front_matter("Letter on prosecutions", "2020-05-01", "letter", "en",
                            author="Seoul Civic Forum")
    + "# Letter on prosecutions\n\n"
      "The prosecutions of activists under the security law continue. Arbitrary detention "
      "must end.\nWe urge the government to stop the arrests of students.\n",
    "en/b.md": front_matter("Detention report", "2019-11-20", "report", "en")
    + "Journalists face long detention without trial. In the provinces many activists were "
      "arrested in March and held for weeks. Later came the prosecutions of journalists who "
      "reported on them.\n",
    "en/c.md": front_matter("Statement on freedom of expression", "2021-03-10", "statement", "en")
    + "Freedom of expression is a basic right. Leaflets sent across the border are a form of "
      "expression.\n",
    "ko/d.md": front_matter("국가보안법 폐지 성명", "2021-06-01", "statement", "ko")
    + "정부는 국가보안법을 폐지해야 한다. 표현의 자유는 민주주의의 기본이다.\n",
    "ko/e.txt": front_matter("통일부에 보내는 서한", "2018-07-01", "letter", "ko")
    + "통일부는 북한에서 온 사람들을 보호해야 한다. 인권 단체의 활동을 보장하라.\n",
    "ko/f.txt": front_matter("북한 인권 보고서", "2022-01-15", "report", "ko")
    + "북한 주민의 인권 상황은 여전히 심각하다. 통일부 장관은 아직 답하지 않았다.\n",
    "mixed/g.md": front_matter("Joint statement on the National Security Law", "2021-12-10",
                               "press-release", "mixed")
    + "The National Security Law (국가보안법) must be repealed. Activists from both countries "
      "agree.\n\n국가보안법은 표현의 자유를 침해한다.\n",
}
A, B, C = "en/a.md", "en/b.md", "en/c.md"
D, E, F = "ko/d.md", "ko/e.txt", "ko/f.txt"
G = "mixed/g.md"


def write_file(path, content):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


def write_tree(root, files):
    for rel, content in files.items():
        write_file(os.path.join(root, rel), content)
    return root


def without_timing(summary):
    """An index summary line less its time and rate, " (0.4 s, 2.10 MB/s)", which vary."""
    return re.sub(r" \(\d+\.\d s, \d+\.\d\d MB/s\)$", "", summary, flags=re.M)


def decode(b):
    return b.decode("utf-8") if b is not None else ""


class CliCase(unittest.TestCase):
    """Base: a temporary folder per test, an index path inside it, and ways to run the tool."""

    def setUp(self):
        tmp = tempfile.TemporaryDirectory(prefix="ngosearch-cli-test-")
        self.addCleanup(tmp.cleanup)
        self.tmp = tmp.name
        self.db = os.path.join(self.tmp, "index")
        self.home = os.path.join(self.tmp, "home")
        os.mkdir(self.home)

    def env(self, **overrides):
        """The environment for ngosearch: NGOSEARCH_DB and XDG_DATA_HOME unset, HOME in the
        temporary folder; `overrides` set (a value of None unsets)."""
        env = dict(os.environ)
        env.pop("NGOSEARCH_DB", None)
        env.pop("XDG_DATA_HOME", None)
        env["HOME"] = self.home
        for key, value in overrides.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env

    def run_cli(self, *args, env=None, input=None, cwd=None):
        """Runs ngosearch with `args` in the temporary folder; returns the completed process with
        stdout and stderr decoded from UTF-8."""
        if isinstance(input, str):
            input = input.encode("utf-8")
        proc = subprocess.run([CLI, *args], input=input, capture_output=True,
                              cwd=cwd or self.tmp, env=env if env is not None else self.env(),
                              timeout=TIMEOUT,
                              stdin=None if input is not None else subprocess.DEVNULL)
        proc.stdout = decode(proc.stdout)
        proc.stderr = decode(proc.stderr)
        return proc

    def describe(self, proc):
        return (f"\ncommand: {proc.args}\nexit: {proc.returncode}\n"
                f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")

    def assertExit(self, proc, code):
        self.assertEqual(proc.returncode, code, self.describe(proc))

    def ok(self, *args, **kwargs):
        proc = self.run_cli(*args, **kwargs)
        self.assertExit(proc, 0)
        return proc

    def fails(self, code, *args, **kwargs):
        proc = self.run_cli(*args, **kwargs)
        self.assertExit(proc, code)
        return proc

    def json_line(self, proc):
        lines = proc.stdout.splitlines()
        self.assertEqual(len(lines), 1, "expected one JSON line" + self.describe(proc))
        return json.loads(lines[0])

    # -- fixtures and common steps

    def fixture(self, files=None, name="docs"):
        """Writes `files` (default FIXTURE) under tmp/name; returns `name` (relative to tmp,
        where the commands run)."""
        write_tree(os.path.join(self.tmp, name), FIXTURE if files is None else files)
        return name

    def index(self, *paths, db=None):
        proc = self.ok("index", "--db", db or self.db, "--json", *paths)
        report = self.json_line(proc)
        self.assertEqual(report["errors"], [], self.describe(proc))
        return report

    def search(self, query, *options, db=None):
        proc = self.ok("search", "--db", db or self.db, "--json", *options, query)
        result = self.json_line(proc)
        self.assertEqual(result["query"], query)
        return result

    def ids(self, query, *options, db=None):
        result = self.search(query, "--limit", "100", *options, db=db)
        self.assertEqual(result["total"], len(result["hits"]), result)
        return sorted(h["id"] for h in result["hits"])

    def assertIds(self, query, expected, *options, db=None):
        self.assertEqual(self.ids(query, *options, db=db), sorted(expected),
                         f"query: {query} {options}")

    def stats(self, db=None):
        return self.json_line(self.ok("stats", "--db", db or self.db, "--json"))

    def assertHighlights(self, hit, check):
        """Every highlight is a [begin, end) byte range into the UTF-8 snippet, on character
        boundaries, for which check(text) holds; there is at least one."""
        snippet = hit["snippet"].encode("utf-8")
        self.assertTrue(hit["highlights"], hit)
        previous_end = 0
        for span in hit["highlights"]:
            self.assertIsInstance(span, list)
            self.assertEqual(len(span), 2, hit)
            begin, end = span
            self.assertIsInstance(begin, int)
            self.assertIsInstance(end, int)
            self.assertTrue(previous_end <= begin < end <= len(snippet), hit)
            previous_end = end
            text = snippet[begin:end].decode("utf-8")  # raises if not on character boundaries
            self.assertTrue(check(text), f"highlight {text!r} in {hit}")


# --- indexing ---------------------------------------------------------------------------------

class IndexTest(CliCase):

    def test_index_folder_reports_summary_and_json(self):
        docs = self.fixture()
        proc = self.ok("index", "--db", self.db, docs)
        self.assertEqual(without_timing(proc.stdout), f"indexed {len(FIXTURE)} document(s); {len(FIXTURE)} in "
                                      f"{self.db}\n")
        self.assertEqual(proc.stderr, "")

        # The same folder, reported as JSON into another index.
        other = os.path.join(self.tmp, "other-index")
        proc = self.ok("index", "--db", other, "--json", docs)
        report = self.json_line(proc)
        self.assertLessEqual(REPORT_KEYS, set(report))
        self.assertLessEqual(set(report) - REPORT_KEYS, REPORT_OPTIONAL_KEYS)
        self.assertEqual(report["index"], other)
        self.assertEqual(report["indexed"], len(FIXTURE))
        self.assertEqual(report["unchanged"], 0)
        self.assertEqual(report["documents"], len(FIXTURE))
        self.assertEqual((report["skipped"], report["warnings"], report["errors"]), ([], [], []))
        self.assertEqual(proc.stderr, "")

        # ids are relative to the folder; a hit's path is the folder as given joined with the id.
        for rel in FIXTURE:
            shown = self.json_line(self.ok("show", "--db", other, "--json", rel))
            self.assertEqual(shown["id"], rel)
            self.assertEqual(shown["path"], f"{docs}/{rel}")
        hit, = self.search("폐지해야", db=other)["hits"]
        self.assertEqual((hit["id"], hit["path"]), (D, "docs/ko/d.md"))

        # An absolute folder path is kept absolute in `path`; the ids do not change.
        absolute = os.path.join(self.tmp, docs)
        third = os.path.join(self.tmp, "third-index")
        self.index(absolute, db=third)
        hit, = self.search("폐지해야", db=third)["hits"]
        self.assertEqual((hit["id"], hit["path"]), (D, f"{absolute}/ko/d.md"))

    def test_index_without_positions_and_korean_bigrams(self):
        docs = self.fixture()
        help_text = self.ok("index", "--help").stdout
        self.assertIn("--no-positions", help_text)
        self.assertIn("--no-korean-bigrams", help_text)
        self.ok("index", "--db", self.db, "--no-positions", "--no-korean-bigrams", "--json", docs)
        stats = self.stats()
        self.assertEqual((stats["positions"], stats["korean_bigrams"]), (False, False))
        self.assertIn("stores:    no word positions (no phrase search), no Korean bigrams",
                      self.ok("stats", "--db", self.db).stdout)
        # Words are found as before; a phrase the user writes is refused with the flag named.
        self.assertIds("통일부 북한", [E, F])
        self.assertIds("국가보안법을", [D, G])
        self.assertIds("prosecutions", [A, B])
        for query in ('"통일부 북한"', "arrests NEAR students"):
            with self.subTest(query=query):
                proc = self.fails(1, "search", "--db", self.db, query)
                self.assertIn("needs word positions", proc.stderr)
                self.assertIn("--no-positions", proc.stderr)
        # No bigram fallback: 호해 (a piece of 보호해야) is found only through its bigram.
        self.assertIds("호해", [])
        full = os.path.join(self.tmp, "full-index")
        self.index(docs, db=full)
        self.assertIds("호해", [E], db=full)
        self.assertEqual((self.stats(full)["positions"], self.stats(full)["korean_bigrams"]),
                         (True, True))
        # A later run goes on as the index is; asking another index to leave them out fails.
        self.assertEqual(self.index(docs)["unchanged"], len(FIXTURE))
        proc = self.fails(1, "index", "--db", full, "--no-positions", docs)
        self.assertIn("stores word positions", proc.stderr)
        self.assertIn("--no-positions", proc.stderr)

    def test_index_single_file_uses_file_name_as_id(self):
        docs = self.fixture()
        report = self.index(f"{docs}/ko/d.md", f"{docs}/en/a.md")
        self.assertEqual((report["indexed"], report["documents"]), (2, 2))
        hit, = self.search("국가보안법")["hits"]
        self.assertEqual((hit["id"], hit["path"]), ("d.md", "docs/ko/d.md"))
        self.assertEqual(self.ids("prosecutions"), ["a.md"])

    def test_reindex_same_folder_is_unchanged_without_duplicates(self):
        docs = self.fixture()
        first = self.index(docs)
        self.assertEqual(first["indexed"], len(FIXTURE))
        before = self.stats()

        proc = self.ok("index", "--db", self.db, docs)
        self.assertEqual(without_timing(proc.stdout), f"indexed 0 document(s), {len(FIXTURE)} unchanged; "
                                      f"{len(FIXTURE)} in {self.db}\n")
        second = self.index(docs)
        self.assertEqual((second["indexed"], second["unchanged"], second["documents"]),
                         (0, len(FIXTURE), len(FIXTURE)))
        after = self.stats()
        self.assertEqual(after["documents"], before["documents"])
        self.assertEqual(after["terms"], before["terms"])
        # One hit per document, not one per indexing run.
        self.assertIds("국가보안법", [D, G])
        self.assertIds("activists", [A, B, G])

    def test_reindex_after_edit_replaces_document(self):
        docs = self.fixture()
        self.index(docs)
        self.assertIds("보호해야", [E])
        write_file(os.path.join(self.tmp, docs, E),
                   front_matter("통일부에 보내는 서한", "2018-07-01", "letter", "ko")
                   + "통일부는 탈북민의 정착을 지원해야 한다. 장학금 제도를 확대하라.\n")
        report = self.index(docs)
        self.assertEqual((report["indexed"], report["unchanged"], report["documents"]),
                         (1, len(FIXTURE) - 1, len(FIXTURE)))
        self.assertIds("장학금", [E])
        self.assertIds("보호해야", [])
        self.assertIds("통일부", [E, F])
        shown = self.json_line(self.ok("show", "--db", self.db, "--json", E))
        self.assertIn("장학금", shown["body"])
        self.assertNotIn("보호해야", shown["body"])
        self.assertEqual(self.stats()["documents"], len(FIXTURE))


    def test_hidden_entries_and_ignore_file_are_left_out(self):
        write_tree(os.path.join(self.tmp, "docs"), {
            ".ngosearchignore": "README.md\ndrafts/*.txt\n",
            "README.md": "readme words\n",
            "sub/README.md": "readme words\n",
            "drafts/d.txt": "draft words\n",
            "drafts/d.md": "draft words in markdown\n",
            "sub/drafts/d.txt": "nested draft words\n",
            ".hidden.md": "hidden words\n",
            ".git/notes.md": "hidden folder words\n",
            "kept.md": "kept words\n",
        })
        proc = self.ok("index", "--db", self.db, "docs")
        self.assertEqual(without_timing(proc.stdout), f"indexed 3 document(s), 3 ignored; 3 in {self.db}\n")
        self.assertEqual(proc.stderr, "")
        self.assertIds("words", ["drafts/d.md", "kept.md", "sub/drafts/d.txt"])
        report = self.index("docs", db=os.path.join(self.tmp, "other"))
        self.assertEqual((report["indexed"], report.get("ignored"), report["skipped"]), (3, 3, []))


# --- search output ----------------------------------------------------------------------------

class SearchOutputTest(CliCase):

    def setUp(self):
        super().setUp()
        self.index(self.fixture())

    def test_search_json_shape_scores_and_highlights(self):
        result = self.search("국가보안법")
        self.assertEqual(set(result), RESULT_KEYS)
        self.assertEqual((result["query"], result["total"], result["offset"]), ("국가보안법", 2, 0))
        self.assertEqual(sorted(h["id"] for h in result["hits"]), [D, G])
        for hit in result["hits"]:
            self.assertEqual(set(hit), HIT_KEYS)
            for key in HIT_KEYS - {"score", "highlights", "entities"}:
                self.assertIsInstance(hit[key], str, key)
            # The entities the body names, with byte offsets into the stored body.
            self.assertIn("national-security-act", [e["id"] for e in hit["entities"]])
            for e in hit["entities"]:
                self.assertEqual(set(e) - {"article"},
                                 {"type", "id", "name", "surface", "begin", "end", "source"})
            self.assertIsInstance(hit["score"], (int, float))
            self.assertGreater(hit["score"], 0)
            self.assertHighlights(hit, lambda t: t in ("국가보안법", "국가보안법을", "국가보안법은"))
        d, = (h for h in result["hits"] if h["id"] == D)
        self.assertEqual((d["path"], d["title"], d["lang"], d["date"], d["type"]),
                         ("docs/ko/d.md", "국가보안법 폐지 성명", "ko", "2021-06-01", "statement"))
        self.assertIn("국가보안법을", d["snippet"])
        begin, end = d["highlights"][0]
        self.assertEqual(d["snippet"].encode("utf-8")[begin:end].decode("utf-8"), "국가보안법을")

        # Several hits, ranked: scores never go up.
        result = self.search("activists OR 통일부 OR expression")
        self.assertEqual(result["total"], 6)
        scores = [h["score"] for h in result["hits"]]
        self.assertEqual(scores, sorted(scores, reverse=True))

        # English: a stemmed match is highlighted as it is written.
        for hit in self.search("prosecute")["hits"]:
            self.assertHighlights(hit, lambda t: t.lower().startswith("prosecut"))

    def test_search_human_output_lists_ranked_hits(self):
        proc = self.ok("search", "--db", self.db, "prosecute")
        self.assertEqual(proc.stderr, "")
        lines = proc.stdout.splitlines()
        self.assertEqual(lines[0], "2 result(s) for prosecute (showing 1-2)")
        self.assertEqual(lines[1], "")
        # "1. <title>  [<score>]", "   <path> · <date> · <lang> · <type>", "   <snippet>", "".
        title_line = r"^{}\. (Letter on prosecutions|Detention report)  \[[0-9.e-]+\]$"
        self.assertRegex(lines[2], title_line.format(1))
        self.assertRegex(lines[6], title_line.format(2))
        self.assertNotEqual(lines[2].split("  [")[0][3:], lines[6].split("  [")[0][3:])
        score1 = float(lines[2].rsplit("[", 1)[1].rstrip("]"))
        score2 = float(lines[6].rsplit("[", 1)[1].rstrip("]"))
        self.assertGreaterEqual(score1, score2)
        paths = {"Letter on prosecutions": "   docs/en/a.md · 2020-05-01 · en · letter",
                 "Detention report": "   docs/en/b.md · 2019-11-20 · en · report"}
        self.assertEqual(lines[3], paths[lines[2].split("  [")[0][3:]])
        self.assertEqual(lines[7], paths[lines[6].split("  [")[0][3:]])
        # Not a terminal: matched words are marked with brackets, no escape codes.
        self.assertIn("[prosecutions]", lines[4] + lines[8])
        self.assertTrue(lines[4].startswith("   ") and lines[8].startswith("   "))
        self.assertNotIn("\x1b", proc.stdout)

        proc = self.ok("search", "--db", self.db, "국가보안법")
        self.assertIn("   정부는 [국가보안법을] 폐지해야 한다.", proc.stdout)
        self.assertIn("1. ", proc.stdout)
        self.assertIn("2. ", proc.stdout)

        proc = self.ok("search", "--db", self.db, "nonexistentword")
        self.assertEqual(proc.stdout, "0 result(s) for nonexistentword\n")

    def test_search_human_output_on_terminal_uses_bold(self):
        master, slave = os.openpty()
        try:
            proc = subprocess.run([CLI, "search", "--db", self.db, "폐지해야"], stdout=slave,
                                  stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                  env=self.env(), cwd=self.tmp, timeout=TIMEOUT)
        finally:
            os.close(slave)
        chunks = []
        try:
            while True:
                try:
                    data = os.read(master, 65536)
                except OSError:   # EIO: the other side is closed
                    break
                if not data:
                    break
                chunks.append(data)
        finally:
            os.close(master)
        out = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
        self.assertEqual(proc.returncode, 0, decode(proc.stderr))
        self.assertEqual(decode(proc.stderr), "")
        self.assertIn("1. \x1b[1m국가보안법 폐지 성명\x1b[0m  [", out)
        self.assertIn("\x1b[1m폐지해야\x1b[0m", out)
        self.assertNotIn("[폐지해야]", out)

    def test_paging_gives_disjoint_pages(self):
        query = "activists OR 국가보안법 OR 통일부 OR expression"
        everything = self.search(query, "--limit", "100")
        self.assertEqual(everything["total"], 7)
        first = self.search(query, "--limit", "2", "--offset", "0")
        second = self.search(query, "--limit", "2", "--offset", "2")
        last = self.search(query, "--limit", "2", "--offset", "6")
        self.assertEqual([first["offset"], second["offset"], last["offset"]], [0, 2, 6])
        self.assertEqual([first["total"], second["total"], last["total"]], [7, 7, 7])
        self.assertEqual([len(first["hits"]), len(second["hits"]), len(last["hits"])], [2, 2, 1])
        first_ids = [h["id"] for h in first["hits"]]
        second_ids = [h["id"] for h in second["hits"]]
        self.assertFalse(set(first_ids) & set(second_ids), (first_ids, second_ids))
        all_ids = [h["id"] for h in everything["hits"]]
        self.assertEqual(first_ids + second_ids, all_ids[:4])
        self.assertEqual([h["id"] for h in last["hits"]], all_ids[6:])
        # Past the end: no hits, the same total.
        beyond = self.search(query, "--offset", "50")
        self.assertEqual((beyond["total"], beyond["hits"], beyond["offset"]), (7, [], 50))
        # Human output numbers the hits by their rank in the whole result.
        proc = self.ok("search", "--db", self.db, "-n", "2", "--offset", "2", query)
        self.assertTrue(proc.stdout.startswith(f"7 result(s) for {query} (showing 3-4)\n"),
                        proc.stdout)
        self.assertIn("\n3. ", proc.stdout)
        self.assertIn("\n4. ", proc.stdout)
        self.assertNotIn("\n1. ", proc.stdout)


# --- the query language -----------------------------------------------------------------------

class QueryTest(CliCase):

    def setUp(self):
        super().setUp()
        self.index(self.fixture())

    def test_korean_particles_and_phrase(self):
        self.assertIds("국가보안법", [D, G])       # 국가보안법을, 국가보안법은, (국가보안법)
        self.assertIds("국가보안법을", [D, G])     # the query is analysed the same way
        self.assertIds("통일부", [E, F])           # 통일부는, 통일부
        self.assertIds("북한", [E, F])             # 북한에서, 북한
        self.assertIds('"통일부 북한"', [E])        # 통일부는 북한에서; f has both, apart
        self.assertIds('"통일부는 북한에서"', [E])
        self.assertIds("통일부 북한", [E, F])      # without quotes: both words anywhere
        hit, = self.search('"통일부는 북한에서"')["hits"]
        self.assertGreater(hit["score"], 0)
        self.assertHighlights(hit, lambda t: "통일부는" in t or "북한에서" in t)

    def test_korean_predicates_and_the_bigram_fallback(self):
        self.assertIds("보호", [E])                # 보호해야: a derived predicate
        self.assertIds("폐지", [D])                # 폐지해야
        self.assertIds("보호했다", [E])            # the query's predicate reduces alike
        # A piece of a word no analysis gives (호해 in 보호해야) is found by its syllable
        # bigram, unless the fallback is switched off.
        self.assertIds("호해", [E])
        self.assertIds("호해", [], "--no-fallback")

    def test_korean_phrase_of_inflected_words_is_scored_and_highlighted(self):
        # "통일부 북한" matches "통일부는 북한에서" (the particles are stripped), so that hit must
        # rank like any other match: a positive score, and the matched words highlighted.
        hit, = self.search('"통일부 북한"')["hits"]
        self.assertEqual(hit["id"], E)
        self.assertGreater(hit["score"], 0, hit)
        self.assertHighlights(hit, lambda t: "통일부는" in t or "북한에서" in t)
        # The same for words inside a phrase that carry particles in the text.
        for hit in self.search('"표현의 자유"')["hits"]:
            self.assertHighlights(hit, lambda t: "표현의" in t or "자유" in t)
        hits = self.search("통일부 NEAR 북한")["hits"]
        self.assertEqual(sorted(h["id"] for h in hits), [E, F])
        for hit in hits:
            self.assertGreater(hit["score"], 0, hit)
        # A document with the uninflected words must not outrank one with inflected ones just
        # because of the particles.
        write_tree(os.path.join(self.tmp, "more"), {
            "x.txt": "통일부는 북한에서 온 사람들을 보호해야 한다.\n",
            "y.txt": "통일부 북한 정책 토론회 자료집.\n"})
        other = os.path.join(self.tmp, "other")
        self.index("more", db=other)
        hits = self.search('"통일부 북한"', db=other)["hits"]
        self.assertEqual(sorted(h["id"] for h in hits), ["x.txt", "y.txt"])
        for hit in hits:
            self.assertGreater(hit["score"], 0, hit)
            self.assertTrue(hit["highlights"], hit)

    def test_english_stemming_phrase_and_prefix(self):
        self.assertIds("prosecute", [A, B])        # prosecutions
        self.assertIds("Prosecution", [A, B])
        self.assertIds("activist", [A, B, G])
        self.assertIds('"prosecutions of activists"', [A])
        self.assertIds("prosecutions of activists", [A, B])   # b has the words, not the phrase
        self.assertIds('"prosecutions of journalists"', [B])
        self.assertIds("prosecut*", [A, B])
        self.assertIds("journ*", [B])
        for hit in self.search("prosecut*")["hits"]:
            self.assertHighlights(hit, lambda t: t.lower().startswith("prosecut"))

    def test_boolean_operators_near_and_any(self):
        self.assertIds("activists journalists", [B])                 # AND by default
        self.assertIds("activists AND journalists", [B])
        self.assertIds("activists OR 통일부", [A, B, E, F, G])
        self.assertIds("activists NOT journalists", [A, G])
        self.assertIds("activists AND NOT journalists", [A, G])
        self.assertIds("activists -journalists", [A, G])
        self.assertIds("(activists OR 통일부) AND NOT 장관은", [A, B, E, G])
        self.assertIds("activists prosecutions", [A, B])
        self.assertIds("activists NEAR prosecutions", [A])            # 12 words apart in b
        self.assertIds("activists NEAR/3 prosecutions", [A])
        self.assertIds("journalists 통일부", [B, E, F], "--any")
        # No document has both words: the all-words query relaxes to any word, and says so;
        # an explicit AND, a phrase and --no-relax are never relaxed.
        relaxed = self.search("journalists 통일부", "--limit", "100")
        self.assertTrue(relaxed["relaxed"], relaxed)
        self.assertEqual(sorted(h["id"] for h in relaxed["hits"]), [B, E, F])
        self.assertFalse(self.search("activists journalists")["relaxed"])
        self.assertIds("journalists AND 통일부", [])
        self.assertIds("\"journalists 통일부\"", [])
        self.assertIds("journalists 통일부", [], "--no-relax")
        human = self.ok("search", "--db", self.db, "journalists 통일부").stdout
        self.assertIn("No document has all the words", human)
        self.assertIds("activists 국가보안법", [G])
        self.assertIds("activists 국가보안법", [A, B, D, G], "--any")

    def test_field_filters_title_lang_type(self):
        self.assertIds("detention", [A, B])
        self.assertIds("title:detention", [B])
        self.assertIds("title:국가보안법", [D])
        self.assertIds('title:"National Security Law"', [G])
        self.assertIds("lang:en activists", [A, B, G])     # mixed documents count as English
        self.assertIds("lang:ko 국가보안법", [D, G])        # ... and as Korean
        self.assertIds("lang:en 국가보안법", [G])
        self.assertIds("lang:mixed 국가보안법", [G])
        self.assertIds("lang:ko activists", [G])
        self.assertIds("lang:mixed", [G])
        self.assertIds("lang:en", [A, B, C, G])
        self.assertIds("lang:ko", [D, E, F, G])
        self.assertIds("type:letter", [A, E])
        self.assertIds("type:letter 통일부", [E])
        self.assertIds("type:press-release", [G])
        self.assertIds("type:report OR type:statement", [B, C, D, F])

    def test_date_filters_from_front_matter(self):
        self.assertIds("date:2020", [A])
        self.assertIds("date:2020-05", [A])
        self.assertIds("date:2020-05-01", [A])
        self.assertIds("date:2020..2021", [A, C, D, G])
        self.assertIds("date:2021-03..", [C, D, F, G])
        self.assertIds("date:..2019", [B, E])
        self.assertIds("date:..2019-12-31", [B, E])
        self.assertIds("date:2021-06..2021-12", [D, G])
        self.assertIds("국가보안법 date:2021-07..", [G])
        self.assertIds("date:1999", [])
        hit, = self.search("date:2020")["hits"]
        self.assertEqual(hit["date"], "2020-05-01")


# --- --batch ----------------------------------------------------------------------------------

class BatchTest(CliCase):

    BATCH = "# queries, one per line\n\n국가보안법\n   \nprosecute\n\"unbalanced\n통일부 북한\n"

    def setUp(self):
        super().setUp()
        self.index(self.fixture())

    def check_batch_output(self, proc):
        self.assertExit(proc, 1)   # one query was malformed
        lines = proc.stdout.splitlines()
        self.assertEqual(len(lines), 4, self.describe(proc))
        results = [json.loads(line) for line in lines]
        self.assertEqual([r["query"] for r in results],
                         ["국가보안법", "prosecute", '"unbalanced', "통일부 북한"])
        for i in (0, 1, 3):
            self.assertEqual(set(results[i]), RESULT_KEYS)
        self.assertEqual(sorted(h["id"] for h in results[0]["hits"]), [D, G])
        self.assertEqual(sorted(h["id"] for h in results[1]["hits"]), [A, B])
        self.assertEqual(sorted(h["id"] for h in results[3]["hits"]), [E, F])
        bad = results[2]
        self.assertIn("error", bad)
        self.assertIn("unbalanced quotes", bad["error"])
        self.assertEqual(bad.get("position"), 0)
        self.assertNotIn("hits", bad)
        self.assertIn("ngosearch: error: unbalanced quotes", proc.stderr)

    def test_batch_file_json_one_line_per_query(self):
        queries = os.path.join(self.tmp, "queries.txt")
        write_file(queries, self.BATCH)
        self.check_batch_output(self.run_cli("search", "--db", self.db, "--json", "--batch",
                                             queries))

    def test_batch_stdin_json_one_line_per_query(self):
        self.check_batch_output(self.run_cli("search", "--db", self.db, "--json", "--batch", "-",
                                             input=self.BATCH))

    def test_batch_all_good_lines_exit_zero_and_human_output(self):
        proc = self.ok("search", "--db", self.db, "--batch", "-",
                       input="국가보안법\r\n# skipped\nprosecute\n")
        self.assertEqual(proc.stdout.count(" result(s) for "), 2)
        self.assertIn("2 result(s) for 국가보안법 (showing 1-2)", proc.stdout)
        self.assertIn("2 result(s) for prosecute (showing 1-2)", proc.stdout)
        self.assertNotIn("skipped", proc.stdout)
        proc = self.fails(2, "search", "--db", self.db, "--batch", "-", "국가보안법", input="x\n")
        self.assertIn("ngosearch: error: give either QUERY or --batch, not both", proc.stderr)
        proc = self.fails(1, "search", "--db", self.db, "--batch",
                          os.path.join(self.tmp, "no-such-queries.txt"))
        self.assertIn("ngosearch: error:", proc.stderr)
        self.assertIn("cannot open query file", proc.stderr)


    def test_batch_search_while_an_index_run_commits(self):
        # A writer committing every 40 documents overtakes the revision the searcher reads;
        # the searcher reopens and every query is answered (Xapian's DatabaseModifiedError
        # used to stop the batch part way).
        big = os.path.join(self.tmp, "big")
        for i in range(3000):
            write_file(os.path.join(big, f"{i:05d}.txt"),
                       (f"Report {i} on detention and the prosecution of activists, round {i % 7}."
                        f"\n구금과 활동가 기소에 관한 보고서 {i}.\n") * 3)
        queries = ["detention", "prosecute activists", "구금", "활동가 기소", "\"round 3\""] * 800
        # The index exists before the searcher opens it; then the writer goes on committing.
        self.ok("index", "--db", self.db, "--quiet", os.path.join(big, "00000.txt"))
        writer = subprocess.Popen([CLI, "index", "--db", self.db, "--quiet", "--batch-docs", "40",
                                   big], cwd=self.tmp, env=self.env(),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            proc = self.run_cli("search", "--db", self.db, "--json", "--limit", "3", "--batch",
                                "-", input="\n".join(queries) + "\n")
        finally:
            _, err = writer.communicate(timeout=TIMEOUT)
        self.assertEqual(writer.returncode, 0, decode(err))
        self.assertExit(proc, 0)
        results = [json.loads(line) for line in proc.stdout.splitlines()]
        self.assertEqual(len(results), len(queries), self.describe(proc))
        self.assertFalse([r for r in results if "error" in r][:3])


# --- entities ----------------------------------------------------------------------------------

class EntityTest(CliCase):

    TEXT = ("\ufeffDear President Moon Jae-in, we write about Article 7 of the National Security "
            "Act.\n문재인 대통령은 국가보안법을 폐지하고 통일부장관은 답하라.\n")

    def test_entities_json_gives_byte_offsets_into_the_file_as_read(self):
        path = os.path.join(self.tmp, "letter.txt")
        write_file(path, self.TEXT)
        result = self.json_line(self.ok("entities", "--json", path))
        self.assertEqual(set(result), {"entities"})
        data = self.TEXT.encode("utf-8")
        found = [(e["type"], e["id"], e["surface"], e["source"]) for e in result["entities"]]
        self.assertIn(("person", "moon-jae-in", "Moon Jae-in", "gazetteer"), found)
        self.assertIn(("law", "national-security-act", "Article 7 of the National Security Act",
                       "gazetteer"), found)
        self.assertIn(("person", "moon-jae-in", "문재인", "gazetteer"), found)      # no 대통령
        self.assertIn(("law", "national-security-act", "국가보안법", "gazetteer"), found)  # no 을
        self.assertIn(("ministry", "ministry-of-unification", "통일부", "gazetteer"), found)
        for e in result["entities"]:
            self.assertEqual(set(e) - {"article"},
                             {"type", "id", "name", "surface", "begin", "end", "source"})
            self.assertEqual(data[e["begin"]:e["end"]].decode("utf-8"), e["surface"])
        article = next(e for e in result["entities"] if "article" in e)
        self.assertEqual(article["article"], "7")

    def test_entities_from_stdin_human_output(self):
        proc = self.ok("entities", "-", input="Minister Park Seo-yeon and the UN Human Rights Council")
        self.assertIn("person\tpark-seo-yeon\tPark Seo-yeon\t[9,22)\trule", proc.stdout)
        self.assertIn("\tgazetteer", proc.stdout)

    def test_entities_bad_input(self):
        proc = self.fails(1, "entities", os.path.join(self.tmp, "missing.txt"))
        self.assertIn("cannot open file", proc.stderr)
        binary = os.path.join(self.tmp, "blob.bin")
        write_file(binary, b"PK\x03\x04\x00\x00binary")
        proc = self.fails(1, "entities", binary)
        self.assertIn("binary", proc.stderr)
        self.fails(2, "entities")
        # Invalid UTF-8 is no error: the entities around it are found.
        proc = self.ok("entities", "--json", "-", input=b"\xff\xfe \xeb\xac\xb8\xec\x9e\xac"
                       b"\xec\x9d\xb8\xec\x9d\x80 Moon Jae-in \xc3")
        self.assertEqual([e["id"] for e in json.loads(proc.stdout)["entities"]],
                         ["moon-jae-in", "moon-jae-in"])

    def test_gazetteer_of_ones_own_and_a_malformed_one(self):
        mine = os.path.join(self.tmp, "names.tsv")
        write_file(mine, "# my names\nhope-center\torg\tHope Center\t희망센터\t\t\t\t\t\n")
        proc = self.ok("entities", "--gazetteer", mine, "-", input="희망센터는 Hope Center")
        self.assertEqual(proc.stdout.count("hope-center"), 2)
        bad = os.path.join(self.tmp, "bad.tsv")
        write_file(bad, "ok-entry\torg\tOK\t\t\t\t\t\t\nbroken line\n")
        for args in (["entities", "--gazetteer", bad, "-"],
                     ["index", "--db", self.db, "--gazetteer", bad, self.fixture()],
                     ["search", "--db", self.db, "--gazetteer", bad, "x"]):
            proc = self.fails(1, *args, input="text")
            self.assertIn("bad.tsv", proc.stderr)
            self.assertIn("line 2", proc.stderr)

    def test_search_entity_filters_expansion_and_facets(self):
        self.index(self.fixture())
        self.assertIds("law:national-security-act", [D, G])
        self.assertIds('law:"National Security Law"', [D, G])
        self.assertIds("law:국가보안법 lang:en", [G])
        self.assertIds("ministry:통일부", [E, F])
        # 통일부 names the Ministry of Unification: documents naming it any way are found too.
        result = self.search("통일부")
        self.assertEqual([(x["words"], x["id"]) for x in result["expansions"]],
                         [("통일부", "ministry-of-unification")])
        self.assertEqual(self.search("통일부", "--no-expand")["expansions"], [])
        human = self.ok("search", "--db", self.db, "통일부").stdout
        self.assertIn("Also searched: 통일부 → ministry:ministry-of-unification", human)
        # Facets: exact document counts over all matches, per type.
        result = self.search("NOT zzzz", "--facets", "--limit", "1")
        self.assertEqual(len(result["hits"]), 1)
        laws = {v["id"]: v["count"] for v in result["facets"]["law"]}
        self.assertEqual(laws["national-security-act"], 2)
        human = self.ok("search", "--db", self.db, "--facets", "국가보안법").stdout
        self.assertIn("law:", human)
        # Hits carry their entities, with byte offsets into the stored body.
        hit = next(h for h in self.search("국가보안법")["hits"] if h["id"] == D)
        self.assertIn("national-security-act", [e["id"] for e in hit["entities"]])

    def test_index_without_entities(self):
        self.ok("index", "--db", self.db, "--no-entities", "--quiet", self.fixture())
        self.assertIds("law:national-security-act", [])
        self.assertIds("국가보안법", [D, G])


# --- show, delete, stats, analyze -------------------------------------------------------------

class DocumentCommandsTest(CliCase):

    def setUp(self):
        super().setUp()
        self.index(self.fixture())

    def test_show_document_human_and_json(self):
        shown = self.json_line(self.ok("show", "--db", self.db, "--json", A))
        self.assertEqual(set(shown), SHOW_KEYS)
        self.assertEqual(
            (shown["id"], shown["title"], shown["path"], shown["lang"], shown["date"],
             shown["type"]),
            (A, "Letter on prosecutions", "docs/en/a.md", "en", "2020-05-01", "letter"))
        self.assertEqual(shown["metadata"], {"author": "Seoul Civic Forum"})
        self.assertIn("The prosecutions of activists under the security law continue.",
                      shown["body"])
        self.assertNotIn("date: 2020-05-01", shown["body"])   # front matter is not body text

        shown = self.json_line(self.ok("show", "--db", self.db, "--json", E))
        self.assertEqual((shown["title"], shown["lang"], shown["date"], shown["type"]),
                         ("통일부에 보내는 서한", "ko", "2018-07-01", "letter"))
        self.assertIn("통일부는 북한에서 온 사람들을 보호해야 한다.", shown["body"])

        proc = self.ok("show", "--db", self.db, E)
        self.assertTrue(proc.stdout.startswith(
            "id:    ko/e.txt\ntitle: 통일부에 보내는 서한\npath:  docs/ko/e.txt\n"
            "date:  2018-07-01\nlang:  ko\ntype:  letter\n\n"), proc.stdout)
        self.assertIn("통일부는 북한에서 온 사람들을 보호해야 한다.", proc.stdout)
        proc = self.ok("show", "--db", self.db, A)
        self.assertIn("\nauthor: Seoul Civic Forum\n", proc.stdout)

    def test_show_missing_id_fails(self):
        proc = self.fails(1, "show", "--db", self.db, "en/nope.md")
        self.assertEqual(proc.stdout, "")
        self.assertTrue(
            proc.stderr.startswith("ngosearch: error: no document with id 'en/nope.md'"),
            proc.stderr)
        # An id is the relative path, not the path as given nor the bare file name.
        self.fails(1, "show", "--db", self.db, "docs/en/a.md")
        self.fails(1, "show", "--db", self.db, "a.md")

    def test_delete_removes_document(self):
        self.assertIds("prosecutions", [A, B])
        before = self.stats()["documents"]
        proc = self.ok("delete", "--db", self.db, A)
        self.assertEqual(proc.stdout, f"deleted {A}\n")
        self.assertEqual(proc.stderr, "")
        self.assertIds("prosecutions", [B])
        self.assertEqual(self.stats()["documents"], before - 1)
        self.fails(1, "show", "--db", self.db, A)

        # Several ids: the known ones are deleted, a missing one is an error.
        proc = self.fails(1, "delete", "--db", self.db, D, "no/such.md", E)
        self.assertEqual(proc.stdout, f"deleted {D}\ndeleted {E}\n")
        self.assertIn("ngosearch: error: no document with id 'no/such.md'", proc.stderr)
        self.assertEqual(self.stats()["documents"], before - 3)
        self.assertIds("국가보안법", [G])

    def test_delete_missing_id_fails(self):
        before = self.stats()["documents"]
        proc = self.fails(1, "delete", "--db", self.db, "en/nope.md")
        self.assertEqual(proc.stdout, "")
        self.assertTrue(
            proc.stderr.startswith("ngosearch: error: no document with id 'en/nope.md'"),
            proc.stderr)
        self.assertEqual(self.stats()["documents"], before)
        # Deleting twice: the second time the document is missing.
        self.ok("delete", "--db", self.db, C)
        proc = self.fails(1, "delete", "--db", self.db, C)
        self.assertIn(f"no document with id '{C}'", proc.stderr)

    def test_stats_json_and_human(self):
        stats = self.stats()
        self.assertLessEqual({"documents", "terms", "path", "analyzer"}, set(stats))
        self.assertEqual(stats["documents"], len(FIXTURE))
        self.assertIsInstance(stats["terms"], int)
        self.assertGreater(stats["terms"], 50)
        self.assertEqual(stats["path"], self.db)
        self.assertIsInstance(stats["analyzer"], str)
        self.assertTrue(stats["analyzer"])
        # The analyzer recorded in the index is the one `analyze` uses.
        analyzed = self.json_line(self.ok("analyze", "--json", "x"))
        self.assertEqual(stats["analyzer"], analyzed["analyzer"])

        proc = self.ok("stats", "--db", self.db)
        self.assertIn(f"index:     {self.db}\n", proc.stdout)
        self.assertIn(f"documents: {len(FIXTURE)}\n", proc.stdout)
        self.assertIn(f"terms:     {stats['terms']}\n", proc.stdout)
        self.assertIn(f"analyzer:  {stats['analyzer']}\n", proc.stdout)

    def test_analyze_json_tokens_and_offsets(self):
        text = "국가보안법을 위반"
        result = self.json_line(self.ok("analyze", "--json", text))
        tokens = result["tokens"]
        for t in tokens:
            self.assertLessEqual({"term", "begin", "end", "position", "kind"}, set(t))
        # The compound's parts share its offsets and position.
        self.assertEqual([(t["term"], t["begin"], t["end"], t["position"], t["kind"])
                          for t in tokens],
                         [("국가보안법을", 0, 18, 0, "word"),
                          ("국가", 0, 18, 0, "compound_part"),
                          ("국가보안", 0, 18, 0, "compound_part"),
                          ("보안", 0, 18, 0, "compound_part"),
                          ("보안법", 0, 18, 0, "compound_part"),
                          ("위반", 19, 25, 1, "word")])
        raw = text.encode("utf-8")
        for t in tokens:
            if t["kind"] == "word":
                self.assertEqual(raw[t["begin"]:t["end"]].decode("utf-8"), t["term"])
        self.assertEqual(tokens[0].get("stem"), "국가보안법")

        # Several arguments are joined with spaces; terms are case-folded, offsets are bytes.
        text = "National 통일부는 Prosecutions"
        result = self.json_line(self.ok("analyze", "--json", "National", "통일부는", "Prosecutions"))
        raw = text.encode("utf-8")
        terms = [(t["term"], t["position"]) for t in result["tokens"]]
        self.assertEqual(terms, [("national", 0), ("통일부는", 1), ("prosecutions", 2)])
        for t in result["tokens"]:
            self.assertEqual(raw[t["begin"]:t["end"]].decode("utf-8").lower(), t["term"])

        proc = self.ok("analyze", "통일부는 북한에서")
        self.assertEqual(proc.stdout.splitlines()[0], "0\t통일부는\t[0,12)\tword\tstem=통일부")
        self.assertEqual(proc.stdout.splitlines()[1], "1\t북한에서\t[13,25)\tword\tstem=북한")


# --- usage ------------------------------------------------------------------------------------

class UsageTest(CliCase):

    def test_help_for_top_level_and_every_command(self):
        for args in (["--help"], ["-h"], ["help"]):
            with self.subTest(args=args):
                proc = self.ok(*args)
                self.assertTrue(proc.stdout.startswith("usage: ngosearch <command>"), proc.stdout)
                for command in COMMANDS:
                    self.assertIn(f"  {command} ", proc.stdout)
                self.assertEqual(proc.stderr, "")
        for command in COMMANDS:
            for flag in ("--help", "-h"):
                with self.subTest(command=command, flag=flag):
                    # --help wins over missing arguments and needs no index.
                    proc = self.ok(command, flag)
                    self.assertTrue(proc.stdout.startswith(f"usage: ngosearch {command} "),
                                    proc.stdout)
                    self.assertIn("--help", proc.stdout)
                    self.assertEqual(proc.stderr, "")
                    self.assertFalse(os.path.exists(self.db))
        proc = self.ok("--version")
        self.assertTrue(proc.stdout.startswith("ngosearch "), proc.stdout)

    def test_no_arguments_prints_usage_with_exit_2(self):
        proc = self.fails(2)
        self.assertEqual(proc.stdout, "")
        self.assertTrue(proc.stderr.startswith("usage: ngosearch"), proc.stderr)

    def test_unknown_command_exits_2(self):
        proc = self.fails(2, "frobnicate", "--db", self.db)
        self.assertEqual(proc.stdout, "")
        self.assertTrue(proc.stderr.startswith("ngosearch: error: unknown command 'frobnicate'"),
                        proc.stderr)

    def test_unknown_option_exits_2(self):
        for args in (["search", "--db", self.db, "--bogus", "x"], ["index", "--frob", "docs"],
                     ["stats", "--db", self.db, "--limit", "3"], ["search", "-z", "x"]):
            with self.subTest(args=args):
                proc = self.fails(2, *args)
                self.assertTrue(proc.stderr.startswith("ngosearch: error:"), proc.stderr)
                self.assertEqual(proc.stdout, "")
        proc = self.fails(2, "search", "--db", self.db, "--limit", "many", "x")
        self.assertTrue(proc.stderr.startswith("ngosearch: error:"), proc.stderr)
        self.assertFalse(os.path.exists(self.db))

    def test_missing_required_argument_exits_2(self):
        cases = [(["search", "--db", self.db], "search needs a QUERY"),
                 (["search", "--db", self.db, "--json"], "search needs a QUERY"),
                 (["index", "--db", self.db], "index needs at least one PATH"),
                 (["show", "--db", self.db], "show needs a document ID"),
                 (["delete", "--db", self.db], "delete needs at least one document ID"),
                 (["analyze"], "analyze needs TEXT")]
        for args, message in cases:
            with self.subTest(args=args):
                proc = self.fails(2, *args)
                self.assertTrue(proc.stderr.startswith(f"ngosearch: error: {message}"),
                                proc.stderr)
                self.assertEqual(proc.stdout, "")
        self.assertFalse(os.path.exists(self.db))


# --- where the index lives --------------------------------------------------------------------

class DefaultLocationTest(CliCase):

    def test_ngosearch_db_environment_variable(self):
        docs = self.fixture()
        env = self.env(NGOSEARCH_DB=self.db)
        proc = self.ok("index", docs, env=env)
        self.assertEqual(without_timing(proc.stdout), f"indexed {len(FIXTURE)} document(s); {len(FIXTURE)} in "
                                      f"{self.db}\n")
        self.assertTrue(os.path.isdir(self.db))
        result = json.loads(self.ok("search", "--json", "국가보안법", env=env).stdout)
        self.assertEqual(sorted(h["id"] for h in result["hits"]), [D, G])
        self.assertEqual(json.loads(self.ok("stats", "--json", env=env).stdout)["path"], self.db)
        # --db wins over NGOSEARCH_DB.
        other = os.path.join(self.tmp, "other")
        self.ok("index", "--db", other, f"{docs}/en/a.md", env=env)
        self.assertEqual(json.loads(self.ok("stats", "--db", other, "--json",
                                            env=env).stdout)["documents"], 1)
        self.assertFalse(os.path.exists(os.path.join(self.home, ".local")))

    def test_default_index_under_home(self):
        docs = self.fixture()
        env = self.env()   # NGOSEARCH_DB and XDG_DATA_HOME unset, HOME the temporary home
        self.assertNotIn("NGOSEARCH_DB", env)
        self.assertNotIn("XDG_DATA_HOME", env)
        expected = os.path.join(self.home, ".local", "share", "ngosearch", "index")
        proc = self.ok("index", docs, env=env)
        self.assertEqual(without_timing(proc.stdout), f"indexed {len(FIXTURE)} document(s); {len(FIXTURE)} in "
                                      f"{expected}\n")
        self.assertTrue(os.path.isfile(os.path.join(expected, "iamglass")), os.listdir(expected))
        result = json.loads(self.ok("search", "--json", "통일부", env=env).stdout)
        self.assertEqual(sorted(h["id"] for h in result["hits"]), [E, F])
        self.assertEqual(json.loads(self.ok("stats", "--json", env=env).stdout)["path"], expected)

    def test_default_index_under_xdg_data_home(self):
        docs = self.fixture()
        xdg = os.path.join(self.tmp, "xdg")
        env = self.env(XDG_DATA_HOME=xdg)
        expected = os.path.join(xdg, "ngosearch", "index")
        proc = self.ok("index", "--json", docs, env=env)
        self.assertEqual(json.loads(proc.stdout)["index"], expected)
        self.assertTrue(os.path.isdir(expected))
        self.assertFalse(os.path.exists(os.path.join(self.home, ".local")))
        result = json.loads(self.ok("search", "--json", "통일부", env=env).stdout)
        self.assertEqual(result["total"], 2)


# --- bad input --------------------------------------------------------------------------------

class BadInputTest(CliCase):

    def test_invalid_utf8_is_replaced_and_reported(self):
        bad = (b"Seoul activists report \xff\xfe torture claims.\n"
               + "인권 단체 ".encode("utf-8") + "법".encode("utf-8")[:2] + " 감시 보고\n".encode("utf-8"))
        write_file(os.path.join(self.tmp, "docs", "bad.txt"), bad)
        write_file(os.path.join(self.tmp, "docs", "good.md"), "Another document about torture.\n")
        proc = self.ok("index", "--db", self.db, "docs")
        self.assertIn("ngosearch: warning: docs/bad.txt: invalid UTF-8", proc.stderr)
        self.assertIn("indexed 2 document(s)", proc.stdout)
        self.assertIds("activists", ["bad.txt"])
        self.assertIds("claims", ["bad.txt"])
        self.assertIds("torture", ["bad.txt", "good.md"])
        self.assertIds("감시", ["bad.txt"])
        self.assertIds("단체", ["bad.txt"])
        shown = self.json_line(self.ok("show", "--db", self.db, "--json", "bad.txt"))
        self.assertIn("report \ufffd", shown["body"])

        # JSON: the warning is in the report, and the file named directly is indexed too.
        other = os.path.join(self.tmp, "other")
        proc = self.ok("index", "--db", other, "--json", "docs/bad.txt")
        report = self.json_line(proc)
        self.assertEqual(report["indexed"], 1)
        self.assertEqual(len(report["warnings"]), 1, report)
        self.assertEqual(report["warnings"][0]["path"], "docs/bad.txt")
        self.assertIn("invalid UTF-8", report["warnings"][0]["reason"])

    def test_binary_file_in_folder_is_skipped(self):
        write_file(os.path.join(self.tmp, "docs", "x.txt"), b"PK\x03\x04\x00\x00binary\x00data")
        write_tree(os.path.join(self.tmp, "docs"), {"ok.md": "Ordinary text about detention.\n"})
        proc = self.ok("index", "--db", self.db, "docs")
        self.assertRegex(proc.stderr, r"ngosearch: warning: skipped docs/x\.txt: .*binary file")
        self.assertIn("indexed 1 document(s), skipped 1; 1 in", proc.stdout)
        self.assertIds("detention", ["ok.md"])
        self.fails(1, "show", "--db", self.db, "x.txt")

        report = self.index("docs", db=os.path.join(self.tmp, "other"))
        self.assertEqual(report["indexed"], 1)
        self.assertEqual(len(report["skipped"]), 1, report)
        self.assertEqual(report["skipped"][0]["path"], "docs/x.txt")
        self.assertIn("binary file", report["skipped"][0]["reason"])

    def test_binary_file_given_directly_fails(self):
        write_file(os.path.join(self.tmp, "docs", "x.txt"), b"PK\x03\x04\x00\x00binary\x00data")
        write_file(os.path.join(self.tmp, "docs", "ok.md"), "Ordinary text about detention.\n")
        proc = self.fails(1, "index", "--db", self.db, "docs/x.txt", "docs/ok.md")
        self.assertIn("ngosearch: error: cannot index docs/x.txt: binary file", proc.stderr)
        self.assertIn("indexed 1 document(s)", proc.stdout)
        self.assertIds("detention", ["ok.md"])
        # JSON: the file is an error, not a skipped note.
        proc = self.fails(1, "index", "--db", os.path.join(self.tmp, "other"), "--json",
                          "docs/x.txt")
        report = self.json_line(proc)
        self.assertEqual(report["skipped"], [])
        self.assertEqual(len(report["errors"]), 1, report)
        self.assertEqual(report["errors"][0]["path"], "docs/x.txt")
        self.assertIn("binary file", report["errors"][0]["reason"])

    def test_empty_file_given_directly_fails(self):
        write_file(os.path.join(self.tmp, "empty.txt"), b"")
        write_file(os.path.join(self.tmp, "blank.md"), b"  \n\n\t\n")
        proc = self.fails(1, "index", "--db", self.db, "empty.txt")
        self.assertIn("ngosearch: error: cannot index empty.txt: empty", proc.stderr)
        proc = self.fails(1, "index", "--db", self.db, "blank.md")
        self.assertIn("ngosearch: error: cannot index blank.md:", proc.stderr)
        self.assertIn("empty", proc.stderr)
        self.assertEqual(self.stats()["documents"], 0)

    def test_missing_path_fails_and_others_are_indexed(self):
        docs = self.fixture()
        proc = self.fails(1, "index", "--db", self.db, "no/such/folder", docs, "missing.md")
        self.assertIn("ngosearch: error: cannot index no/such/folder: no such file or directory",
                      proc.stderr)
        self.assertIn("ngosearch: error: cannot index missing.md: no such file or directory",
                      proc.stderr)
        self.assertIn(f"indexed {len(FIXTURE)} document(s)", proc.stdout)
        self.assertIds("국가보안법", [D, G])
        report = json.loads(self.fails(1, "index", "--db", self.db, "--json", "gone.txt").stdout)
        self.assertEqual(report["errors"], [{"path": "gone.txt",
                                             "reason": "no such file or directory"}])

    def test_unsupported_format_in_folder_is_skipped(self):
        write_tree(os.path.join(self.tmp, "docs"), {
            "report.pdf": "%PDF-1.4 not really a pdf but text\n",
            "notes.docx": "plain words\n",
            "ok.txt": "Ordinary text about detention.\n",
            "UPPER.MD": "Upper case extension about detention.\n",
        })
        proc = self.ok("index", "--db", self.db, "docs")
        self.assertIn("ngosearch: warning: skipped docs/report.pdf: damaged or truncated PDF",
                      proc.stderr)
        self.assertIn("ngosearch: warning: skipped docs/notes.docx: unsupported format",
                      proc.stderr)
        self.assertIds("detention", ["UPPER.MD", "ok.txt"])
        report = self.index("docs", db=os.path.join(self.tmp, "other"))
        reasons = {s["path"]: s["reason"] for s in report["skipped"]}
        self.assertEqual(set(reasons), {"docs/report.pdf", "docs/notes.docx"})
        self.assertTrue(reasons["docs/report.pdf"].startswith("damaged or truncated PDF"), reasons)
        # Named directly it is an error.
        proc = self.fails(1, "index", "--db", self.db, "docs/notes.docx")
        self.assertIn("ngosearch: error: cannot index docs/notes.docx: unsupported format",
                      proc.stderr)
        proc = self.fails(1, "index", "--db", self.db, "docs/report.pdf")
        self.assertIn("ngosearch: error: cannot index docs/report.pdf: damaged or truncated PDF",
                      proc.stderr)

    def test_search_on_missing_index_fails(self):
        missing = os.path.join(self.tmp, "nowhere")
        for args in (["search", "--db", missing, "국가보안법"], ["stats", "--db", missing],
                     ["show", "--db", missing, "a.md"], ["delete", "--db", missing, "a.md"]):
            with self.subTest(args=args):
                proc = self.fails(1, *args)
                self.assertTrue(proc.stderr.startswith("ngosearch: error:"), proc.stderr)
                self.assertIn(f"no index at {missing}", proc.stderr)
                self.assertEqual(proc.stdout, "")
        self.assertFalse(os.path.exists(missing))   # reading never creates an index

    def test_wait_lets_a_second_writer_wait_for_the_first(self):
        big = os.path.join(self.tmp, "big")
        for i in range(600):
            write_file(os.path.join(big, f"f{i:05d}.txt"),
                       f"Document {i}\n" + " ".join(f"활동가{j} detention{i + j}"
                                                    for j in range(150)) + "\n")
        writer = subprocess.Popen([CLI, "index", "--db", self.db, "--quiet", "-j", "1", big],
                                  cwd=self.tmp, env=self.env(), stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 60
            while not os.path.exists(os.path.join(self.db, "flintlock")):
                self.assertLess(time.monotonic(), deadline)
                time.sleep(0.002)
            # Without --wait refused at once (if the writer is still at work); with it, the
            # second writer waits, then runs.
            waited = self.run_cli("index", "--db", self.db, "--wait", "120", "--json",
                                  os.path.join(CORPUS, "en"))
        finally:
            out, err = writer.communicate(timeout=TIMEOUT)
        self.assertEqual(writer.returncode, 0, decode(err))
        self.assertExit(waited, 0)
        self.assertNotIn("locked", waited.stderr)
        self.assertGreater(self.json_line(waited)["indexed"], 0)
        self.assertEqual(self.stats()["documents"], 600 + self.json_line(waited)["indexed"])
        for bad in ("-1", "abc", "1e9"):
            proc = self.fails(2, "delete", "--db", self.db, "--wait", bad, "x")
            self.assertIn("--wait", proc.stderr)

    def test_locked_index_refuses_second_writer(self):
        words = ["activists", "prosecution", "government", "freedom", "expression", "detention",
                 "국가보안법을", "통일부는", "북한에서", "인권", "단체", "표현의", "자유"]
        # The writer holds the lock from opening the index to its exit; a few hundred files of a
        # few hundred words keep it busy for a good fraction of a second, enough to get in.
        files = 400
        for attempt in range(1, 4):
            big = os.path.join(self.tmp, f"big{attempt}")
            os.makedirs(big)
            for i in range(files):
                text = " ".join(words[(i + j) % len(words)] + str((i * 31 + j) % 997)
                                for j in range(200))
                with open(os.path.join(big, f"f{i:05d}.txt"), "w", encoding="utf-8") as f:
                    f.write(f"Document {i}\n{text}\n")
            db = os.path.join(self.tmp, f"locked{attempt}")
            writer = subprocess.Popen([CLI, "index", "--db", db, "--quiet", big], cwd=self.tmp,
                                      env=self.env(), stdin=subprocess.DEVNULL,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            locked = None
            try:
                deadline = time.monotonic() + 60
                while writer.poll() is None and time.monotonic() < deadline:
                    if not os.path.exists(os.path.join(db, "flintlock")):
                        time.sleep(0.002)
                        continue
                    # The index exists and is (probably) still being written: a second writer
                    # must be refused, not wait and not corrupt it.
                    proc = self.run_cli("delete", "--db", db, "no/such/id")
                    if "index is locked" in proc.stderr:
                        locked = proc
                        break
            finally:
                try:
                    out, err = writer.communicate(timeout=120)
                except subprocess.TimeoutExpired:
                    writer.kill()
                    writer.communicate()
                    raise
            self.assertEqual(writer.returncode, 0, decode(err))
            self.assertIn(f"indexed {files} document(s)", decode(out))
            if locked is not None:
                self.assertExit(locked, 1)
                self.assertTrue(locked.stderr.startswith("ngosearch: error: index is locked:"),
                                locked.stderr)
                self.assertIn(db, locked.stderr)
                self.assertEqual(locked.stdout, "")
                # The first writer was not disturbed.
                self.assertEqual(self.stats(db=db)["documents"], files)
                # Once it is done the lock is free again.
                proc = self.fails(1, "delete", "--db", db, "no/such/id")
                self.assertIn("no document with id 'no/such/id'", proc.stderr)
                return
            files *= 2   # it finished before a second writer got in: give it more to do
        self.skipTest("could not run a second writer while the first one was indexing "
                      "(indexing finished too fast three times)")

    def test_malformed_queries_fail_with_caret(self):
        self.index(self.fixture())
        cases = [
            ('"unbalanced quote', "unbalanced quotes", 0),
            ("(activists OR 통일부", "unbalanced brackets", 0),
            ("activists)", "unbalanced brackets", 9),
            ("AND activists", "AND", 0),
            ("activists AND", "AND", 10),
            ("date:20x", "invalid date '20x'", 5),
            ("lang:fr activists", "unknown language 'fr'", 5),
            ("title:", "title:", 0),
        ]
        for query, message, position in cases:
            with self.subTest(query=query):
                proc = self.fails(1, "search", "--db", self.db, query)
                self.assertEqual(proc.stdout, "")
                lines = proc.stderr.splitlines()
                self.assertTrue(lines[0].startswith("ngosearch: error: "), proc.stderr)
                self.assertIn(message, lines[0])
                self.assertEqual(len(lines), 3, proc.stderr)
                self.assertEqual(lines[1], "  " + query)
                # The caret is under the position (the queries before it are one column a byte,
                # except for Hangul, which none of these has before the position).
                self.assertEqual(lines[2], "  " + " " * position + "^")
                # The same error as JSON, with the byte position.
                proc = self.fails(1, "search", "--db", self.db, "--json", query)
                error = self.json_line(proc)
                self.assertEqual(error["query"], query)
                self.assertIn(message, error["error"])
                self.assertEqual(error["position"], position)

        # Wide characters before the position: the caret is placed by display width.
        proc = self.fails(1, "search", "--db", self.db, "통일부 lang:fr")
        self.assertEqual(proc.stderr.splitlines()[1:], ["  통일부 lang:fr", "  " + " " * 12 + "^"])

    def test_db_that_is_not_an_index_is_refused(self):
        folder = os.path.join(self.tmp, "my-documents")
        write_file(os.path.join(folder, "precious.txt"), "do not overwrite\n")
        write_file(os.path.join(self.tmp, "doc.md"), "Some text about detention.\n")
        proc = self.fails(1, "index", "--db", folder, "doc.md")
        self.assertTrue(proc.stderr.startswith("ngosearch: error:"), proc.stderr)
        self.assertIn("refusing", proc.stderr)
        self.assertEqual(os.listdir(folder), ["precious.txt"])
        proc = self.fails(1, "search", "--db", folder, "detention")
        self.assertIn("ngosearch: error: no index at", proc.stderr)
        # An empty folder is fine.
        empty = os.path.join(self.tmp, "empty")
        os.mkdir(empty)
        self.ok("index", "--db", empty, "doc.md")
        self.assertIds("detention", ["doc.md"], db=empty)

    def test_punctuation_only_or_empty_query_fails(self):
        self.index(self.fixture())
        for query in ("!!!", "?", "... ---", "   ", ""):
            with self.subTest(query=query):
                proc = self.fails(1, "search", "--db", self.db, query)
                self.assertTrue(proc.stderr.startswith("ngosearch: error:"), proc.stderr)
                self.assertEqual(proc.stdout, "")
        proc = self.fails(1, "search", "--db", self.db, "!!!")
        self.assertIn("no searchable words", proc.stderr)


# --- faults and misleading messages ----------------------------------------------------------

NOBODY = 65534


def unprivileged_prefix():
    """A command prefix that runs ngosearch as a user without special rights, or None.
    As root, permissions do not apply: run as nobody through setpriv (util-linux)."""
    if os.geteuid() != 0:
        return []
    for tool in ("/usr/bin/setpriv", "/bin/setpriv"):
        if os.path.exists(tool):
            return [tool, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return None


def generated_corpus(root, files, words_per_file=400, seed=7):
    """`files` text files of seeded random words (distinct enough to grow the index fast)."""
    rnd = __import__("random").Random(seed)
    os.makedirs(root, exist_ok=True)
    for i in range(files):
        words = " ".join(f"w{rnd.randrange(10**6)}" for _ in range(words_per_file))
        write_file(os.path.join(root, f"f{i:04d}.txt"), f"Document {i}\n{words}\n")
    return root


class MountCase(CliCase):
    """A small tmpfs the test mounts (root with mount rights only; skipped otherwise)."""

    def mount_tmpfs(self, name, size):
        if os.geteuid() != 0:
            self.skipTest("mounting a small file system needs root")
        point = os.path.join(self.tmp, name)
        os.mkdir(point)
        proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", point],
                              capture_output=True)
        if proc.returncode != 0:
            self.skipTest("cannot mount a tmpfs here: " + decode(proc.stderr).strip())
        self.addCleanup(subprocess.run, ["umount", "-l", point], capture_output=True)
        return point

    def remount(self, point, options):
        subprocess.run(["mount", "-o", f"remount,{options}", point], check=True)


class FaultTest(MountCase):
    """Disks that fill, folders one may not write, damaged indexes: a clear error that names
    the path and the remedy, and nothing committed lost."""

    def run_as_nobody(self, *args):
        prefix = unprivileged_prefix()
        if prefix is None:
            self.skipTest("running as root without setpriv: cannot drop rights")
        os.chmod(self.tmp, 0o755)
        proc = subprocess.run([*prefix, CLI, *args], capture_output=True, cwd=self.tmp,
                              env=self.env(), timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        proc.stdout, proc.stderr = decode(proc.stdout), decode(proc.stderr)
        return proc

    def test_full_disk_says_so_and_keeps_what_was_committed(self):
        point = self.mount_tmpfs("small", "1200k")
        docs = generated_corpus(os.path.join(self.tmp, "docs"), 300)
        db = os.path.join(point, "index")
        proc = self.fails(1, "index", "--db", db, "--json", "--batch-docs", "10", docs)
        report = self.json_line(proc)    # the report still goes out, with the error in it
        self.assertEqual(len(report["errors"]), 1, report)
        reason = report["errors"][0]["reason"]
        self.assertEqual(report["errors"][0]["path"], db)
        self.assertIn("no space left", reason)
        self.assertIn("free some space", reason)
        self.assertNotIn("locked", reason)
        self.assertIn("no space left", proc.stderr)
        committed = report["documents"]
        self.assertGreater(committed, 0, "the disk filled before the first commit")
        self.assertLess(committed, 300)
        # What was committed is there and searchable, and the index is sound.
        self.assertEqual(self.stats(db=db)["documents"], committed)
        self.ok("stats", "--db", db, "--check")
        result = self.search("document", "--limit", "1", db=db)
        self.assertEqual(result["total"], committed)
        # The human form says it too, and how many documents the index holds.
        proc = self.fails(1, "index", "--db", db, "--batch-docs", "10", docs)
        self.assertIn(f"stopped by an error; {committed} in {db}", proc.stdout)
        self.assertIn("ngosearch: error: no space left on the device", proc.stderr)
        # With room again, a re-run completes.
        self.remount(point, "size=64m")
        report = self.index(docs, db=db)
        self.assertEqual(report["documents"], 300)
        self.assertEqual(self.search("document", "--limit", "1", db=db)["total"], 300)

    def test_read_only_file_system_is_not_locked(self):
        point = self.mount_tmpfs("ro", "16m")
        db = os.path.join(point, "index")
        self.index(self.fixture(), db=db)
        self.remount(point, "ro")
        proc = self.fails(1, "index", "--db", db, "docs")
        self.assertIn("read-only file system", proc.stderr)
        self.assertIn(db, proc.stderr)
        self.assertNotIn("locked", proc.stderr)
        self.assertIds("prosecution", [A, B], db=db)   # still searchable

    def test_index_folder_without_write_permission_is_not_locked(self):
        self.index(self.fixture())
        for root, dirs, files in os.walk(self.tmp):
            for name in dirs + files:
                os.chmod(os.path.join(root, name), 0o755)
        os.chmod(self.db, 0o555)
        self.addCleanup(os.chmod, self.db, 0o755)
        proc = self.run_as_nobody("index", "--db", self.db, "docs")
        self.assertExit(proc, 1)
        self.assertIn("permission denied", proc.stderr)
        self.assertIn(self.db, proc.stderr)
        self.assertNotIn("locked", proc.stderr)
        proc = self.run_as_nobody("search", "--db", self.db, "--json", "prosecution")
        self.assertExit(proc, 0)
        self.assertEqual(self.json_line(proc)["total"], 2)

    def test_unreadable_folders_are_reported(self):
        docs = self.fixture()
        secret = os.path.join(self.tmp, docs, "secret")
        write_file(os.path.join(secret, "hidden.txt"), "Detention of journalists.\n")
        for root, dirs, files in os.walk(self.tmp):
            for name in dirs + files:
                os.chmod(os.path.join(root, name), 0o777)
        os.chmod(secret, 0o000)
        self.addCleanup(os.chmod, secret, 0o755)
        db = os.path.join(self.tmp, "nobodys")
        os.mkdir(db)
        os.chmod(db, 0o777)
        # A folder below the one given: the rest is indexed, the folder is named as skipped.
        proc = self.run_as_nobody("index", "--db", db, "--json", docs)
        self.assertExit(proc, 0)
        report = self.json_line(proc)
        self.assertEqual(report["indexed"], len(FIXTURE))
        skipped = {s["path"]: s["reason"] for s in report["skipped"]}
        self.assertIn("docs/secret", skipped)
        self.assertIn("Permission denied", skipped["docs/secret"])
        # The folder given itself: an error.
        proc = self.run_as_nobody("index", "--db", db, os.path.join(docs, "secret"))
        self.assertExit(proc, 1)
        self.assertIn("cannot list folder: Permission denied", proc.stderr)

    def test_missing_table_file_is_damage_not_silence(self):
        self.index(self.fixture())
        for table in ("position.glass", "termlist.glass", "docdata.glass", "postlist.glass"):
            with self.subTest(table=table):
                damaged = os.path.join(self.tmp, "damaged-" + table)
                __import__("shutil").copytree(self.db, damaged)
                os.remove(os.path.join(damaged, table))
                for args in (["stats"], ["search", '"the prosecutions"'], ["show", A],
                             ["index", "docs"]):
                    proc = self.fails(1, args[0], "--db", damaged, *args[1:])
                    self.assertIn(f"index at {damaged} is damaged", proc.stderr)
                    self.assertIn(table, proc.stderr)
                    self.assertIn("rebuild it", proc.stderr)
                    self.assertEqual(proc.stdout, "")

    def test_truncated_or_overwritten_table_is_damage(self):
        self.index(self.fixture())
        shutil = __import__("shutil")
        truncated = os.path.join(self.tmp, "truncated")
        shutil.copytree(self.db, truncated)
        with open(os.path.join(truncated, "postlist.glass"), "r+b") as f:
            f.truncate(8192)
        for args in (["stats"], ["search", "prosecution"]):
            proc = self.fails(1, args[0], "--db", truncated, *args[1:])
            self.assertIn(f"index at {truncated} is damaged", proc.stderr)
            self.assertIn("rebuild it", proc.stderr)
        # Bytes flipped all over a table: Xapian keeps no checksums, so say what --check says.
        flipped = os.path.join(self.tmp, "flipped")
        shutil.copytree(self.db, flipped)
        path = os.path.join(flipped, "docdata.glass")
        with open(path, "rb") as f:
            data = bytearray(f.read())
        for i in range(0, len(data), 7):
            data[i] ^= 0xFF
        with open(path, "wb") as f:
            f.write(data)
        proc = self.fails(1, "stats", "--db", flipped, "--check")
        self.assertIn(f"index at {flipped}", proc.stderr)
        self.assertIn("rebuild it", proc.stderr)
        # The original was not touched, and passes the same check.
        self.ok("stats", "--db", self.db, "--check")

    def test_killed_creation_and_racing_creations_leave_a_usable_index(self):
        docs = self.fixture()
        # What a run killed while creating an index left before: a folder with a lock file.
        leftover = os.path.join(self.tmp, "leftover")
        os.mkdir(leftover)
        open(os.path.join(leftover, "flintlock"), "wb").close()
        self.index(docs, db=leftover)
        self.assertEqual(self.stats(db=leftover)["documents"], len(FIXTURE))
        # A hidden half-made index of a process that is gone is cleared away.
        stale = os.path.join(self.tmp, ".fresh.ngosearch-new-999999999-0")
        write_file(os.path.join(stale, "iamglass"), b"x")
        self.index(docs, db=os.path.join(self.tmp, "fresh"))
        self.assertFalse(os.path.exists(stale))
        # Runs that start together on a new path: every one indexes or is told the index is
        # locked; never "not empty and holds no index".
        for round_ in range(3):
            db = os.path.join(self.tmp, f"race{round_}")
            runs = [subprocess.Popen([CLI, "index", "--db", db, "--json", docs], cwd=self.tmp,
                                     env=self.env(), stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                    for _ in range(4)]
            outcomes = [(r.wait(timeout=120), decode(r.stdout.read()), decode(r.stderr.read()))
                        for r in runs]
            for r in runs:
                r.stdout.close()
                r.stderr.close()
            for code, out, err in outcomes:
                if code != 0:
                    self.assertIn("index is locked", err, (code, out, err))
            self.assertIn(0, [code for code, _, _ in outcomes])
            self.assertEqual(self.stats(db=db)["documents"], len(FIXTURE))
            self.assertEqual([n for n in os.listdir(self.tmp) if "ngosearch-new" in n], [])


class MessageTest(CliCase):
    """Errors and warnings that say what is wrong, and errors where success was claimed."""

    def test_utf16_symlink_loop_and_size_limit_messages(self):
        docs = os.path.join(self.tmp, "docs")
        text = "Detention of journalists.\n"
        write_tree(docs, {"bom.txt": "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"),
                          "plain16.txt": text.encode("utf-16-be"),
                          "big.txt": "prosecution " * 200 + "\n"})
        os.symlink("loop.txt", os.path.join(docs, "loop.txt"))
        report = self.json_line(self.ok("index", "--db", self.db, "--json",
                                        "--max-file-size", "1K", "docs"))
        skipped = {s["path"]: s["reason"] for s in report["skipped"]}
        # UTF-16, with a byte order mark or without, is read (not taken for binary).
        self.assertEqual(report["indexed"], 2, report)
        self.assertIds("journalists", ["bom.txt", "plain16.txt"])
        self.assertIn("symbolic links", skipped["docs/loop.txt"])
        self.assertIn("--max-file-size", skipped["docs/big.txt"])
        self.assertIn("IndexOptions::max_file_bytes", skipped["docs/big.txt"])
        proc = self.fails(1, "index", "--db", self.db, "docs/loop.txt")
        self.assertIn("Too many levels of symbolic links", proc.stderr)
        self.assertNotIn("no such file", proc.stderr)
        # The option raises the limit.
        report = self.json_line(self.ok("index", "--db", self.db, "--json",
                                        "--max-file-size", "2M", docs))
        self.assertEqual(report["indexed"], 1)
        for bad in ("0", "-5", "12Q", "M", "99999999999999999999G"):
            proc = self.fails(2, "index", "--db", self.db, "--max-file-size", bad, docs)
            self.assertIn("--max-file-size", proc.stderr)

    def test_batch_size_sets_the_commit_bytes(self):
        docs = os.path.join(self.tmp, "docs")
        for i in range(6):
            write_file(os.path.join(docs, f"d{i}.txt"), f"Report {i} on detention.\n" * 100)
        report = self.json_line(self.ok("index", "--db", self.db, "--json", "--batch-size", "3K",
                                        docs))
        self.assertEqual(report["indexed"], 6)
        self.assertEqual(self.json_line(self.ok("stats", "--db", self.db, "--json"))["documents"], 6)
        for bad in ("0", "3Q", "K"):
            proc = self.fails(2, "index", "--db", self.db, "--batch-size", bad, docs)
            self.assertIn("--batch-size takes a size", proc.stderr)
        self.assertIn("--batch-size", self.ok("index", "--help").stdout)

    def test_search_on_a_regular_file_is_not_an_index(self):
        write_file(os.path.join(self.tmp, "notes.txt"), "just some notes\n")
        proc = self.fails(1, "search", "--db", "notes.txt", "detention")
        self.assertIn("no index at notes.txt: it is a file, not an index folder", proc.stderr)
        self.assertTrue(proc.stderr.startswith("ngosearch: error: no index"), proc.stderr)

    def test_batch_that_is_no_file_of_queries_fails(self):
        self.index(self.fixture())
        proc = self.fails(1, "search", "--db", self.db, "--batch", "docs")
        self.assertIn("is a folder", proc.stderr)
        if os.path.exists("/dev/zero"):
            proc = self.fails(1, "search", "--db", self.db, "--batch", "/dev/zero")
            self.assertIn("NUL byte", proc.stderr)
        write_file(os.path.join(self.tmp, "nul.txt"), b"prosecution\nde\x00tention\n")
        proc = self.fails(1, "search", "--db", self.db, "--batch", "nul.txt")
        self.assertIn("line 2 holds a NUL byte", proc.stderr)
        # A line too long to be a query is refused on its own; the others run.
        write_file(os.path.join(self.tmp, "long.txt"),
                   "prosecution\n" + "x" * (2 << 20) + "\n통일부\n")
        proc = self.fails(1, "search", "--db", self.db, "--json", "--batch", "long.txt")
        lines = [json.loads(line) for line in proc.stdout.splitlines()]
        self.assertEqual([line.get("query") for line in lines], ["prosecution", None, "통일부"])
        self.assertIn("longer than", lines[1]["error"])
        self.assertIn("line 2 is longer than 1048576 bytes", proc.stderr)

    def test_empty_db_is_a_usage_error_not_the_default_index(self):
        for args in (["index", "docs"], ["search", "x"], ["stats"], ["show", "a"],
                     ["delete", "a"]):
            proc = self.fails(2, args[0], "--db", "", *args[1:])
            self.assertIn("--db needs a folder", proc.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.home, ".local")))

    def test_front_matter_values_that_are_dropped_are_reported(self):
        docs = os.path.join(self.tmp, "docs")
        write_tree(docs, {"x.md": front_matter("Bad values", "9999-99-99", "letter", "xx")
                          + "Detention of journalists.\n"})
        report = self.index("docs")
        warnings = [w["reason"] for w in report["warnings"] if w["path"] == "docs/x.md"]
        self.assertEqual(len(warnings), 2, report)
        self.assertIn("date '9999-99-99' is not a valid date", warnings[0])
        self.assertIn("lang 'xx' is not a language", warnings[1])
        proc = self.ok("index", "--db", os.path.join(self.tmp, "other"), "docs")
        self.assertIn("ngosearch: warning: docs/x.md: front matter date", proc.stderr)
        doc = json.loads(self.ok("show", "--db", self.db, "--json", "x.md").stdout)
        self.assertEqual(doc["metadata"]["date"], "9999-99-99")   # kept, not lost

    def test_control_characters_are_not_echoed_to_stderr(self):
        self.index(self.fixture())
        nasty = "\x1b[2J\x1b]0;owned\x07"
        runs = [self.fails(1, "search", "--db", self.db, "(" + nasty),
                self.fails(1, "search", "--db", self.db, "lang:" + nasty),
                self.fails(1, "show", "--db", self.db, nasty),
                self.fails(1, "delete", "--db", self.db, nasty),
                self.fails(1, "index", "--db", self.db, "missing" + nasty),
                self.fails(2, "index", "--db", self.db, "--bad" + nasty),
                self.fails(2, nasty)]
        for proc in runs:
            self.assertTrue(proc.stderr.startswith("ngosearch: error:"), proc.stderr)
            self.assertNotIn("\x1b", proc.stderr)
            self.assertNotIn("\x07", proc.stderr)
            self.assertIn("?[2J", proc.stderr)
        # The caret still lines up under the position.
        lines = runs[1].stderr.splitlines()
        self.assertEqual(lines[2].index("^") - 2, len("lang:"), runs[1].stderr)


class CrashConsistencyTest(CliCase):
    """`ngosearch index` killed (SIGKILL) at seeded random moments: after each kill the index
    opens and passes xapian-check, nothing an earlier run committed is gone, what is there is a
    prefix of the files in order and searchable, and a run to the end reaches the state of an
    uninterrupted run. Only what the command shows is used (no knowledge of its internals).
    NGOSEARCH_KILL_SEED and NGOSEARCH_KILL_RUNS change the seed (default 12) and the number of
    kills (default 50)."""

    FILES = 60
    VOCABULARY = ["activists", "prosecution", "detention", "journalists", "freedom",
                  "expression", "government", "인권", "국가보안법을", "통일부는", "북한에서",
                  "표현의", "자유"]

    def corpus(self, seed):
        rnd = __import__("random").Random(seed)
        docs = os.path.join(self.tmp, "docs")
        for i in range(self.FILES):
            words = " ".join(rnd.choice(self.VOCABULARY) + str(rnd.randrange(50))
                             for _ in range(300))
            write_file(os.path.join(docs, f"d{i:03d}.txt"), f"Document {i}\nmark{i:03d}x {words}\n")
        return docs

    def present(self, db):
        """Ids of the documents found by their marker word (one search process for all)."""
        queries = "".join(f"mark{i:03d}x\n" for i in range(self.FILES))
        proc = self.ok("search", "--db", db, "--json", "--batch", "-", input=queries)
        found = set()
        for i, line in enumerate(proc.stdout.splitlines()):
            hits = [h["id"] for h in json.loads(line)["hits"]]
            self.assertIn(hits, ([], [f"d{i:03d}.txt"]), line)
            found.update(hits)
        return found

    def state(self, db):
        stats = self.stats(db=db)
        return stats["documents"], stats["terms"], stats["average_length"]

    def test_sigkill_at_random_points_loses_nothing_committed(self):
        seed = int(os.environ.get("NGOSEARCH_KILL_SEED", "12"))
        kills_wanted = int(os.environ.get("NGOSEARCH_KILL_RUNS", "50"))
        rnd = __import__("random").Random(seed)
        docs = self.corpus(seed)
        names = [f"d{i:03d}.txt" for i in range(self.FILES)]
        xapian_check = next((p for p in ("/usr/bin/xapian-check", "/usr/local/bin/xapian-check")
                             if os.path.exists(p)), None)
        command = ["index", "--json", "--quiet", "--batch-docs", "3", docs]

        reference = os.path.join(self.tmp, "reference")
        started = time.monotonic()
        self.ok("index", "--db", reference, *command[1:])
        full_run = time.monotonic() - started
        expected = self.state(reference)
        self.assertEqual(expected[0], self.FILES)

        kills = completions = finished_first = 0
        db, before = None, set()
        while kills < kills_wanted:
            if db is None:   # a new index: kills during its creation are tried too
                db = os.path.join(self.tmp, f"db{completions}")
                before = set()
            proc = subprocess.Popen([CLI, command[0], "--db", db, *command[1:]], cwd=self.tmp,
                                    env=self.env(), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            # Within the time the files still to do take (a re-run skips the indexed ones).
            time.sleep(rnd.uniform(0, full_run * (1.05 - len(before) / self.FILES)))
            if proc.poll() is None:
                proc.kill()
                kills += 1
            else:
                finished_first += 1
            proc.wait()
            err = decode(proc.stderr.read())
            proc.stderr.close()
            self.assertIn(proc.returncode, (0, -9), err)
            context = f"seed {seed}, kill {kills}, db {db}"
            if not os.path.exists(os.path.join(db, "iamglass")):
                # Killed before the index existed: nothing at the path but what was there.
                self.assertFalse(before, context)
                self.assertFalse(os.path.exists(db) and os.listdir(db), context)
                continue
            if xapian_check:
                check = subprocess.run([xapian_check, db], capture_output=True, timeout=60)
                self.assertEqual(check.returncode, 0, context + decode(check.stdout))
            now = self.present(db)
            self.assertEqual(self.stats(db=db)["documents"], len(now), context)
            self.assertTrue(before <= now, f"{context}: lost {sorted(before - now)}")
            # One writer commits in file order: what is there is a prefix of the files.
            self.assertEqual(sorted(now), names[:len(now)], context)
            before = now
            if rnd.random() < 0.1:   # finish this index and compare it with the reference
                self.ok("index", "--db", db, *command[1:])
                self.assertEqual(self.state(db), expected, context)
                self.assertEqual(self.present(db), set(names), context)
                completions += 1
                db = None
        print(f"\nkill test: seed {seed}, {kills} kills, {finished_first} runs finished before "
              f"their kill time, {completions} completed indexes compared with the reference, "
              f"xapian-check {'used' if xapian_check else 'not installed'}", file=sys.stderr)


# --- the bundled corpus -----------------------------------------------------------------------

class HostileInputTest(CliCase):
    """Input crafted to hurt: terminal escape codes in documents, brackets inside phrases."""

    def test_escape_codes_in_documents_are_not_replayed_on_the_terminal(self):
        docs = os.path.join(self.tmp, "docs")
        write_tree(docs, {"evil.txt": "Title \x1b[2J\x1b[31mred\nThe prosecution \x1b]0;owned\x07 "
                                      "of activists.\n"})
        self.ok("index", "--db", self.db, docs)
        proc = self.ok("search", "--db", self.db, "prosecution")
        self.assertNotIn("\x1b", proc.stdout)
        self.assertNotIn("\x07", proc.stdout)
        self.assertIn("[prosecution]", proc.stdout)
        proc = self.ok("show", "--db", self.db, "evil.txt")
        self.assertNotIn("\x1b", proc.stdout)
        # JSON keeps the text as it is (escaped by JSON itself).
        hit = self.json_line(self.ok("search", "--db", self.db, "--json", "prosecution"))["hits"][0]
        self.assertIn("\x1b", hit["title"])

    def test_brackets_inside_a_phrase_search_normally(self):
        docs = os.path.join(self.tmp, "docs")
        write_tree(docs, {"moon.txt": "A letter to Moon Jae-in (문재인) on detention.\n"})
        self.ok("index", "--db", self.db, docs)
        for query in ['"Moon Jae-in (문재인)"', '"a)"', '"(("']:
            proc = self.run_cli("search", "--db", self.db, "--json", query)
            self.assertIn(proc.returncode, (0, 1), self.describe(proc))
        result = self.json_line(self.ok("search", "--db", self.db, "--json", '"Moon Jae-in (문재인)"'))
        self.assertEqual([h["id"] for h in result["hits"]], ["moon.txt"])


class LimitTest(CliCase):
    """Each query limit is refused with a message naming its option and flag; the flag raises
    it. (tests/limits/run_limits.py measures the large cases.)"""

    def setUp(self):
        super().setUp()
        docs = os.path.join(self.tmp, "docs")
        write_tree(docs, {"a.txt": "human rights tokalpha\n", "b.txt": "rights tokbeta\n",
                          "c.txt": "rights tokbeta again\n"})
        self.ok("index", "--db", self.db, "--quiet", docs)

    def total(self, *args):
        return self.json_line(self.ok("search", "--db", self.db, "--json", *args))["total"]

    def test_query_words_depth_and_wildcard_terms_are_flags(self):
        words = " ".join(["rights"] * 40)
        proc = self.run_cli("search", "--db", self.db, "--max-query-words", "30", words)
        self.assertExit(proc, 1)
        self.assertIn("SearchOptions::max_query_words, or ngosearch search --max-query-words",
                      proc.stderr)
        self.assertEqual(self.total("--max-query-words", "40", words), 3)
        deep = "(" * 300 + "rights" + ")" * 300
        proc = self.run_cli("search", "--db", self.db, deep)
        self.assertExit(proc, 1)
        self.assertIn("nested more than 256 deep", proc.stderr)
        self.assertIn("--max-query-depth", proc.stderr)
        self.assertEqual(self.total("--max-query-depth", "300", deep), 3)
        # tokbeta is in two documents, tokalpha in one: one term means the most frequent.
        self.assertEqual(self.total("tok*"), 3)
        self.assertEqual(self.total("--max-wildcard-terms", "1", "tok*"), 2)
        self.assertEqual(self.total("--max-wildcard-terms", "0", "tok*"), 3)

    def test_batch_line_limit_is_a_flag(self):
        write_file(os.path.join(self.tmp, "q.txt"), "rights\n" + "human " * 200 + "\n")
        proc = self.run_cli("search", "--db", self.db, "--json", "--max-query-bytes", "1000",
                            "--batch", "q.txt")
        self.assertExit(proc, 1)
        self.assertIn("line 2 is longer than 1000 bytes", proc.stderr)
        self.assertIn("--max-query-bytes", proc.stderr)
        proc = self.ok("search", "--db", self.db, "--json", "--batch", "q.txt")
        self.assertEqual(len(proc.stdout.splitlines()), 2)
        proc = self.run_cli("search", "--db", self.db, "--max-query-bytes", "0", "--batch", "q.txt")
        self.assertExit(proc, 2)


# The web pages and PDF of corpus/formats/ (no front matter, no MANIFEST row): what the loaders
# must read from the files themselves.
CORPUS_FORMATS = [
    {"file": "formats/en-2020-nsl-article7-open-letter.pdf", "lang": "en", "type": "open-letter",
     "date": "2020-12-15",
     "title": "Open Letter on Article 7 of the National Security Law"},
    {"file": "formats/en-2021-leaflet-ban-statement.html", "lang": "en", "type": "statement",
     "date": "2021-03-30",
     "title": "Statement on the Amendment to the Development of Inter-Korean Relations Act"},
    {"file": "formats/ko-2023-forced-repatriation-press-release.html", "lang": "ko",
     "type": "press-release", "date": "2023-10-12",
     "title": "중국 내 탈북민 강제북송 중단 촉구 보도자료"},
]


class CorpusTest(unittest.TestCase):
    """The sample corpus, indexed once for the class."""

    @classmethod
    def setUpClass(cls):
        if not CORPUS or not os.path.isfile(os.path.join(CORPUS, "MANIFEST.tsv")):
            raise RuntimeError(f"NGOSEARCH_CORPUS={CORPUS!r} has no MANIFEST.tsv")
        cls._tmp = tempfile.TemporaryDirectory(prefix="ngosearch-cli-corpus-")
        cls.db = os.path.join(cls._tmp.name, "index")
        with open(os.path.join(CORPUS, "MANIFEST.tsv"), encoding="utf-8", newline="") as f:
            cls.manifest = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        cls.env = dict(os.environ, HOME=cls._tmp.name)
        cls.env.pop("NGOSEARCH_DB", None)
        cls.env.pop("XDG_DATA_HOME", None)
        cls.index_run = cls.run_cli("index", "--db", cls.db, "--json", CORPUS)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    @classmethod
    def run_cli(cls, *args):
        proc = subprocess.run([CLI, *args], capture_output=True, env=cls.env, timeout=TIMEOUT,
                              stdin=subprocess.DEVNULL, cwd=cls._tmp.name)
        proc.stdout = decode(proc.stdout)
        proc.stderr = decode(proc.stderr)
        return proc

    def ok(self, *args):
        proc = self.run_cli(*args)
        self.assertEqual(proc.returncode, 0, f"{proc.args}\n{proc.stdout}\n{proc.stderr}")
        return proc

    def search(self, query, *options):
        return json.loads(self.ok("search", "--db", self.db, "--json", "--limit", "100", *options,
                                  query).stdout)

    def test_corpus_indexes_every_manifest_document(self):
        proc = self.index_run
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stderr, "")
        report = json.loads(proc.stdout)
        self.assertTrue(self.manifest)
        total = len(self.manifest) + len(CORPUS_FORMATS)
        self.assertEqual(report["documents"], total)
        self.assertEqual(report["indexed"], total)
        self.assertEqual((report["skipped"], report["warnings"], report["errors"]), ([], [], []))
        stats = json.loads(self.ok("stats", "--db", self.db, "--json").stdout)
        self.assertEqual(stats["documents"], total)

    def test_corpus_web_pages_and_pdf_say_what_they_are(self):
        for row in CORPUS_FORMATS:
            with self.subTest(file=row["file"]):
                doc = json.loads(self.ok("show", "--db", self.db, "--json", row["file"]).stdout)
                self.assertEqual({k: doc[k] for k in ("lang", "type", "date", "title")},
                                 {k: row[k] for k in ("lang", "type", "date", "title")})
                for furniture in ("dataLayer", "Donate Now", "Privacy", "편집용 메모", "후원하기"):
                    self.assertNotIn(furniture, doc["body"])

    def test_corpus_manifest_rows_match_show(self):
        self.assertEqual(list(self.manifest[0]), ["id", "lang", "type", "date", "title", "file"])
        for row in self.manifest:
            with self.subTest(file=row["file"]):
                proc = self.run_cli("show", "--db", self.db, "--json", row["file"])
                self.assertEqual(proc.returncode, 0, proc.stderr)
                doc = json.loads(proc.stdout)
                self.assertEqual(doc["id"], row["file"])
                self.assertEqual(os.path.basename(doc["path"]), os.path.basename(row["file"]))
                self.assertEqual(os.path.splitext(os.path.basename(row["file"]))[0], row["id"])
                self.assertEqual((doc["lang"], doc["type"], doc["date"], doc["title"]),
                                 (row["lang"], row["type"], row["date"], row["title"]))
                self.assertTrue(doc["body"].strip())
                self.assertFalse(doc["body"].startswith("---"))

    def test_corpus_filters_agree_with_manifest(self):
        rows = self.manifest + CORPUS_FORMATS
        count = lambda pred: sum(1 for r in rows if pred(r))
        expected = {
            "lang:mixed": count(lambda r: r["lang"] == "mixed"),
            "lang:en": count(lambda r: r["lang"] in ("en", "mixed")),
            "lang:ko": count(lambda r: r["lang"] in ("ko", "mixed")),
            "type:letter": count(lambda r: r["type"] == "letter"),
            "type:press-release": count(lambda r: r["type"] == "press-release"),
            "date:2020": count(lambda r: r["date"].startswith("2020")),
            "date:2020..2021": count(lambda r: "2020" <= r["date"][:4] <= "2021"),
            "date:2021-03..": count(lambda r: r["date"] >= "2021-03"),
            "date:..2019": count(lambda r: r["date"][:4] <= "2019"),
        }
        for query, total in expected.items():
            with self.subTest(query=query):
                result = self.search(query)
                self.assertEqual(result["total"], total)
                self.assertEqual(len(result["hits"]), min(total, 100))

    def test_corpus_korean_query(self):
        result = self.search("국가보안법")
        self.assertGreaterEqual(result["total"], 3, result)
        # The word names the National Security Act: English documents that cite it are found
        # too, through the entity, and say so.
        self.assertEqual([x["id"] for x in result["expansions"]], ["national-security-act"])
        for hit in result["hits"]:
            cites = any(e["id"] == "national-security-act" for e in hit["entities"])
            self.assertTrue(hit["lang"] in ("ko", "mixed") or "국가보안법" in hit["snippet"]
                            or cites, hit)
        with_word = [h for h in result["hits"] if "국가보안법" in h["snippet"]]
        self.assertGreaterEqual(len(with_word), 3, result)
        for hit in with_word:
            snippet = hit["snippet"].encode("utf-8")
            marked = [snippet[b:e].decode("utf-8") for b, e in hit["highlights"]]
            self.assertTrue(any(m.startswith("국가보안법") for m in marked), (marked, hit))
        scores = [h["score"] for h in result["hits"]]
        self.assertEqual(scores, sorted(scores, reverse=True))

    def test_corpus_english_phrase_query(self):
        result = self.search('"National Security Law"')
        self.assertGreaterEqual(result["total"], 3, result)
        for hit in result["hits"]:
            self.assertIn(hit["lang"], ("en", "mixed"), hit)
            snippet = hit["snippet"].encode("utf-8")
            marked = " ".join(snippet[b:e].decode("utf-8") for b, e in hit["highlights"])
            self.assertIn("national security law", marked.lower(), hit)
        self.assertEqual(self.search('"National Security Law" lang:ko')["total"],
                         sum(1 for h in result["hits"] if h["lang"] == "mixed"))
        # Korean and English for the same law: together with OR more documents than either.
        either = self.search('"National Security Law" OR 국가보안법')["total"]
        self.assertGreaterEqual(either, result["total"] + 3)


if __name__ == "__main__":
    unittest.main()
