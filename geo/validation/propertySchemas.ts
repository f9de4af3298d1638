// Runtime schemas of each file's feature properties, mirroring geo/schema.ts. Each is checked
// against its interface at compile time (`satisfies`), so adding a field there without adding
// it here fails the type check. `id` is left to the id check, which also finds duplicates.
import { z } from 'zod';
import {
  COMPOUND_KINDS,
  type AreaProps,
  type BoundaryProps,
  type BuildingProps,
  type CommitteeProps,
  type CompoundProps,
  type LandmarkProps,
  type LineProps,
  type PackFileKey,
  type Provenance,
  type RoadProps,
} from '../schema.ts';

type WithoutId<T> = Omit<T, 'id'>;

/** The members of a string union as a list; the compiler rejects a list that misses one. */
const everyMember =
  <T extends string>() =>
  <const L extends readonly T[]>(...values: L & ([T] extends [L[number]] ? unknown : never)) =>
    values;

const provenance = z.enum(everyMember<Provenance>()('real', 'schematic', 'synthesized'));
const text = z.string().min(1);
const count = z.number().int().nonnegative();
const positive = z.number().positive();

const named = z.object({ name: text, nameEn: text, provenance });
const boundary = named satisfies z.ZodType<WithoutId<BoundaryProps>>;
const areas = named satisfies z.ZodType<WithoutId<AreaProps>>;

const committees = z.object({
  adcode: z.string().regex(/^\d{12}$/, 'expected a 12-digit code').nullable(),
  name: text,
  nameEn: text,
  shortName: text,
  areaId: text,
  provenance,
}) satisfies z.ZodType<WithoutId<CommitteeProps>>;

const compounds = z.object({
  name: text,
  nameEn: text,
  areaId: text,
  committeeId: text,
  households: count,
  residents: count,
  elderlyShare: z.number().min(0).max(1),
  kind: z.enum(COMPOUND_KINDS),
  // Shanghai's housing stock: nothing older than the treaty-port era, nothing from the future.
  builtYear: z.number().int().min(1840).max(2100),
  address: z.string().nullable(),
  provenance,
}) satisfies z.ZodType<WithoutId<CompoundProps>>;

const buildings = z.object({
  compoundId: text,
  height: positive,
  floors: z.number().int().positive(),
}) satisfies z.ZodType<WithoutId<BuildingProps>>;

const landmarks = z.object({
  name: text,
  nameEn: text,
  kind: z.enum(
    everyMember<LandmarkProps['kind']>()('school', 'health', 'plaza', 'junction', 'community', 'metro'),
  ),
  provenance,
}) satisfies z.ZodType<WithoutId<LandmarkProps>>;

const roads = z.object({
  name: text,
  nameEn: text,
  class: z.enum(everyMember<RoadProps['class']>()('boundary', 'elevated', 'arterial', 'local')),
  provenance,
}) satisfies z.ZodType<RoadProps>;

const lines = z.object({ name: text, provenance }) satisfies z.ZodType<LineProps>;

export const PROPERTY_SCHEMAS: Record<PackFileKey, z.ZodType> = {
  boundary,
  areas,
  committees,
  compounds,
  buildings,
  landmarks,
  roads,
  railway: lines,
  green: lines,
};
