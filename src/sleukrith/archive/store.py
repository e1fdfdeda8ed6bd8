"""The archive's SQLite store: schema, connections, inserting and reading documents.

One file (default ``./sleukrith.db``) in WAL mode. Tables:

* ``documents``  the original text, title, date, source, the folded index terms with their spans
  in the original (for snippets), the zlib-compressed ``Document.to_dict()`` JSON and a MinHash
  signature; ``hash`` (content hash) is UNIQUE, which is what makes ingest idempotent.
* ``doc_fts``    FTS5 (external content = ``documents``) over the folded, segmented title and
  text, tokenized with ``unicode61 categories 'L* N* Co M*'`` so Khmer marks stay inside words.
* ``entities``   people, places and organisations of each document (facets and filters).
* ``near_duplicates``  pairs of documents whose MinHash similarity passed the threshold.
* ``schema_version``  a single row; a file written by another schema version is refused.

Every document is written inside one transaction (``Archive.transaction()``), so a process
killed at any moment leaves the archive consistent.

>>> with Archive(":memory:") as archive:  # doctest: +SKIP
...     archive.count()
0
"""

from __future__ import annotations

import json
import sqlite3
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

__all__ = [
    "Archive",
    "ArchiveError",
    "EntityRow",
    "PreparedDocument",
    "StoredDocument",
    "SCHEMA_VERSION",
    "TOKENIZE",
    "FACET_LABELS",
]

SCHEMA_VERSION = 1
TOKENIZE = "unicode61 categories 'L* N* Co M*'"
FACET_LABELS = ("PERSON", "LOC", "ORG")

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,
    ext_id      TEXT,
    source      TEXT,
    url         TEXT,
    title       TEXT,
    date        TEXT,
    year        INTEGER,
    text        TEXT NOT NULL,
    title_terms TEXT NOT NULL,
    terms       TEXT NOT NULL,
    spans       BLOB NOT NULL,
    analysis    BLOB,
    minhash     BLOB,
    added       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE INDEX IF NOT EXISTS documents_year ON documents(year);
CREATE TABLE IF NOT EXISTS entities (
    doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    label   TEXT NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    display TEXT NOT NULL,
    key     TEXT NOT NULL,
    en      TEXT
);
CREATE INDEX IF NOT EXISTS entities_doc ON entities(doc_id);
CREATE INDEX IF NOT EXISTS entities_label_key ON entities(label, key);
CREATE TABLE IF NOT EXISTS near_duplicates (
    doc_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    other_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    PRIMARY KEY (doc_id, other_id)
);
CREATE VIRTUAL TABLE IF NOT EXISTS doc_fts USING fts5(
    title_terms, terms, content='documents', content_rowid='id', tokenize="{TOKENIZE}"
);
"""


class ArchiveError(Exception):
    """The archive file cannot be used (wrong schema version, not an archive, missing)."""


@dataclass
class EntityRow:
    """A person, place or organisation of a document, as stored for facets and filters."""

    label: str
    start: int
    end: int
    text: str
    display: str
    key: str
    en: str | None = None


@dataclass
class PreparedDocument:
    """Everything needed to store one document; built by ``ingest.prepare`` without the DB."""

    hash: str
    text: str
    title: str | None
    date: str | None
    title_terms: str
    terms: str
    spans: bytes
    analysis: dict[str, Any] | None = None
    entities: list[EntityRow] = field(default_factory=list)
    minhash: bytes | None = None
    ext_id: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass
class StoredDocument:
    """A document read back from the archive."""

    id: int
    hash: str
    text: str
    title: str | None
    date: str | None
    ext_id: str | None
    source: str | None
    url: str | None
    added: str
    analysis: dict[str, Any] | None
    near_duplicates: list[tuple[int, float]]

    def to_dict(self) -> dict[str, Any]:
        """JSON-able view (the ``/api/documents/{id}`` body)."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "url": self.url,
            "ext_id": self.ext_id,
            "hash": self.hash,
            "added": self.added,
            "text": self.text,
            "near_duplicates": [{"id": i, "similarity": s} for i, s in self.near_duplicates],
            "analysis": self.analysis,
        }


