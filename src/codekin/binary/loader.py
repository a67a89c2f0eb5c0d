"""Bytes -> :class:`Binary`. PE, ELF and Mach-O through LIEF; raw buffers (shellcode, dumps) as given.

Only reads bytes: nothing is executed, nothing unpacked to disk. Every failure is a typed
:class:`~codekin.errors.CodekinError`.
"""

from __future__ import annotations

import contextlib
import itertools
import struct
import warnings
from collections.abc import Iterator
from typing import Any

import lief

from codekin.binary.model import (
    Arch,
    Binary,
    Export,
    Import,
    Region,
    RichEntry,
    Section,
    Symbol,
    entropy,
    sha256_of,
)
from codekin.binary.unwind import parse_eh_frame, parse_pdata
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

lief.logging.disable()

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
    with warnings.catch_warnings():
        # LIEF's enums warn on out-of-range values in hostile headers; we read them as ints
        warnings.simplefilter("ignore", RuntimeWarning)
        if kind == "pe":
            return _load_pe(data, name)
        if kind == "elf":
            return _load_elf(data, name)
        return _load_macho(data, name)


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


def _parse(data: bytes, name: str | None) -> Any:
    try:
        obj = lief.parse(data)
    except Exception as exc:  # LIEF raises a variety of types on garbage
        raise MalformedError(f"unparseable headers: {exc}", path=name) from exc
    if obj is None:
        raise MalformedError("unparseable headers (LIEF rejected the file)", path=name)
    return obj


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


_SUBSYSTEMS = {1: "NATIVE", 2: "WINDOWS_GUI", 3: "WINDOWS_CUI", 7: "POSIX_CUI", 9: "WINDOWS_CE_GUI",
               10: "EFI_APPLICATION", 11: "EFI_BOOT_SERVICE_DRIVER", 12: "EFI_RUNTIME_DRIVER"}


def _symbol_kind(is_func: bool, is_var: bool) -> str:
    return "function" if is_func else ("object" if is_var else "other")


# ---------------------------------------------------------------- PE


