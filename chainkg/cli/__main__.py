"""``python -m chainkg.cli`` runs the command line (as the ``chainkg`` script does)."""

from chainkg.cli import app

if __name__ == "__main__":
    app()
