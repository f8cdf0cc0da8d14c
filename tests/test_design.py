"""The shape of the code a newcomer reads: short functions, no private names across modules."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LONGEST = 80


def test_no_function_in_the_kit_is_longer_than_80_lines():
    long = []
    for path in sorted((ROOT / "kit").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > LONGEST:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines})")
    assert not long, "functions over 80 lines: " + ", ".join(long)


def test_no_private_name_is_imported_from_another_module():
    private = re.compile(r"^\s*from (kit[\w.]*) import .*\b(_[a-z]\w*)", re.M)
    found = []
    for folder in ("kit", "tests", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for module, name in private.findall(path.read_text(encoding="utf-8")):
                found.append(f"{path.relative_to(ROOT)}: {module}.{name}")
    assert not found, "private names imported across modules: " + ", ".join(found)
