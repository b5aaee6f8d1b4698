"""Named Cypher queries shared by both backends (shipped as the package kg.cypher)."""
