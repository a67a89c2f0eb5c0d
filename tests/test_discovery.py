from __future__ import annotations

import numpy as np
import pytest
from conftest import fixture_path, truth

from codekin.binary.loader import load_binaries, load_binary
from codekin.disasm.decoder import K_JMPI
from codekin.disasm.discover import extract


def _found(name: str) -> tuple[set[int], set[int]]:
    ex = extract(load_binary(fixture_path(name).read_bytes(), name=name))
    return {f.start for f in ex.functions}, set(truth(name))


@pytest.mark.parametrize("name", ["elf64-O0", "elf64-O2", "elf64-clang-O2", "elf32-O2", "pe64-O2.exe",
                                  "pe64-O0.exe", "pe32-O2.exe"])
def test_function_starts_against_symbols(name: str) -> None:
    found, gt = _found(name)
    tp = len(found & gt)
    precision, recall = tp / len(found), tp / len(gt)
    # the stripped build is scored against the unstripped build's symbols
    assert precision >= 0.95, (precision, sorted(found - gt))
    min_recall = 0.8 if name.startswith("pe32") else 0.95
    assert recall >= min_recall, (recall, sorted(gt - found))


def test_own_functions_found_everywhere() -> None:
    """The program's own functions (not CRT) are found on every target."""
    for name in ["elf64-O2", "elf32-O2", "elf64-clang-O2", "pe64-O2.exe", "pe32-O2.exe"]:
        found, _ = _found(name)
        gt = truth(name)
        own = {a for a, n in gt.items() if n.lstrip("_") in ("kin_hash", "kin_switch", "kin_sort", "kin_main",
                                                            "kin_check", "cmp_up", "cmp_down")}
        assert len(own) >= 6, name
        assert own <= found, (name, [gt[a] for a in own - found])


@pytest.mark.parametrize("name", ["elf64-O2", "elf32-O2", "elf64-clang-O2", "pe64-O2.exe", "pe32-O2.exe"])
def test_jump_table_edges(name: str) -> None:
    ex = extract(load_binary(fixture_path(name).read_bytes()))
    gt = {n.lstrip("_"): a for a, n in truth(name).items()}
    fn = next(f for f in ex.functions if f.start == gt["kin_switch"])
    blocks = ex.blocks_of(fn)
    widest = max(len(b.succ) for b in blocks)
    assert widest >= 9, "the switch's nine cases are successors of the table jump"
    assert any(ex.table.kind[b.rows[1]] == K_JMPI for b in blocks)


def test_noreturn_call_ends_block() -> None:
    name = "elf64-O0"
    ex = extract(load_binary(fixture_path(name).read_bytes()))
    gt = {n: a for a, n in truth(name).items()}
    die = next(f for f in ex.functions if f.start == gt["die"])
    # die() ends in a call to exit (noreturn): the function must not run into the next one
    nbytes, _ = ex.function_size(die)
    assert nbytes < gt["kin_check"] - gt["die"] + 1
    assert any(name == "exit" for name in ex.import_at.values())


def test_plt_thunks_named_and_kept_apart() -> None:
    ex = extract(load_binary(fixture_path("elf64-O2").read_bytes()))
    assert "puts" in {t.thunk_of for t in ex.thunks}
    assert not any(f.thunk_of for f in ex.functions)


def test_macho_objects() -> None:
    for b in load_binaries(fixture_path("macho-fat.o").read_bytes(), name="fat"):
        ex = extract(b)
        assert len(ex.functions) >= 7, b.arch


def test_columnar_tables_consistent() -> None:
    ex = extract(load_binary(fixture_path("pe64-O2.exe").read_bytes()))
    t = ex.table
    assert np.all(np.diff(t.ip) > 0), "one instruction per address, sorted"
    assert len(ex.block_first) == len(ex.block_last)
    assert np.all(ex.block_first <= ex.block_last)
    for f in ex.functions:
        nbytes, ninsn = ex.function_size(f)
        assert nbytes > 0 and ninsn > 0


def test_shared_computed_goto_dispatch() -> None:
    """Unoptimised gcc keeps one ``jmp reg`` that all opcodes of a computed-goto interpreter reach by
    direct jumps: its cases come from the dispatch sites' table loads, belong to the interpreter, and
    the table's entries in .rdata are not taken for function starts."""
    name = "pe32-dispatch-O0.exe"
    ex = extract(load_binary(fixture_path(name).read_bytes(), name=name))
    gt = truth(name)
    run = next(a for a, n in gt.items() if n == "_run")
    nxt = min(a for a in gt if a > run)
    fn = next(f for f in ex.functions if f.start == run)
    blocks = ex.blocks_of(fn)
    jumps = [b for b in blocks if ex.table.kind[b.rows[1]] == K_JMPI]
    assert len(jumps) == 1 and len(jumps[0].succ) == 12, "the twelve opcode labels"
    assert not [hex(f.start) for f in ex.functions if run < f.start < nxt], "no starts inside the interpreter"
    found = {f.start for f in ex.functions}
    assert len(found & set(gt)) / len(found) >= 0.95


