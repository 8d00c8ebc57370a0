"""Builder of the Viet Nam–China public-security cooperation dataset."""
__version__ = "0.1.0"
# The descriptor's `created` date: a release constant, not the clock, so builds are reproducible.
RELEASE_DATE = "2026-11-22T00:00:00Z"
