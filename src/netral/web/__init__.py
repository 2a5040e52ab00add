"""The web room: FastAPI + Jinja2 + HTMX (public pages, officer workspace, API v1)."""

from netral.web.app import create_app

__all__ = ["create_app"]
