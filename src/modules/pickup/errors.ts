/** 429: too many wrong codes; `retry_after` in seconds. Never carries the code. */
export class TooManyCodeAttemptsError extends Error {
  readonly retry_after: number
  constructor(retryAfterSeconds: number) {
    super(`Too many wrong pickup codes. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`)
    this.name = "TooManyCodeAttemptsError"
    this.retry_after = retryAfterSeconds
  }
}
