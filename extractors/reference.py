"""Reference ratings: rater, relationship to the applicant, the rater's endorsement level and the date signed.

A form gives each as a labelled field; a reference letter says them in sentences ("as her program
supervisor", "I hold Endorsement as ... (Level III)"), is dated on top and signed under its closing.
"""

from __future__ import annotations

import re

from extractors.dates import ParsedDate, parse_date
from extractors.fields import Extraction, Found, build_item, slug
from extractors.form_layout import CONTACT_LABEL
from extractors.forms import (
    ARABIC,
    COUNTED_LEVELS,
    DATE_VALUE,
    LEVEL,
    LEVEL_BY_TITLE,
    NO_ENDORSEMENT,
    ORGANISATION,
    PERSON_NAME,
    captions_over_values,
    dates_in,
    field,
    field_date,
    field_value,
    is_stamped,
    letter_date,
    level_of,
    one_line,
    sentences,
    ticked_options,
    value_under,
)
from extractors.layout import DocText
from extractors.nlp import Evidence
from extractors.reference_doubt import (
    HOLDING_DATE,
    before_closing,
    dated_above_salutation,
    letter_signer,
    other_role_named,
    other_scheme_level,
    rater_part_heading,
    sample_name,
    signature_level_line,
    unplaced_date,
)

RELATIONSHIPS = [  # first match wins: the specific wordings before the general "supervisor"
    ("supervisee", r"supervisee|consultee|direct\s+report"),
    ("rsc_provider", r"rs/?c\b|reflective\s+(?:supervisor|supervision|consultant|consultation)|consultant"),
    ("department_chair", r"\bchair|head\s+of\s+(?:the\s+|her\s+|his\s+|their\s+)?department|department\s+head"),
    ("program_supervisor", r"program\s+supervisor|supervisor|director|manager"),
    ("student", r"student|\bintern\b|trainee"),
    ("colleague", r"colleague|peer|co-?worker|team\s*mate"),
]
INTERVIEWED = r"(?:reference|referee)\s+(?:interviewed|contacted|called|consulted|spoken\s+(?:to|with))"
"""A telephone reference record's label for the rater, the name printed under it."""
APPLICANT = r"(?:the\s+|this\s+)?(?:applicant|candidate|endorsee|individual|person\s+(?:named|being\s+recommended))"
"""Whom the reference is about, as the form calls that person."""
SELF_ROLE = re.compile(rf"(?i)\bI\s*(?:am|['’]m)\s+(?:{APPLICANT}['’]s|his|her|their|the\s+\w+['’]s)"
                       r"\s+(?P<role>[\w/-]+(?:\s+[\w/-]+)?)")
"""The rater saying what they are to the applicant ("I am the applicant's supervisee", "I'm her colleague")."""
NEGATION = re.compile(r"(?i)\b(?:not|never|no\s+longer)\b|n['’]t\b")
"""A role denied: "I am not her supervisor", "we were never co-workers", "I'm no longer her manager"."""
POSSESSED = re.compile(r"\s?[`'’‘´ʼ′]\s?s\b|\s+s\b|-(?=\w)"
                       r"|\s+of\s+(?:her|his|their|my|our|your|the\s+(?:applicant|candidate|endorsee)['’]s)\s+(?:\w+\s+)?"
                       r"(?:supervis\w*|manager|director|chair|colleague|peer|co-?worker|student|intern|trainee"
                       r"|consultant|mentor|boss|lead)\b")
"""A role followed by "'s" owns the role after it ("her supervisor's colleague"), however a scan spells the
apostrophe ("supervisor`s", "supervisor 's", "supervisor s"); one with a hyphened tail ("supervisor-in-training") is
another role, and one "of her ..." ("the manager of her manager") is someone else's: none is the rater's."""
FORMER_NOW = re.compile(r"(?i)\b(?:former(?:ly)?|previously|once)\b.*\b(?:now|currently|presently|today)\b")
"""An answer giving a role the rater had, then the one they have now: which one the form asks is for a person."""
NOT_OWN_LEVEL = re.compile(
    r"(?i)\b(?:not|never|none|no\s+(?:endorsement|level|one)|apply(?:ing)?|applied|application|towards?|pursu\w*"
    r"|seek\w*|sought|recommend\w*|lapsed|expired|former(?:ly)?|previously|pending|in\s+progress"
    r"|(?:she|he|they)\s+(?:holds?|has|have|is|was|are|were)|applicant|candidate|endorsee|supervisor|supervisee"
    r"|colleague|manager)\b"
    r"|n['’]t\b|\b[A-Z][a-z]+\s+(?:holds|has)\b")
"""An answer to the rater's own level that names a level not held by the rater: a denial ("I have none; ..."), a
level only sought, recommended or lapsed ("I am applying for Level III"), or someone else holding it ("the
candidate holds Level II", "my supervisor holds Level IV"). Other words beyond a level held (`HELD_LEVEL_WORDS`)
keep the level read, flagged for a person."""
HELD_LEVEL_WORDS = re.compile(
    r"(?i)\b(?:yes|i|hold|have|am|held|earned|currently|current|endorsed|endorsement|imh-?e|level|iv|iii|ii|[1-4]"
    r"|infant|family|mental|health|specialist|associate|mentor|clinical|policy|research|faculty|since|in|at|as|an?"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august"
    r"|september|october|november|december|\d{1,4}(?:[/.-]\d{1,4}){0,2})\b|\[\s*[xX✓✔]?\s*\]|\(\s*[xX]?\s*\)")
