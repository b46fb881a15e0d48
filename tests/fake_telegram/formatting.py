"""Message formatting as Telegram does it: parse_mode markup → plain text + entities.

Offsets and lengths of entities count UTF-16 code units, like the Bot API.
Malformed markup is refused with Telegram's "can't parse entities" error, so a
bot that sends broken HTML fails here as it would against Telegram.
"""

from __future__ import annotations

import html
import re
from typing import Any

from .errors import ApiError, bad_request

HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
MARKDOWN_V2_RESERVED = "_*[]()~`>#+-=|{}.!"
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*?)?)\s*>")
_ATTR = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_ENTITY_REF = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot);")


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _unparsable(detail: str) -> ApiError:
    return bad_request(f"can't parse entities: {detail}")


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _unescape(chunk: str) -> str:
    return _ENTITY_REF.sub(lambda m: html.unescape(m.group(0)), chunk)


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Telegram's HTML style: supported tags only, `<` must be escaped."""
    out: list[str] = []
    entities: list[dict[str, Any]] = []
    stack: list[tuple[str, dict[str, Any]]] = []
    pos = 0
    while pos < len(source):
        lt = source.find("<", pos)
        if lt < 0:
            out.append(_unescape(source[pos:]))
            break
        out.append(_unescape(source[pos:lt]))
        match = _TAG.match(source, lt)
        if match is None:
            raise _unparsable(f'Unsupported start tag "" at byte offset {_byte_offset(source, lt)}')
        closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
        offset = utf16_len("".join(out))
        if closing:
            if not stack or stack[-1][0] != name:
                raise _unparsable(
                    f'Unmatched end tag at byte offset {_byte_offset(source, lt)}, expected "</{stack[-1][0]}>", found "</{name}>"'
                    if stack
                    else f"Unexpected end tag at byte offset {_byte_offset(source, lt)}"
                )
            _, entity = stack.pop()
            entity["length"] = offset - entity["offset"]
            if entity["length"] > 0:
                entities.append(entity)
        else:
            if name not in HTML_TAGS:
                raise _unparsable(
                    f'Unsupported start tag "{name}" at byte offset {_byte_offset(source, lt)}'
                )
            stack.append((name, _html_entity(name, attrs, offset, stack, source, lt)))
        pos = match.end()
    if stack:
        raise _unparsable(f"Can't find end tag corresponding to start tag {stack[-1][0]}")
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), [e for e in entities if e["type"] != "_language"]


def _html_entity(
    name: str, attrs: str, offset: int, stack: list, source: str, lt: int
) -> dict[str, Any]:
    values = {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
        for m in _ATTR.finditer(attrs)
    }
    kind = HTML_TAGS[name]
    entity: dict[str, Any] = {"type": kind, "offset": offset}
    if name == "span" and values.get("class") != "tg-spoiler":
        raise _unparsable(
            f'Tag "span" must have class "tg-spoiler" at byte offset {_byte_offset(source, lt)}'
        )
    if name == "a":
        href = values.get("href", "")
        user = re.fullmatch(r"tg://user\?id=(\d+)", href)
        if user:
            entity.update(
                type="text_mention",
                user={"id": int(user.group(1)), "is_bot": False, "first_name": ""},
            )
        else:
            entity["url"] = href
    if name == "blockquote" and "expandable" in attrs.split():
        entity["type"] = "expandable_blockquote"
    if name == "tg-emoji":
        entity["custom_emoji_id"] = values.get("emoji-id", "")
    if name == "code" and stack and stack[-1][0] == "pre":
        language = values.get("class", "")
        if language.startswith("language-"):
            stack[-1][1]["language"] = language.removeprefix("language-")
        entity["type"] = "_language"  # the code inside pre is not an entity of its own
    return entity


_V2_MARKERS = ("```", "__", "||", "*", "_", "~", "`")
_V2_NAMES = {
    "*": ("bold", "Bold"),
    "_": ("italic", "Italic"),
    "__": ("underline", "Underline"),
    "~": ("strikethrough", "Strikethrough"),
    "||": ("spoiler", "Spoiler"),
    "`": ("code", "Code"),
    "```": ("pre", "Pre"),
}


