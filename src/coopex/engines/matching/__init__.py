"""Matching: hybrid retrieval (semantic + lexical + codes), fusion and explanations."""
