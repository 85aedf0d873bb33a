-- The staff list's default order (family name, then given name, in any
-- case) read from an index: the first screen of a long list comes at once
-- instead of after sorting every person.
CREATE INDEX person_name_nocase ON person (family_name COLLATE NOCASE, given_name COLLATE NOCASE);
