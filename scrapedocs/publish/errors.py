"""The error every output raises when it cannot be made."""


class OutputError(Exception):
    """An output cannot be made; the message says what to install or fix."""
