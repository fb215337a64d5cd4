"""core.collector: the cycle collector is paused for a block and restored as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from shoeadvisor.core.collector import collector_paused
from shoeadvisor.core.fit import score_shoes


@pytest.fixture
def collecting() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_on_again_after(collecting: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_on_again_after_an_error(collecting: None) -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_left_off_when_it_was_off(collecting: None) -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_scoring_leaves_the_collector_as_it_found_it(collecting: None) -> None:
    seen: list[bool] = []

    def shoes() -> Iterator[object]:
        seen.append(gc.isenabled())
        yield from ()

    score_shoes((), shoes())  # type: ignore[arg-type]
    assert seen == [False]  # paused while the shoes were scored
    assert gc.isenabled()
