-- Cyd programme schema, version 1.
-- Money is integer pence; FTE is integer ten-thousandths; dates are ISO text.

CREATE TABLE programme (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE council (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE CHECK (length (code) BETWEEN 1 AND 32),
  name_en    TEXT CHECK (name_en IS NULL OR length (name_en) > 0),
  name_cy    TEXT CHECK (name_cy IS NULL OR length (name_cy) > 0),
  population INTEGER CHECK (population IS NULL OR population >= 0),
  kind       TEXT NOT NULL DEFAULT 'council' CHECK (kind IN ('council', 'health-board', 'other')),
  CHECK (name_en IS NOT NULL OR name_cy IS NOT NULL)
);

CREATE TABLE directorate (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE CHECK (length (code) BETWEEN 1 AND 32),
  name_en    TEXT CHECK (name_en IS NULL OR length (name_en) > 0),
  name_cy    TEXT CHECK (name_cy IS NULL OR length (name_cy) > 0),
  kind       TEXT NOT NULL CHECK (kind IN ('legacy', 'merged')),
  council_id INTEGER REFERENCES council (id),
  CHECK (name_en IS NOT NULL OR name_cy IS NOT NULL),
  CHECK (kind = 'merged' OR council_id IS NOT NULL)
);
-- A programme has at most one merged directorate.
CREATE UNIQUE INDEX directorate_one_merged ON directorate (kind) WHERE kind = 'merged';
CREATE INDEX directorate_council ON directorate (council_id);

CREATE TABLE service_line (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE CHECK (length (code) BETWEEN 1 AND 32),
  name_en   TEXT CHECK (name_en IS NULL OR length (name_en) > 0),
  name_cy   TEXT CHECK (name_cy IS NULL OR length (name_cy) > 0),
  parent_id INTEGER REFERENCES service_line (id),
  delivery  TEXT CHECK (delivery IS NULL OR delivery IN ('in-house', 'commissioned', 'jointly-commissioned')),
  CHECK (name_en IS NOT NULL OR name_cy IS NOT NULL),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX service_line_parent ON service_line (parent_id);

CREATE TABLE service_line_stage (
  service_line_id INTEGER NOT NULL REFERENCES service_line (id) ON DELETE CASCADE,
  effective       TEXT NOT NULL CHECK (date (effective, '+0 days') IS effective),
  stage           TEXT NOT NULL CHECK (stage IN ('separate', 'aligned', 'integrated')),
  PRIMARY KEY (service_line_id, effective)
) WITHOUT ROWID;

CREATE TABLE post (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE CHECK (length (code) BETWEEN 1 AND 32),
  title_en         TEXT CHECK (title_en IS NULL OR length (title_en) > 0),
  title_cy         TEXT CHECK (title_cy IS NULL OR length (title_cy) > 0),
  directorate_id   INTEGER NOT NULL REFERENCES directorate (id),
  service_line_id  INTEGER NOT NULL REFERENCES service_line (id),
  reports_to_id    INTEGER REFERENCES post (id),
  grade            TEXT,
  fte              INTEGER NOT NULL DEFAULT 10000 CHECK (fte > 0 AND fte <= 10000),
  annual_cost      INTEGER CHECK (annual_cost IS NULL OR abs (annual_cost) < 1000000000000000),
  established_from TEXT CHECK (established_from IS NULL OR date (established_from, '+0 days') IS established_from),
  established_to   TEXT CHECK (established_to IS NULL OR date (established_to, '+0 days') IS established_to),
  CHECK (title_en IS NOT NULL OR title_cy IS NOT NULL),
  CHECK (reports_to_id IS NULL OR reports_to_id <> id),
  CHECK (established_from IS NULL OR established_to IS NULL OR established_from <= established_to)
);
CREATE INDEX post_directorate ON post (directorate_id);
CREATE INDEX post_service_line ON post (service_line_id);
CREATE INDEX post_reports_to ON post (reports_to_id);

-- Dotted lines: a post that also answers to another.
CREATE TABLE post_dotted_line (
  post_id    INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
  manager_id INTEGER NOT NULL REFERENCES post (id),
  PRIMARY KEY (post_id, manager_id),
  CHECK (post_id <> manager_id)
) WITHOUT ROWID;

-- How a legacy post moves into the merged structure.
CREATE TABLE post_mapping (
  post_id   INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
  target_id INTEGER NOT NULL REFERENCES post (id),
  method    TEXT NOT NULL CHECK (method IN ('slot-in', 'ring-fenced', 'open-competition', 'deleted', 'tupe')),
  effective TEXT NOT NULL CHECK (date (effective, '+0 days') IS effective),
  PRIMARY KEY (post_id, target_id),
  CHECK (post_id <> target_id)
) WITHOUT ROWID;
CREATE INDEX post_mapping_target ON post_mapping (target_id);

CREATE TABLE person (
  id                 INTEGER PRIMARY KEY,
  employer_id        INTEGER NOT NULL REFERENCES council (id),
  employee_number    TEXT NOT NULL CHECK (length (employee_number) BETWEEN 1 AND 32),
  given_name         TEXT NOT NULL,
  family_name        TEXT NOT NULL,
  preferred_language TEXT CHECK (preferred_language IS NULL OR preferred_language IN ('en', 'cy')),
  grade              TEXT,
  salary             INTEGER CHECK (salary IS NULL OR abs (salary) < 1000000000000000),
  on_costs           INTEGER CHECK (on_costs IS NULL OR abs (on_costs) < 1000000000000000),
  start_date         TEXT CHECK (start_date IS NULL OR date (start_date, '+0 days') IS start_date),
  left_date          TEXT CHECK (left_date IS NULL OR date (left_date, '+0 days') IS left_date),
  UNIQUE (employer_id, employee_number)
);
CREATE INDEX person_family_name ON person (family_name, given_name);

CREATE TABLE assignment (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  post_id   INTEGER NOT NULL REFERENCES post (id),
  fte       INTEGER NOT NULL DEFAULT 10000 CHECK (fte > 0 AND fte <= 10000),
  from_date TEXT CHECK (from_date IS NULL OR date (from_date, '+0 days') IS from_date),
  to_date   TEXT CHECK (to_date IS NULL OR date (to_date, '+0 days') IS to_date),
  CHECK (from_date IS NULL OR to_date IS NULL OR from_date <= to_date)
);
CREATE INDEX assignment_person ON assignment (person_id);
CREATE INDEX assignment_post ON assignment (post_id);

CREATE TABLE budget_line (
  id              INTEGER PRIMARY KEY,
  year            INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  directorate_id  INTEGER NOT NULL REFERENCES directorate (id),
  service_line_id INTEGER NOT NULL REFERENCES service_line (id),
  category        TEXT NOT NULL CHECK (category IN ('employees', 'premises', 'transport',
                    'supplies-and-services', 'third-party-payments', 'support-services', 'income')),
  budget          INTEGER NOT NULL CHECK (abs (budget) < 1000000000000000),
  forecast        INTEGER CHECK (forecast IS NULL OR abs (forecast) < 1000000000000000),
  actual          INTEGER CHECK (actual IS NULL OR abs (actual) < 1000000000000000),
  UNIQUE (year, directorate_id, service_line_id, category)
);
CREATE INDEX budget_line_directorate ON budget_line (directorate_id);
CREATE INDEX budget_line_service_line ON budget_line (service_line_id);

CREATE TABLE saving (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE CHECK (length (code) BETWEEN 1 AND 32),
  year            INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  directorate_id  INTEGER NOT NULL REFERENCES directorate (id),
  service_line_id INTEGER REFERENCES service_line (id),
  target          INTEGER NOT NULL CHECK (abs (target) < 1000000000000000),
  forecast        INTEGER CHECK (forecast IS NULL OR abs (forecast) < 1000000000000000),
  achieved        INTEGER CHECK (achieved IS NULL OR abs (achieved) < 1000000000000000),
  status          TEXT NOT NULL CHECK (status IN ('planned', 'on-track', 'at-risk', 'achieved', 'dropped')),
  description_en  TEXT,
  description_cy  TEXT
);
CREATE INDEX saving_directorate ON saving (directorate_id);

CREATE TABLE milestone (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE CHECK (length (code) BETWEEN 1 AND 32),
  title_en        TEXT CHECK (title_en IS NULL OR length (title_en) > 0),
  title_cy        TEXT CHECK (title_cy IS NULL OR length (title_cy) > 0),
  kind            TEXT NOT NULL DEFAULT 'milestone' CHECK (kind IN ('milestone', 'decision')),
  due             TEXT NOT NULL CHECK (date (due, '+0 days') IS due),
  completed       TEXT CHECK (completed IS NULL OR date (completed, '+0 days') IS completed),
  status          TEXT NOT NULL DEFAULT 'not-started'
                    CHECK (status IN ('not-started', 'in-progress', 'done', 'cancelled')),
  rag             TEXT CHECK (rag IS NULL OR rag IN ('red', 'amber', 'green')),
  owner_id        INTEGER REFERENCES person (id),
  service_line_id INTEGER REFERENCES service_line (id),
  workstream      TEXT,
  note_en         TEXT,
  note_cy         TEXT,
  CHECK (title_en IS NOT NULL OR title_cy IS NOT NULL)
);
CREATE INDEX milestone_due ON milestone (due);
CREATE INDEX milestone_owner ON milestone (owner_id);

CREATE TABLE milestone_dependency (
  milestone_id  INTEGER NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
  depends_on_id INTEGER NOT NULL REFERENCES milestone (id),
  PRIMARY KEY (milestone_id, depends_on_id),
  CHECK (milestone_id <> depends_on_id)
) WITHOUT ROWID;
CREATE INDEX milestone_dependency_target ON milestone_dependency (depends_on_id);

CREATE TABLE import_run (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_name TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256    TEXT NOT NULL CHECK (length (sha256) = 64),
  added     INTEGER NOT NULL CHECK (added >= 0),
  changed   INTEGER NOT NULL CHECK (changed >= 0),
  unchanged INTEGER NOT NULL CHECK (unchanged >= 0),
  left_     INTEGER NOT NULL CHECK (left_ >= 0)
);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'import')),
  kind      TEXT NOT NULL,
  record    TEXT NOT NULL,
  before    TEXT,
  after     TEXT
);
