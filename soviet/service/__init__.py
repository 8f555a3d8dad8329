"""Service layer: the Organisation facade that runs commands in transactions."""

from soviet.service.organisation import Organisation

__all__ = ["Organisation"]
