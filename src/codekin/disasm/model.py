"""Functions and basic blocks as discovery hands them on (views into one columnar table)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from codekin.binary.model import Binary
from codekin.disasm.decoder import InsnTable


@dataclass(slots=True)
class Block:
    start: int
    end: int  # exclusive
    rows: tuple[int, int]  # [first, last] row in the table, inclusive
    succ: list[int]  # successor block start addresses (CFG edges inside the function)


@dataclass(slots=True)
class Function:
    start: int
    source: str  # why it is a function: entry, export, symbol, unwind, call, tail, ref, gap, ...
    block_ids: np.ndarray  # ids into Extraction.block_* arrays, start block first
    calls: list[int] = field(default_factory=list)  # direct call targets
    tail_calls: list[int] = field(default_factory=list)
    thunk_of: str | None = None  # import a jmp [IAT/GOT] thunk forwards to

    @property
    def n_blocks(self) -> int:
        return int(self.block_ids.shape[0])


@dataclass
class Extraction:
    """Everything the extraction stage knows about one binary: the pipeline's hand-off object."""

    binary: Binary
    table: InsnTable
    block_first: np.ndarray  # int64 row of each block's first instruction
    block_last: np.ndarray  # int64 row of each block's last instruction
    block_succ_t: np.ndarray  # int64 branch-target successor block id, -1
    block_succ_f: np.ndarray  # int64 fall-through successor block id, -1
    block_succ_jt: dict[int, list[int]]  # jump-table successors (replace the two above)
    functions: list[Function]
    thunks: list[Function]
    import_at: dict[int, str]  # call/jump target address -> import name (thunks, IAT slots)
    stats: dict[str, Any]

    def successors(self, b: int) -> list[int]:
        jt = self.block_succ_jt.get(b)
        if jt is not None:
            return jt
        return [int(v) for v in (self.block_succ_t[b], self.block_succ_f[b]) if v >= 0]

    def block_rows(self, fn: Function) -> np.ndarray:
        """Row indices of every instruction of ``fn``, in block order."""
        parts = [np.arange(self.block_first[b], self.block_last[b] + 1) for b in fn.block_ids.tolist()]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    def function_size(self, fn: Function) -> tuple[int, int]:
        """(bytes, instructions) of ``fn``."""
        first = self.block_first[fn.block_ids]
        last = self.block_last[fn.block_ids]
        ip = self.table.ip
        nbytes = int((ip[last] + self.table.length[last] - ip[first]).sum())
        return nbytes, int((last - first + 1).sum())

    def blocks_of(self, fn: Function) -> list[Block]:
        ip = self.table.ip
        out = []
        for b in fn.block_ids.tolist():
            f, la = int(self.block_first[b]), int(self.block_last[b])
            succ = [int(ip[self.block_first[s]]) for s in self.successors(b)]
            out.append(Block(int(ip[f]), int(ip[la] + self.table.length[la]), (f, la), succ))
        return out
