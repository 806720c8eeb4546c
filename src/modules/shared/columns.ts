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

const selectLists = new WeakMap<RuntimeDataModel, Map<string, Prisma.Sql>>();

/** `r."name_key" AS "nameKey", …`: every scalar field of the model, under its field name. */
export function selectList(prisma: PrismaClient, columns: Columns<unknown>): Prisma.Sql {
  const dataModel = dataModelOf(prisma);
  let lists = selectLists.get(dataModel);
  if (!lists) selectLists.set(dataModel, (lists = new Map<string, Prisma.Sql>()));
  const key = `${columns.model} ${columns.alias}`;
  let list = lists.get(key);
  if (!list) {
    const fields = modelOf(prisma, columns.model).fields.filter((field) => field.kind === 'scalar' || field.kind === 'enum');
    list = Prisma.raw(fields.map((field) => `${columns.alias}."${field.dbName ?? field.name}" AS "${field.name}"`).join(', '));
    lists.set(key, list);
  }
  return list;
}
