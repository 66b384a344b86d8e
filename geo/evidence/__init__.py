"""Evidence: photos and signed documents attached to agreements and visits (issue 18)."""
