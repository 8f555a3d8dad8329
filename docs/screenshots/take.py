"""Take the README's screenshots again: runs the browser test of a congress, which saves a
picture of each main page into this folder when ``$SOVIET_SCREENSHOTS`` names it.

    .venv/bin/python docs/screenshots/take.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

if __name__ == "__main__":
    os.environ["SOVIET_SCREENSHOTS"] = str(HERE)
    os.chdir(ROOT)
    sys.exit(pytest.main(["-q", "tests/e2e/test_congress.py"]))
