#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs ngosearch at its limits and checks that each either completes within a stated bound of
peak memory (RSS) and time, or is refused with a message that names the limit and the option
and flag that raise it.

    tests/limits/run_limits.py [--cli build-rel/cli/ngosearch] [--quick] [--only NAME,...]

Every input is generated in a temporary folder and removed afterwards (the largest is a 500 MB
text file). One line per limit: its name, the outcome, wall time, the peak RSS of the ngosearch
process (from wait4's rusage), and the bounds checked. Exit status 1 when a bound is broken, a
refusal's message is unclear, or a run does not do what the limit says; 0 otherwise.

--quick runs only the cheap cases (a few seconds in all): the ctest entry limits.quick.
Standard library only; run it with /usr/bin/python3.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

MB = 1 << 20

# Words of the generated text: a few real ones (so phrases can be searched) and made-up ones.
COMMON = ("the committee report of human rights special rapporteur detention law freedom "
          "expression assembly ministry unification national security act article court "
          "prosecution activists defenders government review recommendation").split()


def made_up_word(n):
    """The n-th of a sequence of distinct lowercase words (letters only: never a number)."""
    consonants, vowels = "bcdfghjklmnprstvz", "aeiou"
    out = []
    while True:
        n, c = divmod(n, len(consonants))
        n, v = divmod(n, len(vowels))
        out.append(consonants[c] + vowels[v])
        if n == 0:
            return "".join(out)
        n -= 1


def text_block(size, rng, newlines):
    """About `size` bytes of words, with a line break every ~80 bytes when `newlines`."""
    vocabulary = COMMON + [made_up_word(i) for i in range(5000)]
    words, length, line = [], 0, 0
    while length < size:
        w = rng.choice(vocabulary)
        words.append(w)
        length += len(w) + 1
        line += len(w) + 1
        if newlines and line > 80:
            words.append("\n")
            line = 0
    return " ".join(words).replace(" \n ", "\n").encode()


def write_repeated(path, block, total, separator=b""):
    with open(path, "wb") as f:
        written = 0
        while written < total:
            f.write(block)
            f.write(separator)
            written += len(block) + len(separator)


class Run:
    def __init__(self, returncode, stdout, stderr, seconds, rss_mb):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr
        self.seconds, self.rss_mb = seconds, rss_mb


def run(cli, args, cwd=None):
    """Runs the CLI once; its peak RSS comes from the kernel's accounting of that one child."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        p = subprocess.Popen([cli] + args, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             cwd=cwd)
        _, status, usage = os.wait4(p.pid, 0)
        seconds = time.monotonic() - started
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(p.returncode, out.read().decode(errors="replace"),
                   err.read().decode(errors="replace"), seconds,
                   usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


class Limit:
    """One limit: `prepare(work)` makes its input and returns the CLI runs to make; `check`
    looks at the last run and returns (outcome, problem or None)."""

    def __init__(self, name, what, quick, max_rss_mb, max_seconds, prepare, check, shares=None):
        self.name, self.what, self.quick, self.shares = name, what, quick, shares
        self.max_rss_mb, self.max_seconds = max_rss_mb, max_seconds
        self.prepare, self.check = prepare, check


def refusal(pattern_option, pattern_flag, exit_nonzero=True):
    """A check that the run was refused with a message naming the option and the flag."""
    def check(r):
        text = r.stderr + r.stdout
        first = next((ln for ln in r.stderr.splitlines() if ln.strip()), "")
        if exit_nonzero and r.returncode == 0:
            return "completed", "expected a refusal, got exit 0"
        if r.returncode not in (0, 1):
            return "crashed", "exit status %d: %s" % (r.returncode, first)
        missing = [p for p in (pattern_option, pattern_flag) if not re.search(p, text)]
        if missing:
            return "refused", "message does not name %s: %s" % (" and ".join(missing), first)
        return "refused: " + first.strip()[:150], None
    return check


def completed(expect=None):
    """A check that the run exited 0 and its output matches `expect` (a regex) if given."""
    def check(r):
        if r.returncode != 0:
            first = next((ln for ln in r.stderr.splitlines() if ln.strip()), "")
            return "failed", "exit status %d: %s" % (r.returncode, first)
        if expect and not re.search(expect, r.stdout):
            return "completed", "output does not match %r: %s" % (expect, r.stdout[:200])
        return "completed", None
    return check


def index_args(db, *paths):
    return ["index", "--db", db, "--quiet", "--json", *paths]


# --- the inputs --------------------------------------------------------------------------------

def big_file(work):
    folder = os.path.join(work, "big")
    os.makedirs(folder)
    rng = random.Random(500)
    write_repeated(os.path.join(folder, "report.txt"), text_block(MB, rng, True), 500 * MB)
    with open(os.path.join(folder, "small.txt"), "w") as f:
        f.write("a small file beside the big one\n")
    return [index_args(os.path.join(work, "idx"), folder)]


def check_big_file(r):
    # The folder's other file is indexed; the big one is skipped with the reason.
    outcome, problem = refusal(r"IndexOptions::max_file_bytes", r"--max-file-size",
                               exit_nonzero=False)(r)
    if problem is None and not re.search(r'"indexed":\s*1\b', r.stdout):
        return outcome, "the small file beside it was not indexed: " + r.stdout[:200]
    return outcome, problem


def one_line(work):
    folder = os.path.join(work, "line")
    os.makedirs(folder)
    rng = random.Random(60)
    block = text_block(MB, rng, False)
    path = os.path.join(folder, "line.txt")
    with open(path, "wb") as f:
        for i in range(60):
            f.write(block)
            f.write(b" special rapporteur on freedom of expression " if i == 30 else b" ")
    db = os.path.join(work, "idx")
    return [index_args(db, folder)]


def one_line_phrase(work):
    # Shares line-60MB's folder when that ran just before: its index is this one's input.
    db = os.path.join(work, "idx")
    runs = [] if os.path.isdir(db) else one_line(work)
    return runs + [["search", "--db", db, "--json", '"special rapporteur on freedom"']]


def million_terms(work):
    folder = os.path.join(work, "terms")
    os.makedirs(folder)
    with open(os.path.join(folder, "terms.txt"), "w") as f:
        for start in range(0, 1_000_000, 10):
            f.write(" ".join(made_up_word(i) for i in range(start, start + 10)))
            f.write("\n")
    return [index_args(os.path.join(work, "idx"), folder)]


def wildcard(work):
    folder = os.path.join(work, "tok")
    os.makedirs(folder)
    # 100,000 distinct words starting "tok", over 100 files of 1,000 each.
    for f_no in range(100):
        with open(os.path.join(folder, "f%03d.txt" % f_no), "w") as f:
            words = ["tok" + made_up_word(f_no * 1000 + i) for i in range(1000)]
            f.write(" ".join(words) + "\n")
    db = os.path.join(work, "idx")
    return [index_args(db, folder), ["search", "--db", db, "--json", "--limit", "5", "tok*"]]


def one_document(work, text):
    """An index path and a folder holding one file of `text`, under `work`."""
    db = os.path.join(work, "idx")
    folder = os.path.join(work, "docs")
    os.makedirs(folder)
    with open(os.path.join(folder, "a.txt"), "w") as f:
        f.write(text)
    return db, folder


def long_query(work, extra):
    db, folder = one_document(work, "human rights defenders and the national security act\n")
    rng = random.Random(100)
    words, size = [], 0
    while size < 100_000:
        w = rng.choice(COMMON)
        words.append(w)
        size += len(w) + 1
    return [index_args(db, folder), ["search", "--db", db, "--json", "--any", *extra,
                                     " ".join(words)[:100_000]]]


def nested_brackets(work):
    db, folder = one_document(work, "human rights\n")
    return [index_args(db, folder),
            ["search", "--db", db, "(" * 10_000 + "rights" + ")" * 10_000]]


def long_path(work):
    # Folders of 200-byte names down to a file whose path is 4,000 bytes long.
    root = os.path.join(work, "deep")
    path = root
    while len(path) + 1 + 200 < 4000 - 20:
        path = os.path.join(path, "d" * 200)
    os.makedirs(path)
    name = "f" * (4000 - len(path) - 1 - len(".txt")) + ".txt"
    full = os.path.join(path, name)
    assert len(full.encode()) == 4000, len(full)
    with open(full, "w") as f:
        f.write("a document at the bottom of a deep folder about zyxwvu\n")
    db = os.path.join(work, "idx")
    return [index_args(db, root), ["search", "--db", db, "--json", "zyxwvu"]]


def many_files(work):
    folder = os.path.join(work, "many")
    os.makedirs(folder)
    rng = random.Random(100_000)
    for i in range(100_000):
        with open(os.path.join(folder, "doc%06d.txt" % i), "w") as f:
            f.write("document %s %s %s about %s\n" % (made_up_word(i), rng.choice(COMMON),
                                                     rng.choice(COMMON), rng.choice(COMMON)))
    return [index_args(os.path.join(work, "idx"), "--no-sync", "--threads", "2", folder)]


def batch_line(work):
    db, folder = one_document(work, "human rights\n")
    queries = os.path.join(work, "queries.txt")
    with open(queries, "w") as f:
        f.write("rights\n" + "rights " * (10 * MB // 7) + "\nhuman\n")
    return [index_args(db, folder), ["search", "--db", db, "--json", "--batch", queries]]


def check_batch_line(r):
    # The long line is refused and named; the lines around it are answered.
    if r.returncode != 1:
        return "failed", "expected exit 1 (one line refused), got %d" % r.returncode
    answers = [ln for ln in r.stdout.splitlines() if '"hits"' in ln]
    if len(answers) != 2:
        return "failed", "expected the 2 other lines answered, got %d" % len(answers)
    return refusal(r"line 2 is longer than", r"--max-query-bytes")(r)


LIMITS = [
    Limit("file-500MB", "a 500 MB text file (default limit 256 MB)", False, 100, 60,
          big_file, check_big_file),
    Limit("line-60MB", "a 60 MB line with no newline, indexed", False, 1024, 240,
          one_line, completed(r'"indexed":\s*1')),
    Limit("phrase-60MB", "a phrase search on the 60 MB document", False, 400, 10,
          one_line_phrase, completed(r'"id":\s*"line\.txt"'), shares="line-60MB"),
    Limit("terms-1M", "a document of 1,000,000 distinct terms", False, 1024, 240,
          million_terms, completed(r'"indexed":\s*1')),
    Limit("wildcard-100k", "tok* over 100,000 terms (1,000 most frequent used)", True, 200, 10,
          wildcard, completed(r'"id":\s*"f\d+\.txt"')),
    Limit("query-100KB", "a query of 100 KB (14,000 words; limit 1,024)", True, 100, 10,
          lambda w: long_query(w, []),
          refusal(r"max_query_words", r"--max-query-words")),
    Limit("query-100KB-raised", "the same with --max-query-words 20000", True, 300, 30,
          lambda w: long_query(w, ["--max-query-words", "20000"]), completed(r'"id":\s*"a\.txt"')),
    Limit("brackets-10k", "10,000 nested brackets (limit 256)", True, 100, 10,
          nested_brackets, refusal(r"nested more than 256", r"--max-query-depth")),
    Limit("path-4000B", "a file whose path is 4,000 bytes", True, 100, 10,
          long_path, completed(r'"id":\s*"d{200}/')),
    Limit("batch-line-10MB", "a --batch line of 10 MB (limit 1 MB)", True, 100, 10,
          batch_line, check_batch_line),
    Limit("files-100k", "100,000 files in one folder", False, 400, 600,
          many_files, completed(r'"indexed":\s*100000')),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default=os.path.join(here, "..", "..", "build-rel", "cli",
                                                      "ngosearch"),
                        help="the ngosearch tool to run (default: build-rel/cli/ngosearch)")
    parser.add_argument("--quick", action="store_true", help="only the cheap cases")
    parser.add_argument("--only", help="comma-separated names of the limits to run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args()
    cli = os.path.abspath(args.cli)
    if not os.access(cli, os.X_OK):
        sys.exit("run_limits.py: no ngosearch tool at %s (build it, or give --cli PATH)" % cli)
    chosen = LIMITS
    if args.only:
        names = args.only.split(",")
        unknown = set(names) - {lim.name for lim in LIMITS}
        if unknown:
            sys.exit("run_limits.py: unknown limit(s) %s; known: %s"
                     % (", ".join(sorted(unknown)), ", ".join(lim.name for lim in LIMITS)))
        chosen = [lim for lim in LIMITS if lim.name in names]
    elif args.quick:
        chosen = [lim for lim in LIMITS if lim.quick]

    broken = 0
    kept = None
    print("%-19s %-44s %9s %9s  %s" % ("limit", "what", "seconds", "peak MB", "outcome"))
    names = [lim.name for lim in chosen]
    for n, lim in enumerate(chosen):
        work = kept if lim.shares and n > 0 and names[n - 1] == lim.shares else None
        work = work or tempfile.mkdtemp(prefix="ngosearch-limits-")
        kept = None
        try:
            runs = lim.prepare(work)
            results = [run(cli, a) for a in runs]
        finally:
            if n + 1 < len(chosen) and chosen[n + 1].shares == lim.name:
                kept = work
            elif args.keep:
                print("  (inputs kept in %s)" % work)
            else:
                shutil.rmtree(work, ignore_errors=True)
        # Earlier runs (building an index to search) must succeed; the last one is the limit.
        problem = None
        for a, r in zip(runs[:-1], results[:-1]):
            if r.returncode != 0:
                problem = "setup run %s failed (%d): %s" % (a[0], r.returncode, r.stderr[:200])
        last = results[-1]
        outcome, checked = lim.check(last)
        problem = problem or checked
        if last.rss_mb > lim.max_rss_mb:
            problem = problem or "peak RSS %.0f MB over the bound %d MB" % (last.rss_mb,
                                                                           lim.max_rss_mb)
        if last.seconds > lim.max_seconds:
            problem = problem or "%.1f s over the bound %d s" % (last.seconds, lim.max_seconds)
        print("%-19s %-44s %9.2f %9.0f  %s  [bounds: %d MB, %d s]%s"
              % (lim.name, lim.what, last.seconds, last.rss_mb, outcome, lim.max_rss_mb,
                 lim.max_seconds, "" if problem is None else "\n    BROKEN: " + problem),
              flush=True)
        broken += problem is not None
    if broken:
        print("%d of %d limits broken" % (broken, len(chosen)))
        return 1
    print("all %d limits held" % len(chosen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
