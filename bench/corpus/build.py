#!/usr/bin/env python3
"""Build the codekin ground-truth corpus.

Downloads the Debian (bookworm) source packages of six C libraries, compiles
each of them into one shared library per (compiler, arch, optimisation level),
keeps an unstripped and a stripped copy, and writes the function symbols of the
unstripped binary as ground truth.  See bench/corpus/README.md.

Standard library only.  Run bench/corpus/setup.sh first (as root) so that the
toolchains and a deb-src entry are available.
"""

from __future__ import annotations

import argparse
import bisect
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
OPTS: tuple[str, ...] = ("O0", "O1", "O2", "O3", "Os")
ARCH_BITS: dict[str, int] = {"x64": 64, "x86": 32}
TRIPLETS: dict[tuple[str, str], str] = {
    ("elf", "x64"): "x86_64-linux-gnu",
    ("elf", "x86"): "i386-linux-gnu",
    ("pe", "x64"): "x86_64-w64-mingw32",
    ("pe", "x86"): "i686-w64-mingw32",
}
GENERATED_DIR = "<work>/generated"  # placeholder recorded in cflags


# --------------------------------------------------------------------------
# Projects and toolchains
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Project:
    """A C library compiled from its Debian source package."""

    name: str
    package: str  # Debian source package name
    libname: str  # output base name, without extension
    sources: tuple[str, ...]  # glob patterns, relative to the source root
    exclude: tuple[str, ...] = ()  # paths (relative to the source root) to skip
    includes: tuple[str, ...] = ()  # -I directories, relative to the source root
    defines: tuple[str, ...] = ()  # extra flags for every build
    defines_elf: tuple[str, ...] = ()  # extra flags for ELF builds
    defines_pe: tuple[str, ...] = ()  # extra flags for PE builds
    libs_elf: tuple[str, ...] = ()  # extra link flags for ELF builds
    libs_pe: tuple[str, ...] = ()  # extra link flags for PE builds
    weight: int = 1  # rough relative compile cost, for scheduling
    # headers that the Debian build generates: (file name, text); "{triplet}"
    # is replaced by the target triplet (x86_64-linux-gnu, i686-w64-mingw32, ...)
    generated_headers: tuple[tuple[str, str], ...] = ()


PROJECTS: tuple[Project, ...] = (
    Project(
        name="zlib",
        package="zlib",
        libname="libz",
        sources=("*.c",),
        includes=(".",),
        defines_elf=("-D_LARGEFILE64_SOURCE=1", "-DHAVE_UNISTD_H", "-DHAVE_STDARG_H"),
        weight=1,
    ),
    Project(
        name="lz4",
        package="lz4",
        libname="liblz4",
        sources=("lib/*.c",),
        includes=("lib",),
        weight=2,
    ),
    Project(
        name="zstd",
        package="libzstd",
        libname="libzstd",
        sources=(
            "lib/common/*.c",
            "lib/compress/*.c",
            "lib/decompress/*.c",
            "lib/dictBuilder/*.c",
        ),
        includes=("lib", "lib/common"),
        defines=("-DZSTD_DISABLE_ASM", "-DZSTD_LEGACY_SUPPORT=0"),
        weight=6,
    ),
    Project(
        name="lua5.4",
        package="lua5.4",
        libname="liblua5.4",
        sources=("src/*.c",),
        exclude=("src/lua.c", "src/luac.c"),
        includes=("src",),
        defines=("-DLUA_COMPAT_5_3",),
        defines_elf=("-DLUA_USE_LINUX",),
        defines_pe=("-DLUA_BUILD_AS_DLL",),
        generated_headers=(("lua5.4-deb-multiarch.h", '#define DEB_HOST_MULTIARCH "{triplet}"\n'),),
        libs_elf=("-lm", "-ldl"),
        weight=3,
    ),
    Project(
        name="mbedtls",
        package="mbedtls",
        libname="libmbedtls",
        sources=("library/*.c",),
        includes=("include", "library"),
        libs_pe=("-lws2_32", "-ladvapi32", "-lbcrypt"),
        weight=5,
    ),
    Project(
        name="bzip2",
        package="bzip2",
        libname="libbz2",
        sources=(
            "blocksort.c",
            "huffman.c",
            "crctable.c",
            "randtable.c",
            "compress.c",
            "decompress.c",
            "bzlib.c",
        ),
        includes=(".",),
        defines=("-D_FILE_OFFSET_BITS=64",),
        weight=1,
    ),
)


@dataclass(frozen=True)
class Toolchain:
    """A compiler driver and how to use it."""

    name: str  # directory name in the layout, also the --compilers value
    cc: str  # driver executable
    fmt: str  # "elf" or "pe"
    strip: str  # strip executable for this target
    arch_flags: dict[str, tuple[str, ...]] = field(default_factory=dict)
    extra_cflags: tuple[str, ...] = ()
    # objcopy used to drop assembler-local ".L*" labels from each object
    # (only needed together with "-Wa,-L", see below)
    objcopy: str | None = None

    @property
    def archs(self) -> tuple[str, ...]:
        return tuple(self.arch_flags)


ELF_ARCH_FLAGS: dict[str, tuple[str, ...]] = {"x64": ("-m64",), "x86": ("-m32",)}