"""The words a sure answer to the rater's own level is made of: the level and its title, "yes" or "I hold", and when
it was earned ("Endorsed at Level III since 2012"). Any other word may say the level is not held now or not the
rater's."""
PRECISIONS = ("year", "month", "day")
TOWARDS = r"(?:to|with|in\s+relation\s+to|with\s+respect\s+to|relative\s+to)"
RATER_LABEL = (r"rater(?:'s)?\s+name|rater|name\s+of\s+(?:the\s+)?(?:rater|reference|referee|evaluator|recommender"
               r"|respondent)|(?:reference|referee|evaluator|recommender|respondent)(?:'s)?\s+(?:full\s+)?name"
               r"|referee|evaluator|recommender|respondent|reference\s+(?:provider|giver|writer|author)"
               r"|(?:your|print(?:ed)?|typed)\s+(?:full\s+)?name|(?:completed|submitted|provided|prepared)\s+by"
               r"|name\s+of\s+(?:the\s+)?person\s+(?:completing|filling\s+(?:in|out)|submitting|giving|providing"
               r"|writing)(?:\s+(?:this|the)\s+(?:form|reference|rating|recommendation))?")
"""Who rated: the rater, referee, evaluator, recommender or respondent by any name, or the person completing the
form."""
RELATION_LABEL = (r"(?:(?:please\s+)?describe\s+)?(?:(?:the\s+)?nature\s+of\s+(?:the\s+|your\s+)?|your\s+)?"
                  r"(?:professional\s+|working\s+)?"
                  rf"(?:(?:relationship|connection|role|capacity)(?:\s+{TOWARDS}\s+{APPLICANT})?"
                  rf"|(?:association|position)\s+{TOWARDS}\s+{APPLICANT})"
                  rf"|how\s+(?:(?:do|did)\s+you\s+know|you\s+know|(?:are|were)\s+you\s+(?:acquainted|connected|related)"
                  rf"\s+(?:with|to)|have\s+you\s+known)\s+{APPLICANT}"
                  r"|(?:how\s+long\s+and\s+)?in\s+what\s+(?:capacity|role|context)\s+(?:do|did|have)\s+you\s+"
                  rf"(?:known?|work(?:ed)?\s+with|supervised|interacted\s+with)\s+{APPLICANT}"
                  rf"|what\s+is\s+(?:the\s+nature\s+of\s+)?your\s+(?:professional\s+)?(?:relationship|connection)"
                  rf"\s+(?:to|with)\s+{APPLICANT}"
                  r"|(?:relationship|capacity|role|context|setting)\s+in\s+which\s+you\s+(?:(?:have\s+)?(?:known?|knew)"
                  rf"|(?:have\s+)?work(?:ed)?\s+with|(?:have\s+)?supervised|interact(?:ed)?\s+with)\s+{APPLICANT}")
"""How the rater knows the applicant: relationship, connection, role or capacity, as a label or a question."""
HOLDING = (r"(?:(?!(?:about|regarding|concern|question|reservation|applicant|candidate|the)\w*\b)[\w®-]+\s+){0,5}?"
           r"endorsement")
"""What a rater holds, in the words between "hold"/"have" and "endorsement" ("an infant mental health
endorsement", "your own IMH endorsement"); never a question about the applicant's endorsement ("concerns about",
"any questions regarding")."""
IF_ANY = r"(?:\s*\(\s*if\s+any\s*\)|,?\s+if\s+any)?"
"""A field the rater may leave empty says so after its label: "(if any)"."""
LEVEL_LABEL = (r"(?:rater(?:'s)?\s+|your\s+(?:current\s+|own\s+)?|current\s+)?(?:endorsement|imh-?e®?)"
               r"(?:\s+(?:level|held|status|category))?(?:\s+held)?(?:\s+by\s+(?:the\s+)?(?:rater|reference|referee))?"
               rf"{IF_ANY}|(?:endorsement|imh-?e®?)(?:\s+level)?\s+(?:that\s+|which\s+)?you\s+(?:currently\s+)?"
               rf"(?:hold|have(?:\s+earned)?){IF_ANY}"
               r"|rater\s+level|endorsement\s+level\s+held|level\s+of\s+endorsement(?:\s+held)?"
               r"|(?:which|what)\s+(?:level\s+of\s+)?(?:endorsement|imh-?e®?)(?:\s+level)?\s+(?:do|did)\s+you\s+"
               r"(?:currently\s+|yourself\s+)?(?:hold|have)(?:\s+yourself)?"
               rf"|(?:do\s+you\s+(?:currently\s+|yourself\s+)?(?:hold|have)\s+{HOLDING}"
               r"|are\s+you\s+(?:currently\s+|yourself\s+)?endorsed)(?:\s+yourself|\s+of\s+your\s+own)?\??"
               r"(?:\s*(?:\(\s*)?(?:if\s+(?:so|yes),?\s+(?:(?:at\s+)?(?:which|what)(?:\s+level)?(?:\s+(?:one|is\s+it))?"
               r"|(?:please\s+)?(?:give|state|list|specify|name)\s+(?:the\s+)?(?:level|category))"
               r"|[^?():]{0,20}\b(?:which|what|level)\b[^?():]{0,12}\?)\s*\)?)?")
