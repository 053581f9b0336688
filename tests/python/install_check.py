# SPDX-License-Identifier: GPL-2.0-or-later
"""Run by check_install.cmake with the install prefix's site-packages on PYTHONPATH: the
package must come from there, and index and search."""
import os
import sys
import tempfile

site = os.path.realpath(sys.argv[1])
import ngosearch  # noqa: E402

where = os.path.realpath(ngosearch.__file__)
core = os.path.realpath(ngosearch._ngosearch.__file__)
for f in (where, core):
    if not f.startswith(site + os.sep):
        sys.exit(f"imported {f}, not from the installed package in {site}")
with tempfile.TemporaryDirectory() as tmp:
    with ngosearch.Index(os.path.join(tmp, "index"), create=True) as ix:
        ix.add("a", title="성명", body="국가보안법을 폐지해야 한다.", language="ko")
    result = ngosearch.Index(os.path.join(tmp, "index")).search("국가보안법")
    if [h.id for h in result] != ["a"]:
        sys.exit(f"unexpected result {result}")
print(f"installed package ok: {os.path.dirname(where)}")
