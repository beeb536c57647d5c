import { type TenancyObserver } from '../tenancy/tenancy-observer.js';

/** One observer that tells each of `observers` (the metrics, and the benchmark's when given). */
export function combineObservers(...observers: (TenancyObserver | undefined)[]): TenancyObserver {
  const present = observers.filter((observer): observer is TenancyObserver => observer !== undefined);
  return {
    routeLookedUp: (...args) => present.forEach((observer) => observer.routeLookedUp?.(...args)),
    clientBuilt: (...args) => present.forEach((observer) => observer.clientBuilt?.(...args)),
    datasourceHit: (...args) => present.forEach((observer) => observer.datasourceHit?.(...args)),
    datasourceEvicted: (...args) => present.forEach((observer) => observer.datasourceEvicted?.(...args)),
  };
}