def test_raw_record_sweep_matches_attribute_sweep() -> None:
    """The sweep reads iced's raw instruction records; the attribute path (kept for an iced with
    another layout) must give the same table, column for column, on real code."""
    from codekin.disasm import decoder

    assert decoder._RAW_OK  # the installed iced matches the layout, so the fast path is what runs
    n = n_br = n_imm = n_ref = 0
    for name in ("elf64-O0", "elf64-O2", "elf32-O2", "elf64-clang-O2", "hostile-O2", "pe32-O2.exe", "pe64-O2.exe"):
        b = load_binary(fixture_path(name).read_bytes(), name=name)
        dec = decoder.IcedDecoder(64 if b.arch == "x64" else 32)
        # a second decoder meets every opcode form in the attribute sweep first: the raw sweep
        # must still fill its own per-form tables (immediate widths) for forms classified there
        dec_rev = decoder.IcedDecoder(dec.bitness)
        for r in b.code_regions():
            raw = dec._sweep_raw(r.data, r.va, None)
            attrs = dec._sweep_attrs(r.data, r.va, None)
            attrs_rev = dec_rev._sweep_attrs(r.data, r.va, None)
            raw_rev = dec_rev._sweep_raw(r.data, r.va, None)
            for col in decoder.InsnTable.__slots__:
                a, c = getattr(raw, col), getattr(attrs, col)
                assert a.dtype == c.dtype and np.array_equal(a, c), (name, col)
                assert np.array_equal(getattr(raw_rev, col), a) and np.array_equal(getattr(attrs_rev, col), c), (
                    name, col)
            n += len(raw)
            n_br += int((raw.target >= 0).sum())
            n_imm += int((raw.imm != 0).sum())
            n_ref += int((raw.ref >= 0).sum())
    assert n > 5000 and n_br > 500 and n_imm > 500 and n_ref > 300  # every sparse column is exercised


def test_row_lookup_table_matches_binary_search() -> None:
    """``_Index.rows`` through its offset table gives what a binary search over ``ip`` gives, for
    instruction starts, addresses inside instructions and addresses outside the code."""
    from codekin.disasm.decoder import decoder_for
    from codekin.disasm.discover import _Index

    b = load_binary(fixture_path("pe64-O2.exe").read_bytes())
    code = b.code_regions()
    dec = decoder_for(b.arch)
    from codekin.disasm.decoder import InsnTable

    table = InsnTable.concat([dec.sweep(r.data, r.va) for r in code])
    idx = _Index(table, [(r.va, r.va + len(r.data)) for r in code])
    assert idx.lut is not None
    lo, hi = int(table.ip[0]), int(table.ip[-1])
    probe = np.r_[table.ip, table.ip + 1, np.arange(lo - 64, hi + 64), -1, 0, hi + 10**9].astype(np.int64)
    via_table = idx.rows(probe)
    idx.lut = None  # the binary search path
    via_search = idx.rows(probe)
    assert np.array_equal(via_table, via_search)
    assert (via_table[: len(table)] == np.arange(len(table))).all()


def _extraction_key(ex) -> tuple:  # type: ignore[no-untyped-def]
    fns = [(f.start, f.source, f.block_ids.tolist(), list(f.calls), list(f.tail_calls)) for f in ex.functions]
    thunks = [(f.start, f.source, f.block_ids.tolist()) for f in ex.thunks]
    stats = {k: v for k, v in ex.stats.items() if not k.endswith("_s")}
    return fns, thunks, stats, ex.block_first.tolist(), len(ex.table)


@pytest.mark.parametrize("name", ["elf64-O0", "elf64-O2", "elf64-clang-O2", "elf32-O2", "hostile-O0", "hostile-O2",
                                  "pe64-O0.exe", "pe64-O2.exe", "pe32-O2.exe", "pe32-dispatch-O0.exe"])
def test_compiled_walk_matches_python_walk(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The block walk in C (``_walk.c``) finds what the Python walk finds: the same functions, in
    the same order, with the same blocks, calls, tail calls and sources."""
    from codekin.disasm import discover

    assert discover._CWalker is not None, "the C walk was not built (scripts/setup.sh needs gcc and Python headers)"
    data = fixture_path(name).read_bytes()
    monkeypatch.setattr(discover, "USE_COMPILED_WALK", True)
    fast = _extraction_key(extract(load_binary(data, name=name)))
    monkeypatch.setattr(discover, "USE_COMPILED_WALK", False)
    slow = _extraction_key(extract(load_binary(data, name=name)))
    assert fast == slow
    assert len(fast[0]) > 5


def test_compiled_walker_rejects_inconsistent_columns() -> None:
    """The walker checks its columns once: wrong lengths and successors that are no block are a
    ValueError, never a read out of bounds."""
    from codekin.disasm import discover

    if discover._CWalker is None:
        pytest.skip("the C walk was not built")
    nb = 3
    i64 = lambda v: np.asarray(v, dtype=np.int64)  # noqa: E731
    u8 = lambda: np.zeros(nb, dtype=np.uint8)  # noqa: E731

    def cols(succ_t: list[int], owned: int = nb) -> list[object]:
        return [i64(succ_t), i64([-1] * nb), u8(), u8(), u8(), u8(), u8(), bytearray(nb), bytearray(nb), u8(),
                i64([-1] * nb), i64([0, 4, 8]), i64([0, 1, 2]), i64([0] * nb), i64([0] * nb), i64([]),
                i64([0] * nb), i64([0] * nb), i64([]), i64([]), bytearray(owned),
                np.ones(nb, dtype=np.uint8), i64([0, 1, 2]), i64([0])]

    c = cols([1, 2, -1])
    w = discover._CWalker(*c)
    fn_map: dict[int, object] = {}
    walked, off, missing = w.drain([(0, "entry", 0)], fn_map, False, 10)
    assert (walked, off, missing) == (1, [], [])
    assert fn_map == {0: ("entry", [0, 1, 2], [], [])}  # edges taken through the full checks
    assert c[20] == bytearray(b"\x01\x01\x01")  # the blocks taken are marked owned, in place
    with pytest.raises(ValueError):
        discover._CWalker(*cols([1, 3, -1]))  # block 3 does not exist
    with pytest.raises(ValueError):
        discover._CWalker(*cols([1, 2, -1], owned=2))
    with pytest.raises(ValueError):
        w.drain([(0, "entry", 5)], {}, False, 10)  # row 5 does not exist