TOOLCHAINS: tuple[Toolchain, ...] = (
    Toolchain("gcc-12", "gcc-12", "elf", "strip", ELF_ARCH_FLAGS),
    Toolchain("clang-14", "clang-14", "elf", "strip", ELF_ARCH_FLAGS),
    Toolchain("clang-19", "clang-19", "elf", "strip", ELF_ARCH_FLAGS),
    Toolchain(
        "x86_64-w64-mingw32-gcc",
        "x86_64-w64-mingw32-gcc",
        "pe",
        "x86_64-w64-mingw32-strip",
        {"x64": ()},
        # GNU as for pe-x86-64 treats every local symbol whose name starts
        # with "L" as an assembler-local label and drops it, so static
        # functions such as lz4's LZ4_read16 would vanish from the symbol
        # table.  -Wa,-L keeps them; objcopy then removes the real ".L*"
        # labels again.
        extra_cflags=("-Wa,-L",),
        objcopy="x86_64-w64-mingw32-objcopy",
    ),
    Toolchain(
        "i686-w64-mingw32-gcc",
        "i686-w64-mingw32-gcc",
        "pe",
        "i686-w64-mingw32-strip",
        {"x86": ()},
    ),
)

COMPILER_ALIASES: dict[str, tuple[str, ...]] = {
    "gcc": ("gcc-12",),
    "clang": ("clang-14", "clang-19"),
    "mingw": ("x86_64-w64-mingw32-gcc", "i686-w64-mingw32-gcc"),
    "elf": ("gcc-12", "clang-14", "clang-19"),
    "pe": ("x86_64-w64-mingw32-gcc", "i686-w64-mingw32-gcc"),
}


@dataclass(frozen=True)
class Build:
    """One cell of the build matrix."""

    project: Project
    toolchain: Toolchain
    arch: str
    opt: str

    @property
    def id(self) -> str:
        return f"{self.project.name}/{self.toolchain.name}/{self.arch}/{self.opt}"

    @property
    def fmt(self) -> str:
        return self.toolchain.fmt

    @property
    def filename(self) -> str:
        ext = "so" if self.fmt == "elf" else "dll"
        return f"{self.project.libname}.{ext}"

    def rel_bin(self, kind: str) -> str:
        return f"bin/{self.id}/{kind}/{self.filename}"

    @property
    def rel_truth(self) -> str:
        return f"truth/{self.id}/{self.filename}.json"

    @property
    def rel_failure(self) -> str:
        return f"failed/{self.id}.json"

    @property
    def cost(self) -> float:
        opt_factor = {"O0": 0.5, "O1": 0.8, "O2": 1.0, "O3": 1.3, "Os": 0.9}[self.opt]
        return self.project.weight * opt_factor


def full_matrix() -> list[Build]:
    builds: list[Build] = []
    for project in PROJECTS:
        for toolchain in TOOLCHAINS:
            for arch in toolchain.archs:
                for opt in OPTS:
                    builds.append(Build(project, toolchain, arch, opt))
    return builds


# --------------------------------------------------------------------------
# Small utilities
# --------------------------------------------------------------------------

_print_lock = threading.Lock()


