"""Function fingerprints in bulk over one binary.

Per function:
- ``exact``: an order-sensitive hash of the normalised instruction sequence (iced ``Code``: opcode and
  operand form, no registers, no addresses, no displacements) in address order of its blocks, plus its
  non-address constants. Position independent: two copies of a function at different addresses, with
  different relocations, hash the same.
- ``minhash``: K x uint32, two MinHash signatures side by side (version 2). K_CODE words over the code
  features, built from coarse instruction tokens (``codekin.fingerprint.tokens``: no operand widths,
  one token per condition code): token trigrams and bigrams inside blocks, token counts, skeleton
  bigrams (no moves, loads, stores, stack traffic), blocks as token multisets with their out-degree,
  and the CFG shape. K - K_CODE words over the data features: constants, small constants with the
  token of the instruction using them, referenced strings, called imports (strings, constants and
  imports weighted up by salted copies). ``codekin.match.similarity`` blends the two agreements.
- ``bands``: BANDS LSH keys per function, from its data words (``lsh_bands``): what is rare across
  unrelated functions and survives a change of compiler, level and bitness.
- ranking data: instructions, bytes, blocks, edges, calls.

The configuration below is stored in every index; a change of it or of ``FINGERPRINT_VERSION`` makes
existing indexes stale (detected on open; ``codekin reindex`` brings them up to date).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from itertools import pairwise
from typing import Any

import numpy as np

from codekin.binary.model import Binary
from codekin.disasm.decoder import K_CALL, K_CALLI, K_JCC, K_JMP, K_JMPI
from codekin.disasm.model import Extraction
from codekin.fingerprint.hashing import hash_strs, mix64
from codekin.fingerprint.tokens import CLASS, CLASSES, TOKEN

try:  # the MinHash fold in C (src/codekin/fingerprint/_minhash.c), built at install where a compiler is at hand
    from codekin.fingerprint import _minhash as _mh_c
except ImportError:  # pragma: no cover - the numpy path below gives the same words
    _mh_c = None  # type: ignore[assignment]
# CODEKIN_PURE_KERNELS=1 takes the numpy paths of the compiled kernels (fingerprint and matcher)
PURE_KERNELS = os.environ.get("CODEKIN_PURE_KERNELS", "") in ("1", "true", "yes")

FINGERPRINT_VERSION = 2
K = 64  # words of the stored signature: K_CODE code words, then K - K_CODE data words
K_CODE = 40
DATA_BANDS, DATA_ROWS = 12, 2  # LSH over the data words (constants, operation-constant pairs, strings, imports)
CODE_ROWS = 3  # LSH over the code words for functions without data features (DATA_BANDS bands too)
BANDS = DATA_BANDS
MIN_INSNS_FUZZY = 8  # smaller functions are matched by exact hash only
FINGERPRINT_CONFIG = {
    "version": FINGERPRINT_VERSION,
    "tokens": "coarse-iced-code",
    "k": K,
    "k_code": K_CODE,
    "bands": [DATA_BANDS, DATA_ROWS, CODE_ROWS],
    "features": {"code": ["trigram", "bigram", "unigram-count", "skeleton-bigram", "block-multiset", "shape"],
                 "data": ["const", "op-small-const", "string", "import"]},
    "weights": {"const": 2, "string": 4, "import": 2},
    "min_insns_fuzzy": MIN_INSNS_FUZZY,
}
EMPTY = np.uint32(0xFFFFFFFF)  # a signature word of an empty feature set

_TAG_TRI, _TAG_BLOCK, _TAG_CONST, _TAG_STR, _TAG_API, _TAG_SHAPE, _TAG_EXACT, _TAG_BI, _TAG_UNI, _TAG_SKEL = (
    np.uint64(x << 56) for x in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
)
_SKEL = ~np.isin(CLASS, [CLASSES.index(c) for c in ("mov", "lea", "stack", "nop", "ext")])
_CLS_ADD = CLASSES.index("add")
_rng = np.random.default_rng(0xC0DE_C1A)
_MULT = (_rng.integers(1, 2**31, size=K, dtype=np.uint32) << np.uint32(1)) | np.uint32(1)
_ADD = _rng.integers(0, 2**32, size=K, dtype=np.uint64).astype(np.uint32)


@dataclass(slots=True)
class FunctionPrints:
    """Columns over the functions of one binary (same order as ``Extraction.functions``)."""

    address: np.ndarray  # int64
    n_insns: np.ndarray  # int32
    n_bytes: np.ndarray  # int32
    n_blocks: np.ndarray  # int32
    n_edges: np.ndarray  # int32
    n_calls: np.ndarray  # int32
    exact: np.ndarray  # uint64
    minhash: np.ndarray  # (n, K) uint32
    bands: np.ndarray  # (n, BANDS) uint64; rows of small functions are all zero
    strings: list[list[str]]  # referenced strings per function (evidence, YARA later)
    consts: list[list[int]]
    imports: list[list[str]]

    def __len__(self) -> int:
        return int(self.address.shape[0])


def _expand(first: np.ndarray, last: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All rows of ranges [first, last]; and for each row the index of its range."""
    counts = (last - first + 1).astype(np.int64)
    total = int(counts.sum())
    rng = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    rows = np.repeat(first, counts) + (np.arange(total) - np.repeat(starts, counts))
    return rows, rng


