"""Function discovery and CFGs on stripped code, columnar: one linear sweep per code region into
numpy arrays, then recursive descent at basic-block granularity over those arrays.

Seeds, strongest first: entry point, exports, symbols, unwind tables (``.eh_frame`` FDEs, ``.pdata``),
init/fini arrays, TLS callbacks, Mach-O function starts; then the targets of direct calls from code
already reached, tail calls (jumps to a known start), address-taken code (``lea``/``push`` of a code
address at the start of an unclaimed chunk) and a gap scan that accepts a prologue after padding.
Branch targets that fall inside a swept instruction are re-decoded from the target (only when they
come from reached code, so data decoded as garbage never rewrites real code). Blocks reached from two
functions (shared chunks) belong to both.
"""

from __future__ import annotations

import gc
import os
import time
from array import array
from bisect import bisect_right
from collections import Counter
from itertools import chain
from operator import itemgetter

import iced_x86
import numpy as np
import numpy.ma  # np.unique imports it on its first call: imported once per process here, not in a file's analysis

from codekin.binary.model import Binary
from codekin.disasm import jumptables
from codekin.disasm.decoder import (
    K_CALL,
    K_CALLI,
    K_JCC,
    K_JMP,
    K_JMPI,
    K_PAD,
    K_RET,
    K_STOP,
    InsnTable,
    decoder_for,
    raw_records,
)
from codekin.disasm.model import Extraction, Function
from codekin.errors import TimeBudgetExceeded

try:  # the compiled block walk (src/codekin/disasm/_walk.c), built at install where a C compiler is at hand
    from codekin.disasm._walk import Walker as _CWalker
except ImportError:  # pragma: no cover - depends on the install
    _CWalker = None

# set to False (tests, or CODEKIN_PURE_WALK=1 in the environment) to take the Python walk
USE_COMPILED_WALK = _CWalker is not None and os.environ.get("CODEKIN_PURE_WALK", "") not in ("1", "true", "yes")

NORETURN = frozenset({
    "exit", "_exit", "_Exit", "abort", "__stack_chk_fail", "__assert_fail", "__assert_perror_fail",
    "__fortify_fail", "__chk_fail", "longjmp", "siglongjmp", "__longjmp_chk", "pthread_exit", "err",
    "errx", "verr", "verrx", "__cxa_throw", "__cxa_rethrow", "__cxa_bad_cast", "__cxa_bad_typeid",
    "_Unwind_Resume", "__cxa_call_unexpected", "quick_exit", "thrd_exit", "ExitProcess", "ExitThread",
    "FatalExit", "FatalAppExitA", "FatalAppExitW", "RaiseFailFastException", "_CxxThrowException",
    "_invalid_parameter_noinfo_noreturn", "_invoke_watson", "__report_rangecheckfailure", "_assert",
    "_wassert", "__std_terminate", "terminate", "_amsg_exit", "__mingw_raise_matherr_noreturn",
})

_SEED_ORDER = ("entry", "export", "symbol", "unwind", "init", "fini", "init_array", "tls_callback",
               "function_starts")
_PROLOGUE_X64 = {_r for _r in ()}  # filled below


# the lea/mov no-op fillers gcc and mingw emit, byte for byte (checked before decoding)
_FILLER = frozenset(bytes.fromhex(h) for h in (
    "8d7600", "8d742600", "8db600000000", "8db42600000000", "8dbc2700000000", "8dbf00000000", "89f6", "8d7f00",
    "8d3f", "8d36", "8db42000000000", "8d742000", "8dbc2000000000"))


def _byte_keys(joined: bytes, lens: np.ndarray) -> np.ndarray:
    """One int64 per run of ``lens`` bytes laid end to end in ``joined``: the bytes (up to 7,
    little-endian) with the length in the top byte; -1 for runs longer than 7 bytes. Built as one
    8-byte little-endian word per run from a single (runs x 7) gather (measured 2x faster than
    or-ing in one byte position at a time)."""
    lens = np.asarray(lens, dtype=np.int64)
    b = np.frombuffer(joined + bytes(7), dtype=np.uint8)  # 7 zero bytes: windows past the end read zeros
    start = np.cumsum(lens) - lens
    j = np.arange(7, dtype=np.int64)
    words = np.zeros((len(lens), 8), dtype=np.uint8)
    words[:, :7] = np.where(j < lens[:, None], b[start[:, None] + j], 0)
    words[:, 7] = np.minimum(lens, 255)
    return np.where(lens <= 7, words.view("<i8").ravel(), -1)


_FILLER_KEYS = _byte_keys(b"".join(sorted(_FILLER)), np.asarray([len(f) for f in sorted(_FILLER)], dtype=np.int64))


def _kind_in(kind: np.ndarray, kinds: tuple[int, ...]) -> np.ndarray:
    """``np.isin`` for the small K_* codes, by table look-up."""
    lut = np.zeros(16, dtype=bool)
    lut[list(kinds)] = True
    return lut[kind]


# the opcode forms the lea/mov no-op fillers decode to, as a table over iced Code ids
_FILLER_CODES = np.zeros(1 << 16, dtype=bool)
_FILLER_CODES[[iced_x86.Code.LEA_R32_M, iced_x86.Code.LEA_R64_M, iced_x86.Code.MOV_R32_RM32,
               iced_x86.Code.MOV_RM32_R32, iced_x86.Code.XCHG_R16_AX]] = True


# the mnemonics _Analysis._looks_like_prologue can accept: a gap candidate whose swept instruction
# (its Code) has another mnemonic is no prologue, and is not decoded again to say so (about 24,000
# re-decodes in the gap scans of the dev set's 49 win queries, 2.7 us each)
_PROLOGUE_MNEMONICS = frozenset({iced_x86.Mnemonic.ENDBR64, iced_x86.Mnemonic.ENDBR32, iced_x86.Mnemonic.PUSH,
                                 iced_x86.Mnemonic.SUB, iced_x86.Mnemonic.MOV})
_PROLOGUE_CODE: dict[int, bool] = {}


def _may_open_prologue(code: int) -> bool:
    """False where a swept instruction of this Code cannot be what ``_looks_like_prologue`` accepts;
    True for the mnemonics it reads and for INVALID (a sweep cut short at a region's end: the decode
    there reads on, so it decides)."""
    v = _PROLOGUE_CODE.get(code)
    if v is None:
        v = code == iced_x86.Code.INVALID or iced_x86.OpCodeInfo(code).mnemonic in _PROLOGUE_MNEMONICS
        _PROLOGUE_CODE[code] = v
    return v


_LEA_CODES = np.zeros(1 << 16, dtype=bool)
_LEA_CODES[[iced_x86.Code.LEA_R16_M, iced_x86.Code.LEA_R32_M, iced_x86.Code.LEA_R64_M]] = True


