"""human oversight: the kill switch's pauses, handoff reason codes

Revision ID: 0004
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ai_pauses",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("paused_by", sa.String(length=80), nullable=False),
        sa.Column("paused_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resumed_by", sa.String(length=80), nullable=True),
        sa.Column("resumed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resume_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ai_pauses")),
    )
    op.create_index("ix_ai_pauses_resumed_at", "ai_pauses", ["resumed_at"], unique=False)
    op.add_column("decisions", sa.Column("reason_code", sa.String(length=32), nullable=True))
    op.add_column("conversations", sa.Column("handoff_code", sa.String(length=32), nullable=True))
    op.add_column("conversations", sa.Column("language", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("language")
        batch.drop_column("handoff_code")
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("reason_code")
    op.drop_index("ix_ai_pauses_resumed_at", table_name="ai_pauses")
    op.drop_table("ai_pauses")
