"""Query latency against MCRIT 1.9.0, side by side in one run, on the dev set.

Both tools answer from a warm index (codekin: the embedded SQLite store; MCRIT: its in-memory
storage, no MongoDB), and both disassemble every query from its bytes (MCRIT's SMDA report cache is
used only to build MCRIT's index, never for a query). Each tool runs in a worker process of its own,
and so does each of codekin's two set-ups, SQLite look-ups and look-up tables in memory (since
session 8; before, both shared one worker and each other's heap and caches; ``--mode shared``: all in
this one process, the bench's mode before session 7); the driver sends
one query at a time, rotating the order of the tools, so that both see the same machine load and
never overlap. MCRIT is driven through the dev-set harness's own adapter
(``../shared/devset/eval.py``), the same code that produced its figures in BENCHMARKS.md.

    python bench/latency.py [--setting win] [--max-queries N] [--mode separate|shared]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from rich.progress import Progress

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import ROOT, header, source_version, write_section
from devset import DEVSET, build, load


def pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(q * (len(s) - 1) + 0.5))]


class _Codekin:
    """codekin's side: the index file through SQL, and the same file with its look-up tables in memory."""

    def __init__(self, db: Path, modes: tuple[str, ...] = ("codekin", "codekin_mem")) -> None:
        from codekin.store import open_store

        self.load_s = 0.0
        self.stores = {}
        if "codekin" in modes:
            self.stores["codekin"] = open_store(db)
        if "codekin_mem" in modes:
            # the same file, look-ups from an in-memory copy (store/memindex.py)
            mem = open_store(db)
            mem.use_memory()
            t0 = time.perf_counter()
            mem._memindex()
            self.load_s = time.perf_counter() - t0
            self.stores["codekin_mem"] = mem

    def query(self, tool: str, path: str, name: str) -> tuple[float, str]:
        from codekin.pipeline import analyse_bytes
        from codekin.query import query_extraction

        store = self.stores[tool]
        t0 = time.perf_counter()
        data = Path(path).read_bytes()
        for res in analyse_bytes(data, name=name):
            if res.extraction is not None:
                query_extraction(store, res, top=10, evidence=50)
        return time.perf_counter() - t0, ""

    def close(self) -> None:
        for st in self.stores.values():
            st.close()


class _Mcrit:
    """MCRIT's side, through the dev-set harness's own adapter; its index from the harness's SMDA
    report cache, its queries disassembled from their bytes."""

    def __init__(self, setting: str, index: list[dict[str, Any]]) -> None:
        sys.path.insert(0, str(DEVSET))
        import eval as harness  # the dev set's harness: its MCRIT adapter

        _, _, cache = load(setting)
        self.adapter = harness.McritAdapter(tempfile.mkdtemp(prefix="codekin-latency-"), {})
        by_fam: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for b in index:
            by_fam[b["family"]].append((str(cache / b["path"]), b["family"]))
        t0 = time.perf_counter()
        for items in by_fam.values():
            self.adapter.index(items)
        self.index_s = time.perf_counter() - t0
        self.adapter.cache_dir = None  # every query is disassembled from its bytes, as codekin's are

    def query(self, tool: str, path: str, name: str) -> tuple[float, str]:
        t0 = time.perf_counter()
        err = ""
        try:
            self.adapter.query(path)
        except Exception as e:  # a failed MCRIT query is timed as it failed
            err = f"{type(e).__name__}: {e}"[:200]
        return time.perf_counter() - t0, err


def _serve(conn: Any, tool: str, setting: str, db: str, index: list[dict[str, Any]], cpu: int) -> None:
    """A worker process: one tool, warm, answering the queries the driver sends one at a time."""
    if cpu >= 0:
        os.sched_setaffinity(0, {cpu})
    side: _Codekin | _Mcrit = _Mcrit(setting, index) if tool == "mcrit" else _Codekin(Path(db), (tool,))
    conn.send(side.load_s if isinstance(side, _Codekin) else side.index_s)
    while (msg := conn.recv()) is not None:
        conn.send(side.query(*msg))


