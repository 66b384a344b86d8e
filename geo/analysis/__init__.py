"""What the records say: metrics per region, the month panel, the impact estimator, scores, reports."""
