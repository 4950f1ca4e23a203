"""Page pictures of documents sent as images, for the review screen: the upright frame and size the reader used."""

from __future__ import annotations

from extractors.images import is_image, page_picture

__all__ = ["is_image", "page_picture"]
