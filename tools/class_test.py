"""The class test: a class of students on a JupyterHub on this machine (``make class-test``).

It builds the class that ``deploy/jupyterhub/`` describes and uses it as a class would:

1. creates N real system users (``nkclass01``...) with private homes and an instructor, in a
   throw-away folder, and starts the hub on 127.0.0.1 only, with free ports;
2. starts every student's server at the same moment through the hub's REST API (a service token),
   so the spawn limit and the timeouts are put to work;
3. runs notebook 01 in each student's server through the hub, over the kernel websocket: a
   session on ``course/01_anatomy_of_an_article.ipynb`` so the kernel works in the student's copy
   of the course, then every code cell in order, all students at once;
4. checks two exercises in each kernel (``kit.exercises.exercise(...).check()`` after setting an
   answer), each student answering differently, so every student's score is known;
5. verifies: each home holds its own progress file naming its own student (``$JUPYTERHUB_USER``);
   every kernel talks to its server over Unix sockets in its student's private runtime folder;
   no student's token or login cookie reaches another's server or files (403/404, and
   ``PermissionError`` from a kernel); the gradebook over the homes shows N students with the
   expected re-checked scores; no record lost; every ping of ``/hub/api`` under load answered.

Figures (start times, memory per student, slowest cell, ping latency) are printed and written to
``test-artifacts/class-test.json``. Everything it made is removed at the end, even after a failure
or Ctrl-C: servers through the hub, then the hub, then any process left running as a test user
(each by its PID), then the users, their homes and the folder.

Needs root, ``pip install -e '.[hub]'`` and ``npm install -g configurable-http-proxy``.
Options: ``--students N`` (20), ``--course FOLDER`` (default: made by ``python -m kit course
kerry-lavrov-moscow``), ``--keep`` (leave the folder for a look; users and
processes are still removed).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
SETUP = ROOT / "deploy" / "jupyterhub" / "setup_class.py"
NOTEBOOK = "01_anatomy_of_an_article.ipynb"
ARTICLE = "kerry-lavrov-moscow"
PREFIX = "nkclass"
INSTRUCTOR = "nkteacher"
DEADLINE = 15 * 60  # seconds: the whole test stops (and cleans up) after this

# Run in each student's kernel after notebook 01: two exercises, each checked twice as a student
# would (a first try, then their answer), through the widgets' own check().
EXERCISES = """
import json as _json
_scores = []
_lede = kit.exercises.exercise(art, key, "anatomy.lede")
for _answer in [{wrong!r}, {lede!r}]:
    _lede.inputs[0].value = _answer
    _scores.append(_lede.check().score)
_five_ws = kit.exercises.exercise(art, key, "anatomy.five_ws")
_scores.append(_five_ws.check().score)  # nothing chosen yet
for _dropdown, _item in zip(_five_ws.inputs, key["exercises"]["anatomy.five_ws"]["items"]):
    _dropdown.value = {five_ws!r}[_item["id"]]
