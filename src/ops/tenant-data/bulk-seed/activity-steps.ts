import { homeAccount, otherAccount } from './crm-formulas.js';
import { eventAccount } from './event-formulas.js';
import { type InsertStep, type ValueLayer } from './insert-step.js';
import { opportunityAccount } from './lead-steps.js';
import { type StepScope } from './step-scope.js';
import { between, pick, sometimes, weighted, weightedEnum } from './sql-random.js';

/** The first rows of an activity table that are about the key account. */
const forKey = (rows: number) => `i < ${rows}`;

/**
 * What a task or note (`purpose`) is about, as value layers and columns: a deal and its account,
 * an event (and its account, if it has one), a contact at their account, the account alone, or,
 * with `leads`, a lead. The key account's rows are about its own deals, events and contacts.
 */
function subjectOf(scope: StepScope, purpose: string, keyRows: number, leads: boolean): { values: ValueLayer[]; columns: Record<string, string> } {
  const r = (what: string) => scope.r(`${purpose}.${what}`);
  const about = weighted(r('about'), [['1', 4], ['2', 2], ['3', 2], ['4', 2], ...(leads ? [['5', 1.5] as const] : [])]);
  return {
    values: [
      { about: `CASE WHEN ${forKey(keyRows)} THEN least(${about}, 4) ELSE ${about} END` },
      {
        deal: scope.rowOf('opportunities', r('deal'), forKey(keyRows)),
        event: scope.rowOf('events', r('event'), forKey(keyRows)),
        person: scope.rowOf('contacts', r('contact'), forKey(keyRows)),
      },
      {
        account: `CASE about WHEN 1 THEN ${opportunityAccount(scope, 'deal')} WHEN 2 THEN ${eventAccount(scope, 'event')} WHEN 3 THEN ${homeAccount(scope, 'person')}
          WHEN 4 THEN (CASE WHEN ${forKey(keyRows)} THEN 0::bigint ELSE ${otherAccount(scope, r('account'))} END) END`,
      },
    ],
    columns: {
      account_id: `CASE WHEN account IS NOT NULL THEN ${scope.id('accounts', 'account')} END`,
      contact_id: `CASE WHEN about = 3 THEN ${scope.id('contacts', 'person')} END`,
      opportunity_id: `CASE WHEN about = 1 THEN ${scope.id('opportunities', 'deal')} END`,
      event_id: `CASE WHEN about = 2 THEN ${scope.id('events', 'event')} END`,
      ...(leads ? { lead_id: `CASE WHEN about = 5 THEN ${scope.id('leads', between(r('lead'), 0, scope.count('leads') - 1))} END` } : {}),
    },
  };
}

/** Tasks: old ones are done or cancelled; recent ones are open, in progress or done, most with a due time. */
export function tasksStep(scope: StepScope): InsertStep {
  const { vocabulary: words, shape } = scope.run;
  const subject = subjectOf(scope, 'task', shape.key.tasks, false);
  const recent = weightedEnum(scope.r('task.status'), '"TaskStatus"', [['OPEN', 4], ['IN_PROGRESS', 2], ['DONE', 4], ['CANCELLED', 1]]);
  const finished = weightedEnum(scope.r('task.status'), '"TaskStatus"', [['DONE', 8], ['CANCELLED', 2]]);
  const dueDay = `date_trunc('day', created + ${between(scope.r('task.due'), 3, 40)} * interval '1 day')`;
  return {
    table: 'tasks',
    scope,
    from: `generate_series(0::bigint, ${shape.counts.tasks - 1}) AS g(i)`,
    values: [
      ...subject.values,
      { created: scope.daysAgo(1500, scope.r('task.created')) },
      {
        status: `CASE WHEN ${scope.anchor} - created > interval '120 days' THEN ${finished} ELSE ${recent} END`,
        due: sometimes(scope.r('task.has.due'), 0.8, `${dueDay} + ${pick(scope.ints([9, 12, 17]), scope.r('task.due.hour'))} * interval '1 hour'`),
      },
      { completed: `CASE WHEN status = 'DONE' THEN LEAST(${scope.anchor}, GREATEST(created, coalesce(due, created + interval '7 days') - ${between(scope.r('task.done'), 0, 72)} * interval '1 hour')) END` },
    ],
    columns: {
      id: scope.id('tasks', 'i'),
      tenant_id: scope.tenant,
      title: pick(scope.text(words.taskTitles), scope.r('task.title')),
      description: sometimes(scope.r('task.description'), 0.4, pick(scope.text(words.noteBodies), scope.r('task.description.pick'))),
      status: 'status',
      priority: weightedEnum(scope.r('task.priority'), '"TaskPriority"', [['LOW', 2], ['NORMAL', 5], ['HIGH', 2], ['URGENT', 1]]),
      due_at: 'due',
      completed_at: 'completed',
      assignee_id: scope.member(scope.r('task.assignee')),
      ...subject.columns,
      created_at: 'created',
      updated_at: `coalesce(completed, ${scope.recentSince('created', scope.r('task.updated'))})`,
    },
  };
}

