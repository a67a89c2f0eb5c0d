"""Function alignment of two samples, the way BinDiff does it: pure functions over plain columns.

1. **Exact**: functions whose exact hash (normalised instructions + constants, position independent)
   is unique on both sides are paired (similarity 1.0).
2. **Names** (optional): a function exported or named by a symbol under the same name on both sides.
3. **Rounds of fuzzy matching with neighbour support**: every candidate pair has a *feature
   similarity* (MinHash agreement of the fingerprint feature sets; the rarity-weighted Jaccard
   similarity of referenced strings, constants, called imports, struct-field offsets and small
   immediates; closeness of blocks, instructions and calls) and a *neighbour support*: the share of
   its callers, callees and address-order neighbours already paired with each other. Each round pairs
   the mutual-best candidates whose combined score clears the round's threshold (ties and near-ties
   are left alone); the threshold steps down when a round adds nothing. Tiny functions are paired on
   features alone only when identical.
4. **Propagation** after every round, until nothing changes: the unpaired callees (and callers) of a
   pair are paired among themselves (a sole one on each side, or the mutual best of the
   neighbourhood); so are the unpaired callees lying between the same two paired callees in call
   order, the unpaired functions next to a pair in address order, and those filling a gap between
   two pairs that follow each other in address order on both sides. A propagated pair still needs a
   minimum similarity and must not leave either function's clearly better match elsewhere.

The assignment is one-to-one. Every pair carries its similarity, the score it was chosen on and the
reason it was made (``exact``, ``name``, ``fuzzy``, ``callgraph``, ``layout``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import iced_x86
import numpy as np
from scipy import sparse

from codekin.disasm.model import Extraction
from codekin.fingerprint.features import FunctionPrints
from codekin.store.base import Store

MIN_INSNS_EXACT = 1
MIN_INSNS_FUZZY = 6  # smaller functions are paired on features alone only with neighbour support
# rounds of fuzzy matching: thresholds on the combined score, highest first
ROUNDS = (0.80, 0.65, 0.55, 0.45, 0.38)
SUPPORT_NORM = "min"  # support = paired neighbours / the smaller neighbourhood (inlining shrinks one side)
SUPPORT_WEIGHT = 2.0  # weight of neighbour support in the combined score
PROPAGATE_MIN = 0.15  # feature similarity a call-graph neighbour needs to be paired
LAYOUT_MIN = 0.35  # feature similarity an address-order neighbour needs to be paired
LAYOUT_WINDOW = 3
GAP_MAX = 8  # gaps between address-order neighbours filled up to this many functions
GAP_MIN = 0.2
CALL_ORDER = True
CALL_ORDER_MIN = 0.15
DENSE_LIMIT = 6_000_000  # larger pairs of samples: candidates from shared features only
W_MINHASH, W_SHAPE, W_STRINGS, W_CONSTS, W_IMPORTS = 1.0, 0.6, 1.5, 1.0, 1.0
W_OFFSETS, W_SMALLS = 1.0, 0.5
W_DEGREE = 1.0  # weight of call-graph degree closeness inside the size term
FUZZY_MARGIN = 0.04
PLAUSIBLE_GAP = 0.3  # a neighbour pair is refused when either side has a match this much better
PIC_STRINGS = True  # i386 PIC: resolve GOT-relative string references
RARITY = True  # weight set members by rarity (idf) in the set similarities
REASONS = ("exact", "name", "fuzzy", "callgraph", "layout")


@dataclass(slots=True)
class Side:
    """One sample as alignment sees it: columns over its functions (plain data)."""

    name: str
    sha256: str
    format: str
    arch: str
    address: np.ndarray  # int64
    n_blocks: np.ndarray  # int32
    n_insns: np.ndarray  # int32
    n_calls: np.ndarray  # int32
    n_bytes: np.ndarray  # int32
    exact: np.ndarray  # uint64
    minhash: np.ndarray  # (n, K) uint32
    strings: list[frozenset[str]]
    consts: list[frozenset[int]]
    imports: list[frozenset[str]]
    offsets: list[frozenset[int]]  # memory displacements off non-stack base registers (struct fields)
    smalls: list[frozenset[int]]  # small immediates (2..255): comparisons, masks, shifts
    callees: list[list[int]]  # function indices, in call order
    callers: list[list[int]]
    names: list[str | None]  # export or symbol name, when the file states one

    def __len__(self) -> int:
        return int(self.address.shape[0])


@dataclass(slots=True)
class Pair:
    a: int  # function index in side A
    b: int
    similarity: float  # feature similarity in [0, 1] (1.0 for exact twins)
    score: float  # what the pair was chosen on: similarity plus neighbour support
    reason: str  # exact, name, fuzzy, callgraph
    round: int  # order in which pairs were made (confidence: earlier is surer)


@dataclass(slots=True)
class Alignment:
    pairs: list[Pair]
    unmatched_a: list[int]
    unmatched_b: list[int]
    stats: dict[str, Any] = field(default_factory=dict)


def side_from_extraction(ex: Extraction, prints: FunctionPrints, *, name: str | None = None) -> Side:
    """The alignment's view of one extracted sample."""
    b = ex.binary
    fns = ex.functions
    index = {f.start: i for i, f in enumerate(fns)}
    # a call through a stub to a symbol this file itself exports (ELF PLT calls inside a shared
    # object) is a call to that function: resolve it, so the call graph stays whole
    exported = {e.name: index[e.address] for e in b.exports if e.name and e.address in index}
    stub_names = dict(ex.import_at)
    pic_plt = _i386_plt(ex)  # extraction leaves i386 PIC PLT stubs unnamed: name them here
    for t, nm in pic_plt.items():
        stub_names.setdefault(t, nm)
    local_stub = {t: exported[nm] for t, nm in stub_names.items() if nm in exported}
    callees: list[list[int]] = []
    callers: list[list[int]] = [[] for _ in fns]
    extra_imports: list[set[str]] = [set() for _ in fns]
    for i, f in enumerate(fns):
        out: list[int] = []
        seen: set[int] = set()
        for t in list(f.calls) + list(f.tail_calls):
            j = index.get(t)
            if j is None:
                j = local_stub.get(t)
                if j is None and t in pic_plt:
                    extra_imports[i].add(pic_plt[t])
            if j is not None and j != i and j not in seen:
                seen.add(j)
                out.append(j)
                callers[j].append(i)
        callees.append(out)
    offsets, smalls, pic_strings = _operand_features(ex)
    names: list[str | None] = [None] * len(fns)
    for sym in list(b.symbols) + list(b.exports):  # type: ignore[operator]
        j = index.get(sym.address)
        sym_name: str | None = getattr(sym, "name", None)
        if j is not None and sym_name and names[j] is None:
            names[j] = sym_name
    return Side(
        name=name or b.name or "", sha256=b.sha256, format=str(b.format), arch=str(b.arch),
        address=prints.address.astype(np.int64), n_blocks=prints.n_blocks, n_insns=prints.n_insns,
        n_calls=prints.n_calls, n_bytes=prints.n_bytes, exact=prints.exact, minhash=prints.minhash,
        strings=[frozenset(s).union(p) for s, p in zip(prints.strings, pic_strings, strict=True)],
        consts=[frozenset(c) for c in prints.consts],
        imports=[frozenset(s).union(x) for s, x in zip(prints.imports, extra_imports, strict=True)],
        offsets=offsets, smalls=smalls,
        callees=callees, callers=callers, names=names,
    )