_scores.append(_five_ws.check().score)
print(_json.dumps({{"scores": _scores, "student": kit.progress.student_id()}}))
"""


def load_setup():
    """deploy/jupyterhub/setup_class.py as a module (it is a script, not part of the kit)."""
    spec = importlib.util.spec_from_file_location("setup_class", SETUP)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def expected_answers(index: int, key: dict) -> tuple[str, dict, float, float]:
    """Student ``index``'s answers to the lede and the five Ws, and the scores they must get.

    Each student answers differently, so every student's score is known in advance: even
    students pick the right lede, odd ones a wrong one; student ``index`` gets ``index`` modulo
    (items + 1) of the five-Ws items right, the rest wrong.
    """
    lede_options = key["exercises"]["anatomy.lede"]["options"]
    right_lede = next(o["id"] for o in lede_options if o["correct"])
    wrong_lede = next(o["id"] for o in lede_options if not o["correct"])
    spec = key["exercises"]["anatomy.five_ws"]
    items = spec["items"]
    right = index % (len(items) + 1)
    five_ws = {}
    for number, item in enumerate(items):
        accepted = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
        wrong = next(choice for choice in spec["choices"] if choice not in accepted)
        five_ws[item["id"]] = accepted[0] if number < right else wrong
    lede = right_lede if index % 2 == 0 else wrong_lede
    return lede, five_ws, 1.0 if lede == right_lede else 0.0, right / len(items)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --------------------------------------------------------------------------------------------
# Results: each check passes or fails with a reason; figures go to the JSON report


class Report:
    def __init__(self) -> None:
        self.checks: list[tuple[str, bool, str]] = []
        self.figures: dict = {}

    def check(self, name: str, passed: bool, detail: str = "") -> bool:
        self.checks.append((name, bool(passed), detail))
        print(f"  {'PASS' if passed else 'FAIL'}  {name}{f': {detail}' if detail else ''}")
        return passed

    @property
    def failed(self) -> int:
        return sum(not passed for _name, passed, _detail in self.checks)


# --------------------------------------------------------------------------------------------
# Processes: found by the user they run as, ended by PID


def processes_of(uids: set[int]) -> list[tuple[int, int, str, int, float]]:
    """(pid, uid, command line, RSS in KiB, CPU seconds used) of every process running as one of
    ``uids``."""
    found = []
    ticks = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        uid = int(fields.get("Uid", "-1").split()[0])
        if uid in uids:
            rss = int(fields.get("VmRSS", "0 kB").split()[0])
            after_name = stat.rsplit(")", 1)[1].split()  # utime and stime: fields 14 and 15
            cpu = (int(after_name[11]) + int(after_name[12])) / ticks
            found.append((int(entry.name), uid, command.strip(), rss, cpu))
    return found


def end_process(pid: int, grace: float = 10.0) -> None:
    """SIGTERM ``pid``, then SIGKILL if it is still there after ``grace`` seconds."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    stop = time.monotonic() + grace
    while time.monotonic() < stop:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def open_for_students(setup) -> list[tuple[Path, int]]:
    """Let other users enter the folders on the way to this Python and this checkout (a CI
    machine keeps them under /root); returns the modes changed, to put back afterwards."""
    changed = []
    for folder in setup.closed_folders([*setup.needed_by_students(), ROOT]):
        mode = folder.stat().st_mode & 0o7777
        folder.chmod(mode | 0o001)
        changed.append((folder, mode))
    return changed


# --------------------------------------------------------------------------------------------
# The hub's REST API and the kernel websocket (tornado: it comes with Jupyter)


class Hub:
    def __init__(self, url: str, token: str) -> None:
        from tornado.httpclient import AsyncHTTPClient

        self.url = url
        self.token = token
        AsyncHTTPClient.configure(None, max_clients=64)
        self.client = AsyncHTTPClient()

    async def call(
        self, method: str, path: str, body=None, *, token: str | None = None, timeout: float = 60.0
    ):
        """(status, decoded JSON or text) of one request to the hub or a server behind it."""
        from tornado.httpclient import HTTPClientError

        try:
            response = await self.client.fetch(
                self.url + path,
                method=method,
                raise_error=True,
                follow_redirects=False,
                headers={"Authorization": f"token {token or self.token}"},
                body=None if body is None else json.dumps(body),
                allow_nonstandard_methods=True,
                request_timeout=timeout,
            )
        except HTTPClientError as error:
            response = error.response
            if response is None:
                return error.code, str(error)
        except OSError as error:  # not listening (yet, or any more)
            return 599, str(error)
        text = response.body.decode("utf-8", errors="replace") if response.body else ""
        try:
            return response.code, json.loads(text) if text else None
        except json.JSONDecodeError:
            return response.code, text


