"""``newsgraph serve``: a local, read-only web app and JSON API over a newsgraph store."""

from newsgraph.web.app import create_app

__all__ = ["create_app"]
