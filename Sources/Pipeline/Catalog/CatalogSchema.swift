import GRDB

/// The catalog's tables, created and evolved by numbered migrations so that a catalog
/// written by an older `ingest` is upgraded in place, never rebuilt.
///
/// - `runs`: one row per `ingest batch` invocation, with its counts.
/// - `documents`: one row per input (content SHA-256 + output path): status (`done`;
///   `partial`, written with some pages skipped; `failed`), error,
///   timings, pages, OCR pages, the output's own hash, and the plan's metadata.
/// - `agencies`: one row per canonical agency name.
/// - `indicators`, `tasks`: the plan's chỉ tiêu and nhiệm vụ, one row each, deadline
///   and target spread over typed columns so that SQL can compare them.
/// - `indicator_agencies`, `task_agencies`: who leads (`lead`) and who cooperates
///   (`cooperating`) on each row, with the name as printed (`raw`).
enum CatalogSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: runs and documents") { db in
      try db.execute(
        sql: """
          CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            arguments TEXT NOT NULL,
            total INTEGER,
            converted INTEGER,
            skipped INTEGER,
            partial INTEGER,
            failed INTEGER,
            interrupted INTEGER NOT NULL DEFAULT 0
          );
          CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            source_path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('done', 'partial', 'failed')),
            error TEXT,
            options TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            wall_seconds REAL NOT NULL,
            cpu_seconds REAL NOT NULL,
            peak_rss_mb REAL NOT NULL,
            kind TEXT,
            page_count INTEGER,
            ocr_page_count INTEGER,
            ocr_pages TEXT,
            output_sha256 TEXT,
            output_bytes INTEGER,
            UNIQUE (sha256, path)
          );
          CREATE INDEX documents_path ON documents(path);
          CREATE INDEX documents_status ON documents(status);
          """)
    }
    migrator.registerMigration("v2: plans, indicators, tasks, agencies") { db in
      try db.execute(
        sql: """
          ALTER TABLE documents ADD COLUMN plan_issuer TEXT;
          ALTER TABLE documents ADD COLUMN plan_number TEXT;
          ALTER TABLE documents ADD COLUMN plan_type TEXT;
          ALTER TABLE documents ADD COLUMN plan_title TEXT;
          ALTER TABLE documents ADD COLUMN plan_place TEXT;
          ALTER TABLE documents ADD COLUMN plan_date TEXT;
          CREATE TABLE agencies (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
          );
          CREATE TABLE indicators (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            appendix TEXT,
            section_number TEXT,
            section_title TEXT,
            number TEXT,
            text TEXT NOT NULL,
            target_raw TEXT,
            target_value REAL,
            target_unit TEXT,
            target_comparator TEXT,
            unit TEXT,
            deadline_raw TEXT,
            deadline_kind TEXT,
            deadline_start TEXT,
            deadline_end TEXT,
            deadline_note TEXT,
            page INTEGER,
            confidence REAL
          );
          CREATE INDEX indicators_document ON indicators(document_id);
          CREATE TABLE tasks (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            appendix TEXT,
            section_number TEXT,
            section_title TEXT,
            number TEXT,
            text TEXT NOT NULL,
            output TEXT,
            deadline_raw TEXT,
            deadline_kind TEXT,
            deadline_start TEXT,
            deadline_end TEXT,
            deadline_note TEXT,
            page INTEGER,
            confidence REAL
          );
          CREATE INDEX tasks_document ON tasks(document_id);
          CREATE INDEX tasks_deadline ON tasks(deadline_start, deadline_end);
          CREATE TABLE indicator_agencies (
            indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
            agency_id INTEGER NOT NULL REFERENCES agencies(id),
            role TEXT NOT NULL CHECK (role IN ('lead', 'cooperating')),
            position INTEGER NOT NULL,
            raw TEXT,
            PRIMARY KEY (indicator_id, role, position)
          );
          CREATE INDEX indicator_agencies_agency ON indicator_agencies(agency_id, role);
          CREATE TABLE task_agencies (
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            agency_id INTEGER NOT NULL REFERENCES agencies(id),
            role TEXT NOT NULL CHECK (role IN ('lead', 'cooperating')),
            position INTEGER NOT NULL,
            raw TEXT,
            PRIMARY KEY (task_id, role, position)
          );
          CREATE INDEX task_agencies_agency ON task_agencies(agency_id, role);
          """)
    }
    return migrator
  }
}
