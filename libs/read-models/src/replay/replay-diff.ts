import type { RecordedEvent } from '@ccb/event-store';
import { formatMoney } from '../shared/format';
import { describeRecorded, IDS_AS_NAMES, type EventNames } from '../timeline/event-summary';
import type { LocalOwnership } from '../local-ownership/local-ownership';
import type { PartnershipView } from '../view/partnership-view';
import type { ReplayState } from './partnership-replay';
import type { ReplayDiff, ReplayPointSummary } from './replay-results';

export type { ReplayDiff, ReplayPointSummary };

type Measure = 'commitment' | 'disbursement' | 'expenditure' | 'refund' | 'in-kind';
const MEASURE_WORDS: Record<Measure, string> = { commitment: 'committed', disbursement: 'disbursed', expenditure: 'spent', refund: 'refunded', 'in-kind': 'contributed in kind' };

function totals(view: PartnershipView | null): Map<string, number> {
  const sums = new Map<string, number>();
  for (const f of view?.flows ?? []) {
    if (f.voided) continue;
    const key = `${f.kind}|${f.currency}`;
    sums.set(key, (sums.get(key) ?? 0) + f.amountMinor);
  }
  return sums;
}

export function diffReplays(
  a: ReplayState,
  b: ReplayState,
  between: readonly RecordedEvent[],
  ownership: { readonly from: LocalOwnership | null; readonly to: LocalOwnership | null },
  names: EventNames = IDS_AS_NAMES,
): ReplayDiff {
  const changes: string[] = [];
  const va = a.view;
  const vb = b.view;
  if (!va && vb) changes.push(`The partnership "${vb.title}" was proposed`);
  if (va && vb) {
    if (va.phase !== vb.phase) changes.push(`Phase moved from ${va.phase} to ${vb.phase}`);
    if (va.suspended !== vb.suspended) changes.push(vb.suspended ? 'The partnership was suspended' : 'The partnership resumed');
  }
  const partiesBefore = new Set((va?.parties ?? []).map((p) => `${p.organisationId}|${p.role}`));
  for (const p of vb?.parties ?? []) if (!partiesBefore.has(`${p.organisationId}|${p.role}`)) changes.push(`${names.organisation(p.organisationId)} joined as ${p.role}`);

  const ta = totals(va);
  const tb = totals(vb);
  for (const key of [...new Set([...ta.keys(), ...tb.keys()])].sort()) {
    const [kind, currency] = key.split('|') as [Measure, string];
    const delta = (tb.get(key) ?? 0) - (ta.get(key) ?? 0);
    if (delta !== 0)
      changes.push(
        `${delta > 0 ? '' : 'Net '}${formatMoney(Math.abs(delta), currency)} ${delta > 0 ? 'more' : 'less'} ${MEASURE_WORDS[kind]} (now ${formatMoney(tb.get(key) ?? 0, currency)})`,
      );
  }

  const milestonesBefore = new Map((va?.milestones ?? []).map((m) => [m.milestoneId, m.status]));
  for (const m of vb?.milestones ?? []) {
    const before = milestonesBefore.get(m.milestoneId);
    if (before === undefined) changes.push(`Milestone "${m.title}" planned (due ${m.dueDate})${m.status !== 'planned' ? ` and now ${m.status}` : ''}`);
    else if (before !== m.status) changes.push(`Milestone "${m.title}" went from ${before} to ${m.status}`);
  }
  const count = (label: string, before: number, after: number) => {
    if (after !== before) changes.push(`${after - before > 0 ? '+' : ''}${after - before} ${label} (now ${after})`);
  };
  count('activities delivered', va?.activities.length ?? 0, vb?.activities.length ?? 0);
  count('needs stated', a.dossier.needs.length, b.dossier.needs.length);
  count('open risks', (va?.risks ?? []).filter((r) => r.open).length, (vb?.risks ?? []).filter((r) => r.open).length);
  count('evaluations', va?.evaluations.length ?? 0, vb?.evaluations.length ?? 0);
  if ((va?.plan?.version ?? 0) !== (vb?.plan?.version ?? 0)) changes.push(`Plan version ${vb?.plan?.version} proposed (was ${va?.plan?.version ?? 'none'})`);
  const ia = ownership.from?.index ?? null;
  const ib = ownership.to?.index ?? null;
  if (ia !== ib) changes.push(`Local-ownership index ${ia === null ? 'first computed' : `moved from ${ia}`} ${ib === null ? 'to no value' : `to ${ib}`}`);
  if (!va?.closure && vb?.closure)
    changes.push(
      `Closed: ${vb.closure.outcome}${vb.closure.handoverDone ? `, handed over to ${vb.closure.handoverInstitutionId ? names.organisation(vb.closure.handoverInstitutionId) : 'a local institution'}` : ''}`,
    );

  return {
    from: { revision: a.revision, recordedAt: a.recordedAt },
    to: { revision: b.revision, recordedAt: b.recordedAt },
    changes,
    events: between.map((e) => ({
      revision: e.revision,
      eventId: e.id,
      type: e.type,
      recordedAt: e.metadata.recordedAt,
      actor: e.metadata.actor,
      organisation: e.metadata.organisation,
      summary: describeRecorded(e, names),
    })),
  };
}
