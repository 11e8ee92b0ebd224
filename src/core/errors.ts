/**
 * The one error type partnerfit throws on purpose. `code` says what kind of failure
 * it is; the CLI maps it to an exit code and the HTTP layer to a status, each in one
 * place. Batches never throw for a bad row: they return issues instead.
 */
export type PartnerfitErrorCode =
  | 'usage' // a wrong flag or argument
  | 'unusable-input' // the input as a whole cannot be read (missing file, wrong format)
  | 'not-found' // an id that does not exist
  | 'database'; // the database is unreachable or refused

export class PartnerfitError extends Error {
  override readonly name = 'PartnerfitError';

  constructor(
    readonly code: PartnerfitErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
