import type { UserRole } from '@ccb/domain';
import type { TimedRequest } from '../common/server-timing';

/** A verified user: who, for which organisation, trusted with which roles. Only the auth guard makes one. */
export interface Principal {
  readonly userId: string;
  readonly organisationId: string;
  readonly roles: readonly UserRole[];
}

/** The request as the auth guard leaves it: `principal` is absent for an anonymous caller. */
export interface AuthenticatedRequest extends TimedRequest {
  principal?: Principal;
}