# functions are fingerprinted in groups of about this many instruction rows: the bulk arrays take
# some 300 bytes per row, so one pass over a 5M-instruction binary (gcc's cc1) peaked at 1.6 GB;
# every feature is computed per function, so the groups give exactly the whole pass's prints
CHUNK_ROWS = 1 << 20


def fingerprint(ex: Extraction) -> FunctionPrints:
    """Per-function fingerprints of ``ex`` (in ``ex.functions`` order), computed in bulk over groups
    of consecutive functions of at most ``CHUNK_ROWS`` instructions together (a bigger function
    makes a group of its own)."""
    fns = ex.functions
    if len(fns) < 2:
        return _fingerprint(ex)
    blen = (ex.block_last - ex.block_first + 1).astype(np.int64)
    nb = np.fromiter((f.n_blocks for f in fns), dtype=np.int64, count=len(fns))
    if not int(nb.sum()):
        return _fingerprint(ex)
    ids = np.concatenate([f.block_ids for f in fns]).astype(np.int64)
    per_fn = np.zeros(len(fns), dtype=np.int64)
    has = nb > 0
    per_fn[has] = np.add.reduceat(blen[ids], (np.cumsum(nb) - nb)[has])
    if int(per_fn.sum()) <= CHUNK_ROWS:
        return _fingerprint(ex)
    cuts = [0]
    acc = 0
    for i, r in enumerate(per_fn.tolist()):
        if acc and acc + r > CHUNK_ROWS:
            cuts.append(i)
            acc = 0
        acc += r
    cuts.append(len(fns))
    parts = [_fingerprint(replace(ex, functions=fns[a:b])) for a, b in pairwise(cuts)]
    return FunctionPrints(
        *(np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(FunctionPrints)
          if f.name not in ("strings", "consts", "imports")),
        [x for p in parts for x in p.strings], [x for p in parts for x in p.consts],
        [x for p in parts for x in p.imports])