_STACK_REGS = {iced_x86.Register.RSP, iced_x86.Register.RBP, iced_x86.Register.ESP, iced_x86.Register.EBP,
               iced_x86.Register.RIP, iced_x86.Register.EIP, iced_x86.Register.NONE}
_IMM_KINDS = {iced_x86.OpKind.IMMEDIATE8, iced_x86.OpKind.IMMEDIATE16, iced_x86.OpKind.IMMEDIATE32,
              iced_x86.OpKind.IMMEDIATE8TO16, iced_x86.OpKind.IMMEDIATE8TO32, iced_x86.OpKind.IMMEDIATE8TO64,
              iced_x86.OpKind.IMMEDIATE32TO64, iced_x86.OpKind.IMMEDIATE64}


_SP_REGS = {iced_x86.Register.RSP, iced_x86.Register.ESP, iced_x86.Register.SP}
_REG32 = {iced_x86.Register.EAX, iced_x86.Register.EBX, iced_x86.Register.ECX, iced_x86.Register.EDX,
          iced_x86.Register.ESI, iced_x86.Register.EDI}


def _pc_thunks(ex: Extraction) -> dict[int, int]:
    """i386 PIC: functions that load their return address into a register (``mov REG, [esp]; ret``,
    gcc's ``__x86.get_pc_thunk.REG``) -> that register."""
    b = ex.binary
    out: dict[int, int] = {}
    if b.bitness != 32:
        return out
    for f in ex.functions:
        dec = iced_x86.Decoder(32, b.read(f.start, 8), ip=f.start)
        ins = [x for _, x in zip(range(2), dec, strict=False)]
        if len(ins) == 2 and ins[0].mnemonic == iced_x86.Mnemonic.MOV and ins[0].op0_kind == iced_x86.OpKind.REGISTER \
                and ins[0].op1_kind == iced_x86.OpKind.MEMORY and ins[0].memory_base == iced_x86.Register.ESP \
                and ins[0].memory_displacement == 0 and ins[1].flow_control == iced_x86.FlowControl.RETURN:
            out[f.start] = ins[0].op0_register
    return out


def _i386_plt(ex: Extraction) -> dict[int, str]:
    """i386 PIC PLT stubs (``jmp [ebx+disp]``, ebx holding the GOT) -> the symbol their GOT slot is
    bound to. Empty for other files."""
    b = ex.binary
    if b.bitness != 32 or b.format != "elf" or not b.stub_ranges:
        return {}
    got = _got_address(ex)
    if got is None:
        return {}
    slots = {im.address: im.name for im in b.imports if im.name}
    out: dict[int, str] = {}
    for lo, hi in b.stub_ranges:
        for ins in iced_x86.Decoder(32, b.read(lo, min(hi - lo, 1 << 20)), ip=lo):
            if ins.flow_control == iced_x86.FlowControl.INDIRECT_BRANCH and ins.op0_kind == iced_x86.OpKind.MEMORY \
                    and ins.memory_base == iced_x86.Register.EBX:
                d = ins.memory_displacement
                d = d - (1 << 32) if d >= 1 << 31 else d
                nm = slots.get(got + d)
                if nm:
                    out[ins.ip] = nm
    return out


def _got_address(ex: Extraction) -> int | None:
    """Where ``_GLOBAL_OFFSET_TABLE_`` points in an i386 ELF: the start of .got.plt (else .got)."""
    secs = {s.name: s.va for s in ex.binary.sections}
    return secs.get(".got.plt", secs.get(".got"))


