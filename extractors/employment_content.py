"""The sure shape of duties after a bare "were/are" in a letter's sentence (review r13e finding 6).

"Her duties were X" names the duties only when X has the shape of work done: a gerund of a duty verb with its
object ("providing home visits", "supervising a team of home visitors"), or a noun phrase whose head names a
service or a piece of work ("weekly home visits to families", "intake interviews and referrals", "home visiting").
Words saying how the duties went or what they were like ("expanding steadily", "growing each year", "challenging
tasks", "her colleagues", "lots", "odds and ends", "tasks as assigned", "attending meetings only") have no such
shape and are checked: a closed list of doubtful wordings was beaten by each review, so the sure shape is named.
"""

from __future__ import annotations

import re

DUTY_GERUNDS = frozenset({
    "administering", "advising", "assessing", "coaching", "completing", "conducting", "consulting", "coordinating",
    "co-ordinating", "counseling", "counselling", "delivering", "designing", "developing", "directing",
    "documenting", "evaluating", "facilitating", "guiding", "implementing", "leading", "linking", "maintaining",
    "managing", "mentoring", "monitoring", "offering", "organizing", "organising", "overseeing", "planning",
    "preparing", "providing", "recruiting", "referring", "reviewing", "running", "scheduling", "screening",
    "serving", "supervising", "supporting", "teaching", "training", "visiting", "writing",
})
"""Gerunds of the verbs duties are told with ("providing", "supervising", "running"): what a worker does."""
WORK_NOUNS = frozenset({
    "assessment", "assessments", "care", "caseload", "caseloads", "case", "classes", "coaching", "consultation",
    "consultations", "counseling", "counselling", "evaluations", "groups", "intake", "intakes", "interventions",
    "interviews", "management", "mentoring", "outreach", "programs", "programmes", "psychotherapy", "referrals",
    "screening", "screenings", "services", "sessions", "supervision", "support", "teaching", "therapy",
    "training", "trainings", "visiting", "visits", "workshops",
})
"""Heads of noun phrases naming a service or a piece of work ("home visits", "reflective supervision",
"parent groups"); "tasks", "things", "colleagues", "lots" name none."""
LY_NOUN = frozenset({"family", "weekly", "daily", "nightly", "monthly", "yearly", "early", "assembly", "supply",
                     "quarterly", "fortnightly"})
"""Words in -ly that are no adverb ("family visiting", "weekly groups", "early intervention")."""
FUNCTION_WORDS = frozenset({
    "and", "or", "but", "nor", "to", "for", "at", "in", "on", "of", "with", "as", "than", "by", "from", "because",
    "when", "while", "if", "so", "yet", "enough", "too", "each", "every", "only", "her", "his", "their", "our",
    "its", "my", "your", "she", "he", "they", "it", "those", "these", "this", "that", "such", "like", "what",
    "whatever", "which", "who", "all", "any", "some", "much", "many", "more", "most", "less", "very", "over",
    "throughout", "toward", "towards", "about", "around", "etc",
})
"""Words that are no part of a noun phrase's modifiers or head (connectors, determiners of a kind, quantifiers)."""
OBJECT_DETERMINERS = frozenset({"a", "an", "the"})
CONNECTORS = frozenset({"and", "or", "to", "for", "with", "of", "in", "at", "across", "including", "on", "from",
                        "within", "among", "throughout"})
"""Words the sure core may go on with ("home visits to families", "providing therapy and consultation")."""
ANYWHERE_DOUBT = frozenset({"only", "each", "every", "as", "like", "such", "whatever", "etc", "lots", "things"})
"""Words that anywhere in the duties say how much or what kind rather than what ("tasks as assigned", "visits
only", "things like filing"): the value is checked."""
MAX_MODIFIERS = 3


def duties_content_shaped(duties: str) -> bool:
    """Whether the words after a bare "were/are" have the sure shape of duties (see the module's note).

    A leading count ("10 home visits a week") is allowed; every word after the sure core is free but an adverb
    (-ly) or a word of ANYWHERE_DOUBT.
    """
    words = re.findall(r"[a-z][a-z'’-]*", duties.lower())  # a count ("10 home visits") is no word
    if not words or any(_doubt_word(word) for word in words):
        return False
    rest = _after_gerund(words) if words[0] in DUTY_GERUNDS else _after_noun_phrase(words)
    return rest is not None and (not rest or rest[0] in CONNECTORS)


def _doubt_word(word: str) -> bool:
    """An adverb in -ly or a word of ANYWHERE_DOUBT."""
    return word in ANYWHERE_DOUBT or (word.endswith("ly") and word not in LY_NOUN)


def _content(word: str) -> bool:
    """A word that may stand in a noun phrase: no function word, no apostrophe's owner ("others'")."""
    return word not in FUNCTION_WORDS and word not in OBJECT_DETERMINERS and not word.endswith(("'", "’"))


def _after_gerund(words: list[str]) -> list[str] | None:
    """The words after a duty gerund's object ("providing | home visits | to families"), None without an object.

    The object opens on "a"/"an"/"the" or a content word and runs over content words.
    """
    index = 1 + (len(words) > 1 and words[1] in OBJECT_DETERMINERS)
    if index >= len(words) or not _content(words[index]):
        return None
    while index < len(words) and _content(words[index]):
        index += 1
    return words[index:]


def _after_noun_phrase(words: list[str]) -> list[str] | None:
    """The words after a noun phrase headed by a work noun ("intake | interviews | and referrals"), else None.

    The phrase is up to MAX_MODIFIERS content words, then its head in WORK_NOUNS, standing before a connector or
    the end.
    """
    index = 0
    while index < len(words) and _content(words[index]):
        index += 1
    if index == 0 or index > MAX_MODIFIERS + 1 or words[index - 1] not in WORK_NOUNS:
        return None
    return words[index:]
