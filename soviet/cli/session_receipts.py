"""One line for each act of a session and of what grows from sessions (the executive, the
control commission and the federation, motions sent up from below, convention practice), as
``soviet`` prints it when the act is recorded; see :mod:`soviet.cli.receipts`."""

from __future__ import annotations

from fractions import Fraction

from soviet.charter.period import Duration
from soviet.counting.motion import figure
from soviet.model.events import (
    AdmissionApplied,
    AdmissionDecided,
    AgendaItemAdded,
    AlternateSeated,
    AppealDecided,
    AttendanceRegistered,
    CaseAppealed,
    CaseDecided,
    CaseFiled,
    CaseHeard,
    CoalitionAnswered,
    CoalitionOffered,
    CompositeDrafted,
    ConditionExamined,
    ConvocationDemanded,
    CountEntered,
    CredentialsContested,
    CredentialsDecided,
    CredentialsReported,
    DecisionAnnulled,
    DissentRecorded,
    DomainEvent,
    FactionJoined,
    FactionLeft,
    FactionRegistered,
    FloorRequested,
    MotionAdmitted,
    MotionForwarded,
    MotionReferred,
    MotionSubmitted,
    MotionSupported,
    MotionWithdrawn,
    OfficeEnded,
    OfficerAppointed,
    PaidUpReported,
    PollClosed,
    PollOpened,
    ProxyEnded,
    ProxyGiven,
    SessionClosed,
    SessionConvened,
    SessionOpened,
    SpeechHeld,
    StrengthFixed,
    SubmissionMoved,
    SubmissionReferredBack,
    ThesesPublished,
    ThesesVoted,
    VoteCast,
)
from soviet.model.sessions import CHOICES
from soviet.model.state import State
from soviet.service.names import who

SECRECY = {"open": "show of hands", "named": "roll call", "secret": "secret ballot",
           "card": "card vote", "ballot": "secret ballot on devices"}
"""A poll's kind, as the chair announces it."""


def _named(state: State, who_or_what: str) -> str:
    """A member by name and id; a body (a unit demanding, an executive's theses) by its id."""
    return who(state, who_or_what) if who_or_what in state.members else who_or_what


def _parts(parts: dict[str, str]) -> str:
    """``yes 400, no 34``: vote figures as the ledger writes them, as an assembly reads them."""
    return ", ".join(f"{choice} {figure(Fraction(parts[choice]))}" for choice in CHOICES
                     if choice in parts)


def _credentials(event: CredentialsReported, state: State) -> str:
    report = ("credentials report" if event.number == 1
              else f"credentials report {event.number} (supplement)")
    line = f"{report} on {event.session}: {len(event.admitted)} admitted with a deciding vote"
    for heading, table in (("consultative vote", event.consultative),
                           ("contested", event.contested), ("refused", event.refused)):
        if table:
            line += f"; {heading}: " + ", ".join(f"{who(state, x)}, {why}"
                                                 for x, why in table.items())
    return line


def _motion(event: MotionSubmitted) -> str:
    if event.amends is not None:
        what = f"amendment {event.motion} to {event.amends}"
    elif event.annuls is not None:
        what = f"motion {event.motion} to annul {event.annuls}"
    elif event.against is not None:
        what = f"motion {event.motion} of no confidence in {event.against}"
    else:
        what = f"motion {event.motion}"
    if event.kind not in ("ordinary", "amendment", "annulment", "no_confidence"):
        what += f" ({event.kind.replace('_', ' ')})"
    return what


