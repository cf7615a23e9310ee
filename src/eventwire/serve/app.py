"""``create_app(settings)``: the FastAPI application behind ``eventwire serve``.

The app serves the API (``eventwire.serve.routes``), the map page at ``/`` and its files
under ``/static`` (the JavaScript, CSS and basemap vendored from npm by
``scripts/vendor_web.sh``), and Swagger UI at ``/docs`` from the same vendored files, so
neither page makes a request to any other host. Bodies over ``max_article_mb`` are refused
with 413; bad parameters give 400 with a ``detail`` message.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.config import Settings
from eventwire.errors import EventwireError, ModelNotFound
from eventwire.serve.limits import BodyLimit
from eventwire.serve.routes import router
from eventwire.serve.state import ServerState
from eventwire.store import Coder, StoreError

VENDOR = "/static/vendor"


def static_dir() -> Path:
    """The folder of the page's files inside the installed package."""
    return Path(str(resources.files("eventwire.serve") / "static"))


def create_app(settings: Settings, *, pipeline: Coder | None = None) -> FastAPI:
    """The application for ``settings`` (store ``db``, ``api_key``, ``max_article_mb``).

    ``pipeline`` replaces the NLP pipeline (tests pass a stub); by default it is loaded on the
    first request that codes text.
    """
    server = ServerState(settings, pipeline)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        server.close()

    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="PLOVER political events coded from news articles, offline. "
        "Read endpoints are open; POST /articles needs the API key.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.eventwire = server
    app.include_router(router)
    app.add_middleware(BodyLimit, max_bytes=settings.max_article_bytes)
    static = static_dir()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(static / "favicon.svg", media_type="image/svg+xml")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="eventwire API",
            swagger_js_url=f"{VENDOR}/swagger-ui-dist/swagger-ui-bundle.js",
            swagger_css_url=f"{VENDOR}/swagger-ui-dist/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
        )

    app.add_exception_handler(RequestValidationError, _bad_request)
    app.add_exception_handler(ModelNotFound, _unavailable)
    app.add_exception_handler(StoreError, _unavailable)
    app.add_exception_handler(EventwireError, _unprocessable)
    return app


async def _bad_request(_request: Request, exc: Exception) -> JSONResponse:
    """FastAPI's 422 for a malformed parameter or body, as a 400 with one readable line."""
    errors: list[Any] = list(exc.errors()) if isinstance(exc, RequestValidationError) else []
    parts = []
    for error in errors:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    detail = "; ".join(dict.fromkeys(parts)) or "bad request"
    return JSONResponse({"detail": detail, "errors": _plain(errors)}, status_code=400)


async def _unavailable(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=503)


async def _unprocessable(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=422)


def _plain(errors: list[Any]) -> list[dict[str, Any]]:
    """Validation errors without their ``ctx``/``input`` (which may not be JSON)."""
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
            for e in errors]  # fmt: skip
