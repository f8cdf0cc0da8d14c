"""Drive a real JupyterLab: start the server, open and run notebooks, answer exercise widgets.

Used by the browser tests in this folder (see ``conftest.py``). Everything here talks to the
server on loopback only and works offline: the browser is Debian's Chromium, never a download.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = REPO / "notebooks"
SCREENSHOTS_DIR = REPO / "test-artifacts" / "screenshots"

CHROMIUM = Path(os.environ.get("NEWSKIT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
MAX_SHOT_HEIGHT = 15000  # Chromium's limit for one screenshot is a little above 16000 pixels

# Timeouts in seconds. Generous, because CI machines can be slow; they only bound a hang.
SERVER_START_TIMEOUT = 90
KERNEL_IDLE_TIMEOUT = 120
RUN_ALL_TIMEOUT = 300
WIDGET_TIMEOUT = 30

# JupyterLab settings for the test run, written as user settings into the isolated config dir.
LAB_SETTINGS = {
    # No "would you like news?" toast and no update check: both would fetch from the network
    # and cover part of the page.
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    # Render every cell, also those scrolled off screen, so selectors find all of them.
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}


def notebook_paths() -> list[str]:
    """Every notebook under notebooks/ (instructor/ included), relative, with forward slashes."""
    found = sorted(NOTEBOOKS_DIR.rglob("*.ipynb"))
    found = [p for p in found if ".ipynb_checkpoints" not in p.parts]
    return [p.relative_to(NOTEBOOKS_DIR).as_posix() for p in found]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------------------------------
# What a stored notebook says it displays


def stored_widget_counts(path: Path) -> tuple[int, int]:
    """``(widget outputs, exercise widgets)`` in a notebook's stored outputs and widget state.

    An exercise is a displayed widget whose model carries the ``newskit-exercise`` class, found
    also when nested inside another container (a tab, a box).
    """
    notebook = json.loads(path.read_text(encoding="utf-8"))
    state = (
        notebook.get("metadata", {})
        .get("widgets", {})
        .get("application/vnd.jupyter.widget-state+json", {})
        .get("state", {})
    )

    def exercises_in(model_id: str, seen: set[str]) -> int:
        if model_id in seen or model_id not in state:
            return 0
        seen.add(model_id)
        model = state[model_id].get("state", {})
        count = int("newskit-exercise" in model.get("_dom_classes", []))
        if count:
            return count  # an exercise never contains another one
        for child in model.get("children", []):
            if isinstance(child, str) and child.startswith("IPY_MODEL_"):
                count += exercises_in(child[len("IPY_MODEL_") :], seen)
        return count

    outputs = exercises = 0
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view:
                outputs += 1
                exercises += exercises_in(view["model_id"], set())
    return outputs, exercises


def displayed_exercise_ids(path: Path, key: dict) -> list[str]:
    """The ids of the key's exercises a notebook shows, in key order: those its code names,
    and those the key assigns to it (``"notebook": "<stem>"``)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = "\n".join(
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in notebook.get("cells", [])
        if c.get("cell_type") == "code"
    )
    return [
        ex
        for ex, spec in key.get("exercises", {}).items()
        if f'"{ex}"' in code or f"'{ex}'" in code or spec.get("notebook") == path.stem
    ]


# --------------------------------------------------------------------------------------------
# The server


