import { Field, ID, ObjectType } from 'type-graphql';

/** What every business row shows: its id and when it was created and last changed. */
@ObjectType()
export abstract class EntityNode {
  @Field(() => ID, { description: 'Unique id (UUID).' })
  id!: string;

  @Field({ description: 'When the row was created.' })
  createdAt!: Date;

  @Field({ description: 'When the row last changed; pass it as expectedUpdatedAt to update or delete safely.' })
  updatedAt!: Date;
}
