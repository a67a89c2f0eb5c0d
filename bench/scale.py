"""The embedded store as the corpus grows: index size, index throughput and query latency up to
(by default) 1,000,000 functions.

Real fingerprints of a few hundred real binaries (the dev set's index binaries and the ground-truth
corpus's stripped builds) are indexed first; the store then grows with perturbed replicas of them:
each replica re-draws a random 10-20 % of every function's 64 MinHash values, recomputes the LSH bands
(small functions keep no bands, as in the real index), gives 90 % of the functions a fresh exact hash,
gets a new sha256 and one of 200 synthetic family labels (round-robin). At each checkpoint the script
measures the index file (bytes, bytes per function, per-table share), the indexing throughput
(cumulative and since the previous checkpoint, ``add_sample`` time only) and the latency of
``codekin.match.matcher.match`` for held-out real query binaries (the dev set's query binaries, never
indexed): the store is opened fresh, the first query is reported as "cold", then every query runs
once more for the warm p50/p95. Query fingerprinting is not included (the prints are computed once).

    python bench/scale.py [--max-functions 1000000] [--quick] [--db PATH] [--queries 30]

Writes bench/results/scale.json, bench/results/scale.png and the "scale" section of BENCHMARKS.md.
Real fingerprints are cached under ~/.cache/codekin-bench/ (delete the prints-*.pkl files to redo).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import inspect
import json
import math
import os
import pickle
import random
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import ROOT, corpus_dir, header, source_version, write_section

sys.path.insert(0, str(ROOT / "src"))  # measure this checkout's codekin, whatever the installed copy points at

DEVSET = ROOT.parent / "shared" / "devset"
BENCH_CACHE = Path(os.environ.get("CODEKIN_BENCH_CACHE", Path.home() / ".cache" / "codekin-bench"))
RESULTS = Path(__file__).resolve().parent / "results"
CHECKPOINTS = [50_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000]
QUICK_CHECKPOINTS = [10_000, 25_000, 50_000, 100_000]
N_SYNTH_FAMILIES = 200
FLIP_RANGE = (0.10, 0.20)  # share of MinHash values re-drawn per function and replica
EXACT_KEEP = 0.10  # share of functions whose exact hash a replica keeps
STRINGS_KEEP = 0.70  # share of a sample's string hashes a replica keeps (the others are re-drawn)
console = Console()


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


# ---------------------------------------------------------------------------- real fingerprints
@dataclasses.dataclass
class RealSample:
    path: str
    family: str
    record: Any  # codekin.store.SampleRecord
    prints: Any  # codekin.fingerprint.FunctionPrints


def _devset_cache() -> Path:
    return Path(os.environ.get("DEVSET_CACHE", Path.home() / ".cache" / "codekin-devset"))


def real_inputs(n_queries: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(path, family) of the binaries to index and of the held-out query binaries."""
    base: list[tuple[str, str]] = []
    queries: list[tuple[str, str]] = []
    man_p = DEVSET / "manifest.json"
    if man_p.exists():
        cache = _devset_cache()
        bins = [b for b in json.loads(man_p.read_text())["binaries"] if (cache / b["path"]).is_file()]
        base += [(str(cache / b["path"]), b["family"]) for b in bins if b["role"] == "index"]
        qs = sorted((b for b in bins if b["role"] == "query"), key=lambda b: b["id"])
        rng = random.Random(7)
        per_pf = {pf: [b for b in qs if b["platform"] == pf] for pf in sorted({b["platform"] for b in qs})}
        for lst in per_pf.values():
            k = min(len(lst), math.ceil(n_queries / max(1, len(per_pf))))
            queries += [(str(cache / b["path"]), b["family"]) for b in rng.sample(lst, k)]
        queries = queries[:n_queries]
    cman = corpus_dir() / "manifest.json"
    if cman.exists():
        for b in json.loads(cman.read_text())["builds"]:
            p = corpus_dir() / b.get("stripped", "")
            if b.get("stripped") and p.is_file():
                base.append((str(p), b["project"]))
    if not base or not queries:
        raise SystemExit("no real binaries: need ../shared/devset + ~/.cache/codekin-devset and/or the corpus")
    return base, queries


