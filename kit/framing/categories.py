"""Framing categories and their roles: loaded language, or the writer's structure.

>>> ROLES["naming"], ROLES["contrast"]
('loaded', 'structure')
"""

from __future__ import annotations

# What each category means, in the words the notebook shows a student.
CATEGORIES = {
    "naming": "contested names: the word chosen for a place, group or event takes a side",
    "evaluative": "evaluative and emotive words: a verdict or a feeling, not a fact",
    "intensifier": "intensifiers: words that inflate the force or size of a claim",
    "reporting_verb": "reporting verbs with a connotation: how the writer colours what was said",
    "scare_quote": "scare quotes: short quoted words with no speaker, held at arm's length",
    "emphasis": "emphasis: words that stress what the writer finds notable or expected",
    "hedge": "hedges: words that soften a claim or leave it unowned",
    "contrast": "contrast and concession markers: where the writer's own voice turns the story",
    "agentless": "agentless happenings and passives: something happens, and no one does it",
    "insertion": "bracketed insertions: the writer's words inside someone else's quotation",
}
# Whether a category is loaded language (it counts towards "how loaded is this text?") or the
# writer's structure (how the story is built: contrast, emphasis, hedging, who is left out).
ROLES = {
    "naming": "loaded",
    "evaluative": "loaded",
    "intensifier": "loaded",
    "reporting_verb": "loaded",
    "scare_quote": "loaded",
    "emphasis": "structure",
    "hedge": "structure",
    "contrast": "structure",
    "agentless": "structure",
    "insertion": "structure",
}
