import { IsOptional, Matches } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { IntField } from '../../graphql/business-fields.js';
import { OptionalName, OptionalText, RequiredName } from '../../graphql/input-fields.js';
import { OrderInput } from '../../graphql/pagination/order-input.js';
import { ListArgsOf } from '../entity/entity-inputs.js';
import { LOCATION_FIELDS } from './location.fields.js';

export enum LocationOrderField {
  NAME = 'name',
  CITY = 'city',
  CAPACITY = 'capacity',
  CREATED_AT = 'createdAt',
}
registerEnumType(LocationOrderField, { name: 'LocationOrderField', description: 'Fields locations can be sorted by.' });

@InputType({ description: 'How to sort locations.' })
export class LocationOrder extends OrderInput(LocationOrderField) {}

const COUNTRY = /^[A-Z]{2}$/;
const COUNTRY_MESSAGE = 'country must be an ISO 3166-1 alpha-2 code such as DE';

@InputType({ description: 'Conditions on locations; all given ones must hold.' })
export class LocationFilter {
  @OptionalText(200, { description: 'Case-insensitive match on the name or city.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only venues in this country (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @Matches(COUNTRY, { message: COUNTRY_MESSAGE })
  country?: string | null;
}

@ArgsType()
export class LocationsArgs extends ListArgsOf(LocationFilter, LocationOrder, 'name ascending') {}

@InputType()
class LocationFields {
  @OptionalText(200, { description: LOCATION_FIELDS.addressLine2 })
  addressLine2?: string | null;

  @OptionalText(100, { description: LOCATION_FIELDS.region })
  region?: string | null;

  @OptionalText(20, { description: LOCATION_FIELDS.postalCode })
  postalCode?: string | null;

  @IntField(1, 1_000_000, { description: LOCATION_FIELDS.capacity })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: `${LOCATION_FIELDS.timezone} Default UTC.` })
  @IsOptional()
  @Matches(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, { message: 'timezone must be an IANA time zone such as Europe/Berlin' })
  timezone?: string | null;
}

@InputType({ description: 'A new location.' })
export class CreateLocationInput extends LocationFields {
  @RequiredName(200, { description: LOCATION_FIELDS.name })
  name!: string;

  @RequiredName(200, { description: LOCATION_FIELDS.addressLine1 })
  addressLine1!: string;

  @RequiredName(100, { description: LOCATION_FIELDS.city })
  city!: string;

  @Field({ description: LOCATION_FIELDS.country })
  @Matches(COUNTRY, { message: COUNTRY_MESSAGE })
  country!: string;
}

@InputType({ description: 'Changes to a location: omitted fields are kept, null clears an optional one.' })
export class UpdateLocationInput extends LocationFields {
  @OptionalName(200, { description: LOCATION_FIELDS.name })
  name?: string | null;

  @OptionalName(200, { description: LOCATION_FIELDS.addressLine1 })
  addressLine1?: string | null;

  @OptionalName(100, { description: LOCATION_FIELDS.city })
  city?: string | null;

  @Field(() => String, { nullable: true, description: LOCATION_FIELDS.country })
  @IsOptional()
  @Matches(COUNTRY, { message: COUNTRY_MESSAGE })
  country?: string | null;
}
