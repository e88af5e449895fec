/** The local-ownership metrics in the index, with the names docs/metrics.md gives them. */
export const INDEX_METRICS = [
  ['demandOrigin', 'Demand origin'],
  ['coDesignEndorsed', 'Co-design endorsed'],
  ['alignment', 'Alignment with stated needs'],
  ['language', 'Language of instruction'],
  ['localSpend', 'Local spending'],
  ['beneficiaryManaged', 'Managed by the beneficiary side'],
  ['localTrainers', 'Local trainers'],
  ['validation', 'Validation by the beneficiary'],
  ['sustainability', 'Sustainability'],
] as const;
