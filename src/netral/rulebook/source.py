"""Reading rulebook YAML while remembering where each value stood.

Every complaint about the rulebook must name file, line and field, so the
parser keeps a map from a value's path (``("acts", 3, "citations", 0, "law")``)
to its line. Timestamps stay strings: Pydantic parses dates, so a wrong date
is reported like any other field instead of crashing the YAML parser.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PathKey = tuple[str | int, ...]


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class RulebookIssue:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}"


class RulebookError(Exception):
    """The rulebook did not load; ``issues`` says where and why."""

    def __init__(self, issues: list[RulebookIssue]):
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))


@dataclass
class SourceFile:
    """One parsed YAML file with its line map."""

    path: Path
    data: Any
    lines: dict[PathKey, int]

    @property
    def name(self) -> str:
        return self.path.name

    def line_of(self, key: PathKey) -> int | None:
        """Line of the deepest known ancestor of ``key`` (1-based)."""
        for cut in range(len(key), -1, -1):
            line = self.lines.get(tuple(key[:cut]))
            if line is not None:
                return line
        return None

    def issue(self, key: PathKey, message: str) -> RulebookIssue:
        return RulebookIssue(self.name, self.line_of(key), field_name(key), message)


def field_name(key: PathKey) -> str:
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def read_source(path: Path) -> SourceFile:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RulebookError([RulebookIssue(path.name, None, "(file)", "file is missing")]) from exc
    except UnicodeDecodeError as exc:
        raise RulebookError(
            [RulebookIssue(path.name, None, "(file)", f"not UTF-8 text: {exc.reason}")]
        ) from exc
    try:
        node = yaml.compose(text, Loader=_PlainLoader)
        data = yaml.load(text, Loader=_PlainLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RulebookError(
            [RulebookIssue(path.name, line, "(syntax)", str(exc.problem or exc))]
        ) from exc
    lines: dict[PathKey, int] = {}
    if node is not None:
        _index(node, (), lines)
    return SourceFile(path=path, data=data, lines=lines)


def _index(node: yaml.Node, key: PathKey, lines: dict[PathKey, int]) -> None:
    lines[key] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for k_node, v_node in node.value:
            child = (*key, str(k_node.value))
            _index(v_node, child, lines)
            lines[child] = k_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*key, i), lines)
