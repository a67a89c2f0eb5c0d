from __future__ import annotations

import numpy as np
import pytest
from conftest import fixture_path

from codekin.binary.loader import load_binary
from codekin.disasm.discover import extract
from codekin.fingerprint import features


@pytest.mark.parametrize("name", ["elf64-O0", "elf32-O2", "pe64-O2.exe", "hostile-O2"])
def test_fingerprints_in_groups_equal_one_pass(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Big binaries are fingerprinted in groups of functions (bounded memory); the groups must give
    exactly what one pass over all functions gives, column for column."""
    ex = extract(load_binary(fixture_path(name).read_bytes(), name=name))
    whole = features.fingerprint(ex)
    monkeypatch.setattr(features, "CHUNK_ROWS", 50)  # many groups, some functions bigger than a group
    parts = features.fingerprint(ex)
    assert len(whole) == len(ex.functions) > 10
    for f in ("address", "n_insns", "n_bytes", "n_blocks", "n_edges", "n_calls", "exact", "minhash", "bands"):
        a, b = getattr(whole, f), getattr(parts, f)
        assert a.dtype == b.dtype and np.array_equal(a, b), f
    assert whole.strings == parts.strings and whole.consts == parts.consts and whole.imports == parts.imports
    assert any(whole.strings) or any(whole.consts) or any(whole.imports)  # the list columns are exercised
