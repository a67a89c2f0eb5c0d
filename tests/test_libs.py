"""Library knowledge: source literals, packs (import/export, auto-import into new indexes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import fixture_path

from codekin.evidence.literals import literals
from codekin.store import open_store


def ck(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    p = subprocess.run([sys.executable, "-m", "codekin", *args], capture_output=True, text=True, timeout=300,
                       env={**os.environ, **(env or {})})
    assert p.returncode == 0, p.stderr
    return p


def test_c_literals_join_and_split() -> None:
    src = 'PyDoc_STRVAR(doc, "compress(data)\\n" "--\\n\\nReturns a bytes object.");\nputs("short");'
    assert literals(src) == {"compress(data)", "Returns a bytes object."}


def test_rust_literals_cut_at_placeholders() -> None:
    src = 'panic!("index {} out of range for slice of length {len}"); let x = "{{literal}} braces";'
    assert literals(src, rust=True) == {"index ", " out of range for slice of length ", "{literal} braces"}


def test_long_literals_cut_like_binary_strings() -> None:
    long = "x" * 300
    assert literals(f"\"{long}\"") == {"x" * 256, "x" * 44}


def test_library_line_names_functions() -> None:
    from codekin.evidence.libs import describe_library

    assert describe_library({"library": "zlib", "functions": 6, "symbols": ["inflate", "crc32_z"]}) == \
        "shares inflate, crc32_z and 4 more code of zlib (library): discounted"
    assert describe_library({"library": "mingw-crt", "functions": 3, "symbols": []}) == \
        "shares 3 functions of mingw-crt (library): discounted"


def test_pack_export_import_and_auto_import(tmp_path: Path) -> None:
    src_db = tmp_path / "src.db"
    ck("index", "--db", str(src_db), "--library", "--family", "kinlib", str(fixture_path("elf64-O0")))
    ck("index", "--db", str(src_db), "--family", "kin", str(fixture_path("elf64-O2")))
    pack = tmp_path / "pack.db"
    out = json.loads(ck("libs", "export", str(pack), "--db", str(src_db)).stdout)
    assert out["exported"] == 1, "only library samples travel"
    # a new index imports the default pack (CODEKIN_LIBS) unless --no-libs
    auto = tmp_path / "auto.db"
    ck("index", "--db", str(auto), "--family", "kin", str(fixture_path("elf64-O2")), env={"CODEKIN_LIBS": str(pack)})
    st = open_store(auto).stats()
    assert st["library_samples"] == 1 and st["samples"] == 2

    def lib_tokens(db: Path) -> set[int]:  # the library's profile tokens (exported names: the exports line)
        return {h for (h,) in open_store(db).db.execute(
            "SELECT t.h FROM tokens t JOIN samples s ON s.id = t.sample_id WHERE s.library = 1")}

    assert lib_tokens(src_db) and lib_tokens(auto) == lib_tokens(src_db), "library tokens travel with the pack"
    bare = tmp_path / "bare.db"
    ck("index", "--db", str(bare), "--no-libs", "--family", "kin", str(fixture_path("elf64-O2")),
       env={"CODEKIN_LIBS": str(pack)})
    assert open_store(bare).stats()["library_samples"] == 0
    # the imported library is discounted exactly as an indexed one: same functions, same bands
    q = json.loads(ck("query", "--db", str(auto), "--json", str(fixture_path("elf64-clang-O2"))).stdout)
    assert q["library"]["functions"] > 0
    assert any(e["library_name"] == "kinlib" for e in q["evidence"])
    manual = tmp_path / "manual.db"
    ck("index", "--db", str(manual), "--no-libs", "--family", "kin", str(fixture_path("elf64-O2")))
    ck("libs", "import", str(pack), "--db", str(manual))
    q2 = json.loads(ck("query", "--db", str(manual), "--json", str(fixture_path("elf64-clang-O2"))).stdout)
    assert q2["families"] == q["families"] and q2["library"] == q["library"]


def test_new_indexes_start_from_a_prepared_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pack is prepared once (cache keyed by the pack's bytes and codekin's fingerprint version)
    and each new index starts as a copy: the same library samples, functions and bands as a direct
    import; another pack gets a prepared copy of its own."""
    from codekin.evidence.libs import close_pack, copy_library_samples, open_pack, prepared_pack

    cache = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    src_db = tmp_path / "src.db"
    ck("index", "--db", str(src_db), "--library", "--family", "kinlib", str(fixture_path("elf64-O0")))
    pack = tmp_path / "pack.db"
    ck("libs", "export", str(pack), "--db", str(src_db))
    env = {"CODEKIN_LIBS": str(pack), "XDG_CACHE_HOME": str(cache)}
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    ck("index", "--db", str(one), "--family", "kin", str(fixture_path("elf64-O2")), env=env)
    prepared = sorted((cache / "codekin" / "packs").glob("pack-*.db"))
    assert len(prepared) == 1 and prepared[0] == prepared_pack(pack)
    ck("index", "--db", str(two), "--family", "other", str(fixture_path("pe64-O2.exe")), env=env)
    direct = tmp_path / "direct.db"
    store = open_store(direct)
    src = open_pack(pack)
    try:
        copy_library_samples(src, store)
    finally:
        close_pack(src)
        store.close()

    def library(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], int]:
        s = open_store(db)
        samples = s.db.execute("SELECT s.sha256, s.n_functions, f.name FROM samples s JOIN families f "
                               "ON f.id = s.family_id WHERE s.library = 1 ORDER BY s.sha256").fetchall()
        funcs = s.db.execute("SELECT x.sha256, fn.address, fn.exact, fn.minhash FROM functions fn JOIN samples x "
                             "ON x.id = fn.sample_id WHERE x.library = 1 ORDER BY x.sha256, fn.address").fetchall()
        bands = s.db.execute("SELECT COUNT(*) FROM lsh l JOIN functions fn ON fn.id = l.fid JOIN samples x "
                             "ON x.id = fn.sample_id WHERE x.library = 1").fetchone()[0]
        return samples, funcs, bands

    lib_one = library(one)
    assert lib_one[0] and lib_one[1] and lib_one[2] > 0
    assert lib_one == library(two) == library(direct)
    st = open_store(one).stats()
    assert (st["families"], st["libraries"], st["samples"]) == (1, 1, 2)
    assert open_store(one).version_mismatch() is None
    # an index that appeared meanwhile (another process) is never replaced under its writer
    from codekin.evidence.libs import new_index_from_pack

    taken = tmp_path / "taken.db"
    taken.write_bytes(b"another process's index")
    assert new_index_from_pack(taken, pack) == 0 and taken.read_bytes() == b"another process's index"
    assert not list(tmp_path.glob(".taken.db.*"))
    # a changed pack is prepared anew, never served from the other's copy
    ck("index", "--db", str(src_db), "--library", "--family", "kinlib2", str(fixture_path("elf32-O2")))
    ck("libs", "export", str(pack), "--db", str(src_db))
    three = tmp_path / "three.db"
    ck("index", "--db", str(three), "--family", "kin", str(fixture_path("elf64-O2")), env=env)
    assert len(list((cache / "codekin" / "packs").glob("pack-*.db"))) == 2
    assert open_store(three).stats()["library_samples"] == 2


