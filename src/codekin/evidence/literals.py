"""String literals of source code, as they will appear in a compiled binary's data.

Library code in the strings line: the literals of a library's sources (C, C++, Rust, Cython utility
code) are the strings any binary built from them carries, whatever the compiler or platform. The
pieces are cut the way ``codekin.fingerprint.sample`` cuts a binary's strings: at characters outside
printable ASCII, at Rust format placeholders, and in runs of at most 256 characters.
"""

from __future__ import annotations

import re

_LIT = re.compile(r'(?<![\w\'])(?:[uUL]|u8)?"((?:[^"\\\n]|\\.)*)"', re.S)
_GAP = re.compile(r"\s*")
_RUST_FMT = re.compile(r"\{[^{}]*\}")
_ESC = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'", "a": "\a", "b": "\b",
        "f": "\f", "v": "\v", "e": "\x1b"}
_PRINTABLE_RUN = re.compile(r"[\x20-\x7e]{6,}")


def _unescape(s: str) -> str:
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c != "\\" or i + 1 >= len(s):
            out.append(c)
            i += 1
            continue
        n = s[i + 1]
        if n == "x":
            m = re.match(r"[0-9a-fA-F]{1,2}", s[i + 2 :])
            out.append(chr(int(m.group(), 16)) if m else "x")
            i += 2 + (len(m.group()) if m else 0)
        elif (n in "01234567" and n != "0") or (n == "0" and i + 2 < len(s) and s[i + 2] in "01234567"):
            m = re.match(r"[0-7]{1,3}", s[i + 1 :])
            assert m is not None
            out.append(chr(int(m.group(), 8) & 0xFF))
            i += 1 + len(m.group())
        elif n == "u" and s[i + 2 : i + 3] == "{":  # Rust \u{...}
            end = s.find("}", i + 3)
            out.append("\x01")
            i = end + 1 if end > 0 else i + 2
        elif n == "\n":  # Rust line continuation: skip leading whitespace of the next line
            i += 2
            while i < len(s) and s[i] in " \t":
                i += 1
        else:
            out.append(_ESC.get(n, n))
            i += 2
    return "".join(out)


def literals(text: str, *, rust: bool = False) -> set[str]:
    """Printable pieces (6-256 characters) of the string literals in ``text``; adjacent C literals
    are joined first, as the compiler joins them."""
    pieces: set[str] = set()
    pos = 0
    joined: list[str] = []
    last_end = -1
    for m in _LIT.finditer(text):
        body = _unescape(m.group(1))
        if joined and _GAP.fullmatch(text, last_end, m.start()) and not rust:
            joined.append(body)
        else:
            if joined:
                _cut("".join(joined), pieces, rust)
            joined = [body]
        last_end = m.end()
        pos = m.end()
    if joined:
        _cut("".join(joined), pieces, rust)
    del pos
    return pieces


def _cut(s: str, out: set[str], rust: bool) -> None:
    if rust:  # escaped braces stay, placeholders split the string
        parts = [p.replace("\x02", "{").replace("\x03", "}") for p in
                 _RUST_FMT.split(s.replace("{{", "\x02").replace("}}", "\x03"))]
    else:
        parts = [s]
    for p in parts:
        for run in _PRINTABLE_RUN.findall(p):
            for k in range(0, len(run), 256):
                chunk = run[k : k + 256]
                if len(chunk) >= 6:
                    out.add(chunk)
