"""The class's JupyterHub set-up, without starting a hub (``make class-test`` starts one)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import tempfile
import types
import uuid
from pathlib import Path

import pytest
from traitlets.config import Config

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "jupyterhub"


def load_setup():
    spec = importlib.util.spec_from_file_location("setup_class", DEPLOY / "setup_class.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def short_folder():
    """A folder with a short path (pytest's own are too long for a Unix socket's 107 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="nk"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def load_config(tmp_path, monkeypatch, **environment) -> tuple[Config, dict]:
    """Read jupyterhub_config.py as JupyterHub does; returns the config and its namespace."""
    monkeypatch.setenv("NEWSKIT_HUB_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("NEWSKIT_RUNTIME", str(tmp_path / "run"))
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    config = Config()
    namespace = {"get_config": lambda: config, "__file__": str(DEPLOY / "jupyterhub_config.py")}
    source = (DEPLOY / "jupyterhub_config.py").read_text(encoding="utf-8")
    exec(compile(source, "jupyterhub_config.py", "exec"), namespace)
    return config, namespace


def test_the_roster_is_read_one_name_a_line(tmp_path):
    roster = tmp_path / "students.txt"
    roster.write_text("ada\n\n# the second group\nbo  # sits at the back\nada\n", encoding="utf-8")
    assert load_setup().read_roster(roster) == ["ada", "bo"]


@pytest.mark.parametrize("name", ["Ada", "ada lovelace", "1ada", "ada/../root", "a" * 33])
def test_a_name_that_is_not_a_user_name_is_refused_with_its_line(tmp_path, name):
    roster = tmp_path / "students.txt"
    roster.write_text(f"bo\n{name}\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="line 2: .* is not a user name"):
        load_setup().read_roster(roster)


def test_the_config_survives_a_whole_class_logging_in(tmp_path, monkeypatch):
    roster = tmp_path / "students.txt"
    roster.write_text("ada\nbo\n", encoding="utf-8")
    config, _ = load_config(
        tmp_path, monkeypatch, NEWSKIT_ROSTER=str(roster), NEWSKIT_INSTRUCTOR="teacher"
    )
    assert config.Spawner.http_timeout == 90
    assert config.Spawner.start_timeout == 120
    assert config.JupyterHub.concurrent_spawn_limit == 10
    assert config.JupyterHub.spawner_class.endswith("LocalProcessSpawner")
    assert config.Authenticator.allowed_users == {"ada", "bo", "teacher"}
    assert config.Authenticator.admin_users == {"teacher"}
    assert config.JupyterHub.ip == "127.0.0.1"
    culler = [s for s in config.JupyterHub.services if s["name"] == "idle-culler"]
    assert culler and "jupyterhub_idle_culler" in culler[0]["command"]
    assert any("cull_idle_timeout=1200" in arg for arg in config.Spawner.args)
    assert not any(s["name"] == "class-admin" for s in config.JupyterHub.services)
    assert (tmp_path / "state").stat().st_mode & 0o077 == 0  # the hub's secrets: root only


def test_the_course_is_handed_out_once_and_never_over_a_students_work(
    tmp_path, monkeypatch, short_folder
):
    course = tmp_path / "course-to-hand-out"
    course.mkdir()
    (course / "01_anatomy_of_an_article.ipynb").write_text("{}", encoding="utf-8")
    (course / ".ipynb_checkpoints").mkdir()
    config, namespace = load_config(
        tmp_path, monkeypatch, NEWSKIT_COURSE=str(course), NEWSKIT_RUNTIME=str(short_folder)
    )
    home = tmp_path / "home" / "ada"
    home.mkdir(parents=True)
    account = types.SimpleNamespace(pw_dir=str(home), pw_uid=os.getuid(), pw_gid=os.getgid())
    account_of = {"ada": account, "bo": types.SimpleNamespace(pw_uid=1002)}
    namespace["pwd"] = types.SimpleNamespace(getpwnam=account_of.get)
    spawner = types.SimpleNamespace(
        user=types.SimpleNamespace(name="ada"),
        log=types.SimpleNamespace(info=print, warning=print),
        environment={},
    )
    hook = config.Spawner.pre_spawn_hook
    hook(spawner)
    handed_out = home / "course" / "01_anatomy_of_an_article.ipynb"
    assert handed_out.read_text(encoding="utf-8") == "{}"
    assert not (home / "course" / ".ipynb_checkpoints").exists()
    handed_out.write_text('{"my": "work"}', encoding="utf-8")
    hook(spawner)
    assert handed_out.read_text(encoding="utf-8") == '{"my": "work"}'
    assert config.Spawner.default_url == "/lab/tree/course/00_start_here.ipynb"
    assert spawner.port == 10000 + os.getuid() % 20000


def test_each_student_gets_a_port_of_their_own_below_the_ephemeral_range(
    tmp_path, monkeypatch, short_folder
):
    config, namespace = load_config(tmp_path, monkeypatch, NEWSKIT_RUNTIME=str(short_folder))
    accounts = {
        f"s{uid}": types.SimpleNamespace(pw_uid=uid, pw_gid=uid) for uid in range(1000, 1100)
    }
    namespace["pwd"] = types.SimpleNamespace(getpwnam=accounts.get)
    namespace["os"] = types.SimpleNamespace(**{**vars(os), "chown": lambda *_: None})  # fake uids
    ports = set()
    for name in accounts:
        spawner = types.SimpleNamespace(
            user=types.SimpleNamespace(name=name), port=0, environment={}
        )
        config.Spawner.pre_spawn_hook(spawner)
        ports.add(spawner.port)
    assert len(ports) == 100 and max(ports) < 32768


def test_kernels_use_sockets_in_a_private_runtime_folder_not_tcp_ports(
    tmp_path, monkeypatch, short_folder
):
    runtime = short_folder / "run"
    config, namespace = load_config(tmp_path, monkeypatch, NEWSKIT_RUNTIME=str(runtime))
    assert "--KernelManager.transport=ipc" in config.Spawner.args
    me = types.SimpleNamespace(pw_uid=os.getuid(), pw_gid=os.getgid())
    namespace["pwd"] = types.SimpleNamespace(getpwnam=lambda name: me)
    for name in ("ada", "bo"):
        spawner = types.SimpleNamespace(
            user=types.SimpleNamespace(name=name), port=0, environment={"KEEP": "1"}
        )
        config.Spawner.pre_spawn_hook(spawner)
        folder = Path(spawner.environment["JUPYTER_RUNTIME_DIR"])
        assert folder == runtime / name and spawner.environment["KEEP"] == "1"
        assert folder.stat().st_mode & 0o777 == 0o700
        assert folder.stat().st_uid == os.getuid()
        # the longest socket a kernel makes there can be bound
        with socket.socket(socket.AF_UNIX) as kernel_socket:
            kernel_socket.bind(str(folder / f"kernel-{uuid.uuid4()}-ipc-5"))
    assert runtime.stat().st_mode & 0o777 == 0o711  # enter your own folder, list no one's


def test_a_runtime_folder_too_long_for_kernel_sockets_is_refused_with_a_way_out(
    tmp_path, monkeypatch
):
    deep = tmp_path / ("x" * 80)
    with pytest.raises(OSError, match="too long"), socket.socket(socket.AF_UNIX) as kernel_socket:
        kernel_socket.bind(str(deep / f"kernel-{uuid.uuid4()}-ipc-5"))  # what a kernel would hit
    config, namespace = load_config(tmp_path, monkeypatch, NEWSKIT_RUNTIME=str(deep))
    me = types.SimpleNamespace(pw_uid=os.getuid(), pw_gid=os.getgid())
    namespace["pwd"] = types.SimpleNamespace(getpwnam=lambda name: me)
    spawner = types.SimpleNamespace(user=types.SimpleNamespace(name="ada"), port=0, environment={})
    with pytest.raises(ValueError, match="too long for kernel sockets.*shorter folder"):
        config.Spawner.pre_spawn_hook(spawner)
