"""End to end in a real browser: Playwright driving Debian's chromium against the real server.

Type a Khmer word spelled with ្ត, find the sample written with ្ដ, open it, see its entities
highlighted, check the Khmer web font loaded, and save screenshots to tests/artifacts/.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DOCS_SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "screenshot.png"
TA, DA = "\u17d2\u178f", "\u17d2\u178a"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_paths):
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (make dev installs it)")
    pytest.importorskip("playwright.sync_api")
    if not sample_paths:
        pytest.skip("no bundled samples yet")
    import uvicorn

    from sleukrith.archive import Archive, ingest_paths
    from sleukrith.web import create_app

    db = tmp_path_factory.mktemp("browser") / "browser.db"
    with Archive(db) as archive:
        summary = ingest_paths(archive, [os.path.relpath(p) for p in sample_paths])
        assert summary.added == len(sample_paths), summary.error_messages
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "db": db}
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


def _da_word(db) -> tuple[str, int]:
    """A word some sample writes with ្ដ, and the id of that document."""
    from sleukrith.archive import Archive
    from sleukrith.segment import words

    with Archive(db) as archive:
        rows = archive.conn.execute("SELECT id, text FROM documents ORDER BY id").fetchall()
    for doc_id, text in rows:
        for word in words(text):
            if DA in word and len(word) >= 4 and word.strip() == word:
                return word, doc_id
    pytest.skip("no sample spells a word with COENG DA")


def test_find_da_document_with_ta_query(server, browser):
    word, doc_id = _da_word(server["db"])
    query = word.replace(DA, TA)
    assert TA in query and DA not in query
    ARTIFACTS.mkdir(exist_ok=True)

    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(server["url"] + "/")
    page.fill("input[name=q]", query)
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=*")
    link = page.locator(f'a.hit-title[href="/documents/{doc_id}"]')
    assert link.count() == 1, f"the ្ដ document #{doc_id} is among the results for {query}"
    marks = page.locator("li.hit mark").all_inner_texts()
    assert word in marks or any(DA in m for m in marks), marks
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=False)

    link.click()
    page.wait_for_url(f"**/documents/{doc_id}")
    entities = page.locator("article .text span.ent")
    assert entities.count() > 0
    labels = set(
        page.eval_on_selector_all("article .text span.ent", "els => els.map(e => e.dataset.label)")
    )
    assert labels & {"PERSON", "LOC", "ORG", "DATE"}
    loaded = page.evaluate(
        """async () => {
            await document.fonts.ready;
            const faces = [...document.fonts].filter(
                f => f.family.replace(/["']/g, '') === 'Noto Sans Khmer');
            return {check: document.fonts.check('16px "Noto Sans Khmer"'),
                    loaded: faces.some(f => f.status === 'loaded')};
        }"""
    )
    assert loaded == {"check": True, "loaded": True}
    page.screenshot(path=str(ARTIFACTS / "document.png"), full_page=False)
    if os.environ.get("SLEUKRITH_SCREENSHOT"):  # refresh the picture in docs/web.md and README
        page.set_viewport_size({"width": 1100, "height": 720})
        page.screenshot(path=str(DOCS_SCREENSHOT), full_page=False)
        assert DOCS_SCREENSHOT.stat().st_size < 300_000
    context.close()


def test_phone_width_and_no_javascript(server, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False, is_mobile=True
    )
    page = context.new_page()
    page.goto(server["url"] + "/")
    page.fill("input[name=q]", "ខេត្ត")
    page.press("input[name=q]", "Enter")  # a plain GET form: works without JavaScript
    page.wait_for_url("**/?q=*")
    assert page.locator("li.hit").count() > 0
    first = page.locator("a.hit-title").first
    first.click()
    page.wait_for_load_state()
    assert "/documents/" in page.url
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "phone.png"), full_page=False)
    context.close()

    # the layout fits a phone: nothing wider than the screen
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server["url"] + "/?q=" + "ខេត្ត")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1] + 1, widths
    context.close()
