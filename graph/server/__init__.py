"""Operations: the local Neo4j Community server (start, stop, status, offline import)."""
