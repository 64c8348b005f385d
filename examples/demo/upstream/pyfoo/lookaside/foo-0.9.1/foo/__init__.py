"""foo frobnicates bars quickly and predictably. Written for Keel's examples."""

import pkgutil

__version__ = "0.9.1"


def frobnicate(bar):
    """Returns the words of bar in reverse order."""
    return " ".join(reversed(bar.split()))


def has_speedups():
    """Whether the optional foo_speedups module is installed."""
    return pkgutil.find_loader("foo_speedups") is not None
