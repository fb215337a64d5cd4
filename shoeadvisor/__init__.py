"""ShoeAdvisor: brand-neutral, offline running-shoe and knee-care advice."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up on first use: importlib.metadata costs ~30 ms, which every start
    # of the window would pay before its first paint.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("shoeadvisor")
        except PackageNotFoundError:  # a source tree or a frozen app without metadata
            value = "0.1.0"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'shoeadvisor' has no attribute {name!r}")
