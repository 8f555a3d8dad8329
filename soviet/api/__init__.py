"""The HTTP API: the same service the CLI uses, as JSON over HTTP (FastAPI, OpenAPI)."""

from soviet.api.app import create_app

__all__ = ["create_app"]
