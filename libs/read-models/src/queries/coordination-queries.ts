import type { PointOfContact } from '@ccb/domain';
import { partnershipFilter, type PartnershipFilter } from './partnership-queries';
import { orderBy, paged, Where, type Page, type PageRequest, type ReadModelContext } from './query-kit';
import { EVERY_PARTNERSHIP } from './viewer';

export interface Overlap {
  readonly beneficiaryCountry: string;
  readonly sharedThemes: string[];
  readonly overlapStart: string;
  readonly overlapEnd: string | null;
  readonly partnerships: { partnershipId: string; title: string; phase: string; donorIds: string[]; plannedStart: string; plannedEnd: string | null }[];
}

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
  const side = (r: Record<string, unknown>, x: 'a' | 'b') => ({
    partnershipId: r[`${x}_id`] as string,
    title: r[`${x}_title`] as string,
    phase: r[`${x}_phase`] as string,
    donorIds: r[`${x}_donors`] as string[],
    plannedStart: r[`${x}_start`] as string,
    plannedEnd: r[`${x}_end`] as string | null,
  });
  return paged(
    ctx,
    `o.*, a.partnership_id AS a_id, a.title AS a_title, a.phase AS a_phase, a.donor_ids AS a_donors, a.planned_start AS a_start, a.planned_end AS a_end,
          b.partnership_id AS b_id, b.title AS b_title, b.phase AS b_phase, b.donor_ids AS b_donors, b.planned_start AS b_start, b.planned_end AS b_end`,
    `${s}.overlaps o JOIN ${s}.partnerships a ON a.partnership_id = o.partnership_a JOIN ${s}.partnerships b ON b.partnership_id = o.partnership_b`,
    where,
    'ORDER BY o.beneficiary_country, o.partnership_a, o.partnership_b',
    filter,
    (r) => ({
      beneficiaryCountry: r.beneficiary_country as string,
      sharedThemes: r.shared_themes as string[],
      overlapStart: r.overlap_start as string,
      overlapEnd: r.overlap_end as string | null,
      partnerships: [side(r, 'a'), side(r, 'b')],
    }),
  );
}

export interface RegistryEntry {
  readonly partnershipId: string;
  readonly title: string;
  readonly summary: string;
  readonly beneficiaryCountry: string;
  readonly themes: string[];
  readonly levels: string[];
  readonly phase: string;
  readonly plannedStart: string;
  readonly plannedEnd: string | null;
  readonly modality: string;
  readonly parties: { organisationId: string; name: string | null; role: string; country: string | null; contacts: PointOfContact[] }[];
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
    (r) => ({
      partnershipId: r.partnership_id as string,
      title: r.title as string,
      summary: r.summary as string,
      beneficiaryCountry: r.beneficiary_country as string,
      themes: r.themes as string[],
      levels: r.levels as string[],
      phase: r.phase as string,
      plannedStart: r.planned_start as string,
      plannedEnd: r.planned_end as string | null,
      modality: r.modality as string,
      parties: r.parties as RegistryEntry['parties'],
    }),
  );
}
