"""Byte signatures of functions, for YARA rules: pure functions over plain data.

A function's code becomes a *pattern*: its bytes from the entry point, following its basic blocks
while they are contiguous, with every byte that depends on where the code or its data were loaded
replaced by a wildcard (``None``):

- branch and call displacements (relative offsets: they move when anything around them moves);
- RIP-relative and absolute memory displacements (globals, the IAT, jump tables);
- immediates that point into the image (``push offset``, ``mov r, offset``: relocated addresses);
- large displacements off a register (``[reg*4 + table]``: a table's address or RVA; big frames).

What stays is the opcodes, the registers and the small constants: the code's own shape, which is
what a compiler reproduces when it builds the same source again.

The selection (:func:`cover`) is a greedy multi-cover: strings that fire on no file outside the
target set, chosen so that each target file is hit by at least ``need`` of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import iced_x86

Pattern = list[int | None]

MAX_BYTES = 48  # bytes of a string at most (cut at an instruction boundary)
MIN_BYTES = 24  # shorter runs are too easy to meet by chance
MIN_FIXED = 16  # non-wildcard bytes a string must keep
MIN_TEXT = 10  # characters of a literal string
MIN_ATOM = 4  # consecutive fixed bytes YARA can use as an atom (fast, specific scanning)


@dataclass(slots=True)
class Candidate:
    """One string candidate: a masked byte pattern and where it comes from."""

    pattern: Pattern
    sha256: str
    address: int
    n_insns: int
    n_bytes: int
    support: int  # target samples holding the function (same exact hash)
    what: str = "function"
    function: int = 0  # entry of the function the bytes belong to
    also: list[tuple[str, int]] = field(default_factory=list)  # other (sha256, address) it was cut from

    text: str | None = None  # a literal string of the data sections instead of code bytes

    @property
    def key(self) -> str:
        """The YARA string value: ``{ 8B 45 ?? }`` for code, ``"text" ascii wide fullword`` for a literal."""
        if self.text is not None:
            return f'"{yara_text(self.text)}" ascii wide fullword'
        return "{ " + hex_string(self.pattern) + " }"


def yara_text(s: str) -> str:
    """``s`` escaped for a YARA text string."""
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif 32 <= ord(ch) < 127:
            out.append(ch)
        else:
            out.append(f"\\x{ord(ch) & 0xFF:02x}")
    return "".join(out)


def good_text(s: str) -> bool:
    """A literal worth hunting for: long enough, mostly letters, not a format or padding run."""
    if len(s) < MIN_TEXT or len(s) > 200:
        return False
    letters = sum(c.isalpha() for c in s)
    return letters >= 6 and letters >= len(s) // 2 and len(set(s)) >= 5


def runs(blocks: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Address-contiguous runs [start, end) of a function's basic blocks (given in any order)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(blocks)):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def chunks(code: bytes, ip: int, bitness: int, image: tuple[int, int], limit: int = MAX_BYTES,
           ) -> list[tuple[int, Pattern]]:
    """``code`` (one contiguous run) cut at instruction boundaries into masked patterns of at most
    ``limit`` bytes: (address, pattern) of each usable one."""
    out: list[tuple[int, Pattern]] = []
    pos = 0
    while len(code) - pos >= MIN_BYTES:
        p = mask_code(code[pos:], ip + pos, bitness, image, limit, stop_at_return=False, trim=False)
        if not p:
            break
        n = len(p)
        while p and p[-1] is None:
            p.pop()
        lead = 0
        while lead < len(p) and p[lead] is None:
            lead += 1
        if usable(p[lead:]):
            out.append((ip + pos + lead, p[lead:]))
        pos += n
    return out


def mask_code(code: bytes, ip: int, bitness: int, image: tuple[int, int], limit: int = MAX_BYTES, *,
              stop_at_return: bool = True, trim: bool = True) -> Pattern:
    """The masked pattern of ``code`` mapped at ``ip``, cut at the last whole instruction within
    ``limit`` bytes. ``image`` is the [low, high) address range of the loaded image."""
    lo, hi = image
    dec = iced_x86.Decoder(bitness, code, ip=ip)
    out: Pattern = []
    for ins in dec:
        if ins.code == iced_x86.Code.INVALID:
            break
        n = ins.len
        if len(out) + n > limit:
            break
        off = ins.ip - ip
        raw: Pattern = list(code[off : off + n])
        co = dec.get_constant_offsets(ins)
        branch = ins.flow_control in (iced_x86.FlowControl.CONDITIONAL_BRANCH,
                                      iced_x86.FlowControl.UNCONDITIONAL_BRANCH, iced_x86.FlowControl.CALL,
                                      iced_x86.FlowControl.XBEGIN_XABORT_XEND)
        if co.has_displacement:
            disp = ins.memory_displacement
            absolute = ins.memory_base == iced_x86.Register.NONE
            signed = disp - (1 << 64) if disp >= 1 << 63 else disp
            if ins.is_ip_rel_memory_operand or absolute or (co.displacement_size >= 4 and abs(signed) >= 0x1000):
                _blank(raw, co.displacement_offset, co.displacement_size)
        if co.has_immediate:
            near = ins.op0_kind in (iced_x86.OpKind.NEAR_BRANCH16, iced_x86.OpKind.NEAR_BRANCH32,
                                    iced_x86.OpKind.NEAR_BRANCH64)
            if (branch and near) or (co.immediate_size >= 4 and _points_into(ins, lo, hi)):
                _blank(raw, co.immediate_offset, co.immediate_size)
        if co.has_immediate2 and co.immediate_size2 >= 4:
            _blank(raw, co.immediate_offset2, co.immediate_size2)
        out += raw
        if stop_at_return and len(out) >= MIN_BYTES and ins.flow_control in (
                iced_x86.FlowControl.RETURN, iced_x86.FlowControl.UNCONDITIONAL_BRANCH):
            break
    if not trim:
        return out
    while out and out[-1] is None:
        out.pop()
    while out and out[0] is None:
        out.pop(0)
    return out


def _points_into(ins: iced_x86.Instruction, lo: int, hi: int) -> bool:
    for i in range(ins.op_count):
        if ins.op_kind(i) in (iced_x86.OpKind.IMMEDIATE32, iced_x86.OpKind.IMMEDIATE64,
                              iced_x86.OpKind.IMMEDIATE32TO64, iced_x86.OpKind.IMMEDIATE8TO32):
            v = ins.immediate(i)
            if lo <= v < hi and v >= 0x1000:
                return True
    return False


def _blank(raw: Pattern, off: int, size: int) -> None:
    for i in range(off, min(off + size, len(raw))):
        raw[i] = None


def usable(p: Pattern) -> bool:
    """Long enough, enough fixed bytes, and an atom YARA can index."""
    if len(p) < MIN_BYTES or sum(b is not None for b in p) < MIN_FIXED:
        return False
    run = best = 0
    for b in p:
        run = run + 1 if b is not None else 0
        best = max(best, run)
    if best < MIN_ATOM:
        return False
    fixed = [b for b in p if b is not None]
    # padding-like and zero-filled runs are not code anyone would hunt for
    return len(set(fixed)) >= 6


def hex_string(p: Pattern) -> str:
    """YARA hex string body (without braces): ``8B 45 ?? ?? ...``."""
    return " ".join("??" if b is None else f"{b:02X}" for b in p)


def cover(hits: dict[str, set[str]], targets: set[str], *, need: int, max_strings: int,
          priority: Mapping[str, float] | None = None) -> list[str]:
    """Greedy multi-cover: pick strings (keys of ``hits``: string -> target files it fires on) until
    each target is hit by ``need`` strings or nothing helps; at most ``max_strings``.
    Ties go to the higher ``priority`` (e.g. support across samples, then length)."""
    prio = priority or {}
    left = {t: need for t in targets}
    chosen: list[str] = []
    pool = {k: v & targets for k, v in hits.items() if v & targets}
    while pool and len(chosen) < max_strings and any(v > 0 for v in left.values()):
        best = max(pool, key=lambda k: (sum(1 for t in pool[k] if left[t] > 0), len(pool[k]), prio.get(k, 0.0), k))
        gain = sum(1 for t in pool[best] if left[t] > 0)
        if gain == 0:
            break
        chosen.append(best)
        for t in pool.pop(best):
            left[t] -= 1
    return chosen


def condition_count(chosen: Sequence[str], hits: dict[str, set[str]], targets: set[str], most: int) -> int:
    """The largest N <= ``most`` for which ``N of them`` keeps every target file the rule covers at N=1."""
    per = {t: sum(1 for k in chosen if t in hits[k]) for t in targets}
    covered = {t for t, c in per.items() if c >= 1}
    n = 1
    for cand in range(2, most + 1):
        if all(per[t] >= cand for t in covered):
            n = cand
    return n
