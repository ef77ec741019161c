"""Alembic environment: run programmatically by ``kiosk.store.migrate.upgrade`` with an open connection."""

from __future__ import annotations

from alembic import context

from kiosk.store.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