class _Index:
    """Address <-> row look-ups over a sorted ``ip`` column.

    Rows are found through a table indexed by the offset from the first instruction (one int32 per
    byte of the swept span) when that span is not much larger than the instructions: a look-up is
    then one memory access, where a binary search over millions of rows is ~23 scattered ones
    (measured: ``np.searchsorted`` of every branch target was ~1 s of the corpus's 13)."""

    def __init__(self, table: InsnTable, code_ranges: list[tuple[int, int]]) -> None:
        self.ip = table.ip
        self.n = len(table)
        cr = sorted(code_ranges)
        self.cstart = np.asarray([a for a, _ in cr], dtype=np.int64)
        self.cend = np.asarray([b for _, b in cr], dtype=np.int64)
        self.ranges = cr
        self.few_disjoint = len(cr) <= 4 and all(cr[i][1] <= cr[i + 1][0] for i in range(len(cr) - 1))
        self.lut: np.ndarray | None = None
        # whether no two rows share an address (overlapping sections): a look-up then finds the
        # only row at an address
        self.unique = bool(self.n < 2 or (self.ip[1:] > self.ip[:-1]).all())
        if self.n:
            lo = int(self.ip[0])
            span = int(self.ip[-1]) - lo + 1
            if 0 < span <= min(8 * self.n + 4096, 1 << 26) and self.n < 1 << 31:
                # cell k + 1 holds the row at lo + k; cells 0 and span + 1 hold -1, so that one
                # clipped ``take`` answers addresses below and above the span too
                lut = np.full(span + 2, -1, dtype=np.int32)
                if self.unique:
                    lut[self.ip - (lo - 1)] = np.arange(self.n, dtype=np.int32)
                else:
                    # reversed, so that of equal addresses (overlapping sections) the first row is
                    # kept, as a left binary search finds it
                    lut[(self.ip[::-1] - (lo - 1))] = np.arange(self.n - 1, -1, -1, dtype=np.int32)
                self.lut, self.lo, self.span = lut, lo, span


    def rows(self, addrs: np.ndarray) -> np.ndarray:
        """Row of each address, -1 where no instruction starts there."""
        if self.n == 0:
            return np.full(addrs.shape, -1, dtype=np.int64)
        if self.lut is not None:
            # one clipped take (3x faster than masking the offsets in and out of the span, measured)
            off = np.asarray(addrs, dtype=np.int64) - (self.lo - 1)
            return self.lut.take(off, mode="clip").astype(np.int64)
        idx = np.searchsorted(self.ip, addrs)
        idx_c = np.minimum(idx, self.n - 1)
        ok = (idx < self.n) & (self.ip[idx_c] == addrs)
        return np.where(ok, idx_c, -1)

    def row(self, addr: int) -> int:
        return int(self.rows(np.asarray([addr], dtype=np.int64))[0])

    def in_code(self, addrs: np.ndarray) -> np.ndarray:
        if not len(self.cstart):
            return np.zeros(addrs.shape, dtype=bool)
        if self.few_disjoint:
            # a handful of ranges that do not overlap: two compares each beat a binary search
            out = (addrs >= self.cstart[0]) & (addrs < self.cend[0])
            for a, b in self.ranges[1:]:
                out |= (addrs >= a) & (addrs < b)
            return out
        k = np.searchsorted(self.cstart, addrs, side="right") - 1
        kc = np.maximum(k, 0)
        return (k >= 0) & (addrs < self.cend[kc])


