"""What a newcomer is told when the bot cannot start for want of a token:
in Chinese and in English, where to get a token, which line of which
`.env` to edit, and the command to run again."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from core.desk_text import text

KEY = "TELEGRAM_BOT_TOKEN"


def token_line(path: Path) -> tuple[int, str] | None:
    """(line number, the line) of TELEGRAM_BOT_TOKEN= in an env file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for i, line in enumerate(lines, 1):
        if line.strip().removeprefix("export ").strip().startswith(KEY + "="):
            return i, line.strip()
    return None


def run_again() -> str:
    """The command that started this process, as the user would type it again."""
    argv0 = sys.argv[0] if sys.argv else ""
    if Path(argv0).name == "nianbao":
        return f"{_short(argv0)} bot"
    return f"{_short(sys.executable)} -m bot"


def _short(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return rel if not rel.startswith("..") else path


def explain(kind: str, cwd: Path | None = None) -> str:
    """The instructions, Chinese then English; `kind` is missing or malformed."""
    cwd = cwd or Path.cwd()
    env = cwd / ".env"
    example = cwd / ".env.example"
    blocks = []
    for lang in ("zh", "en"):
        lines = [text(f"first_run.{kind}", lang), text("first_run.step_token", lang)]
        found = token_line(env) if env.is_file() else None
        if found:
            lines.append(
                text("first_run.step_edit", lang, env=env, line=found[0], current=found[1])
            )
        elif env.is_file():
            lines.append(text("first_run.step_add", lang, env=env))
        else:
            at = token_line(example)
            lines.append(text("first_run.step_create", lang, env=env, line=at[0] if at else 1))
        lines.append(text("first_run.step_run", lang, command=run_again()))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
