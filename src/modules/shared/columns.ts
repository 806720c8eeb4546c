import type { RuntimeDataModel } from '@prisma/client/runtime/client';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';

/**
 * Select lists for raw SQL, built from Prisma's data model rather than written
 * by hand: schema.prisma's `@map`s are the one place that says which column
 * holds which field, so a renamed column changes the raw selects with it and
 * a raw row has exactly the fields of the model type it is cast to.
 */

/** A model's row as Prisma Client returns it: its scalar fields (Unsupported ones, like search_vector, are not fields). */
export type RowOf<M extends Prisma.ModelName> = Prisma.TypeMap['model'][M]['payload']['scalars'];

/** The columns of a model under a table alias; `Row` is what a raw row selected through them is. */
export interface Columns<Row> {
  readonly model: Prisma.ModelName;
  readonly alias: string;
  /** Only these fields (see columnsFor); every scalar field when absent. */
  readonly fields?: readonly string[];
  /** Never set: it carries the row type to the statements that select these columns. */
  readonly row?: Row;
}

/** `columnsOf('Researcher', 'r')` for a statement that reads `FROM researcher r`. */
export function columnsOf<M extends Prisma.ModelName>(model: M, alias: string): Columns<RowOf<M>> {
  return { model, alias };
}

/**
 * Prisma 7's `prisma-client` generator keeps the data model (each field's
 * `dbName`) on the client and no longer exports it as `Prisma.dmmf`; Prisma is
 * pinned to an exact version, and test/unit/rowShapes.test.ts fails first if
 * an upgrade moves it.
 */
export function dataModelOf(prisma: PrismaClient): RuntimeDataModel {
  const dataModel = (prisma as unknown as { _runtimeDataModel?: RuntimeDataModel })._runtimeDataModel;
  if (!dataModel?.models) {
    throw new Error('Prisma Client has no _runtimeDataModel: the Prisma upgrade moved it; read the field-to-column mapping from where it went (src/modules/shared/columns.ts).');
  }
  return dataModel;
}

function modelOf(prisma: PrismaClient, model: Prisma.ModelName) {
  const found = dataModelOf(prisma).models[model];
  if (!found) throw new Error(`Prisma's data model has no model ${model}.`);
  return found;
}

/** The quoted table of a model: `"researcher"`. */
export function tableOf(prisma: PrismaClient, model: Prisma.ModelName): Prisma.Sql {
  return Prisma.raw(`"${modelOf(prisma, model).dbName ?? model}"`);
}

/** The quoted column of a model's field: `"name_key"` for nameKey. */
export function columnOf<M extends Prisma.ModelName>(prisma: PrismaClient, model: M, field: keyof RowOf<M> & string): Prisma.Sql {
  const found = modelOf(prisma, model).fields.find((candidate) => candidate.name === field);
  if (!found) throw new Error(`Prisma's model ${model} has no field ${field}.`);
  return Prisma.raw(`"${found.dbName ?? found.name}"`);
}

/**
 * A row of which some fields were selected: always the `Key` fields (ids, the
 * keys that resolvers, cursors and __resolveType read), the others only when
 * the query asked for a GraphQL field that reads them (columnsFor).
 */
export type PartialRow<Row, Key extends keyof Row> = Pick<Row, Key> & Partial<Omit<Row, Key>>;

/**
 * For each GraphQL field of a type, the row fields it reads (`position` reads
 * positionId; `authors` reads only the key, through a loader: []). Typed from
 * the schema's codegen type: a new GraphQL field does not compile until it
 * says which columns it needs.
 */
export type FieldColumns<GraphQLType, Row> = Record<Exclude<keyof GraphQLType, '__typename'>, readonly (keyof Row & string)[]>;

/**
 * The columns that the GraphQL fields `requested` read, plus `always`; field
 * names that are not in the table (`__typename`) read nothing.
 */
export function columnsFor<Row, Key extends keyof Row & string, GraphQLType>(
  columns: Columns<Row>,
  always: readonly Key[],
  table: FieldColumns<GraphQLType, Row>,
  requested: ReadonlySet<string>,
): Columns<PartialRow<Row, Key>> {
  const fields = new Set<string>(always);
  for (const name of requested) for (const field of (table as Record<string, readonly string[] | undefined>)[name] ?? []) fields.add(field);
  return { model: columns.model, alias: columns.alias, fields: [...fields].sort() };
}

/**
 * A field of a partial row that must have been selected. A missing one is a
 * bug in a FieldColumns table (a resolver reads a column its field does not
 * list), said plainly rather than read as null.
 */
export function selected<Row, Field extends keyof Row & string>(row: Row, field: Field): Exclude<Row[Field], undefined> {
  const value = row[field];
  if (value === undefined) throw new Error(`The row was read without its ${field} column: add it to the field's entry in its FieldColumns table.`);
  return value as Exclude<Row[Field], undefined>;
}

const selectLists = new WeakMap<RuntimeDataModel, Map<string, Prisma.Sql>>();

/** `r."name_key" AS "nameKey", …`: every scalar field of the model (or the `fields` of `columns`), under its field name. */
export function selectList(prisma: PrismaClient, columns: Columns<unknown>): Prisma.Sql {
  const dataModel = dataModelOf(prisma);
  let lists = selectLists.get(dataModel);
  if (!lists) selectLists.set(dataModel, (lists = new Map<string, Prisma.Sql>()));
  const key = `${columns.model} ${columns.alias} ${columns.fields?.join(',') ?? '*'}`;
  let list = lists.get(key);
  if (!list) {
    const wanted = columns.fields && new Set(columns.fields);
    const fields = modelOf(prisma, columns.model).fields.filter(
      (field) => (field.kind === 'scalar' || field.kind === 'enum') && (!wanted || wanted.has(field.name)),
    );
    if (wanted && fields.length !== wanted.size) throw new Error(`Model ${columns.model} lacks one of the fields ${[...wanted].join(', ')}.`);
    list = Prisma.raw(fields.map((field) => `${columns.alias}."${field.dbName ?? field.name}" AS "${field.name}"`).join(', '));
    lists.set(key, list);
  }
  return list;
}
