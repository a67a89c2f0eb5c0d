"""Big binaries: extraction and fingerprint time and peak memory on the largest executables at hand.

    python bench/big_binaries.py [FILE...]

Without arguments it takes the big ELF files a Debian machine with the project's toolchains has
(libLLVM, libclang, gcc's cc1), those present. Each file runs in a fresh process (its peak RSS is the
child's own, ``ru_maxrss``): load, extraction (functions and CFGs) and fingerprints, timed apart;
nothing is indexed. Figures go to BENCHMARKS.md (section "Big binaries") and
bench/results/big-binaries.json.
"""

from __future__ import annotations

import argparse
import glob
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import ROOT, header, source_version, write_section

DEFAULT_GLOBS = ("/usr/lib/x86_64-linux-gnu/libLLVM-14.so.1", "/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1",
                 "/usr/lib/x86_64-linux-gnu/libclang-cpp.so.19.1", "/usr/lib/x86_64-linux-gnu/libclang-14.so.14*",
                 "/usr/lib/gcc/x86_64-linux-gnu/12/cc1")

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from codekin.binary.loader import load_binary
from codekin.disasm.discover import extract
from codekin.fingerprint import fingerprint
data = Path(sys.argv[1]).read_bytes()
t0 = time.perf_counter(); c0 = time.process_time()
b = load_binary(data, name=sys.argv[1], max_size=1 << 31)
t1 = time.perf_counter()
ex = extract(b)
t2 = time.perf_counter(); c2 = time.process_time()
rss_ex = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
fp = fingerprint(ex)
t3 = time.perf_counter(); c3 = time.process_time()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"size": len(data), "instructions": len(ex.table), "functions": len(ex.functions),
                  "load_s": t1 - t0, "extract_s": t2 - t1, "extract_cpu_s": c2 - c0, "fingerprint_s": t3 - t2,
                  "fingerprint_cpu_s": c3 - c2, "peak_rss_after_extraction_mb": rss_ex, "peak_rss_mb": rss,
                  "resynced_targets": ex.stats.get("resynced_targets"), "fingerprinted": len(fp)}))
"""


def run_one(path: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-c", _CHILD, path], capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        return {"path": path, "error": proc.stderr.strip()[-400:]}
    return {"path": path, **json.loads(proc.stdout.strip().splitlines()[-1])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = args.files or sorted({f for g in DEFAULT_GLOBS for f in glob.glob(g)})
    if not files:
        sys.exit("no big binaries found (give FILE arguments)")
    rows = []
    for f in files:
        r = run_one(f)
        rows.append(r)
        print(json.dumps(r), flush=True)
    cmd = "python bench/big_binaries.py" + "".join(f" {f}" for f in args.files)
    lines = ["## Big binaries: extraction and fingerprints", "", header(cmd).rstrip(),
             f"- codekin source: {source_version()}",
             "- each file in a fresh process (peak RSS of that process); load, extraction (functions, CFGs) "
             "and fingerprints timed apart; nothing indexed", "",
             "| file | MB | instructions | functions | extraction s (CPU) | instructions/s | fingerprints s "
             "| peak RSS after extraction MB | peak RSS MB | bytes per instruction at peak |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        name = Path(r["path"]).name
        if "error" in r:
            lines.append(f"| {name} | error: {r['error'][:80]} |||||||||")
            continue
        lines.append(
            f"| {name} | {r['size'] / 1e6:.1f} | {r['instructions']:,} | {r['functions']:,} | "
            f"{r['extract_s']:.1f} ({r['extract_cpu_s']:.1f}) | {r['instructions'] / r['extract_s'] / 1e6:.2f}M | "
            f"{r['fingerprint_s']:.1f} | {r['peak_rss_after_extraction_mb']:.0f} | {r['peak_rss_mb']:.0f} | "
            f"{r['peak_rss_mb'] * 2**20 / max(1, r['instructions']):.0f} |")
    lines += ["", "Raw data: `bench/results/big-binaries.json`."]
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "big-binaries.json").write_text(json.dumps(rows, indent=1))
    write_section("big-binaries", "\n".join(lines))


if __name__ == "__main__":
    main()
