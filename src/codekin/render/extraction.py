"""JSON forms of the extraction stage (``codekin info`` / ``codekin functions``). Stable: see
docs/json.md. Addresses are integers (virtual addresses)."""

from __future__ import annotations

from typing import Any

from codekin.disasm.model import Extraction, Function
from codekin.errors import CodekinError


def function_json(ex: Extraction, fn: Function) -> dict[str, Any]:
    nbytes, ninsn = ex.function_size(fn)
    blocks = ex.blocks_of(fn)
    return {
        "address": fn.start,
        "size": nbytes,
        "blocks": len(blocks),
        "instructions": ninsn,
        "edges": sum(len(b.succ) for b in blocks),
        "calls": sorted(set(fn.calls)),
        "source": fn.source,
        "thunk_of": fn.thunk_of,
    }


def functions_json(ex: Extraction) -> dict[str, Any]:
    b = ex.binary
    return {
        "name": b.name,
        "sha256": b.sha256,
        "format": b.format,
        "arch": b.arch,
        "flags": list(b.flags),
        "functions": [function_json(ex, f) for f in ex.functions],
        "thunks": [{"address": f.start, "thunk_of": f.thunk_of} for f in ex.thunks],
        "stats": ex.stats,
    }


def error_json(name: str, err: CodekinError) -> dict[str, Any]:
    d: dict[str, Any] = {"name": name, "error": err.to_dict()}
    stage = getattr(err, "stage", None)
    if stage:
        d["error"]["stage"] = stage
    return d
