"""The fake Bot API server speaks Telegram's protocol to the real python-telegram-bot."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.error import BadRequest, Conflict, EndPointNotFound, InvalidToken, RetryAfter
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.fake_telegram import FakeTelegram

pytestmark = pytest.mark.e2e

TOKEN = "123456:TEST-TOKEN"
USER = 4242


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=fake.base_url, base_file_url=fake.base_file_url) as client:
        yield client


def build_app(fake: FakeTelegram, *handlers) -> Application:
    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(fake.base_url)
        .base_file_url(fake.base_file_url)
        .build()
    )
    for handler in handlers:
        app.add_handler(handler)
    return app


@contextlib.asynccontextmanager
async def polling(app: Application) -> AsyncIterator[Application]:
    await app.initialize()
    await app.start()
    await app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say the text back."""
    await update.message.reply_text(f"echo: {update.message.text}", do_quote=True)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the user, in their language."""
    await update.message.reply_text(f"welcome {update.effective_user.language_code}")


async def measure(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Download the document and say how long it is."""
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
    data = await (await update.message.document.get_file()).download_as_bytearray()
    await update.message.reply_text(f"{update.message.document.file_name}: {len(data)} bytes")


async def offer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer two buttons."""
    keyboard = [[InlineKeyboardButton("中文", callback_data="lang:zh")]]
    keyboard.append([InlineKeyboardButton("English", callback_data="lang:en")])
    await update.message.reply_text("choose", reply_markup=InlineKeyboardMarkup(keyboard))


async def chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the press and show the choice in place of the buttons."""
    await update.callback_query.answer("ok")
    await update.callback_query.edit_message_text(f"chose {update.callback_query.data}")


def sent_to(chat_id: int, method: str = "sendMessage"):
    return lambda call: call["method"] == method and call["params"].get("chat_id") == chat_id


# --- the real Application, polling -----------------------------------------


async def test_the_application_learns_its_identity_from_get_me(fake: FakeTelegram) -> None:
    async with polling(build_app(fake)) as app:
        assert (app.bot.id, app.bot.username, app.bot.bot.is_bot) == (
            123456,
            "nianbao_test_bot",
            True,
        )


async def test_an_echo_handler_answers_a_text_message(fake: FakeTelegram) -> None:
    async with polling(build_app(fake, MessageHandler(filters.TEXT, echo))):
        update = await fake.send_message(USER, "你好")
        call = await fake.wait_for(sent_to(USER))
    message = call["result"]
    assert message["text"] == "echo: 你好"
    assert message["from"] == {
        "id": 123456,
        "is_bot": True,
        "first_name": "Nianbao Test Bot",
        "username": "nianbao_test_bot",
    }
    assert isinstance(message["date"], int)
    assert message["message_id"] == update["message"]["message_id"] + 1
    assert call["params"]["reply_parameters"]["message_id"] == update["message"]["message_id"]
    assert message["reply_to_message"]["text"] == "你好"


async def test_a_command_handler_answers_start_with_the_users_language(
    fake: FakeTelegram,
) -> None:
    app = build_app(fake, CommandHandler("start", start), MessageHandler(filters.TEXT, echo))
    async with polling(app):
        await fake.send_command(USER, "/start", language_code="en")
        call = await fake.wait_for(sent_to(USER))
    assert call["result"]["text"] == "welcome en"


async def test_a_document_handler_downloads_the_uploaded_file(fake: FakeTelegram) -> None:
    data = "政府信息公开工作年度报告\n".encode() * 100
    async with polling(build_app(fake, MessageHandler(filters.Document.ALL, measure))):
        await fake.send_document(USER, "report.txt", data)
        await fake.wait_for(sent_to(USER, "sendChatAction"))
        call = await fake.wait_for(sent_to(USER))
    assert call["result"]["text"] == f"report.txt: {len(data)} bytes"
    assert [c["method"] for c in fake.calls if c["method"] in ("getFile",)] == ["getFile"]


async def test_fifty_users_uploading_at_once_each_get_their_own_answer(
    fake: FakeTelegram,
) -> None:
    users = range(1000, 1050)
    async with polling(build_app(fake, MessageHandler(filters.Document.ALL, measure))):
        await asyncio.gather(
            *(fake.send_document(user, f"r{user}.txt", b"x" * user) for user in users)
        )
        replies = await asyncio.gather(*(fake.wait_for(sent_to(user)) for user in users))
    assert [r["result"]["text"] for r in replies] == [f"r{u}.txt: {u} bytes" for u in users]


