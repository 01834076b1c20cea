"""One error root with a few domain subclasses; the CLI and the API translate them once.

>>> raise InputError("bad credit code", file="a.csv", row=3, field="credit_code")
Traceback (most recent call last):
...
ontology.errors.InputError: a.csv row 3 field credit_code: bad credit code
"""

from __future__ import annotations

__all__ = ["ChainKGError", "InputError", "OntologyError", "StoreError", "NotFoundError", "AuthError",
           "Forbidden", "PayloadTooLarge", "UnsupportedStore"]


class ChainKGError(Exception):
    """Root of every error ChainKG raises on purpose."""

    code = "chainkg_error"
    http_status = 500

    def __init__(self, message: str, **details: object) -> None:
        self.message = message
        self.details = {k: v for k, v in details.items() if v is not None}
        super().__init__(self._render())

    def _render(self) -> str:
        d = self.details
        where = " ".join(
            f"{label}{d[key]}" for key, label in (("file", ""), ("row", "row "), ("entry", "entry "), ("field", "field "))
            if key in d
        )
        return f"{where}: {self.message}" if where else self.message


class InputError(ChainKGError):
    """Bad user input: a file, a row, a field, a query parameter."""

    code = "invalid_input"
    http_status = 422


class OntologyError(ChainKGError):
    """The reference-chain data breaks an ontology rule (names the file and the entry)."""

    code = "ontology_violation"
    http_status = 500


class StoreError(ChainKGError):
    """The graph store cannot be reached or refused an operation."""

    code = "store_error"
    http_status = 503


class NotFoundError(ChainKGError):
    code = "not_found"
    http_status = 404


class AuthError(ChainKGError):
    code = "unauthorized"
    http_status = 401


class Forbidden(ChainKGError):
    """The operation is switched off (e.g. writes without a configured API token)."""

    code = "forbidden"
    http_status = 403


class PayloadTooLarge(ChainKGError):
    code = "payload_too_large"
    http_status = 413


class UnsupportedStore(ChainKGError):
    """The operation needs another store kind (the Cypher console needs Neo4j)."""

    code = "unsupported_store"
    http_status = 400
