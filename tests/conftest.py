"""Shared fixtures: the seed article, a built kit, and real-client tool lookup."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT / "articles" / "000_b99e290821005e18.txt"

# In CI (.ci/run sets GLOSSARY_REQUIRE_CLIENTS=1) a missing real client is a failure, not a skip.
REQUIRE_CLIENTS = os.environ.get("GLOSSARY_REQUIRE_CLIENTS") == "1"


def require_tool(command: str, package: str) -> str:
    """Path of ``command``; skip (locally) or fail (in CI) naming the Debian/PyPI package."""
    path = shutil.which(command)
    if path is None:
        message = f"{command} not found: install the {package} package"
        if REQUIRE_CLIENTS:
            pytest.fail(message)
        pytest.skip(message)
    return path


def require_module(name: str, package: str):
    """Import ``name`` or skip (locally) / fail (in CI) naming the package to install."""
    try:
        return __import__(name)
    except ImportError:
        message = f"python module {name} missing: pip install {package}"
        if REQUIRE_CLIENTS:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def seed_article() -> Path:
    return SEED


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    """A fresh build of the seed article into a temporary project folder."""
    from glossary.cli import main

    out = tmp_path / "kit"
    assert main(["build", str(SEED), "--out", str(out)]) == 0
    return out
