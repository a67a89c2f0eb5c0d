"""Attribution on the dev set (../shared/devset), in process: index each setting's index binaries,
query every query binary, and report top-1 (micro and macro), false attribution on unknowns, AUROC and
timings. Full per-query reports go to bench/results/devset-<setting>.json for offline analysis.

    python bench/devset.py [--settings win linux cross] [--jobs 2] [--db-dir DIR]

The devset's own harness (``../shared/devset/eval.py --adapter codekin``) calls the CLI instead and is
the reference for BENCHMARKS.md; this script is for fast iteration on the matcher.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from rich.progress import Progress

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import ROOT

# the dev set beside the checkout; CODEKIN_DEVSET for a worktree elsewhere
DEVSET = Path(os.environ.get("CODEKIN_DEVSET", ROOT.parent / "shared" / "devset"))


def auroc(pos: list[float], neg: list[float]) -> float:
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def load(setting: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], Path]:
    man = json.loads((DEVSET / "manifest.json").read_text())
    cache = Path(os.environ.get("DEVSET_CACHE", Path.home() / ".cache" / "codekin-devset"))
    idx_pf, q_pf = {"win": ("win", "win"), "linux": ("linux", "linux"), "cross": ("linux", "win")}[setting]
    bins = man["binaries"]
    index = [b for b in bins if b["platform"] == idx_pf and b["role"] == "index"]
    queries = [b for b in bins if b["platform"] == q_pf and b["role"] == "query"]
    return index, queries, cache


def build(setting: str, db: Path, jobs: int, libs: Path | None) -> float:
    from codekin.evidence.libs import close_pack, copy_library_samples, open_pack
    from codekin.indexer import index_paths
    from codekin.store import LabelSpec, open_store

    index, _, cache = load(setting)
    if db.exists():
        old = open_store(db, check_version=False)
        stale = old.version_mismatch()
        old.close()
        if not stale:
            return 0.0
        for suffix in ("", "-wal", "-shm"):  # built by another fingerprint version: build it again
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = open_store(db)
    if libs is not None:
        pack = open_pack(libs)
        copy_library_samples(pack, store)
        close_pack(pack)
    by_fam: dict[str, list[str]] = defaultdict(list)
    for b in index:
        by_fam[b["family"]].append(str(cache / b["path"]))
    t0 = time.perf_counter()
    for fam, paths in sorted(by_fam.items()):
        index_paths(store, paths, LabelSpec(family=fam), jobs=jobs)
    dt = time.perf_counter() - t0
    store.close()
    return dt


def run_queries(setting: str, db: Path) -> list[dict[str, Any]]:
    from codekin.pipeline import analyse_bytes
    from codekin.query import query_extraction
    from codekin.store import open_store

    index, queries, cache = load(setting)
    indexed = {b["family"] for b in index}
    store = open_store(db)
    out = []
    with Progress() as prog:
        task = prog.add_task(f"queries {setting}", total=len(queries))
        for q in queries:
            data = (cache / q["path"]).read_bytes()
            t0 = time.perf_counter()
            rep = None
            for res in analyse_bytes(data, name=q["path"]):
                if res.extraction is not None:
                    rep = query_extraction(store, res, top=25, evidence=0)
            dt = time.perf_counter() - t0
            accept = [a for a in q["accept"] if a in indexed]
            out.append({"id": q["id"], "family": q["family"], "accept": accept, "latency": dt,
                        "families": rep["families"] if rep else [], "attribution": rep["attribution"] if rep else None})
            prog.advance(task)
    store.close()
    return out


def metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    known = [r for r in rows if r["accept"]]
    unknown = [r for r in rows if not r["accept"]]
    per_fam: dict[str, list[int]] = defaultdict(list)
    for r in known:
        top = r["families"][0]["family"] if r["families"] else None
        per_fam[r["family"]].append(int(top in r["accept"]))
    top1 = sum(sum(v) for v in per_fam.values()) / max(1, len(known))
    macro = sum(sum(v) / len(v) for v in per_fam.values()) / max(1, len(per_fam))
    far = sum(r["attribution"] is not None for r in unknown) / max(1, len(unknown))
    kv = sum(bool(r["attribution"]) and r["attribution"]["family"] in r["accept"] for r in known) / max(1, len(known))
    kwrong = sum(bool(r["attribution"]) and r["attribution"]["family"] not in r["accept"] for r in known)

    def top_score(r: dict[str, Any]) -> float:
        return r["families"][0]["score"] if r["families"] else 0.0

    au = auroc([top_score(r) for r in known], [top_score(r) for r in unknown])
    lat = sorted(r["latency"] for r in rows)
    return {"known": len(known), "unknown": len(unknown), "top1": round(top1, 3), "top1_macro": round(macro, 3),
            "far": round(far, 3), "known_verdict_ok": round(kv, 3), "known_verdict_wrong": kwrong,
            "auroc": round(au, 3), "q_med_ms": round(1000 * lat[len(lat) // 2], 1),
            "q_p95_ms": round(1000 * lat[int(0.95 * (len(lat) - 1))], 1)}


def write_report(settings: list[str]) -> None:
    """BENCHMARKS.md section: in-process runs with and without the library pack, side by side."""
    from _report import header, write_section

    out_dir = Path(__file__).resolve().parent / "results"
    rows = ["| setting | library pack | top1 macro | FAR@verdict | known verdict ok | AUROC | q med ms | q p95 ms |"
            " index s |", "|---|---|---|---|---|---|---|---|---|"]
    for setting in settings:
        for tag, label in (("", "none"), ("-libs", "default pack")):
            f = out_dir / f"devset-{setting}{tag}.json"
            if not f.exists():
                continue
            m = json.loads(f.read_text())["metrics"]
            rows.append(f"| {setting} | {label} | {m['top1_macro']} | {m['far']} | {m['known_verdict_ok']} | "
                        f"{m['auroc']} | {m['q_med_ms']} | {m['q_p95_ms']} | {m['index_s'] or 'index reused'} |")
    body = ("## Library knowledge on the dev set (issues 3 and 5)\n\n" +
            header("python bench/devset.py --rebuild --libs none; python bench/devset.py --rebuild --tag=-libs") +
            "- in process (no CLI start-up), same protocol as the harness; `none`: no library pack; `default pack`: "
            "the pack `codekin libs build` makes (SQLite, zlib, CPython, Rust std, libgcc code; SQLite, zlib, CPython, "
            "pyo3, Cython source literals)\n\n" + "\n".join(rows) + "\n")
    write_section("devset-libs", body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--settings", nargs="+", default=["win", "linux", "cross"])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--db-dir", default=str(Path.home() / ".cache" / "codekin-bench"))
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--libs", default="default", help="library pack to import: a path, 'default' or 'none'")
    ap.add_argument("--tag", default="", help="suffix for the result files and databases")
    ap.add_argument("--report", action="store_true", help="only write BENCHMARKS.md from existing results")
    args = ap.parse_args()
    if args.report:
        write_report(args.settings)
        return
    from codekin.evidence.libs import default_pack_path

    libs = None if args.libs == "none" else (default_pack_path() if args.libs == "default" else Path(args.libs))
    if libs is not None and not libs.exists():
        libs = None
    out_dir = Path(__file__).resolve().parent / "results"
    out_dir.mkdir(exist_ok=True)
    for setting in args.settings:
        idx_pf = "linux" if setting == "cross" else setting
        db = Path(args.db_dir) / f"devset-{idx_pf}{args.tag}.db"
        db.parent.mkdir(parents=True, exist_ok=True)
        if args.rebuild and db.exists():
            db.unlink()
        dt = build(setting, db, args.jobs, libs)
        rows = run_queries(setting, db)
        m = metrics(rows)
        m["index_s"] = round(dt, 1)
        m["libs"] = str(libs) if libs else None
        print(setting, json.dumps(m))
        (out_dir / f"devset-{setting}{args.tag}.json").write_text(json.dumps({"metrics": m, "queries": rows}, indent=1))


if __name__ == "__main__":
    main()
