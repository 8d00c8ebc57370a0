"""Builder of the Viet Nam–China public-security cooperation dataset."""
__version__ = "0.1.0"   # the code's version; the data's version is decided by each release

from . import compiled as _compiled   # noqa: E402  (before any other module: see builder/compiled.py)

_compiled.install()
