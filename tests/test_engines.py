"""The two engines give the same stories: the same stage functions, the same blocked grouping.

These tests start a real local Ray cluster (two CPUs) once for the module: no mocks of Ray.
"""

from __future__ import annotations

import html
import json
import os
import random
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from conftest import SEED_A, SEED_B, SHARED_DATA
from storyline.engines.local import LocalEngine
from storyline.engines.run import add_to_library, stories_of
from storyline.errors import UnreadableInput
from storyline.reading.sniff import ReadOptions

pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def ray_engine() -> Iterator[Any]:
    from storyline.engines.ray_engine import RayEngine

    engine = RayEngine(workers=2)
    yield engine
    engine.close()


def _seed_paragraphs() -> list[str]:
    from storyline.reading import read

    return [p for seed in (SEED_A, SEED_B) for p in read(seed).text.split("\n\n") if len(p) > 80]


def _wire_copy(article: dict[str, Any]) -> dict[str, Any]:
    """The same copy run by a second outlet under its own headline and dateline."""
    return {
        **article,
        "source": "another outlet",
        "title": article["title"] + " | Another Outlet",
        "text": "WASHINGTON — " + article["text"],
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Several hundred real articles (BASIL and ECB+) plus a planted wire copy; where the shared
    data is absent (a clean CI clone), 220 articles recombined from the two seeds' paragraphs."""
    root = tmp_path_factory.mktemp("corpus")
    if SHARED_DATA.is_dir():
        basil = sorted((SHARED_DATA / "basil-dev").glob("*_*.json"))
        for i, path in enumerate(basil):
            shutil.copyfile(path, root / f"b{i:03d}.json")
        first = json.loads(basil[0].read_text(encoding="utf-8"))
        ecb = sorted((SHARED_DATA / "ecbplus-dev").glob("*.txt"))[:150]  # five topics: ten events
        for i, path in enumerate(ecb):
            shutil.copyfile(path, root / f"e{i:03d}.txt")
    else:
        rng = random.Random(5)
        paras = _seed_paragraphs()
        for i in range(220):
            day = 1 + (i * 7) % 28
            body = "\n\n".join(rng.sample(paras, 5))
            art = {
                "title": f"Report {i}: " + body[:60],
                "text": body,
                "published": f"2021-{1 + i % 12:02d}-{day:02d}",
            }
            (root / f"b{i:03d}.json").write_text(json.dumps(art), encoding="utf-8")
        first = json.loads((root / "b000.json").read_text(encoding="utf-8"))
    (root / "b999.json").write_text(json.dumps(_wire_copy(first)), encoding="utf-8")
    return [str(root)]


def _shape(stories: list[Any]) -> list[tuple[tuple[str, str | None], ...]]:
    return sorted(tuple(sorted((a.id, a.copy_of) for a in s.articles)) for s in stories)


@pytest.fixture(scope="module")
def ray_stories(corpus: list[str], ray_engine: Any) -> tuple[list[Any], list[str]]:
    """The corpus's stories as the Ray engine groups them (fresh embedders in its workers), and
    the inputs it could not read."""
    errors: list[UnreadableInput] = []
    return stories_of(corpus, ray_engine, ReadOptions(), errors.append), [str(e) for e in errors]


def test_local_and_ray_give_the_same_stories(
    corpus: list[str], ray_engine: Any, ray_stories: tuple[list[Any], list[str]], embedder: Any
) -> None:
    local_errors: list[UnreadableInput] = []
    local = stories_of(corpus, LocalEngine(models={"embedder": embedder}), ReadOptions(), local_errors.append)
    remote, remote_errors = ray_stories
    assert [str(e) for e in local_errors] == remote_errors
    assert sum(len(s.articles) for s in local) > 200
    assert _shape(local) == _shape(remote)
    planted = [a for s in remote for a in s.articles if a.path and a.path.endswith("b999.json")]
    original = [a for s in remote for a in s.articles if a.path and a.path.endswith("b000.json")]
    assert {planted[0].copy_of, original[0].copy_of} == {original[0].id, None} or {
        planted[0].copy_of,
        original[0].copy_of,
    } == {planted[0].id, None}  # same day: which one is "the original" is a tie broken by id
    assert ray_engine.clock.count["sign"] > 200 and ray_engine.clock.seconds["sign"] > 0


def test_a_cache_filled_by_other_calls_signs_and_groups_as_ray(
    corpus: list[str], ray_stories: tuple[list[Any], list[str]]
) -> None:
    """The local engine reuses its embedder's cache, which a session's earlier calls filled (its
    texts embedded among others, in other batches; rows a library's check read back from float16
    storage); Ray's workers embed afresh. Signatures and stories must not tell the two apart."""
    from storyline.embed import Embedder
    from storyline.store.codec import vectors_from_bytes, vectors_to_bytes
    from storyline.stories.signatures import lead_sentences

    def items(embedder: Any) -> list[Any]:
        engine = LocalEngine(models={"embedder": embedder})
        return list(engine.process(corpus, ReadOptions(), lambda e: None, job="stories"))

    fresh = items(Embedder())
    texts = [t for it in fresh for t in [it.article.title or "", *lead_sentences(it.article.text)] if t]
    used = Embedder()
    used.embed([*texts[::2], *_seed_paragraphs()], batch_size=5)  # other calls, other neighbours
    stored = vectors_from_bytes(vectors_to_bytes(Embedder(threads=1).embed(texts[1::2], batch_size=3)))
    for text, vec in zip(texts[1::2], stored, strict=True):
        used.remember(text, vec)  # what store/vectors.settle leaves in the cache
    refilled = items(used)
    assert [i.signature.id for i in refilled] == [i.signature.id for i in fresh]
    pairs = zip(refilled, fresh, strict=True)
    assert all(np.array_equal(a.signature.vector, b.signature.vector) for a, b in pairs)
    local = stories_of(corpus, LocalEngine(models={"embedder": used}), ReadOptions(), lambda e: None)
    assert _shape(local) == _shape(ray_stories[0])


def _ray_workers() -> list[int]:
    """Pids of this machine's Ray Data worker processes (their title names the stage class)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if b"MapWorker" in cmd and b"_Stage" in cmd:
                pids.append(int(entry.name))
    return pids


def test_a_worker_killed_mid_run_loses_nothing(corpus: list[str], ray_engine: Any) -> None:
    basil = sorted(str(p) for p in Path(corpus[0]).glob("b*.json"))
    killed: list[int] = []
    first = threading.Event()

    def kill_one() -> None:
        first.wait(120)
        deadline = time.time() + 30
        while time.time() < deadline and not killed:
            for pid in _ray_workers():
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                break
            time.sleep(0.2)

    killer = threading.Thread(target=kill_one, daemon=True)
    killer.start()
    seen: list[str] = []
    errors: list[UnreadableInput] = []
    for item in ray_engine.process(basil, ReadOptions(), errors.append, job="stories"):
        seen.append(item.article.id)
        first.set()
    killer.join(5)
    assert killed, "no Ray worker was found to kill"
    assert not errors
    assert sorted(seen) == sorted({_id for _id in seen}) and len(seen) == len(basil)


@pytest.fixture(scope="module")
def small_warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A crawl-like WARC of five pages recombined by bench/make_warc.py from real pages (the
    extraction-dev ones, else pages made of the seeds' paragraphs)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_warc", Path(__file__).parent.parent / "bench/make_warc.py"
    )
    assert spec and spec.loader
    make_warc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_warc)
    originals = None
    if not (SHARED_DATA / "extraction-dev").is_dir():
        paras = _seed_paragraphs()
        originals = [
            (
                f"<html><head><title>Seed page {i}</title></head><body><article><h1>Seed page {i}</h1>"
                + "".join(f"<p>{html.escape(p)}</p>" for p in paras[i * 4 : i * 4 + 8])
                + "</article></body></html>"
            ).encode()
            for i in range(6)
        ]
    out = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    make_warc.write_warc(out, pages=5, seed=3, originals=originals)
    return out


def _library_shape(lib: Any) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(a.id for a in lib.story(s.id).articles)) for s in lib.stories(limit=1000))


def test_add_with_either_engine_fills_the_same_library_and_resumes(
    small_warc: Path, ray_engine: Any, nlp: Any, embedder: Any, tmp_path: Path
) -> None:
    from storyline.store import Library

    errors: list[UnreadableInput] = []
    with Library(tmp_path / "local.db") as lib_local, Library(tmp_path / "ray.db") as lib_ray:
        local = LocalEngine(models={"nlp": nlp, "embedder": embedder})
        first = add_to_library(lib_local, [str(small_warc)], local, ReadOptions(), errors.append)
        # the cluster files in batches (one transaction each): the same stories
        add_to_library(lib_ray, [str(small_warc)], ray_engine, ReadOptions(), errors.append, batch=3)
        assert len(first) >= 4 and all(r.status == "created" for r in first)
        assert _library_shape(lib_local) == _library_shape(lib_ray)
        # a re-run skips everything already stored before any model runs
        again = add_to_library(lib_ray, [str(small_warc)], ray_engine, ReadOptions(), errors.append)
        assert again == []
        assert sum(s.articles for s in lib_ray.stories(limit=1000)) == len(first)
    assert all(type(e).__name__ == "SkippedRecord" for e in errors)  # requests and images only


def _storyline(*args: str) -> list[str]:
    import sys

    return [sys.executable, "-c", "from storyline.cli import main; main()", *args]


def test_an_unreachable_cluster_is_one_clear_line(tmp_path: Path) -> None:
    import subprocess

    done = subprocess.run(
        _storyline("stories", "examples", "--engine", "ray", "--address", "127.0.0.1:9"),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parent.parent,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the Ray cluster at 127.0.0.1:9" in lines[0]
    assert "Traceback" not in done.stderr


def test_an_interrupted_ray_add_resumes(small_warc: Path, tmp_path: Path) -> None:
    """Kill the driver once some articles are stored; the same command then files the rest,
    and nothing is stored twice."""
    import sqlite3
    import subprocess

    db = tmp_path / "lib.db"
    cmd = _storyline("add", str(small_warc), "--engine", "ray", "--workers", "1", "--db", str(db))

    def stored() -> list[str]:
        if not db.exists():
            return []
        with sqlite3.connect(db) as conn:
            try:
                return [r[0] for r in conn.execute("select id from articles")]
            except sqlite3.OperationalError:  # tables not created yet
                return []

    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 300
    while time.time() < deadline and not stored() and proc.poll() is None:
        time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)
    first = stored()
    assert first, "nothing was stored before the kill"
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    after = stored()
    assert len(after) == len(set(after)) and set(first) <= set(after) and len(after) >= 4
    assert "existing" in done.stderr  # what the killed run stored was skipped, not redone
