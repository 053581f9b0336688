# SPDX-License-Identifier: GPL-2.0-or-later
"""End-to-end tests of ingest (see cli_test.py for how to run): HTML and PDF files, legacy
Korean encodings, pages named in hits, incremental re-runs with --prune."""

import os
import unittest

from cli_test import CliCase, write_file, without_timing, setUpModule  # noqa: F401


def make_pdf(pages, title=None):
    """A minimal PDF: each page a list of ASCII lines in Helvetica."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [%s] /Count %d >>"
               % (" ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages))), len(pages)),
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, lines in enumerate(pages):
        content = "BT /F1 12 Tf 72 720 Td 14 TL\n" + "".join(
            "(%s) Tj T*\n" % line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            for line in lines) + "ET"
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                       "<< /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i))
        objects.append("<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    if title:
        objects.append("<< /Title (%s) >>" % title)
    out = b"%PDF-1.4\n"
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, obj.encode("ascii"))
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if title:
        out += b" /Info %d 0 R" % len(objects)
    out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return out


class IngestTest(CliCase):

    def write_formats(self):
        docs = os.path.join(self.tmp, "docs")
        write_file(os.path.join(docs, "letter.pdf"), make_pdf(
            [["Open letter on detention", "Arbitrary detention must end."],
             ["The National Security Law is used against students."]],
            title="Open letter on detention"))
        write_file(os.path.join(docs, "page.html"),
                   "<html lang='ko'><head><title>통일부 성명</title><script>secret()</script>"
                   "</head><body><nav>Home &gt; News</nav><p>통일부는 국가보안법에 대해 "
                   "답하라.</p></body></html>")
        write_file(os.path.join(docs, "old.txt"),
                   "국가보안법 폐지를 요구하는 서한입니다. 통일부 장관께 드립니다.\n".encode("cp949"))
        return "docs"

    def test_html_pdf_and_legacy_korean_are_indexed(self):
        report = self.index(self.write_formats())
        self.assertEqual(report["indexed"], 3, report)
        self.assertEqual(report["skipped"], [])
        self.assertIn("windows-949", " ".join(w["reason"] for w in report["warnings"]))
        self.assertIds("통일부", ["old.txt", "page.html"])
        self.assertIds("secret", [])      # scripts are no text
        result = self.search("students")
        hit = result["hits"][0]
        self.assertEqual((hit["id"], hit["page"], hit["type"]), ("letter.pdf", 2, "open-letter"))
        self.assertNotIn("page", self.search("통일부")["hits"][0])
        proc = self.ok("search", "--db", self.db, "students")
        self.assertIn("· p. 2", proc.stdout)

    def test_rerun_updates_changed_files_and_prunes_gone_ones(self):
        docs = self.write_formats()
        self.index(docs)
        os.remove(os.path.join(self.tmp, docs, "page.html"))
        write_file(os.path.join(self.tmp, docs, "old.txt"), "새로 쓴 서한: 통일부는 답하라.\n")
        report = self.index(docs)
        self.assertEqual((report["indexed"], report["updated"], report["unchanged"],
                          report["pruned"]), (1, 1, 1, 0))
        self.assertEqual(report["documents"], 3)  # page.html kept without --prune
        proc = self.ok("index", "--db", self.db, "--prune", docs)
        self.assertEqual(without_timing(proc.stdout),
                         f"indexed 0 document(s), 2 unchanged, 1 pruned; 2 in {self.db}\n")
        self.assertIds("통일부", ["old.txt"])


    def test_huge_files_are_reported_and_the_run_goes_on(self):
        docs = self.write_formats()
        # Sparse files: 200 MB (under the 256 MB limit: read, then refused as binary) and
        # 300 MB (over it: refused before reading), beside the ordinary files.
        for name, size in (("huge.txt", 200 << 20), ("huger.txt", 300 << 20)):
            with open(os.path.join(self.tmp, docs, name), "wb") as f:
                f.truncate(size)
        report = self.index(docs)
        skipped = {os.path.basename(s["path"]): s["reason"] for s in report["skipped"]}
        self.assertIn("binary file", skipped["huge.txt"])
        self.assertIn("file too large", skipped["huger.txt"])
        self.assertIn("--max-file-size", skipped["huger.txt"])
        self.assertEqual(report["indexed"], 3)
        self.assertEqual(report["documents"], 3)

    def test_progress_on_a_terminal_shows_files_and_megabytes_per_second(self):
        import pty
        import subprocess
        docs = self.write_formats()
        leader, follower = pty.openpty()
        try:
            proc = subprocess.run([CLI_PATH(), "index", "--db", self.db, docs], cwd=self.tmp,
                                  env=self.env(), stdout=subprocess.PIPE, stderr=follower,
                                  stdin=subprocess.DEVNULL, timeout=30)
            os.close(follower)
            follower = -1
            bar = b""
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                bar += chunk
        finally:
            if follower >= 0:
                os.close(follower)
            os.close(leader)
        self.assertEqual(proc.returncode, 0)
        text = bar.decode("utf-8", "replace")
        self.assertIn("indexing docs: 3/3 files", text)
        self.assertRegex(text, r"\d+ files/s, \d+\.\d\d MB/s")


def CLI_PATH():
    from cli_test import CLI
    return CLI


if __name__ == "__main__":
    unittest.main()
