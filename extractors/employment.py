"""Employment verification: employer, role, start, end (None = still employed) and duties.

A letter states the period in a sentence ("employed by X as Y from D to present", "joined X on D as Y
and held that position until D"); a form labels each value (`Position title`, `Start date`,
`End date: Current`, `Duties`). The letter's own date and a form's completion date are never taken.
"""

from __future__ import annotations

import re
from typing import Any

from extractors.dates import ParsedDate, parse_date
from extractors.employment_checks import (
    CLAUSE_SUBJECT,
    FINITE,
    WRAP_SPACING,
    capital_after_open_end,
    end_value_in_doubt,
    letter_closing,
    links_second_body,
    notice_not_last_day,
    points_elsewhere,
    remark_date,
    stop_in_doubt,
)
from extractors.employment_duties import pointed_duties
from extractors.employment_later import later_names_more
from extractors.employment_roles import title_head_shaped
from extractors.employment_summary import confirms_summary, left_column_text
from extractors.employment_title import period_title_doubts
from extractors.employment_word import persons_own_word
from extractors.fields import Extraction, Found, build_item, missing, slug
from extractors.form_layout import DATE_ONLY, LABELLED_LINE, ORGANISATION, box_of, is_prose, overlap
from extractors.form_letters import SALUTATION
from extractors.forms import (
    captions_over_values,
    column_value,
    dates_in,
    field,
    field_value,
    first_date,
    misread_name,
    ocr_tolerant,
    one_line,
    section_field,
    text_below,
)
from extractors.layout import DocText, Line
from extractors.nlp import Evidence
from extractors.pagetext import english_words
from pipeline.models import BBox, Item

DATE_TEXT = (r"(?:[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|"
             r"\d{1,2}-[A-Za-z]{3}-\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4}|[A-Za-z]{3,9}\s+\d{4})")
PRESENT = r"present|current(?:ly)?|today|now|date"
MISREAD = r"[^.\n]{1,25}?(?=\.|\n|$)"
"""An end the sentence gives but that does not read as a date (a scan's misread): kept, so the item is flagged."""
SPLIT_DAY = r"(?:[|lI]\s+(?=[A-Za-z]{3,9}\s+\d{4}))?"
"""A scan's "1" read as a bar or an "l" before the month ("from | February 2010"): the date's day, read at a score a
person checks (see `_date_of`)."""
PERIOD = (rf"(?:(?:from|between)\s+(?P<start>{SPLIT_DAY}{DATE_TEXT})\s*(?:to|through|until|thru|and|-|–)\s*"
          rf"(?P<end>{PRESENT}|{SPLIT_DAY}{DATE_TEXT})|since\s+(?P<since>{SPLIT_DAY}{DATE_TEXT}))")
"""A period in a sentence: from D to D (or to the present), between D and D, since D."""
STILL_THERE = (r"(?:is|remains)\s+(?:still\s+|currently\s+)?(?:on\s+(?:our|the)\s+(?:staff|payroll|team)|employed"
               r"|with\s+(?:us|our)|in\s+(?:that|this|the\s+same)\s+(?:role|position))"
               r"|continues\s+(?:to\s+(?:work|serve|be\s+employed|hold)|in)|(?:still|currently)\s+(?:works|holds|serves)"
               r"|remains\s+(?:in|with)")
"""A sentence saying the person has not left ("is still on our staff", "remains in that role", "continues to serve")."""
LEFT_ON = (r"last\s+day(?:\s+of\s+(?:work|employment))?(?:\s+(?:in|with|at)\s+[^.]{0,40}?)?\s+(?:was|is)"
           r"|(?:left|resigned(?:\s+from)?|separated\s+from)\s+(?![^.]{0,40}?\b(?:leave|vacation|sabbatical)\b)"
           r"[^.]{0,40}?\s*(?:on|in|effective)"
           r"|(?:employment|tenure|work)(?:\s+(?:with|at|for|here|there)\b[^.]{0,60}?)?\s+ended\s+(?:on|in)?"
           r"|(?:held|remained\s+in)\s+(?:that|the|this)\s+(?:position|role)\s+until")
"""The words before the last day in a sentence ("Her last day in that role was", "left the agency on", "resigned
effective", "employment with us ended on"). Leaving on a leave ("left on maternity leave in May") and the end of
some work of hers ("her work on the grant ended") end no employment."""
OPENING = (r"(?:began|started|commenced)(?:\s+(?:work(?:ing)?|(?:(?:his|her|their)\s+)?employment))?\s+(?:with|at|for)"
           r"|was\s+(?:hired|employed)\s+by|joined|came\s+to\s+work\s+(?:for|at|with)")
"""How a letter says the person started: "began work with X", "started at X", "was hired by X", "joined X"."""
OWN_THING = r"(?:employment|tenure|work|position|role|job|post|last\s+day|final\s+day)\b"
"""What of the person's a possessive may name for its end to be the person's ("her last day", "his employment"):
after any other word the clause is about someone or something else ("her mentor left", "her client family left")."""
PRONOUN = r"(?:she|he|they|her|his|their)\b"
SUBJECT = (rf"(?:(?:she|he)\b|(?:her|his)\s+(?={OWN_THING})"
           rf"|(?P<subject>(?!{PRONOUN})(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){{0,2}})\b)")
"""Whom the sentence after a start sentence is about: "she", "he", "her last day", "his employment", or a name (the
person's when the start sentence names them too, see `_about_the_person`). "They" and "their" may mean the person
or others (the staff, a family): their end is not the person's."""
OTHER_PERSON = (r"\b(?:predecessor|successor|supervisor|manager|director|colleague|co-?worker|husband|wife|partner"
                r"|son|daughter|mother|father|whose|who|previous|former|not|no\s+longer)\b|n['’]t\b"
                rf"|\b(?:her|his|their)\s+(?!{OWN_THING})")
"""Words saying a clause is about someone else ("her predecessor left", "Ann Roe, whose employment ended") or
negated ("is not currently employed"): its end or "still there" is not the person's."""
THEN_ENDED = (rf"(?:(?:\s*[,;]\s*|\s*\.\s+{SUBJECT})(?:(?!{OTHER_PERSON})[^.]){{0,80}}?"
              rf"\b(?:(?P<current>{STILL_THERE})|(?:{LEFT_ON})\s+(?P<end>{DATE_TEXT})))?")
"""What follows a start sentence: in its clause, or in the next sentence when that is about the person ("She",
"Her", the person's name), "still there" or the last day."""
LEFT_WHAT = re.compile(r"(?i)\blast\s+day(?:\s+of\s+(?:work|employment))?\s+(?:in|with|at)\s+(?P<what>[^.;]{1,60}?)\s+"
                       r"(?:was|is)\b|\b(?:left|resigned(?:\s+from)?|separated\s+from)\s+(?P<gone>[^.;]{0,60}?)\s*"
                       r"\b(?:on|in|effective)\b|\b(?:employment|tenure|work)\s+(?:with|at|for)\s+(?P<ended_with>[^.;]{1,60}?)\s+"
                       r"ended\b")
OWN_PLACE = re.compile(r"(?i)(?:|us|here|(?:the|our|this)\s+(?:agency|organi[sz]ation|company|employer|practice|clinic"
                       r"|trust|cent(?:er|re)|service|firm|staff|team)|(?:her|his|their|that|the|this)\s+(?:position"
                       r"|role|post|job|employment)|work|employment)")
"""What a last day may be of for it to end the employment: the place itself ("left us", "left the agency"),
the person's post ("resigned her position")."""
MOVED_ON = (r"\b(?:now|since\s+then)\s+(?:works|serves|leads|holds|is)\b"
            r"|\bto\s+(?:lead|join|take\s+up|become|head|run)\b|\b(?:promoted|transferred|moved)\s+to\b")
"""A last day going on to the person's next post there ("to lead our parent groups", "she now works at our Eastside
office"): a spell or a place ended, maybe not the employment."""
CAME_BACK = r"\b(?:re-?joined|returned|came\s+back|was\s+re-?hired|re-?hired|re-?employed)\b"
"""A sentence going on from a last day to the person's coming back: that day ended one spell, not the employment."""
SUBJECT_START = re.compile(r"[.:;!?]|,[ \t]*\n")
"""Where a sentence's subject may start: after a sentence's end or a salutation's colon or comma."""
MORE_THAN_ONE = re.compile(r"\band\b|&", re.I)
"""A start sentence's subject naming more than one person ("Bo Lee and Ann Roe began work"): a last day in the next
sentence may be the other's."""
ROLE_IN_DOUBT = re.compile(r"(?i)[,;]|\((?!(?-i:[A-Z]{2,8})\)\s*$)|\d(?!\s*$)"
                           r"|\b(?:as|since|until|from|then|basis|and\s+(?:later|then|now))\b")
"""A role in a sentence holding a comma, a date or a second "as" ("Family Support Worker and, since 2020, as
Program Supervisor", "... on a part-time basis and then full time"): maybe two roles or a remark, a person
checks it. A grade at its end ("Home Visitor 2") or a credential in brackets ("Specialist II (LMSW)") is the role's."""
ROLE_GOES_ON = re.compile(r"(?i)\s*,?\s*(?:and\s+)?(?:later|then|subsequently|afterwards|thereafter)\b")
"""Words after a sentence's role naming a role she went on to ("as a Home Visitor and later as Team Lead"): which
role the letter verifies is a person's call."""
EMPLOYED_BY = r"(?:employed|worked|served|working)(?:\s+(?:full|part)[- ]?time)?\s+(?:by|at|with|for)"
"""How a sentence names the workplace, maybe with the hours ("employed full-time by X", "worked part time at X")."""
STILL_IN_ROLE = (r"(?P<still>,?\s+and\s+(?:is|remains|was)(?:\s+(?:still|currently))?"
                 r"(?:\s+(?:employed|working|serving))?(?:\s+(?:with|by|at|for)\s+(?:us|them))?(?:\s+(?:today|now|currently|presently))?)?")
"""A clause between a period and the role saying the person is there still ("since D, and is employed with us
today in the position of Y"). Said after a last day ("from D to D, and is employed with us today as Y"), it
leaves that day in doubt."""
EMPLOYER_IN_DOUBT = re.compile(r"\s(?:for|on\s+behalf\s+of)\s+the\s+(?:State|County|City|Department|Ministry"
                               r"|Government|Office|Board)\b|\s(?:through|via)\s")
"""A sentence's employer naming a second body ("X for the State of Ohio", "X through Y Staffing"): which one
employs is a person's call."""
STILL_THERE_NOW = re.compile(r"(?i)\b(?:is|remains)\b")
NOT_A_ROLE = r"(?!(?:follows|below|listed|shown|stated|set\s+out|detailed|outlined)\b)"
"""What "as" introduces when it points at the facts ("employed by X as follows:"): no role."""
AS_ROLE = rf"(?:as|in\s+the\s+(?:position|role|capacity)\s+of)\s+(?:an?\s+)?{NOT_A_ROLE}"
STARTED = [
    ("employment.started.v1", re.compile(ocr_tolerant(
        rf"(?:{OPENING})\s+(?P<employer>[^,.]+?)\s+(?:on|in)\s+(?P<start>{DATE_TEXT}),?\s+{AS_ROLE}"
        rf"(?P<role>[^,.;]+?)(?=\s*[.,;]){THEN_ENDED}"), re.I)),
    ("employment.started_as.v1", re.compile(ocr_tolerant(
        rf"(?:{OPENING})\s+(?P<employer>[^,.]+?)\s+{AS_ROLE}(?P<role>[^,.;]+?)\s+(?:on|in)\s+(?P<start>{DATE_TEXT})"
        rf"(?=\s*[.,;]){THEN_ENDED}"), re.I)),
    ("employment.started_on.v1", re.compile(ocr_tolerant(
        rf"(?:was\s+hired|started(?:\s+work(?:ing)?)?|began\s+work(?:ing)?)\s+on\s+(?P<start>{DATE_TEXT})\s+"
        rf"(?:by|with|at|for)\s+(?P<employer>[^,.]+?)\s+{AS_ROLE}(?P<role>[^,.;]+?)(?=\s*[.,;]){THEN_ENDED}"), re.I)),
    ("employment.since_first.v1", re.compile(ocr_tolerant(
        rf"since\s+(?P<since>{DATE_TEXT}),?\s+[^,.]{{0,40}}?\s+(?:has\s+been\s+(?:employed|working)|has\s+worked"
        rf"|has\s+served)\s+(?:by|at|with|for)\s+(?P<employer>[^,.]+?)\s+{AS_ROLE}(?P<role>[^,.;]+?)(?=\s*[.,;])"),
        re.I)),
    ("employment.held_position.v1", re.compile(ocr_tolerant(
        rf"(?:held|holds|has\s+held)\s+the\s+(?:position|role|title)\s+of\s+(?P<role>[^,.]+?)\s+(?:at|with|for|in)\s+"
        rf"(?P<employer>[^,.]+?),?\s+{PERIOD}"), re.I)),
]
"""A letter's sentence naming where and when the person started and in what role, the end in the clause or the
sentence after it: "began work with X on D in the role of Y. Y's last day in that role was D." With neither a
"still there" nor a last day, the end is not known (flagged)."""
OWN_EMPLOYMENT = (r"\b(?:(?P<owner>your|her|his)|(?P<owner_name>(?-i:[A-Z][\w'’-]*))['’]s)\s+employment"
                  r"\s+(?:with|at|by)\s+")
