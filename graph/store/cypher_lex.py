"""The console's Cypher read as Neo4j will read it: normalised, then cut into tokens.

Neo4j ends a ``//`` comment at ``\\n`` *or* a bare ``\\r``, and decodes ``\\uXXXX`` escapes *before*
lexing (``\\u0027`` closes a string, ``\\u000a`` ends a comment). So line terminators become
``\\n``; any ``\\u`` escape, control or invisible (format) character is refused; Unicode spaces
outside strings become plain spaces; and every comment is blanked out. The normalised text — with no
comment left to disagree about — is what runs. The tokens are words, quoted names, strings,
numbers, parameters and punctuation; any other character is refused
(:class:`~graph.store.cypher_errors.CypherRefused`). The rules over the tokens are
:mod:`graph.store.cypher_guard`'s.

>>> [t.text for t in tokens("MATCH (n:`Fi``rm`) RETURN $p")]
['MATCH', '(', 'n', ':', 'Fi`rm', ')', 'RETURN', 'p']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from graph.store.cypher_errors import refuse

__all__ = ["Token", "lex", "normalise", "tokens", "strip_literals"]

_PUNCT = sorted(["-->", "<--", "<-", "->", "--", "<>", "<=", ">=", "=~", "!=", "..", "+=", "::", "||",
                 "(", ")", "[", "]", "{", "}", ",", ".", ":", ";", "|", "=", "<", ">", "+", "-", "*",
                 "/", "%", "^", "&", "!", "?", "$"], key=len, reverse=True)
_NUMBER = re.compile(r"0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?")


@dataclass(frozen=True)
class Token:
    kind: str   # word | name (`quoted`) | string | number | param | punct
    text: str   # as written (a quoted name without its backticks, unescaped)
    pos: int


def _is_word_start(ch: str) -> bool:
    return ch == "_" or unicodedata.category(ch).startswith("L")


def _is_word_part(ch: str) -> bool:
    return ch == "_" or unicodedata.category(ch)[0] == "L" or unicodedata.category(ch) in ("Nd", "Mn", "Mc")


def lex(query: str) -> tuple[str, list[Token]]:
    """(normalised query, tokens). Raises :class:`CypherRefused` on anything it does not know."""
    if not isinstance(query, str):
        raise refuse("the query must be text")
    q = query.replace("\r\n", "\n").replace("\r", "\n")
    esc = re.search(r"\\[uU]", q)
    if esc:
        raise refuse("\\u escapes are not allowed in console queries (Neo4j decodes them before parsing); "
                     "type the character itself or pass the value as a parameter", position=esc.start())
    for i, ch in enumerate(q):
        cat = unicodedata.category(ch)
        if (cat == "Cc" and ch not in "\t\n") or cat in ("Cf", "Cs", "Co", "Cn"):
            raise refuse(f"control or invisible character U+{ord(ch):04X} not allowed", position=i)
    out: list[str] = []
    toks: list[Token] = []
    i, n = 0, len(q)
    while i < n:
        ch = q[i]
        if ch == "\n" or ch in "\u2028\u2029":
            out.append("\n")
            i += 1
        elif ch.isspace():
            out.append(" ")
            i += 1
        elif q.startswith("//", i):
            j = q.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif q.startswith("/*", i):
            j = q.find("*/", i + 2)
            if j < 0:
                raise refuse("unterminated comment", position=i)
            out.append("".join("\n" if c == "\n" else " " for c in q[i:j + 2]))
            i = j + 2
        elif ch in ("'", '"'):
            j = i + 1
            while j < n and q[j] != ch:
                j += 2 if q[j] == "\\" else 1
            if j >= n:
                raise refuse("unterminated string literal", position=i)
            toks.append(Token("string", q[i:j + 1], i))
            out.append(q[i:j + 1])
            i = j + 1
        elif ch == "`" or (ch == "$" and i + 1 < n and q[i + 1] == "`"):
            start = i + 1 if ch == "`" else i + 2
            j, name = start, []
            while True:
                k = q.find("`", j)
                if k < 0:
                    raise refuse("unterminated backtick name", position=i)
                name.append(q[j:k])
                if q.startswith("``", k):  # a doubled backtick is one backtick inside the name
                    name.append("`")
                    j = k + 2
                    continue
                break
            toks.append(Token("name" if ch == "`" else "param", "".join(name), i))
            out.append(q[i:k + 1])
            i = k + 1
        elif ch == "$" and i + 1 < n and (_is_word_part(q[i + 1])):
            j = i + 1
            while j < n and _is_word_part(q[j]):
                j += 1
            toks.append(Token("param", q[i + 1:j], i))
            out.append(q[i:j])
            i = j
        elif _is_word_start(ch):
            j = i + 1
            while j < n and _is_word_part(q[j]):
                j += 1
            toks.append(Token("word", q[i:j], i))
            out.append(q[i:j])
            i = j
        elif ch.isascii() and ch.isdigit():
            m = _NUMBER.match(q, i)
            toks.append(Token("number", m.group(), i))
            out.append(m.group())
            i = m.end()
        else:
            p = next((p for p in _PUNCT if q.startswith(p, i)), None)
            if p is None:
                raise refuse(f"unexpected character {ch!r} (U+{ord(ch):04X})", position=i)
            toks.append(Token("punct", p, i))
            out.append(p)
            i += len(p)
    return "".join(out), toks


def normalise(query: str) -> str:
    """The query as it will run: line terminators ``\\n``, comments blanked, Unicode spaces plain.

    >>> normalise("RETURN 1 // x\\rCREATE (n)")
    'RETURN 1     \\nCREATE (n)'
    """
    return lex(query)[0]


def tokens(query: str) -> list[Token]:
    return lex(query)[1]


def strip_literals(query: str) -> str:
    """The normalised query with string literals blanked (quotes kept): what the guard reads as code.

    >>> strip_literals("RETURN 'a//b' /* x */ , 1 // c")
    "RETURN '    '         , 1     "
    """
    text, toks = lex(query)
    for t in toks:
        if t.kind == "string":
            text = text[:t.pos] + t.text[0] + " " * (len(t.text) - 2) + t.text[0] + text[t.pos + len(t.text):]
    return text
