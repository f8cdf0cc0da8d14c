"""JupyterHub for one class on one server: every student their own system user and a copy of the
course.

Start it with ``deploy/jupyterhub/start-class.sh`` (it creates the students' users, then runs
``jupyterhub -f`` this file); every setting below that a class may need to change is read from an
environment variable the script sets:

==========================  =================================================  =================
variable                    what it sets                                       default
==========================  =================================================  =================
NEWSKIT_COURSE              the course folder copied into each new home        (none: no copy)
                            (``python -m kit course ARTICLE -o FOLDER``)
NEWSKIT_ROSTER              a file with one student user name per line: only   (anyone with a
                            they (and the instructor) may log in               system user)
NEWSKIT_INSTRUCTOR          the instructor's user name: the hub's admin        (no admin)
NEWSKIT_HUB_STATE           the hub's own files: database, cookie secret,      /srv/newskit-hub
                            first-use passwords
NEWSKIT_HUB_IP / _PORT      where the hub listens                              127.0.0.1 / 8000
NEWSKIT_HUB_API_PORT        the hub's own API (on 127.0.0.1)                   8081
NEWSKIT_PROXY_API_PORT      the proxy's API (on 127.0.0.1)                     8001
NEWSKIT_HUB_SERVICE_TOKEN   a token for scripts (collecting, the class test)   (no such service)
NEWSKIT_SPAWN_LIMIT         servers starting at the same moment                10
NEWSKIT_IDLE_SERVER         seconds before an idle server is stopped           3600
NEWSKIT_IDLE_KERNEL         seconds before an idle kernel is shut down         1200
NEWSKIT_RUNTIME             a private folder per student for their server's    /run/newskit
                            runtime files and their kernels' sockets
==========================  =================================================  =================

Choices, and why:

- **Spawner**: ``LocalProcessSpawner`` runs each server as the student's own system user, so a
  student cannot read another's files (homes are ``0700``). The hub runs as root to switch users.
- **Authenticator**: ``FirstUseAuthenticator`` (``jupyterhub-firstuseauthenticator`` on PyPI):
  each student picks a password the first time they log in; only names on the roster may. Hand
  out the user names, and ask everyone to log in during the first lesson (a name nobody claimed
  can be claimed by anyone who knows it). Reset a password by deleting the name from
  ``passwords.dbm`` in the state folder.
- **Timeouts**: a whole class logging in at once makes servers slow to start. JupyterHub's
  defaults (30 s, 60 s) failed most of 20 simultaneous starts on a 2-core machine; 90 s and 120 s
  did not. At most ``NEWSKIT_SPAWN_LIMIT`` servers start at once: the others are told to retry.
- **Memory**: a server and one kernel take about 0.3 GiB per student (135 MiB and 201 MiB
  measured by the class test); every notebook a student leaves open keeps a kernel. Idle
  kernels are shut down by each server, idle servers by ``jupyterhub-idle-culler``; a student's
  files stay.
- **Course folder**: copied into ``~/course`` the first time a student's server starts (never
  over their work later), owned by the student.
- **Ports**: each student's server listens on 127.0.0.1 at ``NEWSKIT_PORT_BASE`` (10000) plus
  their uid modulo 20000, not a random port (see ``prepare_server``).
- **Kernels talk to their server over Unix sockets** (``KernelManager.transport=ipc``) in the
  student's own ``0700`` runtime folder, not over TCP ports on 127.0.0.1. With TCP, every server
  picks five free ports per kernel and releases them for the kernel to take: when a class opens
  its first notebook at once, another student's kernel can take a port in between, and the
  kernel dies at start with "Address already in use" (the class test saw this lose one student
  in two runs). TCP ports are also open to every user of the machine: a classmate could listen
  to a kernel's output channel. A socket in a private folder can do neither.
"""

from __future__ import annotations

import os
import pwd
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub provides get_config when it reads this file)

STATE = Path(os.environ.get("NEWSKIT_HUB_STATE", "/srv/newskit-hub"))
STATE.mkdir(parents=True, exist_ok=True, mode=0o700)
COURSE = os.environ.get("NEWSKIT_COURSE", "")
INSTRUCTOR = os.environ.get("NEWSKIT_INSTRUCTOR", "").strip()
ROSTER = os.environ.get("NEWSKIT_ROSTER", "")
IDLE_SERVER = int(os.environ.get("NEWSKIT_IDLE_SERVER", "3600"))
IDLE_KERNEL = int(os.environ.get("NEWSKIT_IDLE_KERNEL", "1200"))
RUNTIME = Path(os.environ.get("NEWSKIT_RUNTIME", "/run/newskit"))

