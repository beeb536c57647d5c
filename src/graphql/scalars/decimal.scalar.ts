import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL_PATTERN = /^-?\d{1,12}(\.\d{1,2})?$/;

function parse(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL_PATTERN.test(text)) {
    throw new GraphQLError('Decimal must be a string such as "1234.50" (up to 12 digits and 2 decimals)', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return text;
}

/**
 * Money as an exact decimal string ("1234.50"), never a float: what Postgres stores as
 * numeric(14,2) reaches clients digit for digit.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.50" (money: at most 2 decimals).',
  serialize: (value) => {
    const fixed = (value as { toFixed?: (digits: number) => string } | null)?.toFixed;
    return typeof fixed === 'function' ? fixed.call(value, 2) : String(value);
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) {
      return parse(ast.value);
    }
    throw new GraphQLError('Decimal must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
