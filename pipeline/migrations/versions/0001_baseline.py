"""Baseline: candidates, documents, requirement results, decisions, claims, users, audit, runs.

Revision ID: 0001
Revises:
Create Date: 2026-05-20
"""

from __future__ import annotations

from alembic import op

from pipeline.migrations import baseline

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create every table and index of the baseline."""
    baseline.metadata().create_all(op.get_bind(), checkfirst=False)


def downgrade() -> None:
    """Drop everything the baseline made (the data with it)."""
    baseline.metadata().drop_all(op.get_bind(), checkfirst=False)
