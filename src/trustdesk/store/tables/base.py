"""The declarative base every table module shares, and helpers for Core statements."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, MetaData, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


def table(mapped: type[Base]) -> Table:
    """The Core table of a mapped class, for statements that skip the ORM."""
    t = mapped.__table__
    assert isinstance(t, Table)
    return t


def column_values(row: Base) -> dict[str, Any]:
    """A mapped row as {column: value}, for Core INSERTs that skip the unit of work."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}


def timestamp() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), nullable=False)
