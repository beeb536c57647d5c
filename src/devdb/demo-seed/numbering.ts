/**
 * Document numbers such as `Q-2026-0001`: a prefix, the year of the document and a sequence that
 * runs across the whole tenant, so numbers are unique per tenant (the schema's unique key) and grow
 * with time like those of a real back office.
 */
export function assignNumbers<T extends { number: string }>(
  rows: readonly T[],
  prefix: string,
  dateOf: (row: T) => Date,
): void {
  const ordered = [...rows].sort((a, b) => dateOf(a).getTime() - dateOf(b).getTime());
  ordered.forEach((row, index) => {
    row.number = `${prefix}-${dateOf(row).getUTCFullYear()}-${String(index + 1).padStart(4, '0')}`;
  });
}
