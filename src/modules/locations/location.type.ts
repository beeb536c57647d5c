import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';
import { LOCATION_FIELDS } from './location.fields.js';

/** A venue where events take place. */
@ObjectType('Location', { description: 'A venue where events and event dates take place.' })
export class LocationObject extends EntityNode {
  @Field({ description: LOCATION_FIELDS.name })
  name!: string;

  @Field({ description: LOCATION_FIELDS.addressLine1 })
  addressLine1!: string;

  @Field(() => String, { nullable: true, description: LOCATION_FIELDS.addressLine2 })
  addressLine2!: string | null;

  @Field({ description: LOCATION_FIELDS.city })
  city!: string;

  @Field(() => String, { nullable: true, description: LOCATION_FIELDS.region })
  region!: string | null;

  @Field(() => String, { nullable: true, description: LOCATION_FIELDS.postalCode })
  postalCode!: string | null;

  @Field({ description: LOCATION_FIELDS.country })
  country!: string;

  @Field(() => Int, { nullable: true, description: LOCATION_FIELDS.capacity })
  capacity!: number | null;

  @Field({ description: LOCATION_FIELDS.timezone })
  timezone!: string;
}

@ObjectType({ description: 'A page of locations.' })
export class LocationConnection extends Connection(LocationObject, 'Location') {}
