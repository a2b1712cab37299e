// The query-language properties, run by the `protocol` Playwright project, each with the fault modes of the
// reference server it is built to catch and the check that catches it (by name: src/ does not import the server).
import type { PropertySpec } from '../property.ts';
import {
  malformedQueriesRefused,
  queryConditionsMatchOracle,
  queryFieldsAndUuidPath,
  queryPagesCoverSortedList,
  querySortOrdersAnswer,
} from './properties.ts';

export const QUERY_PROPERTIES: ReadonlyArray<PropertySpec<never>> = [
  queryConditionsMatchOracle,
  querySortOrdersAnswer,
  queryPagesCoverSortedList,
  queryFieldsAndUuidPath,
  malformedQueriesRefused,
] as unknown as ReadonlyArray<PropertySpec<never>>;

export const QUERY_TARGETED_FAULTS: Record<string, Record<string, string>> = {
  queryConditionsMatchOracle: {
    'query-case-sensitive': 'queryReturnsMatchingRows',
    'query-negation-matches-null': 'queryReturnsMatchingRows',
  },
  querySortOrdersAnswer: { 'query-sort-ignored': 'querySortedAsAsked' },
  queryPagesCoverSortedList: {
    'query-start-ignored': 'queryReturnsMatchingRows',
    'query-total-counts-page': 'queryCountsTotal',
  },
  queryFieldsAndUuidPath: {
    'query-fields-ignored': 'queryFieldsSelected',
    'query-uuid-path-ignored': 'queryByUuidAgrees',
  },
  malformedQueriesRefused: {
    'malformed-condition-ignored': 'restLayerRejection',
    'query-unknown-field-ignored': 'rejectedWithErrorCode',
  },
};
