"""The dev set's own harness (../shared/devset/eval.py), codekin side by side with its peers in one run,
and the figures issue 3 asks for written to BENCHMARKS.md.

    python bench/devset_harness.py [--adapters codekin tlsh-nn mcrit] [--settings win linux cross]

codekin is called through its CLI contract (``codekin index`` / ``codekin query --json``), in a fresh
index per setting; new indexes import the default library pack when one exists (``codekin libs build``).
Function counts for functions/s come from the harness's MCRIT info and, for codekin, from an index of
the same binaries built in process (bench/devset.py's cache).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import ROOT, header, source_version, write_section

DEVSET = ROOT.parent / "shared" / "devset"


def codekin_functions(setting: str) -> int | None:
    import sqlite3

    idx = "linux" if setting == "cross" else setting
    for tag in ("-libs", ""):
        db = Path.home() / ".cache" / "codekin-bench" / f"devset-{idx}{tag}.db"
        if db.exists():
            con = sqlite3.connect(db)
            n = con.execute("SELECT COALESCE(SUM(n_functions), 0) FROM samples WHERE library = 0").fetchone()[0]
            con.close()
            return int(n)
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--adapters", nargs="+", default=["codekin", "tlsh-nn", "mcrit"])
    ap.add_argument("--settings", nargs="+", default=["win", "linux", "cross"])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "results" / "devset-harness.json"))
    ap.add_argument("--reuse", action="store_true", help="only rewrite BENCHMARKS.md from an existing --out")
    ap.add_argument("--section", default="devset",
                    help="BENCHMARKS.md section to write (another name keeps the main run's section)")
    ap.add_argument("--mcrit-smda-cache", choices=["on", "off"], default="on",
                    help="off: MCRIT disassembles every file with SMDA in this run (its index and query times "
                         "then include disassembly, as codekin's always do)")
    args = ap.parse_args()
    out = Path(args.out)
    src = source_version() + (" (at the start of the run)" if not args.reuse else " (table re-rendered from --out)")
    out.parent.mkdir(exist_ok=True)
    if not args.reuse:
        # what scripts/setup.sh does: the CLI calls then load byte-code instead of compiling codekin each time
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "codekin")], check=False,
                       stdout=subprocess.DEVNULL)
        cmd = [sys.executable, str(DEVSET / "eval.py"), "--out", str(out), "--settings", *args.settings]
        for a in args.adapters:
            cmd += ["--adapter", a]
        if args.mcrit_smda_cache == "off":
            cmd += ["--opt", "mcrit_smda_cache=off"]
        subprocess.run(cmd, check=True)
    res = json.loads(out.read_text())
    table = res["table_markdown"]
    runs = {(r["adapter"], r["setting"]): r for r in res["runs"]}
    lines = ["| setting | codekin index fn/s | MCRIT index fn/s | ratio | codekin q med ms | MCRIT q med ms | "
             "ratio | codekin q p95 ms | MCRIT q p95 ms | codekin peak RSS MB | MCRIT peak RSS MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for s in args.settings:
        c, m = runs.get(("codekin", s)), runs.get(("mcrit", s))
        if not c or not m:
            continue
        ct, mt = c["metrics"]["timing"], m["metrics"]["timing"]
        cf = codekin_functions(s)
        mf = m["adapter_info"]["timing"].get("index_functions")
        c_rate = cf / ct["index_seconds"] if cf else float("nan")
        # MCRIT's cross setting reads cached SMDA reports: its index time there excludes disassembly
        m_rate = mf / mt["index_seconds"] if mf else float("nan")
        lines.append(
            f"| {s} | {c_rate:,.0f} ({cf} fns) | {m_rate:,.0f} ({mf} fns) | {c_rate / m_rate:.1f}x | "
            f"{1000 * ct['query_median_s']:.0f} | {1000 * mt['query_median_s']:.0f} | "
            f"{mt['query_median_s'] / ct['query_median_s']:.1f}x | {1000 * ct['query_p95_s']:.0f} | "
            f"{1000 * mt['query_p95_s']:.0f} | {ct['peak_rss_mb']:.0f} | {mt['peak_rss_mb']:.0f} |")
    smda = []
    for s in args.settings:
        m = runs.get(("mcrit", s))
        if m:
            t = m["adapter_info"]["timing"]
            smda.append(f"{s}: {t.get('smda_files', 0)} disassembled, {t.get('cache_hits', 0)} from the cache")
    if smda:
        lines.append("\nMCRIT's SMDA reports in this run (" + "; ".join(smda) + "): reports read from the harness's "
                     "cache leave disassembly out of MCRIT's index and query times, so where they were cached the "
                     "ratios above understate codekin's lead (codekin disassembles every file).")
    cmd = "python bench/devset_harness.py " + " ".join(sys.argv[1:])
    title = "" if args.section == "devset" else f": {args.section} ({', '.join(args.settings)})"
    what = {"codekin": "codekin through its CLI", "mcrit": "MCRIT 1.9.0 in memory", "tlsh-nn": "TLSH nearest neighbour",
            "ssdeep-nn": "ssdeep nearest neighbour"}
    ran = ", ".join(what.get(a, a) for a in args.adapters)
    speed = ("\n\nSpeed against MCRIT in the same run (functions: each tool's own count on the index binaries; "
             "codekin's latency is a whole CLI process per query, MCRIT's an in-process call):\n\n" + "\n".join(lines)
             if len(lines) > 2 else "")
    body = (f"## Attribution on the dev set{title} (issue 3)\n\n" + header(cmd.strip()) + f"- codekin source: {src}\n" +
            "- harness: `../shared/devset/eval.py` (its protocol and metrics: ../shared/devset/README.md); "
            f"{ran}; all in this one run\n"
            "- codekin's new indexes imported the default library pack (`codekin libs build`)\n\n"
            + table + speed + "\n")
    print(body)
    write_section(args.section, body)


if __name__ == "__main__":
    main()
