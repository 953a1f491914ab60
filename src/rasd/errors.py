"""The project's exceptions. Their messages are shown to users as they are."""


class RasdError(Exception):
    """A problem the user can act on (bad input, missing resource); never a bug."""


class InputError(RasdError):
    """Input that cannot be read as an article: empty, binary, undecodable, too large."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        where = source or ""
        if line is not None:
            where = f"{where} line {line}" if where else f"line {line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message
        self.source = source
        self.line = line


class ResourceError(RasdError):
    """A shipped resource (gazetteer, lexicon, model) is missing or damaged."""
