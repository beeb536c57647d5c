import { badInput } from '../../errors/app-error.js';
import { type Json } from './entity-delegate.js';

/**
 * Refuses a row whose `end` lies before its `start` (as the row would be after the write), naming
 * the end field: an event date that ends before it starts, a contract that ends before it begins.
 */
export function assertDateOrder(next: Json, start: string, end: string): void {
  const from = next[start];
  const to = next[end];
  if (from instanceof Date && to instanceof Date && to.getTime() < from.getTime()) {
    throw badInput(`${end} must not be before ${start}`, end);
  }
}
