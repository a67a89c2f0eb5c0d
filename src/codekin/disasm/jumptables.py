"""Switch jump tables: from an indirect ``jmp`` back to the table and its case targets.

Handles the forms compilers emit on x86/x64: absolute tables (``jmp [T + r*4]``, i386 and non-PIC
x64), PC-relative tables (gcc/clang x64 PIC: ``lea rB,[rip+T]; movsxd r,[rB+i*4]; add r,rB``),
image-base-relative tables (MSVC x64: ``lea rB,[__ImageBase]; mov e,[rB+i*4+T]; add r,rB``) and
GOT-relative tables (i386 PIC, base register holding ``_GLOBAL_OFFSET_TABLE_``). The case count
comes from the bounding ``cmp r, imm`` when one is in reach, else entries are read while they
point into code.
"""

from __future__ import annotations

import iced_x86
import numpy as np

from codekin.binary.model import Binary

_R = iced_x86.Register
_MAX_CASES = 2048


def resolve(binary: Binary, window: bytes, window_va: int, got: int | None) -> list[int]:
    """Case targets of the indirect jump that ends ``window`` (a few instructions before it and
    the jump itself, decoded afresh with full operand detail). Empty when the form is unknown."""
    return resolve_insns(binary, list(iced_x86.Decoder(binary.bitness, window, ip=window_va)), got)


def resolve_insns(binary: Binary, insns: list[iced_x86.Instruction], got: int | None) -> list[int]:
    """:func:`resolve` over instructions already decoded (the window, the jump last)."""
    bits = binary.bitness
    if not insns:
        return []
    jmp = insns[-1]
    if jmp.flow_control != iced_x86.FlowControl.INDIRECT_BRANCH:
        return []
    mask = (1 << bits) - 1
    if jmp.op0_kind == iced_x86.OpKind.MEMORY:
        if jmp.memory_index == _R.NONE:
            return []
        bound = _bound(insns, jmp.memory_index)
        scale = jmp.memory_index_scale
        base = 0 if jmp.memory_base == _R.NONE else _base_value(insns, len(insns) - 1, jmp.memory_base, got)
        if base is None:
            return []
        table = (base + jmp.memory_displacement) & mask
        return _read(binary, table, scale, bound, relative_to=None)
    if jmp.op0_kind != iced_x86.OpKind.REGISTER:
        return []
    # jmp reg: find the load of an indexed table entry feeding it, and an add of a base register
    target_reg = _full(jmp.op0_register)
    load = None
    added_base: int | None = None
    for k in range(len(insns) - 2, -1, -1):
        ins = insns[k]
        if ins.op_count < 2 or ins.op0_kind != iced_x86.OpKind.REGISTER:
            continue
        if _full(ins.op0_register) != target_reg:
            continue
        if ins.mnemonic == iced_x86.Mnemonic.ADD and ins.op1_kind == iced_x86.OpKind.REGISTER:
            v = _base_value(insns, k, ins.op1_register, got)
            if v is None:
                return []
            added_base = v
            continue
        if ins.op1_kind == iced_x86.OpKind.MEMORY and ins.memory_index != _R.NONE:
            load = (k, ins)
            if ins.mnemonic == iced_x86.Mnemonic.ADD:  # add r, [b + i*4 + d]: r holds the base
                added_base = _base_value(insns, k, ins.op0_register, got)
            break
        if ins.mnemonic in (iced_x86.Mnemonic.MOV, iced_x86.Mnemonic.MOVSXD):
            # mov r, other: follow the copy
            if ins.op1_kind == iced_x86.OpKind.REGISTER:
                target_reg = _full(ins.op1_register)
                continue
        break
    if load is None:
        return _fallback_absolute(binary, insns, _bound(insns) if bits == 32 else None)
    k, ins = load
    bound = _bound(insns, ins.memory_index)
    scale = ins.memory_index_scale
    if ins.memory_base == _R.NONE or ins.memory_base == _R.RIP:
        base = 0
    else:
        b = _base_value(insns, k, ins.memory_base, got)
        if b is None:
            return []
        base = b
    table = (base + ins.memory_displacement) & mask
    if ins.memory_base == _R.RIP:
        table = ins.ip_rel_memory_address
    if added_base is None:
        return _read(binary, table, scale, bound, relative_to=None)
    return _read(binary, table, 4 if scale >= 4 else scale, bound, relative_to=added_base)


