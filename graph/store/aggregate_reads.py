"""The port's reads answered from the stored aggregates, written once for both adapters.

Why one module: ``segment_aggregates``, ``dataset_clusters``, ``tech_holders`` and ``top_firms``
follow one rule on both stores — figures come from the stored aggregates
(:mod:`graph.store.aggregates`, O(segments)); ranked firm lists come from its stored top
:data:`~graph.store.aggregates.TOP_N` lists, and a caller asking for more than those hold gets
them ranked by a query instead. Only the queries differ (SQL or Cypher), so each adapter's reads
(:mod:`graph.store.sqlite_reads`, :mod:`graph.store.neo4j_reads`) supply these steps:

* ``_aggregates()`` — the stored aggregates, parsed once per change;
* ``_chain()`` — the (segment id, cluster id) pairs in id order, and the NEEDS (segment,
  technology) pairs;
* ``_firms(ids)`` — enterprises by id, in that order, each with ``segments`` (all its IN_SEGMENT
  targets);
* ``_ranked_holders(tech_ids, limit)`` — ``(technology, local holders, [firm props…])`` rows, the
  largest firms first, at most ``limit`` firms a technology;
* ``_ranked_firms(segment_ids, local, limit)`` — the firms of these segments, largest first, each
  with ``segments``.

>>> from graph.store.aggregates import TOP_N, Aggregates
>>> class Store(AggregateReads):
...     def _aggregates(self): return Aggregates()          # nothing stored: empty ranked lists
...     def _firms(self, ids): return []
...     def _ranked_firms(self, segment_ids, local, limit): return [{"id": "ranked by a query"}]
>>> Store().top_firms(["auto-cell"], local=True)                     # up to TOP_N: the stored lists
[]
>>> Store().top_firms(["auto-cell"], local=True, limit=TOP_N + 1)    # beyond: the query
[{'id': 'ranked by a query'}]
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.store import aggregates as agg_state
from graph.store.port import SegmentAggregate

__all__ = ["AggregateReads"]


class AggregateReads:
    """Mixin of both adapters: the aggregate reads of :class:`graph.store.port.GraphStore`."""

    def segment_aggregates(self, cluster: str | None = None) -> list[SegmentAggregate]:
        """From the stored aggregates (O(segments)); see :mod:`graph.store.aggregates`."""
        segments, needs = self._chain()
        return agg_state.segment_rows(self._aggregates(), segments, needs, cluster)

    def dataset_clusters(self) -> dict[str, dict[str, int]]:
        return self._aggregates().dataset_clusters()

    def tech_holders(self, tech_ids: Iterable[str], *, limit: int = 20) -> dict[str, tuple[int, list[dict]]]:
        out: dict[str, tuple[int, list[dict]]] = {t: (0, []) for t in tech_ids}
        if limit > agg_state.TOP_N:  # beyond the stored lists: rank in the query (read now: tests shorten it)
            for tech, n, firms in self._ranked_holders(list(out), limit):
                out[tech] = (n, out[tech][1] + firms)
            return out
        return agg_state.tech_holders(self._aggregates(), out, limit, self._firms)

    def top_firms(self, segment_ids: Iterable[str], *, local: bool, limit: int = 50) -> list[dict]:
        segment_ids = list(segment_ids)
        if limit > agg_state.TOP_N:  # beyond the stored lists: rank in the query (read now: tests shorten it)
            return self._ranked_firms(segment_ids, local, limit)
        return self._firms(agg_state.top_ids(self._aggregates(), segment_ids, local, limit))