def parse_markdown_v2(source: str) -> tuple[str, list[dict[str, Any]]]:
    """MarkdownV2: every reserved character outside an entity must be escaped."""
    out: list[str] = []
    entities: list[dict[str, Any]] = []
    stack: list[tuple[str, int, int]] = []  # marker, utf16 offset, source index
    links: list[tuple[int, int]] = []
    i = 0
    while i < len(source):
        char = source[i]
        in_code = bool(stack) and stack[-1][0] in ("`", "```")
        if char == "\\" and i + 1 < len(source):
            out.append(source[i + 1])
            i += 2
            continue
        marker = next((m for m in _V2_MARKERS if source.startswith(m, i)), None)
        if in_code and marker != stack[-1][0]:
            out.append(char)
            i += 1
            continue
        if marker:
            if stack and stack[-1][0] == marker:
                _, start, _ = stack.pop()
                entity = {"type": _V2_NAMES[marker][0], "offset": start}
                entity["length"] = utf16_len("".join(out)) - start
                if marker == "```":
                    text = "".join(out)
                    body = text[_from_utf16(text, start) :]
                    first, _, rest = body.partition("\n")
                    if rest and first and re.fullmatch(r"[\w+-]+", first):
                        out[:] = [text[: _from_utf16(text, start)] + rest]
                        entity["language"] = first
                        entity["length"] = utf16_len(rest)
                if entity["length"] > 0:
                    entities.append(entity)
            else:
                stack.append((marker, utf16_len("".join(out)), i))
            i += len(marker)
            continue
        if char == "[":
            links.append((utf16_len("".join(out)), i))
            i += 1
            continue
        if char == "]" and links:
            start, _ = links.pop()
            close = source.find(")", i)
            if not source.startswith("(", i + 1) or close < 0:
                raise _unparsable(
                    "Character ']' is reserved and must be escaped with the preceding '\\'"
                )
            entity = {"type": "text_link", "offset": start, "url": source[i + 2 : close]}
            entity["length"] = utf16_len("".join(out)) - start
            entities.append(entity)
            i = close + 1
            continue
        if char in MARKDOWN_V2_RESERVED:
            raise _unparsable(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        out.append(char)
        i += 1
    if stack or links:
        marker, _, index = stack[-1] if stack else ("[", 0, links[-1][1])
        name = _V2_NAMES.get(marker, ("text_link", "TextUrl"))[1]
        raise _unparsable(
            f"Can't find end of {name} entity at byte offset {_byte_offset(source, index)}"
        )
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def parse_markdown(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Legacy Markdown: *bold*, _italic_, `code`, ```pre```, [text](url)."""
    out: list[str] = []
    entities: list[dict[str, Any]] = []
    i = 0
    kinds = {"*": "bold", "_": "italic", "`": "code", "```": "pre"}
    while i < len(source):
        marker = "```" if source.startswith("```", i) else source[i]
        if marker in kinds:
            end = source.find(marker, i + len(marker))
            if end < 0:
                raise _unparsable(
                    f"Can't find end of the entity starting at byte offset {_byte_offset(source, i)}"
                )
            inner = source[i + len(marker) : end]
            entity = {"type": kinds[marker], "offset": utf16_len("".join(out))}
            entity["length"] = utf16_len(inner)
            out.append(inner)
            if entity["length"]:
                entities.append(entity)
            i = end + len(marker)
            continue
        link = re.compile(r"\[([^\]]*)\]\(([^)]*)\)").match(source, i)
        if link:
            entity = {"type": "text_link", "offset": utf16_len("".join(out)), "url": link.group(2)}
            entity["length"] = utf16_len(link.group(1))
            out.append(link.group(1))
            entities.append(entity)
            i = link.end()
            continue
        out.append(source[i])
        i += 1
    return "".join(out), entities


def _from_utf16(text: str, units: int) -> int:
    """The str index at `units` UTF-16 code units into `text`."""
    count = 0
    for index, char in enumerate(text):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def _strip(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Telegram trims leading and trailing whitespace; entities follow the text."""
    stripped = text.strip()
    if not stripped:
        return "", []
    head = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    kept = []
    for entity in entities:
        start = max(entity["offset"] - head, 0)
        end = min(entity["offset"] + entity["length"] - head, total)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept


def render(
    text: str, parse_mode: str | None, entities: list[dict[str, Any]] | None
) -> tuple[str, list[dict[str, Any]]]:
    """The text and entities Telegram stores for a message or caption."""
    mode = (parse_mode or "").lower()
    if entities is not None or not mode:
        plain, found = text, list(entities or [])
    elif mode == "html":
        plain, found = parse_html(text)
    elif mode == "markdownv2":
        plain, found = parse_markdown_v2(text)
    elif mode == "markdown":
        plain, found = parse_markdown(text)
    else:
        raise bad_request(f"unsupported parse_mode {parse_mode!r}")
    return _strip(plain, found)
