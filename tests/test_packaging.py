"""A plain `pip install .` (a wheel, as in a JupyterHub image) carries the data it needs."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_finds_bundled_articles_keys_and_nltk_data(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("newskit-*.whl")
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
