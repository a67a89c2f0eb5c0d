"""ELF (32/64, little-endian x86) loader: codekin's own header parser (see pe.py for why not LIEF).

Reads sections (or program headers when section headers are missing), symbols (.symtab, .dynsym),
the dynamic section (needed libraries, init/fini and their arrays), PLT/GOT relocations (imports),
the build-id note, .eh_frame function extents and the PLT stub ranges.
"""

from __future__ import annotations

import struct

import numpy as np

from codekin.binary.model import Arch, Binary, Export, Import, Symbol, sha256_of
from codekin.binary.unwind import parse_eh_frame
from codekin.errors import MalformedError, TruncatedError, UnsupportedError

_MAX_SECTIONS = 65535
_MAX_SYMBOLS = 4_000_000
SHT_SYMTAB, SHT_STRTAB, SHT_RELA, SHT_DYNAMIC, SHT_NOTE, SHT_NOBITS, SHT_REL, SHT_DYNSYM = 2, 3, 4, 6, 7, 8, 9, 11
SHF_WRITE, SHF_ALLOC, SHF_EXECINSTR = 1, 2, 4


def load_elf(data: bytes, name: str | None, finish) -> Binary:  # type: ignore[no-untyped-def]
    if len(data) < 52:
        raise TruncatedError("ELF shorter than its header", path=name)
    cls = data[4]
    if cls not in (1, 2):
        raise MalformedError(f"ELF class {cls} is neither 32 nor 64 bit", path=name)
    if data[5] != 1:
        raise UnsupportedError("big-endian ELF is not x86", path=name)
    is64 = cls == 2
    if is64 and len(data) < 64:
        raise TruncatedError("ELF64 shorter than its header", path=name)
    machine = struct.unpack_from("<H", data, 18)[0]
    if machine == 62:
        arch: Arch = "x64"
    elif machine in (3, 6):
        arch = "x86"
    else:
        raise UnsupportedError(f"ELF machine {machine} is not x86/x64", path=name)
    if is64:
        entry, phoff, shoff = struct.unpack_from("<QQQ", data, 24)
        phentsize, phnum, shentsize, shnum, shstrndx = struct.unpack_from("<HHHHH", data, 54)
    else:
        entry, phoff, shoff = struct.unpack_from("<III", data, 24)
        phentsize, phnum, shentsize, shnum, shstrndx = struct.unpack_from("<HHHHH", data, 42)
    bits = 64 if is64 else 32
    b = Binary(sha256=sha256_of(data), size=len(data), format="elf", arch=arch, bitness=bits, image_base=0,
               entry_point=entry or None, name=name)
    # program headers
    phdrs = []
    if phoff and phnum and phentsize >= (56 if is64 else 32):
        for i in range(min(phnum, 4096)):
            o = phoff + i * phentsize
            if o + phentsize > len(data):
                b.flags.append("truncated_program_headers")
                break
            if is64:
                p_type, p_flags, p_off, p_va, _, p_filesz, p_memsz, _ = struct.unpack_from("<IIQQQQQQ", data, o)
            else:
                p_type, p_off, p_va, _, p_filesz, p_memsz, p_flags, _ = struct.unpack_from("<IIIIIIII", data, o)
            phdrs.append((p_type, p_flags, p_off, p_va, p_filesz, p_memsz))
    loads = [p for p in phdrs if p[0] == 1]
    if loads:
        b.image_base = min(p[3] for p in loads) & ~0xFFF
    # section headers
    shdrs = []
    if shoff and shnum and shentsize >= (64 if is64 else 40):
        if shnum > _MAX_SECTIONS:
            raise MalformedError(f"{shnum} sections: absurd count", path=name)
        for i in range(shnum):
            o = shoff + i * shentsize
            if o + shentsize > len(data):
                b.flags.append("truncated_section_headers")
                break
            s = struct.unpack_from("<IIQQQQIIQQ", data, o) if is64 else struct.unpack_from("<IIIIIIIIII", data, o)
            shdrs.append(s)  # name, type, flags, addr, offset, size, link, info, align, entsize
    names = [""] * len(shdrs)
    if 0 < shstrndx < len(shdrs):
        st = shdrs[shstrndx]
        tab = data[st[4] : st[4] + st[5]]
        for i, s in enumerate(shdrs):
            end = tab.find(b"\0", s[0])
            names[i] = tab[s[0] : end if end >= 0 else None].decode("latin-1")
    spans = []
    for i, s in enumerate(shdrs):
        if not s[2] & SHF_ALLOC or not s[3]:
            continue
        nobits = s[1] == SHT_NOBITS
        spans.append((names[i] or f"section{i}", s[3], s[5], s[4], 0 if nobits else s[5], True,
                      bool(s[2] & SHF_WRITE), bool(s[2] & SHF_EXECINSTR)))
    if not spans:  # no section headers (sstrip'd or hostile): the program headers map the image
        for p in loads:
            spans.append((f"segment@{p[3]:#x}", p[3], p[5], p[2], p[4], bool(p[1] & 4), bool(p[1] & 2),
                          bool(p[1] & 1)))
        if spans:
            b.flags.append("no_section_headers")
    if not spans:
        raise MalformedError("ELF without loadable sections or segments", path=name)
    finish.regions(b, data, name, spans)
    md = b.metadata
    for p in phdrs:
        if p[0] == 3 and p[2] + p[4] <= len(data):  # PT_INTERP
            md.interpreter = data[p[2] : p[2] + p[4]].rstrip(b"\0").decode("latin-1")
        elif p[0] == 4:  # PT_NOTE
            _notes(b, data[p[2] : p[2] + p[4]])
    # symbols
    seen: set[tuple[str, int]] = set()
    symtabs = [(i, s) for i, s in enumerate(shdrs) if s[1] in (SHT_SYMTAB, SHT_DYNSYM)]
    dynsyms: list[tuple[str, int, int, int]] = []
    for _i, s in symtabs:
        syms = _symbols(data, s, shdrs, is64)
        if s[1] == SHT_DYNSYM:
            dynsyms = syms
        for nm, val, size, info, shndx in ((x[0], x[1], x[2], x[3], x[4]) for x in syms):
            if not nm or not val or shndx == 0:
                continue
            typ = info & 0xF
            key = (nm, val)
            if key in seen:
                continue
            seen.add(key)
            kind = "function" if typ == 2 else ("object" if typ == 1 else "other")
            b.symbols.append(Symbol(nm, val, size, kind))
            if s[1] == SHT_DYNSYM and typ == 2 and (info >> 4) in (1, 2):
                b.exports.append(Export(nm, val))
        if len(b.symbols) > _MAX_SYMBOLS:
            break
    # relocations: imports (JUMP_SLOT / GLOB_DAT of undefined function symbols) and RELATIVE values
    relative: dict[int, int] = {}
    for s in shdrs:
        if s[1] not in (SHT_RELA, SHT_REL) or not (0 <= s[6] < len(shdrs)):
            continue
        link = shdrs[s[6]]
        syms = dynsyms if link[1] == SHT_DYNSYM else _symbols(data, link, shdrs, is64)
        _relocs(b, data, s, syms, is64, relative)
    # dynamic section: needed, init/fini (+ arrays)
    dyn = next((s for s in shdrs if s[1] == SHT_DYNAMIC), None)
    if dyn is not None:
        _dynamic(b, data, dyn, shdrs, is64, relative)
    for i, s in enumerate(shdrs):
        nm = names[i]
        if nm == ".eh_frame" and s[1] != SHT_NOBITS:
            b.unwind_ranges.extend(parse_eh_frame(data[s[4] : s[4] + s[5]], s[3], bits))
        elif nm.startswith(".plt") and s[2] & SHF_EXECINSTR:
            b.stub_ranges.append((s[3], s[3] + s[5]))
        elif nm in (".init_array", ".fini_array", ".ctors", ".dtors") and s[1] != SHT_NOBITS:
            ptr = bits // 8
            raw = data[s[4] : s[4] + s[5]]
            for k in range(len(raw) // ptr):
                v = int.from_bytes(raw[k * ptr : (k + 1) * ptr], "little") or relative.get(s[3] + k * ptr, 0)
                if v and v != (1 << bits) - 1:
                    b.code_hints.append((v, "init_array"))
    if b.entry_point is not None:
        b.code_hints.append((b.entry_point, "entry"))
    finish.flag_packed(b)
    return b


def _notes(b: Binary, raw: bytes) -> None:
    o = 0
    while o + 12 <= len(raw):
        namesz, descsz, typ = struct.unpack_from("<III", raw, o)
        o += 12
        nm = raw[o : o + namesz]
        o += (namesz + 3) & ~3
        desc = raw[o : o + descsz]
        o += (descsz + 3) & ~3
        if typ == 3 and nm.rstrip(b"\0") == b"GNU":
            b.metadata.build_id = desc.hex()


def _symbols(data: bytes, s: tuple[int, ...], shdrs: list[tuple[int, ...]], is64: bool,
             ) -> list[tuple[str, int, int, int, int]]:
    ent = 24 if is64 else 16
    off, size, link = s[4], s[5], s[6]
    if not (0 <= link < len(shdrs)) or off + size > len(data):
        return []
    st = shdrs[link]
    strtab = data[st[4] : st[4] + st[5]]
    out = []
    for k in range(min(size // ent, _MAX_SYMBOLS)):
        o = off + k * ent
        if is64:
            nm_off, info, _, shndx, val, sz = struct.unpack_from("<IBBHQQ", data, o)
        else:
            nm_off, val, sz, info, _, shndx = struct.unpack_from("<IIIBBH", data, o)
        end = strtab.find(b"\0", nm_off)
        nm = strtab[nm_off : end if end >= 0 else None].decode("latin-1") if nm_off < len(strtab) else ""
        out.append((nm, val, sz, info, shndx))
    return out


_REL_DT = {  # (64-bit, RELA) -> one relocation entry
    (True, True): np.dtype([("off", "<u8"), ("info", "<u8"), ("add", "<i8")]),
    (True, False): np.dtype([("off", "<u8"), ("info", "<u8")]),
    (False, True): np.dtype([("off", "<u4"), ("info", "<u4"), ("add", "<i4")]),
    (False, False): np.dtype([("off", "<u4"), ("info", "<u4")]),
}


def _relocs(b: Binary, data: bytes, s: tuple[int, ...], syms: list[tuple[str, int, int, int, int]], is64: bool,
            relative: dict[int, int]) -> None:
    """Imports (JUMP_SLOT / GLOB_DAT) and RELATIVE values. The entries are read as one numpy record
    array (a PIC library holds thousands of RELATIVE entries: 0.33 s of the corpus's loading went
    to unpacking them one by one, and i386 REL addends to one ``Binary.read`` each)."""
    rela = s[1] == SHT_RELA
    dt = _REL_DT[(is64, rela)]
    off, size = s[4], s[5]
    if off + size > len(data):
        return
    count = min(size // dt.itemsize, 4_000_000)
    if count <= 0:
        return
    ent = np.frombuffer(data, dtype=dt, count=count, offset=off)
    info = ent["info"].astype(np.uint64)
    if is64:
        typ, sym = info & np.uint64(0xFFFFFFFF), info >> np.uint64(32)
    else:
        typ, sym = info & np.uint64(0xFF), info >> np.uint64(8)
    r_off = ent["off"]
    rel = np.flatnonzero(typ == 8)
    if len(rel):
        ro = r_off[rel].tolist()  # unsigned, as the file states them
        if rela:
            adds = ent["add"][rel].tolist()
        else:
            # the addend sits at the relocated address (none at address 0); addresses past int64
            # (hostile) read one by one
            vas = np.where(r_off[rel] < 1 << 63, r_off[rel], 0).astype(np.int64)
            raws = b.read_many(vas, np.full(len(ro), 4, dtype=np.int64))
            adds = [0 if not a else int.from_bytes(raw, "little") if len(raw) == 4 else 0
                    for raw, a in zip((raw if a < 1 << 63 else b.read(a, 4) for raw, a in zip(raws, ro, strict=True)),
                                      ro, strict=True)]
        relative.update(zip(ro, adds, strict=True))
    imp = np.flatnonzero(((typ == 7) | (typ == 6)) & (sym > 0) & (sym < len(syms)))
    for r_o, sy, jump in zip(r_off[imp].tolist(), sym[imp].tolist(), (typ[imp] == 7).tolist(), strict=True):
        nm, val, _, info_s, shndx = syms[sy]
        if nm and (jump or ((info_s & 0xF) == 2 and shndx == 0) or (shndx == 0 and val == 0)):
            b.imports.append(Import("", nm, None, r_o))


def _dynamic(b: Binary, data: bytes, s: tuple[int, ...], shdrs: list[tuple[int, ...]], is64: bool,
             relative: dict[int, int]) -> None:
    ent = 16 if is64 else 8
    off, size, link = s[4], s[5], s[6]
    strtab = b""
    if 0 <= link < len(shdrs):
        st = shdrs[link]
        strtab = data[st[4] : st[4] + st[5]]
    needed = []
    for k in range(min(size // ent, 65536)):
        if off < 0 or off + (k + 1) * ent > len(data):  # a section header pointing past the file
            break
        tag, val = struct.unpack_from("<qQ" if is64 else "<iI", data, off + k * ent)
        if tag == 0:
            break
        if tag == 1 and val < len(strtab):  # DT_NEEDED
            end = strtab.find(b"\0", val)
            needed.append(strtab[val : end if end >= 0 else None].decode("latin-1"))
        elif tag in (12, 13) and val:  # DT_INIT, DT_FINI
            b.code_hints.append((val, "init" if tag == 12 else "fini"))
    b.metadata.needed = needed
