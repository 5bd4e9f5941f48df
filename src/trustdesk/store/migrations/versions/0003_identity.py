"""identity: signed customer references (identity secrets), per-conversation tokens

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "identity_secrets",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("wrapped_secret", sa.LargeBinary(), nullable=False),
        sa.Column("kek_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retires_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_secrets")),
    )
    # Conversations started before this revision have no token: widgets can no longer
    # continue them (staff still can), which is the safe side of the change.
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("token_hash", sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column("identity_verified", sa.Boolean(), nullable=False,
                      server_default=sa.false())
        )
        batch.create_unique_constraint(op.f("uq_conversations_token_hash"), ["token_hash"])


def downgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.drop_constraint(op.f("uq_conversations_token_hash"), type_="unique")
        batch.drop_column("identity_verified")
        batch.drop_column("token_hash")
    op.drop_table("identity_secrets")
