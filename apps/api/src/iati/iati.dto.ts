import { OptionalId } from '../common/dto-fields';

export class IatiPortfolioQuery {
  /** Administrators name the organisation; everyone else gets their own. */
  @OptionalId('org-nl-mfa')
  organisationId?: string;
}
