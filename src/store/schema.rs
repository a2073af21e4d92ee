//! The numbered migrations. Each runs once, in its own transaction, in order; `user_version`
//! records how far a database has come. Never edit a released migration: add the next one.

/// Marks a database as shian's (`PRAGMA application_id`), so a foreign SQLite file is refused.
pub const APPLICATION_ID: i32 = 0x5348_4941; // "SHIA"

pub const MIGRATIONS: &[&str] = &[
    // 1: roster, checklists, inspections and answers.
    r#"
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE stations (
    code TEXT PRIMARY KEY,
    public_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    trusted INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE TABLE checklist_versions (
    hash TEXT PRIMARY KEY,
    checklist_id TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    stored_at TEXT NOT NULL
);

CREATE TABLE establishments (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    town TEXT NOT NULL DEFAULT '',
    person_in_charge TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    license_no TEXT NOT NULL DEFAULT '',
    credit_code TEXT NOT NULL DEFAULT '',
    risk_grade TEXT,
    bright_kitchen TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE establishment_revisions (
    establishment_id TEXT NOT NULL REFERENCES establishments(id),
    revision INTEGER NOT NULL,
    facts TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    PRIMARY KEY (establishment_id, revision)
) WITHOUT ROWID;

CREATE TABLE inspections (
    id TEXT PRIMARY KEY,
    establishment_id TEXT NOT NULL REFERENCES establishments(id),
    checklist_id TEXT NOT NULL,
    checklist_hash TEXT NOT NULL REFERENCES checklist_versions(hash),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    serial TEXT UNIQUE,
    revision INTEGER NOT NULL DEFAULT 1,
    supersedes TEXT REFERENCES inspections(id),
    revision_reason TEXT,
    station TEXT NOT NULL,
    bureau TEXT NOT NULL DEFAULT '',
    inspectors TEXT NOT NULL DEFAULT '[]',
    started_at TEXT NOT NULL,
    utc_offset INTEGER NOT NULL,
    finalized_at TEXT,
    outcome TEXT,
    conclusion TEXT NOT NULL DEFAULT '{}',
    year_sequence INTEGER,
    current_item TEXT
);

CREATE TABLE answers (
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    item_id TEXT NOT NULL,
    verdict TEXT NOT NULL,
    value REAL,
    choice TEXT,
    note TEXT NOT NULL DEFAULT '',
    answered_at TEXT NOT NULL,
    PRIMARY KEY (inspection_id, item_id)
) WITHOUT ROWID;

-- A final record is a legal document: the database itself refuses to change it.
CREATE TRIGGER final_inspection_is_read_only
BEFORE UPDATE ON inspections WHEN OLD.status = 'final'
BEGIN SELECT RAISE(ABORT, 'final inspection is read-only'); END;

CREATE TRIGGER final_answers_are_read_only_update
BEFORE UPDATE ON answers
WHEN (SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'final inspection is read-only'); END;

CREATE TRIGGER final_answers_are_read_only_delete
BEFORE DELETE ON answers
WHEN (SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'final'
BEGIN SELECT RAISE(ABORT, 'final inspection is read-only'); END;
"#,
    // 2: photos, rectifications, the bundle log, and the indexes the screens use.
    r#"
CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    bytes BLOB NOT NULL,
    stored_at TEXT NOT NULL
);

CREATE TABLE answer_attachments (
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    item_id TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES attachments(sha256),
    file_name TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (inspection_id, item_id, sha256)
) WITHOUT ROWID;

CREATE TABLE rectifications (
    id TEXT PRIMARY KEY,
    establishment_id TEXT NOT NULL REFERENCES establishments(id),
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    item_id TEXT NOT NULL,
    deadline TEXT,
    status TEXT NOT NULL,
    follow_up_id TEXT REFERENCES inspections(id),
    closed_at TEXT
);

CREATE TABLE bundle_log (
    id TEXT PRIMARY KEY,
    direction TEXT NOT NULL,
    kind TEXT NOT NULL,
    station TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    counts TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE INDEX inspections_by_establishment ON inspections(establishment_id, started_at);
CREATE INDEX inspections_by_status ON inspections(status, started_at);
CREATE INDEX inspections_by_supersedes ON inspections(supersedes) WHERE supersedes IS NOT NULL;
CREATE INDEX rectifications_by_status ON rectifications(status, deadline);
CREATE INDEX rectifications_by_establishment ON rectifications(establishment_id);
CREATE INDEX establishments_by_license ON establishments(license_no) WHERE license_no <> '';
CREATE INDEX establishments_by_credit_code ON establishments(credit_code) WHERE credit_code <> '';
"#,
    // 3: bundles: station roles, what was exported and imported, conflicts kept for review.
    r#"
ALTER TABLE stations ADD COLUMN role TEXT NOT NULL DEFAULT 'field';

ALTER TABLE bundle_log ADD COLUMN bundle_id TEXT NOT NULL DEFAULT '';

-- Which bundle first carried a record out of this station ('out'), or first brought it in
-- ('in'). A record with an 'in' mark was made elsewhere and is not exported again.
CREATE TABLE sync_marks (
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    bundle_id TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id, direction)
) WITHOUT ROWID;

-- An imported record whose id is already here with other content: kept, never applied.
CREATE TABLE sync_conflicts (
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    content TEXT NOT NULL,
    bundle_id TEXT NOT NULL,
    source_station TEXT NOT NULL,
    found_at TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id, content_sha256)
) WITHOUT ROWID;

CREATE INDEX establishment_revisions_by_station ON establishment_revisions(changed_by);
CREATE INDEX rectifications_by_inspection ON rectifications(inspection_id);
"#,
    // 4: indexes for a district's five years (issue 7, BENCHMARKS.md). Without statistics
    // SQLite cannot tell `establishment_id = ?` from `status = ?` and walked every final record
    // to find one establishment's; and the newest inspections were found by sorting them all.
    r#"
CREATE INDEX inspections_by_establishment_status
    ON inspections(establishment_id, status, started_at);
CREATE INDEX inspections_by_started ON inspections(started_at);
"#,
    // 5: the final records no bundle has carried yet, kept by the database itself. The home
    // screen lists the newest of them and counts them on every visit; as a query ("final, and
    // no sync mark") that walked every final record: 0.6 s on a district's five years, where an
    // office has all of them marked (issue 7). The definition stays the query (the field export
    // uses it); the triggers keep this table equal to it, and tests/store/sync/unexported.rs checks.
    r#"
CREATE TABLE unexported (
    inspection_id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX unexported_by_started ON unexported(started_at);

INSERT INTO unexported (inspection_id, started_at)
SELECT id, started_at FROM inspections i
WHERE status = 'final' AND NOT EXISTS (
    SELECT 1 FROM sync_marks m WHERE m.record_kind = 'inspection' AND m.record_id = i.id);

CREATE TRIGGER unexported_on_insert AFTER INSERT ON inspections WHEN NEW.status = 'final'
BEGIN
    INSERT OR IGNORE INTO unexported (inspection_id, started_at)
    SELECT NEW.id, NEW.started_at WHERE NOT EXISTS (
        SELECT 1 FROM sync_marks m WHERE m.record_kind = 'inspection' AND m.record_id = NEW.id);
END;

CREATE TRIGGER unexported_on_final AFTER UPDATE OF status ON inspections
WHEN NEW.status = 'final' AND OLD.status <> 'final'
BEGIN
    INSERT OR IGNORE INTO unexported (inspection_id, started_at)
    SELECT NEW.id, NEW.started_at WHERE NOT EXISTS (
        SELECT 1 FROM sync_marks m WHERE m.record_kind = 'inspection' AND m.record_id = NEW.id);
END;

CREATE TRIGGER unexported_on_delete AFTER DELETE ON inspections
BEGIN
    DELETE FROM unexported WHERE inspection_id = OLD.id;
END;

CREATE TRIGGER unexported_on_mark AFTER INSERT ON sync_marks
WHEN NEW.record_kind = 'inspection'
BEGIN
    DELETE FROM unexported WHERE inspection_id = NEW.record_id;
END;
"#,
    // 6: authorship (issue 12, docs/trust.md). Each signed record's signature by its author
    // station, kept beside the record: a final inspection's row may not change, and a legacy
    // record is signed when its own station first exports it. The bundle log keeps what an
    // imported bundle was (its manifest's SHA-256) and who signed it, so a bundle id met again
    // with other content or another signer is refused, not taken for the same bundle.
    r#"
CREATE TABLE record_signatures (
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    author_key TEXT NOT NULL,
    signature TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id)
) WITHOUT ROWID;

ALTER TABLE bundle_log ADD COLUMN manifest_sha256 TEXT;
ALTER TABLE bundle_log ADD COLUMN signer_key TEXT;
CREATE INDEX bundle_log_by_bundle ON bundle_log(bundle_id);
"#,
    // 7: a final record keeps the establishment's facts of its day (issue 12, docs/data-model.md),
    // as JSON: a roster edit after the inspection must not change the printed form. Records
    // made before stay NULL and print the roster's current facts, as they always did.
    r#"
ALTER TABLE inspections ADD COLUMN establishment TEXT;
"#,
    // 8: an office's decision that closes a rectification without a follow-up, with its reason
    // (docs/trust.md, rule 7). Signed by the office (record_signatures), carried in bundles.
    r#"
CREATE TABLE rectification_decisions (
    rectification_id TEXT PRIMARY KEY REFERENCES rectifications(id),
    reason TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    station TEXT NOT NULL
) WITHOUT ROWID;
"#,
    // 9: establishment revisions that merge (issue 12, docs/data-model.md "Establishment
    // revisions"). Two stations that edit one revision both make the next number, so a revision
    // is known by its number *and* its station; it names the revisions it was made from
    // (`parents`, NULL before they were named: the one numbered one less) and the facts whose
    // conflict it settles. The marks and signatures of revisions move to the longer key. The
    // conflicts a merge leaves are kept per establishment, for the office to settle.
    r#"
CREATE TABLE establishment_revisions_keyed (
    establishment_id TEXT NOT NULL REFERENCES establishments(id),
    revision INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    facts TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    parents TEXT,
    resolves TEXT,
    PRIMARY KEY (establishment_id, revision, changed_by)
) WITHOUT ROWID;
INSERT INTO establishment_revisions_keyed
    (establishment_id, revision, changed_by, facts, changed_at)
SELECT establishment_id, revision, changed_by, facts, changed_at FROM establishment_revisions;
DROP TABLE establishment_revisions;
ALTER TABLE establishment_revisions_keyed RENAME TO establishment_revisions;
CREATE INDEX establishment_revisions_by_station ON establishment_revisions(changed_by);

UPDATE sync_marks SET record_id = record_id || '/' || (
    SELECT r.changed_by FROM establishment_revisions r
    WHERE r.establishment_id = substr(sync_marks.record_id, 1, instr(sync_marks.record_id, '/') - 1)
      AND r.revision = CAST(substr(sync_marks.record_id, instr(sync_marks.record_id, '/') + 1) AS INTEGER))
WHERE record_kind = 'establishment_revision' AND EXISTS (
    SELECT 1 FROM establishment_revisions r
    WHERE r.establishment_id = substr(sync_marks.record_id, 1, instr(sync_marks.record_id, '/') - 1)
      AND r.revision = CAST(substr(sync_marks.record_id, instr(sync_marks.record_id, '/') + 1) AS INTEGER));

UPDATE record_signatures SET record_id = record_id || '/' || (
    SELECT r.changed_by FROM establishment_revisions r
    WHERE r.establishment_id = substr(record_signatures.record_id, 1, instr(record_signatures.record_id, '/') - 1)
      AND r.revision = CAST(substr(record_signatures.record_id, instr(record_signatures.record_id, '/') + 1) AS INTEGER))
WHERE record_kind = 'establishment_revision' AND EXISTS (
    SELECT 1 FROM establishment_revisions r
    WHERE r.establishment_id = substr(record_signatures.record_id, 1, instr(record_signatures.record_id, '/') - 1)
      AND r.revision = CAST(substr(record_signatures.record_id, instr(record_signatures.record_id, '/') + 1) AS INTEGER));

CREATE TABLE establishment_conflicts (
    establishment_id TEXT PRIMARY KEY REFERENCES establishments(id),
    conflicts TEXT NOT NULL
) WITHOUT ROWID;
"#,
    // Planning the year (issue 14, docs/planning.md): the bureau's inspectors, its 专项行动, the
    // 双随机 draws made here (numbered, never re-run), the tasks they give, and the inspections an
    // inspector untagged from a campaign. The office fills them; a laptop receives the first
    // three (inspectors, campaigns, tasks) whole with each office bundle.
    r#"
CREATE TABLE office_inspectors (
    badge TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    station TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    towns TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;

CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    content TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE draws (
    number INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content TEXT NOT NULL
);

CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    establishment_id TEXT NOT NULL,
    from_day TEXT NOT NULL,
    deadline TEXT NOT NULL,
    inspectors TEXT NOT NULL DEFAULT '[]',
    stations TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;
CREATE INDEX tasks_by_establishment ON tasks(establishment_id);

CREATE TABLE campaign_untagged (
    inspection_id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    PRIMARY KEY (inspection_id, campaign_id)
) WITHOUT ROWID;
"#,
    // An inspector's latest choice of a campaign tag (issue 14): untagged, or tagged again, and
    // when; a re-tag travels like an untag and the later choice wins (docs/planning.md).
    r#"
ALTER TABLE campaign_untagged ADD COLUMN tagged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaign_untagged ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
"#,
];