class Kernel:
    """A kernel in a student's server, driven over its websocket through the hub's proxy."""

    def __init__(self, connection, name: str) -> None:
        self.connection = connection
        self.session = uuid.uuid4().hex
        self.name = name

    @classmethod
    async def open(cls, hub: Hub, name: str, token: str, notebook: str) -> Kernel:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        status, session = await hub.call(
            "POST",
            f"/user/{name}/api/sessions",
            token=token,
            body={
                "path": notebook,
                "type": "notebook",
                "name": Path(notebook).name,
                "kernel": {"name": "python3"},
            },
            timeout=300,
        )
        if status != 201:
            raise RuntimeError(f"{name}: no kernel session ({status}: {session})")
        kernel_id = session["kernel"]["id"]
        url = hub.url.replace("http", "ws", 1) + f"/user/{name}/api/kernels/{kernel_id}/channels"
        # The server answers the handshake once the kernel is up: a minute or more under load.
        request = HTTPRequest(
            url,
            headers={"Authorization": f"token {token}"},
            connect_timeout=300,
            request_timeout=300,
        )
        connection = await websocket_connect(request, max_message_size=64 * 2**20)
        return cls(connection, name)

    async def run(self, code: str, what: str = "", timeout: float = 300.0) -> dict:
        """Execute ``code``; returns its status, stdout and error (if any), and its duration."""
        msg_id = uuid.uuid4().hex
        message = {
            "header": {
                "msg_id": msg_id,
                "msg_type": "execute_request",
                "username": self.name,
                "session": self.session,
                "date": "",
                "version": "5.3",
            },
            "parent_header": {},
            "metadata": {},
            "channel": "shell",
            "buffers": [],
            "content": {
                "code": code,
                "silent": False,
                "store_history": True,
                "user_expressions": {},
                "allow_stdin": False,
                "stop_on_error": True,
            },
        }
        started = time.monotonic()
        await self.connection.write_message(json.dumps(message))
        stdout, error, status, idle = [], None, None, False
        while status is None or not idle:
            raw = await asyncio.wait_for(self.connection.read_message(), timeout)
            if raw is None:  # the server closed it: its log says why (class-test-hub.log)
                code, reason = self.connection.close_code, self.connection.close_reason
                raise RuntimeError(
                    f"{self.name}: the kernel's websocket closed"
                    + (f" in {what}" if what else "")
                    + f" (close code {code}, {reason or 'no reason given'})"
                )
            if isinstance(raw, bytes):  # a binary frame (widgets' buffers): not ours
                continue
            reply = json.loads(raw)
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = reply["msg_type"], reply["content"]
            if kind == "stream" and content.get("name") == "stdout":
                stdout.append(content["text"])
            elif kind == "error":
                error = f"{content['ename']}: {content['evalue']}"
            elif kind == "execute_reply":
                status = content["status"]
            elif kind == "status" and content.get("execution_state") == "idle":
                idle = True
        return {
            "status": status,
            "stdout": "".join(stdout),
            "error": error,
            "seconds": time.monotonic() - started,
        }

    def close(self) -> None:
        self.connection.close()


# --------------------------------------------------------------------------------------------
# The steps


def make_course(folder: Path, report: Report) -> Path:
    """The course folder to hand out, made by ``python -m kit course`` (notebooks 00-05 run on the
    bundled article, with its key and reference files). Should that fail, the failure is reported
    and a plain copy of the notebooks, article, key and reference stands in for the rest."""
    command = [sys.executable, "-m", "kit", "course", ARTICLE, "-o", str(folder)]
    started = time.monotonic()
    made = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    report.figures["course_seconds"] = round(time.monotonic() - started, 1)
    if report.check(
        "python -m kit course made the course folder",
        made.returncode == 0 and (folder / NOTEBOOK).is_file(),
        (made.stderr or made.stdout).strip()[-300:] if made.returncode else "",
    ):
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for notebook in sorted((ROOT / "notebooks").glob("0*.ipynb")):
        shutil.copy2(notebook, folder / notebook.name)
    data = ROOT / "data"
    for source in [
        *data.glob("articles/kerry-lavrov-moscow.*"),
        data / "reference" / "kerry-lavrov-moscow.csv",
    ]:
        shutil.copy2(source, folder / source.name)
    shutil.copy2(
        data / "keys" / "kerry-lavrov-moscow.json", folder / "kerry-lavrov-moscow.key.json"
    )
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return folder


