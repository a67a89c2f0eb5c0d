"""The readable terminal report of a query."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def render_query_terminal(console: Console, d: dict[str, Any]) -> None:
    if "error" in d:
        console.print(f"[red]{d['name']}: {d['error']['code']}: {d['error']['message']}[/red]")
        return
    s = d["sample"]
    console.print(f"[bold]{s['name']}[/bold]  {s['format']} {s['arch']}  {s['functions']} functions  "
                  f"sha256 {s['sha256']}")
    a = d["attribution"]
    if a:
        who = f"{a['family']}" + (f" (actor {a['actor']})" if a["actor"] else "")
        console.print(f"  verdict: [bold green]{who}[/bold green]  confidence {a['confidence']:.2f}  — {a['basis']}")
        if a.get("chance"):
            console.print(f"  chance of coincidence: {a['chance']['text']} (p {a['chance']['p']:.3g}; "
                          f"best of all families: p {a['chance']['any_family_p']:.3g})")
        if a.get("agreement"):
            console.print(f"  evidence lines: {a['agreement']['text']}")
            for ln in a.get("lines", []):
                mark = {"agrees": "[green]agrees[/green]", "disagrees": "[red]points to "
                        f"{ln['points_to']}[/red]", "silent": "[dim]silent[/dim]"}[ln["status"]]
                console.print(f"    {ln['line']:<8} {ln['score']:.2f}  {mark}  {ln['detail']}")
        tl = a.get("timeline")
        if tl and tl.get("sample"):
            console.print(f"  timeline: compiled {tl['sample']}; family {tl['family_first']} .. {tl['family_last']} "
                          f"({tl['position'] or 'undated'})")
    else:
        console.print(f"  verdict: [bold yellow]unknown[/bold yellow] — {d['unknown_reason']}")
    for w in d.get("warnings", []):
        color = {"high": "red", "medium": "yellow", "low": "dim"}.get(w["severity"], "yellow")
        console.print(f"  [{color}]warning {w['code']} ({w['severity']}): {w['message']}[/{color}]")
    if d.get("calibration") is None:
        console.print("  [dim]no chance of coincidence: run `codekin calibrate --db DB` once the corpus is "
                      "indexed[/dim]")
    if d["library"]["functions"]:
        console.print(f"  {d['library']['functions']} functions match library code (discounted)")
        from codekin.evidence.libs import describe_library

        for lib in d["library"].get("libraries", [])[:8]:
            console.print(f"    {describe_library(lib)}")
    if d["families"]:
        t = Table("family", "actor", "score", "code", "strings", "exports", "shared fns", "distinct fns", "chance",
                  title="families")
        for f in d["families"]:
            ch = f.get("chance")
            t.add_row(f["family"], f["actor"] or "-", f"{f['score']:.3f}", f"{f['code']:.3f}",
                      f"{f['strings_share']:.3f}", f"{f.get('exports_share', 0.0):.3f}", str(f["shared_functions"]),
                      str(f["distinct_functions"]), f"1 in {ch['one_in']:,}" if ch else "-")
        console.print(t)
    if d["evidence"]:
        t = Table("address", "insns", "family / library", "other sample", "other addr", "sim", "rarity",
                  title="top evidence")
        for e in d["evidence"][:12]:
            sym = f" {e['library_symbol']}" if e.get("library_symbol") else ""
            who = e["family"] or f"[dim]{e['library_name']} (library){sym}[/dim]"
            t.add_row(f"{e['address']:#x}", str(e["instructions"]), who, e["other_sha256"][:16],
                      f"{e['other_address']:#x}", f"{e['similarity']:.2f}", f"{e['rarity']:.2f}")
        console.print(t)
