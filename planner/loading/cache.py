"""The per-user cache of parsed data files.

Parsing the TOML (pure Python) is most of the cost of loading (~25 ms of ~30 ms
at every start). The parsed data of the files is therefore kept, as JSON, in a
per-user cache folder, named by the SHA-256 of the files' bytes: a changed file
is a different name, so a stale cache is never used. The cached data goes through
the same validation as freshly parsed TOML; only data that passed it is cached.
Set ``TELEWORK_PLANNER_CACHE`` to a folder to move the cache, or to an empty value
to turn it off.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

_CACHE_FORMAT = b"telework-planner catalog cache 1\n"
MAX_CACHE_BYTES = 64_000_000  # far above the catalog's and the word lists' size


def user_cache_dir() -> Path | None:
    """The per-user cache folder, or None when ``TELEWORK_PLANNER_CACHE`` is empty."""
    env = os.environ.get("TELEWORK_PLANNER_CACHE")
    if env is not None:
        return Path(env) if env else None
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "TeleworkPlanner" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "telework-planner"


def files_stamp(paths: list[Path]) -> bytes:
    """The files' names, sizes and times: part of a kept file's name, so that a file
    changed, replaced or upgraded (a new executable, library or font) makes a new name."""
    parts = []
    for f in paths:
        try:
            st = f.stat()
            parts.append(f"{f.name}\0{st.st_size}\0{st.st_mtime_ns}\0")
        except OSError:
            parts.append(f"{f.name}\0-\0")
    return "".join(parts).encode("utf-8", "surrogatepass")


def read_kept(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of a kept file, or None: missing, unreadable, not a regular file (a FIFO
    would never end: start-up would hang) or larger than any this program writes."""
    from ..domain.errors import PlannerError
    from .datafile import read_small_file

    try:
        return read_small_file(path, max_bytes)
    except (OSError, PlannerError):
        return None


def mark_used(path: Path) -> None:
    """A kept file used now: the last of its folder to be removed by ``prune_oldest``."""
    try:
        os.utime(path)
    except OSError:
        pass


def prune_oldest(folder: Path, pattern: str, keep: int) -> None:
    """Remove the least recently used files matching ``pattern`` beyond ``keep``."""

    def used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    files = sorted(folder.glob(pattern), key=used)
    for old in files[: max(0, len(files) - keep)]:
        old.unlink(missing_ok=True)


def cache_file(cache_dir: Path, raw: dict[str, bytes], kind: str) -> Path:
    """The cache file of these files' bytes (``kind``: "catalog", "words", …)."""
    import hashlib

    h = hashlib.sha256(_CACHE_FORMAT)
    for name, data in raw.items():
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return cache_dir / f"{kind}-{h.hexdigest()[:40]}.json"


def _tagged(obj: Any) -> Any:
    if isinstance(obj, date | time | datetime):  # TOML's date and time values
        return {_TAG: type(obj).__name__, "v": obj.isoformat()}
    raise TypeError(f"cannot cache {type(obj).__name__}")


def _untagged(d: dict[str, Any]) -> Any:
    if _TAG in d:
        return {"date": date, "time": time, "datetime": datetime}[d[_TAG]].fromisoformat(d["v"])
    return d


_TAG = "$toml-value"


def _has_tag_key(obj: Any) -> bool:
    if isinstance(obj, dict):
        return _TAG in obj or any(_has_tag_key(v) for v in obj.values())
    if isinstance(obj, list):
        return any(_has_tag_key(v) for v in obj)
    return False


def read_cache(cache: Path, raw: dict[str, bytes]) -> dict[str, dict[str, Any]] | None:
    """The parsed files from the cache, or None (missing, unreadable or not of these files)."""
    import json

    raw_cache = read_kept(cache, MAX_CACHE_BYTES)
    if raw_cache is None:
        return None
    try:
        data = json.loads(raw_cache.decode("utf-8"), object_hook=_untagged)
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(data, dict) or set(data) != set(raw):
        return None
    if not all(isinstance(v, dict) for v in data.values()):
        return None
    return data


def write_cache(cache: Path, parsed: dict[str, dict[str, Any]]) -> None:
    """Write the cache atomically; a cache that cannot be written is no error."""
    import json

    if _has_tag_key(parsed):
        return  # a key that looks like our tag: such data is not cached
    try:
        text = json.dumps(parsed, default=_tagged, ensure_ascii=False, allow_nan=False)
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
        tmp.write_bytes(text.encode("utf-8"))
        os.replace(tmp, cache)
        kind = cache.name.split("-", 1)[0]
        for old in cache.parent.glob(f"{kind}-*.json"):
            if old != cache:
                old.unlink(missing_ok=True)
    except (OSError, TypeError, ValueError):
        pass
