import { partnershipFilter, type PartnershipFilter } from './partnership-queries';
import type { Viewer } from './viewer';
import { paged, selectRows, Where, type Page, type PageRequest, type ReadModelContext } from './query-kit';
import type { Role } from '@ccb/domain';
import type { Modality } from '../api/partnership-results';
import { c, nullable, ORGANISATION_COLUMNS, readRow } from '../storage/columns';

/** What the triad query selects: a partnership's columns and one organisation per role, named when registered. */
const TRIAD_COLUMNS = {
  partnership_id: c.text,
  title: c.text,
  modality: c.code<Modality>(),
  donor_id: c.text,
  donor_name: nullable(c.text),
  implementer_id: c.text,
  implementer_name: nullable(c.text),
  beneficiary_id: c.text,
  beneficiary_name: nullable(c.text),
};

const PARTNER_COLUMNS = {
  organisation_id: c.text,
  name: nullable(c.text),
  role: c.code<Role>(),
  as_role: c.code<Role>(),
  partnerships: c.int8,
  partnership_ids: c.textArray,
};

export interface Triad {
  readonly partnershipId: string;
  readonly title: string;
  readonly modality: Modality;
  readonly donor: { organisationId: string; name: string | null };
  readonly implementer: { organisationId: string; name: string | null };
  readonly beneficiary: { organisationId: string; name: string | null };
}

/** Every donor x implementer x beneficiary combination of a partnership: a consortium has several triads. */
export function listTriads(ctx: ReadModelContext, viewer: Viewer, filter: PartnershipFilter): Promise<Page<Triad>> {
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(ctx, viewer, filter);
  return paged(
    ctx,
    `p.partnership_id, p.title, p.modality, d.id AS donor_id, dn.name AS donor_name, i.id AS implementer_id, im.name AS implementer_name, b.id AS beneficiary_id, bn.name AS beneficiary_name`,
    `${s}.partnerships p
       CROSS JOIN LATERAL unnest(p.donor_ids) AS d(id)
       CROSS JOIN LATERAL unnest(p.implementer_ids) AS i(id)
       CROSS JOIN LATERAL unnest(p.beneficiary_ids) AS b(id)
       LEFT JOIN ${s}.organisations dn ON dn.organisation_id = d.id
       LEFT JOIN ${s}.organisations im ON im.organisation_id = i.id
       LEFT JOIN ${s}.organisations bn ON bn.organisation_id = b.id`,
    where,
    'ORDER BY p.partnership_id, d.id, i.id, b.id',
    filter,
    (raw) => {
      const r = readRow(TRIAD_COLUMNS, raw);
      return {
        partnershipId: r.partnership_id,
        title: r.title,
        modality: r.modality,
        donor: { organisationId: r.donor_id, name: r.donor_name },
        implementer: { organisationId: r.implementer_id, name: r.implementer_name },
        beneficiary: { organisationId: r.beneficiary_id, name: r.beneficiary_name },
      };
    },
  );
}

export interface OrganisationSummary {
  readonly organisationId: string;
  readonly name: string;
  readonly kind: string;
  readonly country: string;
  readonly region: string;
  readonly developmentStatus: string;
  readonly registeredAt: string;
  readonly partnerships: number;
  readonly roles: string[];
}

export interface OrganisationFilter extends PageRequest {
  readonly kind?: string;
  readonly country?: string;
  readonly region?: string;
  readonly role?: string;
  readonly q?: string;
}

const organisationColumns = (s: string) =>
  `o.*, (SELECT count(DISTINCT partnership_id) FROM ${s}.parties x WHERE x.organisation_id = o.organisation_id) AS partnerships,
        ARRAY(SELECT DISTINCT role FROM ${s}.parties x WHERE x.organisation_id = o.organisation_id ORDER BY role) AS roles`;

