"""Hot LSH band keys on and off: dev-set attribution and query time, in process, same run.

A band key that more than ``HOT_BAND`` stored functions share is left out of LSH look-ups
(``SQLiteStore.hot_band``). This asks every dev-set query of a setting twice against the same index,
without and with the cut-off, and reports top-1, false attribution, AUROC and query times.
The indexes are those ``bench/calibration.py`` builds (``~/.cache/codekin-bench/calib-<setting>.db``).

    python bench/hotband.py [--settings win linux]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import ROOT, header, source_version, write_section
from devset import load, metrics


def run(setting: str, db: Path) -> list[dict[str, Any]]:
    from codekin.pipeline import analyse_bytes
    from codekin.query import query_extraction
    from codekin.store import open_store
    from codekin.store.sqlite import HOT_BAND

    index, queries, cache = load(setting)
    indexed = {b["family"] for b in index}
    store = open_store(db)
    datas = [(q, (cache / q["path"]).read_bytes()) for q in queries]
    out = []
    for hb in (None, HOT_BAND):
        store.hot_band = hb
        rows = []
        for q, data in datas:
            t0 = time.perf_counter()
            rep = None
            for res in analyse_bytes(data, name=q["path"]):
                if res.extraction is not None:
                    rep = query_extraction(store, res, top=25, evidence=0)
            rows.append({"id": q["id"], "family": q["family"], "accept": [a for a in q["accept"] if a in indexed],
                         "latency": time.perf_counter() - t0, "families": rep["families"] if rep else [],
                         "attribution": rep["attribution"] if rep else None})
        m = metrics(rows)
        m["q_total_s"] = round(sum(r["latency"] for r in rows), 1)
        m["q_max_ms"] = round(1000 * max(r["latency"] for r in rows), 1)
        out.append({"setting": setting, "hot_band": hb, **m})
        print(json.dumps(out[-1]), flush=True)
    store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--settings", nargs="+", default=["win", "linux"])
    ap.add_argument("--db-dir", default=str(Path.home() / ".cache" / "codekin-bench"))
    args = ap.parse_args()
    rows = []
    for s in args.settings:
        db = Path(args.db_dir) / f"calib-{s}.db"
        if not db.exists():
            sys.exit(f"{db} missing: run bench/calibration.py first")
        rows += run(s, db)
    commit = source_version()
    lines = ["| setting | hot band keys | top-1 macro | FAR | known verdict ok | AUROC | q median ms | q p95 ms |"
             " q max ms | total s |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        cut = "kept" if r["hot_band"] is None else f"left out (> {r['hot_band']})"
        lines.append(f"| {r['setting']} | {cut} | {r['top1_macro']} | {r['far']} | {r['known_verdict_ok']} | "
                     f"{r['auroc']} | {r['q_med_ms']} | {r['q_p95_ms']} | {r['q_max_ms']} | {r['q_total_s']} |")
    cmd = "python bench/hotband.py " + " ".join(sys.argv[1:])
    body = ("## Hot LSH band keys left out (query time)\n\n" + header(cmd.strip())
            + f"- codekin source: {commit}; indexes of `bench/calibration.py` (default library pack)\n"
            "- every query of the setting asked twice against the same index, in process, including extraction\n\n"
            + "\n".join(lines) + "\n")
    (ROOT / "bench" / "results" / "hotband.json").write_text(json.dumps(rows, indent=1))
    write_section("hotband", body)


if __name__ == "__main__":
    main()
