"""Extraction regression guard for speed work: record what extraction finds on a fixed set of
binaries, then check that changed code finds exactly the same.

    python bench/extraction_snapshot.py record [--out FILE]   # before a change
    python bench/extraction_snapshot.py check  [--out FILE]   # after it: exit 1 on any difference

The set: 40 stripped corpus builds (every format/architecture at every optimisation level, two
compilers or projects each, chosen by a fixed seed) and 10 dev-set binaries (5 linux, 5 win; the
biggest and some small ones). Per binary it keeps every function's start, source, blocks (start,
end, successors), instruction count, calls and tail calls; the thunks; the table's instruction count
and a digest of its columns; and a digest of the fingerprints (``codekin.fingerprint``) so identical
extraction is seen to give identical fingerprints. Also prints the CPU time of extraction per binary.
Default file: ~/.cache/codekin-speed/snapshot.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import corpus_dir

DEVSET = Path.home() / ".cache" / "codekin-devset" / "bin"
DEFAULT_OUT = Path.home() / ".cache" / "codekin-speed" / "snapshot.json"


def pick_files() -> list[str]:
    root = corpus_dir()
    builds = json.loads((root / "manifest.json").read_text())["builds"]
    rng = random.Random(11)
    out: list[str] = []
    cells: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for b in sorted(builds, key=lambda b: b["id"]):
        cells.setdefault((b["format"], b["arch"], b["opt"]), []).append(b)
    for key in sorted(cells):
        for b in rng.sample(cells[key], 2):
            out.append(str(root / b["stripped"]))
    for osname in ("linux", "win"):
        files = sorted((p for p in (DEVSET / osname).rglob("*") if p.is_file()),
                       key=lambda p: (p.stat().st_size, str(p)))
        if not files:
            continue
        chosen = files[-2:] + rng.sample(files[:-2], min(3, len(files) - 2))
        out += [str(p) for p in chosen]
    return out


def _digest(*arrays: np.ndarray) -> str:
    h = hashlib.sha256()
    for a in arrays:
        h.update(np.ascontiguousarray(a).tobytes())
    return h.hexdigest()[:24]


def describe(path: str) -> dict[str, Any]:
    from codekin.fingerprint import fingerprint
    from codekin.pipeline import analyse_bytes

    data = Path(path).read_bytes()
    t0 = time.process_time()
    results = list(analyse_bytes(data, name=path))
    dt = time.process_time() - t0
    images = []
    for res in results:
        if res.error is not None:
            images.append({"error": type(res.error).__name__})
            continue
        ex = res.extraction
        assert ex is not None
        t = ex.table
        ip = t.ip

        def fdesc(f: Any, ex: Any = ex) -> list[Any]:
            blocks = [[b.start, b.end, sorted(b.succ)] for b in ex.blocks_of(f)]
            return [f.start, f.source, blocks, ex.function_size(f)[1], sorted(f.calls), sorted(f.tail_calls),
                    f.thunk_of]

        fp = fingerprint(ex)
        images.append({
            "instructions": len(t),
            "table": _digest(ip, t.length, t.code, t.kind, t.target, t.ref, t.imm),
            "functions": [fdesc(f) for f in ex.functions],
            "thunks": [fdesc(f) for f in ex.thunks],
            "import_at": sorted([a, n] for a, n in ex.import_at.items()),
            "fingerprints": _digest(fp.address, fp.exact, fp.minhash, fp.bands, fp.n_insns, fp.n_edges),
            "flags": sorted(ex.binary.flags),
        })
    return {"path": path, "cpu_s": dt, "images": images}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("record", "check", "list"))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args()
    files = pick_files()
    if args.mode == "list":
        print("\n".join(files))
        return
    out = Path(args.out)
    ref: dict[str, Any] = {}
    if args.mode == "check":
        ref = {d["path"]: d for d in json.loads(out.read_text())["binaries"]}
    got = []
    total = 0.0
    bad = 0
    for p in files:
        d = describe(p)
        total += d["cpu_s"]
        got.append(d)
        status = ""
        if args.mode == "check":
            r = ref.get(p)
            if r is None:
                status = "NOT RECORDED"
            elif r["images"] != json.loads(json.dumps(d["images"])):
                status = "DIFFERENT"
                bad += 1
                for ri, gi in zip(r["images"], json.loads(json.dumps(d["images"])), strict=False):
                    for k in ri:
                        if ri[k] != gi.get(k):
                            print(f"    {k} differs", file=sys.stderr)
            else:
                status = f"same (was {r['cpu_s']:.2f}s)"
        n = sum(im.get("instructions", 0) for im in d["images"])
        print(f"{d['cpu_s']:7.2f}s {n:9d} insns  {status}  {p}")
    print(f"total extraction+fingerprint CPU {total:.1f}s over {len(files)} binaries")
    if args.mode == "record":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"binaries": got}))
        print(f"recorded -> {out}")
    elif bad:
        print(f"{bad} binaries differ", file=sys.stderr)
        sys.exit(1)
    else:
        print("all identical")


if __name__ == "__main__":
    main()
