/** Thrown for an invalid --query expression; the driver prints message and exits 252. */
export class QueryError extends Error {}

/**
 * Thrown where the CLI itself fails while formatting (a JMESPath function given a value of
 * the wrong type, a table row of another length than the first): the CLI prints the
 * message between newlines on stderr and exits 255 (errorhandler.py GeneralExceptionHandler).
 */
export class FormatError extends Error {}
