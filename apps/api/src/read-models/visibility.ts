import { canSee, type ReadModelContext, type Viewer } from '@ccb/read-models';
import { NotFoundException } from '@nestjs/common';

/**
 * A partnership the viewer may not see answers exactly as one that does not exist: a 403 would tell a
 * non-party that a confidential partnership is there.
 */
export async function ensureVisible(readModels: ReadModelContext, viewer: Viewer, partnershipId: string): Promise<void> {
  if (!(await canSee(readModels, viewer, partnershipId))) throw new NotFoundException({ code: 'partnership.not-found', message: 'No such partnership' });
}
