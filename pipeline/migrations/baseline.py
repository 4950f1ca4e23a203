"""The schema as the store made it before migrations (frozen: a later change of the models is a new revision).

Revision 0001 creates it; a database made by the earlier code (these tables, no `alembic_version`) is brought
up to it table by table and column by column instead, then stamped, so nothing in it is recreated.
"""

from __future__ import annotations

import sqlalchemy as sa


def metadata() -> sa.MetaData:
    """Every table and index of the baseline, as the store's models declared them on the day migrations began."""
    tables = sa.MetaData()
    _people_and_runs(tables)
    _documents_and_results(tables)
    _reviews(tables)
    return tables


def _people_and_runs(metadata: sa.MetaData) -> None:
    sa.Table(
        "candidates", metadata,
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("category", sa.String(40), nullable=True),
        sa.Column("applied_on", sa.String(10), nullable=True),
        sa.Column("problem", sa.String(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    sa.Table(
        "runs", metadata,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("flow", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=True),
    )
    sa.Table(
        "users", metadata,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def _documents_and_results(metadata: sa.MetaData) -> None:
    sa.Table(
        "documents", metadata,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("candidate_id", sa.String(200), sa.ForeignKey("candidates.id"), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(), nullable=False),
        sa.Column("archive_path", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(40), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("official", sa.Boolean(), nullable=True),
        sa.Column("extractor_version", sa.String(20), nullable=True),
        sa.Column("error_code", sa.String(60), nullable=True),
        sa.Column("error_message", sa.String(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("claimed_by", sa.String(100), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("processed_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("candidate_id", "sha256"),
    )
    sa.Index("ix_documents_candidate_id", metadata.tables["documents"].c.candidate_id)
    sa.Index("ix_documents_sha256", metadata.tables["documents"].c.sha256)
    sa.Table(
        "requirement_results", metadata,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("candidate_id", sa.String(200), sa.ForeignKey("candidates.id"), nullable=False),
        sa.Column("requirement", sa.String(60), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("rules_version", sa.String(40), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("candidate_id", "requirement"),
    )
    sa.Index("ix_requirement_results_candidate_id", metadata.tables["requirement_results"].c.candidate_id)


def _reviews(metadata: sa.MetaData) -> None:
    sa.Table(
        "decisions", metadata,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("item_key", sa.String(300), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("reviewer", sa.String(100), nullable=False),
        sa.Column("comment", sa.String(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("extracted", sa.JSON(), nullable=True),
    )
    sa.Index("ix_decisions_document_sha256", metadata.tables["decisions"].c.document_sha256)
    sa.Table(
        "claims", metadata,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("item_key", sa.String(300), nullable=False),
        sa.Column("holder", sa.String(100), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("document_sha256", "item_key"),
    )
    sa.Table(
        "audit", metadata,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("candidate_id", sa.String(200), nullable=True),
        sa.Column("document_sha256", sa.String(64), nullable=True),
        sa.Column("item_key", sa.String(300), nullable=True),
        sa.Column("old", sa.JSON(), nullable=True),
        sa.Column("new", sa.JSON(), nullable=True),
        sa.Column("comment", sa.String(), nullable=True),
    )
    sa.Index("ix_audit_candidate_id", metadata.tables["audit"].c.candidate_id)
    sa.Index("ix_audit_at", metadata.tables["audit"].c.at)
