"""KPIs first-class (baseline, target date, reading frequency; a reading's note and who entered it) and a visit's
goals by area (geo.monitoring.kpis, geo.analysis.goals)

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('progress_indicator') as batch:
        batch.add_column(sa.Column('baseline', sa.Float(), nullable=True))
        batch.add_column(sa.Column('target_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('frequency', sa.String(length=10), server_default='quarterly', nullable=False))
    with op.batch_alter_table('progress_reading') as batch:
        batch.add_column(sa.Column('note', sa.Text(), server_default='', nullable=False))
        batch.add_column(sa.Column('recorded_by', sa.String(length=64), server_default='', nullable=False))
    with op.batch_alter_table('visit') as batch:
        batch.add_column(sa.Column('goals', sa.JSON(), server_default='[]', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('visit') as batch:
        batch.drop_column('goals')
    with op.batch_alter_table('progress_reading') as batch:
        batch.drop_column('recorded_by')
        batch.drop_column('note')
    with op.batch_alter_table('progress_indicator') as batch:
        batch.drop_column('frequency')
        batch.drop_column('target_on')
        batch.drop_column('baseline')
