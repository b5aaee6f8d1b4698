// event-participants: who took part in which meeting or activity and in what role (led,
// presided, spoke, attended, accompanied), with the sentence and article.
// params: kind (optional), article (optional), from (optional date), to (optional date)
MATCH (o:Official)-[a:ATTENDED]->(e:Event)
WHERE ($kind IS NULL OR e.kind = $kind)
  AND ($article IS NULL OR e.article = $article)
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
RETURN e.name AS event, e.kind AS kind, e.date AS date, e.date_text AS date_text,
       o.name AS official, a.role AS role, a.evidence AS evidence, a.article AS article
ORDER BY date_text, article, event, role, official
