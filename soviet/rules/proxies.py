"""Proxies: a delegate who leaves the session may pass their vote, as ``[convention].proxies``
allows, to an alternate of their delegation present (``alternate``) or also to another
delegate of it (``delegation``); nobody holds more than ``proxy_cap`` proxies. The proxy ends
when the giver returns (see :func:`soviet.rules.sessions.register`), and is void once the
giver's seat ends (a recalled delegate's proxy cannot be used)."""

from __future__ import annotations

from soviet.model.events import DomainEvent, ProxyEnded, ProxyGiven
from soviet.model.state import State
from soviet.rules.refusal import Refusal, founded
from soviet.rules.sessions import sitting
from soviet.rules.voters import seat, standing

RULE = "proxies"


def give(state: State, session_id: str, giver: str, holder: str, on: str
         ) -> list[DomainEvent]:
    founded(state, RULE)
    s = sitting(state, session_id, RULE)
    conv = state.rules.convention
    clause = state.rules.cite("convention.proxies")
    if conv.proxies == "none":
        raise Refusal(RULE, "the charter allows no proxies", clause)
    why = standing(state, s, giver)
    if why is not None:
        raise Refusal(RULE, f"{why}: only a delegate with a vote passes it on")
    mine = seat(state, s, giver)
    assert mine is not None
    if holder not in s.present:
        raise Refusal(RULE, f"{holder} is not present at session {s.id}")
    theirs = [state.mandates[x] for x in state.held_by.get(holder, ())]
    alternate = any(m.body == s.body and m.role == "alternate"
                    and m.electorate == mine.electorate for m in theirs)
    fellow = conv.proxies == "delegation" and any(
        m.body == s.body and m.role == "delegate" and m.electorate == mine.electorate
        for m in theirs)
    if not (alternate or fellow):
        allowed = ("an alternate" if conv.proxies == "alternate"
                   else "an alternate or another delegate")
        raise Refusal(RULE, f"{holder} is not {allowed} of {mine.electorate}'s delegation",
                      clause)
    held = sum(1 for h in s.proxies.values() if h == holder)
    if conv.proxy_cap is not None and held >= conv.proxy_cap:
        raise Refusal(RULE, f"{holder} already holds {held} proxy(ies)",
                      state.rules.cite("convention.proxy_cap"))
    return [ProxyGiven(session=s.id, giver=giver, holder=holder, on=on)]


def withdraw(state: State, session_id: str, giver: str, on: str) -> list[DomainEvent]:
    founded(state, RULE)
    s = sitting(state, session_id, RULE)
    if giver not in s.proxies:
        raise Refusal(RULE, f"{giver} has given no proxy at session {s.id}")
    return [ProxyEnded(session=s.id, giver=giver, reason="withdrawn", on=on)]
