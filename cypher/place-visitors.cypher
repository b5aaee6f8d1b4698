// place-visitors: who came to a place or to anything located in it (up to 4 levels down,
// e.g. a village of a town of the county), with the sentence and article of each visit.
// params: place, from (optional date), to (optional date)
MATCH (top:Location)
WHERE top.name = $place
MATCH (p)-[l:LOCATED_IN*0..4]->(top)
WITH DISTINCT p
MATCH (o:Official)-[v:INSPECTED]->(p)
WHERE ($from IS NULL OR v.date >= $from)
  AND ($to IS NULL OR v.date <= $to)
RETURN o.name AS official, p.name AS visited, {{label:p}} AS visited_type, v.date AS date,
       v.date_text AS date_text, v.evidence AS evidence, v.article AS article
ORDER BY date_text, official, visited, article, evidence
