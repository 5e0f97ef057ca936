"""``pretty``: a tree as readable text, one field per line.

The golden files of the test suite (``tests/golden/*.tree.txt``) are written
with it. Fields at their default are left out, so a parsed tree shows its
semantic fields and only the layout that is not canonical.
"""

from __future__ import annotations

from .nodes import Node, render

__all__ = ["pretty"]


def pretty(node: Node) -> str:
    """``node`` and everything below it, indented two spaces per level.

    >>> import wikirel
    >>> print(pretty(wikirel.parse("== A ==\\n- x\\n")))
    Document(
      sections=(
        Section(
          heading=Heading(
            level=2,
            text='A',
          ),
          blocks=(
            BulletList(
              items=(
                ListItem(
                  text='x',
                ),
              ),
            ),
          ),
        ),
      ),
    )
    """
    return render(node, multiline=True)
