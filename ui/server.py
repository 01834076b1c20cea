"""The UI as users start it: ``streamlit run ui/server.py`` (what ``chainkg serve`` and the container
run). Streamlit finds the ``st.App`` below and serves ``ui/app.py`` through it, with the security
headers of ``ui/headers.py`` on every HTTP response — the page, its static assets, the component
frames, ``/_stcore/*`` answers and errors alike; the WebSocket (``/_stcore/stream``) passes through.
``streamlit run ui/app.py`` still works, but sends none of these headers.

Uploads are capped at the API's limit here too (``server.maxUploadSize``, Streamlit's default is
200 MB): any visitor's session can send a file to Streamlit's upload endpoint, which holds it in
memory, before a page decides whether that visitor may import anything.

Not imported by anything: constructing ``st.App`` pins Streamlit's process-wide script path.
"""

from pathlib import Path

import streamlit as st
from streamlit import config

from ui.access import MAX_UPLOAD_MB
from ui.headers import middleware

if config.get_option("server.maxUploadSize") > MAX_UPLOAD_MB:
    config.set_option("server.maxUploadSize", MAX_UPLOAD_MB)

app = st.App(str(Path(__file__).with_name("app.py")), middleware=middleware())