def test_bundled_pack_is_current_and_complete(tmp_path: Path) -> None:
    """The pack shipped with codekin (built by `codekin libs build`, exported with `libs export *.xz`)
    matches the current fingerprints and names the libraries it promises."""
    from codekin.evidence.libs import BUNDLED_PACK, close_pack, open_pack

    assert BUNDLED_PACK.exists()
    pack = open_pack(BUNDLED_PACK)
    try:
        assert pack.version_mismatch() is None, "rebuild the bundled pack after a fingerprint change"
        libs = {f["family"] for f in pack.family_stats() if f["kind"] == "library"}
        assert {"sqlite", "zlib", "cpython", "rust-std", "pyo3", "cython", "bzip2", "xz", "lz4", "zstd", "brotli",
                "libdeflate", "libffi", "expat", "openssl", "llhttp"} <= libs
        assert pack.stats()["functions"] > 10_000
    finally:
        close_pack(pack)
    db = tmp_path / "with-pack.db"
    ck("index", "--db", str(db), "--family", "kin", str(fixture_path("elf64-O2")),
       env={"CODEKIN_LIBS": str(BUNDLED_PACK)})
    st = open_store(db).stats()
    assert st["library_samples"] >= 50 and st["lsh_entries"] > 100_000, "bands rebuilt on import"


