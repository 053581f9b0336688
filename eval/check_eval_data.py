#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Check the retrieval-evaluation data in eval/ against the corpus.

Usage: python3 eval/check_eval_data.py [REPO_ROOT]

Checks queries.tsv, robustness.tsv and robustness/*.md for format errors and dangling
document ids, and the corpus manifest for agreement with the documents' front matter.
Prints counts; exits 1 if any check fails.
"""

import collections
import os
import re
import sys

FRONT_MATTER = re.compile(
    r"---\ntitle: (?P<title>[^\n]+)\ndate: (?P<date>\d{4}-\d{2}-\d{2})\n"
    r"type: (?P<type>letter|open-letter|press-release|report|statement)\n"
    r"lang: (?P<lang>en|ko|mixed)\n---\n\n")
QUERY_ID = re.compile(r"(ko|en)-\d{2,}")

errors = []


def error(where, message):
    errors.append(f"{where}: {message}")


def read_text(path):
    with open(path, "rb") as f:
        data = f.read()
    where = os.path.relpath(path)
    if data.startswith(b"\xef\xbb\xbf"):
        error(where, "starts with a BOM")
    if b"\r" in data:
        error(where, "has CR characters (expected LF line endings)")
    if data and not data.endswith(b"\n"):
        error(where, "does not end with a newline")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        error(where, f"not UTF-8: {e}")
        return data.decode("utf-8", "replace")


def read_tsv(path, header):
    """Rows of a tab-separated file as lists, after checking the header and column count."""
    where = os.path.relpath(path)
    if not os.path.isfile(path):
        error(where, "missing")
        return []
    lines = read_text(path).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != header:
        error(where, f"header must be {header!r}")
        return []
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(header):
            error(f"{where}:{number}", f"{len(fields)} columns, expected {len(header)} "
                  "(a tab inside a field?)")
            continue
        for name, value in zip(header, fields):
            if not value.strip():
                error(f"{where}:{number}", f"empty {name}")
            elif value != value.strip():
                error(f"{where}:{number}", f"{name} has leading or trailing spaces")
        rows.append(fields)
    return rows


def front_matter(path):
    text = read_text(path)
    match = FRONT_MATTER.match(text)
    if not match:
        error(os.path.relpath(path), "front matter is not in the documented format")
        return None, text
    return match.groupdict(), text[match.end():]


def corpus_documents(corpus):
    """{id relative to corpus/: front matter} for every .md/.txt document."""
    docs = {}
    for folder in ("en", "ko", "mixed"):
        for name in sorted(os.listdir(os.path.join(corpus, folder))):
            if name.endswith((".md", ".txt")):
                meta, _ = front_matter(os.path.join(corpus, folder, name))
                docs[f"{folder}/{name}"] = meta
    return docs


def check_manifest(corpus, docs):
    rows = read_tsv(os.path.join(corpus, "MANIFEST.tsv"),
                    ["id", "lang", "type", "date", "title", "file"])
    ids = [r[0] for r in rows]
    if ids != sorted(ids):
        error("corpus/MANIFEST.tsv", "rows are not sorted by id")
    if len(set(ids)) != len(ids):
        error("corpus/MANIFEST.tsv", "duplicate ids")
    files = set()
    for doc_id, lang, type_, date, title, file in rows:
        files.add(file)
        meta = docs.get(file)
        if meta is None:
            error("corpus/MANIFEST.tsv", f"{file}: no such document")
            continue
        if os.path.splitext(os.path.basename(file))[0] != doc_id:
            error("corpus/MANIFEST.tsv", f"{doc_id}: id does not match file {file}")
        if (lang, type_, date, title) != (meta["lang"], meta["type"], meta["date"], meta["title"]):
            error("corpus/MANIFEST.tsv", f"{doc_id}: row disagrees with the front matter")
    for file in sorted(set(docs) - files):
        error("corpus/MANIFEST.tsv", f"{file}: document has no row")
    return len(rows)


def check_queries(path, docs):
    rows = read_tsv(path, ["id", "lang", "query", "relevant", "note"])
    where = os.path.relpath(path)
    seen_ids, seen_queries = set(), set()
    per_lang = collections.Counter()
    sizes = collections.defaultdict(list)
    judged = set()
    for number, (qid, lang, query, relevant, note) in enumerate(rows, start=2):
        at = f"{where}:{number}"
        if not QUERY_ID.fullmatch(qid) or not qid.startswith(lang + "-"):
            error(at, f"id {qid!r} must be {lang}-NN")
        if qid in seen_ids:
            error(at, f"duplicate id {qid}")
        seen_ids.add(qid)
        if lang not in ("ko", "en"):
            error(at, f"lang {lang!r} must be ko or en")
        per_lang[lang] += 1
        if (lang, query) in seen_queries:
            error(at, f"duplicate query {query!r}")
        seen_queries.add((lang, query))
        words = query.split()
        if not 1 <= len(words) <= 4:
            error(at, f"query {query!r} has {len(words)} words (1-4 allowed)")
        # Apostrophes inside words (Court's, Defectors') are fine; quoting is not.
        if any(c in query for c in '"()') or query.startswith("'") or " '" in query:
            error(at, f"query {query!r} contains quotes or parentheses")
        if any(w in ("AND", "OR", "NOT") or w.startswith(("-", "+")) or ":" in w for w in words):
            error(at, f"query {query!r} contains an operator or a field filter")
        has_hangul = re.search(r"[\uac00-\ud7a3]", query) is not None
        if (lang == "ko") != has_hangul:
            error(at, f"query {query!r} does not look like lang {lang}")
        ids = relevant.split(",")
        if len(set(ids)) != len(ids):
            error(at, "duplicate ids in relevant")
        for doc in ids:
            if doc not in docs:
                error(at, f"relevant id {doc!r} is not a document under corpus/")
            elif not doc.startswith((lang + "/", "mixed/")):
                error(at, f"{doc} is neither {lang} nor mixed")
        judged.update(d for d in ids if d in docs)
        sizes[lang].append(len(ids))
    return per_lang, sizes, judged


def check_robustness(eval_dir, corpus, docs):
    """Rewritten documents keep the file name (id and extension) of their original:
    ngosearch_eval replaces corpus documents by file name."""
    folder = os.path.join(eval_dir, "robustness")
    rewritten = sorted(n for n in os.listdir(folder) if n.endswith((".md", ".txt"))) \
        if os.path.isdir(folder) else []
    if not rewritten:
        error("eval/robustness", "no rewritten documents")
    for name in rewritten:
        where = f"eval/robustness/{name}"
        original = f"ko/{name}"
        if original not in docs:
            error(where, f"no Korean corpus document corpus/{original} (same file name)")
            continue
        meta, body = front_matter(os.path.join(folder, name))
        if meta is None:
            continue
        orig = docs[original]
        if (meta["date"], meta["type"], meta["lang"]) != (orig["date"], orig["type"], "ko"):
            error(where, "date/type/lang differ from the original")
        opening = f"# {meta['title']}\n" if name.endswith(".md") else f"{meta['title']}\n"
        if not body.startswith(opening):
            error(where, "body does not open with the title ('# <title>' in .md files)")
        _, orig_body = front_matter(os.path.join(corpus, original))
        if body.strip() == orig_body.strip():
            error(where, "identical to the original")
    rows = read_tsv(os.path.join(eval_dir, "robustness.tsv"), ["id", "query", "target"])
    per_target = collections.Counter()
    ids = set()
    for number, (rid, query, target) in enumerate(rows, start=2):
        at = f"eval/robustness.tsv:{number}"
        if rid in ids:
            error(at, f"duplicate id {rid}")
        ids.add(rid)
        if target not in rewritten:
            error(at, f"target {target!r} is not a file in eval/robustness/")
        if not 1 <= len(query.split()) <= 4:
            error(at, f"query {query!r} has more than 4 words")
        per_target[target] += 1
    for name in rewritten:
        if not 3 <= per_target[name] <= 4:
            error("eval/robustness.tsv", f"{name}: {per_target[name]} queries (3-4 expected)")
    return len(rewritten), len(rows)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(__file__), os.pardir))
    corpus, eval_dir = os.path.join(root, "corpus"), os.path.join(root, "eval")
    os.chdir(root)
    docs = corpus_documents(corpus)
    manifest_rows = check_manifest(corpus, docs)
    per_lang, sizes, judged = check_queries(os.path.join(eval_dir, "queries.tsv"), docs)
    for lang in ("ko", "en"):
        if per_lang[lang] < 45:
            error("eval/queries.tsv", f"{per_lang[lang]} {lang} queries (at least 45 expected)")
    n_rewritten, n_rob = check_robustness(eval_dir, corpus, docs)
    if n_rob < 40:
        error("eval/robustness.tsv", f"{n_rob} rows (at least 40 expected)")

    by_lang = collections.Counter(d.split("/")[0] for d in docs)
    print(f"corpus: {len(docs)} documents ({by_lang['en']} en, {by_lang['ko']} ko, "
          f"{by_lang['mixed']} mixed), manifest rows: {manifest_rows}")
    for lang in ("ko", "en"):
        s = sizes[lang]
        if s:
            print(f"queries {lang}: {per_lang[lang]}, relevant per query: min {min(s)}, "
                  f"max {max(s)}, mean {sum(s) / len(s):.1f}")
    print(f"documents judged relevant to at least one query: {len(judged)} of {len(docs)}")
    print(f"robustness: {n_rewritten} rewritten documents, {n_rob} queries")
    for e in errors:
        print("error:", e, file=sys.stderr)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
