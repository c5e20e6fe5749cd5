"""Shipped data: reference code lists and the demo dataset."""
