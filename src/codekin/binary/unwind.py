"""Function extents from unwind tables: ELF/PE ``.eh_frame`` (DWARF CFI) and PE x64 ``.pdata``.

These are the most reliable function boundaries a stripped binary keeps, so discovery seeds from
them. Both parsers are bounded (entry counts, offsets) and never raise on garbage: they stop.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

import numpy as np

_MAX_ENTRIES = 2_000_000


def _uleb(buf: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while pos < len(buf):
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7
        if shift > 63:
            break
    raise ValueError("bad uleb128")


def _read_ptr(buf: bytes, pos: int, enc: int, section_va: int, bitness: int) -> tuple[int | None, int]:
    """Decode one DW_EH_PE pointer; returns (value or None, new position)."""
    if enc == 0xFF:  # DW_EH_PE_omit
        return None, pos
    fmt = enc & 0x0F
    app = enc & 0x70
    start = pos
    if fmt == 0x00:  # absptr
        size = bitness // 8
        if pos + size > len(buf):
            raise ValueError("truncated pointer")
        val = int.from_bytes(buf[pos : pos + size], "little")
        pos += size
    elif fmt == 0x01:
        val, pos = _uleb(buf, pos)
    elif fmt in (0x02, 0x03, 0x04, 0x0A, 0x0B, 0x0C):
        size = {0x02: 2, 0x03: 4, 0x04: 8, 0x0A: 2, 0x0B: 4, 0x0C: 8}[fmt]
        if pos + size > len(buf):
            raise ValueError("truncated pointer")
        val = int.from_bytes(buf[pos : pos + size], "little", signed=fmt >= 0x0A)
        pos += size
    else:
        raise ValueError(f"unsupported pointer encoding {enc:#x}")
    if app == 0x10:  # pcrel
        val += section_va + start
    elif app not in (0x00, 0x30):  # datarel (0x30) only used in .eh_frame_hdr; treat as absolute
        raise ValueError(f"unsupported pointer application {enc:#x}")
    mask = (1 << bitness) - 1
    return val & mask, pos


def parse_eh_frame(data: bytes, section_va: int, bitness: int) -> list[tuple[int, int]]:
    """(start, end) of every FDE in an ``.eh_frame`` section."""
    out: list[tuple[int, int]] = []
    cie_enc: dict[int, int] = {}
    pos = 0
    n = len(data)
    mask = (1 << bitness) - 1
    while pos + 4 <= n and len(out) < _MAX_ENTRIES:
        length = struct.unpack_from("<I", data, pos)[0]
        if length == 0:
            pos += 4
            continue  # zero terminator (or padding between input sections)
        hdr = 4
        if length == 0xFFFFFFFF:
            if pos + 12 > n:
                break
            length = struct.unpack_from("<Q", data, pos + 4)[0]
            hdr = 12
        body = pos + hdr
        end = body + length
        if end > n or length < 4:
            break
        cie_id = struct.unpack_from("<I", data, body)[0]
        try:
            if cie_id == 0:
                cie_enc[pos] = _cie_fde_encoding(data, body + 4, end)
            else:
                cie_pos = body - cie_id
                enc = cie_enc.get(cie_pos)
                if enc is None:
                    enc = _cie_fde_encoding_at(data, cie_pos)
                    cie_enc[cie_pos] = enc
                p = body + 4
                if enc == 0x1B and p + 8 <= n:
                    # pcrel|sdata4, what gcc and clang emit: read inline (as _read_ptr would)
                    rel, size = struct.unpack_from("<ii", data, p)
                    start = (rel + section_va + p) & mask
                    size &= mask
                else:
                    start, p = _read_ptr(data, p, enc, section_va, bitness)
                    size, p = _read_ptr(data, p, enc & 0x0F, section_va, bitness)
                if start is not None and size is not None and 0 < size < 1 << 28:
                    out.append((start, start + size))
        except (ValueError, struct.error):
            pass
        pos = end
    return out


def _cie_fde_encoding_at(data: bytes, cie_pos: int) -> int:
    if cie_pos < 0 or cie_pos + 8 > len(data):
        raise ValueError("bad CIE pointer")
    length = struct.unpack_from("<I", data, cie_pos)[0]
    body = cie_pos + 4
    if struct.unpack_from("<I", data, body)[0] != 0:
        raise ValueError("not a CIE")
    return _cie_fde_encoding(data, body + 4, body + length)


def _cie_fde_encoding(data: bytes, p: int, end: int) -> int:
    """The FDE pointer encoding named by a CIE's augmentation ('R'); absptr when absent."""
    version = data[p]
    p += 1
    aug_end = data.index(b"\0", p, end)
    aug = data[p:aug_end].decode("ascii", "replace")
    p = aug_end + 1
    if "eh" in aug:
        p += 8
    _, p = _uleb(data, p)  # code alignment
    _, p = _uleb(data, p)  # data alignment (sleb, skipping works the same)
    if version == 1:
        p += 1
    else:
        _, p = _uleb(data, p)
    if not aug.startswith("z"):
        return 0x00
    _, p = _uleb(data, p)  # augmentation data length
    for ch in aug[1:]:
        if ch == "R":
            return data[p]
        if ch == "L":
            p += 1
        elif ch == "P":
            penc = data[p]
            p += 1
            _, p = _read_ptr(data, p, penc & 0x7F, 0, 64)
        elif ch in "SB":
            continue
        else:
            break
    return 0x00


def parse_pdata(data: bytes, image_base: int, bytes_at: Callable[[int, np.ndarray], np.ndarray]
                ) -> list[tuple[int, int]]:
    """(start, end) of every non-chained RUNTIME_FUNCTION in a PE x64 exception directory.

    Entries whose unwind info carries UNW_FLAG_CHAININFO describe a part of another function
    (a split-off chunk), not a function of its own, so they are skipped. ``bytes_at(base, offsets)``
    gives the byte at each address (``Binary.bytes_at``). The table is read as one uint32 array and
    the unwind flags in one gather, not a struct unpack and a read per entry: with the bulk import
    reads of ``pe._imports``, loading a median dev-set win query fell from 1.05 to 0.79 ms.
    """
    count = min(len(data) // 12, _MAX_ENTRIES)
    ent = np.frombuffer(data, dtype="<u4", count=3 * count).reshape(count, 3).astype(np.int64)
    begin, end, unwind = ent[:, 0], ent[:, 1], ent[:, 2]
    keep = (begin != 0) & (end > begin) & (end - begin <= 1 << 26) & (unwind & 1 == 0)
    begin, end, unwind = begin[keep], end[keep], unwind[keep]
    flat = ~((bytes_at(image_base, unwind) >> 3) & 0x4).astype(bool)
    return list(zip([image_base + x for x in begin[flat].tolist()],
                    [image_base + x for x in end[flat].tolist()], strict=True))
