"""Settings come from the environment over `.env`; a bad token is one line and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[2]


def test_settings_read_every_variable_from_the_environment(tmp_path):
    s = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": "123456:ABCdef_ghi-jkl",
            "DATABASE_URL": "sqlite:///x.db",
            "TELEGRAM_BASE_URL": "http://127.0.0.1:9/bot",
            "TELEGRAM_BASE_FILE_URL": "http://127.0.0.1:9/file/bot",
            "ADMIN_IDS": "1, 22,333",
            "DEFAULT_LANG": "en",
            "TZ": "UTC",
            "WEBHOOK_URL": "https://example.org/tg",
            "WEBHOOK_SECRET": "s3cret",
            "PORT": "8080",
            "LOG_LEVEL": "debug",
        },
        dotenv=tmp_path / "none",
    )
    assert (s.database_url, s.base_url, s.base_file_url) == (
        "sqlite:///x.db",
        "http://127.0.0.1:9/bot",
        "http://127.0.0.1:9/file/bot",
    )
    assert s.admin_ids == {1, 22, 333}
    assert (s.default_lang, str(s.tz), s.webhook_url, s.webhook_secret, s.port, s.log_level) == (
        "en",
        "UTC",
        "https://example.org/tg",
        "s3cret",
        8080,
        "DEBUG",
    )


def test_dotenv_fills_in_what_the_environment_lacks(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("TELEGRAM_BOT_TOKEN=42:fromdotenv\nTZ=Europe/Paris\n")
    s = load_settings({"TZ": "UTC"}, dotenv=env_file)
    assert (s.token, str(s.tz)) == ("42:fromdotenv", "UTC")


def test_defaults_are_asia_shanghai_chinese_and_a_sqlite_file(tmp_path):
    s = load_settings({"TELEGRAM_BOT_TOKEN": "1:abcdef"}, dotenv=tmp_path / "none")
    assert (str(s.tz), s.default_lang, s.database_url, s.webhook_url) == (
        "Asia/Shanghai",
        "zh",
        "sqlite:///nianbao.sqlite3",
        None,
    )


@pytest.mark.parametrize("token", ["", "not-a-token", "abc:def", "123456"])
def test_a_missing_or_malformed_token_is_refused(token, tmp_path):
    with pytest.raises(SettingsError):
        load_settings({"TELEGRAM_BOT_TOKEN": token}, dotenv=tmp_path / "none")


@pytest.mark.parametrize("token", [None, "nonsense"])
def test_python_m_bot_with_a_bad_token_says_what_to_do_next_in_both_languages(token, tmp_path):
    """A newcomer's first run (issue 12): where to get a token, which line of
    which .env to edit, the command to run again — in Chinese and English."""
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    if token:
        env["TELEGRAM_BOT_TOKEN"] = token
    env["PYTHONPATH"] = str(ROOT)
    (tmp_path / ".env").write_text((ROOT / ".env.example").read_text(encoding="utf-8"))
    line = next(
        i
        for i, x in enumerate((ROOT / ".env.example").read_text().splitlines(), 1)
        if x.startswith("TELEGRAM_BOT_TOKEN=")
    )
    proc = subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    err = proc.stderr
    assert "Traceback" not in err
    assert "@BotFather" in err and "/newbot" in err
    assert f"打开 {tmp_path / '.env'}，把第 {line} 行“TELEGRAM_BOT_TOKEN=”改为" in err
    assert f"Open {tmp_path / '.env'} and change line {line}" in err
    assert "再次运行：" in err and "Run again: " in err and "-m bot" in err
    assert ("格式不对" in err and "malformed" in err) if token else ("还没有设置" in err)


def test_without_an_env_file_the_first_step_is_to_create_it(tmp_path, monkeypatch):
    from bot.first_run import explain

    text = explain("missing", tmp_path)
    assert "cp .env.example .env" in text and text.count("@BotFather") == 2


def test_nianbao_bot_without_a_token_exits_2(tmp_path, monkeypatch, capsys):
    from cli.main import main

    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["bot"]) == 2
    assert "TELEGRAM_BOT_TOKEN" in capsys.readouterr().err
