"""Who may log in, and how: passwords, one-time codes handed out at the door, and browser
sessions. Kept beside the ledger, never in it: a login is not an act of the organisation, and
what a logged-in member may do is read from the ledger's state at each request."""

from soviet.accounts.store import Accounts, Login

__all__ = ["Accounts", "Login"]
