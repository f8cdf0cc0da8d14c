"""The notebooks' stored outputs: made by ``make notebooks`` from the kit as it is now."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").rglob("*.ipynb"))
WIDGETS = ROOT / "kit" / "widgets"


def tool():
    spec = importlib.util.spec_from_file_location("run_notebooks", ROOT / "tools/run_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_widgets_carry_the_kits_current_javascript(path):
    """A notebook opened before it is run draws its stored widgets with the stored JavaScript:
    it must be the kit's own, as it is now (else ``make notebooks`` was not run)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    state = notebook["metadata"].get("widgets", {})
    state = state.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    current = {p.read_text(encoding="utf-8") for p in WIDGETS.glob("*.js")}
    stored = [m["state"]["_esm"] for m in state.values() if "_esm" in m["state"]]
    assert all(esm in current for esm in stored), f"{path.name}: run `make notebooks`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_printed_text_is_stored_in_one_piece_per_stream(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        kinds = [
            o.get("name") if o["output_type"] == "stream" else None for o in cell.get("outputs", [])
        ]
        assert all(a is None or a != b for a, b in zip(kinds, kinds[1:])), path.name


def test_printed_pieces_are_joined_as_the_kernel_cut_them():
    pieces = [
        {"output_type": "stream", "name": "stdout", "text": ["Kerry and Lavrov\n"]},
        {"output_type": "stream", "name": "stdout", "text": "met in Moscow.\n"},
        {"output_type": "stream", "name": "stderr", "text": "a warning\n"},
        {"output_type": "display_data", "data": {"text/plain": "x"}, "metadata": {}},
        {"output_type": "stream", "name": "stdout", "text": "again\n"},
    ]
    joined = tool().joined_streams(pieces)
    assert [o.get("name") for o in joined] == ["stdout", "stderr", None, "stdout"]
    assert joined[0]["text"] == "Kerry and Lavrov\nmet in Moscow.\n"
