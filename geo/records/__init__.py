"""Visits and agreements: writing them (audited), reading them as tables, exports, backup, the sample."""
