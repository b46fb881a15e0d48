"""A fake Telegram Bot API server for end-to-end tests of the real bot.

    fake = FakeTelegram(token="123456:TEST-TOKEN", bot_username="nianbao_test_bot")
    await fake.start()  # 127.0.0.1, free port; ApplicationBuilder().base_url(fake.base_url)
    await fake.send_message(user_id, "你好")  # users act; each action returns its Update
    call = await fake.wait_for(lambda c: c["method"] == "sendMessage")
    await fake.stop()

See server.py (FakeTelegram) and users.py (the user actions).
"""

from .server import FakeTelegram

__all__ = ["FakeTelegram"]