def _load_pe(data: bytes, name: str | None) -> Binary:
    if len(data) < 64:
        raise TruncatedError("PE shorter than its DOS header", path=name)
    e_lfanew = struct.unpack_from("<I", data, 0x3C)[0]
    if e_lfanew + 24 > len(data):
        raise TruncatedError("PE header offset beyond end of file", path=name)
    if data[e_lfanew : e_lfanew + 4] != b"PE\0\0":
        raise NotExecutableError("MZ file without a PE header (DOS program?)", path=name)
    machine = struct.unpack_from("<H", data, e_lfanew + 4)[0]
    if machine == 0x8664:
        arch: Arch = "x64"
    elif machine == 0x14C:
        arch = "x86"
    else:
        raise UnsupportedError(f"PE machine {machine:#x} is not x86/x64", path=name)
    pe = _parse(data, name)
    if not isinstance(pe, lief.PE.Binary):
        raise MalformedError("PE headers rejected", path=name)
    base = int(pe.optional_header.imagebase)
    ep_rva = int(pe.optional_header.addressof_entrypoint)
    b = Binary(
        sha256=sha256_of(data), size=len(data), format="pe", arch=arch,
        bitness=64 if arch == "x64" else 32, image_base=base,
        entry_point=base + ep_rva if ep_rva else None, name=name,
    )
    X = lief.PE.Section.CHARACTERISTICS
    spans = []
    for s in pe.sections:
        ch = int(s.characteristics)
        x = bool(ch & int(X.MEM_EXECUTE.value)) or bool(ch & int(X.CNT_CODE.value))
        spans.append((
            str(s.name), base + int(s.virtual_address), int(s.virtual_size) or int(s.sizeof_raw_data),
            int(s.pointerto_raw_data), int(s.sizeof_raw_data),
            bool(ch & int(X.MEM_READ.value)), bool(ch & int(X.MEM_WRITE.value)), x,
        ))
    if not spans:
        raise MalformedError("PE without sections", path=name)
    _regions_from_sections(b, data, name, spans)
    md = b.metadata
    md.pe_timestamp = int(pe.header.time_date_stamps)
    with contextlib.suppress(Exception):
        md.subsystem = _SUBSYSTEMS.get(int(pe.optional_header.subsystem), "UNKNOWN")
    with contextlib.suppress(Exception):
        if pe.has_rich_header:
            md.rich = [RichEntry(int(e.id), int(e.build_id), int(e.count)) for e in pe.rich_header.entries]
    with contextlib.suppress(Exception):
        cv = pe.codeview_pdb
        if cv is not None:
            md.pdb_path = str(cv.filename)
    with contextlib.suppress(Exception):
        md.authenticode = bool(pe.has_signatures)
    with contextlib.suppress(Exception):
        if pe.has_imports:
            md.imphash = lief.PE.get_imphash(pe, lief.PE.IMPHASH_MODE.PEFILE)
    with contextlib.suppress(Exception):
        for lib in pe.imports:
            for e in lib.entries:
                is_ord = bool(e.is_ordinal)
                b.imports.append(Import(
                    str(lib.name), None if is_ord else str(e.name), int(e.ordinal) if is_ord else None,
                    base + int(e.iat_address),
                ))
    with contextlib.suppress(Exception):
        if pe.has_exports:
            for e in pe.get_export().entries:
                if e.is_extern:
                    continue  # forwarder
                b.exports.append(Export(str(e.name) or None, base + int(e.address), int(e.ordinal)))
    with contextlib.suppress(Exception):
        for s in pe.symbols:  # COFF symbol table (unstripped mingw builds)
            sec = int(s.section_idx)
            if sec <= 0 or sec > len(b.sections) or not b.sections[sec - 1].executable:
                continue
            nm = str(s.name)
            if nm.startswith(".") or s.is_file_record:
                continue
            if s.is_function or str(s.storage_class).split(".")[-1] in ("EXTERNAL", "STATIC"):
                b.symbols.append(Symbol(nm, b.sections[sec - 1].va + int(s.value), 0, "function"))
    # exception directory (x64): function extents
    with contextlib.suppress(Exception):
        dd = pe.data_directory(lief.PE.DataDirectory.TYPES.EXCEPTION_TABLE)
        if dd.rva and dd.size and arch == "x64":
            raw = b.read(base + int(dd.rva), min(int(dd.size), 12 * 2_000_000))
            b.unwind_ranges.extend(parse_pdata(raw, base, b.read))
    for s in b.sections:  # mingw i686 keeps DWARF unwind info in .eh_frame
        if s.name == ".eh_frame":
            raw = b.read(s.va, s.vsize)
            b.unwind_ranges.extend(parse_eh_frame(raw, s.va, b.bitness))
    with contextlib.suppress(Exception):
        tls = pe.tls
        if tls is not None:
            for cb in tls.callbacks:
                b.code_hints.append((int(cb), "tls_callback"))
    if b.entry_point is not None:
        b.code_hints.append((b.entry_point, "entry"))
    _flag_packed(b)
    return b


# ---------------------------------------------------------------- ELF


