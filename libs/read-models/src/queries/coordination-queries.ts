import type { Phase } from '@ccb/domain';
import type { ExternalOverlap, Overlap, RegistryEntry } from '../api/coordination-results';
import { c, EXTERNAL_ACTIVITY_COLUMNS, EXTERNAL_OVERLAP_COLUMNS, nullable, OVERLAP_COLUMNS, PARTNERSHIP_COLUMNS, readRow } from '../storage/columns';

export type { ExternalOverlap, Overlap, RegistryEntry };

/** One side of an overlap, as the query selects it (a_id, a_title, …). */
const OVERLAP_SIDE = { id: c.text, title: c.text, phase: c.code<Phase>(), donors: c.textArray, start: c.text, end: nullable(c.text) };

/** The registry's public columns of a partnership, and its parties with their points of contact. */
const P = PARTNERSHIP_COLUMNS;
const REGISTRY_COLUMNS = {
  partnership_id: P.partnership_id,
  title: P.title,
  summary: P.summary,
  beneficiary_country: P.beneficiary_country,
  themes: P.themes,
  levels: P.levels,
  phase: P.phase,
  planned_start: P.planned_start,
  planned_end: P.planned_end,
  modality: P.modality,
  parties: c.json<RegistryEntry['parties']>(),
};
import { partnershipFilter, type PartnershipFilter } from './partnership-queries';
import { orderBy, paged, Where, type Page, type PageRequest, type ReadModelContext } from './query-kit';
import { EVERY_PARTNERSHIP } from './viewer';

export interface OverlapFilter extends PageRequest {
  readonly country?: string;
  readonly theme?: string;
  readonly partnershipId?: string;
  readonly donorId?: string;
}

/** Pairs of partnerships for the same country and theme, at the same time, with no donor in common. */
/** Overlaps are registry facts (titles, countries, themes, donors): every signed-in party may coordinate on them. */
export function listOverlaps(ctx: ReadModelContext, filter: OverlapFilter): Promise<Page<Overlap>> {
  const s = ctx.models.portfolio.schema;
  const where = new Where()
    .when(filter.country, 'o.beneficiary_country = ?', filter.country)
    .when(filter.theme, 'o.shared_themes @> ARRAY[?]::text[]', filter.theme)
    .when(filter.partnershipId, '(o.partnership_a = ? OR o.partnership_b = ?)', filter.partnershipId, filter.partnershipId)
    .when(filter.donorId, '(a.donor_ids @> ARRAY[?]::text[] OR b.donor_ids @> ARRAY[?]::text[])', filter.donorId, filter.donorId);
  const side = (raw: Record<string, unknown>, x: 'a' | 'b') => {
    const r = readRow(OVERLAP_SIDE, Object.fromEntries(Object.keys(OVERLAP_SIDE).map((k) => [k, raw[`${x}_${k}`]])));
    return { partnershipId: r.id, title: r.title, phase: r.phase, donorIds: r.donors, plannedStart: r.start, plannedEnd: r.end };
  };
  return paged(
    ctx,
    `o.*, a.partnership_id AS a_id, a.title AS a_title, a.phase AS a_phase, a.donor_ids AS a_donors, a.planned_start AS a_start, a.planned_end AS a_end,
          b.partnership_id AS b_id, b.title AS b_title, b.phase AS b_phase, b.donor_ids AS b_donors, b.planned_start AS b_start, b.planned_end AS b_end`,
    `${s}.overlaps o JOIN ${s}.partnerships a ON a.partnership_id = o.partnership_a JOIN ${s}.partnerships b ON b.partnership_id = o.partnership_b`,
    where,
    'ORDER BY o.beneficiary_country, o.partnership_a, o.partnership_b',
    filter,
    (raw) => {
      const r = readRow(OVERLAP_COLUMNS, raw);
      return {
        beneficiaryCountry: r.beneficiary_country,
        sharedThemes: r.shared_themes,
        overlapStart: r.overlap_start,
        overlapEnd: r.overlap_end,
        partnerships: [side(raw, 'a'), side(raw, 'b')],
      };
    },
  );
}

