"""open vocabularies (terms, aliases), admin settings, and what the source wrote for a party or stop

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('vocabulary_term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('label_id', sa.String(length=200), nullable=False),
    sa.Column('label_en', sa.String(length=200), nullable=False),
    sa.Column('merged_into', sa.String(length=100), nullable=True),
    sa.Column('needs_review', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'key')
    )
    op.create_index(op.f('ix_vocabulary_term_kind'), 'vocabulary_term', ['kind'], unique=False)
    op.create_table('vocabulary_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'alias')
    )
    op.create_index(op.f('ix_vocabulary_alias_kind'), 'vocabulary_alias', ['kind'], unique=False)
    op.create_table('app_setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('agreement_party') as batch:
        batch.add_column(sa.Column('as_written', sa.String(length=300), nullable=True))
    with op.batch_alter_table('visit_stop') as batch:
        batch.add_column(sa.Column('as_written', sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('visit_stop') as batch:
        batch.drop_column('as_written')
    with op.batch_alter_table('agreement_party') as batch:
        batch.drop_column('as_written')
    op.drop_table('app_setting')
    op.drop_index(op.f('ix_vocabulary_alias_kind'), table_name='vocabulary_alias')
    op.drop_table('vocabulary_alias')
    op.drop_index(op.f('ix_vocabulary_term_kind'), table_name='vocabulary_term')
    op.drop_table('vocabulary_term')
