import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/pagination/connection.js';
import { EntityNode } from '../entity/entity-node.js';

/** A venue where events take place. */
@ObjectType('Location', { description: 'A venue where events and event dates take place.' })
export class LocationObject extends EntityNode {
  @Field({ description: 'Name of the venue.' })
  name!: string;

  @Field({ description: 'Street and number.' })
  addressLine1!: string;

  @Field(() => String, { nullable: true, description: 'Second address line (building, floor).' })
  addressLine2!: string | null;

  @Field({ description: 'City.' })
  city!: string;

  @Field(() => String, { nullable: true, description: 'State, county or region.' })
  region!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode!: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;

  @Field(() => Int, { nullable: true, description: 'How many guests the venue holds.' })
  capacity!: number | null;

  @Field({ description: 'IANA time zone of the venue, e.g. "Europe/Berlin".' })
  timezone!: string;
}

@ObjectType({ description: 'A page of locations.' })
export class LocationConnection extends Connection(LocationObject, 'Location') {}
