"""The archive: a SQLite (WAL, FTS5) store of analysed documents, ingest and search.

>>> from sleukrith.archive import Archive, ingest_paths, search  # doctest: +SKIP
>>> archive = Archive("sleukrith.db")  # doctest: +SKIP
>>> ingest_paths(archive, ["src/sleukrith/data/samples"])  # doctest: +SKIP
>>> search(archive, "កណ្តាលស្ទឹង").results[0].snippet  # doctest: +SKIP
"""

from sleukrith.archive.ingest import Ingestor, Source, Summary, ingest_paths, iter_sources
from sleukrith.archive.search import SearchResponse, SearchResult, parse_when, search
from sleukrith.archive.store import Archive, ArchiveError, StoredDocument

__all__ = [
    "Archive",
    "ArchiveError",
    "Ingestor",
    "SearchResponse",
    "SearchResult",
    "Source",
    "StoredDocument",
    "Summary",
    "ingest_paths",
    "iter_sources",
    "parse_when",
    "search",
]