def _run_start(breaks: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """First row of the run of contiguous instructions each of ``rows`` lies in: the row after the
    last break (a row not contiguous with the next) before it, 0 when there is none."""
    k = np.searchsorted(breaks, rows - 1, side="right") - 1
    return np.where(k >= 0, breaks[np.maximum(k, 0)] + 1, 0)


def extract(binary: Binary, *, deadline: float | None = None) -> Extraction:
    """Bytes already loaded as ``binary`` -> functions with CFGs.

    The cyclic garbage collector is paused meanwhile: the walk allocates millions of short-lived
    tuples, lists and sets, none of them in a reference cycle (reference counting frees them all
    the same). Measured on the 240 corpus builds through gc callbacks: the collector's passes took
    0.35 s of 8.4 s CPU (1,400 collections); paused here and in the loader, 0.11 s (what survives
    the analysis is still scanned once the collector runs again)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract(binary, deadline)
    finally:
        if was_enabled:
            gc.enable()


def _extract(binary: Binary, deadline: float | None) -> Extraction:
    t0 = time.monotonic()
    dec = decoder_for(binary.arch)
    code = binary.code_regions()
    table = InsnTable.concat([dec.sweep(r.data, r.va, deadline) for r in code])
    t_decode = time.monotonic() - t0
    code_ranges = [(r.va, r.va + len(r.data)) for r in code]
    stub_ranges = binary.stub_ranges
    got = _got_address(binary)

    seeds = _seeds(binary)
    jt_cache: dict[tuple[int, int], tuple[int, ...]] = {}  # jump-table windows -> case targets, both rounds
    resynced = 0
    conflicts = 0
    rounds = 2  # a second pass only when reached code pointed inside swept instructions
    for rnd in range(rounds):
        _check(deadline, "discovery")
        state = _Analysis(binary, table, code_ranges, stub_ranges, got, seeds, deadline, jt_cache)
        state.run()
        missing = state.missing_targets()
        if not missing or rnd == rounds - 1:
            break
        new_table, n_new, n_conf = _resync(dec, binary, table, missing, state.covered_intervals(), deadline)
        resynced += n_new
        conflicts += n_conf
        if n_new == 0:
            break
        table = new_table
    stats = {
        "instructions": len(table),
        "decode_s": round(t_decode, 4),
        "total_s": round(time.monotonic() - t0, 4),
        "resynced_targets": resynced,
        "resync_conflicts": conflicts,
        "jump_tables": state.n_jump_tables,
        "sources": state.source_counts(),
    }
    fns, thunks = state.functions()
    if binary.code_regions() and len(fns) < 3 and "high_entropy" in binary.flags:
        binary.flags.append("packed")
    return Extraction(
        binary=binary, table=table, block_first=state.bfirst, block_last=state.blast,
        block_succ_t=state.succ_t_arr, block_succ_f=state.succ_f_arr,
        block_succ_jt=state.succ_jt, functions=fns, thunks=thunks, import_at=state.import_at, stats=stats,
    )


def _check(deadline: float | None, stage: str) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise TimeBudgetExceeded(f"{stage} ran out of time", stage=stage)


def _got_address(binary: Binary) -> int | None:
    for s in binary.sections:
        if s.name == ".got.plt":
            return s.va
    for s in binary.sections:
        if s.name == ".got":
            return s.va
    return None


_SEED_RANK = {s: i for i, s in enumerate(_SEED_ORDER)}


def _seeds(binary: Binary) -> list[tuple[int, str]]:
    """Seeds, strongest source first, in the loader's order within a source: the format's code
    hints, exports, symbols, unwind extents stably sorted by source rank. Only the hints mix
    sources; the other three lists are of one rank each and go in whole after the hints of
    their rank or below (the sort's key was a quarter of a million calls over the corpus)."""
    rank = _SEED_RANK
    hints = sorted(binary.code_hints, key=lambda x: rank.get(x[1], 99))
    hint_rank = [rank.get(src, 99) for _, src in hints]
    out: list[tuple[int, str]] = []
    k = 0
    for r, part in ((rank["export"], [(e.address, "export") for e in binary.exports]),
                    (rank["symbol"], [(s.address, "symbol") for s in binary.symbols if s.kind == "function"]),
                    (rank["unwind"], [(a, "unwind") for a, _ in binary.unwind_ranges])):
        j = bisect_right(hint_rank, r, k)
        out += hints[k:j]
        out += part
        k = j
    out += hints[k:]
    return out


class _Analysis:
    def __init__(self, binary: Binary, table: InsnTable, code_ranges: list[tuple[int, int]],
                 stub_ranges: list[tuple[int, int]], got: int | None, seeds: list[tuple[int, str]],
                 deadline: float | None, jt_cache: dict[tuple[int, int], tuple[int, ...]] | None = None) -> None:
        self.b = binary
        self.t = table
        self.jt_cache = {} if jt_cache is None else jt_cache
        self.idx = _Index(table, code_ranges)
        self.stub_ranges = stub_ranges
        self.got = got
        self.seeds = seeds
        self.deadline = deadline
        self.n_jump_tables = 0
        self.import_at: dict[int, str] = {}
        self._missing: set[int] = set()

    # ------------------------------------------------------------ blocks
    def _imports_and_noreturn(self) -> np.ndarray:
        t = self.t
        slot_name = {imp.address: imp.name for imp in self.b.imports if imp.name}
        noret = np.zeros(len(t), dtype=bool)
        if not slot_name or not len(t):
            return noret
        slots = np.fromiter(slot_name.keys(), dtype=np.int64)
        # the rows that reference a slot (tests over those rows only, not over every row)
        with_ref = np.flatnonzero(t.ref >= 0)
        hit = with_ref[np.isin(t.ref[with_ref], slots)]
        hit_kind = t.kind[hit]
        # thunks: jmp [slot]; calls: call [slot]
        jm = hit[hit_kind == K_JMPI]
        # an endbr straight before the thunk is its first instruction
        pj = np.maximum(jm - 1, 0)
        endbr = (jm > 0) & ((t.code[pj] == iced_x86.Code.ENDBR64) | (t.code[pj] == iced_x86.Code.ENDBR32)) \
            & (t.ip[pj] + t.length[pj] == t.ip[jm])
        for ref, a, eb, pa in zip(t.ref[jm].tolist(), t.ip[jm].tolist(), endbr.tolist(), t.ip[pj].tolist(),
                                  strict=True):
            name = slot_name[ref]
            self.import_at[a] = name
            if eb:
                self.import_at[pa] = name
        cm = hit[hit_kind == K_CALLI]
        for r in cm.tolist():
            if slot_name[int(t.ref[r])] in NORETURN:
                noret[r] = True
        noret_addrs = [a for a, nm in self.import_at.items() if nm in NORETURN]
        if noret_addrs:
            dc = np.flatnonzero(t.kind == K_CALL)
            noret[dc[np.isin(t.target[dc], np.asarray(noret_addrs, dtype=np.int64))]] = True
        return noret

    def _build_blocks(self) -> None:
        t = self.t
        n = len(t)
        self.noret = self._imports_and_noreturn()
        ip, kind = t.ip, t.kind
        end = ip + t.length
        contig = np.zeros(n, dtype=bool)
        if n > 1:
            contig[:-1] = end[:-1] == ip[1:]
        self.contig = contig
        term = _kind_in(kind, (K_JCC, K_JMP, K_JMPI, K_RET, K_STOP)) | self.noret
        leader = np.zeros(n, dtype=bool)
        pad = self._padding()
        if n:
            leader[0] = True
            leader[1:] = ~contig[:-1] | term[:-1]
            # the first instruction after a run of filler that follows a terminator (the last
            # non-filler row before it, or none)
            af = np.flatnonzero(pad[:-1] & ~pad[1:]) + 1
            if len(af):
                real = np.flatnonzero(~pad)
                k = np.searchsorted(real, af) - 1
                prev_real = np.where(k >= 0, real[np.maximum(k, 0)], -1)
                leader[af[(prev_real < 0) | term[np.maximum(prev_real, 0)]]] = True
        br = _kind_in(kind, (K_JCC, K_JMP, K_CALL))
        tr = self.idx.rows(t.target[br])
        leader[tr[tr >= 0]] = True
        seed_rows = self.seed_rows = self.idx.rows(np.asarray([a for a, _ in self.seeds], dtype=np.int64))
        leader[seed_rows[seed_rows >= 0]] = True
        # jump tables of every indirect jump (cheap: few of them); targets become leaders
        self.jt: dict[int, list[int]] = {}
        jmpi = np.nonzero(kind == K_JMPI)[0]
        # first row of the run of contiguous instructions each indirect jump lies in
        breaks = np.flatnonzero(~contig)
        run_start = _run_start(breaks, jmpi).tolist()
        # direct jumps by target, for indirect jumps that several dispatch sites share
        jr = np.flatnonzero(kind == K_JMP)
        jmp_from: dict[int, list[int]] = {}
        if len(jmpi):
            if self.idx.unique:  # the row at each target, one look-up
                trow = self.idx.rows(t.target[jr])
                hit = (trow >= 0) & (kind[np.maximum(trow, 0)] == K_JMPI)
            else:
                hit = np.isin(t.target[jr], ip[jmpi])
            for a, p in zip(t.target[jr[hit]].tolist(), jr[hit].tolist(), strict=True):
                jmp_from.setdefault(a, []).append(p)
        bits = self.b.bitness
        # jmp [base+disp] (PLT slots, vtables): no table in any window (resolve_insns); the jumps'
        # operands read from all of them decoded together
        no_table = self._memory_no_index(jmpi)
        for r, rs, skip in zip(jmpi.tolist(), run_start, no_table, strict=True):
            if skip:
                continue
            a_r = int(ip[r])
            if t.ref[r] >= 0 and a_r in self.import_at:
                continue
            e_r = int(end[r])
            # the base register is often loaded far before the jump: a window of 10 instructions,
            # then of 160. The rows from the run start on are contiguous, so decoding from any of
            # them gives the swept rows again: each window is decoded on its own, the long one only
            # when the short one resolves nothing (most tables resolve within 10 instructions)
            lo_far = max(r - 160, rs)
            far: list[iced_x86.Instruction] | None = None
            # a lone ``jmp reg`` after a jump: the code before it does not flow into it, the direct
            # jumps to it do (a shared dispatch)
            if r > 0 and a_r in jmp_from and int(kind[r - 1]) in (K_JMP, K_RET, K_JMPI):
                va = int(ip[lo_far])
                far = list(iced_x86.Decoder(bits, self.b.read(va, e_r - va), ip=va))
                if len(far) == r - lo_far + 1 and far[-1].op0_kind == iced_x86.OpKind.REGISTER and \
                        self._accept_cases(r, self._shared_dispatch(r, far[-1], jmp_from, breaks), leader):
                    continue
            targets: list[int] = []
            tried = -1
            for reach in (10, 160):
                lo = max(r - reach, rs)
                if lo == tried:
                    continue  # the same window again gives the same answer
                tried = lo
                # the answer depends on the window's bytes alone: a second round (after a resync) asks
                # the same windows again, and takes the first round's answers
                key = (int(ip[lo]), e_r)
                known = self.jt_cache.get(key)
                if known is not None:
                    targets = list(known)
                else:
                    if lo == lo_far and far is not None:
                        sub = far
                    else:
                        wva = key[0]
                        sub = list(iced_x86.Decoder(bits, self.b.read(wva, e_r - wva), ip=wva))
                    try:
                        targets = jumptables.resolve_insns(self.b, sub, self.got)
                    except (ValueError, OverflowError):
                        targets = []
                    self.jt_cache[key] = tuple(targets)
                if targets:
                    break
            self._accept_cases(r, targets, leader)
        self.leader = leader
        starts = np.nonzero(leader)[0]
        self.bfirst = starts.astype(np.int64)
        self.blast = np.empty_like(self.bfirst)
        if len(starts):
            self.blast[:-1] = starts[1:] - 1
            self.blast[-1] = n - 1
        self.block_of = np.cumsum(leader, dtype=np.int64)
        self.block_of -= 1
        nb = len(starts)
        last = self.blast
        lk = kind[last] if nb else np.zeros(0, dtype=np.uint8)
        fall_ok = contig[last] & ~_kind_in(lk, (K_JMP, K_JMPI, K_RET, K_STOP)) & ~self.noret[last]
        fall = np.where(fall_ok, self.block_of[np.minimum(last + 1, max(n - 1, 0))], -1)
        tgt_rows = self.idx.rows(np.where(_kind_in(lk, (K_JCC, K_JMP)), t.target[last], -1))
        tgt = np.where(tgt_rows >= 0, self.block_of[np.maximum(tgt_rows, 0)], -1)
        self.succ_t_arr, self.succ_f_arr = tgt, fall
        self.succ_t: list[int] = tgt.tolist()
        self.succ_f: list[int] = fall.tolist()
        self.succ_jt: dict[int, list[int]] = {}
        if self.jt:
            # every table's targets in one array: rows and blocks in one numpy call each
            jt_rows = list(self.jt)
            sizes = [len(v) for v in self.jt.values()]
            trs = self.idx.rows(np.fromiter(chain.from_iterable(self.jt.values()), dtype=np.int64,
                                            count=sum(sizes)))
            tb = np.where(trs >= 0, self.block_of[np.maximum(trs, 0)], -1).tolist()
            pos = 0
            for b, k in zip(self.block_of[jt_rows].tolist(), sizes, strict=True):
                self.succ_jt[b] = sorted({x for x in tb[pos:pos + k] if x >= 0})
                pos += k
            self.n_jump_tables += len(jt_rows)
        # off-sweep direct targets, per block (re-decoded when their block is reached)
        self.block_missing: dict[int, list[int]] = {}
        lkb = _kind_in(lk, (K_JCC, K_JMP))
        bad = np.nonzero(lkb & (tgt_rows < 0) & self.idx.in_code(t.target[last]))[0]
        for b in bad.tolist():
            self.block_missing.setdefault(b, []).append(int(t.target[last[b]]))
        # direct call targets per block
        # direct calls, without "call next instruction" (the i386 get-PC idiom, not a call of a function)
        cr = np.nonzero((kind == K_CALL) & (t.target != end))[0]
        cb = self.block_of[cr]  # ascending: rows are, and so are their blocks
        # the calls of block b are call_t[i:j] (targets) and call_r[i:j] (their rows), i, j = call_lo[b],
        # call_hi[b] (equal when it makes none)
        self.call_t: list[int] = t.target[cr].tolist()
        self.call_rows = self.idx.rows(t.target[cr])
        self.call_r: list[int] = self.call_rows.tolist()
        cut = np.flatnonzero(np.diff(cb)) + 1
        lo = np.r_[0, cut].astype(np.int64) if len(cb) else np.zeros(0, dtype=np.int64)
        hi = np.r_[cut, len(cb)].astype(np.int64) if len(cb) else np.zeros(0, dtype=np.int64)
        self.call_blocks = cb[lo]
        call_lo = np.zeros(nb, dtype=np.int64)
        call_hi = np.zeros(nb, dtype=np.int64)
        call_lo[self.call_blocks] = lo
        call_hi[self.call_blocks] = hi
        self.call_lo, self.call_hi = array("q", call_lo.tobytes()), array("q", call_hi.tobytes())

    def _memory_no_index(self, rows: np.ndarray) -> list[bool]:
        """Per row: whether its first operand is memory without an index register. The rows'
        bytes are decoded together in one pass (each decodes to itself: same bytes, same mode)."""
        if not len(rows):
            return []
        t = self.t
        lens = t.length[rows]
        raws = self.b.read_many(t.ip[rows], lens.astype(np.int64))
        insns = list(iced_x86.Decoder(self.b.bitness, b"".join(raws), ip=0))
        rec = raw_records(insns)
        if rec is not None and len(rec) == len(raws) and np.array_equal(rec["len"], lens):
            return ((rec["opk"][:, 0] == iced_x86.OpKind.MEMORY)
                    & (rec["index"] == iced_x86.Register.NONE)).tolist()  # type: ignore[no-any-return]
        out = []
        for raw, a in zip(raws, t.ip[rows].tolist(), strict=True):
            j = iced_x86.Decoder(self.b.bitness, raw, ip=a).decode()
            out.append(j.op0_kind == iced_x86.OpKind.MEMORY and j.memory_index == iced_x86.Register.NONE)
        return out

    def _accept_cases(self, r: int, targets: list[int], leader: np.ndarray) -> bool:
        """Record ``targets`` as the cases of the indirect jump at row ``r`` when at least half of
        them start an instruction of the sweep: a misread table (wrong bound, wrong base) otherwise
        sends discovery into the middle of other code. The cases become block leaders."""
        if not targets:
            return False
        ta = np.asarray(targets, dtype=np.int64)
        trs = self.idx.rows(ta)
        good = trs >= 0
        ng = int(np.count_nonzero(good))
        if ng < max(1, len(targets) // 2):
            return False
        self.jt[r] = targets if ng == len(targets) else ta[good].tolist()
        leader[trs[good]] = True
        return True

    def _shared_dispatch(self, r: int, jmp: iced_x86.Instruction, jmp_from: dict[int, list[int]],
                         breaks: np.ndarray) -> list[int]:
        """Case targets of a lone ``jmp reg`` that dispatch sites reach by direct jumps (gcc merges
        the indirect jumps of a computed-goto interpreter loop into one: ``mov eax,[eax*4+T];
        jmp L`` ... ``L: jmp eax``): each site's window, with this jump in place of its ``jmp L``."""
        t = self.t
        out: list[int] = []
        seen: set[int] = set()
        for p in jmp_from.get(int(t.ip[r]), [])[:256]:
            for reach in (10, 160):
                lo = max(p - reach, int(_run_start(breaks, np.asarray([p]))[0]))
                if lo >= p:
                    break
                va = int(t.ip[lo])
                insns = list(iced_x86.Decoder(self.b.bitness, self.b.read(va, int(t.ip[p] - va)), ip=va))
                try:
                    got = jumptables.resolve_insns(self.b, [*insns, jmp], self.got)
                except (ValueError, OverflowError):
                    got = []
                if got:
                    for a in got:
                        if a not in seen:
                            seen.add(a)
                            out.append(a)
                    break
        return out

    # ------------------------------------------------------------ traversal
    def run(self) -> None:
        self._build_blocks()
        t = self.t
        nb = len(self.bfirst)
        # ``owned`` is a numpy view of a bytearray the traversal writes into without numpy calls
        self.owned_buf = bytearray(nb)
        self.owned = np.frombuffer(self.owned_buf, dtype=bool)
        self.fn: dict[int, tuple[str, list[int], list[int], list[int]]] = {}
        queue: list[tuple[int, str, int]] = []
        seen_seed: set[int] = set()
        for (a, src), r in zip(self.seeds, self.seed_rows.tolist(), strict=True):
            if a in seen_seed:
                continue
            seen_seed.add(a)
            queue.append((a, src, r))
        # every direct call target and seed is a function start for tail-call purposes
        call_rows = self.call_rows  # rows of the direct call targets (_build_blocks)
        sflag = np.zeros(nb, dtype=np.uint8)
        sflag[self.block_of[call_rows[call_rows >= 0]]] = 1
        qr = np.fromiter((r for _, _, r in queue), dtype=np.int64, count=len(queue))
        qr = qr[qr >= 0]
        sflag[self.block_of[qr[self.leader[qr]]]] = 1
        sb_arr = np.flatnonzero(sflag)
        self.start_flag = bytearray(sflag)
        self.known_starts = np.unique(self.t.ip[self.bfirst[sb_arr]])
        kind = t.kind
        pad = self.pad
        # a block after filler, a gap or a ret/jmp starts a chunk (the row before its first row ends
        # the flow); computed per block: a chunk starts at a block's first row
        bf = self.bfirst
        prev = bf[1:] - 1
        self.chunk_start_b = np.ones(nb, dtype=bool)
        self.chunk_start_b[1:] = pad[prev] | ~self.contig[prev] | self.flow_end[prev]
        self.jmp_end_arr = kind[self.blast] == K_JMP if nb else np.zeros(0, dtype=bool)
        self.jmp_end = bytearray(self.jmp_end_arr.view(np.uint8))
        # the unwind range (function extent stated by .pdata / .eh_frame) each block lies in, -1 if none
        ur = sorted(set(self.b.unwind_ranges))
        self.ur_start = np.asarray([a for a, _ in ur], dtype=np.int64)
        ur_end = np.asarray([e for _, e in ur], dtype=np.int64)
        bip = t.ip[self.bfirst] if nb else np.zeros(0, dtype=np.int64)
        k = np.searchsorted(self.ur_start, bip, side="right") - 1
        inside = (k >= 0) & (bip < ur_end[np.maximum(k, 0)]) if len(ur) else np.zeros(nb, dtype=bool)
        self.block_range_arr = np.where(inside, k, -1).astype(np.int64)
        # per-block columns the traversal reads one value at a time: array/bytearray copies of the
        # numpy columns (a memory copy, where ``tolist`` builds one Python int per block)
        self.block_range = array("q", self.block_range_arr.tobytes())
        queue.reverse()  # pop() takes the strongest first
        self._drain(queue)
        self._ref_and_gap_scan()

    def _padding(self) -> np.ndarray:
        """Rows that are alignment filler: nops, int3, 00 00, and the lea/mov no-ops old gcc and
        mingw emit (``lea esi,[esi+0]``) where they follow a terminator."""
        t = self.t
        kind = t.kind
        n = len(t)
        pad = (kind == K_PAD) | (kind == K_STOP) | ((t.code == iced_x86.Code.ADD_RM8_R8) & (t.length == 2))
        cand = _FILLER_CODES[t.code]
        term = self.flow_end = _kind_in(kind, (K_RET, K_JMP, K_JMPI))
        if n > 1:
            after = np.zeros(n, dtype=bool)
            after[1:] = pad[:-1] | term[:-1]
            rows = np.flatnonzero(cand & after & ~pad)
            if len(rows):
                new_pad = rows[self._is_filler(rows)]
                pad[new_pad] = True
                # a run of two filler instructions is common: the rows straight after new filler
                # are the only ones a second pass over every row would add (a filler candidate
                # is no terminator, so none of them followed filler or a terminator before)
                nxt = new_pad + 1
                nxt = nxt[nxt < n]
                nxt = nxt[cand[nxt] & ~pad[nxt]]
                if len(nxt):
                    pad[nxt[self._is_filler(nxt)]] = True
        self.pad = pad
        return pad

    def _is_filler(self, rows: np.ndarray) -> np.ndarray:
        """Whether each row is a no-op filler: one of the known byte strings, or an instruction that
        moves a register onto itself (``lea r,[r+0]``, ``mov r,r``). The rows' bytes are decoded
        together in one pass (each decodes to itself: same bytes, same mode)."""
        t = self.t
        lens = t.length[rows]
        lens64 = lens.astype(np.int64)
        joined = self.b.gather(t.ip[rows], lens64)
        if joined is not None:
            # the known byte strings, as (bytes, length) keys compared in numpy
            out = np.isin(_byte_keys(joined, lens64), _FILLER_KEYS)
            raws: list[bytes] | None = None
        else:
            raws = self.b.read_many(t.ip[rows], lens64)
            out = np.fromiter(map(_FILLER.__contains__, raws), dtype=bool, count=len(raws))
            joined = b"".join(raws)
        insns = list(iced_x86.Decoder(self.b.bitness, joined, ip=0))
        rec = raw_records(insns) if insns else None
        if len(insns) != len(rows) or (
                not np.array_equal(rec["len"], lens) if rec is not None
                else any(i.len != ln for i, ln in zip(insns, lens.tolist(), strict=True))):
            if raws is None:
                raws = self.b.read_many(t.ip[rows], lens64)
            insns = [iced_x86.Decoder(self.b.bitness, raw, ip=a).decode()
                     for raw, a in zip(raws, t.ip[rows].tolist(), strict=True)]
            rec = raw_records(insns) if insns else None
        lea = iced_x86.Mnemonic.LEA
        none = iced_x86.Register.NONE
        reg = iced_x86.OpKind.REGISTER
        if rec is not None:
            # the same tests over the raw records' columns, in one pass (mnemonic and operand count
            # are per opcode form: read from each form's first row)
            code = rec["code"]
            uniq, first = np.unique(code, return_index=True)
            is_lea_u = np.asarray([insns[i].mnemonic == lea for i in first.tolist()], dtype=bool)
            two_u = np.asarray([insns[i].op_count == 2 for i in first.tolist()], dtype=bool)
            u = np.searchsorted(uniq, code)
            regs, opk = rec["regs"], rec["opk"]
            lea_same = (rec["base"] == regs[:, 0]) & (rec["displ"] == 0) & (rec["index"] == none)
            reg_same = two_u[u] & (opk[:, 1] == reg) & (opk[:, 0] == reg) & (regs[:, 0] == regs[:, 1])
            return out | np.where(is_lea_u[u], lea_same, reg_same)
        for k, ins in enumerate(insns):
            if out[k]:
                continue
            if ins.mnemonic == lea:
                same = ins.memory_base == ins.op0_register and ins.memory_displacement == 0 and \
                    ins.memory_index == none  # iced folds eiz away
            else:
                same = ins.op_count == 2 and ins.op1_kind == reg and ins.op0_kind == reg and \
                    ins.op0_register == ins.op1_register
            out[k] = same
        return out

    def _data_pointers(self) -> np.ndarray:
        """Pointer-sized values in the non-code sections that point into code (function pointer
        tables, vtables, CRT init tables)."""
        size = self.b.bitness // 8
        dt = np.dtype("<u8") if size == 8 else np.dtype("<u4")
        out = []
        for r in self.b.regions:
            if r.executable or len(r.data) < size:
                continue
            usable = len(r.data) - len(r.data) % size
            vals = np.frombuffer(r.data[:usable], dtype=dt).astype(np.int64)
            out.append(vals[self.idx.in_code(vals)])
        return np.unique(np.concatenate(out)) if out else np.zeros(0, dtype=np.int64)

    def _in_stub(self, a: int) -> bool:
        return any(s <= a < e for s, e in self.stub_ranges)

    def _drain(self, queue: list[tuple[int, str, int]], weak: bool = False) -> None:
        """Recursive descent from each (address, why, row) in ``queue``; new callees are queued.
        The compiled walk where it was built, else the Python one (same rules, same order)."""
        if USE_COMPILED_WALK and _CWalker is not None:
            self._drain_c(queue, weak)
        else:
            self._drain_py(queue, weak)

    def _walker(self) -> object:
        """The compiled walker over this analysis's per-block columns (views, built once)."""
        w = self.__dict__.get("_cwalker")
        if w is None:
            assert _CWalker is not None
            nb = len(self.bfirst)
            easy_t, easy_f, has_jt, extra = self._edge_flags()
            bip, bfirst_l, chunk_start_b = self._block_lists()
            has_missing = np.zeros(nb, dtype=np.uint8)
            has_missing[list(self.block_missing)] = 1
            # jump-table successors as spans of one flat array
            jt_lo = np.zeros(nb, dtype=np.int64)
            jt_hi = np.zeros(nb, dtype=np.int64)
            flat: list[int] = []
            for b, v in self.succ_jt.items():
                jt_lo[b] = len(flat)
                flat.extend(v)
                jt_hi[b] = len(flat)
            i64 = np.int64
            w = self._cwalker = _CWalker(
                np.ascontiguousarray(self.succ_t_arr, dtype=i64), np.ascontiguousarray(self.succ_f_arr, dtype=i64),
                easy_t, easy_f, has_jt, extra, has_missing, self.start_flag, self.jmp_end, chunk_start_b,
                self.block_range, bip, bfirst_l, jt_lo, jt_hi, np.asarray(flat, dtype=i64),
                self.call_lo, self.call_hi, np.asarray(self.call_t, dtype=i64),
                np.ascontiguousarray(self.call_rows, dtype=i64), self.owned_buf,
                np.ascontiguousarray(self.leader).view(np.uint8), np.ascontiguousarray(self.block_of, dtype=i64),
                np.ascontiguousarray(self.known_starts, dtype=i64))
        return w

    def _drain_c(self, queue: list[tuple[int, str, int]], weak: bool) -> None:
        """``_drain_py`` in C (``_walk.Walker.drain``), 1,024 functions at a time between checks of
        the time budget."""
        drain = self._walker().drain  # type: ignore[attr-defined]
        fn_map = self.fn
        while queue:
            _, off, miss = drain(queue, fn_map, weak, 1024)
            if off:
                arr = np.asarray(off, dtype=np.int64)
                self._missing.update(arr[self.idx.in_code(arr)].tolist())
            for b in miss:
                self._missing.update(self.block_missing[b])
            _check(self.deadline, "discovery")

    def _drain_py(self, queue: list[tuple[int, str, int]], weak: bool = False) -> None:
        """The walk in Python: the reference for the compiled one and its fallback.

        The walk runs in Python, one step per block, so each step does as little as it can: an edge
        that stays in the same stated extent and cannot be a tail call (``_edge_flags``) is taken
        after one ``seen`` test; only the others go through the full checks."""
        # memoryviews of the per-row columns: a Python int / bool per look-up, no numpy scalar
        block_of, leader = memoryview(self.block_of), memoryview(self.leader)
        succ_t, succ_f, succ_jt = self.succ_t, self.succ_f, self.succ_jt
        call_lo, call_hi = self.call_lo, self.call_hi
        call_t, call_r = self.call_t, self.call_r
        jmp_end = self.jmp_end
        brange = self.block_range
        sflag = self.start_flag  # block is in start_blocks
        block_missing = self.block_missing
        fn_map = self.fn
        ob = self.owned_buf
        easy_t, easy_f, has_jt, extra = self._edge_flags()
        known = self._known_list()
        n_known = len(known)
        # per block: address of its first instruction, its first row, whether it starts a chunk
        bip, bfirst_l, chunk_start_b = self._block_lists()
        count = 0
        while queue:
            a, src, r = queue.pop()
            if a in fn_map:
                continue
            if r < 0:
                if self.idx.in_code(np.asarray([a], dtype=np.int64))[0]:
                    self._missing.add(a)
                continue
            if not leader[r]:
                continue
            b0 = block_of[r]
            if weak and ob[b0]:
                continue  # address-taken code inside a function already found (e.g. switch cases)
            count += 1
            if count & 1023 == 0:
                _check(self.deadline, "discovery")
            own_range = brange[b0]
            # a jump past the next known function start leaves the function (tail call)
            k = bisect_right(known, a)
            next_start = known[k] if k < n_known else None
            seen = {b0}
            order = [b0]
            stack: list[int] = []
            tails: list[tuple[int, int]] = []
            # depth first; a block pushed and popped straight away (the last successor pushed)
            # is expanded in place instead: the same order, without the stack round trip
            b = b0
            while True:
                s = succ_t[b]
                if s >= 0 and easy_t[b] and not sflag[s]:
                    if s not in seen:
                        seen.add(s)
                        order.append(s)
                        stack.append(s)
                    s = succ_f[b]
                    if s >= 0 and easy_f[b] and not sflag[s]:
                        if s not in seen:
                            seen.add(s)
                            order.append(s)
                            b = s
                            continue
                        if not stack:
                            break
                        b = stack.pop()
                        continue
                    succ: tuple[int, ...] | list[int] = (s,)
                else:
                    s2 = succ_f[b]
                    if s2 < 0 and s < 0:
                        # no direct successor: a jump table's cases, if it ends in one (a block
                        # ending in an indirect jump has neither a target nor a fall-through)
                        if not has_jt[b]:
                            if not stack:
                                break
                            b = stack.pop()
                            continue
                        succ = succ_jt[b]
                    elif s2 >= 0 and easy_f[b] and not sflag[s2] and s < 0:
                        if s2 not in seen:
                            seen.add(s2)
                            order.append(s2)
                            b = s2
                            continue
                        if not stack:
                            break
                        b = stack.pop()
                        continue
                    else:
                        succ = (s, s2)
                # the full checks, in the successors' order
                for s in succ:
                    if s < 0 or s in seen:
                        continue
                    if own_range >= 0 and brange[s] >= 0 and brange[s] != own_range:
                        continue  # into another function's stated extent: never part of this one
                    if (sflag[s] and s != b0) or (
                        jmp_end[b] and chunk_start_b[s]
                        and (bip[s] < a or (next_start is not None and next_start <= bip[s]))
                    ):
                        tails.append((bip[s], bfirst_l[s]))
                        continue
                    seen.add(s)
                    order.append(s)
                    stack.append(s)
                if not stack:
                    break
                b = stack.pop()
            ft: list[int] = []
            fr: list[int] = []
            for b in order:
                ob[b] = 1
                if extra[b]:
                    i = call_lo[b]
                    j = call_hi[b]
                    if i != j:
                        ft.extend(call_t[i:j])
                        fr.extend(call_r[i:j])
                    if b in block_missing:
                        self._missing.update(block_missing[b])
            fn_map[a] = (src, order, ft, [c for c, _ in tails] if tails else [])
            for c, cr in zip(ft, fr, strict=True):
                if c not in fn_map:
                    queue.append((c, "call", cr))
            for c, cr in tails:
                if c not in fn_map:
                    queue.append((c, "tail", cr))

    def _edge_flags(self) -> tuple[bytearray, bytearray, bytearray, bytearray]:
        """Per block, as bytearrays (cheap to index from Python): whether its branch-target and its
        fall-through edge are plain (the successor lies in the same stated extent as the block, or
        both in none, and the edge is not a ``jmp`` into the start of a chunk), whether it ends in a
        jump table, whether it makes calls or has off-sweep targets."""
        flags = self.__dict__.get("_eflags")
        if flags is None:
            nb = len(self.bfirst)
            rng = self.block_range_arr
            cs = self.chunk_start_b
            je = self.jmp_end_arr
            out = []
            for sa in (self.succ_t_arr, self.succ_f_arr):
                sc = np.maximum(sa, 0)
                out.append(bytearray(((sa >= 0) & (rng[sc] == rng) & ~(je & cs[sc])).view(np.uint8)))
            has_jt = np.zeros(nb, dtype=np.uint8)
            has_jt[[b for b, v in self.succ_jt.items() if v]] = 1
            extra = np.zeros(nb, dtype=np.uint8)
            extra[self.call_blocks] = 1
            extra[list(self.block_missing)] = 1
            flags = self._eflags = (out[0], out[1], bytearray(has_jt), bytearray(extra))
        return flags

    def _known_list(self) -> list[int]:
        lst = self.__dict__.get("_known")
        if lst is None:
            lst = self._known = self.known_starts.tolist()
        return lst

    def _block_lists(self) -> tuple[array, array, bytearray]:
        lists = self.__dict__.get("_blists")
        if lists is None:
            bfirst = self.bfirst
            lists = self._blists = (array("q", self.t.ip[bfirst].astype(np.int64).tobytes()),
                                    array("q", bfirst.astype(np.int64).tobytes()),
                                    bytearray(self.chunk_start_b.view(np.uint8)))
        return lists

    def _ref_and_gap_scan(self) -> None:
        """Address-taken code and prologues after padding, in unclaimed chunks of code."""
        t = self.t
        n = len(t)
        if not n:
            return
        pad = self.pad
        data_ptrs = self._data_pointers()
        # without unwind tables nothing states where functions are: accept any clean body after padding
        relaxed = not self.b.unwind_ranges
        # unreferenced import thunks (mingw's jmp [__imp_X] stubs) at chunk starts
        thunk_rows = self.idx.rows(np.fromiter(self.import_at, dtype=np.int64, count=len(self.import_at))).tolist()
        queue = [(int(t.ip[r]), "thunk", r) for r in thunk_rows
                 if r >= 0 and self.leader[r] and self.chunk_start_b[self.block_of[r]]]
        queue.reverse()
        self._drain(queue)
        # a memory operand that is an address (lea) takes the address of code; one that reads or writes
        # there (fld tbyte [x], cmp [x],...) says the bytes at x are data, whatever section holds them
        addr_ref = (t.ref >= 0) & _LEA_CODES[t.code]
        # address-taken: lea/mov/push of a code address (the rows it points at; the same every round)
        vals = np.concatenate([t.ref[addr_ref], t.imm[(t.imm > 0) & (t.kind != K_CALL)], data_ptrs])
        vr = self.idx.rows(np.unique(vals[self.idx.in_code(vals)]))
        vr = vr[vr >= 0]
        # per block, not per row (a chunk starts at a block's first row; the row before it is the
        # last of the block before): whether the block is no filler, whether the flow breaks before it
        bfirst = self.bfirst
        real_b = ~pad[bfirst]
        break_b = self.chunk_start_b
        vr_ok = self.leader[vr] & ~self._inside_stated_extent(vr)  # the same every round
        vr_b = self.block_of[vr]
        for _ in range(3):
            owned = self.owned
            prev_free = break_b.copy()
            prev_free[1:] |= owned[:-1]
            chunk_b = real_b & ~owned & prev_free
            ref_rows = vr[vr_ok & chunk_b[vr_b]]
            queue = [(int(t.ip[r]), "ref", r) for r in ref_rows.tolist() if not self._in_stub(int(t.ip[r]))]
            queue.reverse()
            before = len(self.fn)
            self._drain(queue, weak=True)
            cand = bfirst[np.flatnonzero(chunk_b & ~self.owned)]
            cand = cand[~self._inside_stated_extent(cand)]
            for r in cand.tolist():
                if self.owned[self.block_of[r]]:
                    continue
                a = int(t.ip[r])
                if self._in_stub(a):
                    continue
                # straight after a call that does not return (no padding between) is the caller's
                # own code more often than a new function (mingw's _assert is declared returning)
                after_noret = r > 0 and self.contig[r - 1] and self.noret[r - 1]
                if not (_may_open_prologue(int(t.code[r])) and self._looks_like_prologue(a)) and not (
                        relaxed and not after_noret and self._plausible_body(r)):
                    continue
                sb = int(self.block_of[r])
                self.start_flag[sb] = 1
                self._drain([(a, "gap", r)], weak=True)
            if len(self.fn) == before:
                break

    def _inside_stated_extent(self, rows: np.ndarray) -> np.ndarray:
        """Rows inside (not at the start of) a function extent an unwind table states: code there
        belongs to that function (switch cases, split blocks), whatever points at it."""
        if not len(rows) or not len(self.ur_start):
            return np.zeros(len(rows), dtype=bool)
        rng = self.block_range_arr[self.block_of[rows]]
        ip = self.t.ip[rows]
        return (rng >= 0) & (self.ur_start[np.maximum(rng, 0)] != ip)

    def _plausible_body(self, r: int) -> bool:
        """Straight-line code from row ``r`` that reaches a return before any invalid instruction,
        padding or already-claimed code."""
        t = self.t
        owned = self.owned
        block_of = self.block_of
        n = len(t)
        for k in range(r, min(n, r + 4000)):
            kind = int(t.kind[k])
            if kind in (K_STOP, K_PAD) or owned[block_of[k]] or (k > r and not self.contig[k - 1]):
                return False
            if kind == K_RET:
                return k > r
            if kind in (K_JMP, K_JMPI):
                return k > r + 1
        return False

    def _looks_like_prologue(self, a: int) -> bool:
        raw = self.b.read(a, 16)
        if not raw:
            return False
        ins = iced_x86.Decoder(self.b.bitness, raw, ip=a).decode()
        m = ins.mnemonic
        M = iced_x86.Mnemonic
        R = iced_x86.Register
        if m in (M.ENDBR64, M.ENDBR32):
            return True
        if m == M.PUSH and ins.op0_kind == iced_x86.OpKind.REGISTER:
            return ins.op0_register in (R.RBP, R.EBP, R.RBX, R.EBX, R.RSI, R.ESI, R.RDI, R.EDI, R.R12,
                                        R.R13, R.R14, R.R15)
        if m == M.SUB and ins.op0_kind == iced_x86.OpKind.REGISTER and ins.op0_register in (R.RSP, R.ESP):
            return True
        if m == M.MOV and ins.op0_kind == iced_x86.OpKind.REGISTER and ins.op0_register == R.EDI \
                and ins.op1_kind == iced_x86.OpKind.REGISTER and ins.op1_register == R.EDI:
            return True  # hot-patch prologue mov edi, edi
        if m == M.MOV and ins.op0_kind == iced_x86.OpKind.MEMORY and ins.memory_base == R.RSP:
            return True  # MSVC x64 home-space spill
        return m == M.MOV and ins.op1_kind == iced_x86.OpKind.REGISTER and ins.op1_register == R.RSP

    # ------------------------------------------------------------ results
    def missing_targets(self) -> set[int]:
        return self._missing

    def covered_intervals(self) -> tuple[np.ndarray, np.ndarray]:
        rows = np.nonzero(self.owned[self.block_of])[0]
        return self.t.ip[rows], self.t.ip[rows] + self.t.length[rows]

    def source_counts(self) -> dict[str, int]:
        return dict(Counter(map(itemgetter(0), self.fn.values())))

    def functions(self) -> tuple[list[Function], list[Function]]:
        fns: list[Function] = []
        thunks: list[Function] = []
        keys = sorted(self.fn)
        starts = np.asarray(keys, dtype=np.int64)
        inside = self._inside_stated_extent(self.idx.rows(starts)).tolist()
        stub = np.zeros(len(starts), dtype=bool)
        for lo, hi in self.stub_ranges:
            stub |= (starts >= lo) & (starts < hi)
        # every function's blocks in one array, each function a view into it (one numpy call, not
        # one per function)
        recs = [self.fn[a] for a in keys]
        sizes = np.fromiter((len(r[1]) for r in recs), dtype=np.int64, count=len(recs))
        flat = np.fromiter(chain.from_iterable(r[1] for r in recs), dtype=np.int64, count=int(sizes.sum()))
        ends_a = np.cumsum(sizes)
        ends = ends_a.tolist()
        # blocks other functions reach past their entry: a weakly-seeded "function" starting at one
        # of them is a piece of that function (a switch case found through its jump table in data)
        past_entry = np.ones(len(flat), dtype=bool)
        past_entry[(ends_a - sizes)[sizes > 0]] = False
        interior = bytearray(len(self.bfirst))
        interior_np = np.frombuffer(interior, dtype=bool)
        interior_np[flat[past_entry]] = True
        import_at = self.import_at
        lo = 0
        for a, ins, in_stub, (src, order, calls, tails), hi in zip(keys, inside, stub.tolist(), recs, ends,
                                                                   strict=True):
            block_ids = flat[lo:hi]
            lo = hi
            if src in ("ref", "gap", "call", "tail") and ins and not in_stub:
                continue  # inside an extent the unwind tables give to another function
            if src in ("ref", "gap") and interior[order[0]]:
                continue
            f = Function(a, src, block_ids, calls, tails, import_at.get(a))
            if in_stub:
                thunks.append(f)
            else:
                fns.append(f)
        return fns, thunks


def _resync(dec, binary: Binary, table: InsnTable, missing: set[int],  # type: ignore[no-untyped-def]
            covered: tuple[np.ndarray, np.ndarray], deadline: float | None) -> tuple[InsnTable, int, int]:
    """Re-decode from each off-sweep target until the sweep is met again; the new instructions
    replace the swept ones they overlap. Targets inside reached instructions are conflicts, left."""
    cstart, cend = covered
    order = np.argsort(cstart)
    cstart, cend = cstart[order], cend[order]
    parts = []
    # the spans the new decodings cover (disjoint, ascending): the swept rows they overlap are dropped
    # in one pass at the end (a pass over every row per target was 19 of libLLVM's 64 s)
    span_lo: list[int] = []
    span_hi: list[int] = []
    ip = table.ip
    n_new = n_conf = 0
    done_upto = -1
    for a in sorted(missing):
        if a < done_upto:
            continue
        k = np.searchsorted(cstart, a, side="right") - 1
        if k >= 0 and a < cend[k]:
            n_conf += 1
            continue
        part = None
        cut = 0
        for span in (256, 4096):  # most re-decodings meet the sweep again within a few instructions
            chunk = binary.read(a, span)
            if not chunk:
                break
            part = dec.sweep(chunk, a, deadline)
            # stop where the new decoding meets an existing instruction boundary
            k = np.minimum(np.searchsorted(ip, part.ip[1:]), len(ip) - 1)
            hit = ip[k] == part.ip[1:]
            if hit.any():
                cut = int(np.argmax(hit)) + 1
                break
            cut = len(part)
        if part is None:
            continue
        part = part.take(np.arange(cut))
        if not len(part):
            continue
        lo, hi = int(part.ip[0]), int(part.ip[-1] + part.length[-1])
        span_lo.append(lo)
        span_hi.append(hi)
        parts.append(part)
        n_new += 1
        done_upto = hi
    if not parts:
        return table, 0, n_conf
    # a row overlaps some span iff it overlaps the last span starting before the row ends (the spans
    # are disjoint and ascending: a row reaching back into an earlier span reaches into that one too)
    los, his = np.asarray(span_lo, dtype=np.int64), np.asarray(span_hi, dtype=np.int64)
    k = np.searchsorted(los, ip + table.length, side="left") - 1
    drop = (k >= 0) & (ip < his[np.maximum(k, 0)])
    keep = table.take(np.nonzero(~drop)[0])
    return InsnTable.concat([keep, *parts]), n_new, n_conf
