"""Hypothesis profiles: ``dev`` (default), ``ci`` (CI=true), ``fuzz`` (long runs).

Select one with ``HYPOTHESIS_PROFILE=...``; CI sets ``CI=true`` and gets ``ci``.

- ``dev``: quick, for the edit-test loop (50 examples; the example database
  replays what failed before first).
- ``ci``: bounded and derandomized (100 examples, the same ones every run, no
  database), so a CI failure reproduces and the suite's time is steady.
- ``fuzz``: long runs that look for new failures:
  ``HYPOTHESIS_PROFILE=fuzz pytest -m fuzz -p no:cacheprovider``.

A test's own ``@settings(max_examples=N)`` overrides the profile: use it only
to lower the count where generating an example is slow.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# dev and fuzz start from hypothesis' own defaults, not from the profile loaded at
# import (hypothesis loads `ci` itself when CI is set): fuzzing stays random there too.
settings.register_profile(
    "dev",
    settings.get_profile("default"),
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Extend hypothesis' own `ci` profile (derandomized, no database) rather than replace it.
settings.register_profile(
    "ci",
    settings.get_profile("ci"),
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    settings.get_profile("default"),
    max_examples=20_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(params=SEEDS, ids=[p.stem for p in SEEDS])
def seed_path(request: pytest.FixtureRequest) -> Path:
    """Each bundled seed article."""
    return request.param  # type: ignore[no-any-return]