def _cc(*args: str) -> None:
    subprocess.run(["gcc", "-O2", *args], check=True, capture_output=True, timeout=120)


def test_families_sharing_only_zlib_are_not_linked_and_the_report_names_zlib(tmp_path: Path) -> None:
    """Two unrelated tools that both link Debian's zlib statically: without library knowledge the shared
    zlib (and C start-up) code links them; with zlib and the C runtime known as library code (built the
    way `codekin libs build` builds them: zlib's code on its own, start-up code in a small program) the
    query is unknown, and the report says which library it shares, by function name."""
    import jsonschema

    libz = subprocess.run(["gcc", "-print-file-name=libz.a"], capture_output=True, text=True).stdout.strip()
    if not Path(libz).is_file():
        pytest.skip("needs zlib's static library (Debian: zlib1g-dev)")
    src = fixture_path("../src")
    alpha, beta, zref, crt = (tmp_path / n for n in ("alpha", "beta", "zlib-ref", "crt-ref"))
    _cc(str(src / "zlib_alpha.c"), libz, "-o", str(alpha))
    _cc(str(src / "zlib_beta.c"), libz, "-o", str(beta))
    (tmp_path / "empty.c").write_text("int zlib_reference_anchor(void) { return 0; }\n")
    _cc("-nostartfiles", "-Wl,-e,0", str(tmp_path / "empty.c"), "-Wl,--whole-archive", libz,
        "-Wl,--no-whole-archive", "-o", str(zref))
    (tmp_path / "crt.c").write_text('#include <stdio.h>\nint main(int c, char **v) { printf("%d %s", c, v[0]); }\n')
    _cc(str(tmp_path / "crt.c"), "-o", str(crt))

    bare = tmp_path / "bare.db"
    ck("index", "--db", str(bare), "--no-libs", "--family", "alpha", str(alpha))
    q0 = json.loads(ck("query", "--db", str(bare), "--json", str(beta)).stdout)
    assert q0["attribution"] is not None and q0["attribution"]["family"] == "alpha", \
        "control: without library knowledge the shared zlib code alone links the two"
    assert q0["library"]["libraries"] == []

    db = tmp_path / "libs.db"
    ck("index", "--db", str(db), "--no-libs", "--family", "alpha", str(alpha))
    ck("index", "--db", str(db), "--library", "--family", "zlib", str(zref))
    ck("index", "--db", str(db), "--library", "--family", "glibc-crt", str(crt))
    q = json.loads(ck("query", "--db", str(db), "--json", str(beta)).stdout)
    jsonschema.validate(q, json.loads((Path(__file__).parents[1] / "src/codekin/schemas/query.schema.json")
                                      .read_text()))
    assert q["attribution"] is None, q["families"][:1]
    assert q["families"][0]["score"] < q0["families"][0]["score"] / 2
    libs = {d["library"]: d for d in q["library"]["libraries"]}
    assert libs["zlib"]["functions"] >= 20 and "inflate" in libs["zlib"]["symbols"]
    assert "glibc-crt" in libs
    named = [e for e in q["evidence"] if e["library"] and e["library_symbol"]]
    assert named and all(e["library_name"] in ("zlib", "glibc-crt") for e in named)
    term = ck("query", "--db", str(db), str(beta), env={"COLUMNS": "200"}).stdout
    assert "code of zlib (library): discounted" in term and "inflate" in term
    assert "unknown" in term
    # the compact pack (.xz) keeps the names and the discount: a new index importing it answers the same
    pack = tmp_path / "pack.db.xz"
    assert json.loads(ck("libs", "export", str(pack), "--db", str(db)).stdout)["exported"] == 2
    fresh = tmp_path / "fresh.db"
    ck("index", "--db", str(fresh), "--family", "alpha", str(alpha), env={"CODEKIN_LIBS": str(pack)})
    q2 = json.loads(ck("query", "--db", str(fresh), "--json", str(beta)).stdout)
    assert q2["attribution"] is None
    libs2 = {d["library"]: d for d in q2["library"]["libraries"]}
    assert "inflate" in libs2["zlib"]["symbols"] and libs2["zlib"]["functions"] == libs["zlib"]["functions"]


