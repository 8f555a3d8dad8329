"""What a route needs from the application: the process's organisation."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from soviet.service import Organisation


async def organisation(request: Request) -> Organisation:
    """(``async``: it does no I/O, so it need not take a trip through the thread pool.)"""
    org: Organisation = request.app.state.organisation
    return org


Org = Annotated[Organisation, Depends(organisation)]
