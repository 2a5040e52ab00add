"""Shared Rich consoles and the one way commands fail."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console

out = Console()
err = Console(stderr=True, soft_wrap=True)  # paths in errors must stay whole


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]✗[/] {message}", highlight=False)
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    """Plain JSON on stdout, for pipes; never Rich-styled."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
