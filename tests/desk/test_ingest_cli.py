"""`nianbao ingest` ends with a summary: new, replaced, unchanged, failed with why."""

from __future__ import annotations

from cli.main import main
from tests.conftest import SEEDS
from tests.desk.corpus import zip_of


def test_ingest_ends_with_a_summary_of_what_happened(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'i.sqlite3'}"
    folder = tmp_path / "in"
    folder.mkdir()
    for n in ("000", "003"):
        (folder / SEEDS[n].name).write_bytes(SEEDS[n].read_bytes())
    (folder / "坏的.docx").write_bytes(b"not a docx")
    assert main(["ingest", "--db", db, str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "共 3 个文件：新保存 2，替换旧版本 0，未变 0，失败 1。" in out
    assert out[-2] == "失败的文件："
    assert out[-1].startswith(f"· {folder / '坏的.docx'}：这份 Word 文件已损坏")

    archive = tmp_path / "again.zip"
    archive.write_bytes(zip_of([(SEEDS["000"].name, SEEDS["000"].read_bytes())]))
    assert main(["ingest", "--db", db, "--lang", "en", str(archive)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "1 files: 0 new, 0 replaced, 1 unchanged, 0 failed."


def test_the_help_states_the_formats_and_the_upload_limit(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert ".pdf" in out and ".zip" in out and "20 MB" in out and "60 秒最多上传 5 个" in out
    with pytest.raises(SystemExit):
        main(["bot", "--help"])
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    assert "at most 5 uploads per person per 60 seconds" in out and ".pdf" in out
