"""Monitoring of agreements: KPIs and their readings (``kpis``), the periodic report (``report``)."""
