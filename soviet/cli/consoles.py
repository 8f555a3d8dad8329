"""The two consoles every command prints on, set once.

Rich folds a printed line at the terminal's width (80 columns when the output is piped), which
would cut a hash, an id, a URL or a receipt code that a script reads or a user copies. In soft
wrap mode a line goes out whole and the terminal wraps it only as it shows it.
"""

from __future__ import annotations

from rich.console import Console

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
