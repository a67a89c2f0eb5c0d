"""codekin's command line: one thin layer over the pipeline stages."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from codekin import __version__
from codekin.binary.container import iter_inputs
from codekin.binary.loader import DEFAULT_MAX_SIZE, load_binaries
from codekin.errors import CodekinError
from codekin.pipeline import DEFAULT_TIME_BUDGET, analyse_paths
from codekin.render.extraction import error_json, function_json, functions_json

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


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {"info": cmd_info, "functions": cmd_functions}[args.cmd]
    return handler(args)


if __name__ == "__main__":
    raise SystemExit(main())