def test_libffi_headers_pick_each_toolchains_target(tmp_path: Path) -> None:
    """libffi's ffi.h is made by its configure for one target; `libs build` writes one that lets each
    compiler pick its own (x86-64 SysV for gcc/clang, Win64 for mingw-w64), and compiles the SysV port
    (ffi64.c, unix64.S) for ELF targets only."""
    import shutil

    from codekin.evidence import libbuild

    root = tmp_path / "libffi"
    (root / "include").mkdir(parents=True)
    (root / "src" / "x86").mkdir(parents=True)
    (root / "include" / "ffi.h.in").write_text(
        "/* libffi @VERSION@ */\n#ifndef @TARGET@\n#define @TARGET@\n#endif\n#if @HAVE_LONG_DOUBLE@\n"
        "#define KIN_LONG_DOUBLE 1\n#endif\n")
    for name in ("prep_cif.c", "x86/ffi64.c", "x86/ffiw64.c", "x86/unix64.S", "x86/win64.S"):
        (root / "src" / name).write_text("#include <ffi.h>\nint kin_unit;\n")
    ffi = next(s for s in libbuild.SOURCE_LIBS if s.lib == "libffi")
    assert ffi.prepare is not None and ffi.prepare(root, print)
    probe = tmp_path / "probe.c"
    probe.write_text("#include <ffi.h>\n#if defined(X86_64)\nint target = 64;\n#elif defined(X86_WIN64)\n"
                     "int target = 164;\n#else\n#error no target\n#endif\n"
                     "#ifndef KIN_LONG_DOUBLE\n#error no long double\n#endif\n")
    want = {"gcc": "X86_64", "mingw64": "X86_WIN64"}
    tcs = [(tc, cc) for tc in libbuild.TOOLCHAINS if tc.name in want and (cc := tc.compiler())]
    if not tcs:
        pytest.skip("needs gcc or mingw-w64")
    for tc, cc in tcs:
        subprocess.run([cc, "-c", f"-I{root / 'include'}", str(probe), "-o", str(tmp_path / f"probe-{tc.name}.o")],
                       check=True, capture_output=True, timeout=120)
        out = subprocess.run([cc, "-E", "-dM", f"-I{root / 'include'}", str(probe)], check=True,
                             capture_output=True, text=True, timeout=120).stdout
        defined = {line.split()[1] for line in out.splitlines() if line.startswith("#define ")}
        assert want[tc.name] in defined and not ({"X86_64", "X86_WIN64", "X86_WIN32", "X86"} - {want[tc.name]}) \
            & defined, tc.name
    jobs = {tc.name: [f.name for f, _ in pairs] for _, tc, _, _, pairs in libbuild._compile_jobs(ffi, root, tcs)}
    if "gcc" in jobs:
        assert {"ffi64.c", "ffiw64.c", "unix64.S", "win64.S"} <= set(jobs["gcc"])
    if "mingw64" in jobs:
        assert not {"ffi64.c", "unix64.S"} & set(jobs["mingw64"]) and {"ffiw64.c", "win64.S"} <= set(jobs["mingw64"])
    assert shutil.which("gcc") is None or "gcc" in jobs


