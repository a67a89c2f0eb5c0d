"""The ``Binary``: what a loader makes of an executable's bytes (format, arch, sections, metadata)."""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from typing import Any, Literal

import numpy as np

_PRINTABLE = re.compile(rb"[\t\n\r\x20-\x7e]{4,}")


CSTRING_LIMIT = 256  # bytes read for a string
_CSTR_WINDOW = 64  # Binary.read_cstrings: bytes gathered per address (longer strings are read one by one)


def decode_cstring(raw: bytes) -> str | None:
    """The string at the start of ``raw`` (bytes read at an address, up to ``CSTRING_LIMIT``): printable
    ASCII or UTF-16LE of at least 4 characters, else None. ``Binary.read_cstring`` reads one address;
    fingerprinting decodes the bytes of all the addresses a binary's code references, read in bulk
    (``Binary.read_many``)."""
    if not raw:
        return None
    end = raw.find(b"\0")
    s = raw if end < 0 else raw[:end]
    if _PRINTABLE.fullmatch(s):
        return s.decode("ascii")
    if len(raw) >= 8 and raw[1] == 0 and raw[3] == 0:
        chars = []
        for i in range(0, len(raw) - 1, 2):
            c = raw[i] | (raw[i + 1] << 8)
            if c == 0:
                break
            if not (32 <= c < 127 or c in (9, 10, 13)):
                return None
            chars.append(chr(c))
        if len(chars) >= 4:
            return "".join(chars)
    return None

Format = Literal["pe", "elf", "macho", "raw"]
Arch = Literal["x86", "x64"]


