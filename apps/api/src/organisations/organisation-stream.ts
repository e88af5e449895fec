export const organisationStreamId = (organisationId: string) => `organisation-${organisationId}`;
