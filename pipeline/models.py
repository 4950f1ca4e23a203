"""The values that travel between stages: page words, items with provenance, flags, results, records.

This module is the bottom layer: `extractors` may import it, it imports nothing of the project.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

BBox = tuple[float, float, float, float]
"""A box in PDF points, top-left origin: (x0, top, x1, bottom), as pdfplumber gives it."""

Source = Literal["text_layer", "ocr"]


class DocumentKind(StrEnum):
    """What a submitted document is evidence of."""

    TRANSCRIPT = "transcript"
    TRAINING_CERTIFICATE = "training_certificate"
    SUPERVISION_LOG = "supervision_log"
    REFERENCE_RATING = "reference_rating"
    ETHICS_AGREEMENT = "ethics_agreement"
    EXAM_RESULT = "exam_result"
    MEMBERSHIP = "membership"
    EMPLOYMENT_VERIFICATION = "employment_verification"
    UNKNOWN = "unknown"


class Status(StrEnum):
    """A requirement's outcome."""

    MET = "met"
    NOT_MET = "not_met"
    NEEDS_REVIEW = "needs_review"
    NOT_APPLICABLE = "not_applicable"


class DocumentStatus(StrEnum):
    """How far a document's extraction got: errors are data, not log lines."""

    SUCCESS = "success"
    PARTIAL = "partial"
    FAILURE = "failure"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Word(_Model):
    """One word on a page, whatever read it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    bbox: BBox
    confidence: float = Field(ge=0.0, le=1.0)
    source: Source


class Page(_Model):
    """A page as words with boxes; `source` says how the words were read.

    `rotation` is the clockwise turn (0, 90, 180, 270) that made a scanned page upright; the words'
    boxes are in that upright reading frame, and provenance maps them back onto the page as stored.
    """

    number: int = Field(ge=1)
    width: float
    height: float
    words: list[Word]
    source: Source
    rotation: int = 0


class Provenance(_Model):
    """Where a value came from: document, page, box, the text read, how it was read and which rule took it."""

    document: str
    page: int
    bbox: BBox
    text: str
    source: Source
    rule: str


class Item(_Model):
    """One extracted value with its confidence, review state and provenance."""

    type: str
    key: str
    value: dict[str, Any]
    confidence: float = Field(ge=0.0, le=1.0)
    needs_review: bool = False
    reasons: list[str] = Field(default_factory=list)
    provenance: list[Provenance] = Field(default_factory=list)

    def flag(self, code: str) -> None:
        """Mark the item for a person, with a flag code saying why."""
        self.needs_review = True
        if code not in self.reasons:
            self.reasons.append(code)


class Flag(_Model):
    """Something a person must see, with a stable code and a sentence of why."""

    code: str
    message: str
    document: str | None = None
    item: str | None = None
    page: int | None = None


class DocumentResult(_Model):
    """What extraction made of one document."""

    document: str
    filename: str
    kind: DocumentKind
    pages: int
    official: bool | None = None
    status: DocumentStatus = DocumentStatus.SUCCESS
    extractor_version: str
    items: list[Item] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)

    def contract_json(self) -> dict[str, Any]:
        """The `endorse extract --json` shape (DESIGN.md), plus the document's hash and status."""
        return self.model_dump(mode="json")


class ItemRef(_Model):
    """A link from a requirement result to an item it used."""

    key: str
    type: str
    document: str | None = None
    page: int | None = None
    bbox: BBox | None = None

    @classmethod
    def of(cls, item: Item) -> ItemRef:
        first = item.provenance[0] if item.provenance else None
        return cls(
            key=item.key,
            type=item.type,
            document=first.document if first else None,
            page=first.page if first else None,
            bbox=first.bbox if first else None,
        )


class RequirementResult(_Model):
    """One requirement's status for one candidate, with why and the evidence used."""

    id: str
    status: Status
    explanation: str
    items: list[ItemRef] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)


class Category(StrEnum):
    """The Level IV category a candidate applies in."""

    CLINICAL = "clinical"
    POLICY = "policy"
    RESEARCH_FACULTY = "research_faculty"


class CandidateInfo(_Model):
    """What `candidate.yaml` says about a candidate; every field optional."""

    name: str | None = None
    category: Category | None = None
    applied_on: dt.date | None = None


class CandidateRecord(_Model):
    """A candidate's items from every document, merged, with the requirement results."""

    candidate: str
    name: str | None = None
    category: Category | None = None
    applied_on: dt.date | None = None
    requirements: list[RequirementResult] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)

    def accepted(self, item_type: str) -> list[Item]:
        """Items of a type that a check may rely on for `met`."""
        return [i for i in self.items if i.type == item_type and not i.needs_review]

    def of_type(self, item_type: str) -> list[Item]:
        return [i for i in self.items if i.type == item_type]
