from __future__ import annotations

import pytest
from conftest import fixture_path

from codekin.binary.loader import load_binaries, load_binary, load_raw, sniff
from codekin.errors import EmptyFileError, NotExecutableError, TooLargeError


@pytest.mark.parametrize(
    ("name", "fmt", "arch"),
    [
        ("elf64-O2", "elf", "x64"),
        ("elf32-O2", "elf", "x86"),
        ("pe64-O2.exe", "pe", "x64"),
        ("pe32-O2.exe", "pe", "x86"),
        ("macho64.o", "macho", "x64"),
        ("macho32.o", "macho", "x86"),
    ],
)
def test_formats(name: str, fmt: str, arch: str) -> None:
    data = fixture_path(name).read_bytes()
    b = load_binary(data, name=name)
    assert (b.format, b.arch, b.bitness) == (fmt, arch, 64 if arch == "x64" else 32)
    assert b.size == len(data)
    assert b.code_regions(), "code sections are mapped"
    text = [s for s in b.sections if s.executable]
    assert text and all(0.0 < s.entropy < 8.0 for s in text if s.raw_size > 64)


def test_pe_metadata() -> None:
    b = load_binary(fixture_path("pe64-O2.exe").read_bytes())
    assert b.metadata.pe_timestamp and b.metadata.pe_timestamp > 0
    assert b.metadata.imphash and len(b.metadata.imphash) == 32
    assert {i.name for i in b.imports} >= {"puts", "exit"}
    assert b.unwind_ranges, ".pdata parsed"
    assert b.entry_point is not None and b.is_code(b.entry_point)


def test_elf_metadata() -> None:
    b = load_binary(fixture_path("elf64-O2").read_bytes())
    assert b.metadata.build_id and len(b.metadata.build_id) == 40
    assert b.metadata.interpreter and "ld-linux" in b.metadata.interpreter
    assert "libc.so.6" in b.metadata.needed
    assert len(b.unwind_ranges) >= 10, ".eh_frame FDEs parsed"
    assert not b.symbols or all(s.kind != "function" for s in b.symbols if not s.name), "stripped"


def test_unstripped_symbols() -> None:
    b = load_binary(fixture_path("elf64-O2.sym").read_bytes())
    names = {s.name for s in b.symbols if s.kind == "function"}
    assert {"kin_hash", "kin_switch", "kin_sort", "main"} <= names
    pe = load_binary(fixture_path("pe64-O2.exe.sym").read_bytes())
    assert "kin_switch" in {s.name for s in pe.symbols}


def test_fat_macho_yields_each_slice() -> None:
    data = fixture_path("macho-fat.o").read_bytes()
    assert sniff(data) == "fat"
    archs = sorted(b.arch for b in load_binaries(data, name="fat"))
    assert archs == ["x64", "x86"]


def test_raw_buffer() -> None:
    b = load_raw(bytes.fromhex("554889e5b8010000005dc3"), arch="x64", base=0x1000)
    assert b.format == "raw" and b.entry_point == 0x1000 and b.read(0x1000, 1) == b"\x55"


def test_errors_are_typed() -> None:
    with pytest.raises(EmptyFileError):
        load_binary(b"")
    with pytest.raises(NotExecutableError):
        load_binary(b"hello world, not a binary at all")
    with pytest.raises(TooLargeError):
        load_binary(fixture_path("elf64-O2").read_bytes(), max_size=1000)


@pytest.mark.parametrize("name", ["elf64-O2", "elf32-O2", "pe64-O2.exe", "pe32-O2.exe", "macho64.o",
                                  "elf64-O2+overlap", "pe32-O2.exe+overlap"])
def test_is_code_many_agrees_with_is_code(name: str) -> None:
    import numpy as np

    from codekin.binary.model import Region

    b = load_binary(fixture_path(name.split("+")[0]).read_bytes(), name=name)
    if name.endswith("+overlap"):  # overlapping regions (malformed files, ELF TLS sections): the other path
        code = b.code_regions()[0]
        b.regions.append(Region(code.va + 16, b"\0" * 64, 256, False))
        b.regions.append(Region(code.va + len(code.data) - 32, b"\xc3" * 40, 64, True))
        b.regions.append(Region(code.va, b"\x90" * 8, 8, True))
    probes = {0, 1, (1 << 64) - 1, (1 << 32) - 1}
    for r in b.regions:  # every region edge, from both sides
        for a in (r.va, r.va + len(r.data), r.va + r.vsize):
            probes.update({a - 1, a, a + 1})
    rng = np.random.default_rng(5)
    lo, hi = min(r.va for r in b.regions), max(r.va + r.vsize for r in b.regions)
    probes.update(rng.integers(lo, hi + 1, size=2000).tolist())
    vas = sorted(p for p in probes if 0 <= p < 1 << 64)
    got = b.is_code_many(np.asarray(vas, dtype=np.uint64)).tolist()
    want = [b.is_code(a) for a in vas]
    assert got == want
    assert any(want) and not all(want)


@pytest.mark.parametrize("name", ["elf64-O2", "pe32-O2.exe", "macho64.o"])
def test_read_many_agrees_with_read(name: str) -> None:
    import numpy as np

    b = load_binary(fixture_path(name).read_bytes(), name=name)
    rng = np.random.default_rng(9)
    vas: list[int] = []
    for r in b.regions:  # inside, across the end of the data, across the end of the mapping, outside
        for a in (r.va, r.va + len(r.data) - 3, r.va + r.vsize - 2, r.va + r.vsize, r.va - 1):
            vas.append(a)
    lo, hi = min(r.va for r in b.regions), max(r.va + r.vsize for r in b.regions)
    vas += rng.integers(lo - 16, hi + 16, size=1000).tolist()
    ns = rng.integers(0, 16, size=len(vas)).tolist()
    got = b.read_many(np.asarray(vas, dtype=np.int64), np.asarray(ns, dtype=np.int64))
    assert got == [b.read(a, n) for a, n in zip(vas, ns, strict=True)]
    assert any(got)


@pytest.mark.parametrize("name", ["elf64-O2", "pe64-O2.exe", "macho64.o"])
def test_bytes_at_agrees_with_read(name: str) -> None:
    import numpy as np

    b = load_binary(fixture_path(name).read_bytes(), name=name)
    rng = np.random.default_rng(4)
    base = min(r.va for r in b.regions) - 16
    top = max(r.va + r.vsize for r in b.regions) + 16
    offs = rng.integers(0, top - base, size=2000)
    for r in b.regions:  # the ends of the data and of the mapping
        offs = np.r_[offs, [r.va + len(r.data) - 1 - base, r.va + len(r.data) - base, r.va + r.vsize - base]]
    got = b.bytes_at(base, offs.astype(np.int64))
    want = [(x[0] if (x := b.read(base + o, 1)) else 0) for o in offs.tolist()]
    assert got.tolist() == want
    assert got.any()
