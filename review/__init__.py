"""The reviewers' web page: a FastAPI app rendering server-side pages over the review service."""
