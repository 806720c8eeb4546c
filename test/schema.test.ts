import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, type GraphQLField, type GraphQLInputField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../src/schema.js';

describe('schema.graphql', () => {
  it('describes every type, field, argument and enum value (Apollo Sandbox shows them)', () => {
    const schema = buildSchema(typeDefs);
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
      if (!type.description) undescribed.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        // Two calls, one per kind: on the union of the three types, getFields() is typed any.
        const fields: (GraphQLField<unknown, unknown> | GraphQLInputField)[] = isInputObjectType(type) ? Object.values(type.getFields()) : Object.values(type.getFields());
        for (const field of fields) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const argument of 'args' in field ? field.args : []) {
            if (!argument.description) undescribed.push(`${type.name}.${field.name}(${argument.name})`);
          }
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) undescribed.push(`${type.name}.${value.name}`);
    }
    expect(undescribed).toEqual([]);
  });
});
