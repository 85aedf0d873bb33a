-- Every row an edit can touch is (table, id): the link tables get an integer
-- id, keeping their old keys as UNIQUE. The audit log names the step (the
-- edit's label) each row belongs to.

CREATE TABLE service_line_stage_new (
  id              INTEGER PRIMARY KEY,
  service_line_id INTEGER NOT NULL REFERENCES service_line (id) ON DELETE CASCADE,
  effective       TEXT NOT NULL CHECK (date (effective, '+0 days') IS effective),
  stage           TEXT NOT NULL CHECK (stage IN ('separate', 'aligned', 'integrated')),
  UNIQUE (service_line_id, effective)
);
INSERT INTO service_line_stage_new (service_line_id, effective, stage)
  SELECT service_line_id, effective, stage FROM service_line_stage;
DROP TABLE service_line_stage;
ALTER TABLE service_line_stage_new RENAME TO service_line_stage;

CREATE TABLE post_dotted_line_new (
  id         INTEGER PRIMARY KEY,
  post_id    INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
  manager_id INTEGER NOT NULL REFERENCES post (id),
  UNIQUE (post_id, manager_id),
  CHECK (post_id <> manager_id)
);
INSERT INTO post_dotted_line_new (post_id, manager_id) SELECT post_id, manager_id FROM post_dotted_line;
DROP TABLE post_dotted_line;
ALTER TABLE post_dotted_line_new RENAME TO post_dotted_line;
CREATE INDEX post_dotted_line_manager ON post_dotted_line (manager_id);

CREATE TABLE post_mapping_new (
  id        INTEGER PRIMARY KEY,
  post_id   INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
  target_id INTEGER NOT NULL REFERENCES post (id),
  method    TEXT NOT NULL CHECK (method IN ('slot-in', 'ring-fenced', 'open-competition', 'deleted', 'tupe')),
  effective TEXT NOT NULL CHECK (date (effective, '+0 days') IS effective),
  UNIQUE (post_id, target_id),
  CHECK (post_id <> target_id)
);
INSERT INTO post_mapping_new (post_id, target_id, method, effective)
  SELECT post_id, target_id, method, effective FROM post_mapping;
DROP TABLE post_mapping;
ALTER TABLE post_mapping_new RENAME TO post_mapping;
CREATE INDEX post_mapping_target ON post_mapping (target_id);

CREATE TABLE milestone_dependency_new (
  id            INTEGER PRIMARY KEY,
  milestone_id  INTEGER NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
  depends_on_id INTEGER NOT NULL REFERENCES milestone (id),
  UNIQUE (milestone_id, depends_on_id),
  CHECK (milestone_id <> depends_on_id)
);
INSERT INTO milestone_dependency_new (milestone_id, depends_on_id)
  SELECT milestone_id, depends_on_id FROM milestone_dependency;
DROP TABLE milestone_dependency;
ALTER TABLE milestone_dependency_new RENAME TO milestone_dependency;
CREATE INDEX milestone_dependency_target ON milestone_dependency (depends_on_id);

ALTER TABLE audit_log ADD COLUMN step TEXT;
CREATE INDEX audit_log_at ON audit_log (at);
