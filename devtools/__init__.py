"""Tools for the program's developers (``make regenerate``); not part of the program."""