def _jsonable(value: Any) -> Any:
    """JSON for the odd value a Document.to_dict() may carry (Decimal, date, set)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if isinstance(value, Decimal) and value.is_finite():
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value) if not isinstance(value, int | float) else value


def _connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    # reads dominate: map the file and keep more pages cached (the 2 MB default is small for
    # the full-text index of a large archive)
    conn.execute("PRAGMA mmap_size = 268435456")
    conn.execute("PRAGMA cache_size = -32768")
    return conn


class Archive:
    """An archive file. Thread-safe: each thread gets its own SQLite connection.

    >>> Archive(":memory:").count()  # doctest: +SKIP
    0
    """

    def __init__(self, path: str | Path = "sleukrith.db", *, create: bool = True) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            p = Path(self.path)
            if not p.exists() and not create:
                raise ArchiveError(f"{self.path}: no archive here (run `sleukrith ingest` first)")
            if p.exists() and p.is_dir():
                raise ArchiveError(f"{self.path}: is a directory, not an archive file")
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()
        try:
            self._init_schema()
        except sqlite3.Error as exc:
            self.close()
            raise ArchiveError(f"{self.path}: cannot open the archive ({exc})") from exc

    # -- connections -------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self.path == ":memory:" and self._all:
                conn = self._all[0]  # one shared in-memory database
            else:
                conn = _connect(self.path)
            self._local.conn = conn
            with self._lock:
                if conn not in self._all:
                    self._all.append(conn)
        return conn

    def _init_schema(self) -> None:
        conn = self.conn
        try:
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"{self.path}: not a sleukrith archive ({exc})") from exc
        if tables and "schema_version" not in tables:
            raise ArchiveError(f"{self.path}: an SQLite file, but not a sleukrith archive")
        if "schema_version" in tables:
            row = conn.execute("SELECT version FROM schema_version").fetchone()
            if row is not None and row[0] != SCHEMA_VERSION:
                raise ArchiveError(
                    f"{self.path}: archive schema version {row[0]}, this sleukrith reads "
                    f"version {SCHEMA_VERSION}; re-ingest into a new file"
                )
            if row is not None:
                return
        with self.transaction():
            for statement in _SCHEMA.split(";\n"):
                if statement.strip():
                    conn.execute(statement)
            if conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 0:
                conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on any exception)."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.Error:  # pragma: no cover - closing is best effort
                    pass
            self._all.clear()
        self._local = threading.local()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------
    def find_hash(self, content_hash: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE hash = ?", (content_hash,))
        found = row.fetchone()
        return None if found is None else int(found[0])

    def insert(self, doc: PreparedDocument, near: list[tuple[int, float]] = ()) -> int:
        """Insert one prepared document; call inside :meth:`transaction`."""
        conn = self.conn
        analysis = (
            None
            if doc.analysis is None
            else zlib.compress(
                json.dumps(doc.analysis, ensure_ascii=False, default=_jsonable).encode("utf-8"), 6
            )
        )
        year = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
        cur = conn.execute(
            "INSERT INTO documents (hash, ext_id, source, url, title, date, year, text, "
            "title_terms, terms, spans, analysis, minhash, added) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.hash,
                doc.ext_id,
                doc.source,
                doc.url,
                doc.title,
                doc.date,
                year,
                doc.text,
                doc.title_terms,
                doc.terms,
                doc.spans,
                analysis,
                doc.minhash,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        doc_id = int(cur.lastrowid)
        conn.execute(
            "INSERT INTO doc_fts (rowid, title_terms, terms) VALUES (?,?,?)",
            (doc_id, doc.title_terms, doc.terms),
        )
        if doc.entities:
            conn.executemany(
                "INSERT INTO entities (doc_id, label, start, end, text, display, key, en) "
                "VALUES (?,?,?,?,?,?,?,?)",
                [
                    (doc_id, e.label, e.start, e.end, e.text, e.display, e.key, e.en)
                    for e in doc.entities
                ],
            )
        for other, similarity in near:
            conn.execute(
                "INSERT OR IGNORE INTO near_duplicates VALUES (?,?,?)",
                (doc_id, other, similarity),
            )
            conn.execute(
                "INSERT OR IGNORE INTO near_duplicates VALUES (?,?,?)",
                (other, doc_id, similarity),
            )
        return doc_id

    # -- reading -----------------------------------------------------------------------------
    def has_entities(self) -> bool:
        """Whether any document has people, places or organisations (facets are worth it)."""
        row = self.conn.execute("SELECT 1 FROM entities LIMIT 1").fetchone()
        return row is not None

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def get(self, doc_id: int) -> StoredDocument | None:
        """The document with this id, or None (also for ids SQLite cannot hold)."""
        if not isinstance(doc_id, int) or not 0 < doc_id < 2**63:
            return None
        row = self.conn.execute(
            "SELECT id, hash, text, title, date, ext_id, source, url, added, analysis "
            "FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        analysis = None
        if row["analysis"] is not None:
            analysis = json.loads(zlib.decompress(row["analysis"]).decode("utf-8"))
        near = [
            (int(r[0]), float(r[1]))
            for r in self.conn.execute(
                "SELECT other_id, similarity FROM near_duplicates WHERE doc_id = ? "
                "ORDER BY similarity DESC",
                (doc_id,),
            )
        ]
        return StoredDocument(
            id=int(row["id"]),
            hash=row["hash"],
            text=row["text"],
            title=row["title"],
            date=row["date"],
            ext_id=row["ext_id"],
            source=row["source"],
            url=row["url"],
            added=row["added"],
            analysis=analysis,
            near_duplicates=near,
        )

    def signatures(self) -> Iterator[tuple[int, bytes]]:
        """(id, MinHash signature bytes) of every document that has one."""
        cur = self.conn.execute("SELECT id, minhash FROM documents WHERE minhash IS NOT NULL")
        for row in cur:
            yield int(row[0]), bytes(row[1])

    def check(self) -> list[str]:
        """Integrity problems (empty list when the file and the full-text index are sound)."""
        problems = [
            r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"
        ]
        try:
            self.conn.execute("INSERT INTO doc_fts(doc_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index: {exc}")
        return problems

    def stats(self) -> dict[str, int]:
        conn = self.conn
        return {
            "documents": self.count(),
            "entities": int(conn.execute("SELECT count(*) FROM entities").fetchone()[0]),
            "near_duplicate_pairs": int(
                conn.execute("SELECT count(*) FROM near_duplicates").fetchone()[0]
            )
            // 2,
        }
