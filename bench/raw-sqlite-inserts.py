"""Raw SQLite ceiling on this machine: one single-row INSERT per transaction, WAL mode.

    python3 bench/raw-sqlite-inserts.py /tmp/raw.db FULL 5000
    python3 bench/raw-sqlite-inserts.py /tmp/raw.db NORMAL 40000

Uses the system libsqlite3 through Python's sqlite3; the cost measured is the commit (fsync of the
WAL with FULL), which does not depend on the binding. The file is recreated on each run.
"""
import os
import sqlite3
import sys
import time

path, sync, n = sys.argv[1], sys.argv[2].upper(), int(sys.argv[3])
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute(f"PRAGMA synchronous={sync}")
db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)")
start = time.perf_counter()
for _ in range(n):
    db.execute("BEGIN")
    db.execute("INSERT INTO t(v) VALUES (?)", ("x" * 50,))
    db.execute("COMMIT")
elapsed = time.perf_counter() - start
print(f"synchronous={sync}: {n / elapsed:.0f} transactions/s ({n} in {elapsed:.2f} s)")