def entropy(data: bytes) -> float:
    """Shannon entropy in bits per byte (0..8)."""
    if not data:
        return 0.0
    n = len(data)
    # byte pairs pay off only where the 64k-bin count (512 KiB to clear and fold) is small beside
    # the data: measured 5 KiB: 12 us by bytes against 55 us by pairs, 64 KiB: even, 1 MiB: 1.2 ms
    # against 0.7 ms
    if n < 1 << 16:
        counts = np.bincount(np.frombuffer(data, dtype=np.uint8), minlength=256)
    else:
        # byte pairs counted as uint16 (half the elements), each pair's two bytes then summed out
        c = np.bincount(np.frombuffer(data, dtype=np.uint16, count=n // 2), minlength=1 << 16).reshape(256, 256)
        counts = c.sum(axis=0) + c.sum(axis=1)
        if n & 1:
            counts[data[-1]] += 1
    p = counts[counts > 0] / n
    return max(0.0, float(-(p * np.log2(p)).sum()))


@dataclass(slots=True)
class Section:
    name: str
    va: int
    vsize: int
    offset: int
    raw_size: int
    readable: bool
    writable: bool
    executable: bool
    entropy: float = 0.0


@dataclass(slots=True)
class Import:
    library: str
    name: str | None
    ordinal: int | None
    address: int  # where the pointer lives (IAT slot, GOT slot)


@dataclass(slots=True)
class Export:
    name: str | None
    address: int
    ordinal: int | None = None


@dataclass(slots=True)
class Symbol:
    name: str
    address: int
    size: int
    kind: str  # "function" or "object" or "other"


@dataclass(slots=True)
class RichEntry:
    product_id: int
    build_id: int
    count: int


@dataclass(slots=True)
class Metadata:
    """The facts attribution work leans on, beyond the code itself."""

    pe_timestamp: int | None = None
    rich: list[RichEntry] = field(default_factory=list)
    pdb_path: str | None = None
    authenticode: bool = False
    imphash: str | None = None
    subsystem: str | None = None
    build_id: str | None = None
    interpreter: str | None = None
    needed: list[str] = field(default_factory=list)
    macho_uuid: str | None = None


@dataclass(slots=True)
class Region:
    """A mapped byte range of the image (file bytes; zero-fill beyond ``len(data)``)."""

    va: int
    data: bytes
    vsize: int
    executable: bool


@dataclass
class Binary:
    sha256: str
    size: int
    format: Format
    arch: Arch
    bitness: int
    image_base: int
    entry_point: int | None
    sections: list[Section] = field(default_factory=list)
    imports: list[Import] = field(default_factory=list)
    exports: list[Export] = field(default_factory=list)
    symbols: list[Symbol] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    regions: list[Region] = field(default_factory=list)
    # extra code addresses the format knows about: (address, source), e.g. init arrays, unwind tables
    code_hints: list[tuple[int, str]] = field(default_factory=list)
    # address ranges the unwind tables give for function bodies (start, end)
    unwind_ranges: list[tuple[int, int]] = field(default_factory=list)
    # sections holding linker-made import stubs (ELF .plt*): code there is a thunk, not a function
    stub_ranges: list[tuple[int, int]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    name: str | None = None

    def code_regions(self) -> list[Region]:
        return [r for r in self.regions if r.executable and r.data]

    def _region_index(self) -> tuple[list[int], list[Region], int, bool]:
        """Regions sorted by start: (starts, regions, count, whether no two overlap)."""
        idx = self.__dict__.get("_ridx")
        if idx is None or idx[2] != len(self.regions):
            order = sorted(self.regions, key=lambda r: r.va)
            disjoint = all(a.va + a.vsize <= b.va for a, b in pairwise(order))
            idx = ([r.va for r in order], order, len(self.regions), disjoint)
            self.__dict__["_ridx"] = idx
        return idx  # type: ignore[no-any-return]

    def _covering(self, va: int) -> list[Region]:
        """Regions that map ``va``, nearest start first (overlaps only in malformed files)."""
        starts, order, _, disjoint = self._region_index()
        k = bisect.bisect_right(starts, va) - 1
        if disjoint:  # the usual case: only the nearest region below can map it
            if k >= 0:
                r = order[k]
                if va < r.va + r.vsize:
                    return [r]
            return []
        return [r for r in (order[j] for j in range(k, max(-1, k - 64), -1)) if va < r.va + r.vsize]

    def _region_at(self, va: int) -> Region | None:
        cov = self._covering(va)
        return cov[0] if cov else None

    def read(self, va: int, n: int) -> bytes:
        """Bytes of the mapped image at ``va``; shorter (or empty) where the image ends."""
        idx = self.__dict__.get("_ridx")
        if idx is not None and idx[3] and idx[2] == len(self.regions):
            # the usual case (regions indexed, none overlapping) inline: discovery and the loaders read
            # a few hundred times per binary, and _region_at's two calls were half of a read's time
            k = bisect.bisect_right(idx[0], va) - 1
            r = idx[1][k] if k >= 0 else None
            if r is None or va >= r.va + r.vsize:
                return b""
        else:
            r = self._region_at(va)
            if r is None:
                return b""
        off = va - r.va
        chunk = r.data[off : off + n]
        if len(chunk) < n:
            avail = min(n, r.vsize - off)
            chunk = chunk + b"\0" * max(0, avail - len(chunk))
        return chunk

    def read_many(self, vas: np.ndarray, ns: np.ndarray) -> list[bytes]:
        """``[self.read(va, n) for va, n in zip(vas, ns)]`` (int64 arrays), sliced per region in bulk
        where the regions do not overlap and the bytes lie in a region's data."""
        starts, order, _, disjoint = self._region_index()
        vl, nl = vas.tolist(), ns.tolist()
        if not disjoint or not order or not len(vas):
            return list(map(self.read, vl, nl))
        out: list[bytes] = [b""] * len(vl)
        k = np.searchsorted(np.asarray(starts, dtype=np.int64), vas, side="right") - 1
        done = np.zeros(len(vl), dtype=bool)
        for j in np.unique(k[k >= 0]).tolist():
            r = order[j]
            lim = r.va + min(len(r.data), r.vsize)
            sel = np.flatnonzero((k == j) & (vas + ns <= lim) & (ns >= 0))
            offs = vas[sel] - r.va
            got = list(map(r.data.__getitem__, map(slice, offs.tolist(), (offs + ns[sel]).tolist())))
            if len(sel) == len(vl):
                return got  # every address in this one region
            for i, v in zip(sel.tolist(), got, strict=True):
                out[i] = v
            done[sel] = True
        for i in np.flatnonzero(~done).tolist():
            out[i] = self.read(vl[i], nl[i])
        return out

    def bytes_at(self, base: int, offs: np.ndarray) -> np.ndarray:
        """The byte at each address ``base + offs[i]`` (``offs``: non-negative integers) as uint8:
        ``read(va, 1)[0]``, 0 where that is empty or zero-fill. One gather per region instead of a
        ``read`` per address (parse_pdata reads a byte of each of its hundreds of entries' unwind info)."""
        starts, order, _, disjoint = self._region_index()
        out = np.zeros(len(offs), dtype=np.uint8)
        if not len(offs) or not order:
            return out
        hi = int(offs.max())
        if not disjoint or base < 0 or base + hi >= 1 << 63 or order[0].va < 0 or order[-1].va >= 1 << 63:
            for i, off in enumerate(offs.tolist()):
                got = self.read(base + off, 1)
                out[i] = got[0] if got else 0
            return out
        vas = offs.astype(np.int64) + np.int64(base)
        k = np.searchsorted(np.asarray(starts, dtype=np.int64), vas, side="right") - 1
        for j in np.unique(k[k >= 0]).tolist():
            r = order[j]
            sel = np.flatnonzero((k == j) & (vas < r.va + min(len(r.data), r.vsize)))
            if len(sel):
                out[sel] = np.frombuffer(r.data, dtype=np.uint8)[vas[sel] - r.va]
        return out

    def read_cstrings(self, vas: np.ndarray) -> list[str | None]:
        """``[self.read_cstring(va) for va in vas]`` (int64 addresses), decided for most addresses from a
        window of their first ``_CSTR_WINDOW`` bytes gathered in bulk: where a zero or another byte that
        is not printable ends the window's printable run of ASCII (or of UTF-16LE) characters, that
        settles it; runs longer than the window go the way of ``read_cstring``. Fingerprinting asks
        this of every address a binary's code references: a ``read`` and a ``decode_cstring`` each cost
        0.9 ms on the median dev-set win query, this 0.25 ms."""
        out: list[str | None] = [None] * len(vas)
        starts, order, _, disjoint = self._region_index()
        if not len(vas) or not order:
            return out
        if not disjoint or int(vas.min()) < 0 or order[0].va < 0 or order[-1].va >= 1 << 63:
            return [self.read_cstring(v) for v in vas.tolist()]
        k = np.searchsorted(np.asarray(starts, dtype=np.int64), vas, side="right") - 1
        slow: list[np.ndarray] = []
        col = np.arange(_CSTR_WINDOW, dtype=np.int64)
        for j in np.unique(k[k >= 0]).tolist():
            r = order[j]
            nd = len(r.data)
            # addresses past the data (zero-fill, or unmapped) read no string: None
            sel = np.flatnonzero((k == j) & (vas < r.va + min(nd, r.vsize)))
            if not len(sel):
                continue
            off = vas[sel] - r.va
            idx = off[:, None] + col
            w = np.frombuffer(r.data, dtype=np.uint8)[np.minimum(idx, nd - 1)]
            w[idx >= nd] = 0  # zero-fill past the data (a read ends at most there, an ASCII string too)
            printable = ((w >= 0x20) & (w <= 0x7E)) | (w == 9) | (w == 10) | (w == 13)
            at = np.arange(len(sel))
            end = np.argmin(printable, axis=1)  # the first byte that is not printable
            long = printable[at, end]  # no such byte in the window
            ok = ~long & (w[at, end] == 0) & (end >= 4)
            # not ASCII: maybe UTF-16LE (decode_cstring's test), over the window's characters
            room = np.minimum(max(nd, r.vsize) - off, CSTRING_LIMIT)  # the read's length
            wide = ~long & ~ok & (w[:, 1] == 0) & (w[:, 3] == 0) & (room >= 8)
            slow.append(sel[wide & (off + _CSTR_WINDOW > nd)])  # a read may end mid-character there
            wide = np.flatnonzero(wide & (off + _CSTR_WINDOW <= nd))
            lo, hi = w[wide, 0::2], w[wide, 1::2]
            printable16 = printable[wide, 0::2] & (hi == 0)
            end16 = np.argmin(printable16, axis=1)
            at16 = np.arange(len(wide))
            long16 = printable16[at16, end16]
            ok16 = ~long16 & (lo[at16, end16] == 0) & (hi[at16, end16] == 0) & (end16 >= 4)
            slow.append(sel[long])
            slow.append(sel[wide[long16]])
            data = r.data
            for i, o, e in zip(sel[ok].tolist(), off[ok].tolist(), end[ok].tolist(), strict=True):
                out[i] = data[o:o + e].decode("ascii")
            wide = wide[ok16]
            for i, o, e in zip(sel[wide].tolist(), off[wide].tolist(), end16[ok16].tolist(), strict=True):
                out[i] = data[o:o + 2 * e].decode("utf-16-le")
        for i in np.concatenate(slow).tolist() if slow else ():
            out[i] = self.read_cstring(int(vas[i]))
        return out

    def gather(self, vas: np.ndarray, ns: np.ndarray) -> bytes | None:
        """``b"".join(self.read_many(vas, ns))`` in numpy, for ascending ``vas`` whose bytes all lie
        in the data of non-overlapping regions; None where that does not hold (use read_many)."""
        starts, order, _, disjoint = self._region_index()
        if not disjoint or not order or not len(vas):
            return None
        k = np.searchsorted(np.asarray(starts, dtype=np.int64), vas, side="right") - 1
        if k[0] < 0 or (np.diff(k) < 0).any() or (ns < 0).any():
            return None
        parts = []
        for j in np.unique(k).tolist():
            r = order[j]
            sel = k == j
            off, n = vas[sel] - r.va, ns[sel]
            if (off + n > len(r.data)).any():
                return None
            total = int(n.sum())
            idx = np.arange(total, dtype=np.int64) + np.repeat(off - (np.cumsum(n) - n), n)
            parts.append(np.frombuffer(r.data, dtype=np.uint8)[idx])
        return np.concatenate(parts).tobytes() if len(parts) > 1 else parts[0].tobytes()

    def is_mapped(self, va: int) -> bool:
        return self._region_at(va) is not None

    def is_code(self, va: int) -> bool:
        starts, order, _, disjoint = self._region_index()
        if disjoint:
            k = bisect.bisect_right(starts, va) - 1
            if k < 0:
                return False
            r = order[k]
            return r.executable and va < r.va + r.vsize and va < r.va + len(r.data)
        return any(r.executable and va < r.va + len(r.data) for r in self._covering(va))

    def is_code_many(self, vas: np.ndarray) -> np.ndarray:
        """:meth:`is_code` of each address in ``vas`` (uint64), vectorised over the regions."""
        idx = self._region_index()
        cached = self.__dict__.get("_cidx")
        if cached is None or cached[0] is not idx:
            starts, order, _, disjoint = idx
            lims = [r.va + min(r.vsize, len(r.data)) if r.executable else r.va for r in order]
            fits = all(0 <= a < 1 << 64 for a in starts + lims)
            # overlapping regions (e.g. an ELF's .tbss over the next section): each executable region
            # tested over all addresses, among the 64 regions nearest below each address as
            # ``_covering`` looks (libLLVM-14: 3.5M jump-table entries, 28 s one by one in is_code)
            n_exec = sum(r.executable for r in order)
            cached = (idx, fits and (disjoint or n_exec <= 64), disjoint,
                      np.asarray(starts if fits else [], dtype=np.uint64),
                      np.asarray(lims if fits else [], dtype=np.uint64))
            self.__dict__["_cidx"] = cached
        _, fits, disjoint, st, lim = cached
        if not fits or not len(st):
            return np.fromiter((self.is_code(a) for a in vas.tolist()), dtype=bool, count=len(vas))
        k = np.searchsorted(st, vas, side="right").astype(np.int64) - 1
        if disjoint:
            return (k >= 0) & (vas < lim[np.maximum(k, 0)])
        out = np.zeros(len(vas), dtype=bool)
        for j, r in enumerate(idx[1]):
            if r.executable:
                out |= (vas >= st[j]) & (vas < lim[j]) & (k - j < 64)
        return out

    def read_cstring(self, va: int, limit: int = CSTRING_LIMIT) -> str | None:
        """A printable ASCII or UTF-16LE string at ``va`` (at least 4 characters), else None."""
        return decode_cstring(self.read(va, limit))

    def info(self) -> dict[str, Any]:
        """Stable JSON form of the metadata (no code bytes)."""
        d: dict[str, Any] = {
            "name": self.name,
            "sha256": self.sha256,
            "size": self.size,
            "format": self.format,
            "arch": self.arch,
            "bitness": self.bitness,
            "image_base": self.image_base,
            "entry_point": self.entry_point,
            "sections": [asdict(s) for s in self.sections],
            "imports": [asdict(i) for i in self.imports],
            "exports": [asdict(e) for e in self.exports],
            "symbols": len(self.symbols),
            "metadata": asdict(self.metadata),
            "flags": list(self.flags),
        }
        for s in d["sections"]:
            s["entropy"] = round(s["entropy"], 3) if math.isfinite(s["entropy"]) else None
        return d


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