async def test_a_button_press_is_answered_and_its_message_edited(fake: FakeTelegram) -> None:
    app = build_app(
        fake, MessageHandler(filters.TEXT, offer), CallbackQueryHandler(chosen, pattern="^lang:")
    )
    async with polling(app):
        await fake.send_message(USER, "language?")
        offered = (await fake.wait_for(sent_to(USER)))["result"]
        press = await fake.press_button(USER, offered, "lang:en")
        answer = await fake.wait_for(lambda c: c["method"] == "answerCallbackQuery")
        edit = await fake.wait_for(sent_to(USER, "editMessageText"))
    assert answer["params"]["callback_query_id"] == press["callback_query"]["id"]
    assert fake.callback_answer(press["callback_query"]["id"])["text"] == "ok"
    assert edit["result"]["message_id"] == offered["message_id"]
    assert [(m["text"], "reply_markup" in m) for m in fake.sent(USER)] == [("chose lang:en", False)]


async def test_pressing_a_button_the_message_does_not_offer_is_refused(
    fake: FakeTelegram, bot: Bot
) -> None:
    await fake.send_message(USER, "hi")
    message = (await bot.send_message(USER, "no buttons here")).to_dict()
    with pytest.raises(AssertionError, match="has no button"):
        await fake.press_button(USER, message, "lang:en")


async def test_stopping_the_application_confirms_the_updates_it_handled(
    fake: FakeTelegram,
) -> None:
    async with polling(build_app(fake, MessageHandler(filters.TEXT, echo))):
        await fake.send_message(USER, "once")
        await fake.wait_for(sent_to(USER))
    async with polling(build_app(fake, MessageHandler(filters.TEXT, echo))):
        await fake.send_message(USER, "twice")
        await fake.wait_for(sent_to(USER))
    assert [m["text"] for m in fake.sent(USER)] == ["echo: once", "echo: twice"]


async def test_a_command_in_a_group_is_answered_in_the_group(fake: FakeTelegram) -> None:
    app = build_app(fake, CommandHandler("start", start))
    async with polling(app):
        update = await fake.send_command(USER, "/start@nianbao_test_bot", chat_id=-1001234)
        call = await fake.wait_for(sent_to(-1001234))
    assert update["message"]["chat"]["type"] == "supergroup"
    assert call["result"]["chat"]["id"] == -1001234
    assert fake.sent(USER) == []


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_the_rate_limiter_waits_out_an_injected_429_and_delivers(
    fake: FakeTelegram,
) -> None:
    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(fake.base_url)
        .base_file_url(fake.base_file_url)
        .rate_limiter(AIORateLimiter(max_retries=1))
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, echo))
    fake.fail_next("sendMessage", retry_after=1)
    async with polling(app):
        await fake.send_message(USER, "flood")
        refused = await fake.wait_for(sent_to(USER), include_errors=True)
        delivered = await fake.wait_for(sent_to(USER))
    assert (refused["ok"], refused["error"]["error_code"]) == (False, 429)
    assert delivered["result"]["text"] == "echo: flood"


async def test_wait_for_skips_records_a_predicate_cannot_read(fake: FakeTelegram, bot: Bot) -> None:
    await bot.send_chat_action(USER, ChatAction.TYPING)
    await bot.send_message(USER, "after the action")
    call = await fake.wait_for(lambda c: c["result"]["text"] == "after the action")
    assert call["method"] == "sendMessage"
    with pytest.raises(AssertionError, match="sendChatAction"):
        await fake.wait_for(lambda c: c["method"] == "sendPoll", timeout=0.2)


# --- getUpdates semantics ----------------------------------------------------


async def test_an_update_is_delivered_again_until_a_later_offset_confirms_it(
    fake: FakeTelegram, bot: Bot
) -> None:
    first = await fake.send_message(USER, "one")
    await fake.send_message(USER, "two")
    assert [u.update_id for u in await bot.get_updates()] == [
        first["update_id"],
        first["update_id"] + 1,
    ]
    assert [u.message.text for u in await bot.get_updates(limit=1)] == ["one"]
    assert [u.message.text for u in await bot.get_updates(offset=first["update_id"] + 1)] == ["two"]
    assert [u.message.text for u in await bot.get_updates()] == ["two"]
    assert await bot.get_updates(offset=first["update_id"] + 2) == ()


async def test_a_long_poll_returns_as_soon_as_an_update_arrives(
    fake: FakeTelegram, bot: Bot
) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=8, read_timeout=10))
    await asyncio.wait_for(_until(lambda: fake.updates.polls_waiting == 1), 5)
    assert not poll.done()
    await fake.send_message(USER, "now")
    updates = await asyncio.wait_for(poll, 5)
    assert [u.message.text for u in updates] == ["now"]


