"""Use cases. Each public method is one transaction: it calls engines and storage."""
