"""The sizing table for a class on Kubernetes, computed from the class test's figures.

    python deploy/kubernetes/sizing.py [test-artifacts/class-test.json]

prints a Markdown table: for a few node sizes, how many students fit by memory (a server and
one kernel each, as measured; then three open notebooks each) and how many can start their
server and run notebook 01 within the same minute (from the CPU each student used in the test).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Node sizes as cloud providers sell them: (vCPUs, GiB of memory).
NODES = [(2, 8), (4, 16), (8, 32), (16, 64)]
RESERVED_GIB = 1.5  # kubelet, system pods, the node's own processes
OPEN_NOTEBOOKS = 3  # a busy student: three notebooks open before idle kernels are culled


def figures(path: Path) -> dict:
    report = json.loads(path.read_text(encoding="utf-8"))
    figures = report["figures"]
    memory = figures["memory_per_student_mib"]
    students = figures["students"]
    # CPU-seconds a student's server and kernel used to start and run notebook 01 (measured from
    # /proc); an older report without it: at most cores x wall time / students.
    cpu_seconds = figures.get("cpu_seconds_per_student", {}).get("median") or (
        figures["cores"] * figures["notebook_all_students_seconds"] / students
    )
    return {
        "server": memory["server_median"],
        "kernel": memory["kernel_median"],
        "one_kernel": memory["total_median"],
        "busy": memory["server_median"] + OPEN_NOTEBOOKS * memory["kernel_median"],
        "cpu_seconds": cpu_seconds,
        "students": students,
        "start_median": figures["server_start_seconds"]["median"],
    }


def table(measured: dict) -> str:
    lines = [
        "| node (vCPU / GiB) | students by memory, 1 notebook open | "
        f"students by memory, {OPEN_NOTEBOOKS} notebooks open | "
        "students starting their server and notebook 01 in the same minute |",
        "| --- | --- | --- | --- |",
    ]
    for cores, gib in NODES:
        usable = (gib - RESERVED_GIB) * 1024
        lines.append(
            f"| {cores} / {gib} | {math.floor(usable / measured['one_kernel'])} | "
            f"{math.floor(usable / measured['busy'])} | "
            f"{math.floor(cores * 60 / measured['cpu_seconds'])} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else ROOT / "test-artifacts" / "class-test.json"
    if not path.is_file():
        print(f"No {path}: run `make class-test` first.", file=sys.stderr)
        return 1
    measured = figures(path)
    print(
        f"From {measured['students']} students: server {measured['server']} MiB, kernel "
        f"{measured['kernel']} MiB (median RSS); starting and running notebook 01 about "
        f"{measured['cpu_seconds']:.1f} CPU-seconds per student.\n"
    )
    print(table(measured))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
