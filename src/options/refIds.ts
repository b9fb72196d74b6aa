import { FieldOverrideContext, SelectableValue } from '@grafana/data';

/** A refId picker's settings: fixed choices (auto, none …) first, then the queries the panel's response holds. */
export interface RefIdSettings {
  options: Array<SelectableValue<string>>;
  getOptions: (context: FieldOverrideContext) => Promise<Array<SelectableValue<string>>>;
  allowCustomValue: true;
}

/** The refIds of the panel's queries, in the order they answered. */
export function refIdsOf(context: Pick<FieldOverrideContext, 'data'>): string[] {
  return [
    ...new Set((context.data ?? []).map((f) => f.refId).filter((r): r is string => typeof r === 'string' && r !== '')),
  ];
}

/**
 * `addSelect` / `addMultiSelect` settings listing the panel's queries (context.data) after the fixed choices; a refId
 * not in the response (a query that returned nothing yet) can still be typed.
 */
export function refIdPicker(fixed: Array<SelectableValue<string>> = []): RefIdSettings {
  return {
    options: fixed,
    getOptions: async (context) => {
      const taken = new Set(fixed.map((o) => o.value));
      return [
        ...fixed,
        ...refIdsOf(context)
          .filter((r) => !taken.has(r))
          .map((r) => ({ value: r, label: r })),
      ];
    },
    allowCustomValue: true,
  };
}
