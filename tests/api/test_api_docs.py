"""``/docs`` and ``/redoc`` work offline: their pages load Swagger UI / ReDoc from the app itself."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from api.app import create_app
from chainkg.settings import Settings


def test_docs_pages_use_local_assets_only():
    client = TestClient(create_app(Settings(dev_mode=False)))
    for page in ("/docs", "/redoc"):
        r = client.get(page)
        assert r.status_code == 200, page
        urls = re.findall(r"""(?:src|href)=["']([^"']+)["']|url: ?["']([^"']+)["']""", r.text)
        urls = [u for pair in urls for u in pair if u]
        assert urls, page
        assert not [u for u in urls if u.startswith(("http:", "https:", "//"))], (page, urls)
        for u in urls:
            if u.endswith((".js", ".css")):
                asset = client.get(u)
                assert asset.status_code == 200 and len(asset.content) > 10_000, u
    assert client.get("/openapi.json").json()["info"]["title"].startswith("ChainKG")