def _operand_features(ex: Extraction) -> tuple[list[frozenset[int]], list[frozenset[int]], list[set[str]]]:
    """Per function: struct-field offsets (displacements off a non-stack base register), small
    immediates, and (i386 PIC) strings addressed relative to the GOT register. Offsets and small
    immediates survive a change of optimisation level better than instruction n-grams: the fields a
    function touches and the values it compares against stay the same."""
    b = ex.binary
    t = ex.table
    thunks = _pc_thunks(ex)
    got = _got_address(ex) if thunks and PIC_STRINGS else None
    offsets: list[frozenset[int]] = []
    smalls: list[frozenset[int]] = []
    pic_strings: list[set[str]] = []
    for f in ex.functions:
        offs: set[int] = set()
        sm: set[int] = set()
        strs: set[str] = set()
        pic = {thunks[c] for c in f.calls if c in thunks} if got is not None else set()
        for blk in f.block_ids.tolist():
            lo, hi = int(ex.block_first[blk]), int(ex.block_last[blk])
            start = int(t.ip[lo])
            end = int(t.ip[hi]) + int(t.length[hi])
            dec = iced_x86.Decoder(b.bitness, b.read(start, end - start), ip=start)
            for ins in dec:
                for i in range(ins.op_count):
                    k = ins.op_kind(i)
                    if k == iced_x86.OpKind.MEMORY:
                        base = ins.memory_base
                        d = ins.memory_displacement
                        if base in pic and got is not None:
                            # the thunk's register may hold the GOT (ebx does for the whole function;
                            # others briefly): a string there is a PIC string reference
                            sd = d - (1 << 32) if d >= 1 << 31 else d
                            st = b.read_cstring(got + sd, limit=128) if sd < 0 or base == iced_x86.Register.EBX \
                                else None
                            if st:
                                strs.add(st)
                                continue
                        got_reg = base == iced_x86.Register.EBX and base in pic
                        if base not in _STACK_REGS and not got_reg and 0 < d < 0x10000:
                            offs.add(int(d))
                    elif k in _IMM_KINDS:
                        v = ins.immediate(i)
                        # stack frame sizes (sub rsp, N) change with the optimisation level: not kept
                        if 2 <= v < 0x100 and not (ins.op0_kind == iced_x86.OpKind.REGISTER
                                                   and ins.op0_register in _SP_REGS):
                            sm.add(int(v))
        offsets.append(frozenset(offs))
        smalls.append(frozenset(sm))
        pic_strings.append(strs)
    return offsets, smalls, pic_strings


# ---------------------------------------------------------------- similarity