async def test_a_long_poll_without_updates_returns_an_empty_list_at_its_timeout(
    fake: FakeTelegram, bot: Bot
) -> None:
    assert await asyncio.wait_for(bot.get_updates(timeout=1), 5) == ()


async def test_a_second_long_poll_terminates_the_first_with_a_conflict(
    fake: FakeTelegram, bot: Bot
) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=8, read_timeout=10))
    await asyncio.wait_for(_until(lambda: fake.updates.polls_waiting == 1), 5)
    async with Bot(TOKEN, base_url=fake.base_url) as second_instance:
        await second_instance.get_updates(timeout=0)
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await asyncio.wait_for(first, 5)


async def _until(condition) -> None:
    while not condition():
        await asyncio.sleep(0.01)


# --- webhooks ----------------------------------------------------------------


async def test_the_application_in_webhook_mode_receives_updates_and_answers(
    fake: FakeTelegram, bot: Bot
) -> None:
    app = build_app(fake, MessageHandler(filters.TEXT, echo))
    port = free_port()
    await app.initialize()
    await app.start()
    await app.updater.start_webhook(
        listen="127.0.0.1",
        port=port,
        url_path="hook",
        webhook_url=f"http://127.0.0.1:{port}/hook",
        secret_token="s3cret-Token_1",
    )
    try:
        await fake.send_message(USER, "via webhook")
        call = await fake.wait_for(sent_to(USER))
        with pytest.raises(Conflict, match="webhook is active"):
            await bot.get_updates()
        info = await bot.get_webhook_info()
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
    assert call["result"]["text"] == "echo: via webhook"
    assert (info.url, info.pending_update_count) == (f"http://127.0.0.1:{port}/hook", 0)


async def test_webhook_posts_carry_the_secret_header_and_are_retried_until_accepted(
    fake: FakeTelegram, bot: Bot
) -> None:
    received: list[tuple[str | None, dict]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        return web.Response(status=500 if len(received) == 1 else 200)

    receiver = web.Application()
    receiver.router.add_post("/hook", hook)
    runner = web.AppRunner(receiver)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="abc")
        update = await fake.send_message(USER, "hello hook")
        await asyncio.wait_for(_until(lambda: len(received) == 2), 5)
        info = await bot.get_webhook_info()
    finally:
        await runner.cleanup()
    assert received == [("abc", update), ("abc", update)]
    assert info.pending_update_count == 0
    assert "500" in info.last_error_message


async def test_deleting_the_webhook_lets_get_updates_fetch_what_is_pending(
    fake: FakeTelegram, bot: Bot
) -> None:
    await bot.set_webhook("http://127.0.0.1:9/unreachable")
    await fake.send_message(USER, "kept")
    await bot.delete_webhook()
    assert [u.message.text for u in await bot.get_updates()] == ["kept"]


# --- files ---------------------------------------------------------------------


async def test_a_document_over_20_mb_cannot_be_fetched_with_get_file(
    fake: FakeTelegram, bot: Bot
) -> None:
    update = await fake.send_document(USER, "big.docx", b"PK", declared_size=25 * 1024 * 1024)
    document = Update.de_json(update, bot).message.document
    assert document.file_size == 25 * 1024 * 1024
    with pytest.raises(BadRequest, match="File is too big"):
        await document.get_file()


async def test_a_document_the_bot_sends_is_uploaded_as_multipart_and_downloadable(
    fake: FakeTelegram, bot: Bot
) -> None:
    await fake.send_message(USER, "hi")
    sent = await bot.send_document(USER, b"defects\n" * 10, filename="defects.txt", caption="全部")
    call = fake.calls[-1]
    assert call["files"] == {"document": ("defects.txt", b"defects\n" * 10)}
    assert (sent.document.file_name, sent.document.mime_type, sent.document.file_size) == (
        "defects.txt",
        "text/plain",
        80,
    )
    assert sent.caption == "全部"
    named = await bot.send_document(USER, b"x", filename="年报缺陷清单.txt")
    assert named.document.file_name == "年报缺陷清单.txt"
    data = await (await bot.get_file(sent.document.file_id)).download_as_bytearray()
    assert bytes(data) == b"defects\n" * 10
    again = await bot.send_document(USER, sent.document.file_id)
    assert again.document.file_id == sent.document.file_id


async def test_a_photo_the_bot_sends_comes_back_as_photo_sizes(
    fake: FakeTelegram, bot: Bot
) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (64).to_bytes(4, "big") * 2 + b"\x08"
    sent = await bot.send_photo(USER, png, filename="chart.png")
    assert [(p.width, p.height) for p in sent.photo] == [(64, 64)]


