import { type ClassType, Field, Int, ObjectType } from 'type-graphql';

/** Relay page info: whether more rows follow and where the page ended. */
@ObjectType({ description: 'Where a page ended and whether more rows follow.' })
export class PageInfo {
  @Field({ description: 'Whether another page follows: pass endCursor as `after` to get it.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last row of this page; null for an empty page.' })
  endCursor!: string | null;
}

/** The plain shape services return; the GraphQL connection classes mirror it. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Counted only when the client selected `totalCount`; absent otherwise. */
  totalCount?: number;
}

/**
 * Builds `<Name>Edge` and `<Name>Connection` object types for a node type (Relay connection
 * spec plus `totalCount`). Subclass the result so the schema gets a named type.
 */
export function Connection<TNode extends object>(nodeType: ClassType<TNode>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this row; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The row.' })
    node!: TNode;
  }

  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [Edge], { description: 'The rows of this page, in order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page ended and whether more follow.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Rows matching the filter across all pages. Counted only when selected: leave it out of pages that do not show it.' })
    totalCount?: number;
  }
  return ConnectionClass;
}
