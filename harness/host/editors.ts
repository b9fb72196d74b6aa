import {
  FieldConfigPropertyItem,
  FieldType,
  StandardEditorProps,
  StandardEditorsRegistryItem,
  ThresholdsMode,
  booleanOverrideProcessor,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  valueMappingsOverrideProcessor,
} from '@grafana/data';

/**
 * Host implementation of what Grafana core registers at boot (public/app/core/components/OptionsUI/registry.tsx).
 * `PanelOptionsEditorBuilder.addTextInput()` etc. look their editor up in `standardEditorsRegistry` and throw when
 * it is missing, and `useFieldConfig()` builds on `standardFieldConfigEditorRegistry` — so without these a plugin's
 * option defaults and field config cannot even be computed. The harness has no options pane, so every editor is
 * a placeholder; what matters for rendering are the ids, paths, defaults, processors and `shouldApply`.
 */
function NoEditor(_props: StandardEditorProps<unknown>) {
  return null;
}

const EDITOR_IDS = [
  'text',
  'number',
  'slider',
  'boolean',
  'radio',
  'select',
  'unit',
  'links',
  'actions',
  'stats-picker',
  'strings',
  'timezone',
  'fieldColor',
  'color',
  'multi-select',
  'field-name',
  'dashboard-uid',
  'mappings',
  'thresholds',
];

function optionEditors(): StandardEditorsRegistryItem[] {
  return EDITOR_IDS.map((id) => ({ id, name: id, description: 'harness placeholder editor', editor: NoEditor }));
}

/** Same ids, paths, processors and defaults as Grafana 12's standard field options. */
function standardFieldConfigs(): FieldConfigPropertyItem[] {
  const category = ['Standard options'];
  const base = { editor: NoEditor, override: NoEditor, category, shouldApply: () => true };
  const isNumber = (field: { type: FieldType }) => field.type === FieldType.number;
  return [
    {
      ...base,
      id: 'unit',
      path: 'unit',
      name: 'Unit',
      process: stringOverrideProcessor,
      settings: { placeholder: 'none' },
    },
    { ...base, id: 'min', path: 'min', name: 'Min', process: numberOverrideProcessor, shouldApply: isNumber },
    { ...base, id: 'max', path: 'max', name: 'Max', process: numberOverrideProcessor, shouldApply: isNumber },
    {
      ...base,
      id: 'fieldMinMax',
      path: 'fieldMinMax',
      name: 'Field min/max',
      process: booleanOverrideProcessor,
      shouldApply: isNumber,
    },
    {
      ...base,
      id: 'decimals',
      path: 'decimals',
      name: 'Decimals',
      process: numberOverrideProcessor,
      settings: { min: 0, max: 15, integer: true },
      shouldApply: isNumber,
    },
    {
      ...base,
      id: 'displayName',
      path: 'displayName',
      name: 'Display name',
      process: displayNameOverrideProcessor,
      settings: { placeholder: 'none', expandTemplateVars: true },
    },
    {
      ...base,
      id: 'color',
      path: 'color',
      name: 'Color scheme',
      process: identityOverrideProcessor,
      settings: { byValueSupport: true, preferThresholdsMode: true },
    },
    {
      ...base,
      id: 'noValue',
      path: 'noValue',
      name: 'No value',
      process: stringOverrideProcessor,
      settings: { placeholder: '-' },
    },
    {
      ...base,
      id: 'links',
      path: 'links',
      name: 'Data links',
      process: dataLinksOverrideProcessor,
      category: ['Data links and actions'],
    },
    {
      ...base,
      id: 'actions',
      path: 'actions',
      name: 'Actions',
      process: identityOverrideProcessor,
      category: ['Data links and actions'],
      hideFromDefaults: true,
    },
    {
      ...base,
      id: 'mappings',
      path: 'mappings',
      name: 'Value mappings',
      process: valueMappingsOverrideProcessor,
      defaultValue: [],
      shouldApply: (field) => field.type !== FieldType.time,
      category: ['Value mappings'],
    },
    {
      ...base,
      id: 'thresholds',
      path: 'thresholds',
      name: 'Thresholds',
      process: thresholdsOverrideProcessor,
      defaultValue: {
        mode: ThresholdsMode.Absolute,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 80, color: 'red' },
        ],
      },
      category: ['Thresholds'],
    },
    {
      ...base,
      id: 'filterable',
      path: 'filterable',
      name: 'Ad-hoc filterable',
      process: booleanOverrideProcessor,
      hideFromDefaults: true,
    },
  ];
}

export function registerStandardEditors(): void {
  standardEditorsRegistry.setInit(optionEditors);
  standardFieldConfigEditorRegistry.setInit(standardFieldConfigs);
}

export { NoEditor };