/** Notes on deals, events, contacts, accounts and (a few) leads, some edited after writing. */
export function notesStep(scope: StepScope): InsertStep {
  const { vocabulary: words, shape } = scope.run;
  const subject = subjectOf(scope, 'note', shape.key.notes, true);
  return {
    table: 'notes',
    scope,
    from: `generate_series(0::bigint, ${shape.counts.notes - 1}) AS g(i)`,
    values: [...subject.values, { created: scope.daysAgo(1500, scope.r('note.created')) }],
    columns: {
      id: scope.id('notes', 'i'),
      tenant_id: scope.tenant,
      body: pick(scope.text(words.noteBodies), scope.r('note.body')),
      author_id: scope.member(scope.r('note.author')),
      ...subject.columns,
      created_at: 'created',
      updated_at: `CASE WHEN ${scope.r('note.edited')} < 0.2 THEN LEAST(${scope.anchor}, created + ${between(scope.r('note.edited.after'), 1, 10)} * interval '1 day') ELSE created END`,
    },
  };
}

/**
 * Emails, calls, meetings and texts: mostly with a contact at their account, some with leads, a
 * few with an account alone. The key account's come first, with its own contacts.
 */
export function communicationsStep(scope: StepScope): InsertStep {
  const { vocabulary: words, shape } = scope.run;
  const keyRows = shape.key.communications;
  const about = weighted(scope.r('comm.about'), [['3', 7], ['5', 2], ['4', 1]]);
  const channel = weightedEnum(scope.r('comm.channel'), '"CommunicationChannel"', [['EMAIL', 5], ['CALL', 3], ['MEETING', 2], ['SMS', 1]]);
  return {
    table: 'communications',
    scope,
    from: `generate_series(0::bigint, ${shape.counts.communications - 1}) AS g(i)`,
    values: [
      { about: `CASE WHEN ${forKey(keyRows)} THEN (CASE WHEN ${scope.r('comm.key.about')} < 0.85 THEN 3 ELSE 4 END) ELSE ${about} END`, channel },
      { person: scope.rowOf('contacts', scope.r('comm.contact'), forKey(keyRows)), occurred: scope.daysAgo(1500, scope.r('comm.occurred')) },
      { account: `CASE about WHEN 3 THEN ${homeAccount(scope, 'person')} WHEN 4 THEN (CASE WHEN ${forKey(keyRows)} THEN 0::bigint ELSE ${otherAccount(scope, scope.r('comm.account'))} END) END` },
    ],
    columns: {
      id: scope.id('communications', 'i'),
      tenant_id: scope.tenant,
      channel: 'channel',
      direction: `(CASE WHEN ${scope.r('comm.direction')} < (CASE channel WHEN 'MEETING' THEN 0.2 ELSE 0.45 END) THEN 'INBOUND' ELSE 'OUTBOUND' END)::"CommunicationDirection"`,
      // Calls and texts have no subject line, as in a phone log.
      subject: `CASE WHEN channel IN ('EMAIL', 'MEETING') THEN ${pick(scope.text(words.communicationSubjects), scope.r('comm.subject'))} END`,
      body: sometimes(scope.r('comm.body'), 0.85, pick(scope.text(words.communicationBodies), scope.r('comm.body.pick'))),
      occurred_at: 'occurred',
      user_id: scope.member(scope.r('comm.user')),
      account_id: `CASE WHEN account IS NOT NULL THEN ${scope.id('accounts', 'account')} END`,
      contact_id: `CASE WHEN about = 3 THEN ${scope.id('contacts', 'person')} END`,
      lead_id: `CASE WHEN about = 5 THEN ${scope.id('leads', between(scope.r('comm.lead'), 0, scope.count('leads') - 1))} END`,
      created_at: 'occurred',
      updated_at: 'occurred',
    },
  };
}
