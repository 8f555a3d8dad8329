"""Domain state: events declared once, and the fold from events to frozen State."""

from soviet.model.events import EVENT_TYPES, DomainEvent, decode
from soviet.model.fold import Replay, fold
from soviet.model.recorded import FoldError, Until
from soviet.model.state import Member, State

__all__ = [
    "EVENT_TYPES",
    "DomainEvent",
    "FoldError",
    "Member",
    "Replay",
    "State",
    "Until",
    "decode",
    "fold",
]
