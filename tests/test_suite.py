"""The suite's own set-up: the hypothesis profiles conftest.py registers."""

from __future__ import annotations

from hypothesis import settings


def test_profiles_are_quick_bounded_and_long() -> None:
    dev, ci, fuzz = (settings.get_profile(name) for name in ("dev", "ci", "fuzz"))
    assert dev.max_examples < ci.max_examples < fuzz.max_examples
    assert ci.derandomize and ci.database is None and ci.deadline is None  # the same examples every run
    assert not dev.derandomize and not fuzz.derandomize  # these look for new failures
