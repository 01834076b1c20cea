"""Analytics: pure functions over the store's aggregates (verdicts, criticality, chokepoints, 招商
targets, what-if, the lead pipeline). Reaches storage only through the port, graph.store.port."""
