/** Thrown by the core when its input breaks the model's contract (mixed message ids, bad counts, ...). */
export class EstafetteInputError extends TypeError {
  override readonly name = 'EstafetteInputError';
  /** Where in the input the problem is, e.g. `events[3].messageId`. */
  readonly path: string;
  constructor(message: string, path: string) {
    super(`${message} (at ${path})`);
    this.path = path;
  }
}
