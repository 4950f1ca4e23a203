"""Checks on a letter's period sentence followed by a title sentence (review r12i).

"Your employment with X began on D and continues to the present. Your current title is Y." is read surely only in
its sure shape: the two sentences about the same person (the same pronoun, or a person's name and "her"/"his"),
"continues" meaning to the present and nothing else, the title in the present tense for a running job and in the
past for an ended one, a title of a job title's shape, and the sentence after the title a duties sentence or one
naming nothing more (no date, no year, no name or title). Anything else is read and flagged.
"""

from __future__ import annotations

import re

from extractors.employment_later import later_names_more
from extractors.employment_roles import title_head_shaped

UNTIL_NOW = re.compile(r"(?i)(?:\s+(?:to|until|through|till)\s+(?:the\s+)?(?:present(?:\s+day)?|this\s+day|today"
                       r"|date))?\s*")
"""What a sure "continues" clause holds after the verb: nothing, or "to the present", "to this day", "to date"."""
DETERMINER = re.compile(r"(?i)^(?:our|the|your|their|my|this|that|a|an|its|his|her)$")
"""A word before a capitalised word that makes it no first name ("Our Director's", "The Manager's")."""
HONORIFIC = re.compile(r"^(?:Mr|Ms|Mrs|Mx|Dr|Miss|Prof)\.?$")
SHE_WORDS = re.compile(r"(?i)\b(?:she|her|hers|herself)\b")
HE_WORDS = re.compile(r"(?i)\b(?:he|his|him|himself)\b")
"""The person's pronouns: a letter about one person uses one kind."""
FEMALE_HONORIFICS = frozenset({"Ms", "Mrs", "Miss"})
MALE_HONORIFICS = frozenset({"Mr"})
DUTIES_OPENING = re.compile(r"(?i)^(?:your|her|his|their|the)\s+(?:\w+\s+){0,2}?(?:duties|responsibilities)\b")
"""A duties sentence after the title: what the job involves, no second post."""
DATED = re.compile(r"\b(?:1[89]|20)\d\d\b|\d{1,2}/\d{1,2}")
PERSON_SUBJECT = re.compile(r"^(?:She|He|They|Mr|Ms|Mrs|Mx|Dr)\b|\b(?:she|he|hers|him)\b")
"""A sentence about the person (she, he, a name with an honorific), maybe saying what became of her."""
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def period_title_doubts(text: str, match: re.Match[str]) -> list[str]:
    """What a person checks in a period-then-title reading (see the module's note); reason codes, none if sure."""
    reasons: list[str] = []
    running = match.group("current") is not None
    if running and not UNTIL_NOW.fullmatch(match.group("tail") or ""):
        reasons.append("employment.end_unclear")  # "continues until June 30, 2026", "continues, although ..."
    tense = " ".join(match.group("tense").lower().split())
    if not _same_person(text, match) or not job_title_shaped(match.group("role")):
        reasons.append("employment.role_unclear")
    if running and tense != "is":
        reasons.append("employment.role_unclear")  # "Her title was X": maybe an earlier post
    if not running and tense != "was":
        reasons += ["employment.role_unclear", "employment.end_unclear"]  # ended, yet "her title is X"
    if not _next_names_nothing_more(text, match.end("role")):
        reasons.append("employment.role_unclear")
        if not running:
            reasons.append("employment.end_unclear")  # "She rejoined us on May 1, 2021 ..."
    return list(dict.fromkeys(reasons))


def _same_person(text: str, match: re.Match[str]) -> bool:
    """Whether the period sentence's owner and the title sentence's are surely one person.

    The same pronoun ("Your employment ... Your title"), or a person's name ("Ms Okafor's", "Noor Haddad's", not
    "Our Director's" nor a bare post "Program Director's") and "her"/"his" agreeing with the letter's other pronouns.
    """
    titled = match.group("titled").lower()
    if match.group("owner"):
        return match.group("owner").lower() == titled
    if titled == "your":
        return False
    before = text[max(0, match.start("owner_name") - 30):match.start("owner_name")].split()
    if not before:
        return False
    word = before[-1]
    named = bool(HONORIFIC.match(word) or (word[:1].isupper() and word.isalpha() and not DETERMINER.match(word)
                                           and not (len(before) > 1 and DETERMINER.match(before[-2]))))
    if not named or title_head_shaped(f"{word} {match.group('owner_name')}"):
        return False  # "Program Director's employment": a post, no person
    return _pronouns_agree(text, titled, word)


def _pronouns_agree(text: str, titled: str, word_before: str) -> bool:
    """Whether the title sentence's "her"/"his" agrees with how the letter speaks of the person elsewhere.

    An honorific before the name ("Ms", "Mr") or a pronoun of the other kind anywhere in the letter ("Noor Haddad's
    employment ... His title is ..." under "Her duties included ...") makes the two sentences maybe about two
    people; checked.
    """
    other = HE_WORDS if titled == "her" else SHE_WORDS
    honorific = word_before.rstrip(".")
    if honorific in (MALE_HONORIFICS if titled == "her" else FEMALE_HONORIFICS):
        return False
    return other.search(text) is None


def job_title_shaped(role: str) -> bool:
    """Whether a title has a job title's shape ("Parent Educator", "Clinical Director"; see `title_head_shaped`)."""
    return title_head_shaped(role)


def _next_names_nothing_more(text: str, at: int) -> bool:
    """Whether everything after the title's sentence is sure to name no other post or later change.

    Every later sentence and the lines under the closing are checked (see `employment_later`): "You are welcome to
    forward this e-mail." is sure; "She is now our Program Manager.", "In 2021 she was promoted", "Our Outreach
    Lead post has been hers since.", a postscript "P.S. Her last day with us was March 31, 2026." are not.
    """
    stop = SENTENCE_END.search(text, at)
    return stop is None or not later_names_more(text, stop.end())