"""A sentence about the person's own employment ("Your employment with X", "Ms Lee's employment at X")."""
TITLE_STATED = (r"(?P<titled>your|her|his)\s+(?:(?:current|present|job|last|final|most\s+recent)\s+)?(?:job\s+)?"
                r"(?:title|position|role)\s+(?P<tense>is|was|has\s+been)\s+(?:that\s+of\s+)?(?:an?\s+)?")
"""The sentence after naming the person's title ("Your current title is X", "Her position was X")."""
BEGAN_THEN_TITLE = (rf"{OWN_EMPLOYMENT}(?P<employer>[^,.;]+?)\s+(?:began|started|commenced)\s+(?:on|in)\s+"
                    rf"(?P<start>{DATE_TEXT}),?\s+and\s+(?:(?P<current>continues|is\s+(?:still\s+)?(?:ongoing|current))"
                    rf"(?P<tail>[^.;]*)|ended\s+(?:on|in)\s+(?P<end>{DATE_TEXT}))\.\s+{TITLE_STATED}(?P<role>[^.;]+?)(?=\s*\.)")
"""A letter (or an e-mail reply) giving the period in one sentence and the title in the next: "Your employment
with X began on D and continues to the present. Your current title is Y." / "... ended on D. Your title was Y."."""
SENTENCES = [  # (rule, regex): each names employer, role, start and end (or a "still there" clause)
    ("employment.sentence.v3", re.compile(
        rf"{EMPLOYED_BY}\s+(?P<employer>[^,.]+?)\s+"
        rf"{AS_ROLE}(?P<role>[^.]+?)\s+"
        rf"(?:(?:from|between)\s+(?P<start>{DATE_TEXT})\s*(?:to|through|until|thru|and|-|–)\s*"
        rf"(?P<end>{PRESENT}|{DATE_TEXT}|{MISREAD})"
        rf"|since\s+(?P<since>{DATE_TEXT}))", re.I)),
    ("employment.joined.v1", re.compile(
        rf"joined\s+(?P<employer>[^,.]+?)\s+on\s+(?P<start>{DATE_TEXT}),?\s+as\s+(?:an?\s+)?(?P<role>[^.]+?)\s+and\s+"
        rf"(?:(?:held|remained\s+in)\s+(?:that|the|this)\s+(?:position|role)\s+until\s+(?P<end>{DATE_TEXT})"
        rf"|(?P<current>continues|remains|is\s+still)\b)", re.I)),
    ("employment.served.v2", re.compile(
        rf"(?:(?:has\s+)?(?:served|worked|been\s+employed|(?:is|was)\s+(?:currently\s+)?employed)\s+as"
        rf"|has\s+been(?!\s+(?:an?\s+)?(?:employed|working|with|at|in|valued|member|part|employee|staff)\b))"
        rf"\s+(?:an?\s+)?"
        rf"(?P<role>[^,.]+?)\s+(?:at|with|for|in|by)\s+(?P<employer>[^,.]+?),?\s+{PERIOD}", re.I)),
    *STARTED,
    ("employment.began_then_title.v1", re.compile(ocr_tolerant(BEGAN_THEN_TITLE), re.I)),
    ("employment.dates_then_role.v1", re.compile(  # "employed by X from D to D as Y", "worked at X since D as Y"
        rf"{EMPLOYED_BY}\s+(?P<employer>[^,.]+?),?\s+{PERIOD}{STILL_IN_ROLE},?\s+"
        rf"(?:as|in\s+the\s+(?:position|role|capacity)\s+of)\s+(?:an?\s+)?(?P<role>[^,.;]+?)(?=\s*[.,;]|\s+(?:and|where)\b)",
        re.I)),
]
PERIOD_SENTENCE = ("employment.period_sentence.v1", re.compile(ocr_tolerant(
    rf"{EMPLOYED_BY}\s+(?P<employer>[^,.]+?),?\s+{PERIOD}"), re.I))
"""A letter's sentence naming the employer and the period but not the role ("who worked for X from D until D"),
the role standing in the letter's labelled block ("Position held: ..."): read only when no sentence names all four.
A scan's word split by a stray space ("unt il") still reads; the labelled block's dates check the sentence's."""
PERIOD_SENTENCE_SCORE = 0.92
UNCONFIRMED_EMPLOYER_SCORE = 0.75
LETTERHEAD_LINES = 6
"""How far down the first page a letterhead reaches (name, department, address, date)."""
LETTERHEAD_NAME = re.compile(r"^(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z](?:\s[a-z]{3,})?[\w'’&.-]*|of|for|and|the|&))"
                             r"{1,9}$")
"""A letterhead's organisation name: two to ten words, capitalised but for "of", "for", "and", "the"; no digits,
no punctuation of an address or a sentence. A scan may cut a word after its capital ("C ommunity")."""
CUT_AFTER_CAPITAL = re.compile(r"\b(?P<head>[A-Z])\s(?P<rest>[a-z]{3,})\b")
"""A capital standing alone before a lower-case piece in a name: one word a scan cut in two ("C ommunity")."""
LETTERHEAD_SCORE = 0.92
"""A role-less sentence's employer that no letterhead or employer field names too: read, but a person checks it."""
EMPLOYED_THERE = (r"(?:\b(?:employ(?:ed|s|ing)?|employment\s+of\s+[^.:;]{1,60}?|served|serves"
                  r"|serving|(?:our\s+)?(?:team|staff))\s+(?:with|at|by|for)|\bwork(?:s|ed|ing)?\s+(?:at|by|for)"
                  r"|\bwith\s+us\s+at)")
"""What says the person works at a place ("the employment of Ann Lee with", "employed by", "works for", "our team
at"): a letterhead named after another word ("provided by", "endorsement with", "for the Board"), or after "worked
with" (whom the person works alongside), is not the person's employer."""
ITS_PEOPLE = r"(?:staff|team|colleagues|members|partners|clinicians|clients|families|employees)\b"
"""People of the letterhead's organisation after its name ("served with X staff"): whom the person worked
alongside, not where."""
NEGATED = re.compile(r"(?i)(?:\bnot|\bno\s+longer|\bnever|n['’]t)(?:\s+(?:been|be|currently|presently))?\s*$")
"""A negation just before the phrase ("is not employed by", "has never worked for"): the letter may say the
person does not work there."""
CONFIRMS_OURS = re.compile(r"(?i)\b(?:confirm|verify|certify)(?:s|ing|ed)?\s+(?:the\s+)?employment\s+of\s+"
                           r"(?:(?-i:Mr|Ms|Mrs|Mx|Dr)\.?\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,3}"
                           r"(?=\s*[.;]|\s*,\s*who\b)")
"""A letter confirming "the employment of Ann Lee." and naming no place after the name: the writer's own employee."""
OURS = re.compile(r"\b(?:[Oo]ur|[Ww]e|us)\b")
"""The writer speaking for the organisation ("held in our personnel file"): the letterhead is the writer's own. A
capital "US" is a country in an address."""
REFUSED = re.compile(r"(?i)(?:(?:\bnot|\bno\s+longer|\bnever|n['’]t|\bcannot|\bunable|\bno\s+record)\W+(?:\w+\W+){0,3}"
                     r"|\b(?:asked|request(?:s|ed|ing)?)\s+(?:(?:us|me|him|her|them)\s+)?(?:to|that\s+(?:we|I|you))\s+"
                     r"(?:\w+ly\s+)?)$")
"""A refusal or negation shortly before the confirming words ("we are unable to confirm", "cannot verify"), or a
request to confirm ("we have been asked to verify", "your request to confirm"): no confirmation."""
REFUSED_AFTER = re.compile(r"(?i)\bno\s+(?:such\s+)?(?:record|file|employee)s?\b|\b(?:records?|files?|system)\s+"
                           r"(?:do|does|did)\s*(?:not|n['’]t)\b|\b(?:do|does|did)\s*(?:not|n['’]t)\s+(?:show|have|hold"
                           r"|find|list)\b|\b(?:cannot|can['’]t|could\s*(?:not|n['’]t)|unable\s+to|not\s+able\s+to)\s+(?:confirm|verify"
                           r"|certify|find|locate)\b|\bnot\s+(?:supported|confirmed|verified)\b|\bnever\s+(?:been\s+)?(?:finali[sz]ed"
                           r"|completed|started|began|begun|took\s+up|taken\s+up)\b|\bnever\s+(?:been\s+)?(?:employed|on\s+our)\b|\bnot\s+(?:an?\s+)?(?:employee"
                           r"|member\s+of\s+(?:our|the)\s+staff)\b")
"""A refusal after the confirming words ("We hold no such record", "Our records do not show her"): the letter
takes back or never gave the confirmation."""
REFUSED_BEFORE = re.compile(r"(?i)\b(?:not|never|cannot|unable|no\s+record|whether|please\s+(?:confirm|verify|certify)"
                            r"|(?:asked|request(?:s|ed|ing)?)\s+(?:(?:us|me)\s+)?(?:to|that)|claim(?:s|ed|ing)?"
                            r"|told\s+(?:us|me)|according\s+to|reports?\s+that"
                            r"|alleges?)\b|n['’]t\b")
"""Words earlier in the sentence naming the workplace that make it no confirmation: a refusal, a request, the
person's own claim ("Ann Lee states she was employed by", "if she was employed by")."""
STATED = re.compile(r"(?i)\b(?!(?-i:States?)\b)(?:states?|stated|says|said|inform(?:s|ed)?)\b")  # no "State Office"
WRITER_STATES = re.compile(r"(?i)\b(?:we|I)(?:\s+(?!(?:us|her|him|them|that)\b)[a-z]+){0,3}"
                           r"\s+(?:states?|stated|said)\b")
"""Whose word a sentence gives: the writer's ("We are pleased to state that", "I can state") confirms for the
organisation; anyone else's ("Ann Lee states", "I, Ann Lee, hereby state", "she asked us to state") is a claim."""
PERSON_WORDS = re.compile(r"(?i)\b(?:we|i|us|me|you|she|he|they|her|him|them|our|my)\b")
WRITER_STATING = re.compile(
    r"(?:^|,\s+)(?:We|I)\s+(?:(?:am|are)\s+(?:pleased|happy|glad|writing|able)\s+to\s+|hereby\s+|can\s+)?"
    r"(?:state|confirm|certify|verify|inform\s+you|advise\s+you)\b", re.I)
WRITER_SURE = re.compile(
    r"\s+(?:that\s+)?(?:(?:she|he|they|(?:(?:Mr|Ms|Mrs|Mx|Dr)\.?\s+)?(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2})"
    r"(?:\s+(?:was|is|has|had|have|been|currently|previously|formerly|also|still))*|the)\s*", re.I)
"""The writer's own statement before the person's employment: the writer stating at the sentence's start or after
a phrase and a comma ("We are pleased to inform you", "At her request, we confirm"), then only the person and her
verb ("that Noor Haddad was", "that she has been"), or words naming no one and saying nothing ("the following
information about the"): no second speaker, no "believe", "told", "understand"."""
WRITER_EMPLOYED = re.compile(r"\b(?:I|my)\s+(?:was|am|have|had|worked|work|served|employment)\b")
"""The writer saying she was employed ("I state that I was employed by X"): the person's own word, no employer's."""
ROLE_WORDS = re.compile(r"[A-Z][\w'’/-]*(?:\s+(?:[A-Z][\w'’/-]*|of|and|for|the|to|in|&))*")
"""A role's words: capitalised, joined by "of", "and", "for", "the", "to", "in" (see `_role_shaped`)."""
LOWER_ROLE = re.compile(r"(?!(?:\S+\s+)*(?:of|and|for|the|to|in|with|at|on|by)\b)[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}"
                        r"(?:er|or|ist|ian|ant|ee|ate)")
