"""`salesbook schema`: JSON Schema files for editors' autocompletion."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.support import repository_root


@click.command()
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("schemas"), show_default=True, help="Folder for the JSON Schema files.")
@click.pass_context
def schema(ctx: click.Context, output: Path) -> None:
    """Write a JSON Schema per content type, for editors' autocompletion."""
    from generator.schema import write_schemas

    root = repository_root(ctx)
    for path in write_schemas(root, output if output.is_absolute() else root / output):
        click.echo(path.relative_to(root).as_posix() if path.is_relative_to(root) else path)
