"""``mypyc_attr`` for modules the opt-in mypyc build compiles, without a runtime dependency.

mypyc knows the decorator by its name, ``mypy_extensions.mypyc_attr``, which
is what type checkers see here; at run time it is a no-op, so neither wheel
needs mypy_extensions. Never compile this module: mypyc drops the ``else``
branch of ``if TYPE_CHECKING`` as unreachable.

An attrs class in a compiled module is kept a regular Python class with
``@mypyc_attr(native_class=False)``. mypyc still checks each value in the
class body against the type mypy infers for it, and ``attrs.field(default=" ")``
is typed ``str`` but is an attrs counting object at run time. So a field that
has a default other than a bare ``None``, or a converter, makes its call
``Any`` to mypy: ``default=cast(Any, value)``, or with no default
``validator=cast(Any, None)`` (no validator). The types of ``__init__`` are
unchanged: the attrs plugin takes them from the annotations and converters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_extensions import mypyc_attr as mypyc_attr
else:

    def mypyc_attr(*args, **kwargs):
        return lambda cls: cls


__all__ = ["mypyc_attr"]
