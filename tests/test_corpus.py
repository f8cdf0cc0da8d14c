"""kit.corpus: many articles, unreadable files reported, the same tables on every backend."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import kit
from kit import cli, corpus, paths

CP1252_TEXT = (
    "Ministers meet in Vienna\n\n"
    "The foreign ministers met in Vienna on Tuesday. \u201cWe made progress,\u201d the envoy "
    "said, adding that the talks would resume next week.\n\n"
    "Critics warned that the deal was fragile."
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The seed, the three variants, a cp1252 file, and three files that cannot be read."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copy(paths.articles_dir() / "kerry-lavrov-moscow.txt", root / "seed.txt")
    (root / "variants").mkdir()
    for variant in sorted(paths.variants_dir().glob("*.txt")):
        shutil.copy(variant, root / "variants" / variant.name)
        meta = variant.with_name(variant.stem + ".meta.json")
        if meta.is_file():
            shutil.copy(meta, root / "variants" / meta.name)
    (root / "vienna-cp1252.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (root / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x01\x02binary\x00" * 50)
    (root / "empty.txt").write_bytes(b"")
    (root / "notes.csv").write_text("not, an, article\n", encoding="utf-8")  # not an article file
    return root


@pytest.fixture(scope="module")
def serial(folder):
    return corpus.analyse(folder, processes=1, progress=False)


def test_every_readable_article_is_analysed_and_the_others_are_listed(serial):
    assert serial.articles == [
        "seed.txt",
        "variants/kerry-lavrov-variant-a.txt",
        "variants/kerry-lavrov-variant-b.txt",
        "variants/kerry-lavrov-variant-c.txt",
        "vienna-cp1252.txt",
    ]
    errors = dict(zip(serial.errors["file"], serial.errors["reason"]))
    assert set(errors) == {"scan.txt", "empty.txt"}
    assert "not a text file" in errors["scan.txt"]
    assert "empty" in errors["empty.txt"]
    warned = serial.warnings.set_index("file")["message"]
    assert "cp1252" in warned["vienna-cp1252.txt"]


def test_tables_match_the_analysers_on_each_article(serial, folder, seed):
    assert set(serial.tables) == {"quotes", "time_expressions", "markers"}
    expected = {
        "quotes": kit.attribution.quotes(seed),
        "time_expressions": kit.chronology.time_expressions(seed),
        "markers": kit.framing.markers(seed),
    }
    for step, table in serial.tables.items():
        assert table.columns[0] == "article"
        mine = table[table["article"] == "seed.txt"].drop(columns="article")
        pd.testing.assert_frame_equal(mine.reset_index(drop=True), expected[step])
    # The cp1252 file was decoded, not mangled: its quotation keeps its words.
    vienna = serial.quotes[serial.quotes["article"] == "vienna-cp1252.txt"]
    assert "\u201cWe made progress,\u201d" in vienna["text"].tolist()


def test_processes_give_the_same_tables_row_for_row(folder, serial):
    parallel = corpus.analyse(folder, processes=2, batch_size=2, progress=False)
    for step in serial.tables:
        pd.testing.assert_frame_equal(parallel.tables[step], serial.tables[step])
    pd.testing.assert_frame_equal(parallel.errors, serial.errors)


def test_a_dask_local_cluster_gives_the_same_tables_row_for_row(folder, serial):
    distributed = pytest.importorskip("dask.distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = corpus.analyse(folder, client=client, batch_size=2, progress=False)
    for step in serial.tables:
        pd.testing.assert_frame_equal(on_dask.tables[step], serial.tables[step])
    pd.testing.assert_frame_equal(on_dask.errors, serial.errors)


def test_texts_and_paths_mix(folder):
    result = corpus.analyse(
        [
            folder / "seed.txt",
            "Talks\n\n\u201cWe will see,\u201d Kerry said.",
            str(folder / "x.txt"),
        ],
        steps=["quotes"],
        processes=1,
        progress=False,
    )
    assert result.articles == [str(folder / "seed.txt"), "text1"]
    assert set(result.tables) == {"quotes"}
    assert result.quotes[result.quotes["article"] == "text1"]["speaker"].tolist() == ["Kerry"]
    assert "No file at" in result.errors["reason"].iloc[0]


def test_a_mistyped_folder_is_explained(tmp_path):
    with pytest.raises(FileNotFoundError, match="artciles"):
        corpus.analyse(str(tmp_path / "artciles"), progress=False)


def test_an_unknown_step_is_explained():
    with pytest.raises(ValueError, match="time_expressions"):
        corpus.analyse(["Some text."], steps=["timexes"], progress=False)


def test_parquet_is_read_back_by_pandas_and_dask(serial, tmp_path):
    out = serial.to_parquet(tmp_path / "tables", rows_per_file=40)
    quotes = pd.read_parquet(out / "quotes")
    assert len(list((out / "quotes").glob("part-*.parquet"))) > 1  # partitioned
    assert quotes["article"].tolist() == serial.quotes["article"].tolist()
    assert quotes["text"].tolist() == serial.quotes["text"].tolist()
    # No article's rows are split between two files.
    seen: set[str] = set()
    for part in sorted((out / "quotes").glob("part-*.parquet")):
        articles = set(pd.read_parquet(part)["article"])
        assert not articles & seen
        seen |= articles
    assert set(pd.read_parquet(out / "errors")["file"]) == {"scan.txt", "empty.txt"}
    dd = pytest.importorskip("dask.dataframe")
    lazy = dd.read_parquet(out / "markers").compute()
    assert lazy["text"].tolist() == serial.markers["text"].tolist()


def test_the_command_line_writes_the_tables(folder, tmp_path, capsys):
    code = cli.main(["corpus", str(folder), "-o", str(tmp_path / "out"), "--no-progress"])
    assert code == 0
    printed = capsys.readouterr()
    assert "5 articles" in printed.out
    assert "scan.txt" in printed.out
    assert len(pd.read_parquet(tmp_path / "out" / "time_expressions")) > 0


def test_the_command_line_explains_a_missing_folder(tmp_path, capsys):
    assert cli.main(["corpus", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out")]) == 1
    assert "nowhere" in capsys.readouterr().err


def test_a_small_corpus_stays_in_this_process_unless_told(folder, serial, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("worker processes started for a few kilobytes of text")

    monkeypatch.setattr(corpus, "_run_on_processes", no_pool)
    default = corpus.analyse(folder, progress=False)  # no client, no processes given
    pd.testing.assert_frame_equal(default.quotes, serial.quotes)
    with pytest.raises(AssertionError, match="worker processes"):
        corpus.analyse(folder, processes=2, progress=False)


def test_a_batch_comes_back_as_one_table_per_step(folder):
    items = [
        corpus.Item("seed.txt", path=str(folder / "seed.txt")),
        corpus.Item("scan.txt", path=str(folder / "scan.txt")),
        corpus.Item("text1", text="Talks\n\nNothing was said. Nobody quoted anyone."),
    ]
    batch = corpus.analyse_batch(items, ("quotes", "sentences"))
    assert batch["names"] == ["seed.txt", "text1"]
    assert [name for name, _ in batch["errors"]] == ["scan.txt"]
    quotes, sentences = batch["tables"]["quotes"], batch["tables"]["sentences"]
    assert set(quotes["article"]) == {"seed.txt"}  # the text with no quotation adds no rows
    assert sentences["article"].tolist()[-2:] == ["text1", "text1"]
    assert list(sentences.columns) == ["article", *kit.load_article(folder / "seed.txt").sentences]


def test_batches_of_any_size_give_the_same_tables(folder, serial):
    for size in (1, 3):
        again = corpus.analyse(folder, processes=1, batch_size=size, progress=False)
        for step in serial.tables:
            pd.testing.assert_frame_equal(again.tables[step], serial.tables[step])
        pd.testing.assert_frame_equal(again.warnings, serial.warnings)
        assert again.articles == serial.articles
