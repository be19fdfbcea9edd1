from petition.cli import main

main(prog_name="python -m petition")
