"""Does library knowledge help? The dev set (../shared/devset) attributed in process (bench/devset.py's
protocol) with no library pack, with the pack bundled before the compiled-library build, and with the
packs `codekin libs build` makes now (the full user pack and the compact pack bundled with codekin).

For each (setting, pack): top-1 macro, AUROC, false attributions on the unknowns (FAR) and on the
confounder pairs (an unknown family attributed to, or ranked first with, the indexed family it shares
code with: sqlean.py/apsw = SQLite, zlib-ng/isal, inflate64/pyppmd+pybcj, rpds-py/orjson+cramjam =
Rust std + pyo3), and the confounders' top scores (what AUROC is about).

    python bench/libs.py --pack none=none --pack old=PATH --pack new=PATH [--settings win linux]
    python bench/libs.py --report   # BENCHMARKS.md section from the saved results

Databases go to ~/.cache/codekin-libs/bench (``--db-dir``); results to bench/results/libs-*.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import devset
from _report import header, write_section

RESULTS = Path(__file__).resolve().parent / "results"
if os.environ.get("CODEKIN_DEVSET"):  # a worktree beside the main checkout: point at ../shared/devset
    devset.DEVSET = Path(os.environ["CODEKIN_DEVSET"])


def confounders(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    man = json.loads((devset.DEVSET / "manifest.json").read_text())
    related = {b["id"]: b.get("related") or [] for b in man["binaries"]}
    out = []
    for r in rows:
        rel = related.get(r["id"], [])
        if r["accept"] or not rel:
            continue
        top = r["families"][0] if r["families"] else None
        rel_scores = [f["score"] for f in r["families"] if f["family"] in rel]
        out.append({"id": r["id"], "family": r["family"], "related": rel,
                    "top": top["family"] if top else None, "top_score": top["score"] if top else 0.0,
                    "related_score": max(rel_scores, default=0.0),
                    "verdict": r["attribution"]["family"] if r["attribution"] else None})
    return out


def pack_stats(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {"samples": 0, "functions": 0, "bytes": 0}
    from codekin.evidence.libs import close_pack, open_pack

    p = open_pack(path)
    try:
        st = p.stats()
        libs = sorted({f["family"] for f in p.family_stats() if f["kind"] == "library"})
        return {"samples": st["samples"], "functions": st["functions"], "bytes": path.stat().st_size,
                "libraries": libs}
    finally:
        close_pack(p)


def run(name: str, pack: Path | None, settings: list[str], db_dir: Path, jobs: int) -> None:
    for setting in settings:
        idx_pf = "linux" if setting == "cross" else setting
        db = db_dir / f"devset-{idx_pf}-{name}.db"
        db.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        t0 = time.perf_counter()
        index_s = devset.build(setting, db, jobs, pack)
        build_s = time.perf_counter() - t0
        rows = devset.run_queries(setting, db)
        m = devset.metrics(rows)
        m["index_s"] = round(index_s, 1)
        m["import_s"] = round(build_s - index_s, 1)
        conf = confounders(rows)
        m["confounder_false"] = sum(c["verdict"] is not None for c in conf)
        m["confounder_top_related"] = sum(c["top"] in c["related"] for c in conf)
        m["confounders"] = len(conf)
        m["confounder_max_score"] = round(max((c["related_score"] for c in conf), default=0.0), 4)
        m["confounder_mean_score"] = round(sum(c["related_score"] for c in conf) / max(1, len(conf)), 4)
        print(name, setting, json.dumps(m), flush=True)
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"libs-{setting}-{name}.json").write_text(json.dumps(
            {"metrics": m, "pack": str(pack) if pack else None, "pack_stats": pack_stats(pack),
             "confounders": conf, "queries": rows}, indent=1))


PACK_ARG = {"none": "none", "bundled": "src/codekin/data/libs.db.xz", "new": "FULL_PACK.db",
            "old": "OLD_BUNDLED.db.xz", "before": "PREVIOUS_BUNDLED.db.xz", "s8": "SESSION8_BUNDLED.db.xz",
            "ext": "COMPACT_PACK.db.xz"}


# what each pack name of a run stands for (the names of past runs, kept to read their results)
PACK_NOTES = {
    "none": "no library pack",
    "old": "the compact pack bundled before the compiled-library build (fingerprint v1)",
    "new": "the full pack `codekin libs build` made on 2026-11-25 17:11 (compiled libraries and runtimes, "
           "Debian's .so and DLLs, literals; SQLite with its optional parts, llhttp)",
    "ext": "the compact pack of 17:11 imported without its samples' exported and imported names",
    "before": "the compact pack bundled before the PyPI references (8.5 MB, 225 samples: compiled libraries "
              "and runtimes from Debian sources with gcc-12, clang-14 and mingw-w64 at several levels, Debian's "
              ".so and mingw DLLs, literals of library sources; SQLite with its optional parts, llhttp; the "
              "samples' exported names carried)",
    "s8": "the compact pack bundled from 2026-11-25 20:24 to 2026-11-26 03:07 (9.5 MB, 252 samples): `before`, "
          "plus the PyPI references of codekin.evidence.registry (Rust std and pyo3 as rustc releases of 2022-2026 "
          "build them, cut out of 4 releases each of bcrypt, nh3 and jiter for win_amd64 and manylinux x86-64; "
          "SQLite as MSVC builds it, cut out of the win_amd64 wheels of pysqlite3, pysqlite3-wheels and "
          "sqlcipher3-wheels; only the functions, strings and exported names that builds of two different "
          "projects share)",
    "bundled": "the compact pack shipped now in src/codekin/data/libs.db.xz: `s8`, plus MSVC-built compression "
               "libraries cut out of win_amd64 wheels the same way: zstd (zstandard, pyzstd, imagecodecs' `_zstd`), "
               "lz4 (lz4, imagecodecs' `_lz4`), brotli (Brotli, brotlicffi, imagecodecs' `_brotli`), zlib (lxml's "
               "`etree`, Pillow's `_imaging`), zlib-ng (blosc2's C library, imagecodecs' `_zlibng`); what the "
               "references of three or more libraries share (MSVC's C runtime) as a reference of its own, `msvc-crt`",
}


def report(names: list[str], settings: list[str], build: dict[str, Any] | None) -> None:
    rows = ["| setting | library pack | pack functions | pack MB | top1 macro | AUROC | FAR@verdict (unknowns) | "
            "confounder pairs: false verdicts | related family ranked first | mean / max related score | "
            "known verdict ok | q med ms |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    present = [n for n in names if any((RESULTS / f"libs-{s}-{n}.json").exists() for s in settings)]
    conf: dict[tuple[str, str], dict[str, Any]] = {}
    for setting in settings:
        for name in present:
            f = RESULTS / f"libs-{setting}-{name}.json"
            if not f.exists():
                continue
            d = json.loads(f.read_text())
            m, ps = d["metrics"], d["pack_stats"]
            rows.append(f"| {setting} | {name} | {ps['functions']:,} | {ps['bytes'] / 1e6:.1f} | {m['top1_macro']} | "
                        f"{m['auroc']} | {m['far']} | {m['confounder_false']}/{m['confounders']} | "
                        f"{m['confounder_top_related']}/{m['confounders']} | {m['confounder_mean_score']} / "
                        f"{m['confounder_max_score']} | {m['known_verdict_ok']} | {m['q_med_ms']} |")
            for c in d["confounders"]:
                key = (setting, c["id"])
                e = conf.setdefault(key, {"family": c["family"], "related": c["related"], "scores": {}, "top": {},
                                          "verdicts": {}})
                e["scores"][name] = c["related_score"]
                e["top"][name] = c["top"]
                e["verdicts"][name] = c["verdict"]
    conf_rows = [f"| setting | unknown query | related | {' | '.join(present)} | verdicts |",
                 "|---|---|---|" + "---|" * len(present) + "---|"]
    for (setting, qid), e in sorted(conf.items()):
        scores = " | ".join(f"{e['scores'].get(n, float('nan')):.3f}" + ("" if e["top"].get(n) in e["related"]
                                                                          else " (not first)") for n in present)
        verdicts = ", ".join(sorted({str(v) for v in e["verdicts"].values()})) or "-"
        conf_rows.append(f"| {setting} | {e['family']} {qid.split('/')[-1][:34]} | {', '.join(e['related'])} | "
                         f"{scores} | {'none' if verdicts == 'None' else verdicts} |")
    body = ("## Library knowledge: compiled libraries and runtimes (issue 5)\n\n"
            + header("python bench/libs.py " + " ".join(f"--pack {n}={PACK_ARG.get(n, n.upper() + '_PACK')}"
                                                         for n in present)
                     + " --settings " + " ".join(settings) + "; python bench/libs.py --report --names "
                     + " ".join(present)) +
            "- dev set in process (bench/devset.py's protocol, ../shared/devset); "
            + "; ".join(f"`{n}`: {PACK_NOTES[n]}" for n in present if n in PACK_NOTES) + "\n"
            "- confounder pairs: the unknown queries whose family shares code with an indexed one (sqlean.py/apsw, "
            "zlib-ng/isal, inflate64/pyppmd+pybcj, rpds-py/orjson+cramjam); a verdict there is a false "
            "attribution. `related score`: the best related family's score (lower is better)\n"
            "- query latencies (in process, one setting and pack after the other) are only comparable within "
            "this table, and only roughly\n\n"
            + "\n".join(rows) + "\n")
    if "old" not in present:
        body += ("\nThe pack bundled before the compiled-library build (`old`) holds fingerprint-v1 signatures, "
                 "which a v2 index refuses; its figures against v1 are in this file's history.\n")
    changes = []
    for setting in settings if "old" in present else []:
        fo, fn = RESULTS / f"libs-{setting}-old.json", RESULTS / f"libs-{setting}-new.json"
        if not (fo.exists() and fn.exists()):
            continue
        old = {r["id"]: r for r in json.loads(fo.read_text())["queries"]}
        for r in json.loads(fn.read_text())["queries"]:
            o = old.get(r["id"])
            if o is None or bool(o["attribution"]) == bool(r["attribution"]):
                continue
            so = o["families"][0] if o["families"] else {}
            sn = r["families"][0] if r["families"] else {}
            changes.append(f"| {setting} | {r['family']} {r['id'].split('/')[-1][:34]} | "
                           f"{'lost' if o['attribution'] else 'gained'} | {so.get('score', 0):.3f} (code "
                           f"{so.get('code', 0):.3f}, strings {so.get('strings_share', 0):.3f}) | "
                           f"{sn.get('score', 0):.3f} (code {sn.get('code', 0):.3f}, "
                           f"strings {sn.get('strings_share', 0):.3f}) |")
    if changes:
        body += ("\nKnown queries whose verdict changed from `old` to `new` (the verdict threshold is unchanged):\n\n"
                 "| setting | query | verdict | old score | new score |\n|---|---|---|---|---|\n"
                 + "\n".join(changes) + "\n")
    if build:
        body += "\n" + build["text"] + "\n"
    body += "\nRelated family's score per confounder query and pack:\n\n" + "\n".join(conf_rows) + "\n"
    write_section("libs", body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pack", action="append", default=[], help="NAME=PATH (PATH 'none': no pack)")
    ap.add_argument("--settings", nargs="+", default=["win", "linux"])
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--db-dir", default=str(Path.home() / ".cache" / "codekin-libs" / "bench"))
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--names", nargs="+", default=["none", "old", "new", "bundled"])
    ap.add_argument("--build-json", help="a text file describing the build time (markdown, put in the section)")
    args = ap.parse_args()
    if args.report:
        build = {"text": Path(args.build_json).read_text()} if args.build_json else None
        report(args.names, args.settings, build)
        return
    for spec in args.pack:
        name, _, path = spec.partition("=")
        run(name, None if path == "none" else Path(path).expanduser(), args.settings, Path(args.db_dir), args.jobs)


if __name__ == "__main__":
    main()
