import { type Rng } from './random.js';
import { DIAL_CODES } from './vocabulary.js';

/** Lowercase ASCII words (diacritics dropped, everything else a separator) joined by `sep`. */
export function slugify(text: string, sep = '-'): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .join(sep);
}

/** `count` random decimal digits. */
export function digits(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) {
    out += String(rng.int(0, 9));
  }
  return out;
}

/**
 * A phone number in the country's international format. US numbers use the 555-01xx range that
 * is reserved for fiction, so a demo never dials a real person.
 */
export function phoneFor(rng: Rng, country: string): string {
  const prefix = DIAL_CODES[country] ?? '+1';
  if (prefix === '+1') {
    return `+1 ${rng.int(201, 989)} 555 01${digits(rng, 2)}`;
  }
  return `${prefix} ${rng.int(20, 99)} ${digits(rng, 4)} ${digits(rng, 4)}`;
}
