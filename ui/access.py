"""Who may write from the UI: the same rule as the API, defined once for every page that writes.

* ``CHAINKG_API_TOKEN`` set → a writer enters that token once per session (compared in constant
  time); without it the page is read-only.
* no token, ``CHAINKG_DEV_MODE=1`` → writes allowed (settings refuse dev mode off loopback);
* no token, no dev mode → the UI is read-only.

>>> writer_rule(token=None, dev_mode=False)
'read_only'
>>> writer_rule(token="x" * 16, dev_mode=False), writer_rule(token=None, dev_mode=True)
('token', 'dev')
"""

from __future__ import annotations

import hmac

import streamlit as st

from chainkg.settings import MAX_UPLOAD_BYTES, Settings

__all__ = ["writer_rule", "can_write", "may_write", "MAX_UPLOAD_MB"]

MAX_UPLOAD_MB = MAX_UPLOAD_BYTES // (1024 * 1024)  # the API's limit


def writer_rule(*, token: str | None, dev_mode: bool) -> str:
    if token:
        return "token"
    return "dev" if dev_mode else "read_only"


def _rule() -> tuple[Settings, str]:
    """The settings and this deployment's :func:`writer_rule`."""
    settings = Settings()
    return settings, writer_rule(token=settings.api_token, dev_mode=settings.dev_mode)


def can_write(t) -> bool:
    """True when this session may write; otherwise shows why (and a token field when one applies)."""
    settings, rule = _rule()
    if _granted(rule):
        return True
    if rule == "read_only":
        st.info(t("acc.read_only"))
        return False
    given = st.text_input(t("acc.token"), type="password", key="acc_token")
    if given:
        if hmac.compare_digest(given.encode(), settings.api_token.encode()):
            st.session_state["acc_ok"] = True
            return True
        st.error(t("acc.wrong"))
    return False


def may_write() -> bool:
    """Whether this session may write, shown nowhere: for a second write control on a page whose
    gate (:func:`can_write`, the token field) is already drawn elsewhere."""
    return _granted(_rule()[1])


def _granted(rule: str) -> bool:
    """Writes allowed: the loopback dev mode, or a token this session has already given."""
    return rule == "dev" or (rule == "token" and bool(st.session_state.get("acc_ok")))
