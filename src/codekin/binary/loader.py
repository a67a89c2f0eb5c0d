"""Bytes -> :class:`Binary`. PE, ELF and Mach-O through LIEF; raw buffers (shellcode, dumps) as given.

Only reads bytes: nothing is executed, nothing unpacked to disk. Every failure is a typed
:class:`~codekin.errors.CodekinError`.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import struct
import warnings
from collections.abc import Iterator
from typing import Any

from codekin.binary.elf import load_elf
from codekin.binary.model import (
    Arch,
    Binary,
    Export,
    Region,
    Section,
    Symbol,
    entropy,
    sha256_of,
)
from codekin.binary.pe import load_pe
from codekin.errors import (
    EmptyFileError,
    MalformedError,
    NotExecutableError,
    TooLargeError,
    TruncatedError,
    UnsupportedError,
)

DEFAULT_MAX_SIZE = 256 * 1024 * 1024
_MAX_SECTIONS = 4096
_MAX_REGION = 512 * 1024 * 1024  # a section claiming more virtual space than this is absurd


ELF_MAGIC = b"\x7fELF"
MACHO_MAGICS = {
    b"\xfe\xed\xfa\xce",
    b"\xce\xfa\xed\xfe",
    b"\xfe\xed\xfa\xcf",
    b"\xcf\xfa\xed\xfe",
}
FAT_MAGICS = {b"\xca\xfe\xba\xbe", b"\xbe\xba\xfe\xca", b"\xca\xfe\xba\xbf"}


def sniff(data: bytes) -> str | None:
    """'pe', 'elf', 'macho', 'fat' or None, from the first bytes."""
    if data[:2] == b"MZ":
        return "pe"
    if data[:4] == ELF_MAGIC:
        return "elf"
    if data[:4] in MACHO_MAGICS:
        return "macho"
    if data[:4] in FAT_MAGICS:
        # 0xcafebabe is also a Java class file; a fat header has a small arch count
        if len(data) >= 8 and 0 < struct.unpack(">I", data[4:8])[0] < 32:
            return "fat"
    return None


def load_binaries(
    data: bytes,
    *,
    name: str | None = None,
    arch: Arch | None = None,
    base: int = 0,
    max_size: int = DEFAULT_MAX_SIZE,
) -> Iterator[Binary]:
    """Every x86/x64 image in ``data``: one for PE/ELF/thin Mach-O/raw, one per slice of a fat Mach-O."""
    if not data:
        raise EmptyFileError("empty file (0 bytes)", path=name)
    if len(data) > max_size:
        raise TooLargeError(f"{len(data)} bytes is over the size limit of {max_size}", path=name)
    if arch is not None:
        yield load_raw(data, arch=arch, base=base, name=name)
        return
    kind = sniff(data)
    if kind is None:
        raise NotExecutableError("not a PE, ELF or Mach-O file (give --arch to read raw code)", path=name)
    if kind == "fat":
        yield from _load_fat(data, name)
        return
    yield load_binary(data, name=name, max_size=max_size)


def load_binary(data: bytes, *, name: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> Binary:
    """One executable image (the first x86/x64 slice of a fat Mach-O)."""
    if not data:
        raise EmptyFileError("empty file (0 bytes)", path=name)
    if len(data) > max_size:
        raise TooLargeError(f"{len(data)} bytes is over the size limit of {max_size}", path=name)
    kind = sniff(data)
    if kind is None:
        raise NotExecutableError("not a PE, ELF or Mach-O file (give --arch to read raw code)", path=name)
    if kind == "fat":
        return next(iter(_load_fat(data, name)))
    # the cyclic collector paused while parsing: the tables become many small objects (symbols,
    # imports, tuples), none in a reference cycle (as in discovery's extract)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with warnings.catch_warnings():
            # LIEF's enums warn on out-of-range values in hostile headers; we read them as ints
            warnings.simplefilter("ignore", RuntimeWarning)
            if kind == "pe":
                return _load_pe(data, name)
            if kind == "elf":
                return _load_elf(data, name)
            return _load_macho(data, name)
    finally:
        if was_enabled:
            gc.enable()


def load_raw(data: bytes, *, arch: Arch, base: int = 0, name: str | None = None) -> Binary:
    """Raw code (shellcode, an unmapped memory dump) mapped at ``base``."""
    if not data:
        raise EmptyFileError("empty buffer", path=name)
    bits = 64 if arch == "x64" else 32
    sec = Section("raw", base, len(data), 0, len(data), True, True, True, entropy(data))
    b = Binary(
        sha256=sha256_of(data), size=len(data), format="raw", arch=arch, bitness=bits,
        image_base=base, entry_point=base, sections=[sec],
        regions=[Region(base, data, len(data), True)], name=name,
    )
    b.code_hints.append((base, "entry"))
    _flag_packed(b)
    return b


# ---------------------------------------------------------------- helpers


def _lief() -> Any:
    """LIEF, imported on first use: only Mach-O needs it, and its import costs about a second."""
    import lief

    lief.logging.disable()
    return lief


def _regions_from_sections(
    b: Binary, data: bytes, name: str | None, spans: list[tuple[str, int, int, int, int, bool, bool, bool]]
) -> None:
    """spans: (name, va, vsize, offset, raw_size, r, w, x). Clamps to the file, flags truncation."""
    if len(spans) > _MAX_SECTIONS:
        raise MalformedError(f"{len(spans)} sections: absurd count", path=name)
    truncated = False
    for sname, va, vsize, off, rsize, r, w, x in spans:
        if vsize > _MAX_REGION or rsize > _MAX_REGION:
            b.flags.append(f"absurd_section_size:{sname}")
            vsize = min(vsize, _MAX_REGION)
            rsize = min(rsize, _MAX_REGION)
        if off >= len(data):
            raw = b""
            truncated = truncated or rsize > 0
        else:
            raw = data[off : off + min(rsize, vsize) if vsize else off + rsize]
            if off + rsize > len(data):
                truncated = True
        sec = Section(sname, va, vsize, off, rsize, r, w, x, entropy(raw))
        b.sections.append(sec)
        if vsize or raw:
            b.regions.append(Region(va, bytes(raw), max(vsize, len(raw)), x))
    if truncated:
        b.flags.append("truncated")
    _check_overlaps(b)


def _check_overlaps(b: Binary) -> None:
    spans = sorted((r.va, r.va + r.vsize) for r in b.regions if r.vsize)
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        if s2 < e1:
            b.flags.append("overlapping_sections")
            break


def _flag_packed(b: Binary) -> None:
    code = b.code_regions()
    total = sum(len(r.data) for r in code)
    if b.sections and any(s.entropy > 7.2 and s.raw_size > 4096 for s in b.sections):
        b.flags.append("high_entropy")
    if total == 0:
        b.flags.append("no_code")


# ---------------------------------------------------------------- PE / ELF (own parsers)


class _Finish:
    """Shared steps the format parsers call back into."""

    regions = staticmethod(lambda b, data, name, spans: _regions_from_sections(b, data, name, spans))
    flag_packed = staticmethod(lambda b: _flag_packed(b))


def _load_pe(data: bytes, name: str | None) -> Binary:
    return load_pe(data, name, _Finish)


def _load_elf(data: bytes, name: str | None) -> Binary:
    return load_elf(data, name, _Finish)


# ---------------------------------------------------------------- Mach-O


def _load_fat(data: bytes, name: str | None) -> Iterator[Binary]:
    nfat = struct.unpack_from(">I", data, 4)[0]
    is64 = data[:4] == b"\xca\xfe\xba\xbf"
    entry = 32 if is64 else 20
    if 8 + nfat * entry > len(data):
        raise TruncatedError("fat Mach-O header runs past the end of the file", path=name)
    found = False
    for i in range(nfat):
        off = 8 + i * entry
        if is64:
            cputype, _, offset, size = struct.unpack_from(">iiQQ", data, off)
        else:
            cputype, _, offset, size = struct.unpack_from(">iiII", data, off)
        if cputype not in (7, 0x01000007):
            continue
        if offset + size > len(data) or size == 0:
            raise TruncatedError(f"fat slice {i} runs past the end of the file", path=name)
        found = True
        label = f"{name or ''}#{'x86_64' if cputype == 0x01000007 else 'i386'}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            yield _load_macho(data[offset : offset + size], label)
    if not found:
        raise UnsupportedError("fat Mach-O without an x86 or x86_64 slice", path=name)


def _load_macho(data: bytes, name: str | None) -> Binary:
    if len(data) < 28:
        raise TruncatedError("Mach-O shorter than its header", path=name)
    little = data[:4] in (b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe")
    cputype = struct.unpack_from("<i" if little else ">i", data, 4)[0]
    if cputype == 0x01000007:
        arch: Arch = "x64"
    elif cputype == 7:
        arch = "x86"
    else:
        raise UnsupportedError(f"Mach-O CPU type {cputype:#x} is not x86/x64", path=name)
    lief = _lief()
    try:
        fat = lief.MachO.parse(data)
    except Exception as exc:
        raise MalformedError(f"unparseable Mach-O: {exc}", path=name) from exc
    if fat is None or len(fat) == 0:
        raise MalformedError("Mach-O headers rejected", path=name)
    m = fat.at(0)
    bits = 64 if arch == "x64" else 32
    b = Binary(
        sha256=sha256_of(data), size=len(data), format="macho", arch=arch, bitness=bits,
        image_base=int(m.imagebase), entry_point=None, name=name,
    )
    spans = []
    for s in m.sections:
        seg = str(s.segment_name) if s.segment_name else ""
        flags = int(s.flags)
        x = bool(flags & 0x80000000) or bool(flags & 0x400)  # S_ATTR_PURE_INSTRUCTIONS / SOME_INSTRUCTIONS
        zerofill = (flags & 0xFF) in (0x1, 0xC, 0x12)
        spans.append((
            f"{seg},{s.name}", int(s.virtual_address), int(s.size), int(s.offset),
            0 if zerofill else int(s.size), True, seg != "__TEXT", x,
        ))
    if not spans:
        raise MalformedError("Mach-O without sections", path=name)
    _regions_from_sections(b, data, name, spans)
    with contextlib.suppress(Exception):
        if m.has_uuid:
            b.metadata.macho_uuid = bytes(m.uuid.uuid).hex()
    with contextlib.suppress(Exception):
        b.metadata.needed = [str(lib.name) for lib in m.libraries]
    with contextlib.suppress(Exception):
        if m.has_entrypoint:
            b.entry_point = int(m.entrypoint)
    with contextlib.suppress(Exception):
        if m.has_function_starts:
            for fs in m.function_starts.functions:
                b.code_hints.append((b.image_base + int(fs), "function_starts"))
    with contextlib.suppress(Exception):
        for s in m.symbols:
            val = int(s.value)
            if s.name and val and int(s.type) & 0x0E == 0x0E:  # N_SECT
                b.symbols.append(Symbol(str(s.name), val, 0, "function" if b.is_code(val) else "object"))
    with contextlib.suppress(Exception):
        for s in m.exported_symbols:
            if int(s.value):
                b.exports.append(Export(str(s.name), int(s.value)))
    if b.entry_point is not None:
        b.code_hints.append((b.entry_point, "entry"))
    _flag_packed(b)
    return b
