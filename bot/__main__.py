"""`python -m bot`: run the Telegram bot with settings from the environment and `.env`."""

from __future__ import annotations

import sys

from bot.settings import SettingsError, load_settings
from core.logs import configure


def main() -> int:
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    # the token never reaches a log, at any level; chatty libraries are capped
    configure(settings.log_level, secrets=[settings.token, settings.webhook_secret or ""])
    from bot.app import run

    run(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
