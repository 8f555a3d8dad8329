"""``/api/stream``: every act as it is recorded, as server-sent events."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from soviet.api.live import Live

router = APIRouter(tags=["live"])


@router.get("/stream", response_class=StreamingResponse)
def stream(request: Request, votes: bool = False) -> StreamingResponse:
    """Server-sent events, one ``act`` per act recorded (``seq``, ``type``, ``topics``,
    ``payload``); with ``votes=true`` also ``votes`` messages counting who has voted in a poll
    (at most one per poll each time the server looks)."""
    live: Live = request.app.state.live
    return StreamingResponse(live.stream(votes), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
