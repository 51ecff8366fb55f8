"""Text helpers of the C++ core, for callers that clean their own strings."""

from ._core import clean_display, fold

__all__ = ["clean_display", "fold"]
