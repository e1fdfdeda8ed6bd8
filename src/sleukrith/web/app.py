"""The web app: HTML pages over the archive and the library, each with a JSON twin.

``create_app(db_path, token=None)`` builds a FastAPI application:

* pages (no JavaScript needed, phone-width friendly): ``/`` search with facets and pagination,
  ``/documents/{id}`` a document with its entities highlighted, record card, dates with their lunar
  equivalents, romanized names and the normalized text with explained fixes; ``/analyze`` paste a
  text and see the same view (nothing is stored); ``/about``; ``/docs`` an offline API reference.
* JSON: ``GET /api/search``, ``GET /api/documents/{id}``, ``POST /api/analyze``,
  ``POST /api/normalize``, ``POST /api/words``, ``POST /api/dates``, ``POST /api/documents``
  (bearer token; 403 when the server has none configured), ``/openapi.json``.
* Bodies over 10 MB get 413 (checked on Content-Length and on the streamed bytes); errors under
  ``/api`` are JSON ``{"error": message, "status": code}``.
* The Khmer web font (Noto Sans Khmer, OFL-1.1) is served from the installed
  ``fontpkg-noto-sans-khmer`` package, so pages render Khmer on machines without Khmer fonts.

>>> app = create_app("sleukrith.db", token="secret")  # doctest: +SKIP
"""

from __future__ import annotations

import hmac
import json
import os
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from sleukrith.archive.ingest import Ingestor, Source
from sleukrith.archive.search import search
from sleukrith.archive.store import Archive
from sleukrith.web import views

__all__ = ["create_app", "MAX_BODY"]

MAX_BODY = 10 * 1024 * 1024
HERE = Path(__file__).resolve().parent
TEXT_BODY = {
    "required": True,
    "content": {
        "text/plain": {"schema": {"type": "string"}, "example": "ថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០២១"},
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "properties": {"text": {"type": "string"}},
            }
        },
    },
}


# -- request size limit ------------------------------------------------------------------------


