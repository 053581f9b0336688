# SPDX-License-Identifier: GPL-2.0-or-later
"""The package's shape: what it exports exists, the stubs match the compiled core, and the
typing marker is there."""
import ast
import inspect
import os

import ngosearch
from ngosearch import _ngosearch


def test_all_exports_exist():
    for name in ngosearch.__all__:
        assert hasattr(ngosearch, name), name
    assert ngosearch.__version__ == _ngosearch.__version__


def test_stubs_match_the_compiled_core():
    package = os.path.dirname(ngosearch.__file__)
    assert os.path.exists(os.path.join(package, "py.typed"))
    with open(os.path.join(package, "_ngosearch.pyi"), encoding="utf-8") as f:
        tree = ast.parse(f.read())
    stubbed = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            stubbed[node.name] = None
        elif isinstance(node, ast.ClassDef):
            stubbed[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
    public = {n for n in dir(_ngosearch) if not n.startswith("_")}
    functions = {n for n in public if inspect.isbuiltin(getattr(_ngosearch, n))}
    classes = {n for n in public if inspect.isclass(getattr(_ngosearch, n))}
    assert functions | classes == set(stubbed)
    for cls in classes:
        methods = {n for n in dir(getattr(_ngosearch, cls)) if not n.startswith("_")}
        assert methods == stubbed[cls] - {"__init__"}, cls
