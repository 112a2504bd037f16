"""Constants of the project file format that need no database library."""

from __future__ import annotations

# The first 16 bytes of every SQLite 3 database file.
MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id: the four ASCII bytes "TWPL" (stored at header offset 68).
APPLICATION_ID = 0x5457504C
# Alembic revisions this program knows, oldest first. Revision ids are zero-padded
# numbers so that a file from a newer program can be told from a foreign one;
# PRAGMA user_version holds the same number (header offset 60).
REVISIONS = (
    "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011",
    "0012",
)
HEAD_REVISION = REVISIONS[-1]
HEAD_GENERATION = int(HEAD_REVISION)
SUFFIX = ".twplan"

# Limits for files from outside (see docs/file-format.md).
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_TABLE_ROWS = 200_000
MAX_VALUE_BYTES = 1_000_000  # SQLITE_LIMIT_LENGTH: longest string/blob/row
OPEN_TIME_LIMIT = 30.0  # seconds of SQLite work allowed while reading a file
