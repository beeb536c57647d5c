/**
 * Amounts are computed in integer cents and only turned into decimal strings at the end, so quote,
 * contract, invoice and payment totals add up exactly (no binary floating point drift).
 */

/** Integer cents as a `Decimal(14, 2)` string, e.g. 123456 → "1234.56". */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A whole amount rounded to `step` (in cents), so prices look quoted by a human. */
export function roundCents(cents: number, step: number): number {
  return Math.max(step, Math.round(cents / step) * step);
}

/**
 * Splits `total` into parts proportional to `ratios`; the last part absorbs rounding so the parts
 * always sum to `total`.
 */
export function splitCents(total: number, ratios: readonly number[]): number[] {
  const sum = ratios.reduce((acc, ratio) => acc + ratio, 0);
  const parts = ratios.map((ratio) => Math.round((total * ratio) / sum));
  const drift = total - parts.reduce((acc, part) => acc + part, 0);
  parts[parts.length - 1] = (parts[parts.length - 1] ?? 0) + drift;
  return parts;
}

/** Sales tax / VAT applied to quotes, by currency (a demo simplification of real tax rules). */
export const TAX_RATES: Readonly<Record<string, number>> = {
  USD: 0.08, CAD: 0.13, MXN: 0.16, EUR: 0.21, GBP: 0.2, AUD: 0.1,
};

/** Tax in cents on `subtotal` cents for a currency; zero for currencies without a rate. */
export function taxCents(subtotal: number, currency: string): number {
  return Math.round(subtotal * (TAX_RATES[currency] ?? 0));
}
