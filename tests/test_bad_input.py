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


def test_cp1252_undefined_bytes_are_reported_and_quotes_stay_quotes(tmp_path):
    # Word's curly quotes (0x93, 0x94) beside a byte cp1252 leaves undefined (0x81, 0x9D).
    raw = b"Talks\n\nKerry said \x93we\x81ll see\x94 and left.\x9d Lavrov\x92s reply."
    path = tmp_path / "pasted.txt"
    path.write_bytes(raw)
    with pytest.warns(kit.NewskitWarning) as caught:
        art = kit.load_article(path)
    message = str(caught[0].message)
    assert f"0x81 at byte {raw.index(0x81)}" in message
    assert f"0x9D at byte {raw.index(0x9D)}" in message
    assert "\u201cwe\ufffdll see\u201d" in art.text
    assert "Lavrov\u2019s" in art.text
    assert not any("\x80" <= ch <= "\x9f" for ch in art.text)  # no C1 control characters


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


def test_five_megabyte_article_loads_with_a_warning_saying_how_long(seed):
    body = seed.body
    copies = 5_000_000 // (len(body) + 2) + 1
    text = "A very long file\n\n" + "\n\n".join([body] * copies)
    assert len(text) >= 5_000_000
    with pytest.warns(kit.NewskitWarning, match=r"5\.0 million characters.*about \d+ seconds"):
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


def test_a_short_article_gives_no_size_warning(seed):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kit.Article.from_text(seed.text * 10)


# --------------------------------------------------------------------------------------------
# Encodings: UTF-16, NUL bytes, byte order marks

UTF16_TEXT = "Talks in Moscow\n\nKerry met Lavrov. \u201cWe will see,\u201d he said."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom_is_read_as_text(tmp_path, encoding):
    path = tmp_path / "saved-by-notepad.txt"
    path.write_bytes(UTF16_TEXT.encode(encoding))  # "utf-16" writes a byte order mark
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        art = kit.load_article(path)
    assert art.text == UTF16_TEXT
    assert art.headline == "Talks in Moscow"
    assert art.sentences["text"].tolist()[1] == "\u201cWe will see,\u201d he said."


def test_nul_bytes_after_the_first_8kb_are_refused(tmp_path):
    raw = ("Talks\n\n" + "They met. " * 2000).encode() + b"\x00\x00" + b"More text."
    path = tmp_path / "damaged.txt"
    path.write_bytes(raw)
    with pytest.raises(ValueError, match=rf"not a text file.*NUL byte at offset {raw.index(0)}"):
        kit.load_article(path)


def test_a_nul_inside_utf16_text_is_refused(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(("Talks\n\nThey met." + "\x00" + "More.").encode("utf-16"))
    with pytest.raises(ValueError, match="NUL"):
        kit.load_article(path)


def test_a_utf8_bom_in_the_article_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfTalks\n\nThey met.")
    assert kit.load_article(path).headline == "Talks"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_sidecar_with_a_bom_is_accepted(tmp_path, encoding):
    path = tmp_path / "dated.txt"
    path.write_text("Talks\n\nThey met.", encoding="utf-8")
    (tmp_path / "dated.meta.json").write_bytes(
        '{"published": "2015-12-15", "source": "Wire"}'.encode(encoding)
    )
    art = kit.load_article(path)
    assert str(art.published) == "2015-12-15"
    assert art.source == "Wire"


# --------------------------------------------------------------------------------------------
# HTML: a real parser path


def _load_html(tmp_path, markup: str) -> kit.Article:
    page = tmp_path / "page.html"
    page.write_text(markup, encoding="utf-8")
    return kit.load_article(page)


def test_html_without_closing_head_keeps_the_body(tmp_path):
    art = _load_html(
        tmp_path,
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>Talks in Moscow</title>"
        "<style>p{color:red}</style><body><p>Kerry met Lavrov.</p><p>They spoke.</p>",
    )
    assert art.headline == "Talks in Moscow"
    assert art.paragraphs["text"].tolist() == ["Kerry met Lavrov.", "They spoke."]
    assert "color" not in art.text


@pytest.mark.parametrize("tag", ["svg", "iframe"])
def test_an_unclosed_svg_or_iframe_does_not_drop_the_rest(tmp_path, tag):
    art = _load_html(
        tmp_path,
        f"<title>Talks</title><p>Kerry met Lavrov.</p><{tag} width=10><p>They spoke for an hour."
        "</p><p>Then they left.</p></body></html>",
    )
    assert "They spoke for an hour." in art.paragraphs["text"].tolist()
    assert "Then they left." in art.paragraphs["text"].tolist()


def test_a_closed_svg_is_still_skipped(tmp_path):
    art = _load_html(
        tmp_path,
        "<title>Talks</title><p>Kerry met Lavrov.</p><svg><text>Chart label</text></svg>"
        "<p>They spoke.</p><script>var x = 1;",
    )
    assert art.paragraphs["text"].tolist() == ["Kerry met Lavrov.", "They spoke."]


def test_character_references_are_decoded_once(tmp_path):
    art = _load_html(
        tmp_path, "<title>Talks</title><p>Write &amp;amp; in HTML for &amp; &lt;b&gt;.</p>"
    )
    assert art.paragraphs["text"].tolist() == ["Write &amp; in HTML for & <b>."]