def _closeness(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    x = x.astype(np.float32) + 1.0
    y = y.astype(np.float32) + 1.0
    return np.minimum(x, y) / np.maximum(x, y)


class SetFeatures:
    """The per-function sets of two sides (strings, constants, imports, field offsets, small
    immediates) as sparse matrices over one shared vocabulary, each value weighted by its rarity
    (log inverse document frequency over both sides): a rare constant says more than the offset 8."""

    KINDS = ("strings", "consts", "imports", "offsets", "smalls")

    def __init__(self, a: Side, b: Side) -> None:
        # call-graph degrees (distinct callees, callers)
        self.deg_a = (np.asarray([len(c) for c in a.callees], dtype=np.int32),
                      np.asarray([len(c) for c in a.callers], dtype=np.int32))
        self.deg_b = (np.asarray([len(c) for c in b.callees], dtype=np.int32),
                      np.asarray([len(c) for c in b.callers], dtype=np.int32))
        self.mats: dict[str, tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray, np.ndarray]] = {}
        n = len(a) + len(b)
        for kind in self.KINDS:
            sa: list[frozenset[Any]] = getattr(a, kind)
            sb: list[frozenset[Any]] = getattr(b, kind)
            vocab: dict[Any, int] = {}
            for sets in (sa, sb):
                for st in sets:
                    for v in st:
                        vocab.setdefault(v, len(vocab))
            df = np.zeros(len(vocab), dtype=np.float64)
            built = []
            for sets in (sa, sb):
                rows = [i for i, st in enumerate(sets) for _ in st]
                cols = [vocab[v] for st in sets for v in st]
                np.add.at(df, np.asarray(cols, dtype=np.int64), 1.0)
                built.append((rows, cols, len(sets)))
            idf = np.log1p(n / np.maximum(df, 1.0)).astype(np.float32) if RARITY else np.ones(len(df), np.float32)
            mats = []
            for rows, cols, nr in built:
                m = sparse.csr_matrix((idf[np.asarray(cols, dtype=np.int64)], (rows, cols)),
                                      shape=(nr, len(vocab)), dtype=np.float32)
                mats.append(m)
            wa = np.asarray(mats[0].sum(axis=1)).ravel()
            wb = np.asarray(mats[1].sum(axis=1)).ravel()
            self.mats[kind] = (mats[0], mats[1], wa, wb)

    def jaccard(self, kind: str, ia: np.ndarray, ib: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Weighted Jaccard of the pairs' sets, and whether either set is non-empty."""
        ma, mb, wa, wb = self.mats[kind]
        has = (wa[ia] > 0) | (wb[ib] > 0)
        jac = np.zeros(len(ia), dtype=np.float32)
        both = np.nonzero((wa[ia] > 0) & (wb[ib] > 0))[0]
        step = 1 << 16
        for s0 in range(0, len(both), step):
            k = both[s0:s0 + step]
            inter = np.asarray(ma[ia[k]].multiply(mb[ib[k]] > 0).sum(axis=1)).ravel()
            union = wa[ia[k]] + wb[ib[k]] - inter
            jac[k] = np.clip(inter / np.maximum(union, 1e-6), 0.0, 1.0)
        return jac, has


def pair_similarity(a: Side, b: Side, ia: np.ndarray, ib: np.ndarray, feats: SetFeatures | None = None,
                    ) -> np.ndarray:
    """Feature similarity of the function pairs (a[ia], b[ib]), in [0, 1]: a weighted mean of MinHash
    agreement, size closeness (blocks, instructions, calls), and the rarity-weighted Jaccard similarity
    of referenced strings, constants, called imports, struct-field offsets and small immediates
    (each only where either function has some)."""
    ia = np.asarray(ia, dtype=np.int64)
    ib = np.asarray(ib, dtype=np.int64)
    if not len(ia):
        return np.zeros(0, dtype=np.float32)
    mh = np.empty(len(ia), dtype=np.float32)
    step = 1 << 16
    for s in range(0, len(ia), step):
        mh[s:s + step] = (a.minhash[ia[s:s + step]] == b.minhash[ib[s:s + step]]).mean(axis=1)
    if feats is None:
        feats = SetFeatures(a, b)
    shape = (_closeness(a.n_blocks[ia], b.n_blocks[ib]) + _closeness(a.n_calls[ia], b.n_calls[ib])
             + 0.5 * _closeness(a.n_insns[ia], b.n_insns[ib])
             + W_DEGREE * _closeness(feats.deg_a[0][ia], feats.deg_b[0][ib])
             + W_DEGREE * _closeness(feats.deg_a[1][ia], feats.deg_b[1][ib])) / (2.5 + 2 * W_DEGREE)
    num = W_MINHASH * mh + W_SHAPE * shape
    den = np.full(len(ia), W_MINHASH + W_SHAPE, dtype=np.float32)
    if feats is None:
        feats = SetFeatures(a, b)
    for kind, w in (("strings", W_STRINGS), ("consts", W_CONSTS), ("imports", W_IMPORTS), ("offsets", W_OFFSETS),
                    ("smalls", W_SMALLS)):
        jac, has = feats.jaccard(kind, ia, ib)
        num += w * jac * has
        den += w * has
    sim = num / den
    same = a.exact[ia] == b.exact[ib]
    sim[same] = 1.0
    return sim.astype(np.float32)


def _candidates(a: Side, b: Side) -> tuple[np.ndarray, np.ndarray]:
    """All pairs when small enough, else pairs sharing a MinHash value, a string, constant or import."""
    na, nb = len(a), len(b)
    if na * nb <= DENSE_LIMIT:
        ia, ib = np.meshgrid(np.arange(na), np.arange(nb), indexing="ij")
        return ia.ravel(), ib.ravel()
    keys: set[tuple[int, int]] = set()
    for col in range(a.minhash.shape[1]):  # share a MinHash value in some row: a loose LSH
        va, vb = a.minhash[:, col], b.minhash[:, col]
        ob = np.argsort(vb, kind="stable")
        sb = vb[ob]
        lo = np.searchsorted(sb, va, side="left")
        hi = np.searchsorted(sb, va, side="right")
        for i in np.nonzero((hi - lo > 0) & (hi - lo <= 8))[0].tolist():
            for j in ob[lo[i]:hi[i]].tolist():
                keys.add((i, int(j)))
    for sets_a, sets_b in ((a.strings, b.strings), (a.consts, b.consts), (a.imports, b.imports)):
        inv: dict[Any, list[int]] = {}
        for j, s in enumerate(sets_b):
            for v in s:
                inv.setdefault(v, []).append(j)
        for i, s in enumerate(sets_a):
            for v in s:
                js = inv.get(v, ())
                if len(js) <= 16:
                    keys.update((i, j) for j in js)
    if not keys:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    arr = np.asarray(sorted(keys), dtype=np.int64)
    return arr[:, 0], arr[:, 1]


# ---------------------------------------------------------------- alignment


def _unique_groups(keys_a: list[Any], keys_b: list[Any], free_a: np.ndarray, free_b: np.ndarray,
                   ) -> list[tuple[int, int]]:
    """Pairs of free functions whose key is unique among the free functions of each side."""
    ga: dict[Any, list[int]] = {}
    gb: dict[Any, list[int]] = {}
    for i in np.nonzero(free_a)[0].tolist():
        if keys_a[i] is not None:
            ga.setdefault(keys_a[i], []).append(i)
    for j in np.nonzero(free_b)[0].tolist():
        if keys_b[j] is not None:
            gb.setdefault(keys_b[j], []).append(j)
    return [(v[0], gb[k][0]) for k, v in ga.items() if len(v) == 1 and len(gb.get(k, ())) == 1]


class _State:
    def __init__(self, a: Side, b: Side) -> None:
        self.a, self.b = a, b
        self.ma = np.full(len(a), -1, dtype=np.int64)
        self.mb = np.full(len(b), -1, dtype=np.int64)
        self.pairs: list[Pair] = []
        self.round = 0
        self._sim_cache: dict[tuple[int, int], float] = {}
        self.adj: tuple[sparse.csr_matrix, sparse.csr_matrix] | None = None
        self.feats = SetFeatures(a, b)
        self.best_a: np.ndarray | None = None
        self.best_b: np.ndarray | None = None

    def add(self, i: int, j: int, sim: float, score: float, reason: str) -> None:
        if self.ma[i] >= 0 or self.mb[j] >= 0:
            return
        self.ma[i] = j
        self.mb[j] = i
        self.pairs.append(Pair(i, j, round(float(sim), 4), round(float(score), 4), reason, self.round))

    def set_best(self, ca: np.ndarray, cb: np.ndarray, csim: np.ndarray) -> None:
        """Each function's best similarity over all its candidates (for plausibility checks)."""
        self.best_a = np.zeros(len(self.a), dtype=np.float32)
        self.best_b = np.zeros(len(self.b), dtype=np.float32)
        np.maximum.at(self.best_a, ca, csim)
        np.maximum.at(self.best_b, cb, csim)

    def plausible(self, i: int, j: int, sim: float) -> bool:
        """A neighbour pair is plausible unless either function has a far better match elsewhere."""
        if self.best_a is None or self.best_b is None:
            return True
        return bool(sim >= self.best_a[i] - PLAUSIBLE_GAP and sim >= self.best_b[j] - PLAUSIBLE_GAP)

    def sim(self, ia: list[int], ib: list[int]) -> np.ndarray:
        """Similarity of all pairs ia x ib (cached)."""
        out = np.empty((len(ia), len(ib)), dtype=np.float32)
        todo_a, todo_b, where = [], [], []
        for x, i in enumerate(ia):
            for y, j in enumerate(ib):
                v = self._sim_cache.get((i, j))
                if v is None:
                    todo_a.append(i)
                    todo_b.append(j)
                    where.append((x, y))
                else:
                    out[x, y] = v
        if todo_a:
            vals = pair_similarity(self.a, self.b, np.asarray(todo_a), np.asarray(todo_b), self.feats)
            for (x, y), i, j, v in zip(where, todo_a, todo_b, vals.tolist(), strict=True):
                out[x, y] = v
                self._sim_cache[(i, j)] = v
        return out


def _adjacency(side: Side) -> sparse.csr_matrix:
    n = len(side)
    rows = [i for i, cs in enumerate(side.callees) for _ in cs]
    cols = [j for cs in side.callees for j in cs]
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, n))


