-- The structure comparison starts from the merged structure's first day:
-- the earliest start among the merged directorate's posts. Indexed by
-- directorate and start, that is one entry; indexed by directorate alone,
-- SQLite read every merged post for it. The new index serves every query
-- by directorate as the old one did, so it takes the old one's place.
DROP INDEX post_directorate;
CREATE INDEX post_directorate_from ON post (directorate_id, established_from);
