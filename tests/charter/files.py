"""Where the charter files the tests read live."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNION = ROOT / "charters" / "union-federation.toml"
SOVIET_1918 = ROOT / "charters" / "soviet-1918.toml"
DOCS = ROOT / "docs" / "charter.md"
