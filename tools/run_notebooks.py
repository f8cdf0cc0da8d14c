"""Re-execute notebooks top to bottom in a fresh kernel and store their outputs.

    python tools/run_notebooks.py notebooks                 # every notebook under notebooks/
    python tools/run_notebooks.py notebooks/02_attribution.ipynb

Each notebook runs in its own folder with the kit's environment as kernel. Afterwards the widget
model ids (random UUIDs) are renamed to stable ones, so a re-run changes nothing unless an output
did, and stored outputs carry no random ids or timestamps.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

UUID = re.compile(r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def stable_widget_ids(notebook: dict, stem: str) -> str:
    """The notebook's JSON text with every widget model id renamed to ``<stem>-w<n>``.

    Models are numbered in a fixed order: the widgets shown in the outputs, cell by cell, then
    the models each of them refers to, breadth first. The stored widget state is sorted by the new
    names, so a re-run changes the file only where an output changed.
    """
    state = notebook.get("metadata", {}).get("widgets", {})
    state = state.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    order: list[str] = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view and view.get("model_id") not in order:
                order.append(view["model_id"])
    queue = list(order)
    while queue:
        model = state.get(queue.pop(0), {})
        for found in re.findall(r"IPY_MODEL_([0-9a-f]{32})", json.dumps(model, sort_keys=True)):
            if found not in order:
                order.append(found)
                queue.append(found)
    order += sorted(set(state) - set(order))  # models no output refers to
    names = {old: f"{stem}-w{number:03d}" for number, old in enumerate(order, 1)}
    if state:
        renamed = {names[k]: v for k, v in state.items()}
        notebook["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"] = (
            dict(sorted(renamed.items()))
        )
    raw = nbformat.writes(nbformat.from_dict(notebook))
    return UUID.sub(lambda match: names.get(match.group(0), match.group(0)), raw)


def joined_streams(outputs: list) -> list:
    """``outputs`` with each run of printed text on the same stream as one output: the kernel
    sends printed text in pieces whose sizes depend on timing, so two runs would store the same
    text cut differently."""
    joined: list = []
    for output in outputs:
        previous = joined[-1] if joined else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] = "".join(previous["text"]) + "".join(output["text"])
        else:
            joined.append(output)
    return joined


def run(path: Path, timeout: int = 600) -> float:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    started = time.perf_counter()
    # Stored outputs are the bundled article's: no course article set in the environment.
    os.environ.pop("NEWSKIT_ARTICLE", None)
    with tempfile.TemporaryDirectory() as progress_dir:
        env_before = os.environ.get("NEWSKIT_PROGRESS_DIR")
        os.environ["NEWSKIT_PROGRESS_DIR"] = progress_dir
        try:
            client = NotebookClient(
                notebook,
                timeout=timeout,
                kernel_name="python3",
                resources={"metadata": {"path": str(path.parent)}},
                record_timing=False,
                store_widget_state=True,
            )
            client.execute()
        finally:
            if env_before is None:
                os.environ.pop("NEWSKIT_PROGRESS_DIR", None)
            else:
                os.environ["NEWSKIT_PROGRESS_DIR"] = env_before
    elapsed = time.perf_counter() - started
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = joined_streams(cell.outputs)
    notebook.metadata.pop("papermill", None)
    path.write_text(stable_widget_ids(notebook, path.stem) + "\n", encoding="utf-8")
    return elapsed


def main(args: list[str]) -> int:
    targets: list[Path] = []
    for arg in args or ["notebooks"]:
        p = Path(arg)
        found = sorted(p.rglob("*.ipynb")) if p.is_dir() else [p]
        targets += [nb for nb in found if ".ipynb_checkpoints" not in nb.parts]
    for number, nb in enumerate(targets, 1):
        print(f"[{number}/{len(targets)}] {nb}", flush=True)
        seconds = run(nb)
        print(f"    ran top to bottom in {seconds:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
