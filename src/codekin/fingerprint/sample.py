"""Per-sample fingerprints: sha256, imphash, TLSH, the strings of the data sections, and a summary of
the file for the store."""

from __future__ import annotations

import re

import numpy as np

from codekin.binary.model import Binary
from codekin.disasm.model import Extraction
from codekin.evidence.profile import profile, profile_tokens, token_hashes
from codekin.fingerprint.hashing import hash_str
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
    hashes, _ = sample_strings(b)
    prof = profile(b, data)
    toks = np.unique(np.asarray(token_hashes(profile_tokens(prof)), dtype=np.uint64))
    return SampleRecord(
        sha256=b.sha256, name=b.name or "", format=b.format, arch=b.arch, size=b.size,
        n_functions=len(ex.functions), n_instructions=n_insns, imphash=b.metadata.imphash,
        tlsh=tlsh_of(data), pe_timestamp=b.metadata.pe_timestamp,
        info={"flags": list(b.flags), "image_base": b.image_base, "metadata": {
            k: v for k, v in b.info()["metadata"].items() if v not in (None, [], False)},
            "profile": prof},
        strings=hashes, tokens=toks,
    )


_ASCII = re.compile(rb"[\x20-\x7e]{6,256}")
_UTF16 = re.compile(rb"(?:[\x20-\x7e]\x00){6,256}")
MAX_STRINGS = 50_000
# ELF sections holding linker and loader data (symbol names, versions, relocations), not the program's
_LINKER_SECTIONS = (".dynstr", ".dynsym", ".gnu.version", ".gnu.hash", ".hash", ".interp", ".rela", ".rel.",
                    ".note", ".eh_frame", ".symtab", ".strtab", ".comment", ".gnu_debuglink", ".dynamic")


def sample_strings(b: Binary) -> tuple[np.ndarray, list[str]]:
    """Hashes (uint64, sorted, unique) of the printable strings (6+ characters, ASCII or UTF-16LE)
    in the image's non-code sections, and the strings themselves."""
    seen: set[str] = set()
    meta = {s.va for s in b.sections if s.name.startswith(_LINKER_SECTIONS)}
    for r in b.regions:
        if r.executable or not r.data or r.va in meta:
            continue
        for m in _ASCII.finditer(r.data):
            seen.add(m.group().decode("ascii"))
        if b.format == "pe":
            for m in _UTF16.finditer(r.data):
                seen.add(m.group().decode("utf-16-le"))
        if len(seen) > MAX_STRINGS:
            break
    # import and library names are the imports line's business, not the strings'
    seen -= {i.name for i in b.imports if i.name} | {i.library for i in b.imports} | set(b.metadata.needed)
    strings = sorted(seen)[:MAX_STRINGS]
    hashes = np.asarray([hash_str(s, 0x5757) for s in strings], dtype=np.uint64)
    order = np.argsort(hashes)
    return hashes[order], [strings[i] for i in order.tolist()]
