// official-timeline: everything one official did, in date order: posts held, places
// inspected, events attended, leaders accompanied; each with its sentence and article.
// params: official
MATCH (o:Official)-[e]->(x)
WHERE o.name = $official
  AND {{type:e}} IN ['HOLDS_POSITION', 'INSPECTED', 'ATTENDED', 'ACCOMPANIED']
RETURN e.date AS date, e.date_text AS date_text, {{type:e}} AS relation,
       CASE {{label:x}} WHEN 'Office' THEN x.org + x.title ELSE x.name END AS target,
       {{label:x}} AS target_type, e.evidence AS evidence, e.article AS article
ORDER BY date_text, relation, target, article, evidence
