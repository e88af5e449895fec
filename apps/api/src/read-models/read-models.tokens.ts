/** The ReadModelContext (TypeORM data source + schema names) every query controller reads through. */
export const READ_MODELS = Symbol('READ_MODELS');