def _fallback_absolute(binary: Binary, insns: list[iced_x86.Instruction], bound: int | None) -> list[int]:
    """Unoptimised 32-bit code computes the entry's address step by step (``shl r,2; add r,T;
    mov r,[r]; jmp r``): take the last constant in the window that points into non-code data as an
    absolute table, bounded by the ``cmp``."""
    if binary.bitness != 32 or bound is None:
        return []
    for ins in reversed(insns[:-1]):
        cands = []
        if ins.op_count >= 2 and ins.op1_kind in (iced_x86.OpKind.IMMEDIATE32, iced_x86.OpKind.IMMEDIATE8TO32):
            cands.append(int(ins.immediate(1)) & 0xFFFFFFFF)
        if ins.memory_displ_size and ins.memory_base == _R.NONE:
            cands.append(int(ins.memory_displacement) & 0xFFFFFFFF)
        for c in cands:
            if binary.is_mapped(c) and not binary.is_code(c):
                targets = _read(binary, c, 4, bound, relative_to=None)
                return targets if len(targets) == bound else []  # every entry must be code
    return []


_N_REGS = max(v for k, v in vars(iced_x86.Register).items() if not k.startswith("_") and isinstance(v, int)) + 1
# full register of each register id, looked up in a list (a call into iced per operand costs more)
_FULL = [iced_x86.RegisterExt.full_register(r) for r in range(_N_REGS)]
_full = _FULL.__getitem__


def _base_value(insns: list[iced_x86.Instruction], before: int, reg: int, got: int | None) -> int | None:
    """Value of ``reg`` set by a ``lea reg,[rip+X]`` before instruction ``before``; the GOT for the
    i386 PIC base register."""
    full = _full(reg)
    for k in range(before - 1, -1, -1):
        ins = insns[k]
        if ins.op_count >= 1 and ins.op0_kind == iced_x86.OpKind.REGISTER and _full(ins.op0_register) == full:
            if ins.mnemonic == iced_x86.Mnemonic.LEA and ins.is_ip_rel_memory_operand:
                return int(ins.ip_rel_memory_address)
            if ins.mnemonic == iced_x86.Mnemonic.LEA and ins.memory_base == _R.NONE and ins.memory_index == _R.NONE:
                return int(ins.memory_displacement)
            if ins.mnemonic == iced_x86.Mnemonic.MOV and ins.op1_kind in (
                iced_x86.OpKind.IMMEDIATE32, iced_x86.OpKind.IMMEDIATE64, iced_x86.OpKind.IMMEDIATE32TO64
            ):
                return int(ins.immediate(1))
            break
    if got is not None and insns and insns[0].code_size != iced_x86.CodeSize.CODE64:
        return got  # i386 PIC: the base register holds _GLOBAL_OFFSET_TABLE_
    return None


def _bound(insns: list[iced_x86.Instruction], index_reg: int | None = None) -> int | None:
    """Case count from the last ``cmp index, imm`` before the jump (any ``cmp`` when the index
    register is unknown)."""
    full = None if index_reg is None else _full(index_reg)
    reg_kind = iced_x86.OpKind.REGISTER
    for ins in reversed(insns):
        if full is not None and not (ins.op_count >= 1 and ins.op0_kind == reg_kind
                                     and _full(ins.op0_register) == full):
            continue
        if ins.mnemonic == iced_x86.Mnemonic.CMP and ins.op_count == 2 and ins.op1_kind in (
            iced_x86.OpKind.IMMEDIATE8, iced_x86.OpKind.IMMEDIATE8TO32, iced_x86.OpKind.IMMEDIATE8TO64,
            iced_x86.OpKind.IMMEDIATE32, iced_x86.OpKind.IMMEDIATE32TO64, iced_x86.OpKind.IMMEDIATE16,
            iced_x86.OpKind.IMMEDIATE8TO16,
        ):
            v = int(ins.immediate(1))
            if 0 <= v < _MAX_CASES:
                return v + 1
    return None


def _read(binary: Binary, table: int, size: int, bound: int | None, relative_to: int | None) -> list[int]:
    if size not in (4, 8):
        return []
    n = bound if bound is not None else 256
    raw = binary.read(table, n * size)
    mask = (1 << binary.bitness) - 1
    usable = len(raw) - len(raw) % size
    signed = relative_to is not None
    vals = np.frombuffer(raw[:usable], dtype=np.dtype(f"<{'i' if signed else 'u'}{size}"))
    # the entries as unsigned 64-bit values: wrap-around sums, then the mask, as Python ints would
    v = vals.astype(np.int64).view(np.uint64) if signed else vals.astype(np.uint64)
    if relative_to is not None:
        v = v + np.uint64(relative_to & 0xFFFFFFFFFFFFFFFF)
    t = v & np.uint64(mask)
    ok = binary.is_code_many(t)
    if bound is None:
        stop = np.flatnonzero(~ok)
        if len(stop):
            t, ok = t[: stop[0]], ok[: stop[0]]
    return t[ok].tolist()