@dataclass
class LabServer:
    """A ``jupyter lab`` process with its own config, data, runtime and notebook folders."""

    base: Path
    port: int = 0
    process: subprocess.Popen | None = None
    log_path: Path = field(init=False)

    def __post_init__(self) -> None:
        # The server's root mirrors the repository, as `make lab` serves it: notebooks/ next to
        # data/, so a notebook may name a file as "../data/...". Both are copies.
        self.root = self.base / "site"
        self.notebooks_dir = self.root / "notebooks"
        self.config_dir = self.base / "config"
        self.data_dir = self.base / "data"
        self.runtime_dir = self.base / "runtime"
        self.progress_dir = self.base / "progress"
        self.log_path = self.base / "jupyter-lab.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # setup ------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Copy notebooks/ and data/ (runs never write into the repository), write the settings."""
        patterns = shutil.ignore_patterns(".ipynb_checkpoints", "*.jsonl")

        def skip(folder: str, names: list[str]) -> set[str]:
            # also leave out sockets and pipes (a kernel's leftovers cannot be copied)
            odd = {n for n in names if not (Path(folder, n).is_file() or Path(folder, n).is_dir())}
            return set(patterns(folder, names)) | odd

        shutil.copytree(NOTEBOOKS_DIR, self.notebooks_dir, ignore=skip)
        shutil.copytree(REPO / "data", self.root / "data", ignore=skip)
        for folder in (self.config_dir, self.data_dir, self.runtime_dir, self.progress_dir):
            folder.mkdir(parents=True, exist_ok=True)
        settings_dir = self.config_dir / "lab" / "user-settings"
        for plugin, values in LAB_SETTINGS.items():
            package, name = plugin.split(":")
            target = settings_dir / package / f"{name}.jupyterlab-settings"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(values, indent=2) + "\n", encoding="utf-8")

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        for name in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "NEWSKIT_INSTRUCTOR", "JUPYTER_TOKEN"):
            env.pop(name, None)
        env.update(
            JUPYTER_CONFIG_DIR=str(self.config_dir),
            # Labextensions (jupyterlab-widgets) and the python3 kernel are still found in
            # sys.prefix/share/jupyter, which Jupyter always searches.
            JUPYTER_DATA_DIR=str(self.data_dir),
            JUPYTER_RUNTIME_DIR=str(self.runtime_dir),
            JUPYTER_PREFER_ENV_PATH="1",
            JUPYTERLAB_SETTINGS_DIR=str(self.config_dir / "lab" / "user-settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(self.config_dir / "lab" / "workspaces"),
            IPYTHONDIR=str(self.config_dir / "ipython"),
            MPLCONFIGDIR=str(self.config_dir / "matplotlib"),
            NEWSKIT_PROGRESS_DIR=str(self.progress_dir),
            NEWSKIT_STUDENT="browser-test",
        )
        return env

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            "--ServerApp.allow_root=True",
            "--ServerApp.open_browser=False",
            f"--ServerApp.root_dir={self.root}",
            # Nothing at run time may reach the network: no news feed, no PyPI extension list.
            "--LabApp.news_url=None",
            "--LabApp.extension_manager=readonly",
        ]

    def start(self, attempts: int = 3) -> None:
        """Start the server on a free loopback port and wait until /api/status answers."""
        for attempt in range(1, attempts + 1):
            self.port = free_port()
            with open(self.log_path, "ab") as log:
                self.process = subprocess.Popen(
                    self.command(),
                    cwd=self.root,
                    env=self.environment(),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            if self._wait_ready():
                return
            self.stop()
            if attempt == attempts:
                raise RuntimeError(
                    f"jupyter lab did not answer on {self.url}/api/status within "
                    f"{SERVER_START_TIMEOUT}s. Its log ends:\n{self.log_tail()}"
                )

    def _wait_ready(self) -> bool:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False  # exited, e.g. the port was taken between probe and bind
            try:
                status = self.get("/api/status")
            except (OSError, ValueError):
                time.sleep(0.25)
                continue
            if "started" in status:
                return True
        return False

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Shut the kernels down, then stop the server by its own PID (terminate, then kill)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                for session in self.sessions():
                    self.delete_session(session["id"])
            except (OSError, ValueError):
                pass
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    # REST -------------------------------------------------------------------------------

    def get(self, path: str):
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return json.load(response)

    def sessions(self) -> list[dict]:
        return self.get("/api/sessions")

    def session_for(self, notebook: str) -> dict | None:
        return next((s for s in self.sessions() if s.get("path") == notebook), None)

    def delete_session(self, session_id: str) -> None:
        request = urllib.request.Request(f"{self.url}/api/sessions/{session_id}", method="DELETE")
        try:
            urllib.request.urlopen(request, timeout=30).close()
        except urllib.error.HTTPError:
            pass

    def progress_records(self) -> list[dict]:
        path = self.progress_dir / "newskit_progress.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# --------------------------------------------------------------------------------------------
# The page

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook in front

# The prompts of the code cells that have code ("[3]:", "[*]:" or "[ ]:"). An empty code cell
# (a space left for the student's own code) keeps "[ ]:" after Run All, so it is left out.
PROMPT_TEXTS = """() => [...document.querySelectorAll('PANEL .jp-CodeCell')]
  .filter(cell => (cell.querySelector('.jp-InputArea-editor')?.textContent || '').trim() !== '')
  .map(cell => cell.querySelector('.jp-InputPrompt').textContent.trim())""".replace("PANEL", PANEL)

# Every output that shows a failure: tracebacks (JupyterLab renders error outputs as stderr),
# and widget views that did not render.
OUTPUT_PROBLEMS = """() => {
  const problems = [];
  const cells = [...document.querySelectorAll('PANEL .jp-CodeCell')];
  cells.forEach((cell, index) => {
    const prompt = cell.querySelector('.jp-InputPrompt').textContent.trim();
    const where = `code cell ${index + 1} ${prompt.replace(/:$/, '')}`;
    const stderr = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]';
    for (const out of cell.querySelectorAll(stderr)) {
      const text = out.innerText;
      if (/Traceback|Error\\b|Exception\\b/.test(text))
        problems.push(`${where}: ${text.slice(0, 600)}`);
    }
    for (const out of cell.querySelectorAll('.jp-OutputArea-output:not([data-mime-type])')) {
      const text = out.innerText;
      if (/Error displaying widget|Error rendering|model not found|Loading widget/.test(text)
          || !out.querySelector('.jupyter-widgets, .lm-Widget'))
        problems.push(`${where}: widget did not render: ${text.slice(0, 300)}`);
    }
  });
  return problems;
}""".replace("PANEL", PANEL)


def visible_dialog_text(page) -> str | None:
    dialog = page.locator(".jp-Dialog")
    if dialog.count() and dialog.first.is_visible():
        return dialog.first.inner_text()
    return None


def wait_until(page, condition, timeout: float, what: str) -> None:
    """Poll ``condition()`` until it is true; fail at once if JupyterLab shows a dialog."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return
        dialog = visible_dialog_text(page)
        if dialog is not None:
            raise AssertionError(f"{what}: JupyterLab asks a question first: {dialog!r}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: still waiting after {timeout}s")
        page.wait_for_timeout(250)


def open_notebook(page, lab: LabServer, notebook: str) -> dict:
    """Open a notebook in a fresh workspace and wait until its kernel is really idle."""
    page.goto(f"{lab.url}/lab/tree/{notebook}?reset")
    cells = page.locator(f"{PANEL} .jp-Cell")
    wait_until(page, lambda: cells.count() > 0, KERNEL_IDLE_TIMEOUT, f"{notebook}: cells shown")
    # The toolbar says "Idle" before the kernel is attached; the server knows better.
    found: dict = {}

    def kernel_ready() -> bool:
        session = lab.session_for(notebook) or {}
        kernel = session.get("kernel") or {}
        found.update(session)
        # "connections" counts the page's websocket: idle but unattached is not ready.
        return kernel.get("execution_state") == "idle" and kernel.get("connections", 0) >= 1

    wait_until(page, kernel_ready, KERNEL_IDLE_TIMEOUT, f"{notebook}: kernel idle in /api/sessions")
    return found


def _kernel_state(lab: LabServer, notebook: str) -> str | None:
    return ((lab.session_for(notebook) or {}).get("kernel") or {}).get("execution_state")


def run_all_cells(page, lab: LabServer, notebook: str) -> None:
    """Run > Run All Cells from the menu bar, then wait until every prompt has a number.

    A cell that raises stops the run: the cells after it lose their "[*]". When no cell is
    running or queued, the kernel is idle and still some prompt has no number, this fails at
    once with the errors shown, instead of waiting for the timeout.
    """
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    stalled_since: list[float] = []

    def finished() -> bool:
        prompts = page.evaluate(PROMPT_TEXTS)
        if prompts and all(re.fullmatch(r"\[\d+\]:", p) for p in prompts):
            return True
        if "[*]:" in prompts or _kernel_state(lab, notebook) != "idle":
            stalled_since.clear()
        elif not stalled_since:
            stalled_since.append(time.monotonic())
        elif time.monotonic() - stalled_since[0] > 3:
            raise AssertionError(
                f"{notebook}: Run All Cells stopped early; prompts: {prompts}; "
                f"errors shown: {output_problems(page)}"
            )
        return False

    try:
        wait_until(page, finished, RUN_ALL_TIMEOUT, notebook)
    except AssertionError as error:
        if "stopped early" in str(error):
            raise
        raise AssertionError(f"{error}; prompts: {page.evaluate(PROMPT_TEXTS)}") from None
    wait_until(
        page,
        lambda: _kernel_state(lab, notebook) == "idle",
        KERNEL_IDLE_TIMEOUT,
        f"{notebook}: kernel idle after Run All",
    )


def output_problems(page) -> list[str]:
    return page.evaluate(OUTPUT_PROBLEMS)


def screenshot_notebook(page, path: Path) -> list[Path]:
    """Screenshots of the whole notebook: the viewport is stretched to the notebook's height.

    Chromium draws at most about 16000 pixels in one go, so a longer notebook is saved in
    parts: NAME.png, NAME-part2.png, ...
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    scroller = page.locator(f"{PANEL} .jp-WindowedPanel-outer")
    scroller.evaluate("el => el.scrollTo(0, 0)")
    # Where the last cell ends: the notebook's padding below it grows with the window.
    content_end = """el => {
      const cells = el.querySelectorAll('.jp-Cell');
      const last = cells[cells.length - 1];
      return last.getBoundingClientRect().bottom - el.getBoundingClientRect().top
        + el.scrollTop + 40;
    }"""
    extra = scroller.evaluate(content_end) - scroller.evaluate("el => el.clientHeight")
    height = min(VIEWPORT["height"] + max(0, int(extra)), MAX_SHOT_HEIGHT)
    page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    page.wait_for_timeout(500)
    saved = []
    try:
        offset = 0
        while True:
            scroller.evaluate("(el, y) => el.scrollTo(0, y)", offset)
            page.wait_for_timeout(100 if offset else 0)
            part = path if not saved else path.with_name(f"{path.stem}-part{len(saved) + 1}.png")
            page.screenshot(path=str(part))
            saved.append(part)
            seen = scroller.evaluate("el => el.scrollTop + el.clientHeight")
            if seen >= scroller.evaluate(content_end) - 1:
                return saved
            offset = seen - 100  # a little overlap between parts
    finally:
        scroller.evaluate("el => el.scrollTo(0, 0)")
        page.set_viewport_size(VIEWPORT)


def screenshot_element(page, element, path: Path) -> None:
    """A screenshot of one element, with the viewport stretched when it is taller than that."""
    height = element.evaluate("el => el.getBoundingClientRect().height")
    stretch = height > VIEWPORT["height"] - 200
    if stretch:
        size = {"width": VIEWPORT["width"], "height": min(int(height) + 400, MAX_SHOT_HEIGHT)}
        page.set_viewport_size(size)
        page.wait_for_timeout(300)
    element.scroll_into_view_if_needed()
    element.screenshot(path=str(path))
    if stretch:
        page.set_viewport_size(VIEWPORT)


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_")


@dataclass
class NotebookRun:
    """A notebook opened in the browser and run from top to bottom."""

    notebook: str
    page: object
    lab: LabServer
    session: dict
    problems: list[str]
    dialog: str | None
    shots: Path
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    tries: dict[str, int] = field(default_factory=dict)  # graded checks per exercise widget
    screenshots_taken: ClassVar[list[Path]] = []

    def screenshot(self, *names: str, element=None) -> Path:
        """Save a screenshot (of the whole notebook, or of one element) as shots/a/b.png."""
        *folders, name = [safe_name(n) for n in names]
        path = self.shots.joinpath(*folders, f"{name}.png")
        path.parent.mkdir(parents=True, exist_ok=True)
        if element is None:
            NotebookRun.screenshots_taken.extend(screenshot_notebook(self.page, path))
        else:
            screenshot_element(self.page, element, path)
            NotebookRun.screenshots_taken.append(path)
        return path


def run_in_browser(browser, lab: LabServer, notebook: str, shots: Path) -> Iterator[NotebookRun]:
    """Open ``notebook`` (a path under notebooks/), Run All Cells, yield what happened.

    Afterwards a screenshot of the whole notebook (as the exercises were left) is saved, the
    kernel is shut down and the browser context closed.
    """
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(WIDGET_TIMEOUT * 1000)
    page_errors: list[str] = []
    console_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    stem = safe_name(notebook.removesuffix(".ipynb"))
    served = f"notebooks/{notebook}"
    try:
        session = open_notebook(page, lab, served)
        run_all_cells(page, lab, served)
        run = NotebookRun(
            notebook=notebook,
            page=page,
            lab=lab,
            session=session,
            problems=output_problems(page),
            dialog=visible_dialog_text(page),
            shots=shots,
            page_errors=page_errors,
            console_errors=console_errors,
        )
        run.screenshot(stem)
        yield run
        run.screenshot(f"{stem}-answered")
    finally:
        session = lab.session_for(served)
        if session:
            lab.delete_session(session["id"])
        context.close()


# --------------------------------------------------------------------------------------------
# Exercises: derive a right and a wrong answer from the key, enter them by clicking


def _units(spec: dict, article) -> list[tuple[str, int, int]]:
    """The selectable units of a spans exercise, in the order the passage shows them."""
    from kit.exercises import selectable_units  # the widget's own list, so indexes match

    return [(uid, int(start), int(end)) for uid, start, end in selectable_units(spec, article)]


def _overlaps(start: int, end: int, target: dict) -> bool:
    return start < target["end"] and target["start"] < end


def right_answer(spec: dict, article=None):
    """An answer the key marks fully right, in the shape ``kit.exercises.check`` takes."""
    kind = spec["type"]
    if kind == "choice":
        correct = [o["id"] for o in spec["options"] if o["correct"]]
        return correct if spec.get("multiple") else correct[0]
    if kind == "match":
        return {
            item["id"]: item["answer"][0] if isinstance(item["answer"], list) else item["answer"]
            for item in spec["items"]
        }
    if kind == "spans":
        return [
            [start, end]
            for _, start, end in _units(spec, article)
            if any(_overlaps(start, end, t) for t in spec["targets"])
        ]
    if kind == "order":
        return [item["id"] for item in sorted(spec["items"], key=lambda i: i["position"])]
    if kind == "text":
        return "The headline promises progress; the body reports none, and ends with a refusal."
    raise ValueError(f"no right answer for exercise type {kind!r}")


def wrong_answer(spec: dict, article=None):
    """An answer the key marks wrong (score 0), chosen the way a hasty student might."""
    kind = spec["type"]
    if kind == "choice":
        wrong = next(o["id"] for o in spec["options"] if not o["correct"])
        return [wrong] if spec.get("multiple") else wrong
    if kind == "match":
        answer = {}
        for item in spec["items"]:
            accepted = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
            answer[item["id"]] = next(c for c in spec["choices"] if c not in accepted)
        return answer
    if kind == "spans":
        stray = next(
            (
                [start, end]
                for _, start, end in _units(spec, article)
                if not any(_overlaps(start, end, t) for t in spec["targets"])
            ),
            None,
        )
        return [stray] if stray else []
    if kind == "order":
        return list(reversed(right_answer(spec)))
    if kind == "text":
        return ""
    raise ValueError(f"no wrong answer for exercise type {kind!r}")


def expected_feedback(spec: dict, answer, article=None):
    """What the widget must show for ``answer``: the pure check function's verdict."""
    from kit import exercises

    if spec["type"] == "spans":
        return exercises.check_spans(spec, answer, article.text if article is not None else None)
    return exercises.check(spec, answer)


def exercise_widget(page, spec: dict):
    """The rendered exercise whose title is the spec's title (exactly one must exist)."""
    title = page.locator(".newskit-prompt .newskit-title-text").filter(
        has_text=re.compile(rf"^\s*{re.escape(spec['title'])}\s*$")
    )
    widget = page.locator(f"{PANEL} .newskit-exercise").filter(has=title)
    try:
        widget.first.wait_for(timeout=WIDGET_TIMEOUT * 1000)
    except Exception as error:
        raise AssertionError(
            f"no exercise titled {spec['title']!r} in the page after {WIDGET_TIMEOUT}s"
        ) from error
    return widget


def normalise(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def enter_answer(widget, spec: dict, answer, article=None) -> None:
    """Set every input of the exercise to ``answer`` by clicking, ticking, selecting, typing."""
    from playwright.sync_api import expect

    kind = spec["type"]
    timeout = WIDGET_TIMEOUT * 1000
    if kind == "choice" and not spec.get("multiple"):
        label = next(o["label"] for o in spec["options"] if o["id"] == answer)
        widget.locator(".newskit-option").get_by_label(label, exact=True).check(timeout=timeout)
    elif kind == "choice":
        boxes = widget.locator(".newskit-option")
        assert boxes.count() == len(spec["options"]), "one check box per option"
        for index, option in enumerate(spec["options"]):
            box = boxes.nth(index)
            assert normalise(box.inner_text()) == normalise(option["label"])
            box.locator("input[type=checkbox]").set_checked(option["id"] in answer, timeout=timeout)
    elif kind == "match":
        selects = widget.locator(".newskit-choice select")
        assert selects.count() == len(spec["items"]), "one drop-down per item"
        for index, item in enumerate(spec["items"]):
            choice = answer.get(item["id"])
            if choice is None:
                selects.nth(index).select_option(index=0, timeout=timeout)
            else:
                selects.nth(index).select_option(value=choice, timeout=timeout)
    elif kind == "order":
        selects = widget.locator(".newskit-choice select")
        assert selects.count() == len(spec["items"]), "one position drop-down per item"
        position = {item_id: rank for rank, item_id in enumerate(answer, 1)}
        for index, item in enumerate(spec["items"]):
            selects.nth(index).select_option(value=str(position[item["id"]]), timeout=timeout)
    elif kind == "spans":
        # words or sentences, selected in place in the passage: each a check box (aria-checked)
        wanted = {tuple(span) for span in answer}
        units = _units(spec, article)
        shown = widget.locator(".newskit-passage .newskit-unit")
        assert shown.count() == len(units), "one selectable unit per word or sentence"
        for index, (_, start, end) in enumerate(units):
            unit = shown.nth(index)
            on = unit.get_attribute("aria-checked") == "true"
            if on != ((start, end) in wanted):
                assert normalise(unit.inner_text()) == normalise(article.text[start:end])
                unit.click(timeout=timeout)
                expect(unit).to_have_attribute("aria-checked", "false" if on else "true")
    elif kind == "text":
        widget.locator(".newskit-text textarea").fill(answer, timeout=timeout)
    else:
        raise ValueError(f"cannot enter an answer for exercise type {kind!r}")


def press_check(widget) -> None:
    button = widget.locator("button.newskit-check")
    assert normalise(button.inner_text()) == "Check answer"
    button.click(timeout=WIDGET_TIMEOUT * 1000)


def feedback_text(widget) -> str:
    return widget.locator(".newskit-feedback").inner_text()


class _TextOf(HTMLParser):
    """The text a browser shows for an HTML fragment, with blocks and line breaks as spaces."""

    BLOCKS = {"br", "p", "div", "li", "ul", "ol", "table", "tr", "td", "th"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag) -> None:
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data) -> None:
        self.parts.append(data)


def html_text(fragment: str) -> str:
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    return normalise("".join(parser.parts))


def wait_for_text(page, locator, expected: str, timeout: float = WIDGET_TIMEOUT) -> str:
    """Wait until ``locator`` shows ``expected`` (whitespace aside); return what it shows."""
    deadline = time.monotonic() + timeout
    while True:
        shown = normalise(locator.inner_text())
        if shown == expected:
            return shown
        if time.monotonic() > deadline:
            raise AssertionError(f"shown:    {shown!r}\nexpected: {expected!r}")
        page.wait_for_timeout(100)


def answer_and_check(run, exercise_id: str, spec: dict, answer, article=None):
    """Enter ``answer`` into the exercise, press "Check answer" and verify what appears.

    The feedback shown must be exactly the pure check function's verdict for the same answer,
    rendered as the widget renders it (explanations of missed answers kept back on the first
    try); and the attempt must be recorded in the progress file. Returns the expected Feedback
    and the widget.
    """
    page, lab = run.page, run.lab
    widget = exercise_widget(page, spec)
    assert widget.count() == 1, f"{exercise_id}: {widget.count()} widgets titled {spec['title']!r}"
    widget = widget.first
    enter_answer(widget, spec, answer, article)
    expected = expected_feedback(spec, answer, article)
    if expected.items:
        run.tries[exercise_id] = run.tries.get(exercise_id, 0) + 1
    reveal = run.tries.get(exercise_id, 0) >= 2
    records_before = len(lab.progress_records())
    press_check(widget)
    try:
        wait_for_text(
            page, widget.locator(".newskit-feedback"), html_text(expected.to_html(reveal=reveal))
        )
    except AssertionError as error:
        raise AssertionError(f"{exercise_id}: feedback differs from the key's\n{error}") from None
    assert normalise(expected.summary) in normalise(feedback_text(widget))
    if expected.items or expected.score is not None or expected.notes:
        records = lab.progress_records()[records_before:]
        mine = [r for r in records if r["exercise"] == exercise_id]
        assert mine, f"{exercise_id}: the check was not recorded in the progress file"
        assert mine[-1]["answer"] == json.loads(json.dumps(answer))
        score = None if expected.score is None else round(expected.score, 4)
        assert mine[-1]["score"] == score
    return expected, widget


def assert_shows_wrong(shown: str, kind: str) -> None:
    """The feedback of a wholly wrong answer: "Not yet.", a cross and, but for an order
    exercise (reversing an odd list leaves the middle item in place), no tick."""
    assert shown.startswith("Not yet.")
    assert "✘" in shown
    if kind != "order":
        assert "✔ Right" not in shown


def assert_shows_right(shown: str) -> None:
    """The feedback of a wholly right answer: full marks and no cross."""
    assert shown.startswith("All right! Score 100%")
    assert "✘" not in shown


# --------------------------------------------------------------------------------------------
# Accessibility: the notebook's state (to see that keys did not reach JupyterLab), themes, axe

NOTEBOOK_STATE = """() => {
  const notebook = document.querySelector('PANEL .jp-Notebook');
  const cells = [...notebook.querySelectorAll(':scope .jp-Cell')];
  return {
    cells: cells.map(cell => cell.classList.contains('jp-CodeCell') ? 'code'
      : cell.classList.contains('jp-MarkdownCell') ? 'markdown' : 'raw'),
    active: cells.findIndex(cell => cell.classList.contains('jp-mod-active')),
    selected: cells.filter(cell => cell.classList.contains('jp-mod-selected')).length,
    mode: notebook.classList.contains('jp-mod-editMode') ? 'edit' : 'command',
    sources: cells.map(cell => (cell.querySelector('.jp-InputArea-editor')?.textContent || '')),
  };
}""".replace("PANEL", PANEL)


def notebook_state(page) -> dict:
    """What JupyterLab shortcuts would change: cell kinds, sources, the active cell, the mode."""
    return page.evaluate(NOTEBOOK_STATE)


def set_theme(page, theme: str) -> None:
    """Settings > Theme > ``theme`` ("JupyterLab Light" or "JupyterLab Dark"), as a student
    would choose it, then wait until the page says it is light or dark."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Settings$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Theme$")).hover()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(theme)}$")).click()
    light = "false" if "Dark" in theme else "true"
    wait_until(
        page,
        lambda: page.evaluate("() => document.body.dataset.jpThemeLight") == light,
        WIDGET_TIMEOUT,
        f"theme {theme}",
    )
    page.wait_for_timeout(1000)  # the theme's style sheet applies a moment after the flag


# The kit's outputs: every output area of the notebook in front. Left out:
# - JupyterLab's own chrome (menu bar, side bars, tool bars, status bar, cell prompts and
#   editors) and the notebook's Markdown cells: JupyterLab's and the notebook's text, not output;
# - the <img> that JupyterLab's image renderer draws for a PNG output: it never writes an alt
#   attribute, whatever the output says (axe: image-alt). The kit's charts show their text
#   alternative beside the image instead ("Chart in words", kit.display); the count of such
#   images is still reported (axe_figures: "images_without_alt").
RENDERED_IMAGES = f"{PANEL} .jp-RenderedImage > img"
AXE_CONTEXT = {"include": [[f"{PANEL} .jp-OutputArea-output"]], "exclude": [[RENDERED_IMAGES]]}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_script() -> str:
    """axe-core's script, as the axe-playwright-python package ships it (offline)."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def run_axe(page) -> dict:
    """axe-core over the kit's outputs.

    axe skips colour contrast for what it cannot see: JupyterLab's ``<body>`` has height 0 and
    hides its overflow, and cells scrolled out of the notebook's view are clipped. So the body
    gets a real height and the window is stretched to the whole notebook first (as for a
    screenshot); both come back afterwards.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_script())
    scroller = page.locator(f"{PANEL} .jp-WindowedPanel-outer")
    scroller.evaluate("el => el.scrollTo(0, 0)")
    extra = scroller.evaluate(
        """el => {
          const cells = el.querySelectorAll('.jp-Cell');
          const last = cells[cells.length - 1];
          return last.getBoundingClientRect().bottom - el.getBoundingClientRect().top
            + el.scrollTop + 40 - el.clientHeight;
        }"""
    )
    page.set_viewport_size(
        {"width": VIEWPORT["width"], "height": VIEWPORT["height"] + max(0, int(extra))}
    )
    page.wait_for_timeout(500)
    saved = page.evaluate(
        """() => {
          const saved = [document.documentElement.style.cssText, document.body.style.cssText];
          document.documentElement.style.height = '100%';
          document.body.style.height = window.innerHeight + 'px';
          document.body.style.overflow = 'visible';
          return saved;
        }"""
    )
    try:
        results = page.evaluate(
            "async ([context, options]) => await axe.run(context, options)",
            [AXE_CONTEXT, AXE_OPTIONS],
        )
        results["images_without_alt"] = page.evaluate(
            "selector => [...document.querySelectorAll(selector)].filter(i => !i.alt).length",
            RENDERED_IMAGES,
        )
        return results
    finally:
        page.evaluate(
            """([html, body]) => {
              document.documentElement.style.cssText = html; document.body.style.cssText = body;
            }""",
            saved,
        )
        page.set_viewport_size(VIEWPORT)


def axe_figures(results: dict) -> dict:
    """Violations by impact, the rules and nodes behind them, and what axe could not decide."""
    figures = {"critical": 0, "serious": 0, "moderate": 0, "minor": 0, "rules": {}}
    for violation in results["violations"]:
        nodes = len(violation["nodes"])
        figures[violation["impact"] or "minor"] += nodes
        figures["rules"][violation["id"]] = {
            "impact": violation["impact"],
            "nodes": nodes,
            "examples": [
                {"target": n["target"], "html": n["html"][:200], "summary": n["failureSummary"]}
                for n in violation["nodes"][:3]
            ],
        }
    figures["incomplete"] = {i["id"]: len(i["nodes"]) for i in results["incomplete"]}
    figures["images_without_alt"] = results.get("images_without_alt", 0)
    figures["passes"] = {p["id"]: len(p["nodes"]) for p in results["passes"]}
    return figures
