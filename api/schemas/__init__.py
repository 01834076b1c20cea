"""The HTTP API's models, one module a resource, derived from :mod:`ontology.models` where the shapes match.

Why explicit models: they document every field (中文 / English) in ``/docs``, they let
schemathesis check responses against the OpenAPI schema, and they filter what leaves the server.
Analysis results keep ``extra="allow"`` (:class:`api.schemas.common.Open`): their evidence maps carry
every number behind a verdict, and new evidence keys should reach clients without an API change.

Responses by resource, beside the route module that returns them (``api/routes/``):
:mod:`~api.schemas.common` (the error shape, a page, health), :mod:`~api.schemas.clusters` (clusters,
segments, datasets), :mod:`~api.schemas.enterprises`, :mod:`~api.schemas.analysis` (verdicts,
chokepoints, projects, 招商 targets, what-if), :mod:`~api.schemas.graph` (subgraphs, stats),
:mod:`~api.schemas.admin` (imports, overrides, the Cypher console's result). What a client sends is
:mod:`~api.schemas.inputs`: the service's input models with upper bounds on every number.
"""