def _fingerprint(ex: Extraction) -> FunctionPrints:
    t = ex.table
    fns = ex.functions
    n = len(fns)
    b = ex.binary
    if n == 0:
        z = np.zeros(0, dtype=np.int64)
        return FunctionPrints(z, z.astype(np.int32), z.astype(np.int32), z.astype(np.int32), z.astype(np.int32),
                              z.astype(np.int32), z.astype(np.uint64), np.zeros((0, K), np.uint32),
                              np.zeros((0, BANDS), np.uint64), [], [], [])
    # (function, block) pairs in address order of the blocks
    pair_fn = np.repeat(np.arange(n, dtype=np.int64), np.fromiter((f.n_blocks for f in fns), dtype=np.int64, count=n))
    pair_blk = np.concatenate([f.block_ids for f in fns]).astype(np.int64)
    bfirst = ex.block_first[pair_blk].astype(np.int64)
    if len(bfirst) and int(bfirst.min()) >= 0 and int(bfirst.max()) < 1 << 32:
        order = np.argsort((pair_fn << 32) | bfirst, kind="stable")  # one key: cheaper than lexsort
    else:
        order = np.lexsort((bfirst, pair_fn))
    pair_fn, pair_blk = pair_fn[order], pair_blk[order]
    first, last = ex.block_first[pair_blk], ex.block_last[pair_blk]
    rows, pair_of_row = _expand(first, last)
    fn_of_row = pair_fn[pair_of_row]
    crow = t.code[rows]
    code = crow.astype(np.uint64)
    kind = t.kind[rows]

    n_blocks = np.bincount(pair_fn, minlength=n).astype(np.int32)
    n_insns = np.bincount(fn_of_row, minlength=n).astype(np.int32)
    nbytes_row = t.length[rows].astype(np.int64)
    n_bytes = np.bincount(fn_of_row, weights=nbytes_row, minlength=n).astype(np.int32)
    lastkind = t.kind[last]
    outdeg = np.where(lastkind == K_JCC, 2, 1)  # a return or a jump: 1 (jump tables below)
    jrows = np.nonzero(lastkind == K_JMPI)[0]
    if len(jrows):
        outdeg[jrows] = [len(ex.block_succ_jt.get(int(x), ())) for x in pair_blk[jrows].tolist()]
    n_edges = np.bincount(pair_fn, weights=outdeg, minlength=n).astype(np.int32)
    is_call = (kind == K_CALL) | (kind == K_CALLI)
    n_calls = np.bincount(fn_of_row[is_call], minlength=n).astype(np.int32)

    # position of each row inside its block and inside its function
    pair_start = np.r_[0, np.cumsum(last - first + 1)[:-1]]
    fn_start_row = np.r_[0, np.cumsum(n_insns)[:-1]].astype(np.int64)
    pos_in_fn = (np.arange(len(rows)) - fn_start_row[fn_of_row]).astype(np.uint64)

    feats: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    tok = TOKEN[crow].astype(np.uint64)
    # 1. n-grams of coarse tokens inside a block
    if len(rows) >= 3:
        same = (pair_of_row[:-2] == pair_of_row[2:])
        tri = tok[:-2] | (tok[1:-1] << np.uint64(16)) | (tok[2:] << np.uint64(32))
        feats.append(mix64(tri[same] ^ _TAG_TRI))
        owners.append(fn_of_row[:-2][same])
    if len(rows) >= 2:
        same = (pair_of_row[:-1] == pair_of_row[1:])
        bi = tok[:-1] | (tok[1:] << np.uint64(16))
        feats.append(mix64(bi[same] ^ _TAG_BI))
        owners.append(fn_of_row[:-1][same])
    if len(rows):
        # each token with its occurrence number inside the function: a multiset, so counts matter
        key = (fn_of_row.astype(np.uint64) << np.uint64(16)) | tok
        ks = np.sort(key, kind="stable")  # equal keys are equal rows: no argsort needed (stable: faster here)
        run_start = np.r_[0, np.nonzero(ks[1:] != ks[:-1])[0] + 1]
        occ = np.arange(len(ks)) - np.repeat(run_start, np.diff(np.r_[run_start, len(ks)]))
        # occurrences counted on a log scale: 1, 2, 3-4, 5-8, ...
        occ_b = np.ceil(np.log2(occ + 1)).astype(np.uint64)
        feats.append(mix64((ks & np.uint64(0xFFFF)) ^ (occ_b << np.uint64(20)) ^ _TAG_UNI))
        owners.append((ks >> np.uint64(16)).astype(np.int64))
    if len(rows) >= 2:
        # the skeleton: arithmetic, logic, compares, branches and calls, without the moves, loads,
        # stores and stack traffic that register allocation and spilling add or remove
        keep = np.nonzero(_SKEL[crow])[0]
        sk, sp = tok[keep], pair_of_row[keep]
        if len(keep) >= 2:
            same = sp[:-1] == sp[1:]
            bi = sk[:-1] | (sk[1:] << np.uint64(16))
            feats.append(mix64(bi[same] ^ _TAG_SKEL))
            owners.append(fn_of_row[keep][:-1][same])
    # 2. whole blocks, order-insensitive over coarse tokens, with their out-degree
    with np.errstate(over="ignore"):
        contrib = mix64(tok ^ _TAG_BLOCK)
        bsum = np.add.reduceat(contrib, pair_start) if len(rows) else np.zeros(0, np.uint64)
        bsum = bsum ^ (outdeg.astype(np.uint64) << np.uint64(40))
        feats.append(mix64(bsum ^ _TAG_BLOCK))
        owners.append(pair_fn)

    n_code = len(feats)
    # constants and references (sparse): per row, then grouped per function
    imm = t.imm[rows]
    ref = t.ref[rows]
    w = FINGERPRINT_CONFIG["weights"]
    # constants: (function, value) pairs, de-duplicated, hashed in bulk
    cmask = (np.abs(imm) >= 0x100) & (kind != K_CALL) & (kind != K_JMP) & (kind != K_JCC)
    cidx = np.nonzero(cmask)[0]
    cidx = cidx[~_mapped(b, imm[cidx])]
    # small constants (1..255: loop bounds, masks, shift counts, sizes) with the coarse token of the
    # instruction using them ("shr r, 3", "cmp rm, 10"): they survive optimisation and are far rarer
    # than either part alone
    # Left out as too common to tell functions apart: -2..2 (increments, flags, booleans) and additions
    # or subtractions of multiples of 8 (stack frames, pointer steps)
    cls = CLASS[crow]
    generic = (np.abs(imm) <= 2) | ((cls == _CLS_ADD) & (imm % 8 == 0))
    sm = np.nonzero((np.abs(imm) < 0x100) & ~generic & (kind == 0))[0]
    sfn, sval = _unique_pairs(fn_of_row[sm], (tok[sm].astype(np.int64) << 32) ^ imm[sm])
    feats.append(mix64(sval.view(np.uint64) ^ _TAG_CONST ^ np.uint64(0x5A5A)))
    owners.append(sfn)
    cfn, cval = _unique_pairs(fn_of_row[cidx], imm[cidx])
    cval_u = cval.view(np.uint64)
    for c in range(w["const"]):  # type: ignore[index]
        feats.append(mix64(cval_u ^ _TAG_CONST ^ np.uint64(c * 0x9E3779B1)))
        owners.append(cfn)
    # the first 16 constants of each function (cfn, cval are sorted by function, then value)
    first16 = _rank_in_group(cfn) < 16
    consts: list[list[int]] = _group_lists(cfn[first16], cval[first16].tolist(), n)
    # referenced strings and imports (memory references; in 32-bit code also address immediates)
    ref_rows = np.nonzero(ref >= 0)[0]
    addr_rows = [ref_rows]
    addr_vals = [ref[ref_rows]]
    if b.bitness == 32:
        ir = np.nonzero((imm > 0) & (kind != K_CALL))[0]
        addr_rows.append(ir)
        addr_vals.append(imm[ir])
    ar = np.concatenate(addr_rows)
    afn, aval = _unique_pairs(fn_of_row[ar], np.concatenate(addr_vals))
    # what each distinct address names: an import slot, a string, or nothing (code is never a string)
    uaddr = sorted_unique(aval)
    slot_name = {imp.address: imp.name for imp in b.imports if imp.name}
    slots = np.asarray(sorted(slot_name), dtype=np.int64)
    u_slot = np.zeros(len(uaddr), dtype=bool)
    if len(slots) and len(uaddr):
        at = np.minimum(np.searchsorted(slots, uaddr), len(slots) - 1)
        u_slot = slots[at] == uaddr
    u_str = np.zeros(len(uaddr), dtype=bool)
    u_str[uaddr >= 0] = True
    u_str &= ~u_slot
    cand = np.flatnonzero(u_str)
    u_str[cand[b.is_code_many(uaddr[cand].astype(np.uint64))]] = False
    cand = np.flatnonzero(u_str)
    u_name: list[str | None] = [None] * len(uaddr)
    for i, name in zip(cand.tolist(), b.read_cstrings(uaddr[cand]), strict=True):
        u_name[i] = name
    for i in np.flatnonzero(u_slot).tolist():
        u_name[i] = slot_name[int(uaddr[i])]
    u_is_str = u_str & np.fromiter((x is not None for x in u_name), dtype=bool, count=len(uaddr))
    pos = np.searchsorted(uaddr, aval)
    hit_s, hit_i = u_is_str[pos], u_slot[pos]
    s_fn, s_name = afn[hit_s], [u_name[i] for i in pos[hit_s].tolist()]
    i_fn, i_name = afn[hit_i], [u_name[i] for i in pos[hit_i].tolist()]
    call_rows = np.nonzero(kind == K_CALL)[0]
    if ex.import_at and len(call_rows):
        cfns, ctgt = _unique_pairs(fn_of_row[call_rows], t.target[rows[call_rows]])
        utgt = sorted_unique(ctgt)
        tname = [ex.import_at.get(a) for a in utgt.tolist()]
        t_ok = np.fromiter((bool(x) for x in tname), dtype=bool, count=len(utgt))
        tpos = np.searchsorted(utgt, ctgt)
        hit_c = t_ok[tpos]
        i_fn = np.concatenate([i_fn, cfns[hit_c]])
        i_name += [tname[i] for i in tpos[hit_c].tolist()]  # type: ignore[misc]
    strings: list[list[str]] = [[] for _ in range(n)]
    imports: list[list[str]] = [[] for _ in range(n)]
    for fi_all, nm_all, which, base_salt, copies in ((s_fn, s_name, "strings", 100, w["string"]),
                                                      (i_fn, i_name, "imports", 200, w["import"])):
        if not len(fi_all):
            continue
        tag = _TAG_STR if base_salt == 100 else _TAG_API
        # the distinct (function, name) pairs sorted by function, then name: names by their rank among
        # the distinct names
        uniq = sorted(set(nm_all))  # type: ignore[type-var]
        rank_of = {st: r for r, st in enumerate(uniq)}
        own, rk = _unique_pairs(fi_all, np.fromiter((rank_of[st] for st in nm_all), dtype=np.int64,
                                                    count=len(nm_all)))
        lists = _group_lists(own, [uniq[r] for r in rk.tolist()], n)
        if which == "strings":
            strings = lists
        else:
            imports = lists
        # hash_str(st, salt) is the string's hash xor a salt term: hash each distinct string once
        h0 = hash_strs(uniq, 0)[rk]
        for c in range(copies):  # type: ignore[call-overload]
            salt = np.uint64((base_salt + c) * 0x9E3779B97F4A7C15 & 0xFFFFFFFFFFFFFFFF)
            feats.append(h0 ^ salt ^ tag)
            owners.append(own)
    n_data = len(feats)
    shape = (np.minimum(n_blocks, 63).astype(np.uint64) | (np.minimum(n_edges, 127).astype(np.uint64) << np.uint64(8))
             | (np.minimum(n_calls, 63).astype(np.uint64) << np.uint64(16)))
    feats.append(mix64(shape ^ _TAG_SHAPE))
    owners.append(np.arange(n, dtype=np.int64))

    # two signatures side by side: the code (instructions and shape) and the data (constants, strings,
    # imports); each is a MinHash of its own set, so a function's few data features are not drowned by
    # its many instruction n-grams, and the similarity can weigh the two (codekin.match.similarity)
    code_f, code_o = feats[:n_code] + feats[n_data:], owners[:n_code] + owners[n_data:]
    data_f, data_o = feats[n_code:n_data], owners[n_code:n_data]
    mh_code = _minhash(code_f, code_o, n, _MULT[:K_CODE], _ADD[:K_CODE])
    mh_data = _minhash(data_f, data_o, n, _MULT[K_CODE:], _ADD[K_CODE:])
    minhash = np.concatenate([mh_code, mh_data], axis=1)

    # exact: order-sensitive over the whole function, plus its constants
    with np.errstate(over="ignore"):
        ex_contrib = mix64(code ^ (pos_in_fn << np.uint64(20)) ^ _TAG_EXACT)
        exact = np.add.reduceat(ex_contrib, fn_start_row)
    if len(cfn):
        np.bitwise_xor.at(exact, cfn, mix64(cval_u ^ np.uint64(0x7777)))
    exact = mix64(exact)

    bands = lsh_bands(minhash)
    bands[n_insns < MIN_INSNS_FUZZY] = 0
    addr = np.asarray([f.start for f in fns], dtype=np.int64)
    return FunctionPrints(addr, n_insns, n_bytes, n_blocks, n_edges, n_calls, exact, minhash, bands,
                          strings, consts, imports)