def log(msg: str) -> None:
    with _print_lock:
        print(msg, flush=True)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_json(path: Path, obj: Any) -> None:
    """Write JSON atomically (temp file + rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(obj, handle, indent=1, sort_keys=False)
        handle.write("\n")
    os.replace(tmp, path)


class StepError(Exception):
    """A build step failed; carries the stage name and the error text."""

    def __init__(self, stage: str, message: str, command: Sequence[str] | None = None) -> None:
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message
        self.command = list(command) if command is not None else None


def run(cmd: Sequence[str], stage: str, cwd: Path | None = None) -> str:
    """Run a command; raise StepError with its output if it fails."""
    try:
        proc = subprocess.run(
            list(cmd),
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            check=False,
        )
    except OSError as exc:
        raise StepError(stage, f"cannot run {cmd[0]}: {exc}", cmd) from exc
    if proc.returncode != 0:
        tail = proc.stdout[-6000:]
        raise StepError(stage, f"exit status {proc.returncode}\n{tail}", cmd)
    return proc.stdout


# --------------------------------------------------------------------------
# ELF parsing (symbol tables only)
# --------------------------------------------------------------------------

SHT_SYMTAB = 2
STT_FUNC = 2
STT_FILE = 4
SHN_UNDEF = 0
SHN_LORESERVE = 0xFF00
SHF_EXECINSTR = 0x4
ELF_BINDINGS = {0: "local", 1: "global", 2: "weak", 10: "unique"}


@dataclass
class ElfSection:
    name: str
    type: int
    flags: int
    addr: int
    offset: int
    size: int
    link: int
    entsize: int


@dataclass
class ElfSymbol:
    name: str
    value: int
    size: int
    type: int
    binding: str
    visibility: int
    shndx: int
    file: str | None = None  # preceding STT_FILE, for local symbols only


@dataclass
class ElfFile:
    bits: int
    machine: int
    etype: int
    sections: list[ElfSection]
    symbols: list[ElfSymbol]  # from .symtab only (empty when stripped)

    @property
    def has_symtab(self) -> bool:
        return any(s.type == SHT_SYMTAB for s in self.sections)


def _cstr(data: bytes, offset: int) -> str:
    end = data.find(b"\0", offset)
    if end < 0:
        end = len(data)
    return data[offset:end].decode("utf-8", errors="replace")


def parse_elf(data: bytes) -> ElfFile:
    if data[:4] != b"\x7fELF":
        raise ValueError("not an ELF file")
    ei_class, ei_data = data[4], data[5]
    end = "<" if ei_data == 1 else ">"
    if ei_class == 2:
        hdr = struct.unpack_from(end + "HHIQQQIHHHHHH", data, 16)
        sh_fmt, sym_fmt, bits = end + "IIQQQQIIQQ", end + "IBBHQQ", 64
    elif ei_class == 1:
        hdr = struct.unpack_from(end + "HHIIIIIHHHHHH", data, 16)
        sh_fmt, sym_fmt, bits = end + "IIIIIIIIII", end + "IIIBBH", 32
    else:
        raise ValueError(f"bad ELF class {ei_class}")
    etype, machine = hdr[0], hdr[1]
    shoff, shentsize, shnum, shstrndx = hdr[5], hdr[10], hdr[11], hdr[12]
    if shoff and shnum == 0:  # extended numbering
        shnum = struct.unpack_from(sh_fmt, data, shoff)[5]
    raw: list[tuple[int, ...]] = [struct.unpack_from(sh_fmt, data, shoff + i * shentsize) for i in range(shnum)]
    sections: list[ElfSection] = []
    shstr = raw[shstrndx] if raw and shstrndx < len(raw) else None
    for r in raw:
        name = _cstr(data, shstr[4] + r[0]) if shstr is not None else ""
        # r: name, type, flags, addr, offset, size, link, info, addralign, entsize
        sections.append(ElfSection(name, r[1], r[2], r[3], r[4], r[5], r[6], r[9]))
    symbols: list[ElfSymbol] = []
    for sec in sections:
        if sec.type != SHT_SYMTAB or sec.entsize == 0:
            continue
        strtab = sections[sec.link]
        current_file: str | None = None
        for i in range(sec.size // sec.entsize):
            fields = struct.unpack_from(sym_fmt, data, sec.offset + i * sec.entsize)
            if bits == 64:
                st_name, st_info, st_other, st_shndx, st_value, st_size = fields
            else:
                st_name, st_value, st_size, st_info, st_other, st_shndx = fields
            sym_name = _cstr(data, strtab.offset + st_name)
            is_local = st_info >> 4 == 0
            if st_info & 0xF == STT_FILE:
                current_file = sym_name or None
            symbols.append(
                ElfSymbol(
                    name=sym_name,
                    value=st_value,
                    size=st_size,
                    type=st_info & 0xF,
                    binding=ELF_BINDINGS.get(st_info >> 4, str(st_info >> 4)),
                    visibility=st_other & 3,
                    shndx=st_shndx,
                    file=current_file if is_local else None,
                )
            )
    return ElfFile(bits, machine, etype, sections, symbols)


# --------------------------------------------------------------------------
# PE / COFF parsing (section table and COFF symbol table)
# --------------------------------------------------------------------------

COFF_MACHINES = {0x14C: 32, 0x8664: 64}
IMAGE_SCN_CNT_CODE = 0x20
IMAGE_SCN_MEM_EXECUTE = 0x20000000
COFF_STORAGE = {2: "global", 3: "local", 105: "weak"}
COFF_CLASS_EXTERNAL = 2
COFF_CLASS_STATIC = 3
COFF_CLASS_WEAK_EXTERNAL = 105
COFF_CLASS_FILE = 103


@dataclass
class CoffSection:
    name: str
    vaddr: int  # RVA for images, 0 for objects
    vsize: int
    characteristics: int
    raw_offset: int  # PointerToRawData
    raw_size: int  # SizeOfRawData

    @property
    def is_code(self) -> bool:
        return bool(self.characteristics & (IMAGE_SCN_CNT_CODE | IMAGE_SCN_MEM_EXECUTE))


@dataclass
class CoffSymbol:
    name: str
    value: int
    secnum: int  # 1-based; <= 0 means undefined/absolute/debug
    type: int
    storage: int
    naux: int
    file: str | None = None  # from the preceding .file symbol

    @property
    def is_function_typed(self) -> bool:
        return (self.type & 0x30) == 0x20


@dataclass
class CoffFile:
    bits: int
    machine: int
    image_base: int  # 0 for objects
    sections: list[CoffSection]
    symbols: list[CoffSymbol]
    symbol_table_present: bool
    data: bytes

    def code_bytes(self, secnum: int, value: int, length: int) -> bytes:
        sec = self.sections[secnum - 1]
        if value >= sec.raw_size:
            return b""
        start = sec.raw_offset + value
        return self.data[start : start + min(length, sec.raw_size - value)]


def parse_coff(data: bytes) -> CoffFile:
    """Parse a PE image (MZ...) or a plain COFF object file."""
    if data[:2] == b"MZ":
        pe_off = struct.unpack_from("<I", data, 0x3C)[0]
        if data[pe_off : pe_off + 4] != b"PE\0\0":
            raise ValueError("bad PE signature")
        coff_off = pe_off + 4
    else:
        coff_off = 0
    machine, nsec, _ts, symptr, nsyms, opt_size, _chars = struct.unpack_from("<HHIIIHH", data, coff_off)
    if machine not in COFF_MACHINES:
        raise ValueError(f"unsupported COFF machine 0x{machine:x}")
    opt_off = coff_off + 20
    image_base = 0
    if opt_size:
        magic = struct.unpack_from("<H", data, opt_off)[0]
        if magic == 0x20B:
            image_base = struct.unpack_from("<Q", data, opt_off + 24)[0]
        elif magic == 0x10B:
            image_base = struct.unpack_from("<I", data, opt_off + 28)[0]
        else:
            raise ValueError(f"bad optional header magic 0x{magic:x}")
    strtab_off = symptr + 18 * nsyms if symptr else 0

    def long_name(offset: int) -> str:
        if not strtab_off:
            return f"/{offset}"
        return _cstr(data, strtab_off + offset)

    sections: list[CoffSection] = []
    sec_off = opt_off + opt_size
    for i in range(nsec):
        raw_name, vsize, vaddr, raw_size, raw_offset = struct.unpack_from("<8sIIII", data, sec_off + 40 * i)
        chars = struct.unpack_from("<I", data, sec_off + 40 * i + 36)[0]
        name = raw_name.rstrip(b"\0").decode("utf-8", errors="replace")
        if name.startswith("/") and name[1:].isdigit():
            name = long_name(int(name[1:]))
        sections.append(CoffSection(name, vaddr, vsize, chars, raw_offset, raw_size))
    symbols: list[CoffSymbol] = []
    current_file: str | None = None
    i = 0
    while symptr and i < nsyms:
        off = symptr + 18 * i
        raw_name = data[off : off + 8]
        value, secnum, stype, storage, naux = struct.unpack_from("<IhHBB", data, off + 8)
        if raw_name[:4] == b"\0\0\0\0":
            name = long_name(struct.unpack_from("<I", raw_name, 4)[0])
        else:
            name = raw_name.rstrip(b"\0").decode("utf-8", errors="replace")
        if storage == COFF_CLASS_FILE:  # file name is in the aux records
            aux = data[off + 18 : off + 18 + 18 * naux]
            if len(aux) >= 8 and aux[:4] == b"\0\0\0\0":  # string-table reference
                current_file = long_name(struct.unpack_from("<I", aux, 4)[0]) or None
            else:
                current_file = aux.split(b"\0", 1)[0].decode("utf-8", errors="replace") or None
        symbols.append(CoffSymbol(name, value, secnum, stype, storage, naux, current_file))
        i += 1 + naux
    return CoffFile(COFF_MACHINES[machine], machine, image_base, sections, symbols, bool(symptr and nsyms), data)


# --------------------------------------------------------------------------
# Ground truth
# --------------------------------------------------------------------------

_CLONE_RE = re.compile(r"\.(part|isra|constprop|lto_priv|specialized|llvm)\.\d+")
_PE_DATA_IN_TEXT_RE = re.compile(r"^_*[CD]TOR_LIST__$")
_STDCALL_RE = re.compile(r"^([^@]+)@\d+(?=\.|$)")
_THUNK_RE = re.compile(r"^(__x86\.get_pc_thunk\.|__llvm_retpoline_|__x86_indirect_thunk)")


def c_name(raw: str, fmt: str, bits: int) -> str:
    """Source-level name: drop the i386 COFF leading underscore and @N suffix."""
    if fmt == "pe" and bits == 32:
        if raw.startswith("_"):
            raw = raw[1:]
        # stdcall "f@12", also inside gcc clone names: "f@12.part.0"
        raw = _STDCALL_RE.sub(r"\1", raw, count=1)
    return raw


def name_kind(name: str) -> str:
    if _THUNK_RE.search(name):
        return "thunk"
    if ".cold" in name:
        return "cold"
    if _CLONE_RE.search(name):
        return "clone"
    return "function"


def _name_rank(name: str, binding: str) -> tuple[int, int, int, str]:
    """Sort key choosing the primary name among aliases at one address."""
    return (
        {"global": 0, "weak": 1, "unique": 1}.get(binding, 2),
        1 if "." in name else 0,
        len(name),
        name,
    )


def object_function_names(obj: Path, fmt: str) -> set[str]:
    """Names of the functions an object file defines."""
    data = obj.read_bytes()
    names: set[str] = set()
    if fmt == "elf":
        for sym in parse_elf(data).symbols:
            if sym.type == STT_FUNC and SHN_UNDEF < sym.shndx < SHN_LORESERVE:
                names.add(sym.name)
    else:
        coff = parse_coff(data)
        for csym in coff.symbols:
            if 1 <= csym.secnum <= len(coff.sections) and csym.is_function_typed:
                names.add(csym.name)
    return names


def elf_functions(binary: ElfFile) -> list[dict[str, Any]]:
    by_addr: dict[int, list[ElfSymbol]] = {}
    for sym in binary.symbols:
        if sym.type != STT_FUNC or sym.value == 0:
            continue
        if not (SHN_UNDEF < sym.shndx < SHN_LORESERVE):
            continue
        by_addr.setdefault(sym.value, []).append(sym)
    out: list[dict[str, Any]] = []
    for addr in sorted(by_addr):
        syms = sorted(by_addr[addr], key=lambda s: _name_rank(s.name, s.binding))
        names: list[str] = []
        for s in syms:
            if s.name not in names:
                names.append(s.name)
        primary = syms[0]
        out.append(
            {
                "address": addr,
                "name": primary.name,
                "names": names,
                "size": max(s.size for s in syms),
                "section": binary.sections[primary.shndx].name,
                "binding": primary.binding,
                "symtab_file": next((s.file for s in syms if s.file), None),
            }
        )
    return out


def pe_functions(image: CoffFile) -> list[dict[str, Any]]:
    """Function symbols of a PE image; VA = image base + section RVA + value.

    A symbol counts as a function when it is defined in a code section and is
    either COFF-typed as a function (type 0x20) or external/weak external
    (assembly routines from the runtime carry no type), except the
    constructor/destructor pointer lists that mingw places in .text.  Size is
    not recorded in COFF; it is estimated as the gap to the next symbol of any
    kind in the same section (or to the section end).  Import-library jump
    stubs (``jmp [__imp_X]``) are kept but get kind "import_thunk".
    """
    boundaries: dict[int, set[int]] = {}
    candidates: dict[int, list[CoffSymbol]] = {}
    for sym in image.symbols:
        if not (1 <= sym.secnum <= len(image.sections)):
            continue
        sec = image.sections[sym.secnum - 1]
        if not sec.is_code:
            continue
        if sym.name.startswith(".L"):  # assembler-local label, not a boundary
            continue
        boundaries.setdefault(sym.secnum, set()).add(sym.value)
        is_section_symbol = sym.storage == COFF_CLASS_STATIC and sym.name == sec.name
        if is_section_symbol or sym.name.startswith(".") or sym.value >= max(sec.vsize, 1):
            continue
        if _PE_DATA_IN_TEXT_RE.search(sym.name):
            continue
        if sym.is_function_typed or sym.storage in (
            COFF_CLASS_EXTERNAL,
            COFF_CLASS_WEAK_EXTERNAL,
        ):
            candidates.setdefault(sym.secnum, []).append(sym)
    by_addr: dict[int, list[tuple[CoffSymbol, int, int]]] = {}
    for secnum, syms in candidates.items():
        sec = image.sections[secnum - 1]
        starts = sorted(boundaries[secnum] | {sec.vsize})
        for sym in syms:
            idx = bisect.bisect_right(starts, sym.value)
            nxt = starts[idx] if idx < len(starts) else sec.vsize
            va = image.image_base + sec.vaddr + sym.value
            by_addr.setdefault(va, []).append((sym, secnum, nxt - sym.value))
    out: list[dict[str, Any]] = []
    for va in sorted(by_addr):
        entries = sorted(
            by_addr[va],
            key=lambda e: (
                0 if e[0].is_function_typed else 1,
                *_name_rank(e[0].name, COFF_STORAGE.get(e[0].storage, "other")),
            ),
        )
        primary, secnum, size = entries[0]
        names: list[str] = []
        for e in entries:
            if e[0].name not in names:
                names.append(e[0].name)
        head = image.code_bytes(secnum, primary.value, 2)
        out.append(
            {
                "address": va,
                "name": primary.name,
                "names": names,
                "size": size,
                "section": image.sections[secnum - 1].name,
                "binding": COFF_STORAGE.get(primary.storage, f"class{primary.storage}"),
                "symtab_file": next((e[0].file for e in entries if e[0].file), None),
                "coff_function_type": any(e[0].is_function_typed for e in entries),
                **({"kind": "import_thunk"} if head == b"\xff\x25" and size <= 8 else {}),
            }
        )
    return out


def annotate(
    funcs: list[dict[str, Any]],
    fmt: str,
    bits: int,
    obj_names: dict[str, list[str]],
) -> None:
    for fn in funcs:
        fn["c_name"] = c_name(fn["name"], fmt, bits)
        if "kind" not in fn:
            fn["kind"] = name_kind(fn["c_name"])
        objects: list[str] = []
        for n in fn["names"]:
            for o in obj_names.get(n, ()):
                if o not in objects:
                    objects.append(o)
        hint = fn.get("symtab_file")
        if len(objects) > 1 and hint:
            # same-named static functions in several files: keep the file the
            # symbol table places this one in
            # (PE: ld truncates the .file name to 14 characters)
            base = hint.replace("\\", "/").rsplit("/", 1)[-1]
            narrowed = [
                o
                for o in objects
                if o.rsplit("/", 1)[-1] == base or (len(base) >= 14 and o.rsplit("/", 1)[-1].startswith(base))
            ]
            if narrowed:
                objects = narrowed
        fn["objects"] = objects
        fn["origin"] = "project" if objects else "toolchain"


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------


def dsc_version(dsc: Path) -> str:
    for line in dsc.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("Version:"):
            return line.split(":", 1)[1].strip()
    raise ValueError(f"no Version in {dsc}")


def fetch_source(project: Project, cache: Path, refetch: bool) -> dict[str, str]:
    """Download and unpack the Debian source package; return its metadata."""
    src_dir = cache / "src" / project.name
    marker = src_dir / ".codekin-source.json"
    if marker.is_file() and not refetch:
        meta: dict[str, str] = json.loads(marker.read_text(encoding="utf-8"))
        return meta
    dl_dir = cache / "downloads" / project.name
    if dl_dir.exists():
        shutil.rmtree(dl_dir)
    dl_dir.mkdir(parents=True)
    log(f"[source] {project.name}: apt-get source --download-only {project.package}")
    try:
        run(["apt-get", "source", "--download-only", project.package], "download", dl_dir)
    except StepError as exc:
        raise SystemExit(
            f"error: cannot download source package {project.package!r}:\n{exc.message}\n"
            "hint: run bench/corpus/setup.sh (adds a deb-src entry and runs apt-get update)"
        ) from exc
    dscs = sorted(dl_dir.glob(f"{project.package}_*.dsc"))
    if len(dscs) != 1:
        raise SystemExit(f"error: expected one .dsc in {dl_dir}, found {dscs}")
    dsc = dscs[0]
    version = dsc_version(dsc)
    tmp_dir = cache / "src" / f".{project.name}.tmp"
    if tmp_dir.exists():
        shutil.rmtree(tmp_dir)
    tmp_dir.parent.mkdir(parents=True, exist_ok=True)
    run(["dpkg-source", "-x", str(dsc), str(tmp_dir)], "unpack")
    meta = {
        "project": project.name,
        "package": project.package,
        "version": version,
        "dsc": dsc.name,
        "dsc_sha256": sha256_file(dsc),
    }
    (tmp_dir / ".codekin-source.json").write_text(json.dumps(meta, indent=1) + "\n")
    if src_dir.exists():
        shutil.rmtree(src_dir)
    os.replace(tmp_dir, src_dir)
    log(f"[source] {project.name}: {project.package} {version} -> {src_dir}")
    return meta


def source_files(project: Project, src_dir: Path) -> list[str]:
    files: set[str] = set()
    for pattern in project.sources:
        for path in src_dir.glob(pattern):
            rel = path.relative_to(src_dir).as_posix()
            if path.is_file() and rel not in project.exclude:
                files.add(rel)
    if not files:
        raise SystemExit(f"error: no sources for {project.name} in {src_dir}")
    return sorted(files)


# --------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------


@dataclass
class Context:
    cache: Path
    sources: dict[str, dict[str, str]]  # project name -> source metadata
    compiler_versions: dict[str, str]  # toolchain name -> first --version line
    keep_work: bool


def compile_flags(build: Build) -> list[str]:
    p = build.project
    flags = [*build.toolchain.arch_flags[build.arch], f"-{build.opt}", "-g0", "-pipe", "-w"]
    flags += list(build.toolchain.extra_cflags)
    if build.fmt == "elf":
        flags.append("-fPIC")
    flags += [f"-I{inc}" for inc in p.includes]
    if p.generated_headers:
        flags.append(f"-I{GENERATED_DIR}")
    flags += list(p.defines)
    flags += list(p.defines_elf if build.fmt == "elf" else p.defines_pe)
    return flags


def link_flags(build: Build) -> list[str]:
    p = build.project
    flags = [*build.toolchain.arch_flags[build.arch], f"-{build.opt}", "-shared"]
    if build.fmt == "elf":
        flags.append("-fPIC")
        tail = list(p.libs_elf)
    else:
        flags.append("-static-libgcc")
        tail = list(p.libs_pe)
    return [*flags, "{objects}", "-o", "{output}", *tail]


def is_done(build: Build, cache: Path) -> bool:
    return all(
        (cache / rel).is_file() for rel in (build.rel_bin("unstripped"), build.rel_bin("stripped"), build.rel_truth)
    )


def do_build(build: Build, ctx: Context) -> dict[str, Any]:
    """Compile, link, strip and extract ground truth for one build."""
    started = time.monotonic()
    cache = ctx.cache
    src_dir = cache / "src" / build.project.name
    work = cache / "work" / build.id.replace("/", "__")
    if work.exists():
        shutil.rmtree(work)
    obj_dir = work / "obj"
    obj_dir.mkdir(parents=True)
    cc = build.toolchain.cc
    cflags = compile_flags(build)
    gen_dir = work / "generated"
    gen_dir.mkdir()
    for hname, text in build.project.generated_headers:
        (gen_dir / hname).write_text(text.replace("{triplet}", TRIPLETS[(build.fmt, build.arch)]))
    real_cflags = [f"-I{gen_dir}" if f == f"-I{GENERATED_DIR}" else f for f in cflags]

    # 1. compile each translation unit (cwd = source root, relative paths, so
    #    that __FILE__ strings do not depend on the cache location).
    objects: dict[str, Path] = {}
    for rel in source_files(build.project, src_dir):
        obj = obj_dir / (rel.replace("/", "__")[:-2] + ".o")
        run([cc, *real_cflags, "-c", rel, "-o", str(obj)], f"compile {rel}", src_dir)
        if build.toolchain.objcopy:
            run(
                [build.toolchain.objcopy, "--wildcard", "--strip-symbol=.L*", str(obj)],
                f"objcopy {rel}",
            )
        objects[rel] = obj

    # 2. link one shared library
    unstripped = work / "unstripped" / build.filename
    stripped = work / "stripped" / build.filename
    unstripped.parent.mkdir()
    stripped.parent.mkdir()
    lflags = link_flags(build)
    cmd: list[str] = [cc]
    for flag in lflags:
        if flag == "{objects}":
            cmd += [str(o) for o in objects.values()]
        elif flag == "{output}":
            cmd.append(str(unstripped))
        else:
            cmd.append(flag)
    run(cmd, "link")

    # 3. stripped copy
    shutil.copyfile(unstripped, stripped)
    strip_args = ["--strip-all", str(stripped)]
    run([build.toolchain.strip, *strip_args], "strip")

    # 4. ground truth from the unstripped binary
    obj_names: dict[str, list[str]] = {}
    for rel, obj in objects.items():
        for name in object_function_names(obj, build.fmt):
            obj_names.setdefault(name, []).append(rel)
    data = unstripped.read_bytes()
    if build.fmt == "elf":
        elf = parse_elf(data)
        if not elf.has_symtab:
            raise StepError("truth", "unstripped ELF has no .symtab")
        funcs = elf_functions(elf)
        bits = elf.bits
        if parse_elf(stripped.read_bytes()).has_symtab:
            raise StepError("verify", "stripped ELF still has a .symtab")
        size_kind = "st_size"
        image_base = 0
    else:
        pe = parse_coff(data)
        if not pe.symbol_table_present:
            raise StepError("truth", "unstripped PE has no COFF symbol table")
        funcs = pe_functions(pe)
        bits = pe.bits
        if parse_coff(stripped.read_bytes()).symbol_table_present:
            raise StepError("verify", "stripped PE still has a COFF symbol table")
        size_kind = "gap_to_next_symbol"
        image_base = pe.image_base
    if bits != ARCH_BITS[build.arch]:
        raise StepError("verify", f"binary is {bits}-bit, expected {ARCH_BITS[build.arch]}")
    if not funcs:
        raise StepError("truth", "no function symbols found")
    annotate(funcs, build.fmt, bits, obj_names)

    # 5. publish: binaries first, truth last (truth marks a complete build)
    final_un = cache / build.rel_bin("unstripped")
    final_st = cache / build.rel_bin("stripped")
    final_truth = cache / build.rel_truth
    for path in (final_truth, final_un, final_st):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
    os.replace(unstripped, final_un)
    os.replace(stripped, final_st)
    src_meta = ctx.sources[build.project.name]
    record: dict[str, Any] = {
        "id": build.id,
        "project": build.project.name,
        "source_package": src_meta["package"],
        "project_version": src_meta["version"],
        "compiler": build.toolchain.name,
        "compiler_version": ctx.compiler_versions[build.toolchain.name],
        "opt": build.opt,
        "arch": build.arch,
        "bitness": bits,
        "format": build.fmt,
        "unstripped": build.rel_bin("unstripped"),
        "stripped": build.rel_bin("stripped"),
        "truth": build.rel_truth,
        "n_functions": len(funcs),
        "n_project_functions": sum(1 for f in funcs if f["origin"] == "project"),
        "sha256": sha256_file(final_st),
        "sha256_unstripped": sha256_file(final_un),
        "image_base": image_base,
        "size_kind": size_kind,
        "cflags": cflags,
        "link": [build.toolchain.cc, *lflags],
        "n_sources": len(objects),
        "build_seconds": round(time.monotonic() - started, 2),
    }
    write_json(
        final_truth,
        {"schema": SCHEMA_VERSION, "build": record, "functions": funcs},
    )
    (cache / build.rel_failure).unlink(missing_ok=True)
    if not ctx.keep_work:
        shutil.rmtree(work, ignore_errors=True)
    return record


def attempt_build(build: Build, ctx: Context) -> tuple[Build, dict[str, Any] | None, str | None]:
    try:
        record = do_build(build, ctx)
    except StepError as exc:
        failure = {
            "id": build.id,
            "stage": exc.stage,
            "error": exc.message,
            "command": exc.command,
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        write_json(ctx.cache / build.rel_failure, failure)
        return build, None, f"{exc.stage}: {exc.message.splitlines()[0]}"
    except Exception as exc:  # record anything and carry on
        failure = {
            "id": build.id,
            "stage": "internal",
            "error": f"{type(exc).__name__}: {exc}",
            "command": None,
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        write_json(ctx.cache / build.rel_failure, failure)
        return build, None, f"internal: {type(exc).__name__}: {exc}"
    return build, record, None


# --------------------------------------------------------------------------
# Manifest
# --------------------------------------------------------------------------


def write_manifest(cache: Path) -> dict[str, Any]:
    """Rebuild manifest.json from every complete build and failure marker."""
    builds: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    missing: list[str] = []
    per_project: dict[str, dict[str, Any]] = {}
    for build in full_matrix():
        truth = cache / build.rel_truth
        if is_done(build, cache):
            record = json.loads(truth.read_text(encoding="utf-8"))["build"]
            builds.append(record)
            stats = per_project.setdefault(
                build.project.name,
                {
                    "builds": 0,
                    "functions": 0,
                    "project_functions": 0,
                    "min_functions": None,
                    "max_functions": None,
                },
            )
            stats["builds"] += 1
            stats["functions"] += record["n_functions"]
            stats["project_functions"] += record["n_project_functions"]
            n = record["n_functions"]
            stats["min_functions"] = n if stats["min_functions"] is None else min(stats["min_functions"], n)
            stats["max_functions"] = n if stats["max_functions"] is None else max(stats["max_functions"], n)
            continue
        fail_path = cache / build.rel_failure
        if fail_path.is_file():
            failures.append(json.loads(fail_path.read_text(encoding="utf-8")))
        else:
            missing.append(build.id)
    total = len(full_matrix())
    manifest = {
        "schema": SCHEMA_VERSION,
        "generated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "cache_root": str(cache),
        "builds": builds,
        "summary": {
            "matrix_size": total,
            "succeeded": len(builds),
            "failed": len(failures),
            "not_built": len(missing),
            "functions": sum(b["n_functions"] for b in builds),
            "per_project": per_project,
            "failures": failures,
            "not_built_ids": missing,
        },
    }
    write_json(cache / "manifest.json", manifest)
    return manifest


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------


def split_list(values: Iterable[str] | None) -> list[str] | None:
    if not values:
        return None
    out: list[str] = []
    for value in values:
        out += [v.strip() for v in value.split(",") if v.strip()]
    return out


def select(builds: list[Build], args: argparse.Namespace) -> list[Build]:
    projects = split_list(args.projects)
    compilers = split_list(args.compilers)
    opts = split_list(args.opts)
    archs = split_list(args.archs)
    known_projects = {p.name for p in PROJECTS}
    known_compilers = {t.name for t in TOOLCHAINS}
    if projects:
        bad = set(projects) - known_projects
        if bad:
            raise SystemExit(f"error: unknown project(s) {sorted(bad)}; known: {sorted(known_projects)}")
    if compilers:
        expanded: list[str] = []
        for c in compilers:
            expanded += COMPILER_ALIASES.get(c, (c,))
        bad = set(expanded) - known_compilers
        if bad:
            raise SystemExit(
                f"error: unknown compiler(s) {sorted(bad)}; known: {sorted(known_compilers)} "
                f"and aliases {sorted(COMPILER_ALIASES)}"
            )
        compilers = expanded
    if opts:
        opts = [o if o.startswith("O") else f"O{o}" for o in (o.lstrip("-") for o in opts)]
        bad = set(opts) - set(OPTS)
        if bad:
            raise SystemExit(f"error: unknown opt level(s) {sorted(bad)}; known: {list(OPTS)}")
    if archs:
        bad = set(archs) - set(ARCH_BITS)
        if bad:
            raise SystemExit(f"error: unknown arch(s) {sorted(bad)}; known: {list(ARCH_BITS)}")
    return [
        b
        for b in builds
        if (not projects or b.project.name in projects)
        and (not compilers or b.toolchain.name in compilers)
        and (not opts or b.opt in opts)
        and (not archs or b.arch in archs)
    ]


def default_cache() -> Path:
    env = os.environ.get("CODEKIN_CORPUS")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "codekin-corpus"


def compiler_version(cc: str) -> str:
    try:
        out = subprocess.run([cc, "--version"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise SystemExit(f"error: compiler {cc!r} not usable ({exc}); run bench/corpus/setup.sh") from exc
    return out.splitlines()[0].strip() if out else cc


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Build the codekin ground-truth corpus: Debian sources of "
            + ", ".join(p.name for p in PROJECTS)
            + " compiled with gcc-12/clang-14/clang-19 (ELF x64+x86) and mingw-w64 gcc "
            "(PE x64/x86) at -O0/-O1/-O2/-O3/-Os into shared libraries, each kept "
            "unstripped and stripped, with function-symbol ground truth."
        ),
        epilog=(
            "Filters take comma-separated lists and may be repeated. Compiler aliases: "
            + "; ".join(f"{k}={','.join(v)}" for k, v in COMPILER_ALIASES.items())
            + ". Example: build.py --projects zlib --compilers gcc-12 --opts O2 --archs x64"
        ),
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="corpus root (default: $CODEKIN_CORPUS or ~/.cache/codekin-corpus)",
    )
    parser.add_argument("-j", "--jobs", type=int, default=2, help="parallel builds (default 2)")
    parser.add_argument("--projects", action="append", help="projects to build")
    parser.add_argument("--compilers", action="append", help="compilers to use")
    parser.add_argument("--opts", action="append", help="optimisation levels (O0,O1,O2,O3,Os)")
    parser.add_argument("--archs", action="append", help="architectures (x64,x86)")
    parser.add_argument("--force", action="store_true", help="rebuild selected builds even if present")
    parser.add_argument("--refetch", action="store_true", help="re-download and re-extract sources")
    parser.add_argument("--keep-work", action="store_true", help="keep object files under work/")
    parser.add_argument("--list", action="store_true", help="list selected builds and their state")
    parser.add_argument("--manifest-only", action="store_true", help="only rewrite manifest.json")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    cache = (args.cache or default_cache()).resolve()
    selected = select(full_matrix(), args)

    if args.list:
        for b in selected:
            if is_done(b, cache):
                state = "done"
            elif (cache / b.rel_failure).is_file():
                state = "failed"
            else:
                state = "missing"
            print(f"{state:8} {b.id}")
        return 0
    cache.mkdir(parents=True, exist_ok=True)
    if args.manifest_only:
        summary = write_manifest(cache)["summary"]
        print(f"manifest: {summary['succeeded']} succeeded, {summary['failed']} failed")
        return 0

    todo = [b for b in selected if args.force or not is_done(b, cache)]
    log(f"corpus root: {cache}")
    log(f"selected {len(selected)} builds, {len(todo)} to build, jobs={args.jobs}")
    started = time.monotonic()
    ok = failed = 0
    if todo:
        sources = {p.name: fetch_source(p, cache, args.refetch) for p in PROJECTS if any(b.project is p for b in todo)}
        versions = {t.name: compiler_version(t.cc) for t in TOOLCHAINS if any(b.toolchain is t for b in todo)}
        ctx = Context(cache, sources, versions, args.keep_work)
        # longest first, so the two workers finish at about the same time
        todo.sort(key=lambda b: -b.cost)
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = [pool.submit(attempt_build, b, ctx) for b in todo]
            try:
                for n, fut in enumerate(concurrent.futures.as_completed(futures), 1):
                    build, record, error = fut.result()
                    prefix = f"[{n}/{len(todo)} {time.monotonic() - started:6.0f}s]"
                    if record is not None:
                        ok += 1
                        log(
                            f"{prefix} ok     {build.id}: {record['n_functions']} functions "
                            f"({record['n_project_functions']} project) "
                            f"in {record['build_seconds']:.1f}s"
                        )
                    else:
                        failed += 1
                        log(f"{prefix} FAILED {build.id}: {error}")
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    manifest = write_manifest(cache)
    summary = manifest["summary"]
    log(
        f"this run: {ok} built, {failed} failed in {time.monotonic() - started:.0f}s; "
        f"corpus: {summary['succeeded']}/{summary['matrix_size']} builds, "
        f"{summary['failed']} failed, {summary['not_built']} not built; "
        f"manifest: {cache / 'manifest.json'}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
