"""Query regression guard for speed work: record what ``codekin query`` answers for the dev set's query
binaries, then check that changed code answers exactly the same.

    python bench/query_snapshot.py record [--out FILE] [--db win=PATH linux=PATH] [--sql]
    python bench/query_snapshot.py check  [--out FILE] [--db ...] [--sql]   # exit 1 on any difference

Per query binary (the manifest's role "query", both platforms by default) it keeps a digest of every
fingerprint column (addresses, sizes, exact hashes, MinHash signatures, LSH bands, the per-function
strings, constants and imports), a digest of the sample's strings and their hashes, and the full JSON
report of ``codekin.query.query_extraction`` (it holds no timings). Look-ups come from the in-memory
tables (``Store.use_memory``, as ``codekin query`` with several files) unless ``--sql``. Each index is
copied to a temporary folder first (the given files are never written). Record with the code before a
change (``PYTHONPATH`` at that checkout), check with the code after it. Default file:
~/.cache/codekin-qlat/query-snapshot.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset import DEVSET

DEFAULT_DBS = {"win": Path.home() / ".cache" / "codekin-bench" / "latency-win.db",
               "linux": Path.home() / ".cache" / "codekin-bench" / "calib-linux.db"}


def _digest(a: Any) -> str:
    if isinstance(a, np.ndarray):
        a = np.ascontiguousarray(a)
        return f"{a.dtype}{list(a.shape)}:" + hashlib.sha256(a.tobytes()).hexdigest()
    return hashlib.sha256(json.dumps(a).encode()).hexdigest()


def snapshot(dbs: dict[str, Path], sql: bool) -> dict[str, Any]:
    from codekin.fingerprint import fingerprint
    from codekin.fingerprint.sample import sample_strings
    from codekin.pipeline import analyse_bytes
    from codekin.query import query_extraction
    from codekin.store import open_store

    man = json.loads((DEVSET / "manifest.json").read_text())
    cache = Path.home() / ".cache" / "codekin-devset"
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="codekin-qsnap-") as tmp:
        for plat, src in dbs.items():
            db = Path(tmp) / src.name
            shutil.copyfile(src, db)
            store = open_store(db)
            if not sql:
                store.use_memory()
            for b in man["binaries"]:
                if b["platform"] != plat or b["role"] != "query":
                    continue
                for k, res in enumerate(analyse_bytes((cache / b["path"]).read_bytes(), name=b["path"])):
                    key = f"{plat}:{b['path']}:{k}"
                    if res.extraction is None:
                        out[key] = {"error": str(res.error)}
                        continue
                    p = fingerprint(res.extraction)
                    fp = {f: _digest(getattr(p, f)) for f in ("address", "n_insns", "n_bytes", "n_blocks", "n_edges",
                                                              "n_calls", "exact", "minhash", "bands", "strings",
                                                              "consts", "imports")}
                    h, ss = sample_strings(res.extraction.binary)
                    fp["sample_strings"] = _digest(h) + _digest(ss)
                    out[key] = {"fingerprints": fp, "report": query_extraction(store, res, top=10, evidence=50)}
                    print(key, file=sys.stderr)
            store.close()
    return json.loads(json.dumps(out, sort_keys=True))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["record", "check"])
    ap.add_argument("--out", type=Path, default=Path.home() / ".cache" / "codekin-qlat" / "query-snapshot.json")
    ap.add_argument("--db", nargs="*", default=[], help="SETTING=PATH (win, linux); default: the bench indexes")
    ap.add_argument("--sql", action="store_true", help="SQLite look-ups instead of the in-memory tables")
    args = ap.parse_args()
    dbs = dict(DEFAULT_DBS)
    for item in args.db:
        name, _, path = item.partition("=")
        dbs[name] = Path(path)
    snap = snapshot(dbs, args.sql)
    if args.mode == "record":
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(snap, sort_keys=True))
        print(f"recorded {len(snap)} queries to {args.out}")
        return
    ref = json.loads(args.out.read_text())
    bad = sorted(k for k in set(ref) | set(snap) if ref.get(k) != snap.get(k))
    same_fp = sum(1 for k in ref if "fingerprints" in ref[k] and ref[k] == snap.get(k))
    print(f"compared {len(ref)} queries: {len(ref) - len(bad)} identical ({same_fp} with fingerprints), "
          f"{len(bad)} differ")
    for k in bad[:20]:
        r, m = ref.get(k, {}), snap.get(k, {})
        parts = [f for f in sorted(set(r) | set(m)) if r.get(f) != m.get(f)]
        if "fingerprints" in parts:
            fr, fm = r.get("fingerprints", {}), m.get("fingerprints", {})
            parts += [f"fingerprints.{f}" for f in sorted(set(fr) | set(fm)) if fr.get(f) != fm.get(f)]
        print(f"  {k}: {', '.join(parts)}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
