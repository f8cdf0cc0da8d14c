"""The examples in the kit's docstrings run, and every public analyser and display function has one.

The same as ``pytest --doctest-modules kit``, inside the ordinary test run.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil

import pytest

import kit

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(kit.__path__, prefix="kit.")
    if info.name != "kit.__main__"
)
# The modules whose public functions a student calls: each of them shows how, with an example.
EXAMPLED = ("kit.attribution", "kit.chronology", "kit.framing", "kit.display")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"


def public_functions(package: str):
    module = importlib.import_module(package)
    for name in getattr(module, "__all__", None) or dir(module):
        value = getattr(module, name, None)
        if name.startswith("_") or not inspect.isfunction(value):
            continue
        if value.__module__.startswith(package):
            yield f"{package}.{name}", value


@pytest.mark.parametrize("package", EXAMPLED)
def test_every_public_analyser_and_display_function_has_an_example(package):
    missing = [name for name, function in public_functions(package)
               if ">>> " not in (function.__doc__ or "")]  # fmt: skip
    assert not missing, f"no >>> example: {', '.join(missing)}"