export function listOrganisations(ctx: ReadModelContext, filter: OrganisationFilter): Promise<Page<OrganisationSummary>> {
  const s = ctx.models.portfolio.schema;
  const where = new Where()
    .when(filter.kind, 'o.kind = ?', filter.kind)
    .when(filter.country, 'o.country = ?', filter.country)
    .when(filter.region, 'o.region = ?', filter.region)
    .when(filter.role, 'EXISTS (SELECT 1 FROM ' + s + '.parties r WHERE r.organisation_id = o.organisation_id AND r.role = ?)', filter.role)
    .when(filter.q, 'o.name ILIKE ?', `%${(filter.q ?? '').replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  return paged(ctx, organisationColumns(s), `${s}.organisations o`, where, 'ORDER BY o.name, o.organisation_id', filter, toOrganisation);
}

/** An organisation's row, with how many partnerships it is in and its roles there. */
const ORGANISATION_SUMMARY = { ...ORGANISATION_COLUMNS, partnerships: c.int8, roles: c.textArray };

function toOrganisation(raw: Record<string, unknown>): OrganisationSummary {
  const r = readRow(ORGANISATION_SUMMARY, raw);
  return {
    organisationId: r.organisation_id,
    name: r.name,
    kind: r.kind,
    country: r.country,
    region: r.region,
    developmentStatus: r.development_status,
    registeredAt: r.registered_at,
    partnerships: r.partnerships,
    roles: r.roles,
  };
}

export async function getOrganisation(ctx: ReadModelContext, organisationId: string): Promise<OrganisationSummary | null> {
  const page = await paged(
    ctx,
    organisationColumns(ctx.models.portfolio.schema),
    `${ctx.models.portfolio.schema}.organisations o`,
    new Where().add('o.organisation_id = ?', organisationId),
    'ORDER BY o.organisation_id',
    { limit: 1 },
    toOrganisation,
  );
  return page.items[0] ?? null;
}

export interface Partner {
  readonly organisationId: string;
  readonly name: string | null;
  /** The partner's role in the shared partnerships. */
  readonly role: Role;
  /** The organisation's own role in them. */
  readonly asRole: Role;
  readonly partnerships: number;
  readonly partnershipIds: string[];
}

/** The organisations it works with, by the role they hold: "its donors", "its implementers"... */
export async function partnersOf(ctx: ReadModelContext, organisationId: string, role?: string): Promise<Partner[]> {
  const s = ctx.models.portfolio.schema;
  const where = new Where().add('me.organisation_id = ?', organisationId).add('other.organisation_id <> me.organisation_id').when(role, 'other.role = ?', role);
  const rows = await ctx.db.query<Record<string, unknown>[]>(
    `SELECT other.organisation_id, o.name, other.role, me.role AS as_role,
            count(DISTINCT other.partnership_id) AS partnerships,
            array_agg(DISTINCT other.partnership_id ORDER BY other.partnership_id) AS partnership_ids
       FROM ${s}.parties me
       JOIN ${s}.parties other ON other.partnership_id = me.partnership_id
       LEFT JOIN ${s}.organisations o ON o.organisation_id = other.organisation_id
       ${where}
      GROUP BY other.organisation_id, o.name, other.role, me.role
      ORDER BY other.role, partnerships DESC, other.organisation_id`,
    where.params,
  );
  return rows.map((raw) => {
    const r = readRow(PARTNER_COLUMNS, raw);
    return { organisationId: r.organisation_id, name: r.name, role: r.role, asRole: r.as_role, partnerships: r.partnerships, partnershipIds: r.partnership_ids };
  });
}

export interface Network {
  readonly nodes: { organisationId: string; name: string | null; kind: string | null; country: string | null; roles: string[]; partnerships: number }[];
  readonly edges: { source: string; target: string; weight: number }[];
}

/**
 * Organisations as nodes; an edge joins two that share partnerships, weighted by how many. The
 * heaviest `limit` edges are kept (the whole network of a large portfolio is a hairball).
 */
export async function network(ctx: ReadModelContext, viewer: Viewer, filter: PartnershipFilter & { minWeight?: number }): Promise<Network> {
  const s = ctx.models.portfolio.schema;
  const where = partnershipFilter(ctx, viewer, filter);
  const scoped = `SELECT pt.* FROM ${s}.parties pt JOIN ${s}.partnerships p USING (partnership_id) ${where}`;
  const edges = await selectRows(
    ctx,
    { source: c.text, target: c.text, weight: c.int8 },
    `WITH scoped AS (${scoped})
     SELECT a.organisation_id AS source, b.organisation_id AS target, count(DISTINCT a.partnership_id) AS weight
       FROM scoped a JOIN scoped b ON b.partnership_id = a.partnership_id AND a.organisation_id < b.organisation_id
      GROUP BY 1, 2
     HAVING count(DISTINCT a.partnership_id) >= ${where.param(filter.minWeight ?? 1)}
      ORDER BY weight DESC, source, target
      LIMIT ${where.param(filter.limit ?? 500)}`,
    where.params,
  );
  const nodeWhere = partnershipFilter(ctx, viewer, filter);
  const nodeRows = await selectRows(
    ctx,
    { organisation_id: c.text, name: nullable(c.text), kind: nullable(c.text), country: nullable(c.text), roles: c.textArray, partnerships: c.int8 },
    `SELECT pt.organisation_id, o.name, o.kind, o.country, array_agg(DISTINCT pt.role ORDER BY pt.role) AS roles, count(DISTINCT pt.partnership_id) AS partnerships
       FROM ${s}.parties pt JOIN ${s}.partnerships p USING (partnership_id)
       LEFT JOIN ${s}.organisations o ON o.organisation_id = pt.organisation_id
       ${nodeWhere}
      GROUP BY pt.organisation_id, o.name, o.kind, o.country
      ORDER BY pt.organisation_id`,
    nodeWhere.params,
  );
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  return {
    nodes: nodeRows
      .filter((r) => linked.has(r.organisation_id) || edges.length === 0)
      .map((r) => ({ organisationId: r.organisation_id, name: r.name, kind: r.kind, country: r.country, roles: r.roles, partnerships: r.partnerships })),
    edges,
  };
}

export const COUNT_DIMENSIONS = ['modality', 'region', 'theme', 'phase', 'country', 'level'] as const;
export type CountDimension = (typeof COUNT_DIMENSIONS)[number];

/** Partnerships counted by one dimension; a partnership with two themes counts under both. */
export async function countPartnerships(
  ctx: ReadModelContext,
  viewer: Viewer,
  by: CountDimension,
  filter: PartnershipFilter,
): Promise<{ key: string | null; partnerships: number }[]> {
  const s = ctx.models.portfolio.schema;
  const key = {
    modality: 'p.modality',
    region: 'p.beneficiary_region',
    phase: 'p.phase',
    country: 'p.beneficiary_country',
    theme: 'k',
    level: 'k',
  }[by];
  const unnest = by === 'theme' ? 'CROSS JOIN LATERAL unnest(p.themes) AS k' : by === 'level' ? 'CROSS JOIN LATERAL unnest(p.levels) AS k' : '';
  const where = partnershipFilter(ctx, viewer, filter);
  const rows = await selectRows(
    ctx,
    { key: nullable(c.text), partnerships: c.int8 },
    `SELECT ${key} AS key, count(DISTINCT p.partnership_id) AS partnerships FROM ${s}.partnerships p ${unnest} ${where} GROUP BY 1 ORDER BY 2 DESC, 1`,
    where.params,
  );
  return rows;
}
