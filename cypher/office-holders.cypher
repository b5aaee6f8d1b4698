// office-holders: who held which post (organisation + title), first and last seen, in how
// many articles, with the first sentence and article that state it.
// params: org (optional), title (optional), official (optional)
MATCH (o:Official)-[h:HOLDS_POSITION]->(f:Office)
WHERE ($org IS NULL OR f.org = $org)
  AND ($title IS NULL OR f.title = $title)
  AND ($official IS NULL OR o.name = $official)
RETURN f.org AS org, f.title AS title, o.name AS official, h.first_seen AS first_seen,
       h.last_seen AS last_seen, size(h.sources) AS articles, h.evidence AS evidence,
       h.article AS article
ORDER BY org, title, official