async def wait_for_hub(hub: Hub, process: subprocess.Popen, limit: float = 60.0) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if process.poll() is not None:
            raise RuntimeError(f"the hub stopped at start (exit {process.returncode})")
        status, _ = await hub.call("GET", "/hub/api/", timeout=5)
        if status == 200:
            return time.monotonic() - started
        await asyncio.sleep(0.3)
    raise RuntimeError(f"the hub did not answer within {limit:.0f} s")


async def start_server(hub: Hub, name: str, limit: float = 300.0) -> dict:
    """Ask the hub to start ``name``'s server (again after a 429 from the spawn limit) and wait
    until it is ready; returns the seconds it took and how many times the limit said wait."""
    started = time.monotonic()
    refused = 0
    while True:
        status, body = await hub.call("POST", f"/hub/api/users/{name}/server")
        if status in (201, 202, 400):  # 400: already starting or running
            break
        if status == 429:
            refused += 1
            await asyncio.sleep(2.0)
            continue
        raise RuntimeError(f"{name}: the hub refused to start the server ({status}: {body})")
    while time.monotonic() - started < limit:
        status, user = await hub.call("GET", f"/hub/api/users/{name}")
        server = (user or {}).get("servers", {}).get("") if status == 200 else None
        if server and server.get("ready"):
            return {"seconds": time.monotonic() - started, "refused_by_limit": refused}
        if status == 200 and not server and time.monotonic() - started > 5:
            raise RuntimeError(f"{name}: the server stopped while starting")
        await asyncio.sleep(1.0)
    raise RuntimeError(f"{name}: the server was not ready after {limit:.0f} s")


async def ping(hub: Hub, latencies: list, failures: list, stop: asyncio.Event) -> None:
    """Ask ``/hub/api`` every half second while the class works; record each answer's latency."""
    from tornado.httpclient import AsyncHTTPClient, HTTPClientError

    client = AsyncHTTPClient(force_instance=True)
    while not stop.is_set():
        started = time.monotonic()
        try:
            await client.fetch(hub.url + "/hub/api/", request_timeout=20)
            latencies.append(time.monotonic() - started)
        except (HTTPClientError, OSError) as error:
            failures.append(str(error))
        try:
            await asyncio.wait_for(stop.wait(), 0.5)
        except asyncio.TimeoutError:
            pass
    client.close()


async def work_as_student(hub, name, index, token, cells, homes, runtime, classmate, key) -> dict:
    """Notebook 01 cell by cell, two exercises checked, and three looks at a classmate's files
    (their home, their progress file, their kernels' sockets)."""
    kernel = await Kernel.open(hub, name, token, f"course/{NOTEBOOK}")
    try:
        timings = []
        for number, code in enumerate(cells, 1):
            result = await kernel.run(code, f"cell {number}")
            timings.append(result["seconds"])
            if result["status"] != "ok":
                raise RuntimeError(f"{name}: cell {number} of {NOTEBOOK}: {result['error']}")
        lede, five_ws, _, _ = expected_answers(index, key)
        wrong = expected_answers(1, key)[0]
        code = EXERCISES.format(wrong=wrong, lede=lede, five_ws=five_ws)
        checked = await kernel.run(code)
        if checked["status"] != "ok":
            raise RuntimeError(f"{name}: checking the exercises failed: {checked['error']}")
        peek = await kernel.run(
            "import json, os\n"
            "from ipykernel import get_connection_info\n"
            "print('TRANSPORT', json.loads(get_connection_info())['transport'])\n"
            f"for _path in [{str(homes / classmate)!r}, "
            f"{str(homes / classmate / 'course' / 'newskit_progress.jsonl')!r}, "
            f"{str(runtime / classmate)!r}]:\n"
            "    try:\n"
            "        os.listdir(_path) if os.path.isdir(_path) else open(_path).read()\n"
            "        print('READ', _path)\n"
            "    except PermissionError:\n"
            "        print('DENIED', _path)\n"
        )
        return {
            "cells": timings,
            "checked": json.loads(checked["stdout"].strip().splitlines()[-1]),
            "peek": peek["stdout"],
        }
    finally:
        kernel.close()


