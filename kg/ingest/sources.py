"""Files and folders named by the user -> decoded texts, one per file, in a stable order.

A corpus folder always holds some junk: a scanned PDF, a .docx, an empty file, a broken
link. Each bad file becomes a SourceError the caller reports before going on; nothing here
raises for one file, so one bad file never stops a run over thousands.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.config import KgError
from kg.ingest.decode import decode, sniff_binary
from kg.ingest.html import html_to_text, looks_like_html

DEFAULT_MAX_BYTES = 50 * 2**20
# Read when met in a folder; files named explicitly are read whatever their suffix.
TEXT_SUFFIXES = frozenset({".txt", ".md", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})  # .shtml: many gov sites
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class SourceText:
    """One file's text (HTML already reduced to its visible text)."""

    path: Path
    name: str
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceError:
    """A file or folder that yields no text, with a message naming it and what to do."""

    path: Path
    message: str


def iter_sources(
    paths: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[SourceText | SourceError]:
    """Every file under `paths` read and decoded, in the order of iter_files."""
    for item in iter_files(paths):
        yield item if isinstance(item, SourceError) else read_source(item, max_bytes)


def iter_files(paths: Iterable[Path]) -> Iterator[Path | SourceError]:
    """The files under `paths`, folders walked recursively in name order, without reading
    them (cheap enough to count them for a progress bar).

    Hidden files and folders (.git) are skipped in walks. Symlinks are followed, but a
    folder is entered once: a link back to an enclosing folder is reported once as a loop,
    and a file reached twice is listed once.
    """
    seen: set[Path] = set()
    for path in paths:
        yield from _visit(Path(path), (), seen, explicit=True)


def _visit(
    path: Path, ancestors: tuple[Path, ...], seen: set[Path], explicit: bool
) -> Iterator[Path | SourceError]:
    try:
        info = path.stat()
    except FileNotFoundError:
        what = "is a broken symlink" if path.is_symlink() else "does not exist"
        yield SourceError(path, f"{path} {what}")
        return
    except OSError as e:  # ELOOP for a symlink to itself, EACCES on a parent folder
        yield SourceError(path, f"cannot open {path}: {e.strerror or e}")
        return
    real = path.resolve()
    if stat.S_ISDIR(info.st_mode):
        if real in ancestors:
            yield SourceError(path, f"{path} is a symlink loop back to {real}; not followed")
        elif real not in seen:
            seen.add(real)
            yield from _walk(path, ancestors + (real,), seen)
    elif not stat.S_ISREG(info.st_mode):
        yield SourceError(path, f"{path} is not a regular file (a device, pipe or socket)")
    elif real not in seen:
        seen.add(real)
        suffix = path.suffix.lower()
        readable = explicit or suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES
        yield path if readable else _unsupported(path)


def _walk(
    folder: Path, ancestors: tuple[Path, ...], seen: set[Path]
) -> Iterator[Path | SourceError]:
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as e:
        yield SourceError(folder, f"cannot list folder {folder}: {e.strerror or e}")
        return
    for name in names:
        if not name.startswith("."):
            yield from _visit(folder / name, ancestors, seen, explicit=False)


def _unsupported(path: Path) -> SourceError:
    """A file met in a folder whose suffix says it is no news text: say what it is."""
    try:
        with path.open("rb") as f:
            kind = sniff_binary(f.read(_SNIFF_BYTES))
    except OSError:
        kind = None
    if kind:
        return SourceError(path, f"{path} looks like {kind}, not text; skipped")
    return SourceError(
        path,
        f"{path} skipped: in folders kg reads .txt, .md, .html, .htm, .shtml and files "
        "without a suffix; name the file explicitly or rename it to read it",
    )


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText | SourceError:
    """Read and decode one file; never raises. The size is checked before reading, so a
    huge file costs nothing."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _too_large(path, size, max_bytes)
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)  # the file may have grown since stat
    except IsADirectoryError:
        return SourceError(path, f"{path} is a folder, not a file")
    except PermissionError:
        return SourceError(path, f"cannot read {path}: permission denied")
    except OSError as e:
        return SourceError(path, f"cannot read {path}: {e.strerror or e}")
    if len(data) > max_bytes:
        return _too_large(path, len(data), max_bytes)
    try:
        decoded = decode(data, str(path))
    except KgError as e:
        return SourceError(path, str(e))
    text = decoded.text
    if _is_html(path, text):
        text = html_to_text(text)
        if not text.strip():
            return SourceError(path, f"{path} is a web page without visible text")
    return SourceText(path, path.name, text, decoded.encoding, decoded.warnings)


def _is_html(path: Path, text: str) -> bool:
    suffix = path.suffix.lower()
    # Scraped pages are often saved as .txt; Markdown may embed tags but is not a page.
    return suffix in HTML_SUFFIXES or (suffix != ".md" and looks_like_html(text))


def _too_large(path: Path, size: int, max_bytes: int) -> SourceError:
    return SourceError(
        path,
        f"{path} is {_mib(size)}, over the {_mib(max_bytes)} limit; if it really is one "
        "text file, raise the limit with --max-bytes",
    )


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"
