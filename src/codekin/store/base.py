"""The store interface the indexer and the matcher use; backends implement it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from codekin.errors import CodekinError
from codekin.fingerprint import FunctionPrints


class StaleIndexError(CodekinError):
    """The index was built with another fingerprint configuration or extractor version."""

    code = "stale_index"


@dataclass(slots=True)
class LabelSpec:
    family: str | None = None
    actor: str | None = None
    source: str | None = None
    confidence: float | None = None
    library: bool = False
    goodware: bool = False


@dataclass(slots=True)
class SampleRecord:
    sha256: str
    name: str
    format: str
    arch: str
    size: int
    n_functions: int
    n_instructions: int
    imphash: str | None = None
    tlsh: str | None = None
    pe_timestamp: int | None = None
    info: dict[str, Any] = field(default_factory=dict)
    strings: np.ndarray | None = None  # uint64 hashes of the sample's strings
    tokens: np.ndarray | None = None  # uint64 hashes of its profile tokens (imports, exports, PDB, Rich)


@dataclass(slots=True)
class Candidates:
    """Query function index -> stored function id pairs."""

    qi: np.ndarray  # int64
    fid: np.ndarray  # int64


@dataclass(slots=True)
class StoredFunctions:
    fid: np.ndarray
    sample_id: np.ndarray
    address: np.ndarray
    n_insns: np.ndarray
    exact: np.ndarray  # uint64
    minhash: np.ndarray  # (n, K) uint32


@dataclass(slots=True)
class SampleLabels:
    sample_id: int
    sha256: str
    name: str
    family: str | None
    actor: str | None
    library: bool
    goodware: bool
    n_functions: int


class Store(Protocol):
    def add_sample(self, rec: SampleRecord, prints: FunctionPrints, label: LabelSpec) -> int: ...

    def has_sample(self, sha256: str) -> bool: ...

    def label(self, sha256s: list[str], label: LabelSpec) -> int: ...

    def exact_candidates(self, exact: np.ndarray) -> Candidates: ...

    def exact_matches(self, exact: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]: ...

    def lsh_candidates(self, bands: np.ndarray) -> Candidates:
        """Distinct pairs, sorted by query index then function id."""
        ...

    def string_hits(self, hashes: np.ndarray) -> Candidates: ...

    def token_hits(self, hashes: np.ndarray) -> Candidates: ...

    def functions(self, fids: np.ndarray) -> StoredFunctions: ...

    def samples(self, sample_ids: list[int] | None = None) -> dict[int, SampleLabels]: ...

    def family_stats(self) -> list[dict[str, Any]]: ...

    def stats(self) -> dict[str, Any]: ...

    def counts(self) -> dict[str, int]: ...

    def delete_sample(self, sha256: str) -> None: ...

    def sample_info(self, sample_ids: list[int] | None = None) -> dict[int, dict[str, Any]]: ...

    def timestamps(self, sample_ids: list[int]) -> dict[int, int | None]: ...

    def sample_functions(self, sample_id: int) -> StoredFunctions: ...

    def sample_strings(self, sample_id: int) -> np.ndarray: ...

    def get_meta(self, key: str) -> str | None: ...

    def put_meta(self, key: str, value: str) -> None: ...

    def sample_paths(self) -> list[tuple[str, str]]: ...

    def version_mismatch(self) -> str | None: ...

    def mark_current(self) -> None: ...

    def close(self) -> None: ...
