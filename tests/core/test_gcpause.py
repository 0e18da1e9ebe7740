"""The garbage-collector pause: off inside, restored after (also on errors), never turned on by a nested pause."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from vollzug.gcpause import gc_paused


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@gc_paused
def _state() -> bool:
    return gc.isenabled()


@gc_paused
def _nested() -> tuple[bool, bool]:
    return _state(), gc.isenabled()


@gc_paused
def _fails() -> None:
    raise ValueError("boom")


def test_paused_inside_and_restored_after() -> None:
    assert _state() is False
    assert gc.isenabled()


def test_nested_pause_does_not_turn_the_collector_on_early() -> None:
    assert _nested() == (False, False)
    assert gc.isenabled()


def test_restored_after_an_error() -> None:
    with pytest.raises(ValueError, match="boom"):
        _fails()
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        assert _state() is False
        assert not gc.isenabled()
    finally:
        gc.enable()
