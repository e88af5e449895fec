/**
 * Okabe–Ito: eight colours told apart with any common colour-vision deficiency. Charts never rely on
 * colour alone: every series is also named in its legend, tooltip and data table.
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

export const MEASURE_COLOURS = { committed: '#0072B2', disbursed: '#E69F00', spent: '#009E73', plan: '#000000' } as const;
