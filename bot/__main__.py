"""`python -m bot`: run the Telegram bot with settings from the environment and `.env`."""

from __future__ import annotations

import logging
import sys

from bot.settings import SettingsError, TokenError, load_settings


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
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    from bot.app import run

    run(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