"""The rater's own endorsement: a field, or the question "Do you hold ... endorsement (yourself)? If so, which?"
("Which endorsement do you hold?");
its short follow-up asks which one, however worded (or misread by OCR: "Le so, which?"), never another question."""
DATE_LABEL = (r"date(?:\s+(?:signed|completed|submitted))?|(?:signed|completed|submitted)\s+on|today'?s\s+date"
              r"|date\s+of\s+(?:(?:this|the)\s+)?(?:rating|reference|signature|completion|submission|response"
              r"|recommendation|evaluation)|(?:signature|completion|submission|response)\s+date"
              r"|date\s+(?:you\s+)?(?:completed|submitted|signed)\s+(?:this|the)\s+"
              r"(?:form|reference|rating|recommendation|questionnaire|survey|evaluation)")
"""The date the rater completed the form, as the form asks for it; never a date received, exported or printed."""
POSSESSIVE = r"(?:my|her|his|their|the\s+(?:applicant|candidate)['’]s|[A-Z][a-z]+['’]s)"
THE_RATER = r"\bthe\s+(?:reference|referee|rater|evaluator|recommender)\s+"
"""How notes taken by someone else (a telephone reference) name the rater."""
AS_RELATION = re.compile(rf"(?:\bas\s+(?:{POSSESSIVE}|an?)"
                         rf"|(?:\bI\s+|(?<!\S)[Il|]\s*)(?:am|was|have\s+been)\s+{POSSESSIVE}"
                         rf"|{THE_RATER}(?:is|was|has\s+been)\s+(?:{POSSESSIVE}|the|an?))"
                         r"\s+(?P<relation>[^.,;()]{3,60})", re.I)
"""A letter's "as her program supervisor", "as Ines's colleague", "I was the applicant's student" (a scan's "Iam",
"lam" too); notes' "the
reference is the chair of ..."; an aside in brackets ("as a colleague (no supervisory role)") is not the relation."""
RATER_SIGNATURE = (r"(?:rater|reference|referee|evaluator|recommender)(?:['’]s)?\s+signature"
                   r"|signature\s+of\s+(?:the\s+)?(?:rater|reference|referee|evaluator|recommender)")
"""A signature caption that names whose signature it is: the rater's."""
SIGNED_LABEL = rf"{RATER_SIGNATURE}|signature|signed(?:\s+by)?"
GLOSSED_OPTION = re.compile(r"(?i)^\s*(?P<option>[^-–—:]{3,40}?)\s+[-–—]\s+"
                            r"(?:the\s+)?(?:applicant|candidate|he|she|they)\s+(?:is|was|has\s+been|were)\s+(?:my|our)\b")
"""An option and its explanation after a spaced dash, the explanation stating the other side of the same
relationship ("- the applicant is my supervisor"); a dash before anything else ("Former supervisor - currently a
colleague") names a second relationship."""
TYPED_SIGNATURE = re.compile(r"^\s*/s/\s*")
BARE_LEVEL = re.compile(r"^\s*(IV|III|II|I|[1-4])\s*$", re.I)
"""A level field's value that is the numeral alone."""
HOLDS = re.compile(rf"(?:\bI\s+|(?<!\S)[|l\[\]!1]\s*|{THE_RATER})(?:currently\s+)?"
                   r"(?P<negation>do(?:es)?\s+not\s+|do(?:es)?n't\s+|am\s+not\s+|is\s+not\s+)?"
                   r"(?:holds?|held|ha(?:ve|s)\s+(?:held|earned|been\s+(?:awarded|granted))|(?:am|is|was)\s+endorsed)\b",
                   re.I)
"""The rater's own endorsement: "I hold ...", or notes' "the reference holds / does not hold ..."."""
RELATION_QUESTION = (r"how\s+(?:do|did)\s+you\s+know|in\s+what\s+(?:capacity|role|context)"
                     r"|how\s+(?:are|were)\s+you\s+(?:connected|related|acquainted)"
                     r"|(?:what\s+is\s+)?(?:the\s+nature\s+of\s+)?(?:your\s+)?(?:professional\s+)?"
                     rf"(?:relationship|connection)\s+{TOWARDS}\s+{APPLICANT}")
"""A question asking how the rater knows the applicant, with its options under it."""
LEVEL_QUESTION = (r"your\s+(?:own|current)\s+(?:[A-Za-z-]+\s+){0,4}?endorsement|your\s+endorsement"
                  r"|(?:are\s+you|rater)\s+endorsed|endorsement\s+(?:held|level)"
                  r"|(?:which|what)\s+(?:level\s+of\s+)?endorsement(?:\s+level)?\s+(?:do|have)\s+you"
                  rf"|do\s+you\s+(?:currently\s+)?hold\s+{HOLDING}")
"""A question asking for the rater's own endorsement (never the applicant's), however it is put; "your own" or
"your current" may name what the endorsement is for ("Your own Infant Mental Health Endorsement"). Other words
between "your" and "endorsement" ask about the applicant ("Your recommendation for endorsement level")."""
CONTACT = re.compile(r"@|\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}")
"""A telephone number or an e-mail address: how to reach a person, never a name."""
CONTACT_START = re.compile(rf"[^\s,;:|<(]*@|{CONTACT.pattern}")
"""Where a contact detail starts: the whole e-mail address, or the telephone number."""
CONTACT_CUT = re.compile(r"(?:[\s,;:|/<–—-]|\b(?:tel|phone|e-?mail|cell|mobile|ph)\b\.?)*$", re.I)
"""What parts a name from the telephone number or e-mail address after it: a comma, a dash, or their label."""
CUT_SCORE = 0.75
"""A name read up to the contact detail after it, in a field meant for the name alone: for a person to check."""
GROUP = re.compile(r"(?i)\b(?:collaborative|cooperative|co-?op|consortium|coalition|federation|initiative|project"
                   r"|board|commission|committee|trust|league|union|ministry|partners|team|staff|collective)\b")
