"""Whose word a letter's confirming sentence gives (review r13e finding 9).

The writer's own word has a sure shape: "We"/"I" and a verb of confirming ("We confirm that Ana Ruiz was employed
by X", "I can verify that she ..."). A person named, or "she"/"he", with a verb of saying before the facts ("Ana
Ruiz writes that she was employed by X", "Ana Ruiz has indicated she ...", "She reports that ...") gives that
person's word, not the organisation's: the employer is checked whatever the verb (a closed list of saying verbs
was beaten by each review, so any verb in that place counts).
"""

from __future__ import annotations

import re

NOT_A_PERSON = (r"(?:We|I|This|That|These|Those|It|Our|The|Their|Its|At|In|On|As|Please|Records|Payroll|Further"
                r"|Following|Per|According|With|Dear|Yours)\b")
"""Capitalised words opening a sentence that name no person speaking ("This confirms", "Our records show")."""
SAYER = (rf"(?:\b(?:she|he|they)|(?:(?:Mr|Ms|Mrs|Mx|Dr|Miss)\.?\s+)?(?!{NOT_A_PERSON})(?-i:[A-Z][\w'’-]+)"
         r"(?:\s+(?-i:[A-Z][\w'’-]+)){0,2})")
"""Who may be speaking: a pronoun of the person or a name of one to three capitalised words."""
SAYING = re.compile(
    rf"(?i){SAYER}\s+(?:(?:has|have|had|also|herself|himself|previously|recently)\s+)*"
    r"(?!(?:was|is|were|are|been|worked|works|served|serves|joined|started|began|left)\b)"
    r"(?:[a-z]+(?:s|ed)|told|wrote|said|says|put|let)\b(?:\s+(?:to\s+)?(?:us|me|our\s+\w+|the\s+\w+))?"
    r"(?:\s+that\b|\s*[,:]|\s+(?=(?:she|he|they|her|his)\b))")
"""A person and a verb of saying before a clause about her ("Ana Ruiz writes that", "She has indicated she",
"Ana Ruiz reports:"), any verb in that place but one of being or working there."""
WRITER_CONFIRMS = re.compile(
    r"(?i)^(?:[^,]*,\s*)?(?:we|i)\s+(?:(?:am|are)\s+(?:pleased|happy|glad|writing|able)\s+to\s+|hereby\s+"
    r"|can\s+|do\s+)?(?:confirm|certify|verify)\b")
"""The writer's sure shape: "We confirm", "I am pleased to certify", "At her request, we verify"."""


def persons_own_word(lead: str) -> bool:
    """Whether the words of a sentence before its "was employed by X" give a person's word, not the writer's.

    `lead` is the sentence's text up to the facts. After the writer's confirming words (WRITER_CONFIRMS) only the
    rest is looked at ("We confirm that Ana Ruiz" is sure; "We confirm that Ana Ruiz writes that she" is not).
    """
    text = " ".join(lead.split())
    writer = WRITER_CONFIRMS.search(text)
    rest = text[writer.end():] if writer else text
    return SAYING.search(rest) is not None
