"""Adapters for shipped reference data: ISO 3166 (via pycountry), classifiers, sectors."""
