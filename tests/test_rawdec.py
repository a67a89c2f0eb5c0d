"""The compiled reader of iced-x86's instruction records (``src/codekin/disasm/_rawdec.c``) against
the reference path through ``Instruction.__getstate__``."""

from __future__ import annotations

import iced_x86
import numpy as np
import pytest
from conftest import fixture_path

from codekin.binary.loader import load_binary
from codekin.disasm import decoder
from codekin.disasm.discover import extract


def _sections(name: str) -> list[tuple[bytes, int, int]]:
    b = load_binary(fixture_path(name).read_bytes(), name=name)
    bits = 64 if b.arch == "x64" else 32
    return [(bytes(r.data), r.va, bits) for r in b.code_regions()]


@pytest.mark.parametrize("name", ["elf64-O2", "elf32-O2", "pe64-O2.exe", "pe32-O2.exe", "hostile-O2"])
def test_compiled_records_equal_getstate(name: str) -> None:
    """Over whole code sections, in batches that end mid-way and at the section's end, the compiled
    reader yields exactly the bytes ``__getstate__`` yields, and leaves the decoder where it left it."""
    assert decoder._RECORD_OFFSET is not None, "the record reader was not built (scripts/setup.sh needs gcc)"
    secs = _sections(name)
    assert secs
    total = 0
    for data, va, bits in secs:
        for batch in (1, 7, 4096):
            fast_dec = iced_x86.Decoder(bits, data, ip=va)
            slow_dec = iced_x86.Decoder(bits, data, ip=va)
            while True:
                fast = decoder._records_compiled(fast_dec, batch)
                slow = decoder._records_by_state(slow_dec, batch)
                assert fast == slow
                total += len(fast) // decoder._RAW.itemsize
                if len(fast) < batch * decoder._RAW.itemsize:
                    break
            assert fast_dec.ip == slow_dec.ip
    assert total > 300


@pytest.mark.parametrize("name", ["elf64-O0", "elf32-O2", "pe64-O2.exe", "pe32-O2.exe", "hostile-O0"])
def test_extraction_same_through_either_reader(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction through the compiled reader equals extraction through ``__getstate__``."""
    data = fixture_path(name).read_bytes()

    def key() -> tuple[object, ...]:
        ex = extract(load_binary(data, name=name))
        t = ex.table
        fns = tuple((f.start, f.block_ids.tobytes(), tuple(f.calls)) for f in ex.functions)
        cols = (t.ip, t.length, t.code, t.kind, t.target, t.ref, t.imm)
        return fns, tuple(c.tobytes() for c in cols)

    monkeypatch.setattr(decoder, "_take_records", decoder._records_compiled)
    fast = key()
    monkeypatch.setattr(decoder, "_take_records", decoder._records_by_state)
    assert key() == fast


def test_compiled_reader_refuses_what_it_cannot_read() -> None:
    """Items of another type, a record outside the object, and a non-iterator are errors, never a
    read of memory the object does not own."""
    from codekin.disasm import _rawdec

    tp = iced_x86.Instruction
    insns = list(iced_x86.Decoder(64, bytes.fromhex("90c3"), ip=0))
    with pytest.raises(TypeError):
        _rawdec.records(iter([*insns, b"not an instruction"]), 5, tp, 16, 40)
    with pytest.raises(ValueError):
        _rawdec.records(iter(insns), 2, tp, tp.__basicsize__ - 8, 40)
    with pytest.raises(ValueError):
        _rawdec.records(iter(insns), 2, tp, 0, 40)  # the object header
    with pytest.raises(TypeError):
        _rawdec.records(insns, 2, tp, 16, 40)  # a list, not an iterator
    assert _rawdec.records(iter(insns), 0, tp, 16, 40) == b""
    rec = np.frombuffer(_rawdec.records(iter(insns), 9, tp, 16, 40), dtype=decoder._RAW)
    assert rec["len"].tolist() == [1, 1]