def _analyse(job: tuple[str, str]) -> list[RealSample]:
    from codekin.fingerprint import fingerprint
    from codekin.fingerprint.sample import sample_record
    from codekin.pipeline import analyse_bytes

    path, family = job
    data = Path(path).read_bytes()
    out = []
    for res in analyse_bytes(data, name=path):
        if res.extraction is None:
            continue
        prints = fingerprint(res.extraction)
        if len(prints) == 0:
            continue
        rec = sample_record(res.extraction, data, int(prints.n_insns.sum()))
        out.append(RealSample(path, family, rec, prints))
    return out


def real_prints(jobs: list[tuple[str, str]], what: str, workers: int = 2) -> list[RealSample]:
    """Fingerprints of real binaries, cached on disk (keyed by the files and the fingerprint config)."""
    import codekin.fingerprint.features as feat
    import codekin.fingerprint.sample as samp
    from codekin.store import SampleRecord

    code = [Path(m.__file__ or "").read_text() for m in (feat, samp)]
    fields = [f.name for f in dataclasses.fields(SampleRecord)]
    key = hashlib.sha256(json.dumps([code, fields, sorted(jobs),
                                     [Path(p).stat().st_size for p, _ in sorted(jobs)]]).encode()).hexdigest()[:16]
    cache = BENCH_CACHE / f"prints-{what}-{key}.pkl"
    if cache.exists():  # plain tuples, so that any importer of this module can read it
        return [RealSample(*t) for t in pickle.loads(cache.read_bytes())]
    out: list[RealSample] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console) as prog, ProcessPoolExecutor(max_workers=workers) as pool:
        task = prog.add_task(f"fingerprinting {what}", total=len(jobs))
        for res in pool.map(_analyse, jobs, chunksize=2):
            out += res
            prog.advance(task)
    BENCH_CACHE.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps([(s.path, s.family, s.record, s.prints) for s in out],
                                   protocol=pickle.HIGHEST_PROTOCOL))
    return out


def dedupe(samples: list[RealSample], exclude: set[str] | None = None) -> list[RealSample]:
    seen = set(exclude or ())
    out = []
    for s in samples:
        if s.record.sha256 not in seen:
            seen.add(s.record.sha256)
            out.append(s)
    return out


# ---------------------------------------------------------------------------- synthetic growth
def perturb(prints: Any, rng: np.random.Generator) -> Any:
    """A replica of one binary's prints: re-drawn MinHash values, new bands, mostly new exact hashes."""
    from codekin.fingerprint import FunctionPrints
    from codekin.fingerprint.features import lsh_bands

    n, k = prints.minhash.shape
    mh = prints.minhash.copy()
    share = rng.uniform(*FLIP_RANGE, size=(n, 1))
    flip = rng.random((n, k)) < share
    mh[flip] = rng.integers(0, 2**32, size=int(flip.sum()), dtype=np.uint32)
    bands = lsh_bands(mh)
    bands[prints.bands[:, 0] == 0] = 0
    exact = prints.exact.copy()
    new = rng.random(n) >= EXACT_KEEP
    exact[new] = rng.integers(0, 2**64, size=int(new.sum()), dtype=np.uint64)
    return FunctionPrints(prints.address, prints.n_insns, prints.n_bytes, prints.n_blocks, prints.n_edges,
                          prints.n_calls, exact, mh, bands, prints.strings, prints.consts, prints.imports)


