"""The demo's closing summary: what codekin concluded for each query, checked against what the demo
built, and what the evidence was made of.

codekin only ever sees the stripped samples. The demo still has the unstripped links and the object
files, so it can name every function of a query and say where it came from (an actor's private
toolkit, the family's own code, zlib, the C runtime) and then show which of them codekin matched,
against what, and whether they counted. This ground truth is the demo's, not codekin's.

    python3 demo/summary.py BUILD OUT     (BUILD: the make output folder; OUT: the query JSON files)

Exit status: 0; 1 with --strict when a verdict is not the expected one.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

# query sample -> (what the demo expects, family objects folder, toolkit)
QUERIES = {
    "alpha-dropper-v3": ("family alpha-dropper (APT-Alpha)", "alpha-dropper-v3", "alpha"),
    "beta-tunnel-v1": ("actor APT-Beta (a new family)", "beta-tunnel-v1", "beta"),
    "logpack": ("unknown (library code only)", "main/logpack.o", None),
}
FORMATS = {"elf": ("ELF", ""), "pe": ("PE", ".exe")}
TOOLKIT = {"alpha": "APT-Alpha toolkit", "beta": "APT-Beta toolkit"}
# mingw-w64's <stdio.h> defines these inline: every object that calls them carries a copy
HEADER_INLINE = {"printf", "fprintf", "sprintf", "snprintf", "vprintf", "vfprintf", "vsprintf",
                 "vsnprintf", "scanf", "sscanf", "fscanf"}


def nm_tool(tc: str) -> str:
    if tc == "pe" and shutil.which("x86_64-w64-mingw32-nm"):
        return "x86_64-w64-mingw32-nm"
    return "nm"


def nm(tc: str, *paths: Path) -> list[tuple[int, str]]:
    """(address, name) of the defined code symbols."""
    if not paths:
        return []
    out = subprocess.run([nm_tool(tc), "--defined-only", *map(str, paths)], capture_output=True,
                         text=True, check=False).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTW" and not parts[2].startswith("."):
            syms.append((int(parts[0], 16), base_name(parts[2])))
    return syms


def base_name(name: str) -> str:
    """`f.constprop.0`, `f.part.0`, `f.cold` -> `f`."""
    return re.split(r"\.(?:constprop|part|isra|cold|lto_priv)", name)[0]


def origins(build: Path, tc: str, query: str) -> dict[int, tuple[str, str]]:
    """Address -> (origin, function name) for the unstripped link of a query sample."""
    _, fam_objs, kit = QUERIES[query]
    obj = build / tc / "obj"
    groups: list[tuple[str, set[str]]] = []
    if kit:
        groups.append((TOOLKIT[kit], {n for _, n in nm(tc, *sorted((obj / kit).glob("*.o")))}))
    fam_path = obj / fam_objs
    fam_files = sorted(fam_path.glob("*.o")) if fam_path.is_dir() else [fam_path]
    groups.append(("own code", {n for _, n in nm(tc, *fam_files)}))
    groups.append(("zlib", {n for _, n in nm(tc, obj / "libz.a")}))
    ext = FORMATS[tc][1]
    res: dict[int, tuple[str, str]] = {}
    for addr, name in nm(tc, build / tc / "sym" / f"{query}{ext}"):
        owners = [g for g, names in groups if name in names and name not in HEADER_INLINE]
        # a name no group or several groups define (inline functions of the C headers): runtime
        res.setdefault(addr, (owners[0] if len(owners) == 1 else "C runtime", name))
    return res


def verdict_text(r: dict) -> str:
    a = r.get("attribution")
    if a:
        out = f"{a['family']} ({a['actor']}), confidence {a['confidence']:.2f}"
        if a.get("chance"):
            out += f"; chance of coincidence: {a['chance']['text']}"
        if a.get("agreement"):
            out += f"; {a['agreement']['text']}"
        return out
    return "unknown"


def as_expected(query: str, r: dict) -> bool:
    a = r.get("attribution")
    if query == "alpha-dropper-v3":
        return bool(a) and a["family"] == "alpha-dropper"
    if query == "beta-tunnel-v1":
        return bool(a) and a["actor"] == "APT-Beta"
    return a is None


def explain(r: dict, org: dict[int, tuple[str, str]], detail: bool) -> list[str]:
    """Per origin of the query's code: how many functions matched, with what, and which."""
    lines = []
    fn_total: dict[str, int] = {}
    for origin, _ in org.values():
        fn_total[origin] = fn_total.get(origin, 0) + 1
    # per query function: the families it matched (best similarity), library or not, its weight
    per_fn: dict[int, dict] = {}
    for e in r["evidence"]:
        f = per_fn.setdefault(e["address"], {"fams": {}, "lib": False, "weight": e["weight"]})
        if e["library"]:
            f["lib"] = True
        else:
            f["fams"][e["family"]] = max(f["fams"].get(e["family"], 0.0), e["similarity"])
    by_origin: dict[str, list[tuple[str, dict]]] = {}
    for addr, f in per_fn.items():
        origin, name = org.get(addr, ("unnamed", f"sub_{addr:x}"))
        by_origin.setdefault(origin, []).append((name, f))
    order = ["APT-Alpha toolkit", "APT-Beta toolkit", "own code", "zlib", "C runtime", "unnamed"]
    for origin in order:
        if origin not in fn_total and origin not in by_origin:
            continue
        got = by_origin.get(origin, [])
        label = "the sample's own code" if origin == "own code" else origin
        lines.append(f"    {label}: {len(got)} of {fn_total.get(origin, len(got))} functions matched")
        lib = [f["weight"] for _, f in got if f["lib"]]
        if lib:
            lines.append(f"      {len(lib):>3} with the zlib library sample: discounted, total weight {sum(lib):.2f}")
        combos: dict[tuple[str, ...], list[str]] = {}
        for name, f in got:
            if f["fams"] and not f["lib"]:
                combos.setdefault(tuple(sorted(f["fams"])), []).append(name)
        for combo, names in sorted(combos.items(), key=lambda kv: -len(kv[1])):
            head = f"      {len(names):>3} with {' + '.join(combo)}"
            if detail and origin.endswith("toolkit"):
                lines.append(head + ":")
                for name, f in sorted(got, key=lambda x: -x[1]["weight"]):
                    if tuple(sorted(f["fams"])) == combo and not f["lib"]:
                        sims = ", ".join(f"{k} {v:.2f}" for k, v in sorted(f["fams"].items()))
                        lines.append(f"          {name:<28} weight {f['weight']:5.2f}  similarity {sims}")
            else:
                lines.extend(wrap(head + ": ", sorted(set(names))))
    return lines


