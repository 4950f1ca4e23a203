"""Exam results: the verdict's words, read from a result's cell, a tick box or a letter's sentence.

A verdict is stated by its words at a cell's start ("Pass", "Did not pass", "Standard met"), by the one option
ticked ("[X] Pass  [ ] Fail"), or in a letter's sentence ("you have passed", "<Full Name> did not pass the ...").
"""

from __future__ import annotations

import re

from extractors.fields import Found
from extractors.layout import DocText

RESULT_LABEL = (r"(?:(?:your|exam(?:ination)?|test|overall|final|score|candidate)\s+)?(?:result|outcome|decision"
                r"|determination)|(?:(?:your|exam(?:ination)?|test|overall|final|score)\s+)?status|result\s+of\s+(?:the\s+|your\s+)?(?:exam(?:ination)?|test|assessment)"
                r"|pass\s*/\s*fail(?:\s+(?:status|result|decision))?|pass(?:ing)?\s+status"
                r"|(?:(?:exam(?:ination)?|test|overall|final)\s+)?grade")
"""Where a report states the verdict: Result, Outcome, Status, Decision, Pass/Fail, Grade, as the report words it;
a "Candidate status" is the candidate's standing (eligible, registered), not the exam's verdict. A grade that is
no verdict (a letter grade) reads as none."""
PASS = re.compile(r"^\s*(pass(ed)?|successful(ly)?|satisfactory|met|achieved|above\s+(?:the\s+)?pass(?:ing)?\b"
                  r"|(?:passing\s+)?standard\s+(?:met|achieved)(?=\s*[.!]?\s*$)"
                  r"|(?:meets|exceeds)\s+(?:the\s+)?(?:passing\s+)?(?:standard|requirements?)(?=\s*[.!]?\s*$)"
                  r"|competent(?=\s*[.!]?\s*$))\b", re.I)
FAIL = re.compile(r"^\s*(did\s+not\s+pass|fail(ed|ing)?|not\s+(?:passed|successful|achieved|met)|unsuccessful"
                  r"|unsatisfactory|no\s+pass|non-?pass|below\s+(?:the\s+)?pass(?:ing)?\b"
                  r"|(?:passing\s+)?(?:standard|requirements?)\s+not\s+(?:met|achieved)"
                  r"|(?:does|did)\s+not\s+meet|not\s+(?:yet\s+)?competent)\b", re.I)
"""A verdict may name the standard first: "Standard met", "Standard not met"."""
TICKED = re.compile(r"(?i)(?:\[\s*[x✓✔]\s*\]|\(\s*[x✓✔]\s*\)|[☒☑■✓✔])\s*"
                    r"(?P<option>(?:did\s+)?not\s+pass(?:ed)?|pass(?:ed)?|fail(?:ed)?)")
"""A result given by a ticked box; an empty box ("[ ]", "☐") in front of the other option is no answer."""
TICKED_AFTER = re.compile(r"(?i)(?P<option>(?:did\s+)?not\s+pass(?:ed)?|pass(?:ed)?|fail(?:ed)?)\s*"
                          r"(?:\[\s*[x✓✔]\s*\]|\(\s*[x✓✔]\s*\)|[☒☑■✓✔])")
"""The same with each box after its option ("Pass [X]   Fail [ ]"): which side the boxes stand on, whichever of a
box and an option comes first says."""
BOX_OR_OPTION = re.compile(r"(?i)(?P<box>\[\s*[x✓✔]?\s*\]|\(\s*[x✓✔]?\s*\)|[☐□☒☑■✓✔])"
                           r"|\b(?:did\s+)?(?:not\s+)?(?:pass|fail)")
"""A tick box or a verdict option; a bracket is a box only when it encloses nothing or a tick ("( )", "(x)"), never
a label's aside ("Result (check one)")."""
TICK_PAIR = re.compile(r"(?i)^(?=.*\bpass)(?=.*\bfail)(?=.*(?:\[\s*[x✓✔ ]?\s*\]|\(\s*[x✓✔ ]?\s*\)|[☐□☒☑■]))"
                       r"[\s\w:/()\[\]☐□☒☑■✓✔-]{0,60}$")
"""A line offering the two verdicts as tick boxes, with nothing else on it but a short label."""
TICK_PAIR_SCORE = 0.93
ATTEMPT_STATE = re.compile(r"(?i)^\s*(?:completed|complete|scored|graded|finished|closed|final|results?\s+"
                           r"(?:released|posted|available))\s*[-–—:/|]\s*(?=\S)")
"""A portal's status states the attempt before its verdict ("Completed - Passed", "Scored: Not passed"): the
verdict is what follows."""
OFFER = re.compile(r"(?i)^\s*(?:pass(?:ed)?\s*(?:/|\||\bor\b)\s*fail(?:ed)?"
                   r"|fail(?:ed)?\s*(?:/|\||\bor\b)\s*pass(?:ed)?)\b")
