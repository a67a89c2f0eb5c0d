"""PE (32/64) loader: codekin's own header parser.

Why not LIEF here: importing LIEF's native module costs about a second per process (measured with
``python -X importtime``; BENCHMARKS.md), which alone would dominate a query's latency, and every
field we need is a fixed-layout structure. This parser reads only what attribution uses, bounds every
count and offset by the file, and turns every inconsistency into a typed error or a flag.
"""

from __future__ import annotations

import struct

import numpy as np

from codekin.binary.model import Arch, Binary, Export, Import, RichEntry, Symbol, sha256_of
from codekin.binary.unwind import parse_eh_frame, parse_pdata
from codekin.errors import MalformedError, NotExecutableError, TruncatedError, UnsupportedError

_MAX_SECTIONS = 96  # the PE loader's own limit
_MAX_IMPORTS = 100_000
_SCN_CNT_CODE, _SCN_MEM_EXECUTE, _SCN_MEM_READ, _SCN_MEM_WRITE = 0x20, 0x20000000, 0x40000000, 0x80000000
_SUBSYSTEMS = {1: "NATIVE", 2: "WINDOWS_GUI", 3: "WINDOWS_CUI", 7: "POSIX_CUI", 9: "WINDOWS_CE_GUI",
               10: "EFI_APPLICATION", 11: "EFI_BOOT_SERVICE_DRIVER", 12: "EFI_RUNTIME_DRIVER"}


def _u16(d: bytes, o: int) -> int:
    return struct.unpack_from("<H", d, o)[0]


def _u32(d: bytes, o: int) -> int:
    return struct.unpack_from("<I", d, o)[0]


