"""What a route needs from the application: the process's organisation."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from soviet.service import Organisation


def organisation(request: Request) -> Organisation:
    org: Organisation = request.app.state.organisation
    return org


Org = Annotated[Organisation, Depends(organisation)]