"""A value that opens by offering both verdicts ("Pass/Fail", "Pass or Fail"): a grading basis, no result. A verdict
first and the basis after it ("Passed (Pass/Fail grading)") is the verdict."""
NEGATIVE = re.compile(r"(?i)not|fail|unsuccess|below|fell")
SENTENCE_PASS = re.compile(
    r"(?i)(?:\b(?:you|s?he|they|the\s+(?:candidate|applicant))\s+(?:have\s+|has\s+)?|congratulations\s+on\s+"
    r"|\byour\s+(?:scaled\s+|total\s+)?score(?:\s+of\s+\d+(?:\s*/\s*\d+)?)?\s+)"
    r"(?P<word>(?:not\s+)?(?:successfully\s+)?pass(?:ed|ing)|did\s+not\s+(?:pass|achieve\s+a\s+pass|meet\s+the\s+pass)"
    r"|failed|w(?:ere|as)\s+(?:not\s+|un)?successful|achieved\s+a\s+pass|(?:not\s+)?(?:met|meets|exceeded|exceeds)\s+the\s+pass"
    r"|is\s+(?:above|below)\s+the\s+pass|does\s+not\s+meet\s+the\s+pass|fell\s+(?:short|below))")
"""A letter's verdict: "you (have) passed", "the candidate did not achieve a passing score", "congratulations on
passing", "your score of 76 meets the passing standard"; one verdict word group, read negative by NEGATIVE."""
NAMED_PASS = re.compile(
    r"(?-i:[A-Z][a-z'’-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z'’-]+){1,3})[ \t]+"
    r"(?P<word>has[ \t]+(?:successfully[ \t]+)?passed"
    r"|(?:successfully[ \t]+)?passed(?=[ \t]+the\b|[ \t]*[.!]?[ \t]*(?:\n|$))"
    r"|(?:has|did)[ \t]+not[ \t]+pass(?:ed)?|(?:has[ \t]+)?failed(?=[ \t]+the\b))", re.I)
"""A certificate's verdict of a named person: "<Full Name> has successfully passed", "<Full Name> did not pass the
...", "... that <Full Name> passed."; the name and its verb in one sentence on one line, and a verb, never an
adjective ("<Exam Name> passing score"), so a title or a heading over a line that starts "Passing" or "Failed" names
no one."""

def verdict_end(text: str) -> tuple[bool, int] | None:
    """A verdict stated by its words at a cell's start, and where its words end; none for tick boxes."""
    if any(m.group("box") for m in BOX_OR_OPTION.finditer(text)):
        return None
    state = ATTEMPT_STATE.match(text)
    offset = state.end() if state else 0
    rest = text[offset:]
    if OFFER.match(rest):
        return None
    match = FAIL.match(rest) or PASS.match(rest)
    return (match.re is PASS, offset + match.end()) if match else None


def verdict_cell(text: str) -> bool:
    """Whether a cell states a verdict ("Pass", "Not passed")."""
    return read_verdict(text) is not None


def read_verdict(text: str) -> bool | None:
    """A result value's verdict; for tick boxes ("[X] Pass  [ ] Fail"), the one option ticked."""
    marks = list(BOX_OR_OPTION.finditer(text))
    if any(m.group("box") for m in marks):
        return _ticked(text, marks)
    text = ATTEMPT_STATE.sub("", text, count=1)
    if OFFER.match(text):
        return None  # both verdicts offered and none marked ("Pass/Fail"): a grading basis, not a result
    return False if FAIL.match(text) else True if PASS.match(text) else None


def _ticked(text: str, marks: list[re.Match[str]]) -> bool | None:
    """The option whose box is ticked, the boxes all on one side of their options.

    Before them when the line starts and ends as "[X] Pass  [ ] Fail" does, after them as in "Pass [X]  Fail [ ]";
    a line that starts and ends with boxes (or with options) pairs no box with one option for sure.
    """
    first, last = bool(marks[0].group("box")), bool(marks[-1].group("box"))
    if first == last:
        return None
    ticked = {not NEGATIVE.search(m.group("option")) for m in (TICKED if first else TICKED_AFTER).finditer(text)}
    return ticked.pop() if len(ticked) == 1 else None


def tick_pair(doc: DocText) -> tuple[bool, Found] | None:
    """A form's unlabelled verdict boxes ("[X] Pass  [ ] Fail", "Pass ☒ Fail ☐"): the one option ticked.

    Only one such line decides: several (one per attempt, per part) leave the verdict to a person.
    """
    pairs = [line for line in doc.lines if TICK_PAIR.match(doc.slice(line.start, line.end))]
    if len(pairs) != 1 or (verdict := read_verdict(doc.slice(pairs[0].start, pairs[0].end))) is None:
        return None
    return verdict, Found(pairs[0].start, pairs[0].end, "exam.tick_pair.v1", TICK_PAIR_SCORE)
