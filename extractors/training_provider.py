"""Training provider: the organisation that gave a training, from a label, a sentence, a letterhead or a CE statement.

A certificate names its provider in many places, none always present: a labelled line, "offered by ..." in a
letter's sentence, an organisation "presented by" line, the issuer above a "Certificate of ..." heading, or a
CE statement's sponsor sentence. The order those are tried in, and when two agree, is kept together here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.fields import Found, by_strength
from extractors.forms import one_line
from extractors.layout import DocText
from extractors.training_labels import PERSON_PRONE, PROVIDER_TIERS, named_value
from extractors.training_mark import mark_before, mark_over, surely_no_word
from extractors.training_values import Reading, clean

PROVIDER_IN_SENTENCE = re.compile(
    r"\b(?:offered|presented|sponsored|provided|hosted|delivered|conducted|organi[sz]ed)\s+by\s+"
    r"(?P<provider>[^,;]+?)(?=\s+(?:on|from|between|during)\s|[,;]|\.(?:\s|$)|$)", re.I)
ISSUER_TITLE = re.compile(r"^\s*(?:(?:certificate|statement|record|verification|letter)\s+of\b|"
                          r"(?:[\w-]+\s+){0,3}certificate\s*$)", re.I)
"""A certificate's heading: "Certificate of Completion", "Verification of Training", "CE Certificate"."""
ORGANISATION_WORDS = re.compile(
    r"\b(?:institute|center|centre|association|alliance|collaborative|university|college|academy|network|society|"
    r"council|foundation|agency|services|partnership|consortium|clinic|hospital|school|coalition)\b", re.I)
UNNAMED_SPONSOR_SCORE = 0.75
"""A sponsor sentence's subject with no organisation word ("This program is approved by ...", "Jane Doe, LCSW is
responsible for ..."): maybe not the provider, so a person checks it."""
DISAGREEING_SCORE = 0.75
"""The heading and the sponsor sentence name different organisations: the better-read one, for a person to check."""
SPONSOR_SENTENCE = re.compile(
    r"(?m)(?:^|(?<=[.!?] ))(?P<provider>[A-Z][\w&'.,\- ]{3,90}?)\s*(?:\([^)\n]{0,40}\)\s*)?"
    r"(?:is\s+(?:an?\s+)?(?:approved|accredited)\b|maintains\s+responsibility\b|is\s+responsible\s+for\b)")
"""A CE statement's sponsor sentence: "<Org> is approved to offer continuing education", "<Org> (Sponsor No. 1)
maintains responsibility for this program"."""


def read_provider(doc: DocText, reading: Reading, tail: tuple[int, int] | None) -> None:
    """A certificate's provider: label, letter's sentence, "presented by" organisation, else issuer or sponsor."""
    found = by_strength(doc, PROVIDER_TIERS, lambda label: _labelled_provider(doc, label))
    if found is None and tail is not None:
        match = PROVIDER_IN_SENTENCE.search(doc.text.replace("\n", " "), *tail)
        if match:
            found = Found(match.start("provider"), match.end("provider"), "training.provider_in_sentence.v1", 0.92)
    if found is None and (found := _named_by(doc)) is not None:
        issuer = certificate_issuer(doc)
        if issuer is not None and one_line(doc.slice(issuer.start, issuer.end)) == one_line(doc.slice(found.start,
                                                                                                     found.end)):
            found = replace(found, vouched=True)  # the letterhead names it too
    if found is None:
        found = _printed_twice(doc, certificate_issuer(doc), sponsor(doc))
    if found is not None:
        reading.provider = clean(doc.slice(found.start, found.end))
        reading.sources.append(found)
        if found.rule == MARK_DROPPED_RULE:
            reading.reasons.append("training.provider_unsure")  # a short first word dropped as a logo's mark


def _labelled_provider(doc: DocText, label: str) -> Found | None:
    """A provider label's value; under "Host", "Organizer" or "Awarded by" only an organisation's name counts.

    Those labels name a person as often ("Host: Dr. Maya Ortiz, LCSW", "Awarded by: Ana Lee, Director"): the
    heading or a sponsor sentence then says who gave the training, or a person is asked.
    """
    found = named_value(doc, label, "training.provider.v1")
    if found is None or label != PROVIDER_TIERS[PERSON_PRONE]:
        return found
    return found if ORGANISATION_WORDS.search(doc.slice(found.start, found.end)) else None


