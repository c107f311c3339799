"""Reading the package's readable data files (TSV with ``#`` comments and ``|``-separated lists)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Iterator

from .errors import ConfigError


def data_path(name: str) -> Path:
    """Path of a data file shipped in ``annales/data``."""
    return Path(str(resources.files("annales") / "data" / name))


def read_tsv(path: str | Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for each data row; the first non-comment line is the header."""
    path = Path(path)
    header: list[str] | None = None
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if header is None:
                header = cells
                continue
            if len(cells) > len(header):
                raise ConfigError("E013", path=path, line=lineno,
                                  reason=f"{len(cells)} columns, header has {len(header)}")
            cells += [""] * (len(header) - len(cells))
            yield lineno, dict(zip(header, cells))


def split_list(cell: str) -> list[str]:
    """``"a|b| c"`` -> ``["a", "b", "c"]``; empty cell -> ``[]``."""
    return [v.strip() for v in cell.split("|") if v.strip()]
