"""Opening a library: CPU seconds to open it and load the grouper that ``add`` files with.

Opening a schema-2 library the first time migrates it (the document frequencies are counted once);
run twice to see a later open (since schema 8 the first open of a library without a saved window
rebuilds it and saves it on close; later opens read it back). To compare with older code, run on a
copy of the database with that code's ``src`` first on ``PYTHONPATH``.

    .venv/bin/python bench/bench_library_open.py /tmp/open20k-300.db
"""

from __future__ import annotations

import argparse
import resource
import time

import storyline
from storyline.store import Library


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db")
    args = ap.parse_args()
    t0, wall = time.process_time(), time.time()
    lib = Library(args.db)
    t1 = time.process_time()
    grouper = lib._load_grouper()
    t2 = time.process_time()
    wall = time.time() - wall
    terms = sum(1 for n in grouper.df.df.values() if n)
    # Since schema 8 the window saved by the last filer is used (``store/snapshot.py``) and a
    # rebuilt one is saved on close; older code has neither.
    how = ""
    if hasattr(lib, "_saved"):
        how = " rebuilt" if lib._saved is None else " from the saved window"
    t3 = time.process_time()
    lib.close()
    t4 = time.process_time()
    print(
        f"{storyline.__file__}: Library() (migration included) {t1 - t0:.2f} s, grouper{how} {t2 - t1:.2f} s,"
        f" open {t2 - t0:.2f} CPU s (wall {wall:.1f} s); {len(grouper.sigs)} signatures"
        f" held of {grouper.df.n} articles, {terms} terms;"
        f" close (saves a rebuilt window) {t4 - t3:.2f} CPU s;"
        f" peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
    )


if __name__ == "__main__":
    main()
