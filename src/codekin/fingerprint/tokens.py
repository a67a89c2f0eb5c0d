"""Coarse instruction tokens: iced ``Code`` (opcode and operand form) reduced to what survives a change
of compiler, optimisation level and bitness.

- ``TOKEN[code]``: the mnemonic with its operand kinds but without widths (``ADD_RM32_R32`` and
  ``ADD_RM64_R64`` are both ``ADD rm r``); every conditional jump is one token, likewise every
  ``SETcc`` and every ``CMOVcc`` (compilers invert conditions when they lay blocks out).
- ``CLASS[code]``: one of ``CLASSES`` (a few broad families: moves, arithmetic, logic, compares,
  branches, calls, floating point and SIMD, ...) for the per-function instruction-class histogram.

Both tables are built once from iced-x86's own ``Code`` names, so they cover every code iced knows.
"""

from __future__ import annotations

import functools
import re

import iced_x86
import numpy as np

CLASSES = ("mov", "lea", "stack", "add", "mul", "logic", "shift", "cmp", "jcc", "jmp", "call", "ret",
           "cond", "ext", "str", "fp", "simd", "nop", "other")
_CLS_OF = {
    "mov": {"MOV", "MOVABS", "XCHG", "MOVBE"},
    "lea": {"LEA"},
    "stack": {"PUSH", "POP", "PUSHFD", "PUSHFQ", "POPFD", "POPFQ", "ENTER", "LEAVE", "PUSHAD", "POPAD"},
    "add": {"ADD", "SUB", "INC", "DEC", "NEG", "ADC", "SBB", "XADD"},
    "mul": {"IMUL", "MUL", "DIV", "IDIV"},
    "logic": {"AND", "OR", "XOR", "NOT", "ANDN", "BT", "BTS", "BTR", "BTC", "BSF", "BSR", "TZCNT", "LZCNT",
              "POPCNT", "BSWAP"},
    "shift": {"SHL", "SHR", "SAR", "SAL", "ROL", "ROR", "RCL", "RCR", "SHLD", "SHRD", "SHLX", "SHRX", "SARX",
              "RORX"},
    "cmp": {"CMP", "TEST"},
    "jcc": set(),
    "jmp": {"JMP"},
    "call": {"CALL"},
    "ret": {"RET", "RETF"},
    "cond": set(),
    "ext": {"MOVZX", "MOVSX", "MOVSXD", "CDQ", "CDQE", "CQO", "CWDE", "CBW", "CWD"},
    "str": {"MOVSB", "MOVSW", "MOVSD", "MOVSQ", "STOSB", "STOSW", "STOSD", "STOSQ", "LODSB", "LODSD", "LODSQ",
            "SCASB", "SCASD", "CMPSB", "CMPSD"},
    "nop": {"NOP", "NOPW", "NOPD", "NOPQ", "INT3", "UD2", "HLT", "ENDBR64", "ENDBR32"},
}
_JCC = re.compile(r"^J(O|NO|B|AE|E|NE|BE|A|S|NS|P|NP|L|GE|LE|G|CXZ|ECXZ|RCXZ)$")
_SETCC = re.compile(r"^SET(O|NO|B|AE|E|NE|BE|A|S|NS|P|NP|L|GE|LE|G)$")
_CMOVCC = re.compile(r"^CMOV(O|NO|B|AE|E|NE|BE|A|S|NS|P|NP|L|GE|LE|G)$")


@functools.cache
def _operand(op: str) -> str:
    """An operand form without its width: R32 -> r, RM64 -> rm, IMM8 -> i, REL32 -> rel, M -> m."""
    if op in ("AL", "AX", "EAX", "RAX"):
        return "r"
    for prefix, out in (("RM", "rm"), ("REL", "rel"), ("IMM", "i"), ("MOFFS", "m"), ("XMM", "x"),
                        ("YMM", "x"), ("ZMM", "x"), ("MM", "x"), ("ST", "st"), ("M", "m"), ("R", "r")):
        if op.startswith(prefix):
            return out
    return op.lower()


def _build() -> tuple[np.ndarray, np.ndarray, list[str]]:
    names = {v: k for k, v in vars(iced_x86.Code).items() if k.isupper() and isinstance(v, int)}
    n = max(names) + 1
    token = np.zeros(n, dtype=np.uint16)
    cls = np.full(n, CLASSES.index("other"), dtype=np.uint8)
    vocab: dict[str, int] = {}
    class_index = {c: i for i, c in enumerate(CLASSES)}
    class_of = {m: k for k, v in reversed(list(_CLS_OF.items())) for m in v}  # first class listed wins
    for code, name in names.items():
        parts = name.split("_")
        mnem = parts[0]
        if _JCC.match(mnem):
            mnem, c = "JCC", "jcc"
        elif _SETCC.match(mnem) or _CMOVCC.match(mnem):
            mnem, c = ("SETCC" if mnem.startswith("SET") else "CMOVCC"), "cond"
        else:
            c = class_of.get(mnem, "")
            if not c:
                if mnem.startswith(("F", "FI")) and not mnem.startswith("FXSAVE"):
                    c = "fp"
                elif mnem.startswith(("V", "P", "MOVAP", "MOVUP", "MOVDQ", "MOVS", "MOVQ", "MOVD", "CVT",
                                      "ADDS", "SUBS", "MULS", "DIVS", "UCOMIS", "COMIS", "XORP", "ANDP", "SQRT")):
                    c = "simd"
                else:
                    c = "other"
        if c == "str" and "XMM" in name:
            c = "simd"
        ops = " ".join(_operand(p) for p in parts[1:] if not p.isdigit())
        tok = f"{mnem} {ops}".strip()
        token[code] = vocab.setdefault(tok, len(vocab) + 1)
        cls[code] = class_index[c]
    return token, cls, sorted(vocab, key=vocab.__getitem__)


TOKEN, CLASS, VOCAB = _build()
N_CLASSES = len(CLASSES)
