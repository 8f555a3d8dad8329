"""A congress in real browsers: Debian's Chromium driven by Playwright against a real server.

The organisation, its delegates and the executive the congress elected are made through the
rules. Everything after happens in browser contexts of their own, one per person. The chair
(n2m1, of the executive) logs in on the login page, convenes the congress, publishes the
theses, opens it, registers the delegates at the door and reports on their credentials, while
the delegates' phones show them the vote they now carry; the chair puts an item on the agenda;
n1m1 moves a motion on it and s1m1 supports it; the chair opens a poll; n1m1, s1m1 and s2m1 vote;
the chair's page and the projector in the hall count them and show the result without being
reloaded. Then a secret ballot: each voter is given a receipt code, and after the close n1m1
checks theirs on the poll's page against the published ballots.

With ``SOVIET_SCREENSHOTS=DIR`` the test also saves a picture of each main page into DIR
(``docs/screenshots/take.py`` does this for the README).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect, sync_playwright

from soviet.service import Organisation
from tests.api.server import serving
from tests.api.test_api import PASSWORD, passwords
from tests.rules.sessions import convention, delegates
from tests.rules.tree import build

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHAIR = "n2m1"
VOTERS = ("n1m1", "s1m1", "s2m1")
PRESENT = ["n1m1", "n1m2", "s1m1", "s2m1"]
"""North's 1,300 votes divide between n1m1 and n1m2 (650 each), south's 700 between s1m1 and
s2m1 (350 each); the chair is not a delegate present, so presides without a vote."""
PHONE = ViewportSize(width=390, height=844)
DESK = ViewportSize(width=1280, height=900)
ITEM = "Resolution on the strike fund"


@pytest.fixture
def federation(tmp_path: Path) -> Iterator[str]:
    """The federation with its delegates to the congress and the congress's executive, served
    over real HTTP (its base URL); passwords for the chair and the voters. Its charter sets no
    length for the pre-congress discussion, so the congress may be convened and opened today."""
    url = f"sqlite:///{tmp_path / 'congress.db'}"
    charter = convention()
    charter["congress"] = {**charter["congress"], "discussion": None}
    with Organisation.open(url) as org:
        tree = delegates(build(org, charter))
        tree.elect("congress", "exec", [CHAIR])
    passwords(url, [CHAIR, *VOTERS])
    with serving(url) as base:
        yield base


@pytest.fixture
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


class Shots:
    """Pictures of the main pages, taken only when ``$SOVIET_SCREENSHOTS`` names a folder."""

    def __init__(self) -> None:
        folder = os.environ.get("SOVIET_SCREENSHOTS")
        self.folder = Path(folder) if folder else None

    def __call__(self, page: Page, name: str, whole: bool = True) -> None:
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=self.folder / f"{name}.png", full_page=whole)

    def existing(self, page: Page, path: str, name: str, whole: bool = True) -> None:
        """A page another part of the app may not serve yet: pictured only if it answers."""
        if self.folder is not None:
            response = page.goto(path)
            if response is not None and response.ok:
                self(page, name, whole)


def log_in(browser: Browser, base: str, member: str, phone: bool = False) -> Page:
    """A browser context of ``member``'s own, logged in with a password on the login page."""
    viewport = PHONE if phone else DESK
    context = browser.new_context(base_url=base, locale="en-GB", viewport=viewport,
                                  is_mobile=phone, has_touch=phone)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/login")
    form = page.locator("#password-login")
    form.get_by_label("Member number").fill(member)
    form.get_by_label("Password").fill(PASSWORD)
    form.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/")
    expect(page.locator("header.top")).to_contain_text(member)
    return page


def opened(page: Page, question: str) -> str:
    """The id of the open poll on ``question``, from the session's list of polls."""
    listed = page.locator("#polls li", has_text=question)
    expect(listed.locator(".badge")).to_have_text("open")
    return listed.get_by_role("link").inner_text()


def vote(page: Page, poll: str, choice: str) -> str:
    """Press the big button for ``choice`` in ``poll``; the message shown under it."""
    form = page.locator(f"#ballot-{poll}")
    form.get_by_role("button", name=choice, exact=True).click()
    message = form.locator("[data-result]")
    expect(message).to_contain_text("Your vote is recorded.")
    return message.inner_text()