# --- errors ----------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_an_injected_429_surfaces_as_retry_after(fake: FakeTelegram, bot: Bot) -> None:
    fake.fail_next("sendMessage", retry_after=7)
    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(USER, "too fast")
    assert str(raised.value) == "Flood control exceeded. Retry in 7 seconds"
    assert (await bot.send_message(USER, "later")).text == "later"


async def test_an_injected_server_error_is_a_network_error_once(
    fake: FakeTelegram, bot: Bot
) -> None:
    fake.fail_next("sendMessage")
    with pytest.raises(Exception, match="Internal Server Error"):
        await bot.send_message(USER, "x")
    failed = await fake.wait_for(lambda c: not c["ok"], include_errors=True)
    assert failed["error"] == {
        "ok": False,
        "error_code": 500,
        "description": "Internal Server Error",
    }


async def test_messages_over_4096_characters_or_empty_are_refused(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(USER, "年" * 4097)
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(USER, "   ")
    assert len((await bot.send_message(USER, "年" * 4096)).text) == 4096


async def test_malformed_html_is_refused_and_valid_html_becomes_entities(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Can't parse entities"):
        await bot.send_message(USER, "<b>bold", parse_mode="HTML")
    with pytest.raises(BadRequest, match="(?i)unsupported start tag"):
        await bot.send_message(USER, "1 <x> 2", parse_mode="HTML")
    sent = await bot.send_message(USER, "<b>错误</b> 3 &lt; 4 <code>E101</code>", parse_mode="HTML")
    assert sent.text == "错误 3 < 4 E101"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("bold", 0, 2),
        ("code", 9, 4),
    ]


async def test_markdown_v2_requires_reserved_characters_to_be_escaped(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="(?i)character '.' is reserved"):
        await bot.send_message(USER, "version 1.0", parse_mode="MarkdownV2")
    sent = await bot.send_message(USER, r"*E101* version 1\.0", parse_mode="MarkdownV2")
    assert (sent.text, sent.entities[0].type) == ("E101 version 1.0", "bold")


async def test_an_edit_that_changes_nothing_is_refused_as_not_modified(bot: Bot) -> None:
    sent = await bot.send_message(USER, "same")
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("same", USER, sent.message_id)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("a", callback_data="a")]])
    edited = await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=keyboard)
    assert edited.reply_markup == keyboard
    assert edited.edit_date is not None
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=keyboard)


async def test_deleted_messages_leave_the_history_and_cannot_be_deleted_twice(
    fake: FakeTelegram, bot: Bot
) -> None:
    first = await bot.send_message(USER, "first")
    await bot.send_message(USER, "second")
    assert await bot.delete_message(USER, first.message_id)
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(USER, first.message_id)
    assert [m["text"] for m in fake.messages_in(USER)] == ["second"]


async def test_an_unknown_method_is_not_found_and_a_wrong_token_unauthorized(
    fake: FakeTelegram, bot: Bot
) -> None:
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendTelepathy", api_kwargs={"chat_id": USER})
    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=fake.base_url) as wrong:
            await wrong.get_me()


async def test_answering_a_callback_query_twice_is_refused(fake: FakeTelegram, bot: Bot) -> None:
    await fake.send_message(USER, "hi")
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("go", callback_data="go")]])
    message = (await bot.send_message(USER, "press", reply_markup=keyboard)).to_dict()
    press = await fake.press_button(USER, message, "go")
    assert await bot.answer_callback_query(press["callback_query"]["id"])
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(press["callback_query"]["id"])


# --- the bot's own profile -------------------------------------------------------


async def test_command_menus_are_stored_per_language(fake: FakeTelegram, bot: Bot) -> None:
    await bot.set_my_commands([("start", "开始"), ("help", "帮助")], language_code="zh")
    await bot.set_my_commands([("start", "Start"), ("help", "Help")], language_code="en")
    await bot.set_my_commands([("start", "开始")])
    assert fake.commands == {
        ("default", "zh"): [
            {"command": "start", "description": "开始"},
            {"command": "help", "description": "帮助"},
        ],
        ("default", "en"): [
            {"command": "start", "description": "Start"},
            {"command": "help", "description": "Help"},
        ],
        ("default", ""): [{"command": "start", "description": "开始"}],
    }
    english = await bot.get_my_commands(language_code="en")
    assert [(c.command, c.description) for c in english] == [("start", "Start"), ("help", "Help")]
    assert await bot.delete_my_commands(language_code="en")
    assert await bot.get_my_commands(language_code="en") == ()


async def test_an_invalid_command_name_is_refused(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([("Start-Now", "x")])
