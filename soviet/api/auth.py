"""Logging in and out, and who is asking.

A login (password or one-time code) opens a browser session: an HttpOnly, SameSite=Strict
cookie holding a random token (the database keeps only its digest). A script may send the same
token as ``Authorization: Bearer``. Every request that changes something and is authenticated
by the cookie must echo the session's CSRF token in ``X-CSRF-Token``: another site can make a
browser send the cookie, never read the token.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from soviet.accounts import Accounts, Login
from soviet.api.deps import Org
from soviet.api.limits import Limiter, TooMany
from soviet.rules.roles import must_preside, presides
from soviet.rules.voters import standing
from soviet.web.i18n import LANGUAGES

COOKIE = "soviet_session"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}

router = APIRouter(tags=["accounts"])


async def accounts(request: Request) -> Accounts:
    """(``async``: it does no I/O, so it need not take a trip through the thread pool.)"""
    found: Accounts = request.app.state.accounts
    return found


Store = Annotated[Accounts, Depends(accounts)]


def _token(request: Request) -> tuple[str | None, bool]:
    """The session token and whether it came in a cookie (so needs the CSRF check)."""
    bearer = request.headers.get("authorization", "")
    if bearer.lower().startswith("bearer "):
        return bearer[7:].strip(), False
    return request.cookies.get(COOKIE), True


async def caller(request: Request) -> Login | None:
    """The logged-in member making the request, if any (CSRF checked on changes). A login
    looked up a moment ago is answered from memory, and one in a local SQLite file is looked
    up on the event loop (a few microseconds: less than the trip to a thread, which a vote
    storm would pay two thousand times); only a PostgreSQL server is asked from the thread
    pool. (The store is read here rather than as a dependency of its own: each dependency
    costs every request its resolution.)"""
    store = await accounts(request)
    token, by_cookie = _token(request)
    login = None
    if token:
        login = store.remembered(token) or (store.login(token) if store.local
                                            else await run_in_threadpool(store.login, token))
    if login is not None and by_cookie and request.method in UNSAFE \
            and request.headers.get("x-csrf-token") != login.csrf:
        raise HTTPException(403, "the X-CSRF-Token header must carry this session's token")
    return login


async def signed_in(request: Request) -> Login:
    """The logged-in member making the request; 401 if nobody is. (One dependency, not one on
    ``caller``: FastAPI resolves each dependency of each request anew.)"""
    login = await caller(request)
    if login is None:
        raise HTTPException(401, "log in first (POST /api/login)")
    return login


Caller = Annotated[Login | None, Depends(caller)]
Member = Annotated[Login, Depends(signed_in)]


class Credentials(BaseModel):
    """A member id and password, or a one-time code alone."""

    member: str | None = None
    password: str | None = Field(default=None, max_length=1000)
    code: str | None = Field(default=None, max_length=40)


def limited(request: Request, who: str) -> None:
    """Count one try at a password or code, from the caller's address and for ``who``; a 429
    with ``Retry-After`` once either has had its tries (:mod:`soviet.api.limits`)."""
    limiter: Limiter = request.app.state.limiter
    address = request.client.host if request.client else "?"
    try:
        limiter.attempt(f"ip:{address}", who)
    except TooMany as e:
        raise HTTPException(429, str(e), headers={"Retry-After": str(e.wait)}) from None


@router.post("/login")
def login(body: Credentials, request: Request, response: Response, store: Store,
          org: Org) -> dict[str, Any]:
    """Log in with a password or a one-time code; sets the session cookie and answers the
    token (for ``Authorization: Bearer``) and the CSRF token (for ``X-CSRF-Token``)."""
    limited(request, f"member:{body.member or body.code}")
    if body.code:
        who = store.redeem_code(body.code)
    elif body.member and body.password and store.check_password(body.member, body.password):
        who = body.member
    else:
        who = None
    if who is None or who not in org.state().members:
        raise HTTPException(401, "wrong member, password or code")
    token = store.open_session(who)
    found = store.login(token)
    assert found is not None
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", max_age=12 * 3600)
    return {"member": who, "token": token, "csrf": found.csrf, "language": found.language}


@router.post("/logout", status_code=204)
def logout(request: Request, response: Response, store: Store, _: Member) -> None:
    token, _by_cookie = _token(request)
    if token:
        store.end_session(token)
    response.delete_cookie(COOKIE)


@router.get("/me")
def me(login: Member, org: Org) -> dict[str, Any]:
    """Who is logged in, and what the ledger lets them do now: the sitting sessions where
    they preside, and those where they may vote."""
    state = org.state()
    sitting = [s for s in state.sessions.values() if s.sitting]
    m = state.members.get(login.member)
    return {"member": login.member, "name": m.name if m else login.member,
            "csrf": login.csrf, "language": login.language,
            "presides": [s.id for s in sitting if presides(state, s, login.member)],
            "votes_in": [s.id for s in sitting if standing(state, s, login.member) is None]}


class Language(BaseModel):
    language: str = Field(description="en, sv or ru")


@router.post("/me/language", status_code=204)
def language(body: Language, login: Member, store: Store) -> None:
    """Choose the language of the pages."""
    if body.language not in LANGUAGES:
        raise HTTPException(422, f"language: one of {', '.join(LANGUAGES)}")
    store.set_language(login.member, body.language)


class CodeFor(BaseModel):
    session: str = Field(description="A session the caller presides at.")


@router.post("/members/{member_id}/code", status_code=201)
def code(member_id: str, body: CodeFor, login: Member, store: Store, org: Org
         ) -> dict[str, str]:
    """A one-time login code for a member, handed out at the door by whoever presides."""
    state = org.state()
    s = state.sessions.get(body.session)
    if s is None:
        raise HTTPException(404, f"there is no session {body.session!r}")
    must_preside(state, s.body, login.member, f"session {s.id}")
    if member_id not in state.members:
        raise HTTPException(404, f"there is no member {member_id!r}")
    return {"member": member_id, "code": store.issue_code(member_id)}
