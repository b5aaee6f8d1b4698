// who-visited-where: which official inspected which place or project, and when, each row
// with the sentence that says so and its article.
// params: official (optional), place (optional), from (optional date), to (optional date)
MATCH (o:Official)-[v:INSPECTED]->(p)
WHERE ($official IS NULL OR o.name = $official)
  AND ($place IS NULL OR p.name = $place)
  AND ($from IS NULL OR v.date >= $from)
  AND ($to IS NULL OR v.date <= $to)
RETURN o.name AS official, p.name AS place, {{label:p}} AS place_type, v.date AS date,
       v.date_text AS date_text, v.event_kind AS event_kind, v.evidence AS evidence,
       v.article AS article
ORDER BY date_text, official, place, article, evidence
