/** One field the API refused, as `400 validation.failed` names it (`participants.women`, `amount.currency`). */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
  /** The check that refused it (`isInt`, `max`…), by which the reason is worded in the reader's language. */
  readonly constraint?: string;
}

/** A non-2xx answer, kept whole so a form can put each reason next to its field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    /** The domain rule that refused a command (`flow.voided-once`), when one did. */
    readonly rule: string | null = null,
  ) {
    super(message);
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  /** The refusal of one field, also when the API names a nested field under it (`participants.women`). */
  errorFor(field: string): FieldError | undefined {
    return this.fieldErrors.find((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`));
  }
}

/** A network failure or an answer that is not JSON is still an error a person can read. */
export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { code?: string; rule?: string; message?: string | string[]; errors?: FieldError[] };
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? response.statusText);
    return new ApiError(response.status, body.code ?? `http.${response.status}`, message, body.errors ?? [], body.rule ?? null);
  } catch {
    return new ApiError(response.status, `http.${response.status}`, text.slice(0, 200) || response.statusText);
  }
}