def stream(base: list[RealSample], seed: int) -> Iterator[tuple[Any, Any, str, bool]]:
    """(record, prints, family, is_real): the real samples in random order, then replica rounds."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(base))
    for i in order.tolist():
        s = base[i]
        yield s.record, s.prints, s.family, True
    r = 0
    n_rep = 0
    while True:
        r += 1
        for i in rng.permutation(len(base)).tolist():
            s = base[i]
            sha = hashlib.sha256(f"{s.record.sha256}:replica:{r}".encode()).hexdigest()
            rec = dataclasses.replace(s.record, sha256=sha, name=f"{s.record.name}~{r}", info={})
            strs = getattr(s.record, "strings", None)
            if strs is not None and len(strs):
                strs = strs.copy()
                new = rng.random(len(strs)) >= STRINGS_KEEP
                strs[new] = rng.integers(0, 2**64, size=int(new.sum()), dtype=np.uint64)
                rec.strings = np.sort(strs)
            fam = f"synth-{n_rep % N_SYNTH_FAMILIES:03d}"
            n_rep += 1
            yield rec, perturb(s.prints, rng), fam, False


# ---------------------------------------------------------------------------- measuring
class TimedStore:
    """Delegates to a store and records how long each store call of the matcher takes and how many
    candidate pairs the function look-ups return."""

    CANDIDATE_CALLS = ("exact_candidates", "exact_matches", "lsh_candidates")

    def __init__(self, store: Any) -> None:
        self._s = store
        self.t: dict[str, float] = {}
        self.candidates = 0

    def reset(self) -> None:
        self.t = {}
        self.candidates = 0

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._s, name)
        if name.startswith("_") or not callable(attr):
            return attr

        def timed(*a: Any, **kw: Any) -> Any:
            t0 = time.perf_counter()
            out = attr(*a, **kw)
            self.t[name] = self.t.get(name, 0.0) + time.perf_counter() - t0
            if name in self.CANDIDATE_CALLS:
                self.candidates += len(out.fid) if hasattr(out, "fid") else len(out[0])
            return out

        return timed


def pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def file_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists())


def table_bytes(conn: Any) -> dict[str, int]:
    try:
        rows = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    except Exception:  # dbstat not compiled in
        return {}
    return {r[0]: int(r[1]) for r in rows if r[1]}


def _match(store: Any, q: RealSample) -> Any:
    from codekin.match.matcher import match

    if "strings" in inspect.signature(match).parameters:
        return match(store, q.prints, strings=getattr(q.record, "strings", None))
    return match(store, q.prints)


def run_queries(db: Path, queries: list[RealSample]) -> dict[str, Any]:
    """Cold: a fresh connection per query. Warm: one connection, a warm-up pass, then a timed pass."""
    from codekin.store import open_store

    ms = 1000.0
    cold, opens = [], []
    for q in queries:
        t0 = time.perf_counter()
        store = open_store(db)
        t1 = time.perf_counter()
        _match(store, q)
        cold.append(time.perf_counter() - t1)
        opens.append(t1 - t0)
        store.close()
    store = open_store(db)
    out: dict[str, Any] = {"open_ms_p50": round(ms * pct(opens, 0.5), 1),
                           "cold_p50_ms": round(ms * pct(cold, 0.5), 1),
                           "cold_p95_ms": round(ms * pct(cold, 0.95), 1)}
    for q in queries:  # warm-up
        _match(store, q)
    ts = TimedStore(store)
    lat: list[float] = []
    parts: dict[str, list[float]] = {}
    cands: list[float] = []
    top_ok = 0
    for q in queries:
        ts.reset()
        t0 = time.perf_counter()
        res = _match(ts, q)
        dt = time.perf_counter() - t0
        lat.append(dt)
        cands.append(float(ts.candidates))
        for k, v in ts.t.items():
            parts.setdefault(k, []).append(v)
        parts.setdefault("rest (scoring)", []).append(dt - sum(ts.t.values()))
        top_ok += bool(res.families) and res.families[0].family == q.family
    out |= {"warm_p50_ms": round(ms * pct(lat, 0.5), 1), "warm_p95_ms": round(ms * pct(lat, 0.95), 1),
            "warm_mean_ms": round(ms * sum(lat) / len(lat), 1),
            "warm_breakdown_mean_ms": {k: round(ms * sum(v) / len(v), 2) for k, v in parts.items()},
            "warm_latencies_ms": [round(ms * x, 2) for x in lat],
            "candidates_p50": int(pct(cands, 0.5)), "candidates_mean": round(sum(cands) / len(cands), 1),
            "candidates": [int(c) for c in cands], "top1_family_is_query_family": top_ok}
    # the same connection with its look-up tables in memory (store/memindex.py: what `codekin query`
    # does for a batch): the load once, then a warm-up pass and a timed pass
    if hasattr(store, "use_memory"):
        rss0 = _rss_mb()
        store.use_memory()
        t0 = time.perf_counter()
        store._memindex()
        load_s = time.perf_counter() - t0
        for q in queries:
            _match(store, q)
        mem: list[float] = []
        for q in queries:
            t0 = time.perf_counter()
            _match(store, q)
            mem.append(time.perf_counter() - t0)
        out |= {"mem_load_s": round(load_s, 2), "mem_rss_mb": round(_rss_mb() - rss0, 0),
                "mem_p50_ms": round(ms * pct(mem, 0.5), 1), "mem_p95_ms": round(ms * pct(mem, 0.95), 1),
                "mem_latencies_ms": [round(ms * x, 2) for x in mem]}
        store.use_memory(False)
    store.close()
    return out


def _rss_mb() -> float:
    """This process's resident memory now (Linux /proc), in MiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


