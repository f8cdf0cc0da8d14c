"""Fixtures for the browser tests: a private JupyterLab server, headless Chromium, and a notebook
opened and run the way a student does it (Run > Run All Cells).

The server runs on a free loopback port without a token, with its own config, data and runtime
folders and a copy of notebooks/, so a run never writes into the repository. Chromium is Debian's
(/usr/bin/chromium, or $NEWSKIT_CHROMIUM). Without it the tests skip with one line, except where
NEWSKIT_REQUIRE_BROWSER=1 (CI), where a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from labdriver import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    SCREENSHOTS_DIR,
    LabServer,
    NotebookRun,
    run_in_browser,
)

# Notebooks are tested by opening them in the browser, never collected from here by nbval.
collect_ignore_glob = ["*.ipynb"]


def _unavailable(reason: str) -> None:
    if os.environ.get("NEWSKIT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (NEWSKIT_REQUIRE_BROWSER=1: the browser tests must run here)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium driven by Playwright."""
    if not CHROMIUM.is_file():
        _unavailable(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("browser tests need the playwright package (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory, browser) -> Iterator[LabServer]:
    """A running ``jupyter lab`` serving a copy of notebooks/; stopped by its PID afterwards."""
    server = LabServer(tmp_path_factory.mktemp("jupyterlab"))
    server.prepare()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    """test-artifacts/screenshots/, emptied at the start of a run."""
    shutil.rmtree(SCREENSHOTS_DIR, ignore_errors=True)
    SCREENSHOTS_DIR.mkdir(parents=True)
    return SCREENSHOTS_DIR


@pytest.fixture(scope="module")
def notebook_run(request, browser, lab, screenshots_dir) -> Iterator[NotebookRun]:
    """The notebook named by the test's parameter, run in the browser (once per module)."""
    yield from run_in_browser(browser, lab, request.param, screenshots_dir)


def pytest_terminal_summary(terminalreporter) -> None:
    if NotebookRun.screenshots_taken:
        terminalreporter.write_line(
            f"browser tests: {len(NotebookRun.screenshots_taken)} screenshots in {SCREENSHOTS_DIR}"
        )
