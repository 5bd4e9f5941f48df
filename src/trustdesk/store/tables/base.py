"""The declarative base every table module shares, and helpers for Core statements."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Dialect, MetaData, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in UTC, read back with its offset on every database.

    PostgreSQL's `timestamptz` returns aware datetimes; SQLite keeps the text and returns them
    naive. Every stored moment is written in UTC, so a naive one read back is UTC: services and
    responses see one kind of datetime whichever database is behind them.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is None:
            return value
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None,
                             dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON, list[Any]: JSON, datetime: UtcDateTime}


def table(mapped: type[Base]) -> Table:
    """The Core table of a mapped class, for statements that skip the ORM."""
    t = mapped.__table__
    assert isinstance(t, Table)
    return t


def column_values(row: Base) -> dict[str, Any]:
    """A mapped row as {column: value}, for Core INSERTs that skip the unit of work."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}


def timestamp() -> Mapped[datetime]:
    return mapped_column(UtcDateTime(), nullable=False)
