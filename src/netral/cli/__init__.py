"""The command line: thin Typer commands over each room's Python API."""
