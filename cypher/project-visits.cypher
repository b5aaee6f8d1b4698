// project-visits: which officials inspected which works projects, where the project is,
// and when, with the sentence and article of each visit.
// params: project (optional), official (optional), from (optional date), to (optional date)
MATCH (o:Official)-[v:INSPECTED]->(p:Project)
WHERE ($project IS NULL OR p.name = $project)
  AND ($official IS NULL OR o.name = $official)
  AND ($from IS NULL OR v.date >= $from)
  AND ($to IS NULL OR v.date <= $to)
OPTIONAL MATCH (p)-[l:LOCATED_IN]->(loc:Location)
RETURN p.name AS project, loc.name AS located_in, o.name AS official, v.date AS date,
       v.date_text AS date_text, v.evidence AS evidence, v.article AS article
ORDER BY date_text, project, official, located_in, article, evidence