def _support(st: _State, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """Share of the neighbours of each pair (callers, callees, and the functions before and after it
    in address order) that are paired with each other."""
    a, b = st.a, st.b
    na, nb = len(a), len(b)
    if not len(ia):
        return np.zeros(0, dtype=np.float32)
    if st.adj is None:
        st.adj = (_adjacency(a), _adjacency(b))
    ca, cb = st.adj
    pa = np.nonzero(st.ma >= 0)[0]
    m = sparse.csr_matrix((np.ones(len(pa), dtype=np.float32), (pa, st.ma[pa])), shape=(na, nb))
    # callees: C_A M C_B^T; callers: C_A^T M C_B
    hits_m = (ca @ m @ cb.T + ca.T @ m @ cb).tocoo()
    keys = hits_m.row.astype(np.int64) * nb + hits_m.col.astype(np.int64)
    order = np.argsort(keys)
    keys, vals = keys[order], hits_m.data[order]
    q = ia * nb + ib
    hits = np.zeros(len(q), dtype=np.float32)
    if len(keys):
        pos = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
        hit = keys[pos] == q
        hits[hit] = vals[pos[hit]]
    out_a = np.diff(ca.indptr)
    out_b = np.diff(cb.indptr)
    in_a = np.bincount(ca.indices, minlength=na)
    in_b = np.bincount(cb.indices, minlength=nb)
    if SUPPORT_NORM == "max":
        tot = (np.maximum(out_a[ia], out_b[ib]) + np.maximum(in_a[ia], in_b[ib])).astype(np.float32)
    elif SUPPORT_NORM == "min":
        tot = (np.minimum(out_a[ia], out_b[ib]) + np.minimum(in_a[ia], in_b[ib])).astype(np.float32)
    else:
        tot = ((out_a[ia] + out_b[ib] + in_a[ia] + in_b[ib]) / 2).astype(np.float32)
    for d in (-1, 1):
        x, y = ia + d, ib + d
        ok = (x >= 0) & (x < na) & (y >= 0) & (y < nb)
        tot += ok
        hits += ok & (st.ma[np.clip(x, 0, na - 1)] == y)
    return np.where(tot > 0, hits / np.maximum(tot, 1), 0).astype(np.float32)


def _top2(key: np.ndarray, score: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pair: whether it is the best of its key group, and the group's best and second-best scores."""
    order = np.lexsort((-score, key))
    ks, ss = key[order], score[order]
    first = np.r_[True, ks[1:] != ks[:-1]]
    group = np.cumsum(first) - 1
    best = ss[first]
    second = np.full(len(best), -1.0, dtype=np.float64)
    has2 = np.r_[first[1:] == False, False] & first  # noqa: E712 -- a group of at least two
    second[group[has2]] = ss[np.nonzero(has2)[0] + 1]
    is_best = np.zeros(len(key), dtype=bool)
    is_best[order[first]] = True
    g_of = np.empty(len(key), dtype=np.int64)
    g_of[order] = group
    return is_best, best[g_of], second[g_of]


def _mutual_best(ia: np.ndarray, ib: np.ndarray, score: np.ndarray, margin: float = 0.0,
                 ) -> list[tuple[int, int, int]]:
    """(i, j, k) with k the index of the pair, for pairs that are the best of their row and column
    (ties excluded: an ambiguous best is no best), by more than ``margin`` over the runner-up."""
    if not len(ia):
        return []
    sc = np.asarray(score, dtype=np.float64)
    ba, _, sa = _top2(np.asarray(ia), sc)
    bb, _, sb = _top2(np.asarray(ib), sc)
    ok = ba & bb & (sc - np.maximum(sa, 0.0) > margin) & (sc - np.maximum(sb, 0.0) > margin)
    ks = np.nonzero(ok)[0]
    return list(zip(np.asarray(ia)[ks].tolist(), np.asarray(ib)[ks].tolist(), ks.tolist(), strict=True))


def _propagate(st: _State) -> int:
    """Pair the unpaired callees (and callers) of paired functions among themselves."""
    a, b = st.a, st.b
    added = 0
    queue = [(p.a, p.b) for p in st.pairs]
    while queue:
        i, j = queue.pop()
        for na, nb in ((a.callees[i], b.callees[j]), (a.callers[i], b.callers[j])):
            fa = [x for x in na if st.ma[x] < 0]
            fb = [y for y in nb if st.mb[y] < 0]
            if not fa or not fb:
                continue
            sim = st.sim(fa, fb)
            if len(fa) == 1 and len(fb) == 1:
                if sim[0, 0] >= PROPAGATE_MIN and st.plausible(fa[0], fb[0], sim[0, 0]):
                    st.add(fa[0], fb[0], sim[0, 0], sim[0, 0], "callgraph")
                    queue.append((fa[0], fb[0]))
                    added += 1
                continue
            gi, gj = np.meshgrid(np.arange(len(fa)), np.arange(len(fb)), indexing="ij")
            flat = sim.ravel()
            for x, y, k in _mutual_best(gi.ravel(), gj.ravel(), flat, margin=0.05):
                if flat[k] >= PROPAGATE_MIN + 0.1 and st.ma[fa[x]] < 0 and st.mb[fb[y]] < 0 and \
                        st.plausible(fa[x], fb[y], flat[k]):
                    st.add(fa[x], fb[y], flat[k], flat[k], "callgraph")
                    queue.append((fa[x], fb[y]))
                    added += 1
    return added


def _propagate_call_order(st: _State) -> int:
    """In each pair's call lists (in the order the code makes the calls), pair the unpaired callees
    that sit between the same two paired callees, in order, when both stretches are as long."""
    a, b = st.a, st.b
    added = 0
    for p in list(st.pairs):
        sa, sb = a.callees[p.a], b.callees[p.b]
        if len(sa) < 2 or len(sb) < 2:
            continue
        pos_b = {y: k for k, y in enumerate(sb)}
        last_b = -1
        anchors = []
        for k, x in enumerate(sa):
            y = int(st.ma[x])
            if y >= 0 and y in pos_b and pos_b[y] > last_b:
                anchors.append((k, pos_b[y]))
                last_b = pos_b[y]
        anchors.append((len(sa), len(sb)))
        prev = (-1, -1)
        for ka, kb in anchors:
            ga = [x for x in sa[prev[0] + 1:ka] if st.ma[x] < 0]
            gb = [y for y in sb[prev[1] + 1:kb] if st.mb[y] < 0]
            prev = (ka, kb)
            if not ga or len(ga) != len(gb) or len(ga) > GAP_MAX:
                continue
            sim = st.sim(ga, gb)
            for t, (x, y) in enumerate(zip(ga, gb, strict=True)):
                if sim[t, t] >= CALL_ORDER_MIN and st.ma[x] < 0 and st.mb[y] < 0 and st.plausible(x, y, sim[t, t]):
                    st.add(x, y, sim[t, t], sim[t, t], "callgraph")
                    added += 1
    return added


def _propagate_layout(st: _State) -> int:
    """Pair the unpaired functions next to a pair in address order when they are the best pair of
    their small window (a function inlined away on one side shifts the order by one)."""
    a, b = st.a, st.b
    added = 0
    queue = [(p.a, p.b) for p in st.pairs]
    while queue:
        i, j = queue.pop()
        for d in (-1, 1):
            x, y = i + d, j + d
            if not (0 <= x < len(a) and 0 <= y < len(b)) or st.ma[x] >= 0 or st.mb[y] >= 0:
                continue
            wa = [x + d * k for k in range(LAYOUT_WINDOW) if 0 <= x + d * k < len(a) and st.ma[x + d * k] < 0]
            wb = [y + d * k for k in range(LAYOUT_WINDOW) if 0 <= y + d * k < len(b) and st.mb[y + d * k] < 0]
            sim = st.sim(wa, wb)
            s0 = sim[0, 0]
            if s0 >= LAYOUT_MIN and s0 >= sim[0].max() and s0 >= sim[:, 0].max() and st.plausible(x, y, s0):
                st.add(x, y, s0, s0, "layout")
                queue.append((x, y))
                added += 1
    return added


def _fill_gaps(st: _State) -> int:
    """Between two pairs that follow each other in address order on both sides, pair the unpaired
    functions in between: in order when both gaps hold as many functions, else the mutual-best pairs
    of the gap (translation units keep their order through the linker)."""
    paired = np.nonzero(st.ma >= 0)[0]
    if len(paired) < 2:
        return 0
    added = 0
    js = st.ma[paired]
    for k in range(len(paired) - 1):
        i1, i2 = int(paired[k]), int(paired[k + 1])
        j1, j2 = int(js[k]), int(js[k + 1])
        if i2 - i1 < 2 or j2 - j1 < 2 or i2 - i1 > GAP_MAX + 1 or j2 - j1 > GAP_MAX + 1:
            continue
        ga = [x for x in range(i1 + 1, i2) if st.ma[x] < 0]
        gb = [y for y in range(j1 + 1, j2) if st.mb[y] < 0]
        if not ga or not gb:
            continue
        sim = st.sim(ga, gb)
        if len(ga) == len(gb):
            for t, (x, y) in enumerate(zip(ga, gb, strict=True)):
                if sim[t, t] >= GAP_MIN and st.plausible(x, y, sim[t, t]):
                    st.add(x, y, sim[t, t], sim[t, t], "layout")
                    added += 1
            continue
        gi, gj = np.meshgrid(np.arange(len(ga)), np.arange(len(gb)), indexing="ij")
        flat = sim.ravel()
        for x, y, t in _mutual_best(gi.ravel(), gj.ravel(), flat, margin=0.05):
            if flat[t] >= LAYOUT_MIN and st.plausible(ga[x], gb[y], flat[t]):
                st.add(ga[x], gb[y], flat[t], flat[t], "layout")
                added += 1
    return added


def _propagate_all(st: _State) -> None:
    """Propagation along the call graph and the address order until nothing more is paired."""
    while True:
        n = _propagate(st) + _propagate_layout(st)
        n += _fill_gaps(st) if GAP_MAX else 0
        n += _propagate_call_order(st) if CALL_ORDER else 0
        if not n:
            return


def align(a: Side, b: Side, *, use_names: bool = True, propagate: bool = True) -> Alignment:
    """One-to-one alignment of the functions of ``a`` and ``b``."""
    st = _State(a, b)
    free_a = np.ones(len(a), dtype=bool)
    free_b = np.ones(len(b), dtype=bool)
    # 1. exact twins, unique on both sides
    ka = [int(x) for x in a.exact.tolist()]
    kb = [int(x) for x in b.exact.tolist()]
    for i, j in _unique_groups(ka, kb, free_a, free_b):
        if a.n_insns[i] >= MIN_INSNS_EXACT:
            st.add(i, j, 1.0, 1.0, "exact")
    # 2. names the files state
    if use_names:
        st.round += 1
        for i, j in _unique_groups(list(a.names), list(b.names), st.ma < 0, st.mb < 0):
            s = float(pair_similarity(a, b, np.asarray([i]), np.asarray([j]), st.feats)[0])
            st.add(i, j, s, 1.0, "name")
    # 3. fuzzy rounds with neighbour support, propagation after each
    ca, cb = _candidates(a, b)
    csim = pair_similarity(a, b, ca, cb, st.feats)
    st.set_best(ca, cb, csim)
    for thr in ROUNDS:
        while True:
            st.round += 1
            if propagate:
                _propagate_all(st)
            keep = (st.ma[ca] < 0) & (st.mb[cb] < 0)
            ia, ib, sim = ca[keep], cb[keep], csim[keep]
            if not len(ia):
                break
            # only pairs that could clear the threshold need their support computed
            pre = sim + SUPPORT_WEIGHT >= thr - FUZZY_MARGIN if propagate else sim >= thr - FUZZY_MARGIN
            ia, ib, sim = ia[pre], ib[pre], sim[pre]
            sup = _support(st, ia, ib) if propagate else np.zeros(len(ia), dtype=np.float32)
            # tiny functions look alike everywhere: paired on features alone only when identical
            tiny = (np.minimum(a.n_insns[ia], b.n_insns[ib]) < MIN_INSNS_FUZZY) & (sup == 0) & (sim < 1.0)
            ia, ib, sim, sup = ia[~tiny], ib[~tiny], sim[~tiny], sup[~tiny]
            score = (sim + SUPPORT_WEIGHT * sup) / (1 + SUPPORT_WEIGHT * (sup > 0))
            score = np.maximum(score, sim)
            # a pair below the threshold (less the margin) can neither be paired nor stop another
            near = score >= thr - FUZZY_MARGIN
            ia, ib, sim, score = ia[near], ib[near], sim[near], score[near]
            n0 = len(st.pairs)
            for i, j, k in _mutual_best(ia, ib, score, margin=FUZZY_MARGIN):
                if score[k] >= thr:
                    st.add(i, j, sim[k], score[k], "fuzzy")
            if len(st.pairs) == n0:
                break
    if propagate:
        _propagate_all(st)
    # exact twins that were not unique: pair them in address order among what is left
    groups_a: dict[int, list[int]] = {}
    groups_b: dict[int, list[int]] = {}
    for i in np.nonzero(st.ma < 0)[0].tolist():
        groups_a.setdefault(ka[i], []).append(i)
    for j in np.nonzero(st.mb < 0)[0].tolist():
        groups_b.setdefault(kb[j], []).append(j)
    st.round += 1
    for key, ga in groups_a.items():
        for i, j in zip(ga, groups_b.get(key, ()), strict=False):
            if a.n_insns[i] >= 5:
                st.add(i, j, 1.0, 0.5, "exact")
    pairs = sorted(st.pairs, key=lambda p: (p.a))
    return Alignment(
        pairs=pairs,
        unmatched_a=np.nonzero(st.ma < 0)[0].tolist(),
        unmatched_b=np.nonzero(st.mb < 0)[0].tolist(),
        stats={"candidates": len(ca), "dense": len(a) * len(b) <= DENSE_LIMIT},
    )


def greedy_baseline(a: Side, b: Side, *, min_sim: float = 0.5) -> list[tuple[int, int, float]]:
    """A pairwise baseline: each function's best MinHash match, greedily one-to-one, best first (no
    exact pass, no other features, no call graph). MCRIT-style function matching over codekin's
    fingerprints."""
    ca, cb = _candidates(a, b)
    if not len(ca):
        return []
    mh = np.empty(len(ca), dtype=np.float32)
    step = 1 << 16
    for s in range(0, len(ca), step):
        mh[s:s + step] = (a.minhash[ca[s:s + step]] == b.minhash[cb[s:s + step]]).mean(axis=1)
    order = np.argsort(-mh, kind="stable")
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for k in order.tolist():
        if mh[k] < min_sim:
            break
        i, j = int(ca[k]), int(cb[k])
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j, float(mh[k])))
    return out


