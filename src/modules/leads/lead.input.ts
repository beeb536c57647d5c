import { ArgsType, InputType, registerEnumType } from 'type-graphql';
import { LeadSource, LeadStatus } from '../../generated/tenant/enums.js';
import { EmailField, EnumField, IntField } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { ListArgsOf } from '../entity/entity-inputs.js';
import { LEAD_FIELDS } from './lead.fields.js';

export enum LeadOrderField {
  LAST_NAME = 'lastName',
  COMPANY = 'company',
  SCORE = 'score',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(LeadOrderField, { name: 'LeadOrderField', description: 'Fields leads can be sorted by.' });

@InputType({ description: 'How to sort leads.' })
export class LeadOrder extends OrderInput(LeadOrderField) {}

@InputType({ description: 'Conditions on leads; all given ones must hold.' })
export class LeadFilter {
  @OptionalText(200, { description: 'Case-insensitive match on first name, last name, email or company.' })
  search?: string | null;

  @EnumField(LeadStatus, { description: 'Only leads with this status.' })
  status?: LeadStatus | null;

  @EnumField(LeadSource, { description: 'Only leads from this source.' })
  source?: LeadSource | null;

  @OptionalId({ description: 'Only leads owned by this user.' })
  ownerId?: string | null;
}

@ArgsType()
export class LeadsArgs extends ListArgsOf(LeadFilter, LeadOrder, 'last name ascending') {}

@InputType()
class LeadFields {
  @EmailField({ description: LEAD_FIELDS.email })
  email?: string | null;

  @OptionalText(200, { description: LEAD_FIELDS.company })
  company?: string | null;

  @EnumField(LeadSource, { description: `${LEAD_FIELDS.source} Default WEB.` })
  source?: LeadSource | null;

  @EnumField(LeadStatus, { description: `${LEAD_FIELDS.status} Default NEW.` })
  status?: LeadStatus | null;

  @IntField(0, 100, { description: `${LEAD_FIELDS.score} Default 0.` })
  score?: number | null;

  @OptionalId({ description: `${LEAD_FIELDS.ownerId} The owner must be a member of this tenant.` })
  ownerId?: string | null;
}

@InputType({ description: 'A new lead.' })
export class CreateLeadInput extends LeadFields {
  @RequiredName(100, { description: LEAD_FIELDS.firstName })
  firstName!: string;

  @RequiredName(100, { description: LEAD_FIELDS.lastName })
  lastName!: string;
}

@InputType({ description: 'Changes to a lead: omitted fields are kept, null clears an optional one.' })
export class UpdateLeadInput extends LeadFields {
  @OptionalName(100, { description: LEAD_FIELDS.firstName })
  firstName?: string | null;

  @OptionalName(100, { description: LEAD_FIELDS.lastName })
  lastName?: string | null;
}
