"""parties' feedback: per-agreement feedback codes and the feedback entries (geo.records.party_feedback)

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('feedback_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_by', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_index(op.f('ix_feedback_code_agreement_id'), 'feedback_code', ['agreement_id'], unique=False)
    op.create_table('party_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('code_id', sa.Integer(), nullable=True),
    sa.Column('party_region', sa.String(length=13), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('obstacles', sa.JSON(), nullable=False),
    sa.Column('suggestion', sa.Text(), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('client_key', sa.String(length=80), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('moderated_by', sa.String(length=200), nullable=True),
    sa.Column('moderated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['code_id'], ['feedback_code.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_party_feedback_agreement_id'), 'party_feedback', ['agreement_id'], unique=False)
    op.create_index(op.f('ix_party_feedback_code_id'), 'party_feedback', ['code_id'], unique=False)
    op.create_index(op.f('ix_party_feedback_received_at'), 'party_feedback', ['received_at'], unique=False)
    op.create_index(op.f('ix_party_feedback_client_key'), 'party_feedback', ['client_key'], unique=False)
    op.create_index(op.f('ix_party_feedback_status'), 'party_feedback', ['status'], unique=False)


def downgrade() -> None:
    op.drop_table('party_feedback')
    op.drop_table('feedback_code')
