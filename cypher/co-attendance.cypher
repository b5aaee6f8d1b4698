// co-attendance: pairs of officials who attended the same events, how often, first and
// last time; evidence and article are those of the pair's first event (smallest key).
// params: official (optional), min_events (optional int)
MATCH (a:Official)-[x:ATTENDED]->(e:Event)
MATCH (b:Official)-[y:ATTENDED]->(e)
WHERE a.name < b.name
  AND ($official IS NULL OR a.name = $official OR b.name = $official)
WITH a, b, count(e) AS events, min(e.date_text) AS first_date, max(e.date_text) AS last_date,
     min(e.key) AS first_event
WHERE ($min_events IS NULL OR events >= $min_events)
MATCH (a)-[z:ATTENDED]->(f:Event)
WHERE f.key = first_event
RETURN a.name AS official_a, b.name AS official_b, events, first_date, last_date,
       f.name AS first_event_name, z.evidence AS evidence, z.article AS article
ORDER BY events DESC, official_a, official_b
