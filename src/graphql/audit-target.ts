import { type GraphQLField, getNamedType, isObjectType } from 'graphql';
import { Extensions } from 'type-graphql';

/** What a spec's functions see of one resolved mutation. */
export interface AuditedCall<TResult> {
  args: Record<string, unknown>;
  result: TResult;
}

/**
 * How the audit plugin names the target of a mutation whose return type does not (a Boolean, or a
 * type that is not the record changed). Functions must return client-safe text: rows are shown
 * to the tenant's admins.
 */
export interface AuditTargetSpec<TResult> {
  /** GraphQL type name of the target, e.g. `Account`. */
  type: string;
  /** The target's id; default `result.id`. */
  idOf?: (call: AuditedCall<TResult>) => string | null;
  /** The argument naming the target, used when the mutation is refused; default `id`. */
  idArg?: string;
  /** A short note kept with the row, e.g. the role a member was given. */
  detailOf?: (call: AuditedCall<TResult>) => string | null;
}

/** How one mutation is audited: by its return type (the default), a declared target, or not at all. */
export type AuditRule = { kind: 'returnType' } | { kind: 'declared'; spec: AuditTargetSpec<unknown> } | { kind: 'skip'; reason: string };

const EXTENSION = 'audit';

/** Declares the audit target of a mutation (see {@link AuditTargetSpec}). */
export function AuditTarget<TResult>(spec: AuditTargetSpec<TResult>): MethodDecorator {
  // The plugin calls the spec's functions with this mutation's own result only.
  const rule: AuditRule = { kind: 'declared', spec: spec as AuditTargetSpec<unknown> };
  return Extensions({ [EXTENSION]: rule });
}

/**
 * Keeps a mutation out of the generic audit trail; `reason` says where it is recorded instead or
 * why it needs no row (e.g. auth events, which AuthService records itself).
 */
export function NotAudited(reason: string): MethodDecorator {
  const rule: AuditRule = { kind: 'skip', reason };
  return Extensions({ [EXTENSION]: rule });
}

/** The audit rule of a root Mutation field. */
export function auditRuleOf(field: GraphQLField<unknown, unknown>): AuditRule {
  const declared = field.extensions[EXTENSION] as AuditRule | undefined;
  return declared ?? { kind: 'returnType' };
}

/** Whether a field's return type can name its own target: an object type with an `id` field. */
export function returnsIdentifiedObject(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && 'id' in type.getFields();
}
