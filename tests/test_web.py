"""The web app and JSON API, through FastAPI's TestClient."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

with warnings.catch_warnings():  # starlette nags about httpx2; the TestClient still works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from sleukrith.archive import Archive, ingest_paths
from sleukrith.web import MAX_BODY, create_app

TA, DA = "\u17d2\u178f", "\u17d2\u178a"
TOKEN = "s3cret-token"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def db(tmp_path_factory, sample_paths):
    if not sample_paths:
        pytest.skip("no bundled samples yet")
    path = tmp_path_factory.mktemp("web") / "web.db"
    with Archive(path) as archive:
        summary = ingest_paths(archive, [str(p) for p in sample_paths])
        assert summary.added == len(sample_paths), summary.error_messages
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, token=TOKEN)) as c:
        yield c


@pytest.fixture(scope="module")
def open_client(db, monkeypatch_module):
    monkeypatch_module.delenv("SLEUKRITH_TOKEN", raising=False)
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_search_page_and_json_twin(client):
    page = client.get("/", params={"q": f"កណ{TA}ាល"})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert '<meta name="viewport"' in page.text and "<mark>" in page.text
    data = client.get("/api/search", params={"q": f"កណ{TA}ាល"}).json()
    assert data["total"] >= 1
    assert {"id", "title", "date", "snippet"} <= set(data["results"][0])
    assert set(data["facets"]) == {"people", "places", "organisations", "years"}
    for r in data["results"]:
        assert f'href="/documents/{r["id"]}"' in page.text


def test_search_pagination_links(client):
    first = client.get("/", params={"q": "", "page": 1})
    data = client.get("/api/search", params={"limit": 3}).json()
    assert data["pages"] >= 2
    page = client.get("/api/search", params={"limit": 3, "page": 2}).json()
    assert {r["id"] for r in data["results"]}.isdisjoint(r["id"] for r in page["results"])
    assert first.status_code == 200


def test_facet_links_filter(client):
    data = client.get("/api/search").json()
    place = data["facets"]["places"][0]["value"]
    page = client.get("/")
    assert "place=" in page.text
    filtered = client.get("/api/search", params={"place": place}).json()
    assert filtered["total"] >= 1 and filtered["filters"]["place"] == place
    html = client.get("/", params={"place": place})
    assert html.status_code == 200 and "remove the place filter" in html.text


def test_document_page_and_json(client):
    data = client.get("/api/search", params={"q": f"កណ{TA}ាល"}).json()
    doc_id = data["results"][0]["id"]
    page = client.get(f"/documents/{doc_id}")
    assert page.status_code == 200
    assert 'class="ent ent-' in page.text  # entities highlighted
    assert "Record" in page.text and "Normalized text" in page.text
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["id"] == doc_id and doc["analysis"]["text"] == doc["text"]
    assert f"កណ{DA}ាល" in doc["text"]


def test_missing_document(client):
    r = client.get("/api/documents/999999")
    assert r.status_code == 404 and r.json() == {
        "error": "no document 999999 in this archive", "status": 404
    }
    assert client.get("/documents/999999").status_code == 404
    assert client.get("/api/documents/abc").status_code == 422
    assert "error" in client.get("/api/nothing").json()


def test_bad_dates_are_clear_errors(client):
    r = client.get("/api/search", params={"since": "yesterday"})
    assert r.status_code == 400 and "YYYY" in r.json()["error"]
    page = client.get("/", params={"since": "yesterday"})
    assert page.status_code == 400 and "YYYY" in page.text


def test_library_endpoints(client):
    text = f"ថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២១ នៅស្រុកកណ{DA}ាលស្ទឹង"
    analyzed = client.post("/api/analyze", content=text.encode(),
                           headers={"content-type": "text/plain; charset=utf-8"})
    assert analyzed.status_code == 200 and analyzed.json()["text"] == text
    assert client.post("/api/analyze", json={"text": text}).json()["text"] == text
    norm = client.post("/api/normalize", json={"text": text}).json()
    assert TA in norm["folded"] and DA not in norm["folded"] and "fixes" in norm
    words = client.post("/api/words", json={"text": text}).json()["words"]
    assert "".join(words) == text
    dates = client.post("/api/dates", json={"text": text}).json()["dates"]
    assert any(d["value"] == "2021-11-29" and d["lunar"] for d in dates)


def test_bad_bodies(client):
    assert client.post("/api/words", content=b"\xff\xfe").status_code == 400
    assert client.post("/api/words", content=b"{", headers={"content-type": "application/json"}
                       ).status_code == 400
    r = client.post("/api/words", json={"txt": "x"})
    assert r.status_code == 422 and '"text"' in r.json()["error"]
    assert client.post("/api/words", content=b"x",
                       headers={"content-type": "image/png"}).status_code == 415
    # JSON can carry a lone surrogate, which no response can encode: a 400 naming it
    lone = '{"text": "\u1780\\ud800\u1781"}'.encode()
    for path in ("/api/words", "/api/normalize", "/api/analyze", "/api/dates"):
        r = client.post(path, content=lone, headers={"content-type": "application/json"})
        assert r.status_code == 400 and "surrogate" in r.json()["error"], path


def test_413_declared_and_streamed(client):
    big = b"a" * (MAX_BODY + 1)
    r = client.post("/api/analyze", content=big, headers={"content-type": "text/plain"})
    assert r.status_code == 413 and "10 MB" in r.json()["error"]

    def chunks():
        for _ in range(11):
            yield b"b" * (1024 * 1024)

    r = client.post("/api/words", content=chunks(), headers={"content-type": "text/plain"})
    assert r.status_code == 413
    assert client.post("/api/words", content=b"ok").status_code == 200


def test_add_document_needs_token(client):
    body = {"text": "ឯកសារថ្មីសម្រាប់ការសាកល្បង " + HOSTILE, "title": "ថ្មី " + HOSTILE}
    assert client.post("/api/documents", json=body).status_code == 401
    wrong = client.post("/api/documents", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and "bearer" in wrong.json()["error"].lower()
    ok = client.post("/api/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201, ok.text
    doc_id = ok.json()["id"]
    again = client.post("/api/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.status_code == 200 and again.json() == {**ok.json(), "status": "duplicate"}
    bad = client.post("/api/documents", json={"text": "x", "date": "soon"},
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 422
    for extra in ({"title": 5}, {"url": ["x"]}, {"id": True}):
        r = client.post("/api/documents", json={"text": "ឯកសារ", **extra},
                        headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 422 and next(iter(extra)) in r.json()["error"]
    lone = '{"text": "ឯកសារ", "title": "\\udc80"}'.encode()
    r = client.post("/api/documents", content=lone, headers={
        "Authorization": f"Bearer {TOKEN}", "content-type": "application/json"})
    assert r.status_code == 400 and '"title"' in r.json()["error"]
    # hostile text is escaped on every page
    page = client.get(f"/documents/{doc_id}")
    assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text
    assert "<img src=x" not in page.text
    found = client.get("/", params={"q": "ឯកសារថ្មី"})
    assert "<script>alert" not in found.text and "&lt;script&gt;" in found.text


def test_add_document_disabled_without_token(open_client):
    r = open_client.post("/api/documents", json={"text": "x"},
                         headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and "--token" in r.json()["error"]


def test_hostile_query_escaped(client):
    page = client.get("/", params={"q": HOSTILE, "person": HOSTILE})
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    analyzed = client.post("/analyze", data={"text": HOSTILE + " ខេត្តកំពត"})
    assert analyzed.status_code == 200
    assert "<script>alert" not in analyzed.text and "&lt;script&gt;" in analyzed.text


def test_analyze_page(client):
    form = client.get("/analyze")
    assert form.status_code == 200 and "<textarea" in form.text
    text = f"ឯកឧត្តម ស៊ុន ចាន់ថុល បានអញ្ជើញទៅខេត្តកណ{DA}ាល ថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២១ ។"
    before = client.get("/api/search").json()["total"]
    page = client.post("/analyze", data={"text": text})
    assert page.status_code == 200 and 'class="ent ent-' in page.text
    assert client.get("/api/search").json()["total"] == before  # nothing stored


def test_font_docs_static_about(client):
    font = client.get("/fonts/noto-sans-khmer.ttf")
    assert font.status_code == 200 and font.headers["content-type"] == "font/ttf"
    assert font.content[:4] in (b"\x00\x01\x00\x00", b"true", b"OTTO")
    assert "Open Font License" in client.get("/fonts/LICENSE.txt").text
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "/fonts/noto-sans-khmer.ttf" in css.text
    assert "@media" in css.text
    schema = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/documents/{doc_id}", "/api/analyze", "/api/normalize",
                 "/api/words", "/api/dates", "/api/documents"):
        assert path in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text
    assert "https://" not in docs.text and "<script" not in docs.text  # works offline
    about = client.get("/about")
    assert "Open Font License" in about.text
    assert "Open Font License" in client.get("/").text  # footer note


@settings(max_examples=100, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=30), page=st.integers(-3, 50),
       person=st.one_of(st.none(), st.text(max_size=8)))
def test_search_never_500(client, q, page, person):
    params = {"q": q, "page": page}
    if person is not None:
        params["person"] = person
    api = client.get("/api/search", params=params)
    assert api.status_code == 200
    html = client.get("/", params=params)
    assert html.status_code == 200


def test_security_headers_and_unsafe_links(client):
    page = client.get("/")
    assert "script-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    body = {"text": "ឯកសារមានតំណភ្ជាប់គ្រោះថ្នាក់", "url": "javascript:alert(1)"}
    added = client.post("/api/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert added.status_code == 201
    html = client.get(f"/documents/{added.json()['id']}").text
    assert 'href="javascript:' not in html and "javascript:alert(1)" in html  # shown, not linked


@settings(max_examples=60, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(doc_id=st.one_of(st.integers(), st.text(max_size=12)))
def test_document_ids_never_500(client, doc_id):
    from urllib.parse import quote

    path = quote(str(doc_id), safe="")
    if not path:
        return
    for prefix in ("/api/documents/", "/documents/"):
        assert client.get(prefix + path).status_code in (200, 404, 422)


@settings(max_examples=40, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(
    list("កខគងចឆជញដណតទនបពមយរលវសហអាិីឹុូេែោំះ់៉្០១២៣៤៥៦៧៨៩។៖ ") + ["\u200b", "\n", "a", "1", "<"]),
    max_size=60))
def test_library_endpoints_never_500(client, text):
    for path in ("/api/words", "/api/normalize", "/api/dates", "/api/analyze"):
        r = client.post(path, json={"text": text})
        assert r.status_code == 200, (path, r.text)


@pytest.mark.slow
def test_serve_command_starts_the_real_server(db, tmp_path):
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "SLEUKRITH_TOKEN": "from-env"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sleukrith", "serve", "--db", str(db), "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(base + "/api/search", params={"q": "ខេត្ត"}, timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["total"] >= 1
        # the token came from SLEUKRITH_TOKEN: wrong token 401, right token accepted
        assert httpx.post(base + "/api/documents", json={"text": "x"}).status_code == 401
        ok = httpx.post(base + "/api/documents", json={"text": "ឯកសារតាមរយៈ serve"},
                        headers={"Authorization": "Bearer from-env"})
        assert ok.status_code in (200, 201)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