def session_act(event: DomainEvent, state: State) -> str:
    """The line for an act of a session, from its convocation to its decisions."""
    match event:
        case ConvocationDemanded():
            return (f"demand {event.demand}: {_named(state, event.by)} demands an extraordinary "
                    f"{event.body}: {event.grounds}")
        case SessionConvened():
            how = (f"an extraordinary session of {event.body} on {', '.join(event.demands)}"
                   if event.kind == "extraordinary" else f"a regular session of {event.body}")
            return f"{event.session} convened: {event.title}, {how}, to open on {event.opens}"
        case ThesesPublished():
            what = "counter-theses" if event.counter else "theses"
            authors = ", ".join(_named(state, a) for a in event.authors)
            return (f"{what} {event.theses} published for {event.session}: {event.title} "
                    f"(by {authors})")
        case ThesesVoted():
            votes = ", ".join(f"{t} {n:,}" for t, n in event.votes.items())
            return (f"{event.unit} votes on the theses of {event.session}: {votes}, "
                    f"{event.abstain:,} abstaining")
        case SessionOpened():
            return f"{event.session} opened on {event.on}"
        case SessionClosed():
            return f"{event.session} closed on {event.on}"
        case AttendanceRegistered():
            came = "present at" if event.present else "left"
            return f"{who(state, event.member)} {came} {event.session}"
        case CredentialsReported():
            return _credentials(event, state)
        case CredentialsContested():
            return (f"{who(state, event.member)}'s mandate contested by {who(state, event.by)}: "
                    f"{event.grounds}")
        case CredentialsDecided():
            poll = f" by {event.poll}" if event.poll else ""
            verdict = f"admitted on {event.mandate}" if event.admitted else "refused"
            return f"{who(state, event.member)} {verdict}{poll}: {event.reason}"
        case AgendaItemAdded():
            return f"item {event.item} on the agenda of {event.session}: {event.title}"
        case FloorRequested():
            return (f"{who(state, event.speaker)} asks for the floor on item {event.item}: "
                    f"{event.kind.replace('_', ' ')}")
        case SpeechHeld():
            limit = ("cut at the charter's limit" if event.cut else "no limit"
                     if event.limit is None else f"limit {Duration(event.limit)}")
            return (f"{who(state, event.speaker)} spoke on item {event.item} "
                    f"({event.kind.replace('_', ' ')}) for {Duration(event.seconds)}: {limit}")
        case MotionSubmitted():
            return (f"{_motion(event)} on item {event.item} of {event.session}, moved by "
                    f"{who(state, event.mover)}: {event.title}")
        case MotionSupported():
            return f"{who(state, event.member)} supports {event.motion}"
        case MotionAdmitted():
            return f"{event.motion} admitted for debate ({event.supporters} supporter(s))"
        case MotionWithdrawn():
            m = state.motions.get(event.motion)
            if m is not None and m.amends is not None and m.mover != event.by:
                return f"{event.motion} lapses with {m.amends}"
            return f"{event.motion} withdrawn by {who(state, event.by)}"
        case MotionReferred():
            return f"{event.motion} referred to {event.to}"
        case PollOpened():
            on = f" on {event.motion}" if event.motion else ""
            return (f"poll {event.poll} opened{on}: {event.question} "
                    f"({SECRECY.get(event.secrecy, event.secrecy)}, "
                    f"{event.kind.replace('_', ' ')} majority)")
        case VoteCast():
            carries = figure(Fraction(event.strength))
            voter = who(state, event.voter)
            if event.proxy_for is not None:
                voter += f" by proxy for {who(state, event.proxy_for)}"
            if event.whole:
                voter += f" for the whole of {event.delegation}'s delegation"
            if not event.parts:
                return f"{voter} takes a ballot in {event.poll} ({carries} votes)"
            if list(event.parts.values()) == [event.strength]:
                [choice] = event.parts
                return f"{voter} votes {choice} in {event.poll} with {carries}"
            return f"{voter} votes {_parts(event.parts)} in {event.poll} (carries {carries})"
        case CountEntered():
            tellers = ", ".join(_named(state, t) for t in event.tellers)
            counted = "the hall" if event.channel == "hall" else "the paper ballots"
            if event.delegation is not None:
                counted += f" of {event.delegation}'s delegation"
            return (f"tellers {tellers} count {counted} in {event.poll}: {_parts(event.parts)} "
                    f"({event.voters} voters)")
        case PollClosed():
            published = (f"; {len(event.ballots)} ballots published with their receipt codes"
                         if event.ballots else "")
            return (f"poll {event.poll} closed: {event.sentence}; charter {event.clause}"
                    f"{published}")
        case DissentRecorded():
            by = ", ".join(who(state, x) for x in event.by)
            return f"minority position on {event.motion} recorded ({by}): {event.statement}"
        case DecisionAnnulled():
            return f"{event.motion} annulled by {event.by}: {event.reason}"
    return _executive_act(event, state)


def _faction(state: State, faction: str) -> str:
    f = state.factions.get(faction)
    return f"{f.name} ({faction})" if f is not None else faction