"""Words naming a body of people, never one person: a rater field holding one names who completed the form."""
RATER_SECTION = re.compile(
    r"(?i)^\s*(?:(?:part|section|step)\s+[\dA-Z]{1,3}\s*[.:)]?\s*[-–—:]?\s*)?"
    r"(?:about\s+(?:you(?:rself)?|the\s+(?:rater|referee|reference|evaluator|recommender))"
    r"|your\s+(?:own\s+)?(?:information|details|contact\s+(?:information|details))"
    r"|(?:rater|referee|reference|evaluator|recommender|respondent)(?:['’]s)?\s+(?:information|details|identification)"
    r"|information\s+about\s+(?:you(?:rself)?|the\s+(?:rater|referee|reference|evaluator|recommender))"
    r"|(?:to\s+be\s+)?completed\s+by\s+(?:the\s+)?(?:rater|referee|reference|evaluator|recommender))\s*:?\s*$")
"""A section heading that says the fields under it are the rater's: "Part 1. About you", "Referee details"."""
NEXT_SECTION = re.compile(r"(?i)^\s*(?:(?:part|section|step)\s+[\dA-Z]{1,3}\b"
                          r"|(?:about|information\s+about)\s+the\s+(?:applicant|candidate)"
                          r"|(?:applicant|candidate)(?:['’]s)?\s+(?:information|details))")
"""Where a rater's section ends: the next numbered part, or a section about the applicant."""
APPLICANT_PART = re.compile(r"(?i)\b(?:completed|filled\s+(?:out|in)|to\s+be\s+filled)\s+by\s+(?:the\s+)?"
                            r"(?:applicant|candidate)\b|^\s*(?:(?:part|section|step)\s+[\dA-Z]{1,3}\W*)?"
                            r"(?:applicant|candidate)(?:['’]s)?(?:\s+(?:section|part|information|details))?\s*:?\s*$")
"""A line saying the fields below are the applicant's to fill in: a "Your information" heading under it is theirs."""
APPLICANT_NAME = re.compile(r"(?im)^\s*(?:name\s+of\s+(?:the\s+)?)?(?:applicant|candidate)(?:['’]s)?"
                            r"(?:\s+(?:full\s+)?name)?\s*:\s*(?P<name>\S.*?)\s*$")
"""The applicant's name as a form prints it: never the rater's."""
OWN_DETAILS = re.compile(r"(?i)\b(?:contact|address|phone|telephone|e-?mail|credentials?|licen[sc]e\w*|professional"
                         r"|employment|work|workplace|position|current|your|signature)\b")
"""A sub-heading within the rater's own section ("Contact details", "Your credentials"): the section goes on."""
LOOK_BACK = 4
"""How far above a rater section's heading a line saying it is the applicant's part may stand."""
SECTION_LINES = 10
SECTION_NAME = re.compile(r"(?i)^\s*(?:(?:full|print(?:ed)?|typed|your(?:\s+full)?)\s+)?name(?:\s*\(print\))?\s*"
                          r"(?::|\.{3,})?\s*$")
"""A plain "Name" label: whose name it is, the section it stands in says."""
SECTION_NAME_SCORE = 0.93
PLACEHOLDER_SCORE = 0.5
"""A rater field still holding the form's sample name: whoever rated is for a person to find."""
TITLES = frozenset({"dr", "mr", "ms", "mrs", "mx", "prof"})
UNTICKED = re.compile(r"\[\s*\]|☐|□|\(\s*\)")
TICKED = re.compile(r"(?:\[\s*[xX✓✔]\s*\]|☒|☑|✓|✔|■|\(\s*[xX]\s*\))\s*(?P<choice>[^\[☐☒☑✓✔■□(]+)")


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """One reference item from a rating form or a reference letter."""
    reasons: list[str] = []
    above = captions_over_values(doc)
    labelled = (_person(doc, field_value(doc, RATER_LABEL, "reference.rater.v2", captions_above=above))
                or _section_name(doc))
    signer, pair = letter_signer(doc)
    signed = _signed_name(doc, above)
    if labelled is not None and any(other is not None and not _same_person(doc, labelled, other)
                                    for other in (signer, signed)):
        reasons.append("reference.rater_unclear")  # the form names one person, the signature another
    reasons += [] if labelled else pair
    rater = labelled or _interviewed(doc) or signer or signed
    relationship, relation_found = _relationship_field(doc, above)
    if relation_found is None:
        relationship, relation_found, ambiguous = _relationship_in_letter(doc)
        if ambiguous:
            reasons.append("reference.relationship_ambiguous")
    dated, date_found = _date(doc, evidence, above)
    level, readable, level_found, level_reasons = _level_field(doc, above, dated)
    if level_found is None:
        level, readable, level_found, level_reasons = _level_in_letter(doc)
    if level_found is None and not pair:
        level, readable, level_found, level_reasons = _block_level(doc, signer, dated)
    reasons += level_reasons
    if relationship is None:
        reasons.append("reference.relationship_unclear")
    if not readable:
        reasons.append("reference.level_unreadable")
    if dated is None:
        reasons.append("reference.date_missing")
    elif date_found is not None and date_found.rule == DOUBTED_INLINE_DATE:
        reasons.append("reference.date_unclear")  # a date label after words that may date something else
    if rater is None:
        reasons.append("reference.rater_missing")
    elif _placeholder(doc.slice(rater.start, rater.end)):
        reasons.append("reference.rater_placeholder")  # the form's sample name left in its rater field
    value = {
        "rater": one_line(doc.slice(rater.start, rater.end)) if rater else None,
        "relationship": relationship,
        "rater_level": level,
        "date": dated.iso() if dated else None,
    }
    sources = [s for s in (rater, relation_found, level_found, date_found) if s is not None]
    item = build_item(doc, "reference", f"reference:{slug(value['rater'] or 'unknown')}", value, sources, reasons)
    return Extraction(items=[item])


