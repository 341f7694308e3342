"""``python -m eventwire``: the command line."""

from eventwire.cli.main import entry

if __name__ == "__main__":
    entry()
