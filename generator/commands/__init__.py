"""The `salesbook` verbs, one module each; `generator.cli` gathers them into one command."""