def login_cookie_checks(url: str, own: str, other: str) -> dict:
    """Log ``own`` in through the login page (the first login sets the password) and try to
    reach their own server's files and ``other``'s with the browser cookies alone."""
    import requests

    browser = requests.Session()
    browser.get(f"{url}/hub/login", timeout=30)
    password = secrets.token_urlsafe(12)
    reply = browser.post(
        f"{url}/hub/login",
        data={"username": own, "password": password, "_xsrf": browser.cookies.get("_xsrf", "")},
        timeout=60,
        allow_redirects=False,
    )
    logged_in = reply.status_code == 302 and "/login" not in reply.headers.get("Location", "")
    results = {"login": reply.status_code, "logged_in": logged_in}
    for label, name in (("own", own), ("other", other)):
        page = browser.get(f"{url}/user/{name}/lab", timeout=60)
        files = browser.get(f"{url}/user/{name}/api/contents/course", timeout=60)
        results[label] = {"page": page.status_code, "files": files.status_code}
    return results


# --------------------------------------------------------------------------------------------


async def run_class(args, report: Report, work: Path, setup, users: list[str]) -> None:
    import nbformat

    sys.path.insert(0, str(ROOT))
    from kit import keys as answer_keys
    from kit import progress

    course = Path(args.course).resolve() if args.course else make_course(work / "course", report)
    course_keys = sorted(course.glob("*.key.json"))
    key = answer_keys.load_key(course_keys[0] if course_keys else ARTICLE)
    homes = work / "homes"
    homes.mkdir(mode=0o755)
    roster = work / "roster.txt"
    roster.write_text("\n".join(users) + "\n", encoding="utf-8")
    started = time.monotonic()
    for name in [*users, INSTRUCTOR]:
        setup.create_user(name, homes)
    report.figures["create_users_seconds"] = round(time.monotonic() - started, 1)

    port = free_port()
    token = secrets.token_hex(32)
    environment = setup.hub_environment(
        state=work / "state",
        course=course,
        roster=roster,
        instructor=INSTRUCTOR,
        ip="127.0.0.1",
        port=port,
        NEWSKIT_HUB_SERVICE_TOKEN=token,
        NEWSKIT_HUB_API_PORT=free_port(),
        NEWSKIT_PROXY_API_PORT=free_port(),
        NEWSKIT_RUNTIME=work / "run",
    )
    log = open(work / "hub.log", "wb")  # closed in clean_up
    hub_process = subprocess.Popen(
        setup.hub_command(),
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=work,
        start_new_session=True,
    )
    report.hub_process, report.hub_log = hub_process, log
    hub = Hub(f"http://127.0.0.1:{port}", token)
    report.figures["hub_start_seconds"] = round(await wait_for_hub(hub, hub_process), 1)

    latencies: list[float] = []
    ping_failures: list[str] = []
    stop = asyncio.Event()
    pinger = asyncio.create_task(ping(hub, latencies, ping_failures, stop))
    try:
        # 1. every server at once
        print(f"Starting {len(users)} servers at once...")
        started = time.monotonic()
        starts = await asyncio.gather(
            *(start_server(hub, name) for name in users), return_exceptions=True
        )
        report.figures["all_servers_ready_seconds"] = round(time.monotonic() - started, 1)
        failed = [str(s) for s in starts if isinstance(s, BaseException)]
        good = [s for s in starts if not isinstance(s, BaseException)]
        report.check("every server started through the hub", not failed, "; ".join(failed[:3]))
        if good:
            seconds = sorted(s["seconds"] for s in good)
            report.figures["server_start_seconds"] = {
                "min": round(seconds[0], 1),
                "median": round(statistics.median(seconds), 1),
                "max": round(seconds[-1], 1),
                "told_to_wait_by_spawn_limit": sum(s["refused_by_limit"] for s in good),
            }
        if failed:
            return
        homes_ok = [(homes / n / "course" / NOTEBOOK).is_file() for n in users]
        report.check(
            "each home got the course folder", all(homes_ok), f"{sum(homes_ok)} of {len(users)}"
        )

        # 2. a token per student, made by the service
        tokens = {}
        for name in users:
            status, body = await hub.call(
                "POST",
                f"/hub/api/users/{name}/tokens",
                body={"note": "class test", "expires_in": 3600},
            )
            tokens[name] = body["token"] if status in (200, 201) else None
        report.check("a token for every student", all(tokens.values()))

        # 3. notebook 01 and two exercises in every server, all at once
        notebook = nbformat.read(course / NOTEBOOK, as_version=4)
        cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
        print(f"Running {NOTEBOOK} ({len(cells)} code cells) in {len(users)} kernels at once...")
        started = time.monotonic()
        worked = await asyncio.gather(
            *(
                work_as_student(
                    hub,
                    name,
                    i,
                    tokens[name],
                    cells,
                    homes,
                    work / "run",
                    users[(i + 1) % len(users)],
                    key,
                )
                for i, name in enumerate(users)
            ),
            return_exceptions=True,
        )
        report.figures["notebook_all_students_seconds"] = round(time.monotonic() - started, 1)
        errors = [str(w) for w in worked if isinstance(w, BaseException)]
        report.check(f"{NOTEBOOK} ran in every student's kernel", not errors, "; ".join(errors[:3]))
        done = {n: w for n, w in zip(users, worked) if not isinstance(w, BaseException)}
        if done:
            slowest = max(
                (
                    (max(w["cells"]), w["cells"].index(max(w["cells"])) + 1, n)
                    for n, w in done.items()
                )
            )
            report.figures["slowest_cell_under_load"] = {
                "seconds": round(slowest[0], 2),
                "cell": slowest[1],
                "student": slowest[2],
                "notebook": NOTEBOOK,
            }
            report.figures["median_notebook_seconds"] = round(
                statistics.median(sum(w["cells"]) for w in done.values()), 1
            )
        wrong_scores = []
        for i, name in enumerate(users):
            if name not in done:
                continue
            _lede, _ws, lede_score, five_ws_score = expected_answers(i, key)
            got = done[name]["checked"]
            if got["scores"] != [0.0, lede_score, 0.0, five_ws_score] or got["student"] != name:
                wrong_scores.append(f"{name}: {got}")
        report.check(
            "each kernel's check gave the expected score, as its own student",
            not wrong_scores and len(done) == len(users),
            "; ".join(wrong_scores[:3]),
        )

        # 4. memory, with every student's server and one kernel running
        uids = {__import__("pwd").getpwnam(n).pw_uid: n for n in users}
        server_rss, kernel_rss, cpu = {}, {}, {}
        for _pid, uid, command, rss, seconds in processes_of(set(uids)):
            cpu[uids[uid]] = cpu.get(uids[uid], 0) + seconds
            target = kernel_rss if "ipykernel" in command else server_rss
            target[uids[uid]] = target.get(uids[uid], 0) + rss
        if server_rss:
            per_student = [(server_rss.get(n, 0) + kernel_rss.get(n, 0)) / 1024 for n in users]
            report.figures["memory_per_student_mib"] = {
                "server_median": round(statistics.median(server_rss.values()) / 1024),
                "kernel_median": round(statistics.median(kernel_rss.values() or [0]) / 1024),
                "total_median": round(statistics.median(per_student)),
                "total_max": round(max(per_student)),
                "class_total_gib": round(sum(per_student) / 1024, 2),
            }
            # CPU the student's server and kernel used so far (start, notebook 01, two checks):
            # a figure that does not depend on what else the machine was doing.
            report.figures["cpu_seconds_per_student"] = {
                "median": round(statistics.median(cpu.values()), 1),
                "max": round(max(cpu.values()), 1),
            }

        # 5. isolation: files from a kernel, servers and the hub with another's token and cookie
        leaks = [f"{n}: {w['peek'].strip()}" for n, w in done.items() if "READ" in w["peek"]]
        denied = sum(w["peek"].count("DENIED") for w in done.values())
        on_tcp = [n for n, w in done.items() if "TRANSPORT ipc" not in w["peek"]]
        report.check(
            "every kernel talks to its server over sockets in its student's private folder",
            bool(done) and not on_tcp,
            f"not on ipc: {', '.join(on_tcp[:3])}" if on_tcp else "",
        )
        report.check(
            "no kernel can read a classmate's home, progress file or kernel sockets",
            not leaks and denied == 3 * len(done),
            "; ".join(leaks[:3]),
        )
        crossing = []
        for i, name in enumerate(users):
            other = users[(i + 1) % len(users)]
            own_status, _ = await hub.call(
                "GET", f"/user/{name}/api/contents/course", token=tokens[name]
            )
            for path in (
                f"/user/{other}/api/contents/course",
                f"/user/{other}/api/kernels",
                f"/hub/api/users/{other}",
            ):
                status, _ = await hub.call("GET", path, token=tokens[name])
                if status not in (403, 404):
                    crossing.append(f"{name} -> {path}: {status}")
            if own_status != 200:
                crossing.append(f"{name} cannot read own files: {own_status}")
        report.check(
            "a student's token reads their own server only (403/404 elsewhere)",
            not crossing,
            "; ".join(crossing[:3]),
        )
        cookies = await asyncio.to_thread(login_cookie_checks, hub.url, users[0], users[1])
        report.check(
            "a student's login cookie reads their own server only",
            cookies["logged_in"]
            and cookies["own"]["files"] == 200
            and cookies["other"]["page"] in (403, 404)
            and cookies["other"]["files"] in (403, 404),
            json.dumps(cookies),
        )
    finally:
        stop.set()
        await pinger

    # 6. the files in the homes, and the gradebook over them
    wrong_files = []
    for name in users:
        path = homes / name / "course" / progress.FILENAME
        if not path.is_file():
            wrong_files.append(f"{name}: no progress file")
            continue
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        owner = __import__("pwd").getpwuid(path.stat().st_uid).pw_name
        if len(lines) != 4 or {entry["student"] for entry in lines} != {name} or owner != name:
            wrong_files.append(
                f"{name}: {len(lines)} records, students "
                f"{sorted({e['student'] for e in lines})}, owner {owner}"
            )
    report.check(
        "every home has its own progress file, 4 records, the right student, owned by them",
        not wrong_files,
        "; ".join(wrong_files[:3]),
    )
    keys = course if course_keys else None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = progress.gradebook(homes, keys=keys)
    notes = list(progress.iter_warnings(caught))
    wrong_book = []
    for i, name in enumerate(users):
        _lede, _ws, lede_score, five_ws_score = expected_answers(i, key)
        rows = book[book["student"] == name].set_index("exercise")
        want = {"anatomy.lede": (2, lede_score), "anatomy.five_ws": (2, five_ws_score)}
        for exercise, (attempts, score) in want.items():
            if exercise not in rows.index:
                wrong_book.append(f"{name} {exercise}: missing")
                continue
            got = rows.loc[exercise]
            if (got["attempts"], got["best_score"], got["status"]) != (attempts, score, "checked"):
                wrong_book.append(
                    f"{name} {exercise}: {got['attempts']} attempts, {got['best_score']}, "
                    f"{got['status']}"
                )
    report.check(
        f"the gradebook over the homes shows {len(users)} students with the expected scores",
        book["student"].nunique() == len(users) and not wrong_book and not notes,
        "; ".join([*wrong_book[:3], *notes[:2]]),
    )
    report.figures["gradebook_rows"] = len(book)
    book.to_csv(ARTIFACTS / "class-test-gradebook.csv", index=False)

    # 7. the hub stayed responsive
    report.figures["hub_ping_seconds"] = {
        "count": len(latencies),
        "median": round(statistics.median(latencies), 3) if latencies else None,
        "max": round(max(latencies), 3) if latencies else None,
    }
    report.check(
        "every ping of /hub/api under load was answered",
        latencies and not ping_failures,
        f"{len(ping_failures)} unanswered of {len(latencies) + len(ping_failures)}",
    )


