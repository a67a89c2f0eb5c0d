"""codekin's command line: one thin layer over the pipeline stages."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from codekin import __version__
from codekin.binary.container import iter_inputs
from codekin.binary.loader import DEFAULT_MAX_SIZE, load_binaries
from codekin.errors import CodekinError
from codekin.indexer import default_jobs, index_paths, reindex
from codekin.pipeline import DEFAULT_TIME_BUDGET, analyse_paths
from codekin.query import query_extraction
from codekin.render.extraction import error_json, function_json, functions_json
from codekin.render.terminal import render_query_terminal
from codekin.store import LabelSpec, SQLiteStore, open_store

EXIT_OK = 0
EXIT_SOME_FAILED = 3


def _int(s: str) -> int:
    return int(s, 0)


def _add_input_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="files, folders or zip archives")
    p.add_argument("--json", action="store_true", help="machine output (stable JSON)")
    p.add_argument("--arch", choices=["x86", "x64"], help="read the input as raw code of this arch")
    p.add_argument("--base", type=_int, default=0, help="load address for raw code (default 0)")
    p.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE, help="per-file size limit in bytes")
    p.add_argument("--time-budget", type=float, default=DEFAULT_TIME_BUDGET,
                   help="seconds allowed per file (default %(default)s)")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="codekin", description="code-reuse attribution for executables")
    ap.add_argument("--version", action="version", version=f"codekin {__version__}")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("info", help="format, arch, sections and attribution metadata of a binary")
    _add_input_opts(p)
    p = sub.add_parser("functions", help="functions found: address, size, blocks, instructions")
    _add_input_opts(p)
    p = sub.add_parser("index", help="add samples to an index, with their labels")
    p.add_argument("files", nargs="+", metavar="FILE|DIR")
    p.add_argument("--db", required=True, help="index file (created if missing)")
    p.add_argument("--family")
    p.add_argument("--actor")
    p.add_argument("--source", help="who attributed it")
    p.add_argument("--confidence", type=float, help="how sure the source is (0..1)")
    p.add_argument("--library", action="store_true", help="library or compiler code: discounted in every score")
    p.add_argument("--goodware", action="store_true")
    p.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores)")
    p.add_argument("--no-libs", action="store_true",
                   help="do not import the default library pack into a new index")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE)
    p.add_argument("--time-budget", type=float, default=DEFAULT_TIME_BUDGET)
    p = sub.add_parser("query", help="which families and actors does a sample share code with")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--db", required=True)
    p.add_argument("--json", action="store_true")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--evidence", type=int, default=50, help="evidence entries in the JSON (default 50)")
    p.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE)
    p.add_argument("--time-budget", type=float, default=DEFAULT_TIME_BUDGET)
    p.add_argument("--memory", choices=["auto", "on", "off"], default="auto",
                   help="answer look-ups from an in-memory copy of the index: 'auto' (default) loads it once a "
                        f"batch reaches {MEMORY_AFTER} queries")
    p = sub.add_parser("show", help="corpus statistics of an index")
    p.add_argument("--db", required=True)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("families", help="families (and libraries) in an index")
    p.add_argument("--db", required=True)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("label", help="change labels of indexed samples (or of a whole family) without re-indexing")
    p.add_argument("--db", required=True)
    p.add_argument("sha256", nargs="*", help="samples to relabel")
    p.add_argument("--of-family", help="relabel every sample of this family")
    p.add_argument("--family")
    p.add_argument("--actor")
    p.add_argument("--source")
    p.add_argument("--confidence", type=float)
    p.add_argument("--library", action="store_true")
    p.add_argument("--goodware", action="store_true")
    p = sub.add_parser("libs", help="library knowledge: build, import, export a pack of library code")
    lsub = p.add_subparsers(dest="libs_cmd", required=True)
    q = lsub.add_parser("build", help="compile, download and index library code and source literals (Debian, PyPI); "
                        "cached in $CODEKIN_LIBS_CACHE (~/.cache/codekin-libs), resumable")
    q.add_argument("--out", help="pack file (default: ~/.local/share/codekin/libs.db, used by every new index)")
    q.add_argument("--no-compile", action="store_true", help="do not compile library sources and runtimes")
    q.add_argument("--no-binaries", action="store_true", help="do not read Debian binary packages")
    q.add_argument("--no-sources", action="store_true", help="do not index source literals")
    q.add_argument("--only", nargs="+", metavar="LIB", help="only these libraries (e.g. zlib lua)")
    q.add_argument("--jobs", type=int, default=0, help="compiler processes at once (default: the cores)")
    q = lsub.add_parser("import", help="copy a pack's library samples into an index")
    q.add_argument("pack")
    q.add_argument("--db", required=True)
    q = lsub.add_parser("export", help="copy an index's library samples into a pack file (.xz: compact)")
    q.add_argument("out")
    q.add_argument("--db", required=True)
    p = sub.add_parser("calibrate", help="the corpus' null distribution: chance of coincidence for every link")
    p.add_argument("--db", required=True)
    p.add_argument("--max-samples", type=int, help="ask at most this many samples (seeded choice)")
    p.add_argument("--seed", type=int, default=7)
    p = sub.add_parser("yara", help="YARA rules from code a family (or a link) shares with no one else")
    p.add_argument("--db", required=True)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--family", help="a rule for this indexed family")
    g.add_argument("--link", metavar="REPORT.json", help="a rule for the link a `codekin query --json` report found")
    p.add_argument("-o", "--out", metavar="RULES.yar", help="write the rules here (default: print them)")
    p.add_argument("--allow-outside", action="store_true",
                   help="emit a rule even when it fires on indexed samples outside the family")
    p.add_argument("--code-only", action="store_true", help="code strings only, no literal strings")
    p.add_argument("--json", action="store_true", help="print the generation and validation report as JSON")
    p = sub.add_parser("export", help="an index's labels or query reports as STIX 2.1 or MISP JSON")
    p.add_argument("--db", required=True)
    p.add_argument("--format", required=True, choices=["stix21", "misp"])
    p.add_argument("reports", nargs="*", metavar="REPORT.json",
                   help="`codekin query --json` reports (default: the index's labelled samples)")
    p.add_argument("-o", "--out", help="output file (default: standard output)")
    p = sub.add_parser("compare", help="align the functions of two samples, side by side (BinDiff-style)")
    p.add_argument("a", metavar="A", help="first sample")
    p.add_argument("b", metavar="B", help="second sample")
    p.add_argument("--json", action="store_true", help="machine output (stable JSON)")
    p.add_argument("--html", metavar="OUT", help="write a self-contained HTML report to OUT")
    p.add_argument("--top", type=int, default=50, help="pairs shown side by side in the HTML (default 50)")
    p.add_argument("--db", help="index whose library code marks library pairs (optional)")
    p.add_argument("--no-names", action="store_true", help="do not pair functions by exported/symbol names")
    p.add_argument("--arch", choices=["x86", "x64"], help="read both inputs as raw code of this arch")
    p.add_argument("--base", type=_int, default=0, help="load address for raw code (default 0)")
    p.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE)
    p.add_argument("--time-budget", type=float, default=DEFAULT_TIME_BUDGET)
    p = sub.add_parser("reindex", help="recompute stale fingerprints from the samples' files")
    p.add_argument("--db", required=True)
    p.add_argument("--jobs", type=int, default=0)
    return ap


def _emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, indent=1, sort_keys=False) + "\n")


def cmd_info(args: argparse.Namespace) -> int:
    out: list[dict[str, Any]] = []
    failed = False
    console = Console()
    for inp in iter_inputs(args.files, max_size=args.max_size):
        if inp.data is None:
            assert inp.error is not None
            out.append(error_json(inp.name, inp.error))
            failed = True
            continue
        try:
            for b in load_binaries(inp.data, name=inp.name, arch=args.arch, base=args.base,
                                   max_size=args.max_size):
                out.append(b.info())
        except CodekinError as exc:
            out.append(error_json(inp.name, exc))
            failed = True
    if args.json:
        _emit(out[0] if len(out) == 1 else out)
    else:
        for d in out:
            if "error" in d:
                console.print(f"[red]{d['name']}: {d['error']['code']}: {d['error']['message']}[/red]")
                continue
            md = {k: v for k, v in d["metadata"].items() if v not in (None, [], False)}
            console.print(f"[bold]{d['name']}[/bold]  {d['format']} {d['arch']}  sha256 {d['sha256']}")
            console.print(f"  image base {d['image_base']:#x}  entry "
                          f"{d['entry_point']:#x}" if d["entry_point"] is not None else "  entry: none")
            t = Table("section", "va", "vsize", "raw", "perm", "entropy")
            for s in d["sections"]:
                perm = ("r" if s["readable"] else "-") + ("w" if s["writable"] else "-") + (
                    "x" if s["executable"] else "-")
                t.add_row(s["name"], f"{s['va']:#x}", str(s["vsize"]), str(s["raw_size"]), perm,
                          f"{s['entropy']:.2f}")
            console.print(t)
            console.print(f"  imports {len(d['imports'])}  exports {len(d['exports'])}  "
                          f"symbols {d['symbols']}  flags {', '.join(d['flags']) or '-'}")
            for k, v in md.items():
                console.print(f"  {k}: {v}")
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_functions(args: argparse.Namespace) -> int:
    out: list[dict[str, Any]] = []
    failed = False
    console = Console()
    for res in analyse_paths(args.files, arch=args.arch, base=args.base, max_size=args.max_size,
                             time_budget=args.time_budget):
        if res.error is not None:
            failed = True
            out.append(error_json(res.name, res.error))
            if not args.json:
                console.print(f"[red]{res.name}: {res.error.code}: {res.error.message}[/red]")
            continue
        ex = res.extraction
        assert ex is not None
        if args.json:
            out.append(functions_json(ex))
            continue
        t = Table("address", "size", "blocks", "insns", "source", title=f"{res.name}: "
                  f"{len(ex.functions)} functions, {ex.stats['instructions']} instructions")
        for f in ex.functions:
            d = function_json(ex, f)
            t.add_row(f"{d['address']:#x}", str(d["size"]), str(d["blocks"]), str(d["instructions"]),
                      d["source"] + (f" -> {d['thunk_of']}" if d["thunk_of"] else ""))
        console.print(t)
    if args.json:
        _emit(out[0] if len(out) == 1 else out)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _label(args: argparse.Namespace) -> LabelSpec:
    return LabelSpec(family=args.family, actor=args.actor, source=args.source, confidence=args.confidence,
                     library=args.library, goodware=args.goodware)


def _open(db: str, *, create: bool = False, check: bool = True) -> SQLiteStore:
    try:
        return open_store(db, create=create, check_version=check)
    except FileNotFoundError:
        raise CodekinError(f"no index at {db} (create one with `codekin index --db {db} ...`)", path=db) from None


def cmd_index(args: argparse.Namespace) -> int:
    from pathlib import Path

    from codekin.evidence.libs import (
        close_pack,
        copy_library_samples,
        default_pack_path,
        new_index_from_pack,
        open_pack,
    )

    new_index = not Path(args.db).exists()
    jobs = args.jobs or default_jobs()
    console = Console(stderr=True)
    pack = default_pack_path()
    if new_index and not args.no_libs and pack.exists() and pack.resolve() != Path(args.db).resolve():
        # a new index starts as a copy of the pack's prepared index (built once, ~/.cache/codekin)
        n = None
        try:
            try:
                n = new_index_from_pack(Path(args.db), pack)
            except OSError as exc:  # no writable cache: import straight into the new index
                console.print(f"[dim]no prepared pack ({exc}); importing it[/dim]")
                store = _open(args.db, create=True)
                src = open_pack(pack)
                try:
                    n = copy_library_samples(src, store)
                finally:
                    close_pack(src)
                    store.close()
            if n and not args.json:
                console.print(f"[dim]imported {n} library samples from {pack} (--no-libs to skip)[/dim]")
        except CodekinError as exc:
            console.print(f"[yellow]library pack not imported: {exc.message}[/yellow]")
    store = _open(args.db, create=True)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=args.json,
                  disable=not console.is_terminal) as prog:
        task = prog.add_task("indexing", total=None)
        rep = index_paths(store, args.files, _label(args), jobs=jobs, time_budget=args.time_budget,
                          max_size=args.max_size, progress=lambda name: prog.advance(task))
    if args.library:  # library knowledge: reports name the library functions a sample shares
        from codekin.evidence.libs import attach_symbols

        for e in rep.indexed:
            if Path(e["name"]).is_file():
                attach_symbols(store, e["sha256"], Path(e["name"]).read_bytes())
    store.close()
    d = rep.to_dict()
    if args.json:
        _emit(d)
    else:
        s = d["summary"]
        console.print(f"indexed {s['indexed']}, skipped {s['skipped']} (duplicates), errors {s['errors']}")
        for e in rep.errors:
            console.print(f"[red]  {e['name']}: {e['error']['code']}: {e['error']['message']}[/red]")
    return EXIT_OK


# a batch of this many queries loads the index into memory (store/memindex.py): a second or so per
# 100k functions, paid back within a few dozen queries
MEMORY_AFTER = 8


def cmd_query(args: argparse.Namespace) -> int:
    store = _open(args.db)
    out: list[dict[str, Any]] = []
    failed = False
    if args.memory == "on":
        store.use_memory()
    batch = len(args.files) > 1 or any(os.path.isdir(f) for f in args.files)
    with Progress(SpinnerColumn(), TextColumn("querying"), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=Console(stderr=True), transient=True,
                  disable=not batch) as prog:
        task = prog.add_task("", total=None)
        for res in analyse_paths(args.files, max_size=args.max_size, time_budget=args.time_budget):
            prog.update(task, description=res.name[-60:])
            if res.error is not None:
                failed = True
                out.append(error_json(res.name, res.error))
            else:
                out.append(query_extraction(store, res, top=args.top, evidence=args.evidence))
            prog.advance(task)
            if args.memory == "auto" and len(out) == MEMORY_AFTER:
                store.use_memory()
    if args.json:
        _emit(out[0] if len(out) == 1 else out)
    else:
        console = Console()
        for d in out:
            render_query_terminal(console, d)
    store.close()
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    store = _open(args.db, check=False)
    st = store.stats()
    st["stale"] = store.version_mismatch()
    if args.json:
        _emit(st)
    else:
        console = Console()
        for k, v in st.items():
            if k != "meta":
                console.print(f"{k:>16}: {v}")
    return EXIT_OK


def cmd_families(args: argparse.Namespace) -> int:
    store = _open(args.db, check=False)
    fams = store.family_stats()
    if args.json:
        _emit(fams)
    else:
        t = Table("family", "actor", "kind", "samples", "functions")
        for f in fams:
            t.add_row(f["family"], f["actor"] or "-", f["kind"], str(f["samples"]), str(f["functions"]))
        Console().print(t)
    return EXIT_OK


def cmd_label(args: argparse.Namespace) -> int:
    store = _open(args.db, check=False)
    shas = list(args.sha256)
    if args.of_family:
        shas += [s.sha256 for s in store.samples().values() if s.family == args.of_family]
    if not shas:
        raise CodekinError("nothing to relabel: give sample sha256s or --of-family")
    n = store.label(shas, _label(args))
    Console(stderr=True).print(f"relabelled {n} samples")
    return EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    store = _open(args.db, check=False)
    rep = reindex(store, jobs=args.jobs or default_jobs())
    _emit(rep)
    return EXIT_OK if not rep["missing"] else EXIT_SOME_FAILED


def cmd_calibrate(args: argparse.Namespace) -> int:
    from codekin.evidence.calibration import calibrate

    store = _open(args.db)
    with Progress(SpinnerColumn(), TextColumn("calibrating"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as prog:
        task = prog.add_task("calibrate", total=None)

        def tick(done: int, total: int) -> None:
            prog.update(task, completed=done, total=total)

        cal = calibrate(store, max_samples=args.max_samples, seed=args.seed, progress=tick)
    _emit({"db": args.db, "samples": cal.samples, "observations": cal.corpus.n,
           "nonzero": len(cal.corpus.scores), "families": cal.n_families,
           "max_null_score": round(float(cal.corpus.scores[-1]), 4) if len(cal.corpus.scores) else 0.0,
           "created_at": cal.created_at})
    return EXIT_OK


def cmd_libs(args: argparse.Namespace) -> int:
    from pathlib import Path

    from codekin.evidence.libs import (
        build_pack,
        close_pack,
        copy_library_samples,
        open_pack,
        user_pack_path,
        write_compact_pack,
    )

    console = Console(stderr=True)
    if args.libs_cmd == "build":
        out = Path(args.out) if args.out else user_pack_path()
        console.print(f"building library pack {out}")
        built = build_pack(out, log=console.print, binaries=not args.no_binaries, sources=not args.no_sources,
                           compile=not args.no_compile, jobs=args.jobs or default_jobs(),
                           only=tuple(args.only) if args.only else None)
        _emit({"pack": str(out), **built})
        return EXIT_OK
    if args.libs_cmd == "import":
        src = open_pack(Path(args.pack))
        try:
            dst = _open(args.db, create=True)
            n = copy_library_samples(src, dst)
        finally:
            close_pack(src)
        _emit({"imported": n, "pack": args.pack, "db": args.db})
        return EXIT_OK
    src = _open(args.db, check=False)
    if args.out.endswith(".xz"):
        n = write_compact_pack(src, Path(args.out))
    else:
        dst = _open(args.out, create=True)
        n = copy_library_samples(src, dst)
    _emit({"exported": n, "pack": args.out, "db": args.db})
    return EXIT_OK


def cmd_yara(args: argparse.Namespace) -> int:
    from pathlib import Path

    from codekin.render import yara as cy

    store = _open(args.db)
    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True, disable=not console.is_terminal) as prog:
        task = prog.add_task("scanning the indexed corpus", total=None)
        if args.family:
            res = cy.family_rule(store, args.family, literals=not args.code_only,
                                 progress=lambda _p: prog.advance(task))
        else:
            report = _read_reports([args.link])[0]
            res = cy.link_rule(store, report, literals=not args.code_only, progress=lambda _p: prog.advance(task))
    store.close()
    outside = res.validation.get("outside_hits", [])
    if not res.text:
        pass
    elif outside and not args.allow_outside:
        res.reason = (f"the rule fires on {len(outside)} indexed sample(s) outside the family "
                      "(--allow-outside to emit)")
    else:
        res.emitted = True
    if res.emitted and args.out:
        cy.write_rules([res], Path(args.out))
    if args.json:
        _emit({"rules": [res.to_dict()], "out": args.out if res.emitted else None})
    else:
        if res.emitted and not args.out:
            sys.stdout.write(res.text)
        v = res.validation
        if v:
            console.print(f"{res.name}: {len(res.strings)} strings, {res.condition_n} of them; recall on the "
                          f"{v['target_files']} target files {v['recall']}, hits elsewhere {len(outside)} "
                          f"({v['scanned']} files scanned, {v['missing_files']} indexed samples without a file)")
        for o in outside:
            who = o["family"] or "library/goodware"
            console.print(f"[yellow]  fires on {o['sha256']} ({who}): {o['path']}[/yellow]")
        if res.emitted and args.out:
            console.print(f"wrote {args.out}")
    if not res.emitted:
        console.print(f"[red]codekin: no rule emitted: {res.reason}[/red]")
        return 2
    return EXIT_OK


def _read_reports(paths: list[str]) -> list[dict[str, Any]]:
    from pathlib import Path

    out: list[dict[str, Any]] = []
    for p in paths:
        try:
            d = json.loads(Path(p).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CodekinError(f"cannot read the report {p}: {exc}", path=p) from None
        for r in d if isinstance(d, list) else [d]:
            if isinstance(r, dict) and "sample" in r:
                out.append(r)
    if not out and paths:
        raise CodekinError("no query reports in the given files (make them with `codekin query --json`)")
    return out


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    store = _open(args.db, check=False)
    reports = _read_reports(args.reports)
    if args.format == "stix21":
        from codekin.render.stix import stix_bundle

        text = stix_bundle(store, reports).serialize(pretty=True)
    else:
        from codekin.render.misp import misp_event

        text = misp_event(store, reports).to_json(indent=1)
    store.close()
    if args.out:
        Path(args.out).write_text(text + "\n")
    else:
        sys.stdout.write(text + "\n")
def cmd_compare(args: argparse.Namespace) -> int:
    from pathlib import Path

    from codekin.evidence.compare import align, library_functions, report, side_from_extraction
    from codekin.fingerprint import fingerprint
    from codekin.render.compare_html import build_listings, render_html
    from codekin.render.compare_terminal import render_compare_terminal

    exs = []
    for path in (args.a, args.b):
        res = next(iter(analyse_paths([path], arch=args.arch, base=args.base, max_size=args.max_size,
                                      time_budget=args.time_budget)), None)
        if res is None or res.error is not None:
            err = res.error if res is not None else CodekinError("no input", path=path)
            assert err is not None
            if args.json:
                _emit(error_json(path, err))
            raise err
        assert res.extraction is not None
        exs.append((res.name, res.extraction))
    (na, ex_a), (nb, ex_b) = exs
    pa, pb = fingerprint(ex_a), fingerprint(ex_b)
    sa, sb = side_from_extraction(ex_a, pa, name=na), side_from_extraction(ex_b, pb, name=nb)
    lib_a: dict[int, str] = {}
    lib_b: dict[int, str] = {}
    if args.db:
        store = _open(args.db)
        try:
            lib_a, lib_b = library_functions(store, pa), library_functions(store, pb)
        finally:
            store.close()
    al = align(sa, sb, use_names=not args.no_names)
    rep = report(sa, sb, al, library_a=lib_a, library_b=lib_b)
    if args.html:
        Path(args.html).write_text(render_html(rep, build_listings(ex_a, ex_b, rep, top=args.top)),
                                   encoding="utf-8")
    if args.json:
        _emit(rep)
    else:
        console = Console()
        render_compare_terminal(console, rep)
        if args.html:
            console.print(f"HTML report: {args.html}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {"info": cmd_info, "functions": cmd_functions, "index": cmd_index, "query": cmd_query,
               "show": cmd_show, "families": cmd_families, "label": cmd_label, "reindex": cmd_reindex,
               "libs": cmd_libs, "calibrate": cmd_calibrate, "yara": cmd_yara, "export": cmd_export,
               "compare": cmd_compare}[args.cmd]
    try:
        return handler(args)
    except CodekinError as exc:
        Console(stderr=True).print(f"[red]codekin: {exc.code}: {exc.message}[/red]")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