def test_sources_from_a_binary_package_and_configuration_variants(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    """A library whose C sources a Debian binary package ships (llhttp in node-llhttp) compiles from the unpacked
    package's tree; a configuration variant (SQLite with its optional parts) has its own objects and outputs in
    the cache, so a cache built before the variant is not taken for it."""
    from codekin.evidence import libbuild

    monkeypatch.setenv("CODEKIN_LIBS_CACHE", str(tmp_path / "cache"))
    ll = next(s for s in libbuild.SOURCE_LIBS if s.lib == "llhttp")
    assert ll.deb_tree is not None
    pkg = tmp_path / "cache" / "deb" / ll.pkg
    src = pkg / "x" / ll.deb_tree
    (src / "llhttp").mkdir(parents=True)
    (src / "include" / "llhttp").mkdir(parents=True)
    (src / "include" / "llhttp" / "llhttp.h").write_text("#define KIN_PARSER_STATES 7\n")
    (src / "llhttp" / "llhttp.c").write_text('#include "llhttp.h"\n'
                                             'int kin_states(void) { return KIN_PARSER_STATES; }\n')
    (pkg / ".done").touch()  # the package as debian_package leaves it: downloaded and unpacked
    root = libbuild.source_tree(ll, print)
    assert root == src
    gcc = next(tc for tc in libbuild.TOOLCHAINS if tc.name == "gcc")
    cc = gcc.compiler()
    if cc is None:
        pytest.skip("needs gcc")
    jobs = list(libbuild._compile_jobs(ll, root, [(gcc, cc)]))
    assert [f.name for f, _ in jobs[0][4]] == ["llhttp.c"]
    _, _, _, opt, pairs = jobs[0]
    subprocess.run([cc, "-c", f"-{opt}", *(f"-I{root / i}" for i in ll.includes), str(pairs[0][0]), "-o",
                    str(tmp_path / "llhttp.o")], check=True, capture_output=True, timeout=120)
    sqlite = next(s for s in libbuild.SOURCE_LIBS if s.lib == "sqlite")
    assert sqlite.variant and "-DSQLITE_ENABLE_FTS5" in sqlite.defines
    out = libbuild._out_name(sqlite.lib, gcc, "O2", sqlite.variant)
    assert out != libbuild._out_name(sqlite.lib, gcc, "O2") and out.name.endswith(f"O2{sqlite.variant}.so")
    (tmp_path / "sq" / "bld").mkdir(parents=True)
    (tmp_path / "sq" / "bld" / "sqlite3.c").write_text("int kin;\n")
    objdirs = {o.parent.name for *_, pairs in libbuild._compile_jobs(sqlite, tmp_path / "sq", [(gcc, cc)])
               for _, o in pairs}
    assert objdirs == {f"gcc-O2{sqlite.variant}"}


def test_registry_reference_keeps_only_what_two_projects_share(tmp_path: Path) -> None:
    """A reference cut out of other projects' builds (codekin.evidence.registry): of two unrelated tools
    that both link zlib, each keeps the zlib code the other holds too, and none of its own code or
    strings; a project with no second project beside it keeps nothing; a wheel's native modules are
    read in memory, its vendored ``.libs/`` left out."""
    import io
    import zipfile

    from codekin.binary.loader import load_binary
    from codekin.evidence.registry import project_of, shared_part, split_req, wheel_binaries
    from codekin.fingerprint.hashing import hash_str
    from codekin.indexer import prepare

    libz = subprocess.run(["gcc", "-print-file-name=libz.a"], capture_output=True, text=True).stdout.strip()
    if not Path(libz).is_file():
        pytest.skip("needs zlib's static library (Debian: zlib1g-dev)")
    src = fixture_path("../src")
    alpha, beta = tmp_path / "alpha", tmp_path / "beta"
    _cc(str(src / "zlib_alpha.c"), libz, "-o", str(alpha))
    _cc(str(src / "zlib_beta.c"), libz, "-o", str(beta))

    wheel = io.BytesIO()
    with zipfile.ZipFile(wheel, "w") as z:
        z.writestr("alpha/alpha.so", alpha.read_bytes())
        z.writestr("alpha.libs/libz-1234.so", beta.read_bytes())
        z.writestr("alpha/__init__.py", "from .alpha import *\n")
        z.writestr("alpha/_other.so", beta.read_bytes())
    members = wheel_binaries(wheel.getvalue())
    assert [m for m, _ in members] == ["alpha/alpha.so", "alpha/_other.so"]
    assert members[0][1] == alpha.read_bytes()
    # a member pattern takes one module of a wheel that builds one per library (imagecodecs)
    only = wheel_binaries(wheel.getvalue(), "alpha/_other.*")
    assert [m for m, _ in only] == ["alpha/_other.so"] and only[0][1] == beta.read_bytes()
    assert wheel_binaries(wheel.getvalue(), "alpha/_none.*") == []
    assert split_req("imagecodecs==2024.9.22|imagecodecs/_zstd.*") == ("imagecodecs==2024.9.22",
                                                                      "imagecodecs/_zstd.*")
    assert split_req("lz4==4.3.3") == ("lz4==4.3.3", None)
    assert project_of("Pillow==11.0.0|PIL/_imaging.*") == "pillow"

    pa, pb = prepare(alpha.read_bytes(), "alpha"), prepare(beta.read_bytes(), "beta")
    assert shared_part({"alpha": pa}) == []
    cut = dict(shared_part({"alpha": pa, "beta": pb}))
    assert set(cut) == {"alpha", "beta"}
    for proj, path, own in (("alpha", alpha, {"alpha_mix", "alpha_report", "main"}),
                            ("beta", beta, {"count_lines", "main"})):
        names = {s.address: s.name for s in load_binary(path.read_bytes()).symbols if s.kind == "function"}
        full = (pa if proj == "alpha" else pb)[0]
        assert full.prints is not None and full.record is not None
        kept = cut[proj]
        assert kept.prints is not None and kept.record is not None
        kept_names = {names.get(int(a), "") for a in kept.prints.address.tolist()}
        assert not kept_names & own, kept_names & own
        assert {"inflate", "adler32_z"} <= kept_names
        assert 0 < len(kept.prints) < len(full.prints)
        assert kept.record.n_functions == len(kept.prints)
        assert kept.record.info["of_functions"] == len(full.prints)
        # a part of the file under an id of its own: the whole file can still be indexed as a family
        assert kept.record.sha256 != full.record.sha256 == kept.record.info["cut_from_sha256"]
        assert kept.record.strings is not None and full.record.strings is not None
        assert 0 < len(kept.record.strings) < len(full.record.strings)
        assert hash_str("incorrect header check", 0x5757) in set(kept.record.strings.tolist())
    own_str = hash_str("[alpha:%s] %lu bytes, tag %08x", 0x5757)
    assert pa[0].record is not None and pa[0].record.strings is not None
    assert own_str in set(pa[0].record.strings.tolist())
    assert cut["alpha"].record is not None and cut["alpha"].record.strings is not None
    assert own_str not in set(cut["alpha"].record.strings.tolist())


def test_runtime_shared_by_three_libraries_references_is_named_apart(tmp_path: Path) -> None:
    """Code that the references of at least three different libraries all carry is the toolchain's runtime
    (MSVC's C runtime in every Windows extension), not any one of them: ``split_runtime`` moves it into a
    reference of its own and leaves each library its own part, losing nothing. Here zlib, linked into three
    programs standing for three libraries' references, plays the runtime."""
    from codekin.binary.loader import load_binary
    from codekin.evidence.registry import RUNTIME_LIBRARY, split_runtime
    from codekin.indexer import prepare

    libz = subprocess.run(["gcc", "-print-file-name=libz.a"], capture_output=True, text=True).stdout.strip()
    if not Path(libz).is_file():
        pytest.skip("needs zlib's static library (Debian: zlib1g-dev)")
    src = fixture_path("../src")
    paths = {"la": tmp_path / "alpha", "lb": tmp_path / "beta", "lc": tmp_path / "gamma"}
    _cc(str(src / "zlib_alpha.c"), libz, "-o", str(paths["la"]))
    _cc(str(src / "zlib_beta.c"), libz, "-o", str(paths["lb"]))
    subprocess.run(["gcc", "-Os", str(src / "zlib_beta.c"), libz, "-o", str(paths["lc"])], check=True,
                   capture_output=True, timeout=120)
    platform = "manylinux2014_x86_64"
    cuts = []
    for lib, path in paths.items():
        (p,) = prepare(path.read_bytes(), lib)
        cuts.append((lib, f"test:{lib}", platform, p))
    out = split_runtime(cuts, log=lambda _m: None)
    rt_name = RUNTIME_LIBRARY[platform]
    names = {s.address: s.name for s in load_binary(paths["la"].read_bytes()).symbols if s.kind == "function"}
    full = cuts[0][3]
    assert full.prints is not None
    mine = [p for lib, _s, _pf, p in out if lib == "la"]
    runtime = [p for lib, _s, _pf, p in out if lib == rt_name and p.name == "la"]
    assert len(mine) == 1 and len(runtime) == 1
    own, rt = mine[0].prints, runtime[0].prints
    assert own is not None and rt is not None
    own_names = {names.get(int(a), "") for a in own.address.tolist()}
    rt_names = {names.get(int(a), "") for a in rt.address.tolist()}
    assert {"inflate", "adler32_z"} <= rt_names and not {"inflate", "adler32_z"} & own_names
    assert {"alpha_mix", "alpha_report"} <= own_names and not {"alpha_mix", "alpha_report"} & rt_names
    # nothing lost: the two parts are the build
    assert sorted(own.address.tolist() + rt.address.tolist()) == sorted(full.prints.address.tolist())
    assert {lib for lib, *_ in out} == {"la", "lb", "lc", rt_name}
