"""coopex: an industrial cooperation and localization exchange."""

__version__ = "0.1.0"
