"""Builder of the Viet Nam–China public-security cooperation dataset."""
__version__ = "0.1.0"   # the code's version; the data's version is decided by each release