def _named_by(doc: DocText) -> Found | None:
    """An organisation a line says the training was given by ("Presented by the Center for ...", "offered by ...").

    Only an organisation's name counts: "Presented by Dr. Ana Lopez" names the presenter, not the provider.
    """
    for line in doc.lines:
        match = PROVIDER_IN_SENTENCE.search(doc.slice(line.start, line.end))
        if match is None or not ORGANISATION_WORDS.search(match["provider"]):
            continue
        article = len(match["provider"]) - len(re.sub(r"(?i)^the\s+", "", match["provider"]))
        start = line.start + match.start("provider") + article
        return Found(start, line.start + match.end("provider"), "training.provider_named_by.v1", 0.9)
    return None


def certificate_issuer(doc: DocText) -> Found | None:
    """The organisation named alone above a "Certificate of ..." heading: the certificate's issuer.

    The first cell above the heading that names an organisation (an institute, a center, an association ...),
    beside a letterhead's telephone number too; without one, a heading's only line above it. A logo's letters or
    a department line are not the issuer.
    """
    for index, line in enumerate(doc.lines[:6]):
        if not ISSUER_TITLE.match(doc.slice(line.start, line.end)):
            continue
        above = [cell for top in doc.lines[:index] for cell in top.cell_spans() if _name_line(doc.slice(*cell))]
        named = [cell for cell in above if ORGANISATION_WORDS.search(doc.slice(*cell))]
        if named:
            return _issuer_name(doc, *named[0])
        if index == 1 and len(above) == 1:
            return Found(*above[0], "training.provider_issuer.v1", 0.85)
        return None
    return None


MARK_DROPPED_RULE = "training.provider_issuer_past_mark.v1"
MARK_DROPPED_SCORE = 0.7
"""A name read past a dropped word that may be the name's own initials ("NYU", "UC") set large: a person checks it."""
MARK_READ = 0.5
"""OCR's confidence from which a tall short word was read as letters: a logo's shape read as letters comes out
under it; a word read at it or over may be the name's initials."""


def _issuer_name(doc: DocText, start: int, end: int) -> Found:
    """An issuer's name cell, past a short tall word a scan read before it (a logo's mark or the name's initials).

    A text layer's tall initials are the name's words, kept even on a line of their own over the name. A scan's
    is dropped, and the name flagged unless the word was read poorly and its shape is surely no word.
    """
    mark = mark_over(doc, (start, end))
    if mark is not None and mark.word.source != "ocr":
        return Found(mark.start, end, "training.provider_issuer.v2", 0.9)
    if mark is None and (mark := mark_before(doc, start, end)) is not None:
        if mark.word.source != "ocr":
            return Found(start, end, "training.provider_issuer.v2", 0.9)
        start = next(p.start for p in doc.words_in(start, end) if p.start >= mark.end)
    if mark is not None and (mark.word.confidence >= MARK_READ or not surely_no_word(mark.word.text)):
        return Found(start, end, MARK_DROPPED_RULE, MARK_DROPPED_SCORE)
    return Found(start, end, "training.provider_issuer.v2", 0.9)


def _name_line(text: str) -> bool:
    return not any(ch.isdigit() for ch in text) and len(text.split()) >= 2


def _printed_twice(doc: DocText, heading: Found | None, sentence: Found | None) -> Found | None:
    """The provider from the heading or the sponsor sentence: the better-read of the two, vouched when they agree."""
    if heading is None or sentence is None:
        return heading or sentence
    if one_line(doc.slice(heading.start, heading.end)) == one_line(doc.slice(sentence.start, sentence.end)):
        return replace(heading, vouched=True)
    chosen = max((heading, sentence), key=lambda f: doc.confidence(f.start, f.end))
    return replace(chosen, score=min(chosen.score, DISAGREEING_SCORE))  # two names: a person picks


def sponsor(doc: DocText) -> Found | None:
    """The organisation a CE statement's sponsor sentence names (approved to offer, responsible for the program)."""
    match = SPONSOR_SENTENCE.search(doc.text)
    if match is None:
        return None
    named = ORGANISATION_WORDS.search(match["provider"]) is not None
    return Found(match.start("provider"), match.end("provider"), "training.provider_sponsor.v1",
                 0.9 if named else UNNAMED_SPONSOR_SCORE)
