"""The sure shape of a job title in a letter's sentence (review r13e findings 1 and 2).

A word ending like an agent noun ("-er", "-ee", "-ant") is no job title by itself: "employee", "member",
"volunteer", "worker" say the terms of a job or that there is one, and "earlier", "letter" are no nouns of a person
at all. A sure title ends on the head of a job title (an educator, a visitor, a director, a social worker) and opens
on no determiner, pronoun or "per" ("her manager", "our employee", "per our letter"); anything else is checked.
"""

from __future__ import annotations

import re

TITLE_HEADS = frozenset({
    "administrator", "advocate", "aide", "analyst", "assistant", "associate", "chief", "clinician", "coach",
    "consultant", "coordinator", "co-ordinator", "counselor", "counsellor", "dietitian", "dietician", "director",
    "doula", "educator", "facilitator", "head", "instructor", "interventionist", "lead", "leader", "liaison",
    "manager", "mentor", "midwife", "navigator", "nurse", "officer", "pathologist", "pediatrician", "paediatrician",
    "physician", "practitioner", "president", "psychiatrist", "psychologist", "psychotherapist", "researcher",
    "secretary", "specialist", "supervisor", "teacher", "technician", "therapist", "trainer", "visitor",
})
"""Head words of job titles in the field ("parent educator", "home visitor", "clinical supervisor")."""
COMPOUND_HEADS = re.compile(r"(?i)(?:(?:social|case|support|outreach|family|health|youth|care)\s+worker"
                            r"|caseworker|caregiver)$")
"""A worker named by the work ("social worker", "family support worker"): a job title. "Worker" alone says none."""
TERMS_OR_STATUS = re.compile(r"(?i)^(?:full|part)[- ]?time$|^(?:temporary|permanent|casual|contract|relief|locum"
                             r"|hourly|salaried|seasonal|former|previous|past|ex|acting|interim|prospective"
                             r"|retired|future|trainee|unpaid|vacant|regular)$")
"""A word before the head naming the job's terms or the person's status ("full-time", "former", "acting"): the
role then may be the terms, a past post or a stand-in; checked."""
NOT_FIRST = re.compile(r"(?i)^(?:a|an|the|our|their|her|his|my|your|its|this|that|these|those|per|as|such|any|some"
                       r"|each|every|no|she|he|they|we|i|you|it)$")
"""A first word that makes the words a phrase, no title ("her manager", "per our letter", "our employee")."""


def title_head_shaped(role: str) -> bool:
    """Whether a role's words end on a job title's head and carry no terms, status or determiner word.

    The head stands before "of", "for", "in" ("Director of Family Programs"). "parent educator", "Home Visitor",
    "family support worker" are sure; "full-time employee", "volunteer",
    "noted earlier", "her manager", "Former Parent Educator", "Team Member", "Other" are not.
    """
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", re.split(r"(?i)\s(?:of|for|in)\s", f" {role} ")[0])
    if not words or NOT_FIRST.match(words[0]) or any(TERMS_OR_STATUS.match(word) for word in words):
        return False
    return words[-1].lower() in TITLE_HEADS or COMPOUND_HEADS.search(" ".join(words)) is not None