/** Partnerships beside imported activities of other publishers: same country, DAC sector and time. */
export function listExternalOverlaps(ctx: ReadModelContext, filter: OverlapFilter): Promise<Page<ExternalOverlap>> {
  const s = ctx.models.portfolio.schema;
  const where = new Where()
    .when(filter.country, 'o.country = ?', filter.country)
    .when(filter.partnershipId, 'o.partnership_id = ?', filter.partnershipId)
    .when(filter.donorId, 'p.donor_ids @> ARRAY[?]::text[]', filter.donorId);
  const P = PARTNERSHIP_COLUMNS;
  const side = { partnership_id: P.partnership_id, title: P.title, phase: P.phase, donor_ids: P.donor_ids, planned_start: P.planned_start, planned_end: P.planned_end };
  const X = EXTERNAL_ACTIVITY_COLUMNS;
  const external = {
    identifier: X.identifier,
    x_title: X.title,
    reporting_org_name: X.reporting_org_name,
    reporting_org_ref: X.reporting_org_ref,
    status: X.status,
    countries: X.countries,
    x_sectors: X.sector_codes,
    start_date: X.start_date,
    end_date: X.end_date,
  };
  return paged(
    ctx,
    `o.*, p.title, p.phase, p.donor_ids, p.planned_start, p.planned_end,
     x.identifier, x.title AS x_title, x.reporting_org_name, x.reporting_org_ref, x.status, x.countries, x.sector_codes AS x_sectors, x.start_date, x.end_date`,
    `${s}.external_overlaps o JOIN ${s}.partnerships p USING (partnership_id) JOIN ${s}.external_activities x USING (activity_key)`,
    where,
    'ORDER BY o.country, o.partnership_id, x.identifier',
    filter,
    (raw) => {
      const o = readRow(EXTERNAL_OVERLAP_COLUMNS, raw);
      const p = readRow(side, raw);
      const x = readRow(external, raw);
      return {
        country: o.country,
        sharedSectors: o.shared_sectors,
        overlapStart: o.overlap_start,
        overlapEnd: o.overlap_end,
        partnership: { partnershipId: p.partnership_id, title: p.title, phase: p.phase, donorIds: p.donor_ids, plannedStart: p.planned_start, plannedEnd: p.planned_end },
        external: {
          identifier: x.identifier,
          title: x.x_title,
          reportingOrg: { name: x.reporting_org_name, ref: x.reporting_org_ref },
          status: x.status,
          countries: x.countries,
          sectors: x.x_sectors,
          start: x.start_date,
          end: x.end_date,
        },
      };
    },
  );
}

/**
 * The public registry: what any donor or member of the public may see, to avoid duplicated effort.
 * It selects only public columns; needs, plans and money are not in it.
 */
export function registry(ctx: ReadModelContext, filter: PartnershipFilter): Promise<Page<RegistryEntry>> {
  const s = ctx.models.portfolio.schema;
  return paged(
    ctx,
    `p.partnership_id, p.title, p.summary, p.beneficiary_country, p.themes, p.levels, p.phase, p.planned_start, p.planned_end, p.modality,
     (SELECT coalesce(json_agg(json_build_object('organisationId', pt.organisation_id, 'name', o.name, 'role', pt.role, 'country', o.country,
                                                'contacts', coalesce(o.contacts, '[]'::jsonb)) ORDER BY pt.role, pt.organisation_id), '[]'::json)
        FROM ${s}.parties pt LEFT JOIN ${s}.organisations o USING (organisation_id)
       WHERE pt.partnership_id = p.partnership_id AND pt.role <> 'evaluator') AS parties`,
    `${s}.partnerships p`,
    partnershipFilter(ctx, EVERY_PARTNERSHIP, filter),
    orderBy(filter.sort, { title: 'p.title', country: 'p.beneficiary_country', plannedStart: 'p.planned_start' }, 'p.title', 'p.partnership_id'),
    filter,
    (raw) => {
      const r = readRow(REGISTRY_COLUMNS, raw);
      return {
        partnershipId: r.partnership_id,
        title: r.title,
        summary: r.summary,
        beneficiaryCountry: r.beneficiary_country,
        themes: r.themes,
        levels: r.levels,
        phase: r.phase,
        plannedStart: r.planned_start,
        plannedEnd: r.planned_end,
        modality: r.modality,
        parties: r.parties,
      };
    },
  );
}
