"""Instruction decoding behind one small interface, output as columnar numpy arrays.

Decoder choice (measured with ``bench/decoders.py``; figures in BENCHMARKS.md, "Decoder choice"):
from Python, iced-x86 iterates a linear sweep at 8M instructions/s per core and reads ``len`` and
``code`` at 4.4M/s, while capstone's lightest API (``disasm_lite``: mnemonic and operand strings)
runs at 1.3M/s and its detail mode, which discovery would need, at 0.16M/s. iced-x86 also hands us
``code``, a position-independent opcode-and-operand-form id, which the fingerprints use directly.
So: iced-x86, with every per-instruction attribute beyond ``len``/``code`` fetched only for the
instruction forms that need it (branches, memory operands, immediates), decided once per form, and
read through ``map``/``attrgetter`` so that no Python bytecode runs per instruction.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice, pairwise
from operator import attrgetter, methodcaller
from typing import Protocol

import iced_x86
import numpy as np

from codekin.errors import TimeBudgetExceeded

try:  # the compiled record reader (src/codekin/disasm/_rawdec.c), built at install where a C compiler is at hand
    from codekin.disasm import _rawdec
except ImportError:  # pragma: no cover - install without a C compiler
    _rawdec = None  # type: ignore[assignment]

# instruction kinds (column ``kind``)
K_NEXT = 0
K_JCC = 1
K_JMP = 2
K_JMPI = 3
K_CALL = 4
K_CALLI = 5
K_RET = 6
K_STOP = 7  # int3, hlt, ud2, invalid: execution does not go on
K_PAD = 8  # nop forms: falls through, but marks padding

# per-code feature bits
_F_BR = 1 << 4  # near branch with an immediate target
_F_MEM = 1 << 5
_F_IMM = 1 << 6
_F_RIP = 1 << 7  # memory base decided per instruction (RIP-relative or absolute)

_IMM_KINDS = {
    iced_x86.OpKind.IMMEDIATE8, iced_x86.OpKind.IMMEDIATE16, iced_x86.OpKind.IMMEDIATE32,
    iced_x86.OpKind.IMMEDIATE64, iced_x86.OpKind.IMMEDIATE8TO16, iced_x86.OpKind.IMMEDIATE8TO32,
    iced_x86.OpKind.IMMEDIATE8TO64, iced_x86.OpKind.IMMEDIATE32TO64,
}
_FC = iced_x86.FlowControl
_STOP_MNEMONICS = {iced_x86.Mnemonic.HLT, iced_x86.Mnemonic.UD2, iced_x86.Mnemonic.UD0, iced_x86.Mnemonic.UD1}
_CHUNK = 1 << 16
_UNKNOWN = 0xFFFF  # flags of an opcode form not classified yet (real flags fit in 11 bits)
# instructions per joined batch of raw records: small enough that a batch's objects stay in cache
# (measured on a 300k-instruction library: 61 ms at 1-8k against 72 ms at 64k)
_RAW_CHUNK = 1 << 12
_GET_CODE = attrgetter("code")
_GET_LEN = attrgetter("len")
_GET_TARGET = attrgetter("near_branch_target")
_GET_IPREL = attrgetter("is_ip_rel_memory_operand")
_GET_IPREL_ADDR = attrgetter("ip_rel_memory_address")
_GET_BASE = attrgetter("memory_base")
_GET_DSIZE = attrgetter("memory_displ_size")
_GET_DISPL = attrgetter("memory_displacement")


@dataclass(slots=True)
class InsnTable:
    """One row per decoded instruction, sorted by ``ip``; sparse columns hold -1 / 0 when absent."""

    ip: np.ndarray  # int64
    length: np.ndarray  # uint8
    code: np.ndarray  # uint16: iced Code (opcode + operand form), position independent
    kind: np.ndarray  # uint8: K_*
    target: np.ndarray  # int64: direct branch/call target, -1
    ref: np.ndarray  # int64: absolute memory address referenced (RIP-relative or absolute), -1
    imm: np.ndarray  # int64: first immediate operand, 0

    def __len__(self) -> int:
        return int(self.ip.shape[0])

    @staticmethod
    def empty() -> InsnTable:
        z = np.zeros(0, dtype=np.int64)
        return InsnTable(z, z.astype(np.uint8), z.astype(np.uint16), z.astype(np.uint8), z, z, z)

    @staticmethod
    def concat(parts: list[InsnTable]) -> InsnTable:
        parts = [p for p in parts if len(p)]
        if not parts:
            return InsnTable.empty()
        if len(parts) == 1:
            return parts[0]
        t = InsnTable(*(np.concatenate([getattr(p, f) for p in parts]) for f in InsnTable.__slots__))
        if all(bool((p.ip[1:] >= p.ip[:-1]).all()) for p in parts) and all(
                int(a.ip[-1]) <= int(b.ip[0]) for a, b in pairwise(parts)):
            return t  # already in order (regions swept in address order): the sort would not move a row
        order = np.argsort(t.ip, kind="stable")
        return t.take(order)

    def take(self, idx: np.ndarray) -> InsnTable:
        return InsnTable(*(getattr(self, f)[idx] for f in InsnTable.__slots__))


class Decoder(Protocol):
    """What discovery needs from an instruction decoder (one per architecture family)."""

    bitness: int

    def sweep(self, data: bytes, va: int, deadline: float | None = None) -> InsnTable: ...

    def mnemonic_names(self) -> dict[int, str]: ...


class IcedDecoder:
    """x86 / x64 through iced-x86."""

    def __init__(self, bitness: int) -> None:
        if bitness not in (16, 32, 64):
            raise ValueError(bitness)
        self.bitness = bitness
        self._info: list[int] = [-1] * _N_CODES
        self._info_arr: np.ndarray | None = None
        self._info16 = np.full(_N_CODES, _UNKNOWN, dtype=np.uint16)
        self._kind8 = np.zeros(_N_CODES, dtype=np.uint8)
        # per form with an immediate operand: the bits kept from the record's imm field, the sign
        # bit to extend (0: none) and whether the displacement field holds the high half
        self._imm_mask = np.zeros(_N_CODES, dtype=np.int64)
        self._imm_sb = np.zeros(_N_CODES, dtype=np.int64)
        self._imm_wide = np.zeros(_N_CODES, dtype=bool)
        self._tabled = np.zeros(_N_CODES, dtype=bool)  # forms whose tables above are filled

    def _classify(self, ins: iced_x86.Instruction) -> int:
        fc = ins.flow_control
        mn = ins.mnemonic
        if ins.code == iced_x86.Code.INVALID or mn in _STOP_MNEMONICS:
            kind = K_STOP
        elif fc == _FC.NEXT:
            kind = K_PAD if mn == iced_x86.Mnemonic.NOP else K_NEXT
        elif fc == _FC.UNCONDITIONAL_BRANCH:
            kind = K_JMP if ins.op0_kind in _NEAR else K_STOP
        elif fc == _FC.INDIRECT_BRANCH:
            kind = K_JMPI
        elif fc == _FC.CONDITIONAL_BRANCH:
            kind = K_JCC
        elif fc == _FC.RETURN:
            kind = K_RET
        elif fc == _FC.CALL:
            kind = K_CALL if ins.op0_kind in _NEAR else K_CALLI
        elif fc == _FC.INDIRECT_CALL:
            kind = K_CALLI
        elif fc == _FC.INTERRUPT:
            kind = K_STOP if mn == iced_x86.Mnemonic.INT3 else K_NEXT
        elif fc == _FC.EXCEPTION:
            kind = K_STOP
        else:
            kind = K_NEXT
        flags = kind
        if kind in (K_JCC, K_JMP, K_CALL):
            flags |= _F_BR
        immidx = 0
        if _maybe_memory(ins.code):  # RM forms: whether it is memory is decided per instruction
            flags |= _F_MEM
        for i in range(ins.op_count):
            k = ins.op_kind(i)
            if k in _IMM_KINDS and not flags & _F_IMM:
                flags |= _F_IMM
                immidx = i
        return flags | (immidx << 8)

    def sweep(self, data: bytes, va: int, deadline: float | None = None) -> InsnTable:
        """Linear sweep of ``data`` mapped at ``va``, every byte decoded once."""
        if _RAW_OK:
            return self._sweep_raw(data, va, deadline)
        return self._sweep_attrs(data, va, deadline)

    def _sweep_raw(self, data: bytes, va: int, deadline: float | None) -> InsnTable:
        """The sweep through iced's raw instruction records: ``Instruction.__getstate__`` hands back
        the 40-byte struct iced decodes into, so one C-level call per instruction (joined per batch
        and viewed as a numpy record array) yields every column at once. Measured on a 300k
        instruction library: 63 ms against 93 ms for reading ``code`` and ``len`` through
        ``attrgetter`` and then the branch, memory and immediate attributes of the rows that need
        them (most rows have a form that may take a memory operand, so that pass is not sparse)."""
        dec = iced_x86.Decoder(self.bitness, data, ip=va)
        # the fields read below, copied out of each batch while it is in cache (no second copy of
        # the whole records); every instruction takes a byte at least, so len(data) rows suffice
        # (np.empty: pages past the rows used are never touched)
        cap = len(data)
        length_c = np.empty(cap, dtype=np.uint8)
        code_c = np.empty(cap, dtype=np.uint16)
        base_c = np.empty(cap, dtype=np.uint8)
        opk0_c = np.empty(cap, dtype=np.uint8)
        dsz_c = np.empty(cap, dtype=np.uint8)
        imm_c = np.empty(cap, dtype=np.uint32)
        displ_c = np.empty(cap, dtype=np.uint64)
        n = 0
        while True:
            raw = _take_records(dec, _RAW_CHUNK)
            m = len(raw) // _RAW.itemsize
            if m:
                rec = np.frombuffer(raw, dtype=_RAW)
                e = n + m
                if e > len(length_c):  # (not seen: a row takes one byte at least) grow all columns
                    length_c, code_c, base_c, opk0_c, dsz_c, imm_c, displ_c = (
                        np.concatenate([c, np.empty(max(e, 2 * len(c)) - len(c), dtype=c.dtype)])
                        for c in (length_c, code_c, base_c, opk0_c, dsz_c, imm_c, displ_c))
                length_c[n:e] = rec["len"]
                code_c[n:e] = rec["code"]
                base_c[n:e] = rec["base"]
                opk0_c[n:e] = rec["opk"][:, 0]
                dsz_c[n:e] = rec["dsz"]
                imm_c[n:e] = rec["imm"]
                displ_c[n:e] = rec["displ"]
                n = e
            if m < _RAW_CHUNK or not dec.can_decode:
                break
            if deadline is not None and time.monotonic() > deadline:
                raise TimeBudgetExceeded("decoding ran out of time", stage="decode")
        if not n:
            return InsnTable.empty()
        length = length_c[:n].copy()
        code = code_c[:n].copy()
        base, opk0, dsz, imm_f, displ = base_c[:n], opk0_c[:n], dsz_c[:n], imm_c[:n], displ_c[:n]
        ip = np.empty(n, dtype=np.int64)
        ip[0] = va
        np.cumsum(length[:-1], out=ip[1:])
        ip[1:] += va
        f = self._flags_raw(code, data, ip, va)
        kind = self._kind8[code]
        target = np.full(n, -1, dtype=np.int64)
        rows = np.flatnonzero(f & _F_BR)
        if len(rows):
            # near_branch_target: the target sits in the displacement field, cut to the operand size
            k0 = opk0[rows]
            t = displ[rows] & np.where(k0 == _OPK_NB64, _M64, np.where(k0 == _OPK_NB32, _M32, _M16))
            target[rows] = np.where(_NEAR_ARR[k0], t, 0).view(np.int64)
        ref = np.full(n, -1, dtype=np.int64)
        # the rare field tested first over every row, the per-form tests on its rows only
        if self.bitness == 64:
            # RIP/EIP-relative operands (iced keeps the absolute address in the displacement field)
            rows = np.flatnonzero((base == _REG_RIP) | (base == _REG_EIP))
            rows = rows[(f[rows] & _F_MEM).astype(bool) & (length[rows] >= 6)]
            vals = np.where(base[rows] == _REG_RIP, displ[rows], displ[rows] & _M32)
        else:
            rows = np.flatnonzero(dsz != 0)
            rows = rows[(f[rows] & _F_MEM).astype(bool) & (length[rows] >= 4) & (base[rows] == _REG_NONE)]
            vals = displ[rows]
        if len(rows):
            vals_s = (vals & np.uint64((1 << self.bitness) - 1)).view(np.int64)
            ref[rows] = np.where(vals_s >= 0, vals_s, -1)
        imm = np.zeros(n, dtype=np.int64)
        rows = np.flatnonzero(f & _F_IMM)
        if len(rows):
            # the immediate operand's kind is a property of the opcode form: its width and
            # sign-extension come from per-form tables, the value from the record's imm field
            c = code[rows]
            v = imm_f[rows].astype(np.int64)
            sb = self._imm_sb[c]
            imm[rows] = ((v & self._imm_mask[c]) ^ sb) - sb
            wide = rows[self._imm_wide[c]]
            if len(wide):  # Immediate64: the displacement field holds the high half
                imm[wide] = (displ[wide] << np.uint64(32)).view(np.int64) | imm[wide]
            for r in rows[(f[rows] >> 8) >= 4].tolist():
                # a fifth operand (XOP/AVX imm8 selectors): rare, read through iced itself
                off = int(ip[r]) - va
                ins = iced_x86.Decoder(self.bitness, data[off:off + 15], ip=int(ip[r])).decode()
                imm[r] = np.uint64(ins.immediate(int(f[r]) >> 8)).view(np.int64)
        return InsnTable(ip, length, code, kind, target, ref, imm)

    def _flags_raw(self, code: np.ndarray, data: bytes, ip: np.ndarray, va: int) -> np.ndarray:
        """Per-row feature flags; opcode forms not seen before are classified from their first row
        (decoded again from its bytes: the raw records are not ``Instruction`` objects)."""
        f = self._info16[code]
        if len(f) and int(f.max()) == _UNKNOWN:
            info = self._info
            miss = np.flatnonzero(f == _UNKNOWN)  # the rows of forms not classified yet
            uniq, first = np.unique(code[miss], return_index=True)
            first = miss[first]
            for c, r in zip(uniq.tolist(), first.tolist(), strict=True):
                off = int(ip[r]) - va
                ins = iced_x86.Decoder(self.bitness, data[off:off + 15], ip=int(ip[r])).decode()
                if info[c] < 0:  # (the attribute sweep may have classified it already)
                    info[c] = self._classify(ins)
                fl = info[c]
                if fl & _F_IMM:
                    k = ins.op_kind(fl >> 8)
                    bits = int(_IMM_BITS[k])
                    self._imm_mask[c] = (1 << min(bits, 32)) - 1
                    self._imm_sb[c] = (1 << (bits - 1)) if _IMM_SIGNED[k] else 0
                    self._imm_wide[c] = bits == 64
                self._tabled[c] = True
            arr = self._info_arr = np.asarray(info, dtype=np.int64)
            # the flags fit in 11 bits: a uint16 table gathers a quarter of the bytes of an int64
            # one; forms without their tables yet read as _UNKNOWN
            self._info16 = np.where(self._tabled & (arr >= 0), arr, _UNKNOWN).astype(np.uint16)
            self._kind8 = np.where(arr >= 0, arr & 0xF, 0).astype(np.uint8)
            f = self._info16[code]
        return f

    def _sweep_attrs(self, data: bytes, va: int, deadline: float | None) -> InsnTable:
        """The sweep through ``Instruction`` attributes, for an iced whose raw record layout is not
        the one :data:`_RAW` describes (checked once at import).

        The per-instruction work stays in C: iced's iterator fills a list of instructions per chunk,
        ``map``/``attrgetter`` read ``code`` and ``len`` into numpy, and only the rows whose opcode
        form needs more (branch target, memory reference, immediate) are read again, per column."""
        dec = iced_x86.Decoder(self.bitness, data, ip=va)
        codes: list[np.ndarray] = []
        lens: list[np.ndarray] = []
        br_i: list[np.ndarray] = []
        br_t: list[np.ndarray] = []
        mem_i: list[np.ndarray] = []
        mem_v: list[np.ndarray] = []
        imm_i: list[np.ndarray] = []
        imm_v: list[np.ndarray] = []
        base = 0
        while True:
            insns = list(islice(dec, _CHUNK))
            m = len(insns)
            if m:
                code = np.fromiter(map(_GET_CODE, insns), dtype=np.uint16, count=m)
                codes.append(code)
                lens.append(np.fromiter(map(_GET_LEN, insns), dtype=np.uint8, count=m))
                f = self._flags_of(code, insns)
                self._sparse(insns, f, lens[-1], base, br_i, br_t, mem_i, mem_v, imm_i, imm_v)
                base += m
            if m < _CHUNK or not dec.can_decode:
                break
            if deadline is not None and time.monotonic() > deadline:
                raise TimeBudgetExceeded("decoding ran out of time", stage="decode")
        n = base
        if not n:
            return InsnTable.empty()
        length = np.concatenate(lens)
        code = np.concatenate(codes)
        ip = np.empty(n, dtype=np.int64)
        ip[0] = va
        np.cumsum(length[:-1], out=ip[1:])
        ip[1:] += va
        kinds = np.asarray(self._info, dtype=np.int64)
        kind = np.where(kinds >= 0, kinds & 0xF, 0).astype(np.uint8)[code]
        target = np.full(n, -1, dtype=np.int64)
        if br_i:
            target[np.concatenate(br_i)] = np.concatenate(br_t).astype(np.int64)
        ref = np.full(n, -1, dtype=np.int64)
        if mem_i:
            vals = np.concatenate(mem_v) & np.uint64((1 << self.bitness) - 1)
            vals_s = vals.view(np.int64)
            ref[np.concatenate(mem_i)] = np.where(vals_s >= 0, vals_s, -1)
        imm = np.zeros(n, dtype=np.int64)
        if imm_i:
            imm[np.concatenate(imm_i)] = np.concatenate(imm_v).view(np.int64)
        return InsnTable(ip, length, code, kind, target, ref, imm)

    def _flags_of(self, code: np.ndarray, insns: list[iced_x86.Instruction]) -> np.ndarray:
        """Per-row feature flags; opcode forms not seen before are classified from their first row."""
        info = self._info
        uniq, first = np.unique(code, return_index=True)
        for c, r in zip(uniq.tolist(), first.tolist(), strict=True):
            if info[c] < 0:
                info[c] = self._classify(insns[r])
        arr = self._info_arr
        if arr is None or (len(uniq) and (arr[uniq] < 0).any()):
            arr = self._info_arr = np.asarray(info, dtype=np.int64)
        return arr[code]

    def _sparse(self, insns: list[iced_x86.Instruction], f: np.ndarray, length: np.ndarray, base: int,
                br_i: list[np.ndarray], br_t: list[np.ndarray], mem_i: list[np.ndarray],
                mem_v: list[np.ndarray], imm_i: list[np.ndarray], imm_v: list[np.ndarray]) -> None:
        """The sparse columns of one chunk: each attribute read only on the rows that need it."""
        get = insns.__getitem__
        rows = np.nonzero(f & _F_BR)[0]
        if len(rows):
            br_i.append(rows + base)
            br_t.append(np.fromiter(map(_GET_TARGET, map(get, rows.tolist())), dtype=np.uint64, count=len(rows)))
        # a RIP-relative operand needs opcode, ModRM and disp32 (6 bytes at least); an absolute one
        # in 32-bit code a 16-bit displacement behind a 67 prefix at least (moffs16: 4 bytes)
        rows = np.nonzero((f & _F_MEM).astype(bool) & (length >= (6 if self.bitness == 64 else 4)))[0]
        if len(rows):
            sub = list(map(get, rows.tolist()))
            if self.bitness == 64:
                ok = np.fromiter(map(_GET_IPREL, sub), dtype=bool, count=len(sub))
                sel = np.nonzero(ok)[0]
                getter = _GET_IPREL_ADDR
            else:
                nobase = np.nonzero(np.fromiter(map(_GET_BASE, sub), dtype=np.int64, count=len(sub))
                                    == iced_x86.Register.NONE)[0]
                dsz = np.fromiter(map(_GET_DSIZE, map(sub.__getitem__, nobase.tolist())), dtype=np.int64,
                                  count=len(nobase))
                sel = nobase[dsz != 0]
                getter = _GET_DISPL
            if len(sel):
                mem_i.append(rows[sel] + base)
                mem_v.append(np.fromiter(map(getter, map(sub.__getitem__, sel.tolist())), dtype=np.uint64,
                                         count=len(sel)))
        imm_rows = np.nonzero(f & _F_IMM)[0]
        if len(imm_rows):
            which = f[imm_rows] >> 8
            for k in np.unique(which).tolist():
                rows = imm_rows[which == k]
                call = methodcaller("immediate", k)
                imm_i.append(rows + base)
                imm_v.append(np.fromiter(map(call, map(get, rows.tolist())), dtype=np.uint64, count=len(rows)))

    def mnemonic_names(self) -> dict[int, str]:
        return code_names()


_OPK_NAMES = {v: k for k, v in vars(iced_x86.OpCodeOperandKind).items() if not k.startswith("_")}


def _maybe_memory(code: int) -> bool:
    """Whether some operand of this opcode form can be a memory operand (static, per form)."""
    try:
        oc = iced_x86.OpCodeInfo(code)
    except Exception:  # INVALID and pseudo codes
        return False
    return any("MEM" in _OPK_NAMES.get(oc.op_kind(i), "") for i in range(oc.op_count))


_NEAR = {iced_x86.OpKind.NEAR_BRANCH16, iced_x86.OpKind.NEAR_BRANCH32, iced_x86.OpKind.NEAR_BRANCH64}


def _all_codes() -> list[int]:
    return [v for k, v in vars(iced_x86.Code).items() if not k.startswith("_") and isinstance(v, int)]


_N_CODES = max(_all_codes()) + 1
_CODE_NAMES: dict[int, str] | None = None


def code_names() -> dict[int, str]:
    """iced Code id -> its name (e.g. 'MOV_R64_RM64'), for readable output."""
    global _CODE_NAMES
    if _CODE_NAMES is None:
        _CODE_NAMES = {v: k for k, v in vars(iced_x86.Code).items() if not k.startswith("_") and isinstance(v, int)}
    return _CODE_NAMES


_DECODERS: dict[str, IcedDecoder] = {}


def decoder_for(arch: str) -> IcedDecoder:
    """One decoder per architecture and process: its per-opcode-form table fills once."""
    dec = _DECODERS.get(arch)
    if dec is None:
        if arch not in ("x64", "x86"):
            raise ValueError(f"no decoder for {arch}")
        dec = _DECODERS[arch] = IcedDecoder(64 if arch == "x64" else 32)
    return dec


# iced's ``Instruction`` struct (iced-x86 1.21, Rust ``Instruction``), as ``__getstate__`` returns it
_RAW = np.dtype([
    ("next_ip", "<u8"), ("displ", "<u8"), ("flags1", "<u4"), ("imm", "<u4"), ("code", "<u2"),
    ("base", "u1"), ("index", "u1"), ("regs", "u1", (4,)), ("opk", "u1", (4,)), ("scale", "u1"),
    ("dsz", "u1"), ("len", "u1"), ("pad", "u1"),
])
_STATE = getattr(iced_x86.Instruction, "__getstate__", None)
_M64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_M32 = np.uint64(0xFFFFFFFF)
_M16 = np.uint64(0xFFFF)
_OPK = iced_x86.OpKind
_OPK_NB32 = _OPK.NEAR_BRANCH32
_OPK_NB64 = _OPK.NEAR_BRANCH64
_NEAR_ARR = np.zeros(256, dtype=bool)
_NEAR_ARR[list(_NEAR)] = True
_REG_RIP = iced_x86.Register.RIP
_REG_EIP = iced_x86.Register.EIP
_REG_NONE = iced_x86.Register.NONE
# per immediate operand kind: bits kept from the ``imm`` field, sign-extended or not, and whether
# the displacement field holds the high half (``Immediate64``)
_IMM_BITS = np.zeros(256, dtype=np.int64)
_IMM_SIGNED = np.zeros(256, dtype=bool)
for _k, _bits, _sx in ((_OPK.IMMEDIATE8, 8, False), (_OPK.IMMEDIATE16, 16, False),
                       (_OPK.IMMEDIATE32, 32, False), (_OPK.IMMEDIATE64, 64, False),
                       (_OPK.IMMEDIATE8TO16, 8, True), (_OPK.IMMEDIATE8TO32, 8, True),
                       (_OPK.IMMEDIATE8TO64, 8, True), (_OPK.IMMEDIATE32TO64, 32, True)):
    _IMM_BITS[_k] = _bits
    _IMM_SIGNED[_k] = _sx


def _immediates(rec: np.ndarray, which: np.ndarray) -> np.ndarray:
    """``Instruction.immediate(which)`` of each raw record, as int64 (the u64 value's bits)."""
    k = rec["opk"][np.arange(len(rec)), which]
    bits = _IMM_BITS[k]
    imm = rec["imm"].astype(np.int64)
    out = np.where(bits == 8, imm & 0xFF, np.where(bits == 16, imm & 0xFFFF, imm))
    sx8 = _IMM_SIGNED[k] & (bits == 8)
    out = np.where(sx8, ((imm & 0xFF) ^ 0x80) - 0x80, out)
    sx32 = _IMM_SIGNED[k] & (bits == 32)
    out = np.where(sx32, ((imm & 0xFFFFFFFF) ^ 0x80000000) - 0x80000000, out)
    hi = (rec["displ"] << np.uint64(32)).view(np.int64)
    return np.where(bits == 64, hi | (imm & 0xFFFFFFFF), out)


def raw_records(insns: list[iced_x86.Instruction]) -> np.ndarray | None:
    """iced's raw records of ``insns`` as a numpy record array (:data:`_RAW`), None when this iced's
    layout is not the one the sweep reads."""
    if not _RAW_OK:
        return None
    return np.frombuffer(_take_records(iter(insns), len(insns)), dtype=_RAW)


# instructions of every operand shape the sweep reads, for the layout checks below
_PROBES = (
    (64, "488b0510000000 e800000000 660f1f440000 48b88877665544332211 6a80 b8ffffffff 4883c0f0"
         "c7442408ffffffff 743a ff2500100000 678b0510000000 66b8ffff 6683c0f0"),
    (32, "a144332211 e8fbffffff 8b048d00104000 6a80 66b8ffff 7405 ff248500100000 83c0f0 c20800"
         "6683c0f0 e9f0ffffff"),
)


def _raw_layout_ok() -> bool:
    """Whether this iced's raw records match :data:`_RAW`: instructions of every operand shape the
    sweep reads, decoded both ways and compared field by field."""
    if _STATE is None:
        return False
    try:
        for bits, hx in _PROBES:
            insns = list(iced_x86.Decoder(bits, bytes.fromhex(hx.replace(" ", "")), ip=0x401000))
            rec = np.frombuffer(b"".join(map(_STATE, insns)), dtype=_RAW)  # type: ignore[arg-type]
            for n, i in enumerate(insns):
                r = rec[n]
                if (int(r["code"]), int(r["len"]), int(r["base"]), int(r["next_ip"])) != (
                        i.code, i.len, i.memory_base, i.next_ip):
                    return False
                nops = min(4, i.op_count)
                if [int(v) for v in r["opk"][:nops]] != [i.op_kind(j) for j in range(nops)]:
                    return False
                if bool(int(r["dsz"])) != bool(i.memory_displ_size):
                    return False
                if i.memory_displ_size and int(r["displ"]) != i.memory_displacement:
                    return False
                if i.is_ip_rel_memory_operand and int(r["displ"]) != i.ip_rel_memory_address:
                    return False
                if nops and i.op0_kind in _NEAR and int(r["displ"]) != i.near_branch_target:
                    return False
                for j in range(nops):
                    if i.op_kind(j) in _IMM_KINDS:
                        got = int(_immediates(rec[n:n + 1], np.asarray([j]))[0]) & 0xFFFFFFFFFFFFFFFF
                        if got != i.immediate(j):
                            return False
        return True
    except Exception:  # any surprise in the layout: use the attribute path
        return False


_RAW_OK = _raw_layout_ok()


def _records_by_state(dec: Iterable[iced_x86.Instruction], count: int) -> bytes:
    """The next ``count`` raw records (fewer at the end), through ``__getstate__``: the reference
    path, and the one taken where the compiled reader is missing or its check failed."""
    return b"".join(map(_STATE, islice(dec, count)))  # type: ignore[arg-type]


def _record_offset() -> int | None:
    """Where iced's record lies inside an ``Instruction`` object, for the compiled reader
    (``_rawdec.c``): the offset at which the objects' memory equals ``__getstate__`` on the probe
    instructions of every operand shape the sweep reads; None where none does, or the reader was
    not built."""
    if _rawdec is None or not _RAW_OK:
        return None
    insns = [i for bits, hx in _PROBES
             for i in iced_x86.Decoder(bits, bytes.fromhex(hx.replace(" ", "")), ip=0x401000)]
    want = _records_by_state(iter(insns), len(insns))
    tp = iced_x86.Instruction
    for off in range(16, tp.__basicsize__ - _RAW.itemsize + 1, 8):
        try:
            got = _rawdec.records(iter(insns), len(insns), tp, off, _RAW.itemsize)
        except (TypeError, ValueError):
            return None
        if got == want:
            return off
    return None


_RECORD_OFFSET = _record_offset()


def _records_compiled(dec: Iterable[iced_x86.Instruction], count: int) -> bytes:
    """The next ``count`` raw records, copied out of iced's objects in C (``_rawdec.c``): about
    2x faster than ``__getstate__`` per instruction; the same bytes (test)."""
    return _rawdec.records(dec, count, iced_x86.Instruction, _RECORD_OFFSET, _RAW.itemsize)  # type: ignore[no-any-return,union-attr]


# how the sweep takes records out of the decoder (a module attribute, so tests can pick either)
_take_records = _records_compiled if _RECORD_OFFSET is not None and os.environ.get(
    "CODEKIN_PURE_DECODE", "") not in ("1", "true", "yes") else _records_by_state
