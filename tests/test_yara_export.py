"""`codekin yara` and `codekin export` on the committed fixtures: rules fire on their family and not
on a family that shares library code with it; link rules fire on both sides; STIX 2.1 and MISP
exports parse back with stix2 and PyMISP."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import stix2
import yara
from conftest import fixture_path
from pymisp import MISPEvent

KIN = ["elf64-O2", "elf64-O0"]  # builds of kin.c
OTHER = "other-elf64-O2"  # another program, same compiler and C runtime
LIB = "third-elf64-O2"  # a third program: its C runtime code is what the other two share


def ck(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    p = subprocess.run([sys.executable, "-m", "codekin", *args], capture_output=True, text=True, timeout=300)
    if check and p.returncode != 0:
        raise AssertionError(f"codekin {' '.join(args)} -> {p.returncode}\n{p.stdout}\n{p.stderr}")
    return p


def fires(rules: yara.Rules, name: str) -> bool:
    return bool(rules.match(str(fixture_path(name))))


def any_string(rule_text: str) -> yara.Rules:
    """The same strings with `any of them` and no format check: does any single string fire?"""
    return yara.compile(source=re.sub(r"condition:\s*\n\s*.*\n", "condition:\n        any of them\n", rule_text))


@pytest.fixture(scope="module")
def shared_lib_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("yara") / "idx.db"
    ck("index", "--db", str(db), "--library", "--family", "crt", str(fixture_path(LIB)))
    ck("index", "--db", str(db), "--family", "kin", "--actor", "Alpha", *(str(fixture_path(n)) for n in KIN))
    ck("index", "--db", str(db), "--family", "other", "--actor", "Beta", str(fixture_path(OTHER)))
    return db


def test_family_rule_fires_on_family_not_on_library_sharer(shared_lib_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "kin.yar"
    rep = json.loads(ck("yara", "--db", str(shared_lib_db), "--family", "kin", "-o", str(out), "--json").stdout)
    r = rep["rules"][0]
    assert r["emitted"] and rep["out"] == str(out)
    assert r["validation"]["recall"] == 1.0 and r["validation"]["outside_hits"] == []
    assert r["validation"]["scanned"] == 4 and r["condition_n"] >= 1
    text = out.read_text()
    rules = yara.compile(filepath=str(out))  # stock YARA compiles it
    for name in KIN:
        assert fires(rules, name), name
    assert not fires(rules, OTHER)
    assert not fires(rules, LIB)
    # no single string comes from the shared runtime: none fires on the other family or the library
    single = any_string(text)
    assert not fires(single, OTHER) and not fires(single, LIB)
    # readable: every string says where it comes from
    shas = {s["sha256"] for s in r["strings"]}
    for s in r["strings"]:
        assert f"${s['id']} = " in text
    assert all(sha in text for sha in shas)
    assert re.search(r"// sample [0-9a-f]{64}: \d+ code bytes at 0x[0-9a-f]+ in the function at 0x", text)
    assert any("??" in s["value"] for s in r["strings"] if s["kind"] == "code"), "addresses are wildcarded"


def test_shared_runtime_is_real(tmp_path: Path) -> None:
    """Control for the test above: kin and the other program do share code. Without the library and
    the other family in the index, some candidate strings of kin fire on the other program."""
    from codekin.render import yara as cy
    from codekin.store import open_store

    db = tmp_path / "solo.db"
    ck("index", "--db", str(db), "--family", "kin", *(str(fixture_path(n)) for n in KIN))
    store = open_store(db)
    files = cy.corpus_files(store)
    targets = [f for f in files if f.family == "kin"]
    fns = cy.family_functions(store, [t.sample_id for t in targets])
    by = {t.sample_id: t for t in targets}
    sites = [(by[s].path, by[s].sha256, a, ni, nb, sup) for s, a, ni, nb, sup in fns]
    cands = cy._candidates(sites, cy._Extractions())
    store.close()
    src = "rule c {\n strings:\n" + "".join(f" $c{i} = {k}\n" for i, k in enumerate(cands)) + \
        " condition: any of them }"
    assert fires(yara.compile(source=src), OTHER)


def test_link_rule_fires_on_both_sides(tmp_path: Path) -> None:
    db = tmp_path / "idx.db"
    ck("index", "--db", str(db), "--family", "kin", "--actor", "Alpha", *(str(fixture_path(n)) for n in KIN))
    ck("index", "--db", str(db), "--family", "third", str(fixture_path(LIB)))
    ck("index", "--db", str(db), "--family", "other", str(fixture_path(OTHER)))
    report = tmp_path / "q.json"
    report.write_text(ck("query", "--db", str(db), "--json", str(fixture_path("elf64-clang-O2"))).stdout)
    assert json.loads(report.read_text())["attribution"]["family"] == "kin"
    out = tmp_path / "link.yar"
    rep = json.loads(ck("yara", "--db", str(db), "--link", str(report), "-o", str(out), "--json").stdout)
    r = rep["rules"][0]
    assert r["emitted"] and r["mode"] == "link" and r["validation"]["outside_hits"] == []
    rules = yara.compile(filepath=str(out))
    assert fires(rules, "elf64-clang-O2")  # the query's side
    assert any(fires(rules, n) for n in KIN)  # the family's side
    assert not fires(rules, OTHER) and not fires(rules, LIB)


def test_yara_unknown_family_is_an_error(shared_lib_db: Path) -> None:
    p = ck("yara", "--db", str(shared_lib_db), "--family", "nosuch", check=False)
    assert p.returncode == 2 and "no samples of family" in p.stderr


@pytest.fixture(scope="module")
def report_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("export")
    db = d / "idx.db"
    ck("index", "--db", str(db), "--family", "kin", "--actor", "Alpha", "--confidence", "0.9",
       *(str(fixture_path(n)) for n in KIN))
    ck("index", "--db", str(db), "--family", "third", "--actor", "Beta", str(fixture_path(LIB)))
    rep = d / "q.json"
    rep.write_text(ck("query", "--db", str(db), "--json", str(fixture_path("elf64-clang-O2")),
                      str(fixture_path(OTHER))).stdout)
    return db, rep


def test_stix_round_trip(report_db: tuple[Path, Path], tmp_path: Path) -> None:
    db, rep = report_db
    reports = json.loads(rep.read_text())
    q = next(r for r in reports if r["attribution"])
    out = tmp_path / "b.json"
    ck("export", "--db", str(db), "--format", "stix21", str(rep), "-o", str(out))
    bundle = stix2.parse(out.read_text(), allow_custom=False)
    objs = {o.id: o for o in bundle.objects}
    files = {o.hashes["SHA-256"]: o for o in objs.values() if o.type == "file"}
    assert q["sample"]["sha256"] in files
    sample = next(o for o in objs.values() if o.type == "malware" and not o.is_family
                  and files[q["sample"]["sha256"]].id in o.sample_refs)
    fam = next(o for o in objs.values() if o.type == "malware" and o.is_family and o.name == "kin")
    rels = [o for o in objs.values() if o.type == "relationship"]
    var = next(o for o in rels if o.relationship_type == "variant-of" and o.source_ref == sample.id)
    assert var.target_ref == fam.id
    assert var.confidence == round(100 * q["attribution"]["confidence"]) and 0 <= var.confidence <= 100
    actor = next(o for o in objs.values() if o.type == "intrusion-set")
    assert actor.name == "Alpha"
    assert any(o.relationship_type == "attributed-to" and o.target_ref == actor.id for o in rels)
    notes = [o for o in objs.values() if o.type == "note"]
    assert len(notes) == len(reports)
    note = next(n for n in notes if sample.id in n.object_refs)
    assert q["sample"]["sha256"] in note.content and "kin" in note.content
    # the unknown one: a note, no relationship from it
    unk = next(r for r in reports if not r["attribution"])
    unk_m = next(o for o in objs.values() if o.type == "malware" and not o.is_family
                 and files[unk["sample"]["sha256"]].id in o.sample_refs)
    assert not any(o.source_ref == unk_m.id for o in rels)
    # the index's labels, without reports
    idx = stix2.parse(ck("export", "--db", str(db), "--format", "stix21").stdout, allow_custom=False)
    vrels = [o for o in idx.objects if o.type == "relationship" and o.relationship_type == "variant-of"]
    assert len(vrels) == 3 and {o.confidence for o in vrels if "confidence" in o} >= {90}


def test_misp_round_trip(report_db: tuple[Path, Path], tmp_path: Path) -> None:
    db, rep = report_db
    q = next(r for r in json.loads(rep.read_text()) if r["attribution"])
    out = tmp_path / "e.json"
    ck("export", "--db", str(db), "--format", "misp", str(rep), "-o", str(out))
    ev = MISPEvent()
    ev.load(out.read_text())
    by_sha = {o.get_attributes_by_relation("sha256")[0].value: o for o in ev.objects if o.name == "file"}
    qo = by_sha[q["sample"]["sha256"]]
    tags = {t.name for t in ev.tags}
    assert 'codekin:family="kin"' in tags and 'codekin:actor="Alpha"' in tags
    assert {t.name for t in qo.get_attributes_by_relation("sha256")[0].tags} >= {'codekin:family="kin"'}
    refs = [r for r in qo.references if r.relationship_type == "variant-of"]
    assert refs
    partners = {o.uuid: sha for sha, o in by_sha.items()}
    kin_shas = {e["other_sha256"] for e in q["evidence"] if e["family"] == "kin"}
    assert all(partners[r.referenced_uuid] in kin_shas for r in refs)
    assert q["sample"]["sha256"] in qo.get_attributes_by_relation("text")[0].value
    idx = MISPEvent()
    idx.load(ck("export", "--db", str(db), "--format", "misp").stdout)
    assert len([o for o in idx.objects if o.name == "file"]) == 3


def test_validation_reports_hits_outside(shared_lib_db: Path) -> None:
    """The validator scans every indexed file: a rule on code every gcc build has (here the
    compiler's `.comment` note) is reported firing on the other family and on the library."""
    from codekin.render import yara as cy
    from codekin.store import open_store

    store = open_store(shared_lib_db)
    files = cy.corpus_files(store)
    store.close()
    kin = {f.sha256 for f in files if f.family == "kin"}
    v = cy.validate('rule gcc { strings: $a = "GCC: (" condition: $a }', files, kin)
    assert v["recall"] == 1.0 and v["scanned"] == 4
    assert {o["family"] for o in v["outside_hits"]} == {"other", "crt"}
    assert any(o["library"] for o in v["outside_hits"])


def test_masking_wildcards_what_moves() -> None:
    """Relative branch targets, RIP-relative and absolute addresses and pointers into the image are
    wildcarded; opcodes, registers, stack offsets and small constants stay."""
    from codekin.signatures import hex_string, mask_code

    code = bytes.fromhex(
        "e810000000"  # call rel32
        "7405"  # je rel8
        "488b0500100000"  # mov rax, [rip + 0x1000]
        "c744240844332211"  # mov dword [rsp + 8], 0x11223344 (a constant, not an address)
        "4883ec28"  # sub rsp, 0x28
        "c3")
    p = mask_code(code, 0x401000, 64, (0x400000, 0x500000))
    assert hex_string(p) == ("E8 ?? ?? ?? ?? 74 ?? 48 8B 05 ?? ?? ?? ?? C7 44 24 08 44 33 22 11 48 83 EC 28 C3")
    # x86: an absolute operand pointing into the image (push offset) is a relocation
    p32 = mask_code(bytes.fromhex("6800204000" "a100304000" "83c004" "c3"), 0x401000, 32, (0x400000, 0x410000))
    assert hex_string(p32) == "68 ?? ?? ?? ?? A1 ?? ?? ?? ?? 83 C0 04 C3"
