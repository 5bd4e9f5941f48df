"""privacy governance: access log, data-subject requests, leases, consent reasons

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("consents", sa.Column("reason", sa.String(length=32), nullable=True))
    op.add_column("consents", sa.Column("recorded_by", sa.String(length=80), nullable=True))
    op.create_table(
        "access_log",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("customer_id", sa.String(length=32), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=True),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
    )
    op.create_index("ix_access_log_created", "access_log", ["created_at"], unique=False)
    op.create_index(
        "ix_access_log_customer_created", "access_log", ["customer_id", "created_at"], unique=False
    )
    op.create_table(
        "data_subject_requests",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("customer_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("purposes", sa.JSON(), nullable=False),
        sa.Column("requested_by", sa.String(length=80), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_data_subject_requests_customer_id_customers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_subject_requests")),
    )
    op.create_index(
        op.f("ix_data_subject_requests_customer_id"),
        "data_subject_requests",
        ["customer_id"],
        unique=False,
    )
    op.create_index(
        "ix_data_subject_requests_status_due",
        "data_subject_requests",
        ["status", "due_at"],
        unique=False,
    )
    op.create_table(
        "governance_leases",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("holder", sa.String(length=80), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_governance_leases")),
    )
    op.create_index("ix_messages_created", "messages", ["created_at"], unique=False)
    op.create_index("ix_decisions_created", "decisions", ["created_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_decisions_created", table_name="decisions")
    op.drop_index("ix_messages_created", table_name="messages")
    op.drop_table("governance_leases")
    op.drop_index("ix_data_subject_requests_status_due", table_name="data_subject_requests")
    op.drop_index(
        op.f("ix_data_subject_requests_customer_id"), table_name="data_subject_requests"
    )
    op.drop_table("data_subject_requests")
    op.drop_index("ix_access_log_customer_created", table_name="access_log")
    op.drop_index("ix_access_log_created", table_name="access_log")
    op.drop_table("access_log")
    with op.batch_alter_table("consents") as batch:
        batch.drop_column("recorded_by")
        batch.drop_column("reason")
