"""Per-sample fingerprints: sha256, imphash, TLSH, and a summary of the file for the store."""

from __future__ import annotations

from codekin.disasm.model import Extraction
from codekin.store.base import SampleRecord

try:
    import tlsh as _tlsh
except ImportError:  # pragma: no cover - py-tlsh is a dependency
    _tlsh = None


def tlsh_of(data: bytes) -> str | None:
    if _tlsh is None or len(data) < 50:
        return None
    h = _tlsh.hash(data)
    return h if h and h != "TNULL" else None


def sample_record(ex: Extraction, data: bytes, n_insns: int) -> SampleRecord:
    b = ex.binary
    return SampleRecord(
        sha256=b.sha256, name=b.name or "", format=b.format, arch=b.arch, size=b.size,
        n_functions=len(ex.functions), n_instructions=n_insns, imphash=b.metadata.imphash,
        tlsh=tlsh_of(data), pe_timestamp=b.metadata.pe_timestamp,
        info={"flags": list(b.flags), "image_base": b.image_base, "metadata": {
            k: v for k, v in b.info()["metadata"].items() if v not in (None, [], False)}},
    )
