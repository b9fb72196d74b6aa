import { formattedValueToString, getValueFormat } from '@grafana/data';

const percent = getValueFormat('percentunit');

/** A loss ratio as a percentage: "2.00%", "0.010%" (three decimals below 0.1 %). */
export const formatLoss = (x: number) => formattedValueToString(percent(x, x > 0 && x < 0.001 ? 3 : 2));

/** A share (0..1) as a whole percentage: "17%". */
export const formatShare = (x: number) => formattedValueToString(percent(x, 0));
