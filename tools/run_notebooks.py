"""Re-execute notebooks top to bottom in a fresh kernel and store their outputs.

    python tools/run_notebooks.py notebooks                 # every notebook under notebooks/
    python tools/run_notebooks.py notebooks/02_attribution.ipynb

Each notebook runs in its own folder with the kit's environment as kernel. Afterwards the widget
model ids (random UUIDs) are renamed to stable ones, so a re-run changes nothing unless an output
did, and stored outputs carry no random ids or timestamps.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

UUID = re.compile(r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def stable_widget_ids(raw: str, stem: str) -> str:
    """Rename every widget model id in a notebook's JSON text to ``<stem>-w<n>``, in order."""
    names: dict[str, str] = {}

    def rename(match: re.Match) -> str:
        found = match.group(0)
        if found not in names:
            names[found] = f"{stem}-w{len(names) + 1:03d}"
        return names[found]

    return UUID.sub(rename, raw)


def run(path: Path, timeout: int = 600) -> float:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    started = time.perf_counter()
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
    notebook.metadata.pop("papermill", None)
    raw = nbformat.writes(notebook)
    path.write_text(stable_widget_ids(raw, path.stem) + "\n", encoding="utf-8")
    return elapsed


def main(args: list[str]) -> int:
    targets: list[Path] = []
    for arg in args or ["notebooks"]:
        p = Path(arg)
        found = sorted(p.rglob("*.ipynb")) if p.is_dir() else [p]
        targets += [nb for nb in found if ".ipynb_checkpoints" not in nb.parts]
    for number, nb in enumerate(targets, 1):
        print(f"[{number}/{len(targets)}] {nb} ...", end=" ", flush=True)
        seconds = run(nb)
        print(f"{seconds:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
