"""A plain `pip install .` (a wheel, as in a JupyterHub image) carries the data it needs."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_wheel(folder: Path) -> Path:
    """Build the kit's wheel into ``folder`` and return its path."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "-w", str(folder), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = folder.glob("newskit-*.whl")
    return wheel


def test_wheel_finds_bundled_articles_keys_and_nltk_data(tmp_path):
    wheel = build_wheel(tmp_path / "dist")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "kit/data/articles/kerry-lavrov-moscow.txt",
        "kit/data/articles/kerry-lavrov-moscow.meta.json",
        "kit/data/keys/kerry-lavrov-moscow.json",
        "kit/key_schema.json",
        "kit/nltk_data/tokenizers/punkt_tab/english/abbrev_types.txt",
    ):
        assert needed in names
    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    probe = (
        "import kit, nltk\n"
        "a = kit.load_article('kerry-lavrov-moscow')\n"
        "k = kit.keys.load_key(a)\n"
        "print(kit.__file__)\n"
        "print(len(a.paragraphs), len(a.sentences), len(k['exercises']) > 0)\n"
        "print(nltk.sent_tokenize('The U.S. envoy left. He was late.'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
        env={"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    where, counts, sentences = result.stdout.splitlines()
    assert where.startswith(str(installed))
    assert counts == "12 29 True"
    assert sentences == "['The U.S. envoy left.', 'He was late.']"


def test_python_m_kit_course_runs_from_an_installed_wheel(tmp_path):
    """The course command finds its notebooks inside the package and runs them on an article."""
    wheel = build_wheel(tmp_path / "dist")
    assert "kit/notebooks/02_attribution.ipynb" in zipfile.ZipFile(wheel).namelist()
    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    result = subprocess.run(
        [sys.executable, "-m", "kit", "course", "kerry-lavrov-moscow", "-o", "class"],
        cwd=tmp_path, capture_output=True, text=True, timeout=900,
        env={"PYTHONPATH": str(installed), "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
             "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    folder = tmp_path / "class"
    assert (folder / "kerry-lavrov-moscow.key.json").is_file()
    assert sorted(p.name for p in folder.glob("0*.ipynb"))[-1] == "05_your_own_article.ipynb"
    executed = (folder / "04_chronology.ipynb").read_text(encoding="utf-8")
    assert '"output_type": "error"' not in executed
    assert str(installed) in subprocess.run(
        [sys.executable, "-c", "import kit; print(kit.__file__)"], cwd=tmp_path,
        capture_output=True, text=True, env={"PYTHONPATH": str(installed)},
    ).stdout  # fmt: skip
