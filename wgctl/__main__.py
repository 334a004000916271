"""`python -m wgctl` runs the command line."""

from wgctl.cli import main

main()