def sorted_unique(x: np.ndarray) -> np.ndarray:
    """np.unique by sorting: numpy 2's hash-based unique is many times slower on large uint64 arrays."""
    if not len(x):
        return x
    a = np.sort(x)
    return a[np.r_[True, a[1:] != a[:-1]]]


def _unique_pairs(a: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """De-duplicated (a, v) pairs, sorted by a then v."""
    if not len(a):
        return a.astype(np.int64), v.astype(np.int64)
    a64, v64 = a.astype(np.int64, copy=False), v.astype(np.int64, copy=False)
    lo = int(v64.min())
    bits = (int(v64.max()) - lo).bit_length()
    if int(a64.min()) >= 0 and bits + int(a64.max()).bit_length() <= 62:
        # both in one int64 key (a above v's offset from its minimum), sorted as one column: equal keys
        # are equal pairs, so no argsort and no lexsort of two keys (fingerprint of the median dev-set
        # win query: 7.2 -> 6.9 ms)
        key = np.sort((a64 << bits) | (v64 - lo))
        key = key[np.r_[True, key[1:] != key[:-1]]]
        return key >> bits, (key & ((1 << bits) - 1)) + lo
    order = np.lexsort((v, a))
    a, v = a[order], v[order]
    keep = np.r_[True, (a[1:] != a[:-1]) | (v[1:] != v[:-1])]
    return a[keep].astype(np.int64), v[keep].astype(np.int64)


def _rank_in_group(g: np.ndarray) -> np.ndarray:
    """Position of each element inside its run of equal values of ``g`` (grouped)."""
    if not len(g):
        return np.zeros(0, dtype=np.int64)
    start = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    return np.arange(len(g)) - np.repeat(start, np.diff(np.r_[start, len(g)]))


def _group_lists(g: np.ndarray, vals: list[Any], n: int) -> list[list[Any]]:
    """Per owner 0..n-1, its values in order (``g``: owners, grouped, one per value)."""
    out: list[list[Any]] = [[] for _ in range(n)]
    if len(g):
        cut = (np.flatnonzero(g[1:] != g[:-1]) + 1).tolist()
        starts, ends = [0, *cut], [*cut, len(g)]
        for f, s, e in zip(g[starts].tolist(), starts, ends, strict=True):
            out[f] = vals[s:e]
    return out


def _mapped(b: Binary, vals: np.ndarray) -> np.ndarray:
    spans = sorted((r.va, r.va + r.vsize) for r in b.regions)
    if not spans:
        return np.zeros(len(vals), dtype=bool)
    lo = np.asarray([a for a, _ in spans], dtype=np.int64)
    hi = np.asarray([e for _, e in spans], dtype=np.int64)
    k = np.searchsorted(lo, vals, side="right") - 1
    return (k >= 0) & (vals < hi[np.maximum(k, 0)])


MERGE_MAX = 1 << 15  # _minhash: parts of at most this many features in all are merged first


def _minhash(feats: list[np.ndarray], owners: list[np.ndarray], n: int, mult: np.ndarray,
             add: np.ndarray) -> np.ndarray:
    """K-way MinHash of each owner's feature set (``_minhash_numpy``), in C where the kernel is built
    (``_minhash.c``: each owner's run of features folded word by word in vector registers, no
    words x features block in memory; 3.3x less time on the dev set's queries). The same words either
    way (tests/test_kernels.py)."""
    if _mh_c is None or PURE_KERNELS:
        return _minhash_numpy(feats, owners, n, mult, add)
    return _minhash_compiled(feats, owners, n, mult, add)


def _minhash_compiled(feats: list[np.ndarray], owners: list[np.ndarray], n: int, mult: np.ndarray,
                      add: np.ndarray) -> np.ndarray:
    out = np.full((n, len(mult)), EMPTY, dtype=np.uint32)
    mult_c = np.ascontiguousarray(mult, dtype=np.uint32)
    add_c = np.ascontiguousarray(add, dtype=np.uint32)
    for F, own in zip(feats, owners, strict=True):
        if len(F):
            # the minimum ignores order: parts go in as they are, no sort by owner (the kernel keeps an
            # owner's words in registers over each run of equal owners, and every part is grouped)
            _mh_c.fold(out, np.ascontiguousarray(F, dtype=np.uint64), np.ascontiguousarray(own, dtype=np.int64),
                       mult_c, add_c)
    return out


def _minhash_numpy(feats: list[np.ndarray], owners: list[np.ndarray], n: int, mult: np.ndarray,
                   add: np.ndarray) -> np.ndarray:
    """K-way MinHash of each owner's feature set: 32-bit multiply-add permutations of pre-mixed
    features (only the low 32 bits of a feature count; a feature repeated inside a function counts once,
    as the minimum ignores repeats).

    Each (features, owners) part is taken on its own with its owners in order (every part the
    fingerprint builds is grouped by function already), so no sort of the whole feature set is needed:
    per part, the minimum per owner over cache-sized blocks of features, folded into the signature.
    Sorting and de-duplicating the concatenation first cost twice as much (measured on the dev set's
    queries). The hashes are laid out one permutation per row (K x features): the minimum per owner
    then reduces contiguous runs, about three times faster than over the rows of a features x K block.
    """
    k = len(mult)
    out = np.full((k, n), np.uint32(0xFFFFFFFF), dtype=np.uint32)
    chunk = 1 << 14
    buf = np.empty(k * chunk, dtype=np.uint32)
    mult_c, add_c = mult[:, None], add[:, None]
    parts = [(F, own) for F, own in zip(feats, owners, strict=True) if len(F)]
    if len(parts) > 1 and sum(len(F) for F, _ in parts) <= MERGE_MAX:
        # few features in many parts (the data signature): one sort by owner beats a pass per part
        own = np.concatenate([np.asarray(o, dtype=np.int64) for _, o in parts])
        order = np.argsort(own.astype(np.uint16) if n <= 1 << 16 else own, kind="stable")
        parts = [(np.concatenate([F for F, _ in parts])[order], own[order])]
    for F, own in parts:
        m = len(F)
        own = np.asarray(own, dtype=np.int64)
        F32 = F.astype(np.uint32)  # the low 32 bits
        if m > 1 and bool((own[1:] < own[:-1]).any()):
            order = np.argsort(own, kind="stable")
            own, F32 = own[order], F32[order]
        for lo in range(0, m, chunk):
            hi = min(lo + chunk, m)
            o = own[lo:hi]
            starts = np.flatnonzero(o[1:] != o[:-1])
            starts += 1
            starts = np.concatenate((np.zeros(1, dtype=starts.dtype), starts))
            H = buf[: k * (hi - lo)].reshape(k, hi - lo)
            with np.errstate(over="ignore"):
                np.multiply(mult_c, F32[lo:hi], out=H)
                H += add_c
            red = np.minimum.reduceat(H, starts, axis=1)
            g = o[starts]
            out[:, g] = np.minimum(out[:, g], red)
    return np.ascontiguousarray(out.T)


def lsh_bands(minhash: np.ndarray) -> np.ndarray:
    """BANDS keys per signature, each a hash of a few words and the band number.

    Keys come from the data words (DATA_BANDS bands of DATA_ROWS words): constants, operation-constant
    pairs, strings and imports are rare across unrelated functions yet survive a change of compiler,
    optimisation level and bitness. Bands over the coarse code words would make most function pairs
    candidates: unrelated functions share most coarse instruction n-grams (measured: bench/similarity.py
    --lsh-rate). A function without any data feature gets its keys from its code words instead
    (DATA_BANDS bands of CODE_ROWS words): such keys only meet other functions without data. Keys that
    many stored functions share are left out at query time (the store's hot-band cut).
    """
    n = minhash.shape[0]
    data = minhash[:, K_CODE:K_CODE + DATA_BANDS * DATA_ROWS]
    code = minhash[:, :DATA_BANDS * CODE_ROWS]
    keys_d = _band_keys(data, DATA_BANDS, DATA_ROWS, 0)
    keys_c = _band_keys(code, DATA_BANDS, CODE_ROWS, 1)
    rich = ~(data == EMPTY).all(axis=1)
    acc = np.where(rich[:, None], keys_d, keys_c) if n else np.zeros((0, BANDS), np.uint64)
    acc[acc == 0] = 1  # 0 marks "no band"
    return acc


def _band_keys(words: np.ndarray, nb: int, nr: int, kind: int) -> np.ndarray:
    n = words.shape[0]
    mu = words.reshape(n, nb, nr).astype(np.uint64)
    acc = np.zeros((n, nb), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(nr):
            acc = mix64(acc ^ mu[:, :, r] ^ (np.uint64(r) << np.uint64(60)))
        acc = mix64(acc ^ (np.arange(nb, dtype=np.uint64)[None, :] + np.uint64(kind << 8)))
    return acc
