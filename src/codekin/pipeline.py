"""The extraction stage end to end: input bytes -> ``Binary`` -> ``Extraction`` (functions, CFGs),
with a per-file time budget and typed errors. Pure over bytes; file and archive I/O live in
:mod:`codekin.binary.container`."""

from __future__ import annotations

import struct
import time
from collections.abc import Iterator
from dataclasses import dataclass

from codekin.binary.container import iter_inputs
from codekin.binary.loader import DEFAULT_MAX_SIZE, load_binaries
from codekin.binary.model import Arch
from codekin.disasm.discover import extract
from codekin.disasm.model import Extraction
from codekin.errors import CodekinError, MalformedError

DEFAULT_TIME_BUDGET = 120.0


HEADER_BYTES = 4096


@dataclass(slots=True)
class Result:
    name: str
    extraction: Extraction | None = None
    error: CodekinError | None = None
    header: bytes = b""  # the file's first bytes (the PE Rich header's checksum covers them)


def analyse_bytes(data: bytes, *, name: str | None = None, arch: Arch | None = None, base: int = 0,
                  max_size: int = DEFAULT_MAX_SIZE, time_budget: float | None = DEFAULT_TIME_BUDGET,
                  ) -> Iterator[Result]:
    """Every image in ``data`` analysed; failures come back as results with ``error`` set."""
    deadline = None if time_budget is None else time.monotonic() + time_budget
    label = name or "<bytes>"
    try:
        for binary in load_binaries(data, name=name, arch=arch, base=base, max_size=max_size):
            try:
                yield Result(binary.name or label, extract(binary, deadline=deadline), header=data[:HEADER_BYTES])
            except CodekinError as exc:
                exc.path = exc.path or binary.name or label
                yield Result(binary.name or label, error=exc)
    except CodekinError as exc:
        exc.path = exc.path or label
        yield Result(label, error=exc)
    except (ValueError, IndexError, KeyError, OverflowError, MemoryError, UnicodeError, struct.error) as exc:
        # a malformed structure tripped a parser: typed, not a crash
        yield Result(label, error=MalformedError(f"malformed structure: {type(exc).__name__}: {exc}",
                                                 path=label))


def analyse_paths(paths: list[str], *, arch: Arch | None = None, base: int = 0,
                  max_size: int = DEFAULT_MAX_SIZE, time_budget: float | None = DEFAULT_TIME_BUDGET,
                  ) -> Iterator[Result]:
    """Files, folders and zip archives; one result (or more, for fat binaries) per input."""
    for inp in iter_inputs(paths, max_size=max_size):
        if inp.data is None:
            assert inp.error is not None
            yield Result(inp.name, error=inp.error)
            continue
        yield from analyse_bytes(inp.data, name=inp.name, arch=arch, base=base, max_size=max_size,
                                 time_budget=time_budget)
