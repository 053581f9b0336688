#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Smoke test of the benchmark suite, seconds long: generates a tiny corpus (twice, to check the
generator is deterministic), runs every case of ngosearch-bench on it and checks that every
section is printed, every count check passed and the JSON holds the runs; then draws the plots
when matplotlib is present. Timings are printed by the bench, never asserted.

    smoke_test.py CORPUSGEN BENCH PLOT_SCRIPT WORK_DIR
"""
import filecmp
import json
import shutil
import subprocess
import sys
from pathlib import Path

SECTIONS = ["CPU:", "Build:", "Libraries:", "Corpus:", "== stages", "== baselines",
            "== ngosearch end to end", "== Korean part", "== queries", "== index size", "== targets", "== checks"]


def run(cmd, expect=0):
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=240)
    if expect is not None and r.returncode != expect:
        sys.exit(f"FAIL: {' '.join(map(str, cmd))} exited {r.returncode}, expected {expect}\n"
                 f"stdout:\n{r.stdout}\nstderr:\n{r.stderr}")
    return r


def same_tree(a, b):
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.diff_files or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(a / d, b / d) for d in cmp.common_dirs)


def main():
    gen, bench, plot, work = (Path(a) for a in sys.argv[1:5])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    corpus = work / "corpus"

    r = run([gen, "--out", corpus, "--size", "400K", "--seed", "7"])
    assert "distinct" in r.stdout and "wrote" in r.stdout, r.stdout
    run([gen, "--out", work / "again", "--size", "400K", "--seed", "7", "--quiet"])
    assert same_tree(corpus, work / "again"), "the generator wrote different corpora for one seed"
    docs = sum(1 for p in corpus.rglob("*") if p.suffix in (".md", ".txt"))
    assert docs >= 20, f"only {docs} documents"
    # Bad input: a clear error, non-zero exit.
    r = run([gen, "--out", corpus, "--size", "1K"], expect=1)
    assert "not empty" in r.stderr, r.stderr
    r = run([gen, "--out", work / "x", "--size", "12Q"], expect=2)
    assert "bad size unit" in r.stderr, r.stderr
    r = run([bench, "--corpus", work / "missing"], expect=1)
    assert "does not exist" in r.stdout + r.stderr, r.stdout + r.stderr
    r = run([bench, "--corpus", corpus, "--cases", "nonsense"], expect=2)

    out_json = work / "bench.json"
    r = run([bench, "--corpus", corpus, "--threads", "1,2", "--queries", "40", "--json", out_json,
             "--work", work / "scratch"])
    print(r.stdout)
    for section in SECTIONS:
        assert section in r.stdout, f"section {section!r} missing"
    assert "counts: all passed" in r.stdout
    assert "FAILED" not in r.stdout

    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["corpus"]["docs"] == docs, (data["corpus"]["docs"], docs)
    runs = {r["key"]: r for r in data["runs"]}
    for key in ("ngosearch-tag-on-t1", "ngosearch-tag-on-t2", "ngosearch-tag-off-t1", "ngosearch-tag-off-t2",
                "xapian", "xapian-cjk", "ngosearch-ko"):
        assert runs[key]["mb_per_s"] > 0 and runs[key]["peak_rss_bytes"] > 0, key
    for key in ("ngosearch-tag-on-t1", "xapian", "xapian-cjk"):
        assert runs[key]["index"]["docs"] == docs, key
    for key in ("lucene-standard", "lucene-nori"):
        assert "mb_per_s" in runs[key] or "skipped" in runs[key], key
    assert runs["ngosearch-tag-on-t2"]["compacted_bytes"] > 0
    assert data["queries"]["queries"] >= 36 and data["queries"]["p99_ms"] >= data["queries"]["p50_ms"]
    assert data["checks"]["failures"] == []

    # The bulk case, asked for by name: every setting and every stored-part variant, counted.
    bulk_json = work / "bulk.json"
    r = run([bench, "--corpus", corpus, "--cases", "bulk", "--threads", "2", "--json", bulk_json,
             "--work", work / "scratch-bulk"])
    print(r.stdout)
    for section in ("== bulk settings", "== stored parts", "== checks"):
        assert section in r.stdout, f"section {section!r} missing"
    assert "counts: all passed" in r.stdout and "FAILED" not in r.stdout
    bulk = json.loads(bulk_json.read_text(encoding="utf-8"))["bulk"]
    assert len(bulk["settings"]) == 8, len(bulk["settings"])
    for row in bulk["settings"]:
        assert row["index"]["docs"] == docs and row["index_bytes"] > 0, row["setting"]
    variants = {v["variant"]: v for v in bulk["stored_parts"]["variants"]}
    assert {"all", "no-positions", "no-body", "no-bigrams", "no-entity-terms"} <= variants.keys()
    assert variants["no-positions"]["compacted_bytes"] < variants["all"]["compacted_bytes"]
    assert variants["no-body"]["compacted_bytes"] < variants["all"]["compacted_bytes"]

    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print("plot: skipped (python3-matplotlib missing)")
        return
    r = run([sys.executable, plot, out_json, "--out", work / "plot"])
    for name in ("plot-threads.png", "plot-threads.svg", "plot-stages.png", "plot-stages.svg"):
        assert (work / name).stat().st_size > 1000, name
    print("plot:", r.stdout.strip())


if __name__ == "__main__":
    main()
