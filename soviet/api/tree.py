"""``/api/organisation`` and ``/api/bodies``: the organisation and its council tree."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.api.plain import plain
from soviet.service.queries import sitting

router = APIRouter(tags=["organisation"])


@router.get("/organisation")
def organisation_view(org: Org) -> dict[str, Any]:
    """The organisation: its name, and the ledger's head (every act so far)."""
    state = org.state()
    return {"name": state.name, "seq": state.seq, "time": state.time,
            "bodies": len(state.bodies), "members": len(state.members)}


@router.get("/bodies")
def bodies_view(org: Org) -> list[dict[str, Any]]:
    """Every body of the tree, from the congress down."""
    state = org.state()
    return [plain(b) for b in state.bodies.values()]


@router.get("/bodies/{body}")
def body_view(body: str, org: Org) -> dict[str, Any]:
    """A body and who sits in it now (each seat's mandate)."""
    state = org.state()
    b = found(state.bodies, body, "body")
    return {**plain(b), "sitting": [plain(m) for m in sitting(state, body)]}
