"""``soviet count``: count a ballot file (placeholder until the counting issue fills it)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def count_command(
    file: Annotated[Path, typer.Argument(help="Ballot file (BLT or CSV).")],
    method: Annotated[str, typer.Option("--method", "-m", help="Counting method.")] = "irv",
) -> None:
    """Count a ballot file and print every round."""
    raise typer.BadParameter(f"counting {file} with {method} is not available yet")
