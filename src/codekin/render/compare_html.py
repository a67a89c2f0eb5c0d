"""`codekin compare --html`: one self-contained page (inline CSS and script, no external resource)
for an analyst who never used codekin. Every text that comes from a sample (names, strings,
disassembly) is HTML-escaped: samples are hostile input."""

from __future__ import annotations

from html import escape
from typing import Any

from codekin.disasm.model import Extraction
from codekin.render.listing import DiffRow, diff_lines, function_lines

DEFAULT_TOP = 50
MAX_ROWS = 5000  # rows per table: the page stays small for big samples (the JSON has them all)

REASON_TEXT = {
    "exact": "identical normalised code (same exact hash)",
    "name": "same exported or symbol name in both files",
    "fuzzy": "similar features (instructions, strings, constants, imports, size) and call-graph neighbours",
    "callgraph": "called by (or calling) an already matched pair, and the best similar candidate there",
    "layout": "next to an already matched pair in address order, and the best similar candidate there",
}

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:1.5em;color:#222;max-width:1400px}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.9em}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left}
th{background:#f4f4f4;position:sticky;top:0}.num{text-align:right;font-variant-numeric:tabular-nums}
.mono,code{font-family:ui-monospace,SFMono-Regular,Consolas,monospace}
.summary td{border:none}.lib{color:#8a5a00}.muted{color:#777}
.diff{font-family:ui-monospace,SFMono-Regular,Consolas,monospace;font-size:.82em;width:100%;table-layout:fixed}
.diff td{white-space:pre;overflow:hidden;text-overflow:ellipsis;border:none;padding:0 6px}
.diff td.ad{width:7em;color:#888}.diff .replace{background:#fff4c2}
.diff .delete td.l,.diff .insert td.r{background:#ffd9d9}
.diff .delete td.r,.diff .insert td.l{background:#f6f6f6}.cm{color:#2a7a2a}
.diff .similar td.l,.diff .similar td.r{background:#eef5ff}
details{margin:.4em 0}summary{cursor:pointer}.legend span{padding:0 6px;margin-right:8px}
input{margin:.5em 0;padding:3px;width:22em}
"""

_JS = """
function kfilter(inp,id){var q=inp.value.toLowerCase();var rows=document.getElementById(id).tBodies[0].rows;
for(var i=0;i<rows.length;i++){rows[i].style.display=rows[i].textContent.toLowerCase().indexOf(q)>=0?'':'none';}}
"""


def _function_at(ex: Extraction) -> dict[int, Any]:
    return {f.start: f for f in ex.functions}


def build_listings(ex_a: Extraction, ex_b: Extraction, rep: dict[str, Any], *, top: int = DEFAULT_TOP,
                   ) -> dict[tuple[int, int], tuple[list[DiffRow], bool]]:
    """Side-by-side diffs of the first ``top`` pairs of the report (its order: evidence weight)."""
    fa, fb = _function_at(ex_a), _function_at(ex_b)
    out: dict[tuple[int, int], tuple[list[DiffRow], bool]] = {}
    for p in rep["pairs"][: max(0, top)]:
        x, y = fa.get(p["address_a"]), fb.get(p["address_b"])
        if x is None or y is None:
            continue
        la, cut_a = function_lines(ex_a, x)
        lb, cut_b = function_lines(ex_b, y)
        out[(p["address_a"], p["address_b"])] = (diff_lines(la, lb), cut_a or cut_b)
    return out


def _e(x: Any) -> str:
    return escape(str(x), quote=True)


def _names(p: dict[str, Any]) -> str:
    na, nb = p.get("name_a"), p.get("name_b")
    if not na and not nb:
        return ""
    if na == nb:
        return _e(na)
    return f"{_e(na or '-')} / {_e(nb or '-')}"


def _line_cells(row: DiffRow) -> str:
    cells = []
    for side, line in (("l", row.left), ("r", row.right)):
        if line is None:
            cells.append(f'<td class="ad"></td><td class="{side}"></td>')
            continue
        cm = f' <span class="cm">; {_e(line.comment)}</span>' if line.comment else ""
        cells.append(f'<td class="ad">{line.address:#x}</td><td class="{side}">{_e(line.text)}{cm}</td>')
    return "".join(cells)


def render_html(rep: dict[str, Any], listings: dict[tuple[int, int], tuple[list[DiffRow], bool]]) -> str:
    a, b, s = rep["a"], rep["b"], rep["summary"]
    out: list[str] = []
    w = out.append
    w("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
    w(f"<title>codekin compare: {_e(a['name'])} vs {_e(b['name'])}</title>")
    w(f"<style>{_CSS}</style><script>{_JS}</script></head><body>")
    w(f"<h1>Code comparison: <code>{_e(a['name'])}</code> (A) vs <code>{_e(b['name'])}</code> (B)</h1>")
    w("<p>codekin found the functions of both files, fingerprinted them, and paired each function of A "
      "with at most one function of B: identical code first, then similar code, then functions that sit "
      "next to already paired ones in the call graph or in the file. The similarity (0 to 1) says how alike "
      "the two functions are; 1 means the same code up to addresses.</p>")
    w('<table class="summary">')
    for label, side in (("A", a), ("B", b)):
        w(f"<tr><td><b>{label}</b></td><td class=\"mono\">{_e(side['name'])}</td><td>{_e(side['format'])} "
          f"{_e(side['arch'])}</td><td>{side['functions']} functions, {side['instructions']} instructions</td>"
          f"<td class=\"mono muted\">sha256 {_e(side['sha256'])}</td></tr>")
    w("</table><table class=\"summary\">")
    w(f"<tr><td>functions paired</td><td class=\"num\"><b>{s['matched']}</b></td>"
      f"<td class=\"muted\">of which identical: {s['identical']}; library code: {s['library']}</td></tr>")
    w(f"<tr><td>share of A's code paired</td><td class=\"num\">{s['coverage_a']:.1%}</td>"
      f"<td class=\"muted\">B's: {s['coverage_b']:.1%}; mean similarity (by size) {s['similarity']:.2f}</td></tr>")
    w(f"<tr><td>unpaired</td><td class=\"num\">A: {s['unmatched_a']}, B: {s['unmatched_b']}</td><td></td></tr>")
    reasons = ", ".join(f"{_e(r)} {n}" for r, n in s["by_reason"].items() if n)
    w(f"<tr><td>how they were paired</td><td colspan=\"2\">{reasons or '-'}</td></tr></table>")
    w("<details><summary>What the pairing reasons mean</summary><ul>")
    for reason, text in REASON_TEXT.items():
        w(f"<li><b>{_e(reason)}</b>: {_e(text)}</li>")
    w("</ul><p>Library code (when an index with library knowledge was given) weighs nothing: anyone who "
      "links the same library shares it.</p></details>")

    w("<h2>Paired functions, strongest evidence first</h2>")
    w("<p class=\"muted\">Evidence weight = similarity &times; log2(1 + instructions of the smaller function). "
      "Click a row's address to see both functions side by side.</p>")
    w('<input placeholder="filter rows" oninput="kfilter(this,\'pairs\')">')
    w('<table id="pairs"><thead><tr><th>#</th><th>A address</th><th>B address</th><th>similarity</th>'
      '<th>weight</th><th>reason</th><th>name A / B</th><th>instructions A/B</th><th>blocks A/B</th>'
      '<th>library</th></tr></thead><tbody>')
    for k, p in enumerate(rep["pairs"][:MAX_ROWS]):
        pk = (p["address_a"], p["address_b"])
        link = f'<a href="#p{k}">{p["address_a"]:#x}</a>' if pk in listings else f"{p['address_a']:#x}"
        lib = f'<span class="lib">{_e(p["library"])}</span>' if p["library"] else ""
        w(f"<tr><td class=\"num\">{k + 1}</td><td class=\"mono\">{link}</td><td class=\"mono\">{p['address_b']:#x}"
          f"</td><td class=\"num\">{p['similarity']:.2f}</td><td class=\"num\">{p['weight']:.1f}</td>"
          f"<td>{_e(p['reason'])}</td><td class=\"mono\">{_names(p)}</td>"
          f"<td class=\"num\">{p['instructions_a']}/{p['instructions_b']}</td>"
          f"<td class=\"num\">{p['blocks_a']}/{p['blocks_b']}</td><td>{lib}</td></tr>")
    w("</tbody></table>")
    if len(rep["pairs"]) > MAX_ROWS:
        w(f"<p class=\"muted\">{len(rep['pairs']) - MAX_ROWS} weaker pairs not shown (see --json).</p>")

    if listings:
        w(f"<h2>Side by side: the first {len(listings)} pairs</h2>")
        w("<p class=\"legend\">Normalised disassembly: addresses masked (<code>&lt;loc&gt;</code> a branch inside "
          "the function, <code>&lt;func&gt;</code> another function, <code>&lt;data&gt;</code> a memory address, "
          "<code>&lt;import:NAME&gt;</code> an imported function); lines are aligned on the instruction form and "
          "constants, so different registers alone do not count as a difference. "
          "<span style=\"background:#eef5ff\">same instruction, other registers or small constants</span>"
          "<span class=\"replace\" style=\"background:#fff4c2\">changed</span>"
          "<span style=\"background:#ffd9d9\">only on one side</span></p>")
        for k, p in enumerate(rep["pairs"]):
            got = listings.get((p["address_a"], p["address_b"]))
            if got is None:
                continue
            rows, cut = got
            same = sum(1 for r in rows if r.tag in ("equal", "similar"))
            w(f'<details id="p{k}"{" open" if k < 3 else ""}><summary><b>#{k + 1}</b> '
              f'<code>{p["address_a"]:#x}</code> &harr; <code>{p["address_b"]:#x}</code> {_names(p)}: similarity '
              f'{p["similarity"]:.2f}, {_e(p["reason"])}; {same} of {len(rows)} lines align'
              f'{" (listing cut)" if cut else ""}</summary>')
            w('<table class="diff"><colgroup><col style="width:7em"><col><col style="width:7em"><col></colgroup>')
            for r in rows:
                w(f'<tr class="{r.tag}">{_line_cells(r)}</tr>')
            w("</table></details>")

    for label, table in (("A", "unmatched_a"), ("B", "unmatched_b")):
        items = rep[table]
        w(f"<h2>Functions of {label} without a partner ({len(items)}), largest first</h2>")
        if not items:
            w("<p>none</p>")
            continue
        w(f'<input placeholder="filter rows" oninput="kfilter(this,\'{table}\')">')
        w(f'<table id="{table}"><thead><tr><th>address</th><th>name</th><th>instructions</th><th>blocks</th>'
          "<th>library</th></tr></thead><tbody>")
        for u in items[:MAX_ROWS]:
            lib = f'<span class="lib">{_e(u["library"])}</span>' if u["library"] else ""
            w(f"<tr><td class=\"mono\">{u['address']:#x}</td><td class=\"mono\">{_e(u['name'] or '')}</td>"
              f"<td class=\"num\">{u['instructions']}</td>"
              f"<td class=\"num\">{u['blocks']}</td><td>{lib}</td></tr>")
        w("</tbody></table>")
        if len(items) > MAX_ROWS:
            w(f"<p class=\"muted\">{len(items) - MAX_ROWS} smaller functions not shown (see --json).</p>")
    w(f"<p class=\"muted\">codekin {_e(rep['codekin'])}, report schema {_e(rep['schema'])}.</p></body></html>")
    return "\n".join(out)
