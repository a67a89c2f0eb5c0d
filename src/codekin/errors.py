"""Typed errors: every way a hostile or broken input can fail, each with a stable ``code``.

A batch catches :class:`CodekinError` per file, records ``code`` and ``message`` and goes on.
Anything else escaping a parser is a bug.
"""

from __future__ import annotations


class CodekinError(Exception):
    """Base of every error codekin raises on purpose. ``code`` is stable (JSON output)."""

    code = "error"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "path": self.path}


class InputError(CodekinError):
    """The input is not something codekin can analyse."""

    code = "input"


class EmptyFileError(InputError):
    code = "empty"


class NotExecutableError(InputError):
    """Not a PE, ELF or Mach-O file (and no raw architecture was given)."""

    code = "not_executable"


class TruncatedError(InputError):
    code = "truncated"


class MalformedError(InputError):
    """Headers that cannot describe a real executable (absurd sizes, counts, offsets)."""

    code = "malformed"


class UnsupportedError(InputError):
    """A valid executable for an architecture or format variant codekin does not handle yet."""

    code = "unsupported"


class TooLargeError(InputError):
    code = "too_large"


class ContainerError(InputError):
    """A zip archive that cannot be read (corrupt, wrong password, encrypted with unknown method)."""

    code = "container"


class TimeBudgetExceeded(CodekinError):
    """The per-file time budget ran out; ``stage`` says where."""

    code = "time_budget"

    def __init__(self, message: str, *, stage: str, path: str | None = None) -> None:
        super().__init__(message, path=path)
        self.stage = stage
