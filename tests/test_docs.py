"""The why pages of ``docs/`` and their round logs stay linked.

Why: ``docs/classifier.md``, ``docs/import.md``, ``docs/policy.md`` and ``docs/ui.md`` are short pages a newcomer
reads first; the round-by-round detail they summarise lives, verbatim, in ``docs/log/classifier-rounds.md``,
``docs/log/import-rounds.md``, ``docs/log/policy-rounds.md`` and ``docs/log/product-checks.md``, and the why pages link into it by section (the
policy page also into its labelling rules, ``docs/policy-labelling.md``). A section renamed or dropped in a log, or a link mistyped, would
leave a reader at the top of a 2,000-line page. So: every relative link of a why page and of a log page names
a file that exists and, if it has a ``#fragment``, a heading of that file (GitHub's anchor rule); every log
names its why page, and every why page links its log; a companion page (the labelling rules) and its why page link
each other, and the log names the companion in its header.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chainkg.settings import PROJECT_ROOT

DOCS = PROJECT_ROOT / "docs"
#: why page → its round log
PAIRS = {"classifier.md": "log/classifier-rounds.md", "import.md": "log/import-rounds.md",
         "policy.md": "log/policy-rounds.md", "ui.md": "log/product-checks.md"}
#: companion page → its why page (the companion is also named in the why page's log header)
COMPANIONS = {"policy-labelling.md": "policy.md"}
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
#: a fenced code block or an inline code span: Markdown makes no link inside either
CODE = re.compile(r"^\s*```.*?^\s*```|`[^`\n]*`", re.M | re.S)


def anchors(text: str) -> set[str]:
    """GitHub's anchors of a Markdown text: each heading outside code fences, lower-cased, punctuation but
    ``-`` and ``_`` dropped, spaces to ``-``; a repeated anchor gets ``-1``, ``-2`` …"""
    seen: dict[str, int] = {}
    out: set[str] = set()
    fence = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fence = not fence
            continue
        m = None if fence else re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m:
            slug = re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-")
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def broken_links(page: Path) -> list[str]:
    """The relative links of ``page`` (outside code) whose file or ``#fragment`` does not exist."""
    bad = []
    for target in LINK.findall(CODE.sub("", page.read_text(encoding="utf-8"))):
        if re.match(r"[a-z]+:", target):
            continue  # a URL
        path, _, frag = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        if not dest.is_file():
            bad.append(target)
        elif frag and dest.suffix == ".md" and frag not in anchors(dest.read_text(encoding="utf-8")):
            bad.append(target)
    return bad


@pytest.mark.parametrize("page", [*PAIRS, *PAIRS.values(), *COMPANIONS])
def test_every_link_of_a_why_page_and_its_log_resolves(page):
    assert broken_links(DOCS / page) == []


@pytest.mark.parametrize("why,log", PAIRS.items())
def test_the_why_page_and_its_log_name_each_other(why, log):
    why_text = (DOCS / why).read_text(encoding="utf-8")
    log_text = (DOCS / log).read_text(encoding="utf-8")
    assert f"]({log}" in why_text
    assert f"](../{why})" in log_text.split("\n---\n", 1)[0]  # in the log's own header, above the kept text


@pytest.mark.parametrize("companion,why", COMPANIONS.items())
def test_a_companion_page_its_why_page_and_the_log_name_each_other(companion, why):
    companion_text = (DOCS / companion).read_text(encoding="utf-8")
    assert f"]({companion}" in (DOCS / why).read_text(encoding="utf-8")
    assert f"]({why}" in companion_text
    assert f"](../{companion}" in (DOCS / PAIRS[why]).read_text(encoding="utf-8").split("\n---\n", 1)[0]


def test_anchors_follow_githubs_rule():
    text = "# A → b\n```\n# not a heading\n```\n## 4. Figures\n## 4. Figures\n### Round 8: cores — a `x.py`"
    assert anchors(text) == {"a--b", "4-figures", "4-figures-1", "round-8-cores--a-xpy"}


def test_a_missing_section_is_found(tmp_path):
    (tmp_path / "log").mkdir()
    (tmp_path / "log" / "x.md").write_text("# X\n## 4. Figures\n", encoding="utf-8")
    page = tmp_path / "why.md"
    page.write_text("[a](log/x.md#4-figures) [b](log/x.md#5-files) [c](log/y.md) [d](https://e.org/#z)\n"
                    "`[,:](包括|即)` is a pattern, no link\n```\n[e](log/z.md)\n```\n", encoding="utf-8")
    assert broken_links(page) == ["log/x.md#5-files", "log/y.md"]