# ---------------------------------------------------------------- report (stable JSON)

SCHEMA_ID = "codekin.compare/1"


def pair_weight(sim: float, insns_a: int, insns_b: int, library: bool) -> float:
    """Evidence weight of a pair: similarity times log2(1 + instructions of the smaller function);
    library code weighs nothing (shared by everyone who links the library)."""
    if library:
        return 0.0
    return float(sim) * math.log2(1 + min(int(insns_a), int(insns_b)))


def library_functions(store: Store, prints: FunctionPrints, *, min_sim: float = 0.7) -> dict[int, str]:
    """Function index -> library name, for functions whose code is library code in ``store``
    (exact twin, or MinHash similarity >= ``min_sim`` to a function of a library sample)."""
    samples = store.samples()
    lib = {sid: (s.family or s.name or "library") for sid, s in samples.items() if s.library}
    out: dict[int, str] = {}
    if not lib or not len(prints):
        return out
    tiny = prints.n_insns < 5
    q, _f, sid, _a = store.exact_matches(np.where(tiny, np.uint64(0), prints.exact))
    for qi, s in zip(q.tolist(), sid.tolist(), strict=True):
        if s in lib and qi not in out:
            out[int(qi)] = lib[s]
    cand = store.lsh_candidates(prints.bands)
    if len(cand.qi):
        keep = ~np.isin(cand.qi, np.fromiter(out, dtype=np.int64, count=len(out)))
        qi_arr, fid_arr = cand.qi[keep], cand.fid[keep]
        fetched = store.functions(np.unique(fid_arr))
        row = {int(f): k for k, f in enumerate(fetched.fid.tolist())}
        for qi, fid in zip(qi_arr.tolist(), fid_arr.tolist(), strict=True):
            k = row.get(int(fid))
            if k is None or qi in out:
                continue
            s = int(fetched.sample_id[k])
            if s in lib and float((prints.minhash[qi] == fetched.minhash[k]).mean()) >= min_sim:
                out[int(qi)] = lib[s]
    return out


