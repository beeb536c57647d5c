import { type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { type Principal } from '../../auth/principal.js';
import { type AuditEntry, type AuditLog } from '../../control/audit-log.js';
import { AppError, ErrorCode } from '../../errors/app-error.js';
import { auditRuleOf, type AuditRule } from '../audit-target.js';
import { type RequestContext } from '../context.js';

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function idOfResult(result: unknown): string | null {
  return typeof result === 'object' && result !== null ? stringOrNull((result as { id?: unknown }).id) : null;
}

type Call = { info: GraphQLResolveInfo; args: Record<string, unknown>; principal: Principal; rule: Exclude<AuditRule, { kind: 'skip' }> };

function base({ info, principal }: Call): Pick<AuditEntry, 'actorUserId' | 'tenantId' | 'operation'> {
  return { actorUserId: principal.userId, tenantId: principal.tenantId, operation: info.fieldName };
}

function successEntry(call: Call, result: unknown): AuditEntry {
  if (call.rule.kind === 'declared') {
    const { spec } = call.rule;
    const resolved = { args: call.args, result };
    return {
      ...base(call),
      targetType: spec.type,
      targetId: spec.idOf ? spec.idOf(resolved) : idOfResult(result),
      detail: spec.detailOf?.(resolved) ?? null,
      outcome: 'SUCCESS',
    };
  }
  return { ...base(call), targetType: getNamedType(call.info.returnType).name, targetId: idOfResult(result), outcome: 'SUCCESS' };
}

/** A refusal for lack of rights is worth a row (who tried what); other failures changed nothing and leave none. */
function deniedEntry(call: Call, error: unknown): AuditEntry | null {
  const original = unwrapResolverError(error);
  if (!(original instanceof AppError) || original.code !== ErrorCode.FORBIDDEN) {
    return null;
  }
  const spec = call.rule.kind === 'declared' ? call.rule.spec : null;
  return {
    ...base(call),
    targetType: spec?.type ?? getNamedType(call.info.returnType).name,
    targetId: stringOrNull(call.args[spec?.idArg ?? 'id']),
    detail: original.message,
    outcome: 'DENIED',
  };
}

/**
 * Runs inside Apollo's field callback, where a throw would surface as an unhandled rejection, so a
 * declared spec that fails still leaves a row, without its target.
 */
function entryFor(call: Call, error: unknown, result: unknown): AuditEntry | null {
  try {
    return error ? deniedEntry(call, error) : successEntry(call, result);
  } catch {
    return { ...base(call), outcome: error ? 'DENIED' : 'SUCCESS', detail: 'the audit target could not be read' };
  }
}

/**
 * Audits every root Mutation field generically, so no business module has to: a success writes
 * one row (operation = field name, target type = the return type or a declared
 * {@link AuditTarget}, target id = the result's id); a FORBIDDEN refusal writes a DENIED row;
 * fields marked {@link NotAudited} (the auth mutations, which AuthService records as auth events)
 * and anonymous callers write none.
 *
 * The writes are awaited before the response is sent, not fired and forgotten: a client that sees
 * success knows its row is committed (or its failure logged and counted in `AuditLog.stats`), and
 * shutdown's drain of running requests covers the writes too. The price is one control-plane
 * insert per mutation; queries pay nothing. The row is not in the tenant database's transaction
 * (it lives in another database), so a crash between the two loses it; that is the accepted gap.
 */
export function auditPlugin(audit: AuditLog): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const writes: Promise<void>[] = [];
      return {
        async executionDidStart({ operation }) {
          // Apollo's type says an operation is always there, but a request whose operationName
          // names no operation of its document gets here with none (and fails in execute).
          const resolved: typeof operation | undefined = operation;
          if (resolved?.operation !== 'mutation') {
            return;
          }
          return {
            willResolveField({ info, args, contextValue }) {
              const principal = contextValue.principal;
              const field = info.parentType.getFields()[info.fieldName];
              if (info.path.prev !== undefined || !principal || !field) {
                return;
              }
              const rule = auditRuleOf(field);
              if (rule.kind === 'skip') {
                return;
              }
              const call: Call = { info, args: args as Record<string, unknown>, principal, rule };
              return (error, result) => {
                const entry = entryFor(call, error, result);
                if (entry) {
                  writes.push(audit.record(entry));
                }
              };
            },
          };
        },
        async willSendResponse() {
          await Promise.all(writes);
        },
      };
    },
  };
}