def clean_up(report: Report, work: Path, setup, users: list[str], opened) -> None:
    """Take everything down, each step on its own so one failure does not stop the next."""
    import pwd

    hub_process = getattr(report, "hub_process", None)
    uids = set()
    for name in [*users, INSTRUCTOR]:
        try:
            uids.add(pwd.getpwnam(name).pw_uid)
        except KeyError:
            pass
    if hub_process is not None and hub_process.poll() is None:
        end_process(hub_process.pid, grace=20)  # the hub stops the servers it started
    if getattr(report, "hub_log", None) is not None:
        report.hub_log.close()
    proxy_pid = work / "state" / "jupyterhub-proxy.pid"
    if proxy_pid.is_file():
        try:
            end_process(int(proxy_pid.read_text().strip()))
        except ValueError:
            pass
    for pid, *_rest in processes_of(uids):
        end_process(pid, grace=5)
    left = processes_of(uids)
    report.check(
        "no process left running as a test user", not left, ", ".join(str(p[0]) for p in left)
    )
    for name in [*users, INSTRUCTOR]:
        try:
            setup.remove_user(name)
        except SystemExit as refusal:
            print(f"  note: {refusal}")
    for folder, mode in opened:
        folder.chmod(mode)
    report.check("every test user removed", not any(setup.user_exists(n) for n in users))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--course", help="a course folder (default: python -m kit course)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder for a look")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("The class test creates system users: run it as root.", file=sys.stderr)
        return 2
    setup = load_setup()
    users = [f"{PREFIX}{n:02d}" for n in range(1, args.students + 1)]
    for name in [*users, INSTRUCTOR]:
        if setup.user_exists(name):
            if not setup.made_by_setup(name):
                print(f"User {name} exists and is not a test user: stopping.", file=sys.stderr)
                return 2
            setup.remove_user(name)  # left over from an interrupted run
    opened = open_for_students(setup)
    try:
        setup.check_ready(args.course)
    except SystemExit as missing:
        print(f"class test: {missing}", file=sys.stderr)
        for folder, mode in opened:
            folder.chmod(mode)
        return 2
    ARTIFACTS.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="newskit-class-"))
    work.chmod(0o755)
    report = Report()
    report.figures |= {"students": len(users), "cores": os.cpu_count()}
    began = time.monotonic()

    def interrupted(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, interrupted)
    print(f"Class test: {len(users)} students, work folder {work}")
    try:
        asyncio.run(asyncio.wait_for(run_class(args, report, work, setup, users), DEADLINE))
    except (Exception, KeyboardInterrupt, asyncio.TimeoutError) as error:
        report.check("the class test ran to the end", False, f"{type(error).__name__}: {error}")
    finally:
        clean_up(report, work, setup, users, opened)
        if (work / "hub.log").is_file():
            shutil.copy2(work / "hub.log", ARTIFACTS / "class-test-hub.log")
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    report.figures["test_seconds"] = round(time.monotonic() - began, 1)
    passed = len(report.checks) - report.failed
    summary = {
        "passed": passed,
        "failed": report.failed,
        "figures": report.figures,
        "checks": [{"check": n, "passed": p, "detail": d} for n, p, d in report.checks],
    }
    (ARTIFACTS / "class-test.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(report.figures, indent=2))
    print(f"Figures in {ARTIFACTS / 'class-test.json'}")
    print(f"{passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
