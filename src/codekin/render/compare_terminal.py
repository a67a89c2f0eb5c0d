"""Terminal rendering of `codekin compare` (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def render_compare_terminal(console: Console, rep: dict[str, Any], *, top: int = 30) -> None:
    a, b, s = rep["a"], rep["b"], rep["summary"]
    console.print(f"[bold]A[/bold] {escape(a['name'])}  {a['format']} {a['arch']}  {a['functions']} functions")
    console.print(f"[bold]B[/bold] {escape(b['name'])}  {b['format']} {b['arch']}  {b['functions']} functions")
    reasons = ", ".join(f"{k} {v}" for k, v in s["by_reason"].items() if v) or "-"
    console.print(f"paired [bold]{s['matched']}[/bold] ({s['identical']} identical, {s['library']} library; "
                  f"{reasons}); "
                  f"unpaired A {s['unmatched_a']}, B {s['unmatched_b']}; code paired A {s['coverage_a']:.1%}, "
                  f"B {s['coverage_b']:.1%}")
    t = Table("A", "B", "name", "similarity", "weight", "reason", "insns A/B", "library",
              title=f"strongest {min(top, len(rep['pairs']))} of {len(rep['pairs'])} pairs")
    for p in rep["pairs"][:top]:
        nm = p["name_a"] if p["name_a"] == p["name_b"] else f"{p['name_a'] or '-'} / {p['name_b'] or '-'}"
        t.add_row(f"{p['address_a']:#x}", f"{p['address_b']:#x}", escape(nm if p["name_a"] or p["name_b"] else ""),
                  f"{p['similarity']:.2f}", f"{p['weight']:.1f}",
                  p["reason"], f"{p['instructions_a']}/{p['instructions_b']}", escape(p["library"] or ""))
    console.print(t)
