"""fairness: the operational attributes recorded with each decision

Revision ID: 0005
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decision_attributes",
        sa.Column("decision_id", sa.String(length=32), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("urgency", sa.Float(), nullable=False),
        sa.Column("urgency_band", sa.String(length=8), nullable=False),
        sa.Column("sentiment", sa.Float(), nullable=False),
        sa.Column("sentiment_band", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_decision_attributes_decision_id_decisions"),
        ),
        sa.PrimaryKeyConstraint("decision_id", name=op.f("pk_decision_attributes")),
    )


def downgrade() -> None:
    op.drop_table("decision_attributes")
