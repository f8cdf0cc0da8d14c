"""Set up and start a class on JupyterHub, on one server, in one command (run it as root):

    sudo .venv/bin/python deploy/jupyterhub/setup_class.py \\
        --roster students.txt --instructor teacher --course course/

It creates a system user for every name on the roster (one name per line) and for the
instructor, each with a home of their own that no one else can read (``0700``), then runs
JupyterHub with ``jupyterhub_config.py`` beside this file. Students log in at
``http://SERVER:8000`` with their user name and choose a password the first time; the course
folder (made by ``python -m kit course ARTICLE -o course/``) is copied into each home when the
student's server first starts.

``--remove`` deletes the roster's users and their homes instead (the end of a course: collect the
gradebook first). Users that existed before the set-up are never touched by either.

The class test (``make class-test``) uses the functions below to build and take down a class of
20 on this machine.
"""

from __future__ import annotations

import argparse
import os
import pwd
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "jupyterhub_config.py"
# A user name that every Linux tool accepts: lower case, digits, '_' and '-', up to 32 characters.
NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")
# The mark in the user's comment field that says the set-up made this user (and may remove it).
MARK = "newskit class"


def read_roster(path: str | Path) -> list[str]:
    """The user names in a roster file: one a line; blank lines and ``#`` comments are skipped."""
    names = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        name = line.split("#", 1)[0].strip()
        if not name:
            continue
        if not NAME.fullmatch(name):
            raise SystemExit(
                f"{path}, line {number}: {name!r} is not a user name (use lower case letters, "
                "digits, '_' and '-', starting with a letter; at most 32 characters)."
            )
        names.append(name)
    if not names:
        raise SystemExit(f"{path}: the roster names no students.")
    return list(dict.fromkeys(names))


def user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def made_by_setup(name: str) -> bool:
    """Whether ``name`` is a user this set-up created (its comment field carries the mark)."""
    try:
        return pwd.getpwnam(name).pw_gecos == MARK
    except KeyError:
        return False


def create_user(name: str, home_root: str | Path = "/home") -> bool:
    """Create system user ``name`` with a private home below ``home_root``; ``False`` if it
    already existed (then it is left as it is, apart from making sure its home is ``0700``)."""
    if not NAME.fullmatch(name):
        raise ValueError(f"{name!r} is not a user name.")
    created = False
    if not user_exists(name):
        home = Path(home_root) / name
        subprocess.run(
            ["useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/bash",
             "--user-group", "--comment", MARK, name],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        created = True
    home = Path(pwd.getpwnam(name).pw_dir)
    if home.is_dir():
        home.chmod(0o700)
    return created


def remove_user(name: str) -> None:
    """Delete a user this set-up created, with its home. Other users are refused."""
    if not user_exists(name):
        return
    if not made_by_setup(name):
        raise SystemExit(f"{name} was not created by this set-up: left alone.")
    home = Path(pwd.getpwnam(name).pw_dir)
    subprocess.run(["userdel", name], check=False, capture_output=True)
    shutil.rmtree(home, ignore_errors=True)


def hub_environment(
    *,
    state: str | Path,
    course: str | Path | None = None,
    roster: str | Path | None = None,
    instructor: str | None = None,
    ip: str = "127.0.0.1",
    port: int = 8000,
    **extra: str,
) -> dict[str, str]:
    """The environment ``jupyterhub_config.py`` reads, on top of this process's own."""
    environment = dict(os.environ)
    environment |= {
        "NEWSKIT_HUB_STATE": str(Path(state).resolve()),
        "NEWSKIT_COURSE": str(Path(course).resolve()) if course else "",
        "NEWSKIT_ROSTER": str(Path(roster).resolve()) if roster else "",
        "NEWSKIT_INSTRUCTOR": instructor or "",
        "NEWSKIT_HUB_IP": ip,
        "NEWSKIT_HUB_PORT": str(port),
        # configurable-http-proxy from npm, and the venv's scripts, wherever they are installed
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), environment.get("PATH", "")]),
    }
    environment |= {name: str(value) for name, value in extra.items()}
    return environment


def hub_command() -> list[str]:
    """The command that runs the hub with this folder's configuration."""
    return [str(Path(sys.executable).with_name("jupyterhub")), "-f", str(CONFIG)]


def needed_by_students() -> list[Path]:
    """What every student's server runs: this Python, its standard library, the environment and
    the kit's folder."""
    import kit  # the environment that runs the hub runs the students' servers too

    return [
        Path(os.path.realpath(sys.executable)),
        Path(sys.base_prefix),
        Path(sys.prefix),
        Path(kit.__file__).resolve().parent,
    ]


def closed_folders(paths: list[Path] | None = None) -> list[Path]:
    """The folders above ``paths`` that other users cannot enter (no ``x`` for others)."""
    closed = []
    for path in paths or needed_by_students():
        for folder in [path, *path.parents] if path.is_dir() else path.parents:
            if not folder.stat().st_mode & 0o001 and folder not in closed:
                closed.append(folder)
    return closed


def check_ready(course: str | Path | None) -> None:
    """Stop with a clear message when something the hub needs is missing."""
    if os.geteuid() != 0:
        raise SystemExit("Run the set-up as root (sudo): it creates users and switches to them.")
    if not shutil.which("configurable-http-proxy"):
        raise SystemExit(
            "configurable-http-proxy is missing: install it with "
            "`npm install -g configurable-http-proxy`."
        )
    if not Path(sys.executable).with_name("jupyterhub").exists():
        raise SystemExit("JupyterHub is missing: install it with `pip install -e '.[hub]'`.")
    closed = closed_folders()
    if closed:
        raise SystemExit(
            f"Students cannot reach the kit's Python: {', '.join(map(str, closed))} "
            "cannot be entered by other users. Install Python and the kit where every user can "
            "read them (e.g. /opt/newskit), or `chmod o+x` those folders."
        )
    if course and not Path(course).is_dir():
        raise SystemExit(
            f"No course folder {course}: make it with `python -m kit course ARTICLE -o {course}`."
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roster", required=True, help="a file with one student user name a line")
    parser.add_argument("--instructor", required=True, help="the instructor's user name (admin)")
    parser.add_argument("--course", help="the course folder to copy into each new home")
    parser.add_argument("--home-root", default="/home", help="where homes are made (/home)")
    parser.add_argument("--state", default="/srv/newskit-hub", help="the hub's own files")
    parser.add_argument(
        "--ip", default="127.0.0.1", help="where to listen (0.0.0.0: every network; use HTTPS)"
    )
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--remove", action="store_true", help="remove the roster's users and homes, and stop"
    )
    args = parser.parse_args(argv)
    names = read_roster(args.roster)
    if args.instructor in names:
        raise SystemExit(f"The instructor {args.instructor!r} is also on the roster.")
    if args.remove:
        for name in [*names, args.instructor]:
            remove_user(name)
        print(f"Removed {len(names)} students and {args.instructor}.")
        return 0
    check_ready(args.course)
    created = sum(create_user(name, args.home_root) for name in [*names, args.instructor])
    print(f"{created} users created; {len(names) + 1 - created} were there already.")
    environment = hub_environment(
        state=args.state, course=args.course, roster=args.roster,
        instructor=args.instructor, ip=args.ip, port=args.port,
    )  # fmt: skip
    print(f"Starting JupyterHub on http://{args.ip}:{args.port} (Ctrl-C stops it).")
    os.execve(hub_command()[0], hub_command(), environment)
    return 0  # not reached: the hub replaces this process


if __name__ == "__main__":
    sys.exit(main())
