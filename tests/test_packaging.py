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
        "kit/data/keys/seren-river-talks.json",
        "kit/data/articles/seren-river-talks.meta.json",
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


def test_wheel_install_drafts_and_finds_keys_beside_an_article(tmp_path):
    """From a read-only installed package: a key is drafted beside the student's own article,
    found there by load_key, and saving with nowhere writable says what to do."""
    wheel = build_wheel(tmp_path / "dist")
    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    for path in sorted(installed.rglob("*"), reverse=True):  # the package folder is read-only
        path.chmod(0o555 if path.is_dir() else 0o444)
    work = tmp_path / "work"
    work.mkdir()
    (work / "mine.txt").write_bytes((ROOT / "data/articles/kerry-lavrov-moscow.txt").read_bytes())
    env = {"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    drafted = subprocess.run(
        [sys.executable, "-m", "kit", "draft-key", "mine.txt"],
        cwd=work, capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert drafted.returncode == 0, drafted.stderr
    assert (work / "mine.key.json").is_file()
    probe = (
        "import kit\n"
        "key = kit.keys.load_key(kit.load_article('mine.txt'))\n"
        "print(key['article'], key['draft'])\n"
        "seed = kit.load_article('kerry-lavrov-moscow')\n"
        "print(kit.keys.load_key(seed)['article'])\n"
        "try:\n"
        "    kit.keys.save_key(kit.keys.load_key(seed), seed)\n"
        "except ValueError as error:\n"
        "    print('refused:', 'NEWSKIT_KEYS_DIR' in str(error))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=work, capture_output=True, text=True, env=env
    )
    for path in installed.rglob("*"):  # let pytest clean up
        path.chmod(0o755 if path.is_dir() else 0o644)
    installed.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["mine True", "kerry-lavrov-moscow", "refused: True"]
