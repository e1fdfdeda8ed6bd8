"""``python -m sleukrith`` runs the CLI."""

from sleukrith.cli import main

main()
