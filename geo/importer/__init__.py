"""Importing visits and agreements from CSV and XLSX files as offices really write them.

    plan = plan_import(engine, "agreements", read_table(path))   # dry run: nothing written
    plan.counts()          # {"add": .., "update": .., "unchanged": .., "reject": ..}
    commit_import(engine, plan, actor=principal)                 # editors only; one transaction, all or nothing
    rejected_table(plan, "id")                                   # the rejected rows with their reasons

Rows are matched on a natural key (agreements: document number; visits: the
visit code, or official + date when the file has no code), so importing the
same file twice changes nothing. Region names go through
``geo.regions.lookup.resolve``; an ambiguous or unknown name rejects the row and
shows the candidates.
"""
