import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format';

/** One `/metrics` response, parsed by a Prometheus text-format parser (it throws on malformed output). */
export interface Scrape {
  families: Map<string, ParsedFamily>;
  text: string;
}

export async function scrape(baseUrl: string): Promise<Scrape> {
  const response = await fetch(`${baseUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  return { families: new Map(parsePrometheusTextFormat(text).map((family) => [family.name, family])), text };
}

/**
 * A counter's or gauge's value, or a histogram's observation count. The parser drops the labels of
 * histogram series, so those are read from their `_count` line, which it has checked already.
 */
export function metricValue({ families, text }: Scrape, name: string, labels: Record<string, string> = {}): number {
  const family = families.get(name);
  if (family?.type === 'HISTOGRAM') {
    const wanted = Object.entries(labels).map(([key, label]) => `${key}="${label}"`);
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}_count`) && wanted.every((pair) => candidate.includes(pair)));
    return Number(line?.split(' ').at(-1) ?? 0);
  }
  if (!family) {
    throw new Error(`no metric ${name}`);
  }
  const sample = family.metrics.find((candidate) => Object.entries(labels).every(([key, wanted]) => candidate.labels?.[key] === wanted));
  return Number(sample?.value ?? sample?.count ?? 0);
}

/** The values a label takes across a histogram's `_count` series (what the parser drops). */
export function histogramLabelValues({ text }: Scrape, name: string, label: string): Set<string> {
  const pattern = new RegExp(`^${name}_count\\{[^}]*${label}="([^"]*)"`, 'gm');
  return new Set([...text.matchAll(pattern)].map((match) => match[1] as string));
}
