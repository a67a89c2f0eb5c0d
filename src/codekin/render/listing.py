"""Normalised disassembly of one function, and a line diff of two: what `codekin compare` shows.

Each instruction becomes a line of text (Intel syntax) with every address masked the way the exact
hash ignores it: branch and call targets, RIP-relative and absolute memory addresses, and immediates
that point into the image. A call to an import keeps the import's name; a referenced string is shown
as a comment. Each line also has a *key*: the instruction form (iced ``Code``) plus its constant when
the exact hash counts it (not an address, at least 0x100). The diff aligns the two functions on
these keys, so register allocation alone does not make lines differ.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import iced_x86

from codekin.disasm.decoder import code_names
from codekin.disasm.model import Extraction, Function

MAX_LINES = 2000  # per function: longer listings are cut (and say so)


@dataclass(slots=True)
class Line:
    address: int
    text: str
    key: str
    comment: str = ""


def _formatter() -> iced_x86.Formatter:
    fm = iced_x86.Formatter(iced_x86.FormatterSyntax.INTEL)
    fm.hex_prefix = "0x"
    fm.hex_suffix = ""
    fm.uppercase_hex = False
    fm.rip_relative_addresses = False
    fm.space_after_operand_separator = True
    return fm


_HEX = re.compile(r"0x[0-9a-f]+")


def function_lines(ex: Extraction, fn: Function, *, limit: int = MAX_LINES) -> tuple[list[Line], bool]:
    """The function's instructions in block address order, normalised; and whether it was cut."""
    b = ex.binary
    fm = _formatter()
    names = code_names()
    starts = {f.start for f in ex.functions}
    blocks = sorted(ex.blocks_of(fn), key=lambda blk: blk.start)
    inside = {blk.start for blk in blocks}
    slots = {im.address: im.name for im in b.imports if im.name}
    out: list[Line] = []
    for blk in blocks:
        data = b.read(blk.start, blk.end - blk.start)
        dec = iced_x86.Decoder(b.bitness, data, ip=blk.start)
        for ins in dec:
            if len(out) >= limit:
                return out, True
            text = fm.format(ins)
            comment = ""
            addrs: dict[int, str] = {}
            if ins.flow_control in (iced_x86.FlowControl.CALL, iced_x86.FlowControl.UNCONDITIONAL_BRANCH,
                                    iced_x86.FlowControl.CONDITIONAL_BRANCH) and ins.op_count and \
                    ins.op0_kind in (iced_x86.OpKind.NEAR_BRANCH16, iced_x86.OpKind.NEAR_BRANCH32,
                                     iced_x86.OpKind.NEAR_BRANCH64):
                t = ins.near_branch_target
                imp = ex.import_at.get(t)
                if imp:
                    addrs[t] = f"<import:{imp}>"
                elif t in inside:
                    addrs[t] = "<loc>"
                elif t in starts:
                    addrs[t] = "<func>"
                else:
                    addrs[t] = "<code>"
            mem = None
            for i in range(ins.op_count):
                if ins.op_kind(i) == iced_x86.OpKind.MEMORY:
                    if ins.is_ip_rel_memory_operand:
                        mem = ins.ip_rel_memory_address
                    elif ins.memory_base == iced_x86.Register.NONE and ins.memory_displ_size and b.bitness == 32:
                        mem = ins.memory_displacement
            const = None
            for i in range(ins.op_count):
                k = ins.op_kind(i)
                if k in _IMM_KINDS:
                    v = ins.immediate(i)
                    sv = v - (1 << 64) if v >= 1 << 63 else v
                    if b.is_mapped(v) and v >= 0x1000:
                        mem = v if mem is None else mem
                    elif abs(sv) >= 0x100:
                        const = sv
            if mem is not None:
                imp_name = slots.get(mem)
                if imp_name:
                    addrs[mem] = f"<import:{imp_name}>"
                else:
                    addrs[mem] = "<data>"
                    s = None if b.is_code(mem) else b.read_cstring(mem, limit=64)
                    if s:
                        comment = repr(s)
            if addrs:
                text = _mask(text, addrs)
            key = names.get(ins.code, str(ins.code))
            if const is not None:
                key += f" {const:#x}"
            for masked in addrs.values():
                if masked.startswith("<import:"):
                    key += " " + masked
            out.append(Line(ins.ip, text, key, comment))
    return out, False


def _mask(text: str, addrs: dict[int, str]) -> str:
    return _HEX.sub(lambda m: addrs.get(int(m.group(0), 16), m.group(0)), text)


_IMM_KINDS = {
    iced_x86.OpKind.IMMEDIATE8, iced_x86.OpKind.IMMEDIATE16, iced_x86.OpKind.IMMEDIATE32,
    iced_x86.OpKind.IMMEDIATE64, iced_x86.OpKind.IMMEDIATE8TO16, iced_x86.OpKind.IMMEDIATE8TO32,
    iced_x86.OpKind.IMMEDIATE8TO64, iced_x86.OpKind.IMMEDIATE32TO64,
}


@dataclass(slots=True)
class DiffRow:
    tag: str  # equal, similar (same form, other operands), replace, delete (only in A), insert (only in B)
    left: Line | None
    right: Line | None


def diff_lines(left: list[Line], right: list[Line]) -> list[DiffRow]:
    """Side-by-side rows of two listings aligned on their normalised keys (difflib)."""
    sm = difflib.SequenceMatcher(None, [x.key for x in left], [x.key for x in right], autojunk=False)
    rows: list[DiffRow] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            # same instruction form: "equal" when the text agrees too, else "similar" (registers, small
            # constants or stack offsets differ; the exact hash ignores those)
            rows.extend(DiffRow("equal" if left[i1 + k].text == right[j1 + k].text else "similar",
                                left[i1 + k], right[j1 + k]) for k in range(i2 - i1))
            continue
        n = max(i2 - i1, j2 - j1)
        for k in range(n):
            lf = left[i1 + k] if i1 + k < i2 else None
            rt = right[j1 + k] if j1 + k < j2 else None
            t = "replace" if lf is not None and rt is not None else ("delete" if rt is None else "insert")
            rows.append(DiffRow(t, lf, rt))
    return rows
