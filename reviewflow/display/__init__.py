"""Display helpers the pages and templates share: findings grouped, audit events in words, text marks and diffs."""
