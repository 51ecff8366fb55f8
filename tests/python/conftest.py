import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"


@pytest.fixture
def seeds_dir():
    return SEEDS


@pytest.fixture
def seed():
    files = sorted(SEEDS.glob("*.txt"))
    return lambda i: files[i]
