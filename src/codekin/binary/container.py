"""Inputs as (name, bytes): plain files, folders (recursively) and zip archives read member by
member in memory, with the malware-exchange password ``infected`` tried on encrypted members.
Nothing is ever unpacked to disk."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from codekin.errors import CodekinError, ContainerError, TooLargeError

DEFAULT_PASSWORDS = (b"infected", b"malware", b"virus")


@dataclass(slots=True)
class Input:
    name: str
    data: bytes | None
    error: CodekinError | None = None


def is_zip(data: bytes) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def iter_inputs(paths: list[str], *, max_size: int, passwords: tuple[bytes, ...] = DEFAULT_PASSWORDS,
                ) -> Iterator[Input]:
    """Every file under ``paths``; zip members are yielded as ``archive.zip:member``."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for f in sorted(files):
                    yield from _one(Path(root) / f, max_size, passwords)
        else:
            yield from _one(path, max_size, passwords)


def _one(path: Path, max_size: int, passwords: tuple[bytes, ...]) -> Iterator[Input]:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_size:
            raise TooLargeError(f"{size} bytes is over the size limit of {max_size}", path=name)
        data = path.read_bytes()
    except CodekinError as exc:
        yield Input(name, None, exc)
        return
    except OSError as exc:
        yield Input(name, None, ContainerError(f"cannot read: {exc.strerror or exc}", path=name))
        return
    if is_zip(data):
        yield from iter_zip(data, name, max_size=max_size, passwords=passwords)
    else:
        yield Input(name, data)


def iter_zip(data: bytes, name: str, *, max_size: int, passwords: tuple[bytes, ...] = DEFAULT_PASSWORDS,
             depth: int = 0) -> Iterator[Input]:
    try:
        import pyzipper  # AES-encrypted archives (the stdlib only knows ZipCrypto)

        zf: zipfile.ZipFile = pyzipper.AESZipFile(io.BytesIO(data))
    except ImportError:  # pragma: no cover - pyzipper is a dependency
        zf = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:
        yield Input(name, None, ContainerError(f"unreadable zip archive: {exc}", path=name))
        return
    with zf:
        try:
            infos = zf.infolist()
        except Exception as exc:
            yield Input(name, None, ContainerError(f"unreadable zip directory: {exc}", path=name))
            return
        for info in infos:
            if info.is_dir():
                continue
            member = f"{name}:{info.filename}"
            if info.file_size > max_size:
                yield Input(member, None, TooLargeError(
                    f"member of {info.file_size} bytes is over the size limit of {max_size}", path=member))
                continue
            try:
                blob = _read_member(zf, info, passwords, max_size)
            except CodekinError as exc:
                exc.path = member
                yield Input(member, None, exc)
                continue
            if is_zip(blob) and depth < 2:
                yield from iter_zip(blob, member, max_size=max_size, passwords=passwords, depth=depth + 1)
            else:
                yield Input(member, blob)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, passwords: tuple[bytes, ...], max_size: int,
                 ) -> bytes:
    encrypted = bool(info.flag_bits & 0x1)
    tries: tuple[bytes | None, ...] = passwords if encrypted else (None,)
    last: Exception | None = None
    for pw in tries:
        try:
            with zf.open(info, pwd=pw) as fh:
                blob = fh.read(max_size + 1)
            if len(blob) > max_size:
                raise TooLargeError(f"member expands past the size limit of {max_size}")
            return blob
        except CodekinError:
            raise
        except Exception as exc:  # bad password, corrupt stream, unsupported method
            last = exc
    what = "wrong password or corrupt member" if encrypted else "corrupt member"
    raise ContainerError(f"{what}: {last}")