# --- where the hub listens, and where it keeps its files -------------------------------------
c.JupyterHub.ip = os.environ.get("NEWSKIT_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("NEWSKIT_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"  # the hub's own API: only the proxy and servers need it
c.JupyterHub.hub_port = int(os.environ.get("NEWSKIT_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = (
    f"http://127.0.0.1:{int(os.environ.get('NEWSKIT_PROXY_API_PORT', '8001'))}"
)
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
if os.environ.get("NEWSKIT_HUB_SSL_CERT"):  # HTTPS straight from the hub (else: behind a proxy)
    c.JupyterHub.ssl_cert = os.environ["NEWSKIT_HUB_SSL_CERT"]
    c.JupyterHub.ssl_key = os.environ["NEWSKIT_HUB_SSL_KEY"]

# --- who may log in ----------------------------------------------------------------------------
c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
c.FirstUseAuthenticator.dbm_path = str(STATE / "passwords.dbm")
c.FirstUseAuthenticator.create_users = False  # the set-up creates the system users
c.FirstUseAuthenticator.min_password_length = 8
if ROSTER:
    students = {
        line.strip()
        for line in Path(ROSTER).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    }
    c.Authenticator.allowed_users = students | ({INSTRUCTOR} if INSTRUCTOR else set())
else:
    c.Authenticator.allow_all = True  # any system user who can log in
if INSTRUCTOR:
    c.Authenticator.admin_users = {INSTRUCTOR}

# --- one system user per student ---------------------------------------------------------------
c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.cmd = [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/lab/tree/course/00_start_here.ipynb" if COURSE else "/lab"
c.Spawner.http_timeout = 90  # seconds for a started server to answer
c.Spawner.start_timeout = 120  # seconds for a server process to start
c.JupyterHub.concurrent_spawn_limit = int(os.environ.get("NEWSKIT_SPAWN_LIMIT", "10"))
# Idle kernels: each server shuts down a kernel that has done nothing for IDLE_KERNEL seconds
# (even with its notebook open in a browser tab), checking every two minutes.
c.Spawner.args = [
    f"--MappingKernelManager.cull_idle_timeout={IDLE_KERNEL}",
    "--MappingKernelManager.cull_interval=120",
    "--MappingKernelManager.cull_connected=True",
    # Kernels on Unix sockets in the student's runtime folder (see "Kernels talk..." above).
    "--KernelManager.transport=ipc",
    "--LabApp.news_url=",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
]

# --- idle servers: stopped by the culler after IDLE_SERVER seconds -----------------------------
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={IDLE_SERVER}"],
    }
]
if os.environ.get("NEWSKIT_HUB_SERVICE_TOKEN"):
    # A service for scripts run by the instructor: start and stop servers, make students' tokens.
    c.JupyterHub.services.append(
        {"name": "class-admin", "api_token": os.environ["NEWSKIT_HUB_SERVICE_TOKEN"]}
    )
    c.JupyterHub.load_roles.append(
        {
            "name": "class-admin",
            "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "read:hub"],
            "services": ["class-admin"],
        }
    )


# --- the course: copied into each new student's home ---------------------------------------------
def hand_out_course(spawner) -> None:
    """Copy the course folder into ``~/course`` the first time, owned by the student.

    A student's own ``~/course`` is never overwritten: their answers and notes stay.
    """
    if not COURSE:
        return
    source = Path(COURSE)
    if not source.is_dir():
        spawner.log.warning("Course folder %s is missing: nothing handed out.", source)
        return
    user = pwd.getpwnam(spawner.user.name)
    home = Path(user.pw_dir)
    target = home / "course"
    if target.exists():
        return
    partial = home / ".course-copying"
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(source, partial, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    for root, dirs, files in os.walk(partial):
        for name in [root, *(os.path.join(root, item) for item in dirs + files)]:
            os.chown(name, user.pw_uid, user.pw_gid)
    partial.rename(target)
    spawner.log.info("Handed out %s to %s.", source, spawner.user.name)


# --- each student's server on a port of its own ------------------------------------------------
# The spawner's default is a random free port, chosen then released: with a class starting at
# once, another process can take it in between (the class test saw it happen), and the hub then
# talks to the wrong server. A port from the student's uid, below the range the system hands out
# for outgoing connections (32768 and up), cannot collide with another student's.
PORT_BASE = int(os.environ.get("NEWSKIT_PORT_BASE", "10000"))


# --- each student's runtime folder: their kernels' sockets ------------------------------------
# A Unix socket's path must fit in 107 bytes; a kernel's is the runtime folder plus 50
# characters ("/kernel-" + its 36-character id + "-ipc-5"). ~/.local/share/jupyter/runtime
# is too long for homes deeper than about 20 characters, so the folders live under RUNTIME.
SOCKET_PATH_LIMIT = 107
KERNEL_SOCKET_NAME = len("/kernel-") + 36 + len("-ipc-5")


def runtime_folder(spawner, account) -> Path:
    """``RUNTIME/<student>``: made for the student, ``0700``, inside a folder only root writes
    to (``0711``: a student can enter their own folder but not list the others)."""
    RUNTIME.mkdir(parents=True, exist_ok=True)
    os.chmod(RUNTIME, 0o711)
    folder = RUNTIME / spawner.user.name
    if len(str(folder)) + KERNEL_SOCKET_NAME > SOCKET_PATH_LIMIT:
        raise ValueError(
            f"NEWSKIT_RUNTIME={RUNTIME} is too long for kernel sockets: a socket path must fit "
            f"in {SOCKET_PATH_LIMIT} bytes; choose a shorter folder, such as /run/newskit"
        )
    if folder.is_symlink():
        folder.unlink()  # only root can have put it there; never follow it
    folder.mkdir(mode=0o700, exist_ok=True)
    os.chown(folder, account.pw_uid, account.pw_gid)
    os.chmod(folder, 0o700)
    return folder


def prepare_server(spawner) -> None:
    """Before a student's server starts: give it its own port and its own runtime folder, and
    hand out the course."""
    account = pwd.getpwnam(spawner.user.name)
    spawner.port = PORT_BASE + account.pw_uid % 20000
    spawner.environment = {
        **spawner.environment,
        "JUPYTER_RUNTIME_DIR": str(runtime_folder(spawner, account)),
    }
    hand_out_course(spawner)


c.Spawner.pre_spawn_hook = prepare_server