def _executive_act(event: DomainEvent, state: State) -> str:
    """The line for an act of the executive: factions, coalition offers, officers."""
    match event:
        case FactionRegistered():
            members = ", ".join(who(state, x) for x in event.members)
            return f"faction {event.faction} {event.name} registered in {event.body}: {members}"
        case FactionJoined():
            return f"{who(state, event.member)} joined {_faction(state, event.faction)}"
        case FactionLeft():
            return f"{who(state, event.member)} left {_faction(state, event.faction)}"
        case CoalitionOffered():
            programme = f" (programme {event.programme})" if event.programme else ""
            return (f"offer {event.offer}: {_faction(state, event.by)} offers "
                    f"{_faction(state, event.faction)} {event.seats} seat(s) in "
                    f"{event.executive}, on condition: {event.condition}{programme}")
        case CoalitionAnswered():
            o = state.offers.get(event.offer)
            by = f" by {_faction(state, o.faction)}" if o is not None else ""
            answer = "accepted" if event.accepted else "declined"
            return f"offer {event.offer} {answer}{by}: {event.statement}"
        case OfficerAppointed():
            by = f" by {event.decision}" if event.decision else ""
            return (f"{event.office}: {who(state, event.holder)} appointed {event.portfolio} "
                    f"by {event.executive}{by}")
        case OfficeEnded():
            office = state.offices.get(event.office)
            held = (f" ({office.portfolio}, {who(state, office.holder)})"
                    if office is not None else "")
            by = f" by {event.decision}" if event.decision else ""
            return f"{event.office}{held} ends: {event.reason}{by}"
    return _case_act(event, state)


def _case_act(event: DomainEvent, state: State) -> str:
    """The line for a case before the control commission or an application to join."""
    match event:
        case CaseFiled():
            return (f"case {event.case} against {who(state, event.member)} filed with "
                    f"{event.commission} by {_named(state, event.by)}: {event.charges}")
        case CaseHeard():
            return (f"case {event.case}: the {event.side} heard from "
                    f"{_named(state, event.speaker)}: {event.statement}")
        case CaseDecided():
            until = f" until {event.until}" if event.until else ""
            return (f"case {event.case}, {event.penalty}{until}: {event.sentence}; charter "
                    f"{event.clause}")
        case CaseAppealed():
            return f"case {event.case} appealed to {event.to}: {event.grounds}"
        case AppealDecided():
            verdict = "reversed" if event.reversed else "upheld"
            return f"appeal in case {event.case}: the decision is {verdict} by {event.motion}"
        case AdmissionApplied():
            return f"application {event.application}: {event.organisation} applies to join"
        case ConditionExamined():
            found = "met" if event.met else "not met"
            note = f": {event.note}" if event.note else ""
            return f"{event.application}, condition {event.number}: {found}{note}"
        case AdmissionDecided():
            a = state.applications.get(event.application)
            name = f"{a.organisation} ({event.application})" if a else event.application
            verdict = "admitted" if event.admitted else "refused admission"
            return f"{name} {verdict} by {event.motion}"
    return _submission_act(event, state)


def _submission_act(event: DomainEvent, state: State) -> str:
    """The line for a motion sent up from below, a composite, and what the session did."""
    match event:
        case MotionForwarded():
            return (f"{event.submission}: {who(state, event.from_body)} sends "
                    f"\"{event.title}\" to {event.session} on its decision {event.decision} "
                    f"(event {event.decision_seq})")
        case CompositeDrafted():
            consent = ", ".join(f"{x} ({event.consent[x]})" for x in event.replaces)
            return (f"composite {event.composite} for {event.session}: \"{event.title}\", "
                    f"replacing {consent}")
        case SubmissionMoved():
            return f"{event.submission} moved as {event.motion}"
        case SubmissionReferredBack():
            return f"{event.submission} referred back: {event.reason}"
    return _convention_act(event, state)


def _convention_act(event: DomainEvent, state: State) -> str:
    """The line for the figures a delegation's strength is counted from, proxies and
    alternates seated."""
    match event:
        case PaidUpReported():
            return f"{event.unit}: {event.members:,} members paid up in {event.month}"
        case StrengthFixed():
            figures = ", ".join(f"{e} {figure(Fraction(f))}" for e, f in event.basis.items())
            return f"{event.session}: delegations carry {event.how}: {figures}"
        case ProxyGiven():
            return (f"{who(state, event.giver)} leaves {event.session}; "
                    f"{who(state, event.holder)} holds their proxy")
        case ProxyEnded():
            return f"the proxy of {who(state, event.giver)} ends ({event.reason})"
        case AlternateSeated():
            return (f"{who(state, event.alternate)} ({event.mandate}) sits at {event.session} "
                    f"in the place of {who(state, event.absent)}")
    return event.TYPE