def _block_level(doc: DocText, signer: Found | None, dated: ParsedDate | None,
                 ) -> tuple[str | None, bool, Found | None, list[str]]:
    """The level on the signer's own endorsement line (`signature_level_line`); of no known scheme, doubted."""
    block = signature_level_line(doc, signer)
    if block is None:
        return None, False, None, []
    text = doc.slice(block.start, block.end)
    level, readable, found, reasons = _own_level(_decisive(doc, block.start, text, block), text, dated)
    if other_scheme_level(text) and "reference.level_answer_unclear" not in reasons:
        reasons = [*reasons, "reference.level_answer_unclear"]
    return level, readable, found, reasons


def _person(doc: DocText, found: Found | None) -> Found | None:
    """A rater field's value when it names a person: "Prepared by" / "Completed by" may name the organisation.

    A contact field beside the name (its "Telephone" label, a number, an e-mail address) is never the rater; a name
    followed by how to reach the person ("Rosa Lind, (555) 201-4477") is the name before it, at a score a person
    checks.
    """
    text = doc.slice(found.start, found.end) if found is not None else ""
    if found is None or not text or ORGANISATION.search(text) or GROUP.search(text) or CONTACT_LABEL.match(text):
        return None
    if _placeholder(text):
        return Found(found.start, found.end, found.rule, min(found.score, PLACEHOLDER_SCORE))
    contact = CONTACT_START.search(text)
    if contact is None:
        return found
    name = CONTACT_CUT.sub("", text[:contact.start()])
    if not PERSON_NAME.match(name):
        return None
    start = found.start + len(name) - len(name.lstrip())
    return Found(start, found.start + len(name), found.rule, min(found.score, CUT_SCORE))


def _placeholder(name: str) -> bool:
    """Whether a name is a form's sample, not a person's own (`sample_name`)."""
    return sample_name(name)


def _same_person(doc: DocText, one: Found, other: Found) -> bool:
    """Whether two names are one person's: the words of one (titles and credentials aside) all in the other."""
    words = [set(re.findall(r"[a-z][a-z'’-]+", doc.slice(f.start, f.end).split(",")[0].casefold())) - TITLES
             for f in (one, other)]
    return bool(words[0] and words[1]) and (words[0] <= words[1] or words[1] <= words[0])


def _section_name(doc: DocText) -> Found | None:
    """The plain "Name" field of the form's section about the rater ("Part 1. About you" over "Name: Ana Bell").

    The label alone does not say whose name it is; the heading over it does, unless a line just above says the part
    is the applicant's to fill in. Only a person's name is taken, never the applicant's as printed on the form, and
    only up to the next part, a section about the applicant, or any other short heading standing alone.
    """
    applicant = {name.casefold() for name in (m.group("name") for m in APPLICANT_NAME.finditer(doc.text))}
    for index, line in enumerate(doc.lines):
        if not RATER_SECTION.match(doc.slice(line.start, line.end)) or any(
                APPLICANT_PART.search(doc.slice(above.start, above.end))
                for above in doc.lines[max(index - LOOK_BACK, 0):index] if above.page == line.page):
            continue
        for following in doc.lines[index + 1:index + 1 + SECTION_LINES]:
            text = doc.slice(following.start, following.end)
            if following.page != line.page or NEXT_SECTION.match(text) or _heading(text, following.cell_spans()):
                break
            found = _name_cell(doc, following.cell_spans())
            if found is not None:
                return None if doc.slice(found.start, found.end).strip().casefold() in applicant else found
    return None


def _heading(text: str, cells: list[tuple[int, int]]) -> bool:
    """Whether a line is a short heading standing alone ("Person being recommended", "Applicant").

    One cell of a few words, with no colon, no figure, and no plain "Name" label.
    """
    return (len(cells) == 1 and ":" not in text and not re.search(r"\d", text)
            and 1 <= len(text.split()) <= 5 and not SECTION_NAME.match(text) and not OWN_DETAILS.search(text))


def _name_cell(doc: DocText, cells: list[tuple[int, int]]) -> Found | None:
    """A person's name after a plain "Name" label: in the label's own cell after its colon, or the next cell."""
    first = doc.slice(*cells[0])
    inline = re.match(r"(?i)^(\s*(?:(?:full|print(?:ed)?|typed|your(?:\s+full)?)\s+)?name\s*:\s*)(\S.*?)\s*$", first)
    if inline:
        start, end = cells[0][0] + inline.start(2), cells[0][0] + inline.end(2)
    elif SECTION_NAME.match(first) and len(cells) > 1:
        start, end = cells[1]
    else:
        return None
    if not PERSON_NAME.match(doc.slice(start, end)):
        return None
    score = PLACEHOLDER_SCORE if _placeholder(doc.slice(start, end)) else SECTION_NAME_SCORE
    return Found(start, end, "reference.section_name.v1", score)


