# SPDX-License-Identifier: GPL-2.0-or-later
"""The Python example of README.md runs as written."""
import os
import re
import subprocess
import sys

from conftest import SOURCE_DIR


def readme_example():
    with open(os.path.join(SOURCE_DIR, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks, "README.md has no python code block in its Python section"
    return blocks[0]


def test_readme_example_runs(tmp_path):
    code = readme_example()
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "2 result(s)" in out, out
    assert "[국가보안법을]" in out, out
    assert "person moon-jae-in 문재인" in out, out
