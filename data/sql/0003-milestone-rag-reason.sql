-- A RAG rating set by hand carries the reason it was set. The column allows
-- NULL so that overrides imported from the programme office's files (which
-- carry no reason) stay valid; a reason is only allowed beside an override
-- and is never empty. The application requires one when a person sets an
-- override.
ALTER TABLE milestone ADD COLUMN rag_reason TEXT
  CHECK (rag_reason IS NULL OR (rag IS NOT NULL AND length (trim (rag_reason)) > 0));
