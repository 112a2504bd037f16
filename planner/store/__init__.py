"""The project file (.twplan): save, open, migrate, recover, share, interchange.

Light on purpose: importing ``planner.store`` or its public modules (project,
interchange, recovery, lock, errors) imports no database library; SQLAlchemy,
SQLModel and Alembic are imported when a file is first opened or saved.
"""
