/**
 * The positional parameters of one statement. Builders bind values and splice the returned
 * placeholder into their SQL, so text and values cannot drift apart, and only what a statement
 * uses is sent with it (Postgres refuses a parameter whose type it cannot infer).
 */
export class SqlParams {
  /** The values in placeholder order, for `client.query(text, values)`. */
  readonly values: unknown[] = [];
  private readonly slots = new Map<unknown, Map<string, string>>();

  /**
   * `$n::type` for `value`. Binding the same value (the same array object, or an equal primitive)
   * with the same type again reuses its slot, so a vocabulary list is sent once per statement.
   */
  bind(value: unknown, type: string): string {
    const byType = this.slots.get(value) ?? new Map<string, string>();
    this.slots.set(value, byType);
    const existing = byType.get(type);
    if (existing !== undefined) {
      return existing;
    }
    this.values.push(value);
    const placeholder = `$${this.values.length}::${type}`;
    byType.set(type, placeholder);
    return placeholder;
  }
}
