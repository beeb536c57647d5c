import { ArgsType, InputType, registerEnumType } from 'type-graphql';
import { LeadSource, LeadStatus } from '../../generated/tenant/enums.js';
import { EmailField, EnumField, IntField } from '../../graphql/business-fields.js';
import { OptionalId, OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { ListArgsOf } from '../entity/entity-inputs.js';

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
  @EmailField({ description: 'Email address of the person.' })
  email?: string | null;

  @OptionalText(200, { description: 'The company the person works for.' })
  company?: string | null;

  @EnumField(LeadSource, { description: 'Where the lead came from (default WEB).' })
  source?: LeadSource | null;

  @EnumField(LeadStatus, { description: 'Qualification status (default NEW).' })
  status?: LeadStatus | null;

  @IntField(0, 100, { description: 'Lead score, 0 to 100 (default 0).' })
  score?: number | null;

  @OptionalId({ description: 'Owner: a member of this tenant.' })
  ownerId?: string | null;
}

@InputType({ description: 'A new lead.' })
export class CreateLeadInput extends LeadFields {
  @RequiredName(100, { description: 'First name of the person.' })
  firstName!: string;

  @RequiredName(100, { description: 'Last name of the person.' })
  lastName!: string;
}

@InputType({ description: 'Changes to a lead: omitted fields are kept, null clears an optional one.' })
export class UpdateLeadInput extends LeadFields {
  @OptionalName(100, { description: 'First name of the person.' })
  firstName?: string | null;

  @OptionalName(100, { description: 'Last name of the person.' })
  lastName?: string | null;
}