def wrap(head: str, names: list[str], width: int = 100) -> list[str]:
    out, cur = [], head
    for i, n in enumerate(names):
        piece = n + ("," if i < len(names) - 1 else "")
        if len(cur) + len(piece) + 1 > width and cur.strip():
            out.append(cur.rstrip())
            cur = " " * 12
        cur += piece + " "
    out.append(cur.rstrip())
    return out


def main(argv: list[str]) -> int:
    strict = "--strict" in argv
    args = [a for a in argv if not a.startswith("--")]
    build, out = Path(args[0]), Path(args[1])
    rows, notes, bad = [], [], 0
    for tc, (fmt, _) in FORMATS.items():
        for q, (expect, _, _) in QUERIES.items():
            p = out / f"{tc}-{q}.json"
            if not p.exists():
                continue
            r = json.loads(p.read_text())
            if "error" in r:
                rows.append((q, fmt, expect, f"error: {r['error']['code']}", "ERROR"))
                bad += 1
                continue
            ok = as_expected(q, r)
            bad += not ok
            rows.append((q, fmt, expect, verdict_text(r), "as expected" if ok else "NOT as expected"))
            top = r["families"][:3]
            notes.append(f"{q} ({fmt}, {r['sample']['functions']} functions): {verdict_text(r)}")
            notes.append("    family scores:  " + "; ".join(
                f"{f['family']} share {f['share']:.2f} distinct {f['distinct']:.2f} "
                f"({f['distinct_functions']} distinctive fns)" for f in top))
            if r.get("actors"):
                notes.append("    actor scores:   " + "; ".join(
                    f"{a['actor']} {a['score']:.2f}" for a in r["actors"]))
            if not r.get("attribution"):
                notes.append(f"    why unknown:    {r.get('unknown_reason')}")
                tied = [f for f in r["families"] if f["share"] >= 0.2]
                actors = {f["actor"] for f in tied}
                if len(tied) >= 2 and len(actors) == 1:
                    notes.append(f"    note:           the code it shares is carried by {len(tied)} families of "
                                 f"{actors.pop()} alike, so no single family explains it better than the others")
            notes.append("    evidence by where the code came from (demo ground truth):")
            notes.extend(explain(r, origins(build, tc, q), detail=(q == "beta-tunnel-v1" and tc == "elf")))
            notes.append("")
    header = ("query", "format", "expected", "codekin", "check")
    w = [max(len(str(x[i])) for x in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(c).ljust(w[i]) for i, c in enumerate(row)).rstrip())
    print()
    print("\n".join(notes).rstrip())
    return 1 if strict and bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
