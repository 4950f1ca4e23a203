"""The registered predicates, one module per requirement (documents.py holds the three one-item checks)."""

from pipeline.checks.predicates import (  # noqa: F401  (importing registers them)
    documents,
    education,
    experience,
    references,
    supervision,
    training,
)
