"""Function discovery benchmark: precision/recall of function starts and end-to-end speed, codekin
and SMDA side by side on the same stripped builds of the ground-truth corpus (bench/corpus).

    python bench/discovery.py [--limit N] [--no-smda] [--jobs 2]

Ground truth: the function symbols of each unstripped build. Discovery runs on the stripped build.
Speed is single-process (one core per worker), end to end from file bytes to functions with CFGs.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from rich.progress import Progress

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import corpus_dir, header, write_section


def _truth(path: Path) -> set[int]:
    data = json.loads(path.read_text())
    funcs = data["functions"] if isinstance(data, dict) else data
    return {int(f["address"]) for f in funcs}


def run_codekin(path: str) -> dict[str, Any]:
    from codekin.binary.loader import load_binary
    from codekin.disasm.discover import extract

    t0 = time.process_time()
    b = load_binary(Path(path).read_bytes(), name=path)
    ex = extract(b)
    dt = time.process_time() - t0
    return {"starts": [f.start for f in ex.functions], "seconds": dt, "instructions": len(ex.table)}


def run_smda(path: str) -> dict[str, Any]:
    import logging

    logging.disable(logging.CRITICAL)
    from smda.Disassembler import Disassembler

    t0 = time.process_time()
    r = Disassembler().disassembleFile(path)
    dt = time.process_time() - t0
    starts = [int(f.offset) for f in r.getFunctions()] if r.status == "ok" else []
    return {"starts": starts, "seconds": dt, "instructions": int(r.num_instructions or 0),
            "status": r.status}


_RUNNERS = {"codekin": run_codekin, "smda": run_smda}


def evaluate(job: tuple[dict[str, Any], str, str]) -> dict[str, Any]:
    build, root, tool = job
    rootp = Path(root)
    truth = _truth(rootp / build["truth"])
    path = str(rootp / build["stripped"])
    out: dict[str, Any] = {"id": build["id"], "truth": len(truth)}
    for name, fn in [(tool, _RUNNERS[tool])]:
        try:
            r = fn(path)
        except Exception as exc:  # report, don't stop the benchmark
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        found = set(r["starts"])
        tp = len(found & truth)
        out[name] = {"tp": tp, "found": len(found), "seconds": r["seconds"],
                     "instructions": r["instructions"], "functions": len(found)}
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def cell_of(b: dict[str, Any]) -> tuple[str, str, str]:
    fmt = f"{b['format'].upper()} {b['arch']}"
    return fmt, b["compiler"], b["opt"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(corpus_dir()))
    ap.add_argument("--limit", type=int, default=0, help="random sample of N builds (0: all)")
    ap.add_argument("--projects", nargs="*")
    ap.add_argument("--no-smda", action="store_true")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (each is single-threaded)")
    ap.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md alone")
    args = ap.parse_args()
    root = Path(args.corpus)
    manifest = json.loads((root / "manifest.json").read_text())
    builds = [b for b in manifest["builds"] if not args.projects or b["project"] in args.projects]
    if args.limit:
        random.Random(7).shuffle(builds)
        builds = builds[: args.limit]
    tools = ["codekin"] + ([] if args.no_smda else ["smda"])
    merged: dict[str, dict[str, Any]] = {}
    # each tool in worker processes of its own: a process that ran SMDA (large object graphs left
    # behind) slows whatever runs in it next, so the tools never share one
    with Progress() as prog:
        for tool in tools:
            jobs = [(b, str(root), tool) for b in builds]
            with mp.get_context("spawn").Pool(args.jobs, maxtasksperchild=8) as pool:
                task = prog.add_task(f"discovery: {tool}", total=len(jobs))
                for r in pool.imap_unordered(evaluate, jobs):
                    m = merged.setdefault(r["id"], {"id": r["id"], "truth": r["truth"], "rss_mb": {}})
                    m[tool] = r[tool]
                    m["rss_mb"][tool] = r["rss_mb"]
                    prog.advance(task)
    results: list[dict[str, Any]] = list(merged.values())
    by_id = {b["id"]: b for b in builds}
    agg: dict[tuple[str, ...], dict[str, list[float]]] = defaultdict(lambda: defaultdict(float))  # type: ignore
    for r in results:
        b = by_id[r["id"]]
        for key in (cell_of(b), (cell_of(b)[0], "all", "all"), ("all", "all", "all")):
            a = agg[key]
            a["truth"] += r["truth"]
            for t in tools:
                if "error" in r.get(t, {"error": 1}):
                    a[f"{t}_err"] += 1
                    continue
                for k in ("tp", "found", "seconds", "instructions", "functions"):
                    a[f"{t}_{k}"] += r[t][k]

    def pr(a: dict[str, float], t: str) -> tuple[float, float]:
        p = a[f"{t}_tp"] / a[f"{t}_found"] if a[f"{t}_found"] else 0.0
        rc = a[f"{t}_tp"] / a["truth"] if a["truth"] else 0.0
        return p, rc

    lines = ["| format | compiler | opt | functions (truth) | codekin P | codekin R | SMDA P | SMDA R |",
             "|---|---|---|---|---|---|---|---|"]
    for key in sorted(agg, key=lambda k: (k[0] == "all", k)):
        a = agg[key]
        cp, cr = pr(a, "codekin")
        row = f"| {' | '.join(key)} | {int(a['truth'])} | {cp:.4f} | {cr:.4f} |"
        if "smda" in tools:
            sp, sr = pr(a, "smda")
            row += f" {sp:.4f} | {sr:.4f} |"
        else:
            row += " - | - |"
        lines.append(row)
    a = agg[("all", "all", "all")]
    speed = ["", "| tool | instructions | functions | CPU s | instructions/s per core | functions/s per core | "
             "true functions/s per core |", "|---|---|---|---|---|---|---|"]
    rates = {}
    for t in tools:
        s = a[f"{t}_seconds"] or 1e-9
        rates[t] = (a[f"{t}_instructions"] / s, a[f"{t}_functions"] / s, a[f"{t}_tp"] / s)
        speed.append(f"| {t} | {int(a[f'{t}_instructions'])} | {int(a[f'{t}_functions'])} | {s:.1f} | "
                     f"{rates[t][0]:,.0f} | {rates[t][1]:,.0f} | {rates[t][2]:,.0f} |")
    if "smda" in rates:
        speed.append(f"\ncodekin / SMDA speed ratio: {rates['codekin'][0] / rates['smda'][0]:.1f}x "
                     f"(instructions/s), {rates['codekin'][1] / rates['smda'][1]:.1f}x (functions/s); "
                     f"{rates['codekin'][2] / rates['smda'][2]:.1f}x counting only true functions (starts in the "
                     "truth: a tool that reports more non-functions gets no credit for them).")
    errs = {t: int(a.get(f"{t}_err", 0)) for t in tools}
    cmd = "python bench/discovery.py " + " ".join(sys.argv[1:])
    body = ("## Function discovery (issue 2)\n\n" + header(cmd.strip()) +
            f"- builds: {len(results)} stripped binaries of the corpus (bench/corpus); errors: {errs}\n"
            "- truth: function symbols of the unstripped build; P = precision, R = recall of function "
            "starts\n- speed: CPU time of one process, bytes on disk to functions with CFGs (SMDA: "
            "`Disassembler().disassembleFile`); each tool runs in worker processes of its own (8 builds "
            "per process), one tool after the other, on the same files\n\n"
            + "\n".join(lines) + "\n" + "\n".join(speed) + "\n")
    print(body)
    if not args.no_write:
        write_section("discovery", body)
        (Path(__file__).resolve().parent / "results").mkdir(exist_ok=True)
        (Path(__file__).resolve().parent / "results" / "discovery.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
