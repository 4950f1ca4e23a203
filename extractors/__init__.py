"""Page text (pdfplumber, OCR), NLP and one module per document kind; imports only `pipeline.models`."""

EXTRACTOR_VERSION = "0.1.0"
"""Bumped when extraction changes: a document is re-read only when this differs from its stored version."""