def _load_elf(data: bytes, name: str | None) -> Binary:
    if len(data) < 52:
        raise TruncatedError("ELF shorter than its header", path=name)
    ei_class = data[4]
    if ei_class not in (1, 2):
        raise MalformedError(f"ELF class {ei_class} is neither 32 nor 64 bit", path=name)
    if data[5] != 1:
        raise UnsupportedError("big-endian ELF is not x86", path=name)
    machine = struct.unpack_from("<H", data, 18)[0]
    if machine == 62:
        arch: Arch = "x64"
    elif machine in (3, 6):
        arch = "x86"
    else:
        raise UnsupportedError(f"ELF machine {machine} is not x86/x64", path=name)
    elf = _parse(data, name)
    if not isinstance(elf, lief.ELF.Binary):
        raise MalformedError("ELF headers rejected", path=name)
    bits = 64 if arch == "x64" else 32
    b = Binary(
        sha256=sha256_of(data), size=len(data), format="elf", arch=arch, bitness=bits,
        image_base=int(elf.imagebase), entry_point=int(elf.entrypoint) or None, name=name,
    )
    F = lief.ELF.Section.FLAGS
    spans = []
    for s in elf.sections:
        if not s.name and s.virtual_address == 0:
            continue
        flags = int(s.flags)
        if not flags & int(F.ALLOC.value):
            continue
        nobits = int(s.type) == 8  # SHT_NOBITS
        spans.append((
            str(s.name), int(s.virtual_address), int(s.size), int(s.offset), 0 if nobits else int(s.size),
            True, bool(flags & int(F.WRITE.value)), bool(flags & int(F.EXECINSTR.value)),
        ))
    if not spans:  # no section headers (sstrip'd or hostile): fall back to program headers
        for seg in elf.segments:
            if int(seg.type) == 1:  # PT_LOAD
                fl = int(seg.flags)
                spans.append((
                    f"segment@{int(seg.virtual_address):#x}", int(seg.virtual_address),
                    int(seg.virtual_size), int(seg.file_offset), int(seg.physical_size),
                    bool(fl & 4), bool(fl & 2), bool(fl & 1),
                ))
        if spans:
            b.flags.append("no_section_headers")
    if not spans:
        raise MalformedError("ELF without loadable sections or segments", path=name)
    _regions_from_sections(b, data, name, spans)
    md = b.metadata
    with contextlib.suppress(Exception):
        md.interpreter = str(elf.interpreter) if elf.has_interpreter else None
    with contextlib.suppress(Exception):
        md.needed = [str(x) for x in elf.libraries]
    with contextlib.suppress(Exception):
        for n in elf.notes:
            if int(n.original_type) == 3 and str(n.name) == "GNU":  # NT_GNU_BUILD_ID
                md.build_id = bytes(n.description).hex()
    seen_sym: set[tuple[str, int]] = set()
    with contextlib.suppress(Exception):
        for s in elf.symbols:
            val = int(s.value)
            nm = str(s.name)
            if not nm or val == 0 or int(s.shndx) == 0:
                continue
            key = (nm, val)
            if key in seen_sym:
                continue
            seen_sym.add(key)
            b.symbols.append(Symbol(nm, val, int(s.size), _symbol_kind(s.is_function, s.is_variable)))
    with contextlib.suppress(Exception):
        for s in elf.exported_symbols:
            if s.is_function and int(s.value):
                b.exports.append(Export(str(s.name), int(s.value)))
    with contextlib.suppress(Exception):
        for r in elf.pltgot_relocations:
            if r.has_symbol and r.symbol.name:
                b.imports.append(Import("", str(r.symbol.name), None, int(r.address)))
    with contextlib.suppress(Exception):
        for r in elf.dynamic_relocations:
            if r.has_symbol and r.symbol.name and r.symbol.is_function and int(r.symbol.value) == 0:
                b.imports.append(Import("", str(r.symbol.name), None, int(r.address)))
    with contextlib.suppress(Exception):
        for a in list(elf.ctor_functions) + list(elf.dtor_functions):
            b.code_hints.append((int(a.address), "init_array"))
    with contextlib.suppress(Exception):
        for e in elf.dynamic_entries:
            tag = int(e.tag)
            if tag in (12, 13):  # DT_INIT, DT_FINI
                b.code_hints.append((int(e.value), "init" if tag == 12 else "fini"))
    for s in b.sections:
        if s.name == ".eh_frame":
            raw = b.read(s.va, s.vsize)
            b.unwind_ranges.extend(parse_eh_frame(raw, s.va, bits))
        elif s.name.startswith(".plt"):
            b.stub_ranges.append((s.va, s.va + s.vsize))
    if b.entry_point is not None:
        b.code_hints.append((b.entry_point, "entry"))
    _flag_packed(b)
    return b


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
    try:
        fat = lief.MachO.parse(list(data) if False else data)
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
