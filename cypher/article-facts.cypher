// article-facts: everything one article states (every relationship whose evidence is in
// it), in text order, with the sentence and its character offsets.
// params: article
MATCH (s)-[e]->(t)
WHERE e.article = $article
RETURN {{type:e}} AS relation, s.key AS subject, {{label:s}} AS subject_type, t.key AS object,
       {{label:t}} AS object_type, e.date_text AS date_text, e.evidence AS evidence,
       e.start AS start, e.`end` AS `end`, e.article AS article
ORDER BY start, relation, subject, object
