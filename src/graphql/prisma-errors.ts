import { notFound } from '../errors/app-error.js';

/** Turns Prisma's "record to update/delete not found" (P2025) into NOT_FOUND naming the entity. */
export async function rethrowNotFound<T>(operation: Promise<T>, entity: string, id: string): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'P2025') {
      throw notFound(entity, id);
    }
    throw error;
  }
}