class _Separate:
    """Each tool in a process of its own, as each runs in practice (MCRIT as a server, codekin as its
    CLI or API process; codekin's SQLite and in-memory set-ups in one each): none pays for another's
    heap (MCRIT's reaches 3 GB) in its allocator, caches or garbage collector. The driver sends one
    query at a time, so the tools never overlap."""

    def __init__(self, setting: str, db: Path, index: list[dict[str, Any]], pin: bool = False) -> None:
        self.args = (setting, str(db), index)
        cpus = sorted(os.sched_getaffinity(0))
        self.cpu = ({"codekin": cpus[0], "codekin_mem": cpus[0], "mcrit": cpus[1]} if pin and len(cpus) >= 2
                    else {"codekin": -1, "codekin_mem": -1, "mcrit": -1})
        self.conns: dict[str, Any] = {}
        self.procs: list[Any] = []

    def start(self) -> tuple[float, float]:
        import multiprocessing as mp

        ctx = mp.get_context("spawn")
        for tool in ("codekin", "codekin_mem", "mcrit"):
            parent, child = ctx.Pipe()
            p = ctx.Process(target=_serve, args=(child, tool, *self.args, self.cpu[tool]), daemon=True)
            p.start()
            self.conns[tool] = parent
            self.procs.append(p)
        self.conns["codekin"].recv()
        return self.conns["codekin_mem"].recv(), self.conns["mcrit"].recv()

    def query(self, tool: str, path: str, name: str) -> tuple[float, str]:
        conn = self.conns[tool]
        conn.send((tool, path, name))
        return conn.recv()  # type: ignore[no-any-return]

    def close(self) -> None:
        for conn in self.conns.values():
            conn.send(None)
        for p in self.procs:
            p.join(60)


