"""Attribution, step 1: finding quotation marks.

:func:`quotation_spans` returns the top-level quotations of one paragraph, marks included. Curly
double quotes open and close unambiguously; straight double quotes are paired by position;
two apostrophes (''like this'', a wire-service habit) and TeX marks (``like this'') are double
quotes of two characters; single quotes (‘...’ and short '...') count outside double quotes,
where they are not apostrophes. In

    “He said, ‘You will never leave,’ and I believed him,” Vance said. Russia’s reply was 'firm'.

there are two spans: the whole first quotation (the inner ‘...’ is part of it) and 'firm';
"Russia’s" is an apostrophe, not a mark.
"""

from __future__ import annotations

import re

# Quotation marks. Curly double quotes open and close unambiguously; straight double quotes are
# paired by position (an opening one follows a space or a line start). Single quotes count only
# outside double quotes (headlines, BBC style); inside, they are a quotation within the quotation.
OPEN_DOUBLE, CLOSE_DOUBLE = "“«„", "”»"
OPEN_SINGLE, CLOSE_SINGLE = "‘", "’"
# Every character that can open a quotation: the finder jumps from one to the next.
MAY_OPEN = re.compile("[`'\"" + re.escape(OPEN_DOUBLE + OPEN_SINGLE) + "]")
ELLIPSIS_OR_BRACKET = "…[(.'‘\""


def quotation_spans(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, bool]]:
    """Spans ``(start, end, closed)`` of the top-level quotations in ``text[start:end]``.

    Marks are included in the span. A quotation left open when the block ends (a paragraph that
    opens a quotation and continues it in the next) runs to the block's end with ``closed`` False.
    A closing mark with no opening one is ignored. Quotations inside a quotation are part of it:
    “He said, ‘You will never leave,’ and I believed him” is one span.

    This is the kit's one quotation finder: attribution and framing both read marks with it.

    >>> text = "“We are ready,” Keller said. Russia’s reply was 'firm'."
    >>> [text[s:e] for s, e, closed in quotation_spans(text)]
    ['“We are ready,”', "'firm'"]
    >>> quotation_spans("''Never,'' he said. ``Not today.''")
    [(0, 10, True), (20, 34, True)]
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int, bool]] = []
    i = start
    while i < end:
        candidate = MAY_OPEN.search(text, i, end)
        if candidate is None:
            break
        i = candidate.start()
        char = text[i]
        opener = None
        if (char == "`" and text.startswith("``", i)) or (
            char == "'" and text.startswith("''", i) and _opens_doubled(text, i, start)
        ):
            opener = "doubled"  # ``TeX style'' and ''two apostrophes'' (some wire services)
        elif char in OPEN_DOUBLE:
            opener = "curly"
        elif char == '"' and _opens_straight(text, i, start):
            opener = "straight"
        elif char in OPEN_SINGLE and _opens_single(text, i, start):
            opener = "single"
        elif char == "'" and _opens_single(text, i, start) and text[i + 1 : i + 2].isalpha():
            opener = "straight-single"  # short ones only (see _find_close): "'fairly good'"
        if opener is None:
            i += 1
            continue
        close = _find_close(text, i, end, opener)
        if close == 0:  # not a quotation after all
            i += 1
            continue
        if close is None:
            spans.append((i, end, False))
            break
        if close < 0:  # a new quotation opened before this one closed: it stops there
            stop = -close
            spans.append((i, len(text[:stop].rstrip()), False))
            i = stop
            continue
        spans.append((i, close, True))
        i = close
    return spans


def _opens_straight(text: str, i: int, block_start: int) -> bool:
    before = text[i - 1] if i > block_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _opens_doubled(text: str, i: int, block_start: int) -> bool:
    before = text[i - 1] if i > block_start else " "
    after = text[i + 2] if i + 2 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace() and after != "'"


def _opens_single(text: str, i: int, block_start: int) -> bool:
    before = text[i - 1] if i > block_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in '([—–-:“"') and (after.isalnum() or after in "…[")


def _closes_single(text: str, j: int) -> bool:
    # ’ closes only when no letter follows ("Russia’s" is an apostrophe, "the rebels’ guns" too
    # unless an opening ‘ came first, which is why single quotes need an opener).
    after = text[j + 1] if j + 1 < len(text) else " "
    return not after.isalnum() and j > 0 and not text[j - 1].isspace()


# The characters that can end a quotation, by opening mark (a line break for the blank line
# that ends a paragraph): _find_close looks at these only. The short 'straight-single' ones
# are read character by character (their length counts).
STOPS = {
    opener: re.compile("[" + re.escape(marks) + "\n]")
    for opener, marks in (
        ("curly", CLOSE_DOUBLE + '"' + OPEN_DOUBLE),
        ("doubled", "'" + CLOSE_DOUBLE + '"'),
        ("straight", '"' + CLOSE_DOUBLE),
        ("single", OPEN_SINGLE + CLOSE_SINGLE),
    )
}


def _find_close(text: str, i: int, end: int, opener: str) -> int | None:
    """The offset just after the mark that closes the quotation opened at ``i``; None when the
    block ends first; minus the offset of a new opening mark met before any closing one."""
    j = i + 1
    nested = False
    stops = STOPS.get(opener)
    while j < end:
        if stops is not None:  # jump to the next character that can stop the quotation
            found = stops.search(text, j, end)
            if found is None:
                return None
            j = found.start()
        char = text[j]
        if opener == "curly":
            if char in CLOSE_DOUBLE or (char == '"' and not _opens_straight(text, j, i)):
                return j + 1
            if char in OPEN_DOUBLE:  # a new quotation opens: the old one was never closed
                return -j
        elif opener == "doubled":
            if j > i + 1 and text.startswith("''", j) and not text[j + 2 : j + 3].isalnum():
                return j + 2
            if char in CLOSE_DOUBLE or (char == '"' and not _opens_straight(text, j, i)):
                return j + 1
        elif opener == "straight":
            if char == '"' or char in CLOSE_DOUBLE:  # copy-pasted text mixes " and ”
                return j + 1
        elif opener == "single":
            if char == "‘" and _opens_single(text, j, i):
                nested = True
            elif char == "’" and _closes_single(text, j):
                if nested:
                    nested = False
                else:
                    return j + 1
        elif opener == "straight-single":
            if char == "'" and _closes_single(text, j):
                return j + 1
            if j - i > 80 or (char in ".!?" and not text[i + 1].isupper()):
                return 0  # too long for a quotation: the mark was an apostrophe ("the '90s")
        if char == "\n" and text[j + 1 : j + 2] == "\n":
            return -j  # a blank line ends the paragraph, and the quotation with it
        j += 1
    return None
