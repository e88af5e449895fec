import { OptionalFlag, OptionalId, OptionalText } from '../common/dto-fields';
import { Transform } from 'class-transformer';

export class IatiPortfolioQuery {
  /** Administrators name the organisation; everyone else gets their own. */
  @OptionalId('org-nl-mfa')
  organisationId?: string;
}

export class IatiImportQuery {
  /** The file's name, as the report and every imported event's reason will quote it. */
  @OptionalText('gb-fcdo-activities.xml', 200)
  file?: string;

  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @OptionalFlag(true, 'Decide every activity and append nothing: the report says what an import would do')
  dryRun?: boolean;
}
