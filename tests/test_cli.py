from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pyzipper
from conftest import fixture_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "codekin", *args], capture_output=True, text=True, timeout=120)


def test_functions_json_contract() -> None:
    p = run("functions", "--json", str(fixture_path("elf64-O2")))
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert d["format"] == "elf" and d["arch"] == "x64" and len(d["sha256"]) == 64
    f = d["functions"][0]
    assert set(f) >= {"address", "size", "blocks", "instructions", "edges", "calls", "source"}
    assert all(x["size"] > 0 and x["blocks"] >= 1 for x in d["functions"])


def test_info_json() -> None:
    p = run("info", "--json", str(fixture_path("pe64-O2.exe")))
    d = json.loads(p.stdout)
    assert d["format"] == "pe" and d["metadata"]["imphash"]
    assert any(s["name"] == ".text" and s["executable"] for s in d["sections"])


def test_terminal_output() -> None:
    p = run("functions", str(fixture_path("pe32-O2.exe")))
    assert p.returncode == 0 and "functions" in p.stdout and "0x4" in p.stdout


def test_batch_goes_on_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "empty.bin").write_bytes(b"")
    (tmp_path / "text.txt").write_text("not a binary")
    (tmp_path / "trunc.exe").write_bytes(fixture_path("pe64-O2.exe").read_bytes()[:300])
    good = tmp_path / "good"
    good.write_bytes(fixture_path("elf64-O2").read_bytes())
    p = run("functions", "--json", str(tmp_path))
    assert p.returncode == 3, "some inputs failed"
    out = json.loads(p.stdout)
    by = {Path(d["name"]).name: d for d in out}
    assert by["empty.bin"]["error"]["code"] == "empty"
    assert by["text.txt"]["error"]["code"] == "not_executable"
    assert by["trunc.exe"]["error"]["code"] in ("truncated", "malformed") or "functions" in by["trunc.exe"]
    assert len(by["good"]["functions"]) > 10


def test_zip_with_infected_password(tmp_path: Path) -> None:
    arc = tmp_path / "samples.zip"
    with pyzipper.AESZipFile(arc, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as z:
        z.setpassword(b"infected")
        z.writestr("a/pe64.exe", fixture_path("pe64-O2.exe").read_bytes())
        z.writestr("b/elf32", fixture_path("elf32-O2").read_bytes())
    p = run("functions", "--json", str(arc))
    out = json.loads(p.stdout)
    assert p.returncode == 0, out
    assert sorted(d["format"] for d in out) == ["elf", "pe"]
    assert all(d["name"].startswith(str(arc) + ":") for d in out)
    assert not list(tmp_path.glob("**/pe64.exe")), "nothing unpacked to disk"


def test_corrupt_zip_member(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("x.exe", fixture_path("pe64-O2.exe").read_bytes())
    raw = bytearray(buf.getvalue())
    raw[60:200] = b"\xff" * 140  # corrupt the compressed stream
    arc = tmp_path / "bad.zip"
    arc.write_bytes(bytes(raw))
    p = run("functions", "--json", str(arc))
    assert p.returncode == 3
    assert json.loads(p.stdout)["error"]["code"] == "container"


def test_raw_shellcode(tmp_path: Path) -> None:
    sc = tmp_path / "sc.bin"
    sc.write_bytes(bytes.fromhex("554889e5e805000000" + "5dc3" + "90" * 3 + "31c0c3"))
    p = run("functions", "--json", "--arch", "x64", "--base", "0x400000", str(sc))
    d = json.loads(p.stdout)
    assert {f["address"] for f in d["functions"]} == {0x400000, 0x40000E}