def _interviewed(doc: DocText) -> Found | None:
    """The name under "Reference interviewed" standing alone: notes of a call print each value under its label."""
    hit = field(doc, INTERVIEWED, "reference.interviewed.v1")
    found = (hit.value or value_under(doc, hit)) if hit is not None else None
    # a call's record may answer "Yes", give the call's date or how it was made: only a name is the rater
    return found if found is not None and PERSON_NAME.match(doc.slice(found.start, found.end)) else None


def _signed_name(doc: DocText, above: bool) -> Found | None:
    """A form that prints no name field: the typed signature ("Signature: /s/ Ana Bell, LCSW") names the rater.

    So does a name standing alone on the line a caption names as the rater's ("Signature of reference" under it):
    a bare "Signature" may be anyone's, the applicant's too.
    """
    hit = field(doc, SIGNED_LABEL, "reference.signature_name.v1", captions_above=above)
    if hit is None or hit.value is None:
        return None
    found = hit.value
    text = doc.slice(found.start, found.end)
    mark = TYPED_SIGNATURE.match(text)
    if mark is None:
        named = re.fullmatch(rf"(?i)\s*(?:{RATER_SIGNATURE})\s*:?\s*", doc.slice(hit.label.start, hit.label.end))
        return Found(found.start, found.end, found.rule, 0.9) if named and PERSON_NAME.match(text) else None
    if not PERSON_NAME.match(text[mark.end():]):
        return None
    name = text[mark.end():].split(",")[0].rstrip()
    return Found(found.start + mark.end(), found.start + mark.end() + len(name), found.rule, 0.9)


def relationship_code(text: str) -> str | None:
    """The DESIGN.md relationship code a wording names; None when it names none or several (an untouched list).

    A role denied before it is named ("I am not her supervisor", "never a co-worker"), a role that only owns the
    one named after it ("her supervisor's colleague"), or a role left for another ("former supervisee, now a
    colleague") names no code: the answer is for a person to read.
    """
    ticked = TICKED.search(text)
    if ticked:
        text = ticked.group("choice")
    elif UNTICKED.search(text):  # options offered and none ticked
        return None
    if FORMER_NOW.search(text):
        return None
    codes = []
    for code, pattern in RELATIONSHIPS:
        named = list(re.finditer(pattern, text, re.I))
        if any(NEGATION.search(text[:m.start()]) or POSSESSED.match(text[m.end():]) for m in named):
            return None
        if named:
            codes.append(code)
            text = re.sub(pattern, " ", text, flags=re.I)
    return codes[0] if len(codes) == 1 else None


def _self_stated(doc: DocText, found: Found) -> tuple[str | None, Found] | None:
    """The role the rater gives themself in an answer ("The applicant is my supervisor (I am her supervisee)").

    An answer may name both sides of the relationship; the side the rater says they are is the rater's. When the
    rater says so in words that name no role, the relationship is left to a person.
    """
    text = doc.slice(found.start, found.end)
    own = SELF_ROLE.search(text)
    if own is None:
        return None
    turned = POSSESSED.match(text[own.end():]) or FORMER_NOW.search(text)  # "her supervisor's ...", "former ... now"
    code = None if turned else relationship_code(own.group("role"))
    if code is None:  # no role, or a role that owns the one after it ("I am her supervisor's colleague")
        return None, Found(found.start, found.end, found.rule, min(found.score, CUT_SCORE))
    return code, found


def _option_code(text: str) -> str | None:
    """The code of an answer that is an option then its gloss ("Supervisee - the applicant is my supervisor").

    A form's list of relationships often explains each option after a dash; the explanation names the other
    side of the relationship, so the option before the dash decides when the whole names more than one.
    """
    code = relationship_code(text)
    option = GLOSSED_OPTION.match(text)
    if code is not None or option is None:
        return code
    return relationship_code(option.group("option"))


def _relationship_field(doc: DocText, above: bool) -> tuple[str | None, Found | None]:
    found = _with_options(doc, field_value(doc, RELATION_LABEL, "reference.relationship.v2", captions_above=above))
    if found is not None:
        return _self_stated(doc, found) or (_option_code(doc.slice(found.start, found.end)), found)
    ticked = ticked_options(doc, RELATION_QUESTION, "reference.relationship_ticked.v1")
    if ticked is None:
        return None, None
    if len(ticked.choices) != 1:  # none or several ticked: the question is there, the answer is not clear
        return None, ticked.question
    choice = ticked.choices[0]
    return relationship_code(doc.slice(choice.start, choice.end)), choice


def _with_options(doc: DocText, found: Found | None) -> Found | None:
    """A value that is one tick-box option stretches to the end of its line: the answer is the ticked one.

    Options listed one a line under a question are left to `ticked_options` (None here), which reads every one.
    """
    text = doc.slice(found.start, found.end) if found is not None else ""
    if found is None or not (UNTICKED.search(text) or TICKED.search(text)):
        return found
    if "\n" in text.strip():
        return None
    line = doc.line_at(found.start)
    return Found(found.start, line.end, found.rule, found.score) if line else found


