"""the explanation's summary is stored once, in its payload (erasure edited both copies)

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("explanations") as batch:
        batch.drop_column("summary")


def downgrade() -> None:
    op.add_column("explanations", sa.Column("summary", sa.Text(), nullable=False,
                                            server_default=""))
    with op.batch_alter_table("explanations") as batch:
        batch.alter_column("summary", server_default=None)
