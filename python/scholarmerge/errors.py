"""Exception types raised by scholarmerge. Every one carries where it happened."""

from __future__ import annotations


class ScholarmergeError(Exception):
    """Base class: ``source`` (path or name), ``line`` (1-based or None), ``code``."""

    source: str | None
    line: int | None
    code: str | None

    def __init__(self, message: str, source: str | None = None, line: int | None = None,
                 code: str | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.line = line
        self.code = code


class ReadError(ScholarmergeError, OSError):
    """The input cannot be opened or read."""


class UnknownFormatError(ScholarmergeError, ValueError):
    """``format="auto"`` recognised nothing in the input."""


class OptionError(ScholarmergeError, ValueError):
    """An option the format does not know, or a bad value for one."""


class ParseError(ScholarmergeError, ValueError):
    """The input as a whole cannot be read in the given format."""
