"""Typed errors for documents that cannot be read: each carries a stable code for the flag it becomes."""


class DocumentError(Exception):
    """A document could not be read at all."""

    code = "document.unreadable"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class NotAPdf(DocumentError):
    """The file does not start like a PDF."""

    code = "document.not_pdf"


class EncryptedPdf(DocumentError):
    """The PDF needs a password."""

    code = "document.encrypted"


class ParseError(ValueError):
    """A parser was given text that is not a value of its kind."""