def _relationship_in_letter(doc: DocText) -> tuple[str | None, Found | None, bool]:
    """'I have known X for 7 years, as her program supervisor': the code of every "as my/her ..." phrase.

    Only the words before a statement of the rater's own endorsement count: "I hold Endorsement as ..." names a title.
    A form's lines with no full stop run into one sentence ("I am the applicant's supervisee" over "Endorsement I
    hold, if any: ..."): the line above still says the relationship.
    """
    codes: list[tuple[str, Found]] = []
    other_role = False
    spans = sentences(doc)
    for index, (start, end) in enumerate(spans):
        sentence = doc.slice(start, before_closing(doc, start, end))
        after = doc.slice(spans[index + 1][0], before_closing(doc, *spans[index + 1])) if index + 1 < len(spans) else ""
        holds = HOLDS.search(sentence)  # "I hold Endorsement as ..." names a title, not a relationship
        scope = sentence[:holds.start()] if holds else sentence
        for match in AS_RELATION.finditer(scope):
            code = relationship_code(match.group("relation"))
            if code:
                codes.append((code, Found(start + match.start("relation"), start + match.end("relation"),
                                          "reference.letter_relationship.v1", 0.93)))
                other_role = other_role or other_role_named(
                    f"{scope[:match.start('relation')]} {scope[match.end('relation'):]}. {after}", code,
                    RELATIONSHIPS, POSSESSED)
    if not codes:
        return None, None, False
    return codes[0][0], codes[0][1], other_role or len({code for code, _ in codes}) > 1


def _level_field(doc: DocText, above: bool, dated: ParsedDate | None,
                 ) -> tuple[str | None, bool, Found | None, list[str]]:
    found = _with_options(doc, field_value(doc, LEVEL_LABEL, "reference.level.v2", captions_above=above))
    if found is None:
        options = ticked_options(doc, LEVEL_QUESTION, "reference.level_ticked.v1")
        if options is None:
            return None, False, None, []
        if len(options.choices) != 1:
            return None, False, options.question, []
        choice = options.choices[0]
        return _own_level(_decisive(doc, choice.start, doc.slice(choice.start, choice.end), choice),
                          doc.slice(choice.start, choice.end), dated)
    text = doc.slice(found.start, found.end)
    return _own_level(_ticked_or_decisive(doc, found.start, text, found), text, dated)


def _own_level(read: tuple[str | None, bool, Found, list[str]], text: str, dated: ParsedDate | None,
               ) -> tuple[str | None, bool, Found, list[str]]:
    """A level read from the answer to the rater's own level, unless the answer says the level is not the rater's.

    An answer in words may deny holding one and name another's ("I have none; the candidate has Level II"), or name
    a level only sought or recommended ("I am applying for Level III"): no level is taken, and a person reads it. An
    answer held only from a date after the form's own ("Level III in December 2026" on a form of April 2026) is not
    a level held: it is flagged like any answer of other words.
    """
    level, readable, found, reasons = read
    named = LEVEL.search(text) or any(pattern.search(text) for pattern, _ in LEVEL_BY_TITLE)
    if not named or not readable or (_held_shape(text) and not _held_later(text, dated) and not unplaced_date(text)):
        return read
    if NOT_OWN_LEVEL.search(text):
        return None, readable, found, [*reasons, "reference.level_not_own"]
    return read[0], readable, found, [*reasons, "reference.level_answer_unclear"]


def _held_shape(text: str) -> bool:
    """Whether an answer to the rater's own level is only a level held: the level, its title, "yes"/"I hold", dates.

    Every other word ("(inactive)", "expected June 2026", "(my mentor)") may say the level is lapsed, only hoped
    for, or someone else's: such an answer is for a person to read, whatever its words.
    """
    return not re.search(r"[^\W\d_]", HELD_LEVEL_WORDS.sub(" ", text.replace("®", " ")))


def _held_later(text: str, dated: ParsedDate | None) -> bool:
    """Whether an answer to the rater's own level dates the holding after the form's own date.

    Each date is compared as far as both say it: a year alone ("in 2030") against the form's year, a month ("in
    December 2026") against its month. A form without a date has nothing to compare with (it is flagged for that).
    """
    if dated is None:
        return False
    for match in HOLDING_DATE.finditer(text):
        year = int(match.group()[-4:])
        held = parse_date(match.group())
        if held is None or held.date.year != year:
            held = ParsedDate(date=dated.date.replace(year=year, month=1, day=1), precision="year")
        depth = min(PRECISIONS.index(p) if p in PRECISIONS else 0 for p in (held.precision, dated.precision)) + 1
        parts = (held.date.year, held.date.month, held.date.day)[:depth]
        if parts > (dated.date.year, dated.date.month, dated.date.day)[:depth]:
            return True
    return False


def _ticked_or_decisive(doc: DocText, offset: int, text: str, found: Found,
                        ) -> tuple[str | None, bool, Found, list[str]]:
    """A text offering boxed options is decided by the ticked one (none ticked: unreadable); any other by itself."""
    ticked = TICKED.search(text)
    if ticked is None and UNTICKED.search(text):
        return None, False, found, []
    if ticked is None:
        return _decisive(doc, offset, text, found)
    return _decisive(doc, offset + ticked.start("choice"), ticked.group("choice"), found)


def _level_in_letter(doc: DocText) -> tuple[str | None, bool, Found | None, list[str]]:
    """'I hold Endorsement as ... (Level III)' or 'I do not hold ... Endorsement'."""
    for start, end in sentences(doc):
        sentence = doc.slice(start, end)
        holds = HOLDS.search(sentence)
        if not holds or not re.search(r"(?i)endorse", sentence):
            continue
        found = Found(start + holds.start(), start + holds.end(), "reference.letter_level.v1", 0.93)
        if holds.group("negation"):
            return None, True, found, []
        return _ticked_or_decisive(doc, start + holds.end(), sentence[holds.end():], found)
    return None, False, None, []