class _Shared:
    """Both tools in this one process (the bench's mode before session 7)."""

    def __init__(self, setting: str, db: Path, index: list[dict[str, Any]]) -> None:
        self.args = (setting, db, index)

    def start(self) -> tuple[float, float]:
        setting, db, index = self.args
        self.ck = _Codekin(db)
        self.mc = _Mcrit(setting, index)
        return self.ck.load_s, self.mc.index_s

    def query(self, tool: str, path: str, name: str) -> tuple[float, str]:
        return (self.mc if tool == "mcrit" else self.ck).query(tool, path, name)

    def close(self) -> None:
        self.ck.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--setting", default="win", choices=["win", "linux", "cross"])
    ap.add_argument("--max-queries", type=int)
    ap.add_argument("--db-dir", default=str(Path.home() / ".cache" / "codekin-bench"))
    ap.add_argument("--mode", choices=["separate", "shared"], default="separate",
                    help="separate: each tool in a worker process of its own (default); shared: both in "
                         "this process, as before session 7")
    ap.add_argument("--pin", action="store_true",
                    help="separate mode: each worker on a core of its own (codekin the first, MCRIT the second), "
                         "so that neither finds its caches emptied by the other")
    args = ap.parse_args()

    from codekin.evidence.libs import default_pack_path

    index, queries, cache = load(args.setting)
    if args.max_queries:
        queries = queries[: args.max_queries]
    idx_pf = "linux" if args.setting == "cross" else args.setting
    db = Path(args.db_dir) / f"latency-{idx_pf}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    pack = default_pack_path()
    t_ck_index = build(args.setting, db, 1, pack if pack.exists() else None)

    rows: list[dict[str, Any]] = []
    tools = ("codekin", "mcrit", "codekin_mem")
    if args.mode == "shared":
        runner: _Shared | _Separate = _Shared(args.setting, db, index)
    else:
        runner = _Separate(args.setting, db, index, pin=args.pin)
    try:
        with Progress(transient=True) as prog:
            task = prog.add_task("MCRIT index (SMDA reports from the harness cache)", total=None)
            t_mem_load, t_mc_index = runner.start()
            prog.remove_task(task)
            task = prog.add_task("queries (alternating)", total=len(queries))
            for k, q in enumerate(queries):
                path = str(cache / q["path"])
                order = tools[k % 3:] + tools[:k % 3]
                row: dict[str, Any] = {"id": q["id"], "size": q["size"]}
                for tool in order:
                    row[tool], err = runner.query(tool, path, q["path"])
                    if err:
                        row["mcrit_error"] = err
                rows.append(row)
                prog.advance(task)
    finally:
        runner.close()

    ck = [r["codekin"] for r in rows]
    cm = [r["codekin_mem"] for r in rows]
    mc = [r["mcrit"] for r in rows]

    def summary(xs: list[float]) -> dict[str, float]:
        return {"median": 1000 * statistics.median(xs), "p95": 1000 * pct(xs, 0.95), "mean": 1000 * statistics.mean(xs)}

    res = {
        "setting": args.setting, "mode": args.mode + (" pinned" if args.pin else ""), "queries": len(rows),
        "codekin_index_s": round(t_ck_index, 1),
        "mcrit_index_s": round(t_mc_index, 1), "codekin_memory_load_s": round(t_mem_load, 2),
        "codekin_ms": summary(ck), "codekin_mem_ms": summary(cm), "mcrit_ms": summary(mc),
        "ratio_of_medians": statistics.median(mc) / statistics.median(ck),
        "ratio_of_p95": pct(mc, 0.95) / pct(ck, 0.95),
        "ratio_of_totals": sum(mc) / sum(ck),
        "per_query_ratio_median": statistics.median([r["mcrit"] / r["codekin"] for r in rows]),
        "mem_ratio_of_medians": statistics.median(mc) / statistics.median(cm),
        "mem_ratio_of_p95": pct(mc, 0.95) / pct(cm, 0.95),
        "mem_ratio_of_totals": sum(mc) / sum(cm),
        "mem_per_query_ratio_median": statistics.median([r["mcrit"] / r["codekin_mem"] for r in rows]),
        "load_avg_end": list(os.getloadavg()),
        "rows": rows,
    }
    tag = args.setting + ("-pinned" if args.mode == "separate" and args.pin else "")
    out = ROOT / "bench" / "results" / f"latency-{tag}.json"
    out.write_text(json.dumps(res, indent=1))
    print(json.dumps({k: v for k, v in res.items() if k != "rows"}, indent=1))
    commit = source_version()
    c, cmm, m = res["codekin_ms"], res["codekin_mem_ms"], res["mcrit_ms"]
    where = ("each tool in a warm worker process of its own (codekin's SQLite and in-memory set-ups in one "
             "each), the driver sending one query at a time"
             if args.mode == "separate" else "both tools warm in this one process")
    if args.mode == "separate" and args.pin:
        where += ", pinned: codekin's workers to the first core, MCRIT's to the second"
    body = (f"## Query latency against MCRIT, same run ({args.setting}{', pinned' if tag != args.setting else ''})\n\n"
            + header("python bench/latency.py " + " ".join(sys.argv[1:]))
            + f"- codekin source: {commit}; MCRIT 1.9.0 + SMDA through the dev-set harness's adapter\n"
            f"- load average at the end (1/5/15 min): {[round(x, 2) for x in res['load_avg_end']]} (2 cores)\n"
            f"- {where}; every query disassembled from its bytes by each tool; queries "
            "rotate between the tools (times taken inside each tool's process). codekin (SQLite): "
            "look-ups through SQL on the index file; codekin "
            "(memory): the same file with its look-up tables loaded into memory once (store/memindex.py, "
            f"{res['codekin_memory_load_s']:.2f} s to load, not in the query times; what `codekin query` does "
            "for batches); MCRIT: its in-memory storage\n\n"
            "| | codekin (SQLite) | codekin (memory) | MCRIT 1.9.0 | MCRIT / codekin (SQLite) | "
            "MCRIT / codekin (memory) |\n|---|---:|---:|---:|---:|---:|\n"
            f"| median (ms) | {c['median']:.0f} | {cmm['median']:.0f} | {m['median']:.0f} | "
            f"{res['ratio_of_medians']:.1f}x | {res['mem_ratio_of_medians']:.1f}x |\n"
            f"| p95 (ms) | {c['p95']:.0f} | {cmm['p95']:.0f} | {m['p95']:.0f} | {res['ratio_of_p95']:.1f}x | "
            f"{res['mem_ratio_of_p95']:.1f}x |\n"
            f"| total over {len(rows)} queries (s) | {sum(ck):.1f} | {sum(cm):.1f} | {sum(mc):.1f} | "
            f"{res['ratio_of_totals']:.1f}x | {res['mem_ratio_of_totals']:.1f}x |\n"
            f"| median of per-query ratios | | | | {res['per_query_ratio_median']:.1f}x | "
            f"{res['mem_per_query_ratio_median']:.1f}x |\n\n"
            f"Target (issue 3): 50x faster. Raw data: `bench/results/latency-{tag}.json`.\n")
    write_section(f"latency-{tag}", body)


if __name__ == "__main__":
    main()