"""A role in running text in lower case ("as a parent educator", "as a home visitor"): one to three words, no joining
word, the last a job title's head (see `employment_roles.title_head_shaped`)."""
GRADE_AFTER = re.compile(r"\s+(?:\d{1,2}|[IVX]{1,4})$")
LICENCE_AFTER = re.compile(r",?\s*\((?:L(?:I?C|M)?(?:SW|MFT|PC|PCC|CPC|MHC|P)|MSW|RN|NP|PhD|PsyD|I(?:EC)?MH-E[^)]*)\)$")
"""A grade after a role ("Specialist II") and a licence in brackets ("(LCSW)"): the role's own."""
END_DATE = re.compile(rf"(?:{DATE_TEXT}|\d{{1,2}}\s?[/.-]\s?\d{{1,2}}\s?[/.-]\s?\d{{2,4}})", re.I)
SENTENCE_END = re.compile(r"[.!?:](?=\s|$)")
"""A sentence's end in running text; a colon ends the words that lead into a list of facts."""
SUB_UNIT = re.compile(r"(?i)\b(?:department|dept\.?|division|program(?:me)?s?|unit|section|team|office|branch)(?=\W|$)")
"""A letterhead line naming a part of an organisation ("Department of Pediatrics", "Healthy Families Program"): not
surely the organisation that employs."""
MARKING = re.compile(r"(?i)\b(?:private|confidential|personal|attention|attn\.?|urgent)(?=\W|$)")
"""A line marking the letter ("Private and Confidential", "Attn: ..."): no organisation's name."""
EMPLOYER_WORDS = re.compile(r"(?i)\b(?:trust|health|healthcare|care|famil(?:y|ies)|child(?:ren)?(?:['’]s)?|community"
                            r"|behaviou?ral|wellness|counsel(?:l)?ing|therapy|therapies|medical|solutions|resources"
                            r"|associates|district|authority|ministries|charities|charity)(?=\W|$)")
"""Words naming what an organisation does ("Pinecrest Behavioral Health Trust"): a top line holding one, and no
initial or title of a person's name, is an organisation's name."""
PERSON_MARK = re.compile(r"(?:^|\s)(?:[A-Z]\.|(?:Dr|Mr|Ms|Mrs|Mx)\.?)(?=\s|$)|,\s*(?:PhD|MD|LMSW|LCSW|MA|MS)\b")
"""A person's name: a middle initial ("Ann M. Lee"), a title ("Dr. Lee"), letters after it ("Ann Lee, PhD")."""
PLACED_AT = re.compile(r"\b(?:at|to|with|for|by|in|from|through)\s+(?:the\s+)?"
                       r"(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w'’&-]*)+)"
                       r"|(?:^|[.;]\s+)(?P<subject>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w'’&-]*)+)"
                       r"(?=\s*,)")
"""A place named in the letter: an organisation's name after a preposition ("her supervisor at Riverside Clinic",
"assigned to Bay Family Services") or opening a sentence before a comma ("Riverside Clinic, our grantee, ...")."""
NOT_LETTERHEAD = re.compile(r"(?i)\b(?:verification|letter|report|form|reference|confirmation|certificate"
                            r"|human\s+resources|payroll|personnel|benefits|office\s+of)\b")
"""A letterhead line naming the letter ("Employment Verification") or the department writing it ("Office of Human
Resources", "Payroll and Benefits"): not the employer."""
ON_BEHALF = re.compile(r"(?i)\bon\s+behalf\s+of\b")
"""A letter written for someone else (a verification service "on behalf of the employer"): its letterhead is the
writer's, maybe not the employer's."""
LAST_PREPOSITION = re.compile(r"(?s).*(?:\s(?:at|with|by)|\s[a-z][\w'-]*\s+for)\s+")
"""Before the last preposition in a period sentence's employer: whom the person worked with, not where
("worked with infants and families at X", "worked with Jane Roe at X"). A "for" after a capitalised word is part
of the name ("Center for Early Learning")."""
NOT_AN_EMPLOYER = re.compile(r"(?i)^(?:us|them|him|her|me|you|our\b.*|their\b.*"
                             r"|(?:this|the)\s+(?:agency|office|organi[sz]ation|company))$")
"""A pronoun or "our agency" in place of a name: the sentence does not name the employer."""
NAMED_ROLE = re.compile(r"\s(?:as|in\s+the\s+(?:position|role|capacity)\s+of)\s", re.I)
"""An employer group holding "as ..." is a sentence naming the role that the full patterns did not read: not an
employer."""
DUTIES_STATED = re.compile(r"(?:(?:duties|responsibilities)(?:\s+(?:of|in)\s+(?:the|this|that|her|his|their)\s+"
                           r"(?:position|role|post|job))?\s+(?:(?:have|has)\s+)?(?:include[sd]?|involved?|involves"
                           r"|consist(?:s|ed)?\s+of|(?:were|are|have\s+been)(?:\s+primarily)?)"
                           r"|work\s+(?:(?:have|has)\s+)?(?:include[sd]?|involved?|involves|consist(?:s|ed)?\s+of))"
                           r"\s+(?P<duties>(?:[^.]|\.(?=\d))+)\.", re.I)
"""A letter's duties sentence: "duties included", "her work has included", "responsibilities consisted of"."""
RESPONSIBLE_FOR = re.compile(r"\b(?:she|he|they)\s+(?:is|was|are|were|has\s+been|have\s+been)\s+(?:primarily\s+)?"
                             r"responsible\s+for\s+(?P<duties>(?:[^.]|\.(?=\d))+)\.", re.I)
RESPONSIBLE_FOR_SCORE = 0.75
""""She was responsible for ...": the person's duties only when the sentence is about the person (a pronoun); read
after a sentence naming the duties, and checked ("responsible for returning this form" is no duty of the job)."""
BROKEN_BOUNDARY = re.compile(r"[ \t]+[a-z]")
"""After the duties sentence's full stop, a lower-case word on the same line: the stop is not the sentence's end
(a misread or mis-ordered scan line), so the duties text may be cut short."""
BROKEN_BOUNDARY_SCORE = 0.6
SHORT_STOP = re.compile(r"(?i)(?:^|[\s(])(?:[a-z]|(?-i:[A-Z])[a-z]{0,2}|approx|appr|incl|etc|dept|esp|viz|cf|vs|nos?)$")
"""A full stop after a single letter, a short capitalised word or an abbreviation ("St.", "Dr.", "e.g.",
"approx."): maybe no sentence's end, so the duties may be cut short there."""
SHORT_WORDS = frozenset({"a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me",
                         "my", "no", "of", "on", "or", "so", "to", "up", "us", "we", "e", "g", "ie", "eg"})
"""Words of one or two letters; another such fragment in OCR'd prose is a word split by a stray space."""
UNSPANNED_DATE_SCORE = 0.75
UNFINISHED = frozenset({"a", "an", "the", "and", "or", "of", "to", "for", "with", "in", "on", "at", "by", "from",
                        "including", "such", "as", "their", "its", "our", "her", "his"})
"""Words no statement of duties ends on: a text ending on one was cut at a line's end."""
CONTINUES = re.compile(r"^\s*[a-z]")
"""How a wrapped line of running text opens: in lower case ("and their parents"); a capital ("But for a leave
...", "And we would gladly ...") opens a sentence of its own."""
ADDRESS_ONLY = re.compile(r"^\s*\S*\w[.@/]\w\S*\s*$")
"""A line holding one web or e-mail address ("www.clinic.org"): no running text, though it opens in lower case."""
OWN_SENTENCE = re.compile(rf"(?i)[.;!]\s+(?=(?-i:[A-Z]))(?=(?:(?:{CLAUSE_SUBJECT})\s+(?:(?:not|never|also|still)\s+)?"
                          rf"(?:{FINITE})\b|(?-i:She|He|They|We|I|It|This)\s+(?-i:[a-z])))")
"""A new sentence after the duties, its own clause ("... family support. She also led groups", "Families were
referred by clinics"): maybe a duty, maybe a remark; kept, and a person checks where the duties end."""
STATUS = (r"(?:(?:is|was|were|has\s+been|had\s+been|would\s+be|will\s+be)\s+(?:not\s+|never\s+|no\s+longer\s+)?"
          r"(?:eligible|ineligible|re-?hired|re-?employed|terminated|dismissed|laid\s+off|let\s+go|employed"
          r"|on\s+(?:a\s+)?leave|(?:released|separated)\s+from)"
          r"|(?:resigned|retired|departed|separated\s+from)"
          r"|left\s+(?:(?:(?:the|our|this)\s+)?(?:agency|organi[sz]ation|company|program(?:me)?|position|role|job"
          r"|employment)|us|to|(?:in|on)\s+(?:\d|(?-i:[A-Z]))))\b")
"""A verb phrase on the person's employment status ("was not eligible for rehire", "resigned", "left the agency in
2021", "was released from employment"); "separated" or "released" alone ("divorced and separated parents",
"mothers who were released") is no status."""
STATUS_SENTENCE = re.compile(
    rf"(?i)[.;!]\s+(?=(?-i:[A-Z]))(?:(?:she|he|they|(?:(?-i:Mr|Ms|Mrs|Mx|Dr)\.?\s+)?(?-i:[A-Z][\w'’-]*)"
    rf"(?:\s+(?-i:[A-Z][\w'’-]*)){{0,2}})\s+(?:(?:also|later|then|subsequently|eventually)\s+)?{STATUS}"
    rf"|(?:her|his|their)\s+(?:employment|tenure|last\s+day|final\s+day)\b|please\b)")
"""A new sentence after the duties on the person's status ("... new parents. She was not eligible for rehire", "Ms
Okafor resigned to move away", "Her last day was ...") or a request ("Please call me"): no duty."""
HR_NOTE = (r"(?:(?:not\s+|in)?eligible\s+for\s+re-?(?:hire|employment)|re-?hire\s+(?:eligib|status)"
           r"|reasons?\s+for\s+(?:leaving|separation|departure|termination)"
           r"|(?:(?:the|this|her|his|their)\s+|(?:(?-i:Mr|Ms|Mrs|Mx|Dr)\.?\s+)?(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)){0,2}"
           r"['’]s\s+)?(?:employment|tenure|contract|position|post|role|job)\s+(?:was\s+|has\s+been\s+)?(?:ended"
           r"|terminated|eliminated|expired|concluded|abolished|cut|made\s+redundant)"
           r"|(?:voluntary|involuntary)\s+(?:resignation|separation|termination|departure))\b")
"""An HR note on the employment's end, with no subject ("Not eligible for rehire", "Reason for leaving: ...",
"Employment ended ...", "The position was eliminated", "Ms Lee's contract ended", "voluntary resignation")."""
HR_VERB = r"(?:terminated|dismissed|resigned|retired|laid\s+off|let\s+go|separated)\b"
"""A sentence opening on the verb of the end ("Terminated for cause."), its subject left out."""
HR_STATUS = re.compile(rf"(?i)[.;!]\s+(?:{HR_NOTE}|(?=(?-i:[A-Z])){HR_VERB})")
"""A new sentence (or a part after a semicolon) that is an HR note on the end: no duty."""
STATUS_CLAUSE = re.compile(
    rf"(?i)\s*,?\s+(?:but|and|yet|though|although|however)\s*,?\s+(?:(?:she|he|they)\s+)?{STATUS}")
"""A conjunction and a verb phrase about the person's employment status ("but was not eligible for rehire", "and
left in 2019"): the status, no duty."""
CLAUSE_BREAK = re.compile(r"[.;:!?]\s+\S|[(\[]|(?:^|\s)[-–—]\s")
"""A break in running text: a sentence's or clause's end and more after it, a bracket, a dash between words."""
EMPLOYER_LABEL = (r"employer(?:['’]s)?(?:\s+(?:name|of\s+record))?|organi[sz]ation|agency|company|facility|workplace"
                  r"|(?:business|company|agency|organi[sz]ation|facility)\s+name|place\s+of\s+employment"
                  r"|employing\s+(?:agency|organi[sz]ation)|name\s+of\s+(?:employer|organi[sz]ation|agency|company)")
ROLE_LABEL = (r"(?:(?:current|present|last|most\s+recent)\s+)?(?:position|title|role)(?:\s+(?:title|held))?"
              r"|job\s+title(?:\s*/\s*position)?|(?:job\s+|working\s+)?title|job\s+(?:position|role)"
              r"|position\s*/\s*(?:title|role)|title\s*/\s*position|occupation|job\s+classification|classification"
              r"|designation")
