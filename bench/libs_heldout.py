"""Library references on projects they were not cut from: do two unrelated Windows extensions that embed
the same MSVC-built library still link through it?

The pack's PyPI references (``codekin.evidence.registry``) are cut out of some projects' wheels. Here other
projects that embed the same libraries are indexed as families, and further ones asked as unknowns: all
they share with the indexed families is library code, so every verdict is a false attribution and every
score is what the library left behind. Run with each pack to compare.

    python bench/libs_heldout.py --pack before=OLD.db.xz --pack now=src/codekin/data/libs.db.xz
    python bench/libs_heldout.py --report --names before now   # BENCHMARKS.md section from saved results

Wheels come from PyPI through pip (cached with the registry's references); results go to
bench/results/libs-heldout-<name>.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import header, write_section

RESULTS = Path(__file__).resolve().parent / "results"
# (family, requirement with an optional member pattern): indexed as labelled families
FAMILIES = [
    ("python-zstd", "zstd==1.5.5.1"),
]
# asked as unknowns: each embeds zstd as the indexed family does, and nothing else of theirs
QUERIES = [
    ("backports.zstd", "backports.zstd==1.0.0", "zstd"),
    ("numcodecs (zstd module)", "numcodecs==0.13.1|numcodecs/zstd.*", "zstd, lz4"),
    ("blosc2 (its C library)", "blosc2==2.4.0|*libblosc2.dll", "zstd, lz4, zlib-ng"),
]


def _binaries(entry: str) -> list[tuple[str, bytes]]:
    from codekin.evidence.registry import entry_binaries

    return entry_binaries(entry, "win_amd64", print)


def run(name: str, pack: Path | None) -> dict[str, Any]:
    from codekin.evidence.libs import close_pack, copy_library_samples, open_pack
    from codekin.indexer import index_paths
    from codekin.pipeline import analyse_bytes
    from codekin.query import query_extraction
    from codekin.store import LabelSpec, open_store

    rows = []
    with tempfile.TemporaryDirectory(prefix="codekin-heldout-") as tmp:
        db = Path(tmp) / "index.db"
        store = open_store(db)
        if pack is not None:
            p = open_pack(pack)
            copy_library_samples(p, store)
            close_pack(p)
        for fam, entry in FAMILIES:
            paths = []
            for member, data in _binaries(entry):
                f = Path(tmp) / fam / Path(member).name
                f.parent.mkdir(parents=True, exist_ok=True)
                f.write_bytes(data)
                paths.append(str(f))
            index_paths(store, paths, LabelSpec(family=fam), jobs=1)
        for qname, entry, libs in QUERIES:
            for member, data in _binaries(entry):
                for res in analyse_bytes(data, name=member):
                    rep = query_extraction(store, res, top=5, evidence=20)
                    fams = rep.get("families") or []
                    top = fams[0] if fams else None
                    att = rep.get("attribution")
                    rows.append({"query": qname, "member": member, "embeds": libs,
                                 "top": top["family"] if top else None,
                                 "top_score": round(top["score"], 4) if top else 0.0,
                                 "code": top.get("code") if top else None,
                                 "strings": top.get("strings_share") if top else None,
                                 "verdict": att["family"] if att else None,
                                 "library_functions": (rep.get("library") or {}).get("functions", 0),
                                 "functions": rep["sample"]["functions"]})
                    print(name, json.dumps(rows[-1]), flush=True)
        store.close()
    out = {"pack": str(pack) if pack else None, "rows": rows}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"libs-heldout-{name}.json").write_text(json.dumps(out, indent=1))
    return out


def report(names: list[str], cmd: str) -> None:
    lines = ["| pack | query (unknown) | embeds | top family | top score | code | strings | verdict | "
             "library functions / functions |", "|---|---|---|---|---|---|---|---|---|"]
    for n in names:
        f = RESULTS / f"libs-heldout-{n}.json"
        if not f.exists():
            continue
        for r in json.loads(f.read_text())["rows"]:
            lines.append(f"| {n} | {r['query']} `{Path(r['member']).name}` | {r['embeds']} | {r['top']} | "
                         f"{r['top_score']:.3f} | {r['code']} | {r['strings']} | {r['verdict']} | "
                         f"{r['library_functions']} / {r['functions']} |")
    fams = ", ".join(f"{f} (`{e}`)" for f, e in FAMILIES)
    body = ("## Library references on projects they were not cut from (issue 5)\n\n" + header(cmd)
            + f"- indexed families (win_amd64 wheels from PyPI): {fams}; each query below embeds a library "
            "that an indexed family embeds too, and none of their own code: every verdict would be a false "
            "attribution\n\n" + "\n".join(lines) + "\n")
    write_section("libs-heldout", body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pack", action="append", default=[], help="NAME=PATH (PATH 'none': no pack)")
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--names", nargs="+", default=[])
    args = ap.parse_args()
    names = args.names
    for spec in args.pack:
        name, _, path = spec.partition("=")
        run(name, None if path == "none" else Path(path))
        names.append(name)
    if args.report or args.pack:
        report(names, "python bench/libs_heldout.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
