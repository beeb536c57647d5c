import { type Prisma, type TaskStatus } from '../../generated/tenant/client.js';
import { type SeedContext } from './context.js';
import { type AccountInfo } from './crm.js';
import { type OpportunityInfo } from './opportunities.js';
import { addDays, addHours, dateOnly, earlier } from './time.js';
import { NOTE_BODIES, TASK_TITLES } from './vocabulary.js';

/** The records activity can hang off, as built earlier in the plan. */
export interface ActivitySubjects {
  accounts: readonly AccountInfo[];
  opportunities: readonly OpportunityInfo[];
  eventIds: readonly string[];
  leadIds: readonly string[];
}

type TaskLinks = Pick<Prisma.TaskCreateManyInput, 'accountId' | 'contactId' | 'opportunityId' | 'eventId'>;

/** Picks what a task or note is about: a deal, an event, a person at an account, or the account. */
function subjectLinks(ctx: SeedContext, subjects: ActivitySubjects): TaskLinks {
  const { rng } = ctx;
  const kind = rng.weighted([['opportunity', 4], ['event', 2], ['contact', 2], ['account', 2]] as const);
  if (kind === 'opportunity') {
    const opportunity = rng.pick(subjects.opportunities);
    return { accountId: opportunity.account.id, opportunityId: opportunity.id };
  }
  if (kind === 'event') {
    return { eventId: rng.pick(subjects.eventIds) };
  }
  const account = rng.pick(subjects.accounts);
  return kind === 'contact'
    ? { accountId: account.id, contactId: rng.pick(account.contactIds) }
    : { accountId: account.id };
}

/** 30–45 tasks in every status; done ones have a completion time, open ones are due soon or overdue. */
export function buildTasks(ctx: SeedContext, subjects: ActivitySubjects): Prisma.TaskCreateManyInput[] {
  const { rng, flavour } = ctx;
  const titles = [...TASK_TITLES, ...flavour.tasks];
  return Array.from({ length: rng.int(30, 45) }, (): Prisma.TaskCreateManyInput => {
    const status = rng.weighted<TaskStatus>([['OPEN', 4], ['IN_PROGRESS', 2], ['DONE', 4], ['CANCELLED', 1]]);
    const finished = status === 'DONE' || status === 'CANCELLED';
    const dueDay = dateOnly(addDays(ctx.anchor, finished ? -rng.int(2, 120) : rng.int(-10, 45)));
    const dueAt = addHours(dueDay, rng.pick([9, 12, 17]));
    const createdAt = addDays(dueAt, -rng.int(3, 40));
    const completedAt = status === 'DONE' ? earlier(addHours(dueAt, -rng.int(0, 72)), ctx.anchor) : null;
    return {
      id: ctx.ids.next('tasks'),
      tenantId: ctx.tenantId,
      title: rng.pick(titles),
      description: rng.chance(0.4) ? rng.pick(NOTE_BODIES) : null,
      status,
      priority: rng.weighted([['LOW', 2], ['NORMAL', 5], ['HIGH', 2], ['URGENT', 1]] as const),
      dueAt,
      completedAt,
      assigneeId: ctx.person(),
      ...subjectLinks(ctx, subjects),
      createdAt: earlier(createdAt, ctx.anchor),
      updatedAt: earlier(completedAt ?? addDays(createdAt, rng.int(0, 3)), ctx.anchor),
    };
  });
}

/** 35–55 notes, each on one record (a few on leads), written over the last eight months. */
export function buildNotes(ctx: SeedContext, subjects: ActivitySubjects): Prisma.NoteCreateManyInput[] {
  const { rng } = ctx;
  return Array.from({ length: rng.int(35, 55) }, (): Prisma.NoteCreateManyInput => {
    const createdAt = addDays(ctx.anchor, -rng.int(1, 240) - rng.float());
    const links = rng.chance(0.15) ? { leadId: rng.pick(subjects.leadIds) } : subjectLinks(ctx, subjects);
    return {
      id: ctx.ids.next('notes'),
      tenantId: ctx.tenantId,
      body: rng.pick(NOTE_BODIES),
      authorId: ctx.person(),
      ...links,
      createdAt,
      updatedAt: earlier(addDays(createdAt, rng.chance(0.2) ? rng.int(1, 10) : 0), ctx.anchor),
    };
  });
}