class BodyLimit:
    """ASGI middleware: 413 for request bodies over ``limit`` bytes.

    Checks the declared Content-Length first, then counts the streamed bytes (a client may send
    chunked bodies or lie), buffering at most ``limit`` bytes before handing them on.
    """

    def __init__(self, app: Any, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _too_large(send, "invalid Content-Length header", 400)
                    return
                if declared > self.limit:
                    await _too_large(send, _limit_message(self.limit), 413)
                    return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:
                await _too_large(send, _limit_message(self.limit), 413)
                return
            chunks.append(body)
            more = message.get("more_body", False)
        payload = b"".join(chunks)
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": payload, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SecurityHeaders:
    """ASGI middleware: a strict Content-Security-Policy and friends on every response.

    The pages use no scripts at all, so scripts are simply not allowed: even if some text ever
    slipped past the escaping, a browser would not run it.
    """

    HEADERS = [
        (b"content-security-policy",
         b"default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
         b"form-action 'self'; frame-ancestors 'none'"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _v in message.get("headers", [])}
                extra = [(k, v) for k, v in self.HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


def _limit_message(limit: int) -> str:
    return f"request body too large: the limit is {limit // (1024 * 1024)} MB"


async def _too_large(send: Any, message: str, status: int) -> None:
    body = json.dumps({"error": message, "status": status}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


# -- helpers -----------------------------------------------------------------------------------


def _font_files() -> tuple[Path | None, Path | None]:
    """The Noto Sans Khmer font file and its licence, from the installed font package."""
    try:
        import fontpkg_noto_sans_khmer as fontpkg
    except ImportError:
        return None, None
    root = Path(fontpkg.ROOT)
    fonts = sorted((root / "files").glob("*.ttf")) + sorted((root / "files").glob("*.woff2"))
    licence = root / "LICENSE"
    return (fonts[0] if fonts else None), (licence if licence.exists() else None)


def _valid_unicode(value: str, what: str = "text") -> str:
    """JSON can carry lone surrogates (``"\\ud800"``), which no output encoding accepts."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise HTTPException(
            400,
            f"{what} contains an unpaired surrogate ({value[exc.start]!r} at offset {exc.start}):"
            " send valid Unicode",
        ) from exc
    return value


async def _read_text(request: Request) -> str:
    """The text of a POST body: text/plain, or JSON ``{"text": ...}``."""
    raw = await request.body()
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, f"the body is not valid UTF-8 ({exc.reason})") from exc
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        try:
            obj = json.loads(body)
        except json.JSONDecodeError as exc:
            raise HTTPException(400, f"invalid JSON: {exc.msg} at position {exc.pos}") from exc
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise HTTPException(422, 'JSON body must be an object with a "text" string')
        return _valid_unicode(obj["text"])
    if ctype in ("", "text/plain"):
        return body
    if ctype == "application/x-www-form-urlencoded":
        # an HTML form sends text=...; `curl --data-binary` sends raw text under this type
        if body.startswith("text="):
            return (parse_qs(body, keep_blank_values=True).get("text") or [""])[0]
        return body
    raise HTTPException(415, f"unsupported content type {ctype!r}: send text/plain or JSON")


async def _read_json_object(request: Request) -> dict[str, Any]:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        return {"text": await _read_text(request)}
    raw = await request.body()
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(400, f"invalid JSON body: {exc}") from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise HTTPException(422, 'JSON body must be an object with a "text" string')
    for key, value in obj.items():
        if isinstance(value, str):
            _valid_unicode(value, f'"{key}"')
    return obj


def _url(path: str, params: dict[str, Any], **changes: Any) -> str:
    """``path`` with the current query ``params`` updated by ``changes`` (None removes)."""
    merged = {**params, **changes}
    if str(merged.get("page", "")) == "1":
        merged.pop("page")
    merged = {k: v for k, v in merged.items() if v not in (None, "")}
    return path + ("?" + urlencode(merged) if merged else "")


def _is_web_url(value: Any) -> bool:
    """Only http(s) links are rendered (never ``javascript:`` or ``data:`` from a document)."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


# -- the app -----------------------------------------------------------------------------------


def create_app(db_path: str | Path = "sleukrith.db", token: str | None = None) -> FastAPI:
    """The FastAPI application over the archive at ``db_path``.

    ``token`` (or the ``SLEUKRITH_TOKEN`` environment variable) is the bearer token required by
    ``POST /api/documents``; without one that endpoint answers 403.
    """
    archive = Archive(db_path)
    token = token or os.environ.get("SLEUKRITH_TOKEN") or None
    font_path, font_licence = _font_files()

    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    env.globals["url"] = _url
    env.tests["web_url"] = _is_web_url
    templates = Jinja2Templates(env=env)

    app = FastAPI(
        title="sleukrith",
        summary="Khmer documents: search the archive, analyse, normalize, segment, find dates.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.archive = archive
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(request: Request, name: str, code: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("font_available", font_path is not None)
        return templates.TemplateResponse(request, name, context, status_code=code)

    # -- errors ---------------------------------------------------------------------------------
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        if request.url.path.startswith("/api") or request.url.path.startswith("/fonts"):
            return JSONResponse(
                {"error": message, "status": exc.status_code},
                status_code=exc.status_code,
                headers=getattr(exc, "headers", None),
            )
        return page(request, "error.html", exc.status_code, status=exc.status_code, message=message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
            problems.append(f"{where}: {err.get('msg')}")
        message = "invalid request: " + "; ".join(problems)
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": message, "status": 422}, status_code=422)
        return page(request, "error.html", 422, status=422, message=message)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:  # pragma: no cover
        message = f"internal error ({type(exc).__name__}); see the server log"
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": message, "status": 500}, status_code=500)
        return page(request, "error.html", 500, status=500, message=message)

    # -- font and docs --------------------------------------------------------------------------
    @app.get("/fonts/noto-sans-khmer.ttf", include_in_schema=False)
    def font() -> Response:
        if font_path is None:
            raise HTTPException(404, "the fontpkg-noto-sans-khmer package is not installed")
        return FileResponse(
            font_path,
            media_type="font/ttf",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @app.get("/fonts/LICENSE.txt", include_in_schema=False)
    def font_licence_text() -> Response:
        if font_licence is None:
            raise HTTPException(404, "font licence not found")
        return FileResponse(font_licence, media_type="text/plain; charset=utf-8")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs(request: Request) -> Response:
        return page(request, "apidocs.html", endpoints=views.endpoints(app.openapi()))

    # -- pages ----------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def search_page(
        request: Request,
        q: str = "",
        person: str = "",
        place: str = "",
        since: str = "",
        until: str = "",
    ) -> Response:
        params = dict(request.query_params)
        try:
            number = int(params.get("page", "1") or 1)
        except ValueError:
            number = 1
        try:
            response = search(
                archive,
                q,
                person=person or None,
                place=place or None,
                since=since or None,
                until=until or None,
                page=max(1, number),
                limit=10,
            )
        except ValueError as exc:
            return page(request, "search.html", 400, params=params, error=str(exc), response=None)
        return page(
            request,
            "search.html",
            params=params,
            response=response,
            results=[views.result_view(r) for r in response.results],
            error=None,
            count=archive.count(),
        )

    @app.get("/documents/{doc_id}", include_in_schema=False, response_class=HTMLResponse)
    def document_page(request: Request, doc_id: int) -> Response:
        stored = archive.get(doc_id)
        if stored is None:
            raise HTTPException(404, f"no document {doc_id} in this archive")
        view = views.document_view(stored.text, stored.analysis)
        return page(request, "document.html", doc=stored, view=view)

    @app.get("/analyze", include_in_schema=False, response_class=HTMLResponse)
    def analyze_form(request: Request) -> Response:
        return page(request, "analyze.html", text="", view=None)

    @app.post("/analyze", include_in_schema=False, response_class=HTMLResponse)
    async def analyze_page(request: Request) -> Response:
        raw = await request.body()
        form = parse_qs(raw.decode("utf-8", errors="replace"), keep_blank_values=True)
        text = (form.get("text") or [""])[0]
        view = None
        if text.strip():
            analysis = await run_in_threadpool(views.analyze_dict, text)
            view = await run_in_threadpool(views.document_view, text, analysis)
        return page(request, "analyze.html", text=text, view=view)

    @app.get("/about", include_in_schema=False, response_class=HTMLResponse)
    def about(request: Request) -> Response:
        return page(request, "about.html", stats=archive.stats())

    # -- JSON API -------------------------------------------------------------------------------
    @app.get("/api/search", tags=["archive"], summary="Search the archive")
    def api_search(
        q: str = "",
        person: str | None = None,
        place: str | None = None,
        since: str | None = None,
        until: str | None = None,
        page: int = 1,
        limit: int = 10,
    ) -> dict[str, Any]:
        """Same shape as `sleukrith search --json`.

        Query words are folded (្ដ/្ត, digits, spellings) and segmented like the documents; every
        word is matched literally. `since`/`until` take YYYY, YYYY-MM or YYYY-MM-DD.
        """
        try:
            response = search(
                archive,
                q,
                person=person,
                place=place,
                since=since,
                until=until,
                page=page,
                limit=limit,
            )
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from exc
        return response.to_dict()

    @app.get("/api/documents/{doc_id}", tags=["archive"], summary="One stored document")
    def api_document(doc_id: int) -> dict[str, Any]:
        """One stored document: original text, metadata, its analysis (Document.to_dict())."""
        stored = archive.get(doc_id)
        if stored is None:
            raise HTTPException(404, f"no document {doc_id} in this archive")
        return stored.to_dict()

    @app.post("/api/documents", tags=["archive"], status_code=201, summary="Add a document",
              openapi_extra={"requestBody": TEXT_BODY})
    async def api_add_document(request: Request, response: Response) -> dict[str, Any]:
        """Add a document (bearer token required). JSON: text, optional title, date, url, id."""
        if token is None:
            raise HTTPException(
                403,
                "adding documents over HTTP is disabled: start the server with --token or set "
                "SLEUKRITH_TOKEN",
            )
        auth = request.headers.get("authorization", "")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode("utf-8"), token.encode("utf-8")
        ):
            raise HTTPException(
                401,
                "missing or wrong bearer token (send 'Authorization: Bearer <token>')",
                headers={"WWW-Authenticate": "Bearer"},
            )
        obj = await _read_json_object(request)
        for key in ("title", "date", "url"):
            if obj.get(key) is not None and not isinstance(obj[key], str):
                raise HTTPException(422, f'"{key}" must be a string')
        if obj.get("id") is not None and (
            isinstance(obj["id"], bool) or not isinstance(obj["id"], str | int)
        ):
            raise HTTPException(422, '"id" must be a string or an integer')
        when = obj.get("date")
        if when is not None:
            try:
                when = date.fromisoformat(str(when)[:10]).isoformat()
            except ValueError as exc:
                raise HTTPException(422, f'"date" must be YYYY-MM-DD, not {when!r}') from exc
        src = Source(
            text=obj["text"],
            title=None if obj.get("title") is None else str(obj["title"]),
            date=when,
            url=None if obj.get("url") is None else str(obj["url"]),
            ext_id=None if obj.get("id") is None else str(obj["id"]),
            source="api",
        )

        def store() -> Any:
            ingestor = Ingestor(archive)
            outcome = ingestor.add(src)
            ingestor.flush()
            return outcome

        outcome = await run_in_threadpool(store)
        if outcome.status == "empty":
            raise HTTPException(422, "the document has no text")
        if outcome.status == "error":
            raise HTTPException(422, f"could not ingest the document: {outcome.message}")
        if outcome.status == "duplicate":
            response.status_code = 200
        return {
            "id": outcome.id,
            "status": outcome.status,
            "near_duplicates": [{"id": i, "similarity": s} for i, s in outcome.near],
            "url": f"/documents/{outcome.id}",
        }

    @app.post("/api/analyze", tags=["library"], summary="Analyse a text",
              openapi_extra={"requestBody": TEXT_BODY})
    async def api_analyze(request: Request) -> dict[str, Any]:
        """Analyse a text (nothing is stored): Document.to_dict()."""
        text = await _read_text(request)
        return await run_in_threadpool(views.analyze_dict, text)

    @app.post("/api/normalize", tags=["library"], summary="Normalize a text",
              openapi_extra={"requestBody": TEXT_BODY})
    async def api_normalize(request: Request) -> dict[str, Any]:
        """Normalized and folded text, and every fix explained."""
        text = await _read_text(request)
        return await run_in_threadpool(views.normalize_dict, text)

    @app.post("/api/words", tags=["library"], summary="Split a text into words",
              openapi_extra={"requestBody": TEXT_BODY})
    async def api_words(request: Request) -> dict[str, Any]:
        """The text split into words (lossless: the words join back to the text)."""
        text = await _read_text(request)
        return await run_in_threadpool(views.words_dict, text)

    @app.post("/api/dates", tags=["library"], summary="Find dates in a text",
              openapi_extra={"requestBody": TEXT_BODY})
    async def api_dates(request: Request) -> dict[str, Any]:
        """Dates, times and lunar dates found in the text, with ISO values."""
        text = await _read_text(request)
        return await run_in_threadpool(views.dates_dict, text)

    return app


def _version() -> str:
    from sleukrith import __version__

    return __version__
