"""Alembic environment for .twplan files: online only, on a connection we pass in.

No fileConfig() here: it would reconfigure (and silence) the program's loggers.
"""

from alembic import context

from planner.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through planner.store.migrate, which passes a connection")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
