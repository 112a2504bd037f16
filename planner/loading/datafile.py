"""Reading a data file (TOML) with clear errors, and reading a small file safely.

Every data file is TOML with a ``schema`` number. A wrong or missing value raises
ResourceError naming the file and the field path (``units[3].tasks[2].paper``).
The per-user cache of parsed files is in ``cache.py``.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ..domain.errors import ResourceError
from ..domain.text import L10n, shown

SUPPORTED_SCHEMA = 1  # the ``schema`` number every data file carries


# what a TOML value is, in words (for "expected …, found …")
_KIND_WORDS = {
    str: ("文字列", "text"),
    int: ("整数", "an integer"),
    float: ("小数", "a decimal number"),
    bool: ("true/false", "true or false"),
    list: ("配列 [ … ]", "a list [ … ]"),
    dict: ("表 { … }", "a table { … }"),
    datetime: ("日時", "a date and time"),
    date: ("日付", "a date"),
    time: ("時刻", "a time"),
}


def _kind_words(kind: type | tuple[type, ...]) -> L10n:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    words = [_KIND_WORDS.get(k, (k.__name__, k.__name__)) for k in kinds]
    return L10n("または".join(w[0] for w in words), " or ".join(w[1] for w in words))


def _value_kind(value: Any) -> L10n:
    for k in (bool, datetime, date, time):  # subclasses before their bases
        if isinstance(value, k):
            return L10n(*_KIND_WORDS[k])
    ja, en = _KIND_WORDS.get(type(value), (type(value).__name__, type(value).__name__))
    return L10n(ja, en)


def quoted(value: Any) -> str:
    """A value from a file, short and printable, in quotes (for a one-line message)."""
    return f"'{shown(value, 40)}'"


class Reader:
    """Typed access to one parsed file; every failure names file and field, in ja and en."""

    def __init__(self, name: str, raw: bytes, parsed: dict[str, Any] | None = None) -> None:
        self.name = name
        if parsed is None:
            parsed = self._parse(raw)
        self.data = parsed
        if self.data.get("schema") != SUPPORTED_SCHEMA:
            self.fail(
                "schema",
                L10n(
                    f"{SUPPORTED_SCHEMA} である必要があります（{quoted(self.data.get('schema'))}）",
                    f"expected {SUPPORTED_SCHEMA}, found {quoted(self.data.get('schema'))}",
                ),
            )

    def _parse(self, raw: bytes) -> dict[str, Any]:
        """The TOML of ``raw``; text that is not UTF-8 or nested too deeply is refused too."""
        import tomllib

        try:
            text = raw.decode("utf-8-sig")  # Notepad's UTF-8 with a byte-order mark is fine
        except UnicodeDecodeError:
            raise ResourceError(self.name, "-", NOT_UTF8) from None
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            where = re.search(r"line (\d+), column (\d+)", str(e))
            at_ja = f"（{where[1]}行目、{where[2]}列目）" if where else ""
            raise ResourceError(
                self.name, "-", L10n(f"TOMLとして読めません{at_ja}", f"not valid TOML ({e})")
            ) from None
        except RecursionError:
            raise ResourceError(self.name, "-", TOO_DEEP) from None

    def fail(self, field: str, problem: str | L10n) -> None:
        raise ResourceError(self.name, field, problem)

    def get(
        self, table: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...]
    ) -> Any:
        field = f"{where}.{key}" if where else key
        if key not in table:
            self.fail(field, MISSING)
        value = table[key]
        self.check_kind(value, field, kind)
        return value

    def check_kind(self, value: Any, field: str, kind: type | tuple[type, ...]) -> None:
        """Refuse a value of another kind (a bool is no integer, a datetime no date)."""
        kinds = kind if isinstance(kind, tuple) else (kind,)
        wrong = (
            not isinstance(value, kind)
            or (isinstance(value, bool) and bool not in kinds)
            or (isinstance(value, datetime) and datetime not in kinds)
        )
        if wrong:
            want, found = _kind_words(kind), _value_kind(value)
            self.fail(
                field,
                L10n(
                    f"{want.ja}を書いてください（{found.ja}が書かれています）",
                    f"expected {want.en}, found {found.en}",
                ),
            )

    def tables(self, table: dict[str, Any], key: str, where: str = "") -> list[tuple[str, dict]]:
        items = self.get(table, key, where, list)
        if not items:
            self.fail(f"{where}.{key}" if where else key, L10n("空の配列です", "empty list"))
        prefix = f"{where}.{key}" if where else key
        out = []
        for i, item in enumerate(items):
            self.check_kind(item, f"{prefix}[{i}]", dict)
            out.append((f"{prefix}[{i}]", item))
        return out

    def text(self, table: dict[str, Any], key: str, where: str) -> str:
        value = self.get(table, key, where, str)
        if not value.strip():
            self.fail(f"{where}.{key}", L10n("空です（文字を書いてください）", "empty text"))
        return value

    def l10n(self, table: dict[str, Any], key: str, where: str) -> L10n:
        sub = self.get(table, key, where, dict)
        field = f"{where}.{key}"
        return L10n(self.text(sub, "ja", field), self.text(sub, "en", field))

    def choice(self, table: dict[str, Any], key: str, where: str, choices: Iterable[str]) -> str:
        value = self.get(table, key, where, str)
        choices = tuple(choices)
        if value not in choices:
            listed = ", ".join(f"'{c}'" for c in choices)
            self.fail(
                f"{where}.{key}",
                L10n(
                    f"{quoted(value)} は使えません。次のいずれかを書いてください: {listed}",
                    f"{quoted(value)} is not one of {listed}",
                ),
            )
        return value

    def count(
        self,
        table: dict[str, Any],
        key: str,
        where: str,
        minimum: int = 0,
        maximum: int | None = None,
    ) -> int:
        value = self.get(table, key, where, int)
        if value < minimum or (maximum is not None and value > maximum):
            ja = f"{minimum}以上" if maximum is None else f"{minimum}から{maximum}の範囲"
            en = f"at least {minimum}" if maximum is None else f"between {minimum} and {maximum}"
            self.fail(
                f"{where}.{key}",
                L10n(f"{ja}で書いてください（{value}）", f"must be {en} (found {value})"),
            )
        return value

    def iso_date(self, table: dict[str, Any], key: str, where: str) -> date:
        field = f"{where}.{key}"
        value = table.get(key)
        if isinstance(value, datetime):
            self.fail(
                field,
                L10n(
                    "日付だけを書いてください（時刻のついた日時は使えません。例: 2025-01-10）",
                    "expected a date without a time of day (such as 2025-01-10)",
                ),
            )
        value = self.get(table, key, where, (str, date))
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(
                field,
                L10n(
                    f"{quoted(value)} は日付ではありません（例: 2025-01-10）",
                    f"{quoted(value)} is not a date such as 2025-01-10",
                ),
            )
            raise  # unreachable

    def unique(self, ids: list[str], field: str) -> None:
        seen: set[str] = set()
        for i in ids:
            if i in seen:
                self.fail(
                    field, L10n(f"id {quoted(i)} が重複しています", f"duplicate id {quoted(i)}")
                )
            seen.add(i)


MISSING = L10n("項目がありません", "missing")

# what stands at a path that is not a regular file (the store's messages say it the same way)
_FILE_KINDS = (
    (stat.S_ISDIR, "フォルダー", "a folder"),
    (stat.S_ISFIFO, "名前付きパイプ", "a named pipe (FIFO)"),
    (stat.S_ISCHR, "デバイス", "a device"),
    (stat.S_ISBLK, "デバイス", "a device"),
    (stat.S_ISSOCK, "ソケット", "a socket"),
)


def file_kind(mode: int) -> L10n:
    """フォルダー / a folder, 名前付きパイプ / a named pipe (FIFO), … for a non-regular ``st_mode``."""
    return next(
        (L10n(ja, en) for test, ja, en in _FILE_KINDS if test(mode)),
        L10n("特殊なファイル", "special"),
    )


def read_small_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else ResourceError naming it.

    A folder, a FIFO or a device is never read (stat first, then opened without
    blocking and checked again); OSError (gone, no permission) is the caller's.
    """
    st = os.stat(path)
    data = b""
    if stat.S_ISREG(st.st_mode) and st.st_size <= limit:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(f.fileno())  # what was opened: nothing swapped in between
            data = f.read(limit + 1) if stat.S_ISREG(st.st_mode) else b""
    mode, size = st.st_mode, max(st.st_size, len(data))
    if not stat.S_ISREG(mode):
        kind = file_kind(mode)
        raise ResourceError(
            path.name,
            "-",
            L10n(
                f"通常のファイルではありません（{kind.ja}）",
                f"not a regular file (it is {kind.en})",
            ),
        )
    if size > limit:
        raise too_large(path.name, size, limit)
    return data


def too_large(name: str, size: int, limit: int) -> ResourceError:
    return ResourceError(
        name,
        "-",
        L10n(
            f"ファイルが大きすぎます（{size:,}バイト。上限は{limit:,}バイト）",
            f"the file is too large ({size:,} bytes; at most {limit:,})",
        ),
    )


NOT_UTF8 = L10n(
    "文字コードがUTF-8ではありません。Shift_JISやUTF-16で保存したファイルは、UTF-8で保存し直してください",
    "the file is not UTF-8 text; save a Shift_JIS or UTF-16 file again as UTF-8",
)
TOO_DEEP = L10n("入れ子が深すぎます", "nested too deeply")
