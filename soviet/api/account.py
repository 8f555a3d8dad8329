"""``/api/account/password``: a member changes their own password, as ``soviet account
password`` sets one from the server's machine. The old password is asked for, so a browser
left signed in does not hand the account over; and each try counts against the login limit
(:mod:`soviet.api.limits`), so the form is no way round it to guess a password."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from soviet.api.auth import Member, Store, limited

router = APIRouter(tags=["accounts"])


class PasswordChange(BaseModel):
    old: str = Field(max_length=1000, description="The password in use now.")
    new: str = Field(max_length=1000, description="The new password: at least 10 characters.")


@router.post("/account/password", status_code=204)
def change_password(body: PasswordChange, request: Request, login: Member, store: Store
                    ) -> None:
    """Change the caller's password (stored as an argon2id hash). A wrong old password is a
    403; after the login limit's tries, from one address or for one member, a 429."""
    limited(request, f"member:{login.member}")
    if not store.check_password(login.member, body.old):
        raise HTTPException(403, "the old password is wrong")
    try:
        store.set_password(login.member, body.new)
    except ValueError as e:
        raise HTTPException(422, f"new: {e}") from None
