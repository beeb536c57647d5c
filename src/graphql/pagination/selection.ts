import { getDirectiveValues, GraphQLIncludeDirective, type GraphQLResolveInfo, GraphQLSkipDirective, Kind, type SelectionNode, type SelectionSetNode } from 'graphql';

/** Whether `@skip` and `@include` leave the selection in, with the request's variables. */
function included(selection: SelectionNode, info: GraphQLResolveInfo): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, selection, info.variableValues);
  const include = getDirectiveValues(GraphQLIncludeDirective, selection, info.variableValues);
  return skip?.if !== true && include?.if !== false;
}

function selects(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): boolean {
  return (selectionSet?.selections ?? []).some((selection) => {
    if (!included(selection, info)) {
      return false;
    }
    switch (selection.kind) {
      case Kind.FIELD:
        return selection.name.value === name;
      case Kind.INLINE_FRAGMENT:
        return selects(selection.selectionSet, name, info);
      case Kind.FRAGMENT_SPREAD:
        return selects(info.fragments[selection.name.value]?.selectionSet, name, info);
      default:
        return false;
    }
  });
}

/**
 * Whether the field being resolved selects its child field `name` (e.g. a connection's
 * `totalCount`), directly or through fragments, as `@skip` and `@include` leave it.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => selects(node.selectionSet, name, info));
}
