"""Is the chance of coincidence honest? Stated against observed false-link rates on the dev set.

For each setting: index the dev set's index binaries (with the default library pack), run
``calibrate`` on the index alone, then ask every held-out query binary with its own family left out
of the index (as calibration asks: an unknown sample). Every pair (query, indexed family other than
its own) is unrelated, the dev set's confounders included: a link there is false by construction.
For each stated level a, the observed rate is the share of unrelated pairs whose stated chance p is
<= a; an honest statement gives a rate near a (within 2x is the target). The family-wise chance
(``any_family_p``, the chance that the best of all families reaches the score) is checked the same
way on each query's best unrelated family.

Also: every verdict carries its evidence lines and a chance; how many lines agree; which warnings fire.

    python bench/calibration.py [--settings win linux] [--db-dir DIR] [--rebuild] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from rich.progress import Progress

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import ROOT, header, source_version, write_section
from devset import build, load

LEVELS = [0.3, 0.1, 0.03, 0.01, 0.003, 0.001]


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def run(setting: str, db: Path, jobs: int, rebuild: bool) -> dict[str, Any]:
    from codekin.evidence.calibration import META_KEY, calibration_from, null_observations
    from codekin.evidence.libs import default_pack_path
    from codekin.evidence.profile import export_hashes, profile
    from codekin.fingerprint import fingerprint
    from codekin.fingerprint.sample import sample_strings
    from codekin.match.matcher import match
    from codekin.pipeline import analyse_bytes
    from codekin.query import report
    from codekin.store import open_store

    if rebuild and db.exists():
        db.unlink()
    pack = default_pack_path()
    t_index = build(setting, db, jobs, pack if pack.exists() else None)
    store = open_store(db)
    t0 = time.perf_counter()
    with Progress(transient=True) as prog:
        task = prog.add_task(f"calibrate {setting}", total=None)
        table = null_observations(store, progress=lambda d, t: prog.update(task, completed=d, total=t))
    cal = calibration_from(table, len(store.samples()))  # what `codekin calibrate` keeps
    store.put_meta(META_KEY, cal.to_json())
    t_cal = time.perf_counter() - t0
    raw = calibration_from(table, len(store.samples()), relative=False)  # the raw-score null (version 2)
    index, queries, cache = load(setting)
    indexed = sorted({b["family"] for b in index})
    rows: list[dict[str, Any]] = []
    samples = store.samples()
    with Progress(transient=True) as prog:
        task = prog.add_task(f"queries {setting}", total=len(queries))
        for q in queries:
            data = (cache / q["path"]).read_bytes()
            rep = held = None
            for res in analyse_bytes(data, name=q["path"]):
                if res.extraction is None:
                    continue
                b = res.extraction.binary
                prints = fingerprint(res.extraction)
                strings, _ = sample_strings(b)
                prof = profile(b, res.header)
                info = {"name": q["path"], "sha256": b.sha256, "format": b.format, "arch": b.arch, "size": b.size,
                        "functions": len(prints), "instructions": int(prints.n_insns.sum()), "flags": b.flags}
                top = len(indexed) + 50
                # as a user asks it
                exports = export_hashes(prof)
                rep = report(match(store, prints, strings=strings, exports=exports), info, store, top=top, evidence=0,
                             prof=prof)
                # held out the way calibration asks: the query's own family left out of the index
                own = {i for i, s in samples.items() if s.family in q["accept"]}
                held = report(match(store, prints, strings=strings, exports=exports, exclude_samples=own), info, store,
                              top=top, evidence=0, prof=prof) if own else rep
            fams = {f["family"]: f for f in (held["families"] if held else [])}
            pairs = []
            for g in indexed:
                if g in q["accept"]:
                    continue
                f = fams.get(g)
                pairs.append({"family": g, "score": f["score"] if f else 0.0, "confounder": g in q.get("related", []),
                              "p": f["chance"]["p"] if f else 1.0, "scope": f["chance"]["scope"] if f else None,
                              "background": f["chance"]["background"] if f else None,
                              "p_raw": raw.chance(f["score"], g)["p"] if f else 1.0})
            best = held["families"][0] if held and held["families"] else None
            rows.append({"id": q["id"], "family": q["family"], "known": any(a in indexed for a in q["accept"]),
                         "accept": q["accept"], "pairs": pairs,
                         "best": None if best is None else {"family": best["family"], "score": best["score"],
                                                            "any_family_p": best["chance"]["any_family_p"]},
                         "attribution": rep["attribution"] if rep else None,
                         "held_attribution": held["attribution"] if held else None,
                         "warnings": [w["code"] for w in rep["warnings"]] if rep else []})
            prog.advance(task)
    store.close()
    return {"setting": setting, "index_s": round(t_index, 1), "calibrate_s": round(t_cal, 1),
            "calibration": {"samples": cal.samples, "observations": cal.corpus.n,
                            "nonzero": len(cal.corpus.scores)}, "rows": rows,
            "lofo": {"relative": lofo(table, True), "raw": lofo(table, False), "grid": lofo_grid(table)}}


def lofo(table: Any, relative: bool, stat: np.ndarray | None = None) -> list[dict[str, Any]]:
    """Leave one family out on the index's own null: each indexed family's asked samples are stated a
    chance by the null of the other families' samples against the other families (every pair
    touching the family left out), as an unknown family would be. Observed per level: the share of its
    pairs stated at most the level, each family with one voice (pairs weighted like the null) and per pair.
    ``stat``: another statistic of the same pairs (the background grid)."""
    from codekin.evidence.calibration import Null

    if stat is None:
        stat = table.statistic(relative)
    w = table.weight
    p = np.ones(len(stat))
    for fam in sorted(set(table.asked.tolist())):
        m = (table.asked != fam) & (table.target != fam)
        nz = m & (table.score > 0)
        order = np.argsort(stat[nz], kind="stable")
        null = Null(stat[nz][order], int(m.sum()), w[nz][order], float(w[m].sum()))
        te = np.nonzero(table.asked == fam)[0]
        p[te] = [null.p(float(x))[0] if s > 0 else 1.0 for x, s in zip(stat[te], table.score[te], strict=True)]
    return [{"stated": a, "pairs": len(p), "observed_n": int((p <= a).sum()),
             "observed_w": float(w[p <= a].sum() / w.sum())} for a in LEVELS]


GRID_TRIM = (0, 1, 2)
GRID_FLOOR = (0.001, 0.003, 0.01, 0.03)


def lofo_grid(table: Any) -> list[dict[str, Any]]:
    """The background's trim and floor on a small grid, each judged by leave one family out on the index's
    own null (never on the held-out queries): the largest factor between observed (each family one voice)
    and stated over the levels down to 0.01, where a family-weighted rate can be observed."""
    from codekin.evidence.calibration import background, relative_statistic

    by_sample: dict[str, list[int]] = {}
    for i, s in enumerate(table.sample.tolist()):
        by_sample.setdefault(s, []).append(i)
    out = []
    for trim in GRID_TRIM:
        for floor in GRID_FLOOR:
            bg = np.zeros(len(table.score))
            for idx in by_sample.values():
                sc = table.score[idx]
                for j, i in enumerate(idx):
                    bg[i] = background(np.delete(sc, j), len(idx) - 1, trim, floor)
            lv = lofo(table, True, relative_statistic(table.score, bg, floor))
            worst = max(abs(math.log2(max(x["observed_w"], 1e-9) / x["stated"])) for x in lv if x["stated"] >= 0.01)
            out.append({"trim": trim, "floor": floor, "worst_factor": 2 ** worst,
                        "ratios": [x["observed_w"] / x["stated"] for x in lv]})
    return out


def summarise(r: dict[str, Any]) -> dict[str, Any]:
    pairs = [p for row in r["rows"] for p in row["pairs"]]
    n = len(pairs)
    levels = []
    for a in LEVELS:
        k = sum(p["p"] <= a for p in pairs)
        lo, hi = wilson(k, n)
        k_raw = sum(p.get("p_raw", 1.0) <= a for p in pairs)
        plain = [p for p in pairs if not p["confounder"]]
        k_plain = sum(p["p"] <= a for p in plain)
        levels.append({"stated": a, "pairs": n, "observed_n": k, "observed": k / n if n else 0.0,
                       "ci95": [lo, hi], "ratio": (k / n) / a if n else 0.0,
                       "raw_observed_n": k_raw, "raw_ratio": (k_raw / n) / a if n else 0.0,
                       "plain_pairs": len(plain), "plain_observed_n": k_plain,
                       "plain_ratio": (k_plain / len(plain)) / a if plain else 0.0})
    conf = [p for p in pairs if p["confounder"]]
    conf_levels = [{"stated": a, "pairs": len(conf), "observed_n": sum(p["p"] <= a for p in conf)} for a in LEVELS]
    # family-wise: every held-out query is an unknown once its own family is left out
    held = r["rows"]
    fw = []
    for a in LEVELS[:4]:
        k = sum(1 for row in held if row["best"] and row["best"]["any_family_p"] <= a)
        fw.append({"stated": a, "queries": len(held), "observed_n": k})
    held_false = sum(1 for row in held if row["held_attribution"] and row["known"])
    verdicts = [row for row in r["rows"] if row["attribution"]]
    with_all = sum(1 for row in verdicts if row["attribution"].get("chance") and row["attribution"].get("lines"))
    agree = Counter(row["attribution"]["agreement"]["independent_agreeing"] for row in verdicts
                    if row["attribution"].get("agreement"))
    correct = [row for row in verdicts if row["attribution"]["family"] in row["accept"]]
    lines_ok = Counter(ln for row in correct for ln in row["attribution"]["agreement"]["agree"])
    warn = Counter(w for row in r["rows"] for w in row["warnings"])
    v_chance = sorted(row["attribution"]["chance"]["p"] for row in verdicts if row["attribution"].get("chance"))
    return {"levels": levels, "confounders": conf_levels, "held_out_false_verdicts": held_false, "familywise": fw,
            "verdicts": len(verdicts), "verdicts_with_lines_and_chance": with_all,
            "verdicts_correct": len(correct), "agreeing_lines": dict(sorted(agree.items())),
            "line_agrees_on_correct": dict(lines_ok.most_common()), "warnings": dict(warn),
            "verdict_p_median": v_chance[len(v_chance) // 2] if v_chance else None,
            "verdict_p_max": v_chance[-1] if v_chance else None}


def report(results: list[dict[str, Any]], cmd: str) -> str:
    commit = source_version()
    out = ["## Chance of coincidence: stated against observed (issue 5)\n", header(cmd),
           f"- codekin source: {commit}",
           "- protocol: index a setting's index binaries (default library pack imported), `calibrate` on that "
           "index alone (every indexed sample asked with its own family left out; scores against the other "
           "families are the null), then ask every held-out query binary. A pair (query, indexed family) is "
           "unrelated when the family is not the query's own (the dev set's confounders, families that share library "
           "code or an author with it, count as unrelated: a link to them is false). Each query is asked the way "
           "calibration asks, with its own family left out of the index (an unknown sample), so its scores against "
           "unrelated families are held-out null observations. Observed = share of unrelated pairs whose stated "
           "chance p is at most the level. Target: observed within 2x of stated. The stated chance is that of the "
           "link's score against the query's background (its mean score against the index's other families, the "
           "highest left out), as an odds ratio: see `codekin.evidence.calibration`. Beside it, in the same run: "
           "the same count with the confounder pairs left out (the null keeps the index's own confounder pairs, so "
           "this column is expected below 1), and the chance a null of raw scores (calibration version 2, before "
           "this change) states for the same pairs.\n"]
    for r in results:
        s = r["summary"]
        c = r["calibration"]
        out.append(f"### {r['setting']}\n")
        out.append(f"Null from {c['samples']} indexed samples: {c['observations']:,} observations, "
                   f"{c['nonzero']:,} non-zero; calibration took {r['calibrate_s']} s (index {r['index_s']} s"
                   f"{', reused' if not r['index_s'] else ''}).\n")
        out.append("| stated p <= | unrelated pairs | observed | observed rate | 95% interval | observed / stated | "
                   "confounders left out: observed, observed / stated | "
                   "raw-score null: observed | raw-score null: observed / stated |")
        out.append("|---:|---:|---:|---:|---|---:|---:|---:|---:|")
        for lv in s["levels"]:
            lo, hi = lv["ci95"]
            out.append(f"| {lv['stated']:g} | {lv['pairs']:,} | {lv['observed_n']} | {lv['observed']:.4f} | "
                       f"{lo:.4f} .. {hi:.4f} | **{lv['ratio']:.2f}** | {lv['plain_observed_n']} of "
                       f"{lv['plain_pairs']:,}, {lv['plain_ratio']:.2f} | {lv['raw_observed_n']} | "
                       f"{lv['raw_ratio']:.2f} |")
        ok = [lv for lv in s["levels"] if lv["observed_n"] >= 5]
        if ok:
            lo_r, hi_r = min(lv["ratio"] for lv in ok), max(lv["ratio"] for lv in ok)
            within = all(0.5 <= lv["ratio"] <= 2.0 for lv in ok)
            side = ("conservative: fewer unrelated pairs reach a stated chance than it says" if hi_r < 1 else
                    "optimistic: more unrelated pairs reach a stated chance than it says" if lo_r > 1 else "mixed")
            out.append(f"\nWhere at least 5 pairs were observed (p <= {ok[-1]['stated']:g} and above), observed / "
                       f"stated runs from {lo_r:.2f} to {hi_r:.2f}: {side}; within 2x: "
                       f"{'yes' if within else 'no'}. Below that, too few unrelated pairs exist here to observe "
                       f"the rate (the 95% interval is shown).\n")
        lf = r["lofo"]
        out.append(f"\nLeave one family out on the index's own null ({lf['relative'][0]['pairs']:,} pairs; each "
                   "family's samples stated a chance by the null of the other families; observed / stated, each "
                   "family one voice, and per pair in brackets):\n")
        out.append("| stated p <= | " + " | ".join(f"{x['stated']:g}" for x in lf["relative"]) + " |")
        out.append("|---|" + "---:|" * len(lf["relative"]))
        for key, name in (("relative", "odds ratio to the background (stated)"), ("raw", "raw score (version 2)")):
            out.append(f"| {name} | " + " | ".join(
                f"{x['observed_w'] / x['stated']:.2f} ({x['observed_n'] / x['pairs'] / x['stated']:.2f})"
                for x in lf[key]) + " |")
        if "grid" in lf:
            from codekin.evidence.calibration import BACKGROUND_FLOOR, BACKGROUND_TRIM

            out.append("\nThe background's trim (highest other families left out) and floor, on a grid, each judged "
                       "the same way (leave one family out on the index's null, each family one voice): the largest "
                       "factor between observed and stated at p = 0.3 to 0.01 (the one in use in bold):\n")
            out.append("| trim \\ floor | " + " | ".join(f"{f:g}" for f in GRID_FLOOR) + " |")
            out.append("|---|" + "---:|" * len(GRID_FLOOR))
            for t in GRID_TRIM:
                cells = []
                for g in lf["grid"]:
                    if g["trim"] == t:
                        c = f"{g['worst_factor']:.2f}"
                        cells.append(f"**{c}**" if (t, g["floor"]) == (BACKGROUND_TRIM, BACKGROUND_FLOOR) else c)
                out.append(f"| {t} | " + " | ".join(cells) + " |")
        cf = ", ".join(f"<= {x['stated']:g}: {x['observed_n']}" for x in s["confounders"])
        out.append(f"\nOf these, the {s['confounders'][0]['pairs']} confounder pairs (families the dev set names "
                   f"as sharing library code or an author with the query's): {cf}.\n")
        fw = ", ".join(f"<= {x['stated']:g}: {x['observed_n']} of {x['queries']}" for x in s["familywise"])
        out.append(f"Family-wise (every held-out query, its best unrelated family's `any_family_p`): {fw}. "
                   f"Verdicts made with the query's own family left out (false by construction): "
                   f"{s['held_out_false_verdicts']}.\n")
        out.append(f"Verdicts: {s['verdicts']} ({s['verdicts_correct']} correct); "
                   f"{s['verdicts_with_lines_and_chance']} carry evidence lines and a chance of coincidence; "
                   f"stated chance median {s['verdict_p_median']}, largest {s['verdict_p_max']}. Lines agreeing "
                   f"per verdict: {s['agreeing_lines']}. Lines agreeing on correct verdicts: "
                   f"{s['line_agrees_on_correct']}. Warnings over all queries: {s['warnings'] or 'none'}.\n")
    if len(results) > 1:
        out.append(pooled(results))
    return "\n".join(out)


def pooled(results: list[dict[str, Any]]) -> str:
    """Every setting's unrelated pairs together: at the smallest levels one setting has too few pairs to
    observe a rate (about one expected pair at p = 0.001), and the settings' indexes and queries are
    disjoint binaries."""
    pairs = [p for r in results for row in r["rows"] for p in row["pairs"]]
    n = len(pairs)
    names = " and ".join(r["setting"] for r in results)
    out = [f"### {names} pooled\n", f"The unrelated pairs of {names} together ({n:,}; each setting's own figures "
           "above):\n", "| stated p <= | unrelated pairs | expected at the stated rate | observed | 95% interval | "
           "observed / stated |", "|---:|---:|---:|---:|---|---:|"]
    for a in LEVELS:
        k = sum(p["p"] <= a for p in pairs)
        lo, hi = wilson(k, n)
        out.append(f"| {a:g} | {n:,} | {a * n:.1f} | {k} | {lo:.4f} .. {hi:.4f} | **{(k / n) / a:.2f}** |")
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--settings", nargs="+", default=["win", "linux"])
    ap.add_argument("--db-dir", default=str(Path.home() / ".cache" / "codekin-bench"))
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    results = []
    for setting in args.settings:
        db = Path(args.db_dir).expanduser() / f"calib-{setting}.db"
        db.parent.mkdir(parents=True, exist_ok=True)
        r = run(setting, db, args.jobs, args.rebuild)
        r["summary"] = summarise(r)
        print(json.dumps({"setting": setting, **r["summary"]}, indent=1))
        results.append(r)
    out = ROOT / "bench" / "results" / "calibration.json"
    out.write_text(json.dumps(results, indent=1))
    cmd = "python bench/calibration.py " + " ".join(sys.argv[1:])
    write_section("calibration", report(results, cmd.strip()))


if __name__ == "__main__":
    main()
