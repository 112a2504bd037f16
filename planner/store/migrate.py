"""Running the Alembic migrations of ``db/`` on a database of our own.

The Config is built in code with an absolute ``script_location`` (no
alembic.ini, no fileConfig). Migrations always run on a fresh database that
this program made (a copy of the data we know, see project.py), never on the
user's file and never on a file received from elsewhere.

SQLite DDL is transactional only if the driver leaves the transaction to us:
the engine turns pysqlite's own transaction handling off and emits BEGIN
itself (SQLAlchemy's documented recipe), so a migration that fails midway
leaves the database at its previous revision.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from ..resources import migrations_dir


def make_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir().resolve()))
    return cfg


def script_revisions() -> list[str]:
    """Revision ids of db/versions, oldest first."""
    script = ScriptDirectory.from_config(make_config())
    return [s.revision for s in reversed(list(script.walk_revisions()))]


def transactional_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        dbapi_connection.isolation_level = None  # no implicit BEGIN/COMMIT by pysqlite
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # batch mode recreates tables

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # noqa: ANN001
        conn.exec_driver_sql("BEGIN")

    return engine


def upgrade(path: Path, revision: str) -> None:
    """Bring the database at ``path`` (ours) to ``revision``."""
    engine = transactional_engine(path)
    try:
        with engine.connect() as conn:
            cfg = make_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            conn.commit()
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign key check failed after migration: {problems[:3]}")
    finally:
        engine.dispose()


def _main(argv: list[str]) -> int:
    """Developer helper: ``python -m planner.store.migrate revision "message"``."""
    if len(argv) == 2 and argv[0] == "revision":
        command.revision(make_config(), message=argv[1])
        return 0
    print('usage: python -m planner.store.migrate revision "message"', file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
