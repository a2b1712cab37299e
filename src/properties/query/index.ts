// The query-language properties, run by the `protocol` Playwright project. The fault modes of the reference
// server each must catch are declared by the faults (their `trips`); tests/self/protocol-properties.spec.ts runs them.
import type { PropertySpec } from '../property.ts';
import {
  malformedQueriesRefused,
  queryConditionsMatchOracle,
  queryFieldsAndUuidPath,
  queryPagesCoverSortedList,
  querySortOrdersAnswer,
} from './properties.ts';
import { queryBooleansAsHqlLiterals, queryTimestampsCompareAsDates } from './typed-properties.ts';

export const QUERY_PROPERTIES: ReadonlyArray<PropertySpec<never>> = [
  queryConditionsMatchOracle,
  querySortOrdersAnswer,
  queryPagesCoverSortedList,
  queryFieldsAndUuidPath,
  malformedQueriesRefused,
  queryTimestampsCompareAsDates,
  queryBooleansAsHqlLiterals,
] as unknown as ReadonlyArray<PropertySpec<never>>;
