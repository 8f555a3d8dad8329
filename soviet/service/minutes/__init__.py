"""The minutes of a session, written from the ledger as an assembly's secretary writes them:
the session and its convocation, the pre-congress discussion, attendance, credentials and the
agenda, then each item as it was debated, with every decision's minority position beside it,
and the annulments. Every entry cites the event that records it.

:func:`minutes_document` builds the content once; :func:`minutes` writes it as Markdown,
:func:`~soviet.service.minutes.html.html_page` turns that Markdown into a web page, and
:func:`~soviet.service.minutes.pdf.pdf` typesets the same content through Typst.
"""

from __future__ import annotations

from collections.abc import Iterable

from soviet.model.recorded import Recorded
from soviet.model.state import State
from soviet.service.minutes.debate import agenda_items, annulments
from soviet.service.minutes.document import Document
from soviet.service.minutes.markdown import markdown
from soviet.service.minutes.opening import (
    agenda,
    attendance,
    convocation,
    credentials,
    discussion,
    heading,
)
from soviet.service.minutes.record import record


def minutes_document(state: State, events: Iterable[Recorded], session_id: str) -> Document:
    """The minutes of ``session_id`` from ``state`` and the ledger's ``events`` up to it;
    a LookupError if the state has no such session."""
    r = record(state, events, session_id)
    return Document(f"Minutes: {r.session.title}", (
        *heading(r), *convocation(r), *discussion(r), *attendance(r), *credentials(r),
        *agenda(r), *agenda_items(r), *annulments(r.state, r.session)))


def minutes(state: State, events: Iterable[Recorded], session_id: str) -> str:
    """The minutes of ``session_id`` as Markdown."""
    return markdown(minutes_document(state, events, session_id))
