"""ShoeAdvisor: brand-neutral, offline running-shoe and knee-care advice."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("shoeadvisor")
except PackageNotFoundError:  # running from a source tree or a frozen app
    __version__ = "0.1.0"
