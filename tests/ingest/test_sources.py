"""iter_sources(): folders walk in a stable order, and every bad file is a SourceError."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kg.ingest.sources import SourceError, SourceText, iter_files, iter_sources, read_source

from .samples import SEED_TEXT, TRADITIONAL_TEXT

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _names(results) -> list[str]:
    return [r.path.name for r in results]


def test_folders_walk_recursively_in_name_order(tmp_path):
    for rel in ["b.txt", "a/2.txt", "a/10.txt", "a/z/deep.md", "c", "A.htm"]:
        _write(tmp_path / rel, "<p>区委会议。</p>" if rel.endswith("htm") else "区委会议。")
    results = list(iter_sources([tmp_path]))
    assert all(isinstance(r, SourceText) for r in results)
    assert [r.path.relative_to(tmp_path).as_posix() for r in results] == [
        "A.htm", "a/10.txt", "a/2.txt", "a/z/deep.md", "b.txt", "c",
    ]  # fmt: skip


def test_files_are_listed_without_being_read(tmp_path, monkeypatch):
    _write(tmp_path / "b.txt", SEED_TEXT)
    _write(tmp_path / "a" / "c.html", "<p>区委</p>")
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("read a file"))
    assert list(iter_files([tmp_path, tmp_path / "gone"])) == [
        tmp_path / "a" / "c.html",
        tmp_path / "b.txt",
        SourceError(tmp_path / "gone", f"{tmp_path / 'gone'} does not exist"),
    ]


def test_hidden_files_and_git_are_skipped(tmp_path):
    _write(tmp_path / ".git" / "HEAD", "ref: refs/heads/main")
    _write(tmp_path / ".notes.txt", "私人笔记")
    _write(tmp_path / "news.txt", SEED_TEXT)
    assert _names(iter_sources([tmp_path])) == ["news.txt"]


def test_a_hidden_file_named_explicitly_is_read(tmp_path):
    hidden = _write(tmp_path / ".draft.txt", SEED_TEXT)
    assert list(iter_sources([hidden])) == [SourceText(hidden, ".draft.txt", SEED_TEXT, "utf-8")]


def test_each_file_is_decoded_and_html_reduced_to_text(tmp_path):
    _write(tmp_path / "gbk.txt", SEED_TEXT.encode("gbk"))
    _write(tmp_path / "tw.txt", TRADITIONAL_TEXT.encode("big5"))
    _write(tmp_path / "page.html", '<meta charset="gbk"><h1>标题</h1><p>正文。</p>'.encode("gbk"))
    _write(tmp_path / "scraped.txt", "<html><body><p>正文。</p></body></html>")
    gbk, page, scraped, tw = iter_sources([tmp_path])
    assert (gbk.text, gbk.encoding) == (SEED_TEXT, "gb18030")
    assert (page.text, page.encoding) == ("标题\n\n正文。", "gb18030")
    assert scraped.text == "正文。"
    assert (tw.text, tw.encoding) == (TRADITIONAL_TEXT, "big5")


def test_bad_files_are_reported_and_the_walk_goes_on(tmp_path):
    _write(tmp_path / "1-empty.txt", b"")
    _write(tmp_path / "2-blank.txt", " \n\u3000\n")
    _write(tmp_path / "3-photo.txt", PNG)
    _write(tmp_path / "4-noise.txt", bytes(range(128, 256)) * 20)
    _write(tmp_path / "5-good.txt", SEED_TEXT)
    _write(tmp_path / "6-empty-page.html", "<html><script>x()</script></html>")
    results = list(iter_sources([tmp_path]))
    assert [type(r) for r in results] == [SourceError] * 4 + [SourceText, SourceError]
    messages = [r.message for r in results if isinstance(r, SourceError)]
    assert messages[0].endswith("1-empty.txt is empty")
    assert messages[1].endswith("2-blank.txt holds only whitespace")
    assert messages[2].endswith("3-photo.txt looks like a PNG image, not text")
    assert "4-noise.txt: " in messages[3] and "re-save it as UTF-8" in messages[3]
    assert messages[4].endswith("6-empty-page.html is a web page without visible text")


def test_files_of_other_types_in_folders_are_reported_not_read(tmp_path):
    _write(tmp_path / "scan.pdf", b"%PDF-1.4\n...")
    _write(tmp_path / "report.docx", b"PK\x03\x04" + bytes(30))
    _write(tmp_path / "table.csv", "姓名,职务\n张三,区长\n")
    docx_, pdf_, csv_ = iter_sources([tmp_path])
    assert pdf_.message.endswith("scan.pdf looks like a PDF document, not text; skipped")
    assert "a ZIP archive (or a .docx" in docx_.message
    assert "table.csv skipped" in csv_.message and "rename it" in csv_.message


def test_a_file_of_another_type_named_explicitly_is_read(tmp_path):
    table = _write(tmp_path / "table.csv", "姓名,职务\n张三,区长\n")
    assert isinstance(next(iter_sources([table])), SourceText)


def test_missing_path(tmp_path):
    (error,) = iter_sources([tmp_path / "nope.txt"])
    assert error == SourceError(tmp_path / "nope.txt", f"{tmp_path / 'nope.txt'} does not exist")


def test_broken_symlink(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    (error,) = iter_sources([tmp_path])
    assert error.message.endswith("link.txt is a broken symlink")


def test_symlink_loop_is_reported_once(tmp_path):
    _write(tmp_path / "news" / "a.txt", SEED_TEXT)
    os.symlink(tmp_path / "news", tmp_path / "news" / "again")
    os.symlink(tmp_path, tmp_path / "news" / "up")
    results = list(iter_sources([tmp_path]))
    assert _names(results) == ["a.txt", "again", "up"]
    assert all("symlink loop" in r.message for r in results[1:])


def test_symlink_to_itself(tmp_path):
    os.symlink(tmp_path / "self", tmp_path / "self")
    (error,) = iter_sources([tmp_path])
    assert "cannot open" in error.message and "symbolic links" in error.message


def test_a_file_reached_twice_is_read_once(tmp_path):
    news = _write(tmp_path / "a" / "news.txt", SEED_TEXT)
    os.symlink(tmp_path / "a", tmp_path / "b")
    assert _names(iter_sources([tmp_path, news])) == ["news.txt"]


def test_a_folder_given_as_a_file_is_an_error_not_a_crash(tmp_path):
    error = read_source(tmp_path)
    assert error == SourceError(tmp_path, f"{tmp_path} is a folder, not a file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    secret = _write(tmp_path / "secret.txt", SEED_TEXT)
    secret.chmod(0)
    (error,) = iter_sources([secret])
    assert error.message == f"cannot read {secret}: permission denied"


def test_permission_denied_is_reported(tmp_path, monkeypatch):
    # Works as root too, where chmod 000 is not enforced.
    secret = _write(tmp_path / "secret.txt", SEED_TEXT)

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    (error,) = iter_sources([secret])
    assert error.message == f"cannot read {secret}: permission denied"


def test_huge_file_is_refused_without_being_read(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(200 * 2**20)  # sparse: takes no disk space
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("opened the huge file"))
    started = time.monotonic()
    (error,) = iter_sources([huge])
    assert time.monotonic() - started < 1
    assert error.message == (
        f"{huge} is 200.0 MiB, over the 50.0 MiB limit; if it really is one text file, "
        "raise the limit with --max-bytes"
    )


def test_max_bytes_is_configurable(tmp_path):
    news = _write(tmp_path / "news.txt", SEED_TEXT)
    assert isinstance(next(iter_sources([news], max_bytes=news.stat().st_size)), SourceText)
    assert isinstance(next(iter_sources([news], max_bytes=100)), SourceError)


def test_a_pipe_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe")  # reading it would block forever
    (error,) = iter_sources([tmp_path])
    assert error.message.endswith("pipe is not a regular file (a device, pipe or socket)")
