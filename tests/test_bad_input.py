"""Bad input gets a clear message: what was wrong and what to do."""

from __future__ import annotations

import warnings

import pytest

import kit
from kit import paths


def test_unknown_id_lists_the_bundled_ids():
    with pytest.raises(FileNotFoundError) as caught:
        kit.load_article("kerry-in-paris")
    message = str(caught.value)
    assert "kerry-in-paris" in message
    assert "kerry-lavrov-moscow" in message


def test_missing_file_says_so_and_lists_ids(tmp_path):
    with pytest.raises(FileNotFoundError) as caught:
        kit.load_article(tmp_path / "nowhere.txt")
    assert "nowhere.txt" in str(caught.value)
    assert "kerry-lavrov-moscow" in str(caught.value)


@pytest.mark.parametrize(
    "sneaky",
    ["../keys/kerry-lavrov-moscow", "../../pyproject", "articles/../x", "/etc/passwd", "a b"],
)
def test_an_id_cannot_leave_the_data_folder(sneaky):
    with pytest.raises(ValueError, match="not an article id"):
        kit.load_article(sneaky)


def test_empty_and_whitespace_text_raise_value_error(tmp_path):
    for text in ["", "   ", "\n\n\t \n", "\xa0\n"]:
        with pytest.raises(ValueError, match="empty"):
            kit.Article.from_text(text)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="empty.txt"):
        kit.load_article(empty)


def test_binary_file_is_refused(tmp_path):
    pdf = tmp_path / "article.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00<< /Type /Catalog >>\x00" * 20)
    with pytest.raises(ValueError, match="not a text file"):
        kit.load_article(pdf)


def test_unsupported_suffix_is_refused(tmp_path):
    doc = tmp_path / "article.docx"
    doc.write_bytes(b"PK\x03\x04")
    with pytest.raises(ValueError, match=r"\.txt"):
        kit.load_article(doc)


def test_cp1252_text_is_read_with_a_warning(tmp_path):
    text = "Kerry \u201cexpects progress\u201d \u2013 Lavrov\u2019s reply\n\nThe talks went on."
    path = tmp_path / "pasted.txt"
    path.write_bytes(text.encode("cp1252"))
    with pytest.warns(kit.NewskitWarning, match="cp1252"):
        art = kit.load_article(path)
    assert "\u201cexpects progress\u201d" in art.text
    assert "Lavrov\u2019s" in art.text


def test_latin1_bytes_outside_cp1252_still_load(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 talks\n\nThey met in the caf\xe9.\x81".encode("latin-1"))
    with pytest.warns(kit.NewskitWarning):
        art = kit.load_article(path)
    assert "café" in art.text


def test_utf8_file_loads_without_warning(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("Talks\n\n“Fine,” he said.", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        art = kit.load_article(path)
    assert art.sentences["text"].tolist() == ["“Fine,” he said."]


def test_html_is_reduced_to_text_and_nothing_runs(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Kerry in Moscow</title><style>p{color:red}</style>"
        "<script>window.hacked = true; document.write('evil')</script></head>"
        "<body><h1>Kerry in Moscow</h1><p>Kerry met Lavrov &amp; Putin.</p>"
        "<p onclick=\"alert(1)\">Talks &ldquo;went on&rdquo;.<script>alert('x')</script></p>"
        "<noscript>enable js</noscript></body></html>",
        encoding="utf-8",
    )
    art = kit.load_article(page)
    assert art.headline == "Kerry in Moscow"
    assert art.paragraphs["text"].tolist() == ["Kerry met Lavrov & Putin.", "Talks “went on”."]
    for leftover in ("script", "alert", "hacked", "color:red", "enable js", "<", ">"):
        assert leftover not in art.text


def test_markdown_heading_marks_are_removed(tmp_path):
    page = tmp_path / "story.md"
    page.write_text("# Talks in Moscow\n\nKerry met **Lavrov** on Tuesday.", encoding="utf-8")
    art = kit.load_article(page)
    assert art.headline == "Talks in Moscow"
    assert art.paragraphs["text"].tolist() == ["Kerry met Lavrov on Tuesday."]


def test_sidecar_metadata_is_read_and_a_bad_one_explained(tmp_path):
    path = tmp_path / "dated.txt"
    path.write_text("Talks\n\nThey met.", encoding="utf-8")
    (tmp_path / "dated.meta.json").write_text(
        '{"published": "2015-12-15", "source": "Wire", "url": "https://example.org/x"}',
        encoding="utf-8",
    )
    art = kit.load_article(path)
    assert str(art.published) == "2015-12-15"
    assert art.source == "Wire"
    (tmp_path / "dated.meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="dated.meta.json"):
        kit.load_article(path)


def test_five_megabyte_article_loads(seed):
    body = seed.body
    copies = 5_000_000 // (len(body) + 2) + 1
    text = "A very long file\n\n" + "\n\n".join([body] * copies)
    assert len(text) >= 5_000_000
    art = kit.Article.from_text(text)
    assert len(art.paragraphs) == 12 * copies
    assert len(art.sentences) == 29 * copies
    last = art.sentences.iloc[-1]
    assert art.text[last.start : last.end] == last.text


def test_odd_text_never_crashes():
    for text in ["“Unbalanced quote. And more", "...", "— — —", "a", "“", "\n\nx\n\n", "?!"]:
        art = kit.Article.from_text(text)
        for row in art.sentences.itertuples():
            assert art.text[row.start : row.end] == row.text


def test_data_folder_is_found():
    assert (paths.articles_dir() / "kerry-lavrov-moscow.txt").is_file()
    assert (paths.keys_dir() / "kerry-lavrov-moscow.json").is_file()
