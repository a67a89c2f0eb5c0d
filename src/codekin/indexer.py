"""Indexing: inputs -> (in worker processes) extraction and fingerprints -> the store, one sample per
transaction. Bad files are reported and skipped; duplicates (by sha256) are skipped."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codekin.binary.container import iter_inputs
from codekin.binary.loader import DEFAULT_MAX_SIZE
from codekin.errors import CodekinError, MalformedError
from codekin.fingerprint import FunctionPrints, fingerprint
from codekin.fingerprint.sample import sample_record
from codekin.pipeline import DEFAULT_TIME_BUDGET, analyse_bytes
from codekin.store.base import LabelSpec, SampleRecord, Store


@dataclass(slots=True)
class Prepared:
    name: str
    record: SampleRecord | None = None
    prints: FunctionPrints | None = None
    error: dict[str, Any] | None = None


@dataclass
class IndexReport:
    indexed: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"indexed": self.indexed, "skipped": self.skipped, "errors": self.errors,
                "summary": {"indexed": len(self.indexed), "skipped": len(self.skipped), "errors": len(self.errors)}}


def prepare(data: bytes, name: str, time_budget: float | None = DEFAULT_TIME_BUDGET,
            max_size: int = DEFAULT_MAX_SIZE) -> list[Prepared]:
    """Bytes -> fingerprints of each image in them (pure; runs in a worker)."""
    out: list[Prepared] = []
    for res in analyse_bytes(data, name=name, time_budget=time_budget, max_size=max_size):
        if res.error is not None:
            out.append(Prepared(res.name, error=_err(res.error)))
            continue
        ex = res.extraction
        assert ex is not None
        try:
            prints = fingerprint(ex)
        except (ValueError, IndexError, OverflowError) as exc:
            out.append(Prepared(res.name, error=_err(MalformedError(f"fingerprinting failed: {exc}", path=res.name))))
            continue
        rec = sample_record(ex, data, int(prints.n_insns.sum()))
        # the file's absolute path: reindex, yara and compare re-read it from wherever they run
        path = Path(name)
        rec.info["path"] = str(path.resolve()) if path.is_file() else name
        out.append(Prepared(res.name, rec, prints))
    return out


def _err(e: CodekinError) -> dict[str, Any]:
    d: dict[str, Any] = e.to_dict()
    stage = getattr(e, "stage", None)
    if stage:
        d["stage"] = stage
    return d


def _work(args: tuple[bytes, str, float | None, int]) -> list[Prepared]:
    return prepare(*args)


def index_paths(store: Store, paths: list[str], label: LabelSpec, *, jobs: int = 1,
                time_budget: float | None = DEFAULT_TIME_BUDGET, max_size: int = DEFAULT_MAX_SIZE,
                progress: Callable[[str], None] | None = None, total_hint: Callable[[int], None] | None = None,
                ) -> IndexReport:
    report = IndexReport()
    seen: set[str] = set()

    def inputs() -> Iterator[tuple[bytes, str, str]]:
        for inp in iter_inputs(paths, max_size=max_size):
            if inp.data is None:
                assert inp.error is not None
                report.errors.append({"name": inp.name, "error": _err(inp.error)})
                if progress:
                    progress(inp.name)
                continue
            sha = hashlib.sha256(inp.data).hexdigest()
            if sha in seen or store.has_sample(sha):
                report.skipped.append({"name": inp.name, "sha256": sha, "reason": "duplicate"})
                if progress:
                    progress(inp.name)
                continue
            seen.add(sha)
            yield inp.data, inp.name, sha

    def store_results(results: list[Prepared]) -> None:
        for p in results:
            if p.error is not None:
                report.errors.append({"name": p.name, "error": p.error})
                continue
            assert p.record is not None and p.prints is not None
            if store.has_sample(p.record.sha256):
                report.skipped.append({"name": p.name, "sha256": p.record.sha256, "reason": "duplicate"})
                continue
            store.add_sample(p.record, p.prints, label)
            report.indexed.append({"name": p.name, "sha256": p.record.sha256, "functions": p.record.n_functions})

    if jobs <= 1:
        for data, name, _ in inputs():
            store_results(prepare(data, name, time_budget, max_size))
            if progress:
                progress(name)
        return report

    pool = ProcessPoolExecutor(max_workers=jobs)
    pending: dict[Future[list[Prepared]], str] = {}
    try:
        it = inputs()
        exhausted = False
        while True:
            while not exhausted and len(pending) < jobs * 2:
                try:
                    data, name, _ = next(it)
                except StopIteration:
                    exhausted = True
                    break
                pending[pool.submit(_work, (data, name, time_budget, max_size))] = name
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                name = pending.pop(fut)
                try:
                    store_results(fut.result())
                except BrokenProcessPool:
                    # a worker died (a parser crashed on hostile input): report, start a new pool
                    report.errors.append({"name": name, "error": {"code": "crashed", "message":
                                          "the analysis worker died on this file", "path": name}})
                    for f2, n2 in list(pending.items()):
                        f2.cancel()
                        report.errors.append({"name": n2, "error": {"code": "crashed", "message":
                                              "lost with a crashed worker; index it again", "path": n2}})
                    pending.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = ProcessPoolExecutor(max_workers=jobs)
                if progress:
                    progress(name)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return report


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def reindex(store: Any, *, jobs: int = 1) -> dict[str, Any]:
    """Recompute every sample's fingerprints from its file (found by the path recorded at index time,
    checked by sha256), keeping its labels; then mark the index current."""
    from pathlib import Path

    labels = {s.sha256: s for s in store.samples().values()}
    done, missing = [], []
    for sha, path in store.sample_paths():
        p = Path(path.split(":", 1)[0]) if path else None
        data = p.read_bytes() if p is not None and p.is_file() else None
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            missing.append({"sha256": sha, "path": path, "reason": "file not found or changed"})
            continue
        lbl = labels[sha]
        prepared = [x for x in prepare(data, path) if x.record is not None and x.record.sha256 == sha]
        if not prepared:
            missing.append({"sha256": sha, "path": path, "reason": "no longer analysable"})
            continue
        src = store.db.execute(
            "SELECT source, confidence FROM attributions a JOIN samples s ON s.id = a.sample_id "
            "WHERE s.sha256=? ORDER BY a.id DESC LIMIT 1", (sha,)).fetchone()
        store.delete_sample(sha)
        store.add_sample(prepared[0].record, prepared[0].prints, LabelSpec(
            family=lbl.family, actor=lbl.actor, source=src[0] if src else None, confidence=src[1] if src else None,
            library=lbl.library, goodware=lbl.goodware))
        done.append(sha)
    if not missing:
        store.mark_current()
    return {"reindexed": len(done), "missing": missing, "stale": store.version_mismatch()}