def load_pe(data: bytes, name: str | None, finish) -> Binary:  # type: ignore[no-untyped-def]
    if len(data) < 64:
        raise TruncatedError("PE shorter than its DOS header", path=name)
    e_lfanew = _u32(data, 0x3C)
    if e_lfanew + 24 > len(data):
        raise TruncatedError("PE header offset beyond end of file", path=name)
    if data[e_lfanew : e_lfanew + 4] != b"PE\0\0":
        raise NotExecutableError("MZ file without a PE header (DOS program?)", path=name)
    machine, nsec, timestamp, symptr, nsyms, optsize, _chars = struct.unpack_from("<HHIIIHH", data, e_lfanew + 4)
    if machine == 0x8664:
        arch: Arch = "x64"
    elif machine == 0x14C:
        arch = "x86"
    else:
        raise UnsupportedError(f"PE machine {machine:#x} is not x86/x64", path=name)
    opt = e_lfanew + 24
    if opt + optsize > len(data) or optsize < 68:
        raise TruncatedError("PE optional header runs past the end of the file", path=name)
    magic = _u16(data, opt)
    if magic == 0x20B:
        if optsize < 112:
            raise MalformedError("PE32+ optional header too small", path=name)
        image_base = struct.unpack_from("<Q", data, opt + 24)[0]
        dd_off, ndd_off = opt + 112, opt + 108
    elif magic == 0x10B:
        if optsize < 96:
            raise MalformedError("PE32 optional header too small", path=name)
        image_base = _u32(data, opt + 28)
        dd_off, ndd_off = opt + 96, opt + 92
    else:
        raise MalformedError(f"unknown optional header magic {magic:#x}", path=name)
    entry_rva = _u32(data, opt + 16)
    subsystem = _u16(data, opt + 68)
    ndd = min(_u32(data, ndd_off), 16, max(0, (opt + optsize - dd_off) // 8))
    dirs = [struct.unpack_from("<II", data, dd_off + 8 * i) for i in range(ndd)]
    dirs += [(0, 0)] * (16 - len(dirs))
    if nsec == 0 or nsec > _MAX_SECTIONS:
        raise MalformedError(f"{nsec} sections: absurd count", path=name)
    sec_off = opt + optsize
    if sec_off + 40 * nsec > len(data):
        raise TruncatedError("section table runs past the end of the file", path=name)
    strtab = symptr + 18 * nsyms if symptr and nsyms and symptr + 18 * nsyms <= len(data) else None
    b = Binary(sha256=sha256_of(data), size=len(data), format="pe", arch=arch, bitness=64 if arch == "x64" else 32,
               image_base=image_base, entry_point=image_base + entry_rva if entry_rva else None, name=name)
    spans = []
    for i in range(nsec):
        o = sec_off + 40 * i
        raw_name = data[o : o + 8].rstrip(b"\0")
        vsize, va, rsize, rptr = struct.unpack_from("<IIII", data, o + 8)
        ch = _u32(data, o + 36)
        sname = raw_name.decode("latin-1")
        if sname.startswith("/") and strtab is not None and sname[1:].isdigit():
            so = strtab + int(sname[1:])
            end = data.find(b"\0", so, so + 256)
            if so < len(data) and end > so:
                sname = data[so:end].decode("latin-1")
        x = bool(ch & _SCN_MEM_EXECUTE) or bool(ch & _SCN_CNT_CODE)
        spans.append((sname, image_base + va, vsize or rsize, rptr, rsize, bool(ch & _SCN_MEM_READ),
                      bool(ch & _SCN_MEM_WRITE), x))
    finish.regions(b, data, name, spans)
    md = b.metadata
    md.pe_timestamp = timestamp
    md.subsystem = _SUBSYSTEMS.get(subsystem, "UNKNOWN")
    md.rich = _rich(data, e_lfanew)
    md.authenticode = dirs[4][1] > 0 and dirs[4][0] + dirs[4][1] <= len(data)
    rd = b.read
    _imports(b, rd, dirs[1], image_base)
    _exports(b, rd, dirs[0], image_base)
    md.pdb_path = _pdb(rd, dirs[6], image_base)
    md.imphash = _imphash(b.imports)
    if arch == "x64" and dirs[3][0] and dirs[3][1]:
        raw = rd(image_base + dirs[3][0], min(dirs[3][1], 12 * 2_000_000))
        b.unwind_ranges.extend(parse_pdata(raw, image_base, b.bytes_at))
    for s in b.sections:  # mingw i686 keeps DWARF unwind info in .eh_frame
        if s.name == ".eh_frame":
            b.unwind_ranges.extend(parse_eh_frame(rd(s.va, s.vsize), s.va, b.bitness))
    _tls(b, rd, dirs[9], image_base)
    if strtab is not None:
        _coff_symbols(b, data, symptr, nsyms, strtab)
    if b.entry_point is not None:
        b.code_hints.append((b.entry_point, "entry"))
    finish.flag_packed(b)
    return b


def _rich(data: bytes, e_lfanew: int) -> list[RichEntry]:
    end = data.find(b"Rich", 0x80, e_lfanew)
    if end < 0 or end + 8 > len(data):
        return []
    key = _u32(data, end + 4)
    dans = struct.pack("<I", 0x536E6144 ^ key)  # "DanS" xor key
    start = data.find(dans, 0x40, end)
    if start < 0:
        return []
    out = []
    for o in range(start + 16, end, 8):
        comp, count = _u32(data, o) ^ key, _u32(data, o + 4) ^ key
        out.append(RichEntry(comp >> 16, comp & 0xFFFF, count))
    return out


def _cstr(rd, va: int, limit: int = 512) -> str:  # type: ignore[no-untyped-def]
    raw = rd(va, limit)
    end = raw.find(b"\0")
    return (raw if end < 0 else raw[:end]).decode("latin-1")


def _imports(b: Binary, rd, d: tuple[int, int], base: int) -> None:  # type: ignore[no-untyped-def]
    """The import descriptors' entries in order. Each thunk array is read in growing pieces (the same
    bytes as a read per entry: a read stops where its region ends, and a short entry ends the array as
    before) and the names of all entries in one ``read_many``, not a read per thunk and per name: with
    the bulk ``.pdata`` parse, loading a median dev-set win query fell from 1.05 to 0.79 ms (best of 30
    runs per file, alternating with main's code)."""
    rva, _size = d
    if not rva:
        return
    ptr = 8 if b.bitness == 64 else 4
    ord_flag = 1 << (63 if ptr == 8 else 31)
    fmt = "<%dQ" if ptr == 8 else "<%dI"
    total = 0
    named: list[int] = []  # indexes in b.imports of the entries imported by name
    name_va: list[int] = []
    try:
        for i in range(4096):
            desc = rd(base + rva + 20 * i, 20)
            if len(desc) < 20:
                break
            oft, _, _, name_rva, ft = struct.unpack("<IIIII", desc)
            if not (oft or name_rva or ft):
                break
            lib = _cstr(rd, base + name_rva, 256) if name_rva else ""
            lookup = oft or ft
            j, piece_len = 0, 64
            while j < 65536:
                piece = rd(base + lookup + ptr * j, ptr * min(piece_len, 65536 - j))
                piece_len *= 4
                vals = struct.unpack_from(fmt % (len(piece) // ptr), piece)
                for v in vals:
                    if v == 0:
                        break
                    slot = base + ft + ptr * j
                    if v & ord_flag:
                        b.imports.append(Import(lib, None, v & 0xFFFF, slot))
                    else:
                        named.append(len(b.imports))
                        name_va.append(base + (v & 0x7FFFFFFF) + 2)
                        b.imports.append(Import(lib, None, None, slot))
                    j += 1
                    total += 1
                    if total > _MAX_IMPORTS:
                        b.flags.append("absurd_import_count")
                        return
                else:
                    if len(vals) and len(piece) % ptr == 0:
                        continue  # no terminator yet: read on (from the region after, if this one ended)
                break
    finally:
        _fill_names(b, named, name_va)


def _fill_names(b: Binary, named: list[int], name_va: list[int]) -> None:
    if not named:
        return
    if min(name_va) >= 0 and max(name_va) < 1 << 63:
        raws = b.read_many(np.asarray(name_va, dtype=np.int64), np.full(len(name_va), 256, dtype=np.int64))
    else:
        raws = [b.read(va, 256) for va in name_va]
    for i, raw in zip(named, raws, strict=True):
        end = raw.find(b"\0")
        b.imports[i].name = (raw if end < 0 else raw[:end]).decode("latin-1") or None


def _exports(b: Binary, rd, d: tuple[int, int], base: int) -> None:  # type: ignore[no-untyped-def]
    rva, size = d
    if not rva:
        return
    hdr = rd(base + rva, 40)
    if len(hdr) < 40:
        return
    ord_base, nfunc, nnames, afunc, aname, aord = struct.unpack_from("<IIIIII", hdr, 16)
    nfunc, nnames = min(nfunc, 65536), min(nnames, 65536)
    funcs = rd(base + afunc, 4 * nfunc)
    names = rd(base + aname, 4 * nnames)
    ords = rd(base + aord, 2 * nnames)
    named: dict[int, str] = {}
    for k in range(min(len(names) // 4, len(ords) // 2)):
        named[_u16(ords, 2 * k)] = _cstr(rd, base + _u32(names, 4 * k), 256)
    for k in range(len(funcs) // 4):
        f = _u32(funcs, 4 * k)
        if not f or rva <= f < rva + size:  # empty slot or forwarder string
            continue
        b.exports.append(Export(named.get(k), base + f, ord_base + k))


def _pdb(rd, d: tuple[int, int], base: int) -> str | None:  # type: ignore[no-untyped-def]
    rva, size = d
    for i in range(min(size // 28, 32)):
        ent = rd(base + rva + 28 * i, 28)
        if len(ent) < 28:
            break
        typ, sz, addr = _u32(ent, 12), _u32(ent, 16), _u32(ent, 20)
        if typ == 2 and addr and sz > 24:  # CodeView
            cv = rd(base + addr, min(sz, 1024))
            if cv[:4] == b"RSDS":
                end = cv.find(b"\0", 24)
                return cv[24 : end if end > 0 else None].decode("utf-8", "replace")
    return None


def _imphash(imports: list[Import]) -> str | None:
    """pefile's imphash: md5 of 'lib.func' pairs, libs without extension, lower case."""
    import hashlib

    if not imports:
        return None
    stem: dict[str, str] = {}  # each library's part once: a few libraries, hundreds of imports (the
    # median dev-set win query's imphash 65 -> 24 us)
    for library in {imp.library for imp in imports}:
        lib = library.lower()
        for ext in (".ocx", ".sys", ".dll"):
            if lib.endswith(ext):
                lib = lib[: -len(ext)]
        stem[library] = lib + "."
    parts = [stem[imp.library] + (imp.name.lower() if imp.name else f"ord{imp.ordinal}") for imp in imports]
    return hashlib.md5(",".join(parts).encode()).hexdigest()


def _tls(b: Binary, rd, d: tuple[int, int], base: int) -> None:  # type: ignore[no-untyped-def]
    rva, _ = d
    if not rva:
        return
    ptr = b.bitness // 8
    tls = rd(base + rva, 6 * ptr)
    if len(tls) < 4 * ptr:
        return
    cb_va = int.from_bytes(tls[3 * ptr : 4 * ptr], "little")
    for i in range(64):
        raw = rd(cb_va + ptr * i, ptr)
        if len(raw) < ptr:
            break
        v = int.from_bytes(raw, "little")
        if not v:
            break
        b.code_hints.append((v, "tls_callback"))


def _coff_symbols(b: Binary, data: bytes, symptr: int, nsyms: int, strtab: int) -> None:
    """Function symbols of the COFF symbol table (unstripped mingw builds)."""
    i = 0
    nsyms = min(nsyms, 2_000_000)
    while i < nsyms:
        o = symptr + 18 * i
        raw = data[o : o + 18]
        if len(raw) < 18:
            break
        value, secnum, typ, cls, naux = struct.unpack_from("<IhHBB", raw, 8)
        if 0 < secnum <= len(b.sections) and b.sections[secnum - 1].executable and cls in (2, 3, 6):
            if raw[:4] == b"\0\0\0\0":
                so = strtab + _u32(raw, 4)
                end = data.find(b"\0", so, so + 512)
                nm = data[so:end].decode("latin-1") if end > so else ""
            else:
                nm = raw[:8].rstrip(b"\0").decode("latin-1")
            is_func = (typ >> 4) == 2 or cls in (2, 3)
            if nm and not nm.startswith(".") and is_func:
                b.symbols.append(Symbol(nm, b.sections[secnum - 1].va + value, 0, "function"))
        i += 1 + naux
