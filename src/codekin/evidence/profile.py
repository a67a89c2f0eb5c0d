"""A sample's profile: the non-code facts the independent evidence lines and the false-flag checks read.

Kept in the store with each sample (``info["profile"]``), so a query compares against the corpus
without re-reading any file:

- imports (``library!name``, lower case, library without extension) and export names;
- the PE Rich header (tool ids, build numbers, counts) and whether its checksum fits this file's DOS
  header (a Rich header copied from another file, or edited, usually does not);
- the debug/PDB path and the PE compile timestamp;
- the toolchain, twice: what the headers claim (Rich header: Microsoft's linker writes one, GNU ld does
  not) and what the code and its compiler-written data show (GCC/clang ident strings that every object
  file compiled by them carries, the mingw-w64 runtime, the C runtime the code was linked against).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from codekin.binary.model import Binary

MAX_IMPORTS = 4000
MAX_EXPORTS = 2000

# Rich header product ids by Visual Studio generation (approximate ranges from public Rich-header
# research: each MSVC release allocates a new block of ids for its compiler, linker, assembler, ...).
_RICH_GENERATIONS: list[tuple[int, int, str, int]] = [
    # (first product id, last product id, generation, release year)
    (0x0001, 0x0059, "VS6 or older", 1998),
    (0x005A, 0x006C, "VS2002/2003", 2002),
    (0x006D, 0x0082, "VS2005", 2005),
    (0x0083, 0x0096, "VS2008", 2007),
    (0x0097, 0x00AA, "VS2010", 2010),
    (0x00AB, 0x00C0, "VS2012", 2012),
    (0x00C1, 0x00D8, "VS2013", 2013),
    (0x00D9, 0x0200, "VS2015+", 2015),
]
# build numbers of the 14.x toolsets (VS2015 and later share product ids; the build tells them apart)
_V14_BUILDS: list[tuple[int, str, int]] = [
    (23026, "VS2015", 2015), (25017, "VS2017", 2017), (27508, "VS2019", 2019), (30705, "VS2022", 2021),
]
# the Microsoft C runtime a binary is linked against names the toolsets that compiled the code calling
# it: (generation, first release year, last year a new toolset used it)
_CRT_DLLS: dict[str, tuple[str, int, int]] = {
    "msvcr70": ("VS2002", 2002, 2002), "msvcr71": ("VS2003", 2003, 2004), "msvcr80": ("VS2005", 2005, 2006),
    "msvcr90": ("VS2008", 2007, 2009), "msvcr100": ("VS2010", 2010, 2011), "msvcr110": ("VS2012", 2012, 2012),
    "msvcr120": ("VS2013", 2013, 2014), "vcruntime140": ("VS2015-VS2022", 2015, 9999),
    "vcruntime140_1": ("VS2019-VS2022", 2019, 9999), "msvcp140": ("VS2015-VS2022", 2015, 9999),
    "msvcp100": ("VS2010", 2010, 2011), "msvcp120": ("VS2013", 2013, 2014),
}
_GCC_IDENT = re.compile(rb"GCC: \(([^)\x00]{0,64})\) ([0-9][0-9.]{0,20})")
_CLANG_IDENT = re.compile(rb"clang version ([0-9][0-9.]{0,20})")
_MINGW_RT = (b"Mingw-w64 runtime failure", b"Unknown pseudo relocation protocol version")


def rich_generation(product_id: int, build: int) -> tuple[str, int] | None:
    """(Visual Studio generation, release year) of one Rich header entry, or None for unknown ids."""
    if product_id == 0:  # the import-count / linker-internal entries carry no version
        return None
    for lo, hi, gen, year in _RICH_GENERATIONS:
        if lo <= product_id <= hi:
            if gen == "VS2015+":
                best = ("VS2015+", 2015)
                for b0, name, y in _V14_BUILDS:
                    if build >= b0:
                        best = (name, y)
                return best
            return gen, year
    return None


def rich_checksum_ok(data: bytes) -> bool | None:
    """Whether the Rich header's key is the checksum of this file's DOS header and Rich entries.

    None when there is no Rich header. The checksum covers the bytes before the header (with the
    ``e_lfanew`` field skipped), each rotated left by its offset, plus each entry's id rotated by its
    count: a header copied from another file, or edited, almost never fits."""
    if len(data) < 0x40 or data[:2] != b"MZ":
        return None
    e_lfanew = int.from_bytes(data[0x3C:0x40], "little")
    end = data.find(b"Rich", 0x40, min(e_lfanew, len(data)))
    if end < 0 or end + 8 > len(data):
        return None
    key = int.from_bytes(data[end + 4:end + 8], "little")
    dans = (0x536E6144 ^ key).to_bytes(4, "little")
    start = data.find(dans, 0x40, end)
    if start < 0:
        return None

    def rol(v: int, n: int) -> int:
        n &= 31
        return ((v << n) | (v >> (32 - n))) & 0xFFFFFFFF

    csum = start
    for i in range(start):
        if 0x3C <= i < 0x40:
            continue
        csum = (csum + rol(data[i], i)) & 0xFFFFFFFF
    for o in range(start + 16, end, 8):
        comp = int.from_bytes(data[o:o + 4], "little") ^ key
        count = int.from_bytes(data[o + 4:o + 8], "little") ^ key
        csum = (csum + rol(comp, count)) & 0xFFFFFFFF
    return csum == key


def _data_regions(b: Binary) -> list[bytes]:
    return [r.data for r in b.regions if r.data and not r.executable]


def code_toolchain(b: Binary) -> dict[str, Any]:
    """What the compiled code itself shows about its toolchain.

    Evidence, strongest first: compiler ident strings (GCC and clang write one into every object file
    they compile; the linker keeps them in the image's data), the mingw-w64 runtime linked into the
    program, and the Microsoft C runtime DLL the code imports (each MSVC release has its own)."""
    markers: list[str] = []
    gcc: set[str] = set()
    clang: set[str] = set()
    mingw = False
    for d in _data_regions(b):
        for m in _GCC_IDENT.finditer(d):
            gcc.add(f"GCC {m.group(2).decode('latin-1')} ({m.group(1).decode('latin-1')})")
        for m in _CLANG_IDENT.finditer(d):
            clang.add(f"clang {m.group(1).decode('latin-1')}")
        if any(s in d for s in _MINGW_RT):
            mingw = True
    crt: list[tuple[str, int, int]] = []
    for lib in sorted({i.library.lower().rsplit(".", 1)[0] for i in b.imports}):
        if lib in _CRT_DLLS:
            crt.append(_CRT_DLLS[lib])
            markers.append(f"imports the Microsoft C runtime {lib}.dll ({_CRT_DLLS[lib][0]})")
    if gcc:
        markers.append(f"{len(gcc)} GCC compiler ident(s): {', '.join(sorted(gcc)[:3])}")
    if clang:
        markers.append(f"clang compiler ident(s): {', '.join(sorted(clang)[:3])}")
    if mingw:
        markers.append("the mingw-w64 runtime is linked in")
    compiler: str | None = None
    version: str | None = None
    year: int | None = None
    last: int | None = None
    if gcc or mingw:
        compiler = "gcc"
    elif clang:
        compiler = "clang"
    elif crt:
        compiler = "msvc"
        version, year, last = max(crt, key=lambda c: c[1])
    return {"compiler": compiler, "version": version, "year": year, "last_year": last, "markers": markers}


def header_toolchain(b: Binary) -> dict[str, Any]:
    """What the Rich header claims: Microsoft's linker writes it; its entries name the tool versions."""
    gens = []
    for e in b.metadata.rich:
        g = rich_generation(e.product_id, e.build_id)
        if g is not None:
            gens.append(g)
    if not b.metadata.rich:
        return {"compiler": None, "version": None, "year": None}
    newest = max(gens, key=lambda g: g[1]) if gens else None
    return {"compiler": "msvc", "version": newest[0] if newest else None, "year": newest[1] if newest else None,
            "generations": sorted({g[0] for g in gens})}


def _lib(name: str) -> str:
    """A library's name without extension, lower case; ``*`` when the format does not bind symbols to
    libraries (ELF)."""
    return name.lower().rsplit(".", 1)[0] if name else "*"


def profile(b: Binary, data: bytes) -> dict[str, Any]:
    """The profile stored with a sample (plain JSON data)."""
    imports = sorted({f"{_lib(i.library)}!{(i.name or f'#{i.ordinal}').lower()}"
                      for i in b.imports})[:MAX_IMPORTS]
    exports = sorted({e.name for e in b.exports if e.name})[:MAX_EXPORTS]
    md = b.metadata
    return {
        "imports": imports,
        "exports": exports,
        "rich": [[e.product_id, e.build_id, e.count] for e in md.rich],
        "rich_checksum_ok": rich_checksum_ok(data) if md.rich else None,
        "pdb": md.pdb_path,
        "timestamp": md.pe_timestamp,
        "imphash": md.imphash,
        "toolchain": {"code": code_toolchain(b), "header": header_toolchain(b)},
    }


def _pdb_parts(path: str) -> tuple[str, str]:
    """(file name, the folders above it) of a PDB path, lower case, either separator."""
    parts = [p for p in re.split(r"[\\/]+", path.strip().lower()) if p]
    if parts and re.fullmatch(r"[a-z]:", parts[0]):
        parts = parts[1:]
    name = parts[-1] if parts else ""
    # build-configuration folders say nothing about who built it
    dirs = [p for p in parts[:-1] if p not in {"release", "debug", "x64", "win32", "x86", "obj", "bin", "build"}]
    return name, "/".join(dirs[-3:])


def profile_tokens(p: dict[str, Any]) -> list[tuple[str, str]]:
    """The profile as (line, token) pairs, the unit the store indexes and the evidence lines compare."""
    out: list[tuple[str, str]] = [("imports", t) for t in p.get("imports", [])]
    out += [("exports", t) for t in p.get("exports", [])]
    if p.get("pdb"):
        name, dirs = _pdb_parts(p["pdb"])
        if name:
            out.append(("pdb", f"name:{name}"))
        if dirs:
            out.append(("pdb", f"dirs:{dirs}"))
    if p.get("rich"):
        out.append(("rich", "set:" + ",".join(f"{a}.{b}" for a, b, _ in sorted(p["rich"]))))
    if p.get("imphash"):
        out.append(("imphash", p["imphash"]))
    return out


TOKEN_SALT = 0x70F1


def token_hashes(tokens: list[tuple[str, str]]) -> list[int]:
    from codekin.fingerprint.hashing import hash_strs

    return hash_strs([f"{line}\x00{tok}" for line, tok in tokens], TOKEN_SALT).tolist()  # type: ignore[no-any-return]


def export_hashes(p: dict[str, Any]) -> np.ndarray:
    """The store's token hashes of a profile's exported names (the matcher's exports line)."""
    return np.asarray(token_hashes([("exports", t) for t in p.get("exports", [])]), dtype=np.uint64)