def _decisive(doc: DocText, offset: int, text: str, found: Found,
              ) -> tuple[str | None, bool, Found, list[str]]:
    """The level a text names and the words that decide it: "Level N", the Endorsement title, or both agreeing.

    When both are there and agree, the better-read of the two is the source; when they disagree, a person looks,
    shown the better-read one's level: a scan drops or blurs a stroke of a numeral ("Level I" for "Level II") far
    more often than a word of a title. An answer saying the rater holds none ("None", "I do not hold one") decides
    it too: no level.
    """
    def span(start: int, end: int) -> Found:
        return Found(offset + start, offset + end, found.rule, found.score)

    none = NO_ENDORSEMENT.match(text)
    if none:
        return None, True, span(none.start(1), none.end(1)), []
    held = HOLDS.match(text.strip())
    if held and held.group("negation") and not LEVEL.search(text):  # "I do not hold an endorsement"
        lead = len(text) - len(text.lstrip())
        return None, True, span(lead + held.start(), lead + held.end()), []
    bare = BARE_LEVEL.match(text)
    if bare:  # "Endorsement level: III": the label says what the numeral is
        numeral = ARABIC.get(bare.group(1), bare.group(1).upper())
        return (numeral if numeral in COUNTED_LEVELS else None), True, span(*bare.span(1)), []
    explicit = list(LEVEL.finditer(text))
    if len({ARABIC.get(m.group(1), m.group(1).upper()) for m in explicit}) > 1:  # a list of levels, none ticked
        return None, False, found, []
    titled = next(((m, lvl) for pattern, lvl in LEVEL_BY_TITLE if (m := pattern.search(text))), None)
    level, readable = level_of(text)
    if not readable:
        return None, False, found, []
    sources = [span(m.start(), m.end()) for m in explicit[:1]] + ([span(*titled[0].span())] if titled else [])
    reasons = []
    if explicit and titled and ARABIC.get(explicit[0].group(1), explicit[0].group(1).upper()) != titled[1]:
        reasons.append("reference.level_conflict")
        numeral, title = span(*explicit[0].span(1)), sources[1]
        if doc.confidence(numeral.start, numeral.end) < doc.confidence(title.start, title.end):
            return (titled[1] if titled[1] in COUNTED_LEVELS else None), readable, sources[1], reasons
        return level, readable, sources[0], reasons
    best = max(sources, key=lambda s: doc.confidence(s.start, s.end)) if sources else found
    return level, readable, best, reasons


INLINE_DATE = re.compile(rf"(?i)(?<=\s)(?:{DATE_LABEL})\s*:\s*(?P<value>\S.*?)\s*$")
"""A date label with its colon and value ending a line that starts with other words: a heading the form printed
the field beside ("Section A - To be completed by the reference Date completed: 11 April 2026")."""
DOUBTED_INLINE_DATE = "reference.date_after_words.v1"
"""The rule of a date label after words that are no heading addressing the rater: its date may be another's."""


def _date_after_heading(doc: DocText, evidence: list[Evidence]) -> Found | None:
    """The value of a date label that says which date ("Date completed:") after other words in the same cell.

    A bare "Date:" in running words may be any date and is not taken. The form's date is sure (0.9) only in its
    shape: a capitalised label naming the act right after a heading that ends on the rater ("... completed by the
    referee Date signed: 3 May 2026"), its value a date alone. Any other words before the label (the applicant's
    section, an office box, "Supervision hours completed on:") or after the date leave it at a score a person checks;
    the first sure one wins over any doubted one.
    """
    doubted = None
    for line in doc.lines:
        text = doc.slice(line.start, line.end)
        match = INLINE_DATE.search(text)
        label = text[match.start():match.start("value")].split(":")[0].strip() if match else ""
        if match is None or not re.search(r"\s", label):
            continue
        start, end = line.start + match.start("value"), line.start + match.end("value")
        dates = dates_in(Found(start, end, DOUBTED_INLINE_DATE, 1.0), evidence)
        if (rater_part_heading(text[:match.start()]) and label[:1].isupper() and len(dates) == 1
                and not doc.slice(start, end).replace(dates[0].text, "", 1).strip(" .,;")):
            return Found(start, end, "reference.date_after_heading.v1", 0.9)
        doubted = doubted or Found(start, end, DOUBTED_INLINE_DATE, 0.7)
    return doubted


def _date(doc: DocText, evidence: list[Evidence], above: bool) -> tuple[ParsedDate | None, Found | None]:
    """The labelled date of a form, else the letter's own date; a Received stamp is never taken.

    A date label after words not addressing the rater is taken (doubted) only when the paper is no letter dated above
    its salutation: a form's line holding only a date may date anything (a start of employment).
    """
    found = field_value(doc, DATE_LABEL, "reference.date.v2", captions_above=above, bare=DATE_VALUE)
    if found is None:
        found = _date_after_heading(doc, evidence)
        if found is not None and found.rule == DOUBTED_INLINE_DATE:
            own = letter_date(doc, evidence, "reference.letter_date.v1")
            if own[0] is not None and dated_above_salutation(doc, own[1]):
                return own
    if found is not None:
        dated, source = field_date(doc, found, evidence)
        ev = next((e for e in evidence if source and e.start == source.start and e.label == "DATE"), None)
        if ev is None or not is_stamped(doc, ev):
            if found.rule == DOUBTED_INLINE_DATE and source is not None:
                source = Found(source.start, source.end, DOUBTED_INLINE_DATE, min(source.score, found.score))
            return dated, source
    return letter_date(doc, evidence, "reference.letter_date.v1")
