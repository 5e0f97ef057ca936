"""Files shipped with wikirel: the grammar and the sample articles.

Installed wheels carry them inside the package (``wikirel/grammar/``,
``wikirel/seeds/``, put there by the build); an editable install imports
from ``src/`` and finds them at the repository's top-level folders.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["read_bytes", "samples"]


def _folder(name: str) -> Path:
    from importlib import resources  # here: importing it costs ~7 ms

    packaged = resources.files("wikirel") / name
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / name


def read_bytes(folder: str, name: str) -> bytes:
    """The bytes of shipped file ``folder/name``."""
    return (_folder(folder) / name).read_bytes()


def samples() -> dict[str, str]:
    """The bundled sample articles, by name (the file name without ``.txt``).

    >>> sorted(samples())
    ['china-tajikistan-relations', 'pakistan-tajikistan-relations']
    """
    folder = _folder("seeds")
    return {path.stem: path.read_bytes().decode("utf-8") for path in sorted(folder.glob("*.txt"))}
