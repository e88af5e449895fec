import { organisationDecider } from '@ccb/domain';

export const organisationStreamId = organisationDecider.streamId;
