"""The report's building blocks (a section, a table), shared by the sections and every format."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Section", "Table"]


@dataclass
class Table:
    """A table as every format draws it; ``sheet`` names its Excel sheet, ``widths`` are relative."""

    sheet: str
    columns: list[str]
    rows: list[list]
    widths: list[float]
    kinds: list[str] | None = None     # verdict kind per row: colours the ``kind_col`` cell
    kind_col: int | None = None
    caption: str = ""                  # a sentence said before the table
    doc_skip: tuple[int, ...] = ()     # columns left out of Word and PDF (kept in Excel), e.g. long sources

    def printed(self) -> tuple[list[str], list[list], list[float], int | None]:
        """Columns, rows, widths and the verdict column as Word and PDF print them."""
        keep = [j for j in range(len(self.columns)) if j not in self.doc_skip]
        kcol = keep.index(self.kind_col) if self.kind_col in keep else None
        return ([self.columns[j] for j in keep], [[r[j] for j in keep] for r in self.rows],
                [self.widths[j] for j in keep], kcol)


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    image: bytes | None = None
    image_caption: str = ""
