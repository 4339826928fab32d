"""verification, clock, suppression register

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 18:39:12.438180
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import mailbot.tickets.models

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suppressions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("created_at", mailbot.tickets.models.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("channel", "value", name="uq_suppression"),
    )
    with op.batch_alter_table("suppressions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_suppressions_created_at"), ["created_at"], unique=False
        )

    op.create_table(
        "undeliverable_addresses",
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("since", mailbot.tickets.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
        ),
        sa.PrimaryKeyConstraint("address"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("automatic", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.create_index(
            "ix_outbox_recipient_created", ["recipient", "created_at"], unique=False
        )

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("on_behalf", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("confidence", sa.Double(), nullable=False, server_default="1.0")
        )
        batch_op.add_column(
            sa.Column(
                "clock_started_at", mailbot.tickets.models.UtcDateTime(timezone=True), nullable=True
            )
        )
        batch_op.add_column(sa.Column("extended_due_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("extension_reason", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column(
                "on_hold_since", mailbot.tickets.models.UtcDateTime(timezone=True), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column("closed_at", mailbot.tickets.models.UtcDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("verification_hash", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "verification_requested_at",
                mailbot.tickets.models.UtcDateTime(timezone=True),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column(
                "verification_expires_at",
                mailbot.tickets.models.UtcDateTime(timezone=True),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("verification_attempts", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column(
                "verification_reminded_at",
                mailbot.tickets.models.UtcDateTime(timezone=True),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column(
                "verified_at", mailbot.tickets.models.UtcDateTime(timezone=True), nullable=True
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("verified_at")
        batch_op.drop_column("verification_reminded_at")
        batch_op.drop_column("verification_attempts")
        batch_op.drop_column("verification_expires_at")
        batch_op.drop_column("verification_requested_at")
        batch_op.drop_column("verification_hash")
        batch_op.drop_column("closed_at")
        batch_op.drop_column("on_hold_since")
        batch_op.drop_column("extension_reason")
        batch_op.drop_column("extended_due_on")
        batch_op.drop_column("clock_started_at")
        batch_op.drop_column("confidence")
        batch_op.drop_column("on_behalf")

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_recipient_created")
        batch_op.drop_column("automatic")

    op.drop_table("undeliverable_addresses")
    with op.batch_alter_table("suppressions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suppressions_created_at"))

    op.drop_table("suppressions")
