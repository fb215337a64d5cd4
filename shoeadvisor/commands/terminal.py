"""Everything the headless commands print goes through here.

A name in a profile or shoe file, a file name, a key: any of them may hold ESC
sequences, BEL, CR, other C0/C1 controls or bidi overrides that would drive or
garble the terminal. Text is made safe where it is written, not where it is
built, so new output cannot forget it: control characters are shown as visible
escapes (``\\x1b``, ``\\u202e``). The JSON output keeps the data exactly (it
escapes the same characters the JSON way, ``\\u001b``), so a program reading it
sees the original text.
"""

from __future__ import annotations

import re
import sys
from typing import Any, TextIO

#: C0 controls (but tab and newline), DEL, C1 controls, line/paragraph separators,
#: and the bidi embeddings, overrides and isolates (marks such as U+200F stay).
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE_TEXT = re.compile(f"[{_CONTROLS}]")
_UNSAFE_LINE = re.compile(f"[{_CONTROLS}\t\n]")
#: The same characters as UTF-8 bytes (C0 controls never reach here: JSON escapes them).
_UNSAFE_JSON = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape_json_bytes(raw: bytes) -> bytes:
    """`_UNSAFE_JSON.sub(...)` without a regex scan of the whole output (36 ms for
    18 MB): the lead bytes are found with bytes.find (memchr), and only there checked."""
    spans: list[tuple[int, int]] = []
    for lead in (b"\x7f", b"\xc2", b"\xe2"):
        at = raw.find(lead)
        while at != -1:
            match = _UNSAFE_JSON.match(raw, at)
            if match:
                spans.append(match.span())
            at = raw.find(lead, at + 1)
    if not spans:
        return raw
    pieces: list[bytes] = []
    done = 0
    for start, end in sorted(spans):
        pieces += [raw[done:start], f"\\u{ord(raw[start:end].decode()):04x}".encode()]
        done = end
    pieces.append(raw[done:])
    return b"".join(pieces)


def safe_text(text: str) -> str:
    """Multi-line text with every control character but newline and tab made visible."""
    return _UNSAFE_TEXT.sub(_escape, text)


def safe_line(text: str) -> str:
    """One line: newlines and tabs are made visible too."""
    return _UNSAFE_LINE.sub(_escape, text)


def json_bytes(data: Any) -> bytes:
    """`data` as indented UTF-8 JSON (the layout of json.dumps(indent=2)) and a newline.

    orjson writes 10,000 scored shoes (18 MB) in about 25 ms where the json module's
    indenting encoder, written in Python, takes 600 ms.
    """
    import orjson

    try:
        raw = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except (TypeError, orjson.JSONEncodeError):
        import json

        # Text orjson refuses (a lone surrogate, an integer over 64 bits): ASCII escapes.
        raw = (json.dumps(data, indent=2) + "\n").encode("ascii")
    # Inside JSON strings only, so escaping keeps the document valid and its data equal.
    return _escape_json_bytes(raw)


def write_text(text: str, stream: TextIO | None = None) -> None:
    """Write text made safe for a terminal (standard output by default)."""
    (stream or sys.stdout).write(safe_text(text))


def write_json(data: Any) -> None:
    """Write `data` as JSON to standard output, in one write."""
    raw = json_bytes(data)
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a StringIO in tests
        sys.stdout.write(raw.decode("utf-8"))
    else:
        buffer.write(raw)
        buffer.flush()


def say(message: str) -> None:
    """One line of news on standard error (what was written, where)."""
    print(safe_line(message), file=sys.stderr)


def error_line(message: str) -> None:
    """The one line an error prints on standard error."""
    print(f"shoeadvisor: {safe_line(message)}", file=sys.stderr)


class CommandError(Exception):
    """A command cannot go on: one line on standard error and exit status 2."""
