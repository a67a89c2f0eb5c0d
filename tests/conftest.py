from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "bin"
# tests see no default library pack, whatever the machine has: each test sets up what it needs
os.environ["CODEKIN_LIBS"] = str(Path(__file__).parent / "fixtures" / "no-such-pack.db")
# prepared library packs (evidence/libs.py) go to a cache of the test session's own, not the user's
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="codekin-tests-cache-")


def fixture_path(name: str) -> Path:
    return FIXTURES / name


def truth(name: str) -> dict[int, str]:
    return {int(d["address"]): d["name"] for d in json.loads((FIXTURES / f"{name}.truth.json").read_text())}


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
