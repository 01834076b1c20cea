"""The graph: storage (graph.store: the GraphStore port and its two adapters), analytics
(graph.analytics: pure functions over the store's aggregates) and operations (graph.server: the
local Neo4j). See docs/architecture.md."""
