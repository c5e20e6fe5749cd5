"""Localization: assessing a product against a regime (`assess`, `batch`) and planning the
cheapest way to reach the threshold (`plan`)."""
