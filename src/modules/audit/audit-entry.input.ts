import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { OptionalId, OptionalText } from '../../graphql/input-fields.js';
import { PageArgs } from '../../graphql/pagination/page-args.js';

@InputType({ description: 'All given conditions must hold; text fields match exactly.' })
export class AuditLogFilter {
  @OptionalId({ description: 'Rows of this acting user.' })
  userId?: string | null;

  @OptionalText(100, { description: 'e.g. `deleteAccount`.' })
  operation?: string | null;

  @OptionalText(100, { description: 'e.g. `Account`, `User`.' })
  targetType?: string | null;

  @OptionalText(200, { description: 'Rows about this record id.' })
  targetId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Rows at or after this time.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Rows before this time.' })
  until?: Date | null;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditLogFilter, { nullable: true, description: 'Only rows matching it.' })
  @IsOptional()
  @ValidateNested()
  filter?: AuditLogFilter | null;
}
