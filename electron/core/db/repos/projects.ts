import type { Database } from 'better-sqlite3';
import type { Project } from '../../../../shared/domain/project';
import { prepared } from '../prepared';

interface ProjectRow {
  id: string;
  name: string;
  organization: string;
  credit_code: string;
  role: string;
  ciio: number;
  site: string;
  audit_start: string | null;
  audit_end: string | null;
  auditor: string;
  reviewer: string;
  status: string;
  rules_pack_id: string;
  rules_pack_version: string | null;
  rules_pack_hash: string | null;
  created_at: string;
  updated_at: string;
}

const toProject = (r: ProjectRow): Project =>
  ({
    id: r.id,
    name: r.name,
    organization: r.organization,
    creditCode: r.credit_code,
    role: r.role,
    ciio: r.ciio === 1,
    site: r.site,
    auditStart: r.audit_start,
    auditEnd: r.audit_end,
    auditor: r.auditor,
    reviewer: r.reviewer,
    rulesPack: { id: r.rules_pack_id, version: r.rules_pack_version, contentHash: r.rules_pack_hash },
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }) as Project;

const toParams = (p: Project) => ({
  id: p.id,
  name: p.name,
  organization: p.organization,
  creditCode: p.creditCode,
  role: p.role,
  ciio: p.ciio ? 1 : 0,
  site: p.site,
  auditStart: p.auditStart,
  auditEnd: p.auditEnd,
  auditor: p.auditor,
  reviewer: p.reviewer,
  status: p.status,
  rulesPackId: p.rulesPack.id,
  rulesPackVersion: p.rulesPack.version,
  rulesPackHash: p.rulesPack.contentHash,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

/** All projects, newest first; archived ones only on request. */
export function listProjects(db: Database, includeArchived: boolean): Project[] {
  const sql = includeArchived
    ? 'SELECT * FROM projects ORDER BY created_at DESC, id'
    : "SELECT * FROM projects WHERE status = 'active' ORDER BY created_at DESC, id";
  return (prepared(db, sql).all() as ProjectRow[]).map(toProject);
}

export function findProject(db: Database, id: string): Project | undefined {
  const row = prepared(db, 'SELECT * FROM projects WHERE id = ?').get(id) as ProjectRow | undefined;
  return row && toProject(row);
}

export function insertProject(db: Database, project: Project): void {
  prepared(
    db,
    `INSERT INTO projects (id, name, organization, credit_code, role, ciio, site, audit_start, audit_end,
       auditor, reviewer, status, rules_pack_id, rules_pack_version, rules_pack_hash, created_at, updated_at)
     VALUES (@id, @name, @organization, @creditCode, @role, @ciio, @site, @auditStart, @auditEnd,
       @auditor, @reviewer, @status, @rulesPackId, @rulesPackVersion, @rulesPackHash, @createdAt, @updatedAt)`,
  ).run(toParams(project));
}

export function updateProject(db: Database, project: Project): void {
  prepared(
    db,
    `UPDATE projects SET name = @name, organization = @organization, credit_code = @creditCode, role = @role,
       ciio = @ciio, site = @site, audit_start = @auditStart, audit_end = @auditEnd, auditor = @auditor,
       reviewer = @reviewer, status = @status, rules_pack_id = @rulesPackId, rules_pack_version = @rulesPackVersion,
       rules_pack_hash = @rulesPackHash, updated_at = @updatedAt
     WHERE id = @id`,
  ).run(toParams(project));
}

export function deleteProject(db: Database, id: string): void {
  prepared(db, 'DELETE FROM projects WHERE id = ?').run(id);
}