def test_a_congress_from_convocation_to_adopted_resolution(federation: str,
                                                           browser: Browser) -> None:
    base = federation
    shots = Shots()
    chair = log_in(browser, base, CHAIR)

    # the executive convenes the congress from the home page, which lists it at once
    convening = chair.locator("#convene-congress")
    chair.locator("summary", has_text="Convene a session of Congress").click()
    convening.get_by_label("Title").fill("Fifth Congress")
    convening.get_by_label("Opens on").fill(date.today().isoformat())
    convening.get_by_role("button", name="Convene").click()
    expect(convening.locator("[data-result]")).to_have_text("Convened.")
    chair.get_by_role("link", name="Fifth Congress").click()
    chair.wait_for_url(re.compile(r"/sessions/\w+$"))
    s = chair.url.rsplit("/", 1)[1]

    # its theses are published for the discussion, then it opens
    console = chair.locator("#chair")
    theses = console.locator("#theses")
    theses.get_by_label("Theses for the discussion").fill("Theses on the strike movement")
    theses.get_by_label("Text").fill("The federation prepares the general strike.")
    theses.get_by_role("button", name="Publish the theses").click()
    expect(theses.locator("[data-result]")).to_have_text("The theses are published.")
    console.get_by_role("button", name="Open the session").click()
    expect(chair.locator("main > p.muted").first).to_contain_text("sitting since")

    # the delegates arrive at the door; their credentials are not reported on yet
    console.locator("summary", has_text="At the door").click()
    for n, member in enumerate(PRESENT, start=1):
        console.locator("#arrive").get_by_label("Member number").fill(member)
        console.locator("#arrive").get_by_role("button", name="Register arrival").click()
        expect(console.locator("#credentials")).to_contain_text(f"{n} present, 0 admitted")
    people = {x: log_in(browser, base, x, phone=True) for x in VOTERS}
    for page in people.values():
        page.goto(f"/sessions/{s}")
        expect(page.locator("#live")).to_have_text("live")
        expect(page.locator("#vote")).to_contain_text("credentials have not been admitted")
    hall = browser.new_context(base_url=base, locale="en-GB",
                               viewport=ViewportSize(width=1280, height=720)).new_page()
    hall.goto(f"/sessions/{s}/projector")
    expect(hall.locator("#screen")).to_contain_text("No poll yet.")
    expect(chair.locator("#live")).to_have_text("live")
    n1, s1, s2 = people.values()

    # the credentials report admits them: each phone shows the votes its delegate carries
    console.get_by_role("button", name="Report on credentials").click()
    expect(console.locator("#credentials")).to_contain_text("4 present, 4 admitted")
    for page, votes in zip(people.values(), ("650", "350", "350"), strict=True):
        expect(page.locator("#vote")).to_contain_text(f"You carry {votes} votes.")

    # the chair keeps the agenda; the delegates' pages show the new item as it is added
    console.locator("summary", has_text="Agenda and speakers").click()
    console.get_by_label("New item").fill(ITEM)
    console.get_by_role("button", name="Add to the agenda").click()
    for page in people.values():
        expect(page.locator("#floor")).to_contain_text(ITEM)

    # n1m1 moves a motion on it; s1m1 supports it, and it is admitted (one supporter suffices)
    card = n1.locator("#vote")
    card.locator("summary", has_text="Move a motion").click()
    move = card.locator("#move")
    move.get_by_label("Item").select_option(label=f"1. {ITEM}")
    move.get_by_label("Title").fill("Strike fund")
    move.get_by_label("Text").fill("The strike fund pays the dockers' strike pay from May.")
    move.get_by_role("button", name="Submit").click()
    expect(n1.locator("#move [data-result]")).to_have_text("Your motion is submitted.")
    motion = s1.locator("#floor li", has_text="Strike fund")
    expect(motion.locator(".badge")).to_have_text("submitted")
    expect(n1.locator("#floor li", has_text="Strike fund").get_by_role("button")).to_have_count(0)
    motion.get_by_role("button", name="Support").click()
    for page in (n1, s2, chair):
        expect(page.locator("#floor li", has_text="Strike fund").locator(".badge")).to_have_text(
            "admitted")

    # the chair opens a poll on it; every phone shows the question with its buttons
    opening = chair.locator("#open-poll")
    expect(opening.get_by_label("Motion")).to_contain_text("Strike fund")
    chosen = opening.locator("option", has_text="Strike fund").get_attribute("value")
    opening.get_by_label("Motion").select_option(chosen)
    opening.get_by_role("button", name="Open the poll").click()
    expect(console).to_contain_text("0 have voted")
    poll = opened(chair, "Strike fund")
    for page in people.values():
        expect(page.locator(f"#ballot-{poll}")).to_contain_text(
            "The strike fund pays the dockers' strike pay from May.")
    expect(hall.locator("#screen")).to_contain_text("Voting is open")
    shots(people["n1m1"], "session-delegate-phone")
    expect(chair.locator("#vote")).to_contain_text("You cannot vote now:")

    # three votes, counted on the chair's console and on the projector as they come
    vote(n1, poll, "Yes")
    vote(s1, poll, "Yes")
    expect(hall.locator("#voted")).to_have_text("2")
    vote(s2, poll, "No")
    expect(hall.locator("#voted")).to_have_text("3")
    expect(chair.locator(f"#close-{poll}")).to_contain_text("3 have voted")
    shots(chair, "session-chair")

    # a refusal, in the rule's own words: s2m1 presses a second button
    s2.locator(f"#ballot-{poll}").get_by_role("button", name="Yes", exact=True).click()
    expect(s2.locator(f"#ballot-{poll} [data-result]")).to_have_text(
        f"polls: s2m1 has already voted in poll {poll}")
    expect(s2.locator(f"#ballot-{poll} [data-result]")).to_have_class(re.compile("refused"))

    # the chair closes: the hall sees the bars and the result, everyone sees it adopted
    chair.locator(f"#close-{poll}").get_by_role("button", name="Close the poll").click()
    expect(hall.locator("#screen #result")).to_have_text("Adopted")
    expect(hall.locator("#screen .bar.yes")).to_contain_text("1000")
    expect(hall.locator("#screen .bar.no")).to_contain_text("350")
    shots(hall, "projector")
    for page in (chair, *people.values()):
        expect(page.locator("#polls li", has_text=poll).locator(".badge")).to_have_text("adopted")
        expect(page.locator("#floor li", has_text="Strike fund").locator(".badge")).to_have_text(
            "adopted")

    # a secret ballot: each voter is given a receipt code, and the box is published at the close
    opening.get_by_label("or a question").fill("Call a solidarity levy of one hour's pay")
    opening.get_by_label("How").select_option("ballot")
    opening.get_by_role("button", name="Open the poll").click()
    secret = opened(chair, "solidarity levy")
    receipts = {}
    for (who, page), choice in zip(people.items(), ("No", "Yes", "Yes"), strict=True):
        shown = vote(page, secret, choice)
        found = re.search(r"Your receipt code: (\S+)", shown)
        assert found is not None, shown
        receipts[who] = found.group(1)
    assert len(set(receipts.values())) == 3
    expect(chair.locator(f"#close-{secret}")).to_contain_text("3 have voted")
    chair.locator(f"#close-{secret}").get_by_role("button", name="Close the poll").click()
    expect(hall.locator("#screen #result")).to_have_text("Adopted")
    expect(hall.locator("#screen .bar.yes")).to_contain_text("700")
    expect(hall.locator("#screen .bar.no")).to_contain_text("650")

    # n1m1 checks their ballot by its receipt on the poll's page
    n1.locator("#polls").get_by_role("link", name=secret).click()
    n1.wait_for_url(f"{base}/polls/{secret}")
    check = n1.locator("#check")
    expect(check).not_to_contain_text("=>")
    check.get_by_label("Receipt code").fill(receipts["n1m1"].lower())
    check.get_by_role("button", name="Check").click()
    expect(check.locator("[data-result]")).to_have_text("counted as cast: no 650")
    published = n1.locator("#result table").last
    for who, code in receipts.items():
        row = published.locator("tr", has_text=code)
        expect(row).to_contain_text("350" if who != "n1m1" else "650")
    expect(published.locator("tr")).to_have_count(4)
    shots(n1, "poll-ballots")
    shots.existing(chair, "/", "home")
    shots.existing(chair, "/bodies/congress", "body")
    shots.existing(chair, "/ledger?verify=true", "ledger", whole=False)
