"""The storyline/1 JSON Schema: it is a valid schema, every command's JSON follows it, and it
refuses documents that break the contract (with a message that says where)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

import storyline.annotation
from annotated_cases import ushakov_article
from conftest import SEED_A, SEED_B
from storyline.cli import app
from storyline.jsonschema import KINDS, SchemaMismatch, load_schema, span_errors, validate
from storyline.model import (
    BriefLine,
    Finding,
    QuoteOccurrence,
    Report,
    SourceRef,
    Statement,
    Story,
    StoryArticle,
    TimelineEntry,
    Value,
)


@pytest.fixture(scope="module")
def cli(nlp: Any) -> Iterator[CliRunner]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(storyline.annotation, "load_nlp", lambda: nlp)
        yield CliRunner()


def run_json(cli: CliRunner, *args: str) -> Any:
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    if args[0] not in commands:
        pytest.skip(f"`storyline {args[0]}` is not written yet")
    result = cli.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(KINDS) <= set(schema["$defs"])
    assert schema["$defs"]["schemaTag"]["const"] == "storyline/1"


def test_read_json_of_the_seeds(cli: CliRunner) -> None:
    for seed in (SEED_A, SEED_B):
        validate(run_json(cli, "read", str(seed)), "article")
    validate(run_json(cli, "read", str(SEED_A), str(SEED_B)), "article")


def test_annotate_json_of_the_seeds(cli: CliRunner) -> None:
    arts = run_json(cli, "annotate", str(SEED_A), str(SEED_B))
    validate(arts, "annotated")
    for art in arts:
        assert span_errors(art) == []


def test_annotate_json_of_real_articles(cli: CliRunner, shared_data: Path) -> None:
    files = sorted((shared_data / "basil-dev").glob("*.json"))
    files = [f for f in files if f.name != "labels.json"][:4]
    arts = run_json(cli, "annotate", *map(str, files))
    assert len(arts) == len(files)
    validate(arts, "annotated")
    for art in arts:
        assert span_errors(art) == [], art["path"]


def test_compare_json_of_the_seeds(cli: CliRunner) -> None:
    report = run_json(cli, "compare", str(SEED_A), str(SEED_B))
    validate(report, "report")
    ids = {s["id"] for s in report["sources"]}
    cited = [s["source"] for f in report["findings"] for s in f["statements"]]
    cited += [q["source"] for q in report["quotes"]] + [t["source"] for t in report["timeline"]]
    assert set(cited) <= ids, "every `source` is the id of an entry of `sources`"


def test_stories_json_of_the_seeds(cli: CliRunner) -> None:
    stories = run_json(cli, "stories", str(SEED_A), str(SEED_B))
    validate(stories, "stories")


def test_model_documents_follow_the_schema() -> None:
    ann = ushakov_article()
    validate(ann.to_dict(), "annotated")
    validate(ann.article.to_dict(), "article")
    assert span_errors(ann.to_dict()) == []
    a, b = SourceRef("a1", "a.txt", "AP", "T", "2021-12-31"), SourceRef("b1", None, None, None, None, "a1")
    st = Statement("a1", "Talks begin on January 9.", 0, 25)
    report = Report(
        sources=(a, b),
        brief=(BriefLine("Talks begin in January.", ("a1", "b1")),),
        findings=(
            Finding(
                "f1",
                "conflict",
                "date",
                "a says 9, b says 10.",
                (st,),
                (Value("a1", "January 9", ["x", "y"]),),
            ),
            Finding("f2", "unique", None, "Only a says it.", (st,)),
        ),
        quotes=(QuoteOccurrence("b1", "not clear", "Yuri Ushakov", "yuri ushakov", True, 3, 12),),
        timeline=(TimelineEntry("a1", "January 9", "2022-01-09", "2022-01-09", (15, 24), st.text, "talks"),),
    )
    validate(report.to_dict(), "report")
    story = Story(
        "s1", "Call", "2021-12-31", "2021-12-31T11:30:00+05:30", (StoryArticle("a1", None, "AP", None, None),)
    )
    validate([story.to_dict()], "stories")


def _broken(doc: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    target = out
    for p in path[:-1]:
        target = target[p]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (["schema"], "storyline/2", "$.schema"),
        (["text"], KeyError, "'text' is a required property"),
        (["published"], "31 December 2021", "$.published"),
        (["quotes", 0, "speaker"], ["Yuri Ushakov"], "$.quotes[0].speaker"),
        (["quotes", 1, "direct"], "yes", "$.quotes[1].direct"),
        (["quantities", 0, "low"], "fifty", "$.quantities[0].low"),
        (["timeline", 0, "start"], "2022-01", "$.timeline[0].start"),
        (["timeline", 0, "offset"], [3], "$.timeline[0].offset"),
        (["entities", 0, "start"], -1, "$.entities[0].start"),
    ],
)
def test_broken_annotate_documents_are_refused(path: list[Any], value: Any, where: str) -> None:
    doc = _broken(ushakov_article().to_dict(), path, value)
    with pytest.raises(SchemaMismatch, match="not a valid storyline/1 annotated") as err:
        validate(doc, "annotated")
    assert where in str(err.value)


def test_list_items_are_named_by_index() -> None:
    good = ushakov_article().to_dict()
    bad = _broken(good, ["sentences"], KeyError)
    with pytest.raises(SchemaMismatch, match=r"at \$\[1\]"):
        validate([good, bad], "annotated")


def test_conflict_needs_an_aspect() -> None:
    st = Statement("a1", "x", 0, 1)
    doc = Report((), (), (Finding("f", "conflict", None, "s", (st,)),), (), ()).to_dict()
    with pytest.raises(SchemaMismatch, match=r"findings\[0\]"):
        validate(doc, "report")


def test_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        validate({}, "articles")


def test_span_errors_find_offsets_that_miss() -> None:
    doc = ushakov_article().to_dict()
    doc["quotes"][0]["start"] += 1
    doc["timeline"][0]["offset"] = [0, 4]
    doc["entities"][0]["end"] = len(doc["text"]) + 5
    doc["sentences"][2]["start"] = doc["sentences"][1]["start"]
    problems = span_errors(doc)
    assert len(problems) == 4
    assert problems.pop(0).startswith("sentences[2]: starts at")
    assert problems[0].startswith("entities[0]: offsets") and "outside the text" in problems[0]
    assert problems[1].startswith("quotes[0]: text[") and problems[2].startswith("timeline[0]: text[0:4]")
