"""Help text the way click tools (sqlite-utils, httpie) write it, whatever typer's defaults:
``Usage: storyline read [OPTIONS] PATH...``, arguments by name, a placeholder in capitals or the
choices for every option that takes a value, never typer's ``{paths}``, ``<list[str]>`` or ``<bool>``."""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand


def _argument_label(param: Any) -> str:
    """``FILE...`` for a list argument, ``STORY`` for one: the metavar, else the name in capitals."""
    label = param.metavar or (param.name or "").upper()
    return label if param.nargs == 1 or label.endswith("...") else label + "..."


def _option_metavar(param: Any) -> str:
    """``[text|json|jsonl]`` for a choice, else the option's name in capitals (``--port PORT``)."""
    desc = getattr(param, "type_descriptor", None)
    choices = getattr(desc, "choices", None) or getattr(getattr(param, "type", None), "choices", None)
    if choices:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in choices) + "]"
    return str(param.name or "value").upper()


class Command(TyperCommand):
    """Every storyline command: typer's command with click's plain help (see the module)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.short_help and self.help:  # the whole first paragraph, wrapped, not cut at "..."
            self.short_help = " ".join(self.help.split("\n\n")[0].split())
        for p in self.params:
            flag = getattr(p, "is_flag", False) or getattr(p, "count", False)
            if p.param_type_name == "option" and not flag and p.metavar is None:
                p.metavar = _option_metavar(p)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for p in self.get_params(ctx):
            if p.param_type_name == "argument":
                pieces.append(_argument_label(p) if p.required else f"[{_argument_label(p)}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)
        args = [
            (_argument_label(p), getattr(p, "help", None) or "")
            for p in params
            if p.param_type_name == "argument" and getattr(p, "help", None)
        ]
        opts = [rec for p in params if p.param_type_name == "option" and (rec := p.get_help_record(ctx))]
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
