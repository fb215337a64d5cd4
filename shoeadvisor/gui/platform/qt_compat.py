"""Work-arounds for bugs in the Qt binding, each with a self-test so it switches itself off.

PySide6 6.12.0 on Python < 3.12 drops one reference to None every time a Python override
(QAbstractItemModel.data, headerData) returns None to C++. After a few thousand repaints
None's count reaches zero and the interpreter aborts ("none_dealloc: deallocating None").
Python 3.12+ makes None immortal, so the bug is harmless there. `none_safe` gives the
reference back whenever the binding is found to drop it.

The same binding also drops a reference to None on every call of a method that returns
nothing (`label.setText(...)`, `widget.show()`): a window that redraws its form on each
keystroke aborts after a few hundred edits. `keep_none_alive` does what Python 3.12 does,
once, when the binding is found to drop it: None gets a reference count no program can
wear out.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from functools import cache, wraps
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@cache
def binding_drops_none() -> bool:
    """True when returning None from a model override loses a reference (checked once)."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel

    class Probe(QAbstractTableModel):
        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 1

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 1

        def data(self, index: Any, role: int = 0) -> Any:
            return None

    probe = Probe()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(probe)
    index = proxy.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(20):
        proxy.data(index, 1)
    dropped = sys.getrefcount(None) < before - 10
    proxy.setSourceModel(None)
    return dropped


@cache
def void_calls_drop_none() -> bool:
    """True when calling a binding method that returns nothing loses a reference to None."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(20):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 10


#: References given to None when the binding drops them: 2**40 lasts twelve days of a
#: million dropped references a second, and is far below what a 64-bit count can hold.
_NONE_RESERVE = 1 << 40


@cache
def keep_none_alive() -> bool:
    """Give None a reference count the binding's dropped references can never wear out.

    Once per process, and only when `void_calls_drop_none()` finds the bug; True when it did.
    """
    if not void_calls_drop_none():
        return False
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the object's first field
    count.value += _NONE_RESERVE
    return True


_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def none_safe(method: F) -> F:
    """Wrap a model method so a None it returns cannot wear None's reference count out."""

    @wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        value = method(*args, **kwargs)
        if value is None and binding_drops_none():
            _incref(None)  # an extra reference to None is harmless; a missing one aborts
        return value

    return wrapper  # type: ignore[return-value]
