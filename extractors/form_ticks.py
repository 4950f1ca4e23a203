"""Tick-box questions: the options ticked under (or beside) a question, one a line or several in a grid.

References ask how the rater knows the applicant and which endorsement the rater holds with boxes to tick;
a mark is a small glyph a scan often misreads, so a ticked choice scores below a labelled value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.fields import Found
from extractors.form_layout import QUESTION_NUMBER
from extractors.layout import DocText

CHECK_MARK = re.compile(r"^\s*(?:\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|[xX✓✔☒☑■](?=\s))\s*(?P<choice>\S.*?)\s*$")
EMPTY_BOX = re.compile(r"^\s*(?:\[\s*\]|\(\s*\)|[☐□])\s*")
BOX = r"\[\s*(?:[xX✓✔]\s*)?\]|\(\s*(?:[xX✓✔]\s*)?\)|[☐□☒☑■]"
BOXED_OPTION = re.compile(rf"(?:^|(?<=\s))(?P<box>{BOX})\s*(?P<choice>\S.*?)\s*(?=(?:{BOX})|$)")
"""One option of a line that offers several, each behind its own box ("[ ] Colleague  [X] Student")."""
TICKED_BOX = re.compile(r"[xX✓✔☒☑■]")
INSTRUCTION = re.compile(r"(?i)\((?:please\s+)?(?:check|tick|select|choose|circle|mark)\b")
"""A question's answering instruction ("(check one)", "(tick all that apply)"): a question line, never an option."""
OPTIONS_MAX = 12
PROSE_WORDS = 8
"""An option is a few words; a line of more is prose, and the options have ended."""
TICK_SCORE = 0.93
"""A choice read from a tick mark in front of it (a mark is a small glyph, often misread on a scan)."""


@dataclass(frozen=True)
class Ticked:
    """A tick-box question: the ticked options (one, none or several) and the question's own place."""

    question: Found
    choices: list[Found]


def ticked_options(doc: DocText, question: str, rule: str) -> Ticked | None:
    """The options ticked under a question ("How do you know the applicant? (check one)"), one option a line.

    The options are the short lines after the question (numbered or not), up to the next question or labelled
    field; a ticked one starts with a mark (X, a check, a filled box). A line may offer several options in a
    grid, each behind its own box, and the question's own line may carry them after the question.
    """
    pattern = re.compile(rf"(?i)^\s*(?:{QUESTION_NUMBER})?(?:{question})\b")
    for index, line in enumerate(doc.lines):
        asked = pattern.match(doc.slice(line.start, line.end))
        if not asked:
            continue
        inline = list(BOXED_OPTION.finditer(doc.slice(line.start, line.end), asked.end()))
        choices = [Found(line.start + m.start("choice"), line.start + m.end("choice"), rule, TICK_SCORE)
                   for m in inline if len(inline) >= 2 and TICKED_BOX.search(m.group("box"))]
        for option in doc.lines[index + 1:index + 1 + OPTIONS_MAX]:
            text = doc.slice(option.start, option.end)
            boxed = _boxed_options(text)
            if option.page != line.page or (len(boxed) < 2 and _ends_options(text)):
                break
            if len(boxed) >= 2:
                choices += [Found(option.start + m.start("choice"), option.start + m.end("choice"), rule, TICK_SCORE)
                            for m in boxed if TICKED_BOX.search(m.group("box"))]
            elif mark := CHECK_MARK.match(text):
                choices.append(Found(option.start + mark.start("choice"), option.start + mark.end("choice"),
                                     rule, TICK_SCORE))
        return Ticked(Found(line.start, line.end, rule, TICK_SCORE), choices)
    return None


def _boxed_options(text: str) -> list[re.Match[str]]:
    """The boxed options of a line, when the whole line is made of them (text before the first box is not)."""
    options = list(BOXED_OPTION.finditer(text))
    return options if options and not text[:options[0].start()].strip() else []


def _ends_options(text: str) -> bool:
    """A line that is not one option of a list: another question, a labelled field, or prose.

    Its box does not count as a word, nor does a box a scan misread ("[|", "(J", "@"): no two letters or digits.
    """
    mark = CHECK_MARK.match(text)
    bare = mark.group("choice") if mark else EMPTY_BOX.sub("", text)
    words = [word for word in bare.split() if len(re.findall(r"[A-Za-z0-9]", word)) >= 2]
    return (text.rstrip().endswith("?") or bool(INSTRUCTION.search(text)) or ":" in bare
            or len(words) > PROSE_WORDS)
