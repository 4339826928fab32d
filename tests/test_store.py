"""The store against both databases: reference numbers stay unique under concurrency; SQLite
commits are durable."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mailbot import db
from mailbot.tickets import store


def test_references_are_unique_with_concurrent_writers(db_url: str) -> None:
    """Eight writers (as several daemons would be) draw 200 numbers: no repeats, no gaps."""
    engine = db.make_engine(db_url)
    try:
        db.upgrade(engine)
        sessions = db.make_sessionmaker(engine)

        def draw(_: int) -> list[str]:
            drawn = []
            for _ in range(25):
                with sessions.begin() as session:
                    drawn.append(store.next_reference(session, "rights_request", 2026))
            return drawn

        with ThreadPoolExecutor(max_workers=8) as pool:
            references = [ref for batch in pool.map(draw, range(8)) for ref in batch]
        assert len(references) == len(set(references)) == 200
        assert sorted(references) == [f"DSR-2026-{n:05d}" for n in range(1, 201)]
        with sessions.begin() as session:
            assert store.next_reference(session, "opt_out", 2026) == "OPT-2026-00001"
            assert store.next_reference(session, "rights_request", 2027) == "DSR-2027-00001"
    finally:
        engine.dispose()


def test_sqlite_commits_are_durable_before_we_act_on_them(tmp_path: Path) -> None:
    """WAL with synchronous=NORMAL may lose the last commits to a power cut; the message would
    be in Processed already. FULL (2) syncs every commit; WAL keeps readers off the writer."""
    engine = db.make_engine(f"sqlite:///{tmp_path / 'mailbot.db'}")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        engine.dispose()
