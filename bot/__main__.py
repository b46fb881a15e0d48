"""`python -m bot`: run the Telegram bot with settings from the environment and `.env`."""

from __future__ import annotations

import sys

from bot.settings import SettingsError, TokenError, load_settings
from core.logs import configure


def main() -> int:
    try:
        settings = load_settings()
    except TokenError as exc:  # a newcomer's first run: say what to do next, in both languages
        from bot.first_run import explain

        print(explain(exc.kind), file=sys.stderr)
        return 2
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
