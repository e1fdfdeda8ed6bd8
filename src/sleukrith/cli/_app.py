"""The typer application object every ``sleukrith.cli.*`` module registers its verbs on."""

import typer

app = typer.Typer(
    name="sleukrith",
    help="Khmer text: normalize, segment, find dates, analyse reports, archive and search them.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