START_LABEL = (r"start\s+date|date\s+of\s+hire|(?:original\s+)?hire\s+date|date\s+hired|employment\s+start(?:\s+date)?"
               r"|first\s+(?:day|date)\s+(?:worked|of\s+employment)|date\s+(?:started|employed)"
               r"|(?:date\s+)?employment\s+(?:began|started|commenced)|start\s+of\s+employment|began|started"
               r"|employed\s+since|commencement\s+date|date\s+of\s+commencement|service\s+start\s+date|start")
END_LABEL = (r"end\s+date|termination\s+date|separation\s+date|date\s+of\s+(?:separation|termination|departure)"
             r"|employment\s+end(?:\s+date)?|(?:last|final)\s+(?:day|date)\s+(?:worked|of\s+employment)"
             r"|date\s+(?:left|ended)|(?:date\s+)?employment\s+(?:ended|terminated)|end\s+of\s+employment|ended"
             r"|(?:resignation|leaving|departure)\s+date|employed\s+(?:until|till|through|thru|to)|end")
"""Label vocabularies: how HR forms name the employer, the role, the first and the last day."""
END_LABEL_WORDS = re.compile(rf"(?i)(?:{END_LABEL})\s*:?")
PERIOD_LABEL = (r"(?:dates?|period|term)\s+of\s+employment|employment\s+(?:dates?|period)|dates?\s+employed"
                r"|employed(?:\s+from)?")
"""A field giving the whole period ("Dates of employment: 08/03/2011 - Present", a label cell "Employed" beside
"03/03/2015 - present"): its first date starts it. The label is the whole cell: "Employed by ..." is no label."""
PERIOD_FACT = re.compile(rf"(?i)^[\s|]*(?:(?:\d{{1,2}}|[a-z])[.)]\s*)?(?:{START_LABEL}|{PERIOD_LABEL})\b")
"""A line opening on a start or period label, maybe after an item's number or letter ("2. Start date:", "b) From:"):
a fact of the person's job (see `letter_closing`)."""
AS_OF = re.compile(r"(?i)\bas\s+(?:of|at)\s*$")
"""A date "as of" which a status holds ("Employed: Yes, as of 05/04/2026"): the day of the answer, no start."""
PERIOD_GAP = re.compile(r"\s*(?:\(\s*(?:start(?:ed)?|from|began|hired)\s*\)\s*)?"
                        r"(?:-{1,2}|–|—|/|to\b|through\b|thru\b|until\b|till\b|,?\s*(?:end(?:ed)?|to|until)\b\s*:?)?\s*",
                        re.I)
"""What stands between a period's two dates: a dash (or two), a slash, "to", a "(start)" tag, ", End"."""
EMPLOYER_SECTION_NAME = r"(?:legal\s+|company\s+)?name"
"""Under an EMPLOYER heading, the section's own Name field is the employer's name."""
DUTIES_LABEL = (r"(?:job\s+|primary\s+|main\s+|principal\s+|key\s+)?(?:duties|responsibilities)"
                r"(?:\s*(?:and|&)\s*(?:duties|responsibilities))?"
                r"|(?:description|summary|outline|statement|list|overview)\s+of\s+(?:(?:the\s+)?(?:job|main|primary"
                r"|principal|key|major)\s+)?(?:duties|responsibilities|role|position)"
                r"|(?:job|role|position)\s+(?:description|summary)|(?:duties|responsibilities)\s+summary"
                r"|describe\s+(?:the\s+)?(?:(?:employee|applicant)['’]s\s+|your\s+)?"
                r"(?:main\s+|primary\s+|principal\s+|key\s+|job\s+)?(?:duties|responsibilities)")
STILL_EMPLOYED = re.compile(rf"^\s*(?:{PRESENT}|still\s+employed|currently\s+employed|n/?a|ongoing|active"
                            r"|not\s+applicable|to\s+(?:date|present))\b", re.I)
"""An end field saying the period has not ended (the fields of forms: "Current", "Ongoing", "Active", "N/A")."""
STILL_LABEL = r"(?:still|currently)\s+employed|active\s+employee|(?:employment|employee)\s+status"
"""A yes/no field for "still there": a yes (or "active", "current") means the period runs to the present."""
BARE_STATUS_LABEL = r"status"
"""A bare "Status" field may give an employment status ("Full-time") or a licence's as well as "still there": a
"current" under it ends no period by itself, a person confirms (employment.status_unclear)."""
SIGN_OFF = re.compile(r"(?i)^[\s|]*(?:(?:completed|prepared|verified|certified|signed|submitted)\s+by|date\s+"
                      r"(?:completed|signed|verified)|(?:tele)?phone|e-?mail"
                      r"|[I|l1]\s+(?:hereby\s+)?(?:certify|attest|confirm|declare|verify)|this\s+is\s+to\s+certify)\b")
"""Who filled in the form, how to reach them, and their statement that it is true ("I certify that ..."; a scan
reads the "I" as a ruling's "|"), set under the duties: never part of them."""
RULED = " \t|¦"
"""A scan's table or box ruling read as a bar at the edge of a cell or a line: no text of it."""
STILL_TICKED = re.compile(r"(?im)^\s*(?:\[\s*[x✓✔]\s*\]|\(\s*[x✓✔]\s*\)|[x✓✔☒☑■])\s+"
                          r"(?P<option>(?:still|currently)\s+employed|no\s+longer\s+employed)\b(?!\s*[:?]\s*\S)")
"""A ticked option for "still there" or not ("X Still employed here", "[x] No longer employed")."""
STILL_YES = re.compile(r"^\s*(?:yes|y|active|current(?:ly)?(?:\s+employed)?|employed)\s*$", re.I)
OTHER_COLUMNS = (r"(?:employee|applicant)(?:['’]s)?(?:\s+name)?|(?:employer\s+|work\s+|mailing\s+)?address"
                 r"|phone|telephone|e-?mail"
                 r"|department|location|supervisor|salary|pay\s+rate|(?:hours|fte)(?:\s+per\s+week)?"
                 r"|verification\s+id|ssn|employee\s+id")
"""Column names a verification grid shows beside the ones read, so its header rows are seen as such."""
COLUMNS = "|".join((EMPLOYER_LABEL, ROLE_LABEL, START_LABEL, END_LABEL, DUTIES_LABEL, STILL_LABEL, BARE_STATUS_LABEL,
                    PERIOD_LABEL, OTHER_COLUMNS))
"""Every column name a verification grid may show: a header row is the row of these."""
LONE_COLUMN = re.compile(rf"(?i)^\s*(?:{COLUMNS})\s*:?\s*$")
BARE_SCORE = 0.9
"""A value beside a label printed without a colon, or on the line under a label standing alone: only the layout
says it is the label's value."""
DATE_SHAPED = re.compile(rf"(?i)^\s*(?:{DATE_TEXT}|\d{{1,2}}\s?[/.-]\s?\d{{1,2}}\s?[/.-]\s?\d{{2,4}}"
                         r"|present|current(?:ly)?|ongoing|n/?a|still\s+employed|currently\s+employed"
                         r"|to\s+(?:date|present))\s*$")
"""A bare start or end label's value: wholly a date, or a word saying the period runs on ("Present"). A line
under a blank "End date" that only starts like one ("Date of this letter ...", "Probation 06/03/2015") is another
field."""
OTHER_FIELD = (r"(?:(?:mailing\s+|street\s+)?address|phone|telephone|fax|e-?mail|website|type|status|id|number|no\.?"
               r"|code|city|state|zip|county|country|contact|name)\b(?!\s+of\b)")
"""A word that makes a label word another field's label ("Facility Address", "Agency Phone", "Position Type"):
never the start of the employer's name or the role ("Agency Name" is the longer label). "State of Ohio" is a
name."""
FROM_COLUMN = rf"(?:dates?\s+)?(?:employed\s+)?(?:from|{START_LABEL})"
TO_COLUMN = rf"(?:dates?\s+(?:employed\s+)?)?(?:to|through|thru|until|{END_LABEL})"
"""A position table's date columns: "From" / "To" beside the position only name the period's ends there."""
PERIOD_COLUMN = (r"(?:dates?|period|term)\s+of\s+employment|employment\s+(?:dates?|period)"
                 r"|(?:dates|period|tenure)(?:\s+(?:employed|in\s+(?:position|role)))?"
                 r"|date\s+(?:employed|in\s+(?:position|role))")
"""A position table's one column for the whole period ("Dates of employment": "03/03/2015 - Present"). A bare
"Date" is the day a form was signed ("Printed name   Title   Date"), never a period."""
SIGNATURE_COLUMN = re.compile(r"(?i)^[\s|]*(?:signature|signed(?:\s+by)?|(?:printed|print|typed)(?:\s+name)?)"
                              r"\s*:?[\s|]*$")
"""A column of the verifier's signature block: a row naming it is the block's, not a position table's. A bare
"Name" is not one: a position table may name the employee ("Name | Position | From | To"), and a signature block's
"Name | Title | Date" names no period column anyway."""
PERIOD_ROW_SCORE = 0.92
"""A position table's row, its cells told apart by their shapes (dates in order, text, a number)."""
UNTIL_NOW = re.compile(rf"(?i)\b(?:{PRESENT}|ongoing|to\s+date)\b")
NUMBER_COLUMN = (r"(?:(?:average|scheduled|weekly)\s+)?(?:hours|hrs|fte)(?:\s*(?:/|per|a|each)\s*(?:week|wk))?"
                 r"|salary|(?:pay|hourly)\s+rate|wage|rate")
"""Columns of figures beside the position's: never its text."""
NUMBER_CELL = re.compile(r"^[\s$%.,\d/-]*\d[\s$%.,\d/-]*$")
"""A cell of figures alone (hours a week, a salary): no role and no date."""
SECTION_HEADING = re.compile(r"(?i)\b(?:information|info|details|section|verification|use\s+only|contact|summary)\s*$")
"""A heading such as "Employer information" reads like a bare label and its value: its last word says it is not."""


def extract(doc: DocText, evidence: list[Evidence]) -> Extraction:
    """Every period a letter states, or the one a form labels; a document with none carries a flag."""
    duties = _duties(doc)
    result = Extraction(items=_from_sentences(doc, evidence, duties))
    if not result.items:
        form = (_from_form(doc, evidence, duties) or _from_period_sentence(doc, evidence, duties)
                or _from_form(doc, evidence, duties, employer=_letterhead_employer(doc, duties)))
        if form is not None:
            result.items.append(form)
    if not result.items:
        result.flags.append(missing(doc.document, "employment.no_period",
                                    "No period of employment (employer, role, from, to) could be read."))
    return result


def _duties(doc: DocText) -> Found | None:
    """The duties, ended before a clause of their own that a wrapped line or the value carries on to."""
    found = pointed_duties(doc, _duties_text(doc), DUTIES_LABEL)
    return _before_own_clause(doc, found) if found is not None else None


def _before_own_clause(doc: DocText, duties: Found) -> Found:
    """The duties up to the first clause on the person's status: what follows states something else.

    A new sentence on the status ("... new parents. She was not eligible for rehire", "Please call me"), an HR
    note with no subject ("Not eligible for rehire", "Reason for leaving: ...", "; voluntary resignation") or a
    status clause ("but was not eligible for rehire", "and left the agency in 2021") ends them, doubted: a cut is a
    guess ("... and retired volunteers" is a duty). Any other sentence of its own ("She also led the groups") is
    kept, doubted too: a person checks where the duties end.
    """
    text = doc.slice(duties.start, duties.end)
    cuts = [m.start() for pattern in (STATUS_SENTENCE, STATUS_CLAUSE, HR_STATUS) if (m := pattern.search(text))]
    kept = text[:min(cuts)].rstrip(" \t\n,;") if cuts else text
    if not kept:
        kept = text
    doubted = (bool(cuts) or OWN_SENTENCE.search(kept)  # where a cut falls is a guess: a person checks it
               or _wrapped_clause(doc, Found(duties.start, duties.start + len(kept), duties.rule, duties.score)))
    score = min(duties.score, BROKEN_BOUNDARY_SCORE) if doubted else duties.score
    return Found(duties.start, duties.start + len(kept), duties.rule, score)


def _wrapped_clause(doc: DocText, duties: Found) -> bool:
    """Whether a wrapped line carries a sentence or a clause of its own into the duties.

    "... home visits with new parents." over "Rehire: No." or "(resigned 10/31/2021)" or "- left to relocate": an
    HR note in any wording may stand there as well as a further duty; a person checks where the duties end.
    """
    line = doc.line_at(duties.start)
    if line is None or duties.end <= line.end:
        return False
    tail = doc.slice(max(duties.start, line.end - 2), duties.end)
    return bool(CLAUSE_BREAK.search(tail)) or capital_after_open_end(doc, duties.start, duties.end, UNFINISHED)


