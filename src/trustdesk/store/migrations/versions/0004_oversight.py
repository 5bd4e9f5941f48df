"""human oversight: the kill switch's pauses, handoff reason codes, review queue, feedback

Revision ID: 0004
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
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
    op.create_table(
        "feedback",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("conversation_id", sa.String(length=32), nullable=False),
        sa.Column("customer_id", sa.String(length=32), nullable=False),
        sa.Column("decision_id", sa.String(length=32), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("given_by", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"],
                                name=op.f("fk_feedback_conversation_id_conversations")),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"],
                                name=op.f("fk_feedback_decision_id_decisions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    op.create_index(op.f("ix_feedback_conversation_id"), "feedback", ["conversation_id"],
                    unique=False)
    op.create_index("ix_feedback_created", "feedback", ["created_at"], unique=False)
    op.add_column("decisions", sa.Column("reason_code", sa.String(length=32), nullable=True))
    op.add_column("conversations", sa.Column("handoff_code", sa.String(length=32), nullable=True))
    op.add_column("conversations", sa.Column("language", sa.String(length=8), nullable=True))
    op.add_column("review_tasks", sa.Column("priority", sa.String(length=8), nullable=False,
                                            server_default="normal"))
    with op.batch_alter_table("review_tasks") as batch:  # the default was for existing rows
        batch.alter_column("priority", server_default=None)
    for name, kind in (("due_at", sa.DateTime(timezone=True)), ("language", sa.String(8)),
                       ("claimed_by", sa.String(32)), ("claimed_at", sa.DateTime(timezone=True)),
                       ("escalated_at", sa.DateTime(timezone=True))):
        op.add_column("review_tasks", sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("review_tasks") as batch:
        for name in ("escalated_at", "claimed_at", "claimed_by", "language", "due_at",
                     "priority"):
            batch.drop_column(name)
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("language")
        batch.drop_column("handoff_code")
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("reason_code")
    op.drop_index("ix_feedback_created", table_name="feedback")
    op.drop_index(op.f("ix_feedback_conversation_id"), table_name="feedback")
    op.drop_table("feedback")
    op.drop_index("ix_ai_pauses_resumed_at", table_name="ai_pauses")
    op.drop_table("ai_pauses")
