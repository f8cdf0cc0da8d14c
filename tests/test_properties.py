"""Property tests: for any text, segmentation gives valid, nested, uniquely named spans."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit

PIECES = st.sampled_from(
    ["Kerry", "said", "U.S.", "“", "”", '"', "'", "…", "—", ".", "?", "!", " ", "\n", "\n\n",
     "\r\n", "\xa0", "Mr.", "a", "Lavrov’s", "(", ")", "[ISIS]", "Jan. 5", "\t", "é", "2015"]
)  # fmt: skip
TEXTS = st.one_of(
    st.lists(PIECES, min_size=1, max_size=60).map("".join),
    st.text(min_size=1, max_size=300),
).filter(lambda text: text.strip())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_segmentation_invariants(text):
    art = kit.Article.from_text(text)
    assert "\r" not in art.text
    paragraphs = art.paragraphs
    sentences = art.sentences
    tokens = art.tokens
    assert paragraphs["paragraph_id"].is_unique
    assert sentences["sentence_id"].is_unique
    assert tokens["token_id"].is_unique
    bounds = {row.paragraph_id: (row.start, row.end) for row in paragraphs.itertuples()}
    previous_end = 0
    for row in paragraphs.itertuples():
        assert 0 <= row.start < row.end <= len(art.text)
        assert art.text[row.start : row.end] == row.text
        assert row.start >= previous_end  # in order, no overlap
        previous_end = row.end
    for row in sentences.itertuples():
        start, end = bounds[row.paragraph_id]
        assert start <= row.start < row.end <= end  # inside its paragraph
        assert art.text[row.start : row.end] == row.text
        assert row.sentence_id.startswith(row.paragraph_id + ".s")
    for row in tokens.itertuples():
        assert art.text[row.start : row.end] == row.text
    if art.headline_span:
        head_start, head_end = art.headline_span
        assert art.text[head_start:head_end] == art.headline
        assert all(head_end <= row.start for row in paragraphs.itertuples())
