"""The web app (FastAPI): search, document and analyze pages with JSON twins.

>>> from sleukrith.web import create_app  # doctest: +SKIP
>>> app = create_app("sleukrith.db")  # doctest: +SKIP
"""

from sleukrith.web.app import MAX_BODY, create_app

__all__ = ["MAX_BODY", "create_app"]
