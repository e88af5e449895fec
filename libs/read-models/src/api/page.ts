/** One page of a list, as every list endpoint answers (the dashboard imports it, type-only). */
export interface PageRequest {
  readonly limit?: number;
  readonly offset?: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  /** True when there are more than `total` (counting stopped at COUNT_CAP). */
  readonly totalIsLowerBound: boolean;
  readonly limit: number;
  readonly offset: number;
}