# ---------------------------------------------------------------------------- report
def fit_slope(xs: list[float], ys: list[float]) -> float:
    lx, ly = np.log(np.asarray(xs)), np.log(np.asarray(ys))
    return float(np.polyfit(lx, ly, 1)[0]) if len(xs) >= 2 else float("nan")


def plot(points: list[dict[str, Any]], out: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        console.print("[yellow]matplotlib missing: no plot (pip install matplotlib)")
        return False
    n = [p["functions"] for p in points]
    fig, ax = plt.subplots(1, 3, figsize=(15, 5))
    ax[0].plot(n, [p["file_bytes"] / 2**20 for p in points], "o-", label="index file (MiB)")
    ax0b = ax[0].twinx()
    ax0b.plot(n, [p["bytes_per_function"] for p in points], "s--", color="tab:orange", label="bytes / function")
    ax0b.set_ylim(0, max(p["bytes_per_function"] for p in points) * 1.3)
    ax[0].set_yscale("log")
    ax[0].set_ylabel("MiB")
    ax0b.set_ylabel("bytes / function")
    ax[0].set_title("index size")
    h1, l1 = ax[0].get_legend_handles_labels()
    h2, l2 = ax0b.get_legend_handles_labels()
    ax[0].legend(h1 + h2, l1 + l2, loc="upper left", fontsize=8)
    ax[1].plot(n, [p["index_rate_incremental"] for p in points], "o-", label="since previous checkpoint")
    ax[1].plot(n, [p["index_rate_cumulative"] for p in points], "s--", label="cumulative")
    ax[1].set_ylim(bottom=0)
    ax[1].set_ylabel("functions / s (add_sample)")
    ax[1].set_title("indexing throughput")
    ax[1].legend(fontsize=8)
    q = [p["query"] for p in points]
    ax[2].plot(n, [x["warm_p50_ms"] for x in q], "o-", color="tab:blue", label="warm p50")
    ax[2].plot(n, [x["warm_p95_ms"] for x in q], "s-", color="tab:blue", alpha=0.5, label="warm p95")
    ax[2].plot(n, [x["cold_p50_ms"] for x in q], "^:", color="tab:red", label="cold p50 (fresh connection)")
    if all("mem_p50_ms" in x for x in q):
        ax[2].plot(n, [x["mem_p50_ms"] for x in q], "o-", color="tab:green", label="in memory p50")
        ax[2].plot(n, [x["mem_p95_ms"] for x in q], "s-", color="tab:green", alpha=0.5, label="in memory p95")
    ref = q[0]["warm_p50_ms"]
    ax[2].plot(n, [ref * x / n[0] for x in n], color="grey", lw=0.8, ls="--", label="linear in corpus size")
    ax[2].set_yscale("log")
    ax[2].set_ylabel("ms per query (match)")
    ax[2].set_title("query latency")
    ax[2].legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
    for a in ax:
        a.set_xscale("log")
        a.set_xlabel("functions in the index")
        a.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return True


def summary(points: list[dict[str, Any]]) -> dict[str, Any]:
    xs = [p["functions"] for p in points]
    first, last = points[0]["query"], points[-1]["query"]
    out: dict[str, Any] = {"corpus_growth": round(xs[-1] / xs[0], 2)}
    keys = ["warm_p50", "warm_p95", "cold_p50", "cold_p95"]
    if all("mem_p50_ms" in p["query"] for p in points):
        keys += ["mem_p50", "mem_p95"]
    for k in keys:
        out[f"latency_growth_{k}"] = round(last[f"{k}_ms"] / first[f"{k}_ms"], 2)
        out[f"latency_slope_{k}"] = round(fit_slope(xs, [p["query"][f"{k}_ms"] for p in points]), 3)
    out["candidates_growth"] = round(max(1, last["candidates_p50"]) / max(1, first["candidates_p50"]), 2)
    out["candidates_slope"] = round(fit_slope(xs, [max(1, p["query"]["candidates_p50"]) for p in points]), 3)
    return out


def load_words(res: dict[str, Any]) -> str:
    peak = max([res["loadavg_start"][0], res["loadavg_end"][0], *[p["loadavg"][0] for p in res["checkpoints"]]])
    if peak > 0.75 * (os.cpu_count() or 1) + 0.5:
        return "other CPU-heavy jobs shared the machine, so absolute times are pessimistic"
    return "the machine was otherwise quiet (this benchmark itself keeps one core busy)"


def _growth_word(g_lat: float, g_n: float, slope: float) -> str:
    if g_lat < g_n and slope < 0.9:
        return "sub-linearly"
    return "about linearly" if slope < 1.1 else "super-linearly"


def tail_note(res: dict[str, Any]) -> list[str]:
    last = res["checkpoints"][-1]["query"]
    if "candidates" not in last:
        return []
    lat = last["warm_latencies_ms"]
    i = max(range(len(lat)), key=lambda j: lat[j])
    path = Path(res["config"]["query_paths"][i])
    name = "/".join(path.parts[-4:])
    nfn = res["config"]["query_functions_by_path"][i]
    cand = last["candidates"]
    med = int(pct([float(c) for c in cand], 0.5))
    text = (f"**The tail.** The slowest query at {res['checkpoints'][-1]['functions']:,} functions, `{name}` "
            f"({nfn:,} functions), took {lat[i] / 1000:,.1f} s warm for {cand[i]:,} candidate pairs "
            f"({cand[i] / max(nfn, 1):,.0f} per query function; median query {med:,} pairs).")
    if cand[i] > 10 * max(med, 1):
        text += (" Code that many stored samples share (language runtimes, statically linked libraries) puts "
                 "many stored functions behind one query function, and every replica adds more: p95 "
                 "follows how many stored copies of the most widely shared code there are.")
    return [text, ""]


def mem_note(res: dict[str, Any]) -> list[str]:
    sm, pts = res["summary"], res["checkpoints"]
    if "latency_growth_mem_p50" not in sm:
        return []
    last = pts[-1]["query"]
    w50 = _growth_word(sm["latency_growth_mem_p50"], sm["corpus_growth"], sm["latency_slope_mem_p50"])
    w95 = _growth_word(sm["latency_growth_mem_p95"], sm["corpus_growth"], sm["latency_slope_mem_p95"])
    return [f"**In memory.** With the look-up tables loaded into memory (store/memindex.py, as `codekin query` "
            f"does for a batch; {last['mem_load_s']:.1f} s and about {last['mem_rss_mb']:,.0f} MiB at "
            f"{pts[-1]['functions']:,} functions) the median query took {last['mem_p50_ms']:,.0f} ms and the p95 "
            f"{last['mem_p95_ms']:,.0f} ms there; over the whole range the median grew "
            f"x{sm['latency_growth_mem_p50']:.1f} (slope {sm['latency_slope_mem_p50']:.2f}, {w50}) and the p95 "
            f"x{sm['latency_growth_mem_p95']:.1f} (slope {sm['latency_slope_mem_p95']:.2f}, {w95}).", ""]


def cold_note(last: dict[str, Any]) -> list[str]:
    q = last["query"]
    return [f"**Cold vs warm.** Opening the store takes {q['open_ms_p50']:,.0f} ms (p50); a query on a fresh "
            f"connection took {q['cold_p50_ms']:,.0f} ms (p50) against {q['warm_p50_ms']:,.0f} ms warm, p95 "
            f"{q['cold_p95_ms']:,.0f} against {q['warm_p95_ms']:,.0f} ms. The OS page cache held the whole file "
            "in both cases (24 GiB of RAM); a first query after a reboot would also pay for disk reads.", ""]


def report(cmd: str, res: dict[str, Any], has_plot: bool) -> str:
    pts = res["checkpoints"]
    sm = res["summary"]
    rows = ["| functions | samples | LSH rows | file MiB | B/function | index fn/s (interval) | index fn/s (cum.) "
            "| cold p50 / p95 ms | warm p50 / p95 ms | in memory p50 / p95 ms (load s, MiB) | candidates p50 "
            "| load avg |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for p in pts:
        q = p["query"]
        rows.append(f"| {p['functions']:,} | {p['samples']:,} | {p['lsh_rows']:,} | {p['file_bytes'] / 2**20:,.0f} "
                    f"| {p['bytes_per_function']:,.0f} | {p['index_rate_incremental']:,.0f} "
                    f"| {p['index_rate_cumulative']:,.0f} | {q['cold_p50_ms']:,.0f} / {q['cold_p95_ms']:,.0f} "
                    f"| {q['warm_p50_ms']:,.0f} / {q['warm_p95_ms']:,.0f} | "
                    + (f"{q['mem_p50_ms']:,.0f} / {q['mem_p95_ms']:,.0f} ({q['mem_load_s']:.1f} s, "
                       f"{q['mem_rss_mb']:,.0f})" if "mem_p50_ms" in q else "-")
                    + f" | {q['candidates_p50']:,} "
                    f"| {p['loadavg'][0]:.1f} |")
    first, last = pts[0], pts[-1]
    g_n = sm["corpus_growth"]
    bd = last["query"]["warm_breakdown_mean_ms"]
    bd_txt = ", ".join(f"`{k}` {v:,.0f} ms" for k, v in sorted(bd.items(), key=lambda kv: -kv[1]))
    tb = last.get("table_bytes") or {}
    tb_txt = ", ".join(f"{k} {v / last['functions']:,.0f}" for k, v in sorted(tb.items(), key=lambda kv: -kv[1])[:6])
    cfg = res["config"]
    w50 = _growth_word(sm["latency_growth_warm_p50"], g_n, sm["latency_slope_warm_p50"])
    w95 = _growth_word(sm["latency_growth_warm_p95"], g_n, sm["latency_slope_warm_p95"])
    body = [
        f"## Scale: the embedded store up to {last['functions']:,} functions",
        "",
        (res.get("machine_header") or header(cmd)).rstrip(),
        f"- codekin source: {res.get('codekin_source', 'unknown')}",
        f"- load average (1/5/15 min) at start {res['loadavg_start']}, at end {res['loadavg_end']}, per checkpoint "
        f"in the table ({os.cpu_count()} cores): " + load_words(res),
        f"- base: {cfg['base_samples']} real binaries ({cfg['base_functions']:,} functions; dev-set index binaries "
        f"and the corpus's stripped builds), then perturbed replicas: per function {int(FLIP_RANGE[0] * 100)}-"
        f"{int(FLIP_RANGE[1] * 100)} % of the MinHash values re-drawn and the bands recomputed, "
        f"{int(100 - EXACT_KEEP * 100)} % new exact hashes, {int(100 - STRINGS_KEEP * 100)} % of the sample's "
        f"string hashes re-drawn, {N_SYNTH_FAMILIES} synthetic families",
        f"- queries: {cfg['queries']} held-out real dev-set query binaries (median {cfg['query_functions_p50']} "
        "functions, never indexed); `match()` in process, prints precomputed (fingerprinting not timed)",
        f"- total run time {res['total_seconds'] / 60:.0f} min; raw data `bench/results/scale.json`",
        "",
        *rows,
        "",
        "Cold = a fresh connection per query (SQLite's page cache empty; the OS page cache is warm, the file was "
        "just written). Warm = one connection, after a warm-up pass. Index throughput counts `add_sample` time "
        "only (one transaction per sample). File size after a WAL "
        "checkpoint.",
        "",
    ]
    if has_plot:
        body += ["![scale](bench/results/scale.png)", ""]
    body += [
        f"**Growth.** From {first['functions']:,} to {last['functions']:,} functions (x{g_n:.1f}) the warm median "
        f"query latency grew x{sm['latency_growth_warm_p50']:.1f} (p95 x{sm['latency_growth_warm_p95']:.1f}; "
        f"log-log slope {sm['latency_slope_warm_p50']:.2f}): query time grows **{w50}** in the corpus size over "
        f"this range; the p95 grows {w95} (slope {sm['latency_slope_warm_p95']:.2f}). The candidate pairs per "
        "query (median) grew "
        f"x{sm['candidates_growth']:.1f} (slope {sm['candidates_slope']:.2f}): the replicas are near-copies of the "
        "real binaries the queries resemble, so a query's near-neighbours multiply with the corpus here; a corpus "
        "of unrelated code would add fewer candidates, so this is a pessimistic case for retrieval. Latency "
        "follows the candidates, not the index size as such: the warm median query cost "
        f"{1000 * first['query']['warm_p50_ms'] / max(1, first['query']['candidates_p50']):,.1f} µs per candidate "
        f"pair at {first['functions']:,} functions and "
        f"{1000 * last['query']['warm_p50_ms'] / max(1, last['query']['candidates_p50']):,.1f} µs at "
        f"{last['functions']:,}, while a B-tree look-up per band key grows only with the tree's depth.",
        "",
        *mem_note(res),
        f"**Where the time goes** (mean warm query at {last['functions']:,} functions): {bd_txt} (`rest` "
        "is `match()`'s own Python and NumPy work). Means are dominated by the few queries with the most "
        "candidate pairs (see the tail below).",
        "",
        *tail_note(res),
        *cold_note(last),
        f"**Size.** {last['bytes_per_function']:,.0f} bytes per function at {last['functions']:,} functions "
        f"({last['file_bytes'] / 2**30:.2f} GiB); bytes per function by table / index: {tb_txt}.",
        "",
        f"**Indexing.** {last['index_rate_cumulative']:,.0f} functions/s overall, "
        f"{last['index_rate_incremental']:,.0f} functions/s in the last interval (first interval "
        f"{first['index_rate_incremental']:,.0f}). Most of `add_sample`'s time is its COMMIT (profiled "
        "separately): every sample's LSH keys land on random pages of the `lsh` B-tree, so each per-sample "
        "transaction writes many pages to the WAL, and more distinct pages as the tree grows.",
    ]
    return "\n".join(body)


# ---------------------------------------------------------------------------- main
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-functions", type=int, default=1_000_000)
    ap.add_argument("--quick", action="store_true", help="small run (100k functions, 8 queries) to check the script")
    ap.add_argument("--db", default=str(BENCH_CACHE / "scale.db"), help="index file (deleted and rebuilt)")
    ap.add_argument("--queries", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-report", action="store_true", help="do not write BENCHMARKS.md")
    ap.add_argument("--report-only", action="store_true",
                    help="re-render the plot and the BENCHMARKS.md section from bench/results/scale.json")
    args = ap.parse_args()
    if args.report_only:
        res = json.loads((RESULTS / "scale.json").read_text())
        write_section("scale", report(res["command"], res, plot(res["checkpoints"], RESULTS / "scale.png")))
        console.print("BENCHMARKS.md: section 'scale' re-rendered")
        return

    from codekin.fingerprint import FINGERPRINT_CONFIG
    from codekin.store import LabelSpec, open_store

    t_start = time.perf_counter()
    la_start = loadavg()
    src_version = source_version()
    max_fn = min(args.max_functions, 100_000) if args.quick else args.max_functions
    marks = [c for c in (QUICK_CHECKPOINTS if args.quick else CHECKPOINTS) if c < max_fn] + [max_fn]
    base_jobs, query_jobs = real_inputs(args.queries)
    base = dedupe(real_prints(base_jobs, "base"))
    queries = dedupe(real_prints(query_jobs, "queries"), {s.record.sha256 for s in base})
    if args.quick:  # same cached prints, fewer of them
        base = random.Random(3).sample(base, min(len(base), 80))
        queries = queries[:8]
    base_fn = sum(len(s.prints) for s in base)
    console.print(f"base: {len(base)} samples, {base_fn:,} functions; queries: {len(queries)}; "
                  f"checkpoints {marks}; load {la_start}")

    db = Path(args.db).expanduser()
    db.parent.mkdir(parents=True, exist_ok=True)
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        p.unlink(missing_ok=True)
    store = open_store(db)
    points: list[dict[str, Any]] = []
    n_fn = n_samples = n_real = 0
    t_index = t_gen = 0.0
    last_n, last_t = 0, 0.0
    mi = 0
    it = stream(base, args.seed)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console) as prog:
        task = prog.add_task("indexing", total=max_fn)
        while mi < len(marks):
            t0 = time.perf_counter()
            rec, prints, fam, real = next(it)
            t1 = time.perf_counter()
            store.add_sample(rec, prints, LabelSpec(family=fam, source="bench-scale"))
            t2 = time.perf_counter()
            t_gen += t1 - t0
            t_index += t2 - t1
            n_fn += len(prints)
            n_samples += 1
            n_real += real
            prog.update(task, completed=min(n_fn, max_fn))
            if n_fn < marks[mi]:
                continue
            mi += 1
            prog.update(task, description=f"checkpoint {n_fn:,}")
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size = file_bytes(db)
            tables = table_bytes(store.db)
            lsh_rows = store.db.execute("SELECT COUNT(*) FROM lsh").fetchone()[0]
            q = run_queries(db, queries)
            pt = {
                "functions": n_fn, "samples": n_samples, "real_samples": n_real, "lsh_rows": lsh_rows,
                "file_bytes": size, "bytes_per_function": round(size / n_fn, 1), "table_bytes": tables,
                "index_seconds": round(t_index, 2),
                "index_rate_cumulative": round(n_fn / t_index, 1),
                "index_rate_incremental": round((n_fn - last_n) / (t_index - last_t), 1),
                "replica_generation_seconds": round(t_gen, 2),
                "loadavg": loadavg(), "elapsed_s": round(time.perf_counter() - t_start, 1), "query": q,
            }
            points.append(pt)
            last_n, last_t = n_fn, t_index
            prog.console.print(
                f"{n_fn:>10,} fn {size / 2**20:7.0f} MiB {pt['bytes_per_function']:5.0f} B/fn "
                f"index {pt['index_rate_incremental']:7,.0f} fn/s | cold p50 {q['cold_p50_ms']:6.0f} ms "
                f"warm p50 {q['warm_p50_ms']:6.0f} p95 {q['warm_p95_ms']:6.0f} ms "
                f"| cand {q['candidates_p50']:,} | load {pt['loadavg'][0]}")
            prog.update(task, description="indexing")
    store.close()

    qfn = sorted(len(q.prints) for q in queries)
    cmd = "python bench/scale.py" + (" --quick" if args.quick else "") + (
        f" --max-functions {args.max_functions}" if args.max_functions != 1_000_000 and not args.quick else "")
    res = {
        "command": cmd, "machine_header": header(cmd), "codekin_source": src_version,
        "loadavg_start": la_start, "loadavg_end": loadavg(),
        "total_seconds": round(time.perf_counter() - t_start, 1),
        "config": {
            "seed": args.seed, "db": str(db), "fingerprint": FINGERPRINT_CONFIG, "flip_range": FLIP_RANGE,
            "exact_keep": EXACT_KEEP, "synthetic_families": N_SYNTH_FAMILIES, "base_samples": len(base),
            "base_functions": base_fn, "queries": len(queries), "query_functions_p50": qfn[len(qfn) // 2],
            "query_functions": qfn, "query_paths": [q.path for q in queries],
            "query_functions_by_path": [len(q.prints) for q in queries],
        },
        "checkpoints": points,
    }
    res["summary"] = summary(points)
    RESULTS.mkdir(exist_ok=True)
    stem = "scale-quick" if args.quick else "scale"
    (RESULTS / f"{stem}.json").write_text(json.dumps(res, indent=1))
    has_plot = plot(points, RESULTS / f"{stem}.png")
    console.print(json.dumps(res["summary"]))
    if not args.quick and not args.no_report:
        write_section("scale", report(cmd, res, has_plot))
        console.print("BENCHMARKS.md: section 'scale' written")
    console.print(f"done in {res['total_seconds']:.0f} s")


if __name__ == "__main__":
    main()
