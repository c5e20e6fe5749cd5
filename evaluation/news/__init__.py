"""News extraction quality on the shared development set (`../shared/eval/dev-news`)."""
