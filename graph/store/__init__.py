"""Storage: the GraphStore port, open_store, the SQLite and Neo4j adapters, their SQL and Cypher,
the stored aggregates and the Neo4j bulk writers. Imports nothing from graph.analytics."""
