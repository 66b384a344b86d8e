"""Who may do what: roles checked by every write, and user accounts with their logins."""
