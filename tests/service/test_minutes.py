"""The minutes of the congress of :mod:`tests.service.congress`: what each section says, with
the figures, sentences, roll calls and event numbers of the ledger; a secret ballot that shows
no choice; text that users wrote shown as written in Markdown, HTML and Typst; and a PDF."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typst

from soviet.rules import convocation, executive, sessions
from soviet.service import Organisation
from soviet.service.minutes import minutes, minutes_document
from soviet.service.minutes.html import html_page
from soviet.service.minutes.markdown import escape, markdown
from soviet.service.minutes.pdf import pdf, typst_source
from tests.rules.sessions import CONVENED, NORTH, OPENS, SOUTH, convention, delegates, sitting
from tests.rules.test_executive import carried
from tests.rules.tree import build
from tests.service.congress import HOSTILE, Congress, congress_at


@pytest.fixture(scope="module")
def congress(tmp_path_factory: pytest.TempPathFactory) -> Congress:
    return congress_at(f"sqlite:///{tmp_path_factory.mktemp('minutes') / 'ledger.db'}")


@pytest.fixture(scope="module")
def text(congress: Congress) -> str:
    return minutes(congress.state, congress.events, congress.session)


def seq(c: Congress, type_: str, **payload: object) -> int:
    """The number of the one event of ``type_`` whose payload has these values."""
    [found] = [e.seq for e in c.events if e.type == type_
               and all(e.payload.get(k) == v for k, v in payload.items())]
    return found


def after(text: str, start: str, end: str) -> str:
    """The part of ``text`` from the line starting ``start`` up to the next ``end``."""
    i = text.index(start)
    return text[i:text.index(end, i + len(start))]


def test_the_heading_discussion_and_attendance(congress: Congress, text: str) -> None:
    c = congress
    s = c.state.sessions[c.session]
    assert text.startswith("# Minutes: Fifth Congress\n\nCongress (congress), regular session ")
    assert f"- Convened on {CONVENED} to open on {OPENS} (event {s.seq}).\n" in text
    opened = seq(c, "session.opened", session=c.session)
    assert re.search(rf"- Opened on {OPENS} \(event {opened}, recorded \d{{4}}-\d\d-\d\d "
                     r"\d\d:\d\d:\d\d UTC\)\.", text)
    th, ct = c.theses
    assert "**Counter-theses " + ct + ": Counter-theses** by Member 7 of n2 (n2m7), " in text
    # the units' votes added up by level: North has only N1's, the congress both units'
    assert f"| body | units | {th} | {ct} | abstain | event |" in text
    assert "| Congress (congress) | 2 | 900 | 68 | 12 |  |" in text
    assert (f"| N1 (n1) | 1 | 600 | 39 | 11 | {seq(c, 'theses.voted', unit='n1')} |") in text
    assert text.index("| Congress (congress)") < text.index("| North (north)") \
        < text.index("| N1 (n1)") < text.index("| South (south)")
    left = seq(c, "attendance.registered", member="s2m1", present=False)
    row = next(line for line in text.splitlines() if line.startswith("| Member 1 of s2 (s2m1)"))
    assert row.endswith(f"| {OPENS} (event {left}, recorded {row.split('recorded ')[-1]}")


def test_credentials_with_the_contested_mandate_and_its_poll(congress: Congress,
                                                           text: str) -> None:
    c = congress
    part = after(text, "## Credentials", "## Agenda")
    report = seq(c, "credentials.reported", session=c.session)
    assert (f"**Report 1** on {OPENS} (event {report}): 240 seats authorised, 7 registered, "
            "5 admitted with a deciding vote, 1 with a consultative vote, 0 contested, 1 refused."
            ) in part
    assert "| Member 4 of n1 (n1m4) | consultative vote | invited guest |" in part
    assert "| Member 9 of n1 (n1m9) | refused | holds no mandate in Congress |" in part
    assert (f"**Contested** Member 1 of n2 (n2m1)'s mandate, by Member 1 of s1 (s1m1) on "
            f"{OPENS} (event {seq(c, 'credentials.contested')}): elected after the deadline."
            ) in part
    assert f"**Poll {c.admit}: Admit n2m1?** open vote (show of hands), procedure" in part
    mandate = c.state.sessions[c.session].credentials.admitted["n2m1"]
    assert (f"**Decided** Member 1 of n2 (n2m1) admitted on {mandate} on {OPENS} "
            f"(event {seq(c, 'credentials.decided')}): the deadline was met.") in part
    assert part.index(f"**Poll {c.admit}") < part.index("**Decided**")
    assert ("**Standing** 240 seats authorised, 7 registered, 5 admitted with a deciding vote, "
            "1 with a consultative vote, 0 contested, 1 refused.") in part
    assert "| Member 1 of n1 (n1m1) | 650 | yes 650 |" in part  # n2m1 not admitted yet
    assert f"Poll {c.admit}" not in after(text, "## Agenda", "## Annulments")


def test_a_poll_on_a_bare_question_before_the_agenda_is_procedure(congress: Congress,
                                                                  text: str) -> None:
    c = congress
    part = after(text, "## Procedure", "## Item 1")
    assert text.index("## Agenda") < text.index("## Procedure")
    count = c.state.polls[c.orders].counts[0].seq
    assert part.startswith(
        f"## Procedure\n\n**Poll {c.orders}: Adopt the standing orders?** open vote (show of "
        f"hands), procedure decision, opened on {OPENS} (event {c.state.polls[c.orders].seq})."
        f"\n\n**Tellers' count (hall)** by Member 4 of n1 (n1m4): yes 2000, no 0, abstain 0, "
        f"for 5 voter(s) (event {count}).\n\n")
    assert "**Result: adopted** adopted: 2000 for of 2000 present" in part


def test_a_roll_call_with_its_figures_sentence_and_roll(congress: Congress, text: str) -> None:
    c = congress
    part = after(text, f"**Poll {c.roll} on {c.cut}: Delete the strike clause**",
                 f"**Amendment {c.deadline}")
    assert "| for | against | abstaining | present | seats | counted on | needed |" in part
    assert "| 783 | 1217 | 0 | 2000 | 2000 | 2000 | 1000 |" in part
    closed = c.state.polls[c.roll].outcome
    assert closed is not None
    clause = escape(closed.clause)
    assert clause.startswith("\\[congress.majority\\].amendment = {fraction = 1/2")
    assert (f"**Result: rejected** rejected: 783 for of 2000 cast, more than 1/2 (1000) "
            f"required; the majority is more than 1/2 of votes cast, under the charter's "
            f"{clause} (closed on {OPENS}, event {closed.seq}).") in part
    cast = c.state.polls[c.roll].cast
    for voter, name, carries, voted in [("n1m1", "Member 1 of n1", "434", "no 434"),
                                        ("n2m1", "Member 1 of n2", "433", "yes 433"),
                                        ("s2m1", "Member 1 of s2", "350", "yes 350")]:
        assert f"| {name} ({voter}) | {carries} | {voted} | {cast[voter].seq} |" in part
    assert f"status: rejected (event {closed.seq})" in text


def test_speeches_and_the_motion_as_moved(congress: Congress, text: str) -> None:
    c = congress
    item = after(text, "## Item 1: Programme of action", "## Item 2")
    held = [e.seq for e in c.events if e.type == "speech.held"]
    assert (f"**Speech** Member 1 of s2 (s2m1), point of order, 1 min, cut at the time limit "
            f"of 1 min (event {held[0]}).") in item
    assert f"**Speech** Member 2 of n1 (n1m2), contribution, 3 min 20 s (event {held[1]})." \
        in item
    assert "> For the programme." in item
    m = c.state.motions[c.motion]
    supported = seq(c, "motion.supported", motion=c.motion)
    assert (f"**Motion {c.motion}: Programme of action** ordinary decision, moved by Member 1 "
            f"of n1 (n1m1) on {OPENS} (event {m.seq}); supported by Member 1 of s1 (s1m1) "
            f"(event {supported}); admitted (event {supported + 1}); status: adopted "
            f"(event {m.decided}).") in item
    assert (f"**Amendment {c.cut} to {c.motion}: Delete the strike clause**") in item
    assert (f"If adopted, {c.motion} would read:\n\n> The federation adopts the programme "
            "without 4.") in item
    # in ledger order: speeches, the motion, its amendments and their polls, then its own
    order = [item.index(x) for x in ("**Speech**", f"**Motion {c.motion}",
                                     f"**Poll {c.roll}", f"**Poll {c.hands}",
                                     f"**Poll {c.adopt}")]
    assert order == sorted(order)


def test_the_decision_as_amended_with_the_minority_beside_it(congress: Congress,
                                                             text: str) -> None:
    c = congress
    m = c.state.motions[c.motion]
    [dissent] = m.dissents
    hands = c.state.polls[c.hands]
    assert (f"**Tellers' count (hall)** by Member 4 of n1 (n1m4): yes 1300, no 700, abstain 0, "
            f"for 5 voter(s) (event {hands.counts[0].seq}).") in text
    assert (f"**Amendment {c.deadline} adopted** {c.motion} is amended (event "
            f"{c.state.motions[c.deadline].decided}) to read:") in text
    decision = (f"**Decision {c.motion}: Programme of action** adopted on {OPENS} (event "
                f"{m.decided}), as amended by {c.deadline}:\n\n"
                "> The federation adopts the programme by 2027.\n\n"
                "**Minority position** held by Member 1 of s1 (s1m1), Member 1 of s2 (s2m1), "
                f"recorded on {OPENS} (event {dissent.seq}); both positions recorded:\n\n"
                "> The south holds the strike clause premature.\n")
    assert decision in text
    assert dissent.seq > c.state.polls[c.annul_poll].seq  # recorded later, written beside it


def test_a_secret_ballot_never_shows_a_choice(congress: Congress, text: str) -> None:
    c = congress
    part = after(text, f"**Poll {c.secret} on {c.hostile}", "**Result")
    cast = sorted(v.seq for v in c.state.polls[c.secret].cast.values())
    assert (f"**Ballots given out** to 5 voter(s): Member 1 of n1 (n1m1), Member 2 of n1 "
            f"(n1m2), Member 1 of n2 (n2m1), Member 1 of s1 (s1m1), Member 1 of s2 (s2m1) "
            f"(events {cast[0]} to {cast[-1]}). A secret ballot's choice is never recorded."
            ) in part
    assert "voted" not in part and "| voter |" not in part
    assert "**Tellers' count (paper)** by Member 4 of n1 (n1m4): yes 700, no 1300" in part
    assert "**Result: rejected** rejected: 700 for of 2000 cast" in text


def test_annulments_on_both_sides(congress: Congress, text: str) -> None:
    c = congress
    target = c.state.motions[c.annulled]
    assert target.annulled is not None
    assert (f"**{c.annulled} annulled** Strike now, a decision of North (north) at session "
            f"{c.north} (event {target.decided}), was annulled by {c.annul} on {OPENS} (event "
            f"{target.annulled.seq}). The reason given:\n\n"
            "> The congress alone calls a general strike.") in text[text.index("## Annulments"):]
    assert (f"**Motion {c.annul} to annul {c.annulled}: Annul the North strike** annulment "
            f"decision") in text
    north = minutes(c.state, c.events, c.north)
    assert (f"status: adopted (event {target.decided}), annulled by {c.annul} on {OPENS} "
            f"(event {target.annulled.seq})") in north
    assert (f"**{c.annulled} annulled** Strike now, adopted at event {target.decided}, was "
            f"annulled on {OPENS} by {c.annul} of Congress (congress) at session {c.session} "
            f"(event {target.annulled.seq}).") in north
    assert "Pre-congress discussion" not in north


def test_markdown_escapes_what_users_wrote(text: str) -> None:
    assert ("> \\<script\\>alert(\"x\")\\</script\\> \\& \\*all\\* out \\#now for \\$5 "
            "\\_each\\_ @chair \\<b\\> \\[1\\](http://x)\\\n"
            "> 1\\. and \\~so\\~ on \\| \\`here\\` \\\\\n") in text
    assert "Hostile \\*title\\*" in text


def test_the_html_page_escapes_what_users_wrote(congress: Congress) -> None:
    c = congress
    page = html_page(minutes_document(c.state, c.events, c.session))
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert "<title>Minutes: Fifth Congress</title>" in page and "<style>" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *all* out #now" in page
    assert "<script>" not in page and "<b>" not in page and "href=" not in page
    assert "<em>" not in page and "<del>" not in page and "<code>" not in page
    assert f"<strong>Motion {c.hostile}: Hostile *title*</strong>" in page
    assert "<table>" in page and "<blockquote>" in page


def test_typst_shows_what_users_wrote_and_makes_a_pdf(congress: Congress) -> None:
    c = congress
    doc = minutes_document(c.state, c.events, c.session)
    source = typst_source(doc).encode()
    quoted = [q["body"]["text"] for q in json.loads(typst.query(source, "quote"))
              if q["body"].get("func") == "text"]
    assert HOSTILE in quoted
    assert json.loads(typst.query(source, "emph")) == []
    assert json.loads(typst.query(source, "math.equation")) == []
    made = pdf(doc)
    assert made.startswith(b"%PDF-") and len(made) > 10_000


def test_the_same_minutes_from_the_same_ledger(congress: Congress, text: str) -> None:
    """Pure: a replay of the ledger gives the same minutes; an unknown session is named."""
    c = congress
    assert minutes(c.state, iter(c.events), c.session) == text
    assert markdown(minutes_document(c.state, c.events, c.session)) == text
    with pytest.raises(LookupError, match="there is no session 'S99'"):
        minutes(c.state, c.events, "S99")


def test_an_extraordinary_session_names_its_demands(tmp_path: Path) -> None:
    with Organisation.open(f"sqlite:///{tmp_path / 'ledger.db'}") as org:
        t = delegates(build(org, convention()))
        [d1] = t(convocation.demand, "congress", "n1", "the strike", "2026-02-01")
        [d2, convened] = t(convocation.demand, "congress", "s1", "the lockout", "2026-02-02")
        out = minutes(t.state, org.ledger.events(), str(convened.payload["session"]))
    assert "Congress (congress), extraordinary session " in out
    assert ("## Convocation\n\nConvened as an extraordinary session on 2 demand(s):\n\n"
            f"- {d1.payload['demand']} by N1 (n1) on 2026-02-01: the strike (event {d1.seq}).\n"
            f"- {d2.payload['demand']} by S1 (s1) on 2026-02-02: the lockout (event {d2.seq}).\n"
            ) in out
    assert "- Not opened.\n" in out and "these minutes stand as of event" in out


def test_no_confidence_names_its_target_and_what_it_ended(tmp_path: Path) -> None:
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        t = delegates(build(org, convention()))
        t.elect("congress", "exec", NORTH)
        [appointed] = t(executive.appoint, "exec", "n1m2", "Treasurer", OPENS)
        office = appointed.payload["office"]
        s = sitting(t)
        m = carried(t, s, "s1m1", "s2m1", dict.fromkeys(NORTH + SOUTH, "yes"),
                    title="No confidence in the executive", against="exec")
        t(sessions.close_session, s, OPENS)
        text = minutes(org.state(), org.ledger.events(), s)
    assert f"Motion {m} of no confidence in Executive (exec)" in text
    assert f"office {office} ended (event" in text
    assert "3 seat(s) on Executive (exec) ended" in text