def _duties_text(doc: DocText) -> Found | None:
    """The duties field's value with its wrapped lines, the text under its heading, or a duties sentence."""
    hit = field(doc, DUTIES_LABEL, "employment.duties_field.v1", continued=True)
    if hit is not None and hit.value is not None:
        return _wrapped_on(doc, hit.value)
    if hit is not None and (below := text_below(doc, hit.label, "employment.duties_below.v1")) is not None:
        return _first_paragraph(doc, below)
    for pattern, score in ((DUTIES_STATED, 0.95), (RESPONSIBLE_FOR, RESPONSIBLE_FOR_SCORE)):
        match = _stated(doc, pattern)
        if match is not None:
            if (BROKEN_BOUNDARY.match(doc.text, match.end()) or SHORT_STOP.search(match.group("duties"))
                    or stop_in_doubt(doc, match.end() - 1)
                    or points_elsewhere(doc.text, match.start("duties"), match.group("duties"))):
                score = BROKEN_BOUNDARY_SCORE
            return Found(match.start("duties"), match.end("duties"), "employment.duties.v1", score)
    return _bare_value(doc, DUTIES_LABEL, "employment.duties_bare.v1", free_text=True)


def _stated(doc: DocText, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first duties sentence naming duties.

    One saying what became of them ("were expanded in 2019", "are described in the job description") is taken
    only when no other sentence names them, and the caller doubts it.
    """
    matches = list(pattern.finditer(doc.text))
    naming = [m for m in matches if not points_elsewhere(doc.text, m.start("duties"), m.group("duties"))]
    return (naming or matches)[0] if matches else None


def _wrapped_on(doc: DocText, value: Found) -> Found:
    """A free-text value with the lines it wraps onto, wherever they start (under the bullet, at the margin).

    A line right under the one above, starting no further right than the value, opening in lower case and with
    no label of its own, carries on the sentence above; one that shares its line with another cell may be a
    column's, so it is not joined and the value is doubted.
    """
    line = doc.line_at(max(value.end - 1, value.start))
    index = doc.lines.index(line) if line is not None else len(doc.lines)
    end, score = value.end, value.score
    column = box_of(doc, value.start, value.start + 1)  # the value's first word: where its column starts
    above = box_of(doc, line.start, line.end) if line is not None else None
    for following in doc.lines[index + 1:]:
        text, box = doc.slice(following.start, following.end), box_of(doc, following.start, following.end)
        if (following.page != doc.lines[index].page or not CONTINUES.match(text) or LABELLED_LINE.match(text)
                or ADDRESS_ONLY.match(text) or not _wraps_under(column, above, box)):
            break
        if len(following.cell_spans()) > 1:
            score = min(score, BROKEN_BOUNDARY_SCORE)
            break
        end, above = following.end, box
    return Found(value.start, end, value.rule, score)


def _wraps_under(column: BBox | None, above: BBox | None, box: BBox | None) -> bool:
    """Whether a line sits where a wrapped line of the value does.

    Right under the line above (no blank line between), starting no further right than the value's own column.
    """
    if column is None or above is None or box is None:
        return False
    height = above[3] - above[1]
    return 0 < box[1] - above[1] <= WRAP_SPACING * height and box[0] <= column[0] + height


def _cut_short(doc: DocText, duties: Found) -> bool:
    """Whether the duties text ends on a word that cannot end it ("... supervision to infant and").

    A wrapped line the reader did not follow leaves the text cut short: a person reads the rest.
    """
    words = doc.slice(duties.start, duties.end).rstrip(" .;,").split()
    return bool(words) and words[-1].lower() in UNFINISHED


def _first_paragraph(doc: DocText, block: Found) -> Found:
    """The text under a heading up to a paragraph of its own (a footer a scan set close under the duties).

    A new paragraph: the verifier's sign-off ("Completed by ...", "Date completed ..."), or a line starting with
    a capital after a line that ended no sentence, in a block ending in a full stop.
    """
    lines = [line for line in doc.lines if block.start <= line.start < block.end]
    whole = doc.slice(block.start, block.end).rstrip()
    for previous, line in zip(lines, lines[1:], strict=False):
        if SIGN_OFF.match(doc.slice(line.start, line.end)):
            return _unruled(doc, Found(block.start, previous.end, block.rule, block.score))
        if (doc.slice(line.start, line.end)[:1].isupper() and whole.endswith(".")
                and not doc.slice(previous.start, previous.end).rstrip().endswith((".", ";", ":", ","))):
            return _unruled(doc, Found(block.start, previous.end, block.rule, block.score))
    return _unruled(doc, block)


def _unruled(doc: DocText, found: Found) -> Found:
    """A block without the bar a scan reads from the ruling at its left edge ("| offering ...")."""
    text = doc.slice(found.start, found.end)
    return Found(found.start + len(text) - len(text.lstrip(RULED)), found.end, found.rule, found.score)


def _split_word(doc: DocText, found: Found) -> bool:
    """OCR'd running text with a word broken by a stray space ("communi ty"): a one- or two-letter non-word."""
    if not any(p.word.source == "ocr" for p in doc.words_in(found.start, found.end)):
        return False
    return any(re.fullmatch(r"[a-z]{1,2}", word) and word not in SHORT_WORDS
               for word in re.findall(r"[A-Za-z]+", doc.slice(found.start, found.end)))


def _date_of(doc: DocText, start: int, end: int, evidence: list[Evidence], rule: str,
             ) -> tuple[ParsedDate | None, Found]:
    """A sentence group's date: its DATE span when one lies inside, else the group's own text.

    A day a scan read as a bar or an "l" ("| February 2010") is read as a 1, at a score a person checks.
    """
    split = re.match(r"[|lI]\s+(?=[A-Za-z]{3,9}\s+\d{4}$)", doc.slice(start, end))
    if split is not None:
        whole = parse_date("1 " + " ".join(doc.slice(start + split.end(), end).split()))
        return (whole if whole and whole.precision == "day" else None), Found(start, end, rule, UNSPANNED_DATE_SCORE)
    spans = dates_in(Found(start, end, rule, 1.0), evidence)
    if spans:
        return parse_date(spans[0].text), Found(spans[0].start, spans[0].end, rule, min(spans[0].score, 0.95))
    text = " ".join(doc.slice(start, end).split())  # no date span: a date wrapped over two lines, or a misread
    whole = parse_date(text)
    if whole and whole.precision == "day" and re.fullmatch(DATE_TEXT, text):
        return whole, Found(start, end, rule, 0.92)
    return (whole if whole and whole.precision == "day" else None), Found(start, end, rule, UNSPANNED_DATE_SCORE)


def _from_sentences(doc: DocText, evidence: list[Evidence], duties: Found | None) -> list[Item]:
    items: list[Item] = []
    for rule, pattern in SENTENCES:
        for match in pattern.finditer(doc.text):
            start_group = "since" if match.groupdict().get("since") else "start"
            start, start_found = _date_of(doc, *match.span(start_group), evidence, rule)
            sources = [Found(match.start("employer"), match.end("employer"), rule, 0.95), start_found,
                       Found(match.start("role"), match.end("role"), rule, 0.95)]
            end: ParsedDate | None = None
            ended = match.groupdict().get("end") if _about_the_person(doc, match) else None
            current = match.groupdict().get("current") if _about_the_person(doc, match) else None
            reasons = []
            if ended and not STILL_EMPLOYED.match(ended):
                end, end_found = _date_of(doc, *match.span("end"), evidence, rule)
                sources.append(end_found)
                if end is None:
                    reasons.append("employment.end_unreadable")
                elif _end_in_doubt(doc, match) or STILL_THERE_NOW.search(match.groupdict().get("still") or ""):
                    reasons.append("employment.end_unclear")
            elif not ended and "current" in pattern.groupindex and not current:
                reasons.append("employment.end_unreadable")  # neither a last day nor "still there" was read
            elif current and _for_one_of_several(doc, match, "current"):
                reasons.append("employment.end_unclear")
            reasons += _sentence_doubts(doc, match, start is not None and start_found.score <= UNSPANNED_DATE_SCORE,
                                        end is not None and sources[-1].score <= UNSPANNED_DATE_SCORE)
            if "titled" in pattern.groupindex:
                reasons += period_title_doubts(doc.text, match)
            item = _item(doc, match.group("employer"), match.group("role"), start, end, duties, sources, reasons)
            if all(other.key != item.key for other in items):
                items.append(item)
    return items


def _sentence_doubts(doc: DocText, match: re.Match[str], start_misread: bool, end_misread: bool) -> list[str]:
    """What a person checks in a sentence's reading: its employer, its role, a date a scan misread."""
    reasons = []
    letterhead = _letterhead_employer(doc)
    head = doc.slice(letterhead.start, letterhead.end) if letterhead is not None else None
    if EMPLOYER_IN_DOUBT.search(match.group("employer")) or links_second_body(match.group("employer"), head):
        reasons.append("employment.employer_unclear")  # "X for the State of Ohio": the employer or its client
    reasons += ["employment.employer_unconfirmed"] if _not_confirmed(doc.text, match) else []  # "unable to confirm"
    goes_on = _names_more_after(doc, match)
    if (ROLE_IN_DOUBT.search(match.group("role")) or ROLE_GOES_ON.match(doc.text, match.end("role"))
            or not _role_shaped(match.group("role")) or goes_on):
        reasons.append("employment.role_unclear")  # "... Worker and, since 2020, as Program Supervisor"
    if goes_on and match.groupdict().get("end") and match.start("end") < match.end("role") + 200 and (
            "." not in doc.text[match.end("role"):match.start("end")]) and match.start("end") > match.end("role"):
        reasons.append("employment.end_unclear")  # "as X from D to D and then as Y until D": X's end, maybe not hers
    if end_misread:
        reasons.append("employment.end_unclear")  # "until | June 2019": a scan's misread day
    if start_misread:
        reasons.append("employment.start_unclear")  # "| February 2010": a scan's misread day
    return reasons


def _role_shaped(role: str) -> bool:
    """Whether a sentence's role has a sure role's shape.

    Role words, capitalised, joined by "of", "and", "for", "the", "to", "in" ("Director of Infant and Family Programs"),
    or one to three lower-case words ending on a job title's head ("parent educator"),
    maybe a grade after them when none joins them ("Home Visitor 2", "Specialist II") and a licence in brackets
    ("(LCSW)"). Anything else ("Home Visitor at Site 2", "Advocate for Region 4", "Advocate (PT)", "Advocate and was
    later promoted to ...") is checked.
    """
    words = " ".join(role.split())
    words = LICENCE_AFTER.sub("", words)
    graded = GRADE_AFTER.search(words)
    if graded is not None:
        words = words[:graded.start()]
        if re.search(r"\s(?:of|and|for|the|to|in)\s", f" {words} "):
            return False
    return ROLE_WORDS.fullmatch(words) is not None or bool(LOWER_ROLE.fullmatch(words) and title_head_shaped(words))


def _names_more_after(doc: DocText, match: re.Match[str]) -> bool:
    """Whether the role's sentence names something more after the role.

    ("..., rising to Program Manager", "and in 2019 became Program Manager", "to June 30, 2018 and then as Program
    Manager"): a capitalised word past the role that is no date's and no part of what the rule read (its dates, a "still
    there" clause).
    """
    stop = re.compile(r"[.;!?](?=\s|$)").search(doc.text, match.end("role"))
    end = stop.start() if stop else len(doc.text)
    rest = list(doc.text[match.end("role"):end])
    for group in ("start", "since", "end", "current", "still"):
        if group in match.re.groupindex and match.start(group) >= 0:
            for i in range(max(match.start(group), match.end("role")), min(match.end(group), end)):
                rest[i - match.end("role")] = " "
    plain = re.sub(END_DATE.pattern, " ", "".join(rest), flags=re.I)
    return re.search(r"\b[A-Z][a-z]", plain) is not None


def _end_in_doubt(doc: DocText, match: re.Match[str]) -> bool:
    """Whether a last day read after a start sentence may not end the person's employment.

    The start sentence names more than one person ("Bo Lee and Ann Roe began work"), or the end's sentence goes on
    to say the person came back or is still there ("left in June 2017 and rejoined us in 2019", "...; she remains").
    """
    if _for_one_of_several(doc, match, "end") or _left_something_else(doc, match) or _post_left_goes_on(doc, match):
        return True
    stops = [m.end() for m in SENTENCE_END.finditer(doc.text, match.end("end"))][:2]
    rest = doc.text[match.end("end"):stops[-1] if stops else len(doc.text)]  # its sentence and the next
    return bool(re.search(rf"{CAME_BACK}|{STILL_THERE}|{MOVED_ON}", rest, re.I))


def _left_something_else(doc: DocText, match: re.Match[str]) -> bool:
    """Whether the last day read is of something other than the employment.

    A place, a programme or a committee the person left ("her last day at the Fairview site was", "left the home
    visiting program on", "resigned from the union committee in"), or a day before a leave ("her last day in the
    office before her maternity leave"): she may still work there. Leaving "us", "the agency", "her position" or
    the employer by name ends it.
    """
    lead = doc.text[match.end("role"):match.start("end")]
    if re.search(r"(?i)(?:before|leave|transfer(?:red)?|promot(?:ed|ion)|moved?)", lead):
        return True
    employer = re.sub(r"\W", "", match.group("employer")).casefold()
    for what in LEFT_WHAT.finditer(lead):
        left = what.group("what") or what.group("gone") or what.group("ended_with") or ""
        place = _own_post(" ".join(left.split()), match.group("role"))
        flat = re.sub(r"\W", "", place).casefold()
        if not OWN_PLACE.fullmatch(place) and not (flat and (flat in employer or employer in flat)):
            return True
    return False


def _post_left_goes_on(doc: DocText, match: re.Match[str]) -> bool:
    """Whether a last day of the person's post in her role may not end the employment.

    "Left her position as Home Visitor on D": the post's sentence goes on past the day, or the next sentence is about
    the person again ("She then ...", "Ms Lee has since ...", "Today she leads ...", "the post has been hers since"),
    maybe in another post there. Only a sentence ending at the day, followed by none about her, ends it.
    """
    lead = doc.text[match.end("role"):match.start("end")]
    if not re.search(r"(?i)\b(?:her|his|their)\s+(?:position|role|post|job)\s+as\b", lead):
        return False
    stop = SENTENCE_END.search(doc.text, match.end("end"))
    if stop is None or doc.text[match.end("end"):stop.start()].strip():
        return True
    after = doc.text[stop.end():].lstrip()
    following = SENTENCE_END.search(after)
    sentence = after[:following.start() if following else None]
    if (re.search(r"(?i)\b(?:she|he|hers?|his|him|they|their|them)\b", sentence)
            and not PAST_DUTIES.match(sentence)):
        return True  # "Today she leads ...", "Our Outreach Lead post has been hers since."
    opener = re.match(r"(?:(?:She|He|They)\b|(?:Mr|Ms|Mrs|Mx|Dr)\.?\s|[A-Z][\w'’-]*\s+(?:[A-Z][\w'’-]*\s+)?"
                      r"(?:has|had|is|was|then|later|now|became|took|moved|went|served|stayed|remained|continued)\b)",
                      after)
    return opener is not None or later_names_more(doc.text, stop.end())


PAST_DUTIES = re.compile(r"(?:Her|His|Their)\s+(?:\w+\s+)?(?:duties|responsibilities)(?:\s+[a-z]+){0,3}?\s+"
                         r"(?:included|involved|consisted|were)\b")
"""A sentence of the duties the person had, in the past ("Her duties included home visits."): no later post."""


def _own_post(place: str, role: str) -> str:
    """A place left named as the person's post in her role ("her position as Home Visitor"): the post alone."""
    post = re.fullmatch(r"(?i)(?P<post>(?:her|his|their|that|the|this)\s+(?:position|role|post|job))\s+as\s+(?:an?\s+)?"
                        r"(?P<role>.+)", place)
    same = post is not None and " ".join(post.group("role").split()).casefold() == " ".join(role.split()).casefold()
    return post.group("post") if post is not None and same else place


def _for_one_of_several(doc: DocText, match: re.Match[str], group: str) -> bool:
    """Whether the group stands in the sentence after a start sentence naming more than one person."""
    return "." in doc.text[match.end("role"):match.start(group)] and bool(
        MORE_THAN_ONE.search(_start_subject(doc, match)))


def _start_subject(doc: DocText, match: re.Match[str]) -> str:
    """The start sentence's words before its verb: whom it is about.

    They start after the sentence before, or after the salutation ("To Whom It May Concern:", "Dear Ms Lee,"): the
    letterhead above ("Northgate Infant and Family Services") is no part of them.
    """
    stops = list(SUBJECT_START.finditer(doc.text, 0, match.start()))
    return doc.text[stops[-1].end() if stops else 0:match.start()]


def _about_the_person(doc: DocText, match: re.Match[str]) -> bool:
    """Whether the sentence after a start sentence is the person's: a pronoun, or a name the start sentence gives."""
    subject = match.groupdict().get("subject")
    if not subject:
        return True
    before = _start_subject(doc, match)
    words = re.findall(r"[A-Za-z][\w-]*", re.sub(r"['’]s\b", "", subject))
    return all(re.search(rf"\b{re.escape(word)}\b", before) for word in words)


def _from_form(doc: DocText, evidence: list[Evidence], duties: Found | None,
               employer: Found | None = None) -> Item | None:
    """The labelled values of a form, the employer from its field (or, for a letter's block, the one given)."""
    employer = employer or (_labelled(doc, EMPLOYER_LABEL, COLUMNS, "employment.employer_field.v1")
                            or _above_closing(doc, section_field(doc, EMPLOYER_LABEL, EMPLOYER_SECTION_NAME,
                                                                 "employment.employer_section.v1"))
                            or _bare_value(doc, EMPLOYER_LABEL, "employment.employer_bare.v1"))
    row = _position_row(doc, evidence)
    start_value: Found | None
    if row is not None:
        role, start_value, end_value, reasons = row
        labelled, labelled_end = _period_fields(doc, evidence)
        if ((labelled is not None
             and first_date(doc, labelled, evidence)[0] != first_date(doc, start_value, evidence)[0])
                or not _ends_agree(doc, evidence, end_value, labelled_end)):
            reasons = [*reasons, "employment.dates_disagree"]  # the form's labelled period is another position's
    else:
        role, (start_value, end_value), reasons = _role_field(doc), _period_fields(doc, evidence), []
        end_field = _end_field(doc)
        if (end_value is not None and end_field is not None and end_field.start != end_value.start
                and not _ends_agree(doc, evidence, end_value, end_field)):
            reasons.append("employment.dates_disagree")  # "Employed 03/14/2016 - present" over "Last day 10/31/2021"
    if employer is None or start_value is None:
        return None
    start, start_found = first_date(doc, start_value, evidence)
    sources = [s for s in (employer, role, start_found) if s is not None]
    reasons += [] if role else ["employment.role_missing"]
    if employer.rule == "employment.letterhead.v1" and employer.score < LETTERHEAD_SCORE:
        reasons.append("employment.employer_unconfirmed")  # the letter never says the person works there
    elif employer.rule == "employment.letterhead_confirms.v1":
        reasons.append("employment.employer_from_letterhead")  # the letter confirms, but names no employer
    end = _form_end(doc, evidence, end_value, sources, reasons)
    name = doc.slice(employer.start, employer.end)
    if employer.rule.startswith("employment.letterhead"):
        name = _uncut(name)
    return _item(doc, name, doc.slice(role.start, role.end) if role else None, start, end, duties, sources, reasons)


def _form_end(doc: DocText, evidence: list[Evidence], end_value: Found | None, sources: list[Found],
              reasons: list[str]) -> ParsedDate | None:
    """A form's last day: its end value's date, or none when the period runs on.

    The value (or a "still employed" answer) adds its sources and reasons to the item's. An end value holding
    two dates ("Notice given 10/01/2026; last day 10/31/2026") is read at its first, checked.
    """
    still, still_reasons = _still_employed(doc)
    if end_value is None and still is not None:
        sources.append(still)
        reasons += still_reasons
    elif end_value is None:
        reasons.append("employment.end_unreadable")
    elif not STILL_EMPLOYED.match(doc.slice(end_value.start, end_value.end)):
        end, end_found = first_date(doc, end_value, evidence)
        sources.append(end_found or end_value)
        if end is None:
            reasons.append("employment.end_unreadable")
        elif (_more_than_one_end(doc, end_value, evidence)
              or notice_not_last_day(value := doc.slice(end_value.start, end_value.end))
              or end_value_in_doubt(value, END_DATE, END_LABEL_WORDS)):
            reasons.append("employment.end_unclear")  # "Notice given D; last day D", "Notice given D"
        return end
    else:
        sources.append(end_value)
    return None


def _more_than_one_end(doc: DocText, end_value: Found, evidence: list[Evidence]) -> bool:
    """Whether an end value holds a second date that is no remark's ("(verified 06/02/2026)" is the answer's day)."""
    spans = dates_in(end_value, evidence)
    return any(not remark_date(doc.slice(before.end, span.start))
               for before, span in zip(spans, spans[1:], strict=False))


def _position_row(doc: DocText, evidence: list[Evidence],
                  ) -> tuple[Found | None, Found, Found | None, list[str]] | None:
    """A position table: a header row naming the position and its "From" / "To" columns over a row of values.

    The row's cells may run together ("November 3, 2012 Present"), so they are told apart by shape, not by
    place: its dates (and a "Present") fill the date columns in their order, a cell of figures a column such as
    hours a week, and the pieces of text the other columns in order. Text pieces that do not pair one to one with
    the text columns leave the role unread (flagged); a second dated row under the first (more than one position)
    is flagged too.
    """
    for index, line in enumerate(doc.lines[:-1]):
        columns = _period_columns(doc, line)
        below = doc.lines[index + 1]
        if columns is None or below.page != line.page:
            continue
        headers = [box_of(doc, *cell) for cell in line.cell_spans()]
        date_heads = [head for kind, head in zip(columns, headers, strict=True)
                        if kind in ("start", "end", "period") and head is not None]
        pieces = _row_pieces(doc, below, evidence, date_heads)
        dated = [piece for piece in pieces if piece[0] == "date"]
        date_columns = [end for kind in columns for end in (("start", "end") if kind == "period" else (kind,))
                        if end in ("start", "end")]
        if not dated or len(dated) > len(date_columns) or UNTIL_NOW.fullmatch(doc.slice(*dated[0][1]).strip()):
            continue
        ends = dict(zip(date_columns, (Found(*span, "employment.position_row.v1", PERIOD_ROW_SCORE)
                                       for _, span in dated), strict=False))
        role_span = _role_piece(doc, line, columns, [span for kind, span in pieces if kind == "text"])
        role = Found(*role_span, "employment.position_row.v1", PERIOD_ROW_SCORE) if role_span else None
        reasons = ["employment.period_unclear"] if _another_dated_row(doc, index + 1, evidence, date_heads) else []
        return role, ends["start"], ends.get("end"), reasons
    return None


def _another_dated_row(doc: DocText, index: int, evidence: list[Evidence],
                       date_heads: list[tuple[float, float, float, float]]) -> bool:
    """Whether a dated row follows the row at `index` before the table ends.

    The table ends at a labelled line, a sentence, a heading, a sign-off or the page's end; a wrapped cell under
    the first row ("(Early Head Start)") ends none.
    """
    for line in doc.lines[index + 1:]:
        text = doc.slice(line.start, line.end)
        if (line.page != doc.lines[index].page or LABELLED_LINE.match(text) or is_prose(text)
                or SECTION_HEADING.search(text) or SIGN_OFF.match(text)):
            return False
        if any(kind == "date" for kind, _ in _row_pieces(doc, line, evidence, date_heads)):
            return True
    return False


def _role_piece(doc: DocText, header: Line, columns: list[str], texts: list[tuple[int, int]],
                ) -> tuple[int, int] | None:
    """The row's text under the position's column.

    By order when the text pieces pair one to one with the text columns, else the one piece lying under the
    position's header cell and no other (a scan's stray mark can make a column of figures read as text:
    "Hours/week a").
    """
    text_columns = [kind for kind in columns if kind in ("role", "text")]
    if len(texts) == len(text_columns):
        return texts[text_columns.index("role")]
    headers = [box_of(doc, *cell) for cell in header.cell_spans()]
    for span in texts:
        box = box_of(doc, *span)
        under = [kind for kind, head in zip(columns, headers, strict=True)
                 if box is not None and head is not None and overlap(box, head) > 0.2]
        if under == ["role"]:
            return span
    return None


def _period_columns(doc: DocText, line: Line) -> list[str] | None:
    """A position table's header row: each cell's column ("role", "start", "end", "number", "text"), or None.

    The row holds no digit and names the position, the first day ("From", "Start date") and the last ("To"), each
    once, or the whole period in one column ("Dates of employment"): a grid of fields two by two ("Job title   Hire
    date" over their values) names no last day beside them.
    """
    texts = [doc.slice(*cell) for cell in line.cell_spans()]
    if (len(texts) < 2 or any(ch.isdigit() for text in texts for ch in text)
            or any(SIGNATURE_COLUMN.match(text) for text in texts)):
        return None
    kinds = [_column_kind(text) for text in texts]
    ends = [kinds.count(kind) for kind in ("start", "end", "period")]
    return kinds if kinds.count("role") == 1 and ends in ([1, 1, 0], [0, 0, 1]) else None


def _column_kind(text: str) -> str:
    for kind, label in (("role", ROLE_LABEL), ("period", PERIOD_COLUMN), ("start", FROM_COLUMN), ("end", TO_COLUMN),
                        ("number", NUMBER_COLUMN)):
        if re.match(rf"(?i)^[\s|]*(?:{ocr_tolerant(label)})\s*:?\s*$", text):
            return kind
    return "text"


def _row_pieces(doc: DocText, line: Line, evidence: list[Evidence],
                date_heads: list[tuple[float, float, float, float]]) -> list[tuple[str, tuple[int, int]]]:
    """A table row cut into its values in reading order: each date (or "Present"), figures, text."""
    pieces: list[tuple[str, tuple[int, int]]] = []
    for start, end in line.cell_spans():
        dates = [(ev.start, ev.end) for ev in dates_in(Found(start, end, "", 1.0), evidence)]
        marks = sorted(dates + _until_now(doc, (start, end), dates, date_heads))
        at = start
        for mark in marks:
            if mark[0] < at:
                continue
            pieces += _plain_piece(doc, at, mark[0])
            pieces.append(("date", mark))
            at = mark[1]
        pieces += _plain_piece(doc, at, end)
    return pieces


def _until_now(doc: DocText, cell: tuple[int, int], dates: list[tuple[int, int]],
               date_heads: list[tuple[float, float, float, float]]) -> list[tuple[int, int]]:
    """The cell's "Present" closing a period.

    Right after a date ("03/03/2015 - Present"), or the whole cell under a date column (one under "From" is then no
    start). A status column's "Not currently employed" closes none.
    """
    found = []
    for match in UNTIL_NOW.finditer(doc.slice(*cell)):
        start, end = cell[0] + match.start(), cell[0] + match.end()
        after_date = any(PERIOD_GAP.fullmatch(doc.slice(date_end, start).strip(RULED))
                         for _, date_end in dates if date_end <= start)
        box = box_of(doc, start, end)
        whole = (PERIOD_GAP.fullmatch(doc.slice(cell[0], start).strip(RULED)) is not None
                 and not doc.slice(end, cell[1]).strip(RULED))
        if after_date or (whole and box is not None and any(overlap(box, head) > 0.2 for head in date_heads)):
            found.append((start, end))
    return found


def _plain_piece(doc: DocText, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    """The text between a row's dates, trimmed: figures or text, nothing when blank."""
    text = doc.slice(start, end)
    kept = text.strip(RULED)
    if not kept or PERIOD_GAP.fullmatch(kept):  # "to" between two dates, a scan's ruling read as "|"
        return []
    start, end = start + len(text) - len(text.lstrip(RULED)), end - len(text) + len(text.rstrip(RULED))
    return [("number" if NUMBER_CELL.match(doc.slice(start, end)) else "text", (start, end))]


def _ends_agree(doc: DocText, evidence: list[Evidence], row_end: Found | None, labelled_end: Found | None) -> bool:
    """Whether the form's labelled last day or its "still employed" answer (when it gives one) is the row's end.

    A row running to "Present" beside "Termination date: 06/30/2019", or ending beside "Currently employed: Yes",
    is a person's call. A blank "To" cell counts as running on (it is flagged unless the form says so).
    """
    def open_or_date(value: Found | None) -> tuple[bool, ParsedDate | None]:
        if value is None or STILL_EMPLOYED.match(doc.slice(value.start, value.end)):
            return value is not None, None
        return False, first_date(doc, value, evidence)[0]

    labelled_open, labelled_date = open_or_date(labelled_end)
    labelled_open = labelled_open or _still_employed(doc)[0] is not None
    row_open, row_date = open_or_date(row_end)
    row_open = row_open or row_end is None
    if labelled_date is not None and (row_open or row_date != labelled_date):
        return False
    return not (labelled_open and not row_open)


def _role_field(doc: DocText) -> Found | None:
    return (_labelled(doc, ROLE_LABEL, COLUMNS, "employment.role_field.v1")
            or _above_closing(doc, section_field(doc, ROLE_LABEL, ROLE_LABEL, "employment.role_section.v1"))
            or _bare_value(doc, ROLE_LABEL, "employment.role_bare.v1"))


def _period_fields(doc: DocText, evidence: list[Evidence]) -> tuple[Found | None, Found | None]:
    """The labelled start and end values: two fields, or one field giving the whole period.

    A label with its colon (or in its cell) goes before one printed bare ("Hire date 03/03/2015").
    """
    readers = ((_labelled_field, "field"), (_bare_date, "bare"))
    for read, how in readers:
        start_value, end_value = read(doc, START_LABEL, f"employment.start_{how}.v1"), None
        period = read(doc, PERIOD_LABEL, f"employment.period_{how}.v1") if start_value is None else None
        if period is not None:  # "Employed from <date>" over its own "Employed until <date>"
            start_value, end_value = _split_period(doc, period, evidence)
        if start_value is not None:
            break
    return start_value, end_value or _end_field(doc)


def _end_field(doc: DocText) -> Found | None:
    """The labelled last day ("End date", "Last day worked"), with its colon or printed bare."""
    return _labelled_field(doc, END_LABEL, "employment.end_field.v1") or _bare_date(doc, END_LABEL,
                                                                                   "employment.end_bare.v1")


def _labelled_field(doc: DocText, label: str, rule: str) -> Found | None:
    return _labelled(doc, label, COLUMNS, rule)


def _bare_date(doc: DocText, label: str, rule: str) -> Found | None:
    """A date (or "Present") beside or under a label printed without a colon."""
    return _bare_value(doc, label, rule, shape=DATE_SHAPED)


def _still_employed(doc: DocText) -> tuple[Found | None, list[str]]:
    """A field saying yes to "still there" (a reason when only a bare "Status" says it), else a ticked option.

    Of "still employed" / "no longer employed", only the one ticked counts.
    """
    for label, reasons in ((STILL_LABEL, []), (BARE_STATUS_LABEL, ["employment.status_unclear"])):
        still = _labelled(doc, label, COLUMNS, "employment.still_employed.v1")
        if still is not None and STILL_YES.match(doc.slice(still.start, still.end)):
            return still, reasons
    ticked = list(STILL_TICKED.finditer(doc.text))
    if len(ticked) == 1 and not ticked[0].group("option").lower().startswith("no"):
        return Found(ticked[0].start("option"), ticked[0].end("option"), "employment.still_ticked.v1", 0.93), []
    return None, []


def _from_period_sentence(doc: DocText, evidence: list[Evidence], duties: Found | None) -> Item | None:
    """A letter's role-less period sentence, the role from its labelled block; labelled dates must agree."""
    rule, pattern = PERIOD_SENTENCE
    matches = ((m, _employer_span(m)) for m in pattern.finditer(doc.text) if not NAMED_ROLE.search(m.group("employer")))
    match, (employer_start, employer_end) = next(
        ((m, span) for m, span in matches if not NOT_AN_EMPLOYER.match(doc.slice(*span).strip())), (None, (0, 0)))
    if match is None:
        return None
    employer = doc.slice(employer_start, employer_end)
    score = PERIOD_SENTENCE_SCORE if _named_elsewhere(doc, employer) else UNCONFIRMED_EMPLOYER_SCORE
    start_group = "since" if match.group("since") else "start"
    start, start_found = _date_of(doc, *match.span(start_group), evidence, rule)
    sources = [Found(employer_start, employer_end, rule, score), start_found]
    end: ParsedDate | None = None
    reasons: list[str] = []
    if match.group("end") and not STILL_EMPLOYED.match(match.group("end")):
        end, end_found = _date_of(doc, *match.span("end"), evidence, rule)
        sources.append(end_found)
        if end is None:
            reasons.append("employment.end_unreadable")
    role = _role_field(doc)
    if role is None:
        reasons.append("employment.role_missing")
    else:
        sources.append(role)
    if not _block_agrees(doc, evidence, start, end):
        reasons.append("employment.dates_disagree")
    return _item(doc, employer, doc.slice(role.start, role.end) if role else None, start, end, duties, sources,
                 reasons)


def _letterhead_employer(doc: DocText, duties: Found | None = None) -> Found | None:
    """The employer of a letter giving the job's facts as a labelled block: the organisation its letterhead names.

    An HR letter prints its organisation at the top and says the person works there ("the employment of Ann Lee
    with Riverbend Clinic", "has been employed by Riverbend Clinic"): the top-most organisation cell above the
    letter's date, named after such a phrase, is the employer. Named only otherwise ("provided by", "for the
    Board"), or with the work placed elsewhere too ("on behalf of", "works for X in its Y Clinic", "her work at
    Y"), it is read at a score a person checks; so is a top cell worded like an organisation and named nowhere.
    A line below the date (the recipient's address), the letter's title, a department, a person's name or an
    address is never taken; nor is the letterhead when the letter has an employer field of its own left blank.
    """
    own = field(doc, EMPLOYER_LABEL, "employment.employer_field.v1")
    if own is not None and own.label.start < _closing(doc):
        return None
    top = _top_organisation(doc)
    if top is None:
        return None
    start, end = top
    name = " ".join(doc.slice(start, end).split())
    body = " ".join(doc.text[end:].split())
    spelt = r"\s+".join(ocr_tolerant(re.escape(word)) for word in name.split())  # "Lakeshore C ommunity"
    named = re.search(rf"(?i){EMPLOYED_THERE}\s+(?:the\s+)?{spelt}(?!\s*(?-i:[A-Z]))(?![\w'’-])(?!\s+{ITS_PEOPLE})",
                      body)
    if named is not None and not _worked_elsewhere(body, spelt) and not _not_confirmed(body, named):
        return Found(start, end, "employment.letterhead.v1", LETTERHEAD_SCORE)
    if named is None and (_confirms_own_employee(body) or _confirms_own_employee(left_column_text(doc, end))):
        if (_surely_an_organisation(doc, name) and not _worked_elsewhere(body, spelt)
                and not _placed_elsewhere(_letter_body(doc, end, duties), name)):
            return Found(start, end, "employment.letterhead_confirms.v1", UNCONFIRMED_EMPLOYER_SCORE)
        return (Found(start, end, "employment.letterhead.v1", UNCONFIRMED_EMPLOYER_SCORE)
                if _organisation_like(name) else None)
    if named is not None or ORGANISATION.search(name):
        return Found(start, end, "employment.letterhead.v1", UNCONFIRMED_EMPLOYER_SCORE)
    return None


def _not_confirmed(body: str, named: re.Match[str]) -> bool:
    """Whether the sentence naming the letterhead as the workplace confirms nothing.

    Negated ("is not employed by X"), refused or asked for ("We are unable to confirm the employment of Ann Lee
    with X", "You have asked us to verify ...", "Please confirm that she is employed by X"), the person's own
    word ("Ann Lee states she worked for X", "her claim that she worked for X"), or taken back after it ("We hold
    no record of her", "we could not locate her file", "is not supported by our records").
    """
    lead = body[:named.start()]
    sentence = lead[max((m.end() for m in SENTENCE_END.finditer(lead)), default=0):]
    return bool(NEGATED.search(lead) or REFUSED_BEFORE.search(sentence) or _someone_elses_word(sentence)
                or REFUSED_AFTER.search(_next_sentence(body, named.end())))


def _someone_elses_word(sentence: str) -> bool:
    """Whether a sentence's lead gives anyone's word but the writer's for the organisation.

    A lead with a "states"/"said" or with more than one person in it ("I believe she said that she was", "She told
    our office that she was", "We are pleased to inform you that Noor Haddad was") is the writer's own statement only
    in its sure shape (`WRITER_SURE`): the writer stating, then the person and her verb alone.
    """
    lead = " ".join(sentence.split())
    if persons_own_word(lead):  # "Ana Ruiz writes that she ...", "She has indicated she ..."
        return True
    if not STATED.search(lead) and len(PERSON_WORDS.findall(lead)) < 2:
        return False
    writer = WRITER_STATING.search(lead)  # "At her request, we confirm ..."
    if writer is None:
        return True
    rest = lead[writer.end():]
    plain = not PERSON_WORDS.search(rest) and not STATED.search(rest)  # "... the following information about the"
    return not (plain or WRITER_SURE.fullmatch(rest)) or bool(WRITER_EMPLOYED.search(rest))


def _confirms_own_employee(body: str) -> bool:
    """Whether the letter confirms a person's employment in the first person.

    "I am writing to confirm the employment of Ann Lee. The details held in our personnel file ...": the writer
    speaks for the organisation ("our", "we"). A refusal or a request before the words ("we cannot confirm", "we
    were asked to verify") or a refusal after them ("Our records do not show her") confirms nothing.
    """
    confirmed = CONFIRMS_OURS.search(body) or confirms_summary(body)
    return (confirmed is not None and not REFUSED.search(body[:confirmed.start()])
            and not REFUSED_AFTER.search(_next_sentence(body, confirmed.end())) and bool(OURS.search(body)))


def _next_sentence(body: str, at: int) -> str:
    """The rest of the sentence from `at` and the sentence after it: where a refusal of the confirming words stands.

    "We confirm the employment of Ann Lee. Our records do not show her." A duty or a later paragraph is no refusal.
    """
    stops = [m.end() for m in SENTENCE_END.finditer(body, at)][:2]
    return body[at:stops[-1] if len(stops) == 2 else len(body)]


def _organisation_like(name: str) -> bool:
    """Whether a letterhead line is worded like an organisation's name, not a person's or a marking."""
    return (bool(ORGANISATION.search(name) or EMPLOYER_WORDS.search(name)) and not PERSON_MARK.search(name)
            and not MARKING.search(name))


def _surely_an_organisation(doc: DocText, name: str) -> bool:
    """Whether the letterhead's top line surely names the employing organisation as a whole.

    Worded like an organisation ("... Clinic", "... Health Trust"), not a part of one ("Department of Pediatrics",
    "Healthy Families Program"), and no marking such as "Private and Confidential" above the date (under which a
    recipient's address may stand instead of the letterhead).
    """
    if not _organisation_like(name) or SUB_UNIT.search(name):
        return False
    for line in doc.lines[:LETTERHEAD_LINES]:
        text = doc.slice(line.start, line.end)
        if line.page != doc.lines[0].page or DATE_ONLY.match(text) or SALUTATION.match(text):
            break
        if MARKING.search(text):
            return False
    return True


def _letter_body(doc: DocText, after: int, duties: Found | None = None) -> str:
    """The letter's text after its salutation ("To Whom It May Concern:"), else after the letterhead, less the duties.

    The families and services a duty names ("families referred by Child Protective Services") are no place the
    person works.
    """
    salutation = next((line for line in doc.lines if line.start >= after
                       and SALUTATION.match(doc.slice(line.start, line.end))), None)
    start = salutation.end if salutation is not None else after
    text = doc.text[start:]
    if duties is not None and duties.start >= start:
        text = doc.text[start:duties.start] + " " + doc.text[duties.end:]
    return " ".join(text.split())


def _placed_elsewhere(body: str, name: str) -> bool:
    """Whether the letter names another organisation as where the person works or was placed.

    "I was her supervisor at Riverside Clinic", "assigned to Bay Family Services", "Riverside Clinic, our grantee,
    employs her": the letterhead may be a funder's, an agency's or a former employer's. A name the letterhead's
    contains, or that contains it ("at Mercy Health" under "Mercy Health System"), is the letterhead's own.
    """
    own = re.sub(r"\W", "", name).casefold()
    for match in PLACED_AT.finditer(body):
        other = match.group("name") or match.group("subject")
        flat = re.sub(r"\W", "", re.sub(r"(?i)^the\s+", "", other)).casefold()
        if (ORGANISATION.search(other) or EMPLOYER_WORDS.search(other)) and flat not in own and own not in flat:
            return True
    return False


def _uncut(name: str) -> str:
    """A letterhead's name with each word a scan cut after its capital made whole, when the whole is a word.

    "Lakeshore C ommunity Health" is "Lakeshore Community Health"; the name stays flagged as misread.
    """
    english = english_words()
    return CUT_AFTER_CAPITAL.sub(
        lambda m: m["head"] + m["rest"] if (m["head"] + m["rest"]).lower() in english and m["rest"] not in english
        else m[0], name)


def _top_organisation(doc: DocText) -> tuple[int, int] | None:
    """The first page's top-most cell worded like a name, above its date and salutation: the letterhead's."""
    for line in doc.lines[:LETTERHEAD_LINES]:
        text = doc.slice(line.start, line.end)
        if line.page != doc.lines[0].page or DATE_ONLY.match(text) or SALUTATION.match(text):
            return None
        for start, end in line.cell_spans():
            name = " ".join(doc.slice(start, end).split())
            if (LETTERHEAD_NAME.match(name) and not LABELLED_LINE.match(name) and not NOT_LETTERHEAD.search(name)
                    and not MARKING.search(name)):
                return start, end
    return None


def _worked_elsewhere(body: str, spelt: str) -> bool:
    """Whether the letter places the work somewhere besides the letterhead's organisation, or writes for another."""
    if re.search(rf"(?i){spelt}\s+(?:in|at)\s+(?:its|their|our|the)\s+(?-i:[A-Z])", body):
        return True  # "works for Mercy Health System in its Riverbend Clinic"
    if re.search(rf"(?i){spelt}\s*,?\s+(?:through|via)\s+(?:the\s+|an?\s+)?(?-i:[A-Z])|\belsewhere\b", body):
        return True  # "did contract work for X through Lakeshore Staffing", "while employed elsewhere"
    return bool(ON_BEHALF.search(body)) or any(
        not re.match(rf"(?i)(?:the\s+)?{spelt}", body[m.end():]) for m in re.finditer(
            rf"(?i){EMPLOYED_THERE}\s+(?=(?:the\s+)?(?-i:[A-Z]))", body))


def _employer_span(match: re.Match[str]) -> tuple[int, int]:
    """The employer group's range after its last "at / with / for / by": the place, not the people worked with."""
    last = LAST_PREPOSITION.match(match.group("employer"))
    return match.start("employer") + (last.end() if last else 0), match.end("employer")


def _named_elsewhere(doc: DocText, employer: str) -> bool:
    """Whether a letterhead cell near the top of the page or an employer field gives the sentence's name too."""
    name = " ".join(employer.split()).casefold()
    cells = [doc.slice(*cell) for line in doc.lines[:6] for cell in line.cell_spans()]
    labelled = _labelled(doc, EMPLOYER_LABEL, COLUMNS, "employment.employer_field.v1")
    if labelled is not None:
        cells.append(doc.slice(labelled.start, labelled.end))
    return any(" ".join(cell.split()).casefold() == name for cell in cells)


def _block_agrees(doc: DocText, evidence: list[Evidence], start: ParsedDate | None, end: ParsedDate | None) -> bool:
    """Whether the letter's labelled first and last day (when it gives them) are the sentence's."""
    start_value, end_value = _period_fields(doc, evidence)
    if start_value is not None and first_date(doc, start_value, evidence)[0] != start:
        return False
    if end_value is None or STILL_EMPLOYED.match(doc.slice(end_value.start, end_value.end)):
        return end_value is None or end is None
    return first_date(doc, end_value, evidence)[0] == end


def _split_period(doc: DocText, period: Found, evidence: list[Evidence]) -> tuple[Found | None, Found | None]:
    """A labelled period's start (its first date) and end (what follows it: a date, "Present", or nothing).

    Only a date or "Present" right after the start and a dash or "to" is the end ("03/14/2016 - Present"); a date
    in a remark after it ("(verified 05/04/2026)", "; still employed as of 05/04/2026") is the day of the answer,
    so no end is read and the item is flagged (employment.end_unreadable).
    """
    spans = dates_in(period, evidence)
    if not spans or AS_OF.search(doc.slice(period.start, spans[0].start)):
        return None, None
    gap = PERIOD_GAP.match(doc.text, spans[0].end, period.end)
    rest = gap.end() if gap else spans[0].end
    start = Found(spans[0].start, spans[0].end, period.rule, period.score)
    if rest >= period.end:
        return start, None
    after = doc.slice(rest, period.end)
    closes = (len(spans) > 1 and spans[1].start == rest) or STILL_EMPLOYED.match(after) is not None
    if not closes or not doc.slice(spans[0].end, rest).strip():
        return start, None
    return start, Found(rest, period.end, period.rule, period.score)


def _labelled(doc: DocText, label: str, columns: str, rule: str) -> Found | None:
    """A form value: under its name in a grid's header row, else beside or after its label.

    A label standing alone reads the value under it when the form prints its labels over their values.
    """
    found = column_value(doc, label, columns, rule)
    if found is not None:
        return _above_closing(doc, found)
    hit = field(doc, label, rule, captions_above=captions_over_values(doc))
    value = hit.value if hit is not None else None
    if hit is not None and value is not None and value.end <= hit.label.start and _under_a_label(doc, value):
        value = field_value(doc, label, rule, captions_above=True)  # the line above is the value of the label over it
    return _above_closing(doc, value)


def _closing(doc: DocText) -> int:
    """Where a letter's closing stands ("Sincerely,", "Kind regards,"): the end of the text when it has none.

    Under it come the signer's name, title, organisation and the date signed: never the person's job facts.
    """
    return letter_closing(doc, PERIOD_FACT)


def _above_closing(doc: DocText, found: Found | None) -> Found | None:
    """A labelled value above the letter's closing, else none.

    One in the signature block (the signer's "Title", "Company") is none of the person's.
    """
    return found if found is not None and found.start < _closing(doc) else None


def _under_a_label(doc: DocText, value: Found) -> bool:
    """Whether the line of a value stands right under a column's name alone on its line (labels over values)."""
    line = doc.line_at(value.start)
    index = doc.lines.index(line) if line is not None else 0
    if index == 0:
        return False
    above = doc.lines[index - 1]
    return bool(LONE_COLUMN.match(doc.slice(above.start, above.end)))


def _bare_value(doc: DocText, label: str, rule: str, *, free_text: bool = False,
                shape: re.Pattern[str] | None = None) -> Found | None:
    """A label printed without a colon: its value after it on its line, else on the line under the label alone.

    "Hire date 03/03/2015", or "Hire date" over "03/03/2015". A short value starts with a capital or a digit
    (free text, such as duties, may not) and is no other field's ("Agency Phone ..."); none is a sentence, a
    labelled line, a column's name or a section heading's last word ("Employer information"); a `shape` the value
    must have (a date's).
    """
    first = "" if free_text else f"(?!{OTHER_FIELD})(?-i:[A-Z0-9])"
    inline = re.compile(rf"(?i)^\s*(?:{ocr_tolerant(label)})(?:\s+(?P<value>{first}.*?))?\s*$")
    closing = _closing(doc)
    for index, line in enumerate(doc.lines):
        if line.start >= closing:
            break
        match = inline.match(doc.slice(line.start, line.end)) if len(line.cell_spans()) == 1 else None
        if match is None:
            continue
        if match.group("value"):
            value = Found(line.start + match.start("value"), line.start + match.end("value"), rule, BARE_SCORE)
        elif index + 1 < len(doc.lines) and doc.lines[index + 1].page == line.page:
            below = doc.lines[index + 1]
            value = Found(below.start, below.end, rule, BARE_SCORE)
        else:
            continue
        text = doc.slice(value.start, value.end)
        if LONE_COLUMN.match(text) or LABELLED_LINE.match(text) or SECTION_HEADING.search(text):
            continue
        if shape is not None and not shape.match(text):
            continue
        if free_text or not is_prose(text):
            return value
    return None


def _item(doc: DocText, employer: str, role: str | None, start: ParsedDate | None, end: ParsedDate | None,
          duties: Found | None, sources: list[Found], reasons: list[str]) -> Item:
    if sources and misread_name(doc, sources[0]):  # the employer's range comes first
        reasons.append("employment.employer_misread")
    if start is None:
        reasons.append("employment.start_missing")
    if duties is None:
        reasons.append("employment.duties_missing")
    else:
        if duties.score <= BROKEN_BOUNDARY_SCORE or _split_word(doc, duties) or _cut_short(doc, duties):
            reasons.append("employment.duties_unclear")
        sources.append(duties)
    value: dict[str, Any] = {
        "employer": one_line(employer),
        "role": one_line(role) if role else None,
        "start": start.iso() if start else None,
        "end": end.iso() if end else None,
        "duties": one_line(doc.slice(duties.start, duties.end)).rstrip(".") if duties else None,
    }
    key = f"employment:{slug(value['employer'])}:{value['start'] or 'undated'}"
    return build_item(doc, "employment", key, value, sources, reasons)