def report(a: Side, b: Side, al: Alignment, *, library_a: dict[int, str] | None = None,
           library_b: dict[int, str] | None = None, info_a: dict[str, Any] | None = None,
           info_b: dict[str, Any] | None = None) -> dict[str, Any]:
    """The comparison as plain data (stable JSON: docs/json.md, schemas/compare.schema.json)."""
    from codekin import __version__

    la = library_a or {}
    lb = library_b or {}
    pairs: list[dict[str, Any]] = []
    for p in al.pairs:
        lib_name = la.get(p.a) or lb.get(p.b)
        w = pair_weight(p.similarity, int(a.n_insns[p.a]), int(b.n_insns[p.b]), lib_name is not None)
        pairs.append({
            "address_a": int(a.address[p.a]), "address_b": int(b.address[p.b]),
            "name_a": a.names[p.a], "name_b": b.names[p.b],
            "similarity": round(float(p.similarity), 4), "score": round(float(p.score), 4),
            "reason": p.reason, "round": p.round,
            "instructions_a": int(a.n_insns[p.a]), "instructions_b": int(b.n_insns[p.b]),
            "blocks_a": int(a.n_blocks[p.a]), "blocks_b": int(b.n_blocks[p.b]),
            "weight": round(w, 4), "library": lib_name,
        })
    pairs.sort(key=lambda d: (-d["weight"], -d["similarity"], d["address_a"]))

    def unmatched(s: Side, idx: list[int], lib: dict[int, str]) -> list[dict[str, Any]]:
        return [{"address": int(s.address[i]), "name": s.names[i], "instructions": int(s.n_insns[i]),
                 "blocks": int(s.n_blocks[i]), "library": lib.get(i)}
                for i in sorted(idx, key=lambda i: -int(s.n_insns[i]))]

    def sample(s: Side, info: dict[str, Any] | None) -> dict[str, Any]:
        d = {"name": s.name, "sha256": s.sha256, "format": s.format, "arch": s.arch, "functions": len(s),
             "instructions": int(s.n_insns.sum())}
        return d | (info or {})

    ins_a = max(1, int(a.n_insns.sum()))
    ins_b = max(1, int(b.n_insns.sum()))
    matched_ins_a = sum(int(a.n_insns[p.a]) for p in al.pairs)
    matched_ins_b = sum(int(b.n_insns[p.b]) for p in al.pairs)
    by_reason = {r: 0 for r in REASONS}
    for p in al.pairs:
        by_reason[p.reason] = by_reason.get(p.reason, 0) + 1
    sims = [d["similarity"] for d in pairs]
    return {
        "schema": SCHEMA_ID,
        "codekin": __version__,
        "a": sample(a, info_a),
        "b": sample(b, info_b),
        "summary": {
            "matched": len(pairs),
            "unmatched_a": len(al.unmatched_a),
            "unmatched_b": len(al.unmatched_b),
            "by_reason": by_reason,
            "identical": sum(1 for s in sims if s >= 1.0),
            "library": sum(1 for d in pairs if d["library"]),
            "coverage_a": round(matched_ins_a / ins_a, 4),
            "coverage_b": round(matched_ins_b / ins_b, 4),
            "similarity": round(sum(d["similarity"] * d["instructions_a"] for d in pairs)
                                / max(1, sum(d["instructions_a"] for d in pairs)), 4),
        },
        "pairs": pairs,
        "unmatched_a": unmatched(a, al.unmatched_a, la),
        "unmatched_b": unmatched(b, al.unmatched_b, lb),
    }
